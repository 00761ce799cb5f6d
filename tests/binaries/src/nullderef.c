/* nullderef: prints a line, then dereferences NULL; expected SIGSEGV. */
#include <stdio.h>

int main(void)
{
    printf("about to dereference NULL\n");
    fflush(stdout);
    volatile int *p = (volatile int *)0;
    *p = 42;
    printf("still alive?!\n");
    return 0;
}
