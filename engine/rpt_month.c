/*
 * rpt_month.c - the monthly compliance report in HTML, Markdown, CSV and
 * JSON, from one struct sla_month.
 *
 * HTML and Markdown are built from the same tables (struct table: cells
 * as plain text, escaped only when written), CSV and JSON from the same
 * emitter calls (struct em), so the formats cannot disagree on a number.
 * Times in the tables: lead times in (working) days, step times in the
 * unit that reads best; in CSV/JSON days and hours with the unit in the key.
 */
#include "rpt_int.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define TR(o, id, en) ((o)->lang == RPT_EN ? (en) : (id))

/* The month's notes (skipped cases, SOPs left out) in the report's language. */
static const struct mutu_notes *month_notes(const struct sla_month *m, const struct rpt_opts *o)
{
	return o->lang == RPT_EN ? &m->notes : &m->notes_id;
}

/* ---- plain-text tables shared by HTML and Markdown ---- */

#define TMAX 16

struct table {
	const char *id;           /* anchor / css hint */
	char *title;
	char *note;               /* shown under the table, may be NULL */
	char *own;                /* a heap header string the table owns */
	int ncol;
	const char *head[TMAX];
	int right[TMAX];          /* numeric column: right-aligned */
	int clip;                 /* 1 + the column whose long text (activities) HTML
				   * shortens, the full text on hover; 0: none */
	char **cell;
	size_t n, cap;            /* cells */
};

/* Detach the string and free the fresh buffer detach leaves behind. */
static char *buf_take(struct mutu_buf *b)
{
	char *s = mutu_buf_detach(b);
	mutu_buf_release(b);
	return s;
}

static void t_init(struct table *t, const char *id, const char *title, int ncol, ...)
{
	memset(t, 0, sizeof *t);
	t->id = id;
	t->title = mutu_strdup(title);
	t->ncol = ncol;
	va_list ap;
	va_start(ap, ncol);
	for (int i = 0; i < ncol; i++) {
		const char *h = va_arg(ap, const char *);
		/* a leading '>' marks a numeric column */
		t->right[i] = h[0] == '>';
		t->head[i] = h + t->right[i];
	}
	va_end(ap);
}

static void t_take(struct table *t, char *s)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->cell = mutu_realloc(t->cell, t->cap * sizeof *t->cell);
	}
	t->cell[t->n++] = s ? s : mutu_strdup("");
}

static void t_str(struct table *t, const char *s)
{
	t_take(t, mutu_strdup(s ? s : ""));
}

static void t_fmt(struct table *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void t_fmt(struct table *t, const char *fmt, ...)
{
	struct mutu_buf b;
	mutu_buf_init(&b);
	va_list ap;
	va_start(ap, fmt);
	mutu_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	t_take(t, buf_take(&b));
}

static void t_free(struct table *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->cell[i]);
	free(t->cell);
	free(t->title);
	free(t->note);
	free(t->own);
}

static size_t t_rows(const struct table *t)
{
	return t->ncol ? t->n / (size_t)t->ncol : 0;
}

/* formatted numbers as new strings */
static char *s_num(double x, int dec, enum rpt_lang l)
{
	struct mutu_buf b;
	mutu_buf_init(&b);
	rpt_fmt_num(&b, x, dec, l);
	return buf_take(&b);
}

static char *s_int(size_t n, enum rpt_lang l)
{
	return s_num((double)n, 0, l);
}

static char *s_pct(double share, enum rpt_lang l)
{
	struct mutu_buf b;
	mutu_buf_init(&b);
	rpt_fmt_pct(&b, share, l);
	return buf_take(&b);
}

static char *s_dur(double s, int dm, enum rpt_lang l)
{
	struct mutu_buf b;
	mutu_buf_init(&b);
	rpt_fmt_dur(&b, s, dm, l);
	return buf_take(&b);
}

static double share(size_t a, size_t b)
{
	return b ? (double)a / (double)b : NAN;
}

/* A share with its count beside it: "66,4% (95 dari 143)"; "–" when b = 0. */
static char *s_pct_of(size_t a, size_t b, enum rpt_lang l)
{
	struct mutu_buf t;
	mutu_buf_init(&t);
	rpt_fmt_pct(&t, share(a, b), l);
	if (b) {
		mutu_buf_puts(&t, " (");
		rpt_fmt_num(&t, (double)a, 0, l);
		mutu_buf_puts(&t, l == RPT_EN ? " of " : " dari ");
		rpt_fmt_num(&t, (double)b, 0, l);
		mutu_buf_putc(&t, ')');
	}
	return buf_take(&t);
}

static double g_day_s(const struct sla_group *g)
{
	return (g->day_minutes > 0 ? g->day_minutes : 450) * 60.0;
}

/* lead time in days with 2 decimals */
static char *s_days(double s, const struct sla_group *g, enum rpt_lang l)
{
	return s_num(isnan(s) ? NAN : s / g_day_s(g), 2, l);
}

static const char *day_unit(const struct rpt_opts *o, const struct sla_group *g)
{
	if (g->day_minutes >= 1440)
		return TR(o, "hari kalender", "calendar days");
	return TR(o, "hari kerja", "working days");
}

static const char *kind_name(int kind, const struct rpt_opts *o)
{
	switch (kind) {
	case 0: return TR(o, "hari kerja", "working day");
	case 1: return TR(o, "akhir pekan", "weekend");
	case 2: return TR(o, "libur nasional", "national holiday");
	case 3: return TR(o, "cuti bersama", "cuti bersama");
	default: return TR(o, "libur lain", "other closure");
	}
}

static const char *short_month(int m, enum rpt_lang l)
{
	/* one 2-D table (see rpt_fmt_local: UBSan and two arrays) */
	static const char *const names[2][12] = {
		{"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"},
		{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}};
	return m >= 1 && m <= 12 ? names[l == RPT_EN][m - 1] : "?";
}

/* ---- the tables of one group ---- */

struct gtables {
	struct table t[10];
	int n;
};

static int has_model(const struct sla_group *g)
{
	return g->sop && g->sop->model;
}

/*
 * The SOP lint in the report's language, worked out here from the numbers
 * (declared total, the steps' sum, the gap) rather than passing on
 * sop_model_check's notes, which are English.  Appended to n.
 */
static void lint_items(const struct sla_group *g, const struct rpt_opts *o, struct mutu_notes *n)
{
	const struct sla_sop *s = g->sop;
	if (!s || !s->model)
		return;
	const struct sop_model *m = s->model;
	int dm = s->day_minutes > 0 ? s->day_minutes : 450;
	enum dur_lang dl = o->lang == RPT_EN ? DUR_EN : DUR_ID;
	/* (the office's steps alone when the total leaves the applicant's
	 * time out: declared_scope = office) */
	struct dur total = sop_model_declared_sum(m);
	int64_t tm = dur_to_minutes(total, dm);
	if (m->has_declared) {
		int64_t dmin = dur_to_minutes(m->declared, dm);
		if (tm != dmin || total.days != m->declared.days) {
			char a[96], b[96], gap[96];
			struct dur d = m->declared, t = total;
			d.rounded_days = -1;
			t.rounded_days = -1;
			dur_format(d, dl, a, sizeof a);
			dur_format(t, dl, b, sizeof b);
			int64_t gm = tm - dmin;
			/* a shortfall is dur_format's "minus 2 Jam" (as sop.c's
			 * fmt_gap), a surplus "+5 Menit" */
			gap[0] = '+';
			dur_format_minutes((double)gm, dm, dl, gap + (gm >= 0), sizeof gap - (gm >= 0));
			if (m->declared_office)
				mutu_notes_addf(n, TR(o, "jumlah yang dinyatakan %s (di luar waktu pemohon), jumlah waktu "
						      "langkah kantor %s: selisih %s",
						      "declared %s (the applicant's time left out), the office's steps sum to "
						      "%s: gap %s"), a, b, gap);
			else
				mutu_notes_addf(n, TR(o, "jumlah yang dinyatakan %s, jumlah waktu langkah %s: selisih %s",
						      "declared %s, the steps sum to %s: gap %s"), a, b, gap);
		}
		if (m->declared.rounded_days >= 0) {
			int64_t need = (tm + dm - 1) / dm;
			if (need > m->declared.rounded_days)
				mutu_notes_addf(n, TR(o, "batas yang dinyatakan (%d hari) lebih kecil dari jumlah langkah "
						      "dibulatkan ke hari penuh (%lld hari, %d menit sehari)",
						      "the declared ceiling (%d days) is below the steps' sum rounded up to "
						      "whole days (%lld days at %d minutes a day)"),
						m->declared.rounded_days, (long long)need, dm);
		}
	}
	for (size_t i = 0; i < m->nsteps; i++) {
		const struct sop_step *st = &m->steps[i];
		if (!st->actor || strcmp(st->actor, "?") == 0)
			mutu_notes_addf(n, TR(o, "langkah %d: pelaksana tidak diketahui (actor = ?)",
					      "step %d: pelaksana unknown (actor = ?)"), st->no);
		if (st->reject_to && (st->reject_to == st->no || !sop_model_step(m, st->reject_to)))
			mutu_notes_addf(n, TR(o, "langkah %d: reject_to %d bukan langkah lain",
					      "step %d: reject_to %d is not another step"), st->no, st->reject_to);
	}
}

/* "Per langkah SOP": each step's times against its waktu; a log without a
 * model gets the activity table without the standard columns. */
static void table_steps(const struct sla_group *g, const struct rpt_opts *o, struct table *t)
{
	enum rpt_lang l = o->lang;
	int dm = g->day_minutes;
	if (has_model(g))
		t_init(t, "steps", TR(o, "Per langkah SOP", "Per SOP step"), 10, ">No.",
		       TR(o, "Kegiatan", "Activity"), TR(o, "Pelaksana (SOP)", "Actor (SOP)"),
		       TR(o, ">Waktu (standar)", ">Waktu (standard)"), ">n", ">Median", ">p90",
		       TR(o, ">% lewat waktu", ">% over waktu"), TR(o, ">Total kelebihan", ">Total excess"),
		       TR(o, ">Kelebihan pada kasus terlambat", ">Excess in late cases"));
	else
		t_init(t, "steps", TR(o, "Per aktivitas", "Per activity"), 10, ">No.",
		       TR(o, "Aktivitas", "Activity"), "-", "-", ">n", ">Median", ">p90", "-", "-", "-");
	for (size_t i = 0; i < g->nsteps; i++) {
		const struct sla_step_row *r = &g->steps[i];
		t_fmt(t, "%d", r->no > 0 ? r->no : (int)i + 1);
		t_str(t, r->activity);
		t_str(t, r->actor ? r->actor : "");
		t_take(t, isnan(r->std_s) ? mutu_strdup("") : s_dur(r->std_s, dm, l));
		t_take(t, s_int(r->st.n, l));
		t_take(t, s_dur(r->st.median, dm, l));
		t_take(t, s_dur(r->st.p90, dm, l));
		t_take(t, isnan(r->std_s) ? mutu_strdup("") : s_pct(share(r->st.over, r->st.n), l));
		t_take(t, isnan(r->std_s) ? mutu_strdup("") : s_dur(r->st.excess_s, dm, l));
		t_take(t, isnan(r->std_s) ? mutu_strdup("") : s_dur(r->st.late_excess_s, dm, l));
	}
	if (g->unmapped.st.n) {
		t_str(t, "?");
		t_str(t, TR(o, "(aktivitas di luar SOP)", "(activities not in the SOP)"));
		t_str(t, "");
		t_str(t, "");
		t_take(t, s_int(g->unmapped.st.n, l));
		t_take(t, s_dur(g->unmapped.st.median, dm, l));
		t_take(t, s_dur(g->unmapped.st.p90, dm, l));
		t_str(t, "");
		t_str(t, "");
		t_str(t, "");
	}
	t->clip = 2;
	if (!has_model(g)) {
		/* drop the standard columns a log without a model cannot fill */
		struct table u;
		t_init(&u, "steps", t->title, 6, ">No.", TR(o, "Aktivitas", "Activity"), ">n", ">Median", ">p90",
		       TR(o, ">Maks.", ">Max."));
		for (size_t i = 0; i < g->nsteps; i++) {
			const struct sla_step_row *r = &g->steps[i];
			t_fmt(&u, "%zu", i + 1);
			t_str(&u, r->activity);
			t_take(&u, s_int(r->st.n, l));
			t_take(&u, s_dur(r->st.median, dm, l));
			t_take(&u, s_dur(r->st.p90, dm, l));
			t_take(&u, s_dur(r->st.max, dm, l));
		}
		t_free(t);
		*t = u;
		t->clip = 2;
	}
}

/* "Per pelaksana"; a log without a model has no waktu to be over: no
 * such columns. */
static void table_actors(const struct sla_group *g, const struct rpt_opts *o, struct table *t)
{
	enum rpt_lang l = o->lang;
	int dm = g->day_minutes;
	if (!g->has_std) {
		t_init(t, "actors", TR(o, "Per pelaksana", "Per actor"), 5, TR(o, "Pelaksana", "Actor"), ">n",
		       ">Median", ">p90", TR(o, ">Maks.", ">Max."));
		for (size_t i = 0; i < g->nactors; i++) {
			const struct sla_actor_row *r = &g->actors[i];
			t_str(t, r->name);
			t_take(t, s_int(r->st.n, l));
			t_take(t, s_dur(r->st.median, dm, l));
			t_take(t, s_dur(r->st.p90, dm, l));
			t_take(t, s_dur(r->st.max, dm, l));
		}
		t->note = mutu_strdup(TR(o, "Pelaksana: nama di log apa adanya (log ini tanpa model SOP, jadi tanpa waktu standar).",
					 "Actor: the log's name as written (this log has no SOP model, so no standard times)."));
	} else {
		t_init(t, "actors", TR(o, "Per pelaksana", "Per actor"), 7, TR(o, "Pelaksana", "Actor"), ">n",
		       ">Median", ">p90", TR(o, ">% lewat waktu", ">% over waktu"),
		       TR(o, ">Total kelebihan", ">Total excess"),
		       TR(o, ">Kelebihan pada kasus terlambat", ">Excess in late cases"));
		for (size_t i = 0; i < g->nactors; i++) {
			const struct sla_actor_row *r = &g->actors[i];
			t_str(t, r->name);
			t_take(t, s_int(r->st.n, l));
			t_take(t, s_dur(r->st.median, dm, l));
			t_take(t, s_dur(r->st.p90, dm, l));
			t_take(t, s_pct(share(r->st.over, r->st.n), l));
			t_take(t, s_dur(r->st.excess_s, dm, l));
			t_take(t, s_dur(r->st.late_excess_s, dm, l));
		}
		t->note = mutu_strdup(TR(o, "Pelaksana: jabatan baku bila nama di log dikenali (mis. Kabid, Kasi), selain itu nama di log apa adanya.",
					 "Actor: the standard position when the log's name is recognised (e.g. Kabid, Kasi), else the log's name as written."));
	}
}

/* "Hambatan": where the late cases' excess time went, steps by their
 * share of it, then the ten actors with most (only those with some). */
static void table_bottleneck(const struct sla_group *g, const struct rpt_opts *o, struct table *t)
{
	enum rpt_lang l = o->lang;
	int dm = g->day_minutes;
	char title[256];
	snprintf(title, sizeof title, "%s", TR(o, "Hambatan: ke mana kelebihan waktu kasus terlambat pergi",
						"Bottleneck: where the late cases' excess time went"));
	t_init(t, "bottleneck", title, 4, TR(o, "Langkah / pelaksana", "Step / actor"),
	       TR(o, "Jenis", "Kind"), TR(o, ">Kelebihan", ">Excess"), TR(o, ">Bagian", ">Share"));
	t->clip = 1;
	/* steps by late excess, then actors; only non-zero */
	size_t n = g->nsteps;
	size_t *idx = mutu_malloc((n + 1) * sizeof *idx);
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && g->steps[idx[j]].st.late_excess_s > g->steps[idx[j - 1]].st.late_excess_s; j--) {
			size_t x = idx[j];
			idx[j] = idx[j - 1];
			idx[j - 1] = x;
		}
	for (size_t k = 0; k < n; k++) {
		const struct sla_step_row *r = &g->steps[idx[k]];
		if (!(r->st.late_excess_s > 0))
			continue;
		t_fmt(t, "%d. %s", r->no, r->activity);
		t_str(t, TR(o, "langkah", "step"));
		t_take(t, s_dur(r->st.late_excess_s, dm, l));
		t_take(t, s_pct(g->late_excess_s > 0 ? r->st.late_excess_s / g->late_excess_s : NAN, l));
	}
	free(idx);
	n = g->nactors;
	idx = mutu_malloc((n + 1) * sizeof *idx);
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && g->actors[idx[j]].st.late_excess_s > g->actors[idx[j - 1]].st.late_excess_s; j--) {
			size_t x = idx[j];
			idx[j] = idx[j - 1];
			idx[j - 1] = x;
		}
	for (size_t k = 0; k < n && k < 10; k++) {
		const struct sla_actor_row *r = &g->actors[idx[k]];
		if (!(r->st.late_excess_s > 0))
			continue;
		t_str(t, r->name);
		t_str(t, TR(o, "pelaksana", "actor"));
		t_take(t, s_dur(r->st.late_excess_s, dm, l));
		t_take(t, s_pct(g->late_excess_s > 0 ? r->st.late_excess_s / g->late_excess_s : NAN, l));
	}
	free(idx);
	if (t_rows(t) == 0)
		t->note = mutu_strdup(TR(o, "Tidak ada kasus terlambat dengan langkah yang melewati waktunya bulan ini.",
					 "No late case with a step over its waktu this month."));
	else
		t->note = mutu_strdup(TR(o, "Bagian = kelebihan langkah di atas waktu SOP-nya, pada kasus yang melewati batas, dibagi total kelebihan kasus-kasus itu.",
					 "Share = a step's time over its SOP waktu, in cases over the ceiling, divided by those cases' total excess."));
}

/* A case list's office column: shown when the run read several offices
 * (sla_slow office set), since two offices' case ids can be the same;
 * "" is the default office, named as the province report names it. */
static int list_named(const struct sla_slow *l, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (l[i].office)
			return 1;
	return 0;
}

static const char *office_label(const char *office, const struct rpt_opts *o)
{
	return !office ? "" : *office ? office : TR(o, "(kantor bawaan)", "(default office)");
}

/* "Kasus paling lama": working and calendar time, how far over, and the
 * step that made each late; the office of each when the report reads
 * several. */
static void table_slowest(const struct sla_group *g, const struct rpt_opts *o, struct table *t)
{
	enum rpt_lang l = o->lang;
	int dm = g->day_minutes;
	int named = list_named(g->slow, g->nslow);
	if (named)
		t_init(t, "slowest", TR(o, "Kasus paling lama", "Slowest cases"), 7, TR(o, "Kasus", "Case"),
		       TR(o, "Kantor", "Office"), TR(o, ">Waktu kerja", ">Working time"),
		       TR(o, ">Waktu kalender", ">Calendar time"), TR(o, ">Lewat batas", ">Over ceiling"),
		       TR(o, "Langkah penyebab", "Step that made it late"), TR(o, ">Kelebihan langkah", ">Step excess"));
	else
		t_init(t, "slowest", TR(o, "Kasus paling lama", "Slowest cases"), 6, TR(o, "Kasus", "Case"),
		       TR(o, ">Waktu kerja", ">Working time"), TR(o, ">Waktu kalender", ">Calendar time"),
		       TR(o, ">Lewat batas", ">Over ceiling"),
		       TR(o, "Langkah penyebab", "Step that made it late"), TR(o, ">Kelebihan langkah", ">Step excess"));
	t->clip = 5 + named;
	for (size_t i = 0; i < g->nslow; i++) {
		const struct sla_slow *s = &g->slow[i];
		t_str(t, s->key);
		if (named)
			t_str(t, office_label(s->office, o));
		t_take(t, s_dur(s->lead_s, dm, l));
		t_take(t, s_dur(s->calendar_s, 1440, l));
		t_take(t, s->late ? (s->over_s > 0 ? s_dur(s->over_s, dm, l) : mutu_strdup(TR(o, "ya", "yes")))
				  : mutu_strdup(TR(o, "tidak", "no")));
		if (s->late && s->late_activity) {
			if (s->late_step > 0)
				t_fmt(t, "%d. %s", s->late_step, s->late_activity);
			else
				t_str(t, s->late_activity);
		} else {
			t_str(t, "");
		}
		t_take(t, s->late && s->late_excess_s > 0 ? s_dur(s->late_excess_s, dm, l) : mutu_strdup(""));
	}
}

/* "Tren 12 bulan": finished, the shares that apply, the median. */
static void table_trend(const struct sla_group *g, int office, const struct rpt_opts *o, struct table *t)
{
	enum rpt_lang l = o->lang;
	char h[64];
	snprintf(h, sizeof h, ">Median (%s)", day_unit(o, g));
	char *hs = mutu_strdup(h);
	/* each share over the cases it concerns: "% within" over the
	 * cases with a ceiling, "% by planned date" over the cases
	 * with a planned date ("–" where a month has none) */
	int ceil_col = has_model(g) || office, target_col = !has_model(g);
	for (int k = 0; k < SLA_TREND && !target_col; k++)
		target_col = g->trend[k].with_target > 0;
	if (ceil_col && target_col)
		t_init(t, "trend", TR(o, "Tren 12 bulan", "12-month trend"), 5, TR(o, "Bulan", "Month"),
		       TR(o, ">Selesai", ">Finished"), TR(o, ">% dalam batas", ">% within ceiling"),
		       TR(o, ">% sebelum tanggal rencana", ">% by planned date"), hs);
	else
		t_init(t, "trend", TR(o, "Tren 12 bulan", "12-month trend"), 4, TR(o, "Bulan", "Month"),
		       TR(o, ">Selesai", ">Finished"),
		       ceil_col ? TR(o, ">% dalam batas", ">% within ceiling")
				: TR(o, ">% sebelum tanggal rencana", ">% by planned date"),
		       hs);
	t->own = hs;
	for (int k = 0; k < SLA_TREND; k++) {
		const struct sla_trend *tr = &g->trend[k];
		t_fmt(t, "%s %d", rpt_month_name(tr->month, l), tr->year);
		t_take(t, s_int(tr->finished, l));
		if (ceil_col)
			t_take(t, s_pct(share(tr->within, tr->with_ceiling), l));
		if (target_col)
			t_take(t, s_pct(share(tr->within_target, tr->with_target), l));
		t_take(t, s_days(tr->median_s, g, l));
	}
}

/* The oldest cases still open at month end, with their age. */
static void table_open(const struct sla_group *g, const struct rpt_opts *o, struct table *t)
{
	enum rpt_lang l = o->lang;
	char h[64];
	snprintf(h, sizeof h, ">%s (%s)", TR(o, "Umur", "Age"), day_unit(o, g));
	char *hs = mutu_strdup(h);
	int named = list_named(g->open_list, g->nopen_list);
	if (named)
		t_init(t, "open", TR(o, "Kasus terbuka tertua di akhir bulan", "Oldest open cases at month end"), 4,
		       TR(o, "Kasus", "Case"), TR(o, "Kantor", "Office"), hs, TR(o, "Lewat batas?", "Past ceiling?"));
	else
		t_init(t, "open", TR(o, "Kasus terbuka tertua di akhir bulan", "Oldest open cases at month end"), 3,
		       TR(o, "Kasus", "Case"), hs, TR(o, "Lewat batas?", "Past ceiling?"));
	t->own = hs;
	for (size_t i = 0; i < g->nopen_list; i++) {
		const struct sla_slow *s = &g->open_list[i];
		t_str(t, s->key);
		if (named)
			t_str(t, office_label(s->office, o));
		t_take(t, s_days(s->lead_s, g, l));
		t_str(t, s->late ? TR(o, "ya", "yes") : TR(o, "tidak", "no"));
	}
}

/* The appendix's daily table: arrived, finished, in progress. */
static void table_daily(const struct sla_group *g, const struct rpt_opts *o, struct table *t)
{
	enum rpt_lang l = o->lang;
	t_init(t, "daily", TR(o, "Harian: masuk, selesai, dalam proses", "Daily: arrived, finished, in progress"),
	       5, TR(o, "Tanggal", "Date"), TR(o, "Hari", "Day"), TR(o, ">Masuk", ">Arrived"),
	       TR(o, ">Selesai", ">Finished"), TR(o, ">Dalam proses (akhir hari)", ">In progress (end of day)"));
	for (size_t d = 0; d < g->ndays; d++) {
		const struct sla_daily *x = &g->days[d];
		int y, m, dd;
		cal_civil_from_days(x->day, &y, &m, &dd);
		t_fmt(t, "%d %s %d", dd, short_month(m, l), y);
		t_str(t, kind_name(x->kind, o));
		t_take(t, s_int(x->arrivals, l));
		t_take(t, s_int(x->completions, l));
		t_take(t, s_int(x->wip, l));
	}
}

/* A group's tables, in the order the report shows them; each is built by
 * its own stage below (issue 10: one function per table, so a table's
 * columns and rows are read in one place).  The office gets no step or
 * bottleneck table (its steps are different SOPs'). */
static void build_tables(const struct sla_group *g, int office, const struct rpt_opts *o,
			 struct gtables *gt)
{
	gt->n = 0;
	if (!office)
		table_steps(g, o, &gt->t[gt->n++]);
	table_actors(g, o, &gt->t[gt->n++]);
	if (!office && has_model(g))
		table_bottleneck(g, o, &gt->t[gt->n++]);
	table_slowest(g, o, &gt->t[gt->n++]);
	table_trend(g, office, o, &gt->t[gt->n++]);
	table_open(g, o, &gt->t[gt->n++]);
	table_daily(g, o, &gt->t[gt->n++]);
}

static void free_tables(struct gtables *gt)
{
	for (int i = 0; i < gt->n; i++)
		t_free(&gt->t[i]);
}

/* ---- summary lines (label, value) shared by HTML cards and Markdown ---- */

struct kv {
	char *k[24], *v[24];
	int n;
};

static void kv_add(struct kv *kv, const char *k, char *v)
{
	if (kv->n >= 24) {
		free(v);
		return;
	}
	kv->k[kv->n] = mutu_strdup(k);
	kv->v[kv->n] = v;
	kv->n++;
}

static void kv_free(struct kv *kv)
{
	for (int i = 0; i < kv->n; i++) {
		free(kv->k[i]);
		free(kv->v[i]);
	}
	kv->n = 0;
}

static char *s_ceiling_text(const struct sla_sop *s, const struct rpt_opts *o)
{
	struct mutu_buf b;
	mutu_buf_init(&b);
	char tmp[128];
	if (s->ceiling == SLA_CEIL_EXACT) {
		dur_format(s->exact, o->lang == RPT_EN ? DUR_EN : DUR_ID, tmp, sizeof tmp);
		mutu_buf_printf(&b, "%s (%s)", tmp, TR(o, "jumlah tepat waktu langkah", "exact sum of the steps"));
	} else {
		enum sop_ceiling_from from = sop_model_ceiling_from(s->model);
		mutu_buf_printf(&b, "%d %s (%s)", s->ceiling_days, TR(o, "hari kerja", "working days"),
				from == SOP_CEIL_DECLARED_ROUNDED
					? TR(o, "batas dibulatkan yang dinyatakan SOP", "the SOP's declared rounded ceiling")
				: from == SOP_CEIL_DECLARED_TOTAL
					? TR(o, "jumlah waktu yang dinyatakan SOP", "the SOP's declared total")
					: TR(o, "jumlah langkah dibulatkan ke atas", "sum of the steps rounded up"));
	}
	return buf_take(&b);
}

/*
 * The month's working days, and when libur fell on weekdays, why fewer:
 * "16 (22 hari Senin-Jumat dikurangi 6 libur: 2 libur nasional, 4 cuti
 * bersama)".  A Lebaran month has a third fewer working days; a manager
 * comparing it with last month reads the count with its reason (the
 * days' kinds are the calendar's, sla_daily kind: 2 libur nasional, 3
 * cuti bersama, 4 a local closure; a libur on a Saturday or Sunday took
 * no working day and is not counted).
 */
static char *s_working_days(const struct sla_group *g, const struct rpt_opts *o)
{
	enum rpt_lang l = o->lang;
	size_t weekdays = 0, hol[3] = {0, 0, 0};
	for (size_t d = 0; d < g->ndays; d++) {
		int64_t w = ((g->days[d].day % 7) + 7 + 3) % 7; /* 0 Monday: 1970-01-01 was a Thursday */
		if (w >= 5)
			continue;
		weekdays++;
		int k = g->days[d].kind;
		if (k >= 2)
			hol[k >= 4 ? 2 : k - 2]++;
	}
	size_t nh = hol[0] + hol[1] + hol[2];
	struct mutu_buf b;
	mutu_buf_init(&b);
	rpt_fmt_num(&b, (double)g->working_days, 0, l);
	if (nh == 0 || weekdays != g->working_days + nh)
		return buf_take(&b); /* nothing fell on a weekday, or hours other than Mon-Fri */
	/* English counts one holiday in the singular ("1 holidays: 1 national
	 * holidays" before); Bahasa Indonesia has no plural to change */
	mutu_buf_printf(&b, TR(o, " (%zu hari Senin\xe2\x80\x93Jumat dikurangi %zu libur:",
			       nh == 1 ? " (%zu weekdays less %zu holiday:" : " (%zu weekdays less %zu holidays:"),
			weekdays, nh);
	const char *names[3][3] = {{"libur nasional", "national holidays", "national holiday"},
				   {"cuti bersama", "cuti bersama", "cuti bersama"},
				   {"libur lain", "other closures", "other closure"}};
	const char *sep = " ";
	for (int i = 0; i < 3; i++)
		if (hol[i]) {
			mutu_buf_printf(&b, "%s%zu %s", sep, hol[i], names[i][l != RPT_EN ? 0 : hol[i] == 1 ? 2 : 1]);
			sep = ", ";
		}
	mutu_buf_putc(&b, ')');
	return buf_take(&b);
}

static void build_summary(const struct sla_group *g, int office, const struct rpt_opts *o, struct kv *kv)
{
	enum rpt_lang l = o->lang;
	char k[160];
	/* received, finished, open: the three counts a manager is asked for.
	 * Before, the month's arrivals showed only as a rate per working day
	 * rounded to one decimal: 5 berkas in 20 days read "0,2", i.e. 4 */
	kv_add(kv, TR(o, "Berkas masuk bulan ini", "Files received this month"), s_int(g->arrivals, l));
	kv_add(kv, TR(o, "Kasus selesai", "Cases finished"), s_int(g->finished, l));
	/* shares over the cases they concern ("–" when there are none):
	 * the ceiling's over the cases of an SOP with a ceiling, the planned
	 * date's over the cases that have one */
	if (has_model(g) || office) {
		kv_add(kv, TR(o, "Selesai dalam batas SOP", "Finished within the SOP ceiling"),
		       s_pct_of(g->within, g->with_ceiling, l));
		kv_add(kv, TR(o, "Terlambat", "Late"), s_pct_of(g->with_ceiling - g->within, g->with_ceiling, l));
		if (has_model(g) || (office && g->has_std))
			kv_add(kv, TR(o, "Dalam jumlah tepat waktu langkah", "Within the exact sum of the steps"),
			       s_pct_of(g->within_exact, g->with_ceiling, l));
	}
	if (g->with_target || !has_model(g)) {
		kv_add(kv, TR(o, "Selesai dengan tanggal rencana", "Finished with a planned date"), s_int(g->with_target, l));
		kv_add(kv, TR(o, "Selesai sebelum tanggal rencana per kasus", "Finished by the per-case planned date"),
		       s_pct_of(g->within_target, g->with_target, l));
	}
	snprintf(k, sizeof k, "%s (%s)", TR(o, "Median waktu penyelesaian", "Median lead time"), day_unit(o, g));
	kv_add(kv, k, s_days(g->lead_st.median, g, l));
	/* the mean beside the median: the JSON had it (lead_mean), the page
	 * a manager reads did not; with one long case the two part ways */
	snprintf(k, sizeof k, "%s (%s)", TR(o, "Rata-rata waktu penyelesaian", "Mean lead time"), day_unit(o, g));
	kv_add(kv, k, s_days(g->lead_st.mean, g, l));
	snprintf(k, sizeof k, "p90 (%s)", day_unit(o, g));
	kv_add(kv, k, s_days(g->lead_st.p90, g, l));
	snprintf(k, sizeof k, "%s (%s)", TR(o, "Maksimum", "Maximum"), day_unit(o, g));
	kv_add(kv, k, s_days(g->lead_st.max, g, l));
	kv_add(kv, TR(o, "Median waktu kalender (hari)", "Median calendar time (days)"),
	       s_num(isnan(g->lead_cal_st.median) ? NAN : g->lead_cal_st.median / 86400.0, 2, l));
	if (g->paused_cases)
		kv_add(kv, TR(o, "Kasus dengan jeda di pemohon", "Cases paused at the applicant"), s_int(g->paused_cases, l));
	/* handed back at the front office before acceptance: the applicant's
	 * time, not the office's (no clock ran), shown apart from the pauses */
	if (g->returned_cases) {
		kv_add(kv, TR(o, "Kasus dikembalikan ke pemohon sebelum diterima lengkap",
			      "Cases handed back to the applicant before acceptance"),
		       s_int(g->returned_cases, l));
		snprintf(k, sizeof k, "%s (%s)",
			 TR(o, "Median waktu pemohon melengkapi berkas", "Median time applicants took to resubmit"),
			 day_unit(o, g));
		char *v = s_days(g->returned_st.median, g, l);
		if (g->returned_st.n < g->returned_cases) {
			/* the others' logs do not show when the berkas came back */
			struct mutu_buf b;
			mutu_buf_init(&b);
			mutu_buf_printf(&b, TR(o, "%s (%zu kasus; %zu kasus tanpa waktu pengajuan ulang di log)",
					       "%s (%zu cases; %zu cases' logs do not show the resubmission)"),
					v, g->returned_st.n, g->returned_cases - g->returned_st.n);
			free(v);
			v = buf_take(&b);
		}
		kv_add(kv, k, v);
	}
	/* the office finished these in time; the applicant collected late */
	if (g->applicant_late)
		kv_add(kv, TR(o, "Diambil pemohon lewat batas (bukan keterlambatan kantor)",
			      "Collected by the applicant after the deadline (not the office's delay)"),
		       s_int(g->applicant_late, l));
	kv_add(kv, TR(o, "Terbuka di akhir bulan", "Open at month end"), s_int(g->open, l));
	if (has_model(g) || office || g->with_target)
		kv_add(kv, TR(o, "Terbuka dan sudah lewat batas", "Open and past the ceiling"), s_int(g->open_past, l));
	if (g->open_waiting)
		kv_add(kv, TR(o, "Masuk, belum diterima lengkap", "Arrived, not yet accepted as complete"),
		       s_int(g->open_waiting, l));
	kv_add(kv, TR(o, "Masuk per hari kerja", "Arrivals per working day"),
	       s_num(g->working_days ? (double)g->arrivals / (double)g->working_days : NAN, 1, l));
	kv_add(kv, TR(o, "Selesai per hari kerja", "Completions per working day"),
	       s_num(g->working_days ? (double)g->completions / (double)g->working_days : NAN, 1, l));
	/* the office takes its days from its first SOP with a model: with no
	 * case of any SOP in the month it has no calendar to count them by,
	 * and every day of the month read as a working day ("31") */
	int no_cal = office && !g->has_std && !g->finished && !g->arrivals && !g->open && !g->open_waiting;
	kv_add(kv, TR(o, "Hari kerja dalam bulan", "Working days in the month"),
	       no_cal ? mutu_strdup("\xe2\x80\x93") : s_working_days(g, o));
}

/* What the reader must know to read the numbers (per SOP). */
static void build_rules(const struct sla_group *g, const struct rpt_opts *o, struct kv *kv)
{
	const struct sla_sop *s = g->sop;
	if (!s)
		return;
	struct mutu_buf b;
	mutu_buf_init(&b);
	if (s->model) {
		mutu_buf_puts(&b, s->model->name ? s->model->name : "");
		kv_add(kv, TR(o, "SOP", "SOP"), mutu_buf_detach(&b));
		if (s->model->agency && *s->model->agency)
			kv_add(kv, TR(o, "Instansi", "Agency"), mutu_strdup(s->model->agency));
	} else {
		kv_add(kv, TR(o, "SOP", "SOP"), mutu_strdup(TR(o, "tidak ada model: durasi tingkat kasus saja",
								"no model: case-level durations only")));
	}
	mutu_buf_printf(&b, "%s (%s, %s %d %s)", cal_name(s->cal), cal_zone_label(s->cal),
			TR(o, "1 hari =", "1 day ="), s->day_minutes, TR(o, "menit kerja", "working minutes"));
	kv_add(kv, TR(o, "Kalender", "Calendar"), mutu_buf_detach(&b));
	/* which local midnight cuts the month and its days */
	if (s->zone_rule == SLA_ZONE_TZ)
		mutu_buf_printf(&b, TR(o, "tengah malam lokal zona %s (--tz; waktu musim panas diikuti)",
				       "local midnight of zone %s (--tz; daylight saving followed)"),
				cal_tz_name(s->tz));
	else if (s->zone_rule == SLA_ZONE_STAMPS)
		mutu_buf_puts(&b, TR(o, "tengah malam lokal pada offset UTC yang tertulis di cap waktu kasus itu sendiri",
				     "local midnight at the UTC offset written on the case's own stamps"));
	else
		mutu_buf_printf(&b, TR(o, "tengah malam lokal kalender %s (%s)", "local midnight of calendar %s (%s)"),
				cal_name(s->cal), cal_zone_label(s->cal));
	kv_add(kv, TR(o, "Batas hari dan bulan", "Days and months cut at"), mutu_buf_detach(&b));
	if (s->model) {
		kv_add(kv, TR(o, "Batas yang dipakai", "Ceiling used"), s_ceiling_text(s, o));
		char tmp[160];
		dur_format(s->exact, o->lang == RPT_EN ? DUR_EN : DUR_ID, tmp, sizeof tmp);
		mutu_buf_puts(&b, tmp);
		if (s->model->declared_text)
			mutu_buf_printf(&b, "; %s: %s", TR(o, "dinyatakan", "declared"), s->model->declared_text);
		kv_add(kv, TR(o, "Jumlah waktu langkah", "Sum of the steps' waktu"), mutu_buf_detach(&b));
		kv_add(kv, TR(o, "Pembacaan hari", "Day reading"),
		       mutu_strdup(s->reading == CAL_DAY_NEXT_DAY
					   ? TR(o, "1 Hari = jam yang sama pada hari kerja berikutnya",
						"1 Hari = the same clock time on the next working day")
					   : TR(o, "1 Hari = 1 hari kerja bersih (menit kerja per hari)",
						"1 Hari = one net working day (working minutes per day)")));
		if (s->clock_start_step > 0) {
			const struct sop_step *st = sop_model_step(s->model, s->clock_start_step);
			mutu_buf_printf(&b, "%s %d (%s)", TR(o, "akhir langkah", "end of step"), s->clock_start_step,
					st ? st->activity : "?");
			mutu_buf_printf(&b, " [%s]", strcmp(s->clock_start_source, "option") == 0 ? "--clock-start"
						     : strcmp(s->clock_start_source, "model [sla]") == 0
							     ? "[sla] clock_start"
							     : TR(o, "langkah pemeriksaan berkas (bisa ditolak)",
								  "the file check step (can reject)"));
		} else {
			mutu_buf_puts(&b, TR(o, "kejadian pertama kasus", "the case's first event"));
		}
		kv_add(kv, TR(o, "Jam SLA mulai", "SLA clock starts"), mutu_buf_detach(&b));
		const struct sop_step *last = sop_model_step(s->model, s->end_step);
		mutu_buf_printf(&b, "%s %d (%s)", TR(o, "akhir langkah", "end of step"), s->end_step,
				last ? last->activity : "?");
		/* the applicant's collection after the office's last step is not
		 * the office's time (sla.h): say so where it is left out */
		if (s->end_step + 1 == s->last_step)
			mutu_buf_printf(&b, TR(o, "; langkah %d milik pemohon (pengambilan) tidak dihitung",
					       "; step %d is the applicant's (collection), not counted"),
					s->last_step);
		else if (s->end_step < s->last_step)
			mutu_buf_printf(&b, TR(o, "; langkah %d-%d milik pemohon (pengambilan) tidak dihitung",
					       "; steps %d-%d are the applicant's (collection), not counted"),
					s->end_step + 1, s->last_step);
		kv_add(kv, TR(o, "Jam SLA berhenti", "SLA clock stops"), mutu_buf_detach(&b));
	}
	mutu_buf_release(&b);
}

/* ---- HTML ---- */

static void h(struct mutu_buf *b, const char *s)
{
	rpt_html_escape(b, s);
}

/* Activity texts of SOP tables run to 200 characters and wrapped over ten
 * lines: a cell shows the first words up to CLIP_BYTES, the full text in
 * its title (on hover) so nothing is lost. */
#define CLIP_BYTES 60

static void html_clipped(struct mutu_buf *b, const char *s)
{
	size_t cut = CLIP_BYTES;
	while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--; /* never inside a UTF-8 sequence */
	size_t sp = cut;
	while (sp > CLIP_BYTES / 2 && s[sp] != ' ')
		sp--;
	if (s[sp] == ' ')
		cut = sp; /* at a word's end when there is one */
	char *head = mutu_malloc(cut + 1);
	memcpy(head, s, cut);
	head[cut] = '\0';
	mutu_buf_puts(b, "<td class=\"clip\" title=\"");
	h(b, s);
	mutu_buf_puts(b, "\">");
	h(b, head);
	mutu_buf_puts(b, "\xe2\x80\xa6</td>");
	free(head);
}

static void html_table(struct mutu_buf *b, const struct table *t, const char *anchor)
{
	mutu_buf_printf(b, "<h3 id=\"%s\">", anchor);
	h(b, t->title);
	mutu_buf_puts(b, "</h3>\n");
	if (t_rows(t) == 0) {
		mutu_buf_puts(b, "<p class=\"empty\">\xe2\x80\x94</p>\n");
	} else {
		mutu_buf_printf(b, "<div class=\"tw\"><table class=\"t-%s\">\n<thead><tr>", t->id);
		for (int c = 0; c < t->ncol; c++) {
			mutu_buf_puts(b, t->right[c] ? "<th class=\"n\">" : "<th>");
			h(b, t->head[c]);
			mutu_buf_puts(b, "</th>");
		}
		mutu_buf_puts(b, "</tr></thead>\n<tbody>\n");
		for (size_t r = 0; r < t_rows(t); r++) {
			mutu_buf_puts(b, "<tr>");
			for (int c = 0; c < t->ncol; c++) {
				const char *cell = t->cell[r * (size_t)t->ncol + (size_t)c];
				if (t->clip == c + 1 && strlen(cell) > CLIP_BYTES) {
					html_clipped(b, cell);
					continue;
				}
				mutu_buf_puts(b, t->right[c] ? "<td class=\"n\">" : "<td>");
				h(b, cell);
				mutu_buf_puts(b, "</td>");
			}
			mutu_buf_puts(b, "</tr>\n");
		}
		mutu_buf_puts(b, "</tbody></table></div>\n");
	}
	if (t->note) {
		mutu_buf_puts(b, "<p class=\"note\">");
		h(b, t->note);
		mutu_buf_puts(b, "</p>\n");
	}
}

/* Tables long enough to bury the answer go to the appendix. */
static int in_appendix(const struct table *t)
{
	return strcmp(t->id, "daily") == 0 || strcmp(t->id, "open") == 0 || strcmp(t->id, "trend") == 0;
}

static void html_cards(struct mutu_buf *b, const struct kv *kv, const char *cls)
{
	mutu_buf_printf(b, "<dl class=\"%s\">\n", cls);
	for (int i = 0; i < kv->n; i++) {
		mutu_buf_puts(b, "<div><dt>");
		h(b, kv->k[i]);
		mutu_buf_puts(b, "</dt><dd>");
		/* "66,4% (95 dari 143)": the count on its own smaller line */
		const char *v = kv->v[i], *par = strstr(v, " (");
		size_t vl = strlen(v);
		if (par && strcmp(cls, "cards") == 0 && vl && v[vl - 1] == ')') {
			char *head = mutu_strdup(v);
			head[par - v] = '\0';
			h(b, head);
			mutu_buf_puts(b, " <small>");
			h(b, par + 1);
			mutu_buf_puts(b, "</small>");
			free(head);
		} else {
			h(b, v);
		}
		mutu_buf_puts(b, "</dd></div>\n");
	}
	mutu_buf_puts(b, "</dl>\n");
}

static void group_title(struct mutu_buf *t, const struct sla_group *g, int office, const struct rpt_opts *o)
{
	if (office)
		mutu_buf_puts(t, TR(o, "Kantor secara keseluruhan", "The office as a whole"));
	else if (!g->id)
		mutu_buf_puts(t, TR(o, "Kasus tanpa model SOP", "Cases without an SOP model"));
	else if (has_model(g) && g->sop->model->name && *g->sop->model->name)
		mutu_buf_puts(t, g->sop->model->name); /* names for people; ids in the method note */
	else
		mutu_buf_printf(t, "SOP %s", g->id);
}

static int html_group(struct mutu_buf *b, const struct sla_group *g, int office, const struct rpt_opts *o,
		      const struct rpt_charts *cs, struct mutu_err *err)
{
	char slug[160];
	rpt_group_slug(g, office, slug, sizeof slug);
	struct mutu_buf t;
	mutu_buf_init(&t);
	group_title(&t, g, office, o);
	mutu_buf_printf(b, "<section class=\"group\" id=\"%s\">\n<h2>", slug);
	h(b, t.s);
	mutu_buf_puts(b, "</h2>\n");
	mutu_buf_release(&t);
	/* answer first: the cards (counts beside shares), then the charts,
	 * then the details; the rules of measurement close the section */
	struct kv rules = {0}, sum = {0};
	build_summary(g, office, o, &sum);
	html_cards(b, &sum, "cards");
	kv_free(&sum);
	char key[256];
	int rc = 0;
	snprintf(key, sizeof key, "%s-lead", slug);
	rc |= rpt_html_chart(b, cs, key, TR(o, "Sebaran waktu penyelesaian kasus yang selesai bulan ini", "Lead times of the cases finished this month"), err);
	snprintf(key, sizeof key, "%s-steps", slug);
	rc |= rpt_html_chart(b, cs, key, TR(o, "Waktu aktual per langkah (median, p90) dibanding standar", "Actual time per step (median, p90) against the standard"), err);
	snprintf(key, sizeof key, "%s-trend", slug);
	rc |= rpt_html_chart(b, cs, key, TR(o, "Tren kepatuhan 12 bulan", "12-month compliance trend"), err);
	snprintf(key, sizeof key, "%s-daily", slug);
	rc |= rpt_html_chart(b, cs, key, TR(o, "Masuk, selesai dan dalam proses per hari", "Arrivals, completions and work in progress per day"), err);
	if (rc)
		return MUTU_EFAIL;
	struct gtables gt;
	build_tables(g, office, o, &gt);
	for (int i = 0; i < gt.n; i++) {
		if (in_appendix(&gt.t[i]))
			continue;
		char anchor[256];
		snprintf(anchor, sizeof anchor, "%s-%s", slug, gt.t[i].id);
		html_table(b, &gt.t[i], anchor);
	}
	free_tables(&gt);
	if (!office) {
		/* open cases by age relative to the ceiling */
		if (has_model(g)) {
			static const char *bk_id[] = {"< 50% batas", "50–80% batas", "80–100% batas", "100–200% batas", "> 200% batas"};
			static const char *bk_en[] = {"< 50% of ceiling", "50–80% of ceiling", "80–100% of ceiling", "100–200% of ceiling", "> 200% of ceiling"};
			mutu_buf_printf(b, "<h3>%s</h3>\n<div class=\"tw\"><table class=\"t-age\"><thead><tr>",
					TR(o, "Kasus terbuka menurut umur", "Open cases by age"));
			for (int i = 0; i < SLA_AGE_BUCKETS; i++)
				mutu_buf_printf(b, "<th class=\"n\">%s</th>", o->lang == RPT_EN ? bk_en[i] : bk_id[i]);
			mutu_buf_puts(b, "</tr></thead><tbody><tr>");
			for (int i = 0; i < SLA_AGE_BUCKETS; i++) {
				char *v = s_int(g->open_age[i], o->lang);
				mutu_buf_printf(b, "<td class=\"n\">%s</td>", v);
				free(v);
			}
			mutu_buf_puts(b, "</tr></tbody></table></div>\n");
		}
		struct mutu_notes lint;
		mutu_notes_init(&lint);
		lint_items(g, o, &lint);
		if (lint.n) {
			mutu_buf_printf(b, "<h3>%s</h3>\n<ul class=\"lint\">\n",
					TR(o, "Pemeriksaan SOP: jumlah yang dinyatakan vs jumlah langkah", "SOP lint: declared total vs the sum of the steps"));
			for (size_t i = 0; i < lint.n; i++) {
				mutu_buf_puts(b, "<li>");
				h(b, lint.items[i]);
				mutu_buf_puts(b, "</li>\n");
			}
			mutu_buf_puts(b, "</ul>\n");
		} else if (has_model(g)) {
			mutu_buf_printf(b, "<h3>%s</h3>\n<p>%s</p>\n", TR(o, "Pemeriksaan SOP", "SOP lint"),
					TR(o, "Jumlah yang dinyatakan cocok dengan jumlah langkah.", "The declared total matches the sum of the steps."));
		}
		mutu_notes_release(&lint);
	}
	build_rules(g, o, &rules);
	if (rules.n) {
		mutu_buf_printf(b, "<h3>%s</h3>\n", TR(o, "Cara mengukur", "How it was measured"));
		html_cards(b, &rules, "rules");
	}
	kv_free(&rules);
	mutu_buf_puts(b, "</section>\n");
	return 0;
}

/* The appendix: the long tables (12-month trend, oldest open cases,
 * one row per day) of every group, after the answer and the details. */
static void html_appendix(struct mutu_buf *b, const struct sla_group *g, int office, const struct rpt_opts *o)
{
	char slug[160];
	rpt_group_slug(g, office, slug, sizeof slug);
	struct mutu_buf t;
	mutu_buf_init(&t);
	group_title(&t, g, office, o);
	mutu_buf_printf(b, "<section class=\"appendix\" id=\"%s-appendix\">\n<h3>", slug);
	h(b, t.s);
	mutu_buf_puts(b, "</h3>\n");
	mutu_buf_release(&t);
	struct gtables gt;
	build_tables(g, office, o, &gt);
	for (int i = 0; i < gt.n; i++) {
		if (!in_appendix(&gt.t[i]))
			continue;
		char anchor[256];
		snprintf(anchor, sizeof anchor, "%s-%s", slug, gt.t[i].id);
		html_table(b, &gt.t[i], anchor);
	}
	free_tables(&gt);
	mutu_buf_puts(b, "</section>\n");
}

static void method_notes(const struct sla_month *m, const struct rpt_opts *o, struct mutu_notes *n)
{
	/* the report names SOPs by their title; their ids (file names, the
	 * store's sop column, --sop) only here */
	{
		struct mutu_buf b;
		mutu_buf_init(&b);
		for (size_t i = 0; i < m->ngroups; i++) {
			const struct sla_group *g = &m->groups[i];
			if (!g->id || !has_model(g))
				continue;
			mutu_buf_printf(&b, "%s%s = %s", b.len ? "; " : "", g->sop->model->name ? g->sop->model->name : "?",
					g->id);
		}
		if (b.len)
			mutu_notes_addf(n, TR(o, "Id SOP (untuk --sop dan nama berkas): %s.", "SOP ids (for --sop and file names): %s."),
					b.s);
		mutu_buf_release(&b);
	}
	mutu_notes_addf(n, "%s", TR(o,
		"Jam SLA mulai saat front office menerima berkas lengkap (akhir langkah pemeriksaan berkas, penyelesaian terakhirnya sebelum kasus lanjut), berhenti di akhir langkah terakhir kantor (langkah pemohon sesudahnya, seperti pengambilan SK, adalah waktu pemohon dan tidak dihitung; berkas yang sudah ditandatangani tetapi belum diambil sudah selesai), dan dihitung dalam jam kerja kalender SOP (akhir pekan, libur nasional, cuti bersama dan jam istirahat tidak dihitung).",
		"The SLA clock starts when the front office accepts the file as complete (end of the file-check step, its last completion before the case moves on), stops at the end of the office's last step (the applicant's steps after it, such as collecting the SK, are the applicant's time and not counted; a file signed but not yet collected is finished), and counts working time in the SOP's calendar (weekends, national holidays, cuti bersama and breaks do not count)."));
	mutu_notes_addf(n, "%s", TR(o,
		"Jam berhenti selama berkas dikembalikan ke pemohon: dari penolakan sampai pemohon menyerahkan kembali (langkah Pemohon yang diulang setelah kasus maju). Waktu pemohon memperbaiki berkas (sebelum atau sesudah penerimaan) tidak masuk angka langkah Pemohon maupun pelaksananya: langkah itu hanya diukur pada pengajuan pertama.",
		"The clock is paused while the file is back with the applicant: from the rejection until the applicant resubmits (a Pemohon step repeated after the case moved on). The applicant's time fixing the file (before or after acceptance) is left out of the Pemohon step's and its actor's figures: that step is measured on the first submission only."));
	mutu_notes_addf(n, "%s", TR(o,
		"Berkas yang dikembalikan ke pemohon sebelum diterima lengkap (langkah Pemohon diulang, atau pemeriksaan berkas diulang tanpa langkah Pemohon di antaranya) dihitung per kasus selesai; waktu pemohon melengkapinya bukan waktu kantor. Pemeriksaan ulang yang hanya punya waktu selesai tidak diukur: log tidak mencatat kapan pemohon menyerahkan kembali.",
		"Files handed back to the applicant before acceptance (a Pemohon step repeated, or the file check repeated with no Pemohon step between) are counted per finished case; the applicant's time completing them is not the office's. A repeated check with only a completion stamp is not measured: the log does not show when the applicant resubmitted."));
	if (m->completion_only)
		mutu_notes_addf(n, "%s", TR(o,
			"Log ini hanya punya waktu selesai untuk (sebagian) langkah: waktu sebuah langkah dihitung dari selesainya langkah sebelumnya, jadi termasuk waktu tunggu sebelum langkah itu.",
			"This log has only completion times for (some) steps: a step's time runs from the previous step's completion, so it includes the wait before the step."));
	mutu_notes_addf(n, "%s", TR(o,
		"Median dan p90 dihitung persis dari semua nilai (interpolasi linear). Waktu standar langkah memakai 1 Hari = menit kerja bersih per hari kalender SOP.",
		"Median and p90 are exact over all values (linear interpolation). Step standards count 1 Hari as the calendar's net working minutes per day."));
	mutu_notes_addf(n, "%s", TR(o,
		"Kasus tanpa model SOP diukur dari kejadian pertama sampai terakhir pada kalender 24x7; ketepatannya dinilai terhadap tanggal rencana per kasus bila log memilikinya.",
		"Cases without an SOP model are measured from their first to their last event on the 24x7 calendar; they are judged against the per-case planned date where the log has one."));
	/* where the planned dates came from: a reader must see that they
	 * were found (or not) before trusting "% by planned date" */
	if (m->planned_cases == 0) {
		if (m->opts.deadline_col)
			mutu_notes_addf(n, TR(o, "Tanggal rencana per kasus: tidak ada kasus dengan atribut %s (--deadline-col).",
					      "Per-case planned date: no case has attribute %s (--deadline-col)."),
					m->opts.deadline_col);
		else
			mutu_notes_addf(n, "%s", TR(o,
				"Tanggal rencana per kasus: tidak ada kasus yang memilikinya (dicari: endDatePlanned, planned_end, due_date, tanggal_target, batas_waktu, deadline; kolom lain: --deadline-col).",
				"Per-case planned date: no case has one (looked for: endDatePlanned, planned_end, due_date, tanggal_target, batas_waktu, deadline; another column: --deadline-col)."));
		if (m->planned_hints[0])
			mutu_notes_addf(n, TR(o, "Atribut yang tampak seperti tanggal rencana tetapi tidak dipakai: %s (pakai --deadline-col NAMA bila salah satunya tanggal rencana).",
					      "Attributes that look like a planned date but were not used: %s (give --deadline-col NAME if one of them is the planned date)."),
					m->planned_hints);
	} else {
		struct mutu_buf b;
		mutu_buf_init(&b);
		for (size_t i = 0; i < m->nplanned_src; i++)
			mutu_buf_printf(&b, "%s%s (%s, %zu)", i ? ", " : "", m->planned_src[i].name,
					m->planned_src[i].event ? TR(o, "atribut kejadian", "event attribute")
								: TR(o, "atribut kasus", "case attribute"),
					m->planned_src[i].cases);
		if (m->planned_src_other)
			mutu_buf_printf(&b, TR(o, ", lainnya %zu", ", others %zu"), m->planned_src_other);
		mutu_notes_addf(n, TR(o, "Tanggal rencana per kasus: %zu dari %zu kasus memilikinya, dari kolom %s. Persentase \"sebelum tanggal rencana\" dihitung hanya atas kasus yang memilikinya.",
				      "Per-case planned date: %zu of %zu cases have one, from column %s. Shares \"by planned date\" count only the cases that have one."),
				m->planned_cases, m->cases_read, b.s ? b.s : "");
		mutu_buf_release(&b);
		if (m->planned_bad)
			mutu_notes_addf(n, TR(o, "%zu tanggal rencana tidak terbaca sebagai tanggal dan diabaikan (pertama: %s).",
					      "%zu planned dates could not be read as a date and were ignored (first: %s)."),
					m->planned_bad, m->planned_bad_first);
	}
}

/* The office's zone for the footer's time: the first SOP's calendar. */
static const struct cal *office_cal(const struct sla_month *m)
{
	for (size_t i = 0; i < m->ngroups; i++)
		if (m->groups[i].sop && m->groups[i].sop->cal && m->groups[i].sop->model)
			return m->groups[i].sop->cal;
	return NULL;
}

static void html_list(struct mutu_buf *b, const struct mutu_notes *n)
{
	for (size_t i = 0; i < n->n; i++) {
		mutu_buf_puts(b, "<li>");
		h(b, n->items[i]);
		mutu_buf_puts(b, "</li>\n");
	}
}

/* The footer: version, store, generation time in the office's zone and
 * the definitions the numbers rest on. */
static void html_footer(const struct sla_month *m, const struct rpt_opts *o, struct mutu_buf *b)
{
	mutu_buf_puts(b, "<footer>\n<p>mutu");
	if (o->version) {
		mutu_buf_putc(b, ' ');
		h(b, o->version);
	}
	if (o->source) {
		mutu_buf_printf(b, " \xc2\xb7 %s ", TR(o, "data", "store"));
		h(b, o->source);
	}
	const struct cal *oc = office_cal(m);
	if (o->generated_t > 0) {
		struct mutu_buf t;
		mutu_buf_init(&t);
		rpt_fmt_local(&t, o->generated_t, oc ? cal_utc_offset(oc) : 0, oc ? cal_zone_label(oc) : "UTC", o->lang);
		mutu_buf_printf(b, " \xc2\xb7 %s ", TR(o, "dibuat", "generated"));
		h(b, t.s);
		mutu_buf_release(&t);
	} else if (o->generated_at) {
		mutu_buf_printf(b, " \xc2\xb7 %s ", TR(o, "dibuat", "generated"));
		h(b, o->generated_at);
	}
	mutu_buf_puts(b, "</p>\n<p>");
	mutu_buf_puts(b, TR(o,
		"Definisi: berkas selesai \xe2\x80\x9c" "dalam batas SOP\xe2\x80\x9d bila waktu kerjanya, sejak berkas diterima lengkap sampai langkah terakhir SOP, tidak melebihi batas hari kerja SOP; terlambat bila melebihinya. Hari kerja tidak menghitung akhir pekan, libur nasional, cuti bersama dan jam istirahat. Mutu baku: waktu standar tiap langkah menurut SOP. Rincian di bagian Metode.",
		"Definitions: a file finished \xe2\x80\x9cwithin the SOP ceiling\xe2\x80\x9d when its working time, from the file accepted as complete to the SOP's last step, is not above the SOP's ceiling in working days; late when it is. Working days leave out weekends, national holidays, cuti bersama and breaks. Mutu baku: each step's standard time in the SOP. Details under Method."));
	mutu_buf_puts(b, "</p>\n</footer>\n");
}

static int render_html(const struct sla_month *m, const struct rpt_opts *o, const struct rpt_charts *cs,
		       struct mutu_buf *b, struct mutu_err *err)
{
	char title[256];
	snprintf(title, sizeof title, "%s %s %d", TR(o, "Laporan Kepatuhan SOP", "SOP Compliance Report"),
		 rpt_month_name(m->month, o->lang), m->year);
	if (rpt_html_head(b, o->assets_dir, o->lang, NULL, title, NULL, err))
		return MUTU_EFAIL;
	char *office = rpt_office_name(m, o);
	/* the office and the month first, then the answer */
	mutu_buf_puts(b, "<header>\n<h1>");
	h(b, office ? office : title);
	mutu_buf_puts(b, "</h1>\n<p class=\"sub\">");
	if (office)
		h(b, title);
	else
		mutu_buf_printf(b, "%s %d", rpt_month_name(m->month, o->lang), m->year);
	free(office);
	mutu_buf_puts(b, "</p>\n</header>\n<main>\n");
	struct mutu_notes ans;
	mutu_notes_init(&ans);
	rpt_month_headlines(m, o, &ans);
	mutu_buf_printf(b, "<section class=\"answer\" id=\"answer\">\n<h2>%s</h2>\n<ul>\n",
			TR(o, "Jawaban bulan ini", "This month's answer"));
	html_list(b, &ans);
	mutu_buf_puts(b, "</ul>\n</section>\n");
	mutu_notes_release(&ans);
	const struct mutu_notes *warn = month_notes(m, o);
	if (warn->n) {
		mutu_buf_printf(b, "<div class=\"warn\"><strong>%s</strong><ul>\n", TR(o, "Perhatian", "Note"));
		html_list(b, warn);
		mutu_buf_puts(b, "</ul></div>\n");
	}
	mutu_buf_puts(b, "<nav><ul>\n");
	char slug[160];
	struct mutu_buf t;
	mutu_buf_init(&t);
	rpt_group_slug(&m->office, 1, slug, sizeof slug);
	if (m->ngroups != 1)
		mutu_buf_printf(b, "<li><a href=\"#%s\">%s</a></li>\n", slug, TR(o, "Kantor", "Office"));
	for (size_t i = 0; i < m->ngroups; i++) {
		rpt_group_slug(&m->groups[i], 0, slug, sizeof slug);
		mutu_buf_reset(&t);
		group_title(&t, &m->groups[i], 0, o);
		mutu_buf_printf(b, "<li><a href=\"#%s\">", slug);
		h(b, t.s);
		mutu_buf_puts(b, "</a></li>\n");
	}
	mutu_buf_printf(b, "<li><a href=\"#appendix\">%s</a></li>\n<li><a href=\"#method\">%s</a></li>\n</ul></nav>\n",
			TR(o, "Lampiran", "Appendix"), TR(o, "Metode", "Method"));

	/* office: one line per SOP first, then (two SOPs or more) the office
	 * as a whole, as the answer and the workbook's summary sheet give it.
	 * The late files have a column of their own, and the open files past
	 * their ceiling say they are open: a column headed "Lewat batas"
	 * beside a share within read as the late count (0 for an SOP with a
	 * late file). */
	{
		struct table st;
		t_init(&st, "sops", TR(o, "Ringkasan per SOP", "Summary per SOP"), 9, "SOP", TR(o, ">Selesai", ">Finished"),
		       TR(o, ">Dalam batas", ">Within ceiling"), TR(o, ">% dalam batas", ">% within ceiling"),
		       TR(o, ">Terlambat", ">Late"), TR(o, ">Median (hari)", ">Median (days)"),
		       TR(o, ">p90 (hari)", ">p90 (days)"), TR(o, ">Terbuka", ">Open"),
		       TR(o, ">Terbuka lewat batas", ">Open past ceiling"));
		size_t nrows = m->ngroups + (m->ngroups > 1);
		int by_target = 0; /* a row judged by planned dates: the note below says how */
		for (size_t i = 0; i < nrows; i++) {
			int total = i == m->ngroups;
			const struct sla_group *g = total ? &m->office : &m->groups[i];
			int mdl = total ? g->with_ceiling > 0 : has_model(g);
			by_target |= !mdl && (!total || g->with_target > 0);
			mutu_buf_reset(&t);
			if (total)
				mutu_buf_puts(&t, TR(o, "Kantor (semua SOP)", "Office (all SOPs)"));
			else
				group_title(&t, g, 0, o);
			t_str(&st, t.s);
			t_take(&st, s_int(g->finished, o->lang));
			t_take(&st, mdl ? s_int(g->within, o->lang) : s_int(g->within_target, o->lang));
			t_take(&st, mdl ? s_pct(share(g->within, g->with_ceiling), o->lang)
					: s_pct(share(g->within_target, g->with_target), o->lang));
			t_take(&st, mdl ? s_int(g->with_ceiling - g->within, o->lang)
					: s_int(g->with_target - g->within_target, o->lang));
			t_take(&st, s_days(g->lead_st.median, g, o->lang));
			t_take(&st, s_days(g->lead_st.p90, g, o->lang));
			t_take(&st, s_int(g->open, o->lang));
			t_take(&st, s_int(g->open_past, o->lang));
		}
		/* only where a row is so judged: under a table of SOP models
		 * alone it read as a caveat on figures it does not concern */
		if (by_target)
			st.note = mutu_strdup(TR(o, "Untuk kasus tanpa model, \"dalam batas\" = selesai sebelum tanggal rencana per kasus.",
						 "For cases without a model, \"within\" = finished by the per-case planned date."));
		mutu_buf_puts(b, "<section class=\"overview\">\n");
		html_table(b, &st, "sops");
		mutu_buf_puts(b, "</section>\n");
		t_free(&st);
	}
	if (m->ngroups != 1 && html_group(b, &m->office, 1, o, cs, err)) {
		mutu_buf_release(&t);
		return MUTU_EFAIL;
	}
	for (size_t i = 0; i < m->ngroups; i++)
		if (html_group(b, &m->groups[i], 0, o, cs, err)) {
			mutu_buf_release(&t);
			return MUTU_EFAIL;
		}
	mutu_buf_printf(b, "<section id=\"appendix\" class=\"appendix\">\n<h2>%s</h2>\n", TR(o, "Lampiran", "Appendix"));
	if (m->ngroups != 1)
		html_appendix(b, &m->office, 1, o);
	for (size_t i = 0; i < m->ngroups; i++)
		html_appendix(b, &m->groups[i], 0, o);
	mutu_buf_puts(b, "</section>\n");
	struct mutu_notes mn;
	mutu_notes_init(&mn);
	method_notes(m, o, &mn);
	mutu_buf_printf(b, "<section id=\"method\" class=\"method\">\n<h2>%s</h2>\n<ul>\n", TR(o, "Metode", "Method"));
	html_list(b, &mn);
	mutu_buf_puts(b, "</ul>\n</section>\n</main>\n");
	html_footer(m, o, b);
	mutu_buf_puts(b, "</body>\n</html>\n");
	mutu_notes_release(&mn);
	mutu_buf_release(&t);
	return 0;
}

/* ---- Markdown ---- */

static void md(struct mutu_buf *b, const char *s)
{
	rpt_md_escape(b, s);
}

static void md_table(struct mutu_buf *b, const struct table *t)
{
	mutu_buf_puts(b, "\n### ");
	md(b, t->title);
	mutu_buf_puts(b, "\n\n");
	if (t_rows(t) == 0) {
		mutu_buf_puts(b, "\xe2\x80\x94\n");
		return;
	}
	mutu_buf_puts(b, "|");
	for (int c = 0; c < t->ncol; c++) {
		mutu_buf_putc(b, ' ');
		md(b, t->head[c]);
		mutu_buf_puts(b, " |");
	}
	mutu_buf_puts(b, "\n|");
	for (int c = 0; c < t->ncol; c++)
		mutu_buf_puts(b, t->right[c] ? " ---: |" : " --- |");
	mutu_buf_putc(b, '\n');
	for (size_t r = 0; r < t_rows(t); r++) {
		mutu_buf_puts(b, "|");
		for (int c = 0; c < t->ncol; c++) {
			mutu_buf_putc(b, ' ');
			md(b, t->cell[r * (size_t)t->ncol + (size_t)c]);
			mutu_buf_puts(b, " |");
		}
		mutu_buf_putc(b, '\n');
	}
	if (t->note) {
		mutu_buf_puts(b, "\n_");
		md(b, t->note);
		mutu_buf_puts(b, "_\n");
	}
}

static void md_group(struct mutu_buf *b, const struct sla_group *g, int office, const struct rpt_opts *o,
		     const struct rpt_charts *cs)
{
	char slug[160];
	rpt_group_slug(g, office, slug, sizeof slug);
	struct mutu_buf t;
	mutu_buf_init(&t);
	group_title(&t, g, office, o);
	mutu_buf_puts(b, "\n## ");
	md(b, t.s);
	mutu_buf_puts(b, "\n\n");
	mutu_buf_release(&t);
	struct kv rules = {0}, sum = {0};
	build_rules(g, o, &rules);
	build_summary(g, office, o, &sum);
	for (int pass = 0; pass < 2; pass++) {
		struct kv *kv = pass ? &sum : &rules;
		for (int i = 0; i < kv->n; i++) {
			mutu_buf_puts(b, "- ");
			md(b, kv->k[i]);
			mutu_buf_puts(b, ": **");
			md(b, kv->v[i]);
			mutu_buf_puts(b, "**\n");
		}
		if (kv->n)
			mutu_buf_putc(b, '\n');
	}
	kv_free(&rules);
	kv_free(&sum);
	static const char *kinds[] = {"lead", "steps", "trend", "daily"};
	for (int k = 0; k < 4; k++) {
		char key[256];
		snprintf(key, sizeof key, "%s-%s", slug, kinds[k]);
		const struct rpt_chart *c = rpt_chart_get(cs, key);
		if (!c)
			continue;
		const char *fname = strrchr(c->png_path, '/');
		fname = fname ? fname + 1 : c->png_path;
		mutu_buf_printf(b, "![%s](%s)\n", kinds[k], fname);
	}
	struct gtables gt;
	build_tables(g, office, o, &gt);
	for (int i = 0; i < gt.n; i++)
		if (strcmp(gt.t[i].id, "daily") != 0) /* the daily table stays in HTML/CSV: too long for e-mail */
			md_table(b, &gt.t[i]);
	free_tables(&gt);
	struct mutu_notes lint;
	mutu_notes_init(&lint);
	lint_items(g, o, &lint);
	if (lint.n) {
		mutu_buf_printf(b, "\n### %s\n\n", TR(o, "Pemeriksaan SOP", "SOP lint"));
		for (size_t i = 0; i < lint.n; i++) {
			mutu_buf_puts(b, "- ");
			md(b, lint.items[i]);
			mutu_buf_putc(b, '\n');
		}
	}
	mutu_notes_release(&lint);
}

static void render_md(const struct sla_month *m, const struct rpt_opts *o, const struct rpt_charts *cs,
		      struct mutu_buf *b)
{
	mutu_buf_printf(b, "# %s %s %d\n\n", TR(o, "Laporan Kepatuhan SOP", "SOP Compliance Report"),
			rpt_month_name(m->month, o->lang), m->year);
	char *office = rpt_office_name(m, o);
	if (office) {
		mutu_buf_puts(b, "**");
		md(b, office);
		mutu_buf_puts(b, "**\n\n");
		free(office);
	}
	/* the answer first, as in HTML */
	struct mutu_notes ans;
	mutu_notes_init(&ans);
	rpt_month_headlines(m, o, &ans);
	for (size_t i = 0; i < ans.n; i++) {
		mutu_buf_puts(b, "- ");
		md(b, ans.items[i]);
		mutu_buf_putc(b, '\n');
	}
	if (ans.n)
		mutu_buf_putc(b, '\n');
	mutu_notes_release(&ans);
	char *nc = s_int(m->cases_read, o->lang), *ne = s_int(m->events_read, o->lang);
	mutu_buf_printf(b, "%s %s, %s %s.\n", nc, TR(o, "kasus dibaca", "cases read"), ne, TR(o, "kejadian", "events"));
	free(nc);
	free(ne);
	const struct mutu_notes *warn = month_notes(m, o);
	for (size_t i = 0; i < warn->n; i++) {
		mutu_buf_puts(b, "\n> ");
		md(b, warn->items[i]);
		mutu_buf_putc(b, '\n');
	}
	if (m->ngroups != 1)
		md_group(b, &m->office, 1, o, cs);
	for (size_t i = 0; i < m->ngroups; i++)
		md_group(b, &m->groups[i], 0, o, cs);
	struct mutu_notes mn;
	mutu_notes_init(&mn);
	method_notes(m, o, &mn);
	mutu_buf_printf(b, "\n## %s\n\n", TR(o, "Metode", "Method"));
	for (size_t i = 0; i < mn.n; i++) {
		mutu_buf_puts(b, "- ");
		md(b, mn.items[i]);
		mutu_buf_putc(b, '\n');
	}
	mutu_notes_release(&mn);
}

/* ---- CSV and JSON through one emitter ---- */

struct em {
	int json;
	struct mutu_buf *b;
	const char *group, *section;
	char item[512];
	int first[8];  /* JSON: nothing written yet at this depth */
	int depth;
	int dm;        /* the group's working day in minutes (display texts) */
	enum rpt_lang lang;
};

static void em_comma(struct em *e)
{
	if (!e->first[e->depth])
		mutu_buf_putc(e->b, ',');
	e->first[e->depth] = 0;
}

static void em_open(struct em *e, const char *key, char c)
{
	em_comma(e);
	if (key) {
		mutu_buf_json_str(e->b, key);
		mutu_buf_putc(e->b, ':');
	}
	mutu_buf_putc(e->b, c);
	e->first[++e->depth] = 1;
}

static void em_close(struct em *e, char c)
{
	mutu_buf_putc(e->b, c);
	e->depth--;
	if (c == ']' || e->depth <= 2)
		mutu_buf_putc(e->b, '\n');
}

static void em_group(struct em *e, const char *id)
{
	e->group = id;
	if (e->json)
		em_open(e, NULL, '{');
}

static void em_group_end(struct em *e)
{
	if (e->json)
		em_close(e, '}');
}

static void em_section(struct em *e, const char *name, int list)
{
	e->section = name;
	e->item[0] = '\0';
	if (e->json)
		em_open(e, name, list ? '[' : '{');
}

static void em_section_end(struct em *e, int list)
{
	if (e->json)
		em_close(e, list ? ']' : '}');
}

static void em_row(struct em *e, const char *item)
{
	snprintf(e->item, sizeof e->item, "%s", item ? item : "");
	if (e->json)
		em_open(e, NULL, '{');
}

/* A case list's row: item and "case" the case id; in a report of several
 * offices (sla_slow office set) also "office", and the CSV's item is
 * "OFFICE/CASE" ("/K1" the default office's), so that two offices' K1
 * stay two rows for a script that pivots on the item. */
static void em_str(struct em *e, const char *key, const char *v);
static void em_case_row(struct em *e, const struct sla_slow *s)
{
	if (s->office && !e->json) {
		struct mutu_buf b;
		mutu_buf_init(&b);
		mutu_buf_printf(&b, "%s/%s", s->office, s->key);
		em_row(e, b.s);
		mutu_buf_release(&b);
	} else {
		em_row(e, s->key);
	}
	em_str(e, "case", s->key);
	if (s->office)
		em_str(e, "office", s->office);
}

static void em_row_end(struct em *e)
{
	if (e->json)
		em_close(e, '}');
}

static void csv_prefix(struct em *e, const char *key)
{
	rpt_csv_field(e->b, e->group);
	mutu_buf_putc(e->b, ',');
	rpt_csv_field(e->b, e->section);
	mutu_buf_putc(e->b, ',');
	rpt_csv_field(e->b, e->item);
	mutu_buf_putc(e->b, ',');
	rpt_csv_field(e->b, key);
	mutu_buf_putc(e->b, ',');
}

static void em_num(struct em *e, const char *key, double v)
{
	char tmp[64];
	if (isnan(v) || isinf(v))
		snprintf(tmp, sizeof tmp, "%s", e->json ? "null" : "");
	else
		snprintf(tmp, sizeof tmp, "%.10g", v);
	if (e->json) {
		em_comma(e);
		mutu_buf_json_str(e->b, key);
		mutu_buf_putc(e->b, ':');
		mutu_buf_puts(e->b, tmp);
	} else {
		csv_prefix(e, key);
		mutu_buf_puts(e->b, tmp);
		mutu_buf_puts(e->b, "\r\n");
	}
}

static void em_str(struct em *e, const char *key, const char *v)
{
	if (e->json) {
		em_comma(e);
		mutu_buf_json_str(e->b, key);
		mutu_buf_putc(e->b, ':');
		if (v)
			mutu_buf_json_str(e->b, v);
		else
			mutu_buf_puts(e->b, "null");
	} else {
		csv_prefix(e, key);
		rpt_csv_field(e->b, v ? v : "");
		mutu_buf_puts(e->b, "\r\n");
	}
}

/* A duration, in the unit each format has always used.  CSV keeps its
 * key and unit (hours, working days of the group's day_minutes, calendar
 * days) so existing sheets and scripts read it as before; JSON (since
 * mutu.report/2) has one unit for every duration: minutes under jkey,
 * working minutes except the calendar_* wall-clock ones, with the text a
 * reader sees beside it under jkey_text ("2 Hari 4 Jam 30 Menit"). */
enum em_unit { EM_MIN, EM_HOURS, EM_WDAYS, EM_CAL };

static void em_dur(struct em *e, const char *key, const char *jkey, double s, enum em_unit u)
{
	if (!e->json) {
		double div = u == EM_MIN ? 60.0 : u == EM_HOURS ? 3600.0 : u == EM_WDAYS ? e->dm * 60.0 : 86400.0;
		em_num(e, key, isnan(s) ? NAN : s / div);
		return;
	}
	char tkey[80];
	double min = isnan(s) ? NAN : s / 60.0;
	em_num(e, jkey, min);
	snprintf(tkey, sizeof tkey, "%s_text", jkey);
	em_comma(e);
	mutu_buf_json_str(e->b, tkey);
	mutu_buf_putc(e->b, ':');
	/* wall-clock durations count days of 24 hours, written "hari kalender"
	 * (Hari alone is a working day of dm in every mutu text) */
	if (u == EM_CAL)
		dur_json_text_calendar(e->b, min, e->lang == RPT_EN ? DUR_EN : DUR_ID);
	else
		dur_json_text(e->b, min, e->dm, e->lang == RPT_EN ? DUR_EN : DUR_ID);
}

static void em_days(struct em *e, const char *key, const char *jkey, double s)
{
	em_dur(e, key, jkey, s, EM_WDAYS);
}

static void em_hours(struct em *e, const char *key, const char *jkey, double s)
{
	em_dur(e, key, jkey, s, EM_HOURS);
}

static void em_stat_rows(struct em *e, const struct sla_stat *st, double std_s)
{
	em_num(e, "n", (double)st->n);
	em_hours(e, "median_hours", "median", st->median);
	em_hours(e, "p90_hours", "p90", st->p90);
	em_hours(e, "max_hours", "max", st->max);
	em_num(e, "share_over", isnan(std_s) ? NAN : share(st->over, st->n));
	em_hours(e, "excess_hours", "excess", isnan(std_s) ? NAN : st->excess_s);
	em_hours(e, "late_excess_hours", "late_excess", isnan(std_s) ? NAN : st->late_excess_s);
}

static void emit_group(struct em *e, const struct sla_group *g, int office, const struct rpt_opts *o)
{
	char slug[160];
	rpt_group_slug(g, office, slug, sizeof slug);
	e->dm = g->day_minutes > 0 ? g->day_minutes : 450; /* as g_day_s */
	em_group(e, office ? "office" : (g->id ? g->id : "no-sop"));
	em_str(e, "id", office ? "office" : (g->id ? g->id : "no-sop"));
	em_str(e, "slug", slug);
	em_section(e, "summary", 0);
	const struct sla_sop *s = g->sop;
	if (s) {
		em_str(e, "calendar", cal_name(s->cal));
		em_str(e, "zone", cal_zone_label(s->cal));
		/* the local midnight that cuts days and months: calendar, tz, stamps */
		em_str(e, "zone_rule", sla_zone_rule_name(s->zone_rule));
		em_str(e, "zone_name", s->zone_rule == SLA_ZONE_TZ ? cal_tz_name(s->tz)
				       : s->zone_rule == SLA_ZONE_STAMPS ? NULL : cal_zone_label(s->cal));
		em_num(e, "day_minutes", s->day_minutes);
		em_str(e, "day_reading", s->reading == CAL_DAY_NEXT_DAY ? "next-day" : "net");
	}
	if (s && s->model) {
		em_str(e, "sop_name", s->model->name);
		em_str(e, "ceiling_used", s->ceiling == SLA_CEIL_EXACT ? "exact" : "rounded");
		if (e->json)
			em_days(e, NULL, "ceiling_rounded", (double)s->ceiling_days * e->dm * 60.0);
		else
			em_num(e, "ceiling_rounded_days", s->ceiling_days);
		em_days(e, "ceiling_exact_days", "ceiling_exact", s->exact_s);
		em_num(e, "clock_start_step", s->clock_start_step);
		em_str(e, "clock_start_source", s->clock_start_source);
		em_num(e, "clock_end_step", s->end_step);
		/* the lint's numbers, in working minutes at day_minutes a day */
		int64_t steps_min = dur_to_minutes(sop_model_total(s->model), s->day_minutes);
		em_dur(e, "steps_total_minutes", "steps_total", steps_min * 60.0, EM_MIN);
		if (s->model->has_declared) {
			int64_t decl = dur_to_minutes(s->model->declared, s->day_minutes);
			int64_t cmp = dur_to_minutes(sop_model_declared_sum(s->model), s->day_minutes);
			em_dur(e, "declared_total_minutes", "declared_total", decl * 60.0, EM_MIN);
			em_dur(e, "lint_gap_minutes", "lint_gap", (cmp - decl) * 60.0, EM_MIN);
		} else {
			em_dur(e, "declared_total_minutes", "declared_total", NAN, EM_MIN);
			em_dur(e, "lint_gap_minutes", "lint_gap", NAN, EM_MIN);
		}
	}
	em_num(e, "finished", (double)g->finished);
	em_num(e, "within", (double)g->within);
	em_num(e, "with_ceiling", (double)g->with_ceiling);
	em_num(e, "share_within", share(g->within, g->with_ceiling));
	em_num(e, "share_within_exact", share(g->within_exact, g->with_ceiling));
	em_num(e, "with_planned_date", (double)g->with_target);
	em_num(e, "within_planned_date", (double)g->within_target);
	em_num(e, "share_by_planned_date", share(g->within_target, g->with_target));
	em_days(e, "lead_median_days", "lead_median", g->lead_st.median);
	em_days(e, "lead_p90_days", "lead_p90", g->lead_st.p90);
	em_days(e, "lead_max_days", "lead_max", g->lead_st.max);
	em_days(e, "lead_mean_days", "lead_mean", g->lead_st.mean);
	em_dur(e, "calendar_median_days", "calendar_median", g->lead_cal_st.median, EM_CAL);
	em_dur(e, "calendar_max_days", "calendar_max", g->lead_cal_st.max, EM_CAL);
	em_num(e, "paused_cases", (double)g->paused_cases);
	em_num(e, "returned_before_acceptance", (double)g->returned_cases);
	em_days(e, "resubmit_median_days", "resubmit_median", g->returned_st.median);
	em_num(e, "resubmit_timed", (double)g->returned_st.n);
	em_num(e, "applicant_late", (double)g->applicant_late);
	em_hours(e, "late_excess_hours", "late_excess", g->late_excess_s);
	em_num(e, "open_at_month_end", (double)g->open);
	em_num(e, "open_past_ceiling", (double)g->open_past);
	em_num(e, "open_not_accepted", (double)g->open_waiting);
	static const char *bk[] = {"open_age_lt50", "open_age_50_80", "open_age_80_100", "open_age_100_200", "open_age_gt200"};
	for (int i = 0; i < SLA_AGE_BUCKETS; i++)
		em_num(e, bk[i], (double)g->open_age[i]);
	em_num(e, "arrivals", (double)g->arrivals);
	em_num(e, "completions", (double)g->completions);
	em_num(e, "working_days", (double)g->working_days);
	em_num(e, "arrivals_per_working_day", g->working_days ? (double)g->arrivals / (double)g->working_days : NAN);
	em_num(e, "completions_per_working_day", g->working_days ? (double)g->completions / (double)g->working_days : NAN);
	em_num(e, "cases_skipped", (double)g->cases_skipped);
	em_section_end(e, 0);

	if (!office) {
		em_section(e, "steps", 1);
		for (size_t i = 0; i < g->nsteps; i++) {
			const struct sla_step_row *r = &g->steps[i];
			char item[32];
			snprintf(item, sizeof item, "%d", r->no > 0 ? r->no : (int)i + 1);
			em_row(e, item);
			em_num(e, "no", r->no > 0 ? r->no : (int)i + 1);
			em_str(e, "activity", r->activity);
			em_str(e, "actor", r->actor);
			em_hours(e, "standard_hours", "standard", r->std_s);
			em_stat_rows(e, &r->st, r->std_s);
			em_row_end(e);
		}
		if (g->unmapped.st.n) {
			em_row(e, "?");
			em_num(e, "no", NAN);
			em_str(e, "activity", "?");
			em_str(e, "actor", NULL);
			em_hours(e, "standard_hours", "standard", NAN);
			em_stat_rows(e, &g->unmapped.st, NAN);
			em_row_end(e);
		}
		em_section_end(e, 1);
	}
	em_section(e, "actors", 1);
	for (size_t i = 0; i < g->nactors; i++) {
		const struct sla_actor_row *r = &g->actors[i];
		em_row(e, r->name);
		em_str(e, "actor", r->name);
		em_stat_rows(e, &r->st, g->has_std ? 0 : NAN); /* null: no waktu to be over */
		em_row_end(e);
	}
	em_section_end(e, 1);
	em_section(e, "slowest", 1);
	for (size_t i = 0; i < g->nslow; i++) {
		const struct sla_slow *s2 = &g->slow[i];
		em_case_row(e, s2);
		em_days(e, "lead_days", "lead", s2->lead_s);
		em_dur(e, "calendar_days", "calendar_lead", s2->calendar_s, EM_CAL);
		em_num(e, "late", s2->late);
		em_days(e, "over_days", "over", s2->over_s);
		em_num(e, "late_step", s2->late && s2->late_step > 0 ? s2->late_step : NAN);
		em_str(e, "late_activity", s2->late ? s2->late_activity : NULL);
		em_hours(e, "late_step_excess_hours", "late_step_excess", s2->late ? s2->late_excess_s : NAN);
		em_row_end(e);
	}
	em_section_end(e, 1);
	em_section(e, "trend", 1);
	for (int k = 0; k < SLA_TREND; k++) {
		const struct sla_trend *t = &g->trend[k];
		char item[48];
		snprintf(item, sizeof item, "%04d-%02d", t->year, t->month);
		em_row(e, item);
		em_str(e, "month", item);
		em_num(e, "finished", (double)t->finished);
		em_num(e, "with_ceiling", (double)t->with_ceiling);
		em_num(e, "within", (double)t->within);
		em_num(e, "share_within", share(t->within, t->with_ceiling));
		em_num(e, "with_planned_date", (double)t->with_target);
		em_num(e, "within_planned_date", (double)t->within_target);
		em_num(e, "share_by_planned_date", share(t->within_target, t->with_target));
		em_days(e, "lead_median_days", "lead_median", t->median_s);
		em_row_end(e);
	}
	em_section_end(e, 1);
	em_section(e, "open_cases", 1);
	for (size_t i = 0; i < g->nopen_list; i++) {
		const struct sla_slow *s2 = &g->open_list[i];
		em_case_row(e, s2);
		em_days(e, "age_days", "age", s2->lead_s);
		em_num(e, "past_ceiling", s2->late);
		em_row_end(e);
	}
	em_section_end(e, 1);
	em_section(e, "daily", 1);
	for (size_t d = 0; d < g->ndays; d++) {
		const struct sla_daily *x = &g->days[d];
		int y, mo, dd;
		char item[48];
		cal_civil_from_days(x->day, &y, &mo, &dd);
		snprintf(item, sizeof item, "%04d-%02d-%02d", y, mo, dd);
		em_row(e, item);
		em_str(e, "date", item);
		em_num(e, "working_day", x->kind == 0);
		em_num(e, "arrivals", (double)x->arrivals);
		em_num(e, "completions", (double)x->completions);
		em_num(e, "wip", (double)x->wip);
		em_row_end(e);
	}
	em_section_end(e, 1);
	em_section(e, "lint", 1);
	struct mutu_notes lint;
	mutu_notes_init(&lint);
	lint_items(g, o, &lint);
	for (size_t i = 0; i < lint.n; i++) {
		char item[48];
		snprintf(item, sizeof item, "%zu", i + 1);
		em_row(e, item);
		em_str(e, "finding", lint.items[i]);
		em_row_end(e);
	}
	mutu_notes_release(&lint);
	em_section_end(e, 1);
	em_group_end(e);
}

static void render_data(const struct sla_month *m, const struct rpt_opts *o, const struct rpt_charts *cs,
			int json, struct mutu_buf *b)
{
	struct em e;
	memset(&e, 0, sizeof e);
	e.json = json;
	e.b = b;
	e.lang = o->lang;
	e.first[0] = 1;
	char month[32];
	snprintf(month, sizeof month, "%04d-%02d", m->year, m->month);
	if (json) {
		/* "schema" names the document's kind and version: docs/schema/report.schema.json.
		 * /2: every duration in minutes with its text (was hours and days
		 * under _hours/_days names in /1); "units" names them once */
		mutu_buf_puts(b, "{\"schema\":\"mutu.report/2\",\"units\":{\"duration\":\"minutes\","
			      "\"duration_kind\":\"working minutes (summary.day_minutes to a working day), except "
			      "calendar_* which are wall-clock minutes (1440 to a day)\","
			      "\"duration_text\":\"<name>_text: the same duration as the report shows it\","
			      "\"share\":\"fraction 0..1\",\"count\":\"berkas\",\"rate\":\"berkas per working day\"},"
			      "\"report\":\"monthly\",\"month\":");
		mutu_buf_json_str(b, month);
		mutu_buf_printf(b, ",\"lang\":\"%s\",\"cases_read\":%zu,\"events_read\":%zu,\"completion_only\":%s,",
				o->lang == RPT_EN ? "en" : "id", m->cases_read, m->events_read,
				m->completion_only ? "true" : "false");
		mutu_buf_printf(b, "\"planned_dates\":{\"cases\":%zu,\"unreadable\":%zu,\"deadline_col\":",
				m->planned_cases, m->planned_bad);
		if (m->opts.deadline_col)
			mutu_buf_json_str(b, m->opts.deadline_col);
		else
			mutu_buf_puts(b, "null");
		mutu_buf_puts(b, ",\"unused_lookalikes\":");
		if (m->planned_hints[0])
			mutu_buf_json_str(b, m->planned_hints);
		else
			mutu_buf_puts(b, "null");
		mutu_buf_puts(b, ",\"columns\":[");
		for (size_t i = 0; i < m->nplanned_src; i++) {
			mutu_buf_puts(b, i ? ",{\"name\":" : "{\"name\":");
			mutu_buf_json_str(b, m->planned_src[i].name);
			mutu_buf_printf(b, ",\"level\":\"%s\",\"cases\":%zu}", m->planned_src[i].event ? "event" : "case",
					m->planned_src[i].cases);
		}
		mutu_buf_puts(b, "]},\"notes\":[");
		const struct mutu_notes *mn = month_notes(m, o);
		for (size_t i = 0; i < mn->n; i++) {
			if (i)
				mutu_buf_putc(b, ',');
			mutu_buf_json_str(b, mn->items[i]);
		}
		mutu_buf_puts(b, "],\"charts\":[");
		for (size_t i = 0; cs && i < cs->n; i++) {
			if (i)
				mutu_buf_putc(b, ',');
			mutu_buf_json_str(b, cs->c[i].svg_path);
			mutu_buf_putc(b, ',');
			mutu_buf_json_str(b, cs->c[i].png_path);
		}
		mutu_buf_puts(b, "],\n\"groups\":[\n");
		e.depth = 1;
		e.first[1] = 1;
	} else {
		mutu_buf_puts(b, "group,section,item,metric,value\r\n");
		e.group = "report";
		e.section = "meta";
		em_str(&e, "month", month);
		em_num(&e, "cases_read", (double)m->cases_read);
		em_num(&e, "events_read", (double)m->events_read);
		em_num(&e, "completion_only", m->completion_only);
		/* the planned dates found, as in JSON's planned_dates */
		em_num(&e, "planned_date_cases", (double)m->planned_cases);
		em_num(&e, "planned_date_unreadable", (double)m->planned_bad);
		struct mutu_buf cols;
		mutu_buf_init(&cols);
		for (size_t i = 0; i < m->nplanned_src; i++)
			mutu_buf_printf(&cols, "%s%s (%s, %zu)", i ? "; " : "", m->planned_src[i].name,
					m->planned_src[i].event ? "event" : "case", m->planned_src[i].cases);
		em_str(&e, "planned_date_columns", cols.s ? cols.s : "");
		mutu_buf_release(&cols);
		/* the notes the other formats show beside the answer (skipped
		 * cases, partial data), one numbered row each */
		const struct mutu_notes *nn = month_notes(m, o);
		for (size_t i = 0; i < nn->n; i++) {
			char no[24];
			snprintf(no, sizeof no, "%zu", i + 1);
			em_row(&e, no);
			em_str(&e, "note", nn->items[i]);
		}
		em_row(&e, "");
	}
	emit_group(&e, &m->office, 1, o);
	for (size_t i = 0; i < m->ngroups; i++)
		emit_group(&e, &m->groups[i], 0, o);
	if (json)
		mutu_buf_puts(b, "]}\n");
}

/* ---- Excel: one sheet per table, the summary first ---- */

static const char *xname(const struct sla_group *g, const struct rpt_opts *o)
{
	if (has_model(g) && g->sop->model->name && *g->sop->model->name)
		return g->sop->model->name;
	return g->id ? g->id : TR(o, "(tanpa model)", "(no model)");
}

static void xlsx_book(const struct sla_month *m, const struct rpt_opts *o, struct rpt_xlsx *x)
{
	enum rpt_lang l = o->lang;
	char month[64];
	snprintf(month, sizeof month, "%s %d", rpt_month_name(m->month, l), m->year);
	{
		const char *hd[] = {"SOP", TR(o, "Selesai", "Finished"), TR(o, "Dalam batas SOP", "Within the SOP ceiling"),
				    TR(o, "% dalam batas", "% within"), TR(o, "Terlambat", "Late"),
				    TR(o, "Median (hari kerja)", "Median (working days)"), TR(o, "p90 (hari kerja)", "p90 (working days)"),
				    TR(o, "Terbuka akhir bulan", "Open at month end"), TR(o, "Terbuka lewat batas", "Open past the ceiling"),
				    TR(o, "Dikembalikan ke pemohon sebelum diterima", "Handed back before acceptance"),
				    TR(o, "Median waktu pemohon melengkapi (hari kerja)", "Median time applicants took to resubmit (working days)"),
				    TR(o, "Diambil pemohon lewat batas (bukan keterlambatan kantor)",
				       "Collected by the applicant after the deadline (not the office's delay)")};
		const double w[] = {44, 10, 14, 12, 11, 14, 14, 14, 14, 16, 18, 20};
		rpt_xlsx_sheet(x, TR(o, "Ringkasan", "Summary"), 12, hd, w);
		/* one row per SOP, then (two SOPs or more) the office as a whole,
		 * the total a head of office is asked for, as in the answer */
		size_t nrows = m->ngroups + (m->ngroups > 1);
		for (size_t i = 0; i < nrows; i++) {
			int total = i == m->ngroups;
			const struct sla_group *g = total ? &m->office : &m->groups[i];
			int mdl = total ? g->with_ceiling > 0 : has_model(g);
			rpt_xlsx_str(x, total ? TR(o, "Kantor (semua SOP)", "Office (all SOPs)") : xname(g, o));
			rpt_xlsx_num(x, (double)g->finished, RPT_XF_INT);
			rpt_xlsx_num(x, mdl ? (double)g->within : (double)g->within_target, RPT_XF_INT);
			rpt_xlsx_num(x, mdl ? share(g->within, g->with_ceiling) : share(g->within_target, g->with_target), RPT_XF_PCT);
			rpt_xlsx_num(x, mdl ? (double)(g->with_ceiling - g->within) : (double)(g->with_target - g->within_target),
				     RPT_XF_INT);
			rpt_xlsx_num(x, g->lead_st.median / g_day_s(g), RPT_XF_2);
			rpt_xlsx_num(x, g->lead_st.p90 / g_day_s(g), RPT_XF_2);
			rpt_xlsx_num(x, (double)g->open, RPT_XF_INT);
			rpt_xlsx_num(x, (double)g->open_past, RPT_XF_INT);
			rpt_xlsx_num(x, (double)g->returned_cases, RPT_XF_INT);
			rpt_xlsx_num(x, g->returned_st.median / g_day_s(g), RPT_XF_2);
			rpt_xlsx_num(x, (double)g->applicant_late, RPT_XF_INT);
			rpt_xlsx_nl(x);
		}
		/* below the table: the office, the month and the answer */
		rpt_xlsx_nl(x);
		char *office = rpt_office_name(m, o);
		rpt_xlsx_str(x, TR(o, "Kantor", "Office"));
		rpt_xlsx_str(x, office ? office : "");
		free(office);
		rpt_xlsx_nl(x);
		rpt_xlsx_str(x, TR(o, "Bulan", "Month"));
		rpt_xlsx_str(x, month);
		rpt_xlsx_nl(x);
		struct mutu_notes ans;
		mutu_notes_init(&ans);
		rpt_month_headlines(m, o, &ans);
		for (size_t i = 0; i < ans.n; i++) {
			rpt_xlsx_str(x, ans.items[i]);
			rpt_xlsx_nl(x);
		}
		mutu_notes_release(&ans);
		const struct mutu_notes *warn = month_notes(m, o);
		for (size_t i = 0; i < warn->n; i++) {
			rpt_xlsx_str(x, warn->items[i]);
			rpt_xlsx_nl(x);
		}
	}
	{
		const char *hd[] = {"SOP", TR(o, "No.", "No."), TR(o, "Kegiatan", "Activity"), TR(o, "Pelaksana (SOP)", "Actor (SOP)"),
				    TR(o, "Waktu standar (menit)", "Standard (minutes)"), "n", TR(o, "Median (menit)", "Median (minutes)"),
				    TR(o, "p90 (menit)", "p90 (minutes)"), TR(o, "% lewat waktu", "% over waktu"),
				    TR(o, "Total kelebihan (jam)", "Total excess (hours)"),
				    TR(o, "Kelebihan pada kasus terlambat (jam)", "Excess in late cases (hours)")};
		const double w[] = {30, 6, 50, 20, 12, 8, 12, 12, 12, 14, 16};
		rpt_xlsx_sheet(x, TR(o, "Per langkah", "Per step"), 11, hd, w);
		for (size_t i = 0; i < m->ngroups; i++) {
			const struct sla_group *g = &m->groups[i];
			for (size_t k = 0; k < g->nsteps; k++) {
				const struct sla_step_row *r = &g->steps[k];
				int std = !isnan(r->std_s);
				rpt_xlsx_str(x, xname(g, o));
				rpt_xlsx_num(x, r->no > 0 ? r->no : (double)k + 1, RPT_XF_INT);
				rpt_xlsx_str(x, r->activity);
				rpt_xlsx_str(x, r->actor);
				rpt_xlsx_num(x, r->std_s / 60.0, RPT_XF_INT);
				rpt_xlsx_num(x, (double)r->st.n, RPT_XF_INT);
				rpt_xlsx_num(x, r->st.median / 60.0, RPT_XF_1);
				rpt_xlsx_num(x, r->st.p90 / 60.0, RPT_XF_1);
				rpt_xlsx_num(x, std ? share(r->st.over, r->st.n) : NAN, RPT_XF_PCT);
				rpt_xlsx_num(x, std ? r->st.excess_s / 3600.0 : NAN, RPT_XF_1);
				rpt_xlsx_num(x, std ? r->st.late_excess_s / 3600.0 : NAN, RPT_XF_1);
				rpt_xlsx_nl(x);
			}
		}
	}
	{
		const char *hd[] = {"SOP", TR(o, "Pelaksana", "Actor"), "n", TR(o, "Median (menit)", "Median (minutes)"),
				    TR(o, "p90 (menit)", "p90 (minutes)"), TR(o, "% lewat waktu", "% over waktu"),
				    TR(o, "Total kelebihan (jam)", "Total excess (hours)"),
				    TR(o, "Kelebihan pada kasus terlambat (jam)", "Excess in late cases (hours)")};
		const double w[] = {30, 24, 8, 12, 12, 12, 14, 16};
		rpt_xlsx_sheet(x, TR(o, "Per pelaksana", "Per actor"), 8, hd, w);
		for (size_t i = 0; i < m->ngroups; i++) {
			const struct sla_group *g = &m->groups[i];
			for (size_t k = 0; k < g->nactors; k++) {
				const struct sla_actor_row *r = &g->actors[k];
				rpt_xlsx_str(x, xname(g, o));
				rpt_xlsx_str(x, r->name);
				rpt_xlsx_num(x, (double)r->st.n, RPT_XF_INT);
				rpt_xlsx_num(x, r->st.median / 60.0, RPT_XF_1);
				rpt_xlsx_num(x, r->st.p90 / 60.0, RPT_XF_1);
				rpt_xlsx_num(x, g->has_std ? share(r->st.over, r->st.n) : NAN, RPT_XF_PCT);
				rpt_xlsx_num(x, g->has_std ? r->st.excess_s / 3600.0 : NAN, RPT_XF_1);
				rpt_xlsx_num(x, g->has_std ? r->st.late_excess_s / 3600.0 : NAN, RPT_XF_1);
				rpt_xlsx_nl(x);
			}
		}
	}
	{
		const char *hd[] = {"SOP", TR(o, "Kasus", "Case"), TR(o, "Waktu kerja (hari kerja)", "Working time (working days)"),
				    TR(o, "Waktu kalender (hari)", "Calendar time (days)"), TR(o, "Terlambat", "Late"),
				    TR(o, "Lewat batas (hari kerja)", "Over the ceiling (working days)"),
				    TR(o, "Langkah penyebab", "Step that made it late"), TR(o, "Kegiatan", "Activity"),
				    TR(o, "Kelebihan langkah (jam)", "Step excess (hours)")};
		const double w[] = {30, 24, 14, 14, 10, 14, 10, 40, 14};
		/* several offices read: an office column after the case's */
		const char *hdo[] = {hd[0], hd[1], TR(o, "Kantor", "Office"), hd[2], hd[3], hd[4], hd[5], hd[6], hd[7], hd[8]};
		const double wo[] = {30, 24, 24, 14, 14, 10, 14, 10, 40, 14};
		int named = 0;
		for (size_t i = 0; i < m->ngroups && !named; i++)
			named = list_named(m->groups[i].slow, m->groups[i].nslow);
		rpt_xlsx_sheet(x, TR(o, "Kasus terlama", "Slowest cases"), 9 + named, named ? hdo : hd, named ? wo : w);
		for (size_t i = 0; i < m->ngroups; i++) {
			const struct sla_group *g = &m->groups[i];
			for (size_t k = 0; k < g->nslow; k++) {
				const struct sla_slow *s = &g->slow[k];
				rpt_xlsx_str(x, xname(g, o));
				rpt_xlsx_str(x, s->key);
				if (named)
					rpt_xlsx_str(x, office_label(s->office, o));
				rpt_xlsx_num(x, s->lead_s / g_day_s(g), RPT_XF_2);
				rpt_xlsx_num(x, s->calendar_s / 86400.0, RPT_XF_2);
				rpt_xlsx_str(x, s->late ? TR(o, "ya", "yes") : TR(o, "tidak", "no"));
				rpt_xlsx_num(x, s->late ? s->over_s / g_day_s(g) : NAN, RPT_XF_2);
				rpt_xlsx_num(x, s->late && s->late_step > 0 ? s->late_step : NAN, RPT_XF_INT);
				rpt_xlsx_str(x, s->late ? s->late_activity : NULL);
				rpt_xlsx_num(x, s->late && s->late_excess_s > 0 ? s->late_excess_s / 3600.0 : NAN, RPT_XF_1);
				rpt_xlsx_nl(x);
			}
		}
	}
	{
		const char *hd[] = {"SOP", TR(o, "Bulan", "Month"), TR(o, "Selesai", "Finished"),
				    TR(o, "Dalam batas SOP", "Within the SOP ceiling"), TR(o, "% dalam batas", "% within"),
				    TR(o, "Median (hari kerja)", "Median (working days)")};
		const double w[] = {30, 12, 10, 14, 12, 14};
		rpt_xlsx_sheet(x, TR(o, "Tren 12 bulan", "12-month trend"), 6, hd, w);
		for (size_t i = 0; i < m->ngroups; i++) {
			const struct sla_group *g = &m->groups[i];
			for (int k = 0; k < SLA_TREND; k++) {
				const struct sla_trend *t = &g->trend[k];
				rpt_xlsx_str(x, xname(g, o));
				rpt_xlsx_day(x, cal_days_from_civil(t->year, t->month, 1), RPT_XF_MONTH);
				rpt_xlsx_num(x, (double)t->finished, RPT_XF_INT);
				rpt_xlsx_num(x, (double)t->within, RPT_XF_INT);
				rpt_xlsx_num(x, share(t->within, t->with_ceiling), RPT_XF_PCT);
				rpt_xlsx_num(x, t->median_s / g_day_s(g), RPT_XF_2);
				rpt_xlsx_nl(x);
			}
		}
	}
	{
		const char *hd[] = {"SOP", TR(o, "Kasus", "Case"), TR(o, "Umur (hari kerja)", "Age (working days)"),
				    TR(o, "Lewat batas", "Past the ceiling")};
		const double w[] = {30, 24, 14, 12};
		const char *hdo[] = {hd[0], hd[1], TR(o, "Kantor", "Office"), hd[2], hd[3]};
		const double wo[] = {30, 24, 24, 14, 12};
		int named = 0;
		for (size_t i = 0; i < m->ngroups && !named; i++)
			named = list_named(m->groups[i].open_list, m->groups[i].nopen_list);
		rpt_xlsx_sheet(x, TR(o, "Terbuka", "Open"), 4 + named, named ? hdo : hd, named ? wo : w);
		for (size_t i = 0; i < m->ngroups; i++) {
			const struct sla_group *g = &m->groups[i];
			for (size_t k = 0; k < g->nopen_list; k++) {
				const struct sla_slow *s = &g->open_list[k];
				rpt_xlsx_str(x, xname(g, o));
				rpt_xlsx_str(x, s->key);
				if (named)
					rpt_xlsx_str(x, office_label(s->office, o));
				rpt_xlsx_num(x, s->lead_s / g_day_s(g), RPT_XF_2);
				rpt_xlsx_str(x, s->late ? TR(o, "ya", "yes") : TR(o, "tidak", "no"));
				rpt_xlsx_nl(x);
			}
		}
	}
	{
		const char *hd[] = {"SOP", TR(o, "Tanggal", "Date"), TR(o, "Hari", "Day"), TR(o, "Masuk", "Arrived"),
				    TR(o, "Selesai", "Finished"), TR(o, "Dalam proses (akhir hari)", "In progress (end of day)")};
		const double w[] = {30, 14, 16, 10, 10, 16};
		rpt_xlsx_sheet(x, TR(o, "Harian", "Daily"), 6, hd, w);
		for (size_t i = 0; i < m->ngroups; i++) {
			const struct sla_group *g = &m->groups[i];
			for (size_t d = 0; d < g->ndays; d++) {
				const struct sla_daily *y = &g->days[d];
				rpt_xlsx_str(x, xname(g, o));
				rpt_xlsx_day(x, y->day, RPT_XF_DATE);
				rpt_xlsx_str(x, kind_name(y->kind, o));
				rpt_xlsx_num(x, (double)y->arrivals, RPT_XF_INT);
				rpt_xlsx_num(x, (double)y->completions, RPT_XF_INT);
				rpt_xlsx_num(x, (double)y->wip, RPT_XF_INT);
				rpt_xlsx_nl(x);
			}
		}
	}
}

/* The workbook, written through the atomic writer: libxlsxwriter writes
 * to the temporary name, which is renamed into place once complete. */
static int write_xlsx(const struct sla_month *m, const struct rpt_opts *o, const char *base,
		      struct mutu_notes *files, struct mutu_err *err)
{
	struct mutu_buf path;
	mutu_buf_init(&path);
	mutu_buf_printf(&path, "%s/%s.xlsx", o->out_dir, base);
	struct mutu_out mo;
	int rc = mutu_out_open(&mo, path.s, err);
	if (rc == 0 && !mo.tmp) {
		mutu_out_abort(&mo);
		rc = mutu_errf(err, MUTU_EINPUT, "an Excel workbook cannot go to standard output: give --out DIR");
	}
	struct rpt_xlsx *x = NULL;
	if (rc == 0)
		rc = rpt_xlsx_open(&x, mo.tmp, err);
	if (rc == 0) {
		xlsx_book(m, o, x);
		rc = rpt_xlsx_close(x, err);
		if (rc == 0)
			rc = mutu_out_commit(&mo, err) ? MUTU_EFAIL : 0;
	}
	if (rc)
		mutu_out_abort(&mo);
	else if (files)
		mutu_notes_addf(files, "%s", path.s);
	mutu_buf_release(&path);
	return rc;
}

/* ---- entry point ---- */

int rpt_monthly(const struct sla_month *m, const struct rpt_opts *o, struct mutu_notes *files,
		struct mutu_err *err)
{
	char base[256];
	if (o->name)
		snprintf(base, sizeof base, "%s", o->name);
	else
		snprintf(base, sizeof base, "report-%04d-%02d", m->year, m->month);
	/* CSV and JSON are data: no charts (they would not be shown), no
	 * gnuplot needed, and "-" writes the document to standard output */
	if (o->format == RPT_CSV || o->format == RPT_JSON) {
		struct mutu_buf d;
		mutu_buf_init(&d);
		render_data(m, o, NULL, o->format == RPT_JSON, &d);
		if (o->format == RPT_CSV && o->csv_excel_id) {
			struct mutu_buf x;
			mutu_buf_init(&x);
			rpt_csv_excel_id(d.s ? d.s : "", d.len, 1, &x);
			mutu_buf_release(&d);
			d = x;
		}
		int rd;
		if (strcmp(o->out_dir, "-") == 0) {
			rd = mutu_write_file("-", d.s ? d.s : "", d.len, err) ? MUTU_EFAIL : 0;
		} else {
			struct stat sd;
			int made = stat(o->out_dir, &sd) != 0;
			rd = rpt_mkdirs(o->out_dir, err) ? MUTU_EFAIL : 0;
			if (rd == 0)
				rd = rpt_write_report(o->out_dir, base, o->format == RPT_JSON ? "json" : "csv", &d, NULL, files, err);
			if (rd && made)
				rmdir(o->out_dir);
		}
		mutu_buf_release(&d);
		return rd;
	}
	if (strcmp(o->out_dir, "-") == 0)
		return mutu_errf(err, MUTU_EINPUT, "--out - (standard output) is for --format json or csv; "
				 "html, md and xlsx are written to a folder (give --out DIR)");
	struct stat sb;
	int made_out = stat(o->out_dir, &sb) != 0;
	if (rpt_mkdirs(o->out_dir, err))
		return MUTU_EFAIL;
	if (o->format == RPT_XLSX) {
		/* a workbook shows no charts: no gnuplot needed, none written */
		int rx = write_xlsx(m, o, base, files, err);
		if (rx && made_out)
			rmdir(o->out_dir);
		return rx;
	}
	struct rpt_charts cs;
	int rc = rpt_charts_init(&cs, o, base, err);
	char slug[160];
	if (rc == 0 && m->ngroups != 1) {
		rpt_group_slug(&m->office, 1, slug, sizeof slug);
		rc = rpt_chart_lead_office(&cs, slug, &m->office, m->groups, m->ngroups, err);
		if (rc == 0)
			rc = rpt_chart_trend(&cs, slug, &m->office, err);
		if (rc == 0)
			rc = rpt_chart_daily(&cs, slug, &m->office, err);
	}
	for (size_t i = 0; rc == 0 && i < m->ngroups; i++) {
		const struct sla_group *g = &m->groups[i];
		rpt_group_slug(g, 0, slug, sizeof slug);
		rc = rpt_chart_lead(&cs, slug, g, err);
		if (rc == 0)
			rc = rpt_chart_steps(&cs, slug, g, err);
		if (rc == 0)
			rc = rpt_chart_trend(&cs, slug, g, err);
		if (rc == 0)
			rc = rpt_chart_daily(&cs, slug, g, err);
	}
	if (rc == 0)
		rc = rpt_charts_run(&cs, err);
	if (rc) {
		/* a failed run (gnuplot missing or failing) leaves nothing behind */
		rpt_charts_discard(&cs);
		rpt_charts_release(&cs);
		if (made_out)
			rmdir(o->out_dir); /* only when empty */
		return rc;
	}
	struct mutu_buf b;
	mutu_buf_init(&b);
	const char *ext = "html";
	switch (o->format) {
	case RPT_MD:
		ext = "md";
		render_md(m, o, &cs, &b);
		break;
	case RPT_CSV:
		ext = "csv";
		render_data(m, o, &cs, 0, &b);
		break;
	case RPT_JSON:
		ext = "json";
		render_data(m, o, &cs, 1, &b);
		break;
	default:
		rc = render_html(m, o, &cs, &b, err);
		break;
	}
	if (rc == 0)
		rc = rpt_write_report(o->out_dir, base, ext, &b, &cs, files, err);
	mutu_buf_release(&b);
	rpt_charts_release(&cs);
	if (rc && made_out)
		rmdir(o->out_dir); /* a failed run leaves no new empty folder */
	return rc;
}
