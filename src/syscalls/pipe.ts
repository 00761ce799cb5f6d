// pipe2: Node cannot make a host pipe synchronously, so a pipe is a buffer in the
// kernel, shared by every process holding one of its ends. Reading an empty pipe
// (or writing a full one) waits while the other end is still open somewhere — unless
// the end is O_NONBLOCK, or nothing else can ever run to help (then EAGAIN, where Linux
// would block forever). Writing with no reader left is EPIPE (and SIGPIPE, see file-io).
import { S_IFIFO } from './constants.js';
import { E, SysError } from './errno.js';
import type { FileStat } from './file-stat.js';
import type { OpenFile, Readiness } from './open-file.js';
import { O_RDONLY, O_WRONLY } from './open-flags.js';
import { WouldBlock } from './wait.js';
import { WakeStamps } from './wake-stamps.js';

/** A new pipe's capacity (F_SETPIPE_SZ changes it). */
const DEFAULT_CAPACITY = 65536;
/** Writes up to this size are atomic: they wait for room rather than being split. */
const PIPE_BUF = 4096;
let nextInode = 1n;

class PipeBuffer {
  capacity = DEFAULT_CAPACITY;
  data = new Uint8Array(0);
  readers = 1;
  writers = 1;
  readonly ino = nextInode++;
  readonly created = BigInt(Date.now()) * 1_000_000n;
  /** Wake-ups of the readers (data, the last writer gone) and of the writers (room, the last reader gone). */
  readonly readerWakeups = new WakeStamps();
  readonly writerWakeups = new WakeStamps();

  append(bytes: Uint8Array): void {
    const grown = new Uint8Array(this.data.length + bytes.length);
    grown.set(this.data);
    grown.set(bytes, this.data.length);
    this.data = grown;
    this.readerWakeups.wakeReaders();
  }
}

class PipeEnd implements OpenFile {
  readonly path = undefined;
  readonly hostFd = undefined;
  readonly isDirectory = false;

  constructor(
    readonly pipe: PipeBuffer,
    public flags: number,
    private readonly isWriter: boolean,
    /** The ABI's O_NONBLOCK bit. */
    private readonly nonblock: number,
  ) {}

  read(dst: Uint8Array, at?: number): number {
    if (at !== undefined) throw new SysError(E.ESPIPE);
    if (this.isWriter) throw new SysError(E.EBADF);
    const p = this.pipe;
    if (p.data.length === 0) {
      if (p.writers === 0 || dst.length === 0) return 0;
      this.wait(() => p.data.length > 0 || p.writers === 0);
    }
    const n = Math.min(dst.length, p.data.length);
    dst.set(p.data.subarray(0, n));
    p.data = p.data.slice(n);
    p.writerWakeups.wakeWriters();
    return n;
  }

  write(src: Uint8Array, at?: number): number {
    if (at !== undefined) throw new SysError(E.ESPIPE);
    if (!this.isWriter) throw new SysError(E.EBADF);
    const p = this.pipe;
    if (p.readers === 0) throw new SysError(E.EPIPE);
    const room = p.capacity - p.data.length;
    if (src.length > 0 && (room === 0 || (src.length <= PIPE_BUF && room < src.length))) {
      const need = Math.min(src.length, PIPE_BUF);
      this.wait(() => p.capacity - p.data.length >= need || p.readers === 0);
    }
    const n = Math.min(src.length, room);
    p.append(src.subarray(0, n));
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
    if (this.isWriter) {
      this.pipe.writers--;
      this.pipe.readerWakeups.wakeReaders();
    } else {
      this.pipe.readers--;
      this.pipe.writerWakeups.wakeWriters();
    }
  }

  get wakeups(): WakeStamps {
    return this.isWriter ? this.pipe.writerWakeups : this.pipe.readerWakeups;
  }

  readiness(): Readiness {
    const p = this.pipe;
    if (this.isWriter) {
      return { readable: false, writable: p.readers === 0 || p.data.length < p.capacity, hangup: false, error: p.readers === 0 };
    }
    return { readable: p.data.length > 0, writable: false, hangup: p.writers === 0, error: false };
  }

  bytesToRead(): number {
    return this.pipe.data.length; // either end, as Linux answers
  }

  /** EAGAIN for a non-blocking end; otherwise the call waits until `ready` and runs again. */
  private wait(ready: () => boolean): never {
    if (this.flags & this.nonblock) throw new SysError(E.EAGAIN);
    throw new WouldBlock({ ready, fallback: -E.EAGAIN, deadline: Infinity, timeoutResult: 0, restart: 'sa-restart' });
  }
}

/** The read and write ends of a new pipe; `extraFlags` are status flags both ends get. */
export function makePipe(extraFlags: number, nonblockBit: number): [OpenFile, OpenFile] {
  const p = new PipeBuffer();
  return [new PipeEnd(p, O_RDONLY | extraFlags, false, nonblockBit), new PipeEnd(p, O_WRONLY | extraFlags, true, nonblockBit)];
}

export function isPipeEnd(f: OpenFile): boolean {
  return f instanceof PipeEnd;
}

/** Everything a pipe holds now, taken out of it (what a host program gets as stdin). */
export function drainPipe(f: OpenFile): Uint8Array {
  if (!(f instanceof PipeEnd)) return new Uint8Array(0);
  const data = f.pipe.data;
  f.pipe.data = new Uint8Array(0);
  return data;
}

/** splice and tee: the bytes a pipe holds, left in it (a view, valid until the pipe changes). */
export function peekPipe(f: OpenFile): Uint8Array {
  return f instanceof PipeEnd ? f.pipe.data : new Uint8Array(0);
}

/** splice: takes the first `n` bytes out of a pipe once they have gone elsewhere. */
export function dropFromPipe(f: OpenFile, n: number): void {
  if (!(f instanceof PipeEnd) || n === 0) return;
  f.pipe.data = f.pipe.data.slice(n);
  f.pipe.writerWakeups.wakeWriters();
}

/** Puts a host program's output into a pipe, however much there is. */
export function appendToPipe(f: OpenFile, bytes: Uint8Array): void {
  if (f instanceof PipeEnd && f.pipe.readers > 0) f.pipe.append(bytes);
}

/** F_GETPIPE_SZ: the capacity of the pipe `f` is an end of (undefined: not a pipe). */
export function pipeCapacity(f: OpenFile): number | undefined {
  return f instanceof PipeEnd ? f.pipe.capacity : undefined;
}

/** F_SETPIPE_SZ: a new capacity (checked and rounded by the caller); EBUSY below what it holds. */
export function resizePipe(f: OpenFile, capacity: number): void {
  if (!(f instanceof PipeEnd)) throw new SysError(E.EBADF);
  if (f.pipe.data.length > capacity) throw new SysError(E.EBUSY);
  f.pipe.capacity = capacity;
}
