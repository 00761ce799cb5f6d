// The guest's /proc and /sys through the kernel: the parts qemu's goldens cannot check
// (qemu shows its own process there, or fakes fields differently from Linux).
import { describe, expect, it } from 'vitest';
import { RLIMIT } from '../../src/syscalls/constants.js';
import { guestCpuCount } from '../../src/syscalls/guest-cpus.js';
import type { GuestProcess } from '../../src/syscalls/guest-process.js';
import { aarch64User } from '../../src/targets/aarch64/linux/user-target.js';
import { SLOT_COUNT, VECTOR_BYTES } from '../../src/targets/aarch64/state.js';
import { riscv64User } from '../../src/targets/riscv64/linux/user-target.js';
import { GuestThread } from '../../src/syscalls/thread.js';
import { CpuState } from '../../src/translate/cpu-state.js';
import { cpuHooks } from '../../src/user-mode/cpu-hooks.js';
import { AT_FDCWD, makeKernel, nr, SCRATCH, type Harness } from './fixture.js';

const PAGE = 4096;
const PROT_READ = 1, PROT_WRITE = 2;
const MAP_PRIVATE = 2, MAP_SHARED = 1, MAP_ANONYMOUS = 0x20, MAP_FIXED = 0x10;
const O_RDONLY = 0, O_WRONLY = 1, O_DIRECTORY = 0x4000;
const EACCES = -13, ENOENT = -2, EINVAL = -22;
const SIGCHLD = 17;
const PATH = SCRATCH + 0x100, BUF = SCRATCH + 0x1000, BUF_SIZE = 0xe000;
const AUXV = new Uint8Array([6, 0, 0, 0, 0, 0, 0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

function harness(user = aarch64User): Harness & { readAll(path: string, t?: GuestProcess): string } {
  const h = makeKernel({ cpu: cpuHooks(user), mainState: new CpuState(SLOT_COUNT, VECTOR_BYTES), auxv: AUXV });
  const sys = (p: GuestProcess, name: string, ...args: number[]): number =>
    h.kernel.syscall(nr(name), args, p.mainThread);
  return {
    ...h,
    /** The whole of a file, read the way a guest would (as `p`, by default the first process). */
    readAll(path: string, p = h.kernel.process): string {
      p.mem.writeBytes(PATH, Buffer.from(`${path}\0`));
      const fd = sys(p, 'openat', AT_FDCWD, PATH, O_RDONLY, 0);
      expect(fd).toBeGreaterThanOrEqual(0);
      let text = '';
      for (let n; (n = sys(p, 'read', fd, BUF, BUF_SIZE)) > 0;) text += Buffer.from(p.mem.readBytes(BUF, n)).toString('latin1');
      sys(p, 'close', fd);
      return text;
    },
  };
}

/** Names getdents64 lists for a directory. */
function listing(h: Harness, path: string): string[] {
  const fd = h.call('openat', AT_FDCWD, h.str(PATH, path), O_RDONLY | O_DIRECTORY, 0);
  const n = h.call('getdents64', fd, BUF, BUF_SIZE);
  h.call('close', fd);
  const names: string[] = [];
  for (let at = 0; at < n;) {
    const reclen = h.mem.read16(BUF + at + 16);
    names.push(h.mem.readCString(BUF + at + 19));
    at += reclen;
  }
  return names;
}

describe('/proc/self', () => {
  it('maps: every mapping with perms, offset, device, inode, name; neighbours merged', () => {
    const h = harness();
    const at = 0x2000_0000;
    h.call('mmap', at, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    h.call('mmap', at + PAGE, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    h.call('mmap', at + 2 * PAGE, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    h.call('brk', 0x0060_2000);
    const lines = h.readAll('/proc/self/maps').split('\n');
    expect(lines).toContain('20000000-20002000 r--p 00000000 00:00 0 ');
    const shared = lines.find((l) => l.startsWith('20002000-20003000 rw-s 00000000 00:01 '));
    expect(shared).toMatch(/ {2,}\/dev\/zero \(deleted\)$/);
    expect(shared!.indexOf('/dev/zero')).toBe(73 - 1);
    expect(lines.find((l) => l.startsWith('00600000-00602000 rw-p'))).toMatch(/\[heap\]$/);
  });

  it('smaps: each mapping of maps with its sizes', () => {
    const h = harness();
    h.call('mmap', 0x2000_0000, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    const text = h.readAll('/proc/self/smaps');
    const at = text.indexOf('20000000-20003000 rw-p 00000000 00:00 0 \n');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(text.slice(at).split('\n').slice(1, 5)).toEqual([
      'Size:                 12 kB', 'KernelPageSize:        4 kB', 'MMUPageSize:           4 kB', 'Rss:                  12 kB',
    ]);
    expect(text.split('\n').filter((l) => l.startsWith('VmFlags:'))).toHaveLength(h.readAll('/proc/self/maps').split('\n').length - 1);
  });

  it('status and stat: name, state, ids, thread count', () => {
    const h = harness();
    const t = h.kernel.process.mainThread;
    t.comm = 'worker';
    const status = h.readAll('/proc/self/status');
    expect(status).toMatch(/^Name:\tworker\nUmask:\t0\d{3}\nState:\tR \(running\)\nTgid:\t4242\n/);
    expect(status).toMatch(/\nThreads:\t1\n/);
    const stat = h.readAll('/proc/4242/stat').split(' ');
    expect(stat.slice(0, 3)).toEqual(['4242', '(worker)', 'R']);
    expect(stat).toHaveLength(52);
    expect(h.readAll('/proc/self/comm')).toBe('worker\n');
  });

  it('auxv is the vector the program started with; cmdline and environ its strings', () => {
    const h = harness();
    expect(Buffer.from(h.readAll('/proc/self/auxv'), 'latin1')).toEqual(Buffer.from(AUXV));
    expect(h.readAll('/proc/self/cmdline')).toBe('prog\0');
    expect(h.readAll('/proc/self/environ')).toBe('');
  });

  it('fd/ and task/ list the guest\'s fds and threads; links say what they are', () => {
    const h = harness();
    const memfd = h.call('memfd_create', h.str(PATH, 'blob'), 0);
    expect(listing(h, '/proc/self/fd')).toContain(String(memfd));
    expect(listing(h, '/proc/self/task')).toEqual(['.', '..', '4242']);
    const n = h.call('readlinkat', AT_FDCWD, h.str(PATH, `/proc/self/fd/${memfd}`), BUF, 256);
    expect(h.text(BUF, n)).toBe('/memfd:blob (deleted)');
    expect(h.call('readlinkat', AT_FDCWD, h.str(PATH, '/proc/self/fd/99'), BUF, 256)).toBe(ENOENT);
    expect(h.call('readlinkat', AT_FDCWD, h.str(PATH, '/proc/self/maps'), BUF, 256)).toBe(EINVAL);
    const m = h.call('mmap', 0, PAGE, PROT_READ, MAP_SHARED, memfd, 0);
    expect(h.readAll('/proc/self/maps').split('\n').find((l) => l.startsWith(m.toString(16))))
      .toMatch(/ r--s 00000000 .*\/memfd:blob \(deleted\)$/);
  });

  it('limits: the process\'s own resource limits, in Linux\'s table', () => {
    const h = harness();
    h.kernel.process.limits.set(RLIMIT.RLIMIT_NOFILE, { cur: 100n, max: 200n });
    const lines = h.readAll('/proc/self/limits').split('\n');
    expect(lines[0]).toBe('Limit                     Soft Limit           Hard Limit           Units     ');
    expect(lines).toContain('Max open files            100                  200                  files     ');
    expect(lines).toContain('Max nice priority         0                    0                    ');
  });

  it('fdinfo: the offset and the status flags (close-on-exec included)', () => {
    const h = harness();
    const O_CLOEXEC = 0o2000000, O_LARGEFILE = 0o400000;
    const fd = h.call('openat', AT_FDCWD, h.str(PATH, '/proc/self/maps'), O_RDONLY | O_CLOEXEC, 0);
    h.call('read', fd, BUF, 5);
    expect(listing(h, '/proc/self/fdinfo')).toContain(String(fd));
    const info = h.readAll(`/proc/self/fdinfo/${fd}`);
    expect(info).toMatch(new RegExp(`^pos:\\t5\\nflags:\\t0${(O_CLOEXEC | O_LARGEFILE).toString(8)}\\n`));
  });

  it('thread-self names the calling thread\'s task directory', () => {
    const h = harness();
    const main = h.kernel.process.mainThread;
    const other = new GuestThread(4243, new CpuState(SLOT_COUNT, VECTOR_BYTES), h.kernel.process);
    other.comm = 'other';
    h.kernel.addThread(other);
    const readlink = (t: GuestThread): string => {
      const n = h.kernel.syscall(nr('readlinkat'), [AT_FDCWD, h.str(PATH, '/proc/thread-self'), BUF, 256], t);
      return h.text(BUF, n);
    };
    expect(readlink(main)).toBe('4242/task/4242');
    expect(readlink(other)).toBe('4242/task/4243');
    expect(listing(h, '/proc/self/task')).toEqual(['.', '..', '4242', '4243']);
    expect(h.readAll('/proc/self/task/4243/comm')).toBe('other\n');
  });

  it('mem: the process\'s memory by address, past page protection; unmapped pages are EIO', () => {
    const h = harness();
    const O_RDWR = 2, EIO = -5;
    const ro = h.call('mmap', 0x3000_0000, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    const fd = h.call('openat', AT_FDCWD, h.str(PATH, '/proc/self/mem'), O_RDWR, 0);
    h.mem.writeBytes(BUF, Buffer.from('poked'));
    expect(h.call('pwrite64', fd, BUF, 5, ro + 8)).toBe(5);
    expect(h.text(ro + 8, 5)).toBe('poked');
    expect(h.call('pread64', fd, BUF + 100, 5, ro + 8)).toBe(5);
    expect(h.text(BUF + 100, 5)).toBe('poked');
    expect(h.call('pread64', fd, BUF, 16, ro + PAGE - 8)).toBe(8); // stops at the unmapped page
    expect(h.call('pread64', fd, BUF, 4, 0x10)).toBe(EIO);
  });

  it('files are read-only, but for comm and mem', () => {
    const h = harness();
    expect(h.call('openat', AT_FDCWD, h.str(PATH, '/proc/self/maps'), O_WRONLY, 0)).toBe(EACCES);
  });
});

describe('/proc/<pid> of another guest process', () => {
  it('describes that process', () => {
    const h = harness();
    const child = h.kernel.processById(h.call('clone', SIGCHLD, 0, 0, 0, 0))!;
    const status = h.readAll(`/proc/${child.pid}/status`);
    expect(status).toMatch(new RegExp(`\\nPid:\\t${child.pid}\\nPPid:\\t4242\\n`));
    expect(h.readAll('/proc/self/status', child)).toMatch(new RegExp(`\\nPid:\\t${child.pid}\\n`));
  });

  it('a zombie shows state Z under its program\'s name', () => {
    const h = harness();
    const child = h.kernel.processById(h.call('clone', SIGCHLD, 0, 0, 0, 0))!;
    h.kernel.syscall(nr('exit_group'), [3], child.mainThread);
    expect(h.readAll(`/proc/${child.pid}/status`)).toMatch(/^Name:\tprog\n.*\nState:\tZ \(zombie\)\n/s);
    expect(h.readAll(`/proc/${child.pid}/stat`)).toMatch(new RegExp(`^${child.pid} \\(prog\\) Z `));
  });
});

describe('CPUs', () => {
  it('cpuinfo comes from the CPU model, one entry per CPU the guest is shown', () => {
    const cpus = guestCpuCount();
    const aarch64 = harness().readAll('/proc/cpuinfo');
    expect(aarch64.match(/^processor\t: /gm)).toHaveLength(cpus);
    expect(aarch64).toMatch(/\nFeatures\t: fp asimd /);
    const riscv64 = harness(riscv64User).readAll('/proc/cpuinfo');
    expect(riscv64).toMatch(/^processor\t: 0\nhart\t\t: 0\nisa\t\t: rv64imafdc/);
  });

  it('/sys/devices/system/cpu/online and possible agree with sched_getaffinity', () => {
    const h = harness();
    const want = guestCpuCount() === 1 ? '0\n' : `0-${guestCpuCount() - 1}\n`;
    expect(h.readAll('/sys/devices/system/cpu/online')).toBe(want);
    expect(h.readAll('/sys/devices/system/cpu/possible')).toBe(want);
  });
});
