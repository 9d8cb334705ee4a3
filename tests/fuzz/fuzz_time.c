/*
 * fuzz_time.c - libFuzzer harness for the time-stamp parsers: the
 * calendar's cal_parse_iso / cal_parse_time (CLI and scenario instants)
 * and the ingest's elog_parse_time (ISO and --date-format), elog_parse_tz
 * and elog_date_order_needed.
 *
 * The input is "FORMAT\nSTAMP" when it holds a newline (the format goes
 * to elog_parse_time, so the fuzzer explores the format reader too), else
 * the whole input is the stamp.  Properties (abort() when broken):
 *  - a stamp cal_parse_iso accepts formats (cal_format_iso) and, when the
 *    formatted year still has four digits, reads back as the same second;
 *  - a stamp elog_parse_time accepts formats (elog_format_time) and
 *    reads back as the same millisecond.
 */
#include "fuzz_util.h"

#include <math.h>

#include "mutu/cal.h"
#include "mutu/elog.h"

static struct cal *cal24;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	cal24 = cal_create_24x7(8 * 3600);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *all = fuzz_str(data, size);
	char *fmt = NULL, *stamp = all;
	char *nl = memchr(all, '\n', size);
	if (nl) {
		*nl = '\0';
		fmt = all;
		stamp = nl + 1;
	}
	size_t slen = strlen(stamp);
	struct mutu_err err;
	mutu_err_clear(&err);
	char buf[128];

	double t;
	int off;
	if (cal_parse_iso(stamp, 7 * 3600, &t, &off, &err) == 0) {
		if (!isfinite(t))
			abort();
		cal_format_iso(t, off, buf, sizeof buf);
		double back;
		int off2;
		/* whole seconds only: cal_format_iso rounds the fraction */
		if (buf[0] != '-' && strlen(buf) == 25 && t == floor(t) &&
		    (cal_parse_iso(buf, 0, &back, &off2, &err) != 0 || back != t || off2 != off))
			abort();
	}
	mutu_err_clear(&err);
	if (cal_parse_time(cal24, stamp, &t, &off, &err) == 0)
		cal_format_time(cal24, t, buf, sizeof buf);

	int64_t ms;
	const char *fmts[] = {NULL, "%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M:%S.%f %z", fmt};
	for (size_t i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
		if (i == 3 && !fmt)
			break;
		if (elog_parse_time(stamp, slen, fmts[i], 8 * 60, &ms, &off) == ELOG_TS_OK) {
			elog_format_time(ms, off, buf, sizeof buf);
			int64_t ms2;
			int off3;
			if (i == 0 && buf[0] != '-' && strlen(buf) >= 25 &&
			    (elog_parse_time(buf, strlen(buf), NULL, ELOG_NO_ZONE, &ms2, &off3) != ELOG_TS_OK ||
			     ms2 != ms || off3 != off))
				abort();
		}
	}
	(void)elog_parse_time(stamp, slen, NULL, ELOG_NO_ZONE, &ms, &off);
	(void)elog_date_order_needed(stamp, slen);
	int offm;
	(void)elog_parse_tz(stamp, &offm);
	free(all);
	return 0;
}
