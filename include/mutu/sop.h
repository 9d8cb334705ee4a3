/*
 * sop.h - SOP models: the published table of steps (langkah), their
 * pelaksana and mutu baku, loaded from an INI file per SOP (models/NAME.ini),
 * checked against the declared total, and imported from tables copied out
 * of Word or PDF documents (sop_import).
 *
 * A model is plain data.  It knows durations (dur_) but no calendar: the
 * calendar is named by the model and resolved by whoever runs it -- for
 * ingest, reports, audits and the simulation report that is the SOP
 * registry (sop_registry_*, at the end of this header).
 */
#ifndef MUTU_SOP_H
#define MUTU_SOP_H

#include <stddef.h>

#include "mutu/base.h"
#include "mutu/dur.h"

struct sop_step {
	int no;              /* step number as the table writes it (1-based) */
	char *activity;      /* Kegiatan / Uraian Prosedur */
	char *actor;         /* pelaksana as the office's table names it ("Kadis",
			      * "Petugas Loket", "Front Office"); "?" when unknown */
	char *role;          /* the canonical role that title matched ("Kepala
			      * Dinas", "Front Office"), the model's `role` key;
			      * NULL when the key is absent: then sop_step_role
			      * derives it from actor.  Owned by the step. */
	char *kelengkapan;   /* mutu baku: inputs or equipment (may be "") */
	char *waktu_text;    /* Waktu as written ("30 Menit") */
	struct dur waktu;    /* parsed Waktu */
	char *output;        /* may be "" */
	char *keterangan;    /* routing notes as written (may be "") */
	int reject_to;       /* step no. the berkas goes back to when rejected here; 0 = none */
	int parallel_with;   /* an earlier step no. this one runs alongside ("bersamaan
			      * dengan langkah 3"), 0 = none: sop_model_total counts
			      * the longer of them (the critical path); mutu sim
			      * still runs the steps one after the other */
	char *note;          /* reviewer's note (why an actor was chosen); may be NULL */
	int line;            /* line of the [step N] header in the model file */
};

struct sop_model {
	char *path;          /* file it was loaded from (NULL when built in memory) */
	char *id;            /* short id, [a-z0-9-]+ */
	char *name;
	char *agency;
	char *source;        /* source document */
	char *calendar;      /* calendar name, e.g. "id-wita" */
	char *declared_text; /* declared total as written, NULL when the table has none */
	struct dur declared; /* parsed declared total (rounded_days = the ceiling) */
	int has_declared;
	int declared_office; /* declared_scope = office: the declared total leaves
			      * the applicant's steps out ("Jumlah waktu (di luar
			      * waktu pemohon)"); model check compares it with the
			      * other steps' sum.  0: every step counts */
	struct sop_step *steps; /* sorted by no */
	size_t nsteps;
	char **actors;       /* distinct actors in the order of their first step
			      * ("?" left out); strings borrowed from steps[] */
	size_t nactors;
	char *note;          /* reviewer's note for the whole model; may be NULL */
	int clock_start;     /* [sla] clock_start: 0 not given (the reject_to step
			      * decides), -1 "first" (the first event), N the
			      * end of step N (1..100000; not checked against the
			      * steps here: sla_sop_init says which SOP lacks it) */
	int clock_start_line;/* line of that key, 0 when not given */
};

/*
 * Load a model from an INI file.  On success *out owns a new model (free
 * with sop_model_free).  On error returns MUTU_EINPUT (or MUTU_ENOTFOUND),
 * *out is NULL and err reads "FILE:LINE: what is wrong (value)".
 */
int sop_model_load(const char *path, struct sop_model **out, struct mutu_err *err);

/* Same from text already in memory (len bytes); path names the text in
 * messages and may be NULL. */
int sop_model_parse(const char *text, size_t len, const char *path,
		    struct sop_model **out, struct mutu_err *err);

void sop_model_free(struct sop_model *m); /* NULL-safe */

/* Is s a valid model id: non-empty, only [a-z0-9-]? */
int sop_id_valid(const char *s);

/* The sum of the steps' waktu (dur_add rules). */
struct dur sop_model_total(const struct sop_model *m);

/* The sum the declared total is compared with: sop_model_total, or with
 * declared_scope = office the same without the applicant's steps. */
struct dur sop_model_declared_sum(const struct sop_model *m);

/*
 * The canonical role of a step's pelaksana, for comparisons across offices
 * (is this the applicant? which steps share one staff?): the model's
 * `role` when given, else the canonical name of the title
 * (sop_actor_canonical: "Kadis" -> "Kepala Dinas"), else the title itself
 * ("?" when unknown).  Borrowed from the step or static; never NULL.
 */
const char *sop_step_role(const struct sop_step *s);

/* Step by number, or NULL. Borrowed. */
const struct sop_step *sop_model_step(const struct sop_model *m, int no);

/* Where a model's ceiling comes from (sop_model_ceiling_days). */
enum sop_ceiling_from {
	SOP_CEIL_SUM = 0,          /* no declared total: the sum of the steps */
	SOP_CEIL_DECLARED_ROUNDED, /* the declared "(5 Hari)" after the total */
	SOP_CEIL_DECLARED_TOTAL    /* the declared total itself ("9 hari kerja") */
};
enum sop_ceiling_from sop_model_ceiling_from(const struct sop_model *m);

/* The ceiling a report holds cases to, in working days: the declared
 * rounded ceiling "(5 Hari)" when present, else the declared total
 * ("Jumlah waktu 9 hari kerja") rounded up to whole days, else the sum of
 * the steps rounded up, at day_minutes per day (450 when <= 0). */
int sop_model_ceiling_days(const struct sop_model *m, int day_minutes);

/*
 * Check a loaded model: findings (declared total versus the sum of the
 * steps, with both values and the gap; steps with actor "?"; routing to a
 * missing step) are appended to notes.  Returns the number of findings.
 */
int sop_model_check(const struct sop_model *m, int day_minutes, struct mutu_notes *notes);

/* Serialise a model as an INI file (the form sop_model_load reads). */
void sop_model_to_ini(const struct sop_model *m, struct mutu_buf *out);

/* Serialise as JSON: id, name, steps (no, activity, actor, role, waktu, minutes),
 * computed and declared totals (text and minutes), gap in minutes; first key
 * "schema": "mutu.model/1" (docs/schema/model.schema.json). */
void sop_model_to_json(const struct sop_model *m, int day_minutes, struct mutu_buf *out);

/*
 * Canonical actor name for a name or alias as written in a table or a log
 * ("Kadis" -> "Kepala Dinas", "back ofice" -> "Back Office"), matched
 * case-insensitively and typo-tolerantly against the alias list in
 * domain.md.  Returns a static string or NULL when nothing is close.
 */
const char *sop_actor_canonical(const char *name);

/*
 * Import an SOP table copied out of a Word/PDF document (tab-separated
 * text like ../shared/seeds).  source_name is used in messages and as the
 * model's source.  Warnings (e.g. "step 5: actor unsure, wrote ?") go to
 * warnings.  On success *out owns a new model.  On error (no table found)
 * returns MUTU_EINPUT with the reason.
 */
int sop_import(const char *text, size_t len, const char *source_name,
	       struct sop_model **out, struct mutu_notes *warnings,
	       struct mutu_err *err);

/* Importer options (any field may be NULL or 0): the model id (default: a
 * slug of the title) and the calendar (default id-wib, with a warning,
 * because a table never names its time zone).  day_minutes is that
 * calendar's net working day (cal_day_minutes; 0: 450, the id-* day), the
 * minutes a fraction of a hari kerja ("½ hari") is read at: the same
 * minutes "1 Hari" counts under the net reading, so the two agree. */
struct sop_import_opts {
	const char *id;
	const char *calendar;
	int day_minutes;
};

/* sop_import with options; opts may be NULL. */
int sop_import_with(const char *text, size_t len, const char *source_name,
		    const struct sop_import_opts *opts, struct sop_model **out,
		    struct mutu_notes *warnings, struct mutu_err *err);

/*
 * The SOP registry: "SOP id -> model (with its clock start, ceiling and
 * calendar)" answered in one place for ingest, reports, audits and the
 * simulation report.  A model is known by its `id`: models_dir/ID.ini is
 * read first, else every models_dir/ *.ini once, indexed by id.  Models
 * and calendars are loaded on first use and kept; so are failures.
 * One registry is one thread's (it fills its caches as it is asked).
 */
struct cal;
struct sop_registry;

struct sop_entry {
	const char *id;          /* the model's id (borrowed from model) */
	struct sop_model *model; /* never NULL; owned by the registry */
	struct cal *cal;         /* the model's calendar, owned by the registry;
				  * NULL when it does not load (cal_err says why) */
	struct mutu_err cal_err;
	int clock_start;         /* model->clock_start: 0 not given, -1 first event, N step */
	int ceiling_days;        /* sop_model_ceiling_days at the calendar's working
				  * day (450 minutes when the calendar is missing) */
	int resolved, indexed;   /* the registry's own bookkeeping */
};

/*
 * A registry over models_dir (NULL: "models") and calendars_dir (NULL:
 * cal_dir_default, resolved once here).  Both strings are copied.  Never
 * fails; free with sop_registry_free (NULL-safe), which frees every model
 * and calendar it handed out.
 */
struct sop_registry *sop_registry_create(const char *models_dir, const char *calendars_dir);
void sop_registry_free(struct sop_registry *r);

/*
 * The model whose id is `id`.  On success *out is borrowed from r (valid
 * until sop_registry_free).  No such model: MUTU_ENOTFOUND, *out NULL,
 * err names the id and the folder (and why ID.ini did not load, when it
 * exists); asked again, the same answer without touching the disk.
 */
int sop_registry_get(struct sop_registry *r, const char *id, const struct sop_entry **out,
		     struct mutu_err *err);

/*
 * The model whose `name` is `name`, as a log writes the permit type
 * ("Perizinan melalui Aplikasi Sicantik Cloud" for the model of id
 * perizinan-sicantik-cloud): compared ignoring case and everything but
 * letters and digits.  Reads the whole folder once (as a miss of
 * sop_registry_get).  *out borrowed.  None, or two models of that name:
 * MUTU_ENOTFOUND, *out NULL, err says which.
 */
int sop_registry_by_name(struct sop_registry *r, const char *name, const struct sop_entry **out,
			 struct mutu_err *err);

/*
 * A model file named by path (`ingest --sop FILE`): loaded, resolved like
 * the others and owned by r; *out borrowed.  It is found by its id later
 * unless the folder already had a model of that id.  On error the load's
 * code and message.
 */
int sop_registry_add_file(struct sop_registry *r, const char *path, const struct sop_entry **out,
			  struct mutu_err *err);

/* A calendar by name or path through r's cache (cal_load in the registry's
 * calendars folder).  *out borrowed from r.  On error cal_load's code and
 * message, and the same answer when asked again. */
int sop_registry_calendar(struct sop_registry *r, const char *name, struct cal **out,
			  struct mutu_err *err);

const char *sop_registry_models_dir(const struct sop_registry *r);    /* borrowed */
const char *sop_registry_calendars_dir(const struct sop_registry *r); /* borrowed */

/*
 * Is this pelaksana the applicant (Pemohon)?  The one test for the
 * simulator, reports and audits: the name or its alias as a log or a
 * table writes it ("Pemohon", "pemohon", "Applicant", "Pemohon Izin",
 * "Pemohon/Pelaku Usaha", "Pelaku Usaha"), through the alias list of
 * sop_actor_canonical.  NULL or "" is not the applicant.
 */
int sop_actor_is_applicant(const char *name);

/*
 * The office's last step: where the SLA clock stops.  n steps in the
 * model's order, no[i] their numbers, applicant[i] nonzero when step i is
 * the applicant's (sop_actor_is_applicant of its role: the collection of
 * the SK, "Pengambilan dokumen izin oleh pemohon di loket").  Returns the
 * number of the last step that is not the applicant's; when every step is
 * the applicant's, or that step comes before clock_start_step (a clock
 * started on a trailing step; 0: no such start), the last step's number.
 * 0 when n is 0.  The one rule for reports and audits (sla.c) and for the
 * simulator's lead time, within share and forecast finish
 * (sim_scenario.c): the two must stop the clock at the same step.
 */
int sop_office_end(size_t n, const int *no, const unsigned char *applicant, int clock_start_step);

/*
 * Where the SLA clock starts: the number of the step whose end (the
 * berkas accepted as complete) starts it, or 0 when the first event (the
 * arrival) does.  The model's [sla] clock_start when it gives one ("first":
 * 0; N: N, not checked against the steps here), else the first step with
 * a reject_to (the Front Office's check that sends an incomplete berkas
 * back) that comes before the office's last step (the last one not the
 * applicant's: a return from there is no acceptance check), else 0.  The one rule for reports and audits (sla.c, where
 * --clock-start can still override it) and for the simulator's lead time
 * and within share (sim_scenario.c, bt.c): the two must start the clock
 * at the same step, as sop_office_end makes them stop it at the same one.
 * NULL: 0.
 */
int sop_clock_start_step(const struct sop_model *m);

/*
 * Is this pelaksana an information system doing the step by itself
 * ("Sistem OSS", "Sistem", "Aplikasi SIMBG": role Sistem)?  mutu sim runs
 * such a step as a delay of its waktu, with no staff and no queue.
 * NULL or "" is not.
 */
int sop_actor_is_system(const char *name);
/* Is the named position the regional head (Bupati, Walikota, Gubernur,
 * role Kepala Daerah) who signs outside the office?  No staff of the office
 * serve such a step: mutu sim runs it as a delay of its waktu, as the
 * system's, unless a [staff] line names it. */
int sop_actor_is_outside(const char *name);

/*
 * How closely two pelaksana names, as written ("Kabid", "Kepala Bidang
 * Perizinan"), name one position, through the alias list of
 * sop_actor_canonical: SOP_MATCH_SAME the same position; SOP_MATCH_GENERIC
 * one the generic form of the other (Kepala Bidang of Kepala Bidang
 * Perizinan, Kepala Seksi of Kepala Seksi Pelayanan Perizinan);
 * SOP_MATCH_RUNG the same rung under its other name (domain.md: Koordinator
 * is the post-2021 Kepala Bidang, Sub Koordinator the Kepala Seksi);
 * SOP_MATCH_NONE otherwise.  Names outside the list match only as the same
 * text (case ignored).  NULL or "" matches nothing.
 */
enum { SOP_MATCH_NONE = 0, SOP_MATCH_RUNG = 1, SOP_MATCH_GENERIC = 2, SOP_MATCH_SAME = 3 };
int sop_actor_match(const char *a, const char *b);

#endif /* MUTU_SOP_H */
