// Integer dot products and their kin: SDOT/UDOT (DotProd, vector and by element),
// USDOT/SUDOT and SMMLA/UMMLA/USMMLA (I8MM), and SQRDMLAH/SQRDMLSH (RDM: rounding doubling
// multiply-accumulate returning the high half; vector, scalar and by element).
//
// A dot product lane is at most four (eight for the matrix forms) byte products plus the
// accumulator: exact in a JS number, so each 32-bit lane is one expression wrapped by `| 0`.
import type { Fields } from '../../common/decode-pattern.js';
import { defineInsns, type InsnDef } from '../insn-def.js';
import { Code, elem, emitWith, laneCount, sr, vr } from './simd-common.js';
import { elementwise, indexed, satLane, type IntOp } from './simd-int.js';

/** Byte k of V`reg` (signed or not). */
const byte = (c: Code, reg: number, k: number, signed: boolean): string => c.lane(reg, 0, k, signed);

/**
 * Vd.S[e] += sum of Vn.B[4e + i] * Vm.B[4e + i] (i = 0..3), or with Vm's 4-byte element
 * `index` in every lane (index >= 0).
 */
function dot(c: Code, f: Fields, nSigned: boolean, mSigned: boolean, m: number, index: number): void {
  const count = laneCount(f.q, 2);
  const lanes = Array.from({ length: count }, (_, e) => {
    const terms = [0, 1, 2, 3].map((i) => `${byte(c, f.rn, 4 * e + i, nSigned)} * ${byte(c, m, 4 * (index < 0 ? e : index) + i, mSigned)}`);
    return `(${c.lane(f.rd, 2, e, true)} + ${terms.join(' + ')}) | 0`;
  });
  c.writeLanes(f.rd, 2, lanes);
}

/** SMMLA/UMMLA/USMMLA: Vd (2x2 of S) += Vn (2x8 of B) x Vm^T (Vm: 2x8 of B, one row per column). */
function mmla(c: Code, f: Fields, nSigned: boolean, mSigned: boolean): void {
  const lanes: string[] = [];
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 2; j++) {
      const terms = Array.from({ length: 8 }, (_, k) => `${byte(c, f.rn, 8 * i + k, nSigned)} * ${byte(c, f.rm, 8 * j + k, mSigned)}`);
      lanes.push(`(${c.lane(f.rd, 2, 2 * i + j, true)} + ${terms.join(' + ')}) | 0`);
    }
  }
  c.writeLanes(f.rd, 2, lanes);
}

/**
 * SQRDMLAH (sub = false) and SQRDMLSH: d + round(+-2ab / 2^esize), saturated. Sources are
 * [n, m, d]. 16-bit lanes are exact in JS numbers; 32-bit ones take a helper.
 */
const sqrdmlah = (sub: boolean): IntOp => ({
  signed: true,
  lane: (c, [a, b, d], sz) => {
    if (sz === 2) {
      c.takeHelperQc();
      return `H.simdSqrdmlah32(${d}, ${a}, ${b}, ${sub ? 1 : 0})`;
    }
    return satLane(c, 1, true, `${d} + Math.floor((${sub ? '-' : ''}2 * ${a} * ${b} + 32768) / 65536)`);
  },
});

const vdot = (f: Fields): string => `${vr(f.rd, f.q, 2)}, ${vr(f.rn, f.q, 0)}`;
/** The by-element Vm of a 4-byte element: M:Rm and index H:L. */
const dotElem = (f: Fields): { reg: number; index: number } => ({ reg: (f.mm << 4) | f.rm, index: (f.h << 1) | f.l });

const DOTS: [string, number, boolean, boolean][] = [['sdot', 0, true, true], ['udot', 1, false, false]];

const dotDefs: InsnDef[] = DOTS.flatMap(([name, u, ns, ms]): InsnDef[] => [
  {
    name: `${name.toUpperCase()}_v`, pattern: `0 q:1 ${u} 01110 10 0 rm:5 1001 01 rn:5 rd:5`, feature: 'asimddp',
    emit: (f, e) => emitWith(e, (c) => dot(c, f, ns, ms, f.rm, -1)),
    asm: (f) => `${name} ${vdot(f)}, ${vr(f.rm, f.q, 0)}`,
  },
  {
    name: `${name.toUpperCase()}_elem`, pattern: `0 q:1 ${u} 01111 10 l:1 mm:1 rm:4 1110 h:1 0 rn:5 rd:5`, feature: 'asimddp',
    emit: (f, e) => emitWith(e, (c) => dot(c, f, ns, ms, dotElem(f).reg, dotElem(f).index)),
    asm: (f) => `${name} ${vdot(f)}, v${dotElem(f).reg}.4b[${dotElem(f).index}]`,
  },
]);

const i8mmDefs: InsnDef[] = [
  {
    name: 'USDOT_v', pattern: '0 q:1 0 01110 10 0 rm:5 1001 11 rn:5 rd:5', feature: 'i8mm',
    emit: (f, e) => emitWith(e, (c) => dot(c, f, false, true, f.rm, -1)),
    asm: (f) => `usdot ${vdot(f)}, ${vr(f.rm, f.q, 0)}`,
  },
  {
    // sz 10: USDOT (unsigned Vn, signed Vm), 00: SUDOT (signed Vn, unsigned Vm)
    name: 'USDOT_SUDOT_elem', pattern: '0 q:1 0 01111 us:1 0 l:1 mm:1 rm:4 1111 h:1 0 rn:5 rd:5', feature: 'i8mm',
    emit: (f, e) => emitWith(e, (c) => dot(c, f, !f.us, f.us === 1, dotElem(f).reg, dotElem(f).index)),
    asm: (f) => `${f.us ? 'usdot' : 'sudot'} ${vdot(f)}, v${dotElem(f).reg}.4b[${dotElem(f).index}]`,
  },
  {
    // U:B = 00 SMMLA, 10 UMMLA, 01 USMMLA
    name: 'MMLA', pattern: '0 1 u:1 01110 10 0 rm:5 1010 b:1 1 rn:5 rd:5', feature: 'i8mm',
    when: (f) => !(f.u && f.b),
    emit: (f, e) => emitWith(e, (c) => mmla(c, f, !f.u && !f.b, !f.u)),
    asm: (f) => `${f.b ? 'usmmla' : f.u ? 'ummla' : 'smmla'} ${vr(f.rd, 1, 2)}, ${vr(f.rn, 1, 0)}, ${vr(f.rm, 1, 0)}`,
  },
];

const HS = (f: Fields): boolean => f.sz === 1 || f.sz === 2;
const rdmName = (f: Fields): string => (f.s ? 'sqrdmlsh' : 'sqrdmlah');

const rdmDefs: InsnDef[] = [
  {
    name: 'SQRDMLAH_v', pattern: '0 q:1 1 01110 sz:2 0 rm:5 1 000 s:1 1 rn:5 rd:5', feature: 'asimdrdm',
    when: HS,
    emit: (f, e) => emitWith(e, (c) => elementwise(c, sqrdmlah(f.s === 1), f.sz, laneCount(f.q, f.sz), f.rd, [f.rn, f.rm, f.rd])),
    asm: (f) => `${rdmName(f)} ${vr(f.rd, f.q, f.sz)}, ${vr(f.rn, f.q, f.sz)}, ${vr(f.rm, f.q, f.sz)}`,
  },
  {
    name: 'SQRDMLAH_s', pattern: '01 1 11110 sz:2 0 rm:5 1 000 s:1 1 rn:5 rd:5', feature: 'asimdrdm',
    when: HS,
    emit: (f, e) => emitWith(e, (c) => elementwise(c, sqrdmlah(f.s === 1), f.sz, 1, f.rd, [f.rn, f.rm, f.rd])),
    asm: (f) => `${rdmName(f)} ${sr(f.rd, f.sz)}, ${sr(f.rn, f.sz)}, ${sr(f.rm, f.sz)}`,
  },
  {
    name: 'SQRDMLAH_v_elem', pattern: '0 q:1 1 01111 sz:2 l:1 mm:1 rm:4 11 s:1 1 h:1 0 rn:5 rd:5', feature: 'asimdrdm',
    when: HS,
    emit: (f, e) => emitWith(e, (c) => elementwise(c, sqrdmlah(f.s === 1), f.sz, laneCount(f.q, f.sz), f.rd, [f.rn, indexed(f, f.sz), f.rd])),
    asm: (f) => `${rdmName(f)} ${vr(f.rd, f.q, f.sz)}, ${vr(f.rn, f.q, f.sz)}, ${elem(indexed(f, f.sz).reg, f.sz, indexed(f, f.sz).index)}`,
  },
  {
    name: 'SQRDMLAH_s_elem', pattern: '01 1 11111 sz:2 l:1 mm:1 rm:4 11 s:1 1 h:1 0 rn:5 rd:5', feature: 'asimdrdm',
    when: HS,
    emit: (f, e) => emitWith(e, (c) => elementwise(c, sqrdmlah(f.s === 1), f.sz, 1, f.rd, [f.rn, indexed(f, f.sz), f.rd])),
    asm: (f) => `${rdmName(f)} ${sr(f.rd, f.sz)}, ${sr(f.rn, f.sz)}, ${elem(indexed(f, f.sz).reg, f.sz, indexed(f, f.sz).index)}`,
  },
];

export const insns = defineInsns([...dotDefs, ...i8mmDefs, ...rdmDefs]);
