/*
 * pipes: two processes on a pipe. A megabyte through it in uneven chunks (the writer
 * waits while the pipe is full, the reader while it is empty); a reader interrupted by
 * a handler without SA_RESTART gets EINTR, with SA_RESTART its read goes on; dup2 of a
 * pipe end onto stdout in the child, and the reader sees what it printed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile int hits;

static void on_usr1(int sig)
{
    (void)sig;
    hits++;
}

static void nap(void)
{
    struct timespec ts = {0, 5000000};
    nanosleep(&ts, NULL);
}

static void handle(int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, NULL);
}

/* The child signals its parent until the parent says (on `back`) it has seen the
 * read end; then, if asked, writes one byte. */
static void signaller(int data, int back, int write_byte)
{
    fcntl(back, F_SETFL, O_NONBLOCK);
    char c;
    for (int i = 0; i < 400 && read(back, &c, 1) != 1; i++) {
        kill(getppid(), SIGUSR1);
        if (write_byte && i == 20) write(data, "x", 1);
        nap();
    }
    _exit(0);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    int fds[2], back[2];

    /* a megabyte through a 64 KiB pipe */
    pipe(fds);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        static char chunk[7919];
        unsigned long sent = 0;
        for (int i = 0; sent < (1 << 20); i++) {
            size_t n = sizeof chunk;
            if (sent + n > (1 << 20)) n = (1 << 20) - sent;
            for (size_t j = 0; j < n; j++) chunk[j] = (char)((sent + j) * 31 + 7);
            ssize_t w = write(fds[1], chunk, n);
            if (w <= 0) _exit(1);
            sent += w;
        }
        _exit(0);
    }
    close(fds[1]);
    unsigned long got = 0, bad = 0;
    char buf[4096];
    ssize_t n;
    while ((n = read(fds[0], buf, sizeof buf)) > 0) {
        for (ssize_t j = 0; j < n; j++) bad += buf[j] != (char)((got + j) * 31 + 7);
        got += n;
    }
    close(fds[0]);
    int status;
    waitpid(pid, &status, 0);
    printf("bulk: %lu bytes, %lu wrong, writer exited %d\n", got, bad, WEXITSTATUS(status));

    /* a read interrupted by a handler: EINTR without SA_RESTART */
    handle(0);
    pipe(fds);
    pipe(back);
    if ((pid = fork()) == 0) signaller(fds[1], back[0], 0);
    errno = 0;
    n = read(fds[0], buf, 1);
    printf("read without SA_RESTART: %zd %s, handler ran: %d\n", n, errno == EINTR ? "EINTR" : "?", hits > 0);
    write(back[1], "k", 1);
    waitpid(pid, &status, 0);
    close(fds[0]);
    close(fds[1]);
    close(back[0]);
    close(back[1]);

    /* with SA_RESTART the read goes on until the byte comes */
    hits = 0;
    handle(SA_RESTART);
    pipe(fds);
    pipe(back);
    if ((pid = fork()) == 0) signaller(fds[1], back[0], 1);
    n = read(fds[0], buf, 1);
    printf("read with SA_RESTART: %zd '%c'\n", n, n == 1 ? buf[0] : '?');
    write(back[1], "k", 1);
    waitpid(pid, &status, 0);
    close(fds[0]);
    close(fds[1]);

    /* the child's stdout is the pipe */
    pipe(fds);
    if ((pid = fork()) == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        close(fds[1]);
        printf("printed by the child into the pipe\n");
        _exit(0);
    }
    close(fds[1]);
    size_t len = 0;
    while ((n = read(fds[0], buf + len, sizeof buf - 1 - len)) > 0) len += n;
    buf[len] = '\0';
    waitpid(pid, &status, 0);
    printf("parent read: %s", buf);
    return 0;
}
