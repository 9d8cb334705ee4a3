/*
 * fuzz_store.c - libFuzzer harness for the store's readers on a store
 * edited by another tool (DB Browser, a script, a half restore): the
 * values an ingest never writes -- an instant past year 9999, a NULL
 * where mutu wrote text, a step of 2^31, a negative schema version, a
 * dropped index -- reaching the export and the monthly report.
 * (Hardening round 4: start_ms = INT64_MAX overflowed in
 * elog_format_time; PRAGMA user_version = -1 indexed migrations[-1].)
 *
 * Raw bytes rarely make an SQLite file, so the input is SQL run against
 * a copy of a real store (tests/data/logs/uji-sla.csv ingested once, kept
 * in memory).  An authorizer lets through only reads, UPDATE, INSERT,
 * DELETE, DROP INDEX / TABLE and PRAGMA user_version: no ATTACH, no
 * VACUUM INTO, nothing outside the copy.  A progress handler stops
 * endless statements.  Then the copy is read the way `db export` and
 * `report monthly --month 2025-05` read it.  Property (abort() when
 * broken): every refusal carries a message; no crash, leak or UB.
 */
#include "fuzz_util.h"

#include <sqlite3.h>

#include "mutu/elog.h"
#include "mutu/sla.h"
#include "mutu/store.h"

static uint8_t *tmpl;
static size_t tmpl_len;

/* The template store: the ingest's file, read into memory once. */
static void make_template(void)
{
	char log[1024], db[1024], models[1024], cals[1024];
	const char *dir = fuzz_dir(0);
	FUZZ_FMT(log, "%s/tests/data/logs/uji-sla.csv", FUZZ_ROOT);
	FUZZ_FMT(models, "%s/tests/data/models", FUZZ_ROOT);
	FUZZ_FMT(cals, "%s/datasets/calendars", FUZZ_ROOT);
	fuzz_path(db, dir, "template.db");
	struct elog_opts o;
	elog_opts_init(&o);
	o.sop_id = "uji-sla";
	o.models_dir = models;
	o.calendars_dir = cals;
	struct elog_result r;
	elog_result_init(&r);
	struct mutu_err err;
	mutu_err_clear(&err);
	if (elog_ingest(db, log, &o, &r, &err))
		abort();
	elog_result_release(&r);
	FILE *f = fopen(db, "rb");
	if (!f || fseek(f, 0, SEEK_END) || (tmpl_len = (size_t)ftell(f)) == 0 || fseek(f, 0, SEEK_SET))
		abort();
	tmpl = malloc(tmpl_len);
	if (!tmpl || fread(tmpl, 1, tmpl_len, f) != tmpl_len)
		abort();
	fclose(f);
	fuzz_remove_store(db);
}

static int allow(void *ctx, int action, const char *a, const char *b, const char *c, const char *d)
{
	(void)ctx;
	(void)b;
	(void)c;
	(void)d;
	switch (action) {
	case SQLITE_SELECT:
	case SQLITE_READ:
	case SQLITE_UPDATE:
	case SQLITE_INSERT:
	case SQLITE_DELETE:
	case SQLITE_FUNCTION:
	case SQLITE_TRANSACTION:
	case SQLITE_RECURSIVE:
	case SQLITE_DROP_INDEX:
	case SQLITE_DROP_TABLE:
		return SQLITE_OK;
	case SQLITE_PRAGMA:
		return a && strcmp(a, "user_version") == 0 ? SQLITE_OK : SQLITE_DENY;
	default:
		return SQLITE_DENY;
	}
}

static int stop_long(void *ctx)
{
	return ++*(long *)ctx > 2000; /* x 1000 VM steps */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4096)
		return 0;
	if (!tmpl)
		make_template();
	char db[1024], models[1024], cals[1024];
	const char *dir = fuzz_dir(0);
	fuzz_path(db, dir, "edited.db");
	fuzz_remove_store(db);
	fuzz_write(db, tmpl, tmpl_len);
	FUZZ_FMT(models, "%s/tests/data/models", FUZZ_ROOT);
	FUZZ_FMT(cals, "%s/datasets/calendars", FUZZ_ROOT);

	/* the edit */
	char *sql = malloc(size + 1);
	if (!sql)
		abort();
	memcpy(sql, data, size);
	sql[size] = '\0';
	sqlite3 *h = NULL;
	if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		abort();
	long steps = 0;
	sqlite3_set_authorizer(h, allow, NULL);
	sqlite3_progress_handler(h, 1000, stop_long, &steps);
	(void)sqlite3_exec(h, sql, NULL, NULL, NULL);
	sqlite3_close(h);
	free(sql);

	/* the readers: export (CSV, then XES) and the monthly report */
	struct mutu_err err;
	mutu_err_clear(&err);
	struct mutu_store *s = NULL;
	if (store_open(db, STORE_READ, -1, &s, &err)) {
		if (!err.msg[0])
			abort();
	} else {
		for (int k = 0; k < 2; k++) {
			FILE *out = fopen("/dev/null", "wb");
			if (!out)
				abort();
			struct elog_export_opts eo;
			elog_export_opts_init(&eo);
			eo.format = k ? ELOG_EXPORT_XES : ELOG_EXPORT_CSV;
			struct elog_export_result er;
			mutu_err_clear(&err);
			if (elog_export(s, &eo, out, &er, &err) && !err.msg[0])
				abort();
			fclose(out);
		}
		struct sla_opts so;
		sla_opts_init(&so);
		so.models_dir = models;
		so.calendars_dir = cals;
		struct sla_env *env = sla_env_create(&so);
		struct sla_month *m = NULL;
		mutu_err_clear(&err);
		if (store_begin_read(s, &err) == 0) {
			if (sla_month_run_range(s, env, 2025, 5, 1, NULL, &m, &err) && !err.msg[0])
				abort();
			store_rollback(s);
		}
		sla_month_free(m);
		sla_env_free(env);
		store_close(s);
	}
	fuzz_remove_store(db);
	fuzz_done();
	return 0;
}
