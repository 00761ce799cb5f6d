// An open file description backed by a host fd. Node has no lseek, so the kernel keeps
// the offset of seekable files itself and reads/writes them at explicit positions;
// streams (ttys, pipes, sockets) use the host's own position.
import { closeSync, fstatSync, readFileSync, readSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { SEEK } from './constants.js';
import type { DirEntry } from './dir-list.js';
import { E, SysError } from './errno.js';
import { fileStatFromHost, type FileStat } from './file-stat.js';
import { notifyClose } from './fs-notify.js';
import type { OpenFile } from './open-file.js';
import { O_RDONLY, type OpenFlagBits } from './open-flags.js';
import { sleepMs } from './sleep.js';

const isEagain = (err: unknown): boolean =>
  err instanceof Error && 'code' in err && err.code === 'EAGAIN';

/** The host's current offset of `fd` from /proc/self/fdinfo (Linux hosts), if readable. */
function hostOffset(fd: number): number | undefined {
  try {
    const m = /^pos:\s*(\d+)/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

export interface HostFileOptions {
  /** An fd the emulator was given (stdio): never closed, and its offset is the host's. */
  inherited?: boolean;
}

/**
 * Where lseek(offset, SEEK_SET, SEEK_CUR or SEEK_END) from `current` leads in a file of
 * `size()` bytes; EINVAL for another whence or a place before the start.
 */
export function seekTarget(current: number, offset: number, whence: number, size: () => number): number {
  let to: number;
  switch (whence) {
    case SEEK.SEEK_SET: to = offset; break;
    case SEEK.SEEK_CUR: to = current + offset; break;
    case SEEK.SEEK_END: to = size() + offset; break;
    default: throw new SysError(E.EINVAL);
  }
  if (to < 0) throw new SysError(E.EINVAL);
  return to;
}

export class HostFile implements OpenFile {
  readonly isDirectory: boolean;
  readonly isTty: boolean;
  dirEntries?: DirEntry[];
  /** undefined: a stream, or an inherited file still using the host's offset. */
  private offset: number | undefined;
  private readonly isRegular: boolean;
  /** Character devices other than ttys (/dev/null): lseek succeeds and does nothing. */
  private readonly isNullSeek: boolean;

  constructor(
    readonly hostFd: number,
    public flags: number,
    readonly path: string | undefined,
    private readonly bits: OpenFlagBits,
    private readonly options: HostFileOptions = {},
  ) {
    const st = fstatSync(hostFd);
    this.isDirectory = st.isDirectory();
    this.isTty = isatty(hostFd);
    this.isRegular = st.isFile() || st.isBlockDevice();
    this.isNullSeek = st.isCharacterDevice() && !this.isTty;
    if ((this.isRegular || this.isDirectory) && !options.inherited) this.offset = 0;
  }

  read(dst: Uint8Array, at?: number): number {
    if (this.isDirectory) throw new SysError(E.EISDIR);
    if (at !== undefined) return this.positioned(() => readSync(this.hostFd, dst, 0, dst.length, at));
    if (this.offset === undefined) return this.blocking(() => readSync(this.hostFd, dst, 0, dst.length, null));
    const n = readSync(this.hostFd, dst, 0, dst.length, this.offset);
    this.offset += n;
    return n;
  }

  write(src: Uint8Array, at?: number): number {
    if (at !== undefined) return this.positioned(() => writeSync(this.hostFd, src, 0, src.length, at));
    if (this.offset === undefined) return this.writeAll(src);
    if (this.flags & this.bits.append) this.offset = Number(fstatSync(this.hostFd).size);
    let done = 0;
    while (done < src.length) done += writeSync(this.hostFd, src, done, src.length - done, this.offset + done);
    this.offset += done;
    return done;
  }

  seek(offset: number, whence: number): number {
    if (this.offset === undefined) {
      if (this.isNullSeek) return 0;
      const here = this.isRegular ? hostOffset(this.hostFd) : undefined;
      if (here === undefined) throw new SysError(E.ESPIPE);
      // The host's offset is shared with whoever else holds this file description (the
      // shell that sent stdout to a file writes after us): asking where it is, as stdio
      // does at start-up, keeps using it. Only a seek that moves it (Node has no lseek)
      // switches an inherited file to kernel-kept offsets.
      const to = this.target(here, offset, whence);
      if (to === here) return to;
      this.offset = here;
    }
    const to = this.target(this.offset, offset, whence);
    if (this.isDirectory && to === 0) this.dirEntries = undefined; // rewinddir sees new entries
    this.offset = to;
    return to;
  }

  /** Where lseek(offset, whence) from `current` leads. */
  private target(current: number, offset: number, whence: number): number {
    const size = (): number => Number(fstatSync(this.hostFd).size);
    if (whence === SEEK.SEEK_DATA || whence === SEEK.SEEK_HOLE) {
      // No holes are visible through Node: all data up to the end, one hole after it.
      if (offset >= size()) throw new SysError(E.ENXIO);
      return seekTarget(current, whence === SEEK.SEEK_DATA ? offset : size(), SEEK.SEEK_SET, size);
    }
    if (this.isDirectory && whence === SEEK.SEEK_END) throw new SysError(E.EINVAL);
    return seekTarget(current, offset, whence, size);
  }

  stat(): FileStat {
    return fileStatFromHost(fstatSync(this.hostFd, { bigint: true }));
  }

  close(): void {
    if (this.path !== undefined) notifyClose(this.path, this.hostFd, (this.flags & this.bits.accmode) !== O_RDONLY);
    if (!this.options.inherited) closeSync(this.hostFd);
  }

  private positioned(op: () => number): number {
    if (!this.isRegular && !this.isNullSeek) throw new SysError(E.ESPIPE);
    return op();
  }

  /** Streams the guest opened blocking must block even if the host fd is non-blocking. */
  private blocking(op: () => number): number {
    for (let wait = 1; ; wait = Math.min(wait * 2, 20)) {
      try {
        return op();
      } catch (err) {
        if (!isEagain(err) || this.flags & this.bits.nonblock) throw err;
        sleepMs(wait);
      }
    }
  }

  private writeAll(src: Uint8Array): number {
    let done = 0;
    while (done < src.length) {
      const n = this.blocking(() => writeSync(this.hostFd, src, done, src.length - done, null));
      done += n;
      if (this.flags & this.bits.nonblock) break;
    }
    return done;
  }
}
