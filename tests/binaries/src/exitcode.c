/*
 * exitcode: exits with the status given in argv[1].
 *
 *   exitcode STATUS        -> exit(STATUS)
 *   exitcode STATUS ret    -> return STATUS from main
 *   exitcode STATUS _exit  -> _exit(STATUS): stdio buffers are NOT flushed
 *
 * Before exiting it writes text to stdout without a trailing newline, so
 * the buffered output must be flushed by exit() / the return from main.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void at_exit_handler(void)
{
    printf(" [atexit handler ran]");
}

int main(int argc, char **argv)
{
    int status = argc > 1 ? atoi(argv[1]) : 0;
    const char *how = argc > 2 ? argv[2] : "exit";

    atexit(at_exit_handler);
    printf("exiting with status %d via %s", status, how);
    if (strcmp(how, "ret") == 0)
        return status;
    if (strcmp(how, "_exit") == 0)
        _exit(status);
    exit(status);
}
