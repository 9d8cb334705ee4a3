/*
 * cmd_sim.c - `mutu sim`: run a staffing scenario (and optionally compare
 * it with another under common random numbers), print the results as
 * text, JSON or CSV, and optionally write the simulated event log.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "mutu/cal.h"
#include "mutu/elog.h"
#include "mutu/store.h"
#include "mutu/fc.h"
#include "mutu/rpt.h"
#include "mutu/sim.h"

static const char usage_text[] =
	"usage: mutu sim SCENARIO.ini [--compare OTHER.ini] [--replications N] [--seed S]\n"
	"                [--threads N] [--format text|json|csv|xlsx] [--out FILE]\n"
	"                [--emit-log FILE.csv]\n"
	"                [--report DIR] [--lang id|en] [--force] [--by month|week]\n"
	"                [--from-db DB [--as-of DATE|TIME]]\n"
	"\n"
	"Simulate a staffing scenario: files flow through the SOP steps, queue for\n"
	"the staff of each pelaksana (shared across SOPs), are served in working time\n"
	"on the scenario's calendar, and may go back to the applicant.  Results are\n"
	"means with 95% confidence intervals across replications: permits finished,\n"
	"share within the SOP ceiling, lead time (mean, median, p90, p95), waiting and\n"
	"service per step, utilisation and queues per pelaksana, work in progress.\n"
	"Lead time is given in working time and in calendar days (arrival to finish\n"
	"on the wall calendar).\n"
	"\n"
	"  --compare OTHER.ini   run OTHER with the same seed and replications (common\n"
	"                        random numbers) and report the paired differences;\n"
	"                        the calendars may differ (Ramadan hours against none):\n"
	"                        the same files arrive on the same working days\n"
	"  --by month|week       also every figure per calendar month (or ISO week) of\n"
	"                        the run, cut at local midnight: arrivals by the date\n"
	"                        they came; finished, within the SOP ceiling (count and\n"
	"                        share), lead time mean/median/p90 by the date they\n"
	"                        finished; waiting and service per step\n"
	"  --replications N      replications (default: the scenario's [run] value)\n"
	"  --seed S              seed (default: the scenario's); printed in the output\n"
	"  --threads N           worker threads (default: every core); results do not\n"
	"                        depend on it\n"
	"  --format F            text (Indonesian, default), json (times in minutes), csv,\n"
	"                        or xlsx: an Excel workbook (needs --out FILE.xlsx):\n"
	"                        Ringkasan (headline figures: mean and 95% bounds as\n"
	"                        numbers, times in working minutes, and a display\n"
	"                        column), one sheet per SOP with its steps, Pelaksana,\n"
	"                        and with --compare the differences B - A with their\n"
	"                        bounds and significance\n"
	"  --out FILE            write the results there instead of stdout (\"-\": stdout)\n"
	"  --emit-log FILE.csv   write replication 1's event log in the canonical ingest\n"
	"                        form case_id,sop,step,activity,actor,start,end,resource\n"
	"                        (resource: the staff member, \"Front Office 2\")\n"
	"                        (FILE.xes or FILE.xes.gz: as XES, what `mutu db export\n"
	"                        --format xes` writes after ingesting that CSV)\n"
	"  --report DIR          also write an HTML report (queues over time, utilisation,\n"
	"                        lead time against the SOP ceiling; both runs side by side\n"
	"                        with --compare) and its charts into DIR; needs gnuplot\n"
	"  --lang L              language of the report and the workbook: id (default) or en\n"
	"  --force               let --emit-log replace an existing file\n"
	"  --from-db DB          start from the files open in the store DB at --as-of\n"
	"                        (default: its latest event of the scenario's SOPs): each\n"
	"                        at its current step with the working time it has used\n"
	"                        (rules: mutu forecast --help); the run starts at that\n"
	"                        instant, as long as the scenario's [run], no warm-up\n"
	"  --as-of T             with --from-db: a date YYYY-MM-DD or a time\n"
	"\n"
	"Scenario keys: README.md, section \"Scenario files\".  Examples: models/scenarios/.\n";

static void progress(void *ctx, int done, int total)
{
	const char *tag = ctx;
	fprintf(stderr, "\rmutu sim: %s replication %d/%d", tag, done, total);
	if (done == total)
		fputc('\n', stderr);
	fflush(stderr);
}

/*
 * --emit-log FILE.xes[.gz]: the canonical CSV log goes through a private
 * temporary store (ingest, then export), so the XES holds exactly what
 * `mutu ingest` of the CSV would store and one writer (elog_export) makes
 * every XES mutu writes.  The temporary folder is removed either way.
 */
static int emit_xes(const struct sim_scenario *sc, uint64_t seed, const char *path, int gz,
		    struct mutu_err *err)
{
	const char *tmp = getenv("TMPDIR");
	char dir[4096], csv[4200], db[4200], side[4300], models[4096];
	snprintf(dir, sizeof dir, "%s/mutu-sim-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		return mutu_errf(err, MUTU_EFAIL, "cannot make a temporary folder %s: %s", dir,
				 strerror(errno));
	snprintf(csv, sizeof csv, "%s/log.csv", dir);
	snprintf(db, sizeof db, "%s/log.db", dir);
	int rc = 0;
	FILE *f = fopen(csv, "wx");
	if (!f)
		rc = mutu_errf(err, MUTU_EFAIL, "cannot write %s: %s", csv, strerror(errno));
	if (!rc) {
		rc = sim_write_log(sc, seed, 0, f, err);
		if (fclose(f) != 0 && !rc)
			rc = mutu_errf(err, MUTU_EFAIL, "cannot write %s", csv);
	}
	struct elog_result ir;
	elog_result_init(&ir);
	if (!rc) {
		struct elog_opts io;
		elog_opts_init(&io);
		io.cancel = cli_stop_flag(); /* a Ctrl-C stops it: the folder is removed below */
		io.models_dir = cli_data_path("models", models, sizeof models);
		io.calendars_dir = cli_calendars_dir();
		rc = elog_ingest(db, csv, &io, &ir, err);
		/* the simulator writes every row in the form ingest reads: a
		 * rejected row is a bug, not something to pass on silently */
		if (!rc && ir.rejected)
			rc = mutu_errf(err, MUTU_EFAIL, "internal: %llu simulated rows were rejected by the "
				       "ingest (%s)", (unsigned long long)ir.rejected,
				       ir.nreasons ? ir.reasons[0].reason : "?");
	}
	elog_result_release(&ir);
	struct mutu_store *h = NULL;
	if (!rc)
		rc = store_open(db, STORE_READ, 0, &h, err);
	if (!rc) {
		struct elog_export_opts eo;
		elog_export_opts_init(&eo);
		eo.format = ELOG_EXPORT_XES;
		eo.gzip = gz;
		struct elog_export_result er;
		struct mutu_out out;
		rc = mutu_out_open(&out, path, err);
		if (!rc) {
			rc = elog_export(h, &eo, out.f, &er, err);
			if (rc)
				mutu_out_abort(&out);
			else
				rc = mutu_out_commit(&out, err);
		}
	}
	store_close(h);
	unlink(csv);
	unlink(db);
	snprintf(side, sizeof side, "%s-wal", db);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", db);
	unlink(side);
	rmdir(dir);
	return rc;
}

/*
 * --from-db: the files open at as-of, placed in a (and b, so a comparison
 * starts both runs from the same desks), and the runs moved to start at
 * as-of for as long as the scenario's [run], within the calendar.
 */
static int sim_from_db(const char *cmd, const char *db, const char *as_of, struct sim_scenario *a,
		       struct sim_scenario *b, struct mutu_err *err)
{
	struct fc_forecast *f = NULL;
	int rc = cli_backlog_read(cmd, db, as_of, 0, a, &f);
	if (rc)
		return rc;
	for (int k = 0; k < 2 && !rc; k++) {
		struct sim_scenario *sc = k ? b : a;
		if (!sc)
			continue;
		double s0, w0, e0, first = -INFINITY, last = INFINITY;
		sim_scenario_window(sc, &s0, &w0, &e0);
		if (sim_scenario_cal(sc))
			cal_range(sim_scenario_cal(sc), &first, &last);
		double end = f->as_of + (e0 - s0);
		if (end > last - 1)
			end = last - 1;
		if (sim_scenario_set_window(sc, f->as_of, f->as_of, end, err) ||
		    fc_forecast_place(f, sc, err))
			rc = cli_fail(cmd, err);
	}
	if (!rc) {
		char t[64];
		cal_format_iso(f->as_of, f->utc_offset, t, sizeof t);
		fprintf(stderr, "mutu sim: %zu open files placed at their steps as of %s\n", f->nfiles, t);
		for (size_t i = 0; i < f->notes.n; i++) {
			fputs("mutu sim: note: ", stderr);
			cli_print_safe(stderr, f->notes.items[i]);
			fputc('\n', stderr);
		}
	}
	fc_forecast_free(f);
	return rc;
}

/* After the --emit-log writing section (cli.h): nonzero when the command
 * stops there, *rc set -- a signal came (said with what was written), or
 * the log failed (lr) */
static int log_done(const char *cmd, int lr, struct mutu_err *err, int *rc)
{
	int sig = cli_write_end();
	if (sig) {
		if (lr && lr != MUTU_ECANCEL)
			cli_fail(cmd, err);
		*rc = cli_stopped(cmd, sig, lr ? "the log was not written; a file at its name is as it was"
					       : "after the log was written: it is whole; the results were not written");
		return 1;
	}
	if (lr) {
		*rc = cli_fail(cmd, err);
		return 1;
	}
	return 0;
}

int cmd_sim(int argc, char **argv)
{
	const char *cmd = "sim";
	const char *compare = NULL, *reps_s = NULL, *seed_s = NULL, *threads_s = NULL;
	const char *format_s = NULL, *log_path = NULL, *report_dir = NULL, *lang_s = NULL;
	const char *by_s = NULL, *out_path = NULL;
	int force = 0, xlsx = 0;
	const char *from_db = NULL, *as_of = NULL;
	const struct cli_opt opts[] = {
		{"from-db", 0, 1, &from_db, NULL, NULL},
		{"as-of", 0, 1, &as_of, NULL, NULL},
		{"compare", 0, 1, &compare, NULL, NULL},
		{"replications", 'n', 1, &reps_s, NULL, NULL},
		{"seed", 0, 1, &seed_s, NULL, NULL},
		{"threads", 'j', 1, &threads_s, NULL, NULL},
		{"format", 'f', 1, &format_s, NULL, NULL},
		{"emit-log", 0, 1, &log_path, NULL, NULL},
		{"report", 0, 1, &report_dir, NULL, NULL},
		{"lang", 0, 1, &lang_s, NULL, NULL},
		{"force", 0, 0, NULL, &force, NULL},
		{"by", 0, 1, &by_s, NULL, NULL},
		{"out", 'o', 1, &out_path, NULL, NULL},
		{NULL, 0, 0, NULL, NULL, NULL},
	};
	const char *pos[1];
	int npos = 0, help = 0;
	if (cli_parse(cmd, argc, argv, opts, pos, 1, &npos, &help))
		return 2;
	if (help) {
		fputs(usage_text, stdout);
		return 0;
	}
	if (npos != 1)
		return cli_usage(cmd, "needs one scenario file");
	if (as_of && !from_db)
		return cli_usage(cmd, "--as-of goes with --from-db DB (the store whose open files start the run)");

	struct sim_options opt = {0};
	if (reps_s && cli_count(cmd, "--replications", reps_s, 1, 1000000, &opt.replications))
		return 2;
	if (threads_s && cli_count(cmd, "--threads", threads_s, 1, 1024, &opt.threads))
		return 2;
	if (seed_s) {
		char *end;
		errno = 0;
		unsigned long long s = strtoull(seed_s, &end, 10);
		if (end == seed_s || *end || errno || seed_s[0] == '-')
			return cli_usage(cmd, "--seed needs a whole number >= 0 (got '%s')", seed_s);
		opt.seed = s;
		opt.has_seed = 1;
	}
	if (by_s) {
		if (!strcmp(by_s, "month"))
			opt.by = SIM_BY_MONTH;
		else if (!strcmp(by_s, "week"))
			opt.by = SIM_BY_WEEK;
		else
			return cli_usage(cmd, "--by is month or week (got '%s')", by_s);
	}
	static const char *const formats[] = {"text", "json", "csv", "xlsx", NULL};
	const enum sim_format fmts[] = {SIM_TEXT, SIM_JSON, SIM_CSV, SIM_TEXT};
	int fk = cli_format(cmd, format_s, formats, 0, out_path);
	if (fk < 0)
		return 2;
	enum sim_format fmt = fmts[fk];
	xlsx = fk == 3;

	int lang = RPT_ID;
	if (lang_s && (lang = rpt_lang_parse(lang_s)) < 0)
		return cli_usage(cmd, "--lang is id or en (got '%s')", lang_s);

	/* refuse before running: an emitted log must not silently replace a
	 * file the user has (a mistyped path could be a model or a scenario) */
	if (log_path && !force && access(log_path, F_OK) == 0)
		return cli_usage(cmd, "--emit-log %s: the file exists; give another name or --force to replace it",
				 log_path);

	struct mutu_err err;
	mutu_err_clear(&err);
	struct sim_scenario *a = NULL, *b = NULL;
	struct sim_results *ra = NULL, *rb = NULL;
	struct sim_diff *diffs = NULL;
	int rc = 0;
	if (sim_scenario_load(pos[0], cli_calendars_dir(), &a, &err)) {
		rc = cli_fail(cmd, &err);
		goto out;
	}
	if (compare && sim_scenario_load(compare, cli_calendars_dir(), &b, &err)) {
		rc = cli_fail(cmd, &err);
		goto out;
	}
	if (from_db && (rc = sim_from_db(cmd, from_db, as_of, a, b, &err)))
		goto out;
	/* a staffing that changes over the run can overload some months while
	 * the run-wide load check passes: say which, and run anyway */
	for (int k = 0; k < 2; k++) {
		const struct sim_scenario *s = k ? b : a;
		if (!s)
			continue;
		struct mutu_notes ov;
		mutu_notes_init(&ov);
		sim_scenario_overload_periods(s, &ov);
		for (size_t i = 0; i < ov.n; i++) {
			fprintf(stderr, "mutu sim: warning: %s: ", k ? compare : pos[0]);
			cli_print_safe(stderr, ov.items[i]);
			fputc('\n', stderr);
		}
		mutu_notes_release(&ov);
	}
	/* both runs share seed and replications: the pairs line up */
	if (!opt.has_seed) {
		opt.seed = sim_scenario_seed(a);
		opt.has_seed = 1;
	}
	if (!opt.replications)
		opt.replications = sim_scenario_replications(a);
	int tty = cli_isatty_stderr();
	if (tty) {
		opt.progress = progress;
		opt.progress_ctx = (void *)(b ? "A" : "");
	}
	if (sim_run(a, &opt, &ra, &err)) {
		rc = cli_fail(cmd, &err);
		goto out;
	}
	if (b) {
		opt.progress_ctx = (void *)"B";
		if (sim_run(b, &opt, &rb, &err) || sim_compare(ra, rb, &diffs, &err)) {
			rc = cli_fail(cmd, &err);
			goto out;
		}
	}
	enum elog_export_format log_fmt;
	int log_gz = 0;
	/* Each file below is written in a writing section (cli.h): a Ctrl-C
	 * there lets the file be finished (or removed, when the library
	 * stops early) and stops the command before the next one. */
	int sig = 0;
	if (log_path && elog_export_format_for(log_path, &log_fmt, &log_gz) &&
	    log_fmt == ELOG_EXPORT_XES) {
		cli_write_begin();
		int lr = emit_xes(a, opt.seed, log_path, log_gz, &err);
		if (log_done(cmd, lr, &err, &rc))
			goto out;
		log_path = NULL; /* written: the CSV writer below has nothing to do */
	}
	if (log_path) {
		/* atomic: a failed or interrupted run leaves no partial log that a
		 * later ingest would read as complete */
		struct mutu_out lo;
		cli_write_begin();
		int lr = mutu_out_open(&lo, log_path, &err);
		if (!lr) {
			lr = sim_write_log(a, opt.seed, 0, lo.f, &err);
			if (lr)
				mutu_out_abort(&lo);
			else
				lr = mutu_out_commit(&lo, &err);
		}
		if (log_done(cmd, lr, &err, &rc))
			goto out;
	}
	struct mutu_buf out;
	mutu_buf_init(&out);
	if (xlsx) {
		struct rpt_opts xo;
		rpt_opts_init(&xo);
		xo.lang = (enum rpt_lang)lang;
		cli_write_begin();
		int xr = rpt_sim_xlsx(a, ra, b, rb, diffs, &xo, out_path, &err);
		sig = cli_write_end();
		if (xr)
			rc = cli_fail(cmd, &err);
		else
			fprintf(stderr, "mutu sim: wrote %s\n", out_path);
		if (sig)
			rc = cli_stopped(cmd, sig, xr ? "nothing was written; a file at its name is as it was"
						      : "after the workbook was written: it is whole");
	} else {
		sim_results_format(a, ra, b, rb, diffs, fmt, &out);
		rc = cli_emit(cmd, out_path, &out, fmt == SIM_TEXT);
	}
	mutu_buf_release(&out);
	if (report_dir && !rc) {
		int hr;
		char models[4096];
		struct rpt_opts ro;
		rpt_opts_init(&ro);
		ro.lang = (enum rpt_lang)lang;
		ro.format = RPT_HTML;
		ro.out_dir = report_dir;
		ro.assets_dir = cli_assets_dir(NULL);
		ro.models_dir = cli_data_path("models", models, sizeof models);
		ro.calendars_dir = cli_calendars_dir();
		ro.source = pos[0];
		ro.cancel = cli_stop_flag();
		struct mutu_notes files;
		mutu_notes_init(&files);
		/* stdout carries the results (maybe JSON): the file list goes to stderr */
		cli_write_begin();
		hr = rpt_sim_html(a, ra, b, rb, diffs, &ro, &files, &err);
		sig = cli_write_end();
		if (hr == MUTU_ECANCEL && sig) {
			rc = 1; /* said below */
		} else if (hr) {
			rc = cli_fail(cmd, &err);
		} else {
			for (size_t i = 0; i < files.n; i++)
				fprintf(stderr, "mutu sim: wrote %s\n", files.items[i]);
		}
		mutu_notes_release(&files);
		if (sig)
			rc = cli_stopped(cmd, sig, hr ? "the HTML report was not written; files at its names are as "
						      "they were"
						    : "after the HTML report was written: it is whole");
	}
	if (tty)
		fprintf(stderr, "mutu sim: %d replications, %llu events in %.2f s on %d threads\n",
			ra->nrep, (unsigned long long)ra->events, ra->wall_seconds, ra->threads);
out:
	free(diffs);
	sim_results_free(ra);
	sim_results_free(rb);
	sim_scenario_free(a);
	sim_scenario_free(b);
	return rc;
}
