/*
 * test_plan.c - mutu plan's library (engine/plan.c): target and range
 * parsing, the answer on M/M/c against the Erlang C formula (a mean wait
 * and a service level P(W <= t) >= p, alone and together), the search
 * against judging every candidate, an unreachable target with its cause
 * worked out from the service-time distribution, and overloaded staffings
 * reported rather than refused.
 *
 * Scenarios are built in code without a calendar (every second is working
 * time), so queueing theory applies as is.  Expected answers come from the
 * formulas in this file, never from the program's output.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "mutu/plan.h"
#include "mutu/sim.h"

#define HOUR 3600.0

/* ---- parsing ----------------------------------------------------------- */

static void test_target_parse(void **state)
{
	(void)state;
	struct plan_target t;
	struct mutu_err err;
	mutu_err_clear(&err);
	assert_int_equal(plan_target_parse("within=0.95", 450, &t, &err), 0);
	assert_int_equal(t.kind, PLAN_T_WITHIN);
	assert_true(fabs(t.value - 0.95) < 1e-12);
	/* a percentage reads as the same share */
	assert_int_equal(plan_target_parse("within=95%", 450, &t, &err), 0);
	assert_true(fabs(t.value - 0.95) < 1e-12);
	assert_int_equal(plan_target_parse("within>=0,9", 450, &t, &err), 0);
	assert_true(fabs(t.value - 0.9) < 1e-12);
	/* 5 Hari of a 450-minute working day = 5 x 450 x 60 working seconds */
	assert_int_equal(plan_target_parse("p90_lead<=5 Hari", 450, &t, &err), 0);
	assert_int_equal(t.kind, PLAN_T_P90_LEAD);
	assert_true(fabs(t.value - 5 * 450 * 60.0) < 1e-9);
	assert_int_equal(plan_target_parse("wait_mean(Front Office)<=1 Menit", 450, &t, &err), 0);
	assert_int_equal(t.kind, PLAN_T_WAIT_MEAN);
	assert_string_equal(t.actor, "Front Office");
	assert_true(fabs(t.value - 60.0) < 1e-9);
	/* a service level: 80% of visits wait at most 1 Jam (3600 s) */
	assert_int_equal(plan_target_parse("wait_share(Front Office, 1 Jam)>=80%", 450, &t, &err), 0);
	assert_int_equal(t.kind, PLAN_T_WAIT_SHARE);
	assert_string_equal(t.actor, "Front Office");
	assert_true(fabs(t.limit - 3600.0) < 1e-9);
	assert_true(fabs(t.value - 0.8) < 1e-12);
	assert_int_equal(plan_target_parse(" wait_share ( Kasi PP , 30 Menit ) = 0,9", 450, &t, &err), 0);
	assert_string_equal(t.actor, "Kasi PP");
	assert_true(fabs(t.limit - 1800.0) < 1e-9 && fabs(t.value - 0.9) < 1e-12);
	/* out of range or not a target: refused with the forms */
	const char *bad[] = {"within=0", "within=1.5", "within=120%", "within=abc", "p90_lead<=",
			     "p90_lead<=5 Tahun", "wait_mean()<=1 Menit", "wait_mean(X)", "lead<=1 Hari",
			     "wait_share(Front Office)>=0.8", "wait_share(, 1 Jam)>=0.8",
			     "wait_share(X, 1 Jam)<=0.8", "wait_share(X, 1 Jam)>=1.2", "wait_share(X, 1)>=0.8",
			     "wait_share(X, 1 Jam)", ""};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		mutu_err_clear(&err);
		if (plan_target_parse(bad[i], 450, &t, &err) != MUTU_EINPUT)
			fail_msg("target \"%s\" was accepted", bad[i]);
		assert_true(strstr(err.msg, "target") != NULL);
	}
}

static void test_var_parse(void **state)
{
	(void)state;
	struct plan_var v;
	struct mutu_err err;
	mutu_err_clear(&err);
	assert_int_equal(plan_var_parse("Front Office=1..4", &v, &err), 0);
	assert_string_equal(v.name, "Front Office");
	assert_int_equal(v.lo, 1);
	assert_int_equal(v.hi, 4);
	assert_true(v.cost == 1);
	assert_int_equal(plan_var_parse(" Kadis = 2 .. 2 ", &v, &err), 0);
	assert_string_equal(v.name, "Kadis");
	assert_int_equal(v.lo, 2);
	assert_int_equal(v.hi, 2);
	/* LO >= 1 (a pelaksana needs someone), LO <= HI, HI <= PLAN_MAX_STAFF */
	const char *bad[] = {"X=0..3", "X=3..2", "X=1..1001", "X=a..b", "X=1-3", "=1..2", "X"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		mutu_err_clear(&err);
		if (plan_var_parse(bad[i], &v, &err) != MUTU_EINPUT)
			fail_msg("--vary \"%s\" was accepted", bad[i]);
	}
	char name[64];
	double c;
	assert_int_equal(plan_cost_parse("Dinas Teknis=2,5", name, sizeof name, &c, &err), 0);
	assert_string_equal(name, "Dinas Teknis");
	assert_true(c == 2.5);
	assert_int_equal(plan_cost_parse("X=0", name, sizeof name, &c, &err), MUTU_EINPUT);
	assert_int_equal(plan_cost_parse("X=2e9", name, sizeof name, &c, &err), MUTU_EINPUT);
}

/* ---- M/M/c against Erlang C -------------------------------------------- */

/* C(c, a) = [a^c/c! c/(c-a)] / [sum_{k<c} a^k/k! + a^c/c! c/(c-a)] */
static double erlang_c(int c, double a)
{
	double term = 1, sum = 0;
	for (int k = 0; k < c; k++) {
		sum += term;
		term *= a / (k + 1);
	}
	double top = term * c / (c - a);
	return top / (sum + top);
}

static struct sim_scenario *mmc(int c, double lambda, double mean, double horizon)
{
	struct sim_scenario *sc = sim_scenario_create(NULL, 0, horizon);
	int a = sim_scenario_add_actor(sc, "Server", c);
	int s = sim_scenario_add_sop(sc, "mmc", lambda, 0);
	struct sim_dist d = {.kind = SIM_EXPONENTIAL, .mean = mean};
	sim_scenario_add_step(sc, s, 1, "serve", a, d);
	sim_scenario_set_warmup(sc, horizon / 50);
	sim_scenario_set_seed(sc, 20250101);
	sim_scenario_set_quantiles(sc, 0);
	assert_int_equal(sim_scenario_compile(sc, NULL), 0);
	return sc;
}

static void test_erlang_c(void **state)
{
	(void)state;
	/* lambda 4 per hour, mean service 1 hour: a = 4 erlangs.  Wq(c) =
	 * C(c, 4) / (c - 4) hours: 0.554 (5), 0.142 (6), 0.045 (7).  With the
	 * limit 0.1 hour the smallest c is 7, and its neighbours are far on
	 * either side (0.142 is 42% above the limit, 0.045 less than half of
	 * it), so simulation noise cannot move the answer. */
	const double lambda = 4 / HOUR, mean = HOUR, limit = 0.1 * HOUR;
	int want = -1;
	for (int c = 5; c <= 10 && want < 0; c++)
		if (erlang_c(c, 4) / (c - 4) * HOUR <= limit)
			want = c;
	assert_int_equal(want, 7);
	struct sim_scenario *sc = mmc(5, lambda, mean, 4000 * HOUR);
	struct plan_var v = {.name = "Server", .lo = 3, .hi = 10, .cost = 1};
	struct plan_opts o;
	plan_opts_init(&o);
	o.vars = &v;
	o.nvar = 1;
	o.threads = 2;
	struct mutu_err err;
	mutu_err_clear(&err);
	assert_int_equal(plan_target_parse("wait_mean(server)<=6 Menit", 450, &o.target, &err), 0);
	struct plan_result *r = NULL;
	if (plan_run(sc, &o, &r, &err))
		fail_msg("%s", err.msg);
	assert_true(r->reachable);
	assert_true(r->chosen >= 0);
	assert_int_equal(r->cands[r->chosen].staff[0], want);
	/* the interval of the chosen staffing holds Erlang C's Wq(7) */
	double wq = erlang_c(want, 4) / (want - 4) * HOUR;
	const struct stats_ci *ci = &r->cands[r->chosen].value;
	if (!(ci->lo <= wq && wq <= ci->hi))
		fail_msg("Wq(7) = %.1f s outside [%.1f, %.1f]", wq, ci->lo, ci->hi);
	/* bisection on 3..10: a handful of candidates, not all eight */
	assert_true(r->ncand < 8);
	/* the runner-up is the next cheapest that meets: c = 8 */
	assert_true(r->runner_up >= 0);
	assert_int_equal(r->cands[r->runner_up].staff[0], 8);
	plan_result_free(r);
	sim_scenario_free(sc);
}

/* ---- a service level: P(W <= t) >= p ------------------------------------ */

static void test_wait_share(void **state)
{
	(void)state;
	/* a = 4 erlangs (lambda 4/h, mean 1 h), t = 15 min: P(W <= t) =
	 * 1 - C(c, 4) e^-(c - 4) t/h = 0.568 (5), 0.827 (6), 0.936 (7),
	 * 0.978 (8).  At least 90%: the smallest c is 7, its neighbours 11
	 * points below and 8 above. */
	const double lambda = 4 / HOUR, mean = HOUR, t = 0.25 * HOUR;
	int want = -1;
	for (int c = 5; c <= 10 && want < 0; c++)
		if (1 - erlang_c(c, 4) * exp(-(c - 4) * t / HOUR) >= 0.9)
			want = c;
	assert_int_equal(want, 7);
	struct sim_scenario *sc = mmc(8, lambda, mean, 4000 * HOUR);
	/* the kernel counts only where a limit is set: no metric before */
	struct sim_options so = {.replications = 4, .threads = 2};
	struct sim_results *plain = NULL, *sl = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	assert_int_equal(sim_run(sc, &so, &plain, &err), 0);
	assert_int_equal(sim_results_find(plain, "actor/Server/wait_within"), -1);
	sim_scenario_set_wait_limit(sc, 0, t);
	assert_int_equal(sim_run(sc, &so, &sl, &err), 0);
	int i = sim_results_find(sl, "actor/Server/wait_within");
	assert_true(i >= 0);
	assert_true(fabs(sl->metrics[i].limit - t) < 1e-9);
	/* everything else the same, value for value (the same draws) */
	assert_int_equal(sl->nmetric, plain->nmetric + 1);
	for (size_t k = 0; k < plain->nmetric; k++) {
		int j = sim_results_find(sl, plain->metrics[k].key);
		assert_true(j >= 0);
		for (int r = 0; r < 4; r++) {
			double a = plain->values[(size_t)r * plain->nmetric + k];
			double b = sl->values[(size_t)r * sl->nmetric + (size_t)j];
			if (!(a == b || (isnan(a) && isnan(b))))
				fail_msg("%s changed with a wait limit: %g -> %g", plain->metrics[k].key, a, b);
		}
	}
	sim_results_free(plain);
	sim_results_free(sl);
	sim_scenario_set_wait_limit(sc, 0, -1);

	struct plan_var v = {.name = "Server", .lo = 5, .hi = 9, .cost = 1};
	struct plan_opts o;
	plan_opts_init(&o);
	o.vars = &v;
	o.nvar = 1;
	o.threads = 2;
	assert_int_equal(plan_target_parse("wait_share(Server, 15 Menit)>=90%", 450, &o.target, &err), 0);
	struct plan_result *r = NULL;
	if (plan_run(sc, &o, &r, &err))
		fail_msg("%s", err.msg);
	assert_true(r->reachable && r->chosen >= 0);
	assert_int_equal(r->cands[r->chosen].staff[0], want);
	for (size_t k = 0; k < r->ncand; k++) {
		const struct plan_cand *c = &r->cands[k];
		double p = 1 - erlang_c(c->staff[0], 4) * exp(-(c->staff[0] - 4) * t / HOUR);
		if ((c->status == PLAN_MEETS) != (p >= 0.9))
			fail_msg("c = %d judged %d, theory %.3f", c->staff[0], c->status, p);
	}
	plan_result_free(r);

	/* with a second target the staffing must meet both: a mean wait of
	 * at most 4 min needs Wq = C(c, 4)/(c - 4) h <= 0.0667 h: 0.142 h =
	 * 8.5 min (6), 0.045 h = 2.7 min (7) */
	o.more[0].kind = PLAN_T_WAIT_MEAN;
	snprintf(o.more[0].actor, sizeof o.more[0].actor, "Server");
	o.more[0].value = 240;
	o.nmore = 1;
	assert_int_equal(plan_target_parse("wait_share(Server, 15 Menit)>=0.5", 450, &o.target, &err), 0);
	if (plan_run(sc, &o, &r, &err))
		fail_msg("%s", err.msg);
	assert_int_equal(r->ntarget, 2);
	/* the share alone would take 5 (0.568); the mean wait needs 7 */
	assert_int_equal(r->cands[r->chosen].staff[0], 7);
	plan_result_free(r);
	sim_scenario_free(sc);
}

/* ---- overloaded staffings are answers, not errors ---------------------- */

static void test_infeasible(void **state)
{
	(void)state;
	/* a = 4 erlangs: 4 servers are loaded 100%, 2..4 all overloaded.  The
	 * most staff in range (4) is already infeasible: unreachable in range,
	 * reported with the load, no simulation run for it */
	struct sim_scenario *sc = mmc(5, 4 / HOUR, HOUR, 400 * HOUR);
	struct plan_var v = {.name = "Server", .lo = 2, .hi = 4, .cost = 1};
	struct plan_opts o;
	plan_opts_init(&o);
	o.vars = &v;
	o.nvar = 1;
	o.exhaustive = 1;
	struct mutu_err err;
	mutu_err_clear(&err);
	o.target.kind = PLAN_T_WAIT_MEAN;
	snprintf(o.target.actor, sizeof o.target.actor, "Server");
	o.target.value = HOUR;
	struct plan_result *r = NULL;
	if (plan_run(sc, &o, &r, &err))
		fail_msg("%s", err.msg);
	assert_false(r->reachable);
	assert_int_equal(r->chosen, -1);
	assert_true(r->ncand >= 1);
	assert_int_equal(r->cands[0].status, PLAN_INFEASIBLE);
	assert_int_equal(r->cands[0].staff[0], 4);
	/* offered load 4 erlangs / 4 staff = 100% */
	assert_true(fabs(r->cands[0].util - 1.0) < 1e-9);
	/* brute force (exhaustive) judged 2, 3 and 4: all overloaded */
	assert_int_equal(r->ncand, 3);
	assert_int_equal(r->infeasible, 3);
	for (size_t k = 0; k < r->ncand; k++)
		assert_int_equal(r->cands[k].nrep, 0);
	/* with unlimited staff nobody waits: reachable with more staff */
	assert_true(r->cause.computed);
	assert_false(r->unlimited_misses);
	assert_true(r->cause.bound.mean < 1e-9);
	plan_result_free(r);
	sim_scenario_free(sc);
}

/* ---- search versus judging every candidate ----------------------------- */

/* Two pelaksana in tandem: A exponential mean 0.9 h, B mean 1.6 h, one
 * file an hour, ceiling 8 h.  B = 1 is overloaded (1.6 erlangs). */
static struct sim_scenario *tandem(void)
{
	struct sim_scenario *sc = sim_scenario_create(NULL, 0, 3000 * HOUR);
	int a = sim_scenario_add_actor(sc, "A", 1);
	int b = sim_scenario_add_actor(sc, "B", 2);
	int s = sim_scenario_add_sop(sc, "tandem", 1 / HOUR, 8 * HOUR);
	sim_scenario_add_step(sc, s, 1, "a", a, (struct sim_dist){.kind = SIM_EXPONENTIAL, .mean = 0.9 * HOUR});
	sim_scenario_add_step(sc, s, 2, "b", b, (struct sim_dist){.kind = SIM_EXPONENTIAL, .mean = 1.6 * HOUR});
	sim_scenario_set_warmup(sc, 100 * HOUR);
	sim_scenario_set_seed(sc, 5);
	sim_scenario_set_quantiles(sc, 0);
	assert_int_equal(sim_scenario_compile(sc, NULL), 0);
	return sc;
}

static void plan_tandem(int exhaustive, double target, struct plan_result **r)
{
	struct sim_scenario *sc = tandem();
	struct plan_var v[2] = {{.name = "A", .lo = 1, .hi = 3, .cost = 1},
				{.name = "B", .lo = 1, .hi = 3, .cost = 2}};
	struct plan_opts o;
	plan_opts_init(&o);
	o.vars = v;
	o.nvar = 2;
	o.threads = 2;
	o.exhaustive = exhaustive;
	o.target.kind = PLAN_T_WITHIN;
	o.target.value = target;
	struct mutu_err err;
	mutu_err_clear(&err);
	if (plan_run(sc, &o, r, &err))
		fail_msg("%s", err.msg);
	sim_scenario_free(sc);
}

static const struct plan_cand *find_cand(const struct plan_result *r, int a, int b)
{
	for (size_t k = 0; k < r->ncand; k++)
		if (r->cands[k].staff[0] == a && r->cands[k].staff[1] == b)
			return &r->cands[k];
	return NULL;
}

static void test_search_equals_brute_force(void **state)
{
	(void)state;
	/* targets at several heights, so the answer moves across the grid */
	const double targets[] = {0.3, 0.6, 0.9, 0.99};
	for (size_t t = 0; t < sizeof targets / sizeof targets[0]; t++) {
		struct plan_result *all = NULL, *srch = NULL;
		plan_tandem(1, targets[t], &all);
		plan_tandem(0, targets[t], &srch);
		/* brute force judged all 9; B = 1 overloaded three times */
		assert_int_equal(all->ncand, 9);
		assert_int_equal(all->infeasible, 3);
		/* without the search's premise (monotone decisions, checked below)
		 * a wrong answer could pass: check it first */
		for (int a = 1; a <= 3; a++)
			for (int b = 1; b <= 3; b++) {
				const struct plan_cand *x = find_cand(all, a, b);
				assert_non_null(x);
				const struct plan_cand *up[2] = {a < 3 ? find_cand(all, a + 1, b) : NULL,
								 b < 3 ? find_cand(all, a, b + 1) : NULL};
				for (int u = 0; u < 2; u++)
					if (up[u] && x->status == PLAN_MEETS && up[u]->status != PLAN_MEETS)
						fail_msg("target %.2f: (%d,%d) meets but a staffing above misses", targets[t], a, b);
			}
		/* the cheapest meeting staffing of brute force, found here by a
		 * plain scan (cost = A + 2 B, ties by the better share) */
		const struct plan_cand *best = NULL;
		for (size_t k = 0; k < all->ncand; k++) {
			const struct plan_cand *c = &all->cands[k];
			if (c->status == PLAN_MEETS &&
			    (!best || c->cost < best->cost ||
			     (c->cost == best->cost && c->value.mean > best->value.mean)))
				best = c;
		}
		if (!best) /* the search stops at the top, brute force judged all */
			assert_int_equal(srch->ncand, 1);
		assert_int_equal(srch->reachable, best != NULL);
		assert_int_equal(all->reachable, best != NULL);
		if (best) {
			assert_true(srch->chosen >= 0);
			const struct plan_cand *s = &srch->cands[srch->chosen];
			if (s->staff[0] != best->staff[0] || s->staff[1] != best->staff[1])
				fail_msg("target %.2f: search chose A=%d B=%d, brute force A=%d B=%d", targets[t],
					 s->staff[0], s->staff[1], best->staff[0], best->staff[1]);
			/* the same candidate gets the same numbers (common random numbers, same replications) */
			assert_true(s->value.mean == best->value.mean);
			const struct plan_cand *ae = &all->cands[all->chosen];
			assert_int_equal(ae->staff[0], best->staff[0]);
			assert_int_equal(ae->staff[1], best->staff[1]);
			/* and the search judged fewer */
			assert_true(srch->ncand <= all->ncand);
			if (all->runner_up >= 0 && srch->runner_up >= 0) {
				assert_int_equal(srch->cands[srch->runner_up].staff[0], all->cands[all->runner_up].staff[0]);
				assert_int_equal(srch->cands[srch->runner_up].staff[1], all->cands[all->runner_up].staff[1]);
			}
		}
		plan_result_free(all);
		plan_result_free(srch);
	}
}

/* ---- ties and the runner-up -------------------------------------------- */

static void test_tie_and_alternative(void **state)
{
	(void)state;
	/* Two SOPs, each with its own pelaksana (A, B), exponential service
	 * 0.9 h, one file an hour each, ceiling 2 h; the office pools them.
	 * One server: M/M/1 at rho 0.9, sojourn Exp(1/0.9 - 1 per hour), within
	 * 2 h with probability 1 - exp(-2 x 0.111) = 0.20.  Two servers
	 * (rho 0.45) keep most files within 2 h (service alone: 1 - exp(-2/0.9)
	 * = 0.89, less a little waiting).  Pooled: (1,1) about 0.2, (2,1) and
	 * (1,2) about 0.5, (2,2) about 0.85.  With target 0.4 the two staffings
	 * of cost 3 both meet: the better value is the answer and the other,
	 * not (2,2) = the answer plus staff, the runner-up. */
	struct sim_scenario *sc = sim_scenario_create(NULL, 0, 3000 * HOUR);
	int a = sim_scenario_add_actor(sc, "A", 2);
	int b = sim_scenario_add_actor(sc, "B", 2);
	int s1 = sim_scenario_add_sop(sc, "s1", 1 / HOUR, 2 * HOUR);
	int s2 = sim_scenario_add_sop(sc, "s2", 1 / HOUR, 2 * HOUR);
	sim_scenario_add_step(sc, s1, 1, "a", a, (struct sim_dist){.kind = SIM_EXPONENTIAL, .mean = 0.9 * HOUR});
	sim_scenario_add_step(sc, s2, 1, "b", b, (struct sim_dist){.kind = SIM_EXPONENTIAL, .mean = 0.9 * HOUR});
	sim_scenario_set_warmup(sc, 100 * HOUR);
	sim_scenario_set_quantiles(sc, 0);
	assert_int_equal(sim_scenario_compile(sc, NULL), 0);
	struct plan_var v[2] = {{.name = "A", .lo = 1, .hi = 2, .cost = 1},
				{.name = "B", .lo = 1, .hi = 2, .cost = 1}};
	struct plan_opts o;
	plan_opts_init(&o);
	o.vars = v;
	o.nvar = 2;
	o.threads = 2;
	o.target.kind = PLAN_T_WITHIN;
	o.target.value = 0.4;
	struct mutu_err err;
	mutu_err_clear(&err);
	struct plan_result *r = NULL;
	if (plan_run(sc, &o, &r, &err))
		fail_msg("%s", err.msg);
	assert_true(r->reachable);
	assert_true(r->chosen >= 0 && r->runner_up >= 0);
	const struct plan_cand *c = &r->cands[r->chosen], *u = &r->cands[r->runner_up];
	assert_true(c->cost == 3 && u->cost == 3);
	assert_int_equal(c->staff[0] + c->staff[1], 3);
	assert_int_equal(u->staff[0] + u->staff[1], 3);
	assert_true(c->staff[0] != u->staff[0]);
	assert_true(c->value.mean >= u->value.mean);
	assert_false(r->runner_up_more);
	/* the pooled share of either is about (0.2 + 0.85) / 2 */
	assert_true(c->value.mean > 0.4 && c->value.mean < 0.65);
	plan_result_free(r);
	sim_scenario_free(sc);
}

/* ---- unreachable, with the cause --------------------------------------- */

static void test_unreachable_cause(void **state)
{
	(void)state;
	/* Loket fixed 1 h, then Tim exponential mean 2 h; ceiling 3 h; a file
	 * every 10 hours.  With no queue a file takes 1 h + Exp(2 h): within
	 * 3 h with probability P(Exp(2) <= 2) = 1 - e^-1 = 0.632.  One Tim
	 * pass alone exceeds 3 h with probability e^-1.5 = 0.223.  A target of
	 * 0.9 is out of reach with any staff; Tim's 2 h per file is two thirds
	 * of the ceiling, the largest share of any step: the cause. */
	struct sim_scenario *sc = sim_scenario_create(NULL, 0, 20000 * HOUR);
	int lk = sim_scenario_add_actor(sc, "Loket", 1);
	int tm = sim_scenario_add_actor(sc, "Tim", 1);
	int s = sim_scenario_add_sop(sc, "uji", 0.1 / HOUR, 3 * HOUR);
	sim_scenario_add_step(sc, s, 1, "loket", lk, (struct sim_dist){.kind = SIM_FIXED, .mean = HOUR});
	sim_scenario_add_step(sc, s, 2, "tim", tm, (struct sim_dist){.kind = SIM_EXPONENTIAL, .mean = 2 * HOUR});
	sim_scenario_set_seed(sc, 3);
	sim_scenario_set_quantiles(sc, 0);
	assert_int_equal(sim_scenario_compile(sc, NULL), 0);
	struct plan_var v[2] = {{.name = "Loket", .lo = 1, .hi = 2, .cost = 1},
				{.name = "Tim", .lo = 1, .hi = 4, .cost = 1}};
	struct plan_opts o;
	plan_opts_init(&o);
	o.vars = v;
	o.nvar = 2;
	o.threads = 2;
	o.target.kind = PLAN_T_WITHIN;
	o.target.value = 0.9;
	struct mutu_err err;
	mutu_err_clear(&err);
	struct plan_result *r = NULL;
	if (plan_run(sc, &o, &r, &err))
		fail_msg("%s", err.msg);
	assert_false(r->reachable);
	assert_true(r->unlimited_misses);
	/* stop after the most staff in range: one candidate judged */
	assert_int_equal(r->ncand, 1);
	assert_true(r->cause.computed);
	/* 80 replications of ~2000 files: sd of the share ~0.0012 */
	double want = 1 - exp(-1.0);
	if (fabs(r->cause.bound.mean - want) > 0.01)
		fail_msg("no-queue share %.4f, theory %.4f", r->cause.bound.mean, want);
	assert_int_equal(r->cause.step_no, 2);
	assert_int_equal(r->cause.actor, tm);
	assert_true(fabs(r->cause.step_time - 2 * HOUR) < 1e-6);
	assert_true(fabs(r->cause.step_over - exp(-1.5)) < 1e-9);
	assert_true(fabs(r->cause.threshold - 3 * HOUR) < 1e-9);
	plan_result_free(r);
	sim_scenario_free(sc);
}

/* ---- names ------------------------------------------------------------- */

static void test_unknown_names(void **state)
{
	(void)state;
	struct sim_scenario *sc = mmc(5, 4 / HOUR, HOUR, 100 * HOUR);
	struct plan_var v = {.name = "Satpam", .lo = 1, .hi = 3, .cost = 1};
	struct plan_opts o;
	plan_opts_init(&o);
	o.vars = &v;
	o.nvar = 1;
	o.target.kind = PLAN_T_WAIT_MEAN;
	o.target.value = 60;
	snprintf(o.target.actor, sizeof o.target.actor, "Server");
	struct mutu_err err;
	mutu_err_clear(&err);
	struct plan_result *r = NULL;
	assert_int_equal(plan_run(sc, &o, &r, &err), MUTU_EINPUT);
	assert_null(r);
	/* names the bad one and the known ones */
	assert_non_null(strstr(err.msg, "Satpam"));
	assert_non_null(strstr(err.msg, "pelaksana: Server"));
	/* an SOP the scenario lacks */
	snprintf(v.name, sizeof v.name, "Server");
	o.sop = "tidak-ada";
	mutu_err_clear(&err);
	assert_int_equal(plan_run(sc, &o, &r, &err), MUTU_EINPUT);
	assert_non_null(strstr(err.msg, "SOPs: mmc"));
	/* within needs a ceiling: this SOP has none */
	o.sop = NULL;
	o.target.kind = PLAN_T_WITHIN;
	o.target.value = 0.9;
	mutu_err_clear(&err);
	assert_int_equal(plan_run(sc, &o, &r, &err), MUTU_EINPUT);
	assert_non_null(strstr(err.msg, "ceiling"));
	sim_scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_target_parse),
		cmocka_unit_test(test_var_parse),
		cmocka_unit_test(test_erlang_c),
		cmocka_unit_test(test_wait_share),
		cmocka_unit_test(test_infeasible),
		cmocka_unit_test(test_search_equals_brute_force),
		cmocka_unit_test(test_tie_and_alternative),
		cmocka_unit_test(test_unreachable_cause),
		cmocka_unit_test(test_unknown_names),
	};
	return cmocka_run_group_tests_name("plan", tests, NULL, NULL);
}
