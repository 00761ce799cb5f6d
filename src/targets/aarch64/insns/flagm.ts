// Flag manipulation: FlagM (CFINV, RMIF, SETF8, SETF16) and FlagM2 (AXFLAG, XAFLAG).
// Each reads NZCV as a 4-bit value (N=8, Z=4, C=2, V=1) from the lazy flags into a temp
// (setNzcv overwrites the recorded flag op first) and sets the result as a materialized NZCV.
import type { Emitter } from '../../../translate/emitter.js';
import type { Fields } from '../../common/decode-pattern.js';
import { nzcv, setNzcv } from '../flags.js';
import { defineInsns } from '../insn-def.js';
import { hi, lo, wName, xName } from '../regs.js';

/** Bits [s+3:s] of Xn rotated right by s (0..63), as a 4-bit expression. */
function rotatedNibble(e: Emitter, n: number, s: number): string {
  const l = lo(e, n), h = hi(e, n);
  if (s === 0) return `(${l} & 15)`;
  if (s === 32) return `(${h} & 15)`;
  if (s < 32) return `(((${l} >>> ${s}) | (${h} << ${32 - s})) & 15)`;
  return `(((${h} >>> ${s - 32}) | (${l} << ${64 - s})) & 15)`;
}

/** XAFLAG: the Arm flag format from the "external" one of AXFLAG. */
function xaflag(e: Emitter): string {
  const t = e.tmp();
  // n = !C & !Z, z = Z & C, c = C | Z, v = !C & Z
  return `${t} = ${nzcv(e)}; ${t} = ((${t} >> 2) & 1) << 4 | ((${t} >> 1) & 1);
${setNzcv(e, `(${t} === 0 ? 8 : 0) | (${t} === 17 ? 4 : 0) | (${t} !== 0 ? 2 : 0) | (${t} === 16 ? 1 : 0)`)}`;
}

/** AXFLAG: Z |= V, C &= !V, N = V = 0. */
function axflag(e: Emitter): string {
  const t = e.tmp();
  return `${t} = ${nzcv(e)}; ${setNzcv(e, `(${t} & 1 ? 4 : ${t} & 6)`)}`;
}

/** SETF8/SETF16: N and Z from the low 8/16 bits of Wn, V = bit 8/16 ^ bit 7/15; C kept. */
function setf(e: Emitter, f: Fields): string {
  const b = f.sz ? 16 : 8;
  const w = lo(e, f.rn);
  const t = e.tmp(), c = e.tmp();
  return `${t} = ${w}; ${c} = ${nzcv(e)} & 2; ${setNzcv(e, `((${t} >>> ${b - 1}) & 1) << 3 | ((${t} & ${2 ** b - 1}) === 0 ? 4 : 0) | ${c} | (((${t} >>> ${b}) ^ (${t} >>> ${b - 1})) & 1)`)}`;
}

export const insns = defineInsns([
  {
    name: 'CFINV', pattern: '1101010100 0 00 000 0100 0000 000 11111', feature: 'flagm',
    emit: (_f, e) => {
      const t = e.tmp();
      return `${t} = ${nzcv(e)} ^ 2; ${setNzcv(e, t)}`;
    },
    asm: () => 'cfinv',
  },
  {
    name: 'XAFLAG', pattern: '1101010100 0 00 000 0100 0000 001 11111', feature: 'flagm2',
    emit: (_f, e) => xaflag(e),
    asm: () => 'xaflag',
  },
  {
    name: 'AXFLAG', pattern: '1101010100 0 00 000 0100 0000 010 11111', feature: 'flagm2',
    emit: (_f, e) => axflag(e),
    asm: () => 'axflag',
  },
  {
    name: 'RMIF', pattern: '1 0 1 11010000 imm6:6 00001 rn:5 0 mask:4', feature: 'flagm',
    emit: (f, e) => {
      const t = e.tmp();
      return `${t} = (${nzcv(e)} & ${~f.mask & 15}) | (${rotatedNibble(e, f.rn, f.imm6)} & ${f.mask}); ${setNzcv(e, t)}`;
    },
    asm: (f) => `rmif ${xName(f.rn)}, #${f.imm6}, #${f.mask}`,
  },
  {
    name: 'SETF', pattern: '0 0 1 11010000 000000 sz:1 0010 rn:5 0 1101', feature: 'flagm',
    emit: (f, e) => setf(e, f),
    asm: (f) => `setf${f.sz ? 16 : 8} ${wName(f.rn)}`,
  },
]);

export const runtime = {};
