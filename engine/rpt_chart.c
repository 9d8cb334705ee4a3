/*
 * rpt_chart.c - charts through gnuplot, run as an external program.
 *
 * For each chart the data goes to a small text file and the driver script
 * sets a few variables and loads a template from reports/gnuplot/ twice,
 * once for the svg terminal and once for pngcairo.  One gnuplot process
 * renders the whole report; its exit status is checked and every output
 * file must exist afterwards.  Chart text is our own labels: no value
 * from the data (case ids, names) goes into a chart.
 *
 * Everything gnuplot reads and writes lives in a temporary folder of the
 * run beside the report (mkdtemp: new, private, nothing in it followed);
 * the charts are renamed to their final names only when the report that
 * shows them is complete (rpt_write_report), so a failed run leaves the
 * output folder as it was.
 */
#include "rpt_int.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define TR(o, id, en) ((o)->lang == RPT_EN ? (en) : (id))

int rpt_mkdirs(const char *path, struct mutu_err *err)
{
	char buf[4096];
	snprintf(buf, sizeof buf, "%s", path);
	for (char *p = buf + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;
			*p = '\0';
			if (mkdir(buf, 0777) != 0 && errno != EEXIST)
				return mutu_errf(err, MUTU_EFAIL, "cannot create folder '%s': %s", buf, strerror(errno));
			*p = c;
			if (c == '\0')
				break;
		}
	}
	/* mkdir says EEXIST for a file at the name too: said here, not as
	 * "cannot write charts in 'x': Not a directory" further on */
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISDIR(st.st_mode))
		return mutu_errf(err, MUTU_EINPUT, "--out '%s' is a file, not a folder: the report and its "
				 "charts go into a folder; give another --out", path);
	return 0;
}

int rpt_write_file(const char *path, const char *s, size_t len, struct mutu_err *err)
{
	return mutu_write_file(path, s, len, err);
}

void rpt_gp_str(struct mutu_buf *b, const char *s)
{
	mutu_buf_putc(b, '\'');
	for (; s && *s; s++) {
		if (*s == '\'')
			mutu_buf_putc(b, '\'');
		if (*s == '\n' || *s == '\r')
			continue;
		mutu_buf_putc(b, *s);
	}
	mutu_buf_putc(b, '\'');
}

void rpt_group_slug(const struct sla_group *g, int office, char *buf, size_t size)
{
	if (office) {
		snprintf(buf, size, "office");
		return;
	}
	if (!g->id) {
		snprintf(buf, size, "no-sop");
		return;
	}
	size_t n = 0;
	n += (size_t)snprintf(buf, size, "sop-");
	for (const char *p = g->id; *p && n + 1 < size; p++) {
		char c = *p;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
			c = '-';
		buf[n++] = c;
	}
	buf[n] = '\0';
}

int rpt_charts_init(struct rpt_charts *cs, const struct rpt_opts *o, const char *base,
		    struct mutu_err *err)
{
	memset(cs, 0, sizeof *cs);
	cs->o = o;
	cs->base = mutu_strdup(base);
	mutu_buf_init(&cs->driver);
	struct mutu_buf p;
	mutu_buf_init(&p);
	mutu_buf_printf(&p, "%s/.%s-charts.XXXXXX", o->out_dir, base);
	cs->data_dir = mutu_buf_detach(&p);
	mutu_buf_printf(&p, "%s/gnuplot", o->assets_dir ? o->assets_dir : "reports");
	cs->tmpl_dir = mutu_buf_detach(&p);
	mutu_buf_release(&p); /* detach leaves an initialised buffer */
	/* in the output folder, so the charts rename into place atomically */
	if (!mkdtemp(cs->data_dir)) {
		int e = errno;
		free(cs->data_dir);
		cs->data_dir = NULL;
		return mutu_errf(err, MUTU_EFAIL, "cannot write charts in '%s': %s (check that the folder is writable)",
				 o->out_dir, strerror(e));
	}
	mutu_buf_puts(&cs->driver, "# written by mutu: renders every chart of the report\nset encoding utf8\n");
	return 0;
}

/* Remove the run's temporary folder: it and everything in it are this
 * run's (mkdtemp made it), so nothing of the user's is touched. */
static void remove_data_dir(struct rpt_charts *cs)
{
	if (!cs->data_dir)
		return;
	DIR *d = opendir(cs->data_dir);
	if (d) {
		struct dirent *de;
		char path[4096];
		while ((de = readdir(d)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
				continue;
			snprintf(path, sizeof path, "%s/%s", cs->data_dir, de->d_name);
			unlink(path);
		}
		closedir(d);
	}
	rmdir(cs->data_dir);
	free(cs->data_dir);
	cs->data_dir = NULL;
}

/*
 * Why the old versions are kept: the charts take their final names before
 * the report does (rpt_write_report), and a failure in between -- a chart
 * whose name is a folder, the report's own rename -- used to unlink the
 * charts already placed, so a folder that held last month's whole report
 * lost those charts (their old versions were gone, replaced by the
 * rename).  Now each rename is preceded by a hard link of the old file
 * into data_dir, and discard renames it back: the old set, whole.
 */
void rpt_charts_discard(struct rpt_charts *cs)
{
	/* committed charts are this run's new files at the final names: the
	 * previous version back where there was one, else nothing */
	for (size_t i = 0; i < cs->n; i++) {
		struct rpt_chart *c = &cs->c[i];
		const char *to[2] = {c->svg_path, c->png_path};
		for (int k = 0; k < 2; k++) {
			if (c->placed[k] && to[k]) {
				if (!c->old[k] || rename(c->old[k], to[k]) != 0)
					unlink(to[k]);
			}
			c->placed[k] = 0;
		}
	}
	cs->committed = 0;
	remove_data_dir(cs);
}

/* Keep the file at a chart's final name (if any) as data_dir/old-I-K, a
 * hard link (same folder, same file system).  0 when kept or when there
 * was none; -1 with errno when it cannot be kept (a file system without
 * hard links): the chart is then not renamed, the report fails whole. */
static int keep_old(struct rpt_charts *cs, size_t i, int k, const char *to)
{
	struct stat st;
	if (lstat(to, &st) != 0)
		return errno == ENOENT ? 0 : -1;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR; /* rename() would fail too: say it before anything moved */
		return -1;
	}
	struct mutu_buf p;
	mutu_buf_init(&p);
	mutu_buf_printf(&p, "%s/old-%zu-%d", cs->data_dir, i, k);
	if (link(to, p.s) != 0) {
		int e = errno;
		mutu_buf_release(&p);
		errno = e;
		return -1;
	}
	cs->c[i].old[k] = mutu_buf_detach(&p);
	mutu_buf_release(&p);
	return 0;
}

int rpt_charts_commit(struct rpt_charts *cs, struct mutu_notes *files, struct mutu_err *err)
{
	for (size_t i = 0; i < cs->n; i++) {
		const char *from[2] = {cs->c[i].svg_tmp, cs->c[i].png_tmp};
		const char *to[2] = {cs->c[i].svg_path, cs->c[i].png_path};
		for (int k = 0; k < 2; k++) {
			/* rename() replaces a symlink at the name, never its target */
			if (keep_old(cs, i, k, to[k]) != 0 || rename(from[k], to[k]) != 0) {
				int e = errno;
				cs->committed = 1; /* some are: discard puts the old ones back */
				return mutu_errf(err, MUTU_EFAIL, "cannot write chart %s: %s (the folder's "
						 "previous report is left as it was)", to[k], strerror(e));
			}
			cs->c[i].placed[k] = 1;
		}
	}
	cs->committed = 1;
	for (size_t i = 0; files && i < cs->n; i++) {
		mutu_notes_addf(files, "%s", cs->c[i].svg_path);
		mutu_notes_addf(files, "%s", cs->c[i].png_path);
	}
	return 0;
}

void rpt_charts_release(struct rpt_charts *cs)
{
	for (size_t i = 0; i < cs->n; i++) {
		free(cs->c[i].key);
		free(cs->c[i].svg_path);
		free(cs->c[i].png_path);
		free(cs->c[i].svg_tmp);
		free(cs->c[i].png_tmp);
		free(cs->c[i].caption);
		free(cs->c[i].old[0]);
		free(cs->c[i].old[1]);
	}
	remove_data_dir(cs); /* with the previous versions kept at the commit */ /* the temporary folder never outlives the run */
	free(cs->c);
	free(cs->base);
	free(cs->tmpl_dir);
	mutu_buf_release(&cs->driver);
	memset(cs, 0, sizeof *cs);
}

const struct rpt_chart *rpt_chart_get(const struct rpt_charts *cs, const char *key)
{
	for (size_t i = 0; i < cs->n; i++)
		if (strcmp(cs->c[i].key, key) == 0)
			return &cs->c[i];
	return NULL;
}

int rpt_chart_add(struct rpt_charts *cs, const char *key, const char *tmpl, const char *vars,
		  const char *caption, struct mutu_err *err)
{
	char tpath[4096];
	snprintf(tpath, sizeof tpath, "%s/%s.gp", cs->tmpl_dir, tmpl);
	if (access(tpath, R_OK) != 0)
		return mutu_errf(err, MUTU_EFAIL,
				 "chart template '%s' is missing (the reports/ folder of mutu; give --assets DIR)",
				 tpath);
	cs->c = mutu_realloc(cs->c, (cs->n + 1) * sizeof *cs->c);
	struct rpt_chart *c = &cs->c[cs->n++];
	memset(c, 0, sizeof *c); /* old[] and placed[] start empty */
	struct mutu_buf p;
	mutu_buf_init(&p);
	c->key = mutu_strdup(key);
	mutu_buf_printf(&p, "%s/%s-%s.svg", cs->o->out_dir, cs->base, key);
	c->svg_path = mutu_buf_detach(&p);
	mutu_buf_printf(&p, "%s/%s-%s.png", cs->o->out_dir, cs->base, key);
	c->png_path = mutu_buf_detach(&p);
	mutu_buf_printf(&p, "%s/%s.svg", cs->data_dir, key);
	c->svg_tmp = mutu_buf_detach(&p);
	mutu_buf_printf(&p, "%s/%s.png", cs->data_dir, key);
	c->png_tmp = mutu_buf_detach(&p);
	mutu_buf_release(&p);
	c->caption = mutu_strdup(caption);
	struct mutu_buf *d = &cs->driver;
	mutu_buf_printf(d, "\n# %s\n%s\n", key, vars);
	/* tick labels in the report's language: "0,5" in Bahasa Indonesia as
	 * every number beside them ("batas SOP 2,00"); the templates' `reset`
	 * leaves decimalsign alone, so it is set once per chart here */
	mutu_buf_puts(d, cs->o->lang == RPT_EN ? "set decimalsign '.'\n" : "set decimalsign ','\n");
	mutu_buf_puts(d, "set terminal svg size 820,400 font 'DejaVu Sans,11' background rgb 'white'\nset output ");
	rpt_gp_str(d, c->svg_tmp);
	mutu_buf_puts(d, "\nload ");
	rpt_gp_str(d, tpath);
	mutu_buf_puts(d, "\nset terminal pngcairo size 1000,480 font 'DejaVu Sans,11' background rgb 'white'\nset output ");
	rpt_gp_str(d, c->png_tmp);
	mutu_buf_puts(d, "\nload ");
	rpt_gp_str(d, tpath);
	mutu_buf_puts(d, "\nset output\n");
	return 0;
}

/* Write data to <data_dir>/<key>.dat; returns the path in *path (owned). */
int rpt_chart_data(struct rpt_charts *cs, const char *key, struct mutu_buf *data, char **path,
		   struct mutu_err *err)
{
	struct mutu_buf p;
	mutu_buf_init(&p);
	mutu_buf_printf(&p, "%s/%s.dat", cs->data_dir, key);
	*path = mutu_buf_detach(&p);
	mutu_buf_release(&p);
	return rpt_write_file(*path, data->s, data->len, err);
}

static void var_str(struct mutu_buf *v, const char *name, const char *value)
{
	mutu_buf_printf(v, "%s = ", name);
	rpt_gp_str(v, value);
	mutu_buf_putc(v, '\n');
}

static double day_s(const struct sla_group *g)
{
	return (g->day_minutes > 0 ? g->day_minutes : 450) * 60.0;
}

static const char *day_unit(const struct rpt_opts *o, const struct sla_group *g)
{
	if (g->day_minutes >= 1440)
		return TR(o, "hari kalender", "calendar days");
	return TR(o, "hari kerja", "working days");
}

/* A "nice" bin width (1, 2, 2.5, 5 x 10^k) of at least x. */
static double nice(double x)
{
	if (!(x > 0))
		return 1;
	double e = pow(10, floor(log10(x)));
	static const double m[] = {1, 2, 2.5, 5, 10};
	for (int i = 0; i < 5; i++)
		if (m[i] * e >= x)
			return m[i] * e;
	return 10 * e;
}

/* The ceiling of an SOP group in working seconds, NAN without a model. */
static double group_ceiling_s(const struct sla_group *g)
{
	if (!g->sop || !g->sop->model || !g->sop->has_ceiling)
		return NAN;
	return g->sop->ceiling == SLA_CEIL_EXACT ? g->sop->exact_s : g->sop->rounded_s;
}

/* The histogram with one ceiling (ceil_hi <= ceil_d) or the lowest and
 * highest of several (the office: SOPs with different ceilings). */
static int lead_chart(struct rpt_charts *cs, const char *slug, const struct sla_group *g, double ceil_d,
		      double ceil_hi, struct mutu_err *err);

int rpt_chart_lead(struct rpt_charts *cs, const char *slug, const struct sla_group *g,
		   struct mutu_err *err)
{
	double c = group_ceiling_s(g);
	return lead_chart(cs, slug, g, isnan(c) ? -1 : c / day_s(g), -1, err);
}

int rpt_chart_lead_office(struct rpt_charts *cs, const char *slug, const struct sla_group *office,
			  const struct sla_group *groups, size_t n, struct mutu_err *err)
{
	double lo = -1, hi = -1, ds = day_s(office);
	for (size_t i = 0; i < n; i++) {
		double c = group_ceiling_s(&groups[i]);
		if (isnan(c) || groups[i].finished == 0)
			continue;
		/* in the office's day, as its histogram's axis */
		c /= ds;
		if (lo < 0 || c < lo)
			lo = c;
		if (c > hi)
			hi = c;
	}
	return lead_chart(cs, slug, office, lo, hi > lo + 1e-9 ? hi : -1, err);
}

static int lead_chart(struct rpt_charts *cs, const char *slug, const struct sla_group *g, double ceil_d,
		      double ceil_hi, struct mutu_err *err)
{
	const struct rpt_opts *o = cs->o;
	double ds = day_s(g);
	double p90 = g->lead_st.n ? g->lead_st.p90 / ds : 0, mx = g->lead_st.n ? g->lead_st.max / ds : 0;
	double hi = mx;
	double top = ceil_hi > ceil_d ? ceil_hi : ceil_d;
	double cap = 3 * (p90 > top ? p90 : top);
	if (cap > 0 && hi > cap)
		hi = cap;
	if (top > 0 && hi < top * 1.25)
		hi = top * 1.25;
	if (hi <= 0)
		hi = 1;
	double w = nice(hi / 20);
	size_t nb = (size_t)ceil(hi / w);
	if (nb < 1)
		nb = 1;
	size_t *cnt = mutu_calloc(nb + 1, sizeof *cnt);
	size_t overflow = 0, cmax = 0;
	for (size_t i = 0; i < g->lead.n; i++) {
		double d = g->lead.v[i] / ds;
		if (d > nb * w) {
			overflow++;
			continue;
		}
		/* bins closed on the right, (b w, (b+1) w]: a case that took
		 * exactly the ceiling is within it ("paling lama") and its bar
		 * must stand left of the ceiling's line, not past it; the
		 * tolerance keeps 2.0 / 0.2 from rounding into the next bin */
		double q = ceil(d / w - 1e-9);
		size_t b = q >= 1 ? (size_t)q - 1 : 0;
		if (b >= nb)
			b = nb - 1;
		cnt[b]++;
	}
	struct mutu_buf data, v;
	mutu_buf_init(&data);
	mutu_buf_init(&v);
	for (size_t b = 0; b < nb; b++) {
		mutu_buf_printf(&data, "%.6g %zu\n", (b + 0.5) * w, cnt[b]);
		if (cnt[b] > cmax)
			cmax = cnt[b];
	}
	if (overflow > cmax)
		cmax = overflow;
	if (overflow)
		mutu_buf_printf(&data, "%.6g %zu\n", (nb + 0.5) * w, overflow);
	free(cnt);
	char key[256], *path = NULL;
	snprintf(key, sizeof key, "%s-lead", slug);
	int rc = rpt_chart_data(cs, key, &data, &path, err);
	if (rc == 0) {
		var_str(&v, "datafile", path);
		mutu_buf_printf(&v, "binw = %.6g\nceiling = %.6g\nceiling2 = %.6g\ncmax = %zu\n", w, ceil_d, ceil_hi, cmax);
		char xl[128], tceil[128];
		snprintf(xl, sizeof xl, "%s (%s)", TR(o, "Waktu penyelesaian", "Lead time"), day_unit(o, g));
		var_str(&v, "xl", xl);
		var_str(&v, "yl", TR(o, "Jumlah kasus", "Cases"));
		var_str(&v, "tcases", TR(o, "kasus selesai", "cases finished"));
		struct mutu_buf t;
		mutu_buf_init(&t);
		mutu_buf_puts(&t, TR(o, "batas SOP ", "SOP ceiling "));
		rpt_fmt_num(&t, ceil_d, 2, o->lang);
		if (ceil_hi > 0) {
			mutu_buf_puts(&t, "\xe2\x80\x93"); /* the office: lowest to highest SOP ceiling */
			rpt_fmt_num(&t, ceil_hi, 2, o->lang);
		}
		snprintf(tceil, sizeof tceil, "%s", t.s);
		mutu_buf_release(&t);
		var_str(&v, "tceil", tceil);
		char cap_txt[256];
		if (overflow)
			snprintf(cap_txt, sizeof cap_txt, "%s %.6g %s",
				 TR(o, "Batang terakhir: semua kasus di atas", "Last bar: every case above"),
				 nb * w, day_unit(o, g));
		else
			cap_txt[0] = '\0';
		rc = rpt_chart_add(cs, key, "lead", v.s, cap_txt, err);
	}
	free(path);
	mutu_buf_release(&data);
	mutu_buf_release(&v);
	return rc;
}

static void num_or_q(struct mutu_buf *b, double x)
{
	if (isnan(x))
		mutu_buf_puts(b, " ?");
	else
		mutu_buf_printf(b, " %.6g", x < 0.01 ? 0.01 : x);
}

int rpt_chart_steps(struct rpt_charts *cs, const char *slug, const struct sla_group *g,
		    struct mutu_err *err)
{
	const struct rpt_opts *o = cs->o;
	struct mutu_buf data, v;
	mutu_buf_init(&data);
	mutu_buf_init(&v);
	for (size_t i = 0; i < g->nsteps; i++) {
		const struct sla_step_row *r = &g->steps[i];
		mutu_buf_printf(&data, "\"%d\"", r->no > 0 ? r->no : (int)i + 1);
		num_or_q(&data, r->st.n ? r->st.median / 3600.0 : NAN);
		num_or_q(&data, r->st.n ? r->st.p90 / 3600.0 : NAN);
		num_or_q(&data, r->std_s / 3600.0);
		mutu_buf_putc(&data, '\n');
	}
	size_t nrows = g->nsteps;
	int any = 0;
	for (size_t i = 0; i < g->nsteps; i++)
		any |= g->steps[i].st.n > 0 || !isnan(g->steps[i].std_s);
	if (!any) {
		/* nothing to draw: one zero-height bar keeps gnuplot from
		 * refusing a plot with no points at all */
		mutu_buf_reset(&data);
		mutu_buf_puts(&data, "\"-\" 0.01 ? ?\n");
		nrows = 1;
	}
	char key[256], *path = NULL;
	snprintf(key, sizeof key, "%s-steps", slug);
	int rc = rpt_chart_data(cs, key, &data, &path, err);
	if (rc == 0) {
		var_str(&v, "datafile", path);
		mutu_buf_printf(&v, "nrows = %zu\n", nrows);
		var_str(&v, "xl", g->sop && g->sop->model ? TR(o, "Langkah SOP", "SOP step")
							   : TR(o, "Aktivitas (nomor di tabel)", "Activity (number in the table)"));
		var_str(&v, "yl", TR(o, "Jam kerja (skala log)", "Working hours (log scale)"));
		var_str(&v, "tmed", TR(o, "median", "median"));
		var_str(&v, "tp90", "p90");
		var_str(&v, "tstd", TR(o, "standar (waktu SOP)", "standard (SOP waktu)"));
		rc = rpt_chart_add(cs, key, "steps", v.s, "", err);
	}
	free(path);
	mutu_buf_release(&data);
	mutu_buf_release(&v);
	return rc;
}

int rpt_chart_trend(struct rpt_charts *cs, const char *slug, const struct sla_group *g,
		    struct mutu_err *err)
{
	const struct rpt_opts *o = cs->o;
	struct mutu_buf data, v;
	mutu_buf_init(&data);
	mutu_buf_init(&v);
	/* the line is the share over the cases it concerns: within the
	 * ceiling over the cases with one, by planned date (groups without a
	 * model) over the cases with a planned date; no point ('?') where a
	 * month has none, never a 0% or 100% made up */
	int office = g->id && !*g->id, ceil = office || (g->sop && g->sop->model);
	for (int k = 0; k < SLA_TREND; k++) {
		const struct sla_trend *t = &g->trend[k];
		mutu_buf_printf(&data, "\"%.3s %02d\" %zu", rpt_month_name(t->month, o->lang), t->year % 100,
				t->finished);
		size_t num = ceil ? t->within : t->within_target, den = ceil ? t->with_ceiling : t->with_target;
		if (den)
			mutu_buf_printf(&data, " %.4f", 100.0 * (double)num / (double)den);
		else
			mutu_buf_puts(&data, " ?");
		num_or_q(&data, t->finished ? t->median_s / day_s(g) : NAN);
		mutu_buf_putc(&data, '\n');
	}
	char key[256], *path = NULL;
	snprintf(key, sizeof key, "%s-trend", slug);
	int rc = rpt_chart_data(cs, key, &data, &path, err);
	if (rc == 0) {
		var_str(&v, "datafile", path);
		var_str(&v, "yl", TR(o, "Kasus selesai", "Cases finished"));
		var_str(&v, "y2l", ceil ? TR(o, "% dalam batas", "% within ceiling")
					: TR(o, "% sebelum tanggal rencana", "% by planned date"));
		var_str(&v, "tfin", TR(o, "selesai", "finished"));
		var_str(&v, "tshare", ceil ? TR(o, "% dalam batas SOP", "% within SOP ceiling")
					   : TR(o, "% sebelum tanggal rencana", "% by planned date"));
		rc = rpt_chart_add(cs, key, "trend", v.s, "", err);
	}
	free(path);
	mutu_buf_release(&data);
	mutu_buf_release(&v);
	return rc;
}

int rpt_chart_daily(struct rpt_charts *cs, const char *slug, const struct sla_group *g,
		    struct mutu_err *err)
{
	const struct rpt_opts *o = cs->o;
	struct mutu_buf data, v;
	mutu_buf_init(&data);
	mutu_buf_init(&v);
	size_t ymax = 1, wmax = 0;
	for (size_t d = 0; d < g->ndays; d++) {
		const struct sla_daily *x = &g->days[d];
		if (x->wip > wmax)
			wmax = x->wip;
		if (x->arrivals > ymax)
			ymax = x->arrivals;
		if (x->completions > ymax)
			ymax = x->completions;
		mutu_buf_printf(&data, "%zu %zu %zu %zu %d\n", d + 1, x->arrivals, x->completions, x->wip,
				x->kind != 0);
	}
	char key[256], *path = NULL;
	snprintf(key, sizeof key, "%s-daily", slug);
	int rc = rpt_chart_data(cs, key, &data, &path, err);
	if (rc == 0) {
		var_str(&v, "datafile", path);
		/* the axis ends with the month's last day: left to autoscale it
		 * ran on to the next tick, and June showed a day 31 */
		mutu_buf_printf(&v, "ymax = %.6g\nwmax = %zu\nndays = %zu\n", ceil((double)ymax * 1.15), wmax,
				g->ndays);
		var_str(&v, "xl", TR(o, "Tanggal", "Day of month"));
		var_str(&v, "yl", TR(o, "Kasus per hari", "Cases per day"));
		var_str(&v, "y2l", TR(o, "Dalam proses (akhir hari)", "In progress (end of day)"));
		var_str(&v, "tarr", TR(o, "masuk", "arrived"));
		var_str(&v, "tdone", TR(o, "selesai", "finished"));
		var_str(&v, "twip", TR(o, "dalam proses", "in progress"));
		var_str(&v, "tclosed", TR(o, "hari libur", "closed day"));
		rc = rpt_chart_add(cs, key, "daily", v.s, "", err);
	}
	free(path);
	mutu_buf_release(&data);
	mutu_buf_release(&v);
	return rc;
}

/* Find prog in PATH (or check it when it has a slash). */
static int find_prog(const char *prog, char *out, size_t size)
{
	if (strchr(prog, '/')) {
		snprintf(out, size, "%s", prog);
		return access(prog, X_OK) == 0;
	}
	const char *path = getenv("PATH");
	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin";
	while (*path) {
		const char *colon = strchr(path, ':');
		size_t n = colon ? (size_t)(colon - path) : strlen(path);
		snprintf(out, size, "%.*s/%s", (int)n, n ? path : ".", prog);
		if (access(out, X_OK) == 0)
			return 1;
		path += n;
		if (*path == ':')
			path++;
	}
	return 0;
}

/* gnuplot's own words for a failure, for the message: its lines that read
 * like errors (not warnings), else its last lines, at most size-1 bytes
 * joined with " | ".  The log itself goes with the run's folder. */
static void log_excerpt(const char *logp, char *out, size_t size)
{
	out[0] = '\0';
	char *log = mutu_read_file(logp, NULL, NULL);
	if (!log)
		return;
	struct mutu_buf b;
	mutu_buf_init(&b);
	const char *last[3] = {NULL, NULL, NULL};
	for (char *l = log; l && *l;) {
		char *nl = strchr(l, '\n');
		if (nl)
			*nl = '\0';
		mutu_trim(l);
		if (*l) {
			if ((strstr(l, " line ") || strstr(l, "rror")) && !strstr(l, "arning")) {
				if (b.len)
					mutu_buf_puts(&b, " | ");
				mutu_buf_puts(&b, l);
			}
			last[0] = last[1];
			last[1] = last[2];
			last[2] = l;
		}
		l = nl ? nl + 1 : NULL;
	}
	for (int i = 0; b.len == 0 && i < 3; i++) {
		if (!last[i])
			continue;
		if (b.len)
			mutu_buf_puts(&b, " | ");
		mutu_buf_puts(&b, last[i]);
	}
	snprintf(out, size, "%s", b.s);
	mutu_buf_release(&b);
	free(log);
}

int rpt_charts_run(struct rpt_charts *cs, struct mutu_err *err)
{
	if (cs->n == 0)
		return 0;
	const char *prog = cs->o->gnuplot;
	if (!prog || !*prog)
		prog = getenv("MUTU_GNUPLOT");
	if (!prog || !*prog)
		prog = "gnuplot";
	char exe[4096];
	if (!find_prog(prog, exe, sizeof exe))
		return mutu_errf(err, MUTU_EFAIL,
				 "gnuplot not found (looked for '%s'): the charts need it. Install the Debian "
				 "package gnuplot-nox (sudo apt-get install gnuplot-nox) or point MUTU_GNUPLOT "
				 "at a gnuplot binary", prog);
	char script[4096], logp[4096];
	snprintf(script, sizeof script, "%s/charts.gp", cs->data_dir);
	snprintf(logp, sizeof logp, "%s/gnuplot.log", cs->data_dir);
	if (rpt_write_file(script, cs->driver.s, cs->driver.len, err))
		return MUTU_EFAIL;
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, logp, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	posix_spawn_file_actions_adddup2(&fa, 1, 2);
	char *argv[] = {exe, script, NULL};
	pid_t pid;
	int rc = posix_spawn(&pid, exe, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0)
		return mutu_errf(err, MUTU_EFAIL, "cannot run gnuplot '%s': %s (install gnuplot-nox)", exe,
				 strerror(rc));
	/* polled, not a blocking waitpid: the caller's cancel flag (Ctrl-C)
	 * is seen within 20 ms, whenever the signal came (a blocking wait
	 * entered just after the signal would wait out gnuplot) */
	int status = 0;
	for (;;) {
		pid_t got = waitpid(pid, &status, WNOHANG);
		if (got == pid)
			break;
		if (got < 0 && errno != EINTR)
			return mutu_errf(err, MUTU_EFAIL, "waiting for gnuplot: %s", strerror(errno));
		if (cs->o->cancel && atomic_load_explicit(cs->o->cancel, memory_order_relaxed)) {
			kill(pid, SIGTERM);
			while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
				;
			return mutu_errf(err, MUTU_ECANCEL,
					 "stopped while gnuplot drew the charts: nothing of the report was "
					 "written (files at its names are as they were)");
		}
		struct timespec ts = {0, 20 * 1000000L};
		nanosleep(&ts, NULL);
	}
	/* the run's folder and its log are removed on failure (a failed run
	 * leaves the output folder as it was): the message quotes the log */
	char said[600];
	/* gnuplot ended by the same Ctrl-C (a terminal signals the whole
	 * process group) before the flag was seen: the user's stop, not a
	 * gnuplot failure */
	if ((!WIFEXITED(status) || WEXITSTATUS(status) != 0) && cs->o->cancel &&
	    atomic_load_explicit(cs->o->cancel, memory_order_relaxed))
		return mutu_errf(err, MUTU_ECANCEL,
				 "stopped while gnuplot drew the charts: nothing of the report was "
				 "written (files at its names are as they were)");
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		log_excerpt(logp, said, sizeof said);
		return mutu_errf(err, MUTU_EFAIL, "gnuplot failed (%s %d)%s%s%s",
				 WIFEXITED(status) ? "exit status" : "signal",
				 WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status),
				 said[0] ? "; gnuplot said: " : "", said,
				 "; no report was written");
	}
	for (size_t i = 0; i < cs->n; i++) {
		const char *paths[2] = {cs->c[i].svg_tmp, cs->c[i].png_tmp};
		const char *names[2] = {cs->c[i].svg_path, cs->c[i].png_path};
		for (int k = 0; k < 2; k++) {
			struct stat st;
			if (stat(paths[k], &st) != 0 || st.st_size == 0) {
				log_excerpt(logp, said, sizeof said);
				return mutu_errf(err, MUTU_EFAIL,
						 "gnuplot ran but did not write chart '%s'%s%s; no report was written",
						 names[k], said[0] ? "; gnuplot said: " : "", said);
			}
		}
	}
	return 0;
}

int rpt_base64_file(struct mutu_buf *b, const char *path, struct mutu_err *err)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t len = 0;
	char *data = mutu_read_file(path, &len, err);
	if (!data)
		return MUTU_EFAIL;
	const unsigned char *s = (const unsigned char *)data;
	size_t i = 0;
	for (; i + 2 < len; i += 3) {
		unsigned v = (unsigned)s[i] << 16 | (unsigned)s[i + 1] << 8 | s[i + 2];
		char q[4] = {tab[v >> 18], tab[(v >> 12) & 63], tab[(v >> 6) & 63], tab[v & 63]};
		mutu_buf_add(b, q, 4);
	}
	if (i < len) {
		unsigned v = (unsigned)s[i] << 16 | (i + 1 < len ? (unsigned)s[i + 1] << 8 : 0);
		char q[4] = {tab[v >> 18], tab[(v >> 12) & 63], i + 1 < len ? tab[(v >> 6) & 63] : '=', '='};
		mutu_buf_add(b, q, 4);
	}
	free(data);
	return 0;
}

int rpt_html_chart(struct mutu_buf *b, const struct rpt_charts *cs, const char *key,
		   const char *alt, struct mutu_err *err)
{
	const struct rpt_chart *c = rpt_chart_get(cs, key);
	if (!c)
		return 0;
	mutu_buf_puts(b, "<figure class=\"chart\"><img alt=\"");
	rpt_html_escape(b, alt);
	mutu_buf_puts(b, "\" src=\"data:image/svg+xml;base64,");
	/* before the commit the chart is still in the run's folder */
	if (rpt_base64_file(b, cs->committed ? c->svg_path : c->svg_tmp, err))
		return MUTU_EFAIL;
	mutu_buf_puts(b, "\"><figcaption>");
	rpt_html_escape(b, alt);
	if (c->caption && *c->caption) {
		mutu_buf_puts(b, ". ");
		rpt_html_escape(b, c->caption);
	}
	mutu_buf_puts(b, "</figcaption></figure>\n");
	return 0;
}

int rpt_write_report(const char *dir, const char *base, const char *ext,
		     const struct mutu_buf *b, struct rpt_charts *cs, struct mutu_notes *files,
		     struct mutu_err *err)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s.%s", dir, base, ext);
	struct mutu_out out;
	if (mutu_out_open(&out, path, err))
		return MUTU_EFAIL;
	/* the report's bytes are all on disk (a full disk shows here) before
	 * any chart takes its final name */
	if ((b->len && fwrite(b->s, 1, b->len, out.f) != b->len) || fflush(out.f) != 0) {
		int e = errno ? errno : EIO;
		mutu_out_abort(&out);
		return mutu_errf(err, MUTU_EFAIL, "cannot write %s: %s (nothing was written there)", path,
				 strerror(e));
	}
	if (cs && rpt_charts_commit(cs, files, err)) {
		mutu_out_abort(&out);
		rpt_charts_discard(cs);
		return MUTU_EFAIL;
	}
	if (mutu_out_commit(&out, err)) {
		if (cs)
			rpt_charts_discard(cs); /* no charts without their report */
		return MUTU_EFAIL;
	}
	if (files)
		mutu_notes_addf(files, "%s", path);
	return 0;
}
