/*
 * fuzz_cal.c - libFuzzer harness for the calendar loader (cal_load): the
 * .ini, the national holiday list, the Ramadan periods and the user's
 * local.csv, the files an office edits by hand (hardening round 2: a NUL
 * byte in any of them dropped the rest of its line or file silently).
 *
 * The input's first byte chooses the file it replaces (mod 4: local.csv,
 * the holiday list, the periods, the .ini); the rest is that file.  The
 * other three are the shipped id-wib's (datasets/calendars/), copied into
 * a scratch folder.  A calendar that loads is used as `mutu calendar`
 * uses it: working time over each year it covers, a deadline, the kind of
 * a day.  Properties (abort() when broken): a refusal carries a message;
 * working time is never negative and cal_add's instant measures back to
 * the time added (to the second).
 */
#include "fuzz_util.h"

#include <math.h>

#include "mutu/cal.h"

static const char *const names[4] = {"local.csv", "id-holidays-2024-2026.csv",
				     "id-ramadan-2024-2026.csv", "id-wib.ini"};

/* The shipped file's bytes into dir/name. */
static void copy_shipped(const char *dir, const char *name)
{
	char from[1024], to[1024];
	FUZZ_FMT(from, "%s/datasets/calendars/%s", FUZZ_ROOT, name);
	FILE *f = fopen(from, "rb");
	if (!f)
		abort();
	static char buf[1 << 16];
	size_t n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	fuzz_write(fuzz_path(to, dir, name), (const uint8_t *)buf, n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const char *dir = fuzz_dir(0);
	int which = data[0] % 4;
	char path[1024], ini[1024];
	for (int i = 0; i < 4; i++)
		if (i != which)
			copy_shipped(dir, names[i]);
	fuzz_write(fuzz_path(path, dir, names[which]), data + 1, size - 1);
	fuzz_path(ini, dir, "id-wib.ini");

	struct cal *c = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	if (cal_load(ini, dir, &c, &err) != 0) {
		if (c || !err.msg[0])
			abort();
		fuzz_done();
		return 0;
	}
	int y0 = 0, y1 = -1;
	if (cal_year_range(c, &y0, &y1) > 0 && y0 <= y1) {
		for (int y = y0; y <= y1 && y < y0 + 3; y++) {
			double a, b, w = 0, t;
			char s[32];
			snprintf(s, sizeof s, "%04d-01-01T00:00:00", y);
			if (cal_parse_iso(s, cal_utc_offset(c), &a, NULL, NULL) != 0)
				continue;
			snprintf(s, sizeof s, "%04d-12-31T23:59:00", y);
			if (cal_parse_iso(s, cal_utc_offset(c), &b, NULL, NULL) != 0)
				continue;
			mutu_err_clear(&err);
			if (cal_between(c, a, b, &w, &err) == 0) {
				if (w < 0)
					abort();
				/* a third of the year's working time added to its start
				 * measures back to that much */
				double add = floor(w / 3);
				mutu_err_clear(&err);
				if (cal_add(c, a, add, &t, &err) == 0) {
					double back = -1;
					if (cal_between(c, a, t, &back, NULL) == 0 && fabs(back - add) > 1)
						abort();
				}
			}
			const char *nm = NULL;
			(void)cal_day_kind(c, cal_days_from_civil(y, 5, 20), &nm);
		}
	}
	cal_free(c);
	fuzz_done();
	return 0;
}
