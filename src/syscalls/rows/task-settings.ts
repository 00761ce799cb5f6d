// Small per-task settings and queries: personality, I/O priority, the robust futex list
// as set_robust_list stored it, and restart_syscall.
import { int, u32 } from '../args.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import { sys, type SyscallRow } from '../row.js';
import type { GuestThread } from '../thread.js';

/** personality(0xffffffff) asks without changing anything. */
const PERSONALITY_QUERY = 0xffffffff;

// ioprio (linux/ioprio.h): a class in bits 13..15, hints, and a level in bits 0..2.
const IOPRIO_CLASS_SHIFT = 13;
const IOPRIO_CLASS_NONE = 0, IOPRIO_CLASS_RT = 1, IOPRIO_CLASS_IDLE = 3;
const IOPRIO_LEVEL_MASK = 7;
const IOPRIO_WHO_PROCESS = 1, IOPRIO_WHO_PGRP = 2, IOPRIO_WHO_USER = 3;

function personality(p: GuestProcess, persona: number): number {
  const old = p.personality;
  if (persona !== PERSONALITY_QUERY) p.personality = persona;
  return old;
}

/** The thread `tid` names (0: the caller). */
function threadOf(p: GuestProcess, t: GuestThread, tid: number): GuestThread {
  if (tid === 0) return t;
  const found = p.kernel.scheduler.find(tid);
  if (!found || tid < 0) throw new SysError(E.ESRCH);
  return found;
}

function getRobustList(p: GuestProcess, t: GuestThread, tid: number, headAddr: number, lenAddr: number): number {
  const target = threadOf(p, t, tid);
  p.mem.writeU64(headAddr, target.robustList.head);
  p.mem.writeU64(lenAddr, target.robustList.len);
  return 0;
}

/** The threads ioprio's `which` and `who` name (ESRCH when none). */
function ioprioTargets(p: GuestProcess, t: GuestThread, which: number, who: number): GuestThread[] {
  let found: GuestThread[];
  if (which === IOPRIO_WHO_PROCESS) return [threadOf(p, t, who)];
  const threads = p.kernel.scheduler.all;
  if (which === IOPRIO_WHO_PGRP) {
    const pgid = who === 0 ? p.pgid : who;
    found = threads.filter((x) => x.process.pgid === pgid);
  } else if (which === IOPRIO_WHO_USER) {
    const uid = who === 0 ? p.creds.uid.real : who;
    found = threads.filter((x) => x.process.creds.uid.real === uid);
  } else {
    throw new SysError(E.EINVAL);
  }
  if (found.length === 0) throw new SysError(E.ESRCH);
  return found;
}

/** The class and level checks of Linux (the hint bits between them are passed on unchecked). */
function checkIoprio(p: GuestProcess, ioprio: number): void {
  const cls = (ioprio >>> IOPRIO_CLASS_SHIFT) & 7;
  const level = ioprio & IOPRIO_LEVEL_MASK;
  if (cls === IOPRIO_CLASS_RT && !p.creds.privileged) throw new SysError(E.EPERM);
  if (cls > IOPRIO_CLASS_IDLE || (cls === IOPRIO_CLASS_NONE && level !== 0)) throw new SysError(E.EINVAL);
}

function ioprioSet(p: GuestProcess, t: GuestThread, which: number, who: number, ioprio: number): number {
  checkIoprio(p, ioprio);
  for (const x of ioprioTargets(p, t, which, who)) x.ioPriority = ioprio;
  return 0;
}

/** Of several threads, the highest priority: the lowest class other than none, then the lowest level. */
function ioprioGet(p: GuestProcess, t: GuestThread, which: number, who: number): number {
  const rank = (v: number): number => (v === 0 ? Infinity : v);
  return ioprioTargets(p, t, which, who).map((x) => x.ioPriority).reduce((a, b) => (rank(b) < rank(a) ? b : a));
}

export const taskSettingRows: SyscallRow[] = [
  sys('personality', ['hex'], (p, a) => personality(p, u32(a[0])), { result: 'hex' }),
  sys('get_robust_list', ['int', 'ptr', 'ptr'], (p, a, t) => getRobustList(p, t, int(a[0]), a[1], a[2])),
  sys('ioprio_set', ['int', 'int', 'hex'], (p, a, t) => ioprioSet(p, t, int(a[0]), int(a[1]), u32(a[2]))),
  sys('ioprio_get', ['int', 'int'], (p, a, t) => ioprioGet(p, t, int(a[0]), int(a[1]))),
  // Only a signal frame could ask to restart an interrupted call; here none does.
  sys('restart_syscall', [], () => {
    throw new SysError(E.EINTR);
  }),
];
