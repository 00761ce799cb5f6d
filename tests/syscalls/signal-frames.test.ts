// The per-ISA signal frames: laid out as Linux lays them out (uapi struct offsets), and
// read back by rt_sigreturn into exactly the registers they were built from.
import { describe, expect, it } from 'vitest';
import { AddressSpace, PERM_READ, PERM_WRITE } from '../../src/memory/address-space.js';
import type { FrameSetup } from '../../src/syscalls/signal-frame.js';
import { FlagOp, nzcvOf } from '../../src/targets/aarch64/flags.js';
import { aarch64SignalFrame } from '../../src/targets/aarch64/linux/signal-frame.js';
import {
  SLOT_COUNT, SLOT_EXCL_SIZE, SLOT_FLAG_AH, SLOT_FLAG_AL, SLOT_FLAG_BH, SLOT_FLAG_BL, SLOT_FLAG_OP, SLOT_FPCR,
  SLOT_FPSR, SLOT_SP, VECTOR_BYTES,
} from '../../src/targets/aarch64/state.js';
import { riscv64SignalFrame } from '../../src/targets/riscv64/linux/signal-frame.js';
import { FP_BYTES, SLOT_COUNT as RV_SLOT_COUNT, SLOT_FFLAGS, SLOT_FRM, xSlot } from '../../src/targets/riscv64/state.js';
import { CpuState } from '../../src/translate/cpu-state.js';

const mem = new AddressSpace();
const STACK = 0x4000_0000;
const STACK_SIZE = 0x10000;
const TOP = STACK + STACK_SIZE - 0x100 + 8; // deliberately not 16-byte aligned

function freshStack(): void {
  mem.unmap(STACK - 0x10000, 0x30000);
  mem.map(STACK, STACK_SIZE, PERM_READ | PERM_WRITE);
}

const setReg = (s: CpuState, slot: number, v: bigint): void => {
  s.r[slot] = Number(v & 0xffffffffn) | 0;
  s.r[slot + 1] = Number(v >> 32n) | 0;
};
const reg = (s: CpuState, slot: number): bigint => (BigInt(s.r[slot + 1] >>> 0) << 32n) | BigInt(s.r[slot] >>> 0);
const u64 = (a: number): bigint => {
  const b = mem.readBytes(a, 8);
  return new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, true);
};

function info(sig: number): Uint8Array {
  const b = new Uint8Array(128);
  const d = new DataView(b.buffer);
  d.setInt32(0, sig, true);
  d.setInt32(8, 1, true);
  d.setBigUint64(16, 0xdead0n, true);
  return b;
}

function setup(over: Partial<FrameSetup> = {}): FrameSetup {
  return {
    sig: 11, info: info(11), siginfo: true, handler: 0x401000, returnTo: 0x402000, pc: 0x400abc, sp: TOP,
    mask: 0x1234n, stack: { sp: 0x7000n, flags: 2, size: 0n }, faultAddress: 0xdead0, ...over,
  };
}

describe('aarch64 rt_sigframe', () => {
  function aarch64State(): CpuState {
    const s = new CpuState(SLOT_COUNT, VECTOR_BYTES);
    for (let n = 0; n < 31; n++) setReg(s, 2 * n, 0x1111_0000_0000_0000n + BigInt(n) * 0x0101n);
    setReg(s, SLOT_SP, BigInt(TOP));
    // lazy flags: the result of a 64-bit compare 1 - 2 (N set)
    s.r[SLOT_FLAG_OP] = FlagOp.Sub64;
    s.r[SLOT_FLAG_AL] = 1;
    s.r[SLOT_FLAG_AH] = 0;
    s.r[SLOT_FLAG_BL] = 2;
    s.r[SLOT_FLAG_BH] = 0;
    s.r[SLOT_FPCR] = 0x00c00000; // RMode = towards zero
    s.r[SLOT_FPSR] = 0x10; // IXC
    for (let i = 0; i < VECTOR_BYTES; i++) s.v8[i] = (i * 7 + 3) & 0xff;
    s.r[SLOT_EXCL_SIZE] = 8;
    return s;
  }

  it('lays out siginfo, ucontext, sigcontext and fpsimd_context as Linux does', () => {
    freshStack();
    const s = aarch64State();
    const before = s.r.slice();
    const pc = aarch64SignalFrame.setup(mem, s, setup());
    expect(pc).toBe(0x401000);
    const record = (TOP - 16) & ~15;
    const frame = record - 4688;
    expect(Number(reg(s, SLOT_SP))).toBe(frame);
    expect(frame % 16).toBe(0);
    // x0 = signal, x1 = &siginfo, x2 = &ucontext, x29 = frame record, x30 = return address
    expect(reg(s, 0)).toBe(11n);
    expect(Number(reg(s, 2))).toBe(frame);
    expect(Number(reg(s, 4))).toBe(frame + 128);
    expect(Number(reg(s, 58))).toBe(record);
    expect(Number(reg(s, 60))).toBe(0x402000);
    expect(s.r[SLOT_EXCL_SIZE]).toBe(0);
    // the frame record holds the interrupted x29, x30
    expect(u64(record)).toBe(0x1111_0000_0000_0000n + 29n * 0x0101n);
    expect(u64(record + 8)).toBe(0x1111_0000_0000_0000n + 30n * 0x0101n);
    // siginfo
    expect(mem.read32(frame)).toBe(11);
    expect(u64(frame + 16)).toBe(0xdead0n);
    // ucontext: uc_flags, uc_link, uc_stack, uc_sigmask
    const uc = frame + 128;
    expect(u64(uc)).toBe(0n);
    expect(u64(uc + 8)).toBe(0n);
    expect(u64(uc + 16)).toBe(0x7000n);
    expect(mem.read32(uc + 24)).toBe(2);
    expect(u64(uc + 40)).toBe(0x1234n);
    // sigcontext at uc + 176: fault_address, regs[31], sp, pc, pstate
    const mc = uc + 176;
    expect(u64(mc)).toBe(0xdead0n);
    for (let n = 0; n < 31; n++) expect(u64(mc + 8 + 8 * n)).toBe(reg({ r: before } as CpuState, 2 * n));
    expect(Number(u64(mc + 256))).toBe(TOP);
    expect(Number(u64(mc + 264))).toBe(0x400abc);
    expect(u64(mc + 272)).toBe(0x80000000n); // N
    // __reserved at mc + 288: fpsimd_context, then the terminating null header
    const fp = mc + 288;
    expect(mem.read32(fp) >>> 0).toBe(0x46508001);
    expect(mem.read32(fp + 4)).toBe(528);
    expect(mem.read32(fp + 8)).toBe(0x10);
    expect(mem.read32(fp + 12)).toBe(0x00c00000);
    expect([...mem.readBytes(fp + 16, 512)]).toEqual([...s.v8.subarray(0, 512)]);
    expect(u64(fp + 528)).toBe(0n);
  });

  it('leaves x1 and x2 alone and writes no siginfo without SA_SIGINFO', () => {
    freshStack();
    const s = aarch64State();
    aarch64SignalFrame.setup(mem, s, setup({ siginfo: false }));
    expect(reg(s, 2)).toBe(0x1111_0000_0000_0101n);
    expect(reg(s, 4)).toBe(0x1111_0000_0000_0202n);
    expect(mem.read32(Number(reg(s, SLOT_SP)))).toBe(0);
  });

  it('rt_sigreturn restores every register, NZCV as a materialized flag value, FPCR/FPSR, V0-V31', () => {
    freshStack();
    const s = aarch64State();
    const original = aarch64State();
    aarch64SignalFrame.setup(mem, s, setup());
    // the handler changes everything
    for (let n = 0; n < 31; n++) setReg(s, 2 * n, 0xffn);
    s.r[SLOT_FLAG_OP] = FlagOp.Logic64;
    s.r[SLOT_FPCR] = 0;
    s.r[SLOT_FPSR] = 0;
    s.v8.fill(0);
    s.r[SLOT_EXCL_SIZE] = 4;
    // the handler returns with sp at the frame (as the trampoline runs)
    const r = aarch64SignalFrame.restore(mem, s);
    expect(r).toEqual({ pc: 0x400abc, mask: 0x1234n, stack: { sp: 0x7000n, flags: 2, size: 0n } });
    for (let n = 0; n < 32; n++) expect(reg(s, 2 * n)).toBe(reg(original, 2 * n));
    expect(s.r[SLOT_FLAG_OP]).toBe(FlagOp.Nzcv);
    const flags = (x: CpuState): number =>
      nzcvOf(x.r[SLOT_FLAG_OP], x.r[SLOT_FLAG_AL], x.r[SLOT_FLAG_AH], x.r[SLOT_FLAG_BL], x.r[SLOT_FLAG_BH]);
    expect(flags(s)).toBe(flags(original));
    expect(s.r[SLOT_FPCR]).toBe(0x00c00000);
    expect(s.r[SLOT_FPSR]).toBe(0x10);
    expect([...s.v8]).toEqual([...original.v8]);
    expect(s.r[SLOT_EXCL_SIZE]).toBe(0);
  });

  it('refuses a misaligned frame, a frame without fpsimd_context, and a non-EL0 pstate', () => {
    freshStack();
    const s = aarch64State();
    aarch64SignalFrame.setup(mem, s, setup());
    const frame = Number(reg(s, SLOT_SP));
    const mc = frame + 128 + 176;
    setReg(s, SLOT_SP, BigInt(frame + 8));
    expect(aarch64SignalFrame.restore(mem, s)).toBeNull();
    setReg(s, SLOT_SP, BigInt(frame));
    mem.write32(mc + 288, 0x12345678);
    expect(aarch64SignalFrame.restore(mem, s)).toBeNull();
    mem.write32(mc + 288, 0x46508001);
    mem.writeU64(mc + 272, 0x80000005);
    expect(aarch64SignalFrame.restore(mem, s)).toBeNull();
    mem.writeU64(mc + 272, 0x80000000);
    expect(aarch64SignalFrame.restore(mem, s)).not.toBeNull();
  });

  it('faults without writing anything when the stack cannot hold the frame', () => {
    freshStack();
    const s = aarch64State();
    expect(() => aarch64SignalFrame.setup(mem, s, setup({ sp: STACK + 0x100 }))).toThrow();
    expect(Number(reg(s, SLOT_SP))).toBe(TOP);
    expect([...mem.readBytes(STACK, 0x100)].every((b) => b === 0)).toBe(true);
  });

  it('returns through mov x8, #139; svc #0', () => {
    const d = new DataView(aarch64SignalFrame.trampoline.buffer);
    expect(d.getUint32(0, true)).toBe(0xd2801168);
    expect(d.getUint32(4, true)).toBe(0xd4000001);
    expect(aarch64SignalFrame.minStackSize).toBe(5120);
  });
});

describe('riscv64 rt_sigframe', () => {
  function riscvState(): CpuState {
    const s = new CpuState(RV_SLOT_COUNT, FP_BYTES);
    for (let n = 1; n < 32; n++) setReg(s, xSlot(n), 0x2222_0000_0000_0000n + BigInt(n));
    setReg(s, xSlot(2), BigInt(TOP));
    s.r[SLOT_FFLAGS] = 0b10101;
    s.r[SLOT_FRM] = 3;
    for (let i = 0; i < FP_BYTES; i++) s.v8[i] = (i * 5 + 1) & 0xff;
    return s;
  }

  it('lays out siginfo, ucontext and sigcontext (pc, x1..x31, f0..f31, fcsr) as Linux does', () => {
    freshStack();
    const s = riscvState();
    const pc = riscv64SignalFrame.setup(mem, s, setup());
    expect(pc).toBe(0x401000);
    const frame = (TOP - 1088) & ~15;
    expect(Number(reg(s, xSlot(2)))).toBe(frame);
    expect(Number(reg(s, xSlot(1)))).toBe(0x402000); // ra: the trampoline
    expect(reg(s, xSlot(10))).toBe(11n);
    expect(Number(reg(s, xSlot(11)))).toBe(frame);
    expect(Number(reg(s, xSlot(12)))).toBe(frame + 128);
    expect(mem.read32(frame)).toBe(11);
    const uc = frame + 128;
    expect(u64(uc + 16)).toBe(0x7000n);
    expect(u64(uc + 40)).toBe(0x1234n);
    const mc = uc + 176;
    expect(Number(u64(mc))).toBe(0x400abc);
    expect(u64(mc + 8)).toBe(0x2222_0000_0000_0001n);
    expect(Number(u64(mc + 16))).toBe(TOP);
    expect(u64(mc + 8 * 31)).toBe(0x2222_0000_0000_001fn);
    expect([...mem.readBytes(mc + 256, 256)]).toEqual([...riscvState().v8]);
    expect(mem.read32(mc + 512)).toBe((3 << 5) | 0b10101);
  });

  it('rt_sigreturn restores x1..x31, f0..f31 and fcsr', () => {
    freshStack();
    const s = riscvState();
    const original = riscvState();
    riscv64SignalFrame.setup(mem, s, setup());
    for (let n = 1; n < 32; n++) if (n !== 2) setReg(s, xSlot(n), 0n);
    s.v8.fill(0);
    s.r[SLOT_FFLAGS] = 0;
    s.r[SLOT_FRM] = 0;
    const r = riscv64SignalFrame.restore(mem, s);
    expect(r?.pc).toBe(0x400abc);
    expect(r?.mask).toBe(0x1234n);
    for (let n = 1; n < 32; n++) expect(reg(s, xSlot(n))).toBe(reg(original, xSlot(n)));
    expect([...s.v8]).toEqual([...original.v8]);
    expect(s.r[SLOT_FFLAGS]).toBe(0b10101);
    expect(s.r[SLOT_FRM]).toBe(3);
  });

  it('returns through li a7, 139; ecall', () => {
    const d = new DataView(riscv64SignalFrame.trampoline.buffer);
    expect(d.getUint32(0, true)).toBe(0x08b00893);
    expect(d.getUint32(4, true)).toBe(0x00000073);
  });
});
