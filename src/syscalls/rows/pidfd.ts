// pidfd_open, pidfd_send_signal, pidfd_getfd: processes named by an fd rather than a pid
// (which may be reused), and process_vm_readv/process_vm_writev between guest processes.
import { int } from '../args.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import { guestIovecs } from '../iovec-io.js';
import type { Iovec } from '../guest-structs.js';
import { pidfdProcess, PidFd } from '../pidfd.js';
import { sys, type SyscallRow } from '../row.js';
import { flushShared, loadShared } from '../shared-pages.js';
import { checkSignal } from '../signal-actions.js';
import { sendToGroup, sendToProcess, sendToThread } from '../signal-delivery.js';
import { readSiginfoFromGuest, senderInfo } from '../siginfo.js';
import { SI_TKILL, SI_USER } from '../signals.js';
import { openFile } from './fd-access.js';
import type { AddressSpace } from '../../memory/address-space.js';

function pidfdOpen(p: GuestProcess, pid: number, flags: number): number {
  const nonblock = p.abi.openFlags.nonblock;
  if (flags & ~nonblock) throw new SysError(E.EINVAL);
  if (pid <= 0) throw new SysError(E.EINVAL);
  const q = p.kernel.processById(pid);
  if (!q) throw new SysError(p.kernel.scheduler.find(pid) ? E.EINVAL : E.ESRCH); // a thread, not a process
  return p.fds.add(new PidFd(q, flags & nonblock, nonblock), true);
}

/** The live process a pidfd stands for (ESRCH once it has ended). */
function liveTarget(p: GuestProcess, fd: number): GuestProcess {
  const q = pidfdProcess(openFile(p, fd));
  if (q.exitStatus !== null) throw new SysError(E.ESRCH);
  return q;
}

/** pidfd_send_signal's flags: who gets the signal (by default, the process). */
const PIDFD_SIGNAL_THREAD = 1, PIDFD_SIGNAL_THREAD_GROUP = 2, PIDFD_SIGNAL_PROCESS_GROUP = 4;

function pidfdSendSignal(p: GuestProcess, fd: number, sig: number, infoAddr: number, flags: number): number {
  const scopes = PIDFD_SIGNAL_THREAD | PIDFD_SIGNAL_THREAD_GROUP | PIDFD_SIGNAL_PROCESS_GROUP;
  if (flags & ~scopes || (flags & (flags - 1)) !== 0) throw new SysError(E.EINVAL); // one scope at most
  const q = liveTarget(p, fd);
  if (sig === 0) return 0;
  checkSignal(sig);
  const uid = process.getuid?.() ?? 0;
  let info = senderInfo(sig, SI_USER, p.pid, uid);
  if (infoAddr !== 0) {
    info = readSiginfoFromGuest(p.mem, infoAddr, sig);
    // As rt_sigqueueinfo: only the kernel may claim si_code >= 0 (or SI_TKILL) to someone else.
    if ((info.code >= 0 || info.code === SI_TKILL) && q !== p) throw new SysError(E.EPERM);
  }
  if (flags === PIDFD_SIGNAL_THREAD) sendToThread(p.kernel, q.mainThread, info);
  else if (flags === PIDFD_SIGNAL_PROCESS_GROUP) {
    sendToGroup(p.kernel, q.pgid, info);
  } else sendToProcess(p.kernel, q, info);
  return 0;
}

function pidfdGetfd(p: GuestProcess, fd: number, targetFd: number, flags: number): number {
  if (flags !== 0) throw new SysError(E.EINVAL);
  const file = liveTarget(p, fd).fds.get(targetFd);
  return p.fds.add(file, true);
}

/**
 * Copies between the iovecs of `from` and `to` in order, as one stream; stops at the
 * first address that cannot be read or written (the bytes so far are the result,
 * EFAULT when there are none).
 */
function copyVectors(from: AddressSpace, fromVecs: Iovec[], to: AddressSpace, toVecs: Iovec[]): number {
  let done = 0;
  let src = 0, srcOff = 0, dst = 0, dstOff = 0;
  while (src < fromVecs.length && dst < toVecs.length) {
    const a = fromVecs[src], b = toVecs[dst];
    const n = Math.min(a.len - srcOff, b.len - dstOff);
    if (n > 0) {
      try {
        to.writeBytes(b.base + dstOff, from.readBytes(a.base + srcOff, n));
      } catch (err) {
        if (done > 0) return done;
        throw err;
      }
      done += n;
    }
    srcOff += n;
    dstOff += n;
    if (srcOff === a.len) { src++; srcOff = 0; }
    if (dstOff === b.len) { dst++; dstOff = 0; }
  }
  return done;
}

function processVm(p: GuestProcess, a: readonly number[], write: boolean): number {
  if (a[5] !== 0) throw new SysError(E.EINVAL);
  const local = guestIovecs(p, a[1], a[2]);
  const remote = guestIovecs(p, a[3], a[4]);
  const pid = int(a[0]);
  const q = p.kernel.processOfTask(pid);
  if (!q || pid <= 0 || q.exitStatus !== null) throw new SysError(E.ESRCH);
  // The other process's shared pages show what this one wrote to them, and the reverse after.
  flushShared(p.mem);
  loadShared(q.mem);
  const n = write ? copyVectors(p.mem, local, q.mem, remote) : copyVectors(q.mem, remote, p.mem, local);
  if (write) flushShared(q.mem);
  return n;
}

export const pidfdRows: SyscallRow[] = [
  sys('pidfd_open', ['int', 'hex'], (p, a) => pidfdOpen(p, int(a[0]), int(a[1]))),
  sys('pidfd_send_signal', ['fd', 'signal', 'ptr', 'hex'], (p, a) => pidfdSendSignal(p, int(a[0]), int(a[1]), a[2], int(a[3]))),
  sys('pidfd_getfd', ['fd', 'int', 'hex'], (p, a) => pidfdGetfd(p, int(a[0]), int(a[1]), int(a[2]))),
  sys('process_vm_readv', ['int', 'ptr', 'size', 'ptr', 'size', 'hex'], (p, a) => processVm(p, a, false)),
  sys('process_vm_writev', ['int', 'ptr', 'size', 'ptr', 'size', 'hex'], (p, a) => processVm(p, a, true)),
];
