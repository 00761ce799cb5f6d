// Emitters shared by the F and D extensions (rv64f.ts, rv64d.ts), parameterised by the
// format: fmt 0 single, 1 double.
//
// Registers live in the FP bank: VF64[n] is fN as a double, VF32[2n] its low single and
// V32[2n + 1] the upper word, all ones when the single is NaN-boxed (a single that is not
// reads as the canonical NaN). Moves, loads, stores and sign injection are bit copies;
// NaN results are always the canonical NaN, written as bits by the helpers.
//
// Arithmetic runs inline as JS double arithmetic (singles: Math.fround of it, where
// double rounding is innocuous for +, -, *, /, sqrt; FMA through an exact emulation) when
// the rounding mode is RNE (static, or dynamic with frm = 0) and the result is a normal
// finite number; the inexact flag is computed inline only while fflags.NX is clear (it is
// sticky). Anything else (NaN, infinite, tiny or zero results, other rounding modes)
// takes the helpers of fp-runtime.ts, so every rounding mode and all five flags come out
// exact. Conversions always raise their flags.
import { Exit } from '../../../translate/cpu-state.js';
import type { Emitter } from '../../../translate/emitter.js';
import { emitLoad, emitStore, inlineAddress, readableInline, writableInline } from '../../../translate/memory-emit.js';
import type { Fields } from '../../common/decode-pattern.js';
import { CANONICAL_NAN_S, FpOp, MAX_FINITE, MIN_NORMAL } from '../fp-runtime.js';
import { defineInsns, type InsnDef } from '../insn-def.js';
import { fName, hi, lo, setW, setX, xName } from '../regs.js';
import { SLOT_FFLAGS, SLOT_FRM } from '../state.js';
import { address, memText } from './rv64i.js';
import { seq } from './common.js';

export const enum Fmt {
  S = 0,
  D = 1,
}

const SUFFIX = ['s', 'd'];
const FMT_BITS = ['00', '01'];
const RM_NAMES = ['rne', 'rtz', 'rdn', 'rup', 'rmm', '', '', 'dyn'];
const DYN = 7;
/** Static rounding modes 5 and 6 are reserved: those encodings are illegal. */
export const validRm = (f: Fields): boolean => f.rm !== 5 && f.rm !== 6;

// ---- generated-code fragments ----

const ff = (e: Emitter): string => e.slot(SLOT_FFLAGS);
const orFlags = (e: Emitter, flags: string): string => e.assign(SLOT_FFLAGS, `${ff(e)} | ${flags}`);
/** The resolved rounding mode as a JS expression. */
const rmExpr = (e: Emitter, rm: number): string => (rm === DYN ? e.slot(SLOT_FRM) : String(rm));
/** Raises an illegal instruction when a dynamic rounding mode finds frm invalid. */
const dynCheck = (e: Emitter, rm: number): string => (rm === DYN ? `if (${e.slot(SLOT_FRM)} > 4) ${e.raise(Exit.Illegal, e.pc)}` : '');
/** The JS condition for round-to-nearest-even, or null when the mode is statically another one. */
const rneCond = (e: Emitter, rm: number): string | null => (rm === 0 ? 'true' : rm === DYN ? `${e.slot(SLOT_FRM)} === 0` : null);

/** fN as a number: a double, or a single (the caller checks boxing). */
const num = (fmt: number, n: number): string => (fmt === Fmt.D ? `VF64[${n}]` : `VF32[${2 * n}]`);
/** fN as a number, NaN when a single is not NaN-boxed. */
const numBoxed = (fmt: number, n: number): string =>
  fmt === Fmt.D ? `VF64[${n}]` : `(V32[${2 * n + 1}] === -1 ? VF32[${2 * n}] : NaN)`;
/** The JS condition that singles fN... are NaN-boxed ('' for doubles). */
function boxed(fmt: number, regs: readonly number[]): string {
  if (fmt === Fmt.D) return '';
  const words = [...new Set(regs)].map((n) => `V32[${2 * n + 1}]`);
  return words.length === 1 ? `${words[0]} === -1` : `(${words.join(' & ')}) === -1`;
}
/** Writes a non-NaN number to fd (singles NaN-boxed). */
const store = (fmt: number, d: number, v: string): string =>
  fmt === Fmt.D ? `VF64[${d}] = ${v};` : `VF32[${2 * d}] = ${v}; V32[${2 * d + 1}] = -1;`;
const and = (...conds: string[]): string => conds.filter((c) => c && c !== 'true').join(' && ') || 'true';

/** A helper call returning flags, or -1 for an invalid rounding mode (illegal instruction). */
function flagsCall(e: Emitter, call: string): string {
  const t = e.tmp();
  return `${t} = ${call}; if (${t} < 0) ${e.raise(Exit.Illegal, e.pc)} ${orFlags(e, t)}`;
}

// ---- arithmetic ----

const arithCall = (e: Emitter, op: number, fmt: number, rm: number, f: Fields): string =>
  flagsCall(e, `H.rvArith(S, ${op}, ${fmt}, ${rmExpr(e, rm)}, ${f.rd}, ${f.rs1}, ${f.rs2 ?? 0}, ${f.rs3 ?? 0})`);

function arithValue(op: number, fmt: number, f: Fields): string {
  const x = num(fmt, f.rs1), y = num(fmt, f.rs2 ?? 0), z = num(fmt, f.rs3 ?? 0);
  switch (op) {
    case FpOp.Add: return `${x} + ${y}`;
    case FpOp.Sub: return `${x} - ${y}`;
    case FpOp.Mul: return `${x} * ${y}`;
    case FpOp.Div: return `${x} / ${y}`;
    case FpOp.Sqrt: return `Math.sqrt(${x})`;
    default: {
      const k = op - FpOp.MAdd; // fmadd, fmsub, fnmsub, fnmadd
      return `H.${fmt === Fmt.D ? 'rvFmaD' : 'rvFmaS'}(${k >= 2 ? '-' : ''}${x}, ${y}, ${k === 1 || k === 3 ? '-' : ''}${z})`;
    }
  }
}

/** Arithmetic: inline for RNE results that are normal and finite, else the helper. */
function emitArith(e: Emitter, op: number, fmt: number, f: Fields): string {
  const rm = op === FpOp.Min || op === FpOp.Max ? 0 : f.rm;
  const call = arithCall(e, op, fmt, rm, f);
  const rne = rneCond(e, rm);
  if (rne === null) return call;
  const k = op === FpOp.Sqrt ? 1 : op >= FpOp.MAdd ? 3 : 2;
  const regs = [f.rs1, f.rs2, f.rs3].slice(0, k);
  const t = e.tmp();
  if (op === FpOp.Min || op === FpOp.Max) {
    const value = `Math.${op === FpOp.Min ? 'min' : 'max'}(${num(fmt, f.rs1)}, ${num(fmt, f.rs2)})`;
    return `${t} = ${value};\nif (${and(boxed(fmt, regs), `${t} === ${t}`)}) { ${store(fmt, f.rd, t)} } else { ${call} }`;
  }
  const u = e.tmp();
  const value = fmt === Fmt.S && op < FpOp.MAdd ? `Math.fround(${arithValue(op, fmt, f)})` : arithValue(op, fmt, f);
  const ok = and(rne, boxed(fmt, regs), `(${u} = Math.abs(${t})) > ${MIN_NORMAL[fmt]}`, `${u} <= ${MAX_FINITE[fmt]}`);
  const args = [0, 1, 2].map((i) => (i < k ? num(fmt, regs[i]) : '0')).join(', ');
  const nx = `if ((${ff(e)} & 1) === 0) ${orFlags(e, `H.rvInexact(${op}, ${fmt}, ${args}, ${t})`)}`;
  return `${t} = ${value};\nif (${ok}) { ${nx} ${store(fmt, f.rd, t)} } else { ${call} }`;
}

// ---- compares, class, sign injection, moves ----

const CMP_NAMES = ['fle', 'flt', 'feq'];
const CMP_OPS = ['<=', '<', '==='];

/** feq/flt/fle (op 2, 1, 0): a JS comparison; the flags need a helper only when a NaN is involved. */
function emitCompare(e: Emitter, fmt: number, op: number, f: Fields): string {
  const x = e.tmp(), y = e.tmp(), r = e.tmp();
  return [
    `${x} = ${numBoxed(fmt, f.rs1)}; ${y} = ${numBoxed(fmt, f.rs2)}; ${r} = ${x} ${CMP_OPS[op]} ${y} ? 1 : 0;`,
    `if (${x} !== ${x} || ${y} !== ${y}) ${orFlags(e, `H.rvCmpFlags(S, ${fmt}, ${op}, ${f.rs1}, ${f.rs2})`)}`,
    setX(e, f.rd, r, '0'),
  ].join('\n');
}

/** fsgnj (kind 0), fsgnjn (1), fsgnjx (2) on the sign word. */
function emitSignInject(e: Emitter, fmt: number, kind: number, f: Fields): string {
  const sign = (a: string, b: string): string =>
    kind === 0 ? `(${a} & 2147483647) | (${b} & -2147483648)`
      : kind === 1 ? `(${a} & 2147483647) | (~${b} & -2147483648)`
        : `${a} ^ (${b} & -2147483648)`;
  const d = f.rd;
  if (fmt === Fmt.D) {
    const l = e.tmp(), h = e.tmp();
    return `${l} = V32[${2 * f.rs1}]; ${h} = ${sign(`V32[${2 * f.rs1 + 1}]`, `V32[${2 * f.rs2 + 1}]`)}; V32[${2 * d}] = ${l}; V32[${2 * d + 1}] = ${h};`;
  }
  const word = (n: number): string => `(V32[${2 * n + 1}] === -1 ? V32[${2 * n}] : ${CANONICAL_NAN_S})`;
  const a = e.tmp(), b = e.tmp();
  return `${a} = ${word(f.rs1)}; ${b} = ${word(f.rs2)}; V32[${2 * d}] = ${sign(a, b)}; V32[${2 * d + 1}] = -1;`;
}

const SGNJ_NAMES = ['fsgnj', 'fsgnjn', 'fsgnjx'];
const SGNJ_ALIASES = ['fmv', 'fneg', 'fabs'];

// ---- conversions ----

const ROUND_EXPR: Record<number, (x: string, e: Emitter) => string> = {
  0: (x) => `H.rvRoundEven(${x})`,
  1: (x) => `Math.trunc(${x})`,
  2: (x) => `Math.floor(${x})`,
  3: (x) => `Math.ceil(${x})`,
  4: (x) => `H.rvRoundAway(${x})`,
  7: (x, e) => `H.rvRoundInt(${x}, ${e.slot(SLOT_FRM)})`,
};
const INT_RANGE = [
  (r: string) => `${r} >= -2147483648 && ${r} <= 2147483647`,
  (r: string) => `${r} >= 0 && ${r} <= 4294967295`,
  (r: string) => `${r} >= -9223372036854775808 && ${r} < 9223372036854775808`,
  (r: string) => `${r} >= 0 && ${r} < 18446744073709551616`,
];
const INT_NAMES = ['w', 'wu', 'l', 'lu'];

/** fcvt.{w,wu,l,lu}.fmt (kind 0..3): inline when the rounded value is in range. */
function emitToInt(e: Emitter, fmt: number, kind: number, f: Fields): string {
  const x = e.tmp(), r = e.tmp(), l = e.tmp(), h = e.tmp(), fl = e.tmp();
  const halves = kind >= 2 ? `${l} = ${r} | 0; ${h} = Math.floor(${r} / 4294967296) | 0;` : `${l} = ${r} | 0; ${h} = ${l} >> 31;`;
  const slow = `${l} = H.rvToInt(S, ${fmt}, ${f.rs1}, ${kind}, ${rmExpr(e, f.rm)}); ${h} = H.hi[0]; ${fl} = H.rvFlagsOut[0]; if (${fl} < 0) ${e.raise(Exit.Illegal, e.pc)} ${orFlags(e, fl)}`;
  return [
    `${x} = ${numBoxed(fmt, f.rs1)}; ${r} = ${ROUND_EXPR[f.rm](x, e)};`,
    `if (${INT_RANGE[kind](r)}) { ${halves} if (${r} !== ${x}) ${orFlags(e, '1')} } else { ${slow} }`,
    setX(e, f.rd, l, h),
  ].join('\n');
}

/** The source integer of fcvt.fmt.{w,wu,l,lu} as a number, and when that number is exact. */
function intSource(e: Emitter, kind: number, rs: number): { value: string; exact: string } {
  const l = lo(e, rs), h = hi(e, rs);
  switch (kind) {
    case 0: return { value: l, exact: 'true' };
    case 1: return { value: `(${l} >>> 0)`, exact: 'true' };
    case 2: return { value: `${h} * 4294967296 + (${l} >>> 0)`, exact: `${h} >= -2097152 && ${h} < 2097152` };
    default: return { value: `(${h} >>> 0) * 4294967296 + (${l} >>> 0)`, exact: `(${h} >>> 0) < 2097152` };
  }
}

/** fcvt.fmt.{w,wu,l,lu}: inline when the integer converts exactly, or inexactly in RNE. */
function emitFromInt(e: Emitter, fmt: number, kind: number, f: Fields): string {
  const src = intSource(e, kind, f.rs1);
  const slow = flagsCall(e, `H.rvFromInt(S, ${fmt}, ${f.rd}, ${lo(e, f.rs1)}, ${hi(e, f.rs1)}, ${kind}, ${rmExpr(e, f.rm)})`);
  const check = dynCheck(e, f.rm);
  if (fmt === Fmt.D && src.exact === 'true') return seq(check, store(fmt, f.rd, src.value));
  const v = e.tmp();
  if (fmt === Fmt.D) return seq(check, `if (${src.exact}) { ${v} = ${src.value}; ${store(fmt, f.rd, v)} } else { ${slow} }`);
  const t = e.tmp();
  const rne = rneCond(e, f.rm);
  const inexact = rne === null ? slow : `if (${rne}) { ${store(fmt, f.rd, t)} ${orFlags(e, '1')} } else { ${slow} }`;
  return seq(
    check,
    `if (${src.exact}) { ${v} = ${src.value}; ${t} = Math.fround(${v});\nif (${t} === ${v}) { ${store(fmt, f.rd, t)} } else { ${inexact} } } else { ${slow} }`,
  );
}

/** fcvt.s.d: exact, or RNE with a normal result, inline. */
function emitNarrow(e: Emitter, f: Fields): string {
  const x = e.tmp(), t = e.tmp(), u = e.tmp();
  const slow = flagsCall(e, `H.rvCvtFF(S, 0, ${f.rd}, ${f.rs1}, ${rmExpr(e, f.rm)})`);
  const rne = rneCond(e, f.rm);
  const rounded = rne === null ? slow
    : `if (${and(rne, `(${u} = Math.abs(${t})) > ${MIN_NORMAL[0]}`, `${u} <= ${MAX_FINITE[0]}`)}) { ${store(Fmt.S, f.rd, t)} ${orFlags(e, '1')} } else { ${slow} }`;
  return seq(dynCheck(e, f.rm), `${x} = VF64[${f.rs1}]; ${t} = Math.fround(${x});\nif (${t} === ${x}) { ${store(Fmt.S, f.rd, t)} } else { ${rounded} }`);
}

/** fcvt.d.s: exact; NaNs go to the helper (canonical NaN, invalid for a signalling one). */
function emitWiden(e: Emitter, f: Fields): string {
  const x = e.tmp();
  const slow = flagsCall(e, `H.rvCvtFF(S, 1, ${f.rd}, ${f.rs1}, ${rmExpr(e, f.rm)})`);
  return seq(dynCheck(e, f.rm), `${x} = ${numBoxed(Fmt.S, f.rs1)};\nif (${x} === ${x}) { ${store(Fmt.D, f.rd, x)} } else { ${slow} }`);
}

// ---- disassembly ----

const rmSuffix = (rm: number): string => (rm === DYN ? '' : `,${RM_NAMES[rm]}`);
/** Conversions that are always exact (fcvt.d.w, fcvt.d.wu, fcvt.d.s): objdump shows no rounding mode. */
const exactConversion = (fmt: number, kind: number): boolean => fmt === Fmt.D && kind <= 1;
const fff = (name: string, f: Fields): string => `${name} ${fName(f.rd)},${fName(f.rs1)},${fName(f.rs2)}`;

// ---- the table for one format ----

const ARITH: ReadonlyArray<[string, string, FpOp]> = [['fadd', '00000', FpOp.Add], ['fsub', '00001', FpOp.Sub], ['fmul', '00010', FpOp.Mul], ['fdiv', '00011', FpOp.Div]];
const FUSED: ReadonlyArray<[string, string]> = [['fmadd', '1000011'], ['fmsub', '1000111'], ['fnmsub', '1001011'], ['fnmadd', '1001111']];

/** The computational, compare, class and integer-conversion instructions of one format. */
export function formatInsns(fmt: Fmt): InsnDef[] {
  const s = SUFFIX[fmt], F = s.toUpperCase(), fb = FMT_BITS[fmt];
  return [
    ...ARITH.map(([name, funct5, op]): InsnDef => ({
      name: `${name.toUpperCase()}_${F}`, pattern: `${funct5} ${fb} rs2:5 rs1:5 rm:3 rd:5 1010011`, when: validRm,
      emit: (f, e) => emitArith(e, op, fmt, f),
      asm: (f) => `${fff(`${name}.${s}`, f)}${rmSuffix(f.rm)}`,
    })),
    {
      name: `FSQRT_${F}`, pattern: `01011 ${fb} 00000 rs1:5 rm:3 rd:5 1010011`, when: validRm,
      emit: (f, e) => emitArith(e, FpOp.Sqrt, fmt, f),
      asm: (f) => `fsqrt.${s} ${fName(f.rd)},${fName(f.rs1)}${rmSuffix(f.rm)}`,
    },
    ...FUSED.map(([name, opcode], k): InsnDef => ({
      name: `${name.toUpperCase()}_${F}`, pattern: `rs3:5 ${fb} rs2:5 rs1:5 rm:3 rd:5 ${opcode}`, when: validRm,
      emit: (f, e) => emitArith(e, FpOp.MAdd + k, fmt, f),
      asm: (f) => `${name}.${s} ${fName(f.rd)},${fName(f.rs1)},${fName(f.rs2)},${fName(f.rs3)}${rmSuffix(f.rm)}`,
    })),
    ...SGNJ_NAMES.map((name, kind): InsnDef => ({
      name: `${name.toUpperCase()}_${F}`, pattern: `00100 ${fb} rs2:5 rs1:5 0${kind.toString(2).padStart(2, '0')} rd:5 1010011`,
      emit: (f, e) => emitSignInject(e, fmt, kind, f),
      asm: (f) => (f.rs1 === f.rs2 ? `${SGNJ_ALIASES[kind]}.${s} ${fName(f.rd)},${fName(f.rs1)}` : fff(`${name}.${s}`, f)),
    })),
    ...(['fmin', 'fmax'] as const).map((name, max): InsnDef => ({
      name: `${name.toUpperCase()}_${F}`, pattern: `00101 ${fb} rs2:5 rs1:5 00${max} rd:5 1010011`,
      emit: (f, e) => emitArith(e, max ? FpOp.Max : FpOp.Min, fmt, f),
      asm: (f) => fff(`${name}.${s}`, f),
    })),
    ...CMP_NAMES.map((name, op): InsnDef => ({
      name: `${name.toUpperCase()}_${F}`, pattern: `10100 ${fb} rs2:5 rs1:5 0${op.toString(2).padStart(2, '0')} rd:5 1010011`,
      emit: (f, e) => emitCompare(e, fmt, op, f),
      asm: (f) => `${name}.${s} ${xName(f.rd)},${fName(f.rs1)},${fName(f.rs2)}`,
    })),
    {
      name: `FCLASS_${F}`, pattern: `11100 ${fb} 00000 rs1:5 001 rd:5 1010011`,
      emit: (f, e) => setX(e, f.rd, `H.rvClass(S, ${fmt}, ${f.rs1})`, '0'),
      asm: (f) => `fclass.${s} ${xName(f.rd)},${fName(f.rs1)}`,
    },
    ...INT_NAMES.map((it, kind): InsnDef => ({
      name: `FCVT_${it.toUpperCase()}_${F}`, pattern: `11000 ${fb} 000${kind.toString(2).padStart(2, '0')} rs1:5 rm:3 rd:5 1010011`, when: validRm,
      emit: (f, e) => emitToInt(e, fmt, kind, f),
      asm: (f) => `fcvt.${it}.${s} ${xName(f.rd)},${fName(f.rs1)}${rmSuffix(f.rm)}`,
    })),
    ...INT_NAMES.map((it, kind): InsnDef => ({
      name: `FCVT_${F}_${it.toUpperCase()}`, pattern: `11010 ${fb} 000${kind.toString(2).padStart(2, '0')} rs1:5 rm:3 rd:5 1010011`, when: validRm,
      emit: (f, e) => emitFromInt(e, fmt, kind, f),
      asm: (f) => `fcvt.${s}.${it} ${fName(f.rd)},${xName(f.rs1)}${exactConversion(fmt, kind) ? '' : rmSuffix(f.rm)}`,
    })),
  ];
}

/** fmv.x.{w,d} and fmv.{w,d}.x: bit moves between the register files. */
export function moveInsns(fmt: Fmt): InsnDef[] {
  const w = fmt === Fmt.D ? 'd' : 'w', fb = FMT_BITS[fmt];
  return defineInsns([
    {
      name: `FMV_X_${w.toUpperCase()}`, pattern: `11100 ${fb} 00000 rs1:5 000 rd:5 1010011`,
      emit: (f, e) => (fmt === Fmt.D ? setX(e, f.rd, `V32[${2 * f.rs1}]`, `V32[${2 * f.rs1 + 1}]`) : setW(e, f.rd, `V32[${2 * f.rs1}]`)),
      asm: (f) => `fmv.x.${w} ${xName(f.rd)},${fName(f.rs1)}`,
    },
    {
      name: `FMV_${w.toUpperCase()}_X`, pattern: `11110 ${fb} 00000 rs1:5 000 rd:5 1010011`,
      emit: (f, e) => `V32[${2 * f.rd}] = ${lo(e, f.rs1)}; V32[${2 * f.rd + 1}] = ${fmt === Fmt.D ? hi(e, f.rs1) : '-1'};`,
      asm: (f) => `fmv.${w}.x ${fName(f.rd)},${xName(f.rs1)}`,
    },
  ]) as InsnDef[];
}

/**
 * fld: a double moves as a float64 (one access, and no 32-bit stores to read back as 64
 * bits); a NaN (whose bits a float64 round trip need not keep) and every slow case take
 * the exact word copy.
 */
function emitFld(e: Emitter, f: Fields): string {
  const a = address(e, f.rs1, f.imm);
  const slow = `V32[${2 * f.rd}] = M.load64(${a.lo}, ${a.hi}, ${a.off}, ${e.pc}); V32[${2 * f.rd + 1}] = M.hi;`;
  if (e.compact) return slow;
  const { t, code } = inlineAddress(e, a);
  const v = e.tmp();
  return `${code}\nif (${readableInline(a, t, 8)} && (${v} = DV.getFloat64(${t}, true)) === ${v}) { VF64[${f.rd}] = ${v}; } else { ${slow} }`;
}

/** fsd: a non-NaN double stored as a float64; NaNs (exact bits) and slow cases as words. */
function emitFsd(e: Emitter, f: Fields): string {
  const a = address(e, f.rs1, f.imm);
  const slow = `M.store64(${a.lo}, ${a.hi}, ${a.off}, V32[${2 * f.rs2}], V32[${2 * f.rs2 + 1}], ${e.pc});`;
  if (e.compact) return slow;
  const { t, code } = inlineAddress(e, a);
  const v = e.tmp();
  return `${code} ${v} = VF64[${f.rs2}];\nif (${v} === ${v} && ${writableInline(a, t, 8)}) { DV.setFloat64(${t}, ${v}, true); } else if (${writableInline(a, t, 8)}) { DV.setInt32(${t}, V32[${2 * f.rs2}], true); DV.setInt32(${t} + 4, V32[${2 * f.rs2 + 1}], true); } else { ${slow} }`;
}

/** flw/fsw or fld/fsd. */
export function memoryInsns(fmt: Fmt): InsnDef[] {
  const w = fmt === Fmt.D ? 'd' : 'w', funct3 = fmt === Fmt.D ? '011' : '010';
  return defineInsns([
    {
      name: `FL${w.toUpperCase()}`, pattern: `imm:s12 rs1:5 ${funct3} rd:5 0000111`,
      emit: (f, e) => {
        if (fmt === Fmt.D) return emitFld(e, f);
        const ld = emitLoad(e, 4, address(e, f.rs1, f.imm));
        return seq(ld.code, `V32[${2 * f.rd}] = ${ld.lo}; V32[${2 * f.rd + 1}] = -1;`);
      },
      asm: (f) => `fl${w} ${fName(f.rd)},${memText(f.imm, f.rs1)}`,
    },
    {
      name: `FS${w.toUpperCase()}`, pattern: `xxxxxxx rs2:5 rs1:5 ${funct3} xxxxx 0100111`, format: 'S',
      emit: (f, e) => (fmt === Fmt.D ? emitFsd(e, f) : emitStore(e, 4, address(e, f.rs1, f.imm), `V32[${2 * f.rs2}]`)),
      asm: (f) => `fs${w} ${fName(f.rs2)},${memText(f.imm, f.rs1)}`,
    },
  ]) as InsnDef[];
}

/** fcvt.s.d and fcvt.d.s (the D extension). */
export const convertInsns = defineInsns([
  {
    name: 'FCVT_S_D', pattern: '01000 00 00001 rs1:5 rm:3 rd:5 1010011', when: validRm,
    emit: (f, e) => emitNarrow(e, f),
    asm: (f) => `fcvt.s.d ${fName(f.rd)},${fName(f.rs1)}${rmSuffix(f.rm)}`,
  },
  {
    name: 'FCVT_D_S', pattern: '01000 01 00000 rs1:5 rm:3 rd:5 1010011', when: validRm,
    emit: (f, e) => emitWiden(e, f),
    asm: (f) => `fcvt.d.s ${fName(f.rd)},${fName(f.rs1)}`,
  },
]);
