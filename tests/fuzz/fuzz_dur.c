/*
 * fuzz_dur.c - libFuzzer harness for the duration parser (dur_parse).
 *
 * Beyond "no crash, no UB" it checks two properties and abort()s when one
 * fails, so the fuzzer reports it like a crash:
 *  - a duration dur_parse accepts lies inside dur.h's range (dur_check);
 *  - dur_format's text reads back (dur_parse) as the same duration.
 * The conversions every caller makes (dur_to_minutes at 450 and 1440
 * minutes a day, dur_format_minutes) run on the result too.
 */
#include "fuzz_util.h"

#include "mutu/dur.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_str(data, size);
	struct dur d;
	struct mutu_err err;
	mutu_err_clear(&err);
	if (dur_parse(text, &d, &err) == 0) {
		if (dur_check(d, "fuzz", &err) != 0)
			abort();
		char buf[256];
		dur_format(d, DUR_ID, buf, sizeof buf);
		struct dur back;
		if (dur_parse(buf, &back, &err) != 0 || back.days != d.days ||
		    back.minutes != d.minutes || back.rounded_days != d.rounded_days)
			abort();
		dur_format(d, DUR_EN, buf, sizeof buf);
		int64_t m450 = dur_to_minutes(d, 450), m1440 = dur_to_minutes(d, 1440);
		if (m450 < 0 || m1440 < m450)
			abort();
		dur_format_minutes((double)m450, 450, DUR_ID, buf, sizeof buf);
		dur_format_minutes(-(double)m1440 / 7.0, 1440, DUR_EN, buf, sizeof buf);
		struct dur s = dur_add(d, d);
		dur_format(s, DUR_ID, buf, sizeof buf);
	} else if (err.code == 0 || !err.msg[0]) {
		abort(); /* an error must say why */
	}
	free(text);
	return 0;
}
