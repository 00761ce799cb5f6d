// A small driver for riscv64 instruction tests: places instructions in guest memory
// (16-bit ones where the low two bits are not 11, as the ISA tells them apart), sets up
// registers, runs until the trailing ECALL, and reads the state back as BigInts.
// `tier` selects the code the translator runs: 'step' (cold code, one function per
// instruction shape) or 'region' (hot code, one function with registers in locals).
import { AddressSpace } from '../../src/memory/address-space.js';
import { SLOT_FFLAGS, SLOT_FRM, xSlot } from '../../src/targets/riscv64/state.js';
import { riscv64Target } from '../../src/targets/riscv64/target.js';
import { CpuState, Exit } from '../../src/translate/cpu-state.js';
import { Translator } from '../../src/translate/translator.js';

export const CODE = 0x400000;
/** A read/write data page for load/store tests; sp starts at its end. */
export const DATA = 0x500000;
export const DATA_SIZE = 0x10000;
const ECALL = 0x00000073;

export interface RvInit {
  x?: Record<number, bigint>;
  /** fN as a 64-bit pattern. */
  f?: Record<number, bigint>;
  fflags?: number;
  frm?: number;
  data?: Uint8Array;
}

export interface RvResult {
  x: bigint[];
  f: bigint[];
  fflags: number;
  frm: number;
  exit: Exit;
  pc: number;
  mem: AddressSpace;
}

const M64 = (1n << 64n) - 1n;

function setPair(r: Int32Array, slot: number, v: bigint): void {
  r[slot] = Number(BigInt.asIntN(32, v));
  r[slot + 1] = Number(BigInt.asIntN(32, (v & M64) >> 32n));
}
const getPair = (r: Int32Array, slot: number): bigint => (BigInt(r[slot + 1] >>> 0) << 32n) | BigInt(r[slot] >>> 0);

/** The bytes of an instruction sequence (16-bit parcels for compressed encodings). */
export function encode(insns: readonly number[]): Uint8Array {
  const bytes: number[] = [];
  for (const w of insns) {
    const n = (w & 3) === 3 ? 4 : 2;
    for (let i = 0; i < n; i++) bytes.push((w >>> (8 * i)) & 0xff);
  }
  return new Uint8Array(bytes);
}

/** Runs `insns` followed by ECALL and returns the final state. */
export function runRv(insns: readonly number[], init: RvInit = {}, tier: 'step' | 'region' = 'step'): RvResult {
  const mem = new AddressSpace();
  mem.map(CODE, 0x1000, 5);
  mem.map(DATA, DATA_SIZE, 3);
  mem.poke(CODE, encode([...insns, ECALL]));
  if (init.data) mem.poke(DATA, init.data);
  const s = new CpuState(riscv64Target.slotCount, riscv64Target.vectorBytes);
  setPair(s.r, xSlot(2), BigInt(DATA + DATA_SIZE));
  for (const [n, v] of Object.entries(init.x ?? {})) if (Number(n) !== 0) setPair(s.r, xSlot(Number(n)), v);
  for (const [n, v] of Object.entries(init.f ?? {})) s.vview.setBigUint64(8 * Number(n), v & M64, true);
  s.r[SLOT_FFLAGS] = init.fflags ?? 0;
  s.r[SLOT_FRM] = init.frm ?? 0;
  const t = new Translator(riscv64Target, mem);
  // The first run of a block is step code; region code once it is hot. A region run
  // needs the block hot first: run the code 50 times from a fresh state copy.
  let pc: number;
  if (tier === 'region') {
    const saved = { r: s.r.slice(), v: s.v8.slice() };
    for (let i = 0; i < 50; i++) {
      s.r.set(saved.r);
      s.v8.set(saved.v);
      mem.poke(DATA, init.data ?? new Uint8Array(DATA_SIZE));
      t.run(s, CODE, 1);
      s.exc = Exit.None;
    }
    s.r.set(saved.r);
    s.v8.set(saved.v);
    if (init.data) mem.poke(DATA, init.data);
  }
  pc = t.run(s, CODE);
  const r = s.r;
  return {
    x: Array.from({ length: 32 }, (_, n) => (n === 0 ? 0n : getPair(r, xSlot(n)))),
    f: Array.from({ length: 32 }, (_, n) => s.vview.getBigUint64(8 * n, true)),
    fflags: r[SLOT_FFLAGS],
    frm: r[SLOT_FRM],
    exit: s.exc,
    pc,
    mem,
  };
}
