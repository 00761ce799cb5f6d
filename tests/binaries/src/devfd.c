// /dev/stdin, /dev/stdout, /dev/stderr and /dev/fd/N name the process's own open files
// (they are links into /proc/self/fd): opening one after dup2 reaches the file dup2
// put there, not whatever the emulator's own fd of that number is; a pipe's link reopens the pipe.
// usage: devfd <tmpdir>
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void show(const char *what, const char *path, int flags) {
  char buf[64] = {0};
  int fd = open(path, flags);
  if (fd < 0) {
    printf("%s: open %s: %s\n", what, path, strerrorname_np(errno));
    return;
  }
  ssize_t n = read(fd, buf, sizeof buf - 1);
  printf("%s: read %zd [%s]\n", what, n, n > 0 ? buf : "");
  close(fd);
}

static int make(const char *path, const char *text) {
  int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
  write(fd, text, strlen(text));
  lseek(fd, 0, SEEK_SET);
  return fd;
}

int main(int argc, char **argv) {
  if (argc < 2 || chdir(argv[1]) != 0) return 2;
  setvbuf(stdout, NULL, _IONBF, 0);
  int data = make("data.txt", "data file");
  int saved_in = dup(0);
  dup2(data, 0);
  show("/dev/stdin after dup2", "/dev/stdin", O_RDONLY);
  dup2(saved_in, 0);

  char path[32];
  snprintf(path, sizeof path, "/dev/fd/%d", data);
  show("/dev/fd/N of a file", path, O_RDONLY);
  show("/dev/fd/N of a closed fd", "/dev/fd/99", O_RDONLY);

  int out = make("out.txt", "");
  int saved_out = dup(1);
  dup2(out, 1);
  int w = open("/dev/stdout", O_WRONLY);
  write(w, "through /dev/stdout\n", 20);
  close(w);
  w = open("/dev/fd/1", O_WRONLY | O_APPEND);
  write(w, "through /dev/fd/1\n", 18);
  close(w);
  dup2(saved_out, 1);
  show("the file dup2 made stdout", "out.txt", O_RDONLY);

  int saved_err = dup(2);
  dup2(out, 2);
  w = open("/dev/stderr", O_WRONLY | O_APPEND);
  write(w, "+err", 4);
  close(w);
  dup2(saved_err, 2);
  show("and stderr", "out.txt", O_RDONLY);

  // A pipe has no name to follow: opening its link reopens the pipe itself (bash's <(...)).
  int pipefd[2];
  pipe(pipefd);
  write(pipefd[1], "through a pipe", 14);
  close(pipefd[1]);
  snprintf(path, sizeof path, "/dev/fd/%d", pipefd[0]);
  show("/dev/fd/N of a pipe", path, O_RDONLY);
  return 0;
}
