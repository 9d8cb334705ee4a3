/*
 * test_sim_evq.c - the simulator's calendar queue (engine/sim_evq.c)
 * against a reference: every pop must return exactly the smallest key
 * still held, the order the kernel's heap pops in, so a run's output
 * cannot depend on which of the two held its events.  Keys are built as
 * the kernel builds them (time bits high, sequence low); times come from a
 * coarse grid so equal times are common and are resolved by the sequence.
 * The reference is a sorted array (binary search + memmove): slow, and
 * obviously right.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "sim_evq.h"

/* sim.c's mapping: unsigned order of the bits is the order of the doubles */
static uint64_t time_bits(double t)
{
	uint64_t b;
	t += 0.0;
	memcpy(&b, &t, sizeof b);
	return b ^ ((uint64_t)((int64_t)b >> 63) | (1ULL << 63));
}

static sim_evq_key mk(double t, uint64_t seq)
{
	return ((sim_evq_key)time_bits(t) << 64) | seq;
}

/* A small deterministic generator (xorshift64*), so a failure replays. */
static uint64_t rs = 88172645463325252ULL;
static uint64_t rnd(void)
{
	rs ^= rs >> 12, rs ^= rs << 25, rs ^= rs >> 27;
	return rs * 2685821657736338717ULL;
}

struct ref {
	sim_evq_key *k;
	size_t n;
};

static void ref_push(struct ref *r, sim_evq_key k)
{
	size_t lo = 0, hi = r->n;
	while (lo < hi) {
		size_t m = (lo + hi) / 2;
		if (r->k[m] < k)
			lo = m + 1;
		else
			hi = m;
	}
	memmove(&r->k[lo + 1], &r->k[lo], (r->n - lo) * sizeof *r->k);
	r->k[lo] = k;
	r->n++;
}

static sim_evq_key ref_pop(struct ref *r)
{
	sim_evq_key k = r->k[0];
	memmove(&r->k[0], &r->k[1], (r->n - 1) * sizeof *r->k);
	r->n--;
	return k;
}

static void pop_both(struct sim_evq *q, struct ref *r, double *now)
{
	sim_evq_key got = 0;
	assert_int_equal(sim_evq_pop(q, &got), 1);
	sim_evq_key want = ref_pop(r);
	assert_true(got == want);
	assert_int_equal(q->n, r->n);
	double t;
	uint64_t b = (uint64_t)(got >> 64) ^ (1ULL << 63);
	memcpy(&t, &b, sizeof t);
	*now = t;
}

/*
 * A hold model like the kernel's: the count climbs from 0 to 6,000
 * (bucket count doubles several times), holds while pushes and pops
 * alternate, then drains to 0 (bucket count halves back): 50,000 pops, each
 * checked.  New times are now + a draw on a grid of 0.25 (ties), now
 * itself (an event at the current time), or a far one (office events days
 * ahead, which must not break the near-future pace).
 */
static void test_hold_against_sort(void **state)
{
	(void)state;
	struct sim_evq q;
	sim_evq_init(&q);
	struct ref r = {malloc(20000 * sizeof(sim_evq_key)), 0};
	uint64_t seq = 0;
	double now = 0;
	size_t pops = 0;
	for (int phase = 0; phase < 3; phase++) {
		int steps = phase == 1 ? 20000 : 12000;
		for (int i = 0; i < steps; i++) {
			int push = phase == 0 ? (rnd() % 4 != 0) : phase == 1 ? (rnd() % 2) : (rnd() % 4 == 0);
			if (push || r.n == 0) {
				uint64_t u = rnd() % 1000;
				double t = u < 50 ? now : u < 55 ? now + 86400.0 * (double)(1 + rnd() % 30)
								: now + 0.25 * (double)(rnd() % 400);
				sim_evq_key k = mk(t, seq++);
				sim_evq_push(&q, k);
				ref_push(&r, k);
			} else {
				pop_both(&q, &r, &now);
				pops++;
			}
		}
	}
	while (r.n) {
		pop_both(&q, &r, &now);
		pops++;
	}
	sim_evq_key k;
	assert_int_equal(sim_evq_pop(&q, &k), 0);
	/* the pushes outnumber the pops in phase 0 by about 6,000 (3:1 of
	 * 12,000); everything pushed comes out once */
	assert_int_equal(pops, seq);
	assert_true(pops > 20000);
	sim_evq_release(&q);
	free(r.k);
}

/*
 * The kernel's two switches: heap -> calendar builds from the heap array
 * (any order), calendar -> heap drains ascending into an array.  Every
 * time equal (one instant, 3,000 events): only the sequence orders them,
 * and the bucket width cannot be set from the spread of times.
 */
static void test_build_drain_ties(void **state)
{
	(void)state;
	enum { N = 3000 };
	sim_evq_key *a = malloc(N * sizeof *a), *out = malloc((N + 1) * sizeof *out);
	for (size_t i = 0; i < N; i++) /* sequence numbers in a shuffled order */
		a[i] = mk(3600.0, (i * 1237) % N);
	struct sim_evq q;
	sim_evq_init(&q);
	sim_evq_build(&q, a, N);
	assert_int_equal(q.n, N);
	/* one later event, then a drain: the 3,000 ties by sequence, then it */
	sim_evq_push(&q, mk(3600.5, N));
	sim_evq_drain(&q, out);
	assert_int_equal(q.n, 0);
	for (size_t i = 0; i < N; i++)
		assert_true(out[i] == mk(3600.0, i));
	assert_true(out[N] == mk(3600.5, N));
	sim_evq_key last = 0;
	assert_int_equal(sim_evq_pop(&q, &last), 0);
	/* reused after a drain, like the kernel after switching back: times
	 * 0..N-1 pushed descending come out ascending */
	sim_evq_build(&q, a, 0);
	for (size_t i = N; i-- > 0;)
		sim_evq_push(&q, mk((double)i, i));
	for (size_t i = 0; i < N; i++) {
		assert_int_equal(sim_evq_pop(&q, &last), 1);
		assert_true(last == mk((double)i, i));
	}
	sim_evq_release(&q);
	free(a);
	free(out);
}

/* Sparse times: a year of empty buckets between events makes pop jump
 * straight to the smallest head instead of scanning forever. */
static void test_sparse_jump(void **state)
{
	(void)state;
	struct sim_evq q;
	sim_evq_init(&q);
	sim_evq_key k[200];
	for (int i = 0; i < 100; i++) /* dense: 100 events in one second */
		k[i] = mk(0.01 * i, (uint64_t)i);
	sim_evq_build(&q, k, 100);
	for (int i = 0; i < 100; i++) /* then 100 events a day apart */
		sim_evq_push(&q, mk(86400.0 * (i + 1), (uint64_t)(100 + i)));
	for (int i = 0; i < 200; i++) {
		sim_evq_key got;
		assert_int_equal(sim_evq_pop(&q, &got), 1);
		double t = i < 100 ? 0.01 * i : 86400.0 * (i - 99);
		assert_true(got == mk(t, (uint64_t)i));
	}
	sim_evq_release(&q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hold_against_sort),
		cmocka_unit_test(test_build_drain_ties),
		cmocka_unit_test(test_sparse_jump),
	};
	return cmocka_run_group_tests_name("sim_evq", tests, NULL, NULL);
}
