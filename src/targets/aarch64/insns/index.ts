// The whole A64 table, in decode priority order (earlier groups win on overlap).
import type { InsnDef } from '../insn-def.js';
import * as branch from './branch.js';
import * as dpImm from './dp-imm.js';
import * as dpReg from './dp-reg.js';
import * as flagm from './flagm.js';
import * as fp from './fp.js';
import * as ldst from './ldst.js';
import * as simd from './simd.js';
import * as system from './system.js';

const GROUPS = [branch, system, flagm, dpImm, dpReg, ldst, fp, simd];

export const ALL_INSNS: readonly InsnDef[] = GROUPS.flatMap((g) => g.insns);

/** Helpers generated code calls as H.<name>, from every group. */
export const GROUP_RUNTIME: Readonly<Record<string, unknown>> = Object.assign({}, ...GROUPS.map((g) => g.runtime));
