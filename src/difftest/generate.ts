// Random valid instructions from a decode table, and the test cases built around them.
//
// A pattern's word is drawn by filling every non-fixed bit at random; it is kept only if the
// product decoder maps it back to the same pattern (which checks `when` and that no earlier
// pattern shadows it) and no exclusion covers it. Patterns whose `when` accepts few values
// (system registers, for instance) are drawn from a table of their valid non-register bits,
// enumerated once.
import { extractFields, parsePattern, type Fields, type Pattern } from '../targets/common/decode-pattern.js';
import type { CaseDraft, DifftestIsa, Exclusion, HarnessInfo, PatternDef } from './isa.js';
import { Rng } from './rng.js';

export interface CatalogEntry {
  /** Unique id: the name, or name#k for the k-th pattern of a repeated name. */
  readonly id: string;
  readonly index: number;
  readonly def: PatternDef;
  readonly pattern: Pattern;
  readonly width: 16 | 32;
  /** An exclusion covering the whole pattern. */
  readonly excluded?: Exclusion;
  /** Exclusions covering some of its encodings. */
  readonly partial: readonly Exclusion[];
}

export interface Catalog {
  readonly isa: DifftestIsa;
  readonly entries: readonly CatalogEntry[];
}

/** `*` wildcards; matched against a pattern's id or name. */
export function nameMatches(glob: string, e: { id: string; def: PatternDef }): boolean {
  const re = new RegExp(`^${glob.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(e.id) || re.test(e.def.name);
}

export function buildCatalog(isa: DifftestIsa): Catalog {
  const seen = new Map<string, number>();
  const entries = isa.defs.map((def, index): CatalogEntry => {
    const n = (seen.get(def.name) ?? 0) + 1;
    seen.set(def.name, n);
    const id = n === 1 ? def.name : `${def.name}#${n}`;
    const width = isa.widthOf(def);
    const probe = { id, def };
    const rules = isa.exclusions.filter((x) => nameMatches(x.pattern, probe));
    return {
      id, index, def, width, pattern: parsePattern(def.pattern, width),
      excluded: rules.find((x) => !x.when), partial: rules.filter((x) => x.when),
    };
  });
  // A repeated name's first pattern gets #1 when there are more, so ids read unambiguously.
  const renamed = entries.map((e) => (seen.get(e.def.name)! > 1 && e.id === e.def.name ? { ...e, id: `${e.def.name}#1` } : e));
  return { isa, entries: renamed };
}

/** Fields whose bits are register numbers: drawn freely even when the rest is enumerated. */
const REGISTER_FIELD = /^(r[a-z]2?|rs[1-3])$/;

/** Enumerate the other free bits of a pattern when there are at most this many. */
const MAX_ENUM_BITS = 22;

export class WordSampler {
  private readonly tables = new Map<number, Uint32Array | null>();
  private readonly stats = new Map<number, { tries: number; hits: number }>();

  constructor(private readonly catalog: Catalog) {}

  /** Why a word cannot stand for `e`, or null if it does. */
  reject(e: CatalogEntry, word: number): string | null {
    const def = this.catalog.isa.decode(word);
    if (def !== e.def) return def ? `decodes as ${def.name}` : 'does not decode';
    if (e.partial.length) {
      const f = fieldsOf(this.catalog.isa, e, word);
      const x = e.partial.find((r) => r.when!(f));
      if (x) return `excluded: ${x.reason}`;
    }
    return null;
  }

  /** A random valid word for `e`, or null if none was found. */
  sample(e: CatalogEntry, rng: Rng): number | null {
    const wmask = e.width === 32 ? 0xffffffff : 0xffff;
    let st = this.stats.get(e.index);
    if (!st) this.stats.set(e.index, (st = { tries: 0, hits: 0 }));
    const lowYield = (): boolean => st.tries >= 512 && st.hits * 50 < st.tries;
    let table = this.tables.get(e.index);
    if (table === undefined && !lowYield()) {
      // plain rejection sampling while it works
      const free = ~e.pattern.mask & wmask;
      for (let i = 0; i < 512; i++) {
        const w = ((rng.u32() & free) | e.pattern.value) >>> 0;
        st.tries++;
        if (this.reject(e, w) === null) {
          st.hits++;
          return w;
        }
      }
      if (!lowYield()) return null;
    }
    if (table === undefined) table = this.enumerate(e);
    if (table === null) {
      // too many free bits to enumerate: keep drawing
      const free = ~e.pattern.mask & wmask;
      for (let i = 0; i < 4096; i++) {
        const w = ((rng.u32() & free) | e.pattern.value) >>> 0;
        if (this.reject(e, w) === null) return w;
      }
      return null;
    }
    const regBits = this.registerBits(e);
    for (let i = 0; i < 256 && table.length > 0; i++) {
      const w = ((table[rng.below(table.length)] | (rng.u32() & regBits) | e.pattern.value) & wmask) >>> 0;
      if (this.reject(e, w) === null) return w;
    }
    return null;
  }

  private registerBits(e: CatalogEntry): number {
    let m = 0;
    for (const f of e.pattern.fields) if (REGISTER_FIELD.test(f.name)) m |= ((2 ** f.width - 1) << f.shift) >>> 0;
    return m >>> 0;
  }

  /** Every valid setting of the free non-register bits (valid with some register numbers), or null if too many. */
  private enumerate(e: CatalogEntry): Uint32Array | null {
    const wmask = e.width === 32 ? 0xffffffff : 0xffff;
    const regBits = this.registerBits(e);
    const bits: number[] = [];
    for (let b = 0; b < e.width; b++) if (((~e.pattern.mask & wmask & ~regBits) >>> b) & 1) bits.push(b);
    if (bits.length > MAX_ENUM_BITS) {
      this.tables.set(e.index, null);
      return null;
    }
    const found: number[] = [];
    const regTries = regBits ? [0, regBits, 0x55555555 & regBits, 0xaaaaaaaa & regBits] : [0];
    for (let combo = 0; combo < 2 ** bits.length; combo++) {
      let w = e.pattern.value;
      for (let i = 0; i < bits.length; i++) if ((combo >>> i) & 1) w |= 1 << bits[i];
      if (regTries.some((r) => this.reject(e, (w | r) >>> 0) === null)) found.push((w & ~regBits) >>> 0);
    }
    const t = Uint32Array.from(found);
    this.tables.set(e.index, t);
    return t;
  }
}

/** The fields of `word` as the ISA's decoder presents them to `when` and `asm`. */
export function fieldsOf(isa: DifftestIsa, e: CatalogEntry, word: number): Fields {
  return isa.fieldsOf ? isa.fieldsOf(e.def, e.pattern, word) : extractFields(e.pattern, word);
}

/** Writes `fields` back into `word` (the inverse of extractFields). */
export function encodeFields(p: Pattern, word: number, fields: Fields): number {
  let w = word;
  for (const f of p.fields) {
    const m = f.width === 32 ? 0xffffffff : 2 ** f.width - 1;
    w = (w & ~(m << f.shift)) | ((fields[f.name] & m) << f.shift);
  }
  return w >>> 0;
}

export interface TestCase {
  /** Position in the campaign (deterministic for a seed). */
  readonly index: number;
  readonly entry: CatalogEntry;
  /** The instruction under test. */
  readonly word: number;
  /** The flag-setting instruction run before it in the same block, if any. */
  readonly prefix?: number;
  /** The words the harness runs (prefix or NOP, the instruction, NOPs). */
  readonly words: readonly number[];
  /** The initial state record. */
  readonly state: Uint8Array;
}

/** Where the instruction under test sits in the slot (after the prefix position). */
export const MAIN_POSITION = 1;

export class CaseGenerator {
  readonly sampler: WordSampler;
  /** Drafts thrown away, by reason (for --verbose). */
  readonly rejections = new Map<string, number>();
  private readonly prefixEntries: { entry: CatalogEntry; fix: Readonly<Record<string, number>> }[];

  constructor(
    readonly catalog: Catalog,
    readonly harness: HarnessInfo,
  ) {
    this.sampler = new WordSampler(catalog);
    this.prefixEntries = catalog.isa.prefixes.flatMap((p) =>
      catalog.entries.filter((e) => !e.excluded && nameMatches(p.pattern, e)).map((entry) => ({ entry, fix: p.fix ?? {} })));
    if (catalog.isa.slotWords < MAIN_POSITION + 1) throw new Error('the harness slot has no room for a prefix');
  }

  /** A flag-setting prefix word, or null if none was found. */
  prefix(rng: Rng): number | null {
    const isa = this.catalog.isa;
    for (let i = 0; i < 32 && this.prefixEntries.length; i++) {
      const { entry, fix } = rng.pick(this.prefixEntries);
      const w = this.sampler.sample(entry, rng);
      if (w === null) continue;
      const fields = { ...fieldsOf(isa, entry, w), ...fix };
      const word = (isa.encode ?? ((_d: PatternDef, p: Pattern, x: number, f: Fields) => encodeFields(p, x, f)))(entry.def, entry.pattern, w, fields);
      if (this.sampler.reject(entry, word) === null) return word;
    }
    return null;
  }

  /** One case of pattern `e`, or null if no runnable case was found in a few tries. */
  make(e: CatalogEntry, rng: Rng, index: number, withPrefix = false): TestCase | null {
    const isa = this.catalog.isa;
    const pc = this.harness.slotAddr + 4 * MAIN_POSITION;
    for (let attempt = 0; attempt < 64; attempt++) {
      const word = this.sampler.sample(e, rng);
      if (word === null) return null;
      const bytes = new Uint8Array(isa.stateSize);
      const draft: CaseDraft = {
        name: e.def.name,
        pc,
        fields: { ...fieldsOf(isa, e, word) },
        state: new DataView(bytes.buffer),
        bytes,
      };
      isa.randomState(rng, draft, this.harness);
      const why = isa.constrain(rng, draft, this.harness);
      const encode = isa.encode ?? ((_d: PatternDef, p: Pattern, w: number, f: Fields) => encodeFields(p, w, f));
      const final = why === null ? encode(e.def, e.pattern, word, draft.fields) : word;
      const bad = why ?? (final === word ? null : this.sampler.reject(e, final));
      if (bad === null) {
        const prefix = withPrefix ? this.prefix(rng) ?? undefined : undefined;
        const words = Array.from({ length: isa.slotWords }, () => isa.nop);
        if (prefix !== undefined) words[MAIN_POSITION - 1] = prefix;
        words[MAIN_POSITION] = final;
        return { index, entry: e, word: final, prefix, words, state: bytes };
      }
      const key = `${e.id}: ${bad}`;
      this.rejections.set(key, (this.rejections.get(key) ?? 0) + 1);
    }
    return null;
  }
}

/**
 * The pattern of each case: round after round over every pattern, each round in its own
 * seeded order, so N cases give every pattern floor(N/P) or ceil(N/P) of them whatever the
 * chunking.
 */
export class PatternSchedule {
  private readonly rounds = new Map<number, Uint32Array>();

  constructor(
    private readonly entries: readonly CatalogEntry[],
    private readonly seed: number,
  ) {}

  at(index: number): CatalogEntry {
    const n = this.entries.length;
    const round = Math.floor(index / n);
    let order = this.rounds.get(round);
    if (!order) {
      order = Uint32Array.from({ length: n }, (_, i) => i);
      const rng = new Rng(this.seed, 0x40000000 + round);
      for (let i = n - 1; i > 0; i--) {
        const j = rng.below(i + 1);
        [order[i], order[j]] = [order[j], order[i]];
      }
      if (this.rounds.size > 64) this.rounds.clear();
      this.rounds.set(round, order);
    }
    return this.entries[order[index % n]];
  }
}

/**
 * The cases of one chunk: `count` cases starting at campaign index `start`, patterns from
 * the schedule, everything else from the chunk's own random stream; a `prefixRate`
 * fraction of them run after a flag-setting prefix.
 */
export function generateChunk(
  gen: CaseGenerator, schedule: PatternSchedule, seed: number, chunk: number, start: number, count: number,
  prefixRate = 0,
): TestCase[] {
  const rng = new Rng(seed, chunk);
  const out: TestCase[] = [];
  for (let i = 0; i < count; i++) {
    const e = schedule.at(start + i);
    const withPrefix = rng.chance(prefixRate);
    for (let tries = 0; tries < 16; tries++) {
      const c = gen.make(e, rng, start + i, withPrefix);
      if (c) {
        out.push(c);
        break;
      }
    }
  }
  return out;
}
