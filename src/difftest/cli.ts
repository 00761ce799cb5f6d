// npm run difftest -- --arch aarch64 --count N --seed S [--pattern NAME...] [--jobs J]
//
// Runs random instructions of every implemented pattern under qemu-user and tsqemu through
// the same harness binary and reports every difference (see campaign.ts).
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command as Cli, InvalidArgumentError } from 'commander';
import { runCampaign } from './campaign.js';
import { buildCatalog } from './generate.js';
import { formatReport, reportJson } from './report.js';
import { DIFFTEST_TARGETS } from './targets.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function int(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError('not a non-negative integer');
  return n;
}

function fraction(value: string): number {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('not a number between 0 and 1');
  return n;
}

const program = new Cli('difftest')
  .description('differential testing of tsqemu against qemu-user, one random instruction at a time')
  .option('--arch <isa>', `target ISA (${Object.keys(DIFFTEST_TARGETS).join(', ')})`, 'aarch64')
  .option('--count <n>', 'number of test cases', int, 10_000)
  .option('--seed <n>', 'random seed (the cases depend only on it)', int, 1)
  .option('--pattern <names...>', 'only these patterns (names or ids, * wildcards)')
  .option('--jobs <n>', 'chunks run in parallel (each runs two emulators)', int, Math.max(1, Math.floor(availableParallelism() / 2)))
  .option('--chunk <n>', 'cases per emulator run', int, 4000)
  .option('--prefix-rate <fraction>', 'fraction of cases run after a flag-setting instruction in the same block', fraction, 0.25)
  .option('--examples <n>', 'cases shown per mismatching pattern', int, 3)
  .option('--table', 'print per-pattern counts')
  .option('--json <file>', 'also write the full result as JSON')
  .option('--qemu <command>', 'reference emulator command (space-separated arguments)')
  .option('--tsqemu <command>', 'tsqemu command (space-separated arguments; default: node bin/tsqemu-<arch>.js)')
  .option('--list', 'list the patterns and exclusions, run nothing')
  .option('--quiet', 'no progress on stderr')
  .parse();

interface Opts {
  arch: string;
  count: number;
  seed: number;
  pattern?: string[];
  jobs: number;
  chunk: number;
  prefixRate: number;
  examples: number;
  table?: boolean;
  json?: string;
  qemu?: string;
  tsqemu?: string;
  list?: boolean;
  quiet?: boolean;
}

async function main(): Promise<number> {
  const o = program.opts<Opts>();
  const isa = DIFFTEST_TARGETS[o.arch];
  if (!isa) {
    console.error(`difftest: unknown --arch ${o.arch} (known: ${Object.keys(DIFFTEST_TARGETS).join(', ')})`);
    return 2;
  }
  if (o.list) {
    for (const e of buildCatalog(isa).entries) {
      const note = e.excluded ? `  EXCLUDED (${e.excluded.kind}): ${e.excluded.reason}` : e.partial.map((x) => `  partly excluded (${x.kind}): ${x.reason}`).join('');
      console.log(`${e.id.padEnd(20)} ${e.def.pattern}${note}`);
    }
    return 0;
  }
  const words = (s: string): { command: string; args: string[] } => {
    const w = s.trim().split(/\s+/);
    return { command: w[0], args: w.slice(1) };
  };
  const qemu = o.qemu ? words(o.qemu) : undefined;
  const tsqemu = o.tsqemu ? words(o.tsqemu) : undefined;
  let last = 0;
  const result = await runCampaign({
    isa, count: o.count, seed: o.seed, patterns: o.pattern, jobs: o.jobs, chunkSize: o.chunk, prefixRate: o.prefixRate, root: ROOT, qemu, tsqemu,
    keepExamples: Math.max(o.examples, 5),
    onProgress: o.quiet ? undefined : (done, total, bad) => {
      if (Date.now() - last < 2000 && done < total) return;
      last = Date.now();
      process.stderr.write(`difftest: ${done}/${total} cases, ${bad} differing\n`);
    },
  });
  console.log(formatReport(isa, result, { examples: o.examples, table: o.table ?? false }));
  if (o.json) writeFileSync(o.json, `${JSON.stringify(reportJson(isa, result), null, 1)}\n`);
  const failed = [...result.stats.values()].some((s) => s.mismatched > 0) || result.generationFailures.length > 0;
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`difftest: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
