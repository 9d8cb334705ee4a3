/*
 * test_sim_seed.c - the simulator on the seed SOPs and the shipped
 * scenarios: working-time arithmetic against the calendar, Little's law,
 * rework and absence against their expected values, batch signing,
 * reproducibility across thread counts, and the loader's file:line errors.
 * Runs from the repository root (models/, datasets/calendars).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "mutu/cal.h"
#include "mutu/sim.h"
#include "mutu/sop.h"

#include "sim_fixture.h"

static double mean_of(const struct sim_results *r, const char *key)
{
	int i = sim_results_find(r, key);
	if (i < 0)
		fail_msg("no metric %s", key);
	return r->ci[i].mean;
}

/*
 * One file at a time through the Banjarbaru LKS/LKSA SOP with fixed
 * times (the waktu of each step) and no other work: no queue, so the file
 * ends exactly when the calendar says the sum of its steps ends,
 * cal_add(submission, 4 Hari 1 Jam 18 Menit).  Two files: one inside an
 * ordinary (Ramadan) week, one submitted on Thursday 27 March 2025 at
 * 15:30 WITA, after Ramadan closing time (15:00), before the Nyepi cuti
 * bersama, Nyepi, Idul Fitri and its cuti bersama (up to 7 Apr 2025): its
 * first step starts on the next working minute, 8 April 07:30.
 */
static void test_fixed_times_match_calendar(void **state)
{
	(void)state;
	const char *csv = write_tmp("one.csv", "submitted\n2025-03-05 10:00\n2025-03-27 15:30\n");
	char ini[2048];
	snprintf(ini, sizeof ini,
		 "[run]\ncalendar = id-wita\nstart = 2025-03-01\nend = 2025-05-31\nreplications = 1\n"
		 "[staff]\nFront Office = 1\nBack Office = 1\nDinas Teknis = 1\nKabid Perizinan = 1\n"
		 "Sekretaris = 1\nKepala Dinas = 1\n"
		 "[sop lks]\nmodel = models/tanda-daftar-lks-lksa.ini\narrivals = replay %s\n"
		 "service = fixed\n",
		 csv);
	const char *path = write_tmp("fixed.ini", ini);
	struct sim_scenario *sc = load_ok(path);
	const struct cal *cal = sim_scenario_cal(sc);
	struct sop_model *m = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	assert_int_equal(sop_model_load("models/tanda-daftar-lks-lksa.ini", &m, &err), 0);
	/* the steps: 30 + 10 + 10 Menit, 4 Hari, 10 + 5 + 5 + 5 + 3 Menit = 4 Hari
	 * 78 Menit (the table's own "4 Hari 1 Jam 13 Menit" is 5 minutes short);
	 * 1 Hari = 450 working minutes on id-wita */
	double total = (double)dur_to_minutes(sop_model_total(m), cal_day_minutes(cal)) * 60.0;
	assert_true(total == (4 * 450 + 78) * 60.0);

	FILE *f = tmpfile();
	assert_int_equal(sim_write_log(sc, 1, 0, f, &err), 0);
	rewind(f);
	char line[1024], last_end[2][64] = {"", ""}, first_start[2][64] = {"", ""};
	int rows = 0;
	while (fgets(line, sizeof line, f)) {
		if (rows++ == 0)
			continue; /* header */
		/* case ids carry the scenario file stem: fixed.ini -> sim-fixed-000001 */
		int id = strncmp(line, "sim-fixed-000001,", 17) == 0 ? 0 : 1;
		*strrchr(line, ',') = '\0'; /* the resource column, last */
		char *end = strrchr(line, ',');
		*end = '\0';
		snprintf(last_end[id], 64, "%.*s", (int)strcspn(end + 1, "\n"), end + 1);
		char *start = strrchr(line, ',');
		if (!first_start[id][0])
			snprintf(first_start[id], 64, "%s", start + 1);
	}
	fclose(f);
	assert_int_equal(rows, 1 + 2 * 9); /* header + 9 steps per file */
	const char *sub[2] = {"2025-03-05 10:00", "2025-03-27 15:30"};
	for (int i = 0; i < 2; i++) {
		double t0, want;
		assert_int_equal(cal_parse_time(cal, sub[i], &t0, NULL, &err), 0);
		assert_int_equal(cal_add(cal, t0, total, &want, &err), 0);
		char buf[64];
		cal_format_time(cal, want, buf, sizeof buf);
		assert_string_equal(last_end[i], buf);
		/* the first step starts at the submission, or at the next working
		 * minute when it falls outside working time */
		double open = t0;
		while (!cal_is_working(cal, open))
			open += 60;
		cal_format_time(cal, open, buf, sizeof buf);
		assert_string_equal(first_start[i], buf);
	}
	/* lead time in working time: the sum to the office's last step, step 8
	 * (the Kepala Dinas signs); step 9, the applicant receiving the SK (3
	 * Menit), is after the SLA clock as in reports (sop_office_end), though
	 * the log above still ends with it.  It starts at the end of step 2,
	 * the Front Office's check (reject_to = 1: sop_clock_start_step, where
	 * reports start it), so step 1 (the applicant's online submission, 30
	 * Menit) and the check (10 Menit) are not in it either: total - 3 - 40
	 * Menit, no file waits (they come three weeks apart).  Both within 5 Hari */
	struct sim_results *r = NULL;
	assert_int_equal(sim_run(sc, NULL, &r, &err), 0);
	assert_true(mean_of(r, "sop/tanda-daftar-lks-lksa/finished") == 2);
	assert_true(fabs(mean_of(r, "sop/tanda-daftar-lks-lksa/lead_mean") - (total - (3 + 30 + 10) * 60.0)) < 1e-6);
	assert_true(mean_of(r, "sop/tanda-daftar-lks-lksa/within") == 1.0);
	sim_results_free(r);
	sop_model_free(m);
	sim_scenario_free(sc);
}

/*
 * Little's law, L = lambda W, on every shipped scenario: L the time-average
 * number of files in the system over the observation window, lambda the
 * arrival rate (arrivals / working time of the window), W the mean time in
 * the system (working time, applicant time included).  The law is exact
 * for a stationary system; over a window of ~230 working days with W of
 * about a week, the files straddling the window's edges make a few percent
 * of difference at most, so we require |L - lambda W| <= 5% of L.
 */
static void test_little(void **state)
{
	(void)state;
	static const char *const files[] = {
		"models/scenarios/banjarbaru.ini", "models/scenarios/banjarbaru-tambah-staf.ini",
		"models/scenarios/rokan-hilir.ini", "models/scenarios/rokan-hilir-tambah-tim.ini",
		"models/scenarios/sicantik.ini", "models/scenarios/sicantik-e-sign.ini"};
	for (size_t k = 0; k < sizeof files / sizeof files[0]; k++) {
		struct sim_scenario *sc = load_ok(files[k]);
		struct sim_results *r = NULL;
		struct mutu_err err;
		mutu_err_clear(&err);
		struct sim_options opt = {.replications = 20};
		assert_int_equal(sim_run(sc, &opt, &r, &err), 0);
		double start, warm, end, span;
		sim_scenario_window(sc, &start, &warm, &end);
		assert_int_equal(cal_between(sim_scenario_cal(sc), warm, end, &span, &err), 0);
		double L = mean_of(r, "all/wip_mean");
		double lambda = mean_of(r, "all/arrivals") / span;
		double W = mean_of(r, "all/sojourn_mean");
		if (!(fabs(L - lambda * W) <= 0.05 * L))
			fail_msg("%s: L = %.4f, lambda W = %.4f", files[k], L, lambda * W);
		sim_results_free(r);
		sim_scenario_free(sc);
	}
}

/*
 * Rework and absence against their expected values on banjarbaru.ini:
 * - a file fails step 2 with p = 0.15 each time it passes, so the number
 *   of rejections per file is geometric with mean p / (1 - p) = 0.17647;
 * - the Kepala Dinas (1 staff, absent=0.2) is present on a working day
 *   with probability 0.8, so the time-average staff present is 0.8.
 * Both must lie in the 95% interval across replications.
 */
static void test_rework_absence(void **state)
{
	(void)state;
	struct sim_scenario *sc = load_ok("models/scenarios/banjarbaru.ini");
	struct sim_results *r = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	struct sim_options opt = {.replications = 40};
	assert_int_equal(sim_run(sc, &opt, &r, &err), 0);
	/* per replication: rejections / finished over all three SOPs */
	double *ratio = calloc((size_t)r->nrep, sizeof *ratio);
	int ia[3], ifin[3];
	const char *ids[3] = {"izin-pengumpulan-uang-barang", "tanda-daftar-lks-lksa",
			      "izin-penyelenggaraan-kegiatan-belajar-mengajar"};
	for (int s = 0; s < 3; s++) {
		char key[160];
		snprintf(key, sizeof key, "sop/%s/rejections", ids[s]);
		ia[s] = sim_results_find(r, key);
		snprintf(key, sizeof key, "sop/%s/finished", ids[s]);
		ifin[s] = sim_results_find(r, key);
		assert_true(ia[s] >= 0 && ifin[s] >= 0);
	}
	for (int k = 0; k < r->nrep; k++) {
		double rej = 0, fin = 0;
		for (int s = 0; s < 3; s++) {
			rej += r->values[(size_t)k * r->nmetric + (size_t)ia[s]];
			fin += r->values[(size_t)k * r->nmetric + (size_t)ifin[s]];
		}
		ratio[k] = rej / fin;
	}
	struct stats_ci ci;
	stats_ci_compute(ratio, (size_t)r->nrep, 1, 0.95, &ci);
	double want = 0.15 / 0.85;
	if (!(ci.lo <= want && want <= ci.hi))
		fail_msg("rejections per file %.4f [%.4f, %.4f], want %.4f", ci.mean, ci.lo, ci.hi, want);
	const struct stats_ci *st = &r->ci[sim_results_find(r, "actor/Kepala Dinas/staff_mean")];
	if (!(st->lo <= 0.8 && 0.8 <= st->hi))
		fail_msg("Kepala Dinas present %.4f [%.4f, %.4f], want 0.8", st->mean, st->lo, st->hi);
	free(ratio);
	sim_results_free(r);
	sim_scenario_free(sc);
}

#define HEAD "[run]\ncalendar = id-wita\nstart = 2025-01-01\nend = 2025-06-30\n"
#define STAFF "[staff]\nFront Office = 1\nBack Office = 1\nDinas Teknis = 5\nKabid Perizinan = 1\n" \
	      "Sekretaris = 1\nKepala Dinas = 1\n"
#define SOP "[sop a]\nmodel = models/izin-pengumpulan-uang-barang.ini\n"
#define STAFF_BATCH "[staff]\nFront Office = 1\nBack Office = 1\nDinas Teknis = 12\n" \
	      "Kabid Perizinan = 1\nSekretaris = 1\nKepala Dinas = 1 batch=daily at 15:00\n"

/* Batch signing: with "batch=daily at 15:00" (and no absence, and few
 * enough files that a day's batch of 5-minute signatures ends before
 * 16:00) the Kepala Dinas starts every signature between 15:00 and 16:00
 * local time.  (A batch the signer cannot finish, or one released on a
 * day of absence, carries over to the next morning.) */
static void test_batch(void **state)
{
	(void)state;
	/* May-September: outside Ramadan, whose Monday-Thursday hours end at
	 * 15:00 (a 15:00 batch then falls at closing time and runs next morning) */
	const char *path = write_tmp("batch.ini", "[run]\ncalendar = id-wita\nstart = 2025-05-01\n"
				     "end = 2025-09-30\n" STAFF_BATCH SOP "arrivals = 2 per hari\n");
	struct sim_scenario *sc = load_ok(path);
	FILE *f = tmpfile();
	struct mutu_err err;
	mutu_err_clear(&err);
	assert_int_equal(sim_write_log(sc, 7, 0, f, &err), 0);
	rewind(f);
	char line[1024];
	int signed_n = 0;
	while (fgets(line, sizeof line, f)) {
		if (!strstr(line, ",Kepala Dinas,"))
			continue;
		char *start = strstr(line, ",Kepala Dinas,") + strlen(",Kepala Dinas,");
		int hh = atoi(start + 11);
		if (hh != 15)
			fail_msg("signed outside 15:00-16:00: %s", line);
		signed_n++;
	}
	fclose(f);
	assert_true(signed_n > 150); /* ~2 a day over 5 months */
	sim_scenario_free(sc);
}

/* The same seed gives the same bytes with one thread and with two. */
static void test_threads_identical(void **state)
{
	(void)state;
	struct sim_scenario *sc = load_ok("models/scenarios/banjarbaru.ini");
	struct mutu_buf out[2][3];
	for (int t = 0; t < 2; t++) {
		struct sim_results *r = NULL;
		struct mutu_err err;
		mutu_err_clear(&err);
		struct sim_options opt = {.threads = t + 1, .replications = 9};
		assert_int_equal(sim_run(sc, &opt, &r, &err), 0);
		for (int f = 0; f < 3; f++) {
			mutu_buf_init(&out[t][f]);
			sim_results_format(sc, r, NULL, NULL, NULL, (enum sim_format)f, &out[t][f]);
		}
		sim_results_free(r);
	}
	for (int f = 0; f < 3; f++) {
		assert_true(out[0][f].len > 1000);
		assert_string_equal(out[0][f].s, out[1][f].s);
		mutu_buf_release(&out[0][f]);
		mutu_buf_release(&out[1][f]);
	}
	sim_scenario_free(sc);
}

/* Errors name the file and line of the offending key. */
static void expect_error(const char *name, const char *text, int line, const char *what)
{
	const char *path = write_tmp(name, text);
	struct sim_scenario *sc = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	int rc = sim_scenario_load(path, "datasets/calendars", &sc, &err);
	assert_true(rc != 0);
	assert_null(sc);
	char where[256];
	snprintf(where, sizeof where, "%s:%d:", path, line);
	if (!strstr(err.msg, where) || !strstr(err.msg, what))
		fail_msg("want \"%s ... %s\", got \"%s\"", where, what, err.msg);
}


static void test_errors(void **state)
{
	(void)state;
	/* line 12: an actor no step of the SOP names */
	expect_error("e1.ini", HEAD STAFF "Satpam = 2\n" SOP "arrivals = 1 per hari\n", 12,
		     "unknown actor \"Satpam\"");
	/* line 13: a model file that does not exist */
	expect_error("e2.ini", HEAD STAFF "[sop a]\nmodel = models/nope.ini\narrivals = 1 per hari\n", 13,
		     "models/nope.ini");
	/* line 8 (Dinas Teknis = 5): 3 files a working day x 4 Hari = 12 busy > 5 staff */
	expect_error("e3.ini", HEAD STAFF SOP "arrivals = 3 per hari\n", 8, "Dinas Teknis");
	expect_error("e3b.ini", HEAD STAFF SOP "arrivals = 3 per hari\n", 8, "cannot be met");
	/* line 15: a distribution that does not exist */
	expect_error("e4.ini", HEAD STAFF SOP "arrivals = 1 per minggu\nservice = pareto k=2\n", 15,
		     "distribution name");
	/* line 15: a rejection probability out of range */
	expect_error("e5.ini", HEAD STAFF SOP "arrivals = 1 per minggu\nstep.2.reject = 1.5\n", 15,
		     "probability");
	/* line 14: an unknown key */
	expect_error("e6.ini", HEAD STAFF SOP "arrivalz = 1 per minggu\n", 14, "unknown key");
	/* line 15: a step the model does not have */
	expect_error("e7.ini", HEAD STAFF SOP "arrivals = 1 per minggu\nstep.12.reject = 0.1\n", 15,
		     "no step 12");
	/* line 6: a later staffing without a date */
	expect_error("e8.ini", HEAD "[staff]\nFront Office = 1, 2\n" SOP "arrivals = 1 per hari\n", 6,
		     "from YYYY-MM-DD");
	/* Kepala Dinas missing from [staff]: named at the section's first line (12) */
	expect_error("e9.ini", HEAD "[staff]\nFront Office = 1\nBack Office = 1\nDinas Teknis = 5\n"
				   "Kabid Perizinan = 1\nSekretaris = 1\n" SOP "arrivals = 1 per minggu\n",
		     12, "Kepala Dinas");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixed_times_match_calendar),
		cmocka_unit_test(test_little),
		cmocka_unit_test(test_rework_absence),
		cmocka_unit_test(test_batch),
		cmocka_unit_test(test_threads_identical),
		cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests_name("sim_seed", tests, setup, teardown);
}
