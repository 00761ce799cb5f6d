// Less common Linux calls real programs make: preadv/pwritev and their v2 forms (offset
// -1), splice/tee/vmsplice between pipes and files, personality, capget's version probe,
// membarrier, ioprio, pidfds, POSIX message queues (priorities, limits, a receive that
// waits for a child). qemu 7.2, the oracle, refuses every RWF_* flag and has no
// mq_notify, so those are left to the unit tests.
// Nothing printed depends on the user running it (no privileged calls succeed).
// usage: moresys <tmpdir>
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <linux/membarrier.h>
#include <stdio.h>
#include <string.h>
#include <mqueue.h>
#include <poll.h>
#include <signal.h>
#include <sys/personality.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

static void result(const char *what, long r) {
  if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
  else printf("%s: %ld\n", what, r);
}

static void show_file(const char *what, const char *path) {
  char buf[256];
  int fd = open(path, O_RDONLY);
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  for (ssize_t i = 0; i < n; i++) if (buf[i] == 0) buf[i] = '.';
  buf[n < 0 ? 0 : n] = 0;
  printf("%s: [%s]\n", what, buf);
}

static void show_pipe(const char *what, int fd) {
  char buf[256];
  int flags = fcntl(fd, F_GETFL);
  fcntl(fd, F_SETFL, flags | O_NONBLOCK);
  ssize_t n = read(fd, buf, sizeof buf - 1);
  fcntl(fd, F_SETFL, flags);
  buf[n < 0 ? 0 : n] = 0;
  printf("%s: [%s]\n", what, buf);
}

static void vectored(void) {
  int fd = open("vec", O_RDWR | O_CREAT | O_TRUNC, 0644);
  struct iovec w[2] = { { "hello ", 6 }, { "world", 5 } };
  result("pwritev at 2", pwritev(fd, w, 2, 2));
  result("offset after pwritev", lseek(fd, 0, SEEK_CUR));
  show_file("file", "vec");
  char a[4] = {0}, b[8] = {0};
  struct iovec r[2] = { { a, 3 }, { b, 7 } };
  result("preadv at 4", preadv(fd, r, 2, 4));
  printf("buffers: [%s] [%s]\n", a, b);
  result("preadv at -1", preadv(fd, r, 2, -1));
  result("pwritev2 at -1", pwritev2(fd, w, 1, -1, 0));
  result("offset after pwritev2", lseek(fd, 0, SEEK_CUR));
  show_file("file", "vec");
  lseek(fd, 3, SEEK_SET);
  memset(a, 0, sizeof a);
  memset(b, 0, sizeof b);
  result("preadv2 at -1", preadv2(fd, r, 2, -1, 0));
  printf("buffers: [%s] [%s]\n", a, b);
  result("offset after preadv2", lseek(fd, 0, SEEK_CUR));
  result("preadv2 bad flag", preadv2(fd, r, 2, 0, 0x10000));
  close(fd);

  int p[2];
  pipe(p);
  result("preadv on a pipe", preadv(p[0], r, 1, 0));
  close(p[0]);
  close(p[1]);
}

static void splicing(void) {
  int fd = open("sp", O_RDWR | O_CREAT | O_TRUNC, 0644);
  write(fd, "0123456789", 10);
  int p[2], q[2];
  pipe(p);
  pipe(q);
  loff_t off = 3;
  result("splice file->pipe at 3", splice(fd, &off, p[1], NULL, 4, 0));
  printf("off now %lld, file offset %ld\n", (long long)off, (long)lseek(fd, 0, SEEK_CUR));
  lseek(fd, 0, SEEK_SET);
  result("splice file->pipe at offset", splice(fd, NULL, p[1], NULL, 2, SPLICE_F_MORE));
  result("file offset", lseek(fd, 0, SEEK_CUR));
  result("tee", tee(p[0], q[1], 3, 0));
  show_pipe("tee copy", q[0]);
  int out = open("sp-out", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  result("splice pipe->file", splice(p[0], NULL, out, NULL, 4, SPLICE_F_MOVE));
  result("splice pipe->pipe", splice(p[0], NULL, q[1], NULL, 100, 0));
  show_pipe("second pipe", q[0]);
  show_file("out file", "sp-out");
  result("splice empty NONBLOCK", splice(p[0], NULL, q[1], NULL, 1, SPLICE_F_NONBLOCK));
  result("tee empty NONBLOCK", tee(p[0], q[1], 1, SPLICE_F_NONBLOCK));
  result("splice file->file", splice(fd, NULL, out, NULL, 1, 0));
  result("splice offset on a pipe", splice(p[0], &off, out, NULL, 1, 0));
  result("splice same pipe", splice(p[0], NULL, p[1], NULL, 1, 0));
  result("tee file", tee(fd, q[1], 1, 0));

  struct iovec v[2] = { { "vm", 2 }, { "splice", 6 } };
  result("vmsplice in", vmsplice(p[1], v, 2, 0));
  char got[16] = {0};
  struct iovec g = { got, sizeof got };
  result("vmsplice out", vmsplice(p[0], &g, 1, 0));
  printf("vmsplice read [%s]\n", got);
  result("vmsplice empty NONBLOCK", vmsplice(p[0], &g, 1, SPLICE_F_NONBLOCK));
  close(p[1]);
  result("splice at end of file", splice(p[0], NULL, q[1], NULL, 1, 0));
  close(fd);
  close(out);
}

static void task(void) {
  result("personality query", personality(0xffffffff));
  result("personality set", personality(PER_LINUX | ADDR_NO_RANDOMIZE));
  result("personality query", personality(0xffffffff));
  personality(PER_LINUX);

  struct __user_cap_header_struct h = { 0x12345678, 0 };
  result("capget bad version", syscall(SYS_capget, &h, NULL));
  printf("preferred version %#x\n", h.version);
  h.pid = -1;
  struct __user_cap_data_struct d[2];
  result("capget pid -1", syscall(SYS_capget, &h, d));

  long q = syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);
  printf("membarrier query has private expedited: %d\n", q > 0 && (q & MEMBARRIER_CMD_PRIVATE_EXPEDITED) != 0);
  result("membarrier private unregistered", syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0));
  result("membarrier register", syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0));
  result("membarrier private", syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0));
  result("membarrier global", syscall(SYS_membarrier, MEMBARRIER_CMD_GLOBAL, 0, 0));
  result("membarrier bad flags", syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 1, 0));

  result("ioprio_set BE 5", syscall(SYS_ioprio_set, 1, 0, (2 << 13) | 5));
  result("ioprio_get", syscall(SYS_ioprio_get, 1, 0));
  result("ioprio_set BE 8", syscall(SYS_ioprio_set, 1, 0, (2 << 13) | 8));
  result("ioprio_set class 5", syscall(SYS_ioprio_set, 1, 0, 5 << 13));
  result("ioprio_set IDLE 3", syscall(SYS_ioprio_set, 1, 0, (3 << 13) | 3));
  result("ioprio_get", syscall(SYS_ioprio_get, 1, 0));
  result("ioprio_set bad who", syscall(SYS_ioprio_set, 7, 0, 0));
}

static void pidfds(void) {
  int p[2];
  pipe(p);
  pid_t child = fork();
  if (child == 0) {
    char c;
    read(p[0], &c, 1); // until the parent says
    _exit(7);
  }
  int fd = syscall(SYS_pidfd_open, child, 0);
  printf("pidfd_open ok: %d\n", fd >= 0);
  struct pollfd pfd = { fd, POLLIN, 0 };
  result("poll while running", poll(&pfd, 1, 0));
  result("pidfd_send_signal 0", syscall(SYS_pidfd_send_signal, fd, 0, NULL, 0));
  result("pidfd_send_signal thread", syscall(SYS_pidfd_send_signal, fd, 0, NULL, 1));
  result("pidfd_send_signal two scopes", syscall(SYS_pidfd_send_signal, fd, 0, NULL, 3));
  result("pidfd_send_signal bad flags", syscall(SYS_pidfd_send_signal, fd, 0, NULL, 8));
  int theirs = syscall(SYS_pidfd_getfd, fd, p[1], 0);
  printf("pidfd_getfd ok: %d\n", theirs >= 0);
  write(theirs, "x", 1);
  result("poll after exit", poll(&pfd, 1, 5000));
  printf("revents %#x\n", pfd.revents);
  siginfo_t si;
  memset(&si, 0, sizeof si);
  result("waitid P_PIDFD", waitid(P_PIDFD, fd, &si, WEXITED));
  printf("child status %d code %d\n", si.si_status, si.si_code);
  result("pidfd_send_signal after exit", syscall(SYS_pidfd_send_signal, fd, SIGTERM, NULL, 0));
  result("pidfd_open bad flags", syscall(SYS_pidfd_open, getpid(), 1));
  result("read a pidfd", read(fd, &si, 8));
  close(fd);
  close(theirs);
  close(p[0]);
  close(p[1]);
}

static void message_queues(void) {
  char name[64];
  snprintf(name, sizeof name, "/tsqemu-moresys-%d", (int)getpid());
  struct mq_attr attr = { 0, 3, 16, 0, {0} };
  mqd_t q = mq_open(name, O_RDWR | O_CREAT | O_EXCL, 0600, &attr);
  printf("mq_open ok: %d\n", q != (mqd_t)-1);
  result("mq_open O_EXCL again", mq_open(name, O_RDWR | O_CREAT | O_EXCL, 0600, &attr));
  struct mq_attr bad = { 0, 0, 16, 0, {0} };
  result("mq_open bad attr", mq_open("/tsqemu-moresys-bad", O_RDWR | O_CREAT, 0600, &bad));
  result("mq_open missing", mq_open("/tsqemu-moresys-missing", O_RDWR));
  result("mq_send low", mq_send(q, "low", 3, 1));
  result("mq_send high", mq_send(q, "high", 4, 9));
  result("mq_send mid", mq_send(q, "mid", 3, 5));
  result("mq_send too long", mq_send(q, "0123456789abcdefX", 17, 0));
  struct timespec past = { 1, 0 };
  result("mq_timedsend full", mq_timedsend(q, "x", 1, 0, &past));
  mq_getattr(q, &attr);
  printf("maxmsg %ld msgsize %ld curmsgs %ld\n", attr.mq_maxmsg, attr.mq_msgsize, attr.mq_curmsgs);
  char buf[16];
  unsigned prio;
  char small[4];
  result("mq_receive small buffer", mq_receive(q, small, sizeof small, &prio));
  for (int i = 0; i < 3; i++) {
    ssize_t n = mq_receive(q, buf, sizeof buf, &prio);
    printf("received %.*s prio %u\n", (int)n, buf, prio);
  }
  struct mq_attr nb = { O_NONBLOCK, 0, 0, 0, {0} }, old;
  mq_setattr(q, &nb, &old);
  printf("old flags %ld\n", old.mq_flags);
  result("mq_receive empty nonblock", mq_receive(q, buf, sizeof buf, &prio));
  nb.mq_flags = 0;
  mq_setattr(q, &nb, NULL);
  result("mq_timedreceive past", mq_timedreceive(q, buf, sizeof buf, &prio, &past));
  fflush(stdout);
  pid_t child = fork();
  if (child == 0) {
    mqd_t c = mq_open(name, O_WRONLY);
    usleep(20000);
    mq_send(c, "from child", 10, 3);
    _exit(0);
  }
  ssize_t n = mq_receive(q, buf, sizeof buf, &prio); // waits for the child
  printf("blocking receive: %.*s prio %u\n", (int)n, buf, prio);
  waitpid(child, NULL, 0);
  result("mq_unlink", mq_unlink(name));
  result("mq_unlink again", mq_unlink(name));
  result("mq_send after unlink", mq_send(q, "still", 5, 0));
  mq_close(q);
}

int main(int argc, char **argv) {
  if (argc < 2 || chdir(argv[1]) != 0) return 2;
  setvbuf(stdout, NULL, _IOLBF, 0);
  vectored();
  splicing();
  task();
  pidfds();
  message_queues();
  return 0;
}
