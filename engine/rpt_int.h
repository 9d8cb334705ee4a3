/*
 * rpt_int.h - shared inside the rpt_ sources only: the chart queue
 * (rpt_chart.c) that rpt_month.c and rpt_sim.c fill and run.
 */
#ifndef MUTU_RPT_INT_H
#define MUTU_RPT_INT_H

#include "mutu/rpt.h"

struct rpt_chart {
	char *key;       /* "<slug>-<kind>", e.g. "sop-izin-x-lead" */
	char *svg_path;  /* owned; final name, next to the report */
	char *png_path;
	char *svg_tmp;   /* owned; where gnuplot writes it (in data_dir) */
	char *png_tmp;
	char *caption;   /* owned, plain text (our words, not data) */
	char *old[2];    /* owned: where the svg's and png's previous version was kept
			  * at the commit (in data_dir), NULL when there was none */
	int placed[2];   /* the new svg / png was renamed to its final name */
};

/* A batch of charts rendered by one gnuplot run. */
struct rpt_charts {
	const struct rpt_opts *o;
	char *base;           /* report base name */
	char *data_dir;       /* <out>/.<base>-charts.XXXXXX, this run's own temporary
			       * folder: data files, script, log and the charts
			       * until they are committed; removed by release */
	char *tmpl_dir;       /* <assets>/gnuplot */
	struct mutu_buf driver;
	struct rpt_chart *c;
	size_t n;
	int committed;        /* the charts were renamed to their final names */
};

int rpt_charts_init(struct rpt_charts *cs, const struct rpt_opts *o, const char *base,
		    struct mutu_err *err);
void rpt_charts_release(struct rpt_charts *cs);
/* After a failure: remove what this run wrote (data_dir with its content,
 * and the charts at their final names when they were committed, each
 * replaced by its previous version when it had one: the folder's file set
 * is the old one again). */
void rpt_charts_discard(struct rpt_charts *cs);
/* Rename every chart from data_dir to its final name (replacing a
 * symlink there, never writing through it) and append the final names
 * to files (may be NULL).  Called once the main file is fully written,
 * so a report appears with its charts or not at all.  A chart's previous
 * version is kept (a hard link in data_dir) until the report is in place
 * or discard puts it back. */
int rpt_charts_commit(struct rpt_charts *cs, struct mutu_notes *files, struct mutu_err *err);

/* Queue a chart: writes its data file now.  slug names the group. */
int rpt_chart_lead(struct rpt_charts *cs, const char *slug, const struct sla_group *g,
		   struct mutu_err *err);
/* The office's histogram, with the ceilings of the SOP groups that
 * finished cases (one line when they agree, the lowest and the highest
 * when they differ). */
int rpt_chart_lead_office(struct rpt_charts *cs, const char *slug, const struct sla_group *office,
			  const struct sla_group *groups, size_t n, struct mutu_err *err);
int rpt_chart_steps(struct rpt_charts *cs, const char *slug, const struct sla_group *g,
		    struct mutu_err *err);
int rpt_chart_trend(struct rpt_charts *cs, const char *slug, const struct sla_group *g,
		    struct mutu_err *err);
int rpt_chart_daily(struct rpt_charts *cs, const char *slug, const struct sla_group *g,
		    struct mutu_err *err);

/* Generic queue entry for other renderers: data already written to
 * data_path; vars is gnuplot assignments ("a='x'; b=2"); tmpl the
 * template's base name ("trend"). */
int rpt_chart_add(struct rpt_charts *cs, const char *key, const char *tmpl, const char *vars,
		  const char *caption, struct mutu_err *err);

/* Write a chart's data to <data_dir>/<key>.dat; *path (owned) receives it. */
int rpt_chart_data(struct rpt_charts *cs, const char *key, struct mutu_buf *data, char **path,
		   struct mutu_err *err);

/* Run gnuplot on everything queued, writing into data_dir; check its exit
 * status and that every SVG and PNG exists.  On failure err quotes
 * gnuplot's error lines (its log is in data_dir, which discard removes).
 * Nothing reaches the final names until rpt_charts_commit. */
int rpt_charts_run(struct rpt_charts *cs, struct mutu_err *err);

/* Append the head every HTML page of mutu shares, from <!DOCTYPE> to the
 * opening <body>: the language, a Content-Security-Policy that lets the
 * one-file page load nothing from outside (charts are data: URIs), the
 * title (title_lead raw, then title escaped) and assets_dir/report.css
 * inline (assets_dir NULL: "reports"), then the page's own extra_css
 * (NULL: none).  When the style sheet cannot be
 * read: with err, MUTU_EFAIL and err filled; without (the audit, which
 * is still readable unstyled), the page goes on without it. */
int rpt_html_head(struct mutu_buf *b, const char *assets_dir, enum rpt_lang lang, const char *title_lead,
		  const char *title, const char *extra_css, struct mutu_err *err);

/* The chart queued under key, or NULL. */
const struct rpt_chart *rpt_chart_get(const struct rpt_charts *cs, const char *key);

/* Append the chart queued under key as an HTML <figure> with the SVG
 * inline (a data: URI, so the report stays one file) and alt as its
 * escaped caption; nothing when no such chart is queued. */
int rpt_html_chart(struct mutu_buf *b, const struct rpt_charts *cs, const char *key,
		   const char *alt, struct mutu_err *err);

/* Append a file as base64 (for data: URIs). */
int rpt_base64_file(struct mutu_buf *b, const char *path, struct mutu_err *err);

/* Append s as a gnuplot single-quoted string. */
void rpt_gp_str(struct mutu_buf *b, const char *s);

/* Write a buffer to a file, atomically (mutu_write_file). */
int rpt_write_file(const char *path, const char *s, size_t len, struct mutu_err *err);

/* Write a rendered report to DIR/BASE.EXT with its charts (cs, may be
 * NULL): the report is written in full to a temporary file first, then
 * the charts are committed, then the report is renamed into place; when
 * the last step fails the new charts are removed again.  Appends the
 * paths to files (may be NULL). */
int rpt_write_report(const char *dir, const char *base, const char *ext,
		     const struct mutu_buf *b, struct rpt_charts *cs, struct mutu_notes *files,
		     struct mutu_err *err);

/* ---- Excel workbooks (rpt_xlsx.c) ---- */

/* Cell number formats (Excel's neutral codes, shown in the reader's locale). */
enum rpt_xfmt {
	RPT_XF_NONE = 0,
	RPT_XF_INT,      /* #,##0 */
	RPT_XF_1,        /* #,##0.0 */
	RPT_XF_2,        /* #,##0.00 */
	RPT_XF_PCT,      /* 0.0% (a fraction: 0.664 shows 66,4%) */
	RPT_XF_DATETIME, /* dd mmm yyyy hh:mm */
	RPT_XF_DATE,     /* dd mmm yyyy */
	RPT_XF_MONTH,    /* mmm yyyy */
	RPT_XF_PCT2,     /* 0.00%: rpt_xlsx_num's choice for a PCT cell 0.0% would round */
	RPT_XF_PCT3,     /* 0.000% (0.9995 -> 99,950%) */
	RPT_XF_PCT4,     /* 0.0000% */
	RPT_XF_N
};

/* A workbook written to path when closed (give it a mutu_out's tmp).
 * Cells are written left to right, rows top to bottom; write errors are
 * kept and reported by rpt_xlsx_close. */
struct rpt_xlsx;
int rpt_xlsx_open(struct rpt_xlsx **out, const char *path, struct mutu_err *err);
/* A new sheet (name cut to Excel's 31 characters) with its header row in
 * bold, frozen; widths (may be NULL) in characters. */
/* 64: the simulation workbook has a sheet per SOP of the scenario (plus
 * four); a scenario naming more fails at close with the workbook error */
#define RPT_XLSX_SHEETS 64
/* Returns the sheet's index (for rpt_xlsx_use), -1 past RPT_XLSX_SHEETS. */
int rpt_xlsx_sheet(struct rpt_xlsx *x, const char *name, int ncol, const char *const *head,
		   const double *widths);
/* Go on writing sheet i, at its next free row (a new row). */
void rpt_xlsx_use(struct rpt_xlsx *x, int sheet);
void rpt_xlsx_str(struct rpt_xlsx *x, const char *s);               /* NULL/"": blank */
void rpt_xlsx_num(struct rpt_xlsx *x, double v, enum rpt_xfmt f);   /* NAN: blank */
void rpt_xlsx_time(struct rpt_xlsx *x, double t, int offset);      /* instant, local date-time */
void rpt_xlsx_day(struct rpt_xlsx *x, int64_t day, enum rpt_xfmt f); /* days since 1970-01-01 */
void rpt_xlsx_nl(struct rpt_xlsx *x);
/* Write the file and free x (NULL-safe); err names the path on failure. */
int rpt_xlsx_close(struct rpt_xlsx *x, struct mutu_err *err);
/* Free x after a failure (the file it leaves is the caller's to remove). */
void rpt_xlsx_discard(struct rpt_xlsx *x);

/* The keys that differ between two scenario files, one line each
 * ("[staff] Front Office: 1 -> 1, 2 from 2025-07-01"), appended to out in
 * file order (A's keys, then keys only in B).  Returns how many, -1 when
 * a file cannot be read (a scenario built in code has no file). */
int rpt_scenario_changes(const char *path_a, const char *path_b, enum rpt_lang lang, struct mutu_notes *out);

/* rpt_sim.c's words and rules, shared with the workbook (rpt_xlsx_sim.c):
 * a metric field's label ("wait_mean" -> "tunggu rata-rata"; static
 * string), a difference B - A as text (returns 1 when significant as
 * printed), an interval as text in one unit.  Text appended to t / b. */
struct sim_metric;
struct sim_diff;
struct stats_ci;
const char *rpt_sim_field_label(const char *field, const struct rpt_opts *o);
int rpt_sim_diff_text(struct mutu_buf *t, const struct sim_metric *m, const struct sim_diff *df, int dm,
		      const struct rpt_opts *o);
void rpt_sim_ci_text(struct mutu_buf *b, int kind, const struct stats_ci *ci, int dm,
		     const struct rpt_opts *o);

/* Group slug for file names: "office", "no-sop" or "sop-<id>" ([a-z0-9-]). */
void rpt_group_slug(const struct sla_group *g, int office, char *buf, size_t size);

#endif /* MUTU_RPT_INT_H */
