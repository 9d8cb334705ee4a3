/*
 * test_sim_evq_switch.c - the simulator's event list moves its events from
 * the 4-ary heap to the calendar queue (engine/sim_evq.c) when 1,024 or
 * more are pending and back below 256 (engine/sim.c, EVQ_HIGH/EVQ_LOW).
 * Both must pop the same order: time, then event priority, then the order
 * of scheduling.  test_sim_evq.c checks the queue alone; here a whole run
 * crosses both thresholds and every file's finish is worked out by hand,
 * so an event popped early, late or out of its tie shows as a wrong time.
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

/*
 * n files open at the start, all with the applicant (step 1, Pemohon,
 * fixed 10,000 s), then one officer (step 2, fixed 1 s).  No calendar:
 * working time is seconds since the start.  File i has been with the
 * applicant for 10,000 - T(i) s, so it comes back at T(i) = 100 + 5 k(i),
 * k(i) = 7 i mod 600: 600 distinct times 5 s apart (7 and 600 are
 * coprime), each shared by the files i, i + 600, i + 1200, ... (n = 3000:
 * five files a time).  All n returns are pending at once: 3,000 is past
 * 1,024, so the heap hands them to the calendar queue, and the queue
 * hands the last 255 back to the heap.
 *
 * The officer serves 1 s a file in the order the returns pop.  Files
 * that come back together pop in the order they were scheduled (the order
 * added), so file i is the r(i) = floor(i / 600)-th of its group and ends
 * at T(i) + 1 + r(i).  The group ends by T(i) + 5, when the next one comes
 * back: no file waits for an earlier group, so the formula holds for
 * every file.  The next group's returns at that instant pop before the
 * last end (scheduled earlier), join the queue, and the freed officer
 * takes them at the same instant: the same times.
 */
static void run_groups(int n)
{
	struct mutu_err err;
	mutu_err_clear(&err);
	struct sim_scenario *sc = sim_scenario_create(NULL, 0, 4000);
	int a = sim_scenario_add_actor(sc, "Loket", 1);
	int s = sim_scenario_add_sop(sc, "izin", 0.0, 0); /* no new arrivals */
	struct sim_dist away = {.kind = SIM_FIXED, .mean = 10000}, one = {.kind = SIM_FIXED, .mean = 1};
	sim_scenario_add_step(sc, s, 1, "Melengkapi berkas", SIM_PEMOHON, away);
	sim_scenario_add_step(sc, s, 2, "Verifikasi", a, one);
	sim_scenario_set_replications(sc, 1);
	assert_int_equal(sim_scenario_compile(sc, &err), 0);
	for (int i = 0; i < n; i++) {
		double t = 100 + 5 * ((7 * i) % 600);
		assert_int_equal(sim_scenario_add_open_file(sc, s, 0, 0, 10000 - t, 1), i);
	}
	struct sim_results *r = NULL;
	if (sim_run(sc, NULL, &r, &err))
		fail_msg("%s", err.msg);
	assert_int_equal(r->nopen, (size_t)n);
	int bad = 0;
	for (int i = 0; i < n; i++) {
		double t = 100 + 5 * ((7 * i) % 600), want = t + 1 + i / 600;
		if (r->open_end[i] != want && bad++ < 5)
			print_error("file %d (n = %d): ended at %.0f s, expected %.0f s\n", i, n,
				    r->open_end[i], want);
	}
	assert_int_equal(bad, 0);
	/* every file finished; none waited but for its own group: the mean
	 * wait at step 2 is (0 + 1 + 2 + 3 + 4) / 5 = 2 s with five a group */
	int fi = sim_results_find(r, "all/finished");
	assert_true(fi >= 0);
	assert_float_equal(r->values[fi], n, 0);
	if (n == 3000) {
		int wi = sim_results_find(r, "step/izin/2/wait_mean");
		assert_true(wi >= 0);
		assert_float_equal(r->values[wi], 2.0, 1e-9);
	}
	sim_results_free(r);
	sim_scenario_free(sc);
}

/* 3,000 pending: heap -> calendar queue -> heap */
static void test_switch_keeps_order(void **state)
{
	(void)state;
	run_groups(3000);
}

/* the same rule below the threshold (the heap alone): one file a time */
static void test_heap_alone(void **state)
{
	(void)state;
	run_groups(500);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_switch_keeps_order),
		cmocka_unit_test(test_heap_alone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
