/*
 * rpt.h - rendering: the monthly compliance report (HTML, Markdown, CSV,
 * JSON) with its gnuplot charts, the audit listing, and the number and
 * text formatting they share (Indonesian "95,3%" style by default).
 *
 * The renderer reads nothing but the aggregated results (struct
 * sla_month, struct sla_case) and files under the assets folder
 * (reports/: report.css and the gnuplot templates reports/gnuplot/NAME.gp).
 * It writes files; it never prints.  Every value that comes from data is
 * escaped for the format it goes into (HTML, Markdown, CSV, JSON), and the
 * HTML carries a Content-Security-Policy that forbids scripts, so a case
 * id like <script> shows as text and nothing from the data executes.
 */
#ifndef MUTU_RPT_H
#define MUTU_RPT_H

#include <stddef.h>
#include <stdint.h>

#include <stdatomic.h>

#include "mutu/base.h"
#include "mutu/sla.h"

enum rpt_lang { RPT_ID = 0, RPT_EN = 1 };
enum rpt_format { RPT_HTML = 0, RPT_MD = 1, RPT_CSV = 2, RPT_JSON = 3, RPT_TEXT = 4, RPT_XLSX = 5 };

struct rpt_opts {
	enum rpt_lang lang;
	enum rpt_format format;
	const char *out_dir;      /* folder for the report and its charts (created) */
	const char *assets_dir;   /* folder with report.css and gnuplot/ (NULL: "reports") */
	const char *gnuplot;      /* program to run (NULL: $MUTU_GNUPLOT, else "gnuplot") */
	const char *generated_at; /* footer text, e.g. an ISO time; NULL: none */
	const char *source;       /* footer: the store read, NULL: none */
	const char *name;         /* base file name without extension (NULL: report-YYYY-MM) */
	const char *models_dir;   /* rpt_sim_html: SOP models for the ceilings (NULL: "models") */
	const char *calendars_dir;/* rpt_sim_html: calendars (NULL: cal_load's default) */
	/* monthly report (all borrowed, may be NULL/0): */
	const char *office_name;  /* page title; NULL: the models' agency */
	const char *version;      /* footer: the mutu version */
	double generated_t;       /* footer: the generation instant, shown in the
				   * office's zone; 0: generated_at as given */
	int csv_excel_id;         /* CSV in the excel-id dialect (rpt_csv_excel_id) */
	/* may be NULL; owned by the caller, who sets it non-zero to stop (a
	 * signal handler may: a lock-free atomic).  Read while gnuplot draws
	 * the charts: gnuplot is then ended and the call returns MUTU_ECANCEL
	 * with nothing of the report written (the temporary folder removed,
	 * files at the report's names as they were). */
	const atomic_int *cancel;
};

void rpt_opts_init(struct rpt_opts *o);

/* Parse "id"/"en" and "html"/"md"/"csv"/"json"/"text"/"xlsx"; -1 when unknown. */
int rpt_lang_parse(const char *s);
int rpt_format_parse(const char *s);

/*
 * Write the monthly report of m in o->format to o->out_dir.  HTML and
 * Markdown get their charts (SVG and PNG, through gnuplot) next to them;
 * when gnuplot cannot be run the call fails with a message naming the
 * package to install, it never leaves a chart out silently.  CSV, JSON
 * and XLSX show no charts: none are made and gnuplot is not needed.
 * out_dir "-" writes a CSV or JSON document to standard output (other
 * formats: MUTU_EINPUT).  Every file written is appended to files.
 */
int rpt_monthly(const struct sla_month *m, const struct rpt_opts *o,
		struct mutu_notes *files, struct mutu_err *err);

/* ---- the province report (engine/rpt_province.c) ---- */

/* One office's month: sla_month_run over that office's cases only
 * (store_set_office).  Both pointers borrowed. */
struct rpt_office_month {
	const char *office;         /* as stored; "" the default office */
	const struct sla_month *m;
};

/*
 * The offices of a store side by side for the month (year, month): one
 * table of SOP x office with berkas finished, within the SOP ceiling
 * ("95 dari 143 (66,4%)"), late, open at month end, median and p90 lead
 * time in working days; the offices of each SOP sorted worst share
 * first (then by name), a province total per SOP (counts added, median
 * and p90 of the merged lead times) and one over every SOP.  Formats
 * html (one self-contained file with o->assets_dir's report.css), md,
 * text, csv, json ("schema": "mutu.province/1",
 * docs/schema/province.schema.json) and xlsx, named o->name (NULL:
 * province-YYYY-MM) in o->out_dir ("-": standard output, not xlsx).  No
 * charts.  The office "" is shown as "(kantor bawaan)" / "(default
 * office)".  Every file written is appended to files (may be NULL).
 */
int rpt_province(const struct rpt_office_month *offices, size_t n, int year, int month,
		 const struct rpt_opts *o, struct mutu_notes *files, struct mutu_err *err);

/* ---- formatting helpers (append to b) ---- */

/* 0.953 -> "95,3%" (id) / "95.3%" (en); NAN -> "–". */
void rpt_fmt_pct(struct mutu_buf *b, double share, enum rpt_lang lang);
/* 1234.5 with 1 decimal -> "1.234,5" (id) / "1,234.5" (en); NAN -> "–". */
void rpt_fmt_num(struct mutu_buf *b, double x, int decimals, enum rpt_lang lang);
/* Working seconds as "25 menit", "3,2 jam" or "2,4 hari" (days of day_minutes). */
void rpt_fmt_dur(struct mutu_buf *b, double seconds, int day_minutes, enum rpt_lang lang);
/* Escapes. */
void rpt_html_escape(struct mutu_buf *b, const char *s);
void rpt_md_escape(struct mutu_buf *b, const char *s);
/* A CSV text field (quoted when needed; text starting with = + - @, tab
 * or CR gets a leading ' so spreadsheets do not run it as a formula,
 * OWASP's advice).  Numbers are written without it, by the caller. */
void rpt_csv_field(struct mutu_buf *b, const char *s);
/*
 * Rewrite a CSV document of mutu (RFC 4180: ',' between fields, '.' in
 * numbers, CRLF) for an Indonesian Excel, the "excel-id" dialect: ';'
 * between fields, a decimal comma in every unquoted number, a UTF-8 BOM
 * first when bom (so Excel reads the text as UTF-8).  The formula guard
 * of text cells is kept.  csv must hold whole records; appended to out.
 */
void rpt_csv_excel_id(const char *csv, size_t len, int bom, struct mutu_buf *out);
/* mkdir -p; err names the folder that could not be made. */
int rpt_mkdirs(const char *path, struct mutu_err *err);

/* An instant as local time in the office's form, "27 Nov 2025 14:43 WITA"
 * ("27 Nov 2025 14:43 +02:00" when label is NULL): offset in seconds east
 * of UTC, label the zone's name (WIB, WITA, WIT).  Appended to b. */
void rpt_fmt_local(struct mutu_buf *b, double t, int offset, const char *label, enum rpt_lang lang);

/*
 * The answer of the month, one plain sentence per SOP group of m (SOP
 * name, not id), in o->lang, e.g. "Izin X: 95 dari 143 berkas selesai
 * dalam batas SOP (66,4%); 48 terlambat, paling banyak kehilangan waktu
 * di langkah 3, Tim Teknis (rata-rata 2,1 hari di atas mutu baku)."
 * Appended to out (owned by the caller).  The HTML and Markdown reports
 * open with these; the CLI prints them.
 */
void rpt_month_headlines(const struct sla_month *m, const struct rpt_opts *o, struct mutu_notes *out);
/* The office name the report shows: o->office_name, else the models'
 * agency (distinct ones joined by " / "); NULL when neither.  Owned by the
 * caller (free). */
char *rpt_office_name(const struct sla_month *m, const struct rpt_opts *o);

/*
 * The store's live batches' ingest counts, of office (NULL: every office):
 * rows rejected (a rejected row has no trusted date, so the count is the
 * store's, not a month's) and duplicate rows skipped.  db is borrowed and
 * only read.  0, or a negative MUTU_E* from the store.
 */
struct rpt_ingest_counts {
	uint64_t rejected, duplicates;
};
int rpt_ingest_counts(struct mutu_store *db, const char *office, struct rpt_ingest_counts *out,
		      struct mutu_err *err);

/*
 * What the month's figures rest on, added to m's notes (English and
 * Bahasa Indonesia), which every report shows beside the answer: the
 * rejected and duplicate rows of q (rpt_ingest_counts, read once for
 * every month of a range), the month's events whose activity is not in
 * their SOP, and the finished cases without an SOP model (no ceiling, so
 * outside the share within it).  Nothing is added for clean data.  q is
 * borrowed.
 */
void rpt_month_quality(struct sla_month *m, const struct rpt_ingest_counts *q);

/* Month name, 1..12. */
const char *rpt_month_name(int month, enum rpt_lang lang);

/* ---- audit ---- */

/* The audit listing is streamed: begin, one call per case, end. */
struct rpt_audit;
/* assets_dir: folder with report.css for HTML (NULL: "reports"). */
struct rpt_audit *rpt_audit_create(enum rpt_format format, enum rpt_lang lang, const char *assets_dir);
void rpt_audit_free(struct rpt_audit *a);
/* The audit as an Excel workbook written to path by rpt_audit_end (give
 * it a struct mutu_out's tmp name): sheets summary (first), cases, steps
 * (start, waiting, processing), findings; instants as Excel dates.  A
 * failure is kept and returned by rpt_audit_status. */
struct rpt_audit *rpt_audit_create_xlsx(enum rpt_lang lang, const char *path);
/* 0, or the error the workbook met (err filled). */
int rpt_audit_status(const struct rpt_audit *a, struct mutu_err *err);
/* Append the rendering of c to out (text/csv/json stream case by case;
 * html keeps the body until rpt_audit_end, which puts the summary first). */
void rpt_audit_case(struct rpt_audit *a, const struct sla_case *c, struct mutu_buf *out);
/* Append the summary (cases by flag) and the closing part. title is shown
 * in the header (e.g. "SOP izin-x, 2025-03-01 .. 2025-03-31"). */
void rpt_audit_end(struct rpt_audit *a, const char *title, struct mutu_buf *out);
/* Human text of one finding of c (the audit's words), appended to out. */
void rpt_finding_text(const struct sla_case *c, const struct sla_finding *f, enum rpt_lang lang,
		      struct mutu_buf *out);
/* Counts so far: cases, and cases having flag bit i. */
size_t rpt_audit_cases(const struct rpt_audit *a);
size_t rpt_audit_flag_count(const struct rpt_audit *a, int i);

/* ---- simulation ---- */

struct sim_scenario;
struct sim_results;
struct sim_diff;

/*
 * The simulation report: one self-contained HTML file in o->out_dir named
 * o->name (NULL: "sim-report") + ".html", with charts (SVG inline, SVG and
 * PNG next to it): queue length over time per actor, utilisation per actor
 * and lead time per SOP against its ceiling, each with the 95% interval
 * across replications; with a second run (scb, rb and diffs from
 * sim_compare, all non-NULL) both side by side and a table of the paired
 * differences.  The SOP ceilings are read from the models in
 * o->models_dir (the chart leaves them out when a model is missing and
 * says so).  Everything else as rpt_monthly: gnuplot missing is an error.
 */
int rpt_sim_html(const struct sim_scenario *sc, const struct sim_results *r,
		 const struct sim_scenario *scb, const struct sim_results *rb,
		 const struct sim_diff *diffs, const struct rpt_opts *o,
		 struct mutu_notes *files, struct mutu_err *err);

/*
 * The simulation as an Excel workbook at path (a file, never "-"): sheet
 * Ringkasan (Summary) first with the headline figures of every run (all
 * SOPs and each SOP) as mean, 95% lower and upper bound in number columns
 * (times in working minutes, shares as fractions with a percent format)
 * and a display column worded as rpt_sim_html words it, then the scenario
 * keys B changes; with a second run (scb, rb, diffs all non-NULL) a sheet
 * of the paired differences B - A with bounds and significance; one sheet
 * per SOP with its step rows; Pelaksana; per period when the run has them.
 * Written through the atomic writer.  All pointers borrowed.
 */
int rpt_sim_xlsx(const struct sim_scenario *sc, const struct sim_results *r,
		 const struct sim_scenario *scb, const struct sim_results *rb,
		 const struct sim_diff *diffs, const struct rpt_opts *o,
		 const char *path, struct mutu_err *err);

/*
 * The forecast (after fc_forecast_run) as an Excel workbook at path:
 * Ringkasan first (this month and the next: expected finished and share
 * within the ceiling with 95% bounds, and what the store already shows),
 * then Berkas terbuka, the open files in f's order (highest risk first)
 * with Excel dates for the expected finish (median and its 10%-90%
 * range) in the calendar's zone.  All pointers borrowed.
 */
struct fc_forecast;
int rpt_forecast_xlsx(const struct fc_forecast *f, const struct sim_scenario *sc, const struct rpt_opts *o,
		      const char *path, struct mutu_err *err);

/*
 * The backtest r as an Excel workbook at path: Ringkasan first (SOP,
 * scenario, replications, rows and rows inside the simulated range), then
 * Per bulan, one row per month x measure: the month as an Excel date,
 * observed, simulated mean and the middle 95% as numbers (times in
 * working minutes), inside or not.  All pointers borrowed.
 */
struct bt_result;
int rpt_backtest_xlsx(const struct bt_result *r, const struct rpt_opts *o, const char *path,
		      struct mutu_err *err);

#endif /* MUTU_RPT_H */
