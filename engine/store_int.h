/*
 * store_int.h - inside the store module: the backend vtable.
 *
 * include/mutu/store.h is the contract; engine/store.c parses the
 * location, picks a backend and forwards each public call through
 * s->ops.  A backend (engine/store_sqlite.c; engine/store_pg.c for
 * PostgreSQL) embeds struct mutu_store / store_writer / store_cursor as
 * the first member of its own structs and fills a const struct store_ops.
 * Every op has the public function's meaning (store.h); the forwarding
 * layer checks nothing the backend must not also be able to rely on:
 * arguments arrive as the caller gave them.
 *
 * PostgreSQL: store.c calls store_pg_open for postgresql:// and
 * postgres:// locations.  Without engine/store_pg.c (the Makefile defines
 * MUTU_WITH_PG when that file exists) store.c's own stub answers
 * MUTU_EINPUT "this mutu was built without PostgreSQL".
 */
#ifndef MUTU_STORE_INT_H
#define MUTU_STORE_INT_H

#include "mutu/store.h"

struct store_ops;

/* The part of every open store the forwarding layer reads. */
struct mutu_store {
	const struct store_ops *ops;
	enum store_kind kind;
	char *where;   /* store_where: owned, freed by store_close after ops->close */
	int mode;      /* STORE_* it was opened with */
	int busy_ms;   /* as given to store_open (0 = default, <0 = no wait) */
	int version;   /* schema version after the open */
	int in_tx;     /* 0 none, 1 write, 2 read snapshot: kept by the backend */
	int created;   /* this open created the store (store_close_discard) */
	char *office;  /* store_set_office: the office reads are limited to, NULL every
			* office; owned, freed by store_close */
};

struct store_writer {
	struct mutu_store *s;
};

struct store_cursor {
	struct mutu_store *s;
};

struct store_ops {
	void (*close)(struct mutu_store *s); /* frees the backend struct, not s->where */
	/* close and remove a store this open created; NULL: close only */
	void (*discard)(struct mutu_store *s);

	int (*begin_write)(struct mutu_store *s, const char *what, struct mutu_err *err);
	int (*begin_read)(struct mutu_store *s, struct mutu_err *err);
	int (*commit)(struct mutu_store *s, struct mutu_err *err);
	void (*rollback)(struct mutu_store *s);

	int (*batch_size_seen)(struct mutu_store *s, uint64_t size, struct mutu_err *err);
	int (*batch_find)(struct mutu_store *s, const char *sha256, int64_t except_id, int64_t *id,
			  char *at, size_t at_size, struct mutu_err *err);
	int (*batch_create)(struct mutu_store *s, const struct store_batch *b, int64_t *id,
			    struct mutu_err *err);
	int (*batch_supersede)(struct mutu_store *s, const char *sha256, int64_t new_id,
			       uint64_t *events_removed, struct mutu_err *err);
	int (*batch_finish)(struct mutu_store *s, const struct store_batch *b, struct mutu_err *err);
	int (*batch_list)(struct mutu_store *s, store_batch_fn fn, void *ctx, struct mutu_err *err);
	int (*batch_exists)(struct mutu_store *s, int64_t id, struct mutu_err *err);

	int (*writer_open)(struct mutu_store *s, int64_t batch_id, uint64_t bytes_hint,
			   struct store_writer **out, struct mutu_err *err);
	int (*writer_case)(struct store_writer *w, const char *key, size_t key_len, const char *sop,
			   size_t sop_len, const char *office, int64_t *case_id, int *created,
			   struct mutu_err *err);
	int (*writer_case_attr)(struct store_writer *w, int64_t case_id, const char *name,
				const char *value, size_t value_len, struct mutu_err *err);
	int (*writer_event)(struct store_writer *w, const struct store_event *e, int64_t *event_id,
			    int *dup, struct mutu_err *err);
	int (*writer_event_attr)(struct store_writer *w, int64_t event_id, const char *name,
				 const char *value, size_t value_len, struct mutu_err *err);
	int (*writer_rejected)(struct store_writer *w, int64_t line, const char *raw, size_t raw_len,
			       const char *reason, size_t reason_len, struct mutu_err *err);
	int (*writer_attr_type)(struct store_writer *w, const char *scope, const char *name,
				const char *type, struct mutu_err *err);
	int (*writer_finish)(struct store_writer *w, struct mutu_err *err);
	void (*writer_free)(struct store_writer *w);

	int (*cases_open)(struct mutu_store *s, const struct store_case_filter *f,
			  struct store_cursor **out, struct mutu_err *err);
	int (*cases_next)(struct store_cursor *c, const struct store_case_row **row,
			  struct mutu_err *err);
	void (*cursor_free)(struct store_cursor *c); /* cases and export cursors */
	int (*attr_names)(struct mutu_store *s, const char *scope, store_name_fn fn, void *ctx,
			  struct mutu_err *err);
	int (*sops)(struct mutu_store *s, const char *sop, store_name_fn fn, void *ctx,
		    struct mutu_err *err);
	int (*offices)(struct mutu_store *s, store_name_fn fn, void *ctx, struct mutu_err *err);

	int (*latest)(struct mutu_store *s, int sop_set, const char *sop, const char *case_key,
		      int64_t *ms, int *off, struct mutu_err *err);
	int (*latest_end)(struct mutu_store *s, int64_t *ms, struct mutu_err *err);
	int (*any_end_in)(struct mutu_store *s, int64_t from_ms, int64_t to_ms, struct mutu_err *err);

	int (*flags_schema)(struct mutu_store *s, struct mutu_err *err);
	int (*flags_replace)(struct mutu_store *s, int64_t case_id, const struct store_flag *f,
			     size_t n, const char *audited_at, struct mutu_err *err);

	int (*count)(struct mutu_store *s, struct store_counts *c, struct mutu_err *err);
	int (*sop_spans)(struct mutu_store *s, store_span_fn fn, void *ctx, struct mutu_err *err);
	int (*rejected_list)(struct mutu_store *s, int64_t batch, store_rejected_fn fn, void *ctx,
			     struct mutu_err *err);

	int (*export_open)(struct mutu_store *s, const struct store_export_filter *f,
			   struct store_cursor **out, struct mutu_err *err);
	int (*export_attrs)(struct store_cursor *c, store_attr_fn fn, void *ctx,
			    struct mutu_err *err);
	int (*export_attr_names)(struct mutu_store *s, const struct store_export_filter *f,
				 const char *scope, store_name_fn fn, void *ctx, struct mutu_err *err);
	int (*attr_types)(struct mutu_store *s, store_type_fn fn, void *ctx, struct mutu_err *err);

	int (*sum_mark)(struct mutu_store *s, int64_t *mark, struct mutu_err *err);
	int (*sum_get)(struct mutu_store *s, struct store_month_sum *q, struct mutu_err *err);
	int (*sum_put)(struct mutu_store *s, const char *office, const struct store_month_sum *rows, size_t n,
		       int64_t mark, struct mutu_err *err);
	/* kept case measures; NULL: the backend keeps none */
	int (*measure_put)(struct mutu_store *s, const struct store_measure *rows, size_t n, int64_t mark,
			   struct mutu_err *err);
	int (*measure_count)(struct mutu_store *s, int64_t *n, struct mutu_err *err);
};

/*
 * Backend openers.  location is without a "sqlite:" prefix for SQLite and
 * whole (the libpq URI) for PostgreSQL.  On success *out is a backend
 * struct whose base has ops, kind, mode, busy_ms and version set; store.c
 * fills where (store_sqlite_open may set it first: store.c keeps it).
 */
int store_sqlite_open(const char *path, int mode, int busy_ms, const atomic_int *cancel,
		      struct mutu_store **out, struct mutu_err *err);
int store_pg_open(const char *uri, int mode, int busy_ms, const atomic_int *cancel,
		  struct mutu_store **out, struct mutu_err *err);

/* busy_ms as used: 0 is the default, negative is no wait. */
static inline int store_busy_of(int busy_ms)
{
	return busy_ms == 0 ? STORE_BUSY_DEFAULT_MS : busy_ms < 0 ? 0 : busy_ms;
}

/* The shared diagnoses, one wording for both backends. */
int store_err_locked(const char *where, int busy_ms, struct mutu_err *err);
int store_err_readonly(const char *where, const char *why, struct mutu_err *err);

#endif /* MUTU_STORE_INT_H */
