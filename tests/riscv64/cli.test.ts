// tsqemu-riscv64 from the command line: running a program, -strace, -d in_asm and -d cpu
// (qemu's register dump layout), the architecture check, and fatal signals (no core-dump
// line, as qemu-riscv64 7.2 prints none).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'bin', 'tsqemu-riscv64.js');
const bin = (arch: string, name: string): string => join(root, 'tests', 'binaries', arch, name);

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    env: { PATH: '/usr/bin:/bin', LANG: 'C' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000,
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

describe('tsqemu-riscv64', () => {
  it('runs a static riscv64 program', () => {
    const r = run([bin('riscv64', 'hello')]);
    expect(r.stdout).toBe('Hello, world!\n');
    expect(r.status).toBe(0);
  });

  it('-strace prints the calls', () => {
    const r = run(['-strace', bin('riscv64', 'hello')]);
    expect(r.stderr).toMatch(/^\d+ write\(1,0x[0-9a-f]+,14\) = 14$/m);
    expect(r.stderr).toMatch(/^\d+ exit_group\(0\)$/m);
  });

  it('-d in_asm disassembles the blocks', () => {
    const r = run(['-d', 'in_asm', bin('riscv64', 'hello')]);
    expect(r.stderr).toMatch(/^0x0000000000010[0-9a-f]{3}: {2}[0-9a-f]{4,8} +(addi|jal|auipc|mv|li) /m);
    expect(r.stderr).toMatch(/ ecall$/m);
  });

  it('-d cpu dumps pc and x0..x31 as qemu does', () => {
    const r = run(['-d', 'cpu', bin('riscv64', 'hello')]);
    const first = r.stderr.split('\n').slice(0, 9);
    expect(first[0]).toMatch(/^ pc {7}[0-9a-f]{16}$/);
    expect(first[1]).toMatch(/^ x0\/zero {2}0{16} x1\/ra {4}[0-9a-f]{16} x2\/sp {4}[0-9a-f]{16} x3\/gp {4}[0-9a-f]{16}$/);
    expect(first[8]).toMatch(/^ x28\/t3 {3}[0-9a-f]{16} x29\/t4 {3}[0-9a-f]{16} x30\/t5 {3}[0-9a-f]{16} x31\/t6 {3}[0-9a-f]{16}$/);
  });

  it('-cpu takes max and qemu-riscv64\'s names for the same model', () => {
    expect(run(['-cpu', 'help']).stdout).toBe('Available CPUs:\n  max\n  rv64\n  any\n');
    expect(run(['-cpu', 'rv64', bin('riscv64', 'hello')]).stdout).toBe('Hello, world!\n');
    expect(run(['-cpu', 'sifive-u54', bin('riscv64', 'hello')]).stderr).toMatch(/unknown CPU model 'sifive-u54'/);
  });

  it('refuses other architectures', () => {
    const r = run([bin('aarch64', 'hello')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/wrong architecture: aarch64 \(expected riscv64\)\n$/);
  });

  it('dies of SIGILL on an illegal instruction without a core-dump line', () => {
    const r = run([bin('riscv64', 'illegal')]);
    expect(r.signal).toBe('SIGILL');
    expect(r.stdout).toBe('about to execute unimp\n');
    expect(r.stderr).toBe('');
  });
});
