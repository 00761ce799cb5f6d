// riscv64 Linux as the kernel sees it: the asm-generic numbers (no renameat), the
// riscv64-only syscalls, uname's machine, and what the auxiliary vector advertises.
import { describe, expect, it } from 'vitest';
import { implementedSyscalls } from '../../src/syscalls/kernel.js';
import { riscv64LinuxAbi } from '../../src/targets/riscv64/linux/abi.js';
import { RISCV64_HWCAP } from '../../src/targets/riscv64/linux/hwcap.js';
import { riscv64User } from '../../src/targets/riscv64/linux/user-target.js';
import { makeKernel, SCRATCH } from '../syscalls/fixture.js';

const ENOSYS = -38;

describe('riscv64 Linux ABI', () => {
  it('numbers syscalls as asm-generic does, with riscv64 wanting no renameat', () => {
    const s = riscv64LinuxAbi.syscalls;
    expect([s.get(56), s.get(63), s.get(64), s.get(79), s.get(80), s.get(93), s.get(94), s.get(220), s.get(435)])
      .toEqual(['openat', 'read', 'write', 'newfstatat', 'fstat', 'exit', 'exit_group', 'clone', 'clone3']);
    expect(s.get(38)).toBeUndefined();
    expect([s.get(258), s.get(259)]).toEqual(['riscv_hwprobe', 'riscv_flush_icache']);
  });

  it('riscv_flush_icache succeeds; riscv_hwprobe is -ENOSYS without a report', () => {
    const h = makeKernel({ abi: riscv64LinuxAbi });
    expect(h.kernel.syscall(259, [0x10000, 0x10100, 0])).toBe(0);
    expect(h.kernel.syscall(258, [SCRATCH, 1, 0, 0, 0])).toBe(ENOSYS);
    expect(h.kernel.syscall(38, [])).toBe(ENOSYS);
    expect(h.reports).toEqual(['unsupported syscall 38']);
    expect(implementedSyscalls(riscv64LinuxAbi)).toContain('riscv_flush_icache');
    expect(implementedSyscalls(riscv64LinuxAbi)).not.toContain('riscv_hwprobe');
  });

  it('uname says riscv64', () => {
    const h = makeKernel({ abi: riscv64LinuxAbi });
    expect(h.kernel.syscall(160, [SCRATCH])).toBe(0);
    expect(h.mem.readCString(SCRATCH + 4 * 65)).toBe('riscv64');
  });

  it('open flags are the asm-generic ones and sigaction has no sa_restorer', () => {
    expect(riscv64LinuxAbi.openFlags.directory).toBe(0x10000);
    expect(riscv64LinuxAbi.sigactionRestorer).toBe(false);
  });

  it('AT_HWCAP has the I, M, A, F, D and C letter bits; no AT_PLATFORM or AT_HWCAP2 (as qemu-riscv64)', () => {
    expect(RISCV64_HWCAP).toBe(0x112d);
    expect(riscv64User.hwcap).toBe(0x112d);
    expect(riscv64User.platform).toBeUndefined();
    expect(riscv64User.hwcap2).toBeUndefined();
  });
});
