/* What musl builds on threads and signals: POSIX timers with SIGEV_THREAD
 * (musl runs the callbacks on a helper thread it creates, woken by a
 * SIGEV_THREAD_ID signal) and SIGEV_SIGNAL, sigsuspend, sigtimedwait,
 * per-thread signal masks, EINTR against SA_RESTART, and popen/system
 * (posix_spawn of /bin/sh). */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile int thread_timer_runs;
static pthread_t main_thread;
static volatile int ran_on_main;

static void timer_callback(union sigval value)
{
    ran_on_main |= pthread_equal(pthread_self(), main_thread);
    __atomic_add_fetch(&thread_timer_runs, value.sival_int, __ATOMIC_SEQ_CST);
}

static void sigev_thread_test(void)
{
    struct sigevent event = { 0 };
    event.sigev_notify = SIGEV_THREAD;
    event.sigev_notify_function = timer_callback;
    event.sigev_value.sival_int = 1;
    timer_t timer;
    if (timer_create(CLOCK_MONOTONIC, &event, &timer) != 0) {
        printf("timer_create SIGEV_THREAD: %s\n", strerror(errno));
        return;
    }
    struct itimerspec every = { .it_interval = { 0, 5000000 }, .it_value = { 0, 5000000 } };
    timer_settime(timer, 0, &every, NULL);
    while (__atomic_load_n(&thread_timer_runs, __ATOMIC_SEQ_CST) < 5) usleep(2000);
    timer_delete(timer);
    printf("SIGEV_THREAD timer: ran at least 5 times, on the main thread %s\n", ran_on_main ? "yes" : "no");
}

static volatile int alarms;

static void count_alarm(int sig)
{
    (void)sig;
    alarms++;
}

static void sigev_signal_test(void)
{
    struct sigaction sa = { 0 };
    sa.sa_handler = count_alarm;
    sigaction(SIGALRM, &sa, NULL);
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGALRM);
    sigprocmask(SIG_BLOCK, &block, &old);
    struct sigevent event = { .sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGALRM };
    timer_t timer;
    timer_create(CLOCK_REALTIME, &event, &timer);
    struct itimerspec once = { .it_value = { 0, 10000000 } };
    timer_settime(timer, 0, &once, NULL);
    sigsuspend(&old);
    printf("sigsuspend: woken by the timer's SIGALRM, handler ran %d time(s)\n", alarms);
    timer_settime(timer, 0, &once, NULL);
    siginfo_t info;
    int sig = sigwaitinfo(&block, &info);
    printf("sigwaitinfo: signal %d, si_code %s\n", sig, info.si_code == SI_TIMER ? "SI_TIMER" : "other");
    struct timespec short_wait = { 0, 10000000 };
    sig = sigtimedwait(&block, &info, &short_wait);
    printf("sigtimedwait with nothing pending: %d (%s)\n", sig, strerror(errno));
    timer_delete(timer);
    sigprocmask(SIG_SETMASK, &old, NULL);
}

static int pipe_fds[2];

static void *signal_reader_later(void *arg)
{
    (void)arg;
    usleep(20000);
    pthread_kill(main_thread, SIGUSR1);
    usleep(20000);
    write(pipe_fds[1], "x", 1);
    return NULL;
}

static void ignore_usr1(int sig)
{
    (void)sig;
}

static void eintr_test(int flags)
{
    struct sigaction sa = { 0 };
    sa.sa_handler = ignore_usr1;
    sa.sa_flags = flags;
    sigaction(SIGUSR1, &sa, NULL);
    pipe(pipe_fds);
    pthread_t t;
    pthread_create(&t, NULL, signal_reader_later, NULL);
    char c;
    ssize_t n = read(pipe_fds[0], &c, 1);
    printf("read interrupted by a handler%s: %zd (%s)\n", flags ? " with SA_RESTART" : "", n,
           n < 0 ? strerror(errno) : "restarted");
    pthread_join(t, NULL);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
}

static volatile pthread_t usr2_thread;

static void note_usr2(int sig)
{
    (void)sig;
    usr2_thread = pthread_self();
}

static void *accept_usr2(void *arg)
{
    (void)arg;
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    while (!usr2_thread) usleep(1000);
    return NULL;
}

static void thread_mask_test(void)
{
    signal(SIGUSR2, note_usr2);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    pthread_t t;
    pthread_create(&t, NULL, accept_usr2, NULL);
    usleep(10000);
    kill(getpid(), SIGUSR2); /* process-directed: only the thread that unblocked it may take it */
    pthread_join(t, NULL);
    printf("process signal taken by the one thread not blocking it: %s\n", pthread_equal(usr2_thread, t) ? "yes" : "no");
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

static void shell_test(void)
{
    FILE *p = popen("echo from the shell; echo second line", "r");
    char line[64];
    while (fgets(line, sizeof line, p)) printf("popen read: %s", line);
    printf("pclose: exit %d\n", WEXITSTATUS(pclose(p)));
    p = popen("cat", "w");
    fputs("written through popen\n", p);
    fflush(stdout);
    pclose(p);
    int status = system("exit 3");
    printf("system(\"exit 3\"): %d\n", WEXITSTATUS(status));
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    main_thread = pthread_self();
    sigev_thread_test();
    sigev_signal_test();
    eintr_test(0);
    eintr_test(SA_RESTART);
    thread_mask_test();
    shell_test();
    return 0;
}
