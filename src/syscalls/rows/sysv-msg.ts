// System V message queues: msgget, msgsnd, msgrcv, msgctl. Senders wait for room and
// receivers for a message of the type they ask for (WouldBlock), unless IPC_NOWAIT.
import { int } from '../args.js';
import { E, SysError } from '../errno.js';
import { readableView } from '../guest-buffer.js';
import type { GuestProcess } from '../guest-process.js';
import type { Kernel } from '../kernel.js';
import { perKernel } from '../per-kernel.js';
import { sys, type SyscallRow } from '../row.js';
import {
  checkAccess, checkOwner, ctlCommand, IPC_INFO, IPC_NOWAIT, IPC_RMID, IPC_SET, IPC_STAT, IPC64_PERM_SIZE, IpcIds,
  nowSeconds, putPerm, readStruct, setPerm, writeStruct, type IpcObject, type IpcPerm,
} from '../sysv/ipc-ids.js';
import type { GuestThread } from '../thread.js';
import { WouldBlock } from '../wait.js';

const MSG_STAT = 11, MSG_INFO = 12, MSG_STAT_ANY = 13;
const MSG_NOERROR = 0o10000, MSG_EXCEPT = 0o20000, MSG_COPY = 0o40000;
const MSGMAX = 8192, MSGMNB = 16384, MSGMNI = 32000;
const MSQID64_DS_SIZE = 120;

interface Message { readonly type: number; readonly text: Uint8Array }

export interface MessageQueue extends IpcObject {
  readonly messages: Message[];
  bytes: number;
  /** msg_qbytes: the most bytes (and messages) the queue holds. */
  maxBytes: number;
  stime: number;
  rtime: number;
  lspid: number;
  lrpid: number;
  removed: boolean;
}

class MessageQueues {
  readonly ids = new IpcIds<MessageQueue>(MSGMNI);
  /** The queue each waiting thread waits on (to tell it EIDRM when the queue goes). */
  readonly waiting = new WeakMap<GuestThread, MessageQueue>();

  /** Throws EIDRM when `t` waited on queue `id` and it was removed meanwhile. */
  resumed(t: GuestThread, id: number): void {
    const q = this.waiting.get(t);
    this.waiting.delete(t);
    if (q?.removed && q.id === id) throw new SysError(E.EIDRM);
  }

  wait(t: GuestThread, q: MessageQueue, until: () => boolean): never {
    this.waiting.set(t, q);
    // Never restarted after a handler (signal(7)), SA_RESTART or not.
    throw new WouldBlock({ ready: () => q.removed || until(), deadline: Infinity, timeoutResult: 0, restart: 'eintr' });
  }
}

const queues = perKernel(() => new MessageQueues());

/** /proc/sysvipc/msg. */
export const listMessageQueues = (k: Kernel): MessageQueue[] => [...queues(k).ids.all];

function msgget(p: GuestProcess, key: number, flags: number): number {
  return queues(p.kernel).ids.get(p, key, flags, (id: number, perm: IpcPerm): MessageQueue => ({
    id, perm, messages: [], bytes: 0, maxBytes: MSGMNB, stime: 0, rtime: 0, ctime: nowSeconds(), lspid: 0, lrpid: 0,
    removed: false,
  }), () => undefined);
}

const hasRoom = (q: MessageQueue, size: number): boolean =>
  q.bytes + size <= q.maxBytes && q.messages.length + 1 <= q.maxBytes;

function msgsnd(p: GuestProcess, t: GuestThread, id: number, addr: number, size: number, flags: number): number {
  const ns = queues(p.kernel);
  ns.resumed(t, id);
  if (size < 0 || size > MSGMAX) throw new SysError(E.EINVAL);
  const type = Number(readStruct(p, addr, 8).getBigInt64(0, true)); // long mtype
  if (type < 1) throw new SysError(E.EINVAL);
  const q = ns.ids.lookup(id);
  checkAccess(p, q.perm, 0o222);
  if (!hasRoom(q, size)) {
    if (flags & IPC_NOWAIT) throw new SysError(E.EAGAIN);
    ns.wait(t, q, () => hasRoom(q, size));
  }
  q.messages.push({ type, text: readableView(p.mem, addr + 8, size).slice() });
  q.bytes += size;
  q.stime = nowSeconds();
  q.lspid = p.pid;
  return 0;
}

/** Which message msgrcv's `wanted` type takes (see msgrcv(2)); -1 when none. */
function pick(q: MessageQueue, wanted: number, flags: number): number {
  if (wanted === 0) return q.messages.length > 0 ? 0 : -1;
  if (wanted > 0) return q.messages.findIndex((m) => (flags & MSG_EXCEPT ? m.type !== wanted : m.type === wanted));
  let best = -1;
  q.messages.forEach((m, i) => {
    if (m.type <= -wanted && (best < 0 || m.type < q.messages[best].type)) best = i;
  });
  return best;
}

function msgrcv(p: GuestProcess, t: GuestThread, id: number, addr: number, size: number, wanted: number, flags: number): number {
  const ns = queues(p.kernel);
  ns.resumed(t, id);
  if (size < 0) throw new SysError(E.EINVAL);
  if (flags & MSG_COPY) {
    p.reportOnce('msgrcv:MSG_COPY', 'msgrcv: MSG_COPY is not supported');
    throw new SysError(E.ENOSYS);
  }
  const q = ns.ids.lookup(id);
  checkAccess(p, q.perm, 0o444);
  const i = pick(q, wanted, flags);
  if (i < 0) {
    if (flags & IPC_NOWAIT) throw new SysError(E.ENOMSG);
    ns.wait(t, q, () => pick(q, wanted, flags) >= 0);
  }
  const m = q.messages[i];
  if (m.text.length > size && !(flags & MSG_NOERROR)) throw new SysError(E.E2BIG);
  const n = Math.min(size, m.text.length);
  p.mem.writeU64(addr, m.type);
  p.mem.writeBytes(addr + 8, m.text.subarray(0, n));
  q.messages.splice(i, 1);
  q.bytes -= m.text.length;
  q.rtime = nowSeconds();
  q.lrpid = p.pid;
  return n;
}

function writeMsqid(p: GuestProcess, addr: number, q: MessageQueue): void {
  writeStruct(p, addr, MSQID64_DS_SIZE, (d) => {
    putPerm(d, q.perm);
    [q.stime, q.rtime, q.ctime, q.bytes, q.messages.length, q.maxBytes]
      .forEach((v, i) => d.setBigInt64(IPC64_PERM_SIZE + i * 8, BigInt(v), true));
    d.setInt32(96, q.lspid, true);
    d.setInt32(100, q.lrpid, true);
  });
}

/** struct msginfo: seven ints and a short (MSG_INFO puts the use in msgpool, msgmap and msgtql). */
function msgInfo(p: GuestProcess, ns: MessageQueues, cmd: number, addr: number): number {
  const all = [...ns.ids.all];
  const used = cmd === MSG_INFO;
  const messages = all.reduce((n, q) => n + q.messages.length, 0);
  const fields = [used ? all.length : MSGMNI * MSGMNB / 1024, used ? messages : MSGMNB, MSGMAX, MSGMNB, MSGMNI, 16,
    used ? all.reduce((n, q) => n + q.bytes, 0) : MSGMNB];
  writeStruct(p, addr, 32, (d) => {
    fields.forEach((v, i) => d.setInt32(i * 4, v, true));
    d.setUint16(28, 0xffff, true); // msgseg
  });
  return Math.max(ns.ids.highestIndex, 0);
}

function msgctl(p: GuestProcess, id: number, command: number, buf: number): number {
  const cmd = ctlCommand(command);
  const ns = queues(p.kernel);
  if (cmd === IPC_INFO || cmd === MSG_INFO) return msgInfo(p, ns, cmd, buf);
  if (cmd === MSG_STAT || cmd === MSG_STAT_ANY) {
    const q = ns.ids.atIndex(id);
    if (cmd === MSG_STAT) checkAccess(p, q.perm, 0o444);
    writeMsqid(p, buf, q);
    return q.id;
  }
  const q = ns.ids.lookup(id);
  switch (cmd) {
    case IPC_STAT:
      checkAccess(p, q.perm, 0o444);
      writeMsqid(p, buf, q);
      return 0;
    case IPC_SET: {
      const d = readStruct(p, buf, MSQID64_DS_SIZE);
      const maxBytes = Number(d.getBigUint64(88, true));
      checkOwner(p, q.perm);
      if (maxBytes > MSGMNB && !p.creds.privileged) throw new SysError(E.EPERM);
      setPerm(p, q.perm, d);
      q.maxBytes = maxBytes;
      q.ctime = nowSeconds();
      return 0;
    }
    case IPC_RMID:
      checkOwner(p, q.perm);
      q.removed = true; // its waiters wake and get EIDRM
      ns.ids.remove(q);
      return 0;
    default:
      throw new SysError(E.EINVAL);
  }
}

export const sysvMsgRows: SyscallRow[] = [
  sys('msgget', ['int', 'hex'], (p, a) => msgget(p, int(a[0]), int(a[1]))),
  sys('msgsnd', ['int', 'ptr', 'size', 'hex'], (p, a, t) => msgsnd(p, t, int(a[0]), a[1], a[2], int(a[3]))),
  sys('msgrcv', ['int', 'ptr', 'size', 'long', 'hex'], (p, a, t) => msgrcv(p, t, int(a[0]), a[1], a[2], a[3], int(a[4]))),
  sys('msgctl', ['int', 'int', 'ptr'], (p, a) => msgctl(p, int(a[0]), int(a[1]), a[2])),
];
