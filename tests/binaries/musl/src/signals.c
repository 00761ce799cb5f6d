/* Signals as musl uses them: SA_SIGINFO handlers reading si_code/si_value,
 * an alternate signal stack, siglongjmp out of a handler restoring the mask,
 * setjmp/longjmp, sigprocmask and pending signals, SIGSEGV with its address,
 * and signals sent to one thread with pthread_kill. */
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static volatile sig_atomic_t last_signal, last_code, last_value;

static void info_handler(int sig, siginfo_t *info, void *context)
{
    (void)context;
    last_signal = sig;
    last_code = info->si_code;
    last_value = info->si_value.sival_int;
}

static void siginfo_test(void)
{
    struct sigaction sa = { 0 };
    sa.sa_sigaction = info_handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    printf("raise: signal %d, si_code %s\n", last_signal, last_code == SI_TKILL ? "SI_TKILL" : "other");
    union sigval v = { .sival_int = 42 };
    sigqueue(getpid(), SIGUSR1, v);
    printf("sigqueue: signal %d, si_code %s, value %d\n", last_signal, last_code == SI_QUEUE ? "SI_QUEUE" : "other",
           last_value);
    kill(getpid(), SIGUSR1);
    printf("kill: si_code %s\n", last_code == SI_USER ? "SI_USER" : "other");
}

static char *alt_stack;
static volatile int on_alt_stack;

static void alt_handler(int sig)
{
    (void)sig;
    char here;
    on_alt_stack = &here >= alt_stack && &here < alt_stack + SIGSTKSZ * 4;
    stack_t now;
    sigaltstack(NULL, &now);
    on_alt_stack |= (now.ss_flags & SS_ONSTACK) ? 2 : 0;
}

static void altstack_test(void)
{
    alt_stack = malloc(SIGSTKSZ * 4);
    stack_t ss = { .ss_sp = alt_stack, .ss_size = SIGSTKSZ * 4, .ss_flags = 0 };
    sigaltstack(&ss, NULL);
    struct sigaction sa = { 0 };
    sa.sa_handler = alt_handler;
    sa.sa_flags = SA_ONSTACK;
    sigaction(SIGUSR2, &sa, NULL);
    raise(SIGUSR2);
    printf("sigaltstack: handler ran on the alternate stack %s, SS_ONSTACK %s\n", on_alt_stack & 1 ? "yes" : "no",
           on_alt_stack & 2 ? "yes" : "no");
    stack_t after;
    sigaltstack(NULL, &after);
    printf("sigaltstack: after the handler SS_ONSTACK %s\n", after.ss_flags & SS_ONSTACK ? "yes" : "no");
}

static sigjmp_buf segv_jump;
static void *fault_address;

static void segv_handler(int sig, siginfo_t *info, void *context)
{
    (void)sig;
    (void)context;
    fault_address = info->si_addr;
    siglongjmp(segv_jump, 1);
}

static void siglongjmp_test(void)
{
    struct sigaction sa = { 0 };
    sa.sa_sigaction = segv_handler;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigaction(SIGSEGV, &sa, NULL);
    char *page = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    for (int round = 0; round < 3; round++) {
        if (sigsetjmp(segv_jump, 1) == 0) {
            page[100 + round] = 1;
            printf("siglongjmp: store succeeded?\n");
        } else {
            printf("siglongjmp: round %d, fault at page+%ld\n", round, (long)((char *)fault_address - page));
        }
    }
    sigset_t mask;
    sigprocmask(SIG_BLOCK, NULL, &mask);
    printf("siglongjmp: SIGSEGV blocked after the jump: %s\n", sigismember(&mask, SIGSEGV) ? "yes" : "no");

    /* without savemask the handler's mask stays */
    if (sigsetjmp(segv_jump, 0) == 0) page[0] = 1;
    sigprocmask(SIG_BLOCK, NULL, &mask);
    printf("sigsetjmp(,0): SIGSEGV blocked after the jump: %s\n", sigismember(&mask, SIGSEGV) ? "yes" : "no");
    sigprocmask(SIG_UNBLOCK, &mask, NULL);
    munmap(page, 4096);
}

static jmp_buf plain_jump;

static int deep(int n)
{
    if (n < 0) return 0;
    if (n == 0) longjmp(plain_jump, 17);
    return deep(n - 1) + 1;
}

static void setjmp_test(void)
{
    volatile int visits = 0;
    int r = setjmp(plain_jump);
    visits++;
    if (r == 0) deep(50);
    printf("setjmp/longjmp: returned %d, visits %d\n", r, visits);
}

static void mask_test(void)
{
    sigset_t block, pending;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, NULL);
    last_signal = 0;
    raise(SIGUSR1);
    sigpending(&pending);
    printf("blocked: handler ran %s, pending %s\n", last_signal ? "yes" : "no",
           sigismember(&pending, SIGUSR1) ? "yes" : "no");
    int sig = 0;
    sigwait(&block, &sig);
    printf("sigwait: got %d\n", sig);
    raise(SIGUSR1);
    sigprocmask(SIG_UNBLOCK, &block, NULL);
    printf("unblocked: handler ran with %d\n", last_signal);
}

static volatile pthread_t handled_on;

static void thread_handler(int sig)
{
    (void)sig;
    handled_on = pthread_self();
}

static void *wait_for_signal(void *arg)
{
    (void)arg;
    while (handled_on == 0) usleep(1000);
    return NULL;
}

static void thread_kill_test(void)
{
    signal(SIGUSR2, thread_handler);
    pthread_t t;
    pthread_create(&t, NULL, wait_for_signal, NULL);
    pthread_kill(t, SIGUSR2);
    pthread_join(t, NULL);
    printf("pthread_kill: handled on the target thread: %s\n", pthread_equal(handled_on, t) ? "yes" : "no");
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    siginfo_test();
    altstack_test();
    siglongjmp_test();
    setjmp_test();
    mask_test();
    thread_kill_test();
    return 0;
}
