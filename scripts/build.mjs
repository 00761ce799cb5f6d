// Bundles each tsqemu-<isa> command into one CommonJS file under dist/: one file to
// load, no TypeScript at run time, and a form bin/launch.js can run from V8's code cache.
import { build } from 'esbuild';

const commands = ['tsqemu-aarch64', 'tsqemu-riscv64'];

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
});
