// What the kernel needs to know about one ISA's Linux ABI. Everything else in
// src/syscalls is the asm-generic ABI those ISAs share.
import type { OpenFlagBits } from './open-flags.js';
import type { SyscallRow } from './row.js';

export interface LinuxAbi {
  /** uname(2) machine. */
  readonly machine: string;
  /** Syscall number -> name. */
  readonly syscalls: ReadonlyMap<number, string>;
  readonly openFlags: OpenFlagBits;
  /** Whether struct sigaction has sa_restorer (the ISA defines SA_RESTORER). */
  readonly sigactionRestorer: boolean;
  /** PROT_* bits the ISA adds to the generic ones, with their names. */
  readonly archProt: ReadonlyArray<readonly [number, string]>;
  /** Rows for the syscalls only this ISA has (named in `syscalls`), kept with the ISA. */
  readonly rows?: readonly SyscallRow[];
}
