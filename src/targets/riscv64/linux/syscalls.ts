// The syscalls only riscv64 Linux has (arch/riscv/include/uapi/asm/unistd.h), as rows of
// the syscall registry.
import { E, SysError } from '../../../syscalls/errno.js';
import { sys, type SyscallRow } from '../../../syscalls/row.js';

export const riscv64Rows: readonly SyscallRow[] = [
  // (start, end, flags): instruction fetches already see stores (translations of written
  // code are dropped), so there is nothing to flush. qemu-riscv64 also returns 0.
  sys('riscv_flush_icache', ['ptr', 'ptr', 'hex'], () => 0),
  // Newer glibc asks for ISA details here and falls back to AT_HWCAP without them, as
  // under qemu-riscv64 7.2, which does not have it either.
  sys('riscv_hwprobe', ['ptr', 'size', 'size', 'ptr', 'hex'], () => {
    throw new SysError(E.ENOSYS);
  }, { quiet: true }),
];
