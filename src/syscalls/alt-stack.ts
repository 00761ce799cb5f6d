// The alternate signal stack (sigaltstack): per thread, switched to by handlers with
// SA_ONSTACK, with Linux's rules for "on the stack" and for changing it.
import { E, SysError } from './errno.js';
import type { StackT } from './guest-structs.js';
import { SS_AUTODISARM, SS_DISABLE, SS_ONSTACK } from './signals.js';
import { NO_ALT_STACK, type GuestThread } from './thread.js';

/** Whether `sp` is on t's alternate stack (never, with SS_AUTODISARM). */
export function onAltStack(t: GuestThread, sp: number): boolean {
  const s = t.altStack;
  if (s.flags & SS_AUTODISARM) return false;
  const base = Number(s.sp);
  return sp > base && sp - base <= Number(s.size);
}

/** ss_flags as Linux reports them: SS_DISABLE, SS_ONSTACK or 0. */
export function altStackState(t: GuestThread, sp: number): number {
  if (t.altStack.size === 0n) return SS_DISABLE;
  return onAltStack(t, sp) ? SS_ONSTACK : 0;
}

/** The alternate stack as sigaltstack's old-value output (and uc_stack) shows it. */
export function reportedAltStack(t: GuestThread, sp: number, withAutodisarm: boolean): StackT {
  const flags = altStackState(t, sp) | (withAutodisarm ? t.altStack.flags & SS_AUTODISARM : 0);
  return { sp: t.altStack.sp, flags, size: t.altStack.size };
}

/** Where a handler's frame goes: the top of the alternate stack when asked for and not on it yet. */
export function handlerStackTop(t: GuestThread, sp: number, onStack: boolean): number {
  if (onStack && altStackState(t, sp) === 0) return Number(t.altStack.sp + t.altStack.size);
  return sp;
}

/** sigaltstack's change, from code running at `sp`; `minSize` is the ISA's MINSIGSTKSZ. */
export function setAltStack(t: GuestThread, next: StackT, sp: number, minSize: number): void {
  if (onAltStack(t, sp)) throw new SysError(E.EPERM);
  const mode = next.flags & ~SS_AUTODISARM;
  if (mode !== 0 && mode !== SS_ONSTACK && mode !== SS_DISABLE) throw new SysError(E.EINVAL);
  if (mode === SS_DISABLE) {
    t.altStack = NO_ALT_STACK;
    return;
  }
  if (next.size < BigInt(minSize)) throw new SysError(E.ENOMEM);
  t.altStack = { sp: next.sp, flags: next.flags, size: next.size };
}
