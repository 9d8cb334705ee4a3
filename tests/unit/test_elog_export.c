/*
 * test_elog_export.c - elog_export: the store written as XES or CSV.  Real
 * stores (ingested from files on disk), real streams (memory streams,
 * /dev/full for a full disk), libxml2's own parser for well-formedness and
 * zlib's inflate for the gzip stream.  Expected figures are counted by hand
 * from tests/data/logs/export-kecil.csv in the comments.
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

#include <libxml/parser.h>
#include <sqlite3.h>
#include <zlib.h>

#include "mutu/elog.h"
#include "mutu/store.h"

#define KECIL "tests/data/logs/export-kecil.csv"
#define WABO "datasets/logs/wabo-receipt.csv"

static char tmpdir[256];

static int setup_dir(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/test_elog_export.XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown_dir(void **state)
{
	(void)state;
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* ingest log into a new store named name in tmpdir; returns the open store */
static struct mutu_store *store_of(const char *log, const char *name)
{
	char db[512];
	snprintf(db, sizeof db, "%s/%s", tmpdir, name);
	struct elog_opts o;
	elog_opts_init(&o);
	o.models_dir = "models";
	struct elog_result r;
	elog_result_init(&r);
	struct mutu_err err;
	mutu_err_clear(&err);
	int rc = elog_ingest(db, log, &o, &r, &err);
	if (rc)
		fprintf(stderr, "%s\n", err.msg);
	assert_int_equal(rc, 0);
	assert_int_equal(r.rejected, 0);
	elog_result_release(&r);
	struct mutu_store *h = NULL;
	assert_int_equal(store_open(db, STORE_READ, 0, &h, &err), 0);
	return h;
}

/* export into memory; returns the bytes (caller frees) */
static char *export_mem(struct mutu_store *h, const struct elog_export_opts *o, size_t *len,
			struct elog_export_result *res, int *rc, struct mutu_err *err)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	assert_non_null(f);
	mutu_err_clear(err);
	*rc = elog_export(h, o, f, res, err);
	assert_int_equal(fclose(f), 0);
	return buf;
}

static void test_format_for(void **state)
{
	(void)state;
	static const struct {
		const char *name;
		int known, fmt, gz;
	} t[] = {
		{"log.xes", 1, ELOG_EXPORT_XES, 0},   {"LOG.XES", 1, ELOG_EXPORT_XES, 0},
		{"a/b.xes.gz", 1, ELOG_EXPORT_XES, 1}, {"b.Xes.Gz", 1, ELOG_EXPORT_XES, 1},
		{"log.csv", 1, ELOG_EXPORT_CSV, 0},   {"log.txt", 0, 0, 0},
		{"xes", 0, 0, 0},                      {"log.gz", 0, 0, 0},
		{"log.csv.gz", 0, 0, 0}, /* mutu cannot read a gzip CSV back: not offered */
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		enum elog_export_format f = ELOG_EXPORT_CSV;
		int gz = -1;
		assert_int_equal(elog_export_format_for(t[i].name, &f, &gz), t[i].known);
		if (t[i].known) {
			assert_int_equal(f, t[i].fmt);
			assert_int_equal(gz, t[i].gz);
		}
	}
}

static void test_xes_counts_and_wellformed(void **state)
{
	(void)state;
	struct mutu_store *h = store_of(KECIL, "k.db");
	struct elog_export_opts o;
	elog_export_opts_init(&o);
	o.format = ELOG_EXPORT_XES;
	struct elog_export_result res;
	struct mutu_err err;
	size_t len;
	int rc;
	char *x = export_mem(h, &o, &len, &res, &rc, &err);
	assert_int_equal(rc, 0);
	/* 4 cases; 7 stored events; XES events: K-1 two start/end pairs and one
	 * open start (5), K-2 one completion (1), K-3 one pair (2), K-4 two
	 * pairs (4) = 12 */
	assert_int_equal(res.cases, 4);
	assert_int_equal(res.events, 7);
	assert_int_equal(res.entries, 12);
	assert_int_equal(res.replaced_chars, 0);
	assert_int_equal(res.skipped_attrs, 0);
	xmlDocPtr doc = xmlReadMemory(x, (int)len, "k.xes", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
	assert_non_null(doc);
	xmlFreeDoc(doc);
	/* K-2 was logged at local midnight +02:00: the offset stays */
	assert_non_null(strstr(x, "value=\"2025-06-01T00:00:00.000+02:00\""));
	/* the fraction of K-3's start (.250) survives */
	assert_non_null(strstr(x, "value=\"2025-05-05T09:00:00.250+08:00\""));
	free(x);

	/* CSV: a header and one record per stored event = 8 records; K-2's
	 * catatan holds a line end inside quotes, so 9 lines, 8 of them CRLF */
	o.format = ELOG_EXPORT_CSV;
	x = export_mem(h, &o, &len, &res, &rc, &err);
	assert_int_equal(rc, 0);
	assert_int_equal(res.entries, 7);
	size_t crlf = 0, lf = 0;
	for (size_t i = 0; i < len; i++)
		if (x[i] == '\n') {
			lf++;
			crlf += i > 0 && x[i - 1] == '\r';
		}
	assert_int_equal(lf, 9);
	assert_int_equal(crlf, 8);
	free(x);
	store_close(h);
}

static void test_gzip_is_the_same_xml(void **state)
{
	(void)state;
	struct mutu_store *h = store_of(KECIL, "g.db");
	struct elog_export_opts o;
	elog_export_opts_init(&o);
	o.format = ELOG_EXPORT_XES;
	struct elog_export_result res;
	struct mutu_err err;
	size_t plen, glen;
	int rc;
	char *plain = export_mem(h, &o, &plen, &res, &rc, &err);
	assert_int_equal(rc, 0);
	o.gzip = 1;
	char *gz = export_mem(h, &o, &glen, &res, &rc, &err);
	assert_int_equal(rc, 0);
	/* gzip magic 1f 8b, then inflate (15 + 16: gzip only) gives the plain bytes */
	assert_true(glen > 18);
	assert_int_equal((unsigned char)gz[0], 0x1f);
	assert_int_equal((unsigned char)gz[1], 0x8b);
	char *back = malloc(plen + 16);
	z_stream z;
	memset(&z, 0, sizeof z);
	assert_int_equal(inflateInit2(&z, 15 + 16), Z_OK);
	z.next_in = (unsigned char *)gz;
	z.avail_in = (uInt)glen;
	z.next_out = (unsigned char *)back;
	z.avail_out = (uInt)(plen + 16);
	assert_int_equal(inflate(&z, Z_FINISH), Z_STREAM_END);
	assert_int_equal(z.total_out, plen);
	assert_memory_equal(back, plain, plen);
	inflateEnd(&z);
	free(back);
	free(plain);
	free(gz);
	store_close(h);
}

/* a C0 control byte (0x01) is valid UTF-8 but not XML 1.0: it becomes
 * U+FFFD, counted, and the file stays well-formed */
static void test_control_bytes(void **state)
{
	(void)state;
	char log[512];
	snprintf(log, sizeof log, "%s/ctl.csv", tmpdir);
	FILE *f = fopen(log, "wb");
	assert_non_null(f);
	fputs("case_id,activity,end,catatan\nC1,A,2025-01-02T08:00:00+07:00,x\001y\n", f);
	assert_int_equal(fclose(f), 0);
	struct mutu_store *h = store_of(log, "ctl.db");
	struct elog_export_opts o;
	elog_export_opts_init(&o);
	o.format = ELOG_EXPORT_XES;
	struct elog_export_result res;
	struct mutu_err err;
	size_t len;
	int rc;
	char *x = export_mem(h, &o, &len, &res, &rc, &err);
	assert_int_equal(rc, 0);
	assert_int_equal(res.replaced_chars, 1);
	assert_non_null(strstr(x, "value=\"x\xEF\xBF\xBDy\""));
	xmlDocPtr doc = xmlReadMemory(x, (int)len, "ctl.xes", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
	assert_non_null(doc);
	xmlFreeDoc(doc);
	free(x);
	store_close(h);
}

static void test_bad_options(void **state)
{
	(void)state;
	struct mutu_store *h = store_of(KECIL, "b.db");
	struct elog_export_opts o;
	elog_export_opts_init(&o);
	struct elog_export_result res;
	struct mutu_err err;
	size_t len;
	int rc;
	static const char *const bad[] = {"2025-13-01", "2025-02-29", "25-01-01", "2025-1-1",
					  "2025-01-01x", "0000-01-01", ""};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		o.from = bad[i];
		char *x = export_mem(h, &o, &len, &res, &rc, &err);
		assert_int_equal(rc, MUTU_EINPUT);
		assert_non_null(strstr(err.msg, "--from"));
		assert_int_equal(len, 0); /* nothing written */
		free(x);
	}
	o.from = "2024-02-29"; /* a leap day is a day */
	o.to = "2024-02-28";
	char *x = export_mem(h, &o, &len, &res, &rc, &err);
	assert_int_equal(rc, MUTU_EINPUT);
	assert_non_null(strstr(err.msg, "before --from"));
	free(x);
	o.from = o.to = NULL;
	o.sop = "izin-tidak-ada";
	x = export_mem(h, &o, &len, &res, &rc, &err);
	assert_int_equal(rc, MUTU_EINPUT);
	assert_non_null(strstr(err.msg, "izin-uji")); /* names the SOPs there */
	free(x);
	store_close(h);
}

/* a full disk: the export stops with MUTU_EFAIL and says why */
static void test_full_disk(void **state)
{
	(void)state;
	FILE *f = fopen("/dev/full", "w");
	if (!f)
		skip();
	struct mutu_store *h = store_of(WABO, "w.db");
	struct elog_export_opts o;
	elog_export_opts_init(&o);
	o.format = ELOG_EXPORT_XES;
	struct elog_export_result res;
	struct mutu_err err;
	mutu_err_clear(&err);
	/* the WABO XES is megabytes: stdio's buffer fills and the write fails */
	assert_int_equal(elog_export(h, &o, f, &res, &err), MUTU_EFAIL);
	assert_non_null(strstr(err.msg, "cannot write the export"));
	/* it stopped early: far fewer than WABO's 1434 cases */
	assert_true(res.cases < 1434);
	fclose(f);
	f = fopen("/dev/full", "w");
	assert_non_null(f);
	o.gzip = 1;
	mutu_err_clear(&err);
	/* gzip: 64 KiB of compressed output (the sink's block) must fail too;
	 * the whole WABO XES compresses to ~190 KB */
	assert_int_equal(elog_export(h, &o, f, &res, &err), MUTU_EFAIL);
	fclose(f);
	store_close(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_for),
		cmocka_unit_test(test_xes_counts_and_wellformed),
		cmocka_unit_test(test_gzip_is_the_same_xml),
		cmocka_unit_test(test_control_bytes),
		cmocka_unit_test(test_bad_options),
		cmocka_unit_test(test_full_disk),
	};
	return cmocka_run_group_tests(tests, setup_dir, teardown_dir);
}
