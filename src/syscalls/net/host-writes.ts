// Bytes the guest sent that Node has not handed to the host yet: the rest of a closed
// socket's stream, datagrams Node still sends. Linux delivers those after close() and
// after the process exits, so the emulator waits for them (for a while: a peer that
// never reads must not keep it alive) before it exits.
import type { Socket } from 'node:net';

const inFlight = new Set<object>();
let settled: (() => void) | null = null;

/** `token` stands for a write under way until writeDone(token). */
export function writeStarted(token: object): void {
  inFlight.add(token);
}

export function writeDone(token: object): void {
  inFlight.delete(token);
  if (inFlight.size === 0) settled?.();
}

/** Sends what is left, then FIN, then lets go of `s`. */
export function flushThenClose(s: Socket): void {
  if (s.destroyed) return; // reset, or failed: nothing will go out any more
  writeStarted(s);
  s.once('close', () => writeDone(s));
  s.end(() => s.destroy());
}

/** Resolves once every write under way has reached the host, or after `ms`. */
export function hostWritesSettled(ms = 5000): Promise<void> {
  if (inFlight.size === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    settled = () => {
      clearTimeout(timer);
      settled = null;
      resolve();
    };
  });
}
