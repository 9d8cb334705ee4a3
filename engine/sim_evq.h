/*
 * sim_evq.h - the calendar queue (R. Brown, CACM 31(10), 1988) the
 * simulator's event list switches to when many events are pending
 * (engine/sim.c).  Internal to the simulator, not a public header.
 *
 * It holds the same 128-bit keys as the kernel's 4-ary heap and pops them
 * in exactly the same total order (the key's unsigned order: time bits,
 * then priority, then sequence), so a run's output does not depend on
 * which structure held its events.  A key's bucket comes from its time
 * (the high 64 bits, mapped back to the double); within a bucket the keys
 * are kept sorted, so equal times are resolved by the rest of the key.
 *
 * Ownership: struct sim_evq is embedded by the caller and owns its arrays
 * (sim_evq_init / sim_evq_release).  No globals: one per kernel context.
 */
#ifndef MUTU_SIM_EVQ_H
#define MUTU_SIM_EVQ_H

#include <stddef.h>
#include <stdint.h>

typedef unsigned __int128 sim_evq_key;

struct sim_evq {
	sim_evq_key *key; /* node pool: keys apart from links (cache) */
	uint32_t *next;   /* link to the next larger key in the bucket */
	uint32_t *head;   /* nb bucket lists, each sorted ascending */
	uint32_t ncap, free_head;
	size_t n;         /* keys held */
	uint32_t nb;      /* buckets, a power of two */
	double origin;    /* time of virtual bucket 0 */
	double inv_width; /* 1 / bucket width in seconds */
	int64_t cur;      /* virtual bucket of the last pop: no key below it */
};

void sim_evq_init(struct sim_evq *q);
void sim_evq_release(struct sim_evq *q);
/* Empty q and fill it with the n keys in k (any order); k is not kept. */
void sim_evq_build(struct sim_evq *q, const sim_evq_key *k, size_t n);
void sim_evq_push(struct sim_evq *q, sim_evq_key k);
/* Remove the smallest key into *k; 0 when q is empty. */
int sim_evq_pop(struct sim_evq *q, sim_evq_key *k);
/* Pop every key into out (room for q->n), ascending; q is left empty. */
void sim_evq_drain(struct sim_evq *q, sim_evq_key *out);

#endif
