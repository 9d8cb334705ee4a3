/*
 * elog_export.c - the store written back out as an event log: XES
 * (IEEE 1849-2016, through libxml2's xmlTextWriter, gzip through zlib) or
 * a PM4Py-style flattened CSV (RFC 4180 quoting), for `mutu db export`
 * and `mutu sim --emit-log FILE.xes`.
 *
 * Why here and not in the CLI: the mapping from the store's rows to log
 * entries (a step execution with a start and an end is two XES events,
 * attributes typed from their text) is a rule of the store, like the
 * ingest's, and tests drive it without a process.
 *
 * The store is read in one read transaction (one snapshot), one case at a
 * time with three indexed queries (events, case attributes, event
 * attributes of the case), so memory holds one case, not the log.
 */
#include "mutu/elog.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>
#include <zlib.h>

#include "mutu/cal.h"
#include "mutu/store.h"

void elog_export_opts_init(struct elog_export_opts *o)
{
	memset(o, 0, sizeof *o);
	o->format = ELOG_EXPORT_CSV;
}

static int ends_with_ci(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && mutu_strcasecmp(s + n - m, suffix) == 0;
}

int elog_export_format_for(const char *path, enum elog_export_format *fmt, int *gz)
{
	*gz = 0;
	if (ends_with_ci(path, ".xes")) {
		*fmt = ELOG_EXPORT_XES;
		return 1;
	}
	if (ends_with_ci(path, ".xes.gz")) {
		*fmt = ELOG_EXPORT_XES;
		*gz = 1;
		return 1;
	}
	if (ends_with_ci(path, ".csv")) {
		*fmt = ELOG_EXPORT_CSV;
		return 1;
	}
	return 0;
}

/* ---- the byte sink: plain or gzip, into the caller's FILE ------------- */

struct sink {
	FILE *f;
	int gz;
	int failed;    /* errno of the first write error, or -1 for a zlib error */
	z_stream z;
	unsigned char zbuf[1 << 16];
	uint64_t bytes; /* bytes handed to the sink (before compression) */
};

static void sink_drain(struct sink *s, int flush)
{
	do {
		s->z.next_out = s->zbuf;
		s->z.avail_out = sizeof s->zbuf;
		int zr = deflate(&s->z, flush);
		if (zr == Z_STREAM_ERROR) {
			s->failed = -1;
			return;
		}
		size_t have = sizeof s->zbuf - s->z.avail_out;
		if (have && fwrite(s->zbuf, 1, have, s->f) != have) {
			s->failed = errno ? errno : EIO;
			return;
		}
	} while (s->z.avail_out == 0);
}

static void sink_write(struct sink *s, const void *p, size_t n)
{
	if (s->failed || !n)
		return;
	s->bytes += n;
	if (!s->gz) {
		if (fwrite(p, 1, n, s->f) != n)
			s->failed = errno ? errno : EIO;
		return;
	}
	s->z.next_in = (unsigned char *)(uintptr_t)p;
	s->z.avail_in = (uInt)n;
	sink_drain(s, Z_NO_FLUSH);
}

static int sink_open(struct sink *s, FILE *f, int gz)
{
	memset(s, 0, sizeof *s);
	s->f = f;
	s->gz = gz;
	/* 15 + 16: a gzip header and trailer around the deflate stream */
	if (gz && deflateInit2(&s->z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
			       Z_DEFAULT_STRATEGY) != Z_OK)
		return -1;
	return 0;
}

static void sink_close(struct sink *s)
{
	if (s->gz) {
		if (!s->failed) {
			s->z.next_in = NULL;
			s->z.avail_in = 0;
			sink_drain(s, Z_FINISH);
		}
		deflateEnd(&s->z);
		s->gz = 0; /* ended: the error path must not end it again */
	}
	if (!s->failed && ferror(s->f))
		s->failed = EIO;
}

/* libxml2's output callback: xmlTextWriter -> the sink.  A write error is
 * kept in the sink (later writes are dropped) and not returned: libxml2
 * would print "I/O error" to stderr, and the library never prints. */
static int xml_write_cb(void *ctx, const char *buf, int len)
{
	struct sink *s = ctx;
	sink_write(s, buf, (size_t)len);
	return len;
}

static int xml_close_cb(void *ctx)
{
	(void)ctx;
	return 0;
}

/* ---- period and filters ------------------------------------------------ */

/* "YYYY-MM-DD", year 1..9999, a real calendar day -> days since 1970 */
static int parse_day(const char *opt, const char *s, int64_t *day, struct mutu_err *err)
{
	int y, m, d;
	char extra;
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 || y < 1 || m < 1 || m > 12 ||
	    d < 1 || d > 31)
		return mutu_errf(err, MUTU_EINPUT,
				 "%s '%s': not a date; give YYYY-MM-DD (year 1..9999), e.g. 2025-01-31",
				 opt, s);
	*day = cal_days_from_civil(y, m, d);
	int y2, m2, d2;
	cal_civil_from_days(*day, &y2, &m2, &d2);
	if (y2 != y || m2 != m || d2 != d)
		return mutu_errf(err, MUTU_EINPUT, "%s '%s': there is no such day (month %d has fewer days)",
				 opt, s, m);
	return 0;
}

/* The cases to export: store_export_open's selection (store.h) -- a
 * case belongs to the period when its first stamp falls on a local day
 * between from and to, read at the offset written on that stamp, so
 * consecutive periods split a store without overlap and a case is never
 * cut in two. */

/* ---- one case in memory ------------------------------------------------ */

struct xattr {
	char *name, *value; /* owned */
};

struct xevent {
	int64_t id;
	int has_step;
	int64_t step;
	char *activity, *actor, *lifecycle; /* owned; actor/lifecycle may be NULL */
	int has_start, has_end;
	int64_t start_ms, end_ms;
	int start_off, end_off;
	size_t attr0, nattr; /* slice of the case's event attributes */
};

struct xcase {
	int64_t id;
	char *key, *sop;
	struct xevent *ev;
	size_t nev, evcap;
	struct xattr *cattr, *eattr;
	size_t ncattr, neattr, cattrcap, eattrcap;
};

static void xcase_clear(struct xcase *c)
{
	for (size_t i = 0; i < c->nev; i++) {
		free(c->ev[i].activity);
		free(c->ev[i].actor);
		free(c->ev[i].lifecycle);
	}
	for (size_t i = 0; i < c->ncattr; i++) {
		free(c->cattr[i].name);
		free(c->cattr[i].value);
	}
	for (size_t i = 0; i < c->neattr; i++) {
		free(c->eattr[i].name);
		free(c->eattr[i].value);
	}
	free(c->key);
	free(c->sop);
	c->key = c->sop = NULL;
	c->nev = c->ncattr = c->neattr = 0;
}

static void xcase_release(struct xcase *c)
{
	xcase_clear(c);
	free(c->ev);
	free(c->cattr);
	free(c->eattr);
	memset(c, 0, sizeof *c);
}

static void attr_push(struct xattr **a, size_t *n, size_t *cap, const char *name, const char *value)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		*a = mutu_realloc(*a, *cap * sizeof **a);
	}
	(*a)[*n].name = mutu_strdup(name);
	(*a)[*n].value = mutu_strdup(value ? value : "");
	(*n)++;
}

struct exporter {
	struct mutu_store *db;
	struct store_cursor *cur;     /* the cases, in id order */
	struct store_export_filter f; /* the selection, for the attribute names */
	const struct elog_export_opts *o;
	struct elog_export_result *res;
	struct mutu_err *err;
	struct sink sink;
	struct xcase c;
	/* CSV: the attribute columns, in header order */
	char **cnames, **enames;
	size_t ncn, nen;
	int64_t from_day, to_day; /* the period, days since 1970 (local) */
	int64_t attr_ev;          /* attr_cb: the event whose attributes come in */
	size_t attr_evi;          /* its index in c.ev, SIZE_MAX: none */
	struct mutu_buf line;
	/* declared XES types (table attr_types) per scope, sorted by name */
	struct xtype {
		char *name, *type;
	} *types[2];
	size_t ntypes[2];
};

static int xtype_cmp(const void *a, const void *b)
{
	return strcmp(((const struct xtype *)a)->name, ((const struct xtype *)b)->name);
}

/*
 * The types XES batches declared for attribute keys (attr_types): a key
 * ingested from XES keeps its type on the way out (a <string> "12345"
 * stays a string, an <id> an id).  A key declared with two types reads as
 * string.  A store without the table (or a CSV-only store) has none, and
 * every value is typed from its text.
 */
static int type_cb(void *ctx, const char *scope, const char *name, const char *type)
{
	struct exporter *x = ctx;
	int k = strcmp(scope, "event") == 0;
	if (x->ntypes[k] % 16 == 0)
		x->types[k] = mutu_realloc(x->types[k], (x->ntypes[k] + 16) * sizeof *x->types[k]);
	x->types[k][x->ntypes[k]].name = mutu_strdup(name);
	x->types[k][x->ntypes[k]].type = mutu_strdup(type);
	x->ntypes[k]++;
	return 0;
}

static void load_types(struct exporter *x)
{
	struct mutu_err e2;
	mutu_err_clear(&e2);
	store_attr_types(x->db, type_cb, x, &e2);
	for (int k = 0; k < 2; k++)
		if (x->ntypes[k] > 1)
			qsort(x->types[k], x->ntypes[k], sizeof *x->types[k], xtype_cmp);
}

static const char *declared_type(const struct exporter *x, int event, const char *name)
{
	struct xtype key = {(char *)name, NULL};
	const struct xtype *t = x->ntypes[event] ? bsearch(&key, x->types[event], x->ntypes[event],
							     sizeof key, xtype_cmp)
						 : NULL;
	return t ? t->type : NULL;
}

static void free_types(struct exporter *x)
{
	for (int k = 0; k < 2; k++) {
		for (size_t i = 0; i < x->ntypes[k]; i++) {
			free(x->types[k][i].name);
			free(x->types[k][i].type);
		}
		free(x->types[k]);
	}
}

/* An attribute of the current case: case attributes (event_id 0) by
 * name, then event attributes by (event id, name), matched to the events
 * by id. */
static int attr_cb(void *ctx, int64_t event_id, const char *name, const char *value)
{
	struct exporter *x = ctx;
	struct xcase *c = &x->c;
	if (!event_id) {
		attr_push(&c->cattr, &c->ncattr, &c->cattrcap, name, value);
		return 0;
	}
	if (event_id != x->attr_ev) {
		x->attr_ev = event_id;
		x->attr_evi = SIZE_MAX;
		for (size_t i = 0; i < c->nev; i++)
			if (c->ev[i].id == event_id) {
				x->attr_evi = i;
				c->ev[i].attr0 = c->neattr;
				c->ev[i].nattr = 0;
			}
	}
	attr_push(&c->eattr, &c->neattr, &c->eattrcap, name, value);
	if (x->attr_evi != SIZE_MAX)
		c->ev[x->attr_evi].nattr++;
	return 0;
}

/* Load the case the cursor gave: events in time order, then attributes. */
static int load_case(struct exporter *x, const struct store_case_row *row)
{
	struct xcase *c = &x->c;
	c->id = row->id;
	c->key = mutu_strdup(row->key);
	c->sop = mutu_strdup(row->sop);
	for (size_t k = 0; k < row->nev; k++) {
		const struct store_event_row *r = &row->ev[k];
		if (c->nev == c->evcap) {
			c->evcap = c->evcap ? 2 * c->evcap : 32;
			c->ev = mutu_realloc(c->ev, c->evcap * sizeof *c->ev);
		}
		struct xevent *e = &c->ev[c->nev++];
		memset(e, 0, sizeof *e);
		e->id = r->id;
		e->has_step = r->step != 0;
		e->step = r->step;
		e->activity = mutu_strdup(r->activity);
		e->actor = mutu_strdup(r->actor);
		e->lifecycle = mutu_strdup(r->lifecycle);
		/* an instant no ingest stores (the store edited by another
		 * tool): refused, never written as a wrapped date */
		for (int k2 = 0; k2 < 2; k2++) {
			int has = k2 ? r->has_end : r->has_start;
			int64_t ms = k2 ? r->end_ms : r->start_ms;
			int off = k2 ? r->end_off : r->start_off;
			if (has && (ms < ELOG_MS_MIN || ms > ELOG_MS_MAX ||
				    (off != STORE_OFF_NONE && (off < -ELOG_OFF_MAX || off > ELOG_OFF_MAX))))
				return mutu_errf(x->err, MUTU_EINPUT,
						 "case '%s', event %lld: its %s (%lld ms, offset %d min) is outside "
						 "years 1..9999 or a day's offset: the store was edited by another "
						 "tool or is damaged; correct or delete that row",
						 row->key, (long long)r->id, k2 ? "end_ms" : "start_ms",
						 (long long)ms, off == STORE_OFF_NONE ? 0 : off);
		}
		/* a stamp without an offset is written as UTC, as before */
		e->has_start = r->has_start;
		e->start_ms = r->start_ms;
		e->start_off = r->start_off == STORE_OFF_NONE ? 0 : r->start_off;
		e->has_end = r->has_end;
		e->end_ms = r->end_ms;
		e->end_off = r->end_off == STORE_OFF_NONE ? 0 : r->end_off;
	}
	x->attr_ev = 0;
	x->attr_evi = SIZE_MAX;
	return store_export_attrs(x->cur, attr_cb, x, x->err);
}

/* ---- CSV --------------------------------------------------------------- */

/* RFC 4180: quote a field holding a separator, a quote or a line end (and
 * one with blanks at either end, which some readers trim); double quotes.
 * No spreadsheet formula guard: this file is input for programs and must
 * give back the exact values. */
static void csv_field(struct mutu_buf *b, const char *s)
{
	mutu_csv_field_exact(b, s); /* the one CSV writer (base.c) */
}

struct names {
	char **v;
	size_t n;
};

static int name_cb(void *ctx, const char *name)
{
	struct names *nm = ctx;
	if (nm->n % 16 == 0)
		nm->v = mutu_realloc(nm->v, (nm->n + 16) * sizeof *nm->v);
	nm->v[nm->n++] = mutu_strdup(name);
	return 0;
}

static int collect_names(struct exporter *x, const char *scope, char ***out, size_t *n)
{
	struct names nm = {NULL, 0};
	int rc = store_export_attr_names(x->db, &x->f, scope, name_cb, &nm, x->err);
	*out = nm.v;
	*n = nm.n;
	return rc;
}

/* The fixed columns, then case:NAME per case attribute, then the event
 * attributes by name (both sorted by name: a stable header). */
static int csv_header(struct exporter *x)
{
	int rc = collect_names(x, "case", &x->cnames, &x->ncn);
	if (!rc)
		rc = collect_names(x, "event", &x->enames, &x->nen);
	if (rc)
		return rc;

	struct mutu_buf *b = &x->line;
	mutu_buf_reset(b);
	/* sop and step always, empty where the store has none (an empty cell
	 * reads back as NULL): were they left out, an attribute column named
	 * like them (jenis_izin, langkah) would take their role on ingest */
	mutu_buf_puts(b, "case:concept:name,sop,step,concept:name,org:resource,"
			 "lifecycle:transition,start_timestamp,time:timestamp");
	for (size_t i = 0; i < x->ncn; i++) {
		struct mutu_buf name;
		mutu_buf_init(&name);
		mutu_buf_printf(&name, "case:%s", x->cnames[i]);
		mutu_buf_putc(b, ',');
		csv_field(b, name.s);
		mutu_buf_release(&name);
	}
	for (size_t i = 0; i < x->nen; i++) {
		mutu_buf_putc(b, ',');
		csv_field(b, x->enames[i]);
	}
	mutu_buf_puts(b, "\r\n");
	sink_write(&x->sink, b->s, b->len);
	return 0;
}

/* sorted name lists: binary search would do, but a case has few attributes
 * and the header's order is the loop's */
static const char *find_attr(const struct xattr *a, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(a[i].name, name) == 0)
			return a[i].value;
	return NULL;
}

static void csv_case(struct exporter *x)
{
	struct xcase *c = &x->c;
	struct mutu_buf *b = &x->line;
	char t[64];
	for (size_t k = 0; k < c->nev; k++) {
		const struct xevent *e = &c->ev[k];
		mutu_buf_reset(b);
		csv_field(b, c->key);
		mutu_buf_putc(b, ',');
		csv_field(b, c->sop ? c->sop : "");
		mutu_buf_putc(b, ',');
		if (e->has_step)
			mutu_buf_printf(b, "%lld", (long long)e->step);
		mutu_buf_putc(b, ',');
		csv_field(b, e->activity);
		mutu_buf_putc(b, ',');
		csv_field(b, e->actor ? e->actor : "");
		mutu_buf_putc(b, ',');
		csv_field(b, e->lifecycle ? e->lifecycle : "");
		mutu_buf_putc(b, ',');
		if (e->has_start) {
			elog_format_time(e->start_ms, e->start_off, t, sizeof t);
			mutu_buf_puts(b, t);
		}
		mutu_buf_putc(b, ',');
		if (e->has_end) {
			elog_format_time(e->end_ms, e->end_off, t, sizeof t);
			mutu_buf_puts(b, t);
		}
		for (size_t i = 0; i < x->ncn; i++) {
			const char *v = find_attr(c->cattr, c->ncattr, x->cnames[i]);
			mutu_buf_putc(b, ',');
			csv_field(b, v ? v : "");
		}
		for (size_t i = 0; i < x->nen; i++) {
			const char *v = e->nattr ? find_attr(c->eattr + e->attr0, e->nattr, x->enames[i]) : NULL;
			mutu_buf_putc(b, ',');
			csv_field(b, v ? v : "");
		}
		mutu_buf_puts(b, "\r\n");
		sink_write(&x->sink, b->s, b->len);
		x->res->entries++;
	}
}

/* ---- XES --------------------------------------------------------------- */

/* xs:dateTime with milliseconds and the stamp's own offset, as OpenXES
 * writes it: 2011-06-01T00:00:00.000+02:00 */
static void xes_time(int64_t ms, int off_min, char *buf, size_t size)
{
	int64_t local = ms + (int64_t)off_min * 60000;
	int64_t days = local >= 0 ? local / 86400000 : -((-local + 86399999) / 86400000);
	int64_t rem = local - days * 86400000;
	int y, mo, d;
	cal_civil_from_days(days, &y, &mo, &d);
	int a = off_min < 0 ? -off_min : off_min;
	snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d.%03d%c%02d:%02d", y, mo, d,
		 (int)(rem / 3600000), (int)(rem / 60000 % 60), (int)(rem / 1000 % 60),
		 (int)(rem % 1000), off_min < 0 ? '-' : '+', a / 60, a % 60);
}

/* XML 1.0 has no place for C0 controls other than TAB, LF, CR: such a byte
 * becomes U+FFFD (counted), so the file stays well-formed. */
static const char *xml_text(struct exporter *x, const char *s, struct mutu_buf *tmp)
{
	const char *p = s;
	for (; *p; p++)
		if ((unsigned char)*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
			break;
	if (!*p)
		return s;
	mutu_buf_reset(tmp);
	for (p = s; *p; p++) {
		if ((unsigned char)*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') {
			mutu_buf_puts(tmp, "\xEF\xBF\xBD");
			x->res->replaced_chars++;
		} else {
			mutu_buf_putc(tmp, *p);
		}
	}
	return tmp->s;
}

static int is_int_text(const char *s)
{
	const char *p = s + (*s == '-');
	if (!*p || (p[0] == '0' && p[1]) || strlen(p) > 18)
		return 0; /* leading zeros are text ("007"); 19+ digits may not fit int64 */
	for (; *p; p++)
		if (*p < '0' || *p > '9')
			return 0;
	return 1;
}

/* -?D+.D+ with an optional exponent: a valid xs:double as written */
static int is_float_text(const char *s)
{
	const char *p = s + (*s == '-');
	int d1 = 0, d2 = 0;
	while (*p >= '0' && *p <= '9')
		p++, d1++;
	if (*p != '.')
		return 0;
	p++;
	while (*p >= '0' && *p <= '9')
		p++, d2++;
	if (!d1 || !d2)
		return 0;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!(*p >= '0' && *p <= '9'))
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return *p == '\0';
}

/*
 * One attribute, typed from its text (the store keeps text): true/false ->
 * boolean, a whole number without leading zeros -> int, D.D -> float, a
 * date and time with an offset -> date (rewritten as xs:dateTime at the
 * same offset, the instant unchanged), anything else -> string.  Values
 * other than dates are written exactly as stored.
 */
static void xes_attr(struct exporter *x, xmlTextWriterPtr w, int event, const char *key,
		     const char *val, struct mutu_buf *tmp)
{
	const char *tag = "string";
	char t[64];
	const char *v = val;
	int64_t ms;
	int off;
	size_t n = strlen(val);
	const char *decl = declared_type(x, event, key);
	if (decl && (strcmp(decl, "string") == 0 || strcmp(decl, "id") == 0 ||
		     strcmp(decl, "list") == 0 || strcmp(decl, "container") == 0)) {
		/* declared text stays text; a list/container is written as its
		 * JSON text in a string (README "Export") */
		tag = strcmp(decl, "id") == 0 ? "id" : "string";
	} else if (strcmp(val, "true") == 0 || strcmp(val, "false") == 0) {
		tag = "boolean";
	} else if (is_int_text(val)) {
		tag = "int";
	} else if (is_float_text(val)) {
		tag = "float";
	} else if (n >= 16 && val[4] == '-' && val[7] == '-' && (val[10] == 'T' || val[10] == ' ') &&
		   elog_parse_time(val, n, NULL, ELOG_NO_ZONE, &ms, &off) == ELOG_TS_OK) {
		tag = "date";
		xes_time(ms, off, t, sizeof t);
		v = t;
	}
	xmlTextWriterStartElement(w, BAD_CAST tag);
	xmlTextWriterWriteAttribute(w, BAD_CAST "key", BAD_CAST xml_text(x, key, tmp));
	xmlTextWriterWriteAttribute(w, BAD_CAST "value", BAD_CAST xml_text(x, v, tmp));
	xmlTextWriterEndElement(w);
}

static void xes_string(struct exporter *x, xmlTextWriterPtr w, const char *key, const char *val,
		       struct mutu_buf *tmp)
{
	xmlTextWriterStartElement(w, BAD_CAST "string");
	xmlTextWriterWriteAttribute(w, BAD_CAST "key", BAD_CAST key);
	xmlTextWriterWriteAttribute(w, BAD_CAST "value", BAD_CAST xml_text(x, val, tmp));
	xmlTextWriterEndElement(w);
}

static void xes_date(xmlTextWriterPtr w, const char *key, int64_t ms, int off)
{
	char t[64];
	xes_time(ms, off, t, sizeof t);
	xmlTextWriterStartElement(w, BAD_CAST "date");
	xmlTextWriterWriteAttribute(w, BAD_CAST "key", BAD_CAST key);
	xmlTextWriterWriteAttribute(w, BAD_CAST "value", BAD_CAST t);
	xmlTextWriterEndElement(w);
}

/* the keys mutu writes itself on an event: a stored attribute of the same
 * name would make a second attribute with that key, which XES forbids */
static int reserved_event_key(const struct xevent *e, const char *k, int has_status)
{
	return strcmp(k, "concept:name") == 0 || strcmp(k, "time:timestamp") == 0 ||
	       strcmp(k, "lifecycle:transition") == 0 || (e->actor && strcmp(k, "org:resource") == 0) ||
	       (e->has_step && strcmp(k, "step") == 0) || (has_status && strcmp(k, "status") == 0);
}

/* the standard lifecycle model's transitions (lifecycle.xesext) */
static int standard_transition(const char *s)
{
	static const char *const t[] = {"schedule", "assign",   "withdraw",   "reassign",
					"start",    "suspend",  "resume",     "pi_abort",
					"ate_abort", "complete", "autoskip",  "manualskip",
					"unknown",  NULL};
	for (int i = 0; t[i]; i++)
		if (strcmp(s, t[i]) == 0)
			return 1;
	return 0;
}

/*
 * One XES event.  transition is the lifecycle:transition written; status,
 * when not NULL, is the stored lifecycle value that is not a standard
 * transition (a SiCANTIK "selesai"), kept as the attribute "status".
 */
static void xes_event(struct exporter *x, xmlTextWriterPtr w, const struct xevent *e,
		      const char *transition, const char *status, int64_t ms, int off,
		      struct mutu_buf *tmp)
{
	xmlTextWriterStartElement(w, BAD_CAST "event");
	xes_string(x, w, "concept:name", e->activity, tmp);
	xes_string(x, w, "lifecycle:transition", transition, tmp);
	xes_date(w, "time:timestamp", ms, off);
	if (e->actor)
		xes_string(x, w, "org:resource", e->actor, tmp);
	if (e->has_step) {
		char n[32];
		snprintf(n, sizeof n, "%lld", (long long)e->step);
		xmlTextWriterStartElement(w, BAD_CAST "int");
		xmlTextWriterWriteAttribute(w, BAD_CAST "key", BAD_CAST "step");
		xmlTextWriterWriteAttribute(w, BAD_CAST "value", BAD_CAST n);
		xmlTextWriterEndElement(w);
	}
	if (status)
		xes_string(x, w, "status", status, tmp);
	/* no attributes: eattr may be NULL, and NULL + 0 is undefined (clang's
	 * UBSan, fuzz_store on a store of uji-sla.csv) */
	const struct xattr *a = e->nattr ? x->c.eattr + e->attr0 : NULL;
	for (size_t i = 0; i < e->nattr; i++) {
		if (reserved_event_key(e, a[i].name, status != NULL)) {
			x->res->skipped_attrs++;
			continue;
		}
		xes_attr(x, w, 1, a[i].name, a[i].value, tmp);
	}
	xmlTextWriterEndElement(w);
	x->res->entries++;
}

/* One XES event to write: event ev's start (kind 0) or end (kind 1). */
struct xentry {
	size_t ev;
	int kind;
	int64_t ms;
};

/* by time; at equal times by the step's order, and a step's start before
 * its end: a step that ends as the next begins comes first, and a step of
 * zero length still starts before it completes */
static int entry_cmp(const void *pa, const void *pb)
{
	const struct xentry *a = pa, *b = pb;
	if (a->ms != b->ms)
		return a->ms < b->ms ? -1 : 1;
	if (a->ev != b->ev)
		return a->ev < b->ev ? -1 : 1;
	return a->kind - b->kind;
}

/*
 * A trace: the case's attributes, then its events in the order they
 * happened (XES readers and miners take the order in the file as the
 * order of occurrence): a step that overlaps another interleaves with it.
 */
static void xes_case(struct exporter *x, xmlTextWriterPtr w, struct mutu_buf *tmp)
{
	struct xcase *c = &x->c;
	xmlTextWriterStartElement(w, BAD_CAST "trace");
	xes_string(x, w, "concept:name", c->key, tmp);
	if (c->sop)
		xes_string(x, w, "sop", c->sop, tmp);
	for (size_t i = 0; i < c->ncattr; i++) {
		const char *k = c->cattr[i].name;
		if (strcmp(k, "concept:name") == 0 || (c->sop && strcmp(k, "sop") == 0)) {
			x->res->skipped_attrs++;
			continue;
		}
		xes_attr(x, w, 0, k, c->cattr[i].value, tmp);
	}
	size_t n = 0;
	struct xentry *en = mutu_malloc((2 * c->nev + 1) * sizeof *en);
	for (size_t k = 0; k < c->nev; k++) {
		const struct xevent *e = &c->ev[k];
		if (e->has_start)
			en[n++] = (struct xentry){k, 0, e->start_ms};
		if (e->has_end)
			en[n++] = (struct xentry){k, 1, e->end_ms};
	}
	qsort(en, n, sizeof *en, entry_cmp);
	for (size_t i = 0; i < n; i++) {
		const struct xevent *e = &c->ev[en[i].ev];
		const char *lc = e->lifecycle;
		char low[32] = "";
		if (lc && strlen(lc) < sizeof low) {
			for (size_t j = 0; lc[j]; j++)
				low[j] = (char)(lc[j] >= 'A' && lc[j] <= 'Z' ? lc[j] - 'A' + 'a' : lc[j]);
		}
		int std = lc && standard_transition(low);
		const char *status = lc && !std ? lc : NULL;
		if (e->has_start && e->has_end) {
			/* one step execution: its start, and its completion with the status */
			if (en[i].kind == 0)
				xes_event(x, w, e, "start", NULL, e->start_ms, e->start_off, tmp);
			else
				xes_event(x, w, e, "complete", status, e->end_ms, e->end_off, tmp);
		} else if (e->has_start) {
			/* an open step, or a one-stamp log's start row */
			xes_event(x, w, e, std ? low : "start", status, e->start_ms, e->start_off, tmp);
		} else {
			xes_event(x, w, e, std ? low : "complete", status, e->end_ms, e->end_off, tmp);
		}
	}
	free(en);
	xmlTextWriterEndElement(w);
}

static void xes_extension(xmlTextWriterPtr w, const char *name, const char *prefix)
{
	char uri[96];
	snprintf(uri, sizeof uri, "http://www.xes-standard.org/%s.xesext", prefix);
	xmlTextWriterStartElement(w, BAD_CAST "extension");
	xmlTextWriterWriteAttribute(w, BAD_CAST "name", BAD_CAST name);
	xmlTextWriterWriteAttribute(w, BAD_CAST "prefix", BAD_CAST prefix);
	xmlTextWriterWriteAttribute(w, BAD_CAST "uri", BAD_CAST uri);
	xmlTextWriterEndElement(w);
}

static void xes_classifier(xmlTextWriterPtr w, const char *name, const char *keys)
{
	xmlTextWriterStartElement(w, BAD_CAST "classifier");
	xmlTextWriterWriteAttribute(w, BAD_CAST "name", BAD_CAST name);
	xmlTextWriterWriteAttribute(w, BAD_CAST "keys", BAD_CAST keys);
	xmlTextWriterEndElement(w);
}

static void xes_head(struct exporter *x, xmlTextWriterPtr w, struct mutu_buf *tmp)
{
	xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
	xmlTextWriterStartElement(w, BAD_CAST "log");
	xmlTextWriterWriteAttribute(w, BAD_CAST "xes.version", BAD_CAST "1849-2016");
	xmlTextWriterWriteAttribute(w, BAD_CAST "xes.features", BAD_CAST "");
	xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns", BAD_CAST "http://www.xes-standard.org/");
	xes_extension(w, "Concept", "concept");
	xes_extension(w, "Time", "time");
	xes_extension(w, "Organizational", "org");
	xes_extension(w, "Lifecycle", "lifecycle");
	/* globals: what every trace and every event carries, with defaults (an
	 * event may lack org:resource, so it is not global) */
	xmlTextWriterStartElement(w, BAD_CAST "global");
	xmlTextWriterWriteAttribute(w, BAD_CAST "scope", BAD_CAST "trace");
	xes_string(x, w, "concept:name", "__INVALID__", tmp);
	xmlTextWriterEndElement(w);
	xmlTextWriterStartElement(w, BAD_CAST "global");
	xmlTextWriterWriteAttribute(w, BAD_CAST "scope", BAD_CAST "event");
	xes_string(x, w, "concept:name", "__INVALID__", tmp);
	xes_string(x, w, "lifecycle:transition", "complete", tmp);
	xes_date(w, "time:timestamp", 0, 0);
	xmlTextWriterEndElement(w);
	xes_classifier(w, "Activity", "concept:name");
	xes_classifier(w, "Activity and transition", "concept:name lifecycle:transition");
	xes_classifier(w, "Resource", "org:resource");
	xes_string(x, w, "concept:name", "mutu export", tmp);
}

/* ---- driver ------------------------------------------------------------ */

struct known {
	struct mutu_buf b;
	int n;
};

static int known_cb(void *ctx, const char *sop)
{
	struct known *k = ctx;
	k->n++;
	if (sop && k->b.len < 400)
		mutu_buf_printf(&k->b, "%s%s", k->b.len ? ", " : "", sop);
	return 0;
}

static int check_sop(struct exporter *x)
{
	struct known k;
	mutu_buf_init(&k.b);
	k.n = 0;
	int rc = store_sops(x->db, x->o->sop, known_cb, &k, x->err);
	if (rc < 0 || k.n) {
		mutu_buf_release(&k.b);
		return rc < 0 ? rc : 0;
	}
	mutu_buf_reset(&k.b);
	struct mutu_err e2;
	mutu_err_clear(&e2);
	store_sops(x->db, NULL, known_cb, &k, &e2);
	rc = mutu_errf(x->err, MUTU_EINPUT,
		       "--sop '%s': no case of that SOP in the store (SOPs there: %s); see mutu db info",
		       x->o->sop, k.b.len ? k.b.s : "none, every case has no SOP");
	mutu_buf_release(&k.b);
	return rc;
}

int elog_export(struct mutu_store *db, const struct elog_export_opts *opts, FILE *out,
		struct elog_export_result *res, struct mutu_err *err)
{
	memset(res, 0, sizeof *res);
	const struct elog_export_opts o = *opts;
	int64_t from_day = 0, to_day = 0;
	if (o.from && parse_day("--from", o.from, &from_day, err))
		return MUTU_EINPUT;
	if (o.to && parse_day("--to", o.to, &to_day, err))
		return MUTU_EINPUT;
	if (o.from && o.to && to_day < from_day)
		return mutu_errf(err, MUTU_EINPUT,
				 "--to %s is before --from %s: give the first day, then the last", o.to,
				 o.from);
	if (o.format != ELOG_EXPORT_CSV && o.format != ELOG_EXPORT_XES)
		return mutu_errf(err, MUTU_EINPUT, "export format %d: give csv or xes", (int)o.format);

	struct exporter x;
	memset(&x, 0, sizeof x);
	x.db = db;
	x.o = &o;
	x.res = res;
	x.err = err;
	x.from_day = from_day;
	x.to_day = to_day;
	mutu_buf_init(&x.line);
	x.f.sop = o.sop;
	x.f.has_from = o.from != NULL;
	x.f.from_day = from_day;
	x.f.has_to = o.to != NULL;
	x.f.to_day = to_day;
	int rc = 0;
	xmlTextWriterPtr w = NULL;
	struct mutu_buf tmp;
	mutu_buf_init(&tmp);

	/* one snapshot: an ingest running beside us commits before or after */
	if ((rc = store_begin_read(db, err)))
		return rc;
	if (o.sop && (rc = check_sop(&x)))
		goto done;
	if (o.format == ELOG_EXPORT_XES)
		load_types(&x);
	if ((rc = store_export_open(db, &x.f, &x.cur, err)))
		goto done;

	if (sink_open(&x.sink, out, o.gzip)) {
		rc = mutu_errf(err, MUTU_EFAIL, "zlib: cannot start the gzip stream");
		goto done;
	}
	if (o.format == ELOG_EXPORT_CSV) {
		if ((rc = csv_header(&x)))
			goto done;
	} else {
		xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(xml_write_cb, xml_close_cb, &x.sink, NULL);
		w = ob ? xmlNewTextWriter(ob) : NULL;
		if (!w) {
			rc = mutu_errf(err, MUTU_EFAIL, "libxml2: cannot create the XES writer");
			goto done;
		}
		xmlTextWriterSetIndent(w, 1);
		xmlTextWriterSetIndentString(w, BAD_CAST "\t");
		xes_head(&x, w, &tmp);
	}
	const struct store_case_row *row;
	int st = 0;
	while (!x.sink.failed && (st = store_cases_next(x.cur, &row, err)) == 1) {
		/* the caller's stop (a Ctrl-C): between cases; the caller
		 * removes its half-written output */
		if (o.cancel && atomic_load_explicit(o.cancel, memory_order_relaxed)) {
			rc = mutu_errf(err, MUTU_ECANCEL, "stopped after %llu cases: the export is not complete",
				       (unsigned long long)res->cases);
			goto done;
		}
		xcase_clear(&x.c);
		if ((rc = load_case(&x, row)))
			goto done;
		res->cases++;
		res->events += x.c.nev;
		if (o.format == ELOG_EXPORT_CSV)
			csv_case(&x);
		else
			xes_case(&x, w, &tmp);
	}
	if (!x.sink.failed && st < 0) {
		rc = st;
		goto done;
	}
	if (w) {
		xmlTextWriterEndDocument(w); /* closes <log> */
		xmlFreeTextWriter(w);        /* flushes into the sink */
		w = NULL;
	}
	sink_close(&x.sink);
	if (x.sink.failed)
		rc = mutu_errf(err, MUTU_EFAIL, "cannot write the export: %s",
			       x.sink.failed > 0 ? strerror(x.sink.failed) : "zlib stream error");
done:
	if (w)
		xmlFreeTextWriter(w);
	if (x.sink.gz && rc)
		deflateEnd(&x.sink.z);
	store_cursor_free(x.cur);
	store_rollback(db); /* read only: nothing to commit */
	xcase_release(&x.c);
	for (size_t i = 0; i < x.ncn; i++)
		free(x.cnames[i]);
	for (size_t i = 0; i < x.nen; i++)
		free(x.enames[i]);
	free(x.cnames);
	free(x.enames);
	mutu_buf_release(&x.line);
	free_types(&x);
	mutu_buf_release(&tmp);
	return rc;
}
