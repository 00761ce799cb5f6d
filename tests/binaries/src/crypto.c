/*
 * crypto: SHA-1 and SHA-512 in portable C, and on aarch64 the CRC32, AES, SHA-1,
 * SHA-256 and NEON intrinsics glibc-free code uses (built with +crc+crypto), each
 * printed as hex so every lane and bit is checked.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#if defined(__aarch64__)
#include <arm_acle.h>
#include <arm_neon.h>
#endif

static uint32_t rol32(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }
static uint64_t ror64(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

static void sha1(const uint8_t *msg, size_t len, uint8_t out[20])
{
    uint32_t h[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
    size_t total = ((len + 8) / 64 + 1) * 64;
    for (size_t off = 0; off < total; off += 64) {
        uint8_t block[64];
        for (int i = 0; i < 64; i++) {
            size_t p = off + i;
            block[i] = p < len ? msg[p] : p == len ? 0x80 : 0;
        }
        if (off + 64 == total)
            for (int i = 0; i < 8; i++) block[63 - i] = (uint8_t)(((uint64_t)len * 8) >> (8 * i));
        uint32_t w[80];
        for (int i = 0; i < 16; i++)
            w[i] = (uint32_t)block[4 * i] << 24 | block[4 * i + 1] << 16 | block[4 * i + 2] << 8 | block[4 * i + 3];
        for (int i = 16; i < 80; i++) w[i] = rol32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
        uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
        for (int i = 0; i < 80; i++) {
            uint32_t f, k;
            if (i < 20) { f = (b & c) | (~b & d); k = 0x5a827999; }
            else if (i < 40) { f = b ^ c ^ d; k = 0x6ed9eba1; }
            else if (i < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8f1bbcdc; }
            else { f = b ^ c ^ d; k = 0xca62c1d6; }
            uint32_t t = rol32(a, 5) + f + e + k + w[i];
            e = d; d = c; c = rol32(b, 30); b = a; a = t;
        }
        h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e;
    }
    for (int i = 0; i < 20; i++) out[i] = (uint8_t)(h[i / 4] >> (24 - 8 * (i % 4)));
}

static const uint64_t K512[80] = {
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538,
    0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe,
    0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2, 0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235,
    0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
    0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5, 0x983e5152ee66dfab,
    0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
    0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df, 0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
    0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218,
    0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8, 0x19a4c116b8d2d0c8, 0x1e376c085141ab53,
    0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c,
    0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6,
    0x113f9804bef90dae, 0x1b710b35131c471b, 0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
};

static void sha512(const uint8_t *msg, size_t len, uint8_t out[64])
{
    uint64_t h[8] = {0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
                     0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179};
    size_t total = ((len + 16) / 128 + 1) * 128;
    for (size_t off = 0; off < total; off += 128) {
        uint8_t block[128];
        for (int i = 0; i < 128; i++) {
            size_t p = off + i;
            block[i] = p < len ? msg[p] : p == len ? 0x80 : 0;
        }
        if (off + 128 == total)
            for (int i = 0; i < 8; i++) block[127 - i] = (uint8_t)(((uint64_t)len * 8) >> (8 * i));
        uint64_t w[80];
        for (int i = 0; i < 16; i++) {
            w[i] = 0;
            for (int j = 0; j < 8; j++) w[i] = w[i] << 8 | block[8 * i + j];
        }
        for (int i = 16; i < 80; i++) {
            uint64_t s0 = ror64(w[i - 15], 1) ^ ror64(w[i - 15], 8) ^ (w[i - 15] >> 7);
            uint64_t s1 = ror64(w[i - 2], 19) ^ ror64(w[i - 2], 61) ^ (w[i - 2] >> 6);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        for (int i = 0; i < 80; i++) {
            uint64_t t1 = hh + (ror64(e, 14) ^ ror64(e, 18) ^ ror64(e, 41)) + ((e & f) ^ (~e & g)) + K512[i] + w[i];
            uint64_t t2 = (ror64(a, 28) ^ ror64(a, 34) ^ ror64(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
            hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
        }
        h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
    }
    for (int i = 0; i < 64; i++) out[i] = (uint8_t)(h[i / 8] >> (56 - 8 * (i % 8)));
}

static void hex(const char *label, const void *p, size_t n)
{
    printf("%-14s ", label);
    for (size_t i = 0; i < n; i++) printf("%02x", ((const uint8_t *)p)[i]);
    printf("\n");
}

int main(void)
{
    static uint8_t big[1 << 16];
    for (size_t i = 0; i < sizeof big; i++) big[i] = (uint8_t)(i * 131 + (i >> 7));
    uint8_t d1[20], d5[64];
    sha1((const uint8_t *)"abc", 3, d1);
    hex("sha1(abc)", d1, 20);
    sha1(big, sizeof big, d1);
    hex("sha1(big)", d1, 20);
    sha512((const uint8_t *)"abc", 3, d5);
    hex("sha512(abc)", d5, 64);
    sha512(big, sizeof big, d5);
    hex("sha512(big)", d5, 64);
#if defined(__aarch64__)
    uint32_t crc = 0xffffffff, crcc = 0xffffffff;
    for (size_t i = 0; i < sizeof big; i += 8) {
        uint64_t v;
        memcpy(&v, big + i, 8);
        crc = __crc32d(crc, v);
        crcc = __crc32cd(crcc, v);
    }
    crc = __crc32b(__crc32h(__crc32w(crc, 0x12345678), 0xabcd), 0x7f);
    printf("crc32 %08x crc32c %08x\n", ~crc, ~crcc);

    uint8x16_t state = vld1q_u8(big), key = vld1q_u8(big + 16);
    for (int r = 0; r < 10; r++) state = vaesmcq_u8(vaeseq_u8(state, key));
    hex("aese/aesmc", &state, 16);
    for (int r = 0; r < 10; r++) state = vaesimcq_u8(vaesdq_u8(state, key));
    hex("aesd/aesimc", &state, 16);

    uint32x4_t abcd = vld1q_u32((const uint32_t *)big), msg = vld1q_u32((const uint32_t *)(big + 32));
    uint32_t e = 0xc3d2e1f0;
    uint32x4_t s1c = vsha1cq_u32(abcd, e, msg), s1p = vsha1pq_u32(abcd, e, msg), s1m = vsha1mq_u32(abcd, e, msg);
    hex("sha1c", &s1c, 16);
    hex("sha1p", &s1p, 16);
    hex("sha1m", &s1m, 16);
    printf("sha1h %08x\n", vsha1h_u32(e));
    uint32x4_t efgh = vld1q_u32((const uint32_t *)(big + 64));
    uint32x4_t h1 = vsha256hq_u32(abcd, efgh, msg), h2 = vsha256h2q_u32(abcd, efgh, msg);
    uint32x4_t su0 = vsha256su0q_u32(abcd, msg), su1 = vsha256su1q_u32(abcd, msg, efgh);
    hex("sha256h", &h1, 16);
    hex("sha256h2", &h2, 16);
    hex("sha256su0", &su0, 16);
    hex("sha256su1", &su1, 16);

    uint8x16_t a = vld1q_u8(big + 100), b = vld1q_u8(big + 200);
    uint8x16_t sum = vaddq_u8(a, b), mx = vmaxq_u8(a, b), tbl = vqtbl1q_u8(a, vandq_u8(b, vdupq_n_u8(31)));
    uint16x8_t wide = vmull_u8(vget_low_u8(a), vget_low_u8(b));
    uint32x4_t pairs = vpaddlq_u16(vreinterpretq_u16_u8(a));
    hex("vaddq_u8", &sum, 16);
    hex("vmaxq_u8", &mx, 16);
    hex("vqtbl1q_u8", &tbl, 16);
    hex("vmull_u8", &wide, 16);
    hex("vpaddlq_u16", &pairs, 16);
    printf("vaddvq_u8 %u vmaxvq_u8 %u\n", vaddvq_u8(a), vmaxvq_u8(b));
    float32x4_t f = vcvtq_f32_u32(pairs), g = vsqrtq_f32(vmulq_f32(f, f));
    hex("f32 sqrt", &g, 16);
    poly64_t pa = 0x87654321fedcba98ULL, pb = 0x0123456789abcdefULL;
    poly128_t prod = vmull_p64(pa, pb);
    hex("pmull", &prod, 16);
#endif
    return 0;
}
