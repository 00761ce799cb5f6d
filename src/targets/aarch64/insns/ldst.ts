// Integer loads and stores: LDR/STR in every addressing mode and width (unsigned offset,
// pre/post-index, unscaled LDUR/STUR, unprivileged LDTR/STTR, register offset, literal),
// sign-extending loads, PRFM/PRFUM (no-ops), and LDP/STP/LDPSW/LDNP/STNP.
// The exclusive/ordered, atomic (LSE) and SIMD&FP forms live in ldst-exclusive.ts,
// ldst-atomic.ts and ldst-simd.ts and are re-exported from here, so this file is the
// whole load/store group.
import type { Emitter } from '../../../translate/emitter.js';
import { emitLoad, emitStore, type AccessSize } from '../../../translate/memory-emit.js';
import type { Fields } from '../../common/decode-pattern.js';
import { defineInsns, type InsnDef } from '../insn-def.js';
import { hex, hi, lo, rName, setW, setX } from '../regs.js';
import {
  constAccess, immAccess, immOperand, imm9Index, Index, loadWords, pairIndex, regAccess, regOperand, seq,
  storeWords, type Access,
} from './ldst-common.js';
import * as atomic from './ldst-atomic.js';
import * as exclusive from './ldst-exclusive.js';
import * as simd from './ldst-simd.js';

interface IntOp {
  kind: 'load' | 'store' | 'prfm';
  bytes: AccessSize;
  /** log2(bytes): the scale of unsigned and register offsets. */
  scale: number;
  signed: boolean;
  /** Destination (or source) is an X register. */
  sf: number;
  /** Mnemonic suffix: b, h, sb, sh, sw or ''. */
  suffix: string;
}

/** The operation selected by size and opc (V = 0), or null if unallocated. */
function intOp(size: number, opc: number): IntOp | null {
  const bytes = (1 << size) as AccessSize;
  const base = { bytes, scale: size, signed: false, sf: size === 3 ? 1 : 0, suffix: ['b', 'h', '', ''][size] };
  if (opc === 0) return { ...base, kind: 'store' };
  if (opc === 1) return { ...base, kind: 'load' };
  if (size === 3) return opc === 2 ? { ...base, kind: 'prfm', sf: 1 } : null;
  if (size === 2 && opc === 3) return null;
  return { ...base, kind: 'load', signed: true, sf: opc === 2 ? 1 : 0, suffix: ['sb', 'sh', 'sw'][size] };
}

const opOf = (f: Fields): IntOp => intOp(f.size, f.opc)!;

/** Sign-extends a loaded value held in temp `v` in place. */
function signExtend(v: string, bytes: number): string {
  if (bytes === 1) return `${v} = (${v} << 24) >> 24;`;
  if (bytes === 2) return `${v} = (${v} << 16) >> 16;`;
  return '';
}

/** Emits one integer load/store/prefetch through `acc`. */
function intAccess(e: Emitter, op: IntOp, rt: number, acc: Access): string {
  if (op.kind === 'prfm') return '';
  if (op.kind === 'store') {
    const st = emitStore(e, op.bytes, acc.addr, lo(e, rt), op.bytes === 8 ? hi(e, rt) : '0');
    return seq(acc.setup, st, acc.wbCompute, acc.wbAssign);
  }
  const ld = emitLoad(e, op.bytes, acc.addr);
  const ext = op.signed ? signExtend(ld.lo, op.bytes) : '';
  const high = op.bytes === 8 ? ld.hi : op.signed ? `${ld.lo} >> 31` : '0';
  const set = op.sf ? setX(e, rt, ld.lo, high) : setW(e, rt, ld.lo);
  return seq(acc.setup, ld.code, ext, acc.wbCompute, set, acc.wbAssign);
}

const PRF_TYPES = ['pld', 'pli', 'pst'];

/** The prefetch operation name, e.g. pldl1keep, or #imm for unnamed ones. */
export function prfop(rt: number): string {
  const type = rt >> 3, target = (rt >> 1) & 3;
  if (type > 2 || target > 2) return `#0x${rt.toString(16)}`;
  return `${PRF_TYPES[type]}l${target + 1}${rt & 1 ? 'strm' : 'keep'}`;
}

function intAsm(op: IntOp, infix: string, rt: number, operand: string): string {
  if (op.kind === 'prfm') return `prf${infix === 'u' ? 'um' : 'm'} ${prfop(rt)}, ${operand}`;
  return `${op.kind === 'store' ? 'st' : 'ld'}${infix}r${op.suffix} ${rName(op.sf, rt)}, ${operand}`;
}

const IMM9_INFIX = ['u', '', 't', ''];

const literalAddress = (pc: number, imm19: number): number => pc + 4 * imm19;

interface PairOp {
  bytes: 4 | 8;
  signed: boolean;
}

/** Integer pair by opc and L, or null (opc 01 with L=0 is STGP, a memory-tagging insn). */
function pairOp(opc: number, l: number): PairOp | null {
  if (opc === 0) return { bytes: 4, signed: false };
  if (opc === 2) return { bytes: 8, signed: false };
  if (opc === 1 && l === 1) return { bytes: 4, signed: true };
  return null;
}

function pairName(f: Fields): string {
  const base = f.idx === 0 ? (f.L ? 'ldnp' : 'stnp') : f.L ? 'ldp' : 'stp';
  return f.opc === 1 ? 'ldpsw' : base;
}

const intInsns: InsnDef[] = [
  {
    name: 'LDST_uimm', pattern: 'size:2 111 0 01 opc:2 imm12:12 rn:5 rt:5',
    when: (f) => intOp(f.size, f.opc) !== null,
    emit: (f, e) => {
      const op = opOf(f);
      return intAccess(e, op, f.rt, immAccess(e, f.rn, f.imm12 << op.scale, Index.Offset));
    },
    asm: (f) => {
      const op = opOf(f);
      return intAsm(op, '', f.rt, immOperand(f.rn, f.imm12 << op.scale, Index.Offset));
    },
  },
  {
    // idx: 00 LDUR/STUR/PRFUM, 01 post-index, 10 LDTR/STTR (EL0: a normal access), 11 pre-index
    name: 'LDST_imm9', pattern: 'size:2 111 0 00 opc:2 0 imm9:s9 idx:2 rn:5 rt:5',
    when: (f) => {
      const op = intOp(f.size, f.opc);
      return op !== null && (op.kind !== 'prfm' || f.idx === 0);
    },
    emit: (f, e) => intAccess(e, opOf(f), f.rt, immAccess(e, f.rn, f.imm9, imm9Index(f.idx))),
    asm: (f) => intAsm(opOf(f), IMM9_INFIX[f.idx], f.rt, immOperand(f.rn, f.imm9, imm9Index(f.idx))),
  },
  {
    name: 'LDST_reg', pattern: 'size:2 111 0 00 opc:2 1 rm:5 option:3 S:1 10 rn:5 rt:5',
    when: (f) => intOp(f.size, f.opc) !== null && (f.option & 2) !== 0,
    emit: (f, e) => {
      const op = opOf(f);
      if (op.kind === 'prfm') return '';
      return intAccess(e, op, f.rt, regAccess(e, f.rn, f.rm, f.option, f.S ? op.scale : 0));
    },
    asm: (f) => {
      const op = opOf(f);
      return intAsm(op, '', f.rt, regOperand(f.rn, f.rm, f.option, f.S, op.scale));
    },
  },
  {
    // opc: 00 LDR W, 01 LDR X, 10 LDRSW, 11 PRFM
    name: 'LDR_lit', pattern: 'opc:2 011 0 00 imm19:s19 rt:5',
    emit: (f, e) => {
      const op = [intOp(2, 1), intOp(3, 1), intOp(2, 2), intOp(3, 2)][f.opc]!;
      return intAccess(e, op, f.rt, constAccess(literalAddress(e.pc, f.imm19)));
    },
    asm: (f, pc) => {
      const target = hex(literalAddress(pc, f.imm19));
      if (f.opc === 3) return `prfm ${prfop(f.rt)}, ${target}`;
      return `ldr${f.opc === 2 ? 'sw' : ''} ${rName(f.opc === 0 ? 0 : 1, f.rt)}, ${target}`;
    },
  },
  {
    // idx: 00 LDNP/STNP (offset), 01 post-index, 10 offset, 11 pre-index
    name: 'LDSTP', pattern: 'opc:2 101 0 0 idx:2 L:1 imm7:s7 rt2:5 rn:5 rt:5',
    when: (f) => pairOp(f.opc, f.L) !== null && !(f.idx === 0 && f.opc === 1),
    emit: (f, e) => {
      const op = pairOp(f.opc, f.L)!;
      const sf = op.bytes === 8 || op.signed ? 1 : 0;
      const acc = immAccess(e, f.rn, f.imm7 * op.bytes, pairIndex(f.idx));
      if (!f.L) {
        const words = op.bytes === 8 ? [lo(e, f.rt), hi(e, f.rt), lo(e, f.rt2), hi(e, f.rt2)] : [lo(e, f.rt), lo(e, f.rt2)];
        return seq(acc.setup, storeWords(e, acc.addr, words), acc.wbCompute, acc.wbAssign);
      }
      const ld = loadWords(e, acc.addr, 2 * op.bytes);
      const w = ld.words;
      const set = (rt: number, l: string, h: string): string => (sf ? setX(e, rt, l, h) : setW(e, rt, l));
      const [l1, h1, l2, h2] = op.bytes === 8 ? w : [w[0], op.signed ? `${w[0]} >> 31` : '0', w[1], op.signed ? `${w[1]} >> 31` : '0'];
      return seq(acc.setup, ld.code, acc.wbCompute, set(f.rt, l1, h1), set(f.rt2, l2, h2), acc.wbAssign);
    },
    asm: (f) => {
      const op = pairOp(f.opc, f.L)!;
      const sf = op.bytes === 8 || op.signed ? 1 : 0;
      return `${pairName(f)} ${rName(sf, f.rt)}, ${rName(sf, f.rt2)}, ${immOperand(f.rn, f.imm7 * op.bytes, pairIndex(f.idx))}`;
    },
  },
];

export const insns = defineInsns([...intInsns, ...exclusive.insns, ...atomic.insns, ...simd.insns]);

export const runtime = { ...exclusive.runtime, ...atomic.runtime, ...simd.runtime };
