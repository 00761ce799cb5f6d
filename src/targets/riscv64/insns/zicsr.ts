// Zicsr: the CSR instructions on the CSRs user mode can reach: fflags, frm and fcsr
// (read/write) and the cycle, time and instret counters (read-only). Any other CSR, or a
// write to a read-only one, is an illegal instruction.
import type { Emitter } from '../../../translate/emitter.js';
import { hi as hiResult } from '../../../translate/int64.js';
import type { Fields } from '../../common/decode-pattern.js';
import type { InsnDef } from '../insn-def.js';
import { lo, setX, xName } from '../regs.js';
import { SLOT_FFLAGS, SLOT_FRM } from '../state.js';

/** Frequency of the time CSR (the timebase of qemu's and most boards' device trees). */
export const TIME_HZ = 10_000_000;

interface Csr {
  name: string;
  /** Code leaving the value in lo (and hi, a JS expression, for 64-bit counters). */
  read: (e: Emitter, lo: string) => { code: string; hi: string };
  write?: (e: Emitter, v: string) => string;
}

const FFLAGS = 0x001, FRM = 0x002, FCSR = 0x003, CYCLE = 0xc00, TIME = 0xc01, INSTRET = 0xc02;

const counter = (fn: string) => (_e: Emitter, l: string) => ({ code: `${l} = H.${fn}();`, hi: 'H.hi[0]' });

const CSRS = new Map<number, Csr>([
  [FFLAGS, {
    name: 'fflags',
    read: (e, l) => ({ code: `${l} = ${e.slot(SLOT_FFLAGS)};`, hi: '0' }),
    write: (e, v) => e.assign(SLOT_FFLAGS, `${v} & 31`),
  }],
  [FRM, {
    name: 'frm',
    read: (e, l) => ({ code: `${l} = ${e.slot(SLOT_FRM)};`, hi: '0' }),
    write: (e, v) => e.assign(SLOT_FRM, `${v} & 7`),
  }],
  [FCSR, {
    name: 'fcsr',
    read: (e, l) => ({ code: `${l} = (${e.slot(SLOT_FRM)} << 5) | ${e.slot(SLOT_FFLAGS)};`, hi: '0' }),
    write: (e, v) => `${e.assign(SLOT_FFLAGS, `${v} & 31`)} ${e.assign(SLOT_FRM, `(${v} >> 5) & 7`)}`,
  }],
  [CYCLE, { name: 'cycle', read: counter('rvCycles') }],
  [TIME, { name: 'time', read: counter('rvTime') }],
  [INSTRET, { name: 'instret', read: counter('rvCycles') }],
]);

const csrName = (csr: number): string => CSRS.get(csr)?.name ?? `0x${csr.toString(16)}`;

/** op 1: CSRRW, 2: CSRRS, 3: CSRRC; imm: the rs1 field is a 5-bit immediate. */
function valid(f: Fields, op: number): boolean {
  const csr = CSRS.get(f.csr);
  if (!csr) return false;
  const writes = op === 1 || f.rs1 !== 0;
  return !writes || csr.write !== undefined;
}

function emitCsr(f: Fields, e: Emitter, op: number, imm: boolean): string {
  const csr = CSRS.get(f.csr)!;
  const old = e.tmp();
  const read = csr.read(e, old);
  const parts = [read.code];
  let oldHi = read.hi;
  if (oldHi !== '0') {
    const h = e.tmp();
    parts.push(`${h} = ${oldHi};`);
    oldHi = h;
  }
  const src = imm ? String(f.rs1) : lo(e, f.rs1);
  if (op === 1 || f.rs1 !== 0) {
    const v = e.tmp();
    parts.push(`${v} = ${op === 1 ? src : op === 2 ? `${old} | ${src}` : `${old} & ~${src}`};`);
    parts.push(csr.write!(e, v));
  }
  parts.push(setX(e, f.rd, old, oldHi));
  return parts.join(' ');
}

const OP_NAMES = ['', 'csrrw', 'csrrs', 'csrrc'];
const FP_ALIASES: Record<number, string> = { [FFLAGS]: 'flags', [FRM]: 'rm', [FCSR]: 'csr' };

function csrText(f: Fields, op: number, imm: boolean): string {
  const name = csrName(f.csr);
  const src = imm ? String(f.rs1) : xName(f.rs1);
  const fp = FP_ALIASES[f.csr];
  const counter = f.csr >= CYCLE && f.csr <= INSTRET;
  if (op === 2 && f.rs1 === 0) {
    if (fp) return `fr${fp} ${xName(f.rd)}`;
    if (counter) return `rd${name} ${xName(f.rd)}`;
    return `csrr ${xName(f.rd)},${name}`;
  }
  if (op === 1 && fp) {
    // objdump spells out rd for the immediate form only
    const s = `fs${fp}${imm ? 'i' : ''}`;
    return f.rd === 0 && !imm ? `${s} ${src}` : `${s} ${xName(f.rd)},${src}`;
  }
  if (f.rd === 0) return `${['', 'csrw', 'csrs', 'csrc'][op]} ${name},${src}`;
  // objdump names the immediate forms like the register ones (csrrs a0,fflags,3)
  return `${OP_NAMES[op]} ${xName(f.rd)},${name},${src}`;
}

export const insns: readonly InsnDef[] = [1, 2, 3].flatMap((op) =>
  [false, true].map((imm): InsnDef => ({
    name: `${OP_NAMES[op].toUpperCase()}${imm ? 'I' : ''}`,
    pattern: `csr:12 rs1:5 ${imm ? '1' : '0'}${op.toString(2).padStart(2, '0')} rd:5 1110011`,
    when: (f) => valid(f, op),
    emit: (f, e) => emitCsr(f, e, op, imm),
    asm: (f) => csrText(f, op, imm),
  })),
);

// ---- counters ----

const start = process.hrtime();

/** Nanoseconds since start-up as a 64-bit pair (the low half returned, the high half in H.hi[0]). */
function elapsed(scale: number): number {
  const [s, ns] = process.hrtime(start);
  const ticks = Math.floor((s * 1e9 + ns) / scale);
  hiResult[0] = Math.floor(ticks / 4294967296);
  return ticks | 0;
}

export const runtime = {
  /** cycle and instret: a 1 GHz count (no instruction counting is done). */
  rvCycles: (): number => elapsed(1),
  rvTime: (): number => elapsed(1e9 / TIME_HZ),
};

