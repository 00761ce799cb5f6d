/*
 * hostsig <mode>: waits for a signal sent from outside (tests/e2e/host-signals.test.ts
 * sends it to the emulator, which passes it on). "ready" on stdout says it waits.
 *   handler: SIGINT/SIGTERM/SIGHUP handlers, waits in sigsuspend, prints what came, exits 0
 *   spin:    no handler, spins without syscalls (dies of the signal)
 *   sleep:   no handler, sleeps (dies of the signal)
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void h(int sig) { got = sig; }

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "handler";
    if (!strcmp(mode, "handler")) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = h;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, NULL);
        sigaction(SIGTERM, &sa, NULL);
        sigaction(SIGHUP, &sa, NULL);
        sigset_t block, none;
        sigemptyset(&block);
        sigaddset(&block, SIGINT);
        sigaddset(&block, SIGTERM);
        sigaddset(&block, SIGHUP);
        sigprocmask(SIG_BLOCK, &block, &none);
        printf("ready\n");
        fflush(stdout);
        while (!got) sigsuspend(&none);
        printf("got %s\n", got == SIGINT ? "SIGINT" : got == SIGTERM ? "SIGTERM" : "SIGHUP");
        return 0;
    }
    printf("ready\n");
    fflush(stdout);
    if (!strcmp(mode, "spin")) {
        for (volatile unsigned long i = 0;; i++) {
        }
    }
    sleep(1000);
    return 1;
}
