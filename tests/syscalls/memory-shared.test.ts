// MAP_SHARED through the kernel: shared anonymous memory across fork (each process has
// its own address space; the kernel keeps the copies in step when the run loop
// switches), shared file mappings against read/write/msync/munmap, and the checks of
// read-only files.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { GuestProcess } from '../../src/syscalls/guest-process.js';
import { aarch64User } from '../../src/targets/aarch64/linux/user-target.js';
import { SLOT_COUNT, VECTOR_BYTES } from '../../src/targets/aarch64/state.js';
import { CpuState } from '../../src/translate/cpu-state.js';
import { cpuHooks } from '../../src/user-mode/cpu-hooks.js';
import { AT_FDCWD, makeKernel, nr, SCRATCH } from './fixture.js';

const PAGE = 4096;
const PROT_READ = 1, PROT_WRITE = 2, RW = PROT_READ | PROT_WRITE;
const MAP_SHARED = 1, MAP_PRIVATE = 2, MAP_ANONYMOUS = 0x20;
const O_RDONLY = 0, O_RDWR = 2;
const MS_SYNC = 4, MS_INVALIDATE = 2;
const SIGCHLD = 17;
const EACCES = -13, EINVAL = -22;
const MREMAP_MAYMOVE = 1;
const PATH = SCRATCH + 0x100, BUF = SCRATCH + 0x1000;

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

function harness() {
  const h = makeKernel({ cpu: cpuHooks(aarch64User), mainState: new CpuState(SLOT_COUNT, VECTOR_BYTES) });
  const parent = h.kernel.process;
  const fork = (): GuestProcess => h.kernel.processById(h.call('clone', SIGCHLD, 0, 0, 0, 0))!;
  /** What the run loop does before running a thread of `p`. */
  const run = (p: GuestProcess): void => h.kernel.shared.switchTo(p.mm);
  const open = (path: string, flags: number): number => h.call('openat', AT_FDCWD, h.str(PATH, path), flags, 0);
  return { ...h, parent, fork, run, open };
}

function dataFile(contents: string): string {
  dir = mkdtempSync(join(tmpdir(), 'tsqemu-shared-'));
  const path = join(dir, 'data');
  writeFileSync(path, contents.padEnd(2 * PAGE, '.'));
  return path;
}

describe('MAP_SHARED|MAP_ANONYMOUS across fork', () => {
  it('shows each process the other\'s writes once it runs; private memory stays private', () => {
    const h = harness();
    h.run(h.parent);
    const shared = h.call('mmap', 0, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    const priv = h.call('mmap', 0, PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    h.mem.write32(shared, 1);
    const child = h.fork();
    h.run(child);
    expect(child.mem.read32(shared)).toBe(1);
    child.mem.write32(shared + 4, 42);
    child.mem.write32(priv + 4, 99);
    h.run(h.parent);
    expect(h.mem.read32(shared + 4)).toBe(42);
    expect(h.mem.read32(priv + 4)).toBe(0);
    h.mem.write32(shared + 8, 7);
    h.run(child);
    expect(child.mem.read32(shared + 8)).toBe(7);
  });

  it('mremap with old_len 0 maps the same shared pages again', () => {
    const h = harness();
    h.run(h.parent);
    const a = h.call('mmap', 0, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    h.mem.write32(a, 11);
    const b = h.call('mremap', a, 0, PAGE, MREMAP_MAYMOVE, 0);
    expect(b).not.toBe(a);
    expect(h.mem.read32(b)).toBe(11);
    h.mem.write32(b + 4, 22);
    expect(h.call('msync', b, PAGE, MS_SYNC | MS_INVALIDATE)).toBe(0);
    expect(h.mem.read32(a + 4)).toBe(22);
    const priv = h.call('mmap', 0, PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    expect(h.call('mremap', priv, 0, PAGE, MREMAP_MAYMOVE, 0)).toBe(EINVAL);
  });

  it('MADV_DONTFORK leaves a mapping out of the child, MADV_WIPEONFORK gives it zeros', () => {
    const h = harness();
    const MADV_DONTFORK = 10, MADV_DOFORK = 11, MADV_WIPEONFORK = 18;
    const gone = h.call('mmap', 0, 2 * PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    const wiped = h.call('mmap', 0, PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    h.mem.write32(gone, 1);
    h.mem.write32(gone + PAGE, 2);
    h.mem.write32(wiped, 3);
    expect(h.call('madvise', gone, 2 * PAGE, MADV_DONTFORK)).toBe(0);
    expect(h.call('madvise', gone + PAGE, PAGE, MADV_DOFORK)).toBe(0);
    expect(h.call('madvise', wiped, PAGE, MADV_WIPEONFORK)).toBe(0);
    const child = h.fork();
    expect(child.mem.isMapped(gone, PAGE)).toBe(false);
    expect(child.mem.read32(gone + PAGE)).toBe(2);
    expect(child.mem.read32(wiped)).toBe(0);
    expect(h.mem.read32(wiped)).toBe(3);
    const shared = h.call('mmap', 0, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    expect(h.call('madvise', shared, PAGE, MADV_WIPEONFORK)).toBe(EINVAL);
  });

  it('MADV_REMOVE frees shared pages (they read as zeros), and only shared writable ones', () => {
    const h = harness();
    const MADV_REMOVE = 9;
    h.run(h.parent);
    const fd = h.open(dataFile('remove me'), O_RDWR);
    const m = h.call('mmap', 0, 2 * PAGE, RW, MAP_SHARED, fd, 0);
    expect(h.call('madvise', m, PAGE, MADV_REMOVE)).toBe(0);
    expect(h.text(m, 9)).toBe('\0'.repeat(9));
    expect(h.call('pread64', fd, BUF, 9, 0)).toBe(9);
    expect(h.text(BUF, 9)).toBe('\0'.repeat(9));
    const priv = h.call('mmap', 0, PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    expect(h.call('madvise', priv, PAGE, MADV_REMOVE)).toBe(EINVAL);
  });

  it('keeps what an ended child wrote', () => {
    const h = harness();
    h.run(h.parent);
    const shared = h.call('mmap', 0, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    const child = h.fork();
    h.run(child);
    child.mem.write32(shared, 5);
    h.kernel.syscall(nr('exit_group'), [0], child.mainThread);
    h.run(h.parent);
    expect(h.mem.read32(shared)).toBe(5);
  });
});

describe('MAP_SHARED file mappings', () => {
  it('write back on read(), msync and munmap; show pwrite() at once', () => {
    const h = harness();
    h.run(h.parent);
    const path = dataFile('hello');
    const fd = h.open(path, O_RDWR);
    const m = h.call('mmap', 0, 2 * PAGE, RW, MAP_SHARED, fd, 0);
    expect(h.text(m, 5)).toBe('hello');
    h.mem.writeBytes(m, Buffer.from('HE'));
    expect(h.call('pread64', fd, BUF, 5, 0)).toBe(5);
    expect(h.text(BUF, 5)).toBe('HEllo');
    h.mem.writeBytes(BUF, Buffer.from('xyz'));
    expect(h.call('pwrite64', fd, BUF, 3, PAGE)).toBe(3);
    expect(h.text(m + PAGE, 3)).toBe('xyz');
    h.mem.writeBytes(m + 100, Buffer.from('synced'));
    expect(h.call('msync', m, PAGE, MS_SYNC)).toBe(0);
    expect(readFileSync(path, 'latin1').slice(100, 106)).toBe('synced');
    h.mem.writeBytes(m + PAGE + 10, Buffer.from('gone'));
    expect(h.call('munmap', m, 2 * PAGE)).toBe(0);
    expect(readFileSync(path, 'latin1').slice(PAGE + 10, PAGE + 14)).toBe('gone');
  });

  it('two mappings of one file agree after msync with MS_INVALIDATE', () => {
    const h = harness();
    h.run(h.parent);
    const fd = h.open(dataFile('abc'), O_RDWR);
    const a = h.call('mmap', 0, PAGE, RW, MAP_SHARED, fd, 0);
    const b = h.call('mmap', 0, PAGE, PROT_READ, MAP_SHARED, fd, 0);
    h.mem.writeBytes(a, Buffer.from('Z'));
    expect(h.call('msync', a, PAGE, MS_SYNC | MS_INVALIDATE)).toBe(0);
    expect(h.text(b, 3)).toBe('Zbc');
  });

  it('never writes a private mapping back, and never extends the file', () => {
    const h = harness();
    h.run(h.parent);
    const path = dataFile('keep');
    const fd = h.open(path, O_RDWR);
    const p = h.call('mmap', 0, PAGE, RW, MAP_PRIVATE, fd, 0);
    h.mem.writeBytes(p, Buffer.from('LOST'));
    h.call('munmap', p, PAGE);
    const s = h.call('mmap', 0, 3 * PAGE, RW, MAP_SHARED, fd, 0); // one page past the end
    h.mem.writeBytes(s + 2 * PAGE, Buffer.from('past end'));
    h.call('munmap', s, 3 * PAGE);
    const text = readFileSync(path, 'latin1');
    expect(text.slice(0, 4)).toBe('keep');
    expect(text.length).toBe(2 * PAGE);
  });

  it('MAP_SHARED_VALIDATE refuses flags it does not know, and anonymous memory', () => {
    const h = harness();
    const MAP_SHARED_VALIDATE = 3, MAP_SYNC = 0x80000, EOPNOTSUPP = -95;
    const fd = h.open(dataFile('v'), O_RDWR);
    expect(h.call('mmap', 0, PAGE, PROT_READ, MAP_SHARED_VALIDATE, fd, 0)).toBeGreaterThan(0);
    expect(h.call('mmap', 0, PAGE, PROT_READ, MAP_SHARED_VALIDATE | MAP_SYNC, fd, 0)).toBe(EOPNOTSUPP);
    expect(h.call('mmap', 0, PAGE, PROT_READ, MAP_SHARED_VALIDATE | MAP_ANONYMOUS, -1, 0)).toBe(EINVAL);
    expect(h.call('mmap', 0, PAGE, PROT_READ, MAP_SHARED | MAP_SYNC, fd, 0)).toBeGreaterThan(0); // MAP_SHARED ignores it
  });

  it('refuses writable shared mappings of read-only files, now or by mprotect', () => {
    const h = harness();
    const fd = h.open(dataFile('ro'), O_RDONLY);
    expect(h.call('mmap', 0, PAGE, RW, MAP_SHARED, fd, 0)).toBe(EACCES);
    const m = h.call('mmap', 0, PAGE, PROT_READ, MAP_SHARED, fd, 0);
    expect(h.call('mprotect', m, PAGE, RW)).toBe(EACCES);
    expect(h.call('mmap', 0, PAGE, RW, MAP_PRIVATE, fd, 0)).toBeGreaterThan(0);
  });
});
