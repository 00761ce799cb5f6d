// Advisory file locks, one table for every guest process (all of them run in this Node
// process, and the host cannot take flock or fcntl locks for us from Node). Files are
// told apart by device and inode, so two opens of one file see each other's locks.
//   flock(2) locks cover the whole file and belong to an open file description: they
//   go when the last fd referring to it closes (found stale lazily, see isFileHeld).
//   fcntl byte-range locks belong to an fd table (classic POSIX locks, F_SETLK: any
//   close of the file by that table drops them) or to an open file description
//   (F_OFD_SETLK). The two kinds conflict with each other; flock locks with neither.
import { F_UNLCK, F_WRLCK } from './constants.js';
import { isFileHeld } from './fd-table.js';
import type { OpenFile } from './open-file.js';

export interface RangeLock {
  /** An fd table (POSIX locks) or an open file description (OFD locks). */
  readonly owner: object;
  readonly ofd: boolean;
  /** What F_GETLK reports as l_pid: the locking process (-1 for an OFD lock). */
  readonly pid: number;
  /** F_RDLCK or F_WRLCK (F_UNLCK in a request: remove). */
  readonly type: number;
  readonly start: number;
  /** The last byte covered; Infinity for a lock that reaches past any end of file. */
  readonly end: number;
}

interface WholeFileLock {
  readonly owner: OpenFile;
  readonly exclusive: boolean;
}

interface InodeLocks {
  flocks: WholeFileLock[];
  ranges: RangeLock[];
}

const inodes = new Map<string, InodeLocks>();

/**
 * Runs `use` on the locks of `file`'s inode (without those of descriptions nobody holds
 * any more); the table keeps an entry only while something is locked.
 */
function withLocks<T>(file: OpenFile, use: (locks: InodeLocks) => T): T {
  const st = file.stat();
  const key = `${st.dev}:${st.ino}`;
  const old = inodes.get(key);
  const locks: InodeLocks = {
    flocks: (old?.flocks ?? []).filter((l) => isFileHeld(l.owner)),
    ranges: (old?.ranges ?? []).filter((l) => !l.ofd || isFileHeld(l.owner as OpenFile)),
  };
  const result = use(locks);
  if (locks.flocks.length > 0 || locks.ranges.length > 0) inodes.set(key, locks);
  else inodes.delete(key);
  return result;
}

/** flock(LOCK_SH / LOCK_EX): takes the lock, or returns false when another holds a conflicting one. */
export function tryFlock(file: OpenFile, exclusive: boolean): boolean {
  return withLocks(file, (locks) => {
    const own = locks.flocks.find((l) => l.owner === file);
    if (own?.exclusive === exclusive) return true;
    // Converting a lock gives up the old one first, as Linux does.
    locks.flocks = locks.flocks.filter((l) => l.owner !== file);
    if (locks.flocks.some((l) => exclusive || l.exclusive)) return false;
    locks.flocks.push({ owner: file, exclusive });
    return true;
  });
}

/** Whether no other description holds a flock lock that one of this kind conflicts with. */
export function flockFree(file: OpenFile, exclusive: boolean): boolean {
  return withLocks(file, (locks) => !locks.flocks.some((l) => l.owner !== file && (exclusive || l.exclusive)));
}

/** flock(LOCK_UN). */
export function unflock(file: OpenFile): void {
  withLocks(file, (locks) => {
    locks.flocks = locks.flocks.filter((l) => l.owner !== file);
  });
}

const overlaps = (a: RangeLock, b: RangeLock): boolean => a.start <= b.end && b.start <= a.end;

/** The first lock of another owner that keeps `req` from being taken (F_GETLK's answer). */
export function rangeConflict(file: OpenFile, req: RangeLock): RangeLock | undefined {
  const conflicts = (l: RangeLock): boolean =>
    l.owner !== req.owner && overlaps(l, req) && (l.type === F_WRLCK || req.type === F_WRLCK);
  return withLocks(file, (locks) => locks.ranges.find(conflicts));
}

/**
 * Applies `req` for its owner (the caller has checked rangeConflict): the owner's locks
 * over the range are replaced (F_UNLCK: removed, split where they stick out) and
 * neighbours of the same type merge, so that F_GETLK reports whole locked regions.
 */
export function setRange(file: OpenFile, req: RangeLock): void {
  withLocks(file, (locks) => {
    locks.ranges = [...locks.ranges.filter((l) => l.owner !== req.owner), ...replaced(locks.ranges, req)];
  });
}

/** The owner's locks once `req` is applied to them, merged and in order. */
function replaced(ranges: readonly RangeLock[], req: RangeLock): RangeLock[] {
  const mine: RangeLock[] = [];
  for (const l of ranges) {
    if (l.owner !== req.owner) continue;
    if (!overlaps(l, req)) mine.push(l);
    else {
      if (l.start < req.start) mine.push({ ...l, end: req.start - 1 });
      if (l.end > req.end) mine.push({ ...l, start: req.end + 1 });
    }
  }
  if (req.type !== F_UNLCK) mine.push(req);
  mine.sort((a, b) => a.start - b.start);
  const merged: RangeLock[] = [];
  for (const l of mine) {
    const last = merged[merged.length - 1];
    const joins = last && last.type === l.type && l.start <= last.end + 1;
    if (joins) merged[merged.length - 1] = { ...last, end: Math.max(last.end, l.end) };
    else merged.push(l);
  }
  return merged;
}

/** `table` closed an fd of `file`: its POSIX locks on that file are gone (all of them). */
export function releaseTableLocks(table: object, file: OpenFile): void {
  if (![...inodes.values()].some((i) => i.ranges.some((l) => l.owner === table))) return;
  try {
    withLocks(file, (locks) => {
      locks.ranges = locks.ranges.filter((l) => l.owner !== table);
    });
  } catch {
    // a file that cannot be looked at any more (a path fd whose name went)
  }
}
