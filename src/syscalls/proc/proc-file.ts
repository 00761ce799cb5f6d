// Open files of the guest's /proc and /sys: the text is made when the file is opened
// (as Linux's seq_file makes it on the first read) and read like a regular file;
// directories list their entries for getdents64. stat() borrows the host's own
// counterpart (same type, mode and owner).
import { statSync } from 'node:fs';
import { PAGE_SIZE, PERM_MAPPED, WINDOW_SIZE, type AddressSpace } from '../../memory/address-space.js';
import { SEEK } from '../constants.js';
import type { DirEntry } from '../dir-list.js';
import { E, SysError } from '../errno.js';
import { fileStatFromHost, type FileStat } from '../file-stat.js';
import { seekTarget } from '../host-file.js';
import type { OpenFile } from '../open-file.js';

const hostStat = (like: string): FileStat => fileStatFromHost(statSync(like, { bigint: true }));

export class ProcFile implements OpenFile {
  readonly hostFd = undefined;
  readonly isDirectory = false;
  private offset = 0;

  constructor(
    readonly path: string,
    public flags: number,
    private readonly bytes: Uint8Array,
    /** The host file whose metadata stat() shows. */
    private readonly like: string,
    /** What a write does (files the guest may write, like comm). */
    private readonly writer?: (bytes: Uint8Array) => void,
  ) {}

  read(dst: Uint8Array, at?: number): number {
    const from = at ?? this.offset;
    const part = this.bytes.subarray(from, from + dst.length);
    dst.set(part);
    if (at === undefined) this.offset += part.length;
    return part.length;
  }

  write(src: Uint8Array): number {
    if (!this.writer) throw new SysError(E.EBADF); // openProc lets no writer open it
    this.writer(src);
    return src.length;
  }

  seek(offset: number, whence: number): number {
    this.offset = seekTarget(this.offset, offset, whence, () => this.bytes.length);
    return this.offset;
  }

  stat(): FileStat {
    return hostStat(this.like);
  }

  close(): void {}
}

export class ProcDir implements OpenFile {
  readonly hostFd = undefined;
  readonly isDirectory = true;
  dirEntries: DirEntry[];
  private position = 0;

  constructor(
    readonly path: string,
    public flags: number,
    private readonly list: () => DirEntry[],
    private readonly like: string,
  ) {
    this.dirEntries = list();
  }

  read(): number {
    throw new SysError(E.EISDIR);
  }

  write(): number {
    throw new SysError(E.EISDIR);
  }

  seek(offset: number, whence: number): number {
    if (whence === SEEK.SEEK_END) throw new SysError(E.EINVAL);
    this.position = seekTarget(this.position, offset, whence, () => 0);
    if (this.position === 0) this.dirEntries = this.list(); // rewinddir sees new entries
    return this.position;
  }

  stat(): FileStat {
    return hostStat(this.like);
  }

  close(): void {}
}

/**
 * /proc/<pid>/mem: the process's memory at file offsets equal to its addresses. Reads
 * and writes ignore page protection (as a debugger's do); unmapped pages give EIO.
 */
export class ProcMemFile implements OpenFile {
  readonly hostFd = undefined;
  readonly isDirectory = false;
  private offset = 0;

  constructor(
    readonly path: string,
    public flags: number,
    private readonly mem: () => AddressSpace,
    private readonly like: string,
  ) {}

  read(dst: Uint8Array, at?: number): number {
    const from = at ?? this.offset;
    const n = this.mappedLength(from, dst.length);
    dst.set(this.mem().u8.subarray(from, from + n));
    if (at === undefined) this.offset += n;
    return n;
  }

  write(src: Uint8Array, at?: number): number {
    const to = at ?? this.offset;
    const n = this.mappedLength(to, src.length);
    this.mem().poke(to, src.subarray(0, n));
    if (at === undefined) this.offset += n;
    return n;
  }

  seek(offset: number, whence: number): number {
    this.offset = seekTarget(this.offset, offset, whence, () => 0);
    return this.offset;
  }

  stat(): FileStat {
    return hostStat(this.like);
  }

  close(): void {}

  /** How many bytes from `addr` on (up to `len`) lie in mapped pages; EIO if none. */
  private mappedLength(addr: number, len: number): number {
    const mem = this.mem();
    let n = 0;
    while (n < len && addr + n < WINDOW_SIZE && mem.perm[Math.floor((addr + n) / PAGE_SIZE)] & PERM_MAPPED) {
      n = Math.min(len, (Math.floor((addr + n) / PAGE_SIZE) + 1) * PAGE_SIZE - addr);
    }
    if (n === 0 && len > 0) throw new SysError(E.EIO);
    return n;
  }
}
