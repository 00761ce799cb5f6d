/*
 * random: prints the 16 AT_RANDOM bytes and 16 bytes from getrandom(), in hex.
 * Not a golden-output program: the values differ per run unless the emulator is
 * seeded (-seed), and then they depend on its generator.
 */
#include <stdio.h>
#include <sys/auxv.h>
#include <sys/random.h>

static void hex(const char *label, const unsigned char *p, int n)
{
    printf("%s ", label);
    for (int i = 0; i < n; i++)
        printf("%02x", p[i]);
    printf("\n");
}

int main(void)
{
    const unsigned char *at_random = (const unsigned char *)getauxval(AT_RANDOM);
    unsigned char buf[16];
    if (!at_random || getrandom(buf, sizeof buf, 0) != (ssize_t)sizeof buf) {
        printf("failed\n");
        return 1;
    }
    hex("at_random", at_random, 16);
    hex("getrandom", buf, 16);
    return 0;
}
