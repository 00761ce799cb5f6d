// (being written)
import { defineInsns } from '../insn-def.js';

export const insns = defineInsns([]);

export const runtime = {};
