/* pthreads as musl implements them, under contention: mutex, condvar,
 * barrier, rwlock, thread-local storage, cancellation at a cancellation point
 * (musl's SIGCANCEL handler looks at the interrupted PC in the signal frame),
 * detached threads and joining 50 threads. */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define WORKERS 8
#define ROUNDS 2000

static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *add_under_mutex(void *arg)
{
    (void)arg;
    for (int i = 0; i < ROUNDS; i++) {
        pthread_mutex_lock(&counter_lock);
        long seen = counter;
        if (i % 64 == 0) sched_yield();
        counter = seen + 1;
        pthread_mutex_unlock(&counter_lock);
    }
    return NULL;
}

static void mutex_test(void)
{
    pthread_t t[WORKERS];
    for (int i = 0; i < WORKERS; i++) pthread_create(&t[i], NULL, add_under_mutex, NULL);
    for (int i = 0; i < WORKERS; i++) pthread_join(t[i], NULL);
    printf("mutex: counter %ld (expected %d)\n", counter, WORKERS * ROUNDS);
}

/* A bounded queue: producers and consumers meet on two condition variables. */
#define QUEUE_SIZE 4
#define ITEMS 500
static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static int queue[QUEUE_SIZE], queue_head, queue_len;

static void *produce(void *arg)
{
    int base = *(int *)arg;
    for (int i = 1; i <= ITEMS; i++) {
        pthread_mutex_lock(&queue_lock);
        while (queue_len == QUEUE_SIZE) pthread_cond_wait(&not_full, &queue_lock);
        queue[(queue_head + queue_len++) % QUEUE_SIZE] = base + i;
        pthread_cond_signal(&not_empty);
        pthread_mutex_unlock(&queue_lock);
    }
    return NULL;
}

static void *consume(void *arg)
{
    long *sum = arg;
    for (int i = 0; i < ITEMS; i++) {
        pthread_mutex_lock(&queue_lock);
        while (queue_len == 0) pthread_cond_wait(&not_empty, &queue_lock);
        *sum += queue[queue_head];
        queue_head = (queue_head + 1) % QUEUE_SIZE;
        queue_len--;
        pthread_cond_signal(&not_full);
        pthread_mutex_unlock(&queue_lock);
    }
    return NULL;
}

static void condvar_test(void)
{
    pthread_t p[2], c[2];
    int bases[2] = { 0, 100000 };
    long sums[2] = { 0, 0 };
    for (int i = 0; i < 2; i++) pthread_create(&c[i], NULL, consume, &sums[i]);
    for (int i = 0; i < 2; i++) pthread_create(&p[i], NULL, produce, &bases[i]);
    for (int i = 0; i < 2; i++) pthread_join(p[i], NULL);
    for (int i = 0; i < 2; i++) pthread_join(c[i], NULL);
    printf("condvar: total %ld\n", sums[0] + sums[1]);
}

static pthread_barrier_t barrier;
static int phase_seen[WORKERS][3];
static int phase;

static void *barrier_worker(void *arg)
{
    int id = (int)(long)arg;
    for (int round = 0; round < 3; round++) {
        phase_seen[id][round] = __atomic_load_n(&phase, __ATOMIC_SEQ_CST);
        if (pthread_barrier_wait(&barrier) == PTHREAD_BARRIER_SERIAL_THREAD)
            __atomic_add_fetch(&phase, 1, __ATOMIC_SEQ_CST);
        pthread_barrier_wait(&barrier);
    }
    return NULL;
}

static void barrier_test(void)
{
    pthread_t t[WORKERS];
    pthread_barrier_init(&barrier, NULL, WORKERS);
    for (long i = 0; i < WORKERS; i++) pthread_create(&t[i], NULL, barrier_worker, (void *)i);
    for (int i = 0; i < WORKERS; i++) pthread_join(t[i], NULL);
    int ok = 1;
    for (int i = 0; i < WORKERS; i++)
        for (int r = 0; r < 3; r++) ok &= phase_seen[i][r] == r;
    pthread_barrier_destroy(&barrier);
    printf("barrier: phases %d, every thread saw each phase: %s\n", phase, ok ? "yes" : "no");
}

static pthread_rwlock_t table_lock = PTHREAD_RWLOCK_INITIALIZER;
static int table[16];
static int torn_reads;

static void *rw_reader(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        pthread_rwlock_rdlock(&table_lock);
        for (int j = 1; j < 16; j++) torn_reads += table[j] != table[0];
        pthread_rwlock_unlock(&table_lock);
    }
    return NULL;
}

static void *rw_writer(void *arg)
{
    (void)arg;
    for (int i = 0; i < 300; i++) {
        pthread_rwlock_wrlock(&table_lock);
        for (int j = 0; j < 16; j++) {
            table[j]++;
            if (j == 8) sched_yield();
        }
        pthread_rwlock_unlock(&table_lock);
    }
    return NULL;
}

static void rwlock_test(void)
{
    pthread_t r[4], w[2];
    for (int i = 0; i < 4; i++) pthread_create(&r[i], NULL, rw_reader, NULL);
    for (int i = 0; i < 2; i++) pthread_create(&w[i], NULL, rw_writer, NULL);
    for (int i = 0; i < 4; i++) pthread_join(r[i], NULL);
    for (int i = 0; i < 2; i++) pthread_join(w[i], NULL);
    printf("rwlock: table[0] %d, torn reads %d\n", table[0], torn_reads);
    printf("rwlock: tryrdlock %d, trywrlock under read %s\n", pthread_rwlock_tryrdlock(&table_lock),
           pthread_rwlock_trywrlock(&table_lock) ? "busy" : "taken");
    pthread_rwlock_unlock(&table_lock);
}

static __thread int tls_value = 7;
static __thread char tls_name[16];
static pthread_key_t key;
static int destructor_calls;

static void count_destructor(void *value)
{
    __atomic_add_fetch(&destructor_calls, 1, __ATOMIC_SEQ_CST);
    free(value);
}

static void *tls_worker(void *arg)
{
    int id = (int)(long)arg;
    int initial = tls_value;
    tls_value = id * 10;
    snprintf(tls_name, sizeof tls_name, "thread-%d", id);
    int *mine = malloc(sizeof *mine);
    *mine = id;
    pthread_setspecific(key, mine);
    sched_yield();
    int ok = tls_value == id * 10 && *(int *)pthread_getspecific(key) == id &&
             strcmp(tls_name, "thread-") > 0;
    return (void *)(long)(ok && initial == 7);
}

static void tls_test(void)
{
    pthread_t t[6];
    pthread_key_create(&key, count_destructor);
    for (long i = 0; i < 6; i++) pthread_create(&t[i], NULL, tls_worker, (void *)(i + 1));
    int good = 0;
    for (int i = 0; i < 6; i++) {
        void *r;
        pthread_join(t[i], &r);
        good += (int)(long)r;
    }
    printf("tls: %d of 6 threads kept their own values, main still %d, destructors %d\n", good, tls_value,
           destructor_calls);
}

static int cleanup_ran;
static int cancel_pipe[2];

static void note_cleanup(void *arg)
{
    (void)arg;
    cleanup_ran = 1;
}

static void *block_in_read(void *arg)
{
    (void)arg;
    char c;
    pthread_cleanup_push(note_cleanup, NULL);
    read(cancel_pipe[0], &c, 1); /* a cancellation point that blocks */
    pthread_cleanup_pop(0);
    return (void *)1;
}

static void *spin_with_testcancel(void *arg)
{
    (void)arg;
    for (;;) pthread_testcancel();
    return NULL;
}

static void *async_disabled(void *arg)
{
    (void)arg;
    int old;
    pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
    usleep(20000);
    pthread_setcancelstate(old, NULL);
    return (void *)2; /* re-enabling is no cancellation point: the thread returns */
}

static void cancel_test(void)
{
    pipe(cancel_pipe);
    pthread_t t;
    void *result;
    pthread_create(&t, NULL, block_in_read, NULL);
    usleep(20000);
    pthread_cancel(t);
    pthread_join(t, &result);
    printf("cancel: blocked read canceled %s, cleanup ran %d\n", result == PTHREAD_CANCELED ? "yes" : "no",
           cleanup_ran);

    pthread_create(&t, NULL, spin_with_testcancel, NULL);
    pthread_cancel(t);
    pthread_join(t, &result);
    printf("cancel: testcancel loop canceled %s\n", result == PTHREAD_CANCELED ? "yes" : "no");

    pthread_create(&t, NULL, async_disabled, NULL);
    pthread_cancel(t);
    pthread_join(t, &result);
    printf("cancel: disabled then re-enabled -> %s\n", result == PTHREAD_CANCELED ? "canceled" : "returned");
    close(cancel_pipe[0]);
    close(cancel_pipe[1]);
}

static pthread_mutex_t cancel_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t never_signaled = PTHREAD_COND_INITIALIZER;
static volatile int spinning;

static void unlock_cancel_lock(void *arg)
{
    (void)arg;
    pthread_mutex_unlock(&cancel_lock);
}

static void *wait_forever_on_condvar(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&cancel_lock);
    pthread_cleanup_push(unlock_cancel_lock, NULL);
    for (;;) pthread_cond_wait(&never_signaled, &cancel_lock);
    pthread_cleanup_pop(1);
    return NULL;
}

static void *sleep_long(void *arg)
{
    (void)arg;
    sleep(100);
    return NULL;
}

/* Asynchronous cancellation: SIGCANCEL interrupts plain computation. */
static void *spin_async(void *arg)
{
    (void)arg;
    pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, NULL);
    for (unsigned long i = 0;; i++) spinning = 1 + (int)(i & 1);
    return NULL;
}

static void cancel_blocked_test(void)
{
    pthread_t t;
    void *result;
    pthread_create(&t, NULL, wait_forever_on_condvar, NULL);
    usleep(20000);
    pthread_cancel(t);
    pthread_join(t, &result);
    int relocked = pthread_mutex_trylock(&cancel_lock) == 0;
    if (relocked) pthread_mutex_unlock(&cancel_lock);
    printf("cancel: condvar waiter canceled %s, mutex released by its cleanup %s\n",
           result == PTHREAD_CANCELED ? "yes" : "no", relocked ? "yes" : "no");

    pthread_create(&t, NULL, sleep_long, NULL);
    usleep(20000);
    pthread_cancel(t);
    pthread_join(t, &result);
    printf("cancel: sleeper canceled %s\n", result == PTHREAD_CANCELED ? "yes" : "no");

    pthread_create(&t, NULL, spin_async, NULL);
    while (!spinning) sched_yield();
    pthread_cancel(t);
    pthread_join(t, &result);
    printf("cancel: asynchronous cancel of a spinning thread %s\n", result == PTHREAD_CANCELED ? "yes" : "no");
}

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int once_runs;
static pthread_spinlock_t spin;
static long spin_counter;
static sem_t tokens;
static int max_holders, holders;

static void run_once(void)
{
    once_runs++;
}

static void *primitives_worker(void *arg)
{
    (void)arg;
    pthread_once(&once, run_once);
    for (int i = 0; i < 500; i++) {
        pthread_spin_lock(&spin);
        spin_counter++;
        pthread_spin_unlock(&spin);
    }
    for (int i = 0; i < 50; i++) {
        sem_wait(&tokens);
        int now = __atomic_add_fetch(&holders, 1, __ATOMIC_SEQ_CST);
        int seen = __atomic_load_n(&max_holders, __ATOMIC_SEQ_CST);
        while (now > seen && !__atomic_compare_exchange_n(&max_holders, &seen, now, 0, __ATOMIC_SEQ_CST,
                                                          __ATOMIC_SEQ_CST)) {
        }
        sched_yield();
        __atomic_sub_fetch(&holders, 1, __ATOMIC_SEQ_CST);
        sem_post(&tokens);
    }
    return NULL;
}

static void primitives_test(void)
{
    pthread_spin_init(&spin, PTHREAD_PROCESS_PRIVATE);
    sem_init(&tokens, 0, 2);
    pthread_t t[6];
    for (int i = 0; i < 6; i++) pthread_create(&t[i], NULL, primitives_worker, NULL);
    for (int i = 0; i < 6; i++) pthread_join(t[i], NULL);
    printf("once: %d run, spinlock counter %ld, semaphore holders at most %s2\n", once_runs, spin_counter,
           max_holders <= 2 ? "<= " : "> ");

    pthread_mutexattr_t attr;
    pthread_mutex_t m;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&m, &attr);
    int a = pthread_mutex_lock(&m), b = pthread_mutex_lock(&m), c = pthread_mutex_unlock(&m);
    int d = pthread_mutex_unlock(&m), e = pthread_mutex_unlock(&m);
    printf("recursive mutex: %d %d %d %d, extra unlock %s\n", a, b, c, d, e == EPERM ? "EPERM" : "other");
    pthread_mutex_destroy(&m);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&m, &attr);
    pthread_mutex_lock(&m);
    printf("errorcheck mutex: relock %s\n", pthread_mutex_lock(&m) == EDEADLK ? "EDEADLK" : "other");
    pthread_mutex_unlock(&m);
    pthread_mutex_destroy(&m);
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_nsec += 20000000;
    if (deadline.tv_nsec >= 1000000000) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000;
    }
    pthread_mutex_lock(&cancel_lock);
    printf("cond_timedwait: %s\n",
           pthread_cond_timedwait(&never_signaled, &cancel_lock, &deadline) == ETIMEDOUT ? "ETIMEDOUT" : "other");
    pthread_mutex_unlock(&cancel_lock);
}

/* PTHREAD_PRIO_INHERIT mutexes go through FUTEX_LOCK_PI and FUTEX_UNLOCK_PI. */
static pthread_mutex_t pi_lock;
static long pi_counter;

static void *add_under_pi_mutex(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&pi_lock);
        long seen = pi_counter;
        if (i % 50 == 0) sched_yield();
        pi_counter = seen + 1;
        pthread_mutex_unlock(&pi_lock);
    }
    return NULL;
}

static void *hold_pi_lock(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&pi_lock);
    usleep(50000);
    pthread_mutex_unlock(&pi_lock);
    return NULL;
}

static void pi_mutex_test(void)
{
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    int err = pthread_mutexattr_setprotocol(&attr, PTHREAD_PRIO_INHERIT);
    pthread_mutex_init(&pi_lock, &attr);
    pthread_t t[4];
    for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, add_under_pi_mutex, NULL);
    for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
    printf("priority-inheritance mutex: setprotocol %d, counter %ld\n", err, pi_counter);
    pthread_t holder;
    pthread_create(&holder, NULL, hold_pi_lock, NULL);
    usleep(10000);
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_nsec += 5000000;
    if (deadline.tv_nsec >= 1000000000) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000;
    }
    int busy = pthread_mutex_trylock(&pi_lock), timed = pthread_mutex_timedlock(&pi_lock, &deadline);
    int waited = pthread_mutex_lock(&pi_lock);
    printf("priority-inheritance mutex held elsewhere: trylock %s, timedlock %s, lock %d\n",
           busy == EBUSY ? "EBUSY" : "other", timed == ETIMEDOUT ? "ETIMEDOUT" : "other", waited);
    pthread_mutex_unlock(&pi_lock);
    pthread_join(holder, NULL);
}

/* A process-shared one in shared memory, contended by three processes. */
static void shared_pi_mutex_test(void)
{
    struct shared {
        pthread_mutex_t lock;
        long counter;
    } *shared = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
    pthread_mutexattr_setprotocol(&attr, PTHREAD_PRIO_INHERIT);
    pthread_mutex_init(&shared->lock, &attr);
    for (int k = 0; k < 3; k++) {
        if (fork() != 0) continue;
        for (int i = 0; i < 1000; i++) {
            pthread_mutex_lock(&shared->lock);
            long seen = shared->counter;
            if (i % 100 == 0) usleep(100);
            shared->counter = seen + 1;
            pthread_mutex_unlock(&shared->lock);
        }
        _exit(0);
    }
    for (int k = 0; k < 3; k++) wait(NULL);
    printf("process-shared priority-inheritance mutex, 3 processes: counter %ld\n", shared->counter);
    munmap(shared, 4096);
}

static int detached_done;

static void *detached_worker(void *arg)
{
    (void)arg;
    __atomic_add_fetch(&detached_done, 1, __ATOMIC_SEQ_CST);
    return NULL;
}

static void detach_test(void)
{
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    for (int i = 0; i < 5; i++) {
        pthread_t t;
        pthread_create(&t, &attr, detached_worker, NULL);
    }
    pthread_t t;
    pthread_create(&t, NULL, detached_worker, NULL);
    pthread_detach(t);
    while (__atomic_load_n(&detached_done, __ATOMIC_SEQ_CST) < 6) usleep(1000);
    pthread_attr_destroy(&attr);
    printf("detach: 6 detached threads ran\n");
}

static void *return_square(void *arg)
{
    long n = (long)arg;
    return (void *)(n * n);
}

static void join50_test(void)
{
    pthread_t t[50];
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 64 * 1024);
    for (long i = 0; i < 50; i++)
        if (pthread_create(&t[i], &attr, return_square, (void *)i) != 0) {
            printf("join50: create %ld failed\n", i);
            exit(1);
        }
    long sum = 0;
    for (int i = 0; i < 50; i++) {
        void *r;
        pthread_join(t[i], &r);
        sum += (long)r;
    }
    pthread_attr_destroy(&attr);
    printf("join50: sum of squares %ld\n", sum);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    mutex_test();
    condvar_test();
    barrier_test();
    rwlock_test();
    tls_test();
    cancel_test();
    cancel_blocked_test();
    primitives_test();
    pi_mutex_test();
    shared_pi_mutex_test();
    detach_test();
    join50_test();
    return 0;
}
