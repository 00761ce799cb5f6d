import { CLD_DUMPED, CLD_EXITED, CLD_KILLED } from './signals.js';

/** How the first guest process ended: the emulator ends the same way. */
export type Outcome = { kind: 'exit'; status: number } | { kind: 'signal'; signal: number };

/**
 * Thrown out of Kernel.syscall when the call ended the first guest process (exit,
 * exit_group, or a signal it sent itself that killed it): the emulator is done.
 */
export class GuestExit extends Error {
  constructor(readonly outcome: Outcome) {
    super(outcome.kind === 'exit' ? `guest exited with status ${outcome.status}` : `guest killed by signal ${outcome.signal}`);
  }

  /** The exit status (0..255), or 128 + the signal as a shell shows it. */
  get status(): number {
    return this.outcome.kind === 'exit' ? this.outcome.status : 128 + this.outcome.signal;
  }
}

// wait status encoding (what wait4 stores, what waitid decodes).
export const exitedStatus = (code: number): number => (code & 0xff) << 8;
export const signaledStatus = (sig: number, core: boolean): number => sig | (core ? 0x80 : 0);

/** A child's si_code (CLD_EXITED, CLD_KILLED, CLD_DUMPED) and si_status from its wait status. */
export function childCodeOf(status: number): [code: number, status: number] {
  const sig = status & 0x7f;
  if (!sig) return [CLD_EXITED, status >> 8];
  return [status & 0x80 ? CLD_DUMPED : CLD_KILLED, sig];
}
