// Drives the Kernel directly: one AddressSpace per test file (each is a 4 GiB
// reservation), emptied for every new kernel, with a scratch page for arguments.
import { AddressSpace, PERM_READ, PERM_WRITE, WINDOW_SIZE } from '../../src/memory/address-space.js';
import { Kernel, type KernelOptions } from '../../src/syscalls/kernel.js';
import { aarch64LinuxAbi } from '../../src/targets/aarch64/linux/abi.js';

export const abi = aarch64LinuxAbi;
export const SCRATCH = 0x1000_0000;
export const SCRATCH_SIZE = 0x10000;
export const BRK = 0x0060_0000;
export const MMAP_TOP = 0x8000_0000;
export const AT_FDCWD = -100;

const mem = new AddressSpace();

/** The aarch64 number of a syscall, by name. */
export function nr(name: string): number {
  for (const [n, s] of abi.syscalls) if (s === name) return n;
  throw new Error(`no syscall ${name}`);
}

export interface Harness {
  kernel: Kernel;
  mem: AddressSpace;
  reports: string[];
  strace: string[];
  call(name: string, ...args: number[]): number;
  /** Puts a NUL-terminated string at `addr` and returns addr. */
  str(addr: number, s: string): number;
  text(addr: number, len: number): string;
}

export function makeKernel(over: Partial<KernelOptions> = {}): Harness {
  mem.unmap(0, WINDOW_SIZE);
  mem.map(SCRATCH, SCRATCH_SIZE, PERM_READ | PERM_WRITE);
  const reports: string[] = [];
  const strace: string[] = [];
  const kernel = new Kernel({
    mem, abi, brk: BRK, mmapTop: MMAP_TOP, argv: ['prog'], envp: [], exePath: '/usr/bin/prog',
    report: (m) => reports.push(m), strace: (l) => strace.push(l),
    random: (b) => b.fill(0x5a), pid: 4242, ...over,
  });
  return {
    kernel, mem, reports, strace,
    call: (name, ...args) => kernel.syscall(nr(name), args),
    str(addr, s) {
      mem.writeBytes(addr, Buffer.from(s + '\0'));
      return addr;
    },
    text: (addr, len) => Buffer.from(mem.readBytes(addr, len)).toString('utf8'),
  };
}
