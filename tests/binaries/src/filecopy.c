// In-kernel copies between open files: sendfile (file offset or *offset, to a file and
// to a pipe), copy_file_range (offsets, EOF, bad flags, overlap in one file, O_APPEND),
// posix_fadvise, and extended attributes as far as every file system agrees (a missing
// file is ENOENT; an existing file has no "user.tsqemu" attribute).
// usage: filecopy <tmpdir>
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/sendfile.h>
#include <sys/xattr.h>
#include <unistd.h>

static void result(const char *what, long r) {
  if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
  else printf("%s: %ld\n", what, r);
}

static void show_file(const char *what, const char *path) {
  char buf[256];
  int fd = open(path, O_RDONLY);
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  buf[n < 0 ? 0 : n] = 0;
  printf("%s: [%s]\n", what, buf);
}

static void make(const char *path, const char *text) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  write(fd, text, strlen(text));
  close(fd);
}

int main(int argc, char **argv) {
  if (argc < 2 || chdir(argv[1]) != 0) return 2;
  make("src", "0123456789abcdefghij");

  int in = open("src", O_RDONLY);
  int out = open("dst", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  result("sendfile 5 at the file offset", sendfile(out, in, NULL, 5));
  result("  input offset now", lseek(in, 0, SEEK_CUR));
  off_t off = 12;
  result("sendfile 100 from *offset 12", sendfile(out, in, &off, 100));
  printf("  *offset now %ld, file offset still %ld\n", (long)off, (long)lseek(in, 0, SEEK_CUR));
  result("sendfile at end of input", sendfile(out, in, &off, 10));
  close(out);
  show_file("dst", "dst");

  int p[2];
  pipe(p);
  off = 3;
  result("sendfile to a pipe", sendfile(p[1], in, &off, 4));
  char buf[16] = {0};
  result("  read from the pipe", read(p[0], buf, sizeof buf - 1));
  printf("  pipe held [%s]\n", buf);
  result("sendfile to a closed fd", sendfile(out, in, NULL, 4));
  out = open("dst", O_WRONLY);
  write(p[1], "pipe", 4);
  result("sendfile from a pipe", sendfile(out, p[0], NULL, 4));
  close(out);

  out = open("copy", O_RDWR | O_CREAT | O_TRUNC, 0644);
  lseek(in, 0, SEEK_SET);
  result("copy_file_range 8 at both file offsets", copy_file_range(in, NULL, out, NULL, 8, 0));
  printf("  offsets now in %ld out %ld\n", (long)lseek(in, 0, SEEK_CUR), (long)lseek(out, 0, SEEK_CUR));
  off_t from = 16, to = 2;
  result("copy_file_range 100 with both offsets given", copy_file_range(in, &from, out, &to, 100, 0));
  printf("  offsets given now %ld %ld, file offsets %ld %ld\n", (long)from, (long)to,
         (long)lseek(in, 0, SEEK_CUR), (long)lseek(out, 0, SEEK_CUR));
  result("copy_file_range at end of input", copy_file_range(in, &from, out, NULL, 5, 0));
  result("copy_file_range with flags", copy_file_range(in, NULL, out, NULL, 5, 1));
  off_t a = 0, b = 2;
  result("copy_file_range overlapping in one file", copy_file_range(out, &a, out, &b, 4, 0));
  a = 0, b = 10;
  result("copy_file_range within one file", copy_file_range(out, &a, out, &b, 4, 0));
  close(out);
  show_file("copy", "copy");
  int app = open("copy", O_WRONLY | O_APPEND);
  result("copy_file_range to O_APPEND", copy_file_range(in, NULL, app, NULL, 5, 0));
  close(app);
  result("copy_file_range from a directory", copy_file_range(open(".", O_RDONLY | O_DIRECTORY), NULL, p[1], NULL, 5, 0));

  result("posix_fadvise SEQUENTIAL", posix_fadvise(in, 0, 0, POSIX_FADV_SEQUENTIAL) ? -1 : 0);
  int e = posix_fadvise(p[0], 0, 0, POSIX_FADV_NORMAL);
  printf("posix_fadvise on a pipe: %s\n", strerrorname_np(e));
  e = posix_fadvise(in, 0, 0, 99);
  printf("posix_fadvise bad advice: %s\n", strerrorname_np(e));
  e = posix_fadvise(in, 0, -1, POSIX_FADV_NORMAL);
  printf("posix_fadvise negative length: %s\n", strerrorname_np(e));

  result("getxattr of a missing file", getxattr("missing", "user.tsqemu", buf, sizeof buf));
  result("lgetxattr of a missing file", lgetxattr("missing", "user.tsqemu", buf, sizeof buf));
  result("listxattr of a missing file", listxattr("missing", buf, sizeof buf));
  result("fgetxattr of a bad fd", fgetxattr(99, "user.tsqemu", buf, sizeof buf));
  printf("getxattr user.tsqemu of a file: %s\n", getxattr("src", "user.tsqemu", buf, sizeof buf) < 0 ? "absent" : "present");
  return 0;
}
