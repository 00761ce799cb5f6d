// One interval timer: a first expiry, then one every interval (or none). It counts
// its expirations itself from its clock, so a reader that looks late sees them all
// (timerfd's count, a POSIX timer's overrun); the scheduler's timer queue only makes
// sure someone looks at the time it expires, even when every guest thread waits.
// Its clock is wall time or a CPU time (milliseconds): CPU time never runs faster than
// wall time, so a look after the time left on it is never too late — when the CPU time
// is not there yet, the timer looks again after what is still left.
// Guests speak nanoseconds of a clock.
import type { KernelTimer, TimerQueue } from './timer-queue.js';

const NS_PER_MS = 1e6;

export interface TimerSetting {
  /** Time to the next expiry (0n: disarmed). */
  valueNs: bigint;
  intervalNs: bigint;
}

export const wallClockMs = (): number => performance.now();

export class IntervalTimer {
  /** The next expiry on its clock, or Infinity while disarmed. */
  private due = Infinity;
  private intervalMs = 0;
  private queued: KernelTimer | null = null;

  constructor(
    private readonly queue: TimerQueue,
    /** Called with the number of expirations (more than 1 when some were missed). */
    private readonly expired: (count: number) => void,
    /** The clock it counts, in milliseconds. */
    private readonly now: () => number = wallClockMs,
  ) {}

  get armed(): boolean {
    return this.due !== Infinity;
  }

  /**
   * Arms (or, with a 0 value, disarms) the timer; returns the previous setting. With
   * `clockNowNs` (the time of the clock it is set on), the value is a time of that clock.
   */
  set(s: TimerSetting, clockNowNs?: bigint): TimerSetting {
    const old = this.get();
    this.intervalMs = Number(s.intervalNs) / NS_PER_MS;
    if (s.valueNs === 0n) {
      this.due = Infinity;
    } else {
      const fromNow = clockNowNs === undefined ? s.valueNs : s.valueNs - clockNowNs;
      this.due = this.now() + Math.max(0, Number(fromNow) / NS_PER_MS);
    }
    this.schedule();
    return old;
  }

  get(): TimerSetting {
    this.catchUp();
    const left = this.armed ? Math.max(1, Math.round((this.due - this.now()) * NS_PER_MS)) : 0;
    return { valueNs: BigInt(left), intervalNs: BigInt(Math.round(this.intervalMs * NS_PER_MS)) };
  }

  /** Counts the expirations up to now (before a read, a look at the setting or readiness). */
  catchUp(): void {
    const now = this.now();
    if (now < this.due) return;
    let count = 1;
    if (this.intervalMs > 0) {
      const missed = Math.floor((now - this.due) / this.intervalMs);
      count += missed;
      this.due += (missed + 1) * this.intervalMs;
    } else {
      this.due = Infinity;
    }
    this.schedule();
    this.expired(count);
  }

  /** Stops it for good (the timer is deleted, or its owner went). */
  disarm(): void {
    this.set({ valueNs: 0n, intervalNs: 0n });
  }

  private schedule(): void {
    this.queue.cancel(this.queued);
    this.queued = null;
    if (this.due === Infinity) return;
    const left = Math.max(0, this.due - this.now());
    this.queued = this.queue.add(performance.now() + left, () => {
      this.queued = null;
      this.catchUp();
      if (!this.queued) this.schedule(); // (a CPU time not there yet)
    });
  }
}
