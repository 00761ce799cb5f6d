// A small driver for instruction tests: places A64 words in guest memory, sets up
// registers, runs until the trailing SVC, and reads the state back as BigInts.
import { AddressSpace } from '../../src/memory/address-space.js';
import { CpuState, Exit } from '../../src/translate/cpu-state.js';
import type { TargetOps } from '../../src/translate/target.js';
import { Translator } from '../../src/translate/translator.js';
import { nzcvOf } from '../../src/targets/aarch64/flags.js';
import { SLOT_FLAG_AH, SLOT_FLAG_AL, SLOT_FLAG_BH, SLOT_FLAG_BL, SLOT_FLAG_OP, SLOT_FPCR, SLOT_FPSR, SLOT_SP } from '../../src/targets/aarch64/state.js';
import { aarch64Target } from '../../src/targets/aarch64/target.js';

export const CODE = 0x400000;
/** A read/write data page for load/store tests; SP starts at its end. */
export const DATA = 0x500000;
export const DATA_SIZE = 0x10000;
const SVC0 = 0xd4000001;

export interface A64Init {
  x?: Record<number, bigint>;
  sp?: bigint;
  /** Vn as a 128-bit value. */
  v?: Record<number, bigint>;
  nzcv?: number;
  fpcr?: number;
  data?: Uint8Array;
  /** The CPU model's target (default: max). */
  target?: TargetOps;
}

export interface A64Result {
  x: bigint[];
  sp: bigint;
  v: bigint[];
  nzcv: number;
  fpsr: number;
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

/** Runs `words` followed by SVC #0 and returns the final state. */
export function runA64(words: readonly number[], init: A64Init = {}): A64Result {
  const mem = new AddressSpace();
  mem.map(CODE, 0x1000, 5);
  mem.map(DATA, DATA_SIZE, 3);
  const code = new Uint8Array(4 * (words.length + 1));
  const dv = new DataView(code.buffer);
  words.forEach((w, i) => dv.setUint32(4 * i, w >>> 0, true));
  dv.setUint32(4 * words.length, SVC0, true);
  mem.poke(CODE, code);
  if (init.data) mem.poke(DATA, init.data);
  const s = new CpuState(aarch64Target.slotCount, aarch64Target.vectorBytes);
  for (const [n, v] of Object.entries(init.x ?? {})) setPair(s.r, 2 * Number(n), v);
  setPair(s.r, SLOT_SP, init.sp ?? BigInt(DATA + DATA_SIZE));
  for (const [n, v] of Object.entries(init.v ?? {})) {
    s.vview.setBigUint64(16 * Number(n), v & M64, true);
    s.vview.setBigUint64(16 * Number(n) + 8, (v >> 64n) & M64, true);
  }
  s.r[SLOT_FLAG_OP] = 0;
  s.r[SLOT_FLAG_AL] = (init.nzcv ?? 0) << 28;
  s.r[SLOT_FPCR] = init.fpcr ?? 0;
  const t = new Translator(init.target ?? aarch64Target, mem);
  const pc = t.run(s, CODE);
  const r = s.r;
  return {
    x: Array.from({ length: 31 }, (_, n) => getPair(r, 2 * n)),
    sp: getPair(r, SLOT_SP),
    v: Array.from({ length: 32 }, (_, n) => s.vview.getBigUint64(16 * n, true) | (s.vview.getBigUint64(16 * n + 8, true) << 64n)),
    nzcv: nzcvOf(r[SLOT_FLAG_OP], r[SLOT_FLAG_AL], r[SLOT_FLAG_AH], r[SLOT_FLAG_BL], r[SLOT_FLAG_BH]),
    fpsr: r[SLOT_FPSR],
    exit: s.exc,
    pc,
    mem,
  };
}
