// Where file system changes are announced to inotify: the kernel calls these at the
// few places it creates, removes, renames, opens, changes and closes files for the
// guest. Watches are by inode (device and inode number on the host), as in Linux: an
// event about a directory entry goes to the watches of its directory (with the name)
// and to those of the file itself. With no watch anywhere, each call costs one test.
//
// What guest processes do is announced here as it happens. Of other host programs'
// changes only those to watched files' contents and attributes are seen (host-changes.ts,
// through Node's fs.watch); their creates, deletes and moves are not, as fs.watch tells
// them late and without Linux's distinctions, so the inotify rows report that once.
import { fstatSync, lstatSync, type BigIntStats } from 'node:fs';
import { basename, dirname } from 'node:path';

export const IN_ACCESS = 0x1, IN_MODIFY = 0x2, IN_ATTRIB = 0x4, IN_CLOSE_WRITE = 0x8, IN_CLOSE_NOWRITE = 0x10;
export const IN_OPEN = 0x20, IN_MOVED_FROM = 0x40, IN_MOVED_TO = 0x80, IN_CREATE = 0x100, IN_DELETE = 0x200;
export const IN_DELETE_SELF = 0x400, IN_MOVE_SELF = 0x800, IN_ISDIR = 0x40000000;

/** One watched file, as `inodeOf` names it. */
export type InodeKey = string;

export interface FsWatcher {
  /**
   * An event on the file `inode`: `name` is set when it is about the entry `name` in
   * the directory `inode`. The mask has IN_ISDIR when the object is a directory.
   */
  notify(inode: InodeKey, mask: number, cookie: number, name: string | undefined): void;
  /** The file `inode` is gone: its watches end (IN_IGNORED). */
  gone(inode: InodeKey): void;
}

const watchers = new Set<FsWatcher>();
let nextCookie = 1;

export function addWatcher(w: FsWatcher): void {
  watchers.add(w);
}

export function removeWatcher(w: FsWatcher): void {
  watchers.delete(w);
}

export const inodeKey = (dev: bigint, ino: bigint): InodeKey => `${dev}:${ino}`;

/** What an event needs to know of a file: its inode, whether it is a directory, its state. */
export interface Inode {
  readonly key: InodeKey; readonly isDir: boolean; readonly links: bigint;
  /** Size and times: whether the file changed since an earlier look. */
  readonly state: string;
}

export const inodeFromStat = (st: BigIntStats): Inode => ({
  key: inodeKey(st.dev, st.ino), isDir: st.isDirectory(), links: st.nlink, state: `${st.size}:${st.mtimeNs}:${st.ctimeNs}`,
});

/** The state each file host-changes.ts tracks had after the guest's last event about it. */
const announcedStates = new Map<InodeKey, string>();

/** Keeps what the guest's event left of a file host-changes.ts tracks. */
function remember(self: Inode): void {
  if (announcedStates.has(self.key)) announcedStates.set(self.key, self.state);
}

/** The inode `path` names (without following a last symlink), when something watches at all. */
export function inodeOf(path: string): Inode | undefined {
  if (watchers.size === 0) return undefined;
  try {
    return inodeFromStat(lstatSync(path, { bigint: true }));
  } catch {
    return undefined;
  }
}

function send(inode: InodeKey, mask: number, cookie: number, name: string | undefined, isDir: boolean): void {
  for (const w of watchers) w.notify(inode, mask | (isDir ? IN_ISDIR : 0), cookie, name);
}

/** An event about the file at `path` (known as `self`), told to it and to its directory. */
function aboutEntry(path: string, self: Inode, mask: number, cookie = 0): void {
  remember(self);
  const dir = inodeOf(dirname(path));
  if (dir) send(dir.key, mask, cookie, basename(path), self.isDir);
  send(self.key, mask, cookie, undefined, self.isDir);
}

/** The file at `path` was read, written, opened or had its attributes changed. */
export function notifyChange(path: string, mask: number): void {
  if (watchers.size === 0) return;
  const self = inodeOf(path);
  if (self) aboutEntry(path, self, mask);
}

/** The last fd of the file opened by `path` as `hostFd` is about to be closed. */
export function notifyClose(path: string, hostFd: number, wrote: boolean): void {
  if (watchers.size === 0) return;
  aboutEntry(path, inodeFromStat(fstatSync(hostFd, { bigint: true })), wrote ? IN_CLOSE_WRITE : IN_CLOSE_NOWRITE);
}

/** `path` was created (a file, directory, link, node). */
export function notifyCreate(path: string): void {
  if (watchers.size === 0) return;
  const self = inodeOf(path);
  const dir = inodeOf(dirname(path));
  if (!self) return;
  remember(self);
  if (!self.isDir && self.links > 1n) send(self.key, IN_ATTRIB, 0, undefined, false); // a new hard link
  if (dir) send(dir.key, IN_CREATE, 0, basename(path), self.isDir);
}

/** `path`, which was `self` (see inodeOf, taken before), was removed. */
export function notifyDelete(path: string, self: Inode | undefined): void {
  if (!self) return;
  if (!self.isDir) send(self.key, IN_ATTRIB, 0, undefined, false); // one link fewer
  const dir = inodeOf(dirname(path));
  if (dir) send(dir.key, IN_DELETE, 0, basename(path), self.isDir);
  if (self.isDir || self.links <= 1n) {
    send(self.key, IN_DELETE_SELF, 0, undefined, self.isDir);
    for (const w of watchers) w.gone(self.key);
  }
}

/** `self` moved from `from` to `to`; a file `to` named before (`replaced`) is gone. */
export function notifyMove(from: string, to: string, self: Inode | undefined, replaced: Inode | undefined): void {
  if (!self) return;
  const cookie = nextCookie++ >>> 0;
  const fromDir = inodeOf(dirname(from));
  const toDir = inodeOf(dirname(to));
  if (fromDir) send(fromDir.key, IN_MOVED_FROM, cookie, basename(from), self.isDir);
  if (toDir) send(toDir.key, IN_MOVED_TO, cookie, basename(to), self.isDir);
  send(self.key, IN_MOVE_SELF, 0, undefined, self.isDir);
  if (replaced && replaced.key !== self.key && (replaced.isDir || replaced.links <= 1n)) {
    send(replaced.key, IN_DELETE_SELF, 0, undefined, replaced.isDir);
    for (const w of watchers) w.gone(replaced.key);
  }
}

/** How many host watches (host-changes.ts) want each file's announced state kept. */
const stateTrackers = new Map<InodeKey, number>();

/** Starts (or, with `on` false, stops) keeping the state of `self` after the guest's events. */
export function trackAnnouncedState(self: Inode, on: boolean): void {
  const n = (stateTrackers.get(self.key) ?? 0) + (on ? 1 : -1);
  if (n > 0) {
    stateTrackers.set(self.key, n);
    if (on && n === 1) announcedStates.set(self.key, self.state);
    return;
  }
  stateTrackers.delete(self.key);
  announcedStates.delete(self.key);
}

/**
 * The file at `path` changed by some other means than a guest call: when its state is not
 * what the guest's last event left, IN_MODIFY (contents) or IN_ATTRIB goes out. Returns
 * whether one did.
 */
export function notifyOutsideChange(path: string): boolean {
  const self = inodeOf(path);
  const before = self && announcedStates.get(self.key);
  if (!self || before === undefined || before === self.state) return false;
  const [size, mtime] = before.split(':');
  const [newSize, newMtime] = self.state.split(':');
  aboutEntry(path, self, size !== newSize || mtime !== newMtime ? IN_MODIFY : IN_ATTRIB);
  return true;
}
