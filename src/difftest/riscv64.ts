// The riscv64 difftest module: the harness's state record, random initial states, the
// constraints that make memory and branch instructions runnable in the harness, and the
// encodings left out (with the reason for each).
//
// The decode table is the translator's: the 32-bit InsnDefs (whose S, B, U and J formats
// add a derived field `imm`, see fieldsOf/encode) and the 16-bit C forms, each presented as
// a pattern of its own whose fields are those of the 32-bit instruction it expands to.
import { extractFields, type Fields, type Pattern } from '../targets/common/decode-pattern.js';
import { decodeHalf, decodeWord, insnDef } from '../targets/riscv64/decoder.js';
import { encodeImm, formatImm, type InsnDef } from '../targets/riscv64/insn-def.js';
import { ALL_INSNS } from '../targets/riscv64/insns/index.js';
import { COMPRESSED, expandCompressed, type CompressedDef } from '../targets/riscv64/insns/rvc.js';
import { encodeFields } from './generate.js';
import type { CaseDraft, DifftestIsa, Exclusion, HarnessInfo, PatternDef, StateField, ValueDivergence } from './isa.js';
import type { Rng } from './rng.js';
import { randomFloatBits, randomInt64, u64FromNumber, type U64 } from './values.js';

// ---- the state record (tests/difftest/riscv64/state.h) ----

const OFF_X = 0, OFF_F = 256, OFF_FCSR = 512, OFF_SCRATCH = 516, OFF_RESERVE = 520, OFF_MEM = 528;
export const WINDOW_SIZE = 256;
const STATE_SIZE = OFF_MEM + WINDOW_SIZE;

const stateFields: StateField[] = [
  ...Array.from({ length: 31 }, (_, i): StateField => ({ name: `x${i + 1}`, offset: OFF_X + 8 * (i + 1), size: 8, group: 'x', compare: true })),
  ...Array.from({ length: 32 }, (_, n): StateField => ({ name: `f${n}`, offset: OFF_F + 8 * n, size: 8, group: 'f', compare: true })),
  { name: 'fcsr', offset: OFF_FCSR, size: 4, group: 'fcsr', compare: true },
  // Which x register the harness uses after the test (one the instruction does not name): an input only.
  { name: 'scratch', offset: OFF_SCRATCH, size: 4, group: 'scratch', compare: false },
  // An address the harness reserves with LR before the test (so SC can succeed): an input only.
  { name: 'reserve', offset: OFF_RESERVE, size: 8, group: 'reserve', compare: false },
  { name: 'mem', offset: OFF_MEM, size: WINDOW_SIZE, group: 'mem', compare: true },
];

function setX(s: DataView, n: number, v: U64): void {
  if (n === 0) return;
  s.setUint32(OFF_X + 8 * n, v.lo, true);
  s.setUint32(OFF_X + 8 * n + 4, v.hi, true);
}

function getX(s: DataView, n: number): bigint {
  return n === 0 ? 0n : s.getBigUint64(OFF_X + 8 * n, true);
}

// ---- the decode table: 32-bit InsnDefs and the C forms ----

/** A C form as a pattern of its own (16 bits); its fields are those of its 32-bit expansion. */
interface CompressedPattern extends PatternDef {
  readonly compressed: CompressedDef;
  readonly to: InsnDef;
}

const COMPRESSED_DEFS: readonly CompressedPattern[] = COMPRESSED.map((c): CompressedPattern => {
  const to = insnDef(c.to);
  return { name: c.name, pattern: c.pattern, compressed: c, to, asm: (f, pc) => `${to.asm(f, pc)}  # ${c.name.toLowerCase()}` };
});
const COMPRESSED_BY_NAME = new Map(COMPRESSED_DEFS.map((d) => [d.name, d]));
const isCompressed = (def: PatternDef): def is CompressedPattern => 'compressed' in def;

function decode(word: number): PatternDef | null {
  if ((word & 3) !== 3) {
    if (word >>> 16 !== 0) return null;
    const d = decodeHalf(word);
    return d?.compressed ? COMPRESSED_BY_NAME.get(d.compressed) ?? null : null;
  }
  return decodeWord(word)?.def ?? null;
}

function fieldsOf(def: PatternDef, pattern: Pattern, word: number): Fields {
  if (isCompressed(def)) return expandCompressed(word & 0xffff)?.fields ?? {};
  const f = extractFields(pattern, word);
  const fmt = (def as InsnDef).format;
  return fmt ? { ...f, imm: formatImm(fmt, word) } : f;
}

/** The bits hi..lo of a halfword holding `value` laid out as rvc.ts writes it ("8|4:3"). */
function packImm(value: number, hi: number, lo: number, layout: string): number {
  let pos = hi, out = 0;
  for (const part of layout.split('|')) {
    const [a, b] = part.split(':').map(Number);
    const top = a, bottom = b ?? a, width = top - bottom + 1;
    out |= ((value >>> bottom) & ((1 << width) - 1)) << (pos - width + 1);
    pos -= width;
  }
  if (pos !== lo - 1) throw new Error(`layout ${layout} does not fill bits ${hi}..${lo}`);
  return out;
}

/** The C forms whose immediate constrain() sets (branch offsets), re-encoded here. */
const C_IMM_ENCODERS: Readonly<Record<string, { mask: number; pack: (imm: number) => number }>> = {
  'C.J': { mask: 0x1ffc, pack: (v) => packImm(v, 12, 2, '11|4|9:8|10|6|7|3:1|5') },
  'C.BEQZ': { mask: 0x1c7c, pack: (v) => packImm(v, 12, 10, '8|4:3') | packImm(v, 6, 2, '7:6|2:1|5') },
  'C.BNEZ': { mask: 0x1c7c, pack: (v) => packImm(v, 12, 10, '8|4:3') | packImm(v, 6, 2, '7:6|2:1|5') },
};

function encode(def: PatternDef, pattern: Pattern, word: number, fields: Fields): number {
  if (isCompressed(def)) {
    const enc = C_IMM_ENCODERS[def.name];
    if (!enc) return word;
    return ((word & ~enc.mask) | enc.pack(fields.imm)) >>> 0;
  }
  const w = encodeFields(pattern, word, fields);
  const fmt = (def as InsnDef).format;
  if (!fmt) return w;
  return ((w & ~encodeImm(fmt, -1)) | encodeImm(fmt, fields.imm)) >>> 0;
}

// ---- random initial state ----

/** A 64-bit FP register: NaN-boxed singles, doubles, canonical NaNs, badly boxed singles. */
function randomFpReg(rng: Rng): U64 {
  switch (rng.weighted([[40, 0], [38, 1], [6, 2], [8, 3], [8, 4]] as const)) {
    case 0: return { lo: randomFloatBits(rng, 8, 23).lo, hi: 0xffffffff };
    case 1: return randomFloatBits(rng, 11, 52);
    case 2: return rng.chance(0.5) ? { lo: 0x7fc00000, hi: 0xffffffff } : { lo: 0, hi: 0x7ff80000 };
    case 3: {
      // a single that is not properly NaN-boxed: reads as the canonical NaN
      const hi = rng.pick([0, 0xfffffffe, 0x7fffffff, 0xffff0000, rng.u32()]);
      return { lo: randomFloatBits(rng, 8, 23).lo, hi: hi >>> 0 };
    }
    default: return { lo: rng.u32(), hi: rng.u32() };
  }
}

/** fcsr: a valid rounding mode (RNE half the time) and mostly clear flags. */
function randomFcsr(rng: Rng): number {
  const frm = rng.chance(0.5) ? 0 : rng.below(5);
  const fflags = rng.chance(0.7) ? 0 : rng.below(32);
  return (frm << 5) | fflags;
}

/** The harness's window address (fixed in its static binary), for the value-divergence matchers. */
const WINDOW_BASE = { addr: 0 };

function randomState(rng: Rng, d: CaseDraft, h: HarnessInfo): void {
  WINDOW_BASE.addr = h.windowAddr;
  const s = d.state;
  for (let n = 1; n < 32; n++) setX(s, n, randomInt64(rng));
  // sp: often a plausible stack address in the window
  if (rng.chance(0.5)) setX(s, 2, u64FromNumber(h.windowAddr + 16 * rng.below(WINDOW_SIZE / 16)));
  for (let n = 0; n < 32; n++) {
    const v = randomFpReg(rng);
    s.setUint32(OFF_F + 8 * n, v.lo, true);
    s.setUint32(OFF_F + 8 * n + 4, v.hi, true);
  }
  s.setUint32(OFF_FCSR, randomFcsr(rng), true);
  s.setUint32(OFF_SCRATCH, 31, true);
  for (let i = 0; i < WINDOW_SIZE; i += 4) s.setUint32(OFF_MEM + i, rng.u32(), true);
}

// ---- constraints ----

/** The 32-bit instruction a pattern runs as (a C form's expansion). */
const baseName = (name: string): string => COMPRESSED_BY_NAME.get(name)?.to.name ?? name;

const LOAD_STORE_SIZE: Readonly<Record<string, number>> = {
  LB: 1, LBU: 1, LH: 2, LHU: 2, LW: 4, LWU: 4, LD: 8, SB: 1, SH: 2, SW: 4, SD: 8, FLW: 4, FLD: 8, FSW: 4, FSD: 8,
};
const AMO_RE = /^(LR|SC|AMO[A-Z]+)_([WD])$/;

/** Patterns that access memory through rs1: memPlan knows them all (checked by a test). */
export function memPlan(name: string, f: Fields): { base: number; offset: number; span: number; align: number } | null {
  const base = baseName(name);
  const size = LOAD_STORE_SIZE[base];
  if (size) return { base: f.rs1, offset: f.imm, span: size, align: 1 };
  const amo = AMO_RE.exec(base);
  if (amo) {
    const bytes = amo[2] === 'W' ? 4 : 8;
    return { base: f.rs1, offset: 0, span: bytes, align: bytes };
  }
  return null;
}

/** Words the harness runs per case (tests/difftest/riscv64/run-case.S), then its two exits. */
const SLOT_WORDS = 4;
/** The "taken" landing pad: after the slot words and the fall-through jump. */
const takenPad = (h: HarnessInfo): number => h.slotAddr + 4 * SLOT_WORDS + 4;

const BRANCH_IMM = new Set(['BEQ', 'BNE', 'BLT', 'BGE', 'BLTU', 'BGEU', 'JAL']);
const REG_KEYS = ['rd', 'rs1', 'rs2', 'rs3'];

function constrain(rng: Rng, d: CaseDraft, h: HarnessInfo): string | null {
  const f = d.fields;
  const base = baseName(d.name);
  if (BRANCH_IMM.has(base)) {
    f.imm = takenPad(h) - d.pc;
  } else if (base === 'JALR') {
    if (f.rs1 === 0) return 'jump through x0';
    setX(d.state, f.rs1, u64FromNumber(takenPad(h) - f.imm));
  } else {
    const plan = memPlan(d.name, f);
    if (plan) {
      if (plan.base === 0) return 'base register is x0';
      const slots = Math.floor((WINDOW_SIZE - plan.span) / plan.align) + 1;
      const ea = h.windowAddr + plan.align * rng.below(slots);
      setX(d.state, plan.base, u64FromNumber(ea - plan.offset));
      const sc = /^SC_([WD])$/.exec(base);
      if (sc) {
        // a reservation: usually of this address and width (SC succeeds unless memory changed), else elsewhere or none
        const r = rng.weighted([[60, 0], [15, 1], [10, 2], [15, 3]] as const);
        const at = r === 1 ? h.windowAddr + 8 * rng.below(WINDOW_SIZE / 8) : ea;
        const dword = r === 2 ? sc[1] !== 'D' : sc[1] === 'D';
        if (r !== 3) d.state.setBigUint64(OFF_RESERVE, BigInt(at + (dword ? 1 : 0)), true);
      }
    }
  }
  // the scratch register the harness saves the others through: one the instruction does not name
  const named = new Set(REG_KEYS.filter((k) => k in f).map((k) => f[k]));
  const free = Array.from({ length: 31 }, (_, i) => i + 1).filter((n) => !named.has(n));
  d.state.setUint32(OFF_SCRATCH, rng.pick(free), true);
  return null;
}

// ---- what is left out ----

const CYCLE = 0xc00, INSTRET = 0xc02;

export const RISCV64_EXCLUSIONS: readonly Exclusion[] = [
  { pattern: 'ECALL', kind: 'untestable', reason: 'a system call: the kernel emulation is tested on its own (tests/syscalls)' },
  {
    pattern: 'EBREAK', kind: 'untestable',
    reason: 'always raises SIGTRAP; tsqemu does not deliver guest signals yet, so each case would end the harness',
  },
  {
    pattern: 'C.EBREAK', kind: 'untestable',
    reason: 'always raises SIGTRAP; tsqemu does not deliver guest signals yet, so each case would end the harness',
  },
  {
    pattern: 'CSRR*', when: (f) => f.csr >= CYCLE && f.csr <= INSTRET, kind: 'untestable',
    reason: 'cycle, time and instret are free-running counters: no two reads agree',
  },
];

const ctz32 = (v: number): number => (v === 0 ? 32 : 31 - Math.clz32(v & -v));

/** qemu departures that only some values show (see ValueDivergence). */
export const RISCV64_VALUE_DIVERGENCES: readonly ValueDivergence[] = [
  {
    pattern: 'CTZW',
    reason: 'qemu 7.2 computes ctzw as a 64-bit count (it does not set bit 32 first): when the low 32 bits of rs1 are zero it ' +
      'returns 32 plus the trailing zeros of the upper half (64 for zero); the Zbb spec (and tsqemu) return 32',
    matches: (f, initial, ref, test, differing) => {
      if (f.rd === 0 || differing.length !== 1 || differing[0] !== `x${f.rd}`) return false;
      const x = (b: Uint8Array, n: number): bigint => getX(new DataView(b.buffer, b.byteOffset, b.byteLength), n);
      const src = x(initial, f.rs1);
      if ((src & 0xffffffffn) !== 0n) return false;
      const hi = Number(src >> 32n);
      return x(test, f.rd) === 32n && x(ref, f.rd) === BigInt(32 + ctz32(hi));
    },
  },
  {
    pattern: 'SC_W',
    reason: 'after LR.D, qemu 7.2 lets SC.W to the same address store (its compare-and-swap compares only the low word of the ' +
      'value LR.D loaded) but then reports failure (rd = 1: it compares the sign-extended word with the whole doubleword); ' +
      'the spec pairs a store with rd = 0 and no store with rd != 0. tsqemu fails the SC.W (the reservation was for a doubleword) ' +
      'and does not store',
    matches: (f, initial, ref, test, differing) => {
      const dv = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);
      const ea = Number(getX(dv(initial), f.rs1));
      if (dv(initial).getBigUint64(OFF_RESERVE, true) !== BigInt(ea + 1)) return false;
      if (differing.length === 0 || !differing.every((n) => n.startsWith('mem['))) return false;
      if (f.rd !== 0 && (getX(dv(ref), f.rd) !== 1n || getX(dv(test), f.rd) !== 1n)) return false;
      const at = OFF_MEM + ea - WINDOW_BASE.addr;
      if (at < OFF_MEM || at + 4 > OFF_MEM + WINDOW_SIZE) return false;
      const word = (b: Uint8Array): number => dv(b).getUint32(at, true);
      const stored = Number(getX(dv(initial), f.rs2) & 0xffffffffn);
      return word(ref) === stored && word(test) === word(initial);
    },
  },
];

// ---- formatting ----

const hex = (v: number, digits: number): string => v.toString(16).padStart(digits, '0');

function formatField(field: StateField, b: Uint8Array): string {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (field.size === 8) return `0x${hex(dv.getUint32(4, true), 8)}${hex(dv.getUint32(0, true), 8)}`;
  if (field.name === 'fcsr') {
    const v = dv.getUint32(0, true);
    const flags = ['NV', 'DZ', 'OF', 'UF', 'NX'].filter((_, i) => (v >> (4 - i)) & 1).join(',');
    return `0x${hex(v, 2)} (frm=${(v >> 5) & 7}${flags ? ` ${flags}` : ''})`;
  }
  if (field.size === 4) return `0x${hex(dv.getUint32(0, true), 8)}`;
  return Array.from(b, (x) => hex(x, 2)).join('');
}

function operandFields(_name: string, f: Fields): string[] {
  const out = new Set<string>();
  for (const k of REG_KEYS) {
    if (!(k in f)) continue;
    if (f[k] !== 0) out.add(`x${f[k]}`);
    out.add(`f${f[k]}`);
  }
  out.add('fcsr');
  return [...out];
}

export const riscv64Difftest: DifftestIsa = {
  arch: 'riscv64',
  machine: 243,
  defs: [...ALL_INSNS, ...COMPRESSED_DEFS],
  decode,
  widthOf: (def) => (isCompressed(def) ? 16 : 32),
  fieldsOf,
  encode,
  stateSize: STATE_SIZE,
  stateFields,
  slotWords: SLOT_WORDS,
  nop: 0x00000013,
  // riscv64 has no condition flags: nothing to run first
  prefixes: [],
  harness: 'tests/difftest/riscv64/harness',
  qemu: { command: 'qemu-riscv64', args: [] },
  tsqemu: { command: process.execPath, args: ['bin/tsqemu-riscv64.js'] },
  exclusions: RISCV64_EXCLUSIONS,
  valueDivergences: RISCV64_VALUE_DIVERGENCES,
  randomState,
  constrain,
  operandFields,
  formatField,
  objdump: { command: 'riscv64-linux-gnu-objdump', args: ['-D', '-b', 'binary', '-m', 'riscv:rv64'] },
};
