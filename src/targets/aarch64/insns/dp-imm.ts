// Data processing, immediate: ADD/SUB (immediate), MOVZ/MOVN/MOVK, ADR/ADRP, logical
// (immediate), bitfield moves (SBFM/BFM/UBFM and their shift/extend aliases) and EXTR.
import type { Fields } from '../../common/decode-pattern.js';
import type { Emitter } from '../../../translate/emitter.js';
import { addSub, simplePair, type Pair } from '../alu.js';
import { asr64c, funnel, lsr64c, shl64c } from '../../../translate/int64-emit.js';
import { constHex, decodeBitMasks, moveWidePreferred, onesConst, shift32c, type ConstPair } from '../bitmask.js';
import { FlagOp, setFlags } from '../flags.js';
import { defineInsns } from '../insn-def.js';
import { address, hi, hiSp, lo, loSp, rName, rSpName, setReg, setW, setWSp, setX, setXSp, wName, xName } from '../regs.js';

/** Splits a non-negative 64-bit constant below 2^53... or any (lo, hi) word pair into int32 literals. */
const i32 = (v: number): string => String(v | 0);

export const insns = defineInsns([
  {
    name: 'ADD_imm', pattern: 'sf:1 op:1 S:1 100010 sh:1 imm12:12 rn:5 rd:5',
    emit: (f, e) => addSub(e, {
      sf: f.sf, sub: f.op === 1, setFlags: f.S === 1, rd: f.rd, rdIsSp: true,
      a: { lo: loSp(e, f.rn), hi: f.sf ? hiSp(e, f.rn) : '0' },
      b: { lo: String(f.imm12 << (12 * f.sh)), hi: '0' },
    }),
    asm: (f) => {
      const imm = `#0x${f.imm12.toString(16)}${f.sh ? ', lsl #12' : ''}`;
      const rn = rSpName(f.sf, f.rn);
      if (f.S && f.rd === 31) return `${f.op ? 'cmp' : 'cmn'} ${rn}, ${imm}`;
      if (!f.op && !f.S && f.imm12 === 0 && !f.sh && (f.rd === 31 || f.rn === 31)) return `mov ${rSpName(f.sf, f.rd)}, ${rn}`;
      const rd = f.S ? rName(f.sf, f.rd) : rSpName(f.sf, f.rd);
      return `${f.op ? 'sub' : 'add'}${f.S ? 's' : ''} ${rd}, ${rn}, ${imm}`;
    },
  },
  {
    name: 'MOVN', pattern: 'sf:1 00 100101 hw:2 imm16:16 rd:5',
    when: (f) => f.sf === 1 || f.hw < 2,
    emit: (f, e) => {
      const v = f.imm16 * 2 ** (16 * f.hw);
      const l = ~(v % 2 ** 32), h = ~Math.floor(v / 2 ** 32);
      return setReg(e, f.sf, f.rd, i32(l), i32(h));
    },
    // The MOV alias unless the value has another MOVZ/MOVN form (imm16 0 with a shift;
    // 32-bit MOVN of 0xffff): then the plain instruction, as objdump prints it.
    asm: (f) => (f.imm16 === 0 && f.hw !== 0) || (!f.sf && f.imm16 === 0xffff)
      ? moveWide('movn', f) : `mov ${rName(f.sf, f.rd)}, #${movnValue(f.sf, f.hw, f.imm16)}`,
  },
  {
    name: 'MOVZ', pattern: 'sf:1 10 100101 hw:2 imm16:16 rd:5',
    when: (f) => f.sf === 1 || f.hw < 2,
    emit: (f, e) => {
      const v = f.imm16 * 2 ** (16 * f.hw);
      return setReg(e, f.sf, f.rd, i32(v % 2 ** 32), i32(Math.floor(v / 2 ** 32)));
    },
    asm: (f) => f.imm16 === 0 && f.hw !== 0
      ? moveWide('movz', f) : `mov ${rName(f.sf, f.rd)}, #0x${(BigInt(f.imm16) << BigInt(16 * f.hw)).toString(16)}`,
  },
  {
    name: 'MOVK', pattern: 'sf:1 11 100101 hw:2 imm16:16 rd:5',
    when: (f) => f.sf === 1 || f.hw < 2,
    emit: (f, e) => {
      const half = f.hw >= 2 ? hi(e, f.rd) : lo(e, f.rd);
      const shift = 16 * (f.hw & 1);
      const merged = `(${half} & ${~(0xffff << shift)}) | ${f.imm16 << shift}`;
      return f.hw >= 2 ? setX(e, f.rd, lo(e, f.rd), merged) : setReg(e, f.sf, f.rd, merged, hi(e, f.rd));
    },
    asm: (f) => moveWide('movk', f),
  },
  {
    name: 'ADR', pattern: 'op:1 immlo:2 10000 immhi:s19 rd:5',
    emit: (f, e) => {
      const v = adrTarget(f.op, f.immlo, f.immhi, e.pc);
      return setX(e, f.rd, i32(v % 2 ** 32), i32(Math.floor(v / 2 ** 32)));
    },
    asm: (f, pc) => `${f.op ? 'adrp' : 'adr'} ${xName(f.rd)}, ${address(adrTarget(f.op, f.immlo, f.immhi, pc))}`,
  },
  {
    // AND/ORR/EOR/ANDS (immediate); reserved masks fall through to SIGILL.
    name: 'LOGIC_imm', pattern: 'sf:1 opc:2 100100 N:1 immr:6 imms:6 rn:5 rd:5',
    when: (f) => logicMask(f) !== null,
    emit: (f, e) => emitLogicImm(f, e),
    asm: (f) => {
      const mask = logicMask(f)!;
      const imm = `#${constHex(mask, f.sf)}`;
      if (f.opc === 3 && f.rd === 31) return `tst ${rName(f.sf, f.rn)}, ${imm}`;
      if (f.opc === 1 && f.rn === 31 && (f.rd === 31 || !moveWidePreferred(mask, f.sf))) return `mov ${rSpName(f.sf, f.rd)}, ${imm}`;
      const rd = f.opc === 3 ? rName(f.sf, f.rd) : rSpName(f.sf, f.rd);
      return `${LOGIC_NAMES[f.opc]} ${rd}, ${rName(f.sf, f.rn)}, ${imm}`;
    },
  },
  {
    // SBFM (opc 0), BFM (1), UBFM (2).
    name: 'BITFIELD', pattern: 'sf:1 opc:2 100110 N:1 immr:6 imms:6 rn:5 rd:5',
    when: (f) => f.opc !== 3 && f.N === f.sf && (f.sf === 1 || (f.immr < 32 && f.imms < 32)),
    emit: (f, e) => emitBitfield(f, e),
    asm: (f) => bitfieldAsm(f),
  },
  {
    name: 'EXTR', pattern: 'sf:1 00 100111 N:1 0 rm:5 imms:6 rn:5 rd:5',
    when: (f) => f.N === f.sf && (f.sf === 1 || f.imms < 32),
    emit: (f, e) => {
      const s = f.imms;
      if (!f.sf) return setW(e, f.rd, funnel(lo(e, f.rm), lo(e, f.rn), s));
      const [ml, mh, nl, nh] = [lo(e, f.rm), hi(e, f.rm), lo(e, f.rn), hi(e, f.rn)];
      return s < 32
        ? setX(e, f.rd, funnel(ml, mh, s), funnel(mh, nl, s))
        : setX(e, f.rd, funnel(mh, nl, s - 32), funnel(nl, nh, s - 32));
    },
    asm: (f) => {
      const r = (n: number): string => rName(f.sf, n);
      if (f.rn === f.rm) return `ror ${r(f.rd)}, ${r(f.rn)}, #${f.imms}`;
      return `extr ${r(f.rd)}, ${r(f.rn)}, ${r(f.rm)}, #${f.imms}`;
    },
  },
]);

const LOGIC_NAMES = ['and', 'orr', 'eor', 'ands'];

const logicMask = (f: Fields): ConstPair | null =>
  f.sf === 0 && f.N === 1 ? null : decodeBitMasks(f.N, f.imms, f.immr, f.sf ? 64 : 32);

/** `x op c` for a constant c, folded when c is 0 or all ones. */
function logicConstExpr(op: number, x: string, c: number): string {
  if (op === 1) return c === 0 ? x : c === -1 ? '-1' : `(${x} | ${c})`;
  if (op === 2) return c === 0 ? x : c === -1 ? `~${x}` : `(${x} ^ ${c})`;
  return c === 0 ? '0' : c === -1 ? x : `(${x} & ${c})`;
}

function emitLogicImm(f: Fields, e: Emitter): string {
  const m = logicMask(f)!;
  const op = f.opc === 3 ? 0 : f.opc;
  const l = logicConstExpr(op, lo(e, f.rn), m.lo);
  if (!f.sf) {
    if (f.opc !== 3) return setWSp(e, f.rd, l);
    const t = e.tmp();
    return `${t} = ${l}; ${setFlags(e, FlagOp.Logic32, t)} ${setW(e, f.rd, t)}`;
  }
  const h = logicConstExpr(op, hi(e, f.rn), m.hi);
  if (f.opc !== 3) return setXSp(e, f.rd, l, h);
  const tl = e.tmp(), th = e.tmp();
  return `${tl} = ${l}; ${th} = ${h}; ${setFlags(e, FlagOp.Logic64, tl, th)} ${setX(e, f.rd, tl, th)}`;
}

const and32 = (x: string, c: number): string => logicConstExpr(0, x, c);
const mask32 = (width: number): number => onesConst(width).lo;

/** SBFM/BFM/UBFM: the Arm ARM's wmask/tmask semantics specialised per case into shifts and masks. */
function emitBitfield(f: Fields, e: Emitter): string {
  const { immr: r, imms: s } = f;
  if (!f.sf) return setW(e, f.rd, bitfield32(f.opc, lo(e, f.rn), lo(e, f.rd), r, s));
  const x: Pair = { lo: lo(e, f.rn), hi: hi(e, f.rn) };
  const code: string[] = [];
  let v: Pair;
  if (f.opc === 1) {
    // BFM: insert the field into Rd
    const d: Pair = { lo: lo(e, f.rd), hi: hi(e, f.rd) };
    const placed = s >= r ? lsr64c(x, r) : shl64c(x, 64 - r);
    const width = s >= r ? s - r + 1 : s + 1;
    const fm = s >= r ? onesConst(width) : constShl(onesConst(width), 64 - r);
    v = { lo: insert(d.lo, placed.lo, fm.lo), hi: insert(d.hi, placed.hi, fm.hi) };
  } else if (f.opc === 2) {
    v = ubfm64(e, x, r, s, code);
  } else {
    v = sbfm64(e, x, r, s, code);
  }
  code.push(setX(e, f.rd, v.lo, v.hi));
  return code.join(' ');
}

/** (d & ~m) | (v & m) for a constant mask m. */
function insert(d: string, v: string, m: number): string {
  if (m === 0) return d;
  if (m === -1) return v;
  return `((${d} & ${~m}) | (${v} & ${m}))`;
}

function constShl(c: ConstPair, n: number): ConstPair {
  const lo = n >= 32 ? 0 : c.lo << n;
  const hi = n >= 32 ? c.lo << (n - 32) : n === 0 ? c.hi : (c.hi << n) | (c.lo >>> (32 - n));
  return { lo, hi };
}

function bitfield32(opc: number, x: string, d: string, r: number, s: number): string {
  if (opc === 2) {
    if (s >= r) return s === 31 ? shift32c(x, 1, r) : and32(shift32c(x, 1, r), mask32(s - r + 1));
    const lsb = 32 - r;
    return s + 1 === r ? `(${x} << ${lsb})` : `(${and32(x, mask32(s + 1))} << ${lsb})`;
  }
  if (opc === 0) {
    const up = shift32c(x, 0, 31 - s);
    const down = s >= r ? 31 - s + r : r - s - 1;
    return down === 0 ? up : `(${up} >> ${down})`;
  }
  if (s >= r) return insert(d, shift32c(x, 1, r), mask32(s - r + 1));
  const lsb = 32 - r;
  return insert(d, `(${x} << ${lsb})`, mask32(s + 1) << lsb);
}

function ubfm64(e: Emitter, x: Pair, r: number, s: number, code: string[]): Pair {
  if (s >= r) {
    if (s === 63) return lsr64c(x, r);
    const m = onesConst(s - r + 1);
    if (s < 32) return { lo: and32(shift32c(x.lo, 1, r), m.lo), hi: '0' };
    if (r >= 32) return { lo: and32(shift32c(x.hi, 1, r - 32), m.lo), hi: '0' };
    const v = lsr64c(x, r);
    return { lo: and32(v.lo, m.lo), hi: and32(v.hi, m.hi) };
  }
  const lsb = 64 - r;
  if (s + 1 === r) return shl64c(x, lsb);
  const m = onesConst(s + 1);
  return shl64c(simplePair(e, { lo: and32(x.lo, m.lo), hi: and32(x.hi, m.hi) }, code), lsb);
}

function sbfm64(e: Emitter, x: Pair, r: number, s: number, code: string[]): Pair {
  if (s >= r) {
    if (s === 63) return asr64c(x, r);
    if (s < 32) {
      // field and sign in the low word (SXTB/SXTH/SXTW and friends)
      const up = shift32c(x.lo, 0, 31 - s);
      const down = 31 - s + r;
      return { lo: down === 0 ? up : `(${up} >> ${down})`, hi: `(${up} >> 31)` };
    }
    if (r >= 32) {
      const up = shift32c(x.hi, 0, 63 - s);
      const down = 63 - s + r - 32;
      return { lo: down === 0 ? up : `(${up} >> ${down})`, hi: `(${up} >> 31)` };
    }
    return asr64c(simplePair(e, shl64c(x, 63 - s), code), 63 - s + r);
  }
  // SBFIZ: sign-extend the low s+1 bits, then shift left by 64 - r
  return asr64c(simplePair(e, shl64c(x, 63 - s), code), r - s - 1);
}

function bitfieldAsm(f: Fields): string {
  const { sf, opc, immr: r, imms: s } = f;
  const size = sf ? 64 : 32;
  const rd = rName(sf, f.rd), rn = rName(sf, f.rn);
  const field = (name: string): string =>
    s >= r ? `${name}x${name === 'bf' ? 'il' : ''} ${rd}, ${rn}, #${r}, #${s - r + 1}` : `${name}iz ${rd}, ${rn}, #${size - r}, #${s + 1}`;
  if (opc === 1) {
    if (s < r) return f.rn === 31 ? `bfc ${rd}, #${size - r}, #${s + 1}` : `bfi ${rd}, ${rn}, #${size - r}, #${s + 1}`;
    return field('bf');
  }
  if (s === size - 1) return `${opc ? 'lsr' : 'asr'} ${rd}, ${rn}, #${r}`;
  if (opc === 2 && s + 1 === r) return `lsl ${rd}, ${rn}, #${size - 1 - s}`;
  if (s < r) return field(opc ? 'ubf' : 'sbf');
  // UXTB/UXTH exist only for W registers; SXTB/SXTH/SXTW for both
  if (r === 0 && (s === 7 || s === 15 || s === 31) && (!sf || opc === 0)) {
    return `${opc ? 'u' : 's'}xt${s === 7 ? 'b' : s === 15 ? 'h' : 'w'} ${rd}, ${wName(f.rn)}`;
  }
  return field(opc ? 'ubf' : 'sbf');
}

function adrTarget(page: number, immlo: number, immhi: number, pc: number): number {
  const imm = immhi * 4 + immlo;
  if (!page) return pc + imm;
  return pc - (pc % 4096) + imm * 4096;
}

/** MOVZ/MOVN/MOVK without an alias: "movk x0, #0x1234, lsl #16". */
function moveWide(op: string, f: Fields): string {
  return `${op} ${rName(f.sf, f.rd)}, #0x${f.imm16.toString(16)}${f.hw ? `, lsl #${16 * f.hw}` : ''}`;
}

function movnValue(sf: number, hw: number, imm16: number): string {
  const v = ~(BigInt(imm16) << BigInt(16 * hw)) & (sf ? (1n << 64n) - 1n : 0xffffffffn);
  return `0x${v.toString(16)}`;
}

export const runtime = {};
