// What user mode needs to know about an ISA beyond the translator: its ELF machine, its
// Linux ABI, its hwcaps, and where the syscall number, arguments and result live.
import type { LinuxAbi } from '../syscalls/kernel.js';
import type { SignalFrameOps } from '../syscalls/signal-frame.js';
import type { CpuState } from '../translate/cpu-state.js';
import type { TargetOps } from '../translate/target.js';

export interface UserTarget {
  readonly ops: TargetOps;
  readonly elfMachine: number;
  readonly linux: LinuxAbi;
  /** AT_PLATFORM string; none when undefined (riscv64 Linux gives none). */
  readonly platform?: string;
  readonly hwcap: number;
  /** AT_HWCAP2; none when undefined. */
  readonly hwcap2?: number;
  /**
   * Whether a fatal signal prints "uncaught target signal N (...) - core dumped" (default
   * true): qemu prints it only after writing a core file, which it can do for aarch64 but
   * not for riscv64.
   */
  readonly coreDumpMessage?: boolean;
  /** Extra auxv entries this ISA's Linux provides (e.g. AT_MINSIGSTKSZ). */
  readonly extraAuxv: ReadonlyArray<readonly [number, number]>;
  /** /proc/cpuinfo for `cpus` processors of this CPU (none: the guest sees the host's). */
  cpuinfo?(cpus: number): string;
  /** The signal frame its Linux builds for handlers, and the return trampoline. */
  readonly signalFrame: SignalFrameOps;
  /** Slot pair of the stack pointer, and of the thread pointer clone's TLS argument sets. */
  readonly stackPointerSlot: number;
  readonly threadPointerSlot: number;
  /** Registers at process entry (stack pointer; everything else zero). */
  setStart(state: CpuState, sp: number): void;
  syscallNumber(state: CpuState): number;
  /** The six argument registers as signed 64-bit JS numbers (see regToArg). */
  syscallArgs(state: CpuState, out: Float64Array): void;
  /** Writes a syscall result (a JS number, negative for -errno). */
  setSyscallResult(state: CpuState, value: number): void;
  /** Register dump for -d cpu. */
  dumpState(state: CpuState, pc: number): string;
}
