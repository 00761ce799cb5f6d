// Threads: clone (of a thread; processes are fork.ts's), futex, thread and process
// exit, and the per-thread bookkeeping glibc does (set_tid_address, set_robust_list, gettid).
import { int, u32 } from '../args.js';
import { clockNowNs } from '../clocks.js';
import { CLOCK } from '../constants.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import { readTimespecFromGuest } from '../guest-structs.js';
import {
  CLONE_PIDFD, CLONE_SIGHAND, CLONE_THREAD, CLONE_VM, cloneThread, forkProcess,
} from '../fork.js';
import { exitGroup, exitThread } from '../process-exit.js';
import { sys, type SyscallRow } from '../row.js';
import { ETIMEDOUT_RESULT } from '../scheduler.js';
import { lockPi, unlockPi } from '../futex-pi.js';
import { futexPlace } from '../shared-pages.js';
import type { GuestThread } from '../thread.js';
import { WouldBlock } from '../wait.js';

// futex operations (include/uapi/linux/futex.h)
const FUTEX_WAIT = 0, FUTEX_WAKE = 1, FUTEX_REQUEUE = 3, FUTEX_CMP_REQUEUE = 4, FUTEX_WAKE_OP = 5;
const FUTEX_LOCK_PI = 6, FUTEX_UNLOCK_PI = 7, FUTEX_TRYLOCK_PI = 8, FUTEX_WAIT_BITSET = 9, FUTEX_WAKE_BITSET = 10;
const FUTEX_LOCK_PI2 = 13;
const FUTEX_PRIVATE_FLAG = 128, FUTEX_CLOCK_REALTIME = 256;
/** sizeof(struct robust_list_head) on 64-bit. */
const ROBUST_LIST_HEAD_SIZE = 24;

/** clone: a thread (CLONE_THREAD, which needs CLONE_VM and CLONE_SIGHAND), or a process. */
function clone(p: GuestProcess, t: GuestThread, a: readonly number[]): number {
  const [flags, stack, ptid, tls, ctid] = [u32(a[0]), a[1], a[2], a[3], a[4]];
  if (!(flags & CLONE_THREAD)) return forkProcess(p, t, { flags, stack, parentTid: ptid, tls, childTid: ctid });
  // A pidfd stands for a process, not a thread (before Linux 6.9's PIDFD_THREAD).
  if (!(flags & CLONE_VM) || !(flags & CLONE_SIGHAND) || flags & CLONE_PIDFD) throw new SysError(E.EINVAL);
  if (!p.kernel.cpu) throw new Error('no thread support configured');
  return cloneThread(p, t, p, p.kernel.allocateId(), { flags, stack, parentTid: ptid, tls, childTid: ctid }).tid;
}

/** performance.now() deadline for a futex timeout, or Infinity. */
function deadline(p: GuestProcess, timeout: number, absolute: boolean, realtime: boolean): number {
  if (!timeout) return Infinity;
  const ns = readTimespecFromGuest(p.mem, timeout);
  if (ns === undefined) throw new SysError(E.EINVAL);
  const relative = absolute ? ns - clockNowNs(realtime ? CLOCK.CLOCK_REALTIME : CLOCK.CLOCK_MONOTONIC) : ns;
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
  const isPrivate = (int(a[1]) & FUTEX_PRIVATE_FLAG) !== 0;
  const first = futexPlace(p.mem, uaddr, isPrivate), second = futexPlace(p.mem, uaddr2, isPrivate);
  let woken = p.scheduler.wake(first.mem, first.addr, nr1);
  const u = old >>> 0, c = cmparg >>> 0;
  const tests = [old === cmparg, old !== cmparg, old < cmparg, old <= cmparg, u > c, u >= c];
  if (cmp > 5) throw new SysError(E.ENOSYS);
  if (tests[cmp]) woken += p.scheduler.wake(second.mem, second.addr, nr2);
  return woken;
}

function futex(p: GuestProcess, t: GuestThread, a: readonly number[]): number {
  const [uaddr, rawOp, val] = [a[0], int(a[1]), u32(a[2])];
  const op = rawOp & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
  const realtime = (rawOp & FUTEX_CLOCK_REALTIME) !== 0;
  if (uaddr % 4) throw new SysError(E.EINVAL);
  const word = futexPlace(p.mem, uaddr, (rawOp & FUTEX_PRIVATE_FLAG) !== 0);
  switch (op) {
    case FUTEX_WAIT:
    case FUTEX_WAIT_BITSET: {
      const bitset = op === FUTEX_WAIT ? -1 : int(a[5]);
      if (bitset === 0) throw new SysError(E.EINVAL);
      if (p.mem.read32(uaddr) >>> 0 !== val) throw new SysError(E.EAGAIN);
      const until = deadline(p, a[3], op === FUTEX_WAIT_BITSET, realtime);
      // Interrupted by a handler: restarted with SA_RESTART when there is no timeout
      // (ERESTARTSYS), else -EINTR (a timed wait's restart block is not restarted).
      throw new WouldBlock({
        futex: { ...word, bitset }, deadline: until, timeoutResult: ETIMEDOUT_RESULT,
        restart: a[3] ? 'eintr' : 'sa-restart',
      });
    }
    case FUTEX_WAKE:
    case FUTEX_WAKE_BITSET: {
      const bitset = op === FUTEX_WAKE ? -1 : int(a[5]);
      if (bitset === 0) throw new SysError(E.EINVAL);
      return p.scheduler.wake(word.mem, word.addr, val, bitset);
    }
    case FUTEX_REQUEUE:
    case FUTEX_CMP_REQUEUE: {
      if (op === FUTEX_CMP_REQUEUE && p.mem.read32(uaddr) >>> 0 !== u32(a[5])) throw new SysError(E.EAGAIN);
      const woken = p.scheduler.wake(word.mem, word.addr, val);
      const to = futexPlace(p.mem, a[4], (rawOp & FUTEX_PRIVATE_FLAG) !== 0);
      // Waiters move between words of one space (Linux requeues across them too; not here).
      if (to.mem !== word.mem) {
        p.reportOnce('futex-requeue-space', 'futex: requeue between a private and a shared futex word is not supported');
        throw new SysError(E.EINVAL);
      }
      return woken + p.scheduler.requeue(word.mem, word.addr, to.addr, u32(a[3]));
    }
    case FUTEX_WAKE_OP:
      return wakeOp(p, a);
    // LOCK_PI's timeout is absolute on CLOCK_REALTIME; LOCK_PI2's on CLOCK_MONOTONIC unless asked
    case FUTEX_LOCK_PI:
    case FUTEX_LOCK_PI2:
      return lockPi({ mem: p.mem, uaddr, queue: word }, t.tid, deadline(p, a[3], true, op === FUTEX_LOCK_PI || realtime), false);
    case FUTEX_TRYLOCK_PI:
      return lockPi({ mem: p.mem, uaddr, queue: word }, t.tid, Infinity, true);
    case FUTEX_UNLOCK_PI:
      return unlockPi({ mem: p.mem, uaddr, queue: word }, t.tid, p.scheduler);
  }
  p.reportOnce(`futex-op:${op}`, `unsupported futex operation ${op}`);
  throw new SysError(E.ENOSYS);
}

export const threadRows: SyscallRow[] = [
  sys('clone', ['cloneflags', 'ptr', 'ptr', 'ptr', 'ptr'], (p, a, t) => clone(p, t, a)),
  // glibc tries clone3 first and falls back to clone on ENOSYS.
  sys('clone3', ['ptr', 'size'], () => {
    throw new SysError(E.ENOSYS);
  }, { quiet: true }),
  // A thread that woke others lets them run next, as Linux's wakeup preemption does on
  // one CPU: otherwise a waker that takes the lock straight back (Python's GIL around a
  // syscall that does not block) starves the waiters it keeps waking.
  sys('futex', ['ptr', 'int', 'uint', 'ptr', 'ptr', 'hex'], (p, a, t) => {
    const woken = futex(p, t, a);
    if (woken > 0) t.yielded = true;
    return woken;
  }),
  sys('exit', ['int'], (p, a, t) => {
    exitThread(p.kernel, t, int(a[0]));
    return 0;
  }, { result: 'none' }),
  sys('exit_group', ['int'], (p, a) => {
    exitGroup(p.kernel, p, int(a[0]));
    return 0;
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
