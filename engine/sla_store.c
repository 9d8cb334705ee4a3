/*
 * sla_store.c - reading cases out of the store (store.h) for the
 * compliance code, and writing audit flags back.  No SQL here: the store's
 * case cursor yields each case with its events; this file turns them into
 * sla_event rows, picks the planned end date among the attributes, and
 * pairs start/complete rows.  One case in memory at a time.
 */
#include "mutu/sla.h"
#include "mutu/elog.h"
#include "mutu/store.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

struct sla_reader {
	struct store_cursor *cur;
	struct sla_event *ev;
	size_t cap;
	char *target;
	int target_rank;             /* sla_planned_rank of the chosen attribute */
	char *target_name;           /* its name as stored */
	int target_event;            /* 1: an event attribute, 0: a case attribute */
	int64_t target_ev_id;        /* the event it came from (lowest id wins a tie) */
	char *deadline_col;          /* --deadline-col, NULL: the built-in names */
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

/*
 * The attribute names of a scope ("case" or "event") that hold a planned
 * date: the distinct names read once (a scan without a function per row:
 * on 2M attribute rows 0.15 s of CPU against 1.5 s for normalising every
 * row in SQL), matched in C, handed to the cursor.  At most
 * STORE_MAX_ATTR_NAMES.
 */
struct pnames {
	char *v[STORE_MAX_ATTR_NAMES];
	size_t n;
	const char *deadline_col;
};

static int pname_cb(void *ctx, const char *name)
{
	struct pnames *p = ctx;
	if (p->n < STORE_MAX_ATTR_NAMES && name && sla_planned_rank(name, p->deadline_col) > 0)
		p->v[p->n++] = mutu_strdup(name);
	return 0;
}

static void pnames_release(struct pnames *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i]);
	p->n = 0;
}

int sla_reader_open(struct mutu_store *db, const char *sop_id, const char *case_key,
		    struct sla_reader **out, struct mutu_err *err)
{
	return sla_reader_open_ex(db, sop_id, case_key, NULL, out, err);
}

static int reader_open(struct mutu_store *db, struct store_case_filter *f, const char *deadline_col,
		       struct sla_reader **out, struct mutu_err *err)
{
	*out = NULL;
	struct pnames ca = {.deadline_col = deadline_col}, ev = {.deadline_col = deadline_col};
	int rc = store_attr_names(db, "case", pname_cb, &ca, err);
	if (!rc)
		rc = store_attr_names(db, "event", pname_cb, &ev, err);
	struct sla_reader *r = mutu_calloc(1, sizeof *r);
	if (deadline_col)
		r->deadline_col = mutu_strdup(deadline_col);
	if (!rc) {
		f->case_attrs = (const char *const *)ca.v;
		f->ncase_attrs = ca.n;
		f->event_attrs = (const char *const *)ev.v;
		f->nevent_attrs = ev.n;
		rc = store_cases_open(db, f, &r->cur, err);
	}
	pnames_release(&ca);
	pnames_release(&ev);
	if (rc) {
		sla_reader_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

int sla_reader_open_ex(struct mutu_store *db, const char *sop_id, const char *case_key, const char *deadline_col,
		       struct sla_reader **out, struct mutu_err *err)
{
	struct store_case_filter f;
	memset(&f, 0, sizeof f);
	/* a case key names one case whatever its SOP */
	if (case_key)
		f.case_key = case_key;
	else
		f.sop = sop_id;
	return reader_open(db, &f, deadline_col, out, err);
}

/* The case filter of SOP sop_id (NULL: every SOP) and the period
 * [from, to) in instants: whole milliseconds that cover it; NAN: no bound. */
static void period_filter(struct store_case_filter *f, const char *sop_id, double from, double to)
{
	memset(f, 0, sizeof *f);
	f->sop = sop_id;
	f->has_period = 1;
	f->from_ms = isnan(from) ? INT64_MIN : (int64_t)floor(from * 1000.0);
	f->to_ms = isnan(to) ? INT64_MAX : (int64_t)ceil(to * 1000.0);
}

int sla_reader_open_period(struct mutu_store *db, const char *sop_id, double from, double to,
			   const char *deadline_col, struct sla_reader **out, struct mutu_err *err)
{
	struct store_case_filter f;
	period_filter(&f, sop_id, from, to);
	return reader_open(db, &f, deadline_col, out, err);
}

/* The SOP ids of the store's cases (NULL for cases without one). */
struct sops {
	char **v;
	size_t n;
};

static int sop_cb(void *ctx, const char *sop)
{
	struct sops *l = ctx;
	if (l->n % 16 == 0)
		l->v = mutu_realloc(l->v, (l->n + 16) * sizeof *l->v);
	l->v[l->n++] = mutu_strdup(sop);
	return 0;
}

static void sops_release(struct sops *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
}

int sla_reader_open_backlog(struct mutu_store *db, struct sla_env *e, const char *sop_id, double from,
			    double to, const char *deadline_col, struct sla_reader **out, struct mutu_err *err)
{
	return sla_reader_open_measured(db, e, sop_id, from, to, deadline_col, NULL, 0, out, err);
}

int sla_reader_open_measured(struct mutu_store *db, struct sla_env *e, const char *sop_id, double from,
			     double to, const char *deadline_col, const char *const *fps, size_t nfps,
			     struct sla_reader **out, struct mutu_err *err)
{
	*out = NULL;
	struct sops sl = {NULL, 0};
	int rc = store_sops(db, sop_id, sop_cb, &sl, err);
	if (rc < 0) {
		sops_release(&sl);
		return rc;
	}
	if (sl.n > STORE_MAX_OPEN_SOPS) {
		sops_release(&sl);
		struct store_case_filter f;
		period_filter(&f, sop_id, NAN, to);
		f.measure_fps = fps;
		f.nmeasure_fps = nfps;
		return reader_open(db, &f, deadline_col, out, err);
	}
	int final[STORE_MAX_OPEN_SOPS] = {0}, final_last[STORE_MAX_OPEN_SOPS] = {0};
	for (size_t i = 0; i < sl.n; i++) {
		const struct sla_sop *s = NULL;
		struct mutu_err e2;
		mutu_err_clear(&e2);
		/* the steps that finish a case whose latest completion they are
		 * (sla_sop_final_step): the office's end step, where
		 * stage_clock_end stops the clock, through the SOP's last step
		 * (the applicant's collection after it) */
		if (sla_env_get(e, sl.v[i], &s, &e2) == 0 && s->model && s->end_step > 0) {
			final[i] = s->end_step;
			final_last[i] = s->last_step;
		}
	}
	struct store_case_filter f;
	period_filter(&f, sop_id, from, to);
	f.open_before = 1;
	f.open_sops = (const char *const *)sl.v;
	f.open_final = final;
	f.open_last = final_last;
	f.nopen_sops = sl.n;
	f.measure_fps = fps;
	f.nmeasure_fps = nfps;
	rc = reader_open(db, &f, deadline_col, out, err);
	sops_release(&sl);
	return rc;
}

void sla_reader_free(struct sla_reader *r)
{
	if (!r)
		return;
	store_cursor_free(r->cur);
	free(r->ev);
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

static double ms_of(int has, int64_t ms)
{
	return has ? (double)ms / 1000.0 : NAN;
}

/* Stored offsets are minutes east of UTC; events carry seconds. */
static int off_of(int off)
{
	return off == STORE_OFF_NONE ? SLA_OFF_NONE : off * 60;
}

int sla_reader_next(struct sla_reader *r, struct sla_case_in *in, struct mutu_err *err)
{
	const struct store_case_row *row = NULL;
	int rc = store_cases_next(r->cur, &row, err);
	if (rc <= 0)
		return rc;
	free(r->target);
	free(r->target_name);
	r->target = NULL;
	r->target_rank = 0;
	r->target_name = NULL;
	r->target_event = 0;
	in->measure = row->measure;
	in->measure_len = row->measure_len;
	if (row->measure) {
		/* a kept measure: no events, no attributes were read */
		in->case_id = row->id;
		in->key = row->key;
		in->office = row->office;
		in->sop = row->sop;
		in->ev = r->ev;
		in->nev = 0;
		in->target_text = NULL;
		in->target_name = NULL;
		in->target_event = 0;
		return 1;
	}
	if (row->nev > r->cap) {
		r->cap = row->nev;
		r->ev = mutu_realloc(r->ev, r->cap * sizeof *r->ev);
	}
	for (size_t i = 0; i < row->nev; i++) {
		const struct store_event_row *x = &row->ev[i];
		struct sla_event *e = &r->ev[i];
		memset(e, 0, sizeof *e);
		e->id = x->id;
		e->step = x->step;
		e->activity = x->activity;
		e->actor = x->actor;
		e->start = ms_of(x->has_start, x->start_ms);
		e->end = ms_of(x->has_end, x->end_ms);
		e->unknown = x->unknown;
		e->lifecycle = x->lifecycle ? sla_lifecycle_kind(x->lifecycle) : SLA_LC_OTHER;
		e->start_off = off_of(x->start_off);
		e->end_off = off_of(x->end_off);
		e->instance = x->instance;
		e->sorting = x->sorting;
		if (x->attr_name)
			offer_target(r, x->attr_name, x->attr_value, 1, e->id);
	}
	for (size_t i = 0; i < row->nattrs; i++)
		offer_target(r, row->attrs[i].name, row->attrs[i].value, 0, 0);
	/* XES start/complete rows become one step execution each */
	size_t nev = sla_events_pair(r->ev, row->nev);
	in->case_id = row->id;
	in->key = row->key;
	in->office = row->office;
	in->sop = row->sop;
	in->ev = r->ev;
	in->nev = nev;
	in->target_text = r->target;
	in->target_name = r->target_name;
	in->target_event = r->target_event;
	return 1;
}

struct hints {
	char *out;
	size_t size, k;
	int n;
};

static int hint_cb(void *ctx, const char *name)
{
	/* words that name a target date in the logs met so far (English,
	 * Dutch, Bahasa Indonesia); a hint, not a match: the user decides */
	static const char *const hints[] = {"plan", "due", "target", "deadline", "tenggat", "batas", "jatuhtempo",
					    "termijn", "sla", "expected"};
	struct hints *h = ctx;
	char norm[128];
	if (!name)
		return 0;
	sla_planned_norm(name, norm, sizeof norm);
	int hit = 0;
	for (size_t i = 0; i < sizeof hints / sizeof hints[0] && !hit; i++)
		hit = strstr(norm, hints[i]) != NULL;
	if (hit && h->k + strlen(name) + 3 < h->size) {
		h->k += (size_t)snprintf(h->out + h->k, h->size - h->k, "%s%s", h->n ? ", " : "", name);
		h->n++;
	}
	return 0;
}

int sla_planned_hints(struct mutu_store *db, char *out, size_t size)
{
	struct hints h = {out, size, 0, 0};
	struct mutu_err e2;
	mutu_err_clear(&e2);
	if (size)
		out[0] = '\0';
	if (store_attr_names(db, "case", hint_cb, &h, &e2) || store_attr_names(db, "event", hint_cb, &h, &e2))
		return -1;
	return h.n;
}

int sla_latest_full_month(struct mutu_store *db, int *year, int *month, struct mutu_err *err)
{
	int64_t ms = 0;
	int rc = store_latest_end(db, &ms, err);
	if (rc < 0)
		return rc;
	if (rc == 0)
		return mutu_errf(err, MUTU_ENOTFOUND, "the store has no completed events: ingest a log first");
	int64_t day = (ms / 1000 + 7 * 3600) / 86400; /* WIB: the earliest Indonesian zone */
	int y, m, d;
	cal_civil_from_days(day, &y, &m, &d);
	int py = m == 1 ? y - 1 : y, pm = m == 1 ? 12 : m - 1;
	/* the month before must have completions, else (a log that ends in
	 * its first month) the latest event's month is the report's */
	int64_t a = (cal_days_from_civil(py, pm, 1) * 86400 - 7 * 3600) * 1000;
	int64_t b = (cal_days_from_civil(y, m, 1) * 86400 - 7 * 3600) * 1000;
	struct mutu_err e2;
	mutu_err_clear(&e2);
	int has = store_any_end_in(db, a, b, &e2) == 1;
	*year = has ? py : y;
	*month = has ? pm : m;
	return 0;
}

int sla_store_latest(struct mutu_store *db, double *t, struct mutu_err *err)
{
	int64_t ms = 0;
	int rc = store_latest(db, 0, NULL, NULL, &ms, NULL, err);
	if (rc < 0)
		return rc;
	if (rc == 0)
		return mutu_errf(err, MUTU_ENOTFOUND, "the store has no events with a time: ingest a log first");
	*t = (double)ms / 1000.0;
	return 0;
}

int sla_store_latest_of(struct mutu_store *db, const char *sop_id, const char *case_key, double *t, int *off,
			struct mutu_err *err)
{
	int64_t ms = 0;
	int o = STORE_OFF_NONE;
	int rc = store_latest(db, sop_id != NULL, sop_id, case_key, &ms, &o, err);
	if (rc < 0)
		return rc;
	if (rc == 0)
		return mutu_errf(err, MUTU_ENOTFOUND, "no events with a time for %s '%s': ingest a log first",
				 case_key ? "case" : sop_id ? "SOP" : "the store",
				 case_key ? case_key : sop_id ? sop_id : "");
	*t = (double)ms / 1000.0;
	if (off)
		*off = off_of(o);
	return 0;
}

int sla_env_check(struct sla_env *e, struct mutu_store *db, const char *sop_id, int year, int month,
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
	struct sops sl = {NULL, 0};
	int rc = store_sops(db, sop_id, sop_cb, &sl, err);
	if (rc < 0) {
		sops_release(&sl);
		return rc;
	}
	int ly = 0, nsop = (int)sl.n;
	for (size_t i = 0; i < sl.n && rc == 0; i++) {
		const char *id = sl.v[i];
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
	sops_release(&sl);
	if (rc == 0 && sop_id && nsop == 0)
		rc = mutu_errf(err, MUTU_ENOTFOUND,
			       "the store has no cases of SOP '%s' ('mutu db info' lists the SOPs)", sop_id);
	if (last_year)
		*last_year = ly;
	return rc;
}

int sla_flags_schema(struct mutu_store *db, struct mutu_err *err)
{
	return store_flags_schema(db, err);
}

static int flag_index(unsigned flag)
{
	for (int i = 0; i < SLA_NFLAGS; i++)
		if (flag == 1u << i)
			return i;
	return -1;
}

int sla_store_flags(struct mutu_store *db, const struct sla_case *c, struct mutu_err *err)
{
	char now[32];
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
	struct store_flag *f = mutu_calloc(c->nfindings ? c->nfindings : 1, sizeof *f);
	for (size_t i = 0; i < c->nfindings; i++) {
		const struct sla_finding *x = &c->findings[i];
		f[i].event_id = x->ev >= 0 ? c->ev[x->ev].id : 0;
		f[i].step = x->step > 0 ? x->step : 0;
		f[i].flag = sla_flag_name(flag_index(x->flag));
		f[i].actual_s = x->actual_s;
		f[i].std_s = x->std_s;
		f[i].detail = x->detail;
	}
	int rc = store_flags_replace(db, c->case_id, f, c->nfindings, now, err);
	free(f);
	return rc;
}
