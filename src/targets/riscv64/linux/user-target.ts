// riscv64 Linux user mode: a7 holds the syscall number, a0..a5 the arguments, a0 the
// result; sp is the only register set at entry.
import { EM_RISCV } from '../../../loader/elf.js';
import { regToArg } from '../../../syscalls/kernel.js';
import type { CpuState } from '../../../translate/cpu-state.js';
import type { UserTarget } from '../../../user-mode/user-target.js';
import { xSlot } from '../state.js';
import { riscv64Target } from '../target.js';
import { riscv64LinuxAbi } from './abi.js';
import { riscv64SignalFrame } from './signal-frame.js';
import { riscv64Cpuinfo } from './cpuinfo.js';
import { RISCV64_HWCAP } from './hwcap.js';

const SP = 2, TP = 4, A0 = 10, A7 = 17;
const REG_NAMES = [
  'zero', 'ra', 'sp', 'gp', 'tp', 't0', 't1', 't2', 's0', 's1', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5',
  'a6', 'a7', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 't3', 't4', 't5', 't6',
];

const hex16 = (hi: number, lo: number): string =>
  (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');

export const riscv64User: UserTarget = {
  ops: riscv64Target,
  elfMachine: EM_RISCV,
  linux: riscv64LinuxAbi,
  hwcap: RISCV64_HWCAP,
  extraAuxv: [],
  coreDumpMessage: false,
  cpuinfo: riscv64Cpuinfo,
  signalFrame: riscv64SignalFrame,
  stackPointerSlot: xSlot(SP),
  threadPointerSlot: xSlot(TP),
  setStart(state: CpuState, sp: number) {
    state.r[xSlot(SP)] = sp | 0;
    state.r[xSlot(SP) + 1] = 0;
  },
  syscallNumber: (state) => state.r[xSlot(A7)],
  syscallArgs(state, out) {
    for (let i = 0; i < 6; i++) out[i] = regToArg(state.r[xSlot(A0 + i)], state.r[xSlot(A0 + i) + 1]);
  },
  setSyscallResult(state, value) {
    state.r[xSlot(A0)] = value | 0;
    state.r[xSlot(A0) + 1] = value < 0 ? -1 : Math.floor(value / 2 ** 32) | 0;
  },
  // The format of qemu-riscv64's -d cpu: pc, then x0..x31 four to a line.
  dumpState(state, pc) {
    const r = state.r;
    const cell = (name: string, hex: string): string => ` ${name.padEnd(8)} ${hex}`;
    const lines = [cell('pc', pc.toString(16).padStart(16, '0'))];
    for (let n = 0; n < 32; n += 4) {
      lines.push([0, 1, 2, 3].map((i) => {
        const k = n + i;
        return cell(`x${k}/${REG_NAMES[k]}`, k === 0 ? hex16(0, 0) : hex16(r[xSlot(k) + 1], r[xSlot(k)]));
      }).join(''));
    }
    return lines.join('\n');
  },
};
