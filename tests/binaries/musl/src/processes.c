/* Processes as musl makes them: posix_spawn (clone with CLONE_VM|CLONE_VFORK
 * on a child stack, the child reporting exec failure through a pipe), fork,
 * execve of this same program, and the wait family. With the arguments
 * "child <n>" the program is the exec'd child and exits with status n
 * ("quiet <n>": without a word). */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void report(const char *what, int status)
{
    if (WIFEXITED(status))
        printf("%s: exited %d\n", what, WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        printf("%s: killed by signal %d\n", what, WTERMSIG(status));
    else
        printf("%s: status %#x\n", what, status);
}

static int child_main(int argc, char **argv)
{
    int code = atoi(argv[2]);
    if (code == 6) {
        /* spawned with attributes: report the signal state and process group it got */
        sigset_t mask;
        struct sigaction usr1;
        sigprocmask(SIG_BLOCK, NULL, &mask);
        sigaction(SIGUSR1, NULL, &usr1);
        printf("child 6: SIGUSR2 blocked %s, SIGUSR1 default %s, own process group %s, session leader %s\n",
               sigismember(&mask, SIGUSR2) ? "yes" : "no", usr1.sa_handler == SIG_DFL ? "yes" : "no",
               getpgrp() == getpid() ? "yes" : "no", getsid(0) == getpid() ? "yes" : "no");
        return code;
    }
    printf("child %d: argc %d, TSQEMU_MUSL=%s\n", code, argc, getenv("TSQEMU_MUSL") ? getenv("TSQEMU_MUSL") : "(unset)");
    if (argc > 3) {
        /* stdout was redirected by a file action: read back stdin */
        char line[64] = "";
        if (fgets(line, sizeof line, stdin)) printf("child %d read: %s", code, line);
    }
    return code;
}

static void spawn_test(const char *self)
{
    pid_t pid;
    int status;
    char *args[] = { (char *)self, "child", "3", NULL };
    char *env[] = { "TSQEMU_MUSL=spawned", NULL };
    int err = posix_spawn(&pid, self, NULL, NULL, args, env);
    printf("posix_spawn: %s\n", err ? strerror(err) : "ok");
    waitpid(pid, &status, 0);
    report("spawned child", status);

    /* file actions: stdin from a pipe, stdout into a pipe the parent reads */
    int in[2], out[2];
    pipe(in);
    pipe(out);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_addclose(&actions, in[1]);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    char *args2[] = { (char *)self, "child", "4", "read", NULL };
    err = posix_spawn(&pid, self, &actions, NULL, args2, environ);
    close(in[0]);
    close(out[1]);
    write(in[1], "through the pipe\n", 17);
    close(in[1]);
    char buf[256];
    ssize_t n, total = 0;
    while ((n = read(out[0], buf + total, sizeof buf - 1 - total)) > 0) total += n;
    buf[total] = 0;
    close(out[0]);
    waitpid(pid, &status, 0);
    printf("posix_spawn with file actions: %s, child wrote:\n%s", err ? strerror(err) : "ok", buf);
    report("piped child", status);
    posix_spawn_file_actions_destroy(&actions);

    /* a missing program: the error comes back from the child through its pipe */
    char *args3[] = { "/nonexistent/program", NULL };
    err = posix_spawn(&pid, "/nonexistent/program", NULL, NULL, args3, environ);
    printf("posix_spawn of a missing program: %s\n", strerror(err));
    err = posix_spawnp(&pid, "no-such-program-anywhere", NULL, NULL, args3, environ);
    printf("posix_spawnp of a missing program: %s\n", strerror(err));
}

static void ignore(int sig)
{
    (void)sig;
}

static void spawn_attributes_test(const char *self)
{
    signal(SIGUSR1, SIG_IGN);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t mask, defaults;
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR2);
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGUSR1);
    posix_spawnattr_setsigmask(&attr, &mask);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSID);
    char *args[] = { (char *)self, "child", "6", NULL };
    pid_t pid;
    int status, err = posix_spawn(&pid, self, NULL, &attr, args, environ);
    printf("posix_spawn with attributes: %s\n", err ? strerror(err) : "ok");
    waitpid(pid, &status, 0);
    report("attributed child", status);
    posix_spawnattr_destroy(&attr);
    signal(SIGUSR1, ignore);
}

static void stop_and_abort_test(void)
{
    int status;
    pid_t pid = fork();
    if (pid == 0) {
        for (;;) pause();
    }
    kill(pid, SIGSTOP);
    waitpid(pid, &status, WUNTRACED);
    printf("stopped child: stopped by signal %d\n", WIFSTOPPED(status) ? WSTOPSIG(status) : -1);
    kill(pid, SIGCONT);
    waitpid(pid, &status, WCONTINUED);
    printf("continued child: WIFCONTINUED %s\n", WIFCONTINUED(status) ? "yes" : "no");
    kill(pid, SIGKILL);
    siginfo_t info;
    waitid(P_PID, pid, &info, WEXITED);
    printf("waitid: si_code %s, si_status %d\n", info.si_code == CLD_KILLED ? "CLD_KILLED" : "other", info.si_status);

    pid = fork();
    if (pid == 0) {
        struct rlimit none = { 0, 0 };
        setrlimit(RLIMIT_CORE, &none);
        abort();
    }
    waitpid(pid, &status, 0);
    report("aborting child", status);
}

static void fork_test(const char *self)
{
    int status;
    pid_t pid = fork();
    if (pid == 0) _exit(7);
    waitpid(pid, &status, 0);
    report("forked child", status);

    pid = fork();
    if (pid == 0) {
        char *args[] = { (char *)self, "child", "5", NULL };
        setenv("TSQEMU_MUSL", "exec'd", 1);
        execv(self, args);
        _exit(127);
    }
    waitpid(pid, &status, 0);
    report("exec'd child", status);

    pid = fork();
    if (pid == 0) {
        pause();
        _exit(0);
    }
    kill(pid, SIGTERM);
    waitpid(pid, &status, 0);
    report("signaled child", status);

    /* several children, reaped in any order */
    int sum = 0;
    for (int i = 1; i <= 4; i++)
        if (fork() == 0) _exit(i * 10);
    for (int i = 0; i < 4; i++) {
        wait(&status);
        sum += WEXITSTATUS(status);
    }
    printf("wait: four children, statuses sum %d\n", sum);
    errno = 0;
    printf("wait with no children: %d (%s)\n", wait(&status), strerror(errno));

    pid = vfork();
    if (pid == 0) _exit(9);
    waitpid(pid, &status, 0);
    report("vforked child", status);
}

static const char *self_path;

/* Each thread spawns children in turn while the others do the same. */
static void *spawn_eight(void *arg)
{
    long base = (long)arg, ok = 0;
    for (long i = 0; i < 8; i++) {
        char code[8];
        snprintf(code, sizeof code, "%ld", base + i);
        char *args[] = { (char *)self_path, "quiet", code, NULL };
        pid_t pid;
        int status;
        if (posix_spawn(&pid, self_path, NULL, NULL, args, environ) == 0 && waitpid(pid, &status, 0) == pid &&
            WIFEXITED(status) && WEXITSTATUS(status) == base + i)
            ok++;
    }
    return (void *)ok;
}

static void spawn_from_threads_test(const char *self)
{
    self_path = self;
    pthread_t t[4];
    long ok = 0;
    for (long i = 0; i < 4; i++) pthread_create(&t[i], NULL, spawn_eight, (void *)(i * 10));
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(t[i], &r);
        ok += (long)r;
    }
    printf("posix_spawn from 4 threads at once: %ld of 32 children exited as told\n", ok);
}

int main(int argc, char **argv)
{
    if (argc > 2 && strcmp(argv[1], "child") == 0) return child_main(argc, argv);
    if (argc > 2 && strcmp(argv[1], "quiet") == 0) return atoi(argv[2]);
    setvbuf(stdout, NULL, _IONBF, 0);
    spawn_test(argv[0]);
    fork_test(argv[0]);
    spawn_attributes_test(argv[0]);
    stop_and_abort_test();
    spawn_from_threads_test(argv[0]);
    return 0;
}
