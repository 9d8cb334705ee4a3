/*
 * store.c - the store's front door: a location picks the backend
 * (store_sqlite.c, or store_pg.c when built with PostgreSQL), and every
 * public store_* call is forwarded through the backend's ops (store_int.h).
 * Also the diagnoses both backends word the same way (locked, read-only).
 */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int store_err_locked(const char *where, int busy_ms, struct mutu_err *err)
{
	return mutu_errf(err, MUTU_EFAIL,
			 "%s: the store is locked: another mutu process (an ingest or an audit) is writing "
			 "to it; waited %d ms. Try again when it has finished, or wait longer with "
			 "--busy-timeout MS (at most %d)",
			 where, busy_ms, STORE_BUSY_MAX_MS);
}

int store_err_readonly(const char *where, const char *why, struct mutu_err *err)
{
	return mutu_errf(err, MUTU_EFAIL,
			 "%s: the store is read-only (%s): ingest and audit (which stores its flags) "
			 "cannot write to it. Reading still works: report monthly, audit --no-store, db "
			 "info, db rejected. To ingest, copy the store to a writable folder",
			 where, why);
}

#ifndef MUTU_WITH_PG
/* Built without engine/store_pg.c: say so, and what to do. */
int store_pg_open(const char *uri, int mode, int busy_ms, const atomic_int *cancel,
		  struct mutu_store **out, struct mutu_err *err)
{
	(void)mode;
	(void)busy_ms;
	(void)cancel;
	*out = NULL;
	const char *q = strrchr(uri, '@');
	/* never echo a password: name the location from after the '@' */
	return mutu_errf(err, MUTU_EINPUT,
			 "%s%s: this mutu was built without PostgreSQL: give an SQLite file with --db, "
			 "or rebuild with libpq (make deps all)",
			 q ? "postgresql://...@" : "", q ? q + 1 : uri);
}
#endif

static int is_pg(const char *loc)
{
	return strncmp(loc, "postgresql://", 13) == 0 || strncmp(loc, "postgres://", 11) == 0;
}

int store_open(const char *location, int mode, int busy_ms, struct mutu_store **out,
	       struct mutu_err *err)
{
	return store_open_cancel(location, mode, busy_ms, NULL, out, err);
}

int store_open_cancel(const char *location, int mode, int busy_ms, const atomic_int *cancel,
		      struct mutu_store **out, struct mutu_err *err)
{
	*out = NULL;
	if (!location || !*location)
		return mutu_errf(err, MUTU_EINPUT, "no store given: --db PATH (an SQLite file) or "
				 "--db postgresql://HOST/DB");
	if (strlen(location) >= STORE_LOCATION_MAX)
		return mutu_errf(err, MUTU_EINPUT, "--db: a location of %zu bytes; at most %d",
				 strlen(location), STORE_LOCATION_MAX - 1);
	if (mode < STORE_READ || mode > STORE_WRITE)
		return mutu_errf(err, MUTU_EINPUT, "store mode %d: use STORE_READ, STORE_CREATE or "
				 "STORE_WRITE", mode);
	if (busy_ms > STORE_BUSY_MAX_MS)
		return mutu_errf(err, MUTU_EINPUT, "--busy-timeout %d: at most %d ms", busy_ms,
				 STORE_BUSY_MAX_MS);
	struct mutu_store *s = NULL;
	int rc;
	if (is_pg(location)) {
		rc = store_pg_open(location, mode, busy_ms, cancel, &s, err);
	} else {
		const char *path = strncmp(location, "sqlite:", 7) == 0 ? location + 7 : location;
		if (!*path)
			return mutu_errf(err, MUTU_EINPUT, "--db %s: give a file after 'sqlite:'", location);
		rc = store_sqlite_open(path, mode, busy_ms, cancel, &s, err);
		if (!rc && !s->where)
			s->where = mutu_strdup(path);
	}
	if (rc)
		return rc;
	if (!s->where)
		s->where = mutu_strdup(location);
	*out = s;
	return 0;
}

void store_close(struct mutu_store *s)
{
	if (!s)
		return;
	char *where = s->where;
	free(s->office);
	if (s->in_tx)
		s->ops->rollback(s);
	s->ops->close(s);
	free(where);
}

int store_set_office(struct mutu_store *s, const char *office, struct mutu_err *err)
{
	if (office && strlen(office) > STORE_OFFICE_MAX)
		return mutu_errf(err, MUTU_EINPUT, "--office '%.40s...': %zu bytes; at most %d", office,
				 strlen(office), STORE_OFFICE_MAX);
	free(s->office);
	s->office = office ? mutu_strdup(office) : NULL;
	return 0;
}

void store_close_discard(struct mutu_store *s)
{
	if (!s)
		return;
	if (!s->created || !s->ops->discard) {
		store_close(s);
		return;
	}
	char *where = s->where;
	free(s->office);
	s->office = NULL;
	if (s->in_tx)
		s->ops->rollback(s);
	s->ops->discard(s);
	free(where);
}

/* store_office_check's walk: every batch's office, once each, in the
 * order first met (batches in id order) */
struct office_seen {
	const char *want;
	int found;
	struct mutu_buf list; /* "'kab', 'kota'" */
	size_t n;
	char **names;
};

static int office_seen_add(void *ctx, const struct store_batch *b)
{
	struct office_seen *o = ctx;
	const char *name = b->office ? b->office : "";
	if (strcmp(name, o->want) == 0)
		o->found = 1;
	for (size_t i = 0; i < o->n; i++)
		if (strcmp(o->names[i], name) == 0)
			return 0;
	o->names = mutu_realloc(o->names, (o->n + 1) * sizeof *o->names);
	o->names[o->n++] = mutu_strdup(name);
	return 0;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int store_office_check(struct mutu_store *s, const char *office, struct mutu_err *err)
{
	if (!office)
		return 0;
	/* every office's batches, whatever the connection is limited to: the
	 * ingest names the office on its batch ('' the default), so the
	 * batches know every office a case or a rejected row can belong to,
	 * and the batches table is small where cases are not */
	char *keep = s->office;
	s->office = NULL;
	struct office_seen o = {office, 0, {0}, 0, NULL};
	int rc = store_batch_list(s, office_seen_add, &o, err);
	s->office = keep;
	/* nothing ingested yet: every office is as empty as the store, and
	 * the commands say so themselves */
	if (rc == 0 && !o.found && o.n > 0) {
		qsort(o.names, o.n, sizeof *o.names, name_cmp);
		mutu_buf_init(&o.list);
		size_t shown = o.n < 12 ? o.n : 12;
		for (size_t i = 0; i < shown; i++)
			mutu_buf_printf(&o.list, "%s'%.60s'", i ? ", " : "", o.names[i]);
		if (o.n > shown)
			mutu_buf_printf(&o.list, " and %zu more", o.n - shown);
		if (!*office)
			rc = mutu_errf(err, MUTU_ENOTFOUND, "--office '': %s has no default office (every log "
				       "was ingested with --office NAME); its offices: %s: give one of them",
				       s->where, o.list.s);
		else
			rc = mutu_errf(err, MUTU_ENOTFOUND, "--office '%.100s': no such office in %s; its "
				       "offices: %s%s: give one of them, spelt as ingested", office, s->where,
				       o.list.s, strcmp(o.names[0], "") == 0 ? " ('' is the default office, "
				       "ingested without --office)" : "");
		mutu_buf_release(&o.list);
	}
	for (size_t i = 0; i < o.n; i++)
		free(o.names[i]);
	free(o.names);
	return rc;
}

enum store_kind store_kind(const struct mutu_store *s)
{
	return s->kind;
}

const char *store_office(const struct mutu_store *s)
{
	return s->office;
}

const char *store_where(const struct mutu_store *s)
{
	return s->where;
}

int store_schema_version(const struct mutu_store *s)
{
	return s->version;
}

/* ---- forwarding: each public call is its backend's op ---- */

int store_begin_write(struct mutu_store *s, const char *what, struct mutu_err *err)
{
	return s->ops->begin_write(s, what, err);
}

int store_begin_read(struct mutu_store *s, struct mutu_err *err)
{
	return s->ops->begin_read(s, err);
}

int store_commit(struct mutu_store *s, struct mutu_err *err)
{
	return s->ops->commit(s, err);
}

void store_rollback(struct mutu_store *s)
{
	if (s)
		s->ops->rollback(s);
}

int store_batch_size_seen(struct mutu_store *s, uint64_t size, struct mutu_err *err)
{
	return s->ops->batch_size_seen(s, size, err);
}

int store_batch_find(struct mutu_store *s, const char *sha256, int64_t except_id, int64_t *id,
		     char *at, size_t at_size, struct mutu_err *err)
{
	return s->ops->batch_find(s, sha256, except_id, id, at, at_size, err);
}

int store_batch_create(struct mutu_store *s, const struct store_batch *b, int64_t *id,
		       struct mutu_err *err)
{
	return s->ops->batch_create(s, b, id, err);
}

int store_batch_supersede(struct mutu_store *s, const char *sha256, int64_t new_id,
			  uint64_t *events_removed, struct mutu_err *err)
{
	return s->ops->batch_supersede(s, sha256, new_id, events_removed, err);
}

int store_batch_finish(struct mutu_store *s, const struct store_batch *b, struct mutu_err *err)
{
	return s->ops->batch_finish(s, b, err);
}

int store_batch_list(struct mutu_store *s, store_batch_fn fn, void *ctx, struct mutu_err *err)
{
	return s->ops->batch_list(s, fn, ctx, err);
}

int store_batch_exists(struct mutu_store *s, int64_t id, struct mutu_err *err)
{
	return s->ops->batch_exists(s, id, err);
}

int store_writer_open(struct mutu_store *s, int64_t batch_id, uint64_t bytes_hint,
		      struct store_writer **out, struct mutu_err *err)
{
	*out = NULL;
	return s->ops->writer_open(s, batch_id, bytes_hint, out, err);
}

int store_writer_case(struct store_writer *w, const char *key, size_t key_len, const char *sop,
		      size_t sop_len, const char *office, int64_t *case_id, int *created,
		      struct mutu_err *err)
{
	return w->s->ops->writer_case(w, key, key_len, sop, sop_len, office ? office : "", case_id,
				      created, err);
}

int store_writer_case_attr(struct store_writer *w, int64_t case_id, const char *name,
			   const char *value, size_t value_len, struct mutu_err *err)
{
	return w->s->ops->writer_case_attr(w, case_id, name, value, value_len, err);
}

int store_writer_event(struct store_writer *w, const struct store_event *e, int64_t *event_id,
		       int *dup, struct mutu_err *err)
{
	return w->s->ops->writer_event(w, e, event_id, dup, err);
}

int store_writer_event_attr(struct store_writer *w, int64_t event_id, const char *name,
			    const char *value, size_t value_len, struct mutu_err *err)
{
	return w->s->ops->writer_event_attr(w, event_id, name, value, value_len, err);
}

int store_writer_rejected(struct store_writer *w, int64_t line, const char *raw, size_t raw_len,
			  const char *reason, size_t reason_len, struct mutu_err *err)
{
	return w->s->ops->writer_rejected(w, line, raw, raw_len, reason, reason_len, err);
}

int store_writer_attr_type(struct store_writer *w, const char *scope, const char *name,
			   const char *type, struct mutu_err *err)
{
	return w->s->ops->writer_attr_type(w, scope, name, type, err);
}

int store_writer_finish(struct store_writer *w, struct mutu_err *err)
{
	return w->s->ops->writer_finish(w, err);
}

void store_writer_free(struct store_writer *w)
{
	if (w)
		w->s->ops->writer_free(w);
}

int store_cases_open(struct mutu_store *s, const struct store_case_filter *f,
		     struct store_cursor **out, struct mutu_err *err)
{
	*out = NULL;
	if (f->ncase_attrs > STORE_MAX_ATTR_NAMES || f->nevent_attrs > STORE_MAX_ATTR_NAMES)
		return mutu_errf(err, MUTU_EINPUT, "case cursor: at most %d attribute names (%zu, %zu "
				 "given)", STORE_MAX_ATTR_NAMES, f->ncase_attrs, f->nevent_attrs);
	if (f->nmeasure_fps > STORE_MAX_OPEN_SOPS + 1)
		return mutu_errf(err, MUTU_EINPUT, "case cursor: at most %d measure fingerprints (%zu given)",
				 STORE_MAX_OPEN_SOPS + 1, f->nmeasure_fps);
	struct store_case_filter g = *f;
	/* the connection's office (store_set_office) when the filter names none */
	if (!f->office && s->office)
		g.office = s->office;
	/* a backend without measures reads events as before */
	if (!s->ops->measure_put)
		g.nmeasure_fps = 0;
	return s->ops->cases_open(s, &g, out, err);
}

int store_cases_next(struct store_cursor *c, const struct store_case_row **row,
		     struct mutu_err *err)
{
	return c->s->ops->cases_next(c, row, err);
}

void store_cursor_free(struct store_cursor *c)
{
	if (c)
		c->s->ops->cursor_free(c);
}

int store_attr_names(struct mutu_store *s, const char *scope, store_name_fn fn, void *ctx,
		     struct mutu_err *err)
{
	return s->ops->attr_names(s, scope, fn, ctx, err);
}

int store_sops(struct mutu_store *s, const char *sop, store_name_fn fn, void *ctx,
	       struct mutu_err *err)
{
	return s->ops->sops(s, sop, fn, ctx, err);
}

int store_offices(struct mutu_store *s, store_name_fn fn, void *ctx, struct mutu_err *err)
{
	return s->ops->offices(s, fn, ctx, err);
}

int store_latest(struct mutu_store *s, int sop_set, const char *sop, const char *case_key,
		 int64_t *ms, int *off, struct mutu_err *err)
{
	return s->ops->latest(s, sop_set, sop, case_key, ms, off, err);
}

int store_latest_end(struct mutu_store *s, int64_t *ms, struct mutu_err *err)
{
	return s->ops->latest_end(s, ms, err);
}

int store_any_end_in(struct mutu_store *s, int64_t from_ms, int64_t to_ms, struct mutu_err *err)
{
	return s->ops->any_end_in(s, from_ms, to_ms, err);
}

int store_flags_schema(struct mutu_store *s, struct mutu_err *err)
{
	return s->ops->flags_schema(s, err);
}

int store_flags_replace(struct mutu_store *s, int64_t case_id, const struct store_flag *f, size_t n,
			const char *audited_at, struct mutu_err *err)
{
	return s->ops->flags_replace(s, case_id, f, n, audited_at, err);
}

int store_count(struct mutu_store *s, struct store_counts *c, struct mutu_err *err)
{
	memset(c, 0, sizeof *c);
	return s->ops->count(s, c, err);
}

int store_sop_spans(struct mutu_store *s, store_span_fn fn, void *ctx, struct mutu_err *err)
{
	return s->ops->sop_spans(s, fn, ctx, err);
}

int store_rejected_list(struct mutu_store *s, int64_t batch, store_rejected_fn fn, void *ctx,
			struct mutu_err *err)
{
	return s->ops->rejected_list(s, batch, fn, ctx, err);
}

int store_export_open(struct mutu_store *s, const struct store_export_filter *f,
		      struct store_cursor **out, struct mutu_err *err)
{
	*out = NULL;
	return s->ops->export_open(s, f, out, err);
}

int store_export_attrs(struct store_cursor *c, store_attr_fn fn, void *ctx, struct mutu_err *err)
{
	return c->s->ops->export_attrs(c, fn, ctx, err);
}

int store_export_attr_names(struct mutu_store *s, const struct store_export_filter *f,
			    const char *scope, store_name_fn fn, void *ctx, struct mutu_err *err)
{
	return s->ops->export_attr_names(s, f, scope, fn, ctx, err);
}

int store_attr_types(struct mutu_store *s, store_type_fn fn, void *ctx, struct mutu_err *err)
{
	return s->ops->attr_types(s, fn, ctx, err);
}

int store_sum_mark(struct mutu_store *s, int64_t *mark, struct mutu_err *err)
{
	*mark = 0;
	return s->ops->sum_mark(s, mark, err);
}

int store_sum_get(struct mutu_store *s, struct store_month_sum *q, struct mutu_err *err)
{
	return s->ops->sum_get(s, q, err);
}

int store_sum_put(struct mutu_store *s, const char *office, const struct store_month_sum *rows, size_t n,
		  int64_t mark, struct mutu_err *err)
{
	if (n == 0)
		return 1;
	if (s->in_tx)
		return mutu_errf(err, MUTU_EFAIL, "store %s: month summaries are written in their own transaction "
				 "(end the read first)", s->where);
	return s->ops->sum_put(s, office, rows, n, mark, err);
}

int store_has_measures(const struct mutu_store *s)
{
	return s->ops->measure_put != NULL;
}

int store_measure_put(struct mutu_store *s, const struct store_measure *rows, size_t n, int64_t mark,
		      struct mutu_err *err)
{
	if (n == 0 || !s->ops->measure_put)
		return n == 0;
	if (s->in_tx)
		return mutu_errf(err, MUTU_EFAIL, "store %s: case measures are written in their own transaction "
				 "(end the read first)", s->where);
	return s->ops->measure_put(s, rows, n, mark, err);
}

int store_measure_count(struct mutu_store *s, int64_t *n, struct mutu_err *err)
{
	*n = 0;
	return s->ops->measure_count ? s->ops->measure_count(s, n, err) : 0;
}
