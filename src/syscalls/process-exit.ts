// How threads and processes end: exit of one thread (robust futexes, clear_child_tid),
// the end of a whole process (every thread, its files; a zombie holding the wait
// status until the parent reaps it, and SIGCHLD to that parent), and the end of the
// first process, which ends the emulator.
import { writeU32ToGuest } from './guest-structs.js';
import { childCodeOf, exitedStatus, signaledStatus } from './guest-exit.js';
import type { GuestProcess } from './guest-process.js';
import type { Kernel } from './kernel.js';
import { RLIMIT } from './constants.js';
import { FUTEX_OWNER_DIED, FUTEX_TID_MASK, FUTEX_WAITERS } from './futex-pi.js';
import { adoptOrphans } from './orphans.js';
import { futexPlace } from './shared-pages.js';
import { retargetShared, sendToProcess } from './signal-delivery.js';
import { childInfo } from './siginfo.js';
import { SA_NOCLDWAIT, SIGCHLD, SIG_IGN } from './signals.js';
import type { GuestThread } from './thread.js';

/** Bound on robust-list entries walked at thread exit (the kernel's ROBUST_LIST_LIMIT). */
const ROBUST_LIST_LIMIT = 2048;

/**
 * Marks robust futexes the dying thread holds as OWNER_DIED and wakes a waiter of each.
 * An entry's low bit marks a priority-inheritance futex, whose waiter runs its LOCK_PI
 * again to take the lock over (a plain waiter is only woken).
 */
function releaseRobustFutexes(k: Kernel, t: GuestThread): void {
  const { head } = t.robustList;
  const mem = t.process.mem;
  if (!head) return;
  try {
    const offset = mem.readU64(head + 8);
    const pendingEntry = mem.readU64(head + 16);
    const pending = pendingEntry - (pendingEntry % 2);
    const release = (entry: number, pi: boolean): void => {
      const word = entry + offset;
      const v = mem.read32(word) >>> 0;
      if ((v & FUTEX_TID_MASK) !== t.tid) return;
      mem.write32(word, ((v & FUTEX_WAITERS) | FUTEX_OWNER_DIED) | 0);
      if (!(v & FUTEX_WAITERS)) return;
      // a shared wake, as Linux's: a process-shared mutex's waiters key on the mapped object
      const place = futexPlace(mem, word, false);
      if (pi) k.scheduler.retryFirst(place.mem, place.addr);
      else k.scheduler.wake(place.mem, place.addr, 1);
    };
    let raw = mem.readU64(head);
    for (let n = 0; n < ROBUST_LIST_LIMIT; n++) {
      const entry = raw - (raw % 2);
      if (entry === head) break;
      const pi = raw % 2 === 1;
      raw = mem.readU64(entry); // the next entry
      if (entry !== pending) release(entry, pi);
    }
    if (pending) release(pending, pendingEntry % 2 === 1);
  } catch {
    // a corrupt list is the guest's problem, as in Linux
  }
}

/** Zeroes the clear_child_tid word and wakes a waiter on it (a shared wake, as Linux's). */
function zeroChildTid(k: Kernel, t: GuestThread): void {
  const mem = t.process.mem;
  try {
    writeU32ToGuest(mem, t.clearChildTid, 0);
  } catch {
    // unmapped: nothing to clear
  }
  const place = futexPlace(mem, t.clearChildTid, false);
  k.scheduler.wake(place.mem, place.addr, 1);
}

/** What a thread leaves behind for others sharing its memory: robust futexes, clear_child_tid. */
function releaseThreadMemory(k: Kernel, t: GuestThread): void {
  releaseRobustFutexes(k, t);
  if (t.clearChildTid) zeroChildTid(k, t);
}

function removeThread(k: Kernel, t: GuestThread): void {
  t.exited = true;
  k.scheduler.remove(t);
  const threads = t.process.threads;
  const i = threads.indexOf(t);
  if (i >= 0) threads.splice(i, 1);
}

/** execve: every thread but `keep` ends at once (Linux's de_thread). */
export function endOtherThreads(k: Kernel, p: GuestProcess, keep: GuestThread): void {
  for (const t of [...p.threads]) if (t !== keep) removeThread(k, t);
}

/** execve: clear_child_tid is done with the old memory (a vfork parent may wait on it). */
export function releaseClearChildTid(k: Kernel, t: GuestThread): void {
  if (!t.clearChildTid) return;
  zeroChildTid(k, t);
  t.clearChildTid = 0;
}

/** exit(2): the thread ends; the last one to end takes the process with it. */
export function exitThread(k: Kernel, t: GuestThread, code: number): void {
  releaseThreadMemory(k, t);
  removeThread(k, t);
  if (t.process.threads.length === 0) endProcess(k, t.process, exitedStatus(code));
  else retargetShared(k, t.process);
}

/** exit_group(2). */
export function exitGroup(k: Kernel, p: GuestProcess, code: number): void {
  endProcess(k, p, exitedStatus(code));
}

/** Death by signal `sig` (default action "term" or "core"). */
export function killProcess(k: Kernel, p: GuestProcess, sig: number, core: boolean): void {
  // A core is "dumped" (WCOREDUMP) only where Linux would write one: RLIMIT_CORE allows it.
  const dumped = core && p.limits.get(RLIMIT.RLIMIT_CORE).cur > 0n;
  if (p !== k.process && p.exitStatus === null) k.options.killed?.(p, sig);
  endProcess(k, p, signaledStatus(sig, dumped), sig);
}

/** The process ends with `status` (a wait status); `signal` when a signal killed it. */
function endProcess(k: Kernel, p: GuestProcess, status: number, signal?: number): void {
  if (p.exitStatus !== null) return;
  for (const t of [...p.threads]) {
    // robust futexes may sit in memory shared with other processes; clear_child_tid
    // matters only to those sharing all of it
    if (p.kernel.processesSharing(p.mm) > 1) releaseThreadMemory(k, t);
    else releaseRobustFutexes(k, t);
    removeThread(k, t);
  }
  p.exitStatus = status;
  k.shared.ended(p);
  p.fds.closeAll();
  p.sharedPending.clear();
  if (p === k.process) {
    k.outcome = signal === undefined ? { kind: 'exit', status: status >> 8 } : { kind: 'signal', signal };
  }
  adoptOrphans(k, p, (child) => notifyParent(k, child));
  notifyParent(k, p);
}

/** SIGCHLD to the parent, unless it asked for none; without a parent, nobody waits. */
function notifyParent(k: Kernel, p: GuestProcess): void {
  const parent = p.parent;
  if (!parent || parent.exitStatus !== null) {
    k.reap(p);
    return;
  }
  const [code, status] = childCodeOf(p.exitStatus!);
  const act = parent.actions.get(SIGCHLD);
  if (p.exitSignal) {
    sendToProcess(k, parent, childInfo(p.exitSignal, code, p.pid, p.creds.uid.real, status));
  }
  // SIGCHLD ignored or SA_NOCLDWAIT: the child is reaped at once (no zombie).
  if (act.handler === SIG_IGN || act.flags & SA_NOCLDWAIT) k.reap(p);
}
