/*
 * test_sim_limits.c - what a run may cost, and the visits behind the
 * offered-load check: expected visits solved from the routing matrix
 * (crossing loops, applicant-only loops), runs refused up front with the
 * numbers (queue samples, replications x years, visits per file, events,
 * result values), and a normal scenario still accepted.  Every expected
 * value is worked out by hand in the comment above it.  Runs from the
 * repository root (datasets/calendars).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "mutu/sim.h"
#include "sim_int.h" /* sim_metrics_layout: the metric count of a scenario */

#include "sim_fixture.h"

/* A four-step model, one pelaksana per step, 10 Menit each, so every
 * pelaksana's offered load shows the visits of its one step. */
#define MODEL4 "[sop]\nid = empat\nname = Empat Langkah\ncalendar = id-wita\n" \
	"[step 1]\nactivity = a\nactor = Front Office\nwaktu = 10 Menit\n" \
	"[step 2]\nactivity = b\nactor = Back Office\nwaktu = 10 Menit\n" \
	"[step 3]\nactivity = c\nactor = Sekretaris\nwaktu = 10 Menit\n" \
	"[step 4]\nactivity = d\nactor = Kepala Dinas\nwaktu = 10 Menit\n"

/* Lines 1-4 [run], 5-9 [staff], 10-12 [sop e] (model, arrivals); step
 * keys from line 13 on. */
#define HEAD4 "[run]\ncalendar = id-wita\nstart = 2025-01-01\nend = 2025-06-30\n" \
	"[staff]\nFront Office = 1\nBack Office = 1\nSekretaris = 1\nKepala Dinas = 1\n" \
	"[sop e]\nmodel = empat.ini\narrivals = 1 per hari\n"

/*
 * "1 per hari" is one file every working day, a 6.5 h Ramadan day as much
 * as a 7.5 h one (README, "Scenario files").  2025-01-01..2025-06-30 on
 * id-wita holds 109 working days (weekdays less the listed LN/CB days),
 * 19 of them Ramadan days (2025-03-03..03-27) of 390 minutes: 109 files
 * over 109 x 450 - 19 x 60 = 47,910 working minutes.  So one minute of
 * service per file loads a server 109 / 47,910 (not 1 / 450).
 */
#define RAMADAN_LOAD (109.0 / 47910.0)

/* Applicant, applicant, then Front Office: a rejection at step 2 back to
 * step 1 is a loop that holds only Pemohon steps and loads no staff. */
#define MODELP "[sop]\nid = pemohon-dulu\nname = Pemohon Dulu\ncalendar = id-wita\n" \
	"[step 1]\nactivity = isi formulir\nactor = Pemohon\nwaktu = 10 Menit\n" \
	"[step 2]\nactivity = unggah berkas\nactor = Pemohon\nwaktu = 10 Menit\n" \
	"[step 3]\nactivity = periksa\nactor = Front Office\nwaktu = 10 Menit\n"
#define HEADP "[run]\ncalendar = id-wita\nstart = 2025-01-01\nend = 2025-06-30\n" \
	"[staff]\nFront Office = 1\n" \
	"[sop p]\nmodel = pemohon.ini\narrivals = 1 per hari\n"

static int actor_index(const struct sim_scenario *sc, const char *name)
{
	for (size_t a = 0; a < sim_scenario_nactors(sc); a++)
		if (!strcmp(sim_scenario_actor_name(sc, a), name))
			return (int)a;
	fail_msg("no actor %s", name);
	return -1;
}

static void expect_refused(const char *name, const char *text, const char *at, const char *what)
{
	const char *path = write_tmp(name, text);
	struct sim_scenario *sc = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	int rc = sim_scenario_load(path, "datasets/calendars", &sc, &err);
	if (rc == 0)
		fail_msg("%s: loaded, want \"%s\"", name, what);
	assert_int_equal(rc, MUTU_ERANGE);
	assert_null(sc);
	char where[256];
	snprintf(where, sizeof where, "%s:%s", path, at);
	if (!strstr(err.msg, where) || !strstr(err.msg, what))
		fail_msg("want \"%s ... %s\", got \"%s\"", where, what, err.msg);
}

/*
 * Two crossing loops: step 3 back to 1 with p = 1/2, step 4 back to 2 with
 * q = 1/2.  Per file (v_j = visits of step j):
 *   v1 = 1 + p v3          (the start, and rejections at 3)
 *   v2 = v1 + q v4         (from 1, and rejections at 4)
 *   v3 = v2                (step 2 never rejects)
 *   v4 = (1 - p) v3
 * so v2 = v1 + q(1-p)v2 = 1 + p v2 + q(1-p) v2, v2 = 1/((1-p)(1-q)) = 4,
 * v3 = 4, v4 = 2, v1 = 1 + 4/2 = 3.  The old product of 1/(1-p) over the
 * loops around a step gave v1 = 1/(1-p) = 2: Front Office's load one third
 * short.  Offered load = rate x visits x 10 Menit with rate = 1 file per
 * 450-minute working day (id-wita): 3 x 10/450 = 1/15 for Front Office,
 * 4 x 10/450 for Back Office and Sekretaris, 2 x 10/450 for Kepala Dinas.
 */
static void test_crossing_loops(void **state)
{
	(void)state;
	write_tmp("empat.ini", MODEL4);
	struct sim_scenario *sc =
		load_ok(write_tmp("cross.ini", HEAD4 "step.3.reject = 0.5\nstep.3.reject_to = 1\n"
						     "step.4.reject = 0.5\nstep.4.reject_to = 2\n"));
	double v[4];
	assert_int_equal(sim_scenario_expected_visits(sc, 0, v), 0);
	assert_true(fabs(v[0] - 3) < 1e-12);
	assert_true(fabs(v[1] - 4) < 1e-12);
	assert_true(fabs(v[2] - 4) < 1e-12);
	assert_true(fabs(v[3] - 2) < 1e-12);
	double u[4];
	assert_int_equal(sim_scenario_offered_load(sc, u), -1);
	/* 3 visits of 10 Menit per file, 1 file a working day (RAMADAN_LOAD) */
	assert_true(fabs(u[actor_index(sc, "Front Office")] - 30.0 * RAMADAN_LOAD) < 1e-12);
	assert_true(fabs(u[actor_index(sc, "Back Office")] - 40.0 * RAMADAN_LOAD) < 1e-12);
	assert_true(fabs(u[actor_index(sc, "Sekretaris")] - 40.0 * RAMADAN_LOAD) < 1e-12);
	assert_true(fabs(u[actor_index(sc, "Kepala Dinas")] - 20.0 * RAMADAN_LOAD) < 1e-12);
	sim_scenario_free(sc);
}

/*
 * Nested loops and a plain geometric one, where the product rule was
 * right and must stay right: step 2 back to 2's predecessor 1 with
 * p = 0.2 inside step 4 back to 1 with q = 0.75.  A pass from step 1 ends
 * at step 4 once, so v4 = 1/(1-q) = 4 and v3 = 4; each pass runs 1..2 a
 * geometric number of times with mean 1/(1-p) = 1.25: v1 = v2 = 5.
 */
static void test_nested_loops(void **state)
{
	(void)state;
	write_tmp("empat.ini", MODEL4);
	struct sim_scenario *sc =
		load_ok(write_tmp("nest.ini", HEAD4 "step.2.reject = 0.2\nstep.2.reject_to = 1\n"
						    "step.4.reject = 0.75\nstep.4.reject_to = 1\n"));
	double v[4];
	assert_int_equal(sim_scenario_expected_visits(sc, 0, v), 0);
	assert_true(fabs(v[0] - 5) < 1e-12);
	assert_true(fabs(v[1] - 5) < 1e-12);
	assert_true(fabs(v[2] - 4) < 1e-12);
	assert_true(fabs(v[3] - 4) < 1e-12);
	sim_scenario_free(sc);
}

/*
 * A loop of Pemohon steps only (2 back to 1) loads no staff, so the
 * offered-load check alone never saw it, whatever its probability.  With
 * p = 0.5 the applicant steps run 1/(1-p) = 2 times each, Front Office
 * once: its load stays 1 x 10/450.  With p = 0.9995 they run 2,000 times
 * each, 4,001 visits a file with step 3, beyond the 1,000 of
 * SIM_MAX_VISITS: refused at the step.2.reject line (line 10).
 */
static void test_applicant_loop(void **state)
{
	(void)state;
	write_tmp("pemohon.ini", MODELP);
	struct sim_scenario *sc =
		load_ok(write_tmp("ap.ini", HEADP "step.2.reject = 0.5\nstep.2.reject_to = 1\n"));
	double v[3], u[1];
	assert_int_equal(sim_scenario_expected_visits(sc, 0, v), 0);
	assert_true(fabs(v[0] - 2) < 1e-12 && fabs(v[1] - 2) < 1e-12 && fabs(v[2] - 1) < 1e-12);
	assert_int_equal(sim_scenario_offered_load(sc, u), -1);
	assert_true(fabs(u[0] - 10.0 * RAMADAN_LOAD) < 1e-12);
	sim_scenario_free(sc);

	expect_refused("ap2.ini", HEADP "step.2.reject = 0.9995\nstep.2.reject_to = 1\n", "10:",
		       "pass 4001 steps on average (step ");
	expect_refused("ap3.ini", HEADP "step.2.reject = 0.9995\nstep.2.reject_to = 1\n", "10:",
		       " 2000 times, a Pemohon step); the limit is 1000");
}

/*
 * The shared reproducer: sample_every = 1 Menit on 24x7 from 2025-01-01 to
 * 2124-12-31 inclusive.  Days: 100 x 365 plus the leap days of 2028..2124
 * (25 multiples of 4) less 2100 (not a leap year) = 36,524; 36,524 x 1,440
 * = 52,594,560 minutes, so 52,594,561 samples (one at the start) for each
 * of 7 pelaksana = 368,161,927 values, 16 bytes each = 5.9 GB a thread.
 * The least sample_every within 10 million values: 52,594,560 x 60 s x 7
 * / 1e7 = 2,208.97 s = 36.8 minutes, so 37 Menit.  Line 2.
 */
#define OOM "[run]\nsample_every = %s\ncalendar = 24x7\nstart = 2025-01-01\n" \
	"end = 2124-12-31\nreplications = %d\n[staff]\nFront Office = 1\nBack Office = 1\n" \
	"Tim Teknis = 8\nSub Koordinator Perizinan = 1\nKoordinator Perizinan = 1\n" \
	"Sekretaris = 1\nKadis = 1\n[sop izin-insidentil]\n" \
	"model = models/izin-insidentil.ini\narrivals = 1 per hari\n"

static const char *oom(const char *name, const char *every, int reps)
{
	char text[1024];
	snprintf(text, sizeof text, OOM, every, reps);
	return write_tmp(name, text);
}

static void expect_refused_file(const char *path, const char *at, const char *what)
{
	struct sim_scenario *sc = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	int rc = sim_scenario_load(path, "datasets/calendars", &sc, &err);
	if (rc == 0)
		fail_msg("%s: loaded, want \"%s\"", path, what);
	assert_int_equal(rc, MUTU_ERANGE);
	assert_null(sc);
	char where[256];
	snprintf(where, sizeof where, "%s:%s", path, at);
	if (!strstr(err.msg, where) || !strstr(err.msg, what))
		fail_msg("want \"%s ... %s\", got \"%s\"", where, what, err.msg);
}

static void test_samples(void **state)
{
	(void)state;
	expect_refused_file(oom("oom.ini", "1 Menit", 2), "2:",
			    "needs 52594561 queue samples for each of 7 pelaksana (368161927 values, "
			    "5.9 GB per thread); the limit is 10000000: give sample_every = 37 Menit "
			    "or more");
	/* 37 Menit: floor(52,594,560 / 37) + 1 = 1,421,475 points x 7 =
	 * 9,950,325 values, within the limit; 36 Menit: 1,460,961 x 7 =
	 * 10,226,727, beyond it. */
	sim_scenario_free(load_ok(oom("ok37.ini", "37 Menit", 2)));
	expect_refused_file(oom("no36.ini", "36 Menit", 2), "2:",
			    "1460961 queue samples for each of 7 pelaksana (10226727 values");
}

/*
 * Replications x years: 101 replications of the same 100-year run are
 * 101 x 36,524/365.2425 = 101 x 99.9993 = 10,099.9 replication-years,
 * beyond 10,000; floor(10,000 / 99.9993) = 100 replications fit (and
 * load).  Line 6 (replications).  sample_every is 1 Hari here.
 */
static void test_replication_years(void **state)
{
	(void)state;
	expect_refused_file(oom("reps.ini", "1 Hari", 101), "6:",
			    "101 replications x 100.00 years of run = 10100 replication-years; the "
			    "limit is 10000: give at most 100 replications");
	sim_scenario_free(load_ok(oom("reps100.ini", "1 Hari", 100)));
}

/*
 * Events and result values, on a scenario built in code (no calendar: a
 * second of working time is a second, a "working day" every 86,400 s).
 * One step, rate 1 a second over 1e8 seconds: 1e8 files a replication,
 * each an arrival and a step end = 2e8 events, plus one office event per
 * day and pelaksana and one for the day: days start at 0, 86,400, ...
 * below 1e8, ceil(1e8 / 86,400) = 1,158 of them, x 2 = 2,316.  A
 * replication: 200,002,316 events.  49 replications make 9.8e9, within
 * 1e10; 50 make 1.0000116e10, beyond it; floor(1e10 / 200,002,316) = 49.
 * sim_run refuses 50 the same way, before it allocates anything.
 */
static void test_events(void **state)
{
	(void)state;
	struct sim_scenario *sc = sim_scenario_create(NULL, 0, 1e8);
	int a = sim_scenario_add_actor(sc, "Server", 2);
	int s = sim_scenario_add_sop(sc, "mm2", 1.0, 0);
	struct sim_dist d = {.kind = SIM_EXPONENTIAL, .mean = 1.0};
	sim_scenario_add_step(sc, s, 1, "serve", a, d);
	sim_scenario_set_sample_every(sc, 0);
	assert_int_equal(sim_scenario_compile(sc, NULL), 0);
	struct mutu_err err;
	mutu_err_clear(&err);
	enum sim_limit which;
	if (sim_scenario_check_limits(sc, 49, &which, NULL, &err))
		fail_msg("49 replications refused: %s", err.msg);
	assert_int_equal(which, SIM_LIMIT_NONE);
	assert_int_equal(sim_scenario_check_limits(sc, 50, &which, NULL, &err), MUTU_ERANGE);
	assert_int_equal(which, SIM_LIMIT_EVENTS);
	assert_non_null(strstr(err.msg, "50 replications of this run need about 1e+10 events"));
	assert_non_null(strstr(err.msg, "at most 49)"));
	struct sim_options o = {.replications = 50, .threads = 1};
	struct sim_results *r = NULL;
	mutu_err_clear(&err);
	assert_int_equal(sim_run(sc, &o, &r, &err), MUTU_ERANGE);
	assert_null(r);
	assert_non_null(strstr(err.msg, "the limit is 1e+10"));
	sim_scenario_free(sc);

	/* Result values: replications x metrics <= 2e7.  A one-second run
	 * costs no events to speak of, so only this limit binds: floor(2e7 /
	 * nmetric) replications fit, one more does not. */
	sc = sim_scenario_create(NULL, 0, 1);
	a = sim_scenario_add_actor(sc, "Server", 1);
	s = sim_scenario_add_sop(sc, "tiny", 1.0, 0);
	sim_scenario_add_step(sc, s, 1, "serve", a, d);
	assert_int_equal(sim_scenario_compile(sc, NULL), 0);
	size_t nmetric = 0;
	free(sim_metrics_layout(sc, &nmetric));
	assert_true(nmetric > 0);
	int fit = (int)(SIM_MAX_RESULT_VALUES / (double)nmetric);
	mutu_err_clear(&err);
	assert_int_equal(sim_scenario_check_limits(sc, fit, &which, NULL, &err), 0);
	assert_int_equal(sim_scenario_check_limits(sc, fit + 1, &which, NULL, &err), MUTU_ERANGE);
	assert_int_equal(which, SIM_LIMIT_RESULT_VALUES);
	sim_scenario_free(sc);
}

/* The shipped scenarios stay well inside every limit and still run. */
static void test_shipped_ok(void **state)
{
	(void)state;
	static const char *const files[] = {
		"models/scenarios/banjarbaru.ini", "models/scenarios/rokan-hilir.ini",
		"models/scenarios/sicantik.ini"};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		struct sim_scenario *sc = load_ok(files[i]);
		struct mutu_err err;
		mutu_err_clear(&err);
		assert_int_equal(sim_scenario_check_limits(sc, 0, NULL, NULL, &err), 0);
		struct sim_options o = {.replications = 2, .threads = 1};
		struct sim_results *r = NULL;
		assert_int_equal(sim_run(sc, &o, &r, &err), 0);
		assert_true(r->customers > 0);
		sim_results_free(r);
		sim_scenario_free(sc);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_crossing_loops),
		cmocka_unit_test(test_nested_loops),
		cmocka_unit_test(test_applicant_loop),
		cmocka_unit_test(test_samples),
		cmocka_unit_test(test_replication_years),
		cmocka_unit_test(test_events),
		cmocka_unit_test(test_shipped_ok),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
