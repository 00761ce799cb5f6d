// The riscv64 Linux signal frame (arch/riscv's struct rt_sigframe, by its uapi layout):
//
//   rt_sigframe:  siginfo (128) | ucontext (960)
//   ucontext:     uc_flags, uc_link, uc_stack (24), uc_sigmask (8), padding to 1024 bits,
//                 uc_mcontext (16-byte aligned, at 176)
//   sigcontext:   sc_regs = user_regs_struct { pc, x1..x31 } (256), then the FP state
//                 union (528): f[32], fcsr; its last 8 bytes are the (null) header of the
//                 extension records
//
// riscv64 has no SA_RESTORER: handlers return (ra) to the trampoline
// (`li a7, 139; ecall`: rt_sigreturn), which Linux keeps in the vDSO.
import type { AddressSpace } from '../../../memory/address-space.js';
import type { FrameRestore, FrameSetup, SignalFrameOps } from '../../../syscalls/signal-frame.js';
import type { CpuState } from '../../../translate/cpu-state.js';
import { FP_BYTES, SLOT_FFLAGS, SLOT_FRM, SLOT_RES_SIZE, xSlot } from '../state.js';

const SIGINFO_SIZE = 128;
const UCONTEXT_SIZE = 960;
const SIGFRAME_SIZE = SIGINFO_SIZE + UCONTEXT_SIZE;

// Offsets in the frame.
const UC = SIGINFO_SIZE;
const UC_STACK = UC + 16;
const UC_SIGMASK = UC + 40;
const MC = UC + 176;
const MC_REGS = MC; // gregs[0] is pc, gregs[n] is xn
const MC_FP = MC + 256;
const MC_FCSR = MC_FP + FP_BYTES;

const RA = 1, SP = 2, A0 = 10, A1 = 11, A2 = 12;
const LI_A7_139 = 0x08b00893;
const ECALL = 0x00000073;

const floor16 = (a: number): number => a - (((a % 16) + 16) % 16);

function reg(state: CpuState, n: number): bigint {
  const slot = xSlot(n);
  return (BigInt(state.r[slot + 1] >>> 0) << 32n) | BigInt(state.r[slot] >>> 0);
}

function setReg(state: CpuState, n: number, v: bigint): void {
  const slot = xSlot(n);
  state.r[slot] = Number(v & 0xffffffffn) | 0;
  state.r[slot + 1] = Number((v >> 32n) & 0xffffffffn) | 0;
}

const setRegNumber = (state: CpuState, n: number, v: number): void => setReg(state, n, BigInt.asUintN(64, BigInt(v)));

function setup(mem: AddressSpace, state: CpuState, f: FrameSetup): number {
  const frame = floor16(f.sp - SIGFRAME_SIZE);
  const bytes = new Uint8Array(SIGFRAME_SIZE);
  const d = new DataView(bytes.buffer);
  bytes.set(f.info, 0);
  d.setBigUint64(UC_STACK, f.stack.sp, true);
  d.setInt32(UC_STACK + 8, f.stack.flags, true);
  d.setBigUint64(UC_STACK + 16, f.stack.size, true);
  d.setBigUint64(UC_SIGMASK, f.mask, true);
  d.setBigUint64(MC_REGS, BigInt.asUintN(64, BigInt(f.pc)), true);
  for (let n = 1; n < 32; n++) d.setBigUint64(MC_REGS + 8 * n, reg(state, n), true);
  bytes.set(state.v8.subarray(0, FP_BYTES), MC_FP);
  d.setUint32(MC_FCSR, ((state.r[SLOT_FRM] & 7) << 5) | (state.r[SLOT_FFLAGS] & 31), true);
  mem.writeBytes(frame, bytes); // one checked write: a bad stack faults before anything changes

  setRegNumber(state, RA, f.returnTo);
  setRegNumber(state, SP, frame);
  setRegNumber(state, A0, f.sig);
  setRegNumber(state, A1, frame);
  setRegNumber(state, A2, frame + UC);
  state.r[SLOT_RES_SIZE] = 0;
  return f.handler;
}

function restore(mem: AddressSpace, state: CpuState): FrameRestore | null {
  const sp = reg(state, SP);
  if (sp + BigInt(SIGFRAME_SIZE) > 2n ** 32n) return null;
  const frame = Number(sp);
  const bytes = mem.readBytes(frame, SIGFRAME_SIZE);
  const d = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  for (let n = 1; n < 32; n++) setReg(state, n, d.getBigUint64(MC_REGS + 8 * n, true));
  state.v8.set(bytes.subarray(MC_FP, MC_FP + FP_BYTES));
  const fcsr = d.getUint32(MC_FCSR, true);
  state.r[SLOT_FFLAGS] = fcsr & 31;
  state.r[SLOT_FRM] = (fcsr >> 5) & 7;
  state.r[SLOT_RES_SIZE] = 0;
  return {
    pc: Number(d.getBigUint64(MC_REGS, true)),
    mask: d.getBigUint64(UC_SIGMASK, true),
    stack: { sp: d.getBigUint64(UC_STACK, true), flags: d.getInt32(UC_STACK + 8, true), size: d.getBigUint64(UC_STACK + 16, true) },
  };
}

const trampoline = new Uint8Array(8);
new DataView(trampoline.buffer).setUint32(0, LI_A7_139, true);
new DataView(trampoline.buffer).setUint32(4, ECALL, true);

export const riscv64SignalFrame: SignalFrameOps = {
  trampoline,
  minStackSize: 2048, // MINSIGSTKSZ (asm-generic)
  frameSize: SIGFRAME_SIZE + 15,
  setup,
  restore,
};
