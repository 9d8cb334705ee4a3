/*
 * rpt_answer.c - what a head of office reads first: the month's answer
 * as one plain sentence per SOP, the office's name, and instants in the
 * office's local form ("27 Nov 2025 14:43 WITA").
 *
 * Kept apart from rpt_month.c because the CLI prints the same sentences
 * (`mutu report` and `make run` end with the answer, not a file count),
 * so the words are made once, from struct sla_month alone.
 */
#include "mutu/rpt.h"
#include "mutu/store.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TR(o, id, en) ((o)->lang == RPT_EN ? (en) : (id))

void rpt_fmt_local(struct mutu_buf *b, double t, int offset, const char *label, enum rpt_lang lang)
{
	/* one 2-D table: GCC's UBSan object-size check misreads a choice
	 * between two arrays, (lang ? en : id)[i], as out of bounds */
	static const char *const names[2][12] = {
		{"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"},
		{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}};
	if (isnan(t) || isinf(t)) {
		mutu_buf_puts(b, "\xe2\x80\x93");
		return;
	}
	/* floor, so an instant before 1970 still lands in the right minute */
	double local = floor(t) + offset;
	int64_t days = (int64_t)floor(local / 86400.0);
	int64_t sec = (int64_t)(local - (double)days * 86400.0);
	int y, m, d;
	cal_civil_from_days(days, &y, &m, &d);
	mutu_buf_printf(b, "%d %s %d %02d:%02d ", d, names[lang == RPT_EN][m - 1], y, (int)(sec / 3600),
			(int)(sec % 3600 / 60));
	if (label && *label && label[0] != '+' && label[0] != '-') {
		mutu_buf_puts(b, label);
	} else {
		int a = offset < 0 ? -offset : offset;
		mutu_buf_printf(b, "%c%02d:%02d", offset < 0 ? '-' : '+', a / 3600, a % 3600 / 60);
	}
}

char *rpt_office_name(const struct sla_month *m, const struct rpt_opts *o)
{
	if (o->office_name && *o->office_name)
		return mutu_strdup(o->office_name);
	struct mutu_buf b;
	mutu_buf_init(&b);
	for (size_t i = 0; i < m->ngroups; i++) {
		const struct sla_sop *s = m->groups[i].sop;
		const char *a = s && s->model ? s->model->agency : NULL;
		if (!a || !*a)
			continue;
		int seen = 0;
		for (size_t j = 0; j < i && !seen; j++) {
			const struct sla_sop *t = m->groups[j].sop;
			seen = t && t->model && t->model->agency && strcmp(t->model->agency, a) == 0;
		}
		if (!seen) {
			if (b.len)
				mutu_buf_puts(&b, " / ");
			mutu_buf_puts(&b, a);
		}
	}
	if (!b.len) {
		mutu_buf_release(&b);
		return NULL;
	}
	char *s = mutu_buf_detach(&b);
	mutu_buf_release(&b);
	return s;
}

static void num(struct mutu_buf *b, size_t n, enum rpt_lang l)
{
	rpt_fmt_num(b, (double)n, 0, l);
}

/* The step that lost the most time in late cases (largest late excess,
 * the lowest step number on a tie); NULL when none lost any. */
static const struct sla_step_row *worst_step(const struct sla_group *g)
{
	const struct sla_step_row *best = NULL;
	for (size_t i = 0; i < g->nsteps; i++) {
		const struct sla_step_row *r = &g->steps[i];
		if (r->st.late_excess_s > 0 && r->st.late_over > 0 &&
		    (!best || r->st.late_excess_s > best->st.late_excess_s))
			best = r;
	}
	return best;
}

/* "W of N<what> (P%)": what is the text after N, id or en (n > 0) */
static void share_of(size_t w, size_t n, const char *what, const struct rpt_opts *o,
		     struct mutu_buf *b)
{
	num(b, w, o->lang);
	mutu_buf_puts(b, TR(o, " dari ", " of "));
	num(b, n, o->lang);
	mutu_buf_puts(b, what);
	mutu_buf_puts(b, " (");
	rpt_fmt_pct(b, (double)w / (double)n, o->lang);
	mutu_buf_putc(b, ')');
}

/* "; bulan lalu 1 dari 2 (50,0%)": the month before, from the trend,
 * beside this month's share so the answer says whether it got better.
 * Nothing when last month had no finished file with a ceiling: there is
 * no share to compare, and the trend table shows the empty month. */
static void last_month(const struct sla_group *g, const struct rpt_opts *o, struct mutu_buf *b)
{
	const struct sla_trend *t = &g->trend[SLA_TREND - 2];
	if (!t->with_ceiling)
		return;
	mutu_buf_puts(b, TR(o, "; bulan lalu ", "; last month "));
	share_of(t->within, t->with_ceiling, "", o, b);
}

/* "W of N files finished within the SOP ceiling (P%)" and last month's,
 * the answer's figure for the office and for each SOP alike */
static void within_of(const struct sla_group *g, const struct rpt_opts *o, struct mutu_buf *b)
{
	share_of(g->within, g->with_ceiling,
		 TR(o, " berkas selesai dalam batas SOP", " files finished within the SOP ceiling"), o, b);
	last_month(g, o, b);
}

/* The office as a whole, first when the month has more than one SOP: the
 * number a head of office is asked for ("how many berkas met the SOP"),
 * which the per-SOP sentences leave the reader to add up. */
static void office_sentence(const struct sla_month *m, const struct rpt_opts *o, struct mutu_buf *b)
{
	const struct sla_group *g = &m->office;
	enum rpt_lang l = o->lang;
	mutu_buf_puts(b, TR(o, "Kantor (semua SOP): ", "Office (all SOPs): "));
	if (g->finished == 0) {
		/* nothing finished is not "no ceiling to judge by" (it read "0
		 * berkas selesai, tanpa batas SOP untuk menilainya"): said as
		 * each SOP says it, beside last month's share */
		mutu_buf_puts(b, TR(o, "belum ada berkas yang selesai bulan ini", "no file finished this month"));
		last_month(g, o, b);
	} else if (!g->with_ceiling) {
		num(b, g->finished, l);
		mutu_buf_puts(b, TR(o, " berkas selesai, tanpa batas SOP untuk menilainya",
				    " files finished, with no SOP ceiling to judge them by"));
	} else {
		within_of(g, o, b);
	}
	if (g->open) {
		mutu_buf_puts(b, "; ");
		num(b, g->open, l);
		mutu_buf_puts(b, TR(o, " berkas masih terbuka di akhir bulan",
				    g->open == 1 ? " file still open at month end" : " files still open at month end"));
	}
	mutu_buf_putc(b, '.');
}

/*
 * " (K2)", " (tertua K2, K5, K7 dan 4 lainnya)": which berkas are open past
 * their ceiling, the oldest first (the open list, sla_group open_list,
 * is sorted by age), at most three named.  The head of office asks which
 * berkas to chase; the count alone sent them to the appendix.  In a report
 * of several offices each is followed by its office ("K2 di kab; K2 di
 * kota").
 */
static void open_past_names(const struct sla_group *g, const struct rpt_opts *o, struct mutu_buf *b)
{
	size_t named = 0;
	for (size_t i = 0; i < g->nopen_list && named < 3; i++) {
		const struct sla_slow *s = &g->open_list[i];
		if (!s->late)
			continue;
		if (named == 0)
			mutu_buf_puts(b, g->open_past == 1 ? " (" : TR(o, " (tertua ", " (oldest "));
		else /* an office's name may hold commas: "; " between offices' berkas */
			mutu_buf_puts(b, s->office ? "; " : ", ");
		mutu_buf_puts(b, s->key);
		if (s->office)
			mutu_buf_printf(b, TR(o, " di %s", " at %s"),
					*s->office ? s->office : TR(o, "kantor bawaan", "the default office"));
		named++;
	}
	if (!named)
		return;
	if (g->open_past > named) {
		mutu_buf_puts(b, TR(o, " dan ", " and "));
		num(b, g->open_past - named, o->lang);
		mutu_buf_puts(b, TR(o, " lainnya", " more"));
	}
	mutu_buf_putc(b, ')');
}

static void group_sentence(const struct sla_group *g, const struct rpt_opts *o, struct mutu_buf *b)
{
	enum rpt_lang l = o->lang;
	int model = g->sop && g->sop->model;
	if (model)
		mutu_buf_puts(b, g->sop->model->name && *g->sop->model->name ? g->sop->model->name : g->id);
	else if (g->id)
		mutu_buf_puts(b, g->id);
	else
		mutu_buf_puts(b, TR(o, "Kasus tanpa model SOP", "Cases without an SOP model"));
	mutu_buf_puts(b, ": ");
	if (g->finished == 0) {
		mutu_buf_puts(b, TR(o, "belum ada berkas yang selesai bulan ini", "no file finished this month"));
		/* an empty month is worse than last month's 1 of 2, and the
		 * answer is where the manager reads whether it got better */
		if (model)
			last_month(g, o, b);
	} else if (model && g->with_ceiling) {
		size_t late = g->with_ceiling - g->within;
		within_of(g, o, b);
		if (late == 0) {
			mutu_buf_puts(b, TR(o, "; tidak ada yang terlambat", "; none late"));
		} else {
			mutu_buf_puts(b, "; ");
			num(b, late, l);
			mutu_buf_puts(b, TR(o, " terlambat", " late"));
			const struct sla_step_row *r = worst_step(g);
			if (r) {
				mutu_buf_printf(b, TR(o, ", paling banyak kehilangan waktu di langkah %d",
						      ", losing the most time at step %d"), r->no);
				if (r->actor && *r->actor)
					mutu_buf_printf(b, ", %s", r->actor);
				mutu_buf_puts(b, TR(o, " (rata-rata ", " (on average "));
				rpt_fmt_dur(b, r->st.late_excess_s / (double)r->st.late_over, g->day_minutes, l);
				mutu_buf_puts(b, TR(o, " di atas mutu baku)", " over the mutu baku)"));
			}
		}
	} else {
		num(b, g->finished, l);
		mutu_buf_puts(b, TR(o, " berkas selesai", " files finished"));
		if (g->with_target) {
			mutu_buf_puts(b, "; ");
			share_of(g->within_target, g->with_target,
				 TR(o, " sebelum tanggal rencana", " by their planned date"), o, b);
		} else {
			mutu_buf_puts(b, TR(o, ", tanpa batas SOP untuk menilainya", ", with no SOP ceiling to judge them by"));
		}
	}
	/* berkas the office finished in time whose applicant came for the SK
	 * after the deadline: within, yet the applicant waited past the
	 * standard; said so the manager does not take them for the office's
	 * delay, nor miss them when an applicant complains */
	if (g->applicant_late) {
		mutu_buf_puts(b, "; ");
		num(b, g->applicant_late, l);
		mutu_buf_puts(b, TR(o, " berkas diambil pemohon lewat batas (bukan keterlambatan kantor)",
				    g->applicant_late == 1
					    ? " file collected by the applicant after the deadline (not the office's delay)"
					    : " files collected by the applicant after the deadline (not the office's delay)"));
	}
	if (g->open_past) {
		mutu_buf_puts(b, "; ");
		num(b, g->open_past, l);
		mutu_buf_puts(b, TR(o, " berkas terbuka sudah lewat batas di akhir bulan",
				    g->open_past == 1 ? " open file past its ceiling at month end"
						      : " open files past their ceiling at month end"));
		open_past_names(g, o, b);
	}
	mutu_buf_putc(b, '.');
}

void rpt_month_headlines(const struct sla_month *m, const struct rpt_opts *o, struct mutu_notes *out)
{
	struct mutu_buf b;
	mutu_buf_init(&b);
	if (m->ngroups > 1) {
		office_sentence(m, o, &b);
		mutu_notes_addf(out, "%s", b.s);
	}
	if (m->ngroups == 0) {
		/* a month before the log begins (or after it ends): an answer
		 * all the same, never a title with nothing under it */
		mutu_notes_addf(out, "%s", TR(o, "Tidak ada berkas di penyimpanan yang masuk, selesai atau terbuka dalam 12 "
					      "bulan sampai bulan ini: periksa bulan yang diminta, atau ingest lognya.",
					      "No file in the store arrived, finished or was open in the 12 months up to "
					      "this month: check the month asked for, or ingest its log."));
	}
	for (size_t i = 0; i < m->ngroups; i++) {
		mutu_buf_reset(&b);
		group_sentence(&m->groups[i], o, &b);
		mutu_notes_addf(out, "%s", b.s);
	}
	mutu_buf_release(&b);
}

/* ---- CSV for an Indonesian Excel ---- */

/* A plain decimal as mutu writes numbers ("-2.5", "1e-05", "42"). */
static int is_number(const char *s, size_t n)
{
	size_t i = 0;
	int digits = 0;
	if (i < n && s[i] == '-')
		i++;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++, digits++;
	if (i < n && s[i] == '.') {
		i++;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++, digits++;
	}
	if (digits && i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '-' || s[i] == '+'))
			i++;
		int ed = 0;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++, ed++;
		if (!ed)
			return 0;
	}
	return digits && i == n;
}

static void put_field(struct mutu_buf *out, const char *s, size_t n, int quoted)
{
	if (!quoted && is_number(s, n)) {
		/* a number: the decimal comma an Indonesian Excel reads */
		for (size_t i = 0; i < n; i++)
			mutu_buf_putc(out, s[i] == '.' ? ',' : s[i]);
		return;
	}
	int need = 0;
	for (size_t i = 0; i < n && !need; i++)
		need = s[i] == ';' || s[i] == '"' || s[i] == '\r' || s[i] == '\n' || s[i] == ',';
	if (!need) {
		mutu_buf_add(out, s, n);
		return;
	}
	mutu_buf_putc(out, '"');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			mutu_buf_putc(out, '"');
		mutu_buf_putc(out, s[i]);
	}
	mutu_buf_putc(out, '"');
}

void rpt_csv_excel_id(const char *csv, size_t len, int bom, struct mutu_buf *out)
{
	if (bom)
		mutu_buf_puts(out, "\xef\xbb\xbf");
	struct mutu_buf f;
	mutu_buf_init(&f);
	size_t i = 0;
	while (i < len) {
		/* one field: quoted (RFC 4180, "" is a quote) or plain */
		mutu_buf_reset(&f);
		int quoted = 0;
		if (csv[i] == '"') {
			quoted = 1;
			i++;
			while (i < len) {
				if (csv[i] == '"') {
					if (i + 1 < len && csv[i + 1] == '"') {
						mutu_buf_putc(&f, '"');
						i += 2;
						continue;
					}
					i++;
					break;
				}
				mutu_buf_putc(&f, csv[i++]);
			}
		}
		while (i < len && csv[i] != ',' && csv[i] != '\r' && csv[i] != '\n')
			mutu_buf_putc(&f, csv[i++]);
		put_field(out, f.s ? f.s : "", f.len, quoted);
		if (i < len && csv[i] == ',') {
			mutu_buf_putc(out, ';');
			i++;
			if (i == len)
				put_field(out, "", 0, 0);
		} else {
			/* the record's end, CRLF as RFC 4180 writes it */
			while (i < len && (csv[i] == '\r' || csv[i] == '\n'))
				i++;
			mutu_buf_puts(out, "\r\n");
		}
	}
	mutu_buf_release(&f);
}

/* the live batches' ingest counts, of one office or all */
struct quality_sum {
	const char *office;
	struct rpt_ingest_counts *out;
};

static int quality_batch(void *ctx, const struct store_batch *b)
{
	struct quality_sum *q = ctx;
	if (b->superseded_by == 0 && (!q->office || strcmp(q->office, b->office ? b->office : "") == 0)) {
		q->out->rejected += b->rejected;
		q->out->duplicates += b->duplicates;
	}
	return 0;
}

int rpt_ingest_counts(struct mutu_store *db, const char *office, struct rpt_ingest_counts *out,
		      struct mutu_err *err)
{
	*out = (struct rpt_ingest_counts){0, 0};
	struct quality_sum q = {office, out};
	if (store_batch_list(db, quality_batch, &q, err) < 0)
		return err && err->code ? err->code : MUTU_EFAIL;
	return 0;
}

void rpt_month_quality(struct sla_month *m, const struct rpt_ingest_counts *q)
{
	size_t unknown = 0, nomodel = 0;
	for (size_t i = 0; i < m->ngroups; i++) {
		const struct sla_group *g = &m->groups[i];
		if (g->sop && g->sop->model)
			unknown += g->unmapped.vals.n;
		else
			nomodel += g->finished;
	}
	/* the figure a manager quotes rests on partial data: say so first */
	if (q->rejected) {
		mutu_notes_addf(&m->notes, "partial data: %llu log row(s) in the store were rejected at ingest "
				"(see mutu db rejected); the figures leave them out",
				(unsigned long long)q->rejected);
		mutu_notes_addf(&m->notes_id, "data tidak lengkap: %llu baris log di penyimpanan ditolak saat ingest "
				"(lihat mutu db rejected); angka laporan ini tanpa baris itu",
				(unsigned long long)q->rejected);
	}
	if (unknown) {
		mutu_notes_addf(&m->notes, "%zu event(s) of the month with an activity not in the SOP: "
				"counted in no step of the SOP", unknown);
		mutu_notes_addf(&m->notes_id, "%zu kejadian bulan ini dengan aktivitas di luar SOP: "
				"tidak dihitung di langkah SOP mana pun", unknown);
	}
	if (nomodel) {
		mutu_notes_addf(&m->notes, "%zu file(s) finished without an SOP model: no ceiling, "
				"so not in the share within the SOP ceiling", nomodel);
		mutu_notes_addf(&m->notes_id, "%zu berkas selesai tanpa model SOP: tanpa batas waktu, "
				"tidak masuk persentase dalam batas SOP", nomodel);
	}
	if (q->duplicates) {
		mutu_notes_addf(&m->notes, "%llu duplicate log row(s) skipped at ingest (each counted once)",
				(unsigned long long)q->duplicates);
		mutu_notes_addf(&m->notes_id, "%llu baris log ganda dilewati saat ingest (dihitung sekali)",
				(unsigned long long)q->duplicates);
	}
}
