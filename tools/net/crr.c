// SPDX-License-Identifier: Apache-2.0
/* sluice-crr: TCP connect-request-response rate (netperf's TCP_CRR) and request-response rate
 * with latency (TCP_RR), over IPv4 or IPv6, for the datapath benchmarks.
 *
 *   sluice-crr server PORT                 accept, read one byte, answer one byte, close; "ready"
 *   sluice-crr client IP PORT SECONDS      as many connect/send/recv/close as fit; prints
 *                                          {"transactions":N,"failed":F,"seconds":S,"tps":R}
 *   sluice-crr rr-server PORT              echo every message of each connection back; "ready"
 *   sluice-crr rr IP PORT SECONDS          one connection, ping-pong of 14-byte messages (sockperf's
 *                                          default size); prints {"transactions":N,"seconds":S,
 *                                          "tps":R,"p50_us":P,"p99_us":Q} (round trips)
 *
 * Servers listen on both families (an IPv6 socket that takes IPv4 too, or IPv4 alone where the
 * namespace has no IPv6); a client's IP may be of either family.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A listening socket on PORT for both families (IPv4 alone without IPv6); -1 on failure. */
static int listen_any(int port)
{
	int one = 1, zero = 0;
	int fd = socket(AF_INET6, SOCK_STREAM, 0);
	if (fd >= 0) {
		struct sockaddr_in6 a = { .sin6_family = AF_INET6, .sin6_port = htons(port), .sin6_addr = in6addr_any };
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof(zero));
		if (bind(fd, (struct sockaddr *)&a, sizeof(a)) == 0 && listen(fd, 1024) == 0)
			return fd;
		close(fd);
	}
	fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = INADDR_ANY };
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof(a)) || listen(fd, 1024)) {
		perror("sluice-crr: listen");
		return -1;
	}
	return fd;
}

/* The peer IP of either family as a socket address; 0 on a bad address. */
static socklen_t peer_addr(const char *ip, int port, struct sockaddr_storage *out)
{
	struct sockaddr_in *a4 = (struct sockaddr_in *)out;
	struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)out;

	memset(out, 0, sizeof(*out));
	if (inet_pton(AF_INET, ip, &a4->sin_addr) == 1) {
		a4->sin_family = AF_INET;
		a4->sin_port = htons(port);
		return sizeof(*a4);
	}
	if (inet_pton(AF_INET6, ip, &a6->sin6_addr) == 1) {
		a6->sin6_family = AF_INET6;
		a6->sin6_port = htons(port);
		return sizeof(*a6);
	}
	fprintf(stderr, "sluice-crr: bad address %s\n", ip);
	return 0;
}

/* Listens on PORT (both families), says "ready", and hands each connection to handle. */
static int serve(int port, void (*handle)(int))
{
	int fd = listen_any(port);
	if (fd < 0)
		return 2;
	signal(SIGPIPE, SIG_IGN);
	printf("ready\n");
	fflush(stdout);
	for (;;) {
		int c = accept(fd, NULL, NULL);
		if (c < 0)
			continue;
		handle(c);
		close(c);
	}
}

/* CRR: one byte in, one byte back (a client gone away is nothing to do). */
static void answer_once(int c)
{
	char b;
	if (read(c, &b, 1) == 1 && write(c, &b, 1) != 1) {
		/* the client went away */
	}
}

static int client(const char *ip, int port, double seconds)
{
	struct sockaddr_storage a;
	socklen_t alen = peer_addr(ip, port, &a);
	if (!alen)
		return 2;
	signal(SIGPIPE, SIG_IGN);
	long n = 0, failed = 0;
	double start = now(), end = start + seconds;
	while (now() < end) {
		int fd = socket(a.ss_family, SOCK_STREAM, 0), one = 1;
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		/* RST on close: no TIME_WAIT pile-up exhausting local ports over a long run */
		struct linger l = { .l_onoff = 1, .l_linger = 0 };
		setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof(l));
		char b = 'x';
		if (connect(fd, (struct sockaddr *)&a, alen) == 0 && write(fd, &b, 1) == 1 && read(fd, &b, 1) == 1)
			n++;
		else
			failed++;
		close(fd);
	}
	double took = now() - start;
	printf("{\"transactions\":%ld,\"failed\":%ld,\"seconds\":%.3f,\"tps\":%.1f}\n", n, failed, took, n / took);
	return failed > n ? 1 : 0;
}

#define RR_MSG 14
/* Round-trip latency histogram: 0.1 µs buckets up to 10 ms (slower ones in the last). */
#define RR_BUCKETS 100000

/* RR: every message back, until the client closes. */
static void echo_all(int c)
{
	int one = 1;
	setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	char buf[RR_MSG];
	ssize_t n;
	while ((n = read(c, buf, sizeof(buf))) > 0)
		if (write(c, buf, n) != n)
			break;
}

/* Reads exactly len bytes; 0 on EOF or error. */
static int read_all(int fd, char *buf, size_t len)
{
	size_t got = 0;
	while (got < len) {
		ssize_t n = read(fd, buf + got, len - got);
		if (n <= 0)
			return 0;
		got += n;
	}
	return 1;
}

static double percentile(const unsigned *hist, long total, double p)
{
	long want = (long)(total * p), seen = 0;
	for (int i = 0; i < RR_BUCKETS; i++) {
		seen += hist[i];
		if (seen > want)
			return i / 10.0;
	}
	return RR_BUCKETS / 10.0;
}

static int rr_client(const char *ip, int port, double seconds)
{
	struct sockaddr_storage a;
	socklen_t alen = peer_addr(ip, port, &a);
	if (!alen)
		return 2;
	signal(SIGPIPE, SIG_IGN);
	int fd = socket(a.ss_family, SOCK_STREAM, 0), one = 1;
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	if (connect(fd, (struct sockaddr *)&a, alen) != 0) {
		perror("sluice-crr: connect");
		return 1;
	}
	static unsigned hist[RR_BUCKETS];
	char buf[RR_MSG];
	memset(buf, 'x', sizeof(buf));
	long n = 0;
	double start = now(), end = start + seconds, t = start;
	while (t < end) {
		if (write(fd, buf, sizeof(buf)) != sizeof(buf) || !read_all(fd, buf, sizeof(buf))) {
			perror("sluice-crr: rr");
			return 1;
		}
		double t2 = now();
		long bucket = (long)((t2 - t) * 1e7);
		hist[bucket < RR_BUCKETS ? bucket : RR_BUCKETS - 1]++;
		n++;
		t = t2;
	}
	close(fd);
	double took = t - start;
	printf("{\"transactions\":%ld,\"seconds\":%.3f,\"tps\":%.1f,\"p50_us\":%.1f,\"p99_us\":%.1f}\n", n, took, n / took,
	       percentile(hist, n, 0.5), percentile(hist, n, 0.99));
	return n > 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "server") == 0)
		return serve(atoi(argv[2]), answer_once);
	if (argc == 5 && strcmp(argv[1], "client") == 0)
		return client(argv[2], atoi(argv[3]), atof(argv[4]));
	if (argc == 3 && strcmp(argv[1], "rr-server") == 0)
		return serve(atoi(argv[2]), echo_all);
	if (argc == 5 && strcmp(argv[1], "rr") == 0)
		return rr_client(argv[2], atoi(argv[3]), atof(argv[4]));
	fprintf(stderr, "usage: sluice-crr server PORT | client IP PORT SECONDS | rr-server PORT | rr IP PORT SECONDS\n");
	return 2;
}
