/*
 * sigthreads: signals and threads. pthread_kill reaches the chosen thread; a thread
 * asleep in nanosleep is woken with EINTR and the time left; a thread in
 * pthread_cond_wait takes a handler (SA_RESTART) and goes on waiting; kill() to the
 * process is taken by the one thread not blocking it; sigwaitinfo collects a blocked
 * signal another thread sent; rt_sigsuspend returns EINTR after the handler;
 * sigtimedwait times out with EAGAIN. The output does not depend on the interleaving.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static volatile pid_t handler_tid;
static volatile int handled;

static pid_t gettid_(void) { return (pid_t)syscall(SYS_gettid); }

static void h_note(int sig)
{
    (void)sig;
    handler_tid = gettid_();
    handled++;
}

static void on(int sig, void (*h)(int), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = h;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static void mask(int how, int sig)
{
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, sig);
    pthread_sigmask(how, &s, NULL);
}

static void pause_ms(int ms)
{
    struct timespec ts = {0, ms * 1000000L};
    nanosleep(&ts, NULL);
}

/* ---- pthread_kill reaches that thread ---- */

static volatile pid_t target_tid;
static volatile int target_go;

static void *target_thread(void *arg)
{
    (void)arg;
    target_tid = gettid_();
    while (!handled) sched_yield();
    while (!target_go) sched_yield();
    return NULL;
}

/* ---- nanosleep interrupted ---- */

static volatile int sleeper_ready, sleeper_done;
static int sleep_result, sleep_errno, rem_ok;

static void *sleeper(void *arg)
{
    (void)arg;
    struct timespec req = {20, 0}, rem = {0, 0};
    sleeper_ready = 1;
    sleep_result = nanosleep(&req, &rem);
    sleep_errno = errno;
    rem_ok = rem.tv_sec > 0 && rem.tv_sec <= 20;
    sleeper_done = 1;
    return NULL;
}

/* ---- pthread_cond_wait with a handler in between ---- */

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int go;
static volatile int waiter_ready;

static void *waiter(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&lock);
    waiter_ready = 1;
    while (!go) pthread_cond_wait(&cond, &lock);
    pthread_mutex_unlock(&lock);
    return NULL;
}

/* ---- kill() taken by the only thread that does not block it ---- */

static volatile pid_t taker_tid;

static void *taker(void *arg)
{
    (void)arg;
    mask(SIG_UNBLOCK, SIGUSR1);
    taker_tid = gettid_();
    while (!handled) sched_yield();
    return NULL;
}

/* ---- senders for sigwaitinfo and sigsuspend ---- */

static pthread_t main_thread;

static void *send_process(void *arg)
{
    (void)arg;
    kill(getpid(), SIGUSR2);
    return NULL;
}

static void *send_main(void *arg)
{
    (void)arg;
    pthread_kill(main_thread, SIGUSR1);
    return NULL;
}

int main(void)
{
    pthread_t t;
    main_thread = pthread_self();
    on(SIGUSR1, h_note, 0);

    handled = 0;
    pthread_create(&t, NULL, target_thread, NULL);
    while (!target_tid) sched_yield();
    pthread_kill(t, SIGUSR1);
    while (!handled) sched_yield();
    target_go = 1;
    pthread_join(t, NULL);
    printf("pthread_kill: handled in the target thread: %d\n", handler_tid == target_tid);

    handled = 0;
    pthread_create(&t, NULL, sleeper, NULL);
    while (!sleeper_ready) sched_yield();
    while (!sleeper_done) {
        pthread_kill(t, SIGUSR1);
        pause_ms(20);
    }
    pthread_join(t, NULL);
    printf("nanosleep: %d %s time-left-ok:%d\n", sleep_result, sleep_errno == EINTR ? "EINTR" : "?", rem_ok);

    handled = 0;
    on(SIGUSR1, h_note, SA_RESTART);
    pthread_create(&t, NULL, waiter, NULL);
    while (!waiter_ready) sched_yield();
    while (!handled) {
        pthread_kill(t, SIGUSR1);
        pause_ms(5);
    }
    pthread_mutex_lock(&lock);
    go = 1;
    pthread_cond_signal(&cond);
    pthread_mutex_unlock(&lock);
    pthread_join(t, NULL);
    printf("pthread_cond_wait: handled:%d then woken\n", handled > 0);

    handled = 0;
    mask(SIG_BLOCK, SIGUSR1);
    pthread_create(&t, NULL, taker, NULL);
    while (!taker_tid) sched_yield();
    kill(getpid(), SIGUSR1);
    pthread_join(t, NULL);
    printf("kill: taken by the thread not blocking it: %d\n", handler_tid == taker_tid);

    mask(SIG_BLOCK, SIGUSR2);
    pthread_create(&t, NULL, send_process, NULL);
    siginfo_t si;
    sigset_t usr2;
    sigemptyset(&usr2);
    sigaddset(&usr2, SIGUSR2);
    int sig = sigwaitinfo(&usr2, &si);
    pthread_join(t, NULL);
    printf("sigwaitinfo: %d si_code=SI_USER:%d si_pid-ok:%d\n", sig, si.si_code == SI_USER, si.si_pid == getpid());

    handled = 0;
    pthread_create(&t, NULL, send_main, NULL);
    sigset_t none;
    sigemptyset(&none);
    int r = sigsuspend(&none);
    int e = errno;
    pthread_join(t, NULL);
    sigset_t now;
    pthread_sigmask(SIG_SETMASK, NULL, &now);
    printf("sigsuspend: %d %s handled:%d usr1-blocked-again:%d\n", r, e == EINTR ? "EINTR" : "?", handled,
           sigismember(&now, SIGUSR1));

    struct timespec zero = {0, 0}, short_wait = {0, 20000000};
    r = sigtimedwait(&usr2, &si, &zero);
    e = errno;
    printf("sigtimedwait(0): %d %s\n", r, e == EAGAIN ? "EAGAIN" : "?");
    r = sigtimedwait(&usr2, &si, &short_wait);
    e = errno;
    printf("sigtimedwait(20ms): %d %s\n", r, e == EAGAIN ? "EAGAIN" : "?");
    return 0;
}
