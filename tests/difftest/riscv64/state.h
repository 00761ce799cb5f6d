/* The riscv64 difftest record layout, shared by harness.c and run-case.S; the TypeScript
 * side (src/difftest/riscv64.ts) describes the same offsets. All fields little-endian. */
#ifndef DIFFTEST_STATE_H
#define DIFFTEST_STATE_H

#define WINDOW_SIZE 256

#define OFF_X 0          /* x0..x31, 8 bytes each (x0's slot is always 0) */
#define OFF_F 256        /* f0..f31, 8 bytes each (singles NaN-boxed or not, as loaded) */
#define OFF_FCSR 512     /* frm (bits 7:5) and fflags (bits 4:0) */
#define OFF_SCRATCH 516  /* input only: the x register the harness may use after the test
                            (one the instruction does not name; its output is its input) */
#define OFF_RESERVE 520  /* input only: 0, or the address an LR reserves before the test
                            (bit 0 set: LR.D, else LR.W), so SC can succeed */
#define OFF_MEM 528      /* the memory window's bytes */
#define STATE_SIZE (OFF_MEM + WINDOW_SIZE)

/* host_save slots (run-case.S) */
#define HS_RA 0
#define HS_SP 8
#define HS_GP 16
#define HS_TP 24
#define HS_S 32          /* s0..s11 */
#define HS_OUT 128
#define HS_FCSR 136
#define HS_FAULT_ADDR 144
#define HS_FAULT_PC 152
#define HS_TAKEN 160
#define HS_SIZE 168

#endif
