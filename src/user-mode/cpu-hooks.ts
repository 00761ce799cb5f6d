// The kernel's view of an ISA's registers (CpuHooks), from the user-mode target.
import { regToArg, type CpuHooks } from '../syscalls/kernel.js';
import { CpuState } from '../translate/cpu-state.js';
import type { UserTarget } from './user-target.js';

/** Both ISAs' syscall instructions (svc, ecall) are 4 bytes. */
const SYSCALL_INSN_SIZE = 4;

function setPair(state: CpuState, slot: number, v: number): void {
  state.r[slot] = v % 2 ** 32 | 0;
  state.r[slot + 1] = Math.floor(v / 2 ** 32) | 0;
}

export function cpuHooks(target: UserTarget): CpuHooks {
  return {
    cloneState(parent, sp, tls) {
      const child = new CpuState(target.ops.slotCount, target.ops.vectorBytes);
      child.r.set(parent.r);
      child.v8.set(parent.v8);
      if (sp) setPair(child, target.stackPointerSlot, sp);
      if (tls !== undefined) setPair(child, target.threadPointerSlot, tls);
      target.setSyscallResult(child, 0);
      return child;
    },
    stackPointer: (state) => regToArg(state.r[target.stackPointerSlot], state.r[target.stackPointerSlot + 1]),
    setSyscallResult: (state, value) => target.setSyscallResult(state, value),
    resetState(state, sp) {
      state.r.fill(0);
      state.v8.fill(0);
      state.exc = 0;
      target.setStart(state, sp);
    },
    syscallInsnSize: SYSCALL_INSN_SIZE,
    signalFrame: target.signalFrame,
    cpuinfo: target.cpuinfo,
  };
}
