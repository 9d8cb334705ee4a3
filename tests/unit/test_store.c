/*
 * test_store.c - the store module (include/mutu/store.h) on real SQLite
 * files: locations, the schema 3 -> 4, 6 -> 7 and 9 -> 10 migrations, the writer's dedup,
 * case spans and blocks of new cases, the period / office cursor, and the read snapshot.
 *
 * Expected values are worked out by hand from the rows written here:
 * instants are small round numbers of milliseconds so the spans (earliest
 * start-or-end, latest end-or-start of a case's events) can be read off.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "mutu/store.h"

static char dir[64];

static const char *tmp(const char *name)
{
	static char buf[4][256];
	static int k;
	k = (k + 1) % 4;
	snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
	return buf[k];
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/mutu-test-store-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static int64_t q1(const char *db, const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	int64_t v = INT64_MIN;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

static void sql(const char *db, const char *text)
{
	sqlite3 *h;
	char *msg = NULL;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	if (sqlite3_exec(h, text, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "%s: %s\n", text, msg);
		fail();
	}
	sqlite3_close(h);
}

/* A PostgreSQL location in a build without store_pg.c is refused as
 * input, and the message never repeats the password. */
static void test_locations(void **state)
{
	(void)state;
	struct mutu_store *s = NULL;
	struct mutu_err e;
	mutu_err_clear(&e);
	int rc = store_open("postgresql://mutu:rahasia@db.prov.example/mutu", STORE_READ, 0, &s, &e);
#ifdef MUTU_WITH_PG
	(void)rc; /* a real backend: connection refused, not tested here */
#else
	assert_int_equal(rc, MUTU_EINPUT);
	assert_non_null(strstr(e.msg, "without PostgreSQL"));
	assert_null(strstr(e.msg, "rahasia"));
#endif
	assert_null(s);
	/* sqlite:PATH is the file PATH; messages name PATH */
	const char *db = tmp("loc.db");
	char loc[300];
	snprintf(loc, sizeof loc, "sqlite:%s", db);
	mutu_err_clear(&e);
	assert_int_equal(store_open(loc, STORE_CREATE, 0, &s, &e), 0);
	assert_int_equal(store_kind(s), STORE_SQLITE);
	assert_string_equal(store_where(s), db);
	assert_int_equal(store_schema_version(s), STORE_SCHEMA_VERSION);
	store_close(s);
	assert_true(access(db, F_OK) == 0);
	/* an empty location and "sqlite:" alone are bad input */
	mutu_err_clear(&e);
	assert_int_equal(store_open("sqlite:", STORE_READ, 0, &s, &e), MUTU_EINPUT);
	mutu_err_clear(&e);
	assert_int_equal(store_open("", STORE_READ, 0, &s, &e), MUTU_EINPUT);
	/* a missing store read: not found, with the command that makes one */
	mutu_err_clear(&e);
	assert_int_equal(store_open(tmp("none.db"), STORE_READ, 0, &s, &e), MUTU_ENOTFOUND);
	assert_non_null(strstr(e.msg, "mutu ingest"));
}

/* A batch of file (10 bytes, sha) for office begun: the write lock, its
 * row (id in *batch) and a writer, returned. */
static struct store_writer *open_batch(struct mutu_store *s, const char *file, const char *office, const char *sha,
				       int64_t *batch)
{
	struct mutu_err e;
	mutu_err_clear(&e);
	assert_int_equal(store_begin_write(s, "test", &e), 0);
	struct store_batch b;
	memset(&b, 0, sizeof b);
	b.file = file;
	b.size = 10;
	b.sha256 = sha;
	b.ingested_at = "2026-01-01T00:00:00Z";
	b.office = office;
	b.options = "{}";
	assert_int_equal(store_batch_create(s, &b, batch, &e), 0);
	struct store_writer *w = NULL;
	assert_int_equal(store_writer_open(s, *batch, 10, &w, &e), 0);
	return w;
}

/* One batch through the writer: cases, events (one a duplicate), a
 * rejected row.  Returns the batch id. */
static int64_t write_batch(struct mutu_store *s, const char *office, const char *sha)
{
	struct mutu_err e;
	mutu_err_clear(&e);
	int64_t batch = 0;
	struct store_writer *w = open_batch(s, "hand.csv", office, sha, &batch);
	int64_t a = 0, c2 = 0, eid = 0;
	int created = 0, dup = 0;
	assert_int_equal(store_writer_case(w, "A", 1, "sop-x", 5, office, &a, &created, &e), 0);
	assert_int_equal(created, 1);
	struct store_event ev;
	memset(&ev, 0, sizeof ev);
	ev.case_id = a;
	ev.line = 2;
	ev.activity = "satu";
	ev.activity_len = 4;
	ev.has_start = ev.has_end = 1;
	ev.start_ms = 5000;
	ev.end_ms = 7000;
	ev.dkey = 11;
	assert_int_equal(store_writer_event(w, &ev, &eid, &dup, &e), 0);
	assert_int_equal(dup, 0);
	/* the same event again (another line): a duplicate, nothing written */
	ev.line = 3;
	assert_int_equal(store_writer_event(w, &ev, &eid, &dup, &e), 0);
	assert_int_equal(dup, 1);
	/* an end-only row before it and an open (start-only) row after it:
	 * the span is 1000 (the end-only stamp) .. 9000 (the open start) */
	memset(&ev, 0, sizeof ev);
	ev.case_id = a;
	ev.line = 4;
	ev.activity = "dua";
	ev.activity_len = 3;
	ev.has_end = 1;
	ev.end_ms = 1000;
	ev.dkey = 12;
	assert_int_equal(store_writer_event(w, &ev, &eid, &dup, &e), 0);
	ev.line = 5;
	ev.has_end = 0;
	ev.has_start = 1;
	ev.start_ms = 9000;
	ev.dkey = 13;
	assert_int_equal(store_writer_event(w, &ev, &eid, &dup, &e), 0);
	/* the case again: found, not created */
	assert_int_equal(store_writer_case(w, "A", 1, "sop-x", 5, office, &c2, &created, &e), 0);
	assert_int_equal(created, 0);
	assert_true(c2 == a);
	assert_int_equal(store_writer_rejected(w, 6, "x,y", 3, "blank row", 9, &e), 0);
	assert_int_equal(store_writer_finish(w, &e), 0);
	store_writer_free(w);
	struct store_batch b;
	memset(&b, 0, sizeof b);
	b.id = batch;
	b.size = 10;
	b.sha256 = sha;
	b.rows_read = 5;
	b.events_stored = 3;
	b.rejected = 1;
	b.duplicates = 1;
	assert_int_equal(store_batch_finish(s, &b, &e), 0);
	assert_int_equal(store_commit(s, &e), 0);
	return batch;
}

static void test_writer(void **state)
{
	(void)state;
	const char *db = tmp("w.db");
	struct mutu_store *s = NULL;
	struct mutu_err e;
	mutu_err_clear(&e);
	assert_int_equal(store_open(db, STORE_CREATE, 0, &s, &e), 0);
	int64_t batch = write_batch(s, "kab-banjar", "ab");
	assert_true(batch == 1);
	/* 3 events kept of 4 written (one duplicate), one rejected row */
	assert_int_equal(q1(db, "SELECT count(*) FROM events"), 3);
	assert_int_equal(q1(db, "SELECT count(*) FROM rejected"), 1);
	/* the span by hand: earliest stamp 1000 (end-only row), latest 9000 (open start) */
	assert_int_equal(q1(db, "SELECT first_ms FROM cases WHERE case_key = 'A'"), 1000);
	assert_int_equal(q1(db, "SELECT last_ms FROM cases WHERE case_key = 'A'"), 9000);
	assert_int_equal(q1(db, "SELECT count(*) FROM cases WHERE office = 'kab-banjar'"), 1);
	assert_int_equal(q1(db, "SELECT count(*) FROM batches WHERE office = 'kab-banjar' AND duplicates = 1"), 1);
	/* the same sha256 is found as a live batch; excepting itself, not */
	int64_t id = 0;
	char at[40];
	assert_int_equal(store_batch_find(s, "ab", 0, &id, at, sizeof at, &e), 1);
	assert_true(id == 1);
	assert_string_equal(at, "2026-01-01T00:00:00Z");
	assert_int_equal(store_batch_find(s, "ab", 1, &id, at, sizeof at, &e), 0);
	assert_int_equal(store_batch_size_seen(s, 10, &e), 1);
	assert_int_equal(store_batch_size_seen(s, 11, &e), 0);
	store_close(s);
}

/* Kn's one event of a case-block batch: 1000 n .. 1000 n + 500 ms */
static void block_event(struct store_writer *w, int64_t id, int n)
{
	struct mutu_err e;
	mutu_err_clear(&e);
	struct store_event ev;
	memset(&ev, 0, sizeof ev);
	ev.case_id = id;
	ev.line = 2 + n;
	ev.activity = "satu";
	ev.activity_len = 4;
	ev.has_start = ev.has_end = 1;
	ev.start_ms = 1000 * (int64_t)n;
	ev.end_ms = ev.start_ms + 500;
	ev.dkey = (uint64_t)n;
	int64_t eid = 0;
	int dup = 0;
	assert_int_equal(store_writer_event(w, &ev, &eid, &dup, &e), 0);
	assert_int_equal(dup, 0);
}

/* The case key n of office "o" asked again: its id, not made anew. */
static void block_find(struct store_writer *w, int n, int64_t want)
{
	struct mutu_err e;
	mutu_err_clear(&e);
	char key[16];
	snprintf(key, sizeof key, "K%d", n);
	int64_t id = 0;
	int created = 1;
	assert_int_equal(store_writer_case(w, key, strlen(key), "sop-x", 5, "o", &id, &created, &e), 0);
	assert_int_equal(created, 0);
	assert_int_equal(id, want);
}

static void block_commit(struct mutu_store *s, struct store_writer *w, int64_t batch)
{
	struct mutu_err e;
	mutu_err_clear(&e);
	assert_int_equal(store_writer_finish(w, &e), 0);
	store_writer_free(w);
	struct store_batch b;
	memset(&b, 0, sizeof b);
	b.id = batch;
	b.size = 10;
	b.sha256 = "x";
	assert_int_equal(store_batch_finish(s, &b, &e), 0);
	assert_int_equal(store_commit(s, &e), 0);
}

/*
 * New cases go into the store 32 at a time, and in a store without any
 * case a key the batch never saw is not looked up there (store_sqlite.c,
 * struct sqw): a key must still find its one case while its row waits in
 * the block, after it went in, and in another office it is another case.
 * Batch 1, into a new store (the key filter), makes K0..K69 of office "o":
 * ids 1..70, two full blocks of 32 and 6 rows written at finish.  After
 * making Kn it asks for K(n-1) (sealed, waiting), K(n-20) (waiting or
 * written) and K0 (written from K32 on): each must give 1 + its number.
 * Then K3 of office "p": a new case, id 71.  Batch 2, into a store that
 * has cases (every key looked up in the store), makes K70..K109 of "o":
 * ids 72..111 (2 + n), asking the same way, and K0 and K69 of batch 1.
 * Kn's one event runs 1000 n .. 1000 n + 500 ms: that is its span.
 */
static void test_writer_case_blocks(void **state)
{
	(void)state;
	const char *db = tmp("blocks.db");
	struct mutu_store *s = NULL;
	struct mutu_err e;
	mutu_err_clear(&e);
	assert_int_equal(store_open(db, STORE_CREATE, 0, &s, &e), 0);
	int64_t batch = 0, id = 0;
	int created = 0;
	char key[16];
	struct store_writer *w = open_batch(s, "blocks.csv", "o", "b1", &batch);
	for (int n = 0; n < 70; n++) {
		snprintf(key, sizeof key, "K%d", n);
		assert_int_equal(store_writer_case(w, key, strlen(key), "sop-x", 5, "o", &id, &created, &e), 0);
		assert_int_equal(created, 1);
		assert_int_equal(id, 1 + n);
		block_event(w, id, n);
		if (n >= 1)
			block_find(w, n - 1, n);
		if (n >= 20)
			block_find(w, n - 20, n - 19);
		block_find(w, 0, 1);
	}
	assert_int_equal(store_writer_case(w, "K3", 2, "sop-x", 5, "p", &id, &created, &e), 0);
	assert_int_equal(created, 1);
	assert_int_equal(id, 71);
	block_find(w, 3, 4);
	assert_int_equal(store_writer_case(w, "K3", 2, "sop-x", 5, "p", &id, &created, &e), 0);
	assert_int_equal(created, 0);
	assert_int_equal(id, 71);
	block_commit(s, w, batch);
	assert_int_equal(q1(db, "SELECT count(*) FROM cases"), 71);
	w = open_batch(s, "blocks.csv", "o", "b2", &batch);
	for (int n = 70; n < 110; n++) {
		snprintf(key, sizeof key, "K%d", n);
		assert_int_equal(store_writer_case(w, key, strlen(key), "sop-x", 5, "o", &id, &created, &e), 0);
		assert_int_equal(created, 1);
		assert_int_equal(id, 2 + n);
		block_event(w, id, n);
		if (n >= 71)
			block_find(w, n - 1, n + 1);
		if (n >= 90)
			block_find(w, n - 20, n - 18);
		block_find(w, 0, 1);
		block_find(w, 69, 70);
	}
	block_commit(s, w, batch);
	/* every case once, at the id it was given, with its event's span */
	assert_int_equal(q1(db, "SELECT count(*) FROM cases"), 111);
	assert_int_equal(q1(db, "SELECT count(*) FROM cases WHERE office = 'o' AND"
				" id = CAST(substr(case_key, 2) AS INTEGER) + (CASE WHEN"
				" CAST(substr(case_key, 2) AS INTEGER) < 70 THEN 1 ELSE 2 END)"),
			 110);
	assert_int_equal(q1(db, "SELECT count(*) FROM cases WHERE office = 'o' AND"
				" first_ms = 1000 * CAST(substr(case_key, 2) AS INTEGER) AND last_ms = first_ms + 500"),
			 110);
	assert_int_equal(q1(db, "SELECT id FROM cases WHERE office = 'p' AND case_key = 'K3'"), 71);
	assert_int_equal(q1(db, "SELECT count(*) FROM events"), 110);
	assert_int_equal(q1(db, "SELECT count(*) FROM events e JOIN cases c ON c.id = e.case_id"
				" WHERE e.start_ms = c.first_ms"),
			 110);
	store_close(s);
}

/* A schema 3 store (made by dropping what 4 added) is migrated: the
 * spans are computed from the events already there. */
static void test_migrate_3_to_4(void **state)
{
	(void)state;
	const char *db = tmp("m.db");
	struct mutu_store *s = NULL;
	struct mutu_err e;
	mutu_err_clear(&e);
	assert_int_equal(store_open(db, STORE_CREATE, 0, &s, &e), 0);
	store_close(s);
	/* schema 3's cases (schema 1's table: key unique on its own) */
	sql(db, "DROP TABLE cases; CREATE TABLE cases ("
		" id INTEGER PRIMARY KEY, case_key TEXT NOT NULL UNIQUE, sop TEXT,"
		" batch_id INTEGER NOT NULL REFERENCES batches(id)); CREATE INDEX cases_sop ON cases(sop);"
		" ALTER TABLE batches DROP COLUMN office; PRAGMA user_version = 3;"
		" DROP TABLE month_summary; DROP TABLE batch_touch; DROP TABLE case_measure;"
		"INSERT INTO batches (id, file, size, sha256, ingested_at) VALUES (1, 'h', 0, 'x', 't');"
		"INSERT INTO cases (id, case_key, sop, batch_id) VALUES (1, 'K', NULL, 1), (2, 'L', NULL, 1);"
		"INSERT INTO events (case_id, batch_id, line, step, activity, start_ms, end_ms) VALUES"
		" (1, 1, 2, 2, 'a', 300, 400), (1, 1, 3, 5, 'b', NULL, 200), (1, 1, 4, 7, 'c', 900, NULL);");
	assert_int_equal(q1(db, "PRAGMA user_version"), 3);
	mutu_err_clear(&e);
	assert_int_equal(store_open(db, STORE_READ, 0, &s, &e), 0);
	store_close(s);
	/* 3 -> 4 -> 5 -> 6 -> 7 -> 8 -> 9 in one open */
	assert_int_equal(q1(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	/* schema 6's marker: K's latest completion is step 2's at 400 (step 5
	 * ended at 200, step 7 is open); L has no completion: NULL */
	assert_int_equal(q1(db, "SELECT last_done_step FROM cases WHERE id = 1"), 2);
	assert_true(q1(db, "SELECT last_done_step FROM cases WHERE id = 2") == INT64_MIN);
	/* K: stamps 300-400, end 200, open start 900 -> 200 .. 900 */
	assert_int_equal(q1(db, "SELECT first_ms FROM cases WHERE id = 1"), 200);
	assert_int_equal(q1(db, "SELECT last_ms FROM cases WHERE id = 1"), 900);
	/* L has no events: no span */
	assert_true(q1(db, "SELECT last_ms FROM cases WHERE id = 2") == INT64_MIN);
	assert_int_equal(q1(db, "SELECT count(*) FROM cases WHERE office = ''"), 2);
}

/* A schema 6 store (cases.case_key unique on its own, the table as a
 * version 6 mutu wrote it) is migrated to 7: every case keeps its id and
 * columns, events and case attributes still point at them, the indexes
 * are back, and the same key may now be a case of another office but not
 * twice in one office. */
static void test_migrate_6_to_7(void **state)
{
	(void)state;
	const char *db = tmp("m6.db");
	struct mutu_store *s = NULL;
	struct mutu_err e;
	mutu_err_clear(&e);
	assert_int_equal(store_open(db, STORE_CREATE, 0, &s, &e), 0);
	store_close(s);
	sql(db, "DROP TABLE cases; CREATE TABLE cases ("
		" id INTEGER PRIMARY KEY, case_key TEXT NOT NULL UNIQUE, sop TEXT,"
		" batch_id INTEGER NOT NULL REFERENCES batches(id), office TEXT NOT NULL DEFAULT '',"
		" first_ms INTEGER, last_ms INTEGER, last_done_step INTEGER);"
		"CREATE INDEX cases_sop ON cases(sop); CREATE INDEX cases_span ON cases(last_ms, first_ms);"
		"CREATE INDEX cases_open ON cases(sop, last_done_step, last_ms); PRAGMA user_version = 6;"
		"DROP TABLE month_summary; DROP TABLE batch_touch; DROP TABLE case_measure;"
		"INSERT INTO batches (id, file, size, sha256, ingested_at) VALUES (1, 'h', 0, 'x', 't');"
		/* ids 5 and 9: not 1, 2, so a renumbering would show */
		"INSERT INTO cases (id, case_key, sop, batch_id, office, first_ms, last_ms, last_done_step)"
		" VALUES (5, 'K', 's', 1, 'kota-a', 100, 400, 2), (9, 'L', NULL, 1, '', NULL, NULL, NULL);"
		"INSERT INTO events (case_id, batch_id, line, step, activity, start_ms, end_ms) VALUES"
		" (5, 1, 2, 1, 'a', 100, 200), (5, 1, 3, 2, 'b', 200, 400);"
		"INSERT INTO case_attrs (case_id, name, value) VALUES (5, 'jenis', 'IMB');");
	assert_int_equal(q1(db, "PRAGMA user_version"), 6);
	mutu_err_clear(&e);
	assert_int_equal(store_open(db, STORE_READ, 0, &s, &e), 0);
	store_close(s);
	assert_int_equal(q1(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	/* both rows, same ids and columns */
	assert_int_equal(q1(db, "SELECT count(*) FROM cases"), 2);
	assert_int_equal(q1(db, "SELECT id FROM cases WHERE case_key = 'K' AND office = 'kota-a'"
				" AND sop = 's' AND batch_id = 1 AND first_ms = 100 AND last_ms = 400"
				" AND last_done_step = 2"), 5);
	assert_int_equal(q1(db, "SELECT id FROM cases WHERE case_key = 'L' AND office = ''"
				" AND sop IS NULL AND last_ms IS NULL"), 9);
	/* the 2 events and the attribute still join to K */
	assert_int_equal(q1(db, "SELECT count(*) FROM events JOIN cases c ON c.id = case_id"
				" WHERE c.case_key = 'K'"), 2);
	assert_int_equal(q1(db, "SELECT count(*) FROM case_attrs JOIN cases c ON c.id = case_id"
				" WHERE c.case_key = 'K'"), 1);
	/* cases_span, cases_open and the (case_key, office) one (cases_sop, which
	 * 7 built back, is gone again at 10: cases_open's prefix) */
	assert_int_equal(q1(db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases'"
				" AND name IN ('cases_sop', 'cases_span', 'cases_open')"), 2);
	assert_int_equal(q1(db, "SELECT count(*) FROM sqlite_master WHERE name = 'cases_v7'"), 0);
	assert_int_equal(q1(db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"), 1);
	/* K again, in kota-b: a case of its own; in kota-a: refused */
	sql(db, "INSERT INTO cases (id, case_key, batch_id, office) VALUES (10, 'K', 1, 'kota-b')");
	sqlite3 *h;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "INSERT INTO cases (id, case_key, batch_id, office)"
					 " VALUES (11, 'K', 1, 'kota-a')", NULL, NULL, NULL),
			 SQLITE_CONSTRAINT);
	sqlite3_close(h);
}

static int count_rows(struct mutu_store *s, const struct store_case_filter *f, char *keys, size_t size)
{
	struct store_cursor *c = NULL;
	struct mutu_err e;
	mutu_err_clear(&e);
	assert_int_equal(store_cases_open(s, f, &c, &e), 0);
	const struct store_case_row *row;
	int n = 0, rc;
	keys[0] = '\0';
	while ((rc = store_cases_next(c, &row, &e)) == 1) {
		n++;
		strncat(keys, row->key, size - strlen(keys) - 1);
	}
	assert_int_equal(rc, 0);
	store_cursor_free(c);
	return n;
}

/* The period cursor yields the cases whose span overlaps [from, to),
 * plus those without a span; office filters. */
static void test_period_cursor(void **state)
{
	(void)state;
	const char *db = tmp("p.db");
	struct mutu_store *s = NULL;
	struct mutu_err e;
	mutu_err_clear(&e);
	assert_int_equal(store_open(db, STORE_CREATE, 0, &s, &e), 0);
	/* spans: P 100-200, Q 300-400, R 150-350 (reaches into [250, 300)),
	 * S none (written by SQL, not the writer); offices: Q in 'b' */
	sql(db, "INSERT INTO batches (id, file, size, sha256, ingested_at) VALUES (1, 'h', 0, 'x', 't');"
		"INSERT INTO cases (id, case_key, sop, batch_id, office, first_ms, last_ms) VALUES"
		" (1, 'P', 's', 1, '', 100, 200), (2, 'Q', 's', 1, 'b', 300, 400),"
		" (3, 'R', 's', 1, '', 150, 350), (4, 'S', 's', 1, '', NULL, NULL);"
		"INSERT INTO events (case_id, batch_id, line, activity, start_ms, end_ms) VALUES"
		" (1, 1, 2, 'a', 100, 200), (2, 1, 3, 'a', 300, 400), (3, 1, 4, 'a', 150, 350);");
	struct store_case_filter f;
	char keys[64];
	memset(&f, 0, sizeof f);
	assert_int_equal(count_rows(s, &f, keys, sizeof keys), 4);
	assert_string_equal(keys, "PQRS");
	/* [250, 300): only R overlaps (Q starts at 300, the end is open), S has no span */
	f.has_period = 1;
	f.from_ms = 250;
	f.to_ms = 300;
	assert_int_equal(count_rows(s, &f, keys, sizeof keys), 2);
	assert_string_equal(keys, "RS");
	/* [200, 301): P ends at 200 (last >= from), Q starts at 300 < 301, R */
	f.from_ms = 200;
	f.to_ms = 301;
	assert_int_equal(count_rows(s, &f, keys, sizeof keys), 4);
	/* office b: Q only */
	memset(&f, 0, sizeof f);
	f.office = "b";
	assert_int_equal(count_rows(s, &f, keys, sizeof keys), 1);
	assert_string_equal(keys, "Q");
	/* the events come with their case: R's one event, 150 .. 350 */
	memset(&f, 0, sizeof f);
	f.case_key = "R";
	struct store_cursor *c = NULL;
	assert_int_equal(store_cases_open(s, &f, &c, &e), 0);
	const struct store_case_row *row;
	assert_int_equal(store_cases_next(c, &row, &e), 1);
	assert_int_equal(row->nev, 1);
	assert_true(row->ev[0].start_ms == 150 && row->ev[0].end_ms == 350);
	assert_int_equal(row->ev[0].start_off, STORE_OFF_NONE);
	assert_int_equal(store_cases_next(c, &row, &e), 0);
	store_cursor_free(c);
	store_close(s);
}

/* A read snapshot does not see a batch committed after it began. */
static void test_snapshot(void **state)
{
	(void)state;
	const char *db = tmp("snap.db");
	struct mutu_store *r = NULL, *w = NULL;
	struct mutu_err e;
	mutu_err_clear(&e);
	assert_int_equal(store_open(db, STORE_CREATE, 0, &w, &e), 0);
	assert_int_equal(store_open(db, STORE_READ, 0, &r, &e), 0);
	assert_int_equal(store_begin_read(r, &e), 0);
	struct store_counts n;
	assert_int_equal(store_count(r, &n, &e), 0);
	assert_true(n.events == 0);
	write_batch(w, "", "cd");
	/* still 0 inside the snapshot; 3 after it ends */
	assert_int_equal(store_count(r, &n, &e), 0);
	assert_true(n.events == 0);
	store_rollback(r);
	assert_int_equal(store_count(r, &n, &e), 0);
	assert_true(n.events == 3 && n.cases == 1 && n.rejected == 1);
	store_close(r);
	store_close(w);
}

/*
 * A schema 9 store (schema 10 plus the events (end_ms) and cases (sop)
 * indexes) is migrated to 10: both are dropped, and the readers that used it (now over the
 * cases' spans) give the same answers, a case without a span (a row
 * another tool wrote) included.  By hand: write_batch's case A has ends
 * 7000 and 1000 and an open row started at 9000, span [1000, 9000]; B,
 * inserted by SQL with no span, has one row 15000 .. 20000.  So the
 * latest end and the latest instant are B's 20000 (found only through
 * the span-less cases), an end lies in [19000, 21000) but none in
 * [8000, 19000).  Without B's row: the latest end is A's 7000, the latest
 * instant A's open start 9000 (later than any end), an end lies in [7000,
 * 7001) and none in [7001, 100000) (A's span reaches it; its events don't).
 */
static void test_migrate_9_to_10(void **state)
{
	(void)state;
	const char *db = tmp("m9.db");
	struct mutu_store *s = NULL;
	struct mutu_err e;
	mutu_err_clear(&e);
	assert_int_equal(store_open(db, STORE_CREATE, 0, &s, &e), 0);
	write_batch(s, "", "ef");
	store_close(s);
	sql(db, "CREATE INDEX events_end ON events(end_ms); CREATE INDEX cases_sop ON cases(sop);"
		"PRAGMA user_version = 9;"
		"INSERT INTO cases (id, case_key, sop, batch_id) VALUES (2, 'B', 'sop-x', 1);"
		"INSERT INTO events (case_id, batch_id, line, activity, start_ms, end_ms, dkey) VALUES"
		" (2, 1, 9, 'x', 15000, 20000, 99);");
	assert_int_equal(q1(db, "SELECT count(*) FROM sqlite_master WHERE name IN ('events_end', 'cases_sop')"), 2);
	mutu_err_clear(&e);
	assert_int_equal(store_open(db, STORE_READ, 0, &s, &e), 0);
	assert_int_equal(q1(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(q1(db, "SELECT count(*) FROM sqlite_master WHERE name IN ('events_end', 'cases_sop')"), 0);
	int64_t ms = 0;
	int off = 0;
	assert_int_equal(store_latest_end(s, &ms, &e), 1);
	assert_true(ms == 20000);
	assert_int_equal(store_latest(s, 0, NULL, NULL, &ms, &off, &e), 1);
	assert_true(ms == 20000);
	assert_int_equal(store_latest(s, 1, "sop-x", NULL, &ms, &off, &e), 1);
	assert_true(ms == 20000);
	assert_int_equal(store_any_end_in(s, 19000, 21000, &e), 1);
	assert_int_equal(store_any_end_in(s, 8000, 19000, &e), 0);
	store_close(s);
	sql(db, "DELETE FROM events WHERE case_id = 2");
	assert_int_equal(store_open(db, STORE_READ, 0, &s, &e), 0);
	assert_int_equal(store_latest_end(s, &ms, &e), 1);
	assert_true(ms == 7000);
	assert_int_equal(store_latest(s, 0, NULL, NULL, &ms, &off, &e), 1);
	assert_true(ms == 9000);
	assert_int_equal(store_latest(s, 1, "sop-y", NULL, &ms, &off, &e), 0); /* no such SOP */
	assert_int_equal(store_any_end_in(s, 7000, 7001, &e), 1);
	assert_int_equal(store_any_end_in(s, 7001, 100000, &e), 0);
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_locations),
		cmocka_unit_test(test_writer),
		cmocka_unit_test(test_writer_case_blocks),
		cmocka_unit_test(test_migrate_3_to_4),
		cmocka_unit_test(test_migrate_6_to_7),
		cmocka_unit_test(test_period_cursor),
		cmocka_unit_test(test_snapshot),
		cmocka_unit_test(test_migrate_9_to_10),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
