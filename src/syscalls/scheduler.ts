// The guest threads of a process and who runs next: round robin over runnable
// threads; futex waiters sleep in per-address queues until woken or timed out.
// Everything runs on one host thread, so a "wait" only takes a thread out of the
// rotation; when every thread waits, the scheduler sleeps until the first deadline.
import { sleepMs } from './sleep.js';
import type { GuestThread } from './thread.js';

export const ETIMEDOUT_RESULT = -110;

export class Scheduler {
  private readonly threads: GuestThread[] = [];
  private cursor = 0;
  /** Waiters by futex address, in arrival order (FUTEX_WAKE wakes the oldest first). */
  private readonly queues = new Map<number, GuestThread[]>();

  add(t: GuestThread): void {
    this.threads.push(t);
  }

  /** Live threads. */
  get count(): number {
    return this.threads.length;
  }

  find(tid: number): GuestThread | undefined {
    return this.threads.find((t) => t.tid === tid);
  }

  /** Drops an exited thread. */
  remove(t: GuestThread): void {
    const i = this.threads.indexOf(t);
    if (i >= 0) this.threads.splice(i, 1);
    if (t.waiting) this.dequeue(t);
    if (this.cursor > i && i >= 0) this.cursor--;
  }

  /**
   * The next thread to run, round robin, waking timed-out waiters; sleeps the host
   * when every thread waits with a deadline. Null when every thread waits forever.
   */
  next(): GuestThread | null {
    for (;;) {
      const n = this.threads.length;
      for (let i = 0; i < n; i++) {
        const t = this.threads[(this.cursor + i) % n];
        if (t.waiting && t.waiting.deadline <= performance.now()) this.resume(t, ETIMEDOUT_RESULT);
        if (!t.waiting) {
          this.cursor = (this.cursor + i + 1) % n;
          return t;
        }
      }
      const first = Math.min(...this.threads.map((t) => t.waiting?.deadline ?? Infinity));
      if (first === Infinity) return null;
      sleepMs(Math.max(0, first - performance.now()));
    }
  }

  /** Puts `t` to sleep on `addr` (the caller has checked the futex word). */
  wait(t: GuestThread, addr: number, bitset: number, deadline: number): void {
    t.waiting = { addr, bitset, deadline };
    let q = this.queues.get(addr);
    if (!q) this.queues.set(addr, (q = []));
    q.push(t);
  }

  /** Wakes up to `count` waiters on `addr` whose bitset intersects `bitset`; returns how many. */
  wake(addr: number, count: number, bitset = -1): number {
    const q = this.queues.get(addr);
    let woken = 0;
    for (const t of [...(q ?? [])]) {
      if (woken >= count) break;
      if ((t.waiting!.bitset & bitset) === 0) continue;
      this.resume(t, 0);
      woken++;
    }
    return woken;
  }

  /** Moves up to `count` waiters from `from` to `to` (FUTEX_REQUEUE); returns how many. */
  requeue(from: number, to: number, count: number): number {
    const q = this.queues.get(from) ?? [];
    const moved = q.splice(0, count);
    if (q.length === 0) this.queues.delete(from);
    for (const t of moved) {
      t.waiting = { ...t.waiting!, addr: to };
      let target = this.queues.get(to);
      if (!target) this.queues.set(to, (target = []));
      target.push(t);
    }
    return moved.length;
  }

  private resume(t: GuestThread, result: number): void {
    this.dequeue(t);
    t.waiting = null;
    t.pendingResult = result;
  }

  private dequeue(t: GuestThread): void {
    const addr = t.waiting!.addr;
    const q = this.queues.get(addr);
    if (!q) return;
    const i = q.indexOf(t);
    if (i >= 0) q.splice(i, 1);
    if (q.length === 0) this.queues.delete(addr);
  }
}
