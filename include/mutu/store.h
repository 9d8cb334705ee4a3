/*
 * store.h - the mutu store: where ingested event logs live, and the only
 * door to them.  Every SQL statement mutu runs is behind this header
 * (engine/store*.c); no other module sees a database handle.
 *
 * A store is opened from a location:
 *   "mutu.db", "some/path.db"          SQLite file (the default, one office)
 *   "sqlite:PATH"                      SQLite file, said explicitly
 *   "postgresql://user@host/db?..."    PostgreSQL (libpq URI), a province
 *   "postgres:///db?host=/socket/dir"  PostgreSQL over a Unix socket
 * The schema is docs/store.md.  struct mutu_store is opaque; the backend
 * is chosen by the location and hidden behind the operations below.
 *
 * Conventions of every function here: returns 0 (or a count / 1 for "a
 * row") on success and a negative MUTU_E* on failure with err filled with
 * a message that names the store's location and says what to do.  Strings
 * passed in are borrowed for the call.  Strings and rows handed out are
 * owned by the store (or the cursor / writer) and valid until the next
 * call on the same object unless said otherwise.
 *
 * Instants are integer milliseconds since 1970-01-01T00:00:00Z (UTC);
 * offsets are minutes east of UTC, STORE_OFF_NONE when not recorded.
 *
 * Thread use: one struct mutu_store per thread at a time.  The ingest's
 * writer thread uses the store while the parsing thread does not touch it.
 */
#ifndef MUTU_STORE_H
#define MUTU_STORE_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "mutu/base.h"

struct mutu_store;

/* What the opener means to do with a store (store_open's mode).  Same
 * values as ELOG_STORE_* in elog.h. */
enum {
	STORE_READ = 0,   /* reports, audit --no-store, db: a read-only store will do */
	STORE_CREATE = 1, /* ingest: create when missing, must be writable */
	STORE_WRITE = 2   /* audit: must exist and be writable */
};

/* How long an opener waits for another process's write lock
 * (--busy-timeout MS): default 5 s, at most 10 minutes. */
#define STORE_BUSY_DEFAULT_MS 5000
#define STORE_BUSY_MAX_MS 600000

/* Backend of an open store (store_kind). */
enum store_kind { STORE_SQLITE = 1, STORE_POSTGRESQL = 2 };

/* Offset value meaning "the stamp carried no offset" (a NULL *_off). */
#define STORE_OFF_NONE INT32_MIN

/* Longest location accepted (a path or a libpq URI), bytes. */
#define STORE_LOCATION_MAX 4096

/*
 * Open the store at location (above) with mode STORE_*, migrating it to
 * the current schema version (writable stores only; a read-only store at
 * an older version is refused with what to do).  busy_ms: wait that long
 * for a lock held by another process; 0 means STORE_BUSY_DEFAULT_MS,
 * negative means do not wait; range -1..STORE_BUSY_MAX_MS.
 * *out is the caller's, closed with store_close.
 * Failures, each with its own message naming the location:
 *   missing store (READ/WRITE)            MUTU_ENOTFOUND
 *   not a store / not mutu's schema       MUTU_EINPUT ("not a mutu store")
 *   damaged (SQLite: quick_check quoted)  MUTU_EINPUT ("damaged")
 *   read-only, for CREATE/WRITE           MUTU_EFAIL (says what still works)
 *   locked by another writer past busy_ms MUTU_EFAIL
 *   a backend this mutu was built without MUTU_EINPUT
 *   connection / authentication refused   MUTU_EFAIL (host, database, what to check)
 */
int store_open(const char *location, int mode, int busy_ms, struct mutu_store **out,
	       struct mutu_err *err);
/* store_open, stopping any wait for another process's lock -- at this
 * open and at every later call on the store -- as soon as *cancel is
 * non-zero (a Ctrl-C: a signal handler may set it, a lock-free atomic
 * the caller owns and keeps alive while the store is open).  The call
 * that was waiting then fails with MUTU_ECANCEL and has written nothing.
 * PostgreSQL: the statement waiting is cancelled on the server
 * (PQcancel) and the transaction rolled back.
 * cancel NULL: store_open. */
int store_open_cancel(const char *location, int mode, int busy_ms, const atomic_int *cancel,
		      struct mutu_store **out, struct mutu_err *err);
void store_close(struct mutu_store *s); /* NULL-safe; rolls back an open transaction */
/* store_close, and when this open created the store (a new SQLite file)
 * remove it again with its side files: an ingest that created it failed
 * before anything was committed.  Otherwise as store_close. */
void store_close_discard(struct mutu_store *s);

/* Process-wide settings of the backends' libraries (SQLite: memory
 * statistics off, which otherwise take a global mutex on every
 * allocation).  For programs: call once at start, before any thread and
 * any store_open; a library user may skip it. */
void store_process_init(void);

/*
 * Limit this connection to one office (--office): case cursors whose
 * filter names no office read only this office's cases, the batch
 * lookups (a batch is its file's sha256 and its office: the same-file
 * no-op is per office), latest instants and office lists are the
 * office's (both backends; the ingest always names the office, '' for
 * the default one; --force supersedes the new batch's office's loads
 * only), and on PostgreSQL counts, SOP lists and rejected rows are the
 * office's too.  NULL: every office (the default; reads see a province whole);
 * "": the default office.  office is copied.  Returns 0, or MUTU_EINPUT
 * for a name over STORE_OFFICE_MAX bytes.
 */
#define STORE_OFFICE_MAX 100
int store_set_office(struct mutu_store *s, const char *office, struct mutu_err *err);

/*
 * Is office (--office) one of the store's offices: one some batch was
 * ingested for, superseded or not ("" the default office, a log ingested
 * without --office)?  NULL (every office), and any office of a store with
 * nothing ingested yet, are.  0 yes; MUTU_ENOTFOUND naming the office and
 * listing the store's (sorted, at most 12 named), so a typo is not read as
 * an office with no cases: a report of it was empty with exit 0.  <0 on a
 * store error.  Reads
 * every office's batches whatever store_set_office set, and leaves it set.
 */
int store_office_check(struct mutu_store *s, const char *office, struct mutu_err *err);
enum store_kind store_kind(const struct mutu_store *s);
/* The office store_set_office set (NULL: every office); owned by the store,
 * valid until the next store_set_office. */
const char *store_office(const struct mutu_store *s);
/* The location as messages should name it: the path for SQLite ("x.db",
 * without "sqlite:"), the URI without its password for PostgreSQL.
 * Owned by the store. */
const char *store_where(const struct mutu_store *s);
/* Schema version of the open store (docs/store.md; STORE_SCHEMA_VERSION
 * after a writable open). */
#define STORE_SCHEMA_VERSION 11
int store_schema_version(const struct mutu_store *s);

/* ---- transactions ----
 * At most one at a time per store.  Without one, every call below is its
 * own transaction (SQLite autocommit), except the writer's, which needs
 * store_begin_write. */

/* Take the write lock: the same "locked" diagnosis (location, waited
 * busy_ms) wherever it is met.  what says what the caller was doing. */
int store_begin_write(struct mutu_store *s, const char *what, struct mutu_err *err);
/* A consistent read snapshot (SQLite: a read transaction, which WAL keeps
 * stable while ingests commit; PostgreSQL: REPEATABLE READ, READ ONLY). */
int store_begin_read(struct mutu_store *s, struct mutu_err *err);
int store_commit(struct mutu_store *s, struct mutu_err *err);
void store_rollback(struct mutu_store *s); /* no-op without a transaction */

/* ---- batches (one per ingest run) ---- */

struct store_batch {
	int64_t id;
	const char *file;        /* as given */
	uint64_t size;
	const char *sha256;      /* 64 hex digits */
	const char *ingested_at; /* ISO 8601 UTC */
	const char *sop;         /* --sop, NULL when none */
	const char *office;      /* --office, "" when none */
	const char *options;     /* mapping options as JSON */
	const char *dropped;     /* personal columns dropped, comma-separated, or NULL */
	uint64_t rows_read, events_stored, rejected, duplicates, unknown_activities;
	int64_t superseded_by;   /* 0: live */
};

/* A live (not superseded) batch of this size exists?  1 yes, 0 no, <0 error.
 * Lets the ingest hash the file while parsing when no batch can match. */
int store_batch_size_seen(struct mutu_store *s, uint64_t size, struct mutu_err *err);
/*
 * The earliest live batch with this sha256 other than except_id (0: none
 * excepted): 1 found (*id and at, its ingested_at, filled), 0 none, <0
 * error.  at may be NULL; at_size its size (40 holds any ISO stamp).
 */
int store_batch_find(struct mutu_store *s, const char *sha256, int64_t except_id, int64_t *id,
		     char *at, size_t at_size, struct mutu_err *err);
/* Insert the batch row (b->id, the counts and superseded_by ignored) and
 * set *id.  Inside store_begin_write. */
int store_batch_create(struct mutu_store *s, const struct store_batch *b, int64_t *id,
		       struct mutu_err *err);
/* --force: the earlier live batches with b's sha256 give way to batch
 * new_id: their events, event attributes and rejected rows deleted, their
 * rows marked superseded_by = new_id; *events_removed counts the events.
 * Cases stay.  Inside store_begin_write. */
int store_batch_supersede(struct mutu_store *s, const char *sha256, int64_t new_id,
			  uint64_t *events_removed, struct mutu_err *err);
/* Write the final counts, sha256, size and dropped columns of batch b->id.
 * Inside store_begin_write. */
int store_batch_finish(struct mutu_store *s, const struct store_batch *b, struct mutu_err *err);
/* Call fn for every batch in id order; fn returning non-zero stops the walk
 * (store_batch_list returns that value).  The row is valid during fn. */
typedef int (*store_batch_fn)(void *ctx, const struct store_batch *b);
int store_batch_list(struct mutu_store *s, store_batch_fn fn, void *ctx, struct mutu_err *err);
/* Does batch id exist?  1 yes, 0 no, <0 error. */
int store_batch_exists(struct mutu_store *s, int64_t id, struct mutu_err *err);

/* ---- the batch writer: cases, events, attributes, rejected rows ----
 * Opened inside store_begin_write after store_batch_create; everything it
 * writes commits or rolls back with the transaction.  Used from one thread
 * (the ingest's writer thread). */

struct store_writer;

/*
 * bytes_hint: the size of the log being loaded; a backend may use it to
 * defer index maintenance for a batch larger than the store (SQLite
 * rebuilds events_end, sorted, in store_writer_finish).
 */
int store_writer_open(struct mutu_store *s, int64_t batch_id, uint64_t bytes_hint,
		      struct store_writer **out, struct mutu_err *err);

/* One event as the writer takes it.  Text is (pointer, length), not
 * NUL-terminated; a NULL pointer is SQL NULL (activity is never NULL). */
struct store_event {
	int64_t case_id;
	int64_t line;                 /* line where the source row starts */
	int step;                     /* 0: not mapped (NULL) */
	const char *activity; size_t activity_len;
	const char *actor; size_t actor_len;         /* NULL: none */
	const char *lifecycle; size_t lifecycle_len; /* NULL: none */
	int has_start, has_end;
	int64_t start_ms, end_ms;
	int start_off, end_off;       /* minutes east of UTC */
	int unknown;                  /* 1: activity not in the SOP model */
	uint64_t dkey;                /* elog_dkey of (activity, start, end, actor) */
	/* the log's own order of a case's events with equal stamps (Celonis
	 * _SORTING, schema 11's events.sorting); has_sorting 0: none (NULL) */
	int has_sorting;
	int64_t sorting;
	/* the execution's instance id: the row's event attribute named in
	 * STORE_INSTANCE_ATTRS (bupaR activity_instance_id, XES
	 * concept:instance; the first name in byte order when both) of a row
	 * with a lifecycle, as the readers take it; NULL: none.  Part of the event's identity in the duplicate check (two
	 * executions of one activity by one officer started in one second are
	 * two events); it is stored as that attribute, not in the row. */
	const char *instance; size_t instance_len;
};

/*
 * Find or create the case key[0..key_len) (sop NULL: none; office "" when
 * none).  *created is 1 when this call inserted it (the caller then writes
 * its case attributes), 0 when it existed (its sop, office and first batch
 * stay as they were).
 */
int store_writer_case(struct store_writer *w, const char *key, size_t key_len, const char *sop,
		      size_t sop_len, const char *office, int64_t *case_id, int *created,
		      struct mutu_err *err);
int store_writer_case_attr(struct store_writer *w, int64_t case_id, const char *name,
			   const char *value, size_t value_len, struct mutu_err *err);
/*
 * Store an event unless the same event (case, activity, start, end,
 * actor, instance: exact comparison, dkey only makes it cheap; the
 * instance is left out of dkey, so stores written before field round 11
 * keep their keys, and an event that differs only in it is met as a
 * collision and stored under the next key) is stored already:
 * *dup = 1 and nothing written.  Else *event_id is the new row's id.
 * Also widens the case's first/last instants (the period cursor's index).
 */
int store_writer_event(struct store_writer *w, const struct store_event *e, int64_t *event_id,
		       int *dup, struct mutu_err *err);
int store_writer_event_attr(struct store_writer *w, int64_t event_id, const char *name,
			    const char *value, size_t value_len, struct mutu_err *err);
/* A rejected row: its line, raw text (personal cells blanked) and reason. */
int store_writer_rejected(struct store_writer *w, int64_t line, const char *raw, size_t raw_len,
			  const char *reason, size_t reason_len, struct mutu_err *err);
/* The XES type of an attribute key of this batch (scope "case" or
 * "event"; type as elog_attr_type_name writes it).  Repeats are ignored.
 * Before or after store_writer_finish (the XES reader knows the types only
 * once the file is read; elog.c calls it after), before store_batch_finish:
 * in the batch's transaction either way, so a rolled-back batch has none. */
int store_writer_attr_type(struct store_writer *w, const char *scope, const char *name,
			   const char *type, struct mutu_err *err);
/* Flush what the writer keeps back (case first/last instants, a deferred
 * index) into the transaction.  Call once, before store_batch_finish. */
int store_writer_finish(struct store_writer *w, struct mutu_err *err);
void store_writer_free(struct store_writer *w); /* NULL-safe; writes nothing */

/* ---- reading cases: the case cursor ---- */

/*
 * Which cases a cursor yields, in case id (= ingest) order.  Every field
 * is optional (NULL / 0: no filter); filters combine with AND.
 * Period: cases whose first instant (earliest start or end of their
 * events) is before to_ms and whose last instant (latest end, or start of
 * an open row) is at or after from_ms, i.e. the case's span overlaps
 * [from_ms, to_ms).  Cases whose span is not recorded (no events, or
 * rows written by other tools than store_writer) are yielded too: the
 * reader judges them.  Read through an index: the cost follows the cases
 * selected, not the store.
 */
struct store_case_filter {
	const char *sop;      /* cases.sop = sop */
	const char *case_key; /* one case */
	const char *office;   /* cases.office = office ("" is the default office) */
	int has_period;
	int64_t from_ms, to_ms;
	/*
	 * With has_period, open_before = 1: also the cases wholly before the
	 * period (last instant < from_ms) that may still be open at its end
	 * (a report's backlog), found through cases.last_done_step (the step
	 * of the case's latest completion, schema 6) without reading the
	 * finished history.  open_sops[i] (NULL: cases without an SOP) with
	 * open_final[i] > 0 (the first step that finishes a case, sla.h
	 * sla_sop_final_step: the office's end step) and open_last[i] (the
	 * last such step, the SOP's last step: the applicant's collection
	 * after the office's end finishes a case too; open_last NULL: the
	 * same as open_final): its old cases whose last_done_step is
	 * outside open_final[i] .. open_last[i]; open_final[i] = 0: all
	 * its old cases.  Old cases of an SOP not listed are not yielded, so
	 * list every SOP of the store (store_sops).  Borrowed; at most
	 * STORE_MAX_OPEN_SOPS.
	 */
	int open_before;
	const char *const *open_sops;
	const int *open_final;
	const int *open_last;
	size_t nopen_sops;
	/* Attributes the cursor returns with each case: the case attributes
	 * with one of these names, and for each event the first (by name)
	 * non-empty event attribute with one of these names.  Borrowed for
	 * the cursor's life.  At most STORE_MAX_ATTR_NAMES each. */
	const char *const *case_attrs;
	size_t ncase_attrs;
	const char *const *event_attrs;
	size_t nevent_attrs;
	/* Kept case measures (schema 9, store_measure_put): a case whose
	 * stored measure has one of these fingerprints is yielded with that
	 * measure (store_case_row.measure) and without its events and
	 * attributes, which are then not read.  Borrowed; at most
	 * STORE_MAX_OPEN_SOPS + 1; 0: no measure is read.  A backend without
	 * measures (store_has_measures 0) ignores them. */
	const char *const *measure_fps;
	size_t nmeasure_fps;
};
#define STORE_MAX_ATTR_NAMES 16
#define STORE_MAX_OPEN_SOPS 48

struct store_event_row {
	int64_t id;
	int step;               /* 0: NULL */
	const char *activity;   /* never NULL */
	const char *actor;      /* NULL: none */
	const char *lifecycle;  /* NULL: none */
	int has_start, has_end;
	int64_t start_ms, end_ms;
	int start_off, end_off; /* minutes east of UTC, STORE_OFF_NONE */
	int unknown;
	int64_t sorting;        /* events.sorting, 0 when NULL: the order of
				 * equal stamps after time, before id */
	const char *attr_name, *attr_value; /* event_attrs match, or NULL */
	const char *instance;   /* the row's execution instance id (an event
				 * attribute named in STORE_INSTANCE_ATTRS) for
				 * a row with a lifecycle; NULL: none or export */
};

/* Event attributes that name one execution of an activity, its start and
 * complete rows alike (bupaR eventlog, XES concept extension), as an SQL
 * list body: the first by name is taken. */
#define STORE_INSTANCE_ATTRS "activity_instance_id', 'concept:instance"

struct store_attr_row {
	const char *name, *value;
};

struct store_case_row {
	int64_t id;
	const char *key;
	const char *sop;    /* NULL: none */
	const char *office; /* "" default */
	/* every event of the case, each once, in no promised order: the
	 * PostgreSQL query orders by id, the SQLite one only by case, so its
	 * events come as the query plan reads them (by rowid, or through the
	 * (case_id, end_ms) index).  Readers sort (sla_events_pair: by time,
	 * then sorting, then id); export's cursor (below) is the one with a
	 * fixed order. */
	const struct store_event_row *ev;
	size_t nev;
	const struct store_attr_row *attrs; /* case_attrs matches */
	size_t nattrs;
	/* the case's kept measure when the filter asked for its fingerprint
	 * (nev and nattrs are then 0), else NULL; owned by the cursor */
	const unsigned char *measure;
	size_t measure_len;
};

struct store_cursor;
int store_cases_open(struct mutu_store *s, const struct store_case_filter *f,
		     struct store_cursor **out, struct mutu_err *err);
/* 1 and *row (owned by the cursor, valid until the next call), 0 at the
 * end, <0 error. */
int store_cases_next(struct store_cursor *c, const struct store_case_row **row,
		     struct mutu_err *err);
void store_cursor_free(struct store_cursor *c); /* NULL-safe */

/* Distinct attribute names of scope "case" or "event", each passed to fn
 * (fn non-zero stops and is returned).  For planned-date detection. */
typedef int (*store_name_fn)(void *ctx, const char *name);
int store_attr_names(struct mutu_store *s, const char *scope, store_name_fn fn, void *ctx,
		     struct mutu_err *err);
/* Distinct cases.sop values (NULL for cases without one), sorted, NULL
 * first; only sop when sop != NULL.  fn as above. */
int store_sops(struct mutu_store *s, const char *sop, store_name_fn fn, void *ctx,
	       struct mutu_err *err);
/* Distinct cases.office values ("" the default office), sorted by byte
 * value, each passed to fn (fn as above): the offices of a province
 * store, for the report that sets them side by side.  Limited to the
 * connection's office when store_set_office named one. */
int store_offices(struct mutu_store *s, store_name_fn fn, void *ctx, struct mutu_err *err);

/* ---- instants ---- */

/*
 * The latest instant of the scope: the latest end of an event, or the
 * start of an open row when later.  Scope: sop_set = 0 and case_key NULL:
 * the whole store; case_key: the cases of that case's SOP; else the cases
 * whose sop IS sop (NULL sop = the cases without one).  1 and *ms, *off
 * (STORE_OFF_NONE when unknown), 0 when the scope has no stamped event,
 * <0 error.
 */
int store_latest(struct mutu_store *s, int sop_set, const char *sop, const char *case_key,
		 int64_t *ms, int *off, struct mutu_err *err);
/* The latest end_ms of any event: 1 and *ms, 0 none, <0 error. */
int store_latest_end(struct mutu_store *s, int64_t *ms, struct mutu_err *err);
/* Any event ending in [from_ms, to_ms)?  1 yes, 0 no, <0 error. */
int store_any_end_in(struct mutu_store *s, int64_t from_ms, int64_t to_ms, struct mutu_err *err);

/* ---- audit flags (mutu audit) ---- */

/* Create the audit_flags table when missing (no schema bump). */
int store_flags_schema(struct mutu_store *s, struct mutu_err *err);
struct store_flag {
	int64_t event_id;  /* 0: case-level */
	int step;          /* 0: none */
	const char *flag;  /* over | missing | ... (sla_flag_name) */
	double actual_s, std_s; /* NAN: NULL */
	const char *detail;     /* NULL or "": NULL */
};
/* Replace case_id's flags by these n, stamped audited_at (ISO 8601 UTC). */
int store_flags_replace(struct mutu_store *s, int64_t case_id, const struct store_flag *f, size_t n,
			const char *audited_at, struct mutu_err *err);

/* ---- what mutu db shows ---- */

struct store_counts {
	uint64_t cases, events, rejected, unknown, activities, actors;
};
int store_count(struct mutu_store *s, struct store_counts *c, struct mutu_err *err);
/* Per SOP, sorted by sop with the cases without one (sop NULL) first:
 * cases with events, events, the earliest stamp (start, else end) and the
 * latest (end, else start) with the offsets written on them. */
struct store_sop_span {
	const char *sop;
	uint64_t cases, events;
	int has_first, has_last;
	int64_t first_ms, last_ms;
	int first_off, last_off;
};
typedef int (*store_span_fn)(void *ctx, const struct store_sop_span *sp);
int store_sop_spans(struct mutu_store *s, store_span_fn fn, void *ctx, struct mutu_err *err);
/* Rejected rows (batch 0: all), by batch and line. */
struct store_rejected_row {
	int64_t batch_id, line;
	const char *reason, *raw;
};
typedef int (*store_rejected_fn)(void *ctx, const struct store_rejected_row *r);
int store_rejected_list(struct mutu_store *s, int64_t batch, store_rejected_fn fn, void *ctx,
			struct mutu_err *err);

/* ---- export's reads (elog_export) ---- */

/*
 * The cases export selects, in id order: sop (NULL any), and the local day
 * of the case's first stamp (at that stamp's own offset) within
 * [from_day, to_day] as day numbers since 1970-01-01 (has_from/has_to 0:
 * open); cases without events are left out.  Yields rows with events in
 * the order (coalesce(start, end), coalesce(sorting, 0), id), no
 * attributes (ev[].attr_* NULL).
 */
struct store_export_filter {
	const char *sop;
	int has_from, has_to;
	int64_t from_day, to_day;
};
int store_export_open(struct mutu_store *s, const struct store_export_filter *f,
		      struct store_cursor **out, struct mutu_err *err);
/* The attributes of the case the cursor last returned: case attributes by
 * name, then event attributes by (event id, name); event_id 0 for case
 * attributes.  fn non-zero stops. */
typedef int (*store_attr_fn)(void *ctx, int64_t event_id, const char *name, const char *value);
int store_export_attrs(struct store_cursor *c, store_attr_fn fn, void *ctx, struct mutu_err *err);
/* Distinct attribute names among the cases f selects, scope "case" or
 * "event", sorted. */
int store_export_attr_names(struct mutu_store *s, const struct store_export_filter *f,
			    const char *scope, store_name_fn fn, void *ctx, struct mutu_err *err);
/* attr_types, merged over batches: (scope, name, type) with "string" when
 * batches disagree. */
typedef int (*store_type_fn)(void *ctx, const char *scope, const char *name, const char *type);
int store_attr_types(struct mutu_store *s, store_type_fn fn, void *ctx, struct mutu_err *err);

/* ---- per-month summaries (schema 8; docs/store.md, "Reading a period") ----
 *
 * A monthly report keeps, per group of its report (an SOP, the cases
 * without one, the office whole) and month, the figures of that month's
 * trend row, so a later report whose 12-month trend takes that month
 * need not read its cases again.  The store also keeps, per batch, the
 * (office, SOP) pairs the batch touched and the earliest first instant
 * among the cases it touched (batch_touch, filled by each backend's
 * writer in store_writer_finish): a summary of a month is stale once a
 * newer batch touched a case of its group whose first instant is before
 * the month's end. */

/* The office key of a summary for a report of every office (no office
 * name has a control character). */
#define STORE_SUM_ALL_OFFICES "\001"

struct store_month_sum {
	const char *group;       /* "s:ID" an SOP, "n" the cases without one, "o" the office whole */
	int month;               /* year * 12 + month - 1 */
	const char *fingerprint; /* what else the figures depend on (sla_month.c), hex */
	int64_t finished, with_ceiling, within, with_target, within_target;
	double median_s;         /* NAN: none (no case finished) */
	/* validity (store_sum_get only): the batches that make it stale are
	 * those of SOP sop (NULL: cases without an SOP), or of any SOP when
	 * sop_any, touching a case whose first instant is before end_ms */
	int sop_any;
	const char *sop;
	int64_t end_ms;
};
/* What the current read snapshot has seen, for store_sum_put (SQLite: the
 * newest batch id; PostgreSQL: the snapshot's oldest running transaction,
 * since batches of two offices commit in any order). */
int store_sum_mark(struct mutu_store *s, int64_t *mark, struct mutu_err *err);
/* The summary (q->group, q->month, q->fingerprint) of the connection's
 * office (store_set_office; NULL: every office), if stored and still
 * valid: 1 and the figures filled in *q, 0 none or stale, <0 error. */
int store_sum_get(struct mutu_store *s, struct store_month_sum *q, struct mutu_err *err);
/* Store n summaries of office (NULL: every office) computed in the
 * snapshot whose store_sum_mark was mark, replacing older ones of the same
 * key, in one write transaction of its own (call outside any): 1
 * written; 0 nothing written because the store is read-only or another
 * process holds the write lock (a report does not wait to cache); <0
 * error. */
int store_sum_put(struct mutu_store *s, const char *office, const struct store_month_sum *rows, size_t n,
		  int64_t mark, struct mutu_err *err);

/* ---- kept case measures (schema 9; docs/store.md, "Case measures") ----
 *
 * A case's measure (what the monthly report takes from it, finished or
 * open: an open case's clock, from which each month's end is computed;
 * encoded by sla_month.c; the store does not read the bytes) does not
 * depend on the month asked, so a report keeps it per case, keyed by a
 * fingerprint of everything else it depends on (model, calendar, options,
 * encoding), and a later report reads it instead of the case's events
 * (store_case_filter.measure_fps).  Every store operation that adds or
 * removes events of a case (the writer, --force's supersede) removes the
 * case's measure in the same transaction. */

/* Does this backend keep measures?  0: store_measure_put writes nothing
 * and cursors ignore measure_fps. */
int store_has_measures(const struct mutu_store *s);

struct store_measure {
	int64_t case_id;
	const char *office;      /* the case's office ("" the default one) */
	const char *fp;          /* fingerprint, hex */
	const unsigned char *blob;
	size_t len;
};
/* Keep n measures computed in the snapshot whose store_sum_mark was mark,
 * replacing a case's older one, in one write transaction of its own (call
 * outside any): 1 written; 0 nothing written because the store is
 * read-only, another process holds the write lock (SQLite) or an office's
 * ingest lock (PostgreSQL), or a batch committed since the snapshot (its
 * cases may have changed: nothing computed before it is kept); <0 error. */
int store_measure_put(struct mutu_store *s, const struct store_measure *rows, size_t n, int64_t mark,
		      struct mutu_err *err);
/* How many measures the store keeps (of the connection's office when
 * store_set_office named one): for db info and tests. */
int store_measure_count(struct mutu_store *s, int64_t *n, struct mutu_err *err);

#endif /* MUTU_STORE_H */
