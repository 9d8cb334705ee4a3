/*
 * cmd_calibrate.c - `mutu calibrate`: a scenario estimated from the
 * store's event log (calib.h), written through the atomic writer, with a
 * summary (text, Bahasa Indonesia or English) or the fitted parameters
 * (JSON) on standard output.  A thin layer: parsing, the SOPs resolved
 * through sla_env, the period's dates turned into instants.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "mutu/store.h"
#include "mutu/cal.h"
#include "mutu/calib.h"
#include "mutu/elog.h"
#include "mutu/sla.h"

static const char usage_text[] =
	"usage: mutu calibrate --db DB --sop ID [--sop ID ...] [--from DATE --to DATE]\n"
	"       mutu calibrate --db DB --no-model [--from DATE --to DATE]\n"
	"                      -o SCENARIO.ini [--force] [--format text|json] [--lang id|en]\n"
	"\n"
	"Estimate a simulation scenario from the office's own event log: arrivals per\n"
	"working day (or around the clock for online submissions), step service times\n"
	"fitted by maximum likelihood (exponential, gamma, lognormal, Weibull; chosen by\n"
	"AIC, tested by Kolmogorov-Smirnov; empirical quantiles when none fits), staff\n"
	"per pelaksana from the officers named in the log, rework and daily batches.\n"
	"Every value in the scenario has a comment saying where it came from; the mutu\n"
	"baku waktu stands beside each fitted mean.  `mutu sim SCENARIO.ini` runs it.\n"
	"\n"
	"  --db FILE        the store (default mutu.db)\n"
	"  --sop ID         an SOP to calibrate (repeat for SOPs that share staff)\n"
	"  --from DATE      first day of the period (YYYY-MM-DD; default: the first arrival)\n"
	"  --to DATE        last day, inclusive (default: the last arrival)\n"
	"  -o, --out FILE   the scenario to write (\"-\": standard output)\n"
	"  --force          replace an existing scenario file\n"
	"  --no-model       the cases without an SOP model (a log such as WABO's): say\n"
	"                   what is calibrated (arrivals, resources) and what is not\n"
	"                   (steps, pelaksana, mutu baku); no scenario, no -o\n"
	"  --format F       text (default): a summary; json: the fitted parameters\n"
	"  --lang L         id (default) or en, for the text summary\n"
	"  --models DIR     folder of SOP models (default models/)\n"
	"  --min-cases N    fewer cases in the period is an error (1..1000000, default 30)\n"
	"  --warmup DAYS    start the scenario DAYS days before the period and measure\n"
	"                   from its first day (warmup_until), so the simulated office\n"
	"                   is at work on it as the real one was (0..3650, default 0)\n"
	CLI_BUSY_HELP
	"\n"
	"Staff are counted from the event's actor when it names an officer\n"
	"(\"Front Office 2\"); ingest an emitted log with --resource-col resource.\n"
	"Exit status: 0 written, 1 failure, 2 bad usage or input (an SOP with too few\n"
	"cases, a period without data, an SOP without a model).\n";

static int parse_day(const char *s, int64_t *day)
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

int cmd_calibrate(int argc, char **argv)
{
	const char *db_path = "mutu.db", *from = NULL, *to = NULL, *out = NULL, *format = NULL;
	const char *lang = NULL, *models = NULL, *busy = NULL, *min_cases = NULL, *warmup = NULL;
	int force = 0, no_model = 0;
	struct cli_list sops = {.n = 0};
	const struct cli_opt opts[] = {
		{"db", 0, 1, &db_path, NULL, NULL},
		{"sop", 0, 1, NULL, NULL, &sops},
		{"from", 0, 1, &from, NULL, NULL},
		{"to", 0, 1, &to, NULL, NULL},
		{"out", 'o', 1, &out, NULL, NULL},
		{"force", 0, 0, NULL, &force, NULL},
		{"no-model", 0, 0, NULL, &no_model, NULL},
		{"format", 0, 1, &format, NULL, NULL},
		{"lang", 0, 1, &lang, NULL, NULL},
		{"models", 0, 1, &models, NULL, NULL},
		{"min-cases", 0, 1, &min_cases, NULL, NULL},
		{"warmup", 0, 1, &warmup, NULL, NULL},
		{"busy-timeout", 0, 1, &busy, NULL, NULL},
		{NULL, 0, 0, NULL, NULL, NULL},
	};
	const char *pos[1];
	int npos = 0, help = 0;
	int rc = cli_parse("calibrate", argc, argv, opts, pos, 0, &npos, &help);
	if (rc)
		return rc;
	if (help) {
		fputs(usage_text, stdout);
		return 0;
	}
	int busy_ms = 0;
	if (cli_busy_timeout("calibrate", busy, &busy_ms))
		return 2;
	if (no_model && (sops.n || out))
		return cli_usage("calibrate", "--no-model describes the cases without an SOP model and writes no "
					      "scenario: give it without --sop and -o");
	if (!no_model && sops.n == 0)
		return cli_usage("calibrate", "give the SOP(s) to calibrate with --sop ID (or --no-model for a log "
					      "without SOP models)");
	if (!no_model && !out)
		return cli_usage("calibrate", "give the scenario to write with -o SCENARIO.ini");
	if (no_model)
		sops.items[sops.n++] = NULL;
	int json = 0;
	if (format && !strcmp(format, "json"))
		json = 1;
	else if (format && strcmp(format, "text"))
		return cli_usage("calibrate", "--format must be text or json (got '%s')", format);
	enum calib_lang cl = CALIB_ID;
	if (lang && !strcmp(lang, "en"))
		cl = CALIB_EN;
	else if (lang && strcmp(lang, "id"))
		return cli_usage("calibrate", "--lang must be 'id' or 'en' (got '%s')", lang);
	int64_t d0 = 0, d1 = 0;
	if ((from == NULL) != (to == NULL))
		return cli_usage("calibrate", "give --from and --to together (or neither: the log's own period)");
	if (from && parse_day(from, &d0))
		return cli_usage("calibrate", "--from must be a date YYYY-MM-DD (got '%s')", from);
	if (to && parse_day(to, &d1))
		return cli_usage("calibrate", "--to must be a date YYYY-MM-DD (got '%s')", to);
	if (from && d1 < d0)
		return cli_usage("calibrate", "--to (%s) is before --from (%s)", to, from);
	struct calib_opts co;
	calib_opts_init(&co);
	if (min_cases) {
		char *end;
		long v = strtol(min_cases, &end, 10);
		if (*end || v < 1 || v > 1000000)
			return cli_usage("calibrate", "--min-cases must be a whole number from 1 to 1000000 (got '%s')",
					 min_cases);
		co.min_cases = (size_t)v;
	}
	if (warmup) {
		char *end;
		long v = strtol(warmup, &end, 10);
		if (!*warmup || *end || v < 0 || v > 3650)
			return cli_usage("calibrate", "--warmup must be a whole number of days from 0 to 3650 (got '%s')",
					 warmup);
		co.warmup_days = (int)v;
	}
	if (out && strcmp(out, "-") && !force) {
		struct stat stt;
		if (lstat(out, &stt) == 0)
			return cli_usage("calibrate", "-o %s: the file exists; give another name or --force to replace it",
					 out);
	}
	struct sla_opts so;
	sla_opts_init(&so);
	if ((rc = cli_sla_opts("calibrate", NULL, NULL, NULL, models, NULL, &so)))
		return rc;

	struct mutu_err err;
	mutu_err_clear(&err);
	struct mutu_store *db = NULL;
	if (store_open(db_path, STORE_READ, busy_ms, &db, &err) || store_begin_read(db, &err)) {
		store_close(db);
		return cli_fail("calibrate", &err);
	}
	struct sla_env *env = sla_env_create(&so);
	struct calib *c = NULL;
	struct mutu_buf b;
	mutu_buf_init(&b);
	for (int i = 0; i < sops.n && !err.code; i++)
		if ((no_model || sla_env_check(env, db, sops.items[i], 0, 0, NULL, &err) == 0)) {
			const struct sla_sop *s = NULL;
			if (sla_env_get(env, sops.items[i], &s, &err) == 0 && !s->model && !no_model)
				mutu_errf(&err, MUTU_EINPUT,
					  "SOP %s has no model in %s: a scenario needs the SOP's steps (mutu sop import)",
					  sops.items[i], so.models_dir ? so.models_dir : "models");
			if (!err.code && i == 0 && from) {
				int off = cal_utc_offset(s->cal);
				co.from = (double)d0 * 86400.0 - off;
				co.to = (double)(d1 + 1) * 86400.0 - off;
			}
			if (!err.code) {
				if (!c)
					c = calib_create(&co);
				calib_add_sop(c, s, &err);
			}
		}
	if (!err.code)
		calib_read_store(c, db, &err);
	if (!err.code)
		calib_finish(c, &err);
	if (!err.code && out) {
		calib_write_scenario(c, db_path, &b);
		cli_write_begin(); /* cli.h: a Ctrl-C meanwhile comes after it */
		int wr = mutu_write_file(out, b.s, b.len, &err);
		int sig = cli_write_end();
		if (sig) {
			mutu_buf_release(&b);
			calib_free(c);
			sla_env_free(env);
			store_close(db);
			return cli_stopped("calibrate", sig, wr ? "nothing was written"
								 : "after the scenario was written: it is whole");
		}
	}
	if (!err.code) {
		mutu_buf_reset(&b);
		if (json)
			calib_format_json(c, &b);
		else
			calib_format_text(c, cl, &b);
		if (out && !strcmp(out, "-"))
			fputs("\n", stdout);
		if (json)
			fputs(b.s, stdout);
		else
			cli_print_safe(stdout, b.s);
		if (!json && out && strcmp(out, "-"))
			printf(cl == CALIB_EN ? "\nscenario written: %s (run it: mutu sim %s)\n"
					      : "\nskenario ditulis: %s (jalankan: mutu sim %s)\n",
			       out, out);
	}
	rc = err.code ? cli_fail("calibrate", &err) : 0;
	mutu_buf_release(&b);
	calib_free(c);
	sla_env_free(env);
	store_close(db);
	return rc;
}
