// riscv64 CPU state layout in CpuState's int32 slots and FP register bank.

/** xN lives in slots 2N (low half) and 2N+1 (high half); x0 reads as zero and has no slots in use. */
export const xSlot = (n: number): number => 2 * n;

/** fcsr, split: the accrued exception flags (NV DZ OF UF NX, bits 4..0) and the rounding mode. */
export const SLOT_FFLAGS = 64;
export const SLOT_FRM = 65;

// LR/SC reservation: address, access size in bytes (0 = none), and the value(s) LR loaded
// (an SC succeeds only if memory still holds them: a value-compare monitor, correct when
// guest threads interleave between blocks).
export const SLOT_RES_ADDR = 66; // lo, hi at 67
export const SLOT_RES_SIZE = 68;
export const SLOT_RES_VALUE = 69; // 69..70: up to 64 bits

export const SLOT_COUNT = 72;

/**
 * 32 FP registers of 64 bits: fN at byte offset 8N (VF64[N] is the double, VF32[2N] the
 * single, V32[2N + 1] its upper word, all ones when the single is properly NaN-boxed).
 */
export const FP_BYTES = 32 * 8;
