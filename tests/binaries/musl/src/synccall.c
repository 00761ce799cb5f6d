/* musl's __synccall: set*id and setrlimit in a process with threads make every
 * thread run the call itself, each stopped by a real-time signal (SIGSYNCCALL)
 * sent with tkill, whether it is computing or blocked in a read that must
 * restart afterwards. */
#include <pthread.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

static volatile int stop;

static void *spin(void *arg)
{
    (void)arg;
    while (!stop) {
    }
    return NULL;
}

static void *read_one(void *arg)
{
    char c;
    return (void *)read(*(int *)arg, &c, 1);
}

int main(void)
{
    pthread_t t[4];
    int p[2];
    pipe(p);
    pthread_create(&t[0], NULL, spin, NULL);
    pthread_create(&t[1], NULL, spin, NULL);
    pthread_create(&t[2], NULL, read_one, &p[0]);
    pthread_create(&t[3], NULL, read_one, &p[0]);
    usleep(10000);
    printf("setgid: %d\n", setgid(getgid()));
    printf("setuid: %d\n", setuid(getuid()));
    struct rlimit r;
    getrlimit(RLIMIT_NOFILE, &r);
    r.rlim_cur = r.rlim_cur > 200 ? 200 : r.rlim_cur;
    printf("setrlimit: %d\n", setrlimit(RLIMIT_NOFILE, &r));
    stop = 1;
    write(p[1], "xx", 2);
    long bytes = 0;
    for (int i = 0; i < 4; i++) {
        void *result;
        pthread_join(t[i], &result);
        bytes += (long)result;
    }
    printf("the blocked readers restarted and read %ld bytes\n", bytes);
    return 0;
}
