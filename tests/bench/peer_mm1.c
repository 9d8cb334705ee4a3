/*
 * peer_mm1.c - the floor for bench_sim.sh: an M/M/1 queue as a plain C
 * event-list program, the least any discrete-event simulator must do.
 *
 *   peer_mm1 LAMBDA MU CUSTOMERS SEED
 *
 * A binary heap of pending events (arrival, departure), a FIFO of arrival
 * times, xoshiro256+ uniforms and -log(u) exponentials.  No statistics
 * beyond the mean time in system, kept only to show that it simulates the
 * same queue as mutu (1 / (mu - lambda) = 10 for lambda 0.9, mu 1).  No
 * library: the floor must not pay for anything mutu does not also pay for.
 * Prints one line of key=value, like bench_sim mmc.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

struct ev {
	double t;
	int kind; /* 0 arrival, 1 departure */
};

static struct ev *heap;
static size_t nheap, capheap;

static void push(double t, int kind)
{
	if (nheap == capheap) {
		capheap = capheap ? 2 * capheap : 64;
		heap = realloc(heap, capheap * sizeof *heap);
		if (!heap)
			abort();
	}
	size_t i = nheap++;
	while (i > 0) {
		size_t p = (i - 1) / 2;
		if (heap[p].t <= t)
			break;
		heap[i] = heap[p];
		i = p;
	}
	heap[i].t = t;
	heap[i].kind = kind;
}

static struct ev pop(void)
{
	struct ev top = heap[0], last = heap[--nheap];
	size_t i = 0;
	for (;;) {
		size_t c = 2 * i + 1;
		if (c >= nheap)
			break;
		if (c + 1 < nheap && heap[c + 1].t < heap[c].t)
			c++;
		if (last.t <= heap[c].t)
			break;
		heap[i] = heap[c];
		i = c;
	}
	heap[i] = last;
	return top;
}

static uint64_t s[4];

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static double uniform(void) /* (0, 1] */
{
	uint64_t r = s[0] + s[3], t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return ((r >> 11) + 1) * 0x1.0p-53;
}

static double expo(double rate)
{
	return -log(uniform()) / rate;
}

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: peer_mm1 LAMBDA MU CUSTOMERS SEED\n");
		return 2;
	}
	double lambda = atof(argv[1]), mu = atof(argv[2]);
	long n = atol(argv[3]);
	uint64_t seed = strtoull(argv[4], NULL, 10);
	if (!(lambda > 0) || !(mu > 0) || n < 1 || n > 1000000000L) {
		fprintf(stderr, "peer_mm1: LAMBDA, MU > 0, 1 <= CUSTOMERS <= 1e9\n");
		return 2;
	}
	for (int i = 0; i < 4; i++) { /* splitmix64 seeding */
		uint64_t z = (seed += 0x9e3779b97f4a7c15ULL);
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
		z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
		s[i] = z ^ (z >> 31);
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);

	/* FIFO ring of arrival times of the customers in the system. */
	size_t cap = 1024, head = 0, len = 0;
	double *fifo = malloc(cap * sizeof *fifo);
	if (!fifo)
		abort();
	long arrived = 0, served = 0;
	uint64_t events = 0;
	double sojourn = 0;
	push(expo(lambda), 0);
	while (served < n && nheap) {
		struct ev e = pop();
		events++;
		if (e.kind == 0) {
			if (len == cap) { /* grow, unwrapping the ring */
				double *nf = malloc(2 * cap * sizeof *nf);
				if (!nf)
					abort();
				for (size_t i = 0; i < len; i++)
					nf[i] = fifo[(head + i) % cap];
				free(fifo);
				fifo = nf;
				head = 0;
				cap *= 2;
			}
			fifo[(head + len++) % cap] = e.t;
			if (len == 1)
				push(e.t + expo(mu), 1);
			if (++arrived < n)
				push(e.t + expo(lambda), 0);
		} else {
			sojourn += e.t - fifo[head];
			head = (head + 1) % cap;
			len--;
			served++;
			if (len > 0)
				push(e.t + expo(mu), 1);
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double wall = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) * 1e-9;
	printf("customers=%ld events=%llu wall=%.6f customers_per_s=%.0f sojourn_mean=%.4f\n", served,
	       (unsigned long long)events, wall, served / wall, served ? sojourn / served : 0.0);
	free(fifo);
	free(heap);
	return 0;
}
