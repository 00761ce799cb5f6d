/*
 * mmapshared: file-backed and anonymous shared mappings, inside the (empty)
 * directory given as argv[1] (never printed).
 *   - MAP_SHARED writes reach the file: after msync, read() sees them; after
 *     munmap, a fresh read sees them; a second shared mapping sees them.
 *   - MAP_PRIVATE writes never reach the file.
 *   - write() to the file shows through an existing shared mapping.
 *   - MAP_SHARED|MAP_ANONYMOUS memory stays shared with a fork child, and so do
 *     the futexes of process-shared semaphores in it.
 *   - mremap grows a file mapping (more of the file) and an anonymous one.
 *   - memfd_create: write, ftruncate, mmap MAP_SHARED, read back; file seals.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096

static char path[4096];

static void check(int ok, const char *what)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAILED");
}

static void fill_file(const char *p, int pages, char c)
{
    int fd = open(p, O_RDWR | O_CREAT | O_TRUNC, 0600);
    char buf[PAGE];
    memset(buf, c, sizeof buf);
    for (int i = 0; i < pages; i++)
        if (write(fd, buf, sizeof buf) != sizeof buf)
            perror("write");
    close(fd);
}

static int read_at(const char *p, off_t at, char *dst, size_t n)
{
    int fd = open(p, O_RDONLY);
    int r = (int)pread(fd, dst, n, at);
    close(fd);
    return r;
}

static void shared_file(void)
{
    fill_file(path, 2, 'a');
    int fd = open(path, O_RDWR);
    char *m = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    check(m != MAP_FAILED, "mmap shared file");
    check(m[0] == 'a' && m[PAGE + 5] == 'a', "mapping shows the file");
    memcpy(m + 10, "hello", 5);
    memcpy(m + PAGE + 100, "world", 5);
    check(msync(m, 2 * PAGE, MS_SYNC) == 0, "msync MS_SYNC");
    char buf[8] = {0};
    check(pread(fd, buf, 5, 10) == 5 && memcmp(buf, "hello", 5) == 0, "read() sees the write after msync");
    check(read_at(path, PAGE + 100, buf, 5) == 5 && memcmp(buf, "world", 5) == 0, "another open sees it");

    /* a second shared mapping of the same file */
    char *m2 = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, PAGE);
    check(m2 != MAP_FAILED && memcmp(m2 + 100, "world", 5) == 0, "second mapping sees it");

    /* write() through the fd shows through the mapping */
    check(pwrite(fd, "XYZ", 3, 20) == 3, "pwrite");
    check(memcmp(m + 20, "XYZ", 3) == 0, "mapping sees pwrite");

    memcpy(m + 200, "unmap", 5);
    check(munmap(m, 2 * PAGE) == 0, "munmap");
    check(read_at(path, 200, buf, 5) == 5 && memcmp(buf, "unmap", 5) == 0, "munmap wrote back");
    munmap(m2, PAGE);

    /* MS_ASYNC, and msync errors */
    m = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    memcpy(m + 300, "async", 5);
    check(msync(m, PAGE, MS_ASYNC) == 0, "msync MS_ASYNC");
    check(msync(m + 1, PAGE, MS_SYNC) == -1 && errno == EINVAL, "msync unaligned: EINVAL");
    check(msync(m, PAGE, MS_SYNC | MS_ASYNC) == -1 && errno == EINVAL, "msync both: EINVAL");
    munmap(m, PAGE);
    check(read_at(path, 300, buf, 5) == 5 && memcmp(buf, "async", 5) == 0, "MS_ASYNC data reached the file");
    close(fd);
}

static void private_file(void)
{
    fill_file(path, 1, 'p');
    int fd = open(path, O_RDWR);
    char *m = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    check(m != MAP_FAILED && m[0] == 'p', "mmap private file");
    memcpy(m, "private", 7);
    msync(m, PAGE, MS_SYNC);
    munmap(m, PAGE);
    char buf[8] = {0};
    check(pread(fd, buf, 7, 0) == 7 && memcmp(buf, "ppppppp", 7) == 0, "private write not in the file");
    close(fd);

    /* a read-only fd: shared writable mapping refused, private allowed */
    fd = open(path, O_RDONLY);
    errno = 0;
    check(mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) == MAP_FAILED && errno == EACCES,
          "shared writable of O_RDONLY: EACCES");
    m = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0);
    check(m != MAP_FAILED, "shared read-only of O_RDONLY");
    check(mprotect(m, PAGE, PROT_READ | PROT_WRITE) == -1 && errno == EACCES, "mprotect it writable: EACCES");
    munmap(m, PAGE);
    close(fd);
}

static void shared_anon_fork(void)
{
    int *shared = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    int *private = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    shared[0] = 1;
    private[0] = 1;
    pid_t pid = fork();
    if (pid == 0) {
        shared[1] = shared[0] + 41;
        private[1] = 99;
        shared[2] = 7;
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    check(shared[1] == 42 && shared[2] == 7, "child's write to shared anon seen by parent");
    check(private[1] == 0, "child's write to private anon not seen");

    /* the other way: parent writes while the child waits on a pipe */
    int p[2];
    pipe(p);
    pid = fork();
    if (pid == 0) {
        char c;
        read(p[0], &c, 1);
        _exit(shared[3] == 1234 ? 0 : 1);
    }
    shared[3] = 1234;
    write(p[1], "x", 1);
    waitpid(pid, &status, 0);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "parent's write seen by child");

    /* a child blocked in read() into shared memory, while the parent writes there too */
    int q[2], ready[2];
    char c;
    pipe(q);
    pipe(ready);
    pid = fork();
    if (pid == 0) {
        write(ready[1], "r", 1);
        _exit(read(q[0], (char *)&shared[8], 4) == 4 ? 0 : 1);
    }
    read(ready[0], &c, 1);
    shared[4] = 5678;
    write(q[1], "pipe", 4);
    waitpid(pid, &status, 0);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0 && memcmp(&shared[8], "pipe", 4) == 0 && shared[4] == 5678,
          "child's read() into shared memory seen by parent");

    /* a process-shared semaphore: the parent's sem_post wakes the child's sem_wait */
    sem_t *sem = (sem_t *)&shared[16];
    sem_init(sem, 1, 0);
    sem_init(sem + 1, 1, 0);
    pid = fork();
    if (pid == 0) {
        sem_wait(sem);
        shared[12] = 99;
        sem_post(sem + 1);
        _exit(0);
    }
    sem_post(sem);
    sem_wait(sem + 1);
    waitpid(pid, &status, 0);
    check(shared[12] == 99 && WIFEXITED(status), "process-shared semaphores across fork");

    /* a shared file mapping across fork */
    fill_file(path, 1, 'f');
    int fd = open(path, O_RDWR);
    char *m = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    pid = fork();
    if (pid == 0) {
        memcpy(m + 8, "child", 5);
        _exit(0);
    }
    waitpid(pid, &status, 0);
    check(memcmp(m + 8, "child", 5) == 0, "child's write to shared file mapping seen by parent");
    char buf[8] = {0};
    check(pread(fd, buf, 5, 8) == 5 && memcmp(buf, "child", 5) == 0, "and it reached the file");
    munmap(m, PAGE);
    close(fd);
    munmap(shared, PAGE);
    munmap(private, PAGE);
}

static void remap(void)
{
    fill_file(path, 3, 'r');
    int fd = open(path, O_RDWR);
    pwrite(fd, "third", 5, 2 * PAGE);
    char *m = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    char *g = mremap(m, PAGE, 3 * PAGE, MREMAP_MAYMOVE);
    check(g != MAP_FAILED, "mremap grow file mapping");
    check(memcmp(g + 2 * PAGE, "third", 5) == 0, "grown part shows the file");
    memcpy(g + 2 * PAGE, "THIRD", 5);
    munmap(g, 3 * PAGE);
    char buf[8] = {0};
    check(read_at(path, 2 * PAGE, buf, 5) == 5 && memcmp(buf, "THIRD", 5) == 0, "write to grown part reached the file");
    close(fd);

    char *a = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    strcpy(a, "keep me");
    char *b = mremap(a, PAGE, 64 * PAGE, MREMAP_MAYMOVE);
    check(b != MAP_FAILED && strcmp(b, "keep me") == 0 && b[63 * PAGE] == 0, "mremap grow anonymous");
    b[63 * PAGE] = 1;
    char *c = mremap(b, 64 * PAGE, PAGE, 0);
    check(c == b && strcmp(c, "keep me") == 0, "mremap shrink in place");
    munmap(c, PAGE);
}

static void memfd(void)
{
    int fd = memfd_create("tsq", MFD_CLOEXEC);
    check(fd >= 0, "memfd_create");
    check(fcntl(fd, F_GETFD) == FD_CLOEXEC, "MFD_CLOEXEC");
    check(ftruncate(fd, 2 * PAGE) == 0, "ftruncate memfd");
    struct stat st;
    check(fstat(fd, &st) == 0 && st.st_size == 2 * PAGE && S_ISREG(st.st_mode), "fstat memfd");
    check(write(fd, "memfd!", 6) == 6, "write memfd");
    char *m = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    check(m != MAP_FAILED && memcmp(m, "memfd!", 6) == 0, "mmap memfd shows the write");
    memcpy(m + PAGE, "mapped", 6);
    char buf[8] = {0};
    check(pread(fd, buf, 6, PAGE) == 6 && memcmp(buf, "mapped", 6) == 0, "read memfd sees the mapping's write");
    munmap(m, 2 * PAGE);
    check(fcntl(fd, F_GET_SEALS) == F_SEAL_SEAL, "no MFD_ALLOW_SEALING: sealed against seals");
    close(fd);

    fd = memfd_create("sealed", MFD_ALLOW_SEALING);
    check(ftruncate(fd, PAGE) == 0 && fcntl(fd, F_GET_SEALS) == 0, "MFD_ALLOW_SEALING: no seals yet");
    check(fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW) == 0, "F_ADD_SEALS shrink|grow");
    check(ftruncate(fd, PAGE / 2) == -1 && errno == EPERM, "sealed shrink: EPERM");
    check(ftruncate(fd, 2 * PAGE) == -1 && errno == EPERM, "sealed grow: EPERM");
    check(pwrite(fd, "x", 1, PAGE) == -1 && errno == EPERM, "write past the end: EPERM");
    check(pwrite(fd, "x", 1, 0) == 1, "write inside the size");
    m = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    check(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE) == -1 && errno == EBUSY, "seal writes while mapped writable: EBUSY");
    munmap(m, PAGE);
    check(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_SEAL) == 0, "F_ADD_SEALS write|seal");
    check(write(fd, "y", 1) == -1 && errno == EPERM, "sealed write: EPERM");
    check(mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) == MAP_FAILED && errno == EPERM,
          "sealed writable shared mmap: EPERM");
    check(mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0) != MAP_FAILED, "sealed read-only shared mmap");
    check(fcntl(fd, F_ADD_SEALS, F_SEAL_GROW) == -1 && errno == EPERM, "F_SEAL_SEAL: no more seals");
    check(fcntl(fd, F_GET_SEALS) == (F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL), "F_GET_SEALS");
    close(fd);
}

static void misc(void)
{
    char *m = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    unsigned char vec[4];
    check(mincore(m, 4 * PAGE, vec) == 0, "mincore");
    check(mlock(m, PAGE) == 0 && munlock(m, PAGE) == 0, "mlock/munlock");
    m[0] = 5;
    check(madvise(m, PAGE, MADV_DONTNEED) == 0 && m[0] == 0, "MADV_DONTNEED zeroes private anon");
    munmap(m, 4 * PAGE);
    check(mincore(m, PAGE, vec) == -1 && errno == ENOMEM, "mincore unmapped: ENOMEM");

    fill_file(path, 1, 'd');
    int fd = open(path, O_RDWR);
    char *f = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    f[0] = 'X';
    check(madvise(f, PAGE, MADV_DONTNEED) == 0 && f[0] == 'd', "MADV_DONTNEED rereads private file pages");
    munmap(f, PAGE);
    close(fd);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: mmapshared DIR\n");
        return 2;
    }
    snprintf(path, sizeof path, "%s/data", argv[1]);
    setvbuf(stdout, NULL, _IONBF, 0);
    shared_file();
    private_file();
    shared_anon_fork();
    remap();
    memfd();
    misc();
    unlink(path);
    return 0;
}
