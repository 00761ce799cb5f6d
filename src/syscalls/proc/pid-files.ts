// The text of /proc/<pid>/ files for a guest process, from what the kernel keeps
// about it (Linux's fs/proc/array.c and task_mmu.c formats).
import { PAGE_SIZE, PERM_EXEC, PERM_READ, PERM_WRITE, type Mapping } from '../../memory/address-space.js';
import { SEEK } from '../constants.js';
import { devMajor, devMinor } from '../file-stat.js';
import { commFromPath } from '../comm.js';
import type { IdSet } from '../credentials.js';
import type { GuestProcess } from '../guest-process.js';
import { RLIM_INFINITY } from '../guest-structs.js';
import { SIG_DFL, SIG_IGN } from '../signals.js';
import type { GuestThread } from '../thread.js';

/** Where the path column of /proc/<pid>/maps starts (Linux pads for 64-bit addresses). */
const MAPS_NAME_COLUMN = 73;
const KB = 1024;

const hex = (v: number | bigint, width: number): string => v.toString(16).padStart(width, '0');
const mask = (bits: bigint): string => hex(bits, 16);

function mapsLine(m: Mapping): string {
  const b = m.backing;
  const perms = (m.prot & PERM_READ ? 'r' : '-') + (m.prot & PERM_WRITE ? 'w' : '-')
    + (m.prot & PERM_EXEC ? 'x' : '-') + (b?.shared ? 's' : 'p');
  const offset = b ? m.start + b.delta : 0;
  const dev = b ? `${hex(devMajor(b.object.dev), 2)}:${hex(devMinor(b.object.dev), 2)}` : '00:00';
  const head = `${hex(m.start, 8)}-${hex(m.end, 8)} ${perms} ${hex(offset, 8)} ${dev} ${b ? b.object.ino : 0} `;
  return m.name ? `${head.padEnd(MAPS_NAME_COLUMN - 1)}${m.name}\n` : `${head}\n`;
}

/** Whether `b` continues `a` as one mapping (Linux merges such neighbours). */
function continues(a: Mapping, b: Mapping): boolean {
  const x = a.backing, y = b.backing;
  return a.end === b.start && a.prot === b.prot && a.name === b.name
    && x?.object === y?.object && x?.delta === y?.delta && x?.shared === y?.shared
    && !a.dontFork === !b.dontFork && !a.wipeOnFork === !b.wipeOnFork;
}

/** The mappings as /proc/<pid>/maps lists them (neighbours that continue each other as one). */
function mergedMappings(p: GuestProcess): Mapping[] {
  const merged: Mapping[] = [];
  for (const m of p.mem.maps) {
    const last = merged[merged.length - 1];
    if (last && continues(last, m)) merged[merged.length - 1] = { ...last, end: m.end };
    else merged.push(m);
  }
  return merged;
}

export function mapsText(p: GuestProcess): string {
  return mergedMappings(p).map(mapsLine).join('');
}

/** /proc/<pid>/smaps: each mapping with its sizes (every page resident, none swapped). */
export function smapsText(p: GuestProcess): string {
  const field = (name: string, kb: number): string => `${`${name}:`.padEnd(16)}${String(kb).padStart(8)} kB\n`;
  return mergedMappings(p).map((m) => {
    const kb = (m.end - m.start) / KB;
    const shared = m.backing?.shared === true;
    const flags = [m.prot & PERM_READ && 'rd', m.prot & PERM_WRITE && 'wr', m.prot & PERM_EXEC && 'ex',
      shared && 'sh', 'mr', 'mw', 'me', m.dontFork && 'dc', m.wipeOnFork && 'wf'].filter(Boolean).join(' ');
    return mapsLine(m) + field('Size', kb) + field('KernelPageSize', PAGE_SIZE / KB) + field('MMUPageSize', PAGE_SIZE / KB)
      + field('Rss', kb) + field('Pss', kb) + field('Shared_Clean', 0) + field('Shared_Dirty', shared ? kb : 0)
      + field('Private_Clean', 0) + field('Private_Dirty', shared ? 0 : kb) + field('Referenced', kb)
      + field('Anonymous', m.backing ? 0 : kb) + field('Swap', 0) + field('Locked', 0) + `VmFlags: ${flags} \n`;
  }).join('');
}

/** argv (or envp) as the NUL-terminated strings Linux shows. */
export function stringsText(strings: readonly string[]): Uint8Array {
  return Buffer.from(strings.map((s) => `${s}\0`).join(''));
}

const mappedBytes = (p: GuestProcess): number => p.mem.maps.reduce((n, m) => n + m.end - m.start, 0);

/** Signals ignored and caught, as masks (bit n-1 for signal n). */
function dispositions(p: GuestProcess): { ignored: bigint; caught: bigint } {
  let ignored = 0n, caught = 0n;
  for (let sig = 1; sig <= 64; sig++) {
    const h = p.actions.get(sig).handler;
    if (h === SIG_IGN) ignored |= 1n << BigInt(sig - 1);
    else if (h !== SIG_DFL) caught |= 1n << BigInt(sig - 1);
  }
  return { ignored, caught };
}

const stateOf = (p: GuestProcess): string => (p.exitStatus !== null ? 'Z (zombie)' : 'R (running)');

/** What status, stat and comm show of a thread; a zombie has none left, so its process's name and pid. */
export interface TaskView {
  readonly tid: number;
  readonly comm: string;
  readonly pending: bigint;
  readonly blocked: bigint;
}

export function taskView(p: GuestProcess, t: GuestThread | undefined): TaskView {
  return t ? { tid: t.tid, comm: t.comm, pending: t.pending.set, blocked: t.blocked }
    : { tid: p.pid, comm: commFromPath(p.exePath), pending: 0n, blocked: 0n };
}

/** Real, effective, saved set and file system ids, as status's Uid and Gid lines show them. */
const ids = (s: IdSet): string => [s.real, s.effective, s.saved, s.fs].join('\t');

export function statusText(p: GuestProcess, t: TaskView): string {
  const kb = (bytes: number): string => `${String(Math.ceil(bytes / KB)).padStart(8)} kB`;
  const { ignored, caught } = dispositions(p);
  const vm = mappedBytes(p);
  return [
    `Name:\t${t.comm}`,
    `Umask:\t${p.umask.toString(8).padStart(4, '0')}`,
    `State:\t${stateOf(p)}`,
    `Tgid:\t${p.pid}`,
    'Ngid:\t0',
    `Pid:\t${t.tid}`,
    `PPid:\t${p.ppid}`,
    'TracerPid:\t0',
    `Uid:\t${ids(p.creds.uid)}`,
    `Gid:\t${ids(p.creds.gid)}`,
    'FDSize:\t64',
    `VmPeak:\t${kb(vm)}`,
    `VmSize:\t${kb(vm)}`,
    `VmRSS:\t${kb(vm)}`,
    `Threads:\t${p.threads.length}`,
    `SigPnd:\t${mask(t.pending)}`,
    `ShdPnd:\t${mask(p.sharedPending.set)}`,
    `SigBlk:\t${mask(t.blocked)}`,
    `SigIgn:\t${mask(ignored)}`,
    `SigCgt:\t${mask(caught)}`,
    '',
  ].join('\n');
}

/** /proc/<pid>/stat: the 52 fields of Linux's do_task_stat, the ones kept here filled in. */
export function statText(p: GuestProcess, t: TaskView): string {
  const { ignored, caught } = dispositions(p);
  const vm = mappedBytes(p);
  const fields: Array<number | string | bigint> = [
    t.tid, `(${t.comm})`, stateOf(p)[0], p.ppid, p.pgid, p.sid,
    0, -1, 0x400000, 0, 0, 0, 0, // tty_nr, tpgid, flags, minflt, cminflt, majflt, cmajflt
    0, 0, 0, 0, 20, 0, p.threads.length, 0, 0, // utime, stime, cutime, cstime, priority, nice, threads, itreal, starttime
    vm, vm / PAGE_SIZE, '18446744073709551615', 0, 0, 0, 0, 0, // vsize, rss, rsslim, code, stack, esp, eip
    0, t.blocked & 0x7fffffffn, ignored & 0x7fffffffn, caught & 0x7fffffffn, // signal, blocked, sigignore, sigcatch
    0, 0, 0, p.exitSignal, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  ];
  return `${fields.join(' ')}\n`;
}

/** /proc/<pid>/statm: sizes in pages (size resident shared text lib data dt). */
export function statmText(p: GuestProcess): string {
  const pages = mappedBytes(p) / PAGE_SIZE;
  return `${pages} ${pages} 0 0 0 ${pages} 0\n`;
}

/** /proc/<pid>/limits rows by RLIMIT_* number: the name and the unit Linux prints. */
const LIMIT_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['Max cpu time', 'seconds'], ['Max file size', 'bytes'], ['Max data size', 'bytes'],
  ['Max stack size', 'bytes'], ['Max core file size', 'bytes'], ['Max resident set', 'bytes'],
  ['Max processes', 'processes'], ['Max open files', 'files'], ['Max locked memory', 'bytes'],
  ['Max address space', 'bytes'], ['Max file locks', 'locks'], ['Max pending signals', 'signals'],
  ['Max msgqueue size', 'bytes'], ['Max nice priority', ''], ['Max realtime priority', ''],
  ['Max realtime timeout', 'us'],
];

export function limitsText(p: GuestProcess): string {
  const value = (v: bigint): string => (v === RLIM_INFINITY ? 'unlimited' : String(v)).padEnd(20);
  const row = (name: string, soft: string, hard: string, unit: string): string =>
    `${name.padEnd(25)} ${soft} ${hard} ${unit ? `${unit.padEnd(10)}` : ''}\n`;
  return row('Limit', 'Soft Limit'.padEnd(20), 'Hard Limit'.padEnd(20), 'Units')
    + LIMIT_NAMES.map(([name, unit], r) => {
      const { cur, max } = p.limits.get(r);
      return row(name, value(cur), value(max), unit);
    }).join('');
}

/** /proc/<pid>/fdinfo/<fd>: the file's offset and status flags. */
export function fdinfoText(p: GuestProcess, fd: number): string {
  const file = p.fds.get(fd);
  let pos = 0;
  try {
    pos = file.seek(0, SEEK.SEEK_CUR);
  } catch {
    // not seekable: Linux shows 0
  }
  const cloexec = p.fds.entry(fd).cloexec ? p.abi.openFlags.cloexec : 0;
  return `pos:\t${pos}\nflags:\t0${(file.flags | cloexec).toString(8)}\nmnt_id:\t0\nino:\t${file.stat().ino}\n`;
}
