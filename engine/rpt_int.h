/*
 * rpt_int.h - shared inside the rpt_ sources only: the chart queue
 * (rpt_chart.c) that rpt_month.c and rpt_sim.c fill and run.
 */
#ifndef MUTU_RPT_INT_H
#define MUTU_RPT_INT_H

#include "mutu/rpt.h"

struct rpt_chart {
	char *key;       /* "<slug>-<kind>", e.g. "sop-izin-x-lead" */
	char *svg_path;  /* owned; written next to the report */
	char *png_path;
	char *caption;   /* owned, plain text (our words, not data) */
};

/* A batch of charts rendered by one gnuplot run. */
struct rpt_charts {
	const struct rpt_opts *o;
	char *base;           /* report base name */
	char *data_dir;       /* <out>/<base>-charts: data files and the script */
	char *tmpl_dir;       /* <assets>/gnuplot */
	struct mutu_buf driver;
	struct rpt_chart *c;
	size_t n;
	int made_dir;         /* data_dir was created by this run */
};

int rpt_charts_init(struct rpt_charts *cs, const struct rpt_opts *o, const char *base,
		    struct mutu_err *err);
void rpt_charts_release(struct rpt_charts *cs);
/* After a failure: remove what this run wrote (the charts' SVG and PNG,
 * and data_dir with its content when this run created it). */
void rpt_charts_discard(struct rpt_charts *cs);

/* Queue a chart: writes its data file now.  slug names the group. */
int rpt_chart_lead(struct rpt_charts *cs, const char *slug, const struct sla_group *g,
		   struct mutu_err *err);
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

/* Run gnuplot on everything queued; check its exit status and that every
 * SVG and PNG exists.  Files written are appended to files. */
int rpt_charts_run(struct rpt_charts *cs, struct mutu_notes *files, struct mutu_err *err);

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

/* Write a buffer to a file. */
int rpt_write_file(const char *path, const char *s, size_t len, struct mutu_err *err);

/* Write a rendered report to DIR/BASE.EXT and append that path to files
 * (may be NULL). */
int rpt_write_report(const char *dir, const char *base, const char *ext,
		     const struct mutu_buf *b, struct mutu_notes *files, struct mutu_err *err);

/* Group slug for file names: "office", "no-sop" or "sop-<id>" ([a-z0-9-]). */
void rpt_group_slug(const struct sla_group *g, int office, char *buf, size_t size);

#endif /* MUTU_RPT_INT_H */
