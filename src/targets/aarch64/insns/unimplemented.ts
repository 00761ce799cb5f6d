// Disassembly-only definitions: encodings of features no CPU model implements (SVE, MTE)
// and UDF, as they occur in the committed test binaries (glibc's SVE string routines and
// MTE tagging paths, which it selects only when HWCAP advertises them). They are not part
// of ALL_INSNS, so no model's feature set, the difftest generator or pattern coverage sees
// them; the decoder consults them only after every implemented pattern failed, for
// `-d in_asm` text, and their emit raises SIGILL exactly as an undefined encoding does.
import type { Fields } from '../../common/decode-pattern.js';
import { Exit } from '../../../translate/cpu-state.js';
import type { InsnDef } from '../insn-def.js';
import { rName, xName, xSpName } from '../regs.js';

/** Sign-extends the low `bits` bits of v. */
const sext = (v: number, bits: number): number => (v << (32 - bits)) >> (32 - bits);

/** SVE element size suffix of a 2-bit size field. */
const T = ['b', 'h', 's', 'd'] as const;

/** SVE predicate-constraint pattern names (PTRUE, CNT*): "all", "vl4", "mul3", "#17". */
function svePattern(p: number): string {
  if (p === 0) return 'pow2';
  if (p <= 8) return `vl${p}`;
  if (p <= 13) return `vl${16 << (p - 9)}`;
  if (p === 29) return 'mul4';
  if (p === 30) return 'mul3';
  if (p === 31) return 'all';
  return `#${p}`;
}

/** "[x1]" or "[x1, #-2, mul vl]" (SVE scalar plus immediate, vector-length multiples). */
const mulVl = (rn: number, imm4: number): string => {
  const imm = sext(imm4, 4);
  return imm ? `[${xSpName(rn)}, #${imm}, mul vl]` : `[${xSpName(rn)}]`;
};

/** MTE tag-store addressing: op2 1 post-index, 2 signed offset, 3 pre-index; imm9 scaled by 16. */
function tagAddress(f: Fields): string {
  const imm = sext(f.imm9, 9) * 16;
  const rn = xSpName(f.rn);
  if (f.op2 === 1) return `[${rn}], #${imm}`;
  if (f.op2 === 3) return `[${rn}, #${imm}]!`;
  return imm ? `[${rn}, #${imm}]` : `[${rn}]`;
}

const illegal = (_f: Fields, e: Parameters<InsnDef['emit']>[1]): string => e.raise(Exit.Illegal, e.pc);

/** Fills in the fixed parts of a disassembly-only definition. */
const disasmOnly = (name: string, pattern: string, asm: InsnDef['asm'], when?: InsnDef['when']): InsnDef => ({
  name, pattern, asm, emit: illegal, endsBlock: true, successors: () => [], ...(when ? { when } : {}),
});

export const insns: readonly InsnDef[] = [
  disasmOnly('UDF', '0000000000000000 imm16:16', (f) => `udf #${f.imm16}`),

  // SVE
  disasmOnly('SVE_LD1B_imm', '1010010 0000 0 imm4:4 101 pg:3 rn:5 zt:5',
    (f) => `ld1b {z${f.zt}.b}, p${f.pg}/z, ${mulVl(f.rn, f.imm4)}`),
  disasmOnly('SVE_LD1B_reg', '1010010 0000 rm:5 010 pg:3 rn:5 zt:5',
    (f) => `ld1b {z${f.zt}.b}, p${f.pg}/z, [${xSpName(f.rn)}, ${xName(f.rm)}]`, (f) => f.rm !== 31),
  disasmOnly('SVE_ST1B_imm', '1110010 00 size:2 0 imm4:4 111 pg:3 rn:5 zt:5',
    (f) => `st1b {z${f.zt}.${T[f.size]}}, p${f.pg}, ${mulVl(f.rn, f.imm4)}`),
  disasmOnly('SVE_ST1B_reg', '1110010 00 size:2 rm:5 010 pg:3 rn:5 zt:5',
    (f) => `st1b {z${f.zt}.${T[f.size]}}, p${f.pg}, [${xSpName(f.rn)}, ${xName(f.rm)}]`, (f) => f.rm !== 31),
  disasmOnly('SVE_WHILE', '00100101 size:2 1 rm:5 000 sf:1 u:1 lt:1 rn:5 eq:1 pd:4',
    (f) => {
      const op = f.u ? (f.lt ? (f.eq ? 'whilels' : 'whilelo') : (f.eq ? 'whilehi' : 'whilehs'))
        : (f.lt ? (f.eq ? 'whilele' : 'whilelt') : (f.eq ? 'whilegt' : 'whilege'));
      return `${op} p${f.pd}.${T[f.size]}, ${rName(f.sf, f.rn)}, ${rName(f.sf, f.rm)}`;
    }),
  disasmOnly('SVE_PTRUE', '00100101 size:2 011 00 s:1 111000 pattern:5 0 pd:4',
    (f) => `ptrue${f.s ? 's' : ''} p${f.pd}.${T[f.size]}${f.pattern === 31 ? '' : `, ${svePattern(f.pattern)}`}`),
  disasmOnly('SVE_CNT', '00000100 size:2 10 imm4:4 111000 pattern:5 rd:5',
    (f) => {
      const mul = f.imm4 + 1;
      const tail = mul > 1 ? `, ${svePattern(f.pattern)}, mul #${mul}` : f.pattern === 31 ? '' : `, ${svePattern(f.pattern)}`;
      return `cnt${'bhwd'[f.size]} ${xName(f.rd)}${tail}`;
    }),
  disasmOnly('SVE_DUP_r', '00000101 size:2 100000 001110 rn:5 zd:5',
    (f) => `mov z${f.zd}.${T[f.size]}, ${f.size === 3 ? xSpName(f.rn) : f.rn === 31 ? 'wsp' : `w${f.rn}`}`),

  // MTE
  disasmOnly('MTE_LDG', '11011001 011 imm9:9 00 rn:5 rt:5',
    (f) => `ldg ${xName(f.rt)}, ${tagAddress({ ...f, op2: 2 })}`),
  disasmOnly('MTE_STG', '11011001 opc:2 1 imm9:9 op2:2 rn:5 rt:5',
    (f) => `${['stg', 'stzg', 'st2g', 'stz2g'][f.opc]} ${xSpName(f.rt)}, ${tagAddress(f)}`, (f) => f.op2 !== 0),
  disasmOnly('MTE_IRG', '10011010110 rm:5 000100 rn:5 rd:5',
    (f) => `irg ${xSpName(f.rd)}, ${xSpName(f.rn)}${f.rm === 31 ? '' : `, ${xName(f.rm)}`}`),
  disasmOnly('MTE_GMI', '10011010110 rm:5 000101 rn:5 rd:5',
    (f) => `gmi ${xName(f.rd)}, ${xSpName(f.rn)}, ${xName(f.rm)}`),
  disasmOnly('MTE_DC', '1101010100001011 0111 0100 op2:3 rt:5',
    (f) => `dc ${f.op2 === 3 ? 'gva' : 'gzva'}, ${xName(f.rt)}`, (f) => f.op2 === 3 || f.op2 === 4),
];
