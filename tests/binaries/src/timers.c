/*
 * timers: SIGALRM from setitimer and alarm interrupting a blocking read and pause
 * (EINTR), or restarting the read (SA_RESTART); periodic itimers; nanosleep's EINTR
 * with the time left; POSIX timers (SIGEV_SIGNAL with its siginfo, overruns while the
 * signal is blocked, SIGEV_NONE, SIGEV_THREAD through glibc's SIGEV_THREAD_ID); timerfd
 * periodic counting; every clock's clock_gettime/clock_getres/clock_nanosleep; CPU
 * time of the process, the thread and reaped children; ITIMER_PROF and a POSIX timer on
 * the process CPU clock. Times are only compared, never
 * printed, so the output does not depend on the machine's speed. With "die": killed by
 * SIGALRM while waiting.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t alarms, usr1s, last_code, last_value, first_overrun = -1;
static int wake_pipe[2] = {-1, -1};

static void on_alarm(int sig)
{
    (void)sig;
    alarms++;
    if (wake_pipe[1] >= 0) write(wake_pipe[1], "w", 1);
}

static int wake_eventfd = -1;

static void on_alarm_eventfd(int sig)
{
    (void)sig;
    alarms++;
    uint64_t one = 1;
    write(wake_eventfd, &one, sizeof one);
}

static void on_usr1(int sig, siginfo_t *si, void *ctx)
{
    (void)sig;
    (void)ctx;
    usr1s++;
    last_code = si->si_code;
    last_value = si->si_value.sival_int;
    if (first_overrun < 0) first_overrun = si->si_overrun;
}

static void handle(int sig, void (*fn)(int), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sa.sa_flags = flags;
    sigaction(sig, &sa, NULL);
}

static void arm_ms(int which, long first_ms, long every_ms)
{
    struct itimerval it = {{every_ms / 1000, (every_ms % 1000) * 1000}, {first_ms / 1000, (first_ms % 1000) * 1000}};
    setitimer(which, &it, NULL);
}

static long long ns_of(struct timespec ts)
{
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static long long now_ns(clockid_t c)
{
    struct timespec ts;
    clock_gettime(c, &ts);
    return ns_of(ts);
}

static void itimers(void)
{
    int p[2];
    pipe(p);
    char c;

    handle(SIGALRM, on_alarm, 0);
    arm_ms(ITIMER_REAL, 20, 0);
    ssize_t n = read(p[0], &c, 1);
    printf("read, no SA_RESTART: %zd %s, alarms %d\n", n, strerror(errno), alarms);

    handle(SIGALRM, on_alarm, SA_RESTART);
    wake_pipe[1] = p[1];
    arm_ms(ITIMER_REAL, 20, 0);
    n = read(p[0], &c, 1);
    printf("read, SA_RESTART: %zd '%c', alarms %d\n", n, n == 1 ? c : '?', alarms);
    wake_pipe[1] = -1;

    arm_ms(ITIMER_REAL, 20, 0);
    errno = 0;
    int r = pause();
    printf("pause: %d %s, alarms %d\n", r, strerror(errno), alarms);

    struct timespec req = {0, 500000000}, rem = {0, 0};
    arm_ms(ITIMER_REAL, 20, 0);
    r = nanosleep(&req, &rem);
    printf("nanosleep with SA_RESTART: %d %s, time left in (0, 0.5s): %d\n", r, strerror(errno),
           ns_of(rem) > 0 && ns_of(rem) < 500000000);

    int ep = epoll_create1(0);
    struct epoll_event ev;
    arm_ms(ITIMER_REAL, 20, 0);
    r = epoll_wait(ep, &ev, 1, -1);
    printf("epoll_wait with SA_RESTART: %d %s\n", r, strerror(errno));
    close(ep);

    wake_eventfd = eventfd(0, 0);
    handle(SIGALRM, on_alarm_eventfd, SA_RESTART);
    arm_ms(ITIMER_REAL, 20, 0);
    uint64_t count = 0;
    n = read(wake_eventfd, &count, sizeof count);
    printf("eventfd read, SA_RESTART: %zd count %llu\n", n, (unsigned long long)count);
    handle(SIGALRM, on_alarm_eventfd, 0);
    arm_ms(ITIMER_REAL, 20, 0);
    n = read(wake_eventfd, &count, sizeof count);
    printf("eventfd read, no SA_RESTART: %zd %s\n", n, strerror(errno));
    read(wake_eventfd, &count, sizeof count);
    close(wake_eventfd);
    handle(SIGALRM, on_alarm, SA_RESTART);

    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGALRM);
    sigprocmask(SIG_BLOCK, &block, &old);
    int before = alarms;
    arm_ms(ITIMER_REAL, 10, 10);
    while (alarms - before < 3) sigsuspend(&old);
    arm_ms(ITIMER_REAL, 0, 0);
    sigprocmask(SIG_SETMASK, &old, NULL);
    struct itimerval cur;
    getitimer(ITIMER_REAL, &cur);
    printf("periodic: 3 alarms, then disarmed: %ld %ld\n", (long)cur.it_value.tv_sec, (long)cur.it_value.tv_usec);

    arm_ms(ITIMER_REAL, 5000, 250);
    getitimer(ITIMER_REAL, &cur);
    printf("armed: value in (4s, 5s]: %d, interval %ld.%06ld\n",
           cur.it_value.tv_sec == 4 || (cur.it_value.tv_sec == 5 && cur.it_value.tv_usec == 0),
           (long)cur.it_interval.tv_sec, (long)cur.it_interval.tv_usec);
    arm_ms(ITIMER_REAL, 0, 0);
    printf("alarm(5): %u, then alarm(0): %u\n", alarm(5), alarm(0));
    printf("setitimer(7): %d %s\n", setitimer(7, &cur, NULL), strerror(errno));
    struct itimerval bad = {{0, 0}, {0, 1000000}};
    printf("tv_usec 1000000: %d %s\n", setitimer(ITIMER_REAL, &bad, NULL), strerror(errno));
    close(p[0]);
    close(p[1]);
}

static volatile int thread_calls;
static volatile int thread_value;

static void on_thread_timer(union sigval v)
{
    thread_value = v.sival_int;
    __atomic_add_fetch(&thread_calls, 1, __ATOMIC_SEQ_CST);
}

static void posix_timers(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_usr1;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);

    struct sigevent sev;
    memset(&sev, 0, sizeof sev);
    sev.sigev_notify = SIGEV_SIGNAL;
    sev.sigev_signo = SIGUSR1;
    sev.sigev_value.sival_int = 42;
    timer_t t;
    printf("timer_create: %d\n", timer_create(CLOCK_MONOTONIC, &sev, &t));
    struct itimerspec its = {{0, 0}, {0, 10000000}};
    timer_settime(t, 0, &its, NULL);
    while (usr1s == 0) pause();
    printf("fired: %d, SI_TIMER %d, value %d\n", usr1s, last_code == SI_TIMER, last_value);
    timer_gettime(t, &its);
    printf("one-shot spent: %ld %ld\n", (long)its.it_value.tv_sec, its.it_value.tv_nsec);

    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, &old);
    struct itimerspec every = {{0, 5000000}, {0, 5000000}};
    timer_settime(t, 0, &every, NULL);
    struct timespec nap = {0, 60000000};
    nanosleep(&nap, NULL);
    int before = usr1s;
    first_overrun = -1;
    sigprocmask(SIG_SETMASK, &old, NULL);
    struct itimerspec off = {{0, 0}, {0, 0}};
    timer_settime(t, 0, &off, NULL);
    printf("blocked 60ms: signalled %d, its si_overrun > 3: %d, timer_getoverrun >= 0: %d\n", usr1s - before >= 1,
           first_overrun > 3, timer_getoverrun(t) >= 0);
    printf("timer_delete: %d, then gettime: %d %s\n", timer_delete(t), timer_gettime(t, &its), strerror(errno));

    struct timespec abs;
    clock_gettime(CLOCK_REALTIME, &abs);
    abs.tv_nsec += 20000000;
    if (abs.tv_nsec >= 1000000000) {
        abs.tv_sec++;
        abs.tv_nsec -= 1000000000;
    }
    timer_create(CLOCK_REALTIME, &sev, &t);
    struct itimerspec at = {{0, 0}, abs};
    before = usr1s;
    timer_settime(t, TIMER_ABSTIME, &at, NULL);
    while (usr1s == before) pause();
    printf("absolute REALTIME timer fired: %d\n", usr1s - before);
    timer_delete(t);

    sev.sigev_notify = SIGEV_NONE;
    timer_create(CLOCK_MONOTONIC, &sev, &t);
    struct itimerspec long_one = {{1, 0}, {10, 0}};
    timer_settime(t, 0, &long_one, NULL);
    timer_gettime(t, &its);
    printf("SIGEV_NONE: value in (9s, 10s]: %d, interval %ld\n",
           its.it_value.tv_sec == 9 || (its.it_value.tv_sec == 10 && its.it_value.tv_nsec == 0), (long)its.it_interval.tv_sec);
    timer_delete(t);

    sev.sigev_notify = SIGEV_THREAD;
    sev.sigev_notify_function = on_thread_timer;
    sev.sigev_value.sival_int = 7;
    printf("SIGEV_THREAD timer_create: %d\n", timer_create(CLOCK_MONOTONIC, &sev, &t));
    struct itimerspec soon = {{0, 0}, {0, 10000000}};
    timer_settime(t, 0, &soon, NULL);
    while (__atomic_load_n(&thread_calls, __ATOMIC_SEQ_CST) == 0) {
        struct timespec tick = {0, 1000000};
        nanosleep(&tick, NULL);
    }
    printf("SIGEV_THREAD ran: %d value %d\n", thread_calls, thread_value);
    timer_delete(t);

    printf("bad clock: %d %s\n", timer_create(12345, NULL, &t), strerror(errno));
    sev.sigev_notify = SIGEV_SIGNAL;
    sev.sigev_signo = 99;
    printf("bad signal: %d %s\n", timer_create(CLOCK_MONOTONIC, &sev, &t), strerror(errno));
}

static void timerfds(void)
{
    int fd = timerfd_create(CLOCK_MONOTONIC, 0);
    struct itimerspec its = {{0, 10000000}, {0, 10000000}};
    timerfd_settime(fd, 0, &its, NULL);
    unsigned long long total = 0, v;
    int reads = 0;
    while (total < 5) {
        if (read(fd, &v, 8) == 8) total += v;
        reads++;
    }
    printf("timerfd: at least 5 expirations in %s reads\n", reads <= 5 ? "at most 5" : "more than 5");
    struct itimerspec cur;
    timerfd_gettime(fd, &cur);
    printf("timerfd interval: %ld %ld, armed %d\n", (long)cur.it_interval.tv_sec, cur.it_interval.tv_nsec,
           cur.it_value.tv_sec > 0 || cur.it_value.tv_nsec > 0);
    close(fd);

    fd = timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK);
    printf("not yet armed: %zd %s\n", read(fd, &v, 8), strerror(errno));
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    struct itimerspec past = {{0, 0}, {now.tv_sec - 1, 0}};
    timerfd_settime(fd, TFD_TIMER_ABSTIME, &past, NULL);
    printf("absolute time in the past: %zd, count %llu\n", read(fd, &v, 8), v);
    printf("bad clock: %d %s\n", timerfd_create(CLOCK_PROCESS_CPUTIME_ID, 0), strerror(errno));
    printf("bad flags: %d %s\n", timerfd_settime(fd, 0x100, &past, NULL), strerror(errno));
    close(fd);
}

static const struct { clockid_t id; const char *name; } CLOCKS[] = {
    {CLOCK_REALTIME, "REALTIME"}, {CLOCK_MONOTONIC, "MONOTONIC"},
    {CLOCK_PROCESS_CPUTIME_ID, "PROCESS_CPUTIME_ID"}, {CLOCK_THREAD_CPUTIME_ID, "THREAD_CPUTIME_ID"},
    {CLOCK_MONOTONIC_RAW, "MONOTONIC_RAW"}, {CLOCK_REALTIME_COARSE, "REALTIME_COARSE"},
    {CLOCK_MONOTONIC_COARSE, "MONOTONIC_COARSE"}, {CLOCK_BOOTTIME, "BOOTTIME"}, {CLOCK_TAI, "TAI"},
};

/* Runs until the process has used `ms` of CPU time (wall time would depend on the load). */
static void busy(long ms)
{
    long long end = now_ns(CLOCK_PROCESS_CPUTIME_ID) + ms * 1000000LL;
    volatile unsigned x = 0;
    while (now_ns(CLOCK_PROCESS_CPUTIME_ID) < end)
        for (int i = 0; i < 10000; i++) x += i;
}

static volatile sig_atomic_t profs;

static void on_prof(int sig)
{
    (void)sig;
    profs++;
}

/* Timers on CPU time: they fire once the process has run that long, not after a wall time. */
static void cpu_timers(void)
{
    handle(SIGPROF, on_prof, 0);
    struct timespec nap = {0, 100000000};
    long long start = now_ns(CLOCK_PROCESS_CPUTIME_ID);
    arm_ms(ITIMER_PROF, 20, 0);
    nanosleep(&nap, NULL);
    printf("ITIMER_PROF: fired while sleeping 100ms %d\n", profs);
    while (profs == 0 && now_ns(CLOCK_PROCESS_CPUTIME_ID) - start < 2000000000LL) busy(1);
    printf("ITIMER_PROF: fired while running %d\n", profs);

    struct sigevent sev;
    memset(&sev, 0, sizeof sev);
    sev.sigev_notify = SIGEV_SIGNAL;
    sev.sigev_signo = SIGPROF;
    timer_t t;
    printf("timer on the process CPU clock: %d\n", timer_create(CLOCK_PROCESS_CPUTIME_ID, &sev, &t));
    struct itimerspec its = {{0, 0}, {0, 20000000}};
    int before = profs;
    start = now_ns(CLOCK_PROCESS_CPUTIME_ID);
    timer_settime(t, 0, &its, NULL);
    nanosleep(&nap, NULL);
    printf("fired while sleeping 100ms %d\n", profs - before);
    while (profs == before && now_ns(CLOCK_PROCESS_CPUTIME_ID) - start < 2000000000LL) busy(1);
    printf("fired while running %d\n", profs - before);
    timer_delete(t);
}

static void clocks(void)
{
    for (unsigned i = 0; i < sizeof CLOCKS / sizeof CLOCKS[0]; i++) {
        struct timespec a, b, res;
        int g = clock_gettime(CLOCKS[i].id, &a);
        clock_gettime(CLOCKS[i].id, &b);
        int r = clock_getres(CLOCKS[i].id, &res);
        struct timespec tiny = {0, 1000};
        /* (a sleep on the process's own CPU clock would never end: nothing else runs) */
        int s = CLOCKS[i].id == CLOCK_PROCESS_CPUTIME_ID ? 0 : clock_nanosleep(CLOCKS[i].id, 0, &tiny, NULL);
        printf("%-18s gettime %d, forward %d, getres %d (nonzero %d), nanosleep %s\n", CLOCKS[i].name, g,
               ns_of(b) >= ns_of(a), r, ns_of(res) > 0, s ? strerror(s) : "ok");
    }
    struct timespec ts;
    printf("unknown clock: %d %s\n", clock_gettime(77, &ts), strerror(errno));

    struct timespec abs;
    clock_gettime(CLOCK_MONOTONIC, &abs);
    long long start = ns_of(abs);
    abs.tv_nsec += 20000000;
    if (abs.tv_nsec >= 1000000000) {
        abs.tv_sec++;
        abs.tv_nsec -= 1000000000;
    }
    int r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &abs, NULL);
    printf("absolute sleep: %d, slept 20ms: %d\n", r, now_ns(CLOCK_MONOTONIC) - start >= 20000000);
    struct timespec bad = {0, 1000000000};
    printf("bad timespec: %s\n", strerror(clock_nanosleep(CLOCK_MONOTONIC, 0, &bad, NULL)));

    long long cpu0 = now_ns(CLOCK_PROCESS_CPUTIME_ID), th0 = now_ns(CLOCK_THREAD_CPUTIME_ID);
    busy(30);
    long long cpu1 = now_ns(CLOCK_PROCESS_CPUTIME_ID), th1 = now_ns(CLOCK_THREAD_CPUTIME_ID);
    printf("busy 30ms: process CPU grew %d, thread CPU grew %d\n", cpu1 - cpu0 >= 30000000, th1 - th0 >= 30000000);
    clockid_t mine, thread;
    printf("clock_getcpuclockid(0): %d\n", clock_getcpuclockid(0, &mine));
    printf("pthread_getcpuclockid: %d\n", pthread_getcpuclockid(pthread_self(), &thread));
    printf("own process clock >= 30ms: %d, own thread clock >= 30ms: %d\n", now_ns(mine) >= 30000000,
           now_ns(thread) >= 30000000);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("getrusage SELF >= 30ms: %d\n", ru.ru_utime.tv_sec * 1000000 + ru.ru_utime.tv_usec + ru.ru_stime.tv_sec * 1000000 + ru.ru_stime.tv_usec >= 30000);
    getrusage(RUSAGE_THREAD, &ru);
    printf("getrusage THREAD >= 30ms: %d\n", ru.ru_utime.tv_sec * 1000000 + ru.ru_utime.tv_usec + ru.ru_stime.tv_sec * 1000000 + ru.ru_stime.tv_usec >= 30000);
    printf("getrusage bad who: %d %s\n", getrusage(5, &ru), strerror(errno));

    getrusage(RUSAGE_CHILDREN, &ru);
    printf("children before: %ld\n", ru.ru_utime.tv_sec * 1000000 + ru.ru_utime.tv_usec + ru.ru_stime.tv_sec * 1000000 + ru.ru_stime.tv_usec);
    pid_t pid = fork();
    if (pid == 0) {
        busy(60);
        _exit(0);
    }
    struct rusage child;
    int status;
    wait4(pid, &status, 0, &child);
    printf("wait4 rusage >= 40ms: %d\n", child.ru_utime.tv_sec * 1000000 + child.ru_utime.tv_usec + child.ru_stime.tv_sec * 1000000 + child.ru_stime.tv_usec >= 40000);
    getrusage(RUSAGE_CHILDREN, &ru);
    printf("children after >= 40ms: %d\n", ru.ru_utime.tv_sec * 1000000 + ru.ru_utime.tv_usec + ru.ru_stime.tv_sec * 1000000 + ru.ru_stime.tv_usec >= 40000);
    struct tms tm;
    clock_t ticks = times(&tm);
    printf("times: ticks %d, self >= 3 %d, children >= 4 %d\n", ticks != (clock_t)-1,
           tm.tms_utime + tm.tms_stime >= 3, tm.tms_cutime + tm.tms_cstime >= 4);
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    if (argc > 1 && strcmp(argv[1], "die") == 0) {
        /* SIGALRM's default action ends the process while its only thread waits. */
        printf("waiting for SIGALRM\n");
        arm_ms(ITIMER_REAL, 20, 0);
        pause();
        printf("not reached\n");
        return 1;
    }
    itimers();
    posix_timers();
    timerfds();
    clocks();
    cpu_timers();
    return 0;
}
