// Runs one test case: loads every register from a state record, executes the word in
// test_slot, stores every register to another record, and returns 0 to the C caller.
// A signal during the test (only qemu delivers them) lands in fault_entry, which
// returns from run_case with the signal number instead.
//
// A branch under test is made to target test_slot + 20, so the harness records whether it
// was taken. After the test instruction nothing is free to hold a pointer, so x0 is parked in
// TPIDR_EL0 (which is why TPIDR_EL0's final value is not reported).
#include "state.h"

    .section .testslot, "awx"
    .p2align 12
    .globl test_slot
test_slot:                  // each case's words (the instruction under test, possibly after
    nop                     // a flag-setting prefix; NOPs fill the rest), one block
    nop
    nop
    nop
    b after_test            // falls through: not a branch, or not taken
    b after_taken           // branch tests target test_slot + 20
    .p2align 12             // the page holds nothing else: rewriting it invalidates only this

    .text
    .p2align 4
    .globl run_case
    .type run_case, %function
run_case:                   // int run_case(const state *in (x0), state *out (x1))
    adrp x16, host_save
    add x16, x16, :lo12:host_save
    stp x19, x20, [x16, #HS_CALLEE + 0]
    stp x21, x22, [x16, #HS_CALLEE + 16]
    stp x23, x24, [x16, #HS_CALLEE + 32]
    stp x25, x26, [x16, #HS_CALLEE + 48]
    stp x27, x28, [x16, #HS_CALLEE + 64]
    stp x29, x30, [x16, #HS_CALLEE + 80]
    mov x17, sp
    str x17, [x16, #HS_SP]
    mrs x17, tpidr_el0
    str x17, [x16, #HS_TPIDR]
    str x1, [x16, #HS_OUT]
    mrs x17, fpcr
    str x17, [x16, #HS_FPCR]

    ldr w17, [x0, #OFF_FPCR]
    msr fpcr, x17
    ldr w17, [x0, #OFF_FPSR]
    msr fpsr, x17
    ldr x17, [x0, #OFF_TPIDR]
    msr tpidr_el0, x17
    ldr x17, [x0, #OFF_SP]
    mov sp, x17
    add x16, x0, #OFF_V
    ldp q0, q1, [x16, #0]
    ldp q2, q3, [x16, #32]
    ldp q4, q5, [x16, #64]
    ldp q6, q7, [x16, #96]
    ldp q8, q9, [x16, #128]
    ldp q10, q11, [x16, #160]
    ldp q12, q13, [x16, #192]
    ldp q14, q15, [x16, #224]
    ldp q16, q17, [x16, #256]
    ldp q18, q19, [x16, #288]
    ldp q20, q21, [x16, #320]
    ldp q22, q23, [x16, #352]
    ldp q24, q25, [x16, #384]
    ldp q26, q27, [x16, #416]
    ldp q28, q29, [x16, #448]
    ldp q30, q31, [x16, #480]
    ldr w17, [x0, #OFF_NZCV]
    msr nzcv, x17
    clrex
    ldp x1, x2, [x0, #8]
    ldp x3, x4, [x0, #24]
    ldp x5, x6, [x0, #40]
    ldp x7, x8, [x0, #56]
    ldp x9, x10, [x0, #72]
    ldp x11, x12, [x0, #88]
    ldp x13, x14, [x0, #104]
    ldp x15, x16, [x0, #120]
    ldp x17, x18, [x0, #136]
    ldp x19, x20, [x0, #152]
    ldp x21, x22, [x0, #168]
    ldp x23, x24, [x0, #184]
    ldp x25, x26, [x0, #200]
    ldp x27, x28, [x0, #216]
    ldp x29, x30, [x0, #232]
    ldr x0, [x0]
    b test_slot

after_taken:
    msr tpidr_el0, x0
    adrp x0, host_save
    add x0, x0, :lo12:host_save
    str x0, [x0, #HS_TAKEN]  // non-zero: taken
    b save_state
after_test:
    msr tpidr_el0, x0
    adrp x0, host_save
    add x0, x0, :lo12:host_save
    str xzr, [x0, #HS_TAKEN]
save_state:                 // x0 = host_save; no instruction from here on changes NZCV or FPSR
    ldr x0, [x0, #HS_OUT]
    stp x1, x2, [x0, #8]
    stp x3, x4, [x0, #24]
    stp x5, x6, [x0, #40]
    stp x7, x8, [x0, #56]
    stp x9, x10, [x0, #72]
    stp x11, x12, [x0, #88]
    stp x13, x14, [x0, #104]
    stp x15, x16, [x0, #120]
    stp x17, x18, [x0, #136]
    stp x19, x20, [x0, #152]
    stp x21, x22, [x0, #168]
    stp x23, x24, [x0, #184]
    stp x25, x26, [x0, #200]
    stp x27, x28, [x0, #216]
    stp x29, x30, [x0, #232]
    mrs x1, nzcv
    str w1, [x0, #OFF_NZCV]
    mrs x1, fpcr
    str w1, [x0, #OFF_FPCR]
    mrs x1, fpsr
    str w1, [x0, #OFF_FPSR]
    mrs x1, tpidr_el0
    str x1, [x0, #OFF_X]
    mov x1, sp
    str x1, [x0, #OFF_SP]
    add x1, x0, #OFF_V
    stp q0, q1, [x1, #0]
    stp q2, q3, [x1, #32]
    stp q4, q5, [x1, #64]
    stp q6, q7, [x1, #96]
    stp q8, q9, [x1, #128]
    stp q10, q11, [x1, #160]
    stp q12, q13, [x1, #192]
    stp q14, q15, [x1, #224]
    stp q16, q17, [x1, #256]
    stp q18, q19, [x1, #288]
    stp q20, q21, [x1, #320]
    stp q22, q23, [x1, #352]
    stp q24, q25, [x1, #384]
    stp q26, q27, [x1, #416]
    stp q28, q29, [x1, #448]
    stp q30, q31, [x1, #480]
    mov w0, #0
    adrp x16, host_save
    add x16, x16, :lo12:host_save
restore_host:               // x16 = host_save, w0 = result
    ldr x17, [x16, #HS_TPIDR]
    msr tpidr_el0, x17
    ldr x17, [x16, #HS_FPCR]
    msr fpcr, x17
    ldr x17, [x16, #HS_SP]
    mov sp, x17
    ldp x19, x20, [x16, #HS_CALLEE + 0]
    ldp x21, x22, [x16, #HS_CALLEE + 16]
    ldp x23, x24, [x16, #HS_CALLEE + 32]
    ldp x25, x26, [x16, #HS_CALLEE + 48]
    ldp x27, x28, [x16, #HS_CALLEE + 64]
    ldp x29, x30, [x16, #HS_CALLEE + 80]
    ret
    .size run_case, . - run_case

    // void fault_entry(int sig (x0), siginfo_t *si (x1), ucontext_t *uc (x2)): a signal
    // handler (SA_ONSTACK | SA_NODEFER) that abandons the test and returns from run_case.
    .p2align 4
    .globl fault_entry
    .type fault_entry, %function
fault_entry:
    adrp x16, host_save
    add x16, x16, :lo12:host_save
    ldr x3, [x1, #16]       // si_addr
    str x3, [x16, #HS_FAULT_ADDR]
    ldr x3, [x2, #440]      // uc_mcontext.pc (mcontext at 176: fault_address, regs[31], sp, pc)
    str x3, [x16, #HS_FAULT_PC]
    b restore_host
    .size fault_entry, . - fault_entry

    // Makes the rewritten test_slot visible to instruction fetch.
    .p2align 4
    .globl sync_slot
    .type sync_slot, %function
sync_slot:
    adrp x0, test_slot
    dc cvau, x0
    dsb ish
    ic ivau, x0
    dsb ish
    isb
    ret
    .size sync_slot, . - sync_slot

    .globl _start
    .type _start, %function
_start:
    mov x29, #0
    mov x30, #0
    bl main
    mov x8, #93             // exit
    svc #0

    .bss
    .p2align 4
    .globl host_save
host_save:
    .skip HS_SIZE
