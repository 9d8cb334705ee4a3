/*
 * cmd_forecast.c - `mutu forecast`: which of the files open now will be
 * late, and where they are stuck.  Also the backlog that `mutu sim
 * --from-db` starts from (cli_backlog_read), so both read the store the
 * same way.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "mutu/store.h"
#include "mutu/cal.h"
#include "mutu/elog.h"
#include "mutu/fc.h"
#include "mutu/rpt.h"
#include "mutu/sla.h"

static const char usage_text[] =
	"usage: mutu forecast --scenario SCENARIO.ini [--db FILE] [--as-of DATE|TIME]\n"
	"                     [--format text|json|csv|html|xlsx] [--lang id|en] [--out FILE]\n"
	"                     [--replications N] [--seed S] [--threads N] [--busy-timeout MS]\n"
	"\n"
	"Monday morning's question: which of the files open now will finish past the\n"
	"SOP ceiling, and where are they stuck?  Every file of the scenario's SOPs that\n"
	"is open at the as-of instant is placed at its current step (in service since\n"
	"that step's start, or waiting since the previous step ended), with the working\n"
	"time it has used; the scenario then runs forward with new arrivals.  For each\n"
	"open file: SOP, step, pelaksana, age (working time and calendar days), the\n"
	"probability of finishing past the ceiling (and past its planned date when the\n"
	"log has one) and the finish date (median, 10%-90% across replications), highest\n"
	"risk first; and the office's expected share within the ceiling for this\n"
	"calendar month and the next, with 95% intervals.\n"
	"\n"
	"options:\n"
	"  --scenario FILE  the office's scenario (staff, arrival rates, service times)\n"
	"  --db FILE        the store (default mutu.db)\n"
	"  --as-of T        a date (YYYY-MM-DD, its 00:00 in the scenario calendar's zone)\n"
	"                   or a time (2025-06-11T16:00, with or without an offset);\n"
	"                   default: the latest event of the scenario's SOPs in the store\n"
	"  --format F       text (default), json, csv, html, or xlsx: an Excel workbook\n"
	"                   (needs --out FILE.xlsx): Ringkasan (this month and the next,\n"
	"                   with 95% bounds), then the open files by risk with Excel\n"
	"                   dates for the expected finish and its 10%-90% range\n"
	"  --lang L         id (default) or en (text, html and xlsx)\n"
	"  --out FILE       write there (default: stdout)\n"
	"  --replications N 1..100000 (default: the scenario's)\n"
	"  --seed S         seed (default: the scenario's)\n"
	"  --threads N      worker threads (default: every core)\n"
	CLI_BUSY_HELP;

/* Instant of --as-of text in the calendar's zone; NAN when unreadable. */
static double parse_as_of(const char *s, const struct cal *cal)
{
	double t;
	if (cal_parse_iso(s, cal ? cal_utc_offset(cal) : 0, &t, NULL, NULL) != 0)
		return NAN;
	return t;
}

int cli_backlog_read(const char *cmd, const char *db_path, const char *as_of_s, int busy_ms,
		     const struct sim_scenario *sc, struct fc_forecast **out)
{
	*out = NULL;
	double as_of = NAN;
	if (as_of_s && isnan(as_of = parse_as_of(as_of_s, sim_scenario_cal(sc))))
		return cli_usage(cmd, "--as-of must be a date YYYY-MM-DD or a time "
				      "YYYY-MM-DDTHH:MM[:SS][+HH:MM] (got '%s')", as_of_s);
	struct mutu_err err;
	mutu_err_clear(&err);
	struct mutu_store *db = NULL;
	/* one snapshot: the latest instant and the open files agree */
	if (store_open(db_path, STORE_READ, busy_ms, &db, &err) || store_begin_read(db, &err)) {
		store_close(db);
		return cli_fail(cmd, &err);
	}
	if (!as_of_s) {
		/* the latest event of the scenario's SOPs: another office's
		 * later data in the same store does not move this one's "now" */
		for (size_t s = 0; s < sim_scenario_nsops(sc); s++) {
			double t = NAN;
			if (sla_store_latest_of(db, sim_scenario_sop_id(sc, s), NULL, &t, NULL, &err)) {
				if (err.code != MUTU_ENOTFOUND) {
					store_close(db);
					return cli_fail(cmd, &err);
				}
				mutu_err_clear(&err);
				continue;
			}
			if (isnan(as_of) || t > as_of)
				as_of = t;
		}
		if (isnan(as_of)) {
			store_close(db);
			mutu_errf(&err, MUTU_ENOTFOUND, "%s holds no event of the scenario's SOPs: ingest "
				  "their log first, or give --as-of", db_path);
			return cli_fail(cmd, &err);
		}
	}
	struct sla_opts so;
	sla_opts_init(&so);
	int rc = cli_sla_opts(cmd, NULL, NULL, NULL, NULL, NULL, &so);
	if (rc) {
		store_close(db);
		return rc;
	}
	struct sla_env *env = sla_env_create(&so);
	if (fc_forecast_read(db, env, sc, as_of, out, &err))
		rc = cli_fail(cmd, &err);
	sla_env_free(env);
	store_close(db);
	return rc;
}

int cmd_forecast(int argc, char **argv)
{
	const char *cmd = "forecast";
	const char *db_path = "mutu.db", *scen = NULL, *as_of = NULL, *format = NULL, *lang = NULL;
	const char *out = NULL, *reps_s = NULL, *seed_s = NULL, *threads_s = NULL, *busy = NULL;
	const struct cli_opt opts[] = {
		{"db", 0, 1, &db_path, NULL, NULL},
		{"scenario", 0, 1, &scen, NULL, NULL},
		{"as-of", 0, 1, &as_of, NULL, NULL},
		{"format", 'f', 1, &format, NULL, NULL},
		{"lang", 0, 1, &lang, NULL, NULL},
		{"out", 'o', 1, &out, NULL, NULL},
		{"replications", 'n', 1, &reps_s, NULL, NULL},
		{"seed", 0, 1, &seed_s, NULL, NULL},
		{"threads", 'j', 1, &threads_s, NULL, NULL},
		{"busy-timeout", 0, 1, &busy, NULL, NULL},
		{NULL, 0, 0, NULL, NULL, NULL},
	};
	const char *pos[1];
	int npos = 0, help = 0;
	if (cli_parse(cmd, argc, argv, opts, pos, 0, &npos, &help))
		return 2;
	if (help) {
		fputs(usage_text, stdout);
		return 0;
	}
	if (!scen)
		return cli_usage(cmd, "needs --scenario SCENARIO.ini (the office's staff and rates)");
	static const char *const formats[] = {"text", "json", "csv", "html", "xlsx", NULL};
	const enum fc_format fmts[] = {FC_TEXT, FC_JSON, FC_CSV, FC_HTML, FC_TEXT};
	int fk = cli_format(cmd, format, formats, 0, out);
	if (fk < 0)
		return 2;
	enum fc_format fmt = fmts[fk];
	int xlsx = fk == 4;
	int en = 0;
	if (lang) {
		if (!strcmp(lang, "en"))
			en = 1;
		else if (strcmp(lang, "id"))
			return cli_usage(cmd, "--lang is id or en (got '%s')", lang);
	}
	struct sim_options opt = {0};
	if (reps_s && cli_count(cmd, "--replications", reps_s, 1, 100000, &opt.replications))
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
	int busy_ms = 0;
	if (cli_busy_timeout(cmd, busy, &busy_ms))
		return 2;

	struct mutu_err err;
	mutu_err_clear(&err);
	struct sim_scenario *sc = NULL;
	if (sim_scenario_load(scen, cli_calendars_dir(), &sc, &err))
		return cli_fail(cmd, &err);
	struct fc_forecast *f = NULL;
	int rc = cli_backlog_read(cmd, db_path, as_of, busy_ms, sc, &f);
	if (!rc && fc_forecast_run(f, sc, &opt, &err))
		rc = cli_fail(cmd, &err);
	if (!rc && xlsx) {
		struct rpt_opts xo;
		rpt_opts_init(&xo);
		xo.lang = en ? RPT_EN : RPT_ID;
		cli_write_begin(); /* cli.h: a Ctrl-C meanwhile comes after it */
		int xr = rpt_forecast_xlsx(f, sc, &xo, out, &err);
		int sig = cli_write_end();
		if (xr)
			rc = cli_fail(cmd, &err);
		else
			fprintf(stderr, "mutu forecast: wrote %s\n", out);
		if (sig)
			rc = cli_stopped(cmd, sig, xr ? "nothing was written" : "after the workbook was written: it is whole");
	} else if (!rc) {
		struct mutu_buf b;
		mutu_buf_init(&b);
		fc_forecast_format(f, sc, fmt, en, &b);
		rc = cli_emit(cmd, out, &b, fmt == FC_TEXT);
		mutu_buf_release(&b);
	}
	fc_forecast_free(f);
	sim_scenario_free(sc);
	return rc;
}
