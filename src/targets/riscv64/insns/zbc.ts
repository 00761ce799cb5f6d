// Zbc: carry-less multiplication (clmul, clmulh, clmulr).
import type { Emitter } from '../../../translate/emitter.js';
import { hi as hiOut } from '../../../translate/int64.js';
import type { Fields } from '../../common/decode-pattern.js';
import { defineInsns } from '../insn-def.js';
import { hi, lo, setX } from '../regs.js';
import { rrr } from './common.js';

const call = (fn: string) => (f: Fields, e: Emitter): string => {
  if (f.rd === 0) return '';
  const t = e.tmp();
  return `${t} = H.${fn}(${lo(e, f.rs1)}, ${hi(e, f.rs1)}, ${lo(e, f.rs2)}, ${hi(e, f.rs2)}); ${setX(e, f.rd, t, 'H.hi[0]')}`;
};

export const insns = defineInsns([
  { name: 'CLMUL', pattern: '0000101 rs2:5 rs1:5 001 rd:5 0110011', emit: call('rvClmul'), asm: (f) => rrr('clmul', f) },
  { name: 'CLMULR', pattern: '0000101 rs2:5 rs1:5 010 rd:5 0110011', emit: call('rvClmulr'), asm: (f) => rrr('clmulr', f) },
  { name: 'CLMULH', pattern: '0000101 rs2:5 rs1:5 011 rd:5 0110011', emit: call('rvClmulh'), asm: (f) => rrr('clmulh', f) },
]);

/** The 128-bit carry-less product of two 64-bit values as four 32-bit words, low first. */
function clmul128(al: number, ah: number, bl: number, bh: number): [number, number, number, number] {
  const w = [0, 0, 0, 0];
  const a = [al, ah], b = [bl, bh];
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 2; j++) {
      // 32x32 carry-less product into words i+j and i+j+1
      const x = a[i], y = b[j];
      let l = 0, h = 0;
      for (let k = 0; k < 32; k++) {
        if ((y >>> k) & 1) {
          l ^= x << k;
          h ^= k === 0 ? 0 : x >>> (32 - k);
        }
      }
      w[i + j] ^= l;
      w[i + j + 1] ^= h;
    }
  }
  return [w[0] | 0, w[1] | 0, w[2] | 0, w[3] | 0];
}

export function rvClmul(al: number, ah: number, bl: number, bh: number): number {
  const w = clmul128(al, ah, bl, bh);
  hiOut[0] = w[1];
  return w[0];
}

export function rvClmulh(al: number, ah: number, bl: number, bh: number): number {
  const w = clmul128(al, ah, bl, bh);
  hiOut[0] = w[3];
  return w[2];
}

/** Bits 126..63 of the product. */
export function rvClmulr(al: number, ah: number, bl: number, bh: number): number {
  const w = clmul128(al, ah, bl, bh);
  hiOut[0] = (w[2] >>> 31) | (w[3] << 1);
  return (w[1] >>> 31) | (w[2] << 1);
}

export const runtime = { rvClmul, rvClmulh, rvClmulr };
