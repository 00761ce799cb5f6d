// The aarch64 Linux signal frame (arch/arm64's struct rt_sigframe, by its uapi layout):
//
//   rt_sigframe:  siginfo (128) | ucontext (4560)
//   ucontext:     uc_flags, uc_link, uc_stack (24), uc_sigmask (8), padding to 1024 bits,
//                 uc_mcontext (16-byte aligned, at 176)
//   sigcontext:   fault_address, regs[31], sp, pc, pstate, __reserved[4096] (at 288)
//   __reserved:   fpsimd_context { magic 0x46508001, size 528, fpsr, fpcr, vregs[32] },
//                 then a null header ending the records
//
// Above the frame sits a frame record { x29, x30 } that x29 points at, so unwinders walk
// from the handler into the interrupted code. The handler returns to sa_restorer, or to
// the trampoline (`mov x8, #139; svc #0`: rt_sigreturn).
import type { AddressSpace } from '../../../memory/address-space.js';
import type { FrameRestore, FrameSetup, SignalFrameOps } from '../../../syscalls/signal-frame.js';
import type { CpuState } from '../../../translate/cpu-state.js';
import { FlagOp, nzcvOf } from '../flags.js';
import {
  SLOT_EXCL_SIZE, SLOT_FLAG_AH, SLOT_FLAG_AL, SLOT_FLAG_BH, SLOT_FLAG_BL, SLOT_FLAG_OP, SLOT_FPCR, SLOT_FPSR, SLOT_SP,
} from '../state.js';

const SIGINFO_SIZE = 128;
const UCONTEXT_SIZE = 4560;
const SIGFRAME_SIZE = SIGINFO_SIZE + UCONTEXT_SIZE;
const FRAME_RECORD_SIZE = 16;

// Offsets in the frame.
const UC = SIGINFO_SIZE;
const UC_STACK = UC + 16;
const UC_SIGMASK = UC + 40;
const MC = UC + 176;
const MC_FAULT_ADDRESS = MC;
const MC_REGS = MC + 8;
const MC_SP = MC + 256;
const MC_PC = MC + 264;
const MC_PSTATE = MC + 272;
const MC_RESERVED = MC + 288;
const RESERVED_SIZE = 4096;

const FPSIMD_MAGIC = 0x46508001;
const FPSIMD_SIZE = 528;
const ESR_MAGIC = 0x45535201;
const VREGS_BYTES = 32 * 16;

/** Bits of FPCR and FPSR that exist (as MSR writes them). */
const FPCR_MASK = 0x07f79f00;
const FPSR_MASK = 0xf800009f;
/** PSTATE.nRW and M[3:0]: a frame must return to AArch64 EL0t. */
const PSTATE_MODE = 0x1f;

const MOV_X8_139 = 0xd2801168;
const SVC_0 = 0xd4000001;

const floor16 = (a: number): number => a - (((a % 16) + 16) % 16);
const u64 = (d: DataView, at: number, v: number): void => d.setBigUint64(at, BigInt.asUintN(64, BigInt(v)), true);

function reg(state: CpuState, slot: number): bigint {
  return (BigInt(state.r[slot + 1] >>> 0) << 32n) | BigInt(state.r[slot] >>> 0);
}

function setReg(state: CpuState, slot: number, v: bigint): void {
  state.r[slot] = Number(v & 0xffffffffn) | 0;
  state.r[slot + 1] = Number((v >> 32n) & 0xffffffffn) | 0;
}

function setRegNumber(state: CpuState, slot: number, v: number): void {
  setReg(state, slot, BigInt.asUintN(64, BigInt(v)));
}

function nzcv(state: CpuState): number {
  const r = state.r;
  return nzcvOf(r[SLOT_FLAG_OP], r[SLOT_FLAG_AL], r[SLOT_FLAG_AH], r[SLOT_FLAG_BL], r[SLOT_FLAG_BH]);
}

function setup(mem: AddressSpace, state: CpuState, f: FrameSetup): number {
  const record = floor16(f.sp - FRAME_RECORD_SIZE);
  const frame = record - SIGFRAME_SIZE; // SIGFRAME_SIZE is a multiple of 16
  const bytes = new Uint8Array(record + FRAME_RECORD_SIZE - frame);
  const d = new DataView(bytes.buffer);
  if (f.siginfo) bytes.set(f.info, 0);
  u64(d, UC_STACK, Number(f.stack.sp));
  d.setInt32(UC_STACK + 8, f.stack.flags, true);
  u64(d, UC_STACK + 16, Number(f.stack.size));
  d.setBigUint64(UC_SIGMASK, f.mask, true);
  u64(d, MC_FAULT_ADDRESS, f.faultAddress);
  for (let n = 0; n < 31; n++) d.setBigUint64(MC_REGS + 8 * n, reg(state, 2 * n), true);
  d.setBigUint64(MC_SP, reg(state, SLOT_SP), true);
  u64(d, MC_PC, f.pc);
  u64(d, MC_PSTATE, (nzcv(state) << 28) >>> 0);
  d.setUint32(MC_RESERVED, FPSIMD_MAGIC, true);
  d.setUint32(MC_RESERVED + 4, FPSIMD_SIZE, true);
  d.setUint32(MC_RESERVED + 8, state.r[SLOT_FPSR] >>> 0, true);
  d.setUint32(MC_RESERVED + 12, state.r[SLOT_FPCR] >>> 0, true);
  bytes.set(state.v8.subarray(0, VREGS_BYTES), MC_RESERVED + 16);
  // The null header after fpsimd_context is already zero.
  d.setBigUint64(record - frame, reg(state, 2 * 29), true);
  d.setBigUint64(record - frame + 8, reg(state, 2 * 30), true);
  mem.writeBytes(frame, bytes); // one checked write: a bad stack faults before anything changes

  setRegNumber(state, 0, f.sig);
  if (f.siginfo) {
    setRegNumber(state, 2, frame);
    setRegNumber(state, 4, frame + UC);
  }
  setRegNumber(state, SLOT_SP, frame);
  setRegNumber(state, 2 * 29, record);
  setRegNumber(state, 2 * 30, f.returnTo);
  state.r[SLOT_EXCL_SIZE] = 0;
  return f.handler;
}

/** The fpsimd_context's offset in the frame, or -1 when the records are malformed or lack it. */
function findFpsimd(d: DataView): number {
  let found = -1;
  for (let at = MC_RESERVED; at + 8 <= MC_RESERVED + RESERVED_SIZE;) {
    const magic = d.getUint32(at, true);
    const size = d.getUint32(at + 4, true);
    if (magic === 0 && size === 0) return found;
    if (size < 16 || size % 16 || at + size > MC_RESERVED + RESERVED_SIZE) return -1;
    if (magic === FPSIMD_MAGIC) {
      if (size !== FPSIMD_SIZE || found >= 0) return -1;
      found = at;
    } else if (magic !== ESR_MAGIC) {
      return -1;
    }
    at += size;
  }
  return -1;
}

function restore(mem: AddressSpace, state: CpuState): FrameRestore | null {
  const sp = reg(state, SLOT_SP);
  if (sp & 15n || sp + BigInt(SIGFRAME_SIZE) > 2n ** 32n) return null;
  const frame = Number(sp);
  const bytes = mem.readBytes(frame, SIGFRAME_SIZE);
  const d = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const pstate = d.getBigUint64(MC_PSTATE, true);
  if (pstate & BigInt(PSTATE_MODE)) return null;
  const fpsimd = findFpsimd(d);
  if (fpsimd < 0) return null;
  for (let n = 0; n < 31; n++) setReg(state, 2 * n, d.getBigUint64(MC_REGS + 8 * n, true));
  setReg(state, SLOT_SP, d.getBigUint64(MC_SP, true));
  const r = state.r;
  r[SLOT_FLAG_OP] = FlagOp.Nzcv;
  r[SLOT_FLAG_AL] = Number(pstate & 0xf0000000n) | 0;
  r[SLOT_FLAG_AH] = r[SLOT_FLAG_BL] = r[SLOT_FLAG_BH] = 0;
  r[SLOT_FPSR] = d.getUint32(fpsimd + 8, true) & FPSR_MASK;
  r[SLOT_FPCR] = d.getUint32(fpsimd + 12, true) & FPCR_MASK;
  state.v8.set(bytes.subarray(fpsimd + 16, fpsimd + 16 + VREGS_BYTES));
  r[SLOT_EXCL_SIZE] = 0;
  return {
    pc: Number(d.getBigUint64(MC_PC, true)),
    mask: d.getBigUint64(UC_SIGMASK, true),
    stack: { sp: d.getBigUint64(UC_STACK, true), flags: d.getInt32(UC_STACK + 8, true), size: d.getBigUint64(UC_STACK + 16, true) },
  };
}

const trampoline = new Uint8Array(8);
new DataView(trampoline.buffer).setUint32(0, MOV_X8_139, true);
new DataView(trampoline.buffer).setUint32(4, SVC_0, true);

export const aarch64SignalFrame: SignalFrameOps = {
  trampoline,
  minStackSize: 5120, // MINSIGSTKSZ (arch/arm64 uapi signal.h)
  frameSize: SIGFRAME_SIZE + FRAME_RECORD_SIZE + 15,
  setup,
  restore,
};
