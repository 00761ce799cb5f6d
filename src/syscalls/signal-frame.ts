// What an ISA's Linux provides for signal handlers: the signal frame its kernel writes
// on the stack (and reads back in rt_sigreturn), and the return trampoline code.
// Implementations live in src/targets/<isa>/linux/signal-frame.ts.
import type { AddressSpace } from '../memory/address-space.js';
import type { CpuState } from '../translate/cpu-state.js';
import type { StackT } from './guest-structs.js';

export interface FrameSetup {
  readonly sig: number;
  /** The siginfo_t bytes (128). */
  readonly info: Uint8Array;
  /** The handler was installed with SA_SIGINFO. */
  readonly siginfo: boolean;
  readonly handler: number;
  /** Where the handler returns to: sa_restorer, or the trampoline page. */
  readonly returnTo: number;
  /** Where the interrupted code resumes. */
  readonly pc: number;
  /** The stack pointer to build below: the thread's, or the top of its alternate stack. */
  readonly sp: number;
  /** The mask to restore on return (uc_sigmask). */
  readonly mask: bigint;
  /** uc_stack: the alternate stack as it was, with SS_ONSTACK when the thread was on it. */
  readonly stack: StackT;
  /** The address of the last fault. */
  readonly faultAddress: number;
}

export interface FrameRestore {
  readonly pc: number;
  readonly mask: bigint;
  /** uc_stack, to set the alternate stack from as sigaltstack would. */
  readonly stack: StackT;
}

export interface SignalFrameOps {
  /** The code `returnTo` points at when there is no sa_restorer (a call of rt_sigreturn). */
  readonly trampoline: Uint8Array;
  /** MINSIGSTKSZ: the smallest alternate stack sigaltstack accepts. */
  readonly minStackSize: number;
  /** Bytes a frame takes below the stack pointer, at most. */
  readonly frameSize: number;
  /**
   * Writes the frame below `f.sp` and points the registers at the handler; returns the
   * handler's PC. Throws a GuestFault when the stack cannot hold it.
   */
  setup(mem: AddressSpace, state: CpuState, f: FrameSetup): number;
  /**
   * rt_sigreturn: loads the registers from the frame at the stack pointer. Null for a
   * frame Linux would refuse (the caller raises SIGSEGV).
   */
  restore(mem: AddressSpace, state: CpuState): FrameRestore | null;
}
