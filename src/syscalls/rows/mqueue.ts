// POSIX message queues: mq_open, mq_unlink, mq_timedsend, mq_timedreceive, mq_notify,
// mq_getsetattr. Queues are named per kernel, so every guest process meets the same ones.
import { int, u32, ulong } from '../args.js';
import { realtimeNowNs } from '../clocks.js';
import { NSIG } from '../constants.js';
import { E, SysError } from '../errno.js';
import { readableView, writableView } from '../guest-buffer.js';
import type { GuestProcess } from '../guest-process.js';
import {
  SIGEV_NONE, SIGEV_SIGNAL, SIGEV_THREAD, readSigeventFromGuest, readTimespecFromGuest,
} from '../guest-structs.js';
import { perKernel } from '../per-kernel.js';
import { MessageQueue, QueueFile, type Notification, type QueueAttributes } from '../mqueue.js';
import { NetlinkSocket } from '../net/netlink-socket.js';
import { sys, type SyscallRow } from '../row.js';
import { sendToProcess } from '../signal-delivery.js';
import { queuedInfo } from '../siginfo.js';
import { SI_MESGQ } from '../signals.js';
import type { GuestThread } from '../thread.js';
import { WouldBlock } from '../wait.js';
import { checkAccess } from '../sysv/ipc-ids.js';
import { openFile, readableFile, writableFile } from './fd-access.js';

const NAME_MAX = 255;
const MQ_PRIO_MAX = 32768;
/** /proc/sys/fs/mqueue defaults, and the ceilings a privileged process may go to. */
const DEFAULT_ATTRIBUTES: QueueAttributes = { maxMessages: 10, messageSize: 8192 };
const HARD_MSGMAX = 65536, HARD_MSGSIZEMAX = 16 * 1024 * 1024;
/** struct mq_attr: mq_flags, mq_maxmsg, mq_msgsize, mq_curmsgs (longs), reserved. */
const MQ_ATTR_SIZE = 64;
/** SIGEV_THREAD: the cookie's length, and what its last byte says. */
const NOTIFY_COOKIE_LEN = 32, NOTIFY_WOKENUP = 1, NOTIFY_REMOVED = 2;

/** Sends a SIGEV_THREAD registration's cookie, marked `why`, to its netlink socket. */
function sendCookie(n: Notification, why: number): void {
  if (!n.thread) return;
  const bytes = n.thread.cookie.slice();
  bytes[NOTIFY_COOKIE_LEN - 1] = why;
  n.thread.socket.reply(bytes);
}

const queues = perKernel(() => new Map<string, MessageQueue>());

/** The queue name as the kernel gets it (glibc has taken the leading '/' off). */
function queueName(p: GuestProcess, addr: number): string {
  const name = p.mem.readCString(addr, NAME_MAX + 2);
  if (Buffer.byteLength(name) > NAME_MAX) throw new SysError(E.ENAMETOOLONG);
  if (name === '') throw new SysError(E.ENOENT);
  if (name.includes('/')) throw new SysError(E.EACCES);
  return name;
}

function readAttributes(p: GuestProcess, addr: number): QueueAttributes {
  if (addr === 0) return DEFAULT_ATTRIBUTES;
  const maxMessages = p.mem.readU64(addr + 8), messageSize = p.mem.readU64(addr + 16);
  const [msgMax, sizeMax] = p.creds.privileged ? [HARD_MSGMAX, HARD_MSGSIZEMAX]
    : [DEFAULT_ATTRIBUTES.maxMessages, DEFAULT_ATTRIBUTES.messageSize];
  if (maxMessages <= 0 || messageSize <= 0 || maxMessages > msgMax || messageSize > sizeMax) throw new SysError(E.EINVAL);
  return { maxMessages, messageSize };
}

function mqOpen(p: GuestProcess, nameAddr: number, oflag: number, mode: number, attrAddr: number): number {
  const f = p.abi.openFlags;
  const accmode = oflag & f.accmode;
  if (accmode === f.accmode) throw new SysError(E.EINVAL);
  const name = queueName(p, nameAddr);
  const table = queues(p.kernel);
  let q = table.get(name);
  if (q) {
    if (oflag & f.creat && oflag & f.excl) throw new SysError(E.EEXIST);
    checkAccess(p, { mode: q.mode, uid: q.uid, gid: q.gid, cuid: q.uid, cgid: q.gid }, [0o444, 0o222, 0o666][accmode]!);
  } else {
    if (!(oflag & f.creat)) throw new SysError(E.ENOENT);
    q = new MessageQueue(readAttributes(p, attrAddr), mode & 0o777 & ~p.umask, p.creds.uid.effective, p.creds.gid.effective);
    table.set(name, q);
  }
  // Message queue descriptors are always close-on-exec.
  return p.fds.add(new QueueFile(q, name, oflag & (f.accmode | f.nonblock), f.nonblock), true);
}

function mqUnlink(p: GuestProcess, nameAddr: number): number {
  if (!queues(p.kernel).delete(queueName(p, nameAddr))) throw new SysError(E.ENOENT);
  return 0;
}

/** Waits until `ready` or the absolute CLOCK_REALTIME `timeout` (ETIMEDOUT). */
function waitUntil(p: GuestProcess, file: QueueFile, timeout: number, ready: () => boolean): never {
  if (file.flags & p.abi.openFlags.nonblock) throw new SysError(E.EAGAIN);
  let deadline = Infinity;
  if (timeout !== 0) {
    const at = readTimespecFromGuest(p.mem, timeout);
    if (at === undefined || at < 0n) throw new SysError(E.EINVAL);
    const left = Number(at - realtimeNowNs()) / 1e6;
    if (left <= 0) throw new SysError(E.ETIMEDOUT);
    deadline = performance.now() + left;
  }
  throw new WouldBlock({ ready, deadline, timeoutResult: -E.ETIMEDOUT, restart: 'sa-restart' });
}

/** A message reached an empty queue with nobody waiting to receive it: the registered process hears of it, once. */
function notifyArrival(p: GuestProcess, q: MessageQueue): void {
  const n = q.notification;
  if (!n || [...q.receivers].some((t) => t.waiting !== null)) return;
  q.notification = null;
  if (n.notify === SIGEV_SIGNAL && n.process.exitStatus === null) {
    sendToProcess(p.kernel, n.process, queuedInfo(n.signo, SI_MESGQ, p.pid, p.creds.uid.real, n.value));
  }
  sendCookie(n, NOTIFY_WOKENUP);
}

function mqTimedsend(p: GuestProcess, fd: number, addr: number, len: number, priority: number, timeout: number): number {
  const file = QueueFile.of(writableFile(p, fd));
  const q = file.queue;
  if (priority >= MQ_PRIO_MAX) throw new SysError(E.EINVAL);
  if (len > q.attributes.messageSize) throw new SysError(E.EMSGSIZE);
  const bytes = readableView(p.mem, addr, len).slice();
  if (q.full) waitUntil(p, file, timeout, () => !q.full);
  const wasEmpty = q.messages.length === 0;
  q.put(priority, bytes);
  if (wasEmpty) notifyArrival(p, q);
  return 0;
}

function mqTimedreceive(p: GuestProcess, t: GuestThread, fd: number, addr: number, len: number, prioAddr: number, timeout: number): number {
  const file = QueueFile.of(readableFile(p, fd));
  const q = file.queue;
  q.receivers.delete(t);
  if (len < q.attributes.messageSize) throw new SysError(E.EMSGSIZE);
  if (q.messages.length === 0) {
    q.receivers.add(t);
    waitUntil(p, file, timeout, () => q.messages.length > 0);
  }
  const m = q.messages[0];
  writableView(p.mem, addr, m.bytes.length).set(m.bytes);
  if (prioAddr !== 0) p.mem.write32(prioAddr, m.priority);
  q.messages.shift();
  return m.bytes.length;
}

function mqNotify(p: GuestProcess, fd: number, sevp: number): number {
  const q = QueueFile.of(openFile(p, fd)).queue;
  const owner = q.notification?.process;
  if (sevp === 0) {
    if (owner === p && q.notification) {
      sendCookie(q.notification, NOTIFY_REMOVED);
      q.notification = null;
    }
    return 0;
  }
  const { value, signo, notify } = readSigeventFromGuest(p.mem, sevp);
  if (notify !== SIGEV_SIGNAL && notify !== SIGEV_NONE && notify !== SIGEV_THREAD) throw new SysError(E.EINVAL);
  if (notify === SIGEV_SIGNAL && (signo <= 0 || signo > NSIG)) throw new SysError(E.EINVAL);
  // SIGEV_THREAD as glibc makes it: sigev_signo is a netlink socket, sigev_value points at a cookie.
  let thread: Notification['thread'];
  if (notify === SIGEV_THREAD) {
    const socket = openFile(p, signo);
    if (!(socket instanceof NetlinkSocket)) throw new SysError(E.EBADF);
    thread = { socket, cookie: p.mem.readBytes(Number(value), NOTIFY_COOKIE_LEN) };
  }
  if (owner && owner !== p && owner.exitStatus === null) throw new SysError(E.EBUSY);
  q.notification = { process: p, notify, signo, value, thread };
  return 0;
}

function mqGetsetattr(p: GuestProcess, fd: number, newAddr: number, oldAddr: number): number {
  const file = QueueFile.of(openFile(p, fd));
  const nonblock = p.abi.openFlags.nonblock;
  const newFlags = newAddr !== 0 ? p.mem.readU64(newAddr) : undefined;
  if (newFlags !== undefined && newFlags & ~nonblock) throw new SysError(E.EINVAL);
  if (oldAddr !== 0) {
    const { attributes: a, messages } = file.queue;
    const fields = [file.flags & nonblock, a.maxMessages, a.messageSize, messages.length];
    const bytes = new Uint8Array(MQ_ATTR_SIZE);
    const d = new DataView(bytes.buffer);
    fields.forEach((v, i) => d.setBigInt64(i * 8, BigInt(v), true));
    p.mem.writeBytes(oldAddr, bytes);
  }
  if (newFlags !== undefined) file.flags = (file.flags & ~nonblock) | newFlags;
  return 0;
}

export const mqueueRows: SyscallRow[] = [
  sys('mq_open', ['ptr', 'oflags', 'mode', 'ptr'], (p, a) => mqOpen(p, a[0], int(a[1]), int(a[2]), a[3])),
  sys('mq_unlink', ['ptr'], (p, a) => mqUnlink(p, a[0])),
  sys('mq_timedsend', ['fd', 'ptr', 'size', 'uint', 'ptr'], (p, a) => mqTimedsend(p, int(a[0]), a[1], ulong(a[2]), u32(a[3]), a[4])),
  sys('mq_timedreceive', ['fd', 'ptr', 'size', 'ptr', 'ptr'], (p, a, t) =>
    mqTimedreceive(p, t, int(a[0]), a[1], ulong(a[2]), a[3], a[4])),
  sys('mq_notify', ['fd', 'ptr'], (p, a) => mqNotify(p, int(a[0]), a[1])),
  sys('mq_getsetattr', ['fd', 'ptr', 'ptr'], (p, a) => mqGetsetattr(p, int(a[0]), a[1], a[2])),
];
