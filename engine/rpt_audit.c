/*
 * rpt_audit.c - the audit listing: per case and step, actual against
 * standard with the deviation and the flags, and a summary of cases by
 * flag.  CSV and JSON stream case by case; text and HTML keep their body
 * until the end so late cases come first (and, in HTML, the summary).
 *
 * A step is shown as over its waktu only when the shown values differ:
 * 5.4 minutes against 5 prints as "5 menit" twice, and "5 menit > 5
 * menit (lebih 0 menit)" would be a rounding artefact, not a finding.
 * The same rule drops the flag from the counts, the rows and the
 * findings of every format (the store keeps the exact flags).
 */
#include "rpt_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TRL(l, id, en) ((l) == RPT_EN ? (en) : (id))

struct rpt_audit {
	enum rpt_format format;
	enum rpt_lang lang;
	char *assets_dir;
	size_t ncases, nfinished, nlate;
	size_t flag_cases[SLA_NFLAGS];
	struct mutu_buf body;      /* text, HTML: cases in time (or open) */
	struct mutu_buf late_body; /* text, HTML: late cases, shown first */
	int started;
	/* cases with a planned end date, and the attributes it came from */
	size_t nplanned, nplanned_late;
	char *pcol[4];
	size_t pcol_n[4], npcol, pcol_other;
	/* xlsx: the workbook (sheets summary, cases, steps, findings) and
	 * the first error met, reported by rpt_audit_status */
	struct rpt_xlsx *x;
	int xs_sum, xs_case, xs_step, xs_find;
	struct mutu_err xerr;
};

/* Count the case's planned date under the attribute it came from. */
static void count_planned(struct rpt_audit *a, const struct sla_case *c)
{
	if (isnan(c->target))
		return;
	a->nplanned++;
	a->nplanned_late += c->late_target != 0;
	const char *name = c->target_name ? c->target_name : "?";
	for (size_t i = 0; i < a->npcol; i++)
		if (strcmp(a->pcol[i], name) == 0) {
			a->pcol_n[i]++;
			return;
		}
	if (a->npcol == sizeof a->pcol / sizeof a->pcol[0]) {
		a->pcol_other++;
		return;
	}
	a->pcol[a->npcol] = mutu_strdup(name);
	a->pcol_n[a->npcol++] = 1;
}

/* "endDatePlanned (12), deadline (3)" */
static void planned_cols(const struct rpt_audit *a, struct mutu_buf *b)
{
	for (size_t i = 0; i < a->npcol; i++)
		mutu_buf_printf(b, "%s%s (%zu)", i ? ", " : "", a->pcol[i], a->pcol_n[i]);
	if (a->pcol_other)
		mutu_buf_printf(b, "%s+%zu", a->npcol ? ", " : "", a->pcol_other);
}

static const char *flag_code(int i, enum rpt_lang l)
{
	static const char *id[SLA_NFLAGS] = {"LEBIH", "HILANG", "URUTAN", "ULANG", "LUAR-SOP", "PELAKSANA",
					     "ORANG-SAMA", "JEDA", "TERLAMBAT", "PEMOHON-LAMA"};
	static const char *en[SLA_NFLAGS] = {"OVER", "MISSING", "ORDER", "REWORK", "NOT-IN-SOP", "ACTOR",
					     "SAME-PERSON", "PAUSED", "LATE", "APPLICANT-LATE"};
	return i >= 0 && i < SLA_NFLAGS ? (l == RPT_EN ? en[i] : id[i]) : "?";
}

/* The text summary's label column: as wide as the longest "[CODE] label"
 * ("[APPLICANT-LATE] applicant past the deadline, not the office", 61;
 * "[PEMOHON-LAMA] pemohon lewat batas, bukan waktu kantor", 54), so no
 * label is cut; at 44 they read "bukan w..." and "not the o...", and
 * lost their point. */
#define SUM_W 62

static const char *flag_label(int i, enum rpt_lang l)
{
	static const char *id[SLA_NFLAGS] = {
		"langkah lewat waktu standar", "langkah SOP tidak ada di log", "langkah tidak urut",
		"langkah diulang (rework)", "aktivitas di luar SOP", "pelaksana berbeda dari SOP",
		"orang yang sama memeriksa dan menyetujui", "jam berhenti di pemohon", "kasus lewat batas",
		"pemohon lewat batas, bukan waktu kantor"};
	static const char *en[SLA_NFLAGS] = {
		"step over its standard", "SOP step missing from the log", "steps out of SOP order",
		"step repeated (rework)", "activity not in the SOP", "actor differs from the SOP",
		"same person checked and approved", "clock paused at the applicant", "case over its ceiling",
		"applicant past the deadline, not the office"};
	return i >= 0 && i < SLA_NFLAGS ? (l == RPT_EN ? en[i] : id[i]) : "?";
}

static int flag_index(unsigned flag)
{
	for (int i = 0; i < SLA_NFLAGS; i++)
		if (flag == 1u << i)
			return i;
	return -1;
}

struct rpt_audit *rpt_audit_create(enum rpt_format format, enum rpt_lang lang, const char *assets_dir)
{
	struct rpt_audit *a = mutu_calloc(1, sizeof *a);
	a->format = format;
	a->lang = lang;
	a->assets_dir = mutu_strdup(assets_dir ? assets_dir : "reports");
	mutu_buf_init(&a->body);
	mutu_buf_init(&a->late_body);
	return a;
}

void rpt_audit_free(struct rpt_audit *a)
{
	if (!a)
		return;
	rpt_xlsx_discard(a->x); /* only when rpt_audit_end did not close it */
	free(a->assets_dir);
	for (size_t i = 0; i < a->npcol; i++)
		free(a->pcol[i]);
	mutu_buf_release(&a->body);
	mutu_buf_release(&a->late_body);
	free(a);
}

size_t rpt_audit_cases(const struct rpt_audit *a)
{
	return a->ncases;
}

size_t rpt_audit_flag_count(const struct rpt_audit *a, int i)
{
	return i >= 0 && i < SLA_NFLAGS ? a->flag_cases[i] : 0;
}

/* The offset a case's own instants are shown at: the SOP calendar's
 * zone, or for cases without a model (measured on 24x7) the offset the
 * log wrote on its first stamped event. */
static int case_off(const struct sla_case *c)
{
	if (!c->sop->model)
		for (size_t i = 0; i < c->nev; i++) {
			if (c->ev[i].start_off != SLA_OFF_NONE && !isnan(c->ev[i].start))
				return c->ev[i].start_off;
			if (c->ev[i].end_off != SLA_OFF_NONE && !isnan(c->ev[i].end))
				return c->ev[i].end_off;
		}
	return cal_utc_offset(c->sop->cal);
}

/* An instant of the case (accepted, finished, ...) that is one of its
 * event stamps is shown at the offset the log wrote with that stamp, as
 * in the step rows; other instants at case_off. */
static void fmt_time(const struct sla_case *c, double t, char *buf, size_t n)
{
	if (isnan(t)) {
		snprintf(buf, n, "%s", "");
		return;
	}
	int off = SLA_OFF_NONE;
	for (size_t i = 0; i < c->nev && off == SLA_OFF_NONE; i++)
		if (c->ev[i].end == t)
			off = c->ev[i].end_off;
	for (size_t i = 0; i < c->nev && off == SLA_OFF_NONE; i++)
		if (c->ev[i].start == t)
			off = c->ev[i].start_off;
	cal_format_iso(t, off != SLA_OFF_NONE ? off : case_off(c), buf, n);
}

/* An event's stamp at the offset the log wrote with it (docs/store.md
 * events.*_off), else as the case's instants. */
static void fmt_ev_time(const struct sla_case *c, double t, int off, char *buf, size_t n)
{
	if (isnan(t))
		snprintf(buf, n, "%s", "");
	else if (off != SLA_OFF_NONE)
		cal_format_iso(t, off, buf, n);
	else
		fmt_time(c, t, buf, n);
}

/* Open case aged to an as-of instant. */
static int aged(const struct sla_case *c)
{
	return !c->finished && !isnan(c->as_of) && !isnan(c->accepted);
}

static int dm(const struct sla_case *c)
{
	return c->sop->day_minutes;
}

/* The label of a case's duration: working time on its SOP's calendar, or
 * for a case without a model (no calendar known, measured 24 hours a
 * day, as sla.c does) calendar time, which it must not be called working
 * time. */
static const char *work_label(const struct sla_case *c, enum rpt_lang l)
{
	if (c->sop->model)
		return c->finished ? TRL(l, "waktu kerja", "working time") : TRL(l, "umur (waktu kerja)", "age (working time)");
	return c->finished ? TRL(l, "waktu kalender (tanpa model: 24 jam sehari)", "calendar time (no model: 24 h a day)")
			   : TRL(l, "umur (waktu kalender, tanpa model: 24 jam sehari)",
				 "age (calendar time, no model: 24 h a day)");
}

/* Over as the reader sees it: actual above standard, the two printed
 * differently and the printed excess not zero. */
static int shown_over(const struct sla_case *c, double actual, double std)
{
	if (isnan(actual) || isnan(std) || !(actual > std))
		return 0;
	struct mutu_buf x, y, z;
	mutu_buf_init(&x);
	mutu_buf_init(&y);
	mutu_buf_init(&z);
	rpt_fmt_dur(&x, actual, dm(c), RPT_EN);
	rpt_fmt_dur(&y, std, dm(c), RPT_EN);
	rpt_fmt_dur(&z, actual - std, dm(c), RPT_EN);
	int r = strcmp(x.s, y.s) != 0 && strcmp(z.s, "0 min") != 0;
	mutu_buf_release(&x);
	mutu_buf_release(&y);
	mutu_buf_release(&z);
	return r;
}

/* A step's flags as shown (OVER only when shown_over). */
static unsigned step_flags(const struct sla_case *c, size_t i)
{
	const struct sla_step_time *t = &c->st[i];
	unsigned fl = t->flags | (t->paused ? SLA_F_PAUSED : 0);
	if ((fl & SLA_F_OVER) && !shown_over(c, t->work_s, t->std_s))
		fl &= ~(unsigned)SLA_F_OVER;
	return fl;
}

/* Is finding f shown?  Not an OVER that rounds away. */
static int finding_shown(const struct sla_case *c, const struct sla_finding *f)
{
	return f->flag != SLA_F_OVER || shown_over(c, f->actual_s, f->std_s);
}

/* The case's flags as shown: OVER only when a shown finding has it. */
static unsigned case_flags(const struct sla_case *c)
{
	unsigned fl = c->flags & ~(unsigned)SLA_F_OVER;
	for (size_t i = 0; i < c->nfindings; i++)
		if (c->findings[i].flag == SLA_F_OVER && finding_shown(c, &c->findings[i]))
			fl |= SLA_F_OVER;
	return fl;
}

static double wait_of(const struct sla_case *c, size_t i);

/* An instant in the office's local form, "27 Nov 2025 14:43 WITA" (the
 * calendar's zone name when the offset is the calendar's, else +HH:MM).
 * A case with a model is shown in its calendar's zone whatever offset the
 * log wrote (PM4Py and ProM write UTC, "Z"): the office reads its own
 * clock, as the monthly report cuts its days.  The ISO stamps of the CSV
 * and JSON audits keep the log's offset. */
static void local_time(const struct sla_case *c, double t, int off, enum rpt_lang l, struct mutu_buf *o)
{
	if (isnan(t))
		return;
	if (c->sop->model)
		off = cal_utc_offset(c->sop->cal);
	else if (off == SLA_OFF_NONE) {
		off = SLA_OFF_NONE;
		for (size_t i = 0; i < c->nev && off == SLA_OFF_NONE; i++)
			if (c->ev[i].end == t)
				off = c->ev[i].end_off;
		for (size_t i = 0; i < c->nev && off == SLA_OFF_NONE; i++)
			if (c->ev[i].start == t)
				off = c->ev[i].start_off;
		if (off == SLA_OFF_NONE)
			off = case_off(c);
	}
	int cal_off = cal_utc_offset(c->sop->cal);
	rpt_fmt_local(o, t, off, off == cal_off && c->sop->model ? cal_zone_label(c->sop->cal) : NULL, l);
}

/* local_time into buf (empty for NaN): the text and CSV audits show the
 * instants as the HTML does, "27 Nov 2025 14:43 WITA", not ISO stamps. */
static void local_str(const struct sla_case *c, double t, int off, enum rpt_lang l, char *buf, size_t n)
{
	struct mutu_buf v;
	mutu_buf_init(&v);
	local_time(c, t, off, l, &v);
	snprintf(buf, n, "%s", v.s ? v.s : "");
	mutu_buf_release(&v);
}

static double ceil_s(const struct sla_case *c)
{
	const struct sla_sop *s = c->sop;
	if (!s->model)
		return NAN;
	return s->ceiling == SLA_CEIL_EXACT ? s->exact_s : s->rounded_s;
}

void rpt_finding_text(const struct sla_case *c, const struct sla_finding *f, enum rpt_lang l,
		      struct mutu_buf *o)
{
	const struct sla_event *e = f->ev >= 0 ? &c->ev[f->ev] : NULL;
	switch (flag_index(f->flag)) {
	case 0: /* over */
		mutu_buf_printf(o, TRL(l, "langkah %d lewat waktu: ", "step %d over its waktu: "), f->step);
		rpt_fmt_dur(o, f->actual_s, dm(c), l);
		mutu_buf_puts(o, " > ");
		rpt_fmt_dur(o, f->std_s, dm(c), l);
		mutu_buf_puts(o, TRL(l, " (lebih ", " (excess "));
		rpt_fmt_dur(o, f->actual_s - f->std_s, dm(c), l);
		mutu_buf_putc(o, ')');
		break;
	case 1:
		mutu_buf_printf(o, TRL(l, "langkah %d tidak ada di log", "step %d is not in the log"), f->step);
		break;
	case 2:
		mutu_buf_printf(o, TRL(l, "langkah %d dikerjakan setelah langkah %s (tidak urut)",
				       "step %d done after step %s (out of order)"), f->step, f->detail);
		break;
	case 3:
		if (f->step > 0)
			mutu_buf_printf(o, TRL(l, "langkah %d diulang", "step %d repeated"), f->step);
		else
			mutu_buf_printf(o, TRL(l, "aktivitas diulang: %s", "activity repeated: %s"), f->detail);
		break;
	case 4:
		mutu_buf_printf(o, TRL(l, "aktivitas di luar SOP: '%s'", "activity not in the SOP: '%s'"), f->detail);
		break;
	case 5: {
		const char *bar = strchr(f->detail, '|');
		int n = bar ? (int)(bar - f->detail) : (int)strlen(f->detail);
		mutu_buf_printf(o, TRL(l, "langkah %d dikerjakan oleh %.*s, menurut SOP oleh %s",
				       "step %d done by %.*s, the SOP says %s"), f->step, n, f->detail, bar ? bar + 1 : "?");
		break;
	}
	case 6: {
		const char *bar = strrchr(f->detail, '|');
		int n = bar ? (int)(bar - f->detail) : (int)strlen(f->detail);
		mutu_buf_printf(o, TRL(l, "orang yang sama (%.*s) memeriksa (langkah %s) dan menyetujui (langkah %d)",
				       "the same person (%.*s) checked (step %s) and approved (step %d)"),
				n, f->detail, bar ? bar + 1 : "?", f->step);
		break;
	}
	case 7:
		mutu_buf_puts(o, TRL(l, "jam berhenti ", "clock paused "));
		rpt_fmt_dur(o, f->actual_s, dm(c), l);
		mutu_buf_printf(o, TRL(l, " selama berkas di pemohon (sampai langkah %d)",
				       " while the file was with the applicant (until step %d)"), f->step);
		break;
	case 8:
		if (c->sop->model) {
			mutu_buf_puts(o, TRL(l, "kasus lewat batas: ", "case over its ceiling: "));
			rpt_fmt_dur(o, f->actual_s, dm(c), l);
			mutu_buf_puts(o, " > ");
			rpt_fmt_dur(o, f->std_s, dm(c), l);
			if (e)
				mutu_buf_printf(o, TRL(l, "; penyebab terbesar langkah %d", "; largest cause step %d"), e->step);
		} else {
			mutu_buf_puts(o, TRL(l, "selesai setelah tanggal rencana", "finished after the planned date"));
		}
		break;
	case 9:
		mutu_buf_printf(o, TRL(l, "langkah %d (pemohon) selesai lewat batas waktu, ",
				       "step %d (the applicant) done past the deadline, "), f->step);
		rpt_fmt_dur(o, f->actual_s, dm(c), l);
		mutu_buf_puts(o, TRL(l, " setelah kantor selesai: waktu pemohon, bukan keterlambatan kantor",
				     " after the office finished: the applicant's time, not the office's lateness"));
		break;
	default:
		mutu_buf_puts(o, "?");
	}
}

static void flags_list(unsigned flags, enum rpt_lang l, const char *sep, struct mutu_buf *o, int machine)
{
	int first = 1;
	for (int i = 0; i < SLA_NFLAGS; i++)
		if (flags & (1u << i)) {
			if (!first)
				mutu_buf_puts(o, sep);
			mutu_buf_puts(o, machine ? sla_flag_name(i) : flag_code(i, l));
			first = 0;
		}
}

/* Copy at most n bytes of s without cutting a UTF-8 sequence. */
static void put_trunc(struct mutu_buf *o, const char *s, size_t n, int pad)
{
	size_t len = s ? strlen(s) : 0, cut = len;
	if (cut > n) {
		cut = n - 1;
		while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
	}
	size_t chars = 0;
	for (size_t i = 0; i < cut; i++) {
		unsigned char ch = (unsigned char)s[i];
		mutu_buf_putc(o, (char)(ch < 0x20 ? ' ' : ch));
		if ((ch & 0xC0) != 0x80)
			chars++;
	}
	if (cut < len) {
		mutu_buf_puts(o, "\xe2\x80\xa6");
		chars++;
	}
	while (pad && chars < n) {
		mutu_buf_putc(o, ' ');
		chars++;
	}
}

static void text_case(struct rpt_audit *a, const struct sla_case *c, struct mutu_buf *o)
{
	enum rpt_lang l = a->lang;
	const struct sla_sop *s = c->sop;
	char t1[48], t2[48];
	mutu_buf_printf(o, "%s %s", TRL(l, "== Kasus", "== Case"), "");
	put_trunc(o, c->key, 200, 0);
	mutu_buf_printf(o, "   SOP %s", s->id ? s->id : TRL(l, "(tanpa model)", "(no model)"));
	if (c->office && *c->office) {
		mutu_buf_printf(o, "   %s ", TRL(l, "kantor", "office"));
		put_trunc(o, c->office, 100, 0);
	}
	mutu_buf_putc(o, '\n');
	local_str(c, c->accepted, SLA_OFF_NONE, l, t1, sizeof t1);
	local_str(c, c->done, SLA_OFF_NONE, l, t2, sizeof t2);
	mutu_buf_printf(o, "   %s: %s; %s: %s\n", s->model ? TRL(l, "diterima lengkap", "accepted as complete")
						  : TRL(l, "mulai", "started"),
			t1[0] ? t1 : "-", TRL(l, "selesai", "finished"),
			c->finished ? t2 : TRL(l, "masih terbuka", "still open"));
	mutu_buf_printf(o, "   %s", work_label(c, l));
	if (aged(c)) {
		local_str(c, c->as_of, SLA_OFF_NONE, l, t1, sizeof t1);
		mutu_buf_printf(o, " %s %s", TRL(l, "per", "as of"), t1);
	}
	mutu_buf_puts(o, ": ");
	rpt_fmt_dur(o, c->work_s, dm(c), l);
	if (s->model) {
		mutu_buf_printf(o, "; %s ", TRL(l, "batas", "ceiling"));
		rpt_fmt_dur(o, ceil_s(c), dm(c), l);
		mutu_buf_printf(o, " (%s)", s->ceiling == SLA_CEIL_EXACT ? TRL(l, "jumlah tepat", "exact sum")
									 : TRL(l, "dibulatkan", "rounded"));
		if (c->finished || aged(c)) {
			if (c->late) {
				mutu_buf_printf(o, "; %s ", TRL(l, "TERLAMBAT", "LATE"));
				rpt_fmt_dur(o, c->over_s, dm(c), l);
			} else {
				mutu_buf_printf(o, "; %s", c->finished ? TRL(l, "tepat waktu", "in time")
								     : TRL(l, "masih dalam batas", "still within the ceiling"));
			}
		}
	}
	if (c->paused_s > 0) {
		mutu_buf_printf(o, "; %s ", TRL(l, "jeda di pemohon", "paused at the applicant"));
		rpt_fmt_dur(o, c->paused_s, dm(c), l);
	}
	if (!isnan(c->target)) {
		local_str(c, c->target, SLA_OFF_NONE, l, t1, sizeof t1);
		mutu_buf_printf(o, "; %s %s", TRL(l, "tanggal rencana", "planned date"), t1);
		if (c->finished)
			mutu_buf_printf(o, " (%s)", c->late_target ? TRL(l, "terlewat", "missed") : TRL(l, "terpenuhi", "met"));
	}
	mutu_buf_putc(o, '\n');
	mutu_buf_printf(o, "   %-4s %-34s %-18s %-25s %10s %10s %10s  %s\n", TRL(l, "No", "No"),
			TRL(l, "Kegiatan", "Activity"), TRL(l, "Pelaksana", "Actor"), TRL(l, "Selesai", "Finished"),
			TRL(l, "Aktual", "Actual"), TRL(l, "Standar", "Standard"), TRL(l, "Selisih", "Deviation"),
			TRL(l, "Tanda", "Flags"));
	for (size_t i = 0; i < c->nev; i++) {
		const struct sla_event *e = &c->ev[i];
		const struct sla_step_time *t = &c->st[i];
		struct mutu_buf v;
		mutu_buf_init(&v);
		if (e->step > 0)
			mutu_buf_printf(o, "   %-4d ", e->step);
		else
			mutu_buf_puts(o, "   ?    ");
		put_trunc(o, e->activity, 34, 1);
		mutu_buf_putc(o, ' ');
		put_trunc(o, e->actor ? e->actor : "", 18, 1);
		local_str(c, e->end, e->end_off, l, t1, sizeof t1);
		mutu_buf_printf(o, " %-25s", t1[0] ? t1 : TRL(l, "(terbuka)", "(open)"));
		rpt_fmt_dur(&v, t->work_s, dm(c), l);
		mutu_buf_printf(o, " %10s", v.s);
		mutu_buf_reset(&v);
		if (!isnan(t->std_s))
			rpt_fmt_dur(&v, t->std_s, dm(c), l);
		mutu_buf_printf(o, " %10s", v.s);
		mutu_buf_reset(&v);
		if (!isnan(t->std_s) && !isnan(t->work_s)) {
			if (t->work_s > t->std_s)
				mutu_buf_putc(&v, '+');
			rpt_fmt_dur(&v, t->work_s - t->std_s, dm(c), l);
		}
		mutu_buf_printf(o, " %10s  ", v.s);
		mutu_buf_release(&v);
		flags_list(step_flags(c, i), l, ",", o, 0);
		mutu_buf_putc(o, '\n');
	}
	if (c->nfindings) {
		mutu_buf_printf(o, "   %s:\n", TRL(l, "Temuan", "Findings"));
		for (size_t i = 0; i < c->nfindings; i++) {
			if (!finding_shown(c, &c->findings[i]))
				continue;
			mutu_buf_printf(o, "   - [%s] ", flag_code(flag_index(c->findings[i].flag), l));
			struct mutu_buf v;
			mutu_buf_init(&v);
			rpt_finding_text(c, &c->findings[i], l, &v);
			put_trunc(o, v.s, 400, 0);
			mutu_buf_release(&v);
			mutu_buf_putc(o, '\n');
		}
	}
	mutu_buf_putc(o, '\n');
}

static void csv_num(struct mutu_buf *o, double v)
{
	if (!isnan(v))
		mutu_buf_printf(o, "%.10g", v);
}

/* The last two CSV columns, start_local and end_local: the instants of
 * the row as the text and HTML audits show them ("27 Nov 2025 14:43
 * WITA").  start and end keep their ISO 8601 stamps for scripts. */
static void csv_local(struct mutu_buf *o, const struct sla_case *c, double t0, int off0, double t1, int off1,
		      enum rpt_lang l)
{
	char b[64];
	local_str(c, t0, off0, l, b, sizeof b);
	mutu_buf_putc(o, ',');
	rpt_csv_field(o, b);
	local_str(c, t1, off1, l, b, sizeof b);
	mutu_buf_putc(o, ',');
	rpt_csv_field(o, b);
}

/* The last column, office, and the row's end: the case's office in an
 * audit of several offices (two offices' K1 are two cases; the text and
 * JSON audits name it too), empty for the default office and when
 * --office chose one.  Added last so that scripts reading the columns
 * by position still find the earlier ones where they were. */
static void csv_office(struct mutu_buf *o, const struct sla_case *c)
{
	mutu_buf_putc(o, ',');
	rpt_csv_field(o, c->office ? c->office : "");
	mutu_buf_puts(o, "\r\n");
}

static void csv_case(struct rpt_audit *a, const struct sla_case *c, struct mutu_buf *o)
{
	enum rpt_lang l = a->lang;
	const struct sla_sop *s = c->sop;
	char t1[48], t2[48];
	if (!a->started) {
		mutu_buf_puts(o, "type,case,sop,seq,step,activity,actor,start,end,actual_hours,standard_hours,"
				 "deviation_hours,flags,detail,start_local,end_local,office\r\n");
		a->started = 1;
	}
	/* the case row: accepted..done, working time against the ceiling */
	mutu_buf_puts(o, "case,");
	rpt_csv_field(o, c->key);
	mutu_buf_putc(o, ',');
	rpt_csv_field(o, s->id ? s->id : "");
	mutu_buf_puts(o, ",,,");
	rpt_csv_field(o, c->finished ? "finished" : "open");
	mutu_buf_puts(o, ",,");
	fmt_time(c, c->accepted, t1, sizeof t1);
	fmt_time(c, c->done, t2, sizeof t2);
	mutu_buf_printf(o, "%s,%s,", t1, t2);
	csv_num(o, c->work_s / 3600.0);
	mutu_buf_putc(o, ',');
	csv_num(o, ceil_s(c) / 3600.0);
	mutu_buf_putc(o, ',');
	csv_num(o, (c->work_s - ceil_s(c)) / 3600.0);
	mutu_buf_putc(o, ',');
	flags_list(case_flags(c), l, ";", o, 1);
	mutu_buf_putc(o, ',');
	if (c->paused_s > 0)
		mutu_buf_printf(o, "paused_hours=%.10g", c->paused_s / 3600.0);
	if (aged(c)) {
		fmt_time(c, c->as_of, t1, sizeof t1);
		mutu_buf_printf(o, "%sas_of=%s", c->paused_s > 0 ? ";" : "", t1);
	}
	csv_local(o, c, c->accepted, SLA_OFF_NONE, c->done, SLA_OFF_NONE, l);
	csv_office(o, c);
	for (size_t i = 0; i < c->nev; i++) {
		const struct sla_event *e = &c->ev[i];
		const struct sla_step_time *t = &c->st[i];
		mutu_buf_puts(o, "step,");
		rpt_csv_field(o, c->key);
		mutu_buf_putc(o, ',');
		rpt_csv_field(o, s->id ? s->id : "");
		mutu_buf_printf(o, ",%zu,", i + 1);
		if (e->step > 0)
			mutu_buf_printf(o, "%d", e->step);
		mutu_buf_putc(o, ',');
		rpt_csv_field(o, e->activity);
		mutu_buf_putc(o, ',');
		rpt_csv_field(o, e->actor ? e->actor : "");
		fmt_ev_time(c, e->start, e->start_off, t1, sizeof t1);
		fmt_ev_time(c, e->end, e->end_off, t2, sizeof t2);
		mutu_buf_printf(o, ",%s,%s,", t1, t2);
		csv_num(o, t->work_s / 3600.0);
		mutu_buf_putc(o, ',');
		csv_num(o, t->std_s / 3600.0);
		mutu_buf_putc(o, ',');
		csv_num(o, (t->work_s - t->std_s) / 3600.0);
		mutu_buf_putc(o, ',');
		flags_list(step_flags(c, i), l, ";", o, 1);
		mutu_buf_puts(o, t->from_prev ? ",from_previous_completion" : ",");
		csv_local(o, c, e->start, e->start_off, e->end, e->end_off, l);
		csv_office(o, c);
	}
	for (size_t i = 0; i < c->nfindings; i++) {
		const struct sla_finding *f = &c->findings[i];
		if (!finding_shown(c, f))
			continue;
		mutu_buf_puts(o, "finding,");
		rpt_csv_field(o, c->key);
		mutu_buf_putc(o, ',');
		rpt_csv_field(o, s->id ? s->id : "");
		mutu_buf_putc(o, ',');
		if (f->ev >= 0)
			mutu_buf_printf(o, "%ld", f->ev + 1);
		mutu_buf_putc(o, ',');
		if (f->step > 0)
			mutu_buf_printf(o, "%d", f->step);
		mutu_buf_puts(o, ",,,,,");
		csv_num(o, f->actual_s / 3600.0);
		mutu_buf_putc(o, ',');
		csv_num(o, f->std_s / 3600.0);
		mutu_buf_puts(o, ",,");
		mutu_buf_puts(o, sla_flag_name(flag_index(f->flag)));
		mutu_buf_putc(o, ',');
		struct mutu_buf v;
		mutu_buf_init(&v);
		rpt_finding_text(c, f, l, &v);
		rpt_csv_field(o, v.s);
		mutu_buf_release(&v);
		mutu_buf_puts(o, ",,");
		csv_office(o, c);
	}
}

/* docs/schema/audit.schema.json; /2: durations in minutes with their text */
#define AUDIT_JSON_HEAD                                                                                   \
	"{\"schema\":\"mutu.audit/2\",\"units\":{\"duration\":\"minutes\",\"duration_kind\":\"working "     \
	"minutes (the SOP's working day), except calendar which is wall-clock minutes (1440 to a day); " \
	"a case without a model (sop null) has no working calendar: all its durations are wall-clock " \
	"minutes (1440 to a day)\","   \
	"\"duration_text\":\"<name>_text: the same duration as the audit shows it\","                       \
	"\"time\":\"ISO 8601; instants read from the log keep the UTC offset the log wrote, a "     \
	"deadline has the office's\"},\"audit\":true,\"cases\":[\n"

static void json_num(struct mutu_buf *o, const char *k, double v)
{
	mutu_buf_printf(o, "\"%s\":", k);
	if (isnan(v) || isinf(v))
		mutu_buf_puts(o, "null");
	else
		mutu_buf_printf(o, "%.10g", v);
}

/* json_dur's day_minutes for a wall-clock duration: its days are of 24 h
 * and written "hari kalender" (Hari alone is a working day).  Not 1440,
 * which is also the working day of a 24x7 calendar: keyed on the number,
 * such a model's ceiling "1 Hari" had read "1 hari kalender". */
#define WALL_CLOCK 0

/* A duration (seconds in) as minutes under k with its text under
 * k_text, days of day_minutes (WALL_CLOCK for wall-clock ones):
 * mutu.audit/2 has one unit for every duration (it had hours and days in
 * /1). */
static void json_dur(struct mutu_buf *o, const char *k, double s, int day_minutes, enum rpt_lang l)
{
	double min = isnan(s) || isinf(s) ? NAN : s / 60.0;
	json_num(o, k, min);
	mutu_buf_printf(o, ",\"%s_text\":", k);
	if (day_minutes == WALL_CLOCK)
		dur_json_text_calendar(o, min, l == RPT_EN ? DUR_EN : DUR_ID);
	else
		dur_json_text(o, min, day_minutes, l == RPT_EN ? DUR_EN : DUR_ID);
}

static void json_time(struct mutu_buf *o, const char *k, const struct sla_case *c, double t)
{
	char b[48];
	mutu_buf_printf(o, "\"%s\":", k);
	if (isnan(t)) {
		mutu_buf_puts(o, "null");
		return;
	}
	fmt_time(c, t, b, sizeof b);
	mutu_buf_json_str(o, b);
}

static void json_ev_time(struct mutu_buf *o, const char *k, const struct sla_case *c, double t, int off)
{
	char b[48];
	mutu_buf_printf(o, "\"%s\":", k);
	if (isnan(t)) {
		mutu_buf_puts(o, "null");
		return;
	}
	fmt_ev_time(c, t, off, b, sizeof b);
	mutu_buf_json_str(o, b);
}

static void json_flags(struct mutu_buf *o, unsigned flags)
{
	mutu_buf_putc(o, '[');
	int first = 1;
	for (int i = 0; i < SLA_NFLAGS; i++)
		if (flags & (1u << i)) {
			if (!first)
				mutu_buf_putc(o, ',');
			mutu_buf_json_str(o, sla_flag_name(i));
			first = 0;
		}
	mutu_buf_putc(o, ']');
}

static void json_case(struct rpt_audit *a, const struct sla_case *c, struct mutu_buf *o)
{
	const struct sla_sop *s = c->sop;
	if (!a->started) {
		/* docs/schema/audit.schema.json */
		mutu_buf_puts(o, AUDIT_JSON_HEAD);
		a->started = 1;
	} else {
		mutu_buf_puts(o, ",\n");
	}
	mutu_buf_puts(o, "{\"case\":");
	mutu_buf_json_str(o, c->key);
	/* a province store: two offices' K1 are two cases the text tells
	 * apart ("kantor kota-b"); the JSON had only the key.  Absent for the
	 * default office, so a store of one office writes what it did. */
	if (c->office && *c->office) {
		mutu_buf_puts(o, ",\"office\":");
		mutu_buf_json_str(o, c->office);
	}
	mutu_buf_puts(o, ",\"sop\":");
	if (s->id)
		mutu_buf_json_str(o, s->id);
	else
		mutu_buf_puts(o, "null");
	mutu_buf_putc(o, ',');
	json_time(o, "accepted", c, c->accepted);
	mutu_buf_putc(o, ',');
	json_time(o, "finished_at", c, c->done);
	mutu_buf_printf(o, ",\"finished\":%s,", c->finished ? "true" : "false");
	json_time(o, "as_of", c, aged(c) ? c->as_of : NAN);
	mutu_buf_putc(o, ',');
	json_dur(o, "working", c->work_s, dm(c), a->lang);
	mutu_buf_putc(o, ',');
	json_dur(o, "paused", c->paused_s, dm(c), a->lang);
	mutu_buf_putc(o, ',');
	json_dur(o, "calendar", c->calendar_s, WALL_CLOCK, a->lang);
	mutu_buf_putc(o, ',');
	json_dur(o, "ceiling", ceil_s(c), dm(c), a->lang);
	mutu_buf_putc(o, ',');
	json_time(o, "deadline", c, c->deadline);
	mutu_buf_printf(o, ",\"late\":%s,", c->late ? "true" : "false");
	json_dur(o, "over", c->over_s, dm(c), a->lang);
	mutu_buf_putc(o, ',');
	json_time(o, "planned_date", c, c->target);
	mutu_buf_printf(o, ",\"late_planned\":%s,\"flags\":", c->late_target ? "true" : "false");
	json_flags(o, case_flags(c));
	mutu_buf_puts(o, ",\"steps\":[");
	for (size_t i = 0; i < c->nev; i++) {
		const struct sla_event *e = &c->ev[i];
		const struct sla_step_time *t = &c->st[i];
		if (i)
			mutu_buf_putc(o, ',');
		mutu_buf_printf(o, "\n {\"seq\":%zu,\"step\":", i + 1);
		if (e->step > 0)
			mutu_buf_printf(o, "%d", e->step);
		else
			mutu_buf_puts(o, "null");
		mutu_buf_puts(o, ",\"activity\":");
		mutu_buf_json_str(o, e->activity);
		mutu_buf_puts(o, ",\"actor\":");
		if (e->actor)
			mutu_buf_json_str(o, e->actor);
		else
			mutu_buf_puts(o, "null");
		mutu_buf_putc(o, ',');
		json_ev_time(o, "start", c, e->start, e->start_off);
		mutu_buf_putc(o, ',');
		json_ev_time(o, "end", c, e->end, e->end_off);
		mutu_buf_putc(o, ',');
		/* waiting before the step (null: no start stamp, the wait is
		 * inside actual) */
		json_dur(o, "wait", wait_of(c, i), dm(c), a->lang);
		mutu_buf_putc(o, ',');
		json_dur(o, "actual", t->work_s, dm(c), a->lang);
		mutu_buf_putc(o, ',');
		json_dur(o, "standard", t->std_s, dm(c), a->lang);
		mutu_buf_putc(o, ',');
		json_dur(o, "deviation", t->work_s - t->std_s, dm(c), a->lang);
		mutu_buf_printf(o, ",\"from_previous_completion\":%s,\"in_clock\":%s,\"flags\":",
				t->from_prev ? "true" : "false", t->in_clock ? "true" : "false");
		json_flags(o, step_flags(c, i));
		mutu_buf_putc(o, '}');
	}
	mutu_buf_puts(o, "],\"findings\":[");
	int nf = 0;
	for (size_t i = 0; i < c->nfindings; i++) {
		const struct sla_finding *f = &c->findings[i];
		if (!finding_shown(c, f))
			continue;
		if (nf++)
			mutu_buf_putc(o, ',');
		mutu_buf_puts(o, "\n {\"flag\":");
		mutu_buf_json_str(o, sla_flag_name(flag_index(f->flag)));
		mutu_buf_puts(o, ",\"step\":");
		if (f->step > 0)
			mutu_buf_printf(o, "%d", f->step);
		else
			mutu_buf_puts(o, "null");
		mutu_buf_puts(o, ",\"seq\":");
		if (f->ev >= 0)
			mutu_buf_printf(o, "%ld", f->ev + 1);
		else
			mutu_buf_puts(o, "null");
		mutu_buf_putc(o, ',');
		json_dur(o, "actual", f->actual_s, dm(c), a->lang);
		mutu_buf_putc(o, ',');
		json_dur(o, "standard", f->std_s, dm(c), a->lang);
		mutu_buf_puts(o, ",\"text\":");
		struct mutu_buf v;
		mutu_buf_init(&v);
		rpt_finding_text(c, f, a->lang, &v);
		mutu_buf_json_str(o, v.s);
		mutu_buf_release(&v);
		mutu_buf_putc(o, '}');
	}
	mutu_buf_puts(o, "]}");
}

static void h(struct mutu_buf *o, const char *s)
{
	rpt_html_escape(o, s);
}

/* The waiting before a step, shown only when the log has the step's own
 * start (else the wait is inside the step's time and cannot be told). */
static double wait_of(const struct sla_case *c, size_t i)
{
	const struct sla_step_time *t = &c->st[i];
	return t->from_prev || isnan(c->ev[i].start) || isnan(t->work_s) ? NAN : t->wait_s;
}

/* Activity texts run to 200 characters: the cell shows the first 60
 * bytes (at a word's end), the full text on hover. */
static void html_activity(struct mutu_buf *o, const char *s)
{
	size_t len = s ? strlen(s) : 0, cut = 60;
	if (len <= cut) {
		mutu_buf_puts(o, "<td>");
		h(o, s ? s : "");
		mutu_buf_puts(o, "</td>");
		return;
	}
	while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;
	size_t sp = cut;
	while (sp > 30 && s[sp] != ' ')
		sp--;
	if (s[sp] == ' ')
		cut = sp;
	char *head = mutu_malloc(cut + 1);
	memcpy(head, s, cut);
	head[cut] = '\0';
	mutu_buf_puts(o, "<td class=\"clip\" title=\"");
	h(o, s);
	mutu_buf_puts(o, "\">");
	h(o, head);
	mutu_buf_puts(o, "\xe2\x80\xa6</td>");
	free(head);
}

static void html_case(struct rpt_audit *a, const struct sla_case *c, struct mutu_buf *o)
{
	enum rpt_lang l = a->lang;
	const struct sla_sop *s = c->sop;
	unsigned cf = case_flags(c);
	mutu_buf_printf(o, "<section class=\"case%s\">\n<h2>%s ", cf & SLA_F_LATE ? " late" : "",
			TRL(l, "Kasus", "Case"));
	h(o, c->key);
	mutu_buf_puts(o, "</h2>\n<p class=\"sub\">");
	h(o, s->model && s->model->name ? s->model->name : (s->id ? s->id : TRL(l, "(tanpa model)", "(no model)")));
	if (c->office && *c->office) { /* several offices: whose K1 (as the text audit) */
		mutu_buf_printf(o, " \xc2\xb7 %s ", TRL(l, "kantor", "office"));
		h(o, c->office);
	}
	mutu_buf_printf(o, " \xc2\xb7 %s ", s->model ? TRL(l, "diterima lengkap", "accepted") : TRL(l, "mulai", "started"));
	if (isnan(c->accepted))
		mutu_buf_putc(o, '-');
	else
		local_time(c, c->accepted, SLA_OFF_NONE, l, o);
	mutu_buf_printf(o, " \xc2\xb7 %s ", TRL(l, "selesai", "finished"));
	if (c->finished)
		local_time(c, c->done, SLA_OFF_NONE, l, o);
	else
		mutu_buf_puts(o, TRL(l, "masih terbuka", "still open"));
	mutu_buf_printf(o, " \xc2\xb7 %s ", work_label(c, l));
	if (aged(c)) {
		mutu_buf_printf(o, "%s ", TRL(l, "per", "as of"));
		local_time(c, c->as_of, SLA_OFF_NONE, l, o);
		mutu_buf_puts(o, ": ");
	}
	rpt_fmt_dur(o, c->work_s, dm(c), l);
	if (s->model) {
		mutu_buf_printf(o, " \xc2\xb7 %s ", TRL(l, "batas", "ceiling"));
		rpt_fmt_dur(o, ceil_s(c), dm(c), l);
		if (c->late && (c->finished || aged(c))) {
			mutu_buf_printf(o, " \xc2\xb7 <strong>%s ", TRL(l, "TERLAMBAT", "LATE"));
			rpt_fmt_dur(o, c->over_s, dm(c), l);
			mutu_buf_puts(o, "</strong>");
		}
	}
	if (c->paused_s > 0) {
		mutu_buf_printf(o, " \xc2\xb7 %s ", TRL(l, "jeda di pemohon", "paused"));
		rpt_fmt_dur(o, c->paused_s, dm(c), l);
	}
	/* start, waiting and processing per step: waiting (the file in a
	 * queue) is told apart from processing (someone working on it) */
	mutu_buf_puts(o, "</p>\n<div class=\"tw\"><table class=\"t-audit\"><thead><tr>");
	mutu_buf_printf(o, "<th class=\"n\">No.</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th class=\"n\">%s</th>"
			   "<th class=\"n\">%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th><th>%s</th></tr></thead><tbody>\n",
			TRL(l, "Kegiatan", "Activity"), TRL(l, "Pelaksana", "Actor"), TRL(l, "Mulai", "Started"),
			TRL(l, "Selesai", "Finished"), TRL(l, "Menunggu", "Waiting"), TRL(l, "Proses", "Processing"),
			TRL(l, "Standar", "Standard"), TRL(l, "Selisih", "Deviation"), TRL(l, "Tanda", "Flags"));
	for (size_t i = 0; i < c->nev; i++) {
		const struct sla_event *e = &c->ev[i];
		const struct sla_step_time *t = &c->st[i];
		unsigned fl = step_flags(c, i);
		mutu_buf_printf(o, "<tr%s><td class=\"n\">", fl & SLA_F_OVER ? " class=\"over\"" : "");
		if (e->step > 0)
			mutu_buf_printf(o, "%d", e->step);
		else
			mutu_buf_puts(o, "?");
		mutu_buf_puts(o, "</td>");
		html_activity(o, e->activity);
		mutu_buf_puts(o, "<td>");
		h(o, e->actor ? e->actor : "");
		mutu_buf_puts(o, "</td><td class=\"t\">");
		local_time(c, e->start, e->start_off, l, o);
		mutu_buf_puts(o, "</td><td class=\"t\">");
		if (isnan(e->end))
			mutu_buf_puts(o, TRL(l, "(terbuka)", "(open)"));
		else
			local_time(c, e->end, e->end_off, l, o);
		mutu_buf_puts(o, "</td><td class=\"n\">");
		double w = wait_of(c, i);
		if (!isnan(w))
			rpt_fmt_dur(o, w, dm(c), l);
		mutu_buf_puts(o, "</td><td class=\"n\">");
		rpt_fmt_dur(o, t->work_s, dm(c), l);
		mutu_buf_puts(o, "</td><td class=\"n\">");
		if (!isnan(t->std_s))
			rpt_fmt_dur(o, t->std_s, dm(c), l);
		mutu_buf_puts(o, "</td><td class=\"n\">");
		if (!isnan(t->std_s) && !isnan(t->work_s)) {
			if (fl & SLA_F_OVER)
				mutu_buf_putc(o, '+');
			rpt_fmt_dur(o, t->work_s - t->std_s, dm(c), l);
		}
		mutu_buf_puts(o, "</td><td>");
		flags_list(fl, l, " ", o, 0);
		mutu_buf_puts(o, "</td></tr>\n");
	}
	mutu_buf_puts(o, "</tbody></table></div>\n");
	int nf = 0;
	for (size_t i = 0; i < c->nfindings; i++) {
		if (!finding_shown(c, &c->findings[i]))
			continue;
		if (nf++ == 0)
			mutu_buf_puts(o, "<ul class=\"findings\">\n");
		struct mutu_buf v;
		mutu_buf_init(&v);
		rpt_finding_text(c, &c->findings[i], l, &v);
		mutu_buf_printf(o, "<li><b>%s</b> ", flag_code(flag_index(c->findings[i].flag), l));
		h(o, v.s);
		mutu_buf_puts(o, "</li>\n");
		mutu_buf_release(&v);
	}
	if (nf)
		mutu_buf_puts(o, "</ul>\n");
	mutu_buf_puts(o, "</section>\n");
}

/* ---- Excel ---- */

struct rpt_audit *rpt_audit_create_xlsx(enum rpt_lang lang, const char *path)
{
	struct rpt_audit *a = rpt_audit_create(RPT_XLSX, lang, NULL);
	mutu_err_clear(&a->xerr);
	if (rpt_xlsx_open(&a->x, path, &a->xerr))
		return a;
	enum rpt_lang l = lang;
	/* the summary first: its cells are filled by rpt_audit_end */
	const char *hs[] = {TRL(l, "Tanda", "Flag"), TRL(l, "Keterangan", "Meaning"), TRL(l, "Kasus", "Cases")};
	const double ws[] = {14, 44, 10};
	a->xs_sum = rpt_xlsx_sheet(a->x, TRL(l, "Ringkasan", "Summary"), 3, hs, ws);
	const char *hc[] = {TRL(l, "Kasus", "Case"), "SOP", TRL(l, "Diterima lengkap", "Accepted as complete"),
			    TRL(l, "Selesai", "Finished"), TRL(l, "Waktu kerja (jam; tanpa model: 24 jam sehari)", "Working time (hours; no model: 24 h a day)"),
			    TRL(l, "Batas (jam)", "Ceiling (hours)"), TRL(l, "Terlambat", "Late"),
			    TRL(l, "Lewat batas (jam)", "Over the ceiling (hours)"), TRL(l, "Jeda di pemohon (jam)", "Paused at the applicant (hours)"),
			    TRL(l, "Tanda", "Flags"), TRL(l, "Kantor", "Office")};
	/* the office last, as in the CSV: filled in an audit of several
	 * offices, whose case ids can be the same (csv_office) */
	const double wc[] = {24, 30, 18, 18, 12, 10, 10, 12, 12, 30, 20};
	a->xs_case = rpt_xlsx_sheet(a->x, TRL(l, "Kasus", "Cases"), 11, hc, wc);
	const char *hp[] = {TRL(l, "Kasus", "Case"), "No.", TRL(l, "Kegiatan", "Activity"), TRL(l, "Pelaksana", "Actor"),
			    TRL(l, "Mulai", "Started"), TRL(l, "Selesai", "Finished"), TRL(l, "Menunggu (menit)", "Waiting (minutes)"),
			    TRL(l, "Proses (menit)", "Processing (minutes)"), TRL(l, "Standar (menit)", "Standard (minutes)"),
			    TRL(l, "Selisih (menit)", "Deviation (minutes)"), TRL(l, "Tanda", "Flags"),
			    TRL(l, "Kantor", "Office")};
	const double wp[] = {24, 6, 50, 20, 18, 18, 12, 12, 12, 12, 20, 20};
	a->xs_step = rpt_xlsx_sheet(a->x, TRL(l, "Langkah", "Steps"), 12, hp, wp);
	const char *hf[] = {TRL(l, "Kasus", "Case"), TRL(l, "Tanda", "Flag"), TRL(l, "Langkah", "Step"),
			    TRL(l, "Temuan", "Finding"), TRL(l, "Kantor", "Office")};
	const double wf[] = {24, 14, 8, 80, 20};
	a->xs_find = rpt_xlsx_sheet(a->x, TRL(l, "Temuan", "Findings"), 5, hf, wf);
	return a;
}

int rpt_audit_status(const struct rpt_audit *a, struct mutu_err *err)
{
	if (a->xerr.code == 0)
		return 0;
	return mutu_errf(err, a->xerr.code, "%s", a->xerr.msg);
}

/* The offset an instant of c is shown at (as local_time picks it). */
static int time_off(const struct sla_case *c, double t, int off)
{
	if (c->sop->model) /* the office's clock, as local_time */
		return cal_utc_offset(c->sop->cal);
	for (size_t i = 0; i < c->nev && off == SLA_OFF_NONE; i++)
		if (c->ev[i].end == t)
			off = c->ev[i].end_off;
	for (size_t i = 0; i < c->nev && off == SLA_OFF_NONE; i++)
		if (c->ev[i].start == t)
			off = c->ev[i].start_off;
	return off == SLA_OFF_NONE ? case_off(c) : off;
}

static void xlsx_case(struct rpt_audit *a, const struct sla_case *c)
{
	struct rpt_xlsx *x = a->x;
	enum rpt_lang l = a->lang;
	const struct sla_sop *s = c->sop;
	struct mutu_buf fl;
	mutu_buf_init(&fl);
	unsigned cf = case_flags(c);
	rpt_xlsx_use(x, a->xs_case);
	rpt_xlsx_str(x, c->key);
	rpt_xlsx_str(x, s->model && s->model->name ? s->model->name : s->id);
	rpt_xlsx_time(x, c->accepted, time_off(c, c->accepted, SLA_OFF_NONE));
	rpt_xlsx_time(x, c->finished ? c->done : NAN, time_off(c, c->done, SLA_OFF_NONE));
	rpt_xlsx_num(x, c->work_s / 3600.0, RPT_XF_2);
	rpt_xlsx_num(x, ceil_s(c) / 3600.0, RPT_XF_2);
	rpt_xlsx_str(x, (cf & SLA_F_LATE) ? TRL(l, "ya", "yes") : TRL(l, "tidak", "no"));
	rpt_xlsx_num(x, c->late ? c->over_s / 3600.0 : NAN, RPT_XF_2);
	rpt_xlsx_num(x, c->paused_s > 0 ? c->paused_s / 3600.0 : NAN, RPT_XF_2);
	flags_list(cf, l, " ", &fl, 0);
	rpt_xlsx_str(x, fl.s);
	rpt_xlsx_str(x, c->office);
	rpt_xlsx_nl(x);
	rpt_xlsx_use(x, a->xs_step);
	for (size_t i = 0; i < c->nev; i++) {
		const struct sla_event *e = &c->ev[i];
		const struct sla_step_time *t = &c->st[i];
		unsigned sf = step_flags(c, i);
		rpt_xlsx_str(x, c->key);
		rpt_xlsx_num(x, e->step > 0 ? e->step : NAN, RPT_XF_INT);
		rpt_xlsx_str(x, e->activity);
		rpt_xlsx_str(x, e->actor);
		rpt_xlsx_time(x, e->start, time_off(c, e->start, e->start_off));
		rpt_xlsx_time(x, e->end, time_off(c, e->end, e->end_off));
		rpt_xlsx_num(x, wait_of(c, i) / 60.0, RPT_XF_1);
		rpt_xlsx_num(x, t->work_s / 60.0, RPT_XF_1);
		rpt_xlsx_num(x, t->std_s / 60.0, RPT_XF_1);
		rpt_xlsx_num(x, (t->work_s - t->std_s) / 60.0, RPT_XF_1);
		mutu_buf_reset(&fl);
		flags_list(sf, l, " ", &fl, 0);
		rpt_xlsx_str(x, fl.s);
		rpt_xlsx_str(x, c->office);
		rpt_xlsx_nl(x);
	}
	rpt_xlsx_use(x, a->xs_find);
	for (size_t i = 0; i < c->nfindings; i++) {
		const struct sla_finding *f = &c->findings[i];
		if (!finding_shown(c, f))
			continue;
		rpt_xlsx_str(x, c->key);
		rpt_xlsx_str(x, flag_code(flag_index(f->flag), l));
		rpt_xlsx_num(x, f->step > 0 ? f->step : NAN, RPT_XF_INT);
		mutu_buf_reset(&fl);
		rpt_finding_text(c, f, l, &fl);
		rpt_xlsx_str(x, fl.s);
		rpt_xlsx_str(x, c->office);
		rpt_xlsx_nl(x);
	}
	mutu_buf_release(&fl);
}

static void xlsx_end(struct rpt_audit *a, const char *title)
{
	struct rpt_xlsx *x = a->x;
	enum rpt_lang l = a->lang;
	rpt_xlsx_use(x, a->xs_sum);
	rpt_xlsx_str(x, "");
	rpt_xlsx_str(x, TRL(l, "kasus diaudit", "cases audited"));
	rpt_xlsx_num(x, (double)a->ncases, RPT_XF_INT);
	rpt_xlsx_nl(x);
	rpt_xlsx_str(x, "");
	rpt_xlsx_str(x, TRL(l, "kasus dengan tanggal rencana", "cases with a planned date"));
	rpt_xlsx_num(x, (double)a->nplanned, RPT_XF_INT);
	rpt_xlsx_nl(x);
	for (int i = 0; i < SLA_NFLAGS; i++) {
		rpt_xlsx_str(x, flag_code(i, l));
		rpt_xlsx_str(x, flag_label(i, l));
		rpt_xlsx_num(x, (double)a->flag_cases[i], RPT_XF_INT);
		rpt_xlsx_nl(x);
	}
	rpt_xlsx_nl(x);
	rpt_xlsx_str(x, TRL(l, "Audit", "Audit"));
	rpt_xlsx_str(x, title);
	rpt_xlsx_nl(x);
	struct rpt_xlsx *done = a->x;
	a->x = NULL;
	rpt_xlsx_close(done, &a->xerr);
}

void rpt_audit_case(struct rpt_audit *a, const struct sla_case *c, struct mutu_buf *out)
{
	a->ncases++;
	a->nfinished += c->finished;
	count_planned(a, c);
	unsigned cf = case_flags(c);
	for (int i = 0; i < SLA_NFLAGS; i++)
		if (cf & (1u << i))
			a->flag_cases[i]++;
	/* late files first: text and HTML hold their body until the end */
	struct mutu_buf *held = cf & SLA_F_LATE ? &a->late_body : &a->body;
	switch (a->format) {
	case RPT_CSV:
		csv_case(a, c, out);
		break;
	case RPT_JSON:
		json_case(a, c, out);
		break;
	case RPT_HTML:
		html_case(a, c, held);
		break;
	case RPT_XLSX:
		if (a->x)
			xlsx_case(a, c);
		break;
	default:
		text_case(a, c, held);
		break;
	}
}

/* The held cases, late ones first. */
static void put_held(const struct rpt_audit *a, struct mutu_buf *out)
{
	if (a->late_body.len)
		mutu_buf_add(out, a->late_body.s, a->late_body.len);
	if (a->body.len)
		mutu_buf_add(out, a->body.s, a->body.len);
}

void rpt_audit_end(struct rpt_audit *a, const char *title, struct mutu_buf *out)
{
	enum rpt_lang l = a->lang;
	switch (a->format) {
	case RPT_XLSX:
		if (a->x)
			xlsx_end(a, title ? title : "");
		break;
	case RPT_CSV:
		if (!a->started)
			mutu_buf_puts(out, "type,case,sop,seq,step,activity,actor,start,end,actual_hours,standard_hours,"
					   "deviation_hours,flags,detail,start_local,end_local,office\r\n");
		mutu_buf_printf(out, "summary,,,,,cases,,,,%zu,,,,,,,\r\n", a->ncases);
		mutu_buf_printf(out, "summary,,,,,with_planned_date,,,,%zu,,,,", a->nplanned);
		{
			struct mutu_buf cols;
			mutu_buf_init(&cols);
			planned_cols(a, &cols);
			rpt_csv_field(out, cols.s ? cols.s : "");
			mutu_buf_release(&cols);
		}
		mutu_buf_puts(out, ",,,\r\n");
		mutu_buf_printf(out, "summary,,,,,late_planned,,,,%zu,,,,,,,\r\n", a->nplanned_late);
		for (int i = 0; i < SLA_NFLAGS; i++)
			mutu_buf_printf(out, "summary,,,,,%s,,,,%zu,,,,,,,\r\n", sla_flag_name(i), a->flag_cases[i]);
		break;
	case RPT_JSON:
		if (!a->started)
			mutu_buf_puts(out, AUDIT_JSON_HEAD);
		mutu_buf_puts(out, "\n],\"title\":");
		mutu_buf_json_str(out, title ? title : "");
		mutu_buf_printf(out, ",\"summary\":{\"cases\":%zu,\"finished\":%zu,\"with_planned_date\":%zu,"
				"\"late_planned\":%zu,\"planned_date_columns\":{", a->ncases, a->nfinished, a->nplanned,
				a->nplanned_late);
		for (size_t i = 0; i < a->npcol; i++) {
			if (i)
				mutu_buf_putc(out, ',');
			mutu_buf_json_str(out, a->pcol[i]);
			mutu_buf_printf(out, ":%zu", a->pcol_n[i]);
		}
		mutu_buf_puts(out, "},\"by_flag\":{");
		for (int i = 0; i < SLA_NFLAGS; i++)
			mutu_buf_printf(out, "%s\"%s\":%zu", i ? "," : "", sla_flag_name(i), a->flag_cases[i]);
		mutu_buf_puts(out, "}}}\n");
		break;
	case RPT_HTML: {
		char lead[64];
		snprintf(lead, sizeof lead, "%s: ", TRL(l, "Audit SOP", "SOP audit"));
		/* no err: an audit without its style sheet is still readable */
		rpt_html_head(out, a->assets_dir, l, lead, title, NULL, NULL);
		mutu_buf_printf(out, "<header><h1>%s</h1>\n<p class=\"sub\">", TRL(l, "Audit SOP", "SOP audit"));
		h(out, title);
		mutu_buf_puts(out, "</p></header>\n<main>\n<section class=\"overview\">\n");
		mutu_buf_printf(out, "<h2>%s</h2>\n<div class=\"tw\"><table class=\"t-summary\"><thead><tr><th>%s</th>"
				     "<th class=\"n\">%s</th></tr></thead><tbody>\n",
				TRL(l, "Ringkasan", "Summary"), TRL(l, "Tanda", "Flag"), TRL(l, "Kasus", "Cases"));
		mutu_buf_printf(out, "<tr><td>%s</td><td class=\"n\">%zu</td></tr>\n", TRL(l, "kasus diaudit", "cases audited"),
				a->ncases);
		{
			struct mutu_buf cols;
			mutu_buf_init(&cols);
			planned_cols(a, &cols);
			mutu_buf_printf(out, "<tr><td>%s", TRL(l, "kasus dengan tanggal rencana", "cases with a planned date"));
			if (cols.len) {
				mutu_buf_puts(out, " (");
				h(out, cols.s);
				mutu_buf_puts(out, ")");
			}
			mutu_buf_printf(out, "</td><td class=\"n\">%zu</td></tr>\n", a->nplanned);
			mutu_buf_printf(out, "<tr><td>%s</td><td class=\"n\">%zu</td></tr>\n",
					TRL(l, "selesai setelah tanggal rencana", "finished after the planned date"),
					a->nplanned_late);
			mutu_buf_release(&cols);
		}
		for (int i = 0; i < SLA_NFLAGS; i++)
			mutu_buf_printf(out, "<tr><td><b>%s</b> %s</td><td class=\"n\">%zu</td></tr>\n", flag_code(i, l),
					flag_label(i, l), a->flag_cases[i]);
		mutu_buf_puts(out, "</tbody></table></div>\n</section>\n");
		put_held(a, out);
		mutu_buf_puts(out, "</main>\n<footer>mutu</footer>\n</body>\n</html>\n");
		break;
	}
	default:
		put_held(a, out);
		mutu_buf_printf(out, "== %s", TRL(l, "Ringkasan audit", "Audit summary"));
		if (title && *title) {
			mutu_buf_puts(out, ": ");
			put_trunc(out, title, 200, 0);
		}
		mutu_buf_printf(out, "\n   %-*s %zu\n", SUM_W, TRL(l, "kasus diaudit", "cases audited"), a->ncases);
		mutu_buf_printf(out, "   %-*s %zu", SUM_W, TRL(l, "kasus dengan tanggal rencana", "cases with a planned date"),
				a->nplanned);
		if (a->npcol) {
			mutu_buf_puts(out, TRL(l, "  kolom: ", "  column: "));
			struct mutu_buf cols;
			mutu_buf_init(&cols);
			planned_cols(a, &cols);
			put_trunc(out, cols.s, 200, 0);
			mutu_buf_release(&cols);
		}
		mutu_buf_printf(out, "\n   %-*s %zu\n", SUM_W, TRL(l, "selesai setelah tanggal rencana", "finished after the planned date"),
				a->nplanned_late);
		for (int i = 0; i < SLA_NFLAGS; i++) {
			char lab[128];
			snprintf(lab, sizeof lab, "[%s] %s", flag_code(i, l), flag_label(i, l));
			mutu_buf_puts(out, "   ");
			put_trunc(out, lab, SUM_W, 1);
			mutu_buf_printf(out, " %zu\n", a->flag_cases[i]);
		}
		break;
	}
}
