/*
 * stats_int.h - the inside of struct stats_dist (engine/stats.c says how
 * the histogram works) and its add as an inline function, for the
 * simulator's kernel (engine/sim.c), which adds one lead time per
 * finished file: the call was a twentieth of an M/M/1 run (issue 14).
 * Internal to the engine, not a public header: everyone else goes
 * through mutu/stats.h, where the struct stays opaque.
 */
#ifndef MUTU_STATS_INT_H
#define MUTU_STATS_INT_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "mutu/stats.h"

#define STATS_SUB_BITS 8
#define STATS_LOW_EXP (-10)
#define STATS_HIGH_EXP 40
#define STATS_NOCT (STATS_HIGH_EXP - STATS_LOW_EXP)
#define STATS_NBUCKET ((STATS_NOCT << STATS_SUB_BITS) + 2)
#define STATS_KEY_SHIFT (52 - STATS_SUB_BITS)
#define STATS_LOW_VALUE 0x1p-10  /* 2^STATS_LOW_EXP */
#define STATS_HIGH_VALUE 0x1p+40 /* 2^STATS_HIGH_EXP */

struct stats_dist {
	size_t n;
	double shift, s1, s2; /* sums of x - shift and its square (shift: first value) */
	double min, max;
	/* the range of buckets touched is stats_bucket_of(min) ..
	 * stats_bucket_of(max) (the bucket is monotone in the value): worked
	 * out when needed instead of two compares per add */
	uint64_t count[STATS_NBUCKET];
};

static inline uint64_t stats_bits_of(double x)
{
	uint64_t b;
	memcpy(&b, &x, sizeof b);
	return b;
}

static inline size_t stats_bucket_of(double x)
{
	if (!(x >= STATS_LOW_VALUE))
		return 0;
	if (x >= STATS_HIGH_VALUE)
		return STATS_NBUCKET - 1;
	return (size_t)((stats_bits_of(x) >> STATS_KEY_SHIFT) -
			(stats_bits_of(STATS_LOW_VALUE) >> STATS_KEY_SHIFT)) + 1;
}

/* stats_dist_add, inline: the same operations in the same order. */
static inline void stats_dist_add_inline(struct stats_dist *d, double x)
{
	if (isnan(x))
		return;
	if (!d->n)
		d->shift = d->min = d->max = x;
	/* shifted sums: exact for constant values, no cancellation when
	 * the values sit far from zero */
	double e = x - d->shift;
	d->s1 += e;
	d->s2 += e * e;
	if (x < d->min)
		d->min = x;
	if (x > d->max)
		d->max = x;
	d->count[stats_bucket_of(x)]++;
	d->n++;
}

/*
 * stats_tw_set(w, t, level - 1) then stats_tw_set(w, t, level) at the same
 * t, in one: a freed server that goes straight to the head of its queue.
 * The second set adds (level - 1) * (t - t) = +0 to the area (which is
 * never -0), and neither level exceeds the maximum already seen (level
 * was set before), so the area, the maximum and the level come out the
 * same to the bit.
 */
static inline void stats_tw_touch(struct stats_tw *w, double t)
{
	w->area += w->level * (t - w->last);
	w->last = t;
}

#endif /* MUTU_STATS_INT_H */
