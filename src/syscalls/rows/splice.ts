// splice, tee and vmsplice: moving bytes into, out of and between pipes without a
// user-space buffer. At least one end of splice, both of tee, and vmsplice's fd are pipes.
import { int, ulong } from '../args.js';
import { E, SysError } from '../errno.js';
import { MAX_RW_COUNT } from '../guest-buffer.js';
import type { GuestProcess } from '../guest-process.js';
import { gatherIovecs, guestIovecs, readIntoIovecs } from '../iovec-io.js';
import { withoutWaiting } from '../no-wait.js';
import type { OpenFile } from '../open-file.js';
import { O_WRONLY } from '../open-flags.js';
import { dropFromPipe, isPipeEnd, peekPipe, pipeCapacity } from '../pipe.js';
import { sys, type SyscallRow } from '../row.js';
import type { GuestThread } from '../thread.js';
import { WouldBlock } from '../wait.js';
import { openFile, readableFile, writableFile } from './fd-access.js';
import { offsetAt } from './file-copy.js';
import { reading, writing } from './file-io.js';

const SPLICE_F_MOVE = 1, SPLICE_F_NONBLOCK = 2, SPLICE_F_MORE = 4, SPLICE_F_GIFT = 8;
/** MOVE and GIFT are hints about pages, MORE about what follows: none changes the bytes moved. */
const SPLICE_FLAGS = SPLICE_F_MOVE | SPLICE_F_NONBLOCK | SPLICE_F_MORE | SPLICE_F_GIFT;

interface Transfer {
  p: GuestProcess;
  t: GuestThread;
  len: number;
  /** SPLICE_F_NONBLOCK: the pipe side fails with EAGAIN rather than waiting. */
  nonblock: boolean;
}

function checkFlags(flags: number): boolean {
  if (flags & ~SPLICE_FLAGS) throw new SysError(E.EINVAL);
  return (flags & SPLICE_F_NONBLOCK) !== 0;
}

/** A pipe I/O step, failing rather than waiting when the call is non-blocking. */
const pipeStep = (x: Transfer, io: () => number): number => (x.nonblock ? withoutWaiting(io) : io());

const samePipe = (a: OpenFile, b: OpenFile): boolean => a.stat().ino === b.stat().ino;

/** Waits for `from` to hold data; false when it never will (no writer left: end of file). */
function pipeHasData(x: Transfer, from: OpenFile): boolean {
  const ready = (): boolean => {
    const r = from.readiness?.();
    return r === undefined || r.readable || r.hangup;
  };
  if (peekPipe(from).length > 0) return true;
  if (from.readiness?.().hangup) return false;
  if (x.nonblock || from.flags & x.p.abi.openFlags.nonblock) throw new SysError(E.EAGAIN);
  throw new WouldBlock({ ready, fallback: -E.EAGAIN, deadline: Infinity, timeoutResult: 0, restart: 'sa-restart' });
}

/** Waits for room in the pipe `to`; returns how much there is. */
function pipeRoom(x: Transfer, to: OpenFile): number {
  const room = (): number => (pipeCapacity(to) ?? 0) - (to.bytesToRead?.() ?? 0);
  if (room() > 0 || to.readiness?.().error) return room();
  if (x.nonblock || to.flags & x.p.abi.openFlags.nonblock) throw new SysError(E.EAGAIN);
  throw new WouldBlock({
    ready: () => room() > 0 || to.readiness?.().error === true,
    fallback: -E.EAGAIN, deadline: Infinity, timeoutResult: 0, restart: 'sa-restart',
  });
}

/** From a pipe to any file: only what the output took leaves the pipe. */
function spliceFromPipe(x: Transfer, from: OpenFile, outFd: number, offAddr: number): number {
  const out = writableFile(x.p, outFd);
  if (isPipeEnd(out) && samePipe(from, out)) throw new SysError(E.EINVAL);
  if (!isPipeEnd(out) && out.flags & x.p.abi.openFlags.append) throw new SysError(E.EINVAL);
  const at = offAddr !== 0 ? offsetAt(x.p, offAddr) : undefined;
  if (!pipeHasData(x, from)) return 0;
  const bytes = peekPipe(from).slice(0, x.len);
  const n = writing(x.p, x.t, outFd, (f) => (isPipeEnd(f) ? pipeStep(x, () => f.write(bytes)) : f.write(bytes, at)));
  dropFromPipe(from, n);
  if (at !== undefined) x.p.mem.writeU64(offAddr, at + n);
  return n;
}

/** From a file, socket or the like into a pipe: no more is read than the pipe has room for. */
function spliceToPipe(x: Transfer, inFd: number, offAddr: number, outFd: number): number {
  return writing(x.p, x.t, outFd, (to) => {
    if (to.readiness?.().error) throw new SysError(E.EPIPE); // no reader left
    const buf = new Uint8Array(Math.min(x.len, pipeRoom(x, to)));
    const at = offAddr !== 0 ? offsetAt(x.p, offAddr) : undefined;
    const n = reading(x.p, inFd, (f) => f.read(buf, at));
    to.write(buf.subarray(0, n)); // fits: the pipe had the room
    if (at !== undefined) x.p.mem.writeU64(offAddr, at + n);
    return n;
  });
}

function splice(
  p: GuestProcess, t: GuestThread, inFd: number, inOff: number, outFd: number, outOff: number, len: number, flags: number,
): number {
  const x: Transfer = { p, t, len: Math.min(ulong(len), MAX_RW_COUNT), nonblock: checkFlags(flags) };
  const from = readableFile(p, inFd);
  const to = writableFile(p, outFd);
  if ((isPipeEnd(from) && inOff !== 0) || (isPipeEnd(to) && outOff !== 0)) throw new SysError(E.ESPIPE);
  if (isPipeEnd(from)) return x.len === 0 ? 0 : spliceFromPipe(x, from, outFd, outOff);
  if (isPipeEnd(to)) return x.len === 0 ? 0 : spliceToPipe(x, inFd, inOff, outFd);
  throw new SysError(E.EINVAL);
}

/** tee: copies from one pipe into another, leaving the bytes in the first. */
function tee(p: GuestProcess, t: GuestThread, inFd: number, outFd: number, len: number, flags: number): number {
  const x: Transfer = { p, t, len: Math.min(ulong(len), MAX_RW_COUNT), nonblock: checkFlags(flags) };
  const from = readableFile(p, inFd);
  const to = writableFile(p, outFd);
  if (!isPipeEnd(from) || !isPipeEnd(to) || samePipe(from, to)) throw new SysError(E.EINVAL);
  if (x.len === 0 || !pipeHasData(x, from)) return 0;
  const bytes = peekPipe(from).slice(0, Math.min(x.len, pipeRoom(x, to)));
  return writing(p, t, outFd, (f) => pipeStep(x, () => f.write(bytes)));
}

/** vmsplice: guest memory into a pipe's write end, or out of its read end. */
function vmsplice(p: GuestProcess, t: GuestThread, fd: number, iov: number, count: number, flags: number): number {
  const x: Transfer = { p, t, len: 0, nonblock: checkFlags(flags) };
  const file = openFile(p, fd);
  if (!isPipeEnd(file)) throw new SysError(E.EBADF);
  const vecs = guestIovecs(p, iov, count);
  if ((file.flags & p.abi.openFlags.accmode) === O_WRONLY) return writing(p, t, fd, (f) => pipeStep(x, () => f.write(gatherIovecs(p, vecs))));
  return reading(p, fd, (f) => pipeStep(x, () => readIntoIovecs(p, f, vecs)));
}

export const spliceRows: SyscallRow[] = [
  sys('splice', ['fd', 'ptr', 'fd', 'ptr', 'size', 'hex'], (p, a, t) => splice(p, t, a[0], a[1], a[2], a[3], a[4], int(a[5]))),
  sys('tee', ['fd', 'fd', 'size', 'hex'], (p, a, t) => tee(p, t, a[0], a[1], a[2], int(a[3]))),
  sys('vmsplice', ['fd', 'ptr', 'size', 'hex'], (p, a, t) => vmsplice(p, t, a[0], a[1], a[2], int(a[3]))),
];
