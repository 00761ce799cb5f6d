// Kernel timers: callbacks due at a time (performance.now() milliseconds). The
// scheduler fires the due ones before it picks a thread, and the run loop between
// slices, so a timer fires while guest code runs as well as while every thread waits
// (the idle run loop sleeps until the first of them).

export interface KernelTimer {
  readonly at: number;
  readonly fire: () => void;
}

export class TimerQueue {
  private readonly timers = new Set<KernelTimer>();

  /** Calls `fire` once `at` has passed. */
  add(at: number, fire: () => void): KernelTimer {
    const timer = { at, fire };
    this.timers.add(timer);
    return timer;
  }

  cancel(timer: KernelTimer | null): void {
    if (timer) this.timers.delete(timer);
  }

  /** When the first timer is due, or Infinity. */
  get next(): number {
    let first = Infinity;
    for (const t of this.timers) first = Math.min(first, t.at);
    return first;
  }

  /** Fires the timers due now (a callback may add timers; those wait for the next look). */
  fireDue(): void {
    if (this.timers.size === 0) return;
    const now = performance.now();
    const due: KernelTimer[] = [];
    for (const t of this.timers) if (t.at <= now) due.push(t);
    for (const t of due) {
      if (!this.timers.has(t)) continue; // cancelled by an earlier callback
      this.timers.delete(t);
      t.fire();
    }
  }
}
