/*
 * fc.c - the forecast of open files (fc.h): reading the backlog out of
 * the store at an instant, running the simulator forward from it, and
 * the per-file and per-month figures.  fc_read_cases is the one place
 * that reads the store (through the sla reader), so moving to another
 * store API touches only it.  Rendering is in fc_format.c.
 */
#include "mutu/fc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "mutu/cal.h"
#include "mutu/sla.h"

/* Working seconds from a to b on the scenario's calendar (plain seconds
 * without one); 0 when b <= a or outside the calendar. */
static double work_between(const struct cal *cal, double a, double b)
{
	if (!(b > a))
		return 0;
	if (!cal)
		return b - a;
	double w;
	if (cal_between(cal, a, b, &w, NULL))
		return 0;
	return w > 0 ? w : 0;
}

/* Month (year, month) of instant t at offset off; start and end instants. */
static void month_of(double t, int off, int add, struct fc_month *m)
{
	int y, mo, d;
	cal_civil_from_days((int64_t)floor((t + off) / 86400.0), &y, &mo, &d);
	mo += add;
	while (mo > 12) {
		mo -= 12;
		y++;
	}
	m->year = y;
	m->month = mo;
	m->start = (double)cal_days_from_civil(y, mo, 1) * 86400.0 - off;
	int ny = mo == 12 ? y + 1 : y, nm = mo == 12 ? 1 : mo + 1;
	m->end = (double)cal_days_from_civil(ny, nm, 1) * 86400.0 - off;
}

static void add_file(struct fc_forecast *f, const struct fc_file *x)
{
	if (f->nfiles == f->capfiles) {
		f->capfiles = f->capfiles ? 2 * f->capfiles : 64;
		f->files = mutu_realloc(f->files, f->capfiles * sizeof *f->files);
	}
	f->files[f->nfiles++] = *x;
}

/*
 * One case cut at as_of: an open file goes to f, a case finished by
 * as_of in as-of's month counts in month[0]'s observed figures.
 */
static int one_case(struct fc_forecast *f, const struct sim_scenario *sc, int s, const struct sla_sop *ss,
		    const struct sla_case_in *in, struct sla_event *ev, struct mutu_err *err)
{
	double as_of = f->as_of;
	size_t n = 0;
	for (size_t i = 0; i < in->nev; i++) {
		struct sla_event e = in->ev[i];
		double k = !isnan(e.start) ? e.start : e.end;
		if (isnan(k) || k > as_of)
			continue; /* not begun by as-of */
		if (!isnan(e.end) && e.end > as_of)
			e.end = NAN; /* open at as-of */
		ev[n++] = e;
	}
	if (n == 0)
		return 0; /* arrives after as-of */
	sla_events_sort(ev, n);
	f->cases_read++;
	struct sla_case c;
	struct mutu_err e2;
	mutu_err_clear(&e2);
	if (sla_case_compute(ss, in->case_id, in->key, ev, n, NAN, &c, &e2)) {
		mutu_notes_addf(&f->notes, "%s: left out: %s", in->key, e2.msg);
		sla_case_release(&c);
		return 0;
	}
	if (c.finished) {
		f->finished_before++;
		if (c.done >= f->month[0].start && c.done <= as_of && c.sop->has_ceiling) {
			f->month[0].obs_finished += 1;
			f->month[0].obs_within += !c.late;
		}
		sla_case_release(&c);
		return 0;
	}
	struct fc_file x;
	memset(&x, 0, sizeof x);
	x.sop = s;
	x.pos = -1;
	/* the latest open step of the model, else the step after the latest
	 * completed one */
	double last_end = -INFINITY;
	int last_pos = -1;
	for (size_t i = 0; i < n; i++) {
		int pos = ev[i].step > 0 ? sim_scenario_step_pos(sc, (size_t)s, ev[i].step) : -1;
		if (pos < 0)
			continue;
		if (isnan(ev[i].end)) {
			/* an open step a later step's completion has passed is
			 * stale: its end was never logged (SiCANTIK leaves end_date
			 * empty), and the file has gone on.  Before, the file was
			 * put back in it: Tim Teknis open since Monday, the draft
			 * done Tuesday 11:00, and the forecast ran Tim Teknis and
			 * the draft again, signed Wednesday 10:30 instead of
			 * Tuesday 14:30 (tests/cli/test_field_fc.sh, G-022).  A
			 * rework (the step opened again after the later one) is
			 * not passed: its start is after that completion. */
			int passed = 0;
			for (size_t j = 0; j < n && !isnan(ev[i].start); j++) {
				int pj = ev[j].step > 0 ? sim_scenario_step_pos(sc, (size_t)s, ev[j].step) : -1;
				if (pj > pos && !isnan(ev[j].end) && ev[j].end > ev[i].start)
					passed = 1;
			}
			if (passed)
				continue;
			if (!isnan(ev[i].start) && (x.pos < 0 || ev[i].start >= x.since)) {
				x.pos = pos;
				x.since = ev[i].start;
				x.in_service = 1;
			}
		} else if (ev[i].end >= last_end) {
			last_end = ev[i].end;
			last_pos = pos;
		}
	}
	if (x.pos < 0) {
		if (last_pos < 0 || last_pos + 1 >= (int)sim_scenario_nsteps(sc, (size_t)s)) {
			mutu_notes_addf(&f->notes, "%s: left out: open, but no step of the model is open "
				       "or still to come after its events", in->key);
			sla_case_release(&c);
			return 0;
		}
		x.pos = last_pos + 1;
		x.since = last_end;
		/* the applicant's step runs from that completion like a service */
		int actor;
		sim_scenario_step_info(sc, (size_t)s, x.pos, NULL, NULL, &actor);
		x.in_service = actor == SIM_PEMOHON;
	}
	int actor;
	sim_scenario_step_info(sc, (size_t)s, x.pos, &x.step_no, NULL, &actor);
	/* at the applicant's step after a later one: sent back to complete
	 * the berkas, its clock paused until the resubmission (the report's
	 * pause, sla.c stage_pauses); a forward Pemohon step is not */
	for (size_t i = 0; i < n && actor == SIM_PEMOHON && x.in_service; i++) {
		int pos = ev[i].step > 0 ? sim_scenario_step_pos(sc, (size_t)s, ev[i].step) : -1;
		if (pos > x.pos)
			x.returned = 1;
	}
	double age = sla_case_age(&c, as_of);
	x.age_s = isnan(age) || age < 0 ? 0 : age;
	double from = !isnan(c.accepted) && c.accepted <= as_of ? c.accepted : c.arrival;
	x.age_days = (as_of - from) / 86400.0;
	x.in_step_s = work_between(sim_scenario_cal(sc), x.since, as_of);
	x.ceiling_s = sim_scenario_sop_ceiling(sc, (size_t)s);
	x.planned = sla_case_target(ss, in);
	x.key = mutu_strdup(in->key);
	x.sop_id = mutu_strdup(sim_scenario_sop_id(sc, (size_t)s));
	x.p_late = x.p_late_planned = NAN;
	add_file(f, &x);
	sla_case_release(&c);
	(void)err;
	return 0;
}

/* The store, read in one place: every case of the scenario's SOPs. */
static int fc_read_cases(struct mutu_store *db, struct sla_env *env, const struct sim_scenario *sc,
			 struct fc_forecast *f, struct mutu_err *err)
{
	int rc = 0;
	struct sla_event *ev = NULL;
	size_t cap = 0;
	for (size_t s = 0; s < sim_scenario_nsops(sc) && rc == 0; s++) {
		const char *id = sim_scenario_sop_id(sc, s);
		/* The SLA clock (start step, ceiling, planned date) is read from
		 * the model the scenario simulates, on the scenario's calendar,
		 * the clock its ceiling and simulated rest are counted on: not
		 * from whatever models/ID.ini holds (a scenario written by
		 * `mutu calibrate --models DIR` names a model elsewhere).  The
		 * scenario keeps model and calendar (borrowed).  A scenario built
		 * in code has no model: the env resolves it as for an audit. */
		struct sla_sop own;
		memset(&own, 0, sizeof own);
		const struct sop_model *sm = sim_scenario_sop_model(sc, s);
		const struct sla_sop *ss = NULL;
		int from_scenario = sm && sim_scenario_cal(sc);
		if (from_scenario) {
			/* sla_sop_init takes non-const pointers; borrowed, it
			 * neither changes nor frees them */
			rc = sla_sop_init(&own, (struct sop_model *)sm, (struct cal *)sim_scenario_cal(sc),
					  sla_env_opts(env), err);
			own.borrowed = 1;
			if (rc) {
				sla_sop_release(&own);
				break;
			}
			ss = &own;
		}
		struct sla_reader *r = NULL;
		if ((rc = sla_reader_open_ex(db, id, NULL, NULL, &r, err))) {
			sla_sop_release(&own);
			break;
		}
		struct sla_case_in in;
		while ((rc = sla_reader_next(r, &in, err)) == 1) {
			rc = 0;
			if (!from_scenario && (rc = sla_env_get(env, in.sop, &ss, err)))
				break;
			if (in.nev > cap) {
				cap = in.nev * 2;
				ev = mutu_realloc(ev, cap * sizeof *ev);
			}
			if ((rc = one_case(f, sc, (int)s, ss, &in, ev, err)))
				break;
		}
		sla_reader_free(r);
		sla_sop_release(&own);
	}
	free(ev);
	return rc < 0 ? rc : 0;
}

/* Placing order: in service first, then waiting, longest first. */
static int cmp_place(const void *a, const void *b)
{
	const struct fc_file *x = a, *y = b;
	if (x->in_service != y->in_service)
		return y->in_service - x->in_service;
	if (x->since != y->since)
		return x->since < y->since ? -1 : 1;
	return strcmp(x->key, y->key);
}

int fc_forecast_read(struct mutu_store *db, struct sla_env *env, const struct sim_scenario *sc,
		     double as_of, struct fc_forecast **out, struct mutu_err *err)
{
	*out = NULL;
	if (!isfinite(as_of))
		return mutu_errf(err, MUTU_EINPUT, "the forecast needs an as-of instant");
	struct fc_forecast *f = mutu_calloc(1, sizeof *f);
	mutu_notes_init(&f->notes);
	f->as_of = as_of;
	const struct cal *cal = sim_scenario_cal(sc);
	f->utc_offset = cal ? cal_utc_offset(cal) : 0;
	f->day_minutes = sim_scenario_day_minutes(sc);
	month_of(as_of, f->utc_offset, 0, &f->month[0]);
	month_of(as_of, f->utc_offset, 1, &f->month[1]);
	int rc = fc_read_cases(db, env, sc, f, err);
	if (rc) {
		fc_forecast_free(f);
		return rc;
	}
	if (f->nfiles)
		qsort(f->files, f->nfiles, sizeof *f->files, cmp_place);
	*out = f;
	return 0;
}

void fc_forecast_free(struct fc_forecast *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->nfiles; i++) {
		free(f->files[i].key);
		free(f->files[i].sop_id);
	}
	free(f->files);
	mutu_notes_release(&f->notes);
	free(f);
}

int fc_forecast_place(const struct fc_forecast *f, struct sim_scenario *sc, struct mutu_err *err)
{
	if (sim_scenario_nopen(sc))
		return mutu_errf(err, MUTU_EINPUT, "the scenario already holds open files");
	for (size_t i = 0; i < f->nfiles; i++) {
		const struct fc_file *x = &f->files[i];
		double age = x->age_s > SIM_MAX_AGE ? SIM_MAX_AGE : x->age_s;
		double in_step = x->in_step_s > SIM_MAX_AGE ? SIM_MAX_AGE : x->in_step_s;
		/* by SOP id and step number: sc may be another scenario than the
		 * one the files were read for (`sim --from-db --compare`) */
		int s = sim_scenario_find_sop(sc, x->sop_id);
		int pos = s >= 0 ? sim_scenario_step_pos(sc, (size_t)s, x->step_no) : -1;
		if (s < 0 || pos < 0 || sim_scenario_add_open_file(sc, s, pos, age, in_step,
						  x->returned ? SIM_OPEN_RETURNED : x->in_service) < 0)
			return mutu_errf(err, MUTU_EINPUT, "%s: cannot be placed at step %d of %s: the "
				 "scenario has no such SOP or step (compare scenarios with the same SOPs)",
				 x->key, x->step_no, x->sop_id);
	}
	return 0;
}

/* Nearest-rank quantile of sorted v (INFINITY sorts last and stays). */
static double rank_q(const double *v, size_t n, double q)
{
	size_t k = (size_t)floor(q * (double)(n - 1) + 0.5);
	return v[k < n ? k : n - 1];
}

static int cmp_dbl(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int cmp_risk(const void *a, const void *b)
{
	const struct fc_file *x = a, *y = b;
	double px = isnan(x->p_late) ? -1 : x->p_late, py = isnan(y->p_late) ? -1 : y->p_late;
	if (px != py)
		return px > py ? -1 : 1;
	double qx = isnan(x->p_late_planned) ? -1 : x->p_late_planned;
	double qy = isnan(y->p_late_planned) ? -1 : y->p_late_planned;
	if (qx != qy)
		return qx > qy ? -1 : 1;
	if (x->age_s != y->age_s)
		return x->age_s > y->age_s ? -1 : 1;
	return strcmp(x->key, y->key);
}

/* Run sc over [start, end) with statistics from warm; *out results. */
static int run_window(struct sim_scenario *sc, double start, double warm, double end,
		      const struct sim_options *opt, struct sim_results **out, struct mutu_err *err)
{
	int rc = sim_scenario_set_window(sc, start, warm, end, err);
	return rc ? rc : sim_run(sc, opt, out, err);
}

/* Turn c (stats_ci_compute's interval of the mean) into the 95% range of
 * one more value from the same distribution, the prediction interval
 * mean +- t(0.975, n-1) sd sqrt(1 + 1/n), kept inside [lo_min, hi_max].
 * The month's compliance asks where the real month will fall: the interval
 * of the mean shrinks with the replications (sqrt(n) times narrower) and
 * a real month would fall outside it nearly always. */
static void predict_range(struct stats_ci *c, double lo_min, double hi_max)
{
	if (c->n < 2 || isnan(c->sd))
		return;
	double n = (double)c->n;
	c->half = gsl_cdf_tdist_Pinv(0.975, n - 1) * c->sd * sqrt(1 + 1 / n);
	c->lo = fmax(lo_min, c->mean - c->half);
	c->hi = fmin(hi_max, c->mean + c->half);
}

/* The office's compliance in m from one run: per replication the files
 * finished in the run (plus those observed before as-of) and the share
 * within the ceiling; lo..hi the 95% range of the month's outcome. */
static void month_figures(struct fc_month *m, const struct sim_results *r)
{
	int fi = sim_results_find(r, "all/finished"), wi = sim_results_find(r, "all/within");
	double *fin = mutu_calloc((size_t)r->nrep + 1, sizeof *fin);
	double *share = mutu_calloc((size_t)r->nrep + 1, sizeof *share);
	for (int k = 0; k < r->nrep; k++) {
		double nf = fi >= 0 ? r->values[(size_t)k * r->nmetric + (size_t)fi] : 0;
		double w = wi >= 0 ? r->values[(size_t)k * r->nmetric + (size_t)wi] : NAN;
		double nw = nf > 0 && !isnan(w) ? w * nf : 0;
		fin[k] = nf + m->obs_finished;
		share[k] = fin[k] > 0 ? (nw + m->obs_within) / fin[k] : NAN;
	}
	stats_ci_compute(fin, (size_t)r->nrep, 1, 0.95, &m->finished);
	stats_ci_compute(share, (size_t)r->nrep, 1, 0.95, &m->within);
	predict_range(&m->finished, m->obs_finished, INFINITY);
	predict_range(&m->within, 0, 1);
	free(fin);
	free(share);
}

int fc_forecast_run(struct fc_forecast *f, struct sim_scenario *sc, const struct sim_options *opt,
		    struct mutu_err *err)
{
	int rc;
	if ((rc = fc_forecast_place(f, sc, err)))
		return rc;
	double first = -INFINITY, last = INFINITY;
	if (sim_scenario_cal(sc))
		cal_range(sim_scenario_cal(sc), &first, &last);
	/* as-of itself must lie in the calendar; the runs stop at its end.
	 * Before, a month after as-of's reaching past it was refused: no
	 * forecast in December of the calendar's last year (a 2024-2026
	 * calendar on 2026-12-02), and the message gave as-of in epoch
	 * seconds (tests/cli/test_field_fc.sh) */
	if (f->as_of < first || f->as_of >= last - 1) {
		char s[40];
		cal_format_iso(f->as_of, f->utc_offset, s, sizeof s);
		return mutu_errf(err, MUTU_ERANGE,
				 "as-of %s lies outside the years calendar %s covers: forecast from an instant "
				 "inside them or extend the calendar",
				 s, cal_name(sim_scenario_cal(sc)));
	}
	double horizon = f->as_of + 180 * 86400.0;
	if (horizon < f->month[1].end)
		horizon = f->month[1].end;
	if (horizon > last - 1)
		horizon = last - 1;
	for (int k = 0; k < 2; k++)
		if (f->month[k].end > horizon)
			f->month[k].end = horizon;
	f->horizon = horizon;

	struct sim_results *r = NULL;
	if ((rc = run_window(sc, f->as_of, f->as_of, horizon, opt, &r, err)))
		return rc;
	f->nrep = r->nrep;
	f->seed = r->seed;
	double *end = mutu_calloc((size_t)r->nrep + 1, sizeof *end);
	double *lead = mutu_calloc((size_t)r->nrep + 1, sizeof *lead);
	for (size_t i = 0; i < f->nfiles; i++) {
		struct fc_file *x = &f->files[i];
		size_t late = 0, late_pl = 0, open = 0;
		for (int k = 0; k < r->nrep; k++) {
			end[k] = r->open_end[(size_t)k * r->nopen + i];
			lead[k] = r->open_lead[(size_t)k * r->nopen + i];
			/* the simulator's rule for "within" (1e-6 s of slack) */
			late += x->ceiling_s > 0 && lead[k] > x->ceiling_s + 1e-6;
			late_pl += !isnan(x->planned) && end[k] > x->planned;
			open += isinf(end[k]);
		}
		x->p_late = x->ceiling_s > 0 ? (double)late / r->nrep : NAN;
		x->p_late_planned = !isnan(x->planned) ? (double)late_pl / r->nrep : NAN;
		x->p_open = (double)open / r->nrep;
		qsort(end, (size_t)r->nrep, sizeof *end, cmp_dbl);
		qsort(lead, (size_t)r->nrep, sizeof *lead, cmp_dbl);
		x->finish_lo = rank_q(end, (size_t)r->nrep, FC_LO);
		x->finish_mid = rank_q(end, (size_t)r->nrep, 0.5);
		x->finish_hi = rank_q(end, (size_t)r->nrep, FC_HI);
		x->lead_mid = rank_q(lead, (size_t)r->nrep, 0.5);
	}
	free(end);
	free(lead);
	sim_results_free(r);
	r = NULL;

	/* this month: from as-of to its end (nothing when as-of is its last
	 * instant); the next: statistics from its first day */
	if (f->month[0].end > f->as_of + 1) {
		if ((rc = run_window(sc, f->as_of, f->as_of, f->month[0].end, opt, &r, err)))
			return rc;
		month_figures(&f->month[0], r);
		sim_results_free(r);
		r = NULL;
	} else {
		struct fc_month *m = &f->month[0];
		double share = m->obs_finished > 0 ? m->obs_within / m->obs_finished : NAN;
		stats_ci_compute(&m->obs_finished, 1, 1, 0.95, &m->finished);
		stats_ci_compute(&share, 1, 1, 0.95, &m->within);
	}
	if (f->month[1].start < horizon) {
		if ((rc = run_window(sc, f->as_of, f->month[1].start, f->month[1].end, opt, &r, err)))
			return rc;
		month_figures(&f->month[1], r);
		sim_results_free(r);
	} else {
		/* the next month lies past the calendar's years: no figures */
		struct fc_month *m = &f->month[1];
		stats_ci_compute(NULL, 0, 1, 0.95, &m->finished);
		stats_ci_compute(NULL, 0, 1, 0.95, &m->within);
		mutu_notes_addf(&f->notes, "%04d-%02d: not forecast, past the years calendar %s covers "
				"(extend the calendar)", m->year, m->month, cal_name(sim_scenario_cal(sc)));
	}
	if (f->nfiles)
		qsort(f->files, f->nfiles, sizeof *f->files, cmp_risk);
	return 0;
}
