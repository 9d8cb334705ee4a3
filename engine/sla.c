/*
 * sla.c - one case measured against its SOP: the SLA clock (start at the
 * front office's acceptance, stop at the office's last step -- not at the
 * applicant's collection of the SK after it --, pauses while the file
 * is back with the applicant), step times in working time, the verdict
 * against the ceiling and the audit findings.  Also the SOP resolution
 * (model + calendar + clock rules) over the one SOP registry (sop_registry).
 *
 * Pure computation: no SQL, no printing.  The rules are documented in
 * include/mutu/sla.h; the "why" of each choice is next to the code.
 */
#include "mutu/sla.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *flag_names[SLA_NFLAGS] = {
	"over", "missing", "order", "rework", "unknown", "actor", "same_person", "paused", "late",
	"applicant_late"
};

const char *sla_flag_name(int i)
{
	return i >= 0 && i < SLA_NFLAGS ? flag_names[i] : "?";
}

void sla_opts_init(struct sla_opts *o)
{
	memset(o, 0, sizeof *o);
	o->ceiling = SLA_CEIL_ROUNDED;
	o->reading = -1;
}

/* ---- SOP resolution ---- */

/* the applicant: one test with the simulator (sop_actor_is_applicant) */
static int is_pemohon(const char *actor)
{
	return sop_actor_is_applicant(actor);
}

/* is_pemohon of the step's role, from sop_precompute's table (bit 4 of
 * step_kind) when the step is in it */
static int step_is_pemohon(const struct sla_sop *s, const struct sop_step *st)
{
	if (s->step_kind && s->step_actor && st->no >= 0 && st->no <= s->last_step && s->step_actor[st->no])
		return (s->step_kind[st->no] & 4) != 0;
	return is_pemohon(sop_step_role(st));
}

/* The berkas went back to the applicant: a Pemohon step done again after
 * a later step (max_step: the furthest step before this event).  The
 * time up to its completion is the applicant's fixing time, a pause of
 * the clock (stage_pauses) and no execution of the step's mutu baku
 * (stage_step_times). */
static int back_to_applicant(const struct sla_sop *s, const struct sla_event *e, int max_step)
{
	const struct sop_step *st = e->step > 0 ? sop_model_step(s->model, e->step) : NULL;
	return st && e->step < max_step && step_is_pemohon(s, st);
}

/* The step is the office's check that sends the berkas back to the
 * applicant on rejection: not a Pemohon step itself, and its reject_to is
 * one (the front office's check, "dikembalikan ke pemohon apabila
 * ditolak"). */
static int sends_to_applicant(const struct sla_sop *s, int step)
{
	const struct sop_step *st = step > 0 ? sop_model_step(s->model, step) : NULL;
	const struct sop_step *to = st && st->reject_to > 0 ? sop_model_step(s->model, st->reject_to) : NULL;
	return to && !step_is_pemohon(s, st) && step_is_pemohon(s, to);
}

/* ---- log actor names -> positions, cached: the fuzzy match is costly
 * and a log repeats the same few names millions of times ---- */

struct sla_actor_cache {
	char **key;
	const char **val;
	const char **title; /* actor_title of val (NULL with val): the per-event key */
	size_t cap, n;
};


static void cache_free(struct sla_actor_cache *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->cap; i++)
		free(c->key[i]);
	free(c->key);
	free(c->val);
	free(c->title);
	free(c);
}

static void cache_put(struct sla_actor_cache *c, char *key, const char *val, const char *title)
{
	size_t h = mutu_fnv1a_str(key) & (c->cap - 1);
	while (c->key[h])
		h = (h + 1) & (c->cap - 1);
	c->key[h] = key;
	c->val[h] = val;
	c->title[h] = title;
}

static const char *actor_title(const struct sla_sop *s, const char *canon);

/* The cached canonical position of a log's actor name, and (*title) the
 * office's title for it: one hash lookup per event, the fuzzy match and
 * the walk over the model's steps once per distinct name. */
static const char *actor_lookup(const struct sla_sop *s, const char *actor, const char **title)
{
	struct sla_actor_cache *c = s->actors;
	*title = NULL;
	if (!actor || !*actor)
		return NULL;
	if (!c) {
		const char *v = sop_actor_canonical(actor);
		*title = v ? actor_title(s, v) : NULL;
		return v;
	}
	size_t h = mutu_fnv1a_str(actor) & (c->cap - 1);
	while (c->key[h]) {
		if (strcmp(c->key[h], actor) == 0) {
			*title = c->title[h];
			return c->val[h];
		}
		h = (h + 1) & (c->cap - 1);
	}
	const char *v = sop_actor_canonical(actor);
	*title = v ? actor_title(s, v) : NULL;
	if (2 * (c->n + 1) > c->cap) {
		struct sla_actor_cache old = *c;
		c->cap *= 2;
		c->key = mutu_calloc(c->cap, sizeof *c->key);
		c->val = mutu_calloc(c->cap, sizeof *c->val);
		c->title = mutu_calloc(c->cap, sizeof *c->title);
		for (size_t i = 0; i < old.cap; i++)
			if (old.key[i])
				cache_put(c, old.key[i], old.val[i], old.title[i]);
		free(old.key);
		free(old.val);
		free(old.title);
	}
	cache_put(c, mutu_strdup(actor), v, *title);
	c->n++;
	return v;
}

const char *sla_actor_canonical(const struct sla_sop *s, const char *actor)
{
	const char *title;
	return actor_lookup(s, actor, &title);
}

/*
 * The office's own title for a canonical position: the pelaksana of the
 * model's first step whose role it is ("Kasi PP" for Kasi/Kabid), so the
 * per-pelaksana rows read as the office's SOP table does; the canonical
 * name itself when the model has no such step (or there is no model).
 */
static const char *actor_title(const struct sla_sop *s, const char *canon)
{
	if (!s->model)
		return canon;
	for (size_t i = 0; i < s->model->nsteps; i++) {
		const struct sop_step *st = &s->model->steps[i];
		/* the role as sop_precompute keeps it (a fuzzy match each time otherwise) */
		const char *role = s->step_actor && st->no >= 0 && st->no <= s->last_step ? s->step_actor[st->no]
											: sop_step_role(st);
		if (role && strcmp(role, canon) == 0 && st->actor && strcmp(st->actor, "?") != 0)
			return st->actor;
	}
	return canon;
}

static int sla_sop_init_rules(struct sla_sop *s, struct sop_model *model, struct cal *cal,
			      const struct sla_opts *o, struct mutu_err *err);
static int has_word(const char *text, const char *word);
static int is_check_step(const struct sop_step *st);
static int is_approve_step(const struct sop_step *st);

/* Per-step tables, so the per-event work is an array lookup. */
static void sop_precompute(struct sla_sop *s)
{
	struct sla_actor_cache *c = mutu_calloc(1, sizeof *c);
	c->cap = 64;
	c->key = mutu_calloc(c->cap, sizeof *c->key);
	c->val = mutu_calloc(c->cap, sizeof *c->val);
	c->title = mutu_calloc(c->cap, sizeof *c->title);
	s->actors = c;
	if (!s->model)
		return;
	size_t n = (size_t)s->last_step + 1;
	s->step_kind = mutu_calloc(n, 1);
	s->step_actor = mutu_calloc(n, sizeof *s->step_actor);
	s->step_std = mutu_malloc(n * sizeof *s->step_std);
	for (size_t i = 0; i < n; i++)
		s->step_std[i] = NAN;
	for (size_t i = 0; i < s->model->nsteps; i++) {
		const struct sop_step *st = &s->model->steps[i];
		if (st->no < 0 || (size_t)st->no >= n)
			continue;
		int approve = is_approve_step(st);
		/* the role, not the office's title: logs name positions their own way */
		s->step_actor[st->no] = sop_step_role(st);
		s->step_kind[st->no] = (unsigned char)((is_check_step(st) && !approve ? 1 : 0) | (approve ? 2 : 0) |
						       (is_pemohon(s->step_actor[st->no]) ? 4 : 0));
		s->step_std[st->no] = (double)dur_to_minutes(st->waktu, s->day_minutes) * 60.0;
	}
}

/*
 * The office's last step: the last step of the SOP whose pelaksana is not
 * the applicant.  Real SOPs end with "Pengambilan dokumen izin oleh
 * pemohon di loket" (every model in models/ does): the standard counts
 * "sejak permohonan ... diterima ... sampai selesai" in the office's
 * time, and an applicant who collects a week late has not made the
 * office late.  Every step the applicant's (no office step), or an
 * office end before the clock start (a --clock-start on a trailing
 * step): the SOP's last step, as before.
 */
static int office_end_step(const struct sla_sop *s)
{
	const struct sop_model *m = s->model;
	int *no = mutu_malloc((m->nsteps + 1) * sizeof *no);
	unsigned char *app = mutu_malloc(m->nsteps + 1);
	for (size_t i = 0; i < m->nsteps; i++) {
		no[i] = m->steps[i].no;
		app[i] = (unsigned char)step_is_pemohon(s, &m->steps[i]);
	}
	/* the rule itself is sop_office_end, shared with the simulator */
	int end = sop_office_end(m->nsteps, no, app, s->clock_start_step);
	free(no);
	free(app);
	return end;
}

int sla_sop_final_step(const struct sla_sop *s, int step)
{
	return s->model && s->end_step > 0 && step >= s->end_step && step <= s->last_step;
}

int sla_sop_init(struct sla_sop *s, struct sop_model *model, struct cal *cal,
		 const struct sla_opts *o, struct mutu_err *err)
{
	int rc = sla_sop_init_rules(s, model, cal, o, err);
	if (rc == 0)
		sop_precompute(s);
	if (rc == 0 && model)
		s->end_step = office_end_step(s);
	return rc;
}

static int sla_sop_init_rules(struct sla_sop *s, struct sop_model *model, struct cal *cal,
			      const struct sla_opts *o, struct mutu_err *err)
{
	memset(s, 0, sizeof *s);
	s->model = model;
	s->cal = cal;
	s->ceiling = o ? o->ceiling : SLA_CEIL_ROUNDED;
	s->reading = (o && o->reading >= 0) ? (enum cal_day_reading)o->reading : cal_reading(cal);
	s->day_minutes = cal_day_minutes(cal);
	if (s->day_minutes <= 0)
		s->day_minutes = 450;
	/* without a model (and without --calendar) the calendar is 24x7 at
	 * UTC: it measures, but its zone says nothing about the office */
	s->zone_rule = SLA_ZONE_CALENDAR;
	if (!model && !(o && o->calendar)) {
		s->tz = o ? o->tz : NULL;
		s->zone_rule = s->tz ? SLA_ZONE_TZ : SLA_ZONE_STAMPS;
	}
	if (!model) {
		s->clock_start_source = "first event";
		return 0;
	}
	s->id = mutu_strdup(model->id);
	if (model->nsteps == 0)
		return mutu_errf(err, MUTU_EINPUT, "%s: model '%s' has no steps",
				 model->path ? model->path : "model", model->id);
	s->last_step = model->steps[model->nsteps - 1].no;
	s->exact = sop_model_total(model);
	s->exact.rounded_days = -1;
	s->ceiling_days = sop_model_ceiling_days(model, s->day_minutes);
	s->rounded_s = (double)s->ceiling_days * s->day_minutes * 60.0;
	s->exact_s = (double)dur_to_minutes(s->exact, s->day_minutes) * 60.0;
	s->has_ceiling = s->ceiling_days > 0 || s->exact_s > 0;

	/* the model's rule is sop_clock_start_step, shared with the
	 * simulator; --clock-start overrides it for a report only */
	int cs = sop_clock_start_step(model);
	if (o && o->clock_start_step > 0) {
		cs = o->clock_start_step;
		s->clock_start_source = "option";
	} else if (model->clock_start != 0) {
		/* [sla] clock_start, read with the model (sop.c); "first": 0 */
		s->clock_start_source = "model [sla]";
	} else {
		s->clock_start_source = cs > 0 ? "reject_to" : "first event";
	}
	if (cs > 0) {
		if (!sop_model_step(model, cs)) {
			if (o && o->clock_start_step > 0)
				return mutu_errf(err, MUTU_EINPUT,
						 "--clock-start %d is not a step of SOP '%s': it has %zu steps (%d..%d)",
						 cs, model->id, model->nsteps, model->steps[0].no, s->last_step);
			return mutu_errf(err, MUTU_EINPUT, "%s: clock start step %d is not a step of SOP '%s'",
					 model->path ? model->path : "model", cs, model->id);
		}
		s->clock_start_step = cs;
		return 0;
	}
	s->clock_start_step = 0;
	return 0;
}

void sla_sop_release(struct sla_sop *s)
{
	if (!s)
		return;
	free(s->id);
	free(s->step_kind);
	free(s->step_actor);
	free(s->step_std);
	cache_free(s->actors);
	if (!s->borrowed) {
		sop_model_free(s->model);
		cal_free(s->cal);
	}
	memset(s, 0, sizeof *s);
}

double sla_step_std(const struct sla_sop *s, int step)
{
	if (!s->model || step <= 0)
		return NAN;
	if (s->step_std)
		return step <= s->last_step ? s->step_std[step] : NAN;
	const struct sop_step *st = sop_model_step(s->model, step);
	if (!st)
		return NAN;
	return (double)dur_to_minutes(st->waktu, s->day_minutes) * 60.0;
}

/* ---- registry: SOP id -> model and calendar comes from the one SOP
 * registry (sop_registry); the env adds the measuring rules per SOP ---- */

struct sla_env {
	struct sla_opts o;
	struct sop_registry *reg; /* models and calendars, owned */
	struct cal *utc24;        /* the no-model calendar, created once */
	struct sla_sop **sops;    /* each borrows its model and calendar */
	size_t n, cap;
	/* ids asked for that failed, with the error, so a store with 10^6
	 * cases of an unknown SOP fails once, not 10^6 times */
	char **bad_ids;
	struct mutu_err *bad_errs;
	size_t nbad;
};

struct sla_env *sla_env_create(const struct sla_opts *o)
{
	struct sla_env *e = mutu_calloc(1, sizeof *e);
	if (o)
		e->o = *o;
	else
		sla_opts_init(&e->o);
	e->reg = sop_registry_create(e->o.models_dir, e->o.calendars_dir);
	return e;
}

void sla_env_free(struct sla_env *e)
{
	if (!e)
		return;
	for (size_t i = 0; i < e->n; i++) {
		sla_sop_release(e->sops[i]);
		free(e->sops[i]);
	}
	free(e->sops);
	for (size_t i = 0; i < e->nbad; i++)
		free(e->bad_ids[i]);
	free(e->bad_ids);
	free(e->bad_errs);
	cal_free(e->utc24);
	sop_registry_free(e->reg);
	free(e);
}

static int same_id(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

/* The model (NULL for the no-model SOP) and the calendar to measure with:
 * --calendar when given, else the model's, else 24x7 at UTC. */
static int env_resolve(struct sla_env *e, const char *sop_id, struct sop_model **m,
		       struct cal **c, struct mutu_err *err)
{
	*m = NULL;
	*c = NULL;
	const struct sop_entry *ent = NULL;
	if (sop_id) {
		int rc = sop_registry_get(e->reg, sop_id, &ent, err);
		if (rc)
			return rc;
		*m = ent->model;
	}
	if (e->o.calendar)
		return sop_registry_calendar(e->reg, e->o.calendar, c, err);
	if (!ent) {
		if (!e->utc24)
			e->utc24 = cal_create_24x7(0);
		*c = e->utc24;
		return 0;
	}
	if (!ent->cal)
		return mutu_errf(err, ent->cal_err.code, "%s", ent->cal_err.msg);
	*c = ent->cal;
	return 0;
}

int sla_env_get(struct sla_env *e, const char *sop_id, const struct sla_sop **out,
		struct mutu_err *err)
{
	for (size_t i = 0; i < e->n; i++)
		if (same_id(e->sops[i]->id, sop_id)) {
			*out = e->sops[i];
			return 0;
		}
	for (size_t i = 0; i < e->nbad; i++)
		if (same_id(e->bad_ids[i], sop_id)) {
			if (err && err->code == 0)
				*err = e->bad_errs[i];
			return e->bad_errs[i].code;
		}
	struct mutu_err e2;
	mutu_err_clear(&e2);
	struct sop_model *m = NULL;
	struct cal *c = NULL;
	int rc = env_resolve(e, sop_id, &m, &c, &e2);
	struct sla_sop *s = NULL;
	if (rc == 0) {
		s = mutu_calloc(1, sizeof *s);
		rc = sla_sop_init(s, m, c, &e->o, &e2);
		s->borrowed = 1; /* the registry and the env own model and calendar */
		if (rc != 0) {
			sla_sop_release(s);
			free(s);
			s = NULL;
		}
	}
	if (rc != 0) {
		e->bad_ids = mutu_realloc(e->bad_ids, (e->nbad + 1) * sizeof *e->bad_ids);
		e->bad_errs = mutu_realloc(e->bad_errs, (e->nbad + 1) * sizeof *e->bad_errs);
		e->bad_ids[e->nbad] = mutu_strdup(sop_id);
		e->bad_errs[e->nbad] = e2;
		e->nbad++;
		if (err && err->code == 0)
			*err = e2;
		return rc;
	}
	if (e->n == e->cap) {
		e->cap = e->cap ? 2 * e->cap : 8;
		e->sops = mutu_realloc(e->sops, e->cap * sizeof *e->sops);
	}
	e->sops[e->n++] = s;
	*out = s;
	return 0;
}

const struct sla_opts *sla_env_opts(const struct sla_env *e)
{
	return &e->o;
}

size_t sla_env_count(const struct sla_env *e)
{
	return e->n;
}

const struct sla_sop *sla_env_at(const struct sla_env *e, size_t i)
{
	return i < e->n ? e->sops[i] : NULL;
}

/* ---- one case ---- */

static double ev_key(const struct sla_event *e)
{
	return isnan(e->start) ? e->end : e->start;
}

static int ev_cmp(const void *pa, const void *pb)
{
	const struct sla_event *a = pa, *b = pb;
	double ka = ev_key(a), kb = ev_key(b);
	/* an event with neither stamp sorts last */
	if (isnan(ka) != isnan(kb))
		return isnan(ka) ? 1 : -1;
	if (!isnan(ka) && ka != kb)
		return ka < kb ? -1 : 1;
	if (isnan(a->end) != isnan(b->end))
		return isnan(a->end) ? 1 : -1; /* open steps last */
	if (!isnan(a->end) && a->end != b->end)
		return a->end < b->end ? -1 : 1;
	/* equal stamps: the log's own order when it wrote one (Celonis
	 * _SORTING), else the file's (the id) */
	if (a->sorting != b->sorting)
		return a->sorting < b->sorting ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

/*
 * The BPAF lifecycle model (IEEE 1849's second model, lifecycle:model
 * "bpaf"): lifecycle:transition holds the state entered, a dotted path.
 * Open.Running (InProgress) is a start, Closed.Completed (Success,
 * Failed) and Closed a completion, Closed.Cancelled.* an execution ended
 * without completing (as ate_abort), every other Open state (NotRunning:
 * Ready, Assigned, Reserved, Suspended; Running.Suspended) a moment before
 * or inside an execution (a mark).  A state is matched with the names
 * under it ("Closed.Completed" covers "Closed.Completed.Success").
 * Returns -1 when t is no BPAF state.
 */
static int bpaf_kind(const char *t, size_t n)
{
	static const struct {
		const char *state;
		int kind;
	} m[] = {
		{"Open.Running.Suspended", SLA_LC_MARK},  {"Open.Running", SLA_LC_START},
		{"Open", SLA_LC_MARK},                    {"Closed.Cancelled", SLA_LC_ABORT},
		{"Closed.Completed", SLA_LC_COMPLETE},    {"Closed", SLA_LC_COMPLETE},
	};
	for (size_t i = 0; i < sizeof m / sizeof *m; i++) {
		size_t k = strlen(m[i].state);
		if (n >= k && mutu_strncasecmp(t, m[i].state, k) == 0 && (n == k || t[k] == '.'))
			return m[i].kind;
	}
	return -1;
}

int sla_lifecycle_kind(const char *t)
{
	if (!t)
		return SLA_LC_OTHER;
	while (*t == ' ')
		t++;
	size_t n = strlen(t);
	while (n && t[n - 1] == ' ')
		n--;
	/* and an Indonesian system's status words, as a log in Bahasa writes
	 * its transitions (field round 8; before, "Mulai" and "Selesai" rows
	 * were each a completion: every step twice, flagged ULANG) */
	static const char *const starts[] = {"start", "begin", "started", "mulai", "dimulai"};
	static const char *const ends[] = {"complete", "completed", "end", "ended", "selesai", "diselesaikan"};
	if (mutu_word_among(t, n, starts, sizeof starts / sizeof *starts))
		return SLA_LC_START;
	if (mutu_word_among(t, n, ends, sizeof ends / sizeof *ends))
		return SLA_LC_COMPLETE;
	static const char *const marks[] = {"schedule", "assign", "reassign", "suspend", "resume"};
	if (mutu_word_among(t, n, marks, sizeof marks / sizeof *marks))
		return SLA_LC_MARK;
	static const char *const aborts[] = {"ate_abort", "withdraw"};
	if (mutu_word_among(t, n, aborts, sizeof aborts / sizeof *aborts))
		return SLA_LC_ABORT;
	if (n == 8 && mutu_strncasecmp(t, "pi_abort", n) == 0)
		return SLA_LC_PI_ABORT;
	static const char *const skips[] = {"manualskip", "autoskip"};
	if (mutu_word_among(t, n, skips, sizeof skips / sizeof *skips))
		return SLA_LC_SKIP;
	int b = bpaf_kind(t, n);
	return b >= 0 ? b : SLA_LC_OTHER;
}

static int is_start_row(const struct sla_event *e)
{
	return e->lifecycle == SLA_LC_START && !isnan(e->start) && isnan(e->end);
}

static int is_complete_row(const struct sla_event *e)
{
	return e->lifecycle == SLA_LC_COMPLETE && isnan(e->start) && !isnan(e->end);
}

/* an ate_abort / withdraw row: one stamp, the instant it ended */
static int is_abort_row(const struct sla_event *e)
{
	return e->lifecycle == SLA_LC_ABORT && isnan(e->start) && !isnan(e->end);
}

static int same_text(const char *a, const char *b)
{
	return a && b ? strcmp(a, b) == 0 : a == b;
}

/* Drop the schedule/assign/suspend/resume rows (SLA_LC_MARK) of an
 * activity that has a start or complete row: each would otherwise be a
 * step of its own (an open one for a start-only schedule row, keeping a
 * finished case open; a 0-minute repeat for a suspend).  The execution is
 * start to complete, suspensions included.  An activity with marks only
 * (scheduled, never started) keeps them: the case waits on it.  Skip rows
 * (SLA_LC_SKIP) go, with the marks of their activity: in IEEE 1849's
 * lifecycle a skip closes an activity that never ran. */
static size_t drop_marks(struct sla_event *ev, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		int drop = ev[i].lifecycle == SLA_LC_SKIP;
		if (ev[i].lifecycle == SLA_LC_MARK)
			for (size_t j = 0; j < n && !drop; j++)
				drop = (ev[j].lifecycle == SLA_LC_START || ev[j].lifecycle == SLA_LC_COMPLETE ||
					ev[j].lifecycle == SLA_LC_ABORT || ev[j].lifecycle == SLA_LC_SKIP) &&
				       same_text(ev[j].activity, ev[i].activity);
		if (!drop)
			ev[k++] = ev[i];
	}
	return k;
}

/* A start row that resumes an execution: BPAF writes the state entered,
 * so a resumed execution writes Open.Running.InProgress again after its
 * Open.Running.Suspended.  Such a row (a start of an activity whose
 * earlier start of the same actor and instance is still open, with a
 * mark of the activity between the two) is dropped before pairing: the
 * execution runs from its first start, suspensions included, as for
 * IEEE 1849's standard suspend/resume.  Before, the first start was
 * paired and the resumed one left open, keeping a finished case open. */
static size_t drop_resumes(struct sla_event *ev, size_t n)
{
	size_t nmark = 0;
	for (size_t i = 0; i < n; i++)
		nmark += (size_t)(ev[i].lifecycle == SLA_LC_MARK);
	if (nmark == 0)
		return n; /* the usual case: nothing to resume */
	sla_events_sort(ev, n);
	unsigned char *gone = NULL;
	for (size_t i = 0; i < n; i++) {
		if (!is_start_row(&ev[i]))
			continue;
		int open = 0, mark = 0;
		for (size_t j = 0; j < i; j++) {
			const struct sla_event *b = &ev[j];
			if (!same_text(b->activity, ev[i].activity) || (gone && gone[j]))
				continue;
			/* this execution's own rows: its actor and instance (another
			 * officer's start or completion beside it changes nothing) */
			int own = same_text(b->actor, ev[i].actor) && same_text(b->instance, ev[i].instance);
			if (own && is_start_row(b))
				open = 1, mark = 0;
			else if (own && (b->lifecycle == SLA_LC_COMPLETE || b->lifecycle == SLA_LC_ABORT))
				open = 0, mark = 0;
			else if (b->lifecycle == SLA_LC_MARK && open)
				mark = 1;
		}
		if (open && mark) {
			if (!gone)
				gone = mutu_calloc(n, 1);
			gone[i] = 1;
		}
	}
	if (!gone)
		return n;
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (!gone[i])
			ev[k++] = ev[i];
	free(gone);
	return k;
}

/*
 * An open step seen again once it ended: an office exports its log month
 * by month (SiCANTIK's step table: one row per step, the end date empty
 * while the step runs), so a step still running at one export is a row
 * with a start and no end, and in the next export the same row with its
 * end.  The first is no execution of its own: a row with a start and no
 * end is dropped when a row of the same activity, actor and instance has
 * the same start and an end.  Before (field round 8) both stayed: the
 * step twice, the open one flagged ULANG (rework) and shown "terbuka" in
 * a finished case.  Rows of one stamp (a lifecycle start, a completion)
 * never match: only a row that holds both stamps closes one.
 */
static size_t drop_seen_open(struct sla_event *ev, size_t n)
{
	size_t nopen = 0;
	for (size_t i = 0; i < n; i++)
		nopen += (size_t)(!isnan(ev[i].start) && isnan(ev[i].end));
	if (nopen == 0)
		return n; /* the usual case */
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		int seen = 0;
		if (!isnan(ev[i].start) && isnan(ev[i].end) && ev[i].lifecycle != SLA_LC_MARK)
			for (size_t j = 0; j < n && !seen; j++)
				seen = j != i && !isnan(ev[j].end) && ev[j].start == ev[i].start &&
				       same_text(ev[j].activity, ev[i].activity) &&
				       same_text(ev[j].actor, ev[i].actor) &&
				       same_text(ev[j].instance, ev[i].instance);
		if (!seen)
			ev[k++] = ev[i];
	}
	return k;
}

/* Was row x written before the case's cancellation a (a pi_abort row)?
 * By stamp, and at a stamp equal to the cancellation's by the log's
 * sorting column (Celonis _SORTING): a start that the sorting puts after
 * the cancel began after it (the berkas reopened in the same minute).
 * Without a sorting value on both (equal: NULL reads 0) a row of the
 * cancel's own stamp is before it, as before field round 12. */
static int before_cancel(const struct sla_event *x, const struct sla_event *a)
{
	double t = ev_key(x);
	return t < a->end || (t == a->end && !(x->sorting > a->sorting));
}

/* Was row x (a completion, or any row by its last stamp) written after
 * the cancellation a?  At the cancel's own stamp only when the sorting
 * says so: without it a completion of that second closes its execution
 * as it always did (the Kadis' rejection and the cancel in one minute). */
static int after_cancel(const struct sla_event *x, const struct sla_event *a)
{
	double t = isnan(x->end) ? x->start : x->end;
	return t > a->end || (t == a->end && x->sorting > a->sorting);
}

size_t sla_events_pair(struct sla_event *ev, size_t n)
{
	n = drop_seen_open(ev, n);
	n = drop_resumes(ev, n);
	n = drop_marks(ev, n);
	size_t nstart = 0, nabort = 0;
	for (size_t i = 0; i < n; i++) {
		nstart += (size_t)is_start_row(&ev[i]);
		nabort += (size_t)(ev[i].lifecycle == SLA_LC_ABORT || ev[i].lifecycle == SLA_LC_PI_ABORT);
	}
	sla_events_sort(ev, n);
	if (nstart == 0 && nabort == 0)
		return n;
	/* sorted: complete rows come in the order of their end, so the
	 * earliest completion takes the earliest start (FIFO) -- of the same
	 * actor when one of the open starts is the completing actor's: two
	 * officers working the same activity at once (ani starts 08:00, budi
	 * 08:10 and finishes 08:20, ani 09:00) each finish their own start */
	unsigned char *gone = mutu_calloc(n, 1);
	/* ate_abort / withdraw rows close a start in the same pass and order
	 * as complete rows (start 08:00, abort 08:20, start 09:00, complete
	 * 09:30: the complete takes the 09:00 start); the pair is no step
	 * execution, so both go.  An abort with no open start goes alone. */
	for (size_t i = 0; i < n; i++) {
		struct sla_event *e = &ev[i];
		int abort = is_abort_row(e);
		if (abort && nstart == 0)
			gone[i] = 1;
		if (!(is_complete_row(e) || abort) || nstart == 0)
			continue;
		size_t best = SIZE_MAX;
		int best_same = 0;
		for (size_t j = 0; j < n; j++) {
			const struct sla_event *b = &ev[j];
			if (gone[j] || !is_start_row(b) || b->start > e->end || !same_text(b->activity, e->activity))
				continue;
			/* a start of the completion's own second that the log's
			 * sorting column puts after it (Celonis _SORTING) began
			 * after it: budi starts at 09:00; ani closes his task at
			 * 10:00 (40) and opens her own at 10:00 (50).  Before,
			 * ani's close took ani's 10:00 start (0 min, the actor
			 * matched) and budi's start went to ani's next close.
			 * Without a sorting value on both (equal: NULL reads 0)
			 * the file's order is not trusted here, as before: a
			 * newest-first export lists a 0-minute execution's
			 * complete above its start. */
			if (b->start == e->end && b->sorting > e->sorting)
				continue;
			/* a start the case's cancellation ended is no start of a
			 * completion after it: budi starts 09:00, the case is
			 * cancelled 10:00 and reopened, ani starts 10:00 (after
			 * the cancel by _SORTING), the system closes the task
			 * (no actor) two days later.  Before field round 12 the
			 * close took budi's 09:00 start (FIFO), through the
			 * cancellation, and the cancel then removed ani's. */
			int ended = 0;
			for (size_t a = 0; a < n && !ended; a++)
				ended = ev[a].lifecycle == SLA_LC_PI_ABORT && !isnan(ev[a].end) &&
					before_cancel(b, &ev[a]) && after_cancel(e, &ev[a]);
			if (ended)
				continue;
			/* an instance id (bupaR activity_instance_id) names the one
			 * execution both rows belong to: the same id wins over the
			 * actor, and another id is another execution.  ani starts
			 * 08:00 (1) and 08:10 (2), completes 2 at 08:20: 10 min */
			int inst = e->instance && b->instance;
			if (inst && strcmp(b->instance, e->instance) != 0)
				continue;
			int same = 2 * inst + (e->actor && *e->actor && same_text(b->actor, e->actor));
			/* equal starts: the one first in the log's order (sorting,
			 * then the file's), as ev_cmp orders them */
			if (best == SIZE_MAX || same > best_same ||
			    (same == best_same && (b->start < ev[best].start ||
						   (b->start == ev[best].start && ev_cmp(b, &ev[best]) < 0)))) {
				best = j;
				best_same = same;
			}
		}
		if (abort) {
			gone[i] = 1;
			if (best != SIZE_MAX) {
				gone[best] = 1;
				nstart--;
			}
			continue;
		}
		if (best == SIZE_MAX)
			continue;
		e->start = ev[best].start;
		e->start_off = ev[best].start_off;
		if (!e->actor || !*e->actor)
			e->actor = ev[best].actor;
		if (e->step == 0)
			e->step = ev[best].step;
		gone[best] = 1;
		nstart--;
	}
	/* pi_abort: the case was cancelled; each start or mark row still open
	 * at its instant (before_cancel: the sorting decides at its own
	 * stamp) ends there, without completing: removed.  A case the log
	 * goes on with after the cancel was reopened: the cancel row is then
	 * no step execution either (before field round 12 it stood as a
	 * 0-minute execution of its activity, flagged rework); a cancel that
	 * is the case's last row stays, the instant the case ended. */
	for (size_t i = 0; i < n; i++) {
		if (ev[i].lifecycle != SLA_LC_PI_ABORT || isnan(ev[i].end))
			continue;
		int later = 0;
		for (size_t j = 0; j < n; j++) {
			if (gone[j] || j == i)
				continue;
			if ((is_start_row(&ev[j]) || ev[j].lifecycle == SLA_LC_MARK) &&
			    before_cancel(&ev[j], &ev[i]))
				gone[j] = 1;
			else if (ev[j].lifecycle != SLA_LC_PI_ABORT && after_cancel(&ev[j], &ev[i]))
				later = 1;
		}
		if (later)
			gone[i] = 1;
	}
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (!gone[i])
			ev[k++] = ev[i];
	free(gone);
	sla_events_sort(ev, k);
	return k;
}

void sla_events_sort(struct sla_event *ev, size_t n)
{
	/* most cases arrive already in order: check before sorting */
	for (size_t i = 1; i < n; i++)
		if (ev_cmp(&ev[i - 1], &ev[i]) > 0) {
			qsort(ev, n, sizeof *ev, ev_cmp);
			return;
		}
}

static struct sla_finding *add_finding(struct sla_case *c, unsigned flag, int step, long ev)
{
	if (c->nfindings == c->capfindings) {
		c->capfindings = c->capfindings ? 2 * c->capfindings : 8;
		c->findings = mutu_realloc(c->findings, c->capfindings * sizeof *c->findings);
	}
	struct sla_finding *f = &c->findings[c->nfindings++];
	memset(f, 0, sizeof *f);
	f->flag = flag;
	f->step = step;
	f->ev = ev;
	f->actual_s = NAN;
	f->std_s = NAN;
	c->flags |= flag;
	return f;
}

static int between(const struct sla_sop *s, const struct sla_case *c, double a, double b,
		   double *out, struct mutu_err *err)
{
	struct mutu_err e2;
	mutu_err_clear(&e2);
	if (cal_between(s->cal, a, b, out, &e2) != 0) {
		char ta[40], tb[40];
		cal_format_iso(a, 0, ta, sizeof ta);
		cal_format_iso(b, 0, tb, sizeof tb);
		return mutu_errf(err, e2.code ? e2.code : MUTU_ERANGE,
				 "case '%s': cannot measure %s .. %s in calendar '%s': %s",
				 c->key ? c->key : "?", ta, tb, cal_name(s->cal), e2.msg);
	}
	return 0;
}

/* A keyword search, ASCII case-insensitive. */
static int has_word(const char *text, const char *word)
{
	if (!text)
		return 0;
	size_t n = strlen(word);
	for (const char *p = text; *p; p++)
		if (mutu_strncasecmp(p, word, n) == 0)
			return 1;
	return 0;
}

/* A step where the berkas is checked (and could be sent back). */
static int is_check_step(const struct sop_step *st)
{
	return st->reject_to > 0 || has_word(st->activity, "periksa") ||
	       has_word(st->activity, "verifikasi") || has_word(st->activity, "verify") ||
	       has_word(st->activity, "check");
}

/* A step where the decision is approved or signed. */
static int is_approve_step(const struct sop_step *st)
{
	return has_word(st->activity, "persetujuan") || has_word(st->activity, "menyetujui") ||
	       has_word(st->activity, "tanda tangan") || has_word(st->activity, "menandatangani") ||
	       has_word(st->activity, "menetapkan") || has_word(st->activity, "approve") ||
	       has_word(st->activity, "sign");
}

/*
 * sla_case_compute in stages.  Each stage reads what the ones before it
 * set in c and fills its own fields; the domain rule each one applies is
 * written above it (the why; the what is include/mutu/sla.h).
 */

/* First instant of the case (its arrival) and its last completion. */
static double case_span(struct sla_case *c)
{
	double last = NAN;
	for (size_t i = 0; i < c->nev; i++) {
		const struct sla_event *e = &c->ev[i];
		double k = ev_key(e);
		if (!isnan(k) && (isnan(c->arrival) || k < c->arrival))
			c->arrival = k;
		double end = isnan(e->end) ? k : e->end;
		if (!isnan(end) && (isnan(last) || end > last))
			last = end;
	}
	return last;
}

/*
 * Step times in working time.  A log with start and end stamps gives the
 * step's own work (and the wait before it, from the latest completion
 * before); a log of completions only gives the time since the previous
 * completion (from_prev), which is work and queue together: the only
 * honest reading of such a log.  Parallel steps overlap: their work is
 * never negative.  Excess is work above the step's waktu.
 */
static int stage_step_times(const struct sla_sop *s, struct sla_case *c, struct mutu_err *err)
{
	const struct sop_model *m = s->model;
	double prev_end = NAN; /* the latest completion before the event */
	int max_step = 0;
	int sent_back = 0; /* the check (step) that may have sent the berkas back to
			    * the applicant, before acceptance, with no Pemohon step since */
	for (size_t i = 0; i < c->nev; i++) {
		const struct sla_event *e = &c->ev[i];
		struct sla_step_time *t = &c->st[i];
		t->from = t->to = t->work_s = NAN;
		t->wait_s = 0;
		/* a return to the Pemohon is the applicant's time, before or
		 * after acceptance: no waktu judges it (domain.md) */
		t->returned = m && back_to_applicant(s, e, max_step);
		t->std_s = m && !t->returned ? sla_step_std(s, e->step) : NAN;
		/* the applicant collecting the SK after the office's last step:
		 * its time is the applicant's, shown against its waktu but never
		 * the office's excess (findings_steps flags it APPLICANT_LATE) */
		t->applicant_after = m && !t->returned && e->step > s->end_step && e->step <= s->last_step;
		/* the same check again before acceptance, no Pemohon step
		 * between: the first one sent the berkas back (stage_clock_start
		 * reads it so), and a log without the applicant's rows does not
		 * say when it came back */
		t->recheck = sent_back > 0 && e->step == sent_back;
		if (e->step > max_step)
			max_step = e->step;
		if (m && e->step > 0 && e->step != sent_back) {
			int before = e->step <= s->clock_start_step && max_step <= s->clock_start_step;
			sent_back = before && sends_to_applicant(s, e->step) ? e->step : 0;
		}
		t->actor_key = e->actor;
		if (e->actor && *e->actor) {
			const char *title = NULL;
			if (actor_lookup(s, e->actor, &title))
				t->actor_key = title;
		}
		if (isnan(e->end))
			continue; /* an open step has no time yet */
		if (!isnan(e->start)) {
			t->from = e->start;
			t->to = e->end;
			if (!isnan(prev_end) && e->start > prev_end &&
			    between(s, c, prev_end, e->start, &t->wait_s, err))
				return err ? err->code : MUTU_ERANGE;
		} else if (!isnan(prev_end) && !t->recheck) {
			/* (a recheck's time since the rejection is mostly the
			 * applicant's: with completions only it has no measure) */
			t->from = prev_end;
			t->to = e->end;
			t->from_prev = 1;
		}
		if (!isnan(t->from) && between(s, c, t->from, t->to, &t->work_s, err))
			return err ? err->code : MUTU_ERANGE;
		if (!isnan(t->work_s) && t->work_s < 0)
			t->work_s = 0; /* overlapping parallel steps */
		if (!isnan(t->work_s) && !isnan(t->std_s) && t->work_s > t->std_s && !t->applicant_after)
			t->excess_s = t->work_s - t->std_s;
		if (isnan(prev_end) || e->end > prev_end)
			prev_end = e->end;
	}
	return 0;
}

double sla_events_accepted(const struct sla_event *ev, size_t nev, int cs, double arrival)
{
	if (cs <= 0)
		return arrival;
	double last_cs = NAN, before_fwd = NAN;
	for (size_t i = 0; i < nev; i++) {
		const struct sla_event *e = &ev[i];
		if (e->step == cs && !isnan(e->end)) {
			last_cs = e->end;
		} else if (e->step > cs) {
			/* the case moved past the check: accepted at the last check */
			return !isnan(last_cs) ? last_cs : (!isnan(before_fwd) ? before_fwd : arrival);
		}
		if (!isnan(e->end))
			before_fwd = e->end;
	}
	return NAN;
}

/*
 * When the clock starts (c->accepted).  The SLA runs from the moment the
 * office accepts the berkas as complete, not from when the applicant
 * first turned up: the end of the clock-start step (the front office's
 * check, or [sla] clock_start, or --clock-start).  Without a model, or
 * with clock_start = first, the first event starts it.  A berkas that
 * keeps coming back is accepted at its last check before the case moved
 * on; one still at the check, or back with the applicant, is not
 * accepted yet (NAN).
 */
static void stage_clock_start(const struct sla_sop *s, struct sla_case *c)
{
	const struct sop_model *m = s->model;
	const struct sla_event *ev = c->ev;
	if (!m || s->clock_start_step == 0) {
		c->accepted = c->arrival;
		return;
	}
	int cs = s->clock_start_step;
	c->accepted = sla_events_accepted(ev, c->nev, cs, c->arrival);
	if (!isnan(c->accepted))
		return;
	double last_cs = NAN;
	size_t i_cs = 0;
	for (size_t i = 0; i < c->nev; i++)
		if (ev[i].step == cs && !isnan(ev[i].end)) {
			last_cs = ev[i].end;
			i_cs = i;
		}
	/* The check done and no later step yet.  A check ends either by
	 * forwarding the file (accepted) or by sending it back; logs that
	 * record only completions show nothing while the file sits in
	 * the next, long step, and show a rejection only as a later
	 * Pemohon step or a repeat of an earlier step.  So the end of
	 * the check is the acceptance unless such an event follows it
	 * (then the file is with the applicant: not accepted yet).  An
	 * SOP that ends with the check is accepted (and done) there. */
	if (isnan(last_cs))
		return;
	int back = 0;
	for (size_t j = i_cs + 1; j < c->nev && !back && cs != s->end_step; j++) {
		const struct sla_event *e = &ev[j];
		const struct sop_step *st = e->step > 0 ? sop_model_step(m, e->step) : NULL;
		if (st && (e->step < cs || step_is_pemohon(s, st)))
			back = 1;
	}
	if (!back)
		c->accepted = last_cs;
}

/* Is event j a return, the berkas sent back before the office's end step
 * (end_step) after a completion of it: the applicant's step done again
 * after a later step (back_to_applicant's reading, by the model's role),
 * or an office step before the end step that the case had done before
 * (a correction round).  A first execution of a step the log had skipped
 * (a late-recorded row, URUTAN) is not one. */
static int event_returns(const struct sop_model *m, int end_step, const struct sla_event *ev, size_t j,
			 int max_step)
{
	int step = ev[j].step;
	if (step <= 0 || step >= end_step)
		return 0;
	const struct sop_step *st = m ? sop_model_step(m, step) : NULL;
	if (st && step < max_step && is_pemohon(sop_step_role(st)))
		return 1;
	for (size_t k = 0; k < j; k++)
		if (ev[k].step == step)
			return 1;
	return 0;
}

double sla_events_done(const struct sop_model *m, int end_step, const struct sla_event *ev, size_t nev,
		       double accepted, int *seen_end)
{
	double done = NAN;
	int max_step = 0, seen = 0, collected = 0;
	for (size_t j = 0; j < nev; j++) {
		const struct sla_event *e = &ev[j];
		if (collected)
			break; /* the SK handed over: later rows are another matter */
		if (!isnan(done) && e->step > end_step && !isnan(e->end)) {
			/* a step after the office's last one done (the applicant
			 * collected the SK): the izin was issued, the berkas has
			 * left the office as in the simulator, and nothing after
			 * it reopens the clock */
			collected = 1;
		} else if (!isnan(done) && event_returns(m, end_step, ev, j, max_step)) {
			done = NAN; /* that completion sent the berkas back */
		} else if (e->step == end_step && !isnan(e->end) && !(e->end < accepted)) {
			/* the end step done again with no return between (the
			 * check at the end sent it back and the log has no row
			 * for the applicant, or a signing corrected): the
			 * latest completion is the one that stood */
			seen = 1;
			if (isnan(done) || e->end > done)
				done = e->end;
		}
		if (e->step > max_step)
			max_step = e->step;
	}
	if (seen_end)
		*seen_end = seen;
	return done;
}

/*
 * When the clock stops (c->done).  With a model: the latest completion,
 * after acceptance, of the office's last step (s->end_step: the SK
 * signed; a Pemohon step after it, the applicant collecting the SK, is
 * the applicant's time and does not move the end: a berkas collected a
 * week late was not late by the office, and one signed and never
 * collected is finished, not open) that no return follows before the
 * collection (sla_events_done: the applicant's step again, or a step
 * before it done again; after the applicant has collected the SK the
 * izin was issued and later rows reopen nothing).  A completion followed by a return sent the berkas back: the
 * SK was not issued, and the standard's "sampai selesai" is the izin
 * done, so the clock runs on (paused while the berkas is with the
 * applicant) to its completion after the last return; the
 * simulator stops it only on a completion that does not send the file
 * back (sim.c clock_stop_k) and the backtest reads the log by this same
 * function.  Before, the first completion stopped it even when the
 * berkas came back for correction.  An end step done before acceptance
 * belongs to an earlier round and does not finish the case.  A log that
 * has the collection but no completion of the end step (the signing row
 * not logged) is finished all the same, the applicant had the SK: the
 * office's work ended at its latest completion (of a step not the
 * applicant's) between acceptance and the first collection, or at the
 * collection when there is none.  Without a model the SOP's end is
 * unknown: the case is done at its last completion once no step is left
 * open.
 */
static void stage_clock_end(const struct sla_sop *s, struct sla_case *c, double last)
{
	const struct sla_event *ev = c->ev;
	if (!s->model) {
		int open = 0;
		for (size_t i = 0; i < c->nev; i++)
			if (isnan(ev[i].end))
				open = 1;
		if (!open)
			c->done = last;
	} else if (!isnan(c->accepted)) {
		double collect = NAN;
		int seen_end = 0;
		c->done = sla_events_done(s->model, s->end_step, ev, c->nev, c->accepted, &seen_end);
		for (size_t i = 0; i < c->nev && !seen_end; i++) {
			if (isnan(ev[i].end) || ev[i].end < c->accepted)
				continue;
			if (c->st[i].applicant_after && (isnan(collect) || ev[i].end < collect))
				collect = ev[i].end;
		}
		if (isnan(c->done) && !isnan(collect)) {
			double office = NAN;
			for (size_t i = 0; i < c->nev; i++) {
				const struct sop_step *st = ev[i].step > 0 ? sop_model_step(s->model, ev[i].step) : NULL;
				double e = ev[i].end;
				if (st && !step_is_pemohon(s, st) && !isnan(e) && e >= c->accepted && e <= collect &&
				    (isnan(office) || e > office))
					office = e;
			}
			c->done = !isnan(office) ? office : collect;
		}
	}
	c->finished = !isnan(c->done);
}

/* One pause of the clock, from .. to (INFINITY: still running), w of
 * working time counted in paused_s */
static void add_pause(struct sla_case *c, double from, double to, double w)
{
	c->pauses = mutu_realloc(c->pauses, (c->npauses + 1) * sizeof *c->pauses);
	c->pauses[c->npauses].from = from;
	c->pauses[c->npauses].to = to;
	c->npauses++;
	c->paused_s += w;
}

/*
 * Applicant time is not the office's time (domain.md): while the berkas
 * is back with the applicant for completion the clock stops.  A pause is
 * a Pemohon step the case went back to after acceptance: the file was at
 * the applicant from the previous completion (the rejection) to this
 * step's completion (the resubmission), cut to the clock's span.
 */
static int stage_pauses(const struct sla_sop *s, struct sla_case *c, struct mutu_err *err)
{
	const struct sop_model *m = s->model;
	if (!m || isnan(c->accepted))
		return 0;
	int max_step = 0;
	double prev_end = NAN;
	for (size_t i = 0; i < c->nev; i++) {
		const struct sla_event *e = &c->ev[i];
		if (back_to_applicant(s, e, max_step) && !isnan(e->end) && !isnan(prev_end) && e->end > c->accepted &&
		    (isnan(c->done) || prev_end < c->done)) {
			double a = prev_end > c->accepted ? prev_end : c->accepted;
			double b = (!isnan(c->done) && e->end > c->done) ? c->done : e->end;
			double w = 0;
			if (between(s, c, a, b, &w, err))
				return err ? err->code : MUTU_ERANGE;
			add_pause(c, a, b, w);
			c->st[i].paused = 1;
			struct sla_finding *f = add_finding(c, SLA_F_PAUSED, e->step, (long)i);
			f->actual_s = w;
		} else if (back_to_applicant(s, e, max_step) && isnan(e->end) && i + 1 == c->nev && isnan(c->done) &&
			   !isnan(prev_end) && !isnan(e->start)) {
			/* the case's latest event: the berkas is with the applicant
			 * now (melengkapi berkas, not yet resubmitted).  The clock
			 * stays stopped until the resubmission: an open pause, cut
			 * at the instant asked (sla_case_age, sla_case_past), and
			 * counted in paused_s up to the case's last stamp (its
			 * start), as the open case's work_s runs to it.  Before, an
			 * open return counted no pause: a forecast or a month's
			 * open-case age ran the applicant's days on the office's
			 * clock (tests/cli/test_field_fc.sh, P-001). */
			double a = prev_end > c->accepted ? prev_end : c->accepted;
			double w = 0;
			if (e->start > a && between(s, c, a, e->start, &w, err))
				return err ? err->code : MUTU_ERANGE;
			add_pause(c, a, INFINITY, w);
		}
		if (e->step > max_step)
			max_step = e->step;
		if (!isnan(e->end) && (isnan(prev_end) || e->end > prev_end))
			prev_end = e->end;
	}
	return 0;
}

/*
 * The returns before acceptance (the berkas incomplete at the front office
 * and handed back): each returned Pemohon step and each recheck up to the
 * clock start, or all of them while the case is not accepted.  The
 * applicant's time in one is rejection to resubmission, what the step's
 * measure and the wait before it span (stage_step_times); a recheck has
 * no such span, so the case's total is unknown then.  Not the office's
 * time: the clock had not started.
 */
static void stage_returns(struct sla_case *c)
{
	double sum = 0;
	int unknown = 0;
	for (size_t i = 0; i < c->nev; i++) {
		const struct sla_step_time *t = &c->st[i];
		double end = c->ev[i].end;
		if (!(t->returned || t->recheck) || (!isnan(c->accepted) && !(end <= c->accepted)))
			continue;
		c->returns_pre++;
		if (t->recheck || isnan(t->work_s))
			unknown = 1;
		else
			sum += t->work_s + t->wait_s;
	}
	c->returns_pre_s = c->returns_pre && !unknown ? sum : NAN;
}

/*
 * The case's durations: working time on the clock (acceptance to done,
 * or to the last event of an open case) less the pauses; calendar time
 * over the same span; and the time before acceptance (pre_s), which the
 * SLA does not count but a manager wants to see.  Also which events ran
 * on the clock (a paused one did not).
 */
static int stage_durations(const struct sla_sop *s, struct sla_case *c, double last,
			   struct mutu_err *err)
{
	for (size_t i = 0; i < c->nev; i++) {
		struct sla_step_time *t = &c->st[i];
		double e = c->ev[i].end;
		t->in_clock = !isnan(c->accepted) && !isnan(e) && e > c->accepted &&
			      (isnan(c->done) || e <= c->done) && !t->paused && !t->applicant_after;
	}
	if (isnan(c->accepted))
		return 0;
	double end = c->finished ? c->done : last;
	if (end < c->accepted)
		end = c->accepted;
	if (between(s, c, c->accepted, end, &c->work_s, err))
		return err ? err->code : MUTU_ERANGE;
	c->work_s -= c->paused_s;
	if (c->work_s < 0)
		c->work_s = 0;
	c->calendar_s = end - c->accepted;
	if (between(s, c, c->arrival, c->accepted, &c->pre_s, err))
		return err ? err->code : MUTU_ERANGE;
	return 0;
}

/*
 * The verdict against the SOP's ceiling: the deadline is the ceiling
 * added to the acceptance in working time (under the calendar's reading
 * of "N Hari"), then moved on by the paused time, because the applicant's
 * days are not the office's.  Both ceilings are kept (rounded "(5 Hari)"
 * and the exact sum of the steps); the option picks the one that judges.
 * A planned date (target) from the log is judged on its own.
 */
static int stage_verdict(const struct sla_sop *s, struct sla_case *c, double target,
			 struct mutu_err *err)
{
	if (s->model && s->has_ceiling && !isnan(c->accepted)) {
		struct dur rounded = dur_zero(), exact = s->exact;
		rounded.days = s->ceiling_days;
		rounded.rounded_days = -1;
		double d_r, d_e;
		struct mutu_err e2;
		mutu_err_clear(&e2);
		if (cal_deadline(s->cal, c->accepted, rounded, s->reading, &d_r, &e2) ||
		    cal_deadline(s->cal, c->accepted, exact, s->reading, &d_e, &e2))
			return mutu_errf(err, e2.code ? e2.code : MUTU_ERANGE,
					 "case '%s': deadline: %s", c->key ? c->key : "?", e2.msg);
		double base = s->ceiling == SLA_CEIL_EXACT ? d_e : d_r;
		c->deadline_base = base;
		if (c->paused_s > 0) {
			if (cal_add(s->cal, d_r, c->paused_s, &d_r, &e2) ||
			    cal_add(s->cal, d_e, c->paused_s, &d_e, &e2))
				return mutu_errf(err, e2.code ? e2.code : MUTU_ERANGE,
						 "case '%s': deadline: %s", c->key ? c->key : "?", e2.msg);
		}
		c->deadline = s->ceiling == SLA_CEIL_EXACT ? d_e : d_r;
		c->deadline_exact = d_e;
		if (c->finished) {
			/* late when working time passed after the deadline: a file
			 * closed after hours on its last day (16:01) or at the weekend
			 * took no more of the office's time than the ceiling (<=) */
			double ox = 0;
			if (c->done > c->deadline && between(s, c, c->deadline, c->done, &c->over_s, err))
				return err ? err->code : MUTU_ERANGE;
			if (c->done > d_e && between(s, c, d_e, c->done, &ox, err))
				return err ? err->code : MUTU_ERANGE;
			c->late = c->over_s > 0;
			c->late_exact = ox > 0;
		}
	}
	if (!isnan(target) && c->finished)
		c->late_target = c->done > target;
	return 0;
}

/* The event that made a late case late: the largest excess over its waktu
 * on the clock, else (start/end logs) the longest wait before a step;
 * without a model (no waktu) the longest step on the clock. */
static void stage_late_event(const struct sla_sop *s, struct sla_case *c)
{
	const struct sop_model *m = s->model;
	if (!(c->late || (!m && c->late_target)))
		return;
	double best = 0;
	for (size_t i = 0; i < c->nev; i++)
		if (c->st[i].in_clock && c->st[i].excess_s > best) {
			best = c->st[i].excess_s;
			c->late_ev = (long)i;
		}
	if (c->late_ev >= 0)
		return;
	for (size_t i = 0; i < c->nev; i++) {
		double w = !isnan(c->st[i].work_s) ? c->st[i].work_s : 0;
		if (!m && c->st[i].in_clock && w > best) {
			best = w;
			c->late_ev = (long)i;
		} else if (m && c->st[i].in_clock && c->st[i].wait_s > best) {
			best = c->st[i].wait_s;
			c->late_ev = (long)i;
		}
	}
}

/* Without a model only rework is visible: the same activity again. */
static void findings_no_model(struct sla_case *c)
{
	const struct sla_event *ev = c->ev;
	for (size_t i = 1; i < c->nev; i++)
		for (size_t j = 0; j < i; j++)
			if (ev[i].activity && ev[j].activity && strcmp(ev[i].activity, ev[j].activity) == 0) {
				c->st[i].flags |= SLA_F_REWORK;
				struct sla_finding *f = add_finding(c, SLA_F_REWORK, 0, (long)i);
				snprintf(f->detail, sizeof f->detail, "%s", ev[i].activity);
				break;
			}
}

/*
 * A collection after the office's end (a trailing Pemohon step) that came
 * after the case's deadline while the office was in time: the berkas
 * would have read late had the clock run to it, as it did before the
 * clock stopped at the office's last step.  Not every collection a
 * minute past its waktu (applicants come days after the signing as a
 * rule: that would flag nearly every case), and not a case the office
 * made late itself (its collection is past the deadline because the
 * signing was): only where the applicant's time, not the office's, put
 * the handover past the standard.
 */
static int applicant_past_deadline(const struct sla_sop *s, const struct sla_case *c, const struct sla_event *e)
{
	double w = 0;
	return c->finished && !c->late && !isnan(c->deadline) && !isnan(e->end) && e->end > c->deadline &&
	       cal_between(s->cal, c->deadline, e->end, &w, NULL) == 0 && w > 0;
}

/* The applicant's working time from the office's end to the collection
 * (the SK lay ready at the counter, then the handover). */
static double applicant_time(const struct sla_sop *s, const struct sla_case *c, const struct sla_event *e)
{
	double w = NAN;
	if (isnan(c->done) || isnan(e->end) || e->end < c->done || cal_between(s->cal, c->done, e->end, &w, NULL))
		return NAN;
	return w;
}

/*
 * Findings per event against the SOP: an activity the SOP does not have;
 * work over the step's waktu; a step done again (rework: the berkas came
 * back) or done after a later one (order); a pelaksana other than the
 * step's position.  Then the steps never done: in a finished case every
 * SOP step, in an open one those before the furthest step reached (the
 * rest may still come).
 */
static void findings_steps(const struct sla_sop *s, struct sla_case *c)
{
	const struct sop_model *m = s->model;
	int max_seen = 0;
	unsigned char *seen = mutu_calloc((size_t)s->last_step + 2, 1);
	for (size_t i = 0; i < c->nev; i++) {
		const struct sla_event *e = &c->ev[i];
		struct sla_step_time *t = &c->st[i];
		const struct sop_step *st = e->step > 0 ? sop_model_step(m, e->step) : NULL;
		if (!st || e->unknown) {
			t->flags |= SLA_F_UNKNOWN;
			struct sla_finding *f = add_finding(c, SLA_F_UNKNOWN, e->step, (long)i);
			snprintf(f->detail, sizeof f->detail, "%s", e->activity ? e->activity : "");
			if (!st)
				continue;
		}
		if (t->excess_s > 0) {
			t->flags |= SLA_F_OVER;
			struct sla_finding *f = add_finding(c, SLA_F_OVER, e->step, (long)i);
			f->actual_s = t->work_s;
			f->std_s = t->std_s;
		} else if (t->applicant_after && applicant_past_deadline(s, c, e)) {
			/* the applicant's delay: worth showing, not the office's */
			t->flags |= SLA_F_APPLICANT_LATE;
			c->applicant_late = 1;
			struct sla_finding *f = add_finding(c, SLA_F_APPLICANT_LATE, e->step, (long)i);
			f->actual_s = applicant_time(s, c, e);
			f->std_s = t->std_s;
		}
		if (e->step <= s->last_step && seen[e->step]) {
			t->flags |= SLA_F_REWORK;
			add_finding(c, SLA_F_REWORK, e->step, (long)i);
		} else if (e->step < max_seen) {
			t->flags |= SLA_F_ORDER;
			struct sla_finding *f = add_finding(c, SLA_F_ORDER, e->step, (long)i);
			snprintf(f->detail, sizeof f->detail, "%d", max_seen);
		}
		if (e->step <= s->last_step)
			seen[e->step] = 1;
		if (e->step > max_seen)
			max_seen = e->step;
		if (e->actor && *e->actor && strcmp(st->actor, "?") != 0) {
			const char *canon = sla_actor_canonical(s, e->actor);
			const char *want = s->step_actor ? s->step_actor[e->step] : st->actor;
			/* the one rule of "same pelaksana" (sop_actor_match, the
			 * importer's alias table): the generic form ("Kepala Bidang"
			 * of "Kepala Bidang Perizinan") and the post-2021 name of the
			 * same rung ("Koordinator Perizinan", domain.md) are the
			 * SOP's position, not another one */
			if (canon && sop_actor_match(canon, want) == SOP_MATCH_NONE) {
				t->flags |= SLA_F_ACTOR;
				struct sla_finding *f = add_finding(c, SLA_F_ACTOR, e->step, (long)i);
				snprintf(f->detail, sizeof f->detail, "%s|%s", canon, st->actor);
			}
		}
	}
	/* a finished case not yet collected misses no step: the collection
	 * (after end_step) may still come, and is the applicant's */
	int upto = c->finished ? (max_seen > s->end_step ? s->last_step : s->end_step) : max_seen;
	for (size_t k = 0; k < m->nsteps; k++) {
		int no = m->steps[k].no;
		if (no <= upto && !seen[no])
			add_finding(c, SLA_F_MISSING, no, -1);
	}
	free(seen);
}

/* An actor as the same-person check compares it: blanks around it left
 * out; the rest compared without case (sod_cmp_key); empty: nobody. */
static const char *actor_trim(const char *a, size_t *len)
{
	if (!a) {
		*len = 0;
		return "";
	}
	while (*a == ' ')
		a++;
	size_t n = strlen(a);
	while (n && a[n - 1] == ' ')
		n--;
	*len = n;
	return a;
}

/* An approving event: its actor (trimmed), step and index. */
struct sod_ev {
	const char *a;
	size_t la;
	int step;
	size_t j;
};

/* Actors case-insensitively (trimmed, as actor_trim gives them), then step,
 * then index: the first of a run of equal (actor, step) is its first event. */
static int sod_cmp_key(const char *a, size_t la, int step, const struct sod_ev *y)
{
	size_t n = la < y->la ? la : y->la;
	int c = mutu_strncasecmp(a, y->a, n);
	if (c)
		return c;
	if (la != y->la)
		return la < y->la ? -1 : 1;
	return (step > y->step) - (step < y->step);
}

static int sod_cmp(const void *x, const void *y)
{
	const struct sod_ev *p = x, *q = y;
	int c = sod_cmp_key(p->a, p->la, p->step, q);
	return c ? c : (p->j > q->j) - (p->j < q->j);
}

static int size_cmp(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	return (a > b) - (a < b);
}

/*
 * Segregation of duties: the same person checked the berkas and approved
 * or signed the decision.  One finding per approving step: the first
 * check event (in log order) whose actor also did that step, with the
 * first such approving event.
 *
 * Before (hardening round 2) every check event was compared with every
 * approving event and every finding so far, O(n^2 x findings): one case
 * of 10000 events took 215 s to audit and a case of a million events
 * (a log that reuses one id for everything, a looping export) never
 * finished, in audit, report and forecast alike.  Now the approving
 * events are sorted by (actor, step) once and each check event looks up
 * the approving steps still without a finding: O(n S log n), S the
 * approving steps of the SOP; the findings and their order are the same.
 */
static void findings_same_person(const struct sla_sop *s, struct sla_case *c)
{
	const struct sla_event *ev = c->ev;
	size_t napp = 0;
	struct sod_ev *app = mutu_calloc(c->nev ? c->nev : 1, sizeof *app);
	for (size_t j = 0; j < c->nev; j++) {
		int sj = ev[j].step;
		if (sj <= 0 || sj > s->last_step || !(s->step_kind[sj] & 2))
			continue;
		struct sod_ev *x = &app[napp];
		x->a = actor_trim(ev[j].actor, &x->la);
		if (!x->la)
			continue; /* no actor: never the same person */
		x->step = sj;
		x->j = j;
		napp++;
	}
	if (!napp) {
		free(app);
		return;
	}
	qsort(app, napp, sizeof *app, sod_cmp);
	/* the approving steps, each once; done[k]: it has its finding */
	int *steps = mutu_calloc(napp, sizeof *steps);
	char *done = mutu_calloc((size_t)s->last_step + 1, 1);
	size_t nsteps = 0, left;
	for (size_t k = 0; k < napp; k++)
		if (!done[app[k].step]) {
			done[app[k].step] = 1;
			steps[nsteps++] = app[k].step;
		}
	memset(done, 0, (size_t)s->last_step + 1);
	left = nsteps;
	size_t *hit = mutu_calloc(nsteps, sizeof *hit);
	for (size_t i = 0; i < c->nev && left; i++) {
		int si = ev[i].step;
		if (si <= 0 || si > s->last_step || !(s->step_kind[si] & 1))
			continue;
		size_t la;
		const char *a = actor_trim(ev[i].actor, &la);
		if (!la)
			continue;
		size_t nhit = 0;
		for (size_t k = 0; k < nsteps; k++) {
			int sj = steps[k];
			if (sj == si || done[sj])
				continue;
			/* the first approving event of (a, sj): lower bound */
			size_t lo = 0, hi = napp;
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;
				if (sod_cmp_key(a, la, sj, &app[mid]) > 0)
					lo = mid + 1;
				else
					hi = mid;
			}
			if (lo < napp && sod_cmp_key(a, la, sj, &app[lo]) == 0)
				hit[nhit++] = app[lo].j;
		}
		/* in the order the pairwise loop found them: by approving event */
		qsort(hit, nhit, sizeof *hit, size_cmp);
		for (size_t h = 0; h < nhit; h++) {
			size_t j = hit[h];
			done[ev[j].step] = 1;
			left--;
			c->st[j].flags |= SLA_F_SOD;
			struct sla_finding *f = add_finding(c, SLA_F_SOD, ev[j].step, (long)j);
			snprintf(f->detail, sizeof f->detail, "%s|%d", ev[j].actor, ev[i].step);
		}
	}
	free(hit);
	free(done);
	free(steps);
	free(app);
}

int sla_case_compute(const struct sla_sop *s, int64_t case_id, const char *key,
		     const struct sla_event *ev, size_t nev, double target,
		     struct sla_case *c, struct mutu_err *err)
{
	memset(c, 0, sizeof *c);
	c->case_id = case_id;
	c->key = key;
	c->sop = s;
	c->ev = ev;
	c->nev = nev;
	c->arrival = c->accepted = c->done = NAN;
	c->deadline = c->deadline_exact = c->deadline_base = NAN;
	c->as_of = NAN;
	c->target = target;
	c->late_ev = -1;
	c->work_s = c->paused_s = c->calendar_s = c->pre_s = 0;
	c->returns_pre_s = NAN;
	c->st = mutu_calloc(nev ? nev : 1, sizeof *c->st);

	double last = case_span(c);
	if (nev == 0 || isnan(c->arrival))
		return 0; /* nothing to measure: an empty case stays open, unaccepted */
	int rc = stage_step_times(s, c, err);
	if (rc)
		return rc;
	stage_clock_start(s, c);
	stage_returns(c);
	stage_clock_end(s, c, last);
	if ((rc = stage_pauses(s, c, err)) || (rc = stage_durations(s, c, last, err)) ||
	    (rc = stage_verdict(s, c, target, err)))
		return rc;
	stage_late_event(s, c);

	/* Findings. */
	if (c->late) {
		struct sla_finding *f = add_finding(c, SLA_F_LATE, 0, c->late_ev);
		f->actual_s = c->work_s;
		f->std_s = s->ceiling == SLA_CEIL_EXACT ? s->exact_s : s->rounded_s;
	} else if (!s->model && c->late_target) {
		add_finding(c, SLA_F_LATE, 0, c->late_ev);
	}
	if (!s->model) {
		findings_no_model(c);
		return 0;
	}
	findings_steps(s, c);
	findings_same_person(s, c);
	return 0;
}

void sla_case_release(struct sla_case *c)
{
	if (!c)
		return;
	free(c->st);
	free(c->pauses);
	free(c->findings);
	memset(c, 0, sizeof *c);
}

double sla_case_age(const struct sla_case *c, double t)
{
	if (isnan(c->accepted) || t < c->accepted)
		return NAN;
	double end = (c->finished && c->done < t) ? c->done : t;
	double w = 0;
	if (cal_between(c->sop->cal, c->accepted, end, &w, NULL) != 0)
		return NAN;
	for (size_t i = 0; i < c->npauses; i++) {
		double a = c->pauses[i].from, b = c->pauses[i].to < end ? c->pauses[i].to : end;
		double p = 0;
		if (b > a && cal_between(c->sop->cal, a, b, &p, NULL) == 0)
			w -= p;
	}
	return w < 0 ? 0 : w;
}

int sla_case_past(const struct sla_case *c, double t)
{
	if (isnan(c->deadline_base) || isnan(c->accepted) || t < c->accepted)
		return 0;
	double paused = 0;
	for (size_t i = 0; i < c->npauses; i++) {
		double a = c->pauses[i].from, b = c->pauses[i].to < t ? c->pauses[i].to : t;
		double p = 0;
		if (b > a && cal_between(c->sop->cal, a, b, &p, NULL) == 0)
			paused += p;
	}
	double dl = c->deadline_base;
	if (paused > 0 && cal_add(c->sop->cal, dl, paused, &dl, NULL) != 0)
		return 0;
	/* past when working time passed after the deadline (not the night
	 * after a deadline at closing time) */
	double w = 0;
	return t > dl && cal_between(c->sop->cal, dl, t, &w, NULL) == 0 && w > 0;
}

int sla_case_as_of(struct sla_case *c, double t, struct mutu_err *err)
{
	const struct sla_sop *s = c->sop;
	c->as_of = t;
	if (c->finished || isnan(c->accepted) || isnan(t) || t < c->accepted)
		return 0;
	double age = 0;
	if (between(s, c, c->accepted, t, &age, err))
		return err ? err->code : MUTU_ERANGE;
	age = sla_case_age(c, t);
	if (isnan(age))
		return 0;
	c->work_s = age;
	c->calendar_s = t - c->accepted;
	if (c->npauses && isinf(c->pauses[c->npauses - 1].to)) {
		/* with the applicant at t (an open pause, stage_pauses): the
		 * time paused so far, and the deadline it has pushed by t;
		 * before, the audit showed 0 paused and the deadline as if the
		 * clock had run (test_field_fc.sh, P-001) */
		double paused = 0, dl = c->deadline_base;
		for (size_t i = 0; i < c->npauses; i++) {
			double a = c->pauses[i].from, b = c->pauses[i].to < t ? c->pauses[i].to : t;
			double p = 0;
			if (b > a && between(s, c, a, b, &p, err) == 0)
				paused += p;
		}
		c->paused_s = paused;
		if (!isnan(dl) && (paused <= 0 || cal_add(s->cal, dl, paused, &dl, NULL) == 0))
			c->deadline = dl;
	}
	if (s->model && s->has_ceiling && !isnan(c->deadline_base)) {
		if (!sla_case_past(c, t))
			return 0;
		/* the deadline at t: the base pushed by the pauses before t */
		double paused = 0;
		for (size_t i = 0; i < c->npauses; i++) {
			double a = c->pauses[i].from, b = c->pauses[i].to < t ? c->pauses[i].to : t;
			double p = 0;
			if (b > a && between(s, c, a, b, &p, err) == 0)
				paused += p;
		}
		double dl = c->deadline_base;
		struct mutu_err e2;
		mutu_err_clear(&e2);
		if (paused > 0 && cal_add(s->cal, dl, paused, &dl, &e2) != 0)
			return mutu_errf(err, e2.code ? e2.code : MUTU_ERANGE, "case '%s': deadline: %s",
					 c->key ? c->key : "?", e2.msg);
		c->late = 1;
		c->late_exact = !isnan(c->deadline_exact) && t > c->deadline_exact;
		if (between(s, c, dl, t, &c->over_s, err))
			return err ? err->code : MUTU_ERANGE;
		double best = 0;
		for (size_t i = 0; i < c->nev; i++)
			if (c->st[i].in_clock && c->st[i].excess_s > best) {
				best = c->st[i].excess_s;
				c->late_ev = (long)i;
			}
		struct sla_finding *f = add_finding(c, SLA_F_LATE, 0, c->late_ev);
		f->actual_s = c->work_s;
		f->std_s = s->ceiling == SLA_CEIL_EXACT ? s->exact_s : s->rounded_s;
	} else if (!s->model && !isnan(c->target) && t > c->target) {
		c->late_target = 1;
		add_finding(c, SLA_F_LATE, 0, -1);
	}
	return 0;
}

double sla_quantile_sorted(const double *v, size_t n, double q)
{
	if (n == 0)
		return NAN;
	if (n == 1)
		return v[0];
	double h = (double)(n - 1) * q;
	size_t lo = (size_t)floor(h);
	if (lo >= n - 1)
		return v[n - 1];
	return v[lo] + (h - (double)lo) * (v[lo + 1] - v[lo]);
}

/* A planned date without an offset is local time at default_off; a bare
 * date is the end of that day (finished on the planned day is on time). */
static double parse_target_at(const struct sla_sop *s, const char *text, int default_off)
{
	if (!text || !*text)
		return NAN;
	double t;
	int off = 0;
	if (cal_parse_iso(text, default_off, &t, &off, NULL) != 0)
		return NAN;
	size_t n = strlen(text);
	int bare_date = n == 10 || (n == 8 && !strchr(text, '-')); /* 2011-12-06, 20111206 */
	double day_end = bare_date ? 86400.0 : 0.0;
	if (s->zone_rule == SLA_ZONE_TZ && s->tz && !strpbrk(text + (n > 10 ? 10 : n), "Z+-"))
		return cal_tz_from_local(s->tz, t + off + day_end); /* wall time in the --tz zone */
	return t + day_end;
}

double sla_parse_target(const struct sla_sop *s, const char *text)
{
	return parse_target_at(s, text, cal_utc_offset(s->cal));
}

double sla_case_target(const struct sla_sop *s, const struct sla_case_in *in)
{
	int off = cal_utc_offset(s->cal);
	if (s->zone_rule == SLA_ZONE_STAMPS) {
		/* the offset of the case's first stamp stands for the office's */
		for (size_t i = 0; i < in->nev; i++) {
			int o = !isnan(in->ev[i].start) ? in->ev[i].start_off : in->ev[i].end_off;
			if (o != SLA_OFF_NONE) {
				off = o;
				break;
			}
		}
	}
	return parse_target_at(s, in->target_text, off);
}

/* ---- local days ---- */

const char *sla_zone_rule_name(int rule)
{
	return rule == SLA_ZONE_TZ ? "tz" : rule == SLA_ZONE_STAMPS ? "stamps" : "calendar";
}

/* The offset written with the case's stamp at t, else with its latest stamp. */
static int stamp_offset(const struct sla_case *c, double t)
{
	int last_off = SLA_OFF_NONE;
	double last = NAN;
	for (size_t i = 0; i < c->nev; i++) {
		const struct sla_event *e = &c->ev[i];
		if (e->end == t && e->end_off != SLA_OFF_NONE)
			return e->end_off;
		if (e->start == t && e->start_off != SLA_OFF_NONE)
			return e->start_off;
		if (!isnan(e->end) && e->end_off != SLA_OFF_NONE && (isnan(last) || e->end >= last)) {
			last = e->end;
			last_off = e->end_off;
		}
		if (!isnan(e->start) && e->start_off != SLA_OFF_NONE && (isnan(last) || e->start > last)) {
			last = e->start;
			last_off = e->start_off;
		}
	}
	return last_off == SLA_OFF_NONE ? 0 : last_off;
}

int sla_case_offset(const struct sla_case *c, double t)
{
	const struct sla_sop *s = c->sop;
	if (s->zone_rule == SLA_ZONE_TZ && s->tz)
		return cal_tz_offset(s->tz, t);
	if (s->zone_rule == SLA_ZONE_STAMPS)
		return stamp_offset(c, t);
	return cal_utc_offset(s->cal);
}

double sla_case_midnight(const struct sla_case *c, int64_t day)
{
	const struct sla_sop *s = c->sop;
	double local = (double)day * 86400.0;
	if (s->zone_rule == SLA_ZONE_TZ && s->tz)
		return cal_tz_from_local(s->tz, local);
	if (s->zone_rule == SLA_ZONE_STAMPS)
		return local - stamp_offset(c, NAN);
	return local - cal_utc_offset(s->cal);
}
