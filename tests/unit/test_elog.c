/*
 * test_elog.c - event-log ingestion: time stamps, zones, SHA-256, store
 * migrations, and whole ingests of the real sample logs in datasets/logs.
 * Expected values are worked out by hand in the comments (days since
 * 1970-01-01 counted as 365 per year plus leap days), or are the figures
 * published with the log (WABO README), never the program's own output.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "mutu/elog.h"
#include "mutu/store.h"

#define WABO "datasets/logs/wabo-receipt.csv"
#define DEFECTS "datasets/logs/banjarbaru-sicantik-defects.csv"
#define MAP "datasets/logs/sicantik-map.csv"

/* ------------------------------------------------------------ helpers */

static char tmpdir[256];

static int setup_dir(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/test_elog.XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown_dir(void **state)
{
	(void)state;
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static const char *tmp(const char *name)
{
	static char buf[4][512];
	static int k;
	k = (k + 1) % 4;
	snprintf(buf[k], sizeof buf[k], "%s/%s", tmpdir, name);
	return buf[k];
}

static void write_file(const char *path, const char *text, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, n, f), n);
	fclose(f);
}

static void rm_db(const char *path)
{
	char p[600];
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

static int64_t q1(const char *db, const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	int64_t v = -1;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

static int ingest(const char *db, const char *log, struct elog_opts *o, struct elog_result *r,
		  struct mutu_err *e)
{
	elog_result_init(r);
	mutu_err_clear(e);
	if (!o->models_dir)
		o->models_dir = "models";
	if (!o->calendars_dir)
		o->calendars_dir = "datasets/calendars";
	return elog_ingest(db, log, o, r, e);
}

/* ------------------------------------------------------------ time stamps */

struct tcase {
	const char *text, *fmt;
	int def_off;
	int rc;
	int64_t ms;
	int off;
};

static void test_parse_time(void **state)
{
	(void)state;
	/* 2025-01-01 is day 20089: 55 years * 365 + 14 leap days (1972..2024).
	 * 2011-10-11 is day 15258: 41 * 365 + 10 leap days + 273 (Jan-Sep) + 10. */
	static const struct tcase cases[] = {
		/* 07:30+08:00 on Jan 2 = Jan 1 23:30Z: (20089*86400 + 84600) s */
		{"2025-01-02T07:30:00+08:00", NULL, ELOG_NO_ZONE, ELOG_TS_OK, 1735774200000LL, 480},
		/* 07:30Z on Jan 2: (20090*86400 + 27000) s */
		{"2025-01-02 07:30Z", NULL, ELOG_NO_ZONE, ELOG_TS_OK, 1735803000000LL, 0},
		{"2025-01-02T07:30+0800", NULL, ELOG_NO_ZONE, ELOG_TS_OK, 1735774200000LL, 480},
		/* WABO: 13:45:40.276+02:00 = 11:45:40.276Z, 15258*86400 + 42340 s */
		{"2011-10-11 13:45:40.276000+02:00", NULL, ELOG_NO_ZONE, ELOG_TS_OK, 1318333540276LL, 120},
		/* local, read in WITA: 2025-01-02 07:30 +08:00 as above */
		{"2025-01-02 07:30:00", NULL, 480, ELOG_TS_OK, 1735774200000LL, 480},
		/* date only = local midnight: 2025-03-03 is day 20089+31+28+2 = 20150; minus 8 h */
		{"2025-03-03", NULL, 480, ELOG_TS_OK, 1740931200000LL, 480},
		{"2025-01-02 07:30", NULL, ELOG_NO_ZONE, ELOG_TS_NOZONE, 0, 0},
		{"2025-02-29 10:00+07:00", NULL, 420, ELOG_TS_BAD, 0, 0}, /* 2025 is not leap */
		{"2024-02-29 10:00+07:00", NULL, 420, ELOG_TS_OK,
		 /* 2024-02-29 = day 20089-366+31+28 = 19782; 03:00Z */ 19782LL * 86400000 + 10800000, 420},
		{"2025-13-01", NULL, 480, ELOG_TS_BAD, 0, 0},
		{"2025-01-02T25:00", NULL, 480, ELOG_TS_BAD, 0, 0},
		{"31/13/2025 10:00", NULL, 480, ELOG_TS_BAD, 0, 0},
		{"01/02/2025 08:00", NULL, 480, ELOG_TS_BAD, 0, 0},
		{"2025-01-02T07:30:00+08:00x", NULL, 480, ELOG_TS_BAD, 0, 0},
		{"", NULL, 480, ELOG_TS_BAD, 0, 0},
		/* explicit day-first: 1 Feb 2025 08:00 WIB = 01:00Z, day 20089+31 = 20120 */
		{"01/02/2025 08:00", "%d/%m/%Y %H:%M", 420, ELOG_TS_OK, 1738371600000LL, 420},
		/* the same with month first: 2 Jan 2025 08:00 WIB = 01:00Z on day 20090 */
		{"01/02/2025 08:00", "%m/%d/%Y %H:%M", 420, ELOG_TS_OK, 1735779600000LL, 420},
		/* date only against a date-time format */
		{"1/2/2025", "%d/%m/%Y %H:%M", 420, ELOG_TS_OK, 1738342800000LL, 420},
		{"31/13/2025 10:00", "%d/%m/%Y %H:%M", 420, ELOG_TS_BAD, 0, 0},
		/* QA defect 4: offsets in use run from -12:00 to +14:00.
		 * 07:30+14:00 on Jan 2 = Jan 1 17:30Z: 20089 days + 63000 s */
		{"2025-01-02T07:30+14:00", NULL, ELOG_NO_ZONE, ELOG_TS_OK,
		 20089LL * 86400000 + 63000000, 840},
		/* 07:30-12:00 on Jan 2 = Jan 2 19:30Z: 20090 days + 70200 s */
		{"2025-01-02T07:30-12:00", NULL, ELOG_NO_ZONE, ELOG_TS_OK,
		 20090LL * 86400000 + 70200000, -720},
		{"2025-01-02T07:30+14:30", NULL, ELOG_NO_ZONE, ELOG_TS_BAD, 0, 0},
		{"2025-01-02T07:30+15:00", NULL, ELOG_NO_ZONE, ELOG_TS_BAD, 0, 0},
		{"2025-01-02T07:30-12:30", NULL, ELOG_NO_ZONE, ELOG_TS_BAD, 0, 0},
		/* ISO 8601 basic format.  2025-05-05 is day 20089 + 31+28+31+30 + 4 = 20213. */
		{"20250505T100000Z", NULL, ELOG_NO_ZONE, ELOG_TS_OK, 20213LL * 86400000 + 36000000, 0},
		/* 10:00+07:00 = 03:00Z */
		{"20250505T1000+0700", NULL, ELOG_NO_ZONE, ELOG_TS_OK, 20213LL * 86400000 + 10800000,
		 420},
		/* 10:00:00.250+08 = 02:00:00.250Z */
		{"20250505T100000.250+08", NULL, ELOG_NO_ZONE, ELOG_TS_OK,
		 20213LL * 86400000 + 7200250, 480},
		/* date only, local WITA midnight = 16:00Z the day before */
		{"20250505", NULL, 480, ELOG_TS_OK, 20213LL * 86400000 - 28800000, 480},
		{"20250505T100000", NULL, ELOG_NO_ZONE, ELOG_TS_NOZONE, 0, 0},
		/* basic and extended parts are not mixed; a bad basic date is bad */
		{"20250505T10:00:00Z", NULL, 480, ELOG_TS_BAD, 0, 0},
		{"20251305T100000Z", NULL, 480, ELOG_TS_BAD, 0, 0},
		{"2025055T1000Z", NULL, 480, ELOG_TS_BAD, 0, 0},
		{"20250505T100000+1430", NULL, 480, ELOG_TS_BAD, 0, 0},
		/* the part of the day after a 12-hour clock (field round 13).
		 * 2025-08-11 is day 20089 + 212 + 10 = 20311; 00:00 WIB = the
		 * day before 17:00Z: 20311 days - 25200 s.  01.00 siang = 13:00
		 * (+46800 s), 08.00 pagi (+28800), 03.15 sore = 15:15 (+54900),
		 * 07.30 malam = 19:30 (+70200), a 24-hour hour kept: 13.00
		 * siang; an hour outside the word is bad: 12.15 malam, 01.00
		 * malam, 14.00 pagi; no clock before it: no stamp */
		{"11 Agustus 2025 01.00 siang", NULL, 420, ELOG_TS_OK,
		 20311LL * 86400000 - 25200000 + 46800000, 420},
		{"Senin, 11 Agustus 2025 08.00 Pagi", NULL, 420, ELOG_TS_OK,
		 20311LL * 86400000 - 25200000 + 28800000, 420},
		{"11/08/2025 03.15 sore", "%d/%m/%Y %H.%M", 420, ELOG_TS_OK,
		 20311LL * 86400000 - 25200000 + 54900000, 420},
		{"2025-08-11 07.30 malam", NULL, 420, ELOG_TS_OK,
		 20311LL * 86400000 - 25200000 + 70200000, 420},
		{"2025-08-11 13.00 siang", NULL, 420, ELOG_TS_OK,
		 20311LL * 86400000 - 25200000 + 46800000, 420},
		{"2025-08-11 12.15 malam", NULL, 420, ELOG_TS_BAD, 0, 0},
		{"2025-08-11 01.00 malam", NULL, 420, ELOG_TS_BAD, 0, 0},
		{"2025-08-11 14.00 pagi", NULL, 420, ELOG_TS_BAD, 0, 0},
		{"11 Agustus 2025 pagi", NULL, 420, ELOG_TS_BAD, 0, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct tcase *c = &cases[i];
		int64_t ms = -1;
		int off = -1;
		int rc = elog_parse_time(c->text, strlen(c->text), c->fmt, c->def_off, &ms, &off);
		if (rc != c->rc)
			fail_msg("'%s': rc %d, expected %d", c->text, rc, c->rc);
		if (rc == ELOG_TS_OK && (ms != c->ms || off != c->off))
			fail_msg("'%s': %lld %+d, expected %lld %+d", c->text, (long long)ms, off,
				 (long long)c->ms, c->off);
	}
}

/*
 * The forms elog_parse_time_ex reads by position (parse_iso_fixed, issue
 * 14: YYYY-MM-DD, 'T' or ' ', HH:MM:SS, then +HH:MM, Z or nothing) and
 * their near misses, which the general reader takes or refuses as
 * before.  2025-01-02 is day 20090 (test_parse_time); D = 20090 days in ms.
 */
static void test_parse_time_fixed(void **state)
{
	(void)state;
	const int64_t D = 20090LL * 86400000;
	static const char bad_byte[] = "2025-01-02T07:3\xd9:15Z";
	const struct tcase cases[] = {
		/* 07:30:15Z = 27015 s */
		{"2025-01-02T07:30:15Z", NULL, ELOG_NO_ZONE, ELOG_TS_OK, D + 27015000, 0},
		/* blanks around are not the stamp's */
		{"  2025-01-02T07:30:15Z ", NULL, ELOG_NO_ZONE, ELOG_TS_OK, D + 27015000, 0},
		/* local at +07:00: 00:30:15Z = 1815 s */
		{"2025-01-02 07:30:15", NULL, 420, ELOG_TS_OK, D + 1815000, 420},
		{"2025-01-02 07:30:15", NULL, ELOG_NO_ZONE, ELOG_TS_NOZONE, 0, 0},
		/* 07:30:15-03:30 = 11:00:15Z = 39615 s */
		{"2025-01-02T07:30:15-03:30", NULL, ELOG_NO_ZONE, ELOG_TS_OK, D + 39615000, -210},
		/* 24:00 is the day's end: Jan 3 00:00+07:00 = Jan 2 17:00Z = 61200 s */
		{"2025-01-02T24:00:00+07:00", NULL, ELOG_NO_ZONE, ELOG_TS_OK, D + 61200000, 420},
		/* not the fixed forms, read by the general path: a lower-case t,
		 * +HHMM (07:30:15+08 = Jan 1 23:30:15Z = D - 1785 s), a slash
		 * date, a zone name (WIB = +07:00) */
		{"2025-01-02t07:30:15Z", NULL, ELOG_NO_ZONE, ELOG_TS_OK, D + 27015000, 0},
		{"2025-01-02T07:30:15+0800", NULL, ELOG_NO_ZONE, ELOG_TS_OK, D - 1785000, 480},
		{"2025/01/02 07:30:15", NULL, 420, ELOG_TS_OK, D + 1815000, 420},
		{"2025-01-02 07:30:15 WIB", NULL, ELOG_NO_ZONE, ELOG_TS_OK, D + 1815000, 420},
		/* refused by both: no zone at +15:00, minute 60 of an offset, Feb
		 * 29 of 2025, one seconds digit, a byte >= 0x80 in a digit's place */
		{"2025-01-02T07:30:15+15:00", NULL, 420, ELOG_TS_BAD, 0, 0},
		{"2025-01-02T07:30:15+07:60", NULL, 420, ELOG_TS_BAD, 0, 0},
		{"2025-02-29T07:30:15Z", NULL, 420, ELOG_TS_BAD, 0, 0},
		{"2025-01-02T07:30:1Z", NULL, 420, ELOG_TS_BAD, 0, 0},
		{bad_byte, NULL, 420, ELOG_TS_BAD, 0, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct tcase *c = &cases[i];
		int64_t ms = -1;
		int off = -1, leap = -1;
		int rc = elog_parse_time_ex(c->text, strlen(c->text), c->fmt, c->def_off, &ms, &off,
					    &leap);
		if (rc != c->rc || leap != 0)
			fail_msg("'%s': rc %d leap %d, expected %d leap 0", c->text, rc, leap, c->rc);
		if (rc == ELOG_TS_OK && (ms != c->ms || off != c->off))
			fail_msg("'%s': %lld %+d, expected %lld %+d", c->text, (long long)ms, off,
				 (long long)c->ms, c->off);
	}
}

/*
 * Second 60 (a leap second, or an exporter's rounding) is read as second
 * 59 of the same minute and flagged; 61 is no second at all.  Expected
 * values: 2016-12-31 is day 17166 (46 * 365 + 11 leap days 1972..2012 +
 * 365 days of 2016 before Dec 31: 16790 + 11 + 365 = 17166); the real leap
 * second 2016-12-31T23:59:60Z then reads as 17166 days + 86399 s.
 * 2025-03-03 is day 20089 + 31 + 28 + 2 = 20150; 08:00:60+07:00 reads as
 * 01:00:59Z = 20150 days + 3659 s.
 */
static void test_leap_second(void **state)
{
	(void)state;
	static const struct {
		const char *text, *fmt;
		int rc, leap;
		int64_t ms;
	} cases[] = {
		{"2016-12-31T23:59:60Z", NULL, ELOG_TS_OK, 1, 17166LL * 86400000 + 86399000},
		{"2016-12-31T23:59:60.500Z", NULL, ELOG_TS_OK, 1, 17166LL * 86400000 + 86399500},
		{"2025-03-03 08:00:60+07:00", NULL, ELOG_TS_OK, 1, 20150LL * 86400000 + 3659000},
		{"20250303T080060+0700", NULL, ELOG_TS_OK, 1, 20150LL * 86400000 + 3659000},
		{"03/03/2025 08:00:60", "%d/%m/%Y %H:%M:%S", ELOG_TS_OK, 1,
		 20150LL * 86400000 + 3659000},
		{"2025-03-03 08:00:59+07:00", NULL, ELOG_TS_OK, 0, 20150LL * 86400000 + 3659000},
		{"2025-03-03 08:00:61+07:00", NULL, ELOG_TS_BAD, 0, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t ms = -1;
		int off = -1, leap = -1;
		int rc = elog_parse_time_ex(cases[i].text, strlen(cases[i].text), cases[i].fmt, 420,
					    &ms, &off, &leap);
		if (rc != cases[i].rc || leap != cases[i].leap ||
		    (rc == ELOG_TS_OK && ms != cases[i].ms))
			fail_msg("'%s': rc %d leap %d ms %lld, expected rc %d leap %d ms %lld",
				 cases[i].text, rc, leap, (long long)ms, cases[i].rc, cases[i].leap,
				 (long long)cases[i].ms);
	}
	/* the plain parser folds the same way (its callers never see 60) */
	int64_t ms;
	int off;
	assert_int_equal(elog_parse_time("2025-03-03 08:00:60+07:00", 25, NULL, 420, &ms, &off),
			 ELOG_TS_OK);
	assert_int_equal(ms, 20150LL * 86400000 + 3659000);
}

static void test_date_order_tz_format(void **state)
{
	(void)state;
	assert_int_equal(elog_date_order_needed("01/02/2025", 10), 1);
	assert_int_equal(elog_date_order_needed("31/01/2025 10:00", 16), 2);
	/* 13 can only be a day: month first; 32/13 reads neither way */
	assert_int_equal(elog_date_order_needed("01/13/2025", 10), 3);
	assert_int_equal(elog_date_order_needed("13/13/2025", 10), 4);
	assert_int_equal(elog_date_order_needed("32/01/2025", 10), 4);
	assert_int_equal(elog_date_order_needed("2025-01-02", 10), 0);
	int off = 0;
	assert_int_equal(elog_parse_tz("WITA", &off), 0);
	assert_int_equal(off, 480);
	assert_int_equal(elog_parse_tz("wib", &off), 0);
	assert_int_equal(off, 420);
	assert_int_equal(elog_parse_tz("Asia/Jayapura", &off), 0);
	assert_int_equal(off, 540);
	assert_int_equal(elog_parse_tz("+07:00", &off), 0);
	assert_int_equal(off, 420);
	assert_int_equal(elog_parse_tz("-0330", &off), 0);
	assert_int_equal(off, -210);
	assert_int_equal(elog_parse_tz("+14:30", &off), MUTU_EINPUT); /* QA defect 4 */
	assert_int_equal(elog_parse_tz("+8", &off), 0);
	assert_int_equal(off, 480);
	assert_int_equal(elog_parse_tz("Mars/Olympus", &off), MUTU_EINPUT);
	char buf[64];
	elog_format_time(1318333540276LL, 120, buf, sizeof buf);
	assert_string_equal(buf, "2011-10-11T13:45:40.276+02:00");
	elog_format_time(1735774200000LL, 480, buf, sizeof buf);
	assert_string_equal(buf, "2025-01-02T07:30:00+08:00");
}

static void test_sha256(void **state)
{
	(void)state;
	char hex[65];
	/* FIPS 180-2, appendix B.1 and B.2 */
	elog_sha256_buf("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	elog_sha256_buf(m, strlen(m), hex);
	assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	write_file(tmp("abc.txt"), "abc", 3);
	uint64_t size = 0;
	struct mutu_err e;
	mutu_err_clear(&e);
	assert_int_equal(elog_sha256_file(tmp("abc.txt"), hex, &size, &e), 0);
	assert_int_equal(size, 3);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

/* ------------------------------------------------------------ store */

static void test_store_migrates_v1(void **state)
{
	(void)state;
	const char *db = tmp("v1.db");
	rm_db(db);
	/* a store as schema version 1 (docs/store.md, first version) wrote it */
	sqlite3 *h;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	const char *v1 =
		"CREATE TABLE batches (id INTEGER PRIMARY KEY, file TEXT NOT NULL, size INTEGER NOT NULL,"
		" sha256 TEXT NOT NULL, ingested_at TEXT NOT NULL, sop TEXT, options TEXT,"
		" rows_read INTEGER NOT NULL DEFAULT 0, events_stored INTEGER NOT NULL DEFAULT 0,"
		" rejected INTEGER NOT NULL DEFAULT 0, duplicates INTEGER NOT NULL DEFAULT 0,"
		" unknown_activities INTEGER NOT NULL DEFAULT 0, dropped_columns TEXT);"
		"CREATE TABLE cases (id INTEGER PRIMARY KEY, case_key TEXT NOT NULL UNIQUE, sop TEXT,"
		" batch_id INTEGER NOT NULL);"
		"CREATE TABLE events (id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL,"
		" batch_id INTEGER NOT NULL, line INTEGER NOT NULL, step INTEGER, activity TEXT NOT NULL,"
		" actor TEXT, lifecycle TEXT, start_ms INTEGER, start_off INTEGER, end_ms INTEGER,"
		" end_off INTEGER, unknown INTEGER NOT NULL DEFAULT 0);"
		"CREATE TABLE case_attrs (case_id INTEGER NOT NULL, name TEXT NOT NULL, value TEXT,"
		" PRIMARY KEY (case_id, name));"
		"CREATE TABLE event_attrs (event_id INTEGER NOT NULL, name TEXT NOT NULL, value TEXT,"
		" PRIMARY KEY (event_id, name));"
		"CREATE TABLE rejected (id INTEGER PRIMARY KEY, batch_id INTEGER NOT NULL,"
		" line INTEGER NOT NULL, raw TEXT NOT NULL, reason TEXT NOT NULL);"
		"CREATE INDEX events_case_end ON events(case_id, end_ms);"
		"CREATE INDEX events_end ON events(end_ms);"
		"CREATE INDEX events_step ON events(step);"
		"CREATE INDEX cases_sop ON cases(sop);"
		"CREATE UNIQUE INDEX events_dedup_v1 ON events(case_id, activity,"
		" ifnull(start_ms, ''), ifnull(end_ms, ''), ifnull(actor, ''));"
		"CREATE INDEX rejected_batch ON rejected(batch_id, line);"
		"INSERT INTO batches (id, file, size, sha256, ingested_at) VALUES (1, 'a.csv', 1, 'x', 't');"
		"INSERT INTO cases VALUES (1, 'K1', NULL, 1);"
		"INSERT INTO events (case_id, batch_id, line, activity, actor, end_ms) VALUES"
		" (1, 1, 2, 'A', 'r', 1000), (1, 1, 3, 'B', NULL, 2000);"
		"PRAGMA user_version = 1;";
	assert_int_equal(sqlite3_exec(h, v1, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);

	struct mutu_store *s = NULL;
	struct mutu_err e;
	mutu_err_clear(&e);
	assert_int_equal(store_open(db, STORE_READ, 0, &s, &e), 0);
	store_close(s);
	assert_int_equal(q1(db, "PRAGMA user_version"), ELOG_SCHEMA_VERSION);
	assert_int_equal(q1(db, "SELECT count(*) FROM events WHERE dkey IS NOT NULL"), 2);
	assert_int_equal(q1(db, "SELECT count(*) FROM sqlite_master WHERE name = 'events_dedup'"), 1);
	assert_int_equal(q1(db, "SELECT count(*) FROM sqlite_master WHERE name = 'events_dedup_v1'"), 0);
	/* the two old rows survive */
	assert_int_equal(q1(db, "SELECT count(*) FROM events"), 2);
}

static void test_store_refuses_foreign_files(void **state)
{
	(void)state;
	struct mutu_store *s = NULL;
	struct mutu_err e;
	/* an SQLite file of someone else's */
	const char *db = tmp("other.db");
	rm_db(db);
	sqlite3 *h;
	sqlite3_open(db, &h);
	sqlite3_exec(h, "CREATE TABLE t(x)", NULL, NULL, NULL);
	sqlite3_close(h);
	mutu_err_clear(&e);
	assert_int_equal(store_open(db, STORE_CREATE, 0, &s, &e), MUTU_EINPUT);
	assert_non_null(strstr(e.msg, "not a mutu store"));
	/* a text file */
	write_file(tmp("text.db"), "hello, world\n", 13);
	mutu_err_clear(&e);
	assert_int_equal(store_open(tmp("text.db"), STORE_CREATE, 0, &s, &e), MUTU_EINPUT);
	/* a store from a newer mutu */
	db = tmp("newer.db");
	rm_db(db);
	sqlite3_open(db, &h);
	sqlite3_exec(h, "PRAGMA user_version = 99", NULL, NULL, NULL);
	sqlite3_close(h);
	mutu_err_clear(&e);
	assert_int_equal(store_open(db, STORE_CREATE, 0, &s, &e), MUTU_EINPUT);
	assert_non_null(strstr(e.msg, "newer"));
	/* missing, without create */
	mutu_err_clear(&e);
	assert_int_equal(store_open(tmp("missing.db"), STORE_READ, 0, &s, &e), MUTU_ENOTFOUND);
}

/* ------------------------------------------------------------ ingest */

static void assert_invariant(const char *db)
{
	/* rows read == stored + rejected + duplicates, for every batch, and the
	 * tables agree with the batch counts */
	assert_int_equal(q1(db, "SELECT count(*) FROM batches WHERE rows_read <> events_stored + "
				"rejected + duplicates"),
			 0);
	assert_int_equal(q1(db, "SELECT count(*) FROM batches b WHERE superseded_by IS NULL AND "
				"events_stored <> (SELECT count(*) FROM events e WHERE e.batch_id = b.id)"),
			 0);
	assert_int_equal(q1(db, "SELECT count(*) FROM batches b WHERE superseded_by IS NULL AND "
				"rejected <> (SELECT count(*) FROM rejected r WHERE r.batch_id = b.id)"),
			 0);
}

static void test_wabo(void **state)
{
	(void)state;
	const char *db = tmp("wabo.db");
	rm_db(db);
	struct elog_opts o;
	struct elog_result r;
	struct mutu_err e;
	elog_opts_init(&o);
	assert_int_equal(ingest(db, WABO, &o, &r, &e), 0);
	/* the figures of the log's README: 1434 cases, 8577 events, 27 activities, 48 resources */
	assert_int_equal(r.rows_read, 8577);
	assert_int_equal(r.events_stored, 8577);
	assert_int_equal(r.rejected, 0);
	assert_int_equal(r.duplicates, 0);
	assert_int_equal(r.cases_new, 1434);
	elog_result_release(&r);
	assert_int_equal(q1(db, "SELECT count(*) FROM cases"), 1434);
	assert_int_equal(q1(db, "SELECT count(*) FROM events"), 8577);
	assert_int_equal(q1(db, "SELECT count(DISTINCT activity) FROM events"), 27);
	assert_int_equal(q1(db, "SELECT count(DISTINCT actor) FROM events"), 48);
	/* completion-only: no start, every end set, offsets +60 or +120 (CET/CEST) */
	assert_int_equal(q1(db, "SELECT count(*) FROM events WHERE start_ms IS NOT NULL"), 0);
	assert_int_equal(q1(db, "SELECT count(*) FROM events WHERE end_off NOT IN (60, 120)"), 0);
	/* first row of the file: case-10011, 2011-10-11 13:45:40.276+02:00 (see test_parse_time) */
	assert_int_equal(q1(db, "SELECT end_ms FROM events WHERE line = 2"), 1318333540276LL);
	assert_int_equal(q1(db, "SELECT count(*) FROM case_attrs WHERE name = 'deadline'"), 1434);
	assert_int_equal(q1(db, "SELECT count(*) FROM event_attrs WHERE name = 'concept:instance'"),
			 8577);
	assert_invariant(db);
	{
		/* a new store has no batch of this size, so the ingest hashed the
		 * blocks as it parsed them: the batch row must hold the same
		 * SHA-256 and size as a separate read of the whole file */
		char hex[65], sql[256];
		uint64_t size = 0;
		struct mutu_err he;
		mutu_err_clear(&he);
		assert_int_equal(elog_sha256_file(WABO, hex, &size, &he), 0);
		snprintf(sql, sizeof sql,
			 "SELECT count(*) FROM batches WHERE id = 1 AND sha256 = '%s' AND size = %llu",
			 hex, (unsigned long long)size);
		assert_int_equal(q1(db, sql), 1);
	}

	/* the same file again: a no-op that names the batch */
	assert_int_equal(ingest(db, WABO, &o, &r, &e), 0);
	assert_true(r.noop);
	assert_int_equal(r.batch_id, 1);
	elog_result_release(&r);
	assert_int_equal(q1(db, "SELECT count(*) FROM batches"), 1);

	/* --force: a new batch replaces the first; nothing doubles */
	o.force = 1;
	assert_int_equal(ingest(db, WABO, &o, &r, &e), 0);
	assert_false(r.noop);
	assert_int_equal(r.batch_id, 2);
	assert_int_equal(r.events_stored, 8577);
	assert_int_equal(r.superseded_events, 8577);
	elog_result_release(&r);
	assert_int_equal(q1(db, "SELECT count(*) FROM events"), 8577);
	assert_int_equal(q1(db, "SELECT superseded_by FROM batches WHERE id = 1"), 2);
	assert_int_equal(q1(db, "SELECT count(*) FROM event_attrs"), 2 * 8577);
	assert_invariant(db);
	sqlite3 *h;
	sqlite3_stmt *st;
	sqlite3_open(db, &h);
	sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, NULL);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "ok");
	sqlite3_finalize(st);
	sqlite3_close(h);
}

/* Two monthly exports that overlap: the shared rows are counted once. */
static void test_overlapping_exports(void **state)
{
	(void)state;
	size_t len;
	struct mutu_err e;
	mutu_err_clear(&e);
	char *all = mutu_read_file(WABO, &len, &e);
	assert_non_null(all);
	/* line starts: header + 8577 rows */
	size_t *start = calloc(8580, sizeof *start);
	size_t n = 0;
	start[n++] = 0;
	for (size_t i = 0; i < len; i++)
		if (all[i] == '\n' && i + 1 < len)
			start[n++] = i + 1;
	assert_int_equal(n, 8578);
	start[n] = len;
	size_t hdr = start[1];
	/* A = rows 1..6000, B = header + rows 4001..8577: 2000 rows in both */
	FILE *f = fopen(tmp("a.csv"), "wb");
	fwrite(all, 1, start[6001], f);
	fclose(f);
	f = fopen(tmp("b.csv"), "wb");
	fwrite(all, 1, hdr, f);
	fwrite(all + start[4001], 1, len - start[4001], f);
	fclose(f);
	free(start);
	free(all);
	const char *db = tmp("overlap.db");
	rm_db(db);
	struct elog_opts o;
	struct elog_result r;
	elog_opts_init(&o);
	assert_int_equal(ingest(db, tmp("a.csv"), &o, &r, &e), 0);
	assert_int_equal(r.events_stored, 6000);
	elog_result_release(&r);
	assert_int_equal(ingest(db, tmp("b.csv"), &o, &r, &e), 0);
	assert_int_equal(r.rows_read, 8577 - 4000);
	assert_int_equal(r.duplicates, 2000);
	assert_int_equal(r.events_stored, 8577 - 6000);
	elog_result_release(&r);
	assert_int_equal(q1(db, "SELECT count(*) FROM events"), 8577);
	assert_int_equal(q1(db, "SELECT count(*) FROM cases"), 1434);
	assert_invariant(db);
}

/*
 * The no-op check: the ingest hashes the file first only when the store has
 * a live batch of the same size, otherwise while parsing.  Two different
 * files of equal size (27 bytes each) must both load; a byte-identical copy
 * under another name must be the no-op naming the first batch.
 */
static void test_same_size_files(void **state)
{
	(void)state;
	static const char x[] = "case_id,activity,end\nK1,A,2025-01-02T08:00:00Z\n";
	static const char y[] = "case_id,activity,end\nK2,A,2025-01-02T08:00:00Z\n";
	write_file(tmp("x.csv"), x, sizeof x - 1);
	write_file(tmp("y.csv"), y, sizeof y - 1);
	write_file(tmp("z.csv"), x, sizeof x - 1);
	const char *db = tmp("size.db");
	rm_db(db);
	struct elog_opts o;
	struct elog_result r;
	struct mutu_err e;
	elog_opts_init(&o);
	assert_int_equal(ingest(db, tmp("x.csv"), &o, &r, &e), 0);
	assert_false(r.noop);
	assert_int_equal(r.batch_id, 1);
	assert_int_equal(r.events_stored, 1);
	assert_int_equal(r.size, sizeof x - 1);
	elog_result_release(&r);
	assert_int_equal(ingest(db, tmp("y.csv"), &o, &r, &e), 0);
	assert_false(r.noop);
	assert_int_equal(r.batch_id, 2);
	assert_int_equal(r.events_stored, 1);
	elog_result_release(&r);
	assert_int_equal(ingest(db, tmp("z.csv"), &o, &r, &e), 0);
	assert_true(r.noop);
	assert_int_equal(r.batch_id, 1);
	elog_result_release(&r);
	assert_int_equal(q1(db, "SELECT count(*) FROM batches"), 2);
	assert_int_equal(q1(db, "SELECT count(DISTINCT sha256) FROM batches WHERE length(sha256) = 64"),
			 2);
	assert_int_equal(q1(db, "SELECT count(*) FROM cases"), 2);
	assert_invariant(db);
}

static void test_defect_log(void **state)
{
	(void)state;
	const char *db = tmp("defects.db");
	rm_db(db);
	struct elog_opts o;
	struct elog_result r;
	struct mutu_err e;
	elog_opts_init(&o);
	o.map_path = MAP;
	int rc = ingest(db, DEFECTS, &o, &r, &e);
	if (rc)
		fail_msg("%s", e.msg);
	/* datasets/logs/README.md: 29 rows = 19 stored + 9 rejected + 1 duplicate */
	assert_int_equal(r.rows_read, 29);
	assert_int_equal(r.events_stored, 19);
	assert_int_equal(r.rejected, 9);
	assert_int_equal(r.duplicates, 1);
	assert_int_equal(r.unknown_events, 1);
	assert_string_equal(r.dropped, "nik,no_hp,alamat,nama_pemohon");
	elog_result_release(&r);
	static const struct { int line; const char *reason; } want[] = {
		{18, "end before start: start_date '2025-03-06 11:00:00', end_date '2025-03-06 10:40:00'"},
		{20, "bad timestamp in start_date: '31/13/2025 10:00'"},
		{21, "missing case id in no_permohonan"},
		{22, "wrong number of fields: 7, the header has 13"},
		{23, "not UTF-8 text (re-export the file as UTF-8)"},
		{24, "no timestamp: start and end both empty"},
		{25, "local time without a zone in start_date: '2025-03-10 08:00:00' (give --tz or --sop)"},
		{26, "bad timestamp in start_date: '01/02/2025 08:00'"},
		{28, "broken quoting: a quote opened on line 28 is not closed where the row should end "
		     "(it ran over 3 lines); the lines after it were read again"},
	};
	sqlite3 *h;
	sqlite3_stmt *st;
	sqlite3_open(db, &h);
	sqlite3_prepare_v2(h, "SELECT line, reason, raw FROM rejected ORDER BY line", -1, &st, NULL);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(st, 0), want[i].line);
		assert_string_equal((const char *)sqlite3_column_text(st, 1), want[i].reason);
	}
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	sqlite3_close(h);
	/* the raw text of the broken-quote row is its own line only */
	assert_int_equal(q1(db, "SELECT count(*) FROM rejected WHERE line = 28 AND raw LIKE "
				"'503/IPUB/2025/005;Izin Pengumpulan Uang dan Barang;\"Verifikasi Berkas;%' "
				"AND instr(raw, char(10)) = 0"),
			 1);
	/* steps: via the map (Verifikasi Berkas = 2), the model's text in odd case (line 9 = 8),
	 * a bare number (line 31 = 4); the unknown activity has no step */
	assert_int_equal(q1(db, "SELECT step FROM events WHERE line = 3"), 2);
	assert_int_equal(q1(db, "SELECT step FROM events WHERE line = 9"), 8);
	assert_int_equal(q1(db, "SELECT step FROM events WHERE line = 31"), 4);
	assert_int_equal(q1(db, "SELECT count(*) FROM events WHERE line = 19 AND unknown = 1 AND step IS NULL"), 1);
	/* the lines after the broken quote are stored with their own numbers */
	assert_int_equal(q1(db, "SELECT count(*) FROM events WHERE line IN (29, 30, 31)"), 3);
	/* line 2: 2025-03-03 08:05 WITA = 00:05Z on day 20150 (see test_parse_time) */
	assert_int_equal(q1(db, "SELECT start_ms FROM events WHERE line = 2"), 20150LL * 86400000 + 300000);
	assert_int_equal(q1(db, "SELECT start_off FROM events WHERE line = 2"), 480);
	/* the open step (line 16) has no end */
	assert_int_equal(q1(db, "SELECT count(*) FROM events WHERE line = 16 AND end_ms IS NULL"), 1);
	/* the quoted note with ';' and a line break (lines 12-13) is one event attribute;
	 * the file has CRLF line ends, so the break inside the quotes is CR LF */
	assert_int_equal(q1(db, "SELECT count(*) FROM event_attrs WHERE name = 'catatan' AND "
				"value = 'Berkas kurang; KTP buram' || char(13, 10) || 'mohon unggah ulang'"),
			 1);
	/* SOP names resolved to model ids; personal data nowhere */
	assert_int_equal(q1(db, "SELECT count(*) FROM cases WHERE sop = 'izin-pengumpulan-uang-barang'"), 2);
	assert_int_equal(q1(db, "SELECT count(*) FROM case_attrs WHERE name IN ('nik', 'no_hp', "
				"'alamat', 'nama_pemohon')"),
			 0);
	assert_int_equal(q1(db, "SELECT count(*) FROM case_attrs WHERE name = 'submitted'"), 4);
	/* QA defect 1: nor in the raw text of the rejected rows.  The file's NIKs all
	 * start 6372, its phones 0812345678, its addresses "Jl. "; its names: */
	assert_int_equal(q1(db, "SELECT count(*) FROM rejected WHERE raw LIKE '%6372%' OR raw LIKE "
				"'%0812345678%' OR raw LIKE '%Jl. %' OR raw LIKE '%Siti Aminah%' OR raw LIKE "
				"'%Budi Santoso%' OR raw LIKE '%Kasih Ibu%' OR raw LIKE '%Sinar Terang%' OR "
				"raw LIKE '%Rina Wati%'"),
			 0);
	/* line 18 by hand: fields 8-11 (nik, no_hp, alamat, nama_pemohon) become the
	 * marker, every ';' kept, tgl_pengajuan and the empty catatan kept */
	assert_int_equal(q1(db, "SELECT count(*) FROM rejected WHERE line = 18 AND raw = "
				"'460/LKS/2025/003;Tanda Daftar LKS/LKSA;Verifikasi Berkas;"
				"2025-03-06 11:00:00;2025-03-06 10:40:00;fo.rina;selesai;"
				"[dropped];[dropped];[dropped];[dropped];2025-03-06;'"),
			 1);
	/* line 22 has 7 fields, none at a personal column (the first is the 8th): kept whole */
	assert_int_equal(q1(db, "SELECT count(*) FROM rejected WHERE line = 22 AND raw = "
				"'460/LKS/2025/003;Tanda Daftar LKS/LKSA;Pemeriksaan Teknis;"
				"2025-03-07 11:00:00;2025-03-10 11:00:00;dinsos.hadi;selesai'"),
			 1);
	assert_invariant(db);
}

/* QA defects 1 and 5: personal cells blanked in rejected rows whatever the row's
 * defect; a line of blanks is a rejected row, an empty line is counted. */
static void test_rejected_scrubbed(void **state)
{
	(void)state;
	const char *db = tmp("scrub.db");
	rm_db(db);
	/* columns 0-5: case_id, activity, end, nik (dropped), note, nama (dropped) */
	static const char text[] =
		"case_id,activity,end,nik,note,nama\n"            /* 1 header */
		"K0,A,2025-01-02T08:00Z,3171,ok,Ani\n"            /* 2 stored */
		"K1,A,yesterday,3171,ok,Ani\n"                    /* 3 bad timestamp */
		"K2,A,bad,\"31,71\",x,\"Budi, S\"\n"              /* 4 quoted cells with ',' */
		"K3,A,bad,,x,\n"                                  /* 5 empty personal cells */
		"   \n"                                           /* 6 blank row */
		"\n"                                              /* 7 empty line: not a row */
		"K4,A,2025-01-02T08:00Z,extra,3171,ok,Ani\n"      /* 8 seven fields */
		"K5,A,2025-01-02T08:00Z\n"                        /* 9 three fields */
		"K6,\"A,2025-01-02T08:00Z,3171,ok,Ani\n";          /* 10 quote never closed */
	write_file(tmp("scrub.csv"), text, sizeof text - 1);
	struct elog_opts o;
	struct elog_result r;
	struct mutu_err e;
	elog_opts_init(&o);
	int rc = ingest(db, tmp("scrub.csv"), &o, &r, &e);
	if (rc)
		fail_msg("%s", e.msg);
	/* rows: lines 2-6 and 8-10 = 8; stored: line 2; the other 7 rejected */
	assert_int_equal(r.rows_read, 8);
	assert_int_equal(r.events_stored, 1);
	assert_int_equal(r.rejected, 7);
	assert_int_equal(r.duplicates, 0);
	assert_int_equal(r.empty_lines, 1);
	assert_string_equal(r.dropped, "nik,nama");
	elog_result_release(&r);
	static const struct { int line; const char *raw, *reason; } want[] = {
		{3, "K1,A,yesterday,[dropped],ok,[dropped]", "bad timestamp in end: 'yesterday'"},
		/* the quoted cells go whole, quotes and all */
		{4, "K2,A,bad,[dropped],x,[dropped]", "bad timestamp in end: 'bad'"},
		{5, "K3,A,bad,,x,", "bad timestamp in end: 'bad'"},
		{6, "   ", "blank row: only blanks on the line, no fields"},
		/* seven fields: positions cannot be trusted, keep what is before column 3 (nik) */
		{8, "K4,A,2025-01-02T08:00Z,",
		 "wrong number of fields: 7, the header has 6 (raw kept only up to column nik: the "
		 "fields cannot be placed, and personal columns are not stored)"},
		/* three fields: nothing at a personal column, kept whole */
		{9, "K5,A,2025-01-02T08:00Z", "wrong number of fields: 3, the header has 6"},
		/* the open quote: split at every ',' it has six fields, so by position */
		{10, "K6,\"A,2025-01-02T08:00Z,[dropped],ok,[dropped]",
		 "broken quoting: a quote opened on line 10 is never closed"},
	};
	sqlite3 *h;
	sqlite3_stmt *st;
	sqlite3_open(db, &h);
	sqlite3_prepare_v2(h, "SELECT line, raw, reason FROM rejected ORDER BY line", -1, &st, NULL);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(st, 0), want[i].line);
		assert_string_equal((const char *)sqlite3_column_text(st, 1), want[i].raw);
		assert_string_equal((const char *)sqlite3_column_text(st, 2), want[i].reason);
	}
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	sqlite3_close(h);
	assert_int_equal(q1(db, "SELECT count(*) FROM rejected WHERE raw LIKE '%3171%' OR raw LIKE "
				"'%31,71%' OR raw LIKE '%Ani%' OR raw LIKE '%Budi%'"),
			 0);
	assert_invariant(db);
}

/* QA defect 3: which header names are personal.  Expected by the rule in
 * elog.c: identity numbers, contact, address, birth, a person's name; a name
 * column naming a process, permit, company... is not a person's. */
static void test_personal_columns(void **state)
{
	(void)state;
	const char *db = tmp("personal.db");
	rm_db(db);
	static const char text[] =
		"case_id,activity,end,"
		/* dropped */
		"nomor_induk_kependudukan,nama,kontak,No. HP,whatsapp,e-mail,email_pemohon,"
		"alamat_usaha,tgl_lahir,tanggal_lahir,npwp,nama_lengkap,applicant_name,pemohon,"
		"no_ktp,telp,Name,"
		/* kept */
		"nama_proses,nama_izin,nama_perusahaan,jenis_pemohon,step_name,nomor_izin,"
		"catatan,kecamatan\n"
		"K1,A,2025-01-02T08:00Z,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,"
		"a,b,c,d,e,f,g,h\n";
	write_file(tmp("personal.csv"), text, sizeof text - 1);
	struct elog_opts o;
	struct elog_result r;
	struct mutu_err e;
	elog_opts_init(&o);
	int rc = ingest(db, tmp("personal.csv"), &o, &r, &e);
	if (rc)
		fail_msg("%s", e.msg);
	assert_int_equal(r.events_stored, 1);
	assert_string_equal(r.dropped,
			    "nomor_induk_kependudukan,nama,kontak,No. HP,whatsapp,e-mail,email_pemohon,"
			    "alamat_usaha,tgl_lahir,tanggal_lahir,npwp,nama_lengkap,applicant_name,"
			    "pemohon,no_ktp,telp,Name");
	elog_result_release(&r);
	/* the 8 kept columns are event attributes a..h; none of the values 1..17 is stored */
	assert_int_equal(q1(db, "SELECT count(*) FROM event_attrs WHERE name IN ('nama_proses', "
				"'nama_izin', 'nama_perusahaan', 'jenis_pemohon', 'step_name', "
				"'nomor_izin', 'catatan', 'kecamatan')"),
			 8);
	assert_int_equal(q1(db, "SELECT count(*) FROM event_attrs"), 8);
	assert_int_equal(q1(db, "SELECT count(*) FROM case_attrs"), 0);
}

/* QA defect 6: a --map step the SOP model does not have is refused, naming the
 * map file's line; nothing is written. */
static void test_map_unknown_step(void **state)
{
	(void)state;
	char db[512]; /* tmp() reuses 4 buffers: keep a copy */
	snprintf(db, sizeof db, "%s", tmp("map.db"));
	rm_db(db);
	static const char log[] = "case_id,activity,end\nK1,Verifikasi Berkas,2025-01-02T08:00Z\n";
	/* models/izin-pengumpulan-uang-barang.ini has steps 1..9: 42 is on line 3 */
	static const char map[] = "activity,step\nVerifikasi Berkas,2\nPemeriksaan Teknis,42\n";
	static const char map0[] = "Verifikasi Berkas,0\n";
	write_file(tmp("map.csv"), log, sizeof log - 1);
	write_file(tmp("bad-map.csv"), map, sizeof map - 1);
	write_file(tmp("zero-map.csv"), map0, sizeof map0 - 1);
	struct elog_opts o;
	struct elog_result r;
	struct mutu_err e;
	struct stat sb;
	elog_opts_init(&o);
	o.sop_id = "izin-pengumpulan-uang-barang";
	o.map_path = tmp("bad-map.csv");
	int rc = ingest(db, tmp("map.csv"), &o, &r, &e);
	elog_result_release(&r);
	assert_int_equal(rc, MUTU_EINPUT);
	if (!strstr(e.msg, "bad-map.csv:3: step 42 for 'Pemeriksaan Teknis' is not a step of SOP "
			   "izin-pengumpulan-uang-barang (9 steps)"))
		fail_msg("message: %s", e.msg);
	assert_int_not_equal(stat(db, &sb), 0);
	o.map_path = tmp("zero-map.csv");
	rc = ingest(db, tmp("map.csv"), &o, &r, &e);
	elog_result_release(&r);
	assert_int_equal(rc, MUTU_EINPUT);
	if (!strstr(e.msg, "zero-map.csv:1: step 0"))
		fail_msg("message: %s", e.msg);
	assert_int_not_equal(stat(db, &sb), 0);
	/* the shipped map (steps 1-9) loads with the same model */
	o.map_path = MAP;
	rc = ingest(db, tmp("map.csv"), &o, &r, &e);
	if (rc)
		fail_msg("%s", e.msg);
	elog_result_release(&r);
	assert_int_equal(q1(db, "SELECT step FROM events"), 2);
}

/* QA: a row whose fields are all blank or empty (" , , ", ",,,,") is no
 * "missing case id"; whatever its field count (",,,," has 4, the header 3).
 * Field round 9: it holds no event (an empty sheet row between joined
 * exports), so it is no row: skipped and counted in no_event, as a
 * repeated header is, not rejected. */
static void test_blank_fields(void **state)
{
	(void)state;
	const char *db = tmp("blankf.db");
	rm_db(db);
	static const char text[] = "case_id,activity,end\n"         /* 1 header */
				   " , , \n"                       /* 2 no row */
				   "K1,A,2025-01-02T08:00Z\n"       /* 3 stored */
				   ",,,\n"                         /* 4 no row */
				   " ,A,2025-01-02T08:00Z\n";       /* 5 missing case id */
	write_file(tmp("blankf.csv"), text, sizeof text - 1);
	struct elog_opts o;
	struct elog_result r;
	struct mutu_err e;
	elog_opts_init(&o);
	int rc = ingest(db, tmp("blankf.csv"), &o, &r, &e);
	if (rc)
		fail_msg("%s", e.msg);
	/* rows: lines 3 and 5 = 2; stored line 3; rejected 5; 2 and 4 skipped */
	assert_int_equal(r.rows_read, 2);
	assert_int_equal(r.events_stored, 1);
	assert_int_equal(r.rejected, 1);
	assert_int_equal(r.no_event, 2);
	elog_result_release(&r);
	assert_int_equal(q1(db, "SELECT count(*) FROM rejected WHERE line IN (2, 4)"), 0);
	assert_int_equal(q1(db, "SELECT count(*) FROM rejected WHERE line = 5 AND reason LIKE "
				"'missing case id%'"),
			 1);
}

/* QA: a lone CR (not followed by LF) is part of its field, not a line end:
 * the row stays one row under its own line number.  CRLF still ends a line
 * (the CR is not data), and a quoted field keeps its CRLF as written. */
static void test_lone_cr(void **state)
{
	(void)state;
	const char *db = tmp("cr.db");
	rm_db(db);
	static const char text[] = "case_id,activity,end\r\n"           /* 1 header, CRLF */
				   "K1,A\rB,2025-01-02T08:00Z\n"          /* 2 activity "A\rB" */
				   "K2,A,2025-01-02\r08:00Z\r\n"          /* 3 CR in the time */
				   "K3,\"x\r\ny\",2025-01-02T09:00Z\r\n"  /* 4-5 quoted CRLF */
				   "K4,A,2025-01-02T10:00Z\r";             /* 6 last line, CR */
	write_file(tmp("cr.csv"), text, sizeof text - 1);
	struct elog_opts o;
	struct elog_result r;
	struct mutu_err e;
	elog_opts_init(&o);
	int rc = ingest(db, tmp("cr.csv"), &o, &r, &e);
	if (rc)
		fail_msg("%s", e.msg);
	/* rows K1..K4 = 4 (before: K1 split in two halves, both rejected) */
	assert_int_equal(r.rows_read, 4);
	assert_int_equal(r.events_stored, 3);
	assert_int_equal(r.rejected, 1);
	elog_result_release(&r);
	/* "A\rB" = 41 0D 42; "x\r\ny" = 78 0D 0A 79; K4's time has no CR: 10:00Z */
	assert_int_equal(q1(db, "SELECT line FROM events WHERE hex(activity) = '410D42'"), 2);
	assert_int_equal(q1(db, "SELECT line FROM events WHERE hex(activity) = '780D0A79'"), 4);
	assert_int_equal(q1(db, "SELECT line FROM events WHERE activity = 'A'"), 6);
	assert_int_equal(q1(db, "SELECT count(*) FROM rejected WHERE line = 3 AND "
				"hex(raw) = hex('K2,A,2025-01-02' || char(13) || '08:00Z') AND "
				"reason LIKE 'bad timestamp in end:%'"),
			 1);
}

/*
 * The forms of a line the reader splits without libcsv (split_line) and
 * those it leaves to libcsv, one row each; every field worked out from
 * RFC 4180 plus the trimming reader_csv_init asks of libcsv: blanks and
 * tabs around an unquoted field are not data, inside quotes they are; a
 * quote inside an unquoted field is data (libcsv is not strict); an
 * empty field is no actor.  With a tab separator only blanks are trimmed.
 */
static void test_line_forms(void **state)
{
	(void)state;
	static const char text[] =
		"case_id,activity,actor,end\n"                                   /* 1 */
		"K1,  Daftar  ,\tBudi\t,2025-01-02T08:00Z\n"                    /* 2 */
		"K2,\"Periksa, lalu \"\"cetak\"\"\" , Ani ,2025-01-02T09:00Z\n" /* 3 */
		"K3,  \"  spasi  \",X,2025-01-02T10:00Z\n"                      /* 4 */
		"K4,ab\"c,Y,2025-01-02T11:00Z\n"                                 /* 5 */
		"K5,A,,2025-01-02T12:00Z\n"                                      /* 6 */
		"K6,\"multi\nline\",Z,2025-01-02T13:00Z\n"                      /* 7-8 */
		/* one search for a quote per line (issue 14): a quote inside
		 * an unquoted field after a quoted one is data as in K4; a
		 * quoted field after unquoted ones; a rejected row's raw text
		 * is its line as read; a bad byte in the last 32 bytes of a
		 * line over 32 (utf8_ok's closing window) */
		"K7,\"q\",ab\"c,2025-01-02T14:00Z\n"                             /* 9 */
		"K8,A,\"B, b\",2025-01-02T15:00Z\n"                               /* 10 */
		"K9,A,B,nanti\n"                                                /* 11 */
		"K10,Daftar berkas permohonan,Budi,2025-01-02T16:00Z\xff\n";     /* 12 */
	static const char tabs[] = "case_id\tactivity\tactor\tend\n"
				   "T1\t Daftar \t Budi \t2025-01-02T08:00Z\n" /* 2 */
				   "T2\tA\t\t2025-01-02T09:00Z\n";              /* 3 */
	char db[512]; /* tmp() reuses its buffers */
	snprintf(db, sizeof db, "%s", tmp("forms.db"));
	rm_db(db);
	write_file(tmp("forms.csv"), text, sizeof text - 1);
	write_file(tmp("forms.tsv"), tabs, sizeof tabs - 1);
	struct elog_opts o;
	struct elog_result r;
	struct mutu_err e;
	elog_opts_init(&o);
	if (ingest(db, tmp("forms.csv"), &o, &r, &e))
		fail_msg("%s", e.msg);
	/* ten rows (K6 spans lines 7-8), K9 and K10 rejected */
	assert_int_equal(r.rows_read, 10);
	assert_int_equal(r.events_stored, 8);
	assert_int_equal(r.rejected, 2);
	elog_result_release(&r);
	assert_int_equal(q1(db, "SELECT count(*) FROM events WHERE line = 2 AND activity = 'Daftar'"
				" AND actor = 'Budi'"), 1);
	assert_int_equal(q1(db, "SELECT count(*) FROM events WHERE line = 3"
				" AND activity = 'Periksa, lalu \"cetak\"' AND actor = 'Ani'"), 1);
	assert_int_equal(q1(db, "SELECT count(*) FROM events WHERE line = 4"
				" AND activity = '  spasi  ' AND actor = 'X'"), 1);
	assert_int_equal(q1(db, "SELECT count(*) FROM events WHERE line = 5"
				" AND activity = 'ab\"c' AND actor = 'Y'"), 1);
	assert_int_equal(q1(db, "SELECT count(*) FROM events WHERE line = 6"
				" AND activity = 'A' AND actor IS NULL"), 1);
	/* "multi\nline" = 6D 75 6C 74 69 0A 6C 69 6E 65 */
	assert_int_equal(q1(db, "SELECT count(*) FROM events WHERE line = 7"
				" AND hex(activity) = '6D756C74690A6C696E65' AND actor = 'Z'"), 1);
	assert_int_equal(q1(db, "SELECT count(*) FROM events WHERE line = 9"
				" AND activity = 'q' AND actor = 'ab\"c'"), 1);
	assert_int_equal(q1(db, "SELECT count(*) FROM events WHERE line = 10"
				" AND activity = 'A' AND actor = 'B, b'"), 1);
	assert_int_equal(q1(db, "SELECT count(*) FROM rejected WHERE line = 11"
				" AND raw = 'K9,A,B,nanti' AND reason LIKE 'bad timestamp in end:%'"),
			 1);
	/* the line without its newline: 'K10,...16:00Z' then FF */
	assert_int_equal(q1(db, "SELECT count(*) FROM rejected WHERE line = 12"
				" AND hex(raw) = hex('K10,Daftar berkas permohonan,Budi,"
				"2025-01-02T16:00Z') || 'FF' AND reason LIKE 'not UTF-8%'"),
			 1);
	elog_opts_init(&o);
	if (ingest(db, tmp("forms.tsv"), &o, &r, &e))
		fail_msg("%s", e.msg);
	assert_int_equal(r.rows_read, 2);
	assert_int_equal(r.events_stored, 2);
	elog_result_release(&r);
	assert_int_equal(q1(db, "SELECT count(*) FROM events e JOIN cases c ON c.id = e.case_id"
				" WHERE c.case_key = 'T1' AND activity = 'Daftar' AND actor = 'Budi'"), 1);
	assert_int_equal(q1(db, "SELECT count(*) FROM events e JOIN cases c ON c.id = e.case_id"
				" WHERE c.case_key = 'T2' AND activity = 'A' AND actor IS NULL"), 1);
}

/*
 * Records over ELOG_MAX_RECORD: line 3 is one (its 256th and 257th bytes
 * are the two bytes of "é", so the kept start is cut before it: 255
 * bytes), line 5 another at the end of the file without a newline, and a
 * quoted record left open on line 4 before it is rejected as broken
 * quoting first.  Rows: lines 2..5 = 4 = stored 1 (line 2) + rejected 3.
 * Run under ASan too: the skip path must neither read nor keep more than
 * it should.
 */
static void test_long_record(void **state)
{
	(void)state;
	const char *db = tmp("long.db");
	rm_db(db);
	const size_t big = ELOG_MAX_RECORD + 10;
	const char head[] = "case_id,activity,end\nK1,A,2025-01-02T08:00Z\n";
	const char open_q[] = "K3,\"open,2025-01-02T09:00Z\n";
	size_t n = sizeof head - 1 + big + 1 + sizeof open_q - 1 + big;
	char *text = malloc(n);
	assert_non_null(text);
	char *p = text;
	memcpy(p, head, sizeof head - 1);
	p += sizeof head - 1;
	memset(p, 'x', big); /* line 3 */
	memcpy(p + 255, "\xC3\xA9", 2);
	p += big;
	*p++ = '\n';
	memcpy(p, open_q, sizeof open_q - 1); /* line 4 */
	p += sizeof open_q - 1;
	memset(p, 'y', big); /* line 5, no newline */
	write_file(tmp("long.csv"), text, n);
	free(text);
	struct elog_opts o;
	struct elog_result r;
	struct mutu_err e;
	elog_opts_init(&o);
	int rc = ingest(db, tmp("long.csv"), &o, &r, &e);
	if (rc)
		fail_msg("%s", e.msg);
	assert_int_equal(r.rows_read, 4);
	assert_int_equal(r.events_stored, 1);
	assert_int_equal(r.rejected, 3);
	elog_result_release(&r);
	assert_int_equal(q1(db, "SELECT length(CAST(raw AS BLOB)) FROM rejected WHERE line = 3 AND "
				"reason LIKE 'record too long: 16777226 bytes on line 3,%'"),
			 255);
	assert_int_equal(q1(db, "SELECT count(*) FROM rejected WHERE line = 4 AND "
				"reason LIKE 'broken quoting%'"),
			 1);
	assert_int_equal(q1(db, "SELECT length(CAST(raw AS BLOB)) FROM rejected WHERE line = 5 AND "
				"reason LIKE 'record too long: 16777226 bytes on line 5,%'"),
			 256);
}

/* QA: the same activity twice in --map.  With two steps (2 and 3) one would
 * win silently: refused, naming both lines.  Line numbers count the empty
 * line and the header: header = 1, "Verifikasi Berkas,2" = 2, empty = 3,
 * "  verifikasi   berkas ,3" = 4 (same activity once case and blanks are
 * ignored).  With the same step twice the map is accepted. */
static void test_map_duplicate(void **state)
{
	(void)state;
	char db[512];
	snprintf(db, sizeof db, "%s", tmp("dup.db"));
	rm_db(db);
	static const char log[] = "case_id,activity,end\nK1,Verifikasi Berkas,2025-01-02T08:00Z\n";
	static const char map[] = "activity,step\nVerifikasi Berkas,2\n\n  verifikasi   berkas ,3\n";
	static const char same[] = "activity,step\nVerifikasi Berkas,2\nVERIFIKASI  BERKAS,2\n";
	write_file(tmp("dup.csv"), log, sizeof log - 1);
	write_file(tmp("dup-map.csv"), map, sizeof map - 1);
	write_file(tmp("same-map.csv"), same, sizeof same - 1);
	struct elog_opts o;
	struct elog_result r;
	struct mutu_err e;
	struct stat sb;
	elog_opts_init(&o);
	o.sop_id = "izin-pengumpulan-uang-barang";
	o.map_path = tmp("dup-map.csv");
	int rc = ingest(db, tmp("dup.csv"), &o, &r, &e);
	elog_result_release(&r);
	assert_int_equal(rc, MUTU_EINPUT);
	if (!strstr(e.msg, "dup-map.csv:4: 'verifikasi   berkas' is mapped to step 3") ||
	    !strstr(e.msg, "dup-map.csv:2 maps the same activity 'Verifikasi Berkas' to step 2"))
		fail_msg("message: %s", e.msg);
	assert_int_not_equal(stat(db, &sb), 0);
	o.map_path = tmp("same-map.csv");
	rc = ingest(db, tmp("dup.csv"), &o, &r, &e);
	if (rc)
		fail_msg("%s", e.msg);
	elog_result_release(&r);
	assert_int_equal(q1(db, "SELECT step FROM events"), 2);
}

/* Files that cannot be a log: refused, exit-2 class, and no store written. */
static void test_refusals(void **state)
{
	(void)state;
	static const struct { const char *name, *text; size_t len; const char *msg; } bad[] = {
		{"empty.csv", "", 0, "empty"},
		{"blank.csv", "\xEF\xBB\xBF\r\n\r\n", 7, "empty"},
		{"header.csv", "case_id,activity,end\n", 0, "only a header"},
		{"binary.csv", "PK\x03\x04\0\0\x08\0", 8, "NUL"},
		{"onecol.csv", "hello world\nfoo\n", 0, "not a CSV"},
		{"notime.csv", "case_id,activity,actor\nK1,A,r\n", 0, "no time column"},
		{"nocase.csv", "id,activity,end\nK1,A,2025-01-02T08:00+07:00\n", 0, "no case id"},
		{"latin1.csv", "case_id,activit\xe9,end\nK1,A,2025-01-02T08:00+07:00\n", 0, "UTF-8"},
		{"ambig.csv", "case_id,activity,end\nK1,A,01/02/2025 08:00\nK1,B,03/02/2025 09:00\n", 64,
		 "ambiguous"},
		{"nozone.csv", "case_id,activity,end\nK1,A,2025-01-02 08:00\n", 0, "no UTC offset"},
		{"junk.csv", "case_id,activity,end\nK1,A,yesterday\n", 0, "no readable time stamp"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		const char *db = tmp("refused.db");
		rm_db(db);
		write_file(tmp(bad[i].name), bad[i].text, bad[i].len ? bad[i].len : strlen(bad[i].text));
		struct elog_opts o;
		struct elog_result r;
		struct mutu_err e;
		elog_opts_init(&o);
		int rc = ingest(db, tmp(bad[i].name), &o, &r, &e);
		elog_result_release(&r);
		if (rc != MUTU_EINPUT || !strstr(e.msg, bad[i].msg))
			fail_msg("%s: rc %d, message '%s' (expected '%s')", bad[i].name, rc, e.msg,
				 bad[i].msg);
		struct stat st;
		if (stat(db, &st) == 0)
			fail_msg("%s: the store was created", bad[i].name);
	}
}

/* Tab separator, CRLF, --date-format, --tz, a quote left open on the last line. */
static void test_forms(void **state)
{
	(void)state;
	const char *db = tmp("forms.db");
	rm_db(db);
	const char *text = "Case ID\tActivity\tTimestamp\tResource\r\n"
			   "K1\tDaftar\t02/01/2025 07:30\tani\r\n"
			   "K1\tVerifikasi\t02/01/2025 08:00\tbudi\r\n"
			   "K2\tDaftar\t\"03/01/2025 07:45\r\n";
	write_file(tmp("tab.tsv"), text, strlen(text));
	struct elog_opts o;
	struct elog_result r;
	struct mutu_err e;
	elog_opts_init(&o);
	o.date_format = "%d/%m/%Y %H:%M";
	o.tz = "WIB";
	o.col[ELOG_COL_CASE] = "case id";
	int rc = ingest(db, tmp("tab.tsv"), &o, &r, &e);
	if (rc)
		fail_msg("%s", e.msg);
	assert_int_equal(r.rows_read, 3);
	assert_int_equal(r.events_stored, 2);
	assert_int_equal(r.rejected, 1);
	elog_result_release(&r);
	/* 2 Jan 2025 07:30 WIB = 00:30Z on day 20090 */
	assert_int_equal(q1(db, "SELECT end_ms FROM events WHERE line = 2"), 20090LL * 86400000 + 1800000);
	assert_int_equal(q1(db, "SELECT end_off FROM events WHERE line = 2"), 420);
	assert_int_equal(q1(db, "SELECT count(*) FROM rejected WHERE line = 4 AND reason LIKE 'broken quoting%'"), 1);
	assert_invariant(db);
}

/*
 * The caller's cancel flag (elog_opts.cancel, the CLI's Ctrl-C), set
 * before the call.  (1) No lock on the store: the parse sees it at its
 * first record, the header, line 1; nothing of the log is stored (the
 * defect log's 19 events, test_defect_log, never arrive).  (2) Another
 * connection holds the write lock (BEGIN IMMEDIATE) and the wait may be
 * 20 s: the ingest gives up the wait at once with MUTU_ECANCEL instead of
 * waiting out the 20 s (hardening round 4: SQLite's busy timeout slept
 * through the flag, then failed with "locked" or went on to ingest).
 */
static void test_cancel(void **state)
{
	(void)state;
	const char *db = tmp("cancel.db");
	rm_db(db);
	struct elog_opts o;
	struct elog_result r;
	struct mutu_err e;
	atomic_int stop;
	atomic_init(&stop, 2); /* SIGINT's number; any non-zero */
	elog_opts_init(&o);
	o.map_path = MAP;
	o.cancel = &stop;
	int rc = ingest(db, DEFECTS, &o, &r, &e);
	elog_result_release(&r);
	assert_int_equal(rc, MUTU_ECANCEL);
	assert_non_null(strstr(e.msg, "stopped at line 1: the batch is rolled back"));
	/* (2): a store holding the log, then a second ingest of it (--force)
	 * while a connection of ours holds the write lock */
	atomic_store(&stop, 0);
	rc = ingest(db, DEFECTS, &o, &r, &e);
	elog_result_release(&r);
	if (rc)
		fail_msg("%s", e.msg);
	assert_int_equal(q1(db, "SELECT count(*) FROM events"), 19);
	sqlite3 *h;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	atomic_store(&stop, 2);
	o.force = 1;
	o.busy_ms = 20000;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rc = ingest(db, DEFECTS, &o, &r, &e);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	elog_result_release(&r);
	sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(h);
	assert_int_equal(rc, MUTU_ECANCEL);
	assert_non_null(strstr(e.msg, "stopped while waiting for another process's lock on the store"));
	/* "at once": well under the 20 s the wait was allowed (1 s for a
	 * loaded machine) */
	assert_true(t1.tv_sec - t0.tv_sec < 2);
	assert_int_equal(q1(db, "SELECT count(*) FROM events"), 19);
	assert_int_equal(q1(db, "SELECT count(*) FROM batches"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_time),
		cmocka_unit_test(test_parse_time_fixed),
		cmocka_unit_test(test_leap_second),
		cmocka_unit_test(test_date_order_tz_format),
		cmocka_unit_test(test_sha256),
		cmocka_unit_test(test_store_migrates_v1),
		cmocka_unit_test(test_store_refuses_foreign_files),
		cmocka_unit_test(test_wabo),
		cmocka_unit_test(test_overlapping_exports),
		cmocka_unit_test(test_same_size_files),
		cmocka_unit_test(test_defect_log),
		cmocka_unit_test(test_rejected_scrubbed),
		cmocka_unit_test(test_personal_columns),
		cmocka_unit_test(test_map_unknown_step),
		cmocka_unit_test(test_map_duplicate),
		cmocka_unit_test(test_blank_fields),
		cmocka_unit_test(test_lone_cr),
		cmocka_unit_test(test_line_forms),
		cmocka_unit_test(test_long_record),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_cancel),
	};
	return cmocka_run_group_tests_name("elog", tests, setup_dir, teardown_dir);
}
