/*
 * execs <mode> ...: execve of guest programs (tests/e2e/exec.test.ts; qemu-user
 * cannot record these without binfmt_misc, so the expectations are Linux's, written
 * out in the test).
 *   self N PID       re-exec /proc/self/exe N times; the pid stays PID
 *   run PATH ARGS..  fork, exec PATH with ARGS, report the child's status
 *   spawn PATH ARGS. posix_spawn (clone with CLONE_VM|CLONE_VFORK) of PATH
 *   script DIR INTERP  write DIR/s.sh with "#!INTERP -i" and run it with one argument
 *   keep             O_CLOEXEC closes, the rest stays; ignored signals stay ignored,
 *                    handled ones go back to SIG_DFL, the mask is kept
 *   kept FD1 FD2     (what "keep" execs) report those
 *   threads PATH     exec from a process with a second thread running
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void describe(const char *what, int status)
{
    if (WIFEXITED(status)) printf("%s: exited %d\n", what, WEXITSTATUS(status));
    else if (WIFSIGNALED(status)) printf("%s: killed by signal %d\n", what, WTERMSIG(status));
}

static void on_usr2(int sig) { (void)sig; }

static void *spin(void *arg)
{
    (void)arg;
    for (;;) sched_yield();
    return NULL;
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    const char *mode = argc > 1 ? argv[1] : "";
    if (!strcmp(mode, "self") && argc == 4) {
        int n = atoi(argv[2]);
        printf("level %d, same pid: %d\n", n, getpid() == atoi(argv[3]));
        if (n == 0) return 0;
        char next[16];
        snprintf(next, sizeof next, "%d", n - 1);
        execl("/proc/self/exe", "execs", "self", next, argv[3], (char *)NULL);
        printf("exec failed: %d\n", errno);
        return 1;
    }
    if (!strcmp(mode, "self") && argc == 3) {
        char pid[16];
        snprintf(pid, sizeof pid, "%d", getpid());
        execl("/proc/self/exe", "execs", "self", argv[2], pid, (char *)NULL);
        return 1;
    }
    if (!strcmp(mode, "run") && argc >= 3) {
        pid_t pid = fork();
        if (pid == 0) {
            execv(argv[2], argv + 2);
            printf("exec failed: %d\n", errno);
            _exit(127);
        }
        int status;
        waitpid(pid, &status, 0);
        describe("child", status);
        return 0;
    }
    if (!strcmp(mode, "spawn") && argc >= 3) {
        pid_t pid;
        int r = posix_spawn(&pid, argv[2], NULL, NULL, argv + 2, environ);
        int status;
        waitpid(pid, &status, 0);
        printf("posix_spawn: %d\n", r);
        describe("spawned", status);
        return 0;
    }
    if (!strcmp(mode, "script") && argc == 4) {
        char path[512];
        snprintf(path, sizeof path, "%s/s.sh", argv[2]);
        FILE *f = fopen(path, "w");
        fprintf(f, "#!%s -i\nthis line is never read\n", argv[3]);
        fclose(f);
        chmod(path, 0755);
        execl(path, "s.sh", "arg", (char *)NULL);
        printf("exec failed: %d\n", errno);
        return 1;
    }
    if (!strcmp(mode, "keep")) {
        int a = open("/dev/null", O_RDONLY | O_CLOEXEC);
        int b = open("/dev/null", O_RDONLY);
        signal(SIGUSR1, SIG_IGN);
        signal(SIGUSR2, on_usr2);
        sigset_t s;
        sigemptyset(&s);
        sigaddset(&s, SIGTERM);
        sigprocmask(SIG_BLOCK, &s, NULL);
        char fa[16], fb[16];
        snprintf(fa, sizeof fa, "%d", a);
        snprintf(fb, sizeof fb, "%d", b);
        execl("/proc/self/exe", "execs", "kept", fa, fb, (char *)NULL);
        return 1;
    }
    if (!strcmp(mode, "kept") && argc == 4) {
        int a = atoi(argv[2]), b = atoi(argv[3]);
        printf("cloexec fd closed: %d, other fd open: %d\n", fcntl(a, F_GETFD) < 0 && errno == EBADF, fcntl(b, F_GETFD) == 0);
        struct sigaction sa;
        sigaction(SIGUSR1, NULL, &sa);
        printf("SIGUSR1 still ignored: %d\n", sa.sa_handler == SIG_IGN);
        sigaction(SIGUSR2, NULL, &sa);
        printf("SIGUSR2 back to default: %d\n", sa.sa_handler == SIG_DFL);
        sigset_t s;
        sigprocmask(SIG_SETMASK, NULL, &s);
        printf("SIGTERM still blocked: %d\n", sigismember(&s, SIGTERM));
        return 0;
    }
    if (!strcmp(mode, "threads") && argc >= 3) {
        pthread_t t;
        pthread_create(&t, NULL, spin, NULL);
        execv(argv[2], argv + 2);
        return 1;
    }
    printf("usage: see the comment at the top of execs.c\n");
    return 2;
}
