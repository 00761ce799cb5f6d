// -strace shows each signal handed to a handler, with the si_code Linux gives: the
// faults program's SIGSEGVs (SEGV_MAPERR, SEGV_ACCERR), SIGILL (ILL_ILLOPC, which
// qemu-aarch64 reports as ILL_ILLOPN) and SIGTRAP (TRAP_BRKPT).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

for (const arch of ['aarch64', 'riscv64']) {
  describe(`signal lines of -strace (${arch})`, () => {
    it('name the signal, its si_code and si_addr', () => {
      const r = spawnSync(process.execPath, [join('bin', `tsqemu-${arch}.js`), '-strace', join('tests', 'binaries', arch, 'faults')], {
        cwd: root, encoding: 'utf8',
      });
      expect(r.status).toBe(0);
      const lines = r.stderr.split('\n').filter((l) => l.includes(' --- ')).map((l) => l.replace(/^\d+ /, ''));
      expect(lines).toHaveLength(6);
      expect(lines[0]).toBe('--- SIGSEGV {si_signo=SIGSEGV, si_code=1, si_addr=0x10} ---');
      expect(lines[1]).toMatch(/^--- SIGSEGV \{si_signo=SIGSEGV, si_code=2, si_addr=0x[0-9a-f]+008\} ---$/);
      expect(lines[3]).toMatch(/^--- SIGILL \{si_signo=SIGILL, si_code=1, si_addr=0x[0-9a-f]+\} ---$/);
      expect(lines[4]).toMatch(/^--- SIGTRAP \{si_signo=SIGTRAP, si_code=1, si_addr=0x[0-9a-f]+\} ---$/);
    });
  });
}
