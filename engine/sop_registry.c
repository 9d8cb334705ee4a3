/*
 * sop_registry.c - the one answer to "SOP id -> model, clock start,
 * ceiling and calendar".  Ingest (elog.c), reports and audits (sla.c) and
 * the simulation report (rpt_sim.c) used to answer it three ways, with
 * different fallbacks (file name or id, a folder scan or none, a model's
 * [sla] clock_start re-read from disk); they all ask here now.
 *
 * The rule: a model is known by its `id`.  models_dir/ID.ini is tried
 * first because it is where a model of that id normally lives (one file
 * read); when that file is missing or declares another id, every
 * models_dir/ *.ini is read once and indexed by id.  A file that exists
 * but does not load is an error with its line, not "no model".  Models and
 * calendars are loaded on first use and kept for the registry's life;
 * failures are kept too, so a store with 10^6 cases of an unknown SOP
 * costs one folder scan, not 10^6.
 *
 * The calendars folder is resolved once, here (cal_dir_default), the same
 * way for the CLI and for library callers.
 */
#include "mutu/sop.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mutu/cal.h"

struct reg_cal {
	char *name;
	struct cal *cal;     /* NULL when it failed: err says why */
	struct mutu_err err;
};

struct reg_bad {
	char *id;
	struct mutu_err err;
};

struct sop_registry {
	char *models_dir;
	char *calendars_dir;   /* resolved once at create */
	struct sop_entry **ent;/* owned, each with its model */
	size_t n, cap;
	struct reg_bad *bad;   /* ids that have no model */
	size_t nbad;
	struct reg_cal *cals;
	size_t ncal;
	int scanned;           /* the whole folder has been read */
	struct mutu_err scan_err; /* the folder could not be opened */
};

struct sop_registry *sop_registry_create(const char *models_dir, const char *calendars_dir)
{
	struct sop_registry *r = mutu_calloc(1, sizeof *r);
	char buf[4096];
	r->models_dir = mutu_strdup(models_dir ? models_dir : "models");
	r->calendars_dir = mutu_strdup(calendars_dir ? calendars_dir
						     : cal_dir_default(buf, sizeof buf));
	return r;
}

void sop_registry_free(struct sop_registry *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++) {
		sop_model_free(r->ent[i]->model);
		free(r->ent[i]);
	}
	free(r->ent);
	for (size_t i = 0; i < r->nbad; i++)
		free(r->bad[i].id);
	free(r->bad);
	for (size_t i = 0; i < r->ncal; i++) {
		free(r->cals[i].name);
		cal_free(r->cals[i].cal);
	}
	free(r->cals);
	free(r->models_dir);
	free(r->calendars_dir);
	free(r);
}

const char *sop_registry_models_dir(const struct sop_registry *r)
{
	return r->models_dir;
}

const char *sop_registry_calendars_dir(const struct sop_registry *r)
{
	return r->calendars_dir;
}

int sop_registry_calendar(struct sop_registry *r, const char *name, struct cal **out,
			  struct mutu_err *err)
{
	*out = NULL;
	for (size_t i = 0; i < r->ncal; i++)
		if (strcmp(r->cals[i].name, name) == 0) {
			if (!r->cals[i].cal)
				return mutu_errf(err, r->cals[i].err.code, "%s", r->cals[i].err.msg);
			*out = r->cals[i].cal;
			return 0;
		}
	r->cals = mutu_realloc(r->cals, (r->ncal + 1) * sizeof *r->cals);
	struct reg_cal *c = &r->cals[r->ncal++];
	c->name = mutu_strdup(name);
	c->cal = NULL;
	mutu_err_clear(&c->err);
	if (cal_load(name, r->calendars_dir, &c->cal, &c->err))
		return mutu_errf(err, c->err.code, "%s", c->err.msg);
	*out = c->cal;
	return 0;
}

static struct sop_entry *find_entry(const struct sop_registry *r, const char *id)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->ent[i]->indexed && strcmp(r->ent[i]->id, id) == 0)
			return r->ent[i];
	return NULL;
}

/* Take over m as a new entry.  Its calendar is resolved when first asked. */
static struct sop_entry *add_entry(struct sop_registry *r, struct sop_model *m)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 8;
		r->ent = mutu_realloc(r->ent, r->cap * sizeof *r->ent);
	}
	struct sop_entry *e = mutu_calloc(1, sizeof *e);
	e->model = m;
	e->id = m->id;
	e->clock_start = m->clock_start;
	e->indexed = m->id != NULL;
	r->ent[r->n++] = e;
	return e;
}

/* The calendar and the ceiling of an entry, once. */
static void entry_resolve(struct sop_registry *r, struct sop_entry *e)
{
	if (e->resolved)
		return;
	e->resolved = 1;
	mutu_err_clear(&e->cal_err);
	if (e->model->calendar)
		sop_registry_calendar(r, e->model->calendar, &e->cal, &e->cal_err);
	else
		mutu_errf(&e->cal_err, MUTU_EINPUT, "%s: model '%s' names no calendar",
			  e->model->path ? e->model->path : "model", e->id);
	/* the ceiling in Hari of the model's own calendar (450-minute days,
	 * domain.md's 7.5 working hours, when it has none) */
	int dm = e->cal ? cal_day_minutes(e->cal) : 0;
	e->ceiling_days = sop_model_ceiling_days(e->model, dm > 0 ? dm : 450);
}

static int remember_bad(struct sop_registry *r, const char *id, const struct mutu_err *e,
			struct mutu_err *err)
{
	r->bad = mutu_realloc(r->bad, (r->nbad + 1) * sizeof *r->bad);
	r->bad[r->nbad].id = mutu_strdup(id);
	r->bad[r->nbad].err = *e;
	r->nbad++;
	return mutu_errf(err, e->code, "%s", e->msg);
}

/* Read every *.ini of the folder once; models already known by id stay. */
static void scan(struct sop_registry *r)
{
	r->scanned = 1;
	mutu_err_clear(&r->scan_err);
	DIR *d = opendir(r->models_dir);
	if (!d) {
		mutu_errf(&r->scan_err, MUTU_ENOTFOUND, "cannot open models folder '%s'", r->models_dir);
		return;
	}
	struct dirent *de;
	char path[4096];
	/* readdir order is the file system's: sort the names so that two
	 * files declaring one id resolve the same way on every machine */
	char **names = NULL;
	size_t nn = 0;
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);
		if (len < 5 || strcmp(de->d_name + len - 4, ".ini") != 0)
			continue;
		names = mutu_realloc(names, (nn + 1) * sizeof *names);
		names[nn++] = mutu_strdup(de->d_name);
	}
	closedir(d);
	for (size_t i = 1; i < nn; i++)
		for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			char *t = names[j];
			names[j] = names[j - 1];
			names[j - 1] = t;
		}
	for (size_t i = 0; i < nn; i++) {
		snprintf(path, sizeof path, "%s/%s", r->models_dir, names[i]);
		struct sop_model *m = NULL;
		struct mutu_err e2;
		mutu_err_clear(&e2);
		if (sop_model_load(path, &m, &e2) != 0) {
			/* a broken NAME.ini answers for the id NAME (as the
			 * first look at ID.ini does), unless another file
			 * declares that id */
			size_t len = strlen(names[i]) - 4;
			names[i][len] = '\0';
			if (sop_id_valid(names[i]) && e2.code != MUTU_ENOTFOUND)
				remember_bad(r, names[i], &e2, NULL);
			free(names[i]);
			continue;
		}
		free(names[i]);
		if (!m->id || find_entry(r, m->id))
			sop_model_free(m);
		else
			add_entry(r, m);
	}
	free(names);
}

int sop_registry_get(struct sop_registry *r, const char *id, const struct sop_entry **out,
		     struct mutu_err *err)
{
	*out = NULL;
	if (!id)
		return mutu_errf(err, MUTU_ENOTFOUND, "no SOP id given");
	struct sop_entry *e = find_entry(r, id);
	if (e) {
		entry_resolve(r, e);
		*out = e;
		return 0;
	}
	for (size_t i = 0; i < r->nbad; i++)
		if (strcmp(r->bad[i].id, id) == 0)
			return mutu_errf(err, r->bad[i].err.code, "%s", r->bad[i].err.msg);
	struct mutu_err why;
	mutu_err_clear(&why);
	/* an id that no model can have ("Izin Reklame", a path): no file to
	 * read and nothing a scan could find */
	int valid = sop_id_valid(id) && strlen(id) < 256;
	if (valid && !r->scanned) {
		char path[4096];
		struct sop_model *m = NULL;
		snprintf(path, sizeof path, "%s/%s.ini", r->models_dir, id);
		if (sop_model_load(path, &m, &why) == 0) {
			mutu_err_clear(&why);
			if (m->id && !find_entry(r, m->id))
				add_entry(r, m);
			else
				sop_model_free(m);
			e = find_entry(r, id);
		} else if (why.code != MUTU_ENOTFOUND) {
			/* ID.ini is there but wrong (a bad [sla] clock_start, a
			 * typo): an error to fix, named with its line, never a
			 * quiet "no model" that would drop the SOP's cases from
			 * a report */
			return remember_bad(r, id, &why, err);
		}
		if (!e) {
			scan(r);
			e = find_entry(r, id);
		}
		if (e) {
			entry_resolve(r, e);
			*out = e;
			return 0;
		}
	}
	struct mutu_err miss;
	mutu_err_clear(&miss);
	if (valid && r->scan_err.code)
		mutu_errf(&miss, MUTU_ENOTFOUND,
			  "no model for SOP '%s': cannot open models folder '%s' (give --models DIR)", id,
			  r->models_dir);
	else
		mutu_errf(&miss, MUTU_ENOTFOUND,
			  "no model with id '%s' in '%s' (add its model there or give --models DIR)",
			  id, r->models_dir);
	return remember_bad(r, id, &miss, err);
}

/* Letters and digits of s, lower-case ASCII (other bytes kept): the
 * form two names are compared in. */
static void name_key(const char *s, char *out, size_t size)
{
	size_t k = 0;
	for (; *s && k + 1 < size; s++) {
		unsigned char c = (unsigned char)*s;
		if (c >= 'A' && c <= 'Z')
			out[k++] = (char)(c + 32);
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
			out[k++] = (char)c;
	}
	out[k] = '\0';
}

int sop_registry_by_name(struct sop_registry *r, const char *name, const struct sop_entry **out,
			 struct mutu_err *err)
{
	*out = NULL;
	char want[512], have[512];
	name_key(name ? name : "", want, sizeof want);
	if (!*want)
		return mutu_errf(err, MUTU_ENOTFOUND, "no SOP name given");
	if (!r->scanned)
		scan(r);
	struct sop_entry *found = NULL;
	for (size_t i = 0; i < r->n; i++) {
		struct sop_entry *e = r->ent[i];
		if (!e->indexed || !e->model->name)
			continue;
		name_key(e->model->name, have, sizeof have);
		if (strcmp(have, want) != 0)
			continue;
		if (found) /* two models of one name: which one is not ours to guess */
			return mutu_errf(err, MUTU_ENOTFOUND,
					 "two models in '%s' are named '%s' (%s, %s): name the SOP by its id",
					 r->models_dir, name, found->id, e->id);
		found = e;
	}
	if (!found)
		return mutu_errf(err, MUTU_ENOTFOUND, "no model named '%s' in '%s'", name, r->models_dir);
	entry_resolve(r, found);
	*out = found;
	return 0;
}

int sop_registry_add_file(struct sop_registry *r, const char *path, const struct sop_entry **out,
			  struct mutu_err *err)
{
	*out = NULL;
	struct sop_model *m = NULL;
	int rc = sop_model_load(path, &m, err);
	if (rc)
		return rc;
	/* a file named on the command line is that SOP, even when the
	 * folder holds another model with its id: it is not indexed by id
	 * then, so lookups keep finding the folder's model */
	int known = m->id && find_entry(r, m->id);
	struct sop_entry *e = add_entry(r, m);
	if (known)
		e->indexed = 0;
	entry_resolve(r, e);
	*out = e;
	return 0;
}
