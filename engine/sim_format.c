/*
 * sim_format.c - simulation results as text (Indonesian: working time as
 * "2 Hari 3 Jam", decimal commas), JSON (times in minutes) and CSV (one
 * row per metric), with or without a paired comparison.
 *
 * Nothing here depends on the thread count or the wall clock, so the same
 * seed renders to the same bytes.
 */
#include "sim_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mutu/dur.h"

static const char *unit_of(enum sim_kind k)
{
	switch (k) {
	case SIM_K_COUNT: return "berkas";
	case SIM_K_SHARE: return "share";
	case SIM_K_TIME: return "minutes";
	case SIM_K_LEVEL: return "files";
	case SIM_K_RATE: return "per_hour";
	case SIM_K_DAYS: return "calendar_days";
	}
	return "";
}

/* JSON/CSV value: times in minutes, others as they are; NaN as null/empty. */
static void put_num(struct mutu_buf *b, double v, enum sim_kind k, const char *nan)
{
	if (isnan(v) || isinf(v)) {
		mutu_buf_puts(b, nan);
		return;
	}
	if (k == SIM_K_TIME)
		v /= 60.0;
	mutu_buf_printf(b, "%.6g", v);
}

/* Interval of a value that cannot be negative (nor above 1 for shares):
 * the Student-t interval of a small sample can cross those bounds. */
static struct stats_ci clamped(const struct stats_ci *ci, enum sim_kind k)
{
	struct stats_ci c = *ci;
	if (c.lo < 0)
		c.lo = 0;
	if (k == SIM_K_SHARE && c.hi > 1)
		c.hi = 1;
	return c;
}

/* ---- text -------------------------------------------------------------- */

/* v with dec decimals in the reports' Indonesian style (mutu_fmt_num:
 * "1.234,5", no "-0,0"), then the unit. */
static void id_number(char *buf, size_t n, int dec, double v, const char *unit)
{
	struct mutu_buf b;
	mutu_buf_init(&b);
	mutu_fmt_num(&b, v, dec, 0);
	snprintf(buf, n, "%s%s", b.s, unit);
	mutu_buf_release(&b);
}

/* How a value and its interval are shown together: one unit (seconds or
 * the Hari/Jam/Menit form) and one number of decimals for all three, so a
 * line never reads "0 detik [0 Menit .. 0 detik]". */
struct tsel {
	int secs; /* SIM_K_TIME: "N detik" rather than Hari/Jam/Menit */
	int dec;  /* decimals of numbers (and of seconds) */
};

static int default_dec(enum sim_kind k)
{
	return k == SIM_K_LEVEL || k == SIM_K_RATE ? 2 : k == SIM_K_TIME ? 0 : 1;
}

/* The number as shown (shares in percent, times in seconds). */
static double shown(double v, enum sim_kind k)
{
	return k == SIM_K_SHARE ? 100 * v : v;
}

/* Does v print as zero with dec decimals? */
static int zero_at(double v, int dec)
{
	return fabs(v) * pow(10, dec) < 0.5;
}

/* Unit and decimals for a value and its interval (n = 1 or 3 values).
 * Under half a minute (and not exactly zero) times show in seconds.
 * With adapt (differences, where zero is the question), decimals grow
 * until the interval's ends differ, a nonzero mean does not print as 0
 * and an interval that excludes zero does not print touching it. */
static struct tsel choose(const double *v, int n, enum sim_kind k, int adapt)
{
	struct tsel t = {0, default_dec(k)};
	double mx = 0;
	for (int i = 0; i < n; i++)
		if (!isnan(v[i]) && fabs(v[i]) > mx)
			mx = fabs(v[i]);
	if (k == SIM_K_TIME) {
		t.secs = mx > 0 && mx < 30;
		if (!t.secs)
			return t; /* whole minutes: dur_format_minutes */
	}
	if (!adapt)
		return t;
	for (; t.dec < 6; t.dec++) {
		double m = shown(v[0], k);
		int bad = m != 0 && zero_at(m, t.dec);
		if (n == 3 && !isnan(v[1]) && !isnan(v[2])) {
			double lo = shown(v[1], k), hi = shown(v[2], k), p = pow(10, t.dec);
			bad |= lo != hi && round(lo * p) == round(hi * p);
			bad |= lo > 0 && zero_at(lo, t.dec);
			bad |= hi < 0 && zero_at(hi, t.dec);
		}
		if (!bad)
			break;
	}
	return t;
}

static void text_value_sel(struct mutu_buf *b, double v, enum sim_kind k, int day_minutes,
			   const struct tsel *t)
{
	char t_[96];
	if (isnan(v)) {
		mutu_buf_puts(b, "-");
		return;
	}
	switch (k) {
	case SIM_K_COUNT:
	case SIM_K_LEVEL:
		id_number(t_, sizeof t_, t->dec, v, "");
		break;
	case SIM_K_SHARE:
		id_number(t_, sizeof t_, t->dec, 100 * v, "%");
		break;
	case SIM_K_TIME:
		/* a difference: sign in front of the whole duration, and no
		 * "-0 Menit" for what rounds to nothing */
		if (v < 0 && (t->secs ? !zero_at(v, t->dec) : v <= -30)) {
			mutu_buf_putc(b, '-');
		}
		v = fabs(v);
		if (t->secs) {
			id_number(t_, sizeof t_, t->dec, v, " detik");
		} else {
			dur_format_minutes(v / 60.0, day_minutes, DUR_ID, t_, sizeof t_);
		}
		break;
	case SIM_K_RATE:
		id_number(t_, sizeof t_, t->dec, v, "/jam");
		break;
	case SIM_K_DAYS:
		id_number(t_, sizeof t_, t->dec, v, " hari kalender");
		break;
	}
	mutu_buf_puts(b, t_);
}

static void text_value(struct mutu_buf *b, double v, enum sim_kind k, int day_minutes)
{
	struct tsel t = choose(&v, 1, k, 0);
	text_value_sel(b, v, k, day_minutes, &t);
}

/* "mean [lo .. hi]" in one unit.  With adapt (a difference) the decimals
 * grow as choose() says; returns whether the interval as printed lies
 * clear of zero, the only case that earns a significance star. */
static int text_ci_adapt(struct mutu_buf *b, const struct stats_ci *ci, enum sim_kind k, int dm,
			 int adapt)
{
	double v[3] = {ci->mean, ci->lo, ci->hi};
	int with_ci = !isnan(ci->half) && ci->half > 0;
	struct tsel t = choose(v, with_ci ? 3 : 1, k, adapt);
	if (adapt && ci->mean > 0) {
		/* "+" only in front of something that prints as more than 0 */
		struct mutu_buf mb, zb;
		mutu_buf_init(&mb);
		mutu_buf_init(&zb);
		text_value_sel(&mb, ci->mean, k, dm, &t);
		text_value_sel(&zb, 0, k, dm, &t);
		if (strcmp(mb.s, zb.s))
			mutu_buf_putc(b, '+');
		mutu_buf_release(&mb);
		mutu_buf_release(&zb);
	}
	text_value_sel(b, ci->mean, k, dm, &t);
	if (with_ci) {
		mutu_buf_puts(b, " [");
		text_value_sel(b, ci->lo, k, dm, &t);
		mutu_buf_puts(b, " .. ");
		text_value_sel(b, ci->hi, k, dm, &t);
		mutu_buf_puts(b, "]");
	}
	if (isnan(ci->half) || !(ci->lo > 0 || ci->hi < 0))
		return 0;
	/* the end nearest zero must not print as zero (or as "-0") */
	double near = ci->lo > 0 ? ci->lo : -ci->hi;
	struct mutu_buf nb, zb;
	mutu_buf_init(&nb);
	mutu_buf_init(&zb);
	text_value_sel(&nb, near, k, dm, &t);
	text_value_sel(&zb, 0, k, dm, &t);
	int clear = strcmp(nb.s, zb.s) != 0;
	mutu_buf_release(&nb);
	mutu_buf_release(&zb);
	return clear;
}

static void text_ci(struct mutu_buf *b, const struct stats_ci *ci, enum sim_kind k, int dm)
{
	text_ci_adapt(b, ci, k, dm, 0);
}

static const char *label_id(const char *field)
{
	static const struct { const char *f, *l; } t[] = {
		{"arrivals", "berkas masuk"},
		{"finished", "berkas selesai"},
		{"within", "selesai dalam batas SOP"},
		{"lead_mean", "waktu penyelesaian rata-rata"},
		{"lead_p50", "waktu penyelesaian median"},
		{"lead_p90", "waktu penyelesaian p90"},
		{"lead_p95", "waktu penyelesaian p95"},
		{"lead_days_mean", "waktu penyelesaian rata-rata (hari kalender)"},
		{"within_n", "berkas selesai dalam batas SOP"},
		{"rejections", "berkas dikembalikan ke pemohon"},
		{"wip_end", "berkas dalam proses di akhir"},
		{"wip_mean", "berkas dalam proses rata-rata"},
		{"sojourn_mean", "waktu tinggal rata-rata (termasuk di pemohon)"},
		{"throughput", "berkas selesai per jam kerja"},
		{"wait_mean", "menunggu"},
		{"wait_share", "berkas yang menunggu"},
		{"service_mean", "dilayani"},
		{"util", "utilisasi"},
		{"queue_mean", "antrean rata-rata"},
		{"queue_max", "antrean maksimum"},
		{"staff_mean", "petugas hadir rata-rata"},
		{"wait_within", "menunggu dalam batas wait_target"},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (!strcmp(t[i].f, field))
			return t[i].l;
	return field;
}

/* One metric line: "  label: value [lo .. hi]" or, comparing,
 * "  label: A -> B, selisih d [lo .. hi]". */
static void text_line(struct mutu_buf *b, const struct sim_results *r, size_t i,
		      const struct sim_results *rb, const struct sim_diff *diffs, int dm,
		      const char *label)
{
	const struct sim_metric *m = &r->metrics[i];
	mutu_buf_printf(b, "  %-46s ", label ? label : label_id(m->field));
	struct stats_ci c = clamped(&r->ci[i], m->kind);
	if (!rb || !diffs) {
		text_ci(b, &c, m->kind, dm);
	} else if (diffs[i].ib < 0) {
		text_ci(b, &c, m->kind, dm);
		mutu_buf_puts(b, " -> (tidak ada)");
	} else {
		text_value(b, r->ci[i].mean, m->kind, dm);
		mutu_buf_puts(b, " -> ");
		text_value(b, rb->ci[diffs[i].ib].mean, m->kind, dm);
		mutu_buf_puts(b, ", selisih ");
		const struct stats_ci *d = &diffs[i].d;
		if (text_ci_adapt(b, d, m->kind, dm, 1))
			mutu_buf_puts(b, " *");
	}
	mutu_buf_putc(b, '\n');
}

static void fmt_date(const struct sim_scenario *sc, double t, char *buf, size_t n)
{
	if (sc->cal)
		cal_format_time(sc->cal, t, buf, n);
	else
		snprintf(buf, n, "%.0f", t);
}

static void text_header(struct mutu_buf *b, const struct sim_scenario *sc,
			const struct sim_results *r, const char *tag)
{
	char s[64], w[64], e[64];
	/* dates only; the end is exclusive, so show its last day */
	fmt_date(sc, sc->start, s, sizeof s);
	fmt_date(sc, sc->warmup > sc->start ? sc->warmup : sc->start, w, sizeof w);
	fmt_date(sc, sc->end - 1, e, sizeof e);
	if (sc->cal) {
		s[strcspn(s, "T")] = w[strcspn(w, "T")] = e[strcspn(e, "T")] = '\0';
	}
	mutu_buf_printf(b, "%sSkenario: %s\n", tag, sc->path ? sc->path : "(dibangun dalam kode)");
	mutu_buf_printf(b, "  kalender %s, %s s.d. %s, diamati sejak %s\n",
			sc->cal ? cal_name(sc->cal) : "(tanpa kalender)", s, e, w);
	mutu_buf_printf(b, "  %d replikasi, seed %llu\n", r->nrep, (unsigned long long)r->seed);
}

/* The per-period metrics (sim.h): one block a period, all SOPs then each
 * SOP (the steps' per-period times are in JSON and CSV). */
static void text_periods(const struct sim_scenario *sc, const struct sim_results *r,
			 const struct sim_results *rb, const struct sim_diff *diffs,
			 struct mutu_buf *b)
{
	if (!r->nperiods)
		return;
	mutu_buf_printf(b, "\nPer %s (berkas masuk menurut tanggal datang; selesai, dalam batas SOP "
			   "dan waktu penyelesaian menurut tanggal selesai)\n",
			r->by == SIM_BY_WEEK ? "minggu (ISO)" : "bulan kalender");
	for (size_t p = 0; p < r->nperiods; p++) {
		mutu_buf_printf(b, "\n%s\n", r->periods[p].label);
		for (size_t i = 0; i < r->nmetric; i++)
			if (r->metrics[i].period == (int)p + 1 && r->metrics[i].scope == SIM_S_ALL)
				text_line(b, r, i, rb, diffs, sc->day_minutes, NULL);
		for (int s = 0; s < sc->nsops; s++) {
			mutu_buf_printf(b, "  SOP %s\n", sc->sops[s].id);
			for (size_t i = 0; i < r->nmetric; i++) {
				const struct sim_metric *m = &r->metrics[i];
				if (m->period == (int)p + 1 && m->scope == SIM_S_SOP && m->sop == s) {
					char lab[80];
					snprintf(lab, sizeof lab, "  %s", label_id(m->field));
					text_line(b, r, i, rb, diffs, sc->day_minutes, lab);
				}
			}
		}
	}
}

/* Who serves step position k of so, as the step lines name it. */
static const char *step_who(const struct sim_scenario *sc, const struct sim_sop *so, int k)
{
	const struct sim_step *st = &so->steps[k];
	return st->actor == SIM_PEMOHON ? sim_scenario_unstaffed_name(sc, (int)(so - sc->sops), st->no)
					: sim_scenario_actor_title(sc, (size_t)st->actor);
}

/*
 * Where the SOP's SLA clock starts and stops, when it does not start at
 * the arrival: the waktu penyelesaian lines (lead, within) then leave out
 * the berkas's time before acceptance, which the waktu tinggal keeps; a
 * reader comparing the two, or a lead with the steps' times summed from
 * step 1, would otherwise mix them up.
 */
static void text_clock(struct mutu_buf *b, const struct sim_scenario *sc, const struct sim_sop *so)
{
	if (so->start_pos < 0 || so->nsteps == 0)
		return;
	mutu_buf_printf(b, "  jam SLA: dari akhir langkah %d (%s, berkas diterima lengkap) s.d. akhir langkah %d (%s)\n",
			so->steps[so->start_pos].no, step_who(sc, so, so->start_pos),
			so->steps[so->end_pos].no, step_who(sc, so, so->end_pos));
	mutu_buf_printf(b, "  waktu tinggal: dari berkas masuk (langkah %d), termasuk waktu sebelum diterima\n",
			so->steps[0].no);
}

static void format_text(const struct sim_scenario *sc, const struct sim_results *r,
			const struct sim_scenario *scb, const struct sim_results *rb,
			const struct sim_diff *diffs, struct mutu_buf *b)
{
	int dm = sc->day_minutes;
	int cmp = rb && diffs;
	text_header(b, sc, r, cmp ? "A " : "");
	if (cmp)
		text_header(b, scb, rb, "B ");
	char *cals = cmp ? sim_compare_calendars(r, rb) : NULL;
	if (cals) {
		mutu_buf_printf(b, "Dipasangkan lintas kalender (%s): berkas yang sama datang pada hari kerja "
				   "yang sama; waktu layanan dari aliran acak yang sama per langkah\n", cals);
		free(cals);
	}
	mutu_buf_puts(b, cmp ? "Nilai: rata-rata A -> B, selisih B - A [selang kepercayaan 95%]; * = berbeda nyata\n"
			     : "Nilai: rata-rata [selang kepercayaan 95%] antar replikasi; waktu = waktu kerja\n");
	mutu_buf_puts(b, "\nSemua SOP\n");
	for (size_t i = 0; i < r->nmetric; i++)
		if (r->metrics[i].scope == SIM_S_ALL && r->metrics[i].period == 0)
			text_line(b, r, i, rb, diffs, dm, NULL);
	for (int s = 0; s < sc->nsops; s++) {
		const struct sim_sop *so = &sc->sops[s];
		mutu_buf_printf(b, "\nSOP %s: %s", so->id, so->name);
		if (so->ceiling_days > 0)
			mutu_buf_printf(b, " (batas %d Hari)", so->ceiling_days);
		mutu_buf_putc(b, '\n');
		text_clock(b, sc, so);
		for (size_t i = 0; i < r->nmetric; i++)
			if (r->metrics[i].scope == SIM_S_SOP && r->metrics[i].sop == s &&
			    r->metrics[i].period == 0)
				text_line(b, r, i, rb, diffs, dm, NULL);
		int last_no = -1;
		for (size_t i = 0; i < r->nmetric; i++) {
			const struct sim_metric *m = &r->metrics[i];
			if (m->scope != SIM_S_STEP || m->sop != s || m->period > 0)
				continue;
			if (m->step_no != last_no) {
				const struct sim_step *st = NULL;
				for (int k = 0; k < so->nsteps; k++)
					if (so->steps[k].no == m->step_no)
						st = &so->steps[k];
				mutu_buf_printf(b, "  langkah %d (%s)\n", m->step_no,
						st->actor == SIM_PEMOHON ? sim_scenario_unstaffed_name(sc, m->sop, st->no)
									 : sim_scenario_actor_title(sc, (size_t)st->actor));
				last_no = m->step_no;
			}
			char lab[80];
			snprintf(lab, sizeof lab, "  %s", label_id(m->field));
			text_line(b, r, i, rb, diffs, dm, lab);
		}
	}
	mutu_buf_puts(b, "\nPelaksana\n");
	int last = -1;
	for (size_t i = 0; i < r->nmetric; i++) {
		const struct sim_metric *m = &r->metrics[i];
		if (m->scope != SIM_S_ACTOR)
			continue;
		if (m->actor != last) {
			mutu_buf_printf(b, "  %s\n", sim_scenario_actor_title(sc, (size_t)m->actor));
			last = m->actor;
		}
		char lab[128];
		if (!strcmp(m->field, "wait_within")) {
			/* the limit is what the share means: say it */
			char d[48];
			dur_format_minutes(m->limit / 60.0, dm, DUR_ID, d, sizeof d);
			snprintf(lab, sizeof lab, "  menunggu paling lama %s (wait_target)", d);
		} else {
			snprintf(lab, sizeof lab, "  %s", label_id(m->field));
		}
		text_line(b, r, i, rb, diffs, dm, lab);
	}
	text_periods(sc, r, rb, diffs, b);
	if (cmp) {
		int missing = 0;
		for (size_t i = 0; i < rb->nmetric; i++)
			if (sim_results_find(r, rb->metrics[i].key) < 0)
				missing++;
		if (missing)
			mutu_buf_printf(b, "\n(%d ukuran hanya ada di B, tidak dibandingkan)\n", missing);
	}
}

/* ---- JSON -------------------------------------------------------------- */

/* The document's units, named once after its kind: durations in working
 * minutes with their text; lead_days_mean stays in calendar days (its
 * name says so, and mutu.sim/1 has always had it so). */
#define SIM_JSON_UNITS                                                                                  \
	"\"units\":{\"duration\":\"minutes\",\"duration_kind\":\"working minutes (day_minutes to a working "    \
	"day)\",\"duration_text\":\"<bound>_text beside mean, lo and hi: the same value as the text output "   \
	"shows it\",\"calendar_days\":\"lead_days_mean: calendar days of 24 h\",\"share\":\"fraction 0..1\","  \
	"\"count\":\"berkas\",\"level\":\"time-average count (files waiting or present, staff on duty)\",\"rate\":\"berkas per hour\"},"

/* One text member "<name>_text" for a duration kind (nothing for the
 * others): the value as the text output shows it, whole minutes split
 * into working days of dm.  SIM_K_DAYS (lead_days_mean) is in calendar
 * days of 24 h and reads "8,7 hari kalender" as in the text output: the
 * Hari/Jam/Menit form means hari kerja everywhere else in mutu, so
 * "8 Hari 17 Jam" would have read as 8 working days. */
static void json_text(struct mutu_buf *b, const char *name, double v, enum sim_kind k, int dm)
{
	if (k != SIM_K_TIME && k != SIM_K_DAYS)
		return;
	mutu_buf_printf(b, ",\"%s_text\":", name);
	if (k == SIM_K_DAYS) {
		if (isnan(v) || isinf(v)) {
			mutu_buf_puts(b, "null");
			return;
		}
		char t_[96];
		id_number(t_, sizeof t_, default_dec(k), v, " hari kalender");
		mutu_buf_json_str(b, t_);
	} else {
		dur_json_text(b, v / 60.0, dm, DUR_ID);
	}
}

static void json_ci(struct mutu_buf *b, const struct stats_ci *ci, enum sim_kind k, int dm)
{
	mutu_buf_puts(b, "{\"mean\":");
	put_num(b, ci->mean, k, "null");
	mutu_buf_puts(b, ",\"lo\":");
	put_num(b, ci->lo, k, "null");
	mutu_buf_puts(b, ",\"hi\":");
	put_num(b, ci->hi, k, "null");
	mutu_buf_printf(b, ",\"n\":%zu", ci->n);
	json_text(b, "mean", ci->mean, k, dm);
	json_text(b, "lo", ci->lo, k, dm);
	json_text(b, "hi", ci->hi, k, dm);
	mutu_buf_putc(b, '}');
}

static void json_fields_p(struct mutu_buf *b, const struct sim_results *r, int dm, int period,
			  enum sim_scope scope, int sop, int step_no, int actor)
{
	int first = 1;
	for (size_t i = 0; i < r->nmetric; i++) {
		const struct sim_metric *m = &r->metrics[i];
		if (m->period != period || m->scope != scope || (scope == SIM_S_SOP && m->sop != sop) ||
		    (scope == SIM_S_STEP && (m->sop != sop || m->step_no != step_no)) ||
		    (scope == SIM_S_ACTOR && m->actor != actor))
			continue;
		mutu_buf_printf(b, "%s\"%s\":", first ? "" : ",", m->field);
		struct stats_ci c = clamped(&r->ci[i], m->kind);
		json_ci(b, &c, m->kind, dm);
		first = 0;
	}
	if (!first)
		mutu_buf_putc(b, ',');
}

/* The whole run's metrics of a scope. */
static void json_fields(struct mutu_buf *b, const struct sim_results *r, int dm, enum sim_scope scope,
			int sop, int step_no, int actor)
{
	json_fields_p(b, r, dm, 0, scope, sop, step_no, actor);
}

/* "periods": [{"period": "2025-03", "start", "end", "all": {...}, "sops":
 * [{"id", fields..., "steps": [{"no", wait_mean, service_mean}]}]}] */
static void json_periods(struct mutu_buf *b, const struct sim_scenario *sc, const struct sim_results *r)
{
	if (!r->nperiods)
		return;
	mutu_buf_printf(b, ",\"by\":\"%s\",\"periods\":[", r->by == SIM_BY_WEEK ? "week" : "month");
	for (size_t p = 0; p < r->nperiods; p++) {
		char t0[64], t1[64];
		fmt_date(sc, r->periods[p].start, t0, sizeof t0);
		fmt_date(sc, r->periods[p].end, t1, sizeof t1);
		mutu_buf_printf(b, "%s{\"period\":\"%s\",\"start\":\"%s\",\"end\":\"%s\",\"all\":{",
				p ? "," : "", r->periods[p].label, t0, t1);
		json_fields_p(b, r, sc->day_minutes, (int)p + 1, SIM_S_ALL, -1, 0, -1);
		if (b->s[b->len - 1] == ',')
			b->s[--b->len] = '\0';
		mutu_buf_puts(b, "},\"sops\":[");
		for (int s = 0; s < sc->nsops; s++) {
			const struct sim_sop *so = &sc->sops[s];
			mutu_buf_puts(b, s ? ",{\"id\":" : "{\"id\":");
			mutu_buf_json_str(b, so->id);
			mutu_buf_putc(b, ',');
			json_fields_p(b, r, sc->day_minutes, (int)p + 1, SIM_S_SOP, s, 0, -1);
			mutu_buf_puts(b, "\"steps\":[");
			for (int k = 0; k < so->nsteps; k++) {
				mutu_buf_printf(b, "%s{\"no\":%d,", k ? "," : "", so->steps[k].no);
				json_fields_p(b, r, sc->day_minutes, (int)p + 1, SIM_S_STEP, s, so->steps[k].no, -1);
				b->s[--b->len] = '\0';
				mutu_buf_putc(b, '}');
			}
			mutu_buf_puts(b, "]}");
		}
		mutu_buf_puts(b, "]}");
	}
	mutu_buf_putc(b, ']');
}

/* One run's object.  top: the run is the whole document, so it opens with
 * its kind ("schema" first, as report and audit: docs/schema/sim.schema.json);
 * the runs "a" and "b" of a comparison are not documents of their own. */
static void json_run(struct mutu_buf *b, const struct sim_scenario *sc, const struct sim_results *r,
		     int top)
{
	char s[64], w[64], e[64];
	fmt_date(sc, sc->start, s, sizeof s);
	fmt_date(sc, sc->warmup > sc->start ? sc->warmup : sc->start, w, sizeof w);
	fmt_date(sc, sc->end, e, sizeof e);
	mutu_buf_puts(b, top ? "{\"schema\":\"mutu.sim/1\"," SIM_JSON_UNITS "\"scenario\":" : "{\"scenario\":");
	mutu_buf_json_str(b, sc->path ? sc->path : "");
	mutu_buf_puts(b, ",\"calendar\":");
	mutu_buf_json_str(b, sc->cal ? cal_name(sc->cal) : "");
	mutu_buf_printf(b, ",\"start\":\"%s\",\"warmup_until\":\"%s\",\"end\":\"%s\","
			   "\"replications\":%d,\"seed\":%llu,\"day_minutes\":%d,\"times_in\":\"working minutes\",",
			s, w, e, r->nrep, (unsigned long long)r->seed, sc->day_minutes);
	mutu_buf_puts(b, "\"all\":{");
	json_fields(b, r, sc->day_minutes, SIM_S_ALL, -1, 0, -1);
	if (b->s[b->len - 1] == ',')
		b->s[--b->len] = '\0';
	mutu_buf_puts(b, "},\"sops\":[");
	for (int so = 0; so < sc->nsops; so++) {
		const struct sim_sop *p = &sc->sops[so];
		mutu_buf_puts(b, so ? ",{\"id\":" : "{\"id\":");
		mutu_buf_json_str(b, p->id);
		mutu_buf_puts(b, ",\"name\":");
		mutu_buf_json_str(b, p->name);
		mutu_buf_printf(b, ",\"ceiling_days\":%d,", p->ceiling_days);
		json_fields(b, r, sc->day_minutes, SIM_S_SOP, so, 0, -1);
		mutu_buf_puts(b, "\"steps\":[");
		for (int k = 0; k < p->nsteps; k++) {
			const struct sim_step *st = &p->steps[k];
			mutu_buf_printf(b, "%s{\"no\":%d,\"activity\":", k ? "," : "", st->no);
			mutu_buf_json_str(b, st->activity);
			mutu_buf_puts(b, ",\"actor\":");
			mutu_buf_json_str(b, st->automatic ? st->automatic
					       : st->actor == SIM_PEMOHON ? "Pemohon" : sc->actors[st->actor].name);
			mutu_buf_putc(b, ',');
			json_fields(b, r, sc->day_minutes, SIM_S_STEP, so, st->no, -1);
			b->s[--b->len] = '\0';
			mutu_buf_putc(b, '}');
		}
		mutu_buf_puts(b, "]}");
	}
	mutu_buf_puts(b, "],\"actors\":[");
	for (int a = 0; a < sc->nactors; a++) {
		mutu_buf_puts(b, a ? ",{\"name\":" : "{\"name\":");
		mutu_buf_json_str(b, sc->actors[a].name);
		mutu_buf_puts(b, ",\"title\":");
		mutu_buf_json_str(b, sim_scenario_actor_title(sc, (size_t)a));
		mutu_buf_putc(b, ',');
		if (sc->actors[a].wait_lim >= 0) {
			/* what wait_within counts against (only where it is set,
			 * so a scenario without it keeps its JSON) */
			mutu_buf_printf(b, "\"wait_target\":{\"share\":%.6g,\"limit_minutes\":%.6g,"
					"\"limit_minutes_text\":", sc->actors[a].wait_share,
					sc->actors[a].wait_lim / 60.0);
			dur_json_text(b, sc->actors[a].wait_lim / 60.0, sc->day_minutes, DUR_ID);
			mutu_buf_puts(b, "},");
		}
		json_fields(b, r, sc->day_minutes, SIM_S_ACTOR, -1, 0, a);
		b->s[--b->len] = '\0';
		mutu_buf_putc(b, '}');
	}
	mutu_buf_puts(b, "]");
	json_periods(b, sc, r);
	if (r->nsamples) {
		mutu_buf_printf(b, ",\"queue_samples\":{\"every_minutes\":%.6g,\"time\":[",
				r->sample_every / 60.0);
		for (size_t k = 0; k < r->nsamples; k++) {
			char t[64];
			fmt_date(sc, r->sample_time[k], t, sizeof t);
			mutu_buf_printf(b, "%s\"%s\"", k ? "," : "", t);
		}
		mutu_buf_puts(b, "],\"mean\":{");
		for (size_t a = 0; a < r->nactors; a++) {
			mutu_buf_puts(b, a ? "," : "");
			mutu_buf_json_str(b, sc->actors[a].name);
			mutu_buf_puts(b, ":[");
			for (size_t k = 0; k < r->nsamples; k++)
				mutu_buf_printf(b, "%s%.4g", k ? "," : "", r->queue_mean[a * r->nsamples + k]);
			mutu_buf_puts(b, "]");
		}
		mutu_buf_puts(b, "}}");
	}
	mutu_buf_puts(b, "}");
}

static void format_json(const struct sim_scenario *sc, const struct sim_results *r,
			const struct sim_scenario *scb, const struct sim_results *rb,
			const struct sim_diff *diffs, struct mutu_buf *b)
{
	if (!rb || !diffs) {
		json_run(b, sc, r, 1);
		mutu_buf_putc(b, '\n');
		return;
	}
	mutu_buf_puts(b, "{\"schema\":\"mutu.sim/1\"," SIM_JSON_UNITS "\"a\":");
	json_run(b, sc, r, 0);
	mutu_buf_puts(b, ",\"b\":");
	json_run(b, scb, rb, 0);
	char *cals = sim_compare_calendars(r, rb);
	if (cals) {
		/* what the pairs are taken across (sim_compare) */
		mutu_buf_puts(b, ",\"paired_across\":{\"calendar\":");
		mutu_buf_json_str(b, cals);
		mutu_buf_puts(b, ",\"same\":[\"arrivals per working day\",\"service draws per step\"]}");
		free(cals);
	}
	mutu_buf_puts(b, ",\"diff\":[");
	int first = 1;
	for (size_t i = 0; i < r->nmetric; i++) {
		if (diffs[i].ib < 0)
			continue;
		const struct sim_metric *m = &r->metrics[i];
		mutu_buf_puts(b, first ? "{\"key\":" : ",{\"key\":");
		mutu_buf_json_str(b, m->key);
		mutu_buf_printf(b, ",\"unit\":\"%s\",\"b_minus_a\":", unit_of(m->kind));
		json_ci(b, &diffs[i].d, m->kind, sc->day_minutes);
		mutu_buf_printf(b, ",\"significant\":%s}",
				!isnan(diffs[i].d.half) && (diffs[i].d.lo > 0 || diffs[i].d.hi < 0)
					? "true" : "false");
		first = 0;
	}
	mutu_buf_puts(b, "]}\n");
}

/* ---- CSV --------------------------------------------------------------- */

/* Scenario text (SOP ids, actor names) is the user's: the same formula
 * guard as report and audit CSV (mutu_csv_field). */
static void csv_str(struct mutu_buf *b, const char *s)
{
	mutu_csv_field(b, s);
}

static void format_csv(const struct sim_scenario *sc, const struct sim_results *r,
		       const struct sim_results *rb, const struct sim_diff *diffs,
		       struct mutu_buf *b)
{
	static const char *const scopes[] = {"all", "sop", "step", "actor"};
	int cmp = rb && diffs;
	/* the period column only when there are periods: the whole run's
	 * CSV keeps its columns */
	const char *pc = r->nperiods ? ",period" : "";
	mutu_buf_printf(b, cmp ? "scope,sop,step,actor,metric,unit,a_mean,b_mean,diff_mean,diff_low,diff_high,n%s\n"
			       : "scope,sop,step,actor,metric,unit,mean,ci_low,ci_high,n%s\n", pc);
	for (size_t i = 0; i < r->nmetric; i++) {
		const struct sim_metric *m = &r->metrics[i];
		if (cmp && diffs[i].ib < 0)
			continue;
		mutu_buf_printf(b, "%s,", scopes[m->scope]);
		csv_str(b, m->sop >= 0 ? sc->sops[m->sop].id : "");
		if (m->step_no)
			mutu_buf_printf(b, ",%d,", m->step_no);
		else
			mutu_buf_puts(b, ",,");
		csv_str(b, m->actor >= 0 ? sc->actors[m->actor].name
			   : m->actor == SIM_PEMOHON && m->scope == SIM_S_STEP ? sim_scenario_unstaffed_name(sc, m->sop, m->step_no) : "");
		mutu_buf_printf(b, ",%s,%s,", m->field, unit_of(m->kind));
		if (!cmp) {
			struct stats_ci c = clamped(&r->ci[i], m->kind);
			put_num(b, c.mean, m->kind, "");
			mutu_buf_putc(b, ',');
			put_num(b, c.lo, m->kind, "");
			mutu_buf_putc(b, ',');
			put_num(b, c.hi, m->kind, "");
			mutu_buf_printf(b, ",%zu", r->ci[i].n);
		} else {
			const struct stats_ci *d = &diffs[i].d;
			put_num(b, r->ci[i].mean, m->kind, "");
			mutu_buf_putc(b, ',');
			put_num(b, rb->ci[diffs[i].ib].mean, m->kind, "");
			mutu_buf_putc(b, ',');
			put_num(b, d->mean, m->kind, "");
			mutu_buf_putc(b, ',');
			put_num(b, d->lo, m->kind, "");
			mutu_buf_putc(b, ',');
			put_num(b, d->hi, m->kind, "");
			mutu_buf_printf(b, ",%zu", d->n);
		}
		if (r->nperiods)
			mutu_buf_printf(b, ",%s", m->period > 0 ? r->periods[m->period - 1].label : "");
		mutu_buf_putc(b, '\n');
	}
}

void sim_results_format(const struct sim_scenario *sc, const struct sim_results *r,
			const struct sim_scenario *scb, const struct sim_results *rb,
			const struct sim_diff *diffs, enum sim_format fmt,
			struct mutu_buf *out)
{
	switch (fmt) {
	case SIM_TEXT:
		format_text(sc, r, scb, rb, diffs, out);
		break;
	case SIM_JSON:
		format_json(sc, r, scb, rb, diffs, out);
		break;
	case SIM_CSV:
		format_csv(sc, r, rb, diffs, out);
		break;
	}
}
