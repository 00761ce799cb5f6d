// stdout redirected to a file shares its offset with the shell that opened it: a guest
// that only asks where the offset is (CPython's io does) writes at the shared offset,
// also through copy_file_range and sendfile (cat), so what the shell writes next lands
// after the guest's output, as under qemu.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'bin', 'tsqemu-aarch64.js');
const program = join(root, 'tests', 'binaries', 'aarch64', 'stdoutoffset');

it('a guest writing to a shell-opened stdout file leaves the shared offset after its output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsqemu-stdout-'));
  try {
    const file = join(dir, 'out.txt');
    const fd = openSync(file, 'w');
    writeSync(fd, 'host line\n');
    const r = spawnSync(process.execPath, [cli, program], {
      cwd: dir, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', timeout: 30_000,
    });
    expect(r.stderr).toBe('');
    writeSync(fd, 'after\n');
    closeSync(fd);
    // What qemu-aarch64 gives for the same redirection.
    expect(readFileSync(file, 'utf8')).toBe(
      'host line\nstdout offset 10\nguest line\ncopied line\ncopied line\ncopy_file_range 12\nsendfile 12\nthen 93\nafter\n',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
