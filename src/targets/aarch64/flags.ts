// Lazy NZCV. A flag-setting instruction records what it computed (op and operands) in
// state slots; readers derive the condition they need. When the setter is in the same
// block its op is known at translate time and a condition becomes one JS comparison
// (CMP + B.cond fuse); otherwise the runtime helper evaluates it.
import type { Emitter } from '../../translate/emitter.js';
import { SLOT_FLAG_AH, SLOT_FLAG_AL, SLOT_FLAG_BH, SLOT_FLAG_BL, SLOT_FLAG_OP } from './state.js';

export const enum FlagOp {
  /** NZCV materialized in the AL slot, bits 31..28. */
  Nzcv = 0,
  Add32 = 1,
  Sub32 = 2,
  Add64 = 3,
  Sub64 = 4,
  /** N and Z from a 32-bit result in AL; C = V = 0. */
  Logic32 = 5,
  /** N and Z from a 64-bit result in AL/AH; C = V = 0. */
  Logic64 = 6,
}

const KNOWN = 'flags';

/** Records a flag-setting op (expressions are evaluated now, before any register write). */
export function setFlags(e: Emitter, op: FlagOp, al: string, ah = '0', bl = '0', bh = '0'): string {
  e.known.set(KNOWN, op);
  return [
    e.assign(SLOT_FLAG_OP, String(op)),
    e.assign(SLOT_FLAG_AL, al),
    e.assign(SLOT_FLAG_AH, ah),
    e.assign(SLOT_FLAG_BL, bl),
    e.assign(SLOT_FLAG_BH, bh),
  ].join(' ');
}

/** Sets NZCV from a 4-bit expression (N=8, Z=4, C=2, V=1). */
export function setNzcv(e: Emitter, nzcv4: string): string {
  return setFlags(e, FlagOp.Nzcv, `(${nzcv4}) << 28`);
}

/** NZCV as a 4-bit expression. */
export function nzcv(e: Emitter): string {
  return `H.nzcv(${flagArgs(e)})`;
}

/** The C flag as 0/1. */
export function carry(e: Emitter): string {
  const op = e.known.get(KNOWN);
  const [al, ah, bl, bh] = operandSlots(e);
  if (op === FlagOp.Sub64) return `(${uge64(al, ah, bl, bh)} ? 1 : 0)`;
  if (op === FlagOp.Sub32) return `((${al} >>> 0) >= (${bl} >>> 0) ? 1 : 0)`;
  return `((${nzcv(e)} >>> 1) & 1)`;
}

function flagArgs(e: Emitter): string {
  return [SLOT_FLAG_OP, SLOT_FLAG_AL, SLOT_FLAG_AH, SLOT_FLAG_BL, SLOT_FLAG_BH].map((i) => e.slot(i)).join(', ');
}

function operandSlots(e: Emitter): [string, string, string, string] {
  return [e.slot(SLOT_FLAG_AL), e.slot(SLOT_FLAG_AH), e.slot(SLOT_FLAG_BL), e.slot(SLOT_FLAG_BH)];
}

const ugt64 = (al: string, ah: string, bl: string, bh: string): string =>
  `((${ah} >>> 0) > (${bh} >>> 0) || (${ah} === ${bh} && (${al} >>> 0) > (${bl} >>> 0)))`;
const uge64 = (al: string, ah: string, bl: string, bh: string): string =>
  `((${ah} >>> 0) > (${bh} >>> 0) || (${ah} === ${bh} && (${al} >>> 0) >= (${bl} >>> 0)))`;
const sgt64 = (al: string, ah: string, bl: string, bh: string): string =>
  `(${ah} > ${bh} || (${ah} === ${bh} && (${al} >>> 0) > (${bl} >>> 0)))`;
const sge64 = (al: string, ah: string, bl: string, bh: string): string =>
  `(${ah} > ${bh} || (${ah} === ${bh} && (${al} >>> 0) >= (${bl} >>> 0)))`;

/** Conditions as [base condition for even codes]; odd codes (except 15) negate. */
function knownCondition(op: number | undefined, c: number, s: [string, string, string, string]): string | null {
  const [al, ah, bl, bh] = s;
  const base = c >> 1;
  if (op === FlagOp.Sub64) {
    switch (base) {
      case 0: return `(${al} === ${bl} && ${ah} === ${bh})`; // EQ
      case 1: return uge64(al, ah, bl, bh); // CS
      case 4: return ugt64(al, ah, bl, bh); // HI
      case 5: return sge64(al, ah, bl, bh); // GE
      case 6: return sgt64(al, ah, bl, bh); // GT
    }
  } else if (op === FlagOp.Sub32) {
    switch (base) {
      case 0: return `(${al} === ${bl})`;
      case 1: return `((${al} >>> 0) >= (${bl} >>> 0))`;
      case 4: return `((${al} >>> 0) > (${bl} >>> 0))`;
      case 5: return `(${al} >= ${bl})`;
      case 6: return `(${al} > ${bl})`;
    }
  } else if (op === FlagOp.Logic32) {
    switch (base) {
      case 0: return `(${al} === 0)`;
      case 1: return 'false';
      case 2: return `(${al} < 0)`; // MI
      case 3: return 'false'; // VS
      case 4: return 'false';
      case 5: return `(${al} >= 0)`;
      case 6: return `(${al} > 0)`;
    }
  } else if (op === FlagOp.Logic64) {
    switch (base) {
      case 0: return `(${al} === 0 && ${ah} === 0)`;
      case 1: return 'false';
      case 2: return `(${ah} < 0)`;
      case 3: return 'false';
      case 4: return 'false';
      case 5: return `(${ah} >= 0)`;
      case 6: return `(${ah} > 0 || (${ah} === 0 && ${al} !== 0))`;
    }
  }
  return null;
}

/** A JS boolean expression for condition code `c` (0..15). */
export function condition(e: Emitter, c: number): string {
  if (c >= 14) return 'true';
  const known = knownCondition(e.known.get(KNOWN), c, operandSlots(e));
  if (known !== null) return c & 1 ? `!${known}` : known;
  return `H.condHolds(${c}, ${nzcv(e)})`;
}

export const CONDITION_NAMES = ['eq', 'ne', 'cs', 'cc', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge', 'lt', 'gt', 'le', 'al', 'nv'];

// ---- runtime helpers (called from generated code as H.nzcv / H.condHolds) ----

/** NZCV (N=8, Z=4, C=2, V=1) of a recorded flag op. */
export function nzcvOf(op: number, al: number, ah: number, bl: number, bh: number): number {
  switch (op) {
    case FlagOp.Nzcv:
      return (al >>> 28) & 15;
    case FlagOp.Add32:
    case FlagOp.Sub32: {
      const sub = op === FlagOp.Sub32;
      const r = sub ? (al - bl) | 0 : (al + bl) | 0;
      const c = sub ? al >>> 0 >= bl >>> 0 : (al >>> 0) + (bl >>> 0) > 0xffffffff;
      const v = sub ? ((al ^ bl) & (al ^ r)) < 0 : (~(al ^ bl) & (al ^ r)) < 0;
      return (r < 0 ? 8 : 0) | (r === 0 ? 4 : 0) | (c ? 2 : 0) | (v ? 1 : 0);
    }
    case FlagOp.Add64:
    case FlagOp.Sub64: {
      const sub = op === FlagOp.Sub64;
      let rl: number, rh: number, c: boolean;
      if (sub) {
        rl = (al - bl) | 0;
        const borrow = al >>> 0 < bl >>> 0 ? 1 : 0;
        rh = (ah - bh - borrow) | 0;
        c = ah >>> 0 > bh >>> 0 || (ah === bh && al >>> 0 >= bl >>> 0);
      } else {
        const s = (al >>> 0) + (bl >>> 0);
        rl = s | 0;
        const hs = (ah >>> 0) + (bh >>> 0) + (s > 0xffffffff ? 1 : 0);
        rh = hs | 0;
        c = hs > 0xffffffff;
      }
      const v = sub ? ((ah ^ bh) & (ah ^ rh)) < 0 : (~(ah ^ bh) & (ah ^ rh)) < 0;
      return (rh < 0 ? 8 : 0) | (rl === 0 && rh === 0 ? 4 : 0) | (c ? 2 : 0) | (v ? 1 : 0);
    }
    case FlagOp.Logic32:
      return (al < 0 ? 8 : 0) | (al === 0 ? 4 : 0);
    case FlagOp.Logic64:
      return (ah < 0 ? 8 : 0) | (al === 0 && ah === 0 ? 4 : 0);
  }
  throw new Error(`bad flag op ${op}`);
}

/** Whether condition `c` holds for `flags` (N=8, Z=4, C=2, V=1). */
export function condHolds(c: number, flags: number): boolean {
  const n = (flags >> 3) & 1, z = (flags >> 2) & 1, cf = (flags >> 1) & 1, v = flags & 1;
  let r: boolean;
  switch (c >> 1) {
    case 0: r = z === 1; break;
    case 1: r = cf === 1; break;
    case 2: r = n === 1; break;
    case 3: r = v === 1; break;
    case 4: r = cf === 1 && z === 0; break;
    case 5: r = n === v; break;
    case 6: r = z === 0 && n === v; break;
    default: return true;
  }
  return c & 1 ? !r : r;
}

export const flagsRuntime = { nzcv: nzcvOf, condHolds };
