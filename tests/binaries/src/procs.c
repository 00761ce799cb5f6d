/*
 * procs <tmpdir>: processes. fork copies memory and fds (a shared file offset, a close
 * in one not closing the other's); wait4/waitpid and waitid report exit codes and
 * signals (WIFEXITED/WEXITSTATUS, WIFSIGNALED/WTERMSIG); WNOHANG; ECHILD; SIGCHLD
 * with its siginfo; a pipe in each direction between parent and child, EOF when the
 * last writer closes, EPIPE/SIGPIPE when no reader is left; getppid; process groups;
 * vfork; kill of a child. Host programs run through exec: /bin/echo, /bin/sh scripts
 * (#!), system(), popen() and posix_spawn; execve errors. Each child's output is
 * flushed before the parent, which waits for it, prints again.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static int global = 1;
static volatile pid_t chld_pid;
static volatile int chld_code, chld_status, chld_count;

static void on_chld(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)uc;
    chld_pid = si->si_pid;
    chld_code = si->si_code;
    chld_status = si->si_status;
    chld_count++;
}

static void describe(const char *what, int status)
{
    if (WIFEXITED(status)) printf("%s: exited %d\n", what, WEXITSTATUS(status));
    else if (WIFSIGNALED(status)) printf("%s: killed by signal %d%s\n", what, WTERMSIG(status), WCOREDUMP(status) ? " (core)" : "");
    else printf("%s: status %#x\n", what, status);
}

static int wait_for(pid_t pid)
{
    int status = 0;
    pid_t r;
    do r = waitpid(pid, &status, 0);
    while (r < 0 && errno == EINTR);
    if (r != pid) printf("waitpid returned %d (errno %d)\n", (int)r, errno);
    return status;
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    const char *dir = argc > 1 ? argv[1] : "/tmp";
    pid_t me = getpid();

    /* fork: the child's memory is a copy */
    pid_t pid = fork();
    if (pid == 0) {
        global = 42;
        printf("child: getppid is the parent: %d, global %d\n", getppid() == me, global);
        _exit(7);
    }
    describe("exit code", wait_for(pid));
    printf("parent: global still %d\n", global);

    /* exit() status truncated to 8 bits; returning from main */
    if ((pid = fork()) == 0) exit(256 + 3);
    describe("exit(259)", wait_for(pid));

    /* death by signals */
    if ((pid = fork()) == 0) raise(SIGTERM);
    describe("raise(SIGTERM)", wait_for(pid));
    if ((pid = fork()) == 0) abort();
    describe("abort()", wait_for(pid));
    if ((pid = fork()) == 0) *(volatile int *)0 = 1;
    describe("NULL store", wait_for(pid));

    /* a pipe each way; WNOHANG while the child waits for input; EOF when writers close */
    int down[2], up[2];
    pipe(down);
    pipe(up);
    if ((pid = fork()) == 0) {
        close(down[1]);
        close(up[0]);
        char buf[64];
        int lines = 0, bytes = 0;
        ssize_t n;
        while ((n = read(down[0], buf, sizeof buf)) > 0) {
            bytes += n;
            for (ssize_t i = 0; i < n; i++) lines += buf[i] == '\n';
        }
        dprintf(up[1], "child read %d lines, %d bytes, then EOF (%zd)\n", lines, bytes, n);
        _exit(0);
    }
    close(down[0]);
    close(up[1]);
    int status = -1;
    printf("WNOHANG while the child reads: %d\n", (int)waitpid(pid, &status, WNOHANG));
    for (int i = 0; i < 100; i++) dprintf(down[1], "line %d of the parent's message\n", i);
    close(down[1]);
    char reply[128];
    ssize_t n = read(up[0], reply, sizeof reply - 1);
    reply[n > 0 ? n : 0] = '\0';
    printf("%s", reply);
    printf("then EOF: %zd\n", read(up[0], reply, sizeof reply));
    close(up[0]);
    describe("pipe child", wait_for(pid));

    /* no reader left: EPIPE, and SIGPIPE (ignored here) */
    pipe(up);
    close(up[0]);
    signal(SIGPIPE, SIG_IGN);
    errno = 0;
    printf("write without reader: %zd EPIPE:%d\n", write(up[1], "x", 1), errno == EPIPE);
    signal(SIGPIPE, SIG_DFL);
    if ((pid = fork()) == 0) {
        write(up[1], "x", 1);
        _exit(0);
    }
    close(up[1]);
    describe("SIGPIPE child", wait_for(pid));

    /* SIGCHLD with siginfo; waitid */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_chld;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGCHLD, &sa, NULL);
    if ((pid = fork()) == 0) _exit(9);
    siginfo_t si;
    memset(&si, 0, sizeof si);
    int r;
    do r = waitid(P_PID, pid, &si, WEXITED);
    while (r < 0 && errno == EINTR);
    printf("waitid: %d pid-ok:%d CLD_EXITED:%d status %d\n", r, si.si_pid == pid, si.si_code == CLD_EXITED, si.si_status);
    printf("SIGCHLD: %d pid-ok:%d CLD_EXITED:%d status %d\n", chld_count, chld_pid == pid, chld_code == CLD_EXITED,
           chld_status);
    if ((pid = fork()) == 0) {
        pause();
        _exit(0);
    }
    kill(pid, SIGKILL);
    memset(&si, 0, sizeof si);
    do r = waitid(P_ALL, 0, &si, WEXITED);
    while (r < 0 && errno == EINTR);
    printf("waitid after SIGKILL: CLD_KILLED:%d signal %d\n", si.si_code == CLD_KILLED, si.si_status);
    sa.sa_handler = SIG_DFL;
    sa.sa_flags = 0;
    sigaction(SIGCHLD, &sa, NULL);
    errno = 0;
    printf("no children: %d ECHILD:%d\n", (int)waitpid(-1, &status, 0), errno == ECHILD);

    /* fds: the offset is shared, a close is per process */
    char path[512];
    snprintf(path, sizeof path, "%s/shared.txt", dir);
    int fd = open(path, O_CREAT | O_TRUNC | O_RDWR, 0644);
    write(fd, "parent1\n", 8);
    if ((pid = fork()) == 0) {
        write(fd, "child\n", 6);
        close(fd);
        _exit(0);
    }
    wait_for(pid);
    write(fd, "parent2\n", 8);
    lseek(fd, 0, SEEK_SET);
    char content[64] = {0};
    read(fd, content, sizeof content - 1);
    close(fd);
    printf("shared offset: %s", content);

    /* process groups */
    if ((pid = fork()) == 0) {
        setpgid(0, 0);
        printf("child: own group %d, session kept %d\n", getpgid(0) == getpid(), getsid(0) == getsid(getppid()));
        _exit(0);
    }
    wait_for(pid);

    /* vfork: the parent waits for _exit */
    if ((pid = vfork()) == 0) _exit(5);
    describe("vfork", wait_for(pid));

    /* host programs */
    if ((pid = fork()) == 0) {
        execl("/bin/echo", "echo", "hello from /bin/echo", (char *)NULL);
        _exit(127);
    }
    describe("exec /bin/echo", wait_for(pid));
    char script[512];
    snprintf(script, sizeof script, "%s/script.sh", dir);
    FILE *f = fopen(script, "w");
    fprintf(f, "#!/bin/sh\necho \"script: $0 $1\" | sed 's|.*/||'\nexit 6\n");
    fclose(f);
    chmod(script, 0755);
    if ((pid = fork()) == 0) {
        execl(script, "script.sh", "arg1", (char *)NULL);
        _exit(127);
    }
    describe("#! script", wait_for(pid));
    describe("system()", system("echo from system; exit 3"));
    f = popen("echo one; echo two", "r");
    char line[64];
    while (fgets(line, sizeof line, f)) printf("popen: %s", line);
    describe("pclose", pclose(f));
    char *args[] = {"echo", "posix_spawn", NULL};
    r = posix_spawn(&pid, "/bin/echo", NULL, NULL, args, environ);
    status = wait_for(pid);
    printf("posix_spawn: %d\n", r);
    describe("spawned", status);

    /* execve errors leave the caller as it was */
    char *none[] = {"x", NULL};
    errno = 0;
    printf("exec missing: %d ENOENT:%d\n", execve("/nonexistent/prog", none, environ), errno == ENOENT);
    errno = 0;
    printf("exec directory: %d EACCES:%d\n", execve(dir, none, environ), errno == EACCES);
    snprintf(path, sizeof path, "%s/data.bin", dir);
    f = fopen(path, "w");
    fprintf(f, "\x01\x02 not a program\n");
    fclose(f);
    chmod(path, 0755);
    errno = 0;
    printf("exec junk: %d ENOEXEC:%d\n", execve(path, none, environ), errno == ENOEXEC);
    chmod(path, 0644);
    errno = 0;
    printf("exec non-executable: %d EACCES:%d\n", execve(path, none, environ), errno == EACCES);
    return 0;
}
