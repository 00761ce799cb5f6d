/* illegal: prints a line, then executes a permanently undefined
 * instruction (AArch64: udf #0, encoding 0x00000000; RISC-V: unimp, the
 * all-zero halfword); expected SIGILL. */
#include <stdio.h>

int main(void)
{
#if defined(__riscv)
    printf("about to execute unimp\n");
    fflush(stdout);
    __asm__ volatile("unimp");
#else
    printf("about to execute udf #0\n");
    fflush(stdout);
    __asm__ volatile(".inst 0x00000000");
#endif
    printf("still alive?!\n");
    return 0;
}
