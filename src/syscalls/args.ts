// Syscall arguments arrive as the signed 64-bit value of each register (exact below
// 2^53 in magnitude). These narrow them the way the kernel's C prototypes do.

/** An `int` argument (the low 32 bits, signed). */
export const int = (v: number): number => v | 0;
/** An `unsigned int` argument. */
export const u32 = (v: number): number => v >>> 0;
/** A size_t/unsigned long argument: negative register values are huge sizes. */
export const ulong = (v: number): number => (v < 0 ? v + 2 ** 64 : v);

/**
 * The JS number for one 64-bit register given as two 32-bit halves, read as signed so
 * that small negative values (AT_FDCWD, -1) stay exact.
 */
export const regToArg = (lo: number, hi: number): number => (hi | 0) * 2 ** 32 + (lo >>> 0);
