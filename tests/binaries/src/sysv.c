// System V IPC across fork: a shared memory segment both processes write, semaphores
// the child waits on (blocking semop) and posts with SEM_UNDO, message queues with
// types, IPC_NOWAIT, MSG_NOERROR and a blocking msgrcv, and the *ctl commands.
// Only IPC_PRIVATE objects, all removed at the end (the oracle uses the host's IPC).
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

union semun { int val; struct semid_ds *buf; unsigned short *array; };

struct text_msg { long mtype; char mtext[32]; };

static void result(const char *what, long r) {
  if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
  else printf("%s: %ld\n", what, r);
}

static int sem(int id, int num, int op, int flags) {
  struct sembuf b = { (unsigned short)num, (short)op, (short)flags };
  return semop(id, &b, 1);
}

static void shared_memory(void) {
  int id = shmget(IPC_PRIVATE, 10000, IPC_CREAT | 0600);
  int sems = semget(IPC_PRIVATE, 2, IPC_CREAT | 0600);
  char *mem = shmat(id, NULL, 0);
  printf("shmat ok: %d\n", mem != (void *)-1);
  strcpy(mem, "parent wrote this");
  struct shmid_ds ds;
  shmctl(id, IPC_STAT, &ds);
  printf("segsz %zu nattch %lu mode %o\n", ds.shm_segsz, (unsigned long)ds.shm_nattch, ds.shm_perm.mode & 0777);
  fflush(stdout);
  pid_t child = fork();
  if (child == 0) {
    sem(sems, 0, -1, 0); // waits for the parent
    printf("child sees: %s\n", mem);
    strcpy(mem + 5000, "child wrote this");
    shmdt(mem);
    sem(sems, 1, 1, 0);
    fflush(stdout);
    _exit(0);
  }
  shmctl(id, IPC_STAT, &ds);
  printf("nattch after fork %lu\n", (unsigned long)ds.shm_nattch);
  printf("waiters on 0: %d\n", semctl(sems, 0, GETNCNT) >= 0);
  sem(sems, 0, 1, 0);
  sem(sems, 1, -1, 0); // waits for the child
  printf("parent sees: %s\n", mem + 5000);
  waitpid(child, NULL, 0);
  shmctl(id, IPC_STAT, &ds);
  printf("nattch after child %lu\n", (unsigned long)ds.shm_nattch);
  result("shmctl IPC_RMID", shmctl(id, IPC_RMID, NULL));
  printf("still readable after RMID: %s\n", mem);
  result("shmdt", shmdt(mem));
  result("shmdt again", shmdt(mem));
  result("shmctl after last detach", shmctl(id, IPC_STAT, &ds));
  result("shmat removed id", shmat(id, NULL, 0) == (void *)-1 ? -1 : 0);
  semctl(sems, 0, IPC_RMID);
}

static void semaphores(void) {
  int id = semget(IPC_PRIVATE, 3, IPC_CREAT | 0600);
  unsigned short init[3] = { 1, 2, 3 }, got[3];
  union semun arg = { .array = init };
  result("SETALL", semctl(id, 0, SETALL, arg));
  struct sembuf two[2] = { { 0, -1, 0 }, { 1, -5, IPC_NOWAIT } };
  result("semop all-or-nothing", semop(id, two, 2));
  result("GETVAL 0 unchanged", semctl(id, 0, GETVAL));
  arg.val = 7;
  result("SETVAL", semctl(id, 2, SETVAL, arg));
  result("semop too big", sem(id, 2, 32767, 0));
  result("semop bad num", sem(id, 9, 1, 0));
  result("wait-for-zero NOWAIT", sem(id, 0, 0, IPC_NOWAIT));
  struct timespec ts = { 0, 20000000 };
  struct sembuf dec = { 1, -3, 0 };
  result("semtimedop timeout", semtimedop(id, &dec, 1, &ts));
  fflush(stdout);
  pid_t child = fork();
  if (child == 0) {
    sem(id, 1, 5, SEM_UNDO); // undone when the child ends
    _exit(0);
  }
  waitpid(child, NULL, 0);
  arg.array = got;
  semctl(id, 0, GETALL, arg);
  printf("after SEM_UNDO child: %d %d %d\n", got[0], got[1], got[2]);
  struct semid_ds ds;
  arg.buf = &ds;
  semctl(id, 0, IPC_STAT, arg);
  printf("nsems %lu mode %o\n", (unsigned long)ds.sem_nsems, ds.sem_perm.mode & 0777);
  result("IPC_RMID", semctl(id, 0, IPC_RMID));
  result("GETVAL after RMID", semctl(id, 0, GETVAL));
}

static void messages(void) {
  int id = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
  struct text_msg m;
  const char *texts[] = { "three", "one", "two" };
  long types[] = { 3, 1, 2 };
  for (int i = 0; i < 3; i++) {
    m.mtype = types[i];
    strcpy(m.mtext, texts[i]);
    msgsnd(id, &m, strlen(texts[i]) + 1, 0);
  }
  struct msqid_ds ds;
  msgctl(id, IPC_STAT, &ds);
  printf("qnum %lu cbytes %lu\n", (unsigned long)ds.msg_qnum, (unsigned long)ds.__msg_cbytes);
  long n = msgrcv(id, &m, sizeof m.mtext, 2, 0);
  printf("type 2: %ld %ld %s\n", n, m.mtype, m.mtext);
  n = msgrcv(id, &m, sizeof m.mtext, -5, 0);
  printf("lowest <= 5: %ld %ld %s\n", n, m.mtype, m.mtext);
  result("too small", msgrcv(id, &m, 2, 0, IPC_NOWAIT));
  n = msgrcv(id, &m, 2, 0, MSG_NOERROR);
  printf("truncated: %ld %ld %.2s\n", n, m.mtype, m.mtext);
  result("empty NOWAIT", msgrcv(id, &m, sizeof m.mtext, 0, IPC_NOWAIT));
  m.mtype = 0;
  result("type 0 send", msgsnd(id, &m, 1, 0));
  fflush(stdout);
  pid_t child = fork();
  if (child == 0) {
    struct text_msg r;
    long k = msgrcv(id, &r, sizeof r.mtext, 9, 0); // waits for the parent
    printf("child got: %ld %ld %s\n", k, r.mtype, r.mtext);
    r.mtype = 10;
    strcpy(r.mtext, "reply");
    msgsnd(id, &r, 6, 0);
    fflush(stdout);
    _exit(0);
  }
  usleep(20000);
  m.mtype = 9;
  strcpy(m.mtext, "ping");
  msgsnd(id, &m, 5, 0);
  n = msgrcv(id, &m, sizeof m.mtext, 10, 0);
  printf("parent got: %ld %ld %s\n", n, m.mtype, m.mtext);
  waitpid(child, NULL, 0);
  result("IPC_RMID", msgctl(id, IPC_RMID, NULL));
  result("msgsnd after RMID", msgsnd(id, &m, 1, 0));
}

int main(void) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  shared_memory();
  semaphores();
  messages();
  return 0;
}
