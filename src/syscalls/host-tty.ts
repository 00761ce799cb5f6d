// The host's side of a terminal, through stty(1) (Node has no tcgetattr/tcsetattr or
// window-size ioctls): its settings in stty's -g form (the termios fields in hex), its
// size, and which terminal is the emulator's controlling one.
import { readFileSync } from 'node:fs';
import type { Termios } from './guest-structs.js';
import { runHostTool } from './host-tool.js';

/** glibc's NCCS: how many control characters stty -g lists. */
const STTY_NCCS = 32;
/** The kernel's NCCS (struct termios as TCGETS fills it). */
const KERNEL_NCCS = 19;

/** What `stty sane` leaves on a UTF-8 terminal: when the host cannot tell us. */
export const SANE_TERMIOS: Termios = {
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
  const r = runHostTool('stty', args, [fd, 'pipe', 'pipe']);
  return r.status === 0 ? r.stdout.trim() : undefined;
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

/** The host terminal's settings; undefined when stty cannot tell. */
export function readHostTermios(fd: number): Termios | undefined {
  const g = stty(fd, ['-g']);
  return g === undefined ? undefined : termiosFromStty(g);
}

/** Gives the host terminal these settings; false when it refused. */
export function applyHostTermios(fd: number, t: Termios): boolean {
  return stty(fd, [termiosToStty(t)]) !== undefined;
}

/** The host terminal's rows and columns (80x24 when it cannot tell). */
export function hostWindowSize(fd: number): [rows: number, cols: number] {
  const m = /^(\d+) (\d+)$/.exec(stty(fd, ['size']) ?? '');
  return m ? [Number(m[1]), Number(m[2])] : [24, 80];
}

export function setHostWindowSize(fd: number, rows: number, cols: number): void {
  stty(fd, ['rows', String(rows), 'cols', String(cols)]);
}

/** The host device of the emulator's controlling terminal (null: it has none). */
let controlling: bigint | null | undefined;

/** tty_nr of /proc/self/stat: the controlling terminal's device number, 0 for none. */
export function controllingDevice(): bigint | null {
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
