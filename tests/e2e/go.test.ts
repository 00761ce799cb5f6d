// End-to-end tests of Go programs as guests: every case in tests/binaries/go/cases.json
// runs under tsqemu and must match the stdout, stderr and exit status recorded from
// qemu-aarch64 and qemu-riscv64 by tests/binaries/go/record-goldens.sh. The Go runtime
// leans on clone, futexes, mmap/madvise, timers, SIGURG preemption and SIGSEGV turned
// into panics, so these cover what the C programs reach only piecemeal.
//
// Each case runs from the repository root as
//   node bin/tsqemu-<arch>.js tests/binaries/go/<arch>/<binary> [tmpdir] <args...>
// with only PATH=/usr/bin:/bin, LANG=C and the case's own variables in the environment.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { expectGolden, root, runTsqemu } from '../support/golden-run.js';

interface GoCase {
  name: string;
  binary: string;
  args: string[];
  env?: Record<string, string>;
  needsTmpDir?: boolean;
}

const goDir = join(root, 'tests', 'binaries', 'go');
const cases: GoCase[] = JSON.parse(readFileSync(join(goDir, 'cases.json'), 'utf8'));

/** Go programs start many threads; the machine running the tests may be busy. */
const TEST_TIMEOUT_MS = 120_000;

for (const arch of ['aarch64', 'riscv64']) describe(`Go programs match qemu-${arch} goldens`, () => {
  for (const c of cases) {
    it(
      c.name,
      () => {
        const dir = c.needsTmpDir ? mkdtempSync(join(tmpdir(), 'tsqemu-go-')) : undefined;
        try {
          const args = [join('tests', 'binaries', 'go', arch, c.binary), ...(dir !== undefined ? [dir] : []), ...c.args];
          const run = runTsqemu(arch, args, { env: c.env, timeoutMs: TEST_TIMEOUT_MS - 5_000 });
          expectGolden(run, join(goDir, 'golden', arch), c.name);
        } finally {
          if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
        }
      },
      TEST_TIMEOUT_MS,
    );
  }
});
