// The aarch64 difftest module: the harness's state record, random initial states, the
// constraints that make memory and branch instructions runnable in the harness, and the
// encodings left out (with the reason for each).
import type { Fields } from '../targets/common/decode-pattern.js';
import { decodeWord } from '../targets/aarch64/decoder.js';
import { ALL_INSNS } from '../targets/aarch64/insns/index.js';
import type { CaseDraft, DifftestIsa, Exclusion, HarnessInfo, PrefixSpec, StateField, ValueDivergence } from './isa.js';
import type { Rng } from './rng.js';
import { randomFloatBits, randomInt64, randomIntLane, u64FromNumber, type U64 } from './values.js';

// ---- the state record (tests/difftest/aarch64/state.h) ----

const OFF_X = 0, OFF_SP = 248, OFF_V = 256, OFF_NZCV = 768, OFF_FPCR = 772, OFF_FPSR = 776, OFF_TPIDR = 784;
const OFF_MEM = 792;
export const WINDOW_SIZE = 256;
const STATE_SIZE = OFF_MEM + WINDOW_SIZE;

const stateFields: StateField[] = [
  ...Array.from({ length: 31 }, (_, n): StateField => ({ name: `x${n}`, offset: OFF_X + 8 * n, size: 8, group: 'x', compare: true })),
  { name: 'sp', offset: OFF_SP, size: 8, group: 'sp', compare: true },
  ...Array.from({ length: 32 }, (_, n): StateField => ({ name: `v${n}`, offset: OFF_V + 16 * n, size: 16, group: 'v', compare: true })),
  { name: 'nzcv', offset: OFF_NZCV, size: 4, group: 'nzcv', compare: true },
  { name: 'fpcr', offset: OFF_FPCR, size: 4, group: 'fpcr', compare: true },
  { name: 'fpsr', offset: OFF_FPSR, size: 4, group: 'fpsr', compare: true },
  // The harness parks x0 in TPIDR_EL0 after the test: an input only.
  { name: 'tpidr_el0', offset: OFF_TPIDR, size: 8, group: 'tpidr', compare: false },
  { name: 'mem', offset: OFF_MEM, size: WINDOW_SIZE, group: 'mem', compare: true },
];

function setX(s: DataView, n: number, v: U64): void {
  const off = n === 31 ? OFF_SP : OFF_X + 8 * n;
  s.setUint32(off, v.lo, true);
  s.setUint32(off + 4, v.hi, true);
}

// ---- random initial state ----

const FPCR_AHP = 1 << 26, FPCR_DN = 1 << 25, FPCR_FZ = 1 << 24;
const RMODE_SHIFT = 22;

/**
 * FPCR: mostly 0, else a rounding mode and some of FZ, DN, AHP. FZ16 is left out: tsqemu's
 * FPCR does not keep it (a difference MSR FPCR cases still show), and with it in the initial
 * state every case of every pattern would differ in fpcr.
 */
function randomFpcr(rng: Rng): number {
  switch (rng.weighted([[50, 0], [12, 1], [8, 2], [8, 3], [6, 4], [16, 5]] as const)) {
    case 0: return 0;
    case 1: return rng.range(1, 3) << RMODE_SHIFT;
    case 2: return FPCR_FZ;
    case 3: return FPCR_DN;
    case 4: return FPCR_AHP;
    default: {
      let v = rng.below(4) << RMODE_SHIFT;
      for (const bit of [FPCR_AHP, FPCR_DN, FPCR_FZ]) if (rng.chance(0.5)) v |= bit;
      return v >>> 0;
    }
  }
}

/** 16 bytes of a vector register: lanes of one kind of value. */
function randomVector(rng: Rng, s: DataView, off: number): void {
  const kind = rng.weighted([[25, 0], [25, 1], [25, 2], [10, 3], [15, 4]] as const);
  if (kind === 0) {
    for (let i = 0; i < 16; i += 4) s.setUint32(off + i, rng.u32(), true);
  } else if (kind === 1) {
    for (let i = 0; i < 16; i += 8) {
      const v = randomFloatBits(rng, 11, 52);
      s.setUint32(off + i, v.lo, true);
      s.setUint32(off + i + 4, v.hi, true);
    }
  } else if (kind === 2) {
    for (let i = 0; i < 16; i += 4) s.setUint32(off + i, randomFloatBits(rng, 8, 23).lo, true);
  } else if (kind === 3) {
    for (let i = 0; i < 16; i += 2) s.setUint16(off + i, randomFloatBits(rng, 5, 10).lo, true);
  } else {
    const bits = rng.pick([8, 16, 32, 64]);
    for (let i = 0; i < 16; i += bits / 8) {
      const v = randomIntLane(rng, bits);
      if (bits === 8) s.setUint8(off + i, v.lo & 0xff);
      else if (bits === 16) s.setUint16(off + i, v.lo & 0xffff, true);
      else s.setUint32(off + i, v.lo, true);
      if (bits === 64) s.setUint32(off + i + 4, v.hi, true);
    }
  }
}

function randomState(rng: Rng, d: CaseDraft, h: HarnessInfo): void {
  const s = d.state;
  for (let n = 0; n < 31; n++) setX(s, n, randomInt64(rng));
  // SP: mostly a plausible stack address in the window, sometimes anything
  setX(s, 31, rng.chance(0.5) ? u64FromNumber(h.windowAddr + 16 * rng.below(WINDOW_SIZE / 16)) : randomInt64(rng));
  for (let n = 0; n < 32; n++) randomVector(rng, s, OFF_V + 16 * n);
  s.setUint32(OFF_NZCV, (rng.below(16) << 28) >>> 0, true);
  s.setUint32(OFF_FPCR, randomFpcr(rng), true);
  s.setUint32(OFF_FPSR, rng.chance(0.85) ? 0 : rng.u32() & 0x0800009f, true);
  s.setUint32(OFF_TPIDR, rng.u32(), true);
  s.setUint32(OFF_TPIDR + 4, rng.u32(), true);
  for (let i = 0; i < WINDOW_SIZE; i += 4) s.setUint32(OFF_MEM + i, rng.u32(), true);
}

// ---- constraints: memory operands into the window, branches onto the landing pad ----

/** A memory access: EA = base register + offset (+ index register, extended and shifted). */
interface MemPlan {
  base: number;
  /** EA minus the base register (0 for post-index). */
  offset: number;
  /** Bytes accessed from EA (an upper bound is enough). */
  span: number;
  /** EA alignment the access needs (exclusive and ordered accesses). */
  align: number;
  index?: { rm: number; option: number; shift: number };
  /** Literal: EA = PC + 4 * imm19, chosen by setting the field. */
  literal?: boolean;
}

/** Register-offset option: 2 UXTW, 3 LSL (UXTX), 6 SXTW, 7 SXTX. */
const UXTW = 2, SXTW = 6;

/** Why an encoding's register choice is CONSTRAINED UNPREDICTABLE, or null. */
function unpredictable(name: string, f: Fields): string | null {
  const wb = (name === 'LDST_imm9' || name === 'LDST_fp_imm9') ? f.idx === 1 || f.idx === 3
    : (name === 'LDSTP' || name === 'LDSTP_fp') ? f.idx === 1 || f.idx === 3 : false;
  const prfm = (name === 'LDST_imm9') && f.size === 3 && f.opc === 2;
  if (name === 'LDST_imm9' && wb && !prfm && f.rt === f.rn && f.rn !== 31) return 'writeback with Rt == Rn';
  if (name === 'LDSTP' || name === 'LDSTP_fp') {
    if (f.L && f.rt === f.rt2) return 'load pair with Rt == Rt2';
    if (name === 'LDSTP' && wb && f.rn !== 31 && (f.rt === f.rn || f.rt2 === f.rn)) return 'pair writeback with Rt/Rt2 == Rn';
  }
  if (name === 'LDXR_STXR' && !f.L && (f.rs === f.rt || (f.rs === f.rn && f.rn !== 31))) return 'store-exclusive with Rs == Rt or Rn';
  if (name === 'LDXP_STXP') {
    if (f.L && f.rt === f.rt2) return 'load-exclusive pair with Rt == Rt2';
    if (!f.L && (f.rs === f.rt || f.rs === f.rt2 || (f.rs === f.rn && f.rn !== 31))) return 'store-exclusive pair with Rs == Rt, Rt2 or Rn';
  }
  return null;
}

/** Patterns that access memory through a base register, an index or a literal: memPlan knows them all. */
export const MEMORY_PATTERNS: ReadonlySet<string> = new Set([
  'LDST_uimm', 'LDST_imm9', 'LDST_reg', 'LDR_lit', 'LDSTP', 'LDXR_STXR', 'LDAR_STLR', 'LDAPR', 'LDXP_STXP', 'LDST_fp_uimm',
  'LDST_fp_imm9', 'LDST_fp_reg', 'LDR_fp_lit', 'LDSTP_fp', 'LDST_multi', 'LDST_single', 'CAS', 'LDOP', 'SWP', 'CASP',
  'LDAPUR_STLUR', 'SYS_cache',
]);

function memPlan(name: string, f: Fields): MemPlan | null {
  const post = f.idx === 1;
  switch (name) {
    case 'LDST_uimm':
      return { base: f.rn, offset: f.imm12 << f.size, span: 1 << f.size, align: 1 };
    case 'LDST_imm9':
      return { base: f.rn, offset: post ? 0 : f.imm9, span: 1 << f.size, align: 1 };
    case 'LDST_reg':
      return { base: f.rn, offset: 0, span: 1 << f.size, align: 1, index: { rm: f.rm, option: f.option, shift: f.S ? f.size : 0 } };
    case 'LDR_lit':
      return { base: -1, offset: 0, span: 8, align: 4, literal: true };
    case 'LDSTP': {
      const bytes = f.opc === 2 ? 8 : 4;
      return { base: f.rn, offset: post ? 0 : f.imm7 * bytes, span: 2 * bytes, align: 1 };
    }
    case 'LDXR_STXR':
    case 'LDAR_STLR':
    case 'LDAPR':
      return { base: f.rn, offset: 0, span: 1 << f.size, align: 1 << f.size };
    case 'LDXP_STXP':
      return { base: f.rn, offset: 0, span: f.sz ? 16 : 8, align: f.sz ? 16 : 8 };
    case 'LDST_fp_uimm':
    case 'LDST_fp_imm9':
    case 'LDST_fp_reg': {
      const scale = f.opc & 2 ? 4 : f.size;
      if (name === 'LDST_fp_reg') {
        return { base: f.rn, offset: 0, span: 1 << scale, align: 1, index: { rm: f.rm, option: f.option, shift: f.S ? scale : 0 } };
      }
      const offset = name === 'LDST_fp_uimm' ? f.imm12 << scale : post ? 0 : f.imm9;
      return { base: f.rn, offset, span: 1 << scale, align: 1 };
    }
    case 'LDR_fp_lit':
      return { base: -1, offset: 0, span: 4 << f.opc, align: 4, literal: true };
    case 'LDSTP_fp': {
      const bytes = 4 << f.opc;
      return { base: f.rn, offset: post ? 0 : f.imm7 * bytes, span: 2 * bytes, align: 1 };
    }
    case 'LDST_multi':
    case 'LDST_single':
      return { base: f.rn, offset: 0, span: 64, align: 1 };
    case 'CAS':
    case 'LDOP':
    case 'SWP':
      // single-copy atomic: naturally aligned
      return { base: f.rn, offset: 0, span: 1 << f.size, align: 1 << f.size };
    case 'CASP':
      return { base: f.rn, offset: 0, span: 8 << f.sz, align: 8 << f.sz };
    case 'LDAPUR_STLUR':
      // ordered, so aligned as LDAR is (misaligned, qemu raises SIGBUS and tsqemu does not)
      return { base: f.rn, offset: f.imm9, span: 1 << f.size, align: 1 << f.size };
    case 'SYS_cache':
      // DC ZVA zeroes the 64-byte block holding the address; the window is 64-byte aligned
      return { base: f.rt, offset: 0, span: 1, align: 1 };
    default:
      return null;
  }
}

/** Words the harness runs per case (tests/difftest/aarch64/run-case.S), then its two exits. */
const SLOT_WORDS = 4;
/** The "taken" landing pad: after the slot words and the fall-through branch. */
const takenPad = (h: HarnessInfo): number => h.slotAddr + 4 * SLOT_WORDS + 4;

/** Branch forms: the immediate field set so the target is the "taken" pad. */
const BRANCH_IMM: Readonly<Record<string, string>> = { B: 'imm26', BL: 'imm26', B_cond: 'imm19', CBZ: 'imm19', TBZ: 'imm14' };
const BRANCH_REG = new Set(['BR', 'BLR', 'RET']);

function constrain(rng: Rng, d: CaseDraft, h: HarnessInfo): string | null {
  const f = d.fields;
  if (BRANCH_IMM[d.name]) {
    f[BRANCH_IMM[d.name]] = (takenPad(h) - d.pc) / 4;
    return null;
  }
  if (BRANCH_REG.has(d.name)) {
    if (f.rn === 31) return 'branch to XZR';
    setX(d.state, f.rn, u64FromNumber(takenPad(h)));
    return null;
  }
  const plan = memPlan(d.name, f);
  if (!plan) return null;
  if (d.name === 'SYS_cache' && f.rt === 31) return 'address register is XZR';
  const why = unpredictable(d.name, f);
  if (why) return why;
  const slots = Math.floor((WINDOW_SIZE - plan.span) / plan.align) + 1;
  const ea = h.windowAddr + plan.align * rng.below(slots);
  if (plan.literal) {
    f.imm19 = (ea - d.pc) / 4;
    return null;
  }
  let delta = 0;
  if (plan.index) {
    const { rm, option, shift } = plan.index;
    if (rm === plan.base) return 'index register == base register';
    if (rm !== 31) {
      // a small index; the bits an extend ignores stay random
      const v = option === UXTW ? rng.range(0, 8) : rng.range(-8, 8);
      const old = d.state.getUint32(OFF_X + 8 * rm + 4, true);
      setX(d.state, rm, { lo: v >>> 0, hi: option === UXTW || option === SXTW ? old : v < 0 ? 0xffffffff : 0 });
      delta = v * 2 ** shift;
    }
  }
  setX(d.state, plan.base, u64FromNumber(ea - plan.offset - delta));
  return null;
}

// ---- what is left out ----

const sysreg = (op1: number, crn: number, crm: number, op2: number) => (f: Fields): boolean =>
  f.o0 === 1 && f.op1 === op1 && f.crn === crn && f.crm === crm && f.op2 === op2;
const CNTVCT_EL0 = sysreg(3, 14, 0, 2), TPIDR_EL0 = sysreg(3, 13, 0, 2);
const MIDR_EL1 = sysreg(0, 0, 0, 0), CTR_EL0 = sysreg(3, 0, 0, 1), DCZID_EL0 = sysreg(3, 0, 0, 7);
/** HINT numbers of FEAT_PAuth: XPACLRI, PACIA1716..AUTIB1716, PACIAZ..AUTIBSP. */
const PAUTH_HINTS = new Set([7, 8, 10, 12, 14, 24, 25, 26, 27, 28, 29, 30, 31]);
/** SYS_cache operations by op1, CRn, CRm, op2. */
const dcOp = (crm: number) => (f: Fields): boolean => f.op1 === 3 && f.crn === 7 && f.crm === crm && f.op2 === 1;
export const DC_ZVA = dcOp(4), DC_CVAP = dcOp(12), DC_CVADP = dcOp(13);

export const AARCH64_EXCLUSIONS: readonly Exclusion[] = [
  { pattern: 'SVC', kind: 'untestable', reason: 'a system call: the kernel emulation is tested on its own (tests/syscalls)' },
  {
    pattern: 'BRK', kind: 'untestable',
    reason: 'always raises SIGTRAP; tsqemu does not deliver guest signals yet, so each case would end the harness',
  },
  { pattern: 'MRS', when: CNTVCT_EL0, kind: 'untestable', reason: 'CNTVCT_EL0 is a free-running counter: no two reads agree' },
  {
    pattern: 'MSR', when: TPIDR_EL0, kind: 'untestable',
    reason: 'the harness parks x0 in TPIDR_EL0 after the test, so a write to it cannot be observed',
  },
  {
    pattern: 'MRS', when: (f) => MIDR_EL1(f) || CTR_EL0(f) || DCZID_EL0(f), kind: 'cpu-model',
    reason: 'MIDR_EL1, CTR_EL0 and DCZID_EL0 identify the CPU: qemu -cpu max and tsqemu (a Cortex-A57-like model) report their own',
  },
  {
    pattern: 'SYS_cache', when: DC_ZVA, kind: 'cpu-model',
    reason: 'DC ZVA zeroes a block of the size DCZID_EL0 gives: 512 bytes on qemu -cpu max, 64 on tsqemu',
  },
  {
    pattern: 'HINT', when: (f) => PAUTH_HINTS.has((f.crm << 3) | f.op2), kind: 'cpu-model',
    reason: 'qemu -cpu max implements FEAT_PAuth (these hints sign, authenticate or strip x17/x30); tsqemu models a CPU without it, where they are NOPs',
  },
  {
    pattern: 'SYS_cache', when: (f) => DC_CVAP(f) || DC_CVADP(f), kind: 'divergence',
    reason: 'qemu-user 7.2 raises SIGILL for DC CVAP/CVADP (it defines them for system emulation only) although its max CPU has ' +
      'FEAT_DPB/DPB2 and Linux lets EL0 clean to the point of persistence; tsqemu runs them (no-ops, as the architecture allows user mode)',
  },
];

/** qemu departures that only some values show (see ValueDivergence). */
export const AARCH64_VALUE_DIVERGENCES: readonly ValueDivergence[] = [
  {
    pattern: 'FCVTZS_fixed_s_h',
    reason: 'qemu 7.2 sign-extends a negative 16-bit result of scalar half-precision FCVTZS (fixed-point) into bits 31:16 of Vd; ' +
      'the Arm ARM writes the 16-bit result and zeroes the rest of Vd (as tsqemu does)',
    matches: (f, _initial, ref, test, differing) => {
      if (differing.length !== 1 || differing[0] !== `v${f.rd}`) return false;
      const off = OFF_V + 16 * f.rd;
      const r = new DataView(ref.buffer, ref.byteOffset + off, 16), t = new DataView(test.buffer, test.byteOffset + off, 16);
      const low = t.getUint16(0, true);
      if (low !== r.getUint16(0, true) || (low & 0x8000) === 0) return false;
      if (r.getUint16(2, true) !== 0xffff || t.getUint16(2, true) !== 0) return false;
      for (let i = 4; i < 16; i++) if (r.getUint8(i) !== 0 || t.getUint8(i) !== 0) return false;
      return true;
    },
  },
  {
    pattern: 'FJCVTZS',
    reason: 'with FPCR.FZ set, qemu 7.2 sets Z for a positive denormal input (flushed to zero); the Arm ARM (FPToFixedJS: ' +
      "\"sign == '0' && value == 0.0 && !IsZero(op<51:0>) then Z = '0'\") clears it, as tsqemu does",
    matches: (f, initial, ref, test, differing) => {
      if (differing.length !== 1 || differing[0] !== 'nzcv') return false;
      const s = new DataView(initial.buffer, initial.byteOffset);
      const hi = s.getUint32(OFF_V + 16 * f.rn + 4, true), lo = s.getUint32(OFF_V + 16 * f.rn, true);
      const positiveDenormal = (hi >>> 20) === 0 && ((hi & 0xfffff) !== 0 || lo !== 0);
      const flushing = (s.getUint32(OFF_FPCR, true) & FPCR_FZ) !== 0;
      const nzcv = (b: Uint8Array): number => new DataView(b.buffer, b.byteOffset).getUint32(OFF_NZCV, true) >>> 28;
      return positiveDenormal && flushing && nzcv(ref) === 0b0100 && nzcv(test) === 0;
    },
  },
];

// ---- formatting ----

const hex = (v: number, digits: number): string => v.toString(16).padStart(digits, '0');

function formatField(field: StateField, b: Uint8Array): string {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (field.size === 8) return `0x${hex(dv.getUint32(4, true), 8)}${hex(dv.getUint32(0, true), 8)}`;
  if (field.size === 16) {
    const w = [3, 2, 1, 0].map((i) => hex(dv.getUint32(4 * i, true), 8));
    return `0x${w[0]}${w[1]}_${w[2]}${w[3]}`;
  }
  if (field.name === 'nzcv') {
    const v = dv.getUint32(0, true) >>> 28;
    return 'NZCV'.split('').map((c, i) => ((v >> (3 - i)) & 1 ? c : c.toLowerCase())).join('');
  }
  if (field.size === 4) return `0x${hex(dv.getUint32(0, true), 8)}`;
  return Array.from(b, (x) => hex(x, 2)).join('');
}

const REG_FIELDS = ['rd', 'rn', 'rm', 'ra', 'rt', 'rt2', 'rs'];

function operandFields(_name: string, f: Fields): string[] {
  const out = new Set<string>();
  for (const k of REG_FIELDS) {
    if (!(k in f)) continue;
    const n = f[k];
    out.add(n === 31 ? 'sp' : `x${n}`);
    out.add(`v${n}`);
  }
  out.add('nzcv').add('fpcr').add('fpsr');
  return [...out];
}

/**
 * Prefixes: instructions that set NZCV (FCMP and FCCMP also FPSR) and write no register,
 * so the constraints on the instruction after them still hold.
 */
const PREFIXES: readonly PrefixSpec[] = [
  { pattern: 'ADD_imm', fix: { S: 1, rd: 31 } }, // CMP/CMN immediate
  { pattern: 'ADDSUB_shifted', fix: { S: 1, rd: 31 } },
  { pattern: 'ADDSUB_ext', fix: { S: 1, rd: 31 } },
  { pattern: 'ADC', fix: { S: 1, rd: 31 } }, // ADCS/SBCS to XZR
  { pattern: 'LOGIC_imm', fix: { opc: 3, rd: 31 } }, // TST
  { pattern: 'LOGIC_shifted', fix: { opc: 3, rd: 31 } },
  { pattern: 'CCMP_reg' },
  { pattern: 'CCMP_imm' },
  { pattern: 'FCMP' },
  { pattern: 'FCCMP' },
  { pattern: 'MSR', fix: { o0: 1, op1: 3, crn: 4, crm: 2, op2: 0 } }, // MSR NZCV
];

export const aarch64Difftest: DifftestIsa = {
  arch: 'aarch64',
  machine: 183,
  defs: ALL_INSNS,
  decode: (word) => decodeWord(word)?.def ?? null,
  widthOf: () => 32,
  stateSize: STATE_SIZE,
  stateFields,
  slotWords: SLOT_WORDS,
  nop: 0xd503201f,
  prefixes: PREFIXES,
  harness: 'tests/difftest/aarch64/harness',
  qemu: { command: 'qemu-aarch64', args: ['-cpu', 'max'] },
  tsqemu: { command: process.execPath, args: ['bin/tsqemu-aarch64.js'] },
  exclusions: AARCH64_EXCLUSIONS,
  valueDivergences: AARCH64_VALUE_DIVERGENCES,
  randomState,
  constrain,
  operandFields,
  formatField,
  objdump: { command: 'aarch64-linux-gnu-objdump', args: ['-D', '-b', 'binary', '-m', 'aarch64'] },
};
