/*
 * rpt_province.c - the province report: the offices of one store side by
 * side for a month, one table of office x SOP (finished, within the SOP
 * ceiling as "95 dari 143 (66,4%)", late, open at month end, median and
 * p90 lead time), the worst office first within each SOP, a province
 * total per SOP and one over every SOP.  In html, md, text, csv, json
 * (docs/schema/province.schema.json) and xlsx.
 *
 * It reads nothing but each office's struct sla_month (sla_month_run with
 * the store limited to that office), so an office's row says exactly what
 * that office's own monthly report says.  The totals are worked out here:
 * counts add up, and the median and p90 come from the offices' lead times
 * merged (a median of medians is no median).
 */
#include "rpt_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define TR(o, id, en) ((o)->lang == RPT_EN ? (en) : (id))

/* One line of the table: an office's SOP group, or a total. */
struct prow {
	const char *office;   /* as stored ("" the default office); NULL: a province total */
	size_t finished, with_ceiling, within, open;
	double median_s, p90_s; /* working seconds; NAN when nothing finished */
	int day_minutes;        /* the working day the seconds are counted in */
};

/* The rows of one SOP (id NULL: cases without an SOP). */
struct psop {
	const char *id;
	const char *name;     /* the model's name, else the id; NULL: no SOP */
	char *label;          /* owned: "name (id)" when two SOPs share a name, else NULL */
	struct prow *rows;
	size_t n;
	struct prow total;
};

struct prov {
	struct psop *sops;
	size_t nsops;
	struct prow total;    /* every SOP, every office */
	int mixed_days;       /* the grand total mixes working-day lengths */
};

/* The table's rows in order, as every format lays them out: each SOP's
 * offices, then its total, then the total over every SOP when there is
 * more than one.  Start with {0}; prow_next gives the next row and its SOP
 * (NULL for the grand total), or NULL after the last. */
struct prow_it {
	size_t k, i;
};

static const struct prow *prow_next(const struct prov *p, struct prow_it *it, const struct psop **sop)
{
	for (; it->k < p->nsops; it->k++, it->i = 0) {
		const struct psop *s = &p->sops[it->k];
		if (it->i <= s->n) {
			*sop = s;
			size_t i = it->i++;
			return i < s->n ? &s->rows[i] : &s->total;
		}
	}
	if (it->k++ == p->nsops && p->nsops > 1) {
		*sop = NULL;
		return &p->total;
	}
	return NULL;
}

static double share(size_t a, size_t b)
{
	return b ? (double)a / (double)b : NAN;
}

static int dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Median and p90 of the lead times of groups gs[0..n) merged. */
static void merged_stats(const struct sla_group *const *gs, size_t n, struct prow *r)
{
	size_t tot = 0;
	for (size_t i = 0; i < n; i++)
		tot += gs[i]->lead.n;
	double *v = mutu_malloc((tot ? tot : 1) * sizeof *v);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (gs[i]->lead.n == 0) /* an office with nothing finished: lead.v may be NULL, and
					 * memcpy from NULL is undefined even for 0 bytes */
			continue;
		memcpy(v + k, gs[i]->lead.v, gs[i]->lead.n * sizeof *v);
		k += gs[i]->lead.n;
	}
	if (tot > 1)
		qsort(v, tot, sizeof *v, dbl_cmp);
	r->median_s = sla_quantile_sorted(v, tot, 0.5);
	r->p90_s = sla_quantile_sorted(v, tot, 0.9);
	free(v);
}

static void add_counts(struct prow *t, const struct sla_group *g)
{
	t->finished += g->finished;
	t->with_ceiling += g->with_ceiling;
	t->within += g->within;
	t->open += g->open;
}

static int same_id(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* SOP order: the cases without an SOP first, then by id (as sla_month). */
static int sop_cmp(const void *pa, const void *pb)
{
	const struct psop *a = pa, *b = pb;
	if (!a->id || !b->id)
		return (a->id != NULL) - (b->id != NULL);
	return strcmp(a->id, b->id);
}

/* Worst first: the lowest share within the ceiling; rows without a share
 * (nothing finished with a ceiling) after those with one; then by office
 * name, so the order never depends on the store's. */
static int row_cmp(const void *pa, const void *pb)
{
	const struct prow *a = pa, *b = pb;
	double x = share(a->within, a->with_ceiling), y = share(b->within, b->with_ceiling);
	if (isnan(x) != isnan(y))
		return isnan(x) ? 1 : -1;
	if (!isnan(x) && x != y)
		return x < y ? -1 : 1;
	return strcmp(a->office, b->office);
}

/* A group of an office with no case of its SOP at all: sla_month gives
 * one for --sop ID so that an office's own report answers for the SOP,
 * but the province table lists only the offices that have its cases. */
static int no_case(const struct sla_group *g)
{
	size_t fin = 0;
	for (int k = 0; k < SLA_TREND; k++)
		fin += g->trend[k].finished;
	return g->cases_seen == 0 && fin == 0 && g->open == 0 && g->open_waiting == 0 && g->arrivals == 0;
}

static void prov_build(const struct rpt_office_month *om, size_t n, struct prov *p)
{
	memset(p, 0, sizeof *p);
	p->total.day_minutes = -1;
	/* the SOPs of every office */
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < om[i].m->ngroups; j++) {
			const struct sla_group *g = &om[i].m->groups[j];
			if (no_case(g))
				continue;
			size_t k = 0;
			while (k < p->nsops && !same_id(p->sops[k].id, g->id))
				k++;
			if (k == p->nsops) {
				p->sops = mutu_realloc(p->sops, (p->nsops + 1) * sizeof *p->sops);
				struct psop *s = &p->sops[p->nsops++];
				memset(s, 0, sizeof *s);
				s->id = g->id;
				s->name = g->sop && g->sop->model && g->sop->model->name && *g->sop->model->name
						  ? g->sop->model->name : g->id;
				s->total.day_minutes = g->day_minutes;
			}
		}
	if (p->nsops > 1)
		qsort(p->sops, p->nsops, sizeof *p->sops, sop_cmp);
	/* two SOPs of one name (a model copied with another clock start)
	 * would read as one: their ids tell them apart */
	for (size_t k = 0; k < p->nsops; k++)
		for (size_t j = 0; j < p->nsops; j++) {
			struct psop *a = &p->sops[k], *b = &p->sops[j];
			if (j != k && a->id && a->name && b->name && strcmp(a->name, b->name) == 0 &&
			    strcmp(a->name, a->id) != 0 && !a->label) {
				struct mutu_buf t;
				mutu_buf_init(&t);
				mutu_buf_printf(&t, "%s (%s)", a->name, a->id);
				a->label = mutu_buf_detach(&t);
				mutu_buf_release(&t);
			}
		}
	const struct sla_group **all = mutu_calloc(1, sizeof *all);
	size_t nall = 0;
	for (size_t k = 0; k < p->nsops; k++) {
		struct psop *s = &p->sops[k];
		s->rows = mutu_calloc(n ? n : 1, sizeof *s->rows);
		const struct sla_group **gs = mutu_calloc(n ? n : 1, sizeof *gs);
		size_t ng = 0;
		for (size_t i = 0; i < n; i++)
			for (size_t j = 0; j < om[i].m->ngroups; j++) {
				const struct sla_group *g = &om[i].m->groups[j];
				if (!same_id(g->id, s->id) || no_case(g))
					continue;
				struct prow *r = &s->rows[s->n++];
				r->office = om[i].office;
				add_counts(r, g);
				r->median_s = g->lead_st.median;
				r->p90_s = g->lead_st.p90;
				r->day_minutes = g->day_minutes;
				add_counts(&s->total, g);
				if (g->day_minutes != s->total.day_minutes)
					s->total.day_minutes = 450; /* as sla_month's office: mixed calendars */
				gs[ng++] = g;
				all = mutu_realloc(all, (nall + 1) * sizeof *all);
				all[nall++] = g;
			}
		if (s->n > 1)
			qsort(s->rows, s->n, sizeof *s->rows, row_cmp);
		merged_stats(gs, ng, &s->total);
		free(gs);
		p->total.finished += s->total.finished;
		p->total.with_ceiling += s->total.with_ceiling;
		p->total.within += s->total.within;
		p->total.open += s->total.open;
		if (p->total.day_minutes < 0)
			p->total.day_minutes = s->total.day_minutes;
		else if (p->total.day_minutes != s->total.day_minutes) {
			p->total.day_minutes = 450;
			p->mixed_days = 1;
		}
	}
	if (p->total.day_minutes < 0)
		p->total.day_minutes = 450;
	merged_stats(all, nall, &p->total);
	free(all);
}

static void prov_release(struct prov *p)
{
	for (size_t k = 0; k < p->nsops; k++) {
		free(p->sops[k].rows);
		free(p->sops[k].label);
	}
	free(p->sops);
}

/* ---- the words and numbers of a cell ---- */

static const char *office_label(const char *office, const struct rpt_opts *o)
{
	if (!office)
		return TR(o, "Total provinsi", "Province total");
	return *office ? office : TR(o, "(kantor bawaan)", "(default office)");
}

static const char *sop_label(const struct psop *s, const struct rpt_opts *o)
{
	if (s->label)
		return s->label;
	return s->name ? s->name : TR(o, "Kasus tanpa SOP", "Cases without an SOP");
}

static double days_of(double s, int dm)
{
	return isnan(s) ? NAN : s / ((dm > 0 ? dm : 450) * 60.0);
}

/* "95 dari 143 (66,4%)"; "–" when no finished file has a ceiling */
static void within_text(struct mutu_buf *b, const struct prow *r, enum rpt_lang l)
{
	if (!r->with_ceiling) {
		mutu_buf_puts(b, "\xe2\x80\x93");
		return;
	}
	rpt_fmt_num(b, (double)r->within, 0, l);
	mutu_buf_puts(b, l == RPT_EN ? " of " : " dari ");
	rpt_fmt_num(b, (double)r->with_ceiling, 0, l);
	mutu_buf_puts(b, " (");
	rpt_fmt_pct(b, share(r->within, r->with_ceiling), l);
	mutu_buf_putc(b, ')');
}

enum { NCOL = 8 };

/* The cells of a row as text, in column order (each owned by the caller). */
static void row_cells(const struct psop *s, const struct prow *r, const struct rpt_opts *o, char *cell[NCOL])
{
	struct mutu_buf b;
	enum rpt_lang l = o->lang;
	for (int c = 0; c < NCOL; c++) {
		mutu_buf_init(&b);
		switch (c) {
		case 0: mutu_buf_puts(&b, s ? sop_label(s, o) : TR(o, "Semua SOP", "Every SOP")); break;
		case 1: mutu_buf_puts(&b, office_label(r->office, o)); break;
		case 2: rpt_fmt_num(&b, (double)r->finished, 0, l); break;
		case 3: within_text(&b, r, l); break;
		case 4:
			if (r->with_ceiling)
				rpt_fmt_num(&b, (double)(r->with_ceiling - r->within), 0, l);
			else
				mutu_buf_puts(&b, "\xe2\x80\x93");
			break;
		case 5: rpt_fmt_num(&b, (double)r->open, 0, l); break;
		case 6: rpt_fmt_num(&b, days_of(r->median_s, r->day_minutes), 2, l); break;
		default: rpt_fmt_num(&b, days_of(r->p90_s, r->day_minutes), 2, l); break;
		}
		cell[c] = b.s ? mutu_buf_detach(&b) : mutu_strdup("");
		mutu_buf_release(&b);
	}
}

static void cells_free(char *cell[NCOL])
{
	for (int c = 0; c < NCOL; c++)
		free(cell[c]);
}

static const char *head_of(int c, const struct rpt_opts *o)
{
	switch (c) {
	case 0: return "SOP";
	case 1: return TR(o, "Kantor", "Office");
	case 2: return TR(o, "Selesai", "Finished");
	case 3: return TR(o, "Dalam batas SOP", "Within the SOP ceiling");
	case 4: return TR(o, "Terlambat", "Late");
	case 5: return TR(o, "Terbuka akhir bulan", "Open at month end");
	case 6: return TR(o, "Median (hari)", "Median (days)");
	default: return TR(o, "p90 (hari)", "p90 (days)");
	}
}

static void title_of(int year, int month, const struct rpt_opts *o, char *buf, size_t size)
{
	snprintf(buf, size, "%s %s %d", TR(o, "Kepatuhan SOP per kantor", "SOP compliance per office"),
		 rpt_month_name(month, o->lang), year);
}

/* The province's own note: its total mixes calendars. */
static const char *mixed_note(const struct rpt_opts *o)
{
	return TR(o, "total semua SOP memakai beberapa kalender: harinya dihitung sebagai hari kerja 450 menit",
		  "the total over every SOP mixes calendars: its days are 450-minute working days");
}

/* The notes of every office, each prefixed with its office. */
static void all_notes(const struct rpt_office_month *om, size_t n, const struct prov *p, const struct rpt_opts *o,
		      struct mutu_notes *out)
{
	for (size_t i = 0; i < n; i++) {
		const struct mutu_notes *mn = o->lang == RPT_EN ? &om[i].m->notes : &om[i].m->notes_id;
		for (size_t j = 0; j < mn->n; j++)
			mutu_notes_addf(out, "%s: %s", office_label(om[i].office, o), mn->items[j]);
	}
	if (p->mixed_days)
		mutu_notes_addf(out, "%s", mixed_note(o));
}

static const char *definition(const struct rpt_opts *o)
{
	return TR(o,
		  "Dalam batas SOP: berkas selesai yang waktu kerjanya, sejak berkas diterima lengkap sampai langkah terakhir SOP, tidak melebihi batas hari kerja SOP; terlambat bila melebihinya. Kantor diurutkan dari persentase dalam batas yang terendah. Median dan p90: waktu penyelesaian dalam hari kerja. Total provinsi menjumlahkan kantor; median dan p90-nya dihitung dari semua berkas.",
		  "Within the SOP ceiling: finished files whose working time, from the file accepted as complete to the SOP's last step, is not above the SOP's ceiling in working days; late when it is. Offices are listed from the lowest share within the ceiling. Median and p90: lead time in working days. The province total adds the offices up; its median and p90 are of every file.");
}

/* ---- HTML ---- */

static void h(struct mutu_buf *b, const char *s)
{
	rpt_html_escape(b, s);
}

static void html_row(struct mutu_buf *b, const struct psop *s, const struct prow *r, const struct rpt_opts *o,
		     int total)
{
	char *cell[NCOL];
	row_cells(s, r, o, cell);
	mutu_buf_puts(b, total ? "<tr class=\"total\">" : "<tr>");
	for (int c = 1; c < NCOL; c++) {
		mutu_buf_puts(b, c >= 2 ? "<td class=\"n\">" : "<td>");
		h(b, cell[c]);
		mutu_buf_puts(b, "</td>");
	}
	mutu_buf_puts(b, "</tr>\n");
	cells_free(cell);
}

static int render_html(const struct rpt_office_month *om, size_t n, const struct prov *p, int year, int month,
		       const struct rpt_opts *o, struct mutu_buf *b, struct mutu_err *err)
{
	char title[256];
	title_of(year, month, o, title, sizeof title);
	/* the SOP heads a block of rows; totals stand out */
	if (rpt_html_head(b, o->assets_dir, o->lang, NULL, title,
			  "table.t-province tr.sop th { background: #f4f8fb; text-align: left; }\n"
			  "table.t-province tr.total td { font-weight: 600; border-top: 2px solid var(--line); }\n"
			  "table.t-province td:nth-child(2) { min-width: 0; }\n",
			  err))
		return MUTU_EFAIL;
	mutu_buf_puts(b, "<header>\n<h1>");
	h(b, o->office_name && *o->office_name ? o->office_name : TR(o, "Laporan Provinsi", "Province Report"));
	mutu_buf_puts(b, "</h1>\n<p class=\"sub\">");
	h(b, title);
	mutu_buf_printf(b, " \xc2\xb7 %zu %s</p>\n</header>\n<main>\n", n, TR(o, "kantor", n == 1 ? "office" : "offices"));
	struct mutu_notes notes;
	mutu_notes_init(&notes);
	all_notes(om, n, p, o, &notes);
	if (notes.n) {
		mutu_buf_printf(b, "<div class=\"warn\"><strong>%s</strong><ul>\n", TR(o, "Perhatian", "Note"));
		for (size_t i = 0; i < notes.n; i++) {
			mutu_buf_puts(b, "<li>");
			h(b, notes.items[i]);
			mutu_buf_puts(b, "</li>\n");
		}
		mutu_buf_puts(b, "</ul></div>\n");
	}
	mutu_notes_release(&notes);
	mutu_buf_printf(b, "<section class=\"overview\" id=\"province\">\n<h2>%s</h2>\n",
			TR(o, "Kantor berdampingan", "Offices side by side"));
	if (!p->nsops) {
		mutu_buf_printf(b, "<p class=\"empty\">%s</p>\n",
				TR(o, "Tidak ada berkas dalam bulan ini.", "No file in this month."));
	} else {
		mutu_buf_puts(b, "<div class=\"tw\"><table class=\"t-province\">\n<thead><tr>");
		for (int c = 1; c < NCOL; c++) {
			mutu_buf_puts(b, c >= 2 ? "<th class=\"n\">" : "<th>");
			h(b, head_of(c, o));
			mutu_buf_puts(b, "</th>");
		}
		mutu_buf_puts(b, "</tr></thead>\n");
		for (size_t k = 0; k < p->nsops; k++) {
			const struct psop *s = &p->sops[k];
			mutu_buf_printf(b, "<tbody>\n<tr class=\"sop\"><th colspan=\"%d\">", NCOL - 1);
			h(b, sop_label(s, o));
			mutu_buf_puts(b, "</th></tr>\n");
			for (size_t i = 0; i < s->n; i++)
				html_row(b, s, &s->rows[i], o, 0);
			html_row(b, s, &s->total, o, 1);
			mutu_buf_puts(b, "</tbody>\n");
		}
		if (p->nsops > 1) {
			mutu_buf_printf(b, "<tbody>\n<tr class=\"sop\"><th colspan=\"%d\">%s</th></tr>\n", NCOL - 1,
					TR(o, "Semua SOP", "Every SOP"));
			html_row(b, NULL, &p->total, o, 1);
			mutu_buf_puts(b, "</tbody>\n");
		}
		mutu_buf_puts(b, "</table></div>\n");
	}
	mutu_buf_puts(b, "</section>\n</main>\n<footer>\n<p>mutu");
	if (o->version) {
		mutu_buf_putc(b, ' ');
		h(b, o->version);
	}
	if (o->source) {
		mutu_buf_printf(b, " \xc2\xb7 %s ", TR(o, "data", "store"));
		h(b, o->source);
	}
	if (o->generated_at) {
		mutu_buf_printf(b, " \xc2\xb7 %s ", TR(o, "dibuat", "generated"));
		h(b, o->generated_at);
	}
	mutu_buf_puts(b, "</p>\n<p>");
	h(b, definition(o));
	mutu_buf_puts(b, "</p>\n</footer>\n</body>\n</html>\n");
	return 0;
}

/* ---- Markdown and plain text ---- */

static void md_cell(struct mutu_buf *b, const char *s)
{
	rpt_md_escape(b, s);
}

static void render_md(const struct rpt_office_month *om, size_t n, const struct prov *p, int year, int month,
		      const struct rpt_opts *o, struct mutu_buf *b)
{
	char title[256];
	title_of(year, month, o, title, sizeof title);
	mutu_buf_puts(b, "# ");
	md_cell(b, title);
	mutu_buf_puts(b, "\n\n");
	struct mutu_notes notes;
	mutu_notes_init(&notes);
	all_notes(om, n, p, o, &notes);
	for (size_t i = 0; i < notes.n; i++) {
		mutu_buf_puts(b, "> ");
		md_cell(b, notes.items[i]);
		mutu_buf_puts(b, "\n");
	}
	if (notes.n)
		mutu_buf_puts(b, "\n");
	mutu_notes_release(&notes);
	mutu_buf_puts(b, "|");
	for (int c = 0; c < NCOL; c++) {
		mutu_buf_puts(b, " ");
		md_cell(b, head_of(c, o));
		mutu_buf_puts(b, " |");
	}
	mutu_buf_puts(b, "\n|");
	for (int c = 0; c < NCOL; c++)
		mutu_buf_puts(b, c >= 2 ? " ---: |" : " --- |");
	mutu_buf_puts(b, "\n");
	struct prow_it it = {0};
	const struct psop *s;
	for (const struct prow *r; (r = prow_next(p, &it, &s));) {
		char *cell[NCOL];
		row_cells(s, r, o, cell);
		int bold = !r->office;
		mutu_buf_puts(b, "|");
		for (int c = 0; c < NCOL; c++) {
			mutu_buf_puts(b, bold && (c > 0 || !s) ? " **" : " ");
			md_cell(b, cell[c]);
			mutu_buf_puts(b, bold && (c > 0 || !s) ? "** |" : " |");
		}
		mutu_buf_puts(b, "\n");
		cells_free(cell);
	}
	mutu_buf_puts(b, "\n");
	md_cell(b, definition(o));
	mutu_buf_puts(b, "\n");
}

/* Display width of UTF-8 text: one column per code point. */
static size_t width(const char *s)
{
	size_t w = 0;
	for (; *s; s++)
		w += ((unsigned char)*s & 0xC0) != 0x80;
	return w;
}

static void pad(struct mutu_buf *b, const char *s, size_t w, int right)
{
	size_t have = width(s);
	if (right)
		for (size_t i = have; i < w; i++)
			mutu_buf_putc(b, ' ');
	mutu_buf_put_safe(b, s);
	if (!right)
		for (size_t i = have; i < w; i++)
			mutu_buf_putc(b, ' ');
}

static void render_text(const struct rpt_office_month *om, size_t n, const struct prov *p, int year, int month,
			const struct rpt_opts *o, struct mutu_buf *b)
{
	char title[256];
	title_of(year, month, o, title, sizeof title);
	mutu_buf_printf(b, "%s\n\n", title);
	/* every row's cells first, for the column widths */
	size_t nrows = 0;
	struct prow_it count = {0};
	for (const struct psop *cs; prow_next(p, &count, &cs);)
		nrows++;
	char *(*cells)[NCOL] = mutu_calloc(nrows + 1, sizeof *cells);
	size_t w[NCOL] = {0}, r = 0;
	for (int c = 0; c < NCOL; c++) {
		cells[0][c] = mutu_strdup(head_of(c, o));
		w[c] = width(cells[0][c]);
	}
	struct prow_it it = {0};
	const struct psop *s;
	for (const struct prow *row; (row = prow_next(p, &it, &s));) {
		row_cells(s, row, o, cells[++r]);
		for (int c = 0; c < NCOL; c++)
			if (width(cells[r][c]) > w[c])
				w[c] = width(cells[r][c]);
	}
	for (size_t i = 0; i <= r; i++) {
		for (int c = 0; c < NCOL; c++) {
			if (c)
				mutu_buf_puts(b, "  ");
			pad(b, cells[i][c], w[c], c >= 2);
		}
		mutu_buf_putc(b, '\n');
		cells_free(cells[i]);
	}
	free(cells);
	struct mutu_notes notes;
	mutu_notes_init(&notes);
	all_notes(om, n, p, o, &notes);
	if (notes.n)
		mutu_buf_printf(b, "\n%s:\n", TR(o, "Perhatian", "Note"));
	for (size_t i = 0; i < notes.n; i++) {
		mutu_buf_puts(b, "  ");
		mutu_buf_put_safe(b, notes.items[i]);
		mutu_buf_putc(b, '\n');
	}
	mutu_notes_release(&notes);
	mutu_buf_printf(b, "\n%s\n", definition(o));
}

/* ---- CSV and JSON: the same figures as data ---- */

static void num(struct mutu_buf *b, double v, int json)
{
	if (isnan(v) || isinf(v))
		mutu_buf_puts(b, json ? "null" : "");
	else
		mutu_buf_printf(b, "%.10g", v);
}

static void csv_row(struct mutu_buf *b, const struct psop *s, const struct prow *r, const struct rpt_opts *o)
{
	rpt_csv_field(b, s ? (s->id ? s->id : "") : "*");
	mutu_buf_putc(b, ',');
	rpt_csv_field(b, s ? sop_label(s, o) : TR(o, "Semua SOP", "Every SOP"));
	mutu_buf_putc(b, ',');
	rpt_csv_field(b, r->office ? r->office : "");
	mutu_buf_putc(b, ',');
	rpt_csv_field(b, office_label(r->office, o));
	mutu_buf_printf(b, ",%s,%zu,%zu,%zu,", r->office ? "office" : "province", r->finished, r->with_ceiling, r->within);
	num(b, share(r->within, r->with_ceiling), 0);
	mutu_buf_printf(b, ",%zu,%zu,", r->with_ceiling - r->within, r->open);
	num(b, days_of(r->median_s, r->day_minutes), 0);
	mutu_buf_putc(b, ',');
	num(b, days_of(r->p90_s, r->day_minutes), 0);
	mutu_buf_printf(b, ",%d\r\n", r->day_minutes);
}

/* A note as a CSV row after the figures: row "note", its text in the
 * sop_name column, its office (none: the province) beside it, no figures. */
static void csv_note(struct mutu_buf *b, const char *office, const char *text, const struct rpt_opts *o)
{
	mutu_buf_putc(b, ',');
	rpt_csv_field(b, text);
	mutu_buf_putc(b, ',');
	rpt_csv_field(b, office ? office : "");
	mutu_buf_putc(b, ',');
	rpt_csv_field(b, office_label(office, o));
	mutu_buf_puts(b, ",note,,,,,,,,,\r\n");
}

static void render_csv(const struct rpt_office_month *om, size_t n, const struct prov *p, const struct rpt_opts *o,
		       struct mutu_buf *b)
{
	mutu_buf_puts(b, "sop,sop_name,office,office_label,row,finished,with_ceiling,within,share_within,late,"
			 "open_at_month_end,lead_median_days,lead_p90_days,day_minutes\r\n");
	struct prow_it it = {0};
	const struct psop *s;
	for (const struct prow *r; (r = prow_next(p, &it, &s));)
		csv_row(b, s, r, o);
	/* the notes every other format shows (all_notes), one row each */
	for (size_t i = 0; i < n; i++) {
		const struct mutu_notes *mn = o->lang == RPT_EN ? &om[i].m->notes : &om[i].m->notes_id;
		for (size_t j = 0; j < mn->n; j++)
			csv_note(b, om[i].office, mn->items[j], o);
	}
	if (p->mixed_days)
		csv_note(b, NULL, mixed_note(o), o);
}

static void json_row(struct mutu_buf *b, const struct prow *r, const struct rpt_opts *o)
{
	mutu_buf_puts(b, "{\"office\":");
	if (r->office)
		mutu_buf_json_str(b, r->office);
	else
		mutu_buf_puts(b, "null");
	mutu_buf_puts(b, ",\"label\":");
	mutu_buf_json_str(b, office_label(r->office, o));
	mutu_buf_printf(b, ",\"finished\":%zu,\"with_ceiling\":%zu,\"within\":%zu,\"share_within\":", r->finished,
			r->with_ceiling, r->within);
	num(b, share(r->within, r->with_ceiling), 1);
	/* durations in working minutes with their display text, the one unit
	 * of every mutu JSON document (mutu.report/2); the tables show days */
	enum dur_lang dl = o->lang == RPT_EN ? DUR_EN : DUR_ID;
	mutu_buf_printf(b, ",\"late\":%zu,\"open_at_month_end\":%zu,\"lead_median\":", r->with_ceiling - r->within,
			r->open);
	num(b, r->median_s / 60.0, 1);
	mutu_buf_puts(b, ",\"lead_median_text\":");
	dur_json_text(b, r->median_s / 60.0, r->day_minutes, dl);
	mutu_buf_puts(b, ",\"lead_p90\":");
	num(b, r->p90_s / 60.0, 1);
	mutu_buf_puts(b, ",\"lead_p90_text\":");
	dur_json_text(b, r->p90_s / 60.0, r->day_minutes, dl);
	mutu_buf_printf(b, ",\"day_minutes\":%d}", r->day_minutes);
}

static void render_json(const struct rpt_office_month *om, size_t n, const struct prov *p, int year, int month,
			const struct rpt_opts *o, struct mutu_buf *b)
{
	/* "schema" first: docs/schema/province.schema.json */
	mutu_buf_printf(b, "{\"schema\":\"mutu.province/1\",\"units\":{\"duration\":\"minutes\","
			"\"duration_kind\":\"working minutes (day_minutes of the row to a working day)\","
			"\"duration_text\":\"<name>_text: the same duration as the report shows it\","
			"\"share\":\"fraction 0..1\",\"count\":\"berkas\"},"
			"\"report\":\"province\",\"month\":\"%04d-%02d\",\"lang\":\"%s\",",
			year, month, o->lang == RPT_EN ? "en" : "id");
	mutu_buf_puts(b, "\"offices\":[");
	for (size_t i = 0; i < n; i++) {
		if (i)
			mutu_buf_putc(b, ',');
		mutu_buf_puts(b, "{\"office\":");
		mutu_buf_json_str(b, om[i].office);
		mutu_buf_puts(b, ",\"label\":");
		mutu_buf_json_str(b, office_label(om[i].office, o));
		mutu_buf_printf(b, ",\"cases_read\":%zu,\"events_read\":%zu}", om[i].m->cases_read, om[i].m->events_read);
	}
	mutu_buf_puts(b, "],\n\"sops\":[");
	for (size_t k = 0; k < p->nsops; k++) {
		const struct psop *s = &p->sops[k];
		mutu_buf_puts(b, k ? ",\n{\"id\":" : "\n{\"id\":");
		if (s->id)
			mutu_buf_json_str(b, s->id);
		else
			mutu_buf_puts(b, "null");
		mutu_buf_puts(b, ",\"name\":");
		mutu_buf_json_str(b, sop_label(s, o));
		mutu_buf_puts(b, ",\"rows\":[");
		for (size_t i = 0; i < s->n; i++) {
			if (i)
				mutu_buf_putc(b, ',');
			json_row(b, &s->rows[i], o);
		}
		mutu_buf_puts(b, "],\"total\":");
		json_row(b, &s->total, o);
		mutu_buf_putc(b, '}');
	}
	mutu_buf_puts(b, "],\n\"total\":");
	json_row(b, &p->total, o);
	mutu_buf_puts(b, ",\"notes\":[");
	struct mutu_notes notes;
	mutu_notes_init(&notes);
	all_notes(om, n, p, o, &notes);
	for (size_t i = 0; i < notes.n; i++) {
		if (i)
			mutu_buf_putc(b, ',');
		mutu_buf_json_str(b, notes.items[i]);
	}
	mutu_notes_release(&notes);
	mutu_buf_puts(b, "]}\n");
}

/* ---- Excel ---- */

static void xlsx_row(struct rpt_xlsx *x, const struct psop *s, const struct prow *r, const struct rpt_opts *o)
{
	rpt_xlsx_str(x, s ? sop_label(s, o) : TR(o, "Semua SOP", "Every SOP"));
	rpt_xlsx_str(x, office_label(r->office, o));
	rpt_xlsx_num(x, (double)r->finished, RPT_XF_INT);
	rpt_xlsx_num(x, r->with_ceiling ? (double)r->within : NAN, RPT_XF_INT);
	rpt_xlsx_num(x, r->with_ceiling ? (double)r->with_ceiling : NAN, RPT_XF_INT);
	rpt_xlsx_num(x, share(r->within, r->with_ceiling), RPT_XF_PCT);
	rpt_xlsx_num(x, r->with_ceiling ? (double)(r->with_ceiling - r->within) : NAN, RPT_XF_INT);
	rpt_xlsx_num(x, (double)r->open, RPT_XF_INT);
	rpt_xlsx_num(x, days_of(r->median_s, r->day_minutes), RPT_XF_2);
	rpt_xlsx_num(x, days_of(r->p90_s, r->day_minutes), RPT_XF_2);
	rpt_xlsx_nl(x);
}

static int write_xlsx(const struct prov *p, const struct rpt_opts *o, const char *path, struct mutu_err *err)
{
	struct mutu_out mo;
	int rc = mutu_out_open(&mo, path, err);
	if (rc == 0 && !mo.tmp) {
		mutu_out_abort(&mo);
		return mutu_errf(err, MUTU_EINPUT, "an Excel workbook cannot go to standard output: give --out DIR");
	}
	if (rc)
		return rc;
	struct rpt_xlsx *x = NULL;
	rc = rpt_xlsx_open(&x, mo.tmp, err);
	if (rc == 0) {
		const char *head[] = {"SOP", TR(o, "Kantor", "Office"), TR(o, "Selesai", "Finished"),
				      TR(o, "Dalam batas SOP", "Within the SOP ceiling"),
				      TR(o, "Dengan batas SOP", "With an SOP ceiling"), TR(o, "% dalam batas", "% within"),
				      TR(o, "Terlambat", "Late"), TR(o, "Terbuka akhir bulan", "Open at month end"),
				      TR(o, "Median (hari)", "Median (days)"), TR(o, "p90 (hari)", "p90 (days)")};
		static const double widths[] = {34, 22, 10, 12, 12, 12, 10, 12, 12, 12};
		rpt_xlsx_sheet(x, TR(o, "Provinsi", "Province"), 10, head, widths);
		struct prow_it it = {0};
		const struct psop *s;
		for (const struct prow *r; (r = prow_next(p, &it, &s));)
			xlsx_row(x, s, r, o);
		rc = rpt_xlsx_close(x, err);
	}
	if (rc == 0)
		rc = mutu_out_commit(&mo, err) ? MUTU_EFAIL : 0;
	else
		mutu_out_abort(&mo);
	return rc;
}

/* ---- entry point ---- */

int rpt_province(const struct rpt_office_month *offices, size_t n, int year, int month,
		 const struct rpt_opts *o, struct mutu_notes *files, struct mutu_err *err)
{
	if (month < 1 || month > 12)
		return mutu_errf(err, MUTU_EINPUT, "province report: month %04d-%02d: month must be 01..12", year, month);
	char base[256];
	if (o->name)
		snprintf(base, sizeof base, "%s", o->name);
	else
		snprintf(base, sizeof base, "province-%04d-%02d", year, month);
	int to_stdout = strcmp(o->out_dir, "-") == 0;
	if (to_stdout && o->format == RPT_XLSX)
		return mutu_errf(err, MUTU_EINPUT, "an Excel workbook cannot go to standard output: give --out DIR");
	struct prov p;
	prov_build(offices, n, &p);
	struct mutu_buf b;
	mutu_buf_init(&b);
	int rc = 0;
	const char *ext = "html";
	switch (o->format) {
	case RPT_MD: ext = "md"; render_md(offices, n, &p, year, month, o, &b); break;
	case RPT_TEXT: ext = "txt"; render_text(offices, n, &p, year, month, o, &b); break;
	case RPT_JSON: ext = "json"; render_json(offices, n, &p, year, month, o, &b); break;
	case RPT_CSV:
		ext = "csv";
		render_csv(offices, n, &p, o, &b);
		if (o->csv_excel_id) {
			struct mutu_buf x;
			mutu_buf_init(&x);
			rpt_csv_excel_id(b.s ? b.s : "", b.len, 1, &x);
			mutu_buf_release(&b);
			b = x;
		}
		break;
	case RPT_XLSX: ext = "xlsx"; break;
	default: rc = render_html(offices, n, &p, year, month, o, &b, err); break;
	}
	if (rc == 0 && to_stdout) {
		rc = mutu_write_file("-", b.s ? b.s : "", b.len, err) ? MUTU_EFAIL : 0;
	} else if (rc == 0) {
		struct stat sd;
		int made = stat(o->out_dir, &sd) != 0;
		rc = rpt_mkdirs(o->out_dir, err) ? MUTU_EFAIL : 0;
		if (rc == 0 && o->format == RPT_XLSX) {
			struct mutu_buf path;
			mutu_buf_init(&path);
			mutu_buf_printf(&path, "%s/%s.xlsx", o->out_dir, base);
			rc = write_xlsx(&p, o, path.s, err);
			if (rc == 0 && files)
				mutu_notes_addf(files, "%s", path.s);
			mutu_buf_release(&path);
		} else if (rc == 0) {
			rc = rpt_write_report(o->out_dir, base, ext, &b, NULL, files, err);
		}
		if (rc && made)
			rmdir(o->out_dir); /* a failed run leaves no new empty folder */
	}
	mutu_buf_release(&b);
	prov_release(&p);
	return rc;
}
