// splice, tee and vmsplice between pipes and files.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AT_FDCWD, makeKernel, SCRATCH } from './fixture.js';

const PATH = SCRATCH + 0x100, P1 = SCRATCH + 0x300, P2 = SCRATCH + 0x310, OFF = SCRATCH + 0x320;
const IOV = SCRATCH + 0x400, BUF = SCRATCH + 0x800;
const O_RDONLY = 0, O_WRONLY = 1, O_CREAT = 0o100;
const SPLICE_F_NONBLOCK = 2;
const EINVAL = -22, EAGAIN = -11, ESPIPE = -29, EBADF = -9;

const dir = mkdtempSync(join(tmpdir(), 'tsqemu-splice-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function setup() {
  const h = makeKernel();
  const pipe = (at: number): [number, number] => {
    expect(h.call('pipe2', at, 0)).toBe(0);
    return [h.mem.read32(at), h.mem.read32(at + 4)];
  };
  const open = (name: string, flags: number): number => {
    h.str(PATH, join(dir, name));
    return h.call('openat', AT_FDCWD, PATH, flags, 0o644);
  };
  const put = (fd: number, s: string): number => {
    h.str(BUF, s);
    return h.call('write', fd, BUF, s.length);
  };
  const get = (fd: number, n: number): string => h.text(BUF, h.call('read', fd, BUF, n));
  return { h, pipe, open, put, get };
}

describe('splice', () => {
  it('moves a file range into a pipe, at an offset the call advances', () => {
    const { h, pipe, open, get } = setup();
    writeFileSync(join(dir, 'src'), '0123456789');
    const fd = open('src', O_RDONLY);
    const [r, w] = pipe(P1);
    h.mem.writeU64(OFF, 3);
    expect(h.call('splice', fd, OFF, w, 0, 4, 0)).toBe(4);
    expect(h.mem.readU64(OFF)).toBe(7);
    expect(h.call('lseek', fd, 0, 1)).toBe(0);
    expect(h.call('splice', fd, 0, w, 0, 2, 0)).toBe(2);
    expect(h.call('lseek', fd, 0, 1)).toBe(2);
    expect(get(r, 100)).toBe('345601');
  });

  it('moves from a pipe to a file and to another pipe, only what was taken', () => {
    const { h, pipe, open, put, get } = setup();
    const [r, w] = pipe(P1);
    const [r2, w2] = pipe(P2);
    put(w, 'abcdef');
    const out = open('dst', O_WRONLY | O_CREAT);
    expect(h.call('splice', r, 0, out, 0, 2, 0)).toBe(2);
    expect(readFileSync(join(dir, 'dst'), 'latin1')).toBe('ab');
    expect(h.call('splice', r, 0, w2, 0, 100, 0)).toBe(4);
    expect(get(r2, 100)).toBe('cdef');
    expect(h.call('splice', r, 0, w2, 0, 1, SPLICE_F_NONBLOCK)).toBe(EAGAIN);
    h.call('close', w);
    expect(h.call('splice', r, 0, w2, 0, 1, 0)).toBe(0);
  });

  it('needs a pipe at one end, no offset on a pipe, known flags', () => {
    const { h, pipe, open } = setup();
    writeFileSync(join(dir, 'f'), 'x');
    const a = open('f', O_RDONLY), b = open('g', O_WRONLY | O_CREAT);
    const [r, w] = pipe(P1);
    expect(h.call('splice', a, 0, b, 0, 1, 0)).toBe(EINVAL);
    h.mem.writeU64(OFF, 0);
    expect(h.call('splice', r, OFF, b, 0, 1, 0)).toBe(ESPIPE);
    expect(h.call('splice', a, 0, w, 0, 1, 0x100)).toBe(EINVAL);
    expect(h.call('splice', r, 0, w, 0, 1, 0)).toBe(EINVAL); // the same pipe
  });
});

describe('tee and vmsplice', () => {
  it('tee copies and leaves the bytes in the first pipe', () => {
    const { h, pipe, put, get } = setup();
    const [r, w] = pipe(P1);
    const [r2, w2] = pipe(P2);
    put(w, 'hello');
    expect(h.call('tee', r, w2, 3, 0)).toBe(3);
    expect(get(r2, 100)).toBe('hel');
    expect(get(r, 100)).toBe('hello');
    expect(h.call('tee', r, w2, 3, SPLICE_F_NONBLOCK)).toBe(EAGAIN);
  });

  it('vmsplice writes guest buffers into a pipe and reads them back out', () => {
    const { h, pipe, open, get } = setup();
    const [r, w] = pipe(P1);
    h.str(BUF + 0x100, 'vmsplice');
    h.mem.writeU64(IOV, BUF + 0x100); h.mem.writeU64(IOV + 8, 2);
    h.mem.writeU64(IOV + 16, BUF + 0x102); h.mem.writeU64(IOV + 24, 6);
    expect(h.call('vmsplice', w, IOV, 2, 0)).toBe(8);
    expect(get(r, 3)).toBe('vms');
    h.mem.writeU64(IOV, BUF + 0x200); h.mem.writeU64(IOV + 8, 10);
    expect(h.call('vmsplice', r, IOV, 1, 0)).toBe(5);
    expect(h.text(BUF + 0x200, 5)).toBe('plice');
    expect(h.call('vmsplice', r, IOV, 1, SPLICE_F_NONBLOCK)).toBe(EAGAIN);
    writeFileSync(join(dir, 'h'), '');
    expect(h.call('vmsplice', open('h', O_RDONLY), IOV, 1, 0)).toBe(EBADF);
  });
});
