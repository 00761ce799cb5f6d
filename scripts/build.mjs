// Bundles each tsqemu-<isa> command into one CommonJS file under dist/: one file to
// load, no TypeScript at run time, and a form bin/launch.js can run from V8's code cache.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { build } from 'esbuild';

const commands = ['tsqemu-aarch64', 'tsqemu-riscv64'];

/** A hash of every source file: translations cached by one build are not used by another. */
function buildId() {
  const hash = createHash('sha256');
  for (const file of readdirSync('src', { recursive: true }).sort()) {
    if (String(file).endsWith('.ts')) hash.update(String(file)).update(readFileSync(`src/${file}`));
  }
  return hash.digest('hex').slice(0, 16);
}

await build({
  entryPoints: commands.map((c) => ({ in: `src/cli/${c}.ts`, out: c })),
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { TSQEMU_BUILD_ID: JSON.stringify(buildId()) },
});
