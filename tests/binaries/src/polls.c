/*
 * polls: poll, select and ppoll on pipes between processes: nothing ready (timeout 0,
 * a short timeout that clears select's sets), data arriving from a child while the
 * parent waits, the other end closed (POLLHUP for a reader, POLLERR for a writer), a
 * bad fd (POLLNVAL), and ppoll's signal mask letting a blocked signal in (EINTR).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile int hits;

static void on_usr1(int sig)
{
    (void)sig;
    hits++;
}

static void nap(int ms)
{
    struct timespec ts = {0, ms * 1000000L};
    nanosleep(&ts, NULL);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    int fds[2];
    pipe(fds);
    struct pollfd pf = {.fd = fds[0], .events = POLLIN};
    printf("empty, timeout 0: %d revents %#x\n", poll(&pf, 1, 0), pf.revents);
    write(fds[1], "a", 1);
    printf("with data: %d revents %#x\n", poll(&pf, 1, 0), pf.revents);
    char c;
    read(fds[0], &c, 1);

    fd_set rs;
    FD_ZERO(&rs);
    FD_SET(fds[0], &rs);
    struct timeval tv = {0, 20000};
    printf("select, 20ms, nothing: %d set:%d\n", select(fds[0] + 1, &rs, NULL, NULL, &tv), FD_ISSET(fds[0], &rs));

    pid_t pid = fork();
    if (pid == 0) {
        nap(20);
        write(fds[1], "b", 1);
        _exit(0);
    }
    pf.revents = 0;
    printf("waiting for the child: %d revents %#x\n", poll(&pf, 1, -1), pf.revents);
    waitpid(pid, NULL, 0);
    FD_ZERO(&rs);
    FD_SET(fds[0], &rs);
    printf("select with data: %d set:%d\n", select(fds[0] + 1, &rs, NULL, NULL, NULL), FD_ISSET(fds[0], &rs));
    read(fds[0], &c, 1);

    close(fds[1]);
    printf("writer gone: %d revents %#x\n", poll(&pf, 1, -1), pf.revents);
    close(fds[0]);
    pipe(fds);
    close(fds[0]);
    struct pollfd wf = {.fd = fds[1], .events = POLLOUT};
    printf("reader gone: %d revents %#x\n", poll(&wf, 1, 0), wf.revents);
    close(fds[1]);
    struct pollfd bad[2] = {{.fd = 999, .events = POLLIN}, {.fd = -1, .events = POLLIN}};
    printf("bad fd: %d revents %#x %#x\n", poll(bad, 2, 0), bad[0].revents, bad[1].revents);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, NULL);
    sigset_t usr1, none;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    sigemptyset(&none);
    sigprocmask(SIG_BLOCK, &usr1, NULL);
    pipe(fds);
    if ((pid = fork()) == 0) {
        kill(getppid(), SIGUSR1);
        _exit(0);
    }
    pf.fd = fds[0];
    pf.revents = 0;
    errno = 0;
    int r = ppoll(&pf, 1, NULL, &none);
    printf("ppoll with SIGUSR1 let in: %d %s handled:%d\n", r, errno == EINTR ? "EINTR" : "?", hits);
    sigset_t now;
    sigprocmask(SIG_SETMASK, NULL, &now);
    printf("mask back: %d\n", sigismember(&now, SIGUSR1));
    waitpid(pid, NULL, 0);
    return 0;
}
