/*
 * fileops: the *at family against directory fds, times, modes and the umask,
 * rename flags, FIFOs, statx/statfs, fd flags, and advisory locks (flock and
 * fcntl record locks, classic and OFD) between forked processes.  Works in
 * the empty directory given as argv[1], whose path is never printed; pids
 * are compared, never printed.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void report(const char *what, long ret)
{
    if (ret < 0)
        printf("%-40s -> -1 %s\n", what, strerrorname_np(errno));
    else
        printf("%-40s -> %ld\n", what, ret);
}

static void put(int dfd, const char *name, const char *text)
{
    int fd = openat(dfd, name, O_CREAT | O_WRONLY | O_TRUNC, 0644);
    if (write(fd, text, strlen(text)) < 0)
        perror("write");
    close(fd);
}

static void show(int dfd, const char *name)
{
    char buf[64] = "";
    int fd = openat(dfd, name, O_RDONLY);
    ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
    if (n >= 0)
        buf[n] = 0;
    printf("%s: \"%s\"\n", name, n < 0 ? "(unreadable)" : buf);
    if (fd >= 0)
        close(fd);
}

static void at_family(int dfd)
{
    struct stat st;
    char link[64];
    report("mkdirat sub", mkdirat(dfd, "sub", 0755));
    int sub = openat(dfd, "sub", O_RDONLY | O_DIRECTORY);
    put(sub, "a", "alpha");
    report("fstatat sub/a size", fstatat(dfd, "sub/a", &st, 0) ? -1 : st.st_size);
    report("symlinkat lnk -> a", symlinkat("a", sub, "lnk"));
    ssize_t n = readlinkat(sub, "lnk", link, sizeof link);
    printf("readlinkat lnk: %.*s\n", (int)n, link);
    report("fstatat lnk NOFOLLOW is link", fstatat(sub, "lnk", &st, AT_SYMLINK_NOFOLLOW) ? -1 : S_ISLNK(st.st_mode));
    report("linkat lnk FOLLOW -> hard", linkat(sub, "lnk", dfd, "hard", AT_SYMLINK_FOLLOW));
    report("nlink of a", fstatat(sub, "a", &st, 0) ? -1 : (long)st.st_nlink);
    report("linkat lnk nofollow -> hardlnk", linkat(sub, "lnk", dfd, "hardlnk", 0));
    report("hardlnk is a link", fstatat(dfd, "hardlnk", &st, AT_SYMLINK_NOFOLLOW) ? -1 : S_ISLNK(st.st_mode));
    int afd = openat(sub, "a", O_RDONLY);
    report("linkat AT_EMPTY_PATH -> viafd", linkat(afd, "", dfd, "viafd", AT_EMPTY_PATH));
    show(dfd, "viafd");
    close(afd);
    report("faccessat sub/a F_OK", faccessat(dfd, "sub/a", F_OK, 0));
    report("faccessat missing", faccessat(dfd, "missing", F_OK, 0));
    report("faccessat2 lnk NOFOLLOW", syscall(SYS_faccessat2, sub, "lnk", F_OK, AT_SYMLINK_NOFOLLOW));
    report("faccessat bad mode", faccessat(dfd, "sub/a", 8, 0));
    report("fchmodat a 0600", fchmodat(sub, "a", 0600, 0));
    report("mode of a", fstatat(sub, "a", &st, 0) ? -1 : (long)(st.st_mode & 07777));
    report("fchownat a -1 -1", fchownat(sub, "a", -1, -1, 0));
    report("fchownat lnk own ids NOFOLLOW", fchownat(sub, "lnk", getuid(), getgid(), AT_SYMLINK_NOFOLLOW));
    report("fchownat bad flags", fchownat(sub, "a", -1, -1, 0x4000));
    report("unlinkat sub (dir, no flag)", unlinkat(dfd, "sub", 0));
    report("unlinkat sub AT_REMOVEDIR", unlinkat(dfd, "sub", AT_REMOVEDIR));
    report("unlinkat a AT_REMOVEDIR", unlinkat(sub, "a", AT_REMOVEDIR));
    report("unlinkat bad flags", unlinkat(sub, "a", 1));
    report("fchdir sub", fchdir(sub));
    report("access a (relative to new cwd)", access("a", F_OK));
    report("fchdir regular file", fchdir(open("a", O_RDONLY)));
    close(sub);
}

static void modes(int dfd)
{
    struct stat st;
    report("fchdir back", fchdir(dfd));
    mode_t old = umask(027);
    report("umask 027 then 027 again", umask(027));
    close(openat(dfd, "masked", O_CREAT | O_WRONLY, 0666));
    report("mode of masked", fstatat(dfd, "masked", &st, 0) ? -1 : (long)(st.st_mode & 0777));
    report("mkdirat masked.d 0777", mkdirat(dfd, "masked.d", 0777));
    report("mode of masked.d", fstatat(dfd, "masked.d", &st, 0) ? -1 : (long)(st.st_mode & 0777));
    int fd = openat(dfd, "masked", O_RDWR);
    report("fchmod 0604", fchmod(fd, 0604));
    report("mode after fchmod", fstat(fd, &st) ? -1 : (long)(st.st_mode & 0777));
    report("fchown own ids", fchown(fd, getuid(), getgid()));
    report("ftruncate 1000", ftruncate(fd, 1000));
    report("truncate 10 (path)", truncate("masked", 10));
    report("truncate a directory", truncate("masked.d", 10));
    report("size after truncate", fstat(fd, &st) ? -1 : st.st_size);
    report("truncate negative", ftruncate(fd, -1));
    report("fallocate 0 8192", fallocate(fd, 0, 0, 8192));
    report("size", fstat(fd, &st) ? -1 : st.st_size);
    report("fallocate KEEP_SIZE 16384", fallocate(fd, FALLOC_FL_KEEP_SIZE, 0, 16384));
    report("size", fstat(fd, &st) ? -1 : st.st_size);
    pwrite(fd, "xxxxxxxx", 8, 100);
    report("fallocate PUNCH_HOLE 96+16", fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 96, 16));
    char b[8];
    pread(fd, b, 8, 100);
    report("punched bytes are zero", b[0] == 0 && b[7] == 0);
    report("fallocate bad len", fallocate(fd, 0, 0, 0));
    report("fsync", fsync(fd));
    report("fdatasync", fdatasync(fd));
    sync();
    report("syncfs", syncfs(fd));
    close(fd);
    umask(old);
}

static void times(int dfd)
{
    struct stat st;
    struct timespec ts[2] = { { 1000000000, 0 }, { 1234567890, 0 } };
    report("utimensat a=1e9 m=1234567890", utimensat(dfd, "masked", ts, 0));
    fstatat(dfd, "masked", &st, 0);
    printf("atime %ld mtime %ld\n", (long)st.st_atime, (long)st.st_mtime);
    ts[0].tv_nsec = UTIME_OMIT;
    ts[1].tv_sec = 2000000000;
    report("utimensat a=OMIT m=2e9", utimensat(dfd, "masked", ts, 0));
    fstatat(dfd, "masked", &st, 0);
    printf("atime %ld mtime %ld\n", (long)st.st_atime, (long)st.st_mtime);
    int fd = openat(dfd, "masked", O_RDONLY);
    ts[0] = (struct timespec){ 1500000000, 0 };
    ts[1].tv_nsec = UTIME_OMIT;
    report("futimens a=1.5e9 m=OMIT", futimens(fd, ts));
    fstat(fd, &st);
    printf("atime %ld mtime %ld\n", (long)st.st_atime, (long)st.st_mtime);
    ts[1].tv_nsec = UTIME_NOW;
    time_t before = time(NULL);
    report("futimens m=NOW", futimens(fd, ts));
    fstat(fd, &st);
    printf("mtime is now: %d\n", st.st_mtime >= before && st.st_mtime <= before + 5);
    close(fd);
    ts[1] = (struct timespec){ 1111111111, 0 };
    symlinkat("masked", dfd, "mlink");
    report("utimensat NOFOLLOW on symlink", utimensat(dfd, "mlink", ts, AT_SYMLINK_NOFOLLOW));
    struct stat lst;
    fstatat(dfd, "mlink", &lst, AT_SYMLINK_NOFOLLOW);
    printf("link mtime %ld\n", (long)lst.st_mtime);
    time_t target = st.st_mtime;
    fstatat(dfd, "masked", &st, 0);
    printf("target mtime unchanged %d\n", st.st_mtime == target);
    ts[1].tv_nsec = 1000000000;
    report("utimensat bad nsec", utimensat(dfd, "masked", ts, 0));
}

static void renames(int dfd)
{
    put(dfd, "r1", "one");
    put(dfd, "r2", "two");
    report("renameat2 NOREPLACE onto r2", renameat2(dfd, "r1", dfd, "r2", RENAME_NOREPLACE));
    report("renameat2 EXCHANGE r1 r2", renameat2(dfd, "r1", dfd, "r2", RENAME_EXCHANGE));
    show(dfd, "r1");
    show(dfd, "r2");
    report("renameat2 EXCHANGE missing", renameat2(dfd, "r1", dfd, "nope", RENAME_EXCHANGE));
    report("renameat2 EXCHANGE|NOREPLACE", renameat2(dfd, "r1", dfd, "r2", RENAME_EXCHANGE | RENAME_NOREPLACE));
    report("renameat2 NOREPLACE to r3", renameat2(dfd, "r1", dfd, "r3", RENAME_NOREPLACE));
    show(dfd, "r3");
    report("renameat r3 -> r2 (replaces)", renameat(dfd, "r3", dfd, "r2"));
    show(dfd, "r2");
}

static void fifos(int dfd)
{
    struct stat st;
    report("mknodat fifo", mknodat(dfd, "fifo", S_IFIFO | 0644, 0));
    report("is a fifo", fstatat(dfd, "fifo", &st, 0) ? -1 : S_ISFIFO(st.st_mode));
    report("mknodat fifo again", mknodat(dfd, "fifo", S_IFIFO | 0644, 0));
    report("mkfifoat fifo2", mkfifoat(dfd, "fifo2", 0600));
    int fd = openat(dfd, "fifo", O_RDWR | O_NONBLOCK);
    report("write fifo", write(fd, "pipe!", 5));
    char b[8] = "";
    report("read fifo", read(fd, b, sizeof b));
    printf("fifo said %s\n", b);
    close(fd);
    report("mknodat regular", mknodat(dfd, "plain", S_IFREG | 0600, 0));
    report("plain is regular", fstatat(dfd, "plain", &st, 0) ? -1 : S_ISREG(st.st_mode));
    report("mknodat bad type", mknodat(dfd, "bad", 0170000 | 0600, 0));
}

static void stats(int dfd)
{
    struct statx sx;
    report("statx masked BASIC", statx(dfd, "masked", 0, STATX_BASIC_STATS, &sx));
    printf("basic stats all there: %d size %llu regular %d nlink %u\n",
           (sx.stx_mask & STATX_BASIC_STATS) == STATX_BASIC_STATS, (unsigned long long)sx.stx_size,
           S_ISREG(sx.stx_mode), sx.stx_nlink);
    report("statx STATX_ALL", statx(dfd, "masked", 0, STATX_ALL, &sx));
    report("statx only STATX_SIZE", statx(dfd, "masked", 0, STATX_SIZE, &sx));
    printf("size %llu\n", (unsigned long long)sx.stx_size);
    report("statx AT_EMPTY_PATH on dirfd", statx(dfd, "", AT_EMPTY_PATH, STATX_TYPE, &sx));
    printf("is dir %d\n", S_ISDIR(sx.stx_mode));
    struct statx root, dir;
    report("statx / STATX_MNT_ID", statx(AT_FDCWD, "/", 0, STATX_MNT_ID, &root));
    printf("/: mnt id given %d, mount root %d (attribute known %d)\n", (root.stx_mask & STATX_MNT_ID) != 0,
           (root.stx_attributes & STATX_ATTR_MOUNT_ROOT) != 0, (root.stx_attributes_mask & STATX_ATTR_MOUNT_ROOT) != 0);
    statx(dfd, "", AT_EMPTY_PATH, STATX_MNT_ID, &dir);
    statx(dfd, "masked", 0, STATX_MNT_ID, &sx);
    printf("masked: mount root %d, same mount as its directory %d\n", (sx.stx_attributes & STATX_ATTR_MOUNT_ROOT) != 0,
           sx.stx_mnt_id == dir.stx_mnt_id);
    report("statx reserved mask bit", statx(dfd, "masked", 0, 0x80000000u, &sx));
    report("statx FORCE_SYNC|DONT_SYNC", statx(dfd, "masked", AT_STATX_FORCE_SYNC | AT_STATX_DONT_SYNC, STATX_ALL, &sx));
    report("statx symlink NOFOLLOW is link",
           statx(dfd, "mlink", AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, &sx) ? -1 : S_ISLNK(sx.stx_mode));
    struct statfs sf;
    report("fstatfs dirfd", fstatfs(dfd, &sf));
    printf("bsize>0 %d namelen %ld\n", sf.f_bsize > 0, (long)sf.f_namelen);
    report("statfs /", statfs("/", &sf));
    report("statfs missing", statfs("/no/such/dir", &sf));
    int p[2];
    pipe(p);
    report("fstatfs pipe", fstatfs(p[0], &sf));
    printf("pipefs magic %d\n", sf.f_type == 0x50495045);
    close(p[0]);
    close(p[1]);
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void listing(int dfd)
{
    char buf[4096];
    char *names[64];
    int count = 0;
    int fd = openat(dfd, ".", O_RDONLY | O_DIRECTORY);
    long n;
    while ((n = syscall(SYS_getdents64, fd, buf, sizeof buf)) > 0) {
        for (long off = 0; off < n;) {
            struct { unsigned long ino; long off; unsigned short reclen; unsigned char type; char name[]; } *d = (void *)(buf + off);
            struct stat st;
            fstatat(dfd, d->name, &st, AT_SYMLINK_NOFOLLOW);
            char *line = malloc(80);
            snprintf(line, 80, "%-10s type %2d inode matches %d", d->name, d->type, d->ino == st.st_ino);
            if (count < 64)
                names[count++] = line;
            off += d->reclen;
        }
    }
    close(fd);
    qsort(names, count, sizeof names[0], cmp);
    for (int i = 0; i < count; i++)
        printf("%s\n", names[i]);
}

static void fd_flags(int dfd)
{
    int fd = openat(dfd, "masked", O_RDONLY | O_CLOEXEC);
    report("F_GETFD cloexec", fcntl(fd, F_GETFD));
    report("F_SETFD 0", fcntl(fd, F_SETFD, 0));
    report("F_GETFD", fcntl(fd, F_GETFD));
    report("F_GETFL & (ACCMODE|APPEND|NONBLOCK)", fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND | O_NONBLOCK));
    report("F_SETFL APPEND|NONBLOCK", fcntl(fd, F_SETFL, O_APPEND | O_NONBLOCK));
    report("F_GETFL & (ACCMODE|APPEND|NONBLOCK)", fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND | O_NONBLOCK));
    report("F_DUPFD >= 50", fcntl(fd, F_DUPFD, 50));
    report("F_DUPFD_CLOEXEC >= 50", fcntl(fd, F_DUPFD_CLOEXEC, 50));
    report("F_GETFD 51", fcntl(51, F_GETFD));
    report("dup3 to 60 O_CLOEXEC", dup3(fd, 60, O_CLOEXEC));
    report("F_GETFD 60", fcntl(60, F_GETFD));
    report("dup3 same fd", dup3(fd, fd, 0));
    report("dup3 bad flags", dup3(fd, 61, 1));
    report("close_range 50..59 CLOEXEC", syscall(SYS_close_range, 50, 59, 4));
    report("F_GETFD 50", fcntl(50, F_GETFD));
    report("close_range 50..~0", syscall(SYS_close_range, 50, ~0u, 0));
    report("F_GETFD 50 after close", fcntl(50, F_GETFD));
    report("F_GETFD 60 after close", fcntl(60, F_GETFD));
    report("close_range backwards", syscall(SYS_close_range, 10, 5, 0));
    int p[2];
    pipe(p);
    report("F_GETPIPE_SZ", fcntl(p[0], F_GETPIPE_SZ));
    report("F_SETPIPE_SZ 100000", fcntl(p[1], F_SETPIPE_SZ, 100000));
    report("F_GETPIPE_SZ", fcntl(p[0], F_GETPIPE_SZ));
    fcntl(p[1], F_SETFL, O_NONBLOCK);
    static char big[200000];
    report("write 200000 non-blocking", write(p[1], big, sizeof big));
    report("F_SETPIPE_SZ 4096 while full", fcntl(p[1], F_SETPIPE_SZ, 4096));
    report("F_SETPIPE_SZ 0", fcntl(p[0], F_SETPIPE_SZ, 0) < 0 ? -1 : 1);
    report("F_GETPIPE_SZ on a file", fcntl(fd, F_GETPIPE_SZ));
    close(fd);
    close(p[0]);
    close(p[1]);
    char b[4] = { 1, 1, 1, 1 };
    int z = open("/dev/zero", O_RDONLY);
    report("read /dev/zero", read(z, b, 4));
    printf("zeros %d\n", b[0] == 0 && b[3] == 0);
    close(z);
    int nul = open("/dev/null", O_RDWR);
    report("write /dev/null", write(nul, "gone", 4));
    report("read /dev/null", read(nul, b, 4));
    close(nul);
    int u = open("/dev/urandom", O_RDONLY);
    report("read /dev/urandom", read(u, b, 4));
    close(u);
}

/* ---- locks ---- */

static int lockf_at(int fd, int cmd, short type, off_t start, off_t len)
{
    struct flock fl = { .l_type = type, .l_whence = SEEK_SET, .l_start = start, .l_len = len };
    return fcntl(fd, cmd, &fl);
}

static void getlk(const char *what, int fd, int cmd, short type, off_t start, off_t len, pid_t expect_pid)
{
    struct flock fl = { .l_type = type, .l_whence = SEEK_SET, .l_start = start, .l_len = len };
    if (fcntl(fd, cmd, &fl) < 0) {
        report(what, -1);
        return;
    }
    const char *t = fl.l_type == F_UNLCK ? "unlocked" : fl.l_type == F_WRLCK ? "write" : "read";
    if (fl.l_type == F_UNLCK)
        printf("%-40s -> %s\n", what, t);
    else
        printf("%-40s -> %s start %ld len %ld holder %s\n", what, t, (long)fl.l_start, (long)fl.l_len,
               fl.l_pid == expect_pid ? "as expected" : fl.l_pid == -1 ? "-1" : "someone else");
}

static void wait_child(pid_t pid)
{
    int status;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status))
        printf("child failed\n");
}

static void flocks(int dfd)
{
    put(dfd, "locked", "0123456789abcdefghijklmnopqrstuvwxyz");
    int fd = openat(dfd, "locked", O_RDWR);
    int dupfd = dup(fd);
    int other = openat(dfd, "locked", O_RDONLY);
    report("flock EX", flock(fd, LOCK_EX));
    report("flock EX on a dup (same description)", flock(dupfd, LOCK_EX | LOCK_NB));
    report("flock SH|NB, other description", flock(other, LOCK_SH | LOCK_NB));
    report("flock bad op", flock(fd, 0));
    fflush(stdout);
    int ready[2];
    pipe(ready);
    pid_t pid = fork();
    if (pid == 0) {
        int mine = openat(dfd, "locked", O_RDONLY);
        report("child: flock SH|NB", flock(mine, LOCK_SH | LOCK_NB));
        report("child: flock on inherited fd", flock(fd, LOCK_EX | LOCK_NB));
        /* the description stays locked while any fd of it, here too, is open */
        close(fd);
        close(dupfd);
        fflush(stdout);
        write(ready[1], "r", 1);
        report("child: flock SH (waits)", flock(mine, LOCK_SH));
        report("child: flock UN", flock(mine, LOCK_UN));
        fflush(stdout);
        _exit(0);
    }
    char c;
    read(ready[0], &c, 1);
    close(ready[0]);
    close(ready[1]);
    usleep(100000); /* let it wait */
    printf("parent: closing every fd of the locked description\n");
    fflush(stdout);
    close(dupfd);
    close(fd);
    wait_child(pid);
    report("flock SH after child", flock(other, LOCK_SH | LOCK_NB));
    fd = openat(dfd, "locked", O_RDWR);
    report("flock EX|NB while SH held elsewhere", flock(fd, LOCK_EX | LOCK_NB));
    report("flock SH|NB shares", flock(fd, LOCK_SH | LOCK_NB));
    report("fcntl lock ignores flock locks", lockf_at(fd, F_SETLK, F_WRLCK, 0, 0));
    lockf_at(fd, F_SETLK, F_UNLCK, 0, 0);
    close(fd);
    close(other);
}

static void record_locks(int dfd)
{
    int fd = openat(dfd, "locked", O_RDWR);
    int rdonly = openat(dfd, "locked", O_RDONLY);
    report("F_SETLK write 0+10", lockf_at(fd, F_SETLK, F_WRLCK, 0, 10));
    report("F_SETLK write on O_RDONLY fd", lockf_at(rdonly, F_SETLK, F_WRLCK, 20, 1));
    report("F_SETLK bad type", lockf_at(fd, F_SETLK, 7, 0, 1));
    report("F_GETLK F_UNLCK", lockf_at(fd, F_GETLK, F_UNLCK, 0, 1));
    getlk("F_GETLK own lock does not conflict", fd, F_GETLK, F_WRLCK, 0, 10, 0);
    fflush(stdout);
    pid_t parent = getpid();
    int go[2], done[2];
    pipe(go);
    pipe(done);
    pid_t pid = fork();
    if (pid == 0) {
        char c;
        getlk("child: F_GETLK write at 5", fd, F_GETLK, F_WRLCK, 5, 1, parent);
        getlk("child: F_GETLK read at 10", fd, F_GETLK, F_RDLCK, 10, 5, parent);
        report("child: F_SETLK write at 5", lockf_at(fd, F_SETLK, F_WRLCK, 5, 1) < 0 && (errno == EAGAIN || errno == EACCES) ? -2 : 0);
        report("child: F_SETLK read 20+10", lockf_at(fd, F_SETLK, F_RDLCK, 20, 10));
        fflush(stdout);
        write(done[1], "r", 1);
        read(go[0], &c, 1);
        /* the parent has split its lock: 0+20 (and 25), 30+10 and 60+40 remain */
        getlk("child: F_GETLK at 50", fd, F_GETLK, F_WRLCK, 50, 1, parent);
        getlk("child: F_GETLK at 30", fd, F_GETLK, F_WRLCK, 30, 1, parent);
        getlk("child: F_GETLK at 70", fd, F_GETLK, F_RDLCK, 70, 1, parent);
        fflush(stdout);
        write(done[1], "s", 1);
        report("child: F_SETLKW write at 35 (waits)", lockf_at(fd, F_SETLKW, F_WRLCK, 35, 1));
        fflush(stdout);
        _exit(0);
    }
    char c;
    read(done[0], &c, 1);
    getlk("F_GETLK write at 25", fd, F_GETLK, F_WRLCK, 25, 1, pid);
    report("F_SETLK read 25 (shares child's)", lockf_at(fd, F_SETLK, F_RDLCK, 25, 1));
    report("F_SETLK write 0+100 (child holds 20+10)", lockf_at(fd, F_SETLK, F_WRLCK, 0, 100) < 0 && (errno == EAGAIN || errno == EACCES) ? -2 : 0);
    report("F_SETLK write 0+20", lockf_at(fd, F_SETLK, F_WRLCK, 0, 20));
    report("F_SETLK write 30+70", lockf_at(fd, F_SETLK, F_WRLCK, 30, 70));
    report("F_SETLK write 20+10 (child's)", lockf_at(fd, F_SETLK, F_WRLCK, 20, 10) < 0 && (errno == EAGAIN || errno == EACCES) ? -2 : 0);
    report("F_SETLK unlock 40+20", lockf_at(fd, F_SETLK, F_UNLCK, 40, 20));
    report("F_SETLK unlock 20+10 (not held)", lockf_at(fd, F_SETLK, F_UNLCK, 20, 10));
    report("F_SETLK write 20+10 (child's)", lockf_at(fd, F_SETLK, F_WRLCK, 20, 10) < 0 && (errno == EAGAIN || errno == EACCES) ? -2 : 0);
    fflush(stdout);
    write(go[1], "g", 1);
    read(done[0], &c, 1);
    usleep(100000);
    printf("parent: closing another fd of the file drops its locks\n");
    fflush(stdout);
    close(rdonly);
    wait_child(pid);
    getlk("F_GETLK after the child ended", fd, F_GETLK, F_WRLCK, 0, 0, 0);
    close(fd);
}

/* Each holds a byte the other waits for: the second F_SETLKW is EDEADLK. */
static void deadlock(int dfd)
{
    int fd = openat(dfd, "locked", O_RDWR);
    int ready[2];
    pipe(ready);
    report("F_SETLK write byte 0", lockf_at(fd, F_SETLK, F_WRLCK, 0, 1));
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        int mine = openat(dfd, "locked", O_RDWR);
        lockf_at(mine, F_SETLK, F_WRLCK, 1, 1);
        write(ready[1], "r", 1);
        report("child: F_SETLKW byte 0 (waits)", lockf_at(mine, F_SETLKW, F_WRLCK, 0, 1));
        fflush(stdout);
        _exit(0);
    }
    char c;
    read(ready[0], &c, 1);
    usleep(100000); /* let it wait */
    report("F_SETLKW byte 1 (the child's)", lockf_at(fd, F_SETLKW, F_WRLCK, 1, 1));
    fflush(stdout);
    close(fd);
    wait_child(pid);
    close(ready[0]);
    close(ready[1]);
}

static void ofd_locks(int dfd)
{
    int a = openat(dfd, "locked", O_RDWR);
    int b = openat(dfd, "locked", O_RDWR);
    report("F_OFD_SETLK write 0+10 on a", lockf_at(a, F_OFD_SETLK, F_WRLCK, 0, 10));
    report("F_OFD_SETLK write 5+1 on b", lockf_at(b, F_OFD_SETLK, F_WRLCK, 5, 1) < 0 && (errno == EAGAIN || errno == EACCES) ? -2 : 0);
    getlk("F_OFD_GETLK on b", b, F_OFD_GETLK, F_RDLCK, 0, 0, -2);
    getlk("F_GETLK (classic) on b", b, F_GETLK, F_WRLCK, 9, 1, -2);
    report("classic F_SETLK on b conflicts", lockf_at(b, F_SETLK, F_RDLCK, 0, 1) < 0 && (errno == EAGAIN || errno == EACCES) ? -2 : 0);
    struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 1, .l_pid = 1 };
    report("F_OFD_SETLK with l_pid set", fcntl(b, F_OFD_SETLK, &fl));
    int a2 = dup(a);
    close(a);
    report("dup keeps the OFD lock", lockf_at(b, F_OFD_SETLK, F_WRLCK, 0, 1) < 0 && (errno == EAGAIN || errno == EACCES) ? -2 : 0);
    close(a2);
    report("last close drops it", lockf_at(b, F_OFD_SETLK, F_WRLCK, 0, 1));
    close(b);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: fileops DIR\n");
        return 2;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    int dfd = open(argv[1], O_RDONLY | O_DIRECTORY);
    at_family(dfd);
    modes(dfd);
    times(dfd);
    renames(dfd);
    fifos(dfd);
    stats(dfd);
    listing(dfd);
    fd_flags(dfd);
    flocks(dfd);
    record_locks(dfd);
    deadlock(dfd);
    ofd_locks(dfd);
    return 0;
}
