/* Threads meeting process boundaries: robust mutexes whose owner thread or
 * process died, fork from a threaded process, exit() and execve from a
 * non-main thread (the others end with it), and a main thread that leaves with
 * pthread_exit. With the argument "robust" only the robust mutexes, whose
 * owner thread, then owner process, died: the kernel walks the dead owner's
 * robust list, which qemu-user does not do (it hangs there), so that part has
 * no qemu golden. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static void robust_process_test(void)
{
    pthread_mutex_t *m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
    pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
    pthread_mutex_init(m, &a);
    pid_t pid = fork();
    if (pid == 0) { pthread_mutex_lock(m); _exit(0); }
    waitpid(pid, NULL, 0);
    int r = pthread_mutex_lock(m);
    printf("robust pshared after owner process died: %s\n", r == EOWNERDEAD ? "EOWNERDEAD" : strerror(r));
    if (r == EOWNERDEAD) pthread_mutex_consistent(m);
    pthread_mutex_unlock(m);
}

/* A robust priority-inheritance mutex whose owner process dies while we wait in LOCK_PI. */
static void robust_pi_process_test(void)
{
    pthread_mutex_t *m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
    pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
    pthread_mutexattr_setprotocol(&a, PTHREAD_PRIO_INHERIT);
    pthread_mutex_init(m, &a);
    pid_t pid = fork();
    if (pid == 0) {
        pthread_mutex_lock(m);
        usleep(20000);
        _exit(0);
    }
    usleep(5000);
    int r = pthread_mutex_lock(m);
    printf("robust PI pshared, owner process died while we waited: %s\n", r == EOWNERDEAD ? "EOWNERDEAD" : strerror(r));
    waitpid(pid, NULL, 0);
}

static void *robust_thread(void *arg) { pthread_mutex_lock(arg); return NULL; }

static void robust_thread_test(void)
{
    static pthread_mutex_t m;
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
    pthread_mutex_init(&m, &a);
    pthread_t t; pthread_create(&t, NULL, robust_thread, &m); pthread_join(t, NULL);
    int r = pthread_mutex_lock(&m);
    printf("robust after owner thread exited: %s\n", r == EOWNERDEAD ? "EOWNERDEAD" : strerror(r));
}

static void *sleeper(void *arg)
{
    (void)arg;
    for (;;) pause();
    return NULL;
}

static void fork_in_threads_test(void)
{
    pthread_t t[3];
    for (int i = 0; i < 3; i++) pthread_create(&t[i], NULL, sleeper, NULL);
    pid_t pid = fork();
    if (pid == 0) {
        pthread_t c; int ok = pthread_create(&c, NULL, robust_thread, &(pthread_mutex_t){0}) == 0 && pthread_join(c, NULL) == 0;
        printf("child of a threaded parent can make threads: %s\n", ok ? "yes" : "no");
        exit(4);
    }
    int st; waitpid(pid, &st, 0);
    printf("fork from threaded process: child exit %d\n", WEXITSTATUS(st));
}

static void *exit_from_thread(void *arg) { (void)arg; usleep(10000); exit(6); }

static void *exec_from_thread(void *arg) { char *args[] = { arg, "after-exec", NULL }; usleep(10000); execv(arg, args); return NULL; }

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    if (argc > 1 && strcmp(argv[1], "after-exec") == 0) { printf("exec'd from a thread: runs\n"); return 0; }
    if (argc > 1 && strcmp(argv[1], "robust") == 0) {
        robust_thread_test();
        robust_process_test();
        robust_pi_process_test();
        return 0;
    }
    fork_in_threads_test();
    pid_t pid = fork();
    if (pid == 0) {
        pthread_t t; pthread_create(&t, NULL, exit_from_thread, NULL);
        for (;;) pause();
    }
    int st; waitpid(pid, &st, 0);
    printf("exit() from a thread: status %d\n", WEXITSTATUS(st));
    pid = fork();
    if (pid == 0) {
        pthread_t t[2]; pthread_create(&t[0], NULL, exec_from_thread, argv[0]); pthread_create(&t[1], NULL, sleeper, NULL);
        for (;;) pause();
    }
    waitpid(pid, &st, 0);
    printf("execve from a thread: status %d\n", WEXITSTATUS(st));
    pid = fork();
    if (pid == 0) {
        pthread_t t; pthread_create(&t, NULL, exit_from_thread, NULL);
        pthread_exit(NULL);
    }
    waitpid(pid, &st, 0);
    printf("main pthread_exit then thread exit(6): status %d\n", WEXITSTATUS(st));
    return 0;
}
