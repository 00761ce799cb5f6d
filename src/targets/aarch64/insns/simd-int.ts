// Advanced SIMD integer arithmetic, lane by lane: three-same (vector and scalar),
// two-register misc, pairwise, across-lanes and by-element forms. Each instruction is
// one table line naming its encoding and a lane operation; the generators here turn a
// lane operation into straight-line JS (32-bit SWAR words where that is cheaper).
import type { Fields } from '../../common/decode-pattern.js';
import type { InsnDef } from '../insn-def.js';
import { defineInsns } from '../insn-def.js';
import {
  Code, type Pair, add64, bits, elem, emitWith, eq64, gtS64, gtU64, laneCount, laneMask, lit, maskPair, neg64,
  sr, sub64, vr, fromNum,
} from './simd-common.js';
import { SH_ROUND, SH_SAT, SH_SIGNED } from './simd-int-rt.js';

type Lanes = readonly string[];

/** How one lane (or 32-bit word, or 64-bit pair) of a result is computed. */
export interface IntOp {
  /** Whether inputs are read sign-extended; per source when an array. */
  readonly signed: boolean | readonly boolean[];
  /** A lane of up to 32 bits: any exact integer JS number, truncated when stored. */
  readonly lane: (c: Code, a: Lanes, sz: number) => string;
  /** A 64-bit lane, for instructions that have them. */
  readonly pair?: (c: Code, a: readonly Pair[]) => Pair;
  /** Whole 32-bit words at once for a lane size, where that is cheaper. */
  readonly swar?: (sz: number) => ((c: Code, w: Lanes) => string) | undefined;
}

/** A source operand: a register read lane by lane, or one element broadcast. */
export type Src = number | { readonly reg: number; readonly index: number };

const signOf = (op: IntOp, k: number): boolean => (typeof op.signed === 'boolean' ? op.signed : op.signed[k]);

export function laneOf(c: Code, s: Src, sz: number, i: number, signed: boolean): string {
  return typeof s === 'number' ? c.lane(s, sz, i, signed) : c.lane(s.reg, sz, s.index, signed);
}

const pairOf = (c: Code, s: Src, i: number): Pair => (typeof s === 'number' ? c.pair(s, i) : c.pair(s.reg, s.index));

/** Vd = op over lanes 0..count-1 of the sources; the rest of Vd is zeroed. */
export function elementwise(c: Code, op: IntOp, sz: number, count: number, d: number, srcs: readonly Src[]): void {
  const bytes = count << sz;
  const swar = bytes >= 4 && srcs.every((s) => typeof s === 'number') ? op.swar?.(sz) : undefined;
  if (swar) {
    const words = Array.from({ length: bytes / 4 }, (_, w) => swar(c, srcs.map((s) => c.word(s as number, w))));
    return c.writeWords(d, words);
  }
  if (sz === 3) {
    return c.writePairs(d, Array.from({ length: count }, (_, i) => op.pair!(c, srcs.map((s) => pairOf(c, s, i)))));
  }
  if (sz < 2 && count >= 8) {
    // Many narrow lanes: a loop keeps the code small (broadcast elements are read first).
    const loopSrcs = srcs.map((s, k) => (typeof s === 'number' ? s : c.lane(s.reg, sz, s.index, signOf(op, k))));
    return c.laneLoop(d, sz, count, loopSrcs, srcs.map((_, k) => signOf(op, k)), (inner, args) => op.lane(inner, args, sz));
  }
  const vals = Array.from({ length: count }, (_, i) => op.lane(c, srcs.map((s, k) => laneOf(c, s, sz, i, signOf(op, k))), sz));
  c.writeLanes(d, sz, vals);
}

/** Vd = op over adjacent lane pairs of the concatenation Vm:Vn (ADDP, SMAXP, ...). */
function pairwise(c: Code, op: IntOp, sz: number, q: number, d: number, n: number, m: number): void {
  const count = laneCount(q, sz);
  const src = (j: number): [number, number] => (j < count ? [n, j] : [m, j - count]);
  if (sz === 3) {
    return c.writePairs(d, Array.from({ length: count }, (_, i) => {
      const [ra, ia] = src(2 * i), [rb, ib] = src(2 * i + 1);
      return op.pair!(c, [c.pair(ra, ia), c.pair(rb, ib)]);
    }));
  }
  const vals: string[] = [];
  for (let i = 0; i < count; i++) {
    // Vn == Vm (a common reduction idiom): the upper half repeats the lower one.
    if (n === m && i >= count / 2) {
      vals.push(vals[i - count / 2]);
      continue;
    }
    const [ra, ia] = src(2 * i), [rb, ib] = src(2 * i + 1);
    vals.push(c.let(op.lane(c, [c.lane(ra, sz, ia, signOf(op, 0)), c.lane(rb, sz, ib, signOf(op, 0))], sz)));
  }
  c.writeLanes(d, sz, vals);
}

// ---- lane operations ----

/** Clamps to the signed/unsigned range of the lane size, setting QC. */
export function satLane(c: Code, sz: number, signed: boolean, expr: string): string {
  const b = bits(sz);
  return signed ? c.saturate(expr, -(2 ** (b - 1)), 2 ** (b - 1) - 1) : c.saturate(expr, 0, 2 ** b - 1);
}

/** A 64-bit lane through the BigInt helper (see simdI64). */
export const i64 = (id: number) => (c: Code, [a, b]: readonly Pair[]): Pair => {
  c.takeHelperQc();
  const lo = c.let(`H.simdI64(${id}, ${a.lo}, ${a.hi}, ${b ? b.lo : 0}, ${b ? b.hi : 0})`);
  return { lo, hi: c.let('H.hi[0]') };
};

/** floor(x / 2^k) for exact integers (a plain shift when the value fits an int32). */
const half = (x: string, sz: number): string => (sz < 2 ? `(${x}) >> 1` : `Math.floor((${x}) / 2)`);

/** SWAR: 0xff.. in each lane of `x` that is zero (zero=true) or non-zero. */
function swarZero(c: Code, x: string, sz: number, zero: boolean): string {
  const lowBits = sz === 0 ? 0x7f7f7f7f : 0x7fff7fff;
  const one = sz === 0 ? 0x01010101 : 0x00010001;
  const t = c.let(`((${x} & ${lowBits}) + ${lowBits}) | ${x}`);
  const top = bits(sz) - 1;
  return `Math.imul((${zero ? `~${t}` : t} >>> ${top}) & ${one}, ${laneMask(sz)})`;
}

const ADD: IntOp = {
  signed: false,
  lane: (_c, [a, b]) => `${a} + ${b}`,
  pair: (c, [a, b]) => add64(c, a, b),
  swar: (sz) => (sz === 0 ? (_c, [a, b]) => `((${a} & 2139062143) + (${b} & 2139062143)) ^ ((${a} ^ ${b}) & -2139062144)`
    : sz === 1 ? (_c, [a, b]) => `((${a} & 2147450879) + (${b} & 2147450879)) ^ ((${a} ^ ${b}) & -2147450880)` : undefined),
};
const SUB: IntOp = {
  signed: false,
  lane: (_c, [a, b]) => `${a} - ${b}`,
  pair: (c, [a, b]) => sub64(c, a, b),
  swar: (sz) => (sz === 0 ? (_c, [a, b]) => `((${a} | -2139062144) - (${b} & 2139062143)) ^ ((${a} ^ ~${b}) & -2139062144)`
    : sz === 1 ? (_c, [a, b]) => `((${a} | -2147450880) - (${b} & 2147450879)) ^ ((${a} ^ ~${b}) & -2147450880)` : undefined),
};

const cmp = (signed: boolean, rel: '>' | '>='): IntOp => ({
  signed,
  lane: (_c, [a, b]) => `${a} ${rel} ${b} ? -1 : 0`,
  pair: (c, [a, b]) => {
    const gt = signed ? gtS64 : gtU64;
    return maskPair(c, rel === '>' ? gt(a, b) : `!${gt(b, a)}`);
  },
});
const CMEQ: IntOp = {
  signed: false,
  lane: (_c, [a, b]) => `${a} === ${b} ? -1 : 0`,
  pair: (c, [a, b]) => maskPair(c, eq64(a, b)),
  swar: (sz) => (sz < 2 ? (c, [a, b]) => swarZero(c, c.let(`${a} ^ ${b}`), sz, true) : undefined),
};
const CMTST: IntOp = {
  signed: false,
  lane: (_c, [a, b]) => `(${a} & ${b}) !== 0 ? -1 : 0`,
  pair: (c, [a, b]) => maskPair(c, `((${a.lo} & ${b.lo}) | (${a.hi} & ${b.hi})) !== 0`),
  swar: (sz) => (sz < 2 ? (c, [a, b]) => swarZero(c, c.let(`${a} & ${b}`), sz, false) : undefined),
};

/** Compare with zero: rel is applied as `lane rel 0`. */
const cmpZero = (rel: '>' | '>=' | '===' | '<=' | '<'): IntOp => ({
  signed: true,
  lane: (_c, [a]) => `${a} ${rel} 0 ? -1 : 0`,
  pair: (c, [a]) => {
    const nz = `(${a.lo} | ${a.hi}) !== 0`;
    const cond = rel === '===' ? `!(${nz})` : rel === '<' ? `${a.hi} < 0` : rel === '>=' ? `${a.hi} >= 0`
      : rel === '>' ? `(${a.hi} >= 0 && ${nz})` : `(${a.hi} < 0 || !(${nz}))`;
    return maskPair(c, cond);
  },
  swar: (sz) => (rel === '===' && sz < 2 ? (c, [a]) => swarZero(c, a, sz, true) : undefined),
});

const qaddsub = (signed: boolean, sub: boolean): IntOp => ({
  signed,
  lane: (c, [a, b], sz) => satLane(c, sz, signed, `${a} ${sub ? '-' : '+'} ${b}`),
  pair: i64((signed ? 0 : 1) + (sub ? 2 : 0)),
});

const minmax = (signed: boolean, max: boolean): IntOp => ({
  signed,
  lane: (_c, [a, b]) => `${a} ${max ? '>' : '<'} ${b} ? ${a} : ${b}`,
});

/** Register shifts (SSHL, URSHL, SQSHL, ...): flags from SH_*; `id` of the 64-bit helper. */
const shiftReg = (flags: number, id: number): IntOp => ({
  signed: (flags & SH_SIGNED) !== 0,
  lane: (c, [a, b], sz) => {
    if (flags & SH_SAT) c.takeHelperQc();
    return `H.simdShlReg(${a}, ${b}, ${bits(sz)}, ${flags})`;
  },
  pair: i64(id),
});

const mul = (sz: number, a: string, b: string): string => (sz === 2 ? `Math.imul(${a}, ${b})` : `${a} * ${b}`);

const MUL: IntOp = { signed: false, lane: (_c, [a, b], sz) => mul(sz, a, b) };
/** MLA/MLS: sources are [n, m, d]. */
const mla = (sub: boolean): IntOp => ({ signed: false, lane: (_c, [a, b, d], sz) => `${d} ${sub ? '-' : '+'} ${mul(sz, a, b)}` });
const PMUL: IntOp = { signed: false, lane: (_c, [a, b]) => `H.simdPmul8(${a}, ${b})` };

const abd = (signed: boolean, acc: boolean): IntOp => ({
  signed: acc ? [signed, signed, false] : signed,
  lane: (_c, [a, b, d]) => `${acc ? `${d} + ` : ''}Math.abs(${a} - ${b})`,
});

const sqdmulh = (round: boolean): IntOp => ({
  signed: true,
  lane: (c, [a, b], sz) => {
    if (sz === 2) {
      c.takeHelperQc();
      return `H.simdSqdmulh32(${a}, ${b}, ${round ? 1 : 0})`;
    }
    return satLane(c, 1, true, `Math.floor((2 * ${a} * ${b}${round ? ' + 32768' : ''}) / 65536)`);
  },
});

const halving = (signed: boolean, kind: 'add' | 'radd' | 'sub'): IntOp => ({
  signed,
  lane: (_c, [a, b], sz) => half(kind === 'sub' ? `${a} - ${b}` : `${a} + ${b}${kind === 'radd' ? ' + 1' : ''}`, sz),
});

// Two-register misc.
const ABS: IntOp = {
  signed: true,
  lane: (_c, [a]) => `Math.abs(${a})`,
  pair: (c, [a]) => {
    const n = neg64(c, a);
    return { lo: c.let(`${a.hi} < 0 ? ${n.lo} : ${a.lo}`), hi: c.let(`${a.hi} < 0 ? ${n.hi} : ${a.hi}`) };
  },
};
const NEG: IntOp = { signed: true, lane: (_c, [a]) => `-${a}`, pair: (c, [a]) => neg64(c, a) };
const qabsneg = (neg: boolean): IntOp => ({
  signed: true,
  lane: (c, [a], sz) => satLane(c, sz, true, neg ? `-${a}` : `Math.abs(${a})`),
  pair: i64(neg ? 15 : 14),
});
/** SUQADD (signed acc += unsigned) / USQADD; sources are [d, n]. */
const sqaccum = (signedAcc: boolean): IntOp => ({
  signed: [signedAcc, !signedAcc],
  lane: (c, [d, n], sz) => satLane(c, sz, signedAcc, `${d} + ${n}`),
  pair: i64(signedAcc ? 12 : 13),
});
const CLZ: IntOp = { signed: false, lane: (_c, [a], sz) => `Math.clz32(${a}) - ${32 - bits(sz)}` };
const CLS: IntOp = { signed: true, lane: (_c, [a], sz) => `Math.clz32(${a} < 0 ? ~${a} : ${a}) - ${33 - bits(sz)}` };
const wordOnly = (f: (c: Code, w: string) => string): IntOp => ({ signed: false, lane: () => '0', swar: () => (c, [w]) => f(c, w) });
const CNT = wordOnly((c, w) => {
  const x = c.let(`${w} - ((${w} >>> 1) & 1431655765)`);
  const y = c.let(`(${x} & 858993459) + ((${x} >>> 2) & 858993459)`);
  return `(${y} + (${y} >>> 4)) & 252645135`;
});
const NOT = wordOnly((_c, w) => `~${w}`);
const RBIT = wordOnly((c, w) => {
  const x = c.let(`((${w} >>> 1) & 1431655765) | ((${w} & 1431655765) << 1)`);
  const y = c.let(`((${x} >>> 2) & 858993459) | ((${x} & 858993459) << 2)`);
  return `((${y} >>> 4) & 252645135) | ((${y} & 252645135) << 4)`;
});

// ---- instruction builders ----

type SizeOk = (sz: number, q: number) => boolean;
const ALL: SizeOk = (sz, q) => sz < 3 || q === 1;
const NO64: SizeOk = (sz) => sz < 3;
const HS: SizeOk = (sz) => sz === 1 || sz === 2;
const ONLY_D = (sz: number): boolean => sz === 3;
const ANY = (): boolean => true;
const HS1 = (sz: number): boolean => sz === 1 || sz === 2;

const vec3 = (f: Fields): string => `${vr(f.rd, f.q, f.sz)}, ${vr(f.rn, f.q, f.sz)}, ${vr(f.rm, f.q, f.sz)}`;
const sca3 = (f: Fields): string => `${sr(f.rd, f.sz)}, ${sr(f.rn, f.sz)}, ${sr(f.rm, f.sz)}`;

/** Three-same: vector form, plus the scalar form when `scalar` lists its sizes. */
function same(name: string, u: number, opc: number, op: IntOp, vec: SizeOk, scalar?: (sz: number) => boolean,
  srcs: (f: Fields) => Src[] = (f) => [f.rn, f.rm]): InsnDef[] {
  const mn = name.toLowerCase();
  const defs: InsnDef[] = [{
    name: `${name}_v`, pattern: `0 q:1 ${u} 01110 sz:2 1 rm:5 ${lit(opc, 5)} 1 rn:5 rd:5`,
    when: (f) => vec(f.sz, f.q),
    emit: (f, e) => emitWith(e, (c) => elementwise(c, op, f.sz, laneCount(f.q, f.sz), f.rd, srcs(f))),
    asm: (f) => `${mn} ${vec3(f)}`,
  }];
  if (scalar) {
    defs.push({
      name: `${name}_s`, pattern: `01 ${u} 11110 sz:2 1 rm:5 ${lit(opc, 5)} 1 rn:5 rd:5`,
      when: (f) => scalar(f.sz),
      emit: (f, e) => emitWith(e, (c) => elementwise(c, op, f.sz, 1, f.rd, srcs(f))),
      asm: (f) => `${mn} ${sca3(f)}`,
    });
  }
  return defs;
}

const withD = (f: Fields): Src[] => [f.rn, f.rm, f.rd];

function pairwiseDef(name: string, u: number, opc: number, op: IntOp, vec: SizeOk): InsnDef {
  return {
    name: `${name}_v`, pattern: `0 q:1 ${u} 01110 sz:2 1 rm:5 ${lit(opc, 5)} 1 rn:5 rd:5`,
    when: (f) => vec(f.sz, f.q),
    emit: (f, e) => emitWith(e, (c) => pairwise(c, op, f.sz, f.q, f.rd, f.rn, f.rm)),
    asm: (f) => `${name.toLowerCase()} ${vec3(f)}`,
  };
}

/** Two-register misc: vector form, plus the scalar form when `scalar` lists its sizes. */
function misc(name: string, u: number, opc: number, op: IntOp, vec: SizeOk, scalar?: (sz: number) => boolean,
  suffix = '', srcs: (f: Fields) => Src[] = (f) => [f.rn]): InsnDef[] {
  const mn = name.toLowerCase();
  const defs: InsnDef[] = [{
    name: `${name}_v`, pattern: `0 q:1 ${u} 01110 sz:2 10000 ${lit(opc, 5)} 10 rn:5 rd:5`,
    when: (f) => vec(f.sz, f.q),
    emit: (f, e) => emitWith(e, (c) => elementwise(c, op, f.sz, laneCount(f.q, f.sz), f.rd, srcs(f))),
    asm: (f) => `${mn} ${vr(f.rd, f.q, f.sz)}, ${vr(f.rn, f.q, f.sz)}${suffix}`,
  }];
  if (scalar) {
    defs.push({
      name: `${name}_s`, pattern: `01 ${u} 11110 sz:2 10000 ${lit(opc, 5)} 10 rn:5 rd:5`,
      when: (f) => scalar(f.sz),
      emit: (f, e) => emitWith(e, (c) => elementwise(c, op, f.sz, 1, f.rd, srcs(f))),
      asm: (f) => `${mn} ${sr(f.rd, f.sz)}, ${sr(f.rn, f.sz)}${suffix}`,
    });
  }
  return defs;
}

const accFirst = (f: Fields): Src[] => [f.rd, f.rn];

/** Byte-wise misc ops whose size field selects the instruction (NOT, RBIT, CNT). */
function bytewise(name: string, asmName: string, u: number, opc: number, sz: number, op: IntOp): InsnDef {
  return {
    name, pattern: `0 q:1 ${u} 01110 ${lit(sz, 2)} 10000 ${lit(opc, 5)} 10 rn:5 rd:5`,
    emit: (f, e) => emitWith(e, (c) => elementwise(c, op, 0, laneCount(f.q, 0), f.rd, [f.rn])),
    asm: (f) => `${asmName} ${vr(f.rd, f.q, 0)}, ${vr(f.rn, f.q, 0)}`,
  };
}

// Bitwise three-same: the size field picks the operation.
const LOGIC: [string, number, number, (c: Code, w: Lanes) => string][] = [
  ['and', 0, 0, (_c, [n, m]) => `${n} & ${m}`],
  ['bic', 0, 1, (_c, [n, m]) => `${n} & ~${m}`],
  ['orr', 0, 2, (_c, [n, m]) => `${n} | ${m}`],
  ['orn', 0, 3, (_c, [n, m]) => `${n} | ~${m}`],
  ['eor', 1, 0, (_c, [n, m]) => `${n} ^ ${m}`],
  ['bsl', 1, 1, (_c, [n, m, d]) => `${m} ^ ((${n} ^ ${m}) & ${d})`],
  ['bit', 1, 2, (_c, [n, m, d]) => `${d} ^ ((${d} ^ ${n}) & ${m})`],
  ['bif', 1, 3, (_c, [n, m, d]) => `${d} ^ ((${d} ^ ${n}) & ~${m})`],
];

const logicDefs = LOGIC.map(([mn, u, size, fn]): InsnDef => {
  const op = wordOnly(() => '0');
  const full: IntOp = { ...op, swar: () => fn };
  return {
    name: mn.toUpperCase(), pattern: `0 q:1 ${u} 01110 ${lit(size, 2)} 1 rm:5 00011 1 rn:5 rd:5`,
    emit: (f, e) => emitWith(e, (c) => elementwise(c, full, 0, laneCount(f.q, 0), f.rd, [f.rn, f.rm, f.rd])),
    asm: (f) => (mn === 'orr' && f.rn === f.rm ? `mov ${vr(f.rd, f.q, 0)}, ${vr(f.rn, f.q, 0)}`
      : `${mn} ${vr(f.rd, f.q, 0)}, ${vr(f.rn, f.q, 0)}, ${vr(f.rm, f.q, 0)}`),
  };
});

// ---- across lanes ----

type Reduce = 'add' | 'max' | 'min';

function across(c: Code, f: Fields, kind: Reduce, signed: boolean, long: boolean): void {
  const count = laneCount(f.q, f.sz);
  const lanes = Array.from({ length: count }, (_, i) => c.lane(f.rn, f.sz, i, signed));
  let acc = lanes[0];
  for (let i = 1; i < count; i++) {
    const x = lanes[i];
    acc = c.let(kind === 'add' ? `${acc} + ${x}` : `${acc} ${kind === 'max' ? '>' : '<'} ${x} ? ${acc} : ${x}`);
  }
  if (long && f.sz === 2) return c.writePairs(f.rd, [fromNum(c, acc)]);
  c.writeLanes(f.rd, long ? f.sz + 1 : f.sz, [acc]);
}

function acrossDef(name: string, u: number, opc: number, kind: Reduce, signed: boolean, long = false): InsnDef {
  return {
    name, pattern: `0 q:1 ${u} 01110 sz:2 11000 ${lit(opc, 5)} 10 rn:5 rd:5`,
    when: (f) => f.sz < 2 || (f.sz === 2 && f.q === 1),
    emit: (f, e) => emitWith(e, (c) => across(c, f, kind, signed, long)),
    asm: (f) => `${name.toLowerCase()} ${sr(f.rd, long ? f.sz + 1 : f.sz)}, ${vr(f.rn, f.q, f.sz)}`,
  };
}

// ---- by element ----

/** Element operand of the by-element group for lane size sz (1: H, 2: S, 3: D). */
export function indexed(f: Fields, sz: number): { reg: number; index: number } {
  if (sz === 1) return { reg: f.rm, index: (f.h << 2) | (f.l << 1) | f.mm };
  if (sz === 2) return { reg: (f.mm << 4) | f.rm, index: (f.h << 1) | f.l };
  return { reg: (f.mm << 4) | f.rm, index: f.h };
}

function byElem(name: string, u: number, opc: number, op: IntOp, acc: boolean, scalar = false): InsnDef {
  return {
    name: `${name}_${scalar ? 's' : 'v'}_elem`,
    pattern: scalar ? `01 ${u} 11111 sz:2 l:1 mm:1 rm:4 ${lit(opc, 4)} h:1 0 rn:5 rd:5`
      : `0 q:1 ${u} 01111 sz:2 l:1 mm:1 rm:4 ${lit(opc, 4)} h:1 0 rn:5 rd:5`,
    when: (f) => f.sz === 1 || f.sz === 2,
    emit: (f, e) => emitWith(e, (c) => {
      const m = indexed(f, f.sz);
      elementwise(c, op, f.sz, scalar ? 1 : laneCount(f.q, f.sz), f.rd, acc ? [f.rn, m, f.rd] : [f.rn, m]);
    }),
    asm: (f) => {
      const m = indexed(f, f.sz);
      const regs = scalar ? `${sr(f.rd, f.sz)}, ${sr(f.rn, f.sz)}` : `${vr(f.rd, f.q, f.sz)}, ${vr(f.rn, f.q, f.sz)}`;
      return `${name.toLowerCase()} ${regs}, ${elem(m.reg, f.sz, m.index)}`;
    },
  };
}

const ADDP_SCALAR: InsnDef = {
  name: 'ADDP_s', pattern: '01 0 11110 11 11000 11011 10 rn:5 rd:5',
  emit: (f, e) => emitWith(e, (c) => c.writePairs(f.rd, [add64(c, c.pair(f.rn, 0), c.pair(f.rn, 1))])),
  asm: (f) => `addp ${sr(f.rd, 3)}, ${vr(f.rn, 1, 3)}`,
};

export const insns = defineInsns([
  ...logicDefs,
  ...same('SHADD', 0, 0b00000, halving(true, 'add'), NO64),
  ...same('UHADD', 1, 0b00000, halving(false, 'add'), NO64),
  ...same('SQADD', 0, 0b00001, qaddsub(true, false), ALL, ANY),
  ...same('UQADD', 1, 0b00001, qaddsub(false, false), ALL, ANY),
  ...same('SRHADD', 0, 0b00010, halving(true, 'radd'), NO64),
  ...same('URHADD', 1, 0b00010, halving(false, 'radd'), NO64),
  ...same('SHSUB', 0, 0b00100, halving(true, 'sub'), NO64),
  ...same('UHSUB', 1, 0b00100, halving(false, 'sub'), NO64),
  ...same('SQSUB', 0, 0b00101, qaddsub(true, true), ALL, ANY),
  ...same('UQSUB', 1, 0b00101, qaddsub(false, true), ALL, ANY),
  ...same('CMGT', 0, 0b00110, cmp(true, '>'), ALL, ONLY_D),
  ...same('CMHI', 1, 0b00110, cmp(false, '>'), ALL, ONLY_D),
  ...same('CMGE', 0, 0b00111, cmp(true, '>='), ALL, ONLY_D),
  ...same('CMHS', 1, 0b00111, cmp(false, '>='), ALL, ONLY_D),
  ...same('SSHL', 0, 0b01000, shiftReg(SH_SIGNED, 4), ALL, ONLY_D),
  ...same('USHL', 1, 0b01000, shiftReg(0, 5), ALL, ONLY_D),
  ...same('SQSHL', 0, 0b01001, shiftReg(SH_SIGNED | SH_SAT, 8), ALL, ANY),
  ...same('UQSHL', 1, 0b01001, shiftReg(SH_SAT, 9), ALL, ANY),
  ...same('SRSHL', 0, 0b01010, shiftReg(SH_SIGNED | SH_ROUND, 6), ALL, ONLY_D),
  ...same('URSHL', 1, 0b01010, shiftReg(SH_ROUND, 7), ALL, ONLY_D),
  ...same('SQRSHL', 0, 0b01011, shiftReg(SH_SIGNED | SH_ROUND | SH_SAT, 10), ALL, ANY),
  ...same('UQRSHL', 1, 0b01011, shiftReg(SH_ROUND | SH_SAT, 11), ALL, ANY),
  ...same('SMAX', 0, 0b01100, minmax(true, true), NO64),
  ...same('UMAX', 1, 0b01100, minmax(false, true), NO64),
  ...same('SMIN', 0, 0b01101, minmax(true, false), NO64),
  ...same('UMIN', 1, 0b01101, minmax(false, false), NO64),
  ...same('SABD', 0, 0b01110, abd(true, false), NO64),
  ...same('UABD', 1, 0b01110, abd(false, false), NO64),
  ...same('SABA', 0, 0b01111, abd(true, true), NO64, undefined, withD),
  ...same('UABA', 1, 0b01111, abd(false, true), NO64, undefined, withD),
  ...same('ADD', 0, 0b10000, ADD, ALL, ONLY_D),
  ...same('SUB', 1, 0b10000, SUB, ALL, ONLY_D),
  ...same('CMTST', 0, 0b10001, CMTST, ALL, ONLY_D),
  ...same('CMEQ', 1, 0b10001, CMEQ, ALL, ONLY_D),
  ...same('MLA', 0, 0b10010, mla(false), NO64, undefined, withD),
  ...same('MLS', 1, 0b10010, mla(true), NO64, undefined, withD),
  ...same('MUL', 0, 0b10011, MUL, NO64),
  ...same('PMUL', 1, 0b10011, PMUL, (sz) => sz === 0),
  pairwiseDef('SMAXP', 0, 0b10100, minmax(true, true), NO64),
  pairwiseDef('UMAXP', 1, 0b10100, minmax(false, true), NO64),
  pairwiseDef('SMINP', 0, 0b10101, minmax(true, false), NO64),
  pairwiseDef('UMINP', 1, 0b10101, minmax(false, false), NO64),
  ...same('SQDMULH', 0, 0b10110, sqdmulh(false), HS, HS1),
  ...same('SQRDMULH', 1, 0b10110, sqdmulh(true), HS, HS1),
  pairwiseDef('ADDP', 0, 0b10111, ADD, ALL),
  ADDP_SCALAR,

  ...misc('SUQADD', 0, 0b00011, sqaccum(true), ALL, ANY, '', accFirst),
  ...misc('USQADD', 1, 0b00011, sqaccum(false), ALL, ANY, '', accFirst),
  ...misc('CLS', 0, 0b00100, CLS, NO64),
  ...misc('CLZ', 1, 0b00100, CLZ, NO64),
  bytewise('CNT', 'cnt', 0, 0b00101, 0, CNT),
  bytewise('NOT', 'mvn', 1, 0b00101, 0, NOT),
  bytewise('RBIT', 'rbit', 1, 0b00101, 1, RBIT),
  ...misc('SQABS', 0, 0b00111, qabsneg(false), ALL, ANY),
  ...misc('SQNEG', 1, 0b00111, qabsneg(true), ALL, ANY),
  ...misc('CMGT', 0, 0b01000, cmpZero('>'), ALL, ONLY_D, ', #0'),
  ...misc('CMGE', 1, 0b01000, cmpZero('>='), ALL, ONLY_D, ', #0'),
  ...misc('CMEQ', 0, 0b01001, cmpZero('==='), ALL, ONLY_D, ', #0'),
  ...misc('CMLE', 1, 0b01001, cmpZero('<='), ALL, ONLY_D, ', #0'),
  ...misc('CMLT', 0, 0b01010, cmpZero('<'), ALL, ONLY_D, ', #0'),
  ...misc('ABS', 0, 0b01011, ABS, ALL, ONLY_D),
  ...misc('NEG', 1, 0b01011, NEG, ALL, ONLY_D),

  acrossDef('SADDLV', 0, 0b00011, 'add', true, true),
  acrossDef('UADDLV', 1, 0b00011, 'add', false, true),
  acrossDef('SMAXV', 0, 0b01010, 'max', true),
  acrossDef('UMAXV', 1, 0b01010, 'max', false),
  acrossDef('SMINV', 0, 0b11010, 'min', true),
  acrossDef('UMINV', 1, 0b11010, 'min', false),
  acrossDef('ADDV', 0, 0b11011, 'add', false),

  byElem('MLA', 1, 0b0000, mla(false), true),
  byElem('MLS', 1, 0b0100, mla(true), true),
  byElem('MUL', 0, 0b1000, MUL, false),
  byElem('SQDMULH', 0, 0b1100, sqdmulh(false), false),
  byElem('SQRDMULH', 0, 0b1101, sqdmulh(true), false),
  byElem('SQDMULH', 0, 0b1100, sqdmulh(false), false, true),
  byElem('SQRDMULH', 0, 0b1101, sqdmulh(true), false, true),
]);

