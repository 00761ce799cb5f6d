/*
 * malloc: deterministic malloc/calloc/realloc/free stress, including large
 * (mmap-backed, > 1 MiB) blocks.  Every block is filled with a pattern
 * derived from its id and verified before it is resized or freed, so heap
 * corruption shows up as a mismatch count.  Only checksums are printed,
 * never addresses.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 512
#define OPS 6000

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint64_t rng(void)
{
    /* xorshift64* */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1Dull;
}

struct slot {
    unsigned char *p;
    size_t size;
    uint32_t id;
};

static struct slot slots[SLOTS];
static unsigned long mismatches;
static uint64_t checksum;

static unsigned char pattern(uint32_t id, size_t i)
{
    return (unsigned char)(id * 131u + (uint32_t)i * 7u + (uint32_t)(i >> 8));
}

/* Large blocks are filled sparsely (every 4 KiB, plus the ends) to keep the
 * run time modest; small blocks are filled completely. */
static size_t stride_for(size_t size)
{
    return size > 65536 ? 4093 : 1;
}

static void fill(struct slot *s, size_t from)
{
    size_t step = stride_for(s->size);
    for (size_t i = from; i < s->size; i += step)
        s->p[i] = pattern(s->id, i);
    if (s->size > from)
        s->p[s->size - 1] = pattern(s->id, s->size - 1);
}

/* Check the first `upto` bytes of a block that was filled (by fill) when it
 * had `filled_size` bytes. */
static void verify(const struct slot *s, size_t filled_size, size_t upto)
{
    size_t step = stride_for(filled_size);
    for (size_t i = 0; i < upto; i += step) {
        if (s->p[i] != pattern(s->id, i))
            mismatches++;
        checksum = checksum * 1099511628211ull + s->p[i];
    }
    if (upto == filled_size && upto > 0 && s->p[upto - 1] != pattern(s->id, upto - 1))
        mismatches++;
}

static size_t random_size(void)
{
    uint64_t r = rng();
    switch (r % 64) {
    case 0:
        return 1024 * 1024 + (size_t)(rng() % (3 * 1024 * 1024)); /* > 1 MiB */
    case 1: case 2: case 3:
        return 4096 + (size_t)(rng() % 200000);
    case 4: case 5: case 6: case 7: case 8: case 9:
        return (size_t)(rng() % 4096);
    default:
        return 1 + (size_t)(rng() % 256);
    }
}

int main(void)
{
    uint32_t next_id = 1;
    unsigned long n_malloc = 0, n_calloc = 0, n_realloc = 0, n_free = 0;
    unsigned long n_large = 0, calloc_nonzero = 0, align_bad = 0;

    for (int op = 0; op < OPS; op++) {
        struct slot *s = &slots[rng() % SLOTS];
        unsigned kind = (unsigned)(rng() % 10);
        if (s->p == NULL) {
            size_t size = random_size();
            if (size > 1024 * 1024)
                n_large++;
            if (kind < 3) {
                s->p = calloc(1, size);
                n_calloc++;
                size_t step = stride_for(size);
                for (size_t i = 0; i < size; i += step)
                    calloc_nonzero += s->p[i] != 0;
                calloc_nonzero += s->p[size - 1] != 0;
            } else {
                s->p = malloc(size);
                n_malloc++;
            }
            if (s->p == NULL) {
                printf("allocation of %zu bytes failed\n", size);
                return 1;
            }
            if ((uintptr_t)s->p % 16 != 0)
                align_bad++;
            s->size = size;
            s->id = next_id++;
            fill(s, 0);
        } else if (kind < 4) {
            /* realloc: grow or shrink, keeping the common prefix. */
            size_t new_size = random_size();
            size_t keep = new_size < s->size ? new_size : s->size;
            if (new_size > 1024 * 1024)
                n_large++;
            unsigned char *q = realloc(s->p, new_size);
            if (q == NULL) {
                printf("realloc to %zu bytes failed\n", new_size);
                return 1;
            }
            n_realloc++;
            if ((uintptr_t)q % 16 != 0)
                align_bad++;
            s->p = q;
            /* The old pattern must survive in the kept prefix. */
            verify(s, s->size, keep);
            s->size = new_size;
            s->id = next_id++;
            fill(s, 0);
        } else {
            verify(s, s->size, s->size);
            free(s->p);
            n_free++;
            s->p = NULL;
            s->size = 0;
        }
    }

    /* Free everything that is left, verifying it. */
    for (int i = 0; i < SLOTS; i++) {
        if (slots[i].p) {
            verify(&slots[i], slots[i].size, slots[i].size);
            free(slots[i].p);
            n_free++;
        }
    }

    /* A few special cases. */
    void *z = malloc(0);
    printf("malloc(0) returns %s\n", z ? "non-NULL" : "NULL");
    free(z);
    free(NULL);
    void *r = realloc(NULL, 100);
    printf("realloc(NULL, 100) returns %s\n", r ? "non-NULL" : "NULL");
    memset(r, 0x5a, 100);
    free(r);
    /* volatile: keep the compiler from diagnosing the impossible sizes. */
    volatile size_t huge = (size_t)1 << 62, half = (size_t)1 << 40;
    void *big = malloc(huge);
    printf("malloc(1<<62) returns %s\n", big ? "non-NULL" : "NULL");
    void *c = calloc(half, half);
    printf("calloc overflow returns %s\n", c ? "non-NULL" : "NULL");

    /* Many small blocks in a linked list. */
    struct node { struct node *next; uint64_t v; } *head = NULL;
    for (uint64_t i = 0; i < 20000; i++) {
        struct node *nd = malloc(sizeof *nd);
        nd->v = i * i;
        nd->next = head;
        head = nd;
    }
    uint64_t list_sum = 0;
    while (head) {
        struct node *nx = head->next;
        list_sum += head->v;
        free(head);
        head = nx;
    }

    printf("malloc=%lu calloc=%lu realloc=%lu free=%lu large=%lu\n",
           n_malloc, n_calloc, n_realloc, n_free, n_large);
    printf("blocks created=%u\n", next_id - 1);
    printf("mismatches=%lu calloc_nonzero=%lu misaligned=%lu\n",
           mismatches, calloc_nonzero, align_bad);
    printf("checksum=%016llx\n", (unsigned long long)checksum);
    printf("list sum=%llu\n", (unsigned long long)list_sum);
    return 0;
}
