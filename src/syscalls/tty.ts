// Terminals: host ttys behind guest fds. The kernel keeps one Terminal per host tty
// device with what the guest set (TCGETS returns exactly that, host-tty.ts applies it
// to the host), its window size, its session and its foreground process group.
import { fstatSync } from 'node:fs';
import { isatty } from 'node:tty';
import type { Termios } from './guest-structs.js';
import type { GuestProcess } from './guest-process.js';
import {
  applyHostTermios, controllingDevice, hostWindowSize, readHostTermios, SANE_TERMIOS, setHostWindowSize,
} from './host-tty.js';
import type { Kernel } from './kernel.js';
import { perKernel } from './per-kernel.js';
import type { OpenFile } from './open-file.js';
import { sendToGroup } from './signal-delivery.js';
import { senderInfo } from './siginfo.js';
import { SIGTSTP, SIGWINCH, SI_KERNEL } from './signals.js';

/** Each call takes `hostFd`, the caller's own host fd of the terminal. */
export class Terminal {
  /** What TCGETS returns; read from the host when unknown (first use, after a host program). */
  private settings: Termios | undefined;
  /** Set by TIOCSWINSZ, or the host's size once asked (asked again after a resize, SIGWINCH). */
  private size: [rows: number, cols: number] | undefined;
  /** The session this is the controlling terminal of, if any. */
  session: number | undefined;
  /** The foreground process group (TIOCGPGRP/TIOCSPGRP). */
  foreground: number | undefined;

  termios(hostFd: number): Termios {
    this.settings ??= readHostTermios(hostFd) ?? SANE_TERMIOS;
    return this.settings;
  }

  /** A host program ran and may have changed the terminal: ask the host again. */
  forget(): void {
    this.settings = this.size = undefined;
  }

  /** The host terminal was resized: TIOCGWINSZ asks the host again. */
  forgetSize(): void {
    this.size = undefined;
  }

  /** TCSETS: the guest's settings, applied to the host terminal as far as stty can. */
  setTermios(hostFd: number, t: Termios, report: (m: string) => void): void {
    this.settings = t;
    if (!applyHostTermios(hostFd, t)) report('ioctl: the host terminal refused the guest\'s settings');
  }

  /** TIOCGWINSZ: stty runs once, not on every call. */
  windowSize(hostFd: number): [rows: number, cols: number] {
    this.size ??= hostWindowSize(hostFd);
    return this.size;
  }

  /** TIOCSWINSZ: kept, and given to the host terminal too. */
  setWindowSize(hostFd: number, rows: number, cols: number): void {
    this.size = [rows, cols];
    setHostWindowSize(hostFd, rows, cols);
  }
}

/** Each kernel's terminals by host device number (what it knows of sessions is its own). */
const terminalsOf = perKernel(() => new Map<bigint, Terminal>());

/**
 * The terminal `file` is, or undefined when it is none. The emulator's own controlling
 * terminal starts as the controlling terminal of the first guest process's session,
 * with that process's group in the foreground.
 */
export function terminalOf(p: GuestProcess, file: OpenFile): Terminal | undefined {
  if (!byFile.has(file)) byFile.set(file, lookUp(p, file));
  return byFile.get(file);
}

/** What terminalOf found for each open file (reads and writes ask every time). */
const byFile = new WeakMap<OpenFile, Terminal | undefined>();

function lookUp(p: GuestProcess, file: OpenFile): Terminal | undefined {
  const fd = file.hostFd;
  if (fd === undefined || !isatty(fd)) return undefined;
  const dev = fstatSync(fd, { bigint: true }).rdev;
  const terminals = terminalsOf(p.kernel);
  let t = terminals.get(dev);
  if (!t) {
    terminals.set(dev, (t = new Terminal()));
    if (dev === controllingDevice()) {
      t.session = p.kernel.process.sid;
      t.foreground = p.kernel.process.pgid;
      forwardTerminalSignals(p.kernel, t);
    }
  }
  return t;
}

/** Sends `sig` to every live process of the terminal's foreground group. */
function toForeground(k: Kernel, t: Terminal, sig: number): void {
  if (t.foreground !== undefined) sendToGroup(k, t.foreground, senderInfo(sig, SI_KERNEL, 0, 0));
  k.hostEvent();
}

/**
 * What the emulator's terminal sends it goes to the guest's foreground group: a resize
 * (SIGWINCH), and ^Z (SIGTSTP), which its handlers see before it stops (then the
 * emulator stops too, see job-control.ts).
 */
function forwardTerminalSignals(k: Kernel, t: Terminal): void {
  process.on('SIGWINCH', () => {
    t.forgetSize();
    toForeground(k, t, SIGWINCH);
  });
  process.on('SIGTSTP', () => toForeground(k, t, SIGTSTP));
}

/** A host program has run on the terminals: what they are set to is the host's to say. */
export function forgetTerminalSettings(k: Kernel): void {
  for (const t of terminalsOf(k).values()) t.forget();
}

/**
 * Whether the caller's session has a controlling terminal (else /dev/tty is ENXIO). The
 * emulator's own terminal, until a guest fd of it is looked at, is the first session's.
 */
export function hasControllingTerminal(p: GuestProcess): boolean {
  const terminals = terminalsOf(p.kernel);
  if ([...terminals.values()].some((t) => t.session === p.sid)) return true;
  const dev = controllingDevice();
  return dev !== null && !terminals.has(dev) && p.sid === p.kernel.process.sid;
}
