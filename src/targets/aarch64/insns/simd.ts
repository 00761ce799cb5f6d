// Advanced SIMD (NEON): the instruction groups live in simd-*.ts; this module gathers
// their patterns and runtime helpers for the decoder.
import { defineInsns } from '../insn-def.js';
import * as perm from './simd-perm.js';

export const insns = defineInsns([...perm.insns]);

export const runtime = { ...perm.runtime };
