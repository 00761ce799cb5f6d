// Bundles each tsqemu-<isa> command into one ESM file under dist/ (fast start-up: one
// file to load, no TypeScript at run time).
import { build } from 'esbuild';

const commands = ['tsqemu-aarch64', 'tsqemu-riscv64'];

await build({
  entryPoints: commands.map((c) => ({ in: `src/cli/${c}.ts`, out: c })),
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  // commander is CommonJS: give the bundle a require() for its node: imports
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
