// Signals raised but not yet taken, for one thread or one whole process. A standard
// signal (1..31) is pending at most once; real-time signals queue every instance, in
// order. Linux takes synchronous (fault) signals first, then the lowest number.
import { SIGRTMIN, SYNCHRONOUS, lowestSignal, sigBit } from './signals.js';
import type { SigInfo } from './siginfo.js';

export class PendingSignals {
  /** One bit per pending signal. */
  set = 0n;
  private queue: SigInfo[] = [];

  /** Queues `info`; false when it merged into an instance already pending. */
  add(info: SigInfo): boolean {
    const bit = sigBit(info.signo);
    if (info.signo < SIGRTMIN && this.set & bit) return false;
    this.set |= bit;
    this.queue.push(info);
    return true;
  }

  /** Takes the signal Linux would deliver next among those not in `blocked`. */
  take(blocked: bigint): SigInfo | null {
    const ready = this.set & ~blocked;
    if (ready === 0n) return null;
    const sync = ready & SYNCHRONOUS;
    return this.takeSignal(lowestSignal(sync !== 0n ? sync : ready));
  }

  /** Takes the oldest instance of the lowest signal in `wanted` (rt_sigtimedwait). */
  takeAny(wanted: bigint): SigInfo | null {
    const ready = this.set & wanted;
    return ready === 0n ? null : this.takeSignal(lowestSignal(ready));
  }

  /** Drops every instance of `sig` (its action became "ignore"). */
  discard(sig: number): void {
    this.set &= ~sigBit(sig);
    this.queue = this.queue.filter((i) => i.signo !== sig);
  }

  clear(): void {
    this.set = 0n;
    this.queue = [];
  }

  private takeSignal(sig: number): SigInfo {
    const i = this.queue.findIndex((q) => q.signo === sig);
    const info = this.queue[i];
    this.queue.splice(i, 1);
    if (!this.queue.some((q) => q.signo === sig)) this.set &= ~sigBit(sig);
    return info;
  }
}
