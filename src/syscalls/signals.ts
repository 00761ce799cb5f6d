// Linux signals as the guest sees them (asm-generic numbering, the same on every ISA
// emulated here): numbers, sigaction flags, si_code values and default actions.
import { SIGKILL, SIGSTOP } from './constants.js';

export { NSIG, SIGKILL, SIGSTOP } from './constants.js';

export const SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGILL = 4, SIGTRAP = 5, SIGABRT = 6, SIGBUS = 7,
  SIGFPE = 8, SIGUSR1 = 10, SIGSEGV = 11, SIGUSR2 = 12, SIGPIPE = 13, SIGALRM = 14, SIGTERM = 15,
  SIGCHLD = 17, SIGCONT = 18, SIGTSTP = 20, SIGTTIN = 21, SIGTTOU = 22, SIGURG = 23, SIGXCPU = 24,
  SIGXFSZ = 25, SIGVTALRM = 26, SIGPROF = 27, SIGWINCH = 28, SIGSYS = 31;
/** The first real-time signal: from here on every instance is queued. */
export const SIGRTMIN = 32;

/** sa_handler values with a meaning of their own. */
export const SIG_DFL = 0n, SIG_IGN = 1n;

// sa_flags (asm-generic/signal-defs.h; SA_RESTORER only where the ISA has it).
export const SA_NOCLDSTOP = 0x1n, SA_NOCLDWAIT = 0x2n, SA_SIGINFO = 0x4n, SA_RESTORER = 0x04000000n,
  SA_ONSTACK = 0x08000000n, SA_RESTART = 0x10000000n, SA_NODEFER = 0x40000000n, SA_RESETHAND = 0x80000000n;

// si_code values.
export const SI_USER = 0, SI_KERNEL = 0x80, SI_QUEUE = -1, SI_TIMER = -2, SI_MESGQ = -3, SI_TKILL = -6;
export const SEGV_MAPERR = 1, SEGV_ACCERR = 2;
export const ILL_ILLOPC = 1;
export const BUS_ADRALN = 1;
export const TRAP_BRKPT = 1;
export const CLD_EXITED = 1, CLD_KILLED = 2, CLD_DUMPED = 3;

// stack_t ss_flags.
export const SS_ONSTACK = 1, SS_DISABLE = 2, SS_AUTODISARM = 1 << 31;

/** Bit of signal `sig` in a sigset. */
export const sigBit = (sig: number): bigint => 1n << BigInt(sig - 1);
/** What can never be blocked, caught or ignored. */
export const UNBLOCKABLE = sigBit(SIGKILL) | sigBit(SIGSTOP);
/** Signals a fault raises: taken before any other pending signal (Linux's SYNCHRONOUS_MASK). */
export const SYNCHRONOUS = sigBit(SIGSEGV) | sigBit(SIGBUS) | sigBit(SIGILL) | sigBit(SIGTRAP)
  | sigBit(SIGFPE) | sigBit(SIGSYS);

/** What SIG_DFL does: end the process (with a core dump or not), nothing, stop, continue. */
export type DefaultAction = 'term' | 'core' | 'ignore' | 'stop' | 'cont';

const CORE = new Set([SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV, SIGXCPU, SIGXFSZ, SIGSYS]);
const IGNORE = new Set([SIGCHLD, SIGURG, SIGWINCH]);
const STOP = new Set([SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU]);

export function defaultAction(sig: number): DefaultAction {
  if (CORE.has(sig)) return 'core';
  if (IGNORE.has(sig)) return 'ignore';
  if (STOP.has(sig)) return 'stop';
  if (sig === SIGCONT) return 'cont';
  return 'term';
}

/**
 * Whether SIG_DFL of `sig` does nothing once the signal is sent (SIGCONT continues the
 * process as it is sent, see job-control.ts; stop signals act when taken).
 */
export const defaultIgnores = (sig: number): boolean => {
  const d = defaultAction(sig);
  return d === 'ignore' || d === 'cont';
};

/** The lowest signal in `set` (0 when empty). */
export function lowestSignal(set: bigint): number {
  if (set === 0n) return 0;
  let sig = 1;
  let s = set;
  while ((s & 0xffffffffn) === 0n) {
    s >>= 32n;
    sig += 32;
  }
  while ((s & 1n) === 0n) {
    s >>= 1n;
    sig++;
  }
  return sig;
}
