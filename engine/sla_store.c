/*
 * sla_store.c - reading cases out of the store (docs/store.md) for the
 * compliance code, and writing audit flags back.
 *
 * The reader merges three cursors that all run in case-id order (cases by
 * rowid, events by the events(case_id, end_ms) index, the two deadline
 * attributes of case_attrs by its primary key), so a pass over the whole
 * store holds one case in memory at a time and never sorts in SQL.
 */
#include "mutu/sla.h"
#include "mutu/elog.h"

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

struct sla_reader {
	sqlite3 *db;
	sqlite3_stmt *cases, *events, *attrs;
	int ev_more, at_more;   /* the cursor holds an unread row */
	int64_t last_ev_case;
	struct sla_event *ev;
	size_t nev, cap;
	size_t *act_off, *actor_off; /* offsets into arena; SIZE_MAX = NULL */
	struct mutu_buf arena;
	char *key, *sop, *target;
	int target_rank;             /* sla_planned_rank of the chosen attribute */
	char *target_name;           /* its name as stored */
	int target_event;            /* 1: an event attribute, 0: a case attribute */
	int64_t target_ev_id;        /* the event it came from (lowest id wins a tie) */
	int ev_planned;              /* the events cursor carries planned-date columns */
	char *deadline_col;          /* normalised --deadline-col, NULL: the built-in names */
};

/*
 * Planned end dates: the names logs give them, normalised (lower case, a
 * "case:" prefix and every byte that is not a letter or digit dropped, so
 * endDatePlanned, enddate_planned and "case:endDatePlanned" are one name),
 * most specific first.  BPIC 2015 flattens case:endDatePlanned to the case
 * attribute endDatePlanned; WABO writes enddate_planned and deadline.
 */
static const char *const planned_names[] = {
	"enddateplanned", "plannedend", "plannedenddate", "duedate", "tanggaltarget", "bataswaktu", "deadline",
};
#define NPLANNED (sizeof planned_names / sizeof planned_names[0])

void sla_planned_norm(const char *name, char *out, size_t size)
{
	size_t k = 0;
	if (!size)
		return;
	if (name && strncasecmp(name, "case:", 5) == 0)
		name += 5;
	for (const char *p = name ? name : ""; *p && k + 1 < size; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch == '_' || ch == ' ' || ch == '-' || ch == '.')
			continue;
		out[k++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
	}
	out[k] = '\0';
}

int sla_planned_rank(const char *name, const char *deadline_col)
{
	char n[128];
	sla_planned_norm(name, n, sizeof n);
	if (deadline_col) {
		char d[128];
		sla_planned_norm(deadline_col, d, sizeof d);
		return strcmp(n, d) == 0 ? 1 : 0;
	}
	for (size_t i = 0; i < NPLANNED; i++)
		if (strcmp(n, planned_names[i]) == 0)
			return (int)(NPLANNED - i);
	return 0;
}

static int sqlerr(sqlite3 *db, struct mutu_err *err, const char *what)
{
	const char *path = sqlite3_db_filename(db, "main");
	/* the store's own diagnoses: locked, read-only, damaged */
	return elog_store_err(db, path && *path ? path : "store", what, err);
}

static int step_cursor(sqlite3 *db, sqlite3_stmt *st, int *more, struct mutu_err *err)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*more = 1;
		return 0;
	}
	*more = 0;
	if (rc == SQLITE_DONE)
		return 0;
	return sqlerr(db, err, "reading");
}

/*
 * The attribute names of `table` that hold a planned date: the distinct
 * names read once (a scan without a function per row: on 2M attribute rows
 * 0.15 s of CPU against 1.5 s for normalising every row in SQL), matched in
 * C.  The names found are bound into the cursors as ?2, ?3, ... (never
 * pasted into the SQL: they come from the data).  At most MAXNAMES.
 */
#define MAXNAMES 16
static int planned_names_of(sqlite3 *db, const char *table, const char *deadline_col, char **names, int *n)
{
	char q[128];
	snprintf(q, sizeof q, "SELECT DISTINCT name FROM %s", table);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, q, -1, &st, NULL) != SQLITE_OK)
		return -1;
	*n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < MAXNAMES) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		if (name && sla_planned_rank(name, deadline_col) > 0)
			names[(*n)++] = mutu_strdup(name);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* "(?2, ?3, ...)" for n names. */
static void in_params(char *buf, size_t size, int n)
{
	size_t k = (size_t)snprintf(buf, size, "(");
	for (int i = 0; i < n && k < size; i++)
		k += (size_t)snprintf(buf + k, size - k, "%s?%d", i ? ", " : "", i + 2);
	if (k < size)
		snprintf(buf + k, size - k, ")");
}

static void bind_names(sqlite3_stmt *st, char **names, int n)
{
	for (int i = 0; i < n; i++)
		sqlite3_bind_text(st, i + 2, names[i], -1, SQLITE_TRANSIENT);
}

int sla_reader_open(struct sqlite3 *db, const char *sop_id, const char *case_key,
		    struct sla_reader **out, struct mutu_err *err)
{
	return sla_reader_open_ex(db, sop_id, case_key, NULL, out, err);
}

int sla_reader_open_ex(struct sqlite3 *db, const char *sop_id, const char *case_key, const char *deadline_col,
		       struct sla_reader **out, struct mutu_err *err)
{
	*out = NULL;
	const char *where_case = "", *where_ev = "", *where_at = "";
	const char *bind = NULL;
	if (case_key) {
		where_case = " WHERE case_key = ?1";
		where_ev = " WHERE case_id = (SELECT id FROM cases WHERE case_key = ?1)";
		where_at = " AND case_id = (SELECT id FROM cases WHERE case_key = ?1)";
		bind = case_key;
	} else if (sop_id) {
		where_case = " WHERE sop = ?1";
		where_ev = " WHERE case_id IN (SELECT id FROM cases WHERE sop = ?1)";
		where_at = " AND case_id IN (SELECT id FROM cases WHERE sop = ?1)";
		bind = sop_id;
	}
	char q[2048], ev_in[256], ca_in[256];
	char *ev_names[MAXNAMES], *ca_names[MAXNAMES];
	int nev_names = 0, nca_names = 0;
	struct sla_reader *r = mutu_calloc(1, sizeof *r);
	r->db = db;
	r->last_ev_case = INT64_MIN;
	mutu_buf_init(&r->arena);
	if (deadline_col)
		r->deadline_col = mutu_strdup(deadline_col);
	if (planned_names_of(db, "case_attrs", deadline_col, ca_names, &nca_names) ||
	    planned_names_of(db, "event_attrs", deadline_col, ev_names, &nev_names))
		goto fail;
	in_params(ca_in, sizeof ca_in, nca_names);
	in_params(ev_in, sizeof ev_in, nev_names);
	/* event attributes are looked up per event only when some event has
	 * one (most stores have none, and the lookup costs an index search
	 * per event) */
	r->ev_planned = nev_names > 0;
	snprintf(q, sizeof q, "SELECT id, case_key, sop FROM cases%s ORDER BY id", where_case);
	if (sqlite3_prepare_v2(db, q, -1, &r->cases, NULL) != SQLITE_OK)
		goto fail;
	char evp[1024] = "";
	if (r->ev_planned)
		snprintf(evp, sizeof evp,
			 ", (SELECT name FROM event_attrs a WHERE a.event_id = events.id AND value <> '' AND "
			 "name IN %s ORDER BY name LIMIT 1), "
			 "(SELECT value FROM event_attrs a WHERE a.event_id = events.id AND value <> '' AND "
			 "name IN %s ORDER BY name LIMIT 1)", ev_in, ev_in);
	snprintf(q, sizeof q,
		 "SELECT case_id, id, step, activity, actor, start_ms, end_ms, unknown, lifecycle, start_off, "
		 "end_off%s FROM events%s "
		 "ORDER BY case_id", evp, where_ev);
	if (sqlite3_prepare_v2(db, q, -1, &r->events, NULL) != SQLITE_OK)
		goto fail;
	/* no planned-date names among the case attributes: no cursor */
	snprintf(q, sizeof q, "SELECT case_id, name, value FROM case_attrs WHERE name IN %s%s ORDER BY case_id",
		 ca_in, where_at);
	if (nca_names && sqlite3_prepare_v2(db, q, -1, &r->attrs, NULL) != SQLITE_OK)
		goto fail;
	if (bind) {
		sqlite3_bind_text(r->cases, 1, bind, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(r->events, 1, bind, -1, SQLITE_TRANSIENT);
		if (r->attrs)
			sqlite3_bind_text(r->attrs, 1, bind, -1, SQLITE_TRANSIENT);
	}
	bind_names(r->events, ev_names, nev_names);
	if (r->attrs)
		bind_names(r->attrs, ca_names, nca_names);
	for (int i = 0; i < nca_names; i++)
		free(ca_names[i]);
	for (int i = 0; i < nev_names; i++)
		free(ev_names[i]);
	if (step_cursor(db, r->events, &r->ev_more, err) ||
	    (r->attrs && step_cursor(db, r->attrs, &r->at_more, err))) {
		sla_reader_free(r);
		return MUTU_EFAIL;
	}
	*out = r;
	return 0;
fail:
	for (int i = 0; i < nca_names; i++)
		free(ca_names[i]);
	for (int i = 0; i < nev_names; i++)
		free(ev_names[i]);
	mutu_errf(err, MUTU_EINPUT,
		  "store: %s (is this a mutu store? create one with 'mutu ingest')", sqlite3_errmsg(db));
	sla_reader_free(r);
	return MUTU_EINPUT;
}

void sla_reader_free(struct sla_reader *r)
{
	if (!r)
		return;
	sqlite3_finalize(r->cases);
	sqlite3_finalize(r->events);
	sqlite3_finalize(r->attrs);
	free(r->ev);
	free(r->act_off);
	free(r->actor_off);
	mutu_buf_release(&r->arena);
	free(r->key);
	free(r->sop);
	free(r->target);
	free(r->target_name);
	free(r->deadline_col);
	free(r);
}

/* Keep the better planned date: higher rank; at equal rank a case
 * attribute over an event attribute, and the earlier event. */
static void offer_target(struct sla_reader *r, const char *name, const char *value, int event, int64_t ev_id)
{
	if (!name || !value || !*value)
		return;
	int rank = sla_planned_rank(name, r->deadline_col);
	if (rank == 0)
		return;
	if (r->target) {
		if (rank < r->target_rank)
			return;
		if (rank == r->target_rank && (!r->target_event || (event && ev_id >= r->target_ev_id)))
			return;
	}
	free(r->target);
	free(r->target_name);
	r->target = mutu_strdup(value);
	r->target_name = mutu_strdup(name);
	r->target_rank = rank;
	r->target_event = event;
	r->target_ev_id = ev_id;
}

static size_t arena_add(struct mutu_buf *b, sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	if (!t)
		return SIZE_MAX;
	size_t off = b->len;
	mutu_buf_add(b, (const char *)t, (size_t)sqlite3_column_bytes(st, col));
	mutu_buf_putc(b, '\0');
	return off;
}

static double ms_col(sqlite3_stmt *st, int col)
{
	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		return NAN;
	return (double)sqlite3_column_int64(st, col) / 1000.0;
}

/* Stored offsets are minutes east of UTC; events carry seconds. */
static int off_col(sqlite3_stmt *st, int col)
{
	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		return SLA_OFF_NONE;
	return sqlite3_column_int(st, col) * 60;
}

int sla_reader_next(struct sla_reader *r, struct sla_case_in *in, struct mutu_err *err)
{
	int rc = sqlite3_step(r->cases);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return sqlerr(r->db, err, "reading cases");
	int64_t id = sqlite3_column_int64(r->cases, 0);
	free(r->key);
	free(r->sop);
	free(r->target);
	free(r->target_name);
	r->target = NULL;
	r->target_rank = 0;
	r->target_name = NULL;
	r->target_event = 0;
	r->key = mutu_strdup((const char *)sqlite3_column_text(r->cases, 1));
	r->sop = mutu_strdup((const char *)sqlite3_column_text(r->cases, 2));
	if (!r->key)
		r->key = mutu_strdup("");

	r->nev = 0;
	mutu_buf_reset(&r->arena);
	while (r->ev_more) {
		int64_t cid = sqlite3_column_int64(r->events, 0);
		if (cid < r->last_ev_case)
			return mutu_errf(err, MUTU_EFAIL, "store: events not in case order (case %lld after %lld)",
					 (long long)cid, (long long)r->last_ev_case);
		r->last_ev_case = cid;
		if (cid > id)
			break;
		if (cid == id) {
			if (r->nev == r->cap) {
				r->cap = r->cap ? 2 * r->cap : 64;
				r->ev = mutu_realloc(r->ev, r->cap * sizeof *r->ev);
				r->act_off = mutu_realloc(r->act_off, r->cap * sizeof *r->act_off);
				r->actor_off = mutu_realloc(r->actor_off, r->cap * sizeof *r->actor_off);
			}
			struct sla_event *e = &r->ev[r->nev];
			e->id = sqlite3_column_int64(r->events, 1);
			e->step = sqlite3_column_type(r->events, 2) == SQLITE_NULL
					  ? 0 : sqlite3_column_int(r->events, 2);
			r->act_off[r->nev] = arena_add(&r->arena, r->events, 3);
			r->actor_off[r->nev] = arena_add(&r->arena, r->events, 4);
			e->start = ms_col(r->events, 5);
			e->end = ms_col(r->events, 6);
			e->unknown = sqlite3_column_int(r->events, 7);
			e->lifecycle = sqlite3_column_type(r->events, 8) == SQLITE_NULL
					       ? SLA_LC_OTHER
					       : sla_lifecycle_kind((const char *)sqlite3_column_text(r->events, 8));
			e->start_off = off_col(r->events, 9);
			e->end_off = off_col(r->events, 10);
			if (r->ev_planned)
				offer_target(r, (const char *)sqlite3_column_text(r->events, 11),
					     (const char *)sqlite3_column_text(r->events, 12), 1, e->id);
			r->nev++;
		}
		/* cid < id: events of a case the cases cursor skipped (filtered) */
		if (step_cursor(r->db, r->events, &r->ev_more, err))
			return MUTU_EFAIL;
	}
	for (size_t i = 0; i < r->nev; i++) {
		r->ev[i].activity = r->act_off[i] == SIZE_MAX ? "" : r->arena.s + r->act_off[i];
		r->ev[i].actor = r->actor_off[i] == SIZE_MAX ? NULL : r->arena.s + r->actor_off[i];
	}
	while (r->at_more) {
		int64_t cid = sqlite3_column_int64(r->attrs, 0);
		if (cid > id)
			break;
		if (cid == id) {
			offer_target(r, (const char *)sqlite3_column_text(r->attrs, 1),
				     (const char *)sqlite3_column_text(r->attrs, 2), 0, 0);
		}
		if (step_cursor(r->db, r->attrs, &r->at_more, err))
			return MUTU_EFAIL;
	}
	/* XES start/complete rows become one step execution each */
	r->nev = sla_events_pair(r->ev, r->nev);
	in->case_id = id;
	in->key = r->key;
	in->sop = r->sop;
	in->ev = r->ev;
	in->nev = r->nev;
	in->target_text = r->target;
	in->target_name = r->target_name;
	in->target_event = r->target_event;
	return 1;
}

int sla_planned_hints(struct sqlite3 *db, char *out, size_t size)
{
	/* words that name a target date in the logs met so far (English,
	 * Dutch, Bahasa Indonesia); a hint, not a match: the user decides */
	static const char *const hints[] = {"plan", "due", "target", "deadline", "tenggat", "batas", "jatuhtempo",
					    "termijn", "sla", "expected"};
	size_t k = 0;
	int n = 0;
	if (size)
		out[0] = '\0';
	for (int t = 0; t < 2; t++) {
		sqlite3_stmt *st = NULL;
		if (sqlite3_prepare_v2(db, t ? "SELECT DISTINCT name FROM event_attrs" : "SELECT DISTINCT name FROM case_attrs",
				       -1, &st, NULL) != SQLITE_OK)
			return -1;
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *name = (const char *)sqlite3_column_text(st, 0);
			char norm[128];
			sla_planned_norm(name, norm, sizeof norm);
			int hit = 0;
			for (size_t i = 0; i < sizeof hints / sizeof hints[0] && !hit; i++)
				hit = strstr(norm, hints[i]) != NULL;
			if (hit && k + strlen(name) + 3 < size) {
				k += (size_t)snprintf(out + k, size - k, "%s%s", n ? ", " : "", name);
				n++;
			}
		}
		sqlite3_finalize(st);
	}
	return n;
}

int sla_latest_full_month(struct sqlite3 *db, int *year, int *month, struct mutu_err *err)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT max(end_ms) FROM events", -1, &st, NULL) != SQLITE_OK)
		return mutu_errf(err, MUTU_EINPUT, "store: %s (is this a mutu store?)", sqlite3_errmsg(db));
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW || sqlite3_column_type(st, 0) == SQLITE_NULL) {
		sqlite3_finalize(st);
		return mutu_errf(err, MUTU_ENOTFOUND, "the store has no completed events: ingest a log first");
	}
	int64_t ms = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	int64_t day = (ms / 1000 + 7 * 3600) / 86400; /* WIB: the earliest Indonesian zone */
	int y, m, d;
	cal_civil_from_days(day, &y, &m, &d);
	int py = m == 1 ? y - 1 : y, pm = m == 1 ? 12 : m - 1;
	/* the month before must have completions, else (a log that ends in
	 * its first month) the latest event's month is the report's */
	int64_t a = (cal_days_from_civil(py, pm, 1) * 86400 - 7 * 3600) * 1000;
	int64_t b = (cal_days_from_civil(y, m, 1) * 86400 - 7 * 3600) * 1000;
	int has = 0;
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM events WHERE end_ms >= ?1 AND end_ms < ?2 LIMIT 1", -1, &st,
			       NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, a);
		sqlite3_bind_int64(st, 2, b);
		has = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
	}
	*year = has ? py : y;
	*month = has ? pm : m;
	return 0;
}

/* A start stamp is never after its own end (ingest rejects those), so
 * the latest start that matters is that of an open row: both halves use
 * the events_end index instead of a scan. */
int sla_store_latest(struct sqlite3 *db, double *t, struct mutu_err *err)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT (SELECT max(end_ms) FROM events), "
			       "(SELECT max(start_ms) FROM events WHERE end_ms IS NULL)", -1, &st, NULL) != SQLITE_OK)
		return mutu_errf(err, MUTU_EINPUT, "store: %s (is this a mutu store?)", sqlite3_errmsg(db));
	int rc = sqlite3_step(st);
	int has_end = rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL;
	int has_start = rc == SQLITE_ROW && sqlite3_column_type(st, 1) != SQLITE_NULL;
	int64_t e = has_end ? sqlite3_column_int64(st, 0) : 0, b = has_start ? sqlite3_column_int64(st, 1) : 0;
	sqlite3_finalize(st);
	if (!has_end && !has_start)
		return mutu_errf(err, MUTU_ENOTFOUND, "the store has no events with a time: ingest a log first");
	int64_t ms = !has_start ? e : !has_end ? b : (e > b ? e : b);
	*t = (double)ms / 1000.0;
	return 0;
}

int sla_store_latest_of(struct sqlite3 *db, const char *sop_id, const char *case_key, double *t, int *off,
			struct mutu_err *err)
{
	/* The scope is the cases of one SOP (cases.sop IS ?, so the cases
	 * ingested without an SOP are one scope too); a case key stands for
	 * its SOP.  Ends first, then the starts of open rows, as in
	 * sla_store_latest. */
	const char *scope = case_key ? " AND case_id IN (SELECT c2.id FROM cases c1 JOIN cases c2 "
				       "ON c2.sop IS c1.sop WHERE c1.case_key = ?1)"
			    : sop_id ? " AND case_id IN (SELECT id FROM cases WHERE sop IS ?1)" : "";
	char q[1024];
	snprintf(q, sizeof q,
		 "SELECT ms, off FROM (SELECT end_ms AS ms, end_off AS off FROM events WHERE end_ms IS NOT NULL%s "
		 "UNION ALL SELECT start_ms, start_off FROM events WHERE end_ms IS NULL AND start_ms IS NOT NULL%s) "
		 "ORDER BY ms DESC LIMIT 1",
		 scope, scope);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, q, -1, &st, NULL) != SQLITE_OK)
		return mutu_errf(err, MUTU_EINPUT, "store: %s (is this a mutu store?)", sqlite3_errmsg(db));
	if (case_key || sop_id)
		sqlite3_bind_text(st, 1, case_key ? case_key : sop_id, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		const char *msg = rc == SQLITE_DONE ? NULL : sqlite3_errmsg(db);
		int code = rc == SQLITE_DONE ? MUTU_ENOTFOUND : MUTU_EFAIL;
		if (msg)
			mutu_errf(err, code, "store: %s", msg);
		else
			mutu_errf(err, code, "no events with a time for %s '%s': ingest a log first",
				  case_key ? "case" : sop_id ? "SOP" : "the store", case_key ? case_key : sop_id ? sop_id : "");
		sqlite3_finalize(st);
		return code;
	}
	*t = (double)sqlite3_column_int64(st, 0) / 1000.0;
	if (off)
		*off = off_col(st, 1);
	sqlite3_finalize(st);
	return 0;
}

int sla_env_check(struct sla_env *e, struct sqlite3 *db, const char *sop_id, int year, int month,
		  int *last_year, struct mutu_err *err)
{
	const struct sla_opts *o = sla_env_opts(e);
	if (last_year)
		*last_year = 0;
	if (o->calendar) {
		/* an unknown --calendar would otherwise skip every case, one
		 * note each, and leave an empty report */
		struct cal *c = NULL;
		struct mutu_err e2;
		mutu_err_clear(&e2);
		if (cal_load(o->calendar, o->calendars_dir, &c, &e2) != 0)
			return mutu_errf(err, MUTU_EINPUT, "--calendar %s: unknown calendar: %s", o->calendar, e2.msg);
		cal_free(c);
	}
	sqlite3_stmt *st = NULL;
	const char *q = sop_id ? "SELECT DISTINCT sop FROM cases WHERE sop = ?1"
			       : "SELECT DISTINCT sop FROM cases ORDER BY sop";
	if (sqlite3_prepare_v2(db, q, -1, &st, NULL) != SQLITE_OK)
		return mutu_errf(err, MUTU_EINPUT, "store: %s (is this a mutu store?)", sqlite3_errmsg(db));
	if (sop_id)
		sqlite3_bind_text(st, 1, sop_id, -1, SQLITE_TRANSIENT);
	int rc = 0, ly = 0, nsop = 0;
	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
		nsop++;
		const char *id = (const char *)sqlite3_column_text(st, 0);
		const struct sla_sop *s = NULL;
		struct mutu_err e2;
		mutu_err_clear(&e2);
		if (sla_env_get(e, id, &s, &e2) != 0) {
			/* a missing model is the report's note; bad options, a
			 * bad [sla] rule or an unloadable calendar are errors */
			if (e2.code == MUTU_EINPUT) {
				*err = e2;
				rc = e2.code;
			}
			continue;
		}
		int y0 = 0, y1 = 0;
		cal_year_range(s->cal, &y0, &y1);
		if (ly == 0 || y1 < ly)
			ly = y1;
		if (month > 0 && (year < y0 || year > y1))
			rc = mutu_errf(err, MUTU_ERANGE,
				       "calendar %s covers %d-%d; %04d-%02d is outside it (SOP %s): choose a month "
				       "in those years or a calendar that covers it",
				       cal_name(s->cal), y0, y1, year, month, id ? id : "(none)");
	}
	sqlite3_finalize(st);
	if (rc == 0 && sop_id && nsop == 0)
		rc = mutu_errf(err, MUTU_ENOTFOUND,
			       "the store has no cases of SOP '%s' ('mutu db info' lists the SOPs)", sop_id);
	if (last_year)
		*last_year = ly;
	return rc;
}

int sla_flags_schema(struct sqlite3 *db, struct mutu_err *err)
{
	const char *sql =
		"CREATE TABLE IF NOT EXISTS audit_flags ("
		" id INTEGER PRIMARY KEY,"
		" case_id INTEGER NOT NULL REFERENCES cases(id),"
		" event_id INTEGER REFERENCES events(id),"
		" step INTEGER,"
		" flag TEXT NOT NULL,"
		" actual_s REAL, std_s REAL,"
		" detail TEXT,"
		" audited_at TEXT NOT NULL);"
		"CREATE INDEX IF NOT EXISTS audit_flags_case ON audit_flags(case_id);"
		"CREATE INDEX IF NOT EXISTS audit_flags_flag ON audit_flags(flag);";
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		sqlite3_free(msg);
		return sqlerr(db, err, "creating audit_flags");
	}
	return 0;
}

static int flag_index(unsigned flag)
{
	for (int i = 0; i < SLA_NFLAGS; i++)
		if (flag == 1u << i)
			return i;
	return -1;
}

int sla_store_flags(struct sqlite3 *db, const struct sla_case *c, struct mutu_err *err)
{
	sqlite3_stmt *del = NULL, *ins = NULL;
	int rc = MUTU_EFAIL;
	if (sqlite3_prepare_v2(db, "DELETE FROM audit_flags WHERE case_id = ?1", -1, &del, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db,
			       "INSERT INTO audit_flags (case_id, event_id, step, flag, actual_s, std_s, detail, audited_at) "
			       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", -1, &ins, NULL) != SQLITE_OK) {
		sqlerr(db, err, "audit_flags");
		goto out;
	}
	char now[32];
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
	sqlite3_bind_int64(del, 1, c->case_id);
	if (sqlite3_step(del) != SQLITE_DONE) {
		sqlerr(db, err, "audit_flags");
		goto out;
	}
	for (size_t i = 0; i < c->nfindings; i++) {
		const struct sla_finding *f = &c->findings[i];
		sqlite3_reset(ins);
		sqlite3_clear_bindings(ins);
		sqlite3_bind_int64(ins, 1, c->case_id);
		if (f->ev >= 0)
			sqlite3_bind_int64(ins, 2, c->ev[f->ev].id);
		if (f->step > 0)
			sqlite3_bind_int(ins, 3, f->step);
		sqlite3_bind_text(ins, 4, sla_flag_name(flag_index(f->flag)), -1, SQLITE_STATIC);
		if (!isnan(f->actual_s))
			sqlite3_bind_double(ins, 5, f->actual_s);
		if (!isnan(f->std_s))
			sqlite3_bind_double(ins, 6, f->std_s);
		if (f->detail[0])
			sqlite3_bind_text(ins, 7, f->detail, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins, 8, now, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(ins) != SQLITE_DONE) {
			sqlerr(db, err, "audit_flags");
			goto out;
		}
	}
	rc = 0;
out:
	sqlite3_finalize(del);
	sqlite3_finalize(ins);
	return rc;
}
