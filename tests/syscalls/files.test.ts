import {
  existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AT_FDCWD, makeKernel, SCRATCH, type Harness } from './fixture.js';

// aarch64 open flags
const O_RDONLY = 0;
const O_WRONLY = 1;
const O_RDWR = 2;
const O_CREAT = 0o100;
const O_TRUNC = 0o1000;
const O_APPEND = 0o2000;
const O_NONBLOCK = 0o4000;
const O_DIRECTORY = 0x4000;
const O_LARGEFILE = 0x20000;
const O_CLOEXEC = 0o2000000;
const AT_SYMLINK_NOFOLLOW = 0x100;
const AT_REMOVEDIR = 0x200;
const AT_EMPTY_PATH = 0x1000;
const ENOENT = -2;
const EBADF = -9;
const EEXIST = -17;
const EISDIR = -21;
const EINVAL = -22;
const ENOTTY = -25;
const ESPIPE = -29;

// Scratch layout: a path, a data buffer, a struct buffer.
const PATH = SCRATCH;
const PATH2 = SCRATCH + 0x400;
const BUF = SCRATCH + 0x1000;
const ST = SCRATCH + 0x3000;

let dir: string;
let h: Harness;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tsqemu-sys-'));
  h = makeKernel();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = (path: string, flags: number, mode = 0o644, dirfd = AT_FDCWD): number =>
  h.call('openat', dirfd, h.str(PATH, path), flags, mode);

function write(fd: number, s: string): number {
  h.mem.writeBytes(BUF, Buffer.from(s));
  return h.call('write', fd, BUF, Buffer.byteLength(s));
}

function read(fd: number, len: number): string {
  const n = h.call('read', fd, BUF, len);
  expect(n).toBeGreaterThanOrEqual(0);
  return h.text(BUF, n);
}

const u64 = (addr: number): number => h.mem.readU64(addr);
const u32 = (addr: number): number => h.mem.read32(addr) >>> 0;

describe('file round trip', () => {
  it('openat / write / lseek / read / fstat / close', () => {
    const path = join(dir, 'a.txt');
    const fd = open(path, O_CREAT | O_RDWR | O_TRUNC);
    expect(fd).toBe(3);
    expect(write(fd, 'hello world')).toBe(11);
    expect(readFileSync(path, 'utf8')).toBe('hello world'); // straight to the host file
    expect(h.call('lseek', fd, 0, 0)).toBe(0);
    expect(read(fd, 5)).toBe('hello');
    expect(h.call('lseek', fd, 0, 1)).toBe(5);
    expect(read(fd, 100)).toBe(' world');
    expect(read(fd, 100)).toBe('');
    expect(h.call('lseek', fd, -5, 2)).toBe(6);
    expect(h.call('lseek', fd, -100, 1)).toBe(EINVAL);

    expect(h.call('fstat', fd, ST)).toBe(0);
    const host = statSync(path);
    expect(u64(ST + 8)).toBe(host.ino); // st_ino
    expect(u32(ST + 16)).toBe(0o100644); // st_mode
    expect(u64(ST + 48)).toBe(11); // st_size
    expect(u64(ST + 88)).toBe(Math.floor(host.mtimeMs / 1000)); // st_mtime

    expect(h.call('close', fd)).toBe(0);
    expect(h.call('close', fd)).toBe(EBADF);
    expect(h.call('read', fd, BUF, 1)).toBe(EBADF);
  });

  it('pread64 / pwrite64 leave the offset alone; O_APPEND writes at the end', () => {
    const path = join(dir, 'p.txt');
    writeFileSync(path, 'abcdef');
    const fd = open(path, O_RDWR);
    h.mem.writeBytes(BUF, Buffer.from('XY'));
    expect(h.call('pwrite64', fd, BUF, 2, 2)).toBe(2);
    expect(h.call('pread64', fd, BUF, 3, 1)).toBe(3);
    expect(h.text(BUF, 3)).toBe('bXY');
    expect(h.call('lseek', fd, 0, 1)).toBe(0);
    expect(h.call('pread64', fd, BUF, 3, -1)).toBe(EINVAL);

    const afd = open(path, O_WRONLY | O_APPEND);
    expect(write(afd, '!')).toBe(1);
    expect(readFileSync(path, 'utf8')).toBe('abXYef!');
    expect(h.call('lseek', afd, 0, 1)).toBe(7);
  });

  it('readv / writev', () => {
    const fd = open(join(dir, 'v.txt'), O_CREAT | O_RDWR);
    const IOV = SCRATCH + 0x800;
    h.mem.writeBytes(BUF, Buffer.from('foo'));
    h.mem.writeBytes(BUF + 0x100, Buffer.from('barbaz'));
    h.mem.writeU64(IOV, BUF);
    h.mem.writeU64(IOV + 8, 3);
    h.mem.writeU64(IOV + 16, BUF + 0x100);
    h.mem.writeU64(IOV + 24, 6);
    expect(h.call('writev', fd, IOV, 2)).toBe(9);
    expect(readFileSync(join(dir, 'v.txt'), 'utf8')).toBe('foobarbaz');
    h.call('lseek', fd, 0, 0);
    h.mem.writeU64(IOV + 8, 4);
    h.mem.writeU64(IOV + 24, 100);
    expect(h.call('readv', fd, IOV, 2)).toBe(9);
    expect(h.text(BUF, 4)).toBe('foob');
    expect(h.text(BUF + 0x100, 5)).toBe('arbaz');
    expect(h.call('writev', fd, IOV, -1)).toBe(EINVAL);
  });

  it('errors: ENOENT, EISDIR, EFAULT, read of a write-only fd', () => {
    expect(open(join(dir, 'missing'), O_RDONLY)).toBe(ENOENT);
    expect(open(dir, O_RDWR)).toBe(EISDIR);
    expect(h.call('openat', AT_FDCWD, 0x40000000, O_RDONLY, 0)).toBe(-14);
    const fd = open(join(dir, 'w'), O_CREAT | O_WRONLY);
    expect(h.call('read', fd, BUF, 1)).toBe(EBADF);
    expect(h.call('write', fd, 0x40000000, 4)).toBe(-14);
  });

  it('newfstatat: paths, AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH, dirfd-relative', () => {
    const path = join(dir, 'f');
    writeFileSync(path, 'xyz');
    symlinkSync('f', join(dir, 'link'));
    expect(h.call('newfstatat', AT_FDCWD, h.str(PATH, path), ST, 0)).toBe(0);
    expect(u64(ST + 48)).toBe(3);
    expect(h.call('newfstatat', AT_FDCWD, h.str(PATH, join(dir, 'link')), ST, 0)).toBe(0);
    expect(u32(ST + 16) & 0o170000).toBe(0o100000);
    expect(h.call('newfstatat', AT_FDCWD, h.str(PATH, join(dir, 'link')), ST, AT_SYMLINK_NOFOLLOW)).toBe(0);
    expect(u32(ST + 16) & 0o170000).toBe(0o120000);
    expect(u64(ST + 8)).toBe(lstatSync(join(dir, 'link')).ino);

    const dfd = open(dir, O_RDONLY | O_DIRECTORY);
    expect(h.call('newfstatat', dfd, h.str(PATH, 'f'), ST, 0)).toBe(0);
    expect(u64(ST + 8)).toBe(statSync(path).ino);
    expect(h.call('newfstatat', dfd, h.str(PATH, ''), ST, AT_EMPTY_PATH)).toBe(0);
    expect(u32(ST + 16) & 0o170000).toBe(0o040000);
    expect(h.call('newfstatat', dfd, h.str(PATH, ''), ST, 0)).toBe(ENOENT);
    const ffd = open(path, O_RDONLY);
    expect(h.call('newfstatat', ffd, h.str(PATH, 'x'), ST, 0)).toBe(-20); // ENOTDIR
  });

  it('statx reports the basic stats', () => {
    const path = join(dir, 's');
    writeFileSync(path, '12345');
    expect(h.call('statx', AT_FDCWD, h.str(PATH, path), 0, 0x7ff, ST)).toBe(0);
    expect(u32(ST) & 0x7ff).toBe(0x7ff); // stx_mask
    expect(h.mem.read16(ST + 28)).toBe(0o100644 & 0xffff); // stx_mode
    expect(u64(ST + 32)).toBe(statSync(path).ino);
    expect(u64(ST + 40)).toBe(5);
  });

  it('getdents64 lists entries with inode numbers and types, resuming where it stopped', () => {
    writeFileSync(join(dir, 'file1'), '');
    mkdirSync(join(dir, 'sub'));
    symlinkSync('file1', join(dir, 'ln'));
    const fd = open(dir, O_RDONLY | O_DIRECTORY);
    const seen = new Map<string, { ino: number; type: number }>();
    let calls = 0;
    for (;;) {
      const n = h.call('getdents64', fd, BUF, 64); // room for one or two records
      expect(n).toBeGreaterThanOrEqual(0);
      if (n === 0) break;
      calls++;
      for (let at = BUF; at < BUF + n;) {
        const reclen = h.mem.read16(at + 16);
        const name = h.mem.readCString(at + 19);
        seen.set(name, { ino: u64(at), type: h.mem.read8(at + 18) });
        at += reclen;
      }
    }
    expect(calls).toBeGreaterThan(1);
    expect([...seen.keys()].sort()).toEqual(['.', '..', 'file1', 'ln', 'sub']);
    expect(seen.get('file1')).toEqual({ ino: statSync(join(dir, 'file1')).ino, type: 8 });
    expect(seen.get('sub')?.type).toBe(4);
    expect(seen.get('ln')?.type).toBe(10);
    expect(seen.get('.')?.ino).toBe(statSync(dir).ino);
    // rewinddir starts over; a buffer too small for one record is EINVAL
    expect(h.call('lseek', fd, 0, 0)).toBe(0);
    expect(h.call('getdents64', fd, BUF, 8)).toBe(EINVAL);
    expect(h.call('getdents64', fd, BUF, 4096)).toBeGreaterThan(0);
    const file = open(join(dir, 'file1'), O_RDONLY);
    expect(h.call('getdents64', file, BUF, 4096)).toBe(-20);
  });

  it('renameat2, renameat, unlinkat, mkdirat', () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    writeFileSync(a, '1');
    writeFileSync(b, '2');
    const RENAME_NOREPLACE = 1;
    expect(h.call('renameat2', AT_FDCWD, h.str(PATH, a), AT_FDCWD, h.str(PATH2, b), RENAME_NOREPLACE)).toBe(EEXIST);
    expect(h.call('renameat2', AT_FDCWD, h.str(PATH, a), AT_FDCWD, h.str(PATH2, join(dir, 'c')), RENAME_NOREPLACE)).toBe(0);
    expect(existsSync(a)).toBe(false);
    expect(h.call('renameat', AT_FDCWD, h.str(PATH, join(dir, 'c')), AT_FDCWD, h.str(PATH2, b))).toBe(0);
    expect(readFileSync(b, 'utf8')).toBe('1');

    expect(h.call('mkdirat', AT_FDCWD, h.str(PATH, join(dir, 'd')), 0o750)).toBe(0);
    expect(statSync(join(dir, 'd')).mode & 0o777).toBe(0o750);
    expect(h.call('mkdirat', AT_FDCWD, h.str(PATH, join(dir, 'd')), 0o750)).toBe(EEXIST);
    expect(h.call('unlinkat', AT_FDCWD, h.str(PATH, join(dir, 'd')), 0)).toBe(EISDIR);
    expect(h.call('unlinkat', AT_FDCWD, h.str(PATH, join(dir, 'd')), AT_REMOVEDIR)).toBe(0);
    expect(h.call('unlinkat', AT_FDCWD, h.str(PATH, b), 0)).toBe(0);
    expect(existsSync(b)).toBe(false);
    expect(h.call('unlinkat', AT_FDCWD, h.str(PATH, b), 0)).toBe(ENOENT);
  });

  it('linkat and symlinkat', () => {
    const f = join(dir, 'f');
    writeFileSync(f, 'data');
    expect(h.call('symlinkat', h.str(PATH, 'f'), AT_FDCWD, h.str(PATH2, join(dir, 's')))).toBe(0);
    expect(h.call('linkat', AT_FDCWD, h.str(PATH, join(dir, 's')), AT_FDCWD, h.str(PATH2, join(dir, 'hs')), 0)).toBe(0);
    expect(lstatSync(join(dir, 'hs')).isSymbolicLink()).toBe(true); // the link itself, not its target
    expect(h.call('linkat', AT_FDCWD, h.str(PATH, join(dir, 's')), AT_FDCWD, h.str(PATH2, join(dir, 'h')), 0x400)).toBe(0);
    expect(statSync(f).nlink).toBe(2);
    expect(h.call('linkat', AT_FDCWD, h.str(PATH, f), AT_FDCWD, h.str(PATH2, join(dir, 'h')), 0)).toBe(EEXIST);
    expect(h.call('symlinkat', h.str(PATH, 'x'), AT_FDCWD, h.str(PATH2, join(dir, 'f')))).toBe(EEXIST);
  });

  it('getcwd / chdir / relative paths / readlinkat / faccessat', () => {
    expect(h.call('chdir', h.str(PATH, dir))).toBe(0);
    const n = h.call('getcwd', BUF, 4096);
    expect(h.mem.readCString(BUF)).toBe(realpathSync(dir));
    expect(n).toBe(Buffer.byteLength(realpathSync(dir)) + 1);
    expect(h.call('getcwd', BUF, 2)).toBe(-34); // ERANGE
    writeFileSync(join(dir, 'rel'), 'r');
    const fd = open('rel', O_RDONLY);
    expect(read(fd, 10)).toBe('r');

    const len = h.call('readlinkat', AT_FDCWD, h.str(PATH, '/proc/self/exe'), BUF, 100);
    expect(h.text(BUF, len)).toBe('/usr/bin/prog');
    symlinkSync('target-name', join(dir, 'sl'));
    expect(h.call('readlinkat', AT_FDCWD, h.str(PATH, 'sl'), BUF, 6)).toBe(6);
    expect(h.text(BUF, 6)).toBe('target');
    expect(h.call('readlinkat', AT_FDCWD, h.str(PATH, 'rel'), BUF, 6)).toBe(EINVAL);
    const cwdLen = h.call('readlinkat', AT_FDCWD, h.str(PATH, '/proc/self/cwd'), BUF, 4096);
    expect(h.text(BUF, cwdLen)).toBe(realpathSync(dir));
    const fdLen = h.call('readlinkat', AT_FDCWD, h.str(PATH, `/proc/self/fd/${fd}`), BUF, 4096);
    expect(h.text(BUF, fdLen)).toBe(`${realpathSync(dir)}/rel`);
    expect(h.call('readlinkat', AT_FDCWD, h.str(PATH, '/proc/self/fd/77'), BUF, 4096)).toBe(ENOENT);
    const again = h.call('openat', AT_FDCWD, h.str(PATH, `/proc/self/fd/${fd}`), O_RDONLY, 0);
    expect(read(again, 10)).toBe('r');

    expect(h.call('faccessat', AT_FDCWD, h.str(PATH, 'rel'), 4)).toBe(0);
    expect(h.call('faccessat', AT_FDCWD, h.str(PATH, 'nope'), 0)).toBe(ENOENT);
    expect(h.call('faccessat2', AT_FDCWD, h.str(PATH, 'rel'), 0, 0)).toBe(0);
    expect(h.call('chdir', h.str(PATH, 'rel'))).toBe(-20);
  });

  it('dup, dup3, fcntl', () => {
    const path = join(dir, 'd.txt');
    writeFileSync(path, 'abcdef');
    const fd = open(path, O_RDWR | O_CLOEXEC);
    expect(h.call('fcntl', fd, 1, 0)).toBe(1); // F_GETFD: FD_CLOEXEC
    expect(h.call('fcntl', fd, 3, 0)).toBe(O_RDWR | O_LARGEFILE); // F_GETFL
    const d = h.call('dup', fd);
    expect(d).toBe(fd + 1);
    expect(h.call('fcntl', d, 1, 0)).toBe(0);
    expect(read(fd, 2)).toBe('ab');
    expect(read(d, 2)).toBe('cd'); // shared offset
    expect(h.call('dup3', fd, 10, O_CLOEXEC)).toBe(10);
    expect(h.call('fcntl', 10, 1, 0)).toBe(1);
    expect(h.call('dup3', fd, fd, 0)).toBe(EINVAL);
    expect(h.call('fcntl', fd, 0, 20)).toBe(20); // F_DUPFD
    expect(h.call('fcntl', fd, 1030, 0)).toBe(d + 1); // F_DUPFD_CLOEXEC: lowest free
    expect(h.call('fcntl', fd, 2, 0)).toBe(0); // F_SETFD 0
    expect(h.call('fcntl', fd, 1, 0)).toBe(0);
    expect(h.call('fcntl', fd, 4, O_APPEND | O_NONBLOCK)).toBe(0); // F_SETFL
    expect(h.call('fcntl', d, 3, 0)).toBe(O_RDWR | O_LARGEFILE | O_APPEND | O_NONBLOCK);
    h.call('close', fd);
    expect(read(d, 2)).toBe('ef'); // still open through the dup
    expect(h.call('dup', 99)).toBe(EBADF);
  });

  it('ftruncate, fsync, ioctl on a regular file, lseek on a pipe, pipe2 round trip', () => {
    const path = join(dir, 't');
    writeFileSync(path, '0123456789');
    const fd = open(path, O_RDWR);
    expect(h.call('ftruncate', fd, 4)).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe('0123');
    expect(h.call('fsync', fd)).toBe(0);
    expect(h.call('fdatasync', fd)).toBe(0);
    expect(h.call('ioctl', fd, 0x5401, BUF)).toBe(ENOTTY); // TCGETS
    expect(h.call('ioctl', fd, 0x5413, BUF)).toBe(ENOTTY); // TIOCGWINSZ

    expect(h.call('pipe2', BUF, O_CLOEXEC)).toBe(0);
    const [r, w] = [h.mem.read32(BUF), h.mem.read32(BUF + 4)];
    expect(h.call('fcntl', r, 1, 0)).toBe(1);
    expect(h.call('lseek', r, 0, 0)).toBe(ESPIPE);
    expect(write(w, 'through the pipe')).toBe(16);
    expect(read(r, 7)).toBe('through');
    expect(read(r, 100)).toBe(' the pipe');
    // An empty pipe: the reader waits; nobody else can write, so the scheduler gives up with EAGAIN.
    const thread = h.kernel.process.mainThread;
    h.call('read', r, BUF, 10);
    expect(thread.waiting).not.toBeNull();
    expect(h.kernel.scheduler.breakDeadlock()).toBe(true);
    expect(thread.pendingResult).toBe(-11);
    thread.pendingResult = null;
    h.call('close', w);
    expect(h.call('read', r, BUF, 10)).toBe(0);
    expect(h.call('fstat', r, ST)).toBe(0);
    expect(u32(ST + 16) & 0o170000).toBe(0o010000);
  });
});
