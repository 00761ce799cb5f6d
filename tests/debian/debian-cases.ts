// What tests/debian/debian.test.ts (under tsqemu) and record-goldens.ts (under qemu)
// share: where the Debian arm64 tree is, the cases, the guest's environment and how
// a run's results are compared.
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One run of a Debian program, from a fresh work directory holding `files`. */
export interface DebianCase {
  name: string;
  /**
   * The guest's argv; argv[0] is an absolute path inside the tree. `{ "contentsOf": f }`
   * stands for the text of tests/debian/scripts/f (for `bash -c`, `python3 -c`).
   */
  argv: (string | { contentsOf: string })[];
  /** Files of tests/debian/scripts/ copied into the work directory. */
  files?: string[];
  /** A file of tests/debian/scripts/ given as standard input (else /dev/null). */
  stdin?: string;
  /** Per-case limit under tsqemu (python3 starts slowly under emulation). */
  timeoutSeconds?: number;
}

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const debianDir = join(repoRoot, 'tests', 'debian');
export const scriptsDir = join(debianDir, 'scripts');
export const goldenDir = join(debianDir, 'golden');

/** The tree scripts/fetch-debian-packages.sh unpacks (TSQEMU_DEBIAN_TREE overrides). */
export const debianTree = process.env.TSQEMU_DEBIAN_TREE ?? join(repoRoot, '.cache', 'debian-arm64', 'root');

export function debianTreePresent(): boolean {
  return existsSync(join(debianTree, '.tsqemu-packages'));
}

/** cases.json: the cases CI runs; pending.json: recorded, waiting for tsqemu to pass. */
export function loadCases(list: 'cases' | 'pending'): DebianCase[] {
  return JSON.parse(readFileSync(join(debianDir, `${list}.json`), 'utf8')) as DebianCase[];
}

/** The guest's whole environment: deterministic, nothing from the caller. */
export function guestEnvironment(workDir: string): Record<string, string> {
  return { PATH: '/usr/bin:/bin', LANG: 'C', TZ: 'UTC', TMPDIR: workDir };
}

/** The case's argv with every `contentsOf` replaced by that file's text. */
export function guestArgv(c: DebianCase): string[] {
  return c.argv.map((arg) => (typeof arg === 'string' ? arg : readFileSync(join(scriptsDir, arg.contentsOf), 'utf8')));
}

export function copyCaseFiles(c: DebianCase, workDir: string): void {
  for (const file of c.files ?? []) copyFileSync(join(scriptsDir, file), join(workDir, file));
}

export function stdinOf(c: DebianCase): Buffer | undefined {
  return c.stdin === undefined ? undefined : readFileSync(join(scriptsDir, c.stdin));
}

export function goldenFile(name: string, kind: 'stdout' | 'stderr' | 'status'): string {
  return join(goldenDir, `${name}.${kind}`);
}
