/*
 * plan_format.c - a staffing plan (plan_run's result) as text for the
 * planner (Bahasa Indonesia by default, English) and as JSON for scripts.
 * Kept apart from plan.c so that the search reads without the wording.
 * Text shows shares with a decimal comma in Indonesian and times in working
 * time (Hari/Jam/Menit of the scenario's working day); JSON shares as
 * fractions and times in minutes, like `mutu sim --format json`.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "mutu/dur.h"
#include "mutu/plan.h"
#include "mutu/sim.h"

#define T(id, en) (lang == PLAN_EN ? (en) : (id))

/* One value of the target in the planner's units. */
static int is_share(const struct plan_target *t)
{
	return t->kind == PLAN_T_WITHIN || t->kind == PLAN_T_WAIT_SHARE;
}

static void fmt_value(const struct sim_scenario *sc, const struct plan_target *t, enum plan_lang lang,
		      double v, char *buf, size_t n)
{
	if (isnan(v)) {
		snprintf(buf, n, "-");
		return;
	}
	if (is_share(t)) {
		snprintf(buf, n, "%.1f%%", 100 * v);
		if (lang == PLAN_ID)
			for (char *c = buf; *c; c++)
				if (*c == '.')
					*c = ',';
		return;
	}
	dur_format_minutes(v / 60.0, sim_scenario_day_minutes(sc), lang == PLAN_EN ? DUR_EN : DUR_ID,
			   buf, n);
}

static void put_ci(struct mutu_buf *b, const struct sim_scenario *sc, const struct plan_target *t,
		   enum plan_lang lang, const struct stats_ci *ci)
{
	char m[64], lo[64], hi[64];
	fmt_value(sc, t, lang, ci->mean, m, sizeof m);
	fmt_value(sc, t, lang, ci->lo, lo, sizeof lo);
	fmt_value(sc, t, lang, ci->hi, hi, sizeof hi);
	mutu_buf_printf(b, "%s [%s .. %s]", m, lo, hi);
}

static void put_staffing(struct mutu_buf *b, const struct sim_scenario *sc, const struct plan_result *r,
			 const struct plan_cand *c)
{
	for (size_t i = 0; i < r->nvar; i++)
		mutu_buf_printf(b, "%s%s = %d", i ? ", " : "",
				sim_scenario_actor_title(sc, (size_t)r->vars[i].actor), c->staff[i]);
}

/* Target k in words, with the SOP it judges ("seluruh kantor" for all). */
static void put_target(struct mutu_buf *b, const struct sim_scenario *sc, const struct plan_result *r,
		       size_t k, enum plan_lang lang)
{
	char v[64], lim[64];
	const struct plan_target *t = &r->targets[k];
	int sop = r->tsop[k];
	fmt_value(sc, t, lang, t->value, v, sizeof v);
	switch (t->kind) {
	case PLAN_T_WITHIN:
		mutu_buf_printf(b, T("selesai dalam batas SOP >= %s", "finished within the SOP ceiling >= %s"), v);
		break;
	case PLAN_T_P90_LEAD:
		mutu_buf_printf(b, T("waktu penyelesaian p90 <= %s", "p90 lead time <= %s"), v);
		if (sop < 0 && sim_scenario_nsops(sc) > 1)
			mutu_buf_puts(b, T(" (di setiap SOP)", " (in every SOP)"));
		break;
	case PLAN_T_WAIT_MEAN:
		mutu_buf_printf(b, T("waktu tunggu rata-rata di %s <= %s", "mean wait at %s <= %s"), t->actor, v);
		break;
	case PLAN_T_WAIT_SHARE:
		dur_format_minutes(t->limit / 60.0, sim_scenario_day_minutes(sc), lang == PLAN_EN ? DUR_EN : DUR_ID,
				   lim, sizeof lim);
		mutu_buf_printf(b, T("menunggu paling lama %s di %s >= %s", "wait at most %s at %s >= %s"), lim,
				t->actor, v);
		break;
	}
	if (sop >= 0)
		mutu_buf_printf(b, T(", SOP %s", ", SOP %s"), sim_scenario_sop_id(sc, (size_t)sop));
	else
		mutu_buf_puts(b, T(", seluruh kantor", ", whole office"));
}

/* Every target's interval, "; " between them (one target: just its own). */
static void put_values(struct mutu_buf *b, const struct sim_scenario *sc, const struct plan_result *r,
		       enum plan_lang lang, const struct stats_ci *v)
{
	for (size_t k = 0; k < r->ntarget; k++) {
		if (k)
			mutu_buf_puts(b, "; ");
		put_ci(b, sc, &r->targets[k], lang, &v[k]);
	}
}

static const char *status_name(enum plan_status s, enum plan_lang lang)
{
	switch (s) {
	case PLAN_MEETS: return T("memenuhi", "meets");
	case PLAN_MISSES: return T("tidak memenuhi", "misses");
	case PLAN_UNDECIDED: return T("belum pasti (dihitung tidak)", "undecided (counted as a miss)");
	case PLAN_INFEASIBLE: return T("beban >= 100%", "load >= 100%");
	}
	return "?";
}

static const char *status_key(enum plan_status s)
{
	switch (s) {
	case PLAN_MEETS: return "meets";
	case PLAN_MISSES: return "misses";
	case PLAN_UNDECIDED: return "undecided";
	case PLAN_INFEASIBLE: return "infeasible";
	}
	return "?";
}

static void format_text(const struct sim_scenario *sc, const struct plan_result *r, enum plan_lang lang,
			struct mutu_buf *b)
{
	char v1[64], v2[64];
	const char *path = sim_scenario_path(sc);
	mutu_buf_printf(b, T("Rencana staf: %s\n", "Staffing plan: %s\n"), path ? path : "-");
	if (r->ntarget == 1) {
		mutu_buf_puts(b, T("  target: ", "  target: "));
		put_target(b, sc, r, 0, lang);
		mutu_buf_printf(b, T(", keyakinan %.0f%%\n", ", confidence %.0f%%\n"), 100 * r->confidence);
	} else {
		for (size_t k = 0; k < r->ntarget; k++) {
			mutu_buf_printf(b, "  target %zu: ", k + 1);
			put_target(b, sc, r, k, lang);
			mutu_buf_putc(b, '\n');
		}
		mutu_buf_printf(b, T("  keyakinan %.0f%%, setiap target harus terpenuhi\n",
				     "  confidence %.0f%%, every target must be met\n"), 100 * r->confidence);
	}
	mutu_buf_puts(b, T("  rentang:", "  ranges:"));
	for (size_t i = 0; i < r->nvar; i++)
		mutu_buf_printf(b, "%s %s %d..%d (%s %g)", i ? "," : "",
				sim_scenario_actor_title(sc, (size_t)r->vars[i].actor), r->vars[i].lo,
				r->vars[i].hi, T("biaya/orang", "cost/head"), r->vars[i].cost);
	mutu_buf_putc(b, '\n');
	mutu_buf_putc(b, '\n');
	if (r->reachable && r->chosen >= 0) {
		const struct plan_cand *c = &r->cands[r->chosen];
		mutu_buf_puts(b, T("Jawaban: ", "Answer: "));
		put_staffing(b, sc, r, c);
		mutu_buf_printf(b, T(" (biaya %g)\n", " (cost %g)\n"), c->cost);
		for (size_t k = 0; k < r->ntarget; k++) {
			if (r->ntarget == 1)
				mutu_buf_puts(b, T("  nilai target: ", "  target value: "));
			else
				mutu_buf_printf(b, T("  nilai target %zu: ", "  target %zu value: "), k + 1);
			put_ci(b, sc, &r->targets[k], lang, &c->values[k]);
			mutu_buf_printf(b, T(" (selang %.0f%%, %d replikasi)\n", " (%.0f%% interval, %d replications)\n"),
					100 * r->confidence, c->nrep);
		}
		if (r->runner_up >= 0) {
			const struct plan_cand *u = &r->cands[r->runner_up];
			mutu_buf_puts(b, r->runner_up_more
						 ? T("  alternatif berikutnya (jawaban ditambah staf): ",
						     "  runner-up (the answer plus staff): ")
						 : T("  alternatif berikutnya: ", "  runner-up: "));
			put_staffing(b, sc, r, u);
			mutu_buf_printf(b, T(" (biaya %g): ", " (cost %g): "), u->cost);
			put_values(b, sc, r, lang, u->values);
			mutu_buf_putc(b, '\n');
		} else {
			mutu_buf_puts(b, T("  alternatif berikutnya: tidak ada dalam rentang\n",
					   "  runner-up: none in range\n"));
		}
		if (c->bottleneck >= 0)
			mutu_buf_printf(b, T("  pelaksana tersibuk: %s (utilisasi %.0f%%)\n",
					     "  busiest pelaksana: %s (utilisation %.0f%%)\n"),
					sim_scenario_actor_title(sc, (size_t)c->bottleneck), 100 * c->util);
	} else {
		const struct plan_cand *top = r->ncand ? &r->cands[0] : NULL;
		mutu_buf_puts(b, r->unlimited_misses
					 ? T("Jawaban: target tidak tercapai dengan jumlah staf berapa pun.\n",
					     "Answer: no staffing reaches the target, however large.\n")
					 : T("Jawaban: target tidak tercapai dengan staf dalam rentang.\n",
					     "Answer: no staffing in the ranges reaches the target.\n"));
		if (top) {
			mutu_buf_puts(b, T("  dengan staf terbanyak (", "  with the most staff ("));
			put_staffing(b, sc, r, top);
			mutu_buf_puts(b, "): ");
			if (top->status == PLAN_INFEASIBLE)
				mutu_buf_printf(b, T("%s kelebihan beban (%.0f%% dari staf yang hadir)\n",
						     "%s overloaded (%.0f%% of the staff present)\n"),
						sim_scenario_actor_title(sc, (size_t)top->bottleneck), 100 * top->util);
			else {
				put_values(b, sc, r, lang, top->values);
				mutu_buf_printf(b, " (%s)\n", status_name(top->status, lang));
			}
		}
		const struct plan_cause *cz = &r->cause;
		const struct plan_target *tg = &r->targets[cz->target];
		if (cz->computed) {
			mutu_buf_puts(b, T("  tanpa antrean sama sekali (staf tak terbatas): ",
					   "  with no queue at all (unlimited staff): "));
			put_values(b, sc, r, lang, cz->bounds);
			mutu_buf_putc(b, '\n');
			if (r->unlimited_misses && r->ntarget > 1)
				mutu_buf_printf(b, T("  target %d tidak tercapai tanpa antrean pun\n",
						     "  target %d is missed even with no queue\n"), cz->target + 1);
			if (!r->unlimited_misses) {
				/* nothing to blame on the step times */
			} else if (tg->kind == PLAN_T_WITHIN && !isnan(cz->bound.mean)) {
				snprintf(v1, sizeof v1, "%.0f%%", 100 * (1 - cz->bound.mean));
				mutu_buf_printf(b, T("  waktu langkah saja sudah melewati batas SOP pada %s berkas",
						     "  the step times alone exceed the SOP ceiling for %s of files"), v1);
			} else if (tg->kind == PLAN_T_P90_LEAD) {
				mutu_buf_puts(b, T("  waktu langkah saja menentukan p90 ini",
						   "  the step times alone make this p90"));
			}
			if (cz->sop >= 0 && r->unlimited_misses) {
				dur_format_minutes(cz->step_time / 60.0, sim_scenario_day_minutes(sc),
						   lang == PLAN_EN ? DUR_EN : DUR_ID, v2, sizeof v2);
				const char *who = cz->actor >= 0 ? sim_scenario_actor_title(sc, (size_t)cz->actor)
								 : "Pemohon";
				mutu_buf_printf(b, T(": langkah %d, %s (SOP %s, %s per berkas rata-rata",
						     ": step %d, %s (SOP %s, %s per file on average"),
						cz->step_no, who, sim_scenario_sop_id(sc, (size_t)cz->sop), v2);
				if (!isnan(cz->step_over)) {
					dur_format_minutes(cz->threshold / 60.0, sim_scenario_day_minutes(sc),
							   lang == PLAN_EN ? DUR_EN : DUR_ID, v1, sizeof v1);
					mutu_buf_printf(b, T("; satu kali langkah ini saja > %s pada %.0f%% berkas)",
							     "; one pass of this step alone > %s for %.0f%% of files)"),
							v1, 100 * cz->step_over);
				} else {
					mutu_buf_putc(b, ')');
				}
			}
			if (r->unlimited_misses && tg->kind != PLAN_T_WAIT_MEAN && tg->kind != PLAN_T_WAIT_SHARE)
				mutu_buf_putc(b, '\n');
			if (!r->unlimited_misses)
				mutu_buf_puts(b, T("  tanpa antrean target tercapai: perlebar rentang --vary (atau tambah "
						   "pelaksana yang tidak divariasikan)\n",
						   "  without queues the target is met: widen the --vary ranges (or staff "
						   "the pelaksana not varied)\n"));
			else
				mutu_buf_puts(b, T("  ubah SOP (waktu langkah) atau target, bukan jumlah staf\n",
						   "  change the SOP (step times) or the target, not the staffing\n"));
		}
	}
	snprintf(v1, sizeof v1, "%.2f", r->wall_seconds);
	if (lang == PLAN_ID)
		for (char *p = v1; *p; p++)
			if (*p == '.')
				*p = ',';
	mutu_buf_printf(b, T("  dicoba: %zu dari %zu kandidat (%zu disimulasikan, %zu beban >= 100%%), "
			     "%ld replikasi, seed %llu, %s detik\n",
			     "  tried: %zu of %zu candidates (%zu simulated, %zu load >= 100%%), "
			     "%ld replications, seed %llu, %s s\n"),
			r->ncand, r->grid, r->simulated, r->infeasible, r->replications,
			(unsigned long long)r->seed, v1);
	mutu_buf_puts(b, T("\nKandidat yang dinilai (urutan dinilai):\n", "\nCandidates judged (in order):\n"));
	for (size_t k = 0; k < r->ncand; k++) {
		const struct plan_cand *c = &r->cands[k];
		mutu_buf_puts(b, "  ");
		put_staffing(b, sc, r, c);
		mutu_buf_printf(b, T("  biaya %g: ", "  cost %g: "), c->cost);
		if (c->status == PLAN_INFEASIBLE) {
			mutu_buf_printf(b, T("%s, %s %.0f%%\n", "%s, %s %.0f%%\n"), status_name(c->status, lang),
					sim_scenario_actor_title(sc, (size_t)c->bottleneck), 100 * c->util);
			continue;
		}
		put_values(b, sc, r, lang, c->values);
		mutu_buf_printf(b, T(" %s, %d replikasi\n", " %s, %d replications\n"), status_name(c->status, lang),
				c->nrep);
	}
}

/* A target value as JSON: shares as fractions, times in minutes. */
static double json_num(const struct plan_target *t, double v)
{
	return is_share(t) ? v : v / 60.0;
}

static void put_json_num(struct mutu_buf *b, double v)
{
	if (isnan(v) || isinf(v))
		mutu_buf_puts(b, "null");
	else
		mutu_buf_printf(b, "%.6g", v);
}

/* "<name>_text" beside a time in seconds: the minutes as the text output
 * words them (dur_json_text, working days of the scenario's day_minutes,
 * in the document's language); nothing for a share. */
static void put_json_text(struct mutu_buf *b, const char *name, const struct plan_target *t, double v_s, int dm,
			  enum plan_lang lang)
{
	if (is_share(t))
		return;
	mutu_buf_printf(b, ", \"%s_text\": ", name);
	dur_json_text(b, v_s / 60.0, dm, lang == PLAN_EN ? DUR_EN : DUR_ID);
}

static void put_json_ci(struct mutu_buf *b, const struct plan_target *t, const struct stats_ci *ci, int dm,
			enum plan_lang lang)
{
	mutu_buf_puts(b, "{\"mean\": ");
	put_json_num(b, json_num(t, ci->mean));
	mutu_buf_puts(b, ", \"lo\": ");
	put_json_num(b, json_num(t, ci->lo));
	mutu_buf_puts(b, ", \"hi\": ");
	put_json_num(b, json_num(t, ci->hi));
	put_json_text(b, "mean", t, ci->mean, dm, lang);
	put_json_text(b, "lo", t, ci->lo, dm, lang);
	put_json_text(b, "hi", t, ci->hi, dm, lang);
	mutu_buf_puts(b, "}");
}

/* Every target's interval, in r->targets' order (null where none). */
static void put_json_values(struct mutu_buf *b, const struct plan_result *r, const struct stats_ci *v, int dm,
			    enum plan_lang lang, int none)
{
	mutu_buf_putc(b, '[');
	for (size_t k = 0; k < r->ntarget; k++) {
		if (k)
			mutu_buf_puts(b, ", ");
		if (none)
			mutu_buf_puts(b, "null");
		else
			put_json_ci(b, &r->targets[k], &v[k], dm, lang);
	}
	mutu_buf_putc(b, ']');
}

static const char *const kinds[] = {"within", "p90_lead", "wait_mean", "wait_share"};

/* One target as JSON: kind, op, value in its unit, the SOP and pelaksana
 * it concerns, and a wait_share's limit in minutes. */
static void put_json_target(struct mutu_buf *b, const struct sim_scenario *sc, const struct plan_result *r,
			    size_t k, int dm, enum plan_lang lang)
{
	const struct plan_target *t = &r->targets[k];
	mutu_buf_printf(b, "{\"kind\": \"%s\", \"op\": \"%s\", \"value\": ", kinds[t->kind],
			is_share(t) ? ">=" : "<=");
	put_json_num(b, json_num(t, t->value));
	put_json_text(b, "value", t, t->value, dm, lang);
	mutu_buf_printf(b, ", \"unit\": \"%s\", \"sop\": ", is_share(t) ? "share" : "minutes");
	if (r->tsop[k] >= 0)
		mutu_buf_json_str(b, sim_scenario_sop_id(sc, (size_t)r->tsop[k]));
	else
		mutu_buf_puts(b, "null");
	mutu_buf_puts(b, ", \"pelaksana\": ");
	if (t->kind == PLAN_T_WAIT_MEAN || t->kind == PLAN_T_WAIT_SHARE)
		mutu_buf_json_str(b, t->actor);
	else
		mutu_buf_puts(b, "null");
	if (t->kind == PLAN_T_WAIT_SHARE) {
		mutu_buf_puts(b, ", \"limit_minutes\": ");
		put_json_num(b, t->limit / 60.0);
		mutu_buf_puts(b, ", \"limit_minutes_text\": ");
		dur_json_text(b, t->limit / 60.0, dm, lang == PLAN_EN ? DUR_EN : DUR_ID);
	}
	mutu_buf_putc(b, '}');
}

static void put_json_staffing(struct mutu_buf *b, const struct sim_scenario *sc, const struct plan_result *r,
			      const struct plan_cand *c)
{
	mutu_buf_putc(b, '{');
	for (size_t i = 0; i < r->nvar; i++) {
		if (i)
			mutu_buf_puts(b, ", ");
		mutu_buf_json_str(b, sim_scenario_actor_title(sc, (size_t)r->vars[i].actor));
		mutu_buf_printf(b, ": %d", c->staff[i]);
	}
	mutu_buf_putc(b, '}');
}

static void put_json_cand(struct mutu_buf *b, const struct sim_scenario *sc, const struct plan_result *r,
			  const struct plan_cand *c, enum plan_lang lang)
{
	mutu_buf_puts(b, "{\"staffing\": ");
	put_json_staffing(b, sc, r, c);
	mutu_buf_printf(b, ", \"cost\": %.6g, \"status\": \"%s\", \"replications\": %d, \"value\": ", c->cost,
			status_key(c->status), c->nrep);
	if (c->status == PLAN_INFEASIBLE)
		mutu_buf_puts(b, "null");
	else
		put_json_ci(b, &r->targets[0], &c->value, sim_scenario_day_minutes(sc), lang);
	mutu_buf_puts(b, ", \"values\": ");
	put_json_values(b, r, c->values, sim_scenario_day_minutes(sc), lang, c->status == PLAN_INFEASIBLE);
	mutu_buf_puts(b, ", \"bottleneck\": ");
	if (c->bottleneck >= 0) {
		mutu_buf_puts(b, "{\"pelaksana\": ");
		mutu_buf_json_str(b, sim_scenario_actor_title(sc, (size_t)c->bottleneck));
		mutu_buf_puts(b, ", \"util\": ");
		put_json_num(b, c->util);
		mutu_buf_putc(b, '}');
	} else {
		mutu_buf_puts(b, "null");
	}
	mutu_buf_putc(b, '}');
}

static void format_json(const struct sim_scenario *sc, const struct plan_result *r, enum plan_lang lang,
			struct mutu_buf *b)
{
	const char *path = sim_scenario_path(sc);
	int dm = sim_scenario_day_minutes(sc);
	/* the kind first, as every mutu JSON document (docs/schema/plan.schema.json);
	 * then the units, named once: a time target's values in working
	 * minutes with their text beside them */
	mutu_buf_puts(b, "{\"schema\": \"mutu.plan/1\",\n \"units\": {\"duration\": \"minutes\", "
			 "\"duration_kind\": \"working minutes of the scenario's calendar\", "
			 "\"duration_text\": \"<name>_text: the same duration as the text output shows it\", "
			 "\"share\": \"fraction 0..1\", \"value\": \"as target.unit (share or minutes)\", "
			 "\"staffing\": \"persons per pelaksana\", \"cost\": \"persons, each weighted by its --cost\", "
			 "\"wall_seconds\": \"seconds of the machine's clock the search took (not office time)\"},\n"
			 " \"scenario\": ");
	if (path)
		mutu_buf_json_str(b, path);
	else
		mutu_buf_puts(b, "null");
	/* "target" is the first (as mutu.plan/1 always had it); "targets"
	 * every one, and "values" beside each "value" */
	mutu_buf_puts(b, ",\n \"target\": ");
	put_json_target(b, sc, r, 0, dm, lang);
	mutu_buf_puts(b, ",\n \"targets\": [");
	for (size_t k = 0; k < r->ntarget; k++) {
		if (k)
			mutu_buf_puts(b, ", ");
		put_json_target(b, sc, r, k, dm, lang);
	}
	mutu_buf_printf(b, "],\n \"confidence\": %.6g, \"seed\": %llu,\n", r->confidence,
			(unsigned long long)r->seed);
	const struct plan_cand *c = r->chosen >= 0 ? &r->cands[r->chosen] : NULL;
	mutu_buf_printf(b, " \"reachable\": %s, \"reachable_with_unlimited_staff\": %s,\n",
			c ? "true" : "false",
			c ? "true" : (r->unlimited_misses ? "false" : "true"));
	mutu_buf_puts(b, " \"staffing\": ");
	if (c)
		put_json_staffing(b, sc, r, c);
	else
		mutu_buf_puts(b, "null");
	mutu_buf_puts(b, ", \"cost\": ");
	put_json_num(b, c ? c->cost : NAN);
	mutu_buf_puts(b, ", \"value\": ");
	if (c)
		put_json_ci(b, &r->targets[0], &c->value, sim_scenario_day_minutes(sc), lang);
	else
		mutu_buf_puts(b, "null");
	mutu_buf_puts(b, ", \"values\": ");
	if (c)
		put_json_values(b, r, c->values, dm, lang, 0);
	else
		mutu_buf_puts(b, "null");
	mutu_buf_puts(b, ",\n \"bottleneck\": ");
	if (c && c->bottleneck >= 0) {
		mutu_buf_puts(b, "{\"pelaksana\": ");
		mutu_buf_json_str(b, sim_scenario_actor_title(sc, (size_t)c->bottleneck));
		mutu_buf_puts(b, ", \"util\": ");
		put_json_num(b, c->util);
		mutu_buf_putc(b, '}');
	} else {
		mutu_buf_puts(b, "null");
	}
	mutu_buf_puts(b, ",\n \"runner_up\": ");
	if (r->runner_up >= 0) {
		put_json_cand(b, sc, r, &r->cands[r->runner_up], lang);
		mutu_buf_printf(b, ", \"runner_up_adds_staff\": %s", r->runner_up_more ? "true" : "false");
	} else
		mutu_buf_puts(b, "null");
	mutu_buf_puts(b, ",\n \"bound\": ");
	if (r->cause.computed) {
		mutu_buf_puts(b, "{\"value_unlimited_staff\": ");
		put_json_ci(b, &r->targets[0], &r->cause.bounds[0], dm, lang);
		mutu_buf_puts(b, ", \"values_unlimited_staff\": ");
		put_json_values(b, r, r->cause.bounds, dm, lang, 0);
		mutu_buf_puts(b, ", \"target_missed\": ");
		if (r->unlimited_misses)
			mutu_buf_printf(b, "%d", r->cause.target);
		else
			mutu_buf_puts(b, "null");
		mutu_buf_puts(b, ", \"cause\": ");
		if (r->cause.sop >= 0) {
			mutu_buf_puts(b, "{\"sop\": ");
			mutu_buf_json_str(b, sim_scenario_sop_id(sc, (size_t)r->cause.sop));
			mutu_buf_printf(b, ", \"step\": %d, \"pelaksana\": ", r->cause.step_no);
			mutu_buf_json_str(b, r->cause.actor >= 0 ? sim_scenario_actor_title(sc, (size_t)r->cause.actor)
								 : "Pemohon");
			mutu_buf_puts(b, ", \"minutes_per_file\": ");
			put_json_num(b, r->cause.step_time / 60.0);
			mutu_buf_puts(b, ", \"minutes_per_file_text\": ");
			dur_json_text(b, r->cause.step_time / 60.0, dm, lang == PLAN_EN ? DUR_EN : DUR_ID);
			mutu_buf_puts(b, ", \"share_alone_over\": ");
			put_json_num(b, r->cause.step_over);
			mutu_buf_puts(b, ", \"threshold_minutes\": ");
			put_json_num(b, r->cause.threshold / 60.0);
			mutu_buf_puts(b, ", \"threshold_minutes_text\": ");
			dur_json_text(b, r->cause.threshold / 60.0, dm, lang == PLAN_EN ? DUR_EN : DUR_ID);
			mutu_buf_putc(b, '}');
		} else {
			mutu_buf_puts(b, "null");
		}
		mutu_buf_putc(b, '}');
	} else {
		mutu_buf_puts(b, "null");
	}
	mutu_buf_printf(b, ",\n \"candidates\": %zu, \"grid\": %zu, \"simulated\": %zu, \"infeasible\": %zu, "
			"\"replications\": %ld, \"wall_seconds\": %.3f,\n \"judged\": [",
			r->ncand, r->grid, r->simulated, r->infeasible, r->replications, r->wall_seconds);
	for (size_t k = 0; k < r->ncand; k++) {
		mutu_buf_puts(b, k ? ",\n  " : "\n  ");
		put_json_cand(b, sc, r, &r->cands[k], lang);
	}
	mutu_buf_puts(b, "]}\n");
}

void plan_result_format(const struct sim_scenario *sc, const struct plan_result *r,
			enum plan_format fmt, enum plan_lang lang, struct mutu_buf *out)
{
	if (fmt == PLAN_JSON)
		format_json(sc, r, lang, out);
	else
		format_text(sc, r, lang, out);
}
