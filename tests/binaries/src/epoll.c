/*
 * epoll: an epoll loop over pipes, an eventfd and a timerfd. Level-triggered items
 * report while data is there, edge-triggered ones once per arrival, one-shot ones once
 * until re-armed; EPOLL_CTL errors; a closed file leaves the set; a child process
 * writes while the parent waits; an epoll fd is itself pollable; eventfd counting
 * (semaphore mode, non-blocking EAGAIN) and timerfd expirations; a signalfd in the
 * loop (kill and sigqueue read as struct signalfd_siginfo).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int cmp_events(const void *a, const void *b)
{
    const struct epoll_event *x = a, *y = b;
    return x->data.u64 < y->data.u64 ? -1 : x->data.u64 > y->data.u64;
}

/* Waits and prints the events, by tag (their order among simultaneous ones is unspecified). */
static int show(const char *what, int ep, int timeout)
{
    struct epoll_event ev[8];
    int n = epoll_wait(ep, ev, 8, timeout);
    printf("%s: %d", what, n);
    if (n < 0) printf(" (%s)", strerror(errno));
    if (n > 0) qsort(ev, n, sizeof ev[0], cmp_events);
    for (int i = 0; i < n; i++) printf(" [tag %llu %#x]", (unsigned long long)ev[i].data.u64, ev[i].events);
    printf("\n");
    return n;
}

static int add(int ep, int op, int fd, uint32_t events, uint64_t tag)
{
    struct epoll_event ev = {.events = events, .data.u64 = tag};
    int r = epoll_ctl(ep, op, fd, &ev);
    return r < 0 ? -errno : r;
}

static void nap(int ms)
{
    struct timespec ts = {0, ms * 1000000L};
    nanosleep(&ts, NULL);
}

static void level_and_edge(int ep)
{
    int lt[2], et[2];
    pipe(lt);
    pipe(et);
    printf("add lt: %d\n", add(ep, EPOLL_CTL_ADD, lt[0], EPOLLIN, 1));
    printf("add et: %d\n", add(ep, EPOLL_CTL_ADD, et[0], EPOLLIN | EPOLLET, 2));
    show("nothing yet", ep, 0);
    write(lt[1], "ab", 2);
    write(et[1], "ab", 2);
    show("both written", ep, 0);
    show("again, unread", ep, 0);
    write(et[1], "c", 1);
    show("edge gets more", ep, 0);
    char buf[8];
    read(lt[0], buf, sizeof buf);
    read(et[0], buf, sizeof buf);
    show("both drained", ep, 0);
    close(et[1]);
    show("edge writer closed", ep, 0);
    show("edge hangup once", ep, 0);
    close(lt[1]);
    show("level writer closed", ep, 0);
    show("level hangup again", ep, 0);
    close(lt[0]);
    close(et[0]);
    show("both closed (gone from the set)", ep, 0);
}

static void oneshot(int ep)
{
    int p[2];
    pipe(p);
    printf("add oneshot: %d\n", add(ep, EPOLL_CTL_ADD, p[0], EPOLLIN | EPOLLONESHOT, 3));
    write(p[1], "x", 1);
    show("oneshot fires", ep, 0);
    show("oneshot silent", ep, 0);
    printf("rearm: %d\n", add(ep, EPOLL_CTL_MOD, p[0], EPOLLIN | EPOLLONESHOT, 33));
    show("rearmed", ep, 0);
    printf("del: %d\n", add(ep, EPOLL_CTL_DEL, p[0], 0, 0));
    show("deleted", ep, 0);
    printf("del again: %d\n", add(ep, EPOLL_CTL_DEL, p[0], 0, 0));
    printf("mod absent: %d\n", add(ep, EPOLL_CTL_MOD, p[0], EPOLLIN, 0));
    printf("add twice: %d %d\n", add(ep, EPOLL_CTL_ADD, p[0], EPOLLIN, 4), add(ep, EPOLL_CTL_ADD, p[0], EPOLLIN, 4));
    printf("add write end for output: %d\n", add(ep, EPOLL_CTL_ADD, p[1], EPOLLOUT, 5));
    show("readable and writable", ep, 0);
    add(ep, EPOLL_CTL_DEL, p[0], 0, 0);
    add(ep, EPOLL_CTL_DEL, p[1], 0, 0);
    close(p[0]);
    close(p[1]);
}

static void errors(int ep)
{
    int p[2];
    pipe(p);
    printf("ctl on itself: %d\n", add(ep, EPOLL_CTL_ADD, ep, EPOLLIN, 0));
    printf("bad op: %d\n", add(ep, 99, p[0], EPOLLIN, 0));
    printf("bad fd: %d\n", add(ep, EPOLL_CTL_ADD, 999, EPOLLIN, 0));
    printf("not an epoll: %d\n", add(p[0], EPOLL_CTL_ADD, p[1], EPOLLIN, 0));
    printf("exclusive with oneshot: %d\n", add(ep, EPOLL_CTL_ADD, p[0], EPOLLIN | EPOLLEXCLUSIVE | EPOLLONESHOT, 0));
    printf("exclusive: %d\n", add(ep, EPOLL_CTL_ADD, p[0], EPOLLIN | EPOLLEXCLUSIVE, 12));
    printf("mod exclusive: %d\n", add(ep, EPOLL_CTL_MOD, p[0], EPOLLIN, 12));
    add(ep, EPOLL_CTL_DEL, p[0], 0, 0);
    close(p[0]);
    close(p[1]);
    char path[] = "/tmp/epoll-XXXXXX";
    int file = mkstemp(path);
    printf("regular file: %d\n", add(ep, EPOLL_CTL_ADD, file, EPOLLIN, 0));
    close(file);
    unlink(path);
    struct epoll_event ev[1];
    printf("maxevents 0: %d\n", epoll_wait(ep, ev, 0, 0) < 0 ? -errno : 0);
    printf("create1 bad flag: %d\n", epoll_create1(1) < 0 ? -errno : 0);
}

static void counters(int ep)
{
    int efd = eventfd(0, EFD_NONBLOCK);
    uint64_t v = 0;
    printf("eventfd empty read: %zd (%s)\n", read(efd, &v, 8), strerror(errno));
    printf("add eventfd: %d\n", add(ep, EPOLL_CTL_ADD, efd, EPOLLIN | EPOLLET, 6));
    v = 5;
    write(efd, &v, 8);
    v = 2;
    write(efd, &v, 8);
    show("eventfd written", ep, 0);
    read(efd, &v, 8);
    printf("eventfd read: %llu\n", (unsigned long long)v);
    printf("short read: %zd (%s)\n", read(efd, &v, 4), strerror(errno));
    add(ep, EPOLL_CTL_DEL, efd, 0, 0);
    close(efd);

    int sem = eventfd(3, EFD_SEMAPHORE | EFD_NONBLOCK);
    for (int i = 0; i < 4; i++) {
        ssize_t n = read(sem, &v, 8);
        printf("semaphore read %d: %zd value %llu\n", i, n, n > 0 ? (unsigned long long)v : 0ULL);
    }
    close(sem);

    int tfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
    struct itimerspec its = {.it_value = {0, 10000000}, .it_interval = {0, 10000000}};
    printf("timerfd settime: %d\n", timerfd_settime(tfd, 0, &its, NULL));
    printf("add timerfd: %d\n", add(ep, EPOLL_CTL_ADD, tfd, EPOLLIN, 7));
    show("timer expired", ep, -1);
    nap(35);
    read(tfd, &v, 8);
    printf("expirations after 35ms at least 3: %d\n", v >= 3);
    struct itimerspec off = {0};
    timerfd_settime(tfd, 0, &off, NULL);
    timerfd_gettime(tfd, &its);
    printf("disarmed: %ld %ld\n", (long)its.it_value.tv_sec, its.it_value.tv_nsec);
    show("disarmed timer, 20ms", ep, 20);
    add(ep, EPOLL_CTL_DEL, tfd, 0, 0);
    close(tfd);
}

static void child_writes(int ep)
{
    int p[2];
    pipe(p);
    add(ep, EPOLL_CTL_ADD, p[0], EPOLLIN, 8);
    pid_t pid = fork();
    if (pid == 0) {
        nap(20);
        write(p[1], "hello", 5);
        nap(20); /* the parent sees the data before the hangup */
        _exit(0);
    }
    close(p[1]);
    show("waiting for the child", ep, -1);
    char buf[8];
    ssize_t n = read(p[0], buf, sizeof buf);
    printf("child sent %.*s\n", (int)n, buf);
    int status;
    waitpid(pid, &status, 0);
    show("child gone", ep, -1);
    add(ep, EPOLL_CTL_DEL, p[0], 0, 0);
    close(p[0]);
}

static void nested(int ep)
{
    int inner = epoll_create1(EPOLL_CLOEXEC);
    int p[2];
    pipe(p);
    add(inner, EPOLL_CTL_ADD, p[0], EPOLLIN, 9);
    printf("add inner: %d\n", add(ep, EPOLL_CTL_ADD, inner, EPOLLIN, 10));
    printf("loop: %d\n", add(inner, EPOLL_CTL_ADD, ep, EPOLLIN, 11));
    struct pollfd pf = {.fd = inner, .events = POLLIN};
    printf("poll inner, empty: %d\n", poll(&pf, 1, 0));
    write(p[1], "z", 1);
    printf("poll inner, data: %d revents %#x\n", poll(&pf, 1, 0), pf.revents);
    show("outer sees inner", ep, 0);
    show("inner", inner, 0);
    close(inner);
    close(p[0]);
    close(p[1]);
    show("inner closed", ep, 0);
}

static void signals(int ep)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGRTMIN);
    sigprocmask(SIG_BLOCK, &set, NULL);
    int sfd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    struct signalfd_siginfo si[4];
    printf("signalfd empty: %zd (%s)\n", read(sfd, si, sizeof si), strerror(errno));
    printf("add signalfd: %d\n", add(ep, EPOLL_CTL_ADD, sfd, EPOLLIN, 13));
    kill(getpid(), SIGUSR1);
    union sigval v = {.sival_int = 77};
    sigqueue(getpid(), SIGRTMIN, v);
    sigqueue(getpid(), SIGRTMIN, v);
    show("signals pending", ep, 0);
    ssize_t n = read(sfd, si, sizeof si);
    printf("read %zd records\n", n / (ssize_t)sizeof si[0]);
    for (int i = 0; i < n / (ssize_t)sizeof si[0]; i++)
        printf("  signo %s code %d, from me %d, int %d\n", si[i].ssi_signo == SIGUSR1 ? "SIGUSR1" : "SIGRTMIN",
               si[i].ssi_code, si[i].ssi_pid == (uint32_t)getpid(), si[i].ssi_int);
    show("signals taken", ep, 0);
    printf("short read: %zd (%s)\n", read(sfd, si, 100), strerror(errno));
    add(ep, EPOLL_CTL_DEL, sfd, 0, 0);
    close(sfd);
}

/* Ready items come in the order they became ready, not the order they were added. */
static void order(int ep)
{
    int a[2], b[2];
    pipe(a);
    pipe(b);
    add(ep, EPOLL_CTL_ADD, a[0], EPOLLIN, 21);
    add(ep, EPOLL_CTL_ADD, b[0], EPOLLIN, 22);
    write(b[1], "b", 1);
    write(a[1], "a", 1);
    for (int round = 0; round < 2; round++) {
        struct epoll_event ev[4];
        int n = epoll_wait(ep, ev, 4, 0);
        printf("order:");
        for (int i = 0; i < n; i++) printf(" %llu", (unsigned long long)ev[i].data.u64);
        printf("\n");
    }
    struct epoll_event one;
    epoll_wait(ep, &one, 1, 0);
    printf("one at a time: %llu\n", (unsigned long long)one.data.u64);
    epoll_wait(ep, &one, 1, 0);
    printf("then: %llu\n", (unsigned long long)one.data.u64);
    close(a[0]);
    close(a[1]);
    close(b[0]);
    close(b[1]);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    int ep = epoll_create1(EPOLL_CLOEXEC);
    printf("epoll_create1: %s\n", ep >= 0 ? "ok" : strerror(errno));
    level_and_edge(ep);
    oneshot(ep);
    errors(ep);
    counters(ep);
    child_writes(ep);
    nested(ep);
    signals(ep);
    order(ep);
    return 0;
}
