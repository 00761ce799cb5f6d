// Scheduling calls: nice values (getpriority/setpriority), policies and real-time
// priorities (sched_*), CPU affinity and getcpu. They are recorded per process
// (sched-settings.ts) and read back; the round-robin scheduler does not follow them.
import { int, ulong } from '../args.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import { writeTimespecToGuest, writeU32ToGuest } from '../guest-structs.js';
import { sys, type SyscallRow } from '../row.js';
import { allGuestCpus, SCHED_BATCH, SCHED_FIFO, SCHED_IDLE, SCHED_OTHER, SCHED_RR } from '../sched-settings.js';

const PRIO_PROCESS = 0, PRIO_PGRP = 1, PRIO_USER = 2;
const SCHED_RESET_ON_FORK = 0x40000000;
const RR_INTERVAL_NS = 100_000_000n;
/** struct sched_attr up to sched_period (SCHED_ATTR_SIZE_VER0). */
const SCHED_ATTR_SIZE = 48;

const isRealtime = (policy: number): boolean => policy === SCHED_FIFO || policy === SCHED_RR;
const privileged = (p: GuestProcess): boolean => p.creds.privileged;

/** The process a scheduling call names: the caller (0), or a process or thread id. */
function targetOf(p: GuestProcess, pid: number): GuestProcess {
  if (pid < 0) throw new SysError(E.EINVAL);
  if (pid === 0) return p;
  const q = p.kernel.processOfTask(pid);
  if (!q || q.exitStatus !== null) throw new SysError(E.ESRCH);
  return q;
}

/** getpriority/setpriority's `which` and `who`: the processes meant. */
function prioTargets(p: GuestProcess, which: number, who: number): GuestProcess[] {
  const live = [...p.kernel.processes].filter((q) => q.exitStatus === null);
  let found: GuestProcess[];
  if (which === PRIO_PROCESS) found = who === 0 ? [p] : live.filter((q) => q.pid === who);
  else if (which === PRIO_PGRP) found = live.filter((q) => q.pgid === (who === 0 ? p.pgid : who));
  else if (which === PRIO_USER) found = live.filter((q) => q.creds.uid.real === (who === 0 ? p.creds.uid.real : who >>> 0));
  else throw new SysError(E.EINVAL);
  if (found.length === 0) throw new SysError(E.ESRCH);
  return found;
}

/** getpriority returns 20 - nice (1..40), so that no result looks like an error. */
function getpriority(p: GuestProcess, which: number, who: number): number {
  return 20 - Math.min(...prioTargets(p, which, who).map((q) => q.sched.nice));
}

function setpriority(p: GuestProcess, which: number, who: number, nice: number): number {
  const value = Math.max(-20, Math.min(19, nice));
  for (const q of prioTargets(p, which, who)) {
    if (value < q.sched.nice && !privileged(p)) throw new SysError(E.EACCES);
    q.sched.nice = value;
  }
  return 0;
}

const POLICIES: readonly number[] = [SCHED_OTHER, SCHED_FIFO, SCHED_RR, SCHED_BATCH, SCHED_IDLE];

function knownPolicy(policy: number): number {
  if (!POLICIES.includes(policy)) throw new SysError(E.EINVAL);
  return policy;
}

function checkPolicy(p: GuestProcess, policy: number, priority: number): void {
  knownPolicy(policy);
  if (isRealtime(policy) ? priority < 1 || priority > 99 : priority !== 0) throw new SysError(E.EINVAL);
  if (isRealtime(policy) && !privileged(p)) throw new SysError(E.EPERM);
}

function setscheduler(p: GuestProcess, pid: number, policyArg: number, param: number): number {
  if (!param) throw new SysError(E.EINVAL);
  const q = targetOf(p, pid);
  const policy = policyArg & ~SCHED_RESET_ON_FORK;
  const priority = p.mem.read32(param);
  checkPolicy(p, policy, priority);
  q.sched.policy = policy;
  q.sched.priority = priority;
  return 0;
}

function setparam(p: GuestProcess, pid: number, param: number): number {
  if (!param) throw new SysError(E.EINVAL);
  const q = targetOf(p, pid);
  const priority = p.mem.read32(param);
  checkPolicy(p, q.sched.policy, priority);
  q.sched.priority = priority;
  return 0;
}

/** sched_getattr: struct sched_attr { size, policy, flags, nice, priority, runtime, deadline, period }. */
function getattr(p: GuestProcess, pid: number, attr: number, size: number, flags: number): number {
  if (!attr || flags !== 0 || size < SCHED_ATTR_SIZE) throw new SysError(E.EINVAL);
  const q = targetOf(p, pid);
  const b = new Uint8Array(SCHED_ATTR_SIZE);
  const d = new DataView(b.buffer);
  d.setUint32(0, SCHED_ATTR_SIZE, true);
  d.setUint32(4, q.sched.policy, true);
  d.setInt32(16, q.sched.nice, true);
  d.setUint32(20, q.sched.priority, true);
  p.mem.writeBytes(attr, b);
  return 0;
}

/** sched_setattr: policy, nice value and priority (no SCHED_DEADLINE, no utilization clamps). */
function setattr(p: GuestProcess, pid: number, attr: number, flags: number): number {
  if (!attr || flags !== 0) throw new SysError(E.EINVAL);
  const size = p.mem.read32(attr) >>> 0;
  if (size !== 0 && size < SCHED_ATTR_SIZE) throw new SysError(E.E2BIG);
  const q = targetOf(p, pid);
  const policy = p.mem.read32(attr + 4);
  const attrFlags = p.mem.readU64(attr + 8);
  const nice = p.mem.read32(attr + 16);
  const priority = p.mem.read32(attr + 20);
  if (attrFlags !== 0) {
    p.reportOnce('sched_setattr:flags', 'sched_setattr: flags are not supported');
    throw new SysError(E.EINVAL);
  }
  checkPolicy(p, policy, priority);
  if (nice < -20 || nice > 19) throw new SysError(E.EINVAL);
  if (nice < q.sched.nice && !privileged(p)) throw new SysError(E.EPERM);
  q.sched.policy = policy;
  q.sched.priority = priority;
  q.sched.nice = nice;
  return 0;
}

function setaffinity(p: GuestProcess, pid: number, len: number, mask: number): number {
  const q = targetOf(p, pid);
  if (len === 0) throw new SysError(E.EINVAL);
  const wanted = p.mem.read8(mask) & allGuestCpus();
  if (wanted === 0) throw new SysError(E.EINVAL);
  q.sched.affinity = wanted;
  return 0;
}

function getaffinity(p: GuestProcess, pid: number, len: number, mask: number): number {
  const q = targetOf(p, pid);
  if (len < 8 || len % 8) throw new SysError(E.EINVAL);
  const bytes = new Uint8Array(8);
  bytes[0] = q.sched.affinity & allGuestCpus();
  p.mem.writeBytes(mask, bytes);
  return 8; // the kernel's cpumask size for up to 64 CPUs
}

/** getcpu: the lowest CPU the caller may run on, on NUMA node 0. */
function getcpu(p: GuestProcess, cpu: number, node: number): number {
  const allowed = p.sched.affinity & allGuestCpus();
  if (cpu) writeU32ToGuest(p.mem, cpu, Math.max(0, 31 - Math.clz32(allowed & -allowed)));
  if (node) writeU32ToGuest(p.mem, node, 0);
  return 0;
}

export const schedulingRows: SyscallRow[] = [
  sys('getpriority', ['int', 'int'], (p, a) => getpriority(p, int(a[0]), int(a[1]))),
  sys('setpriority', ['int', 'int', 'int'], (p, a) => setpriority(p, int(a[0]), int(a[1]), int(a[2]))),
  sys('sched_setscheduler', ['int', 'int', 'ptr'], (p, a) => setscheduler(p, int(a[0]), int(a[1]), a[2])),
  sys('sched_getscheduler', ['int'], (p, a) => targetOf(p, int(a[0])).sched.policy),
  sys('sched_setparam', ['int', 'ptr'], (p, a) => setparam(p, int(a[0]), a[1])),
  sys('sched_getparam', ['int', 'ptr'], (p, a) => {
    if (!a[1]) throw new SysError(E.EINVAL);
    writeU32ToGuest(p.mem, a[1], targetOf(p, int(a[0])).sched.priority);
    return 0;
  }),
  sys('sched_setattr', ['int', 'ptr', 'uint'], (p, a) => setattr(p, int(a[0]), a[1], a[2] >>> 0)),
  sys('sched_getattr', ['int', 'ptr', 'uint', 'uint'], (p, a) => getattr(p, int(a[0]), a[1], a[2] >>> 0, a[3] >>> 0)),
  sys('sched_get_priority_max', ['int'], (_p, a) => (isRealtime(knownPolicy(int(a[0]))) ? 99 : 0)),
  sys('sched_get_priority_min', ['int'], (_p, a) => (isRealtime(knownPolicy(int(a[0]))) ? 1 : 0)),
  sys('sched_rr_get_interval', ['int', 'ptr'], (p, a) => {
    writeTimespecToGuest(p.mem, a[1], targetOf(p, int(a[0])).sched.policy === SCHED_RR ? RR_INTERVAL_NS : 0n);
    return 0;
  }),
  sys('sched_setaffinity', ['int', 'size', 'ptr'], (p, a) => setaffinity(p, int(a[0]), ulong(a[1]), a[2])),
  sys('sched_getaffinity', ['int', 'size', 'ptr'], (p, a) => getaffinity(p, int(a[0]), ulong(a[1]), a[2])),
  sys('getcpu', ['ptr', 'ptr', 'ptr'], (p, a) => getcpu(p, a[0], a[1])),
];
