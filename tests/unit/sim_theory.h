/*
 * sim_theory.h - shared by the unit tests that hold the simulator to
 * queueing theory (test_sim.c, test_sim_theory.c, test_sim_office.c,
 * test_sim_planner.c, test_sim_field5.c): a closed-form value
 * must lie inside the run's 95% interval widened for the file's NCHECKS
 * checks (Bonferroni: level 1 - 0.05/NCHECKS, the half-width scaled by the
 * ratio of Student t quantiles), and the interval must be tight enough
 * that a vague run cannot pass; and Erlang C, which four of them compare
 * with.  The including file defines NCHECKS and
 * includes cmocka, gsl_cdf.h and mutu/sim.h first.  Test-only code.
 */
#ifndef MUTU_TEST_SIM_THEORY_H
#define MUTU_TEST_SIM_THEORY_H

#ifndef NCHECKS
#error "define NCHECKS, the number of theory checks in the file, before including sim_theory.h"
#endif

/* Erlang C: P(wait > 0) in M/M/c at offered load a = lambda/mu < c,
 * [a^c/c! * c/(c-a)] / [sum_{k<c} a^k/k! + a^c/c! * c/(c-a)]. */
static inline double erlang_c(int c, double a)
{
	double term = 1, sum = 0; /* term = a^k / k! */
	for (int k = 0; k < c; k++) {
		sum += term;
		term *= a / (k + 1);
	}
	double top = term * c / (c - a); /* a^c/c! * c/(c-a) */
	return top / (sum + top);
}

static const struct stats_ci *ci_of(const struct sim_results *r, const char *key)
{
	int i = sim_results_find(r, key);
	if (i < 0)
		fail_msg("no metric %s", key);
	return &r->ci[i];
}

/* want inside the widened interval of key, whose half-width is at most
 * max_rel_half of want. */
static void expect_in_ci(const struct sim_results *r, const char *key, double want,
			 double max_rel_half)
{
	const struct stats_ci *ci = ci_of(r, key);
	double nu = (double)ci->n - 1;
	double widen = gsl_cdf_tdist_Pinv(1 - 0.05 / (2 * NCHECKS), nu) / gsl_cdf_tdist_Pinv(0.975, nu);
	double lo = ci->mean - widen * ci->half, hi = ci->mean + widen * ci->half;
	print_message("%s: theory %.5f, simulated %.5f [%.5f, %.5f]\n", key, want, ci->mean, lo, hi);
	if (!(lo <= want && want <= hi))
		fail_msg("%s: theory %.5f outside the interval %.5f [%.5f, %.5f] (95%%: [%.5f, %.5f])",
			 key, want, ci->mean, lo, hi, ci->lo, ci->hi);
	if (!(ci->half <= max_rel_half * want))
		fail_msg("%s: interval half-width %.5f too wide for %.5f", key, ci->half, want);
}

#endif
