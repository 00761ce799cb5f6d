// RV64I: the base integer instructions. Compare-and-branch maps straight to JS
// comparisons of the halves; *W ops are single int32 operations sign-extended into the
// high half; loads and stores use the generic inline memory path.
import { Exit } from '../../../translate/cpu-state.js';
import type { Emitter } from '../../../translate/emitter.js';
import { emitLoad, emitStore, type AccessSize } from '../../../translate/memory-emit.js';
import type { Fields } from '../../common/decode-pattern.js';
import {
  add64, addImm, asr64c, asr64v, constPair, eq64, lsr64c, lsr64v, lt64, ltu64, reg, shl64c, shl64v, sub64, type Pair,
} from '../alu.js';
import { defineInsns, type InsnDef } from '../insn-def.js';
import { hex, hi, lo, setConst, setW, setX, xName } from '../regs.js';
import { rr, rri, rrr, seq, shamtText, targetText } from './common.js';

// ---- loads and stores ----

const LOADS: ReadonlyArray<[string, string, AccessSize, boolean]> = [
  ['LB', '000', 1, true], ['LH', '001', 2, true], ['LW', '010', 4, true], ['LD', '011', 8, true],
  ['LBU', '100', 1, false], ['LHU', '101', 2, false], ['LWU', '110', 4, false],
];
const STORES: ReadonlyArray<[string, string, AccessSize]> = [['SB', '000', 1], ['SH', '001', 2], ['SW', '010', 4], ['SD', '011', 8]];

/** The address rs1 + imm for the inline memory path. */
export const address = (e: Emitter, rs1: number, imm: number) => ({ lo: lo(e, rs1), hi: hi(e, rs1), off: imm });
export const memText = (imm: number, rs1: number): string => `${imm}(${xName(rs1)})`;

function emitLoadInsn(e: Emitter, f: Fields, size: AccessSize, signed: boolean): string {
  const ld = emitLoad(e, size, address(e, f.rs1, f.imm));
  let write: string;
  if (size === 8) write = setX(e, f.rd, ld.lo, ld.hi);
  else if (!signed) write = setX(e, f.rd, ld.lo, '0');
  else if (size === 4) write = setW(e, f.rd, ld.lo);
  else write = setW(e, f.rd, size === 1 ? `(${ld.lo} << 24 >> 24)` : `(${ld.lo} << 16 >> 16)`);
  return seq(ld.code, write);
}

const loads = LOADS.map(([name, funct3, size, signed]): InsnDef => ({
  name, pattern: `imm:s12 rs1:5 ${funct3} rd:5 0000011`,
  emit: (f, e) => emitLoadInsn(e, f, size, signed),
  asm: (f) => `${name.toLowerCase()} ${xName(f.rd)},${memText(f.imm, f.rs1)}`,
}));

const stores = STORES.map(([name, funct3, size]): InsnDef => ({
  name, pattern: `xxxxxxx rs2:5 rs1:5 ${funct3} xxxxx 0100011`, format: 'S',
  emit: (f, e) => emitStore(e, size, address(e, f.rs1, f.imm), lo(e, f.rs2), size === 8 ? hi(e, f.rs2) : '0'),
  asm: (f) => `${name.toLowerCase()} ${xName(f.rs2)},${memText(f.imm, f.rs1)}`,
}));

// ---- immediate arithmetic ----

function logicImm(e: Emitter, f: Fields, op: '&' | '|' | '^'): string {
  const a = reg(e, f.rs1);
  const imm = f.imm;
  const ih = imm < 0 ? -1 : 0;
  const l = f.rs1 === 0 ? String(op === '&' ? 0 : imm) : `(${a.lo} ${op} ${imm})`;
  let h: string;
  if (f.rs1 === 0) h = op === '&' ? '0' : String(ih);
  else if (op === '&') h = ih ? a.hi : '0';
  else if (op === '|') h = ih ? '-1' : a.hi;
  else h = ih ? `~${a.hi}` : a.hi;
  return setX(e, f.rd, l, h);
}

function sltImm(e: Emitter, f: Fields, unsigned: boolean): string {
  const a = reg(e, f.rs1);
  const b = constPair(f.imm);
  let cond: string;
  if (unsigned && f.imm === 1) cond = eq64(a, constPair(0));
  else cond = unsigned ? ltu64(a, b) : lt64(a, b);
  return setX(e, f.rd, `(${cond} ? 1 : 0)`, '0');
}

/** A shift by a constant: 64-bit (slli/srli/srai) or 32-bit (the *W forms). */
function shiftImm(e: Emitter, f: Fields, kind: 'l' | 'r' | 'a', w: boolean): string {
  const n = f.shamt;
  if (w) {
    const x = lo(e, f.rs1);
    if (n === 0) return setW(e, f.rd, x);
    return setW(e, f.rd, kind === 'l' ? `(${x} << ${n})` : kind === 'r' ? `(${x} >>> ${n})` : `(${x} >> ${n})`);
  }
  const x = reg(e, f.rs1);
  const r = kind === 'l' ? shl64c(x, n) : kind === 'r' ? lsr64c(x, n) : asr64c(x, n);
  return setX(e, f.rd, r.lo, r.hi);
}

function addiText(f: Fields): string {
  if (f.rd === 0 && f.rs1 === 0 && f.imm === 0) return 'nop';
  if (f.rs1 === 0) return `li ${xName(f.rd)},${f.imm}`;
  if (f.imm === 0) return rr('mv', f);
  return rri('addi', f);
}

const opImm = defineInsns([
  {
    name: 'ADDI', pattern: 'imm:s12 rs1:5 000 rd:5 0010011',
    emit: (f, e) => addImm(e, f.rd, f.rs1, f.imm),
    asm: addiText,
  },
  {
    name: 'SLTI', pattern: 'imm:s12 rs1:5 010 rd:5 0010011',
    emit: (f, e) => sltImm(e, f, false),
    asm: (f) => rri('slti', f),
  },
  {
    name: 'SLTIU', pattern: 'imm:s12 rs1:5 011 rd:5 0010011',
    emit: (f, e) => sltImm(e, f, true),
    asm: (f) => (f.imm === 1 ? rr('seqz', f) : rri('sltiu', f)),
  },
  {
    name: 'XORI', pattern: 'imm:s12 rs1:5 100 rd:5 0010011',
    emit: (f, e) => logicImm(e, f, '^'),
    asm: (f) => (f.imm === -1 ? rr('not', f) : rri('xori', f)),
  },
  {
    name: 'ORI', pattern: 'imm:s12 rs1:5 110 rd:5 0010011',
    emit: (f, e) => logicImm(e, f, '|'),
    asm: (f) => rri('ori', f),
  },
  {
    name: 'ANDI', pattern: 'imm:s12 rs1:5 111 rd:5 0010011',
    emit: (f, e) => logicImm(e, f, '&'),
    asm: (f) => (f.imm === 255 ? rr('zext.b', f) : rri('andi', f)),
  },
  {
    name: 'SLLI', pattern: '000000 shamt:6 rs1:5 001 rd:5 0010011',
    emit: (f, e) => shiftImm(e, f, 'l', false),
    asm: (f) => rri('slli', f, shamtText(f.shamt)),
  },
  {
    name: 'SRLI', pattern: '000000 shamt:6 rs1:5 101 rd:5 0010011',
    emit: (f, e) => shiftImm(e, f, 'r', false),
    asm: (f) => rri('srli', f, shamtText(f.shamt)),
  },
  {
    name: 'SRAI', pattern: '010000 shamt:6 rs1:5 101 rd:5 0010011',
    emit: (f, e) => shiftImm(e, f, 'a', false),
    asm: (f) => rri('srai', f, shamtText(f.shamt)),
  },
  {
    name: 'ADDIW', pattern: 'imm:s12 rs1:5 000 rd:5 0011011',
    emit: (f, e) => setW(e, f.rd, f.rs1 === 0 ? String(f.imm) : f.imm === 0 ? lo(e, f.rs1) : `(${lo(e, f.rs1)} + ${f.imm})`),
    asm: (f) => (f.imm === 0 ? rr('sext.w', f) : rri('addiw', f)),
  },
  {
    name: 'SLLIW', pattern: '0000000 shamt:5 rs1:5 001 rd:5 0011011',
    emit: (f, e) => shiftImm(e, f, 'l', true),
    asm: (f) => rri('slliw', f, shamtText(f.shamt)),
  },
  {
    name: 'SRLIW', pattern: '0000000 shamt:5 rs1:5 101 rd:5 0011011',
    emit: (f, e) => shiftImm(e, f, 'r', true),
    asm: (f) => rri('srliw', f, shamtText(f.shamt)),
  },
  {
    name: 'SRAIW', pattern: '0100000 shamt:5 rs1:5 101 rd:5 0011011',
    emit: (f, e) => shiftImm(e, f, 'a', true),
    asm: (f) => rri('sraiw', f, shamtText(f.shamt)),
  },
]);

// ---- register arithmetic ----

/** rd = a op b for a 64-bit result pair built by `op` from simple operands. */
const binary64 = (op: (a: Pair, b: Pair) => Pair) => (f: Fields, e: Emitter): string => {
  const r = op(reg(e, f.rs1), reg(e, f.rs2));
  return setX(e, f.rd, r.lo, r.hi);
};

function emitAddSub(f: Fields, e: Emitter, sub: boolean): string {
  if (f.rd === 0) return '';
  const a = reg(e, f.rs1), b = reg(e, f.rs2);
  if (f.rs2 === 0) return setX(e, f.rd, a.lo, a.hi);
  if (f.rs1 === 0 && !sub) return setX(e, f.rd, b.lo, b.hi);
  const r = sub ? sub64(e, a, b) : add64(e, a, b);
  return `${r.code} ${setX(e, f.rd, r.lo, r.hi)}`;
}

const compare = (unsigned: boolean) => (f: Fields, e: Emitter): string => {
  const a = reg(e, f.rs1), b = reg(e, f.rs2);
  return setX(e, f.rd, `(${unsigned ? ltu64(a, b) : lt64(a, b)} ? 1 : 0)`, '0');
};

function sltText(f: Fields): string {
  if (f.rs2 === 0) return rr('sltz', f);
  if (f.rs1 === 0) return `sgtz ${xName(f.rd)},${xName(f.rs2)}`;
  return rrr('slt', f);
}

const w32 = (expr: (a: string, b: string) => string) => (f: Fields, e: Emitter): string =>
  setW(e, f.rd, expr(lo(e, f.rs1), lo(e, f.rs2)));

const logic = (op: string): ((a: Pair, b: Pair) => Pair) => (a, b) => ({ lo: `(${a.lo} ${op} ${b.lo})`, hi: `(${a.hi} ${op} ${b.hi})` });

const op = defineInsns([
  {
    name: 'ADD', pattern: '0000000 rs2:5 rs1:5 000 rd:5 0110011',
    emit: (f, e) => emitAddSub(f, e, false),
    asm: (f) => rrr('add', f),
  },
  {
    name: 'SUB', pattern: '0100000 rs2:5 rs1:5 000 rd:5 0110011',
    emit: (f, e) => emitAddSub(f, e, true),
    asm: (f) => (f.rs1 === 0 ? `neg ${xName(f.rd)},${xName(f.rs2)}` : rrr('sub', f)),
  },
  {
    name: 'SLL', pattern: '0000000 rs2:5 rs1:5 001 rd:5 0110011',
    emit: (f, e) => binary64((a, b) => shl64v(a, b.lo))(f, e),
    asm: (f) => rrr('sll', f),
  },
  { name: 'SLT', pattern: '0000000 rs2:5 rs1:5 010 rd:5 0110011', emit: compare(false), asm: sltText },
  {
    name: 'SLTU', pattern: '0000000 rs2:5 rs1:5 011 rd:5 0110011', emit: compare(true),
    asm: (f) => (f.rs1 === 0 ? `snez ${xName(f.rd)},${xName(f.rs2)}` : rrr('sltu', f)),
  },
  { name: 'XOR', pattern: '0000000 rs2:5 rs1:5 100 rd:5 0110011', emit: binary64(logic('^')), asm: (f) => rrr('xor', f) },
  {
    name: 'SRL', pattern: '0000000 rs2:5 rs1:5 101 rd:5 0110011',
    emit: (f, e) => binary64((a, b) => lsr64v(a, b.lo))(f, e),
    asm: (f) => rrr('srl', f),
  },
  {
    name: 'SRA', pattern: '0100000 rs2:5 rs1:5 101 rd:5 0110011',
    emit: (f, e) => binary64((a, b) => asr64v(a, b.lo))(f, e),
    asm: (f) => rrr('sra', f),
  },
  { name: 'OR', pattern: '0000000 rs2:5 rs1:5 110 rd:5 0110011', emit: binary64(logic('|')), asm: (f) => rrr('or', f) },
  { name: 'AND', pattern: '0000000 rs2:5 rs1:5 111 rd:5 0110011', emit: binary64(logic('&')), asm: (f) => rrr('and', f) },
  { name: 'ADDW', pattern: '0000000 rs2:5 rs1:5 000 rd:5 0111011', emit: w32((a, b) => `(${a} + ${b})`), asm: (f) => rrr('addw', f) },
  {
    name: 'SUBW', pattern: '0100000 rs2:5 rs1:5 000 rd:5 0111011', emit: w32((a, b) => `(${a} - ${b})`),
    asm: (f) => (f.rs1 === 0 ? `negw ${xName(f.rd)},${xName(f.rs2)}` : rrr('subw', f)),
  },
  { name: 'SLLW', pattern: '0000000 rs2:5 rs1:5 001 rd:5 0111011', emit: w32((a, b) => `(${a} << ${b})`), asm: (f) => rrr('sllw', f) },
  { name: 'SRLW', pattern: '0000000 rs2:5 rs1:5 101 rd:5 0111011', emit: w32((a, b) => `(${a} >>> ${b})`), asm: (f) => rrr('srlw', f) },
  { name: 'SRAW', pattern: '0100000 rs2:5 rs1:5 101 rd:5 0111011', emit: w32((a, b) => `(${a} >> ${b})`), asm: (f) => rrr('sraw', f) },
]);

// ---- upper immediates, jumps and branches ----

/** rd = return address (guest code lives below 4 GiB). */
const link = (e: Emitter, rd: number): string => setX(e, rd, String(e.nextPc | 0), '0');

function jalrText(f: Fields): string {
  if (f.imm === 0 && f.rd === 0) return f.rs1 === 1 ? 'ret' : `jr ${xName(f.rs1)}`;
  if (f.imm === 0 && f.rd === 1) return `jalr ${xName(f.rs1)}`;
  return `jalr ${xName(f.rd)},${f.imm}(${xName(f.rs1)})`;
}

const BRANCHES: ReadonlyArray<[string, string, (a: Pair, b: Pair) => string]> = [
  ['beq', '000', eq64],
  ['bne', '001', (a, b) => `!(${eq64(a, b)})`],
  ['blt', '100', lt64],
  ['bge', '101', (a, b) => `!(${lt64(a, b)})`],
  ['bltu', '110', ltu64],
  ['bgeu', '111', (a, b) => `!(${ltu64(a, b)})`],
];

function branchText(name: string, f: Fields, pc: number): string {
  const t = targetText(pc, f.imm);
  if (f.rs2 === 0 && ['beq', 'bne', 'blt', 'bge'].includes(name)) {
    return `${name === 'beq' ? 'beqz' : name === 'bne' ? 'bnez' : name === 'blt' ? 'bltz' : 'bgez'} ${xName(f.rs1)},${t}`;
  }
  if (f.rs1 === 0 && (name === 'blt' || name === 'bge')) return `${name === 'blt' ? 'bgtz' : 'blez'} ${xName(f.rs2)},${t}`;
  return `${name} ${xName(f.rs1)},${xName(f.rs2)},${t}`;
}

const branches = BRANCHES.map(([name, funct3, cond]): InsnDef => ({
  name: name.toUpperCase(), pattern: `xxxxxxx rs2:5 rs1:5 ${funct3} xxxxx 1100011`, format: 'B', endsBlock: true,
  successors: (f, pc, next) => [pc + f.imm, next],
  emit: (f, e) => `if (${cond(reg(e, f.rs1), reg(e, f.rs2))}) ${e.jump(e.pc + f.imm)}\n${e.jump(e.nextPc)}`,
  asm: (f, pc) => branchText(name, f, pc),
}));

const control = defineInsns([
  {
    name: 'LUI', pattern: 'xxxxxxxxxxxxxxxxxxxx rd:5 0110111', format: 'U',
    emit: (f, e) => setConst(e, f.rd, f.imm),
    asm: (f) => `lui ${xName(f.rd)},${hex(f.imm >>> 12)}`,
  },
  {
    name: 'AUIPC', pattern: 'xxxxxxxxxxxxxxxxxxxx rd:5 0010111', format: 'U',
    emit: (f, e) => setConst(e, f.rd, e.pc + f.imm),
    asm: (f) => `auipc ${xName(f.rd)},${hex(f.imm >>> 12)}`,
  },
  {
    name: 'JAL', pattern: 'xxxxxxxxxxxxxxxxxxxx rd:5 1101111', format: 'J', endsBlock: true,
    successors: (f, pc) => (f.rd === 0 ? [pc + f.imm] : []),
    emit: (f, e) => seq(link(e, f.rd), e.jump(e.pc + f.imm)),
    asm: (f, pc) => {
      const t = targetText(pc, f.imm);
      return f.rd === 0 ? `j ${t}` : f.rd === 1 ? `jal ${t}` : `jal ${xName(f.rd)},${t}`;
    },
  },
  {
    name: 'JALR', pattern: 'imm:s12 rs1:5 000 rd:5 1100111', endsBlock: true,
    emit: (f, e) => {
      const base = reg(e, f.rs1);
      let code = '';
      let target: Pair = base;
      if (f.imm !== 0) {
        const r = add64(e, base, constPair(f.imm));
        code = r.code;
        target = r;
      }
      const t = e.tmp();
      // the target is read before rd is written (rd may be rs1)
      return seq(code, `${t} = H.toNumberU64(${target.lo} & -2, ${target.hi});`, link(e, f.rd), e.jumpTo(t));
    },
    asm: jalrText,
  },
]);

// ---- fences and system ----

const FENCE_SETS = (bits: number): string => ['i', 'o', 'r', 'w'].filter((_, i) => bits & (8 >> i)).join('') || '0';

const system = defineInsns([
  {
    // Guest threads interleave only at block boundaries: ordering needs no code.
    name: 'FENCE', pattern: 'fm:4 pred:4 succ:4 rs1:5 000 rd:5 0001111',
    emit: () => '',
    asm: (f) => {
      if (f.fm === 8 && f.pred === 3 && f.succ === 3) return 'fence.tso';
      if (f.fm === 0 && f.pred === 1 && f.succ === 0) return 'pause';
      if (f.pred === 15 && f.succ === 15) return 'fence';
      return `fence ${FENCE_SETS(f.pred)},${FENCE_SETS(f.succ)}`;
    },
  },
  {
    name: 'ECALL', pattern: '000000000000 00000 000 00000 1110011', endsBlock: true,
    emit: (_f, e) => e.raise(Exit.Syscall, e.nextPc),
    asm: () => 'ecall',
  },
  {
    name: 'EBREAK', pattern: '000000000001 00000 000 00000 1110011', endsBlock: true,
    emit: (_f, e) => e.raise(Exit.Breakpoint, e.pc),
    asm: () => 'ebreak',
  },
]);

export const insns: readonly InsnDef[] = [...loads, ...stores, ...opImm, ...op, ...branches, ...control, ...system];

export const runtime = {};
