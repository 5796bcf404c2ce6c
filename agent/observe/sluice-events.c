// SPDX-License-Identifier: Apache-2.0
/* sluice-events: reads Sluice's perf event array and writes every record to stdout, binary and
 * unbuffered per poll, for the agent's flow reader. bpftool's event_pipe keeps a small ring and
 * prints JSON; at 10,000 events a second that loses events, and its lost records can lag.
 *
 *   sluice-events PINNED_PERF_EVENT_ARRAY [PAGES_PER_CPU]
 *
 * Output records: u8 kind (1 sample, 2 lost), u32 length (little-endian), then `length` bytes:
 * the sample as the datapath wrote it (struct flow_event), or a u64 count of lost samples.
 * "ready" on stderr once every CPU's ring is open. Dies with its parent.
 */
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static void put(uint8_t kind, const void *data, uint32_t len)
{
	uint8_t head[5] = { kind, len & 0xff, (len >> 8) & 0xff, (len >> 16) & 0xff, (len >> 24) & 0xff };
	if (fwrite(head, 1, sizeof(head), stdout) != sizeof(head) || fwrite(data, 1, len, stdout) != len)
		stop = 1; /* the reader went away */
}

static void on_sample(void *ctx, int cpu, void *data, __u32 size)
{
	(void)ctx;
	(void)cpu;
	put(1, data, size);
}

static void on_lost(void *ctx, int cpu, __u64 count)
{
	(void)ctx;
	(void)cpu;
	uint64_t n = count;
	put(2, &n, sizeof(n));
}

int main(int argc, char **argv)
{
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: sluice-events PINNED_PERF_EVENT_ARRAY [PAGES_PER_CPU]\n");
		return 2;
	}
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	signal(SIGPIPE, SIG_IGN);
	size_t pages = argc == 3 ? strtoul(argv[2], NULL, 10) : 256; /* 1 MiB per CPU */
	int fd = bpf_obj_get(argv[1]);
	if (fd < 0) {
		fprintf(stderr, "sluice-events: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	struct perf_buffer *pb = perf_buffer__new(fd, pages, on_sample, on_lost, NULL, NULL);
	if (!pb) {
		fprintf(stderr, "sluice-events: cannot open the rings of %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	static char buf[1 << 20];
	setvbuf(stdout, buf, _IOFBF, sizeof(buf));
	fprintf(stderr, "ready\n");
	while (!stop) {
		int n = perf_buffer__poll(pb, 100);
		if (n < 0 && n != -EINTR)
			break;
		if (fflush(stdout) != 0)
			break;
	}
	perf_buffer__free(pb);
	return 0;
}
