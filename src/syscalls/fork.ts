// clone of a process (fork, vfork, posix_spawn's clone(CLONE_VM|CLONE_VFORK)): a new
// process with a copy of the caller's memory (or the same memory, CLONE_VM), its fds,
// signal dispositions and limits, and one thread continuing where the caller is.
import { E, SysError } from './errno.js';
import { GuestProcess } from './guest-process.js';
import { writeU32ToGuest } from './guest-structs.js';
import { PidFd } from './pidfd.js';
import { GuestThread } from './thread.js';
import { WouldBlock } from './wait.js';

// clone flags (include/uapi/linux/sched.h)
export const CSIGNAL = 0xff;
export const CLONE_VM = 0x100, CLONE_FS = 0x200, CLONE_FILES = 0x400, CLONE_SIGHAND = 0x800,
  CLONE_PIDFD = 0x1000, CLONE_PTRACE = 0x2000, CLONE_VFORK = 0x4000, CLONE_PARENT = 0x8000,
  CLONE_THREAD = 0x10000, CLONE_SYSVSEM = 0x40000, CLONE_SETTLS = 0x80000, CLONE_PARENT_SETTID = 0x100000,
  CLONE_CHILD_CLEARTID = 0x200000, CLONE_DETACHED = 0x400000, CLONE_CHILD_SETTID = 0x1000000, CLONE_IO = 0x80000000;
/** Namespaces, cgroups and other isolation the emulator has none of. */
const CLONE_UNSUPPORTED = 0x7e020000 | CLONE_PTRACE;

export interface CloneArgs {
  flags: number;
  /** The child's stack pointer (0: the caller's). */
  stack: number;
  parentTid: number;
  tls: number;
  childTid: number;
}

/**
 * The new thread `tid` of `owner` (a new process, or the caller's for CLONE_THREAD),
 * continuing where the caller's `t` is: its registers (stack and TLS as clone asks),
 * name, timer slack, I/O priority and blocked signals; CLONE_PARENT_SETTID,
 * CLONE_CHILD_SETTID and CLONE_CHILD_CLEARTID done. Added to the kernel.
 */
export function cloneThread(p: GuestProcess, t: GuestThread, owner: GuestProcess, tid: number, c: CloneArgs): GuestThread {
  const f = c.flags;
  const thread = new GuestThread(tid, p.kernel.cpu!.cloneState(t.state, c.stack, f & CLONE_SETTLS ? c.tls : undefined), owner);
  thread.pc = t.pc;
  thread.comm = t.comm;
  thread.timerSlackNs = t.timerSlackNs;
  thread.ioPriority = t.ioPriority;
  thread.blocked = t.blocked;
  // A child sharing the memory (but not vfork's, which runs while the parent waits)
  // must not use the parent's alternate stack.
  if ((f & (CLONE_VM | CLONE_VFORK)) !== CLONE_VM) thread.altStack = t.altStack;
  p.kernel.addThread(thread);
  if (f & CLONE_PARENT_SETTID) writeU32ToGuest(p.mem, c.parentTid, tid);
  if (f & CLONE_CHILD_SETTID) writeU32ToGuest(owner.mem, c.childTid, tid);
  if (f & CLONE_CHILD_CLEARTID) thread.clearChildTid = c.childTid;
  return thread;
}

/** A new process; returns its pid (the child's clone returns 0). */
export function forkProcess(p: GuestProcess, t: GuestThread, c: CloneArgs): number {
  const k = p.kernel;
  const f = c.flags;
  if (f & CLONE_SIGHAND && !(f & CLONE_VM)) throw new SysError(E.EINVAL);
  // clone() returns the pidfd where CLONE_PARENT_SETTID would put the tid.
  if (f & CLONE_PIDFD && f & (CLONE_PARENT_SETTID | CLONE_DETACHED)) throw new SysError(E.EINVAL);
  if (f & CLONE_UNSUPPORTED) {
    p.reportOnce(`clone:${f & CLONE_UNSUPPORTED}`, `clone: flags 0x${(f & CLONE_UNSUPPORTED).toString(16)} are not supported`);
    throw new SysError(E.EINVAL);
  }
  if (!k.cpu) throw new Error('no process support configured');
  const mm = f & CLONE_VM ? p.mm : p.mm.copy();
  if (mm !== p.mm) k.options.copied?.(p.mem, mm.mem);
  const pid = k.allocateId();
  const limits = p.limits.copy();
  const child = new GuestProcess(k, {
    pid, parent: f & CLONE_PARENT ? p.parent : p, mm, limits,
    fds: f & CLONE_FILES ? p.fds : p.fds.copy(() => limits.maxFds),
    actions: f & CLONE_SIGHAND ? p.actions : p.actions.copy(), prefix: p.prefix, cwd: p.cwd, umask: p.umask,
    exePath: p.exePath, argv: p.argv, envp: p.envp, pgid: p.pgid, sid: p.sid,
  });
  child.exitSignal = f & CSIGNAL;
  child.dumpable = p.dumpable;
  child.noNewPrivs = p.noNewPrivs;
  child.creds = p.creds.copy();
  child.sched = { ...p.sched };
  child.personality = p.personality;
  k.addProcess(child);
  cloneThread(p, t, child, pid, c);
  if (f & CLONE_PIDFD) writeU32ToGuest(p.mem, c.parentTid, p.fds.add(new PidFd(child, 0, p.abi.openFlags.nonblock), true));
  if (f & CLONE_VFORK) {
    // The parent waits until the child has exec'd or ended (signals wait too).
    throw new WouldBlock({
      ready: () => child.releasedVfork, readyResult: pid, uninterruptible: true, deadline: Infinity,
      timeoutResult: pid, restart: 'eintr',
    });
  }
  return pid;
}
