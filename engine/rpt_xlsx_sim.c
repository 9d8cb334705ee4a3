/*
 * rpt_xlsx_sim.c - Excel workbooks of `mutu sim` (one run, or two with
 * their paired differences), `mutu forecast` and `mutu backtest`, on the helpers of
 * rpt_xlsx.c: summary sheet first, one sheet per table, frozen header
 * rows, numbers as numbers and instants as Excel dates.
 *
 * Simulation figures are means with 95% intervals across replications:
 * mean, lower and upper bound go in three number columns so a planner can
 * compute with them, and a display column repeats them as the HTML report
 * words them (same unit rule, same significance rule: rpt_sim.c).  Times
 * are in working minutes (what the SLA counts), calendar-day metrics in
 * days, shares as fractions with a percent format.
 */
#include "rpt_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mutu/bt.h"
#include "mutu/fc.h"
#include "mutu/sim.h"

#define TR(o, id, en) ((o)->lang == RPT_EN ? (en) : (id))

/* The number a metric's cells hold: working minutes for times, the value
 * itself for everything else. */
static double cell_value(enum sim_kind k, double v)
{
	return k == SIM_K_TIME ? v / 60.0 : v;
}

static enum rpt_xfmt cell_format(enum sim_kind k)
{
	switch (k) {
	case SIM_K_SHARE: return RPT_XF_PCT;
	case SIM_K_TIME: case SIM_K_COUNT: case SIM_K_DAYS: return RPT_XF_1;
	default: return RPT_XF_2;
	}
}

static const char *unit_label(enum sim_kind k, const struct rpt_opts *o)
{
	switch (k) {
	case SIM_K_SHARE: return TR(o, "bagian (%)", "share (%)");
	case SIM_K_TIME: return TR(o, "menit kerja", "working minutes");
	case SIM_K_COUNT: return TR(o, "berkas", "files");
	case SIM_K_RATE: return TR(o, "berkas per jam kerja", "files per working hour");
	case SIM_K_DAYS: return TR(o, "hari kalender", "calendar days");
	default: return TR(o, "jumlah rata-rata", "mean count");
	}
}

/* Where a metric applies, in words: the SOP's name (never its id), the
 * step, the pelaksana's title. */
static void scope_label(struct mutu_buf *b, const struct sim_scenario *sc, const struct sim_metric *m,
			const struct rpt_opts *o)
{
	switch (m->scope) {
	case SIM_S_ALL:
		mutu_buf_puts(b, TR(o, "semua SOP", "all SOPs"));
		break;
	case SIM_S_SOP:
		mutu_buf_puts(b, sim_scenario_sop_name(sc, (size_t)m->sop));
		break;
	case SIM_S_STEP:
		mutu_buf_printf(b, "%s, %s %d", sim_scenario_sop_name(sc, (size_t)m->sop), TR(o, "langkah", "step"),
				m->step_no);
		break;
	case SIM_S_ACTOR:
		mutu_buf_puts(b, m->actor >= 0 ? sim_scenario_actor_title(sc, (size_t)m->actor) : "Pemohon");
		break;
	}
}

static const char *base_name(const char *path)
{
	if (!path)
		return "A";
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

static long month_day(const char *label);

/* Ukuran, Satuan, Rata-rata, Batas bawah, Batas atas, Tampilan. */
static void metric_cells(struct rpt_xlsx *x, const struct sim_metric *m, const struct stats_ci *ci, int dm,
			 const struct rpt_opts *o)
{
	rpt_xlsx_str(x, rpt_sim_field_label(m->field, o));
	rpt_xlsx_str(x, unit_label(m->kind, o));
	enum rpt_xfmt f = cell_format(m->kind);
	rpt_xlsx_num(x, cell_value(m->kind, ci->mean), f);
	rpt_xlsx_num(x, isnan(ci->half) ? NAN : cell_value(m->kind, ci->lo), f);
	rpt_xlsx_num(x, isnan(ci->half) ? NAN : cell_value(m->kind, ci->hi), f);
	struct mutu_buf t;
	mutu_buf_init(&t);
	rpt_sim_ci_text(&t, (int)m->kind, ci, dm, o);
	rpt_xlsx_str(x, t.s);
	mutu_buf_release(&t);
}

#define METRIC_HEAD(o) TR(o, "Ukuran", "Measure"), TR(o, "Satuan", "Unit"), TR(o, "Rata-rata", "Mean"), \
	TR(o, "Batas bawah 95%", "95% lower"), TR(o, "Batas atas 95%", "95% upper"), TR(o, "Tampilan", "Display")

/* Rows of run r (scenario sc, labelled tag) whose metrics pass keep(). */
static void metric_rows(struct rpt_xlsx *x, const char *tag, const struct sim_scenario *sc,
			const struct sim_results *r, const struct rpt_opts *o,
			int (*keep)(const struct sim_metric *m, long arg), long arg, int period_col, int scope_col)
{
	int dm = sim_scenario_day_minutes(sc);
	for (size_t i = 0; i < r->nmetric; i++) {
		const struct sim_metric *m = &r->metrics[i];
		if (!keep(m, arg))
			continue;
		rpt_xlsx_str(x, tag);
		if (period_col) {
			/* a month as an Excel date ("mmm yyyy"), an ISO week as its label */
			const char *pl = m->period > 0 && (size_t)m->period <= r->nperiods ? r->periods[m->period - 1].label : "";
			long d = month_day(pl);
			if (d >= 0)
				rpt_xlsx_day(x, d, RPT_XF_MONTH);
			else
				rpt_xlsx_str(x, pl);
		}
		if (m->scope == SIM_S_STEP && !scope_col) {
			/* the SOP's own sheet: the step as a number, its pelaksana */
			rpt_xlsx_num(x, m->step_no, RPT_XF_INT);
			rpt_xlsx_str(x, m->actor >= 0 ? sim_scenario_actor_title(sc, (size_t)m->actor)
						      : sim_scenario_unstaffed_name(sc, m->sop, m->step_no));
		} else if (scope_col) {
			struct mutu_buf s;
			mutu_buf_init(&s);
			scope_label(&s, sc, m, o);
			rpt_xlsx_str(x, s.s);
			mutu_buf_release(&s);
		}
		metric_cells(x, m, &r->ci[i], dm, o);
		rpt_xlsx_nl(x);
	}
}

static int keep_headline(const struct sim_metric *m, long arg)
{
	(void)arg;
	return m->period == 0 && (m->scope == SIM_S_ALL || m->scope == SIM_S_SOP);
}

static int keep_step(const struct sim_metric *m, long sop)
{
	return m->period == 0 && m->scope == SIM_S_STEP && m->sop == (int)sop;
}

static int keep_actor(const struct sim_metric *m, long arg)
{
	(void)arg;
	return m->period == 0 && m->scope == SIM_S_ACTOR;
}

static int keep_period(const struct sim_metric *m, long arg)
{
	(void)arg;
	return m->period > 0;
}

static void sim_book(const struct sim_scenario *sc, const struct sim_results *r, const struct sim_scenario *scb,
		     const struct sim_results *rb, const struct sim_diff *diffs, const struct rpt_opts *o,
		     struct rpt_xlsx *x)
{
	const char *la = base_name(sim_scenario_path(sc));
	const char *lb = scb ? base_name(sim_scenario_path(scb)) : NULL;
	{
		const char *hd[] = {TR(o, "Skenario", "Scenario"), TR(o, "Lingkup", "Scope"), METRIC_HEAD(o)};
		const double w[] = {22, 34, 30, 16, 12, 14, 14, 34};
		rpt_xlsx_sheet(x, TR(o, "Ringkasan", "Summary"), 8, hd, w);
		metric_rows(x, la, sc, r, o, keep_headline, 0, 0, 1);
		if (rb)
			metric_rows(x, lb, scb, rb, o, keep_headline, 0, 0, 1);
		/* how the figures were made, below the table */
		rpt_xlsx_nl(x);
		rpt_xlsx_str(x, TR(o, "Replikasi", "Replications"));
		rpt_xlsx_num(x, r->nrep, RPT_XF_INT);
		rpt_xlsx_nl(x);
		/* a seed is an identifier, not a quantity (and may pass 2^53, the
		 * last whole number a double holds exactly): text */
		char seed[32];
		snprintf(seed, sizeof seed, "%llu", (unsigned long long)r->seed);
		rpt_xlsx_str(x, "Seed");
		rpt_xlsx_str(x, seed);
		rpt_xlsx_nl(x);
		rpt_xlsx_str(x, TR(o, "Interval", "Interval"));
		rpt_xlsx_str(x, TR(o, "95% antar replikasi (Student t); waktu dalam menit kerja kalender skenario",
				   "95% across replications (Student t); times in working minutes of the scenario's calendar"));
		rpt_xlsx_nl(x);
		if (scb) {
			struct mutu_notes ch;
			mutu_notes_init(&ch);
			int n = rpt_scenario_changes(sim_scenario_path(sc), sim_scenario_path(scb), o->lang, &ch);
			rpt_xlsx_str(x, TR(o, "Yang berbeda B dari A", "What B changes from A"));
			rpt_xlsx_str(x, n < 0 ? TR(o, "(skenario tanpa berkas)", "(a scenario without a file)")
				     : n == 0 ? TR(o, "(kedua berkas skenario sama)", "(the two scenario files are the same)")
				     : ch.items[0]);
			rpt_xlsx_nl(x);
			for (size_t i = 1; i < ch.n; i++) {
				rpt_xlsx_str(x, "");
				rpt_xlsx_str(x, ch.items[i]);
				rpt_xlsx_nl(x);
			}
			mutu_notes_release(&ch);
		}
	}
	if (diffs && rb) {
		const char *hd[] = {TR(o, "Lingkup", "Scope"), TR(o, "Ukuran", "Measure"), TR(o, "Satuan", "Unit"),
				    "A", "B", TR(o, "Selisih B - A", "Difference B - A"),
				    TR(o, "Batas bawah 95%", "95% lower"), TR(o, "Batas atas 95%", "95% upper"),
				    TR(o, "Bermakna?", "Significant?"), TR(o, "Tampilan", "Display")};
		const double w[] = {34, 30, 16, 12, 12, 14, 14, 14, 11, 36};
		rpt_xlsx_sheet(x, TR(o, "Selisih B-A", "Difference B-A"), 10, hd, w);
		int dm = sim_scenario_day_minutes(sc);
		for (size_t i = 0; i < r->nmetric; i++) {
			const struct sim_metric *m = &r->metrics[i];
			const struct sim_diff *df = &diffs[i];
			if (m->period != 0 || df->ib < 0)
				continue;
			struct mutu_buf s;
			mutu_buf_init(&s);
			scope_label(&s, sc, m, o);
			rpt_xlsx_str(x, s.s);
			rpt_xlsx_str(x, rpt_sim_field_label(m->field, o));
			/* a share's difference is in points: the fraction with a
			 * percent format shows 0.012 as "1,2%" */
			rpt_xlsx_str(x, m->kind == SIM_K_SHARE ? TR(o, "poin persen", "percentage points")
				     : unit_label(m->kind, o));
			enum rpt_xfmt f = cell_format(m->kind);
			rpt_xlsx_num(x, cell_value(m->kind, r->ci[i].mean), f);
			rpt_xlsx_num(x, cell_value(m->kind, rb->ci[df->ib].mean), f);
			rpt_xlsx_num(x, cell_value(m->kind, df->d.mean), f);
			rpt_xlsx_num(x, isnan(df->d.half) ? NAN : cell_value(m->kind, df->d.lo), f);
			rpt_xlsx_num(x, isnan(df->d.half) ? NAN : cell_value(m->kind, df->d.hi), f);
			struct mutu_buf t;
			mutu_buf_init(&t);
			int sig = rpt_sim_diff_text(&t, m, df, dm, o);
			rpt_xlsx_str(x, sig ? TR(o, "ya", "yes") : TR(o, "tidak", "no"));
			rpt_xlsx_str(x, t.s);
			rpt_xlsx_nl(x);
			mutu_buf_release(&t);
			mutu_buf_release(&s);
		}
	}
	/* one sheet per SOP with its step rows (of each run) */
	for (size_t s = 0; s < sim_scenario_nsops(sc); s++) {
		const char *hd[] = {TR(o, "Skenario", "Scenario"), TR(o, "Langkah", "Step"), TR(o, "Pelaksana", "Pelaksana"),
				    METRIC_HEAD(o)};
		const double w[] = {22, 9, 26, 26, 16, 12, 14, 14, 34};
		char nm[64];
		/* the number keeps names unique once cut to Excel's 31 characters */
		snprintf(nm, sizeof nm, "%zu %s", s + 1, sim_scenario_sop_name(sc, s));
		rpt_xlsx_sheet(x, nm, 9, hd, w);
		metric_rows(x, la, sc, r, o, keep_step, (long)s, 0, 0);
		if (rb) {
			int sb = sim_scenario_find_sop(scb, sim_scenario_sop_id(sc, s));
			if (sb >= 0)
				metric_rows(x, lb, scb, rb, o, keep_step, sb, 0, 0);
		}
	}
	{
		const char *hd[] = {TR(o, "Skenario", "Scenario"), TR(o, "Pelaksana", "Pelaksana"), METRIC_HEAD(o)};
		const double w[] = {22, 28, 28, 16, 12, 14, 14, 34};
		rpt_xlsx_sheet(x, "Pelaksana", 8, hd, w);
		metric_rows(x, la, sc, r, o, keep_actor, 0, 0, 1);
		if (rb)
			metric_rows(x, lb, scb, rb, o, keep_actor, 0, 0, 1);
	}
	if (r->nperiods) {
		const char *hd[] = {TR(o, "Skenario", "Scenario"), TR(o, "Periode", "Period"), TR(o, "Lingkup", "Scope"),
				    METRIC_HEAD(o)};
		const double w[] = {22, 11, 34, 30, 16, 12, 14, 14, 34};
		rpt_xlsx_sheet(x, TR(o, "Per periode", "By period"), 9, hd, w);
		metric_rows(x, la, sc, r, o, keep_period, 0, 1, 1);
		if (rb)
			metric_rows(x, lb, scb, rb, o, keep_period, 0, 1, 1);
	}
}

/* Open path through the atomic writer, let book() fill the workbook,
 * close it and rename it into place; nothing is left on failure. */
static int write_book(const char *path, struct mutu_err *err,
		      void (*book)(struct rpt_xlsx *x, const void *ctx), const void *ctx)
{
	struct mutu_out mo;
	int rc = mutu_out_open(&mo, path, err);
	if (rc == 0 && !mo.tmp) {
		mutu_out_abort(&mo);
		return mutu_errf(err, MUTU_EINPUT, "an Excel workbook cannot go to standard output: give --out FILE.xlsx");
	}
	if (rc)
		return rc;
	struct rpt_xlsx *x = NULL;
	rc = rpt_xlsx_open(&x, mo.tmp, err);
	if (rc == 0) {
		book(x, ctx);
		rc = rpt_xlsx_close(x, err);
		/* the message names the temporary file: name the user's instead */
		size_t n = strlen(mo.tmp);
		if (rc && err && !strncmp(err->msg, mo.tmp, n)) {
			char rest[MUTU_ERR_MAX];
			snprintf(rest, sizeof rest, "%s", err->msg + n);
			mutu_err_clear(err); /* mutu_errf keeps a first error */
			mutu_errf(err, rc, "%s%s", path, rest);
		}
		if (rc == 0)
			rc = mutu_out_commit(&mo, err) ? MUTU_EFAIL : 0;
	}
	if (rc)
		mutu_out_abort(&mo);
	return rc;
}

struct sim_ctx {
	const struct sim_scenario *sc, *scb;
	const struct sim_results *r, *rb;
	const struct sim_diff *diffs;
	const struct rpt_opts *o;
};

static void sim_book_cb(struct rpt_xlsx *x, const void *ctx)
{
	const struct sim_ctx *c = ctx;
	sim_book(c->sc, c->r, c->scb, c->rb, c->diffs, c->o, x);
}

int rpt_sim_xlsx(const struct sim_scenario *sc, const struct sim_results *r,
		 const struct sim_scenario *scb, const struct sim_results *rb,
		 const struct sim_diff *diffs, const struct rpt_opts *o,
		 const char *path, struct mutu_err *err)
{
	struct sim_ctx c = {sc, rb ? scb : NULL, r, rb, rb ? diffs : NULL, o};
	return write_book(path, err, sim_book_cb, &c);
}

/* ---- forecast ---- */

struct fc_ctx {
	const struct fc_forecast *f;
	const struct sim_scenario *sc;
	const struct rpt_opts *o;
};

static void fc_book(struct rpt_xlsx *x, const void *ctx)
{
	const struct fc_ctx *c = ctx;
	const struct fc_forecast *f = c->f;
	const struct rpt_opts *o = c->o;
	int off = f->utc_offset;
	{
		const char *hd[] = {TR(o, "Per", "As of"), TR(o, "Bulan", "Month"),
				    TR(o, "Selesai (perkiraan)", "Finished (expected)"),
				    /* the bounds are where the month itself will end
				     * (fc.c), as text and HTML word them (fc_format.c),
				     * not an interval of the mean over replications */
				    TR(o, "Selesai: rentang 95% hasil bulan itu, bawah",
				       "Finished: 95% range of the month's outcome, low"),
				    TR(o, "Selesai: rentang 95% hasil bulan itu, atas",
				       "Finished: 95% range of the month's outcome, high"),
				    TR(o, "Dalam batas SOP (perkiraan)", "Within the SOP ceiling (expected)"),
				    TR(o, "Dalam batas SOP: rentang 95% hasil bulan itu, bawah",
				       "Within the ceiling: 95% range of the month's outcome, low"),
				    TR(o, "Dalam batas SOP: rentang 95% hasil bulan itu, atas",
				       "Within the ceiling: 95% range of the month's outcome, high"),
				    TR(o, "Sudah selesai sebelum per", "Finished before as-of"),
				    TR(o, "Di antaranya dalam batas SOP", "Of which within the ceiling")};
		const double w[] = {18, 11, 14, 22, 22, 16, 22, 22, 14, 14};
		rpt_xlsx_sheet(x, TR(o, "Ringkasan", "Summary"), 10, hd, w);
		for (int k = 0; k < 2; k++) {
			const struct fc_month *m = &f->month[k];
			rpt_xlsx_time(x, f->as_of, off);
			/* the month as its first day, shown "mmm yyyy" */
			rpt_xlsx_num(x, (m->start + off) / 86400.0 + 25569.0, RPT_XF_MONTH);
			int ci = !isnan(m->finished.half);
			rpt_xlsx_num(x, m->finished.mean, RPT_XF_1);
			rpt_xlsx_num(x, ci ? m->finished.lo : NAN, RPT_XF_1);
			rpt_xlsx_num(x, ci ? m->finished.hi : NAN, RPT_XF_1);
			ci = !isnan(m->within.half);
			rpt_xlsx_num(x, m->within.mean, RPT_XF_PCT);
			rpt_xlsx_num(x, ci ? m->within.lo : NAN, RPT_XF_PCT);
			rpt_xlsx_num(x, ci ? m->within.hi : NAN, RPT_XF_PCT);
			rpt_xlsx_num(x, m->obs_finished, RPT_XF_INT);
			rpt_xlsx_num(x, m->obs_within, RPT_XF_INT);
			rpt_xlsx_nl(x);
		}
		rpt_xlsx_nl(x);
		rpt_xlsx_str(x, TR(o, "Berkas terbuka", "Open files"));
		rpt_xlsx_num(x, (double)f->nfiles, RPT_XF_INT);
		rpt_xlsx_nl(x);
		rpt_xlsx_str(x, TR(o, "Replikasi", "Replications"));
		rpt_xlsx_num(x, f->nrep, RPT_XF_INT);
		rpt_xlsx_nl(x);
		char seed[32];
		snprintf(seed, sizeof seed, "%llu", (unsigned long long)f->seed);
		rpt_xlsx_str(x, "Seed");
		rpt_xlsx_str(x, seed);
		rpt_xlsx_nl(x);
	}
	{
		const char *hd[] = {TR(o, "Berkas", "File"), "SOP", TR(o, "Langkah", "Step"),
				    TR(o, "Pelaksana", "Pelaksana"), TR(o, "Keadaan", "State"),
				    TR(o, "Sejak", "Since"), TR(o, "Umur (menit kerja)", "Age (working minutes)"),
				    TR(o, "Umur (hari kalender)", "Age (calendar days)"),
				    TR(o, "Batas SOP (menit kerja)", "SOP ceiling (working minutes)"),
				    TR(o, "Peluang terlambat", "Chance late"),
				    TR(o, "Peluang lewat tanggal rencana", "Chance past the planned date"),
				    TR(o, "Perkiraan selesai 10%", "Expected finish 10%"),
				    TR(o, "Perkiraan selesai (median)", "Expected finish (median)"),
				    TR(o, "Perkiraan selesai 90%", "Expected finish 90%"),
				    TR(o, "Tanggal rencana", "Planned date"), TR(o, "Catatan", "Note")};
		const double w[] = {24, 30, 9, 22, 11, 18, 12, 12, 12, 11, 11, 18, 18, 18, 18, 30};
		rpt_xlsx_sheet(x, TR(o, "Berkas terbuka", "Open files"), 16, hd, w);
		for (size_t i = 0; i < f->nfiles; i++) {
			const struct fc_file *fl = &f->files[i];
			int no = 0, actor = SIM_PEMOHON;
			struct sim_dist svc;
			if (fl->sop >= 0 && (size_t)fl->sop < sim_scenario_nsops(c->sc) && fl->pos >= 0 &&
			    (size_t)fl->pos < sim_scenario_nsteps(c->sc, (size_t)fl->sop))
				sim_scenario_step(c->sc, (size_t)fl->sop, (size_t)fl->pos, &no, &actor, &svc);
			rpt_xlsx_str(x, fl->key);
			rpt_xlsx_str(x, fl->sop >= 0 ? sim_scenario_sop_name(c->sc, (size_t)fl->sop) : fl->sop_id);
			rpt_xlsx_num(x, fl->step_no, RPT_XF_INT);
			rpt_xlsx_str(x, actor >= 0 ? sim_scenario_actor_title(c->sc, (size_t)actor)
						    : sim_scenario_unstaffed_name(c->sc, fl->sop, no));
			rpt_xlsx_str(x, fl->in_service ? TR(o, "diproses", "in service") : TR(o, "menunggu", "waiting"));
			rpt_xlsx_time(x, fl->since, off);
			rpt_xlsx_num(x, fl->age_s / 60.0, RPT_XF_1);
			rpt_xlsx_num(x, fl->age_days, RPT_XF_1);
			rpt_xlsx_num(x, fl->ceiling_s > 0 ? fl->ceiling_s / 60.0 : NAN, RPT_XF_INT);
			rpt_xlsx_num(x, fl->p_late, RPT_XF_PCT);
			rpt_xlsx_num(x, fl->p_late_planned, RPT_XF_PCT);
			/* a finish after the end of the run has no date: blank,
			 * and the note says so */
			rpt_xlsx_time(x, fl->finish_lo, off);
			rpt_xlsx_time(x, fl->finish_mid, off);
			rpt_xlsx_time(x, fl->finish_hi, off);
			rpt_xlsx_time(x, fl->planned, off);
			rpt_xlsx_str(x, isinf(fl->finish_hi) ? TR(o, "sebagian replikasi belum selesai di akhir simulasi",
								   "some replications had not finished by the end of the run")
				     : "");
			rpt_xlsx_nl(x);
		}
	}
}

int rpt_forecast_xlsx(const struct fc_forecast *f, const struct sim_scenario *sc, const struct rpt_opts *o,
		      const char *path, struct mutu_err *err)
{
	struct fc_ctx c = {f, sc, o};
	return write_book(path, err, fc_book, &c);
}

/* ---- backtest ---- */

/* Days since 1970-01-01 of the first of "YYYY-MM" (H. Hinnant's
 * days_from_civil); -1 when the label is not a month (a week label). */
static long month_day(const char *label)
{
	int y, m;
	char tail;
	if (sscanf(label, "%4d-%2d%c", &y, &m, &tail) != 2 || m < 1 || m > 12)
		return -1;
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static const char *bt_measure_label(const char *m, const struct rpt_opts *o)
{
	/* the backtest's own measures; the rest are the simulator's fields */
	if (!strcmp(m, "within"))
		return TR(o, "selesai dalam batas SOP", "finished within the SOP ceiling");
	return rpt_sim_field_label(m, o);
}

struct bt_ctx {
	const struct bt_result *r;
	const struct rpt_opts *o;
};

static void bt_book(struct rpt_xlsx *x, const void *ctx)
{
	const struct bt_ctx *c = ctx;
	const struct bt_result *r = c->r;
	const struct rpt_opts *o = c->o;
	{
		const char *hd[] = {"SOP", TR(o, "Skenario", "Scenario"), TR(o, "Replikasi", "Replications"),
				    TR(o, "Berkas di log", "Files in the log"), TR(o, "Baris", "Rows"),
				    TR(o, "Di dalam rentang", "Inside the range"),
				    TR(o, "Bagian di dalam", "Share inside")};
		const double w[] = {26, 30, 11, 12, 9, 14, 12};
		rpt_xlsx_sheet(x, TR(o, "Ringkasan", "Summary"), 7, hd, w);
		rpt_xlsx_str(x, r->sop_id);
		rpt_xlsx_str(x, base_name(r->scenario));
		rpt_xlsx_num(x, r->nrep, RPT_XF_INT);
		rpt_xlsx_num(x, (double)r->cases, RPT_XF_INT);
		rpt_xlsx_num(x, (double)r->nrows, RPT_XF_INT);
		rpt_xlsx_num(x, (double)r->inside, RPT_XF_INT);
		rpt_xlsx_num(x, r->nrows ? (double)r->inside / (double)r->nrows : NAN, RPT_XF_PCT);
		rpt_xlsx_nl(x);
		rpt_xlsx_nl(x);
		rpt_xlsx_str(x, TR(o, "Rentang", "Range"));
		rpt_xlsx_str(x, TR(o, "95% tengah antar replikasi (kuantil 2,5% dan 97,5%); waktu dalam menit kerja",
				   "middle 95% across replications (2.5% and 97.5% quantiles); times in working minutes"));
		rpt_xlsx_nl(x);
	}
	const char *hd[] = {TR(o, "Bulan", "Month"), TR(o, "Ukuran", "Measure"), TR(o, "Langkah", "Step"),
			    TR(o, "Satuan", "Unit"), TR(o, "Teramati", "Observed"),
			    TR(o, "Simulasi rata-rata", "Simulated mean"), TR(o, "Simulasi 2,5%", "Simulated 2.5%"),
			    TR(o, "Simulasi 97,5%", "Simulated 97.5%"), TR(o, "Di dalam rentang?", "Inside?")};
	const double w[] = {11, 30, 9, 16, 12, 14, 14, 14, 11};
	rpt_xlsx_sheet(x, TR(o, "Per bulan", "By month"), 9, hd, w);
	for (size_t i = 0; i < r->nrows; i++) {
		const struct bt_row *b = &r->rows[i];
		long d = month_day(b->period);
		if (d >= 0)
			rpt_xlsx_day(x, d, RPT_XF_MONTH);
		else
			rpt_xlsx_str(x, b->period);
		rpt_xlsx_str(x, bt_measure_label(b->measure, o));
		if (b->step_no > 0)
			rpt_xlsx_num(x, b->step_no, RPT_XF_INT);
		else
			rpt_xlsx_str(x, "");
		rpt_xlsx_str(x, unit_label(b->kind, o));
		enum rpt_xfmt f = cell_format(b->kind);
		rpt_xlsx_num(x, cell_value(b->kind, b->observed), f);
		rpt_xlsx_num(x, cell_value(b->kind, b->sim_mean), f);
		rpt_xlsx_num(x, cell_value(b->kind, b->sim_lo), f);
		rpt_xlsx_num(x, cell_value(b->kind, b->sim_hi), f);
		rpt_xlsx_str(x, b->inside ? TR(o, "ya", "yes") : TR(o, "tidak", "no"));
		rpt_xlsx_nl(x);
	}
}

int rpt_backtest_xlsx(const struct bt_result *r, const struct rpt_opts *o, const char *path,
		      struct mutu_err *err)
{
	struct bt_ctx c = {r, o};
	return write_book(path, err, bt_book, &c);
}
