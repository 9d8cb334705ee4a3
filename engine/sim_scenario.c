/*
 * sim_scenario.c - scenarios: the builder used by tests and benchmarks,
 * the compile step that turns dates into working seconds, the INI loader
 * (libinih, with a line-counting reader so every error names file:line)
 * and the offered-load check that refuses rates no staff can meet, with
 * the notes on stretches it averages away (a staffing period, Ramadan's
 * shorter days) that carry 100% or more.
 */
#include "sim_int.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ini.h>

#include "mutu/dur.h"
#include "mutu/sop.h"

/* ---- builder ----------------------------------------------------------- */

struct sim_scenario *sim_scenario_create(const struct cal *cal, double start, double end)
{
	struct sim_scenario *sc = mutu_calloc(1, sizeof *sc);
	sc->cal = cal;
	sc->start = start;
	sc->end = end;
	sc->warmup = start;
	sc->replications = 10;
	sc->seed = 1;
	sc->day_minutes = cal ? cal_day_minutes(cal) : 450;
	sc->sample_every = cal ? sc->day_minutes * 60.0 : 8 * 3600.0;
	sc->nlevels = 1;
	sc->quantiles = 1;
	return sc;
}

void sim_scenario_free(struct sim_scenario *sc)
{
	if (!sc)
		return;
	for (int a = 0; a < sc->nactors; a++) {
		free(sc->actors[a].name);
		free(sc->actors[a].title);
		free(sc->actors[a].changes);
		free(sc->actors[a].batch_w);
		free(sc->actors[a].batch_t);
		cal_free(sc->actors[a].cal_owned);
	}
	free(sc->actors);
	for (int s = 0; s < sc->nsops; s++) {
		struct sim_sop *so = &sc->sops[s];
		for (int k = 0; k < so->nsteps; k++)
			free(so->steps[k].activity), free(so->steps[k].automatic);
		free(so->steps);
		free(so->id);
		free(so->name);
		free(so->replay_w);
		free(so->replay_t);
		if (sc->models)
			sop_model_free(sc->models[s]);
	}
	free(sc->models);
	free(sc->sops);
	for (int i = 0; i < sc->nstreams; i++)
		free(sc->stream_names[i]);
	free(sc->stream_names);
	free(sc->day_w);
	free(sc->day_t);
	free(sc->day_u);
	free(sc->day_scale);
	free(sc->path);
	free(sc->open);
	cal_free(sc->cal_owned);
	free(sc);
}

void sim_scenario_set_warmup(struct sim_scenario *sc, double warmup_until)
{
	sc->warmup = warmup_until;
}

void sim_scenario_set_replications(struct sim_scenario *sc, int n)
{
	sc->replications = n;
}

void sim_scenario_set_seed(struct sim_scenario *sc, uint64_t seed)
{
	sc->seed = seed;
}

void sim_scenario_set_quantiles(struct sim_scenario *sc, int on)
{
	sc->quantiles = on != 0;
}

void sim_scenario_set_sample_every(struct sim_scenario *sc, double work_seconds)
{
	sc->sample_every = work_seconds;
}

int sim_stream_add(struct sim_scenario *sc, const char *fmt, ...)
{
	struct mutu_buf b;
	va_list ap;
	mutu_buf_init(&b);
	va_start(ap, fmt);
	mutu_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	sc->stream_names = mutu_realloc(sc->stream_names, (size_t)(sc->nstreams + 1) * sizeof(char *));
	sc->stream_names[sc->nstreams] = mutu_buf_detach(&b);
	mutu_buf_release(&b); /* detach leaves b initialised */
	return sc->nstreams++;
}

int sim_scenario_add_actor(struct sim_scenario *sc, const char *name, int servers)
{
	sc->actors = mutu_realloc(sc->actors, (size_t)(sc->nactors + 1) * sizeof *sc->actors);
	struct sim_actor *a = &sc->actors[sc->nactors];
	memset(a, 0, sizeof *a);
	a->name = mutu_strdup(name);
	a->changes = mutu_calloc(1, sizeof *a->changes);
	a->changes[0].servers = servers;
	a->changes[0].instant = sc->start;
	a->nchanges = 1;
	a->wait_lim = -1;
	a->stream_absence = sim_stream_add(sc, "absence:%s", name);
	return sc->nactors++;
}

void sim_scenario_set_actor_calendar(struct sim_scenario *sc, int actor, const struct cal *cal)
{
	sc->actors[actor].cal = cal;
}

int sim_scenario_add_sop(struct sim_scenario *sc, const char *id, double rate,
			 double ceiling_seconds)
{
	sc->sops = mutu_realloc(sc->sops, (size_t)(sc->nsops + 1) * sizeof *sc->sops);
	struct sim_sop *so = &sc->sops[sc->nsops];
	memset(so, 0, sizeof *so);
	so->id = mutu_strdup(id);
	so->name = mutu_strdup(id);
	so->arr = SIM_ARR_WORK;
	so->rate = rate;
	so->ceiling = ceiling_seconds;
	for (int i = 0; i < 7; i++)
		so->weekday[i] = 1;
	for (int i = 0; i < 24; i++)
		so->hour[i] = 1;
	so->profile_max = 1;
	so->profile_mean = 1;
	so->stream_arrivals = sim_stream_add(sc, "arrivals:%s", id);
	return sc->nsops++;
}

int sim_scenario_add_step(struct sim_scenario *sc, int sop, int no, const char *activity,
			  int actor, struct sim_dist service)
{
	struct sim_sop *so = &sc->sops[sop];
	so->steps = mutu_realloc(so->steps, (size_t)(so->nsteps + 1) * sizeof *so->steps);
	struct sim_step *st = &so->steps[so->nsteps];
	memset(st, 0, sizeof *st);
	st->no = no;
	st->activity = mutu_strdup(activity ? activity : "");
	st->actor = actor;
	st->service = service;
	st->reject_to = -1;
	st->wait_lim = actor >= 0 ? sc->actors[actor].wait_lim : -1;
	st->resubmit.kind = SIM_FIXED;
	st->stream_service = sim_stream_add(sc, "service:%s:%d", so->id, no);
	st->stream_reject = sim_stream_add(sc, "rework:%s:%d", so->id, no);
	return so->nsteps++;
}

int sim_scenario_replications(const struct sim_scenario *sc) { return sc->replications; }
uint64_t sim_scenario_seed(const struct sim_scenario *sc) { return sc->seed; }
const char *sim_scenario_path(const struct sim_scenario *sc) { return sc->path; }
const struct sop_model *sim_scenario_sop_model(const struct sim_scenario *sc, size_t i)
{
	return sc->models && i < (size_t)sc->nsops ? sc->models[i] : NULL;
}
const struct cal *sim_scenario_cal(const struct sim_scenario *sc) { return sc->cal; }
int sim_scenario_day_minutes(const struct sim_scenario *sc) { return sc->day_minutes; }
size_t sim_scenario_nsops(const struct sim_scenario *sc) { return (size_t)sc->nsops; }
int sim_scenario_sop_end_step(const struct sim_scenario *sc, size_t i)
{
	const struct sim_sop *so = &sc->sops[i];
	return sc->compiled && so->nsteps > 0 ? so->steps[so->end_pos].no : 0;
}
int sim_scenario_sop_start_step(const struct sim_scenario *sc, size_t i)
{
	const struct sim_sop *so = &sc->sops[i];
	return sc->compiled && so->start_pos >= 0 ? so->steps[so->start_pos].no : 0;
}
double sim_scenario_sop_ceiling(const struct sim_scenario *sc, size_t i)
{
	return sc->sops[i].ceiling;
}

const char *sim_scenario_sop_id(const struct sim_scenario *sc, size_t i) { return sc->sops[i].id; }
const char *sim_scenario_sop_name(const struct sim_scenario *sc, size_t i) { return sc->sops[i].name; }
size_t sim_scenario_nactors(const struct sim_scenario *sc) { return (size_t)sc->nactors; }
const char *sim_scenario_actor_name(const struct sim_scenario *sc, size_t i) { return sc->actors[i].name; }
const char *sim_scenario_actor_title(const struct sim_scenario *sc, size_t i)
{
	return sc->actors[i].title ? sc->actors[i].title : sc->actors[i].name;
}

void sim_scenario_window(const struct sim_scenario *sc, double *start, double *warmup, double *end)
{
	if (start)
		*start = sc->start;
	if (warmup)
		*warmup = sc->warmup > sc->start ? sc->warmup : sc->start;
	if (end)
		*end = sc->end;
}

/* ---- compile ----------------------------------------------------------- */

static int cmp_int_desc(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x < y) - (x > y);
}

/* Local midnight instants of the working days in [start, end). */
static int working_days(const struct sim_scenario *sc, double **out)
{
	int n = 0, cap = 0;
	double *d = NULL;
	if (!sc->cal) {
		for (double t = sc->start; t < sc->end; t += 86400.0) {
			if (n == cap)
				d = mutu_realloc(d, (size_t)(cap = cap ? cap * 2 : 64) * sizeof *d);
			d[n++] = t;
		}
		*out = d;
		return n;
	}
	int off = cal_utc_offset(sc->cal);
	int64_t first = (int64_t)floor((sc->start + off) / 86400.0);
	int64_t last = (int64_t)floor((sc->end - 1 + off) / 86400.0);
	for (int64_t day = first; day <= last; day++) {
		if (cal_day_kind(sc->cal, day, NULL) != 0)
			continue;
		if (n == cap)
			d = mutu_realloc(d, (size_t)(cap = cap ? cap * 2 : 64) * sizeof *d);
		d[n++] = (double)day * 86400.0 - off;
	}
	*out = d;
	return n;
}

/*
 * The run's working days (days, nd from working_days) as sc->day_w/day_t,
 * and the arrivals' day clock over them (sim_day_clock in sim_int.h):
 * day_u, day_scale, uend.  Needs wbase and wend.
 */
static void lay_out_days(struct sim_scenario *sc, const double *days, int nd)
{
	free(sc->day_w);
	free(sc->day_t);
	free(sc->day_u);
	free(sc->day_scale);
	sc->day_u = sc->day_scale = NULL;
	sc->day_w = mutu_malloc((size_t)(nd + 1) * sizeof *sc->day_w);
	sc->day_t = mutu_malloc((size_t)(nd + 1) * sizeof *sc->day_t);
	sc->ndays = 0;
	for (int i = 0; i < nd; i++) {
		double t = days[i] > sc->start ? days[i] : sc->start;
		double w = sim_work(sc, t);
		if (w < sc->wend && (sc->ndays == 0 || w > sc->day_w[sc->ndays - 1])) {
			sc->day_t[sc->ndays] = t;
			sc->day_w[sc->ndays++] = w;
		}
	}
	sc->uend = sc->wend;
	if (!sc->cal || sc->ndays == 0)
		return;
	double std = sc->day_minutes * 60.0, u = 0;
	int odd = 0;
	int off = cal_utc_offset(sc->cal);
	sc->day_u = mutu_malloc((size_t)sc->ndays * sizeof *sc->day_u);
	sc->day_scale = mutu_malloc((size_t)sc->ndays * sizeof *sc->day_scale);
	for (int i = 0; i < sc->ndays; i++) {
		int st[16], en[16];
		int n = cal_day_hours(sc->cal, (int64_t)floor((sc->day_t[i] + off) / 86400.0), st, en, 16);
		double full = 0;
		for (int j = 0; j < n; j++)
			full += en[j] - st[j];
		double wlen = (i + 1 < sc->ndays ? sc->day_w[i + 1] : sc->wend) - sc->day_w[i];
		/* a day the table cannot read (none in a built calendar) counts
		 * as a standard one */
		sc->day_scale[i] = full > 0 && std > 0 ? full / std : 1.0;
		sc->day_u[i] = u;
		u += wlen / sc->day_scale[i];
		odd |= sc->day_scale[i] != 1.0;
	}
	sc->uend = u;
	if (!odd) { /* standard days only: the day clock is working time, exactly */
		free(sc->day_u);
		free(sc->day_scale);
		sc->day_u = sc->day_scale = NULL;
		sc->uend = sc->wend;
	}
}

/* Calendar months the run covers, a month it cuts pro rata by its share
 * of that month's seconds (local time of the calendar's zone). */
static double run_months(const struct sim_scenario *sc)
{
	int off = sc->cal ? cal_utc_offset(sc->cal) : 0;
	double t = sc->start, months = 0;
	while (t < sc->end) {
		int y, m, d;
		cal_civil_from_days((int64_t)floor((t + off) / 86400.0), &y, &m, &d);
		double ms = (double)cal_days_from_civil(y, m, 1) * 86400.0 - off;
		double me = (double)cal_days_from_civil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) * 86400.0 - off;
		double e = me < sc->end ? me : sc->end;
		months += (e - t) / (me - ms);
		t = e;
	}
	return months;
}

/* The integral of a profile's factor over [a, b) seconds after local
 * midnight of a day whose weekday is wd (0 = Monday). */
static double profile_over(const struct sim_sop *so, int wd, double a, double b)
{
	double s = 0;
	for (int h = 0; h < 24; h++) {
		double lo = a > h * 3600.0 ? a : h * 3600.0, hi = b < (h + 1) * 3600.0 ? b : (h + 1) * 3600.0;
		if (hi > lo)
			s += so->hour[h] * (hi - lo);
	}
	return so->weekday[wd] * s;
}

/*
 * so->profile_mean: the mean of weekday x hour factor over the clock the
 * SOP's arrivals are drawn on, which thinning turns into the expected
 * count (rate x mean x the clock's length), and so the offered load.
 * Arrivals around the clock (and working time without a calendar): over
 * the run's seconds.  Arrivals in working time: each working day weighs by
 * its length on the day clock (lay_out_days), and within it the factor
 * is averaged over that day's own office hours.  (This was the mean over
 * Monday-Friday 08:00-16:00 whatever the calendar: an office open 07:00-
 * 15:00 with a peak at 07-09 was taken for 94% loaded where it is 113%,
 * and a 24x7 portal with a day-time peak for 150% where it is 83%.)
 */
static void profile_means(struct sim_scenario *sc)
{
	int off = sc->cal ? cal_utc_offset(sc->cal) : 0;
	for (int s = 0; s < sc->nsops; s++) {
		struct sim_sop *so = &sc->sops[s];
		so->profile_mean = 1;
		if (!so->has_profile || so->arr == SIM_ARR_REPLAY)
			continue;
		double sum = 0, len = 0;
		if (so->arr == SIM_ARR_REAL || !sc->cal || sc->ndays == 0) {
			double a = sc->start + off, b = sc->end + off;
			for (int64_t d = (int64_t)floor(a / 86400.0); d * 86400.0 < b; d++) {
				double lo = a - d * 86400.0, hi = b - d * 86400.0;
				sum += profile_over(so, sim_weekday(d), lo > 0 ? lo : 0, hi < 86400 ? hi : 86400);
			}
			len = b - a;
		} else {
			for (int i = 0; i < sc->ndays; i++) {
				int64_t d = (int64_t)floor((sc->day_t[i] + off) / 86400.0);
				int st[16], en[16];
				int n = cal_day_hours(sc->cal, d, st, en, 16);
				double f = 0, full = 0;
				for (int j = 0; j < n; j++) {
					f += profile_over(so, sim_weekday(d), st[j], en[j]);
					full += en[j] - st[j];
				}
				double ulen = (i + 1 < sc->ndays ? sc->day_w[i + 1] : sc->wend) - sc->day_w[i];
				if (sc->day_scale)
					ulen /= sc->day_scale[i];
				/* a day the table cannot read (none in a built calendar):
				 * its weekday's mean over the whole day */
				sum += ulen * (full > 0 ? f / full : profile_over(so, sim_weekday(d), 0, 86400) / 86400);
				len += ulen;
			}
		}
		if (len > 0)
			so->profile_mean = sum / len;
	}
}

/*
 * Where SOP s's SLA clock starts and stops, by the rules the reports use,
 * so a simulated lead time and within share are the ones the monthly
 * report will show.  It starts at the end of the acceptance check
 * (sop_clock_start_step, also called by sla.c: the model's [sla]
 * clock_start, else its first step with a reject_to), or at the arrival
 * when the model names none; a scenario built in code has no model and
 * starts it at the arrival.  It stops at the office's last step
 * (sop_office_end, also called by sla.c).  The applicant's steps are
 * those the kernel runs as the applicant's: no staff and not a system's
 * own step (sop_actor_is_applicant of the role, load_sop); the rule falls
 * back to the last step when every office step lies before the start.
 */
static void office_end(struct sim_scenario *sc, int s)
{
	struct sim_sop *so = &sc->sops[s];
	const struct sop_model *m = sc->models ? sc->models[s] : NULL;
	size_t n = (size_t)so->nsteps;
	int *no = mutu_malloc((n + 1) * sizeof *no);
	unsigned char *app = mutu_malloc(n + 1);
	for (size_t k = 0; k < n; k++) {
		no[k] = so->steps[k].no;
		app[k] = so->steps[k].actor == SIM_PEMOHON && !so->steps[k].automatic;
	}
	int start = sop_clock_start_step(m);
	int end = sop_office_end(n, no, app, start);
	so->start_pos = -1;
	so->end_pos = n ? (int)n - 1 : 0;
	for (size_t k = 0; k < n; k++) {
		if (no[k] == start)
			so->start_pos = (int)k;
		if (no[k] == end)
			so->end_pos = (int)k;
	}
	free(no);
	free(app);
}

int sim_scenario_compile(struct sim_scenario *sc, struct mutu_err *err)
{
	if (!(sc->end > sc->start))
		return mutu_errf(err, MUTU_EINPUT, "the run ends before it starts");
	if (sc->cal) {
		double first, end;
		cal_range(sc->cal, &first, &end);
		if (sc->start < first || sc->end > end)
			return mutu_errf(err, MUTU_ERANGE,
					 "the run (%.0f..%.0f) lies outside the years calendar %s covers",
					 sc->start, sc->end, cal_name(sc->cal));
		/* the run's years now, before replication threads share the
		 * calendar (a lookup past them would build them then, cal.h) */
		int rc = cal_prepare(sc->cal, sc->start, sc->end, err);
		if (rc)
			return rc;
		sc->wbase = cal_work_at(sc->cal, sc->start);
	}
	sc->wall = sc->cal && cal_always_open(sc->cal);
	sc->wend = sim_work(sc, sc->end);
	sc->wwarm = sc->warmup > sc->start ? sim_work(sc, sc->warmup) : 0;
	if (sc->wend <= 0)
		return mutu_errf(err, MUTU_EINPUT, "the run holds no working time");
	sc->multi = 0;
	for (int a = 0; a < sc->nactors; a++) {
		const struct cal *ac = sc->actors[a].cal;
		if (!ac)
			continue;
		double first, end;
		cal_range(ac, &first, &end);
		if (sc->start < first || sc->end > end)
			return mutu_errf(err, MUTU_ERANGE,
					 "%s: the run (%.0f..%.0f) lies outside the years calendar %s covers",
					 sc->actors[a].name, sc->start, sc->end, cal_name(ac));
		int rc = cal_prepare(ac, sc->start, sc->end, err);
		if (rc)
			return rc;
		sc->multi = 1;
	}

	/* priority levels: distinct priorities, highest first */
	int *pr = mutu_malloc((size_t)(sc->nsops + 1) * sizeof *pr);
	for (int s = 0; s < sc->nsops; s++)
		pr[s] = sc->sops[s].priority;
	qsort(pr, (size_t)sc->nsops, sizeof *pr, cmp_int_desc);
	int nl = 0;
	for (int s = 0; s < sc->nsops; s++)
		if (nl == 0 || pr[nl - 1] != pr[s])
			pr[nl++] = pr[s];
	sc->nlevels = nl ? nl : 1;
	for (int s = 0; s < sc->nsops; s++)
		for (int l = 0; l < nl; l++)
			if (pr[l] == sc->sops[s].priority)
				sc->sops[s].plevel = l;
	free(pr);

	sc->nsteps = 0;
	for (int s = 0; s < sc->nsops; s++)
		for (int k = 0; k < sc->sops[s].nsteps; k++)
			sc->sops[s].steps[k].gidx = sc->nsteps++;
	for (int s = 0; s < sc->nsops; s++)
		office_end(sc, s);
	sim_scenario_sync_wait_limits(sc);

	double *days = NULL;
	int nd = working_days(sc, &days);
	lay_out_days(sc, days, nd);
	profile_means(sc);
	for (int a = 0; a < sc->nactors; a++) {
		struct sim_actor *ac = &sc->actors[a];
		for (int c = 1; c < ac->nchanges; c++)
			ac->changes[c].w = sim_work(sc, ac->changes[c].instant);
		free(ac->batch_w);
		free(ac->batch_t);
		ac->batch_w = ac->batch_t = NULL;
		ac->nbatch = 0;
		if (!ac->batch)
			continue;
		ac->batch_w = mutu_malloc((size_t)(nd + 1) * sizeof *ac->batch_w);
		ac->batch_t = mutu_malloc((size_t)(nd + 1) * sizeof *ac->batch_t);
		for (int i = 0; i < nd; i++) {
			double t = days[i] + ac->batch_minute * 60.0;
			if (t < sc->start)
				continue;
			double w = sim_work(sc, t);
			if (w < sc->wend) {
				ac->batch_t[ac->nbatch] = t;
				ac->batch_w[ac->nbatch++] = w;
			}
		}
	}
	free(days);
	sc->compiled = 1;
	return 0;
}

/* ---- offered load ------------------------------------------------------ */

/*
 * Expected visits of each step per file, from the routing matrix.  After
 * step k the file goes back to step r_k with probability p_k, else on to
 * k+1 (or out after the last step), so the visits solve
 *     v_j = [j = 0] + (1 - p_{j-1}) v_{j-1} + sum over k with r_k = j of p_k v_k,
 * i.e. (I - P') v = e_0.  The product of 1/(1-p) over the loops around a
 * step (what this used to compute) is exact only for loops that nest or
 * stand apart: for two crossing loops (3 -> 1 and 4 -> 2, p = q = 1/2) it
 * gave step 1 two visits where it gets three.  Gaussian elimination with
 * partial pivoting; n is a few dozen steps at most.
 */
int sim_scenario_expected_visits(const struct sim_scenario *sc, size_t sop, double *v)
{
	const struct sim_sop *so = &sc->sops[sop];
	int n = so->nsteps;
	if (n == 0)
		return 0;
	double *a = mutu_calloc((size_t)n * (size_t)n, sizeof *a);
#define A(i, j) a[(size_t)(i) * (size_t)n + (size_t)(j)]
	for (int j = 0; j < n; j++) {
		A(j, j) = 1;
		v[j] = j == 0;
	}
	for (int k = 0; k < n; k++) {
		const struct sim_step *st = &so->steps[k];
		double p = st->reject > 0 && st->reject_to >= 0 && st->reject_to < n ? st->reject : 0;
		if (k + 1 < n)
			A(k + 1, k) -= 1 - p;
		if (p > 0)
			A(st->reject_to, k) -= p;
	}
	int rc = 0;
	for (int c = 0; c < n && !rc; c++) {
		int piv = c;
		for (int i = c + 1; i < n; i++)
			if (fabs(A(i, c)) > fabs(A(piv, c)))
				piv = i;
		/* a loop left with probability 0 (p = 1): no finite answer */
		if (!(fabs(A(piv, c)) > 1e-300)) {
			rc = MUTU_EINPUT;
			break;
		}
		if (piv != c) {
			for (int j = 0; j < n; j++) {
				double t = A(c, j);
				A(c, j) = A(piv, j);
				A(piv, j) = t;
			}
			double t = v[c];
			v[c] = v[piv];
			v[piv] = t;
		}
		for (int i = c + 1; i < n; i++) {
			double f = A(i, c) / A(c, c);
			if (f == 0)
				continue;
			for (int j = c; j < n; j++)
				A(i, j) -= f * A(c, j);
			v[i] -= f * v[c];
		}
	}
	if (!rc)
		for (int i = n - 1; i >= 0; i--) {
			double s = v[i];
			for (int j = i + 1; j < n; j++)
				s -= A(i, j) * v[j];
			v[i] = s / A(i, i);
			/* round-off can leave -0 or a visit a hair below 1 */
			if (!(v[i] >= 0) || !isfinite(v[i]))
				rc = MUTU_EINPUT;
		}
	if (rc)
		for (int j = 0; j < n; j++)
			v[j] = INFINITY;
#undef A
	free(a);
	return rc;
}

static double sop_rate_work(const struct sim_scenario *sc, const struct sim_sop *so)
{
	double mean_factor = so->has_profile ? so->profile_mean : 1;
	switch (so->arr) {
	case SIM_ARR_WORK:
		/* drawn on the day clock: per working second on average */
		return so->rate * mean_factor * (sc->uend > 0 && sc->wend > 0 ? sc->uend / sc->wend : 1.0);
	case SIM_ARR_REAL:
		return so->rate * mean_factor * (sc->end - sc->start) / sc->wend;
	case SIM_ARR_REPLAY:
		return (double)so->nreplay / sc->wend;
	}
	return 0;
}

/* Work offered to each actor per working second of the office, averaged
 * over the run: rate x expected visits x mean service, summed over SOPs. */
static void actor_demand(const struct sim_scenario *sc, double *util)
{
	for (int a = 0; a < sc->nactors; a++)
		util[a] = 0;
	for (int s = 0; s < sc->nsops; s++) {
		const struct sim_sop *so = &sc->sops[s];
		double *v = mutu_malloc((size_t)(so->nsteps + 1) * sizeof *v);
		sim_scenario_expected_visits(sc, (size_t)s, v);
		double rate = sop_rate_work(sc, so);
		for (int k = 0; k < so->nsteps; k++)
			if (so->steps[k].actor >= 0)
				util[so->steps[k].actor] += rate * v[k] * so->steps[k].service.mean;
		free(v);
	}
}

/* Working seconds a staffing period offers per staff member, and the
 * office's working seconds it spans (they differ for an actor on its own
 * calendar, an 08:00-12:00 loket offering about half an office day). */
static void period_work(const struct sim_scenario *sc, const struct sim_actor *ac, int c,
			double *own, double *office)
{
	double w0 = ac->changes[c].w;
	double w1 = c + 1 < ac->nchanges ? ac->changes[c + 1].w : sc->wend;
	*office = w1 > w0 ? w1 - w0 : 0;
	if (ac->cal) {
		double t1 = c + 1 < ac->nchanges ? ac->changes[c + 1].instant : sc->end;
		w0 = cal_work_at(ac->cal, c ? ac->changes[c].instant : sc->start);
		w1 = cal_work_at(ac->cal, t1);
	}
	*own = w1 > w0 ? w1 - w0 : 0;
}

int sim_scenario_offered_load(const struct sim_scenario *sc, double *util)
{
	int worst = -1;
	actor_demand(sc, util);
	for (int a = 0; a < sc->nactors; a++) {
		const struct sim_actor *ac = &sc->actors[a];
		/* staff averaged over the run's working time, net of absence;
		 * an actor on its own calendar offers the working time of that
		 * calendar (an 08:00-12:00 loket about half an office day) */
		double staff = 0;
		for (int c = 0; c < ac->nchanges; c++) {
			double own, office;
			period_work(sc, ac, c, &own, &office);
			staff += ac->changes[c].servers * own;
		}
		staff = staff / sc->wend * (1 - ac->absent);
		util[a] = staff > 0 ? util[a] / staff : (util[a] > 0 ? INFINITY : 0);
		if (util[a] >= 1 && worst < 0)
			worst = a;
	}
	return worst;
}

/* "2025-07" for the month holding instant t in the office's local time. */
static void local_month(const struct sim_scenario *sc, double t, char *buf, size_t n)
{
	int y, m, d;
	cal_civil_from_days((int64_t)floor((t + cal_utc_offset(sc->cal)) / 86400.0), &y, &m, &d);
	snprintf(buf, n, "%04d-%02d", y, m);
}

/* "2025-03", or "2025-03 to 2025-04" when t0 and t1 fall in two months:
 * the span an overload note names */
static void month_range(const struct sim_scenario *sc, double t0, double t1, char *buf, size_t n)
{
	char m0[16], m1[16];
	local_month(sc, t0, m0, sizeof m0);
	local_month(sc, t1, m1, sizeof m1);
	if (strcmp(m0, m1) == 0)
		snprintf(buf, n, "%s", m0);
	else
		snprintf(buf, n, "%s to %s", m0, m1);
}

/*
 * The run-wide check above averages staff over the run, so "1, 3 from
 * 2025-07-01" at 1,3 files a day of 1 Hari each passes at 65% while the
 * first half runs at 130% and its queue grows all spring.  Staffing that
 * changes is a documented use (leave months, a hire), so this is a
 * warning, not a refusal: one note per period whose own staff cannot
 * carry the run's average demand, naming its months.  Arrival profiles
 * (busier months) are not split by period: the demand is the run's mean.
 */
/* Shortest run of consecutive short working days short_days_overload
 * speaks of: a working week.  A lone short day (a Friday closing at
 * 11:00 in an office's own calendar, a local closure at noon) adds less
 * than a day's queue that the next full days absorb; a month of Ramadan
 * hours does not. */
#define SHORT_DAYS_MIN 5

/*
 * The same blind spot for the calendar's shorter days.  `per hari` brings
 * as many files to a 6.5 h Ramadan day as to a 7.5 h one (README, Rates:
 * applicants come by the day), and arrivals around the clock bring a
 * day's files whatever the hours, so in such days the offered load per
 * working hour is 450/390 = 1.154 times the run's: an officer at 92% over
 * the year carries 106% through Ramadan and its queue grows for a month
 * (the run-wide check averages it away: it counts the run's files over
 * the run's working time).  One note per run of SHORT_DAYS_MIN or more
 * consecutive working days shorter than day_minutes whose load, at the
 * staff scheduled then (net of absence), is 100% or more: that run's
 * files (working-time arrivals: the day clock's length of those days;
 * around the clock: the real time from the first day's start to the next
 * working day's; replayed: those whose time falls in it) x expected visits
 * x mean service, over the staff's working time in it.  Profiles count at
 * their mean over the run, as above.  A pelaksana on its own calendar
 * works its own hours, not the office's shorter ones: left out.
 * avg: the run-wide loads (sim_scenario_offered_load); those at or above
 * 1 are refused as a whole and left out too.  Returns the notes added.
 */
static size_t short_days_overload(const struct sim_scenario *sc, const double *avg,
				  struct mutu_notes *notes)
{
	if (!sc->day_scale || sc->nactors == 0)
		return 0;
	size_t added = 0;
	double *dem = mutu_malloc((size_t)sc->nactors * sizeof *dem);
	double std = sc->day_minutes * 60.0;
	for (int i = 0, j; i < sc->ndays; i = j + 1) {
		j = i;
		if (!(sc->day_scale[i] < 1))
			continue;
		while (j + 1 < sc->ndays && sc->day_scale[j + 1] < 1)
			j++;
		int ndays = j - i + 1;
		if (ndays < SHORT_DAYS_MIN)
			continue;
		double w0 = sc->day_w[i], w1 = j + 1 < sc->ndays ? sc->day_w[j + 1] : sc->wend;
		/* around the clock: the files of the short days' dates and of the
		 * nights, weekends and holidays before each of them (those after
		 * the last one go to the next, full day) */
		double t0 = i > 0 ? sc->day_t[i - 1] + 86400.0 : sc->start;
		if (t0 > sc->day_t[i])
			t0 = sc->day_t[i];
		double t1 = sc->day_t[j] + 86400.0;
		if (j + 1 < sc->ndays && sc->day_t[j + 1] < t1)
			t1 = sc->day_t[j + 1];
		if (t1 > sc->end)
			t1 = sc->end;
		double W = w1 - w0, ulen = 0;
		if (!(W > 0))
			continue;
		for (int k = i; k <= j; k++)
			ulen += ((k + 1 < sc->ndays ? sc->day_w[k + 1] : sc->wend) - sc->day_w[k]) /
				sc->day_scale[k];
		for (int a = 0; a < sc->nactors; a++)
			dem[a] = 0;
		for (int s = 0; s < sc->nsops; s++) {
			const struct sim_sop *so = &sc->sops[s];
			double mf = so->has_profile ? so->profile_mean : 1, rate = 0;
			if (so->arr == SIM_ARR_WORK)
				rate = so->rate * mf * ulen / W;
			else if (so->arr == SIM_ARR_REAL)
				rate = so->rate * mf * (t1 - t0) / W;
			else {
				size_t n = 0;
				for (size_t k = 0; k < so->nreplay; k++)
					n += so->replay_w[k] >= w0 && so->replay_w[k] < w1;
				rate = (double)n / W;
			}
			double *v = mutu_malloc((size_t)(so->nsteps + 1) * sizeof *v);
			sim_scenario_expected_visits(sc, (size_t)s, v);
			for (int k = 0; k < so->nsteps; k++)
				if (so->steps[k].actor >= 0)
					dem[so->steps[k].actor] += rate * v[k] * so->steps[k].service.mean;
			free(v);
		}
		for (int a = 0; a < sc->nactors; a++) {
			const struct sim_actor *ac = &sc->actors[a];
			if (ac->cal || !(avg[a] < 1) || !(dem[a] > 0))
				continue;
			double staff = 0; /* scheduled, averaged over [w0, w1) */
			for (int c = 0; c < ac->nchanges; c++) {
				double c0 = ac->changes[c].w;
				double c1 = c + 1 < ac->nchanges ? ac->changes[c + 1].w : sc->wend;
				double lo = c0 > w0 ? c0 : w0, hi = c1 < w1 ? c1 : w1;
				if (hi > lo)
					staff += ac->changes[c].servers * (hi - lo);
			}
			staff /= W;
			double present = staff * (1 - ac->absent);
			double u = present > 0 ? dem[a] / present : INFINITY;
			if (!(u >= 1))
				continue;
			char range[40];
			month_range(sc, t0, sc->day_t[j], range, sizeof range);
			mutu_notes_addf(notes,
					"%s: %.3g staff carry an offered load of %.0f%% in the %d shorter "
					"working days of %s (%.2f h a day against %.2f h, Ramadan hours or "
					"the like, with as many files a day; %.0f%% averaged over the run): "
					"files queue up in those days and the run's averages hide it; add "
					"staff for those days or read the per-month results",
					ac->name, staff, 100 * u, ndays, range, W / ndays / 3600.0,
					std / 3600.0, 100 * avg[a]);
			added++;
		}
	}
	free(dem);
	return added;
}

size_t sim_scenario_overload_periods(const struct sim_scenario *sc, struct mutu_notes *notes)
{
	size_t added = 0;
	double *dem = mutu_calloc((size_t)sc->nactors + 1, sizeof *dem);
	double *avg = mutu_calloc((size_t)sc->nactors + 1, sizeof *avg);
	actor_demand(sc, dem);
	sim_scenario_offered_load(sc, avg);
	for (int a = 0; a < sc->nactors; a++) {
		const struct sim_actor *ac = &sc->actors[a];
		if (ac->nchanges < 2 || !(avg[a] < 1))
			continue; /* constant staff, or already refused as a whole */
		for (int c = 0; c < ac->nchanges; c++) {
			double own, office;
			period_work(sc, ac, c, &own, &office);
			if (!(office > 0))
				continue;
			double staff = ac->changes[c].servers * own / office * (1 - ac->absent);
			double u = staff > 0 ? dem[a] / staff : (dem[a] > 0 ? INFINITY : 0);
			if (!(u >= 1))
				continue;
			double t0 = c ? ac->changes[c].instant : sc->start;
			double t1 = (c + 1 < ac->nchanges ? ac->changes[c + 1].instant : sc->end) - 1;
			char range[40];
			month_range(sc, t0, t1, range, sizeof range);
			mutu_notes_addf(notes,
					"%s: %d staff in %s carry an offered load of %.0f%% (%.0f%% averaged "
					"over the run): files queue up in those months and the run's averages "
					"hide it; add staff for those months or read the per-month results",
					ac->name, ac->changes[c].servers, range, 100 * u, 100 * avg[a]);
			added++;
		}
	}
	added += short_days_overload(sc, avg, notes);
	free(dem);
	free(avg);
	return added;
}

/* ---- limits ------------------------------------------------------------ */

/* A working-time length for a message: whole minutes, hours or days of
 * the scenario's working day, rounded up (the suggestion must be enough). */
static void fmt_work(char *buf, size_t n, double seconds, int day_minutes)
{
	double min = ceil(seconds / 60.0);
	if (min >= day_minutes && day_minutes > 0)
		snprintf(buf, n, "%.0f Hari", ceil(min / day_minutes));
	else if (min >= 60)
		snprintf(buf, n, "%.0f Jam", ceil(min / 60.0));
	else
		snprintf(buf, n, "%.0f Menit", min < 1 ? 1 : min);
}

int sim_scenario_check_limits(const struct sim_scenario *sc, int replications,
			      enum sim_limit *which, int *sop, struct mutu_err *err)
{
	enum sim_limit dummy_w;
	int dummy_s;
	which = which ? which : &dummy_w;
	sop = sop ? sop : &dummy_s;
	*which = SIM_LIMIT_NONE;
	*sop = -1;
	int nrep = replications > 0 ? replications : sc->replications;
	char a[48], b[48];

	/* queue samples: the kernel keeps floor(wend / every) + 1 per actor */
	if (sc->sample_every > 0 && sc->nactors > 0) {
		double points = floor(sc->wend / sc->sample_every) + 1;
		double values = points * sc->nactors;
		if (values > SIM_MAX_SAMPLES) {
			*which = SIM_LIMIT_SAMPLES;
			fmt_work(a, sizeof a, sc->sample_every, sc->day_minutes);
			fmt_work(b, sizeof b, sc->wend * sc->nactors / SIM_MAX_SAMPLES, sc->day_minutes);
			return mutu_errf(err, MUTU_ERANGE,
					 "sample_every = %s over the run's %.0f working hours needs %.0f "
					 "queue samples for each of %d pelaksana (%.0f values, %.1f GB per "
					 "thread); the limit is %.0f: give sample_every = %s or more, or a "
					 "shorter run",
					 a, sc->wend / 3600.0, points, sc->nactors, values,
					 values * 16 / 1e9, SIM_MAX_SAMPLES, b);
		}
	}
	/* replications x run length */
	double years = (sc->end - sc->start) / (365.2425 * 86400.0);
	if (nrep * years > SIM_MAX_REPLICATION_YEARS) {
		*which = SIM_LIMIT_REPLICATION_YEARS;
		return mutu_errf(err, MUTU_ERANGE,
				 "%d replications x %.2f years of run = %.0f replication-years; the "
				 "limit is %.0f: give at most %.0f replications, or a shorter run",
				 nrep, years, nrep * years, SIM_MAX_REPLICATION_YEARS,
				 floor(SIM_MAX_REPLICATION_YEARS / years));
	}
	/* visits per file and events over the run */
	double events = 0;
	for (int s = 0; s < sc->nsops; s++) {
		const struct sim_sop *so = &sc->sops[s];
		double *v = mutu_malloc((size_t)(so->nsteps + 1) * sizeof *v);
		sim_scenario_expected_visits(sc, (size_t)s, v);
		double visits = 0, resub = 0;
		int worst = 0;
		for (int k = 0; k < so->nsteps; k++) {
			visits += v[k];
			resub += v[k] * so->steps[k].reject;
			if (v[k] > v[worst])
				worst = k;
		}
		if (!(visits <= SIM_MAX_VISITS)) {
			*which = SIM_LIMIT_VISITS;
			*sop = s;
			/* the steps alone over the limit: blaming rework ("the
			 * rework probabilities make a file pass 5000 steps") sent
			 * the user looking for reject values a 5000-step model
			 * without any did not have */
			int rc = so->nsteps > SIM_MAX_VISITS
				 ? mutu_errf(err, MUTU_ERANGE,
					     "SOP %s: %d steps, and the simulator runs at most %.0f step "
					     "executions per file (rework included): simulate a model of "
					     "fewer steps (merge the steps one pelaksana does one after "
					     "another)",
					     so->id, so->nsteps, SIM_MAX_VISITS)
				 : mutu_errf(err, MUTU_ERANGE,
					     "SOP %s: the rework probabilities make a file pass %.4g steps on "
					     "average (step %d %.4g times%s); the limit is %.0f: lower the "
					     "step.N.reject values (a loop rejected with p is run 1/(1-p) times)",
					     so->id, visits, so->steps[worst].no, v[worst],
					     so->steps[worst].automatic ? ", a step no staff of the office serve"
					     : so->steps[worst].actor == SIM_PEMOHON ? ", a Pemohon step" : "",
					     SIM_MAX_VISITS);
			free(v);
			return rc;
		}
		free(v);
		double files = sop_rate_work(sc, so) * sc->wend;
		events += files * (1 + visits + resub);
	}
	events += (double)sc->ndays * (1 + sc->nactors);
	if (events * nrep > SIM_MAX_EVENTS) {
		*which = SIM_LIMIT_EVENTS;
		return mutu_errf(err, MUTU_ERANGE,
				 "%d replications of this run need about %.3g events (arrivals x steps "
				 "per file, rework included); the limit is %.0g: give fewer "
				 "replications (at most %.0f), a shorter run or lower arrivals",
				 nrep, events * nrep, SIM_MAX_EVENTS, floor(SIM_MAX_EVENTS / events));
	}
	size_t nmetric = 0;
	free(sim_metrics_layout(sc, &nmetric));
	if ((double)nrep * (double)nmetric > SIM_MAX_RESULT_VALUES) {
		*which = SIM_LIMIT_RESULT_VALUES;
		return mutu_errf(err, MUTU_ERANGE,
				 "%d replications x %zu metrics = %.0f result values (%.1f GB); the limit "
				 "is %.0f: give at most %.0f replications",
				 nrep, nmetric, (double)nrep * (double)nmetric,
				 (double)nrep * (double)nmetric * 8 / 1e9, SIM_MAX_RESULT_VALUES,
				 floor(SIM_MAX_RESULT_VALUES / (double)nmetric));
	}
	return 0;
}

/* ---- INI loading ------------------------------------------------------- */

struct entry {
	char *section, *key, *value;
	int line;
};

struct ini_state {
	FILE *f;
	int line;
	char *buf;
	size_t cap;
	int too_long;
	int nul; /* the first line holding a NUL byte */
	int badutf8; /* the first line that is not UTF-8 */
	struct entry *e;
	size_t n, ecap;
};

/* fgets-style reader for ini_parse_stream that counts lines, so the
 * handler knows the line of every key (Debian's inih is built without
 * INI_HANDLER_LINENO). */
static char *scen_reader(char *str, int num, void *stream)
{
	struct ini_state *st = stream;
	ssize_t n = getline(&st->buf, &st->cap, st->f);
	if (n < 0)
		return NULL;
	st->line++;
	/* inih reads the line as a C string: the rest after a NUL would be
	 * lost without a word (hardening round 2) */
	if (!st->nul && memchr(st->buf, '\0', (size_t)n))
		st->nul = st->line;
	/* nor was its text checked for UTF-8, as a model's is (hardening
	 * round 3): a label saved in Windows-1252 went into the reports */
	if (!st->badutf8 && mutu_utf8_bad_line(st->buf, (size_t)n))
		st->badutf8 = st->line;
	if (n > num - 2) {
		if (!st->too_long)
			st->too_long = st->line;
		n = num - 2;
		st->buf[n++] = '\n';
	}
	memcpy(str, st->buf, (size_t)n);
	str[n] = '\0';
	return str;
}

static int scen_handler(void *user, const char *section, const char *name, const char *value)
{
	struct ini_state *st = user;
	if (st->n == st->ecap) {
		st->ecap = st->ecap ? st->ecap * 2 : 32;
		st->e = mutu_realloc(st->e, st->ecap * sizeof *st->e);
	}
	struct entry *e = &st->e[st->n++];
	e->section = mutu_strdup(section);
	e->key = mutu_strdup(name);
	e->value = mutu_strdup(value ? value : "");
	e->line = st->line;
	return 1;
}

struct loader {
	const char *path;
	const char *cal_dir;
	struct sim_scenario *sc;
	struct mutu_err *err;
	struct entry *e;
	size_t n;
	char **secs;      /* [sop ...] section names, secs[k] built SOP k */
	int *sec_line;
	int nsop;         /* number of secs */
	struct sop_model **models; /* models[k] of secs[k], owned until the scenario takes them */
};

#define LERR(L, line, ...) lerr((L), (line), __VA_ARGS__)

static int lerr(struct loader *L, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int lerr(struct loader *L, int line, const char *fmt, ...)
{
	char msg[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return mutu_errf(L->err, MUTU_EINPUT, "%s:%d: %s", L->path, line, msg);
}

static const struct entry *find(const struct loader *L, const char *section, const char *key)
{
	for (size_t i = 0; i < L->n; i++)
		if (mutu_strcasecmp(L->e[i].section, section) == 0 &&
		    mutu_strcasecmp(L->e[i].key, key) == 0)
			return &L->e[i];
	return NULL;
}

static int parse_double(const char *s, double *out)
{
	char tmp[64];
	size_t n = strlen(s);
	if (n == 0 || n >= sizeof tmp)
		return -1;
	memcpy(tmp, s, n + 1);
	for (char *p = tmp; *p; p++)
		if (*p == ',')
			*p = '.'; /* "1,5" as Indonesian documents write it */
	char *end;
	errno = 0;
	double v = strtod(tmp, &end);
	while (*end == ' ' || *end == '\t')
		end++;
	if (end == tmp || *end || errno || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}

static int parse_int(const char *s, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	while (*end == ' ' || *end == '\t')
		end++;
	if (end == s || *end || errno)
		return -1;
	*out = v;
	return 0;
}

static int parse_bool(const char *s, int *out)
{
	if (!mutu_strcasecmp(s, "yes") || !mutu_strcasecmp(s, "ya") || !mutu_strcasecmp(s, "true") ||
	    !strcmp(s, "1"))
		*out = 1;
	else if (!mutu_strcasecmp(s, "no") || !mutu_strcasecmp(s, "tidak") ||
		 !mutu_strcasecmp(s, "false") || !strcmp(s, "0"))
		*out = 0;
	else
		return -1;
	return 0;
}

/* Working seconds of a duration ("2 Hari", "30 Menit"). */
/* A share the office asks for: "80%", "80 %", "0.8" or "0,8"; 0 < p <= 1. */
static int parse_share(const char *text, double *out)
{
	char tmp[64];
	snprintf(tmp, sizeof tmp, "%s", text);
	char *t = mutu_trim(tmp);
	size_t n = strlen(t);
	int pct = n && t[n - 1] == '%';
	if (pct) {
		t[--n] = '\0';
		t = mutu_trim(t);
	}
	double v;
	if (parse_double(t, &v))
		return -1;
	if (pct)
		v /= 100.0;
	if (!(v > 0 && v <= 1))
		return -1;
	*out = v;
	return 0;
}

static int parse_dur_seconds(const char *text, int day_minutes, double *out)
{
	struct dur d;
	struct mutu_err e;
	mutu_err_clear(&e);
	if (dur_parse(text, &d, &e))
		return -1;
	*out = (double)dur_to_minutes(d, day_minutes) * 60.0;
	return 0;
}

/*
 * A service time's mean/min/mode/max: a duration dur_parse reads (whole
 * minutes, "1 Jam 30 Menit", "1,5 Jam"), else one decimal NUMBER UNIT
 * ("9.5 Menit", "0.125 Jam", "1.5 Hari").  `mutu calibrate` writes its
 * means to 0.1 Menit (README, calibrate): a step's mean rounded to whole
 * minutes, 9.5 -> 9 Menit, is 5% less work and, near full load, a wait
 * half as long (Wq = rho / (mu - lambda)).  dur.c stays the one reader of
 * SOP tables, which hold whole minutes; this local reader takes digits,
 * one '.' or ',' and at most 3 decimals once trailing zeros are dropped
 * (0.001 Menit = 0.06 s, below any log's clock: more would be rounded, so
 * it is refused), no sign and no
 * exponent ("-1 Menit", "1e400 Menit" and "9.5.1 Menit" are no
 * duration), a unit Menit/Jam/Hari (the dur.h spellings below), and the
 * value at most DUR_MAX_MINUTES (Menit, Jam as 60) or DUR_MAX_DAYS
 * (Hari), as dur_parse.  Integer text goes through dur_parse first, so
 * every scenario that parsed before gives the same seconds.
 */
static int parse_svc_decimal(const char *text, int day_minutes, double *out);

static int parse_svc_seconds(const char *text, int day_minutes, double *out)
{
	/* A dot is this file's decimal point ("1.250 Jam" as calibrate and
	 * a person writing a mean mean it: 75 Menit), while dur_parse reads
	 * "1.250" as an id-ID spreadsheet's grouped thousands (1250; SOP
	 * tables, dur.c): text with a dot is read here first. */
	if (!strchr(text, '.') && parse_dur_seconds(text, day_minutes, out) == 0)
		return 0;
	if (strchr(text, '.') && parse_svc_decimal(text, day_minutes, out) == 0)
		return 0;
	if (strchr(text, '.') && parse_dur_seconds(text, day_minutes, out) == 0)
		return 0;
	return parse_svc_decimal(text, day_minutes, out);
}

static int parse_svc_decimal(const char *text, int day_minutes, double *out)
{
	const char *p = text;
	while (*p == ' ' || *p == '\t')
		p++;
	int64_t whole = 0, frac = 0;
	int nint = 0, nfrac = 0;
	for (; *p >= '0' && *p <= '9'; p++, nint++) {
		if (whole > DUR_MAX_MINUTES)
			return -1; /* above every limit below; stop before overflow */
		whole = whole * 10 + (*p - '0');
	}
	if (*p == '.' || *p == ',') {
		for (p++; *p >= '0' && *p <= '9'; p++, nfrac++) {
			if (nfrac >= 3) {
				if (*p != '0')
					return -1; /* a 4th decimal: would be rounded */
				continue;  /* trailing zeros change nothing (as dur_parse) */
			}
			frac = frac * 10 + (*p - '0');
		}
		if (nfrac == 0)
			return -1;
	}
	if (nint == 0)
		return -1;
	if (nfrac > 3)
		nfrac = 3;
	while (nfrac < 3) {
		frac *= 10;
		nfrac++;
	}
	if (*p != ' ' && *p != '\t')
		return -1; /* "9.5Menit", "9.5.1 Menit", "1e400 Menit" */
	while (*p == ' ' || *p == '\t')
		p++;
	const char *u = p;
	size_t ul = strcspn(u, " \t");
	const char *rest = u + ul;
	while (*rest == ' ' || *rest == '\t')
		rest++;
	if (*rest || ul == 0 || ul >= 16)
		return -1;
	char unit[16];
	memcpy(unit, u, ul);
	unit[ul] = '\0';
	static const char *const min_units[] = {"menit", "mnt", "min", "mins", "minute", "minutes"};
	static const char *const hour_units[] = {"jam", "h", "hour", "hours"};
	static const char *const day_units[] = {"hari", "hk", "day", "days"};
	int64_t per = 0; /* minutes in one unit */
	int is_day = 0;
	for (size_t i = 0; i < sizeof min_units / sizeof *min_units; i++)
		if (!mutu_strcasecmp(unit, min_units[i]))
			per = 1;
	for (size_t i = 0; i < sizeof hour_units / sizeof *hour_units; i++)
		if (!mutu_strcasecmp(unit, hour_units[i]))
			per = 60;
	for (size_t i = 0; i < sizeof day_units / sizeof *day_units; i++)
		if (!mutu_strcasecmp(unit, day_units[i])) {
			per = day_minutes;
			is_day = 1;
		}
	if (per == 0)
		return -1;
	int64_t milli = whole * 1000 + frac; /* thousandths of a unit, < 2^46 */
	if (is_day ? milli > (int64_t)DUR_MAX_DAYS * 1000
			       : milli * per > DUR_MAX_MINUTES * 1000)
		return -1;
	*out = (double)milli * (double)per * 60.0 / 1000.0;
	return 0;
}

/*
 * Weibull shape k whose coefficient of variation is cv:
 * cv^2 + 1 = Gamma(1 + 2/k) / Gamma(1 + 1/k)^2, decreasing in k, solved
 * by bisection on ln k in [ln 0.05, ln 500] (cv 0.01 to 10 lies inside).
 */
static double weibull_shape(double cv)
{
	double lo = log(0.05), hi = log(500.0), want = log1p(cv * cv);
	for (int i = 0; i < 200; i++) {
		double k = exp((lo + hi) / 2);
		double v = lgamma(1 + 2 / k) - 2 * lgamma(1 + 1 / k);
		if (v > want)
			lo = (lo + hi) / 2; /* too variable: a larger shape */
		else
			hi = (lo + hi) / 2;
	}
	return exp((lo + hi) / 2);
}

/* "2 4.5 6 9 30": quantiles in Menit (working minutes) into d->q as
 * working seconds, their mean (the integral of the linear inverse CDF)
 * into d->mean.  -1 when malformed. */
static int parse_quantiles(const char *text, struct sim_dist *d)
{
	char buf[256];
	snprintf(buf, sizeof buf, "%s", text ? text : "");
	int n = 0;
	for (char *save = NULL, *t = strtok_r(buf, " \t", &save); t; t = strtok_r(NULL, " \t", &save)) {
		double v;
		if (n >= SIM_EMP_MAXQ || parse_double(t, &v) || v < 0 || v > 52560000.0 ||
		    (n > 0 && v * 60.0 < d->q[n - 1]))
			return -1;
		d->q[n++] = v * 60.0;
	}
	if (n < 2 || !(d->q[n - 1] > 0))
		return -1;
	d->nq = n;
	double m = 0;
	for (int i = 0; i + 1 < n; i++)
		m += (d->q[i] + d->q[i + 1]) / 2;
	d->mean = m / (n - 1);
	return 0;
}

/*
 * "lognormal cv=0.5 mean=2 Jam", "triangular min=0.5 mode=1 max=2",
 * "fixed", "exponential", "gamma cv=1".  base is the step's waktu in
 * working seconds (the mean unless mean= says otherwise).  On error
 * returns -1 with what in *what.
 *
 * Triangular takes its min/mode/max in one of two forms, never mixed:
 * - plain numbers are the *shape* (dimensionless factors): they are
 *   rescaled so the mean (min+mode+max)/3 equals the step's waktu, or
 *   mean= when given ("min=0.5 mode=1 max=2" on a 10 Menit step is
 *   4.29 / 8.57 / 17.14 Menit, mean 10 Menit);
 * - durations ("5 Menit") are absolute, the mean is (min+mode+max)/3,
 *   and a mean= beside them contradicts it: an error.
 * Each key may be given once.
 */
static int parse_dist(const char *text, double base, int day_minutes, struct sim_dist *out,
		      const char **what)
{
	char buf[256];
	snprintf(buf, sizeof buf, "%s", text);
	char *p = mutu_trim(buf);
	size_t kl = strcspn(p, " \t");
	char kind[32];
	if (kl == 0 || kl >= sizeof kind) {
		*what = "a distribution name (fixed, exponential, lognormal, gamma, weibull, triangular, empirical quantiles=Q0 .. Q100 in Menit)";
		return -1;
	}
	memcpy(kind, p, kl);
	kind[kl] = '\0';
	struct sim_dist d = {.kind = SIM_FIXED, .mean = base};
	if (!mutu_strcasecmp(kind, "fixed") || !mutu_strcasecmp(kind, "tetap"))
		d.kind = SIM_FIXED;
	else if (!mutu_strcasecmp(kind, "exponential"))
		d.kind = SIM_EXPONENTIAL;
	else if (!mutu_strcasecmp(kind, "lognormal"))
		d.kind = SIM_LOGNORMAL;
	else if (!mutu_strcasecmp(kind, "gamma"))
		d.kind = SIM_GAMMA;
	else if (!mutu_strcasecmp(kind, "triangular"))
		d.kind = SIM_TRIANGULAR;
	else if (!mutu_strcasecmp(kind, "weibull"))
		d.kind = SIM_WEIBULL;
	else if (!mutu_strcasecmp(kind, "empirical") || !mutu_strcasecmp(kind, "empiris"))
		d.kind = SIM_EMPIRICAL;
	else {
		*what = "a distribution name (fixed, exponential, lognormal, gamma, weibull, triangular, empirical quantiles=Q0 .. Q100 in Menit)";
		return -1;
	}
	/* key=value pairs; a value runs to the next "word=" (durations have spaces) */
	char *s = p + kl;
	int have_cv = 0, have_mean = 0, have_min = 0, have_mode = 0, have_max = 0, have_q = 0;
	char *mn_t = NULL, *md_t = NULL, *mx_t = NULL, *q_t = NULL;
	while (*s) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s)
			break;
		char *eq = strchr(s, '=');
		if (!eq) {
			*what = "key=value after the distribution name (cv=, mean=, min=, mode=, max=)";
			return -1;
		}
		*eq = '\0';
		char *key = mutu_trim(s), *val = eq + 1, *next = NULL;
		/* find the start of the next "word=" */
		for (char *q = val; *q; q++) {
			if (*q == '=') {
				char *b = q;
				while (b > val && b[-1] != ' ' && b[-1] != '\t')
					b--;
				next = b;
				break;
			}
		}
		if (next) {
			next[-1] = '\0';
		}
		val = mutu_trim(val);
		int *seen = NULL;
		if (!mutu_strcasecmp(key, "cv"))
			seen = &have_cv;
		else if (!mutu_strcasecmp(key, "mean"))
			seen = &have_mean;
		else if (!mutu_strcasecmp(key, "min"))
			seen = &have_min;
		else if (!mutu_strcasecmp(key, "mode"))
			seen = &have_mode;
		else if (!mutu_strcasecmp(key, "max"))
			seen = &have_max;
		else if (!mutu_strcasecmp(key, "quantiles"))
			seen = &have_q;
		if (!seen) {
			*what = "a known key (cv=, mean=, min=, mode=, max=, quantiles=)";
			return -1;
		}
		if (*seen) {
			/* one value would silently win over the other */
			*what = "each of cv=, mean=, min=, mode=, max= at most once";
			return -1;
		}
		*seen = 1;
		if (seen == &have_cv) {
			if (parse_double(val, &d.cv) || d.cv < 0) {
				*what = "cv= as a number >= 0";
				return -1;
			}
		} else if (seen == &have_mean) {
			if (parse_svc_seconds(val, day_minutes, &d.mean)) {
				*what = "mean= as a duration (\"2 Jam\", \"30 Menit\", \"9.5 Menit\": at most 3 "
					"decimals, no sign or exponent), " DUR_LIMIT_HINT;
				return -1;
			}
			if (!(d.mean > 0)) {
				*what = "mean= above 0 (\"1 Menit\")";
				return -1;
			}
			base = d.mean;
		} else if (seen == &have_min) {
			mn_t = val;
		} else if (seen == &have_mode) {
			md_t = val;
		} else if (seen == &have_q) {
			q_t = val;
		} else {
			mx_t = val;
		}
		s = next ? next : val + strlen(val);
	}
	if (d.kind == SIM_EMPIRICAL || have_q) {
		if (d.kind != SIM_EMPIRICAL || have_cv || have_mean || have_min || have_mode || have_max) {
			*what = "empirical with quantiles= only (and quantiles= only with empirical)";
			return -1;
		}
		if (!have_q || parse_quantiles(q_t, &d)) {
			*what = "empirical quantiles=Q0 Q1 .. Qn: 2 to 21 numbers of Menit, at equally "
				"spaced probabilities 0..1, each >= 0 and >= the one before, the last above 0 "
				"(\"empirical quantiles=2 4.5 6 9 30\")";
			return -1;
		}
		*out = d;
		return 0;
	}
	if ((d.kind == SIM_LOGNORMAL || d.kind == SIM_GAMMA || d.kind == SIM_WEIBULL) && !have_cv) {
		*what = "cv= (coefficient of variation) for lognormal, gamma and weibull";
		return -1;
	}
	if (d.kind == SIM_WEIBULL) {
		if (!(d.cv >= 0.01 && d.cv <= 10)) {
			*what = "cv= from 0.01 to 10 for weibull";
			return -1;
		}
		d.shape = weibull_shape(d.cv);
		d.scale = d.mean / exp(lgamma(1 + 1 / d.shape));
	}
	if (d.kind == SIM_GAMMA && d.cv == 0) {
		*what = "cv= above 0 for gamma";
		return -1;
	}
	if (d.kind != SIM_TRIANGULAR && (have_min || have_mode || have_max)) {
		*what = "min=, mode= and max= only with triangular";
		return -1;
	}
	if (d.kind == SIM_TRIANGULAR) {
		if (!have_min || !have_mode || !have_max) {
			*what = "min=, mode= and max= for triangular";
			return -1;
		}
		double f[3];
		const char *t[3] = {mn_t, md_t, mx_t};
		int nplain = 0;
		for (int i = 0; i < 3; i++)
			nplain += parse_double(t[i], &f[i]) == 0;
		if (nplain == 3) {
			/* shape factors: rescale so the mean is base (waktu or mean=) */
			double fm = (f[0] + f[1] + f[2]) / 3;
			if (f[0] < 0 || !(f[0] <= f[1] && f[1] <= f[2]) || !(fm > 0)) {
				*what = "0 <= min <= mode <= max, not all 0";
				return -1;
			}
			d.min = f[0] / fm * base;
			d.mode = f[1] / fm * base;
			d.max = f[2] / fm * base;
			d.mean = base;
		} else if (nplain == 0) {
			if (have_mean) {
				*what = "either min=/mode=/max= as durations (their mean is (min+mode+max)/3) "
					"or mean= with min/mode/max as plain factors, not both";
				return -1;
			}
			if (parse_svc_seconds(mn_t, day_minutes, &d.min) ||
			    parse_svc_seconds(md_t, day_minutes, &d.mode) ||
			    parse_svc_seconds(mx_t, day_minutes, &d.max) ||
			    !(d.min <= d.mode && d.mode <= d.max)) {
				*what = "min <= mode <= max as durations (\"5 Menit\", \"7.5 Menit\": at most 3 "
					"decimals), " DUR_LIMIT_HINT;
				return -1;
			}
			d.mean = (d.min + d.mode + d.max) / 3;
		} else {
			*what = "min=, mode=, max= all as durations (\"5 Menit\") or all as plain factors "
				"of the mean (0.5, 1, 2), not mixed";
			return -1;
		}
	}
	*out = d;
	return 0;
}

/* Resolve a path named in the scenario: as given (absolute or relative to
 * the working directory), else relative to the scenario's folder and up
 * to two folders above it (models/scenarios/x.ini names models/y.ini). */
static char *resolve_path(const char *scenario, const char *rel)
{
	FILE *f = NULL;
	if (rel[0] == '/')
		return mutu_strdup(rel);
	if ((f = fopen(rel, "r")) != NULL) {
		fclose(f);
		return mutu_strdup(rel);
	}
	char dir[4096];
	snprintf(dir, sizeof dir, "%s", scenario);
	for (int up = 0; up < 3; up++) {
		char *slash = strrchr(dir, '/');
		if (!slash)
			break;
		*slash = '\0';
		char cand[8192];
		snprintf(cand, sizeof cand, "%s/%s", dir, rel);
		if ((f = fopen(cand, "r")) != NULL) {
			fclose(f);
			return mutu_strdup(cand);
		}
	}
	return mutu_strdup(rel);
}

/* the applicant: one test with reports and audits (sop_actor_is_applicant) */
static int is_pemohon(const char *name)
{
	return sop_actor_is_applicant(name);
}

/* "2", "2, 3 from 2025-07-01", "1 absent=0.2", "1 batch=daily at 15:00" */
static int parse_staff(struct loader *L, const struct entry *e, int a)
{
	struct sim_scenario *sc = L->sc;
	struct sim_actor *ac = &sc->actors[a];
	char buf[512];
	snprintf(buf, sizeof buf, "%s", e->value);
	int part = 0, have_absent = 0, have_batch = 0, have_cal = 0, have_wait = 0;
	{
		/* "2,5" is 2.5 written the Indonesian way, not "2, then 5 from
		 * a date": say so rather than complain about a missing date */
		const char *v = buf;
		while (*v == ' ' || *v == '\t')
			v++;
		const char *q = v;
		while (*q >= '0' && *q <= '9')
			q++;
		if (q > v && *q == ',' && q[1] >= '0' && q[1] <= '9') {
			q += 1;
			while (*q >= '0' && *q <= '9')
				q++;
			while (*q == ' ' || *q == '\t')
				q++;
			if (mutu_strncasecmp(q, "from ", 5) && mutu_strncasecmp(q, "mulai ", 6))
				return LERR(L, e->line,
					    "%s: the number of staff must be a whole number (\"%s\"); for "
					    "part-time staff use absent=",
					    e->key, e->value);
		}
	}
	{
		/* wait_target=0,9 <= 15 Menit: a comma between digits there is
		 * a decimal comma, not the next staffing's ", 3 from DATE" */
		for (char *w = buf; *w; w++) {
			if (mutu_strncasecmp(w, "wait_target=", 12))
				continue;
			for (char *c = w + 12; *c && !(*c == ',' && !(c[1] >= '0' && c[1] <= '9')); c++)
				if (*c == ',' && c > w + 12 && c[-1] >= '0' && c[-1] <= '9')
					*c = '.';
			break;
		}
	}
	for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save), part++) {
		char *s = mutu_trim(tok);
		char *end;
		long n = strtol(s, &end, 10);
		if (end == s || n < 0 || n > 100000)
			return LERR(L, e->line, "%s: expected a number of staff (\"%s\")", e->key, s);
		if ((*end == '.' || *end == ',') && end[1] >= '0' && end[1] <= '9')
			return LERR(L, e->line,
				    "%s: the number of staff must be a whole number (\"%s\"); for part-time "
				    "staff use absent=",
				    e->key, s);
		s = end;
		while (*s == ' ')
			s++;
		double instant = sc->start;
		if (part > 0) {
			if (mutu_strncasecmp(s, "from ", 5) && mutu_strncasecmp(s, "mulai ", 6))
				return LERR(L, e->line,
					    "%s: a later staffing reads \"N from YYYY-MM-DD\" (\"%s\")",
					    e->key, tok);
			s = strchr(s, ' ') + 1;
			while (*s == ' ')
				s++;
			size_t dl = strcspn(s, " \t");
			char date[64];
			if (dl == 0 || dl >= sizeof date)
				return LERR(L, e->line, "%s: missing date after 'from'", e->key);
			memcpy(date, s, dl);
			date[dl] = '\0';
			struct mutu_err ce;
			mutu_err_clear(&ce);
			if (cal_parse_time(sc->cal, date, &instant, NULL, &ce))
				return LERR(L, e->line, "%s: %s", e->key, ce.msg);
			if (instant <= ac->changes[ac->nchanges - 1].instant)
				return LERR(L, e->line, "%s: staffing dates must increase (%s)", e->key, date);
			s += dl;
		} else if (n < 1) {
			return LERR(L, e->line, "%s: at least 1 staff at the start (%ld)", e->key, n);
		}
		if (part == 0) {
			ac->changes[0].servers = (int)n;
		} else {
			ac->changes = mutu_realloc(ac->changes, (size_t)(ac->nchanges + 1) * sizeof *ac->changes);
			ac->changes[ac->nchanges].servers = (int)n;
			ac->changes[ac->nchanges].instant = instant;
			ac->changes[ac->nchanges].w = 0;
			ac->nchanges++;
		}
		/* options */
		while (*s) {
			while (*s == ' ' || *s == '\t')
				s++;
			if (!*s)
				break;
			if (!mutu_strncasecmp(s, "absent=", 7)) {
				/* absence and batch are the actor's, whatever part of
				 * the staffing they stand in: once only */
				if (have_absent++)
					return LERR(L, e->line, "%s: absent= is given twice (%s)", e->key, e->value);
				char *v = s + 7;
				size_t vl = strcspn(v, " \t");
				char num[32];
				double p;
				if (vl >= sizeof num)
					vl = sizeof num - 1;
				memcpy(num, v, vl);
				num[vl] = '\0';
				if (parse_double(num, &p) || p < 0 || p >= 1)
					return LERR(L, e->line, "%s: absent= is a share of days in [0, 1) (%s)",
						    e->key, num);
				ac->absent = p;
				s = v + vl;
			} else if (!mutu_strncasecmp(s, "batch=", 6)) {
				if (have_batch++)
					return LERR(L, e->line, "%s: batch= is given twice (%s)", e->key, e->value);
				int hh, mm, used = 0;
				if (sscanf(s + 6, "daily at %d:%d%n", &hh, &mm, &used) != 2 || hh < 0 ||
				    hh > 23 || mm < 0 || mm > 59)
					return LERR(L, e->line, "%s: batch= reads \"batch=daily at HH:MM\" (%s)",
						    e->key, s);
				ac->batch = 1;
				ac->batch_minute = hh * 60 + mm;
				s += 6 + used;
			} else if (!mutu_strncasecmp(s, "wait_target=", 12)) {
				/* "wait_target=80% <= 1 Jam": the service level the
				 * office asks at this pelaksana, 80% of visits wait
				 * at most 1 Jam (mutu plan's target; mutu sim reports
				 * the share achieved) */
				if (have_wait++)
					return LERR(L, e->line, "%s: wait_target= is given twice (%s)", e->key,
						    e->value);
				static const char form[] = "wait_target=SHARE <= DURATION, e.g. "
							   "\"wait_target=80% <= 1 Jam\"";
				char *v = s + 12, *le = strstr(v, "<=");
				if (!le)
					return LERR(L, e->line, "%s: %s (%s)", e->key, form, s);
				char share[32], dur[96];
				size_t sl = (size_t)(le - v);
				if (sl >= sizeof share)
					sl = sizeof share - 1;
				memcpy(share, v, sl);
				share[sl] = '\0';
				/* the duration runs to the next option (a word with '=') */
				char *d = le + 2, *q = d;
				while (*q) {
					while (*q == ' ' || *q == '\t')
						q++;
					size_t wl = strcspn(q, " \t");
					if (!wl || memchr(q, '=', wl))
						break;
					q += wl;
				}
				size_t dl = (size_t)(q - d);
				if (dl >= sizeof dur)
					dl = sizeof dur - 1;
				memcpy(dur, d, dl);
				dur[dl] = '\0';
				double p, lim;
				if (parse_share(share, &p))
					return LERR(L, e->line,
						    "%s: wait_target= needs a share above 0 and at most 100%% before "
						    "<= (\"%s\"); %s",
						    e->key, mutu_trim(share), form);
				if (parse_dur_seconds(mutu_trim(dur), sc->day_minutes, &lim))
					return LERR(L, e->line,
						    "%s: wait_target= needs a working-time duration after <= "
						    "(\"%s\": 30 Menit, 1 Jam, 1 Hari); %s",
						    e->key, mutu_trim(dur), form);
				ac->wait_lim = lim;
				ac->wait_share = p;
				ac->wait_line = e->line;
				s = q;
			} else if (!mutu_strncasecmp(s, "calendar=", 9)) {
				if (have_cal++)
					return LERR(L, e->line, "%s: calendar= is given twice (%s)", e->key, e->value);
				char *v = s + 9;
				size_t vl = strcspn(v, " \t");
				char name[256];
				if (vl == 0 || vl >= sizeof name)
					return LERR(L, e->line,
						    "%s: calendar= names a calendar (id-wita, 24x7) or a calendar .ini (%s)",
						    e->key, e->value);
				memcpy(name, v, vl);
				name[vl] = '\0';
				struct mutu_err cerr;
				mutu_err_clear(&cerr);
				struct cal *c = NULL;
				int r = cal_load(name, L->cal_dir, &c, &cerr);
				if (r) {
					int rc = LERR(L, e->line, "%s: calendar %s: %s", e->key, name, cerr.msg);
					if (L->err->code)
						L->err->code = r == MUTU_ENOTFOUND ? MUTU_ENOTFOUND : MUTU_EINPUT;
					return rc;
				}
				ac->cal_owned = c;
				ac->cal = c;
				double first, end;
				cal_range(c, &first, &end);
				if (sc->start < first || sc->end > end) {
					int y0 = 0, y1 = 0;
					cal_year_range(c, &y0, &y1);
					int rc = LERR(L, e->line,
						      "%s: calendar %s covers %d-%d, not the whole run: pick a "
						      "calendar whose years include the run",
						      e->key, name, y0, y1);
					if (L->err->code)
						L->err->code = MUTU_ERANGE;
					return rc;
				}
				s = v + vl;
			} else {
				return LERR(L, e->line,
					    "%s: unknown staff option \"%s\" (absent=, batch=daily at HH:MM, "
					    "calendar=NAME, wait_target=SHARE <= DURATION)",
					    e->key, s);
			}
		}
	}
	return 0;
}

#define MAX_RUN_ARRIVALS 1e8

/* "3 per hari", "0.5 per jam", "40 per bulan". */
static int parse_rate(struct loader *L, const struct entry *e, int real, double *rate)
{
	struct sim_scenario *sc = L->sc;
	char buf[128], unit[32];
	snprintf(buf, sizeof buf, "%s", e->value);
	char *per = strstr(buf, " per ");
	if (!per)
		return LERR(L, e->line,
			    "arrivals reads \"N per jam|hari|minggu|bulan\" or \"replay FILE.csv\" (%s)",
			    e->value);
	*per = '\0';
	double n;
	if (parse_double(mutu_trim(buf), &n) || n < 0)
		return LERR(L, e->line, "arrivals: not a number of files (%s)", buf);
	snprintf(unit, sizeof unit, "%s", mutu_trim(per + 5));
	/* The rule (README, "Scenario files"): per jam and per hari are per
	 * working hour and per working day (day_minutes of the day clock,
	 * sim_int.h), or per clock hour and day around the clock; per minggu,
	 * per bulan and per tahun are per calendar week, month and year of
	 * this run, whatever its length: N per bulan brings N files to every
	 * calendar month the run covers (a month it cuts pro rata by days),
	 * so a March-only run has March's demand, not an average month's.
	 * len: the rate's unit in seconds of the clock the arrivals use. */
	double day = real ? 86400.0 : sc->day_minutes * 60.0;
	double span = real ? sc->end - sc->start : 0;
	if (!real) {
		double *days = NULL;
		int nd = working_days(sc, &days);
		lay_out_days(sc, days, nd); /* the day clock's length; compile redoes it */
		free(days);
		span = sc->uend;
	}
	double months = run_months(sc);
	double month = months > 0 ? span / months : span;
	double len;
	if (!mutu_strcasecmp(unit, "jam") || !mutu_strcasecmp(unit, "hour"))
		len = 3600.0;
	else if (!mutu_strcasecmp(unit, "hari") || !mutu_strcasecmp(unit, "day"))
		len = day;
	else if (!mutu_strcasecmp(unit, "minggu") || !mutu_strcasecmp(unit, "pekan") ||
		 !mutu_strcasecmp(unit, "week"))
		len = span / ((sc->end - sc->start) / (7 * 86400.0));
	else if (!mutu_strcasecmp(unit, "bulan") || !mutu_strcasecmp(unit, "month"))
		len = month;
	else if (!mutu_strcasecmp(unit, "tahun") || !mutu_strcasecmp(unit, "year"))
		len = 12 * month;
	else
		return LERR(L, e->line, "arrivals: unknown unit \"%s\" (jam, hari, minggu, bulan, tahun)",
			    unit);
	*rate = n / len;
	/* A rate no office can meet (1e308 per hari) is a typo, not a plan: it
	 * would overflow the offered load to inf and the run would never end.
	 * 100 million files over the run is far beyond any one-stop office
	 * (the shipped scenarios bring a few thousand a year). */
	double files = *rate * span;
	if (!isfinite(*rate) || !isfinite(files))
		return LERR(L, e->line,
			    "arrivals: %s would bring more files over the run than a number holds; "
			    "more than %.0f is not a permit office's load (check the number)",
			    e->value, MAX_RUN_ARRIVALS);
	if (files > MAX_RUN_ARRIVALS)
		return LERR(L, e->line,
			    "arrivals: %s would bring about %.3g files over the run; more than %.0f "
			    "is not a permit office's load (check the number)",
			    e->value, files, MAX_RUN_ARRIVALS);
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Submission times, one per line in the first column (a header line that
 * does not parse as a time is skipped). */
static int load_replay(struct loader *L, const struct entry *e, struct sim_sop *so,
		       const char *file)
{
	struct sim_scenario *sc = L->sc;
	char *path = resolve_path(L->path, file);
	struct mutu_err fe;
	mutu_err_clear(&fe);
	char *text = mutu_read_file(path, NULL, &fe);
	if (!text) {
		free(path);
		return LERR(L, e->line, "arrivals: %s", fe.msg);
	}
	size_t cap = 256, n = 0;
	double *w = mutu_malloc(cap * sizeof *w);
	int line = 0, rc = 0, found = 0, first = 1;
	/* Lines cut by hand, not with strtok_r: strtok_r skips empty lines and
	 * every message names the file's real line number. */
	for (char *ln = text, *next; ln; ln = next) {
		next = strchr(ln, '\n');
		if (next)
			*next++ = '\0';
		line++;
		ln[strcspn(ln, ",\r")] = '\0';
		char *f = mutu_trim(ln);
		if (*f == '"') {
			f++;
			f[strcspn(f, "\"")] = '\0';
		}
		if (!*f)
			continue;
		int header = first;
		first = 0;
		double t;
		struct mutu_err te;
		mutu_err_clear(&te);
		if (cal_parse_time(sc->cal, f, &t, NULL, &te)) {
			if (header)
				continue; /* the first line with text may be a header */
			if (te.code == MUTU_ERANGE) {
				found++;
				continue; /* outside the calendar: outside the run too */
			}
			rc = mutu_errf(L->err, MUTU_EINPUT, "%s:%d: %s", path, line, te.msg);
			break;
		}
		found++;
		if (t < sc->start || t >= sc->end)
			continue;
		if (n == cap)
			w = mutu_realloc(w, (cap *= 2) * sizeof *w);
		w[n++] = t;
	}
	free(text);
	/* a replay that brings no file is a wrong file or a wrong run, never
	 * what the planner meant: an empty simulation would look like a result */
	if (!rc && found == 0)
		rc = LERR(L, e->line,
			  "arrivals: no submission times found in %s (first column: ISO 8601 or "
			  "YYYY-MM-DD HH:MM)",
			  path);
	else if (!rc && n == 0)
		rc = LERR(L, e->line,
			  "arrivals: none of the %d submission times in %s lies inside the run "
			  "(start .. end)",
			  found, path);
	free(path);
	if (rc) {
		free(w);
		return rc;
	}
	/* instants sorted, then their working times (the same order) */
	qsort(w, n, sizeof *w, cmp_double);
	so->replay_t = mutu_malloc((n + 1) * sizeof *so->replay_t);
	for (size_t i = 0; i < n; i++) {
		so->replay_t[i] = w[i];
		w[i] = sim_work(sc, w[i]);
	}
	so->replay_w = w;
	so->nreplay = n;
	so->arr = SIM_ARR_REPLAY;
	return 0;
}

static int parse_profile(struct loader *L, const struct entry *e, struct sim_sop *so, int hour)
{
	char buf[512];
	snprintf(buf, sizeof buf, "%s", e->value);
	double v[24];
	int n = 0;
	if (hour && strchr(buf, '=')) {
		/* "07-12=1.5, 13-16=0.8": listed hours get the factor, others 1 */
		for (int i = 0; i < 24; i++)
			so->hour[i] = 1;
		for (char *save = NULL, *tok = strtok_r(buf, ", ", &save); tok;
		     tok = strtok_r(NULL, ", ", &save)) {
			int h0, h1;
			double f;
			char fs[32];
			if (sscanf(tok, "%d-%d=%31s", &h0, &h1, fs) != 3 || parse_double(fs, &f) ||
			    h0 < 0 || h1 > 24 || h0 >= h1 || f < 0)
				return LERR(L, e->line, "profile.hour: expected HH-HH=FACTOR (%s)", tok);
			for (int h = h0; h < h1; h++)
				so->hour[h] = f;
		}
	} else {
		for (char *save = NULL, *tok = strtok_r(buf, ", \t", &save); tok;
		     tok = strtok_r(NULL, ", \t", &save)) {
			if (n == 24 || parse_double(tok, &v[n]) || v[n] < 0)
				return LERR(L, e->line, "%s: expected factors >= 0 (%s)", e->key, tok);
			n++;
		}
		if (hour && n != 24)
			return LERR(L, e->line, "profile.hour: 24 factors (00..23) or HH-HH=F ranges, got %d", n);
		if (!hour && n != 5 && n != 7)
			return LERR(L, e->line, "profile.weekday: 5 (Mon-Fri) or 7 (Mon-Sun) factors, got %d", n);
		for (int i = 0; i < n; i++)
			(hour ? so->hour : so->weekday)[i] = v[i];
		if (!hour && n == 5)
			so->weekday[5] = so->weekday[6] = 1;
	}
	so->has_profile = 1;
	double mx = 0;
	for (int d = 0; d < 7; d++)
		for (int h = 0; h < 24; h++)
			if (so->weekday[d] * so->hour[h] > mx)
				mx = so->weekday[d] * so->hour[h];
	if (mx <= 0)
		return LERR(L, e->line, "%s: every factor is 0: no file would ever arrive", e->key);
	so->profile_max = mx;
	return 0;
}

static int sop_section(const char *section)
{
	return !mutu_strncasecmp(section, "sop ", 4) && section[4];
}

/* Build SOP s from its section and model. */
static int load_sop(struct loader *L, const char *section, int first_line, struct sop_model *m)
{
	struct sim_scenario *sc = L->sc;
	/* the SOP's id is the model's (inih cuts section names at 49
	 * characters, and streams keyed by the model id give common random
	 * numbers across scenarios whatever the sections are called) */
	const char *sid = m->id && *m->id ? m->id : section + 4;
	for (int k = 0; k < sc->nsops; k++)
		if (!strcmp(sc->sops[k].id, sid))
			return LERR(L, first_line,
				    "model %s is simulated twice (sections [%s] on line %d and [%s]): "
				    "keep one",
				    sid, L->secs[k], L->sec_line[k], section);
	int s = sim_scenario_add_sop(sc, sid, 0, 0);
	struct sim_sop *so = &sc->sops[s];
	so->line = first_line;
	free(so->name);
	so->name = mutu_strdup(m->name ? m->name : sid);
	int cdays = sop_model_ceiling_days(m, sc->day_minutes);
	so->ceiling_days = cdays;
	so->ceiling = cdays > 0 ? cdays * sc->day_minutes * 60.0 : 0;

	/* default service distribution */
	const struct entry *def = find(L, section, "service");
	const struct entry *pri = find(L, section, "priority");
	if (pri) {
		long p;
		if (parse_int(pri->value, &p) || p < -100 || p > 100)
			return LERR(L, pri->line, "priority: a whole number -100..100 (%s)", pri->value);
		so->priority = (int)p;
	}
	for (size_t k = 0; k < m->nsteps; k++) {
		const struct sop_step *ms = &m->steps[k];
		int actor = SIM_PEMOHON;
		if (!ms->actor || !strcmp(ms->actor, "?") || !*ms->actor)
			return LERR(L, first_line,
				    "model %s step %d has no known actor (pelaksana \"%s\"): fix the model",
				    m->path ? m->path : m->id, ms->no, ms->actor ? ms->actor : "");
		/* the step's role decides who serves it: an office's own title
		 * ("Kadis", "Petugas Loket") is staffed under its title or its
		 * canonical role, and the applicant is the applicant whatever
		 * the table calls them */
		const char *role = sop_step_role(ms);
		/* step.N.delay = yes: the step is elapsed time, not an officer's
		 * effort (a Tim Teknis's 6 Hari, a waktu that is a ceiling on the
		 * berkas's stay): a delay of its service time with no staff and
		 * no queue, as a Sistem step, named by its pelaksana.  `mutu
		 * calibrate` writes it for a long step the log never times,
		 * where staffing the whole waktu as work gave 27 officers */
		int delay = 0;
		char dkey[64];
		snprintf(dkey, sizeof dkey, "step.%d.delay", ms->no);
		const struct entry *de = find(L, section, dkey);
		if (de && parse_bool(de->value, &delay))
			return LERR(L, de->line, "%s: yes or no (%s)", de->key, de->value);
		if (delay && is_pemohon(role))
			return LERR(L, de->line, "%s: step %d is the applicant's, already a delay without staff",
				    de->key, ms->no);
		if (delay) {
			actor = SIM_SISTEM_STEP;
		} else if (!is_pemohon(role)) {
			/* the staff line that names the step's position most
			 * closely (sop_actor_match, the alias table the importer
			 * and the reports use): "Kabid" serves a step of the
			 * "Kepala Bidang Perizinan", and of the "Koordinator" (the
			 * same rung) when no line names that one */
			actor = -2;
			int best = SOP_MATCH_NONE, tie = -1;
			for (int a = 0; a < sc->nactors; a++) {
				const char *nm = sc->actors[a].title ? sc->actors[a].title : sc->actors[a].name;
				int q = sop_actor_match(nm, role), q2 = sop_actor_match(nm, ms->actor);
				q = q2 > q ? q2 : q;
				if (q > best) {
					best = q;
					actor = a;
					tie = -1;
				} else if (q == best && q != SOP_MATCH_NONE) {
					tie = a;
				}
			}
			if (tie >= 0)
				return LERR(L, first_line,
					    "model %s step %d: actor \"%s\" could be [staff] \"%s\" or \"%s\"; "
					    "name it in [staff] as the model does",
					    m->path ? m->path : m->id, ms->no, ms->actor,
					    sc->actors[actor].title ? sc->actors[actor].title : sc->actors[actor].name,
					    sc->actors[tie].title ? sc->actors[tie].title : sc->actors[tie].name);
			/* a step the information system does by itself ("Sistem
			 * OSS"): no staff serve it, so no [staff] line is needed;
			 * it runs as a delay of its waktu with no queue (a line
			 * naming it, "Sistem OSS = 2", still staffs it: the
			 * scenario's choice) */
			/* (and so is the Bupati's or Gubernur's signature,
			 * outside the office: no staff of it, round 11) */
			if (actor == -2 && (sop_actor_is_system(role) || sop_actor_is_outside(role)))
				actor = SIM_SISTEM_STEP;
			if (actor == -2 && strcmp(role, ms->actor))
				return LERR(L, first_line,
					    "model %s step %d: actor \"%s\" (role %s) has no staff; add \"%s = 1\" to [staff]",
					    m->path ? m->path : m->id, ms->no, ms->actor, role, role);
			if (actor == -2)
				return LERR(L, first_line,
					    "model %s step %d: actor \"%s\" has no staff; add \"%s = 1\" to [staff]",
					    m->path ? m->path : m->id, ms->no, ms->actor, ms->actor);
		}
		double base = (double)dur_to_minutes(ms->waktu, sc->day_minutes) * 60.0;
		struct sim_dist d = {.kind = SIM_FIXED, .mean = base};
		const char *what = NULL;
		char key[64];
		snprintf(key, sizeof key, "step.%d.service", ms->no);
		const struct entry *se = find(L, section, key);
		const struct entry *use = se ? se : def;
		if (use && parse_dist(use->value, base, sc->day_minutes, &d, &what))
			return LERR(L, use->line, "%s: expected %s (%s)", use->key, what, use->value);
		int automatic = actor == SIM_SISTEM_STEP;
		if (automatic)
			actor = SIM_PEMOHON;
		int pos = sim_scenario_add_step(sc, s, ms->no, ms->activity, actor, d);
		so = &sc->sops[s];
		struct sim_step *st = &so->steps[pos];
		if (automatic)
			st->automatic = mutu_strdup(ms->actor);
		st->reject_to = ms->reject_to; /* a step number for now */
		snprintf(key, sizeof key, "step.%d.reject", ms->no);
		const struct entry *re = find(L, section, key);
		if (re && (parse_double(re->value, &st->reject) || st->reject < 0 || st->reject >= 1))
			return LERR(L, re->line, "%s: a probability in [0, 1) (%s)", re->key, re->value);
		snprintf(key, sizeof key, "step.%d.reject_to", ms->no);
		const struct entry *rt = find(L, section, key);
		if (rt) {
			long to;
			if (parse_int(rt->value, &to) || !sop_model_step(m, (int)to))
				return LERR(L, rt->line, "%s: not a step of %s (%s)", rt->key, m->id, rt->value);
			/* returning to the step itself is not a rejection: the berkas
			 * goes back to someone before it (the applicant, a check) */
			if (to >= ms->no)
				return LERR(L, rt->line,
					    "%s: a rejection must return to an earlier step than %d (%s)",
					    rt->key, ms->no, rt->value);
			st->reject_to = (int)to;
		}
		snprintf(key, sizeof key, "step.%d.resubmit", ms->no);
		const struct entry *rs = find(L, section, key);
		st->resubmit.kind = SIM_FIXED;
		st->resubmit.mean = sc->day_minutes * 60.0; /* default: 1 Hari */
		if (rs) {
			double sec;
			if (parse_dur_seconds(rs->value, sc->day_minutes, &sec) == 0)
				st->resubmit.mean = sec;
			else if (parse_dist(rs->value, sc->day_minutes * 60.0, sc->day_minutes,
					    &st->resubmit, &what))
				return LERR(L, rs->line, "%s: a duration (\"2 Hari\", " DUR_LIMIT_HINT ") or a distribution (%s)",
					    rs->key, rs->value);
		}
		if (st->reject > 0) {
			if (st->reject_to <= 0)
				return LERR(L, re->line,
					    "%s: model %s names no step to return to from step %d; add step.%d.reject_to",
					    re->key, m->id, ms->no, ms->no);
			if (st->reject_to >= ms->no)
				return LERR(L, re->line, "%s: rejection must return to an earlier step (%d)",
					    re->key, st->reject_to);
		}
	}
	/* step numbers to positions */
	for (int k = 0; k < so->nsteps; k++) {
		int to = so->steps[k].reject_to, pos = -1;
		for (int j = 0; j < so->nsteps; j++)
			if (so->steps[j].no == to)
				pos = j;
		so->steps[k].reject_to = so->steps[k].reject > 0 ? pos : -1;
	}
	/* check that every step.N.* key names a step */
	for (size_t i = 0; i < L->n; i++) {
		const struct entry *e = &L->e[i];
		if (mutu_strcasecmp(e->section, section))
			continue;
		if (!mutu_strncasecmp(e->key, "step.", 5)) {
			long no = strtol(e->key + 5, NULL, 10);
			if (!sop_model_step(m, (int)no))
				return LERR(L, e->line, "%s: %s has no step %ld", e->key, m->id, no);
			const char *sub = strchr(e->key + 5, '.');
			if (!sub || (mutu_strcasecmp(sub, ".service") && mutu_strcasecmp(sub, ".reject") &&
				     mutu_strcasecmp(sub, ".resubmit") && mutu_strcasecmp(sub, ".reject_to") &&
				     mutu_strcasecmp(sub, ".delay")))
				return LERR(L, e->line,
					    "unknown key %s (step.N.service, .reject, .resubmit, .reject_to, .delay)",
					    e->key);
		} else if (mutu_strcasecmp(e->key, "model") && mutu_strcasecmp(e->key, "arrivals") &&
			   mutu_strcasecmp(e->key, "arrivals_24x7") && mutu_strcasecmp(e->key, "service") &&
			   mutu_strcasecmp(e->key, "priority") && mutu_strcasecmp(e->key, "profile.weekday") &&
			   mutu_strcasecmp(e->key, "profile.hour") && mutu_strcasecmp(e->key, "name") &&
			   mutu_strcasecmp(e->key, "within_target")) {
			return LERR(L, e->line, "unknown key \"%s\" in [%s] (see README.md, \"Scenario files\")",
				    e->key, section);
		}
	}
	const struct entry *wt = find(L, section, "within_target");
	if (wt) {
		/* "90%": the office wants 90% of files within the ceiling
		 * (mutu plan's end-to-end target for this SOP) */
		if (parse_share(wt->value, &so->within_share))
			return LERR(L, wt->line,
				    "within_target: a share above 0 and at most 100%%, e.g. 90%% or 0.9 (%s)",
				    wt->value);
		if (!(so->ceiling > 0))
			return LERR(L, wt->line,
				    "within_target: model %s has no ceiling (no total waktu) to be within; "
				    "remove the key or give the model its waktu",
				    m->id);
	}
	const struct entry *nm = find(L, section, "name");
	if (nm) {
		free(so->name);
		so->name = mutu_strdup(nm->value);
	}
	/* arrivals */
	int real = 0;
	const struct entry *x24 = find(L, section, "arrivals_24x7");
	if (x24 && parse_bool(x24->value, &real))
		return LERR(L, x24->line, "arrivals_24x7: yes or no (%s)", x24->value);
	so->arr = real ? SIM_ARR_REAL : SIM_ARR_WORK;
	const struct entry *ar = find(L, section, "arrivals");
	if (!ar)
		return LERR(L, first_line, "[%s] needs arrivals = N per hari (or replay FILE.csv)", section);
	if (!mutu_strncasecmp(ar->value, "replay ", 7)) {
		int rc = load_replay(L, ar, so, mutu_trim(ar->value + 7));
		if (rc)
			return rc;
	} else if (parse_rate(L, ar, real, &so->rate)) {
		return L->err->code;
	}
	const struct entry *pw = find(L, section, "profile.weekday");
	if (pw && parse_profile(L, pw, so, 0))
		return L->err->code;
	const struct entry *ph = find(L, section, "profile.hour");
	if (ph && parse_profile(L, ph, so, 1))
		return L->err->code;
	return 0;
}

static int parse_time_key(struct loader *L, const struct entry *e, double *out)
{
	struct mutu_err ce;
	mutu_err_clear(&ce);
	if (cal_parse_time(L->sc->cal, e->value, out, NULL, &ce))
		return LERR(L, e->line, "%s: %s", e->key, ce.msg);
	return 0;
}

/*
 * load_all in stages, in the order a reader of the scenario file would
 * check it: the file's shape, the SOPs' models, the calendar, the run's
 * keys, the staff, then what only the whole scenario can tell (actors no
 * SOP uses, batch times the office is never open at, loads that cannot
 * be met, runs too large).  Each stage names the line to change.
 */

/* Every section and [run] key known, and no key given twice. */
static int stage_shape(struct loader *L)
{
	static const char *const run_keys[] = {"calendar", "start", "end", "warmup_until",
					       "replications", "seed", "sample_every", NULL};
	for (size_t i = 0; i < L->n; i++) {
		const struct entry *e = &L->e[i];
		/* a key given twice: one value would silently win ([staff]
		 * reports its own "staffed twice" below) */
		const struct entry *prev = find(L, e->section, e->key);
		if (prev != e && mutu_strcasecmp(e->section, "staff"))
			return LERR(L, e->line, "%s is given twice in [%s] (first on line %d): keep one",
				    e->key, e->section, prev->line);
		if (!mutu_strcasecmp(e->section, "run")) {
			int ok = 0;
			for (int k = 0; run_keys[k]; k++)
				ok |= !mutu_strcasecmp(e->key, run_keys[k]);
			if (!ok)
				return LERR(L, e->line, "unknown key \"%s\" in [run] (see README.md, \"Scenario files\")", e->key);
		} else if (!mutu_strcasecmp(e->section, "staff")) {
			/* checked by stage_staff */
		} else if (!sop_section(e->section)) {
			return LERR(L, e->line, "unknown section [%s] (run, staff, sop ID)", e->section);
		}
	}
	return 0;
}

/* Distinct [sop ID] sections in order of appearance (L->secs, owned by
 * load_all), and the model each names (L->models). */
static int stage_models(struct loader *L)
{
	L->secs = mutu_calloc(L->n + 1, sizeof *L->secs);
	L->sec_line = mutu_calloc(L->n + 1, sizeof *L->sec_line);
	for (size_t i = 0; i < L->n; i++) {
		if (!sop_section(L->e[i].section))
			continue;
		int seen = 0;
		for (int k = 0; k < L->nsop; k++)
			seen |= !mutu_strcasecmp(L->secs[k], L->e[i].section);
		if (!seen) {
			L->secs[L->nsop] = L->e[i].section;
			L->sec_line[L->nsop++] = L->e[i].line;
		}
	}
	L->models = mutu_calloc((size_t)L->nsop + 1, sizeof *L->models);
	if (L->nsop == 0)
		return LERR(L, 1, "no [sop ID] section: nothing to simulate");
	for (int k = 0; k < L->nsop; k++) {
		const struct entry *me = find(L, L->secs[k], "model");
		if (!me)
			return LERR(L, L->sec_line[k], "[%s] needs model = models/NAME.ini", L->secs[k]);
		/* a scenario names its model by path, relative to itself: not
		 * an SOP id, so not the SOP registry's question */
		char *mp = resolve_path(L->path, me->value);
		struct mutu_err me_err;
		mutu_err_clear(&me_err);
		int r = sop_model_load(mp, &L->models[k], &me_err);
		free(mp);
		if (r) {
			int rc = LERR(L, me->line, "model %s: %s", me->value, me_err.msg);
			if (L->err->code)
				L->err->code = r == MUTU_ENOTFOUND ? MUTU_ENOTFOUND : MUTU_EINPUT;
			return rc;
		}
		if (L->models[k]->nsteps == 0)
			return LERR(L, me->line, "model %s has no steps", me->value);
	}
	return 0;
}

/* The office calendar: [run] calendar, else the first model's. */
static int stage_calendar(struct loader *L)
{
	struct sim_scenario *sc = L->sc;
	const struct entry *ce = find(L, "run", "calendar");
	const char *calname = ce ? ce->value : L->models[0]->calendar;
	if (!calname || !*calname)
		return LERR(L, 1, "[run] needs calendar = NAME (id-wib, id-wita, id-wit, 24x7)");
	struct mutu_err cerr;
	mutu_err_clear(&cerr);
	struct cal *c = NULL;
	if (cal_load(calname, L->cal_dir, &c, &cerr))
		return LERR(L, ce ? ce->line : L->sec_line[0], "calendar %s: %s", calname, cerr.msg);
	sc->cal_owned = c;
	sc->cal = c;
	sc->day_minutes = cal_day_minutes(c);
	sc->sample_every = sc->day_minutes * 60.0;
	return 0;
}

/* [run]: start, end, warmup_until, replications, seed, sample_every, and
 * the run inside the calendar's years. */
static int stage_run(struct loader *L)
{
	struct sim_scenario *sc = L->sc;
	int rc;
	const struct entry *se = find(L, "run", "start"), *ee = find(L, "run", "end");
	if (!se || !ee)
		return LERR(L, 1, "[run] needs start = YYYY-MM-DD and end = YYYY-MM-DD");
	if ((rc = parse_time_key(L, se, &sc->start)) || (rc = parse_time_key(L, ee, &sc->end)))
		return rc;
	/* a bare end date includes that whole day */
	if (strlen(ee->value) == 10)
		sc->end += 86400.0;
	if (sc->end <= sc->start)
		return LERR(L, ee->line, "end must come after start (%s)", ee->value);
	sc->warmup = sc->start;
	const struct entry *we = find(L, "run", "warmup_until");
	if (we) {
		if ((rc = parse_time_key(L, we, &sc->warmup)))
			return rc;
		if (sc->warmup < sc->start || sc->warmup >= sc->end)
			return LERR(L, we->line, "warmup_until must lie inside the run (%s)", we->value);
	}
	const struct entry *re = find(L, "run", "replications");
	if (re) {
		long n;
		if (parse_int(re->value, &n) || n < 1 || n > 1000000)
			return LERR(L, re->line, "replications: a whole number 1..1000000 (%s)", re->value);
		sc->replications = (int)n;
	}
	const struct entry *sd = find(L, "run", "seed");
	if (sd) {
		char *end;
		errno = 0;
		unsigned long long v = strtoull(sd->value, &end, 10);
		if (end == sd->value || *end || errno)
			return LERR(L, sd->line, "seed: a whole number (%s)", sd->value);
		sc->seed = v;
	}
	const struct entry *sm = find(L, "run", "sample_every");
	if (sm && parse_dur_seconds(sm->value, sc->day_minutes, &sc->sample_every))
		return LERR(L, sm->line, "sample_every: a duration (\"1 Jam\", \"1 Hari\"), " DUR_LIMIT_HINT " (%s)", sm->value);
	/* working time of the run: needed by "per bulan" rates */
	double first, end;
	cal_range(sc->cal, &first, &end);
	if (sc->start < first || sc->end > end) {
		const struct entry *ce = find(L, "run", "calendar");
		rc = LERR(L, se->line, "the run lies outside the years calendar %s covers",
			  ce ? ce->value : L->models[0]->calendar);
		if (L->err->code)
			L->err->code = MUTU_ERANGE;
		return rc;
	}
	sc->wbase = cal_work_at(sc->cal, sc->start);
	sc->wall = cal_always_open(sc->cal);
	sc->wend = sim_work(sc, sc->end);
	return 0;
}

/* [staff]: one actor per line, never the applicant (who serves
 * themselves), never the same position twice under two spellings. */
static int stage_staff(struct loader *L)
{
	struct sim_scenario *sc = L->sc;
	int rc;
	for (size_t i = 0; i < L->n; i++) {
		const struct entry *e = &L->e[i];
		if (mutu_strcasecmp(e->section, "staff"))
			continue;
		if (is_pemohon(e->key))
			return LERR(L, e->line, "Pemohon does not queue (every applicant serves themselves): remove it from [staff]");
		for (int a = 0; a < sc->nactors; a++)
			if (sop_actor_match(sc->actors[a].name, e->key) == SOP_MATCH_SAME)
				return LERR(L, e->line, "actor \"%s\" is staffed twice (first on line %d)",
					    e->key, sc->actors[a].line);
		const char *canon = sop_actor_canonical(e->key);
		int a = sim_scenario_add_actor(sc, canon ? canon : e->key, 1);
		sc->actors[a].line = e->line;
		/* the office's own title ("Kadis", "Kasi PP") is what people
		 * read; the canonical name keys the metrics, so comparisons
		 * match across spellings */
		if (strcmp(sc->actors[a].name, e->key))
			sc->actors[a].title = mutu_strdup(e->key);
		if ((rc = parse_staff(L, e, a)))
			return rc;
	}
	return 0;
}

/* Every staffed actor must work in some SOP: a staff line no step names
 * is a typo that would silently simulate nobody. */
static int stage_actors_used(struct loader *L)
{
	struct sim_scenario *sc = L->sc;
	for (int a = 0; a < sc->nactors; a++) {
		int used = 0;
		for (int s = 0; s < sc->nsops; s++)
			for (int k = 0; k < sc->sops[s].nsteps; k++)
				used |= sc->sops[s].steps[k].actor == a;
		if (used)
			continue;
		struct mutu_buf b;
		mutu_buf_init(&b);
		for (int s = 0; s < L->nsop; s++)
			for (size_t i = 0; i < L->models[s]->nactors; i++) {
				if (strstr(b.s, L->models[s]->actors[i]))
					continue;
				mutu_buf_printf(&b, "%s%s", b.len ? ", " : "", L->models[s]->actors[i]);
			}
		int rc = LERR(L, sc->actors[a].line,
			      "unknown actor \"%s\": no step of the SOPs names it (actors: %s)",
			      sc->actors[a].name, b.s);
		mutu_buf_release(&b);
		return rc;
	}
	return 0;
}

/* A batch time outside office hours would silently move to the next
 * working minute every day: refuse it unless some working day of the
 * run is open at that time (a Ramadan day closing early is fine). */
static int stage_batch_times(struct loader *L)
{
	struct sim_scenario *sc = L->sc;
	for (int a = 0; a < sc->nactors; a++) {
		const struct sim_actor *ac = &sc->actors[a];
		if (!ac->batch)
			continue;
		/* batch days are the office's; the hours those of the actor's
		 * own calendar when it has one */
		const struct cal *bc = ac->cal ? ac->cal : sc->cal;
		int open = 0, off = cal_utc_offset(sc->cal);
		int64_t first = (int64_t)floor((sc->start + off) / 86400.0);
		int64_t last = (int64_t)floor((sc->end - 1 + off) / 86400.0);
		for (int64_t day = first; day <= last && !open; day++)
			open = cal_day_kind(sc->cal, day, NULL) == 0 &&
			       cal_is_working(bc, (double)day * 86400.0 - off + ac->batch_minute * 60.0);
		if (!open)
			return LERR(L, ac->line,
				    "%s: batch time %02d:%02d falls outside office hours of calendar %s on "
				    "every working day of the run: pick a time when the office is open",
				    ac->name, ac->batch_minute / 60, ac->batch_minute % 60, cal_name(bc));
	}
	return 0;
}

/* Rates that cannot be met: queues would grow without end. */
static int stage_offered_load(struct loader *L)
{
	struct sim_scenario *sc = L->sc;
	int rc = 0;
	double *u = mutu_calloc((size_t)sc->nactors + 1, sizeof *u);
	int bad = sim_scenario_offered_load(sc, u);
	if (bad >= 0) {
		const struct sim_actor *ac = &sc->actors[bad];
		double staff = 0;
		for (int c = 0; c < ac->nchanges; c++)
			staff = ac->changes[c].servers > staff ? ac->changes[c].servers : staff;
		rc = LERR(L, ac->line,
			  "%s: offered load is %.0f%% of the staff present: the arrival rates "
			  "cannot be met (add staff, lower absence or arrivals)",
			  ac->name, 100 * u[bad]);
	}
	free(u);
	return rc;
}

/* What the run would cost, reported at the line to change. */
static int stage_limits(struct loader *L)
{
	struct sim_scenario *sc = L->sc;
	struct mutu_err le;
	mutu_err_clear(&le);
	enum sim_limit which;
	int ls;
	if (!sim_scenario_check_limits(sc, 0, &which, &ls, &le))
		return 0;
	const struct entry *ee = find(L, "run", "end"), *sm = find(L, "run", "sample_every");
	const struct entry *at = find(L, "run", "replications");
	int line = at ? at->line : ee->line;
	if (which == SIM_LIMIT_SAMPLES) {
		line = sm ? sm->line : ee->line;
	} else if (which == SIM_LIMIT_VISITS && ls >= 0 && ls < L->nsop) {
		/* the most likely rejection of that SOP */
		double pmax = -1;
		line = L->sec_line[ls];
		for (int k = 0; k < sc->sops[ls].nsteps; k++) {
			const struct sim_step *st = &sc->sops[ls].steps[k];
			char key[64];
			snprintf(key, sizeof key, "step.%d.reject", st->no);
			const struct entry *re2 = find(L, L->secs[ls], key);
			if (re2 && st->reject > pmax) {
				pmax = st->reject;
				line = re2->line;
			}
		}
	}
	LERR(L, line, "%s", le.msg);
	return L->err->code = MUTU_ERANGE;
}

static int load_all(struct loader *L)
{
	struct sim_scenario *sc = L->sc;
	int rc = stage_shape(L);
	if (rc == 0 && !(rc = stage_models(L)) && !(rc = stage_calendar(L)) && !(rc = stage_run(L)) &&
	    !(rc = stage_staff(L))) {
		for (int k = 0; k < L->nsop && rc == 0; k++)
			rc = load_sop(L, L->secs[k], L->sec_line[k], L->models[k]);
		if (rc == 0 && !(rc = stage_actors_used(L))) {
			/* the scenario takes the models before the compile, which
			 * reads them (office_end: where the SLA clock starts and
			 * stops); before, it took them after, and the compile saw
			 * none: a model's [sla] clock_start never reached the
			 * simulator */
			sc->models = L->models;
			L->models = NULL;
			if (!(rc = sim_scenario_compile(sc, L->err)) && !(rc = stage_batch_times(L)))
				if (!(rc = stage_offered_load(L)))
					rc = stage_limits(L);
		}
	}
	if (L->models)
		for (int k = 0; k < L->nsop; k++)
			sop_model_free(L->models[k]);
	free(L->models);
	L->models = NULL;
	free(L->secs);
	free(L->sec_line);
	L->secs = NULL;
	L->sec_line = NULL;
	return rc;
}

int sim_scenario_load(const char *path, const char *cal_dir, struct sim_scenario **out,
		      struct mutu_err *err)
{
	*out = NULL;
	struct ini_state st = {0};
	st.f = fopen(path, "r");
	if (!st.f)
		return mutu_errf(err, MUTU_ENOTFOUND, "%s: cannot open the scenario (%s)", path,
				 strerror(errno));
	int r = ini_parse_stream(scen_reader, &st, scen_handler, &st);
	fclose(st.f);
	free(st.buf);
	int rc = 0;
	struct loader L = {.path = path, .cal_dir = cal_dir, .err = err, .e = st.e, .n = st.n};
	if (st.nul && (!st.too_long || st.nul <= st.too_long))
		rc = mutu_errf(err, MUTU_EINPUT,
			       "%s:%d: a NUL byte in the scenario (a binary file, or saved as UTF-16): save "
			       "it as UTF-8 text",
			       path, st.nul);
	else if (st.too_long)
		rc = mutu_errf(err, MUTU_EINPUT, "%s:%d: line too long (at most 197 characters)", path,
			       st.too_long);
	else if (r > 0)
		rc = mutu_errf(err, MUTU_EINPUT, "%s:%d: not an INI line (expected [section] or key = value)",
			       path, r);
	else if (st.badutf8)
		rc = mutu_errf(err, MUTU_EINPUT,
			       "%s:%d: not UTF-8 text (saved as Windows-1252 or Latin-1?): save the "
			       "scenario as UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8",
			       path, st.badutf8);
	else if (r < 0)
		rc = mutu_errf(err, MUTU_EFAIL, "%s: cannot read the scenario", path);
	if (!rc) {
		L.sc = sim_scenario_create(NULL, 0, 1);
		L.sc->path = mutu_strdup(path);
		rc = load_all(&L);
		if (rc) {
			/* models are owned by load_all until success */
			sim_scenario_free(L.sc);
		} else {
			*out = L.sc;
		}
	}
	for (size_t i = 0; i < st.n; i++) {
		free(st.e[i].section);
		free(st.e[i].key);
		free(st.e[i].value);
	}
	free(st.e);
	return rc;
}
