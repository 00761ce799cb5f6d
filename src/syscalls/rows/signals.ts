// Signal bookkeeping: rt_sigaction, rt_sigprocmask, sigaltstack record what the guest
// asks for; delivering signals is not done yet.
import { int, ulong } from '../args.js';
import { SIGPROCMASK } from '../constants.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import {
  readSigactionFromGuest, readSigsetFromGuest, readStackFromGuest, writeSigactionToGuest,
  writeSigsetToGuest, writeStackToGuest,
} from '../guest-structs.js';
import { sys, type SyscallRow } from '../row.js';
import { SS_DISABLE, SS_ONSTACK, SignalState } from '../signal-state.js';

const SIGSET_SIZE = 8;
const SS_AUTODISARM = 1 << 31;

function rtSigaction(p: GuestProcess, sig: number, act: number, oldAct: number, setSize: number): number {
  if (setSize !== SIGSET_SIZE) throw new SysError(E.EINVAL);
  SignalState.checkSignal(sig);
  const restorer = p.abi.sigactionRestorer;
  const next = act ? readSigactionFromGuest(p.mem, act, restorer) : undefined;
  const old = p.signals.action(sig);
  if (next) p.signals.setAction(sig, next);
  if (oldAct) writeSigactionToGuest(p.mem, oldAct, old, restorer);
  return 0;
}

function rtSigprocmask(p: GuestProcess, how: number, set: number, oldSet: number, setSize: number): number {
  if (setSize !== SIGSET_SIZE) throw new SysError(E.EINVAL);
  const old = p.signals.mask;
  if (set) {
    const s = readSigsetFromGuest(p.mem, set);
    if (how === SIGPROCMASK.SIG_BLOCK) p.signals.mask = old | s;
    else if (how === SIGPROCMASK.SIG_UNBLOCK) p.signals.mask = old & ~s;
    else if (how === SIGPROCMASK.SIG_SETMASK) p.signals.mask = s;
    else throw new SysError(E.EINVAL);
  }
  if (oldSet) writeSigsetToGuest(p.mem, oldSet, old);
  return 0;
}

function sigaltstack(p: GuestProcess, ss: number, oldSs: number): number {
  const old = p.signals.altStack;
  if (ss) {
    const next = readStackFromGuest(p.mem, ss);
    const mode = next.flags & ~SS_AUTODISARM;
    if (mode !== 0 && mode !== SS_ONSTACK && mode !== SS_DISABLE) throw new SysError(E.EINVAL);
    p.signals.altStack = mode === SS_DISABLE
      ? { sp: 0n, flags: SS_DISABLE, size: 0n }
      : { ...next, flags: next.flags & SS_AUTODISARM };
  }
  if (oldSs) writeStackToGuest(p.mem, oldSs, old);
  return 0;
}

export const signalRows: SyscallRow[] = [
  sys('rt_sigaction', ['signal', 'ptr', 'ptr', 'size'], (p, a) =>
    rtSigaction(p, int(a[0]), a[1], a[2], ulong(a[3]))),
  sys('rt_sigprocmask', ['sighow', 'ptr', 'ptr', 'size'], (p, a) =>
    rtSigprocmask(p, int(a[0]), a[1], a[2], ulong(a[3]))),
  sys('sigaltstack', ['ptr', 'ptr'], (p, a) => sigaltstack(p, a[0], a[1])),
];
