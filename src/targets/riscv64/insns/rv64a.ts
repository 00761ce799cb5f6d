// RV64A: LR/SC and the AMOs, word and doubleword.
//
// The reservation is the SLOT_RES_* state: LR records address, size and the value loaded;
// SC succeeds only if the reservation holds the same address and size and memory still
// holds that value (a compare-and-swap, so it stays correct when guest threads interleave
// between blocks), and drops the reservation either way. An AMO is a load, the operation
// and a store inside one instruction, which no other guest thread can interrupt.
// Guest threads interleave at block boundaries, so aq/rl ordering needs no code.
// A misaligned address raises SIGBUS (as Linux and qemu do), before any access.
import type { Emitter } from '../../../translate/emitter.js';
import { emitAlignmentCheck, emitLoad, emitStore } from '../../../translate/memory-emit.js';
import type { Fields } from '../../common/decode-pattern.js';
import { add64, lt64, ltu64, type Pair } from '../alu.js';
import { defineInsns, type InsnDef } from '../insn-def.js';
import { hi, lo, setW, setX, xName } from '../regs.js';
import { SLOT_RES_ADDR, SLOT_RES_SIZE, SLOT_RES_VALUE } from '../state.js';
import { seq } from './common.js';

const WIDTHS = [['w', '010', 4], ['d', '011', 8]] as const;
const base = (e: Emitter, rs1: number) => ({ lo: lo(e, rs1), hi: hi(e, rs1), off: 0 });
const ordering = (f: Fields): string => (f.aq && f.rl ? '.aqrl' : f.aq ? '.aq' : f.rl ? '.rl' : '');
/** SIGBUS unless [rs1] is aligned to the access size. */
const alignment = (e: Emitter, rs1: number, bytes: number): string => emitAlignmentCheck(e, lo(e, rs1), hi(e, rs1), bytes);

/** Writes a loaded/old value to rd: sign-extended for words. */
const result = (e: Emitter, rd: number, bytes: number, l: string, h: string): string =>
  bytes === 8 ? setX(e, rd, l, h) : setW(e, rd, l);

function emitLr(f: Fields, e: Emitter, bytes: 4 | 8): string {
  const check = alignment(e, f.rs1, bytes);
  const ld = emitLoad(e, bytes, base(e, f.rs1));
  const monitor = [
    e.assign(SLOT_RES_ADDR, lo(e, f.rs1)),
    e.assign(SLOT_RES_ADDR + 1, hi(e, f.rs1)),
    e.assign(SLOT_RES_SIZE, String(bytes)),
    e.assign(SLOT_RES_VALUE, ld.lo),
    bytes === 8 ? e.assign(SLOT_RES_VALUE + 1, ld.hi) : '',
  ].join(' ');
  return seq(check, ld.code, monitor, result(e, f.rd, bytes, ld.lo, ld.hi));
}

function emitSc(f: Fields, e: Emitter, bytes: 4 | 8): string {
  const a = base(e, f.rs1);
  const status = e.tmp();
  const current = emitLoad(e, bytes, a);
  const same = bytes === 8
    ? `${current.lo} === ${e.slot(SLOT_RES_VALUE)} && ${current.hi} === ${e.slot(SLOT_RES_VALUE + 1)}`
    : `${current.lo} === ${e.slot(SLOT_RES_VALUE)}`;
  const store = emitStore(e, bytes, a, lo(e, f.rs2), bytes === 8 ? hi(e, f.rs2) : '0');
  const open = `${e.slot(SLOT_RES_SIZE)} === ${bytes} && ${e.slot(SLOT_RES_ADDR)} === ${a.lo} && ${e.slot(SLOT_RES_ADDR + 1)} === ${a.hi}`;
  return seq(
    alignment(e, f.rs1, bytes),
    `${status} = 1;`,
    `if (${open}) {\n${current.code}\nif (${same}) {\n${store}\n${status} = 0; } }`,
    e.assign(SLOT_RES_SIZE, '0'),
    setX(e, f.rd, status, '0'),
  );
}

/** New memory value from the old one (a) and rs2 (b), as JS for words or a pair for doublewords. */
type AmoOp = { w: (a: string, b: string) => string; d: (e: Emitter, a: Pair, b: Pair) => { code: string } & Pair };

const select = (cond: (a: Pair, b: Pair) => string, pickA: boolean) => (e: Emitter, a: Pair, b: Pair) => {
  const c = e.tmp(), l = e.tmp(), h = e.tmp();
  const [x, y] = pickA ? [a, b] : [b, a];
  return { code: `${c} = ${cond(a, b)}; ${l} = ${c} ? ${x.lo} : ${y.lo}; ${h} = ${c} ? ${x.hi} : ${y.hi};`, lo: l, hi: h };
};
const bitwise = (op: string) => (e: Emitter, a: Pair, b: Pair) => {
  const l = e.tmp(), h = e.tmp();
  return { code: `${l} = ${a.lo} ${op} ${b.lo}; ${h} = ${a.hi} ${op} ${b.hi};`, lo: l, hi: h };
};

const AMOS: ReadonlyArray<[string, string, AmoOp]> = [
  ['amoswap', '00001', { w: (_a, b) => b, d: (_e, _a, b) => ({ code: '', ...b }) }],
  ['amoadd', '00000', { w: (a, b) => `(${a} + ${b}) | 0`, d: add64 }],
  ['amoxor', '00100', { w: (a, b) => `${a} ^ ${b}`, d: bitwise('^') }],
  ['amoand', '01100', { w: (a, b) => `${a} & ${b}`, d: bitwise('&') }],
  ['amoor', '01000', { w: (a, b) => `${a} | ${b}`, d: bitwise('|') }],
  ['amomin', '10000', { w: (a, b) => `${a} < ${b} ? ${a} : ${b}`, d: select(lt64, true) }],
  ['amomax', '10100', { w: (a, b) => `${a} > ${b} ? ${a} : ${b}`, d: select(lt64, false) }],
  ['amominu', '11000', { w: (a, b) => `(${a} >>> 0) < (${b} >>> 0) ? ${a} : ${b}`, d: select(ltu64, true) }],
  ['amomaxu', '11100', { w: (a, b) => `(${a} >>> 0) > (${b} >>> 0) ? ${a} : ${b}`, d: select(ltu64, false) }],
];

function emitAmo(f: Fields, e: Emitter, bytes: 4 | 8, op: AmoOp): string {
  const check = alignment(e, f.rs1, bytes);
  const a = base(e, f.rs1);
  const ld = emitLoad(e, bytes, a);
  const b: Pair = { lo: lo(e, f.rs2), hi: hi(e, f.rs2) };
  if (bytes === 4) {
    const v = e.tmp();
    return seq(check, ld.code, `${v} = ${op.w(ld.lo, b.lo)};`, emitStore(e, 4, a, v), result(e, f.rd, 4, ld.lo, '0'));
  }
  const r = op.d(e, { lo: ld.lo, hi: ld.hi }, b);
  return seq(check, ld.code, r.code, emitStore(e, 8, a, r.lo, r.hi), result(e, f.rd, 8, ld.lo, ld.hi));
}

export const insns: readonly InsnDef[] = WIDTHS.flatMap(([suffix, funct3, bytes]) => [
  ...defineInsns([
    {
      name: `LR_${suffix.toUpperCase()}`, pattern: `00010 aq:1 rl:1 00000 rs1:5 ${funct3} rd:5 0101111`,
      emit: (f, e) => emitLr(f, e, bytes),
      asm: (f) => `lr.${suffix}${ordering(f)} ${xName(f.rd)},(${xName(f.rs1)})`,
    },
    {
      name: `SC_${suffix.toUpperCase()}`, pattern: `00011 aq:1 rl:1 rs2:5 rs1:5 ${funct3} rd:5 0101111`,
      emit: (f, e) => emitSc(f, e, bytes),
      asm: (f) => `sc.${suffix}${ordering(f)} ${xName(f.rd)},${xName(f.rs2)},(${xName(f.rs1)})`,
    },
  ]),
  ...AMOS.map(([name, funct5, op]): InsnDef => ({
    name: `${name.toUpperCase()}_${suffix.toUpperCase()}`, pattern: `${funct5} aq:1 rl:1 rs2:5 rs1:5 ${funct3} rd:5 0101111`,
    emit: (f, e) => emitAmo(f, e, bytes, op),
    asm: (f) => `${name}.${suffix}${ordering(f)} ${xName(f.rd)},${xName(f.rs2)},(${xName(f.rs1)})`,
  })),
]);

export const runtime = {};
