// execve of guest programs. qemu-user cannot record these (without binfmt_misc its
// execve hands the guest's ELF to the host, which refuses it), so the expected output
// is what Linux does, written out here. The execs program (tests/binaries/src/execs.c)
// drives each case; other committed test programs are what it runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

for (const arch of ['aarch64', 'riscv64']) {
  const bin = (name: string): string => join(root, 'tests', 'binaries', arch, name);
  const run = (...args: string[]): { stdout: string; status: number | null } => {
    const r = spawnSync(process.execPath, [join('bin', `tsqemu-${arch}.js`), bin('execs'), ...args], {
      cwd: root, encoding: 'utf8', env: { PATH: '/usr/bin:/bin', LANG: 'C' }, timeout: 30_000,
    });
    return { stdout: r.stdout, status: r.status };
  };

  describe(`execve of guest programs (${arch})`, () => {
    it('/proc/self/exe again and again, in the same process', () => {
      expect(run('self', '3')).toEqual({
        stdout: 'level 3, same pid: 1\nlevel 2, same pid: 1\nlevel 1, same pid: 1\nlevel 0, same pid: 1\n',
        status: 0,
      });
    });

    it('another program, by absolute path, in a forked child; its exit status', () => {
      expect(run('run', bin('args'), 'one', 'two words')).toEqual({
        stdout: 'argc=3\nargv[0] basename="args"\nargv[1]="one" (len 3)\nargv[2]="two words" (len 9)\nTSQ_ variables: 0\nchild: exited 0\n',
        status: 0,
      });
      expect(run('run', bin('exitcode'), '9').stdout).toBe('exiting with status 9 via exit [atexit handler ran]child: exited 9\n');
      expect(run('run', '/nonexistent/program').stdout).toBe('exec failed: 2\nchild: exited 127\n');
    });

    it('posix_spawn (clone with CLONE_VM | CLONE_VFORK, then execve)', () => {
      expect(run('spawn', bin('exitcode'), '4', 'ret').stdout)
        .toBe('exiting with status 4 via ret [atexit handler ran]posix_spawn: 0\nspawned: exited 4\n');
    });

    it('a #! script whose interpreter is a guest program', () => {
      const dir = mkdtempSync(join(tmpdir(), 'tsqemu-exec-'));
      try {
        expect(run('script', dir, bin('args'))).toEqual({
          stdout: `argc=4\nargv[0] basename="args"\nargv[1]="-i" (len 2)\nargv[2]="${dir}/s.sh" (len ${dir.length + 5})\nargv[3]="arg" (len 3)\nTSQ_ variables: 0\n`,
          status: 0,
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('closes O_CLOEXEC fds, keeps ignored signals and the mask, resets handlers', () => {
      expect(run('keep').stdout).toBe(
        'cloexec fd closed: 1, other fd open: 1\nSIGUSR1 still ignored: 1\nSIGUSR2 back to default: 1\nSIGTERM still blocked: 1\n',
      );
    });

    it('ends the other threads', () => {
      expect(run('threads', bin('exitcode'), '5')).toEqual({
        stdout: 'exiting with status 5 via exit [atexit handler ran]', status: 5,
      });
    });
  });
}
