// RV64F: single-precision floating point (emitters in fp.ts).
import { Fmt, formatInsns, memoryInsns, moveInsns } from './fp.js';

export const insns = [...memoryInsns(Fmt.S), ...formatInsns(Fmt.S), ...moveInsns(Fmt.S)];

export const runtime = {};
