// Dynamically linked guests: the programs in tests/binaries/aarch64-dyn run with
// -L <sysroot> and must match the goldens recorded from
// `qemu-aarch64 -L /usr/aarch64-linux-gnu` (record-goldens.sh --dyn), run the same way
// as tests/e2e/binaries.test.ts runs the static ones. They need Debian's aarch64
// cross sysroot (package libc6-arm64-cross); without it they are skipped. The
// interpreter error tests need no sysroot.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

interface Case {
  name: string;
  binary: string;
  args: string[];
  env?: Record<string, string>;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const dynDir = join(root, 'tests', 'binaries', 'aarch64-dyn');
const cli = join('bin', 'tsqemu-aarch64.js');
const SYSROOT = process.env.TSQEMU_TEST_SYSROOT ?? '/usr/aarch64-linux-gnu';
const INTERP = '/lib/ld-linux-aarch64.so.1';
const haveSysroot = existsSync(join(SYSROOT, INTERP)) && existsSync(join(SYSROOT, 'lib', 'libc.so.6'));
const SKIP_REASON = `needs the aarch64 sysroot ${SYSROOT} (apt-get install libc6-arm64-cross)`;
const BASE_ENV: Record<string, string> = { PATH: '/usr/bin:/bin', LANG: 'C' };
const TIMEOUT_MS = 30_000;

const cases: Case[] = JSON.parse(readFileSync(join(dynDir, 'cases.json'), 'utf8'));
const scratch = mkdtempSync(join(tmpdir(), 'tsqemu-dyn-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    env: { ...BASE_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: TIMEOUT_MS - 2_000,
    killSignal: 'SIGKILL',
  });
  if (r.error) throw r.error;
  const status = r.status ?? (r.signal ? 128 + constants.signals[r.signal] : -1);
  return { status, stdout: r.stdout, stderr: r.stderr };
}

const golden = (name: string, kind: 'stdout' | 'stderr' | 'status'): string =>
  readFileSync(join(dynDir, 'golden', `${name}.${kind}`), 'utf8');

/** A copy of the dynamic hello whose PT_INTERP names `interp` (same length as the original). */
function helloWithInterpreter(interp: string): string {
  expect(interp.length).toBe(INTERP.length);
  const bytes = readFileSync(join(dynDir, 'hello'));
  const at = bytes.indexOf(`${INTERP}\0`);
  expect(at).toBeGreaterThan(0);
  bytes.write(interp, at, 'latin1');
  const file = join(scratch, `hello-${interp.replace(/\W/g, '_')}`);
  writeFileSync(file, bytes, { mode: 0o755 });
  return file;
}

/** The first 64 bytes of an x86-64 ELF executable: enough to be refused for its machine. */
function x86ElfHeader(): Uint8Array {
  const b = new Uint8Array(64);
  b.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
  const v = new DataView(b.buffer);
  v.setUint16(16, 3, true); // ET_DYN
  v.setUint16(18, 62, true); // EM_X86_64
  v.setUint32(20, 1, true);
  return b;
}

describe('interpreter errors are one line naming the interpreter, status 1', () => {
  it('a missing interpreter', () => {
    const prog = helloWithInterpreter('/xyz/ld-linux-aarch64.so.1');
    const r = run(['-L', scratch, prog]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `tsqemu-aarch64: ${prog}: cannot open interpreter /xyz/ld-linux-aarch64.so.1: No such file or directory\n`,
    );
  });

  it('without any prefix, the message suggests -L', () => {
    const prog = helloWithInterpreter('/xyz/ld-linux-aarch64.so.1');
    const r = run(['-L', '/', prog]);
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot open interpreter \/xyz\/ld-linux-aarch64\.so\.1: No such file or directory \(point -L or QEMU_LD_PREFIX at the guest's sysroot\)\n$/);
  });

  it('an interpreter for another machine, found under the prefix', () => {
    const prefix = join(scratch, 'x86root');
    mkdirSync(join(prefix, 'lib'), { recursive: true });
    writeFileSync(join(prefix, INTERP), x86ElfHeader());
    const r = run(['-L', prefix, join(dynDir, 'hello')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `tsqemu-aarch64: ${join(dynDir, 'hello')}: interpreter ${prefix}${INTERP}: wrong architecture: x86-64 (expected aarch64)\n`,
    );
  });

  it('an interpreter that is not an ELF file', () => {
    const prefix = join(scratch, 'textroot');
    mkdirSync(join(prefix, 'lib'), { recursive: true });
    writeFileSync(join(prefix, INTERP), '#!/bin/sh\n');
    const r = run(['-L', prefix, join(dynDir, 'hello')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/: interpreter .*textroot\/lib\/ld-linux-aarch64\.so\.1: not an ELF file\n$/);
  });
});

describe.skipIf(!haveSysroot)(`dynamically linked programs match qemu-aarch64 -L goldens`, () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = run(['-L', SYSROOT, join('tests', 'binaries', 'aarch64-dyn', c.binary), ...c.args], c.env);
      expect(r.stdout, 'stdout').toBe(golden(c.name, 'stdout'));
      expect(r.stderr.replace(/^tsqemu: /gm, 'qemu: '), 'stderr').toBe(golden(c.name, 'stderr'));
      expect(r.status, 'exit status').toBe(Number(golden(c.name, 'status').trim()));
    }, TIMEOUT_MS);
  }
});

describe.skipIf(!haveSysroot)('the prefix comes from -L, QEMU_LD_PREFIX or a relative path', () => {
  const hello = join('tests', 'binaries', 'aarch64-dyn', 'hello');

  it('QEMU_LD_PREFIX', () => {
    const r = run([hello], { QEMU_LD_PREFIX: SYSROOT });
    expect(r).toEqual({ status: 0, stdout: 'Hello, world!\n', stderr: '' });
  });

  it('-L wins over QEMU_LD_PREFIX', () => {
    const r = run(['-L', SYSROOT, hello], { QEMU_LD_PREFIX: join(scratch, 'nothing-here') });
    expect(r).toEqual({ status: 0, stdout: 'Hello, world!\n', stderr: '' });
  });

  it('a relative -L is taken from the working directory', () => {
    const r = run(['-L', relative(root, SYSROOT), hello]);
    expect(r).toEqual({ status: 0, stdout: 'Hello, world!\n', stderr: '' });
  });

  it('a prefix holding only the interpreter: other absolute paths fall through to the host', () => {
    // libc is not in this prefix; LD_LIBRARY_PATH names the sysroot by its host path,
    // which is not under the prefix either and so is used as it is.
    const partial = join(scratch, 'partial');
    mkdirSync(join(partial, 'lib'), { recursive: true });
    symlinkSync(join(SYSROOT, INTERP), join(partial, INTERP));
    const r = run(['-L', partial, hello], { LD_LIBRARY_PATH: join(SYSROOT, 'lib') });
    expect(r).toEqual({ status: 0, stdout: 'Hello, world!\n', stderr: '' });
  });

  it('static programs run the same with a prefix', () => {
    const r = run(['-L', SYSROOT, join('tests', 'binaries', 'aarch64', 'hello')]);
    expect(r).toEqual({ status: 0, stdout: 'Hello, world!\n', stderr: '' });
  });

  it('ld.so run as the program loads the program named on its command line', () => {
    const r = run(['-L', SYSROOT, join(SYSROOT, INTERP), hello]);
    expect(r).toEqual({ status: 0, stdout: 'Hello, world!\n', stderr: '' });
  });
});

describe.skipIf(!haveSysroot)('-strace shows ld.so loading libc through the prefix', () => {
  it('opens /lib/libc.so.6 (found in the sysroot) and maps it over a reservation', () => {
    const r = run(['-strace', '-L', SYSROOT, join('tests', 'binaries', 'aarch64-dyn', 'hello')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('Hello, world!\n');
    const lines = r.stderr.split('\n').map((l) => l.replace(/^\d+ /, ''));
    expect(lines).toContain('openat(AT_FDCWD,"/lib/libc.so.6",O_RDONLY|O_CLOEXEC,0) = 3');
    expect(lines.some((l) => /^read\(3,0x[0-9a-f]+,832\) = 832$/.test(l))).toBe(true);
    expect(lines.some((l) => /^mmap\(NULL,\d+,PROT_NONE,MAP_PRIVATE\|MAP_ANONYMOUS,-1,0\) = 0x/.test(l))).toBe(true);
    expect(lines.some((l) => /^mmap\(0x[0-9a-f]+,\d+,PROT_READ\|PROT_EXEC,MAP_PRIVATE\|MAP_FIXED\|MAP_DENYWRITE,3,0\) = 0x/.test(l))).toBe(true);
    // Not in the sysroot: the host's ld.so.cache (qemu does the same).
    expect(lines).toContain('openat(AT_FDCWD,"/etc/ld.so.cache",O_RDONLY|O_CLOEXEC,0) = 3');
  });
});

if (!haveSysroot) {
  process.stderr.write(`tests/e2e/dynamic.test.ts: skipping the dynamically linked programs: ${SKIP_REASON}\n`);
  describe('dynamically linked programs', () => {
    it.skip(SKIP_REASON, () => {});
  });
}
