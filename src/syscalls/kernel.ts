// The Linux kernel as the guest sees it: syscall numbers in, results out. Numbers
// become names through the ABI, names become registry rows; dispatch, -strace and the
// unsupported report all use the same row.
import { GuestFault } from '../memory/address-space.js';
import type { LinuxAbi } from './abi.js';
import { E, errnoFromHostError } from './errno.js';
import { GuestExit } from './guest-exit.js';
import { GuestProcess } from './guest-process.js';
import type { KernelOptions } from './options.js';
import type { SyscallRow } from './row.js';
import type { GuestThread } from './thread.js';
import { SYSCALL_ROWS } from './rows/index.js';
import { formatArgs, formatResult, straceLine, type ArgKind } from './strace.js';

export type { LinuxAbi } from './abi.js';
export type { KernelOptions, ThreadHost } from './options.js';
export { GuestThread } from './thread.js';
export type { OpenFlagBits } from './open-flags.js';
export { GENERIC_OPEN_FLAGS } from './open-flags.js';
export { GuestExit } from './guest-exit.js';
export { regToArg } from './args.js';

/** An unknown call's arguments print as six raw registers. */
const UNKNOWN_ARGS: readonly ArgKind[] = ['hex', 'hex', 'hex', 'hex', 'hex', 'hex'];

const ROWS: ReadonlyMap<string, SyscallRow> = new Map(SYSCALL_ROWS.map((r) => [r.name, r]));

/** The names of the syscalls `abi` has that are implemented, by number. */
export function implementedSyscalls(abi: LinuxAbi): string[] {
  return [...abi.syscalls.entries()]
    .filter(([, name]) => ROWS.get(name)?.quiet === false)
    .sort(([a], [b]) => a - b)
    .map(([, name]) => name);
}

/** The -errno for what a handler threw; anything else is a bug and propagates. */
function errnoOf(err: unknown): number {
  if (err instanceof GuestFault) return E.EFAULT;
  const errno = errnoFromHostError(err);
  if (errno === undefined) throw err;
  return errno;
}

export class Kernel {
  readonly process: GuestProcess;

  constructor(private readonly options: KernelOptions) {
    this.process = new GuestProcess(options);
  }

  /**
   * One syscall. `args` are the six argument registers, each as its signed 64-bit
   * value (regToArg(lo, hi); exact below 2^53 in magnitude). Returns a non-negative
   * result or -errno (-4095..-1). Throws GuestExit for exit / exit_group.
   */
  syscall(nr: number, args: ArrayLike<number>, thread: GuestThread = this.process.mainThread): number {
    const a = [0, 1, 2, 3, 4, 5].map((i) => args[i] ?? 0);
    const name = this.options.abi.syscalls.get(nr);
    const row = name !== undefined ? ROWS.get(name) : undefined;
    const strace = this.options.strace;
    if (!row) {
      const label = name ?? `syscall_${nr}`;
      this.process.reportOnce(`nr:${nr}`, `unsupported syscall ${nr}${name ? ` (${name})` : ''}`);
      strace?.(straceLine(thread.tid, label, formatArgs(UNKNOWN_ARGS, a, this.options),
        formatResult('dec', -E.ENOSYS)));
      return -E.ENOSYS;
    }
    const argText = strace ? formatArgs(row.args, a, this.options) : '';
    let r: number;
    try {
      r = row.run(this.process, a, thread);
    } catch (err) {
      if (err instanceof GuestExit) {
        strace?.(straceLine(thread.tid, row.name, argText, ''));
        throw err;
      }
      r = -errnoOf(err);
    }
    strace?.(straceLine(thread.tid, row.name, argText, formatResult(row.result, r)));
    return r;
  }
}
