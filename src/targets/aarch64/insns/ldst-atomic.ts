// FEAT_LSE atomics: CAS/CASA/CASL/CASAL (B, H, W, X), CASP (W and X pairs), the atomic
// memory operations LDADD, LDCLR, LDEOR, LDSET, LDSMAX, LDSMIN, LDUMAX, LDUMIN and SWP in
// every size and ordering (and the ST<op> aliases: Rt = XZR), and FEAT_LRCPC2's
// LDAPUR*/STLUR* (ordered loads/stores with an unscaled offset).
//
// Atomicity: guest threads interleave only at block boundaries, so one JS read, modify
// and write inside an instruction is a single-copy atomic access; acquire/release
// ordering needs no code. Each is emitted as: load (a fault leaves every register as
// it was), compute, store, then the destination registers. The store always happens,
// also for a CAS whose comparison fails (it writes the old value back): like qemu, an
// atomic needs write permission whatever the comparison gives, so a CAS on a read-only
// page faults either way.
//
// Exclusive monitor (state.ts, ldst-exclusive.ts): an atomic is a store for it, like a
// plain store. Another thread's monitor notices the store through the value it watches
// (its store-exclusive fails if the value changed); this thread's own monitor is left
// open, the IMPLEMENTATION DEFINED choice Arm allows for a store by the same PE.
//
// Alignment: accesses never fault for being unaligned (as every access here), which is
// FEAT_LSE2's behaviour within 16 bytes and more permissive beyond it.
import type { Emitter } from '../../../translate/emitter.js';
import { emitAlignmentCheck, emitLoad, emitStore, type AccessSize } from '../../../translate/memory-emit.js';
import type { Fields } from '../../common/decode-pattern.js';
import { add64, type Pair } from '../alu.js';
import { defineInsns } from '../insn-def.js';
import { hi, hiSp, lo, loSp, rName, setW, setX, xSpName } from '../regs.js';
import { immAccess, Index, loadWords, seq, storeWords } from './ldst-common.js';

const SIZE_SUFFIX = ['b', 'h', '', ''];
const base = (e: Emitter, rn: number) => ({ lo: loSp(e, rn), hi: hiSp(e, rn), off: 0 });
/** SIGBUS unless [rn] is aligned to `bytes`: atomics must be. */
const aligned = (e: Emitter, rn: number, bytes: number): string => emitAlignmentCheck(e, loSp(e, rn), hiSp(e, rn), bytes);
const mem = (rn: number): string => `[${xSpName(rn)}]`;
/** Ordering infix: acquire (A) and release (L) bits. */
const order = (a: number, r: number): string => `${a ? 'a' : ''}${r ? 'l' : ''}`;
/** Wn or Xn by the size field. */
const regOf = (size: number, n: number): string => rName(size === 3 ? 1 : 0, n);

/** The atomic memory operations by o3:opc (o3 = 1 is SWP only; LDAPR shares the space). */
const enum AtomicOp {
  Add = 0, Clr = 1, Eor = 2, Set = 3, SMax = 4, SMin = 5, UMax = 6, UMin = 7, Swp = 8,
}
const OP_NAMES = ['add', 'clr', 'eor', 'set', 'smax', 'smin', 'umax', 'umin'];

/** Sign-extends a zero-extended byte/halfword value (32-bit lanes are int32 already). */
const signed32 = (v: string, size: number): string => (size === 0 ? `(${v} << 24 >> 24)` : size === 1 ? `(${v} << 16 >> 16)` : v);

/** The new memory value from the old one (temps) and the operand register s. */
function newValue(e: Emitter, op: AtomicOp, size: number, old: Pair, s: Pair): { code: string } & Pair {
  const wide = size === 3;
  if (op === AtomicOp.Swp) return { code: '', ...s };
  if (op === AtomicOp.Add) {
    if (wide) return add64(e, old, s);
    const t = e.tmp();
    return { code: `${t} = (${old.lo} + ${s.lo}) | 0;`, lo: t, hi: '0' };
  }
  if (op <= AtomicOp.Set) {
    const f = (a: string, b: string): string => (op === AtomicOp.Clr ? `${a} & ~${b}` : op === AtomicOp.Eor ? `${a} ^ ${b}` : `${a} | ${b}`);
    const l = e.tmp();
    if (!wide) return { code: `${l} = ${f(old.lo, s.lo)};`, lo: l, hi: '0' };
    const h = e.tmp();
    return { code: `${l} = ${f(old.lo, s.lo)}; ${h} = ${f(old.hi, s.hi)};`, lo: l, hi: h };
  }
  // min/max: whether the old value is the one kept
  const max = op === AtomicOp.SMax || op === AtomicOp.UMax;
  const sign = op === AtomicOp.SMax || op === AtomicOp.SMin;
  let greater: string; // old > s
  if (wide) {
    const [ah, bh] = sign ? [old.hi, s.hi] : [`(${old.hi} >>> 0)`, `(${s.hi} >>> 0)`];
    greater = `(${ah} > ${bh} || (${old.hi} === ${s.hi} && (${old.lo} >>> 0) > (${s.lo} >>> 0)))`;
  } else if (sign) {
    greater = `${signed32(old.lo, size)} > ${signed32(s.lo, size)}`;
  } else {
    const m = size === 0 ? ' & 255' : size === 1 ? ' & 65535' : '';
    greater = `(${old.lo} >>> 0) > ((${s.lo}${m}) >>> 0)`;
  }
  // Equal values keep either (the same bits reach memory).
  const keepOld = e.tmp();
  const l = e.tmp();
  const pick = `${keepOld} = ${max ? greater : `!(${greater})`}; ${l} = ${keepOld} ? ${old.lo} : ${s.lo};`;
  if (!wide) return { code: pick, lo: l, hi: '0' };
  const h = e.tmp();
  return { code: `${pick} ${h} = ${keepOld} ? ${old.hi} : ${s.hi};`, lo: l, hi: h };
}

/** Sets Rt (W or X by size) to a loaded value. */
const setLoaded = (e: Emitter, size: number, rt: number, v: Pair): string => (size === 3 ? setX(e, rt, v.lo, v.hi) : setW(e, rt, v.lo));

/** LD<op>/ST<op>/SWP: Rt = [Xn]; [Xn] = op([Xn], Rs). */
function emitAtomic(e: Emitter, op: AtomicOp, size: number, rs: number, rt: number, rn: number): string {
  const bytes = (1 << size) as AccessSize;
  const check = aligned(e, rn, bytes);
  const a = base(e, rn);
  const s: Pair = { lo: lo(e, rs), hi: size === 3 ? hi(e, rs) : '0' };
  const ld = emitLoad(e, bytes, a);
  const old: Pair = { lo: ld.lo, hi: ld.hi };
  const nv = newValue(e, op, size, old, s);
  return seq(check, ld.code, nv.code, emitStore(e, bytes, a, nv.lo, nv.hi), setLoaded(e, size, rt, old));
}

/** CAS: Rs = [Xn]; if it equalled Rs, [Xn] = Rt. */
function emitCas(e: Emitter, size: number, rs: number, rt: number, rn: number): string {
  const bytes = (1 << size) as AccessSize;
  const check = aligned(e, rn, bytes);
  const a = base(e, rn);
  const wide = size === 3;
  const ld = emitLoad(e, bytes, a);
  // The compare value, cut to the access size (B/H loads are zero-extended).
  const cmpLo = size === 0 ? `(${lo(e, rs)} & 255)` : size === 1 ? `(${lo(e, rs)} & 65535)` : lo(e, rs);
  const same = e.tmp();
  const l = e.tmp();
  const h = wide ? e.tmp() : '0';
  const code = [`${same} = ${ld.lo} === ${cmpLo}${wide ? ` && ${ld.hi} === ${hi(e, rs)}` : ''};`,
    `${l} = ${same} ? ${lo(e, rt)} : ${ld.lo};${wide ? ` ${h} = ${same} ? ${hi(e, rt)} : ${ld.hi};` : ''}`];
  return seq(check, ld.code, code.join(' '), emitStore(e, bytes, a, l, h), setLoaded(e, size, rs, { lo: ld.lo, hi: ld.hi }));
}

/** CASP: Rs:Rs+1 = [Xn] (a pair of W or X); if equal, [Xn] = Rt:Rt+1. */
function emitCasp(e: Emitter, sz: number, rs: number, rt: number, rn: number): string {
  const check = aligned(e, rn, sz ? 16 : 8);
  const a = base(e, rn);
  const ld = loadWords(e, a, sz ? 16 : 8);
  const w = ld.words;
  const cmp = sz ? [lo(e, rs), hi(e, rs), lo(e, rs + 1), hi(e, rs + 1)] : [lo(e, rs), lo(e, rs + 1)];
  const put = sz ? [lo(e, rt), hi(e, rt), lo(e, rt + 1), hi(e, rt + 1)] : [lo(e, rt), lo(e, rt + 1)];
  const same = e.tmp();
  const next = w.map(() => e.tmp());
  const code = [`${same} = ${w.map((x, i) => `${x} === ${cmp[i]}`).join(' && ')};`,
    ...next.map((t, i) => `${t} = ${same} ? ${put[i]} : ${w[i]};`)];
  const set = sz ? seq(setX(e, rs, w[0], w[1]), setX(e, rs + 1, w[2], w[3])) : seq(setW(e, rs, w[0]), setW(e, rs + 1, w[1]));
  return seq(check, ld.code, code.join(' '), storeWords(e, a, next), set);
}

/** LDAPUR and STLUR forms by size and opc: the access and how it extends, or null if unallocated. */
interface Rcpc2 {
  store: boolean;
  signed: boolean;
  /** Destination is an X register. */
  sf: number;
  name: string;
}

function rcpc2(size: number, opc: number): Rcpc2 | null {
  const s = SIZE_SUFFIX[size];
  if (opc === 0) return { store: true, signed: false, sf: size === 3 ? 1 : 0, name: `stlur${s}` };
  if (opc === 1) return { store: false, signed: false, sf: size === 3 ? 1 : 0, name: `ldapur${s}` };
  if (size === 3 || (size === 2 && opc === 3)) return null;
  return { store: false, signed: true, sf: opc === 2 ? 1 : 0, name: `ldapurs${size === 2 ? 'w' : s}` };
}

function emitRcpc2(e: Emitter, f: Fields): string {
  const op = rcpc2(f.size, f.opc)!;
  const bytes = (1 << f.size) as AccessSize;
  const acc = immAccess(e, f.rn, f.imm9, Index.Offset);
  if (op.store) return emitStore(e, bytes, acc.addr, lo(e, f.rt), bytes === 8 ? hi(e, f.rt) : '0');
  const ld = emitLoad(e, bytes, acc.addr);
  if (!op.signed) return seq(ld.code, bytes === 8 ? setX(e, f.rt, ld.lo, ld.hi) : setW(e, f.rt, ld.lo));
  const v = signed32(ld.lo, f.size);
  return seq(ld.code, op.sf ? setX(e, f.rt, v, `${v} >> 31`) : setW(e, f.rt, v));
}

const pairName = (sz: number, n: number): string => `${rName(sz, n)}, ${rName(sz, n + 1)}`;

export const insns = defineInsns([
  {
    name: 'CAS', pattern: 'size:2 001000 1 A:1 1 rs:5 R:1 11111 rn:5 rt:5', feature: 'atomics',
    emit: (f, e) => emitCas(e, f.size, f.rs, f.rt, f.rn),
    asm: (f) => `cas${order(f.A, f.R)}${SIZE_SUFFIX[f.size]} ${regOf(f.size, f.rs)}, ${regOf(f.size, f.rt)}, ${mem(f.rn)}`,
  },
  {
    // Rs and Rt name even registers (odd ones are unallocated here).
    name: 'CASP', pattern: '0 sz:1 001000 0 A:1 1 rs:5 R:1 11111 rn:5 rt:5', feature: 'atomics',
    when: (f) => (f.rs & 1) === 0 && (f.rt & 1) === 0,
    emit: (f, e) => emitCasp(e, f.sz, f.rs, f.rt, f.rn),
    asm: (f) => `casp${order(f.A, f.R)} ${pairName(f.sz, f.rs)}, ${pairName(f.sz, f.rt)}, ${mem(f.rn)}`,
  },
  {
    name: 'LDOP', pattern: 'size:2 111 0 00 A:1 R:1 1 rs:5 0 opc:3 00 rn:5 rt:5', feature: 'atomics',
    emit: (f, e) => emitAtomic(e, f.opc as AtomicOp, f.size, f.rs, f.rt, f.rn),
    asm: (f) => {
      const op = OP_NAMES[f.opc];
      if (f.rt === 31 && !f.A) return `st${op}${order(0, f.R)}${SIZE_SUFFIX[f.size]} ${regOf(f.size, f.rs)}, ${mem(f.rn)}`;
      return `ld${op}${order(f.A, f.R)}${SIZE_SUFFIX[f.size]} ${regOf(f.size, f.rs)}, ${regOf(f.size, f.rt)}, ${mem(f.rn)}`;
    },
  },
  {
    name: 'SWP', pattern: 'size:2 111 0 00 A:1 R:1 1 rs:5 1 000 00 rn:5 rt:5', feature: 'atomics',
    emit: (f, e) => emitAtomic(e, AtomicOp.Swp, f.size, f.rs, f.rt, f.rn),
    asm: (f) => `swp${order(f.A, f.R)}${SIZE_SUFFIX[f.size]} ${regOf(f.size, f.rs)}, ${regOf(f.size, f.rt)}, ${mem(f.rn)}`,
  },
  {
    name: 'LDAPUR_STLUR', pattern: 'size:2 011001 opc:2 0 imm9:s9 00 rn:5 rt:5', feature: 'ilrcpc',
    when: (f) => rcpc2(f.size, f.opc) !== null,
    emit: (f, e) => emitRcpc2(e, f),
    asm: (f) => {
      const op = rcpc2(f.size, f.opc)!;
      const addr = f.imm9 ? `[${xSpName(f.rn)}, #${f.imm9}]` : mem(f.rn);
      return `${op.name} ${rName(op.sf, f.rt)}, ${addr}`;
    },
  },
]);

export const runtime = {};
