// The command line: qemu-style options and environment variables, and one-line errors
// with status 1 for files that cannot run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'bin', 'tsqemu-aarch64.js');
const bin = (name: string): string => join(root, 'tests', 'binaries', 'aarch64', name);
const scratch = mkdtempSync(join(tmpdir(), 'tsqemu-cli-'));

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    env: { PATH: '/usr/bin:/bin', LANG: 'C', ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 30_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectOneLineError(args: string[], pattern: RegExp) {
  const r = run(args);
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
}

describe('bad input gets a one-line error and status 1', () => {
  it('a missing file', () => {
    expectOneLineError([join(scratch, 'nope')], /^tsqemu-aarch64: .*nope: No such file or directory\n$/);
  });

  it('a shell script is not an ELF file', () => {
    const f = join(scratch, 'script.sh');
    writeFileSync(f, '#!/bin/sh\necho hi\n');
    expectOneLineError([f], /script\.sh: not an ELF file\n$/);
  });

  it('a host (x86-64) executable', () => {
    expectOneLineError([process.execPath], /wrong architecture: x86-64 \(expected aarch64\)\n$/);
  });

  it('a truncated ELF header', () => {
    const f = join(scratch, 'truncated');
    writeFileSync(f, readFileSync(bin('hello')).subarray(0, 40));
    expectOneLineError([f], /truncated: truncated ELF header\n$/);
  });

  it('an unknown option', () => {
    const r = run(['-bogus', bin('hello')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/unknown option/);
  });

  it('an unknown CPU model', () => {
    expectOneLineError(['-cpu', 'pentium', bin('hello')], /unknown CPU model 'pentium'/);
  });
});

describe('options', () => {
  it('-version', () => {
    const r = run(['-version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^tsqemu-aarch64 version \d+\.\d+\.\d+/);
  });

  it('-syscalls lists the implemented system calls with their numbers', () => {
    const r = run(['-syscalls']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toContain('64 write');
    expect(lines).toContain('220 clone');
    expect(lines).toContain('198 socket');
    expect(lines).not.toContain('117 ptrace'); // not implemented
    expect(lines).not.toContain('293 rseq'); // deliberately ENOSYS (glibc goes on without it)
    expect(lines.every((l) => /^\d+ [a-z0-9_]+$/.test(l))).toBe(true);
  });

  it('-cpu help lists max', () => {
    const r = run(['-cpu', 'help']);
    expect(r.stdout).toMatch(/max/);
  });

  it('-E, -U and -0 shape the guest environment and argv[0]', () => {
    const r = run(['-E', 'TSQ_A=1,TSQ_B=2', '-U', 'TSQ_GONE', '-0', '/x/renamed', bin('args'), '--env', 'TSQ_A', 'TSQ_B', 'TSQ_GONE'], {
      TSQ_GONE: 'present',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('argv[0] basename="renamed"');
    expect(r.stdout).toContain('env TSQ_A="1"');
    expect(r.stdout).toContain('env TSQ_B="2"');
    expect(r.stdout).toContain('env TSQ_GONE is unset');
  });

  it('QEMU_SET_ENV and QEMU_ARGV0 work like the options', () => {
    const r = run([bin('args'), '--env', 'TSQ_C'], { QEMU_SET_ENV: 'TSQ_C=3', QEMU_ARGV0: 'zero' });
    expect(r.stdout).toContain('argv[0] basename="zero"');
    expect(r.stdout).toContain('env TSQ_C="3"');
  });

  it('options after the program name go to the guest', () => {
    const r = run([bin('args'), '-strace', '-d', 'in_asm']);
    expect(r.stdout).toContain('argv[1]="-strace"');
    expect(r.stderr).toBe('');
  });

  it('-strace prints each call with its result', () => {
    const r = run(['-strace', bin('hello')]);
    expect(r.stdout).toBe('Hello, world!\n');
    expect(r.stderr).toMatch(/^\d+ write\(1,0x[0-9a-f]+,14\) = 14$/m);
    expect(r.stderr).toMatch(/^\d+ exit_group\(0\)$/m);
  });

  it('-d in_asm -D file logs translated blocks to the file', () => {
    const log = join(scratch, 'in_asm.log');
    const r = run(['-d', 'in_asm', '-D', log, bin('hello')]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const text = readFileSync(log, 'utf8');
    expect(text).toMatch(/^IN: /m);
    expect(text).toMatch(/^0x0000000000[0-9a-f]{6}:  [0-9a-f]{8}  +svc #0x0$/m);
  });

  it('-d unimp names the undefined instruction', () => {
    const r = run(['-d', 'unimp', bin('illegal')]);
    expect(r.stderr).toMatch(/unimplemented instruction 0x00000000 at 0x[0-9a-f]+/);
    expect(r.stderr).toMatch(/uncaught target signal 4 \(Illegal instruction\)/);
  });

  it('-seed makes AT_RANDOM and getrandom reproducible (QEMU_RAND_SEED too)', () => {
    const a = run(['-seed', '7', bin('random')]);
    const b = run([bin('random')], { QEMU_RAND_SEED: '7' });
    const c = run(['-seed', '8', bin('random')]);
    expect(a.stdout).toMatch(/^at_random [0-9a-f]{32}\ngetrandom [0-9a-f]{32}\n$/);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).not.toBe(a.stdout);
  });

  it('-d exec and -d cpu trace every block with the registers before it', () => {
    const log = join(scratch, 'exec.log');
    const r = run(['-d', 'exec,cpu', '-D', log, bin('hello')]);
    expect(r.stdout).toBe('Hello, world!\n');
    const text = readFileSync(log, 'utf8');
    expect(text).toMatch(/^Trace 0: 0x0000000000[0-9a-f]{6}$/m);
    expect(text).toMatch(/^PC=0000000000[0-9a-f]{6}$/m);
    expect(text).toMatch(/^X00=[0-9a-f]{16} X01=[0-9a-f]{16} X02=[0-9a-f]{16} X03=[0-9a-f]{16}$/m);
    expect(text).toMatch(/^PSTATE=[0-9a-f]{8} [N-][Z-][C-][V-] EL0t$/m);
  });

  it('-s sets the stack size; a tiny one is refused', () => {
    expect(run(['-s', '1M', bin('hello')]).stdout).toBe('Hello, world!\n');
    expectOneLineError(['-s', '12', bin('hello')], /invalid stack size '12'/);
  });
});
