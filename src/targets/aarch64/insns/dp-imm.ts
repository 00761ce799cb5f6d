// Data processing, immediate: ADD/SUB (immediate), MOVZ/MOVN/MOVK, ADR/ADRP.
import { addSub } from '../alu.js';
import { defineInsns } from '../insn-def.js';
import { hex, hi, hiSp, lo, loSp, rName, rSpName, setReg, setX, xName } from '../regs.js';

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
    asm: (f) => `mov ${rName(f.sf, f.rd)}, #${movnValue(f.sf, f.hw, f.imm16)}`,
  },
  {
    name: 'MOVZ', pattern: 'sf:1 10 100101 hw:2 imm16:16 rd:5',
    when: (f) => f.sf === 1 || f.hw < 2,
    emit: (f, e) => {
      const v = f.imm16 * 2 ** (16 * f.hw);
      return setReg(e, f.sf, f.rd, i32(v % 2 ** 32), i32(Math.floor(v / 2 ** 32)));
    },
    asm: (f) => `mov ${rName(f.sf, f.rd)}, #0x${(BigInt(f.imm16) << BigInt(16 * f.hw)).toString(16)}`,
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
    asm: (f) => `movk ${rName(f.sf, f.rd)}, #0x${f.imm16.toString(16)}${f.hw ? `, lsl #${16 * f.hw}` : ''}`,
  },
  {
    name: 'ADR', pattern: 'op:1 immlo:2 10000 immhi:s19 rd:5',
    emit: (f, e) => {
      const v = adrTarget(f.op, f.immlo, f.immhi, e.pc);
      return setX(e, f.rd, i32(v % 2 ** 32), i32(Math.floor(v / 2 ** 32)));
    },
    asm: (f, pc) => `${f.op ? 'adrp' : 'adr'} ${xName(f.rd)}, ${hex(adrTarget(f.op, f.immlo, f.immhi, pc))}`,
  },
]);

function adrTarget(page: number, immlo: number, immhi: number, pc: number): number {
  const imm = immhi * 4 + immlo;
  if (!page) return pc + imm;
  return pc - (pc % 4096) + imm * 4096;
}

function movnValue(sf: number, hw: number, imm16: number): string {
  const v = ~(BigInt(imm16) << BigInt(16 * hw)) & (sf ? (1n << 64n) - 1n : 0xffffffffn);
  return `0x${v.toString(16)}`;
}

export const runtime = {};
