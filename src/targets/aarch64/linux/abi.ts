// aarch64 Linux as the syscall layer sees it.
import type { LinuxAbi } from '../../../syscalls/abi.js';
import { GENERIC_OPEN_FLAGS } from '../../../syscalls/open-flags.js';
import { asmGenericSyscalls } from '../../common/asm-generic-syscalls.js';

export const aarch64LinuxAbi: LinuxAbi = {
  machine: 'aarch64',
  // arch/arm64's unistd.h wants every optional asm-generic number.
  syscalls: asmGenericSyscalls(),
  // arch/arm64/include/uapi/asm/fcntl.h moves these four.
  openFlags: {
    ...GENERIC_OPEN_FLAGS,
    directory: 0x4000, nofollow: 0x8000, direct: 0x10000, largefile: 0x20000,
  },
  sigactionRestorer: true,
  archProt: [[0x10, 'PROT_BTI'], [0x20, 'PROT_MTE']],
};
