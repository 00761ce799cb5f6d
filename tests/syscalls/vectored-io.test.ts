// preadv/pwritev and preadv2/pwritev2: positions, offset -1, RWF_* flags.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AT_FDCWD, makeKernel, SCRATCH } from './fixture.js';

const PATH = SCRATCH + 0x100, IOV = SCRATCH + 0x400, BUF = SCRATCH + 0x800, FDS = SCRATCH + 0xc00;
const O_RDWR = 2, O_CREAT = 0o100;
const RWF_NOWAIT = 8, RWF_APPEND = 0x10;
const EINVAL = -22, EOPNOTSUPP = -95, EAGAIN = -11, ESPIPE = -29;

const dir = mkdtempSync(join(tmpdir(), 'tsqemu-vio-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function setup(name: string) {
  const h = makeKernel();
  h.str(PATH, join(dir, name));
  const fd = h.call('openat', AT_FDCWD, PATH, O_RDWR | O_CREAT, 0o644);
  /** Two iovecs over BUF: `a` bytes then `b` bytes. */
  const iov = (a: number, b: number): number => {
    h.mem.writeU64(IOV, BUF); h.mem.writeU64(IOV + 8, a);
    h.mem.writeU64(IOV + 16, BUF + a); h.mem.writeU64(IOV + 24, b);
    return IOV;
  };
  return { h, fd, iov, file: join(dir, name) };
}

describe('preadv/pwritev', () => {
  it('write and read at a position, leaving the offset alone', () => {
    const { h, fd, iov, file } = setup('a');
    h.str(BUF, 'hello world');
    expect(h.call('pwritev', fd, iov(6, 5), 2, 4, 0)).toBe(11);
    expect(readFileSync(file, 'latin1')).toBe('\0\0\0\0hello world');
    expect(h.call('lseek', fd, 0, 1)).toBe(0);
    h.mem.writeBytes(BUF, new Uint8Array(16));
    expect(h.call('preadv', fd, iov(3, 20), 2, 8, 0)).toBe(7);
    expect(h.text(BUF, 7)).toBe('o world');
    expect(h.call('preadv', fd, iov(1, 1), 2, -1, 0)).toBe(EINVAL);
  });

  it('offset -1 of the v2 forms uses and moves the file offset', () => {
    const { h, fd, iov } = setup('b');
    h.str(BUF, 'abcdef');
    expect(h.call('pwritev2', fd, iov(3, 3), 2, -1, 0, 0)).toBe(6);
    expect(h.call('lseek', fd, 0, 1)).toBe(6);
    expect(h.call('lseek', fd, 2, 0)).toBe(2);
    expect(h.call('preadv2', fd, iov(2, 2), 2, -1, 0, 0)).toBe(4);
    expect(h.text(BUF, 4)).toBe('cdef');
    expect(h.call('lseek', fd, 0, 1)).toBe(6);
  });

  it('RWF_APPEND writes at the end; unknown flags are EOPNOTSUPP', () => {
    const { h, fd, iov, file } = setup('c');
    h.str(BUF, 'xyz');
    expect(h.call('pwritev2', fd, iov(3, 0), 2, 0, 0, 0)).toBe(3);
    expect(h.call('pwritev2', fd, iov(3, 0), 2, 0, 0, RWF_APPEND)).toBe(3);
    expect(readFileSync(file, 'latin1')).toBe('xyzxyz');
    expect(h.call('pwritev2', fd, iov(3, 0), 2, 0, 0, 0x10000)).toBe(EOPNOTSUPP);
  });

  it('RWF_NOWAIT on an empty pipe is EAGAIN; a position on a pipe is ESPIPE', () => {
    const h = makeKernel();
    expect(h.call('pipe2', FDS, 0)).toBe(0);
    const rd = h.mem.read32(FDS);
    h.mem.writeU64(IOV, BUF); h.mem.writeU64(IOV + 8, 4);
    expect(h.call('preadv2', rd, IOV, 1, -1, 0, RWF_NOWAIT)).toBe(EAGAIN);
    expect(h.call('preadv', rd, IOV, 1, 0, 0)).toBe(ESPIPE);
  });
});
