/*
 * bench_cal.c - calendar operations per second on one core (issue 2:
 * over 10 million cal_between calls per second).
 *
 * Random instants spread over the whole id-wib calendar (2024-2026) and
 * gaps of up to 20 days, prepared before the clock starts.  Each loop
 * sums its results into a checksum that is printed, so the compiler
 * cannot drop the work.  For scale, the same "between" is also computed by
 * a naive day-by-day walk (what the table build replaces), on fewer calls,
 * and its checksum must match: the ratio is the speed-up.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "mutu/cal.h"

#define N (1 << 20)

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static uint64_t rng = 0x9E3779B97F4A7C15ULL;
static uint64_t next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* between by walking local days and their intervals: O(days) per call */
static double naive_between(const struct cal *c, double a, double b)
{
	int off = cal_utc_offset(c);
	double la = a + off, lb = b + off, w = 0;
	int64_t da = (int64_t)(la / 86400), db = (int64_t)(lb / 86400);
	for (int64_t d = da; d <= db; d++) {
		int s[8], e[8];
		int n = cal_day_hours(c, d, s, e, 8);
		for (int i = 0; i < n; i++) {
			double lo = (double)d * 86400 + s[i], hi = (double)d * 86400 + e[i];
			if (lo < la)
				lo = la;
			if (hi > lb)
				hi = lb;
			if (hi > lo)
				w += hi - lo;
		}
	}
	return w;
}

int main(void)
{
	struct mutu_err err;
	mutu_err_clear(&err);
	struct cal *c = NULL;
	if (cal_load("id-wib", "datasets/calendars", &c, &err)) {
		fprintf(stderr, "bench_cal: %s\n", err.msg);
		return 1;
	}
	double first, end;
	cal_range(c, &first, &end);
	double span = end - first - 21 * 86400.0;
	double *a = malloc(sizeof *a * N), *b = malloc(sizeof *b * N), *w = malloc(sizeof *w * N);
	struct dur *d = malloc(sizeof *d * N);
	for (int i = 0; i < N; i++) {
		a[i] = first + (double)(next_rand() % (uint64_t)span);
		b[i] = a[i] + (double)(next_rand() % (20 * 86400));
		w[i] = (double)(next_rand() % (10 * 450 * 60));
		d[i] = dur_zero();
		d[i].days = (int64_t)(next_rand() % 10);
		d[i].minutes = (int64_t)(next_rand() % 450);
	}

	const int rounds = 20;
	double sum = 0, out, t0, dt;

	/* cal_between: the checked call */
	t0 = now();
	for (int r = 0; r < rounds; r++)
		for (int i = 0; i < N; i++) {
			cal_between(c, a[i], b[i], &out, &err);
			sum += out;
		}
	dt = now() - t0;
	double between_rate = (double)rounds * N / dt;
	printf("cal_between: %.1f M calls/s (target > 10 M)  checksum %.0f\n", between_rate / 1e6, sum);

	/* cal_work_at: the simulator's unchecked path */
	sum = 0;
	t0 = now();
	for (int r = 0; r < rounds; r++)
		for (int i = 0; i < N; i++)
			sum += cal_work_at(c, a[i]);
	dt = now() - t0;
	printf("cal_work_at: %.1f M calls/s  checksum %.0f\n", (double)rounds * N / dt / 1e6, sum);

	/* cal_add */
	sum = 0;
	t0 = now();
	for (int r = 0; r < rounds / 4; r++)
		for (int i = 0; i < N; i++) {
			if (cal_add(c, a[i], w[i], &out, &err) == 0)
				sum += out - a[i];
		}
	dt = now() - t0;
	printf("cal_add: %.1f M calls/s  checksum %.0f\n", (double)(rounds / 4) * N / dt / 1e6, sum);

	/* cal_deadline, both readings */
	for (int rd = 0; rd < 2; rd++) {
		sum = 0;
		t0 = now();
		for (int r = 0; r < rounds / 4; r++)
			for (int i = 0; i < N; i++)
				if (cal_deadline(c, a[i], d[i], (enum cal_day_reading)rd, &out, &err) == 0)
					sum += out - a[i];
		dt = now() - t0;
		printf("cal_deadline (%s): %.1f M calls/s  checksum %.0f\n",
		       rd ? "next-day" : "net", (double)(rounds / 4) * N / dt / 1e6, sum);
	}

	/* the naive peer, on the first N/16 pairs, against the table */
	int n = N / 16;
	double s1 = 0, s2 = 0;
	t0 = now();
	for (int i = 0; i < n; i++)
		s1 += naive_between(c, a[i], b[i]);
	dt = now() - t0;
	double naive_rate = n / dt;
	for (int i = 0; i < n; i++) {
		cal_between(c, a[i], b[i], &out, &err);
		s2 += out;
	}
	printf("naive day walk: %.2f M calls/s; cal_between is %.0fx faster; checksums %s "
	       "(%.0f vs %.0f)\n",
	       naive_rate / 1e6, between_rate / naive_rate, s1 == s2 ? "agree" : "DIFFER", s1, s2);
	free(a);
	free(b);
	free(w);
	free(d);
	cal_free(c);
	return s1 == s2 ? 0 : 1;
}
