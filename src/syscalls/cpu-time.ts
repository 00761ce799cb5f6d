// CPU time of guest threads and processes. Every guest runs on the emulator's one host
// thread, so the time the run loop spends running a guest thread is that thread's CPU
// time (syscalls included: user and system time are not told apart). A process's time
// is its threads', the ended ones included; its children's is added when it reaps them.
import type { GuestProcess } from './guest-process.js';
import type { GuestThread } from './thread.js';

interface ProcessTimes {
  /** Milliseconds run by the process's threads. */
  self: number;
  /** Milliseconds run by the reaped children (and their reaped children). */
  children: number;
}

const threadMs = new WeakMap<GuestThread, number>();
const processMs = new WeakMap<GuestProcess, ProcessTimes>();

function timesOf(p: GuestProcess): ProcessTimes {
  let times = processMs.get(p);
  if (!times) processMs.set(p, (times = { self: 0, children: 0 }));
  return times;
}

const toNs = (ms: number): bigint => BigInt(Math.round(ms * 1e6));

/** The thread the run loop runs now, and since when (performance.now() ms). */
let running: { t: GuestThread; since: number } | null = null;

/** The run loop starts running `t`. */
export function startRunning(t: GuestThread): void {
  stopRunning();
  running = { t, since: performance.now() };
}

/** The run loop stops running the thread it ran: that time is charged to it. */
export function stopRunning(): void {
  if (!running) return;
  const { t, since } = running;
  running = null;
  const ms = performance.now() - since;
  threadMs.set(t, (threadMs.get(t) ?? 0) + ms);
  timesOf(t.process).self += ms;
}

/** The time `t` has run in its current turn (it reads its own clock while it runs). */
const runningMs = (t: GuestThread): number => (running?.t === t ? performance.now() - running.since : 0);

/** `child` was reaped: its time and its children's count for its parent's children. */
export function childReaped(parent: GuestProcess, child: GuestProcess): void {
  const c = timesOf(child);
  timesOf(parent).children += c.self + c.children;
}

export const threadCpuNs = (t: GuestThread): bigint => toNs((threadMs.get(t) ?? 0) + runningMs(t));
export const processCpuNs = (p: GuestProcess): bigint =>
  toNs(timesOf(p).self + (running?.t.process === p ? runningMs(running.t) : 0));
export const childrenCpuNs = (p: GuestProcess): bigint => toNs(timesOf(p).children);
