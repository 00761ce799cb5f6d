// A difftest campaign: generate cases chunk by chunk (each chunk from its own random stream,
// so the cases depend only on the seed), run every chunk under the reference emulator and
// under tsqemu side by side, compare, and tally per pattern.
import { compareOutcomes, type FieldDiff } from './compare.js';
import {
  buildCatalog, CaseGenerator, fieldsOf, generateChunk, MAIN_POSITION, nameMatches, PatternSchedule, type Catalog, type CatalogEntry,
  type TestCase,
} from './generate.js';
import type { Command, DifftestIsa, HarnessInfo, PatternDef } from './isa.js';
import { probeHarness, runCases, SKIPPED, type Outcome } from './runner.js';

export interface CampaignOptions {
  readonly isa: DifftestIsa;
  readonly count: number;
  readonly seed: number;
  /** Pattern names or ids (`*` wildcards); all testable patterns when empty. */
  readonly patterns?: readonly string[];
  /** Chunks run at the same time (each runs two emulator processes). */
  readonly jobs?: number;
  readonly chunkSize?: number;
  /** Fraction of cases that run after a flag-setting prefix in the same block. */
  readonly prefixRate?: number;
  /** Mismatching cases kept per pattern for the report. */
  readonly keepExamples?: number;
  /** The repository root: the harness path and tsqemu's command are relative to it. */
  readonly root: string;
  readonly qemu?: Command;
  readonly tsqemu?: Command;
  /** Kill an emulator that has produced no result for this long (a hung case). */
  readonly idleMs?: number;
  /** Skip a pattern's remaining cases after tsqemu died this many times on it. */
  readonly maxDeaths?: number;
  readonly onProgress?: (done: number, total: number, mismatches: number) => void;
}

export interface Mismatch {
  readonly index: number;
  readonly id: string;
  readonly word: number;
  readonly asm: string;
  /** The flag-setting instruction run first, if any. */
  readonly prefix?: { readonly word: number; readonly asm: string };
  /** The initial state record. */
  readonly initial: Uint8Array;
  readonly ref: Outcome;
  readonly test: Outcome;
  readonly diffs: readonly FieldDiff[];
}

export interface PatternStats {
  readonly entry: CatalogEntry;
  /** Cases generated. */
  generated: number;
  /** Cases compared (both emulators gave a result). */
  compared: number;
  mismatched: number;
  /** Differences accepted as a known qemu departure (ValueDivergence), by reason. */
  readonly knownDivergent: Map<string, number>;
  skipped: number;
  /** Cases where the reference raised a signal (tsqemu agreed or not). */
  refSignals: number;
  /** Mismatch count by the set of differing field groups, e.g. "v fpsr". */
  readonly signatures: Map<string, number>;
  readonly examples: Mismatch[];
}

export interface CampaignResult {
  readonly arch: string;
  readonly seed: number;
  readonly count: number;
  readonly elapsedMs: number;
  readonly harness: HarnessInfo;
  readonly catalog: Catalog;
  /** Patterns selected for the campaign (testable, matching --pattern). */
  readonly selected: readonly CatalogEntry[];
  readonly stats: ReadonlyMap<string, PatternStats>;
  /** Generation gave up on these (no valid runnable encoding found). */
  readonly generationFailures: readonly string[];
  readonly rejections: ReadonlyMap<string, number>;
}

export function selectPatterns(catalog: Catalog, patterns: readonly string[] | undefined): CatalogEntry[] {
  const testable = catalog.entries.filter((e) => !e.excluded);
  if (!patterns || patterns.length === 0) return testable;
  const out = testable.filter((e) => patterns.some((p) => nameMatches(p, e)));
  const unknown = patterns.filter((p) => !catalog.entries.some((e) => nameMatches(p, e)));
  if (unknown.length) throw new Error(`no pattern matches ${unknown.join(', ')}`);
  if (out.length === 0) throw new Error(`every pattern matching ${patterns.join(', ')} is excluded`);
  return out;
}

export async function runCampaign(o: CampaignOptions): Promise<CampaignResult> {
  const t0 = Date.now();
  const isa = o.isa;
  const qemu = o.qemu ?? isa.qemu;
  const tsqemu = o.tsqemu ?? isa.tsqemu;
  const catalog = buildCatalog(isa);
  const selected = selectPatterns(catalog, o.patterns);
  const harness = await probeHarness(qemu, isa.harness, o.root);
  if (harness.machine !== isa.machine || harness.stateSize !== isa.stateSize) {
    throw new Error(`${isa.harness} does not match the ${isa.arch} state layout (rebuild it?)`);
  }
  const gen = new CaseGenerator(catalog, harness);
  const schedule = new PatternSchedule(selected, o.seed);
  const stats = new Map<string, PatternStats>();
  for (const e of selected) {
    stats.set(e.id, {
      entry: e, generated: 0, compared: 0, mismatched: 0, knownDivergent: new Map(), skipped: 0, refSignals: 0, signatures: new Map(), examples: [],
    });
  }
  const chunkSize = o.chunkSize ?? 4000;
  const chunks = Math.ceil(o.count / chunkSize);
  const keep = o.keepExamples ?? 5;
  const runOpts = { cwd: o.root, idleMs: o.idleMs ?? 15_000, deaths: new Map<string, number>(), maxDeaths: o.maxDeaths ?? 3 };
  let next = 0;
  let done = 0;
  let mismatches = 0;

  async function worker(): Promise<void> {
    while (next < chunks) {
      const c = next++;
      const start = c * chunkSize;
      const cases = generateChunk(gen, schedule, o.seed, c, start, Math.min(chunkSize, o.count - start), o.prefixRate ?? 0);
      const [ref, test] = await Promise.all([
        runCases(qemu, isa.harness, cases, harness, runOpts),
        runCases(tsqemu, isa.harness, cases, harness, runOpts),
      ]);
      cases.forEach((tc, i) => {
        const st = stats.get(tc.entry.id)!;
        st.generated++;
        if (ref[i].status === SKIPPED || test[i].status === SKIPPED) {
          st.skipped++;
          return;
        }
        st.compared++;
        if (ref[i].status > 0) st.refSignals++;
        const diffs = compareOutcomes(isa, ref[i], test[i]);
        if (diffs.length === 0) return;
        const known = knownDivergence(isa, tc, ref[i], test[i], diffs);
        if (known) {
          st.knownDivergent.set(known, (st.knownDivergent.get(known) ?? 0) + 1);
          return;
        }
        st.mismatched++;
        mismatches++;
        const sig = signature(diffs);
        st.signatures.set(sig, (st.signatures.get(sig) ?? 0) + 1);
        // keep the lowest-numbered cases, so the report does not depend on --jobs
        if (st.examples.length < keep || tc.index < st.examples[st.examples.length - 1].index) {
          const fields = fieldsOf(isa, tc.entry, tc.word);
          st.examples.push({
            index: tc.index, id: tc.entry.id, word: tc.word, asm: safeAsm(tc.entry, fields, harness.slotAddr + 4 * MAIN_POSITION),
            prefix: tc.prefix === undefined ? undefined : { word: tc.prefix, asm: prefixAsm(isa, tc.prefix, harness.slotAddr) },
            initial: tc.state, ref: ref[i], test: test[i], diffs,
          });
          st.examples.sort((a, b) => a.index - b.index);
          if (st.examples.length > keep) st.examples.pop();
        }
      });
      done += cases.length;
      o.onProgress?.(done, o.count, mismatches);
    }
  }

  await Promise.all(Array.from({ length: Math.max(1, o.jobs ?? 1) }, () => worker()));
  const generationFailures = selected.filter((e) => stats.get(e.id)!.generated === 0 && o.count >= selected.length).map((e) => e.id);
  return {
    arch: isa.arch, seed: o.seed, count: done, elapsedMs: Date.now() - t0, harness, catalog, selected, stats,
    generationFailures, rejections: gen.rejections,
  };
}

function knownDivergence(isa: DifftestIsa, tc: TestCase, ref: Outcome, test: Outcome, diffs: readonly FieldDiff[]): string | null {
  if (!isa.valueDivergences || ref.status !== 0 || test.status !== 0) return null;
  const names = diffs.map((d) => d.field);
  for (const v of isa.valueDivergences) {
    if (nameMatches(v.pattern, tc.entry) && v.matches(fieldsOf(isa, tc.entry, tc.word), tc.state, ref.state, test.state, names)) {
      return v.reason;
    }
  }
  return null;
}

/**
 * What kind of difference: the differing field groups, with the differing bits of flag
 * registers (e.g. "fpsr^0x10" when only IXC differs).
 */
function signature(diffs: readonly FieldDiff[]): string {
  const parts = new Set<string>();
  for (const d of diffs) {
    if ((d.group === 'fpsr' || d.group === 'fpcr') && /^0x[0-9a-f]+$/.test(d.ref) && /^0x[0-9a-f]+$/.test(d.test)) {
      parts.add(`${d.group}^0x${((parseInt(d.ref, 16) ^ parseInt(d.test, 16)) >>> 0).toString(16)}`);
    } else if (d.group === 'status') {
      parts.add(`status(${d.ref.split(' ')[0]}/${d.test.split(' ')[0]})`);
    } else {
      parts.add(d.group);
    }
  }
  return [...parts].join(' ');
}

function prefixAsm(isa: DifftestIsa, word: number, pc: number): string {
  const def = isa.decode(word);
  const e = def && buildCatalogEntryFor(isa, def);
  return e ? safeAsm(e, fieldsOf(isa, e, word), pc) : '?';
}

const catalogs = new WeakMap<DifftestIsa, Catalog>();
function buildCatalogEntryFor(isa: DifftestIsa, def: PatternDef): CatalogEntry | undefined {
  let c = catalogs.get(isa);
  if (!c) catalogs.set(isa, (c = buildCatalog(isa)));
  return c.entries.find((e) => e.def === def);
}

function safeAsm(e: CatalogEntry, f: Record<string, number>, pc: number): string {
  try {
    return e.def.asm(f, pc);
  } catch (err) {
    return `<asm failed: ${(err as Error).message}>`;
  }
}
