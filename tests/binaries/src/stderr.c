/*
 * stderr: writes to both stdout and stderr, through stdio (line-buffered
 * or fully buffered stdout, unbuffered stderr) and through write(2)
 * directly.  Exits with status 1 so the error path is visible.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
    printf("stdout: line 1\n");
    fprintf(stderr, "stderr: line 1\n");
    printf("stdout: partial ");
    fputs("stderr: via fputs\n", stderr);
    printf("line 2\n");
    const char *raw_out = "stdout: raw write(1)\n";
    const char *raw_err = "stderr: raw write(2)\n";
    fflush(stdout);
    write(1, raw_out, strlen(raw_out));
    write(2, raw_err, strlen(raw_err));
    errno = ENOENT;
    perror("stderr: perror");
    for (int i = 0; i < 3; i++) {
        printf("stdout: loop %d\n", i);
        fprintf(stderr, "stderr: loop %d\n", i);
    }
    fprintf(stderr, "stderr: no trailing newline");
    printf("stdout: last line, exiting 1\n");
    return 1;
}
