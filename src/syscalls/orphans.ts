// What becomes of a process's children when it ends: each is sent its parent-death
// signal (PR_SET_PDEATHSIG) and adopted by the nearest living ancestor that made
// itself a child subreaper, or else by init (outside the guest: parent null).
import type { GuestProcess } from './guest-process.js';
import type { Kernel } from './kernel.js';
import { sendToProcess } from './signal-delivery.js';
import { senderInfo } from './siginfo.js';
import { SI_USER } from './signals.js';

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
  const uid = process.getuid?.() ?? 0;
  for (const child of [...p.children]) {
    child.parent = adopter;
    if (adopter) adopter.children.add(child);
    if (child.exitStatus !== null) {
      if (adopter) notify(child);
      else k.reap(child);
      continue;
    }
    if (child.pdeathSignal) sendToProcess(k, child, senderInfo(child.pdeathSignal, SI_USER, p.pid, uid));
  }
  p.children.clear();
}
