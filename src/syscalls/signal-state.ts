// Signal dispositions, the blocked mask and the alternate stack, as recorded by
// rt_sigaction / rt_sigprocmask / sigaltstack. Delivery comes later.
import { NSIG, SIGKILL, SIGSTOP } from './constants.js';
import { E, SysError } from './errno.js';
import type { Sigaction, StackT } from './guest-structs.js';

export const SS_ONSTACK = 1;
export const SS_DISABLE = 2;

/** Bit of signal `sig` in a sigset. */
export const sigBit = (sig: number): bigint => 1n << BigInt(sig - 1);
/** What can never be blocked. */
const UNBLOCKABLE = sigBit(SIGKILL) | sigBit(SIGSTOP);

export class SignalState {
  private readonly actions = new Map<number, Sigaction>();
  private blocked = 0n;
  altStack: StackT = { sp: 0n, flags: SS_DISABLE, size: 0n };

  static checkSignal(sig: number): void {
    if (sig < 1 || sig > NSIG) throw new SysError(E.EINVAL);
  }

  action(sig: number): Sigaction {
    SignalState.checkSignal(sig);
    return this.actions.get(sig) ?? { handler: 0n, flags: 0n, restorer: 0n, mask: 0n };
  }

  setAction(sig: number, act: Sigaction): void {
    SignalState.checkSignal(sig);
    if (sig === SIGKILL || sig === SIGSTOP) throw new SysError(E.EINVAL);
    this.actions.set(sig, { ...act, mask: act.mask & ~UNBLOCKABLE });
  }

  get mask(): bigint {
    return this.blocked;
  }

  set mask(set: bigint) {
    this.blocked = set & ~UNBLOCKABLE;
  }
}
