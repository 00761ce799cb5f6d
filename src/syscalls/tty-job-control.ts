// Job control on terminals: a process of a background group that reads its controlling
// terminal, writes it with TOSTOP set, or changes its settings, gets SIGTTIN or SIGTTOU
// (its whole group does), and its call runs again once the group is continued.
import { E, SysError } from './errno.js';
import type { GuestProcess } from './guest-process.js';
import { inOrphanedGroup } from './job-control.js';
import type { OpenFile } from './open-file.js';
import { sendToGroup } from './signal-delivery.js';
import { senderInfo } from './siginfo.js';
import { SIGTTIN, SIGTTOU, SIG_IGN, SI_KERNEL, sigBit } from './signals.js';
import type { GuestThread } from './thread.js';
import { terminalOf, type Terminal } from './tty.js';

/**
 * Linux's job-control check when a process uses its controlling terminal from outside
 * the foreground group: true when the call may go on. Otherwise `sig` (SIGTTIN for a
 * read, SIGTTOU for a change) goes to the caller's whole group and the call is made to
 * start again once that is dealt with (the group stops, and continues later); EIO when
 * nobody could continue the group, or for a read with SIGTTIN ignored or blocked.
 */
export function mayUseTerminal(p: GuestProcess, t: GuestThread, tty: Terminal, sig: number): boolean {
  if (tty.session !== p.sid || tty.foreground === undefined || tty.foreground === p.pgid) return true;
  const k = p.kernel;
  if (p.actions.get(sig).handler === SIG_IGN || t.blocked & sigBit(sig)) {
    if (sig === SIGTTIN) throw new SysError(E.EIO);
    return true;
  }
  if (inOrphanedGroup(k, p)) throw new SysError(E.EIO);
  sendToGroup(k, p.pgid, senderInfo(sig, SI_KERNEL, 0, 0));
  if (k.cpu) {
    t.pc -= k.cpu.syscallInsnSize; // the syscall instruction runs again, its registers untouched
    t.keepRegisters = true;
  }
  return false;
}

/** TOSTOP: background writes to the terminal raise SIGTTOU. */
const TOSTOP = 0x100;

/**
 * read/write on `file` by a process of a background group, when it is its controlling
 * terminal: SIGTTIN for reads, SIGTTOU for writes when TOSTOP is set. False when the
 * call is to start again (see mayUseTerminal).
 */
export function mayTransfer(p: GuestProcess, t: GuestThread, file: OpenFile, writing: boolean): boolean {
  const tty = terminalOf(p, file);
  if (!tty || tty.session !== p.sid || tty.foreground === p.pgid) return true;
  if (writing && !(tty.termios(file.hostFd!).lflag & TOSTOP)) return true;
  return mayUseTerminal(p, t, tty, writing ? SIGTTOU : SIGTTIN);
}
