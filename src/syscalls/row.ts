// One registry row per syscall: dispatch, -strace and the implemented-syscalls list
// all come from it.
import type { GuestProcess } from './guest-process.js';
import type { GuestThread } from './thread.js';
import type { ArgKind, ResultKind } from './strace.js';

/** The six argument registers, each as its signed 64-bit value. */
export type Args = readonly number[];

export interface SyscallRow {
  readonly name: string;
  readonly args: readonly ArgKind[];
  readonly result: ResultKind;
  /** Returns the result (>= 0) or throws SysError / a host error / GuestFault. */
  readonly run: (p: GuestProcess, a: Args, t: GuestThread) => number;
  /** Deliberately -ENOSYS (the guest falls back quietly): no unsupported report. */
  readonly quiet: boolean;
}

export function sys(
  name: string,
  args: readonly ArgKind[],
  run: (p: GuestProcess, a: Args, t: GuestThread) => number,
  opts: { result?: ResultKind; quiet?: boolean } = {},
): SyscallRow {
  return { name, args, run, result: opts.result ?? 'dec', quiet: opts.quiet ?? false };
}
