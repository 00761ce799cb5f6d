// How the emulator sets up the kernel for the first guest process.
import type { AddressSpace } from '../memory/address-space.js';
import type { CpuState } from '../translate/cpu-state.js';
import type { LinuxAbi } from './abi.js';
import type { GuestProcess } from './guest-process.js';
import type { PathPrefix } from './path-prefix.js';
import type { SignalFrameOps } from './signal-frame.js';

/** What the kernel needs to do to a guest thread's registers: the ISA's part. */
export interface CpuHooks {
  /** A new thread's CPU state: the parent's registers, with this stack (if not 0), TLS (if given), and 0 as the clone result. */
  cloneState(parent: CpuState, stack: number, tls: number | undefined): CpuState;
  /** The stack pointer's value. */
  stackPointer(state: CpuState): number;
  /** Writes a syscall result (a JS number, negative for -errno). */
  setSyscallResult(state: CpuState, value: number): void;
  /** execve: all registers cleared, then what the ISA sets at process entry (the stack pointer). */
  resetState(state: CpuState, sp: number): void;
  /** Bytes of the syscall instruction: a restarted call runs it again. */
  readonly syscallInsnSize: number;
  /** /proc/cpuinfo for `cpus` processors of the CPU being emulated (none: the host's is shown). */
  cpuinfo?(cpus: number): string;
  readonly signalFrame: SignalFrameOps;
}

/** A guest program loaded by execve into a new address space. */
export interface LoadedImage {
  readonly mem: AddressSpace;
  readonly brk: number;
  readonly mmapTop: number;
  readonly sigreturnTrampoline: number;
  /** The first instruction (the interpreter's entry for a dynamically linked program). */
  readonly entry: number;
  /** The initial stack pointer (argc, argv, envp, auxv). */
  readonly sp: number;
  /** The auxiliary vector as on the stack (what /proc/<pid>/auxv shows). */
  readonly auxv: Uint8Array;
}

/** What execve needs from the emulator to load a guest program. */
export interface ProgramLoader {
  /** e_machine of the guest's ELF files. */
  readonly elfMachine: number;
  /** e_machine of the host's own programs, which execve runs on the host. */
  readonly hostElfMachine: number | undefined;
  /**
   * Loads the guest ELF file at `hostPath` (its interpreter through `prefix`), with a
   * new stack holding argv and envp. Throws SysError for what execve would refuse.
   */
  load(hostPath: string, argv: readonly string[], envp: readonly string[], execfn: string, prefix: PathPrefix): LoadedImage;
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
  /** The ISA's register work; without it clone of a thread fails and handlers cannot run. */
  cpu?: CpuHooks;
  /** Guest address of the signal return trampoline (0: none mapped). */
  sigreturnTrampoline?: number;
  /** The first program's auxiliary vector, as on its stack (/proc/<pid>/auxv). */
  auxv?: Uint8Array;
  /** Loads guest programs for execve; without it execve of a guest program fails with ENOEXEC. */
  loader?: ProgramLoader;
  /** Told when a process other than the first dies of a signal (qemu's message). */
  killed?: (p: GuestProcess, sig: number) => void;
  /** Told when fork copied an address space (the emulator keeps per-program state). */
  copied?: (parent: AddressSpace, child: AddressSpace) => void;
}
