/*
 * args: prints its arguments and selected environment variables.
 *
 *   args [arg...] [--env NAME...]
 *
 * argv[0] is printed as its basename only (the directory part depends on
 * how the program was started).  Every argument after a "--env" marker is
 * taken as the name of an environment variable whose value is printed.
 * Finally the number of environment variables whose name starts with
 * "TSQ_" is printed, and those variables in sorted order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    const char *base = strrchr(argv[0], '/');
    base = base ? base + 1 : argv[0];

    printf("argc=%d\n", argc);
    printf("argv[0] basename=\"%s\"\n", base);
    int env_from = argc;
    for (int i = 1; i < argc; i++) {
        printf("argv[%d]=\"%s\" (len %zu)\n", i, argv[i], strlen(argv[i]));
        if (env_from == argc && strcmp(argv[i], "--env") == 0)
            env_from = i + 1;
    }
    if (argv[argc] != NULL)
        printf("argv[argc] is not NULL!\n");

    for (int i = env_from; i < argc; i++) {
        const char *v = getenv(argv[i]);
        if (v)
            printf("env %s=\"%s\"\n", argv[i], v);
        else
            printf("env %s is unset\n", argv[i]);
    }

    int n = 0;
    for (char **e = environ; *e; e++)
        if (strncmp(*e, "TSQ_", 4) == 0)
            n++;
    printf("TSQ_ variables: %d\n", n);
    if (n > 0) {
        char **list = malloc(sizeof(char *) * (size_t)n);
        int k = 0;
        for (char **e = environ; *e; e++)
            if (strncmp(*e, "TSQ_", 4) == 0)
                list[k++] = *e;
        qsort(list, (size_t)n, sizeof(char *), cmp_str);
        for (int i = 0; i < n; i++)
            printf("  %s\n", list[i]);
        free(list);
    }
    return 0;
}
