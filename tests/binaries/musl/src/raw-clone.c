/* clone with the flag sets C runtimes use: musl's pthread_create as a raw
 * system call (a thread with its own TLS pointer, parent and child tid words,
 * the child tid cleared and futex-woken at exit; musl 1.2.5's clone() refuses
 * those flags), and through clone(): posix_spawn's CLONE_VM|CLONE_VFORK, a
 * CLONE_VM child process that is not a thread, a plain fork through
 * clone(SIGCHLD), and a child whose exit signal is not SIGCHLD.
 * qemu-user runs CLONE_VM processes as forks, so whether the memory is really
 * shared is left out of the default output (the goldens come from qemu); the
 * argument "shared-memory" prints only that. */
#define _GNU_SOURCE

#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define STACK_SIZE (64 * 1024)
#define FUTEX_WAIT 0 /* musl ships no <linux/futex.h> */

static volatile int child_tid_word, parent_tid_word, shared_value;
static uintptr_t child_thread_pointer;
static uint64_t fake_tls[64];

static uintptr_t thread_pointer(void)
{
    uintptr_t tp;
#if defined(__aarch64__)
    __asm__ volatile("mrs %0, tpidr_el0" : "=r"(tp));
#elif defined(__riscv)
    __asm__ volatile("mv %0, tp" : "=r"(tp));
#endif
    return tp;
}

/* clone(flags, stack, ptid, tls, ctid), the argument order of both ISAs; the
 * child calls fn(arg) on the new stack and exits the thread. */
long raw_clone(long flags, void *stack, volatile int *ptid, void *tls, volatile int *ctid, int (*fn)(void *),
               void *arg);
#if defined(__aarch64__)
__asm__(".text\n.global raw_clone\nraw_clone:\n"
        "  mov x10, x5\n  mov x11, x6\n  mov x8, #220\n  svc #0\n  cbz x0, 1f\n  ret\n"
        "1: mov x0, x11\n  blr x10\n  mov x8, #93\n  svc #0\n");
#elif defined(__riscv)
__asm__(".text\n.global raw_clone\nraw_clone:\n"
        "  mv t0, a5\n  mv t1, a6\n  li a7, 220\n  ecall\n  beqz a0, 1f\n  ret\n"
        "1: mv a0, t1\n  jalr t0\n  li a7, 93\n  ecall\n");
#endif

/* Runs with a TLS pointer of its own: only raw syscalls, no errno. */
static int thread_body(void *arg)
{
    child_thread_pointer = thread_pointer();
    shared_value = (int)(intptr_t)arg + (syscall(SYS_gettid) != syscall(SYS_getpid));
    return 0;
}

static void thread_clone_test(void)
{
    const int flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM |
                      CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID | CLONE_DETACHED;
    char *stack = malloc(STACK_SIZE);
    child_tid_word = -1;
    int tid = (int)raw_clone(flags, stack + STACK_SIZE, &parent_tid_word, fake_tls, &child_tid_word, thread_body,
                             (void *)100);
    /* CLONE_CHILD_CLEARTID: wait until the kernel zeroes the word at thread exit */
    int seen;
    while ((seen = child_tid_word) != 0)
        syscall(SYS_futex, &child_tid_word, FUTEX_WAIT, seen, NULL);
    printf("thread clone: returned tid %s, parent tid word %s\n", tid > 0 ? "positive" : "not positive",
           parent_tid_word == tid ? "matches" : "differs");
    printf("thread clone: child ran with our TLS pointer %s, got argument 100 and a tid of its own: %s\n",
           child_thread_pointer == (uintptr_t)fake_tls ? "yes" : "no", shared_value == 101 ? "yes" : "no");
    printf("thread clone: not waitable: %d\n", waitpid(tid, NULL, __WALL | WNOHANG) < 0 ? -1 : 0);
    free(stack);
}

static int process_body(void *arg)
{
    shared_value = (int)(intptr_t)arg;
    return 33;
}

static void vm_process_tests(void)
{
    char *stack = malloc(STACK_SIZE);
    int status;

    shared_value = 0;
    int pid = clone(process_body, stack + STACK_SIZE, CLONE_VM | CLONE_VFORK | SIGCHLD, (void *)7);
    waitpid(pid, &status, 0);
    printf("vfork clone: exit status %d\n", WEXITSTATUS(status));

    shared_value = 0;
    pid = clone(process_body, stack + STACK_SIZE, CLONE_VM | SIGCHLD, (void *)8);
    waitpid(pid, &status, 0);
    printf("CLONE_VM process: exit status %d\n", WEXITSTATUS(status));

    shared_value = 0;
    pid = clone(process_body, stack + STACK_SIZE, SIGCHLD, (void *)9);
    waitpid(pid, &status, 0);
    printf("copying clone: our value stays %d, exit status %d\n", shared_value, WEXITSTATUS(status));

    pid = clone(process_body, stack + STACK_SIZE, CLONE_VM | SIGUSR1, (void *)10);
    printf("clone with exit signal SIGUSR1: waitpid without __WCLONE %d\n",
           waitpid(pid, &status, WNOHANG) < 0 ? -1 : 0);
    waitpid(pid, &status, __WCLONE);
    printf("clone with exit signal SIGUSR1: __WCLONE reaps it, status %d\n", WEXITSTATUS(status));
    free(stack);
}

/* What qemu-user gets wrong: a CLONE_VM child writes into its parent's memory. */
static void shared_memory_test(void)
{
    char *stack = malloc(STACK_SIZE);
    shared_value = 0;
    int pid = clone(process_body, stack + STACK_SIZE, CLONE_VM | CLONE_VFORK | SIGCHLD, (void *)7);
    printf("vfork clone: the child's write is seen before waitpid: %d\n", shared_value);
    waitpid(pid, NULL, 0);
    shared_value = 0;
    pid = clone(process_body, stack + STACK_SIZE, CLONE_VM | SIGCHLD, (void *)8);
    waitpid(pid, NULL, 0);
    printf("CLONE_VM process: the child's write is seen: %d\n", shared_value);
    free(stack);
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "shared-memory") == 0) {
        shared_memory_test();
        return 0;
    }
    setvbuf(stdout, NULL, _IONBF, 0);
    signal(SIGUSR1, SIG_IGN);
    thread_clone_test();
    vm_process_tests();
    return 0;
}
