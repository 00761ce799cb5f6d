// Asks where stdout's file offset is (as CPython's io does at start-up), then writes
// there, also by copy_file_range and sendfile (as coreutils and busybox cat do). When
// stdout is a file the shell opened, the offset is shared with the shell: what it
// wrote before is behind us, what it writes after must land after our output.
// Run in a scratch directory: it makes the file src.txt there.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/sendfile.h>
#include <unistd.h>

static void say(const char *what, long value) {
  char line[64];
  int n = snprintf(line, sizeof line, "%s %ld\n", what, value);
  write(1, line, (size_t)n);
}

int main(void) {
  say("stdout offset", (long)lseek(1, 0, SEEK_CUR));
  write(1, "guest line\n", 11);
  int fd = open("src.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
  write(fd, "copied line\n", 12);
  lseek(fd, 0, SEEK_SET);
  long copied = (long)copy_file_range(fd, NULL, 1, NULL, 100, 0);
  off_t from = 0;
  long sent = (long)sendfile(1, fd, &from, 100);
  say("copy_file_range", copied);
  say("sendfile", sent);
  say("then", (long)lseek(1, 0, SEEK_CUR));
  return 0;
}
