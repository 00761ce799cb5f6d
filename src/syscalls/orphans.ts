// What becomes of a process's children when it ends: each is sent its parent-death
// signal (PR_SET_PDEATHSIG) and adopted by the nearest living ancestor that made
// itself a child subreaper, or else by init (outside the guest: parent null). A process
// group that this leaves orphaned with stopped members is sent SIGHUP and SIGCONT, as
// nobody could continue it otherwise (POSIX).
import type { GuestProcess } from './guest-process.js';
import type { Kernel } from './kernel.js';
import { sendToGroup, sendToProcess } from './signal-delivery.js';
import { senderInfo } from './siginfo.js';
import { inOrphanedGroup } from './job-control.js';
import { SIGCONT, SIGHUP, SI_KERNEL, SI_USER } from './signals.js';

function subreaperAbove(p: GuestProcess): GuestProcess | null {
  for (let q = p.parent; q; q = q.parent) if (q.childSubreaper && q.exitStatus === null) return q;
  return null;
}

/**
 * Re-parents the children of `p`, which has just ended. Zombies among them are reaped
 * at once when nobody in the guest adopts them; otherwise `notify` tells the adopter
 * about each one (SIGCHLD, so that it can wait for it).
 */
export function adoptOrphans(k: Kernel, p: GuestProcess, notify: (child: GuestProcess) => void): void {
  const adopter = subreaperAbove(p);
  for (const child of [...p.children]) {
    child.parent = adopter;
    if (adopter) adopter.children.add(child);
    if (child.exitStatus !== null) {
      if (adopter) notify(child);
      else k.reap(child);
      continue;
    }
    if (child.pdeathSignal) sendToProcess(k, child, senderInfo(child.pdeathSignal, SI_USER, p.pid, p.creds.uid.real));
  }
  const groups = new Set([p.pgid, ...[...p.children].map((c) => c.pgid)]);
  p.children.clear();
  for (const pgid of groups) hangUpIfOrphaned(k, pgid);
}

/** SIGHUP then SIGCONT to every member of group `pgid` if it is orphaned and has stopped members. */
function hangUpIfOrphaned(k: Kernel, pgid: number): void {
  const members = [...k.processes].filter((q) => q.pgid === pgid && q.exitStatus === null);
  if (!members.some((q) => q.stopped) || !inOrphanedGroup(k, members[0])) return;
  for (const sig of [SIGHUP, SIGCONT]) sendToGroup(k, pgid, senderInfo(sig, SI_KERNEL, 0, 0));
}
