// Every guest thread of every guest process, and who runs next: round robin over the
// runnable ones. A waiting thread (see wait.ts) leaves the rotation until a futex
// wake, its condition, its deadline or a signal ends the wait. Futex waiters sleep in
// queues keyed by address space (or, for shared futexes in shared mappings, the mapped
// object) and address, so a fork child's private futexes are its own.
import type { GuestThread } from './thread.js';
import { TimerQueue } from './timer-queue.js';
import type { FutexKey, FutexSpace, Wait } from './wait.js';

export const ETIMEDOUT_RESULT = -110;

export class Scheduler {
  private readonly threads: GuestThread[] = [];
  private cursor = 0;
  /** Futex waiters by address space and address, in arrival order (FUTEX_WAKE wakes the oldest first). */
  private readonly queues = new Map<FutexSpace, Map<number, GuestThread[]>>();
  /** Interval timers, timerfds, alarms: they fire here before a thread is picked. */
  readonly timers = new TimerQueue();

  add(t: GuestThread): void {
    this.threads.push(t);
  }

  /** How many host programs run for the guest (host-exec.ts); see breakDeadlock. */
  hostWork = 0;

  /** Live threads. */
  get count(): number {
    return this.threads.length;
  }

  get all(): readonly GuestThread[] {
    return this.threads;
  }

  find(tid: number): GuestThread | undefined {
    return this.threads.find((t) => t.tid === tid);
  }

  /** Drops an exited thread. */
  remove(t: GuestThread): void {
    const i = this.threads.indexOf(t);
    if (i < 0) return;
    this.threads.splice(i, 1);
    this.cancel(t);
    if (this.cursor > i) this.cursor--;
    if (this.cursor >= this.threads.length) this.cursor = 0;
  }

  /**
   * The next thread to run, round robin, ending the waits whose deadline passed or
   * whose condition holds. Null when every thread waits (see idleUntil).
   */
  next(): GuestThread | null {
    this.timers.fireDue();
    const n = this.threads.length;
    let now = -1;
    for (let i = 0; i < n; i++) {
      const t = this.threads[(this.cursor + i) % n];
      if (t.process.stopped) continue; // job control: until SIGCONT
      const w = t.waiting;
      if (w) {
        if (w.ready?.()) {
          this.cancel(t);
          if (w.readyResult !== undefined) t.pendingResult = w.readyResult;
          else t.retry = true;
        } else if (w.deadline !== Infinity) {
          if (now < 0) now = performance.now();
          if (w.deadline <= now) {
            this.resume(t, w.timeoutResult);
            w.onTimeout?.();
          }
        }
      }
      if (!t.waiting) {
        this.cursor = (this.cursor + i + 1) % n;
        return t;
      }
    }
    return null;
  }

  /** When the first wait times out or the first timer fires (performance.now() ms), or Infinity. */
  idleUntil(): number {
    let first = this.timers.next;
    for (const t of this.threads) first = Math.min(first, t.waiting?.deadline ?? Infinity);
    return first;
  }

  /**
   * Every thread waits and none has a deadline: ends the waits that have a fallback
   * result. Returns whether any thread can run now.
   */
  breakDeadlock(): boolean {
    if (this.hostWork > 0) return false; // a host program may still end the waits
    let any = false;
    for (const t of this.threads) {
      const fallback = t.waiting?.fallback;
      if (fallback !== undefined) {
        this.resume(t, fallback);
        any = true;
      }
    }
    return any;
  }

  /** Parks `t` (a futex wait joins its queue; the caller has checked the futex word). */
  block(t: GuestThread, wait: Wait): void {
    t.waiting = wait;
    if (wait.futex) this.queue(wait.futex.mem, wait.futex.addr).push(t);
  }

  /** Wakes up to `count` waiters on `addr` whose bitset intersects `bitset`; returns how many. */
  wake(mem: FutexSpace, addr: number, count: number, bitset = -1): number {
    const q = this.queues.get(mem)?.get(addr);
    let woken = 0;
    for (const t of [...(q ?? [])]) {
      if (woken >= count) break;
      if ((t.waiting!.futex!.bitset & bitset) === 0) continue;
      this.resume(t, 0);
      woken++;
    }
    return woken;
  }

  /**
   * Ends the first wait on `addr` so that its call runs again (a priority-inheritance lock
   * let go); returns how many waiters stay queued there.
   */
  retryFirst(mem: FutexSpace, addr: number): number {
    const first = this.queues.get(mem)?.get(addr)?.[0];
    if (!first) return 0;
    this.cancel(first);
    first.retry = true;
    return this.queues.get(mem)?.get(addr)?.length ?? 0;
  }

  /** Moves up to `count` waiters from `from` to `to` (FUTEX_REQUEUE); returns how many. */
  requeue(mem: FutexSpace, from: number, to: number, count: number): number {
    const queues = this.queues.get(mem);
    const q = queues?.get(from) ?? [];
    const moved = q.splice(0, count);
    if (q.length === 0) queues?.delete(from);
    for (const t of moved) {
      const key: FutexKey = { ...t.waiting!.futex!, addr: to };
      t.waiting!.futex = key;
      this.queue(mem, to).push(t);
    }
    return moved.length;
  }

  /** Ends `t`'s wait with `result` as its syscall's result. */
  resume(t: GuestThread, result: number): void {
    this.cancel(t);
    t.pendingResult = result;
  }

  /** Takes `t` out of its wait without giving it a result; returns the wait it was in. */
  cancel(t: GuestThread): Wait | null {
    const w = t.waiting;
    if (!w) return null;
    t.waiting = null;
    if (w.futex) {
      const queues = this.queues.get(w.futex.mem);
      const q = queues?.get(w.futex.addr);
      const i = q ? q.indexOf(t) : -1;
      if (i >= 0) q!.splice(i, 1);
      if (q && q.length === 0) queues!.delete(w.futex.addr);
      if (queues && queues.size === 0) this.queues.delete(w.futex.mem);
    }
    return w;
  }

  private queue(mem: FutexSpace, addr: number): GuestThread[] {
    let queues = this.queues.get(mem);
    if (!queues) this.queues.set(mem, (queues = new Map()));
    let q = queues.get(addr);
    if (!q) queues.set(addr, (q = []));
    return q;
  }
}
