// Threads: clone of a thread (CLONE_VM | CLONE_THREAD), futex, thread exit and the
// per-thread bookkeeping glibc does (set_tid_address, set_robust_list, gettid).
import { int, u32 } from '../args.js';
import { clockNowNs } from '../clocks.js';
import { E, SysError } from '../errno.js';
import { GuestExit } from '../guest-exit.js';
import type { GuestProcess } from '../guest-process.js';
import { readTimespecFromGuest, writeU32ToGuest } from '../guest-structs.js';
import { sys, type SyscallRow } from '../row.js';
import type { GuestThread } from '../thread.js';

// clone flags (include/uapi/linux/sched.h)
const CLONE_VM = 0x100;
const CLONE_SETTLS = 0x80000;
const CLONE_PARENT_SETTID = 0x100000;
const CLONE_CHILD_CLEARTID = 0x200000;
const CLONE_THREAD = 0x10000;
const CLONE_CHILD_SETTID = 0x1000000;

// futex operations (include/uapi/linux/futex.h)
const FUTEX_WAIT = 0, FUTEX_WAKE = 1, FUTEX_REQUEUE = 3, FUTEX_CMP_REQUEUE = 4, FUTEX_WAKE_OP = 5;
const FUTEX_WAIT_BITSET = 9, FUTEX_WAKE_BITSET = 10;
const FUTEX_PRIVATE_FLAG = 128, FUTEX_CLOCK_REALTIME = 256;
const CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1;
/** sizeof(struct robust_list_head) on 64-bit. */
const ROBUST_LIST_HEAD_SIZE = 24;
// robust futex word bits
const FUTEX_WAITERS = 0x80000000, FUTEX_OWNER_DIED = 0x40000000, FUTEX_TID_MASK = 0x3fffffff;
/** Bound on robust-list entries walked at thread exit (the kernel's ROBUST_LIST_LIMIT). */
const ROBUST_LIST_LIMIT = 2048;

function cloneThread(p: GuestProcess, t: GuestThread, a: readonly number[]): number {
  const [flags, stack, ptid, tls, ctid] = [u32(a[0]), a[1], a[2], a[3], a[4]];
  if (!(flags & CLONE_THREAD) || !(flags & CLONE_VM)) {
    p.reportOnce('clone-process', 'clone of a process (fork) is not supported yet');
    throw new SysError(E.ENOSYS);
  }
  const child = p.spawnThread(t, stack, flags & CLONE_SETTLS ? tls : undefined);
  if (flags & CLONE_PARENT_SETTID) writeU32ToGuest(p.mem, ptid, child.tid);
  if (flags & CLONE_CHILD_SETTID) writeU32ToGuest(p.mem, ctid, child.tid);
  if (flags & CLONE_CHILD_CLEARTID) child.clearChildTid = ctid;
  return child.tid;
}

/** performance.now() deadline for a futex timeout, or Infinity. */
function deadline(p: GuestProcess, timeout: number, absolute: boolean, realtime: boolean): number {
  if (!timeout) return Infinity;
  const ns = readTimespecFromGuest(p.mem, timeout);
  if (ns === undefined) throw new SysError(E.EINVAL);
  const relative = absolute ? ns - clockNowNs(realtime ? CLOCK_REALTIME : CLOCK_MONOTONIC) : ns;
  return performance.now() + Number(relative) / 1e6;
}

/** FUTEX_WAKE_OP: *uaddr2 = op(*uaddr2, oparg); then wake on uaddr, and on uaddr2 if cmp(old, cmparg). */
function wakeOp(p: GuestProcess, a: readonly number[]): number {
  const [uaddr, nr1, nr2, uaddr2, encoded] = [a[0], u32(a[2]), u32(a[3]), a[4], u32(a[5])];
  const op = (encoded >>> 28) & 7, cmp = (encoded >>> 24) & 15;
  let oparg = (encoded << 8) >> 20; // 12-bit signed
  const cmparg = (encoded << 20) >> 20;
  if (op & 8) oparg = 1 << (oparg & 31); // FUTEX_OP_OPARG_SHIFT
  const old = p.mem.read32(uaddr2);
  const ops = [oparg, old + oparg, old | oparg, old & ~oparg, old ^ oparg];
  if ((op & 7) > 4) throw new SysError(E.ENOSYS);
  p.mem.write32(uaddr2, ops[op & 7] | 0);
  let woken = p.scheduler.wake(uaddr, nr1);
  const u = old >>> 0, c = cmparg >>> 0;
  const tests = [old === cmparg, old !== cmparg, old < cmparg, old <= cmparg, u > c, u >= c];
  if (cmp > 5) throw new SysError(E.ENOSYS);
  if (tests[cmp]) woken += p.scheduler.wake(uaddr2, nr2);
  return woken;
}

function futex(p: GuestProcess, t: GuestThread, a: readonly number[]): number {
  const [uaddr, rawOp, val] = [a[0], int(a[1]), u32(a[2])];
  const op = rawOp & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
  const realtime = (rawOp & FUTEX_CLOCK_REALTIME) !== 0;
  if (uaddr % 4) throw new SysError(E.EINVAL);
  switch (op) {
    case FUTEX_WAIT:
    case FUTEX_WAIT_BITSET: {
      const bitset = op === FUTEX_WAIT ? -1 : int(a[5]);
      if (bitset === 0) throw new SysError(E.EINVAL);
      if (p.mem.read32(uaddr) >>> 0 !== val) throw new SysError(E.EAGAIN);
      const until = deadline(p, a[3], op === FUTEX_WAIT_BITSET, realtime);
      p.scheduler.wait(t, uaddr, bitset, until);
      return 0; // the thread sleeps; the scheduler gives it its real result when it wakes
    }
    case FUTEX_WAKE:
    case FUTEX_WAKE_BITSET: {
      const bitset = op === FUTEX_WAKE ? -1 : int(a[5]);
      if (bitset === 0) throw new SysError(E.EINVAL);
      return p.scheduler.wake(uaddr, val, bitset);
    }
    case FUTEX_REQUEUE:
    case FUTEX_CMP_REQUEUE: {
      if (op === FUTEX_CMP_REQUEUE && p.mem.read32(uaddr) >>> 0 !== u32(a[5])) throw new SysError(E.EAGAIN);
      const woken = p.scheduler.wake(uaddr, val);
      return woken + p.scheduler.requeue(uaddr, a[4], u32(a[3]));
    }
    case FUTEX_WAKE_OP:
      return wakeOp(p, a);
  }
  p.reportOnce(`futex-op:${op}`, `unsupported futex operation ${op}`);
  throw new SysError(E.ENOSYS);
}

/** Marks robust futexes the dying thread holds as OWNER_DIED and wakes a waiter of each. */
function releaseRobustFutexes(p: GuestProcess, t: GuestThread): void {
  const { head } = t.robustList;
  if (!head) return;
  try {
    const offset = p.mem.readU64(head + 8);
    const pending = p.mem.readU64(head + 16);
    const release = (entry: number): void => {
      const word = entry + offset;
      const v = p.mem.read32(word) >>> 0;
      if ((v & FUTEX_TID_MASK) !== t.tid) return;
      p.mem.write32(word, ((v & FUTEX_WAITERS) | FUTEX_OWNER_DIED) | 0);
      if (v & FUTEX_WAITERS) p.scheduler.wake(word, 1);
    };
    let entry = p.mem.readU64(head);
    for (let n = 0; entry !== head && n < ROBUST_LIST_LIMIT; n++) {
      const next = p.mem.readU64(entry);
      if (entry !== pending) release(entry);
      entry = next;
    }
    if (pending) release(pending);
  } catch {
    // a corrupt list is the guest's problem, as in Linux
  }
}

/** exit: the thread ends; the last one to end takes the process with it. */
function exitThread(p: GuestProcess, t: GuestThread, status: number): never | number {
  releaseRobustFutexes(p, t);
  if (t.clearChildTid) {
    try {
      writeU32ToGuest(p.mem, t.clearChildTid, 0);
    } catch {
      // unmapped: nothing to clear
    }
    p.scheduler.wake(t.clearChildTid, 1);
  }
  t.exited = true;
  p.scheduler.remove(t);
  if (p.scheduler.count === 0) throw new GuestExit(status & 0xff);
  return 0;
}

export const threadRows: SyscallRow[] = [
  sys('clone', ['hex', 'ptr', 'ptr', 'ptr', 'ptr'], (p, a, t) => cloneThread(p, t, a)),
  // glibc tries clone3 first and falls back to clone on ENOSYS.
  sys('clone3', ['ptr', 'size'], () => {
    throw new SysError(E.ENOSYS);
  }, { quiet: true }),
  sys('futex', ['ptr', 'int', 'uint', 'ptr', 'ptr', 'hex'], (p, a, t) => futex(p, t, a)),
  sys('exit', ['int'], (p, a, t) => exitThread(p, t, int(a[0])), { result: 'none' }),
  sys('exit_group', ['int'], (_p, a) => {
    throw new GuestExit(int(a[0]) & 0xff);
  }, { result: 'none' }),
  sys('gettid', [], (_p, _a, t) => t.tid),
  sys('set_tid_address', ['ptr'], (_p, a, t) => {
    t.clearChildTid = a[0];
    return t.tid;
  }),
  sys('set_robust_list', ['ptr', 'size'], (_p, a, t) => {
    if (a[1] !== ROBUST_LIST_HEAD_SIZE) throw new SysError(E.EINVAL);
    t.robustList = { head: a[0], len: a[1] };
    return 0;
  }),
  sys('sched_yield', [], (_p, _a, t) => {
    t.yielded = true;
    return 0;
  }),
];
