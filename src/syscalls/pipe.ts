// pipe2: Node cannot make a host pipe synchronously, so a pipe is a buffer in the
// kernel. With one guest thread nobody else can fill or drain it, so where Linux
// would block forever the guest gets EAGAIN instead.
import { S_IFIFO } from './constants.js';
import { E, SysError } from './errno.js';
import type { FileStat } from './file-stat.js';
import type { OpenFile } from './open-file.js';
import { O_RDONLY, O_WRONLY } from './open-flags.js';

const PIPE_CAPACITY = 65536;
let nextInode = 1n;

class PipeBuffer {
  data = new Uint8Array(0);
  readers = 1;
  writers = 1;
  readonly ino = nextInode++;
  readonly created = BigInt(Date.now()) * 1_000_000n;
}

class PipeEnd implements OpenFile {
  readonly path = undefined;
  readonly hostFd = undefined;
  readonly isDirectory = false;

  constructor(private readonly pipe: PipeBuffer, public flags: number, private readonly isWriter: boolean) {}

  read(dst: Uint8Array, at?: number): number {
    if (at !== undefined) throw new SysError(E.ESPIPE);
    if (this.isWriter) throw new SysError(E.EBADF);
    const p = this.pipe;
    if (p.data.length === 0) {
      if (p.writers === 0 || dst.length === 0) return 0;
      throw new SysError(E.EAGAIN);
    }
    const n = Math.min(dst.length, p.data.length);
    dst.set(p.data.subarray(0, n));
    p.data = p.data.slice(n);
    return n;
  }

  write(src: Uint8Array, at?: number): number {
    if (at !== undefined) throw new SysError(E.ESPIPE);
    if (!this.isWriter) throw new SysError(E.EBADF);
    const p = this.pipe;
    if (p.readers === 0) throw new SysError(E.EPIPE);
    const n = Math.min(src.length, PIPE_CAPACITY - p.data.length);
    if (n === 0 && src.length > 0) throw new SysError(E.EAGAIN);
    const grown = new Uint8Array(p.data.length + n);
    grown.set(p.data);
    grown.set(src.subarray(0, n), p.data.length);
    p.data = grown;
    return n;
  }

  seek(): number {
    throw new SysError(E.ESPIPE);
  }

  stat(): FileStat {
    const p = this.pipe;
    return {
      dev: 0xcn, ino: p.ino, mode: S_IFIFO | 0o600, nlink: 1,
      uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0, rdev: 0n,
      size: BigInt(p.data.length), blksize: 4096, blocks: 0n,
      atimeNs: p.created, mtimeNs: p.created, ctimeNs: p.created, birthtimeNs: 0n,
    };
  }

  close(): void {
    if (this.isWriter) this.pipe.writers--;
    else this.pipe.readers--;
  }
}

/** The read and write ends of a new pipe; `extraFlags` are status flags both ends get. */
export function makePipe(extraFlags: number): [OpenFile, OpenFile] {
  const p = new PipeBuffer();
  return [new PipeEnd(p, O_RDONLY | extraFlags, false), new PipeEnd(p, O_WRONLY | extraFlags, true)];
}
