/*
 * unixsock: Unix-domain sockets. A socketpair (stream and datagram), an fd passed over
 * it with SCM_RIGHTS (a pipe's write end, used by the receiver after the sender closed
 * its copy), a server bound to a path in a temporary directory that a forked client
 * connects to by name, an abstract-namespace name, datagrams between bound sockets
 * with the sender's address, and the errors: a name in use, a path nobody listens on.
 *
 * For tests with a host program on the other end:
 *   unixsock --serve PATH    binds PATH, says "listening" on stderr, echoes one
 *                            connection until EOF, then prints how many bytes it echoed
 *   unixsock --connect PATH  connects to PATH, sends a line, half-closes and prints
 *                            what comes back
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *err(long r)
{
    static char buf[64];
    if (r >= 0) return "0";
    snprintf(buf, sizeof buf, "-1 %s", strerror(errno));
    return buf;
}

static void pair_stream(void)
{
    printf("== socketpair(SOCK_STREAM)\n");
    int sv[2];
    printf("socketpair: %s\n", err(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
    write(sv[0], "hello ", 6);
    write(sv[0], "there", 5);
    char buf[32];
    ssize_t n = read(sv[1], buf, sizeof buf);
    printf("read %zd '%.*s'\n", n, (int)n, buf);
    struct sockaddr_un name;
    socklen_t len = sizeof name;
    getsockname(sv[0], (struct sockaddr *)&name, &len);
    printf("getsockname length %u family %d\n", len, name.sun_family);
    len = sizeof name;
    getpeername(sv[0], (struct sockaddr *)&name, &len);
    printf("getpeername length %u\n", len);
    struct ucred cred;
    socklen_t clen = sizeof cred;
    getsockopt(sv[1], SOL_SOCKET, SO_PEERCRED, &cred, &clen);
    printf("SO_PEERCRED: length %u, our pid %d, our uid %d\n", clen, cred.pid == getpid(), cred.uid == getuid());
    shutdown(sv[0], SHUT_WR);
    printf("read after the peer's SHUT_WR: %zd\n", read(sv[1], buf, sizeof buf));
    printf("write the other way still works: %zd\n", write(sv[1], "back", 4));
    n = read(sv[0], buf, sizeof buf);
    printf("read %zd '%.*s'\n", n, (int)n, buf);
    close(sv[1]);
    struct pollfd pfd = {sv[0], POLLIN | POLLOUT, 0};
    poll(&pfd, 1, 0);
    printf("poll after the peer closed: IN %d HUP %d\n", !!(pfd.revents & POLLIN), !!(pfd.revents & POLLHUP));
    printf("write to the closed peer (MSG_NOSIGNAL): %s\n", err(send(sv[0], "x", 1, MSG_NOSIGNAL)));
    close(sv[0]);
}

static void pass_fd(void)
{
    printf("== SCM_RIGHTS\n");
    int sv[2], p[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    pipe(p);
    char data = 'F';
    struct iovec iov = {&data, 1};
    union {
        struct cmsghdr hdr;
        char buf[CMSG_SPACE(sizeof(int))];
    } ctl;
    memset(&ctl, 0, sizeof ctl);
    struct msghdr msg = {0};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = ctl.buf;
    msg.msg_controllen = sizeof ctl.buf;
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &p[1], sizeof(int));
    printf("sendmsg: %zd\n", sendmsg(sv[0], &msg, 0));
    close(p[1]); /* the fd in flight keeps the pipe's write end open */

    char got = 0;
    union {
        struct cmsghdr hdr;
        char buf[CMSG_SPACE(sizeof(int))];
    } rctl;
    memset(&rctl, 0, sizeof rctl);
    struct iovec riov = {&got, 1};
    struct msghdr rmsg = {0};
    rmsg.msg_iov = &riov;
    rmsg.msg_iovlen = 1;
    rmsg.msg_control = rctl.buf;
    rmsg.msg_controllen = sizeof rctl.buf;
    ssize_t n = recvmsg(sv[1], &rmsg, MSG_CMSG_CLOEXEC);
    struct cmsghdr *rc = CMSG_FIRSTHDR(&rmsg);
    printf("recvmsg %zd '%c', flags %d, controllen %zu\n", n, got, rmsg.msg_flags, (size_t)rmsg.msg_controllen);
    if (rc && rc->cmsg_level == SOL_SOCKET && rc->cmsg_type == SCM_RIGHTS && rc->cmsg_len == CMSG_LEN(sizeof(int))) {
        int fd;
        memcpy(&fd, CMSG_DATA(rc), sizeof fd);
        printf("received an fd, close-on-exec %d\n", (fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0);
        printf("write through it: %zd\n", write(fd, "via passed fd", 13));
        close(fd);
        char buf[32];
        n = read(p[0], buf, sizeof buf);
        printf("the pipe read %zd '%.*s'\n", n, (int)n, buf);
        printf("then EOF: %zd\n", read(p[0], buf, sizeof buf));
    } else {
        printf("no SCM_RIGHTS message\n");
    }

    /* No room for the fd: MSG_CTRUNC, and the fd is not installed. */
    int q[2];
    pipe(q);
    memcpy(CMSG_DATA(c), &q[0], sizeof(int));
    sendmsg(sv[0], &msg, 0);
    rmsg.msg_control = NULL;
    rmsg.msg_controllen = 0;
    n = recvmsg(sv[1], &rmsg, 0);
    printf("recvmsg without control room: %zd, MSG_CTRUNC %d\n", n, (rmsg.msg_flags & MSG_CTRUNC) != 0);
    close(q[0]);
    close(q[1]);
    close(p[0]);
    close(sv[0]);
    close(sv[1]);
}

static void pair_dgram(void)
{
    printf("== socketpair(SOCK_DGRAM)\n");
    int sv[2];
    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    send(sv[0], "one", 3, 0);
    send(sv[0], "two!", 4, 0);
    send(sv[0], "", 0, 0);
    char buf[16];
    for (int i = 0; i < 3; i++) {
        ssize_t n = recv(sv[1], buf, 2, 0);
        printf("recv into 2 bytes: %zd '%.*s'\n", n, (int)n, buf);
    }
    send(sv[1], "peeked", 6, 0);
    ssize_t n = recv(sv[0], buf, sizeof buf, MSG_PEEK);
    printf("MSG_PEEK %zd, then recv %zd\n", n, recv(sv[0], buf, sizeof buf, 0));
    printf("recv on empty, MSG_DONTWAIT: %s\n", err(recv(sv[0], buf, sizeof buf, MSG_DONTWAIT)));
    int type = 0;
    socklen_t tl = sizeof type;
    getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &type, &tl);
    printf("SO_TYPE %d\n", type);
    /* readv takes one message, spread over its buffers */
    send(sv[1], "first message", 13, 0);
    send(sv[1], "second", 6, 0);
    char a[4], b[32];
    struct iovec io[2] = {{a, sizeof a}, {b, sizeof b}};
    n = readv(sv[0], io, 2);
    printf("readv %zd '%.4s' '%.*s'\n", n, a, (int)(n - 4), b);
    n = readv(sv[0], io, 2);
    printf("readv %zd '%.4s'\n", n, a);
    close(sv[0]);
    close(sv[1]);
}

static void many_messages(void)
{
    printf("== sendmmsg and recvmmsg\n");
    int sv[2];
    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    struct mmsghdr m[4];
    struct iovec io[4];
    char bufs[4][16];
    const char *words[] = {"alpha", "beta", "gamma"};
    memset(m, 0, sizeof m);
    for (int i = 0; i < 3; i++) {
        io[i].iov_base = (void *)words[i];
        io[i].iov_len = strlen(words[i]);
        m[i].msg_hdr.msg_iov = &io[i];
        m[i].msg_hdr.msg_iovlen = 1;
    }
    printf("sendmmsg %d\n", sendmmsg(sv[0], m, 3, 0));
    memset(m, 0, sizeof m);
    for (int i = 0; i < 4; i++) {
        io[i].iov_base = bufs[i];
        io[i].iov_len = sizeof bufs[i];
        m[i].msg_hdr.msg_iov = &io[i];
        m[i].msg_hdr.msg_iovlen = 1;
    }
    int n = recvmmsg(sv[1], m, 4, MSG_WAITFORONE, NULL);
    printf("recvmmsg(MSG_WAITFORONE) %d\n", n);
    for (int i = 0; i < n; i++) printf("  %u '%.*s'\n", m[i].msg_len, (int)m[i].msg_len, bufs[i]);
    close(sv[0]);
    close(sv[1]);
}

static socklen_t path_address(struct sockaddr_un *sa, const char *path)
{
    memset(sa, 0, sizeof *sa);
    sa->sun_family = AF_UNIX;
    strcpy(sa->sun_path, path);
    return offsetof(struct sockaddr_un, sun_path) + strlen(path) + 1;
}

static void path_server(const char *dir)
{
    printf("== bound to a path\n");
    char path[256];
    snprintf(path, sizeof path, "%s/server.sock", dir);
    struct sockaddr_un sa;
    socklen_t len = path_address(&sa, path);
    int ls = socket(AF_UNIX, SOCK_STREAM, 0);
    printf("bind: %s\n", err(bind(ls, (struct sockaddr *)&sa, len)));
    struct stat st;
    printf("stat: %s, a socket %d\n", err(stat(path, &st)), S_ISSOCK(st.st_mode));
    printf("listen: %s\n", err(listen(ls, 4)));
    int other = socket(AF_UNIX, SOCK_STREAM, 0);
    printf("bind another socket to it: %s\n", err(bind(other, (struct sockaddr *)&sa, len)));
    close(other);

    pid_t pid = fork();
    if (pid == 0) {
        close(ls);
        int s = socket(AF_UNIX, SOCK_STREAM, 0);
        /* relative to the directory, as the client sees it */
        chdir(dir);
        struct sockaddr_un rel;
        socklen_t rlen = path_address(&rel, "server.sock");
        if (connect(s, (struct sockaddr *)&rel, rlen) < 0) _exit(1);
        struct ucred cred;
        socklen_t clen = sizeof cred;
        getsockopt(s, SOL_SOCKET, SO_PEERCRED, &cred, &clen);
        if (cred.pid != getppid()) _exit(2);
        char buf[64];
        ssize_t n = read(s, buf, sizeof buf);
        for (ssize_t i = 0; i < n; i++) buf[i] = buf[i] >= 'a' && buf[i] <= 'z' ? buf[i] - 32 : buf[i];
        write(s, buf, n);
        close(s);
        _exit(0);
    }
    struct sockaddr_un peer;
    socklen_t plen = sizeof peer;
    int c = accept(ls, (struct sockaddr *)&peer, &plen);
    printf("accept: %s, peer address length %u\n", err(c), plen);
    struct sockaddr_un me;
    socklen_t mlen = sizeof me;
    getsockname(c, (struct sockaddr *)&me, &mlen);
    printf("accepted socket's name is the path: %d\n", mlen == len && strcmp(me.sun_path, path) == 0);
    struct ucred cred;
    socklen_t clen = sizeof cred;
    getsockopt(c, SOL_SOCKET, SO_PEERCRED, &cred, &clen);
    printf("SO_PEERCRED is the client: %d\n", cred.pid == pid);
    write(c, "shout this", 10);
    char buf[64];
    ssize_t n = read(c, buf, sizeof buf);
    printf("reply %zd '%.*s'\n", n, (int)n, buf);
    int status;
    waitpid(pid, &status, 0);
    printf("client exit status %d\n", WEXITSTATUS(status));
    close(c);
    close(ls);
    int stale = socket(AF_UNIX, SOCK_STREAM, 0);
    printf("the file stays after close: %d\n", stat(path, &st) == 0 && S_ISSOCK(st.st_mode));
    printf("connect to it: %s\n", err(connect(stale, (struct sockaddr *)&sa, len)));
    close(stale);
    unlink(path);

    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    printf("connect to the removed path: %s\n", err(connect(s, (struct sockaddr *)&sa, len)));
    close(s);
}

#define SHOW(call)                                                                   \
    do {                                                                             \
        long r_ = (call);                                                            \
        if (r_ >= 0) printf("%-56s %ld\n", #call, r_);                              \
        else printf("%-56s %s\n", #call, err(r_));                                  \
    } while (0)

static void path_dgram(const char *dir)
{
    printf("== datagrams on paths\n");
    char p1[256], p2[256];
    snprintf(p1, sizeof p1, "%s/d1", dir);
    snprintf(p2, sizeof p2, "%s/d2", dir);
    struct sockaddr_un u1, u2;
    socklen_t l1 = path_address(&u1, p1), l2 = path_address(&u2, p2);
    int x = socket(AF_UNIX, SOCK_DGRAM, 0), y = socket(AF_UNIX, SOCK_DGRAM, 0);
    SHOW(bind(x, (struct sockaddr *)&u1, l1));
    SHOW(bind(y, (struct sockaddr *)&u2, l2));
    SHOW(connect(y, (struct sockaddr *)&u1, l1));
    SHOW(send(y, "path dgram", 10, 0));
    char buf[64];
    struct sockaddr_un from;
    socklen_t flen = sizeof from;
    SHOW(recvfrom(x, buf, sizeof buf, 0, (struct sockaddr *)&from, &flen));
    printf("from the second path: %d, its length %d\n", strcmp(from.sun_path, p2) == 0, flen == l2);
    SHOW(sendto(x, "back", 4, 0, (struct sockaddr *)&from, flen));
    SHOW(recv(y, buf, sizeof buf, 0));
    int z = socket(AF_UNIX, SOCK_STREAM, 0);
    SHOW(connect(z, (struct sockaddr *)&u1, l1));
    close(z);
    close(x);
    SHOW(send(y, "gone", 4, 0));
    close(y);
    unlink(p1);
    unlink(p2);
}

static void abstract_names(void)
{
    printf("== abstract names\n");
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    const char name[] = "\0tsqemu-unixsock-test";
    memcpy(sa.sun_path, name, sizeof name - 1);
    socklen_t len = offsetof(struct sockaddr_un, sun_path) + sizeof name - 1;
    int a = socket(AF_UNIX, SOCK_DGRAM, 0), b = socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    printf("bind: %s\n", err(bind(a, (struct sockaddr *)&sa, len)));
    printf("bind the same name again: %s\n", err(bind(b, (struct sockaddr *)&sa, len)));
    printf("sendto from an unbound socket: %zd\n", sendto(b, "anon", 4, 0, (struct sockaddr *)&sa, len));
    char buf[32];
    struct sockaddr_un from;
    socklen_t flen = sizeof from;
    ssize_t n = recvfrom(a, buf, sizeof buf, 0, (struct sockaddr *)&from, &flen);
    printf("recvfrom %zd '%.*s', address length %u\n", n, (int)n, buf, flen);
    struct sockaddr_un me;
    socklen_t mlen = sizeof me;
    getsockname(a, (struct sockaddr *)&me, &mlen);
    printf("getsockname length %u, same name %d\n", mlen, mlen == len && memcmp(me.sun_path, name, sizeof name - 1) == 0);
    /* bind with just the family: an automatic abstract name */
    struct sockaddr_un autoname = {.sun_family = AF_UNIX};
    printf("autobind: %s\n", err(bind(b, (struct sockaddr *)&autoname, sizeof(sa_family_t))));
    mlen = sizeof me;
    getsockname(b, (struct sockaddr *)&me, &mlen);
    printf("autobound name length %u, abstract %d\n", mlen, me.sun_path[0] == 0);
    sendto(b, "named", 5, 0, (struct sockaddr *)&sa, len);
    flen = sizeof from;
    n = recvfrom(a, buf, sizeof buf, 0, (struct sockaddr *)&from, &flen);
    printf("recvfrom %zd '%.*s', from the autobound name %d\n", n, (int)n, buf,
           flen == mlen && memcmp(&from, &me, mlen) == 0);
    sendto(a, "answer", 6, 0, (struct sockaddr *)&from, flen);
    n = recv(b, buf, sizeof buf, 0);
    printf("reply %zd '%.*s'\n", n, (int)n, buf);

    int l = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
    SHOW(bind(l, (struct sockaddr *)&sa, len));
    SHOW(listen(l, 0));
    SHOW(accept(l, NULL, NULL) >= 0);
    int c1 = socket(AF_UNIX, SOCK_STREAM, 0);
    SHOW(connect(c1, (struct sockaddr *)&sa, len));
    struct sockaddr_un pn;
    socklen_t pnl = sizeof pn;
    SHOW(getpeername(c1, (struct sockaddr *)&pn, &pnl));
    printf("the stream's peer is the abstract name: %d\n", pnl == len && memcmp(pn.sun_path, name, sizeof name - 1) == 0);
    SHOW(accept(l, NULL, NULL) >= 0);
    close(c1);
    close(l);

    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    sa.sun_path[1] = 'X';
    printf("connect to an unbound abstract name: %s\n", err(connect(s, (struct sockaddr *)&sa, len)));
    close(s);
    close(a);
    close(b);
}

static int serve_host(const char *path)
{
    struct sockaddr_un sa;
    socklen_t len = path_address(&sa, path);
    int ls = socket(AF_UNIX, SOCK_STREAM, 0);
    if (bind(ls, (struct sockaddr *)&sa, len) < 0 || listen(ls, 1) < 0) return 1;
    fprintf(stderr, "listening\n");
    int c = accept(ls, NULL, NULL);
    if (c < 0) return 2;
    char buf[4096];
    ssize_t n;
    size_t total = 0;
    while ((n = read(c, buf, sizeof buf)) > 0) {
        if (write(c, buf, n) != n) return 3;
        total += n;
    }
    close(c);
    close(ls);
    printf("echoed %zu bytes\n", total);
    return 0;
}

static int connect_host(const char *path)
{
    struct sockaddr_un sa;
    socklen_t len = path_address(&sa, path);
    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    if (connect(s, (struct sockaddr *)&sa, len) < 0) {
        printf("connect: %s\n", err(-1));
        return 1;
    }
    const char line[] = "hello from the guest\n";
    send(s, line, sizeof line - 1, 0);
    shutdown(s, SHUT_WR);
    char buf[4096];
    ssize_t n;
    while ((n = read(s, buf, sizeof buf)) > 0) fwrite(buf, 1, n, stdout);
    close(s);
    return 0;
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    signal(SIGPIPE, SIG_IGN);
    if (argc > 2 && strcmp(argv[1], "--serve") == 0) return serve_host(argv[2]);
    if (argc > 2 && strcmp(argv[1], "--connect") == 0) return connect_host(argv[2]);
    pair_stream();
    pass_fd();
    pair_dgram();
    many_messages();
    if (argc > 1) path_server(argv[1]);
    if (argc > 1) path_dgram(argv[1]);
    abstract_names();
    return 0;
}
