// ioctl: the fd-level requests (FIONBIO, FIOCLEX, FIONREAD) for any file, the
// terminal requests for host ttys (tty.ts): settings, window size, controlling
// terminal and foreground process group, and a socket's interface questions. Terminal requests on anything else are
// ENOTTY, as Linux answers.
import { int, u32 } from '../args.js';
import { IOCTL, SEEK, S_IFMT, S_IFREG } from '../constants.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import {
  readTermiosFromGuest, readWinsizeFromGuest, writeTermiosToGuest, writeWinsizeToGuest,
} from '../guest-structs.js';
import { INTERFACE_REQUESTS, interfaceIoctl } from '../net/interface-ioctl.js';
import { SocketFile } from '../net/socket-file.js';
import type { OpenFile } from '../open-file.js';
import { sys, type SyscallRow } from '../row.js';
import { sendToGroup } from '../signal-delivery.js';
import { senderInfo } from '../siginfo.js';
import { SIGTTOU, SIGWINCH, SI_KERNEL } from '../signals.js';
import type { GuestThread } from '../thread.js';
import { mayUseTerminal } from '../tty-job-control.js';
import { terminalOf, type Terminal } from '../tty.js';
import { openFile } from './fd-access.js';

const TERMINAL_REQUESTS: ReadonlySet<number> = new Set([
  IOCTL.TCGETS, IOCTL.TCSETS, IOCTL.TCSETSW, IOCTL.TCSETSF, IOCTL.TCSBRK, IOCTL.TCFLSH, IOCTL.TIOCSCTTY,
  IOCTL.TIOCGPGRP, IOCTL.TIOCSPGRP, IOCTL.TIOCGWINSZ, IOCTL.TIOCSWINSZ, IOCTL.TIOCNOTTY, IOCTL.TIOCGSID,
]);

/** FIONREAD: what the file says it holds, or what is left of a regular file past the offset. */
function bytesAvailable(p: GuestProcess, file: OpenFile): number {
  if (file.bytesToRead) return file.bytesToRead();
  const st = file.stat();
  if ((st.mode & S_IFMT) === S_IFREG) return Math.max(0, Number(st.size) - file.seek(0, SEEK.SEEK_CUR));
  if (file.hostFd === undefined || file.isDirectory) throw new SysError(E.ENOTTY);
  p.reportOnce('FIONREAD', 'ioctl: FIONREAD cannot see into a host stream; it says 0');
  return 0;
}

/** The terminal must be the caller's controlling terminal (else ENOTTY). */
function controllingOf(p: GuestProcess, tty: Terminal): void {
  if (tty.session !== p.sid) throw new SysError(E.ENOTTY);
}

/** TIOCSPGRP: a process group of the caller's session comes to the foreground. */
function setForeground(p: GuestProcess, tty: Terminal, pgrp: number): void {
  controllingOf(p, tty);
  if (pgrp < 0) throw new SysError(E.EINVAL);
  const exists = [...p.kernel.processes].some((q) => q.pgid === pgrp && q.exitStatus === null);
  if (!exists) throw new SysError(E.ESRCH);
  if (![...p.kernel.processes].some((q) => q.pgid === pgrp && q.sid === p.sid)) throw new SysError(E.EPERM);
  tty.foreground = pgrp;
}

/** TIOCSCTTY: a session leader without a terminal takes this one. */
function takeControlling(p: GuestProcess, tty: Terminal, steal: boolean): void {
  if (tty.session === p.sid) return;
  if (p.sid !== p.pid) throw new SysError(E.EPERM);
  if (tty.session !== undefined && !(steal && p.creds.privileged)) throw new SysError(E.EPERM);
  tty.session = p.sid;
  tty.foreground = p.pgid;
}

/** SIGWINCH to the foreground group: the window size changed. */
function windowChanged(p: GuestProcess, tty: Terminal): void {
  if (tty.foreground !== undefined) sendToGroup(p.kernel, tty.foreground, senderInfo(SIGWINCH, SI_KERNEL, 0, 0));
}

/** Requests that change the terminal: from a background group, SIGTTOU first. */
const CHANGES: ReadonlySet<number> = new Set([IOCTL.TCSETS, IOCTL.TCSETSW, IOCTL.TCSETSF, IOCTL.TIOCSPGRP, IOCTL.TCFLSH]);

function terminalIoctl(p: GuestProcess, t: GuestThread, tty: Terminal, hostFd: number, req: number, arg: number): number {
  if (CHANGES.has(req) && !mayUseTerminal(p, t, tty, SIGTTOU)) return 0;
  switch (req) {
    case IOCTL.TCGETS:
      writeTermiosToGuest(p.mem, arg, tty.termios(hostFd));
      return 0;
    case IOCTL.TCSETS:
    case IOCTL.TCSETSW:
    case IOCTL.TCSETSF:
      tty.setTermios(hostFd, readTermiosFromGuest(p.mem, arg), (m) => p.reportOnce('TCSETS', m));
      return 0;
    case IOCTL.TIOCGWINSZ: {
      const [rows, cols] = tty.windowSize(hostFd);
      writeWinsizeToGuest(p.mem, arg, rows, cols);
      return 0;
    }
    case IOCTL.TIOCSWINSZ: {
      const [rows, cols] = readWinsizeFromGuest(p.mem, arg);
      const [oldRows, oldCols] = tty.windowSize(hostFd);
      tty.setWindowSize(hostFd, rows, cols);
      if (rows !== oldRows || cols !== oldCols) windowChanged(p, tty);
      return 0;
    }
    case IOCTL.TIOCGPGRP:
      controllingOf(p, tty);
      p.mem.write32(arg, tty.foreground ?? 0);
      return 0;
    case IOCTL.TIOCSPGRP:
      setForeground(p, tty, p.mem.read32(arg));
      return 0;
    case IOCTL.TIOCGSID:
      controllingOf(p, tty);
      p.mem.write32(arg, tty.session!);
      return 0;
    case IOCTL.TIOCSCTTY:
      takeControlling(p, tty, int(arg) === 1);
      return 0;
    case IOCTL.TIOCNOTTY:
      controllingOf(p, tty);
      if (p.sid === p.pid) tty.session = tty.foreground = undefined;
      return 0;
    case IOCTL.TCSBRK:
      return 0; // writes reach the host at once: output is always drained
    case IOCTL.TCFLSH:
      if (arg < 0 || arg > 2) throw new SysError(E.EINVAL);
      p.reportOnce('TCFLSH', 'ioctl: TCFLSH leaves the host terminal\'s queues alone');
      return 0;
    default:
      throw new Error(`terminal ioctl 0x${req.toString(16)} has no case`);
  }
}

/**
 * FICLONE, FICLONERANGE, FIDEDUPERANGE: the host files are not ours to reflink, so the
 * answer is the one Linux gives on a file system without shared extents (EOPNOTSUPP),
 * after its argument checks: cp and friends then copy the bytes themselves.
 */
function shareExtents(p: GuestProcess, file: OpenFile, req: number, arg: number): number {
  if (req !== IOCTL.FIDEDUPERANGE) openFile(p, req === IOCTL.FICLONE ? int(arg) : p.mem.read32(arg));
  if ((file.stat().mode & S_IFMT) !== S_IFREG) throw new SysError(file.isDirectory ? E.EISDIR : E.EINVAL);
  throw new SysError(E.EOPNOTSUPP);
}

function ioctl(p: GuestProcess, t: GuestThread, fd: number, req: number, arg: number): number {
  const file = openFile(p, fd);
  switch (req) {
    case IOCTL.FIONBIO: {
      const on = p.mem.read32(arg) !== 0;
      const bit = p.abi.openFlags.nonblock;
      file.flags = on ? file.flags | bit : file.flags & ~bit;
      return 0;
    }
    case IOCTL.FIOCLEX:
    case IOCTL.FIONCLEX:
      p.fds.entry(fd).cloexec = req === IOCTL.FIOCLEX;
      return 0;
    case IOCTL.FIONREAD:
      p.mem.write32(arg, bytesAvailable(p, file));
      return 0;
    case IOCTL.FICLONE:
    case IOCTL.FICLONERANGE:
    case IOCTL.FIDEDUPERANGE:
      return shareExtents(p, file, req, arg);
  }
  if (file instanceof SocketFile && INTERFACE_REQUESTS.has(req)) return interfaceIoctl(p.mem, req, arg);
  const tty = TERMINAL_REQUESTS.has(req) ? terminalOf(p, file) : undefined;
  if (tty) return terminalIoctl(p, t, tty, file.hostFd!, req, arg);
  if (!TERMINAL_REQUESTS.has(req)) p.reportOnce(`ioctl:${req}`, `unsupported ioctl 0x${req.toString(16)}`);
  throw new SysError(E.ENOTTY);
}

export const ioctlRows: SyscallRow[] = [
  sys('ioctl', ['fd', 'ioctlcmd', 'hex'], (p, a, t) => ioctl(p, t, int(a[0]), u32(a[1]), a[2])),
];
