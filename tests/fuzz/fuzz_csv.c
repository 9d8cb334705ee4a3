/*
 * fuzz_csv.c - libFuzzer harness for CSV ingestion (elog_ingest) into a
 * real, fresh SQLite store in a scratch folder (/dev/shm when there).
 *
 * The input is the log file; every row belongs to the SOP uji-sla
 * (tests/data/models/uji-sla.ini), as in the ingest tests.  Accounting is
 * the ingest's promise (elog.h) and is asserted here, abort() when broken:
 *   rows_read == events_stored + rejected + duplicates,
 * and the store holds exactly that: COUNT(*) of events == events_stored
 * and of rejected == rejected.  A refusal (MUTU_EINPUT) must leave a
 * message.
 */
#include "fuzz_util.h"

#include <sqlite3.h>

#include "mutu/elog.h"

static int64_t count(const char *db, const char *sql)
{
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	int64_t v = -1;
	if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char log[1024], db[1024], models[1024], cals[1024];
	const char *dir = fuzz_dir(0);
	fuzz_write(fuzz_path(log, dir, "log.csv"), data, size);
	fuzz_path(db, dir, "store.db");
	fuzz_remove_store(db);
	FUZZ_FMT(models, "%s/tests/data/models", FUZZ_ROOT);
	FUZZ_FMT(cals, "%s/datasets/calendars", FUZZ_ROOT);

	struct elog_opts o;
	elog_opts_init(&o);
	o.sop_id = "uji-sla";
	o.models_dir = models;
	o.calendars_dir = cals;
	struct elog_result r;
	elog_result_init(&r);
	struct mutu_err err;
	mutu_err_clear(&err);
	int rc = elog_ingest(db, log, &o, &r, &err);
	if (rc == 0) {
		if (r.rows_read != r.events_stored + r.rejected + r.duplicates)
			abort();
		if (count(db, "SELECT COUNT(*) FROM events") != (int64_t)r.events_stored ||
		    count(db, "SELECT COUNT(*) FROM rejected") != (int64_t)r.rejected)
			abort();
	} else if (!err.msg[0]) {
		abort();
	}
	elog_result_release(&r);
	fuzz_remove_store(db);
	fuzz_done();
	return 0;
}
