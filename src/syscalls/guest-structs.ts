// Every guest structure the kernel reads or writes, with explicit offsets of the
// 64-bit asm-generic layouts (little-endian). Each structure is built in a scratch
// buffer and copied with one checked access, so a bad pointer faults before anything
// is written. Names say the direction: ...ToGuest writes guest memory, ...FromGuest reads.
import type { AddressSpace } from '../memory/address-space.js';
import { devMajor, devMinor, type FileStat } from './file-stat.js';

const NS = 1_000_000_000n;

/** Seconds and nanoseconds, flooring so that times before 1970 keep 0 <= nsec < 1e9. */
function splitNs(ns: bigint): [bigint, bigint] {
  const rem = ((ns % NS) + NS) % NS;
  return [(ns - rem) / NS, rem];
}

function scratch(size: number): [Uint8Array, DataView] {
  const bytes = new Uint8Array(size);
  return [bytes, new DataView(bytes.buffer)];
}

function load(mem: AddressSpace, addr: number, size: number): DataView {
  const bytes = mem.readBytes(addr, size);
  return new DataView(bytes.buffer, bytes.byteOffset, size);
}

/** struct stat (asm-generic/stat.h, 128 bytes). */
export function writeStatToGuest(mem: AddressSpace, addr: number, st: FileStat): void {
  const [b, d] = scratch(128);
  d.setBigUint64(0, st.dev, true);
  d.setBigUint64(8, st.ino, true);
  d.setUint32(16, st.mode, true);
  d.setUint32(20, st.nlink, true);
  d.setUint32(24, st.uid, true);
  d.setUint32(28, st.gid, true);
  d.setBigUint64(32, st.rdev, true);
  d.setBigInt64(48, st.size, true);
  d.setInt32(56, st.blksize, true);
  d.setBigInt64(64, st.blocks, true);
  const times = [st.atimeNs, st.mtimeNs, st.ctimeNs];
  times.forEach((ns, i) => {
    const [sec, nsec] = splitNs(ns);
    d.setBigInt64(72 + i * 16, sec, true);
    d.setBigUint64(80 + i * 16, nsec, true);
  });
  mem.writeBytes(addr, b);
}

export const STATX_BASIC_STATS = 0x7ff;
export const STATX_BTIME = 0x800;

/** What statx says beyond the stat fields: stx_attributes, stx_attributes_mask, stx_mnt_id. */
export interface StatxExtra {
  attributes: bigint;
  attributesMask: bigint;
  mntId: number;
}

/** struct statx (linux/stat.h, 256 bytes); `mask` is what stx_mask reports. */
export function writeStatxToGuest(mem: AddressSpace, addr: number, st: FileStat, mask: number, extra?: StatxExtra): void {
  const [b, d] = scratch(256);
  d.setUint32(0, mask, true);
  if (extra) {
    d.setBigUint64(8, extra.attributes, true);
    d.setBigUint64(56, extra.attributesMask, true);
    d.setBigUint64(144, BigInt(extra.mntId), true);
  }
  d.setUint32(4, st.blksize, true);
  d.setUint32(16, st.nlink, true);
  d.setUint32(20, st.uid, true);
  d.setUint32(24, st.gid, true);
  d.setUint16(28, st.mode, true);
  d.setBigUint64(32, st.ino, true);
  d.setBigUint64(40, st.size, true);
  d.setBigUint64(48, st.blocks, true);
  // stx_atime, stx_btime, stx_ctime, stx_mtime: { s64 sec; u32 nsec; s32 pad }.
  [st.atimeNs, st.birthtimeNs, st.ctimeNs, st.mtimeNs].forEach((ns, i) => {
    const [sec, nsec] = splitNs(ns);
    d.setBigInt64(64 + i * 16, sec, true);
    d.setUint32(72 + i * 16, Number(nsec), true);
  });
  d.setUint32(128, devMajor(st.rdev), true);
  d.setUint32(132, devMinor(st.rdev), true);
  d.setUint32(136, devMajor(st.dev), true);
  d.setUint32(140, devMinor(st.dev), true);
  mem.writeBytes(addr, b);
}

/** struct timespec as whole nanoseconds (tv_nsec out of range gives undefined). */
export function readTimespecFromGuest(mem: AddressSpace, addr: number): bigint | undefined {
  const d = load(mem, addr, 16);
  const nsec = d.getBigInt64(8, true);
  if (nsec < 0n || nsec >= NS) return undefined;
  return d.getBigInt64(0, true) * NS + nsec;
}

export function writeTimespecToGuest(mem: AddressSpace, addr: number, ns: bigint): void {
  const [b, d] = scratch(16);
  const [sec, nsec] = splitNs(ns);
  d.setBigInt64(0, sec, true);
  d.setBigInt64(8, nsec, true);
  mem.writeBytes(addr, b);
}

export function writeTimevalToGuest(mem: AddressSpace, addr: number, ns: bigint): void {
  const [b, d] = scratch(16);
  const [sec, nsec] = splitNs(ns);
  d.setBigInt64(0, sec, true);
  d.setBigInt64(8, nsec / 1000n, true);
  mem.writeBytes(addr, b);
}

// sigev_notify values; SIGEV_THREAD is glibc's business (for timers it asks for
// SIGEV_THREAD_ID; for mq_notify it passes a netlink socket and a cookie).
export const SIGEV_SIGNAL = 0, SIGEV_NONE = 1, SIGEV_THREAD = 2, SIGEV_THREAD_ID = 4;
export const SIGEVENT_SIZE = 64;

/** struct sigevent: { sigval value; int signo; int notify; union { int tid; ... } } (64 bytes). */
export interface Sigevent { value: bigint; signo: number; notify: number; tid: number }

export function readSigeventFromGuest(mem: AddressSpace, addr: number): Sigevent {
  const bytes = mem.readBytes(addr, SIGEVENT_SIZE);
  const d = new DataView(bytes.buffer, bytes.byteOffset, SIGEVENT_SIZE);
  return { value: d.getBigUint64(0, true), signo: d.getInt32(8, true), notify: d.getInt32(12, true), tid: d.getInt32(16, true) };
}

export interface Utsname {
  sysname: string; nodename: string; release: string; version: string; machine: string;
  domainname: string;
}

/** struct new_utsname: six NUL-padded 65-byte fields. */
export function writeUtsnameToGuest(mem: AddressSpace, addr: number, u: Utsname): void {
  const b = new Uint8Array(6 * 65);
  const fields = [u.sysname, u.nodename, u.release, u.version, u.machine, u.domainname];
  fields.forEach((s, i) => b.set(Buffer.from(s, 'utf8').subarray(0, 64), i * 65));
  mem.writeBytes(addr, b);
}

export interface SysinfoData {
  uptime: number; loads: readonly number[]; totalram: number; freeram: number;
  sharedram: number; bufferram: number; totalswap: number; freeswap: number; procs: number;
}

/** struct sysinfo (112 bytes on 64-bit); mem_unit is 1. */
export function writeSysinfoToGuest(mem: AddressSpace, addr: number, s: SysinfoData): void {
  const [b, d] = scratch(112);
  d.setBigInt64(0, BigInt(Math.floor(s.uptime)), true);
  for (let i = 0; i < 3; i++) d.setBigUint64(8 + i * 8, BigInt(Math.floor(s.loads[i] ?? 0)), true);
  const ram = [s.totalram, s.freeram, s.sharedram, s.bufferram, s.totalswap, s.freeswap];
  ram.forEach((v, i) => d.setBigUint64(32 + i * 8, BigInt(Math.floor(v)), true));
  d.setUint16(80, Math.min(s.procs, 0xffff), true);
  d.setUint32(104, 1, true);
  mem.writeBytes(addr, b);
}

/** RLIM_INFINITY. */
export const RLIM_INFINITY = (1n << 64n) - 1n;

export interface Rlimit { cur: bigint; max: bigint }

export function readRlimitFromGuest(mem: AddressSpace, addr: number): Rlimit {
  const d = load(mem, addr, 16);
  return { cur: d.getBigUint64(0, true), max: d.getBigUint64(8, true) };
}

export function writeRlimitToGuest(mem: AddressSpace, addr: number, r: Rlimit): void {
  const [b, d] = scratch(16);
  d.setBigUint64(0, r.cur, true);
  d.setBigUint64(8, r.max, true);
  mem.writeBytes(addr, b);
}

export interface Iovec { base: number; len: number }

/** An array of struct iovec { void *base; size_t len; }. */
export function readIovecsFromGuest(mem: AddressSpace, addr: number, count: number): Iovec[] {
  const d = load(mem, addr, count * 16);
  const out: Iovec[] = [];
  for (let i = 0; i < count; i++) {
    out.push({ base: Number(d.getBigUint64(i * 16, true)), len: Number(d.getBigUint64(i * 16 + 8, true)) });
  }
  return out;
}

/** One struct linux_dirent64 record, padded to 8 bytes, for getdents64's buffer. */
export function dirent64ToGuestBytes(ino: bigint, off: number, type: number, name: string): Uint8Array {
  const nameBytes = Buffer.from(name, 'utf8');
  const reclen = Math.ceil((19 + nameBytes.length + 1) / 8) * 8;
  const [b, d] = scratch(reclen);
  d.setBigUint64(0, ino, true);
  d.setBigInt64(8, BigInt(off), true);
  d.setUint16(16, reclen, true);
  d.setUint8(18, type);
  b.set(nameBytes, 19);
  return b;
}

export interface Termios {
  iflag: number; oflag: number; cflag: number; lflag: number; line: number; cc: readonly number[];
}

/** The kernel's struct termios (36 bytes, 19 control characters), as TCGETS fills it. */
export function writeTermiosToGuest(mem: AddressSpace, addr: number, t: Termios): void {
  const [b, d] = scratch(36);
  d.setUint32(0, t.iflag, true);
  d.setUint32(4, t.oflag, true);
  d.setUint32(8, t.cflag, true);
  d.setUint32(12, t.lflag, true);
  d.setUint8(16, t.line);
  t.cc.slice(0, 19).forEach((c, i) => d.setUint8(17 + i, c));
  mem.writeBytes(addr, b);
}

/** TCSETS's struct termios. */
export function readTermiosFromGuest(mem: AddressSpace, addr: number): Termios {
  const d = load(mem, addr, 36);
  const cc = Array.from({ length: 19 }, (_, i) => d.getUint8(17 + i));
  return { iflag: d.getUint32(0, true), oflag: d.getUint32(4, true), cflag: d.getUint32(8, true),
    lflag: d.getUint32(12, true), line: d.getUint8(16), cc };
}

/** TIOCSWINSZ's struct winsize: rows and columns (the pixel sizes are not kept). */
export function readWinsizeFromGuest(mem: AddressSpace, addr: number): [rows: number, cols: number] {
  const d = load(mem, addr, 8);
  return [d.getUint16(0, true), d.getUint16(2, true)];
}

/** struct winsize { unsigned short row, col, xpixel, ypixel; }. */
export function writeWinsizeToGuest(mem: AddressSpace, addr: number, rows: number, cols: number): void {
  const [b, d] = scratch(8);
  d.setUint16(0, rows, true);
  d.setUint16(2, cols, true);
  mem.writeBytes(addr, b);
}

/** struct tms: four clock_t in clock ticks. */
export function writeTmsToGuest(mem: AddressSpace, addr: number, ticks: readonly number[]): void {
  const [b, d] = scratch(32);
  for (let i = 0; i < 4; i++) d.setBigInt64(i * 8, BigInt(Math.floor(ticks[i] ?? 0)), true);
  mem.writeBytes(addr, b);
}

export interface RusageData { utimeUs: number; stimeUs: number; maxrssKb: number; minflt: number;
  majflt: number; inblock: number; oublock: number; nvcsw: number; nivcsw: number }

/** struct rusage (144 bytes): two timevals then fourteen longs. */
export function writeRusageToGuest(mem: AddressSpace, addr: number, r: RusageData): void {
  const [b, d] = scratch(144);
  const tv = (at: number, us: number): void => {
    d.setBigInt64(at, BigInt(Math.floor(us / 1e6)), true);
    d.setBigInt64(at + 8, BigInt(Math.floor(us % 1e6)), true);
  };
  tv(0, r.utimeUs);
  tv(16, r.stimeUs);
  const longs: Array<readonly [number, number]> = [[32, r.maxrssKb], [64, r.minflt], [72, r.majflt],
    [88, r.inblock], [96, r.oublock], [128, r.nvcsw], [136, r.nivcsw]];
  for (const [at, v] of longs) d.setBigInt64(at, BigInt(Math.floor(v)), true);
  mem.writeBytes(addr, b);
}

export interface Sigaction { handler: bigint; flags: bigint; restorer: bigint; mask: bigint }

const sigactionSize = (restorer: boolean): number => (restorer ? 32 : 24);

/** The kernel's struct sigaction: handler, flags, [restorer,] 8-byte mask. */
export function readSigactionFromGuest(mem: AddressSpace, addr: number, hasRestorer: boolean): Sigaction {
  const d = load(mem, addr, sigactionSize(hasRestorer));
  return {
    handler: d.getBigUint64(0, true), flags: d.getBigUint64(8, true),
    restorer: hasRestorer ? d.getBigUint64(16, true) : 0n,
    mask: d.getBigUint64(hasRestorer ? 24 : 16, true),
  };
}

export function writeSigactionToGuest(mem: AddressSpace, addr: number, a: Sigaction, hasRestorer: boolean): void {
  const [b, d] = scratch(sigactionSize(hasRestorer));
  d.setBigUint64(0, a.handler, true);
  d.setBigUint64(8, a.flags, true);
  if (hasRestorer) d.setBigUint64(16, a.restorer, true);
  d.setBigUint64(hasRestorer ? 24 : 16, a.mask, true);
  mem.writeBytes(addr, b);
}

export function readSigsetFromGuest(mem: AddressSpace, addr: number): bigint {
  return load(mem, addr, 8).getBigUint64(0, true);
}

export function writeSigsetToGuest(mem: AddressSpace, addr: number, set: bigint): void {
  const [b, d] = scratch(8);
  d.setBigUint64(0, set, true);
  mem.writeBytes(addr, b);
}

export interface StackT { sp: bigint; flags: number; size: bigint }

/** stack_t { void *ss_sp; int ss_flags; size_t ss_size; } (24 bytes). */
export function readStackFromGuest(mem: AddressSpace, addr: number): StackT {
  const d = load(mem, addr, 24);
  return { sp: d.getBigUint64(0, true), flags: d.getInt32(8, true), size: d.getBigUint64(16, true) };
}

export function writeStackToGuest(mem: AddressSpace, addr: number, s: StackT): void {
  const [b, d] = scratch(24);
  d.setBigUint64(0, s.sp, true);
  d.setInt32(8, s.flags, true);
  d.setBigUint64(16, s.size, true);
  mem.writeBytes(addr, b);
}

/** One 32-bit value (the ids getresuid and friends store through separate pointers). */
export function writeU32ToGuest(mem: AddressSpace, addr: number, v: number): void {
  const [b, d] = scratch(4);
  d.setUint32(0, v >>> 0, true);
  mem.writeBytes(addr, b);
}

// struct flock of the asm-generic 64-bit ABI: l_type and l_whence
// as shorts, l_start and l_len as off_t from offset 8, l_pid at 24; 32 bytes.
export interface Flock {
  type: number;
  whence: number;
  start: number;
  len: number;
  pid: number;
}

const FLOCK_SIZE = 32;

export function readFlockFromGuest(mem: AddressSpace, addr: number): Flock {
  const b = mem.readBytes(addr, FLOCK_SIZE);
  const d = new DataView(b.buffer, b.byteOffset, FLOCK_SIZE);
  return {
    type: d.getInt16(0, true), whence: d.getInt16(2, true), start: Number(d.getBigInt64(8, true)),
    len: Number(d.getBigInt64(16, true)), pid: d.getInt32(24, true),
  };
}

export function writeFlockToGuest(mem: AddressSpace, addr: number, f: Flock): void {
  const b = new Uint8Array(FLOCK_SIZE);
  const d = new DataView(b.buffer);
  d.setInt16(0, f.type, true);
  d.setInt16(2, f.whence, true);
  d.setBigInt64(8, BigInt(f.start), true);
  d.setBigInt64(16, BigInt(f.len), true);
  d.setInt32(24, f.pid, true);
  mem.writeBytes(addr, b);
}

// struct statfs of the asm-generic 64-bit ABI: eleven 8-byte words
// (f_fsid is two ints in one of them) and four spare ones; 120 bytes.
export interface FsStat {
  type: bigint;
  bsize: bigint;
  blocks: bigint;
  bfree: bigint;
  bavail: bigint;
  files: bigint;
  ffree: bigint;
  namelen: bigint;
  /** ST_* mount flags (ST_VALID set: the field means something). */
  flags: bigint;
}

const STATFS_SIZE = 120;

export function writeStatfsToGuest(mem: AddressSpace, addr: number, s: FsStat): void {
  const b = new Uint8Array(STATFS_SIZE);
  const d = new DataView(b.buffer);
  const words = [s.type, s.bsize, s.blocks, s.bfree, s.bavail, s.files, s.ffree, 0n, s.namelen, s.bsize, s.flags];
  words.forEach((w, i) => d.setBigInt64(i * 8, w, true)); // f_fsid (index 7) stays 0, as for non-root
  mem.writeBytes(addr, b);
}
