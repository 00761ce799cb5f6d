// Ending the emulator the way its guest ended: a guest killed by a signal takes the
// emulator down with the same host signal, so the shell sees the same status.
import { constants } from 'node:os';
import { defaultAction } from '../syscalls/signals.js';

/** strsignal() texts of the host (glibc), as qemu prints them. */
const DESCRIPTIONS: readonly string[] = [
  '', 'Hangup', 'Interrupt', 'Quit', 'Illegal instruction', 'Trace/breakpoint trap', 'Aborted', 'Bus error',
  'Floating point exception', 'Killed', 'User defined signal 1', 'Segmentation fault', 'User defined signal 2',
  'Broken pipe', 'Alarm clock', 'Terminated', 'Stack fault', 'Child exited', 'Continued', 'Stopped (signal)',
  'Stopped', 'Stopped (tty input)', 'Stopped (tty output)', 'Urgent I/O condition', 'CPU time limit exceeded',
  'File size limit exceeded', 'Virtual timer expired', 'Profiling timer expired', 'Window changed',
  'I/O possible', 'Power failure', 'Bad system call',
];

function signalDescription(sig: number): string {
  return DESCRIPTIONS[sig] ?? `Real-time signal ${sig - 32}`;
}

/**
 * qemu's line for a guest killed by a signal that dumps core ("core dumped": qemu
 * writes the guest's core file); none for the other fatal signals.
 */
export function fatalSignalMessage(sig: number): string | undefined {
  if (defaultAction(sig) !== 'core') return undefined;
  return `tsqemu: uncaught target signal ${sig} (${signalDescription(sig)}) - core dumped\n`;
}

/**
 * Dies of `sig` (the host's numbering of 1..31 is the guest's). Node ignores SIGPIPE
 * and keeps SIGUSR1 for its inspector: a listener added and removed again gives the
 * signal back its default action first.
 */
export function dieOfSignal(sig: number): never {
  const name = (Object.keys(constants.signals) as NodeJS.Signals[]).find((n) => constants.signals[n] === sig);
  const noop = (): void => {};
  if (name === 'SIGPIPE' || name === 'SIGUSR1') {
    process.on(name, noop);
    process.off(name, noop);
  }
  try {
    process.kill(process.pid, sig);
  } catch {
    // an unknown signal number: fall through to the exit status a shell would show
  }
  process.exit(128 + sig);
}
