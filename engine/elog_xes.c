/*
 * elog_xes.c - XES event logs (IEEE 1849-2016), plain or gzip-compressed,
 * streamed with libxml2's SAX2 push parser into the rows of elog.c.
 *
 * Why the same rows as CSV: every event then gets the checks, SOP
 * resolution, step mapping, rejected-row records, duplicate detection and
 * batch accounting of a CSV record (elog_row_submit -> process()), and
 * events read = stored + rejected + duplicates holds for XES as for CSV.
 *
 * Mapping (docs/store.md, "XES input"):
 *   trace concept:name        case id (--case-col names another trace key)
 *   event concept:name        activity;   time:timestamp  the stamp
 *   event org:resource        actor;      lifecycle:transition  lifecycle
 *   other trace attributes    case attributes; other event attributes
 *                             event attributes; the XES type of each key
 *                             goes to attr_types (elog_xes_store_types)
 *   list / container          JSON text: a list is [{"key": value}, ...],
 *                             a container {"key": value, ...}
 *   meta-attributes (children of a simple attribute)  attributes named
 *                             PARENT/CHILD
 *   <global> defaults         fill a trace's or event's missing attribute,
 *                             except the placeholders ProM writes for
 *                             concept:name, time:timestamp and org:resource
 *                             ("__INVALID__", 1970): a missing activity or
 *                             time stays missing and the event is rejected
 *   <classifier>              the first event classifier names the activity
 *                             of an event that has no concept:name (its
 *                             keys' values joined with '+', as ProM does);
 *                             lifecycle:transition is left out of the join
 *                             (the lifecycle has its own column)
 * A start/complete pair stays two rows (as a CSV time:timestamp log): the
 * readers in sla_ pair them into one step execution.
 *
 * Memory is flat: no tree is built (the SAX2 callbacks read each element's
 * name and attributes from the parser), the input is fed in 256 KiB blocks
 * (inflated with zlib for gzip), and only the current trace's attributes
 * and the current event are held.  Why SAX2 and not xmlTextReader: the
 * reader builds a tree node per element and attribute and frees it again,
 * a third of the parsing thread's CPU on a 1M-event log (docs/store.md,
 * "XES input").
 */
#include "mutu/elog.h"
#include "elog_int.h"
#include "mutu/store.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/SAX2.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h> /* XML_MAX_TEXT_LENGTH */
#include <zlib.h>

#define XES_MAX_COLS 1024      /* distinct keys stored per log; more are counted, noted */
#define XES_TAB 4096           /* key table slots (filled to 3/4 at most) */
#define XES_MAX_DEPTH 64       /* element nesting; deeper is refused */
#define XES_MAX_JSON (1u << 20) /* a list/container value; longer ones are not stored */
#define XES_MAX_ELEM (16u << 20) /* the values of one trace or event; more are not stored */
#define XES_PROBE_EVENTS 200
#define XES_BLOCK (1u << 18)
#define XES_RAW_VALUE 120      /* bytes of a value shown in rejected.raw */

/* ---------------------------------------------------------------- input */

struct xin {
	int fd;
	int gz;
	z_stream zs;
	int zinit, zend;
	unsigned char *ibuf;
	int eof;
	uint64_t raw;            /* file bytes read */
	struct elog_sha *sha;
	int failed;              /* 1 read error, 2 broken gzip */
	char msg[300];
	const char *path;
};

static int xin_fill(struct xin *in, unsigned char *buf, size_t len, ssize_t *got)
{
	ssize_t k;
	do
		k = read(in->fd, buf, len);
	while (k < 0 && errno == EINTR);
	if (k < 0) {
		in->failed = 1;
		snprintf(in->msg, sizeof in->msg, "%s: read error: %s", in->path, strerror(errno));
		return -1;
	}
	if (k == 0)
		in->eof = 1;
	if (k > 0 && in->sha)
		elog_sha_update(in->sha, buf, (size_t)k);
	in->raw += (uint64_t)k;
	*got = k;
	return 0;
}

/* libxml2's read callback: bytes of XML, inflated when the file is gzip.
 * 0 at the end, -1 on an error (in->msg says which). */
static int xin_read(void *ctx, char *buf, int len)
{
	struct xin *in = ctx;
	if (in->failed || len <= 0)
		return in->failed ? -1 : 0;
	ssize_t k;
	if (!in->gz) {
		if (in->eof)
			return 0;
		return xin_fill(in, (unsigned char *)buf, (size_t)len, &k) ? -1 : (int)k;
	}
	in->zs.next_out = (Bytef *)buf;
	in->zs.avail_out = (uInt)len;
	while (in->zs.avail_out == (uInt)len) {
		if (in->zs.avail_in == 0) {
			if (in->eof) {
				if (in->zend)
					return 0;
				in->failed = 2;
				snprintf(in->msg, sizeof in->msg,
					 "%s: truncated gzip: the compressed data ends at byte %llu before "
					 "the end of its stream (the file was cut short; copy or export it "
					 "again)",
					 in->path, (unsigned long long)in->raw);
				return -1;
			}
			if (xin_fill(in, in->ibuf, XES_BLOCK, &k))
				return -1;
			in->zs.next_in = in->ibuf;
			in->zs.avail_in = (uInt)k;
			continue;
		}
		if (in->zend) { /* gzip allows several members, one after the other */
			inflateReset(&in->zs);
			in->zend = 0;
		}
		int zr = inflate(&in->zs, Z_NO_FLUSH);
		if (zr == Z_STREAM_END) {
			in->zend = 1;
		} else if (zr != Z_OK && zr != Z_BUF_ERROR) {
			in->failed = 2;
			snprintf(in->msg, sizeof in->msg,
				 "%s: broken gzip data near byte %llu: %s (not a complete .gz file)",
				 in->path, (unsigned long long)(in->raw - in->zs.avail_in),
				 in->zs.msg ? in->zs.msg : "inflate failed");
			return -1;
		}
	}
	return len - (int)in->zs.avail_out;
}

static int xin_open(struct xin *in, int fd, const char *path, struct elog_sha *sha)
{
	memset(in, 0, sizeof *in);
	in->fd = fd;
	in->path = path;
	in->sha = sha;
	unsigned char m[2];
	ssize_t k = pread(fd, m, 2, 0);
	in->gz = k == 2 && m[0] == 0x1f && m[1] == 0x8b;
	if (lseek(fd, 0, SEEK_SET) < 0)
		return -1;
	if (in->gz) {
		in->ibuf = mutu_malloc(XES_BLOCK);
		if (inflateInit2(&in->zs, 15 + 16) != Z_OK)
			return -1;
		in->zinit = 1;
	}
	return 0;
}

static void xin_close(struct xin *in)
{
	if (in->zinit)
		inflateEnd(&in->zs);
	free(in->ibuf);
	in->zinit = 0;
	in->ibuf = NULL;
}

int elog_xes_sniff(int fd)
{
	unsigned char b[256];
	ssize_t n = pread(fd, b, sizeof b, 0);
	if (n >= 2 && b[0] == 0x1f && b[1] == 0x8b)
		return 1;
	ssize_t i = 0;
	/* UTF-16 XML (a byte order mark, then '<' as two bytes): libxml2
	 * reads it by its mark */
	if (n >= 4 && ((b[0] == 0xFF && b[1] == 0xFE && b[2] == '<' && b[3] == 0) ||
		       (b[0] == 0xFE && b[1] == 0xFF && b[2] == 0 && b[3] == '<')))
		return 1;
	if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
		i = 3;
	while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n'))
		i++;
	return i < n && b[i] == '<';
}

/* ---------------------------------------------------------------- state */

enum { S_LOG = 0, S_TRACE, S_EVENT, S_GTRACE, S_GEVENT };       /* where an attribute goes */
enum { F_LOG = 1, F_TRACE, F_EVENT, F_GLOBAL, F_ATTR, F_LIST, F_VALUES, F_CONTAINER, F_SKIP };

struct frame {
	uint8_t k;
	uint8_t scope;   /* S_*: owner of the attributes below */
	uint8_t first;   /* JSON: no member written yet */
	uint8_t wrap;    /* JSON: a list item, closed with '}' */
	uint8_t top;     /* the composite whose JSON is the stored value */
	uint8_t type;    /* of a composite */
	size_t path;     /* x->path length with this attribute's key path */
};

struct kv {
	int col;
	uint8_t type;
	uint32_t off, len;
};

struct kvs {
	struct kv *v;
	size_t n, cap;
	struct mutu_buf arena;
};

struct colent {
	char *key;       /* owned; NULL: free slot */
	uint8_t scope;   /* S_TRACE or S_EVENT */
	int col;         /* -1: no column (the table was full) */
};

/*
 * The element libxml2's SAX2 parser has just opened: what on_start,
 * read_attrs and line_of read.  The pointers are libxml2's, valid during
 * that callback only.
 */
struct xel {
	xmlParserCtxtPtr ctxt;
	long line;               /* of the start tag's end, as a tree node's line */
	const xmlChar **ns;      /* nns (prefix, URI) pairs declared on it */
	int nns;
	const xmlChar **at;      /* nat (localname, prefix, URI, value, end) */
	int nat;
};

struct elog_xes {
	struct ingest *g;
	const struct elog_opts *o;
	const char *path;
	struct mutu_err *err;
	struct mutu_notes *notes;
	/* columns */
	struct colent *tab;
	size_t nslots;
	size_t ncols;
	const char *colkey[XES_MAX_COLS];
	int colrole[XES_MAX_COLS];
	int colkind[XES_MAX_COLS];
	uint8_t colscope[XES_MAX_COLS];
	const char *colname[XES_MAX_COLS]; /* the attribute's name in the store (owned by g) */
	uint8_t coltype[XES_MAX_COLS];     /* XES type of its values, ELOG_AT_TEXT none yet */
	uint8_t colmixed[XES_MAX_COLS];    /* values of more than one type: recorded as string */
	size_t guess[S_GEVENT + 1];  /* per scope: the column expected next */
	int case_col, act_col, lc_col, sop_col, ts_col;
	/* the actor's column, and the event keys org:role, org:group that
	 * stand in for a missing org:resource (-1: not met; not with
	 * --resource-col) */
	int actor_col, org_col[2];
	uint64_t actor_from_org[2]; /* events whose actor came from org_col[k] */
	uint64_t probe_stamped;  /* probed events with a time stamp (any time role) */
	/* the current trace, event, and the global defaults */
	struct kvs trace, event, gtrace, gevent;
	int64_t trace_no, event_no, event_line;
	int outside;             /* the current event is directly under <log> */
	int64_t outside_no;      /* events met outside any trace */
	/* first event classifier's keys, lifecycle:transition left out */
	char **cls;
	size_t ncls;
	char *cls_name;
	/* the row handed to elog.c */
	struct mutu_buf row, raw;
	struct elog_field f[XES_MAX_COLS];
	/* attribute parsing */
	struct mutu_buf key, value, a_name, a_prefix, a_uri, a_scope, a_keys;
	struct mutu_buf path_buf, json;
	int json_over;
	struct frame st[XES_MAX_DEPTH];
	int depth;
	int root_seen, probe, stop;
	uint64_t events;
	/* counted for the notes */
	uint64_t keys_over, skipped, log_attrs, late_trace, json_dropped, defaults_ignored, too_big;
	/* traces without an event (IEEE 1849 allows them: a berkas registered
	 * and nothing logged yet), the first one's concept:name */
	uint64_t empty_traces;
	char empty_first[64];
	struct mutu_buf exts;
	/* standard extensions declared under another prefix (IEEE 1849
	 * names an extension by its URI; the prefix is the log's choice):
	 * alias[i][0] as written, alias[i][1] the standard prefix */
	char alias[8][2][32];
	size_t nalias;
	/* R's xesreadR (bupaR's write_xes) wrote the log: its createXES
	 * declares the Time extension under the prefix "concept" (note_alias),
	 * writes every date as the wall clock followed by "+00:00", whatever its
	 * zone, and R's NA as the text "NA".  Such stamps are local times and
	 * such values missing ones (submit_event) */
	int rlog;
	uint64_t rlog_stamps, rlog_na;
	uint64_t pd_nan; /* pandas' "nan" / "NaT" in standard keys: no value */
	/* errors from libxml2 */
	char gen_err[200];       /* what its generic handler said (encoding, I/O) */
	int gen_done;
	char xml_err[400];
	long xml_line;
	struct xin in;
	/* the SAX pass (run) */
	struct xel el;
	int rc;                  /* a callback's MUTU_E* code: the parser was stopped */
	size_t text;             /* bytes of text since the last tag (libxml2's bound) */
	uint64_t nodes, next_progress, size;
};

static void kvs_reset(struct kvs *s)
{
	s->n = 0;
	mutu_buf_reset(&s->arena);
}

/*
 * Set a trace's, an event's or a default's value of a column: the last
 * one written wins (a key repeated in one element replaces its value, so
 * the list holds at most one entry per column).  Returns -1 when the
 * element's values pass XES_MAX_ELEM bytes (not stored, counted): memory
 * stays bounded whatever one trace holds.
 */
static int kvs_add(struct kvs *s, int col, uint8_t type, const char *v, size_t n)
{
	if (s->arena.len + n + 1 > XES_MAX_ELEM)
		return -1;
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].col == col) {
			s->v[i].type = type;
			s->v[i].off = (uint32_t)s->arena.len;
			s->v[i].len = (uint32_t)n;
			mutu_buf_add(&s->arena, v, n);
			mutu_buf_putc(&s->arena, '\0');
			return 0;
		}
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 32;
		s->v = mutu_realloc(s->v, s->cap * sizeof *s->v);
	}
	struct kv *e = &s->v[s->n++];
	e->col = col;
	e->type = type;
	e->off = (uint32_t)s->arena.len;
	e->len = (uint32_t)n;
	mutu_buf_add(&s->arena, v, n);
	mutu_buf_putc(&s->arena, '\0');
	return 0;
}

static void kvs_release(struct kvs *s)
{
	free(s->v);
	mutu_buf_release(&s->arena);
}

static uint64_t key_hash(const char *s, uint8_t scope)
{
	uint64_t h = mutu_fnv1a_add(MUTU_FNV1A_INIT ^ scope, s, strlen(s));
	return h ^ (h >> 31);
}

/* The role a key plays in its scope, -1 for an attribute. */
static int key_role(struct elog_xes *x, uint8_t scope, const char *key)
{
	const struct elog_opts *o = x->o;
#define WANT(r, def) (o->col[r] ? o->col[r] : (def))
	if (scope == S_TRACE) {
		if (strcmp(key, WANT(ELOG_COL_CASE, "concept:name")) == 0)
			return ELOG_COL_CASE;
		/* the SOP's names as a CSV header is read ("Jenis Izin", as
		 * PM4Py writes a register's column "Jenis Izin" into its traces;
		 * before field round 11 only sop, sop_id, jenis_izin and
		 * jenis_layanan as written, and such a case had no SOP) */
		if (!o->sop_id && x->sop_col < 0 &&
		    (o->sop_col ? strcmp(key, o->sop_col) == 0 : elog_role_named(key, ELOG_COL_SOP)))
			return ELOG_COL_SOP;
		/* ... and an office's names of it ("Izin", "Ijin", "Jenis
		 * Perizinan": a Celonis case table's "Izin" exported to XES, as
		 * the CSV reader takes it since field round 10); before field
		 * round 12 such a trace had no SOP.  The reader streams, so the
		 * first SOP key a trace writes is taken: a log with both a tool's
		 * and an office's name keeps the other as an attribute only when
		 * the tool's comes first (PM4Py writes trace keys in the frame's
		 * column order). */
		if (!o->sop_id && !o->sop_col && x->sop_col < 0 && elog_office_named(key, ELOG_COL_SOP))
			return ELOG_COL_SOP;
		return -1;
	}
	if (strcmp(key, WANT(ELOG_COL_ACTIVITY, "concept:name")) == 0)
		return ELOG_COL_ACTIVITY;
	if (strcmp(key, WANT(ELOG_COL_TIMESTAMP, "time:timestamp")) == 0)
		return ELOG_COL_TIMESTAMP;
	if (strcmp(key, WANT(ELOG_COL_ACTOR, "org:resource")) == 0)
		return ELOG_COL_ACTOR;
	if (strcmp(key, WANT(ELOG_COL_LIFECYCLE, "lifecycle:transition")) == 0)
		return ELOG_COL_LIFECYCLE;
	/* an event int 'step' is the SOP step number, as mutu's own XES export
	 * (and its canonical CSV) writes it: an activity named in two steps
	 * is then placed by its number, not by its name */
	if (!o->col[ELOG_COL_STEP] && strcmp(key, "step") == 0)
		return ELOG_COL_STEP;
	/* PM4Py's interval log (write_xes of a frame with start_timestamp):
	 * the execution's start, time:timestamp its completion (elog.c) */
	if (!o->col[ELOG_COL_START] && !o->col[ELOG_COL_TIMESTAMP] && strcmp(key, "start_timestamp") == 0)
		return ELOG_COL_START;
	static const int opt_roles[] = {ELOG_COL_STEP, ELOG_COL_START, ELOG_COL_END};
	for (size_t i = 0; i < 3; i++)
		if (o->col[opt_roles[i]] && strcmp(key, o->col[opt_roles[i]]) == 0)
			return opt_roles[i];
#undef WANT
	return -1;
}

/* Column of (scope, key), added on first sight; -1 when the log has more
 * than XES_MAX_COLS distinct keys (the value is not stored, counted). */
static int col_of(struct elog_xes *x, uint8_t scope, const char *key)
{
	/* events repeat their keys in the same order: try the column after
	 * the last one found before hashing */
	size_t gs = x->guess[scope];
	if (gs < x->ncols && x->colscope[gs] == scope && strcmp(x->colkey[gs], key) == 0) {
		x->guess[scope] = gs + 1;
		return (int)gs;
	}
	uint64_t h = key_hash(key, scope);
	size_t i = (size_t)(h % x->nslots);
	while (x->tab[i].key) {
		if (x->tab[i].scope == scope && strcmp(x->tab[i].key, key) == 0) {
			if (x->tab[i].col < 0)
				x->keys_over++;
			else
				x->guess[scope] = (size_t)x->tab[i].col + 1;
			return x->tab[i].col;
		}
		i = (i + 1) % x->nslots;
	}
	int col = -1, kind = 0;
	int role = key_role(x, scope, key);
	const char *stored = NULL;
	if (x->ncols < XES_MAX_COLS)
		col = elog_row_column(x->g, key, role, scope == S_TRACE, &kind, &stored);
	if (col < 0) {
		x->keys_over++;
		if (x->ncols + (x->nslots - XES_MAX_COLS) >= x->nslots * 3 / 4)
			return -1; /* keep free slots so lookups end */
	}
	x->tab[i].key = mutu_strdup(key);
	x->tab[i].scope = scope;
	x->tab[i].col = col;
	if (col >= 0) {
		x->ncols = (size_t)col + 1;
		x->colkey[col] = x->tab[i].key;
		x->colrole[col] = role;
		x->colscope[col] = scope;
		x->colname[col] = stored;
		x->colkind[col] = kind;
		if (role == ELOG_COL_SOP)
			x->sop_col = col;
		if (scope == S_EVENT && role < 0 && !x->o->col[ELOG_COL_ACTOR])
			for (int k = 0; k < 2; k++)
				if (strcmp(key, k ? "org:group" : "org:role") == 0)
					x->org_col[k] = col;
	}
	return col;
}

/* ---------------------------------------------------------------- elements */

static int attr_type(const char *name)
{
	static const char *const names[] = {NULL,  "string",  "date", "int",     "float",
					    "boolean", "id", "list", "container"};
	for (int t = 1; t < ELOG_AT_N; t++)
		if (strcmp(name, names[t]) == 0)
			return t;
	return 0;
}

/*
 * An <extension> that declares a standard extension (by its URI: the
 * xes-standard.org or older deckfour.org address, any host) under a prefix
 * other than the standard one: its keys are read under the standard
 * prefix, so 'lc:transition' of a log that declares Lifecycle as "lc" is
 * the lifecycle, 'o:resource' the actor.  Before, such keys were plain
 * attributes: a start/complete pair became two completions and the actor
 * was lost.
 */
/*
 * A prefix that is another standard extension's own ("concept" declared
 * for Time, as R's xesreadR writes every log: field round 10) is no alias:
 * its keys keep their own extension's meaning.  Before, concept:name was
 * read as time:name (dropped as a person's name) and every event of such
 * a log was rejected ("missing case id").  Returns 1 when an alias was
 * added, 2 when the prefix was refused so, else 0.
 */
static int note_alias(struct elog_xes *x)
{
	static const char *const std[] = {"concept", "lifecycle", "org", "time"};
	const char *uri = x->a_uri.s ? x->a_uri.s : "";
	const char *slash = strrchr(uri, '/');
	const char *file = slash ? slash + 1 : uri;
	const char *pre = x->a_prefix.s ? x->a_prefix.s : "";
	if (!*pre || x->a_prefix.len >= sizeof x->alias[0][0])
		return 0;
	for (size_t i = 0; i < sizeof std / sizeof std[0]; i++) {
		size_t n = strlen(std[i]);
		if (mutu_strncasecmp(file, std[i], n) != 0 || mutu_strcasecmp(file + n, ".xesext") != 0 ||
		    strcmp(pre, std[i]) == 0)
			continue;
		for (size_t j = 0; j < sizeof std / sizeof std[0]; j++)
			if (strcmp(pre, std[j]) == 0) {
				/* xesreadR's signature: Time under "concept" */
				if (strcmp(std[i], "time") == 0 && strcmp(pre, "concept") == 0)
					x->rlog = 1;
				return 2;
			}
		for (size_t a = 0; a < x->nalias; a++)
			if (strcmp(x->alias[a][0], pre) == 0)
				return 0; /* the head read again */
		if (x->nalias < sizeof x->alias / sizeof x->alias[0]) {
			snprintf(x->alias[x->nalias][0], sizeof x->alias[0][0], "%s", pre);
			snprintf(x->alias[x->nalias][1], sizeof x->alias[0][1], "%s", std[i]);
			x->nalias++;
			return 1;
		}
		return 0;
	}
	return 0;
}

/* key under the standard prefix when it starts with an alias's "PREFIX:" */
static void std_key(const struct elog_xes *x, struct mutu_buf *key)
{
	for (size_t a = 0; a < x->nalias; a++) {
		size_t n = strlen(x->alias[a][0]);
		if (key->len > n && key->s[n] == ':' && memcmp(key->s, x->alias[a][0], n) == 0) {
			struct mutu_buf t;
			mutu_buf_init(&t);
			mutu_buf_puts(&t, x->alias[a][1]);
			mutu_buf_add(&t, key->s + n, key->len - n);
			mutu_buf_reset(key);
			mutu_buf_add(key, t.s, t.len);
			mutu_buf_release(&t);
			return;
		}
	}
}

/*
 * Append an attribute's value as a tree node would give it.  Without
 * XML_PARSE_NOENT (which would load external entities) libxml2 hands the
 * '&' of "&amp;" or "&#38;" on as "&#38;", and a reference to an entity of
 * the document's DTD as written; both are expanded here (an entity's text
 * again, up to 8 levels, where a character reference may be left:
 * "&#38;#60;" declared is "&#60;").  v is not NUL-terminated.
 * Returns 0, or -1 when the value grew past XML_MAX_TEXT_LENGTH (libxml2's
 * bound on one value, 10^7 bytes): a value of 100 KB referenced 30000
 * times in one attribute (the quadratic blowup, an attack, no tool's XES)
 * took 28 s and 2.9 GB before it was bounded here (libxml2 bounds the
 * nesting of entities, "billion laughs", but this expansion is mutu's).
 */
static int attr_value(xmlParserCtxtPtr c, struct mutu_buf *b, const char *v, size_t n, int depth)
{
	const char *end = v ? v + n : v, *amp;
	while (v && v < end && (amp = memchr(v, '&', (size_t)(end - v)))) {
		if (b->len > XML_MAX_TEXT_LENGTH)
			return -1;
		mutu_buf_add(b, v, (size_t)(amp - v));
		const char *semi = memchr(amp, ';', (size_t)(end - amp));
		xmlEntityPtr ent = NULL;
		char name[128];
		if (semi && (size_t)(semi - amp) < sizeof name && amp[1] != '#' && depth < 8) {
			memcpy(name, amp + 1, (size_t)(semi - amp - 1));
			name[semi - amp - 1] = '\0';
			ent = xmlGetDocEntity(c->myDoc, (const xmlChar *)name);
		}
		unsigned long cp = 0;
		char *ce = NULL;
		if (semi && amp[1] == '#')
			cp = amp[2] == 'x' ? strtoul(amp + 3, &ce, 16) : strtoul(amp + 2, &ce, 10);
		if (ce == semi && ce > amp + 2 && cp >= 1 && cp <= 0x10FFFF) {
			mutu_buf_put_utf8(b, cp); /* UTF-8, as libxml2 keeps text */
		} else if (ent && ent->content) {
			if (attr_value(c, b, (const char *)ent->content, strlen((const char *)ent->content),
				       depth + 1))
				return -1;
		} else {
			mutu_buf_putc(b, '&');
			v = amp + 1;
			continue;
		}
		v = semi + 1;
	}
	if (v && v < end)
		mutu_buf_add(b, v, (size_t)(end - v));
	return b->len > XML_MAX_TEXT_LENGTH ? -1 : 0;
}

/* Copy the element's XML attributes we use into x->key, x->value, ... */
static void read_attrs(struct elog_xes *x, struct xel *rd)
{
	struct mutu_buf *all[] = {&x->key, &x->value, &x->a_name, &x->a_prefix,
				  &x->a_uri, &x->a_scope, &x->a_keys};
	static const char *const names[] = {"key", "value", "name", "prefix", "uri", "scope", "keys"};
	for (size_t i = 0; i < 7; i++) {
		mutu_buf_reset(all[i]);
		if (!all[i]->s)
			mutu_buf_add(all[i], "", 0); /* s is never NULL below */
	}
	/* the namespace declarations first, then the attributes, as a tree
	 * node lists them (xmlns:key="v" is read as a key, as it was) */
	for (int a = 0; a < rd->nns + rd->nat; a++) {
		const xmlChar *const *e = a < rd->nns ? rd->ns + 2 * a : rd->at + 5 * (a - rd->nns);
		const char *n = a < rd->nns ? (e[0] ? (const char *)e[0] : "xmlns") : (const char *)e[0];
		if (a >= rd->nns && e[1] && !e[2])
			continue; /* an undeclared prefix: a tree names it "p:name" */
		const char *v = (const char *)e[a < rd->nns ? 1 : 3];
		size_t vn = a < rd->nns ? (v ? strlen(v) : 0) : (size_t)(e[4] - e[3]);
		for (size_t i = 0; i < 7; i++)
			if (n[0] == names[i][0] && strcmp(n, names[i]) == 0) {
				if (attr_value(rd->ctxt, all[i], v, vn, 0) && !x->xml_err[0]) {
					snprintf(x->xml_err, sizeof x->xml_err,
						 "attribute '%s' expands its entity references past %d bytes, "
						 "the most one value may hold (entities declared in the "
						 "DOCTYPE; no XES tool writes them)",
						 names[i], (int)XML_MAX_TEXT_LENGTH);
					x->xml_line = xmlSAX2GetLineNumber(rd->ctxt);
					xmlStopParser(rd->ctxt);
				}
				break;
			}
	}
	if (x->nalias)
		std_key(x, &x->key);
}

static void json_value(struct mutu_buf *j, int type, const char *v)
{
	if (type == ELOG_AT_BOOLEAN && (strcmp(v, "true") == 0 || strcmp(v, "false") == 0)) {
		mutu_buf_puts(j, v);
		return;
	}
	if (type == ELOG_AT_INT || type == ELOG_AT_FLOAT) {
		/* a JSON number as JSON writes it: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)? */
		const char *p = v;
		int ok = 1;
		if (*p == '-')
			p++;
		if (*p == '0')
			p++;
		else if (*p >= '1' && *p <= '9')
			while (*p >= '0' && *p <= '9')
				p++;
		else
			ok = 0;
		if (ok && *p == '.') {
			p++;
			ok = *p >= '0' && *p <= '9';
			while (*p >= '0' && *p <= '9')
				p++;
		}
		if (ok && (*p == 'e' || *p == 'E')) {
			p++;
			if (*p == '+' || *p == '-')
				p++;
			ok = *p >= '0' && *p <= '9';
			while (*p >= '0' && *p <= '9')
				p++;
		}
		if (ok && !*p) {
			mutu_buf_puts(j, v);
			return;
		}
	}
	mutu_buf_json_str(j, v);
}

/* Store a finished value under the attribute frame's owner. */
static void put_value(struct elog_xes *x, uint8_t scope, const char *keypath, int type,
		      const char *v, size_t n)
{
	if (scope == S_LOG) {
		x->log_attrs++;
		return;
	}
	uint8_t cs = scope == S_TRACE || scope == S_GTRACE ? S_TRACE : S_EVENT;
	int col = col_of(x, cs, keypath);
	if (col < 0)
		return;
	if (!x->coltype[col]) {
		x->coltype[col] = (uint8_t)type;
	} else if (x->coltype[col] != type && !x->colmixed[col]) {
		x->colmixed[col] = 1; /* string is the type every value can have */
		x->coltype[col] = ELOG_AT_STRING;
	}
	if (scope == S_TRACE) {
		if (x->event_no > 0)
			x->late_trace++;
		if (kvs_add(&x->trace, col, (uint8_t)type, v, n))
			x->too_big++;
	} else if (scope == S_EVENT) {
		if (kvs_add(&x->event, col, (uint8_t)type, v, n))
			x->too_big++;
	} else {
		/* a default: the placeholders of the identity, time and resource
		 * keys would hide a missing value (see the top of the file) */
		int role = x->colrole[col];
		if (role >= 0 && role != ELOG_COL_LIFECYCLE && role != ELOG_COL_SOP) {
			x->defaults_ignored++;
			return;
		}
		if (kvs_add(scope == S_GTRACE ? &x->gtrace : &x->gevent, col, (uint8_t)type, v, n))
			x->too_big++;
	}
}

static void parse_classifier(struct elog_xes *x)
{
	if (x->cls_name || (x->a_scope.len && strcmp(x->a_scope.s, "trace") == 0))
		return; /* the first event classifier only */
	x->cls_name = mutu_strdup(x->a_name.len ? x->a_name.s : "?");
	/* keys: blank-separated; a key with blanks in it is 'quoted' */
	const char *p = x->a_keys.s ? x->a_keys.s : "";
	while (*p) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (!*p)
			break;
		const char *a = p, *e;
		if (*p == '\'') {
			a = ++p;
			while (*p && *p != '\'')
				p++;
			e = p;
			if (*p)
				p++;
		} else {
			while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
				p++;
			e = p;
		}
		struct mutu_buf kb;
		mutu_buf_init(&kb);
		mutu_buf_add(&kb, a, (size_t)(e - a));
		std_key(x, &kb);
		char *k = mutu_strndup(kb.s ? kb.s : "", kb.len);
		mutu_buf_release(&kb);
		const char *lc = x->o->col[ELOG_COL_LIFECYCLE] ? x->o->col[ELOG_COL_LIFECYCLE]
							       : "lifecycle:transition";
		if (!*k || strcmp(k, lc) == 0) {
			free(k);
			continue;
		}
		x->cls = mutu_realloc(x->cls, (x->ncls + 1) * sizeof *x->cls);
		x->cls[x->ncls++] = k;
	}
}

static void put_field(struct elog_xes *x, int col, const char *v, size_t n)
{
	x->f[col].off = (uint32_t)x->row.len;
	x->f[col].len = (uint32_t)n;
	mutu_buf_add(&x->row, v, n);
	mutu_buf_putc(&x->row, '\0');
}

static void fill(struct elog_xes *x, const struct kvs *s, int only_missing)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct kv *e = &s->v[i];
		if (only_missing && x->f[e->col].len)
			continue;
		put_field(x, e->col, s->arena.s + e->off, e->len);
	}
}

/* The end of an event: build its row and hand it to elog.c. */
static int submit_event(struct elog_xes *x)
{
	size_t nc = x->ncols;
	mutu_buf_reset(&x->row);
	mutu_buf_putc(&x->row, '\0'); /* offset 0: the empty value */
	memset(x->f, 0, nc * sizeof x->f[0]);
	fill(x, &x->trace, 0);
	fill(x, &x->gtrace, 1);
	fill(x, &x->event, 0);
	/* IEEE 1849's org extension: org:resource the performer, org:role its
	 * role, org:group its group.  mutu's pelaksana is a position, so an
	 * event without a performer takes its own role, else its group (the
	 * value stays an attribute too; not from a <global> default, which
	 * ProM writes as the placeholder UNKNOWN) */
	if (x->actor_col >= 0 && !x->f[x->actor_col].len)
		for (int k = 0; k < 2; k++) {
			int c = x->org_col[k];
			if (c >= 0 && (size_t)c < nc && x->f[c].len) {
				x->f[x->actor_col] = x->f[c]; /* the same value in the row */
				x->actor_from_org[k]++;
				break;
			}
		}
	fill(x, &x->gevent, 1);
	if (x->act_col >= 0 && !x->f[x->act_col].len && x->ncls) {
		/* no concept:name: the classifier's keys name the activity */
		struct mutu_buf b;
		mutu_buf_init(&b);
		int all = 1;
		for (size_t k = 0; k < x->ncls && all; k++) {
			int c = -1;
			for (size_t i = 0; i < nc && c < 0; i++)
				if (x->colrole[i] != ELOG_COL_CASE && x->colkind[i] != 1 &&
				    strcmp(x->colkey[i], x->cls[k]) == 0)
					c = (int)i;
			if (c < 0 || !x->f[c].len) {
				all = 0;
				break;
			}
			if (k)
				mutu_buf_putc(&b, '+');
			mutu_buf_add(&b, x->row.s + x->f[c].off, x->f[c].len);
		}
		if (all && b.len)
			put_field(x, x->act_col, b.s, b.len);
		mutu_buf_release(&b);
	}
	if (x->rlog)
		for (size_t i = 0; i < nc; i++) {
			const char *v = x->row.s + x->f[i].off;
			size_t n = x->f[i].len;
			if (n == 2 && v[0] == 'N' && v[1] == 'A') {
				x->f[i].len = 0; /* R's NA: no value */
				x->rlog_na += !x->probe;
			} else if (n > 6 && memcmp(v + n - 6, "+00:00", 6) == 0 &&
				   (x->colrole[i] == ELOG_COL_TIMESTAMP || x->colrole[i] == ELOG_COL_START ||
				    x->colrole[i] == ELOG_COL_END)) {
				x->f[i].len -= 6; /* the wall clock: a local time */
				x->rlog_stamps += !x->probe;
			}
		}
	/* pandas' missing values as PM4Py's write_xes of a DataFrame writes
	 * them (its default keeps NaN / NaT in the events: str() gives "nan",
	 * "NaT"): in a standard key (the case, SOP, activity, resource, lifecycle,
	 * the stamps) no value, as an absent key is; before, an officer named
	 * "nan".  Attributes keep the text as written (it can be data) */
	for (size_t i = 0; i < nc; i++)
		if (x->f[i].len == 3 && x->colrole[i] >= 0) {
			const char *v = x->row.s + x->f[i].off;
			if (mutu_strncasecmp(v, "nan", 3) == 0 || memcmp(v, "NaT", 3) == 0) {
				x->f[i].len = 0;
				x->pd_nan += !x->probe;
			}
		}
	/* what rejected.raw shows: the event's position and its values */
	mutu_buf_reset(&x->raw);
	const char *cid = x->case_col >= 0 && x->f[x->case_col].len ? x->row.s + x->f[x->case_col].off
								    : "";
	if (!x->outside)
		mutu_buf_printf(&x->raw, "trace %lld '%.*s' event %lld:", (long long)x->trace_no,
				XES_RAW_VALUE, cid, (long long)x->event_no);
	else
		mutu_buf_printf(&x->raw, "event %lld outside any trace:", (long long)x->event_no);
	for (size_t i = 0; i < nc; i++) {
		if (!x->f[i].len || (int)i == x->case_col)
			continue;
		mutu_buf_putc(&x->raw, ' ');
		mutu_buf_puts(&x->raw, x->colkey[i]);
		mutu_buf_putc(&x->raw, '=');
		if (x->colkind[i] == 3)
			mutu_buf_puts(&x->raw, "[dropped]");
		else
			mutu_buf_add(&x->raw, x->row.s + x->f[i].off,
				     x->f[i].len < XES_RAW_VALUE ? x->f[i].len : XES_RAW_VALUE);
		mutu_buf_putc(&x->raw, ';');
	}
	struct elog_row r = {x->row.s, x->f, nc, x->event_line, x->raw.s, x->raw.len, 0};
	/* no time:timestamp key in the event (a <global> default of it is
	 * ignored): said so, not "empty", which names a key written with no
	 * value (field round 9) */
	if (x->ts_col >= 0 && (size_t)x->ts_col < nc && !x->f[x->ts_col].len) {
		r.ts_nokey = 1;
		for (size_t i = 0; i < x->event.n; i++)
			if (x->event.v[i].col == x->ts_col)
				r.ts_nokey = 0;
	}
	if (x->probe)
		for (size_t i = 0; i < nc; i++)
			if (x->f[i].len && (x->colrole[i] == ELOG_COL_TIMESTAMP ||
					    x->colrole[i] == ELOG_COL_START ||
					    x->colrole[i] == ELOG_COL_END)) {
				x->probe_stamped++;
				break;
			}
	x->events++;
	if (elog_row_submit(x->g, &r, x->probe))
		x->stop = 1; /* the writer failed: elog.c reports it */
	if (x->probe && x->events >= XES_PROBE_EVENTS)
		x->stop = 1;
	return 0;
}

/* Line of the element being opened.  Only for events and messages. */
static long line_of(const struct xel *rd)
{
	return rd->line;
}

static int fail_at(struct elog_xes *x, long line, const char *fmt, const char *what)
{
	char msg[300];
	snprintf(msg, sizeof msg, fmt, what);
	return mutu_errf(x->err, MUTU_EINPUT, "%s:%ld: %s", x->path, line, msg);
}

static int push(struct elog_xes *x, struct xel *rd, struct frame fr)
{
	if (x->depth >= XES_MAX_DEPTH)
		return fail_at(x, line_of(rd), "elements nested deeper than %s levels: not a XES log",
			       "64");
	x->st[x->depth++] = fr;
	return 0;
}

static int pop(struct elog_xes *x);

/* An element starts.  Returns 0 or a MUTU_E* code (x->err filled). */
static int on_start(struct elog_xes *x, struct xel *rd, const char *name)
{
	struct frame *top = x->depth ? &x->st[x->depth - 1] : NULL;
	struct frame fr;
	memset(&fr, 0, sizeof fr);
	if (!top) {
		if (x->root_seen)
			return fail_at(x, line_of(rd), "a second root element <%s>", name);
		if (strcmp(name, "log") != 0)
			return fail_at(x, line_of(rd),
				       "not a XES log: the root element is <%s>, XES (IEEE 1849) "
				       "has <log>",
				       name);
		x->root_seen = 1;
		fr.k = F_LOG;
		fr.scope = S_LOG;
		return push(x, rd, fr);
	}
	int type = attr_type(name);
	fr.path = top->path;
	switch (top->k) {
	case F_LOG:
		if (strcmp(name, "trace") == 0) {
			fr.k = F_TRACE;
			fr.scope = S_TRACE;
			kvs_reset(&x->trace);
			x->trace_no++;
			x->event_no = 0;
			x->outside = 0;
			mutu_buf_reset(&x->path_buf);
			return push(x, rd, fr);
		}
		if (strcmp(name, "event") == 0) { /* an event outside any trace */
			kvs_reset(&x->trace);
			x->outside = 1;
			x->event_no = x->outside_no++;
			goto event;
		}
		if (strcmp(name, "extension") == 0) {
			read_attrs(x, rd);
			size_t na = x->nalias;
			int al = note_alias(x);
			if (x->probe && x->exts.len < 400)
				mutu_buf_printf(&x->exts, "%s%s (%s%s%s)", x->exts.len ? ", " : "",
						x->a_name.len ? x->a_name.s : "?",
						x->a_prefix.len ? x->a_prefix.s : "?",
						al == 1 ? ": its keys read as "
						: al == 2 ? ": another extension's own prefix, ignored"
							  : "",
						al == 1 ? x->alias[na][1] : "");
			fr.k = F_SKIP;
			return push(x, rd, fr);
		}
		if (strcmp(name, "global") == 0) {
			read_attrs(x, rd);
			fr.k = F_GLOBAL;
			fr.scope = x->a_scope.len && strcmp(x->a_scope.s, "trace") == 0 ? S_GTRACE
											: S_GEVENT;
			return push(x, rd, fr);
		}
		if (strcmp(name, "classifier") == 0) {
			read_attrs(x, rd);
			parse_classifier(x);
			fr.k = F_SKIP;
			return push(x, rd, fr);
		}
		break;
	case F_TRACE:
		if (strcmp(name, "event") == 0)
			goto event;
		break;
	case F_SKIP:
		fr.k = F_SKIP;
		return push(x, rd, fr);
	default:
		break;
	}
	if (!type) {
		x->skipped++;
		fr.k = F_SKIP;
		return push(x, rd, fr);
	}
	read_attrs(x, rd);
	int composite = type == ELOG_AT_LIST || type == ELOG_AT_CONTAINER;
	int in_json = top->k == F_LIST || top->k == F_VALUES || top->k == F_CONTAINER;
	if (top->k == F_LIST && strcmp(name, "values") == 0)
		in_json = 1; /* not reached: "values" is no attribute type */
	if (in_json) {
		if (!x->json_over) {
			if (!top->first)
				mutu_buf_putc(&x->json, ',');
			if (top->k != F_CONTAINER)
				mutu_buf_putc(&x->json, '{');
			mutu_buf_json_str(&x->json, x->key.len ? x->key.s : "");
			mutu_buf_putc(&x->json, ':');
			if (!composite) {
				json_value(&x->json, type, x->value.len ? x->value.s : "");
				if (top->k != F_CONTAINER)
					mutu_buf_putc(&x->json, '}');
			} else {
				mutu_buf_putc(&x->json, type == ELOG_AT_LIST ? '[' : '{');
			}
			if (x->json.len > XES_MAX_JSON)
				x->json_over = 1;
		}
		top->first = 0;
		fr.scope = top->scope;
		if (!composite) {
			fr.k = F_SKIP; /* meta-attributes of a list item: not kept */
			return push(x, rd, fr);
		}
		fr.k = type == ELOG_AT_LIST ? F_LIST : F_CONTAINER;
		fr.first = 1;
		fr.wrap = top->k != F_CONTAINER;
		fr.type = (uint8_t)type;
		return push(x, rd, fr);
	}
	/* an attribute of a trace, an event, a global, or a meta-attribute */
	uint8_t scope = top->k == F_ATTR ? top->scope
			: top->k == F_TRACE ? S_TRACE
			: top->k == F_EVENT ? S_EVENT
			: top->k == F_GLOBAL ? top->scope
					     : S_LOG;
	if (top->k != F_ATTR)
		mutu_buf_reset(&x->path_buf);
	else
		x->path_buf.len = top->path; /* the parent's key path */
	if (x->path_buf.len)
		mutu_buf_putc(&x->path_buf, '/');
	mutu_buf_add(&x->path_buf, x->key.s, x->key.len);
	fr.scope = scope;
	fr.path = x->path_buf.len;
	if (composite) {
		mutu_buf_reset(&x->json);
		x->json_over = 0;
		mutu_buf_putc(&x->json, type == ELOG_AT_LIST ? '[' : '{');
		fr.k = type == ELOG_AT_LIST ? F_LIST : F_CONTAINER;
		fr.first = 1;
		fr.top = 1;
		fr.type = (uint8_t)type;
		return push(x, rd, fr);
	}
	put_value(x, scope, x->path_buf.s, type, x->value.len ? x->value.s : "", x->value.len);
	fr.k = F_ATTR;
	return push(x, rd, fr);
event:
	fr.k = F_EVENT;
	fr.scope = S_EVENT;
	kvs_reset(&x->event);
	x->event_no++;
	x->event_line = line_of(rd);
	return push(x, rd, fr);
}

/* "values" under a list: its children are the list's items. */
static int on_values(struct elog_xes *x, struct xel *rd)
{
	struct frame *top = &x->st[x->depth - 1];
	struct frame fr = *top;
	fr.k = F_VALUES;
	fr.top = 0;
	fr.wrap = 0;
	return push(x, rd, fr);
}

/* An element ends. */
static int pop(struct elog_xes *x)
{
	struct frame *fr = &x->st[--x->depth];
	switch (fr->k) {
	case F_EVENT:
		return submit_event(x);
	case F_TRACE:
		/* a trace without events has no row to carry it: no case is
		 * stored, and the summary says so (field round 14; before, it
		 * vanished without a word) */
		if (x->event_no == 0 && !x->probe && !x->empty_traces++) {
			snprintf(x->empty_first, sizeof x->empty_first, "trace %lld",
				 (long long)x->trace_no);
			for (size_t i = 0; i < x->trace.n; i++) {
				const struct kv *v = &x->trace.v[i];
				if (v->col == x->case_col)
					snprintf(x->empty_first, sizeof x->empty_first, "'%.*s'",
						 (int)(v->len > 40 ? 40 : v->len),
						 x->trace.arena.s + v->off);
			}
		}
		kvs_reset(&x->trace);
		return 0;
	case F_VALUES:
		/* the list frame below carries on; share its "first" state */
		x->st[x->depth - 1].first = fr->first;
		return 0;
	case F_LIST:
	case F_CONTAINER:
		if (!x->json_over) {
			mutu_buf_putc(&x->json, fr->k == F_LIST ? ']' : '}');
			if (fr->wrap)
				mutu_buf_putc(&x->json, '}');
		}
		if (fr->top) {
			x->path_buf.len = fr->path;
			mutu_buf_add(&x->path_buf, "", 0); /* NUL at the new end */
			if (x->json_over)
				x->json_dropped++;
			else
				put_value(x, fr->scope, x->path_buf.s, fr->type, x->json.s,
					  x->json.len);
		}
		return 0;
	default:
		return 0;
	}
}

/*
 * The callbacks' context is the parser's own (the default SAX2 handlers
 * that keep the DTD need it); the reader hangs off its _private, which
 * libxml2 hands on to the parser of an entity's text.  NULL: none.
 */
static struct elog_xes *xes_of(void *ctx)
{
	return ctx ? ((xmlParserCtxtPtr)ctx)->_private : NULL;
}

#if LIBXML_VERSION >= 21200
static void on_xml_error(void *ctx, const xmlError *e)
#else
static void on_xml_error(void *ctx, xmlErrorPtr e)
#endif
{
	struct elog_xes *x = xes_of(ctx);
	if (!x || !e || e->level < XML_ERR_ERROR || x->xml_err[0])
		return;
	const char *m = e->message ? e->message : "malformed XML";
	size_t n = strlen(m);
	while (n && (m[n - 1] == '\n' || m[n - 1] == ' '))
		n--;
	snprintf(x->xml_err, sizeof x->xml_err, "%.*s", (int)n, m);
	x->xml_line = e->line;
}

/*
 * libxml2 reports a few errors (input encoding conversion, I/O) through its
 * thread's generic error handler, which prints to stderr by default; the
 * library never prints, so run() installs this one for its duration (and
 * puts the caller's back): the text is kept for the message instead.
 */
static void on_generic_error(void *ctx, const char *fmt, ...)
{
	struct elog_xes *x = ctx;
	size_t n = strlen(x->gen_err);
	if (x->gen_done || n + 1 >= sizeof x->gen_err)
		return; /* the first message only: libxml2 repeats itself */
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(x->gen_err + n, sizeof x->gen_err - n, fmt, ap);
	va_end(ap);
	char *nl = strchr(x->gen_err, '\n');
	if (nl) {
		*nl = '\0';
		x->gen_done = 1;
	}
}

/* Stop the parser with a callback's code (x->err filled). */
static void sax_fail(struct elog_xes *x, int rc)
{
	x->rc = rc;
	xmlStopParser(x->el.ctxt);
}

/* An element starts (SAX2).  The elements of a DTD entity's replacement
 * text are skipped: the reader showed the entity's reference, not them
 * (the outer parser's depth counts the entities being expanded). */
static void sax_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
		      const xmlChar *uri, int nns, const xmlChar **ns, int nat, int ndef,
		      const xmlChar **at)
{
	struct elog_xes *x = xes_of(ctx);
	struct xel *rd = x ? &x->el : NULL;
	if (!rd || x->rc || x->stop || ctx != rd->ctxt || rd->ctxt->depth > 0)
		return;
	x->text = 0;
	rd->line = xmlSAX2GetLineNumber(rd->ctxt);
	rd->ns = ns;
	rd->nns = nns;
	rd->at = at;
	/* defaults from the DTD are not the element's own (a tree without
	 * XML_PARSE_DTDATTR leaves them out too) */
	rd->nat = nat - ((rd->ctxt->loadsubset & XML_COMPLETE_ATTRS) ? 0 : ndef);
	const char *name = localname ? (const char *)localname : "";
	char qname[256];
	if (prefix && !uri) {
		/* an undeclared prefix: a tree node's name is "p:name", which no
		 * XES element has (the reader skipped such an element) */
		snprintf(qname, sizeof qname, "%s:%s", (const char *)prefix, name);
		name = qname;
	}
	int rc;
	if (x->depth && x->st[x->depth - 1].k == F_LIST && strcmp(name, "values") == 0)
		rc = on_values(x, rd);
	else
		rc = on_start(x, rd, name);
	if (rc) {
		sax_fail(x, rc);
		return;
	}
	if (++x->nodes % 4096 == 0 && x->o->progress && x->in.raw >= x->next_progress) {
		x->o->progress(x->o->progress_ctx, x->in.raw, x->size, x->events);
		x->next_progress = x->in.raw + (8u << 20);
	}
}

/* An element ends (SAX2); an empty element ends right after it starts. */
static void sax_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
	(void)localname;
	(void)prefix;
	(void)uri;
	struct elog_xes *x = xes_of(ctx);
	if (!x || x->rc || x->stop || ctx != x->el.ctxt || x->el.ctxt->depth > 0)
		return;
	x->text = 0;
	if (x->depth && pop(x))
		sax_fail(x, x->err->code ? x->err->code : MUTU_EFAIL);
	else if (x->stop)
		xmlStopParser(x->el.ctxt);
}

/* Text between tags: XES has none that matters, but a text over libxml2's
 * bound for one value is refused as the reader refused it ("huge text"). */
static void sax_text(void *ctx, const xmlChar *s, int len)
{
	(void)s;
	struct elog_xes *x = xes_of(ctx);
	if (!x)
		return;
	x->text += (size_t)len;
	if (x->text > XML_MAX_TEXT_LENGTH &&
	    !(x->el.ctxt->options & XML_PARSE_HUGE) && !x->xml_err[0]) {
		snprintf(x->xml_err, sizeof x->xml_err, "xmlSAX2Characters: huge text node");
		x->xml_line = xmlSAX2GetLineNumber(x->el.ctxt);
		xmlStopParser(x->el.ctxt);
	}
}

/*
 * One pass over the file: all of it, or (probe) up to XES_PROBE_EVENTS
 * events.  Returns 0, MUTU_EINPUT (malformed, not XES, broken gzip) or
 * MUTU_EFAIL (read error, the writer failed).
 */
static int run(struct elog_xes *x, int fd, struct elog_sha *sha, uint64_t *bytes, int *eof)
{
	x->xml_err[0] = '\0';
	x->depth = 0;
	x->root_seen = 0;
	x->stop = 0;
	x->trace_no = x->event_no = x->outside_no = 0;
	x->outside = 0;
	kvs_reset(&x->trace);
	kvs_reset(&x->event);
	if (xin_open(&x->in, fd, x->path, sha)) {
		xin_close(&x->in);
		return mutu_errf(x->err, MUTU_EFAIL, "%s: cannot read: %s", x->path, strerror(errno));
	}
	/* The push parser with SAX2 callbacks, as xmlTextReader runs it, but
	 * without the tree the reader builds and frees node by node (that
	 * was a third of the parsing thread's time).  The default SAX2
	 * handlers keep the document's DTD (its entities); elements and text
	 * come to the callbacks below.  NONET: a XES file never needs the
	 * network; no entity or DTD loading.  BIG_LINES: kept from the reader
	 * (the lines here are the parser's, never cut at 65535). */
	xmlSAXHandler sax;
	memset(&sax, 0, sizeof sax);
	xmlSAXVersion(&sax, 2);
	sax.startElementNs = sax_start;
	sax.endElementNs = sax_end;
	sax.startElement = NULL;
	sax.endElement = NULL;
	sax.characters = sax.ignorableWhitespace = sax.cdataBlock = sax_text;
	sax.reference = NULL;
	sax.comment = NULL;
	sax.processingInstruction = NULL;
	sax.serror = on_xml_error;
	char head[4];
	int nh = xin_read(&x->in, head, sizeof head);
	xmlParserCtxtPtr c = nh < 0 ? NULL
			   : xmlCreatePushParserCtxt(&sax, NULL, head, nh, x->path);
	if (!c) {
		xin_close(&x->in);
		if (nh < 0)
			return mutu_errf(x->err, x->in.failed == 1 ? MUTU_EFAIL : MUTU_EINPUT, "%s",
					 x->in.msg);
		return mutu_errf(x->err, MUTU_EFAIL, "%s: cannot start the XML reader", x->path);
	}
	xmlCtxtUseOptions(c, XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_BIG_LINES |
				     XML_PARSE_COMPACT);
	c->_private = x;
	memset(&x->el, 0, sizeof x->el);
	x->el.ctxt = c;
	x->rc = 0;
	x->text = 0;
	x->nodes = 0;
	x->next_progress = 8u << 20;
	xmlGenericErrorFunc prev_f = xmlGenericError;
	void *prev_c = xmlGenericErrorContext;
	x->gen_err[0] = '\0';
	x->gen_done = 0;
	xmlSetGenericErrorFunc(x, on_generic_error);
	struct stat sb;
	x->size = fstat(fd, &sb) == 0 ? (uint64_t)sb.st_size : 0;
	int rc = 0, r = 0;
	char *buf = mutu_malloc(XES_BLOCK);
	/* as the reader: any error the parser reports stops it (r = -1) */
	while (!x->stop && !x->rc && r == 0) {
		int k = xin_read(&x->in, buf, XES_BLOCK);
		if (k < 0)
			r = -1;
		else if (xmlParseChunk(c, k ? buf : NULL, k, k == 0) != 0 || !c->wellFormed)
			r = -1;
		else if (k == 0)
			break;
	}
	free(buf);
	rc = x->rc;
	if (x->stop && !rc)
		r = 0; /* stopped on purpose: the parser's "stopped" is no error */
	if (!rc && !x->stop && r != 0) {
		if (!x->xml_line)
			x->xml_line = xmlSAX2GetLineNumber(c);
		if (x->in.failed == 1)
			rc = mutu_errf(x->err, MUTU_EFAIL, "%s", x->in.msg);
		else if (x->in.failed == 2)
			rc = mutu_errf(x->err, MUTU_EINPUT, "%s (nothing was written)", x->in.msg);
		else if (!x->root_seen)
			rc = mutu_errf(x->err, MUTU_EINPUT,
				       "%s:%ld: not a XES log: %s (XES is XML with a <log> root%s)",
				       x->path, x->xml_line,
				       x->xml_err[0] ? x->xml_err : "no XML element",
				       x->in.gz ? "; a gzip file must hold XES, a CSV is read "
						  "uncompressed" : "");
		else if (strstr(x->xml_err, "Huge input") || strstr(x->xml_err, "huge text") ||
			 strstr(x->xml_err, "length too long"))
			/* libxml2's bound on one value, not a defect of the XML: read
			 * past it (XML_PARSE_HUGE) one value could take up to 1 GB, and
			 * mutu keeps at most XES_MAX_ELEM of a trace or event anyway */
			rc = mutu_errf(x->err, MUTU_EINPUT,
				       "%s:%ld: an attribute value or text over %d bytes, the most the "
				       "XML reader takes in one value (%s); not malformed, but not read: "
				       "shorten or drop that value (mutu stores at most %u MiB of a "
				       "trace's or event's values anyway; nothing was written)",
				       x->path, x->xml_line, (int)XML_MAX_TEXT_LENGTH, x->xml_err,
				       XES_MAX_ELEM >> 20);
		else
			rc = mutu_errf(x->err, MUTU_EINPUT,
				       "%s:%ld: malformed XML: %s (expected a well-formed XES "
				       "document; nothing was written)",
				       x->path, x->xml_line,
				       x->xml_err[0] ? x->xml_err
				       : x->gen_err[0] ? x->gen_err
						       : "the parser stopped");
	}
	if (!rc && !x->stop && !x->root_seen)
		rc = mutu_errf(x->err, MUTU_EINPUT, "%s: not a XES log: no <log> element", x->path);
	if (!rc && !x->stop) {
		/* the rest of the file: hashed, and a gzip checked to its end */
		char scratch[8192];
		int k;
		while ((k = xin_read(&x->in, scratch, sizeof scratch)) > 0)
			;
		if (k < 0)
			rc = mutu_errf(x->err, x->in.failed == 1 ? MUTU_EFAIL : MUTU_EINPUT,
				       "%s%s", x->in.msg,
				       x->in.failed == 1 ? "" : " (nothing was written)");
		else if (eof)
			*eof = 1;
	}
	if (bytes)
		*bytes = x->in.raw;
	if (c->myDoc)
		xmlFreeDoc(c->myDoc);
	xmlFreeParserCtxt(c);
	xmlSetGenericErrorFunc(prev_c, prev_f);
	xin_close(&x->in);
	return rc;
}

static void xes_note(struct elog_xes *x)
{
	mutu_notes_addf(x->notes, "XES log%s; extensions: %s", x->in.gz ? " (gzip)" : "",
			x->exts.len ? x->exts.s : "none declared");
	if (x->gtrace.n || x->gevent.n)
		mutu_notes_addf(x->notes,
				"XES global defaults: %zu trace, %zu event attribute(s) fill what a "
				"trace or event lacks",
				x->gtrace.n, x->gevent.n);
	if (x->cls_name)
		mutu_notes_addf(x->notes,
				"XES classifier '%s': names the activity of an event without "
				"concept:name",
				x->cls_name);
}

int elog_xes_probe(struct ingest *g, int fd, const char *path, const struct elog_opts *o,
		   struct mutu_notes *notes, struct elog_xes **out, struct mutu_err *err)
{
	struct elog_xes *x = mutu_calloc(1, sizeof *x);
	*out = x;
	x->g = g;
	x->o = o;
	x->path = path;
	x->err = err;
	x->notes = notes;
	x->nslots = XES_TAB;
	x->tab = mutu_calloc(XES_TAB, sizeof *x->tab);
	x->sop_col = -1;
	x->org_col[0] = x->org_col[1] = -1;
	struct mutu_buf *bufs[] = {&x->row,      &x->raw,      &x->key,      &x->value,
				   &x->a_name,   &x->a_prefix, &x->a_uri,    &x->a_scope,
				   &x->a_keys,   &x->path_buf, &x->json,     &x->exts,
				   &x->trace.arena, &x->event.arena, &x->gtrace.arena,
				   &x->gevent.arena};
	for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
		mutu_buf_init(bufs[i]);
	elog_row_begin(g, XES_MAX_COLS);
	/* the role columns first, so every row has them */
	x->case_col = col_of(x, S_TRACE, o->col[ELOG_COL_CASE] ? o->col[ELOG_COL_CASE]
							       : "concept:name");
	x->act_col = col_of(x, S_EVENT, o->col[ELOG_COL_ACTIVITY] ? o->col[ELOG_COL_ACTIVITY]
								  : "concept:name");
	x->ts_col = col_of(x, S_EVENT, o->col[ELOG_COL_TIMESTAMP] ? o->col[ELOG_COL_TIMESTAMP]
								    : "time:timestamp");
	x->actor_col = col_of(x, S_EVENT, o->col[ELOG_COL_ACTOR] ? o->col[ELOG_COL_ACTOR] : "org:resource");
	x->lc_col = col_of(x, S_EVENT, o->col[ELOG_COL_LIFECYCLE] ? o->col[ELOG_COL_LIFECYCLE]
								  : "lifecycle:transition");
	if (o->sop_col)
		col_of(x, S_TRACE, o->sop_col);
	x->probe = 1;
	int rc = run(x, fd, NULL, NULL, NULL);
	x->probe = 0;
	if (rc)
		return rc;
	if (x->events == 0)
		return mutu_errf(err, MUTU_EINPUT, "%s: a XES log with no events: nothing to ingest",
				 path);
	if (x->probe_stamped == 0) {
		/* as a CSV without a time column: every event would be rejected */
		struct mutu_buf keys;
		mutu_buf_init(&keys);
		for (size_t i = 0; i < x->ncols && keys.len < 200; i++)
			if (x->colscope[i] == S_EVENT && x->colkind[i] != 3 && x->coltype[i])
				mutu_buf_printf(&keys, "%s%s", keys.len ? ", " : "", x->colkey[i]);
		rc = mutu_errf(err, MUTU_EINPUT,
			       "%s: none of the first %llu events has %s (event keys: %s); name the "
			       "time key with --timestamp-col",
			       path, (unsigned long long)x->events, x->colkey[x->ts_col],
			       keys.len ? keys.s : "none");
		mutu_buf_release(&keys);
		return rc;
	}
	if ((rc = elog_row_probe_check(g)))
		return rc;
	xes_note(x);
	return 0;
}

int elog_xes_read(struct elog_xes *x, int fd, struct elog_sha *sha, int *eof, uint64_t *bytes,
		  struct mutu_err *err)
{
	x->err = err;
	x->events = 0;
	/* globals and classifiers are read again with the log's head */
	kvs_reset(&x->gtrace);
	kvs_reset(&x->gevent);
	for (size_t i = 0; i < x->ncls; i++)
		free(x->cls[i]);
	x->ncls = 0;
	free(x->cls_name);
	x->cls_name = NULL;
	x->keys_over = x->skipped = x->log_attrs = x->late_trace = x->json_dropped = x->too_big = 0;
	x->defaults_ignored = x->empty_traces = 0;
	x->actor_from_org[0] = x->actor_from_org[1] = 0;
	memset(x->coltype, 0, sizeof x->coltype);
	memset(x->colmixed, 0, sizeof x->colmixed);
	int rc = run(x, fd, sha, bytes, eof);
	if (rc)
		return rc;
	for (size_t i = 0; i < x->ncols; i++)
		if (x->colmixed[i] && x->colname[i])
			mutu_notes_addf(x->notes,
					"XES key '%s' has values of more than one type: its type is "
					"recorded as string",
					x->colkey[i]);
	if (x->keys_over)
		mutu_notes_addf(x->notes,
				"%llu value(s) under keys beyond the first %d distinct keys were not "
				"stored",
				(unsigned long long)x->keys_over, XES_MAX_COLS);
	if (x->late_trace)
		mutu_notes_addf(x->notes,
				"%llu trace attribute(s) came after the trace's first event: a case "
				"keeps the attributes it had at its first event",
				(unsigned long long)x->late_trace);
	if (x->json_dropped)
		mutu_notes_addf(x->notes, "%llu list/container value(s) over %u bytes not stored",
				(unsigned long long)x->json_dropped, XES_MAX_JSON);
	if (x->rlog && (x->rlog_stamps || x->rlog_na))
		mutu_notes_addf(x->notes,
				"XES written by R's xesreadR (bupaR write_xes: the Time extension "
				"declared under the prefix 'concept'), which writes every date as its "
				"wall clock followed by '+00:00' whatever its zone: %llu stamp(s) read as "
				"local times (at --tz or the SOP calendar's zone; --tz UTC if they "
				"really are UTC), %llu 'NA' value(s) as R's missing values",
				(unsigned long long)x->rlog_stamps, (unsigned long long)x->rlog_na);
	if (x->pd_nan)
		mutu_notes_addf(x->notes,
				"%llu 'nan' / 'NaT' value(s) of case, SOP, activity, resource, "
				"lifecycle or time keys read as missing (pandas' NaN / NaT as "
				"PM4Py's write_xes writes them)",
				(unsigned long long)x->pd_nan);
	if (x->empty_traces)
		mutu_notes_addf(x->notes,
				"%llu trace(s) without events (first: %s): no case stored for them",
				(unsigned long long)x->empty_traces, x->empty_first);
	if (x->defaults_ignored)
		mutu_notes_addf(x->notes,
				"global defaults of concept:name/time:timestamp/org:resource not "
				"applied (placeholders): an event lacking one is rejected or has no "
				"actor");
	for (int k = 0; k < 2; k++)
		if (x->actor_from_org[k])
			mutu_notes_addf(x->notes,
					"%llu event(s) without org:resource: the pelaksana (actor) read from "
					"their %s",
					(unsigned long long)x->actor_from_org[k], k ? "org:group" : "org:role");
	if (x->too_big)
		mutu_notes_addf(x->notes,
				"%llu value(s) not stored: their trace or event already held %u MiB "
				"of values",
				(unsigned long long)x->too_big, XES_MAX_ELEM >> 20);
	if (x->skipped)
		mutu_notes_addf(x->notes, "%llu element(s) that are not XES attributes ignored",
				(unsigned long long)x->skipped);
	return 0;
}

int elog_xes_store_types(struct elog_xes *x, struct store_writer *w, struct mutu_err *err)
{
	int rc = 0;
	for (size_t i = 0; i < x->ncols && !rc; i++) {
		if (!x->colname[i] || !x->coltype[i] || (x->colkind[i] != 1 && x->colkind[i] != 2))
			continue;
		rc = store_writer_attr_type(w, x->colkind[i] == 1 ? "case" : "event", x->colname[i],
					    elog_attr_type_name(x->coltype[i]), err);
	}
	return rc;
}

void elog_xes_free(struct elog_xes *x)
{
	if (!x)
		return;
	for (size_t i = 0; i < x->nslots; i++)
		free(x->tab[i].key);
	free(x->tab);
	for (size_t i = 0; i < x->ncls; i++)
		free(x->cls[i]);
	free(x->cls);
	free(x->cls_name);
	kvs_release(&x->trace);
	kvs_release(&x->event);
	kvs_release(&x->gtrace);
	kvs_release(&x->gevent);
	struct mutu_buf *bufs[] = {&x->row,    &x->raw,      &x->key,      &x->value,
				   &x->a_name, &x->a_prefix, &x->a_uri,    &x->a_scope,
				   &x->a_keys, &x->path_buf, &x->json,     &x->exts};
	for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
		mutu_buf_release(bufs[i]);
	xin_close(&x->in);
	free(x);
}
