/*
 * test_sim_lean.c - the simulator's lean event loop (engine/sim.c,
 * lean_ok) against the general one.  A replication that uses none of the
 * rare features runs the lean loop; asking for results per month (the
 * --by option) is one of those features, so the same scenario run with
 * and without it takes the two loops.  Periods only add accumulators
 * beside the whole run's, so every whole-run figure must come out the
 * same to the bit: a difference means the lean loop computes something
 * else, in another order, or draws its random numbers in another order.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "mutu/sim.h"
#include "sim_fixture.h"

#define H 3600.0

static struct sim_results *run(const struct sim_scenario *sc, enum sim_by by, int threads)
{
	struct mutu_err err;
	mutu_err_clear(&err);
	struct sim_options opt = {.threads = threads, .by = by};
	struct sim_results *r = NULL;
	if (sim_run(sc, &opt, &r, &err))
		fail_msg("%s", err.msg);
	return r;
}

/* Every whole-run figure of sc without periods (the lean loop) and with
 * months (the general loop) is the same to the bit; `waited` names a
 * wait that must be above 0 (queues formed). */
static void same_whole_run(const struct sim_scenario *sc, const char *waited)
{
	struct sim_results *lean = run(sc, SIM_BY_NONE, 1);
	struct sim_results *general = run(sc, SIM_BY_MONTH, 2);
	/* the run did something: thousands of files, some waiting */
	int fi = sim_results_find(lean, "all/finished");
	assert_true(fi >= 0 && lean->values[fi] > 2000);
	int wi = sim_results_find(lean, waited);
	assert_true(wi >= 0 && lean->values[wi] > 0);
	assert_true(general->nmetric > lean->nmetric);
	size_t compared = 0;
	for (size_t i = 0; i < lean->nmetric; i++) {
		int j = sim_results_find(general, lean->metrics[i].key);
		assert_true(j >= 0);
		assert_int_equal(general->metrics[j].period, 0);
		for (int rep = 0; rep < lean->nrep; rep++) {
			double x = lean->values[(size_t)rep * lean->nmetric + i];
			double y = general->values[(size_t)rep * general->nmetric + (size_t)j];
			if (memcmp(&x, &y, sizeof x) != 0 && !(isnan(x) && isnan(y)))
				fail_msg("%s, replication %d: lean %.17g, general %.17g",
					 lean->metrics[i].key, rep + 1, x, y);
			compared++;
		}
	}
	assert_true(compared > 60);
	assert_int_equal(lean->events, general->events);
	assert_int_equal(lean->customers, general->customers);
	sim_results_free(lean);
	sim_results_free(general);
}

/*
 * Two SOPs sharing two pelaksana, an applicant's step, exponential,
 * lognormal, gamma and fixed services, a warm-up and SLA ceilings, busy
 * enough that queues form (Front Office at 0.8 of its two officers),
 * four replications over 60 days without a calendar.
 */
static void test_lean_equals_general(void **state)
{
	(void)state;
	struct mutu_err err;
	mutu_err_clear(&err);
	struct sim_scenario *sc = sim_scenario_create(NULL, 0, 60 * 24 * H);
	int fo = sim_scenario_add_actor(sc, "Front Office", 2);
	int bo = sim_scenario_add_actor(sc, "Back Office", 3);
	int a = sim_scenario_add_sop(sc, "izin-a", 1.0 / (0.5 * H), 8 * H);
	int b = sim_scenario_add_sop(sc, "izin-b", 1.0 / (2.0 * H), 24 * H);
	struct sim_dist ex = {.kind = SIM_EXPONENTIAL, .mean = 0.4 * H};
	struct sim_dist ln = {.kind = SIM_LOGNORMAL, .mean = 0.8 * H, .cv = 0.6};
	struct sim_dist ga = {.kind = SIM_GAMMA, .mean = 1.5 * H, .cv = 0.5};
	struct sim_dist fx = {.kind = SIM_FIXED, .mean = 0.2 * H};
	struct sim_dist ap = {.kind = SIM_EXPONENTIAL, .mean = 3 * H};
	sim_scenario_add_step(sc, a, 1, "Verifikasi", fo, ex);
	sim_scenario_add_step(sc, a, 2, "Proses", bo, ln);
	sim_scenario_add_step(sc, b, 1, "Verifikasi", fo, fx);
	sim_scenario_add_step(sc, b, 2, "Melengkapi", SIM_PEMOHON, ap);
	sim_scenario_add_step(sc, b, 3, "Proses", bo, ga);
	sim_scenario_set_warmup(sc, 5 * 24 * H);
	sim_scenario_set_replications(sc, 4);
	assert_int_equal(sim_scenario_compile(sc, &err), 0);
	same_whole_run(sc, "step/izin-a/1/wait_mean");
	sim_scenario_free(sc);
}

/*
 * The office's own events in the lean loop: a staffing change (the Front
 * Office goes from 2 to 3 officers on 2025-02-01) and a daily absence
 * draw (Back Office, absent=0.3), each followed by a dispatch that draws
 * service times, on the 24x7 calendar (the lean loop takes a calendar
 * without closed hours, or none).
 */
static void test_lean_office_events(void **state)
{
	(void)state;
	write_tmp("m.ini", "[sop]\nid = izin-c\nname = Izin C\nagency = -\nsource = -\n"
			   "calendar = 24x7\n\n"
			   "[step 1]\nactivity = Verifikasi\nactor = Front Office\nwaktu = 30 Menit\n"
			   "output = -\n\n"
			   "[step 2]\nactivity = Proses\nactor = Back Office\nwaktu = 1 Jam\n"
			   "output = -\n");
	const char *path = write_tmp("s.ini", "[run]\ncalendar = 24x7\nstart = 2025-01-01\n"
					      "end = 2025-03-01\nwarmup_until = 2025-01-08\nreplications = 3\n"
					      "seed = 7\n\n"
					      "[staff]\nFront Office = 2, 3 from 2025-02-01\n"
					      "Back Office = 5 absent=0.3\n\n"
					      "[sop izin-c]\nmodel = m.ini\narrivals = 3 per jam\n"
					      "service = exponential\n");
	struct sim_scenario *sc = load_ok(path);
	same_whole_run(sc, "step/izin-c/2/wait_mean");
	sim_scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lean_equals_general),
		cmocka_unit_test_setup_teardown(test_lean_office_events, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
