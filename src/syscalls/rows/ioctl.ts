// ioctl: enough of the terminal ioctls for isatty(), window sizes and stdio
// buffering decisions. A tty here is a host tty behind the guest fd.
import { isatty } from 'node:tty';
import { int, u32 } from '../args.js';
import { IOCTL } from '../constants.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import { writeTermiosToGuest, writeWinsizeToGuest, type Termios } from '../guest-structs.js';
import type { OpenFile } from '../open-file.js';
import { sys, type SyscallRow } from '../row.js';
import { openFile } from './fd-access.js';

/** What `stty sane` leaves on a UTF-8 terminal (asm-generic/termbits.h values). */
const SANE_TERMIOS: Termios = {
  iflag: 0x0100 | 0x0400 | 0x4000, // ICRNL | IXON | IUTF8
  oflag: 0x0001 | 0x0004, // OPOST | ONLCR
  cflag: 0x000f | 0x0030 | 0x0080, // B38400 | CS8 | CREAD
  lflag: 0x0001 | 0x0002 | 0x0008 | 0x0010 | 0x0020 | 0x0200 | 0x0800 | 0x8000,
  // ^ ISIG ICANON ECHO ECHOE ECHOK ECHOCTL ECHOKE IEXTEN
  line: 0,
  // VINTR ^C, VQUIT ^\, VERASE DEL, VKILL ^U, VEOF ^D, VTIME 0, VMIN 1, VSWTC 0, VSTART ^Q,
  // VSTOP ^S, VSUSP ^Z, VEOL 0, VREPRINT ^R, VDISCARD ^O, VWERASE ^W, VLNEXT ^V, VEOL2 0
  cc: [3, 0x1c, 0x7f, 0x15, 4, 0, 1, 0, 0x11, 0x13, 0x1a, 0, 0x12, 0x0f, 0x17, 0x16, 0],
};

/** The host terminal's size, from whichever of stdout/stderr is one; 80x24 otherwise. */
function windowSize(): [rows: number, cols: number] {
  for (const s of [process.stdout, process.stderr]) {
    if (s.isTTY && s.columns > 0) return [s.rows, s.columns];
  }
  return [24, 80];
}

function requireTty(file: OpenFile): void {
  if (file.hostFd === undefined || !isatty(file.hostFd)) throw new SysError(E.ENOTTY);
}

function ioctl(p: GuestProcess, fd: number, req: number, arg: number): number {
  const file = openFile(p, fd);
  switch (req) {
    case IOCTL.TCGETS:
      requireTty(file);
      writeTermiosToGuest(p.mem, arg, SANE_TERMIOS);
      return 0;
    case IOCTL.TCSETS:
    case IOCTL.TCSETSW:
    case IOCTL.TCSETSF:
      requireTty(file);
      p.reportOnce('TCSETS', 'ioctl: terminal mode changes are ignored');
      return 0;
    case IOCTL.TIOCGWINSZ: {
      requireTty(file);
      const [rows, cols] = windowSize();
      writeWinsizeToGuest(p.mem, arg, rows, cols);
      return 0;
    }
    case IOCTL.TIOCSWINSZ:
      requireTty(file);
      return 0;
    case IOCTL.TIOCGPGRP:
      requireTty(file);
      p.mem.write32(arg, p.pid); // the guest is its terminal's foreground group
      return 0;
    case IOCTL.FIONBIO: {
      const on = p.mem.read32(arg) !== 0;
      const bit = p.abi.openFlags.nonblock;
      file.flags = on ? file.flags | bit : file.flags & ~bit;
      return 0;
    }
    case IOCTL.FIONREAD:
      if (!file.bytesToRead) break;
      p.mem.write32(arg, file.bytesToRead());
      return 0;
    case IOCTL.FIOCLEX:
    case IOCTL.FIONCLEX:
      p.fds.entry(fd).cloexec = req === IOCTL.FIOCLEX;
      return 0;
  }
  p.reportOnce(`ioctl:${req}`, `unsupported ioctl 0x${req.toString(16)}`);
  throw new SysError(E.ENOTTY);
}

export const ioctlRows: SyscallRow[] = [
  sys('ioctl', ['fd', 'ioctlcmd', 'hex'], (p, a) => ioctl(p, int(a[0]), u32(a[1]), a[2])),
];
