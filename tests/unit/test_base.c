/*
 * test_base.c - the atomic output writer (struct mutu_out), the CSV
 * formula guard and the terminal escape, on real files in a fresh folder
 * under /tmp.  Expected contents are the bytes each test writes; the
 * escapes are written out by hand from the rules in base.h.
 */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "mutu/base.h"
#include "elog_int.h" /* elog_dkey: the persisted use of the hash */

static char dir[256];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/mutu-test-base.XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	DIR *d = opendir(dir);
	if (d) {
		struct dirent *de;
		char p[512];
		while ((de = readdir(d)) != NULL) {
			if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) {
				snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
				unlink(p);
			}
		}
		closedir(d);
	}
	rmdir(dir);
	return 0;
}

static void path_of(char *buf, size_t size, const char *name)
{
	snprintf(buf, size, "%s/%s", dir, name);
}

static void put(const char *name, const char *text)
{
	char p[512];
	path_of(p, sizeof p, name);
	FILE *f = fopen(p, "wb");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* The whole content of name, or NULL when it cannot be read (caller frees). */
static char *get(const char *name)
{
	char p[512];
	path_of(p, sizeof p, name);
	return mutu_read_file(p, NULL, NULL);
}

/* Entries of the test folder other than . and .. */
static int entries(void)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	int n = 0;
	struct dirent *de;
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

static void expect_file(const char *name, const char *want)
{
	char *got = get(name);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void test_write_new(void **state)
{
	(void)state;
	char p[512];
	path_of(p, sizeof p, "a.txt");
	struct mutu_err err;
	mutu_err_clear(&err);
	mode_t old = umask(022);
	assert_int_equal(mutu_write_file(p, "halo\n", 5, &err), 0);
	umask(old);
	expect_file("a.txt", "halo\n");
	/* only the file itself: the temporary name is gone after the rename */
	assert_int_equal(entries(), 1);
	/* a new output is 0666 minus the umask (022), like any file a shell
	 * redirect makes: 0644, not mkstemp's 0600 */
	struct stat st;
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);
}

static void test_replace_and_stream(void **state)
{
	(void)state;
	put("b.txt", "old content\n");
	char p[512];
	path_of(p, sizeof p, "b.txt");
	struct mutu_err err;
	mutu_err_clear(&err);
	struct mutu_out o;
	assert_int_equal(mutu_out_open(&o, p, &err), 0);
	fprintf(o.f, "line %d\n", 1);
	/* before the commit the final name still holds the old bytes */
	expect_file("b.txt", "old content\n");
	assert_int_equal(entries(), 2);
	fprintf(o.f, "line %d\n", 2);
	assert_int_equal(mutu_out_commit(&o, &err), 0);
	expect_file("b.txt", "line 1\nline 2\n");
	assert_int_equal(entries(), 1);
	/* abort after commit is harmless (o was released) */
	mutu_out_abort(&o);
	expect_file("b.txt", "line 1\nline 2\n");
}

static void test_abort(void **state)
{
	(void)state;
	put("c.txt", "keep\n");
	char p[512];
	path_of(p, sizeof p, "c.txt");
	struct mutu_out o;
	assert_int_equal(mutu_out_open(&o, p, NULL), 0);
	fputs("half a rep", o.f);
	mutu_out_abort(&o);
	expect_file("c.txt", "keep\n");
	assert_int_equal(entries(), 1);
	mutu_out_abort(NULL); /* NULL-safe */
}

static void test_symlink_replaced(void **state)
{
	(void)state;
	put("victim.txt", "precious\n");
	char link[512], target[512];
	path_of(link, sizeof link, "report.md");
	path_of(target, sizeof target, "victim.txt");
	assert_int_equal(symlink(target, link), 0);
	struct mutu_err err;
	mutu_err_clear(&err);
	assert_int_equal(mutu_write_file(link, "# laporan\n", 10, &err), 0);
	/* the link's target keeps its bytes; the link itself became the report */
	expect_file("victim.txt", "precious\n");
	struct stat st;
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	expect_file("report.md", "# laporan\n");
	assert_int_equal(entries(), 2);
}

static void test_dangling_symlink(void **state)
{
	(void)state;
	/* a link to a file that does not exist yet: following it would create
	 * the file wherever the link points */
	char link[512], target[512];
	path_of(link, sizeof link, "out.csv");
	path_of(target, sizeof target, "made-through-link.csv");
	assert_int_equal(symlink(target, link), 0);
	assert_int_equal(mutu_write_file(link, "a,b\r\n", 5, NULL), 0);
	assert_null(get("made-through-link.csv"));
	expect_file("out.csv", "a,b\r\n");
}

static void test_missing_folder(void **state)
{
	(void)state;
	char p[512];
	path_of(p, sizeof p, "no-such-folder/r.html");
	struct mutu_err err;
	mutu_err_clear(&err);
	assert_int_equal(mutu_write_file(p, "x", 1, &err), MUTU_EFAIL);
	/* the message names the path the user gave and why */
	assert_non_null(strstr(err.msg, p));
	assert_non_null(strstr(err.msg, "No such file or directory"));
	assert_int_equal(entries(), 0);
	/* commit on a failed open reports, not crashes */
	struct mutu_out o;
	assert_int_equal(mutu_out_open(&o, p, NULL), MUTU_EFAIL);
	assert_null(o.f);
	mutu_out_abort(&o);
}

static void test_full_disk(void **state)
{
	(void)state;
	/* RLIMIT_FSIZE of 1000 bytes stands in for a full disk: with SIGXFSZ
	 * ignored, write() past the limit fails with EFBIG, as ENOSPC would */
	put("d.txt", "old report\n");
	char p[512];
	path_of(p, sizeof p, "d.txt");
	char big[5000];
	memset(big, 'x', sizeof big);
	struct rlimit saved, lim;
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &saved), 0);
	void (*oldsig)(int) = signal(SIGXFSZ, SIG_IGN);
	lim = saved;
	lim.rlim_cur = 1000;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);

	struct mutu_err err;
	mutu_err_clear(&err);
	int rc = mutu_write_file(p, big, sizeof big, &err);

	struct mutu_err err2;
	mutu_err_clear(&err2);
	struct mutu_out o;
	int rc2 = mutu_out_open(&o, p, &err2);
	if (rc2 == 0) {
		for (int i = 0; i < 10; i++)
			fwrite(big, 1, sizeof big, o.f);
		rc2 = mutu_out_commit(&o, &err2);
	}

	assert_int_equal(setrlimit(RLIMIT_FSIZE, &saved), 0);
	signal(SIGXFSZ, oldsig);

	assert_int_equal(rc, MUTU_EFAIL);
	assert_non_null(strstr(err.msg, p));
	assert_non_null(strstr(err.msg, "File too large"));
	assert_int_equal(rc2, MUTU_EFAIL);
	assert_non_null(strstr(err2.msg, "File too large"));
	/* the old file intact, no temporary file left behind */
	expect_file("d.txt", "old report\n");
	assert_int_equal(entries(), 1);
}

static void test_csv_guard(void **state)
{
	(void)state;
	static const char *cases[][2] = {
		{"plain", "plain"},
		{"a,b", "\"a,b\""},
		{"say \"hi\"", "\"say \"\"hi\"\"\""},
		/* formula leads get ' inside quotes */
		{"=1+1", "\"'=1+1\""},
		{"@SUM(A1:A9)", "\"'@SUM(A1:A9)\""},
		{"-2+3+cmd|' /C calc'!A0", "\"'-2+3+cmd|' /C calc'!A0\""},
		{"+62811", "\"'+62811\""},
		{"\tx", "\"'\tx\""},
		{"\rx", "\"'\rx\""},
		{"-", "\"'-\""},
		{"-e5", "\"'-e5\""},
		/* negative numbers mutu writes stay numbers */
		{"-2.5", "-2.5"},
		{"-3", "-3"},
		{"-1e-3", "-1e-3"},
		{"-.5", "-.5"},
		/* the lead only counts at the start */
		{"a-b=c", "a-b=c"},
		{"", ""},
	};
	struct mutu_buf b;
	mutu_buf_init(&b);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		mutu_buf_reset(&b);
		mutu_csv_field(&b, cases[i][0]);
		assert_string_equal(b.s, cases[i][1]);
	}
	mutu_buf_reset(&b);
	mutu_csv_field(&b, NULL);
	assert_string_equal(b.s, "");
	mutu_buf_release(&b);
	assert_true(mutu_csv_is_number("12"));
	assert_true(mutu_csv_is_number("-0.25"));
	assert_false(mutu_csv_is_number("1.2.3"));
	assert_false(mutu_csv_is_number("1e"));
	assert_false(mutu_csv_is_number("."));
	assert_false(mutu_csv_is_number("0x10"));
}

static void test_term_escape(void **state)
{
	(void)state;
	static const char *cases[][2] = {
		/* OSC 0 (window title) ended by BEL, and "clear screen" */
		{"\x1b]0;pwned\x07ok", "\\x1b]0;pwned\\x07ok"},
		{"\x1b[2J\x1b[H", "\\x1b[2J\\x1b[H"},
		/* newline and tab are layout, kept */
		{"a\tb\nc", "a\tb\nc"},
		/* CR would overwrite the line it is on */
		{"ok\rFAKE", "ok\\x0dFAKE"},
		{"del\x7f", "del\\x7f"},
		/* C1 CSI as UTF-8 (U+009B) and as a lone byte */
		{"\xc2\x9b" "31m", "\\xc2\\x9b31m"},
		{"\x9b" "31m", "\\x9b31m"},
		/* printable UTF-8 is kept: e-acute, no-break space, rupiah sign */
		{"caf\xc3\xa9 \xc2\xa0Rp\xe2\x82\xb9", "caf\xc3\xa9 \xc2\xa0Rp\xe2\x82\xb9"},
		/* not UTF-8: a Latin-1 byte and a truncated sequence */
		{"\xff", "\\xff"},
		{"\xe2\x82", "\\xe2\\x82"},
		/* an overlong encoding of ESC (C0 9B is never valid UTF-8) */
		{"\xc0\x9b", "\\xc0\\x9b"},
	};
	struct mutu_buf b;
	mutu_buf_init(&b);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		mutu_buf_reset(&b);
		mutu_buf_put_safe(&b, cases[i][0]);
		assert_string_equal(b.s, cases[i][1]);
	}
	mutu_buf_reset(&b);
	mutu_buf_put_safe(&b, NULL);
	assert_string_equal(b.s, "");
	mutu_buf_release(&b);
}

/*
 * The one FNV-1a.  Expected values: the published 64-bit FNV-1a test
 * vectors (Noll's fnv_test.c: "" is the offset basis, "a" and "foobar"),
 * checked again with a three-line Python loop.
 */
static void test_fnv1a(void **state)
{
	(void)state;
	assert_true(mutu_fnv1a("", 0) == 0xcbf29ce484222325ULL);
	assert_true(mutu_fnv1a_str("") == MUTU_FNV1A_INIT);
	assert_true(mutu_fnv1a_str("a") == 0xaf63dc4c8601ec8cULL);
	assert_true(mutu_fnv1a_str("foobar") == 0x85944171f73967e8ULL);
	/* continued in pieces: the same as at once */
	assert_true(mutu_fnv1a_add(mutu_fnv1a("foo", 3), "bar", 3) == 0x85944171f73967e8ULL);
	assert_true(mutu_fnv1a_add(7, NULL, 0) == 7);
}

/*
 * The store's dedup key is persisted: a store written before the hash
 * moved to base.h must dedup the same rows after.  Value computed in
 * Python from elog_dkey's definition: FNV-1a over "Verifikasi berkas",
 * tag 0x11, start 1735700400000 as 8 little-endian bytes, tag 0x20, tag
 * 0x41, "Budi"; then the splitmix64 finaliser (>>30, *0xbf58476d1ce4e5b9,
 * >>27, *0x94d049bb133111eb, >>31) and the low 31 bits.  (The stamp is
 * hashed in the machine's byte order; mutu's targets are little-endian.)
 */
static void test_dkey_pinned(void **state)
{
	(void)state;
	const char *act = "Verifikasi berkas";
	uint64_t k = elog_dkey(act, strlen(act), 1, 1735700400000LL, 0, 0, "Budi", 4, 1);
	assert_int_equal(k, 1487736039);
	/* the ingest keeps the state after the activity per text
	 * (elog_dkey_act) and goes on from it: the same key, the same
	 * hand-computed value */
	uint64_t h = elog_dkey_act(act, strlen(act));
	assert_true(h == mutu_fnv1a(act, strlen(act))); /* FNV-1a over the text alone */
	assert_int_equal(elog_dkey_rest(h, 1, 1735700400000LL, 0, 0, "Budi", 4, 1), 1487736039);
}

static void csv_is(int exact, const char *s, const char *want)
{
	struct mutu_buf b;
	mutu_buf_init(&b);
	if (exact)
		mutu_csv_field_exact(&b, s);
	else
		mutu_csv_field(&b, s);
	assert_string_equal(b.s, want);
	mutu_buf_release(&b);
}

/* The exact writer (for programs) adds nothing to a value and quotes
 * what a reader would split or trim; the one for people guards formulas
 * (RFC 4180 quoting, doubled quotes, in both). */
static void test_csv_exact(void **state)
{
	(void)state;
	csv_is(1, "Budi", "Budi");
	csv_is(1, "=SUM(A1)", "=SUM(A1)");       /* no guard: read back exactly */
	csv_is(0, "=SUM(A1)", "\"'=SUM(A1)\"");
	csv_is(1, "a,b", "\"a,b\"");
	csv_is(1, "say \"hi\"", "\"say \"\"hi\"\"\"");
	csv_is(1, " Budi", "\" Budi\"");         /* a blank at an end survives trimming readers */
	csv_is(1, "Budi\t", "\"Budi\t\"");
	csv_is(0, " Budi", " Budi");             /* people's CSV: as before */
	csv_is(1, "", "");
	csv_is(1, "-2.5", "-2.5");
}

static void fmt_is(double x, int dec, int en, const char *want)
{
	struct mutu_buf b;
	mutu_buf_init(&b);
	mutu_fmt_num(&b, x, dec, en);
	assert_string_equal(b.s, want);
	mutu_buf_release(&b);
}

/* The one number formatter: Indonesian writes a decimal comma and a
 * thousands point (PUEBI), English the reverse. */
static void test_fmt_num(void **state)
{
	(void)state;
	fmt_is(1234.5, 1, 0, "1.234,5");
	fmt_is(1234.5, 1, 1, "1,234.5");
	fmt_is(1234567.891, 2, 0, "1.234.567,89");
	fmt_is(-1234, 0, 0, "-1.234");
	fmt_is(100, 0, 0, "100");              /* three digits: no separator */
	fmt_is(999.96, 1, 0, "1.000,0");       /* the rounding carries into a new group */
	fmt_is(-0.04, 1, 0, "0,0");            /* rounds to zero: no sign */
	fmt_is(95.25, 2, 0, "95,25");
	fmt_is(NAN, 1, 0, "\xe2\x80\x93");    /* en dash */
	fmt_is(INFINITY, 1, 1, "\xe2\x80\x93");
}

/* Under ASan a failed malloc would be a report, not a NULL: ask for the
 * NULL so the OOM path itself is tested (merged with ASAN_OPTIONS). */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "allocator_may_return_null=1";
}

static jmp_buf oom_jmp;
static size_t oom_size;

static void oom_catch(size_t n)
{
	oom_size = n;
	longjmp(oom_jmp, 1);
}

/* A replaced OOM handler sees the size asked for and takes over (here it
 * jumps back instead of aborting); NULL restores the default. */
static void test_oom_handler(void **state)
{
	(void)state;
	/* more than any address space holds: malloc must fail */
	volatile size_t huge = SIZE_MAX / 2 + 1;
	mutu_set_oom_handler(oom_catch);
	oom_size = 0;
	if (setjmp(oom_jmp) == 0) {
		void *p = mutu_malloc(huge);
		free(p);
		mutu_set_oom_handler(NULL);
		fail_msg("mutu_malloc(%zu) returned", (size_t)huge);
	}
	assert_true(oom_size == huge);
	oom_size = 0;
	if (setjmp(oom_jmp) == 0) {
		void *p = mutu_realloc(NULL, huge);
		free(p);
		mutu_set_oom_handler(NULL);
		fail_msg("mutu_realloc returned");
	}
	assert_true(oom_size == huge);
	mutu_set_oom_handler(NULL);
	/* ordinary sizes still work with the default back */
	char *p = mutu_malloc(16);
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_write_new, setup, teardown),
		cmocka_unit_test_setup_teardown(test_replace_and_stream, setup, teardown),
		cmocka_unit_test_setup_teardown(test_abort, setup, teardown),
		cmocka_unit_test_setup_teardown(test_symlink_replaced, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dangling_symlink, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_folder, setup, teardown),
		cmocka_unit_test_setup_teardown(test_full_disk, setup, teardown),
		cmocka_unit_test(test_csv_guard),
		cmocka_unit_test(test_fnv1a),
		cmocka_unit_test(test_dkey_pinned),
		cmocka_unit_test(test_oom_handler),
		cmocka_unit_test(test_fmt_num),
		cmocka_unit_test(test_csv_exact),
		cmocka_unit_test(test_term_escape),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
