/*
 * printf: integer and floating-point formatting, strtod round trips and
 * snprintf truncation.  Exercises glibc's vfprintf, its multi-precision
 * float printing (printf_fp / printf_fphex) and strtod.
 */
#define _GNU_SOURCE /* asprintf */
#include <float.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void ints(void)
{
    /* volatile so that the compiler cannot pre-format anything. */
    volatile int vi[] = {0, 1, -1, 42, -42, 255, INT_MAX, INT_MIN, 123456789};
    volatile long long vll[] = {0, 1, -1, LLONG_MAX, LLONG_MIN, 1234567890123456789LL,
                                -987654321098765LL};

    for (size_t i = 0; i < sizeof vi / sizeof vi[0]; i++) {
        int v = vi[i];
        printf("[%d] [%i] [%u] [%x] [%X] [%o] [%5d] [%-5d|] [%05d] [%+d] [% d] [%#x] [%#o] [%.3d] [%8.4x]\n",
               v, v, (unsigned)v, (unsigned)v, (unsigned)v, (unsigned)v, v, v, v, v, v,
               (unsigned)v, (unsigned)v, v, (unsigned)v);
        printf("  hh: [%hhd] [%hhu] [%hhx]  h: [%hd] [%hu] [%hx]\n",
               (signed char)v, (unsigned char)v, (unsigned char)v,
               (short)v, (unsigned short)v, (unsigned short)v);
    }
    for (size_t i = 0; i < sizeof vll / sizeof vll[0]; i++) {
        long long v = vll[i];
        printf("[%lld] [%llu] [%llx] [%llo] [%ld] [%lx] [%+21lld] [%-22lld|] [%#llX]\n",
               v, (unsigned long long)v, (unsigned long long)v, (unsigned long long)v,
               (long)v, (unsigned long)v, v, v, (unsigned long long)v);
    }
    volatile size_t z = SIZE_MAX;
    volatile ptrdiff_t pd = -12345;
    volatile intmax_t im = INTMAX_MIN;
    volatile uint64_t u64 = UINT64_MAX;
    printf("[%zu] [%zx] [%td] [%jd] [%" PRIu64 "] [%" PRIx64 "]\n",
           (size_t)z, (size_t)z, (ptrdiff_t)pd, (intmax_t)im, (uint64_t)u64, (uint64_t)u64);
    printf("[%*d] [%-*d|] [%.*d] [%c%c%c] [%%] [%s] [%.3s] [%10s] [%-10s|]\n",
           6, 77, 6, 77, 4, 7, 'a', 'b', 'c', "str", "truncate", "right", "left");
    int n1 = 0, n2 = 0;
    printf("count%n this%n\n", &n1, &n2);
    printf("n1=%d n2=%d\n", n1, n2);
}

static void floats(void)
{
    volatile double vd[] = {
        0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, -2.5, 3.14159265358979323846,
        1e10, 1e-10, 123456789.125, 1e21, 1e22, 1e100, 1e-100, 1e300, 1e-300,
        DBL_MAX, DBL_MIN, DBL_EPSILON, 4.9406564584124654e-324, 2.2250738585072009e-308,
        0.3, 2.0 / 3.0, 9007199254740993.0, 0.000123456, 999999.5, 1e15 + 0.3,
    };
    for (size_t i = 0; i < sizeof vd / sizeof vd[0]; i++) {
        double d = vd[i];
        printf("%%f=[%f] %%e=[%e] %%g=[%g]\n", d, d, d);
        printf("  %%a=[%a] %%A=[%A] %%.17g=[%.17g] %%10.3f=[%10.3f] %%-12.4e=[%-12.4e|] %%+.0f=[%+.0f] %%#g=[%#g] %%.0e=[%.0e]\n",
               d, d, d, d, d, d, d, d);
    }
    volatile float vf[] = {0.1f, 1.0f / 3.0f, FLT_MAX, FLT_MIN, 1e-45f, 16777217.0f};
    for (size_t i = 0; i < sizeof vf / sizeof vf[0]; i++) {
        float f = vf[i];
        printf("float: %%.9g=[%.9g] %%a=[%a] %%f=[%f]\n", f, f, f);
    }

    volatile double zero = 0.0, one = 1.0;
    double inf = one / zero;
    double nan_ = zero / zero;
    double neg_nan = -nan_;
    printf("inf: [%f] [%e] [%g] [%a] [%F] [%E] [%G] [%10f] [%-10f|] [%+f]\n",
           inf, inf, inf, inf, inf, inf, inf, inf, inf, inf);
    printf("-inf: [%f] [%e] [%g] [%a] [%010f]\n", -inf, -inf, -inf, -inf, -inf);
    printf("nan: [%f] [%e] [%g] [%a] [%F] [%5.2f]\n", nan_, nan_, nan_, nan_, nan_, nan_);
    printf("-nan: [%f] [%g]\n", neg_nan, neg_nan);
    printf("nan()/NAN: [%f] [%f]\n", nan(""), (double)NAN);
    double negzero = -zero;
    printf("-0.0: [%f] [%e] [%g] [%a] [%.17g] [%+.2f] signbit=%d\n",
           negzero, negzero, negzero, negzero, negzero, negzero, signbit(negzero) != 0);
    printf("rounding: [%.0f] [%.0f] [%.0f] [%.0f] [%.1f] [%.1f] [%.2f] [%.2f]\n",
           0.5, 1.5, 2.5, -0.5, 0.25, 0.35, 1.005, 2.675);
    printf("long double: [%Lf] [%.20Lg] [%La]\n", (long double)1 / 3, (long double)1 / 3,
           (long double)1 / 3);
    printf("many digits: [%.60f]\n", 0.1);
    printf("big: [%.0f]\n", 1e300);
    printf("tiny: [%.30e]\n", 5e-324);
}

static void strtod_tests(void)
{
    const char *inputs[] = {
        "0", "-0", "1", "0.1", "3.14159265358979323846264338327950288",
        "1e308", "1.7976931348623157e308", "1.7976931348623159e308", "1e309",
        "2.2250738585072011e-308", "4.9e-324", "2.4e-324", "2.5e-324", "1e-400",
        "0x1.8p3", "0x1p-1074", "-0x1.fffffffffffffp1023", "inf", "-Infinity", "nan",
        "  +12.5e+2xyz", "9007199254740993", "123456789012345678901234567890",
        ".5", "5.", "e5", "", "0.30000000000000004", "1e-5",
        "2.225073858507201136057409796709131975934819546351645648e-308",
    };
    unsigned long roundtrip_ok = 0;
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        char *end;
        double d = strtod(inputs[i], &end);
        char buf[64];
        snprintf(buf, sizeof buf, "%.17g", d);
        double back = strtod(buf, NULL);
        int same = memcmp(&back, &d, sizeof d) == 0 || (isnan(back) && isnan(d));
        roundtrip_ok += same;
        uint64_t bits;
        memcpy(&bits, &d, sizeof bits);
        printf("strtod(\"%s\") = %s bits=%016llx consumed=%d roundtrip=%s\n", inputs[i], buf,
               (unsigned long long)bits, (int)(end - inputs[i]), same ? "ok" : "BAD");
    }
    float f = strtof("0.1", NULL);
    printf("strtof(0.1)=%a strtof(3.4028236e38)=%g\n", f, strtof("3.4028236e38", NULL));

    /* Shortest round trip for a sweep of values. */
    uint64_t x = 0x123456789abcdefull;
    unsigned long ok = 0, total = 0;
    for (int i = 0; i < 2000; i++) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        uint64_t bits = x;
        if (((bits >> 52) & 0x7ff) == 0x7ff)
            continue; /* skip inf/nan */
        double d;
        memcpy(&d, &bits, sizeof d);
        char buf[64];
        snprintf(buf, sizeof buf, "%.17g", d);
        double back = strtod(buf, NULL);
        total++;
        ok += memcmp(&back, &d, sizeof d) == 0;
    }
    printf("random round trips: %lu/%lu (fixed inputs %lu ok)\n", ok, total, roundtrip_ok);

    char *end;
    long l = strtol("  -0x7fffffffffffffff", &end, 16);
    printf("strtol hex=%ld end=\"%s\"\n", l, end);
    printf("strtol base0 0755=%ld 0x1f=%ld 99=%ld\n", strtol("0755", NULL, 0),
           strtol("0x1f", NULL, 0), strtol("99", NULL, 0));
    printf("strtoull(-1)=%llu atoi(\" 42abc\")=%d\n", strtoull("-1", NULL, 10), atoi(" 42abc"));
}

static void snprintf_tests(void)
{
    char buf[16];
    /* volatile: the truncation is intended, keep -Wformat-truncation quiet. */
    for (volatile size_t size = 0; size <= 12; size += 3) {
        memset(buf, '#', sizeof buf);
        int n = snprintf(buf, size, "abc%d-%s", 12345, "xyz");
        buf[sizeof buf - 1] = 0;
        printf("snprintf(size=%zu) returned %d buf=\"%s\"\n", (size_t)size, n, buf);
    }
    char *s = NULL;
    int n = asprintf(&s, "%s:%08.3f:%-6x|", "asprintf", -3.14159, 0xbeefu);
    printf("asprintf -> %d \"%s\"\n", n, s);
    free(s);
    char big[600];
    n = snprintf(big, sizeof big, "%500.400f", 1.0 / 7);
    printf("wide: n=%d first=%.10s last=%s\n", n, big + 90, big + 490);
}

int main(void)
{
    ints();
    floats();
    strtod_tests();
    snprintf_tests();
    return 0;
}
