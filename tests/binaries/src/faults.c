/*
 * faults: signals raised by the program's own instructions, caught. SIGSEGV with
 * SA_SIGINFO: si_code (SEGV_MAPERR for an unmapped page, SEGV_ACCERR for a protected
 * one), si_addr, and the interrupted pc in the ucontext; recovery by siglongjmp, and by
 * fixing the protection and returning (the faulting store runs again). SIGILL from an
 * undefined instruction and SIGTRAP from a breakpoint, skipped by advancing the pc in the
 * ucontext. A stack overflow caught on the alternate stack (sigaltstack, SA_ONSTACK).
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

static sigjmp_buf env;
static volatile int last_code;
static volatile uintptr_t last_addr, last_pc;
static volatile int fixes;
static char *page;

static uintptr_t uc_pc(void *ctx)
{
    ucontext_t *uc = ctx;
#if defined(__aarch64__)
    return uc->uc_mcontext.pc;
#elif defined(__riscv)
    return uc->uc_mcontext.__gregs[REG_PC];
#endif
}

static void set_uc_pc(void *ctx, uintptr_t pc)
{
    ucontext_t *uc = ctx;
#if defined(__aarch64__)
    uc->uc_mcontext.pc = pc;
#elif defined(__riscv)
    uc->uc_mcontext.__gregs[REG_PC] = pc;
#endif
}

static void on(int sig, void (*handler)(int, siginfo_t *, void *), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO | flags;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static void h_jump(int sig, siginfo_t *si, void *ctx)
{
    (void)sig;
    last_code = si->si_code;
    last_addr = (uintptr_t)si->si_addr;
    last_pc = uc_pc(ctx);
    siglongjmp(env, 1);
}

static void h_fix(int sig, siginfo_t *si, void *ctx)
{
    (void)sig;
    (void)ctx;
    last_code = si->si_code;
    last_addr = (uintptr_t)si->si_addr;
    fixes++;
    mprotect(page, 4096, PROT_READ | PROT_WRITE);
}

/* The instruction's own address and size are known only to the assembler: the
 * handler checks si_addr against the pc and steps over it. */
static void h_skip(int sig, siginfo_t *si, void *ctx)
{
    last_code = si->si_code;
    last_addr = (uintptr_t)si->si_addr;
    last_pc = uc_pc(ctx);
    /* Linux gives ILL_ILLOPC for an undefined instruction (qemu-aarch64 7.2: ILL_ILLOPN) */
    int code_ok = sig == SIGILL ? si->si_code == ILL_ILLOPC || si->si_code == ILL_ILLOPN : si->si_code == TRAP_BRKPT;
    printf("  %s: si_code-ok:%d si_addr==pc:%d\n", sig == SIGILL ? "SIGILL" : "SIGTRAP", code_ok, last_addr == last_pc);
#if defined(__riscv)
    /* c.unimp is 2 bytes; the (uncompressed) ebreak 4 */
    set_uc_pc(ctx, last_pc + (sig == SIGILL ? 2 : 4));
#else
    set_uc_pc(ctx, last_pc + 4);
#endif
}

extern char fault_load[], fault_store[];

static int __attribute__((noipa)) load_at(volatile int *p)
{
    int v;
#if defined(__aarch64__)
    __asm__ volatile("fault_load: ldr %w0, [%1]" : "=r"(v) : "r"(p) : "memory");
#elif defined(__riscv)
    __asm__ volatile("fault_load: lw %0, 0(%1)" : "=r"(v) : "r"(p) : "memory");
#endif
    return v;
}

static void __attribute__((noipa)) store_at(volatile int *p, int v)
{
#if defined(__aarch64__)
    __asm__ volatile("fault_store: str %w1, [%0]" : : "r"(p), "r"(v) : "memory");
#elif defined(__riscv)
    __asm__ volatile("fault_store: sw %1, 0(%0)" : : "r"(p), "r"(v) : "memory");
#endif
}

static volatile int depth;

#pragma GCC diagnostic ignored "-Winfinite-recursion"
static int __attribute__((noinline)) recurse(int n)
{
    volatile char big[4096];
    big[0] = (char)n;
    depth = n;
    return recurse(n + 1) + big[0];
}

static char altstack[65536];
static volatile uintptr_t handler_sp;
static volatile int altstack_flags;

static void h_overflow(int sig, siginfo_t *si, void *ctx)
{
    (void)sig;
    (void)ctx;
    volatile char here;
    handler_sp = (uintptr_t)&here;
    last_code = si->si_code;
    stack_t cur;
    sigaltstack(NULL, &cur);
    altstack_flags = cur.ss_flags;
    siglongjmp(env, 1);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    on(SIGSEGV, h_jump, 0);

    printf("unmapped load:\n");
    if (sigsetjmp(env, 1) == 0) {
        load_at((volatile int *)0x10);
        printf("  no fault?!\n");
    } else {
        printf("  SEGV_MAPERR:%d si_addr=%#lx pc-at-load:%d\n", last_code == SEGV_MAPERR, (unsigned long)last_addr,
               last_pc == (uintptr_t)fault_load);
    }

    page = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("store to a read-only page:\n");
    if (sigsetjmp(env, 1) == 0) {
        store_at((volatile int *)(page + 8), 7);
        printf("  no fault?!\n");
    } else {
        printf("  SEGV_ACCERR:%d si_addr-ok:%d pc-at-store:%d\n", last_code == SEGV_ACCERR,
               last_addr == (uintptr_t)(page + 8), last_pc == (uintptr_t)fault_store);
    }

    /* the mask was restored by siglongjmp: SIGSEGV is not blocked any more */
    sigset_t cur;
    sigprocmask(SIG_SETMASK, NULL, &cur);
    printf("  SIGSEGV blocked after siglongjmp: %d\n", sigismember(&cur, SIGSEGV));

    printf("fix the protection and return:\n");
    on(SIGSEGV, h_fix, 0);
    store_at((volatile int *)(page + 16), 1234);
    printf("  fixes=%d SEGV_ACCERR:%d value=%d\n", fixes, last_code == SEGV_ACCERR, *(int *)(page + 16));

    printf("undefined instruction and breakpoint, skipped:\n");
    on(SIGILL, h_skip, 0);
    on(SIGTRAP, h_skip, 0);
#if defined(__aarch64__)
    __asm__ volatile(".inst 0x00000000" ::: "memory");
    __asm__ volatile("brk #0" ::: "memory");
#elif defined(__riscv)
    __asm__ volatile(".2byte 0" ::: "memory"); /* c.unimp */
    __asm__ volatile(".option push\n.option norvc\nebreak\n.option pop" ::: "memory");
#endif
    printf("  breakpoint seen last: %d\n", last_code == TRAP_BRKPT);

    printf("stack overflow on the alternate stack:\n");
    stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack, .ss_flags = 0};
    sigaltstack(&ss, NULL);
    on(SIGSEGV, h_overflow, SA_ONSTACK);
    if (sigsetjmp(env, 1) == 0) {
        recurse(0);
    } else {
        printf("  SEGV:%d deep:%d on-altstack:%d ss_flags=SS_ONSTACK:%d\n", last_code == SEGV_MAPERR || last_code == SEGV_ACCERR,
               depth > 100, handler_sp > (uintptr_t)altstack && handler_sp < (uintptr_t)altstack + sizeof altstack,
               altstack_flags == SS_ONSTACK);
    }
    sigaltstack(NULL, &ss);
    printf("  after: ss_flags=%d size-ok:%d\n", ss.ss_flags, ss.ss_size == sizeof altstack);
    return 0;
}
