/*
 * elog_store.c - the SQLite store: opening, schema, migrations.
 *
 * The schema is docs/store.md.  PRAGMA user_version is the schema version;
 * each migration below takes a store from version N-1 to N inside one
 * transaction, so a store is always at some version, never between two.
 *
 * Opening also tells the ways a store can be unusable apart, each with
 * its own message: not a store, damaged (quick_check quoted), locked by
 * another writer (after the busy timeout), read-only (opened read-only
 * when reading will do, refused up front for ingest and audit).
 */
#include "mutu/elog.h"
#include "elog_int.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

/* FNV-1a over the bytes (base.h's, the one hash), then a splitmix64
 * finaliser for the avalanche. */
#define fnv mutu_fnv1a_add

uint64_t elog_dkey(const char *act, size_t act_len, int has_start, int64_t start_ms,
		   int has_end, int64_t end_ms, const char *actor, size_t actor_len, int has_actor)
{
	uint64_t h = MUTU_FNV1A_INIT;
	unsigned char tag;
	h = fnv(h, act, act_len);
	tag = (unsigned char)(0x10 | has_start);
	h = fnv(h, &tag, 1);
	if (has_start)
		h = fnv(h, &start_ms, sizeof start_ms);
	tag = (unsigned char)(0x20 | has_end);
	h = fnv(h, &tag, 1);
	if (has_end)
		h = fnv(h, &end_ms, sizeof end_ms);
	tag = (unsigned char)(0x40 | has_actor);
	h = fnv(h, &tag, 1);
	if (has_actor)
		h = fnv(h, actor, actor_len);
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	h ^= h >> 31;
	/* 31 bits: SQLite stores it in 4 bytes (an int64 takes 8, in the row and
	 * in the index); collisions are resolved exactly anyway. */
	return h & 0x7FFFFFFFu;
}

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

/* Version 1: the schema as first written in docs/store.md. */
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
	"CREATE INDEX events_end ON events(end_ms);"
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

static const char *const migrations[] = {schema_v1, schema_v2, schema_v3};

const char *elog_attr_type_name(int type)
{
	static const char *const names[ELOG_AT_N] = {NULL,    "string", "date",
						     "int",   "float",  "boolean",
						     "id",    "list",   "container"};
	return type > 0 && type < ELOG_AT_N ? names[type] : NULL;
}

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
	if (rc == SQLITE_ROW)
		snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
	else
		snprintf(out, size, "could not run: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
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

static int err_locked(const char *path, int busy_ms, struct mutu_err *err)
{
	return mutu_errf(err, MUTU_EFAIL,
			 "%s: the store is locked: another mutu process (an ingest or an audit) is writing "
			 "to it; waited %d ms. Try again when it has finished, or wait longer with "
			 "--busy-timeout MS (at most %d)",
			 path, busy_ms, ELOG_BUSY_MAX_MS);
}

static int err_readonly(const char *path, const char *why, struct mutu_err *err)
{
	return mutu_errf(err, MUTU_EFAIL,
			 "%s: the store is read-only (%s): ingest and audit (which stores its flags) "
			 "cannot write to it. Reading still works: report monthly, audit --no-store, db "
			 "info, db rejected. To ingest, copy the store to a writable folder",
			 path, why);
}

/* busy_ms as used: 0 is the default, negative is no wait */
static int busy_of(int busy_ms)
{
	return busy_ms == 0 ? ELOG_BUSY_DEFAULT_MS : busy_ms < 0 ? 0 : busy_ms;
}

int elog_store_err(struct sqlite3 *db, const char *path, const char *what, struct mutu_err *err)
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
		return err_readonly(path, sqlite3_errmsg(db), err);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return err_damaged(db, path, sqlite3_errmsg(db), err);
	default:
		return mutu_errf(err, MUTU_EFAIL, "%s: %s: %s", path, what, sqlite3_errmsg(db));
	}
}

int elog_store_begin_write(struct sqlite3 *db, const char *path, int busy_ms, const char *what,
			   struct mutu_err *err)
{
	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK)
		return 0;
	if ((sqlite3_errcode(db) & 0xFF) == SQLITE_BUSY)
		return err_locked(path, busy_of(busy_ms), err);
	return elog_store_err(db, path, what, err);
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
			rc = elog_store_err(db, path, msg ? msg : "setting up", err);
		sqlite3_free(msg);
		return rc;
	}
	return 0;
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

int elog_store_open(const char *path, int create, struct sqlite3 **out, struct mutu_err *err)
{
	return elog_store_open_ex(path, create, 0, out, err);
}

int elog_store_open_ex(const char *path, int mode, int busy_ms, struct sqlite3 **out,
		       struct mutu_err *err)
{
	struct stat st;
	*out = NULL;
	int create = mode == ELOG_STORE_CREATE;
	int wait = busy_of(busy_ms);
	int exists = stat(path, &st) == 0;
	if (!exists && !create)
		return mutu_errf(err, MUTU_ENOTFOUND,
				 "%s: no such store (run 'mutu ingest LOG.csv --db %s' first)", path, path);
	if (exists && S_ISDIR(st.st_mode))
		return mutu_errf(err, MUTU_EINPUT, "%s: a folder, not a mutu store; give a file with --db", path);
	/* a store on a read-only mount (or not ours to write) is opened
	 * read-only when reading will do, and refused up front otherwise:
	 * SQLite would say "unable to open database file" or fail at the
	 * first write, neither of which tells the user what is wrong */
	char why[600] = "";
	int ro = exists && !writable(path, why, sizeof why);
	if (ro && mode != ELOG_STORE_READ)
		return err_readonly(path, why, err);
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
	sqlite3_busy_timeout(db, wait);
	sqlite3_create_function(db, "elog_dkey", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
				sql_dkey, NULL, NULL);
	int64_t version = 0, ntables = 0;
	if (query_int(db, "PRAGMA user_version", &version) ||
	    query_int(db, "SELECT count(*) FROM sqlite_master", &ntables)) {
		int code = sqlite3_errcode(db) & 0xFF;
		int rc;
		if ((code == SQLITE_NOTADB || code == SQLITE_CORRUPT) && has_sqlite_magic(path))
			rc = err_damaged(db, path, sqlite3_errmsg(db), err);
		else if (code == SQLITE_NOTADB)
			rc = mutu_errf(err, MUTU_EINPUT, "%s: not a mutu store (not an SQLite file); give another --db",
				       path);
		else if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
			rc = err_locked(path, wait, err);
		else
			rc = mutu_errf(err, MUTU_EFAIL, "%s: cannot read the store: %s", path, sqlite3_errmsg(db));
		sqlite3_close(db);
		return rc;
	}
	if (version == 0 && ntables > 0) {
		sqlite3_close(db);
		return mutu_errf(err, MUTU_EINPUT,
				 "%s: an SQLite file that is not a mutu store; give another --db", path);
	}
	if (version > ELOG_SCHEMA_VERSION) {
		sqlite3_close(db);
		return mutu_errf(err, MUTU_EINPUT,
				 "%s: store schema version %lld is newer than this mutu (%d); upgrade mutu",
				 path, (long long)version, ELOG_SCHEMA_VERSION);
	}
	if (ro) {
		if (version < ELOG_SCHEMA_VERSION) {
			sqlite3_close(db);
			return mutu_errf(err, MUTU_EFAIL,
					 "%s: the store has schema version %lld and this mutu reads %d; it is "
					 "read-only (%s), so it cannot be upgraded: copy it to a writable folder",
					 path, (long long)version, ELOG_SCHEMA_VERSION, why);
		}
		*out = db;
		return 0;
	}
	/* 32 KiB pages: fewer, fuller B-tree pages for a bulk-loaded store
	 * (measured at 1M events: 4 KiB -> 16 KiB ~15% faster ingest, 16 -> 32
	 * KiB another ~7%, mostly a cheaper checkpoint; 64 KiB no better and
	 * twice the WAL bytes for a one-row audit write).  Only takes effect on
	 * a new file, before WAL mode is set; older stores keep theirs. */
	if (version == 0 && exec(db, "PRAGMA page_size=32768", path, err))
		goto fail;
	/* WAL: readers (reports) are not blocked by an ingest, and a killed
	 * ingest leaves only uncommitted WAL frames that the next open ignores.
	 * NORMAL: WAL commits are durable against a process crash; only an OS
	 * crash can lose the last commit, never corrupt the store.
	 * A 16 MiB page cache and on-disk temp files for the index sort keep
	 * memory flat (measured peak RSS ~49 MB at 1M and at 2.5M events); a
	 * bigger cache made no ingest faster. */
	if (exec(db,
		 "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
		 "PRAGMA cache_size=-16384;",
		 path, err))
		goto fail;
	for (int64_t v = version; v < ELOG_SCHEMA_VERSION; v++) {
		char tail[64];
		snprintf(tail, sizeof tail, "PRAGMA user_version=%lld;", (long long)(v + 1));
		if (elog_store_begin_write(db, path, busy_ms, "starting the schema upgrade", err))
			goto fail;
		if (exec(db, migrations[v], path, err) || exec(db, tail, path, err)) {
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			goto fail;
		}
		if (exec(db, "COMMIT", path, err))
			goto fail;
	}
	/* a writer finds out now, with the file named, whether another
	 * process holds the write lock, instead of at its first insert */
	if (mode != ELOG_STORE_READ) {
		if (elog_store_begin_write(db, path, busy_ms, "taking the write lock", err))
			goto fail;
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	}
	*out = db;
	return 0;
fail:
	sqlite3_close(db);
	return err && err->code ? err->code : MUTU_EFAIL;
}

void elog_store_close(struct sqlite3 *db)
{
	if (db)
		sqlite3_close(db);
}
