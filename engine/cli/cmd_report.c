/*
 * cmd_report.c - `mutu report monthly`: the monthly compliance report
 * (HTML by default, Markdown, CSV, JSON) with its charts, from the store;
 * with --by-office the province report, the store's offices side by side
 * (one sla_month_run per office, engine/rpt_province.c); with --month
 * FIRST..LAST one report per month from one read (sla_month_run_range).
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>


#include "cli/cli.h"
#include "mutu/elog.h"
#include "mutu/store.h"
#include "mutu/rpt.h"
#include "mutu/sla.h"

static const char usage_text[] =
	"usage: mutu report monthly --month YYYY-MM[..YYYY-MM]|latest [--db FILE] [--sop ID]\n"
	"                           [--lang id|en] [--format html|md|csv|json|xlsx] [--out DIR]\n"
	"                           [--calendar NAME] [--models DIR] [--ceiling rounded|exact]\n"
	"                           [--day-reading net|next-day] [--clock-start N]\n"
	"                           [--tz ZONE] [--deadline-col NAME] [--office-name TEXT]\n"
	"                           [--csv-dialect rfc|excel-id] [--by-office]\n"
	"\n"
	"Per SOP and for the office as a whole: cases finished in the month, the share\n"
	"finished within the SOP ceiling, lead times in working time (median, p90, max),\n"
	"per step and per actor against the SOP's waktu, the bottleneck of late cases,\n"
	"the slowest cases, a 12-month trend, open cases at month end, arrivals and\n"
	"completions per day, and the SOP lint.  The html and md reports get charts\n"
	"(SVG and PNG, through gnuplot) written next to them.\n"
	"\n"
	"options:\n"
	"  --month M        YYYY-MM, or 'latest': the latest month that holds a finished\n"
	"                   case, cut in the same zone as the report; or a range\n"
	"                   YYYY-MM..YYYY-MM (at most 120 months, first <= last): one\n"
	"                   report per month, each the file the month alone gives\n"
	"                   (report-YYYY-MM.EXT in the --out folder), from one read of\n"
	"                   the store (faster than one run per month).  Not with\n"
	"                   --by-office, nor with --out -\n"
	"  --db FILE        the store (default: mutu.db; a read-only store is read as it is)\n"
	CLI_BUSY_HELP
	"  --sop ID         only this SOP (default: every SOP in the store)\n"
	"  --office NAME    only this office's cases (a province store; default: every office)\n"
	"  --by-office      the province report instead: the store's offices side by side,\n"
	"                   one table of SOP x office (finished, within the SOP ceiling,\n"
	"                   late, open at month end, median and p90 lead time), the worst\n"
	"                   office first, and province totals; file province-YYYY-MM.EXT.\n"
	"                   Formats html, md, text, csv, json, xlsx; no charts\n"
	"  --lang L         id (Bahasa Indonesia, default) or en\n"
	"  --format F       html (default, one self-contained file), md, csv, json, or xlsx\n"
	"                   (an Excel workbook: one sheet per table, the summary first,\n"
	"                   numbers and dates as Excel values; no charts, no gnuplot)\n"
	"  --out DIR        output folder (default: reports/out); '-' writes a json or\n"
	"                   csv document to standard output\n"
	"  --calendar NAME  measure in this calendar instead of each model's own\n"
	"  --models DIR     folder of SOP models (default: models)\n"
	"  --ceiling C      rounded: the '(N Hari)' ceiling (default); exact: the sum of the steps\n"
	"  --day-reading R  how 'N Hari' becomes a deadline: net or next-day (default: the calendar's)\n"
	"  --clock-start N  the SLA clock starts at the end of step N (default: the model's\n"
	"                   [sla] clock_start, else the file-check step that can reject)\n"
	"  --tz ZONE        the office's zone for cases without a model: an IANA name\n"
	"                   (Europe/Amsterdam, daylight saving followed, from the system's\n"
	"                   tzdata), WIB, WITA, WIT, UTC or an offset such as +02:00.  Days\n"
	"                   and months are cut at its local midnight.  Default: the offset\n"
	"                   written on each case's own stamps.  Cases with a model are cut\n"
	"                   in their calendar's zone.  The report states the rule used.\n"
	"  --deadline-col NAME\n"
	"                   the case or event attribute that holds each case's planned end\n"
	"                   date (matched ignoring case, '_', '-' and a 'case:' prefix).\n"
	"                   Default: endDatePlanned, planned_end, due_date, tanggal_target,\n"
	"                   batas_waktu or deadline, whichever the log has.  Shares 'by\n"
	"                   planned date' count only the cases that have one\n"
	"  --csv-dialect D  rfc (default: ',' and decimal points) or excel-id (';', decimal\n"
	"                   commas and a UTF-8 BOM, as an Indonesian Excel opens it)\n"
	"  --office-name TEXT\n"
	"                   the office named at the top of the report (1-200 characters;\n"
	"                   default: the models' agency, e.g. Pemerintah Kota Banjarbaru)\n"
	"\n"
	"Needs gnuplot (Debian package gnuplot-nox) for the charts of html and md;\n"
	"csv, json and xlsx have no charts and do not need it.\n";

static int parse_month_msg(const char *s, int *y, int *m, char *msg, size_t size);

/* --month FIRST..LAST: the first month and the number of months, 1 ..
 * SLA_RANGE_MAX; -1 with a message in msg when it is not one. */
static int parse_range(const char *s, int *y, int *m, int *n, char *msg, size_t size)
{
	const char *dots = strstr(s, "..");
	char a[16];
	int y1, m1;
	if (!dots || dots - s >= (ptrdiff_t)sizeof a) {
		snprintf(msg, size, "--month range must be YYYY-MM..YYYY-MM, e.g. 2025-07..2026-06 (got '%s')", s);
		return -1;
	}
	memcpy(a, s, (size_t)(dots - s));
	a[dots - s] = '\0';
	char why[200];
	if (parse_month_msg(a, y, m, why, sizeof why) || parse_month_msg(dots + 2, &y1, &m1, why, sizeof why)) {
		if (strncmp(why, "must be", 7) == 0)
			snprintf(msg, size, "--month range must be YYYY-MM..YYYY-MM, e.g. 2025-07..2026-06 (got '%s')",
				 s);
		else
			snprintf(msg, size, "--month %s: %s", s, why);
		return -1;
	}
	long d = (long)(y1 * 12 + m1) - (long)(*y * 12 + *m);
	if (d < 0 || d >= SLA_RANGE_MAX) {
		snprintf(msg, size, "--month %s: the range must run forward and hold 1..%d months (it holds %ld)", s,
			 SLA_RANGE_MAX, d < 0 ? d - 1 : d + 1);
		return -1;
	}
	*n = (int)d + 1;
	return 0;
}

/* The months mutu reports: its calendars cover 1970-2199 (cal.h). */
#define MONTH_FIRST_YEAR 1970
#define MONTH_LAST_YEAR 2199

/*
 * --month YYYY-MM: 0, or -1 with why in msg (size bytes; NULL: no
 * message).  A month of the right form but out of range says the range:
 * "9999-12" was called "must be YYYY-MM" (hardening round 3), which it is.
 */
static int parse_month_msg(const char *s, int *y, int *m, char *msg, size_t size)
{
	int shape = s && strlen(s) == 7 && s[4] == '-';
	for (int i = 0; shape && i < 7; i++)
		shape = i == 4 || (s[i] >= '0' && s[i] <= '9');
	if (!shape || sscanf(s, "%4d-%2d", y, m) != 2) {
		if (msg)
			snprintf(msg, size, "must be YYYY-MM, e.g. 2025-03 (got '%s')", s ? s : "");
		return -1;
	}
	if (*m < 1 || *m > 12) {
		if (msg)
			snprintf(msg, size, "'%s': month %02d is not 01..12 (YYYY-MM, e.g. 2025-03)", s, *m);
		return -1;
	}
	if (*y < MONTH_FIRST_YEAR || *y > MONTH_LAST_YEAR) {
		if (msg)
			snprintf(msg, size, "'%s': year %d is out of range: mutu reports months %d-01 .. %d-12",
				 s, *y, MONTH_FIRST_YEAR, MONTH_LAST_YEAR);
		return -1;
	}
	return 0;
}


/* store_offices' names, copied */
static int office_add(void *ctx, const char *name)
{
	mutu_notes_addf(ctx, "%s", name ? name : "");
	return 0;
}

/* The output's base name: PREFIX-YYYY-MM, and -SOP with --sop, the SOP
 * id kept to [a-z0-9-] so that no id makes a path of it. */
static void out_name(char *name, size_t size, const char *prefix, int y, int m, const char *sop)
{
	if (!sop) {
		snprintf(name, size, "%s-%04d-%02d", prefix, y, m);
		return;
	}
	char clean[128];
	size_t k = 0;
	for (const char *p = sop; *p && k + 1 < sizeof clean; p++)
		clean[k++] = ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-') ? *p : '_';
	clean[k] = '\0';
	snprintf(name, size, "%s-%04d-%02d-%s", prefix, y, m, clean);
}

/* End the report's read snapshot and keep the month summaries its runs
 * computed (sla_month_save): the next report of a month whose trend takes
 * them reads only its own month.  Not keeping them is no failure. */
static void save_sums(struct mutu_store *db, struct sla_month **res, size_t n)
{
	store_rollback(db);
	for (size_t i = 0; i < n; i++) {
		struct mutu_err e2;
		mutu_err_clear(&e2);
		if (sla_month_save(db, res[i], &e2) < 0) {
			fputs("mutu report: note: month summaries not kept: ", stderr);
			cli_print_safe(stderr, e2.msg);
			fputc('\n', stderr);
		}
	}
}

/* The report's generation time, "YYYY-MM-DD HH:MM UTC" into when (which
 * ro->generated_at then points to); returns the instant. */
static double stamp_now(struct rpt_opts *ro, char *when, size_t n)
{
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(when, n, "%Y-%m-%d %H:%M UTC", &tm);
	ro->generated_at = when;
	return (double)now;
}

/*
 * --by-office: sla_month_run once per office of the store (the store
 * limited to it, inside the caller's one read snapshot), then the
 * province report of them all.  Returns the exit status.
 */
static int report_by_office(struct mutu_store *db, struct sla_env *env, int y, int m, const char *sop,
			    struct rpt_opts *ro, const char *db_path, struct mutu_err *err)
{
	struct mutu_notes names;
	mutu_notes_init(&names);
	int rc = store_offices(db, office_add, &names, err);
	struct rpt_office_month *om = mutu_calloc(names.n ? names.n : 1, sizeof *om);
	struct sla_month **res = mutu_calloc(names.n ? names.n : 1, sizeof *res);
	size_t n = 0;
	for (; rc == 0 && n < names.n; n++) {
		rc = store_set_office(db, names.items[n], err);
		if (rc == 0)
			rc = sla_month_run(db, env, y, m, sop, &res[n], err);
		/* each office's partial data (rejected and duplicate rows of its
		 * batches, ...), as its own monthly report gives them */
		struct rpt_ingest_counts q;
		if (rc == 0 && (rc = rpt_ingest_counts(db, names.items[n], &q, err)) == 0)
			rpt_month_quality(res[n], &q);
		if (rc)
			break;
		om[n].office = names.items[n];
		om[n].m = res[n];
	}
	if (rc == 0)
		save_sums(db, res, n);
	if (rc == 0)
		rc = store_set_office(db, NULL, err);
	char name[256], when[64];
	out_name(name, sizeof name, "province", y, m, sop);
	ro->name = name;
	stamp_now(ro, when, sizeof when);
	ro->source = db_path;
	struct mutu_notes files;
	mutu_notes_init(&files);
	int sig = 0;
	if (rc == 0) {
		ro->cancel = cli_stop_flag();
		cli_write_begin();
		rc = rpt_province(om, n, y, m, ro, &files, err);
		sig = cli_write_end();
	}
	if (rc == 0) {
		for (size_t i = 0; i < n; i++)
			for (size_t j = 0; j < res[i]->notes.n; j++) {
				fputs("mutu report: note: ", stderr);
				cli_print_safe(stderr, *names.items[i] ? names.items[i] : "(default office)");
				fputs(": ", stderr);
				cli_print_safe(stderr, res[i]->notes.items[j]);
				fputc('\n', stderr);
			}
		if (strcmp(ro->out_dir, "-") != 0) {
			printf("province report %04d-%02d: %zu offices; %zu files written:\n", y, m, n, files.n);
			for (size_t i = 0; i < files.n; i++)
				printf("  %s\n", files.items[i]);
			printf("report: %s\n", files.n ? files.items[files.n - 1] : "");
		}
	}
	mutu_notes_release(&files);
	for (size_t i = 0; i < names.n; i++)
		sla_month_free(res[i]);
	free(res);
	free(om);
	mutu_notes_release(&names);
	if (sig) {
		if (rc && rc != MUTU_ECANCEL)
			cli_fail("report", err);
		return cli_stopped("report", sig,
				   rc ? "nothing of the province report was written; files at its names are as they were"
				      : "after the province report was written: it is whole");
	}
	return rc ? cli_fail("report", err) : 0;
}

/*
 * Write one month's report (rpt_monthly) and tell the user: its notes on
 * standard error; unless the document went to standard output, the
 * month's answer in the report's language and the files written.
 */
static int write_month(struct sla_month *res, struct rpt_opts *ro, const char *sop, const char *db_path,
		       struct mutu_err *err)
{
	int y = res->year, m = res->month;
	char name[256], when[64];
	out_name(name, sizeof name, "report", y, m, sop);
	ro->name = name;
	ro->generated_t = stamp_now(ro, when, sizeof when); /* shown in the office's zone */
	ro->source = db_path;
	struct mutu_notes files;
	mutu_notes_init(&files);
	int rc = rpt_monthly(res, ro, &files, err);
	if (rc == 0) {
		for (size_t i = 0; i < res->notes.n; i++) {
			fputs("mutu report: note: ", stderr);
			cli_print_safe(stderr, res->notes.items[i]);
			fputc('\n', stderr);
		}
	}
	if (rc == 0 && strcmp(ro->out_dir, "-") != 0) {
		/* the answer first, in the report's language; then the files
		 * (a document on standard output has nothing else there) */
		struct mutu_notes ans;
		mutu_notes_init(&ans);
		rpt_month_headlines(res, ro, &ans);
		char *office = rpt_office_name(res, ro);
		printf("%s%s%s %d:\n", office ? office : "", office ? ", " : "", rpt_month_name(m, ro->lang), y);
		free(office);
		for (size_t i = 0; i < ans.n; i++) {
			fputs("  ", stdout);
			cli_print_safe(stdout, ans.items[i]);
			fputc('\n', stdout);
		}
		mutu_notes_release(&ans);
		printf("%s %04d-%02d: %zu cases read, %zu events; %zu files written:\n",
		       "monthly report", y, m, res->cases_read, res->events_read, files.n);
		for (size_t i = 0; i < files.n; i++)
			printf("  %s\n", files.items[i]);
		printf("report: %s\n", files.n ? files.items[files.n - 1] : "");
	}
	ro->name = NULL;
	ro->generated_at = NULL;
	mutu_notes_release(&files);
	return rc;
}

int cmd_report(int argc, char **argv)
{
	const char *month = NULL, *db_path = "mutu.db", *sop = NULL, *lang = NULL, *format = NULL;
	const char *out = NULL, *calendar = NULL, *models = NULL, *ceiling = NULL, *reading = NULL;
	const char *office = NULL;
	int by_office = 0;
	const char *clock_start = NULL, *assets = NULL, *busy = NULL, *tz_name = NULL,
		   *deadline_col = NULL, *office_name = NULL, *dialect = NULL;
	const struct cli_opt opts[] = {
		{"csv-dialect", 0, 1, &dialect, NULL, NULL},
		{"office-name", 0, 1, &office_name, NULL, NULL},
		{"tz", 0, 1, &tz_name, NULL, NULL},
		{"deadline-col", 0, 1, &deadline_col, NULL, NULL},
		{"month", 0, 1, &month, NULL, NULL},
		{"db", 0, 1, &db_path, NULL, NULL},
		{"sop", 0, 1, &sop, NULL, NULL},
		{"lang", 0, 1, &lang, NULL, NULL},
		{"format", 0, 1, &format, NULL, NULL},
		{"out", 'o', 1, &out, NULL, NULL},
		{"calendar", 0, 1, &calendar, NULL, NULL},
		{"models", 0, 1, &models, NULL, NULL},
		{"ceiling", 0, 1, &ceiling, NULL, NULL},
		{"day-reading", 0, 1, &reading, NULL, NULL},
		{"clock-start", 0, 1, &clock_start, NULL, NULL},
		{"assets", 0, 1, &assets, NULL, NULL},
		{"busy-timeout", 0, 1, &busy, NULL, NULL},
		{"office", 0, 1, &office, NULL, NULL},
		{"by-office", 0, 0, NULL, &by_office, NULL},
		{NULL, 0, 0, NULL, NULL, NULL},
	};
	const char *pos[2];
	int npos = 0, help = 0;
	int rc = cli_parse("report", argc, argv, opts, pos, 2, &npos, &help);
	if (rc)
		return rc;
	if (help) {
		fputs(usage_text, stdout);
		return 0;
	}
	if (npos != 1 || strcmp(pos[0], "monthly") != 0)
		return cli_usage("report", "expected the report kind 'monthly' (mutu report monthly --month YYYY-MM)");
	if (!month)
		return cli_usage("report", "--month YYYY-MM is required (or --month latest)");
	if (by_office && office)
		return cli_usage("report", "--by-office sets every office side by side: leave out --office '%s' "
				 "(or drop --by-office for that office's own report)", office);
	int busy_ms = 0;
	if (cli_busy_timeout("report", busy, &busy_ms))
		return 2;
	struct rpt_opts ro;
	rpt_opts_init(&ro);
	if (lang) {
		int l = rpt_lang_parse(lang);
		if (l < 0)
			return cli_usage("report", "--lang must be 'id' or 'en' (got '%s')", lang);
		ro.lang = (enum rpt_lang)l;
	}
	if (format) {
		int f = rpt_format_parse(format);
		if (f < 0 || (f == RPT_TEXT && !by_office))
			return cli_usage("report", "--format must be html, md, csv, json or xlsx%s (got '%s')",
					 by_office ? " or text" : "", format);
		ro.format = (enum rpt_format)f;
	}
	struct sla_opts so;
	sla_opts_init(&so);
	if ((rc = cli_sla_opts("report", ceiling, reading, clock_start, models, calendar, &so)))
		return rc;
	if (deadline_col && (!*deadline_col || strlen(deadline_col) > 100))
		return cli_usage("report", "--deadline-col must name an attribute (1-100 characters, got '%s')",
				 deadline_col);
	so.deadline_col = deadline_col;
	if (office_name && (!*office_name || strlen(office_name) > 200))
		return cli_usage("report", "--office-name must be 1-200 characters (got %zu)", strlen(office_name));
	ro.office_name = office_name;
	if (dialect && strcmp(dialect, "excel-id") != 0 && strcmp(dialect, "rfc") != 0)
		return cli_usage("report", "--csv-dialect must be rfc or excel-id (got '%s')", dialect);
	ro.csv_excel_id = dialect && strcmp(dialect, "excel-id") == 0;
	ro.version = MUTU_VERSION;
	char out_buf[4096];
	ro.assets_dir = cli_assets_dir(assets);
	if (out) {
		ro.out_dir = out;
	} else {
		/* reports/out next to the bundled reports/ folder */
		snprintf(out_buf, sizeof out_buf, "%s/out", ro.assets_dir);
		ro.out_dir = out_buf;
	}

	struct mutu_err err;
	mutu_err_clear(&err);
	int y = 0, m = 0, nmonths = 1;
	int latest = strcmp(month, "latest") == 0;
	if (!latest && strstr(month, "..")) {
		char msg[300];
		if (parse_range(month, &y, &m, &nmonths, msg, sizeof msg))
			return cli_usage("report", "%s", msg);
		if (by_office)
			return cli_usage("report", "--by-office reports one month: give --month YYYY-MM (a range "
					 "YYYY-MM..YYYY-MM is for the office's own reports)");
		if (strcmp(ro.out_dir, "-") == 0)
			return cli_usage("report", "--month %s writes one report per month: --out must be a folder, "
					 "not '-'", month);
	} else if (!latest) {
		char why[200];
		if (parse_month_msg(month, &y, &m, why, sizeof why))
			return cli_usage("report", "--month %s", why);
	}
	struct cal_tz *tz = NULL;
	if (tz_name && cal_tz_load(tz_name, NULL, &tz, &err))
		return cli_usage("report", "--tz: %s", err.msg);
	so.tz = tz;
	struct mutu_store *db = NULL;
	/* one snapshot for every read of the report: ingests that commit
	 * meanwhile are not half in it */
	if (store_open(db_path, STORE_READ, busy_ms, &db, &err) || store_set_office(db, office, &err) ||
	    store_office_check(db, office, &err) || store_begin_read(db, &err)) {
		store_close(db);
		cal_tz_free(tz);
		return cli_fail("report", &err);
	}
	struct sla_env *env = sla_env_create(&so);
	/* options, the SOP and the calendars' years are checked before
	 * anything is written: bad input exits 2 with nothing on disk */
	int last_year = 0;
	rc = sla_env_check(env, db, sop, 0, 0, &last_year, &err);
	if (rc == 0 && latest)
		rc = sla_latest_month(db, env, sop, &y, &m, &err);
	if (rc == 0 && latest && last_year > 0 && y > last_year) {
		/* the data runs past the calendars: the latest month they cover */
		fprintf(stderr, "mutu report: note: the latest month with a finished case is %04d-%02d, past the years "
			"the calendars cover (to %d): reporting %d-12\n", y, m, last_year, last_year);
		y = last_year;
		m = 12;
	}
	/* every month of a range inside the calendars' years: its first
	 * month and each later January */
	for (int j = 0; rc == 0 && j < nmonths; j++) {
		int mi = y * 12 + m - 1 + j;
		if (j == 0 || mi % 12 == 0)
			rc = sla_env_check(env, db, sop, mi / 12, mi % 12 + 1, NULL, &err);
	}
	if (rc) {
		store_close(db);
		sla_env_free(env);
		cal_tz_free(tz);
		return cli_fail("report", &err);
	}
	if (by_office) {
		rc = report_by_office(db, env, y, m, sop, &ro, db_path, &err);
		store_close(db);
		sla_env_free(env);
		cal_tz_free(tz);
		return rc;
	}
	struct sla_month *one = NULL, **res = nmonths > 1 ? mutu_calloc((size_t)nmonths, sizeof *res) : &one;
	rc = sla_month_run_range(db, env, y, m, nmonths, sop, res, &err);
	if (rc == 0)
		save_sums(db, res, 1); /* a range's rows are all on its first month */
	/* what the figures rest on (rejected rows, ...), beside the answer;
	 * the ingest counts are the store's, read once for every month */
	struct rpt_ingest_counts q;
	if (rc == 0 && (rc = rpt_ingest_counts(db, office, &q, &err)) == 0)
		for (int j = 0; j < nmonths; j++)
			rpt_month_quality(res[j], &q);
	store_close(db);
	/* each month's files are written in a writing section (cli.h): a
	 * Ctrl-C stops gnuplot and removes the month's temporary files, or
	 * lets the month finish and stops before the next */
	ro.cancel = cli_stop_flag();
	int sig = 0, done = 0;
	for (int j = 0; rc == 0 && !sig && j < nmonths; j++) {
		cli_write_begin();
		rc = write_month(res[j], &ro, sop, db_path, &err);
		sig = cli_write_end();
		done += rc == 0;
	}
	for (int j = 0; j < nmonths; j++)
		sla_month_free(res[j]);
	if (nmonths > 1)
		free(res);
	sla_env_free(env);
	cal_tz_free(tz);
	if (sig) {
		char what[300];
		int mi = y * 12 + m - 1 + done; /* the month not written (rc) or the next */
		if (rc && rc != MUTU_ECANCEL) /* its own word: the line below says it */
			cli_fail("report", &err);
		if (rc)
			snprintf(what, sizeof what, "nothing of the report for %04d-%02d was written; files at its "
				 "names are as they were%s", mi / 12, mi % 12 + 1,
				 done ? " (the months before it are written whole)" : "");
		else
			snprintf(what, sizeof what, "after the report for %04d-%02d was written: it is whole%s",
				 (mi - 1) / 12, (mi - 1) % 12 + 1,
				 done < nmonths ? "; the later months were not written" : "");
		return cli_stopped("report", sig, what);
	}
	return rc ? cli_fail("report", &err) : 0;
}
