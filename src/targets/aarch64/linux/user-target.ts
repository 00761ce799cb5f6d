// aarch64 Linux user mode: X8 holds the syscall number, X0..X5 the arguments, X0 the result.
import { EM_AARCH64 } from '../../../loader/elf.js';
import { AT_MINSIGSTKSZ } from '../../../loader/stack.js';
import { regToArg } from '../../../syscalls/kernel.js';
import type { CpuState } from '../../../translate/cpu-state.js';
import type { UserTarget } from '../../../user-mode/user-target.js';
import { nzcvOf } from '../flags.js';
import { SLOT_FLAG_AH, SLOT_FLAG_AL, SLOT_FLAG_BH, SLOT_FLAG_BL, SLOT_FLAG_OP, SLOT_SP, SLOT_TPIDR } from '../state.js';
import { aarch64Target } from '../target.js';
import { aarch64LinuxAbi } from './abi.js';
import { aarch64SignalFrame } from './signal-frame.js';
import { AARCH64_HWCAP, AARCH64_HWCAP2, aarch64MaxCpuinfo } from './hwcap.js';

const hex16 = (r: Int32Array, slot: number): string =>
  (r[slot + 1] >>> 0).toString(16).padStart(8, '0') + (r[slot] >>> 0).toString(16).padStart(8, '0');

export const aarch64User: UserTarget = {
  ops: aarch64Target,
  elfMachine: EM_AARCH64,
  linux: aarch64LinuxAbi,
  platform: 'aarch64',
  hwcap: AARCH64_HWCAP,
  hwcap2: AARCH64_HWCAP2,
  extraAuxv: [[AT_MINSIGSTKSZ, 5120]],
  cpuinfo: aarch64MaxCpuinfo,
  signalFrame: aarch64SignalFrame,
  stackPointerSlot: SLOT_SP,
  threadPointerSlot: SLOT_TPIDR,
  setStart(state: CpuState, sp: number) {
    state.r[SLOT_SP] = sp | 0;
    state.r[SLOT_SP + 1] = 0;
  },
  syscallNumber: (state) => state.r[16],
  syscallArgs(state, out) {
    for (let i = 0; i < 6; i++) out[i] = regToArg(state.r[2 * i], state.r[2 * i + 1]);
  },
  setSyscallResult(state, value) {
    state.r[0] = value | 0;
    state.r[1] = value < 0 ? -1 : Math.floor(value / 2 ** 32) | 0;
  },
  dumpState(state, pc) {
    const r = state.r;
    const lines = [`PC=${pc.toString(16).padStart(16, '0')}`];
    let line = '';
    for (let n = 0; n < 32; n++) {
      const name = n === 31 ? ' SP' : `X${String(n).padStart(2, '0')}`;
      line += `${name}=${hex16(r, 2 * n)}${n % 4 === 3 ? '' : ' '}`;
      if (n % 4 === 3) {
        lines.push(line);
        line = '';
      }
    }
    const f = nzcvOf(r[SLOT_FLAG_OP], r[SLOT_FLAG_AL], r[SLOT_FLAG_AH], r[SLOT_FLAG_BL], r[SLOT_FLAG_BH]);
    const flags = `${f & 8 ? 'N' : '-'}${f & 4 ? 'Z' : '-'}${f & 2 ? 'C' : '-'}${f & 1 ? 'V' : '-'}`;
    lines.push(`PSTATE=${((f << 28) >>> 0).toString(16).padStart(8, '0')} ${flags} EL0t`);
    return lines.join('\n');
  },
};
