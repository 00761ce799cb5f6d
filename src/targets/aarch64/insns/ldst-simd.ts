// SIMD&FP loads and stores: LDR/STR B/H/S/D/Q in every addressing mode (and literal),
// LDUR/STUR, LDP/STP/LDNP/STNP S/D/Q, and the Advanced SIMD structure forms: LD1-LD4 /
// ST1-ST4 multiple structures, single-lane structures, LD1R-LD4R, with post-index.
//
// A scalar load writes the low bytes of Vt and zeroes the rest. Structure loads read all
// memory into temps first (one permission check for a whole block) and then assemble
// each destination word from the memory words, so a fault changes no register.
import type { Emitter } from '../../../translate/emitter.js';
import { emitLoad, emitStore, type AccessSize } from '../../../translate/memory-emit.js';
import type { Fields } from '../../common/decode-pattern.js';
import { defineInsns } from '../insn-def.js';
import { hex, xName } from '../regs.js';
import {
  constAccess, immAccess, immOperand, imm9Index, Index, loadWords, pairIndex, postIndexAccess, regAccess,
  regOperand, seq, storeWords, type Access,
} from './ldst-common.js';

/** Word k (0..3) of Vn. */
const vw = (n: number, k: number): string => `V32[${4 * n + k}]`;

/** Vn = words (low first), the rest of the 128 bits zeroed. */
function setV(n: number, words: readonly string[]): string {
  return [0, 1, 2, 3].map((k) => `${vw(n, k)} = ${k < words.length ? words[k] : '0'};`).join(' ');
}

const FP_NAMES = 'bhsdq';

/** log2 of the access size for size and opc (V = 1), or null if unallocated. */
function fpScale(size: number, opc: number): number | null {
  if (opc & 2) return size === 0 ? 4 : null;
  return size;
}

/** Loads (Bt..Qt) or stores one FP/SIMD register of 2^scale bytes through `acc`. */
function fpAccess(e: Emitter, scale: number, load: boolean, rt: number, acc: Access): string {
  const bytes = 1 << scale;
  if (load) {
    let code: string;
    let words: string[];
    if (bytes < 4) {
      const r = emitLoad(e, bytes as AccessSize, acc.addr);
      code = r.code;
      words = [r.lo];
    } else {
      ({ code, words } = loadWords(e, acc.addr, bytes));
    }
    return seq(acc.setup, code, acc.wbCompute, setV(rt, words), acc.wbAssign);
  }
  const st =
    bytes < 4
      ? emitStore(e, bytes as AccessSize, acc.addr, vw(rt, 0))
      : storeWords(e, acc.addr, Array.from({ length: bytes / 4 }, (_, k) => vw(rt, k)));
  return seq(acc.setup, st, acc.wbCompute, acc.wbAssign);
}

const fpReg = (scale: number, n: number): string => `${FP_NAMES[scale]}${n}`;
const fpScaleOf = (f: Fields): number => fpScale(f.size, f.opc)!;

// ---- structures ----

const ARRANGEMENTS = [['8b', '16b'], ['4h', '8h'], ['2s', '4s'], ['1d', '2d']];

/** A register list as objdump prints it: ranges for 3-4 ascending registers. */
function vlist(rt: number, n: number, suffix: string): string {
  const regs = Array.from({ length: n }, (_, i) => `v${(rt + i) % 32}${suffix}`);
  if (n >= 3 && rt + n <= 32) return `{${regs[0]}-${regs[n - 1]}}`;
  return `{${regs.join(', ')}}`;
}

const postOperand = (f: Fields, imm: number): string =>
  `[${f.rn === 31 ? 'sp' : `x${f.rn}`}]${f.P ? `, ${f.rm === 31 ? `#${imm}` : xName(f.rm)}` : ''}`;

interface MultiLayout {
  /** Registers in the list. */
  nregs: number;
  /** Elements per structure (1 for LD1/ST1). */
  selem: number;
  /** Element bytes. */
  esize: number;
  /** Bytes per register: 8 (Q=0) or 16. */
  regBytes: number;
}

/** [nregs, selem] by the multiple-structure opcode. */
const MULTI_OPCODES: Record<number, [number, number]> = {
  0b0000: [4, 4], 0b0010: [4, 1], 0b0100: [3, 3], 0b0110: [3, 1], 0b0111: [1, 1], 0b1000: [2, 2], 0b1010: [2, 1],
};

function multiLayout(f: Fields): MultiLayout | null {
  const op = MULTI_OPCODES[f.opcode];
  if (!op) return null;
  const [nregs, selem] = op;
  if (f.size === 3 && f.Q === 0 && selem > 1) return null;
  return { nregs, selem, esize: 1 << f.size, regBytes: f.Q ? 16 : 8 };
}

/** Memory offset of byte `b` of the k-th register of the list. */
function memOffset(l: MultiLayout, k: number, b: number): number {
  const r = l.selem === 1 ? k : 0, s = l.selem === 1 ? 0 : k;
  const j = Math.floor(b / l.esize);
  return r * l.regBytes + (j * l.selem + s) * l.esize + (b % l.esize);
}

/** Where memory byte `m` lives, as 16 * list index + byte within the register. */
function listByte(l: MultiLayout, m: number): number {
  const r = l.selem === 1 ? Math.floor(m / l.regBytes) : 0;
  const rest = m - r * l.regBytes;
  const g = Math.floor(rest / l.esize);
  const s = g % l.selem, j = Math.floor(g / l.selem);
  return 16 * (r + s) + j * l.esize + (rest % l.esize);
}

/**
 * An int32 expression for the word whose bytes 0..3 are source bytes `bytes` (indices
 * into a little-endian space whose word i is `src(i)`); runs of adjacent bytes of one
 * source word are moved together.
 */
function gather(src: (i: number) => string, bytes: readonly number[]): string {
  const terms: string[] = [];
  for (let i = 0; i < bytes.length; ) {
    const m = bytes[i];
    let n = 1;
    while (i + n < bytes.length && bytes[i + n] === m + n && (m + n) >> 2 === m >> 2) n++;
    const sh = 8 * (m & 3);
    let t = sh ? `(${src(m >> 2)} >>> ${sh})` : src(m >> 2);
    if ((m & 3) + n < 4) t = `(${t} & ${2 ** (8 * n) - 1})`;
    terms.push(i ? `(${t} << ${8 * i})` : t);
    i += n;
  }
  return terms.length === 1 ? terms[0] : `(${terms.join(' | ')})`;
}

function multiEmit(f: Fields, e: Emitter): string {
  const l = multiLayout(f)!;
  const bytes = l.nregs * l.regBytes;
  const acc = postIndexAccess(e, f.rn, f.P === 1, f.rm, bytes);
  const wordBytes = (w: number, at: (byte: number) => number): number[] => [0, 1, 2, 3].map((i) => at(4 * w + i));
  if (f.L) {
    const ld = loadWords(e, acc.addr, bytes);
    const writes: string[] = [];
    for (let k = 0; k < l.nregs; k++) {
      const words = Array.from({ length: l.regBytes / 4 }, (_, w) =>
        gather((i) => ld.words[i], wordBytes(w, (b) => memOffset(l, k, b))),
      );
      writes.push(setV((f.rt + k) % 32, words));
    }
    return seq(acc.setup, ld.code, writes.join('\n'), acc.wbCompute, acc.wbAssign);
  }
  const src = (i: number): string => vw((f.rt + (i >> 2)) % 32, i & 3);
  const words = Array.from({ length: bytes / 4 }, (_, w) => gather(src, wordBytes(w, (m) => listByte(l, m))));
  return seq(acc.setup, storeWords(e, acc.addr, words), acc.wbCompute, acc.wbAssign);
}

interface SingleLayout {
  selem: number;
  esize: number;
  index: number;
  replicate: boolean;
}

function singleLayout(f: Fields): SingleLayout | null {
  const selem = (((f.opcode & 1) << 1) | f.R) + 1;
  switch (f.opcode >> 1) {
    case 0:
      return { selem, esize: 1, index: (f.Q << 3) | (f.S << 2) | f.size, replicate: false };
    case 1:
      if (f.size & 1) return null;
      return { selem, esize: 2, index: (f.Q << 2) | (f.S << 1) | (f.size >> 1), replicate: false };
    case 2:
      if (f.size === 0) return { selem, esize: 4, index: (f.Q << 1) | f.S, replicate: false };
      if (f.size === 1 && f.S === 0) return { selem, esize: 8, index: f.Q, replicate: false };
      return null;
    default:
      if (!f.L || f.S) return null;
      return { selem, esize: 1 << f.size, index: 0, replicate: true };
  }
}

function singleEmit(f: Fields, e: Emitter): string {
  const l = singleLayout(f)!;
  const acc = postIndexAccess(e, f.rn, f.P === 1, f.rm, l.selem * l.esize);
  const at = (s: number) => ({ ...acc.addr, off: acc.addr.off + s * l.esize });
  const reg = (s: number): number => (f.rt + s) % 32;
  const parts: string[] = [acc.setup];
  if (!f.L) {
    for (let s = 0; s < l.selem; s++) {
      const n = reg(s), i = l.index;
      if (l.esize === 1) parts.push(emitStore(e, 1, at(s), `V8[${16 * n + i}]`));
      else if (l.esize === 2) parts.push(emitStore(e, 2, at(s), `VD.getUint16(${16 * n + 2 * i}, true)`));
      else if (l.esize === 4) parts.push(emitStore(e, 4, at(s), vw(n, i)));
      else parts.push(emitStore(e, 8, at(s), vw(n, 2 * i), vw(n, 2 * i + 1)));
    }
    return seq(...parts, acc.wbCompute, acc.wbAssign);
  }
  const values = [];
  for (let s = 0; s < l.selem; s++) {
    const ld = emitLoad(e, l.esize as AccessSize, at(s));
    parts.push(ld.code);
    values.push(ld);
  }
  for (let s = 0; s < l.selem; s++) {
    const n = reg(s), i = l.index, v = values[s].lo;
    if (l.replicate) {
      let words: string[];
      if (l.esize === 8) words = [v, values[s].hi, v, values[s].hi];
      else {
        const r = e.tmp();
        parts.push(`${r} = ${l.esize === 1 ? `Math.imul(${v}, 0x01010101)` : l.esize === 2 ? `${v} | (${v} << 16)` : v};`);
        words = [r, r, r, r];
      }
      parts.push(setV(n, f.Q ? words : words.slice(0, 2)));
    } else if (l.esize === 1) parts.push(`V8[${16 * n + i}] = ${v};`);
    else if (l.esize === 2) parts.push(`VD.setUint16(${16 * n + 2 * i}, ${v}, true);`);
    else if (l.esize === 4) parts.push(`${vw(n, i)} = ${v};`);
    else parts.push(`${vw(n, 2 * i)} = ${v}; ${vw(n, 2 * i + 1)} = ${values[s].hi};`);
  }
  return seq(...parts, acc.wbCompute, acc.wbAssign);
}

function singleAsm(f: Fields): string {
  const l = singleLayout(f)!;
  const name = `${f.L ? 'ld' : 'st'}${l.selem}${l.replicate ? 'r' : ''}`;
  const total = l.selem * l.esize;
  if (l.replicate) return `${name} ${vlist(f.rt, l.selem, `.${ARRANGEMENTS[f.size][f.Q]}`)}, ${postOperand(f, total)}`;
  const suffix = `.${'bhsd'[Math.log2(l.esize)]}`;
  return `${name} ${vlist(f.rt, l.selem, suffix)}[${l.index}], ${postOperand(f, total)}`;
}

export const insns = defineInsns([
  {
    name: 'LDST_fp_uimm', pattern: 'size:2 111 1 01 opc:2 imm12:12 rn:5 rt:5',
    when: (f) => fpScale(f.size, f.opc) !== null,
    emit: (f, e) => {
      const scale = fpScaleOf(f);
      return fpAccess(e, scale, (f.opc & 1) === 1, f.rt, immAccess(e, f.rn, f.imm12 << scale, Index.Offset));
    },
    asm: (f) => {
      const scale = fpScaleOf(f);
      return `${f.opc & 1 ? 'ldr' : 'str'} ${fpReg(scale, f.rt)}, ${immOperand(f.rn, f.imm12 << scale, Index.Offset)}`;
    },
  },
  {
    // idx: 00 LDUR/STUR, 01 post-index, 11 pre-index (10, unprivileged, has no FP form)
    name: 'LDST_fp_imm9', pattern: 'size:2 111 1 00 opc:2 0 imm9:s9 idx:2 rn:5 rt:5',
    when: (f) => fpScale(f.size, f.opc) !== null && f.idx !== 2,
    emit: (f, e) => fpAccess(e, fpScaleOf(f), (f.opc & 1) === 1, f.rt, immAccess(e, f.rn, f.imm9, imm9Index(f.idx))),
    asm: (f) => {
      const name = `${f.opc & 1 ? 'ld' : 'st'}${f.idx === 0 ? 'u' : ''}r`;
      return `${name} ${fpReg(fpScaleOf(f), f.rt)}, ${immOperand(f.rn, f.imm9, imm9Index(f.idx))}`;
    },
  },
  {
    name: 'LDST_fp_reg', pattern: 'size:2 111 1 00 opc:2 1 rm:5 option:3 S:1 10 rn:5 rt:5',
    when: (f) => fpScale(f.size, f.opc) !== null && (f.option & 2) !== 0,
    emit: (f, e) => {
      const scale = fpScaleOf(f);
      return fpAccess(e, scale, (f.opc & 1) === 1, f.rt, regAccess(e, f.rn, f.rm, f.option, f.S ? scale : 0));
    },
    asm: (f) => {
      const scale = fpScaleOf(f);
      return `${f.opc & 1 ? 'ldr' : 'str'} ${fpReg(scale, f.rt)}, ${regOperand(f.rn, f.rm, f.option, f.S, scale)}`;
    },
  },
  {
    // opc: 00 S, 01 D, 10 Q
    name: 'LDR_fp_lit', pattern: 'opc:2 011 1 00 imm19:s19 rt:5',
    when: (f) => f.opc !== 3,
    emit: (f, e) => fpAccess(e, 2 + f.opc, true, f.rt, constAccess(e.pc + 4 * f.imm19)),
    asm: (f, pc) => `ldr ${fpReg(2 + f.opc, f.rt)}, ${hex(pc + 4 * f.imm19)}`,
  },
  {
    // opc: 00 S, 01 D, 10 Q; idx: 00 LDNP/STNP, 01 post-index, 10 offset, 11 pre-index
    name: 'LDSTP_fp', pattern: 'opc:2 101 1 0 idx:2 L:1 imm7:s7 rt2:5 rn:5 rt:5',
    when: (f) => f.opc !== 3,
    emit: (f, e) => {
      const bytes = 4 << f.opc, n = bytes / 4;
      const acc = immAccess(e, f.rn, f.imm7 * bytes, pairIndex(f.idx));
      if (!f.L) {
        const words = [f.rt, f.rt2].flatMap((r) => Array.from({ length: n }, (_, k) => vw(r, k)));
        return seq(acc.setup, storeWords(e, acc.addr, words), acc.wbCompute, acc.wbAssign);
      }
      const ld = loadWords(e, acc.addr, 2 * bytes);
      const set = `${setV(f.rt, ld.words.slice(0, n))}\n${setV(f.rt2, ld.words.slice(n))}`;
      return seq(acc.setup, ld.code, acc.wbCompute, set, acc.wbAssign);
    },
    asm: (f) => {
      const name = `${f.L ? 'ld' : 'st'}${f.idx === 0 ? 'n' : ''}p`;
      const scale = 2 + f.opc;
      return `${name} ${fpReg(scale, f.rt)}, ${fpReg(scale, f.rt2)}, ${immOperand(f.rn, f.imm7 << scale, pairIndex(f.idx))}`;
    },
  },
  {
    // P: post-index by Xm, or by the transfer size when rm = 31
    name: 'LDST_multi', pattern: '0 Q:1 001100 P:1 L:1 0 rm:5 opcode:4 size:2 rn:5 rt:5',
    when: (f) => (f.P === 1 || f.rm === 0) && multiLayout(f) !== null,
    emit: multiEmit,
    asm: (f) => {
      const l = multiLayout(f)!;
      const name = `${f.L ? 'ld' : 'st'}${l.selem}`;
      return `${name} ${vlist(f.rt, l.nregs, `.${ARRANGEMENTS[f.size][f.Q]}`)}, ${postOperand(f, l.nregs * l.regBytes)}`;
    },
  },
  {
    name: 'LDST_single', pattern: '0 Q:1 001101 P:1 L:1 R:1 rm:5 opcode:3 S:1 size:2 rn:5 rt:5',
    when: (f) => (f.P === 1 || f.rm === 0) && singleLayout(f) !== null,
    emit: singleEmit,
    asm: singleAsm,
  },
]);

export const runtime = {};
