/*
 * plan.c - the cheapest staffing that meets a target (mutu plan): target
 * and range parsing, judging one candidate by simulation, the search over
 * the candidates, the no-queue bound that explains an unreachable target,
 * and the text/JSON rendering.  Built on sim_run only: every figure comes
 * from the scenario's own simulation, with the same seed for every
 * candidate (common random numbers), so two staffings differ by their
 * staffing and not by their luck.
 *
 * Judging a candidate: a sequential check against a standard.
 *   Deciding "meets" from one fixed replication count wastes replications
 * on candidates far from the target and decides close ones on noise.  So
 * every candidate is screened with screen_reps replications, and the
 * count is doubled (screen, 2 screen, 4 screen, ... up to max_reps) only
 * while the Student-t interval of its target value straddles the target:
 * replications go where the decision is close (the allocation idea of
 * OCBA, and the "feasibility determination" procedures of Andradottir and
 * Kim (2010), which screen each system's constraint sequentially, here in
 * their simplest form: a doubling schedule).  Looking L times at growing
 * samples and stopping at the first clear answer would make the error
 * larger than one look's; splitting the error over the L looks
 * (Bonferroni: each look at level 1 - (1 - confidence) / L) keeps the
 * chance of calling a candidate that misses "meets" below (1 - confidence)
 * / 2.  Undecided at max_reps counts as a miss.
 *   Several targets (a service level at two desks, and the share within
 * the ceiling) are judged from the same replications: a candidate misses
 * as soon as one target's interval lies on the wrong side, meets when every
 * one's lies on the right side, and is looked at again while one straddles.
 * A false "meets" needs one target that truly misses to be called met, so
 * the bound above holds for the candidate as it does for that target.
 *
 * The search: staffing is monotone (one more officer never makes a queue
 * longer), so a candidate with no more staff anywhere than one that
 * missed misses too.  The most staff in range is judged first: if it
 * misses, nothing in range meets.  Then each pelaksana's fewest staff that
 * meet with everyone else at the most (bisection) bounds the region from
 * below, and the candidates in that region are judged in order of cost,
 * skipping those dominated by a miss; the first that meets sets the cost,
 * every other candidate of that cost is judged too (the best value wins),
 * and the runner-up is the next that meets without merely adding staff to
 * the answer.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gsl/gsl_cdf.h>

#include "mutu/dur.h"
#include "mutu/plan.h"
#include "mutu/sim.h"

/* Staff given to every pelaksana for the no-queue bound: far more than any
 * office has files at once, so no file ever waits. */
#define PLAN_UNLIMITED 10000

/* ---- parsing ----------------------------------------------------------- */

static void trim_copy(char *dst, size_t n, const char *s, size_t len)
{
	while (len && isspace((unsigned char)*s))
		s++, len--;
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	if (len >= n)
		len = n - 1;
	memcpy(dst, s, len);
	dst[len] = '\0';
}

static int parse_limit(const char *text, const char *dtext, int day_minutes, double *out,
		       struct mutu_err *err)
{
	struct dur d;
	struct mutu_err de;
	mutu_err_clear(&de);
	if (dur_parse(dtext, &d, &de))
		return mutu_errf(err, MUTU_EINPUT, "target \"%s\": %s", text, de.msg);
	*out = (double)dur_to_minutes(d, day_minutes) * 60.0;
	return 0;
}

/* "=SHARE" or ">=SHARE" at p: 0.95, 95%, 0,95; 0 < share <= 1. */
static int parse_share(const char *text, const char *p, double *out, struct mutu_err *err)
{
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '>' && p[1] == '=')
		p += 2;
	else if (*p == '=')
		p++;
	else
		return mutu_errf(err, MUTU_EINPUT, "target \"%s\": expected >=SHARE (or =SHARE) after the name, "
				 "e.g. >=0.95 or >=95%%", text);
	char num[64];
	trim_copy(num, sizeof num, p, strlen(p));
	size_t n = strlen(num);
	int pct = n && num[n - 1] == '%';
	if (pct) {
		num[--n] = '\0';
		while (n && isspace((unsigned char)num[n - 1]))
			num[--n] = '\0';
	}
	for (char *c = num; *c; c++)
		if (*c == ',')
			*c = '.';
	char *end;
	double v = strtod(num, &end);
	if (end == num || *end || !isfinite(v))
		return mutu_errf(err, MUTU_EINPUT, "target \"%s\": the share is a number such as 0.95 or 95%%", text);
	if (pct)
		v /= 100.0;
	if (!(v > 0 && v <= 1))
		return mutu_errf(err, MUTU_EINPUT,
				 "target \"%s\": the share must be above 0 and at most 1 (100%%)", text);
	*out = v;
	return 0;
}

int plan_target_parse(const char *text, int day_minutes, struct plan_target *t,
		      struct mutu_err *err)
{
	static const char forms[] =
		"the forms are within=0.95 (or 95%), p90_lead<=DURATION, "
		"wait_mean(PELAKSANA)<=DURATION and wait_share(PELAKSANA, DURATION)>=SHARE, e.g. "
		"\"wait_mean(Front Office)<=1 Menit\", \"wait_share(Front Office, 1 Jam)>=80%\"";
	memset(t, 0, sizeof *t);
	while (isspace((unsigned char)*text))
		text++;
	if (!strncmp(text, "within", 6)) {
		const char *p = text + 6;
		while (isspace((unsigned char)*p))
			p++;
		if (*p != '=' && !(*p == '>' && p[1] == '='))
			return mutu_errf(err, MUTU_EINPUT, "target \"%s\": expected within=SHARE; %s", text, forms);
		t->kind = PLAN_T_WITHIN;
		return parse_share(text, p, &t->value, err);
	}
	if (!strncmp(text, "wait_share", 10)) {
		/* a service level: wait_share(Front Office, 1 Jam)>=80%, the
		 * share of visits that wait at most 1 Jam at least 80% */
		const char *open = text + 10;
		while (isspace((unsigned char)*open))
			open++;
		const char *close = *open == '(' ? strchr(open, ')') : NULL;
		const char *comma = NULL;
		for (const char *c = open; close && c < close; c++)
			if (*c == ',')
				comma = c;
		if (!close || !comma)
			return mutu_errf(err, MUTU_EINPUT,
					 "target \"%s\": name the pelaksana and the wait, "
					 "wait_share(PELAKSANA, DURATION)>=SHARE; %s", text, forms);
		trim_copy(t->actor, sizeof t->actor, open + 1, (size_t)(comma - open - 1));
		if (!t->actor[0])
			return mutu_errf(err, MUTU_EINPUT, "target \"%s\": the pelaksana's name is empty", text);
		char dtext[128];
		trim_copy(dtext, sizeof dtext, comma + 1, (size_t)(close - comma - 1));
		t->kind = PLAN_T_WAIT_SHARE;
		if (parse_limit(text, dtext, day_minutes, &t->limit, err))
			return MUTU_EINPUT;
		return parse_share(text, close + 1, &t->value, err);
	}
	const char *le = strstr(text, "<=");
	if (!le)
		return mutu_errf(err, MUTU_EINPUT, "target \"%s\" not understood: %s", text, forms);
	if (!strncmp(text, "p90_lead", 8)) {
		const char *p = text + 8;
		while (p < le && isspace((unsigned char)*p))
			p++;
		if (p != le)
			return mutu_errf(err, MUTU_EINPUT, "target \"%s\" not understood: %s", text, forms);
		t->kind = PLAN_T_P90_LEAD;
		return parse_limit(text, le + 2, day_minutes, &t->value, err);
	}
	if (!strncmp(text, "wait_mean", 9)) {
		const char *open = strchr(text, '('), *close = open ? strchr(open, ')') : NULL;
		if (!open || !close || close > le)
			return mutu_errf(err, MUTU_EINPUT,
					 "target \"%s\": name the pelaksana, wait_mean(PELAKSANA)<=DURATION", text);
		trim_copy(t->actor, sizeof t->actor, open + 1, (size_t)(close - open - 1));
		if (!t->actor[0])
			return mutu_errf(err, MUTU_EINPUT, "target \"%s\": the pelaksana's name is empty", text);
		t->kind = PLAN_T_WAIT_MEAN;
		return parse_limit(text, le + 2, day_minutes, &t->value, err);
	}
	return mutu_errf(err, MUTU_EINPUT, "target \"%s\" not understood: %s", text, forms);
}

static int parse_int(const char *s, const char *e, long *out)
{
	char buf[32];
	trim_copy(buf, sizeof buf, s, (size_t)(e - s));
	char *end;
	long v = strtol(buf, &end, 10);
	if (end == buf || *end)
		return -1;
	*out = v;
	return 0;
}

int plan_var_parse(const char *text, struct plan_var *v, struct mutu_err *err)
{
	memset(v, 0, sizeof *v);
	const char *eq = strrchr(text, '=');
	const char *dots = eq ? strstr(eq, "..") : NULL;
	long lo, hi;
	if (!eq || !dots || parse_int(eq + 1, dots, &lo) || parse_int(dots + 2, dots + 2 + strlen(dots + 2), &hi))
		return mutu_errf(err, MUTU_EINPUT,
				 "--vary \"%s\": expected PELAKSANA=LO..HI with whole numbers, e.g. \"Front Office=1..4\"",
				 text);
	trim_copy(v->name, sizeof v->name, text, (size_t)(eq - text));
	if (!v->name[0])
		return mutu_errf(err, MUTU_EINPUT, "--vary \"%s\": the pelaksana's name is empty", text);
	if (lo < 1 || hi < lo || hi > PLAN_MAX_STAFF)
		return mutu_errf(err, MUTU_EINPUT,
				 "--vary \"%s\": the range must be 1 <= LO <= HI <= %d (got %ld..%ld)", text,
				 PLAN_MAX_STAFF, lo, hi);
	v->lo = (int)lo;
	v->hi = (int)hi;
	v->cost = 1;
	v->actor = -1;
	return 0;
}

int plan_cost_parse(const char *text, char *name, size_t n, double *cost, struct mutu_err *err)
{
	const char *eq = strrchr(text, '=');
	if (!eq)
		return mutu_errf(err, MUTU_EINPUT, "--cost \"%s\": expected PELAKSANA=COST, e.g. \"Dinas Teknis=2.5\"",
				 text);
	trim_copy(name, n, text, (size_t)(eq - text));
	char num[64];
	trim_copy(num, sizeof num, eq + 1, strlen(eq + 1));
	for (char *c = num; *c; c++)
		if (*c == ',')
			*c = '.';
	char *end;
	double v = strtod(num, &end);
	if (!name[0] || end == num || *end || !(v > 0 && v <= PLAN_MAX_COST))
		return mutu_errf(err, MUTU_EINPUT,
				 "--cost \"%s\": the cost per head is a number above 0 and at most 1e9, after a "
				 "pelaksana's name", text);
	*cost = v;
	return 0;
}

int plan_targets_from_scenario(const struct sim_scenario *sc, struct plan_target *t, size_t max,
			       size_t *n, struct mutu_err *err)
{
	*n = 0;
	for (size_t a = 0; a < sim_scenario_nactors(sc); a++) {
		int line = 0;
		double p = sim_scenario_wait_target(sc, a, &line);
		if (!(p > 0))
			continue;
		if (*n == max)
			return mutu_errf(err, MUTU_EINPUT, "%s:%d: more than %zu targets (wait_target=, within_target =); "
					 "a plan meets at most %d at once", sim_scenario_path(sc) ? sim_scenario_path(sc) : "-",
					 line, max, PLAN_MAX_TARGETS);
		struct plan_target *x = &t[(*n)++];
		memset(x, 0, sizeof *x);
		x->kind = PLAN_T_WAIT_SHARE;
		x->value = p;
		x->limit = sim_scenario_wait_limit(sc, a);
		snprintf(x->actor, sizeof x->actor, "%s", sim_scenario_actor_title(sc, a));
		x->line = line;
	}
	for (size_t s = 0; s < sim_scenario_nsops(sc); s++) {
		double p = sim_scenario_sop_within_target(sc, s);
		if (!(p > 0))
			continue;
		if (*n == max)
			return mutu_errf(err, MUTU_EINPUT, "%s: more than %zu targets (wait_target=, within_target =); "
					 "a plan meets at most %d at once", sim_scenario_path(sc) ? sim_scenario_path(sc) : "-",
					 max, PLAN_MAX_TARGETS);
		struct plan_target *x = &t[(*n)++];
		memset(x, 0, sizeof *x);
		x->kind = PLAN_T_WITHIN;
		x->value = p;
		snprintf(x->sop, sizeof x->sop, "%s", sim_scenario_sop_id(sc, s));
	}
	return 0;
}

void plan_opts_init(struct plan_opts *o)
{
	memset(o, 0, sizeof *o);
	o->confidence = 0.95;
	o->screen_reps = 10;
	o->max_reps = 80;
}

/* ---- the target's value in one replication ----------------------------- */

struct reader {
	int higher;       /* a higher value is better (share) */
	int *idx;         /* metric indices */
	int *widx;        /* WAIT_MEAN: arrivals metric of the step's SOP */
	double *wvis;     /* WAIT_MEAN: expected visits of the step per file */
	size_t n;
};

static void reader_release(struct reader *rd)
{
	free(rd->idx);
	free(rd->widx);
	free(rd->wvis);
	memset(rd, 0, sizeof *rd);
}

static int find_key(const struct sim_results *res, struct mutu_err *err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int find_key(const struct sim_results *res, struct mutu_err *err, const char *fmt, ...)
{
	char key[200];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(key, sizeof key, fmt, ap);
	va_end(ap);
	int i = sim_results_find(res, key);
	if (i < 0)
		mutu_errf(err, MUTU_EFAIL, "internal: the simulation has no metric %s", key);
	return i;
}

static void reader_push(struct reader *rd, int idx, int widx, double wvis)
{
	rd->idx = mutu_realloc(rd->idx, (rd->n + 1) * sizeof *rd->idx);
	rd->widx = mutu_realloc(rd->widx, (rd->n + 1) * sizeof *rd->widx);
	rd->wvis = mutu_realloc(rd->wvis, (rd->n + 1) * sizeof *rd->wvis);
	rd->idx[rd->n] = idx;
	rd->widx[rd->n] = widx;
	rd->wvis[rd->n] = wvis;
	rd->n++;
}

/* Where the target's value lies in the results of sc (the layout is the
 * same for every candidate). */
static int reader_init(struct reader *rd, const struct sim_scenario *sc, const struct sim_results *res,
		       const struct plan_target *t, int sop, int actor, struct mutu_err *err)
{
	memset(rd, 0, sizeof *rd);
	size_t ns = sim_scenario_nsops(sc);
	if (t->kind == PLAN_T_WITHIN) {
		rd->higher = 1;
		int any = 0;
		for (size_t s = 0; s < ns; s++)
			if ((sop < 0 || (size_t)sop == s) && sim_scenario_sop_ceiling(sc, s) > 0)
				any = 1;
		if (!any)
			return mutu_errf(err, MUTU_EINPUT,
					 "target within: %s no SOP ceiling (the model's total waktu or declared "
					 "ceiling): use p90_lead<=DURATION instead",
					 sop < 0 ? "the scenario's SOPs have" : "this SOP has");
		int i = sop < 0 ? find_key(res, err, "all/within")
				: find_key(res, err, "sop/%s/within", sim_scenario_sop_id(sc, (size_t)sop));
		if (i < 0)
			return MUTU_EFAIL;
		reader_push(rd, i, -1, 0);
		return 0;
	}
	if (t->kind == PLAN_T_P90_LEAD) {
		for (size_t s = 0; s < ns; s++) {
			if (sop >= 0 && (size_t)sop != s)
				continue;
			int i = find_key(res, err, "sop/%s/lead_p90", sim_scenario_sop_id(sc, s));
			if (i < 0) {
				reader_release(rd);
				return MUTU_EFAIL;
			}
			reader_push(rd, i, -1, 0);
		}
		return 0;
	}
	if (t->kind == PLAN_T_WAIT_SHARE) {
		/* the kernel counts it per pelaksana (plan_run set the limit) */
		rd->higher = 1;
		int i = find_key(res, err, "actor/%s/wait_within", sim_scenario_actor_name(sc, (size_t)actor));
		if (i < 0)
			return MUTU_EFAIL;
		reader_push(rd, i, -1, 0);
		return 0;
	}
	/* WAIT_MEAN: the pelaksana's steps, weighted by how many files visit
	 * them (arrivals of the SOP x expected visits of the step), so the
	 * value is the mean wait of a visit to that pelaksana */
	for (size_t s = 0; s < ns; s++) {
		if (sop >= 0 && (size_t)sop != s)
			continue;
		size_t nk = sim_scenario_nsteps(sc, s);
		double *v = mutu_calloc(nk + 1, sizeof *v);
		int vr = sim_scenario_expected_visits(sc, s, v);
		for (size_t k = 0; k < nk && !vr; k++) {
			int no, a;
			sim_scenario_step(sc, s, k, &no, &a, NULL);
			if (a != actor)
				continue;
			int i = find_key(res, err, "step/%s/%d/wait_mean", sim_scenario_sop_id(sc, s), no);
			int w = find_key(res, err, "sop/%s/arrivals", sim_scenario_sop_id(sc, s));
			if (i < 0 || w < 0) {
				free(v);
				reader_release(rd);
				return MUTU_EFAIL;
			}
			reader_push(rd, i, w, v[k]);
		}
		free(v);
	}
	if (!rd->n)
		return mutu_errf(err, MUTU_EINPUT,
				 "target wait_mean(%s): no step %s is done by this pelaksana", t->actor,
				 sop < 0 ? "of the scenario" : "of this SOP");
	return 0;
}

static double reader_value(const struct reader *rd, const struct sim_results *res, int rep)
{
	const double *row = res->values + (size_t)rep * res->nmetric;
	if (rd->widx[0] < 0 && rd->n == 1)
		return row[rd->idx[0]];
	if (rd->widx[0] < 0) {
		/* office p90: the worst SOP's, so that every SOP keeps 90% of its
		 * files within the limit (and so the office as a whole too) */
		double worst = NAN;
		for (size_t i = 0; i < rd->n; i++)
			if (!isnan(row[rd->idx[i]]) && (isnan(worst) || row[rd->idx[i]] > worst))
				worst = row[rd->idx[i]];
		return worst;
	}
	double sum = 0, wsum = 0;
	for (size_t i = 0; i < rd->n; i++) {
		double x = row[rd->idx[i]], w = row[rd->widx[i]] * rd->wvis[i];
		if (!isnan(x) && w > 0) {
			sum += w * x;
			wsum += w;
		}
	}
	return wsum > 0 ? sum / wsum : NAN;
}

/* ---- judging one candidate --------------------------------------------- */

struct search {
	struct sim_scenario *sc;
	const struct plan_opts *o;
	struct plan_result *r;
	struct reader rd[PLAN_MAX_TARGETS]; /* per target (r->targets) */
	int have_reader;
	int actor[PLAN_MAX_TARGETS]; /* WAIT_MEAN's and WAIT_SHARE's actor, else -1 */
	int looks;           /* doublings from screen to max, plus one */
	double dec_level;    /* level of each look's interval */
	double *util;        /* nactors */
	size_t ngrid;
	int *slot;           /* grid index -> index in r->cands, -1 unknown */
	size_t ncap;
};

static void decode(const struct search *S, size_t idx, int *staff)
{
	for (size_t i = 0; i < S->r->nvar; i++) {
		int span = S->r->vars[i].hi - S->r->vars[i].lo + 1;
		staff[i] = S->r->vars[i].lo + (int)(idx % (size_t)span);
		idx /= (size_t)span;
	}
}

static double cost_of(const struct plan_result *r, const int *staff)
{
	double c = 0;
	for (size_t i = 0; i < r->nvar; i++)
		c += r->vars[i].cost * staff[i];
	return c;
}

static int run_reps(struct search *S, int n, struct sim_results **res, struct mutu_err *err)
{
	struct sim_options so = {0};
	so.replications = n;
	so.seed = S->r->seed;
	so.has_seed = 1;
	so.threads = S->o->threads;
	int rc = sim_run(S->sc, &so, res, err);
	if (!rc)
		S->r->replications += n;
	return rc;
}

/* Where every target's value lies in res (once: the layout is the same
 * for every candidate). */
static int readers_init(struct search *S, const struct sim_results *res, struct mutu_err *err)
{
	if (S->have_reader)
		return 0;
	const struct plan_result *r = S->r;
	for (size_t t = 0; t < r->ntarget; t++) {
		int rc = reader_init(&S->rd[t], S->sc, res, &r->targets[t], r->tsop[t], S->actor[t], err);
		if (rc) {
			while (t--)
				reader_release(&S->rd[t]);
			return rc;
		}
	}
	S->have_reader = 1;
	return 0;
}

/* One target's verdict from its decision interval d; *open: undecided
 * and worth more replications (a value that is not a number, such as no
 * file finished, stays undecided whatever the count). */
static enum plan_status verdict(const struct reader *rd, const struct stats_ci *d, double t, int *open)
{
	*open = 0;
	if (d->n < 2 || isnan(d->mean))
		return PLAN_UNDECIDED;
	if (rd->higher ? d->lo >= t : d->hi <= t)
		return PLAN_MEETS;
	if (rd->higher ? d->hi < t : d->lo > t)
		return PLAN_MISSES;
	*open = 1;
	return PLAN_UNDECIDED;
}

/* Judge the candidate at grid index idx (cached); *st receives its status. */
static int judge(struct search *S, size_t idx, enum plan_status *st, struct mutu_err *err)
{
	struct plan_result *r = S->r;
	if (S->slot[idx] >= 0) {
		*st = r->cands[S->slot[idx]].status;
		return 0;
	}
	struct plan_cand c;
	memset(&c, 0, sizeof c);
	decode(S, idx, c.staff);
	c.cost = cost_of(r, c.staff);
	c.bottleneck = -1;
	for (size_t t = 0; t < PLAN_MAX_TARGETS; t++)
		c.values[t].mean = c.values[t].lo = c.values[t].hi = NAN;
	for (size_t i = 0; i < r->nvar; i++)
		sim_scenario_set_servers(S->sc, (size_t)r->vars[i].actor, c.staff[i]);
	int worst = sim_scenario_offered_load(S->sc, S->util);
	if (worst >= 0) {
		/* a queue that grows without limit has no steady answer: this
		 * staffing is out, whatever the target */
		c.status = PLAN_INFEASIBLE;
		for (size_t t = 0; t < r->ntarget; t++)
			c.tstatus[t] = PLAN_INFEASIBLE;
		c.bottleneck = worst;
		c.util = S->util[worst];
		r->infeasible++;
	} else {
		int n = S->o->screen_reps;
		size_t mr = (size_t)S->o->max_reps;
		double *vals = mutu_calloc(mr * r->ntarget, sizeof *vals);
		struct sim_results *res = NULL;
		for (;;) {
			int rc = run_reps(S, n, &res, err);
			if (!rc)
				rc = readers_init(S, res, err);
			if (rc) {
				sim_results_free(res);
				free(vals);
				return rc;
			}
			/* every target at once: the staffing meets when each
			 * meets, misses as soon as one misses, and is looked at
			 * again while some is still undecided and none misses */
			int any_miss = 0, any_undecided = 0, any_open = 0, any_stuck = 0;
			for (size_t t = 0; t < r->ntarget; t++) {
				for (int k = 0; k < n; k++)
					vals[t * mr + (size_t)k] = reader_value(&S->rd[t], res, k);
				struct stats_ci d;
				int open;
				stats_ci_compute(vals + t * mr, (size_t)n, 1, S->dec_level, &d);
				c.tstatus[t] = verdict(&S->rd[t], &d, r->targets[t].value, &open);
				any_miss |= c.tstatus[t] == PLAN_MISSES;
				any_undecided |= c.tstatus[t] == PLAN_UNDECIDED;
				any_open |= open;
				any_stuck |= c.tstatus[t] == PLAN_UNDECIDED && !open;
			}
			c.status = any_miss ? PLAN_MISSES : any_undecided ? PLAN_UNDECIDED : PLAN_MEETS;
			if (c.status != PLAN_UNDECIDED || !any_open || any_stuck || n >= S->o->max_reps)
				break;
			sim_results_free(res);
			res = NULL;
			n = n * 2 < S->o->max_reps ? n * 2 : S->o->max_reps;
		}
		c.nrep = n;
		for (size_t t = 0; t < r->ntarget; t++) {
			struct stats_ci *v = &c.values[t];
			stats_ci_compute(vals + t * mr, (size_t)n, 1, r->confidence, v);
			/* the t interval knows no bounds; a share is at most 1 and no
			 * value (share or time) below 0: 0.9998 [0.9994 .. 1.0002]
			 * reads as 1.0002 possible.  The verdict above is unchanged:
			 * a bound beyond the range is on the same side of any target */
			if (v->lo < 0)
				v->lo = 0;
			if ((r->targets[t].kind == PLAN_T_WITHIN || r->targets[t].kind == PLAN_T_WAIT_SHARE) &&
			    v->hi > 1)
				v->hi = 1;
		}
		c.value = c.values[0];
		free(vals);
		/* the busiest pelaksana at this staffing: where the next officer helps */
		for (size_t i = 0; i < res->nmetric; i++) {
			const struct sim_metric *m = &res->metrics[i];
			if (m->scope == SIM_S_ACTOR && !strcmp(m->field, "util") &&
			    (c.bottleneck < 0 || res->ci[i].mean > c.util)) {
				c.bottleneck = m->actor;
				c.util = res->ci[i].mean;
			}
		}
		sim_results_free(res);
		r->simulated++;
	}
	if (r->ncand == S->ncap) {
		S->ncap = S->ncap ? 2 * S->ncap : 16;
		r->cands = mutu_realloc(r->cands, S->ncap * sizeof *r->cands);
	}
	r->cands[r->ncand] = c;
	S->slot[idx] = (int)r->ncand++;
	*st = c.status;
	return 0;
}

static size_t encode(const struct search *S, const int *staff)
{
	size_t idx = 0, mul = 1;
	for (size_t i = 0; i < S->r->nvar; i++) {
		int span = S->r->vars[i].hi - S->r->vars[i].lo + 1;
		idx += (size_t)(staff[i] - S->r->vars[i].lo) * mul;
		mul *= (size_t)span;
	}
	return idx;
}

/* ---- the no-queue bound ------------------------------------------------ */

static double dist_mean(const struct sim_dist *d)
{
	return d->kind == SIM_TRIANGULAR ? (d->min + d->mode + d->max) / 3 : d->mean;
}

/* P(one draw of d > x), from the distribution itself (no sampling). */
static double dist_over(const struct sim_dist *d, double x)
{
	switch (d->kind) {
	case SIM_FIXED:
		break;
	case SIM_EXPONENTIAL:
		return d->mean > 0 ? exp(-x / d->mean) : 0;
	case SIM_LOGNORMAL:
		if (d->cv > 0) {
			double s2 = log1p(d->cv * d->cv);
			return gsl_cdf_lognormal_Q(x, log(d->mean) - s2 / 2, sqrt(s2));
		}
		break;
	case SIM_GAMMA:
		if (d->cv > 0) {
			double c2 = d->cv * d->cv;
			return gsl_cdf_gamma_Q(x, 1.0 / c2, d->mean * c2);
		}
		break;
	case SIM_WEIBULL:
		if (d->shape > 0 && d->scale > 0)
			return x <= 0 ? 1 : gsl_cdf_weibull_Q(x, d->scale, d->shape);
		break;
	case SIM_EMPIRICAL:
		/* the kernel's inverse CDF: linear between quantiles at
		 * probabilities 0, 1/(nq-1), ..., 1 */
		if (d->nq >= 2) {
			if (x < d->q[0])
				return 1;
			if (x >= d->q[d->nq - 1])
				return 0;
			int i = 0;
			while (i + 2 < d->nq && x >= d->q[i + 1])
				i++;
			double span = d->q[i + 1] - d->q[i];
			double f = (i + (span > 0 ? (x - d->q[i]) / span : 1)) / (d->nq - 1);
			return 1 - f;
		}
		break;
	case SIM_TRIANGULAR: {
		double a = d->min, b = d->max, c = d->mode;
		if (x <= a)
			return 1;
		if (x >= b)
			return 0;
		return x <= c ? 1 - (x - a) * (x - a) / ((b - a) * (c - a))
			      : (b - x) * (b - x) / ((b - a) * (b - c));
	}
	}
	/* the same 1e-6 s of slack as the kernel's ceiling check */
	return d->mean > x + 1e-6 ? 1 : 0;
}

/*
 * The target with no waiting at all: every pelaksana staffed without limit,
 * simulated with max_reps replications (the same seed), so the bound has
 * the kernel's own semantics (calendar, rework, time with the applicant
 * paused).  The step named as the cause is the one whose mean time per
 * file (rework included) is the largest part of its SOP's threshold.
 */
static int no_queue_bound(struct search *S, struct mutu_err *err)
{
	struct plan_result *r = S->r;
	struct plan_cause *cz = &r->cause;
	size_t na = sim_scenario_nactors(S->sc);
	for (size_t a = 0; a < na; a++)
		sim_scenario_set_servers(S->sc, a, PLAN_UNLIMITED);
	struct sim_results *res = NULL;
	int rc = run_reps(S, S->o->max_reps, &res, err);
	if (!rc)
		rc = readers_init(S, res, err);
	if (rc) {
		sim_results_free(res);
		return rc;
	}
	double *vals = mutu_calloc((size_t)res->nrep, sizeof *vals);
	cz->target = -1;
	for (size_t t = 0; t < r->ntarget; t++) {
		for (int k = 0; k < res->nrep; k++)
			vals[k] = reader_value(&S->rd[t], res, k);
		stats_ci_compute(vals, (size_t)res->nrep, 1, r->confidence, &cz->bounds[t]);
		double v = r->targets[t].value, m = cz->bounds[t].mean;
		if (cz->target < 0 && (isnan(m) || (S->rd[t].higher ? m < v : m > v)))
			cz->target = (int)t;
	}
	free(vals);
	sim_results_free(res);
	cz->computed = 1;
	r->unlimited_misses = cz->target >= 0;
	if (cz->target < 0)
		cz->target = 0;
	cz->bound = cz->bounds[cz->target];
	const struct plan_target *tg = &r->targets[cz->target];
	int tsop = r->tsop[cz->target];
	double t = tg->value;
	cz->sop = -1;
	cz->step_over = NAN;
	if (tg->kind == PLAN_T_WAIT_MEAN || tg->kind == PLAN_T_WAIT_SHARE)
		return 0; /* with unlimited staff nobody waits: no step to blame */
	double best = -1;
	for (size_t s = 0; s < sim_scenario_nsops(S->sc); s++) {
		if (tsop >= 0 && (size_t)tsop != s)
			continue;
		double thr = tg->kind == PLAN_T_WITHIN ? sim_scenario_sop_ceiling(S->sc, s) : t;
		if (!(thr > 0))
			continue;
		size_t nk = sim_scenario_nsteps(S->sc, s);
		double *v = mutu_calloc(nk + 1, sizeof *v);
		/* the lead time stops at the office's last step: the applicant's
		 * collection after it takes nothing from the threshold */
		int endk = sim_scenario_step_pos(S->sc, s, sim_scenario_sop_end_step(S->sc, s));
		size_t upto = endk >= 0 ? (size_t)endk + 1 : nk;
		/* and starts at the end of the acceptance check: the applicant's
		 * submission and the check before it take nothing either */
		int cs = sim_scenario_sop_start_step(S->sc, s);
		int startk = cs > 0 ? sim_scenario_step_pos(S->sc, s, cs) : -1;
		size_t from = startk >= 0 && (size_t)startk + 1 < upto ? (size_t)startk + 1 : 0;
		if (sim_scenario_expected_visits(S->sc, s, v) == 0) {
			for (size_t k = from; k < upto; k++) {
				int no, a;
				struct sim_dist d;
				sim_scenario_step(S->sc, s, k, &no, &a, &d);
				double time = v[k] * dist_mean(&d);
				if (time / thr > best) {
					best = time / thr;
					cz->sop = (int)s;
					cz->step_no = no;
					cz->actor = a;
					cz->step_time = time;
					cz->step_over = dist_over(&d, thr);
					cz->threshold = thr;
				}
			}
		}
		free(v);
	}
	return 0;
}

/* ---- the search -------------------------------------------------------- */

struct order_item {
	size_t idx;
	double cost;
	int heads;
};

static int cmp_order(const void *pa, const void *pb)
{
	const struct order_item *a = pa, *b = pb;
	if (a->cost != b->cost)
		return a->cost < b->cost ? -1 : 1;
	if (a->heads != b->heads)
		return a->heads < b->heads ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* Has x no more staff anywhere than some candidate that did not meet? */
static int dominated_by_miss(const struct search *S, const int *x)
{
	const struct plan_result *r = S->r;
	for (size_t c = 0; c < r->ncand; c++) {
		if (r->cands[c].status == PLAN_MEETS)
			continue;
		size_t i = 0;
		while (i < r->nvar && x[i] <= r->cands[c].staff[i])
			i++;
		if (i == r->nvar)
			return 1;
	}
	return 0;
}

/* Has x at least a's staff everywhere? */
static int dominates(const struct plan_result *r, const int *x, const int *a)
{
	for (size_t i = 0; i < r->nvar; i++)
		if (x[i] < a[i])
			return 0;
	return 1;
}

/* Equally cheap staffings: the better value of the first target wins. */
static int better(const struct search *S, const struct plan_cand *a, const struct plan_cand *b)
{
	return S->rd[0].higher ? a->value.mean > b->value.mean : a->value.mean < b->value.mean;
}

static int search(struct search *S, struct mutu_err *err)
{
	struct plan_result *r = S->r;
	size_t nv = r->nvar;
	int top[PLAN_MAX_VARS], low[PLAN_MAX_VARS], x[PLAN_MAX_VARS];
	for (size_t i = 0; i < nv; i++) {
		top[i] = r->vars[i].hi;
		low[i] = r->vars[i].lo;
	}
	enum plan_status st;
	int rc = judge(S, encode(S, top), &st, err);
	if (rc)
		return rc;
	if (S->o->exhaustive) {
		/* brute force judges everything, even when the top misses */
		enum plan_status sx;
		for (size_t idx = 0; idx < S->ngrid; idx++)
			if ((rc = judge(S, idx, &sx, err)))
				return rc;
	}
	if (st != PLAN_MEETS)
		return no_queue_bound(S, err);
	r->reachable = 1;
	if (!S->o->exhaustive) {
		/* each pelaksana's fewest staff that meet with everyone else at
		 * the most: below it nothing meets (monotone) */
		for (size_t i = 0; i < nv; i++) {
			int lo = r->vars[i].lo, hi = r->vars[i].hi;
			memcpy(x, top, sizeof x);
			while (lo < hi) {
				x[i] = lo + (hi - lo) / 2;
				if ((rc = judge(S, encode(S, x), &st, err)))
					return rc;
				if (st == PLAN_MEETS)
					hi = x[i];
				else
					lo = x[i] + 1;
			}
			low[i] = lo;
		}
	}
	/* the region at or above low, cheapest first */
	struct order_item *ord = mutu_calloc(S->ngrid, sizeof *ord);
	size_t n = 0;
	for (size_t idx = 0; idx < S->ngrid; idx++) {
		decode(S, idx, x);
		size_t i = 0;
		int heads = 0;
		while (i < nv && x[i] >= low[i])
			heads += x[i++];
		if (i < nv)
			continue;
		ord[n].idx = idx;
		ord[n].cost = cost_of(r, x);
		ord[n].heads = heads;
		n++;
	}
	qsort(ord, n, sizeof *ord, cmp_order);
	/* runner-up: the next cheapest staffing that meets and is not the
	 * answer plus more staff (an alternative, not "one more officer");
	 * only when every other one that meets is, the cheapest of those.
	 * Those are known to meet (monotone): only the first is simulated,
	 * for its value */
	int chosen = -1, alt = -1, more = -1;
	double cstar = 0;
	for (size_t k = 0; k < n; k++) {
		int above = chosen >= 0 && ord[k].cost > cstar * (1 + 1e-12);
		if (above && alt >= 0)
			break;
		decode(S, ord[k].idx, x);
		if (!S->o->exhaustive && S->slot[ord[k].idx] < 0 && dominated_by_miss(S, x))
			continue;
		if (above && dominates(r, x, r->cands[chosen].staff)) {
			if (more < 0) {
				if ((rc = judge(S, ord[k].idx, &st, err)))
					break;
				if (st == PLAN_MEETS)
					more = S->slot[ord[k].idx];
			}
			continue;
		}
		if ((rc = judge(S, ord[k].idx, &st, err)))
			break;
		if (st != PLAN_MEETS)
			continue;
		int c = S->slot[ord[k].idx];
		if (chosen < 0) {
			chosen = c;
			cstar = ord[k].cost;
		} else if (!above) {
			/* equally cheap: the better value is the answer */
			if (better(S, &r->cands[c], &r->cands[chosen])) {
				alt = chosen;
				chosen = c;
			} else if (alt < 0 || better(S, &r->cands[c], &r->cands[alt])) {
				alt = c;
			}
		} else {
			alt = c;
		}
	}
	if (rc) {
		free(ord);
		return rc;
	}
	r->runner_up = alt >= 0 ? alt : more;
	r->runner_up_more = alt < 0 && more >= 0;
	free(ord);
	r->chosen = chosen;
	return 0;
}

int plan_run(struct sim_scenario *sc, const struct plan_opts *o, struct plan_result **out,
	     struct mutu_err *err)
{
	*out = NULL;
	if (o->nvar < 1 || o->nvar > PLAN_MAX_VARS)
		return mutu_errf(err, MUTU_EINPUT, "give 1 to %d pelaksana to vary (got %zu)", PLAN_MAX_VARS,
				 o->nvar);
	if (!(o->confidence >= 0.5 && o->confidence <= 0.999))
		return mutu_errf(err, MUTU_EINPUT, "the confidence must be 0.5 .. 0.999 (got %g)", o->confidence);
	if (o->screen_reps < 2 || o->screen_reps > 1000 || o->max_reps < o->screen_reps || o->max_reps > 10000)
		return mutu_errf(err, MUTU_EINPUT,
				 "replications: the screen must be 2..1000 and the maximum screen..10000 "
				 "(got %d and %d)", o->screen_reps, o->max_reps);
	if (o->nmore > PLAN_MAX_TARGETS - 1)
		return mutu_errf(err, MUTU_EINPUT, "at most %d targets at once (got %zu)", PLAN_MAX_TARGETS,
				 o->nmore + 1);
	struct plan_result *r = mutu_calloc(1, sizeof *r);
	r->target = o->target;
	r->targets[0] = o->target;
	for (size_t t = 0; t < o->nmore; t++)
		r->targets[t + 1] = o->more[t];
	r->ntarget = 1 + o->nmore;
	r->confidence = o->confidence;
	r->chosen = r->runner_up = -1;
	r->sop = -1;
	r->seed = o->has_seed ? o->seed : sim_scenario_seed(sc);
	r->nvar = o->nvar;
	struct search S;
	memset(&S, 0, sizeof S);
	S.sc = sc;
	S.o = o;
	S.r = r;
	for (size_t t = 0; t < PLAN_MAX_TARGETS; t++)
		S.actor[t] = -1;
	int rc = 0;
	struct mutu_buf known;
	mutu_buf_init(&known);
	for (size_t a = 0; a < sim_scenario_nactors(sc); a++)
		mutu_buf_printf(&known, "%s%s", a ? ", " : "", sim_scenario_actor_title(sc, a));
	if (o->sop) {
		for (size_t s = 0; s < sim_scenario_nsops(sc); s++)
			if (!strcmp(sim_scenario_sop_id(sc, s), o->sop))
				r->sop = (int)s;
		if (r->sop < 0) {
			struct mutu_buf ids;
			mutu_buf_init(&ids);
			for (size_t s = 0; s < sim_scenario_nsops(sc); s++)
				mutu_buf_printf(&ids, "%s%s", s ? ", " : "", sim_scenario_sop_id(sc, s));
			rc = mutu_errf(err, MUTU_EINPUT, "--sop %s: the scenario has no such SOP (SOPs: %s)",
				       o->sop, ids.s);
			mutu_buf_release(&ids);
			goto out;
		}
	}
	/* the kernel counts waits within a limit only where one is set: set
	 * exactly those of the wait_share targets (a scenario's own
	 * wait_target= the command line replaced costs nothing then) */
	for (size_t a = 0; a < sim_scenario_nactors(sc); a++)
		sim_scenario_set_wait_limit(sc, a, -1);
	for (size_t t = 0; t < r->ntarget; t++) {
		const struct plan_target *tg = &r->targets[t];
		const char *what = tg->kind == PLAN_T_WAIT_SHARE ? "wait_share" : "wait_mean";
		r->tsop[t] = r->sop;
		if (tg->kind == PLAN_T_WITHIN && tg->sop[0]) {
			r->tsop[t] = sim_scenario_find_sop(sc, tg->sop);
			if (r->tsop[t] < 0) {
				rc = mutu_errf(err, MUTU_EINPUT, "target within of SOP %s: the scenario has no such SOP",
					       tg->sop);
				goto out;
			}
		}
		if (tg->kind != PLAN_T_WAIT_MEAN && tg->kind != PLAN_T_WAIT_SHARE)
			continue;
		S.actor[t] = sim_scenario_find_actor(sc, tg->actor);
		if (S.actor[t] < 0) {
			rc = mutu_errf(err, MUTU_EINPUT,
				       "target %s(%s): no pelaksana of that name in [staff] (pelaksana: %s)", what,
				       tg->actor, known.s);
			goto out;
		}
		if (tg->kind != PLAN_T_WAIT_SHARE)
			continue;
		double have = sim_scenario_wait_limit(sc, (size_t)S.actor[t]);
		if (have >= 0 && fabs(have - tg->limit) > 1e-6) {
			/* one count per pelaksana in the kernel: one limit */
			rc = mutu_errf(err, MUTU_EINPUT,
				       "target wait_share(%s): a second wait limit at the same pelaksana; give one "
				       "wait_share target per pelaksana",
				       tg->actor);
			goto out;
		}
		sim_scenario_set_wait_limit(sc, (size_t)S.actor[t], tg->limit);
	}
	double grid = 1;
	for (size_t i = 0; i < o->nvar; i++) {
		r->vars[i] = o->vars[i];
		if (r->vars[i].lo < 1 || r->vars[i].hi < r->vars[i].lo || r->vars[i].hi > PLAN_MAX_STAFF ||
		    !(r->vars[i].cost > 0 && r->vars[i].cost <= PLAN_MAX_COST)) {
			rc = mutu_errf(err, MUTU_EINPUT, "--vary %s: range %d..%d or cost %g outside 1..%d, 0..1e9",
				       r->vars[i].name, r->vars[i].lo, r->vars[i].hi, r->vars[i].cost,
				       PLAN_MAX_STAFF);
			goto out;
		}
		int a = sim_scenario_find_actor(sc, r->vars[i].name);
		if (a < 0) {
			rc = mutu_errf(err, MUTU_EINPUT,
				       "--vary %s: no pelaksana of that name in the scenario's [staff] (pelaksana: %s)",
				       r->vars[i].name, known.s);
			goto out;
		}
		for (size_t j = 0; j < i; j++)
			if (r->vars[j].actor == a) {
				rc = mutu_errf(err, MUTU_EINPUT, "--vary %s: the pelaksana is varied twice (also as %s)",
					       r->vars[i].name, r->vars[j].name);
				goto out;
			}
		r->vars[i].actor = a;
		grid *= r->vars[i].hi - r->vars[i].lo + 1;
	}
	if (grid > PLAN_MAX_GRID) {
		rc = mutu_errf(err, MUTU_ERANGE,
			       "the ranges hold %.0f staffings, more than %d: narrow the --vary ranges", grid,
			       PLAN_MAX_GRID);
		goto out;
	}
	S.ngrid = (size_t)grid;
	r->grid = S.ngrid;
	S.slot = mutu_calloc(S.ngrid, sizeof *S.slot);
	for (size_t i = 0; i < S.ngrid; i++)
		S.slot[i] = -1;
	S.util = mutu_calloc(sim_scenario_nactors(sc) + 1, sizeof *S.util);
	S.looks = 1;
	for (int n = o->screen_reps; n < o->max_reps; n *= 2)
		S.looks++;
	S.dec_level = 1 - (1 - o->confidence) / S.looks;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rc = search(&S, err);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	r->wall_seconds = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
out:
	mutu_buf_release(&known);
	free(S.slot);
	free(S.util);
	if (S.have_reader)
		for (size_t t = 0; t < r->ntarget; t++)
			reader_release(&S.rd[t]);
	if (rc) {
		plan_result_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

void plan_result_free(struct plan_result *r)
{
	if (!r)
		return;
	free(r->cands);
	free(r);
}
