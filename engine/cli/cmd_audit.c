/*
 * cmd_audit.c - `mutu audit`: per case and step, actual against standard,
 * with the flags that show where the office left the SOP, late files
 * first.  With --save the flags are also written to the store (table
 * audit_flags) so reports can filter on them; by default an audit only
 * reads (it works on a read-only store and never takes the write lock).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "mutu/elog.h"
#include "mutu/rpt.h"
#include "mutu/sla.h"
#include "mutu/store.h"

static const char usage_text[] =
	"usage: mutu audit [--db FILE] (--case ID | --sop ID --from DATE --to DATE)\n"
	"                  [--format text|html|csv|json|xlsx] [--lang id|en] [--out FILE]\n"
	"                  [--as-of DATE|TIME] [--late-only] [--save] [--models DIR] [--calendar NAME]\n"
	"                  [--ceiling rounded|exact] [--day-reading net|next-day] [--clock-start N]\n"
	"                  [--tz ZONE] [--deadline-col NAME] [--csv-dialect rfc|excel-id]\n"
	"\n"
	"For each case and step: actual working time against the step's waktu and the\n"
	"deviation, with flags: over standard, missing step, out of SOP order, repeated\n"
	"step (rework), activity not in the SOP, actor other than the SOP's, the same\n"
	"person checking and approving, clock paused at the applicant, case late.\n"
	"A summary counts cases by flag; late cases come first.  A step counts as over\n"
	"its waktu only when the times shown differ (5.4 minutes against 5 is not).\n"
	"A case without a model has no calendar: its times are calendar time, 24 hours\n"
	"a day, and labelled so (waktu kalender / calendar time), never working time.\n"
	"With --save the flags are stored in the store's table audit_flags (replacing\n"
	"earlier ones of the same cases); without it the store is only read.\n"
	"\n"
	"options:\n"
	"  --case ID        one case (its id as in the log)\n"
	"  --sop ID --from DATE --to DATE\n"
	"                   the cases of an SOP that arrived (first event) between the two\n"
	"                   dates, inclusive, in the SOP calendar's zone (YYYY-MM-DD);\n"
	"                   without --sop: the cases of every SOP (and of none).  Cases\n"
	"                   without a model: in the --tz zone, else at the offset written\n"
	"                   on the case's first stamp\n"
	"  --format F       text (default), html, csv, json, xlsx (an Excel workbook:\n"
	"                   summary, cases, steps with start, waiting and processing,\n"
	"                   findings; numbers and dates as Excel values)\n"
	"  --out FILE       write there (default: stdout; html, xlsx: reports/out/audit-...)\n"
	"  --lang L         id (default) or en\n"
	"  --as-of T        the instant open cases are aged to and judged late at: a date\n"
	"                   (YYYY-MM-DD, its 00:00 in the SOP calendar's zone) or a time\n"
	"                   (2025-06-11T16:00, with or without an offset); default: the\n"
	"                   latest event in the store, so an audit is reproducible\n"
	"  --office NAME    only this office's cases (a province store; default: every office)\n"
	"  --csv-dialect D  rfc (default) or excel-id: ';', decimal commas, a UTF-8 BOM\n"
	"  --late-only      only the late cases (past their ceiling, or their planned date;\n"
	"                   --case shows its case whatever it is)\n"
	"  --save           write the flags to the store's table audit_flags\n"
	"  --no-store       do not write the flags (the default; kept for old scripts)\n"
	CLI_BUSY_HELP
	"  --tz ZONE        zone of cases without a model: an IANA name (Europe/Amsterdam,\n"
	"                   daylight saving followed), WIB, WITA, WIT, UTC or +02:00\n"
	"  --deadline-col NAME\n"
	"                   the case or event attribute with each case's planned end date\n"
	"                   (default: endDatePlanned, planned_end, due_date, tanggal_target,\n"
	"                   batas_waktu or deadline; matched ignoring case, '_' and 'case:')\n"
	"  (--models, --calendar, --ceiling, --day-reading, --clock-start: as for mutu report)\n";

static int parse_date(const char *s, int64_t *day)
{
	int y, m, d;
	char extra;
	if (!s || strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 || m < 1 || m > 12 ||
	    d < 1 || d > 31)
		return -1;
	*day = cal_days_from_civil(y, m, d);
	int y2, m2, d2;
	cal_civil_from_days(*day, &y2, &m2, &d2);
	return (y2 == y && m2 == m && d2 == d) ? 0 : -1;
}

/* Write what is buffered.  Text output is for people and terminals: the
 * log's case ids, activities and names in it have their control
 * characters escaped (an ESC sequence in a log must not reach a
 * terminal); html, csv and json escape in their own way.  mode: 0 as
 * it is, 1 text, FLUSH_EXCEL_ID (plus FLUSH_BOM on the first write) CSV
 * rewritten for an Indonesian Excel (rpt_csv_excel_id). */
enum { FLUSH_EXCEL_ID = 2, FLUSH_BOM = 4 };

/* The mode of the next flush; the BOM goes with the first one only. */
static int flush_mode(int format, int excel_id, const struct mutu_buf *b, int *written)
{
	if (format == RPT_TEXT)
		return 1;
	if (format != RPT_CSV || !excel_id)
		return 0;
	int bom = !*written && b->len;
	*written |= b->len > 0;
	return FLUSH_EXCEL_ID | (bom ? FLUSH_BOM : 0);
}

static int flush(struct mutu_buf *b, FILE *f, int mode)
{
	struct mutu_buf safe;
	const struct mutu_buf *w = b;
	if (mode & FLUSH_EXCEL_ID) {
		mutu_buf_init(&safe);
		if (b->len)
			rpt_csv_excel_id(b->s, b->len, (mode & FLUSH_BOM) != 0, &safe);
		w = &safe;
	} else if (mode & 1) {
		mutu_buf_init(&safe);
		mutu_buf_put_safe(&safe, b->s);
		w = &safe;
	}
	int bad = w->len && fwrite(w->s, 1, w->len, f) != w->len;
	if (w != b)
		mutu_buf_release(&safe);
	mutu_buf_reset(b);
	return bad ? -1 : 0;
}

/* One audit run, passed from stage to stage: the options as given, what
 * they were parsed into, and what is open (freed by audit_release). */
struct audit_run {
	/* options */
	const char *db_path, *case_key, *sop, *from, *to, *out, *as_of, *office, *deadline_col;
	int no_store, late_only, excel_id, busy_ms;
	int64_t d0, d1;             /* --from/--to as days */
	enum rpt_lang rl;
	enum rpt_format rf;
	struct sla_opts so;
	const char *assets_dir;
	char out_buf[4096];         /* the default --out path, when out points here */
	/* open while the audit runs */
	struct mutu_store *db;
	struct sla_env *env;
	struct mutu_out mo;
	FILE *f;
	int fmode;                  /* flush_mode's state: the BOM went out */
	/* the instant open cases are aged to */
	double latest;
	int latest_off, as_of_off, as_of_seen;
	char as_of_label[16];       /* the zone's name when as_of_off is the calendar's (title) */
	size_t skipped;
	int skip_code;           /* the last skipped case's MUTU_E* code */
};

/* Stage 1, the command line: every option parsed and checked before
 * anything is opened, so bad usage exits 2 with nothing written.
 * Returns 0 to go on, -1 after --help (exit 0), else the exit code.
 * *tzp receives the --tz zone (cmd_audit frees it on every path). */
static int audit_args(struct audit_run *ar, int argc, char **argv, struct cal_tz **tzp)
{
	const char *format = NULL, *lang = NULL, *models = NULL, *calendar = NULL;
	const char *ceiling = NULL, *reading = NULL, *clock_start = NULL, *assets = NULL;
	const char *busy = NULL, *tz_name = NULL, *dialect = NULL;
	int save = 0;
	ar->db_path = "mutu.db";
	const struct cli_opt opts[] = {
		{"csv-dialect", 0, 1, &dialect, NULL, NULL},
		{"save", 0, 0, NULL, &save, NULL},
		{"late-only", 0, 0, NULL, &ar->late_only, NULL},
		{"tz", 0, 1, &tz_name, NULL, NULL},
		{"deadline-col", 0, 1, &ar->deadline_col, NULL, NULL},
		{"db", 0, 1, &ar->db_path, NULL, NULL},
		{"case", 0, 1, &ar->case_key, NULL, NULL},
		{"sop", 0, 1, &ar->sop, NULL, NULL},
		{"from", 0, 1, &ar->from, NULL, NULL},
		{"to", 0, 1, &ar->to, NULL, NULL},
		{"format", 0, 1, &format, NULL, NULL},
		{"lang", 0, 1, &lang, NULL, NULL},
		{"out", 'o', 1, &ar->out, NULL, NULL},
		{"no-store", 0, 0, NULL, &ar->no_store, NULL},
		{"as-of", 0, 1, &ar->as_of, NULL, NULL},
		{"models", 0, 1, &models, NULL, NULL},
		{"calendar", 0, 1, &calendar, NULL, NULL},
		{"ceiling", 0, 1, &ceiling, NULL, NULL},
		{"day-reading", 0, 1, &reading, NULL, NULL},
		{"clock-start", 0, 1, &clock_start, NULL, NULL},
		{"assets", 0, 1, &assets, NULL, NULL},
		{"busy-timeout", 0, 1, &busy, NULL, NULL},
		{"office", 0, 1, &ar->office, NULL, NULL},
		{NULL, 0, 0, NULL, NULL, NULL},
	};
	const char *pos[1];
	int npos = 0, help = 0;
	int rc = cli_parse("audit", argc, argv, opts, pos, 0, &npos, &help);
	if (rc)
		return rc;
	if (help) {
		fputs(usage_text, stdout);
		return -1;
	}
	if (save && ar->no_store)
		return cli_usage("audit", "give --save or --no-store, not both");
	if (dialect && strcmp(dialect, "excel-id") != 0 && strcmp(dialect, "rfc") != 0)
		return cli_usage("audit", "--csv-dialect must be rfc or excel-id (got '%s')", dialect);
	/* how flush writes: text made terminal-safe, CSV maybe for Excel */
	ar->excel_id = dialect && strcmp(dialect, "excel-id") == 0;
	ar->no_store = !save; /* the store is written only when asked */
	if (cli_busy_timeout("audit", busy, &ar->busy_ms))
		return 2;
	const char *case_key = ar->case_key, *from = ar->from, *to = ar->to;
	if (case_key && (ar->sop || from || to))
		return cli_usage("audit", "give either --case ID or --sop ID --from DATE --to DATE, not both");
	if (!case_key && !(from && to))
		return cli_usage("audit", "give --case ID, or --sop ID with --from DATE and --to DATE");
	if (!case_key) {
		if (parse_date(from, &ar->d0))
			return cli_usage("audit", "--from must be a date YYYY-MM-DD (got '%s')", from);
		if (parse_date(to, &ar->d1))
			return cli_usage("audit", "--to must be a date YYYY-MM-DD (got '%s')", to);
		if (ar->d1 < ar->d0)
			return cli_usage("audit", "--to (%s) is before --from (%s)", to, from);
	}
	ar->rl = RPT_ID;
	ar->rf = RPT_TEXT;
	if (lang) {
		int l = rpt_lang_parse(lang);
		if (l < 0)
			return cli_usage("audit", "--lang must be 'id' or 'en' (got '%s')", lang);
		ar->rl = (enum rpt_lang)l;
	}
	if (format) {
		int f = rpt_format_parse(format);
		if (f < 0 || f == RPT_MD)
			return cli_usage("audit", "--format must be text, html, csv, json or xlsx (got '%s')", format);
		ar->rf = (enum rpt_format)f;
	}
	sla_opts_init(&ar->so);
	if ((rc = cli_sla_opts("audit", ceiling, reading, clock_start, models, calendar, &ar->so)))
		return rc;
	const char *dcol = ar->deadline_col;
	if (dcol && (!*dcol || strlen(dcol) > 100))
		return cli_usage("audit", "--deadline-col must name an attribute (1-100 characters, got '%s')", dcol);
	ar->so.deadline_col = dcol;
	struct cal_tz *tz = NULL;
	{
		struct mutu_err e0;
		mutu_err_clear(&e0);
		if (tz_name && cal_tz_load(tz_name, NULL, &tz, &e0))
			return cli_usage("audit", "--tz: %s", e0.msg);
	}
	ar->so.tz = tz;
	*tzp = tz;
	ar->assets_dir = cli_assets_dir(assets);
	if (ar->rf == RPT_XLSX && ar->out && strcmp(ar->out, "-") == 0)
		return cli_usage("audit", "an Excel workbook cannot go to standard output: give --out FILE.xlsx");
	/* html and xlsx are files: without --out, a name under <assets>/out
	 * made from what is audited (only [A-Za-z0-9-] of the ids) */
	if (!ar->out && (ar->rf == RPT_HTML || ar->rf == RPT_XLSX)) {
		char name[160];
		size_t k = 0;
		const char *src = case_key ? case_key : (ar->sop ? ar->sop : "all");
		for (const char *p = src; *p && k + 1 < sizeof name; p++)
			name[k++] = ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-')
					    ? *p : '_';
		name[k] = '\0';
		const char *ext = ar->rf == RPT_XLSX ? "xlsx" : "html";
		if (case_key)
			snprintf(ar->out_buf, sizeof ar->out_buf, "%s/out/audit-case-%s.%s", ar->assets_dir, name, ext);
		else
			snprintf(ar->out_buf, sizeof ar->out_buf, "%s/out/audit-%s-%s-%s.%s", ar->assets_dir, name, from,
				 to, ext);
		ar->out = ar->out_buf;
	}
	return 0;
}

/* Stage 2, the store and the output: open the store (read-only unless
 * --save), check the SOPs and the --as-of before anything is written,
 * find the instant open cases are aged to, and open --out through the
 * atomic writer.  Returns 0 or the exit code (the message printed). */
static int audit_open(struct audit_run *ar, struct mutu_err *err)
{
	/* the flags go to the store only with --save: else a read-only store will do */
	if (store_open_cancel(ar->db_path, ar->no_store ? STORE_READ : STORE_WRITE, ar->busy_ms, cli_stop_flag(),
			      &ar->db, err))
		return err->code == MUTU_ECANCEL ? 1 : cli_fail("audit", err); /* a Ctrl-C: said by audit() */
	if (store_set_office(ar->db, ar->office, err) || store_office_check(ar->db, ar->office, err))
		return cli_fail("audit", err);
	if (ar->as_of) {
		double t;
		if (cal_parse_iso(ar->as_of, 0, &t, NULL, NULL) != 0)
			return cli_usage("audit", "--as-of must be a date YYYY-MM-DD or a time YYYY-MM-DDTHH:MM[:SS][+HH:MM] (got '%s')",
					 ar->as_of);
	}
	ar->env = sla_env_create(&ar->so);
	/* bad --calendar / --clock-start, and an SOP no case names, are bad
	 * input: exit 2 before anything is written */
	if (sla_env_check(ar->env, ar->db, ar->case_key ? NULL : ar->sop, 0, 0, NULL, err))
		return cli_fail("audit", err);
	/* the instant open cases are aged to: given, else the latest event of
	 * the audited SOP's cases (the case's SOP for --case; the whole store
	 * for all SOPs), shown at the offset the log wrote with it (never
	 * today's date: the same store gives the same audit) */
	ar->latest = NAN;
	ar->latest_off = SLA_OFF_NONE;
	if (!ar->as_of &&
	    sla_store_latest_of(ar->db, ar->case_key ? NULL : ar->sop, ar->case_key, &ar->latest, &ar->latest_off, err) &&
	    err->code != MUTU_ENOTFOUND)
		return cli_fail("audit", err);
	mutu_err_clear(err);
	if (!ar->no_store && sla_flags_schema(ar->db, err))
		return cli_fail("audit", err);
	/* --out goes through the atomic writer: the file appears complete
	 * or not at all (a missing model half-way leaves nothing behind) */
	ar->f = stdout;
	if (ar->out) {
		if (ar->out == ar->out_buf) {
			char dir[4096];
			snprintf(dir, sizeof dir, "%s/out", ar->assets_dir);
			if (rpt_mkdirs(dir, err))
				return cli_fail("audit", err);
		}
		if (mutu_out_open(&ar->mo, ar->out, err))
			return cli_fail("audit", err);
		ar->f = ar->mo.f;
	}
	return 0;
}

/* Does a case of a period audit belong to it?  Its arrival (first stamp)
 * must fall on a local day from --from to --to, the day cut by the SOP's
 * zone rule as the monthly report cuts it.  A case with no stamp never. */
static int audit_in_period(const struct audit_run *ar, const struct sla_sop *s, const struct sla_case_in *in)
{
	int off = cal_utc_offset(s->cal), first_off = SLA_OFF_NONE;
	double first = NAN;
	for (size_t i = 0; i < in->nev; i++) {
		int st = !isnan(in->ev[i].start);
		double k = st ? in->ev[i].start : in->ev[i].end;
		if (!isnan(k) && (isnan(first) || k < first)) {
			first = k;
			first_off = st ? in->ev[i].start_off : in->ev[i].end_off;
		}
	}
	if (isnan(first))
		return 0;
	/* the arrival's local day, under the SOP's zone rule */
	if (s->zone_rule == SLA_ZONE_TZ)
		off = cal_tz_offset(s->tz, first);
	else if (s->zone_rule == SLA_ZONE_STAMPS)
		off = first_off == SLA_OFF_NONE ? 0 : first_off;
	int64_t day = (int64_t)floor((first + off) / 86400.0);
	return day >= ar->d0 && day <= ar->d1;
}

/* Stage 3, the cases: read them in one transaction (with --save the flags
 * of every case commit together; else one snapshot while ingests
 * commit), compute each against its SOP, hand it to the renderer and
 * write what it made at once (a long audit streams).  A case that cannot
 * be computed is skipped with its reason on stderr.  Returns 0 or a
 * MUTU_E* code with err set. */
static int audit_cases(struct audit_run *ar, struct rpt_audit *a, struct mutu_buf *b, struct mutu_err *err)
{
	struct sla_reader *r = NULL;
	int rc = ar->no_store ? store_begin_read(ar->db, err) : store_begin_write(ar->db, "storing the audit flags", err);
	int in_tx = rc == 0;
	/* a period reads only the cases whose span can reach it: a day's
	 * margin each side covers every zone's local day (UTC-12..+14); the
	 * arrival day (audit_in_period) decides exactly */
	if (rc == 0)
		rc = ar->case_key ? sla_reader_open_ex(ar->db, NULL, ar->case_key, ar->deadline_col, &r, err)
				  : sla_reader_open_period(ar->db, ar->sop, (double)(ar->d0 - 1) * 86400.0,
							   (double)(ar->d1 + 2) * 86400.0, ar->deadline_col, &r, err);
	struct sla_case_in in;
	while (rc == 0 && (rc = sla_reader_next(r, &in, err)) == 1) {
		rc = 0;
		/* Ctrl-C / SIGTERM (a writing section, cli.h): stop between
		 * cases; the flags roll back and --out is removed below */
		if (atomic_load(cli_stop_flag())) {
			rc = mutu_errf(err, MUTU_ECANCEL, "stopped between cases");
			break;
		}
		const struct sla_sop *s = NULL;
		if (sla_env_get(ar->env, in.sop, &s, err)) {
			rc = err->code;
			break;
		}
		if (!ar->case_key && !audit_in_period(ar, s, &in))
			continue;
		struct sla_case c;
		struct mutu_err e2;
		mutu_err_clear(&e2);
		double target = sla_case_target(s, &in);
		double t_as_of = ar->latest;
		if (ar->as_of && cal_parse_iso(ar->as_of, cal_utc_offset(s->cal), &t_as_of, NULL, NULL) != 0)
			t_as_of = NAN;
		if (!ar->as_of_seen) {
			/* a modelled SOP on the office's clock, as the audit's times */
			ar->as_of_off = !ar->as_of && !s->model && ar->latest_off != SLA_OFF_NONE
						? ar->latest_off : cal_utc_offset(s->cal);
			ar->as_of_seen = 1;
			/* as the audit names the zone beside its times (local_time) */
			if (s->model && ar->as_of_off == cal_utc_offset(s->cal))
				snprintf(ar->as_of_label, sizeof ar->as_of_label, "%s", cal_zone_label(s->cal));
		}
		if (sla_case_compute(s, in.case_id, in.key, in.ev, in.nev, target, &c, &e2) ||
		    (!isnan(t_as_of) && sla_case_as_of(&c, t_as_of, &e2))) {
			fputs("mutu audit: skipped: ", stderr);
			cli_print_safe(stderr, e2.msg);
			fputc('\n', stderr);
			ar->skipped++;
			ar->skip_code = e2.code ? e2.code : MUTU_EFAIL;
			sla_case_release(&c);
			continue;
		}
		c.target_name = in.target_name;
		/* a province store read whole: each case says whose it is */
		c.office = ar->office ? NULL : in.office;
		/* --save stores every audited case's flags; --late-only only
		 * narrows what is shown */
		if (!ar->late_only || ar->case_key || (c.flags & SLA_F_LATE))
			rpt_audit_case(a, &c, b);
		if (!ar->no_store && sla_store_flags(ar->db, &c, err))
			rc = err->code;
		sla_case_release(&c);
		if (flush(b, ar->f, flush_mode(ar->rf, ar->excel_id, b, &ar->fmode))) {
			mutu_errf(err, MUTU_EFAIL, "write error on %s", ar->out ? ar->out : "stdout");
			rc = MUTU_EFAIL;
		}
	}
	sla_reader_free(r); /* its statements end before the commit */
	if (rc == 0 && in_tx && !ar->no_store && store_commit(ar->db, err))
		rc = MUTU_EFAIL;
	else if (in_tx)
		store_rollback(ar->db);
	return rc;
}

/* The audit's title: what was audited and the as-of instant, in the
 * local form of the audit's own times ("per 28 Mei 2025 10:00 WIB"). */
static void audit_title(const struct audit_run *ar, char *title, size_t n)
{
	enum rpt_lang rl = ar->rl;
	char when[64] = "";
	double t_title = ar->latest;
	if (ar->as_of)
		cal_parse_iso(ar->as_of, ar->as_of_off, &t_title, NULL, NULL);
	if (!isnan(t_title)) {
		struct mutu_buf wb;
		mutu_buf_init(&wb);
		rpt_fmt_local(&wb, t_title, ar->as_of_off, ar->as_of_label, rl);
		snprintf(when, sizeof when, "%s", wb.s ? wb.s : "");
		mutu_buf_release(&wb);
	}
	if (ar->case_key)
		snprintf(title, n, "%s %s", rl == RPT_EN ? "case" : "kasus", ar->case_key);
	else
		snprintf(title, n, "SOP %s, %s .. %s", ar->sop ? ar->sop : (rl == RPT_EN ? "(all)" : "(semua)"), ar->from,
			 ar->to);
	if (when[0]) {
		size_t tl = strlen(title);
		snprintf(title + tl, n - tl, "; %s %s", rl == RPT_EN ? "as of" : "per", when);
	}
}

/* Close what audit_open opened; the output is committed only when the
 * audit succeeded (rc 0), else the temporary file is removed. */
static int audit_release(struct audit_run *ar, int rc, struct mutu_err *err)
{
	sla_env_free(ar->env);
	store_close(ar->db);
	if (ar->out && ar->mo.f && rc == 0 && mutu_out_commit(&ar->mo, err))
		rc = MUTU_EFAIL;
	else if (ar->out && ar->mo.f)
		mutu_out_abort(&ar->mo);
	return rc;
}

/* The audit, stage by stage: the command line, the store and output, the
 * cases, then the summary and title.  *tzp receives the --tz zone, which
 * cmd_audit frees on every path. */
static int audit(int argc, char **argv, struct cal_tz **tzp)
{
	struct audit_run ar;
	memset(&ar, 0, sizeof ar);
	int rc = audit_args(&ar, argc, argv, tzp);
	if (rc)
		return rc < 0 ? 0 : rc;
	struct mutu_err err;
	mutu_err_clear(&err);
	/* from the temporary --out file and the flags' transaction to their
	 * commit: a signal is noted, seen between cases (audit_cases) */
	cli_write_begin();
	if ((rc = audit_open(&ar, &err))) {
		audit_release(&ar, rc, &err);
		int sig = cli_write_end();
		return sig ? cli_stopped("audit", sig, "nothing was written") : rc;
	}
	struct rpt_audit *a = ar.rf == RPT_XLSX ? rpt_audit_create_xlsx(ar.rl, ar.mo.tmp)
						: rpt_audit_create(ar.rf, ar.rl, ar.assets_dir);
	struct mutu_buf b;
	mutu_buf_init(&b);
	rc = audit_cases(&ar, a, &b, &err);
	if (rc == 0 && rpt_audit_cases(a) == 0 && ar.case_key && ar.skipped) {
		/* the case is in the store but could not be measured (a year
		 * past the calendar's): the reason is printed above; "no case"
		 * sent the user looking for a case the store holds */
		mutu_errf(&err, ar.skip_code, "case '%s' not audited: it cannot be measured (the reason above)",
			  ar.case_key);
		rc = ar.skip_code;
	} else if (rc == 0 && rpt_audit_cases(a) == 0 && ar.case_key) {
		mutu_errf(&err, MUTU_ENOTFOUND, "no case '%s' in %s ('mutu db info' shows what the store holds)",
			  ar.case_key, ar.db_path);
		rc = MUTU_ENOTFOUND;
	}
	if (rc == 0) {
		char title[512];
		audit_title(&ar, title, sizeof title);
		rpt_audit_end(a, title, &b);
		if (flush(&b, ar.f, flush_mode(ar.rf, ar.excel_id, &b, &ar.fmode))) {
			mutu_errf(&err, MUTU_EFAIL, "write error on %s", ar.out ? ar.out : "stdout");
			rc = MUTU_EFAIL;
		}
		if (rc == 0 && rpt_audit_status(a, &err)) /* the workbook, written at the end */
			rc = MUTU_EFAIL;
	}
	mutu_buf_release(&b);
	rpt_audit_free(a);
	rc = audit_release(&ar, rc, &err);
	int sig = cli_write_end();
	if (sig && rc)
		return cli_stopped("audit", sig, ar.out ? "nothing was written: the --out file and the store's flags "
							  "are as they were"
							: "the store's flags are as they were");
	if (rc)
		return cli_fail("audit", &err);
	if (ar.out)
		fprintf(stderr, "audit: %s\n", ar.out);
	if (ar.skipped)
		fprintf(stderr, "mutu audit: %zu case(s) skipped (see above)\n", ar.skipped);
	if (sig)
		return cli_stopped("audit", sig, "after the audit was written: it is whole");
	return 0;
}

int cmd_audit(int argc, char **argv)
{
	struct cal_tz *tz = NULL;
	int rc = audit(argc, argv, &tz);
	cal_tz_free(tz);
	return rc;
}
