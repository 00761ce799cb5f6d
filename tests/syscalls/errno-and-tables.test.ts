import { describe, expect, it } from 'vitest';
import { E, errnoFromHostError, errnoFromNodeCode, errnoMessage, errnoName, SysError } from '../../src/syscalls/errno.js';
import { regToArg } from '../../src/syscalls/kernel.js';
import { ASM_GENERIC_SYSCALLS, asmGenericSyscalls } from '../../src/targets/common/asm-generic-syscalls.js';
import { abi } from './fixture.js';

describe('errno', () => {
  it('maps Node error codes to Linux numbers', () => {
    expect(errnoFromNodeCode('ENOENT')).toBe(2);
    expect(errnoFromNodeCode('EACCES')).toBe(13);
    expect(errnoFromNodeCode('ENOTEMPTY')).toBe(39);
    expect(errnoFromNodeCode('ELOOP')).toBe(40);
    expect(errnoFromNodeCode('ENOTSUP')).toBe(95);
    expect(errnoFromNodeCode('EWOULDBLOCK')).toBe(11);
    expect(errnoFromNodeCode('ERR_OUT_OF_RANGE')).toBe(E.EINVAL);
    expect(errnoFromNodeCode('UNKNOWN')).toBe(E.EIO);
    expect(errnoFromNodeCode(undefined)).toBe(E.EIO);
  });

  it('classifies thrown values', () => {
    expect(errnoFromHostError(new SysError(E.ESPIPE))).toBe(29);
    expect(errnoFromHostError(Object.assign(new Error('x'), { code: 'EEXIST' }))).toBe(17);
    expect(errnoFromHostError(new TypeError('bug'))).toBeUndefined();
  });

  it('names and describes errors', () => {
    expect(errnoName(2)).toBe('ENOENT');
    expect(errnoMessage(38)).toBe('Function not implemented');
    expect(errnoMessage(4000)).toBe('Unknown error 4000');
  });
});

describe('tables', () => {
  it('asm-generic numbers', () => {
    const expected: Record<number, string> = {
      17: 'getcwd', 29: 'ioctl', 56: 'openat', 57: 'close', 61: 'getdents64', 62: 'lseek',
      63: 'read', 64: 'write', 79: 'newfstatat', 80: 'fstat', 93: 'exit', 94: 'exit_group',
      113: 'clock_gettime', 134: 'rt_sigaction', 160: 'uname', 214: 'brk', 222: 'mmap',
      226: 'mprotect', 261: 'prlimit64', 276: 'renameat2', 278: 'getrandom', 291: 'statx',
      293: 'rseq', 435: 'clone3', 439: 'faccessat2', 450: 'set_mempolicy_home_node',
    };
    for (const [n, name] of Object.entries(expected)) expect(ASM_GENERIC_SYSCALLS.get(Number(n))).toBe(name);
    expect(ASM_GENERIC_SYSCALLS.has(244)).toBe(false); // arch_specific_syscall is a base, not a call
  });

  it('per-architecture tables drop and add numbers', () => {
    const t = asmGenericSyscalls(['renameat', 'getrlimit'], [[259, 'riscv_flush_icache']]);
    expect(t.has(38)).toBe(false);
    expect(t.has(163)).toBe(false);
    expect(t.get(259)).toBe('riscv_flush_icache');
    expect(abi.syscalls.get(38)).toBe('renameat');
  });

  it('aarch64 open flags differ from the generic ones', () => {
    expect(abi.machine).toBe('aarch64');
    expect([abi.openFlags.directory, abi.openFlags.nofollow, abi.openFlags.direct, abi.openFlags.largefile])
      .toEqual([0x4000, 0x8000, 0x10000, 0x20000]);
    expect(abi.openFlags.cloexec).toBe(0o2000000);
  });

  it('regToArg keeps small negative values exact', () => {
    expect(regToArg(0xffffff9c, 0xffffffff)).toBe(-100);
    expect(regToArg(0x1000, 0)).toBe(0x1000);
    expect(regToArg(0, 1)).toBe(2 ** 32);
  });
});
