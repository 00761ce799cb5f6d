// Copying between two open files inside the kernel: sendfile and copy_file_range
// (busybox cat, coreutils cp), and fadvise64, the access-pattern hint that goes with
// reading files.
import { int, ulong } from '../args.js';
import { S_IFIFO, S_IFMT, S_IFREG, S_IFSOCK, SEEK } from '../constants.js';
import { E, SysError } from '../errno.js';
import { MAX_RW_COUNT } from '../guest-buffer.js';
import type { GuestProcess } from '../guest-process.js';
import type { OpenFile } from '../open-file.js';
import { sys, type SyscallRow } from '../row.js';
import type { GuestThread } from '../thread.js';
import { WouldBlock } from '../wait.js';
import { openFile, readableFile, writableFile } from './fd-access.js';
import { reading, writing } from './file-io.js';

/** Bytes moved per host read/write pair. */
const CHUNK = 128 * 1024;
/** POSIX_FADV_NORMAL .. POSIX_FADV_NOREUSE: the advice values Linux accepts. */
const FADV_MAX = 5;

const isRegular = (f: OpenFile): boolean => (f.stat().mode & S_IFMT) === S_IFREG;

/** A guest `loff_t *`: the position it holds, checked like the kernel does. */
export function offsetAt(p: GuestProcess, addr: number): number {
  const at = p.mem.readU64(addr);
  if (at < 0) throw new SysError(E.EINVAL);
  return at;
}

/**
 * Copies up to `count` bytes of `src` to `dst`; returns how many were written. Each
 * side is read or written at the given position, or, when undefined, at its own file
 * offset (which then moves, the host's too for a file the emulator inherited).
 */
function copyRange(src: OpenFile, from: number | undefined, dst: OpenFile, to: number | undefined, count: number): number {
  const buf = new Uint8Array(Math.min(CHUNK, Math.max(count, 1)));
  const at = (start: number | undefined, done: number): number | undefined => (start === undefined ? undefined : start + done);
  let done = 0;
  while (done < count) {
    const n = src.read(buf.subarray(0, Math.min(buf.length, count - done)), at(from, done));
    if (n === 0) break;
    let written: number;
    try {
      written = dst.write(buf.subarray(0, n), at(to, done));
    } catch (err) {
      if (err instanceof WouldBlock && done > 0) break; // what was sent so far is the result
      throw err;
    }
    done += written;
    if (written < n) break;
  }
  return done;
}

function sendfile(p: GuestProcess, t: GuestThread, outFd: number, inFd: number, offsetAddr: number, count: number): number {
  const src = readableFile(p, inFd);
  const dst = writableFile(p, outFd);
  if (!isRegular(src)) throw new SysError(E.EINVAL); // in_fd must be mmap-able
  const copy = (from: number | undefined): number =>
    reading(p, inFd, () => writing(p, t, outFd, () => copyRange(src, from, dst, undefined, count)));
  if (offsetAddr !== 0) {
    const from = offsetAt(p, offsetAddr);
    const n = copy(from);
    p.mem.writeU64(offsetAddr, from + n);
    return n;
  }
  // A file takes every byte read; a pipe or socket may not, and the input must not move
  // past bytes it did not take.
  if (isRegular(dst)) return copy(undefined);
  const from = src.seek(0, SEEK.SEEK_CUR);
  const n = copy(from);
  src.seek(from + n, SEEK.SEEK_SET);
  return n;
}

function copyFileRange(
  p: GuestProcess, t: GuestThread, inFd: number, inAddr: number, outFd: number, outAddr: number, count: number, flags: number,
): number {
  if (flags !== 0) throw new SysError(E.EINVAL);
  const src = readableFile(p, inFd);
  const dst = writableFile(p, outFd);
  if (dst.flags & p.abi.openFlags.append) throw new SysError(E.EBADF);
  if (src.isDirectory || dst.isDirectory) throw new SysError(E.EISDIR);
  if (!isRegular(src) || !isRegular(dst)) throw new SysError(E.EINVAL);
  const from = inAddr !== 0 ? offsetAt(p, inAddr) : undefined;
  const to = outAddr !== 0 ? offsetAt(p, outAddr) : undefined;
  const a = src.stat(), b = dst.stat();
  if (a.dev === b.dev && a.ino === b.ino) {
    const f = from ?? src.seek(0, SEEK.SEEK_CUR), d = to ?? dst.seek(0, SEEK.SEEK_CUR);
    if (f < d + count && d < f + count) throw new SysError(E.EINVAL);
  }
  const n = reading(p, inFd, () => writing(p, t, outFd, () => copyRange(src, from, dst, to, count)));
  if (from !== undefined) p.mem.writeU64(inAddr, from + n);
  if (to !== undefined) p.mem.writeU64(outAddr, to + n);
  return n;
}

/** Accepted and checked, then left to the host's page cache (Linux may ignore advice too). */
function fadvise(p: GuestProcess, fd: number, len: number, advice: number): number {
  const type = openFile(p, fd).stat().mode & S_IFMT;
  if (type === S_IFIFO || type === S_IFSOCK) throw new SysError(E.ESPIPE);
  if (len < 0 || advice < 0 || advice > FADV_MAX) throw new SysError(E.EINVAL);
  return 0;
}

export const fileCopyRows: SyscallRow[] = [
  sys('sendfile', ['fd', 'fd', 'ptr', 'size'], (p, a, t) =>
    sendfile(p, t, int(a[0]), int(a[1]), a[2], Math.min(ulong(a[3]), MAX_RW_COUNT))),
  sys('copy_file_range', ['fd', 'ptr', 'fd', 'ptr', 'size', 'int'], (p, a, t) =>
    copyFileRange(p, t, int(a[0]), a[1], int(a[2]), a[3], Math.min(ulong(a[4]), MAX_RW_COUNT), int(a[5]))),
  sys('fadvise64', ['fd', 'long', 'long', 'int'], (p, a) => fadvise(p, int(a[0]), a[2], int(a[3]))),
];
