// The newer *at calls that qemu 7.2 (the golden oracle) lacks: openat2 with RESOLVE_*
// restrictions, fchmodat2; and faccessat2's flags, sync_file_range, readahead.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AT_FDCWD, makeKernel, SCRATCH } from './fixture.js';

const PATH = SCRATCH + 0x100, HOW = SCRATCH + 0x800;
const O_RDONLY = 0, O_DIRECTORY = 0o40000; // aarch64 moves O_DIRECTORY
const RESOLVE_NO_SYMLINKS = 4, RESOLVE_BENEATH = 8, RESOLVE_IN_ROOT = 0x10;
const AT_SYMLINK_NOFOLLOW = 0x100, AT_EMPTY_PATH = 0x1000;
const ELOOP = -40, EXDEV = -18, EINVAL = -22, E2BIG = -7, EOPNOTSUPP = -95, ENOENT = -2, ESPIPE = -29;

const dir = mkdtempSync(join(tmpdir(), 'tsqemu-fileops-'));
mkdirSync(join(dir, 'sub'));
writeFileSync(join(dir, 'sub', 'f'), 'data');
symlinkSync('sub/f', join(dir, 'link'));
symlinkSync('missing', join(dir, 'dangling'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function setup() {
  const h = makeKernel();
  h.str(PATH, dir);
  const dfd = h.call('openat', AT_FDCWD, PATH, O_RDONLY | O_DIRECTORY, 0);
  const openat2 = (path: string, resolve: number, size = 24, flags = O_RDONLY): number => {
    h.str(PATH, path);
    h.mem.writeBytes(HOW, new Uint8Array(32));
    h.mem.writeU64(HOW, flags);
    h.mem.writeU64(HOW + 16, resolve);
    return h.call('openat2', dfd, PATH, HOW, size);
  };
  return { h, dfd, openat2 };
}

describe('openat2', () => {
  it('opens like openat without restrictions', () => {
    const { openat2 } = setup();
    expect(openat2('link', 0)).toBeGreaterThan(2);
  });

  it('RESOLVE_NO_SYMLINKS refuses a symlink anywhere on the path', () => {
    const { openat2 } = setup();
    expect(openat2('link', RESOLVE_NO_SYMLINKS)).toBe(ELOOP);
    expect(openat2('sub/f', RESOLVE_NO_SYMLINKS)).toBeGreaterThan(2);
  });

  it('RESOLVE_BENEATH keeps the lookup under the directory', () => {
    const { openat2 } = setup();
    expect(openat2('../', RESOLVE_BENEATH)).toBe(EXDEV);
    expect(openat2('/etc/passwd', RESOLVE_BENEATH)).toBe(EXDEV);
    expect(openat2('sub/../sub/f', RESOLVE_BENEATH)).toBeGreaterThan(2);
  });

  it('checks its struct: size, trailing bytes, unknown bits', () => {
    const { h, openat2 } = setup();
    expect(openat2('sub/f', 0, 16)).toBe(EINVAL);
    expect(openat2('sub/f', 0x100)).toBe(EINVAL);
    h.mem.writeU64(HOW + 24, 1);
    h.str(PATH, 'sub/f');
    expect(h.call('openat2', 3, PATH, HOW, 32)).toBe(E2BIG);
    expect(openat2('sub/f', RESOLVE_IN_ROOT)).toBe(EINVAL);
    expect(h.reports).toEqual(['openat2: RESOLVE_IN_ROOT is not supported']);
  });
});

describe('fchmodat2 and faccessat2', () => {
  it('a symlink\'s own mode cannot change; AT_EMPTY_PATH changes the fd\'s file', () => {
    const { h, dfd } = setup();
    h.str(PATH, 'link');
    expect(h.call('fchmodat2', dfd, PATH, 0o600, AT_SYMLINK_NOFOLLOW)).toBe(EOPNOTSUPP);
    h.str(PATH, 'sub/f');
    const fd = h.call('openat', dfd, PATH, O_RDONLY, 0);
    h.str(PATH, '');
    expect(h.call('fchmodat2', fd, PATH, 0o640, AT_EMPTY_PATH)).toBe(0);
    expect(statSync(join(dir, 'sub', 'f')).mode & 0o777).toBe(0o640);
  });

  it('faccessat2 AT_SYMLINK_NOFOLLOW looks at a dangling symlink itself', () => {
    const { h, dfd } = setup();
    h.str(PATH, 'dangling');
    expect(h.call('faccessat2', dfd, PATH, 0, 0)).toBe(ENOENT);
    expect(h.call('faccessat2', dfd, PATH, 0, AT_SYMLINK_NOFOLLOW)).toBe(0);
    h.str(PATH, '');
    expect(h.call('faccessat2', dfd, PATH, 4, AT_EMPTY_PATH)).toBe(0);
  });
});

describe('utimensat', () => {
  it('keeps nanoseconds, and leaves a UTIME_OMIT time exactly as it was', () => {
    const { h, dfd } = setup();
    const TIMES = SCRATCH + 0x900;
    const times = (a: [number, number], m: [number, number]): void => {
      [a[0], a[1], m[0], m[1]].forEach((v, i) => h.mem.writeU64(TIMES + 8 * i, v));
    };
    h.str(PATH, 'sub/f');
    times([1_000_000_000, 123_456_789], [1_200_000_000, 987_654_321]);
    expect(h.call('utimensat', dfd, PATH, TIMES, 0)).toBe(0);
    let st = statSync(join(dir, 'sub', 'f'), { bigint: true });
    expect([st.atimeNs, st.mtimeNs]).toEqual([1_000_000_000_123_456_789n, 1_200_000_000_987_654_321n]);
    times([0, 0x3ffffffe], [1_300_000_000, 0]); // atime: UTIME_OMIT
    expect(h.call('utimensat', dfd, PATH, TIMES, 0)).toBe(0);
    st = statSync(join(dir, 'sub', 'f'), { bigint: true });
    expect([st.atimeNs, st.mtimeNs]).toEqual([1_000_000_000_123_456_789n, 1_300_000_000_000_000_000n]);
    h.str(PATH, 'nothing-here');
    times([0, 0x3ffffffe], [0, 0x3ffffffe]);
    expect(h.call('utimensat', dfd, PATH, TIMES, 0)).toBe(0); // both omitted: not even looked up
    times([0, 0x3ffffffe], [0, 0x3fffffff]);
    expect(h.call('utimensat', dfd, PATH, TIMES, 0)).toBe(ENOENT);
  });
});

describe('statx', () => {
  it('gives the mount id of /proc/self/mountinfo and marks a mount root', () => {
    const { h } = setup();
    const STX = SCRATCH + 0x1000;
    h.str(PATH, '/');
    expect(h.call('statx', AT_FDCWD, PATH, 0, 0x1000, STX)).toBe(0);
    const rootLine = readFileSync('/proc/self/mountinfo', 'utf8').split('\n').find((l) => l.split(' ')[4] === '/');
    expect(h.mem.read32(STX) & 0x1000).toBe(0x1000);
    expect(h.mem.readU64(STX + 144)).toBe(Number(rootLine!.split(' ')[0]));
    expect(h.mem.readU64(STX + 8) & 0x2000).toBe(0x2000);
  });
});

describe('sync_file_range and readahead', () => {
  it('accept a regular file; refuse bad flags and pipes', () => {
    const { h, dfd } = setup();
    h.str(PATH, 'sub/f');
    const fd = h.call('openat', dfd, PATH, O_RDONLY, 0);
    expect(h.call('sync_file_range', fd, 0, 0, 2)).toBe(0);
    expect(h.call('sync_file_range', fd, 0, 0, 8)).toBe(EINVAL);
    expect(h.call('readahead', fd, 0, 4096)).toBe(0);
    expect(h.call('pipe2', HOW, 0)).toBe(0);
    expect(h.call('sync_file_range', h.mem.read32(HOW), 0, 0, 0)).toBe(ESPIPE);
    expect(h.call('readahead', h.mem.read32(HOW), 0, 4096)).toBe(EINVAL);
  });
});
