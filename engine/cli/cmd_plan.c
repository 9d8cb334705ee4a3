/*
 * cmd_plan.c - `mutu plan`: the cheapest staffing of a scenario that meets
 * a target, searched by simulation (engine/plan.c), or the statement that
 * none does and why.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "mutu/plan.h"
#include "mutu/rpt.h"
#include "mutu/sim.h"

static const char usage_text[] =
	"usage: mutu plan SCENARIO.ini [--target TARGET ...] --vary \"PELAKSANA=LO..HI\" [--vary ...]\n"
	"                 [--sop ID] [--cost \"PELAKSANA=C\" ...] [--confidence 0.95]\n"
	"                 [--screen N] [--max-replications N] [--seed S] [--threads N]\n"
	"                 [--exhaustive] [--format text|json] [--lang id|en]\n"
	"\n"
	"The cheapest staffing (cost per head, default 1) whose simulated result\n"
	"meets every target with the stated confidence, for the whole office or one SOP.\n"
	"Every staffing is simulated with the same seed (common random numbers).\n"
	"\n"
	"  --target T        within=0.95 (or 95%): share of files finished within the\n"
	"                    SOP ceiling, at least T; p90_lead<=DURATION: the p90 lead\n"
	"                    time (every SOP's, for the whole office) at most DURATION;\n"
	"                    \"wait_mean(PELAKSANA)<=DURATION\": mean wait at that\n"
	"                    pelaksana; \"wait_share(PELAKSANA, DURATION)>=SHARE\": a\n"
	"                    service level, the share of visits to that pelaksana that\n"
	"                    wait at most DURATION is at least SHARE (80% or 0.8).\n"
	"                    Durations in working time (\"30 Menit\", \"1 Jam\", \"5 Hari\").\n"
	"                    Repeat --target (up to 8): a staffing meets when it meets\n"
	"                    every one.  Without --target, the scenario's own targets:\n"
	"                    [staff] \"Front Office = 2 wait_target=80% <= 1 Jam\" and\n"
	"                    [sop ID] \"within_target = 90%\" (within that SOP's ceiling)\n"
	"  --vary P=LO..HI   a pelaksana of the scenario's [staff] and its range of staff,\n"
	"                    1 <= LO <= HI <= 1000; up to 8 of them, 1,000,000 staffings\n"
	"  --sop ID          judge one SOP instead of the whole office\n"
	"  --cost P=C        cost of one head of P (0 < C <= 1e9; default 1)\n"
	"  --confidence C    0.5 .. 0.999 (default 0.95): a staffing meets when the\n"
	"                    interval of its value lies on the right side of the target\n"
	"  --screen N        replications of a first look at each staffing (2..1000,\n"
	"                    default 10); doubled while the decision is close\n"
	"  --max-replications N   most replications of one staffing (screen..10000,\n"
	"                    default 80); still undecided there = does not meet\n"
	"  --seed S          seed (default: the scenario's)\n"
	"  --threads N       worker threads of each run (default: every core)\n"
	"  --exhaustive      simulate every staffing in the ranges (checks the search)\n"
	"  --format F        text (default) or json\n"
	"  --lang L          language of the text: id (default) or en\n"
	"\n"
	"Staffing in range that overloads a pelaksana (offered load >= 100%) is\n"
	"reported as infeasible, not simulated.  When even the most staff misses the\n"
	"target, the answer says so, with the value at unlimited staff (no queue at\n"
	"all) and the step whose service time weighs most.  README.md, \"Planning\n"
	"staff\", walks through an example.\n";

int cmd_plan(int argc, char **argv)
{
	const char *cmd = "plan";
	const char *sop = NULL, *conf_s = NULL, *screen_s = NULL, *max_s = NULL;
	const char *seed_s = NULL, *threads_s = NULL, *format_s = NULL, *lang_s = NULL;
	int exhaustive = 0;
	struct cli_list vary = {0}, cost = {0}, targets = {0};
	const struct cli_opt opts[] = {
		{"target", 't', 1, NULL, NULL, &targets},
		{"vary", 0, 1, NULL, NULL, &vary},
		{"cost", 0, 1, NULL, NULL, &cost},
		{"sop", 0, 1, &sop, NULL, NULL},
		{"confidence", 0, 1, &conf_s, NULL, NULL},
		{"screen", 0, 1, &screen_s, NULL, NULL},
		{"max-replications", 0, 1, &max_s, NULL, NULL},
		{"seed", 0, 1, &seed_s, NULL, NULL},
		{"threads", 'j', 1, &threads_s, NULL, NULL},
		{"exhaustive", 0, 0, NULL, &exhaustive, NULL},
		{"format", 'f', 1, &format_s, NULL, NULL},
		{"lang", 0, 1, &lang_s, NULL, NULL},
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
	if (targets.n > PLAN_MAX_TARGETS)
		return cli_usage(cmd, "at most %d --target (got %d)", PLAN_MAX_TARGETS, targets.n);
	if (vary.n < 1)
		return cli_usage(cmd, "needs at least one --vary \"PELAKSANA=LO..HI\"");
	if (vary.n > PLAN_MAX_VARS)
		return cli_usage(cmd, "at most %d --vary (got %d)", PLAN_MAX_VARS, vary.n);

	struct plan_opts o;
	plan_opts_init(&o);
	o.sop = sop;
	o.exhaustive = exhaustive;
	if (conf_s) {
		char *end;
		errno = 0;
		double c = strtod(conf_s, &end);
		if (end == conf_s || *end || errno || !(c >= 0.5 && c <= 0.999))
			return cli_usage(cmd, "--confidence needs a number 0.5..0.999 (got '%s')", conf_s);
		o.confidence = c;
	}
	if (screen_s && cli_count(cmd, "--screen", screen_s, 2, 1000, &o.screen_reps))
		return 2;
	if (max_s && cli_count(cmd, "--max-replications", max_s, 2, 10000, &o.max_reps))
		return 2;
	if (o.max_reps < o.screen_reps)
		return cli_usage(cmd, "--max-replications (%d) must be at least --screen (%d)", o.max_reps,
				 o.screen_reps);
	if (threads_s && cli_count(cmd, "--threads", threads_s, 1, 1024, &o.threads))
		return 2;
	if (seed_s) {
		char *end;
		errno = 0;
		unsigned long long s = strtoull(seed_s, &end, 10);
		if (end == seed_s || *end || errno || seed_s[0] == '-')
			return cli_usage(cmd, "--seed needs a whole number >= 0 (got '%s')", seed_s);
		o.seed = s;
		o.has_seed = 1;
	}
	enum plan_format fmt = PLAN_TEXT;
	if (format_s) {
		if (!strcmp(format_s, "json"))
			fmt = PLAN_JSON;
		else if (strcmp(format_s, "text"))
			return cli_usage(cmd, "--format is text or json (got '%s')", format_s);
	}
	int lang = RPT_ID;
	if (lang_s && (lang = rpt_lang_parse(lang_s)) < 0)
		return cli_usage(cmd, "--lang is id or en (got '%s')", lang_s);

	struct mutu_err err;
	mutu_err_clear(&err);
	struct plan_var vars[PLAN_MAX_VARS];
	for (int i = 0; i < vary.n; i++)
		if (plan_var_parse(vary.items[i], &vars[i], &err))
			return cli_fail(cmd, &err);
	for (int k = 0; k < cost.n; k++) {
		char name[128];
		double c;
		if (plan_cost_parse(cost.items[k], name, sizeof name, &c, &err))
			return cli_fail(cmd, &err);
		int found = 0;
		for (int i = 0; i < vary.n; i++)
			if (!mutu_strcasecmp(vars[i].name, name)) {
				vars[i].cost = c;
				found = 1;
			}
		if (!found)
			return cli_usage(cmd, "--cost %s: that pelaksana is not varied (give --vary for it)", name);
	}

	struct sim_scenario *sc = NULL;
	struct plan_result *r = NULL;
	int rc = 0;
	if (sim_scenario_load(pos[0], cli_calendars_dir(), &sc, &err)) {
		rc = cli_fail(cmd, &err);
		/* the loader refuses an overloaded office; plan needs one that
		 * copes to start from, whatever its ranges go down to */
		if (strstr(err.msg, "offered load"))
			fprintf(stderr, "mutu plan: write a staffing that copes in [staff] (for example the top "
				"of the --vary range); --vary may go below it\n");
		goto out;
	}
	/* the command line's targets, else the scenario's own (wait_target=
	 * in [staff], within_target = in [sop ID]): --target replaces them,
	 * so a what-if needs no edit of the file */
	struct plan_target tg[PLAN_MAX_TARGETS];
	size_t nt = 0;
	for (int i = 0; i < targets.n; i++)
		if (plan_target_parse(targets.items[i], sim_scenario_day_minutes(sc), &tg[nt++], &err)) {
			rc = cli_fail(cmd, &err);
			goto out;
		}
	if (!nt && plan_targets_from_scenario(sc, tg, PLAN_MAX_TARGETS, &nt, &err)) {
		rc = cli_fail(cmd, &err);
		goto out;
	}
	if (!nt) {
		rc = cli_usage(cmd, "needs --target (e.g. --target within=0.95, or \"wait_share(Front Office, 1 "
			       "Jam)>=80%%\"), or a scenario that states its targets (wait_target= in [staff], "
			       "within_target = in [sop ID])");
		goto out;
	}
	o.target = tg[0];
	for (size_t i = 1; i < nt; i++)
		o.more[i - 1] = tg[i];
	o.nmore = nt - 1;
	o.vars = vars;
	o.nvar = (size_t)vary.n;
	if (plan_run(sc, &o, &r, &err)) {
		rc = cli_fail(cmd, &err);
		goto out;
	}
	struct mutu_buf b;
	mutu_buf_init(&b);
	plan_result_format(sc, r, fmt, lang == RPT_EN ? PLAN_EN : PLAN_ID, &b);
	rc = cli_emit(cmd, NULL, &b, fmt == PLAN_TEXT);
	mutu_buf_release(&b);
out:
	plan_result_free(r);
	sim_scenario_free(sc);
	return rc;
}
