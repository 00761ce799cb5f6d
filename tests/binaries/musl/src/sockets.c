/* Sockets between threads as musl wraps them: a loopback TCP server thread
 * and clients, socketpair datagrams, SO_RCVTIMEO timing out, poll, and
 * pthread_cancel of a thread blocked in accept (a cancellation point). */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

static int listener;

static void *serve_three(void *arg)
{
    (void)arg;
    long total = 0;
    for (int i = 0; i < 3; i++) {
        int c = accept(listener, NULL, NULL);
        char buf[64];
        ssize_t n;
        while ((n = recv(c, buf, sizeof buf, 0)) > 0) {
            total += n;
            send(c, buf, (size_t)n, 0);
        }
        close(c);
    }
    return (void *)total;
}

static void *client(void *arg)
{
    struct sockaddr_in *addr = arg;
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(s, (struct sockaddr *)addr, sizeof *addr) != 0) return (void *)-1L;
    const char *msg = "hello over loopback";
    long echoed = 0;
    for (int i = 0; i < 5; i++) {
        send(s, msg, strlen(msg), 0);
        char buf[64];
        size_t got = 0;
        while (got < strlen(msg)) {
            ssize_t n = recv(s, buf + got, sizeof buf - got, 0);
            if (n <= 0) break;
            got += (size_t)n;
        }
        echoed += memcmp(buf, msg, strlen(msg)) == 0;
    }
    close(s);
    return (void *)echoed;
}

static void tcp_test(struct sockaddr_in *addr)
{
    pthread_t server, clients[3];
    pthread_create(&server, NULL, serve_three, NULL);
    long echoed = 0;
    for (int i = 0; i < 3; i++) {
        /* one at a time: the server serves them in turn */
        void *r;
        pthread_create(&clients[i], NULL, client, addr);
        pthread_join(clients[i], &r);
        echoed += (long)r;
    }
    void *total;
    pthread_join(server, &total);
    printf("tcp: %ld of 15 messages echoed, server received %ld bytes\n", echoed, (long)total);
}

static void *accept_forever(void *arg)
{
    (void)arg;
    accept(listener, NULL, NULL);
    return NULL;
}

static void cancel_accept_test(void)
{
    pthread_t t;
    void *result;
    pthread_create(&t, NULL, accept_forever, NULL);
    usleep(20000);
    pthread_cancel(t);
    pthread_join(t, &result);
    printf("accept: blocked thread canceled %s\n", result == PTHREAD_CANCELED ? "yes" : "no");
}

static void datagram_test(void)
{
    int sv[2];
    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    send(sv[0], "one", 3, 0);
    send(sv[0], "second", 6, 0);
    char buf[16];
    ssize_t a = recv(sv[1], buf, sizeof buf, 0), b = recv(sv[1], buf, sizeof buf, 0);
    printf("socketpair datagrams keep their boundaries: %zd then %zd bytes\n", a, b);
    struct timeval timeout = { 0, 20000 };
    setsockopt(sv[1], SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ssize_t n = recv(sv[1], buf, sizeof buf, 0);
    printf("SO_RCVTIMEO: recv %zd (%s)\n", n, errno == EAGAIN ? "EAGAIN" : strerror(errno));
    struct pollfd pfd = { .fd = sv[1], .events = POLLIN };
    printf("poll with nothing to read: %d\n", poll(&pfd, 1, 10));
    send(sv[0], "x", 1, 0);
    printf("poll after a send: %d, revents POLLIN %s\n", poll(&pfd, 1, 10), pfd.revents & POLLIN ? "yes" : "no");
    close(sv[0]);
    close(sv[1]);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    listener = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t len = sizeof addr;
    bind(listener, (struct sockaddr *)&addr, sizeof addr);
    listen(listener, 4);
    getsockname(listener, (struct sockaddr *)&addr, &len);
    printf("listening on %s, port chosen by the kernel: %s\n", inet_ntoa(addr.sin_addr), addr.sin_port ? "yes" : "no");
    tcp_test(&addr);
    cancel_accept_test();
    datagram_test();
    close(listener);
    return 0;
}
