/*
 * netresolve: what a scripting language's socket module does first — getaddrinfo()
 * on "localhost" (glibc reads /etc/nsswitch.conf and /etc/hosts and loads its NSS
 * module; so this program is built dynamically only), then a TCP connection to a
 * forked echo server through the address it returned. The port is never printed.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    int ls = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof sa;
    if (bind(ls, (struct sockaddr *)&sa, len) < 0 || listen(ls, 1) < 0) return 1;
    getsockname(ls, (struct sockaddr *)&sa, &len);
    pid_t pid = fork();
    if (pid == 0) {
        int c = accept(ls, NULL, NULL);
        char buf[256];
        ssize_t n;
        while ((n = read(c, buf, sizeof buf)) > 0) write(c, buf, n);
        _exit(0);
    }
    close(ls);

    char port[16];
    snprintf(port, sizeof port, "%d", ntohs(sa.sin_port));
    struct addrinfo hints = {0}, *res;
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    int r = getaddrinfo("localhost", port, &hints, &res);
    printf("getaddrinfo(localhost): %s\n", r ? gai_strerror(r) : "ok");
    if (r) return 1;
    char text[64];
    struct sockaddr_in *found = (struct sockaddr_in *)res->ai_addr;
    printf("first address %s, port matches %d\n", inet_ntop(AF_INET, &found->sin_addr, text, sizeof text),
           found->sin_port == sa.sin_port);
    int s = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
    printf("connect: %d\n", connect(s, res->ai_addr, res->ai_addrlen));
    freeaddrinfo(res);
    write(s, "round trip", 10);
    shutdown(s, SHUT_WR);
    char buf[64];
    ssize_t n = read(s, buf, sizeof buf);
    printf("echo %zd '%.*s'\n", n, (int)n, buf);
    close(s);
    int status;
    waitpid(pid, &status, 0);
    printf("server exit status %d\n", WEXITSTATUS(status));
    return 0;
}
