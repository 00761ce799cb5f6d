// Records the goldens of the Debian cases under qemu-aarch64 (run as root):
//
//   npx tsx tests/debian/record-goldens.ts [case-name...]   (default: every case of
//                                                            cases.json and pending.json)
//
// Each case runs in a chroot into the Debian arm64 tree, with qemu-aarch64-static
// registered with binfmt_misc (flags F and P) for the run, so that every program the
// case starts -- the first one and each one it execs -- is the tree's arm64 program
// under qemu. The work directory is the tree's /tmp/tsqemu-case; the environment is
// guestEnvironment(); /proc and /dev are the host's, bound into the tree meanwhile.
// tsqemu runs the same programs without a chroot, through -L (debian.test.ts).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shellStatus } from '../support/golden-run.js';
import {
  type DebianCase, copyCaseFiles, debianTree, debianTreePresent, goldenFile, guestArgv, guestEnvironment,
  loadCases, repoRoot, stdinOf,
} from './debian-cases.js';

const BINFMT = '/proc/sys/fs/binfmt_misc';
const ENTRY = 'tsqemu-record-aarch64';
/** The ELF header of an aarch64 executable and the bits of it binfmt_misc compares. */
const AARCH64_MAGIC = '\\x7fELF\\x02\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\xb7\\x00';
const AARCH64_MASK = '\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff';
const GUEST_WORK_DIR = '/tmp/tsqemu-case';
const BIND_MOUNTS = ['/proc', '/dev'];

function run(cmd: string, args: string[], cwd = repoRoot): void {
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** Debian's statically linked qemu-aarch64 (a chroot cannot load the dynamic one). */
function staticQemu(): string {
  const dir = join(repoRoot, '.cache', 'qemu-user-static');
  const qemu = join(dir, 'usr', 'bin', 'qemu-aarch64-static');
  if (existsSync(qemu)) return qemu;
  mkdirSync(dir, { recursive: true });
  run('apt-get', ['download', '-qq', 'qemu-user-static'], dir);
  const deb = readdirSync(dir).find((f) => f.startsWith('qemu-user-static_') && f.endsWith('.deb'));
  if (deb === undefined) throw new Error('apt-get download qemu-user-static gave no .deb');
  run('dpkg-deb', ['-x', join(dir, deb), dir]);
  return qemu;
}

function registerBinfmt(qemu: string): void {
  if (!existsSync(join(BINFMT, 'register'))) run('mount', ['-t', 'binfmt_misc', 'binfmt_misc', BINFMT]);
  if (existsSync(join(BINFMT, ENTRY))) unregisterBinfmt();
  writeFileSync(join(BINFMT, 'register'), `:${ENTRY}:M::${AARCH64_MAGIC}:${AARCH64_MASK}:${qemu}:FP`);
}

function unregisterBinfmt(): void {
  if (existsSync(join(BINFMT, ENTRY))) writeFileSync(join(BINFMT, ENTRY), '-1');
}

function record(c: DebianCase): void {
  const hostWorkDir = join(debianTree, GUEST_WORK_DIR);
  rmSync(hostWorkDir, { recursive: true, force: true });
  mkdirSync(hostWorkDir, { recursive: true });
  try {
    copyCaseFiles(c, hostWorkDir);
    const env = Object.entries(guestEnvironment(GUEST_WORK_DIR)).map(([k, v]) => `${k}=${v}`);
    const input = stdinOf(c);
    const r = spawnSync('chroot', [debianTree, '/usr/bin/env', '-i', '-C', GUEST_WORK_DIR, ...env, ...guestArgv(c)], {
      env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' },
      input,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.error) throw r.error;
    const status = shellStatus(r.status, r.signal);
    writeFileSync(goldenFile(c.name, 'stdout'), r.stdout);
    writeFileSync(goldenFile(c.name, 'stderr'), r.stderr);
    writeFileSync(goldenFile(c.name, 'status'), `${status}\n`);
    console.log(`${c.name}: status ${status}, ${r.stdout.length} bytes of stdout, ${r.stderr.length} of stderr`);
  } finally {
    rmSync(hostWorkDir, { recursive: true, force: true });
  }
}

function main(names: string[]): void {
  if (process.getuid?.() !== 0) throw new Error('record-goldens.ts needs root (chroot, mount, binfmt_misc)');
  if (!debianTreePresent()) throw new Error(`no Debian tree at ${debianTree}: run scripts/fetch-debian-packages.sh`);
  const all = [...loadCases('cases'), ...loadCases('pending')];
  const unknown = names.filter((n) => !all.some((c) => c.name === n));
  if (unknown.length > 0) throw new Error(`unknown cases: ${unknown.join(' ')}`);
  const chosen = names.length === 0 ? all : all.filter((c) => names.includes(c.name));
  registerBinfmt(staticQemu());
  const mounted: string[] = [];
  try {
    for (const dir of BIND_MOUNTS) {
      run('mount', ['--bind', dir, join(debianTree, dir)]);
      mounted.push(dir);
    }
    for (const c of chosen) record(c);
  } finally {
    for (const dir of mounted.reverse()) run('umount', [join(debianTree, dir)]);
    unregisterBinfmt();
  }
}

main(process.argv.slice(2));
