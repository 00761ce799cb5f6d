// The aarch64 decoder: every pattern of insns/*.ts in one table, bucketed by the
// top-level op0 field (bits 28..25) so a lookup scans only plausible patterns.
import { extractFields, matches, parsePattern, type Fields, type Pattern } from '../common/decode-pattern.js';
import type { InsnDef } from './insn-def.js';
import { ALL_INSNS } from './insns/index.js';

export interface Decoded {
  readonly def: InsnDef;
  readonly fields: Fields;
}

interface Entry {
  readonly def: InsnDef;
  readonly pattern: Pattern;
}

const OP0_SHIFT = 25;
const OP0_MASK = 0xf;

function buildBuckets(defs: readonly InsnDef[]): Entry[][] {
  const buckets: Entry[][] = Array.from({ length: 16 }, () => []);
  for (const def of defs) {
    const pattern = parsePattern(def.pattern);
    const m = (pattern.mask >>> OP0_SHIFT) & OP0_MASK;
    const v = (pattern.value >>> OP0_SHIFT) & OP0_MASK;
    for (let op0 = 0; op0 < 16; op0++) if ((op0 & m) === v) buckets[op0].push({ def, pattern });
  }
  return buckets;
}

const buckets = buildBuckets(ALL_INSNS);

/** The first pattern matching `word`, or null for an unallocated/unimplemented encoding. */
export function decodeWord(word: number): Decoded | null {
  for (const { def, pattern } of buckets[(word >>> OP0_SHIFT) & OP0_MASK]) {
    if (!matches(pattern, word)) continue;
    const fields = extractFields(pattern, word);
    if (def.when && !def.when(fields)) continue;
    return { def, fields };
  }
  return null;
}
