// sluice-cni: the executable a container runtime runs for every CNI call.
//
// It is deliberately small: it hands the invocation (the CNI_* variables and the config on stdin)
// to the node's Sluice agent over its unix socket, and the agent validates it and answers in CNI's
// terms (cni/invocation.ts). The plugin does only what needs the pod's network namespace, which
// the agent may not be able to see: create and configure the veth pair (WirePod) and report what
// the pod's side holds (ProbePod), both over rtnetlink without starting a process. The protocol is
// agent/api/sluice.proto (CniRequest, CniStep, CniStepResult), framed with a 4-byte big-endian
// length. It answers VERSION itself, so a runtime can probe it while no agent runs.
//
// Statically linked and written in C so that a pod start does not wait for a language runtime
// to start (docs/decisions.md, "The CNI executable is a small C program").

#define _GNU_SOURCE
#include <arpa/inet.h>
#include <net/if.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/veth.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

extern char **environ;

#define API_VERSION 1
#define MAX_FRAME (1u << 20)
#define DEFAULT_SOCKET "/run/sluice/agent.sock"
#define CURRENT_VERSION "1.1.0"
// Kept equal to SUPPORTED_VERSIONS in cni/spec/version.ts (test/integration/cni.test.ts checks).
#define SUPPORTED_VERSIONS "[\"0.3.0\",\"0.3.1\",\"0.4.0\",\"1.0.0\",\"1.1.0\"]"
#define ERR_IO 5
#define ERR_DECODING 6
#define ERR_INVALID_NETCONF 7
#define ERR_TRY_AGAIN 11
#define ERR_NOT_AVAILABLE 50
#define ERR_INTERNAL 999
// How long an answer from the agent may take (it waits for a new pod's policy up to its
// podWaitMs): past this the agent is taken to be stuck.
#define AGENT_TIMEOUT_S 120

// ---------------------------------------------------------------------------------------------
// Growable byte buffers

struct buf {
	uint8_t *p;
	size_t len, cap;
};

static void die_oom(void)
{
	fputs("sluice-cni: out of memory\n", stderr);
	exit(1);
}

static void buf_put(struct buf *b, const void *data, size_t n)
{
	if (b->len + n > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->len + n)
			cap *= 2;
		uint8_t *p = realloc(b->p, cap);
		if (!p)
			die_oom();
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, data, n);
	b->len += n;
}

static void buf_str(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

static void buf_printf(struct buf *b, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n > 0)
		buf_put(b, tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

// ---------------------------------------------------------------------------------------------
// Protocol buffers: the few field kinds the CNI messages use (varint and length-delimited)

static void pb_varint(struct buf *b, uint64_t v)
{
	uint8_t tmp[10];
	size_t n = 0;
	do {
		tmp[n] = v & 0x7f;
		v >>= 7;
		if (v)
			tmp[n] |= 0x80;
		n++;
	} while (v);
	buf_put(b, tmp, n);
}

static void pb_uint(struct buf *b, uint32_t field, uint64_t v)
{
	if (!v)
		return;
	pb_varint(b, (uint64_t)field << 3);
	pb_varint(b, v);
}

static void pb_bytes(struct buf *b, uint32_t field, const void *data, size_t n)
{
	pb_varint(b, ((uint64_t)field << 3) | 2);
	pb_varint(b, n);
	buf_put(b, data, n);
}

static void pb_string(struct buf *b, uint32_t field, const char *s)
{
	if (s && *s)
		pb_bytes(b, field, s, strlen(s));
}

struct pb_field {
	uint32_t num;
	uint64_t v; // varint value
	const uint8_t *data; // length-delimited value
	size_t len;
};

struct pb_reader {
	const uint8_t *p, *end;
};

static int pb_read_varint(struct pb_reader *r, uint64_t *out)
{
	uint64_t v = 0;
	for (int shift = 0; shift < 64; shift += 7) {
		if (r->p >= r->end)
			return -1;
		uint8_t c = *r->p++;
		v |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80)) {
			*out = v;
			return 0;
		}
	}
	return -1;
}

// 1: a field read; 0: the end; -1: malformed.
static int pb_next(struct pb_reader *r, struct pb_field *f)
{
	if (r->p >= r->end)
		return 0;
	uint64_t key;
	if (pb_read_varint(r, &key) < 0)
		return -1;
	f->num = (uint32_t)(key >> 3);
	f->data = NULL;
	f->len = 0;
	f->v = 0;
	switch (key & 7) {
	case 0:
		return pb_read_varint(r, &f->v) < 0 ? -1 : 1;
	case 1:
		if (r->end - r->p < 8)
			return -1;
		r->p += 8;
		return 1;
	case 2: {
		uint64_t n;
		if (pb_read_varint(r, &n) < 0 || n > (uint64_t)(r->end - r->p))
			return -1;
		f->data = r->p;
		f->len = n;
		r->p += n;
		return 1;
	}
	case 5:
		if (r->end - r->p < 4)
			return -1;
		r->p += 4;
		return 1;
	default:
		return -1;
	}
}

static struct pb_reader pb_sub(const struct pb_field *f)
{
	return (struct pb_reader){f->data, f->data + f->len};
}

// A length-delimited field as a NUL-terminated string: 0, or -1 when it is not a string that fits
// (dst is then left empty, which every step refuses as malformed).
static int pb_copy(const struct pb_field *f, char *dst, size_t cap)
{
	dst[0] = 0;
	if (!f->data || f->len >= cap || memchr(f->data, 0, f->len))
		return -1;
	memcpy(dst, f->data, f->len);
	dst[f->len] = 0;
	return 0;
}

// As much of a length-delimited field as fits, cut on a UTF-8 character boundary (for messages).
static void pb_copy_prefix(const struct pb_field *f, char *dst, size_t cap)
{
	size_t n = f->len < cap - 1 ? f->len : cap - 1;
	if (n < f->len)
		while (n > 0 && (f->data[n] & 0xc0) == 0x80)
			n--;
	if (n)
		memcpy(dst, f->data, n);
	dst[n] = 0;
}

// ---------------------------------------------------------------------------------------------
// JSON: just enough to find two top-level strings of the config (agentSocket, cniVersion) and
// to write an error object. Everything else in the config is the agent's to validate.

static const char *json_ws(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

// Past a string starting at p (at the opening quote); NULL if unterminated.
static const char *json_skip_string(const char *p, const char *end)
{
	for (p++; p < end; p++) {
		if (*p == '\\')
			p++;
		else if (*p == '"')
			return p + 1;
	}
	return NULL;
}

static const char *json_skip_value(const char *p, const char *end, int depth)
{
	p = json_ws(p, end);
	if (p >= end || depth > 256)
		return NULL;
	if (*p == '"')
		return json_skip_string(p, end);
	if (*p == '{' || *p == '[') {
		char close = *p == '{' ? '}' : ']';
		p = json_ws(p + 1, end);
		if (p < end && *p == close)
			return p + 1;
		for (;;) {
			if (close == '}') {
				if (p >= end || *p != '"' || !(p = json_skip_string(p, end)))
					return NULL;
				p = json_ws(p, end);
				if (p >= end || *p != ':')
					return NULL;
				p++;
			}
			if (!(p = json_skip_value(p, end, depth + 1)))
				return NULL;
			p = json_ws(p, end);
			if (p < end && *p == ',') {
				p = json_ws(p + 1, end);
				continue;
			}
			return p < end && *p == close ? p + 1 : NULL;
		}
	}
	while (p < end && !strchr(",}] \t\r\n", *p))
		p++;
	return p;
}

#define JSON_ABSENT (-1)
#define JSON_UNUSABLE (-2)

// The top-level string `key` of the object in [p, end) into out (the last one, as JSON.parse
// takes it). 0 when found; JSON_ABSENT; JSON_UNUSABLE when it is not a string, holds escapes
// other than \" \\ \/ or NUL, or does not fit.
static int json_top_string(const char *p, const char *end, const char *key, char *out, size_t cap)
{
	p = json_ws(p, end);
	if (p >= end || *p != '{')
		return JSON_ABSENT;
	p = json_ws(p + 1, end);
	size_t klen = strlen(key);
	int found = JSON_ABSENT;
	while (p < end && *p == '"') {
		const char *k = p + 1;
		const char *kend = json_skip_string(p, end);
		if (!kend)
			return found;
		int match = (size_t)(kend - 1 - k) == klen && !memcmp(k, key, klen);
		p = json_ws(kend, end);
		if (p >= end || *p != ':')
			return found;
		p = json_ws(p + 1, end);
		if (match) {
			found = JSON_UNUSABLE;
			if (p < end && *p == '"') {
				size_t n = 0;
				const char *q = p + 1;
				for (; q < end && *q != '"'; q++) {
					char c = *q;
					if (c == '\\') {
						if (++q >= end || !strchr("\"\\/", *q))
							break;
						c = *q;
					}
					if (n + 1 >= cap || c == 0)
						break;
					out[n++] = c;
				}
				if (q < end && *q == '"') {
					out[n] = 0;
					found = 0;
				}
			}
		}
		if (!(p = json_skip_value(p, end, 1)))
			return found;
		p = json_ws(p, end);
		if (p < end && *p == ',')
			p = json_ws(p + 1, end);
	}
	return found;
}

static void json_quote(struct buf *b, const char *s)
{
	buf_str(b, "\"");
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\') {
			char e[2] = {'\\', (char)c};
			buf_put(b, e, 2);
		} else if (c < 0x20) {
			buf_printf(b, "\\u%04x", c);
		} else {
			buf_put(b, &c, 1);
		}
	}
	buf_str(b, "\"");
}

// The config's cniVersion when it is a plain version string, else ours.
static char cni_version[32] = CURRENT_VERSION;

static void print_error(unsigned code, const char *msg)
{
	struct buf b = {0};
	buf_str(&b, "{\"cniVersion\":");
	json_quote(&b, cni_version);
	buf_printf(&b, ",\"code\":%u,\"msg\":", code);
	json_quote(&b, msg);
	buf_str(&b, "}\n");
	fwrite(b.p, 1, b.len, stdout);
	fflush(stdout);
}

// ---------------------------------------------------------------------------------------------
// The agent socket

static int write_all(int fd, const void *data, size_t n)
{
	const uint8_t *p = data;
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

// -1 with errno set; errno 0 for the end of the stream.
static int read_full(int fd, void *data, size_t n)
{
	uint8_t *p = data;
	while (n) {
		ssize_t r = read(fd, p, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r == 0)
			errno = 0;
		if (r <= 0)
			return -1;
		p += r;
		n -= (size_t)r;
	}
	return 0;
}

static int send_frame(int fd, const struct buf *payload)
{
	uint8_t head[4] = {payload->len >> 24, payload->len >> 16, payload->len >> 8, payload->len};
	return write_all(fd, head, 4) < 0 || write_all(fd, payload->p, payload->len) < 0 ? -1 : 0;
}

static int recv_frame(int fd, struct buf *payload)
{
	uint8_t head[4];
	if (read_full(fd, head, 4) < 0)
		return -1;
	uint32_t n = (uint32_t)head[0] << 24 | (uint32_t)head[1] << 16 | (uint32_t)head[2] << 8 | head[3];
	if (n > MAX_FRAME)
		return -1;
	payload->len = 0;
	if (n) {
		if (payload->cap < n) {
			uint8_t *p = realloc(payload->p, n);
			if (!p)
				die_oom();
			payload->p = p;
			payload->cap = n;
		}
		if (read_full(fd, payload->p, n) < 0)
			return -1;
	}
	payload->len = n;
	return 0;
}

// ---------------------------------------------------------------------------------------------
// rtnetlink

struct nl {
	int fd;
	uint32_t seq;
};

struct nlmsg {
	struct nlmsghdr h;
	uint8_t body[2048];
};

static int nl_open(struct nl *nl)
{
	nl->fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	nl->seq = 1;
	if (nl->fd < 0)
		return -1;
	// The kernel answers at once; a lost answer must not hang the plugin.
	struct timeval tv = {.tv_sec = 5};
	setsockopt(nl->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	return 0;
}

// One datagram of answers into rx: its length, or -errno (EMSGSIZE when it did not fit).
static ssize_t nl_recv(struct nl *nl, uint8_t *rx, size_t cap)
{
	for (;;) {
		ssize_t n = recv(nl->fd, rx, cap, MSG_TRUNC);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		return (size_t)n > cap ? -EMSGSIZE : n;
	}
}

static void nl_init(struct nlmsg *m, uint16_t type, uint16_t flags, const void *hdr, size_t hlen)
{
	memset(m, 0, sizeof(*m));
	m->h.nlmsg_len = NLMSG_LENGTH(hlen);
	m->h.nlmsg_type = type;
	m->h.nlmsg_flags = NLM_F_REQUEST | flags;
	memcpy(NLMSG_DATA(&m->h), hdr, hlen);
}

static struct rtattr *nl_attr(struct nlmsg *m, uint16_t type, const void *data, size_t len)
{
	struct rtattr *a = (struct rtattr *)((uint8_t *)m + NLMSG_ALIGN(m->h.nlmsg_len));
	a->rta_type = type;
	a->rta_len = RTA_LENGTH(len);
	if (len)
		memcpy(RTA_DATA(a), data, len);
	m->h.nlmsg_len = NLMSG_ALIGN(m->h.nlmsg_len) + RTA_ALIGN(a->rta_len);
	return a;
}

static void nl_attr_u32(struct nlmsg *m, uint16_t type, uint32_t v)
{
	nl_attr(m, type, &v, 4);
}

static struct rtattr *nl_nest(struct nlmsg *m, uint16_t type)
{
	return nl_attr(m, type, NULL, 0);
}

static void nl_nest_end(struct nlmsg *m, struct rtattr *nest)
{
	nest->rta_len = (uint16_t)((uint8_t *)m + m->h.nlmsg_len - (uint8_t *)nest);
}

typedef void (*nl_each_fn)(struct nlmsghdr *h, void *ctx);

// Sends m and reads the answers up to its acknowledgement (or, for a dump, its end), calling fn
// (when given) with every other answer: 0, or -errno.
static int nl_talk(struct nl *nl, struct nlmsg *m, nl_each_fn fn, void *ctx)
{
	int dump = (m->h.nlmsg_flags & NLM_F_DUMP) == NLM_F_DUMP;
	if (!dump)
		m->h.nlmsg_flags |= NLM_F_ACK;
	m->h.nlmsg_seq = ++nl->seq;
	if (send(nl->fd, m, m->h.nlmsg_len, 0) < 0)
		return -errno;
	static uint8_t rx[65536];
	int interrupted = 0;
	for (;;) {
		ssize_t got = nl_recv(nl, rx, sizeof(rx));
		if (got < 0)
			return (int)got;
		int n = (int)got;
		for (struct nlmsghdr *h = (struct nlmsghdr *)rx; NLMSG_OK(h, n); h = NLMSG_NEXT(h, n)) {
			if (h->nlmsg_seq != nl->seq)
				continue;
			if (h->nlmsg_flags & NLM_F_DUMP_INTR)
				interrupted = 1;
			if (h->nlmsg_type == NLMSG_DONE) {
				int err = h->nlmsg_len >= NLMSG_LENGTH(sizeof(int)) ? *(int *)NLMSG_DATA(h) : 0;
				// A dump that changed under us is inconsistent: the caller may ask again.
				return err < 0 ? err : interrupted ? -EAGAIN : 0;
			}
			if (h->nlmsg_type == NLMSG_ERROR)
				return ((struct nlmsgerr *)NLMSG_DATA(h))->error;
			if (fn)
				fn(h, ctx);
		}
	}
}

static int nl_do(struct nl *nl, struct nlmsg *m)
{
	return nl_talk(nl, m, NULL, NULL);
}

static int nl_dump(struct nl *nl, struct nlmsg *m, nl_each_fn fn, void *ctx)
{
	m->h.nlmsg_flags |= NLM_F_DUMP;
	return nl_talk(nl, m, fn, ctx);
}

static int link_up(struct nl *nl, int ifindex)
{
	struct ifinfomsg ifi = {.ifi_family = AF_UNSPEC, .ifi_index = ifindex, .ifi_flags = IFF_UP, .ifi_change = IFF_UP};
	struct nlmsg m;
	nl_init(&m, RTM_NEWLINK, 0, &ifi, sizeof(ifi));
	return nl_do(nl, &m);
}

// No IPv6 link-local address (IPv4 only: no ND/MLD packets to be counted as drops).
static int link_addrgenmode_none(struct nl *nl, int ifindex)
{
	struct ifinfomsg ifi = {.ifi_family = AF_UNSPEC, .ifi_index = ifindex};
	struct nlmsg m;
	nl_init(&m, RTM_NEWLINK, 0, &ifi, sizeof(ifi));
	struct rtattr *spec = nl_nest(&m, IFLA_AF_SPEC);
	struct rtattr *inet6 = nl_nest(&m, AF_INET6);
	uint8_t mode = IN6_ADDR_GEN_MODE_NONE;
	nl_attr(&m, IFLA_INET6_ADDR_GEN_MODE, &mode, 1);
	nl_nest_end(&m, inet6);
	nl_nest_end(&m, spec);
	int rc = nl_do(nl, &m);
	return rc == -EAFNOSUPPORT ? 0 : rc; // IPv6 disabled at boot: no link-local to suppress
}

static int addr_add(struct nl *nl, int ifindex, struct in_addr ip)
{
	struct ifaddrmsg ifa = {.ifa_family = AF_INET, .ifa_prefixlen = 32, .ifa_index = (uint32_t)ifindex};
	struct nlmsg m;
	nl_init(&m, RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, &ifa, sizeof(ifa));
	nl_attr(&m, IFA_LOCAL, &ip, 4);
	nl_attr(&m, IFA_ADDRESS, &ip, 4);
	return nl_do(nl, &m);
}

// Adds a route to the main table: dst/dst_len through ifindex, via gw when gw is not NULL
// (onlink). Like `ip route add`, it fails on an existing route to dst (a default route someone
// else set in the pod, or another route to the pod's address on the host) rather than take it over.
static int route_add(struct nl *nl, int ifindex, struct in_addr dst, uint8_t dst_len, const struct in_addr *gw)
{
	struct rtmsg rt = {
		.rtm_family = AF_INET,
		.rtm_dst_len = dst_len,
		.rtm_table = RT_TABLE_MAIN,
		.rtm_protocol = RTPROT_BOOT,
		.rtm_scope = gw ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK,
		.rtm_type = RTN_UNICAST,
		.rtm_flags = gw ? RTNH_F_ONLINK : 0,
	};
	struct nlmsg m;
	nl_init(&m, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL, &rt, sizeof(rt));
	if (dst_len)
		nl_attr(&m, RTA_DST, &dst, 4);
	if (gw)
		nl_attr(&m, RTA_GATEWAY, gw, 4);
	nl_attr_u32(&m, RTA_OIF, (uint32_t)ifindex);
	return nl_do(nl, &m);
}

static int neigh_set(struct nl *nl, int ifindex, struct in_addr ip, const uint8_t mac[6])
{
	struct ndmsg nd = {.ndm_family = AF_INET, .ndm_ifindex = ifindex, .ndm_state = NUD_PERMANENT};
	struct nlmsg m;
	nl_init(&m, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_REPLACE, &nd, sizeof(nd));
	nl_attr(&m, NDA_DST, &ip, 4);
	nl_attr(&m, NDA_LLADDR, mac, 6);
	return nl_do(nl, &m);
}

// Deletes a link by index, or by name when the index is not known.
static int link_del(struct nl *nl, int ifindex, const char *name)
{
	struct ifinfomsg ifi = {.ifi_family = AF_UNSPEC, .ifi_index = ifindex};
	struct nlmsg m;
	nl_init(&m, RTM_DELLINK, 0, &ifi, sizeof(ifi));
	if (!ifindex)
		nl_attr(&m, IFLA_IFNAME, name, strlen(name) + 1);
	return nl_do(nl, &m);
}

// ---------------------------------------------------------------------------------------------
// Steps

struct step_result {
	int err; // errno, 0 = done
	char error[512];
	uint32_t host_ifindex;
	int link_found;
	int link_exists; // wire: the veth could not be created, a name is taken
	char mac[18];
	struct buf lists; // the repeated fields (addresses, default_gateways), pb-encoded
};

static int fail(struct step_result *r, int err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(r->error, sizeof(r->error), fmt, ap);
	va_end(ap);
	if (n > 0 && (size_t)n < sizeof(r->error))
		snprintf(r->error + n, sizeof(r->error) - (size_t)n, ": %s", strerror(err));
	r->err = err;
	return -1;
}

// The namespace the plugin started in: every step starts from there.
static int own_netns = -1;

static int enter_netns(const char *path, struct step_result *r)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return fail(r, errno, "open network namespace %s", path);
	int rc = setns(fd, CLONE_NEWNET);
	int err = errno;
	close(fd);
	return rc < 0 ? fail(r, err, "enter network namespace %s", path) : 0;
}

static int parse_mac(const char *s, uint8_t mac[6])
{
	unsigned v[6];
	if (sscanf(s, "%2x:%2x:%2x:%2x:%2x:%2x", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5]) != 6)
		return -1;
	for (int i = 0; i < 6; i++)
		mac[i] = (uint8_t)v[i];
	return 0;
}

struct wire_req {
	char host_netns[4096];
	uint64_t host_netns_inode;
	char pod_netns[4096];
	char host_ifname[IFNAMSIZ], pod_ifname[IFNAMSIZ];
	char ip[16], gateway[16], host_mac[18], pod_mac[18];
	uint32_t mtu;
	int bad; // a field that did not fit
};

static void wire_fields(struct pb_reader *rd, struct wire_req *w)
{
	struct pb_field f;
	while (pb_next(rd, &f) == 1) {
		switch (f.num) {
		case 1: w->bad |= pb_copy(&f, w->host_netns, sizeof(w->host_netns)); break;
		case 2: w->host_netns_inode = f.v; break;
		case 3: w->bad |= pb_copy(&f, w->pod_netns, sizeof(w->pod_netns)); break;
		case 4: w->bad |= pb_copy(&f, w->host_ifname, sizeof(w->host_ifname)); break;
		case 5: w->bad |= pb_copy(&f, w->pod_ifname, sizeof(w->pod_ifname)); break;
		case 6: w->bad |= pb_copy(&f, w->ip, sizeof(w->ip)); break;
		case 7: w->bad |= pb_copy(&f, w->gateway, sizeof(w->gateway)); break;
		case 8: w->bad |= pb_copy(&f, w->host_mac, sizeof(w->host_mac)); break;
		case 9: w->bad |= pb_copy(&f, w->pod_mac, sizeof(w->pod_mac)); break;
		case 10: w->mtu = (uint32_t)f.v; break;
		}
	}
}

// Configures the pod's side; the caller is in the pod's namespace with nl opened there.
static int wire_pod_side(struct nl *nl, const struct wire_req *w, struct in_addr ip, struct in_addr gw,
			 const uint8_t host_mac[6], struct step_result *r)
{
	int lo = (int)if_nametoindex("lo");
	int pod = (int)if_nametoindex(w->pod_ifname);
	if (!pod)
		return fail(r, errno, "find %s in %s", w->pod_ifname, w->pod_netns);
	int rc;
	if (lo && (rc = link_up(nl, lo)) < 0)
		return fail(r, -rc, "set lo up in %s", w->pod_netns);
	if ((rc = link_addrgenmode_none(nl, pod)) < 0)
		return fail(r, -rc, "set addrgenmode none on %s", w->pod_ifname);
	if ((rc = link_up(nl, pod)) < 0)
		return fail(r, -rc, "set %s up", w->pod_ifname);
	if ((rc = addr_add(nl, pod, ip)) < 0)
		return fail(r, -rc, "add %s/32 to %s", w->ip, w->pod_ifname);
	if ((rc = route_add(nl, pod, gw, 32, NULL)) < 0)
		return fail(r, -rc, "add the route to %s on %s", w->gateway, w->pod_ifname);
	if ((rc = route_add(nl, pod, (struct in_addr){0}, 0, &gw)) < 0)
		return fail(r, -rc, "add the default route via %s on %s", w->gateway, w->pod_ifname);
	if ((rc = neigh_set(nl, pod, gw, host_mac)) < 0)
		return fail(r, -rc, "add the neighbour %s on %s", w->gateway, w->pod_ifname);
	return 0;
}

static int wire(const struct wire_req *w, struct step_result *r)
{
	struct in_addr ip, gw;
	uint8_t host_mac[6], pod_mac[6];
	if (w->bad || inet_pton(AF_INET, w->ip, &ip) != 1 || inet_pton(AF_INET, w->gateway, &gw) != 1 ||
	    parse_mac(w->host_mac, host_mac) < 0 || parse_mac(w->pod_mac, pod_mac) < 0 || !w->host_ifname[0] ||
	    !w->pod_ifname[0] || !w->pod_netns[0])
		return fail(r, EINVAL, "malformed wiring request from the agent");

	if (w->host_netns[0]) {
		struct stat own;
		if (stat("/proc/self/ns/net", &own) < 0 || (uint64_t)own.st_ino != w->host_netns_inode) {
			if (enter_netns(w->host_netns, r) < 0)
				return -1;
		}
	}
	struct nl host = {.fd = -1};
	int podns = -1, created = 0, hidx = 0, rc;
	if (nl_open(&host) < 0) {
		fail(r, errno, "open rtnetlink");
		goto out;
	}
	if ((podns = open(w->pod_netns, O_RDONLY | O_CLOEXEC)) < 0) {
		fail(r, errno, "open network namespace %s", w->pod_netns);
		goto out;
	}

	struct ifinfomsg ifi = {.ifi_family = AF_UNSPEC};
	struct nlmsg m;
	nl_init(&m, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, &ifi, sizeof(ifi));
	nl_attr(&m, IFLA_IFNAME, w->host_ifname, strlen(w->host_ifname) + 1);
	nl_attr_u32(&m, IFLA_MTU, w->mtu ? w->mtu : 1500);
	nl_attr(&m, IFLA_ADDRESS, host_mac, 6);
	struct rtattr *info = nl_nest(&m, IFLA_LINKINFO);
	nl_attr(&m, IFLA_INFO_KIND, "veth", 4);
	struct rtattr *data = nl_nest(&m, IFLA_INFO_DATA);
	struct rtattr *peer = nl_nest(&m, VETH_INFO_PEER);
	struct ifinfomsg peer_ifi = {.ifi_family = AF_UNSPEC};
	memcpy((uint8_t *)&m + m.h.nlmsg_len, &peer_ifi, sizeof(peer_ifi));
	m.h.nlmsg_len += NLMSG_ALIGN(sizeof(peer_ifi));
	nl_attr(&m, IFLA_IFNAME, w->pod_ifname, strlen(w->pod_ifname) + 1);
	nl_attr_u32(&m, IFLA_MTU, w->mtu ? w->mtu : 1500);
	nl_attr(&m, IFLA_ADDRESS, pod_mac, 6);
	nl_attr_u32(&m, IFLA_NET_NS_FD, (uint32_t)podns);
	nl_nest_end(&m, peer);
	nl_nest_end(&m, data);
	nl_nest_end(&m, info);
	if ((rc = nl_do(&host, &m)) < 0) {
		fail(r, -rc, "create veth %s with peer %s in %s", w->host_ifname, w->pod_ifname, w->pod_netns);
		r->link_exists = rc == -EEXIST;
		goto out;
	}
	created = 1;

	if (!(hidx = (int)if_nametoindex(w->host_ifname)))
		fail(r, errno, "find %s after creating it", w->host_ifname);
	else if ((rc = link_addrgenmode_none(&host, hidx)) < 0)
		fail(r, -rc, "set addrgenmode none on %s", w->host_ifname);
	else if ((rc = link_up(&host, hidx)) < 0)
		fail(r, -rc, "set %s up", w->host_ifname);
	else if ((rc = route_add(&host, hidx, ip, 32, NULL)) < 0)
		fail(r, -rc, "add the host route to %s via %s", w->ip, w->host_ifname);
	else if ((rc = neigh_set(&host, hidx, ip, pod_mac)) < 0)
		fail(r, -rc, "add the neighbour %s on %s", w->ip, w->host_ifname);
	else if (setns(podns, CLONE_NEWNET) < 0)
		fail(r, errno, "enter network namespace %s", w->pod_netns);
	else {
		struct nl pod;
		if (nl_open(&pod) < 0)
			fail(r, errno, "open rtnetlink in %s", w->pod_netns);
		else {
			wire_pod_side(&pod, w, ip, gw, host_mac, r);
			close(pod.fd);
		}
	}
out:
	if (r->err && created)
		link_del(&host, hidx, w->host_ifname); // the pod's end goes with it
	if (podns >= 0)
		close(podns);
	if (host.fd >= 0)
		close(host.fd);
	if (r->err)
		return -1;
	r->host_ifindex = (uint32_t)hidx;
	return 0;
}

struct probe_ctx {
	int ifindex;
	struct step_result *r;
};

static void probe_link(struct nlmsghdr *h, void *vctx)
{
	struct probe_ctx *ctx = vctx;
	if (h->nlmsg_type != RTM_NEWLINK)
		return;
	struct ifinfomsg *got = NLMSG_DATA(h);
	int len = (int)IFLA_PAYLOAD(h);
	for (struct rtattr *a = IFLA_RTA(got); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
		if (a->rta_type == IFLA_ADDRESS && RTA_PAYLOAD(a) == 6) {
			const uint8_t *p = RTA_DATA(a);
			snprintf(ctx->r->mac, sizeof(ctx->r->mac), "%02x:%02x:%02x:%02x:%02x:%02x", p[0], p[1], p[2], p[3],
				 p[4], p[5]);
		}
	}
	ctx->ifindex = got->ifi_index;
	ctx->r->link_found = 1;
}

static void probe_addr(struct nlmsghdr *h, void *vctx)
{
	struct probe_ctx *ctx = vctx;
	if (h->nlmsg_type != RTM_NEWADDR)
		return;
	struct ifaddrmsg *ifa = NLMSG_DATA(h);
	if ((int)ifa->ifa_index != ctx->ifindex)
		return;
	int len = (int)IFA_PAYLOAD(h);
	for (struct rtattr *a = IFA_RTA(ifa); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
		if (a->rta_type != IFA_LOCAL || RTA_PAYLOAD(a) != 4)
			continue;
		char ip[INET_ADDRSTRLEN], s[INET_ADDRSTRLEN + 4];
		inet_ntop(AF_INET, RTA_DATA(a), ip, sizeof(ip));
		snprintf(s, sizeof(s), "%s/%u", ip, ifa->ifa_prefixlen);
		pb_string(&ctx->r->lists, 6, s);
	}
}

static void probe_route(struct nlmsghdr *h, void *vctx)
{
	struct probe_ctx *ctx = vctx;
	if (h->nlmsg_type != RTM_NEWROUTE)
		return;
	struct rtmsg *rt = NLMSG_DATA(h);
	if (rt->rtm_dst_len != 0)
		return;
	uint32_t table = rt->rtm_table, oif = 0;
	const void *gw = NULL;
	int len = (int)RTM_PAYLOAD(h);
	for (struct rtattr *a = RTM_RTA(rt); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
		if (a->rta_type == RTA_TABLE && RTA_PAYLOAD(a) == 4)
			memcpy(&table, RTA_DATA(a), 4);
		else if (a->rta_type == RTA_OIF && RTA_PAYLOAD(a) == 4)
			memcpy(&oif, RTA_DATA(a), 4);
		else if (a->rta_type == RTA_GATEWAY && RTA_PAYLOAD(a) == 4)
			gw = RTA_DATA(a);
	}
	if (table != RT_TABLE_MAIN || (int)oif != ctx->ifindex || !gw)
		return;
	char s[INET_ADDRSTRLEN];
	inet_ntop(AF_INET, gw, s, sizeof(s));
	pb_string(&ctx->r->lists, 7, s);
}

static int probe(const char *netns, const char *ifname, struct step_result *r)
{
	if (enter_netns(netns, r) < 0)
		return -1;
	struct nl nl;
	if (nl_open(&nl) < 0)
		return fail(r, errno, "open rtnetlink in %s", netns);
	struct ifinfomsg ifi = {.ifi_family = AF_UNSPEC};
	struct nlmsg m;
	nl_init(&m, RTM_GETLINK, 0, &ifi, sizeof(ifi));
	nl_attr(&m, IFLA_IFNAME, ifname, strlen(ifname) + 1);
	struct probe_ctx ctx = {.r = r};
	int rc = nl_talk(&nl, &m, probe_link, &ctx);
	if (rc == -ENODEV || (rc == 0 && !r->link_found)) {
		close(nl.fd);
		return 0; // no such interface: link_found stays 0
	}
	if (rc < 0) {
		close(nl.fd);
		return fail(r, -rc, "ask for %s in %s", ifname, netns);
	}

	struct ifaddrmsg ifa = {.ifa_family = AF_INET};
	nl_init(&m, RTM_GETADDR, 0, &ifa, sizeof(ifa));
	rc = nl_dump(&nl, &m, probe_addr, &ctx);
	if (rc == 0) {
		struct rtmsg rt = {.rtm_family = AF_INET};
		nl_init(&m, RTM_GETROUTE, 0, &rt, sizeof(rt));
		rc = nl_dump(&nl, &m, probe_route, &ctx);
	}
	close(nl.fd);
	return rc < 0 ? fail(r, -rc, "list addresses and routes in %s", netns) : 0;
}

static void encode_step_result(struct buf *req, const struct step_result *r)
{
	struct buf inner = {0};
	pb_uint(&inner, 1, (uint32_t)r->err);
	if (r->err)
		pb_string(&inner, 2, r->error);
	pb_uint(&inner, 3, r->host_ifindex);
	pb_uint(&inner, 4, (uint64_t)r->link_found);
	pb_string(&inner, 5, r->mac);
	pb_uint(&inner, 8, (uint64_t)r->link_exists);
	if (r->lists.len)
		buf_put(&inner, r->lists.p, r->lists.len);
	req->len = 0;
	pb_uint(req, 1, API_VERSION);
	pb_bytes(req, 21, inner.p ? inner.p : (const uint8_t *)"", inner.len);
	free(inner.p);
}

// ---------------------------------------------------------------------------------------------

static int read_stdin(struct buf *b)
{
	uint8_t tmp[65536];
	for (;;) {
		ssize_t n = read(0, tmp, sizeof(tmp));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return 0;
		buf_put(b, tmp, (size_t)n);
		if (b->len > MAX_FRAME - 65536) {
			errno = EFBIG;
			return -1;
		}
	}
}

static int version_chars(const char *s)
{
	if (!*s || strlen(s) >= sizeof(cni_version))
		return 0;
	for (; *s; s++)
		if (!strchr("0123456789.", *s))
			return 0;
	return 1;
}

int main(void)
{
	// An agent that goes away mid-call must not kill the plugin before it prints an error.
	signal(SIGPIPE, SIG_IGN);
	struct buf in = {0};
	if (read_stdin(&in) < 0) {
		char msg[128];
		snprintf(msg, sizeof(msg), "reading the network configuration from stdin: %s", strerror(errno));
		print_error(ERR_IO, msg);
		return 1;
	}
	const char *json = in.p ? (const char *)in.p : "";
	const char *json_end = json + in.len;
	const char *command = getenv("CNI_COMMAND");
	int is_version = command && !strcmp(command, "VERSION");
	char version[64];
	if (json_top_string(json, json_end, "cniVersion", version, sizeof(version)) == 0 && version_chars(version))
		strcpy(cni_version, version);
	// Not JSON at all: say so here, since without the config there is no agentSocket to go to.
	const char *parsed = json_skip_value(json, json_end, 0);
	if (!is_version && (!parsed || json_ws(parsed, json_end) != json_end)) {
		print_error(ERR_DECODING, "decoding the network configuration on stdin: it is not valid JSON");
		return 1;
	}

	if (is_version) {
		// The spec echoes the config's version; junk or no config is fine for VERSION.
		struct buf b = {0};
		buf_str(&b, "{\"cniVersion\":");
		json_quote(&b, cni_version);
		buf_str(&b, ",\"supportedVersions\":" SUPPORTED_VERSIONS "}\n");
		fwrite(b.p, 1, b.len, stdout);
		return 0;
	}

	char socket_path[sizeof(((struct sockaddr_un *)0)->sun_path)];
	int sock_at = json_top_string(json, json_end, "agentSocket", socket_path, sizeof(socket_path));
	if (sock_at == JSON_ABSENT) {
		strcpy(socket_path, DEFAULT_SOCKET);
	} else if (sock_at == JSON_UNUSABLE || socket_path[0] != '/') {
		print_error(ERR_INVALID_NETCONF,
			    "agentSocket: not an absolute path of at most 107 bytes written without JSON escapes");
		return 1;
	}
	unsigned unavailable = command && !strcmp(command, "STATUS") ? ERR_NOT_AVAILABLE : ERR_TRY_AGAIN;

	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	struct sockaddr_un addr = {.sun_family = AF_UNIX};
	strcpy(addr.sun_path, socket_path);
	if (fd < 0 || connect(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
		char msg[512];
		snprintf(msg, sizeof(msg),
			 "cannot reach the Sluice agent at %s: %s; is sluice-agent running on this node?", socket_path,
			 strerror(errno));
		print_error(unavailable, msg);
		return 1;
	}
	own_netns = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	if (own_netns < 0) {
		char msg[256];
		snprintf(msg, sizeof(msg), "cannot open the plugin's own network namespace: %s", strerror(errno));
		print_error(ERR_INTERNAL, msg);
		return 1;
	}
	struct timeval tv = {.tv_sec = AGENT_TIMEOUT_S};
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));

	struct buf inner = {0}, req = {0}, res = {0};
	for (char **e = environ; *e; e++)
		if (!strncmp(*e, "CNI_", 4))
			pb_string(&inner, 1, *e);
	pb_bytes(&inner, 2, in.p ? in.p : (const uint8_t *)"", in.len);
	pb_uint(&req, 1, API_VERSION);
	pb_bytes(&req, 20, inner.p, inner.len);

	for (;;) {
		if (send_frame(fd, &req) < 0 || recv_frame(fd, &res) < 0) {
			char msg[512];
			snprintf(msg, sizeof(msg), "the Sluice agent at %s did not answer: %s", socket_path,
				 errno ? strerror(errno) : "connection closed");
			print_error(unavailable, msg);
			return 1;
		}
		struct pb_reader rd = {res.p, res.p + res.len};
		struct pb_field f, step = {0}, error = {0};
		int have_step = 0, have_error = 0;
		while (pb_next(&rd, &f) == 1) {
			if (f.num == 2 && f.data)
				error = f, have_error = 1;
			else if (f.num == 21 && f.data)
				step = f, have_step = 1;
		}
		if (have_error) {
			uint32_t code = ERR_INTERNAL;
			char message[2048] = "the agent refused the request";
			struct pb_reader er = pb_sub(&error);
			while (pb_next(&er, &f) == 1) {
				if (f.num == 1)
					code = (uint32_t)f.v;
				else if (f.num == 2 && f.data)
					pb_copy_prefix(&f, message, sizeof(message));
			}
			print_error(code, message);
			return 1;
		}
		if (!have_step) {
			print_error(ERR_INTERNAL, "the Sluice agent answered without a CNI step");
			return 1;
		}
		struct pb_reader sr = pb_sub(&step);
		struct step_result r = {0};
		int kind = 0;
		if (setns(own_netns, CLONE_NEWNET) < 0) {
			print_error(ERR_INTERNAL, "cannot return to the plugin's own network namespace");
			return 1;
		}
		while (pb_next(&sr, &f) == 1) {
			if (!f.data)
				continue;
			struct pb_reader body = pb_sub(&f);
			if (f.num == 1) {
				const uint8_t *out = NULL;
				size_t out_len = 0;
				uint32_t code = 0;
				while (pb_next(&body, &f) == 1) {
					if (f.num == 1 && f.data)
						out = f.data, out_len = f.len;
					else if (f.num == 2)
						code = (uint32_t)f.v;
				}
				if (out_len && write_all(1, out, out_len) < 0)
					return 1;
				return (int)code;
			} else if (f.num == 2) {
				static struct wire_req w;
				memset(&w, 0, sizeof(w));
				wire_fields(&body, &w);
				wire(&w, &r);
				kind = 2;
			} else if (f.num == 3) {
				char netns[4096] = "", ifname[IFNAMSIZ] = "";
				int bad = 0;
				while (pb_next(&body, &f) == 1) {
					if (f.num == 1)
						bad |= pb_copy(&f, netns, sizeof(netns));
					else if (f.num == 2)
						bad |= pb_copy(&f, ifname, sizeof(ifname));
				}
				if (bad || !netns[0] || !ifname[0])
					fail(&r, EINVAL, "malformed probe request from the agent");
				else
					probe(netns, ifname, &r);
				kind = 3;
			}
		}
		if (!kind) {
			print_error(ERR_INTERNAL, "the Sluice agent sent a CNI step this plugin does not know");
			return 1;
		}
		encode_step_result(&req, &r);
		free(r.lists.p);
	}
}
