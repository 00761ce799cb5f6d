// Synchronous sleeping: the guest runs on this thread, so a sleeping guest blocks it.
const cell = new Int32Array(new SharedArrayBuffer(4));

export function sleepMs(ms: number): void {
  if (ms > 0) Atomics.wait(cell, 0, 0, ms);
}
