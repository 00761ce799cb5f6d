/*
 * ttyctl: process control.  prctl (thread names, parent-death signal, child
 * subreaper, dumpable, no_new_privs, timer slack), process groups and
 * sessions, job control (SIGSTOP/SIGTSTP/SIGCONT with WUNTRACED, WCONTINUED,
 * waitid WSTOPPED/WNOWAIT, SIGCHLD codes, signals held while stopped), and the
 * terminal ioctls on things that are not terminals (ENOTTY), FIONREAD, FIONBIO
 * and FIOCLEX, and host programs that run while the guest talks to them through
 * pipes.  No pid is printed: pids are compared.
 *
 * "ttyctl tty" instead checks the terminal on stdin (tests/syscalls/tty.test.ts
 * runs it in a pty): TCSETS/TCGETS round trips, window sizes, the foreground
 * group, /dev/tty.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

static void report(const char *what, long ret)
{
    if (ret < 0)
        printf("%-44s -> -1 %s\n", what, strerrorname_np(errno));
    else
        printf("%-44s -> %ld\n", what, ret);
}

static void name(const char *who)
{
    char buf[17] = "";
    prctl(PR_GET_NAME, buf);
    printf("%s name: \"%s\"\n", who, buf);
}

static void *thread_main(void *arg)
{
    (void)arg;
    prctl(PR_SET_NAME, "worker");
    name("thread");
    return NULL;
}

static int report_pipe[2];

static void on_usr1(int sig)
{
    (void)sig;
    if (write(report_pipe[1], "U", 1) < 0)
        _exit(3);
}

static void prctls(void)
{
    report("PR_SET_NAME", prctl(PR_SET_NAME, "ttyctl-main-with-a-long-name"));
    name("main");
    pthread_t t;
    pthread_create(&t, NULL, thread_main, NULL);
    pthread_join(t, NULL);
    name("main after thread");
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        name("forked child");
        fflush(stdout);
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    int v = -1;
    report("PR_GET_PDEATHSIG", prctl(PR_GET_PDEATHSIG, &v));
    printf("pdeathsig %d\n", v);
    report("PR_SET_PDEATHSIG 65", prctl(PR_SET_PDEATHSIG, 65));
    report("PR_GET_DUMPABLE", prctl(PR_GET_DUMPABLE));
    report("PR_SET_DUMPABLE 0", prctl(PR_SET_DUMPABLE, 0));
    report("PR_GET_DUMPABLE", prctl(PR_GET_DUMPABLE));
    report("PR_SET_DUMPABLE 5", prctl(PR_SET_DUMPABLE, 5));
    prctl(PR_SET_DUMPABLE, 1);
    report("PR_GET_NO_NEW_PRIVS", prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
    report("PR_SET_NO_NEW_PRIVS 1", prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0));
    report("PR_GET_NO_NEW_PRIVS", prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
    report("PR_CAPBSET_READ CAP_CHOWN", prctl(PR_CAPBSET_READ, 0));
    report("PR_CAPBSET_READ 63", prctl(PR_CAPBSET_READ, 63));
    report("PR_SET_TIMERSLACK 12345", prctl(PR_SET_TIMERSLACK, 12345));
    report("PR_GET_TIMERSLACK", prctl(PR_GET_TIMERSLACK));
}

/* A grandchild learns of its parent's death by signal (qemu has no child subreapers). */
static void orphans(void)
{
    int ready[2], go[2];
    pipe(ready);
    pipe(go);
    pipe(report_pipe);
    fflush(stdout);
    pid_t mid = fork();
    if (mid == 0) {
        if (fork() == 0) {
            char c;
            signal(SIGUSR1, on_usr1);
            prctl(PR_SET_PDEATHSIG, SIGUSR1);
            write(ready[1], "r", 1);
            read(go[0], &c, 1); /* on_usr1 answers on report_pipe meanwhile */
            _exit(0);
        }
        char c;
        read(ready[0], &c, 1);
        _exit(0); /* the grandchild is orphaned */
    }
    waitpid(mid, NULL, 0);
    char c = 0;
    read(report_pipe[0], &c, 1);
    printf("grandchild got its parent-death signal: %d\n", c == 'U');
    write(go[1], "g", 1);
    close(ready[0]);
    close(ready[1]);
    close(go[0]);
    close(go[1]);
}

static int hup_pipe[2];

static void on_hup(int sig)
{
    (void)sig;
    if (write(hup_pipe[1], "H", 1) < 0)
        _exit(3);
}

/* A stopped process whose group is orphaned by its parent's exit: SIGHUP, then SIGCONT. */
static void orphaned_group(void)
{
    int ready[2];
    pipe(ready);
    pipe(hup_pipe);
    fflush(stdout);
    pid_t mid = fork();
    if (mid == 0) {
        pid_t g = fork();
        if (g == 0) {
            setpgid(0, 0);
            signal(SIGHUP, on_hup);
            write(ready[1], "r", 1);
            raise(SIGSTOP);
            write(hup_pipe[1], "C", 1); /* continued */
            _exit(0);
        }
        char c;
        read(ready[0], &c, 1);
        waitpid(g, NULL, WUNTRACED);
        _exit(0); /* the stopped group is orphaned now */
    }
    waitpid(mid, NULL, 0);
    char got[3] = "";
    for (int n = 0; n < 2;) {
        ssize_t r = read(hup_pipe[0], got + n, 2 - n);
        if (r <= 0)
            break;
        n += r;
    }
    printf("orphaned stopped group: %s\n", got);
    close(ready[0]);
    close(ready[1]);
}

static void groups(void)
{
    report("getpgid(0) == getpgrp()", getpgid(0) == getpgrp());
    report("getsid(0) == getsid(getpid())", getsid(0) == getsid(getpid()));
    report("setpgid(1, 0) (not a child)", setpgid(1, 0));
    report("setpgid(0, -1)", setpgid(0, -1));
    int sync[2];
    pipe(sync);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        char c;
        read(sync[0], &c, 1);
        printf("child: own group %d\n", getpgrp() == getpid());
        report("child: setsid as a group leader", setsid());
        fflush(stdout);
        _exit(0);
    }
    report("parent: setpgid(child, 0)", setpgid(pid, 0));
    printf("parent: child's group is its pid %d\n", getpgid(pid) == pid);
    write(sync[1], "x", 1);
    waitpid(pid, NULL, 0);
    pid = fork();
    if (pid == 0) {
        printf("child: setsid gives my pid %d\n", setsid() == getpid());
        printf("child: session and group are mine %d %d\n", getsid(0) == getpid(), getpgrp() == getpid());
        report("child: setsid again", setsid());
        report("child: setpgid into the old group", setpgid(0, getpgid(getppid())));
        fflush(stdout);
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    report("parent: setpgid(child in another session)", setpgid(pid, 0));
    close(sync[0]);
    close(sync[1]);
}

static volatile int chld_codes[16];
static volatile int nchld;

static void on_chld(int sig, siginfo_t *si, void *ctx)
{
    (void)sig;
    (void)ctx;
    if (nchld < 16)
        chld_codes[nchld++] = si->si_code;
}

static const char *describe(int status)
{
    static char buf[64];
    if (WIFSTOPPED(status))
        snprintf(buf, sizeof buf, "stopped by %s", sigabbrev_np(WSTOPSIG(status)));
    else if (WIFCONTINUED(status))
        snprintf(buf, sizeof buf, "continued");
    else if (WIFSIGNALED(status))
        snprintf(buf, sizeof buf, "killed by %s", sigabbrev_np(WTERMSIG(status)));
    else
        snprintf(buf, sizeof buf, "exited %d", WEXITSTATUS(status));
    return buf;
}

static void waited(const char *what, pid_t pid, int options)
{
    int status = 0;
    pid_t r = waitpid(pid, &status, options);
    if (r < 0)
        report(what, -1);
    else if (r == 0)
        printf("%-44s -> nothing to report\n", what);
    else
        printf("%-44s -> %s\n", what, describe(status));
}

static void job_control(void)
{
    struct sigaction sa = { .sa_sigaction = on_chld, .sa_flags = SA_SIGINFO | SA_RESTART };
    sigaction(SIGCHLD, &sa, NULL);
    close(report_pipe[0]);
    close(report_pipe[1]);
    pipe(report_pipe); /* one of its own: the orphan may still hold the old one */
    fcntl(report_pipe[0], F_SETFL, O_NONBLOCK);
    fflush(stdout);
    int ready[2];
    pipe(ready);
    pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0);
        signal(SIGUSR1, on_usr1);
        write(ready[1], "r", 1);
        for (;;)
            pause();
    }
    setpgid(pid, 0);
    char c;
    read(ready[0], &c, 1);
    report("SIGSTOP", kill(pid, SIGSTOP));
    waited("waitpid WUNTRACED", pid, WUNTRACED);
    waited("waitpid WUNTRACED again (reported once)", pid, WUNTRACED | WNOHANG);
    report("SIGUSR1 to the stopped child", kill(pid, SIGUSR1));
    usleep(50000);
    report("its handler has not run", read(report_pipe[0], &c, 1));
    report("SIGCONT", kill(pid, SIGCONT));
    waited("waitpid WCONTINUED", pid, WCONTINUED);
    while (read(report_pipe[0], &c, 1) != 1)
        usleep(1000);
    printf("handler ran after SIGCONT: %c\n", c);
    report("SIGTSTP to its group", kill(-pid, SIGTSTP));
    siginfo_t si;
    memset(&si, 0, sizeof si);
    report("waitid WSTOPPED|WNOWAIT", waitid(P_PID, pid, &si, WSTOPPED | WNOWAIT));
    printf("si_code %d (CLD_STOPPED %d) si_status %s pid ok %d\n", si.si_code, CLD_STOPPED,
           sigabbrev_np(si.si_status), si.si_pid == pid);
    waited("waitpid WUNTRACED (WNOWAIT kept it)", pid, WUNTRACED | WNOHANG);
    report("SIGTTOU while stopped", kill(pid, SIGTTOU));
    report("SIGCONT", kill(pid, SIGCONT));
    memset(&si, 0, sizeof si);
    report("waitid WCONTINUED", waitid(P_PID, pid, &si, WCONTINUED));
    printf("si_code %d (CLD_CONTINUED %d) si_status %s\n", si.si_code, CLD_CONTINUED, sigabbrev_np(si.si_status));
    report("SIGTTIN", kill(pid, SIGTTIN));
    waited("waitpid WUNTRACED", pid, WUNTRACED);
    report("SIGKILL while stopped", kill(pid, SIGKILL));
    waited("waitpid", pid, 0);
    printf("SIGCHLD codes:");
    for (int i = 0; i < nchld; i++)
        printf(" %d", chld_codes[i]);
    printf("\n");
    fflush(stdout);

    /* an ignored SIGTSTP does not stop; SIGSTOP cannot be ignored */
    pid = fork();
    if (pid == 0) {
        signal(SIGTSTP, SIG_IGN);
        raise(SIGTSTP);
        printf("child: ignored SIGTSTP did not stop me\n");
        fflush(stdout);
        raise(SIGSTOP);
        printf("child: running again\n");
        fflush(stdout);
        _exit(7);
    }
    waited("waitpid WUNTRACED", pid, WUNTRACED);
    kill(pid, SIGCONT);
    waited("waitpid", pid, 0);
    signal(SIGCHLD, SIG_DFL);
}

static void not_terminals(void)
{
    struct termios tio;
    struct winsize ws;
    pid_t pg;
    int nul = open("/dev/null", O_RDWR);
    report("isatty(/dev/null)", isatty(nul));
    report("TCGETS /dev/null", ioctl(nul, TCGETS, &tio));
    report("TCSETS /dev/null", ioctl(nul, TCSETS, &tio));
    report("TIOCGWINSZ /dev/null", ioctl(nul, TIOCGWINSZ, &ws));
    report("TIOCGPGRP /dev/null", ioctl(nul, TIOCGPGRP, &pg));
    report("TIOCSCTTY /dev/null", ioctl(nul, TIOCSCTTY, 0));
    report("TIOCGSID /dev/null", ioctl(nul, TIOCGSID, &pg));
    report("tcgetpgrp(/dev/null)", tcgetpgrp(nul));
    int p[2];
    pipe(p);
    report("TIOCGWINSZ pipe", ioctl(p[0], TIOCGWINSZ, &ws));
    write(p[1], "hello", 5);
    int n = -1;
    report("FIONREAD pipe", ioctl(p[0], FIONREAD, &n));
    printf("FIONREAD says %d\n", n);
    int on = 1;
    report("FIONBIO pipe on", ioctl(p[0], FIONBIO, &on));
    report("O_NONBLOCK set", (fcntl(p[0], F_GETFL) & O_NONBLOCK) != 0);
    char buf[8];
    read(p[0], buf, 5);
    report("read empty non-blocking pipe", read(p[0], buf, 1));
    report("FIOCLEX", ioctl(p[0], FIOCLEX));
    report("F_GETFD", fcntl(p[0], F_GETFD));
    report("FIONCLEX", ioctl(p[0], FIONCLEX));
    report("F_GETFD", fcntl(p[0], F_GETFD));
    char path[] = "/tmp/ttyctl-XXXXXX";
    int f = mkstemp(path);
    unlink(path);
    write(f, "0123456789", 10);
    lseek(f, 3, SEEK_SET);
    report("FIONREAD regular file", ioctl(f, FIONREAD, &n));
    printf("FIONREAD says %d\n", n);
    report("TCGETS regular file", ioctl(f, TCGETS, &tio));
    close(f);
}

/* A host program talks to the guest through pipes while it runs, and is signalled. */
static void host_programs(void)
{
    int to[2], from[2];
    pipe(to);
    pipe(from);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(to[0], 0);
        dup2(from[1], 1);
        close(to[0]);
        close(to[1]);
        close(from[0]);
        close(from[1]);
        execl("/bin/sh", "sh", "-c", "echo first; read x; echo \"got $x\"; exit 4", (char *)NULL);
        _exit(127);
    }
    close(to[0]);
    close(from[1]);
    char buf[64];
    ssize_t n = read(from[0], buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = 0;
    printf("host program said (before any input): %s", buf);
    write(to[1], "ping\n", 5);
    close(to[1]);
    while ((n = read(from[0], buf, sizeof buf - 1)) > 0) {
        buf[n] = 0;
        printf("host program said: %s", buf);
    }
    close(from[0]);
    waited("host program", pid, 0);
    pid = fork();
    if (pid == 0) {
        execl("/bin/sleep", "sleep", "30", (char *)NULL);
        _exit(127);
    }
    usleep(200000);
    report("SIGTERM to a running host program", kill(pid, SIGTERM));
    waited("host program", pid, 0);
}

static int same_termios(const struct termios *a, const struct termios *b)
{
    return a->c_iflag == b->c_iflag && a->c_oflag == b->c_oflag && a->c_cflag == b->c_cflag &&
           a->c_lflag == b->c_lflag && memcmp(a->c_cc, b->c_cc, 19) == 0;
}

/* A child in a group of its own is a background job on the terminal. */
static pid_t background(int what, const struct termios *t)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        char c;
        setpgid(0, 0);
        if (what == 0 && read(0, &c, 1) < 0)
            _exit(2);
        if (what == 1 && write(1, "", 0) < 0) /* an empty write: TOSTOP stops it too */
            _exit(2);
        if (what == 2 && tcsetattr(0, TCSANOW, t) < 0)
            _exit(2);
        _exit(0);
    }
    setpgid(pid, pid);
    return pid;
}

static void background_jobs(const struct termios *cooked)
{
    pid_t pid = background(0, cooked);
    waited("background read", pid, WUNTRACED);
    kill(pid, SIGKILL);
    waited("then", pid, 0);
    pid = background(2, cooked);
    waited("background tcsetattr", pid, WUNTRACED);
    signal(SIGTTOU, SIG_IGN); /* as a shell does to hand the terminal over */
    report("tcsetpgrp(the job)", tcsetpgrp(0, pid));
    report("SIGCONT", kill(pid, SIGCONT));
    waited("foreground job", pid, 0);
    report("tcsetpgrp(back to me)", tcsetpgrp(0, getpgrp()));
    signal(SIGTTOU, SIG_DFL);
    struct termios tostop = *cooked;
    tostop.c_lflag |= TOSTOP;
    tcsetattr(0, TCSANOW, &tostop);
    pid = background(1, cooked);
    waited("background write with TOSTOP", pid, WUNTRACED);
    kill(pid, SIGKILL);
    waited("then", pid, 0);
    tcsetattr(0, TCSANOW, cooked);
}

static int terminal(void)
{
    struct termios cooked, raw, back;
    struct winsize ws;
    pid_t pg = 0, sid = 0;
    printf("isatty %d\n", isatty(0));
    report("TCGETS", tcgetattr(0, &cooked));
    printf("cooked: icanon %d echo %d\n", (cooked.c_lflag & ICANON) != 0, (cooked.c_lflag & ECHO) != 0);
    raw = cooked;
    cfmakeraw(&raw);
    raw.c_cc[VMIN] = 3;
    raw.c_cc[VTIME] = 7;
    report("TCSETS raw", tcsetattr(0, TCSANOW, &raw));
    report("TCGETS", tcgetattr(0, &back));
    printf("raw round trip %d icanon %d echo %d vmin %d vtime %d\n", same_termios(&raw, &back),
           (back.c_lflag & ICANON) != 0, (back.c_lflag & ECHO) != 0, back.c_cc[VMIN], back.c_cc[VTIME]);
    report("TCSETSF cooked", tcsetattr(0, TCSAFLUSH, &cooked));
    report("TCGETS", tcgetattr(0, &back));
    printf("cooked round trip %d\n", same_termios(&cooked, &back));
    report("TIOCGWINSZ", ioctl(0, TIOCGWINSZ, &ws));
    ws.ws_row = 33;
    ws.ws_col = 101;
    report("TIOCSWINSZ 33x101", ioctl(0, TIOCSWINSZ, &ws));
    memset(&ws, 0, sizeof ws);
    report("TIOCGWINSZ", ioctl(0, TIOCGWINSZ, &ws));
    printf("winsize %d %d\n", ws.ws_row, ws.ws_col);
    report("TIOCGPGRP", ioctl(0, TIOCGPGRP, &pg));
    printf("foreground is my group %d\n", pg == getpgrp());
    report("TIOCGSID", ioctl(0, TIOCGSID, &sid));
    printf("session is mine %d\n", sid == getsid(0));
    report("TIOCSPGRP my group", ioctl(0, TIOCSPGRP, &pg));
    pid_t none = 0x7ffffff0;
    report("TIOCSPGRP no such group", ioctl(0, TIOCSPGRP, &none));
    int fd = open("/dev/tty", O_RDWR);
    report("open /dev/tty", fd < 0 ? -1 : 0);
    report("isatty(/dev/tty)", isatty(fd));
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        setsid();
        report("new session: open /dev/tty", open("/dev/tty", O_RDWR));
        report("new session: TIOCGPGRP on the old terminal", ioctl(0, TIOCGPGRP, &pg));
        fflush(stdout);
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    background_jobs(&cooked);
    return 0;
}

static void on_terminal_stop(int sig)
{
    (void)sig;
    printf("SIGTSTP handler ran\n");
    fflush(stdout);
    signal(SIGTSTP, SIG_DFL);
    raise(SIGTSTP);
}

/* "ttyctl ctrlz": a program that handles ^Z, for a test that sends the emulator SIGTSTP. */
static int ctrlz(void)
{
    struct termios t;
    tcgetattr(0, &t);
    signal(SIGTSTP, on_terminal_stop);
    printf("ready\n");
    fflush(stdout);
    sleep(2);
    printf("resumed\n");
    return 0;
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc > 1 && strcmp(argv[1], "tty") == 0)
        return terminal();
    if (argc > 1 && strcmp(argv[1], "ctrlz") == 0)
        return ctrlz();
    prctls();
    orphans();
    groups();
    job_control();
    orphaned_group();
    not_terminals();
    host_programs();
    return 0;
}
