/*
 * sim_evq.c - the calendar queue of the simulator's event list (see
 * sim_evq.h).  Bucket width is set from the spacing of the pending times
 * when the queue is built and each time the bucket count doubles or
 * halves; buckets are sorted singly linked lists in a node pool with a
 * free list, so steady-state push and pop never allocate.
 */
#include "sim_evq.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mutu/base.h"

#define EVQ_NIL UINT32_MAX
#define EVQ_MIN_NB 64u

/* The double a key's high 64 bits encode (the inverse of sim.c's
 * time_bits: non-negative times have the sign bit set, negative ones all
 * bits flipped). */
static inline double key_time(sim_evq_key k)
{
	uint64_t b = (uint64_t)(k >> 64);
	b ^= (b >> 63) ? (1ULL << 63) : ~0ULL;
	double t;
	memcpy(&t, &b, sizeof t);
	return t;
}

/* Virtual bucket of time t: non-decreasing in t, which is all the order
 * needs (a key's bucket never passes a larger key's). */
static inline int64_t vbucket(const struct sim_evq *q, double t)
{
	double v = (t - q->origin) * q->inv_width;
	if (!(v > 0))
		return 0; /* before the origin, or NaN */
	if (v > 4e18)
		return (int64_t)4e18;
	return (int64_t)v;
}

void sim_evq_init(struct sim_evq *q)
{
	memset(q, 0, sizeof *q);
	q->free_head = EVQ_NIL;
	q->inv_width = 1.0;
}

void sim_evq_release(struct sim_evq *q)
{
	free(q->key);
	free(q->next);
	free(q->head);
	memset(q, 0, sizeof *q);
}

static uint32_t node_new(struct sim_evq *q)
{
	if (q->free_head == EVQ_NIL) {
		uint32_t old = q->ncap, cap = old ? old * 2 : 256;
		q->key = mutu_realloc(q->key, (size_t)cap * sizeof *q->key);
		q->next = mutu_realloc(q->next, (size_t)cap * sizeof *q->next);
		for (uint32_t i = cap; i-- > old;) {
			q->next[i] = q->free_head;
			q->free_head = i;
		}
		q->ncap = cap;
	}
	uint32_t i = q->free_head;
	q->free_head = q->next[i];
	return i;
}

static void insert(struct sim_evq *q, sim_evq_key k)
{
	uint32_t i = node_new(q);
	q->key[i] = k;
	int64_t v = vbucket(q, key_time(k));
	if (v < q->cur)
		q->cur = v; /* never for the kernel (nothing is scheduled in the past) */
	uint32_t *p = &q->head[(uint64_t)v & (q->nb - 1)];
	while (*p != EVQ_NIL && q->key[*p] < k)
		p = &q->next[*p];
	q->next[i] = *p;
	*p = i;
	q->n++;
}

static int cmp_key(const void *pa, const void *pb)
{
	sim_evq_key a = *(const sim_evq_key *)pa, b = *(const sim_evq_key *)pb;
	return a < b ? -1 : a > b;
}

/* Bucket count and width for the n sorted keys k, then insert them.  The
 * width is three times the mean gap of the earliest half of the times:
 * the near future sets the pace, a few far office events (end of
 * warm-up, next day's staffing) do not widen every bucket. */
static void rebuild_sorted(struct sim_evq *q, const sim_evq_key *k, size_t n)
{
	uint32_t nb = EVQ_MIN_NB;
	while (nb < n && nb < (1u << 30))
		nb *= 2;
	if (nb != q->nb || !q->head) {
		free(q->head);
		q->head = mutu_malloc((size_t)nb * sizeof *q->head);
		q->nb = nb;
	}
	for (uint32_t b = 0; b < nb; b++)
		q->head[b] = EVQ_NIL;
	/* the pool is rebuilt as a whole: every node free */
	q->free_head = EVQ_NIL;
	for (uint32_t i = q->ncap; i-- > 0;) {
		q->next[i] = q->free_head;
		q->free_head = i;
	}
	q->n = 0;
	double width = 1.0;
	if (n >= 2) {
		size_t h = n / 2 > 1 ? n / 2 : 1;
		double span = key_time(k[h]) - key_time(k[0]);
		if (!(span > 0))
			span = key_time(k[n - 1]) - key_time(k[0]), h = n - 1;
		if (span > 0 && isfinite(span))
			width = 3.0 * span / (double)h;
	}
	q->origin = n ? key_time(k[0]) : 0.0;
	if (!isfinite(q->origin))
		q->origin = 0.0;
	q->inv_width = 1.0 / width;
	q->cur = 0;
	for (size_t i = 0; i < n; i++)
		insert(q, k[i]);
}

void sim_evq_build(struct sim_evq *q, const sim_evq_key *k, size_t n)
{
	sim_evq_key *s = mutu_malloc((n ? n : 1) * sizeof *s);
	memcpy(s, k, n * sizeof *s);
	qsort(s, n, sizeof *s, cmp_key);
	rebuild_sorted(q, s, n);
	free(s);
}

static int pop_nr(struct sim_evq *q, sim_evq_key *k);

/* Resize to the current count: drain in order, rebuild. */
static void resize(struct sim_evq *q)
{
	size_t n = q->n;
	sim_evq_key *s = mutu_malloc((n ? n : 1) * sizeof *s);
	sim_evq_drain(q, s);
	rebuild_sorted(q, s, n);
	free(s);
}

void sim_evq_push(struct sim_evq *q, sim_evq_key k)
{
	if (q->n >= 2 * (size_t)q->nb)
		resize(q);
	insert(q, k);
}

/* Pop without resizing (the resize itself drains through this). */
static int pop_nr(struct sim_evq *q, sim_evq_key *k)
{
	if (q->n == 0)
		return 0;
	const uint32_t mask = q->nb - 1;
	int64_t v = q->cur;
	for (uint32_t scanned = 0;; scanned++, v++) {
		if (scanned == q->nb) {
			/* a whole year empty: jump to the smallest head */
			uint32_t best = EVQ_NIL;
			for (uint32_t b = 0; b < q->nb; b++) {
				uint32_t h = q->head[b];
				if (h != EVQ_NIL && (best == EVQ_NIL || q->key[h] < q->key[best]))
					best = h;
			}
			v = vbucket(q, key_time(q->key[best]));
			scanned = 0;
		}
		uint32_t *p = &q->head[(uint64_t)v & mask];
		uint32_t h = *p;
		if (h != EVQ_NIL && vbucket(q, key_time(q->key[h])) <= v) {
			*k = q->key[h];
			*p = q->next[h];
			q->next[h] = q->free_head;
			q->free_head = h;
			q->n--;
			q->cur = v;
			return 1;
		}
	}
}

int sim_evq_pop(struct sim_evq *q, sim_evq_key *k)
{
	if (q->nb > EVQ_MIN_NB && q->n < q->nb / 4)
		resize(q);
	return pop_nr(q, k);
}

void sim_evq_drain(struct sim_evq *q, sim_evq_key *out)
{
	size_t i = 0;
	while (pop_nr(q, &out[i]))
		i++;
}
