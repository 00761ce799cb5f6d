// System instructions a user-mode program uses: SVC, BRK, hints (all no-ops, including
// the BTI/PAC hint space), barriers (SB: FEAT_SB), CLREX, MRS/MSR of the EL0-visible
// registers, the PSTATE.SSBS/DIT forms (FEAT_SSBS, FEAT_DIT), and the cache-maintenance
// SYS forms (DC ZVA zeroes a block; the others, DC CVAP/CVADP of FEAT_DPB/DPB2 included,
// are no-ops here). The ID registers Linux emulates for EL0 (MIDR_EL1, ID_AA64*) are
// per CPU model (cpu-models.ts).
import { Exit } from '../../../translate/cpu-state.js';
import type { Emitter } from '../../../translate/emitter.js';
import type { Fields } from '../../common/decode-pattern.js';
import { nzcv, setNzcv } from '../flags.js';
import { defineInsns } from '../insn-def.js';
import { hi as hiResult } from '../../../translate/int64.js';
import { hi, lo, setX, xName } from '../regs.js';
import type { Feature } from '../features.js';
import { SLOT_EXCL_SIZE, SLOT_FPCR, SLOT_FPSR, SLOT_PSTATE, SLOT_TPIDR } from '../state.js';

/** DC ZVA block: 64 bytes (DCZID_EL0.BS = 4, log2 of the size in words). */
export const DCZ_BLOCK_BYTES = 64;
const DCZID_VALUE = 4;
const CTR_VALUE = 0x8444c004; // 64-byte lines, as qemu's cortex-a57 reports
/** The generic timer frequency seen by the guest (CNTFRQ_EL0). */
export const TIMER_HZ = 62_500_000;

interface SysReg {
  name: string;
  feature?: Feature;
  read?: (e: Emitter, rt: number) => string;
  write?: (e: Emitter, rt: number) => string;
}

/**
 * FPCR bits this CPU keeps: AHP, DN, FZ, RMode, Stride, FZ16 and Len (Stride and Len
 * read back but do nothing in AArch64). The trap enables read as zero (no FP exception
 * trapping, as qemu), as do the unimplemented AFP controls.
 */
const FPCR_WRITABLE = 0x07ff0000;

const key = (op0: number, op1: number, crn: number, crm: number, op2: number): number =>
  (op0 << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2;

const constant = (value: number) => (e: Emitter, rt: number) => setX(e, rt, String(value | 0), '0');

/** PSTATE.DIT and PSTATE.SSBS: their bit in SLOT_PSTATE (and in the MRS/MSR view). */
const DIT_BIT = 1 << 24;
const SSBS_BIT = 1 << 12;
const pstateBit = (name: string, bit: number, feature: Feature): SysReg => ({
  name,
  feature,
  read: (e, rt) => setX(e, rt, `${e.slot(SLOT_PSTATE)} & ${bit}`, '0'),
  write: (e, rt) => e.assign(SLOT_PSTATE, `(${e.slot(SLOT_PSTATE)} & ${~bit}) | (${lo(e, rt)} & ${bit})`),
});

const SYSREGS = new Map<number, SysReg>([
  [key(3, 3, 13, 0, 2), {
    name: 'tpidr_el0',
    read: (e, rt) => setX(e, rt, e.slot(SLOT_TPIDR), e.slot(SLOT_TPIDR + 1)),
    write: (e, rt) => `${e.assign(SLOT_TPIDR, lo(e, rt))} ${e.assign(SLOT_TPIDR + 1, hi(e, rt))}`,
  }],
  [key(3, 3, 4, 4, 0), {
    name: 'fpcr',
    read: (e, rt) => setX(e, rt, e.slot(SLOT_FPCR), '0'),
    // RES0 bits other than AHP, DN, FZ, RMode, FZ16 and the trap enables read as zero
    write: (e, rt) => e.assign(SLOT_FPCR, `${lo(e, rt)} & ${FPCR_WRITABLE}`),
  }],
  [key(3, 3, 4, 4, 1), {
    name: 'fpsr',
    read: (e, rt) => setX(e, rt, e.slot(SLOT_FPSR), '0'),
    write: (e, rt) => e.assign(SLOT_FPSR, `${lo(e, rt)} & 0xf800009f`),
  }],
  [key(3, 3, 4, 2, 0), {
    name: 'nzcv',
    read: (e, rt) => setX(e, rt, `${nzcv(e)} << 28`, '0'),
    write: (e, rt) => setNzcv(e, `(${lo(e, rt)} >>> 28) & 15`),
  }],
  [key(3, 3, 0, 0, 1), { name: 'ctr_el0', read: constant(CTR_VALUE) }],
  [key(3, 3, 0, 0, 7), { name: 'dczid_el0', read: constant(DCZID_VALUE) }],
  [key(3, 3, 4, 2, 5), pstateBit('dit', DIT_BIT, 'dit')],
  [key(3, 3, 4, 2, 6), pstateBit('ssbs', SSBS_BIT, 'ssbs')],
  [key(3, 3, 14, 0, 0), { name: 'cntfrq_el0', read: constant(TIMER_HZ) }],
  [key(3, 3, 14, 0, 2), {
    name: 'cntvct_el0',
    read: (e, rt) => {
      const t = e.tmp();
      return `${t} = H.counter(); ${setX(e, rt, t, 'H.hi[0]')}`;
    },
  }],
]);

const regKey = (f: Fields): number => key(2 + f.o0, f.op1, f.crn, f.crm, f.op2);
const regName = (f: Fields): string =>
  SYSREGS.get(regKey(f))?.name ?? `s${2 + f.o0}_${f.op1}_c${f.crn}_c${f.crm}_${f.op2}`;

const HINT_NAMES: Record<number, string> = {
  0: 'nop', 1: 'yield', 2: 'wfe', 3: 'wfi', 4: 'sev', 5: 'sevl', 7: 'xpaclri',
  8: 'pacia1716', 10: 'pacib1716', 12: 'autia1716', 14: 'autib1716', 16: 'esb', 17: 'psb csync',
  20: 'csdb', 24: 'paciaz', 25: 'paciasp', 26: 'pacibz', 27: 'pacibsp',
  28: 'autiaz', 29: 'autiasp', 30: 'autibz', 31: 'autibsp', 32: 'bti', 34: 'bti c', 36: 'bti j', 38: 'bti jc',
};

const BARRIER_OPTIONS = ['#0x0', 'oshld', 'oshst', 'osh', '#0x4', 'nshld', 'nshst', 'nsh',
  '#0x8', 'ishld', 'ishst', 'ish', '#0xc', 'ld', 'st', 'sy'];

/** DC ZVA, IC IVAU and the DC clean/invalidate forms user space may execute. */
const isDcZva = (f: Fields): boolean => f.op1 === 3 && f.crn === 7 && f.crm === 4 && f.op2 === 1;
const CACHE_OPS: Record<string, string> = {
  '3,7,5,1': 'ic ivau', '3,7,11,1': 'dc cvau', '3,7,10,1': 'dc cvac', '3,7,14,1': 'dc civac',
  '3,7,12,1': 'dc cvap', '3,7,13,1': 'dc cvadp', '3,7,4,1': 'dc zva',
};
const cacheOp = (f: Fields): string | undefined => CACHE_OPS[`${f.op1},${f.crn},${f.crm},${f.op2}`];
const CACHE_FEATURES: Record<string, Feature> = { 'dc cvap': 'dcpop', 'dc cvadp': 'dcpodp' };

/** MSR (immediate) to PSTATE.DIT (op2 2) and PSTATE.SSBS (op2 1): op1 = 3, the value in CRm<0>. */
const PSTATE_IMM: Record<number, [string, number, Feature]> = { 1: ['ssbs', SSBS_BIT, 'ssbs'], 2: ['dit', DIT_BIT, 'dit'] };

export const insns = defineInsns([
  {
    name: 'SVC', pattern: '11010100 000 imm16:16 000 01', endsBlock: true,
    emit: (_f, e) => e.raise(Exit.Syscall, e.nextPc),
    asm: (f) => `svc #0x${f.imm16.toString(16)}`,
  },
  {
    name: 'BRK', pattern: '11010100 001 imm16:16 000 00', endsBlock: true,
    emit: (_f, e) => e.raise(Exit.Breakpoint, e.pc),
    asm: (f) => `brk #0x${f.imm16.toString(16)}`,
  },
  {
    // Every hint is a no-op on this CPU, which implements neither PAC nor BTI.
    name: 'HINT', pattern: '1101010100 0 00 011 0010 crm:4 op2:3 11111',
    emit: () => '',
    asm: (f) => HINT_NAMES[(f.crm << 3) | f.op2] ?? `hint #0x${((f.crm << 3) | f.op2).toString(16)}`,
  },
  {
    name: 'CLREX', pattern: '1101010100 0 00 011 0011 crm:4 010 11111',
    emit: (_f, e) => e.assign(SLOT_EXCL_SIZE, '0'),
    asm: (f) => (f.crm === 15 ? 'clrex' : `clrex #0x${f.crm.toString(16)}`),
  },
  {
    // DSB, DMB, ISB, SB: guest threads are interleaved only at block boundaries here.
    name: 'BARRIER', pattern: '1101010100 0 00 011 0011 crm:4 1 op2:2 11111',
    when: (f) => f.op2 !== 3 || f.crm === 0,
    feature: (f) => (f.op2 === 3 ? 'sb' : undefined),
    emit: () => '',
    asm: (f) => {
      if (f.op2 === 3) return 'sb';
      if (f.op2 === 2) return f.crm === 15 ? 'isb' : `isb #0x${f.crm.toString(16)}`;
      if (f.op2 === 0 && f.crm === 0) return 'ssbb';
      if (f.op2 === 0 && f.crm === 4) return 'pssbb';
      return `${f.op2 === 0 ? 'dsb' : 'dmb'} ${BARRIER_OPTIONS[f.crm]}`;
    },
  },
  {
    name: 'SYS_cache', pattern: '1101010100 0 01 op1:3 crn:4 crm:4 op2:3 rt:5',
    when: (f) => cacheOp(f) !== undefined,
    feature: (f) => CACHE_FEATURES[cacheOp(f)!],
    emit: (f, e) => (isDcZva(f) ? `M.zero(${lo(e, f.rt)} & ${~(DCZ_BLOCK_BYTES - 1)}, ${hi(e, f.rt)}, ${DCZ_BLOCK_BYTES}, ${e.pc});` : ''),
    asm: (f) => `${cacheOp(f)}, ${xName(f.rt)}`,
  },
  {
    name: 'MSR_pstate', pattern: '1101010100 0 00 011 0100 000 imm:1 op2:3 11111',
    when: (f) => PSTATE_IMM[f.op2] !== undefined,
    feature: (f) => PSTATE_IMM[f.op2][2],
    emit: (f, e) => {
      const bit = PSTATE_IMM[f.op2][1];
      return e.assign(SLOT_PSTATE, f.imm ? `${e.slot(SLOT_PSTATE)} | ${bit}` : `${e.slot(SLOT_PSTATE)} & ${~bit}`);
    },
    asm: (f) => `msr ${PSTATE_IMM[f.op2][0]}, #0x${f.imm}`,
  },
  {
    name: 'MRS', pattern: '1101010100 1 1 o0:1 op1:3 crn:4 crm:4 op2:3 rt:5',
    when: (f) => SYSREGS.get(regKey(f))?.read !== undefined,
    feature: (f) => SYSREGS.get(regKey(f))!.feature,
    emit: (f, e) => SYSREGS.get(regKey(f))!.read!(e, f.rt),
    asm: (f) => `mrs ${xName(f.rt)}, ${regName(f)}`,
  },
  {
    name: 'MSR', pattern: '1101010100 0 1 o0:1 op1:3 crn:4 crm:4 op2:3 rt:5',
    when: (f) => SYSREGS.get(regKey(f))?.write !== undefined,
    feature: (f) => SYSREGS.get(regKey(f))!.feature,
    emit: (f, e) => SYSREGS.get(regKey(f))!.write!(e, f.rt),
    asm: (f) => `msr ${regName(f)}, ${xName(f.rt)}`,
  },
]);

/** CNTVCT_EL0: the monotonic clock in timer ticks; low half returned, high in H.hi[0]. */
function counter(): number {
  const [sec, ns] = process.hrtime();
  const ticks = sec * TIMER_HZ + Math.floor(ns / (1e9 / TIMER_HZ));
  hiResult[0] = Math.floor(ticks / 2 ** 32);
  return ticks | 0;
}

export const runtime = { counter };
