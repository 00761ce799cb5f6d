/* illegal: prints a line, then executes a permanently undefined
 * instruction (udf #0, encoding 0x00000000); expected SIGILL. */
#include <stdio.h>

int main(void)
{
    printf("about to execute udf #0\n");
    fflush(stdout);
    __asm__ volatile(".inst 0x00000000");
    printf("still alive?!\n");
    return 0;
}
