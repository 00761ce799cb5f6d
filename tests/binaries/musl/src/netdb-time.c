/* Name resolution of numeric addresses (no DNS: getaddrinfo with
 * AI_NUMERICHOST and the addresses it parses itself), inet_pton/ntop, and
 * time functions with fixed inputs: gmtime, mktime with TZ=UTC, strftime,
 * timegm, and clocks that only have to move forward. */
#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static void show_addrinfo(const char *host, const char *service, int flags, int family)
{
    struct addrinfo hints = { .ai_flags = flags, .ai_family = family, .ai_socktype = SOCK_STREAM };
    struct addrinfo *list;
    int err = getaddrinfo(host, service, &hints, &list);
    if (err) {
        printf("getaddrinfo(%s, %s): %s\n", host ? host : "NULL", service, gai_strerror(err));
        return;
    }
    for (struct addrinfo *ai = list; ai; ai = ai->ai_next) {
        char text[INET6_ADDRSTRLEN], port[16];
        getnameinfo(ai->ai_addr, ai->ai_addrlen, text, sizeof text, port, sizeof port,
                    NI_NUMERICHOST | NI_NUMERICSERV);
        printf("getaddrinfo(%s, %s): family %s, %s port %s, protocol %d\n", host ? host : "NULL", service,
               ai->ai_family == AF_INET ? "AF_INET" : "AF_INET6", text, port, ai->ai_protocol);
    }
    freeaddrinfo(list);
}

static void netdb_test(void)
{
    show_addrinfo("127.0.0.1", "80", AI_NUMERICHOST, AF_UNSPEC);
    show_addrinfo("::1", "8080", AI_NUMERICHOST, AF_INET6);
    show_addrinfo(NULL, "443", AI_PASSIVE | AI_NUMERICHOST, AF_INET);
    show_addrinfo("not-an-address", "1", AI_NUMERICHOST, AF_UNSPEC);
    struct in_addr a;
    printf("inet_pton 10.1.2.3: %d, inet_ntoa %s\n", inet_pton(AF_INET, "10.1.2.3", &a), inet_ntoa(a));
    unsigned char six[16];
    char back[INET6_ADDRSTRLEN];
    inet_pton(AF_INET6, "fe80:0:0:0:1:2:3:4", six);
    printf("inet_ntop: %s\n", inet_ntop(AF_INET6, six, back, sizeof back));
}

static void time_test(void)
{
    time_t t = 1700000000;
    struct tm tm;
    gmtime_r(&t, &tm);
    char text[128];
    strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S %A %j %U %Z", &tm);
    printf("gmtime: %s\n", text);
    printf("asctime: %s", asctime(&tm));
    setenv("TZ", "UTC0", 1);
    tzset();
    struct tm local = { .tm_year = 124, .tm_mon = 1, .tm_mday = 29, .tm_hour = 12 };
    time_t back = mktime(&local);
    printf("mktime 2024-02-29 12:00 UTC: %lld, weekday %d, yearday %d\n", (long long)back, local.tm_wday,
           local.tm_yday);
    struct tm overflow = { .tm_year = 123, .tm_mon = 11, .tm_mday = 32 };
    mktime(&overflow);
    strftime(text, sizeof text, "%F", &overflow);
    printf("mktime normalizes 2023-12-32 to %s\n", text);
    struct tm parsed = { 0 };
    strptime("2001-09-09 01:46:40", "%Y-%m-%d %H:%M:%S", &parsed);
    printf("strptime + mktime: %lld\n", (long long)mktime(&parsed));

    struct timespec mono1, mono2, real, res;
    clock_gettime(CLOCK_MONOTONIC, &mono1);
    usleep(10000);
    clock_gettime(CLOCK_MONOTONIC, &mono2);
    long elapsed_ms = (mono2.tv_sec - mono1.tv_sec) * 1000 + (mono2.tv_nsec - mono1.tv_nsec) / 1000000;
    printf("monotonic: usleep(10 ms) took at least 10 ms: %s\n", elapsed_ms >= 10 ? "yes" : "no");
    clock_gettime(CLOCK_REALTIME, &real);
    printf("realtime after 2020: %s, time() agrees: %s\n", real.tv_sec > 1577836800 ? "yes" : "no",
           labs((long)(time(NULL) - real.tv_sec)) <= 1 ? "yes" : "no");
    clock_getres(CLOCK_MONOTONIC, &res);
    printf("clock_getres monotonic: %s\n", res.tv_sec == 0 && res.tv_nsec > 0 && res.tv_nsec <= 1000000 ? "fine" : "odd");
    struct timespec req = { 0, 5000000 };
    printf("nanosleep: %d\n", nanosleep(&req, NULL));
    printf("clock(): %s\n", clock() >= 0 ? "non-negative" : "negative");
}

int main(void)
{
    netdb_test();
    time_test();
    return 0;
}
