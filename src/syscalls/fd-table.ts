// The guest's file descriptor tables: small numbers -> open file descriptions, with
// the per-fd close-on-exec bit. A description may be held by several fds, in several
// tables (dup, fork): it is closed when the last of them goes.
import { E, SysError } from './errno.js';
import { releaseTableLocks } from './file-locks.js';
import type { OpenFile } from './open-file.js';

export interface FdEntry {
  readonly file: OpenFile;
  cloexec: boolean;
}

/** How many fds, in every table, refer to each open file description (and files in flight). */
const holders = new WeakMap<OpenFile, number>();

/** One more reference to `file`: an fd, or a file in flight in an SCM_RIGHTS message. */
export function holdFile(file: OpenFile): void {
  holders.set(file, (holders.get(file) ?? 0) + 1);
}

/** Whether any fd (or message in flight) still refers to `file`. */
export function isFileHeld(file: OpenFile): boolean {
  return holders.has(file);
}

/** Drops a reference taken by holdFile; the last one closes the file. */
export function releaseFile(file: OpenFile): void {
  const n = (holders.get(file) ?? 1) - 1;
  if (n > 0) {
    holders.set(file, n);
    return;
  }
  holders.delete(file);
  file.close();
}

export class FdTable {
  private readonly entries = new Map<number, FdEntry>();

  /** `limit` gives RLIMIT_NOFILE's soft value at the time of each allocation. */
  constructor(private readonly limit: () => number) {}

  entry(fd: number): FdEntry {
    const e = this.entries.get(fd);
    if (!e) throw new SysError(E.EBADF);
    return e;
  }

  get(fd: number): OpenFile {
    return this.entry(fd).file;
  }

  /** The open fds, lowest first. */
  get fds(): number[] {
    return [...this.entries.keys()].sort((a, b) => a - b);
  }

  /** Installs `file` at the lowest free fd >= `min`. */
  add(file: OpenFile, cloexec: boolean, min = 0): number {
    const limit = this.limit();
    if (min >= limit) throw new SysError(E.EINVAL);
    for (let fd = min; fd < limit; fd++) {
      if (!this.entries.has(fd)) {
        this.set(fd, file, cloexec);
        return fd;
      }
    }
    throw new SysError(E.EMFILE);
  }

  /** Installs `file` at exactly `fd`, closing what was there (dup3). */
  install(fd: number, file: OpenFile, cloexec: boolean): void {
    if (fd < 0 || fd >= this.limit()) throw new SysError(E.EBADF);
    const old = this.entries.get(fd);
    this.set(fd, file, cloexec);
    if (old) this.dropped(old.file);
  }

  close(fd: number): void {
    const e = this.entry(fd);
    this.entries.delete(fd);
    this.dropped(e.file);
  }

  closeAll(): void {
    for (const fd of [...this.entries.keys()]) this.close(fd);
  }

  /** execve: the close-on-exec fds go. */
  closeOnExec(): void {
    for (const [fd, e] of [...this.entries]) if (e.cloexec) this.close(fd);
  }

  /** fork: a new table whose fds refer to the same open file descriptions. */
  copy(limit: () => number): FdTable {
    const t = new FdTable(limit);
    for (const [fd, e] of this.entries) t.set(fd, e.file, e.cloexec);
    return t;
  }

  /** An fd of this table no longer refers to `file`: POSIX locks go with any such close. */
  private dropped(file: OpenFile): void {
    releaseTableLocks(this, file);
    releaseFile(file);
  }

  private set(fd: number, file: OpenFile, cloexec: boolean): void {
    holdFile(file);
    this.entries.set(fd, { file, cloexec });
  }
}
