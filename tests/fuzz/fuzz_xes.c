/*
 * fuzz_xes.c - libFuzzer harness for XES ingestion (engine/elog_xes.c).
 *
 * Each input is written to a temporary file and ingested into a new
 * temporary SQLite store, as `mutu ingest` would.  Whatever the bytes, the
 * ingest must either refuse the file (and then leave no store behind: a
 * refused XES writes nothing) or account for every event:
 * rows_read == events_stored + rejected + duplicates, in the result and in
 * the batch row of the store.  Anything else abort()s, which libFuzzer
 * reports as a crash.  Inputs that do not look like XML or gzip still run
 * (they go to the CSV reader): the identity holds there too.
 *
 * Build (by hand; `make fuzz` picks up tests/fuzz/fuzz_*.c):
 *   make BUILD=build/fuzz CC=clang SANITIZE=fuzzer-no-link,address,undefined build/fuzz/libmutu.a
 *   clang -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude -fsanitize=fuzzer,address,undefined \
 *     tests/fuzz/fuzz_xes.c build/fuzz/libmutu.a $(pkg-config --libs gsl sqlite3 inih \
 *     libcrypto libxml-2.0 zlib) -lcsv -lpthread -lm -o build/fuzz/fuzz_xes
 *   build/fuzz/fuzz_xes tests/fuzz/corpus/xes
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "mutu/elog.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];

static void side(char *buf, size_t n, const char *name)
{
	snprintf(buf, n, "%s/%s", dir, name);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!dir[0]) {
		snprintf(dir, sizeof dir, "%s/fuzz_xes.XXXXXX",
			 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
		if (!mkdtemp(dir))
			abort();
	}
	char log[128], db[128];
	side(log, sizeof log, "in.xes");
	side(db, sizeof db, "store.db");
	FILE *f = fopen(log, "wb");
	if (!f)
		abort();
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	fuzz_remove_store(db);

	struct elog_opts o;
	elog_opts_init(&o);
	o.threads = 1;
	o.models_dir = "/nonexistent";
	struct elog_result res;
	elog_result_init(&res);
	struct mutu_err err;
	mutu_err_clear(&err);
	int rc = elog_ingest(db, log, &o, &res, &err);
	struct stat st;
	if (rc == MUTU_EINPUT && stat(db, &st) == 0) {
		/* a refused file must not leave a store (or a batch in it) */
		sqlite3 *h;
		if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
			sqlite3_stmt *s;
			int n = 0;
			if (sqlite3_prepare_v2(h, "SELECT count(*) FROM batches", -1, &s, NULL) ==
			    SQLITE_OK) {
				if (sqlite3_step(s) == SQLITE_ROW)
					n = sqlite3_column_int(s, 0);
				sqlite3_finalize(s);
			}
			sqlite3_close(h);
			if (n)
				abort();
		}
	}
	if (rc == 0 && !res.noop) {
		if (res.rows_read != res.events_stored + res.rejected + res.duplicates)
			abort();
		sqlite3 *h;
		if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
			abort();
		sqlite3_stmt *s;
		if (sqlite3_prepare_v2(h,
				       "SELECT rows_read, events_stored + rejected + duplicates,"
				       " (SELECT count(*) FROM events), (SELECT count(*) FROM rejected)"
				       " FROM batches",
				       -1, &s, NULL) != SQLITE_OK)
			abort();
		if (sqlite3_step(s) != SQLITE_ROW)
			abort();
		if (sqlite3_column_int64(s, 0) != sqlite3_column_int64(s, 1) ||
		    (uint64_t)sqlite3_column_int64(s, 2) != res.events_stored ||
		    (uint64_t)sqlite3_column_int64(s, 3) != res.rejected)
			abort();
		sqlite3_finalize(s);
		sqlite3_close(h);
	}
	elog_result_release(&res);
	fuzz_remove_store(db);
	unlink(log);
	return 0;
}
