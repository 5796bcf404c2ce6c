// SPDX-License-Identifier: Apache-2.0
/* sluice-crr: TCP connect-request-response rate (netperf's TCP_CRR), for the datapath bench.
 *
 *   sluice-crr server PORT                 accept, read one byte, answer one byte, close; "ready"
 *   sluice-crr client IP PORT SECONDS      as many connect/send/recv/close as fit; prints
 *                                          {"transactions":N,"seconds":S,"tps":R}
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

static int server(int port)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = INADDR_ANY };
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&a, sizeof(a)) || listen(fd, 1024)) {
		perror("sluice-crr: listen");
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	printf("ready\n");
	fflush(stdout);
	for (;;) {
		int c = accept(fd, NULL, NULL);
		if (c < 0)
			continue;
		char b;
		if (read(c, &b, 1) == 1 && write(c, &b, 1) != 1) {
			/* the client went away: nothing to do */
		}
		close(c);
	}
}

static int client(const char *ip, int port, double seconds)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };
	if (inet_pton(AF_INET, ip, &a.sin_addr) != 1) {
		fprintf(stderr, "sluice-crr: bad address %s\n", ip);
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	long n = 0, failed = 0;
	double start = now(), end = start + seconds;
	while (now() < end) {
		int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		/* RST on close: no TIME_WAIT pile-up exhausting local ports over a long run */
		struct linger l = { .l_onoff = 1, .l_linger = 0 };
		setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof(l));
		char b = 'x';
		if (connect(fd, (struct sockaddr *)&a, sizeof(a)) == 0 && write(fd, &b, 1) == 1 && read(fd, &b, 1) == 1)
			n++;
		else
			failed++;
		close(fd);
	}
	double took = now() - start;
	printf("{\"transactions\":%ld,\"failed\":%ld,\"seconds\":%.3f,\"tps\":%.1f}\n", n, failed, took, n / took);
	return failed > n ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "server") == 0)
		return server(atoi(argv[2]));
	if (argc == 5 && strcmp(argv[1], "client") == 0)
		return client(argv[2], atoi(argv[3]), atof(argv[4]));
	fprintf(stderr, "usage: sluice-crr server PORT | sluice-crr client IP PORT SECONDS\n");
	return 2;
}
