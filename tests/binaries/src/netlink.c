/*
 * netlink: what glibc builds on NETLINK_ROUTE — getifaddrs(), if_nameindex(),
 * getaddrinfo() with AI_ADDRCONFIG — and the raw protocol: a socket's port, a link
 * asked for by index (and one that does not exist), acknowledgements, MSG_PEEK|MSG_TRUNC.
 * Only the loopback interface and IPv4 are printed: other interfaces, and IPv6 on lo,
 * differ between machines. Built dynamically only (NSS for getaddrinfo).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <ifaddrs.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int compare_lines(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void print_sorted(char **lines, int n)
{
    qsort(lines, n, sizeof *lines, compare_lines);
    for (int i = 0; i < n; i++) {
        printf("  %s\n", lines[i]);
        free(lines[i]);
    }
}

static const char *family_name(int family)
{
    return family == AF_PACKET ? "AF_PACKET" : family == AF_INET ? "AF_INET" : family == AF_INET6 ? "AF_INET6" : "?";
}

static void show_getifaddrs(void)
{
    struct ifaddrs *list;
    if (getifaddrs(&list) != 0) {
        printf("getifaddrs: %s\n", strerror(errno));
        return;
    }
    char *lines[64];
    int n = 0;
    for (struct ifaddrs *i = list; i && n < 64; i = i->ifa_next) {
        if (strcmp(i->ifa_name, "lo") != 0 || !i->ifa_addr) continue;
        int family = i->ifa_addr->sa_family;
        if (family == AF_INET6) continue;
        char addr[64] = "-", mask[64] = "-";
        if (family == AF_INET) {
            inet_ntop(AF_INET, &((struct sockaddr_in *)i->ifa_addr)->sin_addr, addr, sizeof addr);
            if (i->ifa_netmask) inet_ntop(AF_INET, &((struct sockaddr_in *)i->ifa_netmask)->sin_addr, mask, sizeof mask);
        }
        unsigned flags = i->ifa_flags;
        if (asprintf(&lines[n], "%s %s %s/%s%s%s", i->ifa_name, family_name(family), addr, mask,
                     flags & IFF_UP ? " UP" : "", flags & IFF_LOOPBACK ? " LOOPBACK" : "") >= 0)
            n++;
    }
    freeifaddrs(list);
    printf("getifaddrs (lo, not IPv6):\n");
    print_sorted(lines, n);
}

static void show_indexes(void)
{
    unsigned lo = if_nametoindex("lo");
    printf("if_nametoindex(lo) > 0: %s\n", lo > 0 ? "yes" : "no");
    char name[IF_NAMESIZE];
    printf("if_indextoname: %s\n", if_indextoname(lo, name) ? name : strerror(errno));
    printf("if_nametoindex(no-such-if): %u\n", if_nametoindex("no-such-if"));
    struct if_nameindex *all = if_nameindex();
    int found = 0;
    for (struct if_nameindex *i = all; i && i->if_index; i++)
        if (strcmp(i->if_name, "lo") == 0 && i->if_index == lo) found = 1;
    printf("if_nameindex has lo with that index: %s\n", found ? "yes" : "no");
    if_freenameindex(all);
}

static void show_getaddrinfo(const char *title, const struct addrinfo *hints)
{
    struct addrinfo *res;
    int err = getaddrinfo("localhost", "80", hints, &res);
    printf("getaddrinfo(localhost, 80, %s): %s\n", title, err ? gai_strerror(err) : "ok");
    if (err) return;
    char *lines[64];
    int n = 0;
    for (struct addrinfo *a = res; a && n < 64; a = a->ai_next) {
        if (a->ai_family != AF_INET) continue;
        struct sockaddr_in *sin = (struct sockaddr_in *)a->ai_addr;
        char text[32];
        inet_ntop(AF_INET, &sin->sin_addr, text, sizeof text);
        if (asprintf(&lines[n], "AF_INET %s:%d socktype %d protocol %d", text, ntohs(sin->sin_port), a->ai_socktype,
                     a->ai_protocol) >= 0)
            n++;
    }
    freeaddrinfo(res);
    print_sorted(lines, n);
}

struct request {
    struct nlmsghdr h;
    struct ifinfomsg i;
};

/* Sends one message of `type` with `flags`, asking about link `index`. */
static void send_request(int fd, int type, int flags, unsigned seq, int index)
{
    struct request r = {.h = {.nlmsg_len = sizeof r, .nlmsg_type = type, .nlmsg_flags = flags, .nlmsg_seq = seq},
                        .i = {.ifi_family = AF_UNSPEC, .ifi_index = index}};
    struct sockaddr_nl kernel = {.nl_family = AF_NETLINK};
    if (sendto(fd, &r, sizeof r, 0, (struct sockaddr *)&kernel, sizeof kernel) != sizeof r)
        printf("sendto: %s\n", strerror(errno));
}

/* Receives one datagram and describes its messages. */
static void show_reply(int fd, unsigned port)
{
    char buf[16384];
    struct sockaddr_nl from;
    struct iovec iov = {buf, sizeof buf};
    struct msghdr msg = {.msg_name = &from, .msg_namelen = sizeof from, .msg_iov = &iov, .msg_iovlen = 1};
    ssize_t n = recvmsg(fd, &msg, 0);
    if (n < 0) {
        printf("recvmsg: %s\n", strerror(errno));
        return;
    }
    printf("reply from family %d pid %u, namelen %u\n", from.nl_family, from.nl_pid, msg.msg_namelen);
    for (struct nlmsghdr *h = (struct nlmsghdr *)buf; NLMSG_OK(h, n); h = NLMSG_NEXT(h, n)) {
        printf("  type %d flags 0x%x seq %u to us %s", h->nlmsg_type, h->nlmsg_flags, h->nlmsg_seq,
               h->nlmsg_pid == port ? "yes" : "no");
        if (h->nlmsg_type == NLMSG_ERROR) {
            struct nlmsgerr *e = NLMSG_DATA(h);
            printf(", error %d (%s), echoes type %d, len %u", e->error, e->error ? strerror(-e->error) : "ack",
                   e->msg.nlmsg_type, h->nlmsg_len);
        } else if (h->nlmsg_type == RTM_NEWLINK) {
            struct ifinfomsg *i = NLMSG_DATA(h);
            int len = IFLA_PAYLOAD(h);
            printf(", link flags%s%s", i->ifi_flags & IFF_UP ? " UP" : "", i->ifi_flags & IFF_LOOPBACK ? " LOOPBACK" : "");
            for (struct rtattr *a = IFLA_RTA(i); RTA_OK(a, len); a = RTA_NEXT(a, len))
                if (a->rta_type == IFLA_IFNAME) printf(", name %s", (char *)RTA_DATA(a));
        }
        printf("\n");
    }
}

static void show_raw_protocol(void)
{
    int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    struct sockaddr_nl me = {.nl_family = AF_NETLINK};
    socklen_t len = sizeof me;
    getsockname(fd, (struct sockaddr *)&me, &len);
    printf("unbound: family %d pid %u len %u\n", me.nl_family, me.nl_pid, len);
    if (bind(fd, (struct sockaddr *)&me, sizeof me) < 0) printf("bind: %s\n", strerror(errno));
    getsockname(fd, (struct sockaddr *)&me, &len);
    printf("bound: port is the process id: %s\n", me.nl_pid == (unsigned)getpid() ? "yes" : "no");
    int second = socket(AF_NETLINK, SOCK_DGRAM, NETLINK_ROUTE);
    struct sockaddr_nl taken = {.nl_family = AF_NETLINK, .nl_pid = me.nl_pid};
    printf("bind to a taken port: %s\n", bind(second, (struct sockaddr *)&taken, sizeof taken) < 0 ? strerror(errno) : "ok");
    close(second);

    unsigned lo = if_nametoindex("lo");
    send_request(fd, RTM_GETLINK, NLM_F_REQUEST | NLM_F_ACK, 7, lo);
    show_reply(fd, me.nl_pid);
    show_reply(fd, me.nl_pid);
    send_request(fd, NLMSG_NOOP, NLM_F_REQUEST | NLM_F_ACK, 8, 0);
    show_reply(fd, me.nl_pid);
    send_request(fd, RTM_GETLINK, NLM_F_REQUEST, 10, 0x7fffffff);
    show_reply(fd, me.nl_pid);

    /* The size of a datagram, as glibc finds it out: peek with a tiny buffer. */
    send_request(fd, RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 11, 0);
    char tiny[4];
    ssize_t peeked = recv(fd, tiny, sizeof tiny, MSG_PEEK | MSG_TRUNC);
    char big[65536];
    ssize_t got = recv(fd, big, sizeof big, MSG_DONTWAIT);
    printf("dump: peeked length is the datagram's: %s\n", peeked > 4 && peeked == got ? "yes" : "no");
    int done = 0, lo_seen = 0;
    while (!done && got > 0) {
        for (struct nlmsghdr *h = (struct nlmsghdr *)big; NLMSG_OK(h, got); h = NLMSG_NEXT(h, got)) {
            if (h->nlmsg_type == NLMSG_DONE) done = 1;
            else if (h->nlmsg_type == RTM_NEWLINK && ((struct ifinfomsg *)NLMSG_DATA(h))->ifi_index == (int)lo) lo_seen = 1;
        }
        if (!done) got = recv(fd, big, sizeof big, MSG_DONTWAIT);
    }
    printf("dump: lo seen %s, ended by NLMSG_DONE %s\n", lo_seen ? "yes" : "no", done ? "yes" : "no");
    printf("nothing more: %s\n", recv(fd, big, sizeof big, MSG_DONTWAIT) < 0 && errno == EAGAIN ? "EAGAIN" : "data");
    close(fd);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    show_getifaddrs();
    show_indexes();
    show_getaddrinfo("NULL hints", NULL);
    struct addrinfo hints = {.ai_flags = AI_ADDRCONFIG, .ai_socktype = SOCK_STREAM};
    show_getaddrinfo("AI_ADDRCONFIG, SOCK_STREAM", &hints);
    show_raw_protocol();
    return 0;
}
