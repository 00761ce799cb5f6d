// Shared integer building blocks for the data-processing emitters.
export { add64, sub64, type Pair } from '../../translate/int64-emit.js';
import type { Emitter } from '../../translate/emitter.js';
import { add64, sub64, type Pair } from '../../translate/int64-emit.js';
import { FlagOp, setFlags } from './flags.js';
import { isSimple } from './bitmask.js';
import { setReg, setWSp, setXSp } from './regs.js';

export interface AddSub {
  sf: number;
  sub: boolean;
  setFlags: boolean;
  rd: number;
  /** Whether rd=31 means SP (ADD/SUB immediate and extended without S) rather than XZR. */
  rdIsSp: boolean;
  a: Pair;
  b: Pair;
}

/** ADD/SUB/ADDS/SUBS (and so CMP/CMN) of two operands. */
export function addSub(e: Emitter, op: AddSub): string {
  const { a, b } = op;
  const parts: string[] = [];
  let lo: string;
  let hi = '0';
  if (op.sf) {
    const r = op.sub ? sub64(e, a, b) : add64(e, a, b);
    parts.push(r.code);
    lo = r.lo;
    hi = r.hi;
  } else {
    lo = e.tmp();
    parts.push(`${lo} = (${a.lo} ${op.sub ? '-' : '+'} ${b.lo}) | 0;`);
  }
  if (op.setFlags) {
    const kind = op.sf ? (op.sub ? FlagOp.Sub64 : FlagOp.Add64) : op.sub ? FlagOp.Sub32 : FlagOp.Add32;
    parts.push(op.sf ? setFlags(e, kind, a.lo, a.hi, b.lo, b.hi) : setFlags(e, kind, a.lo, '0', b.lo, '0'));
  }
  if (op.rdIsSp && !op.setFlags) {
    parts.push(op.sf ? setXSp(e, op.rd, lo, hi) : setWSp(e, op.rd, lo));
  } else {
    parts.push(setReg(e, op.sf, op.rd, lo, hi));
  }
  return parts.join(' ');
}

/** Copies the halves of a pair that are not plain locals/literals into temps (so they can be repeated). */
export function simplePair(e: Emitter, x: Pair, code: string[]): Pair {
  const local = (expr: string): string => {
    if (isSimple(expr)) return expr;
    const t = e.tmp();
    code.push(`${t} = ${expr};`);
    return t;
  };
  return { lo: local(x.lo), hi: local(x.hi) };
}
