// -strace in QEMU's style: `<pid> name(arg,arg) = result`. Each row lists its argument
// kinds; how a kind prints is decided here, once.
import type { AddressSpace } from '../memory/address-space.js';
import type { LinuxAbi } from './abi.js';
import {
  AT, AT_FDCWD, CLOCK, FCNTL, IOCTL, MADV, MAP, MAP_TYPE, MAP_TYPES, MREMAP, PROT, RENAME, RLIMIT,
  SEEK, SIGNAL_NAMES, SIGPROCMASK,
} from './constants.js';
import { errnoMessage } from './errno.js';
import {
  CLONE_CHILD_CLEARTID, CLONE_CHILD_SETTID, CLONE_DETACHED, CLONE_FILES, CLONE_FS, CLONE_IO, CLONE_PARENT,
  CLONE_PARENT_SETTID, CLONE_PIDFD, CLONE_PTRACE, CLONE_SETTLS, CLONE_SIGHAND, CLONE_SYSVSEM, CLONE_THREAD,
  CLONE_VFORK, CLONE_VM, CSIGNAL,
} from './fork.js';
import { OPEN_FLAG_NAMES, O_RDWR, O_WRONLY } from './open-flags.js';
import type { SigInfo } from './siginfo.js';

export type ArgKind =
  | 'int' | 'uint' | 'long' | 'size' | 'hex' | 'ptr' | 'fd' | 'dirfd' | 'path' | 'oflags'
  | 'mode' | 'prot' | 'mapflags' | 'atflags' | 'signal' | 'sighow' | 'clock' | 'whence'
  | 'fcntlcmd' | 'ioctlcmd' | 'resource' | 'mremapflags' | 'advice' | 'renameflags' | 'cloneflags';

/** How the result prints: decimal, hex (addresses), or not at all (exit). */
export type ResultKind = 'dec' | 'hex' | 'none';

export interface StraceContext {
  readonly mem: AddressSpace;
  readonly abi: LinuxAbi;
}

/** C's %#x: no prefix on zero. */
const hex = (v: number): string => (v === 0 ? '0' : v < 0 ? '-0x' + (-v).toString(16) : '0x' + v.toString(16));

/** Names of the bits of `v` found in `table`, leftover bits in hex. */
function flagNames(v: number, table: Readonly<Record<string, number>>, zero = '0'): string {
  const names: string[] = [];
  let rest = v >>> 0;
  for (const [name, bit] of Object.entries(table)) {
    if (bit !== 0 && (rest & bit) === bit) {
      names.push(name);
      rest = (rest & ~bit) >>> 0;
    }
  }
  if (rest) names.push(hex(rest));
  return names.length ? names.join('|') : zero;
}

function enumName(v: number, table: Readonly<Record<string, number>>): string {
  for (const [name, n] of Object.entries(table)) if (n === v) return name;
  return String(v);
}

function quote(s: string): string {
  const esc: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r' };
  return '"' + s.replace(/["\\\n\t\r]|[\x00-\x1f\x7f]/g,
    (c) => esc[c] ?? '\\' + c.charCodeAt(0).toString(8).padStart(3, '0')) + '"';
}

function openFlags(v: number, abi: LinuxAbi): string {
  const f = abi.openFlags;
  const acc = v & f.accmode;
  const names = [acc === O_WRONLY ? 'O_WRONLY' : acc === O_RDWR ? 'O_RDWR' : acc ? 'O_ACCMODE' : 'O_RDONLY'];
  let rest = v & ~f.accmode;
  if ((rest & (f.sync | f.dsync)) === (f.sync | f.dsync)) {
    names.push('O_SYNC');
    rest &= ~(f.sync | f.dsync);
  }
  for (const [key, name] of OPEN_FLAG_NAMES) {
    if (rest & f[key]) {
      names.push(name);
      rest &= ~f[key];
    }
  }
  if (rest) names.push(hex(rest >>> 0));
  return names.join('|');
}

function mapFlags(v: number): string {
  const type = enumName(v & MAP_TYPE, MAP_TYPES);
  const rest = flagNames(v & ~MAP_TYPE, MAP, '');
  return rest ? `${type}|${rest}` : type;
}

const CLONE_FLAGS: Readonly<Record<string, number>> = {
  CLONE_VM, CLONE_FS, CLONE_FILES, CLONE_SIGHAND, CLONE_PIDFD, CLONE_PTRACE, CLONE_VFORK, CLONE_PARENT,
  CLONE_THREAD, CLONE_SYSVSEM, CLONE_SETTLS, CLONE_PARENT_SETTID, CLONE_CHILD_CLEARTID, CLONE_DETACHED,
  CLONE_CHILD_SETTID, CLONE_IO,
};

/** clone's flags: the CLONE_* bits, then the exit signal in the low byte. */
function cloneFlags(v: number): string {
  const exitSignal = v & CSIGNAL;
  const names = flagNames(v & ~CSIGNAL, CLONE_FLAGS, '');
  const signal = exitSignal ? SIGNAL_NAMES[exitSignal] || String(exitSignal) : '';
  return [names, signal].filter((x) => x).join('|') || '0';
}

const FORMATS: Readonly<Record<ArgKind, (v: number, c: StraceContext) => string>> = {
  int: (v) => String(v | 0),
  uint: (v) => String(v >>> 0),
  long: (v) => String(v),
  size: (v) => String(v < 0 ? v + 2 ** 64 : v),
  hex: (v) => hex(v),
  ptr: (v) => (v === 0 ? 'NULL' : hex(v < 0 ? v + 2 ** 64 : v)),
  fd: (v) => String(v | 0),
  dirfd: (v) => ((v | 0) === AT_FDCWD ? 'AT_FDCWD' : String(v | 0)),
  path: (v, c) => {
    if (v === 0) return 'NULL';
    try {
      return quote(c.mem.readCString(v));
    } catch {
      return hex(v); // unreadable: the call itself will fail with EFAULT
    }
  },
  oflags: (v, c) => openFlags(v | 0, c.abi),
  mode: (v) => (v === 0 ? '0' : '0' + (v >>> 0).toString(8)),
  prot: (v, c) => flagNames(v | 0, { ...PROT, ...Object.fromEntries(c.abi.archProt.map(([b, n]) => [n, b])) },
    'PROT_NONE'),
  mapflags: (v) => mapFlags(v | 0),
  atflags: (v) => flagNames(v | 0, AT),
  signal: (v) => SIGNAL_NAMES[v | 0] || String(v | 0),
  sighow: (v) => enumName(v | 0, SIGPROCMASK),
  clock: (v) => enumName(v | 0, CLOCK),
  whence: (v) => enumName(v | 0, SEEK),
  fcntlcmd: (v) => enumName(v | 0, FCNTL),
  ioctlcmd: (v) => Object.entries(IOCTL).find(([, n]) => n === v >>> 0)?.[0] ?? hex(v >>> 0),
  resource: (v) => enumName(v | 0, RLIMIT),
  mremapflags: (v) => flagNames(v | 0, MREMAP),
  advice: (v) => enumName(v | 0, MADV),
  renameflags: (v) => flagNames(v | 0, RENAME),
  cloneflags: (v) => cloneFlags(v | 0),
};

export function formatArgs(kinds: readonly ArgKind[], args: ArrayLike<number>, c: StraceContext): string {
  return kinds.map((k, i) => FORMATS[k](args[i], c)).join(',');
}

/** ` = 3`, ` = 0x4000`, ` = -1 errno=2 (No such file or directory)`, or nothing. */
export function formatResult(kind: ResultKind, r: number): string {
  if (kind === 'none') return '';
  if (r < 0 && r >= -4095) return ` = -1 errno=${-r} (${errnoMessage(-r)})`;
  return ` = ${kind === 'hex' ? hex(r) : String(r)}`;
}

export function straceLine(pid: number, name: string, args: string, result: string): string {
  return `${pid} ${name}(${args})${result}`;
}

const SI_CODES: Readonly<Record<number, string>> = { 0: 'SI_USER', 0x80: 'SI_KERNEL', [-1]: 'SI_QUEUE', [-6]: 'SI_TKILL' };

/** A signal handed to a handler: `<pid> --- SIGSEGV {si_signo=SIGSEGV, si_code=1, si_addr=0x0} ---`. */
export function formatSignal(pid: number, info: SigInfo): string {
  const name = SIGNAL_NAMES[info.signo] || String(info.signo);
  const d = new DataView(info.bytes.buffer, info.bytes.byteOffset);
  const code = SI_CODES[info.code] ?? String(info.code);
  const detail = info.code <= 0 || info.code === 0x80
    ? `si_pid=${d.getInt32(16, true)}, si_uid=${d.getUint32(20, true)}`
    : `si_addr=${hex(Number(d.getBigUint64(16, true)))}`;
  return `${pid} --- ${name} {si_signo=${name}, si_code=${code}, ${detail}} ---`;
}
