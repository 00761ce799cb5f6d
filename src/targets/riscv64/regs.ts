// Register operands for riscv64 emitters: x0 reads as 0 and writes to it are dropped;
// every slot holds an int32; 32-bit (*W) results are sign-extended into the high half.
import type { Emitter } from '../../translate/emitter.js';
import { xSlot } from './state.js';

/** Low 32 bits of xN. */
export const lo = (e: Emitter, n: number): string => (n === 0 ? '0' : e.slot(xSlot(n)));
/** High 32 bits of xN. */
export const hi = (e: Emitter, n: number): string => (n === 0 ? '0' : e.slot(xSlot(n) + 1));

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\w$]/.test(c);

/** Whether `expr` reads the local or state slot named `name` (as a whole token). */
function reads(expr: string, name: string): boolean {
  for (let i = expr.indexOf(name); i >= 0; i = expr.indexOf(name, i + 1)) {
    if (!isWordChar(expr[i - 1]) && (name.endsWith(']') || !isWordChar(expr[i + name.length]))) return true;
  }
  return false;
}

/**
 * xN = (lo, hi); both expressions see the old register values. The halves are written in
 * an order where neither clobbers an input of the other, through a temp only when each
 * reads the other's slot.
 */
export function setX(e: Emitter, n: number, loExpr: string, hiExpr: string): string {
  if (n === 0) return '';
  const s = xSlot(n);
  const loName = e.slot(s), hiName = e.slot(s + 1);
  const setLo = (expr: string): string => (expr === loName ? '' : e.assign(s, expr));
  const setHi = (expr: string): string => (expr === hiName ? '' : e.assign(s + 1, expr));
  if (!reads(loExpr, hiName)) return `${setHi(hiExpr)} ${setLo(loExpr)}`.trim();
  if (!reads(hiExpr, loName)) return `${setLo(loExpr)} ${setHi(hiExpr)}`.trim();
  const t = e.tmp();
  return `${t} = ${loExpr}; ${setHi(hiExpr)} ${e.assign(s, t)}`;
}

/** xN = sign-extended int32 expression: one int32 op and a shift. */
export function setW(e: Emitter, n: number, expr: string): string {
  if (n === 0) return '';
  const s = xSlot(n);
  if (/^-?\d+$/.test(expr)) return `${e.assign(s, String(Number(expr) | 0))} ${e.assign(s + 1, (Number(expr) | 0) < 0 ? '-1' : '0')}`;
  return `${e.assign(s, `${expr} | 0`)} ${e.assign(s + 1, `${e.slot(s)} >> 31`)}`;
}

/** xN = a 64-bit constant given as a JS number (an integer within ±2^53, or any int32 pair). */
export function setConst(e: Emitter, n: number, value: number): string {
  const l = value | 0;
  const h = Math.floor(value / 4294967296) | 0;
  return setX(e, n, String(l), String(h));
}

const X_NAMES = [
  'zero', 'ra', 'sp', 'gp', 'tp', 't0', 't1', 't2', 's0', 's1', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5',
  'a6', 'a7', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 't3', 't4', 't5', 't6',
];
const F_NAMES = [
  'ft0', 'ft1', 'ft2', 'ft3', 'ft4', 'ft5', 'ft6', 'ft7', 'fs0', 'fs1', 'fa0', 'fa1', 'fa2', 'fa3', 'fa4', 'fa5',
  'fa6', 'fa7', 'fs2', 'fs3', 'fs4', 'fs5', 'fs6', 'fs7', 'fs8', 'fs9', 'fs10', 'fs11', 'ft8', 'ft9', 'ft10', 'ft11',
];
/** ABI name of xN, as objdump prints it. */
export const xName = (n: number): string => X_NAMES[n];
/** ABI name of fN. */
export const fName = (n: number): string => F_NAMES[n];
export const hex = (v: number): string => (v < 0 ? `-0x${(-v).toString(16)}` : `0x${v.toString(16)}`);
