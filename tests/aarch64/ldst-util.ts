// Helpers for the load/store tests: a data pattern, little-endian byte views as BigInt,
// and a runner that keeps the CPU state when a guest access faults.
import { AddressSpace, GuestFault } from '../../src/memory/address-space.js';
import { CpuState } from '../../src/translate/cpu-state.js';
import { Translator } from '../../src/translate/translator.js';
import { SLOT_SP } from '../../src/targets/aarch64/state.js';
import { aarch64Target } from '../../src/targets/aarch64/target.js';
import { CODE, DATA, DATA_SIZE } from './driver.js';

export const M64 = (1n << 64n) - 1n;

/** The initial data page: byte i = (i * 37 + 11) mod 256, with `patches` (8-byte LE values) on top. */
export function pattern(patches: Record<number, bigint> = {}, size = 0x1000): Uint8Array {
  const d = Uint8Array.from({ length: size }, (_, i) => (i * 37 + 11) & 255);
  for (const [off, v] of Object.entries(patches)) {
    for (let i = 0; i < 8; i++) d[Number(off) + i] = Number((v >> BigInt(8 * i)) & 255n);
  }
  return d;
}

/** `n` bytes at `off` of `d`, little-endian, as an unsigned BigInt. */
export function le(d: Uint8Array, off: number, n: number): bigint {
  let v = 0n;
  for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(d[off + i]);
  return v;
}

/** Sign-extends the low `bits` of v to 64 bits (as an unsigned BigInt). */
export const sx = (v: bigint, bits: number): bigint => BigInt.asUintN(64, BigInt.asIntN(bits, v));
/** Sign-extends to 32 bits, as a W register reads back in an X register. */
export const sx32 = (v: bigint, bits: number): bigint => BigInt.asUintN(32, BigInt.asIntN(bits, v));

/** Builds a 128-bit vector from its little-endian bytes. */
export function fromBytes(bytes: readonly number[]): bigint {
  let v = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i] & 255);
  return v;
}

/** The little-endian bytes of a 128-bit vector. */
export const toBytes = (v: bigint, n = 16): number[] => Array.from({ length: n }, (_, i) => Number((v >> BigInt(8 * i)) & 255n));

export interface FaultRun {
  fault: GuestFault;
  x: bigint[];
  sp: bigint;
  v: bigint[];
  mem: AddressSpace;
}

const setPair = (r: Int32Array, slot: number, v: bigint): void => {
  r[slot] = Number(BigInt.asIntN(32, v));
  r[slot + 1] = Number(BigInt.asIntN(32, (v & M64) >> 32n));
};
const getPair = (r: Int32Array, slot: number): bigint => (BigInt(r[slot + 1] >>> 0) << 32n) | BigInt(r[slot] >>> 0);

/**
 * Runs `words` like runA64 (same memory layout) but expects a GuestFault and returns it
 * with the state the guest had at that point.
 */
export function runToFault(words: readonly number[], init: { x?: Record<number, bigint>; v?: Record<number, bigint>; data?: Uint8Array } = {}): FaultRun {
  const mem = new AddressSpace();
  mem.map(CODE, 0x1000, 5);
  mem.map(DATA, DATA_SIZE, 3);
  const code = new Uint8Array(4 * words.length + 4);
  const dv = new DataView(code.buffer);
  words.forEach((w, i) => dv.setUint32(4 * i, w >>> 0, true));
  dv.setUint32(4 * words.length, 0xd4000001, true); // svc #0
  mem.poke(CODE, code);
  if (init.data) mem.poke(DATA, init.data);
  const s = new CpuState(aarch64Target.slotCount, aarch64Target.vectorBytes);
  for (const [n, v] of Object.entries(init.x ?? {})) setPair(s.r, 2 * Number(n), v);
  setPair(s.r, SLOT_SP, BigInt(DATA + DATA_SIZE));
  for (const [n, v] of Object.entries(init.v ?? {})) {
    s.vview.setBigUint64(16 * Number(n), v & M64, true);
    s.vview.setBigUint64(16 * Number(n) + 8, (v >> 64n) & M64, true);
  }
  let fault: GuestFault | undefined;
  try {
    new Translator(aarch64Target, mem).run(s, CODE);
  } catch (err) {
    if (!(err instanceof GuestFault)) throw err;
    fault = err;
  }
  if (!fault) throw new Error('expected a guest fault');
  return {
    fault,
    x: Array.from({ length: 31 }, (_, n) => getPair(s.r, 2 * n)),
    sp: getPair(s.r, SLOT_SP),
    v: Array.from({ length: 32 }, (_, n) => s.vview.getBigUint64(16 * n, true) | (s.vview.getBigUint64(16 * n + 8, true) << 64n)),
    mem,
  };
}

/** The first offset where two byte arrays differ, or -1 (a fast stand-in for deep equality on 64 KiB). */
export function firstDifference(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}
