// Asks where stdout's file offset is (as CPython's io does at start-up), then writes
// there. When stdout is a file the shell opened, the offset is shared with the shell:
// what it wrote before is behind us, what it writes after must land after our line.
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void) {
  char line[64];
  long at = (long)lseek(1, 0, SEEK_CUR);
  int n = snprintf(line, sizeof line, "stdout offset %ld\n", at);
  write(1, line, (size_t)n);
  write(1, "guest line\n", 11);
  at = (long)lseek(1, 0, SEEK_CUR);
  n = snprintf(line, sizeof line, "then %ld\n", at);
  write(1, line, (size_t)n);
  return 0;
}
