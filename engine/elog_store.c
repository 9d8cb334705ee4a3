/*
 * elog_store.c - the SQLite store: opening, schema, migrations.
 *
 * The schema is docs/store.md.  PRAGMA user_version is the schema version;
 * each migration below takes a store from version N-1 to N inside one
 * transaction, so a store is always at some version, never between two.
 */
#include "mutu/elog.h"
#include "elog_int.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

/* FNV-1a over the bytes, then a splitmix64 finaliser for the avalanche. */
static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

uint64_t elog_dkey(const char *act, size_t act_len, int has_start, int64_t start_ms,
		   int has_end, int64_t end_ms, const char *actor, size_t actor_len, int has_actor)
{
	uint64_t h = 0xcbf29ce484222325ULL;
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

static int exec(sqlite3 *db, const char *sql, const char *path, struct mutu_err *err)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		int code = sqlite3_errcode(db) == SQLITE_NOTADB ? MUTU_EINPUT : MUTU_EFAIL;
		mutu_errf(err, code, "%s: %s%s", path, msg ? msg : sqlite3_errmsg(db),
			  code == MUTU_EINPUT ? " (not a mutu store; give another --db)" : "");
		sqlite3_free(msg);
		return code;
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

int elog_store_open(const char *path, int create, struct sqlite3 **out, struct mutu_err *err)
{
	struct stat st;
	*out = NULL;
	int exists = stat(path, &st) == 0;
	if (!exists && !create)
		return mutu_errf(err, MUTU_ENOTFOUND,
				 "%s: no such store (run 'mutu ingest LOG.csv --db %s' first)", path, path);
	sqlite3 *db = NULL;
	/* One connection per thread of use, never shared concurrently: no mutex. */
	int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
		mutu_errf(err, MUTU_EFAIL, "%s: cannot open store: %s", path,
			  db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		return MUTU_EFAIL;
	}
	sqlite3_busy_timeout(db, 10000);
	sqlite3_create_function(db, "elog_dkey", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
				sql_dkey, NULL, NULL);
	int64_t version = 0, ntables = 0;
	if (query_int(db, "PRAGMA user_version", &version) ||
	    query_int(db, "SELECT count(*) FROM sqlite_master", &ntables)) {
		mutu_errf(err, MUTU_EINPUT, "%s: not a mutu store (%s); give another --db", path,
			  sqlite3_errmsg(db));
		sqlite3_close(db);
		return MUTU_EINPUT;
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
		if (exec(db, "BEGIN IMMEDIATE", path, err))
			goto fail;
		if (exec(db, migrations[v], path, err) || exec(db, tail, path, err)) {
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			goto fail;
		}
		if (exec(db, "COMMIT", path, err))
			goto fail;
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
