/*
 * bits: 64/32-bit integer operations on volatile inputs, printed in hex.
 * Multiplication (incl. high halves via __int128), signed/unsigned division
 * and remainder by run-time divisors, shifts, rotates, clz/ctz/popcount,
 * byte swaps, bit reversal, 32-bit wraparound, sign/zero extension and
 * add-with-carry.  Division by zero and INT64_MIN / -1 are undefined in C,
 * so the AArch64 behaviour (result 0 / INT64_MIN) is exercised with
 * explicit sdiv/udiv instructions instead (on RISC-V: div/divu/divw, whose
 * quotient by zero is all ones, and rem/remu, whose remainder is the dividend).
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

static volatile uint64_t inputs[] = {
    0, 1, 2, 3, 7, 0xff, 0x8000, 0xffffffff, 0x100000000ull, 0x123456789abcdef0ull,
    0x7fffffffffffffffull, 0x8000000000000000ull, 0xfffffffffffffffful,
    0xdeadbeefcafebabeull, 0x0000000180000001ull, 0xfffffffe00000001ull, 0x5555555555555555ull,
};
#define N (sizeof inputs / sizeof inputs[0])

static uint64_t hash = 0xcbf29ce484222325ull;
static void mix(uint64_t v)
{
    for (int i = 0; i < 8; i++) {
        hash ^= (v >> (8 * i)) & 0xff;
        hash *= 0x100000001b3ull;
    }
}

static uint64_t rotl(uint64_t x, unsigned r) { return (x << r) | (x >> ((64 - r) & 63)); }
static uint64_t rotr(uint64_t x, unsigned r) { return (x >> r) | (x << ((64 - r) & 63)); }
static uint32_t rotr32(uint32_t x, unsigned r) { return (x >> r) | (x << ((32 - r) & 31)); }

static uint64_t reverse_loop(uint64_t x)
{
    uint64_t r = 0;
    for (int i = 0; i < 64; i++) {
        r = (r << 1) | (x & 1);
        x >>= 1;
    }
    return r;
}

#if defined(__riscv)
/* No bit reversal in RV64GC + Zbb: the loop stands in for rbit. */
static uint64_t asm_rbit(uint64_t x)
{
    return reverse_loop(x);
}

static uint64_t asm_clz(uint64_t x)
{
    uint64_t r;
    __asm__(".option push\n.option arch, +zbb\nclz %0, %1\n.option pop" : "=r"(r) : "r"(x));
    return r;
}

static int64_t asm_sdiv(int64_t a, int64_t b)
{
    int64_t r;
    __asm__("div %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}

static uint64_t asm_udiv(uint64_t a, uint64_t b)
{
    uint64_t r;
    __asm__("divu %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}

static int32_t asm_sdiv32(int32_t a, int32_t b)
{
    int32_t r;
    __asm__("divw %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}

static int64_t asm_srem(int64_t a, int64_t b)
{
    int64_t r;
    __asm__("rem %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}

static uint64_t asm_urem(uint64_t a, uint64_t b)
{
    uint64_t r;
    __asm__("remu %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}

static int32_t asm_srem32(int32_t a, int32_t b)
{
    int32_t r;
    __asm__("remw %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}
#else
static uint64_t asm_rbit(uint64_t x)
{
    uint64_t r;
    __asm__("rbit %0, %1" : "=r"(r) : "r"(x));
    return r;
}

static uint64_t asm_clz(uint64_t x)
{
    uint64_t r;
    __asm__("clz %0, %1" : "=r"(r) : "r"(x));
    return r;
}

static int64_t asm_sdiv(int64_t a, int64_t b)
{
    int64_t r;
    __asm__("sdiv %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}

static uint64_t asm_udiv(uint64_t a, uint64_t b)
{
    uint64_t r;
    __asm__("udiv %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}

static int32_t asm_sdiv32(int32_t a, int32_t b)
{
    int32_t r;
    __asm__("sdiv %w0, %w1, %w2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}
#endif

static void per_value(uint64_t a, uint64_t b)
{
    int64_t sa = (int64_t)a, sb = (int64_t)b;
    unsigned __int128 up = (unsigned __int128)a * b;
    __int128 sp = (__int128)sa * sb;
    uint64_t mul = a * b, umulh = (uint64_t)(up >> 64), smulh = (uint64_t)(sp >> 64);
    printf("%016" PRIx64 " %016" PRIx64 ": mul %016" PRIx64 " umulh %016" PRIx64
           " smulh %016" PRIx64 "\n",
           a, b, mul, umulh, smulh);
    mix(mul);
    mix(umulh);
    mix(smulh);
    if (b != 0) {
        uint64_t uq = a / b, ur = a % b;
        printf("  udiv %016" PRIx64 " urem %016" PRIx64, uq, ur);
        mix(uq);
        mix(ur);
        if (!(sa == INT64_MIN && sb == -1)) {
            int64_t sq = sa / sb, sr = sa % sb;
            printf(" sdiv %016" PRIx64 " srem %016" PRIx64, (uint64_t)sq, (uint64_t)sr);
            mix((uint64_t)sq);
            mix((uint64_t)sr);
        }
        printf("\n");
    }
    uint32_t a32 = (uint32_t)a, b32 = (uint32_t)b;
    uint32_t add32 = a32 + b32, sub32 = a32 - b32, mul32 = a32 * b32;
    printf("  32-bit: add %08" PRIx32 " sub %08" PRIx32 " mul %08" PRIx32, add32, sub32, mul32);
    mix(add32 | (uint64_t)sub32 << 32);
    mix(mul32);
    if (b32 != 0) {
        printf(" udiv %08" PRIx32 " urem %08" PRIx32, a32 / b32, a32 % b32);
        mix(a32 / b32);
        if (!((int32_t)a32 == INT32_MIN && (int32_t)b32 == -1)) {
            int32_t q = (int32_t)a32 / (int32_t)b32, r = (int32_t)a32 % (int32_t)b32;
            printf(" sdiv %08" PRIx32 " srem %08" PRIx32, (uint32_t)q, (uint32_t)r);
            mix((uint32_t)q ^ ((uint64_t)(uint32_t)r << 32));
        }
    }
    printf("\n");
    /* add with carry / subtract with borrow through 128-bit arithmetic */
    unsigned __int128 wide = ((unsigned __int128)a << 64 | b) + ((unsigned __int128)b << 64 | a);
    unsigned __int128 diff = ((unsigned __int128)a << 64 | b) - ((unsigned __int128)b << 64 | a);
    printf("  128 add %016" PRIx64 "%016" PRIx64 " sub %016" PRIx64 "%016" PRIx64 "\n",
           (uint64_t)(wide >> 64), (uint64_t)wide, (uint64_t)(diff >> 64), (uint64_t)diff);
    mix((uint64_t)(wide >> 64));
    mix((uint64_t)diff);
    /* comparisons, signed vs unsigned */
    printf("  cmp: ult %d slt %d eq %d ule %d sge %d\n", a < b, sa < sb, a == b, a <= b, sa >= sb);
}

static void unary(uint64_t x)
{
    uint32_t x32 = (uint32_t)x;
    int clz = x ? __builtin_clzll(x) : 64;
    int ctz = x ? __builtin_ctzll(x) : 64;
    int clz32 = x32 ? __builtin_clz(x32) : 32;
    int clrsb = __builtin_clrsbll((long long)x);
    printf("%016" PRIx64 ": clz %2d ctz %2d clz32 %2d cls %2d pop %2d pop32 %2d parity %d\n", x,
           clz, ctz, clz32, clrsb, __builtin_popcountll(x), __builtin_popcount(x32),
           __builtin_parityll(x));
    uint64_t bswap = __builtin_bswap64(x), rev = reverse_loop(x);
    printf("  bswap64 %016" PRIx64 " bswap32 %08" PRIx32 " bswap16 %04x rbit %016" PRIx64
           " rbit(asm) %016" PRIx64 " clz(asm) %" PRIu64 "\n",
           bswap, __builtin_bswap32(x32), __builtin_bswap16((uint16_t)x), rev, asm_rbit(x),
           asm_clz(x));
    printf("  rotl 1 %016" PRIx64 " rotl 13 %016" PRIx64 " rotr 7 %016" PRIx64
           " rotr32 9 %08" PRIx32 "\n",
           rotl(x, 1), rotl(x, 13), rotr(x, 7), rotr32(x32, 9));
    printf("  not %016" PRIx64 " neg %016" PRIx64 " x&-x %016" PRIx64 " x&(x-1) %016" PRIx64
           "\n",
           ~x, -x, x & -x, x & (x - 1));
    /* sign and zero extension */
    printf("  sxtb %016" PRIx64 " sxth %016" PRIx64 " sxtw %016" PRIx64 " uxtb %02x uxth %04x"
           " uxtw %08" PRIx32 "\n",
           (uint64_t)(int64_t)(int8_t)x, (uint64_t)(int64_t)(int16_t)x,
           (uint64_t)(int64_t)(int32_t)x, (unsigned)(uint8_t)x, (unsigned)(uint16_t)x, x32);
    /* bitfield extract / insert patterns */
    uint64_t field = (x >> 13) & 0x3ff;
    int64_t sfield = ((int64_t)(x << 20)) >> 50;
    uint64_t inserted = (x & ~(0xffull << 24)) | ((x & 0xff) << 24);
    printf("  ubfx %03" PRIx64 " sbfx %016" PRIx64 " bfi %016" PRIx64 "\n", field,
           (uint64_t)sfield, inserted);
    mix(bswap ^ rev);
    mix(rotl(x, 13) ^ (uint64_t)clz ^ ((uint64_t)ctz << 8));
    mix(field ^ (uint64_t)sfield ^ inserted);
}

static void shifts(uint64_t x)
{
    volatile unsigned amounts[] = {0, 1, 31, 32, 33, 63};
    printf("%016" PRIx64 " shifts:", x);
    for (size_t i = 0; i < sizeof amounts / sizeof amounts[0]; i++) {
        unsigned s = amounts[i];
        uint64_t l = x << s, r = x >> s, ar = (uint64_t)((int64_t)x >> s);
        printf(" [%u: %" PRIx64 " %" PRIx64 " %" PRIx64 "]", s, l, r, ar);
        mix(l ^ r ^ ar);
        if (s < 32) {
            uint32_t l32 = (uint32_t)x << s, r32 = (uint32_t)x >> s;
            int32_t a32 = (int32_t)(uint32_t)x >> s;
            mix(l32 ^ r32 ^ (uint32_t)a32);
        }
    }
    printf("\n");
}

int main(void)
{
    for (size_t i = 0; i < N; i++)
        for (size_t j = 0; j < N; j += 3)
            per_value(inputs[i], inputs[(i + j) % N]);
    for (size_t i = 0; i < N; i++)
        unary(inputs[i]);
    for (size_t i = 0; i < N; i += 2)
        shifts(inputs[i]);

    volatile int64_t min = INT64_MIN, m1 = -1, zero = 0, seven = 7;
    volatile int32_t min32 = INT32_MIN, m1_32 = -1;
    printf("sdiv(INT64_MIN, -1) = %016" PRIx64 "\n", (uint64_t)asm_sdiv(min, m1));
    printf("sdiv(7, 0) = %016" PRIx64 " udiv(7, 0) = %016" PRIx64 "\n",
           (uint64_t)asm_sdiv(seven, zero), asm_udiv((uint64_t)seven, (uint64_t)zero));
    printf("sdiv32(INT32_MIN, -1) = %08" PRIx32 "\n", (uint32_t)asm_sdiv32(min32, m1_32));
#if defined(__riscv)
    volatile int32_t seven32 = 7, zero32 = 0;
    printf("sdiv32(7, 0) = %08" PRIx32 "\n", (uint32_t)asm_sdiv32(seven32, zero32));
    printf("srem(INT64_MIN, -1) = %016" PRIx64 " srem(7, 0) = %016" PRIx64 " urem(7, 0) = %016" PRIx64 "\n",
           (uint64_t)asm_srem(min, m1), (uint64_t)asm_srem(seven, zero), asm_urem((uint64_t)seven, (uint64_t)zero));
    printf("srem32(INT32_MIN, -1) = %08" PRIx32 " srem32(-7, 0) = %08" PRIx32 "\n",
           (uint32_t)asm_srem32(min32, m1_32), (uint32_t)asm_srem32(-seven32, zero32));
#endif

    /* 32-bit counters wrapping around */
    volatile uint32_t counter = 0xfffffff0u;
    uint32_t c = counter;
    uint64_t wraps = 0;
    for (int i = 0; i < 100; i++) {
        uint32_t prev = c;
        c += 0x01000001u;
        wraps += c < prev;
    }
    printf("32-bit counter: %08" PRIx32 " wraps %" PRIu64 "\n", c, wraps);
    volatile int32_t si = INT32_MAX;
    int64_t widened = (int64_t)si + 1;
    uint32_t wrapped = (uint32_t)si + 1u;
    printf("INT32_MAX+1 as int64 %" PRId64 ", as uint32 %08" PRIx32 " -> int32 %" PRId32 "\n",
           widened, wrapped, (int32_t)wrapped);

    /* A simple 64-bit hash loop (mul/xor/shift heavy). */
    uint64_t h = 0;
    for (uint64_t i = 0; i < 100000; i++) {
        h ^= i * 0x9e3779b97f4a7c15ull;
        h = rotl(h, 27) * 0xbf58476d1ce4e5b9ull;
        h ^= h >> 31;
    }
    printf("hash loop %016" PRIx64 "\n", h);
    mix(h);
    printf("overall %016" PRIx64 "\n", hash);
    return 0;
}
