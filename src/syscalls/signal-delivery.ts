// Raising signals and acting on them. A signal is queued for a thread (tgkill, faults)
// or a process (kill) and marks a thread that can take it; the run loop calls
// deliverSignals before that thread runs guest code again (a block boundary), which
// runs the default action or builds a handler frame through the ISA's SignalFrameOps.
// A thread waiting in a syscall is woken: the call returns -EINTR or is restarted.
import { GuestFault } from '../memory/address-space.js';
import { handlerStackTop, onAltStack, reportedAltStack, setAltStack } from './alt-stack.js';
import { E, SysError } from './errno.js';
import type { Sigaction } from './guest-structs.js';
import type { GuestProcess } from './guest-process.js';
import type { Kernel } from './kernel.js';
import { STOP_SIGNALS, continueProcess, inOrphanedGroup, stopProcess } from './job-control.js';
import { killProcess } from './process-exit.js';
import { faultInfo, type SigInfo } from './siginfo.js';
import {
  SA_NODEFER, SA_ONSTACK, SA_RESETHAND, SA_RESTART, SA_RESTORER, SA_SIGINFO, SEGV_MAPERR, SIGCONT, SIGKILL,
  SIGSEGV, SIGSTOP, SIG_DFL, SIG_IGN, SI_KERNEL, SS_AUTODISARM, UNBLOCKABLE, defaultAction, lowestSignal, sigBit,
} from './signals.js';
import { NO_ALT_STACK, type GuestThread } from './thread.js';

const blocks = (t: GuestThread, sig: number): boolean => (t.blocked & sigBit(sig)) !== 0n;
const hasHandler = (act: Sigaction): boolean => act.handler !== SIG_DFL && act.handler !== SIG_IGN;

/** Whether SIG_DFL of `sig` ends the process. */
function killsByDefault(sig: number): boolean {
  const d = defaultAction(sig);
  return d === 'term' || d === 'core';
}

/** A signal `t` does not block was queued: it runs it before guest code, or wakes from its wait. */
function signalWake(k: Kernel, t: GuestThread, sig: number): void {
  t.sigCheck = true;
  const w = t.waiting;
  if (!w || w.uninterruptible) return;
  if (w.ready?.() && w.readyResult === undefined) {
    // the signal is what the call waits for (rt_sigtimedwait): it completes instead
    k.scheduler.cancel(t);
    t.retry = true;
    return;
  }
  const act = t.process.actions.get(sig);
  k.scheduler.cancel(t);
  // A signal taken without a handler (a stop) restarts the call, whatever its class.
  if ((!hasHandler(act) || (act.flags & SA_RESTART && w.restart === 'sa-restart')) && k.cpu) {
    // Restarted after the handler: the frame returns to the syscall instruction, whose
    // argument registers are untouched.
    t.pc -= k.cpu.syscallInsnSize;
  } else {
    w.onInterrupt?.();
    t.pendingResult = -E.EINTR;
  }
}

/** Ends `p` at once when `sig` would only kill it anyway (Linux's group exit on a fatal signal). */
function killedAtOnce(k: Kernel, p: GuestProcess, sig: number, taker: GuestThread | undefined): boolean {
  if (sig === SIGKILL || (taker && p.actions.get(sig).handler === SIG_DFL && killsByDefault(sig))) {
    killProcess(k, p, sig, defaultAction(sig) === 'core');
    return true;
  }
  return false;
}

/**
 * What sending `sig` does at once, before it is queued (Linux's prepare_signal):
 * SIGCONT continues the process and cancels pending stop signals; a stop signal
 * cancels a pending SIGCONT.
 */
function prepareSignal(k: Kernel, p: GuestProcess, sig: number): void {
  const cancelled = sig === SIGCONT ? STOP_SIGNALS : STOP_SIGNALS.includes(sig) ? [SIGCONT] : [];
  for (const s of cancelled) {
    p.sharedPending.discard(s);
    for (const t of p.threads) t.pending.discard(s);
  }
  if (sig === SIGCONT) continueProcess(k, p);
}

/** kill(2) and friends: `info` for the process as a whole. */
export function sendToProcess(k: Kernel, p: GuestProcess, info: SigInfo): void {
  const sig = info.signo;
  if (p.exitStatus !== null) return;
  if (p.hostProgram) {
    p.hostProgram.kill(sig); // the process is a host program now; its end is reported then
    return;
  }
  prepareSignal(k, p, sig);
  const main = p.mainThread;
  if (p.actions.ignores(sig) && !(main && blocks(main, sig))) return;
  const taker = p.threads.find((t) => !blocks(t, sig));
  if (killedAtOnce(k, p, sig, taker)) return;
  if (!p.sharedPending.add(info)) return;
  if (taker) signalWake(k, taker, sig);
}

/** kill(-pgid) and the terminal's signals: `info` for every live process of group `pgid`. */
export function sendToGroup(k: Kernel, pgid: number, info: SigInfo): void {
  for (const q of [...k.processes]) if (q.pgid === pgid && q.exitStatus === null) sendToProcess(k, q, info);
}

/** tkill, tgkill: `info` for one thread. */
export function sendToThread(k: Kernel, t: GuestThread, info: SigInfo): void {
  const sig = info.signo;
  const p = t.process;
  if (p.exitStatus !== null || t.exited) return;
  prepareSignal(k, p, sig);
  if (p.actions.ignores(sig) && !blocks(t, sig)) return;
  if (killedAtOnce(k, p, sig, blocks(t, sig) ? undefined : t)) return;
  if (!t.pending.add(info)) return;
  if (!blocks(t, sig)) signalWake(k, t, sig);
}

/**
 * A signal raised by the thread's own instruction (a fault, an undefined instruction,
 * a breakpoint). Blocked or ignored, it cannot be put off: the default action is
 * restored and it kills, as in Linux.
 */
export function forceSignal(t: GuestThread, info: SigInfo, faultAddress?: number): void {
  const sig = info.signo;
  const p = t.process;
  if (p.actions.get(sig).handler === SIG_IGN || blocks(t, sig)) {
    p.actions.reset(sig);
    t.blocked &= ~sigBit(sig);
  }
  if (faultAddress !== undefined) t.faultAddress = faultAddress;
  t.pending.add(info);
  t.sigCheck = true;
}

/** The signal mask changed (or might have): pending signals may be deliverable now. */
export function maskChanged(t: GuestThread): void {
  t.sigCheck = true;
}

/**
 * Signals pending for the whole process go to a thread that takes them: after a thread
 * blocked some (or ended), another one may have to (Linux's retarget_shared_pending).
 */
export function retargetShared(k: Kernel, p: GuestProcess): void {
  const pending = p.sharedPending.set;
  if (pending === 0n) return;
  for (const t of p.threads) {
    const ready = pending & ~t.blocked;
    if (ready !== 0n && !t.sigCheck) signalWake(k, t, lowestSignal(ready));
  }
}

/**
 * Runs what `t`'s deliverable signals call for, before it runs guest code again:
 * default actions (which may end the process) and handler frames, one on top of the
 * other when several signals are deliverable.
 */
export function deliverSignals(k: Kernel, t: GuestThread): void {
  const p = t.process;
  t.sigCheck = false;
  while (!t.exited) {
    const info = t.pending.take(t.blocked) ?? p.sharedPending.take(t.blocked);
    if (!info) break;
    const sig = info.signo;
    const act = p.actions.get(sig);
    if (act.handler === SIG_IGN) continue;
    if (act.handler === SIG_DFL) {
      if (killsByDefault(sig)) killProcess(k, p, sig, defaultAction(sig) === 'core');
      else if (defaultAction(sig) === 'stop' && (sig === SIGSTOP || !inOrphanedGroup(k, p))) {
        stopProcess(k, p, sig);
        break;
      }
      continue;
    }
    k.straceSignal(t, info);
    if (!runHandler(k, t, info, act)) {
      // No room for the frame: SIGSEGV, which kills if it was SIGSEGV's own frame.
      if (sig === SIGSEGV) p.actions.reset(SIGSEGV);
      forceSignal(t, faultInfo(SIGSEGV, SI_KERNEL, 0));
    }
  }
  if (t.savedMask !== null && !t.waiting) {
    t.blocked = t.savedMask;
    t.savedMask = null;
  }
}

/** Builds the handler's frame and points the thread at the handler; false when the stack cannot take it. */
function runHandler(k: Kernel, t: GuestThread, info: SigInfo, act: Sigaction): boolean {
  const cpu = k.cpu;
  if (!cpu) throw new Error('signal handlers need the ISA hooks (KernelOptions.cpu)');
  const ops = cpu.signalFrame;
  const p = t.process;
  const sp = cpu.stackPointer(t.state);
  const top = handlerStackTop(t, sp, (act.flags & SA_ONSTACK) !== 0n);
  // On the alternate stack already: a frame that would overflow it is refused.
  if (top === sp && onAltStack(t, sp) && !onAltStack(t, sp - ops.frameSize)) return false;
  const returnTo = act.flags & SA_RESTORER && p.abi.sigactionRestorer ? Number(act.restorer) : p.mm.sigreturnTrampoline;
  let pc: number;
  try {
    pc = ops.setup(p.mem, t.state, {
      sig: info.signo, info: info.bytes, siginfo: (act.flags & SA_SIGINFO) !== 0n, handler: Number(act.handler),
      returnTo, pc: t.pc, sp: top, mask: t.savedMask ?? t.blocked, stack: reportedAltStack(t, sp, false),
      faultAddress: t.faultAddress,
    });
  } catch (err) {
    if (err instanceof GuestFault) return false;
    throw err;
  }
  if (t.altStack.flags & SS_AUTODISARM) t.altStack = NO_ALT_STACK;
  t.pc = pc;
  t.savedMask = null;
  t.blocked = (t.blocked | act.mask | (act.flags & SA_NODEFER ? 0n : sigBit(info.signo))) & ~UNBLOCKABLE;
  if (act.flags & SA_RESETHAND) p.actions.reset(info.signo);
  return true;
}

/** rt_sigreturn: back to where the handler's frame says, with its mask and alternate stack. */
export function sigreturn(k: Kernel, t: GuestThread): number {
  const cpu = k.cpu;
  if (!cpu) throw new SysError(E.ENOSYS);
  t.keepRegisters = true;
  let restored = null;
  try {
    restored = cpu.signalFrame.restore(t.process.mem, t.state);
  } catch (err) {
    if (!(err instanceof GuestFault)) throw err;
  }
  const sp = cpu.stackPointer(t.state);
  if (!restored) {
    forceSignal(t, faultInfo(SIGSEGV, SEGV_MAPERR, sp), sp);
    return 0;
  }
  t.pc = restored.pc;
  t.blocked = restored.mask & ~UNBLOCKABLE;
  maskChanged(t);
  try {
    setAltStack(t, restored.stack, sp, cpu.signalFrame.minStackSize);
  } catch (err) {
    if (!(err instanceof SysError)) throw err; // as Linux: only a fault reading it counts
  }
  return 0;
}
