/*
 * strings: glibc string/memory routines on every alignment 0..15 and
 * length 0..70, so that the SIMD implementations' head/tail handling and
 * page-crossing paths are all exercised.  Results (lengths, offsets of
 * returned pointers, signs of comparisons) are folded into checksums per
 * function; no addresses are printed.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define MAXLEN 70
#define ALIGNS 16
#define BUF 256

static unsigned char src_area[BUF] __attribute__((aligned(64)));
static unsigned char dst_area[BUF] __attribute__((aligned(64)));
static unsigned char ref_area[BUF] __attribute__((aligned(64)));

struct sum {
    const char *name;
    uint64_t h;
    unsigned long calls, errors;
};

static void add(struct sum *s, int64_t v)
{
    s->h = (s->h ^ (uint64_t)v) * 0x100000001b3ull;
    s->h ^= s->h >> 29;
    s->calls++;
}

static int sign(int v) { return (v > 0) - (v < 0); }

static int64_t off(const void *p, const void *base)
{
    return p ? (const unsigned char *)p - (const unsigned char *)base : -1;
}

/* Deterministic non-zero filler. */
static void fill(unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(1 + (seed * 37 + i * 11 + (i >> 3)) % 250);
}

static struct sum s_strlen = {"strlen", 0, 0, 0}, s_strnlen = {"strnlen", 0, 0, 0},
                  s_memcpy = {"memcpy", 0, 0, 0}, s_memmove = {"memmove", 0, 0, 0},
                  s_memset = {"memset", 0, 0, 0}, s_memcmp = {"memcmp", 0, 0, 0},
                  s_strcmp = {"strcmp", 0, 0, 0}, s_strncmp = {"strncmp", 0, 0, 0},
                  s_strchr = {"strchr", 0, 0, 0}, s_strrchr = {"strrchr", 0, 0, 0},
                  s_memchr = {"memchr", 0, 0, 0}, s_memrchr = {"memrchr", 0, 0, 0},
                  s_strstr = {"strstr", 0, 0, 0}, s_strcpy = {"strcpy", 0, 0, 0},
                  s_stpcpy = {"stpcpy", 0, 0, 0}, s_strcat = {"strcat", 0, 0, 0},
                  s_strdup = {"strdup", 0, 0, 0}, s_strspn = {"strspn/strcspn", 0, 0, 0},
                  s_rawmemchr = {"rawmemchr", 0, 0, 0}, s_strchrnul = {"strchrnul", 0, 0, 0};

static void test_lengths(void)
{
    for (int a = 0; a < ALIGNS; a++) {
        for (int n = 0; n <= MAXLEN; n++) {
            unsigned char *s = src_area + a;
            memset(src_area, 0, BUF);
            fill(s, (size_t)n, (unsigned)(a + n));
            s[n] = 0;
            size_t len = strlen((char *)s);
            add(&s_strlen, (int64_t)len);
            if (len != (size_t)n)
                s_strlen.errors++;
            for (int lim = 0; lim <= n + 2; lim += 5) {
                size_t l2 = strnlen((char *)s, (size_t)lim);
                add(&s_strnlen, (int64_t)l2);
                if (l2 != (size_t)(lim < n ? lim : n))
                    s_strnlen.errors++;
            }

            /* strchr / strrchr / memchr / memrchr / rawmemchr / strchrnul */
            int targets[] = {s[0], n > 0 ? s[n / 2] : 'x', n > 0 ? s[n - 1] : 'y', 0, 255};
            for (size_t t = 0; t < sizeof targets / sizeof targets[0]; t++) {
                int c = targets[t];
                add(&s_strchr, off(strchr((char *)s, c), s));
                add(&s_strrchr, off(strrchr((char *)s, c), s));
                add(&s_memchr, off(memchr(s, c, (size_t)n), s));
                add(&s_memrchr, off(memrchr(s, c, (size_t)n), s));
                add(&s_strchrnul, off(strchrnul((char *)s, c), s));
                if (c == 0 || memchr(s, c, (size_t)n + 1))
                    add(&s_rawmemchr, off(rawmemchr(s, c), s));
                const char *p = strchr((char *)s, c);
                if (p && *p != (char)c)
                    s_strchr.errors++;
            }
        }
    }
}

static void test_copies(void)
{
    for (int sa = 0; sa < ALIGNS; sa++) {
        for (int da = 0; da < ALIGNS; da += 3) {
            for (int n = 0; n <= MAXLEN; n++) {
                unsigned char *s = src_area + sa, *d = dst_area + da;
                fill(src_area, BUF, (unsigned)n);
                memset(dst_area, 0xee, BUF);
                memcpy(d, s, (size_t)n);
                int ok = memcmp(d, s, (size_t)n) == 0 && (da == 0 || d[-1] == 0xee) &&
                         d[n] == 0xee;
                if (!ok)
                    s_memcpy.errors++;
                add(&s_memcpy, d[n / 2] + (int64_t)n);

                /* memset with a few values */
                memset(dst_area, 0x11, BUF);
                memset(d, n & 0xff, (size_t)n);
                size_t bad = 0;
                for (int i = 0; i < n; i++)
                    bad += d[i] != (n & 0xff);
                bad += d[n] != 0x11;
                if (da > 0)
                    bad += d[-1] != 0x11;
                s_memset.errors += bad != 0;
                add(&s_memset, (int64_t)bad * 1000 + d[n] * 7 + n);

                /* overlapping memmove in both directions within one buffer */
                fill(ref_area, BUF, (unsigned)(sa + da + n));
                memcpy(dst_area, ref_area, BUF);
                int shift = da - sa; /* may be negative */
                unsigned char *from = dst_area + 80, *to = dst_area + 80 + shift;
                memmove(to, from, (size_t)n);
                /* build the expected result by hand */
                unsigned char expect[BUF];
                memcpy(expect, ref_area, BUF);
                for (int i = 0; i < n; i++)
                    expect[80 + shift + i] = ref_area[80 + i];
                if (memcmp(expect, dst_area, BUF) != 0)
                    s_memmove.errors++;
                add(&s_memmove, (int64_t)dst_area[80 + n / 2] * 3 + shift);

                /* strcpy / stpcpy / strcat */
                memset(src_area, 0, BUF);
                fill(s, (size_t)n, (unsigned)(n + 1));
                s[n] = 0;
                memset(dst_area, 0x77, BUF);
                char *r = strcpy((char *)d, (char *)s);
                if (r != (char *)d || strcmp((char *)d, (char *)s) != 0 || d[n + 1] != 0x77)
                    s_strcpy.errors++;
                add(&s_strcpy, (int64_t)strlen((char *)d) * 256 + d[n / 2]);
                memset(dst_area, 0x77, BUF);
                char *e = stpcpy((char *)d, (char *)s);
                if (e != (char *)d + n)
                    s_stpcpy.errors++;
                add(&s_stpcpy, off(e, d) * 256 + (n > 0 ? (unsigned char)e[-1] : 0));
                if (n < 40) {
                    strcpy((char *)d, "prefix-");
                    strcat((char *)d, (char *)s);
                    add(&s_strcat, (int64_t)strlen((char *)d));
                    if (strlen((char *)d) != (size_t)n + 7 || memcmp(d + 7, s, (size_t)n) != 0)
                        s_strcat.errors++;
                }
            }
        }
    }
}

static void test_compares(void)
{
    for (int sa = 0; sa < ALIGNS; sa++) {
        for (int da = 0; da < ALIGNS; da += 5) {
            for (int n = 0; n <= MAXLEN; n++) {
                unsigned char *x = src_area + sa, *y = dst_area + da;
                memset(src_area, 0, BUF);
                memset(dst_area, 0, BUF);
                fill(x, (size_t)n, 7);
                fill(y, (size_t)n, 7);
                x[n] = y[n] = 0;
                /* equal */
                add(&s_memcmp, sign(memcmp(x, y, (size_t)n)));
                add(&s_strcmp, sign(strcmp((char *)x, (char *)y)));
                add(&s_strncmp, sign(strncmp((char *)x, (char *)y, (size_t)n)));
                if (memcmp(x, y, (size_t)n) != 0 || strcmp((char *)x, (char *)y) != 0)
                    s_memcmp.errors++;
                /* differ at each of a few positions, in both directions, incl. bytes >= 0x80 */
                for (int pos = 0; pos < n; pos += (n / 4) + 1) {
                    unsigned char saved = y[pos];
                    y[pos] = (unsigned char)(x[pos] + 0x80);
                    int m = sign(memcmp(x, y, (size_t)n));
                    int sc = sign(strcmp((char *)x, (char *)y));
                    int snc = sign(strncmp((char *)x, (char *)y, (size_t)pos));
                    int snc2 = sign(strncmp((char *)x, (char *)y, (size_t)pos + 1));
                    int expect = x[pos] < y[pos] ? -1 : 1;
                    if (m != expect || sc != expect || snc != 0 || snc2 != expect)
                        s_strcmp.errors++;
                    add(&s_memcmp, m * (pos + 1));
                    add(&s_strcmp, sc * (pos + 1));
                    add(&s_strncmp, snc * 1000 + snc2 * (pos + 1));
                    y[pos] = saved;
                }
                /* prefix: shorter string compares less */
                if (n > 0) {
                    y[n - 1] = 0;
                    add(&s_strcmp, sign(strcmp((char *)x, (char *)y)));
                    add(&s_strncmp, sign(strncmp((char *)x, (char *)y, (size_t)n + 5)));
                }
            }
        }
    }
}

static void test_search(void)
{
    char hay[160];
    const char *needles[] = {"", "a", "ab", "abc", "abcab", "aab", "bca", "cabcabd",
                             "abcabcabcabcabcabcabcx", "zz", "abcabcabcabcabcabcabcabcabcabcabc"};
    for (int a = 0; a < ALIGNS; a++) {
        for (int n = 0; n <= MAXLEN; n++) {
            char *h = hay + a;
            for (int i = 0; i < n; i++)
                h[i] = "abc"[i % 3];
            if (n > 10)
                h[n - 3] = 'd'; /* "...cabcabd" style near the end */
            h[n] = 0;
            for (size_t k = 0; k < sizeof needles / sizeof needles[0]; k++)
                add(&s_strstr, off(strstr(h, needles[k]), h));
            add(&s_strspn, (int64_t)strspn(h, "ab"));
            add(&s_strspn, (int64_t)strcspn(h, "d"));
            add(&s_strspn, (int64_t)strspn(h, "abc"));
            add(&s_strspn, off(strpbrk(h, "dz"), h));
        }
    }
    /* A long haystack with a late match (two-way algorithm path). */
    char *big = malloc(5000);
    for (int i = 0; i < 4999; i++)
        big[i] = (char)('a' + (i % 7 == 6));
    big[4999] = 0;
    memcpy(big + 4900, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaz", 65);
    char needle[80];
    memset(needle, 'a', 64);
    needle[64] = 'z';
    needle[65] = 0;
    add(&s_strstr, off(strstr(big, needle), big));
    printf("strstr long haystack: match at %lld\n", (long long)off(strstr(big, needle), big));
    free(big);
}

static void test_tokens_and_dup(void)
{
    char text[] = "  alpha,beta;;gamma , delta,,epsilon;zeta  ";
    char *save = NULL;
    int count = 0;
    printf("strtok:");
    for (char *t = strtok(text, " ,;"); t; t = strtok(NULL, " ,;")) {
        printf(" [%s]", t);
        count++;
    }
    printf(" (%d tokens)\n", count);
    char text2[] = "k1=v1&k2=v2&&k3=";
    printf("strtok_r:");
    for (char *t = strtok_r(text2, "&", &save); t; t = strtok_r(NULL, "&", &save)) {
        char *inner = NULL;
        char *k = strtok_r(t, "=", &inner);
        char *v = strtok_r(NULL, "=", &inner);
        printf(" %s->%s", k, v ? v : "(none)");
    }
    printf("\n");
    char *sep = strdup("a:b::c");
    char *cur = sep, *tok;
    printf("strsep:");
    while ((tok = strsep(&cur, ":")) != NULL)
        printf(" [%s]", tok);
    printf("\n");
    free(sep);

    for (int n = 0; n <= MAXLEN; n++) {
        char tmp[MAXLEN + 1];
        fill((unsigned char *)tmp, (size_t)n, 3);
        tmp[n] = 0;
        char *d = strdup(tmp);
        char *nd = strndup(tmp, (size_t)n / 2);
        if (!d || strcmp(d, tmp) != 0 || strlen(nd) != (size_t)n / 2)
            s_strdup.errors++;
        add(&s_strdup, (int64_t)strlen(d) * 100 + (int64_t)strlen(nd));
        free(d);
        free(nd);
    }
}

/* Strings ending right at the end of a mapped page: SIMD routines must not
 * fault by reading past it. */
static void test_page_end(void)
{
    long page = sysconf(_SC_PAGESIZE);
    unsigned char *m = mmap(NULL, (size_t)page * 2, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) {
        printf("mmap failed\n");
        return;
    }
    munmap(m + page, (size_t)page); /* the next page is unmapped */
    uint64_t h = 0;
    for (int n = 0; n <= MAXLEN; n++) {
        unsigned char *s = m + page - n - 1;
        fill(s, (size_t)n, 9);
        s[n] = 0;
        h = h * 31 + strlen((char *)s);
        h = h * 31 + (uint64_t)off(strchr((char *)s, 0), s);
        h = h * 31 + (uint64_t)off(memchr(s, 0, (size_t)n + 1), s);
        h = h * 31 + (uint64_t)off(strrchr((char *)s, s[0]), s);
        h = h * 31 + (uint64_t)(strcmp((char *)s, (char *)s) == 0);
        h = h * 31 + (uint64_t)(memcmp(s, s, (size_t)n + 1) == 0);
        char *copy = strdup((char *)s);
        h = h * 31 + (uint64_t)(strcmp(copy, (char *)s) == 0);
        free(copy);
    }
    munmap(m, (size_t)page);
    printf("page-end checks: %016llx\n", (unsigned long long)h);
}

static void report(const struct sum *s)
{
    printf("%-15s calls=%6lu errors=%lu checksum=%016llx\n", s->name, s->calls, s->errors,
           (unsigned long long)s->h);
}

int main(void)
{
    test_lengths();
    test_copies();
    test_compares();
    test_search();
    test_tokens_and_dup();
    test_page_end();
    const struct sum *all[] = {&s_strlen, &s_strnlen, &s_strchr, &s_strrchr, &s_memchr,
                               &s_memrchr, &s_rawmemchr, &s_strchrnul, &s_memcpy, &s_memmove,
                               &s_memset, &s_strcpy, &s_stpcpy, &s_strcat, &s_memcmp,
                               &s_strcmp, &s_strncmp, &s_strstr, &s_strspn, &s_strdup};
    unsigned long errors = 0;
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        report(all[i]);
        errors += all[i]->errors;
    }
    printf("total errors: %lu\n", errors);
    return errors != 0;
}
