// End-to-end tests: run every guest program listed in tests/binaries/cases.json
// under tsqemu and compare stdout, stderr and the exit status with the golden
// files recorded from qemu-aarch64 (golden/) and qemu-riscv64 (golden-riscv64/)
// by tests/binaries/record-goldens.sh [--arch riscv64].
//
// Each case runs exactly as the recorder ran it under qemu: from the
// repository root, as
//   node bin/tsqemu-<arch>.js tests/binaries/<arch>/<binary> [tmpdir] <args...>
// with only PATH=/usr/bin:/bin, LANG=C and the case's own variables in the
// environment, and stdin from the case's "stdin" string (or /dev/null).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface Case {
  name: string;
  binary: string;
  args: string[];
  env?: Record<string, string>;
  stdin?: string;
  needsTmpDir?: boolean;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const binariesDir = join(root, 'tests', 'binaries');
/** The targets with their golden directories. */
const ARCHES = [
  { arch: 'aarch64', goldenDir: join(binariesDir, 'golden') },
  { arch: 'riscv64', goldenDir: join(binariesDir, 'golden-riscv64') },
];

/** Must match the environment used by record-goldens.sh. */
const BASE_ENV: Record<string, string> = { PATH: '/usr/bin:/bin', LANG: 'C' };

const TEST_TIMEOUT_MS = 30_000;

const cases: Case[] = JSON.parse(readFileSync(join(binariesDir, 'cases.json'), 'utf8'));

/** qemu prefixes its own messages with "qemu: ", tsqemu with "tsqemu: ". */
function normalizeStderr(text: string): string {
  return text.replace(/^(?:qemu|tsqemu): /gm, '<emulator>: ');
}

function golden(goldenDir: string, name: string, kind: 'stdout' | 'stderr' | 'status'): string {
  return readFileSync(join(goldenDir, `${name}.${kind}`), 'utf8');
}

/** Shell-style exit status: the exit code, or 128 + signal number. */
function shellStatus(status: number | null, signal: NodeJS.Signals | null): number {
  if (status !== null) return status;
  if (signal !== null) return 128 + constants.signals[signal];
  return -1;
}

for (const { arch, goldenDir } of ARCHES) describe(`guest binaries match qemu-${arch} goldens`, () => {
  const cli = join('bin', `tsqemu-${arch}.js`);
  it('cases.json lists cases with unique names', () => {
    expect(cases.length).toBeGreaterThan(0);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  for (const c of cases) {
    it(
      c.name,
      () => {
        const binary = join(binariesDir, arch, c.binary);
        if (!existsSync(binary) || !existsSync(join(goldenDir, `${c.name}.status`))) {
          const flag = arch === 'aarch64' ? '' : ` --arch ${arch}`;
          throw new Error(`no ${arch} build or golden for ${c.name}: run tests/binaries/build.sh${flag} ${c.binary} && tests/binaries/record-goldens.sh${flag} ${c.name}`);
        }
        const dir = c.needsTmpDir ? mkdtempSync(join(tmpdir(), 'tsqemu-e2e-')) : undefined;
        try {
          const args = [
            cli,
            join('tests', 'binaries', arch, c.binary),
            ...(dir !== undefined ? [dir] : []),
            ...c.args,
          ];
          const result = spawnSync(process.execPath, args, {
            cwd: root,
            env: { ...BASE_ENV, ...c.env },
            input: c.stdin,
            stdio: [c.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
            encoding: 'utf8',
            maxBuffer: 64 * 1024 * 1024,
            timeout: TEST_TIMEOUT_MS - 2_000,
            killSignal: 'SIGKILL',
          });
          if (result.error) throw result.error;

          expect(result.stdout, 'stdout').toBe(golden(goldenDir, c.name, 'stdout'));
          expect(normalizeStderr(result.stderr), 'stderr').toBe(
            normalizeStderr(golden(goldenDir, c.name, 'stderr')),
          );
          expect(shellStatus(result.status, result.signal), 'exit status').toBe(
            Number(golden(goldenDir, c.name, 'status').trim()),
          );
        } finally {
          if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
        }
      },
      TEST_TIMEOUT_MS,
    );
  }
});
