// Inline guest memory access for generated code. The fast path is one permission-table
// lookup and a DataView access; anything else (other page, page crossing, unmapped,
// protected, code page, address above 4 GiB) calls the checked slow path, which either
// completes the access or throws a GuestFault carrying the instruction's PC.
//
// Generated code sees: P (permission table), DV (DataView of the window), M (SlowMemory).
import { GUARD_SIZE, PERM_CODE, PERM_READ, PERM_WRITE } from '../memory/address-space.js';
import { Exit } from './cpu-state.js';
import type { Emitter } from './emitter.js';

export type AccessSize = 1 | 2 | 4 | 8;

/** A guest address as base (a 64-bit lo/hi pair of JS expressions) plus a small constant. */
export interface Address {
  lo: string;
  hi: string;
  /** Constant offset with |off| < GUARD_SIZE, so a wrap lands in an unmapped guard page. */
  off: number;
}

const GETTERS = { 1: 'getUint8', 2: 'getUint16', 4: 'getInt32' } as const;
const SETTERS = { 1: 'setUint8', 2: 'setUint16', 4: 'setInt32' } as const;

/** A temp for the 32-bit fast-path address. */
function addressTemp(e: Emitter, a: Address): string {
  if (Math.abs(a.off) >= GUARD_SIZE) throw new RangeError(`offset ${a.off} too large for the inline path`);
  return e.tmp();
}

function inPage(t: string, size: AccessSize): string {
  return size === 1 ? '' : ` && (${t} & 4095) <= ${4096 - size}`;
}

/**
 * The inline fast-path test for reading `size` bytes at `a`, whose 32-bit address the temp
 * `t` holds ((a.lo + a.off) >>> 0): for targets that access memory other than through
 * emitLoad (e.g. as a float64).
 */
export function readableInline(a: Address, t: string, size: AccessSize): string {
  return `${a.hi} === 0 && (P[${t} >>> 12] & ${PERM_READ}) !== 0${inPage(t, size)}`;
}

/** The inline fast-path test for writing `size` bytes at `a` (see readableInline). */
export function writableInline(a: Address, t: string, size: AccessSize): string {
  return `${a.hi} === 0 && (P[${t} >>> 12] & ${PERM_WRITE | PERM_CODE}) === ${PERM_WRITE}${inPage(t, size)}`;
}

/** A temp holding the 32-bit fast-path address of `a`, and the statement computing it. */
export function inlineAddress(e: Emitter, a: Address): { t: string; code: string } {
  const t = addressTemp(e, a);
  return { t, code: `${t} = (${a.lo} + ${a.off}) >>> 0;` };
}

/**
 * Loads `size` bytes. Returns the code and the temps holding the value: `lo` is the low
 * 32 bits (zero-extended for 1 and 2 bytes), `hi` the high 32 bits for 8-byte loads.
 */
export function emitLoad(e: Emitter, size: AccessSize, a: Address): { code: string; lo: string; hi: string } {
  const t = addressTemp(e, a);
  const lo = e.tmp();
  const hi = size === 8 ? e.tmp() : '0';
  const check = readableInline(a, t, size);
  const fast =
    size === 8
      ? `${lo} = DV.getInt32(${t}, true); ${hi} = DV.getInt32(${t} + 4, true);`
      : `${lo} = DV.${GETTERS[size]}(${t}, true);`;
  const slow =
    size === 8
      ? `${lo} = M.load64(${a.lo}, ${a.hi}, ${a.off}, ${e.pc}); ${hi} = M.hi;`
      : `${lo} = M.load(${size}, ${a.lo}, ${a.hi}, ${a.off}, ${e.pc});`;
  const code = e.compact ? slow : `${t} = (${a.lo} + ${a.off}) >>> 0;\nif (${check}) { ${fast} } else { ${slow} }`;
  return { code, lo, hi };
}

/** Stores the low `size` bytes of `lo` (and `hi` for 8-byte stores). */
export function emitStore(e: Emitter, size: AccessSize, a: Address, lo: string, hi = '0'): string {
  const t = addressTemp(e, a);
  const check = writableInline(a, t, size);
  const fast =
    size === 8
      ? `DV.setInt32(${t}, ${lo}, true); DV.setInt32(${t} + 4, ${hi}, true);`
      : `DV.${SETTERS[size]}(${t}, ${lo}, true);`;
  const slow =
    size === 8
      ? `M.store64(${a.lo}, ${a.hi}, ${a.off}, ${lo}, ${hi}, ${e.pc});`
      : `M.store(${size}, ${a.lo}, ${a.hi}, ${a.off}, ${lo}, ${e.pc});`;
  if (e.compact) return slow;
  return `${t} = (${a.lo} + ${a.off}) >>> 0;\nif (${check}) { ${fast} } else { ${slow} }`;
}

/**
 * Leaves with Exit.Misaligned (SIGBUS, BUS_ADRALN) unless the address lo:hi is aligned to
 * `bytes`: atomic and exclusive accesses must be, on every ISA tsqemu runs.
 */
export function emitAlignmentCheck(e: Emitter, lo: string, hi: string, bytes: number): string {
  return `if ((${lo} & ${bytes - 1}) !== 0) { S.excAddr = H.toNumberU64(${lo}, ${hi}); ${e.raise(Exit.Misaligned, e.pc)} }`;
}
