// The riscv64 decoder: 32-bit encodings from the table in insns/*.ts, bucketed by the
// major opcode (bits 6..0); 16-bit (C) encodings expand to the fields of their 32-bit
// equivalents and decode to the same definitions.
import { extractFields, matches, parsePattern, type Fields, type Pattern } from '../common/decode-pattern.js';
import { formatImm, type InsnDef } from './insn-def.js';
import { ALL_INSNS } from './insns/index.js';
import { expandCompressed } from './insns/rvc.js';

export interface Decoded {
  readonly def: InsnDef;
  readonly fields: Fields;
  /** The compressed form's name (e.g. "C.ADDI") for 16-bit encodings. */
  readonly compressed?: string;
}

interface Entry {
  readonly def: InsnDef;
  readonly pattern: Pattern;
}

function buildBuckets(defs: readonly InsnDef[]): Entry[][] {
  const buckets: Entry[][] = Array.from({ length: 128 }, () => []);
  for (const def of defs) {
    const pattern = parsePattern(def.pattern);
    if ((pattern.mask & 0x7f) !== 0x7f) throw new Error(`${def.name}: the major opcode must be fixed`);
    buckets[pattern.value & 0x7f].push({ def, pattern });
  }
  return buckets;
}

const buckets = buildBuckets(ALL_INSNS);
const byName = new Map(ALL_INSNS.map((d) => [d.name, d]));

/** The definition named `name` (for the C expansions and tests). */
export function insnDef(name: string): InsnDef {
  const def = byName.get(name);
  if (!def) throw new Error(`no instruction ${name}`);
  return def;
}

/** The first 32-bit pattern matching `word`, or null for an illegal/unimplemented encoding. */
export function decodeWord(word: number): Decoded | null {
  for (const { def, pattern } of buckets[word & 0x7f]) {
    if (!matches(pattern, word)) continue;
    let fields = extractFields(pattern, word);
    if (def.format) fields = { ...fields, imm: formatImm(def.format, word) };
    if (def.when && !def.when(fields)) continue;
    return { def, fields };
  }
  return null;
}

/** A 16-bit encoding (low bits not 11), or null for an illegal/reserved one. */
export function decodeHalf(h: number): Decoded | null {
  const c = expandCompressed(h);
  if (!c) return null;
  const def = insnDef(c.def.to);
  if (def.when && !def.when(c.fields)) return null;
  return { def, fields: c.fields, compressed: c.def.name };
}

/** Whether a halfword starts a 32-bit instruction (else it is a 16-bit one). */
export const isWide = (h: number): boolean => (h & 3) === 3;
