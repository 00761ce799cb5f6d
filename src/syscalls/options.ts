// How the emulator sets up the kernel for one guest process.
import type { AddressSpace } from '../memory/address-space.js';
import type { LinuxAbi } from './abi.js';
import type { CpuState } from '../translate/cpu-state.js';
import type { PathPrefix } from './path-prefix.js';

/** The ISA's part of creating a thread. */
export interface ThreadHost {
  /** The new thread's CPU state: the parent's registers, with this stack, TLS (if given), and 0 as the clone result. */
  cloneState(parent: CpuState, stack: number, tls: number | undefined): CpuState;
}

export interface KernelOptions {
  mem: AddressSpace;
  abi: LinuxAbi;
  /** Initial program break: the page-aligned end of the loaded image. */
  brk: number;
  /** mmap places mappings top-down below this address (exclusive). */
  mmapTop: number;
  argv: string[];
  envp: string[];
  /** Host path of the guest executable (/proc/self/exe). */
  exePath: string;
  /** -strace sink: one line per call, without the newline. */
  strace?: (line: string) => void;
  /** One-time notices: unsupported syscalls and approximations. */
  report: (message: string) => void;
  /** getrandom's source (seeded when -seed is given). */
  random: (buf: Uint8Array) => void;
  /** The guest's pid (and tid); the host's by default. */
  pid?: number;
  /** The guest's working directory; the host's by default. */
  cwd?: string;
  /** The -L sysroot absolute guest paths are looked up in first; none by default. */
  prefix?: PathPrefix;
  /** CPU state of the main thread (so syscalls can tell threads apart). */
  mainState?: CpuState;
  /** How to create threads; without it clone of a thread fails. */
  threads?: ThreadHost;
}
