// sluice-cni: the executable a container runtime runs for every CNI call.
//
// It is deliberately small: it hands the invocation (the CNI_* variables and the config on stdin)
// to the node's Sluice agent over its unix socket, and the agent validates it and answers in CNI's
// terms (agent/cni/invocation.ts). The plugin does only what needs the pod's network namespace, which
// the agent may not be able to see: create and configure the veth pair (WirePod) and report what
// the pod's side holds (ProbePod), both over rtnetlink without starting a process. The protocol is
// agent/api/sluice.proto (CniRequest, CniStep, CniStepResult), framed with a 4-byte big-endian
// length. It answers VERSION itself, so a runtime can probe it while no agent runs, and refuses
// on its own, before it reaches for the agent, what the agent would refuse first anyway: bad CNI_*
// variables (4), a config that is not a JSON object (6), a missing or unsupported cniVersion (1),
// a missing or invalid name or type (7); so these get their own code, not 11, while no agent runs.
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
// Kept equal to SUPPORTED_VERSIONS in agent/cni/spec/version.ts (test/integration/cni.test.ts and
// test/integration/cni-without-agent.test.ts check).
#define SUPPORTED_VERSIONS "0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0"
#define ERR_INCOMPATIBLE_VERSION 1
#define ERR_INVALID_ENV 4
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
	if (!n)
		return;
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

// Wire types.
#define PB_VARINT 0
#define PB_I64 1
#define PB_LEN 2
#define PB_I32 5

// Every field the plugin reads or writes: X(message, field, number, wire type), named exactly as
// in the .proto; each becomes the constant PB_<message>_<field> (e.g. PB_WirePod_mtu = 10). Must be
// in sync with agent/api/sluice.proto; test/unit/cni-proto.test.ts checks them, and that no pb_*
// call or f.num comparison uses a bare number.
#define PB_FIELDS(X)                                    \
	X(Request, version, 1, PB_VARINT)               \
	X(Request, cni, 20, PB_LEN)                     \
	X(Request, cni_step, 21, PB_LEN)                \
	X(Response, error, 2, PB_LEN)                   \
	X(Response, cni, 21, PB_LEN)                    \
	X(Error, code, 1, PB_VARINT)                    \
	X(Error, message, 2, PB_LEN)                    \
	X(CniRequest, env, 1, PB_LEN)                   \
	X(CniRequest, stdin, 2, PB_LEN)                 \
	X(CniStep, done, 1, PB_LEN)                     \
	X(CniStep, wire, 2, PB_LEN)                     \
	X(CniStep, probe, 3, PB_LEN)                    \
	X(CniDone, stdout, 1, PB_LEN)                   \
	X(CniDone, exit_code, 2, PB_VARINT)             \
	X(WirePod, host_netns, 1, PB_LEN)               \
	X(WirePod, host_netns_inode, 2, PB_VARINT)      \
	X(WirePod, pod_netns, 3, PB_LEN)                \
	X(WirePod, host_ifname, 4, PB_LEN)              \
	X(WirePod, pod_ifname, 5, PB_LEN)               \
	X(WirePod, ip, 6, PB_LEN)                       \
	X(WirePod, gateway, 7, PB_LEN)                  \
	X(WirePod, host_mac, 8, PB_LEN)                 \
	X(WirePod, pod_mac, 9, PB_LEN)                  \
	X(WirePod, mtu, 10, PB_VARINT)                  \
	X(WirePod, ipv6, 11, PB_LEN)                    \
	X(WirePod, gateway_v6, 12, PB_LEN)              \
	X(ProbePod, netns, 1, PB_LEN)                   \
	X(ProbePod, ifname, 2, PB_LEN)                  \
	X(CniStepResult, errno, 1, PB_VARINT)           \
	X(CniStepResult, error, 2, PB_LEN)              \
	X(CniStepResult, host_ifindex, 3, PB_VARINT)    \
	X(CniStepResult, link_found, 4, PB_VARINT)      \
	X(CniStepResult, mac, 5, PB_LEN)                \
	X(CniStepResult, addresses, 6, PB_LEN)          \
	X(CniStepResult, default_gateways, 7, PB_LEN)   \
	X(CniStepResult, link_exists, 8, PB_VARINT)

#define PB_FIELD_NUMBER(message, field, number, wire_type) PB_##message##_##field = number,
enum { PB_FIELDS(PB_FIELD_NUMBER) };
#undef PB_FIELD_NUMBER

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
	pb_varint(b, ((uint64_t)field << 3) | PB_LEN);
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
	case PB_VARINT:
		return pb_read_varint(r, &f->v) < 0 ? -1 : 1;
	case PB_I64:
		if (r->end - r->p < 8)
			return -1;
		r->p += 8;
		return 1;
	case PB_LEN: {
		uint64_t n;
		if (pb_read_varint(r, &n) < 0 || n > (uint64_t)(r->end - r->p))
			return -1;
		f->data = r->p;
		f->len = n;
		r->p += n;
		return 1;
	}
	case PB_I32:
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
// JSON: a strict check of the config (exactly what JSON.parse accepts: the agent parses the same
// bytes with it, so a config refused here as malformed is one the agent refuses too), reads of its
// top-level members, and the error object. Everything else in the config is the agent's to check.

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static const char *json_ws(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

// Past the string at p (at its opening quote); NULL when it is not a valid JSON string. Bytes from
// 0x80 up are taken as they come (the agent reads invalid UTF-8 as U+FFFD, which JSON allows).
static const char *json_check_string(const char *p, const char *end)
{
	for (p++; p < end; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '"')
			return p + 1;
		if (c < 0x20)
			return NULL;
		if (c != '\\')
			continue;
		if (++p >= end)
			return NULL;
		if (*p == 'u') {
			for (int i = 0; i < 4; i++)
				if (++p >= end || hex_value(*p) < 0)
					return NULL;
		} else if (!*p || !strchr("\"\\/bfnrt", *p)) {
			return NULL;
		}
	}
	return NULL;
}

// Past the number, string or literal at p (< end); NULL when there is none.
static const char *json_check_scalar(const char *p, const char *end)
{
	if (*p == '"')
		return json_check_string(p, end);
	if (*p == '-' || is_digit(*p)) {
		if (*p == '-' && (++p >= end || !is_digit(*p)))
			return NULL;
		if (*p++ != '0')
			while (p < end && is_digit(*p))
				p++;
		if (p < end && *p == '.') {
			if (++p >= end || !is_digit(*p))
				return NULL;
			while (p < end && is_digit(*p))
				p++;
		}
		if (p < end && (*p == 'e' || *p == 'E')) {
			if (++p < end && (*p == '+' || *p == '-'))
				p++;
			if (p >= end || !is_digit(*p))
				return NULL;
			while (p < end && is_digit(*p))
				p++;
		}
		return p;
	}
	static const char *const literals[] = {"true", "false", "null"};
	for (size_t i = 0; i < 3; i++) {
		size_t n = strlen(literals[i]);
		if ((size_t)(end - p) >= n && !memcmp(p, literals[i], n))
			return p + n;
	}
	return NULL;
}

// NULL when [start, end) is one JSON text, else where it stops being one. Iterative: no nesting
// depth JSON.parse takes is refused.
static const char *json_check(const char *start, const char *end)
{
	struct buf open = {0}; // '{' or '[' for every container we are in
	const char *p = json_ws(start, end), *bad = NULL;
	enum { VALUE, MEMBER, AFTER } want = VALUE;
	while (!bad) {
		if (want == AFTER) {
			p = json_ws(p, end);
			if (!open.len) {
				bad = p < end ? p : NULL;
				break;
			}
			char in = (char)open.p[open.len - 1];
			if (p < end && *p == ',') {
				p = json_ws(p + 1, end);
				want = in == '{' ? MEMBER : VALUE;
			} else if (p < end && *p == (in == '{' ? '}' : ']')) {
				p++;
				open.len--;
			} else {
				bad = p;
			}
		} else if (want == MEMBER) {
			const char *q = p < end && *p == '"' ? json_check_string(p, end) : NULL;
			if (q)
				q = json_ws(q, end);
			if (!q || q >= end || *q != ':')
				bad = q ? q : p;
			else
				p = json_ws(q + 1, end), want = VALUE;
		} else if (p < end && (*p == '{' || *p == '[')) {
			char in = *p;
			buf_put(&open, &in, 1);
			p = json_ws(p + 1, end);
			if (p < end && *p == (in == '{' ? '}' : ']'))
				p++, open.len--, want = AFTER;
			else
				want = in == '{' ? MEMBER : VALUE;
		} else {
			const char *q = p < end ? json_check_scalar(p, end) : NULL;
			if (q)
				p = q, want = AFTER;
			else
				bad = p;
		}
	}
	free(open.p);
	return bad;
}

// Past the value at p of a checked document.
static const char *json_skip(const char *p, const char *end)
{
	size_t depth = 0;
	do {
		p = json_ws(p, end);
		if (*p == '{' || *p == '[')
			depth++, p++;
		else if (*p == '}' || *p == ']')
			depth--, p++;
		else if (*p == ',' || *p == ':')
			p++;
		else
			p = json_check_scalar(p, end);
	} while (depth);
	return p;
}

static void put_utf8(struct buf *b, uint32_t c)
{
	uint8_t u[4];
	size_t n;
	if (c < 0x80)
		u[0] = (uint8_t)c, n = 1;
	else if (c < 0x800)
		u[0] = (uint8_t)(0xc0 | c >> 6), u[1] = (uint8_t)(0x80 | (c & 0x3f)), n = 2;
	else if (c < 0x10000)
		u[0] = (uint8_t)(0xe0 | c >> 12), u[1] = (uint8_t)(0x80 | (c >> 6 & 0x3f)),
		u[2] = (uint8_t)(0x80 | (c & 0x3f)), n = 3;
	else
		u[0] = (uint8_t)(0xf0 | c >> 18), u[1] = (uint8_t)(0x80 | (c >> 12 & 0x3f)),
		u[2] = (uint8_t)(0x80 | (c >> 6 & 0x3f)), u[3] = (uint8_t)(0x80 | (c & 0x3f)), n = 4;
	buf_put(b, u, n);
}

static uint32_t hex4(const char *p)
{
	return (uint32_t)(hex_value(p[0]) << 12 | hex_value(p[1]) << 8 | hex_value(p[2]) << 4 | hex_value(p[3]));
}

// The string at p of a checked document, decoded into b as UTF-8 (b->len bytes, which may
// include NULs, then a NUL). A lone surrogate, which JSON.parse keeps, becomes its 3-byte form.
static void json_string(const char *p, struct buf *b)
{
	b->len = 0;
	for (p++; *p != '"'; p++) {
		if (*p != '\\') {
			buf_put(b, p, 1);
			continue;
		}
		char c = *++p;
		if (c != 'u') {
			char e = c == 'b' ? '\b' : c == 'f' ? '\f' : c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : c;
			buf_put(b, &e, 1);
			continue;
		}
		uint32_t u = hex4(p + 1);
		p += 4;
		if (u >= 0xd800 && u < 0xdc00 && p[1] == '\\' && p[2] == 'u') {
			uint32_t lo = hex4(p + 3);
			if (lo >= 0xdc00 && lo < 0xe000)
				u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00), p += 6;
		}
		put_utf8(b, u);
	}
	buf_put(b, "", 1);
	b->len--;
}

// The value of the top-level member `key` of a checked document that is an object (the last one,
// as JSON.parse keeps it), or NULL.
static const char *json_member(const char *p, const char *end, const char *key)
{
	static struct buf name;
	const char *found = NULL;
	p = json_ws(p, end) + 1; // past the '{'
	for (p = json_ws(p, end); *p == '"';) {
		json_string(p, &name);
		p = json_ws(json_ws(json_check_string(p, end), end) + 1, end);
		if (name.len == strlen(key) && !memcmp(name.p, key, name.len))
			found = p;
		p = json_ws(json_skip(p, end), end);
		if (*p == ',')
			p = json_ws(p + 1, end);
	}
	return found;
}

// s as JSON.stringify writes a string.
static void json_quote_n(struct buf *b, const char *s, size_t n)
{
	static const char special[] = "\"\\\b\f\n\r\t", letter[] = "\"\\bfnrt";
	buf_str(b, "\"");
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *e = c ? strchr(special, c) : NULL;
		if (e) {
			char esc[2] = {'\\', letter[e - special]};
			buf_put(b, esc, 2);
		} else if (c < 0x20) {
			buf_printf(b, "\\u%04x", c);
		} else if (c == 0xed && i + 2 < n && ((unsigned char)s[i + 1] & 0xe0) == 0xa0 &&
			   ((unsigned char)s[i + 2] & 0xc0) == 0x80) {
			// A lone surrogate (json_string's 3-byte form): escaped, as JSON.stringify does.
			buf_printf(b, "\\u%04x", 0xd000 | ((unsigned char)s[i + 1] & 0x3f) << 6 | ((unsigned char)s[i + 2] & 0x3f));
			i += 2;
		} else {
			buf_put(b, &c, 1);
		}
	}
	buf_str(b, "\"");
}

static void json_quote(struct buf *b, const char *s)
{
	json_quote_n(b, s, strlen(s));
}

// JSON.stringify of the value at p of a checked document, nearly: numbers stay as written and
// members in their order, duplicates included.
static void json_stringify(struct buf *b, const char *p, const char *end)
{
	const char *stop = json_skip(p, end);
	struct buf s = {0};
	while (p < stop) {
		if (*p == '"') {
			json_string(p, &s);
			json_quote_n(b, (const char *)s.p, s.len);
			p = json_check_string(p, end);
		} else if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			p++;
		} else {
			buf_put(b, p++, 1);
		}
	}
	free(s.p);
}

// The config's cniVersion once it is one we support (the version we answer in), else ours.
static const char *cni_version = CURRENT_VERSION;
static size_t cni_version_len = sizeof(CURRENT_VERSION) - 1;

// The spec's error object; details left out when empty, as the agent and libcni do.
static int report(unsigned code, const struct buf *msg, const struct buf *details)
{
	struct buf b = {0};
	buf_str(&b, "{\"cniVersion\":");
	json_quote_n(&b, cni_version, cni_version_len);
	buf_printf(&b, ",\"code\":%u,\"msg\":", code);
	json_quote_n(&b, msg && msg->p ? (const char *)msg->p : "", msg ? msg->len : 0);
	if (details && details->len) {
		buf_str(&b, ",\"details\":");
		json_quote_n(&b, (const char *)details->p, details->len);
	}
	buf_str(&b, "}\n");
	fwrite(b.p, 1, b.len, stdout);
	fflush(stdout);
	free(b.p);
	return 1;
}

static void print_error(unsigned code, const char *msg)
{
	struct buf m = {(uint8_t *)msg, strlen(msg), 0};
	report(code, &m, NULL);
}

// ---------------------------------------------------------------------------------------------
// What the plugin checks before it goes to the agent: the CNI_* variables, then the config's
// syntax, cniVersion, name and type, in the order and with the codes and messages of agent/cni/spec
// (env.ts, config.ts). It refuses only what the agent refuses with the same code; the rest (the
// config's other keys, whether its version allows the command) is the agent's to judge.

static const char *const supported_versions[] = {SUPPORTED_VERSIONS};
#define N_SUPPORTED (sizeof(supported_versions) / sizeof(supported_versions[0]))
static const char *const commands[] = {"ADD", "DEL", "CHECK", "VERSION", "STATUS", "GC"};
enum { CMD_ADD, CMD_DEL, CMD_CHECK, CMD_VERSION, CMD_STATUS, CMD_GC, N_COMMANDS };
// SPEC.md: what CNI_CONTAINERID and a network name must match.
#define ID_PATTERN "^[a-zA-Z0-9][a-zA-Z0-9_.-]*$"

static int id_valid(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) ||
		      (i && (c == '_' || c == '.' || c == '-'))))
			return 0;
	}
	return n > 0;
}

// The variable as the agent reads it: the last "NAME=" entry of the environment, else "".
static const char *env_value(const char *name)
{
	size_t n = strlen(name);
	const char *v = "";
	for (char **e = environ; *e; e++)
		if (!strncmp(*e, name, n) && (*e)[n] == '=')
			v = *e + n + 1;
	return v;
}

// JavaScript's \s, and U+0085 (Go's unicode.IsSpace has it), at s in UTF-8: its length, else 0.
static size_t space_at(const unsigned char *s, size_t n)
{
	if ((*s >= '\t' && *s <= '\r') || *s == ' ')
		return 1;
	if (n >= 2 && s[0] == 0xc2 && (s[1] == 0x85 || s[1] == 0xa0))
		return 2;
	uint32_t c = n >= 3 ? (uint32_t)s[0] << 16 | (uint32_t)s[1] << 8 | s[2] : 0;
	if (c == 0xe19a80 || (c >= 0xe28080 && c <= 0xe2808a) || c == 0xe280a8 || c == 0xe280a9 || c == 0xe280af ||
	    c == 0xe2819f || c == 0xe38080 || c == 0xefbbbf)
		return 3;
	return 0;
}

static int env_error(const char *msg, const char *quoted, const char *after)
{
	struct buf m = {0}, d = {0};
	buf_str(&m, msg);
	if (quoted) {
		json_quote(&d, quoted);
		buf_str(&d, after);
	}
	return report(ERR_INVALID_ENV, &m, &d);
}

// agent/cni/spec/env.ts parseEnv: 0, or 1 once the error is printed.
static int check_env(const char *command, int cmd)
{
	struct buf m = {0};
	if (!*command)
		return env_error("required env variables [CNI_COMMAND] missing", NULL, NULL);
	if (cmd < 0) {
		buf_str(&m, "unknown CNI_COMMAND: ");
		buf_str(&m, command);
		struct buf d = {0};
		buf_str(&d, "expected one of ADD, DEL, CHECK, VERSION, STATUS, GC");
		return report(ERR_INVALID_ENV, &m, &d);
	}
	int attachment = cmd == CMD_ADD || cmd == CMD_CHECK || cmd == CMD_DEL;
	// Every missing variable at once, in this order (skel's wording).
	const struct {
		const char *name;
		int required;
	} vars[] = {
		{"CNI_CONTAINERID", attachment},
		{"CNI_NETNS", cmd == CMD_ADD || cmd == CMD_CHECK},
		{"CNI_IFNAME", attachment},
		{"CNI_PATH", cmd != CMD_VERSION},
	};
	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = env_value(vars[i].name);
		// A CNI_PATH of nothing but separators names no directory.
		if (!strcmp(vars[i].name, "CNI_PATH"))
			v += strspn(v, ":");
		if (vars[i].required && !*v) {
			buf_str(&m, m.len ? "," : "required env variables [");
			buf_str(&m, vars[i].name);
		}
	}
	if (m.len) {
		buf_str(&m, "] missing");
		return report(ERR_INVALID_ENV, &m, NULL);
	}
	if (!attachment)
		return 0;

	const char *id = env_value("CNI_CONTAINERID");
	if (!id_valid(id, strlen(id)))
		return env_error("CNI_CONTAINERID has invalid characters", id, " does not match " ID_PATTERN);
	// skel's ValidateInterfaceName. Bytes as given: the agent counts at least as many.
	const char *ifname = env_value("CNI_IFNAME");
	size_t n = strlen(ifname);
	if (n > 15)
		return env_error("CNI_IFNAME is longer than 15 bytes", ifname, "");
	if (!strcmp(ifname, ".") || !strcmp(ifname, ".."))
		return env_error("CNI_IFNAME is . or ..", ifname, "");
	for (size_t i = 0; i < n; i++)
		if (ifname[i] == '/' || ifname[i] == ':' || space_at((const unsigned char *)ifname + i, n - i))
			return env_error("CNI_IFNAME contains / or : or whitespace", ifname, "");
	// K=V;K=V: every non-empty segment has exactly one '=' after a non-empty key.
	for (const char *seg = env_value("CNI_ARGS"); *seg;) {
		size_t len = strcspn(seg, ";");
		const char *eq = memchr(seg, '=', len);
		if (len && (!eq || eq == seg || memchr(eq + 1, '=', len - (size_t)(eq + 1 - seg)))) {
			char *s = strndup(seg, len);
			if (!s)
				die_oom();
			return env_error("CNI_ARGS has an invalid pair", s, "");
		}
		seg += len + (seg[len] == ';');
	}
	return 0;
}

// An error about the config's value v: msg, and JSON.stringify(v) as details when asked.
static int conf_error(unsigned code, const char *msg, const char *v, const char *end, const char *prefix)
{
	struct buf m = {0}, d = {0};
	buf_str(&m, msg);
	if (v) {
		buf_str(&d, prefix);
		json_stringify(&d, v, end);
	}
	return report(code, &m, &d);
}

static int is_null(const char *v)
{
	return !v || !strncmp(v, "null", 4);
}

// A member that must be a non-empty string: -1 when absent, null or "" (what the agent takes as
// missing), 0 when it is a string (decoded into s), 1 when it is another kind of value.
static int conf_string(const char *json, const char *end, const char *key, const char **v, struct buf *s)
{
	*v = json_member(json, end, key);
	if (is_null(*v))
		return -1;
	if (**v != '"')
		return 1;
	json_string(*v, s);
	return s->len ? 0 : -1;
}

// agent/cni/spec/config.ts parseNetConf as far as decoding, cniVersion, name and type, then the
// agentSocket this plugin needs: 0, or 1 once the error is printed.
static int check_config(const char *json, const char *end, char *socket_path, size_t socket_cap)
{
	struct buf m = {0}, d = {0};
	const char *bad = json_check(json, end);
	if (bad || *json_ws(json, end) != '{') {
		buf_str(&m, "failed to decode network configuration");
		if (!bad)
			buf_str(&d, "not a JSON object");
		else if (bad >= end)
			buf_str(&d, "not valid JSON: unexpected end of input");
		else
			buf_printf(&d, "not valid JSON: unexpected %s at byte %zu",
				   (unsigned char)*bad >= 0x20 && (unsigned char)*bad < 0x7f ? "character" : "byte",
				   (size_t)(bad - json));
		return report(ERR_DECODING, &m, &d);
	}

	static struct buf version, name, type, sock;
	const char *v;
	int kind = conf_string(json, end, "cniVersion", &v, &version);
	if (kind > 0)
		return conf_error(ERR_DECODING, "failed to decode cniVersion", v, end, "not a string: ");
	int supported = 0;
	for (size_t i = 0; kind == 0 && i < N_SUPPORTED; i++) {
		if (version.len == strlen(supported_versions[i]) && !memcmp(version.p, supported_versions[i], version.len)) {
			cni_version = supported_versions[i];
			cni_version_len = version.len;
			supported = 1;
		}
	}
	if (!supported) {
		if (kind < 0) {
			// libcni reads a missing cniVersion as the legacy "0.1.0", which is not supported.
			buf_str(&m, "cniVersion missing (implies 0.1.0); supported: ");
		} else {
			buf_str(&m, "incompatible CNI version \"");
			buf_put(&m, version.p, version.len);
			buf_str(&m, "\"; supported: ");
		}
		for (size_t i = 0; i < N_SUPPORTED; i++) {
			buf_str(&m, i ? ", " : "");
			buf_str(&m, supported_versions[i]);
		}
		return report(ERR_INCOMPATIBLE_VERSION, &m, NULL);
	}

	kind = conf_string(json, end, "name", &v, &name);
	if (kind < 0)
		return conf_error(ERR_INVALID_NETCONF, "missing network name", NULL, NULL, NULL);
	if (kind > 0 || !id_valid((const char *)name.p, name.len))
		return conf_error(ERR_INVALID_NETCONF, "name must match " ID_PATTERN, v, end, "");
	// `type` names a binary looked up in CNI_PATH; a separator would escape it.
	kind = conf_string(json, end, "type", &v, &type);
	if (kind < 0)
		return conf_error(ERR_INVALID_NETCONF, "missing type", NULL, NULL, NULL);
	if (kind > 0 || memchr(type.p, '/', type.len) || memchr(type.p, '\\', type.len))
		return conf_error(ERR_INVALID_NETCONF, "type must be a plugin name without / or \\", v, end, "");

	// The agent checks agentSocket too, after keys this plugin leaves to it; but without a usable
	// one there is no agent to ask.
	v = json_member(json, end, "agentSocket");
	if (is_null(v)) {
		snprintf(socket_path, socket_cap, "%s", DEFAULT_SOCKET);
		return 0;
	}
	if (*v != '"')
		return conf_error(ERR_INVALID_NETCONF, "agentSocket must be a string", v, end, "");
	json_string(v, &sock);
	if (sock.p[0] != '/')
		return conf_error(ERR_INVALID_NETCONF, "agentSocket must be an absolute path", v, end, "");
	if (sock.len >= socket_cap || memchr(sock.p, 0, sock.len))
		return conf_error(ERR_INVALID_NETCONF, "agentSocket: a unix socket path is at most 107 bytes, without NUL",
				  v, end, "");
	memcpy(socket_path, sock.p, sock.len + 1);
	return 0;
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

// No IPv6 link-local address, nor any other the kernel would make: an IPv4-only pod's interfaces
// send no ND/MLD packets to be counted as drops, a dual-stack pod's hold only what the plugin adds.
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

// An address of either family, in the byte order rtnetlink carries it.
struct ip {
	int family; // AF_INET or AF_INET6
	uint8_t bytes[16];
};

static size_t ip_len(const struct ip *a)
{
	return a->family == AF_INET6 ? 16 : 4;
}

// The address's own prefix length: 32, or 128.
static uint8_t ip_bits(const struct ip *a)
{
	return (uint8_t)(ip_len(a) * 8);
}

static int ip_parse(int family, const char *s, struct ip *out)
{
	memset(out, 0, sizeof(*out));
	out->family = family;
	return inet_pton(family, s, out->bytes) == 1 ? 0 : -1;
}

// Adds the address as a /32 or /128; an IPv6 one without duplicate address detection (nobody else
// on the veth could hold it, and DAD would send neighbour solicitations and hold it tentative).
static int addr_add(struct nl *nl, int ifindex, const struct ip *ip)
{
	struct ifaddrmsg ifa = {
		.ifa_family = (uint8_t)ip->family,
		.ifa_prefixlen = ip_bits(ip),
		.ifa_flags = ip->family == AF_INET6 ? IFA_F_NODAD : 0,
		.ifa_index = (uint32_t)ifindex,
	};
	struct nlmsg m;
	nl_init(&m, RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, &ifa, sizeof(ifa));
	nl_attr(&m, IFA_LOCAL, ip->bytes, ip_len(ip));
	nl_attr(&m, IFA_ADDRESS, ip->bytes, ip_len(ip));
	return nl_do(nl, &m);
}

// Adds a route to the main table: dst/dst_len through ifindex, via gw when gw is not NULL (IPv4:
// onlink; IPv6 gateways are link-local, on the link by definition). Like `ip route add`, it fails
// on an existing route to dst (a default route someone else set in the pod, or another route to
// the pod's address on the host) rather than take it over.
static int route_add(struct nl *nl, int ifindex, const struct ip *dst, uint8_t dst_len, const struct ip *gw)
{
	int v4 = dst->family == AF_INET;
	struct rtmsg rt = {
		.rtm_family = (uint8_t)dst->family,
		.rtm_dst_len = dst_len,
		.rtm_table = RT_TABLE_MAIN,
		.rtm_protocol = RTPROT_BOOT,
		.rtm_scope = gw || !v4 ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK,
		.rtm_type = RTN_UNICAST,
		.rtm_flags = gw && v4 ? RTNH_F_ONLINK : 0,
	};
	struct nlmsg m;
	nl_init(&m, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL, &rt, sizeof(rt));
	if (dst_len)
		nl_attr(&m, RTA_DST, dst->bytes, ip_len(dst));
	if (gw)
		nl_attr(&m, RTA_GATEWAY, gw->bytes, ip_len(gw));
	nl_attr_u32(&m, RTA_OIF, (uint32_t)ifindex);
	return nl_do(nl, &m);
}

// A permanent neighbour entry (ARP or NDP): the address is never resolved on the wire.
static int neigh_set(struct nl *nl, int ifindex, const struct ip *ip, const uint8_t mac[6])
{
	struct ndmsg nd = {.ndm_family = (uint8_t)ip->family, .ndm_ifindex = ifindex, .ndm_state = NUD_PERMANENT};
	struct nlmsg m;
	nl_init(&m, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_REPLACE, &nd, sizeof(nd));
	nl_attr(&m, NDA_DST, ip->bytes, ip_len(ip));
	nl_attr(&m, NDA_LLADDR, mac, 6);
	return nl_do(nl, &m);
}

// Sets an IPv6 setting of an interface of the current network namespace (the files under
// /proc/sys/net are those of the namespace the opening task is in; rtnetlink cannot set these):
// 0, or -errno, with the file in path.
static int ipv6_conf_set(const char *ifname, const char *key, const char *value, char *path, size_t cap)
{
	snprintf(path, cap, "/proc/sys/net/ipv6/conf/%s/%s", ifname, key);
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	ssize_t n = write(fd, value, strlen(value));
	int err = n < 0 ? errno : 0;
	close(fd);
	return n < 0 ? -err : 0;
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

// IPv6 on for a dual-stack pod's interface, but quiet: router advertisements are neither accepted
// nor turned into addresses, and with address generation off (link_addrgenmode_none) the
// interface holds only what the plugin adds. Set before the link goes up.
static int ipv6_enable_quiet(const char *ifname, struct step_result *r)
{
	static const char *const settings[][2] = {{"accept_ra", "0"}, {"autoconf", "0"}, {"disable_ipv6", "0"}};
	char path[128];
	for (size_t i = 0; i < sizeof(settings) / sizeof(settings[0]); i++) {
		int rc = ipv6_conf_set(ifname, settings[i][0], settings[i][1], path, sizeof(path));
		if (rc < 0)
			return fail(r, -rc, "enable IPv6 on %s: write %s to %s (is IPv6 disabled in this kernel?)", ifname,
				    settings[i][1], path);
	}
	return 0;
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
	char ipv6[INET6_ADDRSTRLEN], gateway_v6[INET6_ADDRSTRLEN]; // empty: an IPv4-only pod
	uint32_t mtu;
	int bad; // a field that did not fit
};

static void wire_fields(struct pb_reader *rd, struct wire_req *w)
{
	struct pb_field f;
	while (pb_next(rd, &f) == 1) {
		switch (f.num) {
		case PB_WirePod_host_netns: w->bad |= pb_copy(&f, w->host_netns, sizeof(w->host_netns)); break;
		case PB_WirePod_host_netns_inode: w->host_netns_inode = f.v; break;
		case PB_WirePod_pod_netns: w->bad |= pb_copy(&f, w->pod_netns, sizeof(w->pod_netns)); break;
		case PB_WirePod_host_ifname: w->bad |= pb_copy(&f, w->host_ifname, sizeof(w->host_ifname)); break;
		case PB_WirePod_pod_ifname: w->bad |= pb_copy(&f, w->pod_ifname, sizeof(w->pod_ifname)); break;
		case PB_WirePod_ip: w->bad |= pb_copy(&f, w->ip, sizeof(w->ip)); break;
		case PB_WirePod_gateway: w->bad |= pb_copy(&f, w->gateway, sizeof(w->gateway)); break;
		case PB_WirePod_host_mac: w->bad |= pb_copy(&f, w->host_mac, sizeof(w->host_mac)); break;
		case PB_WirePod_pod_mac: w->bad |= pb_copy(&f, w->pod_mac, sizeof(w->pod_mac)); break;
		case PB_WirePod_mtu: w->mtu = (uint32_t)f.v; break;
		case PB_WirePod_ipv6: w->bad |= pb_copy(&f, w->ipv6, sizeof(w->ipv6)); break;
		case PB_WirePod_gateway_v6: w->bad |= pb_copy(&f, w->gateway_v6, sizeof(w->gateway_v6)); break;
		}
	}
}

// The parsed addresses of a wiring request.
struct wire_addrs {
	struct ip ip, gw;
	int v6; // a dual-stack pod: ip6 and gw6 are set
	struct ip ip6, gw6;
};

// Configures the pod's side; the caller is in the pod's namespace with nl opened there.
static int wire_pod_side(struct nl *nl, const struct wire_req *w, const struct wire_addrs *a,
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
	if (a->v6 && ipv6_enable_quiet(w->pod_ifname, r) < 0)
		return -1;
	if ((rc = link_up(nl, pod)) < 0)
		return fail(r, -rc, "set %s up", w->pod_ifname);
	if ((rc = addr_add(nl, pod, &a->ip)) < 0)
		return fail(r, -rc, "add %s/32 to %s", w->ip, w->pod_ifname);
	if ((rc = route_add(nl, pod, &a->gw, 32, NULL)) < 0)
		return fail(r, -rc, "add the route to %s on %s", w->gateway, w->pod_ifname);
	if ((rc = route_add(nl, pod, &(struct ip){.family = AF_INET}, 0, &a->gw)) < 0)
		return fail(r, -rc, "add the default route via %s on %s", w->gateway, w->pod_ifname);
	if ((rc = neigh_set(nl, pod, &a->gw, host_mac)) < 0)
		return fail(r, -rc, "add the neighbour %s on %s", w->gateway, w->pod_ifname);
	if (!a->v6)
		return 0;
	if ((rc = addr_add(nl, pod, &a->ip6)) < 0)
		return fail(r, -rc, "add %s/128 to %s", w->ipv6, w->pod_ifname);
	// The gateway's MAC is known: a permanent entry, so the pod never solicits it.
	if ((rc = neigh_set(nl, pod, &a->gw6, host_mac)) < 0)
		return fail(r, -rc, "add the neighbour %s on %s", w->gateway_v6, w->pod_ifname);
	if ((rc = route_add(nl, pod, &(struct ip){.family = AF_INET6}, 0, &a->gw6)) < 0)
		return fail(r, -rc, "add the default route via %s on %s", w->gateway_v6, w->pod_ifname);
	return 0;
}

static int wire(const struct wire_req *w, struct step_result *r)
{
	struct wire_addrs a = {.v6 = w->ipv6[0] != 0};
	uint8_t host_mac[6], pod_mac[6];
	if (w->bad || ip_parse(AF_INET, w->ip, &a.ip) < 0 || ip_parse(AF_INET, w->gateway, &a.gw) < 0 ||
	    (a.v6 && (ip_parse(AF_INET6, w->ipv6, &a.ip6) < 0 || ip_parse(AF_INET6, w->gateway_v6, &a.gw6) < 0)) ||
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
	else if (a.v6 && ipv6_enable_quiet(w->host_ifname, r) < 0)
		; // fail() has said why
	else if ((rc = link_up(&host, hidx)) < 0)
		fail(r, -rc, "set %s up", w->host_ifname);
	else if ((rc = route_add(&host, hidx, &a.ip, 32, NULL)) < 0)
		fail(r, -rc, "add the host route to %s via %s", w->ip, w->host_ifname);
	else if ((rc = neigh_set(&host, hidx, &a.ip, pod_mac)) < 0)
		fail(r, -rc, "add the neighbour %s on %s", w->ip, w->host_ifname);
	else if (a.v6 && (rc = route_add(&host, hidx, &a.ip6, 128, NULL)) < 0)
		fail(r, -rc, "add the host route to %s via %s", w->ipv6, w->host_ifname);
	else if (a.v6 && (rc = neigh_set(&host, hidx, &a.ip6, pod_mac)) < 0)
		fail(r, -rc, "add the neighbour %s on %s", w->ipv6, w->host_ifname);
	else if (setns(podns, CLONE_NEWNET) < 0)
		fail(r, errno, "enter network namespace %s", w->pod_netns);
	else {
		struct nl pod;
		if (nl_open(&pod) < 0)
			fail(r, errno, "open rtnetlink in %s", w->pod_netns);
		else {
			wire_pod_side(&pod, w, &a, host_mac, r);
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
	// An IPv4 address is IFA_LOCAL (IFA_ADDRESS is the peer's on point-to-point links); an IPv6
	// one is IFA_ADDRESS (IFA_LOCAL appears only beside a peer's).
	int family = ifa->ifa_family;
	unsigned type = family == AF_INET ? IFA_LOCAL : IFA_ADDRESS, size = family == AF_INET ? 4 : 16;
	if (family != AF_INET && family != AF_INET6)
		return;
	int len = (int)IFA_PAYLOAD(h);
	for (struct rtattr *a = IFA_RTA(ifa); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
		if (a->rta_type != type || RTA_PAYLOAD(a) != size)
			continue;
		char ip[INET6_ADDRSTRLEN], s[INET6_ADDRSTRLEN + 4];
		inet_ntop(family, RTA_DATA(a), ip, sizeof(ip));
		snprintf(s, sizeof(s), "%s/%u", ip, ifa->ifa_prefixlen);
		pb_string(&ctx->r->lists, PB_CniStepResult_addresses, s);
	}
}

static void probe_route(struct nlmsghdr *h, void *vctx)
{
	struct probe_ctx *ctx = vctx;
	if (h->nlmsg_type != RTM_NEWROUTE)
		return;
	struct rtmsg *rt = NLMSG_DATA(h);
	int family = rt->rtm_family;
	if (rt->rtm_dst_len != 0 || (family != AF_INET && family != AF_INET6))
		return;
	uint32_t table = rt->rtm_table, oif = 0;
	const void *gw = NULL;
	unsigned size = family == AF_INET ? 4 : 16;
	int len = (int)RTM_PAYLOAD(h);
	for (struct rtattr *a = RTM_RTA(rt); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
		if (a->rta_type == RTA_TABLE && RTA_PAYLOAD(a) == 4)
			memcpy(&table, RTA_DATA(a), 4);
		else if (a->rta_type == RTA_OIF && RTA_PAYLOAD(a) == 4)
			memcpy(&oif, RTA_DATA(a), 4);
		else if (a->rta_type == RTA_GATEWAY && RTA_PAYLOAD(a) == size)
			gw = RTA_DATA(a);
	}
	if (table != RT_TABLE_MAIN || (int)oif != ctx->ifindex || !gw)
		return;
	char s[INET6_ADDRSTRLEN];
	inet_ntop(family, gw, s, sizeof(s));
	pb_string(&ctx->r->lists, PB_CniStepResult_default_gateways, s);
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

	// Both families (AF_UNSPEC): a dual-stack pod's IPv6 address and default route too.
	struct ifaddrmsg ifa = {.ifa_family = AF_UNSPEC};
	nl_init(&m, RTM_GETADDR, 0, &ifa, sizeof(ifa));
	rc = nl_dump(&nl, &m, probe_addr, &ctx);
	if (rc == 0) {
		struct rtmsg rt = {.rtm_family = AF_UNSPEC};
		nl_init(&m, RTM_GETROUTE, 0, &rt, sizeof(rt));
		rc = nl_dump(&nl, &m, probe_route, &ctx);
	}
	close(nl.fd);
	return rc < 0 ? fail(r, -rc, "list addresses and routes in %s", netns) : 0;
}

static void encode_step_result(struct buf *req, const struct step_result *r)
{
	struct buf inner = {0};
	pb_uint(&inner, PB_CniStepResult_errno, (uint32_t)r->err);
	if (r->err)
		pb_string(&inner, PB_CniStepResult_error, r->error);
	pb_uint(&inner, PB_CniStepResult_host_ifindex, r->host_ifindex);
	pb_uint(&inner, PB_CniStepResult_link_found, (uint64_t)r->link_found);
	pb_string(&inner, PB_CniStepResult_mac, r->mac);
	pb_uint(&inner, PB_CniStepResult_link_exists, (uint64_t)r->link_exists);
	if (r->lists.len)
		buf_put(&inner, r->lists.p, r->lists.len);
	req->len = 0;
	pb_uint(req, PB_Request_version, API_VERSION);
	pb_bytes(req, PB_Request_cni_step, inner.p ? inner.p : (const uint8_t *)"", inner.len);
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
	const char *command = env_value("CNI_COMMAND");
	int cmd = -1;
	for (int i = 0; i < N_COMMANDS; i++)
		if (!strcmp(command, commands[i]))
			cmd = i;
	if (check_env(command, cmd))
		return 1;

	if (cmd == CMD_VERSION) {
		// The spec echoes the config's version (any non-empty string in a JSON object, as the agent
		// does); junk or no config is fine for VERSION.
		static struct buf version;
		const char *v;
		if (!json_check(json, json_end) && *json_ws(json, json_end) == '{' &&
		    !conf_string(json, json_end, "cniVersion", &v, &version))
			cni_version = (const char *)version.p, cni_version_len = version.len;
		struct buf b = {0};
		buf_str(&b, "{\"cniVersion\":");
		json_quote_n(&b, cni_version, cni_version_len);
		for (size_t i = 0; i < N_SUPPORTED; i++) {
			buf_str(&b, i ? "," : ",\"supportedVersions\":[");
			json_quote(&b, supported_versions[i]);
		}
		buf_str(&b, "]}\n");
		fwrite(b.p, 1, b.len, stdout);
		return 0;
	}

	char socket_path[sizeof(((struct sockaddr_un *)0)->sun_path)];
	if (check_config(json, json_end, socket_path, sizeof(socket_path)))
		return 1;
	unsigned unavailable = cmd == CMD_STATUS ? ERR_NOT_AVAILABLE : ERR_TRY_AGAIN;

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
			pb_string(&inner, PB_CniRequest_env, *e);
	pb_bytes(&inner, PB_CniRequest_stdin, in.p ? in.p : (const uint8_t *)"", in.len);
	pb_uint(&req, PB_Request_version, API_VERSION);
	pb_bytes(&req, PB_Request_cni, inner.p, inner.len);

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
			if (f.num == PB_Response_error && f.data)
				error = f, have_error = 1;
			else if (f.num == PB_Response_cni && f.data)
				step = f, have_step = 1;
		}
		if (have_error) {
			uint32_t code = ERR_INTERNAL;
			char message[2048] = "the agent refused the request";
			struct pb_reader er = pb_sub(&error);
			while (pb_next(&er, &f) == 1) {
				if (f.num == PB_Error_code)
					code = (uint32_t)f.v;
				else if (f.num == PB_Error_message && f.data)
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
			if (f.num == PB_CniStep_done) {
				const uint8_t *out = NULL;
				size_t out_len = 0;
				uint32_t code = 0;
				while (pb_next(&body, &f) == 1) {
					if (f.num == PB_CniDone_stdout && f.data)
						out = f.data, out_len = f.len;
					else if (f.num == PB_CniDone_exit_code)
						code = (uint32_t)f.v;
				}
				if (out_len && write_all(1, out, out_len) < 0)
					return 1;
				return (int)code;
			} else if (f.num == PB_CniStep_wire) {
				static struct wire_req w;
				memset(&w, 0, sizeof(w));
				wire_fields(&body, &w);
				wire(&w, &r);
				kind = PB_CniStep_wire;
			} else if (f.num == PB_CniStep_probe) {
				char netns[4096] = "", ifname[IFNAMSIZ] = "";
				int bad = 0;
				while (pb_next(&body, &f) == 1) {
					if (f.num == PB_ProbePod_netns)
						bad |= pb_copy(&f, netns, sizeof(netns));
					else if (f.num == PB_ProbePod_ifname)
						bad |= pb_copy(&f, ifname, sizeof(ifname));
				}
				if (bad || !netns[0] || !ifname[0])
					fail(&r, EINVAL, "malformed probe request from the agent");
				else
					probe(netns, ifname, &r);
				kind = PB_CniStep_probe;
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
