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
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface MuslCase {
  name: string;
  binary: string;
  args: string[];
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const muslDir = join(root, 'tests', 'binaries', 'musl');
const cases: MuslCase[] = JSON.parse(readFileSync(join(muslDir, 'cases.json'), 'utf8'));

/** Must match the environment used by record-goldens.sh. */
const ENV: Record<string, string> = { PATH: '/usr/bin:/bin', LANG: 'C' };
/** The thread programs start dozens of threads; the machine running the tests may be busy. */
const TEST_TIMEOUT_MS = 120_000;

function golden(arch: string, name: string, kind: 'stdout' | 'stderr' | 'status'): string {
  return readFileSync(join(muslDir, 'golden', arch, `${name}.${kind}`), 'utf8');
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

for (const arch of ['aarch64', 'riscv64']) describe(`musl programs match qemu-${arch} goldens`, () => {
  for (const c of cases) {
    it(
      c.name,
      () => {
        const args = [join('bin', `tsqemu-${arch}.js`), join('tests', 'binaries', 'musl', arch, c.binary), ...c.args];
        const result = spawnSync(process.execPath, args, {
          cwd: root,
          env: ENV,
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
        const binary = join('tests', 'binaries', 'musl', arch, c.binary);
        const result = spawnSync(process.execPath, [join('bin', `tsqemu-${arch}.js`), binary, ...c.args], {
          cwd: root,
          env: ENV,
          stdio: ['ignore', 'pipe', 'pipe'],
          encoding: 'utf8',
          timeout: TEST_TIMEOUT_MS - 5_000,
          killSignal: 'SIGKILL',
        });
        if (result.error) throw result.error;
        expect(result.stdout, 'stdout').toBe(`${c.stdout}\n`);
        expect(result.stderr, 'stderr').toBe('');
        expect(result.status, 'exit status').toBe(0);
      },
      TEST_TIMEOUT_MS,
    );
  }
});
