/*
 * sigdeath <how>: the program ends by a signal (or in a handler), as the shell and a
 * parent see it: abort() (also with a SIGABRT handler that returns), raise(SIGTERM),
 * SIGKILL, a blocked signal that kills once unblocked, a fault while SIGSEGV is
 * blocked, ignored, or already being handled, a stack overflow, a breakpoint, and
 * _exit() from a handler.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void say(const char *s)
{
    printf("%s\n", s);
    fflush(stdout);
}

static void h_return(int sig)
{
    printf("handler %d returns\n", sig);
    fflush(stdout);
}

static void h_exit(int sig)
{
    printf("handler %d exits\n", sig);
    fflush(stdout);
    _exit(7);
}

static void h_fault_again(int sig)
{
    printf("handler %d faults too\n", sig);
    fflush(stdout);
    *(volatile int *)0 = 1;
}

static void on(int sig, void (*h)(int))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = h;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

#pragma GCC diagnostic ignored "-Winfinite-recursion"
static int __attribute__((noinline)) recurse(int n)
{
    volatile char big[1024];
    big[0] = (char)n;
    return recurse(n + 1) + big[0];
}

int main(int argc, char **argv)
{
    const char *how = argc > 1 ? argv[1] : "";
    sigset_t s;
    sigemptyset(&s);
    if (!strcmp(how, "abort")) {
        say("abort()");
        abort();
    } else if (!strcmp(how, "abort-handled")) {
        on(SIGABRT, h_return);
        say("abort() with a handler");
        abort();
    } else if (!strcmp(how, "term")) {
        say("raise(SIGTERM)");
        raise(SIGTERM);
    } else if (!strcmp(how, "kill")) {
        say("kill(getpid(), SIGKILL)");
        kill(getpid(), SIGKILL);
    } else if (!strcmp(how, "usr1-unblocked")) {
        sigaddset(&s, SIGUSR1);
        sigprocmask(SIG_BLOCK, &s, NULL);
        kill(getpid(), SIGUSR1);
        say("SIGUSR1 pending while blocked");
        sigprocmask(SIG_UNBLOCK, &s, NULL);
    } else if (!strcmp(how, "segv-blocked")) {
        sigaddset(&s, SIGSEGV);
        sigprocmask(SIG_BLOCK, &s, NULL);
        say("NULL store with SIGSEGV blocked");
        *(volatile int *)0 = 1;
    } else if (!strcmp(how, "segv-ignored")) {
        signal(SIGSEGV, SIG_IGN);
        say("NULL store with SIGSEGV ignored");
        *(volatile int *)0 = 1;
    } else if (!strcmp(how, "segv-nested")) {
        on(SIGSEGV, h_fault_again);
        say("NULL store with a handler that faults");
        *(volatile int *)0 = 1;
    } else if (!strcmp(how, "overflow")) {
        say("unbounded recursion");
        recurse(0);
    } else if (!strcmp(how, "trap")) {
        say("breakpoint");
#if defined(__aarch64__)
        __asm__ volatile("brk #0" ::: "memory");
#elif defined(__riscv)
        __asm__ volatile("ebreak" ::: "memory");
#endif
    } else if (!strcmp(how, "exit-in-handler")) {
        on(SIGUSR2, h_exit);
        raise(SIGUSR2);
    } else {
        say("usage: sigdeath abort|abort-handled|term|kill|usr1-unblocked|segv-blocked|segv-ignored|segv-nested|overflow|trap|exit-in-handler");
        return 2;
    }
    say("still alive?!");
    return 0;
}
