/*
 * test_sla_measure.c - the kept case measure's encoding (engine/sla_measure.c,
 * docs/store.md "Case measures"): what sla_measure_decode gives back is,
 * field for field and bit for bit, what sla_measure_encode was given, for
 * cases with pauses, returns, a late step, no model, times that are not
 * whole seconds or milliseconds, NaNs of other payloads, -0.0 and an
 * infinity; a truncated or lengthened blob is rejected, never read past;
 * and the size of one case's measure, worked out by hand from the format.
 *
 * Model: tests/data/models/uji-sla.ini (calendar id-wib, UTC+7), steps
 *   1 Pemohon 30 Menit, 2 Front Office 15 Menit, 3 Tim Teknis 2 Hari,
 *   4 Kepala Dinas 1 Jam, 5 Pemohon 15 Menit (test_sla.c has the rest).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mutu/cal.h"
#include "mutu/sla.h"
#include "sla_int.h"
#include "sla_fixture.h"

static int same(double a, double b)
{
	return memcmp(&a, &b, sizeof a) == 0;
}
static int same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static double bits(uint64_t u)
{
	double v;
	memcpy(&v, &u, sizeof v);
	return v;
}

/* Encode c, decode it, and check every field a month reads came back. */
static void roundtrip(const struct sla_case *c, const struct case_zone *z, const struct sla_case_in *in0, double first,
		      double lastt, size_t *size)
{
	struct sla_mbuf b = {NULL, 0, 0};
	sla_measure_encode(&b, c, z, in0, first, lastt);
	if (size)
		*size = b.n;
	struct sla_mscratch m;
	memset(&m, 0, sizeof m);
	struct sla_case_in in = {0};
	in.case_id = in0->case_id;
	in.key = in0->key;
	in.measure = b.p;
	in.measure_len = b.n;
	struct sla_case d;
	struct case_zone dz;
	double df, dl;
	struct mutu_err err;
	mutu_err_clear(&err);
	int rc = sla_measure_decode(c->sop, &in, &m, &d, &dz, &df, &dl, &err);
	if (rc)
		fprintf(stderr, "%s\n", err.msg);
	assert_int_equal(rc, 0);
	assert_true(same(d.arrival, c->arrival) && same(d.accepted, c->accepted) && same(d.done, c->done));
	assert_true(same(d.work_s, c->work_s) && same(d.calendar_s, c->calendar_s) && same(d.over_s, c->over_s));
	assert_true(same(d.deadline_base, c->deadline_base) && same(d.target, c->target));
	assert_true(same(d.returns_pre_s, c->returns_pre_s));
	assert_true(same(df, first) && same(dl, lastt));
	assert_int_equal(d.late, c->late);
	assert_int_equal(d.late_exact, c->late_exact);
	assert_int_equal(d.late_target, c->late_target);
	assert_int_equal(d.finished, c->finished);
	assert_int_equal(d.returns_pre, c->returns_pre);
	assert_int_equal(d.applicant_late, c->applicant_late != 0);
	assert_true(dz.da == z->da && dz.dd == z->dd && dz.moff == z->moff && dz.tz == z->tz);
	assert_int_equal(in.nev, in0->nev);
	assert_int_equal(in.target_event, in0->target_event);
	assert_true(same_str(in.target_name, in0->target_name));
	/* the planned date's text is kept only when it did not parse */
	assert_true(same_str(in.target_text, !in0->target_text || isnan(c->target) ? in0->target_text : ""));
	assert_int_equal(d.npauses, c->npauses);
	for (size_t i = 0; i < c->npauses; i++)
		assert_true(same(d.pauses[i].from, c->pauses[i].from) && same(d.pauses[i].to, c->pauses[i].to));
	/* the step executions kept: a finished case's measured ones and its late one */
	size_t k = 0;
	for (size_t i = 0; c->finished && i < c->nev; i++) {
		const struct sla_step_time *t = &c->st[i];
		if (isnan(t->work_s) && (long)i != c->late_ev)
			continue;
		assert_true(k < d.nev);
		const struct sla_step_time *u = &d.st[k];
		assert_int_equal(d.ev[k].step, c->ev[i].step);
		assert_true(same(u->work_s, t->work_s) && same(u->std_s, t->std_s) && same(u->excess_s, t->excess_s));
		assert_int_equal(u->in_clock, t->in_clock != 0);
		assert_int_equal(u->from_prev, t->from_prev != 0);
		assert_int_equal(u->applicant_after, t->applicant_after != 0);
		assert_int_equal(u->returned, t->returned != 0);
		assert_true(same_str(u->actor_key, t->actor_key));
		if (!c->sop->model || (long)i == c->late_ev)
			assert_true(same_str(d.ev[k].activity, c->ev[i].activity));
		else
			assert_null(d.ev[k].activity);
		if ((long)i == c->late_ev)
			assert_int_equal(d.late_ev, (long)k);
		k++;
	}
	assert_int_equal(d.nev, k);
	if (c->late_ev < 0 || !c->finished)
		assert_int_equal(d.late_ev, -1);
	/* every shorter blob, and one a byte longer, is rejected */
	for (size_t n = 0; n < b.n; n++) {
		in.measure_len = n;
		mutu_err_clear(&err);
		assert_int_equal(sla_measure_decode(c->sop, &in, &m, &d, &dz, &df, &dl, &err), MUTU_EFAIL);
		assert_non_null(strstr(err.msg, "is not one this mutu wrote"));
	}
	unsigned char *longer = malloc(b.n + 1);
	memcpy(longer, b.p, b.n);
	longer[b.n] = 0;
	in.measure = longer;
	in.measure_len = b.n + 1;
	mutu_err_clear(&err);
	assert_int_equal(sla_measure_decode(c->sop, &in, &m, &d, &dz, &df, &dl, &err), MUTU_EFAIL);
	/* any byte changed: rejected or read, never past the blob (SANITIZE
	 * builds check the reads) */
	for (size_t i = 0; i < b.n; i++) {
		memcpy(longer, b.p, b.n);
		longer[i] ^= 0xff;
		in.measure_len = b.n;
		mutu_err_clear(&err);
		(void)sla_measure_decode(c->sop, &in, &m, &d, &dz, &df, &dl, &err);
	}
	free(longer);
	sla_mscratch_release(&m);
	free(b.p);
}

/* the case as the reader gives it to the measure: id 1, key "K", n
 * events, nothing else */
static struct sla_case_in case_in(size_t n)
{
	struct sla_case_in in;
	memset(&in, 0, sizeof in);
	in.case_id = 1;
	in.key = "K";
	in.nev = n;
	return in;
}

/* Case A of test_sla.c with the model's pelaksana: accepted Thu 15 May
 * 09:40, done Mon 19 May 14:00 (signed; received 14:45, the applicant's),
 * in time (1100 of 1350 min). */
static const struct ev_spec case_a[] = {
	{1, "Pemohon", "2025-05-15 09:00", "2025-05-15 09:20", NULL},
	{2, "Front Office", "2025-05-15 09:30", "2025-05-15 09:40", NULL},
	{3, "Tim Teknis", "2025-05-15 10:00", "2025-05-19 11:00", NULL},
	{4, "Kepala Dinas", "2025-05-19 13:30", "2025-05-19 14:00", NULL},
	{5, "Pemohon", "2025-05-19 14:30", "2025-05-19 14:45", NULL},
	{-1, NULL, NULL, NULL, NULL},
};

/*
 * Case A's measure, byte by byte (sla_measure.c; a varint holds 7 bits a
 * byte; a number is zigzag(k) * 4 + tag, k its whole seconds from the
 * arrival for instants, from 0 for durations):
 *   arrival 2025-05-15 02:00 UTC = 20223 days * 86400 + 7200 =
 *     1,747,274,400 s: 2 * 4 * that = 13,978,195,200 < 2^34: 5 bytes
 *   accepted +2400 s: 19,200 < 2^15: 3; done +363,600 s (4 days 5:00):
 *     2,908,800 < 2^22: 4; deadline base (+1350 working min: Tue 20 May
 *     09:40, +434,400 s): 3,475,200 < 2^22: 4; no planned date (NAN): 1;
 *     first = arrival (+0): 1; last = done: 4
 *   work 1100 min = 66,000 s: 528,000 < 2^21: 3; calendar 361,200 s:
 *     2,889,600 < 2^22: 4; over 0: 1; returns_pre_s NAN: 1       = 31
 *   local day 20223: zigzag 40,446 < 2^16: 3; days to completion 4: 1
 *   midnight offset 25,200 s: zigzag 50,400 < 2^16: 3; twelve small ints
 *     (tz, late, late_exact, late_target, finished, pauses, events 5,
 *     target_event, kept 5, late event -1, returns_pre 0, applicant_late
 *     0: received 14:45, before the deadline): 12; the planned date's
 *     text and name NULL: 2                                          = 21
 *   five steps: number 1, flags 1, no activity (a model, in time) 1, the
 *     pelaksana the model's (a reference < 128) 1, waktu and excess the
 *     model's (left out), work 20, 10, 960, 30, 15 min = 1200, 600,
 *     57,600, 1800, 900 s: 9600, 4800, 460,800 (< 2^21), 14,400, 7200:
 *     2 + 2 + 3 + 2 + 2 = 11; 5 * 4 + 11                           = 31
 *   total 31 + 21 + 31 = 83 bytes (82 before MEASURE_CODE 6's applicant_late).
 * The fixed-width measure 4 took 11 * 8 + 2 * 8 + 12 * 4 + 2 * 4 = 160,
 * and a step 4 + 4 + 3 * 8 + 4 (no activity) + 4 + its pelaksana's bytes
 * (7, 12, 10, 12, 7): 5 * 40 + 48 = 248; total 408 (83 is 0.20 of it).
 */
static void test_measure_size(void **state)
{
	(void)state;
	struct sla_opts o;
	opts(&o);
	struct sla_env *env = sla_env_create(&o);
	const struct sla_sop *s = get_sop(env, "uji-sla");
	struct sla_event ev[8];
	struct sla_case c;
	struct sla_case_in in = case_in(compute(s, 1, "K", case_a, ev, &c));
	assert_true(c.finished);
	assert_false(c.late);
	struct case_zone z = {20223, 20227, 25200, 0};
	size_t size = 0;
	roundtrip(&c, &z, &in, c.arrival, c.done, &size);
	assert_int_equal(size, 83);
	sla_case_release(&c);
	sla_env_free(env);
}

/* Case C (sla_fixture.h: returned to the applicant by step 3, a pause
 * Tue 20 May 10:00 -> Wed 21 May 14:00) and case B (across Waisak, late:
 * its late step's activity is kept), with the local day of a case
 * without stamps (INT64_MAX / 4) and a --tz zone. */
static const struct ev_spec case_b[] = {
	{1, "Pemohon", "2025-05-09 08:00", "2025-05-09 08:30", NULL},
	{2, "budi", "2025-05-09 08:30", "2025-05-09 09:00", NULL},
	{3, "Tim Teknis", "2025-05-09 09:30", "2025-05-15 10:00", "periksa lapangan"},
	{4, "budi", "2025-05-16 08:30", "2025-05-16 10:30", NULL},
	{5, "Pemohon", "2025-05-16 13:00", "2025-05-16 13:10", NULL},
	{-1, NULL, NULL, NULL, NULL},
};
/* (test_sla.c's case B: signed Fri 16 May 10:30, past its deadline of
 * 09:00.  It signed Thu 15 May 15:00 before, late only by the
 * applicant's receipt on Fri, which no longer counts.) */

static void test_measure_model(void **state)
{
	(void)state;
	struct sla_opts o;
	opts(&o);
	struct sla_env *env = sla_env_create(&o);
	const struct sla_sop *s = get_sop(env, "uji-sla");
	struct sla_event ev[16];
	struct sla_case c;

	struct sla_case_in in = case_in(compute(s, 1, "K", case_c, ev, &c));
	assert_int_equal(c.npauses, 1);
	assert_true(c.st[3].returned);
	struct case_zone z = {20227, 20231, 25200, 0};
	roundtrip(&c, &z, &in, c.arrival, c.done, NULL);
	/* the same case with numbers no tag but the full double takes:
	 * non-integral and not whole milliseconds, -0.0, an infinity, a NaN of
	 * another payload, a waktu and an excess other than the model's */
	c.work_s += 0.1;
	c.calendar_s = -0.0;
	c.over_s = 1.0 / 3.0;
	c.target = bits(0x7ff8000000000abcULL);
	c.pauses[0].to += 0.0005; /* half a millisecond */
	c.st[0].work_s = 12.345;  /* whole milliseconds */
	c.st[1].std_s = 17.5;
	c.st[2].excess_s = INFINITY;
	c.st[4].work_s = -0.0;
	c.deadline_base = -INFINITY;
	z.tz = 1;
	z.moff = 0;
	roundtrip(&c, &z, &in, c.arrival - 0.001, c.done + 1e-9, NULL);
	sla_case_release(&c);

	in = case_in(compute(s, 1, "K", case_b, ev, &c));
	assert_true(c.late);
	assert_true(c.late_ev >= 0);
	in.target_text = "2025-05-15";
	in.target_name = "enddate_planned";
	in.target_event = 1;
	struct case_zone z2 = {INT64_MAX / 4, 0, -25200, 0};
	roundtrip(&c, &z2, &in, NAN, NAN, NULL);
	sla_case_release(&c);

	/* case A collected by the applicant Wed 21 May, past its deadline of
	 * Tue 20 May 09:40: in time for the office, applicant_late, which
	 * the monthly report counts from the measure (MEASURE_CODE 6) */
	static const struct ev_spec case_a_late[] = {
		{1, "Pemohon", "2025-05-15 09:00", "2025-05-15 09:20", NULL},
		{2, "Front Office", "2025-05-15 09:30", "2025-05-15 09:40", NULL},
		{3, "Tim Teknis", "2025-05-15 10:00", "2025-05-19 11:00", NULL},
		{4, "Kepala Dinas", "2025-05-19 13:30", "2025-05-19 14:00", NULL},
		{5, "Pemohon", "2025-05-21 09:45", "2025-05-21 10:00", NULL},
		{-1, NULL, NULL, NULL, NULL},
	};
	in = case_in(compute(s, 1, "K", case_a_late, ev, &c));
	assert_false(c.late);
	assert_true(c.applicant_late);
	struct case_zone z3 = {20223, 20227, 25200, 0};
	roundtrip(&c, &z3, &in, c.arrival, c.done, NULL);
	sla_case_release(&c);
	sla_env_free(env);
}

/* No model (test_sla.c's WABO-style log): completions only, in UTC, some
 * in milliseconds; the activities are kept (the repeated ones once, the
 * ones sharing their start and end with an earlier one as its middle),
 * and the actors (r1 once). */
static const struct ev_spec case_w[] = {
	{0, "r1", NULL, "2025-05-05T10:00:00Z", "a"},
	{0, "r2", NULL, "2025-05-06T12:00:00.250Z", "T02 Check confirmation of receipt"},
	{0, "r1", NULL, "2025-05-08T10:00:00.001Z", "a"},
	{0, "", NULL, "2025-05-08T11:00:00.333Z", "T04 Determine confirmation of receipt"},
	{0, NULL, NULL, "2025-05-08T12:00:00Z", "T04 Determine confirmation of receipt"},
	{0, "r1", NULL, "2025-05-08T12:30:00.007Z", "T02 Check"},
	{0, "r2", NULL, "2025-05-08T12:31:00.007Z", "T02 Check confirmation of receipt again"},
	{-1, NULL, NULL, NULL, NULL},
};

static void test_measure_nomodel(void **state)
{
	(void)state;
	struct sla_opts o;
	opts(&o);
	struct sla_env *env = sla_env_create(&o);
	const struct sla_sop *s = get_sop(env, NULL);
	assert_null(s->model);
	struct sla_event ev[8];
	struct sla_case c;
	struct sla_case_in in = case_in(compute(s, 1, "K", case_w, ev, &c));
	assert_true(c.finished);
	struct case_zone z = {20213, 20216, 0, 0};
	roundtrip(&c, &z, &in, c.arrival, c.done, NULL);
	sla_case_release(&c);
	sla_env_free(env);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_measure_size),
		cmocka_unit_test(test_measure_model),
		cmocka_unit_test(test_measure_nomodel),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
