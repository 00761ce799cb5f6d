// Moving bytes: read, write and their vector and positioned forms, and lseek.
import { int, ulong } from '../args.js';
import { E, SysError } from '../errno.js';
import { MAX_RW_COUNT, readableView, writableView } from '../guest-buffer.js';
import type { GuestProcess } from '../guest-process.js';
import { readIovecsFromGuest, type Iovec } from '../guest-structs.js';
import type { OpenFile } from '../open-file.js';
import { sys, type SyscallRow } from '../row.js';
import { raisingSigpipe } from '../sigpipe.js';
import type { GuestThread } from '../thread.js';
import { mayTransfer } from '../tty-job-control.js';
import { WouldBlock } from '../wait.js';
import { openFile, readableFile, writableFile } from './fd-access.js';

const UIO_MAXIOV = 1024;

const count = (v: number): number => Math.min(ulong(v), MAX_RW_COUNT);

function position(v: number): number {
  if (v < 0) throw new SysError(E.EINVAL);
  return v;
}

function iovecs(p: GuestProcess, addr: number, n: number): Iovec[] {
  const cnt = int(n);
  if (cnt < 0 || cnt > UIO_MAXIOV) throw new SysError(E.EINVAL);
  return readIovecsFromGuest(p.mem, addr, cnt);
}

function readv(p: GuestProcess, fd: number, iovAddr: number, cnt: number): number {
  const file = readableFile(p, fd);
  if (file.readVector) {
    let room = MAX_RW_COUNT;
    return file.readVector(iovecs(p, iovAddr, cnt).map((v) => {
      const view = writableView(p.mem, v.base, Math.min(v.len, room));
      room -= view.length;
      return view;
    }));
  }
  let total = 0;
  for (const v of iovecs(p, iovAddr, cnt)) {
    const want = Math.min(v.len, MAX_RW_COUNT - total);
    if (want === 0) continue;
    const dst = writableView(p.mem, v.base, want);
    let n: number;
    try {
      n = file.read(dst);
    } catch (err) {
      if (err instanceof WouldBlock && total > 0) break; // what was read so far is the result
      throw err;
    }
    total += n;
    if (n < want) break;
  }
  return total;
}

function writev(p: GuestProcess, fd: number, iovAddr: number, cnt: number): number {
  const file = writableFile(p, fd);
  const parts = iovecs(p, iovAddr, cnt).map((v) => readableView(p.mem, v.base, Math.min(v.len, MAX_RW_COUNT)));
  // One host write, so a line written in pieces is not interleaved with other output.
  return file.write(Buffer.concat(parts).subarray(0, MAX_RW_COUNT));
}

/** Reads `fd` with `io`, after the process's writes to shared mappings of the file reached it. */
export function reading(p: GuestProcess, fd: number, io: (file: OpenFile) => number): number {
  const file = readableFile(p, fd);
  return p.kernel.shared.fileIo(p, file, false, () => io(file));
}

/** Writes `fd` with `io`; the process's shared mappings of the file then show the new bytes. */
export function writing(p: GuestProcess, t: GuestThread, fd: number, io: (file: OpenFile) => number): number {
  const file = writableFile(p, fd);
  return raisingSigpipe(p, t, () => p.kernel.shared.fileIo(p, file, true, () => io(file)));
}

export const fileIoRows: SyscallRow[] = [
  sys('read', ['fd', 'ptr', 'size'], (p, a, t) => !mayTransfer(p, t, readableFile(p, a[0]), false) ? 0
    : reading(p, a[0], (f) => f.read(writableView(p.mem, a[1], count(a[2]))))),
  sys('write', ['fd', 'ptr', 'size'], (p, a, t) => !mayTransfer(p, t, writableFile(p, a[0]), true) ? 0
    : writing(p, t, a[0], (f) => f.write(readableView(p.mem, a[1], count(a[2]))))),
  sys('pread64', ['fd', 'ptr', 'size', 'long'], (p, a) =>
    reading(p, a[0], (f) => f.read(writableView(p.mem, a[1], count(a[2])), position(a[3])))),
  sys('pwrite64', ['fd', 'ptr', 'size', 'long'], (p, a, t) =>
    writing(p, t, a[0], (f) => f.write(readableView(p.mem, a[1], count(a[2])), position(a[3])))),
  sys('readv', ['fd', 'ptr', 'int'], (p, a, t) => !mayTransfer(p, t, readableFile(p, a[0]), false) ? 0
    : reading(p, a[0], () => readv(p, a[0], a[1], a[2]))),
  sys('writev', ['fd', 'ptr', 'int'], (p, a, t) => !mayTransfer(p, t, writableFile(p, a[0]), true) ? 0
    : writing(p, t, a[0], () => writev(p, a[0], a[1], a[2]))),
  sys('lseek', ['fd', 'long', 'whence'], (p, a) => openFile(p, a[0]).seek(a[1], int(a[2]))),
];
