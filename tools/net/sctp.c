// SPDX-License-Identifier: Apache-2.0
/* sluice-sctp: SCTP reachability over raw sockets, for kernels built without SCTP sockets.
 *
 *   sluice-sctp serve NAME PORT...          answer every INIT to PORT (IPv4 or IPv6) with an
 *                                           INIT-ACK whose state cookie is NAME; prints "ready"
 *   sluice-sctp probe IP PORT TIMEOUT_MS [SOURCE_PORT]
 *                                           send an INIT to IP (IPv4 or IPv6) from SOURCE_PORT
 *                                           (default: random), wait for the matching INIT-ACK;
 *                                           prints {"target","connected","ms","reply"}; exit 0 / 1
 *
 * It speaks only the first two chunks of the handshake: enough for a datapath to see a new SCTP
 * association and its reply, which is what NetworkPolicy enforcement acts on.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define SCTP_PROTO 132
#define CHUNK_INIT 1
#define CHUNK_INIT_ACK 2
#define PARAM_STATE_COOKIE 7

struct sctp_common {
	uint16_t sport, dport;
	uint32_t vtag;
	uint32_t checksum;
} __attribute__((packed));

struct sctp_init {
	uint8_t type, flags;
	uint16_t length;
	uint32_t initiate_tag;
	uint32_t a_rwnd;
	uint16_t outbound_streams, inbound_streams;
	uint32_t initial_tsn;
} __attribute__((packed));

static uint32_t crc32c_table[256];

static void crc32c_init(void)
{
	for (uint32_t i = 0; i < 256; i++) {
		uint32_t c = i;
		for (int k = 0; k < 8; k++)
			c = c & 1 ? (c >> 1) ^ 0x82F63B78u : c >> 1;
		crc32c_table[i] = c;
	}
}

static uint32_t crc32c(const uint8_t *p, size_t n)
{
	uint32_t c = 0xFFFFFFFFu;
	while (n--)
		c = crc32c_table[(c ^ *p++) & 0xFF] ^ (c >> 8);
	return ~c;
}

static void finish(uint8_t *pkt, size_t len)
{
	struct sctp_common *h = (struct sctp_common *)pkt;
	h->checksum = 0;
	uint32_t crc = crc32c(pkt, len);
	memcpy(&h->checksum, &crc, 4); /* RFC 4960 B: the CRC's bytes go out in little-endian order */
}

static uint32_t random32(void)
{
	uint32_t v = 0;
	if (getrandom(&v, sizeof(v), 0) != sizeof(v))
		v = (uint32_t)time(NULL) ^ (uint32_t)getpid();
	return v ? v : 1;
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Points at the SCTP header of a received packet, or NULL: an IPv4 raw socket receives the IP
 * header too, an IPv6 one only what follows it. */
static const uint8_t *sctp_of(int family, const uint8_t *buf, ssize_t n, size_t *sctp_len)
{
	size_t skip = 0;
	if (family == AF_INET) {
		if (n < (ssize_t)sizeof(struct iphdr))
			return NULL;
		const struct iphdr *ip = (const struct iphdr *)buf;
		if (ip->protocol != SCTP_PROTO)
			return NULL;
		skip = ip->ihl * 4u;
	}
	if (n < (ssize_t)(skip + sizeof(struct sctp_common) + 4))
		return NULL;
	*sctp_len = (size_t)n - skip;
	return buf + skip;
}

static int same_addr(const struct sockaddr_storage *a, const struct sockaddr_storage *b)
{
	if (a->ss_family != b->ss_family)
		return 0;
	if (a->ss_family == AF_INET)
		return ((const struct sockaddr_in *)a)->sin_addr.s_addr == ((const struct sockaddr_in *)b)->sin_addr.s_addr;
	return memcmp(&((const struct sockaddr_in6 *)a)->sin6_addr, &((const struct sockaddr_in6 *)b)->sin6_addr,
		      sizeof(struct in6_addr)) == 0;
}

static socklen_t addr_len(const struct sockaddr_storage *a)
{
	return a->ss_family == AF_INET ? sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6);
}

static int serve(const char *name, int nports, char **ports)
{
	/* Both families; a node or pod without IPv6 has IPv4 alone. */
	struct pollfd fds[2] = { { .fd = socket(AF_INET, SOCK_RAW, SCTP_PROTO), .events = POLLIN },
				 { .fd = socket(AF_INET6, SOCK_RAW, SCTP_PROTO), .events = POLLIN } };
	if (fds[0].fd < 0) {
		perror("sluice-sctp: raw socket");
		return 2;
	}
	printf("ready\n");
	fflush(stdout);
	uint8_t buf[2048];
	for (;;) {
		if (poll(fds, fds[1].fd < 0 ? 1 : 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			perror("sluice-sctp: poll");
			return 2;
		}
		int i = fds[0].revents & POLLIN ? 0 : 1;
		int fd = fds[i].fd;
		struct sockaddr_storage from;
		socklen_t fl = sizeof(from);
		ssize_t n = recvfrom(fd, buf, sizeof(buf), 0, (struct sockaddr *)&from, &fl);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			perror("sluice-sctp: recvfrom");
			return 2;
		}
		size_t len;
		const uint8_t *s = sctp_of(i == 0 ? AF_INET : AF_INET6, buf, n, &len);
		if (!s || len < sizeof(struct sctp_common) + sizeof(struct sctp_init))
			continue;
		const struct sctp_common *h = (const void *)s;
		const struct sctp_init *init = (const void *)(s + sizeof(*h));
		if (init->type != CHUNK_INIT)
			continue;
		int wanted = 0;
		for (int i = 0; i < nports; i++)
			wanted |= ntohs(h->dport) == atoi(ports[i]);
		if (!wanted)
			continue;

		size_t name_len = strlen(name);
		size_t param_len = 4 + name_len;
		size_t chunk_len = sizeof(struct sctp_init) + param_len;
		size_t padded = (chunk_len + 3) & ~3u;
		uint8_t out[sizeof(struct sctp_common) + sizeof(struct sctp_init) + 4 + 256 + 4];
		if (name_len > 256)
			name_len = 256;
		memset(out, 0, sizeof(out));
		struct sctp_common *oh = (void *)out;
		struct sctp_init *ack = (void *)(out + sizeof(*oh));
		oh->sport = h->dport;
		oh->dport = h->sport;
		oh->vtag = init->initiate_tag;
		ack->type = CHUNK_INIT_ACK;
		ack->length = htons((uint16_t)chunk_len);
		ack->initiate_tag = htonl(random32());
		ack->a_rwnd = htonl(65535);
		ack->outbound_streams = htons(1);
		ack->inbound_streams = htons(1);
		ack->initial_tsn = htonl(random32());
		uint8_t *param = (uint8_t *)(ack + 1);
		uint16_t ptype = htons(PARAM_STATE_COOKIE), plen = htons((uint16_t)param_len);
		memcpy(param, &ptype, 2);
		memcpy(param + 2, &plen, 2);
		memcpy(param + 4, name, name_len);
		size_t total = sizeof(*oh) + padded;
		finish(out, total);
		/* The port field of a raw socket's address is the protocol: zero it for the reply. */
		if (from.ss_family == AF_INET6)
			((struct sockaddr_in6 *)&from)->sin6_port = 0;
		else
			((struct sockaddr_in *)&from)->sin_port = 0;
		sendto(fd, out, total, 0, (struct sockaddr *)&from, addr_len(&from));
	}
}

/* sport 0: a random source port. */
static int probe(const char *ip, int port, int timeout_ms, int sport_arg)
{
	struct sockaddr_storage to = { 0 };
	int v6 = strchr(ip, ':') != NULL;
	int ok = v6 ? inet_pton(AF_INET6, ip, &((struct sockaddr_in6 *)&to)->sin6_addr)
		    : inet_pton(AF_INET, ip, &((struct sockaddr_in *)&to)->sin_addr);
	if (ok != 1 || port < 1 || port > 65535) {
		fprintf(stderr, "sluice-sctp: bad target %s:%d\n", ip, port);
		return 2;
	}
	if (sport_arg < 0 || sport_arg > 65535) {
		fprintf(stderr, "sluice-sctp: bad source port %d\n", sport_arg);
		return 2;
	}
	to.ss_family = v6 ? AF_INET6 : AF_INET;
	/* The target as probes name it: an IPv6 address in brackets. */
	char target[INET6_ADDRSTRLEN + 16];
	snprintf(target, sizeof(target), v6 ? "[%s]:%d" : "%s:%d", ip, port);
	int fd = socket(to.ss_family, SOCK_RAW, SCTP_PROTO);
	if (fd < 0) {
		perror("sluice-sctp: raw socket");
		return 2;
	}
	uint8_t pkt[sizeof(struct sctp_common) + sizeof(struct sctp_init)];
	memset(pkt, 0, sizeof(pkt));
	struct sctp_common *h = (void *)pkt;
	struct sctp_init *init = (void *)(pkt + sizeof(*h));
	uint16_t sport = sport_arg ? (uint16_t)sport_arg : (uint16_t)(32768 + random32() % 28000);
	uint32_t tag = random32();
	h->sport = htons(sport);
	h->dport = htons((uint16_t)port);
	init->type = CHUNK_INIT;
	init->length = htons(sizeof(*init));
	init->initiate_tag = htonl(tag);
	init->a_rwnd = htonl(65535);
	init->outbound_streams = htons(1);
	init->inbound_streams = htons(1);
	init->initial_tsn = htonl(random32());
	finish(pkt, sizeof(pkt));

	double start = now_ms();
	if (sendto(fd, pkt, sizeof(pkt), 0, (struct sockaddr *)&to, addr_len(&to)) < 0) {
		printf("{\"target\":\"%s/SCTP\",\"connected\":false,\"ms\":0,\"reply\":\"\"}\n", target);
		return 1;
	}
	uint8_t buf[2048];
	for (;;) {
		int left = timeout_ms - (int)(now_ms() - start);
		if (left <= 0)
			break;
		struct pollfd p = { .fd = fd, .events = POLLIN };
		if (poll(&p, 1, left) <= 0)
			continue;
		struct sockaddr_storage from;
		socklen_t fl = sizeof(from);
		ssize_t n = recvfrom(fd, buf, sizeof(buf), 0, (struct sockaddr *)&from, &fl);
		size_t len;
		const uint8_t *s = sctp_of(to.ss_family, buf, n, &len);
		if (!s || !same_addr(&from, &to) || len < sizeof(struct sctp_common) + sizeof(struct sctp_init))
			continue;
		const struct sctp_common *rh = (const void *)s;
		const struct sctp_init *ack = (const void *)(s + sizeof(*rh));
		if (ntohs(rh->sport) != port || ntohs(rh->dport) != sport || ntohl(rh->vtag) != tag || ack->type != CHUNK_INIT_ACK)
			continue;
		char reply[257] = "";
		size_t off = sizeof(*rh) + sizeof(*ack);
		if (len >= off + 4) {
			uint16_t plen;
			memcpy(&plen, s + off + 2, 2);
			size_t vlen = ntohs(plen) >= 4 ? ntohs(plen) - 4u : 0;
			if (vlen > 256)
				vlen = 256;
			if (off + 4 + vlen <= len) {
				memcpy(reply, s + off + 4, vlen);
				reply[vlen] = 0;
			}
		}
		for (char *c = reply; *c; c++)
			if (*c == '"' || *c == '\\' || (unsigned char)*c < 0x20)
				*c = '?';
		printf("{\"target\":\"%s/SCTP\",\"connected\":true,\"ms\":%.1f,\"reply\":\"%s\"}\n", target,
		       now_ms() - start, reply);
		return 0;
	}
	printf("{\"target\":\"%s/SCTP\",\"connected\":false,\"ms\":%.1f,\"reply\":\"\"}\n", target, now_ms() - start);
	return 1;
}

int main(int argc, char **argv)
{
	crc32c_init();
	if (argc >= 4 && strcmp(argv[1], "serve") == 0)
		return serve(argv[2], argc - 3, argv + 3);
	if ((argc == 5 || argc == 6) && strcmp(argv[1], "probe") == 0)
		return probe(argv[2], atoi(argv[3]), atoi(argv[4]), argc == 6 ? atoi(argv[5]) : 0);
	fprintf(stderr, "usage: sluice-sctp serve NAME PORT... | sluice-sctp probe IP PORT TIMEOUT_MS [SOURCE_PORT]\n");
	return 2;
}
