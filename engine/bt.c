/*
 * bt.c - backtest (bt.h): simulate a scenario month by month and lay each
 * month's simulated range beside what the store's log shows for one SOP.
 *
 * Three parts: bt_observe reads the store (the only place that does, via
 * sla_reader, so that moving the store behind another API changes this one
 * function) and measures every case the way the simulator measures;
 * bt_run runs the simulation and builds the rows; bt_format renders them.
 */
#include "mutu/bt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_statistics_double.h>

#include "mutu/cal.h"
#include "mutu/dur.h"
#include "mutu/sla.h"
#include "mutu/sop.h"

/* What one month shows in the log. */
struct obs_month {
	double arrivals, finished, within;
	double *lead;            /* lead times of the files finished (owned) */
	size_t nlead, caplead;
	double *wait_sum, *wait_n, *serv_sum, *serv_n; /* per step (nsteps), owned */
};

struct obs {
	const struct sim_results *r; /* the periods */
	const struct cal *cal;
	size_t nsteps;
	const int *step_nos;         /* the SOP's step numbers, model order */
	const int *applicant;        /* per step (nsteps): the scenario's pelaksana
				      * is the applicant (SIM_PEMOHON) */
	int end_no;                  /* the office's last step (the simulator's
				      * clock end, sim_scenario_sop_end_step) */
	const struct sop_model *model; /* the SOP's model (roles of its steps), or NULL */
	int start_no;                /* the acceptance check whose end starts the
				      * clock (sim_scenario_sop_start_step), 0:
				      * the arrival */
	double ceiling;              /* working seconds, 0: none */
	double *resub;               /* per step (nsteps): the scenario's time with
				      * the applicant after it sent a file back,
				      * working seconds (the delay, plus the
				      * applicant's steps it returns through; means
				      * when not fixed); NAN: it sends none back
				      * (owned) */
	struct obs_month *m;         /* r->nperiods */
	size_t cases;
};

static long month_of(const struct sim_results *r, double t)
{
	if (!isfinite(t))
		return -1;
	size_t lo = 0, hi = r->nperiods;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (t < r->periods[mid].start)
			hi = mid;
		else if (t >= r->periods[mid].end)
			lo = mid + 1;
		else
			return (long)mid;
	}
	return -1;
}

/* Working seconds from a to b on the scenario's calendar (seconds without
 * one); -1 when either lies outside the calendar's years. */
static int work(const struct obs *o, double a, double b, double *out)
{
	if (!isfinite(a) || !isfinite(b))
		return -1;
	if (!o->cal) {
		*out = b - a;
		return 0;
	}
	struct mutu_err e;
	mutu_err_clear(&e);
	return cal_between(o->cal, a, b, out, &e) ? -1 : 0;
}

static long step_index(const struct obs *o, int no)
{
	for (size_t k = 0; k < o->nsteps; k++)
		if (o->step_nos[k] == no)
			return (long)k;
	return -1;
}

static void add_step(struct obs *o, double t, int no, double wait, double serv)
{
	long p = month_of(o->r, t), k = step_index(o, no);
	if (p < 0 || k < 0)
		return;
	struct obs_month *m = &o->m[p];
	if (!isnan(wait) && wait >= 0) {
		m->wait_sum[k] += wait;
		m->wait_n[k] += 1;
	}
	if (!isnan(serv) && serv >= 0) {
		m->serv_sum[k] += serv;
		m->serv_n[k] += 1;
	}
}

/* The event is the applicant's: by its step, the scenario's pelaksana of
 * it (a log names the applicant as it likes: Applicant, PEMOHON, the
 * applicant's own name in SiCANTIK's diproses_oleh); a step out of the
 * SOP by the one applicant test (sop_actor_is_applicant).  Before, only
 * the words "Pemohon" and "pemohon" were: an English log's melengkapi
 * berkas ran on the clock, 900 m instead of 780 (test_field_fc.sh, R-010). */
static int is_pemohon(const struct obs *o, const struct sla_event *e)
{
	long k = step_index(o, e->step);
	if (k >= 0)
		return o->applicant[k];
	return e->actor && sop_actor_is_applicant(e->actor);
}

/* One case, measured as the simulator measures (bt.h). */
static void observe_case(struct obs *o, const struct sla_case_in *in)
{
	double arrive = NAN, prev_end = NAN, paused = 0, finish = NAN, paused_end = 0, paused_pre = 0;
	int prev_step = 0, with_app = 0;
	/* NAN when the berkas never went past its check (then it did not
	 * finish either); arrival when the clock starts there */
	double accepted = sla_events_accepted(in->ev, in->nev, o->start_no, NAN);
	if (isnan(accepted) && o->start_no > 0)
		/* no step after the check (an SOP that ends with it): accepted
		 * at its last completion, as sla.c's stage_clock_start reads a
		 * check with nothing after it; a case not finished is not
		 * measured anyway */
		for (size_t i = 0; i < in->nev; i++)
			if (in->ev[i].step == o->start_no && isfinite(in->ev[i].end))
				accepted = in->ev[i].end;
	/* the clock stops by the reports' rule (sla_events_done): the first
	 * completion of the office's last step after acceptance that no
	 * return follows, the log's reading of the simulator's clock_stop_k
	 * (a completion that sends the file back does not stop it).  Before,
	 * any later row of an earlier step cancelled a finish, a skipped step
	 * logged late (URUTAN) too, and reports kept the first completion
	 * even when the berkas came back */
	finish = sla_events_done(o->model, o->end_no, in->ev, in->nev, accepted, NULL);
	for (size_t i = 0; i < in->nev; i++) {
		const struct sla_event *e = &in->ev[i];
		double s = isfinite(e->start) ? e->start : prev_end;
		if (isnan(arrive))
			arrive = isfinite(s) ? s : e->end;
		if (!isfinite(e->end)) /* an open step: the rest is not done */
			break;
		double serv = NAN, gap = NAN, wait = NAN;
		work(o, s, e->end, &serv);
		/* back: to an earlier step, through the applicant; or to the
		 * same step when the scenario has it send files back (its
		 * reject_to a Pemohon step the log has no row for).  Otherwise
		 * the same step again straight after itself is no return: the
		 * step's work logged in two rows (resumed after the break, a
		 * second session); the gap between them is the office's, on
		 * the clock, and no queue.  Before, it was always paused as the
		 * applicant's: 390 m for 450 (test_field_fc.sh, T-017) */
		long prev_k = step_index(o, prev_step);
		int rejects = prev_k >= 0 && !isnan(o->resub[prev_k]);
		int same = i > 0 && e->step > 0 && e->step == prev_step && !rejects;
		int back = i > 0 && e->step > 0 && prev_step > 0 && e->step <= prev_step && !same;
		if (i > 0)
			work(o, prev_end, s, &gap);
		if (back) { /* went back after the previous step: with the applicant */
			with_app = 1;
			double app = gap;
			long pk = step_index(o, prev_step);
			double r = pk >= 0 ? o->resub[pk] : NAN;
			if (!isnan(gap) && !is_pemohon(o, e) && !isnan(r)) {
				/* straight back to a staffed step: the gap is the
				 * applicant's time and then the queue at this step,
				 * with no stamp between them.  The simulator counts
				 * the queue as waiting (in the lead time and this
				 * step's wait), so the applicant's part is the
				 * scenario's delay (exact when fixed, its mean
				 * otherwise) and the rest this step's wait */
				app = gap < r ? gap : r;
				wait = gap - app;
			}
			if (!isnan(app))
				paused += app;
		} else if (i > 0 && !same) {
			wait = gap; /* the queue before this step */
		}
		if (with_app) {
			if (is_pemohon(o, e)) {
				if (!isnan(serv))
					paused += serv;
			} else {
				with_app = 0;
			}
		}
		add_step(o, s, e->step, is_pemohon(o, e) ? NAN : wait, serv);
		if (e->end <= accepted)
			paused_pre = paused; /* off the clock before acceptance anyway */
		prev_end = e->end;
		prev_step = e->step;
		/* the applicant's time up to the clock's stop (the
		 * collection after it still counts as a step) */
		if (e->step == o->end_no && e->end == finish)
			paused_end = paused;
	}
	long pa = month_of(o->r, arrive);
	if (pa >= 0)
		o->m[pa].arrivals += 1;
	if (!isfinite(finish))
		return;
	/* the clock starts at the acceptance, by the rule the reports use
	 * (sla_events_accepted), as the simulator's does (sim.c
	 * clock_start); the applicant's time before it was counted in
	 * paused and is inside the span cut off, so only the pauses after
	 * it come off */
	double lead;
	if (!isfinite(accepted) || accepted > finish) {
		accepted = arrive;
		paused_pre = 0;
	}
	if (work(o, accepted, finish, &lead))
		return;
	lead -= paused_end - paused_pre;
	long pf = month_of(o->r, finish);
	if (pf < 0)
		return;
	struct obs_month *m = &o->m[pf];
	m->finished += 1;
	/* 1 s of slack: stamps are whole seconds */
	if (o->ceiling > 0 && lead <= o->ceiling + 1.0)
		m->within += 1;
	if (m->nlead == m->caplead)
		m->lead = mutu_realloc(m->lead, (m->caplead = m->caplead ? 2 * m->caplead : 16) * sizeof *m->lead);
	m->lead[m->nlead++] = lead;
}

/* Read the cases of sop_id from db: the one place that reads the store. */
static int bt_observe(struct mutu_store *db, const char *sop_id, struct obs *o, struct mutu_err *err)
{
	struct sla_reader *rd = NULL;
	int rc = sla_reader_open(db, sop_id, NULL, &rd, err);
	if (rc)
		return rc;
	struct sla_case_in in;
	while ((rc = sla_reader_next(rd, &in, err)) == 1) {
		o->cases++;
		observe_case(o, &in);
	}
	sla_reader_free(rd);
	return rc < 0 ? rc : 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* "YYYY-MM" or "YYYY-MM-DD" -> "YYYY-MM" in out[8]; -1 when unreadable. */
static int month_arg(const char *s, char out[8])
{
	int y, m;
	char rest;
	if (!s || strlen(s) < 7 || sscanf(s, "%4d-%2d%c", &y, &m, &rest) < 2 || y < 1970 || y > 9999 ||
	    m < 1 || m > 12 || (s[7] && s[7] != '-'))
		return -1;
	snprintf(out, 8, "%04d-%02d", y % 10000, m);
	return 0;
}

static void add_row(struct bt_result *res, size_t *cap, const char *period, const char *measure, int step,
		    enum sim_kind kind, double observed, const struct sim_results *r, const char *key)
{
	int i = sim_results_find(r, key);
	if (i < 0) /* not measured by the simulator (a Pemohon step's wait) */
		return;
	if (isnan(observed)) {
		res->skipped++;
		return;
	}
	double *v = mutu_malloc((size_t)r->nrep * sizeof *v);
	size_t n = 0;
	double sum = 0;
	for (int k = 0; k < r->nrep; k++) {
		double x = r->values[(size_t)k * r->nmetric + (size_t)i];
		if (!isnan(x)) {
			v[n++] = x;
			sum += x;
		}
	}
	if (n == 0) {
		free(v);
		res->skipped++;
		return;
	}
	qsort(v, n, sizeof *v, cmp_double);
	if (res->nrows == *cap)
		res->rows = mutu_realloc(res->rows, (*cap = *cap ? 2 * *cap : 64) * sizeof *res->rows);
	struct bt_row *w = &res->rows[res->nrows++];
	memset(w, 0, sizeof *w);
	snprintf(w->period, sizeof w->period, "%s", period);
	w->measure = measure;
	w->step_no = step;
	w->kind = kind;
	w->observed = observed;
	w->sim_mean = sum / (double)n;
	w->sim_lo = gsl_stats_quantile_from_sorted_data(v, 1, n, 0.025);
	w->sim_hi = gsl_stats_quantile_from_sorted_data(v, 1, n, 0.975);
	/* stamps are whole seconds and quantiles come from a histogram 0.39%
	 * wide (stats.h): a time that close to the range is inside */
	double tol = kind == SIM_K_TIME ? fmax(1.0, 0.005 * fabs(observed)) : 1e-9;
	w->inside = observed >= w->sim_lo - tol && observed <= w->sim_hi + tol;
	res->inside += (size_t)w->inside;
	free(v);
}

int bt_run(const struct sim_scenario *sc, struct mutu_store *db, const struct bt_opts *o,
	   struct bt_result **out, struct mutu_err *err)
{
	*out = NULL;
	long sop = -1;
	for (size_t s = 0; s < sim_scenario_nsops(sc); s++)
		if (o->sop_id && !strcmp(sim_scenario_sop_id(sc, s), o->sop_id))
			sop = (long)s;
	if (sop < 0)
		return mutu_errf(err, MUTU_EINPUT, "--sop %s: the scenario %s has no such SOP (its [sop ID] sections name them)",
				 o->sop_id ? o->sop_id : "(none)", sim_scenario_path(sc) ? sim_scenario_path(sc) : "");
	char from[8] = "", to[8] = "";
	if (o->from && month_arg(o->from, from))
		return mutu_errf(err, MUTU_EINPUT, "--from %s: a month YYYY-MM (or a date YYYY-MM-DD)", o->from);
	if (o->to && month_arg(o->to, to))
		return mutu_errf(err, MUTU_EINPUT, "--to %s: a month YYYY-MM (or a date YYYY-MM-DD)", o->to);
	if (*from && *to && strcmp(from, to) > 0)
		return mutu_errf(err, MUTU_EINPUT, "--from %s is after --to %s", o->from, o->to);

	struct sim_options so = o->sim;
	so.by = SIM_BY_MONTH;
	/* the range's ends are quantiles across replications: from few
	 * they fall too close together (bt.h, BT_MIN_REPLICATIONS) */
	if (so.replications <= 0)
		so.replications = sim_scenario_replications(sc) > BT_MIN_REPLICATIONS
					  ? sim_scenario_replications(sc) : BT_MIN_REPLICATIONS;
	struct sim_results *r = NULL;
	int rc = sim_run(sc, &so, &r, err);
	if (rc)
		return rc;
	if ((*from || *to) && (!r->nperiods || (*from && strcmp(from, r->periods[r->nperiods - 1].label) > 0) ||
			       (*to && strcmp(to, r->periods[0].label) < 0))) {
		rc = mutu_errf(err, MUTU_EINPUT, "--from %s / --to %s: no month of the scenario's run (%s .. %s); "
				 "change the scenario's [run] start and end to simulate those months",
				 *from ? from : "-", *to ? to : "-", r->nperiods ? r->periods[0].label : "-",
				 r->nperiods ? r->periods[r->nperiods - 1].label : "-");
		sim_results_free(r);
		return rc;
	}

	/* the SOP's steps, from the simulator's own metric layout */
	const char *id = sim_scenario_sop_id(sc, (size_t)sop);
	int *nos = mutu_calloc(r->nmetric + 1, sizeof *nos);
	size_t nsteps = 0;
	for (size_t i = 0; i < r->nmetric; i++) {
		const struct sim_metric *m = &r->metrics[i];
		if (m->period || m->scope != SIM_S_STEP || m->sop != (int)sop)
			continue;
		if (!nsteps || nos[nsteps - 1] != m->step_no)
			nos[nsteps++] = m->step_no;
	}
	struct obs ob = {.r = r, .cal = sim_scenario_cal(sc), .nsteps = nsteps, .step_nos = nos,
			 .end_no = sim_scenario_sop_end_step(sc, (size_t)sop),
			 .start_no = sim_scenario_sop_start_step(sc, (size_t)sop),
			 .model = sim_scenario_sop_model(sc, (size_t)sop),
			 .ceiling = sim_scenario_sop_ceiling(sc, (size_t)sop)};
	ob.resub = mutu_calloc(nsteps + 1, sizeof *ob.resub);
	int *app = mutu_calloc(nsteps + 1, sizeof *app);
	for (size_t k = 0; k < nsteps; k++) {
		int pos = sim_scenario_step_pos(sc, (size_t)sop, nos[k]), actor = 0;
		if (pos >= 0)
			sim_scenario_step(sc, (size_t)sop, (size_t)pos, NULL, &actor, NULL);
		/* unstaffed, and not a step the information system does by
		 * itself (the kernel runs those as SIM_PEMOHON too) */
		app[k] = pos >= 0 && actor == SIM_PEMOHON &&
			 sop_actor_is_applicant(sim_scenario_unstaffed_name(sc, (int)sop, nos[k]));
	}
	ob.applicant = app;
	size_t npos = sim_scenario_nsteps(sc, (size_t)sop);
	for (size_t k = 0; k < nsteps; k++) {
		int pos = sim_scenario_step_pos(sc, (size_t)sop, nos[k]), to = -1;
		double p = 0;
		struct sim_dist d = {0};
		if (pos >= 0)
			sim_scenario_step_rework(sc, (size_t)sop, (size_t)pos, &p, &to, &d);
		ob.resub[k] = p > 0 ? d.mean : NAN;
		/* the applicant's own steps the file goes through on its way back
		 * (reject_to a Pemohon step): with the applicant too, and a log
		 * that goes straight on to the staffed step after them shows no
		 * row for them */
		for (int q = to; p > 0 && q >= 0 && (size_t)q < npos; q++) {
			int actor = 0;
			struct sim_dist sv = {0};
			sim_scenario_step(sc, (size_t)sop, (size_t)q, NULL, &actor, &sv);
			if (actor != SIM_PEMOHON)
				break;
			ob.resub[k] += sv.mean;
		}
	}
	ob.m = mutu_calloc(r->nperiods + 1, sizeof *ob.m);
	for (size_t p = 0; p < r->nperiods; p++) {
		ob.m[p].wait_sum = mutu_calloc(nsteps + 1, sizeof(double));
		ob.m[p].wait_n = mutu_calloc(nsteps + 1, sizeof(double));
		ob.m[p].serv_sum = mutu_calloc(nsteps + 1, sizeof(double));
		ob.m[p].serv_n = mutu_calloc(nsteps + 1, sizeof(double));
	}
	rc = bt_observe(db, id, &ob, err);
	if (!rc && ob.cases == 0)
		rc = mutu_errf(err, MUTU_ENOTFOUND, "the store has no case of SOP %s (mutu db info lists its SOPs)", id);

	struct bt_result *res = NULL;
	if (!rc) {
		res = mutu_calloc(1, sizeof *res);
		res->sop_id = mutu_strdup(id);
		res->scenario = mutu_strdup(sim_scenario_path(sc) ? sim_scenario_path(sc) : "");
		res->nrep = r->nrep;
		res->seed = r->seed;
		res->cases = ob.cases;
		size_t cap = 0;
		char key[256];
		for (size_t p = 0; p < r->nperiods; p++) {
			const char *lab = r->periods[p].label;
			if ((*from && strcmp(lab, from) < 0) || (*to && strcmp(lab, to) > 0))
				continue;
			struct obs_month *m = &ob.m[p];
#define ROW(measure, step, kind, value, fmt, ...)                                         \
	do {                                                                                  \
		snprintf(key, sizeof key, "month/%s/" fmt, lab, __VA_ARGS__);                     \
		add_row(res, &cap, lab, measure, step, kind, value, r, key);                      \
	} while (0)
			ROW("arrivals", 0, SIM_K_COUNT, m->arrivals, "sop/%s/arrivals", id);
			ROW("finished", 0, SIM_K_COUNT, m->finished, "sop/%s/finished", id);
			double share = m->finished > 0 && ob.ceiling > 0 ? m->within / m->finished : NAN;
			ROW("within", 0, SIM_K_SHARE, share, "sop/%s/within", id);
			double p50 = NAN, p90 = NAN;
			if (m->nlead) {
				qsort(m->lead, m->nlead, sizeof *m->lead, cmp_double);
				p50 = gsl_stats_quantile_from_sorted_data(m->lead, 1, m->nlead, 0.5);
				p90 = gsl_stats_quantile_from_sorted_data(m->lead, 1, m->nlead, 0.9);
			}
			ROW("lead_p50", 0, SIM_K_TIME, p50, "sop/%s/lead_p50", id);
			ROW("lead_p90", 0, SIM_K_TIME, p90, "sop/%s/lead_p90", id);
			for (size_t k = 0; k < nsteps; k++) {
				double wm = m->wait_n[k] > 0 ? m->wait_sum[k] / m->wait_n[k] : NAN;
				double sm = m->serv_n[k] > 0 ? m->serv_sum[k] / m->serv_n[k] : NAN;
				ROW("wait_mean", nos[k], SIM_K_TIME, wm, "step/%s/%d/wait_mean", id, nos[k]);
				ROW("service_mean", nos[k], SIM_K_TIME, sm, "step/%s/%d/service_mean", id, nos[k]);
			}
#undef ROW
		}
	}
	for (size_t p = 0; p < r->nperiods; p++) {
		free(ob.m[p].lead);
		free(ob.m[p].wait_sum);
		free(ob.m[p].wait_n);
		free(ob.m[p].serv_sum);
		free(ob.m[p].serv_n);
	}
	free(ob.m);
	free(ob.resub);
	free(app);
	free(nos);
	sim_results_free(r);
	*out = res;
	return rc;
}

void bt_result_free(struct bt_result *r)
{
	if (!r)
		return;
	free(r->sop_id);
	free(r->scenario);
	free(r->rows);
	free(r);
}

/* ---- output ------------------------------------------------------------ */

static const char *measure_label(const char *m, int en)
{
	static const struct { const char *m, *id, *en; } t[] = {
		{"arrivals", "berkas masuk", "files arrived"},
		{"finished", "berkas selesai", "files finished"},
		{"within", "selesai dalam batas SOP", "finished within the SOP ceiling"},
		{"lead_p50", "waktu penyelesaian median", "median lead time"},
		{"lead_p90", "waktu penyelesaian p90", "lead time p90"},
		{"wait_mean", "menunggu rata-rata", "mean wait"},
		{"service_mean", "dilayani rata-rata", "mean service"},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (!strcmp(t[i].m, m))
			return en ? t[i].en : t[i].id;
	return m;
}

static void text_val(struct mutu_buf *b, double v, enum sim_kind k, int en, int dm)
{
	char s[96];
	if (isnan(v)) {
		mutu_buf_puts(b, "-");
		return;
	}
	if (k == SIM_K_TIME) {
		dur_format_minutes(v / 60.0, dm, en ? DUR_EN : DUR_ID, s, sizeof s);
	} else {
		snprintf(s, sizeof s, k == SIM_K_SHARE ? "%.1f%%" : "%.1f", k == SIM_K_SHARE ? 100 * v : v);
		if (!en)
			for (char *p = s; *p; p++)
				if (*p == '.')
					*p = ',';
	}
	mutu_buf_puts(b, s);
}

static void json_num(struct mutu_buf *b, double v, enum sim_kind k)
{
	if (isnan(v) || isinf(v))
		mutu_buf_puts(b, "null");
	else
		mutu_buf_printf(b, "%.6g", k == SIM_K_TIME ? v / 60.0 : v);
}

/* ",\"<name>_text\":..." beside a time (nothing for other kinds): the
 * minutes as the text output words them, working days of dm */
static void json_text(struct mutu_buf *b, const char *name, double v, enum sim_kind k, int en, int dm)
{
	if (k != SIM_K_TIME)
		return;
	mutu_buf_printf(b, ",\"%s_text\":", name);
	dur_json_text(b, v / 60.0, dm, en ? DUR_EN : DUR_ID);
}

void bt_format(const struct bt_result *r, enum bt_format fmt, int en, int dm, struct mutu_buf *b)
{
	if (fmt == BT_JSON) {
		/* the kind first, as every mutu JSON document (docs/schema/backtest.schema.json) */
		/* then the units, named once: times in working minutes with their text */
		mutu_buf_puts(b, "{\"schema\":\"mutu.backtest/1\",\"units\":{\"duration\":\"minutes\","
			      "\"duration_kind\":\"working minutes of the scenario's calendar\","
			      "\"duration_text\":\"<name>_text beside observed, mean, lo and hi of a time measure\","
			      "\"share\":\"fraction 0..1\",\"count\":\"berkas\"},\"sop\":");
		mutu_buf_json_str(b, r->sop_id);
		mutu_buf_puts(b, ",\"scenario\":");
		mutu_buf_json_str(b, r->scenario);
		mutu_buf_printf(b, ",\"replications\":%d,\"seed\":%llu,\"cases\":%zu,\"times_in\":\"working minutes\","
				   "\"range\":\"middle 95%% of the replications\",\"rows\":[",
				r->nrep, (unsigned long long)r->seed, r->cases);
		for (size_t i = 0; i < r->nrows; i++) {
			const struct bt_row *w = &r->rows[i];
			mutu_buf_printf(b, "%s{\"period\":\"%s\",\"measure\":\"%s\",", i ? "," : "", w->period, w->measure);
			if (w->step_no)
				mutu_buf_printf(b, "\"step\":%d,", w->step_no);
			mutu_buf_puts(b, "\"observed\":");
			json_num(b, w->observed, w->kind);
			json_text(b, "observed", w->observed, w->kind, en, dm);
			mutu_buf_puts(b, ",\"sim\":{\"mean\":");
			json_num(b, w->sim_mean, w->kind);
			mutu_buf_puts(b, ",\"lo\":");
			json_num(b, w->sim_lo, w->kind);
			mutu_buf_puts(b, ",\"hi\":");
			json_num(b, w->sim_hi, w->kind);
			json_text(b, "mean", w->sim_mean, w->kind, en, dm);
			json_text(b, "lo", w->sim_lo, w->kind, en, dm);
			json_text(b, "hi", w->sim_hi, w->kind, en, dm);
			mutu_buf_printf(b, "},\"inside\":%s}", w->inside ? "true" : "false");
		}
		mutu_buf_printf(b, "],\"summary\":{\"inside\":%zu,\"rows\":%zu,\"skipped\":%zu}}\n", r->inside,
				r->nrows, r->skipped);
		return;
	}
	mutu_buf_printf(b, en ? "Backtest of SOP %s: scenario %s against the log (%zu cases)\n"
			      : "Backtest SOP %s: skenario %s dibanding log (%zu berkas)\n",
			r->sop_id, r->scenario, r->cases);
	mutu_buf_printf(b, en ? "%d replications, seed %llu; simulated: mean [middle 95%% of the replications]; "
				"working time\n"
			      : "%d replikasi, seed %llu; simulasi: rata-rata [95%% tengah antar replikasi]; "
				"waktu = waktu kerja\n",
			r->nrep, (unsigned long long)r->seed);
	const char *last = "";
	for (size_t i = 0; i < r->nrows; i++) {
		const struct bt_row *w = &r->rows[i];
		if (strcmp(last, w->period)) {
			mutu_buf_printf(b, "\n%s\n", w->period);
			last = w->period;
		}
		char lab[96];
		if (w->step_no)
			snprintf(lab, sizeof lab, "%s %d: %s", en ? "step" : "langkah", w->step_no,
				 measure_label(w->measure, en));
		else
			snprintf(lab, sizeof lab, "%s", measure_label(w->measure, en));
		mutu_buf_printf(b, "  %-36s ", lab);
		struct mutu_buf t;
		mutu_buf_init(&t);
		text_val(&t, w->observed, w->kind, en, dm);
		mutu_buf_printf(b, "%-24s ", t.s);
		mutu_buf_reset(&t);
		text_val(&t, w->sim_mean, w->kind, en, dm);
		mutu_buf_puts(&t, " [");
		text_val(&t, w->sim_lo, w->kind, en, dm);
		mutu_buf_puts(&t, " .. ");
		text_val(&t, w->sim_hi, w->kind, en, dm);
		mutu_buf_puts(&t, "]");
		mutu_buf_printf(b, "%s  %s\n", t.s, w->inside ? (en ? "inside" : "di dalam") : (en ? "OUTSIDE" : "DI LUAR"));
		mutu_buf_release(&t);
	}
	double pct = r->nrows ? 100.0 * (double)r->inside / (double)r->nrows : 0;
	char ps[32];
	snprintf(ps, sizeof ps, "%.0f", pct);
	mutu_buf_printf(b, en ? "\nSummary: %zu of %zu rows inside the simulated 95%% range (%s%%)"
			      : "\nRingkasan: %zu dari %zu baris di dalam rentang 95%% simulasi (%s%%)",
			r->inside, r->nrows, ps);
	if (r->skipped)
		mutu_buf_printf(b, en ? "; %zu measures left out (nothing observed or simulated)"
				      : "; %zu ukuran dilewati (tidak ada yang teramati atau disimulasikan)",
				r->skipped);
	mutu_buf_putc(b, '\n');
}
