/*
 * tcpecho: TCP and UDP over loopback inside one program. A forked echo server on an
 * ephemeral port (bind to port 0, getsockname; the port is never printed) serves a
 * client that sends a few hundred kilobytes in uneven pieces and half-closes
 * (`tcpecho ipv6`: the same over IPv6, and UDP over IPv6). Then: a non-blocking connect (EINPROGRESS, POLLOUT, SO_ERROR), a refused
 * connect, MSG_PEEK, socket options, EPIPE with and without SIGPIPE, UDP echo
 * between two sockets with recvfrom addresses, and the answers to calls out of order.
 *
 * For tests with a host program on the other end:
 *   tcpecho serve          listens on 127.0.0.1, says "port N" on stderr, echoes one
 *                          connection until EOF, then prints how many bytes it echoed
 *   tcpecho connect PORT   connects to 127.0.0.1:PORT, sends a line, half-closes and
 *                          prints what comes back
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHECK(what, cond) printf("%-44s %s\n", what, (cond) ? "ok" : "FAILED")

static const char *err(int r)
{
    static char buf[64];
    if (r >= 0) return "0";
    snprintf(buf, sizeof buf, "-1 %s", strerror(errno));
    return buf;
}

#define SHOW(call)                                                                   \
    do {                                                                             \
        long r_ = (call);                                                            \
        if (r_ >= 0) printf("%-46s %ld\n", #call, r_);                              \
        else printf("%-46s %s\n", #call, err(r_));                                  \
    } while (0)

/* A listening socket on loopback, port chosen by the kernel; its address in *sa. */
static int listener(int family, struct sockaddr_storage *sa, socklen_t *len)
{
    int s = socket(family, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    /* the echo server answers at once (accepted sockets inherit the option) */
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    memset(sa, 0, sizeof *sa);
    if (family == AF_INET) {
        struct sockaddr_in *in = (struct sockaddr_in *)sa;
        in->sin_family = AF_INET;
        in->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        *len = sizeof *in;
    } else {
        struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)sa;
        in6->sin6_family = AF_INET6;
        in6->sin6_addr = in6addr_loopback;
        *len = sizeof *in6;
    }
    if (bind(s, (struct sockaddr *)sa, *len) < 0) printf("bind: %s\n", err(-1));
    if (listen(s, 8) < 0) printf("listen: %s\n", err(-1));
    socklen_t got = sizeof *sa;
    getsockname(s, (struct sockaddr *)sa, &got);
    *len = got;
    return s;
}

/* The echo server: each connection echoes until EOF, then closes. */
static void serve(int ls, int conns)
{
    for (int i = 0; i < conns; i++) {
        int c = accept(ls, NULL, NULL);
        if (c < 0) _exit(10);
        int nodelay = 0;
        socklen_t nlen = sizeof nodelay;
        getsockopt(c, IPPROTO_TCP, TCP_NODELAY, &nodelay, &nlen);
        if (!nodelay) _exit(12);
        char buf[3000];
        ssize_t n;
        while ((n = read(c, buf, sizeof buf)) > 0) {
            ssize_t off = 0;
            while (off < n) {
                ssize_t w = write(c, buf + off, n - off);
                if (w <= 0) _exit(11);
                off += w;
            }
        }
        close(c);
    }
    _exit(0);
}

static unsigned char pattern(size_t i)
{
    return (unsigned char)(i * 7 + i / 251);
}

/* Sends `total` bytes in uneven pieces, half-closes, reads the echo back. */
static void echo_client(int family, const struct sockaddr_storage *sa, socklen_t len, size_t total)
{
    int s = socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    printf("connect: %s\n", err(connect(s, (const struct sockaddr *)sa, len)));
    struct sockaddr_storage peer;
    socklen_t plen = sizeof peer;
    getpeername(s, (struct sockaddr *)&peer, &plen);
    CHECK("getpeername is the server", plen == len && memcmp(&peer, sa, len) == 0);
    struct sockaddr_storage me;
    socklen_t mlen = sizeof me;
    getsockname(s, (struct sockaddr *)&me, &mlen);
    CHECK("getsockname family and length", me.ss_family == family && mlen == len);
    int flag = 1;
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &flag, sizeof flag);

    unsigned char *out = malloc(total), *in = malloc(total);
    for (size_t i = 0; i < total; i++) out[i] = pattern(i);
    size_t sent = 0, got = 0;
    size_t piece = 1;
    /* Send and receive in turn so neither side's buffers fill up. */
    while (got < total) {
        if (sent < total) {
            size_t n = piece < total - sent ? piece : total - sent;
            ssize_t w = send(s, out + sent, n, 0);
            if (w <= 0) { printf("send: %s\n", err(-1)); break; }
            sent += w;
            piece = piece * 3 % 4093 + 1;
            if (sent == total) printf("shutdown(SHUT_WR): %s\n", err(shutdown(s, SHUT_WR)));
        }
        while (got < sent) {
            ssize_t r = recv(s, in + got, total - got, 0);
            if (r <= 0) { printf("recv: %s\n", err(r)); goto done; }
            got += r;
        }
    }
done:
    printf("echoed %zu of %zu bytes, %s\n", got, total, memcmp(in, out, total) == 0 ? "identical" : "DIFFERENT");
    char c;
    printf("read after the server closed: %zd\n", read(s, &c, 1));
    close(s);
    free(out);
    free(in);
}

static void echo_test(int family, const char *name)
{
    printf("== %s echo\n", name);
    struct sockaddr_storage sa;
    socklen_t len;
    int ls = listener(family, &sa, &len);
    int acc = -1;
    socklen_t alen = sizeof acc;
    getsockopt(ls, SOL_SOCKET, SO_ACCEPTCONN, &acc, &alen);
    CHECK("SO_ACCEPTCONN on the listener", acc == 1);
    CHECK("bound to a port", (family == AF_INET ? ((struct sockaddr_in *)&sa)->sin_port
                                                  : ((struct sockaddr_in6 *)&sa)->sin6_port) != 0);
    pid_t pid = fork();
    if (pid == 0) serve(ls, 1);
    close(ls);
    echo_client(family, &sa, len, 300000);
    int status;
    waitpid(pid, &status, 0);
    printf("server exit status %d\n", WEXITSTATUS(status));
}

static void nonblocking_connect(void)
{
    printf("== non-blocking connect\n");
    struct sockaddr_storage sa;
    socklen_t len;
    int ls = listener(AF_INET, &sa, &len);
    int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int r = connect(s, (struct sockaddr *)&sa, len);
    CHECK("connect: 0 or EINPROGRESS", r == 0 || errno == EINPROGRESS);
    struct pollfd pfd = {s, POLLOUT, 0};
    printf("poll: %d revents POLLOUT=%d\n", poll(&pfd, 1, 5000), (pfd.revents & POLLOUT) != 0);
    int e = -1;
    socklen_t elen = sizeof e;
    getsockopt(s, SOL_SOCKET, SO_ERROR, &e, &elen);
    printf("SO_ERROR %d\n", e);
    int c = accept4(ls, NULL, NULL, SOCK_NONBLOCK);
    CHECK("accept4(SOCK_NONBLOCK)", c >= 0 && (fcntl(c, F_GETFL) & O_NONBLOCK));
    char buf[16];
    printf("recv on empty non-blocking socket: %s\n", err(recv(c, buf, sizeof buf, 0)));
    send(s, "peekaboo", 8, 0);
    pfd.fd = c;
    pfd.events = POLLIN;
    poll(&pfd, 1, 5000);
    ssize_t n = recv(c, buf, 4, MSG_PEEK);
    printf("MSG_PEEK %zd '%.4s'\n", n, buf);
    n = recv(c, buf, sizeof buf, 0);
    printf("recv %zd '%.*s'\n", n, (int)n, buf);
    close(s);
    close(c);
    close(ls);
}

static void refused(void)
{
    printf("== refused\n");
    struct sockaddr_storage sa;
    socklen_t len;
    int ls = listener(AF_INET, &sa, &len);
    close(ls); /* nothing listens on that port any more */
    int s = socket(AF_INET, SOCK_STREAM, 0);
    printf("connect: %s\n", err(connect(s, (struct sockaddr *)&sa, len)));
    close(s);
}

static volatile int sigpipes;
static void on_pipe(int sig) { (void)sig; sigpipes++; }

static void options_and_epipe(void)
{
    printf("== options\n");
    int s = socket(AF_INET, SOCK_STREAM, 0);
    int v = -1;
    socklen_t l = sizeof v;
    getsockopt(s, SOL_SOCKET, SO_TYPE, &v, &l);
    printf("SO_TYPE %d\n", v);
    getsockopt(s, SOL_SOCKET, SO_DOMAIN, &v, &l);
    printf("SO_DOMAIN %d\n", v);
    getsockopt(s, SOL_SOCKET, SO_PROTOCOL, &v, &l);
    printf("SO_PROTOCOL %d\n", v);
    getsockopt(s, SOL_SOCKET, SO_KEEPALIVE, &v, &l);
    printf("SO_KEEPALIVE %d\n", v);
    v = 1;
    setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, &v, sizeof v);
    getsockopt(s, SOL_SOCKET, SO_KEEPALIVE, &v, &l);
    printf("SO_KEEPALIVE after set %d\n", v);
    v = 5;
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &v, sizeof v);
    getsockopt(s, IPPROTO_TCP, TCP_NODELAY, &v, &l);
    printf("TCP_NODELAY %d\n", v);
    v = 32768;
    setsockopt(s, SOL_SOCKET, SO_RCVBUF, &v, sizeof v);
    getsockopt(s, SOL_SOCKET, SO_RCVBUF, &v, &l);
    printf("SO_RCVBUF after setting 32768: %d\n", v);
    struct linger lg = {1, 3};
    setsockopt(s, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
    memset(&lg, 0, sizeof lg);
    l = sizeof lg;
    getsockopt(s, SOL_SOCKET, SO_LINGER, &lg, &l);
    printf("SO_LINGER %d %d\n", lg.l_onoff, lg.l_linger);
    struct timeval tv = {2, 500000};
    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    memset(&tv, 0, sizeof tv);
    l = sizeof tv;
    getsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, &l);
    printf("SO_RCVTIMEO %ld.%06ld\n", (long)tv.tv_sec, (long)tv.tv_usec);
    l = sizeof v;
    printf("getsockopt on a pipe: %s\n", err(getsockopt(0, SOL_SOCKET, SO_TYPE, &v, &l)));
    char c;
    printf("recv on unconnected TCP: %s\n", err(recv(s, &c, 1, 0)));
    close(s);

    printf("== EPIPE\n");
    struct sockaddr_storage sa;
    socklen_t len;
    int ls = listener(AF_INET, &sa, &len);
    s = socket(AF_INET, SOCK_STREAM, 0);
    connect(s, (struct sockaddr *)&sa, len);
    int c2 = accept(ls, NULL, NULL);
    close(c2);
    close(ls);
    signal(SIGPIPE, on_pipe);
    /* The first write after the peer closed may still go out; later ones fail. */
    int r = 0;
    for (int i = 0; i < 50 && r >= 0; i++) {
        r = send(s, "x", 1, MSG_NOSIGNAL);
        if (r >= 0) usleep(10000);
    }
    printf("send(MSG_NOSIGNAL) to a closed peer: %s, SIGPIPEs %d\n", err(r), sigpipes);
    printf("write to a closed peer: %s, SIGPIPEs %d\n", err(write(s, "x", 1)), sigpipes);
    close(s);
}

static void udp(void)
{
    printf("== UDP\n");
    int a = socket(AF_INET, SOCK_DGRAM, 0), b = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    SHOW(bind(a, (struct sockaddr *)&sa, sizeof sa));
    SHOW(bind(a, (struct sockaddr *)&sa, sizeof sa));
    socklen_t len = sizeof sa;
    getsockname(a, (struct sockaddr *)&sa, &len);
    char buf[64];
    printf("sendto: %zd\n", sendto(b, "datagram one", 12, 0, (struct sockaddr *)&sa, sizeof sa));
    struct sockaddr_in from;
    socklen_t flen = sizeof from;
    ssize_t n = recvfrom(a, buf, sizeof buf, 0, (struct sockaddr *)&from, &flen);
    struct sockaddr_in bname;
    socklen_t blen = sizeof bname;
    getsockname(b, (struct sockaddr *)&bname, &blen);
    printf("recvfrom %zd '%.*s' from the sender: %s\n", n, (int)n, buf,
           flen == sizeof from && from.sin_port == bname.sin_port && from.sin_addr.s_addr == htonl(INADDR_LOOPBACK) ? "yes" : "no");
    sendto(a, "reply, longer than the buffer", 29, 0, (struct sockaddr *)&from, flen);
    n = recv(b, buf, 5, MSG_TRUNC);
    printf("recv(MSG_TRUNC) into 5 bytes: %zd '%.5s'\n", n, buf);
    connect(b, (struct sockaddr *)&sa, sizeof sa);
    printf("send on connected UDP: %zd\n", send(b, "two", 3, 0));
    n = recv(a, buf, sizeof buf, 0);
    printf("recv %zd '%.*s'\n", n, (int)n, buf);
    printf("recv on empty, MSG_DONTWAIT: %s\n", err(recv(a, buf, sizeof buf, MSG_DONTWAIT)));
    close(a);
    close(b);
}

static void udp6(void)
{
    printf("== UDP over IPv6\n");
    char buf[64];
    int a6 = socket(AF_INET6, SOCK_DGRAM, 0), b6 = socket(AF_INET6, SOCK_DGRAM, 0);
    struct sockaddr_in6 sa6 = {.sin6_family = AF_INET6, .sin6_addr = in6addr_loopback};
    SHOW(bind(a6, (struct sockaddr *)&sa6, sizeof sa6));
    socklen_t len = sizeof sa6;
    getsockname(a6, (struct sockaddr *)&sa6, &len);
    SHOW(sendto(b6, "over IPv6", 9, 0, (struct sockaddr *)&sa6, sizeof sa6));
    struct sockaddr_in6 from6;
    socklen_t flen = sizeof from6;
    ssize_t n = recvfrom(a6, buf, sizeof buf, 0, (struct sockaddr *)&from6, &flen);
    char text[64];
    printf("recvfrom %zd '%.*s' from %s, length %u\n", n, (int)n, buf,
           inet_ntop(AF_INET6, &from6.sin6_addr, text, sizeof text), flen);
    close(a6);
    close(b6);
}


static void out_of_order(void)
{
    printf("== out of order\n");
    struct sockaddr_in sa;
    socklen_t len = sizeof sa;
    int ls = socket(AF_INET, SOCK_STREAM, 0);
    getsockname(ls, (struct sockaddr *)&sa, &len);
    printf("unbound: %s:%d length %u\n", inet_ntoa(sa.sin_addr), ntohs(sa.sin_port), len);
    SHOW(listen(ls, 5));
    len = sizeof sa;
    getsockname(ls, (struct sockaddr *)&sa, &len);
    printf("listen picked a port on %s: %d\n", inet_ntoa(sa.sin_addr), sa.sin_port != 0);
    SHOW(connect(ls, (struct sockaddr *)&sa, len));
    SHOW(bind(ls, (struct sockaddr *)&sa, len));
    int c = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in local = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    SHOW(bind(c, (struct sockaddr *)&local, sizeof local));
    socklen_t llen = sizeof local;
    getsockname(c, (struct sockaddr *)&local, &llen);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    SHOW(connect(c, (struct sockaddr *)&sa, sizeof sa));
    SHOW(connect(c, (struct sockaddr *)&sa, sizeof sa));
    struct sockaddr_in after, peer;
    socklen_t alen = sizeof after, plen = sizeof peer;
    getsockname(c, (struct sockaddr *)&after, &alen);
    printf("the client kept its bound port: %d\n", after.sin_port == local.sin_port);
    int a = accept(ls, (struct sockaddr *)&peer, &plen);
    printf("the accepted peer is that port: %d\n", peer.sin_port == local.sin_port);
    struct stat st;
    fstat(a, &st);
    printf("S_ISSOCK %d\n", S_ISSOCK(st.st_mode));
    SHOW(shutdown(a, 7));
    SHOW(accept(c, NULL, NULL));
    int u = socket(AF_INET, SOCK_DGRAM, 0);
    SHOW(send(u, "x", 1, 0));
    SHOW(listen(u, 1));
    int sv[2];
    SHOW(socketpair(AF_INET, SOCK_STREAM, 0, sv));
    SHOW(send(c, "hello", 5, 0));
    struct pollfd pfd = {a, POLLIN, 0};
    SHOW(poll(&pfd, 1, 5000));
    char b[4];
    SHOW(recv(a, b, 4, MSG_WAITALL));
    int n = -1;
    SHOW(ioctl(a, FIONREAD, &n));
    printf("FIONREAD %d\n", n);
    SHOW(recv(a, b, 4, MSG_DONTWAIT));
    struct timeval tv = {0, 100000};
    setsockopt(a, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    SHOW(recv(a, b, 4, 0));
    close(c);
    SHOW(recv(a, b, 4, 0));
    SHOW(shutdown(ls, SHUT_RD));
    SHOW(accept(ls, NULL, NULL));
    close(a);
    close(u);
    close(ls);
}

static int serve_host(void)
{
    struct sockaddr_storage sa;
    socklen_t len;
    int ls = listener(AF_INET, &sa, &len);
    fprintf(stderr, "port %d\n", ntohs(((struct sockaddr_in *)&sa)->sin_port));
    int c = accept(ls, NULL, NULL);
    if (c < 0) return 1;
    char buf[4096];
    ssize_t n;
    size_t total = 0;
    while ((n = read(c, buf, sizeof buf)) > 0) {
        if (write(c, buf, n) != n) return 2;
        total += n;
    }
    close(c);
    printf("echoed %zu bytes\n", total);
    return 0;
}

static int connect_host(int port)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (connect(s, (struct sockaddr *)&sa, sizeof sa) < 0) {
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
    if (argc > 1 && strcmp(argv[1], "serve") == 0) return serve_host();
    if (argc > 2 && strcmp(argv[1], "connect") == 0) return connect_host(atoi(argv[2]));
    if (argc > 1 && strcmp(argv[1], "ipv6") == 0) {
        // Apart: a machine (a container) may have no IPv6 loopback address.
        echo_test(AF_INET6, "IPv6");
        udp6();
        return 0;
    }
    echo_test(AF_INET, "IPv4");
    nonblocking_connect();
    refused();
    options_and_epipe();
    udp();
    out_of_order();
    return 0;
}
