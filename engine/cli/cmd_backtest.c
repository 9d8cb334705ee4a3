/*
 * cmd_backtest.c - `mutu backtest`: simulate a scenario and lay it beside
 * what the store's event log shows, month by month, for one SOP (bt.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "mutu/bt.h"
#include "mutu/store.h"
#include "mutu/elog.h"
#include "mutu/rpt.h"
#include "mutu/sim.h"

static const char usage_text[] =
	"usage: mutu backtest SCENARIO.ini --sop ID [--db FILE] [--from YYYY-MM] [--to YYYY-MM]\n"
	"                     [--replications N] [--seed S] [--threads N]\n"
	"                     [--format text|json|xlsx] [--out FILE] [--lang id|en] [--busy-timeout MS]\n"
	"\n"
	"Simulate the scenario over its run (replications, per calendar month) and lay\n"
	"it beside what the log in the store shows for SOP ID, month by month: files\n"
	"arrived, files finished, share finished within the SOP ceiling, median and p90\n"
	"lead time, and per step the mean waiting and service, all in working time on\n"
	"the scenario's calendar.  Each row says whether the observed value lies inside\n"
	"the simulated 95% range (the middle 95% of the replications: where one real\n"
	"month could fall if the scenario were true); a summary line counts them.\n"
	"\n"
	"  --sop ID              the SOP to compare (an [sop ID] of the scenario)\n"
	"  --db FILE             the store (default mutu.db)\n"
	"  --from M, --to M      first and last month compared (YYYY-MM, inclusive;\n"
	"                        default: every month of the scenario's observed run)\n"
	"  --replications N      replications (default: the scenario's, at least 100:\n"
	"                        the range's ends are quantiles across replications)\n"
	"  --seed S              seed (default: the scenario's)\n"
	"  --threads N           worker threads (default: every core)\n"
	"  --format F            text (default) or json (times in working minutes;\n"
	"                        summary.inside, summary.rows), or xlsx: an Excel\n"
	"                        workbook (needs --out FILE.xlsx), Ringkasan then one\n"
	"                        row per month x measure with numbers and month dates\n"
	"  --out FILE            write there instead of stdout (\"-\": stdout)\n"
	"  --lang L              text and workbook in id (default) or en\n"
	CLI_BUSY_HELP
	"\n"
	"Exit status: 0 done (whatever the share inside), 1 failure, 2 bad usage or input.\n";

int cmd_backtest(int argc, char **argv)
{
	const char *cmd = "backtest";
	const char *db_path = "mutu.db", *sop = NULL, *from = NULL, *to = NULL, *reps_s = NULL;
	const char *seed_s = NULL, *threads_s = NULL, *format_s = NULL, *lang_s = NULL, *busy = NULL;
	const char *out_path = NULL;
	int xlsx = 0;
	const struct cli_opt opts[] = {
		{"db", 0, 1, &db_path, NULL, NULL},
		{"sop", 0, 1, &sop, NULL, NULL},
		{"from", 0, 1, &from, NULL, NULL},
		{"to", 0, 1, &to, NULL, NULL},
		{"replications", 'n', 1, &reps_s, NULL, NULL},
		{"seed", 0, 1, &seed_s, NULL, NULL},
		{"threads", 'j', 1, &threads_s, NULL, NULL},
		{"format", 'f', 1, &format_s, NULL, NULL},
		{"lang", 0, 1, &lang_s, NULL, NULL},
		{"busy-timeout", 0, 1, &busy, NULL, NULL},
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
	if (!sop)
		return cli_usage(cmd, "needs --sop ID (the SOP of the scenario to compare with the log)");
	struct bt_opts o = {.sop_id = sop, .from = from, .to = to};
	if (reps_s && cli_count(cmd, "--replications", reps_s, 1, 1000000, &o.sim.replications))
		return 2;
	if (threads_s && cli_count(cmd, "--threads", threads_s, 1, 1024, &o.sim.threads))
		return 2;
	if (seed_s) {
		char *end;
		errno = 0;
		unsigned long long s = strtoull(seed_s, &end, 10);
		if (end == seed_s || *end || errno || seed_s[0] == '-')
			return cli_usage(cmd, "--seed needs a whole number >= 0 (got '%s')", seed_s);
		o.sim.seed = s;
		o.sim.has_seed = 1;
	}
	static const char *const formats[] = {"text", "json", "xlsx", NULL};
	const enum bt_format fmts[] = {BT_TEXT, BT_JSON, BT_TEXT};
	int fk = cli_format(cmd, format_s, formats, 0, out_path);
	if (fk < 0)
		return 2;
	enum bt_format fmt = fmts[fk];
	xlsx = fk == 2;
	int en = 0;
	if (lang_s) {
		if (!strcmp(lang_s, "en"))
			en = 1;
		else if (strcmp(lang_s, "id"))
			return cli_usage(cmd, "--lang is id or en (got '%s')", lang_s);
	}
	int busy_ms = 0;
	if (busy && cli_busy_timeout(cmd, busy, &busy_ms))
		return 2;

	struct mutu_err err;
	mutu_err_clear(&err);
	struct sim_scenario *sc = NULL;
	struct mutu_store *db = NULL;
	struct bt_result *res = NULL;
	int rc = 0;
	if (sim_scenario_load(pos[0], cli_calendars_dir(), &sc, &err) ||
	    store_open(db_path, STORE_READ, busy_ms, &db, &err) || store_begin_read(db, &err) ||
	    bt_run(sc, db, &o, &res, &err)) {
		rc = cli_fail(cmd, &err);
		goto out;
	}
	struct mutu_buf b;
	mutu_buf_init(&b);
	if (xlsx) {
		struct rpt_opts xo;
		rpt_opts_init(&xo);
		xo.lang = en ? RPT_EN : RPT_ID;
		cli_write_begin(); /* cli.h: a Ctrl-C meanwhile comes after it */
		int xr = rpt_backtest_xlsx(res, &xo, out_path, &err);
		int sig = cli_write_end();
		if (xr)
			rc = cli_fail(cmd, &err);
		else
			fprintf(stderr, "mutu backtest: wrote %s\n", out_path);
		if (sig)
			rc = cli_stopped(cmd, sig, xr ? "nothing was written" : "after the workbook was written: it is whole");
	} else {
		bt_format(res, fmt, en, sim_scenario_day_minutes(sc), &b);
		rc = cli_emit(cmd, out_path, &b, fmt == BT_TEXT);
	}
	mutu_buf_release(&b);
out:
	bt_result_free(res);
	store_close(db);
	sim_scenario_free(sc);
	return rc;
}
