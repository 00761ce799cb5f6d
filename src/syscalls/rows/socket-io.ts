// Moving data through sockets: sendto/recvfrom, sendmsg/recvmsg (scatter-gather, the
// sender's address, SCM_RIGHTS fd passing) and sendmmsg. read/write/readv/writev on a
// socket go through the file rows (a socket is an OpenFile).
import { int, ulong } from '../args.js';
import { E, SysError } from '../errno.js';
import { holdFile, releaseFile } from '../fd-table.js';
import { MAX_RW_COUNT, readableView, writableView } from '../guest-buffer.js';
import type { GuestProcess } from '../guest-process.js';
import type { Iovec } from '../guest-structs.js';
import { UIO_MAXIOV, gatherIovecs } from '../iovec-io.js';
import { AF_UNIX, MSG } from '../net/constants.js';
import {
  readMsghdrFromGuest, readRightsFromGuest, rightsFitting, writeMsghdrResultToGuest, writeRightsToGuest,
} from '../net/msghdr.js';
import { sockaddrToGuestBytes, writeSockaddrToGuest } from '../net/sockaddr.js';
import { scatterBytes, type Received, type SendRequest, type SocketFile } from '../net/socket-file.js';
import type { OpenFile } from '../open-file.js';
import { sys, type SyscallRow } from '../row.js';
import { raisingSigpipe } from '../sigpipe.js';
import type { GuestThread } from '../thread.js';
import { WouldBlock } from '../wait.js';
import { addressArg, socketOf } from './socket-access.js';

/** sizeof(struct mmsghdr): a msghdr and the unsigned length sent or received. */
const MMSGHDR_SIZE = 64;
/** recvmmsg's flag (the others are the MSG_* of recvmsg). */
const MSG_WAITFORONE = 0x10000;

const count = (v: number): number => Math.min(ulong(v), MAX_RW_COUNT);

/** Spreads received bytes over the iovecs (only as far as they go). */
function scatter(p: GuestProcess, iov: Iovec[], bytes: Uint8Array): void {
  let left = bytes.length;
  const views: Uint8Array[] = [];
  for (const v of iov) {
    if (left <= 0) break;
    const n = Math.min(count(v.len), left);
    views.push(writableView(p.mem, v.base, n));
    left -= n;
  }
  scatterBytes(views, bytes);
}

/** Sends, with SIGPIPE on EPIPE unless MSG_NOSIGNAL. */
function send(p: GuestProcess, t: GuestThread, s: SocketFile, req: SendRequest): number {
  return req.flags & MSG.MSG_NOSIGNAL ? s.send(req) : raisingSigpipe(p, t, () => s.send(req));
}

/** Passed files nobody asked for (no room for them): dropped, as Linux closes them. */
function dropFiles(files: OpenFile[] | null | undefined, from = 0): void {
  for (const f of files?.slice(from) ?? []) releaseFile(f);
}

/** A recv call's result: the bytes taken, or a datagram's full length with MSG_TRUNC. */
const resultOf = (got: Received, flags: number): number => (flags & MSG.MSG_TRUNC ? got.fullLength : got.bytes.length);

function sendto(p: GuestProcess, t: GuestThread, a: readonly number[]): number {
  const s = socketOf(p, a[0]);
  const flags = int(a[3]);
  const data = Uint8Array.from(readableView(p.mem, a[1], count(a[2])));
  const to = a[4] ? addressArg(p, a[4], a[5], s.domain) : undefined;
  return send(p, t, s, { data, flags, to });
}

function recvfrom(p: GuestProcess, a: readonly number[]): number {
  const s = socketOf(p, a[0]);
  const flags = int(a[3]);
  const got = s.recv(count(a[2]), flags);
  dropFiles(got.files);
  if (got.bytes.length) writableView(p.mem, a[1], got.bytes.length).set(got.bytes);
  if (a[4]) {
    if (got.from) writeSockaddrToGuest(p.mem, a[4], a[5], got.from);
    else p.mem.write32(a[5], 0);
  }
  return resultOf(got, flags);
}

function unsupportedControl(p: GuestProcess, level: number, type: number): never {
  p.reportOnce(`cmsg:${level}:${type}`, `sendmsg: unsupported control message level ${level} type ${type}`);
  throw new SysError(E.EINVAL);
}

function sendmsg(p: GuestProcess, t: GuestThread, fd: number, msgAddr: number, flags: number): number {
  const s = socketOf(p, fd);
  const msg = readMsghdrFromGuest(p.mem, msgAddr);
  const data = gatherIovecs(p, msg.iov); // a copy: the socket keeps it after the call
  const to = msg.name && msg.namelen ? addressArg(p, msg.name, msg.namelen, s.domain) : undefined;
  const fds = readRightsFromGuest(p.mem, msg, (level, type) => unsupportedControl(p, level, type));
  if (fds.length && s.domain !== AF_UNIX) throw new SysError(E.EINVAL);
  const files = fds.map((n) => p.fds.get(n));
  // In flight, the files stay open even if the sender closes its fds.
  files.forEach(holdFile);
  try {
    return send(p, t, s, { data, flags, to, files: files.length ? files : undefined });
  } catch (err) {
    files.forEach(releaseFile);
    throw err;
  }
}

function recvmsg(p: GuestProcess, fd: number, msgAddr: number, flags: number): number {
  const s = socketOf(p, fd);
  const msg = readMsghdrFromGuest(p.mem, msgAddr);
  const total = Math.min(msg.iov.reduce((n, v) => n + count(v.len), 0), MAX_RW_COUNT);
  const got = s.recv(total, flags);
  scatter(p, msg.iov, got.bytes);
  let namelen = 0;
  if (msg.name && got.from) {
    const name = sockaddrToGuestBytes(got.from);
    p.mem.writeBytes(msg.name, name.subarray(0, Math.max(0, Math.min(msg.namelen, name.length))));
    namelen = name.length;
  }
  // Linux starts msg_flags from the call's MSG_CMSG_CLOEXEC.
  let outFlags = (flags & MSG.MSG_CMSG_CLOEXEC) | (got.fullLength > got.bytes.length ? MSG.MSG_TRUNC : 0);
  let controllen = 0;
  const files = got.files ?? [];
  if (files.length) {
    const fit = msg.control ? rightsFitting(msg.controllen, files.length) : 0;
    const cloexec = (flags & MSG.MSG_CMSG_CLOEXEC) !== 0;
    const fds = files.slice(0, fit).map((f) => p.fds.add(f, cloexec));
    files.forEach(releaseFile); // the new fds hold the ones installed
    if (fit < files.length) outFlags |= MSG.MSG_CTRUNC;
    if (fit) controllen = writeRightsToGuest(p.mem, msg.control, msg.controllen, fds);
  }
  writeMsghdrResultToGuest(p.mem, msgAddr, namelen, controllen, outFlags);
  return resultOf(got, flags);
}

/**
 * sendmmsg and recvmmsg: `one` for each struct mmsghdr of the vector, storing its msg_len,
 * until one fails or would wait; that ends the call with the count done, if any.
 */
function eachMessage(p: GuestProcess, vec: number, vlen: number, one: (at: number, index: number) => number): number {
  const n = Math.min(vlen >>> 0, UIO_MAXIOV);
  let done = 0;
  for (; done < n; done++) {
    const at = vec + done * MMSGHDR_SIZE;
    let len: number;
    try {
      len = one(at, done);
    } catch (err) {
      if (done > 0 && (err instanceof WouldBlock || err instanceof SysError)) break;
      throw err;
    }
    p.mem.write32(at + 56, len);
  }
  return done;
}

function recvmmsg(p: GuestProcess, fd: number, vec: number, vlen: number, flags: number, timeout: number): number {
  if (timeout) {
    p.reportOnce('recvmmsg:timeout', 'recvmmsg: a timeout is not supported');
    throw new SysError(E.EINVAL);
  }
  // MSG_WAITFORONE: only the first message is waited for.
  return eachMessage(p, vec, vlen, (at, i) =>
    recvmsg(p, fd, at, i > 0 && flags & MSG_WAITFORONE ? (flags | MSG.MSG_DONTWAIT) & ~MSG_WAITFORONE : flags & ~MSG_WAITFORONE));
}

export const socketIoRows: SyscallRow[] = [
  sys('sendto', ['fd', 'ptr', 'size', 'hex', 'ptr', 'int'], (p, a, t) => sendto(p, t, a)),
  sys('recvfrom', ['fd', 'ptr', 'size', 'hex', 'ptr', 'ptr'], (p, a) => recvfrom(p, a)),
  sys('sendmsg', ['fd', 'ptr', 'hex'], (p, a, t) => sendmsg(p, t, a[0], a[1], int(a[2]))),
  sys('recvmsg', ['fd', 'ptr', 'hex'], (p, a) => recvmsg(p, a[0], a[1], int(a[2]))),
  sys('sendmmsg', ['fd', 'ptr', 'uint', 'hex'], (p, a, t) =>
    eachMessage(p, a[1], a[2], (at) => sendmsg(p, t, a[0], at, int(a[3])))),
  sys('recvmmsg', ['fd', 'ptr', 'uint', 'hex', 'ptr'], (p, a) => recvmmsg(p, a[0], a[1], a[2], int(a[3]), a[4])),
];
