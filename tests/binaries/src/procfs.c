/*
 * procfs: what /proc/self shows the program about itself, checked against what
 * it knows (its pid, argv, environment, auxv, the files it mapped and opened).
 * argv[1] is an empty directory (never printed).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <elf.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096

static void check(int ok, const char *what)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAILED");
}

/* The whole of a /proc file (they report size 0: read until EOF). */
static char *slurp(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    for (;;) {
        if (n == cap)
            buf = realloc(buf, (cap *= 2) + 1);
        ssize_t r = read(fd, buf + n, cap - n);
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    buf[n] = 0;
    if (len)
        *len = n;
    return buf;
}

/* The line of /proc/self/maps starting at address `start`, or NULL. */
static char *maps_line(char *maps, unsigned long start)
{
    for (char *line = strtok(maps, "\n"); line; line = strtok(NULL, "\n"))
        if (strtoul(line, NULL, 16) == start)
            return line;
    return NULL;
}

static void maps(const char *path)
{
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    char page[PAGE];
    memset(page, 'm', sizeof page);
    write(fd, page, PAGE);
    write(fd, page, PAGE);
    char *ro = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, PAGE);
    char *rw = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    char *anon = mmap(NULL, PAGE, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    struct stat st;
    fstat(fd, &st);
    close(fd);

    char *text = slurp("/proc/self/maps", NULL);
    char *copy = strdup(text);
    char *line = maps_line(copy, (unsigned long)ro);
    char want[256];
    snprintf(want, sizeof want, " r--p 00001000 %02x:%02x %lu ", major(st.st_dev), minor(st.st_dev),
             (unsigned long)st.st_ino);
    check(line && strstr(line, want) && strstr(line, path), "maps: private file mapping, perms, offset, dev, inode, path");
    strcpy(copy, text);
    line = maps_line(copy, (unsigned long)rw);
    check(line && strstr(line, " rw-s 00000000 ") && strstr(line, path), "maps: shared file mapping");
    strcpy(copy, text);
    line = maps_line(copy, (unsigned long)anon);
    check(line && strstr(line, " r-xp 00000000 00:00 0"), "maps: anonymous mapping");
    check(strstr(text, "[stack]") != NULL, "maps: [stack]");
    unsigned long sp = (unsigned long)&line, lo = 0, hi = 0;
    strcpy(copy, text);
    for (char *l = strtok(copy, "\n"); l; l = strtok(NULL, "\n"))
        if (strstr(l, "[stack]"))
            sscanf(l, "%lx-%lx", &lo, &hi);
    check(lo <= sp && sp < hi, "maps: the stack pointer is in [stack]");
    free(copy);
    free(text);
    munmap(ro, PAGE);
    munmap(rw, 2 * PAGE);
    munmap(anon, PAGE);
    text = slurp("/proc/self/maps", NULL);
    check(strstr(text, path) == NULL, "maps: unmapped file gone");
    free(text);
}

static void cmdline_environ(int argc, char **argv)
{
    size_t len, want = 0;
    char *text = slurp("/proc/self/cmdline", &len);
    for (int i = 0; i < argc; i++)
        want += strlen(argv[i]) + 1;
    int same = text && len == want;
    size_t at = 0;
    for (int i = 0; same && i < argc; i++) {
        same = strcmp(text + at, argv[i]) == 0;
        at += strlen(argv[i]) + 1;
    }
    check(same, "cmdline: argv, NUL-separated");
    free(text);

    text = slurp("/proc/self/environ", &len);
    int found = 0;
    for (size_t i = 0; text && i < len; i += strlen(text + i) + 1)
        found |= strcmp(text + i, "TSQ_PROCFS=yes") == 0;
    check(found, "environ: has TSQ_PROCFS=yes");
    free(text);
}

static void auxv(void)
{
    size_t len;
    Elf64_auxv_t *a = (Elf64_auxv_t *)slurp("/proc/self/auxv", &len);
    unsigned long pagesz = 0, entry = 0;
    int terminated = 0;
    for (size_t i = 0; a && i < len / sizeof *a; i++) {
        if (a[i].a_type == AT_PAGESZ)
            pagesz = a[i].a_un.a_val;
        if (a[i].a_type == AT_ENTRY)
            entry = a[i].a_un.a_val;
        if (a[i].a_type == AT_NULL)
            terminated = 1;
    }
    printf("auxv: AT_PAGESZ %lu\n", pagesz);
    check(entry == getauxval(AT_ENTRY) && entry != 0, "auxv: AT_ENTRY as getauxval");
    check(terminated, "auxv: ends with AT_NULL");
    free(a);
}

/* The value of "Key:" in /proc/self/status, as a number. */
static long status_field(const char *text, const char *key)
{
    const char *at = strstr(text, key);
    return at ? strtol(at + strlen(key), NULL, 10) : -1;
}

static void status_stat(void)
{
    char *text = slurp("/proc/self/status", NULL);
    check(text && strncmp(text, "Name:\t", 6) == 0, "status: starts with Name");
    check(status_field(text, "\nPid:") == getpid(), "status: Pid");
    check(status_field(text, "\nPPid:") == getppid(), "status: PPid");
    check(status_field(text, "\nTgid:") == getpid(), "status: Tgid");
    check(status_field(text, "\nUid:") == (long)getuid(), "status: Uid");
    check(strstr(text, "\nVmRSS:") != NULL, "status: VmRSS");
    free(text);

    text = slurp("/proc/self/stat", NULL);
    int pid = 0, ppid = 0;
    char state = 0;
    char *close_paren = text ? strrchr(text, ')') : NULL;
    if (text)
        pid = atoi(text);
    if (close_paren)
        sscanf(close_paren + 1, " %c %d", &state, &ppid);
    check(pid == getpid() && ppid == getppid() && state != 0, "stat: pid, ppid");
    free(text);
}

static void fds(const char *path)
{
    int fd = open(path, O_RDONLY);
    int p[2];
    pipe(p);
    char link[64], target[4096];
    int found = 0, pipe_found = 0;
    DIR *d = opendir("/proc/self/fd");
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (atoi(e->d_name) == fd && e->d_name[0] != '.')
            found = e->d_type == DT_LNK;
        if (atoi(e->d_name) == p[1] && e->d_name[0] != '.')
            pipe_found = 1;
    }
    if (d)
        closedir(d);
    check(found && pipe_found, "fd/: lists the open fds as links");
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, target, sizeof target - 1);
    target[n > 0 ? n : 0] = 0;
    check(strcmp(target, path) == 0, "fd/N: readlink gives the path");
    struct stat a, b, l;
    check(stat(link, &a) == 0 && stat(path, &b) == 0 && a.st_ino == b.st_ino, "fd/N: stat follows to the file");
    check(lstat(link, &l) == 0 && S_ISLNK(l.st_mode), "fd/N: lstat is a link");
    snprintf(link, sizeof link, "/proc/self/fd/%d", p[0]);
    n = readlink(link, target, sizeof target - 1);
    target[n > 0 ? n : 0] = 0;
    struct stat ps;
    fstat(p[0], &ps);
    char want[64];
    snprintf(want, sizeof want, "pipe:[%lu]", (unsigned long)ps.st_ino);
    check(strcmp(target, want) == 0, "fd/N: a pipe is pipe:[inode]");
    check(stat(link, &a) == 0 && S_ISFIFO(a.st_mode) && a.st_ino == ps.st_ino, "fd/N: stat of a pipe's link is the pipe");
    /* reopening through the link reaches the same file, even once unlinked */
    char tmp[8300];
    snprintf(tmp, sizeof tmp, "%s.gone", path);
    int g = open(tmp, O_RDWR | O_CREAT | O_TRUNC, 0600);
    write(g, "still here", 10);
    unlink(tmp);
    snprintf(link, sizeof link, "/proc/self/fd/%d", g);
    int again = open(link, O_RDONLY);
    char got[16] = {0};
    check(again >= 0 && read(again, got, 10) == 10 && strcmp(got, "still here") == 0, "fd/N: reopens an unlinked file");
    close(again);
    close(g);
    close(fd);
    close(p[0]);
    close(p[1]);
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    check(readlink(link, target, sizeof target) == -1, "fd/N: gone once closed");
}

static void links_and_types(void)
{
    char target[4096];
    ssize_t n = readlink("/proc/self/exe", target, sizeof target - 1);
    target[n > 0 ? n : 0] = 0;
    const char *base = strrchr(target, '/');
    check(base && strcmp(base, "/procfs") == 0, "exe: readlink names the program");
    char cwd[4096];
    n = readlink("/proc/self/cwd", target, sizeof target - 1);
    target[n > 0 ? n : 0] = 0;
    check(getcwd(cwd, sizeof cwd) && strcmp(cwd, target) == 0, "cwd: readlink is getcwd");
    struct stat st;
    check(stat("/proc/self/maps", &st) == 0 && S_ISREG(st.st_mode), "stat maps: regular file");
    check(lstat("/proc/self/exe", &st) == 0 && S_ISLNK(st.st_mode), "lstat exe: link");
    check(stat("/proc/self/fd", &st) == 0 && S_ISDIR(st.st_mode), "stat fd: directory");
    char self[32], pid[32];
    n = readlink("/proc/self", self, sizeof self - 1);
    self[n > 0 ? n : 0] = 0;
    snprintf(pid, sizeof pid, "%d", getpid());
    check(strcmp(self, pid) == 0, "/proc/self: links to the pid");
    char *text = slurp("/proc/cpuinfo", NULL);
    check(text && strstr(text, "processor") != NULL, "cpuinfo: lists processors");
    free(text);
}

static void child(void)
{
    pid_t pid = fork();
    if (pid == 0) {
        char *text = slurp("/proc/self/status", NULL);
        _exit(status_field(text, "\nPid:") == getpid() && status_field(text, "\nPPid:") == getppid() ? 0 : 1);
    }
    int status;
    waitpid(pid, &status, 0);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child: its own /proc/self");
}

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t named = PTHREAD_COND_INITIALIZER;
static int done;
static pid_t worker_tid;

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&lock);
    worker_tid = gettid();
    pthread_cond_broadcast(&named);
    while (!done)
        pthread_cond_wait(&named, &lock);
    pthread_mutex_unlock(&lock);
    return NULL;
}

/* pthread_setname_np/getname_np of another thread go through /proc/self/task/<tid>/comm. */
static void threads(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    check(pthread_setname_np(t, "worker-thread") == 0, "task/<tid>/comm: write another thread's name");
    char name[16] = {0};
    check(pthread_getname_np(t, name, sizeof name) == 0 && strcmp(name, "worker-thread") == 0,
          "task/<tid>/comm: read it back");
    pthread_mutex_lock(&lock);
    while (!worker_tid)
        pthread_cond_wait(&named, &lock);
    pthread_mutex_unlock(&lock);
    int main_listed = 0, worker_listed = 0;
    DIR *d = opendir("/proc/self/task");
    struct dirent *e;
    while (d && (e = readdir(d))) {
        main_listed |= atoi(e->d_name) == getpid();
        worker_listed |= atoi(e->d_name) == worker_tid;
    }
    if (d)
        closedir(d);
    check(main_listed && worker_listed, "task/: lists both threads");
    pthread_mutex_lock(&lock);
    done = 1;
    pthread_cond_signal(&named);
    pthread_mutex_unlock(&lock);
    pthread_join(t, NULL);

    char pid[32];
    snprintf(pid, sizeof pid, "%d", getpid());
    int listed = 0;
    d = opendir("/proc");
    while (d && (e = readdir(d)))
        listed |= strcmp(e->d_name, pid) == 0;
    if (d)
        closedir(d);
    check(listed, "/proc lists the process");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: procfs DIR\n");
        return 2;
    }
    char dir[4096], path[8192];
    if (!realpath(argv[1], dir))
        strcpy(dir, argv[1]);
    snprintf(path, sizeof path, "%s/data", dir); /* /proc shows canonical paths */
    setvbuf(stdout, NULL, _IONBF, 0);
    maps(path);
    cmdline_environ(argc, argv);
    auxv();
    status_stat();
    fds(path);
    links_and_types();
    child();
    threads();
    unlink(path);
    return 0;
}
