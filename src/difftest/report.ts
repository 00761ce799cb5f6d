// The campaign report: coverage, per-pattern counts, and each mismatching pattern with its
// first cases (disassembly, the operands' initial values, and both final values of every
// field that differs). Also a JSON form for tools.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CampaignResult, Mismatch, PatternStats } from './campaign.js';
import { fieldsOf } from './generate.js';
import type { DifftestIsa } from './isa.js';

const hex8 = (w: number): string => (w >>> 0).toString(16).padStart(8, '0');

/** objdump's disassembly of `words`, or null if objdump is not installed. */
export function objdumpWords(isa: DifftestIsa, words: readonly number[]): Map<number, string> | null {
  if (!isa.objdump || words.length === 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'difftest-'));
  try {
    const file = join(dir, 'words.bin');
    const buf = Buffer.alloc(4 * words.length);
    words.forEach((w, i) => buf.writeUInt32LE(w >>> 0, 4 * i));
    writeFileSync(file, buf);
    const r = spawnSync(isa.objdump.command, [...isa.objdump.args, file], { encoding: 'utf8' });
    if (r.status !== 0 || !r.stdout) return null;
    const out = new Map<number, string>();
    for (const line of r.stdout.split('\n')) {
      const m = /^\s*([0-9a-f]+):\s+([0-9a-f]{8})\s+(.*)$/.exec(line);
      if (m) out.set(parseInt(m[1], 16) / 4, m[3].replace(/\s+/g, ' ').trim());
    }
    return new Map(words.map((w, i) => [w >>> 0, out.get(i) ?? '?']));
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Coverage {
  readonly total: number;
  readonly testable: number;
  readonly exercised: number;
  readonly missing: readonly string[];
}

export function coverageOf(r: CampaignResult): Coverage {
  const exercised = r.selected.filter((e) => (r.stats.get(e.id)?.compared ?? 0) > 0);
  return {
    total: r.catalog.entries.length,
    testable: r.selected.length,
    exercised: exercised.length,
    missing: r.selected.filter((e) => !exercised.includes(e)).map((e) => e.id),
  };
}

function initialLine(isa: DifftestIsa, m: Mismatch, names: readonly string[]): string {
  const parts: string[] = [];
  for (const name of names) {
    const f = isa.stateFields.find((x) => x.name === name);
    if (!f || f.size > 16) continue;
    parts.push(`${name}=${isa.formatField(f, m.initial.subarray(f.offset, f.offset + f.size))}`);
  }
  return parts.join(' ');
}

/** The text of one mismatching case. */
export function formatMismatch(isa: DifftestIsa, r: CampaignResult, m: Mismatch, objdump: Map<number, string> | null): string {
  const entry = r.catalog.entries.find((e) => e.id === m.id)!;
  const fields = fieldsOf(isa, entry, m.word);
  const diffNames = m.diffs.map((d) => d.field);
  const operands = isa.operandFields(entry.def.name, fields).filter((n) => !diffNames.includes(n));
  const dump = (w: number): string => (objdump ? `    (objdump: ${objdump.get(w >>> 0) ?? '?'})` : '');
  const lines = [
    ...(m.prefix ? [`  case #${m.index}  ${hex8(m.prefix.word)}  ${m.prefix.asm}${dump(m.prefix.word)}    [prefix, same block]`] : []),
    `  ${m.prefix ? ''.padEnd(`case #${m.index}`.length) : `case #${m.index}`}  ${hex8(m.word)}  ${m.asm}${dump(m.word)}`,
    `    fields:  ${Object.entries(fields).map(([k, v]) => `${k}=${v}`).join(' ')}`,
    `    initial: ${initialLine(isa, m, [...diffNames.filter((n) => !n.includes('[')), ...operands])}`,
  ];
  const memDiff = m.diffs.some((d) => d.group === 'mem');
  if (memDiff) {
    const f = isa.stateFields.find((x) => x.group === 'mem')!;
    lines.push(`    initial mem: ${isa.formatField(f, m.initial.subarray(f.offset, f.offset + f.size))}`);
  }
  const width = Math.max(...m.diffs.map((d) => d.field.length));
  for (const d of m.diffs) {
    lines.push(`    ${d.field.padEnd(width)}  qemu: ${d.ref}`);
    lines.push(`    ${''.padEnd(width)}  tsqemu: ${d.test}`);
  }
  return lines.join('\n');
}

export interface ReportOptions {
  /** Cases shown per mismatching pattern. */
  readonly examples: number;
  /** Per-pattern counts table. */
  readonly table: boolean;
}

export function formatReport(isa: DifftestIsa, r: CampaignResult, o: ReportOptions): string {
  const cov = coverageOf(r);
  const stats = [...r.stats.values()];
  const compared = stats.reduce((a, s) => a + s.compared, 0);
  const mismatched = stats.reduce((a, s) => a + s.mismatched, 0);
  const skipped = stats.reduce((a, s) => a + s.skipped, 0);
  const bad = stats.filter((s) => s.mismatched > 0).sort((a, b) => a.entry.index - b.entry.index);
  const secs = r.elapsedMs / 1000;
  const out: string[] = [];
  out.push(`difftest ${r.arch}: ${r.count} cases, seed ${r.seed}, ${secs.toFixed(1)} s (${Math.round(r.count / secs)} cases/s)`);
  out.push(
    `coverage: ${cov.exercised}/${cov.testable} selected testable patterns exercised (${((100 * cov.exercised) / Math.max(1, cov.testable)).toFixed(1)}%); ` +
      `${cov.total} patterns in the decode table`,
  );
  if (cov.missing.length) out.push(`  not exercised: ${cov.missing.join(', ')}`);
  const excluded = r.catalog.entries.filter((e) => e.excluded);
  for (const e of excluded) out.push(`  excluded: ${e.id} (${e.excluded!.kind}: ${e.excluded!.reason})`);
  const partial = r.catalog.entries.filter((e) => e.partial.length);
  for (const e of partial) for (const x of e.partial) out.push(`  partly excluded: ${e.id} (${x.kind}: ${x.reason})`);
  const known = stats.filter((s) => s.knownDivergent.size > 0);
  const knownCount = known.reduce((a, s) => a + [...s.knownDivergent.values()].reduce((x, y) => x + y, 0), 0);
  out.push(
    `result: ${compared - mismatched - knownCount} agree, ${mismatched} differ in ${bad.length} patterns, ` +
      `${knownCount} known qemu divergences, ${skipped} skipped`,
  );
  for (const s of known) {
    for (const [reason, n] of s.knownDivergent) out.push(`  known divergence: ${s.entry.id}: ${n} cases (${reason})`);
  }
  if (o.table) {
    out.push('', 'per pattern (cases compared / differing):');
    const cells = stats
      .sort((a, b) => a.entry.index - b.entry.index)
      .map((s) => `${s.entry.id} ${s.compared}${s.mismatched ? `/${s.mismatched}!` : ''}${s.skipped ? ` (${s.skipped} skipped)` : ''}`);
    const w = Math.max(...cells.map((c) => c.length)) + 2;
    const perLine = Math.max(1, Math.floor(120 / w));
    for (let i = 0; i < cells.length; i += perLine) out.push(`  ${cells.slice(i, i + perLine).map((c) => c.padEnd(w)).join('').trimEnd()}`);
  }
  if (bad.length) {
    const shown = bad.flatMap((s) => s.examples.slice(0, o.examples));
    const objdump = objdumpWords(isa, shown.flatMap((m) => (m.prefix ? [m.prefix.word, m.word] : [m.word])));
    out.push('', 'mismatches by pattern:');
    for (const s of bad) {
      const sigs = [...s.signatures].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}: ${v}`).join(', ');
      out.push(`== ${s.entry.id}: ${s.mismatched} of ${s.compared} cases differ (differing fields: ${sigs})`);
      for (const m of s.examples.slice(0, o.examples)) out.push(formatMismatch(isa, r, m, objdump));
    }
  }
  return out.join('\n');
}

/** A JSON-friendly summary with every kept mismatch. */
export function reportJson(isa: DifftestIsa, r: CampaignResult): unknown {
  const objdump = objdumpWords(isa, [...r.stats.values()].flatMap((s) => s.examples.flatMap((m) => (m.prefix ? [m.prefix.word, m.word] : [m.word]))));
  const hexBytes = (b: Uint8Array): string => Buffer.from(b).toString('hex');
  return {
    arch: r.arch, seed: r.seed, count: r.count, elapsedMs: r.elapsedMs, coverage: coverageOf(r),
    exclusions: r.catalog.entries.flatMap((e) =>
      [e.excluded, ...e.partial].filter((x) => x).map((x) => ({ pattern: e.id, partial: x !== e.excluded, kind: x!.kind, reason: x!.reason }))),
    patterns: [...r.stats.values()].map((s: PatternStats) => ({
      id: s.entry.id, generated: s.generated, compared: s.compared, mismatched: s.mismatched, skipped: s.skipped,
      knownDivergent: Object.fromEntries(s.knownDivergent),
      refSignals: s.refSignals, signatures: Object.fromEntries(s.signatures),
      examples: s.examples.map((m) => ({
        index: m.index, word: hex8(m.word), asm: m.asm, objdump: objdump?.get(m.word >>> 0),
        prefix: m.prefix && { word: hex8(m.prefix.word), asm: m.prefix.asm, objdump: objdump?.get(m.prefix.word >>> 0) },
        diffs: m.diffs,
        initialState: hexBytes(m.initial),
      })),
    })),
    generationFailures: r.generationFailures,
  };
}
