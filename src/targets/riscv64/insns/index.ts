// The whole RV64GC (+ Zba, Zbb, Zbc, Zbs) table, in decode priority order (earlier
// groups win on overlap; the encodings of these extensions do not overlap).
import type { InsnDef } from '../insn-def.js';
import * as rv64a from './rv64a.js';
import * as rv64d from './rv64d.js';
import * as rv64f from './rv64f.js';
import * as rv64i from './rv64i.js';
import * as rv64m from './rv64m.js';
import * as zba from './zba.js';
import * as zbb from './zbb.js';
import * as zbc from './zbc.js';
import * as zbs from './zbs.js';
import * as zicsr from './zicsr.js';
import * as zifencei from './zifencei.js';

const GROUPS = [rv64i, rv64m, rv64a, rv64f, rv64d, zicsr, zifencei, zba, zbb, zbc, zbs];

export const ALL_INSNS: readonly InsnDef[] = GROUPS.flatMap((g) => g.insns);

/** Helpers generated code calls as H.<name>, from every group. */
export const GROUP_RUNTIME: Readonly<Record<string, unknown>> = Object.assign({}, ...GROUPS.map((g) => g.runtime));
