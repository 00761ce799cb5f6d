// Zbb: basic bit manipulation (logic with negation, counts, min/max, extensions,
// rotates, orc.b, rev8).
import type { Emitter } from '../../../translate/emitter.js';
import type { Fields } from '../../common/decode-pattern.js';
import { lt64, ltu64, reg, ror64c, type Pair } from '../alu.js';
import { defineInsns } from '../insn-def.js';
import { lo, setW, setX } from '../regs.js';
import { rr, rri, rrr, shamtText } from './common.js';

const bswap = (x: string): string => `((${x} << 24) | ((${x} & 65280) << 8) | ((${x} >>> 8) & 65280) | (${x} >>> 24))`;

const binary = (l: (a: string, b: string) => string) => (f: Fields, e: Emitter): string => {
  const a = reg(e, f.rs1), b = reg(e, f.rs2);
  return setX(e, f.rd, l(a.lo, b.lo), l(a.hi, b.hi));
};

const unary64 = (expr: (x: Pair) => [string, string]) => (f: Fields, e: Emitter): string => {
  const [l, h] = expr(reg(e, f.rs1));
  return setX(e, f.rd, l, h);
};

const minMax = (cond: (a: Pair, b: Pair) => string, pickA: boolean) => (f: Fields, e: Emitter): string => {
  const a = reg(e, f.rs1), b = reg(e, f.rs2);
  const c = e.tmp();
  const [x, y] = pickA ? [a, b] : [b, a];
  return `${c} = ${cond(a, b)}; ${setX(e, f.rd, `(${c} ? ${x.lo} : ${y.lo})`, `(${c} ? ${x.hi} : ${y.hi})`)}`;
};

/** Rotate right by the low 6 bits of `m` (a simple expression). */
function rotateRight(e: Emitter, f: Fields, m: string): string {
  const x = reg(e, f.rs1);
  const a = e.tmp(), b = e.tmp();
  const swap = `${a} = ${m} & 32 ? ${x.hi} : ${x.lo}; ${b} = ${m} & 32 ? ${x.lo} : ${x.hi};`;
  return `${swap} ${setX(e, f.rd, `(${a} >>> ${m}) | ((${b} << 1) << ~${m})`, `(${b} >>> ${m}) | ((${a} << 1) << ~${m})`)}`;
}

export const insns = defineInsns([
  { name: 'ANDN', pattern: '0100000 rs2:5 rs1:5 111 rd:5 0110011', emit: binary((a, b) => `(${a} & ~${b})`), asm: (f) => rrr('andn', f) },
  { name: 'ORN', pattern: '0100000 rs2:5 rs1:5 110 rd:5 0110011', emit: binary((a, b) => `(${a} | ~${b})`), asm: (f) => rrr('orn', f) },
  { name: 'XNOR', pattern: '0100000 rs2:5 rs1:5 100 rd:5 0110011', emit: binary((a, b) => `~(${a} ^ ${b})`), asm: (f) => rrr('xnor', f) },
  {
    name: 'CLZ', pattern: '0110000 00000 rs1:5 001 rd:5 0010011',
    emit: unary64((x) => [`(${x.hi} !== 0 ? Math.clz32(${x.hi}) : 32 + Math.clz32(${x.lo}))`, '0']),
    asm: (f) => rr('clz', f),
  },
  {
    name: 'CTZ', pattern: '0110000 00001 rs1:5 001 rd:5 0010011',
    emit: unary64((x) => [`(${x.lo} !== 0 ? H.rvCtz32(${x.lo}) : 32 + H.rvCtz32(${x.hi}))`, '0']),
    asm: (f) => rr('ctz', f),
  },
  {
    name: 'CPOP', pattern: '0110000 00010 rs1:5 001 rd:5 0010011',
    emit: unary64((x) => [`(H.rvPop32(${x.lo}) + H.rvPop32(${x.hi}))`, '0']),
    asm: (f) => rr('cpop', f),
  },
  { name: 'CLZW', pattern: '0110000 00000 rs1:5 001 rd:5 0011011', emit: (f, e) => setX(e, f.rd, `Math.clz32(${lo(e, f.rs1)})`, '0'), asm: (f) => rr('clzw', f) },
  { name: 'CTZW', pattern: '0110000 00001 rs1:5 001 rd:5 0011011', emit: (f, e) => setX(e, f.rd, `H.rvCtz32(${lo(e, f.rs1)})`, '0'), asm: (f) => rr('ctzw', f) },
  { name: 'CPOPW', pattern: '0110000 00010 rs1:5 001 rd:5 0011011', emit: (f, e) => setX(e, f.rd, `H.rvPop32(${lo(e, f.rs1)})`, '0'), asm: (f) => rr('cpopw', f) },
  { name: 'MAX', pattern: '0000101 rs2:5 rs1:5 110 rd:5 0110011', emit: minMax(lt64, false), asm: (f) => rrr('max', f) },
  { name: 'MAXU', pattern: '0000101 rs2:5 rs1:5 111 rd:5 0110011', emit: minMax(ltu64, false), asm: (f) => rrr('maxu', f) },
  { name: 'MIN', pattern: '0000101 rs2:5 rs1:5 100 rd:5 0110011', emit: minMax(lt64, true), asm: (f) => rrr('min', f) },
  { name: 'MINU', pattern: '0000101 rs2:5 rs1:5 101 rd:5 0110011', emit: minMax(ltu64, true), asm: (f) => rrr('minu', f) },
  { name: 'SEXT_B', pattern: '0110000 00100 rs1:5 001 rd:5 0010011', emit: (f, e) => setW(e, f.rd, `(${lo(e, f.rs1)} << 24 >> 24)`), asm: (f) => rr('sext.b', f) },
  { name: 'SEXT_H', pattern: '0110000 00101 rs1:5 001 rd:5 0010011', emit: (f, e) => setW(e, f.rd, `(${lo(e, f.rs1)} << 16 >> 16)`), asm: (f) => rr('sext.h', f) },
  { name: 'ZEXT_H', pattern: '0000100 00000 rs1:5 100 rd:5 0111011', emit: (f, e) => setX(e, f.rd, `(${lo(e, f.rs1)} & 65535)`, '0'), asm: (f) => rr('zext.h', f) },
  {
    name: 'ROL', pattern: '0110000 rs2:5 rs1:5 001 rd:5 0110011',
    emit: (f, e) => {
      const m = e.tmp();
      return `${m} = -${lo(e, f.rs2)}; ${rotateRight(e, f, m)}`;
    },
    asm: (f) => rrr('rol', f),
  },
  { name: 'ROR', pattern: '0110000 rs2:5 rs1:5 101 rd:5 0110011', emit: (f, e) => rotateRight(e, f, lo(e, f.rs2)), asm: (f) => rrr('ror', f) },
  {
    name: 'ROLW', pattern: '0110000 rs2:5 rs1:5 001 rd:5 0111011',
    emit: (f, e) => setW(e, f.rd, `((${lo(e, f.rs1)} << ${lo(e, f.rs2)}) | (${lo(e, f.rs1)} >>> -${lo(e, f.rs2)}))`),
    asm: (f) => rrr('rolw', f),
  },
  {
    name: 'RORW', pattern: '0110000 rs2:5 rs1:5 101 rd:5 0111011',
    emit: (f, e) => setW(e, f.rd, `((${lo(e, f.rs1)} >>> ${lo(e, f.rs2)}) | (${lo(e, f.rs1)} << -${lo(e, f.rs2)}))`),
    asm: (f) => rrr('rorw', f),
  },
  {
    name: 'RORI', pattern: '011000 shamt:6 rs1:5 101 rd:5 0010011',
    emit: (f, e) => {
      const r = ror64c(reg(e, f.rs1), f.shamt);
      return setX(e, f.rd, r.lo, r.hi);
    },
    asm: (f) => rri('rori', f, shamtText(f.shamt)),
  },
  {
    name: 'RORIW', pattern: '0110000 shamt:5 rs1:5 101 rd:5 0011011',
    emit: (f, e) => {
      const x = lo(e, f.rs1);
      return setW(e, f.rd, f.shamt === 0 ? x : `((${x} >>> ${f.shamt}) | (${x} << ${32 - f.shamt}))`);
    },
    asm: (f) => rri('roriw', f, shamtText(f.shamt)),
  },
  {
    name: 'ORC_B', pattern: '001010000111 rs1:5 101 rd:5 0010011',
    emit: unary64((x) => [`H.rvOrcB(${x.lo})`, `H.rvOrcB(${x.hi})`]),
    asm: (f) => rr('orc.b', f),
  },
  {
    name: 'REV8', pattern: '011010111000 rs1:5 101 rd:5 0010011',
    emit: unary64((x) => [bswap(x.hi), bswap(x.lo)]),
    asm: (f) => rr('rev8', f),
  },
]);

/** Trailing zeros of a 32-bit word (32 for 0). */
export function rvCtz32(x: number): number {
  return x === 0 ? 32 : 31 - Math.clz32(x & -x);
}

/** Set bits of a 32-bit word. */
export function rvPop32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Each byte of a 32-bit word: 0xff if non-zero, else 0. */
export function rvOrcB(x: number): number {
  let r = 0;
  for (let i = 0; i < 32; i += 8) if ((x >>> i) & 0xff) r |= 0xff << i;
  return r;
}

export const runtime = { rvCtz32, rvPop32, rvOrcB };
