/*
 * bench_ingest_ceiling.c - how fast can any ingest write these events?
 *
 *     bench_ingest_ceiling LOG.csv      (tests/bench/bench_ingest.sh runs it)
 *
 * The log (mutu's canonical form, as datasets/generate_log.py writes it) is
 * read and split into rows in memory first, untimed: no CSV parsing, no
 * validation, no time-stamp parsing in the timed part.  Then, timed, the
 * rows go into a new store with prepared statements bound SQLITE_STATIC, in
 * one transaction, three ways:
 *   mutu store    store_open's schema and the settings of a new store's
 *                 first batch (rollback journal, synchronous=FULL, the same
 *                 pages, a 2 MiB cache, secure_delete off), each case
 *                 inserted once with the span of its rows, events 32 at a
 *                 time by one multi-row INSERT OR IGNORE into the unique
 *                 (case_id, dkey) index, cases_span and cases_open
 *                 dropped and built after the load (no events_end or
 *                 cases_sop: schema 10), as
 *                 `mutu ingest` does with a batch larger than the store;
 *   plain, WAL    the events columns in a table without any index, WAL;
 *   plain, journal the same table in the sqlite3 shell's default rollback
 *                 journal mode (what its .import writes into).
 * Wall time includes COMMIT and close (the WAL checkpoint).  The first line
 * is the ceiling for `mutu ingest` on this machine: its writer does this
 * work plus nothing but bookkeeping.
 */
#include "mutu/base.h"
#include "mutu/elog.h"
#include "mutu/store.h"
#include "elog_int.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct row {
	const char *key, *sop, *act, *actor;
	int klen, slen, alen, rlen, step;
	int64_t start_ms, end_ms;
	int start_off, end_off;
};

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Split one CSV line in place (quotes with "" escapes; no newlines inside
 * quotes, which the generator never writes).  Returns the field count. */
static int split(char *p, char *end, char **f, int *len, int max)
{
	int n = 0;
	while (p <= end && n < max) {
		if (*p == '"') {
			char *w = ++p, *s = p;
			while (p < end && !(*p == '"' && p[1] != '"')) {
				if (*p == '"')
					p++;
				*w++ = *p++;
			}
			f[n] = s;
			len[n++] = (int)(w - s);
			p++; /* closing quote */
		} else {
			char *s = p;
			while (p < end && *p != ',')
				p++;
			f[n] = s;
			len[n++] = (int)(p - s);
		}
		p++; /* the comma */
	}
	return n;
}

static void die(sqlite3 *db, const char *what)
{
	fprintf(stderr, "bench_ingest_ceiling: %s: %s\n", what, db ? sqlite3_errmsg(db) : "");
	exit(1);
}

static void x(sqlite3 *db, const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		die(db, sql);
}

static void mutu_store(const char *path, const struct row *r, size_t n)
{
	struct mutu_err e;
	mutu_err_clear(&e);
	sqlite3 *db;
	double t0 = now();
	/* the store module makes the schema; the rows go in through a plain
	 * connection with the settings of a new store's first batch (the
	 * store is WAL once store_close has run: set back, as a new store's
	 * open leaves it) */
	struct mutu_store *st = NULL;
	if (store_open(path, STORE_CREATE, 0, &st, &e)) {
		fprintf(stderr, "%s\n", e.msg);
		exit(1);
	}
	store_close(st);
	if (sqlite3_open(path, &db) != SQLITE_OK)
		die(db, "open");
	x(db, "PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL; PRAGMA cache_size=-2048;"
	      "PRAGMA secure_delete=0");
	x(db, "BEGIN IMMEDIATE");
	x(db, "INSERT INTO batches (file, size, sha256, ingested_at) VALUES ('x', 0, '', 't')");
	int64_t batch = sqlite3_last_insert_rowid(db);
	x(db, "DROP INDEX IF EXISTS cases_span;"
	      "DROP INDEX IF EXISTS cases_open");
	sqlite3_stmt *ic, *sc, *ie, *ib;
	/* BLOCK rows per INSERT, as the store's writer (store_sqlite.c) */
	enum { BLOCK = 32, NP = 13 };
	{
		char q[BLOCK * 160 + 300];
		size_t o = (size_t)snprintf(q, sizeof q,
					    "INSERT OR IGNORE INTO events (case_id, batch_id, line, step,"
					    " activity, actor, lifecycle, start_ms, start_off, end_ms, end_off,"
					    " unknown, dkey) VALUES ");
		for (int k = 0; k < BLOCK; k++) {
			o += (size_t)snprintf(q + o, sizeof q - o, "%s(", k ? ", " : "");
			for (int c = 1; c <= NP; c++)
				o += (size_t)snprintf(q + o, sizeof q - o, c > 1 ? ", ?%d" : "?%d", NP * k + c);
			o += (size_t)snprintf(q + o, sizeof q - o, ")");
		}
		if (sqlite3_prepare_v2(db, q, -1, &ib, NULL))
			die(db, "prepare block");
	}
	int nb = 0;
	if (sqlite3_prepare_v2(db,
			       "INSERT OR IGNORE INTO cases (id, case_key, sop, batch_id, first_ms, last_ms)"
			       " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
			       -1, &ic, NULL) ||
	    sqlite3_prepare_v2(db, "SELECT id FROM cases WHERE case_key = ?1", -1, &sc, NULL) ||
	    sqlite3_prepare_v2(db,
			       "INSERT OR IGNORE INTO events (case_id, batch_id, line, step, activity, actor,"
			       " lifecycle, start_ms, start_off, end_ms, end_off, unknown, dkey)"
			       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
			       -1, &ie, NULL))
		die(db, "prepare");
	const char *last = NULL;
	int lastlen = -1;
	int64_t cid = 0, next_id = 1;
	for (size_t i = 0; i < n; i++) {
		const struct row *w = &r[i];
		if (w->klen != lastlen || memcmp(w->key, last, (size_t)lastlen) != 0) {
			/* the span of this run of the case's rows, written with it */
			int64_t lo = w->start_ms, hi = w->end_ms;
			for (size_t j = i + 1; j < n && r[j].klen == w->klen &&
					       memcmp(r[j].key, w->key, (size_t)w->klen) == 0; j++) {
				lo = r[j].start_ms < lo ? r[j].start_ms : lo;
				hi = r[j].end_ms > hi ? r[j].end_ms : hi;
			}
			sqlite3_bind_int64(ic, 1, next_id);
			sqlite3_bind_text(ic, 2, w->key, w->klen, SQLITE_STATIC);
			sqlite3_bind_text(ic, 3, w->sop, w->slen, SQLITE_STATIC);
			sqlite3_bind_int64(ic, 4, batch);
			sqlite3_bind_int64(ic, 5, lo);
			sqlite3_bind_int64(ic, 6, hi);
			if (sqlite3_step(ic) != SQLITE_DONE)
				die(db, "case");
			sqlite3_reset(ic);
			if (sqlite3_changes(db)) {
				cid = next_id++;
			} else {
				sqlite3_bind_text(sc, 1, w->key, w->klen, SQLITE_STATIC);
				if (sqlite3_step(sc) != SQLITE_ROW)
					die(db, "case lookup");
				cid = sqlite3_column_int64(sc, 0);
				sqlite3_reset(sc);
			}
			last = w->key;
			lastlen = w->klen;
		}
		/* rows of a block, the rest (n % BLOCK) one by one */
		int one = i >= n - n % BLOCK;
		sqlite3_stmt *st = one ? ie : ib;
		int k = one ? 0 : NP * nb;
		sqlite3_bind_int64(st, k + 1, cid);
		sqlite3_bind_int64(st, k + 2, batch);
		sqlite3_bind_int64(st, k + 3, (int64_t)i + 2);
		sqlite3_bind_int(st, k + 4, w->step);
		sqlite3_bind_text(st, k + 5, w->act, w->alen, SQLITE_STATIC);
		sqlite3_bind_text(st, k + 6, w->actor, w->rlen, SQLITE_STATIC);
		sqlite3_bind_null(st, k + 7);
		sqlite3_bind_int64(st, k + 8, w->start_ms);
		sqlite3_bind_int(st, k + 9, w->start_off);
		sqlite3_bind_int64(st, k + 10, w->end_ms);
		sqlite3_bind_int(st, k + 11, w->end_off);
		sqlite3_bind_int(st, k + 12, 0);
		sqlite3_bind_int64(st, k + 13,
				   (sqlite3_int64)elog_dkey(w->act, (size_t)w->alen, 1, w->start_ms, 1,
							    w->end_ms, w->actor, (size_t)w->rlen, 1));
		if (one || ++nb == BLOCK) {
			if (sqlite3_step(st) != SQLITE_DONE)
				die(db, "event");
			sqlite3_reset(st);
			nb = 0;
		}
	}
	sqlite3_finalize(ic);
	sqlite3_finalize(sc);
	sqlite3_finalize(ie);
	sqlite3_finalize(ib);
	double t1 = now();
	x(db, "CREATE INDEX cases_span ON cases(last_ms, first_ms);"
	      "CREATE INDEX cases_open ON cases(sop, last_done_step, last_ms)");
	double t2 = now();
	x(db, "COMMIT");
	sqlite3_close(db);
	double t3 = now();
	printf("  mutu store (journal, 4 idx)  %6.2f s  %9.0f rows/s   (inserts %.2f, indexes after %.2f, "
	       "commit+close %.2f)\n",
	       t3 - t0, (double)n / (t3 - t0), t1 - t0, t2 - t1, t3 - t2);
}

static void plain(const char *path, const char *mode, const struct row *r, size_t n)
{
	sqlite3 *db;
	double t0 = now();
	if (sqlite3_open(path, &db) != SQLITE_OK)
		die(db, "open");
	char sql[200];
	snprintf(sql, sizeof sql, "PRAGMA journal_mode=%s", mode);
	x(db, sql);
	if (strcmp(mode, "WAL") == 0)
		x(db, "PRAGMA synchronous=NORMAL");
	x(db, "CREATE TABLE events (case_id TEXT, sop TEXT, step INTEGER, activity TEXT, actor TEXT,"
	      " start_ms INTEGER, end_ms INTEGER)");
	x(db, "BEGIN");
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "INSERT INTO events VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", -1, &st,
			       NULL))
		die(db, "prepare");
	for (size_t i = 0; i < n; i++) {
		const struct row *w = &r[i];
		sqlite3_bind_text(st, 1, w->key, w->klen, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, w->sop, w->slen, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, w->step);
		sqlite3_bind_text(st, 4, w->act, w->alen, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, w->actor, w->rlen, SQLITE_STATIC);
		sqlite3_bind_int64(st, 6, w->start_ms);
		sqlite3_bind_int64(st, 7, w->end_ms);
		if (sqlite3_step(st) != SQLITE_DONE)
			die(db, "insert");
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	x(db, "COMMIT");
	sqlite3_close(db);
	double t1 = now();
	printf("  plain table, %-7s, no index %6.2f s  %9.0f rows/s\n", mode, t1 - t0,
	       (double)n / (t1 - t0));
}

static void rm_db(const char *p)
{
	char b[4200];
	unlink(p);
	snprintf(b, sizeof b, "%s-wal", p);
	unlink(b);
	snprintf(b, sizeof b, "%s-shm", p);
	unlink(b);
	snprintf(b, sizeof b, "%s-journal", p);
	unlink(b);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		printf("skipped: tests/bench/bench_ingest.sh runs it on its generated log\n");
		return 0;
	}
	struct mutu_err e;
	mutu_err_clear(&e);
	size_t len;
	char *buf = mutu_read_file(argv[1], &len, &e);
	if (!buf) {
		fprintf(stderr, "%s\n", e.msg);
		return 1;
	}
	size_t cap = 1024, n = 0;
	struct row *r = mutu_malloc(cap * sizeof *r);
	char *p = memchr(buf, '\n', len), *end = buf + len;
	for (p = p ? p + 1 : end; p < end;) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		char *le = nl ? nl : end;
		if (le > p && le[-1] == '\r')
			le--;
		char *f[8];
		int fl[8];
		if (split(p, le, f, fl, 8) == 7) {
			if (n == cap)
				r = mutu_realloc(r, (cap *= 2) * sizeof *r);
			struct row *w = &r[n++];
			w->key = f[0], w->klen = fl[0];
			w->sop = f[1], w->slen = fl[1];
			w->step = atoi(f[2]);
			w->act = f[3], w->alen = fl[3];
			w->actor = f[4], w->rlen = fl[4];
			if (elog_parse_time(f[5], (size_t)fl[5], NULL, 420, &w->start_ms, &w->start_off) ||
			    elog_parse_time(f[6], (size_t)fl[6], NULL, 420, &w->end_ms, &w->end_off))
				n--;
		}
		p = nl ? nl + 1 : end;
	}
	char path[4096];
	snprintf(path, sizeof path, "%s.ceiling.db", argv[1]);
	printf("ceiling: %zu rows already in memory, prepared statements, one transaction\n", n);
	rm_db(path);
	mutu_store(path, r, n);
	rm_db(path);
	plain(path, "WAL", r, n);
	rm_db(path);
	plain(path, "DELETE", r, n);
	rm_db(path);
	free(r);
	free(buf);
	return 0;
}
