// Waiting for children: wait4 and waitid, with Linux's status encoding (exit code << 8,
// or the signal | 0x80 for a core dump), WNOHANG, and zombies reaped as they are
// collected; WUNTRACED and WCONTINUED report stops and continues (job-control.ts). A
// parent with running children waits in the scheduler until one has something to report.
import { int } from '../args.js';
import { childrenCpuNs, childReaped, processCpuNs } from '../cpu-time.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import { pidfdProcess } from '../pidfd.js';
import { writeRusageToGuest } from '../guest-structs.js';
import { sys, type SyscallRow } from '../row.js';
import { childCodeOf } from '../guest-exit.js';
import { childInfo } from '../siginfo.js';
import { CLD_CONTINUED, CLD_STOPPED, type JobEvent } from '../job-control.js';
import { SIGCHLD, SIGCONT } from '../signals.js';
import { WouldBlock } from '../wait.js';
import { usageOf } from './cpu-usage.js';
import { openFile } from './fd-access.js';

// wait options (include/uapi/linux/wait.h)
const WNOHANG = 1, WUNTRACED = 2, WEXITED = 4, WCONTINUED = 8, WNOWAIT = 0x01000000;
const WNOTHREAD = 0x20000000, WALL = 0x40000000, WCLONE = 0x80000000;
const P_ALL = 0, P_PID = 1, P_PGID = 2, P_PIDFD = 3;

/** Which children a wait is about. */
type Selector = (child: GuestProcess) => boolean;

/** wait4's pid: one child, a process group (-pgid, or 0 for the caller's), or any (-1). */
function byPid(p: GuestProcess, pid: number): Selector {
  if (pid > 0) return (c) => c.pid === pid;
  if (pid === -1) return () => true;
  const pgid = pid === 0 ? p.pgid : -pid;
  return (c) => c.pgid === pgid;
}

/** __WCLONE children are those that report with another signal than SIGCHLD (or none). */
function eligible(c: GuestProcess, options: number): boolean {
  return (options & WALL) !== 0 || (c.exitSignal !== SIGCHLD) === ((options & WCLONE) !== 0);
}

/** What a wait can report about a child: its end, or a stop or continue (job-control.ts). */
interface Report {
  child: GuestProcess;
  event: 'exited' | JobEvent;
}

/** What `c` has to report under `options` (WEXITED, WUNTRACED, WCONTINUED), if anything. */
function reportOf(c: GuestProcess, options: number): Report | null {
  if (c.exitStatus !== null) return options & WEXITED ? { child: c, event: 'exited' } : null;
  const e = c.jobEvent;
  if (e && (e.kind === 'stopped' ? options & WUNTRACED : options & WCONTINUED)) return { child: c, event: e };
  return null;
}

/**
 * The first child with something to report, or null when matching children exist but
 * none has. ECHILD when there is none to wait for; the caller waits (or not, with WNOHANG).
 */
function findReport(p: GuestProcess, select: Selector, options: number): Report | null {
  const children = [...p.children].filter((c) => select(c) && eligible(c, options));
  if (children.length === 0) throw new SysError(E.ECHILD);
  for (const c of children) {
    const r = reportOf(c, options);
    if (r) return r;
  }
  return null;
}

function waitFor(p: GuestProcess, select: Selector, options: number): Report | null {
  const found = findReport(p, select, options);
  if (found || options & WNOHANG) return found;
  throw new WouldBlock({
    ready: () => {
      try {
        return findReport(p, select, options) !== null;
      } catch {
        return true; // no child left to wait for: wait4 says ECHILD
      }
    },
    deadline: Infinity, timeoutResult: 0, restart: 'sa-restart',
  });
}

/**
 * The report is collected: an ended child is reaped (its CPU time counts for its
 * parent's children), a stop or continue forgotten.
 */
function collect(p: GuestProcess, r: Report): void {
  if (r.event !== 'exited') {
    r.child.jobEvent = null;
    return;
  }
  childReaped(p, r.child);
  p.kernel.reap(r.child);
}

/** wait4's status word. */
function waitStatus(r: Report): number {
  if (r.event === 'exited') return r.child.exitStatus!;
  return r.event.kind === 'stopped' ? (r.event.sig << 8) | 0x7f : 0xffff;
}

function wait4(p: GuestProcess, pid: number, statusAddr: number, options: number, rusage: number): number {
  if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | WNOTHREAD | WALL | WCLONE)) throw new SysError(E.EINVAL);
  if (pid === -0x80000000) throw new SysError(E.ESRCH);
  const r = waitFor(p, byPid(p, pid), options | WEXITED);
  if (!r) return 0;
  const child = r.child;
  if (statusAddr) p.mem.write32(statusAddr, waitStatus(r));
  if (rusage) writeRusageToGuest(p.mem, rusage, usageOf(processCpuNs(child) + childrenCpuNs(child)));
  collect(p, r);
  return child.pid;
}

/** waitid's si_code and si_status. */
function childCode(r: Report): [code: number, status: number] {
  if (r.event !== 'exited') return r.event.kind === 'stopped' ? [CLD_STOPPED, r.event.sig] : [CLD_CONTINUED, SIGCONT];
  return childCodeOf(r.child.exitStatus!);
}

function waitid(p: GuestProcess, idtype: number, id: number, infop: number, options: number, rusage: number): number {
  if (options & ~(WNOHANG | WUNTRACED | WEXITED | WCONTINUED | WNOWAIT | WNOTHREAD | WALL | WCLONE)) throw new SysError(E.EINVAL);
  if (!(options & (WEXITED | WUNTRACED | WCONTINUED))) throw new SysError(E.EINVAL);
  let select: Selector;
  /** A non-blocking pidfd: EAGAIN rather than a wait. */
  let nonblock = false;
  if (idtype === P_ALL) select = () => true;
  else if (idtype === P_PID && id > 0) select = (c) => c.pid === id;
  else if (idtype === P_PGID && id >= 0) select = (c) => c.pgid === (id === 0 ? p.pgid : id);
  else if (idtype === P_PIDFD) {
    const pidfd = openFile(p, id);
    const target = pidfdProcess(pidfd);
    select = (c) => c === target;
    nonblock = (pidfd.flags & p.abi.openFlags.nonblock) !== 0 && !(options & WNOHANG);
  } else throw new SysError(E.EINVAL);
  const r = waitFor(p, select, nonblock ? options | WNOHANG : options);
  if (!r && nonblock) throw new SysError(E.EAGAIN);
  if (!r) {
    if (infop) p.mem.writeBytes(infop, new Uint8Array(128)); // WNOHANG, nothing to report: si_pid 0
    return 0;
  }
  const child = r.child;
  const [code, status] = childCode(r);
  if (infop) p.mem.writeBytes(infop, childInfo(SIGCHLD, code, child.pid, child.creds.uid.real, status).bytes);
  if (rusage) writeRusageToGuest(p.mem, rusage, usageOf(processCpuNs(child) + childrenCpuNs(child)));
  if (!(options & WNOWAIT)) collect(p, r);
  return 0;
}

export const waitRows: SyscallRow[] = [
  sys('wait4', ['int', 'ptr', 'hex', 'ptr'], (p, a) => wait4(p, int(a[0]), a[1], int(a[2]) >>> 0, a[3])),
  sys('waitid', ['int', 'int', 'ptr', 'hex', 'ptr'], (p, a) => waitid(p, int(a[0]), int(a[1]), a[2], int(a[3]) >>> 0, a[4])),
];
