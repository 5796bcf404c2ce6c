// SPDX-License-Identifier: Apache-2.0
/* sluice-maps: the agent's long-lived map writer. One process for the agent's lifetime instead of
 * one bpftool per sync (~1 ms to start, and tens of ms when two cores are busy): the agent writes
 * requests on stdin, the writer applies each with one syscall and answers each on stdout.
 *
 * Requests (all integers little-endian):
 *   u8 op, u32 length, then `length` bytes of body:
 *     1 OPEN     path                       -> handle (u32) of the pinned map
 *     2 UPDATE   u32 handle, u32 key_len, key, value (the rest)
 *     3 DELETE   u32 handle, key (the rest)  (a missing key is not an error)
 *     4 PROG     u32 handle, u32 key_len, key, path of a pinned program: prog array slot := program
 *     5 SYNC     (empty)                     -> flushes every answer before it
 *     7 ATTACH   u32 hook (0 tcx ingress, 1 tcx egress), u32 name_len, device name, path of a pinned
 *                program: attaches it to the device (in the writer's network namespace: argv[1],
 *                else its own); one already attached there answers -EEXIST
 *     6 SWEEP    u32 handle, u32 now, u32 expires_offset (0xffffffff: none), u32 n, then n x
 *                {u32 in_key (1) or in value (0), u32 offset, u32 value}: deletes every entry whose
 *                u32 at expires_offset of its value is below now, or whose u32 at one of the
 *                offsets equals its value -> how many it deleted
 * Consecutive UPDATEs of one map are applied as one BPF_MAP_UPDATE_BATCH where the map type has it.
 * Answers: u8 op, i32 result (>= 0 ok: OPEN's handle, else 0; < 0: -errno). One per request, in
 * order; written out at SYNC (the agent ends every batch with one). After a write fails, the
 * writes up to the next SYNC are not made (answered -ECANCELED): a batch is ordered so that no
 * step opens a gap, and a later step must not run without the one that failed. Dies with its
 * parent.
 */
#define _GNU_SOURCE /* setns */
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#define OP_OPEN 1
#define OP_UPDATE 2
#define OP_DELETE 3
#define OP_PROG 4
#define OP_SYNC 5
#define OP_SWEEP 6
#define OP_ATTACH 7
#define NO_OFFSET 0xffffffffu
#define MAX_BODY (1u << 20)
#define MAX_MAPS 256

static int fds[MAX_MAPS];
static uint32_t key_sizes[MAX_MAPS], value_sizes[MAX_MAPS];
static unsigned nfds;
static uint8_t body[MAX_BODY + 1];

static int read_full(void *buf, size_t n)
{
	return fread(buf, 1, n, stdin) == n ? 0 : -1;
}

static uint32_t u32_at(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void answer(uint8_t op, int32_t result)
{
	uint8_t out[5] = { op, result & 0xff, (result >> 8) & 0xff, (result >> 16) & 0xff, ((uint32_t)result >> 24) & 0xff };
	if (fwrite(out, 1, sizeof(out), stdout) != sizeof(out))
		exit(0); /* the agent went away */
}

/* The map a request names; its key (and value, for UPDATE) must be exactly the map's sizes. */
struct matcher {
	uint32_t in_key, offset, value;
};

/* Entries to delete: expired ones, and those a matcher names. Keys are collected first and
 * deleted after the walk (deleting under get_next_key can restart it). */
static int32_t sweep(int fd, uint32_t h, uint32_t now, uint32_t expires_off, const struct matcher *m, uint32_t n)
{
	struct bpf_map_info info = {};
	uint32_t info_len = sizeof(info);
	if (bpf_map_get_info_by_fd(fd, &info, &info_len) < 0)
		return -errno;
	int percpu = info.type == BPF_MAP_TYPE_PERCPU_HASH || info.type == BPF_MAP_TYPE_LRU_PERCPU_HASH;
	int need_value = expires_off != NO_OFFSET;
	for (uint32_t i = 0; i < n; i++)
		need_value |= !m[i].in_key;
	if (percpu && need_value)
		return -EINVAL; /* per-CPU values: match on the key only */
	uint32_t ks = key_sizes[h], vs = value_sizes[h];
	if ((expires_off != NO_OFFSET && expires_off + 4 > vs))
		return -EINVAL;
	for (uint32_t i = 0; i < n; i++)
		if (m[i].offset + 4 > (m[i].in_key ? ks : vs))
			return -EINVAL;
	uint8_t *key = calloc(1, ks), *next = calloc(1, ks), *value = calloc(1, vs ? vs : 1);
	size_t cap = 1024, count = 0;
	uint8_t *doomed = malloc(cap * ks);
	int32_t result = 0;
	if (!key || !next || !value || !doomed) {
		result = -ENOMEM;
		goto out;
	}
	const void *prev = NULL;
	while (bpf_map_get_next_key(fd, prev, next) == 0) {
		memcpy(key, next, ks);
		prev = key;
		if (need_value && bpf_map_lookup_elem(fd, key, value) < 0)
			continue; /* gone meanwhile */
		int drop = expires_off != NO_OFFSET && u32_at(value + expires_off) < now;
		for (uint32_t i = 0; i < n && !drop; i++)
			drop = u32_at((m[i].in_key ? key : value) + m[i].offset) == m[i].value;
		if (!drop)
			continue;
		if (count == cap) {
			uint8_t *grown = realloc(doomed, cap * 2 * ks);
			if (!grown) {
				result = -ENOMEM;
				goto out;
			}
			doomed = grown;
			cap *= 2;
		}
		memcpy(doomed + count * ks, key, ks);
		count++;
	}
	for (size_t i = 0; i < count; i++)
		if (bpf_map_delete_elem(fd, doomed + i * ks) == 0)
			result++;
out:
	free(key);
	free(next);
	free(value);
	free(doomed);
	return result;
}

static int map_fd(const uint8_t *b, uint32_t len, uint32_t klen, int64_t vlen)
{
	if (len < 4)
		return -EINVAL;
	uint32_t h = u32_at(b);
	if (h >= nfds)
		return -EBADF;
	if (klen != key_sizes[h] || (vlen >= 0 && vlen != value_sizes[h]))
		return -EINVAL;
	return fds[h];
}

static int32_t handle(uint8_t op, uint32_t len)
{
	int fd;

	switch (op) {
	case OP_OPEN: {
		if (nfds >= MAX_MAPS)
			return -EMFILE;
		body[len] = 0;
		fd = bpf_obj_get((const char *)body);
		if (fd < 0)
			return -errno;
		struct bpf_map_info info = {};
		uint32_t info_len = sizeof(info);
		if (bpf_map_get_info_by_fd(fd, &info, &info_len) < 0) {
			int err = errno;
			close(fd);
			return -err;
		}
		fds[nfds] = fd;
		key_sizes[nfds] = info.key_size;
		value_sizes[nfds] = info.value_size;
		return (int32_t)nfds++;
	}
	case OP_UPDATE:
	case OP_PROG: {
		if (len < 8)
			return -EINVAL;
		uint32_t klen = u32_at(body + 4);
		if (klen > len - 8)
			return -EINVAL;
		const uint8_t *key = body + 8;
		const uint8_t *rest = key + klen;
		uint32_t rlen = len - 8 - klen;
		if ((fd = map_fd(body, len, klen, op == OP_PROG ? 4 : rlen)) < 0)
			return fd;
		if (op == OP_PROG) {
			char path[4096];
			if (rlen == 0 || rlen >= sizeof(path))
				return -EINVAL;
			memcpy(path, rest, rlen);
			path[rlen] = 0;
			int prog = bpf_obj_get(path);
			if (prog < 0)
				return -errno;
			uint32_t value = (uint32_t)prog;
			int r = bpf_map_update_elem(fd, key, &value, BPF_ANY);
			int err = errno;
			close(prog);
			return r < 0 ? -err : 0;
		}
		return bpf_map_update_elem(fd, key, rest, BPF_ANY) < 0 ? -errno : 0;
	}
	case OP_DELETE: {
		if ((fd = map_fd(body, len, len >= 4 ? len - 4 : 0, -1)) < 0)
			return fd;
		if (bpf_map_delete_elem(fd, body + 4) < 0 && errno != ENOENT)
			return -errno;
		return 0;
	}
	case OP_SWEEP: {
		if (len < 16)
			return -EINVAL;
		uint32_t h = u32_at(body), n = u32_at(body + 12);
		if (h >= nfds)
			return -EBADF;
		if (n > 64 || len != 16 + n * 12)
			return -EINVAL;
		struct matcher m[64];
		for (uint32_t i = 0; i < n; i++) {
			const uint8_t *p = body + 16 + i * 12;
			m[i] = (struct matcher){ u32_at(p), u32_at(p + 4), u32_at(p + 8) };
		}
		return sweep(fds[h], h, u32_at(body + 4), u32_at(body + 8), m, n);
	}
	case OP_ATTACH: {
		if (len < 8)
			return -EINVAL;
		uint32_t hook = u32_at(body), nlen = u32_at(body + 4);
		if (hook > 1 || nlen == 0 || nlen >= IF_NAMESIZE || nlen > len - 8)
			return -EINVAL;
		char dev[IF_NAMESIZE], path[4096];
		uint32_t plen = len - 8 - nlen;
		if (plen == 0 || plen >= sizeof(path))
			return -EINVAL;
		memcpy(dev, body + 8, nlen);
		dev[nlen] = 0;
		memcpy(path, body + 8 + nlen, plen);
		path[plen] = 0;
		unsigned ifindex = if_nametoindex(dev);
		if (!ifindex)
			return -errno;
		int prog = bpf_obj_get(path);
		if (prog < 0)
			return -errno;
		LIBBPF_OPTS(bpf_prog_attach_opts, opts);
		int r = bpf_prog_attach_opts(prog, (int)ifindex, hook ? BPF_TCX_EGRESS : BPF_TCX_INGRESS, &opts);
		int err = errno;
		close(prog);
		return r < 0 ? -err : 0;
	}
	case OP_SYNC:
		return 0;
	default:
		return -EOPNOTSUPP;
	}
}

/* Consecutive UPDATEs of one map go to the kernel as one BPF_MAP_UPDATE_BATCH (one syscall for
 * thousands of entries); maps without batch support get them one by one. */
#define BATCH_MAX 8192
#define ENOTSUPP 524 /* the kernel's own "not supported", as the bpf syscall returns it */
static struct {
	uint32_t handle, count;
	uint8_t *keys, *values;
} pending;

static int failed;

static void flush_batch(void)
{
	if (pending.count == 0)
		return;
	uint32_t h = pending.handle, ks = key_sizes[h], vs = value_sizes[h], n = pending.count;
	uint32_t done = 0;
	int err = 0;
	if (!failed) {
		LIBBPF_OPTS(bpf_map_batch_opts, opts, .elem_flags = BPF_ANY);
		done = n;
		if (bpf_map_update_batch(fds[h], pending.keys, pending.values, &done, &opts) < 0) {
			err = errno;
			if (done == 0 && (err == EOPNOTSUPP || err == ENOTSUPP || err == EINVAL)) {
				/* no batch op for this map type: one by one */
				err = 0;
				for (; done < n; done++) {
					if (bpf_map_update_elem(fds[h], pending.keys + done * ks, pending.values + done * vs, BPF_ANY) < 0) {
						err = errno;
						break;
					}
				}
			}
		}
	}
	for (uint32_t i = 0; i < n; i++) {
		if (failed)
			answer(OP_UPDATE, -ECANCELED);
		else if (i < done)
			answer(OP_UPDATE, 0);
		else {
			answer(OP_UPDATE, -(err ? err : EIO));
			failed = 1;
		}
	}
	pending.count = 0;
}

/* Queues an UPDATE when it can join the pending batch; 0 when it did. */
static int queue_update(uint32_t len)
{
	if (len < 8)
		return -1;
	uint32_t h = u32_at(body), klen = u32_at(body + 4);
	if (h >= nfds || klen != key_sizes[h] || len != 8 + key_sizes[h] + value_sizes[h])
		return -1; /* answered (with its error) by handle() */
	if (pending.count && (pending.handle != h || pending.count == BATCH_MAX))
		flush_batch();
	if (!pending.keys) {
		pending.keys = malloc((size_t)BATCH_MAX * 64);
		pending.values = malloc((size_t)BATCH_MAX * 256);
		if (!pending.keys || !pending.values)
			return -1;
	}
	if (key_sizes[h] > 64 || value_sizes[h] > 256)
		return -1;
	pending.handle = h;
	memcpy(pending.keys + pending.count * key_sizes[h], body + 8, key_sizes[h]);
	memcpy(pending.values + pending.count * value_sizes[h], body + 8 + key_sizes[h], value_sizes[h]);
	pending.count++;
	return 0;
}

int main(int argc, char **argv)
{
	uint8_t head[5];

	prctl(PR_SET_PDEATHSIG, SIGKILL);
	/* The node's network namespace, where ATTACH finds devices (pins are in bpffs, seen anyway). */
	if (argc > 1 && argv[1][0]) {
		int ns = open(argv[1], O_RDONLY | O_CLOEXEC);
		if (ns < 0 || setns(ns, CLONE_NEWNET) < 0) {
			fprintf(stderr, "sluice-maps: cannot enter network namespace %s: %s\n", argv[1], strerror(errno));
			return 1;
		}
		close(ns);
	}
	while (read_full(head, sizeof(head)) == 0) {
		uint32_t len = u32_at(head + 1);
		if (len > MAX_BODY) {
			fprintf(stderr, "sluice-maps: request of %u bytes is over the limit\n", len);
			return 1;
		}
		if (read_full(body, len) < 0)
			break;
		if (head[0] == OP_UPDATE && queue_update(len) == 0)
			continue;
		flush_batch();
		int writes = head[0] == OP_UPDATE || head[0] == OP_DELETE || head[0] == OP_PROG;
		int32_t result = failed && writes ? -ECANCELED : handle(head[0], len);
		if (writes && result < 0)
			failed = 1;
		answer(head[0], result);
		if (head[0] == OP_SYNC) {
			failed = 0;
			if (fflush(stdout) != 0)
				return 0;
		}
	}
	return 0;
}
