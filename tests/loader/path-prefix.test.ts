// The -L prefix rule (qemu 7.2's): an absolute guest path is the prefix's file when it
// exists there, the host's otherwise; answers are remembered; /proc and /dev are the
// host's. Then the same rule seen through the path-taking syscalls.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PathPrefix } from '../../src/syscalls/path-prefix.js';
import { AT_FDCWD, SCRATCH, makeKernel } from '../syscalls/fixture.js';

// Host files live under `host`; the sysroot mirrors some of them under `sysroot + host`,
// so guest paths are the host's absolute paths and both sides can be arranged.
const host = mkdtempSync(join(tmpdir(), 'tsqemu-prefix-'));
const sysroot = join(host, 'sysroot');
const inPrefix = (path: string): string => sysroot + path;
afterAll(() => rmSync(host, { recursive: true, force: true }));

function put(path: string, text = ''): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

const hostOnly = put(join(host, 'hostonly.txt'), 'host');
const both = put(join(host, 'both', 'f.txt'), 'host side');
put(inPrefix(both), 'prefix side');
const prefixOnly = join(host, 'both', 'p.txt');
put(inPrefix(prefixOnly), 'prefix only');
mkdirSync(inPrefix(join(host, 'dir')), { recursive: true });
mkdirSync(join(host, 'dir'), { recursive: true });

describe('PathPrefix', () => {
  const prefix = new PathPrefix(sysroot);

  it('finds a file that exists only in the prefix', () => {
    expect(prefix.hostPath(prefixOnly)).toBe(inPrefix(prefixOnly));
  });

  it('prefers the prefix when both sides have the path (files and directories)', () => {
    expect(prefix.hostPath(both)).toBe(inPrefix(both));
    expect(prefix.hostPath(join(host, 'dir'))).toBe(inPrefix(join(host, 'dir')));
  });

  it('uses the host path when the prefix does not have it', () => {
    expect(prefix.hostPath(hostOnly)).toBe(hostOnly);
    expect(prefix.hostPath('/no/such/file')).toBe('/no/such/file');
  });

  it('maps / to the prefix root', () => {
    expect(prefix.hostPath('/')).toBe(`${sysroot}/`);
  });

  it('leaves relative paths alone', () => {
    expect(prefix.hostPath('both/f.txt')).toBe('both/f.txt');
    expect(prefix.hostPath('.')).toBe('.');
  });

  it('never prefixes /proc and /dev', () => {
    const root = join(host, 'fake-root');
    put(join(root, 'proc', 'self', 'exe'));
    put(join(root, 'dev', 'null'));
    put(join(root, 'devices'));
    const p = new PathPrefix(root);
    expect(p.hostPath('/proc/self/exe')).toBe('/proc/self/exe');
    expect(p.hostPath('/proc')).toBe('/proc');
    expect(p.hostPath('//dev/null')).toBe('//dev/null');
    expect(p.hostPath('/devices')).toBe(join(root, 'devices'));
  });

  it('joins as written: .. is resolved by the host inside the prefix', () => {
    expect(prefix.hostPath(`${host}/dir/../both/f.txt`)).toBe(inPrefix(`${host}/dir/../both/f.txt`));
    expect(prefix.hostPath(`${host}/nodir/../both/f.txt`)).toBe(`${host}/nodir/../both/f.txt`);
  });

  it('does not count a dangling symlink in the prefix', () => {
    const link = join(host, 'dangling');
    symlinkSync('/nonexistent/target', inPrefix(link));
    expect(prefix.hostPath(link)).toBe(link);
  });

  it('remembers each answer for the rest of the run', () => {
    const p = new PathPrefix(sysroot);
    const later = join(host, 'later.txt');
    expect(p.hostPath(later)).toBe(later);
    put(inPrefix(later));
    expect(p.hostPath(later)).toBe(later); // still the host's
    expect(new PathPrefix(sysroot).hostPath(later)).toBe(inPrefix(later));
  });

  it('is inactive without a prefix, with / or with a prefix that is no directory', () => {
    for (const given of [undefined, '', '/', join(host, 'missing'), hostOnly]) {
      const p = new PathPrefix(given);
      expect(p.active).toBe(false);
      expect(p.hostPath(prefixOnly)).toBe(prefixOnly);
    }
  });

  it('takes a relative prefix from the working directory and ignores trailing slashes', () => {
    const p = new PathPrefix('sysroot//', host);
    expect(p.root).toBe(sysroot);
    expect(p.hostPath(prefixOnly)).toBe(inPrefix(prefixOnly));
  });
});

describe('path-taking syscalls look absolute paths up in the prefix', () => {
  const k = () => makeKernel({ prefix: new PathPrefix(sysroot) });
  const STAT_BUF = SCRATCH + 0x1000;
  const ST_SIZE = 48; // offset of st_size in the aarch64 struct stat

  function readAll(h: ReturnType<typeof k>, fd: number): string {
    const n = h.call('read', fd, SCRATCH + 0x2000, 256);
    return h.text(SCRATCH + 0x2000, n);
  }

  it('openat reads the prefix file, or the host file when the prefix has none', () => {
    const h = k();
    expect(readAll(h, h.call('openat', AT_FDCWD, h.str(SCRATCH, both), 0, 0))).toBe('prefix side');
    expect(readAll(h, h.call('openat', AT_FDCWD, h.str(SCRATCH, hostOnly), 0, 0))).toBe('host');
  });

  it('a relative path is not prefixed, even against a directory fd', () => {
    const h = makeKernel({ prefix: new PathPrefix(sysroot), cwd: join(host, 'both') });
    expect(readAll(h, h.call('openat', AT_FDCWD, h.str(SCRATCH, 'f.txt'), 0, 0))).toBe('host side');
    const dir = h.call('openat', AT_FDCWD, h.str(SCRATCH, '.'), 0, 0); // the host's cwd
    expect(readAll(h, h.call('openat', dir, h.str(SCRATCH, 'f.txt'), 0, 0))).toBe('host side');
    expect(readAll(h, h.call('openat', dir, h.str(SCRATCH, both), 0, 0))).toBe('prefix side');
  });

  it('newfstatat, statx and faccessat see the prefix file', () => {
    const h = k();
    expect(h.call('newfstatat', AT_FDCWD, h.str(SCRATCH, prefixOnly), STAT_BUF, 0)).toBe(0);
    expect(h.mem.readU64(STAT_BUF + ST_SIZE)).toBe('prefix only'.length);
    expect(h.call('statx', AT_FDCWD, h.str(SCRATCH, prefixOnly), 0, 0x7ff, STAT_BUF)).toBe(0);
    expect(h.call('faccessat', AT_FDCWD, h.str(SCRATCH, prefixOnly), 4)).toBe(0);
    expect(h.call('faccessat2', AT_FDCWD, h.str(SCRATCH, prefixOnly), 4, 0)).toBe(0);
  });

  it('readlinkat reads a link in the prefix; /proc/self/exe stays the program', () => {
    const h = k();
    const link = join(host, 'link');
    symlinkSync('both/f.txt', inPrefix(link));
    const n = h.call('readlinkat', AT_FDCWD, h.str(SCRATCH, link), SCRATCH + 0x2000, 256);
    expect(h.text(SCRATCH + 0x2000, n)).toBe('both/f.txt');
    const m = h.call('readlinkat', AT_FDCWD, h.str(SCRATCH, '/proc/self/exe'), SCRATCH + 0x2000, 256);
    expect(h.text(SCRATCH + 0x2000, m)).toBe('/usr/bin/prog');
  });

  it('without a prefix the same paths are the host\'s', () => {
    const h = makeKernel();
    expect(readAll(h, h.call('openat', AT_FDCWD, h.str(SCRATCH, both), 0, 0))).toBe('host side');
    expect(h.call('newfstatat', AT_FDCWD, h.str(SCRATCH, prefixOnly), STAT_BUF, 0)).toBe(-2);
  });
});
