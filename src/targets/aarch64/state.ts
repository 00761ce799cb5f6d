// aarch64 CPU state layout in CpuState's int32 slots and vector bank.

/** Xn lives in slots 2n (low half) and 2n+1 (high half); SP is "register 31" here. */
export const SLOT_SP = 62;

// Lazy NZCV (see flags.ts): the op that last set the flags and its operands.
export const SLOT_FLAG_OP = 64;
export const SLOT_FLAG_AL = 65;
export const SLOT_FLAG_AH = 66;
export const SLOT_FLAG_BL = 67;
export const SLOT_FLAG_BH = 68;

export const SLOT_FPCR = 69;
export const SLOT_FPSR = 70;
export const SLOT_TPIDR = 71; // and 72

// Exclusive monitor: address, access size in bytes (0 = open), and the value(s) loaded
// (a store-exclusive succeeds only if memory still holds them).
export const SLOT_EXCL_ADDR = 73; // lo, hi at 74
export const SLOT_EXCL_SIZE = 75;
export const SLOT_EXCL_VALUE = 76; // 76..79: up to 128 bits

/** PSTATE bits user code can set: DIT (bit 24) and SSBS (bit 12), as MRS reads them. */
export const SLOT_PSTATE = 80;

export const SLOT_COUNT = 81;

/** 32 registers of 128 bits: Vn at byte offset 16n (VF64[2n] is Dn, VF32[4n] is Sn). */
export const VECTOR_BYTES = 32 * 16;
