// Register operands for aarch64 emitters. Register 31 is XZR/WZR or SP depending on the
// instruction: the plain helpers treat it as the zero register, the *Sp ones as SP.
// Every slot holds an int32; W results clear the high half.
import type { Emitter } from '../../translate/emitter.js';

/** Low 32 bits of Xn (XZR for 31). */
export const lo = (e: Emitter, n: number): string => (n === 31 ? '0' : e.slot(2 * n));
/** High 32 bits of Xn (XZR for 31). */
export const hi = (e: Emitter, n: number): string => (n === 31 ? '0' : e.slot(2 * n + 1));
/** Low 32 bits of Xn or SP. */
export const loSp = (e: Emitter, n: number): string => e.slot(2 * n);
/** High 32 bits of Xn or SP. */
export const hiSp = (e: Emitter, n: number): string => e.slot(2 * n + 1);

/** Xn = (lo, hi); writes to XZR are dropped. Both expressions see the old register values. */
export function setX(e: Emitter, n: number, loExpr: string, hiExpr: string): string {
  return n === 31 ? '' : setXSp(e, n, loExpr, hiExpr);
}

/** Xn|SP = (lo, hi). */
export function setXSp(e: Emitter, n: number, loExpr: string, hiExpr: string): string {
  // A constant or a temp cannot change when the high half is written first.
  if (/^(-?\d+|t\d+)$/.test(loExpr)) return `${e.assign(2 * n + 1, hiExpr)} ${e.assign(2 * n, loExpr)}`;
  const t = e.tmp();
  return `${t} = ${loExpr}; ${e.assign(2 * n + 1, hiExpr)} ${e.assign(2 * n, t)}`;
}

/** Wn = expr (an int32 expression), clearing the high half; writes to WZR are dropped. */
export function setW(e: Emitter, n: number, expr: string): string {
  return n === 31 ? '' : setWSp(e, n, expr);
}

/** Wn|WSP = expr. */
export function setWSp(e: Emitter, n: number, expr: string): string {
  return `${e.assign(2 * n, `${expr} | 0`)} ${e.assign(2 * n + 1, '0')}`;
}

/** Sets Xn (sf=1) or Wn (sf=0) from a 64-bit result. */
export function setReg(e: Emitter, sf: number, n: number, loExpr: string, hiExpr: string): string {
  return sf ? setX(e, n, loExpr, hiExpr) : setW(e, n, loExpr);
}

export const xName = (n: number): string => (n === 31 ? 'xzr' : `x${n}`);
export const wName = (n: number): string => (n === 31 ? 'wzr' : `w${n}`);
export const xSpName = (n: number): string => (n === 31 ? 'sp' : `x${n}`);
export const wSpName = (n: number): string => (n === 31 ? 'wsp' : `w${n}`);
/** Register name for sf (1: X, 0: W). */
export const rName = (sf: number, n: number): string => (sf ? xName(n) : wName(n));
export const rSpName = (sf: number, n: number): string => (sf ? xSpName(n) : wSpName(n));
export const hex = (v: number): string => (v < 0 ? `-0x${(-v).toString(16)}` : `0x${v.toString(16)}`);
/** A code or data address as objdump prints a PC-relative target: bare hex. */
export const address = (v: number): string => v.toString(16);
