// Job control: a stop signal whose action is the default stops every thread of the
// process (the scheduler skips it) until SIGCONT; the parent hears of both through
// SIGCHLD (CLD_STOPPED, CLD_CONTINUED, unless it set SA_NOCLDSTOP) and through
// wait4/waitid with WUNTRACED/WSTOPPED and WCONTINUED.
import type { GuestProcess } from './guest-process.js';
import type { Kernel } from './kernel.js';
import { sendToProcess } from './signal-delivery.js';
import { childInfo } from './siginfo.js';
import { SA_NOCLDSTOP, SIGCHLD, SIGCONT, SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU } from './signals.js';

export const CLD_STOPPED = 5, CLD_CONTINUED = 6;

/** The signals whose default action is to stop. */
export const STOP_SIGNALS: readonly number[] = [SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU];

/** What happened to a child that its parent has not collected yet. */
export type JobEvent = { kind: 'stopped'; sig: number } | { kind: 'continued' };

/** SIGCHLD to the parent for a stop or a continue, unless it asked not to hear of them. */
function tellParent(k: Kernel, p: GuestProcess, code: number, status: number): void {
  const parent = p.parent;
  if (!parent || parent.exitStatus !== null || parent.actions.get(SIGCHLD).flags & SA_NOCLDSTOP) return;
  sendToProcess(k, parent, childInfo(SIGCHLD, code, p.pid, p.creds.uid.real, status));
}

/** `sig`'s default action takes effect: the whole process stops. */
export function stopProcess(k: Kernel, p: GuestProcess, sig: number): void {
  if (p.stopped || p.exitStatus !== null) return;
  p.stopped = true;
  p.jobEvent = { kind: 'stopped', sig };
  tellParent(k, p, CLD_STOPPED, sig);
  if ([...k.processes].every((q) => q.stopped || q.exitStatus !== null)) stopEmulator(k);
}

/**
 * Nothing in the guest can run: the emulator stops itself, so that whoever started it
 * (a shell) sees the job stop. When it is continued, so is the first process's group.
 */
function stopEmulator(k: Kernel): void {
  process.kill(process.pid, 'SIGSTOP'); // returns once someone sent us SIGCONT
  for (const q of [...k.processes]) if (q.pgid === k.process.pgid && q.stopped) continueProcess(k, q);
}

/** SIGCONT was sent: a stopped process runs again (whatever SIGCONT's action is). */
export function continueProcess(k: Kernel, p: GuestProcess): void {
  if (!p.stopped) return;
  p.stopped = false;
  p.jobEvent = { kind: 'continued' };
  for (const t of p.threads) t.sigCheck = true; // what stayed pending while it was stopped
  tellParent(k, p, CLD_CONTINUED, SIGCONT);
}

/**
 * Whether `p`'s process group is orphaned: no member has a parent in another group of
 * the same session. The first process counts as having one (the shell that ran us).
 * The terminal stop signals do nothing to such a group, as nobody could continue it.
 */
export function inOrphanedGroup(k: Kernel, p: GuestProcess): boolean {
  for (const q of k.processes) {
    if (q.pgid !== p.pgid || q.exitStatus !== null) continue;
    if (q === k.process) return false;
    const parent = q.parent;
    if (parent && parent.pgid !== q.pgid && parent.sid === q.sid) return false;
  }
  return true;
}
