// Signals sent to the emulator itself, passed on to the guest: SIGINT to every guest
// process of the foreground group (as a terminal's ^C would reach them all), SIGTERM and
// SIGHUP to the first process. Node runs the listeners between run slices.
import type { Kernel } from '../syscalls/kernel.js';
import { SIGHUP, SIGINT, SIGTERM } from '../syscalls/signals.js';

const FORWARDED: ReadonlyArray<readonly [NodeJS.Signals, number]> = [
  ['SIGINT', SIGINT], ['SIGTERM', SIGTERM], ['SIGHUP', SIGHUP],
];

/** Installs the listeners; `arrived` is called after each. Returns a function removing them. */
export function forwardHostSignals(kernel: Kernel, arrived: () => void): () => void {
  const listeners = FORWARDED.map(([name, sig]) => {
    const listener = (): void => {
      if (sig === SIGINT) {
        const group = kernel.process.pgid;
        for (const p of [...kernel.processes]) if (p.pgid === group) kernel.hostSignal(sig, p);
      } else {
        kernel.hostSignal(sig);
      }
      arrived();
    };
    process.on(name, listener);
    return [name, listener] as const;
  });
  return () => {
    for (const [name, listener] of listeners) process.off(name, listener);
  };
}
