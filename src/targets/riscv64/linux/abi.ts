// riscv64 Linux as the syscall layer sees it.
import type { LinuxAbi } from '../../../syscalls/abi.js';
import { GENERIC_OPEN_FLAGS } from '../../../syscalls/open-flags.js';
import { asmGenericSyscalls } from '../../common/asm-generic-syscalls.js';
import { riscv64Rows } from './syscalls.js';

/** __NR_arch_specific_syscall of asm-generic/unistd.h. */
const ARCH_SPECIFIC = 244;

export const riscv64LinuxAbi: LinuxAbi = {
  machine: 'riscv64',
  // arch/riscv/include/uapi/asm/unistd.h wants the new stat, get/setrlimit, clone3 and
  // memfd_secret, but not renameat; riscv_hwprobe and riscv_flush_icache are its own.
  syscalls: asmGenericSyscalls(['renameat'], [[ARCH_SPECIFIC + 14, 'riscv_hwprobe'], [ARCH_SPECIFIC + 15, 'riscv_flush_icache']]),
  openFlags: GENERIC_OPEN_FLAGS,
  // no SA_RESTORER: the kernel's vDSO provides the signal return trampoline
  sigactionRestorer: false,
  archProt: [],
  rows: riscv64Rows,
};
