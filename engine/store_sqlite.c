/*
 * store_sqlite.c - the SQLite backend of the store (store.h): opening,
 * schema and migrations, transactions, batches, the ingest's writer, the
 * case cursor, audit flags and what `mutu db` and export read.
 *
 * The schema is docs/store.md.  PRAGMA user_version is the schema version;
 * each entry of `migrations` takes a store from version N-1 to N inside one
 * transaction, so a store is always at some version, never between two.
 *
 * Opening also tells the ways a store can be unusable apart, each with
 * its own message: not a store, damaged (quick_check quoted), locked by
 * another writer (after the busy timeout), read-only (opened read-only
 * when reading will do, refused up front for ingest and audit).
 */
#define _GNU_SOURCE 1 /* sync_file_range (Linux) */
#include "store_int.h"
#include "elog_int.h"
#include "mutu/elog.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>
#include <stdatomic.h>

/*
 * How a connection waits for another process's lock: SQLite's own busy
 * timeout sleeps through a Ctrl-C (hardening round 4: an ingest waiting on
 * a store held by another writer went on waiting for the lock after SIGINT,
 * up to --busy-timeout, 10 minutes at most).  This handler sleeps in short
 * steps and gives up at once when the caller's cancel flag is set (the
 * signal also cuts the sleep short: the CLI's handler has no SA_RESTART).
 */
struct sq_wait {
	int ms;                   /* how long to wait for one lock; 0: not at all */
	const atomic_int *cancel; /* store_open_cancel's flag, NULL none */
	int cancelled;            /* a wait was given up because of it */
	struct timespec t0;       /* when the current wait began */
};

struct sq {
	struct mutu_store base;
	sqlite3 *db;
	char *path;
	int wal_at_close; /* created by this open: rollback journal until sq_close (setup) */
	struct sq_wait wait;
};

static int wait_cancelled(struct sq_wait *w)
{
	if (w->cancel && atomic_load_explicit(w->cancel, memory_order_relaxed))
		w->cancelled = 1;
	return w->cancelled;
}

/* sqlite3_busy_handler's callback: 1 to try the lock again, 0 to give up
 * (the statement then fails with SQLITE_BUSY).  count is 0 at the first
 * call of one wait. */
static int on_busy(void *ctx, int count)
{
	struct sq_wait *w = ctx;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (count == 0)
		w->t0 = now;
	if (wait_cancelled(w))
		return 0;
	long long spent = (long long)(now.tv_sec - w->t0.tv_sec) * 1000 +
			  (now.tv_nsec - w->t0.tv_nsec) / 1000000;
	if (spent >= w->ms)
		return 0;
	/* SQLite's own steps (1, 2, 5, 10, 15, 20, 25 ms, then 25): a lock
	 * freed is taken within 25 ms, a cancel seen within 25 ms */
	static const int step[] = {1, 2, 5, 10, 15, 20, 25};
	long long d = step[count < 6 ? count : 6];
	if (d > w->ms - spent)
		d = w->ms - spent;
	struct timespec ts = {(time_t)(d / 1000), (long)(d % 1000) * 1000000L};
	nanosleep(&ts, NULL);
	return !wait_cancelled(w);
}

/* Install the wait on db: ms 0 gives up at the first busy lock. */
static void set_wait(sqlite3 *db, struct sq_wait *w, int ms)
{
	w->ms = ms;
	sqlite3_busy_handler(db, on_busy, w);
}

/* The error of a wait given up for the caller's cancel flag. */
static int err_cancelled(const char *path, const char *what, struct mutu_err *err)
{
	return mutu_errf(err, MUTU_ECANCEL,
			 "%s: stopped while waiting for another process's lock on the store (%s): "
			 "nothing was written",
			 path, what);
}

static sqlite3 *DB(struct mutu_store *s)
{
	return ((struct sq *)s)->db;
}

/* ---------------------------------------------------------------- schema */

/* SQL function elog_dkey(activity, start_ms, end_ms, actor), for migrations. */
static void sql_dkey(sqlite3_context *ctx, int argc, sqlite3_value **v)
{
	(void)argc;
	const char *act = (const char *)sqlite3_value_text(v[0]);
	size_t alen = (size_t)sqlite3_value_bytes(v[0]);
	int hs = sqlite3_value_type(v[1]) != SQLITE_NULL;
	int he = sqlite3_value_type(v[2]) != SQLITE_NULL;
	int ha = sqlite3_value_type(v[3]) != SQLITE_NULL;
	const char *actor = ha ? (const char *)sqlite3_value_text(v[3]) : "";
	size_t rlen = ha ? (size_t)sqlite3_value_bytes(v[3]) : 0;
	uint64_t k = elog_dkey(act ? act : "", act ? alen : 0, hs, hs ? sqlite3_value_int64(v[1]) : 0,
			       he, he ? sqlite3_value_int64(v[2]) : 0, actor, rlen, ha);
	sqlite3_result_int64(ctx, (sqlite3_int64)k);
}

/* Version 1: the schema as first written in docs/store.md, but for the
 * events_end index that schema 10 drops (a store at version 0 is a new,
 * empty one: nothing else runs this). */
static const char schema_v1[] =
	"CREATE TABLE batches ("
	" id INTEGER PRIMARY KEY, file TEXT NOT NULL, size INTEGER NOT NULL,"
	" sha256 TEXT NOT NULL, ingested_at TEXT NOT NULL, sop TEXT, options TEXT,"
	" rows_read INTEGER NOT NULL DEFAULT 0, events_stored INTEGER NOT NULL DEFAULT 0,"
	" rejected INTEGER NOT NULL DEFAULT 0, duplicates INTEGER NOT NULL DEFAULT 0,"
	" unknown_activities INTEGER NOT NULL DEFAULT 0, dropped_columns TEXT);"
	"CREATE TABLE cases ("
	" id INTEGER PRIMARY KEY, case_key TEXT NOT NULL UNIQUE, sop TEXT,"
	" batch_id INTEGER NOT NULL REFERENCES batches(id));"
	"CREATE TABLE events ("
	" id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES cases(id),"
	" batch_id INTEGER NOT NULL REFERENCES batches(id), line INTEGER NOT NULL,"
	" step INTEGER, activity TEXT NOT NULL, actor TEXT, lifecycle TEXT,"
	" start_ms INTEGER, start_off INTEGER, end_ms INTEGER, end_off INTEGER,"
	" unknown INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE case_attrs (case_id INTEGER NOT NULL REFERENCES cases(id),"
	" name TEXT NOT NULL, value TEXT, PRIMARY KEY (case_id, name));"
	"CREATE TABLE event_attrs (event_id INTEGER NOT NULL REFERENCES events(id),"
	" name TEXT NOT NULL, value TEXT, PRIMARY KEY (event_id, name));"
	"CREATE TABLE rejected ("
	" id INTEGER PRIMARY KEY, batch_id INTEGER NOT NULL REFERENCES batches(id),"
	" line INTEGER NOT NULL, raw TEXT NOT NULL, reason TEXT NOT NULL);"
	"CREATE INDEX events_case_end ON events(case_id, end_ms);"
	/* events_end ON events(end_ms) was here until schema 10 dropped it */
	"CREATE INDEX events_step ON events(step);"
	"CREATE INDEX cases_sop ON cases(sop);"
	"CREATE UNIQUE INDEX events_dedup_v1 ON events(case_id, activity,"
	" ifnull(start_ms, ''), ifnull(end_ms, ''), ifnull(actor, ''));"
	"CREATE INDEX rejected_batch ON rejected(batch_id, line);";

/*
 * Version 2: duplicate detection by (case_id, dkey) instead of an index
 * over the text columns, and two indexes fewer per event.  Measured on 1M
 * events (tests/bench/bench_ingest.sh): the v1 index set cost 2.4 s of
 * inserts over the 0.8 s of the bare table; v2 costs about 1.2 s.
 * events(case_id, ...) lookups use the dedup index's prefix; events(step)
 * alone selects a tenth of a table, which a scan does as fast.
 * batches.superseded_by marks a batch reloaded with --force.
 */
static const char schema_v2[] =
	"ALTER TABLE events ADD COLUMN dkey INTEGER;"
	"UPDATE events SET dkey = elog_dkey(activity, start_ms, end_ms, actor);"
	"DROP INDEX events_dedup_v1;"
	"DROP INDEX events_case_end;"
	"DROP INDEX events_step;"
	"CREATE UNIQUE INDEX events_dedup ON events(case_id, dkey);"
	"ALTER TABLE batches ADD COLUMN superseded_by INTEGER REFERENCES batches(id);"
	"CREATE INDEX batches_sha ON batches(sha256);";

/*
 * Version 3: the XES type (string, date, int, float, boolean, id, list,
 * container) of the attributes a XES batch stored, one row per batch,
 * scope and name: a XES writer types a key, not a value.  A table of its
 * own, not a column of case_attrs/event_attrs: readers and tests that
 * insert or select those tables by position keep working.  A CSV batch
 * has no rows here (its cells are text as written).
 */
static const char schema_v3[] =
	"CREATE TABLE attr_types (batch_id INTEGER NOT NULL REFERENCES batches(id),"
	" scope TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,"
	" PRIMARY KEY (batch_id, scope, name));";

/*
 * Version 4: the office a case belongs to (--office; '' for a store of one
 * office) and each case's span, first_ms (earliest start or end of its
 * events) and last_ms (latest end, or start of an open row), kept by the
 * ingest's writer.  cases_span lets a monthly report or an audit period
 * read only the cases that overlap it (last_ms >= from AND first_ms < to)
 * instead of the whole store; first_ms rides in the index so the second
 * half of the test needs no table row.
 */
static const char schema_v4[] =
	"ALTER TABLE cases ADD COLUMN office TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE cases ADD COLUMN first_ms INTEGER;"
	"ALTER TABLE cases ADD COLUMN last_ms INTEGER;"
	"ALTER TABLE batches ADD COLUMN office TEXT NOT NULL DEFAULT '';"
	"UPDATE cases SET"
	" first_ms = (SELECT min(coalesce(start_ms, end_ms)) FROM events WHERE case_id = cases.id),"
	" last_ms = (SELECT max(coalesce(end_ms, start_ms)) FROM events WHERE case_id = cases.id);"
	"CREATE INDEX cases_span ON cases(last_ms, first_ms);";

/* Version 5: an empty slot.  It was kept for a compact duplicate table of
 * the writer's (a WITHOUT ROWID table of 64-bit keys) on a branch that was
 * never merged: that table was judged and not taken (docs/store.md,
 * events.dkey under schema 2).  A store passes through it unchanged; the
 * number stays taken so that no two stores mean different things by 5. */
static const char schema_v5[] = "";

/*
 * Version 6: cases.last_done_step, the step of the case's latest
 * completion (the event with the greatest end_ms; the greatest step among
 * equal ends; 0 for a step-less row; NULL when no event has an end), kept
 * by the writer's per-case update.  A case whose latest completion is its
 * SOP's final step is finished (sla.c: the clock stops at the final
 * step's end once accepted, and acceptance is never after the latest
 * completion; since the clock stops at the office's last step, a final
 * step is that one or an applicant's step after it, store.h open_last), so a monthly report finds the old cases that may still be
 * open as an index range of cases_open (SOP, marker other than the final
 * step, span before the window) instead of reading the whole history
 * (docs/store.md, "Reading a period").
 */
static const char schema_v6[] =
	"ALTER TABLE cases ADD COLUMN last_done_step INTEGER;"
	"UPDATE cases SET last_done_step = (SELECT coalesce(step, 0) FROM events WHERE case_id = cases.id"
	" AND end_ms IS NOT NULL ORDER BY end_ms DESC, coalesce(step, 0) DESC LIMIT 1);"
	"CREATE INDEX cases_open ON cases(sop, last_done_step, last_ms);";

/*
 * Version 7: a case is its key within its office, UNIQUE (case_key,
 * office) instead of case_key alone, as on PostgreSQL: two offices of a
 * province whose case ids overlap (both number from 1) each keep their own
 * cases in one store; before, the second office's rows were filed under
 * the first office's case and counted as its duplicates.  SQLite cannot
 * drop a UNIQUE constraint in place, so the table is rebuilt (the
 * documented create/copy/drop/rename, inside the migration's transaction)
 * with the same columns as version 6 and the same ids, so events,
 * case_attrs and audit_flags still point at the right case; its indexes
 * are recreated.  The key comes first in the constraint's index: a lookup
 * by key alone (a reader with no office set) is still an index search.
 */
static const char schema_v7[] =
	"CREATE TABLE cases_v7 ("
	" id INTEGER PRIMARY KEY, case_key TEXT NOT NULL, sop TEXT,"
	" batch_id INTEGER NOT NULL REFERENCES batches(id), office TEXT NOT NULL DEFAULT '',"
	" first_ms INTEGER, last_ms INTEGER, last_done_step INTEGER, UNIQUE (case_key, office));"
	"INSERT INTO cases_v7 (id, case_key, sop, batch_id, office, first_ms, last_ms, last_done_step)"
	" SELECT id, case_key, sop, batch_id, office, first_ms, last_ms, last_done_step FROM cases;"
	"DROP TABLE cases;"
	"ALTER TABLE cases_v7 RENAME TO cases;"
	"CREATE INDEX cases_sop ON cases(sop);"
	"CREATE INDEX cases_span ON cases(last_ms, first_ms);"
	"CREATE INDEX cases_open ON cases(sop, last_done_step, last_ms);";

/*
 * Version 8: per-month summaries (docs/store.md, "Reading a period").
 * month_summary holds, per office key (the office, or U+0001 for a report
 * of every office), group (sop: "s:ID", "n" for the cases without an SOP,
 * "o" for the office whole), month (year * 12 + month - 1) and
 * fingerprint (the model, calendar and options the figures were computed
 * with), one month's trend row of a monthly report and the newest batch
 * the report's snapshot had seen.  batch_touch holds, per batch, the
 * (office, SOP) pairs it touched with the earliest first_ms among the
 * cases it touched (after their update): the writer fills it in
 * store_writer_finish (sq_batch_touch).  A summary is stale once a newer
 * batch of its group has low_ms before the month's end plus a day.
 * Nothing to fill for older batches: a summary written after the upgrade
 * records a batch id at least theirs.
 */
static const char schema_v8[] =
	"CREATE TABLE month_summary (office TEXT NOT NULL, sop TEXT NOT NULL, month INTEGER NOT NULL,"
	" fingerprint TEXT NOT NULL, batch_id INTEGER NOT NULL, finished INTEGER NOT NULL,"
	" with_ceiling INTEGER NOT NULL, within INTEGER NOT NULL, with_target INTEGER NOT NULL,"
	" within_target INTEGER NOT NULL, median_s REAL,"
	" PRIMARY KEY (office, sop, month, fingerprint)) WITHOUT ROWID;"
	"CREATE TABLE batch_touch (batch_id INTEGER NOT NULL, office TEXT NOT NULL, sop TEXT NOT NULL,"
	" low_ms INTEGER NOT NULL, PRIMARY KEY (batch_id, office, sop)) WITHOUT ROWID;";

/*
 * Version 9: kept case measures (docs/store.md, "Case measures").  One row
 * a case (finished or open) a monthly report measured: the fingerprint of
 * what the measure depends on besides the case (model, calendar, options,
 * the encoding's version) and the measure as sla_month.c encodes it.  A case
 * id is a case for ever (cases are never deleted, ids never reused), and
 * the writer and --force's supersede delete a case's row in the
 * transaction that changes its events.  Nothing to fill: a store without
 * rows reads events as before.
 */
static const char schema_v9[] =
	"CREATE TABLE case_measure (case_id INTEGER PRIMARY KEY, office TEXT NOT NULL,"
	" fp TEXT NOT NULL, blob BLOB NOT NULL);"
	/* "has this case a measure of these fingerprints?", asked of every
	 * case a report reads, from a narrow index: the table's leaf pages
	 * hold ~50 measures each, so the question for a case without one (an
	 * open case, scattered over the ids) read a 32 KiB page of blobs from
	 * the kernel's cache each time; the index is ~35 bytes a case and
	 * stays in the page cache (sq_cases_open) */
	"CREATE INDEX case_measure_fp ON case_measure(case_id, fp);";

/*
 * Version 10: no events (end_ms) index, as PostgreSQL's schema 5.  Its
 * readers (the latest instant, the latest end, "some event ends in a
 * period") go through the cases' spans instead (latest_by_cases,
 * sq_any_end_in), and the writer keeps one index on events up to date
 * instead of two; a bulk load no longer builds it after the load (the
 * build was most of the serial tail after the load: docs/store.md,
 * "Ingest speed").  A new store never has it: schema_v1 no longer
 * creates it (only a new store runs schema_v1), hence IF EXISTS.  And
 * no cases (sop) index: cases_open (sop, last_done_step, last_ms) starts
 * with sop, so every lookup or order by sop has that index's prefix; a
 * bulk load built both after the load (text sorts of every case).
 */
static const char schema_v10[] = "DROP INDEX IF EXISTS events_end; DROP INDEX IF EXISTS cases_sop;";

/*
 * Version 11: events.sorting, the log's own order of a case's events
 * whose stamps are equal (Celonis' activity table writes it as _SORTING:
 * an integer per event, because its EVENTTIME often repeats, the steps
 * one clerk closes at once).  The readers order a case's events by time,
 * then sorting (NULL as 0), then id (file order); before, equal stamps
 * kept file order, and an export not sorted by _SORTING gave the audit
 * the steps in the wrong order (field round 10).  NULL for every log
 * without such a column: it costs a row nothing.  A store that kept the
 * column as an event attribute (ingested before) gets the order from it
 * here, when it is a whole number; the measures and month summaries of
 * those cases were computed in file order and are dropped (the next
 * report computes them again).  The column itself is added by setup
 * (schema_v11_column) only when missing: SQLite has no ADD COLUMN IF NOT
 * EXISTS, and a store put back to an older version by hand (the tests'
 * older stores are newer ones less what came later) may hold it.
 */
static const char schema_v11_column[] = "ALTER TABLE events ADD COLUMN sorting INTEGER;";
static const char schema_v11[] =
	"UPDATE events SET sorting = (SELECT CAST(trim(a.value) AS INTEGER) FROM event_attrs a"
	" WHERE a.event_id = events.id AND a.name IN ('_SORTING', 'SORTING', '_sorting', 'sorting')"
	" AND trim(a.value) GLOB '[0-9]*' AND NOT trim(a.value) GLOB '*[^0-9]*' ORDER BY a.name LIMIT 1)"
	" WHERE id IN (SELECT event_id FROM event_attrs WHERE name IN ('_SORTING', 'SORTING', '_sorting',"
	" 'sorting'));"
	"DELETE FROM case_measure WHERE case_id IN (SELECT case_id FROM events WHERE sorting IS NOT NULL);"
	"DELETE FROM month_summary WHERE EXISTS (SELECT 1 FROM events WHERE sorting IS NOT NULL);";

/* migrations[v - 1] takes a store from version v - 1 to v */
static const char *const migrations[] = {schema_v1, schema_v2, schema_v3, schema_v4, schema_v5,
					 schema_v6, schema_v7, schema_v8, schema_v9, schema_v10,
					 schema_v11};
_Static_assert(sizeof migrations / sizeof migrations[0] == STORE_SCHEMA_VERSION,
	       "one migration per schema version");
_Static_assert(ELOG_SCHEMA_VERSION == STORE_SCHEMA_VERSION, "elog.h and store.h agree");

/* ---------------------------------------------------------------- diagnoses */

/* Does the file start with SQLite's magic?  Tells a damaged store from a
 * file that never was one. */
static int has_sqlite_magic(const char *path)
{
	char head[16];
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	size_t n = fread(head, 1, sizeof head, f);
	fclose(f);
	return n == sizeof head && memcmp(head, "SQLite format 3", 16) == 0;
}

/* The first line of PRAGMA quick_check on a damaged store (or why it
 * could not run), for the message. */
static void quick_check(sqlite3 *db, char *out, size_t size)
{
	sqlite3_stmt *st = NULL;
	snprintf(out, size, "could not run");
	if (sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &st, NULL) != SQLITE_OK) {
		snprintf(out, size, "could not run: %s", sqlite3_errmsg(db));
		return;
	}
	int rc = sqlite3_step(st);
	const char *said = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
	if (said)
		snprintf(out, size, "%s", said);
	else
		snprintf(out, size, "could not run: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	/* quick_check writes "*** in database main ***" and its finding on
	 * lines of their own: one line in a message (a truncated store's
	 * note was two lines, its second without "mutu report:") */
	for (char *p = out; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
}

static int err_damaged(sqlite3 *db, const char *path, const char *sqlmsg, struct mutu_err *err)
{
	/* sqlmsg may be sqlite3_errmsg's buffer, which quick_check reuses */
	char said[200], qc[300];
	snprintf(said, sizeof said, "%s", sqlmsg);
	sqlmsg = said;
	quick_check(db, qc, sizeof qc);
	return mutu_errf(err, MUTU_EINPUT,
			 "%s: the store is damaged (SQLite: %s; PRAGMA quick_check: %s); restore it from a "
			 "backup or ingest the logs again into a new store (--db NEW.db)",
			 path, sqlmsg, qc);
}

/*
 * Describe a failed SQLite call on an open store in err, by its result
 * code: SQLITE_BUSY as "locked by another process", SQLITE_READONLY as
 * read-only, SQLITE_CORRUPT/NOTADB as damaged (quick_check quoted), else
 * "what: SQLite's message".  Returns the status recorded.
 */
static int diag(sqlite3 *db, const char *path, const char *what, struct mutu_err *err)
{
	int code = sqlite3_errcode(db) & 0xFF;
	switch (code) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		/* the timeout the connection waited is not readable back: name
		 * the option instead of a number */
		return mutu_errf(err, MUTU_EFAIL,
				 "%s: the store is locked: another mutu process (an ingest or an audit) is "
				 "writing to it (%s). Try again when it has finished, or wait longer with "
				 "--busy-timeout MS",
				 path, what);
	case SQLITE_READONLY:
		/* the file was removed (or renamed) after this process opened
		 * it: a failed first ingest of another process removed the
		 * empty store it had created (sq_discard) while this one waited */
		if (sqlite3_extended_errcode(db) == SQLITE_READONLY_DBMOVED)
			return mutu_errf(err, MUTU_EFAIL,
					 "%s: the store was removed or moved while this process had it open "
					 "(%s; another ingest that created it failed and removed it?): "
					 "nothing was written; run the command again",
					 path, what);
		return store_err_readonly(path, sqlite3_errmsg(db), err);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return err_damaged(db, path, sqlite3_errmsg(db), err);
	default:
		return mutu_errf(err, MUTU_EFAIL, "%s: %s: %s", path, what, sqlite3_errmsg(db));
	}
}

/*
 * A failed statement, said "store: [what: ]SQLite's message" -- except a
 * write the disk or a file size limit refused (SQLITE_FULL; an I/O error
 * with errno EFBIG, ENOSPC or EDQUOT), said with the store's name, the
 * cause and what was kept.  Before (hardening round 4) an ingest under
 * `ulimit -f` said only "store: disk I/O error".  path may be NULL.
 */
/*
 * Is one of the store's files (the database, its WAL, its rollback
 * journal) at the process's file size limit?  For an I/O error whose errno
 * SQLite lost: it reads errno when it reports the error, after other
 * calls (a failed COMMIT in WAL mode: the rollback's), so a second batch
 * into an existing store under `ulimit -f` said "store: disk I/O error"
 * with errno 0, where a new store's first batch was told the cause.
 */
static int at_fsize_limit(const char *path)
{
	struct rlimit rl;
	if (!path || !*path || getrlimit(RLIMIT_FSIZE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY)
		return 0;
	static const char *const sfx[] = {"", "-wal", "-journal"};
	for (size_t i = 0; i < sizeof sfx / sizeof sfx[0]; i++) {
		struct mutu_buf f;
		struct stat st;
		mutu_buf_init(&f);
		mutu_buf_puts(&f, path);
		mutu_buf_puts(&f, sfx[i]);
		/* within a page of the limit: SQLite writes whole pages (a WAL
		 * frame is a page and 24 bytes) */
		int hit = stat(f.s, &st) == 0 && (uint64_t)st.st_size + 65536 + 24 >= (uint64_t)rl.rlim_cur;
		mutu_buf_release(&f);
		if (hit)
			return 1;
	}
	return 0;
}

static int sq_fail(sqlite3 *db, const char *path, const char *what, struct mutu_err *err)
{
	int code = sqlite3_errcode(db) & 0xFF;
	int e = sqlite3_system_errno(db);
	if (!path || !*path)
		path = sqlite3_db_filename(db, "main"); /* the full path: better than none */
	if (code == SQLITE_IOERR && e == 0 && at_fsize_limit(sqlite3_db_filename(db, "main")))
		e = EFBIG;
	if (code == SQLITE_FULL || (code == SQLITE_IOERR && (e == EFBIG || e == ENOSPC || e == EDQUOT)))
		return mutu_errf(err, MUTU_EFAIL,
				 "store%s%s: cannot write%s%s: %s: the transaction is rolled back, the store "
				 "holds what it held before; free disk space (or raise the limit) and run "
				 "the command again",
				 path ? " " : "", path ? path : "", what ? " " : "", what ? what : "",
				 e == EFBIG ? "the file size limit is reached (ulimit -f)"
				 : e == EDQUOT ? "the disk quota is reached"
					       : "the disk is full");
	return mutu_errf(err, MUTU_EFAIL, "store: %s%s%s", what ? what : "", what ? ": " : "",
			 sqlite3_errmsg(db));
}

static int sdiag(struct mutu_store *s, const char *what, struct mutu_err *err)
{
	return diag(DB(s), ((struct sq *)s)->path, what, err);
}

/* A reader's query that cannot even be prepared: most likely not a store
 * of ours (the old readers' wording, kept). */
static int not_ours(struct mutu_store *s, struct mutu_err *err)
{
	return mutu_errf(err, MUTU_EINPUT, "store: %s (is this a mutu store?)", sqlite3_errmsg(DB(s)));
}

static int begin_write_db(sqlite3 *db, const char *path, struct sq_wait *w, const char *what,
			  struct mutu_err *err)
{
	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK)
		return 0;
	if ((sqlite3_errcode(db) & 0xFF) == SQLITE_BUSY)
		return w->cancelled ? err_cancelled(path, what, err) : store_err_locked(path, w->ms, err);
	return diag(db, path, what, err);
}

static int exec(sqlite3 *db, const char *sql, const char *path, struct mutu_err *err)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		int code = sqlite3_errcode(db) & 0xFF;
		int rc;
		if (code == SQLITE_NOTADB && !has_sqlite_magic(path))
			rc = mutu_errf(err, MUTU_EINPUT, "%s: not a mutu store (not an SQLite file); give another --db",
				       path);
		else
			rc = diag(db, path, msg ? msg : "setting up", err);
		sqlite3_free(msg);
		return rc;
	}
	return 0;
}

/*
 * exec() of a PRAGMA journal_mode, waiting as the busy handler would.
 * SQLite takes the exclusive lock a change of journal mode needs in one
 * try, without calling the busy handler: while another process was
 * creating the same new store (two first ingests at once, the
 * test_hardening5 race), the second failed at once with "the store is
 * locked ... waited 10000 ms" instead of waiting its --busy-timeout.  The
 * same steps, bound and cancel as on_busy.
 */
static int exec_waiting(sqlite3 *db, const char *sql, const char *path, struct sq_wait *w,
			const char *what, struct mutu_err *err)
{
	for (int count = 0;; count++) {
		if (sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK)
			return 0;
		if ((sqlite3_errcode(db) & 0xFF) != SQLITE_BUSY)
			return exec(db, sql, path, err); /* its error, said exec's way */
		if (!on_busy(w, count))
			return w->cancelled ? err_cancelled(path, what, err) : store_err_locked(path, w->ms, err);
	}
}

/* sqlite3_exec with the plain "store: message" wording of the ingest */
static int sqlx(sqlite3 *db, const char *sql, struct mutu_err *err)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		sq_fail(db, NULL, NULL, err);
		sqlite3_free(msg);
		return MUTU_EFAIL;
	}
	return 0;
}

/* the two integers of the one row of sql */
static int query_int2(sqlite3 *db, const char *sql, int64_t *a, int64_t *b)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*a = sqlite3_column_int64(st, 0);
		*b = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

static int query_int(sqlite3 *db, const char *sql, int64_t *out)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* Can this process write the store and make its -wal and -shm beside it?
 * Root passes permission checks, so this is false mostly on a read-only
 * mount (EROFS) or for a user without write permission.  why says which. */
static int writable(const char *path, char *why, size_t size)
{
	char dir[4096];
	const char *slash = strrchr(path, '/');
	if (slash == path)
		snprintf(dir, sizeof dir, "/");
	else if (slash)
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
	else
		snprintf(dir, sizeof dir, ".");
	const char *which = path;
	int ok = access(path, W_OK) == 0;
	if (ok) {
		which = dir;
		ok = access(dir, W_OK) == 0;
	}
	int e = errno;
	if (!ok)
		snprintf(why, size, "%.400s: %s", which,
			 e == EROFS ? "read-only file system" : strerror(e));
	return ok;
}

/* "file:" URI for path with query (SQLite's URI rules: % ? # escaped). */
static void uri_of(const char *path, const char *query, char *out, size_t size)
{
	size_t n = (size_t)snprintf(out, size, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p && n + 4 < size; p++) {
		if (*p == '%' || *p == '?' || *p == '#' || *p < 0x21 || *p >= 0x7F)
			n += (size_t)snprintf(out + n, size - n, "%%%02X", *p);
		else
			out[n++] = (char)*p;
	}
	out[n] = '\0';
	snprintf(out + n, size - n, "?%s", query);
}

static const struct store_ops sqlite_ops;

/* Open the connection and check that it is a store of ours, of a version
 * this mutu reads.  *ro: opened read-only; *version: its user_version. */
static int connect(const char *path, int mode, struct sq_wait *w, sqlite3 **out, int *ro_out,
		   int *created, int64_t *version, char *why, size_t why_size, struct mutu_err *err)
{
	struct stat st;
	*out = NULL;
	int create = mode == STORE_CREATE;
	int exists = stat(path, &st) == 0;
	*created = !exists;
	if (!exists && !create)
		return mutu_errf(err, MUTU_ENOTFOUND,
				 "%s: no such store (run 'mutu ingest LOG.csv --db %s' first)", path, path);
	if (exists && S_ISDIR(st.st_mode))
		return mutu_errf(err, MUTU_EINPUT, "%s: a folder, not a mutu store; give a file with --db", path);
	/* a store on a read-only mount (or not ours to write) is opened
	 * read-only when reading will do, and refused up front otherwise:
	 * SQLite would say "unable to open database file" or fail at the
	 * first write, neither of which tells the user what is wrong */
	int ro = exists && !writable(path, why, why_size);
	if (ro && mode != STORE_READ)
		return store_err_readonly(path, why, err);
	sqlite3 *db = NULL;
	/* One connection per thread of use, never shared concurrently: no mutex. */
	int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
	char uri[8300];
	const char *name = path;
	if (ro) {
		/* WAL needs the -shm beside the store; in a folder nobody can
		 * write and without one, only an immutable open can read it */
		char shm[4200];
		snprintf(shm, sizeof shm, "%s-shm", path);
		uri_of(path, stat(shm, &st) == 0 ? "mode=ro" : "mode=ro&immutable=1", uri, sizeof uri);
		name = uri;
		flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
	}
	if (sqlite3_open_v2(name, &db, flags, NULL) != SQLITE_OK) {
		mutu_errf(err, MUTU_EFAIL, "%s: cannot %s store: %s%s", path, exists ? "open the" : "create the",
			  db ? sqlite3_errmsg(db) : "out of memory",
			  exists ? "" : " (check that the folder exists and is writable)");
		sqlite3_close(db);
		return MUTU_EFAIL;
	}
	set_wait(db, w, w->ms);
	sqlite3_create_function(db, "elog_dkey", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
				sql_dkey, NULL, NULL);
	int64_t ntables = 0;
	*version = 0;
	/* both from one statement, one snapshot: read apart, another process
	 * creating the store could commit in between (version 0, then its
	 * tables): "an SQLite file that is not a mutu store", exit 2 */
	if (query_int2(db, "SELECT (SELECT user_version FROM pragma_user_version), "
			   "(SELECT count(*) FROM sqlite_master)", version, &ntables)) {
		int code = sqlite3_errcode(db) & 0xFF;
		int rc;
		if ((code == SQLITE_NOTADB || code == SQLITE_CORRUPT) && has_sqlite_magic(path))
			rc = err_damaged(db, path, sqlite3_errmsg(db), err);
		else if (code == SQLITE_NOTADB)
			rc = mutu_errf(err, MUTU_EINPUT, "%s: not a mutu store (not an SQLite file); give another --db",
				       path);
		else if ((code == SQLITE_BUSY || code == SQLITE_LOCKED) && w->cancelled)
			rc = err_cancelled(path, "reading its schema version", err);
		else if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
			rc = store_err_locked(path, w->ms, err);
		else
			rc = mutu_errf(err, MUTU_EFAIL, "%s: cannot read the store: %s", path, sqlite3_errmsg(db));
		sqlite3_close(db);
		return rc;
	}
	if (*version == 0 && ntables > 0) {
		sqlite3_close(db);
		return mutu_errf(err, MUTU_EINPUT,
				 "%s: an SQLite file that is not a mutu store; give another --db", path);
	}
	/* PRAGMA user_version is any 32-bit number another tool wrote; mutu
	 * writes 1..STORE_SCHEMA_VERSION.  A negative one indexed
	 * migrations[-1] (hardening round 4: "table batches already exists",
	 * exit 1, from memory before the array) */
	if (*version < 0) {
		sqlite3_close(db);
		return mutu_errf(err, MUTU_EINPUT,
				 "%s: an SQLite file with schema version %lld, which no mutu writes: not a "
				 "mutu store; give another --db",
				 path, (long long)*version);
	}
	if (*version > STORE_SCHEMA_VERSION) {
		sqlite3_close(db);
		return mutu_errf(err, MUTU_EINPUT,
				 "%s: store schema version %lld is newer than this mutu (%d); upgrade mutu",
				 path, (long long)*version, STORE_SCHEMA_VERSION);
	}
	*ro_out = ro;
	*out = db;
	return 0;
}

/* Settings and migrations of a writable store, then (writers) the lock probe. */
static int setup(sqlite3 *db, const char *path, int mode, struct sq_wait *w, int64_t version,
		 int fresh, struct mutu_err *err)
{
	/* 32 KiB pages: fewer, fuller B-tree pages for a bulk-loaded store
	 * (measured at 1M events: 4 KiB -> 16 KiB ~15% faster ingest, 16 -> 32
	 * KiB another ~7%, mostly a cheaper checkpoint; 64 KiB no better and
	 * twice the WAL bytes for a one-row audit write).  Only takes effect on
	 * a new file, before WAL mode is set; older stores keep theirs. */
	if (version == 0 && exec(db, "PRAGMA page_size=32768", path, err))
		return err->code;
	/* WAL: readers (reports) are not blocked by an ingest, and a killed
	 * ingest leaves only uncommitted WAL frames that the next open ignores.
	 * NORMAL: WAL commits are durable against a process crash; only an OS
	 * crash can lose the last commit, never corrupt the store.
	 * A 16 MiB page cache and on-disk temp files for the index sort keep
	 * memory flat (measured peak RSS ~49 MB at 1M and at 2.5M events); a
	 * bigger cache made no ingest faster. */
	/* A store this open creates keeps SQLite's rollback journal until it
	 * is closed (sq_close turns WAL on then): nobody can have read it
	 * yet, and its first batch -- the bulk load -- is written once instead
	 * of twice (the WAL, then the checkpoint's copy): measured at 1M events
	 * (docs/store.md, "Ingest speed").  A SIGKILL during that batch leaves
	 * a hot journal that the next open rolls back, cutting the file to
	 * its size before the batch.  FULL while the rollback journal is in
	 * use: in that mode NORMAL can corrupt on power loss. */
	if (exec_waiting(db,
			 fresh ? "PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL;"
			       : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
			 path, w, "setting the journal mode", err) ||
	    exec(db, "PRAGMA cache_size=-16384;", path, err))
		return err->code;
	/* A new store (version 0) runs every migration in one transaction:
	 * nothing can read it half made, and one commit instead of one per
	 * version (four fdatasync calls each: 13 versions were ~50 ms of a
	 * first 1M-event ingest).  An existing store commits each version. */
	int one = version == 0;
	if (one && begin_write_db(db, path, w, "creating the store's schema", err))
		return err->code;
	if (one) {
		/* version 0 was read before the write lock: another process
		 * may have made the schema since (two first ingests at once);
		 * read again under the lock, and migrate from what is there
		 * (before: "table batches already exists") */
		int64_t now = 0;
		if (query_int(db, "PRAGMA user_version", &now)) {
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			return diag(db, path, "reading the store's schema version", err);
		}
		if (now != 0) {
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			one = 0;
			version = now;
		}
	}
	for (int64_t v = version; v < STORE_SCHEMA_VERSION; v++) {
		char tail[64];
		snprintf(tail, sizeof tail, "PRAGMA user_version=%lld;", (long long)(v + 1));
		if (!one && begin_write_db(db, path, w, "starting the schema upgrade", err))
			return err->code;
		int64_t col = 0;
		if (v + 1 == 11 &&
		    query_int(db, "SELECT count(*) FROM pragma_table_info('events') WHERE name = 'sorting'", &col)) {
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			return mutu_errf(err, MUTU_EFAIL, "store %s: reading the events table's columns: %s", path,
					 sqlite3_errmsg(db));
		}
		if ((v + 1 == 11 && !col && exec(db, schema_v11_column, path, err)) ||
		    exec(db, migrations[v], path, err) || exec(db, tail, path, err)) {
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			return err->code;
		}
		if ((!one || v + 1 == STORE_SCHEMA_VERSION) && exec(db, "COMMIT", path, err))
			return err->code;
	}
	/* a writer finds out now, with the file named, whether another
	 * process holds the write lock, instead of at its first insert */
	if (mode != STORE_READ) {
		if (begin_write_db(db, path, w, "taking the write lock", err))
			return err->code;
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	}
	return 0;
}

/*
 * Every table of the current schema (docs/store.md) is there.  A store
 * whose user_version is current but that lost a table (dropped by hand
 * or by another tool, a restore of part of it) was found only at the
 * first statement that needed it, and said so its own way each time:
 * "store: event ids: no such table: events" (exit 1) from an ingest,
 * "reading the newest batch: no such table: batches" (exit 1) from a
 * report, "is this a mutu store?" (exit 2) elsewhere; a report or an
 * audit that needed no such table ran on.  Now every command refuses it
 * at open, exit 2, with what to do.  audit_flags is made on first use
 * and is not checked.
 */
static int check_tables(sqlite3 *db, const char *path, struct mutu_err *err)
{
	static const char *const tables[] = {"batches", "cases", "events", "case_attrs",
					     "event_attrs", "rejected", "attr_types",
					     "month_summary", "batch_touch", "case_measure"};
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1", -1,
			       &st, NULL) != SQLITE_OK)
		return diag(db, path, "reading the store's tables", err);
	int rc = 0;
	for (size_t i = 0; i < sizeof tables / sizeof tables[0] && !rc; i++) {
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, tables[i], -1, SQLITE_STATIC);
		int step = sqlite3_step(st);
		if (step == SQLITE_DONE)
			rc = mutu_errf(err, MUTU_EINPUT,
				       "%s: the store is damaged: its table '%s' is missing; restore it from a "
				       "backup or ingest the logs again into a new store (--db NEW.db)",
				       path, tables[i]);
		else if (step != SQLITE_ROW)
			rc = diag(db, path, "reading the store's tables", err);
	}
	sqlite3_finalize(st);
	return rc;
}

int store_sqlite_open(const char *path, int mode, int busy_ms, const atomic_int *cancel,
		      struct mutu_store **out, struct mutu_err *err)
{
	*out = NULL;
	sqlite3 *db = NULL;
	int ro = 0, created = 0;
	int64_t version = 0;
	char why[600] = "";
	/* the wait lives in q, which the connection's busy handler points at
	 * from the start: a lock can be met while opening */
	struct sq *q = mutu_calloc(1, sizeof *q);
	q->wait.ms = store_busy_of(busy_ms);
	q->wait.cancel = cancel;
	int rc = connect(path, mode, &q->wait, &db, &ro, &created, &version, why, sizeof why, err);
	if (rc) {
		free(q);
		return rc;
	}
	if (ro && version < STORE_SCHEMA_VERSION) {
		sqlite3_close(db);
		free(q);
		return mutu_errf(err, MUTU_EFAIL,
				 "%s: the store has schema version %lld and this mutu reads %d; it is "
				 "read-only (%s), so it cannot be upgraded: copy it to a writable folder",
				 path, (long long)version, STORE_SCHEMA_VERSION, why);
	}
	/* fresh: a new file this writable open made (rollback journal until close) */
	int fresh = created && !ro && mode == STORE_CREATE;
	if (!ro && setup(db, path, mode, &q->wait, version, fresh, err)) {
		sqlite3_close(db);
		rc = err && err->code ? err->code : MUTU_EFAIL;
		/* a pragma's wait given up for the cancel flag says "locked"
		 * (diag): it was the caller's stop */
		if (q->wait.cancelled && rc != MUTU_ECANCEL) {
			mutu_err_clear(err);
			rc = err_cancelled(path, "setting it up", err);
		}
		free(q);
		return rc;
	}
	if (!fresh && (rc = check_tables(db, path, err))) {
		sqlite3_close(db);
		free(q);
		return rc;
	}
	q->base.ops = &sqlite_ops;
	q->base.kind = STORE_SQLITE;
	q->base.mode = mode;
	q->base.busy_ms = busy_ms;
	q->base.version = STORE_SCHEMA_VERSION;
	q->base.created = created;
	q->base.where = mutu_strdup(path);
	q->db = db;
	q->path = q->base.where;
	q->wal_at_close = fresh;
	*out = &q->base;
	return 0;
}

void store_process_init(void)
{
	/* SQLite's memory statistics take a global mutex on every allocation;
	 * mutu does not read them */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static void sq_close(struct mutu_store *s)
{
	struct sq *q = (struct sq *)s;
	/* the WAL from now on (setup); should this fail (another process has
	 * the file open), the next writable open sets it */
	if (q->wal_at_close && sqlite3_get_autocommit(q->db))
		sqlite3_exec(q->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
	sqlite3_close(q->db);
	free(q);
}

/*
 * Remove the store this open created (store_close_discard), but only an
 * empty one and only under its write lock.  Why the lock: between the
 * failed ingest's rollback and here another ingest may have opened the new
 * file and committed into it (it exists, so that one did not create it):
 * removing it then would lose a batch its ingest said was stored.  So the
 * lock is taken without waiting (busy: someone else is at it: keep the
 * file), the store is checked empty (no batch, no event), and the files go
 * while it is held.  A process that opened the file meanwhile and waits
 * for the lock then writes to a removed file, which SQLite refuses
 * (SQLITE_READONLY_DBMOVED: a rollback-journal store, as a new one is until
 * sq_close): that ingest fails and says so, nothing is lost silently.  In
 * WAL mode SQLite would not refuse (checked: the write goes to the removed
 * files), so a store another open has turned to WAL is kept.
 */
static void sq_discard(struct mutu_store *s)
{
	struct sq *q = (struct sq *)s;
	char side[STORE_LOCATION_MAX + 8];
	sqlite3_stmt *st = NULL;
	int empty = 0;
	sqlite3_busy_handler(q->db, NULL, NULL);
	if (sqlite3_exec(q->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK) {
		if (sqlite3_prepare_v2(q->db,
				       "SELECT NOT EXISTS (SELECT 1 FROM batches) AND NOT EXISTS (SELECT 1 FROM events)",
				       -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			empty = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
		st = NULL;
		/* WAL: another process opened it writable (this open leaves the
		 * rollback journal until sq_close), and a write of its to
		 * removed WAL files would be lost without an error: keep it */
		if (empty && sqlite3_prepare_v2(q->db, "PRAGMA journal_mode", -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW) {
			const unsigned char *jm = sqlite3_column_text(st, 0);
			if (jm && strcmp((const char *)jm, "wal") == 0)
				empty = 0;
		}
		sqlite3_finalize(st);
		if (!empty)
			sqlite3_exec(q->db, "ROLLBACK", NULL, NULL, NULL);
	}
	if (!empty) {
		sqlite3_close(q->db);
		free(q);
		return;
	}
	/* the files go while the lock is held; closing lets it go after */
	unlink(q->path);
	snprintf(side, sizeof side, "%s-wal", q->path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", q->path);
	unlink(side);
	snprintf(side, sizeof side, "%s-journal", q->path);
	unlink(side);
	sqlite3_exec(q->db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(q->db);
	free(q);
}

/* ---------------------------------------------------------------- transactions */

static int sq_begin_write(struct mutu_store *s, const char *what, struct mutu_err *err)
{
	struct sq *q = (struct sq *)s;
	int rc = begin_write_db(q->db, q->path, &q->wait, what, err);
	if (!rc)
		s->in_tx = 1;
	return rc;
}

static int sq_begin_read(struct mutu_store *s, struct mutu_err *err)
{
	/* a deferred transaction: its snapshot is taken at the first read and
	 * WAL keeps it while ingests commit beside it */
	if (sqlite3_exec(DB(s), "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return mutu_errf(err, MUTU_EFAIL, "reading the store: %s", sqlite3_errmsg(DB(s)));
	s->in_tx = 2;
	return 0;
}

static int sq_commit(struct mutu_store *s, struct mutu_err *err)
{
	if (sqlite3_exec(DB(s), "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		int rc = sq_fail(DB(s), s->where, NULL, err);
		if (sqlite3_get_autocommit(DB(s)))
			s->in_tx = 0;
		return rc;
	}
	s->in_tx = 0;
	return 0;
}

static void sq_rollback(struct mutu_store *s)
{
	if (!sqlite3_get_autocommit(DB(s)))
		sqlite3_exec(DB(s), "ROLLBACK", NULL, NULL, NULL);
	s->in_tx = 0;
}

/* ---------------------------------------------------------------- batches */

/* A batch is the same file for the same office (store.h, store_set_office;
 * the ingest always names one, '' for the default office, as on
 * PostgreSQL).  Bound to "(?N IS NULL OR office = ?N)": NULL, no office
 * set, matches every office, as before offices. */
static void bind_office(struct mutu_store *s, sqlite3_stmt *st, int k)
{
	if (s->office)
		sqlite3_bind_text(st, k, s->office, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, k);
}

static int sq_batch_size_seen(struct mutu_store *s, uint64_t size, struct mutu_err *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(DB(s), "SELECT 1 FROM batches WHERE size = ?1 AND superseded_by IS NULL AND "
			       "(?2 IS NULL OR office = ?2) LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK)
		return sdiag(s, "batches", err);
	sqlite3_bind_int64(st, 1, (sqlite3_int64)size);
	bind_office(s, st, 2);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : sdiag(s, "batches", err);
}

static int sq_batch_find(struct mutu_store *s, const char *sha256, int64_t except_id, int64_t *id,
			 char *at, size_t at_size, struct mutu_err *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(DB(s),
			       "SELECT id, ingested_at FROM batches WHERE sha256 = ?1 AND "
			       "superseded_by IS NULL AND id <> ?2 AND (?3 IS NULL OR office = ?3) ORDER BY id LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK)
		return sdiag(s, "batches", err);
	sqlite3_bind_text(st, 1, sha256, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, except_id);
	bind_office(s, st, 3);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		if (at && at_size)
			snprintf(at, at_size, "%s", (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : sdiag(s, "batches", err);
}

static int sq_batch_create(struct mutu_store *s, const struct store_batch *b, int64_t *id,
			   struct mutu_err *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(DB(s),
			       "INSERT INTO batches (file, size, sha256, ingested_at, sop, options, "
			       "dropped_columns, office) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
			       -1, &st, NULL) != SQLITE_OK)
		return mutu_errf(err, MUTU_EFAIL, "store: new batch: %s", sqlite3_errmsg(DB(s)));
	sqlite3_bind_text(st, 1, b->file, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)b->size);
	sqlite3_bind_text(st, 3, b->sha256, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, b->ingested_at, -1, SQLITE_STATIC);
	if (b->sop)
		sqlite3_bind_text(st, 5, b->sop, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, b->options, -1, SQLITE_STATIC);
	if (b->dropped)
		sqlite3_bind_text(st, 7, b->dropped, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, b->office ? b->office : "", -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return mutu_errf(err, MUTU_EFAIL, "store: new batch: %s", sqlite3_errmsg(DB(s)));
	*id = sqlite3_last_insert_rowid(DB(s));
	return 0;
}

static int sq_batch_supersede(struct mutu_store *s, const char *sha256, int64_t new_id,
			      uint64_t *events_removed, struct mutu_err *err)
{
	/* the earlier loads of this same file give way to this one; sha256 is
	 * 64 hex digits from elog_sha256 (checked: it is pasted) */
	for (const char *p = sha256; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return mutu_errf(err, MUTU_EINPUT, "store: sha256 '%.80s': not hex digits", sha256);
	char sql[1024];
	snprintf(sql, sizeof sql,
		 "CREATE TEMP TABLE old_batches AS SELECT id FROM batches WHERE sha256 = '%s' "
		 "AND superseded_by IS NULL AND id <> %lld AND office = (SELECT office FROM batches "
		 "WHERE id = %lld);"
		 "DELETE FROM case_measure WHERE case_id IN (SELECT case_id FROM events WHERE "
		 "batch_id IN old_batches);"
		 "DELETE FROM event_attrs WHERE event_id IN (SELECT id FROM events WHERE "
		 "batch_id IN old_batches);",
		 sha256, (long long)new_id, (long long)new_id);
	if (sqlx(DB(s), sql, err))
		return MUTU_EFAIL;
	if (sqlx(DB(s), "DELETE FROM events WHERE batch_id IN old_batches;", err))
		return MUTU_EFAIL;
	*events_removed = (uint64_t)sqlite3_changes(DB(s));
	snprintf(sql, sizeof sql,
		 "DELETE FROM rejected WHERE batch_id IN old_batches;"
		 "UPDATE batches SET superseded_by = %lld WHERE id IN old_batches;"
		 "DROP TABLE old_batches;",
		 (long long)new_id);
	return sqlx(DB(s), sql, err) ? MUTU_EFAIL : 0;
}

static int sq_batch_finish(struct mutu_store *s, const struct store_batch *b, struct mutu_err *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(DB(s),
			       "UPDATE batches SET rows_read = ?1, events_stored = ?2, rejected = ?3, "
			       "duplicates = ?4, unknown_activities = ?5, sha256 = ?7, size = ?8, "
			       "dropped_columns = ?9 WHERE id = ?6",
			       -1, &st, NULL) != SQLITE_OK)
		return mutu_errf(err, MUTU_EFAIL, "store: batch counts: %s", sqlite3_errmsg(DB(s)));
	sqlite3_bind_int64(st, 1, (sqlite3_int64)b->rows_read);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)b->events_stored);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)b->rejected);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)b->duplicates);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)b->unknown_activities);
	sqlite3_bind_int64(st, 6, b->id);
	sqlite3_bind_text(st, 7, b->sha256, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, (sqlite3_int64)b->size);
	if (b->dropped)
		sqlite3_bind_text(st, 9, b->dropped, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return mutu_errf(err, MUTU_EFAIL, "store: batch counts: %s", sqlite3_errmsg(DB(s)));
	return 0;
}

static const char *coltext(sqlite3_stmt *st, int col)
{
	return (const char *)sqlite3_column_text(st, col);
}

static int sq_batch_list(struct mutu_store *s, store_batch_fn fn, void *ctx, struct mutu_err *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(DB(s),
			       "SELECT id, ingested_at, file, rows_read, events_stored, rejected, "
			       "duplicates, unknown_activities, superseded_by, sop, size, sha256, options, "
			       "dropped_columns, office FROM batches WHERE ?1 IS NULL OR office = ?1 ORDER BY id",
			       -1, &st, NULL) != SQLITE_OK)
		return sq_fail(DB(s), s->where, NULL, err);
	bind_office(s, st, 1); /* mutu db info --office: that office's batches (as PostgreSQL) */
	int rc, stop = 0;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_batch b;
		memset(&b, 0, sizeof b);
		b.id = sqlite3_column_int64(st, 0);
		b.ingested_at = coltext(st, 1);
		b.file = coltext(st, 2);
		b.rows_read = (uint64_t)sqlite3_column_int64(st, 3);
		b.events_stored = (uint64_t)sqlite3_column_int64(st, 4);
		b.rejected = (uint64_t)sqlite3_column_int64(st, 5);
		b.duplicates = (uint64_t)sqlite3_column_int64(st, 6);
		b.unknown_activities = (uint64_t)sqlite3_column_int64(st, 7);
		b.superseded_by = sqlite3_column_int64(st, 8);
		b.sop = coltext(st, 9);
		b.size = (uint64_t)sqlite3_column_int64(st, 10);
		b.sha256 = coltext(st, 11);
		b.options = coltext(st, 12);
		b.dropped = coltext(st, 13);
		b.office = coltext(st, 14);
		stop = fn(ctx, &b);
	}
	sqlite3_finalize(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? 0 : sq_fail(DB(s), s->where, NULL, err);
}

static int sq_batch_exists(struct mutu_store *s, int64_t id, struct mutu_err *err)
{
	sqlite3_stmt *st;
	/* a batch of another office than --office's is none of this one's (as
	 * PostgreSQL: db rejected --batch N --office X is "no batch N", not 0 rows) */
	if (sqlite3_prepare_v2(DB(s), "SELECT 1 FROM batches WHERE id = ?1 AND (?2 IS NULL OR office = ?2)", -1,
			       &st, NULL) != SQLITE_OK)
		return sq_fail(DB(s), s->where, NULL, err);
	sqlite3_bind_int64(st, 1, id);
	bind_office(s, st, 2);
	int found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

/* ---------------------------------------------------------------- the writer */

/* A case's span as this batch widened it, for the cases not written with
 * their span (pend_flush): an earlier batch's case, or one whose rows come
 * apart; flushed into cases.first_ms / last_ms by writer_finish (one
 * UPDATE per such case, not per event).  And the latest completion among
 * the events it covers (done_*: the greatest end_ms, the greatest step
 * among equal ends, as writer_finish's marker query orders them), which
 * is the case's cases.last_done_step when the slot covers every event the
 * case has (span_whole). */
struct span_slot {
	int64_t id; /* 0: empty */
	int64_t lo, hi;
	int64_t done_ms;
	int done_step;
	int has_done; /* an event with an end: done_* hold */
};

/*
 * A statement's parameters as last bound: SQLite keeps bindings across
 * sqlite3_reset, so a parameter that would get the NULL or the integer it
 * already holds is left alone.  Most of an event's 14 parameters repeat
 * from block to block (the NULL id, the batch, the zone offsets, unknown,
 * an absent lifecycle): a bind costs ~100 instructions, the compare
 * one.  Texts are always bound (their bytes move).  kind: 0 unknown, 1
 * NULL, 2 the integer v, 3 a text.
 */
struct bound {
	int64_t v;
	int kind;
};

static void bind_i(sqlite3_stmt *st, struct bound *b, int k, int64_t v)
{
	if (b[k].kind == 2 && b[k].v == v)
		return;
	sqlite3_bind_int64(st, k, v);
	b[k].kind = 2;
	b[k].v = v;
}

static void bind_n(sqlite3_stmt *st, struct bound *b, int k)
{
	if (b[k].kind == 1)
		return;
	sqlite3_bind_null(st, k);
	b[k].kind = 1;
}

static void bind_t(sqlite3_stmt *st, struct bound *b, int k, const char *s, size_t n)
{
	sqlite3_bind_text(st, k, s, (int)n, SQLITE_STATIC);
	b[k].kind = 3;
}

/* parameter k: v, or NULL unless has */
static void bind_in(sqlite3_stmt *st, struct bound *b, int k, int has, int64_t v)
{
	if (has)
		bind_i(st, b, k, v);
	else
		bind_n(st, b, k);
}

/* parameter k: the n bytes at s, or NULL when s is */
static void bind_tn(sqlite3_stmt *st, struct bound *b, int k, const char *s, size_t n)
{
	if (s)
		bind_t(st, b, k, s, n);
	else
		bind_n(st, b, k);
}

/* the events columns the writer fills (EVENT_COLS below) */
#define EVENT_NCOLS 15
/* rows per multi-row INSERT: EVENT_NCOLS parameters each (480 of
 * SQLite's 32766); 32 rows take most of the gain (callgrind: 16 rows 17%
 * fewer instructions per event than 1) */
#define BLOCK_ROWS 32
/* new cases per multi-row INSERT: 8 parameters each */
#define CASE_ROWS 32
/* keys of fast_case's run checked by scan; a longer run goes one by one */
#define FAST_KEYS 64

struct sqw {
	struct store_writer base;
	sqlite3 *db;
	int64_t batch;
	sqlite3_stmt *sel_case, *ins_case, *ins_cattr, *ins_event, *sel_dup, *ins_eattr, *ins_rej;
	sqlite3_stmt *ins_type;
	int rebuild_end; /* the cases indexes but the unique one dropped for this batch:
			  * built in finish */
	int64_t secure_was; /* PRAGMA secure_delete before the batch, -1 unknown (writer_free sets it back) */
	int small_cache;    /* cache_size lowered for a bulk load (writer_free sets it back) */
	struct wbehind *wb; /* write-behind of a large batch (wb_start), or NULL */
	struct span_slot *span;
	size_t span_cap, span_n;
	/* kept case measures (schema 9): with any in the store at open, the
	 * earlier cases this batch stored an event of (touched, with
	 * repeats), whose measures writer_finish deletes with those of every
	 * case from first_new on */
	int measures;
	int64_t first_new;
	int64_t *touched;
	size_t ntouched, captouched;
	/* the span of the run of events of one case being written (a log's
	 * rows of a case mostly come together): into span only when the
	 * case changes, not one hash probe per event */
	struct span_slot run;
	/* (run.done_*: the run's latest completion, schema 6's
	 * cases.last_done_step as the UPDATE in writer_finish computes it,
	 * so a new case's row carries its marker as it carries its span) */
	/* The marker's end and step the row of each new case (by id -
	 * first_new) took from a run (pend_flush), has 0 when it took no
	 * end.  A new case's events are all this batch's, so its span slot
	 * and this cover every event it has: writer_finish sets its marker
	 * from the two instead of a query of its events.  A log in time
	 * order (every case's rows apart) put nearly every case in the span
	 * table, and that query (an ORDER BY ... LIMIT 1, whose sorter opens
	 * a temporary B-tree each time) took 86k instructions a case, 8.6G
	 * for 10^6 events, alone after the load (callgrind, 10^5 events).
	 * And the case's month-summary mark (marks), which writer_finish
	 * lowers to the slot's start, instead of a statement per case that
	 * read the case back (sq_batch_touch).  16 bytes a new case. */
	struct row_done {
		int64_t ms;
		int32_t step;
		uint32_t has : 1; /* 0: the row took no end */
		uint32_t mark : 31; /* the case's (office, SOP) in marks, + 1 */
	} *inrow;
	size_t inrow_cap;
	/* The newest case of the batch is sealed only when the next new
	 * case comes (or at finish), with the span of its run of events in
	 * the row: no UPDATE per case at the end (100k of them took about a
	 * tenth of a 1M-event ingest, as one serial step after the load).  Its id is taken
	 * ahead (max(id) + 1: the batch holds the write lock).  pend_id 0:
	 * none pending. */
	int64_t next_id, pend_id;
	struct mutu_buf pend_key, pend_sop;
	int pend_has_sop;
	const char *pend_office; /* borrowed: the caller's office outlives the batch */
	/* Sealed new cases (the next new case came, so the row is final)
	 * wait here and go in CASE_ROWS at a time by one multi-row INSERT
	 * (case_flush), at the latest in writer_finish before anything reads
	 * cases: one statement per 32 cases instead of per case, 7.6k
	 * instructions of SQLite's per new case down to 5k (callgrind, 100k
	 * events).  A key lookup searches them before the store
	 * (sq_writer_case), so no case is made twice. */
	struct case_row {
		int64_t id;
		size_t key, key_len, sop, sop_len; /* in case_text */
		int has_sop, has_span, has_done, done_step;
		int64_t lo, hi;
		const char *office; /* borrowed, as pend_office */
	} cblk[CASE_ROWS];
	int ncblk;
	struct mutu_buf case_text;
	sqlite3_stmt *ins_cases;
	/* A store without any case at open (a new store's first batch):
	 * every case a key can find is this batch's, so a key the filter has
	 * never seen is new without a lookup in the store (2.9k instructions
	 * a new case, callgrind).  Two bits per key in one of keybits'
	 * keymask + 1 words (a power of two); a false hit costs only that
	 * lookup, never a wrong answer.  NULL: the store had cases, every
	 * key is looked up. */
	uint64_t *keybits;
	uint64_t keymask;
	/* batch_touch's marks of the cases this batch created with their
	 * span in the row: per (office, coalesce(sop, '')) the least first_ms
	 * (sq_batch_touch).  A handful of pairs, searched in turn. */
	struct touch_mark {
		char *office, *sop; /* owned */
		size_t sop_len;
		int64_t low;
		int has_low; /* 0: no case of the pair has a stamp yet */
	} *marks;
	size_t nmarks;
	/*
	 * Events in blocks of BLOCK_ROWS by one multi-row INSERT (block_flush):
	 * one statement execution per block instead of per event, 17% fewer
	 * instructions per stored event in SQLite (callgrind, 100k events).
	 * Only an event that cannot meet a stored one goes there: one of
	 * fast_case, a case this batch created whose first run of rows is
	 * still going on, with a key none of the run's events has (fast_keys;
	 * such a case's only events in the store are that run's).  Every other
	 * event -- a case of an earlier batch, a case met again after others,
	 * a key seen in the run -- flushes the block and goes through
	 * INSERT OR IGNORE and the exact duplicate check, one by one.  SQLite
	 * gives each new row max(id) + 1, so the ids are known ahead:
	 * next_event is max(id) + 1 at open and counts the rows stored (the
	 * batch holds the write lock); an event's attributes are written with
	 * its id while the event waits in the block, and every insert is
	 * checked to have got the id expected.
	 */
	int64_t next_event;
	int64_t fast_case; /* 0: none */
	uint32_t fast_keys[FAST_KEYS];
	int nfast_keys;
	/*
	 * Once a case's rows come apart (a log in time order: all of them),
	 * fast_case alone sent nearly every event one by one: 1.46x the
	 * writer's instructions of the same rows in case order (callgrind,
	 * 10^5 events).  From then on a filter of the (case, key) pairs the
	 * batch stored or queued, for the cases created after it started
	 * (id >= ev_from; 0: not started): an event of such a case whose
	 * pair the filter never saw cannot meet a stored event (its case's
	 * events are all this batch's, and each pair went in here) and goes
	 * into the block; a seen pair (a duplicate, a collision, or a false
	 * hit) goes one by one as before.  Two bits a pair in one 64-bit
	 * word, a bit per 8 bytes of input (2.6 MB at 168 MB).
	 */
	uint64_t *evbits;
	uint64_t evmask;
	int64_t ev_from;
	uint64_t bytes_hint;
	struct blk_row {
		struct store_event e; /* texts in blk_text at the offsets below */
		int64_t id;
		size_t act, actor, lc;
	} blk[BLOCK_ROWS];
	int nblk;
	struct mutu_buf blk_text;
	sqlite3_stmt *ins_block;
	/* what ins_event, ins_block, ins_case and ins_cases hold bound,
	 * by parameter number (struct bound) */
	struct bound b_event[1 + EVENT_NCOLS], b_block[1 + EVENT_NCOLS * BLOCK_ROWS];
	struct bound b_case[1 + 8], b_cases[1 + 8 * CASE_ROWS];
};

/* *st: "head (?, ?, ...), (?, ...), ..." of `rows` rows of `cols`
 * parameters, prepared to be kept (the writer's multi-row inserts of
 * events and cases).  Bare `?` are numbered left to right, so row i's
 * column c is parameter cols * i + c, as `?N` would be; but SQLite's
 * code generator looks each `?N` up by a linear scan of the statement's
 * parameter list (sqlite3VListNumToName), quadratic in the parameters:
 * 3.8M instructions to prepare the 480 of a block of 32 events, 62M for
 * 256 rows (callgrind), on the main thread before the load starts.  A
 * bare `?` is not looked up.  Returns SQLite's result code; the caller
 * reports its error. */
static int prepare_rows(sqlite3 *db, const char *head, int rows, int cols, sqlite3_stmt **st)
{
	struct mutu_buf q;
	mutu_buf_init(&q);
	mutu_buf_puts(&q, head);
	for (int i = 0; i < rows; i++) {
		mutu_buf_puts(&q, i ? ", (" : "(");
		for (int c = 1; c <= cols; c++)
			mutu_buf_puts(&q, c > 1 ? ", ?" : "?");
		mutu_buf_putc(&q, ')');
	}
	int rc = sqlite3_prepare_v3(db, q.s, -1, SQLITE_PREPARE_PERSISTENT, st, NULL);
	mutu_buf_release(&q);
	return rc;
}

static int wfail(struct sqw *w, const char *what, struct mutu_err *err)
{
	return sq_fail(w->db, w->base.s ? w->base.s->where : NULL, what, err);
}

static void span_grow(struct sqw *w);

/* d's completion into s's when it is later (a greater end, or the same
 * end and a greater step) */
static void done_merge(struct span_slot *s, const struct span_slot *d)
{
	if (d->has_done && (!s->has_done || d->done_ms > s->done_ms ||
			    (d->done_ms == s->done_ms && d->done_step > s->done_step))) {
		s->has_done = 1;
		s->done_ms = d->done_ms;
		s->done_step = d->done_step;
	}
}

/* the marker's end and step new case id's row took (inrow) into *d;
 * 0 when it took none */
static int inrow_get(const struct sqw *w, int64_t id, struct span_slot *d)
{
	if (id < w->first_new || (size_t)(id - w->first_new) >= w->inrow_cap)
		return 0;
	const struct row_done *r = &w->inrow[id - w->first_new];
	if (!r->has)
		return 0;
	d->has_done = r->has;
	d->done_ms = r->ms;
	d->done_step = r->step;
	return r->has;
}

/* r (a run, or a slot of the table being grown) into the span table */
static void span_add(struct sqw *w, const struct span_slot *r)
{
	if (2 * (w->span_n + 1) > w->span_cap)
		span_grow(w);
	size_t m = w->span_cap - 1;
	size_t i = (size_t)((uint64_t)r->id * 0x9E3779B97F4A7C15ULL >> 17) & m;
	while (w->span[i].id && w->span[i].id != r->id)
		i = (i + 1) & m;
	struct span_slot *sl = &w->span[i];
	if (!sl->id) {
		*sl = *r;
		w->span_n++;
		return;
	}
	if (r->lo < sl->lo)
		sl->lo = r->lo;
	if (r->hi > sl->hi)
		sl->hi = r->hi;
	done_merge(sl, r);
}

/* new case id's entry (grown to hold it) */
static struct row_done *inrow_at(struct sqw *w, int64_t id)
{
	size_t b = (size_t)(id - w->first_new);
	if (b >= w->inrow_cap) {
		size_t n = w->inrow_cap ? 2 * w->inrow_cap : 1024;
		while (b >= n)
			n *= 2;
		w->inrow = mutu_realloc(w->inrow, n * sizeof *w->inrow);
		memset(w->inrow + w->inrow_cap, 0, (n - w->inrow_cap) * sizeof *w->inrow);
		w->inrow_cap = n;
	}
	return &w->inrow[b];
}

/* new case r->id's row took run r (pend_flush): its completion, if any */
static void inrow_set(struct sqw *w, const struct span_slot *r)
{
	if (!r->has_done)
		return;
	struct row_done *d = inrow_at(w, r->id);
	d->ms = r->done_ms;
	d->step = r->done_step;
	d->has = 1;
}

/* a case of mark m starts at lo */
static void mark_lower(struct touch_mark *m, int64_t lo)
{
	if (!m->has_low || lo < m->low)
		m->low = lo;
	m->has_low = 1;
}

/* qsort: span slots (pointers) by case id */
static int slot_cmp(const void *a, const void *b)
{
	int64_t x = (*(const struct span_slot *const *)a)->id, y = (*(const struct span_slot *const *)b)->id;
	return (x > y) - (x < y);
}

/* Does slot s, with what its case's row took (inrow), hold every event
 * of its case?  A case of an earlier batch has events in the store, which
 * the batch did not see; a new case's events are all the batch's: each
 * went into the row with a run (at most one, the run going on when the
 * case was sealed, which may come after others went to the slot) or into
 * the slot. */
static int span_whole(const struct sqw *w, const struct span_slot *s)
{
	return s->id >= w->first_new;
}

static void span_grow(struct sqw *w)
{
	struct span_slot *old = w->span;
	size_t oc = w->span_cap;
	w->span_cap = oc ? 2 * oc : 1024;
	w->span = mutu_calloc(w->span_cap, sizeof *w->span);
	w->span_n = 0;
	for (size_t i = 0; i < oc; i++)
		if (old[i].id)
			span_add(w, &old[i]);
	free(old);
}

/* the events columns the writer fills, in the order of their parameters
 * (bind_event) */
#define EVENT_COLS                                                                                 \
	"id, case_id, batch_id, line, step, activity, actor, lifecycle, start_ms, start_off, end_ms," \
	" end_off, unknown, dkey, sorting"

/*
 * Write-behind for a large batch.  The kernel starts writing a file's
 * dirty pages back only past vm.dirty_background_ratio (10% of RAM: GBs),
 * so a 1M-event load's 160 MB of pages all waited for the commit's
 * fdatasync: 0.13-0.14 s of a 1.1 s ingest, alone after the load
 * (strace -T).  A small thread asks the kernel every WB_MS to start
 * writing what is dirty (sync_file_range SYNC_FILE_RANGE_WRITE: it starts
 * write-out and does not wait for it, flushes no disk cache and promises
 * nothing), so the commit's fdatasync finds most pages already on disk.
 * Durability is unchanged: SQLite still syncs as before.  It touches
 * only file descriptors of its own, never the connection.  Both the
 * database file (a new store's bulk load, rollback journal) and its WAL
 * (an existing store) are hinted.  Linux only; elsewhere a no-op.
 */
#define WB_MS 40
struct wbehind {
	pthread_t th;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int stop;
	int fd[2];
};

static void *wb_run(void *arg)
{
	struct wbehind *wb = arg;
	pthread_mutex_lock(&wb->mu);
	while (!wb->stop) {
		struct timespec t;
		clock_gettime(CLOCK_REALTIME, &t);
		t.tv_nsec += WB_MS * 1000000L;
		if (t.tv_nsec >= 1000000000L) {
			t.tv_sec++;
			t.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&wb->cv, &wb->mu, &t);
		if (wb->stop)
			break;
		pthread_mutex_unlock(&wb->mu);
#ifdef __linux__
		for (int i = 0; i < 2; i++)
			if (wb->fd[i] >= 0)
				sync_file_range(wb->fd[i], 0, 0, SYNC_FILE_RANGE_WRITE);
#endif
		pthread_mutex_lock(&wb->mu);
	}
	pthread_mutex_unlock(&wb->mu);
	return NULL;
}

/* the files, the lock and the struct (the thread already joined or never started) */
static void wb_release(struct wbehind *wb)
{
	for (int i = 0; i < 2; i++)
		if (wb->fd[i] >= 0)
			close(wb->fd[i]);
	pthread_mutex_destroy(&wb->mu);
	pthread_cond_destroy(&wb->cv);
	free(wb);
}

/* NULL when there is nothing to hint or no thread could start (the batch
 * goes on without: this only moves disk writes earlier) */
static struct wbehind *wb_start(sqlite3 *db)
{
#ifdef __linux__
	const char *file = sqlite3_db_filename(db, "main");
	if (!file || !*file)
		return NULL;
	struct wbehind *wb = mutu_calloc(1, sizeof *wb);
	wb->fd[0] = open(file, O_RDONLY | O_CLOEXEC);
	char *wal = mutu_malloc(strlen(file) + 5);
	strcpy(wal, file);
	strcat(wal, "-wal");
	wb->fd[1] = open(wal, O_RDONLY | O_CLOEXEC);
	free(wal);
	pthread_mutex_init(&wb->mu, NULL);
	pthread_cond_init(&wb->cv, NULL);
	if (wb->fd[0] < 0 || pthread_create(&wb->th, NULL, wb_run, wb) != 0) {
		wb_release(wb);
		return NULL;
	}
	return wb;
#else
	(void)db;
	return NULL;
#endif
}

static void wb_stop(struct wbehind *wb)
{
	if (!wb)
		return;
	pthread_mutex_lock(&wb->mu);
	wb->stop = 1;
	pthread_cond_signal(&wb->cv);
	pthread_mutex_unlock(&wb->mu);
	pthread_join(wb->th, NULL);
	wb_release(wb);
}

/* batches of at least this many bytes of input get write-behind */
#define WB_MIN_BYTES (32u << 20)

static int sq_writer_open(struct mutu_store *s, int64_t batch_id, uint64_t bytes_hint,
			  struct store_writer **out, struct mutu_err *err)
{
	struct sqw *w = mutu_calloc(1, sizeof *w);
	w->base.s = s;
	w->db = DB(s);
	w->batch = batch_id;
	w->bytes_hint = bytes_hint;
	{
		int64_t any = 0;
		if (query_int(w->db, "SELECT EXISTS (SELECT 1 FROM case_measure)", &any) ||
		    query_int(w->db, "SELECT ifnull(max(id), 0) + 1 FROM cases", &w->first_new)) {
			free(w);
			return sdiag(s, "reading kept case measures", err);
		}
		w->measures = any != 0;
	}
	{
		/* A batch larger than the store: build cases_span once, sorted,
		 * after the load, inside the same transaction.  (events_end, built
		 * here the same way before, is gone: schema 10.)  A small batch
		 * into a big store keeps the indexes. */
		int64_t have = 0;
		query_int(w->db, "SELECT ifnull(max(id), 0) FROM events", &have);
		if ((int64_t)(bytes_hint / 128) > have) {
			/* cases_span: every case of such a batch is new, and its
			 * span is written once at the end (writer_finish), which
			 * would move each index entry from NULL to its place.  And
			 * cases_open (cases_sop before schema 10): with them a new case's row took
			 * 20k instructions, a fifth of the writer's (callgrind,
			 * 100k events); the unique (case_key, office) index stays,
			 * the writer looks keys up in it */
			if (sqlx(w->db, "DROP INDEX IF EXISTS cases_span; DROP INDEX IF EXISTS cases_open",
				 err)) {
				free(w);
				return MUTU_EFAIL;
			}
			w->rebuild_end = 1;
			/* and a 2 MiB page cache for the batch (setup's 16 MiB
			 * again in writer_free): such a load only appends, the pages
			 * it fills are written while still in the CPU's cache, and
			 * the index builds sort in runs of that size.  1M events, 7
			 * alternating pairs: CPU median 1.99 s against 2.17 s, peak
			 * RSS 25 MB against 48 MB (2 MiB for the inserts alone, 16
			 * for the builds, saved only a quarter of that) */
			w->small_cache = 1;
			sqlite3_exec(w->db, "PRAGMA cache_size=-2048", NULL, NULL, NULL);
		}
	}
	/* secure_delete off for the batch's inserts, back in writer_free.
	 * Debian's SQLite has it on: every cell a page split moves to a
	 * sibling is zeroed where it was (freeSpace, zeroPage), 3% of the
	 * instructions of a 1M-event load.  The batch deletes nothing a user
	 * wrote before it (a --force reload's deletes ran before this open,
	 * with the setting as it was; the writer's only replaces are
	 * attributes of its own events), so nothing readable is left in
	 * free space by turning it off here. */
	w->secure_was = -1;
	if (query_int(w->db, "PRAGMA secure_delete", &w->secure_was) == 0 && w->secure_was)
		sqlite3_exec(w->db, "PRAGMA secure_delete=0", NULL, NULL, NULL);
	if (query_int(w->db, "SELECT ifnull(max(id), 0) + 1 FROM cases", &w->next_id)) {
		wfail(w, "case ids", err);
		if (w->secure_was > 0)
			sqlite3_exec(w->db, "PRAGMA secure_delete=1", NULL, NULL, NULL);
		free(w);
		return MUTU_EFAIL;
	}
	if (query_int(w->db, "SELECT ifnull(max(id), 0) + 1 FROM events", &w->next_event)) {
		wfail(w, "event ids", err);
		if (w->secure_was > 0)
			sqlite3_exec(w->db, "PRAGMA secure_delete=1", NULL, NULL, NULL);
		free(w);
		return MUTU_EFAIL;
	}
	mutu_buf_init(&w->pend_key);
	mutu_buf_init(&w->pend_sop);
	mutu_buf_init(&w->blk_text);
	mutu_buf_init(&w->case_text);
	static const struct { size_t off; const char *sql; } stmts[] = {
		{offsetof(struct sqw, sel_case), "SELECT id FROM cases WHERE case_key = ?1 AND office = ?2"},
		{offsetof(struct sqw, ins_case),
		 "INSERT INTO cases (id, case_key, sop, batch_id, office, first_ms, last_ms, last_done_step)"
		 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"},
		{offsetof(struct sqw, ins_cattr),
		 "INSERT OR IGNORE INTO case_attrs (case_id, name, value) VALUES (?1, ?2, ?3)"},
		{offsetof(struct sqw, ins_event),
		 "INSERT OR IGNORE INTO events (" EVENT_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
		 " ?9, ?10, ?11, ?12, ?13, ?14, ?15)"},
		{offsetof(struct sqw, sel_dup),
		 "SELECT activity, start_ms, end_ms, actor, CASE WHEN lifecycle IS NULL THEN NULL ELSE"
		 " (SELECT value FROM event_attrs a WHERE a.event_id = events.id AND value <> '' AND"
		 " name IN ('" STORE_INSTANCE_ATTRS "') ORDER BY name LIMIT 1) END FROM events"
		 " WHERE case_id = ?1 AND dkey = ?2"},
		{offsetof(struct sqw, ins_eattr),
		 "INSERT OR REPLACE INTO event_attrs (event_id, name, value) VALUES (?1, ?2, ?3)"},
		{offsetof(struct sqw, ins_rej),
		 "INSERT INTO rejected (batch_id, line, raw, reason) VALUES (?1, ?2, ?3, ?4)"},
		/* OR IGNORE: two keys can land on one stored name (a trace key and an
		 * event key that is a case attribute by name): the first type wins */
		{offsetof(struct sqw, ins_type),
		 "INSERT OR IGNORE INTO attr_types (batch_id, scope, name, type) VALUES (?1, ?2, ?3, ?4)"},
	};
	for (size_t i = 0; i < sizeof stmts / sizeof stmts[0]; i++) {
		sqlite3_stmt **st = (sqlite3_stmt **)((char *)w + stmts[i].off);
		if (sqlite3_prepare_v3(w->db, stmts[i].sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) !=
		    SQLITE_OK) {
			wfail(w, "prepare", err);
			s->ops->writer_free(&w->base);
			return MUTU_EFAIL;
		}
	}
	/* INSERT OR IGNORE ... VALUES (?1..?14), (?15..?28), ...: OR IGNORE
	 * although no row of a block can conflict (block_flush and
	 * case_flush check that every row went in), so that SQLite needs no
	 * statement journal to undo half a block */
	if (prepare_rows(w->db, "INSERT OR IGNORE INTO events (" EVENT_COLS ") VALUES ", BLOCK_ROWS, EVENT_NCOLS,
			 &w->ins_block) ||
	    prepare_rows(w->db,
			 "INSERT OR IGNORE INTO cases (id, case_key, sop, batch_id, office, first_ms,"
			 " last_ms, last_done_step) VALUES ",
			 CASE_ROWS, 8, &w->ins_cases)) {
		wfail(w, "prepare", err);
		s->ops->writer_free(&w->base);
		return MUTU_EFAIL;
	}
	if (w->first_new == 1) {
		/* no case in the store: the filter of this batch's keys, a bit
		 * per 128 bytes of input (the generated log has a case per
		 * 1.7 KB: 13 bits a key, false hits ~2%, each one lookup),
		 * 256 KB at 168 MB; at most 16 MB */
		uint64_t words = 1u << 10;
		while (words * 64 < bytes_hint / 128 && words < (1u << 21))
			words <<= 1;
		w->keybits = mutu_calloc((size_t)words, sizeof *w->keybits);
		w->keymask = words - 1;
	}
	if (bytes_hint >= WB_MIN_BYTES)
		w->wb = wb_start(w->db);
	*out = &w->base;
	return 0;
}

static void sq_writer_free(struct store_writer *base)
{
	struct sqw *w = (struct sqw *)base;
	sqlite3_finalize(w->sel_case);
	sqlite3_finalize(w->ins_case);
	sqlite3_finalize(w->ins_cattr);
	sqlite3_finalize(w->ins_event);
	sqlite3_finalize(w->sel_dup);
	sqlite3_finalize(w->ins_eattr);
	sqlite3_finalize(w->ins_rej);
	sqlite3_finalize(w->ins_type);
	sqlite3_finalize(w->ins_block);
	sqlite3_finalize(w->ins_cases);
	mutu_buf_release(&w->case_text);
	free(w->keybits);
	mutu_buf_release(&w->blk_text);
	if (w->secure_was > 0)
		sqlite3_exec(w->db, "PRAGMA secure_delete=1", NULL, NULL, NULL);
	if (w->small_cache)
		sqlite3_exec(w->db, "PRAGMA cache_size=-16384", NULL, NULL, NULL); /* setup's */
	wb_stop(w->wb);
	mutu_buf_release(&w->pend_key);
	mutu_buf_release(&w->pend_sop);
	free(w->span);
	free(w->inrow);
	free(w->evbits);
	free(w->touched);
	for (size_t i = 0; i < w->nmarks; i++) {
		free(w->marks[i].office);
		free(w->marks[i].sop);
	}
	free(w->marks);
	free(w);
}

/* The pending case goes into the store with first_ms lo: lower its
 * (office, SOP) mark to it.  SQLite compares the two texts byte by byte
 * in batch_touch's key, so do we (an absent SOP is stored as ''). */
static size_t mark_new_case(struct sqw *w)
{
	const char *office = w->pend_office ? w->pend_office : "";
	const char *sop = w->pend_has_sop && w->pend_sop.s ? w->pend_sop.s : "";
	size_t sop_len = w->pend_has_sop ? w->pend_sop.len : 0;
	for (size_t i = 0; i < w->nmarks; i++) {
		struct touch_mark *m = &w->marks[i];
		if (m->sop_len == sop_len && !memcmp(m->sop, sop, sop_len) && !strcmp(m->office, office))
			return i;
	}
	w->marks = mutu_realloc(w->marks, (w->nmarks + 1) * sizeof *w->marks);
	struct touch_mark *m = &w->marks[w->nmarks++];
	m->office = mutu_strdup(office);
	m->sop = mutu_malloc(sop_len + 1); /* may hold a NUL: not strndup */
	memcpy(m->sop, sop, sop_len);
	m->sop[sop_len] = '\0';
	m->sop_len = sop_len;
	m->low = 0;
	m->has_low = 0;
	return w->nmarks - 1;
}

/* One sealed case's 8 parameters from k + 1 on (ins_case's order), through
 * st's bind state b (struct bound). */
static void bind_case(struct sqw *w, sqlite3_stmt *st, struct bound *b, int k, const struct case_row *c)
{
	const char *t = w->case_text.s;
	bind_i(st, b, k + 1, c->id);
	bind_t(st, b, k + 2, c->key_len ? t + c->key : "", c->key_len);
	if (c->has_sop)
		bind_t(st, b, k + 3, c->sop_len ? t + c->sop : "", c->sop_len);
	else
		bind_n(st, b, k + 3);
	bind_i(st, b, k + 4, w->batch);
	bind_t(st, b, k + 5, c->office, strlen(c->office));
	bind_in(st, b, k + 6, c->has_span, c->lo);
	bind_in(st, b, k + 7, c->has_span, c->hi);
	bind_in(st, b, k + 8, c->has_done, c->done_step);
}

/* Write the sealed cases: one statement for a full block, one by one for
 * the rest.  Every row must go in (their keys were looked up: none is in
 * the store); one that does not is an error, never a silent loss.
 * 0, or <0 for case_fail. */
static int case_flush(struct sqw *w)
{
	if (!w->ncblk)
		return 0;
	int rc = 0;
	if (w->ncblk == CASE_ROWS) {
		for (int i = 0; i < CASE_ROWS; i++)
			bind_case(w, w->ins_cases, w->b_cases, 8 * i, &w->cblk[i]);
		rc = sqlite3_step(w->ins_cases);
		sqlite3_reset(w->ins_cases);
		if (rc == SQLITE_DONE && sqlite3_changes(w->db) != CASE_ROWS)
			rc = SQLITE_CONSTRAINT;
	} else {
		for (int i = 0; i < w->ncblk && (rc == 0 || rc == SQLITE_DONE); i++) {
			bind_case(w, w->ins_case, w->b_case, 0, &w->cblk[i]);
			rc = sqlite3_step(w->ins_case);
			sqlite3_reset(w->ins_case);
			if (rc == SQLITE_DONE && sqlite3_changes(w->db) != 1)
				rc = SQLITE_CONSTRAINT;
		}
	}
	w->ncblk = 0;
	mutu_buf_reset(&w->case_text);
	return rc == SQLITE_DONE ? 0 : rc == SQLITE_CONSTRAINT ? -2 : -1;
}

/* The error of a failed case_flush (or pend_flush): -2 a row that did not
 * go in, -1 SQLite's. */
static int case_fail(struct sqw *w, int rc, struct mutu_err *err)
{
	if (rc == -2)
		return mutu_errf(err, MUTU_EFAIL,
				 "store: a new case of a block of cases met a stored one; this is a bug "
				 "in mutu's writer, please report it with the log");
	return wfail(w, "new case", err);
}

/* Seal the pending case (sq_writer_case): its row, with the span of its
 * run of events when the run is still open, joins the block of cases
 * (written when that is full: case_flush's return). */
static int pend_flush(struct sqw *w)
{
	if (!w->pend_id)
		return 0;
	struct case_row *c = &w->cblk[w->ncblk++];
	c->id = w->pend_id;
	c->key = w->case_text.len;
	c->key_len = w->pend_key.len;
	mutu_buf_add(&w->case_text, w->pend_key.s ? w->pend_key.s : "", w->pend_key.len);
	c->has_sop = w->pend_has_sop;
	c->sop = w->case_text.len;
	c->sop_len = w->pend_has_sop ? w->pend_sop.len : 0;
	if (c->sop_len)
		mutu_buf_add(&w->case_text, w->pend_sop.s, w->pend_sop.len);
	c->office = w->pend_office;
	size_t mk = mark_new_case(w); /* may move marks: before any &marks[mk] */
	if (w->run.id == w->pend_id) {
		c->has_span = 1;
		c->lo = w->run.lo;
		c->hi = w->run.hi;
		c->has_done = w->run.has_done; /* else nothing ended yet */
		c->done_step = w->run.done_step;
		inrow_set(w, &w->run);
		w->run.id = 0; /* written: nothing left to widen */
		mark_lower(&w->marks[mk], w->run.lo);
	} else {
		/* no event with a time yet, or its run already went to the
		 * span table: finish widens from NULL (and recomputes the
		 * marker from all the case's events) */
		c->has_span = c->has_done = 0;
	}
	inrow_at(w, c->id)->mark = (uint32_t)mk + 1;
	w->pend_id = 0;
	return w->ncblk == CASE_ROWS ? case_flush(w) : 0;
}

/* the filter's two bits of a key (keybits), both in one 64-bit word: one
 * cache miss a key, not two (the bits are read once per new key, at
 * random: perf at 1M events found two separate words a quarter of the
 * lookup they replace) */
static uint64_t key_hash(const char *key, size_t key_len, const char *office)
{
	uint64_t h = mutu_fnv1a_add(mutu_fnv1a(key, key_len), office, strlen(office) + 1);
	h ^= h >> 29;
	return h * 0xBF58476D1CE4E5B9ULL;
}

static uint64_t key_bits(uint64_t h)
{
	return (1ULL << (h >> 52 & 63)) | (1ULL << (h >> 58));
}

static int key_seen(const struct sqw *w, uint64_t h)
{
	uint64_t b = key_bits(h);
	return (w->keybits[h & w->keymask] & b) == b;
}

static void key_add(struct sqw *w, uint64_t h)
{
	w->keybits[h & w->keymask] |= key_bits(h);
}

/*
 * A key the caller's cache missed: the pending case, else a sealed one
 * not yet written, else the store (skipped for a key the filter never saw
 * in a store that had no case at open), else a new case, pending (its row
 * sealed by pend_flush once the next new case comes, or at finish).  The
 * caller's cache keeps most rows of a case away from here.
 */
static int sq_writer_case(struct store_writer *base, const char *key, size_t key_len,
			  const char *sop, size_t sop_len, const char *office, int64_t *id,
			  int *created, struct mutu_err *err)
{
	struct sqw *w = (struct sqw *)base;
	*created = 0;
	if (w->pend_id && w->pend_key.len == key_len &&
	    (!key_len || memcmp(w->pend_key.s, key, key_len) == 0) && strcmp(w->pend_office, office) == 0) {
		*id = w->pend_id;
		return 0;
	}
	for (int i = 0; i < w->ncblk; i++) {
		const struct case_row *c = &w->cblk[i];
		if (c->key_len == key_len && memcmp(w->case_text.s + c->key, key, key_len) == 0 &&
		    strcmp(c->office, office) == 0) {
			*id = c->id;
			return 0;
		}
	}
	uint64_t h = 0;
	if (w->keybits)
		h = key_hash(key, key_len, office);
	if (!w->keybits || key_seen(w, h)) {
		/* a key is a case within its office (schema 7): another
		 * office's case of the same key is not this one */
		sqlite3_bind_text(w->sel_case, 1, key, (int)key_len, SQLITE_STATIC);
		sqlite3_bind_text(w->sel_case, 2, office, -1, SQLITE_STATIC);
		int rc = sqlite3_step(w->sel_case);
		if (rc == SQLITE_ROW)
			*id = sqlite3_column_int64(w->sel_case, 0);
		sqlite3_reset(w->sel_case);
		if (rc == SQLITE_ROW)
			return 0;
		if (rc != SQLITE_DONE)
			return wfail(w, "case lookup", err);
	}
	int frc = pend_flush(w);
	if (frc)
		return case_fail(w, frc, err);
	if (w->keybits)
		key_add(w, h);
	w->pend_id = w->next_id++;
	mutu_buf_reset(&w->pend_key);
	mutu_buf_add(&w->pend_key, key, key_len);
	mutu_buf_reset(&w->pend_sop);
	w->pend_has_sop = sop != NULL;
	if (sop)
		mutu_buf_add(&w->pend_sop, sop, sop_len);
	w->pend_office = office;
	*id = w->pend_id;
	*created = 1;
	/* its events can only meet each other: blocks (struct sqw) */
	w->fast_case = *id;
	w->nfast_keys = 0;
	return 0;
}

/* One (owner id, name, value) row through st: case and event attributes
 * have the same shape. */
static int attr_put(struct sqw *w, sqlite3_stmt *st, int64_t id, const char *name, const char *value,
		    size_t value_len, const char *what, struct mutu_err *err)
{
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, value, (int)value_len, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : wfail(w, what, err);
}

static int sq_writer_case_attr(struct store_writer *base, int64_t case_id, const char *name,
			       const char *value, size_t value_len, struct mutu_err *err)
{
	struct sqw *w = (struct sqw *)base;
	return attr_put(w, w->ins_cattr, case_id, name, value, value_len, "case attribute", err);
}

/* Same event already stored under (case_id, dkey)?  1 yes, 0 a hash
 * collision with another event, <0 error. */
static int writer_same(struct sqw *w, const struct store_event *e, uint64_t dkey,
		       struct mutu_err *err)
{
	sqlite3_stmt *q = w->sel_dup;
	sqlite3_bind_int64(q, 1, e->case_id);
	sqlite3_bind_int64(q, 2, (sqlite3_int64)dkey);
	int rc = sqlite3_step(q);
	int same = 0;
	if (rc == SQLITE_ROW) {
		const char *a = (const char *)sqlite3_column_text(q, 0);
		const char *actor = (const char *)sqlite3_column_text(q, 3);
		same = a && (size_t)sqlite3_column_bytes(q, 0) == e->activity_len &&
		       memcmp(a, e->activity, e->activity_len) == 0;
		same = same && (sqlite3_column_type(q, 1) != SQLITE_NULL) == e->has_start &&
		       (!e->has_start || sqlite3_column_int64(q, 1) == e->start_ms);
		same = same && (sqlite3_column_type(q, 2) != SQLITE_NULL) == e->has_end &&
		       (!e->has_end || sqlite3_column_int64(q, 2) == e->end_ms);
		same = same && (actor != NULL) == (e->actor != NULL) &&
		       (!actor || ((size_t)sqlite3_column_bytes(q, 3) == e->actor_len &&
				   memcmp(actor, e->actor, e->actor_len) == 0));
		/* the instance (its attribute is written right after the event,
		 * so an earlier row of this batch has it too) */
		const char *inst = (const char *)sqlite3_column_text(q, 4);
		same = same && (inst != NULL) == (e->instance != NULL) &&
		       (!inst || ((size_t)sqlite3_column_bytes(q, 4) == e->instance_len &&
				  memcmp(inst, e->instance, e->instance_len) == 0));
	} else if (rc != SQLITE_DONE) {
		sqlite3_reset(q);
		return wfail(w, "duplicate check", err);
	}
	sqlite3_reset(q);
	return same;
}

/* An event's EVENT_NCOLS parameters from k + 1 on (EVENT_COLS), texts SQLITE_STATIC,
 * through st's bind state b (indexed by parameter number).  The id is left
 * NULL: SQLite then appends at max(id) + 1 without the seek a given id
 * costs (10% more instructions per insert, callgrind); the caller checks
 * that the row got the id it expected. */
static void bind_event(struct sqw *w, sqlite3_stmt *st, struct bound *b, int k,
		       const struct store_event *e, uint64_t dkey)
{
	bind_n(st, b, k + 1);
	bind_i(st, b, k + 2, e->case_id);
	bind_i(st, b, k + 3, w->batch);
	bind_i(st, b, k + 4, e->line);
	bind_in(st, b, k + 5, e->step != 0, e->step);
	bind_t(st, b, k + 6, e->activity, e->activity_len);
	bind_tn(st, b, k + 7, e->actor, e->actor_len);
	bind_tn(st, b, k + 8, e->lifecycle, e->lifecycle_len);
	bind_in(st, b, k + 9, e->has_start, e->start_ms);
	bind_in(st, b, k + 10, e->has_start, e->start_off);
	bind_in(st, b, k + 11, e->has_end, e->end_ms);
	bind_in(st, b, k + 12, e->has_end, e->end_off);
	bind_i(st, b, k + 13, e->unknown);
	bind_i(st, b, k + 14, (sqlite3_int64)dkey);
	bind_in(st, b, k + 15, e->has_sorting, e->sorting);
}

/* Write the pending block: one statement for a full one, the single-row
 * insert for the rest.  Every row must go in (none can conflict: struct
 * sqw); one that does not is an error, never a silent loss. */
static int block_flush(struct sqw *w, struct mutu_err *err)
{
	if (!w->nblk)
		return 0;
	const char *t = w->blk_text.s;
	for (int i = 0; i < w->nblk; i++) {
		struct blk_row *b = &w->blk[i];
		b->e.activity = t + b->act;
		b->e.actor = b->e.actor ? t + b->actor : NULL;
		b->e.lifecycle = b->e.lifecycle ? t + b->lc : NULL;
	}
	int rc = 0;
	if (w->nblk == BLOCK_ROWS) {
		for (int i = 0; i < BLOCK_ROWS; i++)
			bind_event(w, w->ins_block, w->b_block, EVENT_NCOLS * i, &w->blk[i].e, w->blk[i].e.dkey);
		rc = sqlite3_step(w->ins_block);
		sqlite3_reset(w->ins_block);
		if (rc == SQLITE_DONE && (sqlite3_changes(w->db) != BLOCK_ROWS ||
					  sqlite3_last_insert_rowid(w->db) != w->blk[BLOCK_ROWS - 1].id))
			rc = SQLITE_CONSTRAINT;
	} else {
		for (int i = 0; i < w->nblk && (rc == 0 || rc == SQLITE_DONE); i++) {
			bind_event(w, w->ins_event, w->b_event, 0, &w->blk[i].e, w->blk[i].e.dkey);
			rc = sqlite3_step(w->ins_event);
			sqlite3_reset(w->ins_event);
			if (rc == SQLITE_DONE && (sqlite3_changes(w->db) != 1 ||
						  sqlite3_last_insert_rowid(w->db) != w->blk[i].id))
				rc = SQLITE_CONSTRAINT;
		}
	}
	w->nblk = 0;
	mutu_buf_reset(&w->blk_text);
	if (rc != SQLITE_DONE) {
		if (rc == SQLITE_CONSTRAINT)
			return mutu_errf(err, MUTU_EFAIL,
					 "store: an event of a new case met a stored one in a block of "
					 "events, or got another id than expected; this is a bug in mutu's "
					 "writer, please report it with the log");
		return wfail(w, "events", err);
	}
	return 0;
}

/* the filter's word and two bits of (case, key) (struct sqw, evbits) */
static uint64_t ev_hash(int64_t case_id, uint64_t dkey)
{
	uint64_t h = dkey ^ ((uint64_t)case_id * 0x9E3779B97F4A7C15ULL);
	h ^= h >> 31;
	return h * 0xBF58476D1CE4E5B9ULL;
}

static int ev_seen(const struct sqw *w, uint64_t h)
{
	uint64_t b = key_bits(h);
	return (w->evbits[h & w->evmask] & b) == b;
}

static void ev_add(struct sqw *w, int64_t case_id, uint64_t dkey)
{
	if (w->evbits && case_id >= w->ev_from) {
		uint64_t h = ev_hash(case_id, dkey);
		w->evbits[h & w->evmask] |= key_bits(h);
	}
}

/* the filter, for the cases created from now on */
static void ev_start(struct sqw *w)
{
	uint64_t words = 1u << 10;
	while (words * 64 < w->bytes_hint / 8 && words < (1u << 21))
		words <<= 1;
	w->evbits = mutu_calloc((size_t)words, sizeof *w->evbits);
	w->evmask = words - 1;
	w->ev_from = w->next_id;
}

/* Can e go into the block?  Its case's first run is going on and no event
 * of the run has its key (which is then recorded), or its case came after
 * the filter started and the filter never saw its pair (struct sqw). */
static int block_fits(struct sqw *w, const struct store_event *e)
{
	if (e->case_id == w->fast_case) {
		uint32_t k = (uint32_t)e->dkey;
		int seen = w->nfast_keys == FAST_KEYS;
		for (int i = 0; i < w->nfast_keys && !seen; i++)
			seen = w->fast_keys[i] == k;
		if (!seen) {
			w->fast_keys[w->nfast_keys++] = k;
			ev_add(w, e->case_id, e->dkey);
			return 1;
		}
	} else {
		w->fast_case = 0; /* another case's rows came: that run is over */
		if (!w->evbits && e->case_id >= w->first_new)
			ev_start(w);
	}
	if (!w->evbits || e->case_id < w->ev_from)
		return 0;
	uint64_t h = ev_hash(e->case_id, e->dkey);
	if (ev_seen(w, h))
		return 0;
	w->evbits[h & w->evmask] |= key_bits(h);
	return 1;
}

static size_t blk_copy(struct sqw *w, const char *s, size_t n)
{
	size_t off = w->blk_text.len;
	mutu_buf_add(&w->blk_text, s, n);
	return off;
}

static int sq_writer_event(struct store_writer *base, const struct store_event *e,
			   int64_t *event_id, int *dup, struct mutu_err *err)
{
	struct sqw *w = (struct sqw *)base;
	*dup = 0;
	if (block_fits(w, e)) {
		struct blk_row *b = &w->blk[w->nblk++];
		b->e = *e;
		b->act = blk_copy(w, e->activity, e->activity_len);
		if (e->actor)
			b->actor = blk_copy(w, e->actor, e->actor_len);
		if (e->lifecycle)
			b->lc = blk_copy(w, e->lifecycle, e->lifecycle_len);
		b->id = *event_id = w->next_event++;
		if (w->nblk == BLOCK_ROWS && block_flush(w, err))
			return err->code ? err->code : MUTU_EFAIL;
	} else {
		/* one by one, after the block (ids stay in row order, and the
		 * duplicate check below reads the stored rows) */
		w->fast_case = 0;
		if (block_flush(w, err))
			return err->code ? err->code : MUTU_EFAIL;
		sqlite3_stmt *st = w->ins_event;
		uint64_t dkey = e->dkey;
		for (;;) {
			bind_event(w, st, w->b_event, 0, e, dkey);
			int rc = sqlite3_step(st);
			sqlite3_reset(st);
			if (rc != SQLITE_DONE)
				return wfail(w, "event", err);
			if (sqlite3_changes(w->db) == 1)
				break;
			int same = writer_same(w, e, dkey, err);
			if (same < 0)
				return same;
			if (same) {
				*dup = 1;
				return 0;
			}
			dkey++; /* a true hash collision: next key, still exact */
		}
		ev_add(w, e->case_id, dkey);
		*event_id = sqlite3_last_insert_rowid(w->db);
		if (w->measures && e->case_id < w->first_new &&
		    (w->ntouched == 0 || w->touched[w->ntouched - 1] != e->case_id)) {
			if (w->ntouched == w->captouched) {
				w->captouched = w->captouched ? 2 * w->captouched : 64;
				w->touched = mutu_realloc(w->touched, w->captouched * sizeof *w->touched);
			}
			w->touched[w->ntouched++] = e->case_id;
		}
		if (*event_id != w->next_event)
			return mutu_errf(err, MUTU_EFAIL,
					 "store: event id %lld where %lld was expected; this is a bug in "
					 "mutu's writer, please report it with the log",
					 (long long)*event_id, (long long)w->next_event);
		w->next_event++;
	}
	if (e->has_start || e->has_end) {
		int64_t lo = e->has_start ? e->start_ms : e->end_ms;
		int64_t hi = e->has_end ? e->end_ms : e->start_ms;
		struct span_slot *r = &w->run;
		if (r->id != e->case_id) {
			if (r->id)
				span_add(w, r);
			r->id = e->case_id;
			r->lo = lo;
			r->hi = hi;
			r->has_done = 0;
		} else {
			r->lo = lo < r->lo ? lo : r->lo;
			r->hi = hi > r->hi ? hi : r->hi;
		}
		if (e->has_end) {
			if (!r->has_done || e->end_ms > r->done_ms) {
				r->has_done = 1;
				r->done_ms = e->end_ms;
				r->done_step = e->step;
			} else if (e->end_ms == r->done_ms && e->step > r->done_step) {
				r->done_step = e->step;
			}
		}
	}
	return 0;
}

static int sq_writer_event_attr(struct store_writer *base, int64_t event_id, const char *name,
				const char *value, size_t value_len, struct mutu_err *err)
{
	struct sqw *w = (struct sqw *)base;
	return attr_put(w, w->ins_eattr, event_id, name, value, value_len, "event attribute", err);
}

static int sq_writer_rejected(struct store_writer *base, int64_t line, const char *raw,
			      size_t raw_len, const char *reason, size_t reason_len,
			      struct mutu_err *err)
{
	struct sqw *w = (struct sqw *)base;
	sqlite3_bind_int64(w->ins_rej, 1, w->batch);
	sqlite3_bind_int64(w->ins_rej, 2, line);
	sqlite3_bind_text(w->ins_rej, 3, raw, (int)raw_len, SQLITE_STATIC);
	sqlite3_bind_text(w->ins_rej, 4, reason, (int)reason_len, SQLITE_STATIC);
	int rc = sqlite3_step(w->ins_rej);
	sqlite3_reset(w->ins_rej);
	return rc == SQLITE_DONE ? 0 : wfail(w, "rejected row", err);
}

static int sq_writer_attr_type(struct store_writer *base, const char *scope, const char *name,
			       const char *type, struct mutu_err *err)
{
	struct sqw *w = (struct sqw *)base;
	sqlite3_bind_int64(w->ins_type, 1, w->batch);
	sqlite3_bind_text(w->ins_type, 2, scope, -1, SQLITE_STATIC);
	sqlite3_bind_text(w->ins_type, 3, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(w->ins_type, 4, type, -1, SQLITE_STATIC);
	int rc = sqlite3_step(w->ins_type);
	sqlite3_reset(w->ins_type);
	return rc == SQLITE_DONE ? 0 : mutu_errf(err, MUTU_EFAIL, "store: attr_types: %s",
						 sqlite3_errmsg(w->db));
}

/*
 * batch_touch (schema 8) for batch `batch`, inside its transaction, after
 * the cases' spans are up to date: per (office, SOP) the earliest first_ms
 * of the cases the batch created or gave an event.  The created ones
 * written with their span are the writer's marks, taken as each went in
 * (mark_new_case): one row per pair, where reading them back grouped
 * 100,000 new cases by texts in a sort, 0.15 s of a 1M-event load, one
 * serial step after it (a 2 MiB page cache then); the others are the span
 * table's (every case whose span the finish widened, sq_writer_event,
 * including a new case whose span was not in its row).  Both merge into
 * the same row with min(), so a pair in both does not matter.  A
 * batch that supersedes older ones (--force, their events deleted) also
 * takes their rows, or, for one written before schema 8, a row that
 * stales every summary (office and SOP U+0001, low_ms the smallest
 * integer).
 */
static int sq_batch_touch(struct sqw *w, const struct span_slot *const *order, size_t norder,
			  struct mutu_err *err)
{
	sqlite3 *db = w->db;
	int64_t batch = w->batch;
#define UPSERT " ON CONFLICT (batch_id, office, sop) DO UPDATE SET low_ms = min(low_ms, excluded.low_ms)"
	static const char *const sql[] = {
		"INSERT INTO batch_touch (batch_id, office, sop, low_ms) VALUES (?1, ?2, ?3, ?4)" UPSERT,
		"INSERT INTO batch_touch (batch_id, office, sop, low_ms)"
		" SELECT ?1, t.office, t.sop, t.low_ms FROM batch_touch t JOIN batches b ON b.id = t.batch_id"
		" WHERE b.superseded_by = ?1" UPSERT,
		"INSERT INTO batch_touch (batch_id, office, sop, low_ms)"
		" SELECT ?1, char(1), char(1), -9223372036854775807 - 1 FROM batches b WHERE b.superseded_by = ?1"
		" AND NOT EXISTS (SELECT 1 FROM batch_touch t WHERE t.batch_id = b.id)" UPSERT,
		"INSERT INTO batch_touch (batch_id, office, sop, low_ms)"
		" SELECT ?1, office, coalesce(sop, ''), first_ms FROM cases WHERE id = ?2 AND first_ms IS NOT NULL" UPSERT,
	};
#undef UPSERT
	size_t nsql = sizeof sql / sizeof sql[0];
	for (size_t i = 0; i < nsql; i++) {
		sqlite3_stmt *st = NULL;
		int ok = sqlite3_prepare_v2(db, sql[i], -1, &st, NULL) == SQLITE_OK;
		sqlite3_bind_int64(st, 1, batch);
		if (i == 0) {
			for (size_t k = 0; k < w->nmarks && ok; k++) {
				const struct touch_mark *m = &w->marks[k];
				if (!m->has_low)
					continue;
				sqlite3_bind_text(st, 2, m->office, -1, SQLITE_STATIC);
				sqlite3_bind_text(st, 3, m->sop, (int)m->sop_len, SQLITE_STATIC);
				sqlite3_bind_int64(st, 4, m->low);
				ok = sqlite3_step(st) == SQLITE_DONE;
				sqlite3_reset(st);
			}
		} else if (i < nsql - 1) {
			ok = ok && sqlite3_step(st) == SQLITE_DONE;
		} else {
			for (size_t k = 0; k < norder && ok; k++) {
				if (span_whole(w, order[k]) && (size_t)(order[k]->id - w->first_new) < w->inrow_cap &&
				    w->inrow[order[k]->id - w->first_new].mark)
					continue; /* its mark is lowered (writer_finish) */
				sqlite3_bind_int64(st, 2, order[k]->id);
				ok = sqlite3_step(st) == SQLITE_DONE;
				sqlite3_reset(st);
			}
		}
		sqlite3_finalize(st);
		if (!ok)
			return mutu_errf(err, MUTU_EFAIL, "store: the batch's month-summary marks: %s",
					 sqlite3_errmsg(db));
	}
	return 0;
}

/* The kept measures of the cases this batch changed: the earlier cases
 * it stored an event of, and every case from first_new on (made by this
 * batch: none has a measure unless an id came back, which SQLite's max +
 * 1 ids do not while no case is deleted; deleted anyway, it costs one
 * range). */
static int drop_measures(struct sqw *w, struct mutu_err *err)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(w->db, "DELETE FROM case_measure WHERE case_id = ?1", -1, &st, NULL) != SQLITE_OK)
		return wfail(w, "kept case measures", err);
	int ok = 1;
	for (size_t i = 0; i < w->ntouched && ok; i++) {
		sqlite3_bind_int64(st, 1, w->touched[i]);
		ok = sqlite3_step(st) == SQLITE_DONE;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (ok && sqlite3_prepare_v2(w->db, "DELETE FROM case_measure WHERE case_id >= ?1", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, w->first_new);
		ok = sqlite3_step(st) == SQLITE_DONE;
		sqlite3_finalize(st);
	} else {
		ok = 0;
	}
	return ok ? 0 : wfail(w, "kept case measures", err);
}

static int sq_writer_finish(struct store_writer *base, struct mutu_err *err)
{
	struct sqw *w = (struct sqw *)base;
	if (block_flush(w, err))
		return err->code ? err->code : MUTU_EFAIL;
	int frc = pend_flush(w);
	if (!frc)
		frc = case_flush(w);
	if (frc)
		return case_fail(w, frc, err);
	if (w->run.id) {
		span_add(w, &w->run);
		w->run.id = 0;
	}
	/* widen, never narrow: a case's span covers every event it ever had
	 * (a superseded batch's events leave it wider than needed, which only
	 * costs a period cursor one case more, never one less) */
	/* the marker: schema 6's, the step of the case's event with the
	 * greatest end, the greatest step among equal ends (ORDER BY end_ms
	 * DESC, coalesce(step, 0) DESC LIMIT 1 before: the same row).  From
	 * the slot when it holds all the case's events (span_whole), else from
	 * all of them in the store (not only this batch's): exact whatever
	 * the batches did before.  The query is two aggregates over the
	 * case's events: no sorter, whose temporary B-tree per case cost most
	 * of its 86k instructions (callgrind) */
	sqlite3_stmt *st[2] = {NULL, NULL};
	static const char *const upd[2] = {
		"UPDATE cases SET first_ms = min(coalesce(first_ms, ?2), ?2),"
		" last_ms = max(coalesce(last_ms, ?3), ?3),"
		" last_done_step = (SELECT max(coalesce(step, 0)) FROM events WHERE case_id = ?1"
		" AND end_ms = (SELECT max(end_ms) FROM events WHERE case_id = ?1))"
		" WHERE id = ?1",
		"UPDATE cases SET first_ms = min(coalesce(first_ms, ?2), ?2),"
		" last_ms = max(coalesce(last_ms, ?3), ?3), last_done_step = ?4 WHERE id = ?1",
	};
	for (int k = 0; k < 2; k++)
		if (sqlite3_prepare_v2(w->db, upd[k], -1, &st[k], NULL) != SQLITE_OK) {
			sqlite3_finalize(st[0]);
			return wfail(w, "case spans", err);
		}
	/* in id order: the hash table's order sought the cases' pages at
	 * random, and a load of 10^5 cases (6 MB of them) outgrows its 2 MiB
	 * page cache */
	const struct span_slot **order = mutu_malloc((w->span_n ? w->span_n : 1) * sizeof *order);
	size_t norder = 0;
	for (size_t i = 0; i < w->span_cap; i++)
		if (w->span[i].id)
			order[norder++] = &w->span[i];
	qsort(order, norder, sizeof *order, slot_cmp);
	int rc = 0;
	for (size_t i = 0; i < norder && !rc; i++) {
		struct span_slot all = *order[i];
		const struct span_slot *sl = &all;
		int whole = span_whole(w, sl);
		struct span_slot row;
		if (whole && inrow_get(w, sl->id, &row))
			done_merge(&all, &row); /* lo and hi: the UPDATE's min/max with the row's */
		if (whole && (size_t)(sl->id - w->first_new) < w->inrow_cap) {
			/* its first_ms: the row's (marked in pend_flush) or lo */
			uint32_t mk = w->inrow[sl->id - w->first_new].mark;
			if (mk)
				mark_lower(&w->marks[mk - 1], sl->lo);
		}
		sqlite3_stmt *u = st[whole];
		sqlite3_bind_int64(u, 1, sl->id);
		sqlite3_bind_int64(u, 2, sl->lo);
		sqlite3_bind_int64(u, 3, sl->hi);
		if (whole && sl->has_done)
			sqlite3_bind_int64(u, 4, sl->done_step);
		else if (whole)
			sqlite3_bind_null(u, 4);
		if (sqlite3_step(u) != SQLITE_DONE)
			rc = wfail(w, "case spans", err);
		sqlite3_reset(u);
	}
	sqlite3_finalize(st[0]);
	sqlite3_finalize(st[1]);
	if (!rc)
		rc = sq_batch_touch(w, order, norder, err);
	free(order);
	if (!rc && w->measures)
		rc = drop_measures(w, err);
	if (!rc && w->rebuild_end) {
		/* built once, sorted, after the load: ~3x cheaper than the
		 * random B-tree inserts of a bulk load */
		if (sqlx(w->db, "CREATE INDEX cases_span ON cases(last_ms, first_ms);"
				"CREATE INDEX cases_open ON cases(sop, last_done_step, last_ms)", err))
			return MUTU_EFAIL;
		w->rebuild_end = 0;
	}
	if (!rc) {
		free(w->span);
		w->span = NULL;
		w->span_cap = w->span_n = 0;
	}
	return rc;
}

/* ---------------------------------------------------------------- the case cursor */

/*
 * Three cursors that all run in case-id order (cases by rowid, events by
 * the events_dedup index's case_id prefix, the requested case attributes
 * by case_attrs' primary key), merged, so a pass over the whole store
 * holds one case in memory at a time and never sorts in SQL.  A filter is
 * one predicate over cases, used as is for the cases and as "case_id IN
 * (SELECT id FROM cases WHERE ...)" for the two others.
 */
struct sqc {
	struct store_cursor base;
	sqlite3 *db;
	const char *path;
	sqlite3_stmt *cases, *events, *attrs;
	int ev_more, at_more; /* the cursor holds an unread row */
	int ev_planned;       /* events carry the attribute columns */
	int export;           /* an export cursor: events per case, attributes on request */
	sqlite3_stmt *x_cattr, *x_eattr;
	int64_t last_ev_case;
	int measured;         /* the cases cursor's 5th column is a kept measure (or NULL) */
	struct store_event_row *ev;
	size_t nev, cap;
	struct store_attr_row *at;
	size_t nat, atcap;
	/* string offsets into arena, fixed up once the case is read */
	size_t (*off)[6];
	size_t *at_off;
	struct mutu_buf arena;
	struct store_case_row row;
};

static int step_cursor(struct sqc *c, sqlite3_stmt *st, int *more, struct mutu_err *err)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*more = 1;
		return 0;
	}
	*more = 0;
	if (rc == SQLITE_DONE)
		return 0;
	return diag(c->db, c->path, "reading", err);
}

static size_t arena_add(struct mutu_buf *b, sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	if (!t)
		return SIZE_MAX;
	size_t off = b->len;
	mutu_buf_add(b, (const char *)t, (size_t)sqlite3_column_bytes(st, col));
	mutu_buf_putc(b, '\0');
	return off;
}

static const char *arena_at(const struct mutu_buf *b, size_t off)
{
	return off == SIZE_MAX ? NULL : b->s + off;
}

static void bind_filter(sqlite3_stmt *st, const struct store_case_filter *f)
{
	int i;
	if (f->sop && (i = sqlite3_bind_parameter_index(st, ":sop")))
		sqlite3_bind_text(st, i, f->sop, -1, SQLITE_TRANSIENT);
	if (f->case_key && (i = sqlite3_bind_parameter_index(st, ":key")))
		sqlite3_bind_text(st, i, f->case_key, -1, SQLITE_TRANSIENT);
	if (f->office && (i = sqlite3_bind_parameter_index(st, ":office")))
		sqlite3_bind_text(st, i, f->office, -1, SQLITE_TRANSIENT);
	if (f->has_period && (i = sqlite3_bind_parameter_index(st, ":from")))
		sqlite3_bind_int64(st, i, f->from_ms);
	if (f->has_period && (i = sqlite3_bind_parameter_index(st, ":to")))
		sqlite3_bind_int64(st, i, f->to_ms);
	char p[24];
	for (size_t k = 0; f->has_period && f->open_before && k < f->nopen_sops && k < STORE_MAX_OPEN_SOPS; k++) {
		snprintf(p, sizeof p, ":os%zu", k);
		if (f->open_sops[k] && (i = sqlite3_bind_parameter_index(st, p)))
			sqlite3_bind_text(st, i, f->open_sops[k], -1, SQLITE_TRANSIENT);
		snprintf(p, sizeof p, ":of%zu", k);
		if ((i = sqlite3_bind_parameter_index(st, p)))
			sqlite3_bind_int(st, i, f->open_final[k]);
		snprintf(p, sizeof p, ":ol%zu", k);
		if ((i = sqlite3_bind_parameter_index(st, p)))
			sqlite3_bind_int(st, i, f->open_last ? f->open_last[k] : f->open_final[k]);
	}
	for (size_t k = 0; k < f->ncase_attrs; k++) {
		snprintf(p, sizeof p, ":c%zu", k);
		if ((i = sqlite3_bind_parameter_index(st, p)))
			sqlite3_bind_text(st, i, f->case_attrs[k], -1, SQLITE_TRANSIENT);
	}
	for (size_t k = 0; k < f->nevent_attrs; k++) {
		snprintf(p, sizeof p, ":e%zu", k);
		if ((i = sqlite3_bind_parameter_index(st, p)))
			sqlite3_bind_text(st, i, f->event_attrs[k], -1, SQLITE_TRANSIENT);
	}
	for (size_t k = 0; k < f->nmeasure_fps; k++) {
		snprintf(p, sizeof p, ":m%zu", k);
		if ((i = sqlite3_bind_parameter_index(st, p)))
			sqlite3_bind_text(st, i, f->measure_fps[k], -1, SQLITE_TRANSIENT);
	}
}

/* "(:c0, :c1, ...)" for n names with prefix c. */
static void in_params(char *buf, size_t size, char prefix, size_t n)
{
	size_t k = (size_t)snprintf(buf, size, "(");
	for (size_t i = 0; i < n && k < size; i++)
		k += (size_t)snprintf(buf + k, size - k, "%s:%c%zu", i ? ", " : "", prefix, i);
	if (k < size)
		snprintf(buf + k, size - k, ")");
}

/* The predicate over cases of a filter, "" for none (leading " AND ..."). */
static void case_pred(const struct store_case_filter *f, char *buf, size_t size)
{
	size_t k = 0;
	buf[0] = '\0';
#define ADD(s) k += (size_t)snprintf(buf + k, k < size ? size - k : 0, "%s", s)
	if (f->case_key)
		ADD(" AND case_key = :key");
	if (f->sop)
		ADD(" AND sop = :sop");
	if (f->office)
		ADD(" AND office = :office");
	/* two ranges of cases_span, each an index search: the spans that
	 * overlap the period, and the cases without a span (no events, or
	 * rows written by other tools than the writer) that the reader must
	 * judge itself */
	if (f->has_period) {
		ADD(" AND id IN (SELECT id FROM cases WHERE last_ms >= :from AND first_ms < :to"
		    " UNION ALL SELECT id FROM cases WHERE last_ms IS NULL");
		/* the old cases that may be open: per SOP, index ranges of
		 * cases_open (sop, last_done_step, last_ms) around the final
		 * steps, the office's end step through the SOP's last (a NULL
		 * marker first: never completed, or not kept) */
		if (f->open_before && f->nopen_sops > STORE_MAX_OPEN_SOPS) /* too many to list: all old cases */
			ADD(" UNION ALL SELECT id FROM cases WHERE last_ms < :from");
		for (size_t i = 0; f->open_before && i < f->nopen_sops && f->nopen_sops <= STORE_MAX_OPEN_SOPS; i++) {
			char one[480], sop[40];
			if (f->open_sops[i])
				snprintf(sop, sizeof sop, "sop = :os%zu", i);
			else
				snprintf(sop, sizeof sop, "sop IS NULL");
			if (f->open_final[i] > 0)
				snprintf(one, sizeof one,
					 " UNION ALL SELECT id FROM cases WHERE %s AND last_done_step IS NULL AND last_ms < :from"
					 " UNION ALL SELECT id FROM cases WHERE %s AND last_done_step < :of%zu AND last_ms < :from"
					 " UNION ALL SELECT id FROM cases WHERE %s AND last_done_step > :ol%zu AND last_ms < :from",
					 sop, sop, i, sop, i);
			else
				snprintf(one, sizeof one, " UNION ALL SELECT id FROM cases WHERE %s AND last_ms < :from", sop);
			ADD(one);
		}
		ADD(")");
	}
#undef ADD
}

static void sqc_free(struct store_cursor *base)
{
	struct sqc *c = (struct sqc *)base;
	sqlite3_finalize(c->cases);
	sqlite3_finalize(c->events);
	sqlite3_finalize(c->attrs);
	sqlite3_finalize(c->x_cattr);
	sqlite3_finalize(c->x_eattr);
	free(c->ev);
	free(c->at);
	free(c->off);
	free(c->at_off);
	mutu_buf_release(&c->arena);
	free(c);
}

static int sq_cases_open(struct mutu_store *s, const struct store_case_filter *f,
			 struct store_cursor **out, struct mutu_err *err)
{
	struct sqc *c = mutu_calloc(1, sizeof *c);
	c->base.s = s;
	c->db = DB(s);
	c->path = ((struct sq *)s)->path;
	c->last_ev_case = INT64_MIN;
	mutu_buf_init(&c->arena);
	/* pred: up to STORE_MAX_OPEN_SOPS SOPs of ~330 bytes (open_before) */
	enum { PRED = 17000 };
	char *pred = mutu_malloc(PRED), *q = mutu_malloc(PRED + 4096), *sub = mutu_malloc(PRED + 200);
	char in_c[512], in_e[512], evp[1536] = "", in_m[1024], mcol[1400] = "";
	case_pred(f, pred, PRED);
	in_params(in_c, sizeof in_c, 'c', f->ncase_attrs);
	in_params(in_e, sizeof in_e, 'e', f->nevent_attrs);
	in_params(in_m, sizeof in_m, 'm', f->nmeasure_fps);
	sub[0] = '\0';
	c->measured = f->nmeasure_fps > 0;
	if (c->measured) {
		/* kept measures (schema 9): the case's row carries its measure of
		 * a fingerprint asked (a search of case_measure's rowid), and the
		 * events cursor leaves such cases out, so their events are never
		 * read; their attributes still come (few, and the reader ignores
		 * them) */
		snprintf(mcol, sizeof mcol,
			 ", CASE WHEN EXISTS (SELECT 1 FROM case_measure INDEXED BY case_measure_fp WHERE case_id = cases.id"
			 " AND fp IN %s) THEN (SELECT blob FROM case_measure m WHERE m.case_id = cases.id) END",
			 in_m);
		if (pred[0] && f->has_period && !f->case_key && !f->sop && !f->office)
			/* the period alone (as below): its id list, less the
			 * measured, without one more SELECT over cases */
			snprintf(sub, PRED + 200,
				 " WHERE case_id IN (SELECT u.id FROM %s u WHERE NOT EXISTS (SELECT 1 FROM case_measure"
				 " INDEXED BY case_measure_fp WHERE case_id = u.id AND fp IN %s))",
				 pred + 11, in_m);
		else
			snprintf(sub, PRED + 200,
				 " WHERE case_id IN (SELECT id FROM cases WHERE 1%s AND NOT EXISTS (SELECT 1 FROM case_measure"
				 " INDEXED BY case_measure_fp WHERE case_id = cases.id AND fp IN %s))",
				 pred, in_m);
	} else if (pred[0] && f->has_period && !f->case_key && !f->sop && !f->office)
		/* the period alone: the events' case ids are its id list as it
		 * is, not that list wrapped in one more SELECT over cases, for
		 * which SQLite builds a second temporary B-tree of the same ids */
		snprintf(sub, PRED + 200, " WHERE case_%s", pred + 5);
	else if (pred[0])
		snprintf(sub, PRED + 200, " WHERE case_id IN (SELECT id FROM cases WHERE 1%s)", pred);
	snprintf(q, PRED + 4096, "SELECT id, case_key, sop, office%s FROM cases WHERE 1%s ORDER BY id", mcol, pred);
	if (sqlite3_prepare_v2(c->db, q, -1, &c->cases, NULL) != SQLITE_OK)
		goto fail;
	/* event attributes are looked up per event only when some were asked
	 * for (most stores have none, and the lookup costs an index search per
	 * event) */
	c->ev_planned = f->nevent_attrs > 0;
	if (c->ev_planned)
		snprintf(evp, sizeof evp,
			 ", (SELECT name FROM event_attrs a WHERE a.event_id = events.id AND value <> '' AND "
			 "name IN %s ORDER BY name LIMIT 1), "
			 "(SELECT value FROM event_attrs a WHERE a.event_id = events.id AND value <> '' AND "
			 "name IN %s ORDER BY name LIMIT 1)", in_e, in_e);
	/* last column: the execution's instance id (bupaR activity_instance_id,
	 * XES concept:instance) that pairs a start row with its complete row
	 * (store.h); looked up only for a row with a lifecycle, the only rows
	 * paired */
	snprintf(q, PRED + 4096,
		 "SELECT case_id, id, step, activity, actor, start_ms, end_ms, unknown, lifecycle, start_off, "
		 "end_off, sorting%s, CASE WHEN lifecycle IS NULL THEN NULL ELSE (SELECT value FROM event_attrs a "
		 "WHERE a.event_id = events.id AND value <> '' AND name IN ('" STORE_INSTANCE_ATTRS "') "
		 "ORDER BY name LIMIT 1) END FROM events%s ORDER BY case_id", evp, sub);
	if (sqlite3_prepare_v2(c->db, q, -1, &c->events, NULL) != SQLITE_OK)
		goto fail;
	if (f->ncase_attrs) {
		snprintf(q, PRED + 4096, "SELECT case_id, name, value FROM case_attrs WHERE name IN %s%s%s%s ORDER BY case_id",
			 in_c, pred[0] ? " AND case_id IN (SELECT id FROM cases WHERE 1" : "", pred,
			 pred[0] ? ")" : "");
		if (sqlite3_prepare_v2(c->db, q, -1, &c->attrs, NULL) != SQLITE_OK)
			goto fail;
	}
	bind_filter(c->cases, f);
	bind_filter(c->events, f);
	if (c->attrs)
		bind_filter(c->attrs, f);
	if (step_cursor(c, c->events, &c->ev_more, err) ||
	    (c->attrs && step_cursor(c, c->attrs, &c->at_more, err))) {
		sqc_free(&c->base);
		free(pred);
		free(q);
		free(sub);
		return MUTU_EFAIL;
	}
	free(pred);
	free(q);
	free(sub);
	*out = &c->base;
	return 0;
fail:
	mutu_errf(err, MUTU_EINPUT,
		  "store: %s (is this a mutu store? create one with 'mutu ingest')", sqlite3_errmsg(c->db));
	sqc_free(&c->base);
	free(pred);
	free(q);
	free(sub);
	return MUTU_EINPUT;
}

/* An offset column: minutes east of UTC, or STORE_OFF_NONE.  One beyond
 * a day (no ingest writes it: a store edited by another tool) reads as
 * not recorded: the readers multiply it into seconds, and 99999 or
 * -2147483647 overflowed there (fuzz_store, hardening round 4). */
static int off_col(sqlite3_stmt *st, int col)
{
	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		return STORE_OFF_NONE;
	sqlite3_int64 v = sqlite3_column_int64(st, col);
	return v < -ELOG_OFF_MAX || v > ELOG_OFF_MAX ? STORE_OFF_NONE : (int)v;
}

/* One event row of the events cursor (columns as in sq_cases_open, or the
 * export's: id first) into c->ev[c->nev]. */
static void take_event(struct sqc *c, sqlite3_stmt *st, int base_col, int planned, int inst)
{
	if (c->nev == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 64;
		c->ev = mutu_realloc(c->ev, c->cap * sizeof *c->ev);
		c->off = mutu_realloc(c->off, c->cap * sizeof *c->off);
	}
	struct store_event_row *e = &c->ev[c->nev];
	memset(e, 0, sizeof *e);
	int k = base_col;
	e->id = sqlite3_column_int64(st, k);
	e->step = sqlite3_column_type(st, k + 1) == SQLITE_NULL ? 0 : sqlite3_column_int(st, k + 1);
	c->off[c->nev][0] = arena_add(&c->arena, st, k + 2);
	c->off[c->nev][1] = arena_add(&c->arena, st, k + 3);
	e->has_start = sqlite3_column_type(st, k + 4) != SQLITE_NULL;
	e->start_ms = sqlite3_column_int64(st, k + 4);
	e->has_end = sqlite3_column_type(st, k + 5) != SQLITE_NULL;
	e->end_ms = sqlite3_column_int64(st, k + 5);
	e->unknown = sqlite3_column_int(st, k + 6);
	c->off[c->nev][2] = arena_add(&c->arena, st, k + 7);
	e->start_off = off_col(st, k + 8);
	e->end_off = off_col(st, k + 9);
	e->sorting = sqlite3_column_int64(st, k + 10); /* NULL reads 0 */
	c->off[c->nev][3] = planned ? arena_add(&c->arena, st, k + 11) : SIZE_MAX;
	c->off[c->nev][4] = planned ? arena_add(&c->arena, st, k + 12) : SIZE_MAX;
	c->off[c->nev][5] = inst ? arena_add(&c->arena, st, k + (planned ? 13 : 11)) : SIZE_MAX;
	c->nev++;
}

static void fix_strings(struct sqc *c)
{
	for (size_t i = 0; i < c->nev; i++) {
		struct store_event_row *e = &c->ev[i];
		e->activity = arena_at(&c->arena, c->off[i][0]);
		if (!e->activity)
			e->activity = "";
		e->actor = arena_at(&c->arena, c->off[i][1]);
		e->lifecycle = arena_at(&c->arena, c->off[i][2]);
		e->attr_name = arena_at(&c->arena, c->off[i][3]);
		e->attr_value = arena_at(&c->arena, c->off[i][4]);
		e->instance = arena_at(&c->arena, c->off[i][5]);
	}
	for (size_t i = 0; i < c->nat; i++) {
		c->at[i].name = arena_at(&c->arena, c->at_off[2 * i]);
		c->at[i].value = arena_at(&c->arena, c->at_off[2 * i + 1]);
	}
	c->row.ev = c->ev;
	c->row.nev = c->nev;
	c->row.attrs = c->at;
	c->row.nattrs = c->nat;
}

/* The case row's own columns (id, key, sop, office) from the cases cursor. */
static size_t case_head(struct sqc *c, size_t *koff, size_t *soff)
{
	c->row.id = sqlite3_column_int64(c->cases, 0);
	*koff = arena_add(&c->arena, c->cases, 1);
	*soff = arena_add(&c->arena, c->cases, 2);
	return arena_add(&c->arena, c->cases, 3);
}

static int sq_cases_next(struct store_cursor *base, const struct store_case_row **row,
			 struct mutu_err *err)
{
	struct sqc *c = (struct sqc *)base;
	int rc = sqlite3_step(c->cases);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return diag(c->db, c->path, "reading cases", err);
	c->nev = c->nat = 0;
	mutu_buf_reset(&c->arena);
	size_t koff, soff, ooff = case_head(c, &koff, &soff);
	int64_t id = c->row.id;
	size_t moff = SIZE_MAX, mlen = 0;
	if (c->measured && sqlite3_column_type(c->cases, 4) != SQLITE_NULL) {
		/* the events cursor has none of this case's rows.  Any value,
		 * not only a BLOB: a value of another type (a row some other
		 * tool wrote) was read as no measure, and the case then as one
		 * without events; its bytes go to the decoder, which rejects
		 * what it did not write (the report then reads events) */
		mlen = (size_t)sqlite3_column_bytes(c->cases, 4);
		moff = c->arena.len;
		mutu_buf_add(&c->arena, (const char *)sqlite3_column_blob(c->cases, 4), mlen);
	}
	while (c->ev_more) {
		int64_t cid = sqlite3_column_int64(c->events, 0);
		if (cid < c->last_ev_case)
			return mutu_errf(err, MUTU_EFAIL, "store: events not in case order (case %lld after %lld)",
					 (long long)cid, (long long)c->last_ev_case);
		c->last_ev_case = cid;
		if (cid > id)
			break;
		if (cid == id)
			take_event(c, c->events, 1, c->ev_planned, 1);
		/* cid < id: events of a case the cases cursor skipped (filtered) */
		if (step_cursor(c, c->events, &c->ev_more, err))
			return MUTU_EFAIL;
	}
	while (c->at_more) {
		int64_t cid = sqlite3_column_int64(c->attrs, 0);
		if (cid > id)
			break;
		if (cid == id) {
			if (c->nat == c->atcap) {
				c->atcap = c->atcap ? 2 * c->atcap : 8;
				c->at = mutu_realloc(c->at, c->atcap * sizeof *c->at);
				c->at_off = mutu_realloc(c->at_off, 2 * c->atcap * sizeof *c->at_off);
			}
			c->at_off[2 * c->nat] = arena_add(&c->arena, c->attrs, 1);
			c->at_off[2 * c->nat + 1] = arena_add(&c->arena, c->attrs, 2);
			c->nat++;
		}
		if (step_cursor(c, c->attrs, &c->at_more, err))
			return MUTU_EFAIL;
	}
	fix_strings(c);
	c->row.measure = moff == SIZE_MAX ? NULL : (const unsigned char *)c->arena.s + moff;
	c->row.measure_len = mlen;
	if (c->row.measure) {
		c->row.nev = 0;
		c->row.nattrs = 0;
	}
	c->row.key = arena_at(&c->arena, koff);
	if (!c->row.key)
		c->row.key = "";
	c->row.sop = arena_at(&c->arena, soff);
	c->row.office = arena_at(&c->arena, ooff);
	if (!c->row.office)
		c->row.office = "";
	*row = &c->row;
	return 1;
}

static int names_walk(struct mutu_store *s, sqlite3_stmt *st, store_name_fn fn, void *ctx,
		      struct mutu_err *err)
{
	int rc, stop = 0;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
		stop = fn(ctx, coltext(st, 0));
	sqlite3_finalize(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? 0 : sdiag(s, "reading", err);
}

static int sq_attr_names(struct mutu_store *s, const char *scope, store_name_fn fn, void *ctx,
			 struct mutu_err *err)
{
	sqlite3_stmt *st;
	int ev = strcmp(scope, "event") == 0;
	if (sqlite3_prepare_v2(DB(s), ev ? "SELECT DISTINCT name FROM event_attrs" : "SELECT DISTINCT name FROM case_attrs",
			       -1, &st, NULL) != SQLITE_OK)
		return mutu_errf(err, MUTU_EINPUT,
				 "store: %s (is this a mutu store? create one with 'mutu ingest')", sqlite3_errmsg(DB(s)));
	return names_walk(s, st, fn, ctx, err);
}

static int sq_sops(struct mutu_store *s, const char *sop, store_name_fn fn, void *ctx,
		   struct mutu_err *err)
{
	sqlite3_stmt *st;
	const char *q = sop ? "SELECT DISTINCT sop FROM cases WHERE sop = ?1"
			    : "SELECT DISTINCT sop FROM cases ORDER BY sop";
	if (sqlite3_prepare_v2(DB(s), q, -1, &st, NULL) != SQLITE_OK)
		return not_ours(s, err);
	if (sop)
		sqlite3_bind_text(st, 1, sop, -1, SQLITE_TRANSIENT);
	return names_walk(s, st, fn, ctx, err);
}

static int sq_offices(struct mutu_store *s, store_name_fn fn, void *ctx, struct mutu_err *err)
{
	sqlite3_stmt *st;
	const char *q = s->office ? "SELECT DISTINCT office FROM cases WHERE office = ?1"
				  : "SELECT DISTINCT office FROM cases ORDER BY office";
	if (sqlite3_prepare_v2(DB(s), q, -1, &st, NULL) != SQLITE_OK)
		return not_ours(s, err);
	if (s->office)
		sqlite3_bind_text(st, 1, s->office, -1, SQLITE_TRANSIENT);
	return names_walk(s, st, fn, ctx, err);
}

/* ---------------------------------------------------------------- instants */

/*
 * The latest instants without an index on events (end_ms) (schema 10, as
 * PostgreSQL's schema 5): through the cases' spans.  cases.last_ms is the
 * greatest coalesce(end_ms, start_ms) of the case's events when the
 * writer set it, and never less: spans only widen, so a batch that
 * superseded an earlier one (--force) can leave a span wider than its
 * events.  So last_ms bounds anything a case can give, and the answer is
 * among the cases of greatest last_ms: read the K cases of greatest
 * last_ms of the scope (cases_span backwards), take the best value their
 * events give (events_dedup's case_id prefix); it is the answer when it
 * is at least the least last_ms among the K (no other case can give more)
 * or when fewer than K cases have a span; else again with 16 K.  Cases
 * without a span (no events, or rows other tools than the writer wrote)
 * are read every time: an index range of cases_span, empty in a store
 * only the writer filled.
 */
#define LATEST_TOP 4

/* what: 0 latest (the end, or the start of a row without end), 1 latest
 * end.  scope: conditions on cases (" AND ...", parameters ?1 and ?2, which
 * bind sets).  1 and *ms (*off when off), 0 none, <0 error. */
static int latest_by_cases(struct mutu_store *s, int what, const char *scope,
			   void (*bind)(sqlite3_stmt *, const void *), const void *ctx, int64_t *ms, int *off,
			   struct mutu_err *err)
{
	const char *val = what ? "end_ms AS ms, end_off AS off FROM events WHERE end_ms IS NOT NULL"
			       : "coalesce(end_ms, start_ms) AS ms, CASE WHEN end_ms IS NULL THEN start_off ELSE"
				 " end_off END AS off FROM events WHERE (end_ms IS NOT NULL OR start_ms IS NOT NULL)";
	struct mutu_buf q;
	mutu_buf_init(&q);
	/* max() with a bare column: SQLite takes off from the row of the max */
	mutu_buf_printf(&q,
			"WITH k AS (SELECT id, last_ms FROM cases WHERE last_ms IS NOT NULL%s ORDER BY last_ms DESC"
			" LIMIT ?3) SELECT (SELECT count(*) FROM k), (SELECT min(last_ms) FROM k), max(ms), off FROM"
			" (SELECT %s AND case_id IN (SELECT id FROM k UNION ALL SELECT id FROM cases WHERE last_ms IS"
			" NULL%s))",
			scope, val, scope);
	sqlite3_stmt *st = NULL;
	int prc = sqlite3_prepare_v2(DB(s), q.s, -1, &st, NULL);
	mutu_buf_release(&q);
	if (prc != SQLITE_OK)
		return not_ours(s, err);
	if (bind)
		bind(st, ctx);
	for (int64_t k = LATEST_TOP;; k *= 16) {
		sqlite3_bind_int64(st, 3, k);
		if (sqlite3_step(st) != SQLITE_ROW) {
			int rc = sdiag(s, "reading the latest stamp", err);
			sqlite3_finalize(st);
			return rc;
		}
		int64_t n = sqlite3_column_int64(st, 0);
		int found = sqlite3_column_type(st, 2) != SQLITE_NULL;
		int64_t best = sqlite3_column_int64(st, 2);
		int done = n < k || (found && best >= sqlite3_column_int64(st, 1));
		if (done && found) {
			*ms = best;
			if (off)
				*off = off_col(st, 3);
		}
		sqlite3_reset(st);
		if (done) {
			sqlite3_finalize(st);
			return found;
		}
	}
}

struct latest_scope {
	const char *key_or_sop; /* ?1, or NULL */
	const char *office;     /* ?2, or NULL */
};

static void bind_latest_scope(sqlite3_stmt *st, const void *ctx)
{
	const struct latest_scope *l = ctx;
	if (l->key_or_sop)
		sqlite3_bind_text(st, 1, l->key_or_sop, -1, SQLITE_TRANSIENT);
	if (l->office)
		sqlite3_bind_text(st, 2, l->office, -1, SQLITE_TRANSIENT);
}

static int sq_latest(struct mutu_store *s, int sop_set, const char *sop, const char *case_key,
		     int64_t *ms, int *off, struct mutu_err *err)
{
	/* The scope is the cases of one SOP (cases.sop IS ?, so the cases
	 * ingested without an SOP are one scope too); a case key stands for
	 * its SOP within its office (schema 7: the same key may be a case of
	 * several offices; with no office set, each of them). */
	const char *scope = case_key ? " AND id IN (SELECT c2.id FROM cases c1 JOIN cases c2 "
				       "ON c2.sop IS c1.sop AND c2.office = c1.office WHERE c1.case_key = ?1)"
			    : sop_set ? " AND sop IS ?1" : "";
	/* the connection's office (store_set_office), as on PostgreSQL: an
	 * office's --month latest is not moved by another office's data */
	char cond[300];
	snprintf(cond, sizeof cond, "%s%s", scope, s->office ? " AND office = ?2" : "");
	struct latest_scope l = {case_key ? case_key : sop_set ? sop : NULL, s->office};
	return latest_by_cases(s, 0, cond, bind_latest_scope, &l, ms, off, err);
}

static int sq_latest_end(struct mutu_store *s, int64_t *ms, struct mutu_err *err)
{
	return latest_by_cases(s, 1, "", NULL, NULL, ms, NULL, err);
}

/* An event ends in [from, to) only in a case whose span reaches the
 * period (first_ms <= its end < to, last_ms >= its end >= from: spans
 * hold their events, ingest refuses an end before its start): the
 * period's range of cases_span, each case's events looked up until one is
 * found; and the cases without a span. */
static int sq_any_end_in(struct mutu_store *s, int64_t from_ms, int64_t to_ms, struct mutu_err *err)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(DB(s),
			       "SELECT 1 FROM events WHERE end_ms >= ?1 AND end_ms < ?2 AND case_id IN (SELECT id FROM"
			       " cases WHERE last_ms >= ?1 AND first_ms < ?2 UNION ALL SELECT id FROM cases WHERE"
			       " last_ms IS NULL) LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK)
		return not_ours(s, err);
	sqlite3_bind_int64(st, 1, from_ms);
	sqlite3_bind_int64(st, 2, to_ms);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : sdiag(s, "reading", err);
}

/* ---------------------------------------------------------------- audit flags */

static int sq_flags_schema(struct mutu_store *s, struct mutu_err *err)
{
	/* no schema bump: stores without the table read as before */
	const char *sql =
		"CREATE TABLE IF NOT EXISTS audit_flags ("
		" id INTEGER PRIMARY KEY,"
		" case_id INTEGER NOT NULL REFERENCES cases(id),"
		" event_id INTEGER REFERENCES events(id),"
		" step INTEGER,"
		" flag TEXT NOT NULL,"
		" actual_s REAL, std_s REAL,"
		" detail TEXT,"
		" audited_at TEXT NOT NULL);"
		"CREATE INDEX IF NOT EXISTS audit_flags_case ON audit_flags(case_id);"
		"CREATE INDEX IF NOT EXISTS audit_flags_flag ON audit_flags(flag);";
	char *msg = NULL;
	if (sqlite3_exec(DB(s), sql, NULL, NULL, &msg) != SQLITE_OK) {
		sqlite3_free(msg);
		return sdiag(s, "creating audit_flags", err);
	}
	return 0;
}

static int sq_flags_replace(struct mutu_store *s, int64_t case_id, const struct store_flag *f,
			    size_t n, const char *audited_at, struct mutu_err *err)
{
	sqlite3_stmt *del = NULL, *ins = NULL;
	int rc = MUTU_EFAIL;
	sqlite3 *db = DB(s);
	if (sqlite3_prepare_v2(db, "DELETE FROM audit_flags WHERE case_id = ?1", -1, &del, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db,
			       "INSERT INTO audit_flags (case_id, event_id, step, flag, actual_s, std_s, detail, audited_at) "
			       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", -1, &ins, NULL) != SQLITE_OK) {
		sdiag(s, "audit_flags", err);
		goto out;
	}
	sqlite3_bind_int64(del, 1, case_id);
	if (sqlite3_step(del) != SQLITE_DONE) {
		sdiag(s, "audit_flags", err);
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		sqlite3_reset(ins);
		sqlite3_clear_bindings(ins);
		sqlite3_bind_int64(ins, 1, case_id);
		if (f[i].event_id)
			sqlite3_bind_int64(ins, 2, f[i].event_id);
		if (f[i].step > 0)
			sqlite3_bind_int(ins, 3, f[i].step);
		sqlite3_bind_text(ins, 4, f[i].flag, -1, SQLITE_STATIC);
		if (!isnan(f[i].actual_s))
			sqlite3_bind_double(ins, 5, f[i].actual_s);
		if (!isnan(f[i].std_s))
			sqlite3_bind_double(ins, 6, f[i].std_s);
		if (f[i].detail && f[i].detail[0])
			sqlite3_bind_text(ins, 7, f[i].detail, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins, 8, audited_at, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(ins) != SQLITE_DONE) {
			sdiag(s, "audit_flags", err);
			goto out;
		}
	}
	rc = 0;
out:
	sqlite3_finalize(del);
	sqlite3_finalize(ins);
	return rc;
}

/* ---------------------------------------------------------------- mutu db */

/*
 * mutu db info's counts, of the office set with store_set_office when there
 * is one (as PostgreSQL; until the field-store round SQLite counted every
 * office whatever --office said).  Without one the plain counts, which
 * SQLite answers from the tables' b-trees without reading rows.
 */
static int sq_count(struct mutu_store *s, struct store_counts *c, struct mutu_err *err)
{
	sqlite3_stmt *st;
	const char *all = "SELECT (SELECT count(*) FROM cases), (SELECT count(*) FROM events), "
			  "(SELECT count(*) FROM rejected), (SELECT count(*) FROM events WHERE unknown), "
			  "(SELECT count(DISTINCT activity) FROM events), "
			  "(SELECT count(DISTINCT actor) FROM events)";
	const char *one = "WITH c AS (SELECT id FROM cases WHERE office = ?1),"
			  " e AS (SELECT activity, actor, unknown FROM events WHERE case_id IN (SELECT id FROM c))"
			  " SELECT (SELECT count(*) FROM c), (SELECT count(*) FROM e),"
			  " (SELECT count(*) FROM rejected WHERE batch_id IN (SELECT id FROM batches WHERE office = ?1)),"
			  " (SELECT count(*) FROM e WHERE unknown), (SELECT count(DISTINCT activity) FROM e),"
			  " (SELECT count(DISTINCT actor) FROM e)";
	if (sqlite3_prepare_v2(DB(s), s->office ? one : all, -1, &st, NULL) != SQLITE_OK)
		return sq_fail(DB(s), s->where, NULL, err);
	if (s->office)
		bind_office(s, st, 1);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		c->cases = (uint64_t)sqlite3_column_int64(st, 0);
		c->events = (uint64_t)sqlite3_column_int64(st, 1);
		c->rejected = (uint64_t)sqlite3_column_int64(st, 2);
		c->unknown = (uint64_t)sqlite3_column_int64(st, 3);
		c->activities = (uint64_t)sqlite3_column_int64(st, 4);
		c->actors = (uint64_t)sqlite3_column_int64(st, 5);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : sq_fail(DB(s), s->where, NULL, err);
}

static int sq_sop_spans(struct mutu_store *s, store_span_fn fn, void *ctx, struct mutu_err *err)
{
	sqlite3_stmt *st;
	/* min()/max() with bare columns: SQLite takes the offset from the same row. */
	if (sqlite3_prepare_v2(DB(s),
			       "WITH e AS (SELECT c.sop AS sop, c.id AS cid,"
			       " coalesce(e.start_ms, e.end_ms) AS t0, coalesce(e.start_off, e.end_off) AS o0,"
			       " coalesce(e.end_ms, e.start_ms) AS t1, coalesce(e.end_off, e.start_off) AS o1"
			       " FROM events e JOIN cases c ON c.id = e.case_id WHERE ?1 IS NULL OR c.office = ?1),"
			       " lo AS (SELECT sop, count(DISTINCT cid) AS nc, count(*) AS ne, min(t0) AS t, o0 AS o"
			       " FROM e GROUP BY sop),"
			       " hi AS (SELECT sop, max(t1) AS t, o1 AS o FROM e GROUP BY sop)"
			       " SELECT lo.sop, lo.nc, lo.ne, lo.t, lo.o, hi.t, hi.o FROM lo JOIN hi"
			       " ON lo.sop IS hi.sop ORDER BY lo.sop",
			       -1, &st, NULL) != SQLITE_OK)
		return sq_fail(DB(s), s->where, NULL, err);
	bind_office(s, st, 1); /* the office's cases only (--office, as PostgreSQL) */
	int rc, stop = 0;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_sop_span sp;
		memset(&sp, 0, sizeof sp);
		sp.sop = coltext(st, 0);
		sp.cases = (uint64_t)sqlite3_column_int64(st, 1);
		sp.events = (uint64_t)sqlite3_column_int64(st, 2);
		sp.has_first = sqlite3_column_type(st, 3) != SQLITE_NULL;
		sp.first_ms = sqlite3_column_int64(st, 3);
		sp.first_off = off_col(st, 4);
		sp.has_last = sqlite3_column_type(st, 5) != SQLITE_NULL;
		sp.last_ms = sqlite3_column_int64(st, 5);
		sp.last_off = off_col(st, 6);
		stop = fn(ctx, &sp);
	}
	sqlite3_finalize(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? 0 : sq_fail(DB(s), s->where, NULL, err);
}

static int sq_rejected_list(struct mutu_store *s, int64_t batch, store_rejected_fn fn, void *ctx,
			    struct mutu_err *err)
{
	sqlite3_stmt *st;
	/* the office's batches only when --office names one (as PostgreSQL;
	 * before the field-store round SQLite listed every office's).  "?1 IS
	 * NULL" (unbound: NULL) keeps ?2 the office's number either way; the
	 * conditions are spelled out, not "?1 = 0 OR ...", so a batch's rows
	 * stay an index search of rejected_batch */
	char sql[300];
	snprintf(sql, sizeof sql, "SELECT batch_id, line, reason, raw FROM rejected WHERE %s%s ORDER BY batch_id, line",
		 batch ? "batch_id = ?1" : "?1 IS NULL",
		 s->office ? " AND batch_id IN (SELECT id FROM batches WHERE office = ?2)" : "");
	if (sqlite3_prepare_v2(DB(s), sql, -1, &st, NULL) != SQLITE_OK)
		return sq_fail(DB(s), s->where, NULL, err);
	if (batch)
		sqlite3_bind_int64(st, 1, batch);
	if (s->office)
		bind_office(s, st, 2);
	int rc, stop = 0;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_rejected_row r;
		r.batch_id = sqlite3_column_int64(st, 0);
		r.line = sqlite3_column_int64(st, 1);
		r.reason = coltext(st, 2);
		r.raw = coltext(st, 3);
		if (!r.reason)
			r.reason = "";
		if (!r.raw)
			r.raw = "";
		stop = fn(ctx, &r);
	}
	sqlite3_finalize(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? 0 : sq_fail(DB(s), s->where, NULL, err);
}

/* ---------------------------------------------------------------- export */

/*
 * The cases to export.  A case belongs to the period when its first stamp
 * (the earliest start or end of its events) falls on a local day between
 * from and to, inclusive, read at the offset written on that stamp: so
 * consecutive periods split a store without overlap and a case is never
 * cut in two.  Cases whose events were all superseded have nothing to
 * export and are left out.
 * ?1 sop (or NULL), ?2 first day, ?3 last day (days since 1970), ?4 the office (or NULL).
 */
static const char export_case_from[] =
	" FROM cases c"
	" WHERE (?1 IS NULL OR c.sop = ?1)"
	" AND (?4 IS NULL OR c.office = ?4)"
	" AND EXISTS (SELECT 1 FROM events e WHERE e.case_id = c.id)"
	" AND (?2 IS NULL OR (SELECT (coalesce(e.start_ms, e.end_ms)"
	"      + 60000 * coalesce(CASE WHEN e.start_ms IS NULL THEN e.end_off ELSE e.start_off END, 0)"
	"      - 86400000 * ?2) FROM events e WHERE e.case_id = c.id"
	"      ORDER BY coalesce(e.start_ms, e.end_ms), e.id LIMIT 1) >= 0)"
	" AND (?3 IS NULL OR (SELECT (coalesce(e.start_ms, e.end_ms)"
	"      + 60000 * coalesce(CASE WHEN e.start_ms IS NULL THEN e.end_off ELSE e.start_off END, 0)"
	"      - 86400000 * (?3 + 1)) FROM events e WHERE e.case_id = c.id"
	"      ORDER BY coalesce(e.start_ms, e.end_ms), e.id LIMIT 1) < 0)";

static void bind_export(sqlite3_stmt *st, const char *office, const struct store_export_filter *f)
{
	/* the connection's office (store_set_office), as on PostgreSQL */
	if (office)
		sqlite3_bind_text(st, 4, office, -1, SQLITE_TRANSIENT);
	if (f->sop)
		sqlite3_bind_text(st, 1, f->sop, -1, SQLITE_TRANSIENT);
	if (f->has_from)
		sqlite3_bind_int64(st, 2, f->from_day);
	if (f->has_to)
		sqlite3_bind_int64(st, 3, f->to_day);
}

static int sq_export_open(struct mutu_store *s, const struct store_export_filter *f,
			  struct store_cursor **out, struct mutu_err *err)
{
	struct sqc *c = mutu_calloc(1, sizeof *c);
	c->base.s = s;
	c->db = DB(s);
	c->path = ((struct sq *)s)->path;
	c->export = 1;
	mutu_buf_init(&c->arena);
	char q[2048];
	snprintf(q, sizeof q, "SELECT c.id, c.case_key, c.sop, c.office%s ORDER BY c.id", export_case_from);
	if (sqlite3_prepare_v2(c->db, q, -1, &c->cases, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(c->db,
			       "SELECT id, step, activity, actor, start_ms, end_ms, unknown, lifecycle, start_off,"
			       " end_off, sorting FROM events WHERE case_id = ?1"
			       " ORDER BY coalesce(start_ms, end_ms), coalesce(sorting, 0), id",
			       -1, &c->events, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(c->db, "SELECT name, value FROM case_attrs WHERE case_id = ?1 ORDER BY name",
			       -1, &c->x_cattr, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(c->db,
			       "SELECT a.event_id, a.name, a.value FROM event_attrs a"
			       " JOIN events e ON e.id = a.event_id WHERE e.case_id = ?1"
			       " ORDER BY a.event_id, a.name",
			       -1, &c->x_eattr, NULL) != SQLITE_OK) {
		mutu_errf(err, MUTU_EFAIL, "store: prepare: %s", sqlite3_errmsg(c->db));
		sqc_free(&c->base);
		return MUTU_EFAIL;
	}
	bind_export(c->cases, s->office, f);
	*out = &c->base;
	return 0;
}

static int sq_export_next(struct sqc *c, const struct store_case_row **row, struct mutu_err *err)
{
	int rc = sqlite3_step(c->cases);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return mutu_errf(err, MUTU_EFAIL, "store: cases: %s", sqlite3_errmsg(c->db));
	c->nev = c->nat = 0;
	mutu_buf_reset(&c->arena);
	size_t koff, soff, ooff = case_head(c, &koff, &soff);
	sqlite3_reset(c->events);
	sqlite3_bind_int64(c->events, 1, c->row.id);
	while ((rc = sqlite3_step(c->events)) == SQLITE_ROW)
		take_event(c, c->events, 0, 0, 0);
	if (rc != SQLITE_DONE)
		return mutu_errf(err, MUTU_EFAIL, "store: events: %s", sqlite3_errmsg(c->db));
	fix_strings(c);
	c->row.key = arena_at(&c->arena, koff);
	if (!c->row.key)
		c->row.key = "";
	c->row.sop = arena_at(&c->arena, soff);
	c->row.office = arena_at(&c->arena, ooff);
	if (!c->row.office)
		c->row.office = "";
	*row = &c->row;
	return 1;
}

static int sq_cursor_next(struct store_cursor *base, const struct store_case_row **row,
			  struct mutu_err *err)
{
	struct sqc *c = (struct sqc *)base;
	return c->export ? sq_export_next(c, row, err) : sq_cases_next(base, row, err);
}

static int sq_export_attrs(struct store_cursor *base, store_attr_fn fn, void *ctx,
			   struct mutu_err *err)
{
	struct sqc *c = (struct sqc *)base;
	int rc, stop = 0;
	sqlite3_stmt *st = c->x_cattr;
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, c->row.id);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
		stop = fn(ctx, 0, coltext(st, 0), coltext(st, 1));
	if (stop)
		return stop;
	if (rc != SQLITE_DONE)
		return mutu_errf(err, MUTU_EFAIL, "store: case attributes: %s", sqlite3_errmsg(c->db));
	st = c->x_eattr;
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, c->row.id);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
		stop = fn(ctx, sqlite3_column_int64(st, 0), coltext(st, 1), coltext(st, 2));
	if (stop)
		return stop;
	if (rc != SQLITE_DONE)
		return mutu_errf(err, MUTU_EFAIL, "store: event attributes: %s", sqlite3_errmsg(c->db));
	return 0;
}

static int sq_export_attr_names(struct mutu_store *s, const struct store_export_filter *f,
				const char *scope, store_name_fn fn, void *ctx, struct mutu_err *err)
{
	char q[2400];
	if (strcmp(scope, "event") == 0)
		snprintf(q, sizeof q,
			 "SELECT DISTINCT a.name FROM event_attrs a JOIN events e ON e.id = a.event_id"
			 " WHERE e.case_id IN (SELECT c.id%s) ORDER BY a.name", export_case_from);
	else
		snprintf(q, sizeof q,
			 "SELECT DISTINCT a.name FROM case_attrs a WHERE a.case_id IN (SELECT c.id%s)"
			 " ORDER BY a.name", export_case_from);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(DB(s), q, -1, &st, NULL) != SQLITE_OK)
		return mutu_errf(err, MUTU_EFAIL, "store: attribute names: %s", sqlite3_errmsg(DB(s)));
	bind_export(st, s->office, f);
	int rc, stop = 0;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
		stop = fn(ctx, coltext(st, 0));
	sqlite3_finalize(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? 0 : mutu_errf(err, MUTU_EFAIL, "store: attribute names: %s",
						 sqlite3_errmsg(DB(s)));
}

static int sq_attr_types(struct mutu_store *s, store_type_fn fn, void *ctx, struct mutu_err *err)
{
	(void)err;
	sqlite3_stmt *q = NULL;
	/* a store without the table has no declared types: not an error */
	if (sqlite3_prepare_v2(DB(s),
			       "SELECT scope, name, CASE WHEN count(DISTINCT type) = 1 THEN max(type)"
			       " ELSE 'string' END FROM attr_types GROUP BY scope, name",
			       -1, &q, NULL) != SQLITE_OK) {
		sqlite3_finalize(q);
		return 0;
	}
	int stop = 0;
	while (!stop && sqlite3_step(q) == SQLITE_ROW) {
		const char *scope = coltext(q, 0), *name = coltext(q, 1), *type = coltext(q, 2);
		if (scope && name && type)
			stop = fn(ctx, scope, name, type);
	}
	sqlite3_finalize(q);
	return stop;
}

/* ---------------------------------------------------------------- month summaries */

/* the office key of the connection's reads (store.h, STORE_SUM_ALL_OFFICES) */
static const char *sum_office(const char *office)
{
	return office ? office : STORE_SUM_ALL_OFFICES;
}

static int sq_sum_mark(struct mutu_store *s, int64_t *mark, struct mutu_err *err)
{
	if (query_int(DB(s), "SELECT coalesce(max(id), 0) FROM batches", mark))
		return sdiag(s, "reading the newest batch", err);
	return 0;
}

static int sq_sum_get(struct mutu_store *s, struct store_month_sum *q, struct mutu_err *err)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(DB(s),
			       "SELECT finished, with_ceiling, within, with_target, within_target, median_s"
			       " FROM month_summary m WHERE office = ?1 AND sop = ?2 AND month = ?3 AND fingerprint = ?4"
			       " AND NOT EXISTS (SELECT 1 FROM batch_touch t WHERE t.batch_id > m.batch_id"
			       " AND (?5 IS NULL OR t.office = ?5 OR t.office = char(1))"
			       " AND (?6 OR t.sop = ?7 OR t.sop = char(1)) AND t.low_ms < ?8)",
			       -1, &st, NULL) != SQLITE_OK)
		return sdiag(s, "reading month summaries", err);
	sqlite3_bind_text(st, 1, sum_office(s->office), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, q->group, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, q->month);
	sqlite3_bind_text(st, 4, q->fingerprint, -1, SQLITE_STATIC);
	if (s->office)
		sqlite3_bind_text(st, 5, s->office, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, q->sop_any);
	sqlite3_bind_text(st, 7, q->sop ? q->sop : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, q->end_ms);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		q->finished = sqlite3_column_int64(st, 0);
		q->with_ceiling = sqlite3_column_int64(st, 1);
		q->within = sqlite3_column_int64(st, 2);
		q->with_target = sqlite3_column_int64(st, 3);
		q->within_target = sqlite3_column_int64(st, 4);
		q->median_s = sqlite3_column_type(st, 5) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 5);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : sdiag(s, "reading month summaries", err);
}

/*
 * The opening of a report's cache write (month summaries, case measures):
 * a report does not wait for an ingest's write lock to cache -- it tries
 * once, and the next report caches instead.  1: in a write transaction;
 * 0: skipped (read-only store, or the lock is held); negative: an error
 * about `what`.
 */
static int sq_cache_begin(struct mutu_store *s, const char *what, struct mutu_err *err)
{
	sqlite3 *db = DB(s);
	if (sqlite3_db_readonly(db, "main"))
		return 0;
	struct sq_wait *w = &((struct sq *)s)->wait;
	int ms = w->ms;
	set_wait(db, w, 0);
	int got = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	set_wait(db, w, ms);
	if (got == SQLITE_OK)
		return 1;
	int code = sqlite3_errcode(db) & 0xFF;
	return code == SQLITE_BUSY || code == SQLITE_LOCKED || code == SQLITE_READONLY ? 0 : sdiag(s, what, err);
}

/* The end of a cache write: COMMIT after rc 0 (1: written), else ROLLBACK
 * and the error about `what`. */
static int sq_cache_end(struct mutu_store *s, int rc, const char *what, struct mutu_err *err)
{
	sqlite3 *db = DB(s);
	if (rc == 0 && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
		return 1;
	rc = sdiag(s, what, err);
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

static int sq_sum_put(struct mutu_store *s, const char *office, const struct store_month_sum *rows, size_t n,
		      int64_t mark, struct mutu_err *err)
{
	sqlite3 *db = DB(s);
	int got = sq_cache_begin(s, "writing month summaries", err);
	if (got <= 0)
		return got;
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db,
				    "INSERT OR REPLACE INTO month_summary (office, sop, month, fingerprint, batch_id,"
				    " finished, with_ceiling, within, with_target, within_target, median_s)"
				    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
				    -1, &st, NULL) == SQLITE_OK
			 ? 0
			 : -1;
	for (size_t i = 0; i < n && rc == 0; i++) {
		const struct store_month_sum *r = &rows[i];
		sqlite3_bind_text(st, 1, sum_office(office), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, r->group, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, r->month);
		sqlite3_bind_text(st, 4, r->fingerprint, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 5, mark);
		sqlite3_bind_int64(st, 6, r->finished);
		sqlite3_bind_int64(st, 7, r->with_ceiling);
		sqlite3_bind_int64(st, 8, r->within);
		sqlite3_bind_int64(st, 9, r->with_target);
		sqlite3_bind_int64(st, 10, r->within_target);
		if (isnan(r->median_s))
			sqlite3_bind_null(st, 11);
		else
			sqlite3_bind_double(st, 11, r->median_s);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = -1;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return sq_cache_end(s, rc, "writing month summaries", err);
}

/* ---------------------------------------------------------------- kept case measures */

/*
 * In one write transaction of its own, as sq_sum_put: not waiting for the
 * lock, and only when no batch came after the report's snapshot (mark, the
 * newest batch id it saw).  The writer holds the write lock from its batch
 * row to its commit and deletes the measures of the cases it changed, so a
 * measure written here either precedes that batch (which then deletes it)
 * or was computed from a snapshot that holds it.
 */
static int sq_measure_put(struct mutu_store *s, const struct store_measure *rows, size_t n, int64_t mark,
			  struct mutu_err *err)
{
	sqlite3 *db = DB(s);
	int got = sq_cache_begin(s, "writing case measures", err);
	if (got <= 0)
		return got;
	int64_t newest = 0;
	if (query_int(db, "SELECT coalesce(max(id), 0) FROM batches", &newest)) {
		int rc = sdiag(s, "writing case measures", err);
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return rc;
	}
	if (newest != mark) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return 0;
	}
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO case_measure (case_id, office, fp, blob) VALUES (?1, ?2, ?3, ?4)",
				    -1, &st, NULL) == SQLITE_OK
			 ? 0
			 : -1;
	for (size_t i = 0; i < n && rc == 0; i++) {
		const struct store_measure *r = &rows[i];
		sqlite3_bind_int64(st, 1, r->case_id);
		sqlite3_bind_text(st, 2, r->office ? r->office : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, r->fp, -1, SQLITE_STATIC);
		sqlite3_bind_blob(st, 4, r->blob, (int)r->len, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = -1;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return sq_cache_end(s, rc, "writing case measures", err);
}

static int sq_measure_count(struct mutu_store *s, int64_t *n, struct mutu_err *err)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(DB(s), "SELECT count(*) FROM case_measure WHERE ?1 IS NULL OR office = ?1", -1, &st,
			       NULL) != SQLITE_OK)
		return sdiag(s, "counting case measures", err);
	if (s->office)
		sqlite3_bind_text(st, 1, s->office, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : sdiag(s, "counting case measures", err);
}

static const struct store_ops sqlite_ops = {
	.close = sq_close,
	.discard = sq_discard,
	.begin_write = sq_begin_write,
	.begin_read = sq_begin_read,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.batch_size_seen = sq_batch_size_seen,
	.batch_find = sq_batch_find,
	.batch_create = sq_batch_create,
	.batch_supersede = sq_batch_supersede,
	.batch_finish = sq_batch_finish,
	.batch_list = sq_batch_list,
	.batch_exists = sq_batch_exists,
	.writer_open = sq_writer_open,
	.writer_case = sq_writer_case,
	.writer_case_attr = sq_writer_case_attr,
	.writer_event = sq_writer_event,
	.writer_event_attr = sq_writer_event_attr,
	.writer_rejected = sq_writer_rejected,
	.writer_attr_type = sq_writer_attr_type,
	.writer_finish = sq_writer_finish,
	.writer_free = sq_writer_free,
	.cases_open = sq_cases_open,
	.cases_next = sq_cursor_next,
	.cursor_free = sqc_free,
	.attr_names = sq_attr_names,
	.sops = sq_sops,
	.offices = sq_offices,
	.latest = sq_latest,
	.latest_end = sq_latest_end,
	.any_end_in = sq_any_end_in,
	.flags_schema = sq_flags_schema,
	.flags_replace = sq_flags_replace,
	.count = sq_count,
	.sop_spans = sq_sop_spans,
	.rejected_list = sq_rejected_list,
	.export_open = sq_export_open,
	.export_attrs = sq_export_attrs,
	.export_attr_names = sq_export_attr_names,
	.attr_types = sq_attr_types,
	.sum_mark = sq_sum_mark,
	.sum_get = sq_sum_get,
	.sum_put = sq_sum_put,
	.measure_put = sq_measure_put,
	.measure_count = sq_measure_count,
};
