/* musl's mallocng under churn (it grows with brk and mmap, returns memory
 * with munmap and madvise, and moves big blocks with mremap), from several
 * threads at once, then stdio: buffering modes, formatted I/O, files,
 * ungetc, fmemopen and open_memstream. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SLOTS 512

/* A small deterministic generator so every run allocates the same sizes. */
static uint32_t next_random(uint32_t *state)
{
    *state = *state * 1103515245u + 12345u;
    return *state >> 8;
}

static size_t pick_size(uint32_t *state)
{
    uint32_t r = next_random(state);
    switch (r % 8) {
    case 0: return 200000 + r % 300000; /* mmap-served */
    case 1: return 4096 + r % 60000;
    default: return 1 + r % 600;
    }
}

static uint8_t fill_byte(size_t slot, size_t size)
{
    return (uint8_t)(slot * 31 + size);
}

static unsigned long churn(uint32_t seed, int rounds)
{
    void *block[SLOTS] = { 0 };
    size_t size[SLOTS] = { 0 };
    unsigned long bad = 0;
    uint32_t state = seed;
    for (int i = 0; i < rounds; i++) {
        size_t slot = next_random(&state) % SLOTS;
        if (block[slot]) {
            const uint8_t *p = block[slot];
            uint8_t want = fill_byte(slot, size[slot]);
            bad += p[0] != want || p[size[slot] - 1] != want || p[size[slot] / 2] != want;
        }
        if (block[slot] && next_random(&state) % 3 == 0) {
            size_t grown = pick_size(&state);
            uint8_t *p = realloc(block[slot], grown);
            size_t kept = grown < size[slot] ? grown : size[slot];
            uint8_t want = fill_byte(slot, size[slot]);
            bad += p[0] != want || p[kept - 1] != want;
            memset(p, fill_byte(slot, grown), grown);
            block[slot] = p;
            size[slot] = grown;
        } else {
            free(block[slot]);
            size[slot] = pick_size(&state);
            block[slot] = i % 5 == 0 ? calloc(1, size[slot]) : malloc(size[slot]);
            if (i % 5 == 0) bad += ((uint8_t *)block[slot])[size[slot] - 1] != 0;
            memset(block[slot], fill_byte(slot, size[slot]), size[slot]);
        }
    }
    for (int s = 0; s < SLOTS; s++) free(block[s]);
    return bad;
}

static void *churn_thread(void *arg)
{
    return (void *)churn((uint32_t)(uintptr_t)arg, 6000);
}

static void malloc_test(void)
{
    printf("malloc: single thread, %lu corrupted blocks\n", churn(1, 12000));
    pthread_t t[4];
    for (uintptr_t i = 0; i < 4; i++) pthread_create(&t[i], NULL, churn_thread, (void *)(i + 2));
    unsigned long bad = 0;
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(t[i], &r);
        bad += (unsigned long)r;
    }
    printf("malloc: four threads, %lu corrupted blocks\n", bad);
    void *aligned = NULL;
    int err = posix_memalign(&aligned, 65536, 1000);
    printf("posix_memalign(65536): %d, aligned %s\n", err, ((uintptr_t)aligned & 65535) == 0 ? "yes" : "no");
    free(aligned);
    void *big = aligned_alloc(4096, 3 << 20);
    printf("aligned_alloc 3 MiB: %s\n", big && ((uintptr_t)big & 4095) == 0 ? "ok" : "failed");
    free(big);
}

static void stdio_test(void)
{
    char path[] = "/tmp/tsqemu-musl-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w+");
    for (int i = 0; i < 1000; i++) fprintf(f, "line %04d %s %.3f\n", i, i % 2 ? "odd" : "even", i / 7.0);
    fflush(f);
    printf("stdio: wrote %ld bytes\n", ftell(f));
    rewind(f);
    char line[64];
    int lines = 0, odd = 0;
    double last = 0;
    while (fgets(line, sizeof line, f)) {
        int n;
        char kind[8];
        if (sscanf(line, "line %d %7s %lf", &n, kind, &last) == 3) {
            lines++;
            odd += strcmp(kind, "odd") == 0;
        }
    }
    printf("stdio: read %d lines, %d odd, last value %.3f\n", lines, odd, last);
    fseek(f, -20, SEEK_END);
    int c = fgetc(f);
    ungetc('#', f);
    printf("stdio: fgetc %c, after ungetc %c\n", c, fgetc(f));
    fclose(f);
    unlink(path);

    char text[] = "alpha beta gamma";
    FILE *mem = fmemopen(text, strlen(text), "r");
    char word[16];
    int words = 0;
    while (fscanf(mem, "%15s", word) == 1) words++;
    fclose(mem);
    printf("fmemopen: %d words, last %s\n", words, word);

    char *buffer = NULL;
    size_t length = 0;
    FILE *stream = open_memstream(&buffer, &length);
    for (int i = 0; i < 3000; i++) fprintf(stream, "%d,", i);
    fclose(stream);
    printf("open_memstream: %zu bytes, ends with %s\n", length, buffer + length - 5);
    free(buffer);

    printf("printf: [%8.3e] [%-6s] [%+d] [%#x] [%05.1f] [%lld] [%s]\n", 12345.678, "ab", 5, 255, 3.14159,
           -9223372036854775807LL - 1, "\xc3\xa9");
}

int main(void)
{
    malloc_test();
    stdio_test();
    fflush(stdout);
    setvbuf(stdout, NULL, _IOLBF, 0);
    fputs("line-buffered stdout\n", stdout);
    fprintf(stderr, "to stderr\n");
    return 0;
}
