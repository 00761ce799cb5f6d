// A process's signal dispositions (rt_sigaction), shared by its threads, copied by
// fork, reset to default by execve (except what is ignored).
import { NSIG } from './constants.js';
import { E, SysError } from './errno.js';
import type { Sigaction } from './guest-structs.js';
import { SIGKILL, SIGSTOP, SIG_DFL, SIG_IGN, UNBLOCKABLE, defaultIgnores } from './signals.js';

export const DEFAULT_ACTION: Sigaction = Object.freeze({ handler: SIG_DFL, flags: 0n, restorer: 0n, mask: 0n });

/** EINVAL unless 1 <= sig <= 64. */
export function checkSignal(sig: number): void {
  if (!Number.isInteger(sig) || sig < 1 || sig > NSIG) throw new SysError(E.EINVAL);
}

export class SignalActions {
  private readonly actions = new Map<number, Sigaction>();

  get(sig: number): Sigaction {
    return this.actions.get(sig) ?? DEFAULT_ACTION;
  }

  /** rt_sigaction's change (SIGKILL and SIGSTOP cannot be caught or ignored). */
  set(sig: number, act: Sigaction): void {
    checkSignal(sig);
    if (sig === SIGKILL || sig === SIGSTOP) throw new SysError(E.EINVAL);
    if (act.handler === SIG_DFL && act.flags === 0n && act.mask === 0n && act.restorer === 0n) this.actions.delete(sig);
    else this.actions.set(sig, { ...act, mask: act.mask & ~UNBLOCKABLE });
  }

  /** Back to SIG_DFL (SA_RESETHAND, or a fault that must kill). */
  reset(sig: number): void {
    this.actions.delete(sig);
  }

  /** Whether raising `sig` now would do nothing at all (so it is not even queued). */
  ignores(sig: number): boolean {
    const h = this.get(sig).handler;
    return h === SIG_IGN || (h === SIG_DFL && defaultIgnores(sig));
  }

  /** fork: the child starts with the same dispositions. */
  copy(): SignalActions {
    const c = new SignalActions();
    for (const [sig, act] of this.actions) c.actions.set(sig, { ...act });
    return c;
  }

  /** execve: handlers are gone with the old image; ignored signals stay ignored. */
  resetHandlers(): void {
    for (const [sig, act] of this.actions) {
      if (act.handler !== SIG_IGN) this.actions.delete(sig);
      else this.actions.set(sig, { ...DEFAULT_ACTION, handler: SIG_IGN });
    }
  }
}
