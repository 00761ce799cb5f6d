// End-to-end tests of musl libc programs as guests: every case in
// tests/binaries/musl/cases.json runs under tsqemu and must match the stdout, stderr
// and exit status recorded from qemu-aarch64 and qemu-riscv64 by
// tests/binaries/musl/record-goldens.sh. musl makes threads, cancellation, spawn and
// memory with other system calls and flag sets than glibc: raw clone flag sets,
// SIGCANCEL reading the interrupted PC from the signal frame, CLONE_VM|CLONE_VFORK
// for posix_spawn, mallocng's brk/mmap/mremap/madvise mix.
//
// Each case runs from the repository root as
//   node bin/tsqemu-<arch>.js tests/binaries/musl/<arch>/<binary> <args...>
// with only PATH=/usr/bin:/bin and LANG=C in the environment.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, root, runTsqemu } from '../support/golden-run.js';

interface MuslCase {
  name: string;
  binary: string;
  args: string[];
}

const muslDir = join(root, 'tests', 'binaries', 'musl');
const cases: MuslCase[] = JSON.parse(readFileSync(join(muslDir, 'cases.json'), 'utf8'));

/** The thread programs start dozens of threads; the machine running the tests may be busy. */
const TEST_TIMEOUT_MS = 120_000;

for (const arch of ['aarch64', 'riscv64']) describe(`musl programs match qemu-${arch} goldens`, () => {
  for (const c of cases) {
    it(
      c.name,
      () => {
        const run = runTsqemu(arch, [join('tests', 'binaries', 'musl', arch, c.binary), ...c.args], { timeoutMs: TEST_TIMEOUT_MS - 5_000 });
        expectGolden(run, join(muslDir, 'golden', arch), c.name);
      },
      TEST_TIMEOUT_MS,
    );
  }
});

/** A run whose output qemu-user cannot record, with what Linux prints. */
interface LinuxExpectation {
  binary: string;
  args: string[];
  stdout: string;
}

/**
 * Written out from Linux's behaviour because qemu-user differs: it fails an assertion when
 * a process with threads forks, walks no robust futex lists (robust mutexes of a dead owner
 * hang), and runs clone(CLONE_VM) children that are not threads as forks.
 */
const LINUX_EXPECTED: LinuxExpectation[] = [
  {
    binary: 'edge',
    args: [],
    stdout: [
      'child of a threaded parent can make threads: yes',
      'fork from threaded process: child exit 4',
      'exit() from a thread: status 6',
      "exec'd from a thread: runs",
      'execve from a thread: status 0',
      'main pthread_exit then thread exit(6): status 6',
    ].join('\n'),
  },
  {
    binary: 'edge',
    args: ['robust'],
    stdout: [
      'robust after owner thread exited: EOWNERDEAD',
      'robust pshared after owner process died: EOWNERDEAD',
      'robust PI pshared, owner process died while we waited: EOWNERDEAD',
    ].join('\n'),
  },
  {
    binary: 'raw-clone',
    args: ['shared-memory'],
    stdout: [
      "vfork clone: the child's write is seen before waitpid: 7",
      "CLONE_VM process: the child's write is seen: 8",
    ].join('\n'),
  },
];

for (const arch of ['aarch64', 'riscv64']) describe(`musl programs behave as on Linux where qemu-${arch} does not`, () => {
  for (const c of LINUX_EXPECTED) {
    it(
      [c.binary, ...c.args].join(' '),
      () => {
        const run = runTsqemu(arch, [join('tests', 'binaries', 'musl', arch, c.binary), ...c.args], { timeoutMs: TEST_TIMEOUT_MS - 5_000 });
        expect(run.stdout, 'stdout').toBe(`${c.stdout}\n`);
        expect(run.stderr, 'stderr').toBe('');
        expect(run.status, 'exit status').toBe(0);
      },
      TEST_TIMEOUT_MS,
    );
  }
});
