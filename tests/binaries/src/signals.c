/*
 * signals: handlers and masks within one thread. Handlers run, nest, are deferred by
 * masks (sigprocmask, sa_mask) and undeferred by SA_NODEFER; SA_RESETHAND, SIG_IGN
 * and default-ignored signals; standard signals merge while real-time ones queue, and
 * pending ones arrive lowest first (so their handlers run highest first, frames stacked);
 * SA_SIGINFO's si_code/si_pid/si_value for raise, kill and sigqueue; and the handler's
 * return (rt_sigreturn) restoring every register, the condition flags and the FP
 * control and status registers of the interrupted code.
 * Handlers only note what happens; main prints the notes.
 */
#define _GNU_SOURCE
#include <fenv.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static char notes[2048];
static size_t notes_len;

static void note(const char *s)
{
    size_t n = strlen(s);
    if (notes_len + n + 1 < sizeof notes) {
        memcpy(notes + notes_len, s, n);
        notes_len += n;
        notes[notes_len++] = ' ';
    }
}

static void note_int(const char *prefix, long v)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s%ld", prefix, v);
    note(buf);
}

static void show(const char *what)
{
    if (notes_len > 0) notes_len--;
    notes[notes_len] = '\0';
    printf("%s: %s\n", what, notes);
    notes_len = 0;
}

static void on(int sig, void (*handler)(int), int flags, const int *mask)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    for (; mask && *mask; mask++) sigaddset(&sa.sa_mask, *mask);
    sigaction(sig, &sa, NULL);
}

static void on_info(int sig, void (*handler)(int, siginfo_t *, void *), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = flags | SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static void set_blocked(int how, int a, int b, int c)
{
    sigset_t s;
    sigemptyset(&s);
    if (a) sigaddset(&s, a);
    if (b) sigaddset(&s, b);
    if (c) sigaddset(&s, c);
    sigprocmask(how, &s, NULL);
}

static int is_pending(int sig)
{
    sigset_t s;
    sigpending(&s);
    return sigismember(&s, sig);
}

static const char *code_name(int code)
{
    switch (code) {
    case SI_USER: return "SI_USER";
    case SI_TKILL: return "SI_TKILL";
    case SI_QUEUE: return "SI_QUEUE";
    case SI_KERNEL: return "SI_KERNEL";
    default: return "other";
    }
}

static void h_plain(int sig) { note_int("plain:", sig); }

static void h_info(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    char buf[128];
    snprintf(buf, sizeof buf, "info:%d/%d/%s/pid-ok=%d/uid-ok=%d", sig, si->si_signo, code_name(si->si_code),
             si->si_pid == getpid(), si->si_uid == getuid());
    note(buf);
    if (si->si_code == SI_QUEUE) note_int("value:", si->si_value.sival_int);
}

static void h_outer(int sig)
{
    note_int("outer-enter:", sig);
    raise(SIGUSR2);
    note_int("outer-leave:", sig);
}

static void h_inner(int sig) { note_int("inner:", sig); }

static volatile int depth, calls;

static void h_recurse(int sig)
{
    depth++;
    calls++;
    note_int("depth:", depth);
    if (calls < 3) raise(sig);
    depth--;
}

static void h_once(int sig) { note_int("once:", sig); }

static void h_value(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    char buf[64];
    snprintf(buf, sizeof buf, "%d=%d", sig - SIGRTMIN, si->si_value.sival_int);
    note(buf);
}

/* ---- register preservation across a handler ---- */

static void clobber(void)
{
#if defined(__aarch64__)
    __asm__ volatile(
        "mov x9, #1\n mov x10, #2\n mov x11, #3\n mov x12, #4\n mov x13, #5\n mov x14, #6\n mov x15, #7\n"
        "movi v16.16b, #0x55\n movi v17.16b, #0x66\n movi v18.16b, #0x77\n movi v19.16b, #0x88\n"
        "cmp xzr, xzr\n"
        ::: "x9", "x10", "x11", "x12", "x13", "x14", "x15", "v16", "v17", "v18", "v19", "cc");
#elif defined(__riscv)
    __asm__ volatile(
        "li t0, 1\n li t1, 2\n li t2, 3\n li t3, 4\n li t4, 5\n li t5, 6\n li t6, 7\n"
        "fcvt.d.w ft0, zero\n fcvt.d.w ft1, zero\n fcvt.d.w ft2, zero\n fcvt.d.w ft3, zero\n"
        ::: "t0", "t1", "t2", "t3", "t4", "t5", "t6", "ft0", "ft1", "ft2", "ft3");
#endif
}

static void h_clobber(int sig)
{
    (void)sig;
    volatile double x = 1.0, y = 3.0;
    fesetround(FE_DOWNWARD);
    x = x / y; /* inexact, in the handler's own FP status */
    (void)x;
    clobber();
    note("clobbered");
}

#if defined(__aarch64__)
/* tgkill(self) with known values in caller-saved registers, a comparison's flags set
 * just before the svc, and the flags read back right after it. */
static int registers_survive(void)
{
    register long x0 __asm__("x0") = getpid();
    register long x1 __asm__("x1") = syscall(SYS_gettid);
    register long x2 __asm__("x2") = SIGUSR1;
    register long x8 __asm__("x8") = SYS_tgkill;
    register unsigned long r9 __asm__("x9") = 0x0123456789abcdefUL;
    register unsigned long r10 __asm__("x10") = 0xfedcba9876543210UL;
    register unsigned long r11 __asm__("x11") = 0x1111111111111111UL;
    register unsigned long r12 __asm__("x12") = 0x8000000000000001UL;
    register unsigned long r13 __asm__("x13") = 42;
    register unsigned long r14 __asm__("x14") = (unsigned long)-1;
    register unsigned long r15 __asm__("x15") = 0x7fffffffffffffffUL;
    register double d16 __asm__("d16") = 1.25;
    register double d17 __asm__("d17") = -2.5;
    register double d18 __asm__("d18") = 1e300;
    register double d19 __asm__("d19") = 0.1;
    unsigned long flags;
    __asm__ volatile("cmp %[a], %[b]\n svc #0\n mrs %[f], nzcv"
                     : "+r"(x0), [f] "=&r"(flags), "+r"(r9), "+r"(r10), "+r"(r11), "+r"(r12), "+r"(r13),
                       "+r"(r14), "+r"(r15), "+w"(d16), "+w"(d17), "+w"(d18), "+w"(d19)
                     : "r"(x1), "r"(x2), "r"(x8), [a] "r"(1L), [b] "r"(2L)
                     : "memory", "cc");
    int bad = (x0 != 0) + (r9 != 0x0123456789abcdefUL) + (r10 != 0xfedcba9876543210UL) +
              (r11 != 0x1111111111111111UL) + (r12 != 0x8000000000000001UL) + (r13 != 42) +
              (r14 != (unsigned long)-1) + (r15 != 0x7fffffffffffffffUL) + (d16 != 1.25) + (d17 != -2.5) +
              (d18 != 1e300) + (d19 != 0.1);
    /* 1 - 2: N set, Z clear, C clear (borrow), V clear */
    if ((flags >> 28) != 0x8) bad += 100;
    return bad;
}
#elif defined(__riscv)
static int registers_survive(void)
{
    register long a0 __asm__("a0") = getpid();
    register long a1 __asm__("a1") = syscall(SYS_gettid);
    register long a2 __asm__("a2") = SIGUSR1;
    register long a7 __asm__("a7") = SYS_tgkill;
    register unsigned long t0 __asm__("t0") = 0x0123456789abcdefUL;
    register unsigned long t1 __asm__("t1") = 0xfedcba9876543210UL;
    register unsigned long t2 __asm__("t2") = 0x1111111111111111UL;
    register unsigned long t3 __asm__("t3") = 0x8000000000000001UL;
    register unsigned long t4 __asm__("t4") = 42;
    register unsigned long t5 __asm__("t5") = (unsigned long)-1;
    register unsigned long t6 __asm__("t6") = 0x7fffffffffffffffUL;
    register double f0 __asm__("ft0") = 1.25;
    register double f1 __asm__("ft1") = -2.5;
    register double f2 __asm__("ft2") = 1e300;
    register double f3 __asm__("ft3") = 0.1;
    __asm__ volatile("ecall"
                     : "+r"(a0), "+r"(t0), "+r"(t1), "+r"(t2), "+r"(t3), "+r"(t4), "+r"(t5), "+r"(t6),
                       "+f"(f0), "+f"(f1), "+f"(f2), "+f"(f3)
                     : "r"(a1), "r"(a2), "r"(a7)
                     : "memory");
    return (a0 != 0) + (t0 != 0x0123456789abcdefUL) + (t1 != 0xfedcba9876543210UL) + (t2 != 0x1111111111111111UL) +
           (t3 != 0x8000000000000001UL) + (t4 != 42) + (t5 != (unsigned long)-1) + (t6 != 0x7fffffffffffffffUL) +
           (f0 != 1.25) + (f1 != -2.5) + (f2 != 1e300) + (f3 != 0.1);
}
#endif

int main(void)
{
    /* a handler runs and returns */
    on(SIGUSR1, h_plain, 0, NULL);
    raise(SIGUSR1);
    show("raise");

    /* SA_SIGINFO: what raise, kill and sigqueue say about themselves */
    on_info(SIGUSR1, h_info, 0);
    raise(SIGUSR1);
    kill(getpid(), SIGUSR1);
    union sigval v = {.sival_int = 42};
    sigqueue(getpid(), SIGUSR1, v);
    show("siginfo");

    /* blocked: pending, merged, delivered on unblock before sigprocmask returns */
    on(SIGUSR1, h_plain, 0, NULL);
    set_blocked(SIG_BLOCK, SIGUSR1, 0, 0);
    kill(getpid(), SIGUSR1);
    kill(getpid(), SIGUSR1);
    note_int("pending:", is_pending(SIGUSR1));
    set_blocked(SIG_UNBLOCK, SIGUSR1, 0, 0);
    note("unblocked");
    note_int("pending:", is_pending(SIGUSR1));
    show("blocked");

    /* real-time signals queue every instance, in order */
    on_info(SIGRTMIN + 2, h_value, 0);
    set_blocked(SIG_BLOCK, SIGRTMIN + 2, 0, 0);
    for (int i = 1; i <= 3; i++) {
        union sigval qv = {.sival_int = i * 10};
        sigqueue(getpid(), SIGRTMIN + 2, qv);
    }
    set_blocked(SIG_UNBLOCK, SIGRTMIN + 2, 0, 0);
    show("queued");

    /* several pending at once: taken lowest first, so the last frame (highest) runs first */
    on(SIGUSR1, h_plain, 0, NULL);
    on(SIGUSR2, h_plain, 0, NULL);
    on(SIGRTMIN + 1, h_plain, 0, NULL);
    set_blocked(SIG_BLOCK, SIGUSR1, SIGUSR2, SIGRTMIN + 1);
    raise(SIGRTMIN + 1);
    raise(SIGUSR2);
    raise(SIGUSR1);
    set_blocked(SIG_UNBLOCK, SIGUSR1, SIGUSR2, SIGRTMIN + 1);
    show("order");

    /* a handler interrupted by another signal's handler */
    on(SIGUSR1, h_outer, 0, NULL);
    on(SIGUSR2, h_inner, 0, NULL);
    raise(SIGUSR1);
    show("nested");

    /* sa_mask defers the other signal until the handler returns */
    int usr2[] = {SIGUSR2, 0};
    on(SIGUSR1, h_outer, 0, usr2);
    raise(SIGUSR1);
    show("sa_mask");

    /* its own signal is deferred, unless SA_NODEFER */
    on(SIGUSR1, h_recurse, 0, NULL);
    raise(SIGUSR1);
    show("deferred");
    calls = 0;
    on(SIGUSR1, h_recurse, SA_NODEFER, NULL);
    raise(SIGUSR1);
    show("nodefer");

    /* SA_RESETHAND: the first delivery puts SIG_DFL back */
    on(SIGUSR2, h_once, SA_RESETHAND, NULL);
    raise(SIGUSR2);
    struct sigaction old;
    sigaction(SIGUSR2, NULL, &old);
    note_int("dfl:", old.sa_handler == SIG_DFL);
    show("resethand");

    /* ignored, explicitly or by default; SIG_IGN discards what is pending */
    on(SIGUSR1, SIG_IGN, 0, NULL);
    raise(SIGUSR1);
    raise(SIGCHLD);
    raise(SIGURG);
    raise(SIGWINCH);
    on(SIGUSR2, h_plain, 0, NULL);
    set_blocked(SIG_BLOCK, SIGUSR2, 0, 0);
    raise(SIGUSR2);
    note_int("pending:", is_pending(SIGUSR2));
    on(SIGUSR2, SIG_IGN, 0, NULL);
    note_int("pending:", is_pending(SIGUSR2));
    set_blocked(SIG_UNBLOCK, SIGUSR2, 0, 0);
    note("alive");
    show("ignored");

    /* SIGKILL and SIGSTOP cannot be blocked or caught */
    sigset_t all, now;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &now);
    sigprocmask(SIG_SETMASK, &now, &all);
    note_int("kill-blocked:", sigismember(&all, SIGKILL));
    note_int("stop-blocked:", sigismember(&all, SIGSTOP));
    note_int("usr1-blocked:", sigismember(&all, SIGUSR1));
    note_int("catch-kill:", sigaction(SIGKILL, &old, NULL));
    show("unblockable");

    /* the interrupted code gets every register back */
    on(SIGUSR1, h_clobber, 0, NULL);
    fesetround(FE_UPWARD);
    feclearexcept(FE_ALL_EXCEPT);
    int bad = registers_survive();
    int round_ok = fegetround() == FE_UPWARD;
    int flags_ok = fetestexcept(FE_ALL_EXCEPT) == 0;
    fesetround(FE_TONEAREST);
    note_int("bad:", bad);
    note_int("rounding-kept:", round_ok);
    note_int("fpflags-kept:", flags_ok);
    show("registers");
    return 0;
}
