// Signals: dispositions (rt_sigaction), per-thread masks (rt_sigprocmask), the
// alternate stack, sending (kill, tkill, tgkill, rt_sigqueueinfo), waiting for one
// (rt_sigsuspend, rt_sigtimedwait), and returning from a handler (rt_sigreturn).
import { int, ulong } from '../args.js';
import { reportedAltStack, setAltStack } from '../alt-stack.js';
import { SIGPROCMASK } from '../constants.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import {
  readSigactionFromGuest, readSigsetFromGuest, readStackFromGuest, writeSigactionToGuest,
  writeSigsetToGuest, writeStackToGuest,
} from '../guest-structs.js';
import { deadlineOf, useMask } from '../poll-wait.js';
import { sys, type SyscallRow } from '../row.js';
import { checkSignal } from '../signal-actions.js';
import { maskChanged, retargetShared, sendToProcess, sendToThread, sigreturn } from '../signal-delivery.js';
import { readSiginfoFromGuest, senderInfo, type SigInfo } from '../siginfo.js';
import { SI_TKILL, SI_USER, UNBLOCKABLE } from '../signals.js';
import type { GuestThread } from '../thread.js';
import { WouldBlock } from '../wait.js';

const SIGSET_SIZE = 8;
/** MINSIGSTKSZ of the asm-generic ABI, when the ISA's is not known. */
const GENERIC_MINSIGSTKSZ = 2048;

const uid = (): number => process.getuid?.() ?? 0;

function checkSetSize(size: number): void {
  if (size !== SIGSET_SIZE) throw new SysError(E.EINVAL);
}

function rtSigaction(p: GuestProcess, sig: number, act: number, oldAct: number, setSize: number): number {
  checkSetSize(setSize);
  checkSignal(sig);
  const restorer = p.abi.sigactionRestorer;
  const next = act ? readSigactionFromGuest(p.mem, act, restorer) : undefined;
  const old = p.actions.get(sig);
  if (next) {
    p.actions.set(sig, next);
    // A pending signal whose action becomes "ignore" is discarded (POSIX).
    if (p.actions.ignores(sig)) {
      p.sharedPending.discard(sig);
      for (const t of p.threads) t.pending.discard(sig);
    }
  }
  if (oldAct) writeSigactionToGuest(p.mem, oldAct, old, restorer);
  return 0;
}

function rtSigprocmask(p: GuestProcess, t: GuestThread, how: number, set: number, oldSet: number, setSize: number): number {
  checkSetSize(setSize);
  const old = t.blocked;
  if (set) {
    const s = readSigsetFromGuest(p.mem, set);
    let next: bigint;
    if (how === SIGPROCMASK.SIG_BLOCK) next = old | s;
    else if (how === SIGPROCMASK.SIG_UNBLOCK) next = old & ~s;
    else if (how === SIGPROCMASK.SIG_SETMASK) next = s;
    else throw new SysError(E.EINVAL);
    t.blocked = next & ~UNBLOCKABLE;
    maskChanged(t);
    if (t.blocked & ~old) retargetShared(p.kernel, p);
  }
  if (oldSet) writeSigsetToGuest(p.mem, oldSet, old);
  return 0;
}

function sigaltstack(p: GuestProcess, t: GuestThread, ss: number, oldSs: number): number {
  const sp = p.kernel.cpu?.stackPointer(t.state) ?? 0;
  const old = reportedAltStack(t, sp, true);
  if (ss) setAltStack(t, readStackFromGuest(p.mem, ss), sp, p.kernel.cpu?.signalFrame.minStackSize ?? GENERIC_MINSIGSTKSZ);
  if (oldSs) writeStackToGuest(p.mem, oldSs, old);
  return 0;
}

/** The processes kill(pid) addresses: one, the caller's group (0), a group (-pgid), or all others (-1). */
function killTargets(p: GuestProcess, pid: number): GuestProcess[] {
  const k = p.kernel;
  if (pid > 0) {
    const target = k.processById(pid) ?? k.scheduler.find(pid)?.process;
    if (!target) throw new SysError(E.ESRCH);
    return [target];
  }
  const all = [...k.processes].filter((q) => q.exitStatus === null);
  const targets = pid === -1 ? all.filter((q) => q !== p) : all.filter((q) => q.pgid === (pid === 0 ? p.pgid : -pid));
  if (targets.length === 0) throw new SysError(E.ESRCH);
  return targets;
}

function kill(p: GuestProcess, pid: number, sig: number): number {
  if (sig !== 0) checkSignal(sig);
  const targets = killTargets(p, pid);
  if (sig !== 0) for (const q of targets) sendToProcess(p.kernel, q, senderInfo(sig, SI_USER, p.pid, uid()));
  return 0;
}

/** The thread `tid` (of process `tgid` when given). */
function threadById(p: GuestProcess, tid: number, tgid?: number): GuestThread {
  if (tid <= 0 || (tgid !== undefined && tgid <= 0)) throw new SysError(E.EINVAL);
  const t = p.kernel.scheduler.find(tid);
  if (!t || (tgid !== undefined && t.process.pid !== tgid)) throw new SysError(E.ESRCH);
  return t;
}

function tgkill(p: GuestProcess, tgid: number | undefined, tid: number, sig: number): number {
  if (sig !== 0) checkSignal(sig);
  const t = threadById(p, tid, tgid);
  if (sig !== 0) sendToThread(p.kernel, t, senderInfo(sig, SI_TKILL, p.pid, uid()));
  return 0;
}

/** rt_sigqueueinfo's siginfo: only the kernel may claim si_code >= 0 (or SI_TKILL) to someone else. */
function queuedInfo(p: GuestProcess, to: number, sig: number, addr: number): SigInfo {
  const info = readSiginfoFromGuest(p.mem, addr, sig);
  if ((info.code >= 0 || info.code === SI_TKILL) && to !== p.pid) throw new SysError(E.EPERM);
  return info;
}

function rtSigqueueinfo(p: GuestProcess, pid: number, sig: number, addr: number): number {
  if (sig !== 0) checkSignal(sig);
  const info = queuedInfo(p, pid, sig, addr);
  const target = p.kernel.processById(pid);
  if (!target || pid <= 0) throw new SysError(E.ESRCH);
  if (sig !== 0) sendToProcess(p.kernel, target, info);
  return 0;
}

function rtTgsigqueueinfo(p: GuestProcess, tgid: number, tid: number, sig: number, addr: number): number {
  if (sig !== 0) checkSignal(sig);
  const info = queuedInfo(p, tgid, sig, addr);
  const t = threadById(p, tid, tgid);
  if (sig !== 0) sendToThread(p.kernel, t, info);
  return 0;
}

const pendingSet = (p: GuestProcess, t: GuestThread): bigint => t.pending.set | p.sharedPending.set;

function rtSigsuspend(p: GuestProcess, t: GuestThread, set: number, setSize: number): number {
  checkSetSize(setSize);
  if (!set) throw new SysError(E.EFAULT); // (useMask leaves the mask alone for a null set)
  useMask(p, t, set, setSize);
  // A handler runs (with the old mask in its frame), then the call fails with EINTR.
  if (pendingSet(p, t) & ~t.blocked) throw new SysError(E.EINTR);
  throw new WouldBlock({ deadline: Infinity, timeoutResult: -E.EINTR, restart: 'eintr' });
}

function rtSigtimedwait(p: GuestProcess, t: GuestThread, set: number, infoAddr: number, timeout: number, setSize: number): number {
  checkSetSize(setSize);
  const wanted = readSigsetFromGuest(p.mem, set) & ~UNBLOCKABLE;
  const info = t.pending.takeAny(wanted) ?? p.sharedPending.takeAny(wanted);
  if (info) {
    if (infoAddr) p.mem.writeBytes(infoAddr, info.bytes);
    return info.signo;
  }
  const deadline = deadlineOf(p, timeout);
  if (deadline <= performance.now()) throw new SysError(E.EAGAIN); // a zero timeout: nothing pending
  throw new WouldBlock({ ready: () => (pendingSet(p, t) & wanted) !== 0n, deadline, timeoutResult: -E.EAGAIN, restart: 'eintr' });
}

function rtSigpending(p: GuestProcess, t: GuestThread, set: number, setSize: number): number {
  if (setSize > SIGSET_SIZE) throw new SysError(E.EINVAL);
  writeSigsetToGuest(p.mem, set, pendingSet(p, t) & t.blocked);
  return 0;
}

export const signalRows: SyscallRow[] = [
  sys('rt_sigaction', ['signal', 'ptr', 'ptr', 'size'], (p, a) =>
    rtSigaction(p, int(a[0]), a[1], a[2], ulong(a[3]))),
  sys('rt_sigprocmask', ['sighow', 'ptr', 'ptr', 'size'], (p, a, t) =>
    rtSigprocmask(p, t, int(a[0]), a[1], a[2], ulong(a[3]))),
  sys('sigaltstack', ['ptr', 'ptr'], (p, a, t) => sigaltstack(p, t, a[0], a[1])),
  sys('kill', ['int', 'signal'], (p, a) => kill(p, int(a[0]), int(a[1]))),
  sys('tkill', ['int', 'signal'], (p, a) => tgkill(p, undefined, int(a[0]), int(a[1]))),
  sys('tgkill', ['int', 'int', 'signal'], (p, a) => tgkill(p, int(a[0]), int(a[1]), int(a[2]))),
  sys('rt_sigqueueinfo', ['int', 'signal', 'ptr'], (p, a) => rtSigqueueinfo(p, int(a[0]), int(a[1]), a[2])),
  sys('rt_tgsigqueueinfo', ['int', 'int', 'signal', 'ptr'], (p, a) =>
    rtTgsigqueueinfo(p, int(a[0]), int(a[1]), int(a[2]), a[3])),
  sys('rt_sigreturn', [], (p, _a, t) => sigreturn(p.kernel, t)),
  sys('rt_sigpending', ['ptr', 'size'], (p, a, t) => rtSigpending(p, t, a[0], ulong(a[1]))),
  sys('rt_sigsuspend', ['ptr', 'size'], (p, a, t) => rtSigsuspend(p, t, a[0], ulong(a[1]))),
  sys('rt_sigtimedwait', ['ptr', 'ptr', 'ptr', 'size'], (p, a, t) =>
    rtSigtimedwait(p, t, a[0], a[1], a[2], ulong(a[3]))),
];
