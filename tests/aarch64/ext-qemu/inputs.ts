// Operands of the extension vectors (ext-qemu): the SIMD operand sets of
// ../simd-qemu/inputs.ts for V0..V7 and X0..X7, plus NZCV and a 256-byte memory block
// that X9 points into the middle of. The block often holds copies of X0..X3 (at X9 and
// X9 + 16), so compare-and-swap comparisons succeed as often as they fail.
import { simdInput } from '../simd-qemu/inputs.js';

export interface ExtInput {
  readonly v: readonly bigint[];
  readonly x: readonly bigint[];
  /** NZCV in bits 31..28. */
  readonly nzcv: number;
  readonly mem: Uint8Array;
}

/** Bytes of the memory block; X9 = its start + MEM_BASE_OFFSET. */
export const MEM_SIZE = 256;
export const MEM_BASE_OFFSET = 128;

export function extInput(seed: number): ExtInput {
  const { v, x } = simdInput(seed);
  let s = (seed * 2246822519 + 374761393) >>> 0 || 1;
  const next = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
  const mem = new Uint8Array(MEM_SIZE);
  for (let i = 0; i < MEM_SIZE; i++) mem[i] = next() & 255;
  const dv = new DataView(mem.buffer);
  const put = (off: number, q: bigint): void => dv.setBigUint64(MEM_BASE_OFFSET + off, q, true);
  const k = seed % 4;
  if (k === 0) {
    put(0, x[0]);
    put(8, x[1]);
  } else if (k === 1) {
    // low halves only: W-sized comparisons succeed, X-sized ones fail
    put(0, (next() === 0 ? 0n : BigInt(next()) << 32n) | (x[0] & 0xffffffffn));
    put(8, (BigInt(next()) << 32n) | (x[1] & 0xffffffffn));
  } else if (k === 2) {
    put(0, x[2]);
    put(8, x[3]);
  }
  // byte/halfword comparisons of X2 against memory: often equal in the low byte
  if (seed % 3 === 0) mem[MEM_BASE_OFFSET] = Number(x[2] & 255n);
  return { v, x, nzcv: (next() & 15) << 28, mem };
}
