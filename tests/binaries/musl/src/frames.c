/* Signal frames read and changed by handlers, as runtimes do: a SIGSEGV
 * handler that steps over the faulting instruction by advancing the PC in
 * its ucontext, a breakpoint instruction raising SIGTRAP, a thread's stack
 * overflow caught on an alternate stack, and musl's pthread_getattr_np, which
 * finds the main thread's stack by probing with mremap. */
#define _GNU_SOURCE
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

static volatile int skipped;

static void step_over(int sig, siginfo_t *info, void *context)
{
    (void)sig;
    (void)info;
    ucontext_t *uc = context;
#if defined(__aarch64__)
    uc->uc_mcontext.pc += 4;
#elif defined(__riscv)
    uc->uc_mcontext.__gregs[0] += 4; /* REG_PC; the store below is not compressed */
#endif
    skipped++;
}

static void skip_test(void)
{
    struct sigaction sa = { 0 };
    sa.sa_sigaction = step_over;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    volatile int *nowhere = (int *)16;
    for (int i = 0; i < 3; i++) {
#if defined(__aarch64__)
        __asm__ volatile("str %w0, [%1]" ::"r"(i), "r"(nowhere) : "memory");
#elif defined(__riscv)
        __asm__ volatile(".option push\n.option norvc\nsw %0, 0(%1)\n.option pop" ::"r"(i), "r"(nowhere) : "memory");
#endif
    }
    printf("SIGSEGV handler stepped over %d faulting stores\n", skipped);
    signal(SIGSEGV, SIG_DFL);
}

static volatile int trap_code;

static void on_trap(int sig, siginfo_t *info, void *context)
{
    (void)sig;
    ucontext_t *uc = context;
    trap_code = info->si_code;
#if defined(__aarch64__)
    uc->uc_mcontext.pc += 4;
#elif defined(__riscv)
    uc->uc_mcontext.__gregs[0] += 4;
#endif
}

static void trap_test(void)
{
    struct sigaction sa = { 0 };
    sa.sa_sigaction = on_trap;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGTRAP, &sa, NULL);
#if defined(__aarch64__)
    __asm__ volatile("brk #0x3e8");
#elif defined(__riscv)
    __asm__ volatile(".option push\n.option norvc\nebreak\n.option pop");
#endif
    printf("breakpoint: SIGTRAP handled, si_code %s\n", trap_code == TRAP_BRKPT ? "TRAP_BRKPT" : "other");
}

static sigjmp_buf overflow_jump;

static void on_overflow(int sig)
{
    (void)sig;
    siglongjmp(overflow_jump, 1);
}

/* Recurses until the stack runs out (the bound is never reached). */
static int recurse(volatile char *previous, unsigned long depth)
{
    volatile char frame[512];
    if (depth > 1UL << 40) return 0;
    frame[0] = previous ? previous[0] + 1 : 0;
    return recurse(frame, depth + 1) + frame[1];
}

static void *overflow_thread(void *arg)
{
    (void)arg;
    stack_t ss = { .ss_sp = malloc(64 * 1024), .ss_size = 64 * 1024 };
    sigaltstack(&ss, NULL);
    struct sigaction sa = { 0 };
    sa.sa_handler = on_overflow;
    sa.sa_flags = SA_ONSTACK;
    sigaction(SIGSEGV, &sa, NULL);
    if (sigsetjmp(overflow_jump, 1) == 0) recurse(NULL, 0);
    return (void *)1;
}

static void overflow_test(void)
{
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 128 * 1024);
    pthread_t t;
    void *result;
    pthread_create(&t, &attr, overflow_thread, NULL);
    pthread_join(t, &result);
    printf("thread stack overflow caught on the alternate stack: %s\n", result == (void *)1 ? "yes" : "no");
}

static void main_stack_test(void)
{
    pthread_attr_t attr;
    void *base;
    size_t size;
    int local;
    pthread_getattr_np(pthread_self(), &attr);
    pthread_attr_getstack(&attr, &base, &size);
    int inside = (char *)&local >= (char *)base && (char *)&local < (char *)base + size;
    printf("pthread_getattr_np(main): stack holds our locals %s, at least 64 KiB %s\n", inside ? "yes" : "no",
           size >= 65536 ? "yes" : "no");
    pthread_attr_destroy(&attr);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    skip_test();
    trap_test();
    overflow_test();
    main_stack_test();
    return 0;
}
