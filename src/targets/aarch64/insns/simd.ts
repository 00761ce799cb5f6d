// Advanced SIMD (NEON): the instruction groups live in simd-*.ts; this module gathers
// their patterns and runtime helpers for the decoder.
import { defineInsns } from '../insn-def.js';
import * as bf16 from './simd-bf16.js';
import * as complex from './simd-complex.js';
import * as crypto from './simd-crypto.js';
import * as dot from './simd-dot.js';
import * as fp from './simd-fp.js';
import { fpRuntime } from './simd-fp-rt.js';
import * as int from './simd-int.js';
import { intRuntime } from './simd-int-rt.js';
import * as long from './simd-long.js';
import * as perm from './simd-perm.js';

export const insns = defineInsns([...perm.insns, ...int.insns, ...long.insns, ...fp.insns, ...crypto.insns, ...dot.insns, ...bf16.insns, ...complex.insns]);

export const runtime = { ...perm.runtime, ...intRuntime, ...fpRuntime, ...crypto.runtime, ...bf16.runtime, ...complex.runtime };
