// Advanced SIMD moves and permutes: modified immediates (MOVI/MVNI/ORR/BIC/FMOV), the
// copy group (DUP/INS/UMOV/SMOV and scalar DUP), EXT, TBL/TBX, ZIP/UZP/TRN, REV16/32/64
// and XTN. Fixed byte permutations go through one "shuffle compiler" that turns a byte
// map into a few shifts and masks per 32-bit word.
import type { Fields } from '../../common/decode-pattern.js';
import type { InsnDef } from '../insn-def.js';
import { defineInsns } from '../insn-def.js';
import { hi, lo, setW, setX, wName, xName } from '../regs.js';
import { Code, arr, elem, emitWith, laneCount, lit, sr, vr } from './simd-common.js';

/** Where one destination byte comes from: [register, byte 0..15], or null for zero. */
export type ByteSrc = readonly [number, number] | null;

/** Word expressions for a byte map (its length a multiple of 4). */
export function shuffleWords(c: Code, map: readonly ByteSrc[]): string[] {
  const words: string[] = [];
  for (let k = 0; k < map.length; k += 4) {
    // Bytes that come from the same source word with the same displacement share a term.
    const groups = new Map<string, { reg: number; sw: number; shift: number; mask: number }>();
    for (let b = 0; b < 4; b++) {
      const s = map[k + b];
      if (!s) continue;
      const shift = 8 * (b - (s[1] & 3));
      const key = `${s[0]}:${s[1] >> 2}:${shift}`;
      const g = groups.get(key) ?? { reg: s[0], sw: s[1] >> 2, shift, mask: 0 };
      g.mask |= 0xff << (8 * b);
      groups.set(key, g);
    }
    const terms = [...groups.values()].map((g) => {
      const w = c.word(g.reg, g.sw);
      if (g.shift === 0 && g.mask === -1) return w;
      const x = g.shift > 0 ? `${w} << ${g.shift}` : g.shift < 0 ? `${w} >>> ${-g.shift}` : w;
      const live = g.shift >= 0 ? -1 << g.shift : -1 >>> -g.shift;
      if ((live & ~g.mask) !== 0) return `(${x} & ${g.mask})`;
      // `| 0` keeps a lone unsigned shift an int32.
      return groups.size === 1 ? `${x} | 0` : `(${x})`;
    });
    words.push(terms.length === 0 ? '0' : terms.join(' | '));
  }
  return words;
}

/** Vd = bytes per `map` (8 or 16 entries); the rest of Vd is zeroed. */
const shuffle = (c: Code, d: number, map: readonly ByteSrc[]): void => c.writeWords(d, shuffleWords(c, map));

/** Byte map of a lane permutation: lane i of the result is `pick(i)` = [reg, lane]. */
function laneMap(q: number, sz: number, pick: (i: number) => readonly [number, number]): ByteSrc[] {
  const eb = 1 << sz;
  const map: ByteSrc[] = [];
  for (let i = 0; i < laneCount(q, sz); i++) {
    const [reg, j] = pick(i);
    for (let b = 0; b < eb; b++) map.push([reg, j * eb + b]);
  }
  return map;
}

// ---- modified immediate ----

/** The 64-bit pattern of an AdvSIMD modified immediate as [lo, hi] int32 halves. */
export function expandImm(op: number, cmode: number, imm8: number): [number, number] {
  let w: number;
  switch (cmode >> 1) {
    case 0: case 1: case 2: case 3:
      w = imm8 << (8 * ((cmode >> 1) & 3));
      break;
    case 4: case 5:
      w = Math.imul(imm8 << (8 * ((cmode >> 1) & 1)), 0x00010001);
      break;
    case 6:
      w = cmode & 1 ? (imm8 << 16) | 0xffff : (imm8 << 8) | 0xff;
      break;
    default:
      if (!(cmode & 1)) {
        if (!op) {
          w = Math.imul(imm8, 0x01010101);
          break;
        }
        const byteMask = (from: number): number => {
          let v = 0;
          for (let i = 0; i < 4; i++) if ((imm8 >> (from + i)) & 1) v |= 0xff << (8 * i);
          return v;
        };
        return [byteMask(0), byteMask(4)];
      }
      if (!op) {
        const a = imm8 >> 7, b = (imm8 >> 6) & 1;
        w = (a << 31) | ((b ^ 1) << 30) | (b ? 0x3e000000 : 0) | ((imm8 & 0x3f) << 19);
        break;
      }
      {
        const a = imm8 >> 7, b = (imm8 >> 6) & 1;
        return [0, (a << 31) | ((b ^ 1) << 30) | (b ? 0x3fc00000 : 0) | ((imm8 & 0x3f) << 16)];
      }
  }
  return [w | 0, w | 0];
}

type ImmKind = 'movi' | 'mvni' | 'orr' | 'bic' | 'fmov';

function immKind(op: number, cmode: number): ImmKind {
  if (cmode === 15) return 'fmov';
  if (cmode === 14) return 'movi';
  const or = cmode < 12 && (cmode & 1) === 1;
  if (or) return op ? 'bic' : 'orr';
  return op ? 'mvni' : 'movi';
}

const imm8Of = (f: Fields): number => (f.abc << 5) | f.defgh;

/** FP immediate text as objdump prints it, e.g. "1.000000000000000000e+00". */
export function fpImmText(v: number): string {
  return v.toExponential(18).replace(/e([+-])(\d)$/, 'e$10$2');
}

function immAsm(f: Fields): string {
  const imm8 = imm8Of(f);
  const kind = immKind(f.op, f.cmode);
  const h = (v: number): string => `#0x${v.toString(16)}`;
  if (kind === 'fmov') {
    const [l, hh] = expandImm(f.op, 15, imm8);
    const buf = new DataView(new ArrayBuffer(8));
    let v: number;
    if (f.op) {
      buf.setInt32(0, l, true);
      buf.setInt32(4, hh, true);
      v = buf.getFloat64(0, true);
    } else {
      buf.setInt32(0, l, true);
      v = buf.getFloat32(0, true);
    }
    return `fmov ${vr(f.rd, f.q, f.op ? 3 : 2)}, #${fpImmText(v)}`;
  }
  if (f.cmode === 14 && f.op) {
    const [l, hh] = expandImm(1, 14, imm8);
    const v = (BigInt(hh >>> 0) << 32n) | BigInt(l >>> 0);
    return `movi ${f.q ? vr(f.rd, 1, 3) : sr(f.rd, 3)}, #0x${v.toString(16)}`;
  }
  if (f.cmode === 14) return `movi ${vr(f.rd, f.q, 0)}, ${h(imm8)}`;
  if (f.cmode >= 12) return `${kind} ${vr(f.rd, f.q, 2)}, ${h(imm8)}, msl #${f.cmode & 1 ? 16 : 8}`;
  const half = f.cmode >= 8;
  const shift = 8 * ((f.cmode >> 1) & (half ? 1 : 3));
  return `${kind} ${vr(f.rd, f.q, half ? 1 : 2)}, ${h(imm8)}${shift ? `, lsl #${shift}` : ''}`;
}

function immEmit(f: Fields, c: Code): void {
  const [l, h] = expandImm(f.op, f.cmode, imm8Of(f));
  const kind = immKind(f.op, f.cmode);
  const pattern = f.q ? [l, h, l, h] : [l, h];
  if (kind === 'movi' || kind === 'fmov') return c.writeWords(f.rd, pattern.map(String));
  if (kind === 'mvni') return c.writeWords(f.rd, pattern.map((x) => String(~x)));
  const words = pattern.map((x, i) => (kind === 'orr' ? `${c.word(f.rd, i)} | ${x}` : `${c.word(f.rd, i)} & ${~x}`));
  c.writeWords(f.rd, words);
}

// ---- copy group ----

/** Element size of the copy group's imm5 (lowest set bit), or 4 when reserved. */
const copySize = (imm5: number): number => (imm5 & 1 ? 0 : imm5 & 2 ? 1 : imm5 & 4 ? 2 : imm5 & 8 ? 3 : 4);
const copyIndex = (imm5: number): number => imm5 >> (copySize(imm5) + 1);

/** Vd = the general register replicated into every lane. */
function dupGeneral(c: Code, f: Fields): void {
  const sz = copySize(f.imm5);
  const x = lo(c.e, f.rn);
  if (sz === 3) {
    const p = { lo: c.let(x), hi: c.let(hi(c.e, f.rn)) };
    return c.writePairs(f.rd, [p, p]);
  }
  const w = c.let(sz === 0 ? `Math.imul(${x} & 255, 16843009)` : sz === 1 ? `(${x} & 65535) | (${x} << 16)` : x);
  c.writeWords(f.rd, f.q ? [w, w, w, w] : [w, w]);
}

/** Statement storing one element of Vd from the int32 expressions (lo, hi for 64-bit). */
function storeElem(d: number, sz: number, i: number, v: string, vHi = '0'): string {
  if (sz === 0) return `V8[${16 * d + i}] = ${v};`;
  if (sz === 1) return `VD.setUint16(${16 * d + 2 * i}, ${v}, true);`;
  if (sz === 2) return `V32[${4 * d + i}] = ${v};`;
  return `V32[${4 * d + 2 * i}] = ${v}; V32[${4 * d + 2 * i + 1}] = ${vHi};`;
}

function insGeneral(c: Code, f: Fields): void {
  const sz = copySize(f.imm5);
  const v = c.let(lo(c.e, f.rn));
  const vh = sz === 3 ? c.let(hi(c.e, f.rn)) : '0';
  c.store(storeElem(f.rd, sz, copyIndex(f.imm5), v, vh));
}

function insElement(c: Code, f: Fields): void {
  const sz = copySize(f.imm5);
  const dst = copyIndex(f.imm5), src = f.imm4 >> sz;
  if (sz === 3) {
    const p = c.pair(f.rn, src);
    return c.store(storeElem(f.rd, 3, dst, p.lo, p.hi));
  }
  c.store(storeElem(f.rd, sz, dst, c.lane(f.rn, sz, src, false)));
}

/** UMOV/SMOV: the element zero- or sign-extended into Wd/Xd. */
function moveToGeneral(c: Code, f: Fields, signed: boolean): void {
  const sz = copySize(f.imm5);
  const i = copyIndex(f.imm5);
  if (sz === 3) {
    const p = c.pair(f.rn, i);
    return c.stmt(setX(c.e, f.rd, p.lo, p.hi));
  }
  const v = c.lane(f.rn, sz, i, signed);
  c.stmt(f.q ? setX(c.e, f.rd, v, signed ? `${v} >> 31` : '0') : setW(c.e, f.rd, v));
}

const copyDef = (name: string, op: number, imm4: string, when: (f: Fields) => boolean, emit: (c: Code, f: Fields) => void,
  asm: (f: Fields) => string): InsnDef => ({
  name, pattern: `0 q:1 ${op} 01110000 imm5:5 0 ${imm4} 1 rn:5 rd:5`,
  when: (f) => copySize(f.imm5) < 4 && when(f),
  emit: (f, e) => emitWith(e, (c) => emit(c, f)),
  asm,
});

// ---- TBL/TBX ----

const tblScratch = new Uint8Array(16);

/**
 * TBL/TBX: Vd byte i = table byte Vm[i] (tables are consecutive registers modulo 32),
 * out-of-range indices give 0 (TBL) or keep Vd's byte (TBX); Q=0 clears the top.
 */
function simdTbl(v8: Uint8Array, d: number, n: number, len: number, m: number, q: number, tbx: number): void {
  const count = q ? 16 : 8, limit = 16 * len;
  for (let i = 0; i < count; i++) {
    const x = v8[16 * m + i];
    tblScratch[i] = x < limit ? v8[(16 * n + x) & 511] : tbx ? v8[16 * d + i] : 0;
  }
  for (let i = 0; i < 16; i++) v8[16 * d + i] = i < count ? tblScratch[i] : 0;
}

function tableAsm(f: Fields): string {
  const t = arr(1, 0);
  const regs = Array.from({ length: f.len + 1 }, (_, i) => `v${(f.rn + i) % 32}.${t}`);
  const list = regs.length > 2 && f.rn + f.len < 32 ? `${regs[0]}-${regs.at(-1)}` : regs.join(', ');
  return `${f.op ? 'tbx' : 'tbl'} ${vr(f.rd, f.q, 0)}, {${list}}, ${vr(f.rm, f.q, 0)}`;
}

// ---- ZIP/UZP/TRN, EXT, REV, XTN ----

const PERMUTES: Record<number, [string, (q: number, sz: number, n: number, m: number) => ByteSrc[]]> = {
  0b001: ['uzp1', (q, sz, n, m) => laneMap(q, sz, (i) => uzp(q, sz, n, m, 2 * i))],
  0b101: ['uzp2', (q, sz, n, m) => laneMap(q, sz, (i) => uzp(q, sz, n, m, 2 * i + 1))],
  0b010: ['trn1', (q, sz, n, m) => laneMap(q, sz, (i) => [i & 1 ? m : n, i & ~1])],
  0b110: ['trn2', (q, sz, n, m) => laneMap(q, sz, (i) => [i & 1 ? m : n, i | 1])],
  0b011: ['zip1', (q, sz, n, m) => laneMap(q, sz, (i) => [i & 1 ? m : n, i >> 1])],
  0b111: ['zip2', (q, sz, n, m) => laneMap(q, sz, (i) => [i & 1 ? m : n, (i >> 1) + laneCount(q, sz) / 2])],
};

/** Lane j of the concatenation m:n (n in the low half). */
function uzp(q: number, sz: number, n: number, m: number, j: number): [number, number] {
  const l = laneCount(q, sz);
  return j < l ? [n, j] : [m, j - l];
}

function extMap(q: number, n: number, m: number, imm: number): ByteSrc[] {
  const nb = q ? 16 : 8;
  return Array.from({ length: nb }, (_, i) => (i + imm < nb ? [n, i + imm] : [m, i + imm - nb]));
}

/** REV16/REV32/REV64: reverse `sz` lanes inside containers of 2^cont bytes. */
function revMap(q: number, sz: number, cont: number, n: number): ByteSrc[] {
  const per = (1 << cont) >> sz;
  return laneMap(q, sz, (i) => [n, (i - (i % per)) + per - 1 - (i % per)]);
}

/** XTN/XTN2: lane i of the result is the low half of wide lane i of Vn. */
function xtnMap(q: number, sz: number, d: number, n: number): ByteSrc[] {
  const eb = 1 << sz;
  const narrow: ByteSrc[] = [];
  for (let i = 0; i < 8 / eb; i++) for (let b = 0; b < eb; b++) narrow.push([n, 2 * eb * i + b]);
  if (!q) return narrow;
  return [...Array.from({ length: 8 }, (_, i): ByteSrc => [d, i]), ...narrow];
}

const REVS: [string, number, number, (sz: number) => boolean, number][] = [
  ['rev64', 0, 0b00000, (sz) => sz < 3, 3],
  ['rev32', 1, 0b00000, (sz) => sz < 2, 2],
  ['rev16', 0, 0b00001, (sz) => sz === 0, 1],
];

export const insns = defineInsns([
  {
    name: 'SIMD_modimm', pattern: '0 q:1 op:1 0111100000 abc:3 cmode:4 0 1 defgh:5 rd:5',
    when: (f) => !(f.cmode === 15 && f.op === 1 && f.q === 0),
    emit: (f, e) => emitWith(e, (c) => immEmit(f, c)),
    asm: immAsm,
  },
  copyDef('DUP_elem', 0, '0000', (f) => f.q === 1 || copySize(f.imm5) < 3, (c, f) => {
    const sz = copySize(f.imm5), i = copyIndex(f.imm5);
    shuffle(c, f.rd, laneMap(f.q, sz, () => [f.rn, i]));
  }, (f) => `dup ${vr(f.rd, f.q, copySize(f.imm5))}, ${elem(f.rn, copySize(f.imm5), copyIndex(f.imm5))}`),
  copyDef('DUP_gen', 0, '0001', (f) => f.q === 1 || copySize(f.imm5) < 3, dupGeneral,
    (f) => `dup ${vr(f.rd, f.q, copySize(f.imm5))}, ${copySize(f.imm5) === 3 ? xName(f.rn) : wName(f.rn)}`),
  copyDef('SMOV', 0, '0101', (f) => copySize(f.imm5) < 2 + f.q, (c, f) => moveToGeneral(c, f, true),
    (f) => `smov ${f.q ? xName(f.rd) : wName(f.rd)}, ${elem(f.rn, copySize(f.imm5), copyIndex(f.imm5))}`),
  copyDef('UMOV', 0, '0111', (f) => (f.q ? copySize(f.imm5) === 3 : copySize(f.imm5) < 3), (c, f) => moveToGeneral(c, f, false),
    (f) => {
      const sz = copySize(f.imm5);
      return `${sz >= 2 ? 'mov' : 'umov'} ${f.q ? xName(f.rd) : wName(f.rd)}, ${elem(f.rn, sz, copyIndex(f.imm5))}`;
    }),
  copyDef('INS_gen', 0, '0011', (f) => f.q === 1, insGeneral,
    (f) => `mov ${elem(f.rd, copySize(f.imm5), copyIndex(f.imm5))}, ${copySize(f.imm5) === 3 ? xName(f.rn) : wName(f.rn)}`),
  copyDef('INS_elem', 1, 'imm4:4', (f) => f.q === 1, insElement, (f) => {
    const sz = copySize(f.imm5);
    return `mov ${elem(f.rd, sz, copyIndex(f.imm5))}, ${elem(f.rn, sz, f.imm4 >> sz)}`;
  }),
  {
    name: 'DUP_scalar', pattern: '01 0 11110000 imm5:5 0 0000 1 rn:5 rd:5',
    when: (f) => copySize(f.imm5) < 4,
    emit: (f, e) => emitWith(e, (c) => {
      const sz = copySize(f.imm5), i = copyIndex(f.imm5);
      const map: ByteSrc[] = Array.from({ length: 8 }, (_, b) => (b < 1 << sz ? [f.rn, (i << sz) + b] : null));
      shuffle(c, f.rd, map);
    }),
    asm: (f) => `mov ${sr(f.rd, copySize(f.imm5))}, ${elem(f.rn, copySize(f.imm5), copyIndex(f.imm5))}`,
  },
  {
    name: 'TBL', pattern: '0 q:1 001110 000 rm:5 0 len:2 op:1 00 rn:5 rd:5',
    emit: (f) => `H.simdTbl(S.v8, ${f.rd}, ${f.rn}, ${f.len + 1}, ${f.rm}, ${f.q}, ${f.op});`,
    asm: tableAsm,
  },
  {
    name: 'SIMD_permute', pattern: '0 q:1 001110 sz:2 0 rm:5 0 opc:3 10 rn:5 rd:5',
    when: (f) => (f.opc & 3) !== 0 && (f.q === 1 || f.sz < 3),
    emit: (f, e) => emitWith(e, (c) => shuffle(c, f.rd, PERMUTES[f.opc][1](f.q, f.sz, f.rn, f.rm))),
    asm: (f) => `${PERMUTES[f.opc][0]} ${vr(f.rd, f.q, f.sz)}, ${vr(f.rn, f.q, f.sz)}, ${vr(f.rm, f.q, f.sz)}`,
  },
  {
    name: 'EXT', pattern: '0 q:1 101110 00 0 rm:5 0 imm4:4 0 rn:5 rd:5',
    when: (f) => f.q === 1 || f.imm4 < 8,
    emit: (f, e) => emitWith(e, (c) => shuffle(c, f.rd, extMap(f.q, f.rn, f.rm, f.imm4))),
    asm: (f) => `ext ${vr(f.rd, f.q, 0)}, ${vr(f.rn, f.q, 0)}, ${vr(f.rm, f.q, 0)}, #${f.imm4}`,
  },
  ...REVS.map(([name, u, opc, ok, cont]): InsnDef => ({
    name: name.toUpperCase(), pattern: `0 q:1 ${u} 01110 sz:2 10000 ${lit(opc, 5)} 10 rn:5 rd:5`,
    when: (f) => ok(f.sz),
    emit: (f, e) => emitWith(e, (c) => shuffle(c, f.rd, revMap(f.q, f.sz, cont, f.rn))),
    asm: (f) => `${name} ${vr(f.rd, f.q, f.sz)}, ${vr(f.rn, f.q, f.sz)}`,
  })),
  {
    name: 'XTN', pattern: '0 q:1 0 01110 sz:2 10000 10010 10 rn:5 rd:5',
    when: (f) => f.sz < 3,
    emit: (f, e) => emitWith(e, (c) => shuffle(c, f.rd, xtnMap(f.q, f.sz, f.rd, f.rn))),
    asm: (f) => `xtn${f.q ? '2' : ''} ${vr(f.rd, f.q, f.sz)}, ${vr(f.rn, 1, f.sz + 1)}`,
  },
]);

export const runtime = { simdTbl };

