/*
 * calib.c - a scenario estimated from an event log (calib.h): arrivals,
 * step times, staff, rework and batches per SOP and pelaksana, fitted and
 * written as an INI file that `mutu sim` runs, each value with a comment
 * saying where it came from.
 *
 * Cases stream in one at a time (calib_add_case); what is kept is
 * bounded per step (a reservoir of times), per case (its arrival) and per
 * officer and day (a counter), except the completion-only events, whose
 * service start depends on the same officer's previous completion in
 * time order and so waits for calib_finish.  Everything is in working
 * seconds of the SOP's calendar (cal_work_at), so nights, weekends, libur
 * nasional, cuti bersama and Ramadan hours are not counted as service.
 */
#include "mutu/calib.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "mutu/cal.h"
#include "mutu/sop.h"

/* ---- small containers --------------------------------------------------- */

/* A reservoir of at most cap values (Vitter's algorithm R with a fixed
 * splitmix64 stream: the same log gives the same scenario). */
struct sample {
	double *v;
	size_t n, cap, seen;
	double sum;   /* of every value seen, not only those kept */
	uint64_t rng;
};

static uint64_t splitmix(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void sample_add(struct sample *s, double x, size_t cap)
{
	s->seen++;
	s->sum += x;
	if (s->n < cap) {
		if (s->n == s->cap) {
			s->cap = s->cap ? s->cap * 2 : 64;
			if (s->cap > cap)
				s->cap = cap;
			s->v = mutu_realloc(s->v, s->cap * sizeof *s->v);
		}
		s->v[s->n++] = x;
		return;
	}
	uint64_t j = splitmix(&s->rng) % s->seen;
	if (j < cap)
		s->v[j] = x;
}

static double sample_mean(const struct sample *s)
{
	return s->seen ? s->sum / (double)s->seen : NAN;
}

/* Counters by local day number, growing in both directions. */
struct dayvec {
	int64_t base;
	size_t n;
	uint32_t *v;
};

static uint32_t *dayvec_at(struct dayvec *d, int64_t day)
{
	if (d->n == 0) {
		d->base = day;
		d->n = 1;
		d->v = mutu_calloc(1, sizeof *d->v);
	}
	if (day < d->base) {
		size_t add = (size_t)(d->base - day);
		d->v = mutu_realloc(d->v, (d->n + add) * sizeof *d->v);
		memmove(d->v + add, d->v, d->n * sizeof *d->v);
		memset(d->v, 0, add * sizeof *d->v);
		d->n += add;
		d->base = day;
	}
	if ((size_t)(day - d->base) >= d->n) {
		size_t nn = (size_t)(day - d->base) + 1;
		d->v = mutu_realloc(d->v, nn * sizeof *d->v);
		memset(d->v + d->n, 0, (nn - d->n) * sizeof *d->v);
		d->n = nn;
	}
	return &d->v[day - d->base];
}

static uint32_t dayvec_get(const struct dayvec *d, int64_t day)
{
	if (d->n == 0 || day < d->base || (size_t)(day - d->base) >= d->n)
		return 0;
	return d->v[day - d->base];
}

/* ---- the model of the office being estimated ---------------------------- */

struct cres {           /* one officer */
	char *name;
	struct dayvec days; /* executions per local day */
	size_t events;      /* executions at this pelaksana */
	int elsewhere;      /* most of the officer's work is at another
			     * pelaksana: counted there, not here */
	int64_t first, last; /* first and last local day with an execution here */
	int after;          /* index of the officer whose work this one takes
			     * over (no day of the two overlaps), -1: none */
};

struct cpel {           /* one pelaksana (canonical position), across SOPs */
	char *name;
	struct cres *res;
	size_t nres, capres;
	size_t events, no_res; /* executions; of which without an officer */
	struct dayvec days;    /* executions per local day (all officers) */
	uint32_t minute[1440]; /* starts (or completions) by minute of day */
	size_t nminute;
	int by_end;            /* some of them are completions (no start stamp) */
	int seen;
	/* results */
	int staff;
	double daily_median;
	int daily_min, daily_max;
	size_t active_days;
	double absent;         /* NAN: not estimated */
	size_t busy_days;
	int batch_minute;      /* -1: none */
	double batch_share;    /* of all starts (completions) */
	size_t batch_days;     /* starts in the batch window */
	double batch_ratio;    /* against an average window */
	double load;           /* offered load: busy officers on average (fitted means) */
	int load_absent_dropped, load_staff_raised;
	int load_model;        /* some of the load is a model's mutu baku (a step whose
				* times are not used) */
	int queue_steps;       /* its steps that queue for staff (not step.N.delay) */
	int max_daily;         /* most executions in one day */
};

struct cstep {
	int no;
	const struct sop_step *ms;
	int pel;               /* index into c->pel, -1 for the applicant */
	int pemohon;
	double std_s;          /* mutu baku waktu, working seconds (NAN: none) */
	struct sample svc, wait, away;
	size_t n_start, n_end_only, n_zero_dur;
	size_t decided, rejected;
	size_t *back_to;       /* rejections by the step returned to (index = step no) */
	struct fit_choice fit, away_fit;
	int fitted, away_fitted;
	int reject_to;         /* most common return step */
	int delay;             /* written as step.N.delay = yes: a long step (or the
				* system's) whose times the log does not give */
};

/* A completion-only event kept for the officer's previous completion. */
struct cend {
	int pel, res;          /* res -1: no officer */
	const char *who;       /* the officer's name (owned by its cres), NULL: none;
				* one person across pelaksana, as mark_elsewhere counts */
	int sop, step;         /* indices */
	double end, prev;      /* instants; prev NAN: first event of the case */
	int back;              /* the file came back to this step (rework): its start
				* is the unknown end of the time away */
	double ready;          /* NAN, or: steps the log does not show lie between
				* prev and this one (a Tim Teknis's 6 Hari), and
				* the file is surely here by prev + their mutu baku
				* (a ceiling on their stay): the instant it is */
};

#define CALIB_MONTHS 120

struct csop {
	const struct sla_sop *s;
	struct cstep *steps;   /* one per model step, model order */
	int nsteps;
	int *pos_of;           /* step no -> index into steps, -1 (last_step + 1 entries) */
	double *arr;           /* arrival instants of the cases in the period */
	size_t narr, caparr;
	size_t cases_out, events;
	size_t off_hours;      /* arrivals outside office hours */
	char **unmapped;       /* distinct activities not in the SOP (first 64) */
	size_t *unmapped_n;
	size_t nunmapped, unmapped_more;
	int respel;            /* no model: the pel that counts the log's resources, else -1 */
	/* results */
	double work_days;      /* working days in the period, each 1 whatever its hours
				* (a Ramadan day too), a day the period cuts its share */
	double work_s;         /* working seconds in the period (the offered load's span) */
	double rate;           /* per working day, or per calendar day when x24 */
	int x24;
	double disp_index, disp_p; /* chi-square / df and its p-value; NAN */
	size_t ndays;
	/* the longest run of working days without an arrival, when Poisson
	 * at the fitted rate makes it unlikely (a gap in the log, an office
	 * closed): 0 days when there is none worth saying */
	size_t gap_days;
	double gap_from, gap_to; /* an instant in its first and last day */
	double gap_expected;     /* arrivals the rate expects in it */
	double weekday[5];     /* Monday..Friday factors; NAN when flat */
	int has_weekday;
	double wd_p;
	/* calendar months: files per working day of each, when they differ
	 * (chi-square over the months against their working days, p < 0.001:
	 * a season, which no scenario key draws; said, with the months) */
	int nmonth;            /* months in the period, at most CALIB_MONTHS */
	int month_ym[CALIB_MONTHS];  /* year x 12 + month - 1 */
	double month_n[CALIB_MONTHS], month_u[CALIB_MONTHS];
	int has_month;
	double month_p;
	double hour[24];       /* hour-of-day factors (1 where the office is closed) */
	int has_hour;
	double hour_p;
};

struct calib {
	struct calib_opts o;
	struct csop *sop;
	size_t nsop;
	struct cpel *pel;
	size_t npel, cappel;
	struct cend *ends;
	size_t nends, capends;
	double from, to;       /* period actually used */
	size_t cases_other;    /* cases of SOPs not calibrated */
	size_t cases_read, events_read;
	int finished;
	int day_first, day_last; /* earliest and latest minute of day any pelaksana
				  * starts (completes) a file: the office's day */
};

void calib_opts_init(struct calib_opts *o)
{
	o->from = o->to = NAN;
	o->alpha = 0.01;
	o->max_samples = 20000;
	o->min_cases = 30;
	o->warmup_days = 0;
}

struct calib *calib_create(const struct calib_opts *o)
{
	struct calib *c = mutu_calloc(1, sizeof *c);
	if (o)
		c->o = *o;
	else
		calib_opts_init(&c->o);
	if (c->o.max_samples < FIT_MIN_N)
		c->o.max_samples = FIT_MIN_N;
	return c;
}

static void sample_release(struct sample *s)
{
	free(s->v);
}

void calib_free(struct calib *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nsop; i++) {
		struct csop *so = &c->sop[i];
		for (int k = 0; k < so->nsteps; k++) {
			sample_release(&so->steps[k].svc);
			sample_release(&so->steps[k].wait);
			sample_release(&so->steps[k].away);
			free(so->steps[k].back_to);
		}
		free(so->steps);
		free(so->pos_of);
		free(so->arr);
		for (size_t u = 0; u < so->nunmapped; u++)
			free(so->unmapped[u]);
		free(so->unmapped);
		free(so->unmapped_n);
	}
	free(c->sop);
	for (size_t p = 0; p < c->npel; p++) {
		for (size_t r = 0; r < c->pel[p].nres; r++) {
			free(c->pel[p].res[r].name);
			free(c->pel[p].res[r].days.v);
		}
		free(c->pel[p].res);
		free(c->pel[p].name);
		free(c->pel[p].days.v);
	}
	free(c->pel);
	free(c->ends);
	free(c);
}

/* The SOP as messages name it. */
static const char *sop_label(const struct sla_sop *s)
{
	return s->id ? s->id : "(no model)";
}

static int is_pemohon(const char *name)
{
	const char *cn = sop_actor_canonical(name);
	return mutu_strcasecmp(cn ? cn : name, "Pemohon") == 0;
}

/* The pelaksana of a model step as the scenario's [staff] names it. */
static const char *step_position(const struct sla_sop *s, const struct sop_step *ms)
{
	if (s->step_actor && ms->no >= 0 && ms->no <= s->last_step && s->step_actor[ms->no])
		return s->step_actor[ms->no];
	const char *role = sop_step_role(ms);
	const char *cn = sop_actor_canonical(role);
	return cn ? cn : role;
}

static int pel_index(struct calib *c, const char *name)
{
	for (size_t i = 0; i < c->npel; i++)
		if (mutu_strcasecmp(c->pel[i].name, name) == 0)
			return (int)i;
	if (c->npel == c->cappel) {
		c->cappel = c->cappel ? c->cappel * 2 : 8;
		c->pel = mutu_realloc(c->pel, c->cappel * sizeof *c->pel);
	}
	struct cpel *p = &c->pel[c->npel];
	memset(p, 0, sizeof *p);
	p->name = mutu_strdup(name);
	p->batch_minute = -1;
	p->absent = NAN;
	return (int)c->npel++;
}

int calib_add_sop(struct calib *c, const struct sla_sop *s, struct mutu_err *err)
{
	if (!s->model && s->id)
		return mutu_errf(err, MUTU_EINPUT,
				 "calibrate: SOP %s has no model; a scenario needs its steps (mutu sop import)", s->id);
	for (size_t i = 0; i < c->nsop; i++)
		if ((!s->id && !c->sop[i].s->id) || (s->id && c->sop[i].s->id && !strcmp(c->sop[i].s->id, s->id)))
			return mutu_errf(err, MUTU_EINPUT, "calibrate: SOP %s given twice", sop_label(s));
	c->sop = mutu_realloc(c->sop, (c->nsop + 1) * sizeof *c->sop);
	struct csop *so = &c->sop[c->nsop++];
	memset(so, 0, sizeof *so);
	so->s = s;
	so->disp_index = so->disp_p = NAN;
	so->respel = -1;
	if (!s->model) {
		/* no model (a log such as WABO's): arrivals and the resources
		 * can be measured; steps, pelaksana and mutu baku cannot */
		so->steps = mutu_calloc(1, sizeof *so->steps);
		so->pos_of = mutu_malloc(2 * sizeof *so->pos_of);
		so->pos_of[0] = so->pos_of[1] = -1;
		so->respel = pel_index(c, "(resources of the log)");
		return 0;
	}
	const struct sop_model *m = s->model;
	so->nsteps = (int)m->nsteps;
	so->steps = mutu_calloc(m->nsteps + 1, sizeof *so->steps);
	so->pos_of = mutu_malloc(((size_t)s->last_step + 2) * sizeof *so->pos_of);
	for (int k = 0; k <= s->last_step + 1; k++)
		so->pos_of[k] = -1;
	for (size_t k = 0; k < m->nsteps; k++) {
		const struct sop_step *ms = &m->steps[k];
		struct cstep *st = &so->steps[k];
		st->no = ms->no;
		st->ms = ms;
		st->std_s = sla_step_std(s, ms->no);
		const char *pos = step_position(s, ms);
		st->pemohon = is_pemohon(pos) || is_pemohon(ms->actor);
		st->pel = st->pemohon ? -1 : pel_index(c, pos);
		st->svc.rng = 0x5eed0000ULL + k;
		st->wait.rng = 0x5eed1000ULL + k;
		st->away.rng = 0x5eed2000ULL + k;
		st->back_to = mutu_calloc((size_t)s->last_step + 2, sizeof *st->back_to);
		st->reject_to = ms->reject_to;
		if (ms->no >= 0 && ms->no <= s->last_step)
			so->pos_of[ms->no] = (int)k;
	}
	return 0;
}

/* Local day number and minute of day of instant t on calendar cal. */
static int64_t local_day(const struct cal *cal, double t, int *minute)
{
	double l = t + cal_utc_offset(cal);
	double d = floor(l / 86400.0);
	if (minute) {
		int m = (int)((l - d * 86400.0) / 60.0);
		*minute = m < 0 ? 0 : m > 1439 ? 1439 : m;
	}
	return (int64_t)d;
}

static int in_range(const struct cal *cal, double t)
{
	double a, b;
	cal_range(cal, &a, &b);
	return t >= a && t < b;
}

/* The officer named by a log actor, or -1 when the actor names only the
 * position (or nobody): "Front Office 2" is an officer, "Front Office"
 * and the model's own title are not. */
static int res_index(struct cpel *p, const struct sop_step *ms, const char *actor)
{
	if (!actor || !*actor || !mutu_strcasecmp(actor, p->name) ||
	    (ms->actor && !mutu_strcasecmp(actor, ms->actor)) ||
	    (ms->role && !mutu_strcasecmp(actor, ms->role)))
		return -1;
	for (size_t i = 0; i < p->nres; i++)
		if (!strcmp(p->res[i].name, actor))
			return (int)i;
	if (p->nres == p->capres) {
		p->capres = p->capres ? p->capres * 2 : 8;
		p->res = mutu_realloc(p->res, p->capres * sizeof *p->res);
	}
	memset(&p->res[p->nres], 0, sizeof p->res[p->nres]);
	p->res[p->nres].name = mutu_strdup(actor);
	return (int)p->nres++;
}

static void note_unmapped(struct csop *so, const char *activity)
{
	const char *a = activity ? activity : "";
	for (size_t i = 0; i < so->nunmapped; i++)
		if (!strcmp(so->unmapped[i], a)) {
			so->unmapped_n[i]++;
			return;
		}
	if (so->nunmapped >= 64) {
		so->unmapped_more++;
		return;
	}
	so->unmapped = mutu_realloc(so->unmapped, (so->nunmapped + 1) * sizeof *so->unmapped);
	so->unmapped_n = mutu_realloc(so->unmapped_n, (so->nunmapped + 1) * sizeof *so->unmapped_n);
	so->unmapped[so->nunmapped] = mutu_strdup(a);
	so->unmapped_n[so->nunmapped++] = 1;
}

static double ev_first(const struct sla_event *e)
{
	return isnan(e->start) ? e->end : e->start;
}

/* A Pemohon step the file came back to, stamped from the return (within
 * a minute of the refusing step's end prev_end) to the applicant's
 * handing it in again: the whole span is the applicant's repair. */
static int repair_span(const struct cstep *st, const struct sla_event *e, double prev_end)
{
	return st->pemohon && !isnan(e->start) && !isnan(e->end) && !isnan(prev_end) &&
	       e->start <= prev_end + 60.0;
}

int calib_add_case(struct calib *c, const struct sla_case_in *in, struct mutu_err *err)
{
	(void)err;
	c->cases_read++;
	c->events_read += in->nev;
	struct csop *so = NULL;
	for (size_t i = 0; i < c->nsop; i++)
		if ((in->sop && c->sop[i].s->id && !strcmp(c->sop[i].s->id, in->sop)) ||
		    (!in->sop && !c->sop[i].s->id))
			so = &c->sop[i];
	if (!so) {
		c->cases_other++;
		return 0;
	}
	const struct sla_sop *s = so->s;
	const struct cal *cal = s->cal;
	size_t n = sla_events_pair(in->ev, in->nev);
	/* the arrival: the case's earliest stamp */
	double arrive = NAN;
	for (size_t i = 0; i < n; i++) {
		double t = ev_first(&in->ev[i]);
		if (!isnan(t) && (isnan(arrive) || t < arrive))
			arrive = t;
	}
	if (isnan(arrive) || !in_range(cal, arrive) ||
	    (!isnan(c->o.from) && arrive < c->o.from) || (!isnan(c->o.to) && arrive >= c->o.to)) {
		so->cases_out++;
		return 0;
	}
	if (so->narr == so->caparr) {
		so->caparr = so->caparr ? so->caparr * 2 : 256;
		so->arr = mutu_realloc(so->arr, so->caparr * sizeof *so->arr);
	}
	so->arr[so->narr++] = arrive;
	/* outside office hours: at night, or stamped at the opening minute
	 * itself, where a log that records when the office first saw a file
	 * (and mutu's own emitted logs) put what came in overnight */
	if (!cal_is_working(cal, arrive) ||
	    (in_range(cal, arrive - 60) && !cal_is_working(cal, arrive - 60)))
		so->off_hours++;
	so->events += n;
	/* walk the mapped events in order */
	const struct sla_event *prev = NULL;
	int prev_pos = -1;
	size_t cap = c->o.max_samples;
	for (size_t i = 0; i < n; i++) {
		const struct sla_event *e = &in->ev[i];
		int pos = e->step > 0 && e->step <= s->last_step ? so->pos_of[e->step] : -1;
		if (pos < 0) {
			note_unmapped(so, e->activity);
			if (so->respel >= 0 && e->actor && *e->actor && !isnan(e->end)) {
				/* no model: count the resources who worked each day */
				struct cpel *p = &c->pel[so->respel];
				struct sop_step none = {0};
				int r = res_index(p, &none, e->actor);
				int64_t day = local_day(cal, isnan(e->start) ? e->end : e->start, NULL);
				p->seen = 1;
				p->events++;
				(*dayvec_at(&p->days, day))++;
				if (r >= 0)
					(*dayvec_at(&p->res[r].days, day))++;
			}
			continue;
		}
		if (isnan(e->end) || !in_range(cal, e->end) || (!isnan(e->start) && !in_range(cal, e->start)))
			continue; /* an open step, or outside the calendar's years */
		struct cstep *st = &so->steps[pos];
		double prev_end = prev && !isnan(prev->end) && in_range(cal, prev->end) ? prev->end : NAN;
		/* the step before decided: did the file go back? */
		if (prev_pos >= 0) {
			struct cstep *ps = &so->steps[prev_pos];
			ps->decided++;
			if (st->no <= ps->no) {
				ps->rejected++;
				ps->back_to[st->no]++;
				/* away until the step the file came back to takes
				 * it up; a Pemohon step opened at the return itself
				 * (SiCANTIK's Perbaikan Berkas, begun when the file
				 * is refused) is the applicant's repair: away until
				 * its end, when the file is handed in again */
				double back = ev_first(e);
				if (repair_span(st, e, prev_end))
					back = e->end;
				if (!isnan(prev_end) && back >= prev_end)
					sample_add(&ps->away, cal_work_at(cal, back) - cal_work_at(cal, prev_end),
						   cap);
			}
		}
		struct cpel *p = st->pel >= 0 ? &c->pel[st->pel] : NULL;
		int res = -1;
		int minute;
		if (p) {
			p->seen = 1;
			p->events++;
			res = res_index(p, st->ms, e->actor);
			if (res < 0)
				p->no_res++;
			else
				p->res[res].events++;
			/* present on the day the officer began the file (a file
			 * finished the morning after says nothing of that day) */
			double at = isnan(e->start) ? e->end : e->start;
			int64_t day = local_day(cal, at, NULL);
			(*dayvec_at(&p->days, day))++;
			if (res >= 0)
				(*dayvec_at(&p->res[res].days, day))++;
			if (isnan(e->start))
				p->by_end = 1;
			local_day(cal, at, &minute);
			p->minute[minute]++;
			p->nminute++;
		}
		/* model steps between the previous logged one and this one
		 * that the log does not show (a Tim Teknis's 6 Hari): the file
		 * reached this step at some unknown time after prev_end, at
		 * the latest when their mutu baku had run */
		double skipped = 0;
		for (int q = prev_pos + 1; prev_pos >= 0 && q < pos; q++)
			if (isfinite(so->steps[q].std_s) && so->steps[q].std_s > 0)
				skipped += so->steps[q].std_s;
		if (!isnan(e->start)) {
			double svc = cal_work_at(cal, e->end) - cal_work_at(cal, e->start);
			if (svc < 0)
				svc = 0;
			st->n_start++;
			/* a return (the file sent back) is time away, counted above */
			int back = prev_pos >= 0 && st->no <= so->steps[prev_pos].no;
			/* the applicant's repair is that time away, not the
			 * step's service: counted as one, a day of repairs made
			 * every new file's registration take hours (mean 120
			 * min for a 10-min step on perbaikan.csv).  A Pemohon
			 * step begun later (a log mutu sim emitted: the delay,
			 * then the step again) is a service as any */
			if (!(back && repair_span(st, e, prev_end))) {
				st->n_zero_dur += svc == 0;
				sample_add(&st->svc, svc, cap);
			}
			/* the wait from when the file came: after steps the log
			 * does not show, from the end of their mutu baku, and
			 * none when it began before (it came earlier: unknown).
			 * Counted from prev_end, an Entri after the 6-Hari site
			 * visit "waited" 2821 min, 2700 of them the visit */
			double wt = !back && !isnan(prev_end) ? cal_work_at(cal, e->start) - cal_work_at(cal, prev_end) - skipped
							      : -1;
			if (wt >= 0)
				sample_add(&st->wait, wt, cap);
		} else {
			/* completion only: the start waits for the officer's
			 * previous completion, known once every case is read */
			st->n_end_only++;
			if (c->nends == c->capends) {
				c->capends = c->capends ? c->capends * 2 : 1024;
				c->ends = mutu_realloc(c->ends, c->capends * sizeof *c->ends);
			}
			double ready = NAN;
			if (skipped > 0 && !isnan(prev_end)) {
				double wr = cal_work_at(cal, prev_end) + skipped, ca, cb;
				cal_range(cal, &ca, &cb);
				ready = wr < cal_work_at(cal, cb) ? cal_instant_at(cal, wr) : INFINITY;
			}
			c->ends[c->nends++] = (struct cend){.pel = st->pel, .res = res,
							    .who = res >= 0 ? p->res[res].name : NULL,
							    .sop = (int)(so - c->sop), .step = pos,
							    .end = e->end, .prev = prev_end,
							    .back = prev_pos >= 0 && st->no <= so->steps[prev_pos].no,
							    .ready = ready};
		}
		prev = e;
		prev_pos = pos;
	}
	/* the last step done ends the case: no rework after it */
	if (prev_pos >= 0 && so->steps[prev_pos].no == s->last_step)
		so->steps[prev_pos].decided++;
	return 0;
}

int calib_read_store(struct calib *c, struct mutu_store *db, struct mutu_err *err)
{
	for (size_t i = 0; i < c->nsop; i++) {
		struct sla_reader *r = NULL;
		int rc = sla_reader_open_ex(db, c->sop[i].s->id, NULL, NULL, &r, err);
		struct sla_case_in in;
		while (rc == 0 && (rc = sla_reader_next(r, &in, err)) == 1)
			rc = calib_add_case(c, &in, err);
		sla_reader_free(r);
		if (rc < 0)
			return rc;
	}
	return 0;
}

/* ---- fitting ------------------------------------------------------------ */

static int cmp_end(const void *pa, const void *pb)
{
	const struct cend *a = pa, *b = pb;
	/* by officer (events naming none first, their order unused), then
	 * time: an officer's previous completion is the one before it */
	if (!a->who || !b->who) {
		if (a->who || b->who)
			return a->who ? 1 : -1;
	} else {
		int k = strcmp(a->who, b->who);
		if (k)
			return k;
	}
	return (a->end > b->end) - (a->end < b->end);
}

/* Completion-only events: start = max(case's previous completion, the
 * same officer's previous completion); no officer: the case's previous
 * completion (a delay without a queue).  The officer is the person, at
 * whatever pelaksana: a Front Office officer who also enters files for
 * the Back Office was entering one while the next check waited, so her
 * previous completion at the Front Office alone would count that entry
 * as checking time (and the entry would begin at the file's check,
 * before she was free). */
static void rebuild_starts(struct calib *c)
{
	if (c->nends)
		qsort(c->ends, c->nends, sizeof *c->ends, cmp_end);
	for (size_t i = 0; i < c->nends; i++) {
		const struct cend *e = &c->ends[i];
		struct csop *so = &c->sop[e->sop];
		struct cstep *st = &so->steps[e->step];
		const struct cal *cal = so->s->cal;
		double start = e->prev, officer = NAN;
		if (e->who && i > 0 && c->ends[i - 1].who && !strcmp(c->ends[i - 1].who, e->who)) {
			double r = c->ends[i - 1].end;
			officer = r;
			if (isnan(start) || r > start)
				start = r;
		}
		if (isnan(start) || start > e->end || e->back)
			continue; /* the case's first event, or a return from the applicant:
				   * no start to measure from */
		/* steps the log does not show came between (a 6-Hari site
		 * visit): the file's previous completion is not when it got
		 * here, and the officer's previous completion, the start
		 * taken, counted the officer's idle hours as service (Entri
		 * 108.7 min for a true 37.0 on a completion-only tim-teknis.csv).
		 * Measured only when the officer finished the previous file
		 * after the file was surely here (their mutu baku run): then
		 * the file waited and the officer's completion is its start.
		 * Which files these are depends on the work before this one,
		 * not on its own time, so the mean stays unbiased */
		int via_skip = !isnan(e->ready);
		if (via_skip) {
			if (isnan(officer) || officer < e->ready || officer > e->end)
				continue;
			start = officer;
		}
		const struct cpel *p = e->pel >= 0 ? &c->pel[e->pel] : NULL;
		if (p && p->batch_minute >= 0) {
			/* a batch pelaksana starts no file before its latest batch
			 * moment: today's, or yesterday's when the end comes before
			 * today's (a batch past closing, as on a Ramadan day that
			 * closes at 15:00, goes on at the next opening, which is the
			 * same working time as the batch moment) */
			int minute;
			int64_t day = local_day(cal, e->end, &minute);
			if (minute < p->batch_minute)
				day--;
			double bt = (double)day * 86400.0 - cal_utc_offset(cal) + p->batch_minute * 60.0;
			if (bt > start)
				start = bt;
		}
		double svc = cal_work_at(cal, e->end) - cal_work_at(cal, start);
		st->n_zero_dur += svc == 0;
		sample_add(&st->svc, svc, c->o.max_samples);
		if (!via_skip && !isnan(e->prev) && start >= e->prev)
			sample_add(&st->wait, cal_work_at(cal, start) - cal_work_at(cal, e->prev),
				   c->o.max_samples);
	}
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/*
 * An officer the log names under two pelaksana (a Back Office officer who
 * also checks files at the Front Office) is one person: counted under both,
 * the scenario would staff the office with more people than it has, and
 * the pelaksana helped out would get a whole extra officer for a share of
 * one's time.  So each officer counts where most of their executions are
 * (a tie: the pelaksana met first), and is named as helping elsewhere.  A
 * pelaksana whose officers all count elsewhere keeps them (nobody else
 * does its work).
 */
static void mark_elsewhere(struct calib *c)
{
	for (size_t p = 0; p < c->npel; p++)
		for (size_t r = 0; r < c->pel[p].nres; r++) {
			struct cres *x = &c->pel[p].res[r];
			for (size_t q = 0; q < c->npel && !x->elsewhere; q++)
				for (size_t k = 0; q != p && k < c->pel[q].nres; k++) {
					const struct cres *y = &c->pel[q].res[k];
					if (!strcmp(y->name, x->name) &&
					    (y->events > x->events || (y->events == x->events && q < p)))
						x->elsewhere = 1;
				}
		}
	for (size_t p = 0; p < c->npel; p++) {
		struct cpel *pl = &c->pel[p];
		size_t home = 0;
		for (size_t r = 0; r < pl->nres; r++)
			home += !pl->res[r].elsewhere;
		if (home == 0)
			for (size_t r = 0; r < pl->nres; r++)
				pl->res[r].elsewhere = 0;
	}
}

/* First and last day of a counter with a nonzero entry (0 when none). */
static int dayvec_span(const struct dayvec *d, int64_t *first, int64_t *last)
{
	size_t i = 0, j = d->n;
	while (i < d->n && !d->v[i])
		i++;
	while (j > i && !d->v[j - 1])
		j--;
	if (i >= j)
		return 0;
	*first = d->base + (int64_t)i;
	*last = d->base + (int64_t)j - 1;
	return 1;
}

/*
 * The officers at work at once: the most whose spans (first to last day
 * with an execution) overlap on one day.  An officer whose work ends
 * before another's begins, no day of the two in common, is one desk
 * taken over: the same person under another name (SiCANTIK exports of one
 * month naming users by NIP, the next by name: 4 "officers" at a Front
 * Office of 2) or a successor; counted as two the scenario staffs the
 * office with people it never had at once.  Each officer is chained
 * after the one it takes over (res.after), said in the comments.
 */
static size_t staff_at_once(struct cpel *p)
{
	size_t n = 0, best = 0;
	size_t *ix = mutu_calloc(p->nres + 1, sizeof *ix);
	for (size_t r = 0; r < p->nres; r++) {
		struct cres *x = &p->res[r];
		x->after = -1;
		if (!x->elsewhere && dayvec_span(&x->days, &x->first, &x->last))
			ix[n++] = r;
	}
	/* by first day (insertion order of equal ones: the log's) */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && p->res[ix[j - 1]].first > p->res[ix[j]].first; j--) {
			size_t t = ix[j];
			ix[j] = ix[j - 1];
			ix[j - 1] = t;
		}
	/* chains: each officer after the one whose chain ended last before
	 * its first day, not yet taken over; the chains are the staff */
	int *tail = mutu_calloc(n + 1, sizeof *tail);
	size_t nch = 0;
	for (size_t i = 0; i < n; i++) {
		struct cres *x = &p->res[ix[i]];
		int pick = -1;
		for (size_t k = 0; k < nch; k++) {
			const struct cres *y = &p->res[tail[k]];
			if (y->last < x->first && (pick < 0 || y->last > p->res[tail[pick]].last))
				pick = (int)k;
		}
		if (pick < 0) {
			tail[nch++] = (int)ix[i];
		} else {
			x->after = tail[pick];
			tail[pick] = (int)ix[i];
		}
	}
	best = nch;
	free(tail);
	free(ix);
	return best;
}

static void fit_staff(struct calib *c, struct cpel *p, const struct cal *cal)
{
	(void)cal;
	/* the officers counted here (mark_elsewhere), one per desk: an
	 * officer who takes over another's work is not one more */
	size_t nhome = staff_at_once(p);
	p->staff = (int)nhome;
	/* officers per active day, and the most files in one day */
	size_t nd = p->days.n;
	uint32_t *per = mutu_calloc(nd + 1, sizeof *per);
	size_t na = 0;
	double absent_sum = 0;
	size_t busy = 0;
	for (size_t d = 0; d < nd; d++) {
		uint32_t ex = p->days.v[d];
		if (!ex)
			continue;
		if ((int)ex > p->max_daily)
			p->max_daily = (int)ex;
		uint32_t k = 0;
		for (size_t r = 0; r < p->nres; r++)
			k += !p->res[r].elsewhere &&
			     dayvec_get(&p->res[r].days, p->days.base + (int64_t)d) > 0;
		per[na++] = k;
		/* a busy day (three files an officer or more): an officer
		 * present that day would have served one, so missing is away */
		if (nhome > 0 && ex >= 3 * nhome) {
			busy++;
			absent_sum += (double)(nhome - k) / (double)nhome;
		}
	}
	p->active_days = na;
	if (na) {
		qsort(per, na, sizeof *per, cmp_u32);
		p->daily_min = (int)per[0];
		p->daily_max = (int)per[na - 1];
		p->daily_median = na % 2 ? per[na / 2] : (per[na / 2 - 1] + per[na / 2]) / 2.0;
	}
	free(per);
	p->busy_days = busy;
	/* completion-only events place an officer on the day a file ended,
	 * not the day it began: no absence from them */
	if (busy >= 10 && nhome >= 2 && !p->by_end) {
		/* each officer away with probability q on a day, independently:
		 * a day with everyone away shows no events and is not seen, so
		 * the mean present on seen days is n (1 - q) / (1 - q^n); solve
		 * it for q (decreasing in q) by bisection */
		double n = (double)nhome, kbar = n * (1 - absent_sum / (double)busy);
		double lo = 0, hi = 0.99;
		for (int it = 0; it < 60; it++) {
			double q = (lo + hi) / 2;
			if (n * (1 - q) / (1 - pow(q, n)) > kbar)
				lo = q;
			else
				hi = q;
		}
		p->absent = (lo + hi) / 2;
	}
	/* batch: starts (completions without start stamps) crowd into one
	 * short window of the day, at least once a day on average and five
	 * times as many as an average window of that length, and not at the
	 * opening (a backlog worked off at 07:30 is no batch): the window
	 * starts an hour or more after the earliest start of any day */
	if (p->nminute >= 20 && na >= 10) {
		int w = p->by_end ? 30 : 3; /* completions spread over the service */
		int earliest = 1440, latest = 0;
		for (int m = 0; m < 1440; m++)
			if (p->minute[m]) {
				if (m < earliest)
					earliest = m;
				latest = m;
			}
		/* the day is the office's, not this pelaksana's: a Kepala
		 * Dinas who signs only at 15:00 starts nothing earlier, so
		 * his own earliest start was the batch itself ("at the
		 * opening", no batch) and his own span (15:00-15:40) made
		 * the batch an average window (batch.csv of
		 * test_calib_field2: no batch found, the simulated lead 8%
		 * short of the log's) */
		if (c->day_first < earliest)
			earliest = c->day_first;
		if (c->day_last > latest)
			latest = c->day_last;
		int best = -1;
		uint32_t bestn = 0;
		for (int m = earliest; m <= latest; m++) {
			if (!p->minute[m])
				continue;
			uint32_t k = 0;
			for (int j = m; j < m + w && j < 1440; j++)
				k += p->minute[j];
			if (k > bestn) {
				bestn = k;
				best = m;
			}
		}
		double span = latest - earliest + 1;
		double avg = (double)p->nminute * w / (span > w ? span : w);
		if (best >= earliest + 60 && bestn >= 0.5 * (double)na && bestn >= 5 * avg) {
			p->batch_minute = p->by_end ? best / 15 * 15 : best;
			p->batch_share = (double)bestn / (double)p->nminute;
			p->batch_days = bestn;
			p->batch_ratio = bestn / avg;
		}
	}
	if (p->nres == 0) {
		/* no officer logged: a delay without a queue, as many servers as
		 * the most files it finished in one day */
		p->staff = p->max_daily > 0 ? p->max_daily : 1;
	}
}

/* The working seconds of the whole local day that begins at t0, inside the
 * calendar's range [a, b) (cal_work_at is unchecked outside it). */
static double day_work(const struct cal *cal, double t0, double a, double b)
{
	double t1 = t0 + 86400.0;
	if (t0 < a)
		t0 = a;
	if (t1 > b)
		t1 = b;
	return t1 > t0 ? cal_work_at(cal, t1) - cal_work_at(cal, t0) : 0;
}

/*
 * When the office first sees a file that arrived at t: t itself in
 * working hours, else the next opening (a second before it, so the day
 * and hour are the opening's).  cal_instant_at gives the earliest instant
 * with a working time, the last closing before t: a file sent online on
 * Saturday night counted on Friday at 16:00, and the hour profile piled
 * every night's files into the closing hour (factor 23.9 for 16:00 and 0
 * for 07:00 on oss-loket.csv) where the office takes them at opening.
 */
static double seen_at(const struct cal *cal, double t)
{
	double w = cal_work_at(cal, t), a, b;
	cal_range(cal, &a, &b);
	if (cal_is_working(cal, t) || !(w + 1.0 <= cal_work_at(cal, b)))
		return t;
	return cal_instant_at(cal, w + 1.0) - 1.0;
}

/*
 * Arrival rate, 24x7, dispersion and weekday factors of one SOP.
 *
 * A rate "per hari" is per working day, every working day alike: `mutu
 * sim` draws arrivals on a day clock on which a 6.5 h Ramadan day is as
 * long as a 7.5 h one (applicants come by the day; the office's hours do
 * not send them away; README, Rates).  So the days are counted, not their
 * working minutes: 350 files over 19 Ramadan days and 16 ordinary ones are
 * 10 per hari, where minutes / 450 made it 32.5 days and 10.78 (the
 * simulated office then got 8% more files).  A day the period cuts counts
 * its share of that day's own working time, as the day clock does.
 */
static void fit_arrivals(struct calib *c, struct csop *so)
{
	const struct cal *cal = so->s->cal;
	double from = c->from, to = c->to;
	double a, b;
	cal_range(cal, &a, &b);
	if (from < a)
		from = a;
	if (to > b)
		to = b;
	double work = cal_work_at(cal, to) - cal_work_at(cal, from);
	so->work_s = work;
	so->x24 = so->narr > 0 && so->off_hours * 2 > so->narr;
	/* per local day: its working seconds in the period (w) and its share
	 * of a working day (u: 1 for a whole day, whatever its hours) */
	int off = cal_utc_offset(cal);
	int64_t d0 = local_day(cal, from, NULL), d1 = local_day(cal, to - 1, NULL);
	size_t nd = (size_t)(d1 - d0 + 1);
	double *w = mutu_calloc(nd + 1, sizeof *w);
	double *u = mutu_calloc(nd + 1, sizeof *u);
	double *k = mutu_calloc(nd + 1, sizeof *k);
	double udays = 0;
	for (size_t i = 0; i < nd; i++) {
		double t0 = (double)(d0 + (int64_t)i) * 86400.0 - off, t1 = t0 + 86400.0;
		double full = day_work(cal, t0, a, b);
		if (t0 < from)
			t0 = from;
		if (t1 > to)
			t1 = to;
		w[i] = t1 > t0 ? cal_work_at(cal, t1) - cal_work_at(cal, t0) : 0;
		u[i] = full > 0 ? w[i] / full : 0;
		if (w[i] >= 60)
			udays += u[i];
	}
	so->work_days = udays;
	so->rate = so->x24 ? (double)so->narr / ((to - from) / 86400.0)
			   : udays > 0 ? (double)so->narr / udays : 0;
	if (so->x24) {
		free(w);
		free(u);
		free(k);
		return; /* dispersion per working day would mix night arrivals in */
	}
	for (size_t i = 0; i < so->narr; i++) {
		/* an arrival outside hours counts on the day the office opens */
		double seen = seen_at(cal, so->arr[i]);
		int64_t d = local_day(cal, seen, NULL);
		if (d >= d0 && d <= d1)
			k[d - d0] += 1;
	}
	double per_d = so->rate, chi = 0;
	size_t ndays_w = 0; /* working days in the period */
	for (size_t i = 0; i < nd; i++)
		ndays_w += w[i] >= 60;
	size_t g0 = 0, g1 = 0;
	/* a run of working days with no arrival at all: Poisson at this rate
	 * puts one of L days (expecting m arrivals) anywhere in the period
	 * with probability at most days x e^-m; under 0.1% it is more likely
	 * a gap in the log (or the office shut) than chance: named, and left
	 * out below */
	{
		size_t run = 0, run0 = 0, run1 = 0;
		double m = 0;
		for (size_t i = 0; i <= nd; i++) {
			if (i < nd && w[i] < 60)
				continue; /* not a working day: neither breaks nor extends */
			if (i < nd && k[i] == 0) {
				if (!run)
					run0 = i;
				run1 = i;
				run++;
				m += per_d * u[i];
				continue;
			}
			if (run >= 2 && (double)ndays_w * exp(-m) < 0.001 && run > so->gap_days) {
				so->gap_days = run;
				g0 = run0;
				g1 = run1;
				so->gap_expected = m;
				so->gap_from = (double)(d0 + (int64_t)run0) * 86400.0 - off + 43200.0;
				so->gap_to = (double)(d0 + (int64_t)run1) * 86400.0 - off + 43200.0;
			}
			run = 0;
			m = 0;
		}
	}
	/* The gap is the office shut (a renovation) or the log's hole: either
	 * way its days say nothing of how many files come on an open day, so
	 * the rate, the dispersion, the profiles and the offered load's span
	 * leave them out (renovasi.csv: 155 files over 40 working days read
	 * 3.875 per hari, 5.17 on the 30 days the office was open; the daily
	 * counts "over-dispersed" by the ten zeros).  Before, the rate counted
	 * them: a scenario of open months got a quarter fewer files. */
	if (so->gap_days) {
		double gu = 0, gw = 0;
		for (size_t i = g0; i <= g1; i++) {
			if (w[i] < 60)
				continue;
			gu += u[i];
			gw += w[i];
			w[i] = 0; /* no longer a day of the period below */
		}
		if (udays - gu > 0) {
			so->rate = (double)so->narr / (udays - gu);
			so->gap_expected = so->rate * gu;
			so->work_days = udays - gu;
			so->work_s = work - gw;
		}
		per_d = so->rate;
	}
	double wd_n[5] = {0}, wd_w[5] = {0};
	size_t days = 0;
	for (size_t i = 0; i < nd; i++) {
		if (w[i] < 60)
			continue;
		double e = per_d * u[i];
		chi += (k[i] - e) * (k[i] - e) / e;
		days++;
		int64_t wd = ((d0 + (int64_t)i) + 3) % 7; /* 1970-01-01 was a Thursday; 0 = Monday */
		if (wd < 0)
			wd += 7;
		if (wd < 5) {
			wd_n[wd] += k[i];
			wd_w[wd] += u[i];
		}
	}
	so->ndays = days;
	/* months: the same counts summed per calendar month of the day */
	so->nmonth = 0;
	so->month_p = NAN;
	for (size_t i = 0; i < nd; i++) {
		if (w[i] < 60)
			continue;
		int y, mo, dd;
		cal_civil_from_days(d0 + (int64_t)i, &y, &mo, &dd);
		int ym = y * 12 + mo - 1, j = so->nmonth - 1;
		if (j < 0 || so->month_ym[j] != ym) {
			if (so->nmonth >= CALIB_MONTHS)
				break;
			j = so->nmonth++;
			so->month_ym[j] = ym;
			so->month_n[j] = so->month_u[j] = 0;
		}
		so->month_n[j] += k[i];
		so->month_u[j] += u[i];
	}
	if (so->nmonth >= 2 && per_d > 0) {
		double mchi = 0;
		int mdf = 0;
		for (int j = 0; j < so->nmonth; j++) {
			double e = per_d * so->month_u[j];
			if (e > 0) {
				mchi += (so->month_n[j] - e) * (so->month_n[j] - e) / e;
				mdf++;
			}
		}
		so->month_p = mdf > 1 ? gsl_cdf_chisq_Q(mchi, mdf - 1) : 1;
		so->has_month = mdf > 1 && so->month_p < 0.001;
	}
	if (days >= 2 && per_d > 0) {
		so->disp_index = chi / (double)(days - 1);
		so->disp_p = gsl_cdf_chisq_Q(chi, (double)(days - 1));
	}
	/* weekday factors: rate on that weekday / overall; tested by
	 * chi-square on the five weekday totals */
	double wchi = 0;
	int wdf = 0;
	for (int d = 0; d < 5; d++) {
		if (wd_w[d] <= 0)
			continue;
		double e = per_d * wd_w[d];
		if (e > 0) {
			wchi += (wd_n[d] - e) * (wd_n[d] - e) / e;
			wdf++;
		}
		so->weekday[d] = wd_n[d] / wd_w[d] / per_d;
	}
	so->wd_p = wdf > 1 ? gsl_cdf_chisq_Q(wchi, wdf - 1) : 1;
	so->has_weekday = wdf == 5 && so->wd_p < 0.001;
	/* hour of day: the same test on the 24 hours' totals, each hour's
	 * expected count its share of each day's working time (the day clock
	 * lays a day's files over that day's own hours) */
	double hn[24] = {0}, hw[24] = {0}, hs[24] = {0};
	for (size_t i = 0; i < nd; i++) {
		double t0 = (double)(d0 + (int64_t)i) * 86400.0 - off;
		double full = day_work(cal, t0, a, b);
		if (!(full > 0) || (so->gap_days && i >= g0 && i <= g1))
			continue;
		for (int h = 0; h < 24; h++) {
			double a0 = t0 + h * 3600.0, a1 = a0 + 3600.0;
			if (a0 < from)
				a0 = from;
			if (a1 > to)
				a1 = to;
			if (a1 > a0) {
				double ws = cal_work_at(cal, a1) - cal_work_at(cal, a0);
				hs[h] += ws;
				hw[h] += ws / full;
			}
		}
	}
	for (size_t i = 0; i < so->narr; i++) {
		double seen = seen_at(cal, so->arr[i]);
		int minute;
		local_day(cal, seen, &minute);
		hn[minute / 60] += 1;
	}
	double hchi = 0;
	int hdf = 0;
	for (int h = 0; h < 24; h++) {
		so->hour[h] = 1;
		double e = per_d * hw[h];
		if (hs[h] < 60 || !(e > 0))
			continue;
		hchi += (hn[h] - e) * (hn[h] - e) / e;
		hdf++;
		so->hour[h] = hn[h] / e;
	}
	so->hour_p = hdf > 1 ? gsl_cdf_chisq_Q(hchi, hdf - 1) : 1;
	so->has_hour = hdf > 1 && so->hour_p < 0.001;
	free(w);
	free(u);
	free(k);
}

enum use { USE_NONE = 0, USE_FAMILY, USE_EMPIRICAL };
static enum use dist_use(const struct fit_choice *f);

int calib_finish(struct calib *c, struct mutu_err *err)
{
	if (c->finished)
		return 0;
	c->finished = 1;
	/* the period: given, else the local days of the first and last arrival */
	double lo = NAN, hi = NAN;
	for (size_t i = 0; i < c->nsop; i++)
		for (size_t k = 0; k < c->sop[i].narr; k++) {
			double t = c->sop[i].arr[k];
			if (isnan(lo) || t < lo)
				lo = t;
			if (isnan(hi) || t > hi)
				hi = t;
		}
	for (size_t i = 0; i < c->nsop; i++) {
		const struct csop *so = &c->sop[i];
		if (so->narr == 0)
			return mutu_errf(err, MUTU_EINPUT,
					 "calibrate: SOP %s has no case whose first event falls in the period "
					 "(%zu of its cases lie outside it): give a --from/--to that holds its data",
					 sop_label(so->s), so->cases_out);
		if (so->narr < c->o.min_cases)
			return mutu_errf(err, MUTU_EINPUT,
					 "calibrate: SOP %s has %zu case(s) in the period; at least %zu are needed "
					 "to fit arrivals and step times (widen --from/--to or leave it out)",
					 sop_label(so->s), so->narr, c->o.min_cases);
	}
	const struct cal *cal0 = c->sop[0].s->cal;
	int off = cal_utc_offset(cal0);
	c->from = !isnan(c->o.from) ? c->o.from : (double)local_day(cal0, lo, NULL) * 86400.0 - off;
	c->to = !isnan(c->o.to) ? c->o.to : (double)(local_day(cal0, hi, NULL) + 1) * 86400.0 - off;
	/* staff and batches first: a batch time bounds the rebuilt starts */
	c->day_first = 1440;
	c->day_last = 0;
	for (size_t p = 0; p < c->npel; p++)
		for (int m = 0; m < 1440; m++)
			if (c->pel[p].minute[m]) {
				if (m < c->day_first)
					c->day_first = m;
				if (m > c->day_last)
					c->day_last = m;
			}
	mark_elsewhere(c);
	for (size_t p = 0; p < c->npel; p++)
		fit_staff(c, &c->pel[p], cal0);
	rebuild_starts(c);
	for (size_t i = 0; i < c->nsop; i++) {
		struct csop *so = &c->sop[i];
		fit_arrivals(c, so);
		for (int k = 0; k < so->nsteps; k++) {
			struct cstep *st = &so->steps[k];
			if (st->svc.n) {
				if (fit_choose(st->svc.v, st->svc.n, c->o.alpha, &st->fit, err))
					return err->code;
				st->fitted = 1;
			}
			if (st->away.n) {
				if (fit_choose(st->away.v, st->away.n, c->o.alpha, &st->away_fit, err))
					return err->code;
				st->away_fitted = 1;
			}
			size_t best = 0;
			for (int to = 1; to <= so->s->last_step; to++)
				if (st->back_to[to] > best) {
					best = st->back_to[to];
					st->reject_to = to;
				}
		}
	}
	/* the offered load of each pelaksana with the fitted means: a
	 * scenario `mutu sim` refuses (load at or above the staff present) is
	 * no use, so an absence that would tip it is left out, and staff too
	 * few for the fitted times is raised, each with a note */
	/* a step whose times are not used (never seen, too few, all 0)
	 * keeps the model's mutu baku, and `mutu sim` sends every file through
	 * it: counted too, once per file of the period.  Left out, 350 files
	 * a step of 1 Jam never logged (a signature kept in another system)
	 * gave one assumed officer 133% and a scenario sim refused */
	/* A step whose times are not used and whose mutu baku is a day or
	 * more (a Tim Teknis's 6 Hari: a site visit, a meeting, a letter
	 * awaited), or that the information system does, is elapsed time:
	 * its waktu is a ceiling on the berkas's stay, not an officer's
	 * effort.  Counted as work it loaded the pelaksana with lambda x
	 * waktu (4.5 files a day x 6 Hari = 27 officers busy, raised to 30):
	 * a staff no office has, and the lead it gives (M/G/c at 90%) is the
	 * same delay plus a queue the log never showed.  So it is written as
	 * step.N.delay = yes: `mutu sim` runs it as a delay of its mutu baku
	 * without staff or queue (M/G/infinity: lead = waktu), as a Sistem
	 * step, and says so; a shorter step keeps its pelaksana's load (an
	 * unlogged 1-Jam entry is an officer's hour). */
	for (size_t i = 0; i < c->nsop; i++) {
		struct csop *so = &c->sop[i];
		double day_s = (so->s->day_minutes > 0 ? so->s->day_minutes : 450) * 60.0;
		for (int k = 0; k < so->nsteps; k++) {
			struct cstep *st = &so->steps[k];
			if (st->pel < 0)
				continue;
			int used = st->fitted && dist_use(&st->fit) != USE_NONE;
			const struct cpel *pp = &c->pel[st->pel];
			st->delay = !used && isfinite(st->std_s) && st->std_s > 0 &&
				    (st->std_s >= day_s || sop_actor_is_system(pp->name));
			/* a pelaksana whose log names no officer: staff cannot be
			 * counted, so its steps are the delay without a queue the
			 * README promised.  As "staff = the most files finished
			 * in a day" a Tim Teknis of 6 Hari that mutu sim logged by
			 * position got 11, then 28 for a load of 24.9 */
			if (pp->seen && pp->nres == 0)
				st->delay = 1;
			if (!st->delay)
				c->pel[st->pel].queue_steps++;
		}
	}
	for (size_t k = 0; k < c->npel; k++)
		if (c->pel[k].queue_steps == 0)
			c->pel[k].staff = 0; /* nobody to staff: no line, JSON 0 */
	for (size_t i = 0; i < c->nsop; i++) {
		const struct csop *so = &c->sop[i];
		double span = so->work_s;
		for (int k = 0; k < so->nsteps && span > 0; k++) {
			const struct cstep *st = &so->steps[k];
			if (st->pel < 0 || st->delay)
				continue;
			struct cpel *p = &c->pel[st->pel];
			if (st->fitted && dist_use(&st->fit) != USE_NONE) {
				/* every execution, measured or not: a completion-only
				 * start rebuilt only for some (after a step the log
				 * does not show) loaded the Back Office with 61 of
				 * its 190 entries (0.13 officers for 0.39) */
				size_t execs = st->n_start + st->n_end_only;
				if (execs < st->svc.seen)
					execs = st->svc.seen;
				p->load += (double)execs * sample_mean(&st->svc) / span;
			} else if (isfinite(st->std_s) && st->std_s > 0) {
				p->load += (double)so->narr * st->std_s / span;
				p->load_model = 1;
			}
		}
	}
	for (size_t k = 0; k < c->npel; k++) {
		struct cpel *p = &c->pel[k];
		if (!isnan(p->absent) && p->load >= 0.95 * p->staff * (1 - p->absent)) {
			p->absent = NAN;
			p->load_absent_dropped = 1;
		}
		if (p->queue_steps == 0)
			continue; /* only delays: nobody to staff */
		if (p->load >= 0.95 * p->staff) {
			p->staff = (int)ceil(p->load / 0.9);
			p->load_staff_raised = 1;
		}
	}
	return 0;
}

/* ---- output -------------------------------------------------------------- */

static void fmt_local_day(int64_t day, char *buf, size_t n)
{
	int y, m, d;
	cal_civil_from_days(day, &y, &m, &d);
	snprintf(buf, n, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
}

static void fmt_day(double t, const struct cal *cal, char *buf, size_t n)
{
	int y, m, d;
	cal_civil_from_days(local_day(cal, t, NULL), &y, &m, &d);
	snprintf(buf, n, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
}

/* A step's distribution is usable when a family passed its test or the
 * quantiles have spread; else the model's waktu stays. */
static enum use dist_use(const struct fit_choice *f)
{
	if (f->npos == 0 || !(f->q[FIT_NQ - 1] > 0))
		return USE_NONE; /* every time 0: nothing to draw from */
	if (f->best >= 0 && f->passes)
		return USE_FAMILY;
	if (f->n >= FIT_MIN_N)
		return USE_EMPIRICAL;
	return USE_NONE;
}

/* The scenario value of a fitted distribution (times in working minutes). */
static void put_dist(struct mutu_buf *b, const struct fit_choice *f)
{
	if (dist_use(f) == USE_EMPIRICAL) {
		/* linear between deciles, the top piece would run to the largest
		 * time ever seen and carry a tenth of the draws: one 9-hour
		 * outlier would raise the mean by half.  The top quantile is set
		 * instead so the distribution's mean is the sample's (mean of
		 * the pieces = (q0/2 + q1 + .. + q9 + q10/2) / 10), never below
		 * the 90% quantile */
		double q[FIT_NQ];
		memcpy(q, f->q, sizeof q);
		int L = FIT_NQ - 1;
		double mid = 0;
		for (int i = 1; i < L; i++)
			mid += q[i];
		double top = 2 * (L * f->mean - mid) - q[0];
		q[L] = top > q[L - 1] ? (top < q[L] ? top : q[L]) : q[L - 1];
		if (!(q[L] > 0))
			q[L] = f->q[L];
		/* to 0.1 Menit as the means (README, calibrate), not to 4
		 * significant digits (1836.8 -> 1837, 12345.6 -> 1.235e+04);
		 * a time below 0.1 Menit keeps 2 digits so no positive top
		 * quantile is written as 0 */
		mutu_buf_puts(b, "empirical quantiles=");
		for (int i = 0; i < FIT_NQ; i++) {
			double m = q[i] / 60.0;
			mutu_buf_printf(b, m > 0 && m < 0.1 ? "%s%.2g" : "%s%.1f", i ? " " : "", m);
		}
		return;
	}
	const struct fit_result *r = &f->fam[f->best];
	/*
	 * The mean is the sample's (all times, zeros included: the comment's
	 * "mean"), not the fitted family's: a queue's load is rho = lambda
	 * E[S], and with the sample mean the simulated officers do the same
	 * total work as the log's (n times the mean), whatever the family,
	 * as the [staff] load above counts it.  A lognormal's or Weibull's
	 * maximum-likelihood mean is another number (exp(mu + sigma^2/2):
	 * 1878 against the sample's 1836.8 Menit on a shipped step), pulled
	 * by how the family's tail fits.  The family and its cv (the second
	 * moment, E[S^2] = mean^2 (1 + cv^2), in P-K's Wq = lambda E[S^2] /
	 * (2 (1 - rho))) stay the fit's: the shape the KS test checked,
	 * steadier than a sample variance that a few long times decide.
	 * Exponential and gamma maximum-likelihood means are the sample's
	 * anyway.  Written to 0.1 Menit: README, calibrate.
	 */
	double mean_min = f->mean / 60.0; /* printed %.1f as the comment's */
	if (mean_min < 0.05)
		mean_min = 0.1; /* a positive mean that would print as 0.0 */
	switch (r->family) {
	case FIT_EXPONENTIAL:
		mutu_buf_printf(b, "exponential mean=%.1f Menit", mean_min);
		break;
	default:
		mutu_buf_printf(b, "%s cv=%.3f mean=%.1f Menit", fit_family_name(r->family),
				r->cv < 0.01 ? 0.01 : r->cv > 10 ? 10 : r->cv, mean_min);
		break;
	}
}

/* Fewer times than this and a step's comment, summary and JSON warn that
 * its mean is uncertain and give its interval: a KS test on a dozen times
 * rejects almost nothing, so "fits" alone would read as more than it is. */
#define CALIB_FEW 30

/* The 95% Student-t interval of the sample mean (seconds; lo not below
 * 0): 0 when there are fewer than 2 times. */
static int mean_ci(const struct fit_choice *f, double *lo, double *hi)
{
	if (f->n < 2 || !isfinite(f->sd) || !isfinite(f->mean))
		return 0;
	double h = gsl_cdf_tdist_Pinv(0.975, (double)(f->n - 1)) * f->sd / sqrt((double)f->n);
	*lo = f->mean - h > 0 ? f->mean - h : 0;
	*hi = f->mean + h;
	return 1;
}

/* The comment that says where a distribution came from. */
static void put_dist_source(struct mutu_buf *b, const struct fit_choice *f)
{
	mutu_buf_printf(b, "n=%zu", f->n);
	if (f->n > f->npos)
		mutu_buf_printf(b, " (%zu of them 0)", f->n - f->npos);
	mutu_buf_printf(b, ", mean %.1f Menit", f->mean / 60.0);
	if (f->best >= 0) {
		const struct fit_result *r = &f->fam[f->best];
		mutu_buf_printf(b, "; best by AIC: %s (AIC %.1f", fit_family_name(r->family), r->aic);
		for (int k = 0; k < FIT_NFAMILY; k++)
			if (k != f->best && f->fam[k].ok)
				mutu_buf_printf(b, ", %s %.1f", fit_family_name(f->fam[k].family), f->fam[k].aic);
		mutu_buf_printf(b, "), KS D=%.4f p=%.3g: %s", r->ks_d, r->ks_p,
				f->passes ? "fits" : "rejected at 1%, deciles used (the top one set to keep the mean)");
	} else {
		mutu_buf_printf(b, "; too few positive times to fit a family (%d needed)", FIT_MIN_N);
	}
}

static void put_minutes(struct mutu_buf *b, double s)
{
	if (isnan(s))
		mutu_buf_puts(b, "-");
	else
		mutu_buf_printf(b, "%.1f Menit", s / 60.0);
}

/* The scenario loader reads lines of at most 197 characters: a comment
 * longer than that (a long activity text) is cut, at a UTF-8 boundary,
 * with "..." (values are short by construction). */
static void cut_long_comments(struct mutu_buf *b)
{
	struct mutu_buf o;
	mutu_buf_init(&o);
	const char *p = b->s;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (len > 190 && *p == ';') {
			size_t k = 186;
			while (k > 0 && ((unsigned char)p[k] & 0xC0) == 0x80)
				k--;
			mutu_buf_add(&o, p, k);
			mutu_buf_puts(&o, "...");
		} else {
			mutu_buf_add(&o, p, len);
		}
		if (!nl)
			break;
		mutu_buf_putc(&o, '\n');
		p = nl + 1;
	}
	mutu_buf_release(b);
	*b = o;
}

/* The comment and key of a step written as a delay (calib_finish). */
static void put_delay(struct mutu_buf *b, const struct cstep *st)
{
	mutu_buf_puts(b, ";   a long step the log does not time: its waktu is a ceiling on the berkas's\n"
			 ";   stay, not an officer's work, so it runs as a delay of the mutu baku without\n"
			 ";   staff or queue (the lead an upper bound; the log's own times would replace it)\n");
	mutu_buf_printf(b, "step.%d.delay = yes\n", st->no);
}

void calib_write_scenario(const struct calib *c, const char *source, struct mutu_buf *out)
{
	struct mutu_buf bb;
	mutu_buf_init(&bb);
	struct mutu_buf *b = &bb;
	const struct cal *cal0 = c->sop[0].s->cal;
	char d0[32], d1[32];
	fmt_day(c->from, cal0, d0, sizeof d0);
	fmt_day(c->to - 1, cal0, d1, sizeof d1);
	mutu_buf_printf(b, "; Calibrated by `mutu calibrate` from %s, period %s to %s:\n",
			source ? source : "the store", d0, d1);
	mutu_buf_printf(b, "; %zu cases, %zu events read. Every value below says where it came from\n",
			c->cases_read, c->events_read);
	mutu_buf_puts(b, "; (n = observations; times are working time on the SOP's calendar).\n\n");
	double w0 = c->from - 86400.0 * c->o.warmup_days, first = -INFINITY, last = INFINITY;
	cal_range(cal0, &first, &last);
	if (w0 < first)
		w0 = first;
	if (c->o.warmup_days > 0 && w0 < c->from) {
		/* a log starts while the office is at work: from empty, its
		 * first weeks would wait too little (README, [run]) */
		char dw[32];
		fmt_day(w0, cal0, dw, sizeof dw);
		mutu_buf_printf(b, "[run]\ncalendar = %s\n; warm-up (--warmup %d): the days before the period run at "
				   "the fitted rates and are not measured,\n; so the office is not empty on its "
				   "first day%s\nstart = %s\nwarmup_until = %s\nend = %s\nreplications = 10\nseed = 1\n\n",
				cal_name(cal0), c->o.warmup_days,
				w0 > c->from - 86400.0 * c->o.warmup_days ? " (cut at the calendar's first day)" : "",
				dw, d0, d1);
	} else {
		mutu_buf_printf(b, "[run]\ncalendar = %s\nstart = %s\nend = %s\nreplications = 10\nseed = 1\n\n",
				cal_name(cal0), d0, d1);
	}
	mutu_buf_puts(b, "[staff]\n");
	for (size_t i = 0; i < c->npel; i++) {
		const struct cpel *p = &c->pel[i];
		int res_only = 0;
		for (size_t k = 0; k < c->nsop; k++)
			res_only |= c->sop[k].respel == (int)i;
		if (res_only)
			continue;
		if (p->queue_steps == 0) {
			/* every step of it is step.N.delay: no staff line (one
			 * no step serves is refused by mutu sim) */
			if (p->seen && p->nres == 0)
				mutu_buf_printf(b, "; %s: the log names no officer for its %zu events, so staff cannot be\n"
						   "; counted: its steps are delays without a queue (step.N.delay below)\n"
						   "; of their logged times: no staff line\n", p->name, p->events);
			else
				mutu_buf_printf(b, "; %s: %s; its steps are delays of their mutu baku without\n"
						   "; staff or queue (step.N.delay below): no staff line\n",
						p->name, p->seen ? "the log does not time its long steps" : "no event in the log");
			continue;
		}
		if (!p->seen) {
			if (p->load_staff_raised)
				mutu_buf_printf(b, "; %s: no event in the log (not calibrated); its steps keep the model's\n"
						   "; mutu baku, a load of %.2f officers at the fitted arrivals: %d assumed\n"
						   "; so that it is at most 90%%\n%s = %d\n",
						p->name, p->load, p->staff, p->name, p->staff);
			else
				mutu_buf_printf(b, "; %s: no event in the log; 1 assumed (not calibrated)\n%s = 1\n",
						p->name, p->name);
			continue;
		}
		if (p->nres == 0) {
			mutu_buf_printf(b,
					"; %s: the log names no officer for its %zu events, so staff cannot be\n"
					"; counted: its steps are a delay without a queue (staff = the most files\n"
					"; it finished in one day, %d)\n",
					p->name, p->events, p->max_daily);
		} else {
			mutu_buf_printf(b, "; %s: %zu officers in the log (", p->name, p->nres);
			for (size_t r = 0; r < p->nres && r < 6; r++)
				mutu_buf_printf(b, "%s%s", r ? ", " : "", p->res[r].name);
			if (p->nres > 6)
				mutu_buf_puts(b, ", ...");
			mutu_buf_printf(b, "); per working day median %.1f, range %d-%d over %zu days\n",
					p->daily_median, p->daily_min, p->daily_max, p->active_days);
			for (size_t r = 0; r < p->nres; r++)
				if (p->res[r].elsewhere)
					mutu_buf_printf(b, "; %s helps here (%zu executions) but counts at the pelaksana "
							"where most of its work is\n", p->res[r].name, p->res[r].events);
			for (size_t r = 0; r < p->nres; r++)
				if (!p->res[r].elsewhere && p->res[r].after >= 0) {
					const struct cres *y = &p->res[p->res[r].after];
					char e0[16], s1[16];
					fmt_local_day(y->last, e0, sizeof e0);
					fmt_local_day(p->res[r].first, s1, sizeof s1);
					mutu_buf_printf(b, "; %s (to %s) then %s (from %s): never on one day, counted as "
							"one officer\n; (one person under two names, a user id and a name, "
							"or a successor)\n", y->name, e0, p->res[r].name, s1);
				}
			if (!isnan(p->absent))
				mutu_buf_printf(b, "; absence: %.1f%% of officer-days missing on %zu busy days\n",
						100 * p->absent, p->busy_days);
		}
		if (p->no_res && p->nres)
			mutu_buf_printf(b, "; (%zu of its %zu events name no officer)\n", p->no_res, p->events);
		mutu_buf_printf(b, "; offered load with the fitted times: %.2f officers busy on average\n", p->load);
		if (p->load_absent_dropped)
			mutu_buf_puts(b, "; absence left out: with it the staff present could not carry that load\n");
		if (p->load_staff_raised)
			mutu_buf_printf(b, "; staff raised to %d so that the load is at most 90%%: %s\n", p->staff,
					p->load_model ? "with the model's mutu baku of the steps the log does not time"
						      : "the log's officers did more than its calendar's hours allow");
		if (p->batch_minute >= 0)
			mutu_buf_printf(b, "; batch: %zu %s (%.0f%% of all) fall in %02d:%02d-%02d:%02d, %.1f times an "
					"average window, over %zu working days\n",
					p->batch_days, p->by_end ? "completions" : "starts", 100 * p->batch_share,
					p->batch_minute / 60, p->batch_minute % 60,
					(p->batch_minute + (p->by_end ? 29 : 2)) / 60, (p->batch_minute + (p->by_end ? 29 : 2)) % 60,
					p->batch_ratio, p->active_days);
		mutu_buf_printf(b, "%s = %d", p->name, p->staff);
		if (!isnan(p->absent) && p->absent >= 0.01 && p->absent < 0.9)
			mutu_buf_printf(b, " absent=%.2f", p->absent);
		if (p->batch_minute >= 0)
			mutu_buf_printf(b, " batch=daily at %02d:%02d", p->batch_minute / 60, p->batch_minute % 60);
		mutu_buf_puts(b, "\n");
	}
	for (size_t i = 0; i < c->nsop; i++) {
		const struct csop *so = &c->sop[i];
		const struct sop_model *m = so->s->model;
		if (!m) {
			mutu_buf_puts(b, "\n; cases without an SOP model: no [sop] section (a scenario needs steps)\n");
			continue;
		}
		mutu_buf_printf(b, "\n[sop %s]\nmodel = %s\n", so->s->id, m->path ? m->path : so->s->id);
		mutu_buf_printf(b, "; arrivals: %zu cases whose first event lies in the period", so->narr);
		if (so->x24)
			mutu_buf_printf(b, ",\n; %.0f%% of them outside office hours (online): around the clock, "
					"per calendar day\n", 100.0 * (double)so->off_hours / (double)so->narr);
		else
			mutu_buf_printf(b, ", over %.1f working days\n; (%zu outside office hours, counted when "
					"the office opens)\n", so->work_days, so->off_hours);
		if (!isnan(so->disp_index))
			mutu_buf_printf(b, "; daily counts: dispersion %.2f (variance/mean, Poisson 1), chi-square "
					"p=%.3g over %zu days: %s\n",
					so->disp_index, so->disp_p, so->ndays,
					so->disp_p < 0.01 ? "over-dispersed, busier and quieter days than Poisson"
							   : "consistent with Poisson");
		if (so->gap_days) {
			char g0[16], g1[16];
			fmt_day(so->gap_from, so->s->cal, g0, sizeof g0);
			fmt_day(so->gap_to, so->s->cal, g1, sizeof g1);
			mutu_buf_printf(b, "; no arrival on %zu working days in a row, %s to %s, where the rate expects "
					"%.0f: a gap in the log\n; or the office shut? The rate is per open day, without them; if it was shut,\n"
					"; add them to the calendar's local.csv as TUTUP (a step across them counts them)\n",
					so->gap_days, g0, g1, so->gap_expected);
		}
		if (so->has_month) {
			mutu_buf_printf(b, "; monthly rates differ (chi-square p=%.3g), files per working day:", so->month_p);
			for (int j = 0; j < so->nmonth; j++)
				mutu_buf_printf(b, "%s %04d-%02d %.2f", j && j % 6 == 0 ? "\n;  " : "",
						so->month_ym[j] / 12, so->month_ym[j] % 12 + 1,
						so->month_u[j] > 0 ? so->month_n[j] / so->month_u[j] : 0);
			mutu_buf_puts(b, "\n; the rate below is their average, and no scenario key draws a season: for\n"
					 "; a busy month's staffing, calibrate that month alone (--from/--to)\n");
		}
		mutu_buf_printf(b, "arrivals = %.4g per hari\n", so->rate);
		if (so->x24)
			mutu_buf_puts(b, "arrivals_24x7 = yes\n");
		if (so->has_weekday) {
			mutu_buf_printf(b, "; weekday rates differ (chi-square p=%.3g): factors Monday..Friday\n",
					so->wd_p);
			mutu_buf_printf(b, "profile.weekday = %.3f %.3f %.3f %.3f %.3f\n", so->weekday[0],
					so->weekday[1], so->weekday[2], so->weekday[3], so->weekday[4]);
		}
		if (so->has_hour) {
			mutu_buf_printf(b, "; hourly rates differ (chi-square p=%.3g): factors for hours 00..23\n",
					so->hour_p);
			mutu_buf_puts(b, "profile.hour =");
			for (int h = 0; h < 24; h++)
				mutu_buf_printf(b, " %.2f", so->hour[h]);
			mutu_buf_puts(b, "\n");
		}
		for (int k = 0; k < so->nsteps; k++) {
			const struct cstep *st = &so->steps[k];
			mutu_buf_printf(b, "; step %d %s (%s): ", st->no, st->ms->activity ? st->ms->activity : "",
					st->pemohon ? "Pemohon" : c->pel[st->pel].name);
			mutu_buf_puts(b, "mutu baku ");
			put_minutes(b, st->std_s);
			if (st->wait.seen) {
				mutu_buf_puts(b, ", mean wait ");
				put_minutes(b, sample_mean(&st->wait));
			}
			mutu_buf_puts(b, "\n");
			if (!st->fitted) {
				mutu_buf_puts(b, ";   never seen in the log: the model's mutu baku is kept\n");
				if (st->delay)
					put_delay(b, st);
				continue;
			}
			mutu_buf_puts(b, ";   service ");
			put_dist_source(b, &st->fit);
			if (st->n_end_only)
				mutu_buf_printf(b, "\n;   %zu completion-only: start rebuilt from the previous completion%s",
						st->n_end_only,
						st->pel >= 0 && c->pel[st->pel].nres ? " of the case or the officer" : " of the case (no officer: a delay)");
			mutu_buf_puts(b, "\n");
			double lo, hi;
			if (st->fit.n < CALIB_FEW && mean_ci(&st->fit, &lo, &hi)) {
				mutu_buf_printf(b, ";   few times (n=%zu): the mean is only known to lie in %.1f to %.1f Menit "
						   "(95%%)", st->fit.n, lo / 60, hi / 60);
				if (isfinite(st->std_s))
					mutu_buf_puts(b, st->std_s >= lo && st->std_s <= hi
							 ? "; the mutu baku lies in it"
							 : "; the mutu baku lies outside it: the log and the SOP disagree");
				mutu_buf_puts(b, "\n");
			}
			if (dist_use(&st->fit) == USE_NONE) {
				mutu_buf_printf(b, ";   %s: the model's mutu baku is kept\n",
						st->fit.npos == 0 ? "every time is 0" : "too few times");
				if (st->delay)
					put_delay(b, st);
			} else {
				mutu_buf_printf(b, "step.%d.service = ", st->no);
				put_dist(b, &st->fit);
				mutu_buf_puts(b, "\n");
				if (st->delay)
					mutu_buf_printf(b, ";   no officer named: a delay of these times, no staff, no queue\n"
							   "step.%d.delay = yes\n", st->no);
			}
			if (st->rejected && st->decided) {
				double share = (double)st->rejected / (double)st->decided;
				mutu_buf_printf(b, ";   rework: %zu of %zu went back (to step %d most often)",
						st->rejected, st->decided, st->reject_to);
				if (st->away_fitted)
					mutu_buf_printf(b, ", away mean %.1f Menit", st->away_fit.mean / 60.0);
				mutu_buf_puts(b, "\n");
				mutu_buf_printf(b, "step.%d.reject = %.4f\n", st->no, share);
				if (st->reject_to > 0 && st->reject_to < st->no)
					mutu_buf_printf(b, "step.%d.reject_to = %d\n", st->no, st->reject_to);
				if (st->away_fitted && dist_use(&st->away_fit) != USE_NONE) {
					mutu_buf_puts(b, ";   away ");
					put_dist_source(b, &st->away_fit);
					/* mutu sim spends step.N.resubmit outside the office
					 * (the clock stopped) and then queues the file again
					 * at the step it returns to; the time away in the log
					 * holds that queue's wait too.  So a return to a
					 * staffed step is written less its mean wait there:
					 * a draft the Kepala Dinas sent back to the Back
					 * Office waited 122 min in its queue and nowhere else,
					 * and as resubmit the simulated lead lost those 122
					 * min off the clock and waited again (2.3% short) */
					struct fit_choice aw = st->away_fit;
					int to = st->reject_to > 0 && st->reject_to <= so->s->last_step
							 ? so->pos_of[st->reject_to] : -1;
					const struct cstep *ts = to >= 0 ? &so->steps[to] : NULL;
					double w = ts && ts->pel >= 0 && !ts->delay && ts->wait.seen ? sample_mean(&ts->wait) : 0;
					if (w > 0) {
						double m = aw.mean - w > 0 ? aw.mean - w : 0;
						for (int q = 0; q < FIT_NQ; q++)
							aw.q[q] = aw.q[q] - w > 0 ? aw.q[q] - w : 0;
						aw.mean = m;
						mutu_buf_printf(b, "\n;   less the mean wait at step %d (%.1f Menit), which mutu sim makes "
								   "by queueing it again", st->reject_to, w / 60);
					}
					mutu_buf_printf(b, "\nstep.%d.resubmit = ", st->no);
					if (w > 0 && (aw.mean <= 0 || !(aw.q[FIT_NQ - 1] > 0)))
						mutu_buf_puts(b, "0 Menit");
					else
						put_dist(b, &aw);
					mutu_buf_puts(b, "\n");
				}
			}
		}
		if (so->nunmapped) {
			mutu_buf_puts(b, "; not calibrated: activities not in the SOP:");
			for (size_t u = 0; u < so->nunmapped; u++)
				mutu_buf_printf(b, "%s \"%s\" (%zu)", u ? "," : "", so->unmapped[u], so->unmapped_n[u]);
			if (so->unmapped_more)
				mutu_buf_printf(b, " and %zu more", so->unmapped_more);
			mutu_buf_puts(b, "\n");
		}
	}
	cut_long_comments(b);
	mutu_buf_add(out, bb.s, bb.len);
	mutu_buf_release(&bb);
}

static void json_num(struct mutu_buf *b, double v)
{
	if (isfinite(v))
		mutu_buf_printf(b, "%.6g", v);
	else
		mutu_buf_puts(b, "null");
}

/* json_num of a time in seconds as minutes, then ", \"<key>_text\": ..."
 * beside it: the minutes as the text output words them (dur_json_text,
 * working days of dm; the document is Indonesian, as the calibrated ini) */
static void json_min(struct mutu_buf *b, const char *key, double s, int dm)
{
	json_num(b, s / 60);
	mutu_buf_printf(b, ", \"%s_text\": ", key);
	dur_json_text(b, s / 60, dm, DUR_ID);
}

static void json_fit(struct mutu_buf *b, const struct fit_choice *f, int dm)
{
	mutu_buf_printf(b, "{\"n\": %zu, \"n_positive\": %zu, \"mean_min\": ", f->n, f->npos);
	json_min(b, "mean_min", f->mean, dm);
	double lo, hi;
	if (mean_ci(f, &lo, &hi))
		mutu_buf_printf(b, ", \"mean_ci_min\": [%.6g, %.6g]", lo / 60, hi / 60);
	else
		mutu_buf_puts(b, ", \"mean_ci_min\": null");
	mutu_buf_puts(b, ", \"family\": ");
	enum use u = dist_use(f);
	if (u == USE_FAMILY)
		mutu_buf_json_str(b, fit_family_name(f->fam[f->best].family));
	else if (u == USE_EMPIRICAL)
		mutu_buf_puts(b, "\"empirical\"");
	else
		mutu_buf_puts(b, "null");
	mutu_buf_puts(b, ", \"passes\": ");
	mutu_buf_puts(b, f->passes ? "true" : "false");
	mutu_buf_puts(b, ", \"fits\": [");
	int first = 1;
	for (int k = 0; k < FIT_NFAMILY; k++) {
		const struct fit_result *r = &f->fam[k];
		if (!r->ok)
			continue;
		mutu_buf_printf(b, "%s{\"family\": \"%s\", \"p1\": ", first ? "" : ", ", fit_family_name(r->family));
		json_num(b, r->p1);
		mutu_buf_puts(b, ", \"p2\": ");
		json_num(b, r->p2);
		mutu_buf_puts(b, ", \"mean_min\": ");
		json_min(b, "mean_min", r->mean, dm);
		mutu_buf_puts(b, ", \"cv\": ");
		json_num(b, r->cv);
		mutu_buf_puts(b, ", \"aic\": ");
		json_num(b, r->aic);
		mutu_buf_puts(b, ", \"ks_d\": ");
		json_num(b, r->ks_d);
		mutu_buf_puts(b, ", \"ks_p\": ");
		json_num(b, r->ks_p);
		mutu_buf_puts(b, "}");
		first = 0;
	}
	mutu_buf_puts(b, "], \"quantiles_min\": [");
	for (int q = 0; q < FIT_NQ; q++) {
		if (q)
			mutu_buf_puts(b, ", ");
		json_num(b, f->q[q] / 60);
	}
	mutu_buf_puts(b, "]}");
}

void calib_format_json(const struct calib *c, struct mutu_buf *b)
{
	const struct cal *cal0 = c->sop[0].s->cal;
	char d0[32], d1[32];
	fmt_day(c->from, cal0, d0, sizeof d0);
	fmt_day(c->to - 1, cal0, d1, sizeof d1);
	/* the kind first, as every mutu JSON document (docs/schema/calibrate.schema.json);
	 * then the units, named once */
	mutu_buf_printf(b, "{\"schema\": \"mutu.calibrate/1\",\n \"units\": {\"duration\": \"minutes\", "
			   "\"duration_kind\": \"working minutes of the SOP's calendar (the _min names)\", "
			   "\"duration_text\": \"<name>_text beside a single duration: the same as the text output shows it\", "
			   "\"quantiles_min\": \"minutes, without texts (a list)\", "
			   "\"fit_parameters\": \"fits[].p1, p2 as fit.h defines them, over durations in seconds "
			   "(exponential mean; gamma shape, scale; lognormal mu, sigma of ln seconds; weibull shape, scale)\", "
			   "\"rate\": \"arrivals per working day\", \"share\": \"fraction 0..1\", \"count\": \"berkas or events\"},\n"
			   " \"period\": {\"from\": \"%s\", \"to\": \"%s\"}, \"cases_read\": %zu, "
			   "\"events_read\": %zu, \"cases_other_sops\": %zu,\n \"staff\": [",
			d0, d1, c->cases_read, c->events_read, c->cases_other);
	for (size_t i = 0; i < c->npel; i++) {
		const struct cpel *p = &c->pel[i];
		mutu_buf_puts(b, i ? ",\n  " : "\n  ");
		mutu_buf_puts(b, "{\"name\": ");
		mutu_buf_json_str(b, p->name);
		mutu_buf_printf(b, ", \"seen\": %s, \"events\": %zu, \"events_without_officer\": %zu, "
				   "\"officers\": %zu, \"staff\": %d, \"daily_median\": ",
				p->seen ? "true" : "false", p->events, p->no_res, p->nres, p->staff);
		json_num(b, p->active_days ? p->daily_median : NAN);
		mutu_buf_printf(b, ", \"daily_min\": %d, \"daily_max\": %d, \"active_days\": %zu, \"absent\": ",
				p->daily_min, p->daily_max, p->active_days);
		json_num(b, p->absent);
		mutu_buf_puts(b, ", \"load\": ");
		json_num(b, p->load);
		mutu_buf_printf(b, ", \"staff_raised\": %s", p->load_staff_raised ? "true" : "false");
		mutu_buf_puts(b, ", \"officers_elsewhere\": [");
		for (size_t r = 0, n = 0; r < p->nres; r++)
			if (p->res[r].elsewhere) {
				mutu_buf_puts(b, n++ ? ", " : "");
				mutu_buf_json_str(b, p->res[r].name);
			}
		mutu_buf_puts(b, "], \"officers_in_turn\": [");
		for (size_t r = 0, n = 0; r < p->nres; r++)
			if (!p->res[r].elsewhere && p->res[r].after >= 0) {
				mutu_buf_puts(b, n++ ? ", [" : "[");
				mutu_buf_json_str(b, p->res[p->res[r].after].name);
				mutu_buf_puts(b, ", ");
				mutu_buf_json_str(b, p->res[r].name);
				mutu_buf_puts(b, "]");
			}
		mutu_buf_puts(b, "]");
		mutu_buf_puts(b, ", \"batch\": ");
		if (p->batch_minute >= 0)
			mutu_buf_printf(b, "\"%02d:%02d\", \"batch_share\": %.4f, \"batch_days\": %zu",
					p->batch_minute / 60, p->batch_minute % 60, p->batch_share, p->batch_days);
		else
			mutu_buf_puts(b, "null");
		mutu_buf_puts(b, "}");
	}
	mutu_buf_puts(b, "],\n \"sops\": [");
	for (size_t i = 0; i < c->nsop; i++) {
		const struct csop *so = &c->sop[i];
		mutu_buf_puts(b, i ? ",\n  {" : "\n  {");
		mutu_buf_puts(b, "\"id\": ");
		if (so->s->id)
			mutu_buf_json_str(b, so->s->id);
		else
			mutu_buf_puts(b, "null");
		mutu_buf_printf(b, ", \"cases\": %zu, \"cases_outside_period\": %zu, \"arrivals\": {\"per_day\": ",
				so->narr, so->cases_out);
		json_num(b, so->rate);
		mutu_buf_printf(b, ", \"arrivals_24x7\": %s, \"outside_hours\": %zu, \"working_days\": ",
				so->x24 ? "true" : "false", so->off_hours);
		json_num(b, so->work_days);
		mutu_buf_puts(b, ", \"gap\": ");
		if (so->gap_days) {
			char g0[16], g1[16];
			fmt_day(so->gap_from, so->s->cal, g0, sizeof g0);
			fmt_day(so->gap_to, so->s->cal, g1, sizeof g1);
			mutu_buf_printf(b, "{\"from\": \"%s\", \"to\": \"%s\", \"working_days\": %zu, \"expected\": ",
					g0, g1, so->gap_days);
			json_num(b, so->gap_expected);
			mutu_buf_puts(b, "}");
		} else {
			mutu_buf_puts(b, "null");
		}
		mutu_buf_puts(b, ", \"dispersion\": ");
		json_num(b, so->disp_index);
		mutu_buf_puts(b, ", \"dispersion_p\": ");
		json_num(b, so->disp_p);
		mutu_buf_puts(b, ", \"weekday\": ");
		if (so->has_weekday)
			mutu_buf_printf(b, "[%.4f, %.4f, %.4f, %.4f, %.4f]", so->weekday[0], so->weekday[1],
					so->weekday[2], so->weekday[3], so->weekday[4]);
		else
			mutu_buf_puts(b, "null");
		mutu_buf_puts(b, ", \"weekday_p\": ");
		json_num(b, so->x24 ? NAN : so->wd_p);
		mutu_buf_puts(b, ", \"hour\": ");
		if (so->has_hour) {
			for (int h = 0; h < 24; h++)
				mutu_buf_printf(b, "%s%.4f", h ? ", " : "[", so->hour[h]);
			mutu_buf_puts(b, "]");
		} else {
			mutu_buf_puts(b, "null");
		}
		mutu_buf_puts(b, ", \"hour_p\": ");
		json_num(b, so->x24 ? NAN : so->hour_p);
		mutu_buf_puts(b, ", \"month\": ");
		if (so->has_month && !so->x24) {
			for (int j = 0; j < so->nmonth; j++) {
				mutu_buf_printf(b, "%s{\"month\": \"%04d-%02d\", \"per_day\": ", j ? ", " : "[",
						so->month_ym[j] / 12, so->month_ym[j] % 12 + 1);
				json_num(b, so->month_u[j] > 0 ? so->month_n[j] / so->month_u[j] : NAN);
				mutu_buf_puts(b, ", \"working_days\": ");
				json_num(b, so->month_u[j]);
				mutu_buf_puts(b, "}");
			}
			mutu_buf_puts(b, "]");
		} else {
			mutu_buf_puts(b, "null");
		}
		mutu_buf_puts(b, ", \"month_p\": ");
		json_num(b, so->x24 ? NAN : so->month_p);
		mutu_buf_puts(b, "},\n   \"steps\": [");
		for (int k = 0; k < so->nsteps; k++) {
			const struct cstep *st = &so->steps[k];
			mutu_buf_puts(b, k ? ",\n    " : "\n    ");
			mutu_buf_printf(b, "{\"no\": %d, \"pelaksana\": ", st->no);
			mutu_buf_json_str(b, st->pemohon ? "Pemohon" : c->pel[st->pel].name);
			int dm = so->s->day_minutes;
			mutu_buf_puts(b, ", \"std_min\": ");
			json_min(b, "std_min", st->std_s, dm);
			mutu_buf_printf(b, ", \"calibrated\": %s, \"delay\": %s, \"completion_only\": %zu, "
					"\"wait_mean_min\": ",
					st->fitted && dist_use(&st->fit) != USE_NONE ? "true" : "false",
					st->delay ? "true" : "false", st->n_end_only);
			json_min(b, "wait_mean_min", sample_mean(&st->wait), dm);
			mutu_buf_puts(b, ", \"service_mean_min\": ");
			json_min(b, "service_mean_min", sample_mean(&st->svc), dm);
			mutu_buf_puts(b, ", \"service\": ");
			if (st->fitted)
				json_fit(b, &st->fit, dm);
			else
				mutu_buf_puts(b, "null");
			mutu_buf_printf(b, ", \"decided\": %zu, \"rejected\": %zu, \"reject\": ", st->decided,
					st->rejected);
			json_num(b, st->decided ? (double)st->rejected / (double)st->decided : NAN);
			mutu_buf_printf(b, ", \"reject_to\": %d, \"away_mean_min\": ", st->reject_to);
			json_min(b, "away_mean_min", sample_mean(&st->away), dm);
			mutu_buf_puts(b, "}");
		}
		mutu_buf_puts(b, "],\n   \"unmapped\": [");
		for (size_t u = 0; u < so->nunmapped; u++) {
			mutu_buf_puts(b, u ? ", {\"activity\": " : "{\"activity\": ");
			mutu_buf_json_str(b, so->unmapped[u]);
			mutu_buf_printf(b, ", \"events\": %zu}", so->unmapped_n[u]);
		}
		mutu_buf_puts(b, "]}");
	}
	mutu_buf_puts(b, "]}\n");
}

#define T(id, en) (lang == CALIB_EN ? (en) : (id))

/* The text summary is for a person: numbers as the reports write them,
 * "2.701,4" in Indonesian and "2,701.4" in English (mutu_fmt_num), unlike
 * the scenario file's comments, which keep the INI's decimal point.  NF:
 * dec decimals; NG: sig significant digits (what "%.3g" showed, without
 * its exponent form). */
#define NUMW 48
static const char *nf(char *buf, double v, int dec, enum calib_lang lang)
{
	struct mutu_buf t;
	mutu_buf_init(&t);
	mutu_fmt_num(&t, v, dec, lang == CALIB_EN);
	snprintf(buf, NUMW, "%s", t.s);
	mutu_buf_release(&t);
	return buf;
}

static const char *ng(char *buf, double v, int sig, enum calib_lang lang)
{
	int dec = 0;
	if (isfinite(v) && v != 0) {
		int mag = (int)floor(log10(fabs(v)));
		dec = sig - 1 - mag;
		dec = dec < 0 ? 0 : dec > 9 ? 9 : dec;
	}
	nf(buf, v, dec, lang);
	/* %g drops trailing zeros: 0.5 not 0.500 */
	char *sep = strchr(buf, lang == CALIB_EN ? '.' : ',');
	if (sep) {
		char *e = buf + strlen(buf);
		while (e > sep + 1 && e[-1] == '0')
			*--e = '\0';
		if (e == sep + 1)
			*sep = '\0';
	}
	return buf;
}


void calib_format_text(const struct calib *c, enum calib_lang lang, struct mutu_buf *b)
{
	char n1[NUMW], n2[NUMW];
	const struct cal *cal0 = c->sop[0].s->cal;
	char d0[32], d1[32];
	fmt_day(c->from, cal0, d0, sizeof d0);
	fmt_day(c->to - 1, cal0, d1, sizeof d1);
	mutu_buf_printf(b, T("Kalibrasi %s s.d. %s (kalender %s): %zu kasus, %zu event dibaca\n",
			     "Calibration %s to %s (calendar %s): %zu cases, %zu events read\n"),
			d0, d1, cal_name(cal0), c->cases_read, c->events_read);
	for (size_t i = 0; i < c->nsop; i++) {
		const struct csop *so = &c->sop[i];
		mutu_buf_printf(b, "\nSOP %s: ", sop_label(so->s));
		mutu_buf_printf(b, T("%zu berkas, %s per hari%s", "%zu files, %s per day%s"), so->narr,
				ng(n1, so->rate, 3, lang), so->x24 ? T(" (24x7, daring)", " (24x7, online)") : T(" kerja", " (working)"));
		if (!isnan(so->disp_index))
			mutu_buf_printf(b, T("; dispersi %s (p=%s)", "; dispersion %s (p=%s)"),
					nf(n1, so->disp_index, 2, lang), ng(n2, so->disp_p, 3, lang));
		mutu_buf_puts(b, "\n");
		if (so->gap_days) {
			char g0[16], g1[16];
			fmt_day(so->gap_from, so->s->cal, g0, sizeof g0);
			fmt_day(so->gap_to, so->s->cal, g1, sizeof g1);
			mutu_buf_printf(b, T("  tanpa berkas masuk %zu hari kerja berturut-turut, %s s.d. %s (diharapkan %s): "
					     "celah di log atau kantor tutup? laju tanpa hari itu; bila tutup, tambahkan ke local.csv (TUTUP)\n",
					     "  no arrival on %zu working days in a row, %s to %s (%s expected): a gap in "
					     "the log, or the office shut? the rate leaves them out; if shut, add them to local.csv (TUTUP)\n"),
					so->gap_days, g0, g1, nf(n1, so->gap_expected, 0, lang));
		}
		if (so->has_month) {
			mutu_buf_printf(b, T("  laju per bulan berbeda (p=%s), berkas per hari kerja:",
					     "  monthly rates differ (p=%s), files per working day:"),
					ng(n2, so->month_p, 3, lang));
			for (int j = 0; j < so->nmonth; j++)
				mutu_buf_printf(b, " %04d-%02d %s", so->month_ym[j] / 12, so->month_ym[j] % 12 + 1,
						nf(n1, so->month_u[j] > 0 ? so->month_n[j] / so->month_u[j] : 0, 2, lang));
			mutu_buf_puts(b, T("; untuk bulan sibuk, kalibrasi bulan itu saja (--from/--to)\n",
					   "; for a busy month, calibrate it alone (--from/--to)\n"));
		}
		for (int k = 0; k < so->nsteps; k++) {
			const struct cstep *st = &so->steps[k];
			mutu_buf_printf(b, T("  langkah %-2d %-24.24s ", "  step %-2d %-24.24s "), st->no,
					st->pemohon ? "Pemohon" : c->pel[st->pel].name);
			if (!st->fitted) {
				mutu_buf_puts(b, st->delay ? T("tidak ada di log: tunda sebesar mutu baku, tanpa petugas "
							       "dan antrean (step.N.delay)\n",
							       "not in the log: a delay of its mutu baku, no staff, no "
							       "queue (step.N.delay)\n")
							   : T("tidak ada di log: mutu baku model dipakai\n",
							       "not in the log: the model's mutu baku is kept\n"));
				continue;
			}
			enum use u = dist_use(&st->fit);
			mutu_buf_printf(b, "n=%-6zu %-11s ", st->fit.n,
					u == USE_FAMILY ? fit_family_name(st->fit.fam[st->fit.best].family)
					: u == USE_EMPIRICAL ? T("empiris", "empirical") : "-");
			mutu_buf_printf(b, T("rata-rata %s Menit, mutu baku %s", "mean %s Menit, mutu baku %s"),
					nf(n1, sample_mean(&st->svc) / 60, 1, lang),
					isnan(st->std_s) ? "-" : nf(n2, st->std_s / 60, 1, lang));
			if (!isnan(st->std_s))
				mutu_buf_puts(b, " Menit");
			if (st->rejected && st->decided)
				mutu_buf_printf(b, T(", kembali %s%%", ", back %s%%"),
						nf(n1, 100.0 * (double)st->rejected / (double)st->decided, 1, lang));
			if (u == USE_NONE)
				mutu_buf_puts(b, T(" (mutu baku dipakai)", " (mutu baku kept)"));
			double lo, hi;
			if (st->fit.n < CALIB_FEW && mean_ci(&st->fit, &lo, &hi)) {
				mutu_buf_printf(b, T("\n             sedikit data: rata-rata antara %s dan %s Menit (95%%)",
						     "\n             few times: the mean lies in %s to %s Menit (95%%)"),
						nf(n1, lo / 60, 1, lang), nf(n2, hi / 60, 1, lang));
				if (isfinite(st->std_s) && (st->std_s < lo || st->std_s > hi))
					mutu_buf_puts(b, T("; mutu baku di luarnya", "; the mutu baku outside it"));
			}
			mutu_buf_puts(b, "\n");
		}
		if (!so->s->model) {
			const struct cpel *p = &c->pel[so->respel];
			mutu_buf_printf(b, T("  dikalibrasi: kedatangan (laju, dispersi); %zu sumber daya (resource) di log, "
					     "per hari median %s (%d-%d)\n",
					     "  calibrated: arrivals (rate, dispersion); %zu resources in the log, "
					     "per day median %s (%d-%d)\n"),
					p->nres, nf(n1, p->daily_median, 1, lang), p->daily_min, p->daily_max);
			mutu_buf_printf(b, T("  tidak dikalibrasi: tanpa model SOP tidak ada langkah, pelaksana, mutu baku "
					     "atau batas waktu; %zu aktivitas (mis. \"%s\") tidak dipetakan ke langkah; "
					     "tidak ada skenario\n",
					     "  not calibrated: without an SOP model there are no steps, pelaksana, mutu baku "
					     "or ceiling; %zu activities (e.g. \"%s\") map to no step; no scenario\n"),
					so->nunmapped, so->nunmapped ? so->unmapped[0] : "");
		} else if (so->nunmapped)
			mutu_buf_printf(b, T("  tidak dikalibrasi: %zu aktivitas di luar SOP (mis. \"%s\")\n",
					     "  not calibrated: %zu activities outside the SOP (e.g. \"%s\")\n"),
					so->nunmapped, so->unmapped[0]);
	}
	if (c->npel > 1 || (c->npel == 1 && c->sop[0].respel != 0))
		mutu_buf_puts(b, "\nPelaksana:\n");
	for (size_t i = 0; i < c->npel; i++) {
		const struct cpel *p = &c->pel[i];
		int res_only = 0;
		for (size_t k = 0; k < c->nsop; k++)
			res_only |= c->sop[k].respel == (int)i;
		if (res_only)
			continue;
		mutu_buf_printf(b, "  %-28.28s ", p->name);
		if (p->queue_steps == 0) {
			if (p->seen && p->nres == 0)
				mutu_buf_puts(b, T("log tanpa nama petugas: tunda tanpa antrean, tanpa baris [staff]\n",
						   "no officer in the log: a delay without a queue, no [staff] line\n"));
			else
				mutu_buf_puts(b, T("langkahnya tunda tanpa petugas dan antrean: tanpa baris [staff]\n",
						   "its steps are delays without staff or queue: no [staff] line\n"));
			continue;
		}
		if (!p->seen) {
			if (p->load_staff_raised)
				mutu_buf_printf(b, T("tidak ada di log: %d diasumsikan (beban %s dengan mutu baku model)\n",
						     "not in the log: %d assumed (load %s with the model's mutu baku)\n"),
						p->staff, nf(n1, p->load, 2, lang));
			else
				mutu_buf_puts(b, T("tidak ada di log: 1 diasumsikan\n", "not in the log: 1 assumed\n"));
			continue;
		}
		if (p->nres == 0)
			mutu_buf_printf(b, T("log tanpa nama petugas: tunda tanpa antrean (%d)\n",
					     "no officer in the log: a delay without a queue (%d)\n"),
					p->staff);
		else
			mutu_buf_printf(b, T("%d petugas, per hari kerja median %s (%d-%d)",
					     "%d officers, per working day median %s (%d-%d)"),
					p->staff, nf(n1, p->daily_median, 1, lang), p->daily_min, p->daily_max);
		if (p->nres && !isnan(p->absent))
			mutu_buf_printf(b, T(", absen %s%%", ", absent %s%%"), nf(n1, 100 * p->absent, 1, lang));
		if (p->batch_minute >= 0)
			mutu_buf_printf(b, T(", batch harian %02d:%02d (%zu mulai di jendela itu, %sx rata-rata)",
					     ", daily batch %02d:%02d (%zu starts in its window, %sx the average)"),
					p->batch_minute / 60, p->batch_minute % 60, p->batch_days,
					nf(n1, p->batch_ratio, 1, lang));
		if (p->nres)
			mutu_buf_puts(b, "\n");
	}
}
