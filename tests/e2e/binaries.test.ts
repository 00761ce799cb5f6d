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
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, root, runTsqemu } from '../support/golden-run.js';

interface Case {
  name: string;
  binary: string;
  args: string[];
  env?: Record<string, string>;
  stdin?: string;
  needsTmpDir?: boolean;
  /** Needs the IPv6 loopback address (a container may lack it): skipped without. */
  needsIpv6?: boolean;
}

const binariesDir = join(root, 'tests', 'binaries');
/** The targets with their golden directories. */
const ARCHES = [
  { arch: 'aarch64', goldenDir: join(binariesDir, 'golden') },
  { arch: 'riscv64', goldenDir: join(binariesDir, 'golden-riscv64') },
];

const TEST_TIMEOUT_MS = 30_000;

const hasIpv6Loopback = Object.values(networkInterfaces()).some((addrs) => addrs?.some((a) => a.address === '::1'));

const cases: Case[] = JSON.parse(readFileSync(join(binariesDir, 'cases.json'), 'utf8'));

for (const { arch, goldenDir } of ARCHES) describe(`guest binaries match qemu-${arch} goldens`, () => {
  it('cases.json lists cases with unique names', () => {
    expect(cases.length).toBeGreaterThan(0);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  for (const c of cases) {
    it.skipIf(c.needsIpv6 === true && !hasIpv6Loopback)(
      c.name,
      () => {
        const binary = join(binariesDir, arch, c.binary);
        if (!existsSync(binary) || !existsSync(join(goldenDir, `${c.name}.status`))) {
          const flag = arch === 'aarch64' ? '' : ` --arch ${arch}`;
          throw new Error(`no ${arch} build or golden for ${c.name}: run tests/binaries/build.sh${flag} ${c.binary} && tests/binaries/record-goldens.sh${flag} ${c.name}`);
        }
        const dir = c.needsTmpDir ? mkdtempSync(join(tmpdir(), 'tsqemu-e2e-')) : undefined;
        try {
          const args = [join('tests', 'binaries', arch, c.binary), ...(dir !== undefined ? [dir] : []), ...c.args];
          const run = runTsqemu(arch, args, { env: c.env, input: c.stdin, timeoutMs: TEST_TIMEOUT_MS - 2_000 });
          expectGolden(run, goldenDir, c.name);
        } finally {
          if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
        }
      },
      TEST_TIMEOUT_MS,
    );
  }
});
