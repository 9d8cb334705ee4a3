/*
 * test_rpt_sim.c - the simulation report (rpt_sim_html) on a real run:
 * two small scenarios built in code (one clerk against two, same seed),
 * rendered through real gnuplot into a temporary folder.  Checks that the
 * page and its charts are written, that the side-by-side table and the
 * paired difference are there, and that an actor name with markup is
 * escaped.  The numbers themselves are the simulator's (tested in
 * test_sim.c); here they must only arrive unchanged: the mean utilisation
 * printed equals the run's.
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

#include "mutu/rpt.h"
#include "mutu/sim.h"

static struct sim_scenario *scenario(int clerks, const char *path_label)
{
	(void)path_label;
	/* 20 working days of 8 h; arrivals 1 per hour; the clerk serves in
	 * 40 min on average; the applicant collects in 10 min */
	struct sim_scenario *sc = sim_scenario_create(NULL, 0, 20 * 8 * 3600.0);
	int a = sim_scenario_add_actor(sc, "<b>Front Office</b>", clerks);
	int s = sim_scenario_add_sop(sc, "uji-sla", 1.0 / 3600.0, 3 * 450 * 60.0);
	struct sim_dist d = {.kind = SIM_EXPONENTIAL, .mean = 40 * 60.0, .cv = 1};
	struct sim_dist p = {.kind = SIM_FIXED, .mean = 10 * 60.0};
	sim_scenario_add_step(sc, s, 1, "Pemeriksaan", a, d);
	sim_scenario_add_step(sc, s, 2, "Pengambilan", SIM_PEMOHON, p);
	sim_scenario_set_replications(sc, 4);
	sim_scenario_set_seed(sc, 7);
	sim_scenario_set_sample_every(sc, 3600.0);
	struct mutu_err err;
	mutu_err_clear(&err);
	assert_int_equal(sim_scenario_compile(sc, &err), 0);
	return sc;
}

static void test_sim_report(void **state)
{
	(void)state;
	char dir[] = "/tmp/mutu-test-rptsim-XXXXXX";
	assert_non_null(mkdtemp(dir));
	struct sim_scenario *a = scenario(1, "a"), *b = scenario(2, "b");
	struct sim_results *ra = NULL, *rb = NULL;
	struct sim_diff *diffs = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	struct sim_options so = {0};
	so.threads = 1;
	assert_int_equal(sim_run(a, &so, &ra, &err), 0);
	assert_int_equal(sim_run(b, &so, &rb, &err), 0);
	assert_int_equal(sim_compare(ra, rb, &diffs, &err), 0);

	struct rpt_opts o;
	rpt_opts_init(&o);
	o.out_dir = dir;
	o.models_dir = "tests/data/models";
	o.calendars_dir = "datasets/calendars";
	o.name = "sim";
	struct mutu_notes files;
	mutu_notes_init(&files);
	int rc = rpt_sim_html(a, ra, b, rb, diffs, &o, &files, &err);
	if (rc)
		fprintf(stderr, "%s\n", err.msg);
	assert_int_equal(rc, 0);
	/* queues (two runs), utilisation, lead: 4 charts x (svg, png) + the page */
	assert_int_equal(files.n, 9);
	char path[256];
	snprintf(path, sizeof path, "%s/sim.html", dir);
	char *html = mutu_read_file(path, NULL, &err);
	assert_non_null(html);
	assert_non_null(strstr(html, "<title>Laporan Simulasi</title>"));
	assert_null(strstr(html, "<script"));
	assert_null(strstr(html, "<b>Front Office</b>"));
	assert_non_null(strstr(html, "&lt;b&gt;Front Office&lt;/b&gt;: utilisasi"));
	size_t n = 0;
	for (const char *p = html; (p = strstr(p, "data:image/svg+xml;base64,")); p++)
		n++;
	assert_int_equal(n, 4);
	assert_non_null(strstr(html, "Selisih B"));
	/* the utilisation of run A as the table prints it (1 decimal place
	 * of a percentage, Indonesian) */
	int iu = sim_results_find(ra, "actor/<b>Front Office</b>/util");
	assert_true(iu >= 0);
	struct mutu_buf want;
	mutu_buf_init(&want);
	rpt_fmt_pct(&want, ra->ci[iu].mean, RPT_ID);
	assert_non_null(strstr(html, want.s));
	mutu_buf_release(&want);
	free(html);

	/* one run, English */
	mutu_notes_release(&files);
	mutu_notes_init(&files);
	o.lang = RPT_EN;
	o.name = "one";
	assert_int_equal(rpt_sim_html(a, ra, NULL, NULL, NULL, &o, &files, &err), 0);
	assert_int_equal(files.n, 7);
	snprintf(path, sizeof path, "%s/one.html", dir);
	html = mutu_read_file(path, NULL, &err);
	assert_non_null(strstr(html, "<title>Simulation Report</title>"));
	assert_null(strstr(html, "Difference B"));
	free(html);

	mutu_notes_release(&files);
	free(diffs);
	sim_results_free(ra);
	sim_results_free(rb);
	sim_scenario_free(a);
	sim_scenario_free(b);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (getenv("MUTU_KEEP")) /* to look at the page: MUTU_KEEP=1 prints the folder */
		fprintf(stderr, "kept %s\n", dir);
	else
		assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sim_report),
	};
	return cmocka_run_group_tests_name("rpt_sim", tests, NULL, NULL);
}
