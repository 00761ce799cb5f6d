// Terminal ioctls on a real terminal: script(1) from util-linux runs the guest with a
// pty as its stdin, stdout and controlling terminal.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hasScript = spawnSync('script', ['--version']).status === 0;

function runInPty(arch: string, cmd = `node bin/tsqemu-${arch}.js tests/binaries/${arch}/ttyctl tty`): string[] {
  const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: root, input: '', encoding: 'utf8', timeout: 30_000 });
  return r.stdout.split(/\r?\n/).map((l) => l.replace(/\s+->/, ' ->').trimEnd());
}

describe.skipIf(!hasScript)('terminal ioctls in a pty', () => {
  for (const arch of ['aarch64', 'riscv64']) {
    it(`${arch}: TCSETS/TCGETS round trips, window sizes, the session's terminal, background jobs stopped`, () => {
      const lines = runInPty(arch);
      expect(lines).toContain('isatty 1');
      expect(lines).toContain('cooked: icanon 1 echo 1');
      expect(lines).toContain('raw round trip 1 icanon 0 echo 0 vmin 3 vtime 7');
      expect(lines).toContain('cooked round trip 1');
      expect(lines).toContain('winsize 33 101');
      expect(lines).toContain('foreground is my group 1');
      expect(lines).toContain('session is mine 1');
      expect(lines).toContain('TIOCSPGRP my group -> 0');
      expect(lines).toContain('TIOCSPGRP no such group -> -1 ESRCH');
      expect(lines).toContain('open /dev/tty -> 0');
      expect(lines).toContain('isatty(/dev/tty) -> 1');
      expect(lines).toContain('new session: open /dev/tty -> -1 ENXIO');
      expect(lines).toContain('new session: TIOCGPGRP on the old terminal -> -1 ENOTTY');
      const jobs = lines.slice(lines.indexOf('background read -> stopped by TTIN'));
      expect(jobs.slice(0, 10)).toEqual([
        'background read -> stopped by TTIN', 'then -> killed by KILL',
        'background tcsetattr -> stopped by TTOU', 'tcsetpgrp(the job) -> 0', 'SIGCONT -> 0',
        'foreground job -> exited 0', 'tcsetpgrp(back to me) -> 0',
        'background write with TOSTOP -> stopped by TTOU', 'then -> killed by KILL', '',
      ]);
      expect(lines.filter((l) => l.startsWith('TC'))).toEqual([
        'TCGETS -> 0', 'TCSETS raw -> 0', 'TCGETS -> 0', 'TCSETSF cooked -> 0', 'TCGETS -> 0',
      ]);
    });
  }

  it('^Z: the guest\'s SIGTSTP handler runs, then the emulator stops until SIGCONT', () => {
    const emulator = 'node bin/tsqemu-aarch64.js tests/binaries/aarch64/ttyctl ctrlz';
    const lines = runInPty('aarch64', `bash -c '${emulator} & pid=$!; sleep 1; kill -TSTP $pid; sleep 0.5; `
      + `echo state $(ps -o stat= -p $pid | cut -c1); kill -CONT $pid; wait $pid; echo status $?'`);
    expect(lines.filter((l) => l !== '')).toEqual(['ready', 'SIGTSTP handler ran', 'state T', 'resumed', 'status 0']);
  });
});
