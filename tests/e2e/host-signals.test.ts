// Signals sent to the emulator reach the guest: SIGINT, SIGTERM and SIGHUP are passed
// on and delivered at the next block boundary, whether the guest waits in a syscall,
// sleeps, or spins without making any.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Ended {
  stdout: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Runs tests/binaries/<arch>/hostsig <mode>, sends `sig` once it says "ready". */
function runAndSignal(arch: string, mode: string, sig: NodeJS.Signals): Promise<Ended> {
  const child = spawn(process.execPath, [join('bin', `tsqemu-${arch}.js`), join('tests', 'binaries', arch, 'hostsig'), mode], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  let sent = false;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
    if (!sent && stdout.includes('ready\n')) {
      sent = true;
      // a moment for the guest to reach its wait (or its loop)
      setTimeout(() => child.kill(sig), 100);
    }
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ stdout, code, signal }));
  });
}

for (const arch of ['aarch64', 'riscv64']) {
  describe(`host signals reach the guest (${arch})`, () => {
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      it(`${sig} runs the guest's handler`, async () => {
        const r = await runAndSignal(arch, 'handler', sig);
        expect(r.stdout).toBe(`ready\ngot ${sig}\n`);
        expect(r.code).toBe(0);
      });
    }

    it('a guest spinning without syscalls dies of SIGTERM', async () => {
      const r = await runAndSignal(arch, 'spin', 'SIGTERM');
      expect(r.stdout).toBe('ready\n');
      expect(r.signal).toBe('SIGTERM');
    });

    it('a sleeping guest dies of SIGINT', async () => {
      const r = await runAndSignal(arch, 'sleep', 'SIGINT');
      expect(r.stdout).toBe('ready\n');
      expect(r.signal).toBe('SIGINT');
    });
  });
}
