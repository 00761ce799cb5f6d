// The guest's file descriptor table: small numbers -> open file descriptions, with the
// per-fd close-on-exec bit.
import { E, SysError } from './errno.js';
import type { OpenFile } from './open-file.js';

export interface FdEntry {
  readonly file: OpenFile;
  cloexec: boolean;
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

  /** Installs `file` at the lowest free fd >= `min`. */
  add(file: OpenFile, cloexec: boolean, min = 0): number {
    const limit = this.limit();
    if (min >= limit) throw new SysError(E.EINVAL);
    for (let fd = min; fd < limit; fd++) {
      if (!this.entries.has(fd)) {
        this.entries.set(fd, { file, cloexec });
        return fd;
      }
    }
    throw new SysError(E.EMFILE);
  }

  /** Installs `file` at exactly `fd`, closing what was there (dup3). */
  install(fd: number, file: OpenFile, cloexec: boolean): void {
    if (fd < 0 || fd >= this.limit()) throw new SysError(E.EBADF);
    if (this.entries.has(fd)) this.close(fd);
    this.entries.set(fd, { file, cloexec });
  }

  close(fd: number): void {
    const e = this.entry(fd);
    this.entries.delete(fd);
    for (const other of this.entries.values()) if (other.file === e.file) return;
    e.file.close();
  }

  closeAll(): void {
    for (const fd of [...this.entries.keys()]) this.close(fd);
  }
}
