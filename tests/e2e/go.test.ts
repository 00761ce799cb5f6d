// End-to-end tests of Go programs as guests: every case in tests/binaries/go/cases.json
// runs under tsqemu and must match the stdout, stderr and exit status recorded from
// qemu-aarch64 and qemu-riscv64 by tests/binaries/go/record-goldens.sh. The Go runtime
// leans on clone, futexes, mmap/madvise, timers, SIGURG preemption and SIGSEGV turned
// into panics, so these cover what the C programs reach only piecemeal.
//
// Each case runs from the repository root as
//   node bin/tsqemu-<arch>.js tests/binaries/go/<arch>/<binary> [tmpdir] <args...>
// with only PATH=/usr/bin:/bin, LANG=C and the case's own variables in the environment.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface GoCase {
  name: string;
  binary: string;
  args: string[];
  env?: Record<string, string>;
  needsTmpDir?: boolean;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const goDir = join(root, 'tests', 'binaries', 'go');
const cases: GoCase[] = JSON.parse(readFileSync(join(goDir, 'cases.json'), 'utf8'));

/** Must match the environment used by record-goldens.sh. */
const BASE_ENV: Record<string, string> = { PATH: '/usr/bin:/bin', LANG: 'C' };
/** Go programs start many threads; the machine running the tests may be busy. */
const TEST_TIMEOUT_MS = 120_000;

function golden(arch: string, name: string, kind: 'stdout' | 'stderr' | 'status'): string {
  return readFileSync(join(goDir, 'golden', arch, `${name}.${kind}`), 'utf8');
}

/** qemu prefixes its own messages with "qemu: ", tsqemu with "tsqemu: ". */
function normalizeStderr(text: string): string {
  return text.replace(/^(?:qemu|tsqemu): /gm, '<emulator>: ');
}

/** Shell-style exit status: the exit code, or 128 + signal number. */
function shellStatus(status: number | null, signal: NodeJS.Signals | null): number {
  if (status !== null) return status;
  if (signal !== null) return 128 + constants.signals[signal];
  return -1;
}

for (const arch of ['aarch64', 'riscv64']) describe(`Go programs match qemu-${arch} goldens`, () => {
  for (const c of cases) {
    it(
      c.name,
      () => {
        const dir = c.needsTmpDir ? mkdtempSync(join(tmpdir(), 'tsqemu-go-')) : undefined;
        try {
          const args = [
            join('bin', `tsqemu-${arch}.js`),
            join('tests', 'binaries', 'go', arch, c.binary),
            ...(dir !== undefined ? [dir] : []),
            ...c.args,
          ];
          const result = spawnSync(process.execPath, args, {
            cwd: root,
            env: { ...BASE_ENV, ...c.env },
            stdio: ['ignore', 'pipe', 'pipe'],
            encoding: 'utf8',
            timeout: TEST_TIMEOUT_MS - 5_000,
            killSignal: 'SIGKILL',
          });
          if (result.error) throw result.error;
          expect(result.stdout, 'stdout').toBe(golden(arch, c.name, 'stdout'));
          expect(normalizeStderr(result.stderr), 'stderr').toBe(normalizeStderr(golden(arch, c.name, 'stderr')));
          expect(shellStatus(result.status, result.signal), 'exit status').toBe(
            Number(golden(arch, c.name, 'status').trim()),
          );
        } finally {
          if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
        }
      },
      TEST_TIMEOUT_MS,
    );
  }
});
