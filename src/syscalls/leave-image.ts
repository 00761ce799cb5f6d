// What every execve does to the process past the point of no return, whether a guest
// program (exec.ts) or a host program (host-exec.ts) runs next.
import type { GuestProcess } from './guest-process.js';
import { endOtherThreads, releaseClearChildTid } from './process-exit.js';
import type { GuestThread } from './thread.js';

/** A fd table shared with another live process (CLONE_FILES) becomes the process's own. */
export function unshareFds(p: GuestProcess): void {
  if ([...p.kernel.processes].some((q) => q !== p && q.exitStatus === null && q.fds === p.fds)) {
    p.fds = p.fds.copy(() => p.limits.maxFds);
  }
}

/**
 * What every execve does past the point of no return, whatever runs next: one thread
 * left, its clear_child_tid and robust list let go, fds unshared and close-on-exec ones
 * closed, the new program's name and arguments; a vfork parent goes on.
 */
export function leaveOldImage(p: GuestProcess, t: GuestThread, exePath: string, argv: readonly string[], envp: readonly string[]): void {
  const k = p.kernel;
  endOtherThreads(k, p, t);
  releaseClearChildTid(k, t);
  t.robustList = { head: 0, len: 0 };
  unshareFds(p);
  p.fds.closeOnExec();
  p.exePath = exePath;
  p.argv = [...argv];
  p.envp = [...envp];
  p.execCount++;
}
