/*
 * files: file-system round trip inside the (empty) directory given as
 * argv[1].  The directory's path is never printed.  Expected failures are
 * reported with the symbolic errno name.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static const char *errname(int e)
{
    switch (e) {
    case 0: return "OK";
    case EPERM: return "EPERM";
    case ENOENT: return "ENOENT";
    case EBADF: return "EBADF";
    case EACCES: return "EACCES";
    case EEXIST: return "EEXIST";
    case ENOTDIR: return "ENOTDIR";
    case EISDIR: return "EISDIR";
    case EINVAL: return "EINVAL";
    case ENOTEMPTY: return "ENOTEMPTY";
    case ERANGE: return "ERANGE";
    case ENAMETOOLONG: return "ENAMETOOLONG";
    case ESPIPE: return "ESPIPE";
    case ELOOP: return "ELOOP";
    default: return "E?";
    }
}

/* Report the outcome of a call that returns -1 on failure. */
static void report(const char *what, long ret)
{
    if (ret < 0)
        printf("%-34s -> -1 %s\n", what, errname(errno));
    else
        printf("%-34s -> %ld\n", what, ret);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list_dir(const char *path)
{
    DIR *d = opendir(path);
    if (!d) {
        printf("opendir(%s) failed: %s\n", path, errname(errno));
        return;
    }
    char *names[64];
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL && n < 64)
        names[n++] = strdup(de->d_name);
    closedir(d);
    qsort(names, (size_t)n, sizeof(char *), cmp_str);
    printf("listing of %s (%d entries):", path, n);
    for (int i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

static void print_stat(const char *label, const struct stat *st)
{
    const char *type = S_ISREG(st->st_mode) ? "regular"
                       : S_ISDIR(st->st_mode) ? "directory"
                       : S_ISLNK(st->st_mode) ? "symlink"
                       : "other";
    printf("%s: type=%s perms=%03o", label, type, (unsigned)(st->st_mode & 07777));
    if (!S_ISDIR(st->st_mode))
        printf(" size=%lld nlink=%lu", (long long)st->st_size,
               (unsigned long)st->st_nlink);
    printf("\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: files DIR\n");
        return 2;
    }
    umask(022);

    struct stat st_dir, st;
    report("stat(dir)", stat(argv[1], &st_dir));
    report("chdir(dir)", chdir(argv[1]));

    /* getcwd must name the same directory. */
    char cwd[4096];
    if (getcwd(cwd, sizeof cwd) == NULL) {
        printf("getcwd failed: %s\n", errname(errno));
    } else {
        printf("getcwd is absolute: %s\n", cwd[0] == '/' ? "yes" : "no");
        report("stat(getcwd())", stat(cwd, &st));
        printf("getcwd names the directory: %s\n",
               st.st_dev == st_dir.st_dev && st.st_ino == st_dir.st_ino ? "yes" : "no");
    }
    char tiny[2];
    errno = 0;
    printf("getcwd(tiny buffer) -> %s %s\n",
           getcwd(tiny, sizeof tiny) ? "ok" : "NULL", errname(errno));
    list_dir(".");

    /* Create and write. */
    int fd = open("data.txt", O_CREAT | O_EXCL | O_WRONLY, 0644);
    report("open(data.txt, O_CREAT|O_EXCL)", fd);
    const char *head = "hello, file!\n";
    report("write(head)", write(fd, head, strlen(head)));
    char block[1000];
    for (int i = 0; i < (int)sizeof block; i++)
        block[i] = (char)('a' + i % 26);
    report("write(block)", write(fd, block, sizeof block));
    report("fstat", fstat(fd, &st));
    print_stat("fstat(data.txt)", &st);
    report("read(write-only fd)", read(fd, block, 1));
    report("close", close(fd));
    report("close(again)", close(fd));
    report("open(data.txt, O_CREAT|O_EXCL)", open("data.txt", O_CREAT | O_EXCL | O_WRONLY, 0644));

    report("stat(data.txt)", stat("data.txt", &st));
    print_stat("stat(data.txt)", &st);

    /* Read back with lseek. */
    fd = open("data.txt", O_RDWR);
    report("open(data.txt, O_RDWR)", fd);
    char buf[64];
    report("lseek(7, SEEK_SET)", lseek(fd, 7, SEEK_SET));
    ssize_t n = read(fd, buf, 5);
    report("read(5)", n);
    printf("  got \"%.*s\"\n", (int)n, buf);
    report("lseek(0, SEEK_CUR)", lseek(fd, 0, SEEK_CUR));
    report("lseek(-3, SEEK_END)", lseek(fd, -3, SEEK_END));
    n = read(fd, buf, sizeof buf);
    report("read(64) near end", n);
    printf("  got \"%.*s\"\n", (int)n, buf);
    report("read at EOF", read(fd, buf, sizeof buf));
    report("lseek(-100000, SEEK_SET)", lseek(fd, -100000, SEEK_SET));
    report("pwrite(\"HELLO\", 0)", pwrite(fd, "HELLO", 5, 0));
    n = pread(fd, buf, 13, 0);
    report("pread(13, 0)", n);
    printf("  got \"%.*s\"\n", (int)n - 1, buf);
    report("lseek(0, SEEK_CUR) unchanged", lseek(fd, 0, SEEK_CUR));
    report("ftruncate(100)", ftruncate(fd, 100));
    report("fstat", fstat(fd, &st));
    print_stat("after ftruncate", &st);
    /* Sparse extension: bytes past the old end read back as zero. */
    report("lseek(200, SEEK_SET)", lseek(fd, 200, SEEK_SET));
    report("write(\"end\")", write(fd, "end", 3));
    report("pread(10, 150)", pread(fd, buf, 10, 150));
    int zeros = 0;
    for (int i = 0; i < 10; i++)
        zeros += buf[i] == 0;
    printf("  zero bytes: %d\n", zeros);
    int fd2 = dup(fd);
    report("dup", fd2 > fd ? 0 : -1);
    report("lseek(dup, 0, SEEK_CUR) shared", lseek(fd2, 0, SEEK_CUR));
    report("close(dup)", close(fd2));
    report("close", close(fd));

    /* Buffered stdio on a file. */
    FILE *f = fopen("stdio.txt", "w");
    printf("fopen(stdio.txt, w): %s\n", f ? "ok" : errname(errno));
    for (int i = 0; i < 200; i++)
        fprintf(f, "line %03d %s\n", i, i % 2 ? "odd" : "even");
    report("fclose", fclose(f));
    f = fopen("stdio.txt", "r");
    char line[64];
    int lines = 0;
    unsigned long sum = 0;
    while (fgets(line, sizeof line, f)) {
        lines++;
        for (char *p = line; *p; p++)
            sum = sum * 31 + (unsigned char)*p;
    }
    printf("stdio.txt: %d lines, checksum %016lx\n", lines, sum);
    report("fseek(-8, SEEK_END)", fseek(f, -8, SEEK_END));
    printf("  ftell=%ld\n", ftell(f));
    if (fgets(line, sizeof line, f))
        printf("  fgets=\"%.*s\"\n", (int)strcspn(line, "\n"), line);
    int eof_before = feof(f) != 0;
    int c = fgetc(f);
    printf("  feof before=%d fgetc=%d feof after=%d\n", eof_before, c, feof(f) != 0);
    fclose(f);

    /* rename / access. */
    report("rename(data.txt, moved.txt)", rename("data.txt", "moved.txt"));
    report("stat(data.txt)", stat("data.txt", &st));
    report("access(moved.txt, F_OK)", access("moved.txt", F_OK));
    report("access(moved.txt, R_OK|W_OK)", access("moved.txt", R_OK | W_OK));
    report("access(missing, F_OK)", access("missing", F_OK));
    report("open(missing, O_RDONLY)", open("missing", O_RDONLY));
    report("open(moved.txt/x, O_RDONLY)", open("moved.txt/x", O_RDONLY));
    report("rename(missing, x)", rename("missing", "x"));

    /* Hard and symbolic links. */
    report("link(moved.txt, hard.txt)", link("moved.txt", "hard.txt"));
    report("stat(hard.txt)", stat("hard.txt", &st));
    print_stat("stat(hard.txt)", &st);
    report("symlink(moved.txt, sym)", symlink("moved.txt", "sym"));
    report("lstat(sym)", lstat("sym", &st));
    print_stat("lstat(sym)", &st);
    report("stat(sym)", stat("sym", &st));
    print_stat("stat(sym)", &st);
    memset(buf, 0, sizeof buf);
    report("readlink(sym)", readlink("sym", buf, sizeof buf));
    printf("  target \"%s\"\n", buf);
    report("readlink(moved.txt)", readlink("moved.txt", buf, sizeof buf));
    report("symlink(loop, loop)", symlink("loop", "loop"));
    report("open(loop)", open("loop", O_RDONLY));

    /* Directories. */
    report("mkdir(sub)", mkdir("sub", 0755));
    report("mkdir(sub) again", mkdir("sub", 0755));
    report("stat(sub)", stat("sub", &st));
    print_stat("stat(sub)", &st);
    fd = open("sub/inner.txt", O_CREAT | O_WRONLY | O_TRUNC, 0600);
    report("open(sub/inner.txt)", fd);
    report("write", write(fd, "x", 1));
    close(fd);
    int dfd = open("sub", O_RDONLY | O_DIRECTORY);
    report("open(sub, O_DIRECTORY)", dfd);
    report("fstatat(sub, inner.txt)", fstatat(dfd, "inner.txt", &st, 0));
    print_stat("fstatat(inner.txt)", &st);
    fd = openat(dfd, "second.txt", O_CREAT | O_WRONLY, 0640);
    report("openat(sub, second.txt)", fd);
    close(fd);
    report("read(directory fd)", read(dfd, buf, 1));
    close(dfd);
    report("open(moved.txt, O_DIRECTORY)", open("moved.txt", O_RDONLY | O_DIRECTORY));
    list_dir(".");
    list_dir("sub");
    report("rmdir(sub) non-empty", rmdir("sub"));
    report("unlink(sub)", unlink("sub"));
    report("rmdir(moved.txt)", rmdir("moved.txt"));

    report("chdir(sub)", chdir("sub"));
    if (getcwd(cwd, sizeof cwd)) {
        size_t len = strlen(cwd);
        printf("getcwd ends with /sub: %s\n",
               len >= 4 && strcmp(cwd + len - 4, "/sub") == 0 ? "yes" : "no");
    }
    report("chdir(inner.txt)", chdir("inner.txt"));
    report("chdir(..)", chdir(".."));
    report("stat(.)", stat(".", &st));
    printf("back in the directory: %s\n",
           st.st_dev == st_dir.st_dev && st.st_ino == st_dir.st_ino ? "yes" : "no");

    /* Clean up. */
    report("unlink(sub/inner.txt)", unlink("sub/inner.txt"));
    report("unlink(sub/second.txt)", unlink("sub/second.txt"));
    report("unlink(sub/second.txt) again", unlink("sub/second.txt"));
    report("rmdir(sub)", rmdir("sub"));
    report("unlink(moved.txt)", unlink("moved.txt"));
    report("stat(hard.txt)", stat("hard.txt", &st));
    print_stat("stat(hard.txt)", &st);
    report("stat(sym) dangling", stat("sym", &st));
    report("unlink(hard.txt)", unlink("hard.txt"));
    report("unlink(sym)", unlink("sym"));
    report("unlink(loop)", unlink("loop"));
    report("unlink(stdio.txt)", unlink("stdio.txt"));
    list_dir(".");
    return 0;
}
