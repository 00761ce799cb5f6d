// Data processing, register: add/sub (shifted and extended register, with carry), logical
// (shifted register), conditional select and compare, variable shifts, divide, CRC32,
// multiply(-add) and the one-source bit operations.
import type { Fields } from '../../common/decode-pattern.js';
import type { Emitter } from '../../../translate/emitter.js';
import { hi as hiResult, sdiv64, udiv64 } from '../../../translate/int64.js';
import { addSub, add64, simplePair, sub64, type Pair } from '../alu.js';
import { shl64c } from '../../../translate/int64-emit.js';
import { shift32c, shift64c } from '../bitmask.js';
import { carry, condition, CONDITION_NAMES, FlagOp, setFlags, setNzcv } from '../flags.js';
import { defineInsns } from '../insn-def.js';
import { hi, hiSp, lo, loSp, rName, rSpName, setW, setX, wName, xName } from '../regs.js';

const SHIFT_NAMES = ['lsl', 'lsr', 'asr', 'ror'];
const EXTEND_NAMES = ['uxtb', 'uxth', 'uxtw', 'uxtx', 'sxtb', 'sxth', 'sxtw', 'sxtx'];

const reg = (e: Emitter, n: number): Pair => ({ lo: lo(e, n), hi: hi(e, n) });

/** Rm shifted by a constant (shifted-register forms), as a pair (hi '0' for W). */
function shiftedOperand(e: Emitter, f: Fields): Pair {
  if (!f.sf) return { lo: shift32c(lo(e, f.rm), f.shift, f.imm6), hi: '0' };
  return shift64c(reg(e, f.rm), f.shift, f.imm6);
}

/** Rm extended and shifted left by imm3 (extended-register forms). */
function extendedOperand(e: Emitter, f: Fields, code: string[]): Pair {
  const m = lo(e, f.rm);
  const byType: Pair[] = [
    { lo: `(${m} & 255)`, hi: '0' },
    { lo: `(${m} & 65535)`, hi: '0' },
    { lo: m, hi: '0' },
    { lo: m, hi: hi(e, f.rm) },
    { lo: `(${m} << 24 >> 24)`, hi: `(${m} << 24 >> 31)` },
    { lo: `(${m} << 16 >> 16)`, hi: `(${m} << 16 >> 31)` },
    { lo: m, hi: `(${m} >> 31)` },
    { lo: m, hi: hi(e, f.rm) },
  ];
  const x = byType[f.option];
  if (!f.sf) return { lo: shift32c(x.lo, 0, f.imm3), hi: '0' };
  return f.imm3 === 0 ? x : shl64c(simplePair(e, x, code), f.imm3);
}

function shiftSuffix(type: number, amount: number): string {
  return type === 0 && amount === 0 ? '' : `, ${SHIFT_NAMES[type]} #${amount}`;
}

// ---- add/sub ----

/** CMP/CMN: only the (lazy) flags; the difference itself is never needed. */
function compare(e: Emitter, f: Fields, a: Pair, b: Pair): string {
  const op = f.sf ? (f.op ? FlagOp.Sub64 : FlagOp.Add64) : f.op ? FlagOp.Sub32 : FlagOp.Add32;
  return f.sf ? setFlags(e, op, a.lo, a.hi, b.lo, b.hi) : setFlags(e, op, a.lo, '0', b.lo, '0');
}

function emitAddSubShifted(f: Fields, e: Emitter): string {
  const code: string[] = [];
  let b = shiftedOperand(e, f);
  // the operand is read again for the high half's borrow and for the flags
  if (f.S || (f.sf && f.op)) b = simplePair(e, b, code);
  const a = f.sf ? reg(e, f.rn) : { lo: lo(e, f.rn), hi: '0' };
  code.push(f.S && f.rd === 31 ? compare(e, f, a, b) : addSub(e, { sf: f.sf, sub: f.op === 1, setFlags: f.S === 1, rd: f.rd, rdIsSp: false, a, b }));
  return code.join(' ');
}

function emitAddSubExtended(f: Fields, e: Emitter): string {
  const code: string[] = [];
  let b = extendedOperand(e, f, code);
  if (f.S || (f.sf && f.op)) b = simplePair(e, b, code);
  const a = f.sf ? { lo: loSp(e, f.rn), hi: hiSp(e, f.rn) } : { lo: loSp(e, f.rn), hi: '0' };
  code.push(f.S && f.rd === 31 ? compare(e, f, a, b) : addSub(e, { sf: f.sf, sub: f.op === 1, setFlags: f.S === 1, rd: f.rd, rdIsSp: true, a, b }));
  return code.join(' ');
}

function addSubShiftedAsm(f: Fields): string {
  const r = (n: number): string => rName(f.sf, n);
  const m = `${r(f.rm)}${shiftSuffix(f.shift, f.imm6)}`;
  if (f.S && f.rd === 31) return `${f.op ? 'cmp' : 'cmn'} ${r(f.rn)}, ${m}`;
  const name = `${f.op ? 'sub' : 'add'}${f.S ? 's' : ''}`;
  if (f.op && f.rn === 31) return `neg${f.S ? 's' : ''} ${r(f.rd)}, ${m}`;
  return `${name} ${r(f.rd)}, ${r(f.rn)}, ${m}`;
}

function addSubExtendedAsm(f: Fields): string {
  const rm = f.sf && (f.option & 3) === 3 ? xName(f.rm) : wName(f.rm);
  const spForm = f.S ? f.rn === 31 : f.rd === 31 || f.rn === 31;
  const lsl = spForm && f.option === (f.sf ? 3 : 2);
  const ext = lsl ? (f.imm3 ? `, lsl #${f.imm3}` : '') : `, ${EXTEND_NAMES[f.option]}${f.imm3 ? ` #${f.imm3}` : ''}`;
  const rn = rSpName(f.sf, f.rn);
  if (f.S && f.rd === 31) return `${f.op ? 'cmp' : 'cmn'} ${rn}, ${rm}${ext}`;
  const rd = f.S ? rName(f.sf, f.rd) : rSpName(f.sf, f.rd);
  return `${f.op ? 'sub' : 'add'}${f.S ? 's' : ''} ${rd}, ${rn}, ${rm}${ext}`;
}

/** ADC/ADCS/SBC/SBCS: Rn + Rm + C, with SBC as Rn + ~Rm + C. */
function emitAdc(f: Fields, e: Emitter): string {
  const c = e.tmp();
  const code = [`${c} = ${carry(e)};`];
  const n = reg(e, f.rn);
  const bl = e.tmp(), sl = e.tmp(), rl = e.tmp();
  code.push(`${bl} = ${f.op ? `~${lo(e, f.rm)}` : lo(e, f.rm)};`);
  code.push(`${sl} = (${n.lo} >>> 0) + (${bl} >>> 0) + ${c}; ${rl} = ${sl} | 0;`);
  if (!f.sf) {
    if (f.S) {
      const v = `((~(${n.lo} ^ ${bl}) & (${n.lo} ^ ${rl})) < 0 ? 1 : 0)`;
      code.push(setNzcv(e, `(${rl} < 0 ? 8 : 0) | (${rl} === 0 ? 4 : 0) | (${sl} > 4294967295 ? 2 : 0) | ${v}`));
    }
    code.push(setW(e, f.rd, rl));
    return code.join(' ');
  }
  const bh = e.tmp(), sh = e.tmp(), rh = e.tmp();
  code.push(`${bh} = ${f.op ? `~${hi(e, f.rm)}` : hi(e, f.rm)};`);
  code.push(`${sh} = (${n.hi} >>> 0) + (${bh} >>> 0) + (${sl} > 4294967295 ? 1 : 0); ${rh} = ${sh} | 0;`);
  if (f.S) {
    const v = `((~(${n.hi} ^ ${bh}) & (${n.hi} ^ ${rh})) < 0 ? 1 : 0)`;
    code.push(setNzcv(e, `(${rh} < 0 ? 8 : 0) | ((${rl} | ${rh}) === 0 ? 4 : 0) | (${sh} > 4294967295 ? 2 : 0) | ${v}`));
  }
  code.push(setX(e, f.rd, rl, rh));
  return code.join(' ');
}

// ---- logical (shifted register) ----

const LOGIC_NAMES = ['and', 'orr', 'eor', 'ands'];
const LOGIC_NOT_NAMES = ['bic', 'orn', 'eon', 'bics'];

/** a op b with a possibly the zero register. */
function logicExpr(op: number, a: string, b: string): string {
  if (a === '0') return op === 0 ? '0' : b;
  return `(${a} ${op === 0 ? '&' : op === 1 ? '|' : '^'} ${b})`;
}

function emitLogicShifted(f: Fields, e: Emitter): string {
  const op = f.opc === 3 ? 0 : f.opc;
  let b = shiftedOperand(e, f);
  if (f.N) b = { lo: `~${b.lo}`, hi: `~${b.hi}` };
  const l = logicExpr(op, lo(e, f.rn), b.lo);
  if (!f.sf) {
    if (f.opc !== 3) return setW(e, f.rd, l);
    const t = e.tmp();
    return `${t} = ${l}; ${setFlags(e, FlagOp.Logic32, t)} ${setW(e, f.rd, t)}`;
  }
  const h = logicExpr(op, hi(e, f.rn), b.hi);
  if (f.opc !== 3) return setX(e, f.rd, l, h);
  const tl = e.tmp(), th = e.tmp();
  return `${tl} = ${l}; ${th} = ${h}; ${setFlags(e, FlagOp.Logic64, tl, th)} ${setX(e, f.rd, tl, th)}`;
}

function logicShiftedAsm(f: Fields): string {
  const r = (n: number): string => rName(f.sf, n);
  const m = `${r(f.rm)}${shiftSuffix(f.shift, f.imm6)}`;
  if (f.opc === 1 && f.rn === 31) {
    if (f.N) return `mvn ${r(f.rd)}, ${m}`;
    if (f.shift === 0 && f.imm6 === 0) return `mov ${r(f.rd)}, ${r(f.rm)}`;
  }
  if (f.opc === 3 && !f.N && f.rd === 31) return `tst ${r(f.rn)}, ${m}`;
  return `${(f.N ? LOGIC_NOT_NAMES : LOGIC_NAMES)[f.opc]} ${r(f.rd)}, ${r(f.rn)}, ${m}`;
}

// ---- conditional select / compare ----

/** CSEL (op 0, o2 0), CSINC (0, 1), CSINV (1, 0), CSNEG (1, 1). */
function emitCondSelect(f: Fields, e: Emitter): string {
  const kind = (f.op << 1) | f.o2;
  const cond = condition(e, f.cond);
  const ml = lo(e, f.rm);
  const alt32 = [ml, `(${ml} + 1)`, `~${ml}`, `-${ml}`][kind];
  if (!f.sf) return setW(e, f.rd, `(${cond} ? ${lo(e, f.rn)} : ${alt32})`);
  const mh = hi(e, f.rm);
  const altHi = [mh, `(${mh} + (${ml} === -1 ? 1 : 0))`, `~${mh}`, `(~${mh} + (${ml} === 0 ? 1 : 0))`][kind];
  const c = e.tmp();
  const n = reg(e, f.rn);
  return `${c} = ${cond}; ${setX(e, f.rd, `(${c} ? ${n.lo} : ${alt32} | 0)`, `(${c} ? ${n.hi} : ${altHi} | 0)`)}`;
}

function condSelectAsm(f: Fields): string {
  const r = (n: number): string => rName(f.sf, n);
  const inv = CONDITION_NAMES[f.cond ^ 1];
  const kind = (f.op << 1) | f.o2;
  const aliasable = f.cond < 14;
  if (aliasable && kind === 1 && f.rn === 31 && f.rm === 31) return `cset ${r(f.rd)}, ${inv}`;
  if (aliasable && kind === 2 && f.rn === 31 && f.rm === 31) return `csetm ${r(f.rd)}, ${inv}`;
  if (aliasable && kind !== 0 && f.rn === f.rm && (kind === 3 || f.rm !== 31)) {
    return `${['', 'cinc', 'cinv', 'cneg'][kind]} ${r(f.rd)}, ${r(f.rn)}, ${inv}`;
  }
  const name = ['csel', 'csinc', 'csinv', 'csneg'][kind];
  return `${name} ${r(f.rd)}, ${r(f.rn)}, ${r(f.rm)}, ${CONDITION_NAMES[f.cond]}`;
}

/** CCMP/CCMN: the flags of Rn -/+ operand if the condition holds, else #nzcv. */
function emitCondCompare(f: Fields, e: Emitter, b: Pair): string {
  const op = f.sf ? (f.op ? FlagOp.Sub64 : FlagOp.Add64) : f.op ? FlagOp.Sub32 : FlagOp.Add32;
  const a = f.sf ? reg(e, f.rn) : { lo: lo(e, f.rn), hi: '0' };
  const t = e.tmp();
  // evaluated into a temp first: the condition reads the flag slots setNzcv overwrites
  const computed = `H.nzcv(${op}, ${a.lo}, ${a.hi}, ${b.lo}, ${b.hi})`;
  return `${t} = ${condition(e, f.cond)} ? ${computed} : ${f.nzcv}; ${setNzcv(e, t)}`;
}

function condCompareAsm(f: Fields, operand: string): string {
  const name = f.op ? 'ccmp' : 'ccmn';
  return `${name} ${rName(f.sf, f.rn)}, ${operand}, #0x${f.nzcv.toString(16)}, ${CONDITION_NAMES[f.cond]}`;
}

// ---- two-source ----

/** LSLV (0), LSRV (1), ASRV (2), RORV (3); JS masks 32-bit shift counts to 0..31 itself. */
function emitShiftVar(f: Fields, e: Emitter): string {
  const n = lo(e, f.rn);
  const m = lo(e, f.rm);
  if (!f.sf) {
    const expr = [`(${n} << ${m})`, `(${n} >>> ${m})`, `(${n} >> ${m})`, `((${n} >>> ${m}) | (${n} << -${m}))`][f.op2];
    return setW(e, f.rd, expr);
  }
  const nh = hi(e, f.rn);
  // counts 32..63 move whole words; (x << 1) << ~s is x << (32 - s) that also works for s = 0
  switch (f.op2) {
    case 0:
      return setX(e, f.rd, `(${m} & 32 ? 0 : ${n} << ${m})`, `(${m} & 32 ? ${n} << ${m} : (${nh} << ${m}) | ((${n} >>> 1) >>> ~${m}))`);
    case 1:
      return setX(e, f.rd, `(${m} & 32 ? ${nh} >>> ${m} : (${n} >>> ${m}) | ((${nh} << 1) << ~${m})) | 0`, `(${m} & 32 ? 0 : (${nh} >>> ${m}) | 0)`);
    case 2:
      return setX(e, f.rd, `(${m} & 32 ? ${nh} >> ${m} : (${n} >>> ${m}) | ((${nh} << 1) << ~${m}))`, `(${m} & 32 ? ${nh} >> 31 : ${nh} >> ${m})`);
    default: {
      const a = e.tmp(), b = e.tmp();
      const swap = `${a} = ${m} & 32 ? ${nh} : ${n}; ${b} = ${m} & 32 ? ${n} : ${nh};`;
      return `${swap} ${setX(e, f.rd, `(${a} >>> ${m}) | ((${b} << 1) << ~${m})`, `(${b} >>> ${m}) | ((${a} << 1) << ~${m})`)}`;
    }
  }
}

/** UDIV/SDIV: division by zero gives 0 and INT_MIN / -1 wraps to INT_MIN (no traps on A64). */
function emitDiv(f: Fields, e: Emitter): string {
  const n = lo(e, f.rn), m = lo(e, f.rm);
  if (!f.sf) {
    const q = f.o1 ? `(${n} / ${m})` : `((${n} >>> 0) / (${m} >>> 0))`;
    return setW(e, f.rd, `(${m} === 0 ? 0 : ${q} | 0)`);
  }
  const t = e.tmp();
  return `${t} = H.${f.o1 ? 'a64sdiv64' : 'a64udiv64'}(${n}, ${hi(e, f.rn)}, ${m}, ${hi(e, f.rm)}); ${setX(e, f.rd, t, 'H.hi[0]')}`;
}

const CRC_SIZES = ['b', 'h', 'w', 'x'];

// ---- one-source ----

const bswap = (x: string): string => `((${x} << 24) | ((${x} & 65280) << 8) | ((${x} >>> 8) & 65280) | (${x} >>> 24))`;
const rev16 = (x: string): string => `(((${x} >>> 8) & 16711935) | ((${x} & 16711935) << 8))`;

/** RBIT (0), REV16 (1), REV32 or 32-bit REV (2), REV (3). */
function emitRev(f: Fields, e: Emitter): string {
  const n = lo(e, f.rn);
  if (!f.sf) return setW(e, f.rd, [`H.a64rbit32(${n})`, rev16(n), bswap(n)][f.opc]);
  const nh = hi(e, f.rn);
  switch (f.opc) {
    case 0: return setX(e, f.rd, `H.a64rbit32(${nh})`, `H.a64rbit32(${n})`);
    case 1: return setX(e, f.rd, rev16(n), rev16(nh));
    case 2: return setX(e, f.rd, bswap(n), bswap(nh));
    default: return setX(e, f.rd, bswap(nh), bswap(n));
  }
}

/** CLZ (op 0) and CLS (op 1); CLS counts the leading zeros of x ^ (x >> 1), less one. */
function emitClz(f: Fields, e: Emitter): string {
  const n = lo(e, f.rn);
  if (!f.sf) return setW(e, f.rd, f.op ? `Math.clz32(${n} ^ (${n} >> 1)) - 1` : `Math.clz32(${n})`);
  const nh = hi(e, f.rn);
  if (!f.op) return setX(e, f.rd, `(${nh} !== 0 ? Math.clz32(${nh}) : 32 + Math.clz32(${n}))`, '0');
  const zl = e.tmp(), zh = e.tmp();
  const z = `${zh} = ${nh} ^ (${nh} >> 1); ${zl} = ${n} ^ ((${n} >>> 1) | (${nh} << 31));`;
  return `${z} ${setX(e, f.rd, `(${zh} !== 0 ? Math.clz32(${zh}) : 32 + Math.clz32(${zl})) - 1`, '0')}`;
}

// ---- three-source ----

/** Ra + p or Ra - p into Rd for a 64-bit product p held in plain locals. */
function accumulate(e: Emitter, f: Fields, p: Pair): string {
  if (f.ra === 31 && !f.o0) return setX(e, f.rd, p.lo, p.hi);
  const r = f.o0 ? sub64(e, reg(e, f.ra), p) : add64(e, reg(e, f.ra), p);
  return `${r.code} ${setX(e, f.rd, r.lo, r.hi)}`;
}

function emitMadd(f: Fields, e: Emitter): string {
  const n = lo(e, f.rn), m = lo(e, f.rm);
  if (!f.sf) {
    const p = `Math.imul(${n}, ${m})`;
    if (f.ra === 31) return setW(e, f.rd, f.o0 ? `-${p}` : p);
    return setW(e, f.rd, `(${lo(e, f.ra)} ${f.o0 ? '-' : '+'} ${p})`);
  }
  const pl = e.tmp(), ph = e.tmp();
  return `${pl} = H.mul64(${n}, ${hi(e, f.rn)}, ${m}, ${hi(e, f.rm)}); ${ph} = H.hi[0]; ${accumulate(e, f, { lo: pl, hi: ph })}`;
}

/** SMADDL/SMSUBL/UMADDL/UMSUBL: 32x32->64 products. */
function emitMaddLong(f: Fields, e: Emitter): string {
  const n = lo(e, f.rn), m = lo(e, f.rm);
  const pl = e.tmp(), ph = e.tmp();
  // the signed high word is the unsigned one less each operand's weight where the other is negative
  const high = f.U ? `H.mulhu32(${n}, ${m})` : `(H.mulhu32(${n}, ${m}) - ((${n} >> 31) & ${m}) - ((${m} >> 31) & ${n})) | 0`;
  return `${pl} = Math.imul(${n}, ${m}); ${ph} = ${high}; ${accumulate(e, f, { lo: pl, hi: ph })}`;
}

function maddAsm(f: Fields, long: boolean): string {
  const d = long ? xName(f.rd) : rName(f.sf, f.rd);
  const src = (n: number): string => (long ? wName(n) : rName(f.sf, n));
  const prefix = long ? (f.U ? 'u' : 's') : '';
  const suffix = long ? 'l' : '';
  if (f.ra === 31) return `${prefix}${f.o0 ? 'mneg' : 'mul'}${suffix} ${d}, ${src(f.rn)}, ${src(f.rm)}`;
  const a = long ? xName(f.ra) : rName(f.sf, f.ra);
  return `${prefix}${f.o0 ? 'msub' : 'madd'}${suffix} ${d}, ${src(f.rn)}, ${src(f.rm)}, ${a}`;
}

export const insns = defineInsns([
  {
    name: 'LOGIC_shifted', pattern: 'sf:1 opc:2 01010 shift:2 N:1 rm:5 imm6:6 rn:5 rd:5',
    when: (f) => f.sf === 1 || f.imm6 < 32,
    emit: emitLogicShifted,
    asm: logicShiftedAsm,
  },
  {
    name: 'ADDSUB_shifted', pattern: 'sf:1 op:1 S:1 01011 shift:2 0 rm:5 imm6:6 rn:5 rd:5',
    when: (f) => f.shift !== 3 && (f.sf === 1 || f.imm6 < 32),
    emit: emitAddSubShifted,
    asm: addSubShiftedAsm,
  },
  {
    name: 'ADDSUB_ext', pattern: 'sf:1 op:1 S:1 01011 00 1 rm:5 option:3 imm3:3 rn:5 rd:5',
    when: (f) => f.imm3 <= 4,
    emit: emitAddSubExtended,
    asm: addSubExtendedAsm,
  },
  {
    name: 'ADC', pattern: 'sf:1 op:1 S:1 11010000 rm:5 000000 rn:5 rd:5',
    emit: emitAdc,
    asm: (f) => {
      const r = (n: number): string => rName(f.sf, n);
      const s = f.S ? 's' : '';
      if (f.op && f.rn === 31) return `ngc${s} ${r(f.rd)}, ${r(f.rm)}`;
      return `${f.op ? 'sbc' : 'adc'}${s} ${r(f.rd)}, ${r(f.rn)}, ${r(f.rm)}`;
    },
  },
  {
    name: 'CCMP_reg', pattern: 'sf:1 op:1 1 11010010 rm:5 cond:4 0 0 rn:5 0 nzcv:4',
    emit: (f, e) => emitCondCompare(f, e, f.sf ? reg(e, f.rm) : { lo: lo(e, f.rm), hi: '0' }),
    asm: (f) => condCompareAsm(f, rName(f.sf, f.rm)),
  },
  {
    name: 'CCMP_imm', pattern: 'sf:1 op:1 1 11010010 imm5:5 cond:4 1 0 rn:5 0 nzcv:4',
    emit: (f, e) => emitCondCompare(f, e, { lo: String(f.imm5), hi: '0' }),
    asm: (f) => condCompareAsm(f, `#0x${f.imm5.toString(16)}`),
  },
  {
    name: 'CSEL', pattern: 'sf:1 op:1 0 11010100 rm:5 cond:4 0 o2:1 rn:5 rd:5',
    emit: emitCondSelect,
    asm: condSelectAsm,
  },
  {
    name: 'DIV', pattern: 'sf:1 0011010110 rm:5 00001 o1:1 rn:5 rd:5',
    emit: emitDiv,
    asm: (f) => `${f.o1 ? 'sdiv' : 'udiv'} ${rName(f.sf, f.rd)}, ${rName(f.sf, f.rn)}, ${rName(f.sf, f.rm)}`,
  },
  {
    name: 'SHIFTV', pattern: 'sf:1 0011010110 rm:5 0010 op2:2 rn:5 rd:5',
    emit: emitShiftVar,
    asm: (f) => `${SHIFT_NAMES[f.op2]} ${rName(f.sf, f.rd)}, ${rName(f.sf, f.rn)}, ${rName(f.sf, f.rm)}`,
  },
  {
    name: 'CRC32', pattern: 'sf:1 0011010110 rm:5 010 C:1 sz:2 rn:5 rd:5', feature: 'crc32',
    when: (f) => (f.sz === 3) === (f.sf === 1),
    emit: (f, e) => {
      const data = `${lo(e, f.rm)}, ${f.sf ? hi(e, f.rm) : '0'}`;
      return setW(e, f.rd, `H.${f.C ? 'a64crc32c' : 'a64crc32'}(${lo(e, f.rn)}, ${data}, ${1 << f.sz})`);
    },
    asm: (f) => `crc32${f.C ? 'c' : ''}${CRC_SIZES[f.sz]} ${wName(f.rd)}, ${wName(f.rn)}, ${rName(f.sf, f.rm)}`,
  },
  {
    name: 'REV', pattern: 'sf:1 1011010110 00000 0000 opc:2 rn:5 rd:5',
    when: (f) => f.opc !== 3 || f.sf === 1,
    emit: emitRev,
    asm: (f) => {
      const name = f.opc === 0 ? 'rbit' : f.opc === 1 ? 'rev16' : f.opc === 2 && f.sf ? 'rev32' : 'rev';
      return `${name} ${rName(f.sf, f.rd)}, ${rName(f.sf, f.rn)}`;
    },
  },
  {
    name: 'CLZ', pattern: 'sf:1 1011010110 00000 00010 op:1 rn:5 rd:5',
    emit: emitClz,
    asm: (f) => `${f.op ? 'cls' : 'clz'} ${rName(f.sf, f.rd)}, ${rName(f.sf, f.rn)}`,
  },
  {
    name: 'MADD', pattern: 'sf:1 00 11011 000 rm:5 o0:1 ra:5 rn:5 rd:5',
    emit: emitMadd,
    asm: (f) => maddAsm(f, false),
  },
  {
    name: 'MADDL', pattern: '1 00 11011 U:1 01 rm:5 o0:1 ra:5 rn:5 rd:5',
    emit: emitMaddLong,
    asm: (f) => maddAsm(f, true),
  },
  {
    // SMULH/UMULH; Ra is "should be 11111" and ignored.
    name: 'MULH', pattern: '1 00 11011 U:1 10 rm:5 0 ra:5 rn:5 rd:5',
    emit: (f, e) => {
      const t = e.tmp();
      const args = `${lo(e, f.rn)}, ${hi(e, f.rn)}, ${lo(e, f.rm)}, ${hi(e, f.rm)}`;
      return `${t} = H.${f.U ? 'umulh64' : 'smulh64'}(${args}); ${setX(e, f.rd, t, 'H.hi[0]')}`;
    },
    asm: (f) => `${f.U ? 'umulh' : 'smulh'} ${xName(f.rd)}, ${xName(f.rn)}, ${xName(f.rm)}`,
  },
]);

// ---- runtime helpers (H.a64*) ----

/** Unsigned 64-bit quotient; a zero divisor gives 0 (A64 semantics). */
export function a64udiv64(al: number, ah: number, bl: number, bh: number): number {
  if ((bl | bh) === 0) {
    hiResult[0] = 0;
    return 0;
  }
  return udiv64(al, ah, bl, bh);
}

/** Signed 64-bit quotient truncated toward zero; x / 0 = 0, INT64_MIN / -1 = INT64_MIN. */
export function a64sdiv64(al: number, ah: number, bl: number, bh: number): number {
  if ((bl | bh) === 0) {
    hiResult[0] = 0;
    return 0;
  }
  return sdiv64(al, ah, bl, bh);
}

/** Bit reversal of a 32-bit word. */
export function a64rbit32(x: number): number {
  x = ((x >>> 1) & 0x55555555) | ((x & 0x55555555) << 1);
  x = ((x >>> 2) & 0x33333333) | ((x & 0x33333333) << 2);
  x = ((x >>> 4) & 0x0f0f0f0f) | ((x & 0x0f0f0f0f) << 4);
  x = ((x >>> 8) & 0x00ff00ff) | ((x & 0x00ff00ff) << 8);
  return (x >>> 16) | (x << 16);
}

/** Byte-at-a-time table for a reflected CRC-32 polynomial. */
function crcTable(poly: number): Int32Array {
  const t = new Int32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ poly : c >>> 1;
    t[i] = c;
  }
  return t;
}
const CRC32_TABLE = crcTable(0xedb88320); // 0x04C11DB7 reflected
const CRC32C_TABLE = crcTable(0x82f63b78); // 0x1EDC6F41 reflected

/** CRC update of acc by `bytes` (1, 2, 4, 8) little-endian bytes of hi:lo, no inversion (as the A64 CRC32 insns). */
function crcUpdate(table: Int32Array, acc: number, lo: number, hi: number, bytes: number): number {
  let c = acc;
  for (let i = 0; i < bytes; i++) {
    const byte = i < 4 ? lo >>> (8 * i) : hi >>> (8 * (i - 4));
    c = table[(c ^ byte) & 0xff] ^ (c >>> 8);
  }
  return c | 0;
}

export const runtime = {
  a64udiv64,
  a64sdiv64,
  a64rbit32,
  a64crc32: (acc: number, lo: number, hi: number, bytes: number): number => crcUpdate(CRC32_TABLE, acc, lo, hi, bytes),
  a64crc32c: (acc: number, lo: number, hi: number, bytes: number): number => crcUpdate(CRC32C_TABLE, acc, lo, hi, bytes),
};
