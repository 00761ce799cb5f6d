// Real Debian 12 arm64 programs (busybox, bash, coreutils, ...) run under tsqemu with
// -L <the Debian tree> must give qemu's stdout, stderr and exit status, recorded by
// record-goldens.ts. The tree comes from scripts/fetch-debian-packages.sh (see
// DEVELOPERS.md); without it these tests are skipped, unless TSQEMU_REQUIRE_DEBIAN=1
// (CI) makes its absence a failure. TSQEMU_DEBIAN_PENDING=1 runs the cases of
// pending.json instead: recorded, but not passing under tsqemu yet.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { expectGolden, runTsqemu } from '../support/golden-run.js';
import {
  copyCaseFiles, debianTree, debianTreePresent, goldenDir, guestArgv, guestEnvironment, loadCases, stdinOf,
} from './debian-cases.js';

const DEFAULT_TIMEOUT_SECONDS = 120;
const present = debianTreePresent();
const required = process.env.TSQEMU_REQUIRE_DEBIAN === '1';

describe('Debian arm64 packages under tsqemu -L match qemu', () => {
  it.runIf(required && !present)('the Debian tree is present (TSQEMU_REQUIRE_DEBIAN=1)', () => {
    throw new Error(`no Debian tree at ${debianTree}: run scripts/fetch-debian-packages.sh`);
  });

  for (const c of loadCases(process.env.TSQEMU_DEBIAN_PENDING === '1' ? 'pending' : 'cases')) {
    const timeoutSeconds = c.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
    it.runIf(present)(
      c.name,
      () => {
        const workDir = mkdtempSync(join(tmpdir(), 'tsqemu-debian-'));
        try {
          copyCaseFiles(c, workDir);
          const [program, ...args] = guestArgv(c);
          const run = runTsqemu('aarch64', ['-L', debianTree, '-0', program, join(debianTree, program), ...args], {
            cwd: workDir, env: guestEnvironment(workDir), input: stdinOf(c), timeoutMs: (timeoutSeconds - 2) * 1000,
          });
          expectGolden(run, goldenDir, c.name);
        } finally {
          rmSync(workDir, { recursive: true, force: true });
        }
      },
      timeoutSeconds * 1000,
    );
  }
});
