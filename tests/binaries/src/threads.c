/*
 * threads: pthreads under contention. Four workers increment a mutex-protected
 * counter 1000 times each, ping-pong through a condition variable, add to an atomic,
 * and keep a thread-local tally; the main thread joins them and prints the totals,
 * which do not depend on the interleaving.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#define WORKERS 4
#define ITERATIONS 1000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t turn_changed = PTHREAD_COND_INITIALIZER;
static long counter;
static int turn;
static atomic_long atomic_sum;
static __thread long local_tally;

static void *worker(void *arg)
{
    long id = (long)arg;
    for (int i = 0; i < ITERATIONS; i++) {
        pthread_mutex_lock(&lock);
        counter++;
        pthread_mutex_unlock(&lock);
        atomic_fetch_add(&atomic_sum, id + 1);
        local_tally += id;
    }
    /* take turns in id order: each waits for its turn on the condition variable */
    pthread_mutex_lock(&lock);
    while (turn != id)
        pthread_cond_wait(&turn_changed, &lock);
    printf("worker %ld: local tally %ld\n", id, local_tally);
    fflush(stdout);
    turn++;
    pthread_cond_broadcast(&turn_changed);
    pthread_mutex_unlock(&lock);
    return (void *)(id * 10);
}

int main(void)
{
    pthread_t threads[WORKERS];
    for (long i = 0; i < WORKERS; i++)
        if (pthread_create(&threads[i], NULL, worker, (void *)i) != 0) {
            printf("pthread_create failed\n");
            return 1;
        }
    long joined = 0;
    for (int i = 0; i < WORKERS; i++) {
        void *ret;
        pthread_join(threads[i], &ret);
        joined += (long)ret;
    }
    printf("counter %ld (expected %d)\n", counter, WORKERS * ITERATIONS);
    printf("atomic sum %ld\n", (long)atomic_sum);
    printf("join values %ld\n", joined);
    printf("main local tally %ld\n", local_tally);
    return 0;
}
