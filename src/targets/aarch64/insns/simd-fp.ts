// Advanced SIMD floating point in half (FEAT_FP16), single and double lanes: three-same,
// two-register misc, pairwise, across-lanes, by-element, fixed-point conversions,
// FCVTL/FCVTN, FRINT32/64 (FEAT_FRINTTS), vector and scalar forms.
//
// Each instruction has an inline fast path in JS doubles, exact for round-to-nearest and
// finite results (and under FZ when no operand is a denormal and no result tiny). Its
// Inexact/Underflow flags come from H.simdFpCheck (error-free transformations), called
// only while FPSR.IXC is clear or a result is tiny, since the flags are sticky. Anything
// else (NaNs, infinities, overflow, directed rounding, flushing, the rare estimate and
// step instructions) runs H.simdFpSlow: the whole instruction on the exact model (softfloat/arm-fp.ts).
// Half-precision lanes (rare in practice) always take that path.
import type { Emitter } from '../../../translate/emitter.js';
import type { Fields } from '../../common/decode-pattern.js';
import type { InsnDef } from '../insn-def.js';
import { defineInsns } from '../insn-def.js';
import { SLOT_FPCR, SLOT_FPSR } from '../state.js';
import { Code, type Pair, elem, emitWith, laneCount, lit, sr, vr } from './simd-common.js';
import { FOp, FShape } from './simd-fp-rt.js';

/** FPCR.RMode: the fast paths round to nearest (DN only matters for NaNs, which go slow). */
const FPCR_RMODE = 0x00c00000;
/** FPCR.FZ: the fast paths hold when no operand is a denormal and no result is tiny. */
const FPCR_FZ = 0x01000000;

/** One instruction as the slow path sees it. */
interface FpCall {
  readonly op: FOp;
  readonly shape: FShape;
  /** Lane size: 2 single, 3 double (1 half, for conversions). */
  readonly sz: number;
  readonly count: number;
  readonly d: number;
  readonly n: number;
  /** Second operand register, or -1. */
  readonly m: number;
  /** Element of Vm broadcast (-1: lane by lane), or the "2" half of a conversion. */
  readonly idx: number;
  /** Fractional bits of fixed-point conversions. */
  readonly imm: number;
}

const slowCall = (e: Emitter, k: FpCall): string => e.assign(SLOT_FPSR,
  `${e.slot(SLOT_FPSR)} | H.simdFpSlow(S.v32, ${k.op}, ${k.shape}, ${k.sz}, ${k.count}, ${k.d}, ${k.n}, ${k.m}, ${k.idx}, ${k.imm}, ${e.slot(SLOT_FPCR)})`);

type Kind = 'float' | 'mask' | 'toInt' | 'fromInt';

interface Fast {
  readonly kind: Kind;
  /** The lane result from operand values [n, m, d] (JS numbers): a number or, for masks, a boolean. */
  readonly lane: (a: readonly string[], sz: number, imm: number) => string;
}

const arith = (f: (a: string, b: string, acc: string, sz: number) => string): Fast =>
  ({ kind: 'float', lane: ([a, b, acc], sz) => f(a, b, acc, sz) });
const cmp = (f: (a: string, b: string) => string): Fast => ({ kind: 'mask', lane: ([a, b]) => f(a, b) });
const toInt = (round: (x: string) => string): Fast =>
  ({ kind: 'toInt', lane: ([a], _sz, imm) => round(imm ? `${a} * ${2 ** imm}` : a) });
const fromInt: Fast = { kind: 'fromInt', lane: ([a], _sz, imm) => (imm ? `${a} / ${2 ** imm}` : a) };
const fma = (neg: boolean) => arith((a, b, acc, sz) => `H.simdFma${sz === 2 ? 'S' : 'D'}(${neg ? '-' : ''}${a}, ${b}, ${acc})`);
const fn1 = (f: string): Fast => arith((a) => `${f}(${a})`);

const FAST: Partial<Record<FOp, Fast>> = {
  [FOp.Add]: arith((a, b) => `${a} + ${b}`),
  [FOp.Sub]: arith((a, b) => `${a} - ${b}`),
  [FOp.Mul]: arith((a, b) => `${a} * ${b}`),
  [FOp.Div]: arith((a, b) => `${a} / ${b}`),
  [FOp.Abd]: arith((a, b) => `Math.abs(${a} - ${b})`),
  [FOp.Max]: arith((a, b) => `Math.max(${a}, ${b})`),
  [FOp.MaxNm]: arith((a, b) => `Math.max(${a}, ${b})`),
  [FOp.Min]: arith((a, b) => `Math.min(${a}, ${b})`),
  [FOp.MinNm]: arith((a, b) => `Math.min(${a}, ${b})`),
  [FOp.Mla]: fma(false),
  [FOp.Mls]: fma(true),
  [FOp.Sqrt]: fn1('Math.sqrt'),
  [FOp.RintZ]: fn1('Math.trunc'),
  [FOp.RintM]: fn1('Math.floor'),
  [FOp.RintP]: fn1('Math.ceil'),
  [FOp.RintN]: fn1('H.simdRoundEven'),
  [FOp.RintA]: fn1('H.simdRoundAway'),
  [FOp.RintI]: fn1('H.simdRoundEven'),
  [FOp.CmEq]: cmp((a, b) => `${a} === ${b}`),
  [FOp.CmGe]: cmp((a, b) => `${a} >= ${b}`),
  [FOp.CmGt]: cmp((a, b) => `${a} > ${b}`),
  [FOp.AcGe]: cmp((a, b) => `Math.abs(${a}) >= Math.abs(${b})`),
  [FOp.AcGt]: cmp((a, b) => `Math.abs(${a}) > Math.abs(${b})`),
  [FOp.CmEq0]: cmp((a) => `${a} === 0`),
  [FOp.CmGe0]: cmp((a) => `${a} >= 0`),
  [FOp.CmGt0]: cmp((a) => `${a} > 0`),
  [FOp.CmLe0]: cmp((a) => `${a} <= 0`),
  [FOp.CmLt0]: cmp((a) => `${a} < 0`),
  [FOp.CvtZS]: toInt((x) => `Math.trunc(${x})`),
  [FOp.CvtZU]: toInt((x) => `Math.trunc(${x})`),
  [FOp.CvtMS]: toInt((x) => `Math.floor(${x})`),
  [FOp.CvtMU]: toInt((x) => `Math.floor(${x})`),
  [FOp.CvtPS]: toInt((x) => `Math.ceil(${x})`),
  [FOp.CvtPU]: toInt((x) => `Math.ceil(${x})`),
  [FOp.CvtNS]: toInt((x) => `H.simdRoundEven(${x})`),
  [FOp.CvtNU]: toInt((x) => `H.simdRoundEven(${x})`),
  [FOp.CvtAS]: toInt((x) => `H.simdRoundAway(${x})`),
  [FOp.CvtAU]: toInt((x) => `H.simdRoundAway(${x})`),
  [FOp.Scvtf]: fromInt,
  [FOp.Ucvtf]: fromInt,
};

const UNSIGNED_OPS = new Set([FOp.CvtZU, FOp.CvtMU, FOp.CvtPU, FOp.CvtNU, FOp.CvtAU, FOp.Ucvtf]);

/** Range test of a rounded value for an integer lane. */
function inRange(x: string, sz: number, unsigned: boolean): string {
  if (sz === 2) return unsigned ? `${x} >= 0 && ${x} <= 4294967295` : `${x} >= -2147483648 && ${x} <= 2147483647`;
  return unsigned ? `${x} >= 0 && ${x} < 18446744073709551616` : `${x} >= -9223372036854775808 && ${x} < 9223372036854775808`;
}

/** Single-precision results that a double computation must round (the others are exact singles). */
const ROUNDED = new Set([FOp.Add, FOp.Sub, FOp.Mul, FOp.Div, FOp.Abd, FOp.Sqrt, FOp.Scvtf, FOp.Ucvtf]);
/** Ops whose results may be inexact (checked by H.simdFpCheck while FPSR.IXC is clear). */
const CHECKED = new Set([FOp.Add, FOp.Sub, FOp.Abd, FOp.Mul, FOp.Div, FOp.Sqrt, FOp.Mla, FOp.Mls]);
/** Ops that can underflow: a tiny result is checked even once IXC is set. */
const CAN_UNDERFLOW = new Set([FOp.Mul, FOp.Div, FOp.Mla, FOp.Mls]);
const MIN_NORMAL = [0, 0, 2 ** -126, 2 ** -1022];
/** Slightly above the smallest normals: results below are checked for underflow (a margin costs nothing). */
const TINY = ['', '', '1.2e-38', '2.3e-308'];
const FPSR_IXC = 16;

/** An integer lane as a JS number (exact, or correctly rounded for 64-bit lanes), and its exactness test. */
function intLane(c: Code, reg: number, sz: number, i: number, unsigned: boolean): { v: string; exact: string } {
  if (sz === 2) return { v: c.lane(reg, 2, i, !unsigned), exact: '' };
  const p = c.pair(reg, i);
  const h = unsigned ? c.let(`${p.hi} >>> 0`) : p.hi;
  const l = c.let(`${p.lo} >>> 0`);
  const v = c.let(`${h} * 4294967296 + ${l}`);
  return { v, exact: `${v} - ${h} * 4294967296 === ${l}` };
}

/** A JS condition: no operand is a denormal (zeros and infinities are fine). */
const notDenormal = (sz: number, xs: readonly string[]): string[] =>
  [...new Set(xs)].map((x) => `(${x} === 0 || Math.abs(${x}) >= ${MIN_NORMAL[sz]})`);

/**
 * The condition under which flush-to-zero changes nothing: no denormal operand, and no
 * result that is tiny before rounding (a zero result must be an exact one).
 */
function flushFree(k: FpCall, inputs: readonly string[], lanes: readonly { args: string[]; r: string }[]): string {
  const conds = notDenormal(k.sz, inputs);
  for (const { args: [a, b, acc], r } of lanes) {
    const exactZero = k.op === FOp.Mul ? ` && (${a} === 0 || ${b} === 0)` : k.op === FOp.Div ? ` && ${a} === 0`
      : k.op === FOp.Mla || k.op === FOp.Mls ? ` && ${acc} === 0 && (${a} === 0 || ${b} === 0)` : '';
    conds.push(`(Math.abs(${r}) > ${MIN_NORMAL[k.sz]} || ${r} === 0${exactZero})`);
  }
  return conds.length ? `(${conds.join(' && ')})` : '';
}

/** The instruction: its fast path guarded by FPCR and result checks, else the slow path. */
function emitFp(e: Emitter, k: FpCall): string {
  const fast = k.sz === 1 ? undefined : FAST[k.op];
  const slow = slowCall(e, k);
  if (!fast) return slow;
  return emitWith(e, (c) => {
    const unsigned = UNSIGNED_OPS.has(k.op);
    const fpsr = e.slot(SLOT_FPSR);
    const exactTests: string[] = [];
    const x = (reg: number, i: number): string => {
      if (fast.kind !== 'fromInt') {
        const v = c.fl(reg, k.sz, i);
        inputs.push(v);
        return v;
      }
      const { v, exact } = intLane(c, reg, k.sz, i, unsigned);
      if (exact) exactTests.push(exact);
      return v;
    };
    const inputs: string[] = [];
    const lanes: { args: string[]; r: string; pre: string }[] = [];
    const one = (args: readonly string[]): string => {
      const v = c.let(fast.lane(args, k.sz, k.imm));
      const r = k.sz === 2 && ROUNDED.has(k.op) ? c.let(`Math.fround(${v})`) : v;
      const operands = k.op === FOp.Mls ? [c.let(`-${args[0]}`), ...args.slice(1)] : [...args];
      lanes.push({ args: operands, r, pre: v });
      return r;
    };
    const res: string[] = [];
    const ok: string[] = [`(${e.slot(SLOT_FPCR)} & ${FPCR_RMODE}) === 0`];
    if (k.shape === FShape.Across) {
      const reduce = (lo: number, len: number): string => (len === 1 ? x(k.n, lo) : one([reduce(lo, len / 2), reduce(lo + len / 2, len / 2)]));
      res.push(reduce(0, k.count));
    } else {
      for (let i = 0; i < k.count; i++) {
        let args: string[];
        if (k.shape === FShape.Pair) {
          const at = (j: number): string => (j < k.count ? x(k.n, j) : x(k.m, j - k.count));
          args = [at(2 * i), at(2 * i + 1)];
        } else {
          args = [x(k.n, i)];
          if (k.m >= 0) args.push(x(k.m, k.idx < 0 ? i : k.idx));
          if (k.shape === FShape.Acc) args.push(x(k.d, i));
        }
        res.push(one(args));
      }
    }
    // Cumulative flags the fast path owes (IXC, UFC), or -1 when only the slow path can tell.
    let flags = '';
    switch (fast.kind) {
      case 'float': {
        const sum = res.length === 1 ? res[0] : c.let(res.join(' + '));
        ok.push(`${sum} - ${sum} === 0`);
        if (CHECKED.has(k.op)) {
          const f = c.mut('0');
          const tiny = CAN_UNDERFLOW.has(k.op) ? res.map((r) => ` || Math.abs(${r}) < ${TINY[k.sz]}`).join('') : '';
          const calls = lanes.map(({ args, r }) => `H.simdFpCheck(${k.op}, ${k.sz}, ${args[0]}, ${args[1] ?? 0}, ${args[2] ?? 0}, ${r})`);
          c.stmt(`if ((${fpsr} & ${FPSR_IXC}) === 0${tiny}) ${f} = ${calls.join(' | ')};`);
          ok.push(`${f} >= 0`);
          flags = f;
        }
        break;
      }
      case 'mask':
        // Any NaN operand may raise Invalid Operation.
        ok.push(...[...new Set(inputs)].map((a) => `${a} === ${a}`));
        break;
      case 'toInt':
        ok.push(...res.map((r) => inRange(r, k.sz, unsigned)));
        flags = c.let(`(${fpsr} & ${FPSR_IXC}) === 0 && (${lanes.map(({ r, args }) => `${r} !== ${k.imm ? `${args[0]} * ${2 ** k.imm}` : args[0]}`).join(' || ')}) ? ${FPSR_IXC} : 0`);
        break;
      case 'fromInt': {
        const inexact = k.sz === 2 ? lanes.map(({ r, pre }) => `${r} !== ${pre}`) : exactTests.map((t) => `!(${t})`);
        flags = c.let(`(${fpsr} & ${FPSR_IXC}) === 0 && (${inexact.join(' || ')}) ? ${FPSR_IXC} : 0`);
        break;
      }
    }
    const fz = flushFree(k, fast.kind === 'fromInt' ? [] : inputs, CHECKED.has(k.op) ? lanes : []);
    if (fz) ok.push(`((${e.slot(SLOT_FPCR)} & ${FPCR_FZ}) === 0 || ${fz})`);
    c.stmt(`if (${ok.join(' && ')}) {`);
    if (flags) c.stmt(`if (${flags}) ${e.assign(SLOT_FPSR, `${fpsr} | ${flags}`)}`);
    if (fast.kind === 'float' || fast.kind === 'fromInt') {
      c.writeFloats(k.d, k.sz, res);
    } else if (k.sz === 2) {
      c.writeLanes(k.d, 2, fast.kind === 'mask' ? res.map((r) => `${r} ? -1 : 0`) : res);
    } else {
      c.writePairs(k.d, res.map((r): Pair => {
        if (fast.kind === 'toInt') return { lo: `${r} | 0`, hi: `Math.floor(${r} / 4294967296) | 0` };
        const m = c.let(`${r} ? -1 : 0`);
        return { lo: m, hi: m };
      }));
    }
    c.stmt(`} else { ${slow} }`);
  });
}

/** FABS/FNEG: sign-bit operations on the raw bits (no exceptions, NaNs untouched). */
function signOp(c: Code, d: number, n: number, sz: number, count: number, neg: boolean): void {
  const words = (count << sz) >> 2;
  const [flip, keep] = sz === 1 ? [-2147450880, 2147450879] : [-2147483648, 2147483647]; // 0x80008000, 0x7fff7fff
  const vals = Array.from({ length: words }, (_, w) => {
    const v = c.word(n, w);
    if (sz === 3 && w % 2 === 0) return v;
    return neg ? `${v} ^ ${flip}` : `${v} & ${keep}`;
  });
  c.writeWords(d, vals);
}

// ---- conversions between precisions ----

/** FCVTL/FCVTL2 (single to double has a fast path; half to single only the slow one). */
function fcvtl(f: Fields, e: Emitter): string {
  const k: FpCall = { op: FOp.Cvtl, shape: FShape.Widen, sz: f.sz ? 2 : 1, count: f.sz ? 2 : 4, d: f.rd, n: f.rn, m: -1, idx: f.q, imm: 0 };
  const slow = slowCall(e, k);
  if (!f.sz) return slow;
  return emitWith(e, (c) => {
    const v = [c.fl(f.rn, 2, 2 * f.q), c.fl(f.rn, 2, 2 * f.q + 1)];
    const fz = `((${e.slot(SLOT_FPCR)} & ${FPCR_FZ}) === 0 || (${notDenormal(2, v).join(' && ')}))`;
    c.stmt(`if ((${e.slot(SLOT_FPCR)} & ${FPCR_RMODE}) === 0 && ${v[0]} === ${v[0]} && ${v[1]} === ${v[1]} && ${fz}) {`);
    c.writeFloats(f.rd, 3, v);
    c.stmt(`} else { ${slow} }`);
  });
}

/** FCVTN/FCVTN2 (double to single has a fast path) and FCVTXN/FCVTXN2. */
function fcvtn(e: Emitter, f: Fields, odd: boolean): string {
  const k: FpCall = { op: odd ? FOp.Cvtxn : FOp.Cvtn, shape: FShape.Narrow, sz: f.sz ? 2 : 1, count: f.sz ? 2 : 4, d: f.rd, n: f.rn, m: -1, idx: f.q, imm: 0 };
  const slow = slowCall(e, k);
  if (!f.sz || odd) return slow;
  return emitWith(e, (c) => {
    const src = [0, 1].map((i) => c.fl(f.rn, 3, i));
    const v = src.map((x) => c.let(`Math.fround(${x})`));
    const sum = c.let(`${v[0]} + ${v[1]}`);
    // Inexact, and Underflow when also tiny before rounding.
    const flags = c.let(src.map((x, i) => `(${v[i]} !== ${x} ? (Math.abs(${x}) < ${MIN_NORMAL[2]} ? 24 : 16) : 0)`).join(' | '));
    const fz = [...notDenormal(3, src), ...v.map((r, i) => `(Math.abs(${r}) > ${MIN_NORMAL[2]} || ${src[i]} === 0)`)];
    c.stmt(`if ((${e.slot(SLOT_FPCR)} & ${FPCR_RMODE}) === 0 && ${sum} - ${sum} === 0 && ((${e.slot(SLOT_FPCR)} & ${FPCR_FZ}) === 0 || (${fz.join(' && ')}))) {`);
    c.stmt(`if (${flags}) ${e.assign(SLOT_FPSR, `${e.slot(SLOT_FPSR)} | ${flags}`)}`);
    if (f.q) c.store(`VF32[${4 * f.rd + 2}] = ${v[0]}; VF32[${4 * f.rd + 3}] = ${v[1]};`);
    else c.writeFloats(f.rd, 2, v);
    c.stmt(`} else { ${slow} }`);
  });
}

// ---- instruction builders ----

const fsz = (f: Fields): number => 2 + f.sz;
const vecOk = (f: Fields): boolean => f.sz === 0 || f.q === 1;
const fcount = (f: Fields): number => laneCount(f.q, fsz(f));

/** Three-same: vector form and (scalar=true) the scalar one, in single/double and in half. */
function same(name: string, u: number, a: number, opc: number, op: FOp, shape = FShape.Elem, scalar = false): InsnDef[] {
  const tail = `${a} sz:1 1 rm:5 ${lit(opc, 5)} 1 rn:5 rd:5`;
  // FP16: the size bits read 10 and the opcode is the low three bits of opc.
  const halfTail = `${a} 10 rm:5 00 ${lit(opc & 7, 3)} 1 rn:5 rd:5`;
  const up = name.toUpperCase();
  const vec = (f: Fields, sz: number): string => `${name} ${vr(f.rd, f.q, sz)}, ${vr(f.rn, f.q, sz)}, ${vr(f.rm, f.q, sz)}`;
  const sca = (f: Fields, sz: number): string => `${name} ${sr(f.rd, sz)}, ${sr(f.rn, sz)}, ${sr(f.rm, sz)}`;
  const call = (f: Fields, sz: number, count: number): FpCall => ({ op, shape, sz, count, d: f.rd, n: f.rn, m: f.rm, idx: -1, imm: 0 });
  const defs: InsnDef[] = [
    {
      name: `${up}_v`, pattern: `0 q:1 ${u} 01110 ${tail}`,
      when: vecOk,
      emit: (f, e) => emitFp(e, call(f, fsz(f), fcount(f))),
      asm: (f) => vec(f, fsz(f)),
    },
    {
      name: `${up}_v_h`, pattern: `0 q:1 ${u} 01110 ${halfTail}`, feature: 'asimdhp',
      emit: (f, e) => emitFp(e, call(f, 1, laneCount(f.q, 1))),
      asm: (f) => vec(f, 1),
    },
  ];
  if (scalar) {
    defs.push(
      {
        name: `${up}_s`, pattern: `01 ${u} 11110 ${tail}`,
        emit: (f, e) => emitFp(e, call(f, fsz(f), 1)),
        asm: (f) => sca(f, fsz(f)),
      },
      {
        name: `${up}_s_h`, pattern: `01 ${u} 11110 ${halfTail}`, feature: 'asimdhp',
        emit: (f, e) => emitFp(e, call(f, 1, 1)),
        asm: (f) => sca(f, 1),
      },
    );
  }
  return defs;
}

/**
 * Two-register misc: vector form and (scalar=true) the scalar one, in single/double and
 * (half = true) in half.
 */
function misc(name: string, u: number, a: number, opc: number, op: FOp, scalar: boolean, suffix = '',
  ok: (f: Fields) => boolean = () => true, half = true): InsnDef[] {
  const tail = `${a} sz:1 10000 ${lit(opc, 5)} 10 rn:5 rd:5`;
  const halfTail = `${a} 1111 00 ${lit(opc, 5)} 10 rn:5 rd:5`;
  const up = name.toUpperCase();
  const vecEmit = (f: Fields, e: Emitter, sz: number, count: number): string =>
    (op === FOp.Abs || op === FOp.Neg ? emitWith(e, (c) => signOp(c, f.rd, f.rn, sz, count, op === FOp.Neg))
      : emitFp(e, { op, shape: FShape.Elem, sz, count, d: f.rd, n: f.rn, m: -1, idx: -1, imm: 0 }));
  const scaEmit = (f: Fields, e: Emitter, sz: number): string =>
    emitFp(e, { op, shape: FShape.Elem, sz, count: 1, d: f.rd, n: f.rn, m: -1, idx: -1, imm: 0 });
  const defs: InsnDef[] = [{
    name: `${up}_v`, pattern: `0 q:1 ${u} 01110 ${tail}`,
    when: (f) => vecOk(f) && ok(f),
    emit: (f, e) => vecEmit(f, e, fsz(f), fcount(f)),
    asm: (f) => `${name} ${vr(f.rd, f.q, fsz(f))}, ${vr(f.rn, f.q, fsz(f))}${suffix}`,
  }];
  if (half) {
    defs.push({
      name: `${up}_v_h`, pattern: `0 q:1 ${u} 01110 ${halfTail}`, feature: 'asimdhp',
      emit: (f, e) => vecEmit(f, e, 1, laneCount(f.q, 1)),
      asm: (f) => `${name} ${vr(f.rd, f.q, 1)}, ${vr(f.rn, f.q, 1)}${suffix}`,
    });
  }
  if (scalar) {
    defs.push({
      name: `${up}_s`, pattern: `01 ${u} 11110 ${tail}`,
      when: ok,
      emit: (f, e) => scaEmit(f, e, fsz(f)),
      asm: (f) => `${name} ${sr(f.rd, fsz(f))}, ${sr(f.rn, fsz(f))}${suffix}`,
    });
    if (half) {
      defs.push({
        name: `${up}_s_h`, pattern: `01 ${u} 11110 ${halfTail}`, feature: 'asimdhp',
        emit: (f, e) => scaEmit(f, e, 1),
        asm: (f) => `${name} ${sr(f.rd, 1)}, ${sr(f.rn, 1)}${suffix}`,
      });
    }
  }
  return defs;
}

/** FMAXV etc.: 4S, and 4H/8H (FP16). */
function across(name: string, a: number, opc: number, op: FOp): InsnDef[] {
  return [
    {
      name: name.toUpperCase(), pattern: `0 1 1 01110 ${a} 0 11000 ${lit(opc, 5)} 10 rn:5 rd:5`,
      emit: (f, e) => emitFp(e, { op, shape: FShape.Across, sz: 2, count: 4, d: f.rd, n: f.rn, m: -1, idx: -1, imm: 0 }),
      asm: (f) => `${name} ${sr(f.rd, 2)}, ${vr(f.rn, 1, 2)}`,
    },
    {
      name: `${name.toUpperCase()}_h`, pattern: `0 q:1 0 01110 ${a} 0 11000 ${lit(opc, 5)} 10 rn:5 rd:5`, feature: 'asimdhp',
      emit: (f, e) => emitFp(e, { op, shape: FShape.Across, sz: 1, count: laneCount(f.q, 1), d: f.rd, n: f.rn, m: -1, idx: -1, imm: 0 }),
      asm: (f) => `${name} ${sr(f.rd, 1)}, ${vr(f.rn, f.q, 1)}`,
    },
  ];
}

/** Scalar pairwise (FADDP s0, v1.2s): a two-lane reduction; U = 0 with size 00 is the half form. */
function scalarPair(name: string, a: number, opc: number, op: FOp): InsnDef[] {
  return [
    {
      name: `${name.toUpperCase()}_s`, pattern: `01 1 11110 ${a} sz:1 11000 ${lit(opc, 5)} 10 rn:5 rd:5`,
      emit: (f, e) => emitFp(e, { op, shape: FShape.Across, sz: fsz(f), count: 2, d: f.rd, n: f.rn, m: -1, idx: -1, imm: 0 }),
      asm: (f) => `${name} ${sr(f.rd, fsz(f))}, ${vr(f.rn, f.sz, fsz(f))}`,
    },
    {
      name: `${name.toUpperCase()}_s_h`, pattern: `01 0 11110 ${a} 0 11000 ${lit(opc, 5)} 10 rn:5 rd:5`, feature: 'asimdhp',
      emit: (f, e) => emitFp(e, { op, shape: FShape.Across, sz: 1, count: 2, d: f.rd, n: f.rn, m: -1, idx: -1, imm: 0 }),
      asm: (f) => `${name} ${sr(f.rd, 1)}, v${f.rn}.2h`,
    },
  ];
}

const elemIndex = (f: Fields): number => (f.sz ? f.h : (f.h << 1) | f.l);
const elemReg = (f: Fields): number => (f.mm << 4) | f.rm;

/** By element: vector and scalar forms, in single/double and (size 00) half. */
function byElem(name: string, u: number, opc: number, op: FOp, shape: FShape): InsnDef[] {
  const tail = `1 sz:1 l:1 mm:1 rm:4 ${lit(opc, 4)} h:1 0 rn:5 rd:5`;
  const halfTail = `00 l:1 mm:1 rm:4 ${lit(opc, 4)} h:1 0 rn:5 rd:5`;
  const call = (f: Fields, count: number): FpCall =>
    ({ op, shape, sz: fsz(f), count, d: f.rd, n: f.rn, m: elemReg(f), idx: elemIndex(f), imm: 0 });
  // Half: Vm is V0..V15 and the index H:L:M.
  const halfIndex = (f: Fields): number => (f.h << 2) | (f.l << 1) | f.mm;
  const halfCall = (f: Fields, count: number): FpCall =>
    ({ op, shape, sz: 1, count, d: f.rd, n: f.rn, m: f.rm, idx: halfIndex(f), imm: 0 });
  const m = (f: Fields): string => elem(elemReg(f), fsz(f), elemIndex(f));
  const up = name.toUpperCase();
  return [
    {
      name: `${up}_v_elem`, pattern: `0 q:1 ${u} 01111 ${tail}`,
      when: (f) => f.sz === 0 || (f.l === 0 && f.q === 1),
      emit: (f, e) => emitFp(e, call(f, fcount(f))),
      asm: (f) => `${name} ${vr(f.rd, f.q, fsz(f))}, ${vr(f.rn, f.q, fsz(f))}, ${m(f)}`,
    },
    {
      name: `${up}_s_elem`, pattern: `01 ${u} 11111 ${tail}`,
      when: (f) => f.sz === 0 || f.l === 0,
      emit: (f, e) => emitFp(e, call(f, 1)),
      asm: (f) => `${name} ${sr(f.rd, fsz(f))}, ${sr(f.rn, fsz(f))}, ${m(f)}`,
    },
    {
      name: `${up}_v_elem_h`, pattern: `0 q:1 ${u} 01111 ${halfTail}`, feature: 'asimdhp',
      emit: (f, e) => emitFp(e, halfCall(f, laneCount(f.q, 1))),
      asm: (f) => `${name} ${vr(f.rd, f.q, 1)}, ${vr(f.rn, f.q, 1)}, ${elem(f.rm, 1, halfIndex(f))}`,
    },
    {
      name: `${up}_s_elem_h`, pattern: `01 ${u} 11111 ${halfTail}`, feature: 'asimdhp',
      emit: (f, e) => emitFp(e, halfCall(f, 1)),
      asm: (f) => `${name} ${sr(f.rd, 1)}, ${sr(f.rn, 1)}, ${elem(f.rm, 1, halfIndex(f))}`,
    },
  ];
}

/** Fixed-point conversions by immediate (SCVTF/UCVTF/FCVTZS/FCVTZU #fbits); immh 001x is half (FP16). */
function fixed(name: string, u: number, opc: number, op: FOp): InsnDef[] {
  const sz = (f: Fields): number => (f.immh >= 8 ? 3 : f.immh >= 4 ? 2 : 1);
  const fbits = (f: Fields): number => (16 << sz(f)) - ((f.immh << 3) | f.immb);
  const call = (f: Fields, count: number): FpCall =>
    ({ op, shape: FShape.Elem, sz: sz(f), count, d: f.rd, n: f.rn, m: -1, idx: -1, imm: fbits(f) });
  const up = name.toUpperCase();
  const vec = (f: Fields): string => `${name} ${vr(f.rd, f.q, sz(f))}, ${vr(f.rn, f.q, sz(f))}, #${fbits(f)}`;
  const sca = (f: Fields): string => `${name} ${sr(f.rd, sz(f))}, ${sr(f.rn, sz(f))}, #${fbits(f)}`;
  return [
    {
      name: `${up}_fixed_v`, pattern: `0 q:1 ${u} 011110 immh:4 immb:3 ${lit(opc, 5)} 1 rn:5 rd:5`,
      when: (f) => f.immh >= 4 && (f.immh < 8 || f.q === 1),
      emit: (f, e) => emitFp(e, call(f, laneCount(f.q, sz(f)))),
      asm: vec,
    },
    {
      name: `${up}_fixed_s`, pattern: `01 ${u} 111110 immh:4 immb:3 ${lit(opc, 5)} 1 rn:5 rd:5`,
      when: (f) => f.immh >= 4,
      emit: (f, e) => emitFp(e, call(f, 1)),
      asm: sca,
    },
    {
      name: `${up}_fixed_v_h`, pattern: `0 q:1 ${u} 011110 001 immh0:1 immb:3 ${lit(opc, 5)} 1 rn:5 rd:5`, feature: 'asimdhp',
      emit: (f, e) => emitFp(e, call({ ...f, immh: 2 | f.immh0 }, laneCount(f.q, 1))),
      asm: (f) => vec({ ...f, immh: 2 | f.immh0 }),
    },
    {
      name: `${up}_fixed_s_h`, pattern: `01 ${u} 111110 001 immh0:1 immb:3 ${lit(opc, 5)} 1 rn:5 rd:5`, feature: 'asimdhp',
      emit: (f, e) => emitFp(e, call({ ...f, immh: 2 | f.immh0 }, 1)),
      asm: (f) => sca({ ...f, immh: 2 | f.immh0 }),
    },
  ];
}

const Z = ', #0.0';

export const insns = defineInsns([
  ...same('fmaxnm', 0, 0, 0b11000, FOp.MaxNm),
  ...same('fminnm', 0, 1, 0b11000, FOp.MinNm),
  ...same('fmaxnmp', 1, 0, 0b11000, FOp.MaxNm, FShape.Pair),
  ...same('fminnmp', 1, 1, 0b11000, FOp.MinNm, FShape.Pair),
  ...same('fmla', 0, 0, 0b11001, FOp.Mla, FShape.Acc),
  ...same('fmls', 0, 1, 0b11001, FOp.Mls, FShape.Acc),
  ...same('fadd', 0, 0, 0b11010, FOp.Add),
  ...same('fsub', 0, 1, 0b11010, FOp.Sub),
  ...same('faddp', 1, 0, 0b11010, FOp.Add, FShape.Pair),
  ...same('fabd', 1, 1, 0b11010, FOp.Abd, FShape.Elem, true),
  ...same('fmulx', 0, 0, 0b11011, FOp.Mulx, FShape.Elem, true),
  ...same('fmul', 1, 0, 0b11011, FOp.Mul),
  ...same('fcmeq', 0, 0, 0b11100, FOp.CmEq, FShape.Elem, true),
  ...same('fcmge', 1, 0, 0b11100, FOp.CmGe, FShape.Elem, true),
  ...same('fcmgt', 1, 1, 0b11100, FOp.CmGt, FShape.Elem, true),
  ...same('facge', 1, 0, 0b11101, FOp.AcGe, FShape.Elem, true),
  ...same('facgt', 1, 1, 0b11101, FOp.AcGt, FShape.Elem, true),
  ...same('fmax', 0, 0, 0b11110, FOp.Max),
  ...same('fmin', 0, 1, 0b11110, FOp.Min),
  ...same('fmaxp', 1, 0, 0b11110, FOp.Max, FShape.Pair),
  ...same('fminp', 1, 1, 0b11110, FOp.Min, FShape.Pair),
  ...same('frecps', 0, 0, 0b11111, FOp.Recps, FShape.Elem, true),
  ...same('frsqrts', 0, 1, 0b11111, FOp.Rsqrts, FShape.Elem, true),
  ...same('fdiv', 1, 0, 0b11111, FOp.Div),

  ...misc('frintn', 0, 0, 0b11000, FOp.RintN, false),
  ...misc('frinta', 1, 0, 0b11000, FOp.RintA, false),
  ...misc('frintm', 0, 0, 0b11001, FOp.RintM, false),
  ...misc('frintx', 1, 0, 0b11001, FOp.RintX, false),
  ...misc('fcvtns', 0, 0, 0b11010, FOp.CvtNS, true),
  ...misc('fcvtnu', 1, 0, 0b11010, FOp.CvtNU, true),
  ...misc('fcvtms', 0, 0, 0b11011, FOp.CvtMS, true),
  ...misc('fcvtmu', 1, 0, 0b11011, FOp.CvtMU, true),
  ...misc('fcvtas', 0, 0, 0b11100, FOp.CvtAS, true),
  ...misc('fcvtau', 1, 0, 0b11100, FOp.CvtAU, true),
  ...misc('scvtf', 0, 0, 0b11101, FOp.Scvtf, true),
  ...misc('ucvtf', 1, 0, 0b11101, FOp.Ucvtf, true),
  ...misc('fcmgt', 0, 1, 0b01100, FOp.CmGt0, true, Z),
  ...misc('fcmge', 1, 1, 0b01100, FOp.CmGe0, true, Z),
  ...misc('fcmeq', 0, 1, 0b01101, FOp.CmEq0, true, Z),
  ...misc('fcmle', 1, 1, 0b01101, FOp.CmLe0, true, Z),
  ...misc('fcmlt', 0, 1, 0b01110, FOp.CmLt0, true, Z),
  ...misc('fabs', 0, 1, 0b01111, FOp.Abs, false),
  ...misc('fneg', 1, 1, 0b01111, FOp.Neg, false),
  ...misc('frintp', 0, 1, 0b11000, FOp.RintP, false),
  ...misc('frintz', 0, 1, 0b11001, FOp.RintZ, false),
  ...misc('frinti', 1, 1, 0b11001, FOp.RintI, false),
  ...misc('fcvtps', 0, 1, 0b11010, FOp.CvtPS, true),
  ...misc('fcvtpu', 1, 1, 0b11010, FOp.CvtPU, true),
  ...misc('fcvtzs', 0, 1, 0b11011, FOp.CvtZS, true),
  ...misc('fcvtzu', 1, 1, 0b11011, FOp.CvtZU, true),
  ...misc('urecpe', 0, 1, 0b11100, FOp.Urecpe, false, '', (f) => f.sz === 0, false),
  ...misc('ursqrte', 1, 1, 0b11100, FOp.Ursqrte, false, '', (f) => f.sz === 0, false),
  ...misc('frecpe', 0, 1, 0b11101, FOp.Recpe, true),
  ...misc('frsqrte', 1, 1, 0b11101, FOp.Rsqrte, true),
  ...misc('fsqrt', 1, 1, 0b11111, FOp.Sqrt, false),
  {
    name: 'FRINTN_v', pattern: '0 q:1 u:1 01110 0 sz:1 10000 1111 b64:1 10 rn:5 rd:5', feature: 'frint',
    when: vecOk,
    emit: (f, e) => emitFp(e, { op: FOp.Rint32Z + 2 * f.b64 + f.u, shape: FShape.Elem, sz: fsz(f), count: fcount(f), d: f.rd, n: f.rn, m: -1, idx: -1, imm: 0 }),
    asm: (f) => `frint${f.b64 ? 64 : 32}${f.u ? 'x' : 'z'} ${vr(f.rd, f.q, fsz(f))}, ${vr(f.rn, f.q, fsz(f))}`,
  },
  {
    name: 'FRECPX', pattern: '01 0 11110 1 sz:1 10000 11111 10 rn:5 rd:5',
    emit: (f, e) => emitFp(e, { op: FOp.Recpx, shape: FShape.Elem, sz: fsz(f), count: 1, d: f.rd, n: f.rn, m: -1, idx: -1, imm: 0 }),
    asm: (f) => `frecpx ${sr(f.rd, fsz(f))}, ${sr(f.rn, fsz(f))}`,
  },
  {
    name: 'FRECPX_h', pattern: '01 0 11110 1 1111 00 11111 10 rn:5 rd:5', feature: 'asimdhp',
    emit: (f, e) => emitFp(e, { op: FOp.Recpx, shape: FShape.Elem, sz: 1, count: 1, d: f.rd, n: f.rn, m: -1, idx: -1, imm: 0 }),
    asm: (f) => `frecpx ${sr(f.rd, 1)}, ${sr(f.rn, 1)}`,
  },
  {
    name: 'FCVTL', pattern: '0 q:1 0 01110 0 sz:1 10000 10111 10 rn:5 rd:5',
    emit: fcvtl,
    asm: (f) => `fcvtl${f.q ? '2' : ''} ${vr(f.rd, 1, f.sz + 2)}, ${vr(f.rn, f.q, f.sz + 1)}`,
  },
  {
    name: 'FCVTN', pattern: '0 q:1 0 01110 0 sz:1 10000 10110 10 rn:5 rd:5',
    emit: (f, e) => fcvtn(e, f, false),
    asm: (f) => `fcvtn${f.q ? '2' : ''} ${vr(f.rd, f.q, f.sz + 1)}, ${vr(f.rn, 1, f.sz + 2)}`,
  },
  {
    name: 'FCVTXN', pattern: '0 q:1 1 01110 0 1 10000 10110 10 rn:5 rd:5',
    emit: (f, e) => fcvtn(e, { ...f, sz: 1 }, true),
    asm: (f) => `fcvtxn${f.q ? '2' : ''} ${vr(f.rd, f.q, 2)}, ${vr(f.rn, 1, 3)}`,
  },
  {
    name: 'FCVTXN_s', pattern: '01 1 11110 0 1 10000 10110 10 rn:5 rd:5',
    emit: (f, e) => emitFp(e, { op: FOp.Cvtxn, shape: FShape.Narrow, sz: 2, count: 1, d: f.rd, n: f.rn, m: -1, idx: 0, imm: 0 }),
    asm: (f) => `fcvtxn ${sr(f.rd, 2)}, ${sr(f.rn, 3)}`,
  },

  ...across('fmaxnmv', 0, 0b01100, FOp.MaxNm),
  ...across('fminnmv', 1, 0b01100, FOp.MinNm),
  ...across('fmaxv', 0, 0b01111, FOp.Max),
  ...across('fminv', 1, 0b01111, FOp.Min),
  ...scalarPair('fmaxnmp', 0, 0b01100, FOp.MaxNm),
  ...scalarPair('fminnmp', 1, 0b01100, FOp.MinNm),
  ...scalarPair('faddp', 0, 0b01101, FOp.Add),
  ...scalarPair('fmaxp', 0, 0b01111, FOp.Max),
  ...scalarPair('fminp', 1, 0b01111, FOp.Min),

  ...byElem('fmla', 0, 0b0001, FOp.Mla, FShape.Acc),
  ...byElem('fmls', 0, 0b0101, FOp.Mls, FShape.Acc),
  ...byElem('fmul', 0, 0b1001, FOp.Mul, FShape.Elem),
  ...byElem('fmulx', 1, 0b1001, FOp.Mulx, FShape.Elem),

  ...fixed('scvtf', 0, 0b11100, FOp.Scvtf),
  ...fixed('ucvtf', 1, 0b11100, FOp.Ucvtf),
  ...fixed('fcvtzs', 0, 0b11111, FOp.CvtZS),
  ...fixed('fcvtzu', 1, 0b11111, FOp.CvtZU),
]);
