/*
 * bench_sim.c - speed and memory of the simulation kernel.
 *
 *   bench_sim                      the suite: M/M/c on one core (full
 *                                  statistics and means only), memory
 *                                  against the horizon, thread speed-up,
 *                                  and the five seed SOPs (the shipped
 *                                  Banjarbaru, Rokan Hilir and SiCANTIK
 *                                  scenarios) for a year x 1,000 replications
 *   bench_sim mmc C LAMBDA MU HORIZON [quantiles]
 *                                  one M/M/c run on one thread, one line of
 *                                  key=value (bench_sim.sh puts it beside
 *                                  SimPy's)
 *
 * Every measurement runs in a child process, so the peak memory reported
 * (getrusage ru_maxrss) is that run's own.  Rates are per wall second.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mutu/sim.h"

static long peak_kb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static struct sim_scenario *mmc(int c, double lambda, double mu, double horizon, int reps,
				int quantiles)
{
	struct sim_scenario *sc = sim_scenario_create(NULL, 0, horizon);
	int a = sim_scenario_add_actor(sc, "Server", c);
	int s = sim_scenario_add_sop(sc, "mmc", lambda, 0);
	struct sim_dist d = {.kind = SIM_EXPONENTIAL, .mean = 1.0 / mu};
	sim_scenario_add_step(sc, s, 1, "serve", a, d);
	sim_scenario_set_replications(sc, reps);
	sim_scenario_set_sample_every(sc, 0);
	sim_scenario_set_quantiles(sc, quantiles);
	sim_scenario_set_seed(sc, 1);
	if (sim_scenario_compile(sc, NULL)) {
		fprintf(stderr, "bench_sim: cannot compile M/M/c\n");
		exit(1);
	}
	return sc;
}

static struct sim_results *run(const struct sim_scenario *sc, int threads, int reps)
{
	struct sim_results *r = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	struct sim_options opt = {.threads = threads, .replications = reps};
	if (sim_run(sc, &opt, &r, &err)) {
		fprintf(stderr, "bench_sim: %s\n", err.msg);
		exit(1);
	}
	return r;
}

static void mmc_line(int c, double lambda, double mu, double horizon, int quantiles)
{
	struct sim_scenario *sc = mmc(c, lambda, mu, horizon, 1, quantiles);
	struct sim_results *r = run(sc, 1, 1);
	double wq = r->ci[sim_results_find(r, "step/mmc/1/wait_mean")].mean;
	printf("customers=%llu events=%llu wall=%.4f customers_per_s=%.1f events_per_s=%.1f "
	       "wait_mean=%.5f peak_kb=%ld\n",
	       (unsigned long long)r->customers, (unsigned long long)r->events, r->wall_seconds,
	       r->customers / r->wall_seconds, r->events / r->wall_seconds, wq, peak_kb());
	sim_results_free(r);
	sim_scenario_free(sc);
}

/* Run fn in a child (its output is its report); returns the wall seconds
 * fn returns, passed back through a pipe. */
static double in_child(double (*fn)(void *), void *arg)
{
	int fd[2];
	fflush(stdout);
	if (pipe(fd)) {
		perror("pipe");
		exit(1);
	}
	pid_t p = fork();
	if (p < 0) {
		perror("fork");
		exit(1);
	}
	if (p == 0) {
		close(fd[0]);
		double w = fn(arg);
		fflush(stdout);
		if (write(fd[1], &w, sizeof w) != (ssize_t)sizeof w)
			_exit(1);
		_exit(0);
	}
	close(fd[1]);
	double w = NAN;
	if (read(fd[0], &w, sizeof w) != (ssize_t)sizeof w)
		w = NAN;
	close(fd[0]);
	int st;
	waitpid(p, &st, 0);
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		fprintf(stderr, "bench_sim: a measurement failed\n");
		exit(1);
	}
	return w;
}

struct mmc_arg {
	const char *label;
	double horizon;
	int quantiles, threads, reps;
};

static double mmc_child(void *p)
{
	const struct mmc_arg *a = p;
	struct sim_scenario *sc = mmc(3, 2.4, 1.0, a->horizon, a->reps, a->quantiles);
	struct sim_results *r = run(sc, a->threads, a->reps);
	printf("  %-36s %9.2f M customers/s  %6.2f M events/s  %6.3f s  peak %6ld KB\n", a->label,
	       r->customers / r->wall_seconds / 1e6, r->events / r->wall_seconds / 1e6,
	       r->wall_seconds, peak_kb());
	double w = r->wall_seconds;
	sim_results_free(r);
	sim_scenario_free(sc);
	return w;
}

struct seed_arg {
	int threads;
	const char *files[3];
};

static double seed_child(void *p)
{
	const struct seed_arg *a = p;
	uint64_t ev = 0, cust = 0;
	double wall = 0;
	for (int k = 0; k < 3; k++) {
		struct sim_scenario *sc = NULL;
		struct mutu_err err;
		mutu_err_clear(&err);
		if (sim_scenario_load(a->files[k], "datasets/calendars", &sc, &err)) {
			fprintf(stderr, "bench_sim: %s\n", err.msg);
			exit(1);
		}
		struct sim_results *r = run(sc, a->threads, 1000);
		printf("    %-40s %8.3f s  %8.2f M events/s  %8.0f files/s\n", a->files[k],
		       r->wall_seconds, r->events / r->wall_seconds / 1e6,
		       r->customers / r->wall_seconds);
		ev += r->events;
		cust += r->customers;
		wall += r->wall_seconds;
		sim_results_free(r);
		sim_scenario_free(sc);
	}
	printf("  five seed SOPs, 1 year x 1,000 replications, %d thread%s: %.3f s, %.2f M events/s, "
	       "%.2f M files/s, peak %ld KB\n",
	       a->threads, a->threads > 1 ? "s" : "", wall, ev / wall / 1e6, cust / wall / 1e6,
	       peak_kb());
	return wall;
}

int main(int argc, char **argv)
{
	if (argc >= 6 && !strcmp(argv[1], "mmc")) {
		mmc_line(atoi(argv[2]), atof(argv[3]), atof(argv[4]), atof(argv[5]),
			 argc > 6 ? atoi(argv[6]) : 1);
		return 0;
	}
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	printf("M/M/3, lambda 2.4, mu 1 (rho 0.8), one replication, one thread:\n");
	struct mmc_arg m1 = {"full statistics (lead quantiles)", 2e6, 1, 1, 1};
	struct mmc_arg m2 = {"means only (quantiles off)", 2e6, 0, 1, 1};
	in_child(mmc_child, &m1);
	in_child(mmc_child, &m2);
	printf("memory against the horizon (work in progress, not run length):\n");
	struct mmc_arg h1 = {"horizon 2e5 (480 k customers)", 2e5, 1, 1, 1};
	struct mmc_arg h2 = {"horizon 2e6 (4.8 M customers)", 2e6, 1, 1, 1};
	in_child(mmc_child, &h1);
	in_child(mmc_child, &h2);
	printf("thread speed-up, M/M/3 x 8 replications of horizon 5e5 (%ld cores):\n", cores);
	struct mmc_arg t1 = {"1 thread", 5e5, 1, 1, 8};
	struct mmc_arg t2 = {"all cores", 5e5, 1, (int)cores, 8};
	double w1 = in_child(mmc_child, &t1);
	double w2 = in_child(mmc_child, &t2);
	printf("  speed-up %.2fx on %ld cores (%.0f%% of linear)\n", w1 / w2, cores,
	       100 * w1 / w2 / (double)(cores < 8 ? cores : 8));
	printf("seed scenarios:\n");
	struct seed_arg s1 = {1, {"models/scenarios/banjarbaru.ini", "models/scenarios/rokan-hilir.ini",
				  "models/scenarios/sicantik.ini"}};
	struct seed_arg s2 = s1;
	s2.threads = (int)cores;
	double z1 = in_child(seed_child, &s1);
	double z2 = in_child(seed_child, &s2);
	printf("  speed-up %.2fx on %ld cores (%.0f%% of linear)\n", z1 / z2, cores,
	       100 * z1 / z2 / (double)cores);
	return 0;
}
