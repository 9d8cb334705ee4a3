/*
 * test_rpt.c - report formatting and escapes: Indonesian and English
 * numbers, durations, HTML/Markdown/CSV escaping, option parsing.
 * Expected strings are written out by hand from the rules in rpt.h.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "mutu/rpt.h"

typedef void (*fmt_fn)(struct mutu_buf *b, double x, enum rpt_lang l);

static void pct(struct mutu_buf *b, double x, enum rpt_lang l)
{
	rpt_fmt_pct(b, x, l);
}

static void num1(struct mutu_buf *b, double x, enum rpt_lang l)
{
	rpt_fmt_num(b, x, 1, l);
}

static void num0(struct mutu_buf *b, double x, enum rpt_lang l)
{
	rpt_fmt_num(b, x, 0, l);
}

static void dur450(struct mutu_buf *b, double x, enum rpt_lang l)
{
	rpt_fmt_dur(b, x, 450, l);
}

static void check(fmt_fn f, double x, enum rpt_lang l, const char *want)
{
	struct mutu_buf b;
	mutu_buf_init(&b);
	f(&b, x, l);
	assert_string_equal(b.s, want);
	mutu_buf_release(&b);
}

static void test_numbers(void **state)
{
	(void)state;
	/* 0.953 = 95.3%: decimal comma in Indonesian */
	check(pct, 0.953, RPT_ID, "95,3%");
	check(pct, 0.953, RPT_EN, "95.3%");
	check(pct, 2.0 / 3.0, RPT_ID, "66,7%");
	check(pct, 1.0, RPT_ID, "100,0%");
	/* a share that is not whole never reads 100,0%, one that is not
	 * nothing never 0,0% (test_report_field5.sh): 1.999 of 2.000 is
	 * 99,95%; 9.999 of 10.000 99,99%; 1 - 1e-7 is cut at four
	 * decimals, 99,9999%; 1 of 3.000 is 0,03%; 1 of 2.000 0,05% rounds
	 * to 0,1% as any share does */
	check(pct, 1999.0 / 2000.0, RPT_ID, "99,95%");
	check(pct, 1999.0 / 2000.0, RPT_EN, "99.95%");
	check(pct, 9999.0 / 10000.0, RPT_ID, "99,99%");
	check(pct, 1.0 - 1e-7, RPT_ID, "99,9999%");
	check(pct, 1.0 / 3000.0, RPT_ID, "0,03%");
	check(pct, 0.0, RPT_ID, "0,0%");
	check(pct, 0.9994, RPT_ID, "99,9%");
	check(pct, NAN, RPT_ID, "\xe2\x80\x93");
	/* thousands: point in Indonesian, comma in English */
	check(num1, 1234567.26, RPT_ID, "1.234.567,3");
	check(num1, 1234567.26, RPT_EN, "1,234,567.3");
	check(num0, 999, RPT_ID, "999");
	check(num0, 1000, RPT_ID, "1.000");
	check(num1, -1234.5, RPT_ID, "-1.234,5");
	check(num1, -0.04, RPT_ID, "0,0"); /* no "-0,0" */
}

static void test_durations(void **state)
{
	(void)state;
	/* below an hour in minutes, below a day (450 min) in hours, else days */
	check(dur450, 25 * 60, RPT_ID, "25 menit");
	check(dur450, 25 * 60, RPT_EN, "25 min");
	check(dur450, 3.3 * 3600, RPT_ID, "3,3 jam");
	check(dur450, 1350 * 60, RPT_ID, "3,0 hari");
	check(dur450, 1440 * 60, RPT_EN, "3.2 d");
	check(dur450, -90 * 60, RPT_ID, "-1,5 jam");
}

static void test_escapes(void **state)
{
	(void)state;
	struct mutu_buf b;
	mutu_buf_init(&b);
	rpt_html_escape(&b, "<script>document.title='x'</script> & \"q\"");
	assert_string_equal(b.s, "&lt;script&gt;document.title=&#39;x&#39;&lt;/script&gt; &amp; &quot;q&quot;");
	mutu_buf_reset(&b);
	/* Markdown's own escapes, never HTML's: '<' '>' '|' with a backslash
	 * (CommonMark: any ASCII punctuation), '&' and quotes as written but
	 * an '&' that would read as an entity ("&amp;" in an SOP title copied
	 * from a web page must show as typed, not as '&') */
	rpt_md_escape(&b, "a|b *c* <i> A & B \"q\" 'k' &amp; &#39; &x");
	assert_string_equal(b.s, "a\\|b \\*c\\* \\<i\\> A & B \"q\" 'k' \\&amp; \\&\\#39; &x");
	mutu_buf_reset(&b);
	rpt_csv_field(&b, "plain");
	mutu_buf_putc(&b, ';');
	rpt_csv_field(&b, "a,\"b\"");
	mutu_buf_putc(&b, ';');
	rpt_csv_field(&b, "=HYPERLINK(\"x\")");
	assert_string_equal(b.s, "plain;\"a,\"\"b\"\"\";\"'=HYPERLINK(\"\"x\"\")\"");
	/* OWASP CSV injection: every formula lead (= + - @ tab CR) gets a
	 * leading ' inside quotes; text merely containing them does not */
	static const char *lead[][2] = {
		{"+62811", "\"'+62811\""}, {"-cmd", "\"'-cmd\""}, {"@SUM(A1)", "\"'@SUM(A1)\""},
		{"\tx", "\"'\tx\""}, {"\rx", "\"'\rx\""}, {"a-b=c", "a-b=c"},
	};
	for (size_t i = 0; i < sizeof lead / sizeof *lead; i++) {
		mutu_buf_reset(&b);
		rpt_csv_field(&b, lead[i][0]);
		assert_string_equal(b.s, lead[i][1]);
	}
	mutu_buf_release(&b);
}

static void test_parse(void **state)
{
	(void)state;
	assert_int_equal(rpt_lang_parse("id"), RPT_ID);
	assert_int_equal(rpt_lang_parse("EN"), RPT_EN);
	assert_int_equal(rpt_lang_parse("fr"), -1);
	assert_int_equal(rpt_format_parse("html"), RPT_HTML);
	assert_int_equal(rpt_format_parse("markdown"), RPT_MD);
	assert_int_equal(rpt_format_parse("json"), RPT_JSON);
	assert_int_equal(rpt_format_parse("pdf"), -1);
	assert_string_equal(rpt_month_name(3, RPT_ID), "Maret");
	assert_string_equal(rpt_month_name(8, RPT_ID), "Agustus");
	assert_string_equal(rpt_month_name(8, RPT_EN), "August");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_durations),
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_parse),
	};
	return cmocka_run_group_tests_name("rpt", tests, NULL, NULL);
}
