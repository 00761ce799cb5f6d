// Terminals: host ttys behind guest fds. Node cannot call tcgetattr/tcsetattr, so the
// host's stty(1) reads and applies a terminal's settings (its -g form is the termios
// fields in hex), and the kernel keeps one Terminal per host tty device with what the
// guest set (TCGETS returns exactly that), its window size, its session and its
// foreground process group (job control in shells).
import { spawnSync } from 'node:child_process';
import { fstatSync, readFileSync } from 'node:fs';
import { isatty } from 'node:tty';
import { E, SysError } from './errno.js';
import type { Termios } from './guest-structs.js';
import type { GuestProcess } from './guest-process.js';
import type { Kernel } from './kernel.js';
import { inOrphanedGroup } from './job-control.js';
import type { OpenFile } from './open-file.js';
import { sendToProcess } from './signal-delivery.js';
import { senderInfo } from './siginfo.js';
import { SIGTTIN, SIGTTOU, SIGWINCH, SIG_IGN, SI_KERNEL, sigBit } from './signals.js';
import type { GuestThread } from './thread.js';

/** glibc's NCCS: how many control characters stty -g lists. */
const STTY_NCCS = 32;
/** The kernel's NCCS (struct termios as TCGETS fills it). */
const KERNEL_NCCS = 19;

/** What `stty sane` leaves on a UTF-8 terminal: when the host cannot tell us. */
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

/** Runs stty on host fd `fd` (its stdin); its output, or undefined when it failed. */
function stty(fd: number, args: readonly string[]): string | undefined {
  const r = spawnSync('stty', args, { stdio: [fd, 'pipe', 'pipe'], env: { LANG: 'C', PATH: '/usr/bin:/bin' } });
  return r.status === 0 ? r.stdout.toString().trim() : undefined;
}

function termiosFromStty(g: string): Termios | undefined {
  const f = g.split(':').map((x) => parseInt(x, 16));
  if (f.length < 4 + KERNEL_NCCS || f.some((x) => Number.isNaN(x))) return undefined;
  return { iflag: f[0], oflag: f[1], cflag: f[2], lflag: f[3], line: 0, cc: f.slice(4, 4 + KERNEL_NCCS) };
}

function termiosToStty(t: Termios): string {
  const cc = Array.from({ length: STTY_NCCS }, (_, i) => t.cc[i] ?? 0);
  return [t.iflag, t.oflag, t.cflag, t.lflag, ...cc].map((x) => (x >>> 0).toString(16)).join(':');
}

/** Each call takes `hostFd`, the caller's own host fd of the terminal. */
export class Terminal {
  /** What TCGETS returns; read from the host when unknown (first use, after a host program). */
  private settings: Termios | undefined;
  /** Set by TIOCSWINSZ; until then the host's size is asked. */
  private size: [rows: number, cols: number] | undefined;
  /** The session this is the controlling terminal of, if any. */
  session: number | undefined;
  /** The foreground process group (TIOCGPGRP/TIOCSPGRP). */
  foreground: number | undefined;

  termios(hostFd: number): Termios {
    if (!this.settings) {
      const g = stty(hostFd, ['-g']);
      this.settings = (g !== undefined && termiosFromStty(g)) || SANE_TERMIOS;
    }
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
    if (stty(hostFd, [termiosToStty(t)]) === undefined) report('ioctl: the host terminal refused the guest\'s settings');
  }

  windowSize(hostFd: number): [rows: number, cols: number] {
    if (this.size) return this.size;
    const m = /^(\d+) (\d+)$/.exec(stty(hostFd, ['size']) ?? '');
    return m ? [Number(m[1]), Number(m[2])] : [24, 80];
  }

  /** TIOCSWINSZ: kept, and given to the host terminal too. */
  setWindowSize(hostFd: number, rows: number, cols: number): void {
    this.size = [rows, cols];
    stty(hostFd, ['rows', String(rows), 'cols', String(cols)]);
  }
}

/** Every terminal seen, per kernel. */
const terminalTables = new WeakMap<Kernel, Map<bigint, Terminal>>();

/** Each kernel's terminals by host device number (what it knows of sessions is its own). */
function terminalsOf(k: Kernel): Map<bigint, Terminal> {
  let table = terminalTables.get(k);
  if (!table) terminalTables.set(k, (table = new Map()));
  return table;
}

/** The host device of the emulator's controlling terminal (null: it has none). */
let controlling: bigint | null | undefined;

/** tty_nr of /proc/self/stat: the controlling terminal's device number, 0 for none. */
function controllingDevice(): bigint | null {
  if (controlling !== undefined) return controlling;
  controlling = null;
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // After "pid (comm) ": state ppid pgrp session tty_nr ...
    const ttyNr = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[4];
    if (ttyNr && ttyNr !== '0') controlling = BigInt(ttyNr);
  } catch {
    // not a Linux host: no terminal is anyone's controlling one
  }
  return controlling;
}

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
      forwardResizes(p.kernel, t);
    }
  }
  return t;
}

/** The host terminal was resized (the emulator got SIGWINCH): its foreground group hears of it. */
function forwardResizes(k: Kernel, t: Terminal): void {
  process.on('SIGWINCH', () => {
    t.forgetSize();
    for (const q of [...k.processes]) {
      if (q.pgid === t.foreground && q.exitStatus === null) sendToProcess(k, q, senderInfo(SIGWINCH, SI_KERNEL, 0, 0));
    }
    k.hostEvent();
  });
}

/** A host program has run on the terminals: what they are set to is the host's to say. */
export function forgetTerminalSettings(k: Kernel): void {
  for (const t of terminalsOf(k).values()) t.forget();
}

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
  for (const q of [...k.processes]) {
    if (q.pgid === p.pgid && q.exitStatus === null) sendToProcess(k, q, senderInfo(sig, SI_KERNEL, 0, 0));
  }
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
