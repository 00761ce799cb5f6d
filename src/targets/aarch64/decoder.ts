// The aarch64 decoder: every pattern of insns/*.ts in one table, bucketed by the
// top-level op0 field (bits 28..25) so a lookup scans only plausible patterns. A decoder
// is built per CPU model: patterns of features the model lacks are left out, so their
// encodings decode as undefined (SIGILL), as on that CPU.
import { extractFields, matches, parsePattern, type Fields, type Pattern } from '../common/decode-pattern.js';
import { cpuModel, DEFAULT_CPU, idRegisterInsns } from './cpu-models.js';
import type { Feature } from './features.js';
import type { InsnDef } from './insn-def.js';
import { ALL_INSNS } from './insns/index.js';
import { insns as UNIMPLEMENTED_INSNS } from './insns/unimplemented.js';

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

/** Parsed once: every model's table is a selection of these. */
const PARSED: readonly Entry[] = ALL_INSNS.map((def) => ({ def, pattern: parsePattern(def.pattern) }));

/**
 * Disassembly-only patterns (insns/unimplemented.ts: SVE, MTE, UDF), tried when nothing
 * implemented matches: they give `-d in_asm` objdump's text, and raise SIGILL as an
 * undefined encoding does.
 */
const DISASM_ONLY: readonly Entry[] = UNIMPLEMENTED_INSNS.map((def) => ({ def, pattern: parsePattern(def.pattern) }));

function buildBuckets(entries: readonly Entry[]): Entry[][] {
  const buckets: Entry[][] = Array.from({ length: 16 }, () => []);
  for (const entry of entries) {
    const m = (entry.pattern.mask >>> OP0_SHIFT) & OP0_MASK;
    const v = (entry.pattern.value >>> OP0_SHIFT) & OP0_MASK;
    for (let op0 = 0; op0 < 16; op0++) if ((op0 & m) === v) buckets[op0].push(entry);
  }
  return buckets;
}

export type DecodeFn = (word: number) => Decoded | null;

/**
 * A decoder for a CPU with the features `has` accepts, over `extra` patterns (tried
 * first: model-specific ones such as its ID registers) and the whole A64 table; with
 * `disasmOnly`, an encoding nothing implemented matches may still decode as one of the
 * disassembly-only patterns (whose emit raises SIGILL).
 */
export function createDecoder(has: (f: Feature) => boolean, extra: readonly InsnDef[] = [], disasmOnly = true): DecodeFn {
  const entries = [...extra.map((def) => ({ def, pattern: parsePattern(def.pattern) })), ...PARSED]
    .filter(({ def }) => typeof def.feature !== 'string' || has(def.feature));
  const buckets = buildBuckets(entries);
  const fallback = buildBuckets(disasmOnly ? DISASM_ONLY : []);
  const lookup = (word: number): Decoded | null => {
    for (const { def, pattern } of fallback[(word >>> OP0_SHIFT) & OP0_MASK]) {
      if (!matches(pattern, word)) continue;
      const fields = extractFields(pattern, word);
      if (!def.when || def.when(fields)) return { def, fields };
    }
    return null;
  };
  return (word) => {
    for (const { def, pattern } of buckets[(word >>> OP0_SHIFT) & OP0_MASK]) {
      if (!matches(pattern, word)) continue;
      const fields = extractFields(pattern, word);
      if (def.when && !def.when(fields)) continue;
      if (typeof def.feature === 'function') {
        const needs = def.feature(fields);
        if (needs !== undefined && !has(needs)) return lookup(word);
      }
      return { def, fields };
    }
    return lookup(word);
  };
}

/**
 * The decoder of the "max" model (every feature implemented, and its ID registers): the
 * first implemented pattern matching `word`, or null (unallocated/unimplemented).
 */
export const decodeWord: DecodeFn = createDecoder(() => true, idRegisterInsns(cpuModel(DEFAULT_CPU)!), false);

/** The "max" model's decoder as the translator uses it: disassembly-only patterns included. */
export const disasmWord: DecodeFn = createDecoder(() => true, idRegisterInsns(cpuModel(DEFAULT_CPU)!));
