// RV64D: double-precision floating point (emitters in fp.ts), and the conversions
// between single and double.
import { convertInsns, Fmt, formatInsns, memoryInsns, moveInsns } from './fp.js';

export const insns = [...memoryInsns(Fmt.D), ...formatInsns(Fmt.D), ...moveInsns(Fmt.D), ...convertInsns];

export const runtime = {};
