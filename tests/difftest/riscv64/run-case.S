// Runs one test case: loads every register from a state record, executes the words in
// test_slot, stores every register to another record, and returns 0 to the C caller.
// A signal during the test (only qemu delivers them) lands in fault_entry, which returns
// from run_case with the signal number instead.
//
// After the test instruction no register is free to hold a pointer, and user mode has no
// scratch CSR wide enough. So each case names a scratch register k (one its instruction
// does not name, so its final value is its initial one): the harness patches the slot's two
// exits to jump to after_test_k / after_taken_k, which use xk as the base register for
// storing the others. A branch under test targets test_slot + 20 (after_taken_k).
#include "state.h"

    .option norvc

    .section .testslot, "awx"
    .p2align 12
    .globl test_slot
test_slot:                  // each case's words: NOP, the instruction under test, NOPs
    nop                     // (a 16-bit instruction is followed by c.nop in its word)
    nop
    nop
    nop
    j after_test_1          // falls through: not a branch, or not taken (patched per case)
    j after_taken_1         // branch tests target test_slot + 20 (patched per case)
    .p2align 12             // the page holds nothing else

    .text
    .p2align 4
    .globl run_case
    .type run_case, @function
run_case:                   // int run_case(const state *in (a0), state *out (a1))
    lla t0, host_save
    sd ra, HS_RA(t0)
    sd sp, HS_SP(t0)
    sd gp, HS_GP(t0)
    sd tp, HS_TP(t0)
    .irp r, 0,1,2,3,4,5,6,7,8,9,10,11
    sd s\r, HS_S + 8 * \r(t0)
    .endr
    sd a1, HS_OUT(t0)
    frcsr t1
    sd t1, HS_FCSR(t0)
    lla t1, resv_dummy      // drop any reservation an earlier case's LR left
    sc.d zero, zero, (t1)
    ld t1, OFF_RESERVE(a0)  // the case's reservation, if any
    beqz t1, 2f
    andi t2, t1, 1
    andi t1, t1, -2
    bnez t2, 1f
    lr.w t2, (t1)
    j 2f
1:  lr.d t2, (t1)
2:
    lw t1, OFF_FCSR(a0)
    fscsr t1
    .irp r, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    fld f\r, OFF_F + 8 * \r(a0)
    .endr
    .irp r, 1,2,3,4,5,6,7,8,9,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    ld x\r, OFF_X + 8 * \r(a0)
    .endr
    ld a0, OFF_X + 8 * 10(a0)
    j test_slot

    // The exits for scratch register k.
    .macro exits k
after_test_\k:
    lla x\k, host_save
    sd zero, HS_TAKEN(x\k)
    j save_\k
after_taken_\k:
    lla x\k, host_save
    sd x\k, HS_TAKEN(x\k)   // non-zero: taken
save_\k:
    ld x\k, HS_OUT(x\k)
    .irp r, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    .if \r - \k
    sd x\r, OFF_X + 8 * \r(x\k)
    .endif
    .endr
    mv t0, x\k
    j save_common
    .endm

    .irp k, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    exits \k
    .endr

save_common:                // t0 = out; nothing from here on changes fcsr before it is read
    frcsr t1
    sw t1, OFF_FCSR(t0)
    .irp r, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    fsd f\r, OFF_F + 8 * \r(t0)
    .endr
    li a0, 0
    lla t1, host_save
restore_host:               // t1 = host_save, a0 = result
    ld t2, HS_FCSR(t1)
    fscsr t2
    ld ra, HS_RA(t1)
    ld sp, HS_SP(t1)
    ld gp, HS_GP(t1)
    ld tp, HS_TP(t1)
    .irp r, 0,1,2,3,4,5,6,7,8,9,10,11
    ld s\r, HS_S + 8 * \r(t1)
    .endr
    ret
    .size run_case, . - run_case

    // void fault_entry(int sig (a0), siginfo_t *si (a1), ucontext_t *uc (a2)): a signal
    // handler (SA_ONSTACK | SA_NODEFER) that abandons the test and returns from run_case.
    .p2align 4
    .globl fault_entry
    .type fault_entry, @function
fault_entry:
    lla t1, host_save
    ld t2, 16(a1)           // si_addr
    sd t2, HS_FAULT_ADDR(t1)
    ld t2, 176(a2)          // uc_mcontext.sc_regs.pc
    sd t2, HS_FAULT_PC(t1)
    j restore_host
    .size fault_entry, . - fault_entry

    // Makes the rewritten test_slot visible to instruction fetch.
    .p2align 4
    .globl sync_slot
    .type sync_slot, @function
sync_slot:
    fence.i
    ret
    .size sync_slot, . - sync_slot

    .globl _start
    .type _start, @function
_start:
    li ra, 0
    call main
    li a7, 93               // exit
    ecall

    .section .rodata
    .p2align 3
    .globl exit_table
exit_table:                 // per scratch register k = 1..31: after_test_k, after_taken_k
    .irp k, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    .dword after_test_\k, after_taken_\k
    .endr

    .bss
    .p2align 4
    .globl host_save
host_save:
    .skip HS_SIZE
resv_dummy:
    .skip 16
