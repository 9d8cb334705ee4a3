/*
 * sim.c - the simulation kernel and the replication runner.
 *
 * One replication is a loop over an event list ordered by (time, event
 * priority, insertion sequence): a 4-ary heap of 16-byte events (one
 * 128-bit integer each, compared in one instruction pair) in one
 * preallocated array, the payload packed beside the sequence number, so
 * scheduling never allocates and equal times always run in the same
 * order (with 1,024 and more pending, a calendar queue holding the same
 * keys in the same order: sim_evq.c).  Files (cases) live in a pool with a free list and queue through
 * intrusive links, so memory follows the work in progress, not the
 * horizon.  Time is working seconds since the start of the run (see
 * sim_int.h); the calendar is consulted only to place 24x7 arrivals and
 * arrival profiles, and to write the log.
 *
 * When some actor works a calendar of its own (sc->multi) the event list
 * is keyed by real instants instead, and x->now (working seconds of the
 * scenario, for every statistic) is derived from the event's instant.
 * Events given in working time (service on the scenario's calendar,
 * applicant's time, arrivals in working time) are placed at the earliest
 * instant with that working time, and never before the current instant
 * (a zero-length step begun at 20:00 ends at 20:00, not at the 16:00
 * closing whose working time it shares).  An actor's end on its own
 * calendar keeps its real instant, also when the office is closed then:
 * a loket that works until 20:00 ends a file at 19:00, and two such ends
 * run in the order of their instants, then of event priority and
 * sequence, exactly as in the single-calendar clock.  Office events
 * (staffing changes, absence draws, batches, end of warm-up) run at the
 * instants they name (a day's absence draw at its local midnight).
 *
 * Replications run in worker threads that each own one context (heap,
 * pool, random streams, accumulators) and reuse it; a replication's
 * results go to its own row, and summaries are computed afterwards in
 * replication order, so output does not depend on the thread count.
 */
#include "sim_int.h"
#include "sim_evq.h"

#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* GSL's inline gsl_rng_uniform_pos and friends (C99 inline) */
#define HAVE_INLINE 1
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "mutu/stats.h"
#include "stats_int.h"

/* ---- events ------------------------------------------------------------ */

enum ev_kind {
	EV_STAFF = 0, /* staffing change of an actor */
	EV_DAY,       /* start of a working day: absence draws */
	EV_BATCH,     /* batch moment of an actor */
	EV_WARMUP,    /* end of warm-up: statistics restart */
	EV_END,       /* a step of a case ends */
	EV_RESUBMIT,  /* a rejected case comes back from the applicant */
	EV_ARRIVAL    /* a new case of an SOP */
};

/* Event priority at equal times: the office's state changes first, then
 * work that ends frees servers before new work arrives. */
static const unsigned ev_prio[] = {0, 0, 1, 1, 2, 3, 4};

/*
 * An event is one 128-bit unsigned integer, so ordering two events is a
 * single integer compare (cmp/sbb, no data-dependent branch):
 *   time:64 | prio:4 | seq:32 | kind:4 | index:24
 * The time is the double's bit pattern mapped so that unsigned order is
 * numeric order (non-negative: sign bit set; negative: all bits flipped;
 * -0 is folded into +0 first), so (time, priority, sequence) order is
 * exactly the order of the doubles, then of the key.
 */
typedef unsigned __int128 ev_key;
struct ev {
	ev_key k;
};

#define SEQ_BITS 32
#define IDX_BITS 24
#define IDX_MAX ((1u << IDX_BITS) - 1)
#define NIL UINT32_MAX
#define EV_SENTINEL (~(ev_key)0) /* after every event: pads the heap's last level */

static inline uint64_t time_bits(double t)
{
	uint64_t b;
	t += 0.0; /* -0 -> +0: equal times must map to equal bits */
	memcpy(&b, &t, sizeof b);
	return b ^ ((uint64_t)((int64_t)b >> 63) | (1ULL << 63));
}

static inline double time_of(uint64_t b)
{
	b ^= (b >> 63) ? (1ULL << 63) : ~0ULL;
	double t;
	memcpy(&t, &b, sizeof t);
	return t;
}

/*
 * time_bits and time_of for the lean loop, whose times are never
 * negative: the same results for every input, but with a branch that the
 * lean loop never takes instead of the fold of -0 (an add, 4 cycles) and
 * the select on the sign, which sat in the path from one event's time to
 * the next one's (issue 14: the loop waits on that chain, not on the
 * count of instructions).
 */
static inline uint64_t time_bits_lean(double t)
{
	uint64_t b;
	memcpy(&b, &t, sizeof b);
	if (__builtin_expect(b >> 63, 0)) /* negative, or -0 */
		return time_bits(t);
	return b | (1ULL << 63);
}

static inline double time_of_lean(uint64_t b)
{
	if (__builtin_expect(!(b >> 63), 0)) /* a negative time */
		return time_of(b);
	b ^= 1ULL << 63;
	double t;
	memcpy(&t, &b, sizeof t);
	return t;
}

static inline double ev_time(struct ev e)
{
	return time_of((uint64_t)(e.k >> 64));
}

static inline uint64_t ev_low(struct ev e)
{
	return (uint64_t)e.k;
}

static inline int ev_less(const struct ev *a, const struct ev *b)
{
	return a->k < b->k;
}

/* ---- the generator ------------------------------------------------------ */

/*
 * L'Ecuyer's maximally equidistributed combined Tausworthe generator
 * (Math. Comp. 65, 1996), seeded as GSL's gsl_rng_taus2, so every stream
 * gives the numbers gsl_rng_taus2 would, bit for bit.  It is declared as
 * a GSL generator type of our own so GSL's distributions (lognormal,
 * gamma, binomial) still draw from it, while the kernel's hot path (the
 * exponential ziggurat) steps the state inline instead of through the
 * library's function pointer: the state layout is ours, not GSL's.
 */
struct taus_state {
	unsigned long s1, s2, s3;
};

static inline unsigned long taus_step(struct taus_state *st)
{
#define TAUS(s, a, b, c, d) ((((s) & (c)) << (d)) & 0xffffffffUL) ^ (((((s) << (a)) & 0xffffffffUL) ^ (s)) >> (b))
	st->s1 = TAUS(st->s1, 13, 19, 4294967294UL, 12);
	st->s2 = TAUS(st->s2, 2, 25, 4294967288UL, 4);
	st->s3 = TAUS(st->s3, 3, 11, 4294967280UL, 17);
#undef TAUS
	return st->s1 ^ st->s2 ^ st->s3;
}

static unsigned long taus_get(void *vs)
{
	return taus_step(vs);
}

static double taus_get_double(void *vs)
{
	return taus_step(vs) / 4294967296.0;
}

static void taus_set(void *vs, unsigned long seed)
{
	struct taus_state *st = vs;
	if (seed == 0)
		seed = 1;
	st->s1 = (69069 * seed) & 0xffffffffUL;
	if (st->s1 < 2)
		st->s1 += 2;
	st->s2 = (69069 * st->s1) & 0xffffffffUL;
	if (st->s2 < 8)
		st->s2 += 8;
	st->s3 = (69069 * st->s2) & 0xffffffffUL;
	if (st->s3 < 16)
		st->s3 += 16;
	for (int i = 0; i < 6; i++) /* warm-up, as GSL */
		taus_step(st);
}

static const gsl_rng_type taus_type = {"mutu-taus2", 0xffffffffUL, 0, sizeof(struct taus_state),
				       taus_set, taus_get, taus_get_double};

/* 32 random bits of a stream whose type is taus_type. */
static inline uint32_t rng_bits(const gsl_rng *r)
{
	return (uint32_t)taus_step(r->state);
}

/* ---- exponential variates --------------------------------------------- */

/*
 * Exponential variates by the ziggurat method (Marsaglia & Tsang 2000,
 * REXP), on the bits of the stream's GSL generator.  The low 8 bits of a
 * 32-bit draw pick the strip and the high 24 bits the point in it (so
 * strip and value are independent, unlike the original which reuses the
 * index bits); 98.9% of draws cost one generator call, a compare and a
 * multiply, against a log for inversion.  The tables are a pure function
 * of the constants and live in each context (no globals).
 */
struct zig {
	uint32_t ke[256];
	double we[256], fe[256];
	double slope[256]; /* of the chord over strip i's wedge (zig_below) */
};

static void zig_init(struct zig *z)
{
	const double m = 16777216.0; /* 2^24 */
	double de = 7.697117470131487, te = de, ve = 3.949659822581572e-3;
	double q = ve / exp(-de);
	z->ke[0] = (uint32_t)((de / q) * m);
	z->ke[1] = 0;
	z->we[0] = q / m;
	z->we[255] = de / m;
	z->fe[0] = 1.0;
	z->fe[255] = exp(-de);
	for (int i = 254; i >= 1; i--) {
		de = -log(ve / de + exp(-de));
		z->ke[i + 1] = (uint32_t)((de / te) * m);
		te = de;
		z->fe[i] = exp(-de);
		z->we[i] = de / m;
	}
	z->slope[0] = 0;
	for (int i = 1; i < 256; i++) {
		double xi = z->we[i] * m, xl = i > 1 ? z->we[i - 1] * m : 0.0;
		z->slope[i] = (z->fe[i] - z->fe[i - 1]) / (xi - xl);
	}
}

/*
 * Whether y < exp(-x) for x in strip i's wedge [x_{i-1}, x_i] (x_0 = 0,
 * x_i = 2^24 we[i], fe[i] = exp(-x_i)), as the exp() of libm decides it,
 * mostly without calling it: exp(-x) is convex, so it lies above its
 * tangent at x_i and below the chord between the wedge's ends.  A y
 * below the tangent (or above the chord) by a relative 1e-9, a million
 * times the error of both libm's exp and of the bounds' own rounding, is
 * on that side of the computed exp(-x) too; only the rest calls exp().
 * The draws and the result are the same: about 2% of draws reach the
 * wedge, and the call was about 2% of an M/M/1 run (perf).
 */
static inline int zig_below(const struct zig *z, unsigned i, double x, double y)
{
	double xi = z->we[i] * 16777216.0, xl = i > 1 ? z->we[i - 1] * 16777216.0 : 0.0;
	double tangent = z->fe[i] * (1.0 + (xi - x));
	if (y < tangent * (1.0 - 1e-9))
		return 1;
	/* (u >= ke[i], ke rounded down, may leave x just left of x_{i-1},
	 * where the chord is no bound) */
	if (x >= xl) {
		double chord = z->fe[i - 1] + z->slope[i] * (x - xl);
		if (y > chord * (1.0 + 1e-9))
			return 0;
	}
	return y < exp(-x);
}

static double zig_exp_slow(const struct zig *z, const gsl_rng *r, uint32_t u, unsigned i)
{
	for (;;) {
		if (i == 0) /* the tail beyond r: r + Exp(1) */
			return 7.697117470131487 - log(gsl_rng_uniform_pos(r));
		double x = u * z->we[i];
		if (zig_below(z, i, x, z->fe[i] + gsl_rng_uniform(r) * (z->fe[i - 1] - z->fe[i])))
			return x;
		uint32_t j = rng_bits(r);
		i = j & 255;
		u = j >> 8;
		if (u < z->ke[i])
			return u * z->we[i];
	}
}

/* Exp(1) (taus2 gives 32 bits a call). */
static inline double zig_exp1(const struct zig *z, const gsl_rng *r)
{
	uint32_t j = rng_bits(r);
	unsigned i = j & 255;
	uint32_t u = j >> 8;
	if (u < z->ke[i])
		return u * z->we[i];
	return zig_exp_slow(z, r, u, i);
}

/* zig_exp1 of the stream whose generator is r and whose state is st
 * (r->state == st), stepping st without loading r and r->state first. */
static inline double zig_exp1_st(const struct zig *z, struct taus_state *st, const gsl_rng *r)
{
	uint32_t j = (uint32_t)taus_step(st);
	unsigned i = j & 255;
	uint32_t u = j >> 8;
	if (u < z->ke[i])
		return u * z->we[i];
	return zig_exp_slow(z, r, u, i);
}

#define exp_draw(r, m) ((m) * zig_exp1(&x->zig, (r)))

/* ---- state of one replication ------------------------------------------ */

enum { CLOCK_WAIT, CLOCK_RUN, CLOCK_DONE };

struct kcase {
	/* the current step and its SOP, so an event reaches them in one load
	 * from the case instead of a chain through the scenario */
	const struct sim_step *st;
	const struct sim_sop *so;
	double arrive;   /* working time of arrival (the sojourn's start) */
	double clock_at;  /* the instant its SLA clock started (lead time in
			  * calendar days): the arrival's until the file is
			  * accepted (the arrival's period is taken at once) */
	double enter;    /* joined the current step (queue) */
	double start;    /* service of the current step started */
	double paused;   /* working time off the SLA clock since the arrival:
			  * before acceptance (all of it, set when the file
			  * is accepted), then with the applicant after
			  * rejections; the lead is now - arrive - paused */
	/* start: working time; the instant for a step of an actor with its
	 * own calendar when sc->multi (end_slow) */
	uint32_t next;   /* queue link, or free-list link */
	uint32_t id;     /* case number within the replication, from 1 */
	uint16_t sop;
	uint16_t pos;    /* position of the current step in the SOP */
	uint8_t with_applicant;
	uint8_t clock;   /* its SLA clock: CLOCK_WAIT before the acceptance
			  * check (so->start_pos) let it through, CLOCK_RUN,
			  * CLOCK_DONE once it completed the office's last
			  * step (so->end_pos): its lead time is counted and
			  * what remains is the applicant's (collecting the
			  * SK).  One byte for both, so the case stays 80 */
	uint16_t server; /* emitted log: the staff member serving (0-based) */
};

struct kactor {
	int staff;       /* scheduled */
	int present;     /* scheduled minus absent today */
	int busy;
	int nq;
	int next_change;
	int next_batch;
	struct stats_tw tq, tbusy, tpresent;
	/* service level (sim_actor.wait_lim set): visits counted and those
	 * that waited at most the limit; untouched otherwise */
	double sl_visits, sl_within;
};

struct ksop {
	struct stats_dist *lead;
	double days_sum;   /* calendar days, arrival to finish (a mean only: a
			    * second quantile histogram would cost each file
			    * about a fifth more) */
	double u;          /* last arrival on the day clock (sim_day_clock) */
	int dcur;          /* its cursor */
	double arrivals, finished, within, rejections, sojourn;
	double left;       /* files out of the system (after their last step):
			    * the sojourn's count; finished counts the clocks
			    * stopped at the office's last step, and a file
			    * still collecting its SK at the warm-up's end or
			    * the horizon is in one count and not the other */
	double lead_sum;   /* when quantiles are off */
	double gap;        /* mean time between (candidate) arrivals: 1 / peak rate */
	double within_lim; /* a lead time up to this is within the SOP's ceiling:
			    * ceiling + 1e-6, or NaN without one (never within) */
	int plain;         /* Poisson in working time at a constant rate */
	int arr_stream;    /* so->stream_arrivals, beside gap for the lean loop */
	int live;
	size_t next_replay;
	double next_real;
};

struct kstep {
	double wait_sum, service_sum;
	double n_wait, n_waited, n_service;
};

/* One SOP in one period (sim_options.by): files that came in it, and the
 * files finished in it. */
struct kper {
	double arrivals, finished, within, lead_sum, days_sum;
	struct stats_dist *lead; /* with quantiles on */
};

struct kctx {
	const struct sim_scenario *sc;
	struct ev *heap;
	size_t nheap, capheap;
	size_t lim;        /* schedule's slow path from here: grow, switch, or 0 in cal */
	uint64_t seq;
	int top_pending;   /* heap[0] is the event being handled */
	int cal_on;        /* the events are in cal, not in the heap */
	struct sim_evq cal;
	struct kcase *cases;
	uint32_t ncap, free_head, next_id;
	int live;
	gsl_rng **rng;           /* rng[i] = &rngs[i], whose state is &ts[i] */
	gsl_rng *rngs;
	struct taus_state *ts;   /* every stream's state in one array: the
				  * lean loop's draws step ts[i] directly
				  * instead of after loading rng[i], then
				  * rng[i]->state (issue 14: that chain of
				  * loads was in front of every draw) */
	struct kactor *act;
	uint32_t *qhead, *qtail; /* nactors x nlevels */
	/* batch: files of each queue (nactors x nlevels) the latest batch
	 * released and no server has taken yet.  Per priority level, not
	 * one count per actor: a count let a higher-priority file that came
	 * after the batch moment take the place of one released at it */
	int *released;
	struct ksop *sop;
	struct kstep *step;
	struct stats_tw wip;
	double now;        /* working seconds since the start of the run */
	double real;       /* sc->multi: the current instant (the event's time) */
	int multi;         /* sc->multi: the event list is keyed by instants */
	double wlim;       /* schedule's slow path from here: wend, or -inf if multi */
	int warm;
	int overflow;
	int next_day;
	uint64_t events, customers;
	struct zig zig;
	/* lean loop: the next Exp(1) of each stream that only the lean loop's
	 * exponential draws use, drawn one ahead (pre_fill) */
	double *pre;
	/* queue-length samples, summed over this worker's replications */
	size_t nsamples, isample;
	double next_sample; /* kernel time of sample isample; +inf when none is due:
			     * one compare per event instead of a call */
	double *qsum, *qmax;
	/* per period (sim_options.by): nper periods from sim_results, per[p *
	 * nsops + s], pstep[p * nsteps + gidx] */
	size_t nper;
	const struct sim_period *periods;
	struct kper *per;
	struct kstep *pstep;
	/* log of one replication */
	FILE *log;
	int log_err;
	char case_prefix[72];    /* "sim-<scenario file stem>-": ids stay unique
				  * when logs of several scenarios share a store */
	struct ksrv *srv;        /* emitted log: who serves, per actor (NULL otherwise) */
	/* files open at the start (sc->nopen): this replication's row of
	 * results->open_end / open_lead, or NULL */
	double *open_end, *open_lead;
};

/* ---- random streams ---------------------------------------------------- */

static uint64_t mix64(uint64_t x)
{
	/* splitmix64 finaliser: spreads nearby seeds over the whole space */
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}


/* Seed of a stream from (seed, replication, purpose name): the same
 * purpose in two scenarios gets the same numbers. */
static unsigned long stream_seed(uint64_t seed, int rep, const char *purpose)
{
	uint64_t s = mix64(seed ^ mix64(mutu_fnv1a_str(purpose)) ^ mix64(0x5851f42d4c957f2dULL * (uint64_t)(rep + 1)));
	s ^= s >> 32;
	return (unsigned long)(s & 0xffffffffUL) ? (unsigned long)(s & 0xffffffffUL) : 1UL;
}


static double draw_any(const struct kctx *x, const struct sim_dist *d, const gsl_rng *r)
{
	switch (d->kind) {
	case SIM_FIXED:
		return d->mean;
	case SIM_EXPONENTIAL:
		return d->mean > 0 ? exp_draw(r, d->mean) : 0.0;
	case SIM_LOGNORMAL: {
		if (d->cv <= 0)
			return d->mean;
		/* mean m, cv c: sigma^2 = ln(1 + c^2), mu = ln m - sigma^2 / 2 */
		double s2 = log1p(d->cv * d->cv);
		return gsl_ran_lognormal(r, log(d->mean) - s2 / 2, sqrt(s2));
	}
	case SIM_GAMMA: {
		if (d->cv <= 0)
			return d->mean;
		/* shape k = 1/c^2, scale theta = m c^2 (mean k theta = m) */
		double c2 = d->cv * d->cv;
		return gsl_ran_gamma(r, 1.0 / c2, d->mean * c2);
	}
	case SIM_TRIANGULAR: {
		double a = d->min, b = d->max, c = d->mode, u = gsl_rng_uniform(r);
		if (b <= a)
			return a;
		double fc = (c - a) / (b - a); /* inverse CDF of the triangle */
		return u < fc ? a + sqrt(u * (b - a) * (c - a))
			      : b - sqrt((1 - u) * (b - a) * (b - c));
	}
	case SIM_WEIBULL:
		return d->shape > 0 ? gsl_ran_weibull(r, d->scale, d->shape) : d->mean;
	case SIM_EMPIRICAL: {
		/* inverse CDF, linear between the quantiles */
		if (d->nq < 2)
			return d->mean;
		double h = gsl_rng_uniform(r) * (d->nq - 1);
		int i = (int)h;
		if (i >= d->nq - 1)
			i = d->nq - 2;
		return d->q[i] + (h - i) * (d->q[i + 1] - d->q[i]);
	}
	}
	return d->mean;
}

/* The exponential, the common case, inline; the rest through the switch. */
static inline double draw(const struct kctx *x, const struct sim_dist *d, const gsl_rng *r)
{
	if (d->kind == SIM_EXPONENTIAL && d->mean > 0)
		return exp_draw(r, d->mean);
	return draw_any(x, d, r);
}

/*
 * The lean loop's exponential draws one ahead.  Each event waits for the
 * time of the event it schedules, and that time waited for the draw: the
 * generator's step, the ziggurat's table and the multiply were on the
 * path from one event to the next.  A stream that only these draws use
 * (the service of a step with an exponential time, the arrivals of a
 * plain Poisson SOP: every stream has one purpose, sim_stream_add) gives
 * the same numbers in the same order whether each is drawn when it is
 * needed or one use earlier, so the lean loop keeps the stream's next
 * Exp(1) in x->pre and draws its successor while the event goes on.
 * The one extra draw per stream at the end of a replication is never
 * used (rep_reset seeds every stream again).
 */
static inline __attribute__((always_inline)) double exp_pre(struct kctx *x, int stream, double m)
{
	double e = x->pre[stream];
	x->pre[stream] = zig_exp1_st(&x->zig, &x->ts[stream], x->rng[stream]);
	return m * e;
}

/* Whether the lean loop draws the service of st one ahead (exp_pre). */
static inline int pre_service(const struct sim_step *st)
{
	return st->service.kind == SIM_EXPONENTIAL && st->service.mean > 0;
}

/* ---- event list -------------------------------------------------------- */

static int cmp_ev(const void *pa, const void *pb)
{
	const struct ev *a = pa, *b = pb;
	return ev_less(a, b) ? -1 : ev_less(b, a) ? 1 : 0;
}

/* After 2^32 events in one replication: renumber the pending events in
 * their current order (a sorted array is a valid heap). */
static void renumber(struct kctx *x)
{
	qsort(x->heap, x->nheap, sizeof *x->heap, cmp_ev);
	const ev_key seqmask = (ev_key)(((1ULL << SEQ_BITS) - 1) << (IDX_BITS + 4));
	for (size_t i = 0; i < x->nheap; i++)
		x->heap[i].k = (x->heap[i].k & ~seqmask) | ((ev_key)i << (IDX_BITS + 4));
	x->seq = x->nheap;
}

/*
 * The event list is a 4-ary heap: half the levels of a binary one, and
 * the smallest of four children is found with selects (no branch on the
 * data), which leaves one unpredictable branch per level.  The four slots
 * after the last event always hold EV_SENTINEL, so the last parent's
 * missing children need no test.
 */
#define HEAP_PAD 4

static inline size_t min_child(const struct ev *h, size_t c)
{
	size_t a = h[c + 1].k < h[c].k ? c + 1 : c;
	size_t b = h[c + 3].k < h[c + 2].k ? c + 3 : c + 2;
	return h[b].k < h[a].k ? b : a;
}

/* Put e at the root and sift it down. */
static inline __attribute__((always_inline)) void sift_down(struct ev *h, size_t n, struct ev e)
{
	if (n <= 2) {
		/* one server and one arrival stream (M/M/1) never hold more
		 * than two events: one compare instead of min_child's four
		 * among the sentinels */
		if (n == 2 && h[1].k < e.k) {
			h[0] = h[1];
			h[1] = e;
		} else {
			h[0] = e;
		}
		return;
	}
	size_t i = 0, c;
	while ((c = 4 * i + 1) < n) {
		c = min_child(h, c);
		if (!(h[c].k < e.k))
			break;
		h[i] = h[c];
		i = c;
	}
	h[i] = e;
}

static void pop_top(struct kctx *x)
{
	struct ev last = x->heap[--x->nheap];
	x->heap[x->nheap].k = EV_SENTINEL;
	if (x->nheap)
		sift_down(x->heap, x->nheap, last);
}

/*
 * Many pending events (EVQ_HIGH and more, e.g. 2,000 servers busy) move
 * to a calendar queue (sim_evq.c: about constant time per event), and
 * back to the heap below EVQ_LOW; the gap keeps a count near one
 * threshold from moving them back and forth.  Both pop the same key
 * order, so which one holds the events never shows in the output.
 */
#define EVQ_HIGH 1024
#define EVQ_LOW 256

static void set_lim(struct kctx *x)
{
	size_t room = x->capheap - HEAP_PAD; /* the heap grows when nheap reaches it */
	x->lim = x->cal_on ? 0 : room < EVQ_HIGH ? room : EVQ_HIGH;
}

static __attribute__((noinline)) void heap_to_cal(struct kctx *x)
{
	if (x->top_pending) { /* the handled top is not pending any more */
		pop_top(x);
		x->top_pending = 0;
	}
	sim_evq_build(&x->cal, (const sim_evq_key *)x->heap, x->nheap);
	x->nheap = 0;
	for (int i = 0; i < HEAP_PAD; i++)
		x->heap[i].k = EV_SENTINEL;
	x->cal_on = 1;
	x->lim = 0;
}

/* Back to the heap: the calendar drains in order, and a sorted array is a
 * valid heap. */
static __attribute__((noinline)) void cal_to_heap(struct kctx *x)
{
	size_t n = x->cal.n;
	while (n + HEAP_PAD + 1 > x->capheap) {
		x->capheap *= 2;
		x->heap = mutu_realloc(x->heap, x->capheap * sizeof *x->heap);
	}
	sim_evq_drain(&x->cal, (sim_evq_key *)x->heap);
	x->nheap = n;
	for (int i = 0; i < HEAP_PAD; i++)
		x->heap[n + i].k = EV_SENTINEL;
	x->cal_on = 0;
	set_lim(x);
}

/* The next event when the calendar holds them (x->cal.n > 0), popped:
 * nothing stays pending while it is handled.  Out of line and returned by
 * value, so the heap's loop in run_events stays as it was. */
static __attribute__((noinline)) struct ev cal_next(struct kctx *x)
{
	struct ev e = {0};
	sim_evq_pop(&x->cal, &e.k);
	if (x->cal.n < EVQ_LOW)
		cal_to_heap(x);
	return e;
}

/* The rare part of schedule_key: 1 when e went to the calendar, 0 when
 * the heap has room for it now. */
static __attribute__((noinline)) int schedule_slow(struct kctx *x, struct ev e)
{
	if (x->cal_on) {
		sim_evq_push(&x->cal, e.k);
		return 1;
	}
	if (x->nheap >= EVQ_HIGH) {
		heap_to_cal(x);
		sim_evq_push(&x->cal, e.k);
		return 1;
	}
	if (x->nheap + HEAP_PAD + 1 > x->capheap) {
		x->capheap *= 2;
		x->heap = mutu_realloc(x->heap, x->capheap * sizeof *x->heap);
	}
	set_lim(x);
	return 0;
}

/* Add e at the heap's end and sift it up (schedule_key and
 * schedule_push; room and the calendar queue already seen to). */
static inline __attribute__((always_inline)) void sift_up(struct kctx *x, struct ev e)
{
	size_t i = x->nheap++;
	x->heap[x->nheap + HEAP_PAD - 1].k = EV_SENTINEL;
	while (i > 0) {
		size_t p = (i - 1) / 4;
		if (!ev_less(&e, &x->heap[p]))
			break;
		x->heap[i] = x->heap[p];
		i = p;
	}
	x->heap[i] = e;
}

/* Insert an event at kernel time t (working seconds, or the instant when
 * x->multi). */
static void schedule_key(struct kctx *x, double t, enum ev_kind kind, uint32_t idx)
{
	if (x->seq >> SEQ_BITS) {
		if (x->cal_on)
			cal_to_heap(x);
		if (x->top_pending) { /* drop the handled top before renumbering */
			x->heap[0] = x->heap[--x->nheap];
			x->heap[x->nheap].k = EV_SENTINEL;
			sift_down(x->heap, x->nheap, x->heap[0]);
			x->top_pending = 0;
		}
		renumber(x);
	}
	struct ev e = {((ev_key)time_bits(t) << 64) |
		       (((uint64_t)ev_prio[kind] << 60) | (x->seq++ << (IDX_BITS + 4)) |
			((uint64_t)kind << IDX_BITS) | idx)};
	if (x->top_pending) { /* replace the handled event: one sift instead of two */
		x->top_pending = 0;
		sift_down(x->heap, x->nheap, e);
		return;
	}
	/* one compare on the heap's path: lim is 0 while the calendar holds
	 * the events (top_pending is never set then) */
	if (__builtin_expect(x->nheap >= x->lim, 0) && schedule_slow(x, e))
		return;
	sift_up(x, e);
}

/* schedule_key's push below the top when the heap is past two events or
 * at a limit, for schedule_lean; e carries its sequence number already. */
static __attribute__((noinline)) void schedule_push(struct kctx *x, struct ev e)
{
	if (x->nheap >= x->lim && schedule_slow(x, e))
		return;
	sift_up(x, e);
}

/* sift_down out of line, for schedule_lean past two events. */
static __attribute__((noinline)) void sift_down_call(struct ev *h, size_t n, struct ev e)
{
	sift_down(h, n, e);
}

/* A heap of two events set from keys x and y by selects, not a branch
 * (which of the two comes first is a coin toss in M/M/1, and a branch
 * on it was mispredicted about every other event); on equal keys x
 * comes first.  Both of schedule_lean's two-event cases. */
static inline __attribute__((always_inline)) void heap2_by_selects(struct ev *h, ev_key x, ev_key y)
{
	int lt = y < x;
	h[0].k = lt ? y : x;
	h[1].k = lt ? x : y;
}

/*
 * schedule_key for the lean loop, inlined there: the same key and the
 * same heap moves, with the paths of a heap of at most two events (one
 * server, one arrival stream: every event of M/M/1) in line and the rest
 * out of line.  The call, its saved registers and the general sift's
 * loop were a fifth of the instructions per event (callgrind).
 */
static inline __attribute__((always_inline)) void schedule_lean(struct kctx *x, double t,
								 enum ev_kind kind, uint32_t idx)
{
	if (__builtin_expect(x->seq >> SEQ_BITS, 0)) {
		schedule_key(x, t, kind, idx);
		return;
	}
	struct ev e = {((ev_key)time_bits_lean(t) << 64) |
		       (((uint64_t)ev_prio[kind] << 60) | (x->seq++ << (IDX_BITS + 4)) |
			((uint64_t)kind << IDX_BITS) | idx)};
	struct ev *h = x->heap;
	size_t n = x->nheap;
	if (x->top_pending) { /* replace the handled event, as schedule_key */
		x->top_pending = 0;
		if (__builtin_expect(n > 2, 0)) {
			sift_down_call(h, n, e);
		} else if (n == 2) {
			/* the same moves as sift_down's (ties: e first) */
			heap2_by_selects(h, e.k, h[1].k);
		} else {
			h[0] = e;
		}
		return;
	}
	if (__builtin_expect(n >= 2 || n >= x->lim, 0)) {
		schedule_push(x, e);
		return;
	}
	/* n is 0 or 1: schedule_key's sift up is at most one move (by
	 * selects when n is 1, as above) */
	x->nheap = n + 1;
	h[n + HEAP_PAD].k = EV_SENTINEL;
	if (n == 1) {
		heap2_by_selects(h, h[0].k, e.k);
	} else {
		h[0] = e;
	}
}

/* An event w working seconds after the start of the run. */
static inline void schedule(struct kctx *x, double w, enum ev_kind kind, uint32_t idx)
{
	/* one compare on the single-calendar path: wlim is wend there, and
	 * -inf when the kernel clock is the instant */
	if (w >= x->wlim) {
		if (w >= x->sc->wend)
			return; /* would never run: memory stays with the work in progress */
		double t = sim_instant(x->sc, w);
		w = t > x->real ? t : x->real;
	}
	schedule_key(x, w, kind, idx);
}

/* schedule, with schedule_lean in the lean loop (lean a constant). */
static inline __attribute__((always_inline)) void schedule_k(struct kctx *x, double w,
							     enum ev_kind kind, uint32_t idx,
							     const int lean)
{
	if (!lean) {
		schedule(x, w, kind, idx);
		return;
	}
	if (w >= x->wlim) {
		if (w >= x->sc->wend)
			return;
		double t = sim_instant(x->sc, w);
		w = t > x->real ? t : x->real;
	}
	schedule_lean(x, w, kind, idx);
}

/* sc->multi only: an event at instant t (not before now). */
static void schedule_real(struct kctx *x, double t, enum ev_kind kind, uint32_t idx)
{
	if (t >= x->sc->end)
		return;
	schedule_key(x, t > x->real ? t : x->real, kind, idx);
}

/* An office event given both ways: at w, or at instant t when x->multi. */
static void schedule_office(struct kctx *x, double w, double t, enum ev_kind kind, uint32_t idx)
{
	if (x->multi)
		schedule_real(x, t, kind, idx);
	else
		schedule(x, w, kind, idx);
}

/* The current instant: the event's when the kernel clock is the instant,
 * else the earliest with the current working time. */
static inline double now_instant(const struct kctx *x)
{
	return x->multi ? x->real : sim_instant(x->sc, x->now);
}

/* The instant a service begun now shows, as the emitted log shows it: the
 * latest instant with the current working time (a service begun when the
 * office closes begins at the next opening, in that day's period). */
static double start_instant(const struct kctx *x)
{
	if (x->multi)
		return x->real;
	double t0 = sim_instant(x->sc, x->now), t1 = sim_instant(x->sc, x->now + 1.0) - 1.0;
	return t1 > t0 ? t1 : t0;
}

/* Index of the period holding instant t, or -1 outside them all. */
static long period_of(const struct kctx *x, double t)
{
	size_t lo = 0, hi = x->nper;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (t < x->periods[mid].start)
			hi = mid;
		else if (t >= x->periods[mid].end)
			lo = mid + 1;
		else
			return (long)mid;
	}
	return -1;
}

/* ---- cases and queues -------------------------------------------------- */

/*
 * The lean loop (issue 14).  Most scenarios use none of the emitted log,
 * the per-period results, files open at the start, batches, rejections,
 * the instant clock or an office calendar with closed hours.  For them
 * run_events is instantiated once more with `lean` a constant 1: the hot
 * functions below take it as a parameter and are inlined into that loop,
 * so the tests for those features and the calls between the functions
 * disappear from it.  Everything else stays as it was (lean 0, the
 * functions called out of line).  The lean loop does the same arithmetic
 * in the same order: its output is the same to the bit.
 */
#define HOT static inline __attribute__((always_inline))

/* The pool is full: double it (0 when it cannot grow any more). */
static __attribute__((noinline)) int case_grow(struct kctx *x)
{
	uint32_t old = x->ncap, cap = old * 2;
	if (cap > IDX_MAX + 1u)
		cap = IDX_MAX + 1u;
	if (cap == old) {
		x->overflow = 1;
		return 0;
	}
	x->cases = mutu_realloc(x->cases, cap * sizeof *x->cases);
	for (uint32_t i = old; i < cap; i++)
		x->cases[i].next = i + 1 < cap ? i + 1 : NIL;
	x->free_head = old;
	x->ncap = cap;
	return 1;
}

HOT uint32_t case_new_k(struct kctx *x, int sop, const int lean)
{
	if (__builtin_expect(x->free_head == NIL, 0) && !case_grow(x))
		return NIL;
	uint32_t ci = x->free_head;
	struct kcase *c = &x->cases[ci];
	x->free_head = c->next;
	c->next = NIL;
	c->arrive = c->enter = c->start = x->now;
	/* lean: the clock is working time and working time is wall time */
	c->clock_at = lean ? x->sc->start + x->now : now_instant(x);
	c->paused = 0;
	c->id = ++x->next_id;
	c->sop = (uint16_t)sop;
	c->pos = 0;
	c->so = &x->sc->sops[sop];
	c->st = &c->so->steps[0];
	c->with_applicant = 0;
	c->clock = c->so->start_pos < 0 ? CLOCK_RUN : CLOCK_WAIT;
	x->live++;
	x->sop[sop].live++;
	stats_tw_set(&x->wip, x->now, x->live);
	return ci;
}

static uint32_t case_new(struct kctx *x, int sop)
{
	return case_new_k(x, sop, 0);
}

/*
 * The instant a new file of SOP s arrived, at its EV_ARRIVAL: files sent
 * around the clock (arrivals_24x7) or replayed keep the instant they were
 * sent, which next_arrival kept beside the event.  On the one-calendar
 * clock the event's working time is the next opening's, and now_instant,
 * the earliest instant with that working time, is the last closing: a
 * file sent Saturday 10:00 counted from Friday 16:00, two days and 18
 * hours too early for its lead in calendar days, and in February's
 * arrivals when sent on Saturday 1 March.  Arrivals in working time
 * happen at working instants: now_instant, which case_new gave the file
 * (x->real on the multi-calendar clock), is theirs.  Returns 1 with *t
 * when the file keeps another instant than that, else 0 (so the usual
 * arrival does not compute now_instant twice).
 */
static int sent_instant(const struct kctx *x, int s, double *t)
{
	const struct sim_sop *so = &x->sc->sops[s];
	const struct ksop *ks = &x->sop[s];
	if (x->multi)
		return 0;
	if (so->arr == SIM_ARR_REAL) {
		*t = ks->next_real;
		return 1;
	}
	if (so->arr == SIM_ARR_REPLAY && ks->next_replay > 0) {
		*t = so->replay_t[ks->next_replay - 1];
		return 1;
	}
	return 0;
}

HOT void case_free(struct kctx *x, uint32_t ci)
{
	struct kcase *c = &x->cases[ci];
	x->live--;
	x->sop[c->sop].live--;
	stats_tw_set(&x->wip, x->now, x->live);
	c->next = x->free_head;
	x->free_head = ci;
}

HOT void enqueue(struct kctx *x, int a, int level, uint32_t ci)
{
	size_t q = (size_t)a * (size_t)x->sc->nlevels + (size_t)level;
	x->cases[ci].next = NIL;
	if (x->qtail[q] == NIL)
		x->qhead[q] = ci;
	else
		x->cases[x->qtail[q]].next = ci;
	x->qtail[q] = ci;
	struct kactor *ka = &x->act[a];
	ka->nq++;
	stats_tw_set(&ka->tq, x->now, ka->nq);
}

/* Take ci, the head of actor a's queue q, off it. */
static inline void queue_pop(struct kctx *x, int a, size_t q, uint32_t ci)
{
	x->qhead[q] = x->cases[ci].next;
	if (x->qhead[q] == NIL)
		x->qtail[q] = NIL;
	struct kactor *ka = &x->act[a];
	ka->nq--;
	stats_tw_set(&ka->tq, x->now, ka->nq);
}

HOT uint32_t dequeue(struct kctx *x, int a)
{
	size_t base = (size_t)a * (size_t)x->sc->nlevels;
	for (int l = 0; l < x->sc->nlevels; l++) {
		uint32_t ci = x->qhead[base + l];
		if (ci == NIL)
			continue;
		queue_pop(x, a, base + l, ci);
		return ci;
	}
	return NIL;
}

/*
 * A batch pelaksana's next file: the head of the highest-priority queue
 * that still holds files its batch released, or NIL when none does.
 * Within a level the queue is FIFO and only dequeue takes from its head,
 * so the first released[] files of a level are exactly those that waited
 * there at the batch moment; files that came later, of any priority,
 * wait for the next batch (README, batch=).
 */
static uint32_t dequeue_released(struct kctx *x, int a)
{
	size_t base = (size_t)a * (size_t)x->sc->nlevels;
	for (int l = 0; l < x->sc->nlevels; l++) {
		uint32_t ci = x->qhead[base + l];
		if (ci == NIL || x->released[base + l] <= 0)
			continue;
		x->released[base + l]--;
		queue_pop(x, a, base + l, ci);
		return ci;
	}
	return NIL;
}

/* Files waiting in queue q (one actor's one priority level). */
static int queue_length(const struct kctx *x, size_t q)
{
	int n = 0;
	for (uint32_t ci = x->qhead[q]; ci != NIL; ci = x->cases[ci].next)
		n++;
	return n;
}

/* ---- who serves (emitted log only) ------------------------------------ */

/*
 * The kernel counts busy servers; a log names the officer.  For the
 * emitted log each actor's servers get numbers (1..max staff): a file
 * goes to the free one that has been idle longest, as a counter's
 * queue goes to the next free officer.  The staff a day's absence draw
 * removed are taken in turn (server (day + j) mod staff for j below the
 * number absent), so a calibration that counts the days an officer does
 * not appear sees the scenario's absent= share.  No random numbers are
 * drawn: the log's times are those of the run without it.
 */
struct ksrv {
	int n;             /* servers numbered: the largest staff of the run */
	double *free_at;   /* kernel time each became free */
	unsigned char *busy;
};

static void srv_init(struct kctx *x)
{
	const struct sim_scenario *sc = x->sc;
	x->srv = mutu_calloc((size_t)sc->nactors + 1, sizeof *x->srv);
	for (int a = 0; a < sc->nactors; a++) {
		int m = 1;
		for (int k = 0; k < sc->actors[a].nchanges; k++)
			if (sc->actors[a].changes[k].servers > m)
				m = sc->actors[a].changes[k].servers;
		x->srv[a].n = m;
		x->srv[a].free_at = mutu_calloc((size_t)m, sizeof *x->srv[a].free_at);
		x->srv[a].busy = mutu_calloc((size_t)m, 1);
	}
}

static void srv_free(struct kctx *x)
{
	if (!x->srv)
		return;
	for (int a = 0; a < x->sc->nactors; a++) {
		free(x->srv[a].free_at);
		free(x->srv[a].busy);
	}
	free(x->srv);
	x->srv = NULL;
}

static uint16_t srv_take(struct kctx *x, int a)
{
	struct ksrv *v = &x->srv[a];
	const struct kactor *ka = &x->act[a];
	int staff = ka->staff < v->n ? ka->staff : v->n;
	int away = staff - ka->present, best = -1, spare = -1;
	for (int i = 0; i < v->n; i++) {
		if (v->busy[i])
			continue;
		int off = i >= staff || (staff > 0 && away > 0 &&
					 ((i - x->next_day % staff) % staff + staff) % staff < away);
		int *pick = off ? &spare : &best;
		if (*pick < 0 || v->free_at[i] < v->free_at[*pick])
			*pick = i;
	}
	int i = best >= 0 ? best : spare >= 0 ? spare : 0;
	v->busy[i] = 1;
	return (uint16_t)i;
}

/* ---- routing ----------------------------------------------------------- */

/* The end of a service of s begun now by actor a, off the hot path:
 * the run is over by then, or the kernel clock is the instant. */
static __attribute__((noinline)) void end_slow(struct kctx *x, double s, int a, uint32_t ci)
{
	const struct cal *own = x->multi ? x->sc->actors[a].cal : NULL;
	if (own) {
		/* working time on the actor's calendar, from now; the case's
		 * start is then the instant (log_row reads it so) */
		x->cases[ci].start = x->real;
		schedule_real(x, cal_instant_at(own, cal_work_at(own, x->real) + s), EV_END, ci);
	} else {
		schedule(x, x->now + s, EV_END, ci);
	}
}

/* A service of case ci by actor a begins now; busy: count the server
 * busy (0: on_end_k's hand-over counted it already). */
HOT void start_service_k(struct kctx *x, uint32_t ci, int a, const int lean, const int busy)
{
	struct kcase *c = &x->cases[ci];
	const struct sim_step *st = c->st;
	if (busy) {
		struct kactor *ka = &x->act[a];
		ka->busy++;
		stats_tw_set(&ka->tbusy, x->now, ka->busy);
	}
	double s = lean && pre_service(st) ? exp_pre(x, st->stream_service, st->service.mean)
					   : draw(x, &st->service, x->rng[st->stream_service]);
	if (x->warm) {
		struct kstep *ks = &x->step[st->gidx];
		double w = x->now - c->enter;
		ks->wait_sum += w;
		ks->n_wait += 1;
		ks->n_waited += w > 0;
		ks->service_sum += s;
		ks->n_service += 1;
		/* a service level is asked of few pelaksana, if any: one
		 * predictable compare on a line already loaded otherwise */
		if (__builtin_expect(st->wait_lim >= 0, 0)) {
			struct kactor *kl = &x->act[a];
			kl->sl_visits += 1;
			kl->sl_within += w <= st->wait_lim + 1e-6;
		}
		if (!lean && x->nper) {
			long p = period_of(x, start_instant(x));
			if (p >= 0) {
				struct kstep *ps = &x->pstep[(size_t)p * (size_t)x->sc->nsteps + (size_t)st->gidx];
				ps->wait_sum += w;
				ps->n_wait += 1;
				ps->service_sum += s;
				ps->n_service += 1;
			}
		}
	}
	c->start = x->now;
	if (!lean && __builtin_expect(x->srv != NULL, 0))
		c->server = srv_take(x, a);
	double w = x->now + s;
	if (__builtin_expect(w >= x->wlim, 0))
		end_slow(x, s, a, ci); /* past the run, or the instant clock */
	else if (lean)
		schedule_lean(x, w, EV_END, ci);
	else
		schedule_key(x, w, EV_END, ci);
}

HOT void start_service(struct kctx *x, uint32_t ci, int a, const int lean)
{
	start_service_k(x, ci, a, lean, 1);
}

HOT void dispatch_k(struct kctx *x, int a, const int lean)
{
	const int batch = !lean && x->sc->actors[a].batch;
	struct kactor *ka = &x->act[a];
	while (ka->busy < ka->present && ka->nq > 0) {
		uint32_t ci = batch ? dequeue_released(x, a) : dequeue(x, a);
		if (ci == NIL)
			break; /* batch: the rest came after the batch moment */
		start_service(x, ci, a, lean);
	}
}

static void dispatch(struct kctx *x, int a)
{
	dispatch_k(x, a, 0);
}

HOT void enter_step_k(struct kctx *x, uint32_t ci, int pos, const int lean)
{
	struct kcase *c = &x->cases[ci];
	const struct sim_sop *so = c->so;
	const struct sim_step *st = &so->steps[pos];
	c->pos = (uint16_t)pos;
	c->st = st;
	c->enter = x->now;
	if (st->actor == SIM_PEMOHON) {
		/* the applicant is their own server: no queue */
		double d = lean && pre_service(st) ? exp_pre(x, st->stream_service, st->service.mean)
						   : draw(x, &st->service, x->rng[st->stream_service]);
		if (st->automatic)
			c->with_applicant = 0; /* the system's step: the file is back in the office */
		else if (c->with_applicant)
			c->paused += d; /* still with the applicant: the SLA clock waits */
		if (x->warm) {
			struct kstep *ks = &x->step[st->gidx];
			ks->service_sum += d;
			ks->n_service += 1;
			long p = x->nper ? period_of(x, start_instant(x)) : -1;
			if (p >= 0) {
				struct kstep *ps = &x->pstep[(size_t)p * (size_t)x->sc->nsteps + (size_t)st->gidx];
				ps->service_sum += d;
				ps->n_service += 1;
			}
		}
		c->start = x->now;
		schedule_k(x, x->now + d, EV_END, ci, lean);
		return;
	}
	c->with_applicant = 0;
	int a = st->actor;
	struct kactor *ka = &x->act[a];
	if ((lean || !x->sc->actors[a].batch) && ka->nq == 0 && ka->busy < ka->present)
		start_service(x, ci, a, lean);
	else
		enqueue(x, a, so->plevel, ci);
}

static void enter_step(struct kctx *x, uint32_t ci, int pos)
{
	enter_step_k(x, ci, pos, 0);
}

/* The emitted log is ingest input: the exact CSV writer (base.c), which
 * also quotes a name with blanks at its ends so it reads back whole. */
static void write_csv_field(FILE *f, const char *s)
{
	struct mutu_buf b;
	mutu_buf_init(&b);
	mutu_csv_field_exact(&b, s);
	fputs(b.s, f);
	mutu_buf_release(&b);
}

static void log_row(struct kctx *x, const struct kcase *c, const struct sim_step *st)
{
	const struct sim_scenario *sc = x->sc;
	char a[64], b[64];
	const struct cal *own = x->multi && st->actor != SIM_PEMOHON ? sc->actors[st->actor].cal : NULL;
	double end = x->multi ? x->real : sim_instant(sc, x->now), start;
	if (!own) {
		/* the start is the latest instant with the start's working time, so a
		 * step begun at closing time shows next morning's opening */
		start = sim_instant(sc, c->start + 1.0) - 1.0;
		if (start > end)
			start = end;
		if (start < sim_instant(sc, c->start))
			start = sim_instant(sc, c->start);
	} else {
		/* the same on the actor's calendar, from the instant it began */
		start = cal_instant_at(own, cal_work_at(own, c->start) + 1.0) - 1.0;
		if (start < c->start)
			start = c->start;
		if (start > end)
			start = end;
	}
	if (sc->cal) {
		cal_format_time(sc->cal, start, a, sizeof a);
		cal_format_time(sc->cal, end, b, sizeof b);
	} else {
		cal_format_iso(start, 0, a, sizeof a);
		cal_format_iso(end, 0, b, sizeof b);
	}
	const struct sim_sop *so = &sc->sops[c->sop];
	fprintf(x->log, "%s%06u,", x->case_prefix, c->id);
	write_csv_field(x->log, so->id);
	fprintf(x->log, ",%d,", st->no);
	write_csv_field(x->log, st->activity ? st->activity : "");
	fputc(',', x->log);
	write_csv_field(x->log, st->automatic ? st->automatic
			       : st->actor == SIM_PEMOHON ? "Pemohon" : sc->actors[st->actor].name);
	fprintf(x->log, ",%s,%s,", a, b);
	/* the resource: the staff member ("Front Office 2"); the applicant's
	 * own steps name the applicant */
	if (st->actor == SIM_PEMOHON) {
		write_csv_field(x->log, st->automatic ? st->automatic : "Pemohon");
	} else {
		struct ksrv *v = &x->srv[st->actor];
		v->busy[c->server] = 0;
		v->free_at[c->server] = x->now;
		write_csv_field(x->log, sc->actors[st->actor].name);
		fprintf(x->log, " %u", (unsigned)c->server + 1);
	}
	if (fputc('\n', x->log) == EOF)
		x->log_err = 1;
}

static void backlog_finish(struct kctx *x, const struct kcase *c);

/*
 * The file completes the acceptance check (so->start_pos,
 * sop_clock_start_step) and goes on: its SLA clock starts, as the
 * monthly report's does (sla.c stage_clock_start: "sejak permohonan dan
 * persyaratan diterima dengan benar dan lengkap", domain.md).  Its time
 * before, the applicant's submission, the queue and the check itself and
 * any round back to the applicant for completion, is off the clock: the
 * lead is now - arrive - paused, so paused takes all of it, and the
 * clock's instant moves here for the calendar days.  A completion that
 * sends the file back does not accept it (on_end_k calls this only when
 * the file goes on), so a file that comes back is accepted at its last
 * check, as sla.c takes the last check before the case moved on; a
 * later return to before the check (after acceptance) keeps the clock
 * running, with the applicant's time paused as after any rejection.
 */
static void clock_start(struct kctx *x, struct kcase *c, const int lean)
{
	c->clock = CLOCK_RUN;
	c->paused = x->now - c->arrive;
	c->clock_at = lean ? x->sc->start + x->now : now_instant(x);
}

/*
 * The file completes the office's last step (so->end_pos, sop_office_end):
 * its SLA clock stops, as the monthly report's does (sla.c): the lead
 * time, the within share, the calendar days and the forecast's finish of
 * an open file are taken here.  A completion that sends the file back
 * (a rejection at that step) does not: the office has not finished it.
 * For an SOP whose last step is the office's this is the file's finish,
 * as before.  (In a log the report takes the end step's first completion
 * after acceptance, sla.c stage_clock_end: the two differ only where the
 * office's last step itself sends files back.)
 */
HOT void clock_stop_k(struct kctx *x, uint32_t ci, const int lean)
{
	struct kcase *c = &x->cases[ci];
	c->clock = CLOCK_DONE;
	if (x->warm) {
		struct ksop *ks = &x->sop[c->sop];
		double lead = x->now - c->arrive - c->paused;
		/* the wall calendar counts every day, the applicant's included */
		/* lean: the instant is start + working time (case_new_k) */
		double t = lean ? x->sc->start + x->now : now_instant(x);
		double days = (t - c->clock_at) / 86400.0;
		if (days < 0)
			days = 0;
		if (x->sc->quantiles)
			stats_dist_add_inline(ks->lead, lead);
		else
			ks->lead_sum += lead;
		ks->days_sum += days;
		ks->finished += 1;
		/* 1e-6 s of slack: fixed times that add up to the ceiling are
		 * within (so->ceiling > 0 && lead <= so->ceiling + 1e-6, with
		 * the sum made once per replication) */
		int in = lead <= ks->within_lim;
		ks->within += in;
		long p = !lean && x->nper ? period_of(x, t) : -1;
		if (p >= 0) {
			struct kper *kp = &x->per[(size_t)p * (size_t)x->sc->nsops + c->sop];
			kp->finished += 1;
			kp->within += in;
			kp->lead_sum += lead;
			kp->days_sum += days;
			if (x->sc->quantiles)
				stats_dist_add(kp->lead, lead);
		}
	}
	if (!lean && c->id <= (uint32_t)x->sc->nopen && x->open_end)
		backlog_finish(x, c);
}

/* The file's last step is done: it leaves the system.  The sojourn
 * ("waktu tinggal ... termasuk di pemohon") runs to here, the applicant's
 * collection after the clock's stop included, as the work in progress
 * does (Little's law holds between the two). */
HOT void finish_k(struct kctx *x, uint32_t ci, const int lean)
{
	struct kcase *c = &x->cases[ci];
	(void)lean;
	x->customers++;
	if (x->warm) {
		struct ksop *ks = &x->sop[c->sop];
		ks->sojourn += x->now - c->arrive;
		ks->left += 1;
	}
	case_free(x, ci);
}

HOT void on_end_k(struct kctx *x, uint32_t ci, const int lean)
{
	struct kcase *c = &x->cases[ci];
	const struct sim_sop *so = c->so;
	const struct sim_step *st = c->st;
	if (!lean && x->log)
		log_row(x, c, st);
	if (st->actor != SIM_PEMOHON) {
		struct kactor *ka = &x->act[st->actor];
		/* the freed server takes the head of its queue before this file
		 * can join the back of another (or the same) queue; in the lean
		 * loop, when it does, the busy level goes down and up at the
		 * same time in one update (stats_tw_touch) */
		if (lean && ka->nq > 0 && ka->busy <= ka->present) {
			stats_tw_touch(&ka->tbusy, x->now);
			start_service_k(x, dequeue(x, st->actor), st->actor, 1, 0);
		} else {
			ka->busy--;
			stats_tw_set(&ka->tbusy, x->now, ka->busy);
		}
		dispatch_k(x, st->actor, lean);
	}
	if (!lean && st->reject > 0 && gsl_rng_uniform(x->rng[st->stream_reject]) < st->reject) {
		double d = draw(x, &st->resubmit, x->rng[st->stream_reject]);
		c->with_applicant = 1;
		c->paused += d;
		if (x->warm)
			x->sop[c->sop].rejections += 1;
		schedule(x, x->now + d, EV_RESUBMIT, ci);
	} else {
		if (__builtin_expect(c->pos == so->start_pos && c->clock == CLOCK_WAIT, 0))
			clock_start(x, c, lean);
		if (c->pos == so->end_pos && c->clock != CLOCK_DONE)
			clock_stop_k(x, ci, lean);
		if (c->pos + 1 < so->nsteps)
			enter_step_k(x, ci, c->pos + 1, lean);
		else
			finish_k(x, ci, lean);
	}
}

static void on_end(struct kctx *x, uint32_t ci)
{
	on_end_k(x, ci, 0);
}

static int weekday_hour(const struct sim_scenario *sc, double instant, int *hour)
{
	double local = instant + (sc->cal ? cal_utc_offset(sc->cal) : 0);
	double day = floor(local / 86400.0);
	*hour = (int)((local - day * 86400.0) / 3600.0);
	if (*hour > 23)
		*hour = 23;
	return sim_weekday((int64_t)day);
}

/* Next arrival of SOP s after the current one, or none. */
static void next_arrival(struct kctx *x, int s)
{
	const struct sim_scenario *sc = x->sc;
	const struct sim_sop *so = &sc->sops[s];
	struct ksop *ks = &x->sop[s];
	const gsl_rng *r = x->rng[so->stream_arrivals];
	if (ks->plain) { /* Poisson in working time without a profile: the common case */
		ks->u += exp_draw(r, ks->gap);
		if (ks->u < sc->uend)
			schedule(x, sim_day_clock(sc, &ks->dcur, ks->u), EV_ARRIVAL, (uint32_t)s);
		return;
	}
	if (so->arr == SIM_ARR_REPLAY) {
		if (ks->next_replay < so->nreplay) {
			size_t i = ks->next_replay++;
			schedule_office(x, so->replay_w[i], so->replay_t[i], EV_ARRIVAL, (uint32_t)s);
		}
		return;
	}
	if (so->rate <= 0)
		return;
	if (so->arr == SIM_ARR_WORK) {
		double w;
		for (;;) {
			ks->u += exp_draw(r, ks->gap);
			if (ks->u >= sc->uend)
				return;
			w = sim_day_clock(sc, &ks->dcur, ks->u);
			if (!so->has_profile)
				break;
			/* thinning (Lewis-Shedler): keep with factor / peak factor */
			int h, wd = weekday_hour(sc, sim_instant(sc, w), &h);
			if (gsl_rng_uniform(r) * so->profile_max < so->weekday[wd] * so->hour[h])
				break;
		}
		schedule(x, w, EV_ARRIVAL, (uint32_t)s);
		return;
	}
	double t = ks->next_real;
	for (;;) {
		t += exp_draw(r, ks->gap);
		if (t >= sc->end)
			return;
		if (!so->has_profile)
			break;
		int h, wd = weekday_hour(sc, t, &h);
		if (gsl_rng_uniform(r) * so->profile_max < so->weekday[wd] * so->hour[h])
			break;
	}
	ks->next_real = t;
	if (x->multi)
		schedule_real(x, t, EV_ARRIVAL, (uint32_t)s);
	else
		schedule(x, sim_work(sc, t), EV_ARRIVAL, (uint32_t)s);
}

static void set_present(struct kctx *x, int a)
{
	const struct sim_actor *sa = &x->sc->actors[a];
	struct kactor *ka = &x->act[a];
	int p = ka->staff;
	if (sa->absent > 0 && p > 0)
		p = (int)gsl_ran_binomial(x->rng[sa->stream_absence], 1.0 - sa->absent, (unsigned)p);
	ka->present = p;
	stats_tw_set(&ka->tpresent, x->now, p);
}

static void sample_until(struct kctx *x, double t)
{
	const struct sim_scenario *sc = x->sc;
	while (x->isample < x->nsamples && (double)x->isample * sc->sample_every <= t) {
		for (int a = 0; a < sc->nactors; a++) {
			double q = x->act[a].nq;
			size_t k = (size_t)a * x->nsamples + x->isample;
			x->qsum[k] += q;
			if (q > x->qmax[k])
				x->qmax[k] = q;
		}
		x->isample++;
	}
	x->next_sample = x->isample < x->nsamples ? (double)x->isample * sc->sample_every : INFINITY;
}

/* ---- one replication --------------------------------------------------- */

static struct kctx *ctx_create(const struct sim_scenario *sc)
{
	struct kctx *x = mutu_calloc(1, sizeof *x);
	x->sc = sc;
	zig_init(&x->zig);
	x->capheap = 256;
	x->heap = mutu_malloc(x->capheap * sizeof *x->heap);
	sim_evq_init(&x->cal);
	x->ncap = 0;
	x->cases = NULL;
	x->free_head = NIL;
	/* GSL's generator objects made here rather than by gsl_rng_alloc,
	 * so the states lie in one array (gsl_rng is a type and a state,
	 * gsl_rng.h; GSL's distributions use nothing else) */
	x->rng = mutu_calloc((size_t)sc->nstreams + 1, sizeof *x->rng);
	x->rngs = mutu_calloc((size_t)sc->nstreams + 1, sizeof *x->rngs);
	x->ts = mutu_calloc((size_t)sc->nstreams + 1, sizeof *x->ts);
	x->pre = mutu_calloc((size_t)sc->nstreams + 1, sizeof *x->pre);
	for (int i = 0; i < sc->nstreams; i++) {
		x->rngs[i].type = &taus_type;
		x->rngs[i].state = &x->ts[i];
		x->rng[i] = &x->rngs[i];
	}
	x->act = mutu_calloc((size_t)sc->nactors + 1, sizeof *x->act);
	size_t nq = (size_t)sc->nactors * (size_t)sc->nlevels + 1;
	x->qhead = mutu_malloc(nq * sizeof *x->qhead);
	x->qtail = mutu_malloc(nq * sizeof *x->qtail);
	x->released = mutu_calloc(nq, sizeof *x->released);
	x->sop = mutu_calloc((size_t)sc->nsops + 1, sizeof *x->sop);
	for (int s = 0; s < sc->nsops; s++) {
		x->sop[s].lead = stats_dist_create();
	}
	x->step = mutu_calloc((size_t)sc->nsteps + 1, sizeof *x->step);
	if (sc->sample_every > 0) {
		x->nsamples = (size_t)floor(sc->wend / sc->sample_every) + 1;
		x->qsum = mutu_calloc((size_t)sc->nactors * x->nsamples + 1, sizeof *x->qsum);
		x->qmax = mutu_calloc((size_t)sc->nactors * x->nsamples + 1, sizeof *x->qmax);
	}
	return x;
}

/* Per-period accumulators for the periods of res (none: nothing). */
static void ctx_periods(struct kctx *x, const struct sim_results *res)
{
	const struct sim_scenario *sc = x->sc;
	x->nper = res->nperiods;
	x->periods = res->periods;
	if (!x->nper)
		return;
	x->per = mutu_calloc(x->nper * (size_t)sc->nsops, sizeof *x->per);
	for (size_t i = 0; i < x->nper * (size_t)sc->nsops; i++)
		x->per[i].lead = stats_dist_create();
	x->pstep = mutu_calloc(x->nper * (size_t)sc->nsteps + 1, sizeof *x->pstep);
}

static void ctx_free(struct kctx *x)
{
	if (!x)
		return;
	for (int s = 0; s < x->sc->nsops; s++) {
		stats_dist_free(x->sop[s].lead);
	}
	for (size_t i = 0; i < x->nper * (size_t)x->sc->nsops; i++)
		stats_dist_free(x->per[i].lead);
	free(x->per);
	free(x->pstep);
	free(x->rng);
	free(x->rngs);
	free(x->ts);
	free(x->pre);
	free(x->heap);
	sim_evq_release(&x->cal);
	free(x->cases);
	free(x->act);
	free(x->qhead);
	free(x->qtail);
	free(x->released);
	free(x->sop);
	free(x->step);
	free(x->qsum);
	free(x->qmax);
	free(x);
}

static void rep_reset(struct kctx *x, uint64_t seed, int rep)
{
	const struct sim_scenario *sc = x->sc;
	x->nheap = 0;
	for (int i = 0; i < HEAP_PAD; i++)
		x->heap[i].k = EV_SENTINEL;
	x->seq = 0;
	x->top_pending = 0;
	x->cal_on = 0;
	x->cal.n = 0; /* the next build empties it */
	set_lim(x);
	if (!x->cases) {
		x->ncap = 64;
		x->cases = mutu_malloc(x->ncap * sizeof *x->cases);
	}
	for (uint32_t i = 0; i < x->ncap; i++)
		x->cases[i].next = i + 1 < x->ncap ? i + 1 : NIL;
	x->free_head = 0;
	x->next_id = 0;
	x->live = 0;
	x->now = 0;
	x->real = sc->start;
	x->multi = sc->multi;
	x->wlim = sc->multi ? -INFINITY : sc->wend;
	x->warm = sc->wwarm <= 0;
	x->overflow = 0;
	x->next_day = 0;
	x->isample = 0;
	x->next_sample = x->nsamples ? 0.0 : INFINITY;
	for (int i = 0; i < sc->nstreams; i++)
		gsl_rng_set(x->rng[i], stream_seed(seed, rep, sc->stream_names[i]));
	size_t nq = (size_t)sc->nactors * (size_t)sc->nlevels;
	for (size_t i = 0; i < nq; i++) {
		x->qhead[i] = x->qtail[i] = NIL;
		x->released[i] = 0;
	}
	for (int a = 0; a < sc->nactors; a++) {
		struct kactor *ka = &x->act[a];
		memset(ka, 0, sizeof *ka);
		ka->staff = sc->actors[a].changes[0].servers;
		ka->next_change = 1;
		stats_tw_init(&ka->tq, 0, 0);
		stats_tw_init(&ka->tbusy, 0, 0);
		stats_tw_init(&ka->tpresent, 0, ka->staff);
		ka->present = ka->staff;
	}
	for (int s = 0; s < sc->nsops; s++) {
		struct ksop *ks = &x->sop[s];
		stats_dist_reset(ks->lead);
		ks->arrivals = ks->finished = ks->within = ks->rejections = ks->sojourn = ks->left = 0;
		ks->lead_sum = ks->days_sum = 0;
		ks->u = 0;
		ks->dcur = 0;
		ks->live = 0;
		ks->next_replay = 0;
		ks->next_real = sc->start;
		const struct sim_sop *so = &sc->sops[s];
		/* once per replication, not a division per arrival */
		ks->gap = so->rate > 0 ? 1.0 / (so->rate * (so->has_profile ? so->profile_max : 1.0)) : 0;
		ks->plain = so->arr == SIM_ARR_WORK && so->rate > 0 && !so->has_profile;
		ks->arr_stream = so->stream_arrivals;
		ks->within_lim = so->ceiling > 0 ? so->ceiling + 1e-6 : NAN;
	}
	memset(x->step, 0, (size_t)sc->nsteps * sizeof *x->step);
	for (size_t i = 0; i < x->nper * (size_t)sc->nsops; i++) {
		struct stats_dist *d = x->per[i].lead;
		stats_dist_reset(d);
		memset(&x->per[i], 0, sizeof x->per[i]);
		x->per[i].lead = d;
	}
	if (x->nper)
		memset(x->pstep, 0, x->nper * (size_t)sc->nsteps * sizeof *x->pstep);
	stats_tw_init(&x->wip, 0, 0);
}

/* The first draw ahead of every stream the lean loop draws one ahead
 * (exp_pre): after rep_run's first arrivals, before the first event. */
static void pre_fill(struct kctx *x)
{
	const struct sim_scenario *sc = x->sc;
	for (int s = 0; s < sc->nsops; s++) {
		const struct sim_sop *so = &sc->sops[s];
		if (x->sop[s].plain)
			x->pre[so->stream_arrivals] = zig_exp1(&x->zig, x->rng[so->stream_arrivals]);
		for (int k = 0; k < so->nsteps; k++)
			if (pre_service(&so->steps[k]))
				x->pre[so->steps[k].stream_service] =
					zig_exp1(&x->zig, x->rng[so->steps[k].stream_service]);
	}
}

/* Run the events of a replication; returns how many ran.  multi and
 * lean are constants at each call (sc->multi; lean_ok). */
static inline __attribute__((always_inline)) uint64_t run_events(struct kctx *x, const int multi,
								 const int lean)
{
	const struct sim_scenario *sc = x->sc;
	uint64_t events = 0;
	if (lean)
		pre_fill(x);
	for (;;) {
		struct ev e;
		/* one test on the heap's path, as before the calendar: the heap
		 * is empty (nheap 0) while the calendar holds the events */
		if (__builtin_expect(x->nheap > 0, 1)) {
			e = x->heap[0];
			x->top_pending = 1;
		} else if (x->cal_on && x->cal.n > 0) {
			e = cal_next(x);
		} else {
			break;
		}
		if (__builtin_expect(multi, 0)) {
			x->real = ev_time(e);
			x->now = sim_work(sc, x->real);
		} else {
			x->now = lean ? time_of_lean((uint64_t)(e.k >> 64)) : ev_time(e);
		}
		events++;
		if (x->now >= x->next_sample) /* the same test sample_until makes */
			sample_until(x, x->now);
		uint32_t idx = (uint32_t)(ev_low(e) & IDX_MAX);
		enum ev_kind kind = (enum ev_kind)((ev_low(e) >> IDX_BITS) & 15);
		/* the two kinds of nearly every event first, as plain branches;
		 * the office's rare events through the switch */
		if (kind == EV_END) {
			if (lean)
				on_end_k(x, idx, 1);
			else
				on_end(x, idx);
		} else if (kind == EV_ARRIVAL) {
			uint32_t ci = lean ? case_new_k(x, (int)idx, 1) : case_new(x, (int)idx);
			double sent;
			if (!lean && ci != NIL && sent_instant(x, (int)idx, &sent))
				x->cases[ci].clock_at = sent;
			if (x->warm) {
				x->sop[idx].arrivals += 1;
				if (!lean && x->nper && ci != NIL) {
					long p = period_of(x, x->cases[ci].clock_at);
					if (p >= 0)
						x->per[(size_t)p * (size_t)sc->nsops + idx].arrivals += 1;
				}
			}
			if (lean) {
				if (ci != NIL)
					enter_step_k(x, ci, 0, 1);
				struct ksop *ks = &x->sop[idx];
				if (ks->plain) { /* next_arrival's common case, inline */
					ks->u += exp_pre(x, ks->arr_stream, ks->gap);
					if (ks->u < sc->uend)
						schedule_k(x, sim_day_clock(sc, &ks->dcur, ks->u), EV_ARRIVAL, idx, 1);
				} else {
					next_arrival(x, (int)idx);
				}
				/* lean: only this arrival's case_new_k sets overflow,
				 * so the loop tests it here, not after every event */
				if (__builtin_expect(ci == NIL, 0) && x->overflow) {
					if (x->top_pending) {
						x->top_pending = 0;
						pop_top(x);
					}
					break;
				}
			} else {
				if (ci != NIL)
					enter_step(x, ci, 0);
				next_arrival(x, (int)idx);
			}
		} else switch (kind) {
		case EV_END:
		case EV_ARRIVAL:
			break;
		case EV_RESUBMIT: {
			const struct kcase *c = &x->cases[idx];
			enter_step_k(x, idx, c->st->reject_to, lean);
			break;
		}
		case EV_STAFF: {
			struct kactor *ka = &x->act[idx];
			ka->staff = sc->actors[idx].changes[ka->next_change++].servers;
			set_present(x, (int)idx);
			dispatch_k(x, (int)idx, lean);
			if (ka->next_change < sc->actors[idx].nchanges) {
				const struct sim_staff_change *ch = &sc->actors[idx].changes[ka->next_change];
				schedule_office(x, ch->w, ch->instant, EV_STAFF, idx);
			}
			break;
		}
		case EV_DAY:
			for (int a = 0; a < sc->nactors; a++)
				if (sc->actors[a].absent > 0) {
					set_present(x, a);
					dispatch_k(x, a, lean);
				}
			if (++x->next_day < sc->ndays)
				schedule_office(x, sc->day_w[x->next_day], sc->day_t[x->next_day], EV_DAY, 0);
			break;
		case EV_BATCH: {
			/* everything waiting now, level by level; nothing later
			 * (a walk of the queues once a working day) */
			size_t base = (size_t)idx * (size_t)sc->nlevels;
			for (int l = 0; l < sc->nlevels; l++)
				x->released[base + l] = queue_length(x, base + l);
			struct kactor *ka = &x->act[idx];
			dispatch_k(x, (int)idx, lean);
			if (++ka->next_batch < sc->actors[idx].nbatch)
				schedule_office(x, sc->actors[idx].batch_w[ka->next_batch],
						sc->actors[idx].batch_t[ka->next_batch], EV_BATCH, idx);
			break;
		}
		case EV_WARMUP:
			x->warm = 1;
			stats_tw_restart(&x->wip, x->now);
			for (int a = 0; a < sc->nactors; a++) {
				stats_tw_restart(&x->act[a].tq, x->now);
				stats_tw_restart(&x->act[a].tbusy, x->now);
				stats_tw_restart(&x->act[a].tpresent, x->now);
			}
			break;
		}
		if (x->top_pending) {
			x->top_pending = 0;
			pop_top(x);
		}
		if (!lean && x->overflow)
			break;
	}
	return events;
}

static void metric_values(struct kctx *x, const struct sim_metric *m, size_t nm, double *out);
static void backlog_place(struct kctx *x);

/* Whether this replication may run the lean loop: none of the features
 * it leaves out (see case_new_k) is in use. */
static int lean_ok(const struct kctx *x)
{
	const struct sim_scenario *sc = x->sc;
	if (sc->multi || x->log || x->srv || x->nper || sc->nopen || (sc->cal && !sc->wall))
		return 0;
	for (int a = 0; a < sc->nactors; a++)
		if (sc->actors[a].batch)
			return 0;
	for (int s = 0; s < sc->nsops; s++)
		for (int k = 0; k < sc->sops[s].nsteps; k++)
			if (sc->sops[s].steps[k].reject > 0)
				return 0;
	return 1;
}

/* Run replication rep; metric values go to out (nmetric). */
static void rep_run(struct kctx *x, uint64_t seed, int rep, const struct sim_metric *m,
		    size_t nm, double *out)
{
	const struct sim_scenario *sc = x->sc;
	rep_reset(x, seed, rep);
	/* initial events: office state first, then the arrival streams */
	for (int a = 0; a < sc->nactors; a++) {
		const struct sim_actor *sa = &sc->actors[a];
		if (sa->nchanges > 1)
			schedule_office(x, sa->changes[1].w, sa->changes[1].instant, EV_STAFF, (uint32_t)a);
		if (sa->batch && sa->nbatch > 0)
			schedule_office(x, sa->batch_w[0], sa->batch_t[0], EV_BATCH, (uint32_t)a);
	}
	int any_absence = 0;
	for (int a = 0; a < sc->nactors; a++)
		any_absence |= sc->actors[a].absent > 0;
	if (any_absence && sc->ndays > 0)
		schedule_office(x, sc->day_w[0], sc->day_t[0], EV_DAY, 0);
	if (sc->wwarm > 0)
		schedule_office(x, sc->wwarm, sc->warmup, EV_WARMUP, 0);
	if (sc->nopen)
		backlog_place(x);
	for (int s = 0; s < sc->nsops; s++)
		next_arrival(x, s);

	/* the event loop three times: for the two readings of the kernel
	 * clock, so the single-calendar loop pays nothing for the other, and
	 * the lean one for the scenarios that use none of the rare features */
	uint64_t events = sc->multi ? run_events(x, 1, 0) : lean_ok(x) ? run_events(x, 0, 1)
								: run_events(x, 0, 0);
	x->now = sc->wend;
	if (x->nsamples)
		sample_until(x, sc->wend);
	x->events += events;
	if (m)
		metric_values(x, m, nm, out);
}

/* ---- metrics ----------------------------------------------------------- */

enum field {
	F_ARRIVALS, F_FINISHED, F_WITHIN, F_LEAD_MEAN, F_LEAD_P50, F_LEAD_P90, F_LEAD_P95,
	F_REJECTIONS, F_WIP_END, F_WIP_MEAN, F_SOJOURN_MEAN, F_THROUGHPUT,
	F_WAIT_MEAN, F_WAIT_SHARE, F_SERVICE_MEAN, F_UTIL, F_QUEUE_MEAN, F_QUEUE_MAX,
	F_STAFF_MEAN, F_WITHIN_N, F_LEAD_DAYS_MEAN, F_WAIT_WITHIN, F_N
};

static const char *const field_names[F_N] = {
	"arrivals", "finished", "within", "lead_mean", "lead_p50", "lead_p90", "lead_p95",
	"rejections", "wip_end", "wip_mean", "sojourn_mean", "throughput",
	"wait_mean", "wait_share", "service_mean", "util", "queue_mean", "queue_max",
	"staff_mean", "within_n", "lead_days_mean", "wait_within"};

static const enum sim_kind field_kind[F_N] = {
	SIM_K_COUNT, SIM_K_COUNT, SIM_K_SHARE, SIM_K_TIME, SIM_K_TIME, SIM_K_TIME, SIM_K_TIME,
	SIM_K_COUNT, SIM_K_COUNT, SIM_K_LEVEL, SIM_K_TIME, SIM_K_RATE,
	SIM_K_TIME, SIM_K_SHARE, SIM_K_TIME, SIM_K_SHARE, SIM_K_LEVEL, SIM_K_LEVEL,
	SIM_K_LEVEL, SIM_K_COUNT, SIM_K_DAYS, SIM_K_SHARE};

static enum field field_of(const char *name)
{
	for (int f = 0; f < F_N; f++)
		if (field_names[f] == name)
			return (enum field)f;
	return F_N;
}

static void add_metric(struct sim_metric **m, size_t *n, size_t *cap, enum sim_scope scope,
		       int sop, int step_no, int actor, enum field f, const char *name)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*m = mutu_realloc(*m, *cap * sizeof **m);
	}
	struct sim_metric *x = &(*m)[(*n)++];
	x->scope = scope;
	x->sop = sop;
	x->step_no = step_no;
	x->actor = actor;
	x->field = field_names[f];
	x->kind = field_kind[f];
	x->period = 0;
	x->limit = 0;
	static const char *const scope_names[] = {"all", "sop", "step", "actor"};
	if (scope == SIM_S_STEP)
		snprintf(x->key, sizeof x->key, "step/%s/%d/%s", name, step_no, x->field);
	else if (scope == SIM_S_ALL)
		snprintf(x->key, sizeof x->key, "all/%s", x->field);
	else
		snprintf(x->key, sizeof x->key, "%s/%s/%s", scope_names[scope], name, x->field);
}

struct sim_metric *sim_metrics_layout(const struct sim_scenario *sc, size_t *nmetric)
{
	struct sim_metric *m = NULL;
	size_t n = 0, cap = 0;
	static const enum field all[] = {F_ARRIVALS, F_FINISHED, F_WITHIN, F_LEAD_MEAN,
					 F_LEAD_DAYS_MEAN, F_SOJOURN_MEAN, F_THROUGHPUT, F_WIP_MEAN,
					 F_WIP_END};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		add_metric(&m, &n, &cap, SIM_S_ALL, -1, 0, -1, all[i], "");
	static const enum field per_sop[] = {F_ARRIVALS, F_FINISHED, F_WITHIN, F_LEAD_MEAN,
					     F_LEAD_P50, F_LEAD_P90, F_LEAD_P95, F_LEAD_DAYS_MEAN,
					     F_REJECTIONS, F_WIP_END};
	for (int s = 0; s < sc->nsops; s++) {
		const struct sim_sop *so = &sc->sops[s];
		for (size_t i = 0; i < sizeof per_sop / sizeof per_sop[0]; i++)
			add_metric(&m, &n, &cap, SIM_S_SOP, s, 0, -1, per_sop[i], so->id);
		for (int k = 0; k < so->nsteps; k++) {
			const struct sim_step *st = &so->steps[k];
			if (st->actor != SIM_PEMOHON) {
				add_metric(&m, &n, &cap, SIM_S_STEP, s, st->no, st->actor, F_WAIT_MEAN, so->id);
				add_metric(&m, &n, &cap, SIM_S_STEP, s, st->no, st->actor, F_WAIT_SHARE, so->id);
			}
			add_metric(&m, &n, &cap, SIM_S_STEP, s, st->no, st->actor, F_SERVICE_MEAN, so->id);
		}
	}
	static const enum field per_actor[] = {F_UTIL, F_QUEUE_MEAN, F_QUEUE_MAX, F_STAFF_MEAN};
	for (int a = 0; a < sc->nactors; a++) {
		for (size_t i = 0; i < sizeof per_actor / sizeof per_actor[0]; i++)
			add_metric(&m, &n, &cap, SIM_S_ACTOR, -1, 0, a, per_actor[i],
				   sc->actors[a].name);
		/* only where a service level is set: a scenario without one
		 * keeps its layout, and so its output, to the byte */
		if (sc->actors[a].wait_lim >= 0) {
			add_metric(&m, &n, &cap, SIM_S_ACTOR, -1, 0, a, F_WAIT_WITHIN, sc->actors[a].name);
			m[n - 1].limit = sc->actors[a].wait_lim;
		}
	}
	*nmetric = n;
	return m;
}

/* The per-period metrics (sim.h, "results per period") after the whole
 * run's: for each period, all SOPs, then each SOP with its steps. */
static void period_metrics(const struct sim_scenario *sc, enum sim_by by,
			   const struct sim_period *per, size_t nper,
			   struct sim_metric **m, size_t *n)
{
	size_t cap = *n;
	static const enum field all[] = {F_ARRIVALS, F_FINISHED, F_WITHIN_N, F_WITHIN, F_LEAD_MEAN,
					 F_LEAD_DAYS_MEAN};
	static const enum field per_sop[] = {F_ARRIVALS, F_FINISHED, F_WITHIN_N, F_WITHIN, F_LEAD_MEAN,
					     F_LEAD_P50, F_LEAD_P90, F_LEAD_DAYS_MEAN};
	for (size_t p = 0; p < nper; p++) {
		size_t first = *n;
		for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
			add_metric(m, n, &cap, SIM_S_ALL, -1, 0, -1, all[i], "");
		for (int s = 0; s < sc->nsops; s++) {
			const struct sim_sop *so = &sc->sops[s];
			for (size_t i = 0; i < sizeof per_sop / sizeof per_sop[0]; i++)
				add_metric(m, n, &cap, SIM_S_SOP, s, 0, -1, per_sop[i], so->id);
			for (int k = 0; k < so->nsteps; k++) {
				const struct sim_step *st = &so->steps[k];
				if (st->actor != SIM_PEMOHON)
					add_metric(m, n, &cap, SIM_S_STEP, s, st->no, st->actor, F_WAIT_MEAN, so->id);
				add_metric(m, n, &cap, SIM_S_STEP, s, st->no, st->actor, F_SERVICE_MEAN, so->id);
			}
		}
		for (size_t i = first; i < *n; i++) {
			struct sim_metric *x = &(*m)[i];
			/* prefix "month/LABEL/" (at most 21 bytes); a key too long
			 * for it keeps its end cut, as add_metric cuts it */
			char key[sizeof x->key + 32];
			snprintf(key, sizeof key, "%s/%s/%s", by == SIM_BY_WEEK ? "week" : "month",
				 per[p].label, x->key);
			key[sizeof x->key - 1] = '\0';
			memcpy(x->key, key, sizeof x->key);
			x->period = (int)p + 1;
		}
	}
}

/* Local midnight (instant) of local day z at UTC offset off. */
static double midnight(int64_t z, int off)
{
	return (double)z * 86400.0 - off;
}

/* The periods of the observed window, cut at local midnight. */
static size_t make_periods(const struct sim_scenario *sc, enum sim_by by, struct sim_period **out)
{
	int off = sc->cal ? cal_utc_offset(sc->cal) : 0;
	double t = sc->warmup > sc->start ? sc->warmup : sc->start;
	size_t n = 0, cap = 0;
	struct sim_period *p = NULL;
	while (t < sc->end) {
		int64_t z = (int64_t)floor((t + off) / 86400.0), zs, ze;
		int y, mo, d;
		char label[16];
		if (by == SIM_BY_WEEK) {
			int64_t wd = ((z + 3) % 7 + 7) % 7; /* 1970-01-01 was a Thursday; 0 = Monday */
			zs = z - wd;
			ze = zs + 7;
			/* ISO 8601: the week belongs to the year of its Thursday */
			cal_civil_from_days(zs + 3, &y, &mo, &d);
			int64_t jan1 = cal_days_from_civil(y, 1, 1);
			snprintf(label, sizeof label, "%04d-W%02d", y, (int)((zs + 3 - jan1) / 7 + 1));
		} else {
			cal_civil_from_days(z, &y, &mo, &d);
			zs = cal_days_from_civil(y, mo, 1);
			ze = cal_days_from_civil(mo == 12 ? y + 1 : y, mo == 12 ? 1 : mo + 1, 1);
			snprintf(label, sizeof label, "%04d-%02d", y, mo);
		}
		double e = midnight(ze, off);
		if (n == cap)
			p = mutu_realloc(p, (cap = cap ? cap * 2 : 16) * sizeof *p);
		snprintf(p[n].label, sizeof p[n].label, "%s", label);
		(void)zs;
		p[n].start = t;
		p[n].end = e < sc->end ? e : sc->end;
		n++;
		t = p[n - 1].end;
	}
	*out = p;
	return n;
}

static const struct sim_step *step_by_no(const struct sim_sop *so, int no)
{
	for (int k = 0; k < so->nsteps; k++)
		if (so->steps[k].no == no)
			return &so->steps[k];
	return NULL;
}

static double ratio(double a, double b)
{
	return b > 0 ? a / b : NAN;
}

/* A per-period metric's value (sim.h, "results per period"). */
static double period_value(const struct kctx *x, const struct sim_metric *mi, enum field f)
{
	const struct sim_scenario *sc = x->sc;
	size_t p = (size_t)mi->period - 1;
	if (mi->scope == SIM_S_STEP) {
		const struct sim_step *st = step_by_no(&sc->sops[mi->sop], mi->step_no);
		const struct kstep *k = &x->pstep[p * (size_t)sc->nsteps + (size_t)st->gidx];
		return f == F_WAIT_MEAN ? ratio(k->wait_sum, k->n_wait)
		     : f == F_SERVICE_MEAN ? ratio(k->service_sum, k->n_service) : NAN;
	}
	struct kper a = {0};
	double with_ceiling = 0;
	const struct kper *one = NULL;
	for (int s = 0; s < sc->nsops; s++) {
		const struct kper *kp = &x->per[p * (size_t)sc->nsops + (size_t)s];
		if (mi->scope == SIM_S_SOP && s != mi->sop)
			continue;
		one = kp;
		a.arrivals += kp->arrivals;
		a.finished += kp->finished;
		a.within += kp->within;
		a.lead_sum += kp->lead_sum;
		a.days_sum += kp->days_sum;
		if (sc->sops[s].ceiling > 0)
			with_ceiling += kp->finished;
	}
	switch (f) {
	case F_ARRIVALS: return a.arrivals;
	case F_FINISHED: return a.finished;
	case F_WITHIN_N: return with_ceiling > 0 || mi->scope == SIM_S_ALL ? a.within : NAN;
	case F_WITHIN: return ratio(a.within, with_ceiling);
	case F_LEAD_MEAN: return ratio(a.lead_sum, a.finished);
	case F_LEAD_DAYS_MEAN: return ratio(a.days_sum, a.finished);
	case F_LEAD_P50:
	case F_LEAD_P90:
		if (mi->scope != SIM_S_SOP || !sc->quantiles || !one || one->finished <= 0)
			return NAN;
		return stats_dist_quantile(one->lead, f == F_LEAD_P50 ? 0.5 : 0.9);
	default: return NAN;
	}
}

static void metric_values(struct kctx *x, const struct sim_metric *m, size_t nm, double *out)
{
	const struct sim_scenario *sc = x->sc;
	double t = sc->wend, span = sc->wend - (sc->wwarm > 0 ? sc->wwarm : 0);
	double arr = 0, fin = 0, soj = 0, left = 0, lead_sum = 0, days_sum = 0, with_ceiling = 0, within_c = 0;
	for (int s = 0; s < sc->nsops; s++) {
		const struct ksop *ks = &x->sop[s];
		arr += ks->arrivals;
		fin += ks->finished;
		soj += ks->sojourn;
		left += ks->left;
		if (ks->finished > 0) {
			lead_sum += sc->quantiles ? stats_dist_mean(ks->lead) * ks->finished : ks->lead_sum;
			days_sum += ks->days_sum;
		}
		/* the share within the ceiling counts only SOPs that have one */
		if (sc->sops[s].ceiling > 0) {
			with_ceiling += ks->finished;
			within_c += ks->within;
		}
	}
	for (size_t i = 0; i < nm; i++) {
		const struct sim_metric *mi = &m[i];
		enum field f = field_of(mi->field);
		double v = NAN;
		if (mi->period > 0) {
			v = period_value(x, mi, f);
		} else if (mi->scope == SIM_S_ALL) {
			switch (f) {
			case F_ARRIVALS: v = arr; break;
			case F_FINISHED: v = fin; break;
			case F_WITHIN: v = ratio(within_c, with_ceiling); break;
			case F_LEAD_MEAN: v = ratio(lead_sum, fin); break;
			case F_LEAD_DAYS_MEAN: v = ratio(days_sum, fin); break;
			case F_SOJOURN_MEAN: v = ratio(soj, left); break;
			case F_THROUGHPUT: v = ratio(fin * 3600.0, span); break;
			case F_WIP_MEAN: v = stats_tw_mean(&x->wip, t); break;
			case F_WIP_END: v = x->live; break;
			default: break;
			}
		} else if (mi->scope == SIM_S_SOP) {
			struct ksop *ks = &x->sop[mi->sop];
			switch (f) {
			case F_ARRIVALS: v = ks->arrivals; break;
			case F_FINISHED: v = ks->finished; break;
			case F_WITHIN: v = sc->sops[mi->sop].ceiling > 0 ? ratio(ks->within, ks->finished) : NAN; break;
			case F_LEAD_MEAN: v = sc->quantiles ? stats_dist_mean(ks->lead) : ratio(ks->lead_sum, ks->finished); break;
			case F_LEAD_P50: v = sc->quantiles ? stats_dist_quantile(ks->lead, 0.5) : NAN; break;
			case F_LEAD_P90: v = sc->quantiles ? stats_dist_quantile(ks->lead, 0.9) : NAN; break;
			case F_LEAD_P95: v = sc->quantiles ? stats_dist_quantile(ks->lead, 0.95) : NAN; break;
			case F_LEAD_DAYS_MEAN: v = ratio(ks->days_sum, ks->finished); break;
			case F_REJECTIONS: v = ks->rejections; break;
			case F_WIP_END: v = ks->live; break;
			default: break;
			}
		} else if (mi->scope == SIM_S_STEP) {
			const struct sim_step *st = step_by_no(&sc->sops[mi->sop], mi->step_no);
			const struct kstep *k = &x->step[st->gidx];
			switch (f) {
			case F_WAIT_MEAN: v = ratio(k->wait_sum, k->n_wait); break;
			case F_WAIT_SHARE: v = ratio(k->n_waited, k->n_wait); break;
			case F_SERVICE_MEAN: v = ratio(k->service_sum, k->n_service); break;
			default: break;
			}
		} else {
			const struct kactor *ka = &x->act[mi->actor];
			switch (f) {
			case F_UTIL: v = ratio(stats_tw_area(&ka->tbusy, t), stats_tw_area(&ka->tpresent, t)); break;
			case F_QUEUE_MEAN: v = stats_tw_mean(&ka->tq, t); break;
			case F_QUEUE_MAX: v = ka->tq.max; break;
			case F_STAFF_MEAN: v = stats_tw_mean(&ka->tpresent, t); break;
			case F_WAIT_WITHIN: v = ratio(ka->sl_within, ka->sl_visits); break;
			default: break;
			}
		}
		out[i] = v;
	}
}

/* ---- the runner -------------------------------------------------------- */

struct runner {
	const struct sim_scenario *sc;
	const struct sim_options *opt;
	struct sim_results *res;
	pthread_mutex_t mu;
	int next_rep, done;
	int overflow;
	struct kctx **ctx; /* one per thread */
};

struct worker_arg {
	struct runner *r;
	int id;
};

static void *worker(void *arg)
{
	struct worker_arg *wa = arg;
	struct runner *r = wa->r;
	struct kctx *x = r->ctx[wa->id];
	struct sim_results *res = r->res;
	for (;;) {
		pthread_mutex_lock(&r->mu);
		int rep = r->next_rep < res->nrep ? r->next_rep++ : -1;
		pthread_mutex_unlock(&r->mu);
		if (rep < 0)
			break;
		x->open_end = res->nopen ? &res->open_end[(size_t)rep * res->nopen] : NULL;
		x->open_lead = res->nopen ? &res->open_lead[(size_t)rep * res->nopen] : NULL;
		rep_run(x, res->seed, rep, res->metrics, res->nmetric,
			&res->values[(size_t)rep * res->nmetric]);
		pthread_mutex_lock(&r->mu);
		r->done++;
		r->overflow |= x->overflow;
		if (r->opt && r->opt->progress)
			r->opt->progress(r->opt->progress_ctx, r->done, res->nrep);
		pthread_mutex_unlock(&r->mu);
	}
	return NULL;
}

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static char *results_shape(const struct sim_scenario *sc);

int sim_run(const struct sim_scenario *sc, const struct sim_options *opt,
	    struct sim_results **out, struct mutu_err *err)
{
	*out = NULL;
	int nrep = opt && opt->replications > 0 ? opt->replications : sc->replications;
	if (nrep < 1)
		return mutu_errf(err, MUTU_EINPUT, "replications must be at least 1 (%d)", nrep);
	if (sc->nsops == 0)
		return mutu_errf(err, MUTU_EINPUT, "the scenario has no SOP to simulate");
	if (!sc->compiled)
		return mutu_errf(err, MUTU_EINPUT, "sim_run: call sim_scenario_compile first");
	/* refuse up front what would not fit (sim.h, "limits") */
	int lr = sim_scenario_check_limits(sc, nrep, NULL, NULL, err);
	if (lr)
		return lr;
	int threads = opt && opt->threads > 0 ? opt->threads : (int)sysconf(_SC_NPROCESSORS_ONLN);
	if (threads < 1)
		threads = 1;
	if (threads > nrep)
		threads = nrep;

	struct sim_results *res = mutu_calloc(1, sizeof *res);
	res->nrep = nrep;
	res->seed = opt && opt->has_seed ? opt->seed : sc->seed;
	res->metrics = sim_metrics_layout(sc, &res->nmetric);
	if (opt && opt->by != SIM_BY_NONE) {
		res->by = opt->by;
		res->nperiods = make_periods(sc, opt->by, &res->periods);
		period_metrics(sc, opt->by, res->periods, res->nperiods, &res->metrics, &res->nmetric);
	}
	res->shape = results_shape(sc);
	res->values = mutu_calloc((size_t)nrep * res->nmetric, sizeof *res->values);
	res->ci = mutu_calloc(res->nmetric, sizeof *res->ci);
	res->threads = threads;
	if (sc->nopen > 0) {
		res->nopen = (size_t)sc->nopen;
		res->open_end = mutu_calloc((size_t)nrep * res->nopen, sizeof *res->open_end);
		res->open_lead = mutu_calloc((size_t)nrep * res->nopen, sizeof *res->open_lead);
	}

	struct runner r = {.sc = sc, .opt = opt, .res = res};
	pthread_mutex_init(&r.mu, NULL);
	r.ctx = mutu_calloc((size_t)threads, sizeof *r.ctx);
	for (int i = 0; i < threads; i++) {
		r.ctx[i] = ctx_create(sc);
		ctx_periods(r.ctx[i], res);
	}
	struct worker_arg *wa = mutu_calloc((size_t)threads, sizeof *wa);
	pthread_t *tid = mutu_calloc((size_t)threads, sizeof *tid);
	double t0 = now_seconds();
	int started = 0, rc = 0;
	for (int i = 1; i < threads; i++) {
		wa[i].r = &r;
		wa[i].id = i;
		if (pthread_create(&tid[i], NULL, worker, &wa[i]) != 0)
			break;
		started = i;
	}
	wa[0].r = &r;
	wa[0].id = 0;
	worker(&wa[0]); /* the calling thread works too */
	for (int i = 1; i <= started; i++)
		pthread_join(tid[i], NULL);
	res->wall_seconds = now_seconds() - t0;
	pthread_mutex_destroy(&r.mu);

	/* merge in thread order: sums of whole queue lengths are exact in
	 * doubles, so the result does not depend on which thread ran what */
	res->nactors = (size_t)sc->nactors;
	res->nsamples = r.ctx[0]->nsamples;
	res->sample_every = sc->sample_every;
	if (res->nsamples) {
		size_t nn = res->nactors * res->nsamples;
		res->queue_mean = mutu_calloc(nn + 1, sizeof *res->queue_mean);
		res->queue_max = mutu_calloc(nn + 1, sizeof *res->queue_max);
		res->sample_time = mutu_calloc(res->nsamples, sizeof *res->sample_time);
		for (int i = 0; i < threads; i++)
			for (size_t k = 0; k < nn; k++) {
				res->queue_mean[k] += r.ctx[i]->qsum[k];
				if (r.ctx[i]->qmax[k] > res->queue_max[k])
					res->queue_max[k] = r.ctx[i]->qmax[k];
			}
		for (size_t k = 0; k < nn; k++)
			res->queue_mean[k] /= nrep;
		/* sim_instant gives the earliest instant with that much work done;
		 * for w = 0 on a run that starts while the office is closed (a
		 * holiday, a night) that is the closing time before the run.  The
		 * sample at w = 0 is the state at the start: never before it. */
		for (size_t k = 0; k < res->nsamples; k++) {
			double t = sim_instant(sc, (double)k * sc->sample_every);
			res->sample_time[k] = t < sc->start ? sc->start : t;
		}
	}
	for (int i = 0; i < threads; i++) {
		res->events += r.ctx[i]->events;
		res->customers += r.ctx[i]->customers;
		ctx_free(r.ctx[i]);
	}
	free(r.ctx);
	free(wa);
	free(tid);
	for (size_t k = 0; k < res->nmetric; k++)
		stats_ci_compute(res->values + k, (size_t)nrep, res->nmetric, 0.95, &res->ci[k]);
	if (r.overflow) {
		rc = mutu_errf(err, MUTU_EFAIL,
			       "more than %u files in progress at once: the scenario is overloaded "
			       "(add staff or lower the arrival rates)", IDX_MAX);
		sim_results_free(res);
		return rc;
	}
	*out = res;
	return 0;
}

void sim_results_free(struct sim_results *r)
{
	if (!r)
		return;
	free(r->metrics);
	free(r->values);
	free(r->ci);
	free(r->sample_time);
	free(r->queue_mean);
	free(r->queue_max);
	free(r->shape);
	free(r->periods);
	free(r->open_end);
	free(r->open_lead);
	free(r);
}

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* What two runs must share for a paired comparison, one fact a line:
 * calendar, run period, then each SOP (sorted by id, since streams are
 * keyed by name and not by position) with its step numbers. */
static char *results_shape(const struct sim_scenario *sc)
{
	struct mutu_buf b;
	mutu_buf_init(&b);
	char t0[64], t1[64], tw[64];
	double warm = sc->warmup > sc->start ? sc->warmup : sc->start;
	if (sc->cal) {
		cal_format_time(sc->cal, sc->start, t0, sizeof t0);
		cal_format_time(sc->cal, sc->end, t1, sizeof t1);
		cal_format_time(sc->cal, warm, tw, sizeof tw);
	} else {
		snprintf(t0, sizeof t0, "%.0f", sc->start);
		snprintf(t1, sizeof t1, "%.0f", sc->end);
		snprintf(tw, sizeof tw, "%.0f", warm);
	}
	mutu_buf_printf(&b, "calendar %s\nrun %s .. %s observed from %s",
			sc->cal ? cal_name(sc->cal) : "(none)", t0, t1, tw);
	char **lines = mutu_calloc((size_t)sc->nsops + 1, sizeof *lines);
	for (int s = 0; s < sc->nsops; s++) {
		struct mutu_buf l;
		mutu_buf_init(&l);
		mutu_buf_printf(&l, "SOP %s steps", sc->sops[s].id);
		for (int k = 0; k < sc->sops[s].nsteps; k++)
			mutu_buf_printf(&l, "%s%d", k ? "," : " ", sc->sops[s].steps[k].no);
		lines[s] = mutu_buf_detach(&l);
		mutu_buf_release(&l);
	}
	qsort(lines, (size_t)sc->nsops, sizeof *lines, cmp_str);
	for (int s = 0; s < sc->nsops; s++) {
		mutu_buf_printf(&b, "\n%s", lines[s]);
		free(lines[s]);
	}
	free(lines);
	char *out = mutu_buf_detach(&b);
	mutu_buf_release(&b);
	return out;
}

int sim_results_find(const struct sim_results *r, const char *key)
{
	for (size_t i = 0; i < r->nmetric; i++)
		if (strcmp(r->metrics[i].key, key) == 0)
			return (int)i;
	return -1;
}

int sim_compare(const struct sim_results *a, const struct sim_results *b,
		struct sim_diff **out, struct mutu_err *err)
{
	*out = NULL;
	if (a->nrep != b->nrep || a->seed != b->seed)
		return mutu_errf(err, MUTU_EINPUT,
				 "comparison needs the same seed and replications (%d x %llu versus %d x %llu)",
				 a->nrep, (unsigned long long)a->seed, b->nrep,
				 (unsigned long long)b->seed);
	if (a->shape && b->shape && strcmp(a->shape, b->shape)) {
		/* name the first line that differs; the calendar line may differ
		 * (sim_compare_calendars): arrivals are drawn on the day clock and
		 * service by step, not on the calendar's hours */
		const char *pa = a->shape, *pb = b->shape;
		if (!strncmp(pa, "calendar ", 9) && !strncmp(pb, "calendar ", 9)) {
			pa += strcspn(pa, "\n");
			pb += strcspn(pb, "\n");
			pa += *pa != 0;
			pb += *pb != 0;
		}
		while (*pa || *pb) {
			size_t la = strcspn(pa, "\n"), lb = strcspn(pb, "\n");
			if (la != lb || strncmp(pa, pb, la)) {
				return mutu_errf(err, MUTU_EINPUT,
						 "cannot compare: paired differences (common random numbers) need "
						 "the same run period, SOPs and steps in both scenarios (the "
						 "calendars may differ), but A has \"%.*s\" where B has \"%.*s\"",
						 (int)la, la ? pa : "(nothing more)", (int)lb,
						 lb ? pb : "(nothing more)");
			}
			pa += la + (pa[la] != 0);
			pb += lb + (pb[lb] != 0);
		}
	}
	struct sim_diff *d = mutu_calloc(a->nmetric + 1, sizeof *d);
	double *va = mutu_malloc((size_t)a->nrep * sizeof *va);
	double *vb = mutu_malloc((size_t)a->nrep * sizeof *vb);
	for (size_t i = 0; i < a->nmetric; i++) {
		d[i].ia = (int)i;
		d[i].ib = sim_results_find(b, a->metrics[i].key);
		/* "waited at most 5 Menit" against "at most 1 Jam" is no pair */
		if (d[i].ib >= 0 && a->metrics[i].limit != b->metrics[d[i].ib].limit)
			d[i].ib = -1;
		if (d[i].ib < 0) {
			memset(&d[i].d, 0, sizeof d[i].d);
			d[i].d.mean = d[i].d.lo = d[i].d.hi = d[i].d.half = d[i].d.sd = NAN;
			continue;
		}
		for (int k = 0; k < a->nrep; k++) {
			va[k] = a->values[(size_t)k * a->nmetric + i];
			vb[k] = b->values[(size_t)k * b->nmetric + (size_t)d[i].ib];
		}
		stats_ci_paired(va, vb, (size_t)a->nrep, 1, 0.95, &d[i].d);
	}
	free(va);
	free(vb);
	*out = d;
	return 0;
}

char *sim_compare_calendars(const struct sim_results *a, const struct sim_results *b)
{
	if (!a->shape || !b->shape || strncmp(a->shape, "calendar ", 9) || strncmp(b->shape, "calendar ", 9))
		return NULL;
	size_t la = strcspn(a->shape, "\n"), lb = strcspn(b->shape, "\n");
	if (la == lb && !strncmp(a->shape, b->shape, la))
		return NULL;
	struct mutu_buf m;
	mutu_buf_init(&m);
	mutu_buf_printf(&m, "%.*s vs %.*s", (int)(la - 9), a->shape + 9, (int)(lb - 9), b->shape + 9);
	char *s = mutu_buf_detach(&m);
	mutu_buf_release(&m);
	return s;
}

/* "sim-<stem>-" from the scenario's file name (lower case, [a-z0-9-]),
 * or "sim-" for a scenario built in code. */
static void log_case_prefix(const char *path, char *buf, size_t size)
{
	snprintf(buf, size, "sim-");
	if (!path)
		return;
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(buf);
	for (const char *p = base; *p && n + 2 < size; p++) {
		if (strcmp(p, ".ini") == 0)
			break;
		char ch = *p;
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		buf[n++] = ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) ? ch : '-';
	}
	buf[n++] = '-';
	buf[n] = '\0';
}

int sim_write_log(const struct sim_scenario *sc, uint64_t seed, int replication,
		  FILE *out, struct mutu_err *err)
{
	if (!sc->compiled)
		return mutu_errf(err, MUTU_EINPUT, "sim_write_log: call sim_scenario_compile first");
	/* one replication, but its samples and events are as costly as in sim_run */
	int lr = sim_scenario_check_limits(sc, 1, NULL, NULL, err);
	if (lr)
		return lr;
	struct kctx *x = ctx_create(sc);
	x->log = out;
	srv_init(x);
	log_case_prefix(sc->path, x->case_prefix, sizeof x->case_prefix);
	fputs("case_id,sop,step,activity,actor,start,end,resource\n", out);
	rep_run(x, seed, replication, NULL, 0, NULL);
	srv_free(x);
	int bad = x->log_err || ferror(out);
	ctx_free(x);
	if (bad)
		return mutu_errf(err, MUTU_EFAIL, "could not write the event log");
	return 0;
}

/* ---- backlog: files open at the start ----------------------------------
 * (sim_scenario_add_open_file).  Kept apart from the kernel above: one
 * call when a replication starts, one when such a file finishes. */

/* Remaining service of a file that has been in a step for e working
 * seconds: S - e with S ~ d conditioned on S > e, by inverse survival
 * (u uniform in (0, 1): S = Q^-1(u Q(e))).  The empirical kind, the one
 * without a closed form here, is drawn until one exceeds e (at most 1000
 * tries, else 0: it is bounded, so a file that gets 0 had at most its
 * maximum minus e, a sliver, left). */
static double backlog_residual(const struct kctx *x, const struct sim_dist *d, double e,
			       const gsl_rng *r)
{
	if (e <= 0)
		return draw_any(x, d, r);
	double u = gsl_rng_uniform_pos(r), s;
	switch (d->kind) {
	case SIM_FIXED:
		return d->mean > e ? d->mean - e : 0.0;
	case SIM_EXPONENTIAL:
		return d->mean > 0 ? d->mean * -log(u) : 0.0; /* memoryless */
	case SIM_LOGNORMAL:
	case SIM_GAMMA: {
		if (d->cv <= 0 || d->mean <= 0)
			return d->mean > e ? d->mean - e : 0.0;
		double q, c2 = d->cv * d->cv;
		if (d->kind == SIM_LOGNORMAL) {
			double s2 = log1p(c2), mu = log(d->mean) - s2 / 2;
			q = gsl_cdf_lognormal_Q(e, mu, sqrt(s2));
			if (!(q > 1e-300))
				return 0.0;
			s = gsl_cdf_lognormal_Qinv(u * q, mu, sqrt(s2));
		} else {
			q = gsl_cdf_gamma_Q(e, 1.0 / c2, d->mean * c2);
			if (!(q > 1e-300))
				return 0.0;
			s = gsl_cdf_gamma_Qinv(u * q, 1.0 / c2, d->mean * c2);
		}
		break;
	}
	case SIM_TRIANGULAR: {
		double a = d->min, b = d->max, c = d->mode;
		if (b <= a || e >= b)
			return b > e ? b - e : 0.0;
		if (e <= a)
			return draw_any(x, d, r) - e;
		/* F(e), then the triangle's inverse CDF at a uniform in (F(e), 1) */
		double fe = e <= c ? (e - a) * (e - a) / ((b - a) * (c - a))
				   : 1 - (b - e) * (b - e) / ((b - a) * (b - c));
		double v = fe + u * (1 - fe), fc = (c - a) / (b - a);
		s = v < fc ? a + sqrt(v * (b - a) * (c - a)) : b - sqrt((1 - v) * (b - a) * (b - c));
		break;
	}
	case SIM_WEIBULL:
		/* Q(s) = exp(-(s/scale)^shape), so Q^-1(u Q(e)) =
		 * scale ((e/scale)^shape - ln u)^(1/shape).  Drawing until a
		 * draw exceeded e (the default below) gave up after 1000 tries
		 * and returned 0 where Q(e) < 1/1000 or so: a file stuck 30 h
		 * at a Weibull step of mean 1 h and cv 2 ended at once in 82%
		 * of replications, where its mean remaining time is 7.1 h (a
		 * shape below 1: the longer it has lasted, the longer it lasts) */
		if (!(d->shape > 0 && d->scale > 0))
			return d->mean > e ? d->mean - e : 0.0;
		s = d->scale * pow(pow(e / d->scale, d->shape) - log(u), 1.0 / d->shape);
		break;
	default:
		for (int i = 0; i < 1000; i++)
			if ((s = draw_any(x, d, r)) > e)
				return s - e;
		return 0.0;
	}
	return s > e && isfinite(s) ? s - e : 0.0;
}

/* Place the open files at the start of a replication: case i + 1 is
 * file i.  Files in service first (they hold staff), then the waiting
 * ones in the order added (the queue's order). */
static void backlog_place(struct kctx *x)
{
	const struct sim_scenario *sc = x->sc;
	const gsl_rng *r = x->rng[sc->stream_backlog];
	uint32_t *ci = mutu_malloc((size_t)sc->nopen * sizeof *ci);
	for (int i = 0; i < sc->nopen; i++) {
		if (x->open_end) {
			x->open_end[i] = INFINITY;
			x->open_lead[i] = INFINITY;
		}
		ci[i] = case_new(x, sc->open[i].sop);
		if (ci[i] == NIL)
			break; /* overflow is set: the run stops */
		struct kcase *c = &x->cases[ci[i]];
		c->id = (uint32_t)i + 1;
		c->arrive = -sc->open[i].age; /* lead = now - arrive - paused */
	}
	x->next_id = (uint32_t)sc->nopen;
	for (int pass = 1; pass >= 0 && !x->overflow; pass--)
		for (int i = 0; i < sc->nopen; i++) {
			const struct sim_open *o = &sc->open[i];
			if (o->in_service != pass)
				continue;
			struct kcase *c = &x->cases[ci[i]];
			const struct sim_step *st = &c->so->steps[o->pos];
			c->pos = (uint16_t)o->pos;
			c->st = st;
			c->enter = -o->in_step;
			/* its age is the store's, from acceptance (sla_case_age;
			 * fc.c gives 0 to a berkas not accepted yet): a file past
			 * the check, or with an age, is on the clock; one at or
			 * before the check starts it when the check lets it
			 * through (clock_start), as an arriving file does */
			if (o->pos > c->so->start_pos || o->age > 0)
				c->clock = CLOCK_RUN;
			if (o->pos > c->so->end_pos) {
				/* past the office's last step: its SLA clock has
				 * stopped (the report counts it finished); only
				 * the applicant's collection is left */
				c->clock = CLOCK_DONE;
				if (x->open_end) {
					x->open_end[i] = sc->start;
					x->open_lead[i] = o->age;
				}
			}
			int a = st->actor;
			if (a == SIM_PEMOHON) {
				/* with the applicant: the SLA clock waits after a
				 * rejection (the report's pause), whatever step the
				 * file went back to (the first, reject_to = 1, too);
				 * a forward Pemohon step stays on the clock, as in
				 * enter_step_k.  Before, any Pemohon step after the
				 * first was paused and a return to the first was not
				 * (tests/cli/test_field_fc.sh, P-001) */
				double d = backlog_residual(x, &st->service, o->in_step, r);
				if (o->returned && !st->automatic) {
					c->with_applicant = 1;
					c->paused += d;
				}
				c->start = -o->in_step;
				schedule(x, d, EV_END, ci[i]);
				continue;
			}
			struct kactor *ka = &x->act[a];
			if (pass && ka->busy < ka->present) {
				ka->busy++;
				stats_tw_set(&ka->tbusy, x->now, ka->busy);
				double d = backlog_residual(x, &st->service, o->in_step, r);
				const struct cal *own = x->multi ? sc->actors[a].cal : NULL;
				if (own) {
					/* the rest on the actor's own calendar, from the start */
					c->start = x->real;
					schedule_real(x, cal_instant_at(own, cal_work_at(own, x->real) + d),
						      EV_END, ci[i]);
				} else {
					c->start = -o->in_step;
					schedule(x, d, EV_END, ci[i]);
				}
			} else {
				enqueue(x, a, c->so->plevel, ci[i]);
			}
		}
	/* waiting files at an idle pelaksana start now, as a file that
	 * arrives to an empty queue would */
	for (int a = 0; a < sc->nactors && !x->overflow; a++)
		dispatch(x, a);
	free(ci);
}

static void backlog_finish(struct kctx *x, const struct kcase *c)
{
	size_t i = c->id - 1;
	double t = x->multi ? x->real : sim_instant(x->sc, x->now);
	/* a file that ends at once (past every service time its step
	 * allows) ends at as-of, the run's start: the earliest instant with
	 * that working time is the last closing before it (Thursday 16:00
	 * for a forecast on the Tuesday after Idul Adha), a finish the
	 * forecast would print days before its own date */
	x->open_end[i] = t < x->sc->start ? x->sc->start : t;
	x->open_lead[i] = x->now - c->arrive - c->paused;
}
