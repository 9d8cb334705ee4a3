/*
 * rpt_sim.c - the simulation report: what `mutu sim ... --report DIR`
 * writes.  The same page as the monthly report (report.css, CSP, charts
 * through gnuplot, inline as data: URIs), fed by struct sim_results:
 * queue length over time per actor, utilisation per actor and lead time
 * against the SOP ceiling with 95% intervals, and, for a comparison of two
 * scenarios under common random numbers, both side by side with the
 * paired differences.
 */
#include "rpt_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mutu/sim.h"

#define TR(o, id, en) ((o)->lang == RPT_EN ? (en) : (id))

static void h(struct mutu_buf *b, const char *s)
{
	rpt_html_escape(b, s);
}

static const char *field_label(const char *f, const struct rpt_opts *o)
{
	static const struct { const char *f, *id, *en; } t[] = {
		{"arrivals", "berkas masuk", "files arrived"},
		{"finished", "berkas selesai", "files finished"},
		{"within", "selesai dalam batas SOP", "finished within the SOP ceiling"},
		{"lead_mean", "waktu penyelesaian rata-rata", "mean lead time"},
		{"lead_p50", "waktu penyelesaian median", "median lead time"},
		{"lead_p90", "waktu penyelesaian p90", "lead time p90"},
		{"lead_p95", "waktu penyelesaian p95", "lead time p95"},
		{"lead_days_mean", "waktu penyelesaian rata-rata (hari kalender)", "mean lead time (calendar days)"},
		{"sojourn_mean", "lama di kantor rata-rata", "mean time in the office"},
		{"throughput", "selesai per jam kerja", "finished per working hour"},
		{"wip_mean", "dalam proses rata-rata", "mean work in progress"},
		{"wip_end", "dalam proses di akhir", "work in progress at the end"},
		{"rejections", "dikembalikan ke pemohon", "sent back to the applicant"},
		{"util", "utilisasi", "utilisation"},
		{"queue_mean", "antrean rata-rata", "mean queue"},
		{"queue_max", "antrean maksimum", "maximum queue"},
		{"wait_mean", "tunggu rata-rata", "mean wait"},
		{"wait_share", "bagian waktu menunggu", "share of time waiting"},
		{"service_mean", "layanan rata-rata", "mean service"},
		{"staff_mean", "petugas bertugas rata-rata", "mean staff on duty"},
		{"wait_within", "tunggu dalam batas wait_target", "waited within wait_target"},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (strcmp(t[i].f, f) == 0)
			return o->lang == RPT_EN ? t[i].en : t[i].id;
	return f;
}

static void fmt_val(struct mutu_buf *b, enum sim_kind k, double v, int dm, const struct rpt_opts *o)
{
	switch (k) {
	case SIM_K_SHARE: rpt_fmt_pct(b, v, o->lang); break;
	case SIM_K_TIME: rpt_fmt_dur(b, v, dm, o->lang); break;
	case SIM_K_COUNT: rpt_fmt_num(b, v, 1, o->lang); break;
	default: rpt_fmt_num(b, v, 2, o->lang); break;
	}
}

/* A time interval reads in one unit, the one its largest value needs
 * (never "-4,8 jam [-1,0 hari - -1,9 jam]"): menit, jam or hari. */
struct tunit {
	double div;
	int dec;
	const char *id, *en;
};

static struct tunit time_unit(const struct stats_ci *ci, int dm)
{
	double day_s = (dm > 0 ? dm : 450) * 60.0, a = fabs(ci->mean);
	if (!isnan(ci->half)) {
		a = fabs(ci->lo) > a ? fabs(ci->lo) : a;
		a = fabs(ci->hi) > a ? fabs(ci->hi) : a;
	}
	if (a < 3600.0)
		return (struct tunit){60.0, 0, " menit", " min"};
	if (a < day_s)
		return (struct tunit){3600.0, 1, " jam", " h"};
	return (struct tunit){day_s, 1, " hari", " d"};
}

static void fmt_in(struct mutu_buf *b, double v, const struct tunit *u, const struct rpt_opts *o)
{
	rpt_fmt_num(b, v / u->div, u->dec, o->lang);
	mutu_buf_puts(b, o->lang == RPT_EN ? u->en : u->id);
}

/* Does v print as zero in unit u (time) or at 1 or 2 decimals? */
static int prints_zero(enum sim_kind k, double v, const struct stats_ci *ci, int dm)
{
	if (k == SIM_K_TIME) {
		struct tunit u = time_unit(ci, dm);
		return fabs(v / u.div) * pow(10, u.dec) < 0.5;
	}
	if (k == SIM_K_SHARE)
		return fabs(v) * 1000 < 0.5;
	return fabs(v) * (k == SIM_K_COUNT ? 10 : 100) < 0.5;
}

static void fmt_ci(struct mutu_buf *b, enum sim_kind k, const struct stats_ci *ci, int dm,
		   const struct rpt_opts *o)
{
	if (k == SIM_K_TIME) {
		struct tunit u = time_unit(ci, dm);
		fmt_in(b, ci->mean, &u, o);
		if (!isnan(ci->half)) {
			mutu_buf_puts(b, " [");
			fmt_in(b, ci->lo, &u, o);
			mutu_buf_puts(b, " \xe2\x80\x93 ");
			fmt_in(b, ci->hi, &u, o);
			mutu_buf_putc(b, ']');
		}
		return;
	}
	fmt_val(b, k, ci->mean, dm, o);
	if (!isnan(ci->half)) {
		mutu_buf_puts(b, " [");
		fmt_val(b, k, ci->lo, dm, o);
		mutu_buf_puts(b, " \xe2\x80\x93 ");
		fmt_val(b, k, ci->hi, dm, o);
		mutu_buf_putc(b, ']');
	}
}

/* The paired difference B - A of metric m as text into t; returns 1 when
 * it is significant: the interval excludes zero as printed ("0 menit
 * [0 menit - 0 menit]" is not, whatever the unrounded bounds). */
static int diff_text(struct mutu_buf *t, const struct sim_metric *m, const struct sim_diff *df, int dm,
		     const struct rpt_opts *o)
{
	if (df->ib < 0)
		return 0;
	/* a share's difference reads in points, not as a share */
	enum sim_kind k = m->kind == SIM_K_SHARE ? SIM_K_LEVEL : m->kind;
	struct stats_ci d = df->d;
	if (m->kind == SIM_K_SHARE) {
		d.mean *= 100;
		d.lo *= 100;
		d.hi *= 100;
		d.half *= 100;
	}
	fmt_ci(t, k, &d, dm, o);
	if (m->kind == SIM_K_SHARE)
		mutu_buf_puts(t, TR(o, " poin", " points"));
	return !isnan(d.half) && (d.lo > 0 || d.hi < 0) && !prints_zero(k, d.lo, &d, dm) && !prints_zero(k, d.hi, &d, dm);
}

static void metric_label(struct mutu_buf *b, const struct sim_scenario *sc, const struct sim_metric *m,
			 const struct rpt_opts *o)
{
	switch (m->scope) {
	case SIM_S_ALL:
		mutu_buf_puts(b, TR(o, "semua", "all"));
		break;
	case SIM_S_SOP:
		mutu_buf_printf(b, "SOP %s", sim_scenario_sop_id(sc, (size_t)m->sop));
		break;
	case SIM_S_STEP:
		mutu_buf_printf(b, "SOP %s %s %d", sim_scenario_sop_id(sc, (size_t)m->sop),
				TR(o, "langkah", "step"), m->step_no);
		break;
	case SIM_S_ACTOR:
		mutu_buf_puts(b, m->actor >= 0 ? sim_scenario_actor_title(sc, (size_t)m->actor) : "Pemohon");
		break;
	}
	mutu_buf_puts(b, ": ");
	mutu_buf_puts(b, field_label(m->field, o));
}

/* A gnuplot data field: no spaces or quotes inside a quoted label. */
static void dat_label(struct mutu_buf *b, const char *s)
{
	mutu_buf_putc(b, '"');
	for (; s && *s; s++)
		mutu_buf_putc(b, *s == '"' ? '\'' : (*s == '\n' || *s == '\r') ? ' ' : *s);
	mutu_buf_putc(b, '"');
}

/* Category labels under a chart's x axis (sim charts are 820 px wide, the
 * plot about 700): at most TICK_MAX of them are written, every k-th of n
 * (the others empty), so the rotated labels stay at least ~28 px apart
 * and do not run into each other (52 weeks would); and each is cut to
 * TICK_CHARS characters with an ellipsis, so a long SOP id or pelaksana
 * still fits the margin under the plot.  The tables carry the full names. */
#define TICK_MAX 24
#define TICK_CHARS 24

static void dat_tick(struct mutu_buf *b, const char *s, size_t i, size_t n)
{
	size_t every = n > TICK_MAX ? (n + TICK_MAX - 1) / TICK_MAX : 1;
	if (i % every) {
		mutu_buf_puts(b, "\"\"");
		return;
	}
	char cut[4 * TICK_CHARS + 8];
	size_t len = 0, chars = 0;
	const char *p = s ? s : "";
	/* count characters, not bytes: a UTF-8 continuation byte is 10xxxxxx */
	for (; *p && chars < TICK_CHARS; chars++) {
		do
			cut[len++] = *p++;
		while ((*p & 0xC0) == 0x80);
	}
	if (*p) { /* longer: keep TICK_CHARS - 1 and an ellipsis */
		while (len && chars >= TICK_CHARS) {
			do
				len--;
			while (len && (cut[len] & 0xC0) == 0x80);
			chars--;
		}
		memcpy(cut + len, "\xe2\x80\xa6", 3);
		len += 3;
	}
	cut[len] = '\0';
	dat_label(b, cut);
}

static void dat_num(struct mutu_buf *b, double v)
{
	if (isnan(v) || isinf(v))
		mutu_buf_puts(b, " ?");
	else
		mutu_buf_printf(b, " %.6g", v);
}

static const struct stats_ci *ci_of(const struct sim_results *r, const char *key)
{
	if (!r)
		return NULL;
	int i = sim_results_find(r, key);
	return i < 0 ? NULL : &r->ci[i];
}

static int chart_queues(struct rpt_charts *cs, const char *key, const struct sim_scenario *sc,
			const struct sim_results *r, const char *title_suffix, struct mutu_err *err)
{
	const struct rpt_opts *o = cs->o;
	double start, warm, end;
	sim_scenario_window(sc, &start, &warm, &end);
	struct mutu_buf d, v;
	mutu_buf_init(&d);
	mutu_buf_init(&v);
	dat_label(&d, "day");
	for (size_t a = 0; a < r->nactors; a++) {
		mutu_buf_putc(&d, ' ');
		dat_tick(&d, sim_scenario_actor_title(sc, a), a, sim_scenario_nactors(sc));
	}
	mutu_buf_putc(&d, '\n');
	for (size_t k = 0; k < r->nsamples; k++) {
		mutu_buf_printf(&d, "%.6g", (r->sample_time[k] - start) / 86400.0);
		for (size_t a = 0; a < r->nactors; a++)
			dat_num(&d, r->queue_mean[a * r->nsamples + k]);
		mutu_buf_putc(&d, '\n');
	}
	char *path = NULL;
	int rc = rpt_chart_data(cs, key, &d, &path, err);
	if (rc == 0) {
		mutu_buf_puts(&v, "datafile = ");
		rpt_gp_str(&v, path);
		mutu_buf_printf(&v, "\nncol = %zu\nxl = ", r->nactors + 1);
		rpt_gp_str(&v, TR(o, "Hari sejak awal simulasi", "Days since the start of the run"));
		mutu_buf_puts(&v, "\nyl = ");
		rpt_gp_str(&v, TR(o, "Berkas dalam antrean (rata-rata replikasi)", "Files queueing (mean over replications)"));
		mutu_buf_putc(&v, '\n');
		rc = rpt_chart_add(cs, key, "queues", v.s, title_suffix, err);
	}
	free(path);
	mutu_buf_release(&d);
	mutu_buf_release(&v);
	return rc;
}

static int chart_util(struct rpt_charts *cs, const struct sim_scenario *sc, const struct sim_results *r,
		      const struct sim_results *rb, const char *la, const char *lb, struct mutu_err *err)
{
	const struct rpt_opts *o = cs->o;
	struct mutu_buf d, v;
	mutu_buf_init(&d);
	mutu_buf_init(&v);
	size_t rows = 0;
	for (size_t a = 0; a < sim_scenario_nactors(sc); a++) {
		char key[256];
		snprintf(key, sizeof key, "actor/%s/util", sim_scenario_actor_name(sc, a));
		const struct stats_ci *ca = ci_of(r, key), *cb = ci_of(rb, key);
		if (!ca)
			continue;
		dat_tick(&d, sim_scenario_actor_title(sc, a), a, sim_scenario_nactors(sc));
		dat_num(&d, 100 * ca->mean);
		dat_num(&d, 100 * ca->lo);
		dat_num(&d, 100 * ca->hi);
		if (rb) {
			dat_num(&d, cb ? 100 * cb->mean : NAN);
			dat_num(&d, cb ? 100 * cb->lo : NAN);
			dat_num(&d, cb ? 100 * cb->hi : NAN);
		}
		mutu_buf_putc(&d, '\n');
		rows++;
	}
	if (!rows)
		mutu_buf_puts(&d, rb ? "\"-\" 0 0 0 0 0 0\n" : "\"-\" 0 0 0\n");
	char *path = NULL;
	int rc = rpt_chart_data(cs, "util", &d, &path, err);
	if (rc == 0) {
		mutu_buf_puts(&v, "datafile = ");
		rpt_gp_str(&v, path);
		mutu_buf_printf(&v, "\ntwo = %d\nyl = ", rb != NULL);
		rpt_gp_str(&v, TR(o, "Utilisasi (%), interval 95%", "Utilisation (%), 95% interval"));
		mutu_buf_puts(&v, "\nta = ");
		rpt_gp_str(&v, la);
		mutu_buf_puts(&v, "\ntb = ");
		rpt_gp_str(&v, lb ? lb : "");
		mutu_buf_putc(&v, '\n');
		rc = rpt_chart_add(cs, "util", "util", v.s, "", err);
	}
	free(path);
	mutu_buf_release(&d);
	mutu_buf_release(&v);
	return rc;
}

static int chart_lead(struct rpt_charts *cs, const struct sim_scenario *sc, const struct sim_results *r,
		      const struct sim_results *rb, const double *ceil_days, const char *la, const char *lb,
		      struct mutu_err *err)
{
	const struct rpt_opts *o = cs->o;
	double day_s = sim_scenario_day_minutes(sc) * 60.0;
	if (!(day_s > 0))
		day_s = 450 * 60.0;
	struct mutu_buf d, v;
	mutu_buf_init(&d);
	mutu_buf_init(&v);
	size_t n = sim_scenario_nsops(sc);
	for (size_t s = 0; s < n; s++) {
		char key[256];
		snprintf(key, sizeof key, "sop/%s/lead_mean", sim_scenario_sop_id(sc, s));
		const struct stats_ci *ca = ci_of(r, key), *cb = ci_of(rb, key);
		dat_tick(&d, sim_scenario_sop_id(sc, s), s, n);
		dat_num(&d, ca ? ca->mean / day_s : NAN);
		dat_num(&d, ca ? ca->lo / day_s : NAN);
		dat_num(&d, ca ? ca->hi / day_s : NAN);
		dat_num(&d, ceil_days[s]);
		if (rb) {
			dat_num(&d, cb ? cb->mean / day_s : NAN);
			dat_num(&d, cb ? cb->lo / day_s : NAN);
			dat_num(&d, cb ? cb->hi / day_s : NAN);
		}
		mutu_buf_putc(&d, '\n');
	}
	if (!n)
		mutu_buf_puts(&d, "\"-\" 0 0 0 ? 0 0 0\n");
	char *path = NULL;
	int rc = rpt_chart_data(cs, "lead", &d, &path, err);
	if (rc == 0) {
		mutu_buf_puts(&v, "datafile = ");
		rpt_gp_str(&v, path);
		mutu_buf_printf(&v, "\ntwo = %d\nyl = ", rb != NULL);
		/* two lines: in one, the label is taller than the plot once
		 * the rotated SOP ids take their margin, and gets cut */
		rpt_gp_str(&v, TR(o, "Waktu penyelesaian rata-rata", "Mean lead time"));
		mutu_buf_puts(&v, " . \"\\n\" . ");
		rpt_gp_str(&v, TR(o, "(hari kerja), interval 95%", "(working days), 95% interval"));
		mutu_buf_puts(&v, "\nta = ");
		rpt_gp_str(&v, la);
		mutu_buf_puts(&v, "\ntb = ");
		rpt_gp_str(&v, lb ? lb : "");
		mutu_buf_puts(&v, "\ntceil = ");
		rpt_gp_str(&v, TR(o, "batas SOP", "SOP ceiling"));
		mutu_buf_putc(&v, '\n');
		rc = rpt_chart_add(cs, "lead", "simlead", v.s, "", err);
	}
	free(path);
	mutu_buf_release(&d);
	mutu_buf_release(&v);
	return rc;
}

/* Per period (mutu sim --by): files finished and the share within the
 * SOP ceiling, each with its 95% interval, run A only. */
static int chart_periods(struct rpt_charts *cs, const struct sim_results *r, struct mutu_err *err)
{
	const struct rpt_opts *o = cs->o;
	const char *by = r->by == SIM_BY_WEEK ? "week" : "month";
	struct mutu_buf d, v;
	mutu_buf_init(&d);
	mutu_buf_init(&v);
	for (size_t p = 0; p < r->nperiods; p++) {
		char key[64];
		snprintf(key, sizeof key, "%s/%s/all/finished", by, r->periods[p].label);
		const struct stats_ci *f = ci_of(r, key);
		snprintf(key, sizeof key, "%s/%s/all/within", by, r->periods[p].label);
		const struct stats_ci *w = ci_of(r, key);
		dat_tick(&d, r->periods[p].label, p, r->nperiods);
		dat_num(&d, f ? f->mean : NAN);
		dat_num(&d, f ? (f->lo < 0 ? 0 : f->lo) : NAN);
		dat_num(&d, f ? f->hi : NAN);
		dat_num(&d, w ? 100 * w->mean : NAN);
		dat_num(&d, w ? (w->lo < 0 ? 0 : 100 * w->lo) : NAN);
		dat_num(&d, w ? (w->hi > 1 ? 100 : 100 * w->hi) : NAN);
		mutu_buf_putc(&d, '\n');
	}
	char *path = NULL;
	int rc = rpt_chart_data(cs, "periods", &d, &path, err);
	if (rc == 0) {
		mutu_buf_puts(&v, "datafile = ");
		rpt_gp_str(&v, path);
		mutu_buf_puts(&v, "\nyl = ");
		rpt_gp_str(&v, TR(o, "Berkas selesai", "Files finished"));
		mutu_buf_puts(&v, "\ny2l = ");
		rpt_gp_str(&v, TR(o, "Dalam batas SOP (%)", "Within the SOP ceiling (%)"));
		mutu_buf_puts(&v, "\ntfin = ");
		rpt_gp_str(&v, TR(o, "berkas selesai (interval 95%)", "files finished (95% interval)"));
		mutu_buf_puts(&v, "\ntshare = ");
		rpt_gp_str(&v, TR(o, "dalam batas SOP (interval 95%)", "within the SOP ceiling (95% interval)"));
		mutu_buf_putc(&v, '\n');
		rc = rpt_chart_add(cs, "periods", "simmonth", v.s, "", err);
	}
	free(path);
	mutu_buf_release(&d);
	mutu_buf_release(&v);
	return rc;
}

/* A comparison opens with what differs: the scenario keys that changed
 * (A -> B), then the headline measures' differences with their
 * significance. */
static void what_differs(struct mutu_buf *b, const struct sim_scenario *sc, const struct sim_results *r,
			 const struct sim_scenario *scb, const struct sim_results *rb,
			 const struct sim_diff *diffs, const char *la, const char *lb, int dm,
			 const struct rpt_opts *o)
{
	(void)rb;
	mutu_buf_printf(b, "<section class=\"answer\" id=\"changes\">\n<h2>%s</h2>\n<p>",
			TR(o, "Yang berbeda antara A dan B", "What differs between A and B"));
	mutu_buf_puts(b, "A = ");
	h(b, la);
	mutu_buf_puts(b, ", B = ");
	h(b, lb);
	mutu_buf_puts(b, "</p>\n<ul>\n");
	struct mutu_notes ch;
	mutu_notes_init(&ch);
	int n = rpt_scenario_changes(sim_scenario_path(sc), sim_scenario_path(scb), o->lang, &ch);
	if (n < 0)
		mutu_buf_printf(b, "<li>%s</li>\n", TR(o, "(skenario tanpa berkas: perbedaan kunci tidak dapat ditampilkan)",
						      "(a scenario without a file: its keys cannot be compared)"));
	else if (n == 0)
		mutu_buf_printf(b, "<li>%s</li>\n", TR(o, "(kedua berkas skenario sama)", "(the two scenario files are the same)"));
	for (size_t i = 0; i < ch.n; i++) {
		mutu_buf_puts(b, "<li><code>");
		h(b, ch.items[i]);
		mutu_buf_puts(b, "</code></li>\n");
	}
	mutu_buf_puts(b, "</ul>\n");
	mutu_notes_release(&ch);
	static const char *heads[] = {"all/finished", "all/within", "all/lead_mean", "all/lead_p90", "all/wip_mean"};
	mutu_buf_printf(b, "<div class=\"tw\"><table class=\"t-summary\"><thead><tr><th>%s</th><th class=\"n\">%s</th>"
			   "<th>%s</th></tr></thead><tbody>\n",
			TR(o, "Ukuran", "Measure"), TR(o, "Selisih B \xe2\x88\x92 A (interval 95%)", "Difference B \xe2\x88\x92 A (95% interval)"),
			TR(o, "Bermakna?", "Significant?"));
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
		int ia = sim_results_find(r, heads[i]);
		if (ia < 0 || diffs[ia].ib < 0)
			continue;
		struct mutu_buf t;
		mutu_buf_init(&t);
		int sig = diff_text(&t, &r->metrics[ia], &diffs[ia], dm, o);
		mutu_buf_puts(b, "<tr><td>");
		h(b, field_label(r->metrics[ia].field, o));
		mutu_buf_puts(b, "</td><td class=\"n\">");
		h(b, t.s);
		mutu_buf_printf(b, "</td><td>%s</td></tr>\n", sig ? TR(o, "ya", "yes") : TR(o, "tidak", "no"));
		mutu_buf_release(&t);
	}
	mutu_buf_puts(b, "</tbody></table></div>\n</section>\n");
}

static const char *base_name(const char *path)
{
	if (!path)
		return NULL;
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

int rpt_sim_html(const struct sim_scenario *sc, const struct sim_results *r,
		 const struct sim_scenario *scb, const struct sim_results *rb,
		 const struct sim_diff *diffs, const struct rpt_opts *o,
		 struct mutu_notes *files, struct mutu_err *err)
{
	int two = scb && rb && diffs;
	if (!two) {
		scb = NULL;
		rb = NULL;
		diffs = NULL;
	}
	const char *name = o->name ? o->name : "sim-report";
	const char *la = base_name(sim_scenario_path(sc));
	const char *lb = two ? base_name(sim_scenario_path(scb)) : NULL;
	if (!la)
		la = "A";
	if (two && !lb)
		lb = "B";
	if (rpt_mkdirs(o->out_dir, err))
		return MUTU_EFAIL;

	/* ceilings from the models, in working days */
	size_t nsop = sim_scenario_nsops(sc);
	double *ceil_days = mutu_calloc(nsop ? nsop : 1, sizeof *ceil_days);
	struct sop_registry *reg = sop_registry_create(o->models_dir, o->calendars_dir);
	size_t missing = 0;
	for (size_t s = 0; s < nsop; s++) {
		const struct sop_entry *en = NULL;
		struct mutu_err e2;
		mutu_err_clear(&e2);
		ceil_days[s] = NAN;
		/* the registry's ceiling: the rounded "(N Hari)" at the model's
		 * own calendar; a model whose calendar is missing has none */
		if (sop_registry_get(reg, sim_scenario_sop_id(sc, s), &en, &e2) == 0 && en->cal)
			ceil_days[s] = en->ceiling_days;
		else
			missing++;
	}
	sop_registry_free(reg);

	struct rpt_charts cs;
	int rc = rpt_charts_init(&cs, o, name, err);
	if (rc == 0 && r->nsamples > 0)
		rc = chart_queues(&cs, "queues", sc, r, la, err);
	if (rc == 0 && two && rb->nsamples > 0)
		rc = chart_queues(&cs, "queues-b", scb, rb, lb, err);
	if (rc == 0)
		rc = chart_util(&cs, sc, r, rb, la, lb, err);
	if (rc == 0)
		rc = chart_lead(&cs, sc, r, rb, ceil_days, la, lb, err);
	if (rc == 0 && r->nperiods > 0)
		rc = chart_periods(&cs, r, err);
	if (rc == 0)
		rc = rpt_charts_run(&cs, err);
	free(ceil_days);
	if (rc) {
		rpt_charts_discard(&cs); /* leave no half-made charts folder */
		rpt_charts_release(&cs);
		return rc;
	}

	int dm = sim_scenario_day_minutes(sc);
	struct mutu_buf b;
	mutu_buf_init(&b);
	const char *title = TR(o, "Laporan Simulasi", "Simulation Report");
	if (rpt_html_head(&b, o->assets_dir, o->lang, NULL, title, NULL, err)) {
		mutu_buf_release(&b);
		rpt_charts_release(&cs);
		return MUTU_EFAIL;
	}
	mutu_buf_printf(&b, "<header>\n<h1>%s</h1>\n<p class=\"sub\">", title);
	h(&b, sim_scenario_path(sc) ? sim_scenario_path(sc) : la);
	if (two) {
		mutu_buf_printf(&b, " %s ", TR(o, "dibanding", "against"));
		h(&b, sim_scenario_path(scb) ? sim_scenario_path(scb) : lb);
	}
	mutu_buf_printf(&b, " \xc2\xb7 %s %llu \xc2\xb7 %d %s", TR(o, "seed", "seed"), (unsigned long long)r->seed,
			r->nrep, TR(o, "replikasi", "replications"));
	if (o->generated_at) {
		mutu_buf_printf(&b, " \xc2\xb7 %s ", TR(o, "dibuat", "generated"));
		h(&b, o->generated_at);
	}
	mutu_buf_puts(&b, "</p>\n</header>\n<main>\n");
	if (two)
		what_differs(&b, sc, r, scb, rb, diffs, la, lb, dm, o);

	/* headline cards */
	static const char *heads[] = {"all/finished", "all/within", "all/lead_mean", "all/wip_mean"};
	mutu_buf_puts(&b, "<dl class=\"cards\">\n");
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
		int ia = sim_results_find(r, heads[i]);
		if (ia < 0)
			continue;
		const struct sim_metric *m = &r->metrics[ia];
		mutu_buf_puts(&b, "<div><dt>");
		h(&b, field_label(m->field, o));
		if (two) {
			mutu_buf_puts(&b, " (");
			h(&b, la);
			mutu_buf_puts(&b, ")");
		}
		mutu_buf_puts(&b, "</dt><dd>");
		struct mutu_buf t;
		mutu_buf_init(&t);
		fmt_val(&t, m->kind, r->ci[ia].mean, dm, o);
		h(&b, t.s);
		mutu_buf_puts(&b, "</dd></div>\n");
		if (two) {
			int ib = sim_results_find(rb, heads[i]);
			if (ib >= 0) {
				mutu_buf_reset(&t);
				fmt_val(&t, m->kind, rb->ci[ib].mean, dm, o);
				mutu_buf_puts(&b, "<div><dt>");
				h(&b, field_label(m->field, o));
				mutu_buf_puts(&b, " (");
				h(&b, lb);
				mutu_buf_puts(&b, ")</dt><dd>");
				h(&b, t.s);
				mutu_buf_puts(&b, "</dd></div>\n");
			}
		}
		mutu_buf_release(&t);
	}
	mutu_buf_puts(&b, "</dl>\n");

	rc = 0;
	rc |= rpt_html_chart(&b, &cs, "lead", TR(o, "Waktu penyelesaian per SOP dibanding batas SOP", "Lead time per SOP against the SOP ceiling"), err);
	if (r->nperiods > 0)
		rc |= rpt_html_chart(&b, &cs, "periods",
				     r->by == SIM_BY_WEEK ? TR(o, "Per minggu: berkas selesai dan bagian dalam batas SOP",
							       "Per week: files finished and share within the SOP ceiling")
							  : TR(o, "Per bulan: berkas selesai dan bagian dalam batas SOP",
							       "Per month: files finished and share within the SOP ceiling"),
				     err);
	rc |= rpt_html_chart(&b, &cs, "util", TR(o, "Utilisasi per pelaksana", "Utilisation per actor"), err);
	rc |= rpt_html_chart(&b, &cs, "queues", TR(o, "Panjang antrean per pelaksana sepanjang waktu", "Queue length per actor over time"), err);
	rc |= rpt_html_chart(&b, &cs, "queues-b", TR(o, "Panjang antrean per pelaksana sepanjang waktu", "Queue length per actor over time"), err);
	if (r->nsamples == 0)
		mutu_buf_printf(&b, "<p class=\"note\">%s</p>\n",
				TR(o, "Antrean tidak disampel dalam run ini (sample_every = 0): tidak ada grafik antrean.",
				   "Queues were not sampled in this run (sample_every = 0): no queue chart."));
	if (missing)
		mutu_buf_printf(&b, "<p class=\"note\">%s</p>\n",
				TR(o, "Sebagian SOP tidak punya model di folder model: batasnya tidak digambar.",
				   "Some SOPs have no model in the models folder: their ceiling is not drawn."));

	/* the side-by-side table: every metric but the per-step ones */
	for (int pass = 0; pass < 2; pass++) {
		mutu_buf_printf(&b, "<h3>%s</h3>\n<div class=\"tw\"><table><thead><tr><th>%s</th><th class=\"n\">",
				pass == 0 ? TR(o, "Hasil (rata-rata dan interval 95% antar replikasi)", "Results (mean and 95% interval across replications)")
					  : TR(o, "Per langkah", "Per step"),
				TR(o, "Ukuran", "Measure"));
		h(&b, la);
		mutu_buf_puts(&b, "</th>");
		if (two) {
			mutu_buf_puts(&b, "<th class=\"n\">");
			h(&b, lb);
			mutu_buf_printf(&b, "</th><th class=\"n\">%s</th><th>%s</th>", TR(o, "Selisih B \xe2\x88\x92 A", "Difference B \xe2\x88\x92 A"),
					TR(o, "Bermakna?", "Significant?"));
		}
		mutu_buf_puts(&b, "</tr></thead><tbody>\n");
		for (size_t i = 0; i < r->nmetric; i++) {
			const struct sim_metric *m = &r->metrics[i];
			/* per-period metrics (--by) have their own chart */
			if (m->period > 0 || (pass == 0) != (m->scope != SIM_S_STEP))
				continue;
			struct mutu_buf t;
			mutu_buf_init(&t);
			metric_label(&t, sc, m, o);
			mutu_buf_puts(&b, "<tr><td>");
			h(&b, t.s);
			mutu_buf_reset(&t);
			fmt_ci(&t, m->kind, &r->ci[i], dm, o);
			mutu_buf_puts(&b, "</td><td class=\"n\">");
			h(&b, t.s);
			mutu_buf_puts(&b, "</td>");
			if (two) {
				const struct sim_diff *df = &diffs[i];
				mutu_buf_reset(&t);
				if (df->ib >= 0)
					fmt_ci(&t, m->kind, &rb->ci[df->ib], dm, o);
				mutu_buf_puts(&b, "<td class=\"n\">");
				h(&b, t.s);
				mutu_buf_reset(&t);
				int sig = diff_text(&t, m, df, dm, o);
				mutu_buf_puts(&b, "</td><td class=\"n\">");
				h(&b, t.s);
				mutu_buf_printf(&b, "</td><td>%s</td>", df->ib < 0 ? "" : sig ? TR(o, "ya", "yes") : TR(o, "tidak", "no"));
			}
			mutu_buf_puts(&b, "</tr>\n");
			mutu_buf_release(&t);
		}
		mutu_buf_puts(&b, "</tbody></table></div>\n");
	}
	mutu_buf_printf(&b, "<section class=\"method\"><h2>%s</h2><ul>\n<li>%s</li>\n<li>%s</li>\n",
			TR(o, "Metode", "Method"),
			TR(o, "Setiap angka adalah rata-rata antar replikasi dengan interval kepercayaan 95% (t Student). Waktu adalah waktu kerja pada kalender skenario.",
			   "Every number is the mean across replications with a 95% confidence interval (Student t). Times are working time in the scenario's calendar."),
			TR(o, "Batas SOP pada grafik waktu penyelesaian: batas dibulatkan \"(N Hari)\" dari model SOP.",
			   "The SOP ceiling on the lead-time chart: the rounded \"(N Hari)\" ceiling of the SOP model."));
	if (two)
		mutu_buf_printf(&b, "<li>%s</li>\n",
				TR(o, "Kedua skenario dijalankan dengan seed dan replikasi yang sama (bilangan acak bersama); selisih dihitung berpasangan per replikasi, bermakna bila intervalnya tidak memuat nol.",
				   "Both scenarios ran with the same seed and replications (common random numbers); differences are paired per replication, significant when their interval excludes zero."));
	mutu_buf_puts(&b, "</ul></section>\n</main>\n<footer>mutu</footer>\n</body>\n</html>\n");
	if (rc == 0)
		rc = rpt_write_report(o->out_dir, name, "html", &b, &cs, files, err);
	mutu_buf_release(&b);
	rpt_charts_release(&cs);
	return rc;
}

/* For the workbook (rpt_xlsx_sim.c): the same words and the same
 * significance rule as this page, so the two never disagree. */
const char *rpt_sim_field_label(const char *field, const struct rpt_opts *o)
{
	return field_label(field, o);
}

int rpt_sim_diff_text(struct mutu_buf *t, const struct sim_metric *m, const struct sim_diff *df, int dm,
		      const struct rpt_opts *o)
{
	return diff_text(t, m, df, dm, o);
}

void rpt_sim_ci_text(struct mutu_buf *b, int kind, const struct stats_ci *ci, int dm,
		     const struct rpt_opts *o)
{
	fmt_ci(b, (enum sim_kind)kind, ci, dm, o);
}
