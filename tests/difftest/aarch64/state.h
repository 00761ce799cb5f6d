/* The difftest record layout, shared by harness.c and run-case.S; the TypeScript side
 * (src/difftest/aarch64.ts) describes the same offsets. All fields little-endian. */
#ifndef DIFFTEST_STATE_H
#define DIFFTEST_STATE_H

#define WINDOW_SIZE 256

#define OFF_X 0        /* x0..x30, 8 bytes each */
#define OFF_SP 248
#define OFF_V 256      /* v0..v31, 16 bytes each */
#define OFF_NZCV 768   /* bits 31..28 as MRS NZCV reads them */
#define OFF_FPCR 772
#define OFF_FPSR 776
#define OFF_TPIDR 784  /* input only: the harness keeps x0 in TPIDR_EL0 after the test */
#define OFF_MEM 792    /* the memory window's bytes */
#define STATE_SIZE (OFF_MEM + WINDOW_SIZE)

/* host_save slots (run-case.S) */
#define HS_CALLEE 0    /* x19..x30 */
#define HS_SP 96
#define HS_TPIDR 104
#define HS_OUT 112
#define HS_FPCR 120
#define HS_FAULT_ADDR 128
#define HS_FAULT_PC 136
#define HS_TAKEN 144
#define HS_SIZE 152

#endif
