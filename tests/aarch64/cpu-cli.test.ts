// tsqemu-aarch64 -cpu end to end: cpu-qemu/cpufeat (AT_HWCAP/AT_HWCAP2, the ID registers
// Linux emulates, then an LSE atomic) against qemu-aarch64's cortex-a53 and neoverse-n1
// models (goldens recorded by cpu-qemu/record.sh), and the max model.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('tsqemu-aarch64 -cpu', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const cli = `${root}bin/tsqemu-aarch64.js`;
  const prog = fileURLToPath(new URL('./cpu-qemu/cpufeat', import.meta.url));
  const golden = (cpu: string, ext: string): string => readFileSync(new URL(`./cpu-qemu/golden-${cpu}.${ext}`, import.meta.url), 'utf8');

  function run(cpu: string): { stdout: string; status: string } {
    const r = spawnSync(process.execPath, [cli, '-cpu', cpu, prog], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' }, timeout: 30_000 });
    return { stdout: r.stdout, status: r.signal ? `signal ${r.signal === 'SIGILL' ? 4 : r.signal}` : `exit ${r.status}` };
  }

  it('cortex-a53: qemu-aarch64 -cpu cortex-a53 output, and SIGILL at the LSE instruction', () => {
    expect(run('cortex-a53')).toEqual({ stdout: golden('cortex-a53', 'out'), status: golden('cortex-a53', 'status').trim() });
  });

  it('neoverse-n1: qemu-aarch64 -cpu neoverse-n1 output (with HWCAP_SSBS, which qemu 7.2 leaves out)', () => {
    const want = golden('neoverse-n1', 'out').replace('hwcap=0x119ffb', 'hwcap=0x10119ffb');
    expect(run('neoverse-n1')).toEqual({ stdout: want, status: golden('neoverse-n1', 'status').trim() });
  });

  it('-cpu help lists the models; QEMU_CPU selects one too', () => {
    const help = spawnSync(process.execPath, [cli, '-cpu', 'help'], { encoding: 'utf8' });
    expect(help.stdout).toBe('Available CPUs:\n  cortex-a53\n  neoverse-n1\n  max\n');
    const r = spawnSync(process.execPath, [cli, prog], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', QEMU_CPU: 'cortex-a53' } });
    expect(r.stdout.split('\n')[0]).toBe('hwcap=0x8fb hwcap2=0x0');
    expect(r.signal).toBe('SIGILL');
  });

  it('max (the default): every implemented feature', () => {
    const r = run('max');
    expect(r.status).toBe('exit 0');
    expect(r.stdout.split('\n')[0]).toBe('hwcap=0x3fbffffb hwcap2=0xe181');
    expect(r.stdout).toMatch(/ldadd: old=0x5 new=0x8\n$/);
  });
});
