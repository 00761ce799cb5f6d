// prctl: the per-process and per-thread switches programs flip on themselves (thread
// names, the parent-death signal, dumpability, no_new_privs, child subreapers, timer
// slack). Anything else is EINVAL, as a kernel without the feature answers.
import { CAP_LAST_CAP } from '../capabilities.js';
import { checkSignal } from '../signal-actions.js';
import { commFromBytes, commToBytes, COMM_MAX_BYTES } from '../comm.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import { sys, type SyscallRow } from '../row.js';
import { DEFAULT_TIMER_SLACK_NS, type GuestThread } from '../thread.js';
import { int, ulong } from '../args.js';

const PR = {
  PR_SET_PDEATHSIG: 1, PR_GET_PDEATHSIG: 2, PR_GET_DUMPABLE: 3, PR_SET_DUMPABLE: 4,
  PR_SET_NAME: 15, PR_GET_NAME: 16, PR_GET_SECCOMP: 21, PR_CAPBSET_READ: 23,
  PR_SET_TIMERSLACK: 29, PR_GET_TIMERSLACK: 30, PR_SET_CHILD_SUBREAPER: 36,
  PR_GET_CHILD_SUBREAPER: 37, PR_SET_NO_NEW_PRIVS: 38, PR_GET_NO_NEW_PRIVS: 39,
} as const;

/** The name bytes at `addr`: up to the first NUL, at most 16 read (as strncpy_from_user). */
function readName(p: GuestProcess, addr: number): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i <= COMM_MAX_BYTES; i++) {
    const b = p.mem.read8(addr + i);
    if (b === 0) break;
    bytes.push(b);
  }
  return Uint8Array.from(bytes);
}

function requireZero(...args: number[]): void {
  if (args.some((v) => v !== 0)) throw new SysError(E.EINVAL);
}

function prctl(p: GuestProcess, t: GuestThread, a: readonly number[]): number {
  const [arg2, arg3, arg4, arg5] = [a[1], a[2], a[3], a[4]];
  switch (int(a[0])) {
    case PR.PR_SET_NAME:
      t.comm = commFromBytes(readName(p, arg2));
      return 0;
    case PR.PR_GET_NAME:
      p.mem.writeBytes(arg2, commToBytes(t.comm));
      return 0;
    case PR.PR_SET_PDEATHSIG: {
      const sig = ulong(arg2);
      if (sig !== 0) checkSignal(sig);
      p.pdeathSignal = sig;
      return 0;
    }
    case PR.PR_GET_PDEATHSIG:
      p.mem.write32(arg2, p.pdeathSignal);
      return 0;
    case PR.PR_GET_DUMPABLE:
      return p.dumpable;
    case PR.PR_SET_DUMPABLE:
      if (ulong(arg2) > 1) throw new SysError(E.EINVAL);
      p.dumpable = ulong(arg2);
      return 0;
    case PR.PR_SET_NO_NEW_PRIVS:
      if (ulong(arg2) !== 1) throw new SysError(E.EINVAL);
      requireZero(arg3, arg4, arg5);
      p.noNewPrivs = true;
      return 0;
    case PR.PR_GET_NO_NEW_PRIVS:
      requireZero(arg2, arg3, arg4, arg5);
      return p.noNewPrivs ? 1 : 0;
    case PR.PR_GET_SECCOMP:
      return 0; // SECCOMP_MODE_DISABLED: no filter can be installed here
    case PR.PR_CAPBSET_READ:
      if (ulong(arg2) > CAP_LAST_CAP) throw new SysError(E.EINVAL);
      return 1; // the bounding set of an ordinary process is full
    case PR.PR_SET_TIMERSLACK:
      t.timerSlackNs = ulong(arg2) === 0 ? DEFAULT_TIMER_SLACK_NS : ulong(arg2);
      return 0;
    case PR.PR_GET_TIMERSLACK:
      return t.timerSlackNs;
    case PR.PR_SET_CHILD_SUBREAPER:
      p.childSubreaper = arg2 !== 0;
      return 0;
    case PR.PR_GET_CHILD_SUBREAPER:
      p.mem.write32(arg2, p.childSubreaper ? 1 : 0);
      return 0;
    default:
      p.reportOnce(`prctl:${int(a[0])}`, `unsupported prctl option ${int(a[0])}`);
      throw new SysError(E.EINVAL);
  }
}

export const prctlRows: SyscallRow[] = [
  sys('prctl', ['int', 'hex', 'hex', 'hex', 'hex'], (p, a, t) => prctl(p, t, a)),
];
