/*
 * test_elog_xes.c - XES input (engine/elog_xes.c) through the library:
 * detection by content, typed values in lists and containers (the JSON
 * rules of docs/store.md), the accounting identity, and a truncated gzip
 * written with zlib.  Expected values are worked out from the rules and
 * the hand-written logs below, never copied from the program's output.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>
#include <zlib.h>

#include "mutu/elog.h"
#include "elog_int.h"

static char dir[256];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/test_elog_xes.XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static const char *path(const char *name)
{
	static char buf[4][512];
	static int k;
	k = (k + 1) % 4;
	snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
	return buf[k];
}

static void put(const char *p, const void *data, size_t n)
{
	FILE *f = fopen(p, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
}

static int sniff(const char *name, const char *data, size_t n)
{
	const char *p = path(name);
	put(p, data, n);
	int fd = open(p, O_RDONLY);
	assert_true(fd >= 0);
	int r = elog_xes_sniff(fd);
	close(fd);
	return r;
}

/* gzip magic, XML after a BOM and blanks: XES; a CSV header: not. */
static void test_sniff(void **state)
{
	(void)state;
	assert_int_equal(sniff("a.gz", "\x1f\x8b\x08\x00", 4), 1);
	const char *xml = "\xEF\xBB\xBF \n\t<?xml version=\"1.0\"?><log/>";
	assert_int_equal(sniff("b.xes", xml, strlen(xml)), 1);
	assert_int_equal(sniff("c.csv", "case_id,activity\n", 17), 0);
	assert_int_equal(sniff("d.csv", "", 0), 0);
}

static void test_type_names(void **state)
{
	(void)state;
	assert_null(elog_attr_type_name(ELOG_AT_TEXT)); /* a CSV cell: NULL in the store */
	assert_string_equal(elog_attr_type_name(ELOG_AT_DATE), "date");
	assert_string_equal(elog_attr_type_name(ELOG_AT_CONTAINER), "container");
	assert_null(elog_attr_type_name(ELOG_AT_N));
}

static char *q1(const char *db, const char *sql)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &s, NULL), SQLITE_OK);
	char *out = NULL;
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		out = strdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	sqlite3_close(h);
	return out ? out : strdup("(null)");
}

static int ingest(const char *log, const char *db, struct elog_result *res, struct mutu_err *err)
{
	struct elog_opts o;
	elog_opts_init(&o);
	o.models_dir = "/nonexistent";
	elog_result_init(res);
	mutu_err_clear(err);
	return elog_ingest(db, log, &o, res, err);
}

/*
 * JSON of nested values (type list / container in attr_types): a container is an object, a list an array of
 * one-key objects; an int/float that is a JSON number stays a number
 * ("1e3", "-0.5"), one that is not ("+5", "01", "NaN") becomes a string;
 * booleans "true"/"false" are JSON booleans, "TRUE" a string.
 */
static const char nested[] =
	"<log>\n"
	"<trace><string key=\"concept:name\" value=\"K\"/>\n"
	"<container key=\"c\"><int key=\"a\" value=\"+5\"/><int key=\"b\" value=\"01\"/>"
	"<float key=\"f\" value=\"1e3\"/><float key=\"g\" value=\"-0.5\"/><float key=\"n\" "
	"value=\"NaN\"/><boolean key=\"t\" value=\"true\"/><boolean key=\"u\" value=\"TRUE\"/>"
	"<string key=\"s\" value=\"x&quot;y\"/></container>\n"
	"<list key=\"l\"><values><list key=\"in\"><values><int key=\"i\" value=\"7\"/></values>"
	"</list><container key=\"k\"/></values></list>\n"
	"<event><string key=\"concept:name\" value=\"A\"/>"
	"<date key=\"time:timestamp\" value=\"2025-01-02T03:04:05.006+07:00\"/></event>\n"
	"</trace></log>\n";

static void test_nested_json(void **state)
{
	(void)state;
	const char *log = path("nested.xes"), *db = path("nested.db");
	put(log, nested, sizeof nested - 1);
	struct elog_result res;
	struct mutu_err err;
	assert_int_equal(ingest(log, db, &res, &err), 0);
	assert_int_equal(res.rows_read, 1);
	assert_int_equal(res.events_stored, 1);
	char *c = q1(db, "SELECT value || ' ' || (SELECT type FROM attr_types WHERE scope = 'case' "
			 "AND name = 'c') FROM case_attrs WHERE name = 'c'");
	assert_string_equal(c, "{\"a\":\"+5\",\"b\":\"01\",\"f\":1e3,\"g\":-0.5,\"n\":\"NaN\",\"t\":true,"
			       "\"u\":\"TRUE\",\"s\":\"x\\\"y\"} container");
	free(c);
	char *l = q1(db, "SELECT value || ' ' || (SELECT type FROM attr_types WHERE scope = 'case' "
			 "AND name = 'l') FROM case_attrs WHERE name = 'l'");
	assert_string_equal(l, "[{\"in\":[{\"i\":7}]},{\"k\":{}}] list");
	free(l);
	/* 2025-01-02T03:04:05.006+07:00 = 2025-01-01T20:04:05.006Z; 2025-01-01 is
	 * 1735689600 s after the epoch (55 years, 14 leap days: 20089 days) */
	char *t = q1(db, "SELECT end_ms || ' ' || end_off FROM events");
	assert_string_equal(t, "1735761845006 420");
	free(t);
	elog_result_release(&res);
}

/* A gzip stream cut in its middle: MUTU_EINPUT naming the byte where the
 * file ends, and no store left behind. */
static void test_truncated_gzip(void **state)
{
	(void)state;
	/* enough events that the compressed stream is longer than the cut */
	size_t cap = 1 << 20, n = 0;
	char *xml = malloc(cap);
	n += (size_t)snprintf(xml + n, cap - n, "<log><trace><string key=\"concept:name\" value=\"T\"/>");
	for (int i = 0; i < 2000; i++)
		n += (size_t)snprintf(xml + n, cap - n,
				      "<event><string key=\"concept:name\" value=\"step %d\"/>"
				      "<date key=\"time:timestamp\" value=\"2025-01-01T00:%02d:%02d+07:00\"/>"
				      "</event>\n",
				      i, i / 60 % 60, i % 60);
	n += (size_t)snprintf(xml + n, cap - n, "</trace></log>\n");
	uLongf zn = compressBound(n) + 64;
	unsigned char *z = malloc(zn);
	z_stream zs;
	memset(&zs, 0, sizeof zs);
	assert_int_equal(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
	zs.next_in = (Bytef *)xml;
	zs.avail_in = (uInt)n;
	zs.next_out = z;
	zs.avail_out = (uInt)zn;
	assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
	size_t full = zs.total_out;
	deflateEnd(&zs);
	const char *whole = path("whole.xes.gz"), *cut = path("cut.xes.gz");
	put(whole, z, full);
	put(cut, z, full / 2);
	struct elog_result res;
	struct mutu_err err;
	assert_int_equal(ingest(whole, path("whole.db"), &res, &err), 0);
	assert_int_equal(res.rows_read, 2000);
	assert_int_equal(res.events_stored, 2000);
	elog_result_release(&res);
	assert_int_equal(ingest(cut, path("cut.db"), &res, &err), MUTU_EINPUT);
	char want[128];
	snprintf(want, sizeof want, "truncated gzip: the compressed data ends at byte %zu", full / 2);
	assert_non_null(strstr(err.msg, want));
	struct stat st;
	assert_int_not_equal(stat(path("cut.db"), &st), 0);
	elog_result_release(&res);
	free(z);
	free(xml);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_type_names),
		cmocka_unit_test(test_nested_json),
		cmocka_unit_test(test_truncated_gzip),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
