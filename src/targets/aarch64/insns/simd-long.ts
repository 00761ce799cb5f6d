// Advanced SIMD forms whose lanes change width: three-different (long, wide and
// narrow-high), shifts by an immediate (including the narrowing and widening ones),
// pairwise long adds, saturating narrows, SHLL and the long by-element multiplies.
import type { Fields } from '../../common/decode-pattern.js';
import type { InsnDef } from '../insn-def.js';
import { defineInsns } from '../insn-def.js';
import {
  Code, type Pair, add64, bits, elem, emitWith, fromNum, laneCount, laneMask, lit, shl64c, shr64c, splat, sr,
  sub64, vr, widen32,
} from './simd-common.js';
import { type IntOp, type Src, elementwise, i64, indexed, laneOf, satLane } from './simd-int.js';

/** Signed or unsigned 32x32 -> 64-bit product of two lane values. */
function mulPair(c: Code, a: string, b: string, signed: boolean): Pair {
  const lo = c.let(`Math.imul(${a}, ${b})`);
  const hi = signed ? `(H.mulhu32(${a}, ${b}) - (${a} < 0 ? ${b} : 0) - (${b} < 0 ? ${a} : 0)) | 0` : `H.mulhu32(${a}, ${b})`;
  return { lo, hi: c.let(hi) };
}

/** Writes wide lanes (numbers for up to 32 bits, pairs for 64). */
function writeWide(c: Code, d: number, ws: number, vals: readonly (string | Pair)[]): void {
  if (ws === 3) c.writePairs(d, vals as Pair[]);
  else c.writeLanes(d, ws, vals as string[]);
}

/** Writes narrow lanes to the low half (zeroing the high half) or, for the "2" forms, the high half. */
function writeNarrow(c: Code, d: number, sz: number, upper: boolean, vals: readonly string[]): void {
  if (upper) c.writeHigh(d, sz, vals);
  else c.writeLanes(d, sz, vals);
}

// ---- long, wide and by-element long ----

type LongKind = 'add' | 'sub' | 'abd' | 'mul' | 'pmul' | 'sqdmul';

interface LongOp {
  readonly kind: LongKind;
  readonly signed: boolean;
  /** The first operand is already wide (the ...W forms). */
  readonly wideN?: boolean;
  /** Accumulates into Vd (+1) or subtracts from it (-1). */
  readonly acc?: 1 | -1;
}

/** Wide lanes of a long op: lanes `i + off` of the narrow sources (off selects the "2" half). */
function long(c: Code, op: LongOp, sz: number, count: number, off: number, d: number, n: number, m: Src): void {
  const ws = sz + 1;
  const vals: (string | Pair)[] = [];
  for (let i = 0; i < count; i++) {
    const b = laneOf(c, m, sz, i + off, op.signed);
    if (ws === 3) {
      vals.push(long64(c, op, d, n, b, i, off));
      continue;
    }
    const a = op.wideN ? c.lane(n, ws, i, op.signed) : c.lane(n, sz, i + off, op.signed);
    let v: string;
    switch (op.kind) {
      case 'add': v = `${a} + ${b}`; break;
      case 'sub': v = `${a} - ${b}`; break;
      case 'abd': v = `Math.abs(${a} - ${b})`; break;
      case 'mul': v = `${a} * ${b}`; break;
      case 'pmul': v = `H.simdPmull8(${a}, ${b})`; break;
      case 'sqdmul': v = satLane(c, ws, true, `2 * ${a} * ${b}`); break;
    }
    if (op.acc) {
      const dv = c.lane(d, ws, i, op.signed);
      const sum = `${dv} ${op.acc > 0 ? '+' : '-'} ${v}`;
      v = op.kind === 'sqdmul' ? satLane(c, ws, true, sum) : sum;
    }
    vals.push(v);
  }
  writeWide(c, d, ws, vals);
}

/** One 64-bit lane of a long op on 32-bit sources. */
function long64(c: Code, op: LongOp, d: number, n: number, b: string, i: number, off: number): Pair {
  if (op.kind === 'sqdmul') {
    const a = c.lane(n, 2, i + off, true);
    const acc = op.acc ? c.pair(d, i) : { lo: '0', hi: '0' };
    c.takeHelperQc();
    const lo = c.let(`H.simdI64(${op.acc ? (op.acc > 0 ? 26 : 27) : 25}, ${acc.lo}, ${acc.hi}, ${a}, ${b})`);
    return { lo, hi: c.let('H.hi[0]') };
  }
  let v: Pair;
  if (op.wideN) {
    const w = c.pair(n, i);
    v = op.kind === 'add' ? add64(c, w, widen32(c, b, op.signed)) : sub64(c, w, widen32(c, b, op.signed));
  } else {
    const a = c.lane(n, 2, i + off, op.signed);
    v = op.kind === 'mul' ? mulPair(c, a, b, op.signed)
      : fromNum(c, op.kind === 'add' ? `${a} + ${b}` : op.kind === 'sub' ? `${a} - ${b}` : `Math.abs(${a} - ${b})`);
  }
  if (!op.acc) return v;
  return op.acc > 0 ? add64(c, c.pair(d, i), v) : sub64(c, c.pair(d, i), v);
}

/** ADDHN/SUBHN/RADDHN/RSUBHN: the high halves of wide sums or differences. */
function narrowHigh(c: Code, f: Fields, sub: boolean, round: boolean): void {
  const sz = f.sz, ws = sz + 1, count = 8 >> sz;
  const vals: string[] = [];
  for (let i = 0; i < count; i++) {
    if (ws === 3) {
      const a = c.pair(f.rn, i), b = c.pair(f.rm, i);
      let s = sub ? sub64(c, a, b) : add64(c, a, b);
      if (round) s = add64(c, s, { lo: String(0x80000000 | 0), hi: '0' });
      vals.push(s.hi);
      continue;
    }
    const a = c.lane(f.rn, ws, i, false), b = c.lane(f.rm, ws, i, false);
    vals.push(`Math.floor((${a} ${sub ? '-' : '+'} ${b}${round ? ` + ${2 ** (bits(sz) - 1)}` : ''}) / ${2 ** bits(sz)})`);
  }
  writeNarrow(c, f.rd, sz, f.q === 1, vals);
}

const LONG: [string, number, number, LongOp][] = [
  ['saddl', 0, 0b0000, { kind: 'add', signed: true }],
  ['uaddl', 1, 0b0000, { kind: 'add', signed: false }],
  ['saddw', 0, 0b0001, { kind: 'add', signed: true, wideN: true }],
  ['uaddw', 1, 0b0001, { kind: 'add', signed: false, wideN: true }],
  ['ssubl', 0, 0b0010, { kind: 'sub', signed: true }],
  ['usubl', 1, 0b0010, { kind: 'sub', signed: false }],
  ['ssubw', 0, 0b0011, { kind: 'sub', signed: true, wideN: true }],
  ['usubw', 1, 0b0011, { kind: 'sub', signed: false, wideN: true }],
  ['sabal', 0, 0b0101, { kind: 'abd', signed: true, acc: 1 }],
  ['uabal', 1, 0b0101, { kind: 'abd', signed: false, acc: 1 }],
  ['sabdl', 0, 0b0111, { kind: 'abd', signed: true }],
  ['uabdl', 1, 0b0111, { kind: 'abd', signed: false }],
  ['smlal', 0, 0b1000, { kind: 'mul', signed: true, acc: 1 }],
  ['umlal', 1, 0b1000, { kind: 'mul', signed: false, acc: 1 }],
  ['sqdmlal', 0, 0b1001, { kind: 'sqdmul', signed: true, acc: 1 }],
  ['smlsl', 0, 0b1010, { kind: 'mul', signed: true, acc: -1 }],
  ['umlsl', 1, 0b1010, { kind: 'mul', signed: false, acc: -1 }],
  ['sqdmlsl', 0, 0b1011, { kind: 'sqdmul', signed: true, acc: -1 }],
  ['smull', 0, 0b1100, { kind: 'mul', signed: true }],
  ['umull', 1, 0b1100, { kind: 'mul', signed: false }],
  ['sqdmull', 0, 0b1101, { kind: 'sqdmul', signed: true }],
];

const longSizeOk = (op: LongOp, sz: number): boolean => (op.kind === 'sqdmul' ? sz === 1 || sz === 2 : sz < 3);

const longDefs = LONG.map(([mn, u, opc, op]): InsnDef => ({
  name: mn.toUpperCase(), pattern: `0 q:1 ${u} 01110 sz:2 1 rm:5 ${lit(opc, 4)} 00 rn:5 rd:5`,
  when: (f) => longSizeOk(op, f.sz),
  emit: (f, e) => emitWith(e, (c) => long(c, op, f.sz, 8 >> f.sz, f.q ? 8 >> f.sz : 0, f.rd, f.rn, f.rm)),
  asm: (f) => `${mn}${f.q ? '2' : ''} ${vr(f.rd, 1, f.sz + 1)}, ${op.wideN ? vr(f.rn, 1, f.sz + 1) : vr(f.rn, f.q, f.sz)}, ${vr(f.rm, f.q, f.sz)}`,
}));

/** Scalar SQDMULL/SQDMLAL/SQDMLSL (register and by element). */
const scalarLong = LONG.filter(([, , , op]) => op.kind === 'sqdmul').flatMap(([mn, u, opc, op]): InsnDef[] => [
  {
    name: `${mn.toUpperCase()}_s`, pattern: `01 ${u} 11110 sz:2 1 rm:5 ${lit(opc, 4)} 00 rn:5 rd:5`,
    when: (f) => f.sz === 1 || f.sz === 2,
    emit: (f, e) => emitWith(e, (c) => long(c, op, f.sz, 1, 0, f.rd, f.rn, f.rm)),
    asm: (f) => `${mn} ${sr(f.rd, f.sz + 1)}, ${sr(f.rn, f.sz)}, ${sr(f.rm, f.sz)}`,
  },
]);

const PMULL: InsnDef[] = [
  {
    name: 'PMULL', pattern: '0 q:1 0 01110 00 1 rm:5 1110 00 rn:5 rd:5',
    emit: (f, e) => emitWith(e, (c) => long(c, { kind: 'pmul', signed: false }, 0, 8, f.q ? 8 : 0, f.rd, f.rn, f.rm)),
    asm: (f) => `pmull${f.q ? '2' : ''} ${vr(f.rd, 1, 1)}, ${vr(f.rn, f.q, 0)}, ${vr(f.rm, f.q, 0)}`,
  },
  {
    // The 64 x 64 -> 128-bit form belongs to the crypto extension (FEAT_PMULL).
    name: 'PMULL_1Q', pattern: '0 q:1 0 01110 11 1 rm:5 1110 00 rn:5 rd:5', feature: 'pmull',
    emit: (f) => `H.simdPmull64(S.v32, ${f.rd}, ${f.rn}, ${f.rm}, ${f.q});`,
    asm: (f) => `pmull${f.q ? '2' : ''} v${f.rd}.1q, ${vr(f.rn, f.q, 3)}, ${vr(f.rm, f.q, 3)}`,
  },
];

const HIGH_NARROW: [string, number, number, boolean, boolean][] = [
  ['addhn', 0, 0b0100, false, false],
  ['raddhn', 1, 0b0100, false, true],
  ['subhn', 0, 0b0110, true, false],
  ['rsubhn', 1, 0b0110, true, true],
];

const highNarrowDefs = HIGH_NARROW.map(([mn, u, opc, sub, round]): InsnDef => ({
  name: mn.toUpperCase(), pattern: `0 q:1 ${u} 01110 sz:2 1 rm:5 ${lit(opc, 4)} 00 rn:5 rd:5`,
  when: (f) => f.sz < 3,
  emit: (f, e) => emitWith(e, (c) => narrowHigh(c, f, sub, round)),
  asm: (f) => `${mn}${f.q ? '2' : ''} ${vr(f.rd, f.q, f.sz)}, ${vr(f.rn, 1, f.sz + 1)}, ${vr(f.rm, 1, f.sz + 1)}`,
}));

/** Long multiplies by element: [name, U, opcode, op]. */
const LONG_ELEM: [string, number, number, LongOp][] = [
  ['smlal', 0, 0b0010, { kind: 'mul', signed: true, acc: 1 }],
  ['umlal', 1, 0b0010, { kind: 'mul', signed: false, acc: 1 }],
  ['sqdmlal', 0, 0b0011, { kind: 'sqdmul', signed: true, acc: 1 }],
  ['smlsl', 0, 0b0110, { kind: 'mul', signed: true, acc: -1 }],
  ['umlsl', 1, 0b0110, { kind: 'mul', signed: false, acc: -1 }],
  ['sqdmlsl', 0, 0b0111, { kind: 'sqdmul', signed: true, acc: -1 }],
  ['smull', 0, 0b1010, { kind: 'mul', signed: true }],
  ['umull', 1, 0b1010, { kind: 'mul', signed: false }],
  ['sqdmull', 0, 0b1011, { kind: 'sqdmul', signed: true }],
];

const longElemDefs = LONG_ELEM.flatMap(([mn, u, opc, op]): InsnDef[] => {
  const defs: InsnDef[] = [{
    name: `${mn.toUpperCase()}_elem`, pattern: `0 q:1 ${u} 01111 sz:2 l:1 mm:1 rm:4 ${lit(opc, 4)} h:1 0 rn:5 rd:5`,
    when: (f) => f.sz === 1 || f.sz === 2,
    emit: (f, e) => emitWith(e, (c) => long(c, op, f.sz, 8 >> f.sz, f.q ? 8 >> f.sz : 0, f.rd, f.rn, indexed(f, f.sz))),
    asm: (f) => {
      const m = indexed(f, f.sz);
      return `${mn}${f.q ? '2' : ''} ${vr(f.rd, 1, f.sz + 1)}, ${vr(f.rn, f.q, f.sz)}, ${elem(m.reg, f.sz, m.index)}`;
    },
  }];
  if (op.kind === 'sqdmul') {
    defs.push({
      name: `${mn.toUpperCase()}_s_elem`, pattern: `01 ${u} 11111 sz:2 l:1 mm:1 rm:4 ${lit(opc, 4)} h:1 0 rn:5 rd:5`,
      when: (f) => f.sz === 1 || f.sz === 2,
      emit: (f, e) => emitWith(e, (c) => long(c, op, f.sz, 1, 0, f.rd, f.rn, indexed(f, f.sz))),
      asm: (f) => {
        const m = indexed(f, f.sz);
        return `${mn} ${sr(f.rd, f.sz + 1)}, ${sr(f.rn, f.sz)}, ${elem(m.reg, f.sz, m.index)}`;
      },
    });
  }
  return defs;
});

// ---- pairwise long, SHLL, saturating narrow ----

function pairwiseLong(c: Code, f: Fields, signed: boolean, acc: boolean): void {
  const sz = f.sz, ws = sz + 1, count = laneCount(f.q, ws);
  const vals: (string | Pair)[] = [];
  for (let i = 0; i < count; i++) {
    const a = c.lane(f.rn, sz, 2 * i, signed), b = c.lane(f.rn, sz, 2 * i + 1, signed);
    if (ws === 3) {
      const s = fromNum(c, `${a} + ${b}`);
      vals.push(acc ? add64(c, c.pair(f.rd, i), s) : s);
    } else {
      vals.push(acc ? `${c.lane(f.rd, ws, i, false)} + ${a} + ${b}` : `${a} + ${b}`);
    }
  }
  writeWide(c, f.rd, ws, vals);
}

/** Wide lanes `a << sh` from narrow lanes i + off. */
function widenShift(c: Code, d: number, n: number, sz: number, off: number, sh: number, signed: boolean): void {
  const vals: (string | Pair)[] = [];
  for (let i = 0; i < 8 >> sz; i++) {
    const a = c.lane(n, sz, i + off, signed);
    vals.push(sz === 2 ? shl64c(c, widen32(c, a, signed), sh) : sh ? `${a} << ${sh}` : a);
  }
  writeWide(c, d, sz + 1, vals);
}

type NarrowSat = { inSigned: boolean; outSigned: boolean };

/** Saturating narrow of wide lanes shifted right by `sh` (0 for SQXTN and friends). */
function narrowSat(c: Code, d: number, n: number, sz: number, count: number, upper: boolean, sh: number, round: boolean,
  s: NarrowSat): void {
  const vals: string[] = [];
  for (let i = 0; i < count; i++) {
    if (sz === 2) {
      const a = c.pair(n, i);
      const id = !s.inSigned ? (round ? 22 : 20) : !s.outSigned ? (round ? 24 : 23) : round ? 21 : 19;
      c.takeHelperQc();
      vals.push(c.let(`H.simdI64(${id}, ${a.lo}, ${a.hi}, ${sh}, 0)`));
      continue;
    }
    const a = c.lane(n, sz + 1, i, s.inSigned);
    const v = sh ? `Math.floor((${a}${round ? ` + ${2 ** (sh - 1)}` : ''}) / ${2 ** sh})` : a;
    vals.push(satLane(c, sz, s.outSigned, v));
  }
  if (count === 1) c.writeLanes(d, sz, vals);
  else writeNarrow(c, d, sz, upper, vals);
}

const NARROW_SAT: [string, number, number, NarrowSat][] = [
  ['sqxtun', 1, 0b10010, { inSigned: true, outSigned: false }],
  ['sqxtn', 0, 0b10100, { inSigned: true, outSigned: true }],
  ['uqxtn', 1, 0b10100, { inSigned: false, outSigned: false }],
];

const narrowSatDefs = NARROW_SAT.flatMap(([mn, u, opc, s]): InsnDef[] => [
  {
    name: `${mn.toUpperCase()}_v`, pattern: `0 q:1 ${u} 01110 sz:2 10000 ${lit(opc, 5)} 10 rn:5 rd:5`,
    when: (f) => f.sz < 3,
    emit: (f, e) => emitWith(e, (c) => narrowSat(c, f.rd, f.rn, f.sz, 8 >> f.sz, f.q === 1, 0, false, s)),
    asm: (f) => `${mn}${f.q ? '2' : ''} ${vr(f.rd, f.q, f.sz)}, ${vr(f.rn, 1, f.sz + 1)}`,
  },
  {
    name: `${mn.toUpperCase()}_s`, pattern: `01 ${u} 11110 sz:2 10000 ${lit(opc, 5)} 10 rn:5 rd:5`,
    when: (f) => f.sz < 3,
    emit: (f, e) => emitWith(e, (c) => narrowSat(c, f.rd, f.rn, f.sz, 1, false, 0, false, s)),
    asm: (f) => `${mn} ${sr(f.rd, f.sz)}, ${sr(f.rn, f.sz + 1)}`,
  },
]);

const miscLongDefs: InsnDef[] = [
  ...([['saddlp', 0, 0b00010, true, false], ['uaddlp', 1, 0b00010, false, false],
    ['sadalp', 0, 0b00110, true, true], ['uadalp', 1, 0b00110, false, true]] as const).map(([mn, u, opc, signed, acc]): InsnDef => ({
    name: mn.toUpperCase(), pattern: `0 q:1 ${u} 01110 sz:2 10000 ${lit(opc, 5)} 10 rn:5 rd:5`,
    when: (f) => f.sz < 3,
    emit: (f, e) => emitWith(e, (c) => pairwiseLong(c, f, signed, acc)),
    asm: (f) => `${mn} ${vr(f.rd, f.q, f.sz + 1)}, ${vr(f.rn, f.q, f.sz)}`,
  })),
  {
    name: 'SHLL', pattern: '0 q:1 1 01110 sz:2 10000 10011 10 rn:5 rd:5',
    when: (f) => f.sz < 3,
    emit: (f, e) => emitWith(e, (c) => widenShift(c, f.rd, f.rn, f.sz, f.q ? 8 >> f.sz : 0, bits(f.sz), false)),
    asm: (f) => `shll${f.q ? '2' : ''} ${vr(f.rd, 1, f.sz + 1)}, ${vr(f.rn, f.q, f.sz)}, #${bits(f.sz)}`,
  },
];

// ---- shift by immediate ----

/** Lane size from immh (its highest set bit). */
const immhSize = (immh: number): number => 31 - Math.clz32(immh);
const rightShift = (f: Fields): number => 2 * bits(immhSize(f.immh)) - ((f.immh << 3) | f.immb);
const leftShift = (f: Fields): number => ((f.immh << 3) | f.immb) - bits(immhSize(f.immh));

/** Bit `k` of a pair as 0/1. */
const pairBit = (a: Pair, k: number): string => (k < 32 ? `(${a.lo} >>> ${k}) & 1` : `(${a.hi} >>> ${k - 32}) & 1`);

/** Right shifts: plain, rounding, accumulating; sources [n] or [n, d]. */
function shrOp(sh: number, signed: boolean, round: boolean, acc: boolean): IntOp {
  const shifted = (a: string, sz: number): string => {
    if (round) return `Math.floor((${a} + ${2 ** (sh - 1)}) / ${2 ** sh})`;
    if (signed) return `${a} >> ${Math.min(sh, 31)}`;
    return sz === 2 && sh === 32 ? '0' : `${a} >>> ${sh}`;
  };
  return {
    signed: acc ? [signed, false] : signed,
    lane: (c, [a, d], sz) => (acc ? `${d} + ${c.let(shifted(a, sz))}` : shifted(a, sz)),
    pair: (c, [a, d]) => {
      let r = shr64c(c, a, sh, signed);
      if (round) r = add64(c, r, { lo: c.let(pairBit(a, sh - 1)), hi: '0' });
      return acc ? add64(c, d, r) : r;
    },
    swar: (sz) => (!signed && !round && !acc && sz < 2
      ? (_c, [w]) => (sh >= bits(sz) ? '0' : `(${w} >>> ${sh}) & ${splat(laneMask(sz) >>> sh, sz)}`) : undefined),
  };
}

function shlOp(sh: number): IntOp {
  return {
    signed: false,
    lane: (_c, [a]) => `${a} << ${sh}`,
    pair: (c, [a]) => shl64c(c, a, sh),
    swar: (sz) => (sz < 2 ? (_c, [w]) => `(${w} << ${sh}) & ${splat((laneMask(sz) << sh) & laneMask(sz), sz)}` : undefined),
  };
}

/** SLI (left) / SRI (right): shifted Vn inserted into Vd, keeping Vd's bits the shift vacates. */
function insertOp(sh: number, left: boolean): IntOp {
  const word = (sz: number) => (_c: Code, [n, d]: readonly string[]): string => {
    const m = left ? (laneMask(sz) << sh) & laneMask(sz) : sh >= bits(sz) ? 0 : laneMask(sz) >>> sh;
    const keep = splat(~m, sz);
    if (m === 0) return d;
    const moved = left ? `(${n} << ${sh})` : `(${n} >>> ${sh})`;
    return `(${d} & ${keep}) | (${moved} & ${splat(m, sz)})`;
  };
  return {
    signed: false,
    lane: () => '0',
    swar: (sz) => (sz < 3 ? word(sz) : undefined),
    pair: (c, [n, d]) => {
      const s = left ? shl64c(c, n, sh) : shr64c(c, n, sh, false);
      // Bits of Vd outside the shifted field survive.
      const keepLo = left ? (sh >= 32 ? -1 : ~(-1 << sh)) : sh >= 64 ? -1 : sh > 32 ? ~(-1 >>> (sh - 32)) : 0;
      const keepHi = left ? (sh >= 32 ? ~(-1 << (sh - 32)) : 0) : sh >= 32 ? -1 : ~(-1 >>> sh);
      return { lo: c.let(`(${d.lo} & ${keepLo | 0}) | ${s.lo}`), hi: c.let(`(${d.hi} & ${keepHi | 0}) | ${s.hi}`) };
    },
  };
}

/** SQSHL/UQSHL/SQSHLU by an immediate. */
function qshlOp(sh: number, inSigned: boolean, outSigned: boolean): IntOp {
  return {
    signed: inSigned,
    lane: (c, [a], sz) => satLane(c, sz, outSigned, `${a} * ${2 ** sh}`),
    pair: (c, [a]) => i64(!inSigned ? 17 : outSigned ? 16 : 18)(c, [a, { lo: String(sh), hi: '0' }]),
  };
}

interface ShiftImm {
  readonly name: string;
  readonly u: number;
  readonly opc: number;
  readonly op: (f: Fields) => IntOp;
  /** Reads Vd as a second source. */
  readonly acc?: boolean;
  readonly left?: boolean;
  /** Has a scalar form for all sizes (else D only). */
  readonly scalarAll?: boolean;
}

const SHIFTS: ShiftImm[] = [
  { name: 'sshr', u: 0, opc: 0b00000, op: (f) => shrOp(rightShift(f), true, false, false) },
  { name: 'ushr', u: 1, opc: 0b00000, op: (f) => shrOp(rightShift(f), false, false, false) },
  { name: 'ssra', u: 0, opc: 0b00010, op: (f) => shrOp(rightShift(f), true, false, true), acc: true },
  { name: 'usra', u: 1, opc: 0b00010, op: (f) => shrOp(rightShift(f), false, false, true), acc: true },
  { name: 'srshr', u: 0, opc: 0b00100, op: (f) => shrOp(rightShift(f), true, true, false) },
  { name: 'urshr', u: 1, opc: 0b00100, op: (f) => shrOp(rightShift(f), false, true, false) },
  { name: 'srsra', u: 0, opc: 0b00110, op: (f) => shrOp(rightShift(f), true, true, true), acc: true },
  { name: 'ursra', u: 1, opc: 0b00110, op: (f) => shrOp(rightShift(f), false, true, true), acc: true },
  { name: 'sri', u: 1, opc: 0b01000, op: (f) => insertOp(rightShift(f), false), acc: true },
  { name: 'shl', u: 0, opc: 0b01010, op: (f) => shlOp(leftShift(f)), left: true },
  { name: 'sli', u: 1, opc: 0b01010, op: (f) => insertOp(leftShift(f), true), acc: true, left: true },
  { name: 'sqshlu', u: 1, opc: 0b01100, op: (f) => qshlOp(leftShift(f), true, false), left: true, scalarAll: true },
  { name: 'sqshl', u: 0, opc: 0b01110, op: (f) => qshlOp(leftShift(f), true, true), left: true, scalarAll: true },
  { name: 'uqshl', u: 1, opc: 0b01110, op: (f) => qshlOp(leftShift(f), false, false), left: true, scalarAll: true },
];

const shiftAmount = (s: ShiftImm, f: Fields): number => (s.left ? leftShift(f) : rightShift(f));

const shiftDefs = SHIFTS.flatMap((s): InsnDef[] => {
  const srcs = (f: Fields): Src[] => (s.acc ? [f.rn, f.rd] : [f.rn]);
  return [
    {
      name: `${s.name.toUpperCase()}_v`, pattern: `0 q:1 ${s.u} 011110 immh:4 immb:3 ${lit(s.opc, 5)} 1 rn:5 rd:5`,
      when: (f) => f.immh !== 0 && (f.q === 1 || f.immh < 8),
      emit: (f, e) => emitWith(e, (c) => {
        const sz = immhSize(f.immh);
        elementwise(c, s.op(f), sz, laneCount(f.q, sz), f.rd, srcs(f));
      }),
      asm: (f) => {
        const sz = immhSize(f.immh);
        return `${s.name} ${vr(f.rd, f.q, sz)}, ${vr(f.rn, f.q, sz)}, #${shiftAmount(s, f)}`;
      },
    },
    {
      name: `${s.name.toUpperCase()}_s`, pattern: `01 ${s.u} 111110 immh:4 immb:3 ${lit(s.opc, 5)} 1 rn:5 rd:5`,
      when: (f) => (s.scalarAll ? f.immh !== 0 : f.immh >= 8),
      emit: (f, e) => emitWith(e, (c) => elementwise(c, s.op(f), immhSize(f.immh), 1, f.rd, srcs(f))),
      asm: (f) => `${s.name} ${sr(f.rd, immhSize(f.immh))}, ${sr(f.rn, immhSize(f.immh))}, #${shiftAmount(s, f)}`,
    },
  ];
});

/** SHRN/RSHRN: plain truncating narrow of shifted wide lanes. */
function shrn(c: Code, f: Fields, round: boolean): void {
  const sz = immhSize(f.immh), sh = rightShift(f);
  const vals: string[] = [];
  for (let i = 0; i < 8 >> sz; i++) {
    if (sz === 2) {
      const a = c.pair(f.rn, i);
      const s = shr64c(c, a, sh, false);
      vals.push(round ? `${s.lo} + ${c.let(pairBit(a, sh - 1))}` : s.lo);
      continue;
    }
    const a = c.lane(f.rn, sz + 1, i, false);
    vals.push(round ? `Math.floor((${a} + ${2 ** (sh - 1)}) / ${2 ** sh})` : `${a} >>> ${sh}`);
  }
  writeNarrow(c, f.rd, sz, f.q === 1, vals);
}

const NARROW_SHIFTS: [string, number, number, boolean, NarrowSat | null][] = [
  ['shrn', 0, 0b10000, false, null],
  ['rshrn', 0, 0b10001, true, null],
  ['sqshrun', 1, 0b10000, false, { inSigned: true, outSigned: false }],
  ['sqrshrun', 1, 0b10001, true, { inSigned: true, outSigned: false }],
  ['sqshrn', 0, 0b10010, false, { inSigned: true, outSigned: true }],
  ['uqshrn', 1, 0b10010, false, { inSigned: false, outSigned: false }],
  ['sqrshrn', 0, 0b10011, true, { inSigned: true, outSigned: true }],
  ['uqrshrn', 1, 0b10011, true, { inSigned: false, outSigned: false }],
];

const narrowShiftDefs = NARROW_SHIFTS.flatMap(([mn, u, opc, round, s]): InsnDef[] => {
  const defs: InsnDef[] = [{
    name: `${mn.toUpperCase()}_v`, pattern: `0 q:1 ${u} 011110 immh:4 immb:3 ${lit(opc, 5)} 1 rn:5 rd:5`,
    when: (f) => f.immh !== 0 && f.immh < 8,
    emit: (f, e) => emitWith(e, (c) => {
      const sz = immhSize(f.immh);
      if (s) narrowSat(c, f.rd, f.rn, sz, 8 >> sz, f.q === 1, rightShift(f), round, s);
      else shrn(c, f, round);
    }),
    asm: (f) => {
      const sz = immhSize(f.immh);
      return `${mn}${f.q ? '2' : ''} ${vr(f.rd, f.q, sz)}, ${vr(f.rn, 1, sz + 1)}, #${rightShift(f)}`;
    },
  }];
  if (s) {
    defs.push({
      name: `${mn.toUpperCase()}_s`, pattern: `01 ${u} 111110 immh:4 immb:3 ${lit(opc, 5)} 1 rn:5 rd:5`,
      when: (f) => f.immh !== 0 && f.immh < 8,
      emit: (f, e) => emitWith(e, (c) => narrowSat(c, f.rd, f.rn, immhSize(f.immh), 1, false, rightShift(f), round, s)),
      asm: (f) => `${mn} ${sr(f.rd, immhSize(f.immh))}, ${sr(f.rn, immhSize(f.immh) + 1)}, #${rightShift(f)}`,
    });
  }
  return defs;
});

const widenDefs = ([['sshll', 'sxtl', 0, true], ['ushll', 'uxtl', 1, false]] as const).map(([mn, alias, u, signed]): InsnDef => ({
  name: mn.toUpperCase(), pattern: `0 q:1 ${u} 011110 immh:4 immb:3 10100 1 rn:5 rd:5`,
  when: (f) => f.immh !== 0 && f.immh < 8,
  emit: (f, e) => emitWith(e, (c) => {
    const sz = immhSize(f.immh);
    widenShift(c, f.rd, f.rn, sz, f.q ? 8 >> sz : 0, leftShift(f), signed);
  }),
  asm: (f) => {
    const sz = immhSize(f.immh), sh = leftShift(f);
    const regs = `${vr(f.rd, 1, sz + 1)}, ${vr(f.rn, f.q, sz)}`;
    return sh ? `${mn}${f.q ? '2' : ''} ${regs}, #${sh}` : `${alias}${f.q ? '2' : ''} ${regs}`;
  },
}));

export const insns = defineInsns([
  ...longDefs, ...scalarLong, ...PMULL, ...highNarrowDefs, ...longElemDefs,
  ...narrowSatDefs, ...miscLongDefs,
  ...shiftDefs, ...narrowShiftDefs, ...widenDefs,
]);
