/*
 * sla_month.c - the monthly compliance aggregation: one pass over the
 * store (sla_reader), every case measured once (sla_case_compute) and
 * added to its SOP's group and to the office as a whole.  The trend rows
 * of earlier months are kept in the store between reports (per-month
 * summaries, below), so a report whose trend is kept reads only its month.
 *
 * A run of several months (sla_month_run_range) reads the store once for
 * all of them and gives each case to every month it concerns.
 *
 * Memory: one case's events at a time, plus per group the working-time
 * values of the cases finished in the report's 12-month window (exact
 * quantiles need them) and of the steps of the month's cases.  Nothing
 * grows with the number of events in the store; a run of several months
 * holds every month's values until the read ends (the benchmark store's
 * 40,000 cases a month: ~9 MB a month, 299 MB peak for 30 months).
 */
#include "mutu/sla.h"
#include "sla_int.h"
#include "mutu/store.h"

#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void vec_push(struct sla_vec *v, double x)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? 2 * v->cap : 64;
		v->v = mutu_realloc(v->v, v->cap * sizeof *v->v);
	}
	v->v[v->n++] = x;
}

static int dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* A double's bits as an unsigned key in the same order (negative values
 * flipped whole, positive ones with the sign bit set). */
static uint64_t dbl_key(double x)
{
	uint64_t u;
	memcpy(&u, &x, sizeof u);
	return u >> 63 ? ~u : u | UINT64_C(1) << 63;
}

/*
 * Sort a[0..n) ascending.  Large vectors (the per-step and per-actor
 * working times of a month, tens of thousands each) by an LSD radix sort
 * over the keys above, a byte a pass, skipping the passes whose byte is
 * the same in every value: qsort's comparison calls were 8.6% of the
 * instructions of a warm month's report (callgrind), docs/store.md.  The
 * result is the numeric order qsort gives (values that compare equal are
 * equal, but for -0 and +0, which work times never are); a vector holding
 * a NaN, which has no place in an order, and small ones go to qsort.
 */
static void sort_dbl(double *a, size_t n)
{
	int nan = 0;
	for (size_t i = 0; i < n && !nan; i++)
		nan = isnan(a[i]);
	if (n < 256 || nan) {
		qsort(a, n, sizeof *a, dbl_cmp);
		return;
	}
	uint64_t *buf = mutu_malloc(2 * n * sizeof *buf), *k = buf, *t = buf + n;
	size_t cnt[8][256];
	memset(cnt, 0, sizeof cnt);
	for (size_t i = 0; i < n; i++) {
		k[i] = dbl_key(a[i]);
		for (int b = 0; b < 8; b++)
			cnt[b][(k[i] >> (8 * b)) & 0xFF]++;
	}
	for (int b = 0; b < 8; b++) {
		if (cnt[b][(k[0] >> (8 * b)) & 0xFF] == n)
			continue; /* this byte is the same in every value */
		size_t pos[256], sum = 0;
		for (int d = 0; d < 256; d++) {
			pos[d] = sum;
			sum += cnt[b][d];
		}
		for (size_t i = 0; i < n; i++)
			t[pos[(k[i] >> (8 * b)) & 0xFF]++] = k[i];
		uint64_t *sw = k;
		k = t;
		t = sw;
	}
	for (size_t i = 0; i < n; i++) {
		uint64_t u = k[i] >> 63 ? k[i] & ~(UINT64_C(1) << 63) : ~k[i];
		memcpy(&a[i], &u, sizeof u);
	}
	free(buf);
}

static void stat_finish(struct sla_vec *v, struct sla_stat *st)
{
	if (v->n > 1)
		sort_dbl(v->v, v->n);
	st->n = v->n;
	st->median = sla_quantile_sorted(v->v, v->n, 0.5);
	st->p90 = sla_quantile_sorted(v->v, v->n, 0.9);
	st->max = v->n ? v->v[v->n - 1] : NAN;
	double sum = 0;
	for (size_t i = 0; i < v->n; i++)
		sum += v->v[i];
	st->mean = v->n ? sum / (double)v->n : NAN;
}

/* Per-group lookup of actor rows by name (open addressing). */
struct actor_index {
	size_t *slot; /* row index + 1; 0 empty */
	size_t cap;
};

struct group_x {
	struct sla_group g;
	struct actor_index ai;
	int64_t day_m0, day_m1;       /* local day numbers of the 1st of the month and of the next */
	long *wip_diff;
	int *step_row;                /* step no -> row index + 1 (model groups) */
	int nstep_row;
	const struct sla_trend *rt;   /* the run's trend rows of the group's SOP, from the
				       * run's first trend month (borrowed; NULL: none read) */
};


static struct sla_actor_row *actor_row(struct group_x *x, const char *name)
{
	struct sla_group *g = &x->g;
	if (x->ai.cap == 0 || 2 * (g->nactors + 1) > x->ai.cap) {
		size_t ncap = x->ai.cap ? 2 * x->ai.cap : 64;
		size_t *ns = mutu_calloc(ncap, sizeof *ns);
		for (size_t i = 0; i < g->nactors; i++) {
			size_t h = mutu_fnv1a_str(g->actors[i].name) & (ncap - 1);
			while (ns[h])
				h = (h + 1) & (ncap - 1);
			ns[h] = i + 1;
		}
		free(x->ai.slot);
		x->ai.slot = ns;
		x->ai.cap = ncap;
	}
	size_t h = mutu_fnv1a_str(name) & (x->ai.cap - 1);
	while (x->ai.slot[h]) {
		struct sla_actor_row *r = &g->actors[x->ai.slot[h] - 1];
		if (strcmp(r->name, name) == 0)
			return r;
		h = (h + 1) & (x->ai.cap - 1);
	}
	if (g->nactors == g->capactors) {
		g->capactors = g->capactors ? 2 * g->capactors : 16;
		g->actors = mutu_realloc(g->actors, g->capactors * sizeof *g->actors);
	}
	struct sla_actor_row *r = &g->actors[g->nactors];
	memset(r, 0, sizeof *r);
	r->name = mutu_strdup(name);
	x->ai.slot[h] = ++g->nactors;
	return r;
}

static struct sla_step_row *activity_row(struct sla_group *g, const char *activity)
{
	for (size_t i = 0; i < g->nsteps; i++)
		if (strcmp(g->steps[i].activity, activity) == 0)
			return &g->steps[i];
	g->steps = mutu_realloc(g->steps, (g->nsteps + 1) * sizeof *g->steps);
	struct sla_step_row *r = &g->steps[g->nsteps++];
	memset(r, 0, sizeof *r);
	r->activity = mutu_strdup(activity);
	r->std_s = NAN;
	return r;
}

static int64_t local_day(double t, int off)
{
	return (int64_t)floor((t + off) / 86400.0);
}

/* The kind of each of the month's days in cal (NULL: every day a working day). */
static void days_kinds(struct sla_group *g, int64_t day_m0, const struct cal *cal)
{
	g->working_days = 0;
	for (size_t d = 0; d < g->ndays; d++) {
		g->days[d].day = day_m0 + (int64_t)d;
		g->days[d].kind = cal ? cal_day_kind(cal, g->days[d].day, NULL) : 0;
		if (g->days[d].kind == 0)
			g->working_days++;
	}
}

static void group_init(struct group_x *x, const char *id, const struct sla_sop *s, int year, int month,
		       const struct cal *cal)
{
	struct sla_group *g = &x->g;
	memset(x, 0, sizeof *x);
	g->id = id ? mutu_strdup(id) : NULL;
	g->sop = s;
	g->day_minutes = s ? s->day_minutes : 450;
	mutu_notes_init(&g->lint);
	g->unmapped.activity = mutu_strdup("?");
	g->unmapped.std_s = NAN;
	x->day_m0 = cal_days_from_civil(year, month, 1);
	int ny = month == 12 ? year + 1 : year, nm = month == 12 ? 1 : month + 1;
	int64_t day_m1 = cal_days_from_civil(ny, nm, 1);
	x->day_m1 = day_m1;
	g->ndays = (size_t)(day_m1 - x->day_m0);
	g->days = mutu_calloc(g->ndays, sizeof *g->days);
	x->wip_diff = mutu_calloc(g->ndays + 1, sizeof *x->wip_diff);
	days_kinds(g, x->day_m0, cal);
	for (int k = 0; k < SLA_TREND; k++) {
		int mi = year * 12 + (month - 1) - (SLA_TREND - 1) + k;
		g->trend[k].year = mi / 12;
		g->trend[k].month = mi % 12 + 1;
		g->trend[k].median_s = NAN;
	}
	if (s && s->model) {
		const struct sop_model *m = s->model;
		g->nsteps = m->nsteps;
		g->steps = mutu_calloc(m->nsteps, sizeof *g->steps);
		x->nstep_row = s->last_step + 1;
		x->step_row = mutu_calloc((size_t)x->nstep_row, sizeof *x->step_row);
		for (size_t i = 0; i < m->nsteps; i++) {
			struct sla_step_row *r = &g->steps[i];
			r->no = m->steps[i].no;
			r->activity = mutu_strdup(m->steps[i].activity);
			r->actor = mutu_strdup(m->steps[i].actor);
			r->std_s = sla_step_std(s, r->no);
			if (r->no >= 0 && r->no < x->nstep_row)
				x->step_row[r->no] = (int)i + 1;
		}
		sop_model_check(m, s->day_minutes, &g->lint);
		for (size_t i = 0; i < g->nsteps; i++)
			if (!isnan(g->steps[i].std_s))
				g->has_std = 1;
	}
}

static void slow_release(struct sla_slow *s)
{
	free(s->key);
	free(s->office);
	free(s->late_activity);
	memset(s, 0, sizeof *s);
}

/* A run of one office: its case lists name no office (sla_slow office). */
static void slow_unname(struct sla_group *g)
{
	for (size_t i = 0; i < g->nslow; i++) {
		free(g->slow[i].office);
		g->slow[i].office = NULL;
	}
	for (size_t i = 0; i < g->nopen_list; i++) {
		free(g->open_list[i].office);
		g->open_list[i].office = NULL;
	}
}

/* Does case c with lead come before list entry s: a greater lead, or the
 * same lead and a smaller case key (then office), bytes.  The key, not the
 * order the cases are read in: that is their ids', the order of the rows
 * in the file ingested, so the same register listed by date or by case
 * named other cases among equal leads (or the same ones in another
 * order), and a report was not the same for the same events. */
static int slow_before(const struct sla_case *c, double lead, const struct sla_slow *s)
{
	if (lead != s->lead_s)
		return lead > s->lead_s;
	int k = strcmp(c->key, s->key);
	if (k)
		return k < 0;
	return strcmp(c->office ? c->office : "", s->office ? s->office : "") < 0;
}

/* Keep the `cap` first by slow_before (sorted, first first). */
static void slow_offer(struct sla_slow *list, size_t *n, size_t cap, const struct sla_case *c, double lead)
{
	if (*n == cap && !slow_before(c, lead, &list[cap - 1]))
		return;
	size_t pos = *n < cap ? *n : cap - 1;
	if (*n == cap)
		slow_release(&list[cap - 1]);
	else
		(*n)++;
	while (pos > 0 && slow_before(c, lead, &list[pos - 1])) {
		list[pos] = list[pos - 1];
		pos--;
	}
	struct sla_slow *s = &list[pos];
	memset(s, 0, sizeof *s);
	s->key = mutu_strdup(c->key);
	s->office = c->office ? mutu_strdup(c->office) : NULL;
	s->lead_s = lead;
	s->over_s = c->over_s;
	s->calendar_s = c->calendar_s;
	s->late = c->late || (!c->sop->model && c->late_target);
	if (c->late_ev >= 0) {
		const struct sla_event *e = &c->ev[c->late_ev];
		s->late_step = e->step;
		s->late_activity = mutu_strdup(e->activity);
		s->late_excess_s = c->st[c->late_ev].excess_s;
	}
}

static void add_steps(struct group_x *x, const struct sla_case *c, int by_step)
{
	struct sla_group *g = &x->g;
	int late = c->late;
	for (size_t i = 0; i < c->nev; i++) {
		const struct sla_step_time *t = &c->st[i];
		/* a return to the Pemohon is the applicant's fixing time, no
		 * execution of the step: the step's (and its pelaksana's)
		 * figures are the office's own, as its over / excess are
		 * (std_s NAN: never over), so its time is left out (README,
		 * "Returns to the applicant") */
		if (isnan(t->work_s) || t->returned)
			continue;
		const struct sla_event *e = &c->ev[i];
		int over = !isnan(t->std_s) && t->work_s > t->std_s;
		/* the applicant collecting the SK after the office's end: its
		 * row shows the applicant's time against the step's waktu (the
		 * over share and excess of that step, as before), but it is
		 * never on the clock, so never in a late case's excess (the
		 * bottleneck table is the office's) */
		double exc = t->applicant_after && over ? t->work_s - t->std_s : t->excess_s;
		if (by_step) {
			struct sla_step_row *r;
			if (c->sop->model) {
				int idx = (e->step > 0 && e->step < x->nstep_row) ? x->step_row[e->step] : 0;
				r = idx ? &g->steps[idx - 1] : &g->unmapped;
			} else {
				r = activity_row(g, e->activity ? e->activity : "?");
			}
			vec_push(&r->vals, t->work_s);
			r->st.over += (size_t)over;
			r->st.excess_s += exc;
			if (late && t->in_clock) {
				r->st.late_excess_s += exc;
				r->st.late_over += exc > 0;
			}
		}
		struct sla_actor_row *a = actor_row(x, t->actor_key && *t->actor_key ? t->actor_key : "?");
		vec_push(&a->vals, t->work_s);
		a->st.over += (size_t)over;
		a->st.excess_s += exc;
		if (late && t->in_clock) {
			a->st.late_excess_s += exc;
			a->st.late_over += exc > 0;
		}
	}
}

/* Add one finished case to a trend row (the finished cases of one month). */
static void trend_add(struct sla_trend *t, const struct sla_case *c)
{
	const struct sla_sop *s = c->sop;
	int ceil = s->model && s->has_ceiling, has_target = !isnan(c->target);
	t->finished++;
	t->with_ceiling += (size_t)ceil;
	t->within += (size_t)(ceil && !c->late);
	t->with_target += (size_t)has_target;
	t->within_target += (size_t)(has_target && !c->late_target);
	vec_push(&t->lead, c->work_s);
}

static void zone_of(const struct sla_case *c, struct case_zone *z)
{
	const struct sla_sop *s = c->sop;
	z->tz = s->zone_rule == SLA_ZONE_TZ && s->tz;
	z->moff = z->tz ? 0 : (int)-sla_case_midnight(c, 0);
	/* a case without a stamp (no events: rows other tools wrote) has no
	 * arrival day: one past every month, as the overflowing day number
	 * of a NaN came out before (no arrival, no day in progress) */
	z->da = isnan(c->arrival) ? INT64_MAX / 4 : local_day(c->arrival, sla_case_offset(c, c->arrival));
	z->dd = c->finished ? local_day(c->done, sla_case_offset(c, c->done)) : 0;
}

static double zone_midnight(const struct sla_case *c, const struct case_zone *z, int64_t day)
{
	return z->tz ? sla_case_midnight(c, day) : (double)day * 86400.0 - z->moff;
}

/* The month (year * 12 + month - 1) a finished case finished in, local
 * time in its zone; INT_MIN for an open case. */
static int done_month(const struct sla_case *c, const struct case_zone *z)
{
	if (!c->finished)
		return INT_MIN;
	int y, mo, d;
	cal_civil_from_days(z->dd, &y, &mo, &d);
	return y * 12 + mo - 1;
}

/*
 * Add one measured case to a group of month (year, month); mk is the
 * case's done_month.  The trend rows are not added here: a case's row is
 * the same in every report whose 12 months hold it, and the run keeps
 * each month's row once (sla_month_run_range).
 */
static void add_case(struct group_x *x, const struct sla_case *c, const struct case_zone *z, int mk, int year,
		     int month, int by_step, int *completion_only)
{
	struct sla_group *g = &x->g;
	const struct sla_sop *s = c->sop;
	g->cases_seen++;
	/* shares are over the cases they concern: the ceiling's over the
	 * cases of an SOP that has one, the planned date's over the cases
	 * that have one (a case without either is in neither count) */
	int ceil = s->model && s->has_ceiling, has_target = !isnan(c->target);
	/* the month end, local midnight in the case's zone */
	double m1 = zone_midnight(c, z, x->day_m1);
	if (c->finished && mk == year * 12 + month - 1) {
		g->finished++;
		g->with_ceiling += (size_t)ceil;
		g->within += (size_t)(ceil && !c->late);
		g->within_exact += (size_t)(ceil && !c->late_exact);
		if (has_target) {
			g->with_target++;
			g->within_target += !c->late_target;
		}
		g->paused_cases += c->npauses > 0;
		g->applicant_late += c->applicant_late != 0;
		if (c->returns_pre > 0) {
			g->returned_cases++;
			if (!isnan(c->returns_pre_s))
				vec_push(&g->returned_wait, c->returns_pre_s);
		}
		vec_push(&g->lead, c->work_s);
		vec_push(&g->lead_cal, c->calendar_s);
		if (c->late)
			for (size_t i = 0; i < c->nev; i++)
				if (c->st[i].in_clock)
					g->late_excess_s += c->st[i].excess_s;
		add_steps(x, c, by_step);
		for (size_t i = 0; i < c->nev && !*completion_only; i++)
			if (c->st[i].from_prev && !isnan(c->st[i].work_s))
				*completion_only = 1;
		slow_offer(g->slow, &g->nslow, SLA_SLOW, c, c->work_s);
	}
	/* Open at month end. */
	if (c->arrival < m1 && (!c->finished || c->done >= m1)) {
		if (!isnan(c->accepted) && c->accepted < m1) {
			g->open++;
			double age = sla_case_age(c, m1);
			int past = s->model ? sla_case_past(c, m1) : (!isnan(c->target) && m1 > c->target);
			g->open_past += past;
			double ceil_s = s->ceiling == SLA_CEIL_EXACT ? s->exact_s : s->rounded_s;
			if (s->model && ceil_s > 0 && !isnan(age)) {
				double f = age / ceil_s;
				int b = f < 0.5 ? 0 : f < 0.8 ? 1 : f <= 1.0 ? 2 : f <= 2.0 ? 3 : 4;
				g->open_age[b]++;
			}
			if (!isnan(age)) {
				struct sla_case tmp = *c;
				tmp.late = past;
				tmp.late_ev = -1;
				tmp.over_s = 0;
				tmp.calendar_s = m1 - c->accepted;
				slow_offer(g->open_list, &g->nopen_list, SLA_OPEN_LIST, &tmp, age);
			}
		} else {
			g->open_waiting++;
		}
	}
	/* Daily arrivals, completions, work in progress. */
	int64_t da = z->da - x->day_m0;
	if (da >= 0 && da < (int64_t)g->ndays) {
		g->days[da].arrivals++;
		g->arrivals++;
	}
	int64_t hi = (int64_t)g->ndays - 1;
	if (c->finished) {
		int64_t dd = z->dd - x->day_m0;
		if (dd >= 0 && dd < (int64_t)g->ndays) {
			g->days[dd].completions++;
			g->completions++;
		}
		if (dd - 1 < hi)
			hi = dd - 1;
	}
	int64_t lo = da < 0 ? 0 : da;
	if (lo <= hi) {
		x->wip_diff[lo]++;
		x->wip_diff[hi + 1]--;
	}
}

static void group_finish(struct group_x *x)
{
	struct sla_group *g = &x->g;
	stat_finish(&g->lead, &g->lead_st);
	stat_finish(&g->lead_cal, &g->lead_cal_st);
	stat_finish(&g->returned_wait, &g->returned_st);
	for (size_t i = 0; i < g->nsteps; i++) {
		struct sla_step_row *r = &g->steps[i];
		size_t over = r->st.over, lov = r->st.late_over;
		double exc = r->st.excess_s, lex = r->st.late_excess_s;
		stat_finish(&r->vals, &r->st);
		r->st.over = over;
		r->st.late_over = lov;
		r->st.excess_s = exc;
		r->st.late_excess_s = lex;
	}
	{
		struct sla_step_row *r = &g->unmapped;
		size_t over = r->st.over, lov = r->st.late_over;
		double exc = r->st.excess_s, lex = r->st.late_excess_s;
		stat_finish(&r->vals, &r->st);
		r->st.over = over;
		r->st.late_over = lov;
		r->st.excess_s = exc;
		r->st.late_excess_s = lex;
	}
	for (size_t i = 0; i < g->nactors; i++) {
		struct sla_actor_row *r = &g->actors[i];
		size_t over = r->st.over, lov = r->st.late_over;
		double exc = r->st.excess_s, lex = r->st.late_excess_s;
		stat_finish(&r->vals, &r->st);
		r->st.over = over;
		r->st.late_over = lov;
		r->st.excess_s = exc;
		r->st.late_excess_s = lex;
	}
	for (int k = 0; k < SLA_TREND; k++) {
		struct sla_stat st = {0};
		stat_finish(&g->trend[k].lead, &st);
		g->trend[k].median_s = st.median;
	}
	long w = 0;
	for (size_t d = 0; d < g->ndays; d++) {
		w += x->wip_diff[d];
		g->days[d].wip = (size_t)w;
	}
	free(x->wip_diff);
	x->wip_diff = NULL;
	free(x->ai.slot);
	x->ai.slot = NULL;
	free(x->step_row);
	x->step_row = NULL;
}

static void group_release(struct sla_group *g)
{
	free(g->id);
	free(g->lead.v);
	free(g->lead_cal.v);
	free(g->returned_wait.v);
	for (size_t i = 0; i < g->nsteps; i++) {
		free(g->steps[i].activity);
		free(g->steps[i].actor);
		free(g->steps[i].vals.v);
	}
	free(g->steps);
	free(g->unmapped.activity);
	free(g->unmapped.vals.v);
	for (size_t i = 0; i < g->nactors; i++) {
		free(g->actors[i].name);
		free(g->actors[i].vals.v);
	}
	free(g->actors);
	for (size_t i = 0; i < g->nslow; i++)
		slow_release(&g->slow[i]);
	for (size_t i = 0; i < g->nopen_list; i++)
		slow_release(&g->open_list[i]);
	for (int k = 0; k < SLA_TREND; k++)
		free(g->trend[k].lead.v);
	free(g->days);
	mutu_notes_release(&g->lint);
}

/* ------------------------------------------------------- per-month summaries
 *
 * What the cases of an earlier month of the 12-month window give a report
 * is that month's trend row and nothing else (add_case: a case finished
 * before the report's month is in no count of the month, its days or its
 * open cases), so a report keeps each trend row it computed exactly in the
 * store (store_sum_put, month_summary), and a later report whose 11
 * earlier trend months are all kept and valid reads only its own month:
 * the cases whose span overlaps [the 1st - 1 day, the month's end + 1
 * day) plus the possibly-open older ones.  A row is valid while no newer
 * batch touched a case of its group whose first instant is before the
 * month's end + 1 day (store.h; docs/store.md proves the rule) and while
 * the fingerprint matches: everything else a case's figures depend on,
 * the SOP model file, the calendar (its zone, years, and every day's kind
 * and working hours, so holidays), the options and this code's rules
 * (SUMS_CODE).  Rows are kept per SOP ("s:ID"; "n": the cases without
 * one) and for the office whole ("o", reports of every SOP only).
 */

/* Bump when a rule that turns cases into trend figures changes
 * (sla_case_compute, add_case): rows of the older code are not read. */
#include "code_hash.h" /* MUTU_CODE_HASH, generated by the Makefile */
/* ... and the sources' hash as well (Makefile, code_hash.h): a rule changed
 * without a bump here still never reads rows the older code wrote. */
#define SUMS_CODE "mutu month summary 3 " MUTU_CODE_HASH /* 2: ate_abort/withdraw and instance pairing in sla.c;
							      * 3: the clock stops at the end step's completion
							      * that stood (sla_events_done) */

struct sla_month_sums {
	int64_t mark;   /* store_sum_mark of the run's snapshot */
	char *office;   /* the office the run read (NULL: every office) */
	struct store_month_sum *rows; /* group and fingerprint owned */
	size_t n;
	/* the case measures the run computed, to keep (measure_keep) */
	int64_t mmark;                 /* store_sum_mark before the read */
	struct store_measure *meas;    /* office, fp and blob owned */
	size_t nmeas, capmeas, meas_bytes;
};

static void sums_free(struct sla_month_sums *u)
{
	if (!u)
		return;
	for (size_t i = 0; i < u->nmeas; i++) {
		free((char *)u->meas[i].office);
		free((char *)u->meas[i].fp);
		free((unsigned char *)u->meas[i].blob);
	}
	free(u->meas);
	for (size_t i = 0; i < u->n; i++) {
		free((char *)u->rows[i].group);
		free((char *)u->rows[i].fingerprint);
	}
	free(u->rows);
	free(u->office);
	free(u);
}

/* One run's view of the summaries: the store's SOPs, their fingerprints
 * and (use) the rows of the 11 earlier trend months, office last. */
struct plan {
	int usable;                   /* every SOP resolves and can be fingerprinted */
	int use;                      /* every earlier trend month found valid */
	int office_rows;              /* "o" rows: a report of every SOP */
	size_t n;
	char **sop;                   /* store_sops (NULL: cases without an SOP) */
	const struct sla_sop **s;
	char **key;                   /* "s:ID" or "n" */
	char (*fp)[17];
	char ofp[17];
	struct store_month_sum (*got)[SLA_TREND - 1]; /* n + 1 */
	int64_t mark;
};

static void plan_release(struct plan *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->sop[i]);
		free(p->key[i]);
	}
	free(p->sop);
	free(p->key);
	free(p->s);
	free(p->fp);
	free(p->got);
	memset(p, 0, sizeof *p);
}

static int plan_sop_cb(void *ctx, const char *sop)
{
	struct plan *p = ctx;
	if (p->n % 16 == 0)
		p->sop = mutu_realloc(p->sop, (p->n + 16) * sizeof *p->sop);
	p->sop[p->n++] = sop ? mutu_strdup(sop) : NULL;
	return 0;
}

static uint64_t fp_str(uint64_t h, const char *s)
{
	/* the terminator too: "ab"+"c" and "a"+"bc" differ */
	return s ? mutu_fnv1a_add(h, s, strlen(s) + 1) : mutu_fnv1a_add(h, "\001", 1);
}

static uint64_t fp_int(uint64_t h, int64_t v)
{
	return mutu_fnv1a_add(h, &v, sizeof v);
}

static uint64_t fp_dbl(uint64_t h, double v)
{
	return mutu_fnv1a_add(h, &v, sizeof v);
}

/* The calendar as the figures see it: zone, day length, reading, years,
 * and every day's kind and working intervals (holidays, cuti bersama,
 * special hours).  Capped at 400 years. */
static uint64_t fp_cal(uint64_t h, const struct cal *c)
{
	if (!c)
		return fp_str(h, "no calendar");
	h = fp_str(h, cal_name(c));
	h = fp_str(h, cal_zone_label(c));
	h = fp_int(h, cal_utc_offset(c));
	h = fp_int(h, cal_day_minutes(c));
	h = fp_int(h, cal_always_open(c));
	h = fp_int(h, (int64_t)cal_reading(c));
	int y0 = 0, y1 = -1;
	int ny = cal_year_range(c, &y0, &y1);
	h = fp_int(h, ny);
	if (ny <= 0)
		return h;
	h = fp_int(h, y0);
	h = fp_int(h, y1);
	if (y1 - y0 > 400)
		y1 = y0 + 400;
	int64_t d1 = cal_days_from_civil(y1 + 1, 1, 1);
	for (int64_t d = cal_days_from_civil(y0, 1, 1); d < d1; d++) {
		int st[16], en[16];
		int n = cal_day_hours(c, d, st, en, 16);
		h = fp_int(h, cal_day_kind(c, d, NULL));
		h = fp_int(h, n);
		for (int i = 0; i < n && i < 16; i++)
			h = fp_int(fp_int(h, st[i]), en[i]);
	}
	return h;
}

/* Fingerprint of an SOP's figures; 0 when it cannot be taken (a model not
 * read from a file), and the SOP's months are then neither kept nor read. */
static int fp_sop(const struct sla_sop *s, const struct sla_opts *o, char out[17])
{
	uint64_t h = fp_str(mutu_fnv1a_str(SUMS_CODE), s->id);
	if (s->model) {
		struct mutu_err e2;
		size_t len = 0;
		char *text = s->model->path ? mutu_read_file(s->model->path, &len, &e2) : NULL;
		if (!text)
			return 0;
		h = fp_int(mutu_fnv1a_add(h, text, len), (int64_t)len);
		free(text);
	}
	h = fp_int(h, s->reading);
	h = fp_int(h, s->ceiling);
	h = fp_int(h, s->clock_start_step);
	h = fp_int(h, s->last_step);
	h = fp_int(h, s->end_step);
	h = fp_int(h, s->day_minutes);
	h = fp_int(h, s->ceiling_days);
	h = fp_dbl(h, s->rounded_s);
	h = fp_dbl(h, s->exact_s);
	h = fp_int(h, s->has_ceiling);
	h = fp_int(h, s->zone_rule);
	h = fp_str(h, s->tz ? cal_tz_name(s->tz) : NULL);
	h = fp_cal(h, s->cal);
	/* the options, whichever of them the SOP took */
	h = fp_int(h, o->ceiling);
	h = fp_int(h, o->reading);
	h = fp_int(h, o->clock_start_step);
	h = fp_str(h, o->calendar);
	h = fp_str(h, o->tz ? cal_tz_name(o->tz) : NULL);
	h = fp_str(h, o->deadline_col);
	snprintf(out, 17, "%016" PRIx64, h);
	return 1;
}

/* The month key (year * 12 + month - 1) of trend row k and the end of the
 * summary's validity: the next month's 1st, UTC, plus a day (the local
 * month of any zone UTC-12..+14 ends before it). */
static int trend_key(int year, int month, int k, int64_t *end_ms)
{
	int mi = year * 12 + (month - 1) - (SLA_TREND - 1) + k, nx = mi + 1;
	*end_ms = (cal_days_from_civil(nx / 12, nx % 12 + 1, 1) + 1) * INT64_C(86400000);
	return mi;
}

/* The store's SOPs, their fingerprints and, when every one of the 11
 * earlier trend months of every group is kept and valid, those rows. */
static int plan_make(struct mutu_store *db, struct sla_env *env, const char *sop_id, int year, int month,
		     struct plan *p, struct mutu_err *err)
{
	memset(p, 0, sizeof *p);
	int rc = store_sops(db, sop_id, plan_sop_cb, p, err);
	if (rc < 0)
		return rc;
	if (p->n > STORE_MAX_OPEN_SOPS) /* the reader reads the whole history then */
		return 0;
	p->s = mutu_calloc(p->n + 1, sizeof *p->s);
	p->key = mutu_calloc(p->n + 1, sizeof *p->key);
	p->fp = mutu_calloc(p->n + 1, sizeof *p->fp);
	uint64_t oh = fp_str(mutu_fnv1a_str(SUMS_CODE), "office");
	for (size_t i = 0; i < p->n; i++) {
		struct mutu_err e2;
		mutu_err_clear(&e2);
		if (sla_env_get(env, p->sop[i], &p->s[i], &e2) != 0 || !fp_sop(p->s[i], sla_env_opts(env), p->fp[i]))
			return 0; /* its cases are skipped with a note the rows would not carry */
		size_t len = p->sop[i] ? strlen(p->sop[i]) + 3 : 2;
		p->key[i] = mutu_malloc(len);
		snprintf(p->key[i], len, "%s%s", p->sop[i] ? "s:" : "n", p->sop[i] ? p->sop[i] : "");
		oh = fp_str(fp_str(oh, p->key[i]), p->fp[i]);
	}
	snprintf(p->ofp, sizeof p->ofp, "%016" PRIx64, oh);
	p->office_rows = !sop_id;
	p->usable = 1;
	if ((rc = store_sum_mark(db, &p->mark, err)))
		return rc;
	p->got = mutu_calloc(p->n + 1, sizeof *p->got);
	p->use = 1;
	for (size_t i = 0; i < p->n + (size_t)p->office_rows && p->use; i++)
		for (int k = 0; k < SLA_TREND - 1 && p->use; k++) {
			struct store_month_sum *q = &p->got[i][k];
			q->month = trend_key(year, month, k, &q->end_ms);
			q->group = i < p->n ? p->key[i] : "o";
			q->fingerprint = i < p->n ? p->fp[i] : p->ofp;
			q->sop_any = i == p->n;
			q->sop = i < p->n ? p->sop[i] : NULL;
			if ((rc = store_sum_get(db, q, err)) < 0)
				return rc;
			p->use = rc == 1;
		}
	return 0;
}

static void trend_from_sum(struct sla_trend *t, const struct store_month_sum *q)
{
	t->finished = (size_t)q->finished;
	t->with_ceiling = (size_t)q->with_ceiling;
	t->within = (size_t)q->within;
	t->with_target = (size_t)q->with_target;
	t->within_target = (size_t)q->within_target;
	t->median_s = q->median_s;
}

/* Rows k0..SLA_TREND-1 of trend t (NULL: a group with no case, all zero). */
static void sums_add(struct sla_month_sums *u, const char *group, const char *fp, int year, int month, int k0,
		     const struct sla_trend *t)
{
	for (int k = k0; k < SLA_TREND; k++) {
		u->rows = mutu_realloc(u->rows, (u->n + 1) * sizeof *u->rows);
		struct store_month_sum *r = &u->rows[u->n++];
		memset(r, 0, sizeof *r);
		r->group = mutu_strdup(group);
		r->fingerprint = mutu_strdup(fp);
		r->month = trend_key(year, month, k, &r->end_ms);
		r->median_s = NAN;
		if (t) {
			r->finished = (int64_t)t[k].finished;
			r->with_ceiling = (int64_t)t[k].with_ceiling;
			r->within = (int64_t)t[k].within;
			r->with_target = (int64_t)t[k].with_target;
			r->within_target = (int64_t)t[k].within_target;
			r->median_s = t[k].median_s;
		}
	}
}

int sla_month_save(struct mutu_store *db, const struct sla_month *m, struct mutu_err *err)
{
	if (!m->sums)
		return 0;
	int rc = m->sums->n ? store_sum_put(db, m->sums->office, m->sums->rows, m->sums->n, m->sums->mark, err) : 0;
	if (rc >= 0 && m->sums->nmeas)
		rc = store_measure_put(db, m->sums->meas, m->sums->nmeas, m->sums->mmark, err);
	return rc < 0 ? rc : 0;
}

void sla_month_free(struct sla_month *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->ngroups; i++)
		group_release(&m->groups[i]);
	free(m->groups);
	group_release(&m->office);
	mutu_notes_release(&m->notes);
	mutu_notes_release(&m->notes_id);
	for (size_t i = 0; i < m->nplanned_src; i++)
		free(m->planned_src[i].name);
	sums_free(m->sums);
	free(m);
}

/* ------------------------------------------------------- kept case measures
 *
 * A case gives every month the same things (docs/store.md, "Case
 * measures"): its scalars (arrival, acceptance, completion, working and
 * calendar time, the verdicts, the deadline base and pauses for its age
 * at a month's end it is open at), its local days (case_zone), and per
 * step execution of a finished case the working time, waktu, excess,
 * clock, pelaksana, whether it is a return to the applicant, the
 * activity where a table shows it (SOPs without a model, the late step); plus what the run counts of its read (its
 * span, its number of events, the planned-date attribute).  None of it
 * depends on the month asked: sla_case_compute takes no month end, and
 * what a month takes from a case open at its end (its age, past the
 * ceiling or not, its place among the oldest) add_case computes there
 * from the case's clock (acceptance, deadline base, pauses: sla_case_age,
 * sla_case_past), which the measure holds, so open cases are kept as
 * finished ones are; all of it
 * on the case's events and attributes (the store deletes a case's measure
 * with any change to them) and on the model, calendar and options, which
 * the fingerprint holds (fp_sop, with MEASURE_CODE: a changed rule or
 * encoding never reads an older measure).  The encoding is
 * sla_measure.c's, its 8-byte numbers little-endian as the machine writes
 * them (a store moved to a machine of the other order reads no measure,
 * the fingerprint says so).
 */
#define MEASURE_CODE "mutu case measure 7 " MUTU_CODE_HASH /* with the sources' hash: see SUMS_CODE;
							 * 3: the return-to-the-applicant bit;
							 * 4: the returns before acceptance;
							 * 5: the compact encoding (varints, tagged
							 * numbers, string references): the blob's
							 * layout changed, so no version-4 blob may
							 * ever reach the new decoder;
							 * 6: the case's applicant_late bit;
							 * 7: the clock's stop by sla_events_done
							 * (a signing the berkas came back from
							 * does not stop it) */
/* measures one run keeps at most (bytes of encoding): a run of many
 * months keeps its first cases' and the next run the rest */
#define MEASURE_KEEP_MAX ((size_t)192 << 20)

static uint64_t measure_fp_hash(const char *sop_fp)
{
	uint64_t h = fp_str(mutu_fnv1a_str(MEASURE_CODE), sop_fp);
	uint32_t one = 1;
	unsigned char lo;
	memcpy(&lo, &one, 1);
	h = fp_int(h, lo);                       /* the byte order */
	h = fp_int(h, (int64_t)sizeof(double));
	return h;
}

/* Keep c's measure (computed this run) with the run's others. */
static void measure_keep(struct sla_month_sums *u, const struct sla_mbuf *b, const char *office, const char *fp,
			 int64_t case_id)
{
	if (u->meas_bytes + b->n > MEASURE_KEEP_MAX)
		return;
	if (u->nmeas == u->capmeas) {
		u->capmeas = u->capmeas ? 2 * u->capmeas : 1024;
		u->meas = mutu_realloc(u->meas, u->capmeas * sizeof *u->meas);
	}
	struct store_measure *x = &u->meas[u->nmeas++];
	x->case_id = case_id;
	x->office = mutu_strdup(office ? office : "");
	x->fp = mutu_strdup(fp);
	unsigned char *blob = mutu_malloc(b->n);
	memcpy(blob, b->p, b->n);
	x->blob = blob;
	x->len = b->n;
	u->meas_bytes += b->n;
}

/* Which attribute the case's planned date came from (the report names them). */
static void count_planned(struct sla_month *m, const struct sla_case_in *in, double target)
{
	if (!in->target_text)
		return;
	m->planned_cases++;
	if (isnan(target) && m->planned_bad++ == 0)
		snprintf(m->planned_bad_first, sizeof m->planned_bad_first, "case %.60s: %s '%.60s'", in->key,
			 in->target_name ? in->target_name : "?", in->target_text);
	size_t n = sizeof m->planned_src / sizeof m->planned_src[0];
	for (size_t i = 0; i < m->nplanned_src; i++) {
		struct sla_planned_src *p = &m->planned_src[i];
		if (p->event == in->target_event && strcmp(p->name, in->target_name ? in->target_name : "") == 0) {
			p->cases++;
			return;
		}
	}
	if (m->nplanned_src == n) {
		m->planned_src_other++;
		return;
	}
	struct sla_planned_src *p = &m->planned_src[m->nplanned_src++];
	p->name = mutu_strdup(in->target_name ? in->target_name : "");
	p->event = in->target_event;
	p->cases = 1;
}

/* The SOPs met in a run, in the order met: resolved once (s), or, when the
 * SOP cannot be resolved, the count of its cases skipped and why. */
struct sop_slot {
	char *sop;
	const struct sla_sop *s; /* NULL: its cases are skipped */
	size_t n;                /* cases skipped */
	char first[MUTU_ERR_MAX];
	struct sla_trend *rt;    /* the run's trend rows of its cases (nt) */
	const char *mfp;         /* its measures' fingerprint (the run's; NULL: none kept) */
};

/*
 * One month of a run (sla_month_run_range): its groups as they fill.  A
 * run of several months reads the store once and gives each case to every
 * month it concerns; each month is then finished as a run of that month
 * alone finishes it.
 */
struct month_acc {
	int year, month;
	int j;                    /* months after the run's first */
	int k0;                   /* first trend row computed from the cases read */
	double from, to;          /* the window a report of this month alone reads */
	double mfrom;             /* the month's 1st less a day (every zone's local day) */
	struct sla_month *m;
	struct group_x **gx;      /* in the order made */
	size_t ngx;
	struct group_x **slot_g;  /* SOP slot -> its group in this month (NULL: none yet) */
	size_t nslot_g;
	struct group_x office;
	int office_ready;
};

static int group_cmp(const void *pa, const void *pb)
{
	const struct group_x *a = *(struct group_x *const *)pa, *b = *(struct group_x *const *)pb;
	if (!a->g.id || !b->g.id)
		return a->g.id ? -1 : b->g.id ? 1 : 0; /* no-model cases last */
	return strcmp(a->g.id, b->g.id);
}

static int same_sop(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* The month's group of slot si, made when the month meets its first case. */
static struct group_x *acc_group(struct month_acc *a, size_t si, const struct sop_slot *sl)
{
	if (si >= a->nslot_g) {
		size_t n = si + 16;
		a->slot_g = mutu_realloc(a->slot_g, n * sizeof *a->slot_g);
		memset(a->slot_g + a->nslot_g, 0, (n - a->nslot_g) * sizeof *a->slot_g);
		a->nslot_g = n;
	}
	if (!a->slot_g[si]) {
		a->gx = mutu_realloc(a->gx, (a->ngx + 1) * sizeof *a->gx);
		struct group_x *g = a->gx[a->ngx++] = mutu_malloc(sizeof *g);
		group_init(g, sl->sop, sl->s, a->year, a->month, sl->s->cal);
		g->rt = sl->rt;
		if (!a->office_ready) {
			/* its days' kinds: after the read (office_days) */
			group_init(&a->office, "", NULL, a->year, a->month, NULL);
			a->office_ready = 1;
		}
		a->slot_g[si] = g;
	}
	return a->slot_g[si];
}

/* A month's groups and office freed (a run that failed). */
static void acc_drop(struct month_acc *a)
{
	for (size_t i = 0; i < a->ngx; i++) {
		group_finish(a->gx[i]);
		group_release(&a->gx[i]->g);
		free(a->gx[i]);
	}
	free(a->gx);
	a->gx = NULL;
	a->ngx = 0;
	if (a->office_ready) {
		group_finish(&a->office);
		group_release(&a->office.g);
		a->office_ready = 0;
	}
	free(a->slot_g);
	a->slot_g = NULL;
	sla_month_free(a->m);
	a->m = NULL;
}

/*
 * After the read (groups finished, before the SOPs with nothing in the
 * 12 months are left out): the earlier trend months from the summaries
 * when the run used them, and the rows this run computed exactly, for
 * sla_month_save: every trend month of a read of the whole window, the
 * month itself of a read of the month; per SOP whose cases were all
 * measured (a skipped case is counted in a note the rows do not carry),
 * zero rows for an SOP with no case read, and the office whole when every
 * case was measured.  Month j of a run of several (j > 0) takes its trend
 * rows before row k0 from the plan's rows j.. (the plan is the first
 * month's) and keeps only its own month's row: the rows before it are
 * the earlier months' of the same run.
 */
static void sums_settle(struct sla_month *m, struct sla_group *office, const struct plan *p, int year, int month,
			const char *office_name, int j, int k0)
{
	m->from_summaries = p->use && k0 > 0;
	if (p->use) {
		for (size_t i = 0; i < p->n; i++)
			for (size_t g = 0; g < m->ngroups; g++)
				if (same_sop(m->groups[g].id, p->sop[i]))
					for (int k = 0; k < k0; k++)
						trend_from_sum(&m->groups[g].trend[k], &p->got[i][k + j]);
		/* the office: its own rows, or with one SOP asked, that SOP's
		 * (the same cases) */
		const struct store_month_sum *og = p->office_rows ? p->got[p->n] : p->n == 1 ? p->got[0] : NULL;
		for (int k = 0; og && k < k0; k++)
			trend_from_sum(&office->trend[k], &og[k + j]);
	}
	if (!p->usable)
		return;
	struct sla_month_sums *u = mutu_calloc(1, sizeof *u);
	u->mark = p->mark;
	u->office = office_name ? mutu_strdup(office_name) : NULL;
	int kfirst = j ? SLA_TREND - 1 : k0;
	for (size_t i = 0; i < p->n; i++) {
		const struct sla_group *g = NULL;
		for (size_t q = 0; q < m->ngroups && !g; q++)
			if (same_sop(m->groups[q].id, p->sop[i]))
				g = &m->groups[q];
		if (!g || g->cases_skipped == 0)
			sums_add(u, p->key[i], p->fp[i], year, month, kfirst, g ? g->trend : NULL);
	}
	if (p->office_rows && office->cases_skipped == 0)
		sums_add(u, "o", p->ofp, year, month, kfirst, office->trend);
	m->sums = u;
}

/* A month's trend rows k0.. from the run's rows (rt: the run's row of the
 * month's first trend month), as add_case once added them: the counts and
 * the median (the lead times themselves are not shown). */
static void trend_fill(struct sla_trend *t, const struct sla_trend *rt, int k0)
{
	for (int k = k0; k < SLA_TREND; k++) {
		t[k].finished = rt[k].finished;
		t[k].with_ceiling = rt[k].with_ceiling;
		t[k].within = rt[k].within;
		t[k].with_target = rt[k].with_target;
		t[k].within_target = rt[k].within_target;
		t[k].median_s = rt[k].median_s;
	}
}

/*
 * The month after the read, as sla_month_run has always finished it: the
 * notes of skipped cases, the groups of SOPs known only from the
 * summaries, the groups sorted and finished, the summaries settled, the
 * office's days, and the SOPs with nothing in the 12 months left out.
 */
static void acc_finish(struct month_acc *a, const struct plan *plan, const struct sop_slot *slots, size_t nslots,
		       const struct sla_trend *ort, struct mutu_store *db, const char *sop_id)
{
	struct sla_month *m = a->m;
	int year = a->year, month = a->month;
	for (size_t i = 0; i < nslots; i++) {
		if (slots[i].s)
			continue;
		mutu_notes_addf(&m->notes, "%zu case(s) of SOP '%s' skipped: %s", slots[i].n,
				slots[i].sop ? slots[i].sop : "(none)", slots[i].first);
		mutu_notes_addf(&m->notes_id, "%zu kasus SOP '%s' dilewati: %s", slots[i].n,
				slots[i].sop ? slots[i].sop : "(tanpa SOP)", slots[i].first);
	}
	for (size_t i = 0; i < a->ngx; i++)
		if (a->gx[i]->g.cases_skipped > 1) {
			mutu_notes_addf(&m->notes, "%zu case(s) of SOP '%s' skipped (outside the calendar's years or unmeasurable)",
					a->gx[i]->g.cases_skipped, a->gx[i]->g.id ? a->gx[i]->g.id : "(none)");
			mutu_notes_addf(&m->notes_id, "%zu kasus SOP '%s' dilewati (di luar tahun kalender atau tidak dapat diukur)",
					a->gx[i]->g.cases_skipped, a->gx[i]->g.id ? a->gx[i]->g.id : "(tanpa SOP)");
		}
	if (plan->use) {
		/* an SOP none of whose cases was read but with cases finished
		 * in an earlier trend month has its group, as a read of the
		 * whole window gives it */
		for (size_t i = 0; i < plan->n; i++) {
			size_t fin = 0;
			for (int k = 0; k < a->k0; k++)
				fin += (size_t)plan->got[i][k + a->j].finished;
			int have = 0;
			for (size_t q = 0; q < a->ngx && !have; q++)
				have = same_sop(a->gx[q]->g.id, plan->sop[i]);
			if (fin == 0 || have)
				continue;
			a->gx = mutu_realloc(a->gx, (a->ngx + 1) * sizeof *a->gx);
			struct group_x *g = a->gx[a->ngx++] = mutu_malloc(sizeof *g);
			group_init(g, plan->sop[i], plan->s[i], year, month, plan->s[i]->cal);
			for (size_t q = 0; q < nslots && !g->rt; q++)
				if (same_sop(slots[q].sop, plan->sop[i]))
					g->rt = slots[q].rt;
			if (!a->office_ready) {
				group_init(&a->office, "", NULL, year, month, NULL);
				a->office_ready = 1;
			}
		}
	}
	if (!a->office_ready)
		group_init(&a->office, "", NULL, year, month, NULL);
	a->office_ready = 0; /* from here on m owns it */
	size_t ngx = a->ngx;
	struct group_x **gx = a->gx;
	if (ngx > 1) /* qsort(NULL, 0) is undefined behaviour */
		qsort(gx, ngx, sizeof *gx, group_cmp);
	m->groups = mutu_calloc(ngx ? ngx : 1, sizeof *m->groups);
	for (size_t i = 0; i < ngx; i++) {
		group_finish(gx[i]);
		if (gx[i]->rt)
			trend_fill(gx[i]->g.trend, gx[i]->rt + a->j, a->k0);
		m->groups[i] = gx[i]->g;
		free(gx[i]);
	}
	m->ngroups = ngx;
	free(gx);
	a->gx = NULL;
	a->ngx = 0;
	free(a->slot_g);
	a->slot_g = NULL;
	struct group_x *office = &a->office;
	group_finish(office);
	trend_fill(office->g.trend, ort + a->j, a->k0);
	sums_settle(m, &office->g, plan, year, month, store_office(db), a->j, a->k0);
	/* the office's days are those of the first SOP (by id) with a model:
	 * the same whichever cases were read */
	for (size_t i = 0; i < m->ngroups; i++)
		if (m->groups[i].sop && m->groups[i].sop->model) {
			days_kinds(&office->g, office->day_m0, m->groups[i].sop->cal);
			break;
		}
	/* an SOP with nothing in the report's 12 months (a log from another
	 * period) would only add empty tables: leave it out, say so */
	size_t keep = 0;
	for (size_t i = 0; i < m->ngroups; i++) {
		struct sla_group *g = &m->groups[i];
		size_t fin = 0;
		for (int k = 0; k < SLA_TREND; k++)
			fin += g->trend[k].finished;
		if (fin == 0 && g->open == 0 && g->open_waiting == 0 && g->arrivals == 0 && !sop_id) {
			mutu_notes_addf(&m->notes, "SOP '%s': %zu case(s), none finished, open or arriving in the 12 months "
					"up to %04d-%02d; left out of the report", g->id ? g->id : "(none)",
					g->cases_seen, year, month);
			mutu_notes_addf(&m->notes_id, "SOP '%s': %zu kasus, tidak ada yang selesai, terbuka atau masuk dalam "
					"12 bulan sampai %04d-%02d; tidak dimuat dalam laporan", g->id ? g->id : "(tanpa SOP)",
					g->cases_seen, year, month);
			group_release(g);
			continue;
		}
		m->groups[keep++] = *g;
	}
	m->ngroups = keep;
	m->office = office->g;
	for (size_t i = 0; i < m->ngroups; i++)
		if (m->groups[i].has_std)
			m->office.has_std = 1;
	/* the office's days are the groups' days when they agree (a 24x7-only
	 * store counts calendar days); mixed calendars count 450-minute days */
	for (size_t i = 0; i < m->ngroups; i++) {
		if (i == 0)
			m->office.day_minutes = m->groups[0].day_minutes;
		else if (m->groups[i].day_minutes != m->office.day_minutes) {
			m->office.day_minutes = 450;
			mutu_notes_addf(&m->notes, "%s", "the office as a whole mixes calendars: its days are 450-minute working days");
			mutu_notes_addf(&m->notes_id, "%s", "kantor secara keseluruhan memakai beberapa kalender: harinya dihitung sebagai hari kerja 450 menit");
			break;
		}
	}
}

/* The window [from, to) of month (year, month)'s 12-month trend, POSIX
 * seconds: its first month's 1st less a day, to the month's end plus a day
 * (every zone's local day, UTC-12..+14). */
static void month_window(int year, int month, double *from, double *to)
{
	int ny = month == 12 ? year + 1 : year, nm = month == 12 ? 1 : month + 1;
	*to = (double)(cal_days_from_civil(ny, nm, 1) + 1) * 86400.0;
	int w0 = year * 12 + (month - 1) - (SLA_TREND - 1);
	*from = (double)(cal_days_from_civil(w0 / 12, w0 % 12 + 1, 1) - 1) * 86400.0;
}

int sla_month_run(struct mutu_store *db, struct sla_env *env, int year, int month,
		  const char *sop_id, struct sla_month **out, struct mutu_err *err)
{
	return sla_month_run_range(db, env, year, month, 1, sop_id, out, err);
}

static int run_range(struct mutu_store *db, struct sla_env *env, int year, int month, int nmonths,
		     const char *sop_id, struct sla_month **out, int events_only, int *bad_measure,
		     struct mutu_err *err);

int sla_month_run_range(struct mutu_store *db, struct sla_env *env, int year, int month, int nmonths,
			const char *sop_id, struct sla_month **out, struct mutu_err *err)
{
	int bad = 0;
	int rc = run_range(db, env, year, month, nmonths, sop_id, out, 0, &bad, err);
	if (rc && bad) {
		/* a kept measure the decoder rejects (corrupt or truncated:
		 * sla_measure_decode): nothing was written; the run again from
		 * every case's events, keeping the measures it computes, the bad
		 * one replaced, so the report is the one without measures */
		if (err)
			mutu_err_clear(err);
		rc = run_range(db, env, year, month, nmonths, sop_id, out, 1, &bad, err);
	}
	return rc;
}

/* The run; events_only: read no kept measure (but keep them as usual);
 * *bad_measure set when a kept measure could not be decoded. */
static int run_range(struct mutu_store *db, struct sla_env *env, int year, int month, int nmonths,
		     const char *sop_id, struct sla_month **out, int events_only, int *bad_measure,
		     struct mutu_err *err)
{
	if (nmonths < 1 || nmonths > SLA_RANGE_MAX)
		return mutu_errf(err, MUTU_EINPUT, "%d months from %04d-%02d: a run reports 1..%d months", nmonths,
				 year, month, SLA_RANGE_MAX);
	for (int j = 0; j < nmonths; j++)
		out[j] = NULL;
	if (month < 1 || month > 12)
		return mutu_errf(err, MUTU_EINPUT, "month %04d-%02d: month must be 01..12", year, month);
	/*
	 * The cases the months can see: those whose span overlaps the first
	 * month's 12-month window (its first month's 1st, less a day) to the
	 * last month's end plus a day (every zone's local day, UTC-12..+14),
	 * and the older ones that may still be open at the first month's end
	 * (the backlog), found through the store's per-case marker
	 * (sla_reader_open_backlog); a case open at a later month's end and
	 * wholly before the window is open at the first month's end too.  A
	 * case left out finished before the window: it is in none of the
	 * months' counts, their trends, days or open cases, so each report is
	 * the one a read of the whole history gives; only cases_read,
	 * events_read and the planned-date count, which describe what was
	 * read, are smaller (docs/store.md, "Reading a period").
	 * MUTU_REPORT_FULL_READ=1 reads every case that begins before the
	 * last month's end instead: the test that proves the two agree
	 * (tests/cli/test_report_window.sh) uses it, nothing else.
	 */
	int lm = year * 12 + month - 1 + nmonths - 1;
	double from, to, to0;
	month_window(year, month, &from, &to0);
	month_window(lm / 12, lm % 12 + 1, &(double){0}, &to);
	const char *fullv = getenv("MUTU_REPORT_FULL_READ");
	int full = fullv && strcmp(fullv, "1") == 0;
	/* the per-month summaries (above): with the first month's 11 earlier
	 * trend months kept, the read starts at the first month */
	struct plan plan;
	memset(&plan, 0, sizeof plan);
	int rc = full ? 0 : plan_make(db, env, sop_id, year, month, &plan, err);
	if (rc) {
		plan_release(&plan);
		return rc;
	}
	double from_read = from;
	if (plan.use)
		from_read = (double)(cal_days_from_civil(year, month, 1) - 1) * 86400.0;
	/* kept case measures (above): with every SOP fingerprinted, read a
	 * finished case's measure instead of its events, and keep those this
	 * run computes; MUTU_REPORT_NO_MEASURES=1 neither reads nor keeps
	 * them (the test that proves a report the same either way uses it) */
	const char *nomv = getenv("MUTU_REPORT_NO_MEASURES");
	int use_meas = !full && plan.usable && store_has_measures(db) && !(nomv && strcmp(nomv, "1") == 0);
	char(*mfp)[17] = NULL;
	const char **mfpv = NULL;
	struct sla_month_sums keep;
	memset(&keep, 0, sizeof keep);
	if (use_meas) {
		mfp = mutu_calloc(plan.n ? plan.n : 1, sizeof *mfp);
		mfpv = mutu_calloc(plan.n ? plan.n : 1, sizeof *mfpv);
		for (size_t i = 0; i < plan.n; i++) {
			snprintf(mfp[i], sizeof mfp[i], "%016" PRIx64, measure_fp_hash(plan.fp[i]));
			mfpv[i] = mfp[i];
		}
		rc = store_sum_mark(db, &keep.mmark, err);
	}
	struct sla_reader *r = NULL;
	if (!rc)
		rc = full ? sla_reader_open_period(db, sop_id, NAN, to, sla_env_opts(env)->deadline_col, &r, err)
		     : use_meas && !events_only ? sla_reader_open_measured(db, env, sop_id, from_read, to, sla_env_opts(env)->deadline_col,
							   mfpv, plan.n, &r, err)
				: sla_reader_open_backlog(db, env, sop_id, from_read, to, sla_env_opts(env)->deadline_col,
							  &r, err);
	if (rc) {
		free(mfp);
		free(mfpv);
		plan_release(&plan);
		return rc;
	}
	struct sla_mscratch msc;
	memset(&msc, 0, sizeof msc);
	struct sla_mbuf mb = {NULL, 0, 0};
	struct month_acc *acc = mutu_calloc((size_t)nmonths, sizeof *acc);
	for (int j = 0; j < nmonths; j++) {
		struct month_acc *a = &acc[j];
		int mi = year * 12 + month - 1 + j;
		a->year = mi / 12;
		a->month = mi % 12 + 1;
		a->j = j;
		/* trend rows before the first month come from the summaries */
		a->k0 = plan.use && j < SLA_TREND - 1 ? SLA_TREND - 1 - j : 0;
		month_window(a->year, a->month, &a->from, &a->to);
		a->mfrom = (double)(cal_days_from_civil(a->year, a->month, 1) - 1) * 86400.0;
		struct sla_month *m = a->m = mutu_calloc(1, sizeof *m);
		m->year = a->year;
		m->month = a->month;
		mutu_notes_init(&m->notes);
		mutu_notes_init(&m->notes_id);
		m->opts = *sla_env_opts(env);
	}
	struct sop_slot *slots = NULL;
	size_t nslots = 0, last = SIZE_MAX;
	/* the run's trend rows, per SOP and for the office: months M0 - 11 ..
	 * the last month (t = 0 .. nt), each computed once for every report
	 * that shows it; rows before the first month's k0 come from the
	 * summaries */
	int nt = nmonths + SLA_TREND - 1, mt0 = year * 12 + month - 1 - (SLA_TREND - 1);
	struct sla_trend *ort = mutu_calloc((size_t)nt, sizeof *ort);
	struct sla_case_in in;
	/* the first office met, and whether another followed (offices_many) */
	char *office1 = NULL;
	int many = 0;

	while ((rc = sla_reader_next(r, &in, err)) == 1) {
		if (!many && in.office) {
			if (!office1)
				office1 = mutu_strdup(in.office);
			else
				many = strcmp(office1, in.office) != 0;
		}
		/* consecutive cases mostly share an SOP: skip the lookups */
		if (last == SIZE_MAX || !same_sop(in.sop, slots[last].sop)) {
			for (last = 0; last < nslots && !same_sop(in.sop, slots[last].sop); last++)
				;
			if (last == nslots) {
				slots = mutu_realloc(slots, (nslots + 1) * sizeof *slots);
				struct sop_slot *sl = &slots[nslots++];
				memset(sl, 0, sizeof *sl);
				sl->sop = in.sop ? mutu_strdup(in.sop) : NULL;
				sl->rt = mutu_calloc((size_t)nt, sizeof *sl->rt);
				struct mutu_err e2;
				mutu_err_clear(&e2);
				if (sla_env_get(env, in.sop, &sl->s, &e2) != 0) {
					sl->s = NULL;
					snprintf(sl->first, sizeof sl->first, "%s", e2.msg);
				}
				for (size_t i = 0; use_meas && sl->s && i < plan.n && !sl->mfp; i++)
					if (same_sop(plan.sop[i], in.sop))
						sl->mfp = mfpv[i];
			}
		}
		struct sop_slot *sl = &slots[last];
		const struct sla_sop *s = sl->s;
		struct sla_case c;
		struct case_zone z;
		double mfirst = INFINITY, mlast = -INFINITY, mdone = -INFINITY;
		int mstep = 0; /* the step of the latest completion (the store's marker) */
		int from_m = in.measure && s;
		if (in.measure && !from_m) {
			/* a measure of an SOP this run cannot resolve: its cases
			 * were skipped when it was kept too; never decoded */
			rc = mutu_errf(err, MUTU_EFAIL, "case %.80s: a kept measure for SOP '%s', which cannot be "
				       "resolved: report with MUTU_REPORT_NO_MEASURES=1", in.key, in.sop ? in.sop : "(none)");
			break;
		}
		if (from_m && (rc = sla_measure_decode(s, &in, &msc, &c, &z, &mfirst, &mlast, err))) {
			*bad_measure = 1;
			break;
		}
		/* the case's span and latest completion: for a measure kept
		 * from it, and for the months it concerns (below) */
		if (!from_m && (sl->mfp || nmonths > 1))
			for (size_t i = 0; i < in.nev; i++) {
				double t0 = in.ev[i].start, t1 = in.ev[i].end;
				if (!isnan(t0)) {
					mfirst = t0 < mfirst ? t0 : mfirst;
					mlast = t0 > mlast ? t0 : mlast;
				}
				if (!isnan(t1)) {
					mfirst = t1 < mfirst ? t1 : mfirst;
					mlast = t1 > mlast ? t1 : mlast;
					if (t1 > mdone || (t1 == mdone && in.ev[i].step > mstep)) {
						mdone = t1;
						mstep = in.ev[i].step;
					}
				}
			}
		/*
		 * Which months the case concerns.  Its span (its own stamps) and
		 * the months' windows: a month whose window ends before the case
		 * begins, or begins after a finished case's last stamp, gets
		 * nothing from it (add_case: not in its trend, days or open
		 * cases); a case wholly before the run's window (the backlog), or
		 * not finished, or not measured, is every later month's too, as
		 * it is in the backlog of a report of that month alone.  One
		 * month: every case read is its own, as it has always been.
		 */
		double first = INFINITY, lastt = -INFINITY;
		if (nmonths > 1) {
			first = mfirst;
			lastt = mlast;
		}
		if (first > lastt) /* no stamp (or one month): every month's */
			first = -INFINITY, lastt = INFINITY;
		int j0 = 0, j1 = nmonths;
		while (j0 < nmonths && first >= acc[j0].to)
			j0++;
		double target = from_m ? c.target : s ? sla_case_target(s, &in) : NAN;
		struct mutu_err e2;
		mutu_err_clear(&e2);
		int cok = from_m ? j0 < nmonths
				 : s && j0 < nmonths &&
					   sla_case_compute(s, in.case_id, in.key, in.ev, in.nev, target, &c, &e2) == 0;
		if (cok && !from_m)
			zone_of(&c, &z);
		if (cok) /* named in the case lists when the run reads several offices */
			c.office = in.office;
		/* kept only for a case a later report reads again: one whose
		 * span reaches the run's first month (a report of that month or
		 * a later one, or this range again, reads it in a month's span),
		 * or whose latest completion is not its model's final step
		 * (every later report reads it among the possibly-open old
		 * cases, store.h open_before); a cold report's window before its
		 * first month holds six times as many cases, which only reports
		 * of earlier months would read.  Open cases too (the comment
		 * above sla_measure_encode): the old ones still open are most of a
		 * warm month's read of events */
		int again = s && (mlast >= acc[0].mfrom || !s->model || s->last_step <= 0 || !sla_sop_final_step(s, mstep));
		if (cok && !from_m && sl->mfp && again) {
			sla_measure_encode(&mb, &c, &z, &in, mfirst, mlast);
			measure_keep(&keep, &mb, in.office, sl->mfp, in.case_id);
		}
		if (cok && c.finished && lastt >= from_read)
			while (j1 > j0 && lastt < acc[j1 - 1].from)
				j1--;
		for (int j = j0; j < j1; j++) {
			acc[j].m->cases_read++;
			acc[j].m->events_read += in.nev;
		}
		if (!s) {
			sl->n++;
			continue;
		}
		int mk = cok ? done_month(&c, &z) : INT_MIN;
		if (cok && mk != INT_MIN && mk - mt0 >= acc[0].k0 && mk - mt0 < nt) {
			trend_add(&sl->rt[mk - mt0], &c);
			trend_add(&ort[mk - mt0], &c);
		}
		/* a finished case gives a month other than its trend row only
		 * while its span reaches into the month (its arrival, days in
		 * progress, completion, or open at the month's end): not a month
		 * whose 1st, less a day, is after its last stamp */
		int jadd = j1;
		if (cok && c.finished && lastt >= from_read)
			while (jadd > j0 && lastt < acc[jadd - 1].mfrom)
				jadd--;
		for (int j = j0; j < j1; j++) {
			struct month_acc *a = &acc[j];
			struct group_x *g = acc_group(a, last, sl);
			count_planned(a->m, &in, target);
			if (!cok) {
				if (g->g.cases_skipped++ == 0) {
					mutu_notes_addf(&a->m->notes, "%s", e2.msg);
					mutu_notes_addf(&a->m->notes_id, "%s", e2.msg); /* errors are English */
				}
				a->office.g.cases_skipped++;
				continue;
			}
			if (j >= jadd) {
				g->g.cases_seen++;
				a->office.g.cases_seen++;
				continue;
			}
			add_case(g, &c, &z, mk, a->year, a->month, 1, &a->m->completion_only);
			add_case(&a->office, &c, &z, mk, a->year, a->month, 0, &a->m->completion_only);
		}
		if (s && j0 < nmonths && !from_m)
			sla_case_release(&c);
	}
	sla_reader_free(r);
	sla_mscratch_release(&msc);
	free(mb.p);
	free(mfp);
	free(mfpv);
	/* each run trend row's median, once */
	for (size_t i = 0; i <= nslots; i++) {
		struct sla_trend *rt = i < nslots ? slots[i].rt : ort;
		for (int t = 0; t < nt; t++) {
			struct sla_stat st = {0};
			stat_finish(&rt[t].lead, &st);
			rt[t].median_s = st.median;
			free(rt[t].lead.v);
			memset(&rt[t].lead, 0, sizeof rt[t].lead);
		}
	}
	free(office1);
	if (rc >= 0) {
		const struct sla_month *hint = NULL; /* the store's hints, asked once */
		for (int j = 0; j < nmonths; j++) {
			struct sla_month *m = acc[j].m;
			m->offices_many = many;
			if (!many) {
				for (size_t q = 0; q < acc[j].ngx; q++)
					slow_unname(&acc[j].gx[q]->g);
				if (acc[j].office_ready)
					slow_unname(&acc[j].office.g);
			}
			if (m->planned_cases)
				continue;
			if (!hint)
				sla_planned_hints(db, m->planned_hints, sizeof m->planned_hints);
			else
				memcpy(m->planned_hints, hint->planned_hints, sizeof m->planned_hints);
			hint = m;
		}
		/* --sop ID of a model with no case in a month's 12 months: its
		 * group all the same, on its own calendar, so that the report
		 * answers for it ("nothing finished") as for any SOP */
		const struct sla_sop *ws = NULL;
		struct mutu_err e3;
		mutu_err_clear(&e3);
		if (sop_id && sla_env_get(env, sop_id, &ws, &e3) == 0 && ws->model)
			for (int j = 0; j < nmonths; j++) {
				struct month_acc *a = &acc[j];
				int have = 0;
				for (size_t q = 0; q < a->ngx && !have; q++)
					have = same_sop(a->gx[q]->g.id, sop_id);
				if (have)
					continue;
				a->gx = mutu_realloc(a->gx, (a->ngx + 1) * sizeof *a->gx);
				struct group_x *g = a->gx[a->ngx++] = mutu_malloc(sizeof *g);
				group_init(g, sop_id, ws, a->year, a->month, ws->cal);
				for (size_t q = 0; q < nslots && !g->rt; q++)
					if (same_sop(slots[q].sop, sop_id))
						g->rt = slots[q].rt;
				if (!a->office_ready) {
					group_init(&a->office, "", NULL, a->year, a->month, NULL);
					a->office_ready = 1;
				}
			}
		for (int j = 0; j < nmonths; j++) {
			acc_finish(&acc[j], &plan, slots, nslots, ort, db, sop_id);
			out[j] = acc[j].m;
			acc[j].m = NULL;
		}
		/* one set of rows to keep: the later months' own rows join the
		 * first month's (one write), and the case measures with them */
		struct sla_month_sums *u = out[0]->sums;
		if (u) {
			u->mmark = keep.mmark;
			u->meas = keep.meas;
			u->nmeas = keep.nmeas;
			u->capmeas = keep.capmeas;
			u->meas_bytes = keep.meas_bytes;
			keep.meas = NULL;
			keep.nmeas = 0;
		}
		for (int j = 1; j < nmonths && u; j++) {
			struct sla_month_sums *v = out[j]->sums;
			if (!v)
				continue;
			u->rows = mutu_realloc(u->rows, (u->n + v->n) * sizeof *u->rows);
			memcpy(u->rows + u->n, v->rows, v->n * sizeof *v->rows);
			u->n += v->n;
			v->n = 0;
		}
	} else {
		for (int j = 0; j < nmonths; j++)
			acc_drop(&acc[j]);
	}
	for (size_t i = 0; i < nslots; i++) {
		free(slots[i].sop);
		free(slots[i].rt);
	}
	free(slots);
	free(ort);
	free(acc);
	plan_release(&plan);
	keep.n = 0;
	for (size_t i = 0; i < keep.nmeas; i++) {
		free((char *)keep.meas[i].office);
		free((char *)keep.meas[i].fp);
		free((unsigned char *)keep.meas[i].blob);
	}
	free(keep.meas);
	return rc < 0 ? rc : 0;
}

/* Widen *last (months since 1970-01 less M0 .. M0 + NM) to the month of every
 * case finished among those whose span reaches from on (NAN: every case),
 * cut exactly as the report cuts them (same clock end, same zone rule). */
enum { LATEST_M0 = 1970 * 12, LATEST_NM = 230 * 12 };

static int latest_scan(struct mutu_store *db, struct sla_env *env, const char *sop_id, double from, int *last,
		       struct mutu_err *skip, struct mutu_err *err)
{
	struct sla_reader *r = NULL;
	int rc = sla_reader_open_period(db, sop_id, from, NAN, sla_env_opts(env)->deadline_col, &r, err);
	if (rc)
		return rc;
	struct sla_case_in in;
	while ((rc = sla_reader_next(r, &in, err)) == 1) {
		const struct sla_sop *s = NULL;
		struct mutu_err e2;
		mutu_err_clear(&e2);
		if (sla_env_get(env, in.sop, &s, &e2) != 0)
			continue; /* the report skips these cases too, with a note */
		struct sla_case c;
		int crc = sla_case_compute(s, in.case_id, in.key, in.ev, in.nev, NAN, &c, &e2);
		if (crc && !skip->code) /* the first case that could not be measured, and why */
			*skip = e2;
		if (crc == 0 && c.finished) {
			int y, mo, d;
			cal_civil_from_days(local_day(c.done, sla_case_offset(&c, c.done)), &y, &mo, &d);
			int k = y * 12 + mo - 1 - LATEST_M0;
			if (k >= 0 && k < LATEST_NM && k > *last)
				*last = k;
		}
		sla_case_release(&c);
	}
	sla_reader_free(r);
	return rc < 0 ? rc : 0;
}

int sla_latest_month(struct mutu_store *db, struct sla_env *env, const char *sop_id, int *year, int *month,
		     struct mutu_err *err)
{
	/*
	 * Months 1970-01 .. 2199-12 that hold a finished case.  Not the whole
	 * store: no case finishes after the store's latest instant (of this
	 * office, store_set_office, and SOP), so the cases whose span reaches
	 * into that instant's month are read first, through the span index,
	 * and the window doubles backwards only while it finds no finished
	 * case late enough to be sure.  A case left out of a window starting
	 * at `from` ended before it: at most 14 hours later in local time
	 * (UTC+14), so with `from` two days before the 1st of month k0 its
	 * local month is k0 - 1 at the latest, and a finished case found in
	 * k0 - 1 or later is the answer.
	 */
	double lt = 0;
	int rc = sla_store_latest_of(db, sop_id, NULL, &lt, NULL, err);
	if (rc < 0 && rc != MUTU_ENOTFOUND)
		return rc;
	int last = -1;
	struct mutu_err skip;
	mutu_err_clear(&skip);
	if (rc == 0) {
		int y, mo, d;
		cal_civil_from_days((int64_t)floor(lt / 86400.0), &y, &mo, &d);
		int kl = y * 12 + mo - 1 - LATEST_M0;
		if (kl >= LATEST_NM)
			kl = LATEST_NM - 1;
		int found = 0;
		for (int back = 0; !found && kl - back > 0; back = back ? 2 * back : 1) {
			int k0 = kl - back, a = k0 + LATEST_M0;
			double from = (double)(cal_days_from_civil(a / 12, a % 12 + 1, 1) - 2) * 86400.0;
			if ((rc = latest_scan(db, env, sop_id, from, &last, &skip, err)))
				return rc;
			found = last >= k0 - 1;
		}
		if (!found && (rc = latest_scan(db, env, sop_id, NAN, &last, &skip, err)))
			return rc;
	}
	if (last < 0 && skip.code) /* cases there, none measurable: say why, not "no case" */
		return mutu_errf(err, skip.code, "no case of the store could be measured to find the latest month: %s",
				 skip.msg);
	if (last < 0)
		return mutu_errf(err, MUTU_ENOTFOUND, "the store has no finished case%s%s: ingest a log with completed "
				 "cases first", sop_id ? " of SOP " : "", sop_id ? sop_id : "");
	/* the latest month that holds a finished case (issue 8): a month
	 * still running is reported as far as it goes */
	*year = (last + LATEST_M0) / 12;
	*month = (last + LATEST_M0) % 12 + 1;
	return 0;
}
