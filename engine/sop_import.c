/*
 * sop_import.c - turn an SOP table copied out of a Word or PDF document
 * (tab-separated text, like ../shared/seeds) into a model.  The same table
 * saved as CSV, markdown, pdftotext -layout text or HTML is first split
 * into the same rows and cells (split_rows); UTF-16 and Windows-1252 text
 * is made UTF-8 first (to_utf8).
 *
 * Real copies are messy: blank and title lines, two header rows in either
 * order, ragged rows, HTML fragments, arrows and OCR debris where the
 * flowchart symbols were, headers repeated after page breaks, a "Jumlah
 * Waktu" line, typos and aliases in actor names.  So nothing here relies on
 * positions alone:
 *   - the Waktu cell of a row is the cell that reads as a duration;
 *   - the mutu baku cells (Kelengkapan, Output, Keterangan) sit where the
 *     header puts them, on either side of Waktu; a full-width row is read
 *     by the header's columns, a ragged row (a cell lost in the copy) by
 *     the header's offsets from its Waktu cell, so it still maps (No. and
 *     Kegiatan are left-anchored);
 *   - the pelaksana of a step is weighed from every clue a careful reader
 *     uses: the marker in its actor column, the actor named as subject or
 *     agent of the activity, routing notes in the row before ("Berkas
 *     dirouting ke Kabid"), "disetujui Kabid" in its inputs or output, and
 *     the convention that an SOP starts and ends with the applicant.  When
 *     the clues are missing or disagree the step gets actor "?" and a
 *     warning: the importer never guesses silently.
 */
#include "mutu/sop.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sop_int.h"

/* Evidence weights.  A step is assigned when its best actor has at least
 * DECIDE points and leads the runner-up by MARGIN. */
enum {
	W_SUBJECT = 6,  /* "Petugas Front office memeriksa", "... oleh pemohon" */
	W_LIST = 12,    /* the title written in a single Pelaksana column (list layout) */
	W_TICK = 6,     /* a tick alone in the cell ("X", "v", a check mark): a
			 * table typed as a matrix names its pelaksana so, outright */
	W_STRONG = 4,   /* an arrow, shape or HTML fragment in the actor column */
	W_ROUTED = 4,   /* the previous row routes the berkas to this actor */
	W_APPROVED = 2, /* "Draft SK yang telah disetujui Kabid" in this row */
	W_CONV = 3,     /* the first and last steps belong to the applicant */
	W_BETWEEN = 2,  /* the only actor column between the neighbours' */
	W_CHECK = 2,    /* a check right after the applicant that can send the berkas back */
	W_WEAK = 1,     /* "-", "til", "H 05": debris */
	W_MERGED = 4,   /* list layout: a blank Pelaksana cell under a title, as a
			 * merged cell copies (Excel's CSV, Word): the same title;
			 * the activity naming another actor outweighs it */
	DECIDE = 3,
	MARGIN = 2
};

enum role { R_NONE = 0, R_NO, R_ACT, R_ACTOR, R_KEL, R_WAKTU, R_OUT, R_KET, R_GROUP };

/* Widest table read; text past it is refused with an error (sop_import_with). */
#define MAXCOL 64

struct row {
	int line;
	char **cells;
	size_t n;
};

struct column {
	int idx;          /* header column index (-1 without a header) */
	char *name;       /* the office's title as the header writes it, tidied
			   * (canonical only for a table without a header) */
	const char *role; /* canonical role of a header that names a known
			   * position in full (static), else NULL */
	int more;         /* role read from a known position's title with more
			   * words ("Kasi Pelayanan", "Camat Sumbang") */
	int entry;        /* sop_actor_table index or -1 */
	int cls;
	/* patterns: word lists with a tier (0 header words, 1 own/generic
	 * aliases, 2 same-class aliases) */
	struct pat {
		const char *w[8];
		size_t n;
		int tier;
	} pats[40];
	size_t npats;
	char *words;      /* storage for header words */
};

struct clue {
	int score[MAXCOL];
	char why[MAXCOL][128];
};

struct istep {
	int no, line;
	char *activity, *kelengkapan, *waktu, *output, *keterangan;
	struct dur d;
	int has_dur;
	/* marker per column: 0 none, W_WEAK, W_STRONG, W_TICK; text for messages */
	int marker[MAXCOL];
	char marker_text[MAXCOL][24];
	struct clue c;
	int actor;        /* column, -1 unknown */
	int reject_col;   /* the actor the berkas returns to on rejection, -1 none */
	int reject_no;    /* the step it returns to, named by the table's number
			   * ("Tidak: kembali ke no. 1"), 0 none */
	int dec_no;       /* the number in the decision's "Tidak" column, 0 none */
	int table_no;     /* the whole number in the No. cell, 0 none ("2a") */
	int sub_no;       /* a sub-step's number and letter ("2a": 2, 'a'), 0 none */
	char sub_letter;
	char reject_sub;  /* the letter of a sub-step named as the way back
			   * ("kembali ke langkah 1b": 'b'), 0 none */
	char note[256];
	char range_note[192]; /* the Waktu was a range ("1-3 Hari") */
	int list_col;         /* actor column named in the Pelaksana cell (list layout), -1 */
	int list_above;       /* list layout, the cell blank: the title above it, -1 */
	int clock24_line;     /* the line of a Waktu of whole 24s of Jam ("24 Jam",
			       * "72" under "Waktu (Jam)"): working Jam or days of
			       * 24 clock hours, decided by clock_days */
	int waktu_merged;     /* the Waktu cell blank right under a step with a
			       * Waktu: perhaps one cell merged over both rows
			       * (merged_waktu decides once the actors are known) */
};

struct imp {
	const char *src;
	int day_minutes; /* the calendar's net day (sop_import_opts): a
			  * fraction of a hari kerja is read at it */
	struct row *rows;
	size_t nrows;
	int role[MAXCOL];
	size_t ncols_hdr;
	int have_header;
	int hdr_first, hdr_last; /* row indexes of the header block */
	int col_no, col_act, col_kel, col_waktu, col_out, col_ket;
	struct column *cols;
	size_t ncols;
	int col_of_hdr[MAXCOL]; /* header column index -> actor column, -1 */
	struct istep *steps;
	size_t nsteps;
	char *declared;
	int declared_line;
	int declared_office; /* the total line leaves the applicant's time out */
	char *declared_note; /* what the total line said, when read otherwise */
	struct mutu_notes *warn;
	const char *waktu_unit; /* "Menit", "Jam", "Hari" from "Waktu (Menit)", else NULL */
	/* List layout: one Pelaksana column that holds each step's title as
	 * text ("Petugas Loket"), no column per position: its header index,
	 * else -1.  Its distinct titles become the actor columns. */
	int col_list;
	char cost_col[MAXCOL]; /* header column i is "Biaya" / "Tarif": its cells are no markers */
	/* header column i is a decision's: 1 its "Tidak" branch (the step
	 * numbers under it the way back), 2 its "Ya" (the next step), 3
	 * "Keputusan" (either, until a row of labels under it says) */
	char dec_col[MAXCOL];
	/* Waktu split over columns under it, "Hari | Jam | Menit": the unit
	 * of each such header column, else NULL */
	const char *part_unit[MAXCOL];
	/* A second SOP table in the same text (two permit types in one
	 * file): the line where its step numbers start again at 1, after a
	 * total line or a repeated header; 0 when none.  second_title: the
	 * line of text above it ("SOP IZIN TRAYEK"), else "". */
	int second_line;
	int total_unread;        /* the line of a total that reads as no duration, 0 none */
	char second_after[24];
	char second_title[96];
};

/* ------------------------------------------------------------------ */
/* Text helpers                                                         */

/* The buffer's string, and the buffer released (mutu_buf_detach leaves
 * a fresh allocation behind). */
static char *buf_take(struct mutu_buf *b)
{
	char *s = mutu_buf_detach(b);
	mutu_buf_release(b);
	return s;
}

static int is_blank_cell(const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == 0xC2 && (unsigned char)s[1] == 0xA0) {
			s++;
			continue;
		}
		if (!isspace(c))
			return 0;
	}
	return 1;
}

/* Copy of s with HTML tags and a few entities removed, markdown bold
 * markers dropped and white space collapsed. */
static char *clean_text(const char *s)
{
	struct mutu_buf b;
	mutu_buf_init(&b);
	int space = 0;
	while (*s) {
		if (*s == '<') {
			const char *e = strchr(s, '>');
			if (e && e - s < 200) {
				s = e + 1;
				space = 1;
				continue;
			}
		}
		if (*s == '&') {
			static const struct { const char *ent, *rep; } ents[] = {
				{"&nbsp;", " "}, {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}};
			int hit = 0;
			for (size_t i = 0; i < sizeof ents / sizeof ents[0]; i++) {
				size_t n = strlen(ents[i].ent);
				if (strncmp(s, ents[i].ent, n) == 0) {
					if (ents[i].rep[0] == ' ')
						space = 1;
					else {
						if (space && b.len)
							mutu_buf_putc(&b, ' ');
						space = 0;
						mutu_buf_puts(&b, ents[i].rep);
					}
					s += n;
					hit = 1;
					break;
				}
			}
			if (hit)
				continue;
		}
		/* "**" is markdown bold, dropped; but "**)" and "***)" are the
		 * second and third footnote marks ("2 Jam **)", a row "**) tidak
		 * termasuk ..."), kept: before, "2 Jam )" read as no duration */
		if (s[0] == '*' && s[1] == '*') {
			size_t run = 2;
			while (s[run] == '*')
				run++;
			if (s[run] != ')') {
				s += 2;
				continue;
			}
			if (space && b.len)
				mutu_buf_putc(&b, ' ');
			space = 0;
			mutu_buf_add(&b, s, run);
			s += run;
			continue;
		}
		unsigned char c = (unsigned char)*s;
		if (c == 0xC2 && (unsigned char)s[1] == 0xA0) {
			space = 1;
			s += 2;
			continue;
		}
		if (isspace(c)) {
			space = 1;
			s++;
			continue;
		}
		if (space && b.len)
			mutu_buf_putc(&b, ' ');
		space = 0;
		mutu_buf_putc(&b, *s++);
	}
	if (!b.s)
		mutu_buf_puts(&b, "");
	return buf_take(&b);
}

static int word_in(const char *w, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(w, *list) == 0)
			return 1;
	return 0;
}

/* Acronyms of the permit domain that the vowel test below misses: each
 * reads as a word by its letters (SIUP, SIMBG, IUMK: vowels and
 * consonants alternate) yet is an acronym in every title it appears in.
 * A title in capitals hides which words are acronyms, so this list says
 * it for the ones SOP titles carry (OSS-RBA's, PP 5/2021 and 28/2025; the
 * PBG's SIMBG, PP 16/2021; the older permits SIUP, SITU, IMB still named
 * in SOPs; in a Pelaksana header the units' LLAJ, OPD, TU).  Words
 * that are also Indonesian words ("API", "PATEN",
 * "SITU" as a lake) are left out: title case is the safe side there. */
static const char *const title_acronyms[] = {
	"siup", "siujk", "simbg", "iumk", "iujk", "iuptl", "sipa", "sipb", "sikb", "siak",
	"amdal", "umku", "umkm", "iui", "oss", "rba", "nib", "pbg", "slf", "imb", "kkpr", "pkkpr",
	"sppl", "ukl", "upl", "tdup", "tdp", "npwp", "nik", "ktp", "kbli", "skpwni", "sippt", "siupp",
	"dpmptsp", "ptsp", "mpp", "spptl", "llaj", "dllaj", "opd", "tu", "sptpd", "bphtb", "pbb", "sktm", "skck",
	/* round 10: a PBG's Tim Profesi Ahli / Tim Penilai Teknis (PP
	 * 16/2021), the health permits' Surat Izin Praktik and the
	 * professions' bodies, a fishing permit's SIPI / SIKPI (before,
	 * "Tpa/TPT", "Sip Dokter", "Idi", "Sipi") */
	"tpa", "tpt", "sip", "idi", "ibi", "pdgi", "ppni", "sipi", "sikpi", NULL};

/* Short words the vowel test takes for acronyms: "LOR" (Javanese north,
 * in kelurahan names: "Kutowinangun Lor", "Kauman Lor") */
static const char *const title_words[] = {"lor", NULL};

/* Does the cell read as a duration?  Cells with no digit are skipped early,
 * unless short and opening with a letter: the number may be in words
 * ("Satu Hari", "lima belas menit", "sehari"; dur_parse). */
static int cell_dur(const char *s, struct dur *d)
{
	if (!strpbrk(s, "0123456789")) {
		const char *q = s;
		while (*q == ' ')
			q++;
		/* words ("lima belas menit") or a vulgar fraction ("½ Jam",
		 * "¼ jam", "¾ Jam": U+00BD, U+00BC, U+00BE), which dur_parse
		 * reads; before, a "½ Jam" cell was no duration at all */
		int vulgar = (unsigned char)q[0] == 0xC2 &&
			     ((unsigned char)q[1] == 0xBD || (unsigned char)q[1] == 0xBC ||
			      (unsigned char)q[1] == 0xBE);
		if ((!isalpha((unsigned char)*q) && !vulgar) || strlen(q) > 40)
			return 0;
	}
	struct mutu_err e;
	mutu_err_clear(&e);
	char *t = clean_text(s);
	int ok = dur_parse(t, d, &e) == 0;
	free(t);
	return ok;
}

/*
 * A Waktu written as a range, "1-3 Hari", "1 - 3 Hari Kerja", "2 s/d 5
 * Hari", "30 Menit - 1 Jam", "1 sampai 3 Hari": its upper bound is the
 * ceiling ("paling lama"), so the step's waktu is the text after the
 * separator when that reads as a duration and the text before it is a
 * number or a duration.  Returns that text (caller frees) or NULL.
 */
static char *day_fraction(const char *t, struct dur *d, int dm, int *rounded);

static char *cell_range_upper(const char *cell, struct dur *d, int dm)
{
	static const char *const seps[] = {"\xE2\x80\x93", "\xE2\x80\x94", " s/d ", " s.d. ", " s.d ",
					   " sampai ", " hingga ", " sd ", "-",
					   /* "1 atau 2 hari" (1 or 2 days): the larger is the
					    * ceiling as a range's upper bound is (round 11;
					    * before, "unknown unit 'atau'") */
					   " atau ", " or ", NULL}; /* – — */
	if (!strpbrk(cell, "0123456789"))
		return NULL;
	char *t = clean_text(cell), *up = NULL;
	for (size_t i = 0; seps[i] && !up; i++) {
		char *at = strstr(t, seps[i]);
		if (!at || at == t)
			continue;
		const char *right = at + strlen(seps[i]);
		while (*right == ' ')
			right++;
		struct mutu_err e;
		mutu_err_clear(&e);
		struct dur lo, hi;
		/* "1 - 1½ hari": the upper bound a fraction of a hari kerja,
		 * read as day_fraction reads it (3 Jam 45 Menit a half day) */
		char *upday = NULL;
		if (dur_parse(right, &hi, &e) != 0 && (upday = day_fraction(right, &hi, dm, NULL)) == NULL)
			continue;
		char left[64];
		size_t n = (size_t)(at - t) < sizeof left - 1 ? (size_t)(at - t) : sizeof left - 1;
		memcpy(left, t, n);
		left[n] = 0;
		while (n && left[n - 1] == ' ')
			left[--n] = 0;
		char *q = left;
		while (*q == ' ')
			q++;
		/* "3 (tiga) - 5 (lima) hari kerja": the number spelled out
		 * after the digits, as official texts write it (round 11;
		 * before, "number '3' has no unit") */
		{
			char *par = strchr(q, '(');
			if (par && par > q && strchr(par, ')') && !strpbrk(par, "0123456789")) {
				*par = 0;
				size_t m = strlen(q);
				while (m && q[m - 1] == ' ')
					q[--m] = 0;
			}
		}
		/* a number: digits, a decimal mark, a fraction ("½ - 1 jam",
		 * "1½ - 2 hari", "1/2 - 1 jam": U+00BD/BC/BE are 0xC2 0xBD..) */
		int num = *q != 0;
		for (char *r = q; *r; r++)
			num &= isdigit((unsigned char)*r) || *r == ',' || *r == '.' || *r == '/' ||
			       ((unsigned char)*r == 0xC2 && ((unsigned char)r[1] == 0xBD || (unsigned char)r[1] == 0xBC ||
							   (unsigned char)r[1] == 0xBE) && r++);
		if (!num && dur_parse(q, &lo, &e) != 0) {
			free(upday);
			continue;
		}
		*d = hi;
		up = upday ? upday : mutu_strdup(right);
	}
	free(t);
	return up;
}

/*
 * A Waktu with a word before its number, as offices write the ceiling or
 * an estimate: "Maks. 2 Hari", "paling lama 5 hari kerja", "s.d. 3 Hari",
 * "<= 1 Hari" (the ceiling said outright: it is what an SOP's waktu
 * means anyway, the step's "paling lama"), "± 15 Menit", "kurang lebih 1
 * Jam" (an estimate: the only number the table gives, so it is taken as
 * the ceiling, and the step's note says it was approximate), "Waktu 30
 * menit" (a label, Q_LABEL: the number as it stands).  Returns Q_CEIL,
 * Q_APPROX or Q_LABEL and sets *rest past the words, else Q_NONE.
 */
enum { Q_NONE = 0, Q_RANGE, Q_CEIL, Q_APPROX, Q_PER, Q_NOTE, Q_REMARK, Q_ATONCE, Q_CLAUSE, Q_LABEL, Q_EQUIV,
       Q_DAYFRAC, Q_DAYFRAC_APPROX, Q_NOMDAY, Q_DAYFRAC_UP, Q_CLOCK };

/* A hari kerja in Menit when no calendar says it (sop_import_opts
 * day_minutes 0): 7.5 net hours (Perpres 21/2023: 37.5 hours over 5
 * days), the day_minutes of every id-* calendar.  Ramadan does not change
 * it: under the net reading a Hari is day_minutes of working time in
 * Ramadan too.  A fraction of a day ("½ hari") and a time said twice ("1
 * Hari (7,5 jam)") are read at the calendar's day (imp.day_minutes), the
 * minutes its "1 Hari" counts, so the two agree. */
#define IMPORT_DAY_MINUTES 450

static int has_fraction(const char *cell);

/*
 * "½ hari", "1½ hari", "setengah hari", "0,5 hari kerja", "1 1/2 Hari",
 * "satu setengah hari": a fraction of a hari kerja (no other unit beside
 * hari / hk).  dur_parse refuses it: a model's Hari is
 * whole.  Read here as Jam and Menit of a day of dm Menit, the
 * calendar's (450: ½ hari = 3 Jam 45 Menit; 1½ hari = 1 Hari 3 Jam 45
 * Menit; 390: ½ hari = 3 Jam 15 Menit), the whole days kept as
 * Hari.  Returns that text (caller frees) with *d set, or NULL.
 * A fraction that is no whole minute of the day ("seperempat hari", "¼
 * hari": 112,5 Menit of 450) is rounded up to the next minute (113) when
 * rounded is not NULL, and *rounded set to 1: a Waktu is a ceiling
 * ("paling lama"), and the half minute the model cannot hold must not
 * make a step that takes exactly a quarter day late.  The author wrote
 * an exact fraction of a day; the calendar's day, not the author, makes
 * it fall between minutes (unlike "1,33 Jam", which is refused: nothing
 * the author typed is rounded).  Before (round 10), refused.  With
 * rounded NULL (a range's bound), such a fraction gives NULL.
 */
static char *day_fraction(const char *t, struct dur *d, int dm, int *rounded)
{
	struct mutu_buf b;
	mutu_buf_init(&b);
	int day_words = 0;
	for (const char *p = t; *p;) {
		if (isalpha((unsigned char)*p)) {
			const char *w = p;
			while (isalpha((unsigned char)*p))
				p++;
			size_t n = (size_t)(p - w);
			if ((n == 4 && !mutu_strncasecmp(w, "hari", 4)) || (n == 2 && !mutu_strncasecmp(w, "hk", 2))) {
				mutu_buf_puts(&b, "jam");
				day_words++;
			} else if (n == 5 && !mutu_strncasecmp(w, "kerja", 5)) {
				/* "hari kerja": the qualifier is the reading */
			} else {
				/* a number in words ("satu setengah hari") stays for
				 * dur_parse to read; another unit ("½ hari 30 menit")
				 * would be read as Jam and multiplied with the days */
				static const char *const other[] = {"jam", "jm", "menit", "mnt", "min", "minggu", "mg",
								    "mgg", "pekan", "hour", "hours", "minute", "minutes",
								    "week", "weeks", "h", NULL};
				for (size_t i = 0; other[i]; i++)
					if (strlen(other[i]) == n && !mutu_strncasecmp(w, other[i], n)) {
						mutu_buf_release(&b);
						return NULL;
					}
				mutu_buf_add(&b, w, n);
			}
		} else {
			mutu_buf_putc(&b, *p++);
		}
	}
	char *jam = buf_take(&b);
	struct dur h;
	struct mutu_err e;
	mutu_err_clear(&e);
	char *out = NULL;
	/* read as Jam, one Jam standing for one Hari: 60 Menit a day */
	if (rounded)
		*rounded = 0;
	if (day_words == 1 && dur_parse(jam, &h, &e) == 0 && h.days == 0 && h.minutes % 60 != 0 &&
	    ((h.minutes * dm) % 60 == 0 || rounded)) {
		int64_t total = (h.minutes * dm + 59) / 60;
		if (rounded)
			*rounded = (h.minutes * dm) % 60 != 0;
		int64_t days = total / dm, rest = total % dm;
		struct mutu_buf o;
		mutu_buf_init(&o);
		if (days)
			mutu_buf_printf(&o, "%lld Hari", (long long)days);
		if (rest / 60)
			mutu_buf_printf(&o, "%s%lld Jam", days ? " " : "", (long long)(rest / 60));
		if (rest % 60)
			mutu_buf_printf(&o, "%s%lld Menit", days || rest / 60 ? " " : "", (long long)(rest % 60));
		out = buf_take(&o);
		if (dur_parse(out, d, &e) != 0) {
			free(out);
			out = NULL;
		}
	}
	free(jam);
	return out;
}

static int waktu_qualifier(const char *t, const char **rest)
{
	static const struct { const char *w; int q; } qs[] = {
		{"maksimal", Q_CEIL}, {"maksimum", Q_CEIL}, {"maks.", Q_CEIL}, {"maks", Q_CEIL},
		{"max.", Q_CEIL}, {"max", Q_CEIL}, {"paling lama", Q_CEIL}, {"paling lambat", Q_CEIL},
		{"selambat-lambatnya", Q_CEIL}, {"selama-lamanya", Q_CEIL}, {"sampai dengan", Q_CEIL},
		{"s.d.", Q_CEIL}, {"s.d", Q_CEIL}, {"s/d", Q_CEIL}, {"hingga", Q_CEIL},
		{"\xE2\x89\xA4", Q_CEIL}, {"<=", Q_CEIL}, {"<", Q_CEIL}, /* ≤ */
		{"kurang dari", Q_CEIL}, {"tidak lebih dari", Q_CEIL}, {"tidak melebihi", Q_CEIL},
		{"\xC2\xB1", Q_APPROX}, {"+/-", Q_APPROX}, {"+-", Q_APPROX}, /* ± */
		{"kurang lebih", Q_APPROX}, {"lebih kurang", Q_APPROX}, {"kurang-lebih", Q_APPROX},
		{"kira-kira", Q_APPROX}, {"sekitar", Q_APPROX}, {"kl.", Q_APPROX},
		/* the words offices put before the number (sixth round; before,
		 * "expected a number at 'SLA'" and waktu = ?): an OSS-RBA stage's
		 * "SLA 3 hari", "Target 1 hari", "Dalam 1 hari" are ceilings,
		 * "Estimasi 2 jam" an estimate, "Waktu 15 menit", "Lama 15
		 * menit", "Standar 30 menit", "Selama 1 jam" a label */
		{"sla", Q_CEIL}, {"target", Q_CEIL}, {"dalam waktu", Q_CEIL}, {"dalam", Q_CEIL},
		{"estimasi", Q_APPROX}, {"perkiraan", Q_APPROX},
		{"waktu", Q_LABEL}, {"lama", Q_LABEL}, {"standar", Q_LABEL}, {"standard", Q_LABEL},
		{"selama", Q_LABEL}, {"durasi", Q_LABEL},
	};
	for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
		size_t n = strlen(qs[i].w);
		if (mutu_strncasecmp(t, qs[i].w, n) != 0)
			continue;
		const char *r = t + n;
		/* a word ends there: "maks 2", "maks. 2", "±15", not "maksud" */
		if (isalpha((unsigned char)r[-1]) && isalpha((unsigned char)*r))
			continue;
		while (*r == ' ' || *r == ':')
			r++;
		/* the number: digits, or a vulgar fraction ("± ½ jam", before
		 * round 8 "expected a number at '±'") or "setengah" (and
		 * "seperempat": "± seperempat jam") */
		int vulgar = (unsigned char)r[0] == 0xC2 &&
			     ((unsigned char)r[1] == 0xBD || (unsigned char)r[1] == 0xBC ||
			      (unsigned char)r[1] == 0xBE);
		if (!isdigit((unsigned char)*r) && !vulgar && mutu_strncasecmp(r, "setengah ", 9) != 0 &&
		    mutu_strncasecmp(r, "seperempat ", 11) != 0)
			continue;
		*rest = r;
		return qs[i].q;
	}
	return Q_NONE;
}

/* Is the parenthesised text at open ("(08.00 - 16.00)", "(pukul 08.00
 * s/d 12.00 WIB)") only clock times: HH.MM or HH:MM, joined by a dash or
 * "s/d", with "pukul", "jam" or the zone around them? */
static int clock_remark(const char *open)
{
	static const char *const words[] = {"pukul", "jam", "s/d", "s.d.", "s.d", "sd", "sampai", "hingga",
					    "wib", "wita", "wit", NULL};
	int clocks = 0;
	const char *q = open + 1;
	while (*q && *q != ')') {
		if (*q == ' ' || *q == '-') {
			q++;
			continue;
		}
		if (!strncmp(q, "\xE2\x80\x93", 3)) { /* en dash */
			q += 3;
			continue;
		}
		if (isdigit((unsigned char)q[0]) && isdigit((unsigned char)q[1]) && (q[2] == '.' || q[2] == ':') &&
		    isdigit((unsigned char)q[3]) && isdigit((unsigned char)q[4]) && !isalnum((unsigned char)q[5])) {
			clocks++;
			q += 5;
			continue;
		}
		size_t hit = 0;
		for (size_t i = 0; words[i] && !hit; i++) {
			size_t wl = strlen(words[i]);
			if (mutu_strncasecmp(q, words[i], wl) == 0 && !isalpha((unsigned char)q[wl]))
				hit = wl;
		}
		if (!hit)
			return 0;
		q += hit;
	}
	return *q == ')' && !q[1] && clocks > 0;
}

/*
 * Text after a Waktu that does not change it, cut off t in place: the
 * unit of work, "30 menit/berkas", "1 Hari per permohonan" (every step's
 * waktu is per berkas: Q_PER), or a footnote mark, "30 Menit *)",
 * "(*)" (Q_NOTE), or a remark in parentheses without a number, "5 Hari
 * (setelah survei)" (Q_REMARK; "(5 Hari)" is a ceiling and stays).
 * Returns the kind, or Q_NONE with t unchanged.
 */
static int waktu_suffix(char *t, int dm)
{
	static const char *const work[] = {"berkas", "permohonan", "pengajuan", "dokumen", "izin",
					   "pemohon", "file", NULL};
	size_t n = strlen(t);
	while (n && t[n - 1] == ' ')
		n--;
	/* a footnote mark: one to three '*', alone or in parentheses */
	size_t e = n;
	if (e && t[e - 1] == ')')
		e--;
	size_t stars = 0;
	while (e && t[e - 1] == '*' && stars < 3)
		e--, stars++;
	if (stars && e < n && t[n - 1] == ')' && e && t[e - 1] == '(')
		e--;
	if (stars && e && (t[e - 1] == ' ' || isalpha((unsigned char)t[e - 1]))) {
		t[e] = 0;
		mutu_trim(t);
		return Q_NOTE;
	}
	/* "(per berkas)": the parentheses go, the rest is read below */
	char *open = n && t[n - 1] == ')' ? strrchr(t, '(') : NULL;
	if (open && open > t) {
		const char *q = open + 1;
		while (*q == ' ')
			q++;
		int per = mutu_strncasecmp(q, "per ", 4) == 0 || *q == '/';
		const char *w = q + (*q == '/' ? 1 : per ? 4 : 0);
		while (*w == ' ')
			w++;
		for (size_t i = 0; work[i] && per; i++) {
			size_t wl = strlen(work[i]);
			const char *e2 = w + wl;
			while (*e2 == ' ')
				e2++;
			if (mutu_strncasecmp(w, work[i], wl) == 0 && *e2 == ')' && !e2[1]) {
				*open = 0;
				mutu_trim(t);
				return Q_PER;
			}
		}
		/* not "(hari kalender)": that changes the unit, and calendar
		 * days are refused (dur.h), never read as hari kerja */
		int kal = 0;
		for (const char *q2 = open; *q2 && !kal; q2++)
			kal = mutu_strncasecmp(q2, "kalender", 8) == 0;
		if (!kal && !strpbrk(open, "0123456789") &&
		    strpbrk(open, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")) {
			*open = 0;
			mutu_trim(t);
			return Q_REMARK;
		}
		/* office hours in parentheses, "1 Hari (08.00 - 16.00)",
		 * "(pukul 08.00 s/d 12.00 WIB)": clock times, no duration */
		if (!kal && clock_remark(open)) {
			*open = 0;
			mutu_trim(t);
			return Q_REMARK;
		}
		/* the same time restated in other units, "60 menit (1 jam)",
		 * "1 Hari (7,5 jam)": the parentheses hold Jam or Menit (so no
		 * "(5 Hari)" ceiling) equal to the text before them at the
		 * calendar's day, dm (450 Menit for the id-* calendars, so "1
		 * Hari (6,5 jam)" agrees on a 390-Menit day only; a Hari against
		 * Jam is said so in the note).  Unequal, they stay, and dur_parse
		 * refuses the cell: which of the two is meant is the office's
		 * to say.  Before, every such cell was refused. */
		char *in = mutu_strdup(open + 1);
		char *close = strrchr(in, ')');
		if (close)
			*close = 0;
		struct dur a, b;
		struct mutu_err e;
		mutu_err_clear(&e);
		*open = 0;
		int eq = !kal && dur_parse(in, &b, &e) == 0 && b.minutes > 0 && b.rounded_days < 0 &&
			 dur_parse(t, &a, &e) == 0 && a.rounded_days < 0 &&
			 dur_to_minutes(a, dm) == dur_to_minutes(b, dm);
		/* "1 hari (8 jam)", "2 Hari (16 Jam)": whole Hari glossed at 8
		 * Jam each, the nominal working day (UU 13/2003 art. 77: 8 hours
		 * a day over a 5-day week) offices still write beside the hari
		 * kerja.  The Hari is what the step promises, the gloss names no
		 * longer day: read as the Hari, at the calendar's day (dm).
		 * Reading 480 Menit instead would make a one-day step end on the
		 * second working day of a 450-Menit calendar.  Before (round 10),
		 * refused as two unequal times.  Another gloss ("1 Hari (6,5
		 * Jam)" on a 450-Menit day) still is: the office's to say. */
		/* (and Hari with Jam beside them, "1 hari 2 jam (10 jam)": the
		 * gloss counts the Hari at 8 Jam and adds the same Jam, so the
		 * step is 1 Hari 2 Jam, 570 Menit on id-wib; before round 11,
		 * refused as two unequal times) */
		int nominal = !eq && !kal && dm != 480 && b.minutes > 0 && b.days == 0 && b.rounded_days < 0 &&
			      dur_parse(t, &a, &e) == 0 && a.rounded_days < 0 && a.days > 0 &&
			      b.minutes == a.days * 480 + a.minutes;
		/* (and a fraction of a day, "½ hari (4 jam)" at 8 Jam a day,
		 * "½ hari (3,75 jam)" at the calendar's: cell_waktu_text reads
		 * the fraction at the calendar's day; before, refused) */
		char *frac = NULL;
		if (!eq && !nominal && !kal && b.minutes > 0 && b.days == 0 && b.rounded_days < 0 &&
		    (frac = day_fraction(t, &a, dm, NULL)) != NULL) {
			int64_t am = dur_to_minutes(a, dm);
			if (am == b.minutes)
				eq = 1;
			else if (dm != 480 && b.minutes * dm == am * 480)
				nominal = 1;
		}
		free(frac);
		free(in);
		if (eq || nominal) {
			mutu_trim(t);
			return eq ? Q_EQUIV : Q_NOMDAY;
		}
		*open = '(';
	}
	/* a clause after the duration that says when it is counted from,
	 * as Standar Pelayanan words it: "5 hari kerja sejak berkas diterima
	 * lengkap", "1 Hari setelah survei" (Q_CLAUSE; the time stays what
	 * the number says, the clause goes to the note) */
	static const char *const clause[] = {"sejak", "semenjak", "setelah", "sesudah", "terhitung",
					     "dihitung", "apabila", "jika", "bila", "after", "since", NULL};
	for (char *q = t + 1; *q; q++) {
		if (q[-1] != ' ' || !strpbrk(t, "0123456789") || strpbrk(t, "0123456789") > q)
			continue;
		for (size_t i = 0; clause[i]; i++) {
			size_t wl = strlen(clause[i]);
			if (mutu_strncasecmp(q, clause[i], wl) == 0 && !isalpha((unsigned char)q[wl])) {
				q[-1] = 0;
				mutu_trim(t);
				return Q_CLAUSE;
			}
		}
	}
	/* "/berkas", "per berkas" */
	for (size_t i = 0; work[i]; i++) {
		size_t w = strlen(work[i]);
		if (n < w + 2 || mutu_strncasecmp(t + n - w, work[i], w) != 0)
			continue;
		size_t k = n - w;
		while (k && t[k - 1] == ' ')
			k--;
		if (k && t[k - 1] == '/')
			k--;
		else if (k >= 4 && mutu_strncasecmp(t + k - 4, " per", 4) == 0)
			k -= 3;
		else
			continue;
		t[k] = 0;
		mutu_trim(t);
		return Q_PER;
	}
	return Q_NONE;
}

/*
 * The Waktu of a cell that does not read as a duration as it stands but
 * means one: a range (its upper bound), a qualified number, or a number
 * with a unit of work or a footnote mark after it (above).
 * Returns the duration's text (caller frees) with *d and *kind set, or
 * NULL.
 */
static char *cell_waktu_text(const char *cell, struct dur *d, int *kind, int dm)
{
	/* "Langsung", "Seketika" (done at once, at the counter): the step
	 * adds no time, and the Waktu is the step's share of the total, so
	 * 0 Menit -- what the authors' Jumlah Waktu counts for it.  Not the
	 * smallest unit, 1 Menit: that would be a number the table never
	 * gave, and the sum would no longer match the declared total. */
	/* An OSS-RBA SOP's system step says so in its own words: "Real
	 * time", "Otomatis" (the OSS sends the notification or issues the NIB
	 * itself), the same 0 Menit; before, "no cell reads as a duration"
	 * with no reason and waktu = ?. */
	static const char *const at_once[] = {"langsung", "seketika", "saat itu juga", "pada saat itu juga",
					      "langsung selesai", "real time", "realtime", "real-time",
					      "otomatis", "secara otomatis", "otomatis oleh sistem",
					      "otomatis by system", "by system", NULL};
	/* A sheet whose Waktu cells were typed as times: Excel shows and
	 * exports a duration as "0:30:00" or "7:30" ([h]:mm:ss), hours,
	 * minutes, seconds.  Read as Jam and Menit; seconds other than 00
	 * are no whole minute and stay refused, as "60 detik" is.  Before
	 * (round 13), "number "0" has no unit" and waktu = ? on every step. */
	{
		char *t = clean_text(cell);
		unsigned h = 0, m = 0, sec = 0;
		int n = 0, hd = 0;
		const char *p = t;
		while (isdigit((unsigned char)*p) && hd < 5)
			h = h * 10 + (unsigned)(*p++ - '0'), hd++;
		int ok = hd >= 1 && hd <= 4 && *p == ':' && isdigit((unsigned char)p[1]) &&
			 isdigit((unsigned char)p[2]);
		if (ok) {
			m = (unsigned)(p[1] - '0') * 10 + (unsigned)(p[2] - '0');
			p += 3;
			n = 2;
			if (*p == ':' && isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[2])) {
				sec = (unsigned)(p[1] - '0') * 10 + (unsigned)(p[2] - '0');
				p += 3;
				n = 3;
			}
			ok = *p == 0 && m < 60 && sec == 0;
		}
		free(t);
		if (ok && n >= 2) {
			struct mutu_buf o;
			mutu_buf_init(&o);
			if (h)
				mutu_buf_printf(&o, "%u Jam", h);
			if (m || !h)
				mutu_buf_printf(&o, "%s%u Menit", h ? " " : "", m);
			char *out = buf_take(&o);
			struct mutu_err e;
			mutu_err_clear(&e);
			if (dur_parse(out, d, &e) == 0) {
				*kind = Q_CLOCK;
				return out;
			}
			free(out);
		}
	}
	if (!strpbrk(cell, "0123456789")) {
		char *t = clean_text(cell);
		size_t n = strlen(t);
		if (n && t[n - 1] == '.')
			t[--n] = 0;
		int hit = 0;
		for (size_t i = 0; at_once[i] && !hit; i++)
			hit = mutu_strcasecmp(t, at_once[i]) == 0;
		free(t);
		if (hit) {
			*d = dur_zero();
			*kind = Q_ATONCE;
			return mutu_strdup("0 Menit");
		}
		/* "± ½ jam", "½ hari", "setengah hari": a fraction in place of
		 * the digits, read below */
		if (!has_fraction(cell))
			return NULL;
	}
	char *t = clean_text(cell), *up = NULL;
	/* "1 Hari / 8 Jam", "60 menit / 1 jam": the time said twice with a
	 * slash where others use parentheses; read as "1 Hari (8 Jam)" is
	 * (waktu_suffix: equal at the calendar's day, or the Hari glossed at
	 * the nominal 8 Jam), and left as it is otherwise.  Not "1/2 Jam"
	 * (a fraction: digits on both sides) nor "30 menit/berkas" (no
	 * number after).  Before round 11, refused ("expected a number at
	 * '/'"). */
	{
		char *sl = strchr(t, '/');
		if (sl && !strchr(sl + 1, '/')) {
			const char *l = sl;
			while (l > t && l[-1] == ' ')
				l--;
			const char *r = sl + 1;
			while (*r == ' ')
				r++;
			if (l > t && isalpha((unsigned char)l[-1]) && isdigit((unsigned char)*r) && !strchr(t, '(')) {
				struct mutu_buf g;
				mutu_buf_init(&g);
				mutu_buf_printf(&g, "%.*s (%s)", (int)(l - t), t, r);
				char *alt = buf_take(&g);
				/* a bilingual table's "1 hari / 1 working day", "2 hari
				 * kerja / 2 working days": the same duration in two
				 * languages, whole days too (waktu_suffix's gloss is
				 * of Jam or Menit only) */
				{
					struct dur a2, b2;
					struct mutu_err e3;
					mutu_err_clear(&e3);
					char *left = mutu_strndup(t, (size_t)(l - t));
					int same = dur_parse(left, &a2, &e3) == 0 && dur_parse(r, &b2, &e3) == 0 &&
						   a2.days == b2.days && a2.minutes == b2.minutes &&
						   a2.rounded_days == b2.rounded_days;
					if (same) {
						free(alt);
						free(t);
						*d = a2;
						*kind = Q_EQUIV;
						return left;
					}
					free(left);
				}
				int k2 = waktu_suffix(alt, dm);
				if (k2 == Q_EQUIV || k2 == Q_NOMDAY) {
					free(t);
					t = alt;
					up = NULL;
					struct mutu_err e2;
					mutu_err_clear(&e2);
					if (dur_parse(t, d, &e2) == 0) {
						*kind = k2;
						return t;
					}
				}
				free(alt);
			}
		}
	}
	int sfx = waktu_suffix(t, dm);
	const char *rest = t;
	int q = waktu_qualifier(t, &rest);
	struct mutu_err e;
	mutu_err_clear(&e);
	if (q) {
		/* "± 1-2 Hari", "maks. 1-2 Hari": the range's upper bound */
		if (dur_parse(rest, d, &e) == 0)
			up = mutu_strdup(rest);
		else if ((up = cell_range_upper(rest, d, dm)) != NULL)
			q = Q_RANGE;
	} else if (sfx && dur_parse(t, d, &e) == 0)
		up = mutu_strdup(t), q = sfx;
	else if ((up = cell_range_upper(t, d, dm)) != NULL)
		q = Q_RANGE;
	/* "½ hari", "± ½ hari", "1½ hari", "0,5 hari": a fraction of a hari
	 * kerja, which a model cannot hold (a Hari is the calendar's, and
	 * under the next-day reading half of one has no instant) */
	int rounded = 0;
	if (!up && (up = day_fraction(q ? rest : t, d, dm, &rounded)) != NULL)
		q = rounded ? Q_DAYFRAC_UP : q == Q_APPROX ? Q_DAYFRAC_APPROX : Q_DAYFRAC;
	*kind = up ? q : Q_NONE;
	free(t);
	return up;
}

/* Words of the total line (lower case): "Jumlah Waktu", "Total", "Waktu
 * Keseluruhan", "Waktu Penyelesaian", "Jangka Waktu" (the Standar
 * Pelayanan's term for the whole service time). */
static int total_words(const char *lower)
{
	static const char *const w[] = {"jumlah", "total", "keseluruhan", "waktu penyelesaian",
					"lama penyelesaian", "jangka waktu", NULL};
	for (size_t i = 0; w[i]; i++)
		if (strstr(lower, w[i]))
			return 1;
	return 0;
}

/* The terminator of the flowchart as a row's only text: "Selesai",
 * "SELESAI.", "Mulai", "Start", "End", "Finish". */
static int is_terminator(const char *cell)
{
	static const char *const words[] = {"selesai", "mulai", "start", "end", "finish", "stop", NULL};
	char *t = clean_text(cell);
	size_t n = strlen(t);
	if (n && t[n - 1] == '.')
		t[--n] = 0;
	for (char *q = t; *q; q++)
		*q = (char)tolower((unsigned char)*q);
	int yes = word_in(t, words);
	free(t);
	return yes;
}

/*
 * The flowchart's symbol legend, which SOP AP tables print under (or
 * above) the table: a row "○ = Mulai/Selesai", "◇ : Keputusan", "□ |
 * Proses", "O = Terminator", "→ = Arah alur", or its heading "Keterangan
 * simbol:", "Simbol | Keterangan", "Legenda".  Returns 1 for a symbol's
 * row, 2 for the heading, 0 for anything else.  A symbol's row is a
 * symbol (or a shape typed as one capital letter) opening the row's text,
 * then "=", ":" or "-", or a cell of its own, and the meaning; without a
 * sign, the meaning must be a shape's (mulai, proses, keputusan ...), so
 * that a debris row ("→ 15 Menit") is no legend.  Before, each was
 * warned of as "not a step row".
 */
static int legend_row(const struct row *r)
{
	static const char *const symbols[] = {
		"\xE2\x86\x92", "\xE2\x86\x90", "\xE2\x86\x91", "\xE2\x86\x93", /* → ← ↑ ↓ */
		"\xE2\x87\x92", "\xE2\x96\xBA", "\xE2\x96\xB6", "\xE2\x96\xBC", /* ⇒ ► ▶ ▼ */
		"\xE2\x96\xA0", "\xE2\x96\xA1", "\xE2\x97\x86", "\xE2\x97\x87", /* ■ □ ◆ ◇ */
		"\xE2\x97\x8F", "\xE2\x97\x8B", "\xE2\x97\xAF", "\xE2\xAC\xAD", /* ● ○ ◯ ⬭ */
		"\xE2\x96\xAD", "\xE2\x96\xB1", "\xE2\x8C\x82", "\xE2\x97\xBB", /* ▭ ▱ ⌂ ◻ */
		"\xE2\x9D\x8F", "\xE2\x96\xA2", "->", "=>", NULL};                  /* ❏ ▢ */
	static const char *const meanings[] = {
		"mulai", "selesai", "awal", "akhir", "proses", "kegiatan", "aktivitas", "keputusan",
		"pengambilan keputusan", "decision", "arah", "alur", "arus", "garis", "penghubung",
		"konektor", "connector", "dokumen", "document", "terminator", "start", "end",
		"process", "flow", "input", "output", "data", "persiapan", NULL};
	static const char *const heads[] = {
		"keterangan simbol", "keterangan lambang", "keterangan gambar", "keterangan", "simbol", "lambang",
		"legenda", "legend", "notasi", "keterangan notasi", "simbol flowchart",
		"simbol diagram alir", NULL};
	/* the row's text, its cells joined by " | " */
	struct mutu_buf b;
	mutu_buf_init(&b);
	size_t cells = 0;
	for (size_t i = 0; i < r->n; i++) {
		if (is_blank_cell(r->cells[i]))
			continue;
		char *t = clean_text(r->cells[i]);
		if (b.len)
			mutu_buf_puts(&b, " | ");
		mutu_buf_puts(&b, t);
		free(t);
		cells++;
	}
	if (!b.len) {
		mutu_buf_release(&b);
		return 0;
	}
	char *t = buf_take(&b);
	for (char *q = t; *q; q++)
		*q = (char)tolower((unsigned char)*q);
	int kind = 0;
	/* the heading: one of its words, then nothing but ":" or the column
	 * name of a legend table ("simbol | keterangan") */
	for (size_t i = 0; heads[i] && !kind; i++) {
		size_t n = strlen(heads[i]);
		if (strncmp(t, heads[i], n) != 0 || isalpha((unsigned char)t[n]))
			continue;
		const char *q = t + n;
		while (*q == ' ' || *q == ':')
			q++;
		if (!*q || strcmp(q, "| keterangan") == 0 || strcmp(q, "| arti") == 0 ||
		    strcmp(q, "| nama") == 0 || strcmp(q, "| makna") == 0)
			kind = 2;
	}
	/* the symbol, or a shape typed as a capital letter alone ("O = ...",
	 * the letter checked on the text before lower-casing: here "o") */
	const char *q = NULL;
	for (size_t i = 0; symbols[i] && !q; i++)
		if (strncmp(t, symbols[i], strlen(symbols[i])) == 0)
			q = t + strlen(symbols[i]);
	int letter = 0;
	if (!kind && !q && isalpha((unsigned char)t[0]) && !isalpha((unsigned char)t[1])) {
		q = t + 1;
		letter = 1;
	}
	if (!kind && q) {
		/* more symbols of the same kind ("□ □", "→→") */
		for (int more = 1; more;) {
			more = 0;
			while (*q == ' ')
				q++;
			for (size_t i = 0; symbols[i] && !letter; i++)
				if (strncmp(q, symbols[i], strlen(symbols[i])) == 0) {
					q += strlen(symbols[i]);
					more = 1;
				}
		}
		int sign = 0;
		if (*q == '=' || *q == ':' || (*q == '-' && q[1] == ' ') || *q == '|') {
			sign = 1;
			q++;
		} else if (strncmp(q, "\xE2\x80\x93", 3) == 0 || strncmp(q, "\xE2\x80\x94", 3) == 0) {
			sign = 1; /* en dash, em dash */
			q += 3;
		}
		while (*q == ' ' || *q == '|')
			q++;
		int meaning = 0;
		for (size_t i = 0; meanings[i] && !meaning; i++) {
			size_t n = strlen(meanings[i]);
			meaning = strncmp(q, meanings[i], n) == 0 && !isalpha((unsigned char)q[n]);
		}
		/* a letter needs its sign and a shape's meaning: "O = Mulai";
		 * a symbol its sign or such a meaning */
		if (*q && isalpha((unsigned char)*q) && (letter ? sign && meaning : sign || meaning))
			kind = 1;
	}
	(void)cells;
	free(t);
	return kind;
}

/* A Waktu cell that says the step has no fixed time: "Sesuai jadwal",
 * "Tentatif", "Menyesuaikan", "Tergantung ...", "Tidak tentu", "-".
 * Such a step has no ceiling, and the model needs one. */
static int no_ceiling_text(const char *cell)
{
	static const char *const lead[] = {"sesuai", "tentatif", "menyesuaikan", "tergantung",
					   "tidak tentu", "kondisional", "situasional", "n/a", NULL};
	char *t = clean_text(cell);
	for (char *q = t; *q; q++)
		*q = (char)tolower((unsigned char)*q);
	int yes = strcmp(t, "-") == 0 || strcmp(t, "--") == 0 || strcmp(t, "\xE2\x80\x93") == 0 ||
		  strcmp(t, "\xE2\x80\x94") == 0; /* - -- en dash, em dash */
	for (size_t i = 0; lead[i] && !yes; i++)
		yes = strncmp(t, lead[i], strlen(lead[i])) == 0 && !isalpha((unsigned char)t[strlen(lead[i])]);
	free(t);
	return yes;
}

/* A row that only says where the berkas goes when the check fails: "Jika
 * berkas tidak lengkap, dikembalikan ke pemohon", "Apabila ditolak,
 * berkas dikembalikan": a condition word first, a sending back after. */
/* A routing note joins the step's Keterangan, where the way back is
 * read (reject_to): after what it had, "; " between. */
static void ket_append(struct istep *ps, const char *t)
{
	struct mutu_buf b;
	mutu_buf_init(&b);
	mutu_buf_printf(&b, "%s%s%s", ps->keterangan, *ps->keterangan ? "; " : "", t);
	free(ps->keterangan);
	ps->keterangan = buf_take(&b);
}

static int is_reject_branch(const char *cell)
{
	static const char *const cond[] = {"jika ", "apabila ", "bila ", "kalau ", "if ", NULL};
	static const char *const back[] = {"kembali", "ditolak", "returned", "rejected", NULL};
	char *t = clean_text(cell);
	for (char *q = t; *q; q++)
		*q = (char)tolower((unsigned char)*q);
	int c = 0, b = 0;
	for (size_t i = 0; cond[i] && !c; i++)
		c = strncmp(t, cond[i], strlen(cond[i])) == 0;
	for (size_t i = 0; back[i] && c && !b; i++)
		b = strstr(t, back[i]) != NULL;
	free(t);
	return c && b;
}

/* The earlier step a step runs alongside, named by its number: "bersamaan
 * dengan langkah 3", "(paralel dengan no. 3)", "dilakukan secara
 * bersamaan dengan kegiatan 3", "simultan dengan tahap 3", English "in
 * parallel with step 3", "simultaneously with step 3".  Returns the
 * table's number, 0 when the text names none. */
static int parallel_step_no(const char *text, char *sub)
{
	*sub = 0;
	if (!text)
		return 0;
	static const char *const lead[] = {"bersamaan dengan", "paralel dengan", "pararel dengan",
					   "simultan dengan", "serentak dengan", "in parallel with",
					   "parallel with", "simultaneously with", "concurrently with",
					   "at the same time as", NULL};
	static const char *const nouns[] = {"langkah", "nomor", "no.", "no", "kegiatan", "tahap", "step",
					    "prosedur", "uraian", NULL};
	for (const char *p = text; *p; p++) {
		for (size_t i = 0; lead[i]; i++) {
			size_t n = strlen(lead[i]);
			if (mutu_strncasecmp(p, lead[i], n) != 0 || (p > text && isalpha((unsigned char)p[-1])))
				continue;
			const char *q = p + n;
			while (*q == ' ')
				q++;
			/* up to two nouns, "kegiatan nomor 3", and the ordinal
			 * "langkah ke-3" */
			for (int round = 0; round < 2; round++) {
				for (size_t k = 0; nouns[k]; k++) {
					size_t m = strlen(nouns[k]);
					if (mutu_strncasecmp(q, nouns[k], m) == 0 && !isalpha((unsigned char)q[m])) {
						q += m;
						break;
					}
				}
				while (*q == ' ' || *q == '.' || *q == '#' || *q == '(')
					q++;
			}
			if (mutu_strncasecmp(q, "ke-", 3) == 0 || mutu_strncasecmp(q, "ke ", 3) == 0)
				q += 3;
			if (!isdigit((unsigned char)*q))
				continue;
			long v = strtol(q, NULL, 10);
			/* "bersamaan dengan langkah 3 hari" is no step */
			const char *e = q;
			while (isdigit((unsigned char)*e))
				e++;
			while (*e == ' ')
				e++;
			if (mutu_strncasecmp(e, "hari", 4) == 0 || mutu_strncasecmp(e, "jam", 3) == 0 ||
			    mutu_strncasecmp(e, "menit", 5) == 0)
				continue;
			/* a sub-step's label, "bersamaan dengan 2a", "no. 2.a" */
			e = q;
			while (isdigit((unsigned char)*e))
				e++;
			if (*e == '.' && isalpha((unsigned char)e[1]))
				e++;
			if (isalpha((unsigned char)*e) && !isalpha((unsigned char)e[1]))
				*sub = (char)tolower((unsigned char)*e);
			if (v > 0 && v < 10000)
				return (int)v;
		}
	}
	return 0;
}

/* A step done only when needed: "Survei lapangan (jika diperlukan)",
 * "apabila diperlukan", "bila perlu", "(opsional)", "if required". */
static int optional_step(const char *text)
{
	if (!text)
		return 0;
	static const char *const w[] = {"jika diperlukan", "apabila diperlukan", "bila diperlukan",
					"jika perlu", "bila perlu", "apabila perlu", "kalau diperlukan",
					"jika dibutuhkan", "apabila dibutuhkan", "opsional", "optional",
					"if required", "if necessary", "if needed", "when required", NULL};
	for (const char *p = text; *p; p++)
		for (size_t i = 0; w[i]; i++)
			if (mutu_strncasecmp(p, w[i], strlen(w[i])) == 0 &&
			    (p == text || !isalpha((unsigned char)p[-1])) && !isalpha((unsigned char)p[strlen(w[i])]))
				return 1;
	return 0;
}

/* The step a failed check sends the berkas back to, named by its number:
 * the decision symbol's "Tidak" branch as the flowchart layout's
 * Keterangan writes it ("Tidak: kembali ke no. 1; Ya: lanjut ke no. 3",
 * "Jika tidak lengkap dikembalikan ke langkah 1", "Tidak -> 2").  A
 * sending-back word, then in the same clause (up to ';') "ke" or an
 * arrow, an optional noun (langkah, no., nomor, kegiatan, tahap, step)
 * and the number, also as an ordinal ("ke langkah ke-1", "ke langkah
 * pertama").  Returns it, -1 for "ke proses sebelumnya" (the step
 * before), 0 when the text names none; the caller
 * keeps it only when it is an earlier step (a branch forward, "Tidak
 * perlu survei: ke no. 5", sends nothing back).  Before, only a position
 * ("dikembalikan ke pemohon") was read: the number was ignored, the model
 * had no reject_to and the import said no step sends the berkas back. */
static int label_ordinal(const char *lab);

/* (sub, when not NULL, gets the letter of a sub-step named by its label,
 * "ke langkah 1b", "ke no. 2.a": 'b', 'a'; else 0) */
static int reject_step_no(const char *text, char *sub)
{
	if (sub)
		*sub = 0;
	static const char *const back[] = {"tidak", "ditolak", "tolak", "dikembalikan", "kembalikan",
					   "kembali", "revisi", "perbaikan", "diperbaiki", "rejected",
					   "returned", "return", "returns", "revision", NULL};
	/* ("prosedur", "aktivitas": "kembali ke prosedur 2", as a table
	 * headed "Uraian Prosedur" names its rows; round 10) */
	static const char *const nouns[] = {"langkah", "nomor", "no", "kegiatan", "tahap", "tahapan",
					    "step", "butir", "proses", "poin", "urutan", "urut",
					    "prosedur", "aktivitas", NULL};
	if (!text || !*text)
		return 0;
	char *t = clean_text(text);
	for (char *q = t; *q; q++)
		*q = (char)tolower((unsigned char)*q);
	int found = 0;
	for (char *p = t; *p && !found; p++) {
		if (p > t && isalnum((unsigned char)p[-1]))
			continue;
		size_t wl = 0;
		for (size_t i = 0; back[i] && !wl; i++) {
			size_t n = strlen(back[i]);
			if (strncmp(p, back[i], n) == 0 && !isalnum((unsigned char)p[n]))
				wl = n;
		}
		if (!wl)
			continue;
		/* the clause after the word: to ';' or the next branch's label */
		for (char *q = p + wl; *q && *q != ';' && !found; q++) {
			if (strncmp(q, "ya", 2) == 0 && !isalnum((unsigned char)q[2]) &&
			    !isalnum((unsigned char)q[-1]))
				break;
			const char *r = NULL;
			if (strncmp(q, "ke ", 3) == 0 && !isalnum((unsigned char)q[-1]))
				r = q + 3;
			/* an English table's "If incomplete, return to step 1"
			 * (round 11; before, no reject_to, and the clock's
			 * start was written as if no step sent the berkas back) */
			else if (strncmp(q, "to ", 3) == 0 && !isalnum((unsigned char)q[-1]))
				r = q + 3;
			else if (strncmp(q, "\xE2\x86\x92", 3) == 0) /* → */
				r = q + 3;
			else if (strncmp(q, "->", 2) == 0)
				r = q + 2;
			if (!r)
				continue;
			while (*r == ' ' || *r == ':')
				r++;
			/* up to two nouns: "ke kegiatan nomor 1", "ke no. urut 1" */
			int nouned = 0;
			for (int round = 0; round < 2; round++) {
				for (size_t i = 0; nouns[i]; i++) {
					size_t n = strlen(nouns[i]);
					if (strncmp(r, nouns[i], n) == 0 && !isalpha((unsigned char)r[n])) {
						r += n;
						nouned = 1;
						break;
					}
				}
				while (*r == ' ' || *r == '.' || *r == ':')
					r++;
			}
			/* the number in parentheses or after '#': "ke langkah (2)",
			 * "ke langkah #2" (round 10; before, none read) */
			if (nouned && (*r == '(' || *r == '#') && isdigit((unsigned char)r[1]))
				r++;
			/* the ordinal after the noun: "ke langkah ke-1", "ke tahap
			 * ke 2" (the number follows), "ke langkah pertama" */
			if (nouned && strncmp(r, "ke", 2) == 0 && (r[2] == '-' || r[2] == ' ')) {
				const char *o = r + 3;
				while (*o == ' ')
					o++;
				if (isdigit((unsigned char)*o) || (*o && strchr("ivx", *o)))
					r = o;
			}
			if (nouned) {
				static const char *const ord_words[] = {
					"pertama", "kedua", "ketiga", "keempat", "kelima", "keenam",
					"ketujuh", "kedelapan", "kesembilan", "kesepuluh", NULL};
				for (size_t i = 0; ord_words[i] && !found; i++) {
					size_t n = strlen(ord_words[i]);
					if (strncmp(r, ord_words[i], n) == 0 && !isalpha((unsigned char)r[n]))
						found = (int)i + 1;
				}
				if (found)
					break;
			}
			/* steps numbered I, II, III: "kembali ke langkah II" (after
			 * a noun only: "ke I" alone is no way of writing it) */
			if (nouned && *r && strchr("ivx", *r)) {
				char rn[8];
				size_t k = 0;
				while (k < sizeof rn - 1 && r[k] && strchr("ivx", r[k]))
					rn[k] = r[k], k++;
				rn[k] = 0;
				int ord = !isalpha((unsigned char)r[k]) ? label_ordinal(rn) : 0;
				if (ord > 0) {
					found = ord;
					break;
				}
			}
			/* "dikembalikan ke proses sebelumnya": the step before */
			if (strncmp(r, "sebelumnya", 10) == 0 && !isalpha((unsigned char)r[10])) {
				found = -1;
				break;
			}
			long v = 0;
			const char *d = r;
			while (isdigit((unsigned char)*r) && v <= 100000)
				v = v * 10 + (*r++ - '0');
			/* a sub-step's label, "ke langkah 1b", "ke no. 2.a" (round
			 * 10; before, no number was read and no reject_to written):
			 * one letter after the number, after a noun, with no word
			 * going on ("ke 2 hari" is a time, "1 hk" too) */
			/* (and with no noun when a dot joins them, "kembali ke
			 * 1.b", which no time is written as; before, read as
			 * step 1) */
			const char *sl = *r == '.' ? r + 1 : r;
			if ((nouned || sl > r) && r > d && v >= 1 && v <= 100000 && *sl >= 'a' && *sl <= 'z' &&
			    !isalnum((unsigned char)sl[1]) && strncmp(sl, "hk", 2) != 0) {
				found = (int)v;
				if (sub)
					*sub = *sl;
				break;
			}
			/* a number, not the start of a time ("ke 2 hari") */
			if (r > d && v >= 1 && v <= 100000 && !isalpha((unsigned char)*r)) {
				const char *e = r;
				while (*e == ' ')
					e++;
				static const char *const units[] = {"hari", "jam", "menit", "mnt", "minggu",
								    "hk", NULL};
				int unit = 0;
				for (size_t i = 0; units[i] && !unit; i++)
					unit = strncmp(e, units[i], strlen(units[i])) == 0 &&
					       !isalpha((unsigned char)e[strlen(units[i])]);
				if (!unit)
					found = (int)v;
			}
		}
	}
	free(t);
	return found;
}

/* Is the activity a question, as a flowchart's decision is written:
 * "Berkas lengkap?", "Apakah persyaratan memenuhi?" */
static int is_question(const char *cell)
{
	char *t = clean_text(cell);
	size_t n = strlen(t);
	int q = (n && t[n - 1] == '?') || mutu_strncasecmp(t, "apakah ", 7) == 0;
	free(t);
	return q;
}

/* A page footer or header line of a PDF copy, alone on its row:
 * "Halaman 2 dari 3", "Hal. 2", "Page 2 of 3". */
static int page_footer(const struct row *r)
{
	const char *c = NULL;
	for (size_t i = 0; i < r->n; i++)
		if (!is_blank_cell(r->cells[i])) {
			if (c)
				return 0;
			c = r->cells[i];
		}
	if (!c)
		return 0;
	while (isspace((unsigned char)*c))
		c++;
	static const char *const words[] = {"halaman", "hal.", "hal", "page", NULL};
	for (size_t i = 0; words[i]; i++) {
		size_t n = strlen(words[i]);
		if (mutu_strncasecmp(c, words[i], n) == 0) {
			const char *q = c + n;
			while (*q == ' ')
				q++;
			if (isdigit((unsigned char)*q))
				return 1;
		}
	}
	return 0;
}

/* A step number: "1", "1.", "01", "1)". */
static int cell_number(const char *s, int *no)
{
	while (isspace((unsigned char)*s))
		s++;
	if (!isdigit((unsigned char)*s))
		return 0;
	long v = 0;
	while (isdigit((unsigned char)*s)) {
		v = v * 10 + (*s - '0');
		if (v > 100000)
			return 0;
		s++;
	}
	if (*s == '.' || *s == ')')
		s++;
	while (isspace((unsigned char)*s))
		s++;
	if (*s || v < 1)
		return 0;
	*no = (int)v;
	return 1;
}

/* Does a total line leave the applicant's time out: "Jumlah waktu (di
 * luar waktu pemohon)", "5 hari kerja, tidak termasuk waktu perbaikan oleh
 * pemohon", "excluding the applicant's time"?  The words of every cell. */
static int total_leaves_applicant(const struct row *row)
{
	struct mutu_buf b;
	mutu_buf_init(&b);
	for (size_t i = 0; i < row->n; i++)
		mutu_buf_printf(&b, " %s", row->cells[i]);
	char *t = clean_text(b.s ? b.s : "");
	mutu_buf_release(&b);
	for (char *q = t; *q; q++)
		*q = (char)tolower((unsigned char)*q);
	static const char *const open[] = {"di luar", "diluar", "tidak termasuk", "tdk termasuk", "excluding",
					   "not including", NULL};
	static const char *const whose[] = {"pemohon", "perbaikan", "pelaku usaha", "applicant", NULL};
	int yes = 0;
	for (size_t i = 0; open[i] && !yes; i++)
		for (const char *p = strstr(t, open[i]); p && !yes; p = strstr(p + 1, open[i])) {
			/* the applicant's words within the clause that follows */
			size_t n = strcspn(p, ";)");
			if (n > 60)
				n = 60;
			for (size_t k = 0; whose[k] && !yes; k++) {
				const char *w = strstr(p, whose[k]);
				yes = w && (size_t)(w - p) < n;
			}
		}
	free(t);
	return yes;
}

/* The whole step a sub-step's label belongs to: "1a", "1.b", "2 a",
 * "1.a)" (*letter gets the letter) and "1.1", "2.3." (*letter 0); 0 when
 * the cell is no such label ("1", "1.", "12", "1 berkas"). */
static int sub_label(const char *cell, char *letter)
{
	char *lab = clean_text(cell);
	const char *q = lab;
	int v = 0;
	*letter = 0;
	while (isdigit((unsigned char)*q) && v < 100000)
		v = v * 10 + (*q++ - '0');
	int sep = *q == '.' || *q == ' ';
	if (sep)
		q++;
	char c = (char)tolower((unsigned char)*q);
	int ok = 0;
	if (v > 0 && c >= 'a' && c <= 'z' && (!q[1] || (q[1] == '.' && !q[2]) || (q[1] == ')' && !q[2]))) {
		*letter = c;
		ok = 1;
	} else if (v > 0 && sep && q[-1] == '.' && isdigit((unsigned char)*q)) {
		while (isdigit((unsigned char)*q))
			q++;
		ok = !*q || (*q == '.' && !q[1]);
	}
	free(lab);
	return ok ? v : 0;
}

/* ------------------------------------------------------------------ */
/* Rows and the header                                                  */

static void push_row(struct imp *im, size_t *cap, struct row r)
{
	if (im->nrows == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		im->rows = mutu_realloc(im->rows, *cap * sizeof *im->rows);
	}
	im->rows[im->nrows++] = r;
}

/*
 * The field separator of a table saved from a spreadsheet as CSV, when
 * the text has no tab at all: ';' (what an Indonesian Excel writes) or
 * ',' when some line outside quotes holds at least two of it; else 0
 * (the text is read as tab-separated, as a copy out of Word or PDF).
 */
static char csv_sep(const char *s, const char *end)
{
	if (memchr(s, '\t', (size_t)(end - s)))
		return 0;
	int best[2] = {0, 0}, cur[2] = {0, 0}, quoted = 0;
	for (const char *p = s; p < end; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && *p == ';')
			cur[0]++;
		else if (!quoted && *p == ',')
			cur[1]++;
		if (*p == '\n' || p + 1 == end) {
			for (int k = 0; k < 2; k++) {
				if (cur[k] > best[k])
					best[k] = cur[k];
				cur[k] = 0;
			}
		}
	}
	return best[0] >= 2 ? ';' : best[1] >= 2 ? ',' : 0;
}

/* Rows of a CSV table (RFC 4180 as spreadsheets write it: quoted cells,
 * "" for a quote, line breaks inside quotes read as a space).  A row's
 * line is the line it starts on. */
static void split_csv(struct imp *im, const char *s, const char *end, char sep)
{
	size_t cap = 0;
	int line = 1;
	while (s < end) {
		struct row r = {line, NULL, 0};
		size_t ccap = 0;
		for (;;) {
			struct mutu_buf b;
			mutu_buf_init(&b);
			mutu_buf_puts(&b, "");
			if (s < end && *s == '"') {
				for (s++; s < end; s++) {
					if (*s == '"' && s + 1 < end && s[1] == '"')
						mutu_buf_putc(&b, '"'), s++;
					else if (*s == '"') {
						s++;
						break;
					} else if (*s == '\n' || *s == '\r') {
						line += *s == '\n';
						mutu_buf_putc(&b, ' ');
					} else
						mutu_buf_putc(&b, *s ? *s : ' ');
				}
			}
			while (s < end && *s != sep && *s != '\n')
				mutu_buf_putc(&b, *s == '\r' || !*s ? ' ' : *s), s++;
			if (r.n == ccap) {
				ccap = ccap ? ccap * 2 : 16;
				r.cells = mutu_realloc(r.cells, ccap * sizeof *r.cells);
			}
			r.cells[r.n++] = mutu_trim(buf_take(&b));
			if (s < end && *s == sep) {
				s++;
				continue;
			}
			if (s < end) { /* '\n' */
				s++;
				line++;
			}
			break;
		}
		push_row(im, &cap, r);
	}
}

/* A line of a markdown pipe table: its first non-blank character is '|'. */
static int pipe_line(const char *s, const char *le)
{
	while (s < le && (*s == ' ' || *s == '\t'))
		s++;
	return s < le && *s == '|';
}

/* The delimiter row under a markdown header, "|---|:--:|": only pipes,
 * dashes, colons and blanks. */
static int pipe_delimiter(const char *s, const char *le)
{
	int dash = 0;
	for (; s < le; s++) {
		if (*s == '-')
			dash = 1;
		else if (!strchr("|: \t\r", *s))
			return 0;
	}
	return dash;
}

/*
 * A markdown pipe table (a table pasted from a wiki, a README or a chat):
 * a line starting with '|' is a row whose cells lie between the pipes
 * ("\|" is a pipe inside a cell); the delimiter row under the first
 * header row is dropped, so that a second header row (the positions under
 * "Pelaksana", "Kelengkapan | Waktu | Output" under "Mutu Baku") stays
 * next to the first (each row keeps its line in the file).  Other lines
 * (titles) are one cell each.  Used when the text has no tab and its
 * first table-like line starts with '|'.
 */
static void split_pipes(struct imp *im, const char *s, const char *end)
{
	size_t cap = 0;
	int line = 0;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *le = nl ? nl : end;
		line++;
		struct row r = {line, NULL, 0};
		size_t ccap = 0;
		int pipes = pipe_line(s, le);
		if (pipes && pipe_delimiter(s, le)) {
			s = nl ? nl + 1 : end;
			continue;
		}
		const char *c = s;
		if (pipes) {
			while (*c != '|')
				c++;
			c++;
		}
		for (;;) {
			struct mutu_buf b;
			mutu_buf_init(&b);
			mutu_buf_puts(&b, "");
			while (c < le && !(pipes && *c == '|')) {
				if (pipes && *c == '\\' && c + 1 < le && c[1] == '|')
					c++;
				mutu_buf_putc(&b, *c == '\r' || !*c ? ' ' : *c);
				c++;
			}
			/* the text after a closing pipe is no cell */
			if (c >= le && pipes && r.n && is_blank_cell(b.s)) {
				mutu_buf_release(&b);
				break;
			}
			if (r.n == ccap) {
				ccap = ccap ? ccap * 2 : 16;
				r.cells = mutu_realloc(r.cells, ccap * sizeof *r.cells);
			}
			r.cells[r.n++] = mutu_trim(buf_take(&b));
			if (c >= le)
				break;
			c++; /* '|' */
		}
		push_row(im, &cap, r);
		s = nl ? nl + 1 : end;
	}
}

/* Does the text's first line that holds a tab, ';', ',' or '|' start
 * with '|'?  (A markdown table, whose cells may hold commas.) */
static int is_pipe_table(const char *s, const char *end)
{
	if (memchr(s, '\t', (size_t)(end - s)))
		return 0;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *le = nl ? nl : end;
		if (pipe_line(s, le))
			return 1;
		for (const char *q = s; q < le; q++)
			if (*q == ';' || *q == ',' || *q == '|')
				return 0;
		s = nl ? nl + 1 : end;
	}
	return 0;
}

static int row_is_header(const struct row *r, int *kw);

/* A chunk of a space-aligned line: text between runs of two or more
 * spaces, with its first and last column counted in characters (UTF-8
 * continuation bytes take no column), as pdftotext -layout aligns them. */
struct chunk {
	const char *a, *b; /* bytes */
	int c0, c1;        /* columns: first, one past the last */
};

static size_t layout_chunks(const char *s, const char *le, struct chunk *ch, size_t max)
{
	size_t n = 0;
	int col = 0;
	const char *p = s;
	while (p < le) {
		while (p < le && (*p == ' ' || *p == '\r'))
			p++, col++;
		if (p >= le)
			break;
		struct chunk c = {p, p, col, col};
		while (p < le && *p != '\r' && !(p[0] == ' ' && (p + 1 >= le || p[1] == ' '))) {
			if (((unsigned char)*p & 0xC0) != 0x80)
				col++;
			p++;
		}
		c.b = p;
		c.c1 = col;
		if (n < max) {
			ch[n++] = c;
		} else { /* past max: the last chunk runs on, no text is lost */
			ch[max - 1].b = c.b;
			ch[max - 1].c1 = c.c1;
		}
	}
	return n;
}

/*
 * A table as `pdftotext -layout` writes it (and some "copy as text"): no
 * tab, cells aligned by runs of spaces.  The header rows give the column
 * starts; every chunk of a line goes to the column its middle falls in, so
 * an empty cell stays empty (a 'v' under Front Office is not taken for
 * Pemohon's).  Used when the text has no tab and a line, split at runs of
 * two or more spaces, reads as a header row and holds no ',' or ';'
 * (which a CSV header would).  Returns 1 when it read the text, else 0
 * with im untouched.
 */
static int split_layout(struct imp *im, const char *s, const char *end)
{
	enum { MAXCH = MAXCOL };
	if (memchr(s, '\t', (size_t)(end - s)))
		return 0;
	int starts[MAXCH + 1], nst = 0;
	struct chunk ch[MAXCH];
	int found = 0;
	for (const char *p = s; p < end && found < 2;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		size_t n = layout_chunks(p, le, ch, MAXCH);
		int hdr = 0;
		if (n >= 3 && !memchr(p, ',', (size_t)(le - p)) && !memchr(p, ';', (size_t)(le - p))) {
			struct row r = {0, mutu_calloc(n, sizeof(char *)), n};
			for (size_t i = 0; i < n; i++)
				r.cells[i] = mutu_strndup(ch[i].a, (size_t)(ch[i].b - ch[i].a));
			hdr = row_is_header(&r, NULL);
			for (size_t i = 0; i < n; i++)
				free(r.cells[i]);
			free(r.cells);
		}
		if (hdr) {
			/* the starts of this header row and the next one's */
			for (size_t i = 0; i < n && nst < MAXCH; i++) {
				int dup = 0;
				for (int k = 0; k < nst; k++)
					dup |= abs(starts[k] - ch[i].c0) <= 1;
				if (!dup)
					starts[nst++] = ch[i].c0;
			}
			found++;
		} else if (found)
			break;
		p = nl ? nl + 1 : end;
	}
	if (!found || nst < 3)
		return 0;
	for (int i = 1; i < nst; i++) /* sort the starts */
		for (int k = i; k > 0 && starts[k - 1] > starts[k]; k--) {
			int t = starts[k];
			starts[k] = starts[k - 1];
			starts[k - 1] = t;
		}
	size_t cap = 0;
	int line = 0;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *le = nl ? nl : end;
		line++;
		size_t n = layout_chunks(s, le, ch, MAXCH);
		struct row r = {line, NULL, 0};
		if (n) {
			struct mutu_buf cell[MAXCH];
			for (int k = 0; k < nst; k++) {
				mutu_buf_init(&cell[k]);
				mutu_buf_puts(&cell[k], "");
			}
			for (size_t i = 0; i < n; i++) {
				int mid = (ch[i].c0 + ch[i].c1 - 1) / 2, k = 0;
				while (k + 1 < nst && starts[k + 1] <= mid)
					k++;
				if (cell[k].len)
					mutu_buf_putc(&cell[k], ' ');
				mutu_buf_add(&cell[k], ch[i].a, (size_t)(ch[i].b - ch[i].a));
			}
			r.cells = mutu_calloc((size_t)nst, sizeof *r.cells);
			r.n = (size_t)nst;
			for (int k = 0; k < nst; k++)
				r.cells[k] = mutu_trim(buf_take(&cell[k]));
		}
		push_row(im, &cap, r);
		s = nl ? nl + 1 : end;
	}
	return 1;
}

/* ---- HTML: a table saved from a web page or a Word "Save as HTML" ---- */

/* Does a tag named name (lowercase) open at p ("<td", "<td>", "<td
 * class=..."), or close there when close is set ("</td")? */
static int html_tag(const char *p, const char *end, const char *name, int close)
{
	size_t n = strlen(name);
	if (p >= end || *p != '<')
		return 0;
	p++;
	if (close) {
		if (p >= end || *p != '/')
			return 0;
		p++;
	}
	if ((size_t)(end - p) < n + 1 || mutu_strncasecmp(p, name, n) != 0)
		return 0;
	char c = p[n];
	return c == '>' || c == '/' || isspace((unsigned char)c);
}

/* The end of the tag opening at p ('<'): one past its '>', quotes in
 * attribute values honoured.  A '<' with no '>' in the next 4096 bytes
 * is no tag: p + 1 (so a text of many '<' is read in linear time). */
static const char *html_tag_end(const char *p, const char *end)
{
	char q = 0;
	const char *lt = p;
	if (end - p > 4096)
		end = p + 4096;
	if (!memchr(p, '>', (size_t)(end - p)))
		return p + 1;
	for (p++; p < end; p++) {
		if (q) {
			if (*p == q)
				q = 0;
		} else if (*p == '"' || *p == '\'') {
			q = *p;
		} else if (*p == '>') {
			return p + 1;
		}
	}
	return lt + 1;
}

/* The number of attribute attr ("colspan") in the tag [p, e): 1 when
 * absent or out of 1..max. */
static int html_span(const char *p, const char *e, const char *attr, int max)
{
	size_t n = strlen(attr);
	for (const char *q = p + 1; q + n < e; q++) {
		if (mutu_strncasecmp(q, attr, n) != 0 || isalpha((unsigned char)q[-1]))
			continue;
		const char *v = q + n;
		while (v < e && (isspace((unsigned char)*v) || *v == '=' || *v == '"' || *v == '\''))
			v++;
		long k = 0;
		while (v < e && isdigit((unsigned char)*v) && k <= max)
			k = k * 10 + (*v++ - '0');
		return k >= 1 && k <= max ? (int)k : 1;
	}
	return 1;
}

/*
 * The text of HTML [p, e): tags dropped (each a space), comments and the
 * contents of <style> / <script> skipped, entities decoded (&nbsp; a
 * space, &amp; &lt; &gt; &quot; &apos; &#39;, numeric &#8594; &#x2192;),
 * white space collapsed, trimmed.  A cell with no text but an image or a
 * drawing (<img>, <svg>, Word's <v:shape>) is "<img>": a flowchart shape
 * where the copy would leave one (classify_marker reads it so).
 */
static char *html_text(const char *p, const char *e)
{
	struct mutu_buf b;
	mutu_buf_init(&b);
	mutu_buf_puts(&b, "");
	int space = 0, shape = 0;
	while (p < e) {
		if (*p == '<') {
			if (e - p >= 4 && memcmp(p, "<!--", 4) == 0) {
				const char *c = p + 4;
				while (c + 2 < e && memcmp(c, "-->", 3) != 0)
					c++;
				p = c + 2 < e ? c + 3 : e;
				continue;
			}
			const char *t = html_tag_end(p, e);
			if (html_tag(p, e, "img", 0) || html_tag(p, e, "svg", 0) || html_tag(p, e, "v:shape", 0) ||
			    html_tag(p, e, "v:line", 0))
				shape = 1;
			int skip = html_tag(p, e, "style", 0) ? 1 : html_tag(p, e, "script", 0) ? 2 : 0;
			p = t;
			if (skip) {
				const char *name = skip == 1 ? "style" : "script";
				while (p < e && !html_tag(p, e, name, 1))
					p++;
				p = p < e ? html_tag_end(p, e) : e;
			}
			space = 1;
			continue;
		}
		if (*p == '&') {
			static const struct { const char *ent; unsigned long cp; } ents[] = {
				{"&nbsp;", ' '}, {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'},
				{"&apos;", '\''}, {"&rarr;", 0x2192}, {"&radic;", 0x221A}, {"&check;", 0x2713},
				{"&ndash;", 0x2013}, {"&mdash;", 0x2014}, {"&plusmn;", 0xB1}, {"&frac12;", 0xBD},
				{"&shy;", 0xAD}, {"&zwnj;", 0x200C}, {"&zwj;", 0x200D}};
			unsigned long cp = 0;
			const char *q = p + 1;
			if (q < e && *q == '#') {
				int hex = q + 1 < e && (q[1] == 'x' || q[1] == 'X');
				for (q += 1 + hex; q < e && (hex ? isxdigit((unsigned char)*q) : isdigit((unsigned char)*q)) &&
						   cp <= 0x10FFFF; q++)
					cp = cp * (hex ? 16 : 10) +
					     (unsigned long)(isdigit((unsigned char)*q) ? *q - '0' : (tolower((unsigned char)*q) - 'a' + 10));
				if (q < e && *q == ';' && cp >= 1 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF))
					q++;
				else
					cp = 0;
			} else {
				for (size_t i = 0; i < sizeof ents / sizeof ents[0] && !cp; i++) {
					size_t n = strlen(ents[i].ent);
					if ((size_t)(e - p) >= n && strncmp(p, ents[i].ent, n) == 0)
						cp = ents[i].cp, q = p + n;
				}
			}
			if (cp) {
				p = q;
				/* written as an entity, the characters drop_invisible
				 * takes out of a copied text: nothing to read */
				if (cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF)
					continue;
				if (cp == ' ' || cp == 0xA0) {
					space = 1;
					continue;
				}
				if (space && b.len)
					mutu_buf_putc(&b, ' ');
				space = 0;
				mutu_buf_put_utf8(&b, cp);
				continue;
			}
		}
		if (isspace((unsigned char)*p) || !*p) {
			space = 1;
			p++;
			continue;
		}
		if (space && b.len)
			mutu_buf_putc(&b, ' ');
		space = 0;
		mutu_buf_putc(&b, *p++);
	}
	if (!b.len && shape)
		mutu_buf_puts(&b, "<img>");
	return buf_take(&b);
}

/* Is the text an HTML table: a <tr> and a <td> or <th> tag in it? */
static int is_html_table(const char *s, const char *end)
{
	int tr = 0, td = 0;
	for (const char *p = s; p < end && !(tr && td); p++) {
		p = memchr(p, '<', (size_t)(end - p));
		if (!p)
			break;
		tr |= html_tag(p, end, "tr", 0);
		td |= html_tag(p, end, "td", 0) || html_tag(p, end, "th", 0);
	}
	return tr && td;
}

/*
 * The rows of an HTML table: each <tr> a row, each <td> / <th> a cell
 * (its text, see html_text).  A cell spanning columns (colspan) is
 * followed by blank cells, and one spanning rows (rowspan) leaves a
 * blank cell in the rows below: a merged cell reads as it does copied
 * out of Word, so two header rows ("Pelaksana" over the positions) line
 * up.  Text outside the rows (a heading, a caption) is one row of one
 * cell per line or block, an empty paragraph a blank row; <head>,
 * <style>, <script> and comments are skipped.  A row's line is the line
 * of its <tr>.
 */
static void split_html(struct imp *im, const char *s, const char *end)
{
	size_t cap = 0;
	int line = 1;
	int span_left[MAXCOL + 1] = {0}; /* rows a rowspan still covers, per column */
	struct row r = {0, NULL, 0};
	size_t ccap = 0;
	int in_row = 0;
	const char *text0 = s; /* outside rows: the text since the last break */
	int text_line = 1;
#define ADD_CELL(str)                                                                   \
	do {                                                                             \
		if (r.n == ccap) {                                                       \
			ccap = ccap ? ccap * 2 : 16;                                     \
			r.cells = mutu_realloc(r.cells, ccap * sizeof *r.cells);         \
		}                                                                        \
		r.cells[r.n++] = (str);                                                  \
	} while (0)
	for (const char *p = s; p <= end;) {
		int at_end = p == end;
		int tr = !at_end && html_tag(p, end, "tr", 0);
		int row_end = !at_end && (html_tag(p, end, "tr", 1) || html_tag(p, end, "table", 1) ||
					  html_tag(p, end, "table", 0));
		int cell = !at_end && (html_tag(p, end, "td", 0) || html_tag(p, end, "th", 0));
		int style = !at_end && !in_row && (html_tag(p, end, "style", 0) || html_tag(p, end, "script", 0) ||
						   html_tag(p, end, "head", 0));
		int comment = !at_end && !in_row && end - p >= 4 && memcmp(p, "<!--", 4) == 0;
		/* outside a row: text ends at a line break, a block tag, a row */
		int brk = !at_end && !in_row &&
			  (tr || row_end || cell || style || comment || *p == '\n' || html_tag(p, end, "br", 0) ||
			   html_tag(p, end, "p", 1) || html_tag(p, end, "div", 1) || html_tag(p, end, "caption", 1) ||
			   (p + 2 < end && p[0] == '<' && p[1] == '/' && (p[2] == 'h' || p[2] == 'H')));
		if (!in_row && (at_end || brk)) {
			char *t = html_text(text0, p);
			/* an empty paragraph (Word's <p>&nbsp;</p>) is the blank
			 * line a copy would give: it parts a title from the next */
			if (*t || (!at_end && html_tag(p, end, "p", 1))) {
				struct row one = {text_line, mutu_calloc(1, sizeof(char *)), 1};
				one.cells[0] = t;
				push_row(im, &cap, one);
			} else
				free(t);
		}
		if (at_end)
			break;
		if (in_row && (tr || row_end)) {
			/* columns still covered by a rowspan past the row's last cell */
			size_t last = 0;
			for (size_t c = r.n; c < MAXCOL; c++)
				if (span_left[c])
					last = c + 1;
			for (size_t c = r.n; c < last; c++) {
				ADD_CELL(mutu_strdup(""));
				if (span_left[c])
					span_left[c]--;
			}
			push_row(im, &cap, r);
			r = (struct row){0, NULL, 0};
			ccap = 0;
			in_row = 0;
		}
		if (html_tag(p, end, "table", 0) || html_tag(p, end, "table", 1))
			memset(span_left, 0, sizeof span_left);
		if (tr) {
			in_row = 1;
			r.line = line;
		}
		if (cell) {
			if (!in_row) { /* a <td> without <tr>: a row of its own */
				in_row = 1;
				r.line = line;
			}
			const char *te = html_tag_end(p, end);
			int colspan = html_span(p, te, "colspan", MAXCOL + 1);
			int rowspan = html_span(p, te, "rowspan", 100000);
			/* the cell's inner HTML: up to its close or the next cell or row */
			const char *q = te;
			while (q < end && !(*q == '<' && (html_tag(q, end, "td", 1) || html_tag(q, end, "th", 1) ||
							  html_tag(q, end, "td", 0) || html_tag(q, end, "th", 0) ||
							  html_tag(q, end, "tr", 0) || html_tag(q, end, "tr", 1) ||
							  html_tag(q, end, "table", 1))))
				q++;
			while (r.n < MAXCOL && span_left[r.n]) {
				span_left[r.n]--;
				ADD_CELL(mutu_strdup(""));
			}
			size_t at = r.n;
			ADD_CELL(html_text(te, q));
			for (int k = 1; k < colspan; k++)
				ADD_CELL(mutu_strdup(""));
			for (size_t c = at; c < r.n && c < MAXCOL; c++)
				span_left[c] = rowspan - 1;
			for (const char *c = p; c < q; c++)
				line += *c == '\n';
			p = q;
			if (html_tag(p, end, "td", 1) || html_tag(p, end, "th", 1))
				p = html_tag_end(p, end);
			text0 = p;
			text_line = line;
			continue;
		}
		/* past the tag (or character); <style>, <script> and comments
		 * outside rows skipped whole */
		const char *next = *p == '<' ? html_tag_end(p, end) : p + 1;
		if (style) {
			/* <head> too: its <title> is often the document's file name */
			const char *name = html_tag(p, end, "style", 0) ? "style"
					   : html_tag(p, end, "head", 0) ? "head" : "script";
			while (next < end && !html_tag(next, end, name, 1))
				next++;
			next = next < end ? html_tag_end(next, end) : end;
		} else if (comment) {
			const char *c = p + 4;
			while (c + 2 < end && memcmp(c, "-->", 3) != 0)
				c++;
			next = c + 2 < end ? c + 3 : end;
		}
		for (const char *c = p; c < next; c++)
			line += *c == '\n';
		if (brk || in_row) {
			text0 = next;
			text_line = line;
		}
		p = next;
	}
	if (in_row)
		push_row(im, &cap, r);
	else
		free(r.cells);
#undef ADD_CELL
}

/*
 * Does tab-separated text quote a cell that holds a line break, as Excel
 * and Google Sheets do when cells are copied or saved as "Text (Tab
 * delimited)" / TSV (a Kelengkapan of Alt+Enter lines: "Formulir<LF>KTP")?
 * A cell that opens with '"' at a line's start or after a tab and whose
 * closing quote ('""' is a quote inside) stands on a later line, right
 * before a tab or a line end.  Word and PDF copies quote nothing, and a
 * cell that only opens with a quote mark ("Izin" ...) closes on its own
 * line, so both stay read line by line.
 */
static int tab_quoted_break(const char *s, const char *end)
{
	for (const char *p = s; p < end; p++) {
		if (*p != '"' || (p > s && p[-1] != '\t' && p[-1] != '\n'))
			continue;
		int broken = 0;
		const char *q = p + 1;
		for (; q < end; q++) {
			if (*q == '"' && q + 1 < end && q[1] == '"')
				q++;
			else if (*q == '"')
				break;
			else if (*q == '\n')
				broken = 1;
		}
		if (q >= end)
			return 0;
		if (broken && (q + 1 == end || q[1] == '\t' || q[1] == '\r' || q[1] == '\n'))
			return 1;
		p = q;
	}
	return 0;
}

static enum role header_role(const char *cell);

/* A line's text, trimmed, as a new string (caller frees). */
static char *line_text(const char *s, const char *le)
{
	char *t = mutu_strndup(s, (size_t)(le - s));
	for (char *q = t; *q; q++)
		if (*q == '\r')
			*q = ' ';
	return mutu_trim(t);
}

/* Does a line alone open a step: its number ("1", "2."), a sub-step's
 * label ("1a", "2.b") or a roman numeral ("I", "IV")?  last is the last
 * whole number seen: a number must follow it by one (a bare "2" in a cell,
 * "2 berkas", is no step), a sub-step's be it or the next.  Sets *whole. */
static int stacked_label(const char *t, int last, int *whole)
{
	int v;
	if (cell_number(t, &v))
		return v == last + 1 ? (*whole = v, 1) : 0;
	const char *q = t;
	v = 0;
	while (isdigit((unsigned char)*q) && v < 100000)
		v = v * 10 + (*q++ - '0');
	if (*q == '.')
		q++;
	if (v > 0 && isalpha((unsigned char)*q) && (!q[1] || ((q[1] == '.' || q[1] == ')') && !q[2])) &&
	    (v == last || v == last + 1))
		return *whole = v, 1;
	int o = strlen(t) <= 6 && strpbrk(t, "IVXivx") == t ? label_ordinal(t) : 0;
	if (o == last + 1 && o > 0 && strspn(t, "IVX.)") == strlen(t))
		return *whole = o, 1;
	return 0;
}

/* Has a row of split_stacked's reached its Waktu: a cell past the
 * Kegiatan that reads as a duration, or as many cells as the header has
 * up to its Waktu (hw, its index)? */
static int stacked_has_waktu(const struct row *r, int hw)
{
	struct dur d;
	if (hw >= 0 && r->n > (size_t)hw)
		return 1;
	for (size_t i = 2; i < r->n; i++)
		if (cell_dur(r->cells[i], &d))
			return 1;
	return 0;
}

/* Do n lines, joined, name a known position in full ("Kepala Bidang" +
 * "Pelayanan Perizinan")? */
static int stacked_position(char *const *cells, size_t n)
{
	struct mutu_buf b;
	mutu_buf_init(&b);
	for (size_t i = 0; i < n; i++)
		mutu_buf_printf(&b, "%s%s", i ? " " : "", cells[i]);
	char *t = buf_take(&b);
	struct sop_tok *toks;
	size_t nt = sop_tokenize(t, &toks);
	int full = 0;
	int e = nt ? sop_actor_lookup_toks(toks, nt, &full) : -1;
	free(toks);
	free(t);
	return e >= 0 && full;
}

/* "Mutu Baku" (and its English): a header cell spanning the columns
 * under it, no column of its own in a table whose header is one run of
 * lines (split_stacked) */
static int span_word(const char *t)
{
	return mutu_strcasecmp(t, "mutu baku") == 0 || mutu_strcasecmp(t, "quality standard") == 0;
}

/* A header naming what the applicant pays, "Biaya", "Tarif", "Retribusi",
 * "Biaya (Rp)": a Standar Pelayanan component some offices print beside
 * the SOP's mutu baku; no pelaksana, no mutu baku (round 11). */
static int cost_header(const char *cell)
{
	char *t = clean_text(cell);
	for (char *q = t; *q; q++)
		*q = (char)tolower((unsigned char)*q);
	static const char *const cost[] = {"biaya", "tarif", "retribusi", "biaya/tarif", "tarif/biaya",
					   "biaya / tarif", "cost", "fee", "fees", "biaya (rp)", "tarif (rp)",
					   "biaya (rp.)", NULL};
	int hit = word_in(t, cost);
	free(t);
	return hit;
}

static int branch_label(const char *cell);

/* A decision's column header: "Keputusan", "Keputusan (Ya/Tidak)",
 * "Decision" (round 12). */
static int decision_header(const char *cell)
{
	char *t = clean_text(cell);
	for (char *q = t; *q; q++)
		*q = (char)tolower((unsigned char)*q);
	static const char *const dec[] = {"keputusan", "keputusan (ya/tidak)", "keputusan ya/tidak",
					  "ya/tidak", "ya / tidak", "decision", NULL};
	int hit = word_in(t, dec);
	free(t);
	return hit;
}

/* The way back a "Keputusan" cell writes: "Tidak: 1", "Tidak -> 1",
 * "Tidak ke no. 1", "Ya: 3, Tidak: 1" (the number after "Tidak"), else
 * what reject_step_no reads; 0 none. */
static int decision_no(const char *cell, char *sub)
{
	int v = reject_step_no(cell, sub);
	if (v)
		return v;
	char *t = clean_text(cell);
	for (char *q = t; *q; q++)
		*q = (char)tolower((unsigned char)*q);
	const char *p = strstr(t, "tidak");
	if (p) {
		p += 5;
		while (*p == ' ' || *p == ':' || *p == '=' || *p == '-' || *p == '>')
			p++;
		long n = 0;
		const char *d = p;
		while (isdigit((unsigned char)*p) && n <= 100000)
			n = n * 10 + (*p++ - '0');
		if (p > d && n >= 1 && n <= 100000 && !isalpha((unsigned char)*p))
			v = (int)n;
	}
	free(t);
	return v;
}

/*
 * A table pasted out of a PDF viewer with each cell on its own line (no
 * tab, no run of spaces between cells: "No / Kegiatan / Pelaksana / Waktu
 * / ..." down the page, then "1 / Mengajukan permohonan / Pemohon / 15
 * menit / ...").  Found by a run of at least three header words alone on
 * their lines, Waktu among them; the lines before it stay title lines.
 * Each step's cells start at its number (stacked_label), the total line at
 * its words ("Jumlah Waktu"); blank lines are no cells.  A cell the viewer
 * wrapped onto two lines would shift the rest: when the first cell that
 * reads as a duration lies past the header's Waktu, the extra lines are
 * the Kegiatan's (the long text of the row) and join it.  A row short of
 * cells (a blank cell the copy dropped) stays ragged, for read_rows to map
 * by its Waktu.  "Mutu Baku", which spans Kelengkapan / Waktu / Output in
 * the document, is dropped from the header; the header repeated after a
 * page break (its first word again, "No") is a row of its own, and so is
 * a page footer ("Halaman 1 dari 2").  Returns 1 when it read the text,
 * else 0 with im untouched.  Before (round 10), "no SOP table found".
 */
static int split_stacked(struct imp *im, const char *s, const char *end)
{
	if (memchr(s, '\t', (size_t)(end - s)))
		return 0;
	/* the header run: its first line, its length and its Waktu */
	const char *hs = NULL, *he = NULL;
	int hn = 0, hw = -1, run = 0, run_w = -1, line = 0, hline = 0, rs_line = 0, run_span = 0;
	const char *rs = NULL;
	for (const char *p = s; p < end && !hs;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		line++;
		char *t = line_text(p, le);
		enum role r = *t && strlen(t) < 40 ? header_role(t) : R_NONE;
		/* (a "Biaya" among them is a column too, read_header ignores
		 * it; before round 11 it broke the run: no SOP table found) */
		if (r != R_NONE || (run && cost_header(t))) {
			if (!run)
				rs = p, rs_line = line, run_span = 0;
			if (r == R_WAKTU && run_w < 0)
				run_w = run - run_span;
			run_span += span_word(t);
			run++;
		} else if (*t) {
			if (run >= 3 && run_w >= 0)
				hs = rs, he = p, hn = run, hw = run_w, hline = rs_line;
			run = 0, run_w = -1;
		}
		free(t);
		p = nl ? nl + 1 : end;
	}
	if (!hs || hn > MAXCOL)
		return 0;
	size_t cap = 0;
	/* the title lines, one cell each */
	line = 0;
	for (const char *p = s; p < hs;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		line++;
		struct row r = {line, mutu_malloc(sizeof(char *)), 1};
		r.cells[0] = line_text(p, le);
		push_row(im, &cap, r);
		p = nl ? nl + 1 : end;
	}
	/* the header, one row; then the steps' rows; after the total's
	 * time (a signature block, notes), one row a line */
	struct row cur = {hline, mutu_calloc((size_t)MAXCOL + 1, sizeof(char *)), 0};
	int last = 0, in_total = 0, tail = 0, is_head = 1;
	/* its first word ("No"): the header again after a page break */
	const char *hnl = memchr(hs, '\n', (size_t)(end - hs));
	char *first_head = line_text(hs, hnl ? hnl : end);
	line = hline - 1;
	for (const char *p = hs;;) {
		const char *nl = p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL;
		const char *le = nl ? nl : end;
		char *t = p < end ? line_text(p, le) : NULL;
		line++;
		int whole = 0, start = 0;
		if (t && p >= he && *t) {
			char *lower = mutu_strdup(t);
			for (char *q = lower; *q; q++)
				*q = (char)tolower((unsigned char)*q);
			struct row one = {line, &t, 1};
			/* the total's time cut after its number ("14 (empat
			 * belas)" / "hari kerja"): the unit's line joins it */
			if (in_total && tail == 2 && cur.n > 0) {
				struct mutu_buf b;
				mutu_buf_init(&b);
				mutu_buf_printf(&b, "%s %s", cur.cells[cur.n - 1], t);
				char *joined = buf_take(&b);
				struct dur d;
				if (cell_dur(joined, &d)) {
					free(cur.cells[cur.n - 1]);
					cur.cells[cur.n - 1] = joined;
					free(t);
					free(lower);
					tail = 1;
					p = nl ? nl + 1 : end;
					continue;
				}
				free(joined);
			}
			if (tail)
				start = 3;
			else if (page_footer(&one))
				start = 5;
			else if (!in_total && mutu_strcasecmp(t, first_head) == 0)
				start = 4;
			/* (a step's row holds its Waktu before the next starts:
			 * a bare "2" before it is a cell, the Waktu of a "Waktu
			 * (Jam)" column; the Waktu is a cell reading as a
			 * duration, or the row reached the header's Waktu) */
			else if (!in_total && (is_head || stacked_has_waktu(&cur, hw)) &&
				 stacked_label(t, last, &whole))
				start = 1;
			else if (!in_total && total_words(lower) &&
				 (!strpbrk(t, "0123456789") || !strncmp(lower, "jumlah", 6) || !strncmp(lower, "total", 5)))
				start = 2;
			free(lower);
		}
		if (start == 5) {
			/* the footer a row of its own, the step's row goes on */
			struct row f = {line, mutu_malloc(sizeof(char *)), 1};
			f.cells[0] = t;
			push_row(im, &cap, f);
			p = nl ? nl + 1 : end;
			continue;
		}
		if (!t || start) {
			if (cur.n > 0 && is_head) {
				/* the header: "Mutu Baku" spans, no column */
				size_t k = 0;
				for (size_t i = 0; i < cur.n; i++)
					if (span_word(cur.cells[i]))
						free(cur.cells[i]);
					else
						cur.cells[k++] = cur.cells[i];
				cur.n = k;
			}
			if (cur.n > 0) {
				/* a wrapped Kegiatan joined (above) */
				int w = -1;
				struct dur d;
				for (size_t i = 2; i < cur.n && w < 0 && !is_head; i++)
					if (cell_dur(cur.cells[i], &d))
						w = (int)i;
				if (!is_head && !in_total && w > hw && hw >= 2) {
					size_t extra = (size_t)(w - hw);
					/* (or the Pelaksana's, right after the Kegiatan,
					 * when its lines make a position: "Kepala Bidang"
					 * / "Pelayanan Perizinan", "Petugas" / "Loket"; a
					 * Kegiatan's last line opens no position) */
					size_t at = hw >= 3 && stacked_position(cur.cells + 2, extra + 1) ? 2 : 1;
					struct mutu_buf b;
					mutu_buf_init(&b);
					for (size_t i = at; i <= at + extra; i++) {
						mutu_buf_printf(&b, "%s%s", i > at ? " " : "", cur.cells[i]);
						free(cur.cells[i]);
					}
					cur.cells[at] = buf_take(&b);
					memmove(cur.cells + at + 1, cur.cells + at + 1 + extra,
						(cur.n - at - 1 - extra) * sizeof(char *));
					cur.n -= extra;
				}
				/* the total's words under Kegiatan, its time under Waktu */
				if (in_total && cur.n == 2 && hw >= 2) {
					char *words = cur.cells[0], *time = cur.cells[1];
					for (size_t i = 0; i < (size_t)hw; i++)
						cur.cells[i] = mutu_strdup("");
					free(cur.cells[1]);
					cur.cells[1] = words;
					cur.cells[hw] = time;
					cur.n = (size_t)hw + 1;
				}
				push_row(im, &cap, cur);
			} else
				free(cur.cells);
			if (!t)
				break;
			cur.line = line;
			cur.cells = mutu_calloc((size_t)MAXCOL + 1, sizeof(char *));
			cur.n = 0;
			is_head = start == 4;
			if (in_total)
				tail = 1;
			in_total = start == 2;
			if (start == 1)
				last = whole;
		}
		if (*t && cur.n < (size_t)MAXCOL) {
			cur.cells[cur.n++] = t;
			/* the total's time ends its row (2: a number without
			 * its unit yet, which the next line may hold) */
			struct dur d;
			if (in_total && strpbrk(t, "0123456789"))
				tail = cell_dur(t, &d) ? 1 : 2;
		} else
			free(t);
		p = nl ? nl + 1 : end;
	}
	free(first_head);
	return 1;
}

static void split_rows(struct imp *im, const char *text, size_t len)
{
	size_t cap = 0;
	const char *s = text, *end = text + len;
	int line = 0;
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3;
	if (is_html_table(s, end)) {
		split_html(im, s, end);
		return;
	}
	if (is_pipe_table(s, end)) {
		split_pipes(im, s, end);
		return;
	}
	if (split_layout(im, s, end))
		return;
	if (split_stacked(im, s, end))
		return;
	char sep = csv_sep(s, end);
	if (!sep && tab_quoted_break(s, end))
		sep = '\t';
	if (sep) {
		split_csv(im, s, end, sep);
		return;
	}
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *le = nl ? nl : end;
		line++;
		size_t n = (size_t)(le - s);
		if (n && s[n - 1] == '\r')
			n--;
		struct row r = {line, NULL, 0};
		size_t ccap = 0;
		const char *c = s, *ce = s + n;
		for (;;) {
			const char *tab = memchr(c, '\t', (size_t)(ce - c));
			const char *e = tab ? tab : ce;
			if (r.n == ccap) {
				ccap = ccap ? ccap * 2 : 16;
				r.cells = mutu_realloc(r.cells, ccap * sizeof *r.cells);
			}
			char *cell = mutu_strndup(c, (size_t)(e - c));
			for (char *q = cell; *q; q++)
				if (*q == '\0')
					*q = ' ';
			r.cells[r.n++] = mutu_trim(cell);
			if (!tab)
				break;
			c = tab + 1;
		}
		if (im->nrows == cap) {
			cap = cap ? cap * 2 : 64;
			im->rows = mutu_realloc(im->rows, cap * sizeof *im->rows);
		}
		im->rows[im->nrows++] = r;
		s = nl ? nl + 1 : end;
	}
}

static int row_blank(const struct row *r)
{
	for (size_t i = 0; i < r->n; i++)
		if (!is_blank_cell(r->cells[i]))
			return 0;
	return 1;
}

static size_t row_nonblank(const struct row *r)
{
	size_t k = 0;
	for (size_t i = 0; i < r->n; i++)
		k += !is_blank_cell(r->cells[i]);
	return k;
}

/* Is the row the header's column numbers, "1 | 2 | 3 | ... | 10" or
 * "(1) | (2) | ...", as the SOP AP forms of Permenpan-RB 35/2012 and most
 * government tables print under their header?  Every cell a number (in
 * parentheses or not), counting up by one from 1, at least three of them.
 * No step row reads so: a step has its Kegiatan in words.  Read as a row,
 * it became step 1 with activity "2" and waktu "8" (no unit). */
static int column_numbers_row(const struct row *r)
{
	int next = 1;
	for (size_t i = 0; i < r->n; i++) {
		if (is_blank_cell(r->cells[i]))
			continue;
		const char *s = r->cells[i];
		while (isspace((unsigned char)*s))
			s++;
		int paren = *s == '(';
		s += paren;
		long v = 0;
		const char *d = s;
		while (isdigit((unsigned char)*s) && v <= 1000)
			v = v * 10 + (*s++ - '0');
		if (s == d || v != next || (paren && *s++ != ')'))
			return 0;
		while (isspace((unsigned char)*s))
			s++;
		if (*s)
			return 0;
		next++;
	}
	return next > 3;
}

/* Header keywords (lowercase, compared on the cleaned cell). */
static enum role header_role(const char *cell)
{
	static const struct { const char *w; enum role r; } kw[] = {
		{"no", R_NO}, {"no.", R_NO}, {"nomor", R_NO}, {"#", R_NO}, {"step", R_NO},
		{"kegiatan", R_ACT}, {"uraian prosedur", R_ACT}, {"uraian kegiatan", R_ACT},
		{"uraian", R_ACT}, {"prosedur", R_ACT}, {"aktivitas", R_ACT}, {"activity", R_ACT},
		{"activities", R_ACT}, {"description", R_ACT}, {"langkah", R_ACT}, {"tahapan", R_ACT},
		{"kelengkapan", R_KEL}, {"persyaratan", R_KEL}, {"syarat", R_KEL},
		{"requirements", R_KEL}, {"requirement", R_KEL}, {"input", R_KEL}, {"inputs", R_KEL},
		{"waktu", R_WAKTU}, {"time", R_WAKTU}, {"durasi", R_WAKTU}, {"duration", R_WAKTU},
		{"lama", R_WAKTU},
		{"output", R_OUT}, {"outputs", R_OUT}, {"hasil", R_OUT}, {"keluaran", R_OUT},
		{"keterangan", R_KET}, {"ket", R_KET}, {"ket.", R_KET}, {"catatan", R_KET},
		{"notes", R_KET}, {"note", R_KET}, {"remarks", R_KET},
		{"pelaksana", R_GROUP}, {"mutu baku", R_GROUP}, {"actors", R_GROUP},
		{"actor", R_GROUP}, {"performer", R_GROUP}, {"quality standard", R_GROUP},
		{"standard", R_GROUP},
		/* the list layout's one column of titles, in other words */
		{"petugas", R_GROUP}, {"penanggung jawab", R_GROUP}, {"pelaksana kegiatan", R_GROUP},
		{"pic", R_GROUP}, {"pejabat", R_GROUP}, {"pejabat/petugas", R_GROUP},
		{"responsible", R_GROUP}, {"person in charge", R_GROUP}, {"unit kerja", R_GROUP},
	};
	char *t = clean_text(cell);
	for (char *q = t; *q; q++)
		*q = (char)tolower((unsigned char)*q);
	/* drop a trailing colon or full stop ("Waktu:", "No.") except for "no." */
	enum role r = R_NONE;
	for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++)
		if (strcmp(t, kw[i].w) == 0) {
			r = kw[i].r;
			break;
		}
	/* Other offices' wording: two names for one column ("Persyaratan/
	 * Perlengkapan", "Output / Hasil"), a trailing qualifier ("Waktu
	 * Penyelesaian", "Waktu (Hari Kerja)"): the column's role when every
	 * part that is a keyword names the same one, and the first is one. */
	if (r == R_NONE && !strchr(t, '\t')) {
		static const char *const quals[] = {" penyelesaian", " pelaksanaan", " (", NULL};
		char *slash = strchr(t, '/');
		if (slash) {
			*slash = 0;
			enum role a = header_role(t), b = header_role(slash + 1);
			r = a != R_NONE && (b == R_NONE || b == a) ? a : R_NONE;
		} else
			for (size_t i = 0; quals[i] && r == R_NONE; i++) {
				char *at = strstr(t, quals[i]);
				if (at && at > t) {
					*at = 0;
					r = header_role(t);
				}
			}
		if (r == R_GROUP)
			r = R_NONE; /* "Pelaksana/..." is not a column of its own */
	}
	free(t);
	return r;
}

/*
 * header_role, and in a header row already found (read_header, never to
 * find one: a data cell "Hasil pemeriksaan" must not make its row a
 * header) a keyword with a word of the office's before or after it:
 * "Lama Waktu", "Norma Waktu", "Estimasi Waktu", "Waktu Pelayanan",
 * "Hasil Kerja", "Dokumen Persyaratan": up to three words, the first or
 * the last a mutu baku keyword (both: the same one), never a total line
 * ("Jumlah Waktu").  Before, such a column was taken for a position and
 * ignored ("not a known position").
 */
static enum role header_role_loose(const char *cell)
{
	enum role r = header_role(cell);
	if (r != R_NONE)
		return r;
	char *t = clean_text(cell);
	for (char *q = t; *q; q++)
		*q = (char)tolower((unsigned char)*q);
	if (!strchr(t, '/') && !strchr(t, '(') && !total_words(t)) {
		char *sp1 = strchr(t, ' '), *spl = strrchr(t, ' ');
		int words = 1;
		for (char *q = t; *q; q++)
			words += *q == ' ';
		if (sp1 && words <= 3) {
			*sp1 = 0;
			enum role a = header_role(t);
			*sp1 = ' ';
			enum role b = header_role(spl + 1);
			int ma = a == R_KEL || a == R_WAKTU || a == R_OUT || a == R_KET;
			int mb = b == R_KEL || b == R_WAKTU || b == R_OUT || b == R_KET;
			if (ma && (b == R_NONE || b == a))
				r = a;
			else if (mb && a == R_NONE)
				r = b;
		}
	}
	free(t);
	return r;
}

static int cell_is_actor_name(const char *cell)
{
	struct sop_tok *toks;
	size_t n = sop_tokenize(cell, &toks);
	int full = 0;
	int e = n ? sop_actor_lookup_toks(toks, n, &full) : -1;
	free(toks);
	return e >= 0 && full;
}

/* A header row: at least two keyword or actor-name cells and no duration.
 * *kw receives the number of keyword cells. */
static int row_is_header(const struct row *r, int *kw)
{
	int k = 0, a = 0;
	for (size_t i = 0; i < r->n; i++) {
		const char *c = r->cells[i];
		if (is_blank_cell(c))
			continue;
		struct dur d;
		if (cell_dur(c, &d))
			return 0;
		enum role role = header_role(c);
		if (role != R_NONE)
			k++;
		else if (cell_is_actor_name(c))
			a++;
	}
	if (kw)
		*kw = k;
	return k + a >= 2 && (k >= 1 || a >= 3);
}

static void add_pat(struct column *c, const char *const *w, size_t n, int tier)
{
	if (c->npats >= sizeof c->pats / sizeof c->pats[0] || n == 0 || n > 8)
		return;
	struct pat *p = &c->pats[c->npats++];
	for (size_t i = 0; i < n; i++)
		p->w[i] = w[i];
	p->n = n;
	p->tier = tier;
}

static void title_word(struct mutu_buf *b, const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		mutu_buf_putc(b, (char)(i == 0 ? toupper((unsigned char)w[i]) : w[i]));
}

/* Is every header word (after leading fillers such as "Petugas") spelled
 * as in one of entry e's aliases?  Then the header is the office's title;
 * otherwise it matched only through typo tolerance. */
static int spelled_as_alias(const struct sop_tok *toks, size_t n, int e)
{
	size_t i = 0;
	while (i + 1 < n && sop_is_filler(toks[i].w))
		i++;
	for (; i < n; i++) {
		int found = 0;
		for (size_t a = 0; a < SOP_ALIAS_MAX && !found; a++) {
			const char *const *al = sop_actor_table[e].alias[a];
			for (size_t k = 0; k < sop_alias_len(al) && !found; k++)
				found = strcmp(al[k], toks[i].w) == 0;
		}
		if (!found)
			return 0;
	}
	return 1;
}

/*
 * Titles that are none of the positions, though near one, and why they
 * stay apart (round 10): "Kasubag TU", "Kasubbag Umum", "Kepala Sub Bagian
 * Tata Usaha" (a Dinas's or a kecamatan's), "Kaur Umum", "Kepala Urusan
 * Keuangan" (a desa's, Permendagri 84/2015) head a unit of the
 * secretariat at a Kasi's rung (eselon IV), yet in SOP tables they number,
 * type or record the letter: a Kasi's rank doing a clerk's work, so neither
 * role is clearly theirs.  "Verifikator", "Petugas Verifikasi" check the
 * berkas at the counter in one office (Front Office), behind it in another
 * (Back Office).  Returns the reason and sets *near to the role to
 * suggest, or NULL for any other title.
 */
static const char *near_title(const char *name, const char **near)
{
	struct sop_tok *toks;
	size_t n = sop_tokenize(name, &toks);
	size_t i = 0;
	while (i + 1 < n && sop_is_filler(toks[i].w))
		i++;
	const char *w0 = i < n ? toks[i].w : "", *w1 = i + 1 < n ? toks[i + 1].w : "",
		   *w2 = i + 2 < n ? toks[i + 2].w : "";
	int head = !strcmp(w0, "kepala") || !strcmp(w0, "ka");
	int e;
	const char *why = NULL;
	if (!strcmp(w0, "kasubag") || !strcmp(w0, "kasubbag") || !strcmp(w0, "kaur") ||
	    (head && (!strcmp(w1, "subbag") || !strcmp(w1, "subag") || !strcmp(w1, "subbagian") ||
		      !strcmp(w1, "urusan") || (!strcmp(w1, "sub") && !strcmp(w2, "bagian"))))) {
		why = "a Kepala Sub Bagian or Kepala Urusan heads a unit of the secretariat at a Kasi's rung, and "
		      "in SOP tables numbers, types or records the letter: a Kasi's rank, a clerk's work";
		*near = "Kepala Seksi";
	} else if (i + 2 == n && !strcmp(w0, "verifikator") && !strcmp(w1, "teknis")) {
		/* "Verifikator Teknis": the technical requirements checked,
		 * by the technical team in one office, by a clerk of the
		 * DPMPTSP in another (round 11; before, Back Office
		 * suggested without a reason) */
		why = "a verifikator teknis checks the technical requirements: the Tim Teknis's work in one office, "
		      "a DPMPTSP clerk's (Back Office) in another";
		*near = "Tim Teknis";
	} else if (i > 0 && (e = sop_actor_lookup_toks(toks + i, n - i, NULL)) >= 0 &&
		   sop_actor_table[e].cls == SOP_CLS_SISTEM) {
		/* "Petugas SIMBG" (round 12; before, the system's own step) */
		why = "an officer who works the information system, a person with a desk and a queue, not the "
		      "system's own step; entering and checking the application as an Operator does";
		*near = "Back Office";
	} else if (head && !strcmp(w1, "dinas") && i + 2 < n && strcmp(w2, "dpmptsp") && strcmp(w2, "pmptsp") &&
		   strcmp(w2, "ptsp") && strcmp(w2, "perizinan") && strcmp(w2, "penanaman")) {
		/* "Kepala Dinas PUPR" beside the DPMPTSP's own head: another
		 * office's (round 12; before, "it starts as Kepala Dinas does"
		 * with role = Kepala Dinas suggested, one pool with this
		 * office's head in mutu sim) */
		why = "the head of another office, the technical dinas that gives its part of the permit (a PBG's "
		      "PPST, a recommendation), not this office's Kepala Dinas";
		*near = "Dinas Teknis";
	} else if (!strcmp(w0, "sekretariat") && (!strcmp(w1, "tpa") || !strcmp(w1, "tpt") || !strcmp(w1, "tim"))) {
		/* "Sekretariat TPA": the PBG technical team's secretariat
		 * (PP 16/2021), no Sekretaris of the Dinas (round 12; before,
		 * "it starts as Sekretaris does") */
		why = "the secretariat of a PBG's technical team (TPA/TPT, PP 16/2021) schedules its consultations: "
		      "the team's support, not the Dinas's Sekretaris";
		*near = "Tim Teknis";
	} else if (i + 1 == n && (!strcmp(w0, "verifikator") || (i > 0 && !strcmp(w0, "verifikasi")))) {
		why = "a verifikator checks the berkas: at the counter in one office (Front Office), behind it "
		      "in another (Back Office)";
		*near = "Back Office";
	}
	free(toks);
	return why;
}

/*
 * "Kepala Dinas Penanaman Modal dan PTSP", "Kepala Dinas PMPTSP", "Kadis
 * DPMPTSP", "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu
 * Pintu": the head named with the office's own name, which is this
 * office's Kepala Dinas as "Kepala DPMPTSP" is (round 13; before, a
 * position of its own, "it starts as Kepala Dinas does", and mutu sim
 * staffed it apart).  Every word after "Kepala Dinas" / "Kepala Badan"
 * must be one of that name's, and one of them its own (PTSP, Penanaman,
 * Terpadu, Perizinan): "Kepala Dinas PUPR" stays another office's head
 * (near_title).
 */
static int own_office_head(const struct sop_tok *toks, size_t n)
{
	static const char *const words[] = {"penanaman", "modal", "dan", "pelayanan", "terpadu", "satu",
					    "pintu", "ptsp", "pmptsp", "dpmptsp", "pm", "dpm", "perizinan", NULL};
	static const char *const own[] = {"penanaman", "terpadu", "ptsp", "pmptsp", "dpmptsp", "perizinan", NULL};
	if (n < 3 || strcmp(toks[0].w, "kepala") || (strcmp(toks[1].w, "dinas") && strcmp(toks[1].w, "badan")))
		return 0;
	int mine = 0;
	for (size_t i = 2; i < n; i++) {
		if (!word_in(toks[i].w, words))
			return 0;
		mine |= word_in(toks[i].w, own);
	}
	return mine;
}

/* Does a title end in parentheses ("Tim Profesi Ahli (TPA)", "Front
 * Office (FO)") whose words, and the words before them, each name the
 * alias table's entry e in full? */
static int glossed_alias(const char *header, int e)
{
	const char *open = strrchr(header, '(');
	if (!open || open == header)
		return 0;
	const char *close = strchr(open, ')');
	if (!close || close[1 + strspn(close + 1, " ")] != 0)
		return 0;
	char *before = mutu_strndup(header, (size_t)(open - header));
	char *inner = mutu_strndup(open + 1, (size_t)(close - open - 1));
	int ok = 1;
	for (int part = 0; part < 2 && ok; part++) {
		struct sop_tok *toks;
		size_t n = sop_tokenize(part ? inner : before, &toks);
		int full = 0;
		ok = n && sop_actor_lookup_toks(toks, n, &full) == e && full;
		free(toks);
	}
	free(before);
	free(inner);
	return ok;
}

/* Build an actor column from its header text. */
static void column_init(struct column *c, int idx, const char *header)
{
	memset(c, 0, sizeof *c);
	c->idx = idx;
	c->entry = -1;
	c->cls = SOP_CLS_NONE;
	struct sop_tok *toks;
	size_t n = sop_tokenize(header, &toks);
	int full = 0;
	int e = n ? sop_actor_lookup_toks(toks, n, &full) : -1;
	/* "Petugas SIMBG", "Staf OSS": the officer who works the system, a
	 * person with a desk and a queue, not the system's own step (before
	 * round 12, role = Sistem: mutu sim ran the step with no staff) */
	if (e >= 0 && sop_actor_table[e].cls == SOP_CLS_SISTEM && n >= 2 && sop_is_filler(toks[0].w))
		e = -1, full = 0;
	/* header words, stored once */
	size_t total = 0;
	for (size_t i = 0; i < n; i++)
		total += strlen(toks[i].w) + 1;
	c->words = mutu_malloc(total + 1);
	const char *w[8];
	size_t nw = 0, off = 0;
	for (size_t i = 0; i < n && nw < 8; i++) {
		strcpy(c->words + off, toks[i].w);
		w[nw++] = c->words + off;
		off += strlen(toks[i].w) + 1;
	}
	/* a header that starts with a filler ("Petugas Loket") is matched
	 * without it too */
	size_t skip = 0;
	while (skip + 1 < nw && sop_is_filler(w[skip]))
		skip++;
	add_pat(c, w, nw, 0);
	if (skip)
		add_pat(c, w + skip, nw - skip, 0);
	if (e >= 0) {
		c->entry = e;
		c->cls = sop_actor_table[e].cls;
		const struct sop_actor_entry *me = &sop_actor_table[e];
		for (size_t k = 0; k < sop_actor_count; k++) {
			const struct sop_actor_entry *o = &sop_actor_table[k];
			if (o->cls != c->cls)
				continue;
			int tier = ((int)k == e || sop_alias_prefix(o->alias[0], me->alias[0])) ? 1 : 2;
			for (size_t a = 0; a < SOP_ALIAS_MAX; a++) {
				size_t len = sop_alias_len(o->alias[a]);
				if (len)
					add_pat(c, o->alias[a], len, tier);
			}
		}
	}
	/* the header keeps the office's own title ("Kadis", "Petugas Loket",
	 * "Kasi PP"), tidied; a known position records its canonical role
	 * beside it for comparisons across offices */
	int own_head = e >= 0 && !full && sop_actor_table[e].cls == SOP_CLS_KADIS && own_office_head(toks, n);
	if (own_head)
		full = 1;
	/* "Tim Profesi Ahli (TPA)": the title glossed with its own acronym,
	 * both naming one position; before (round 13), the words in the
	 * parentheses made it "none of the positions" */
	if (e >= 0 && !full && glossed_alias(header, e))
		full = 1;
	if (e >= 0 && full)
		c->role = sop_actor_table[e].canonical;
	/* an information system keeps its class with more words: "Sistem OSS
	 * RBA", "Aplikasi SiCANTIK Cloud", "Sistem SIMBG" are each a system
	 * doing the step by itself (where "Tim Teknis Dinas Kesehatan" may be
	 * a position of its own, no system is) */
	int system_more = e >= 0 && !full && sop_actor_table[e].cls == SOP_CLS_SISTEM;
	if (system_more)
		c->role = sop_actor_table[e].canonical;
	/* (the head named with the office's name keeps its title, as
	 * "Kepala DPMPTSP" does: no typo of "Kepala Dinas") */
	if (c->role && !system_more && !own_head && !spelled_as_alias(toks, n, e)) {
		/* "Back ofice" is a typo of a known position, not a title */
		c->name = mutu_strdup(c->role);
	} else {
		char *t = clean_text(header);
		struct mutu_buf b;
		mutu_buf_init(&b);
		int allcaps = 1;
		for (char *q = t; *q; q++)
			if (islower((unsigned char)*q))
				allcaps = 0;
		if (allcaps) {
			const char *q = t;
			while (*q) {
				/* words end at a space or a slash: "PEMOHON/PELAKU
				 * USAHA" -> "Pemohon/Pelaku Usaha", "FRONT
				 * OFFICE/CS" -> "Front Office/CS" (before,
				 * "Pemohon/pelaku", "Office/cs") */
				size_t k = strcspn(q, " /");
				char word[64];
				snprintf(word, sizeof word, "%.*s", (int)k, q);
				/* a word without a vowel is an acronym ("CS",
				 * "PP", "DPMPTSP"), and so is a header of one
				 * word of up to three letters ("FO", "BO",
				 * "TTE"): kept in capitals, not "Cs", "Fo";
				 * "KASI", "TIM TEKNIS" are words, title case */
				/* (and a known acronym with vowels: "KABID LLAJ",
				 * "KASUBAG TU", "TIM TEKNIS OPD", "SISTEM OSS";
				 * before, "Kabid Llaj", "Opd", "Oss") */
				char lw[64];
				for (size_t x = 0; x <= strlen(word); x++)
					lw[x] = (char)tolower((unsigned char)word[x]);
				int vowel = strpbrk(word, "AEIOUaeiou") != NULL && !(k <= 3 && !*(q + k) && q == t) &&
					    !word_in(lw, title_acronyms);
				for (char *x = word; *x && vowel; x++)
					*x = (char)tolower((unsigned char)*x);
				title_word(&b, word, strlen(word));
				q += k;
				if (*q)
					mutu_buf_putc(&b, *q++);
			}
			c->name = buf_take(&b);
		} else {
			c->name = mutu_strdup(t);
		}
		free(t);
		mutu_buf_release(&b);
	}
	/* Two names of one position joined by a slash, "Pemohon/Pelaku
	 * Usaha", "Front Office/CS": that position (its role).  Before, no
	 * role: each was warned of as "none of the positions mutu knows" and
	 * written without the role reports compare offices by.  Two
	 * positions ("Kasi / Kabid") stay without one (model check says so). */
	if (!c->role && strchr(header, '/')) {
		char *h = clean_text(header);
		int same = -1, ok = 1;
		for (char *part = h; ok && part;) {
			char *slash = strchr(part, '/');
			if (slash)
				*slash = 0;
			struct sop_tok *pt;
			size_t pn = sop_tokenize(part, &pt);
			int pfull = 0;
			int pe = pn ? sop_actor_lookup_toks(pt, pn, &pfull) : -1;
			free(pt);
			if (pe < 0 || !pfull || (same >= 0 && strcmp(sop_actor_table[pe].canonical,
								     sop_actor_table[same].canonical) != 0))
				ok = 0;
			else
				same = pe;
			part = slash ? slash + 1 : NULL;
		}
		free(h);
		if (ok && same >= 0) {
			c->role = sop_actor_table[same].canonical;
			if (c->entry < 0) {
				c->entry = same;
				c->cls = sop_actor_table[same].cls;
			}
		}
	}
	/* A known head or section chief named with its unit or its place:
	 * "Kasi Pelayanan", "Kabid Perizinan dan Non Perizinan",
	 * "Koordinator Pelayanan" (the unit's name after the rung), "Camat
	 * Sumbang", "Lurah Karangwangkal" (the territory's).  The words after
	 * the rung name the desk, not another position, so the step's role is
	 * that rung; the office's title stays the actor.  Before, each was
	 * "none of the positions mutu knows", without the role reports compare
	 * offices by.  Not when the words name another office ("Kabid Tata
	 * Ruang Dinas PUPR" is the technical office's, not this one's), nor
	 * for a Kepala other than the Camat and Lurah ("Kepala Dinas
	 * Kesehatan" heads another office); two columns of one rung stay
	 * apart (sop_import_with). */
	/* a bare "Operator" (sop.c: the Back Office) is said as these are,
	 * and kept apart the same way beside a "Back Office" column: an
	 * office may mean its counter clerk */
	if (c->role && n == 1 && !strcmp(toks[0].w, "operator"))
		c->more = 1;
	/* (and so are the licensing's jabatan fungsional, "Penata
	 * Perizinan", "Analis Perizinan", "Pengelola Perizinan": the Back
	 * Office by the work, said (more = 4), and apart beside a "Back
	 * Office" column, where the office means two desks) */
	if (c->role && e >= 0 && sop_actor_table[e].cls == SOP_CLS_BO && n >= 2 &&
	    !strcmp(toks[n - 1].w, "perizinan") && strcmp(toks[0].w, "back"))
		c->more = 4;
	/* "Bupati", "Walikota", "Gubernur": the regional head, said (more =
	 * 5): signed outside the office, a delay in mutu sim; and "Bupati
	 * Klaten", "Gubernur Jawa Tengah" with the region's name */
	if (e >= 0 && sop_actor_table[e].cls == SOP_CLS_DAERAH) {
		c->role = sop_actor_table[e].canonical;
		c->more = 5;
	}
	/* "Lurah", "Kepala Kelurahan", "Lurah Kutowinangun": the head of a
	 * kelurahan signs its letters as a Kepala Dinas signs a DPMPTSP's
	 * permits, so role = Kepala Dinas (the title stays the actor, no
	 * alias: sop.c says why).  Beside a Camat, in a kecamatan's table, the
	 * Lurah's signature is the kelurahan's, another office: weaker (2),
	 * it gives way to the Camat and stays a position of its own
	 * (sop_import_with) */
	{
		size_t i = 0;
		while (i + 1 < n && sop_is_filler(toks[i].w))
			i++;
		/* (a desa's Kepala Desa / Kades signs the same way) */
		if (!c->role && i < n &&
		    (!strcmp(toks[i].w, "lurah") ||
		     (i + 1 < n && !strcmp(toks[i].w, "kepala") &&
		      (!strcmp(toks[i + 1].w, "kelurahan") || !strcmp(toks[i + 1].w, "desa"))))) {
			c->role = sop_actor_canonical("Kepala Dinas");
			c->more = 2;
		}
	}
	if (!c->role && e >= 0 && !full) {
		static const char *const office[] = {"dinas", "badan", "kantor", "opd", "instansi", "uptd",
						     "upt", "teknis", "pupr", "dinkes", "dishub", NULL};
		int cls = sop_actor_table[e].cls, ok = cls == SOP_CLS_SEKSI || cls == SOP_CLS_BIDANG;
		size_t i = 0;
		while (i + 1 < n && sop_is_filler(toks[i].w))
			i++;
		if (cls == SOP_CLS_KADIS && i < n && (!strcmp(toks[i].w, "camat") || !strcmp(toks[i].w, "lurah")))
			ok = 1;
		/* "Tim Teknis DKP", "Tim Teknis Dinas PUPR", "Tim Teknis
		 * Dinas Perhubungan": the permit's technical team named by the
		 * office its members come from (a DPMPTSP has none of its own),
		 * as "Tim Teknis OPD" is: the Tim Teknis, said (more = 6).  The
		 * office's words are the point here, so they do not stop it;
		 * two such teams of two offices stay apart (twins, below).
		 * Before round 11, none of the positions. */
		int team = cls == SOP_CLS_TEKNIS && !strcmp(sop_actor_table[e].canonical, "Tim Teknis") && i + 1 < n &&
			   !strcmp(toks[i].w, "tim");
		if (team) {
			size_t k = i + 2;
			for (; k < n && sop_actor_lookup_toks(toks + k, n - k, NULL) < 0; k++)
				;
			if (k == n) {
				c->role = sop_actor_table[e].canonical;
				c->more = 6;
			}
			ok = 0;
		}
		/* (nor when the words name a second position: "Kasi / Kabid",
		 * "Kasi dan Kabid" are two, which model check says) */
		for (size_t k = i + 1; ok && k < n; k++)
			if (word_in(toks[k].w, office) || sop_actor_lookup_toks(toks + k, n - k, NULL) >= 0)
				ok = 0;
		if (ok) {
			c->role = sop_actor_table[e].canonical;
			c->more = 1;
		}
	}
	free(toks);
}

static void column_release(struct column *c)
{
	free(c->name);
	free(c->words);
}

/* Without a header: one column per known position, so actors named in the
 * text can still be recognised. */
static void columns_from_table(struct imp *im)
{
	im->cols = mutu_calloc(sop_actor_count, sizeof *im->cols);
	for (size_t e = 0; e < sop_actor_count; e++) {
		struct column *c = &im->cols[im->ncols++];
		memset(c, 0, sizeof *c);
		c->idx = -1;
		c->entry = (int)e;
		c->cls = sop_actor_table[e].cls;
		c->name = mutu_strdup(sop_actor_table[e].canonical);
		/* the position itself: without it, each pelaksana of a table
		 * with no actor columns was said to be "none of the positions
		 * mutu knows (it starts as Pemohon does, with more words)" */
		c->role = sop_actor_table[e].canonical;
		for (size_t a = 0; a < SOP_ALIAS_MAX; a++) {
			size_t len = sop_alias_len(sop_actor_table[e].alias[a]);
			if (len)
				add_pat(c, sop_actor_table[e].alias[a], len, 0);
		}
	}
}

/* "Pelaksana" (or "Actor"), as opposed to the "Mutu Baku" group. */
static int is_pelaksana_group(const char *cell)
{
	char *t = clean_text(cell);
	static const char *const w[] = {"pelaksana", "actor", "actors", "performer", "petugas",
					"penanggung jawab", "pelaksana kegiatan", "pic", "pejabat",
					"pejabat/petugas", "responsible", "person in charge", "unit kerja", NULL};
	int yes = 0;
	for (size_t i = 0; w[i] && !yes; i++)
		yes = mutu_strcasecmp(t, w[i]) == 0;
	free(t);
	return yes;
}

/* The unit a Waktu header names for its bare numbers: "Waktu (Menit)",
 * "Waktu (Hari Kerja)", "Lama (jam)"; NULL when it names none or more
 * than one ("Waktu (Jam/Menit)"). */
static const char *header_unit(const char *cell)
{
	static const char *const units[][2] = {{"menit", "Menit"}, {"jam", "Jam"}, {"hari", "Hari"}};
	char *t = clean_text(cell);
	for (char *q = t; *q; q++)
		*q = (char)tolower((unsigned char)*q);
	const char *u = NULL;
	int n = 0;
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		if (strstr(t, units[i][0])) {
			u = units[i][1];
			n++;
		}
	free(t);
	return n == 1 ? u : NULL;
}

/* "30", "1,5", " 2 ": a number without a unit. */
static int bare_number(const char *s)
{
	while (*s == ' ')
		s++;
	int digits = 0, sep = 0;
	for (; *s && *s != ' '; s++) {
		if (isdigit((unsigned char)*s))
			digits++;
		else if ((*s == ',' || *s == '.') && digits && !sep)
			sep = 1;
		else
			return 0;
	}
	while (*s == ' ')
		s++;
	return digits && !*s;
}

/* "2 (dua)", "10 (sepuluh)": a number with its words in parentheses and
 * no unit, as a Waktu cell cut before its unit ends. */
static int number_spelled(const char *s)
{
	while (*s == ' ')
		s++;
	const char *p = s;
	while (isdigit((unsigned char)*p))
		p++;
	if (p == s)
		return 0;
	while (*p == ' ')
		p++;
	if (*p++ != '(')
		return 0;
	const char *w = p;
	while (isalpha((unsigned char)*p) || *p == ' ')
		p++;
	if (p == w || *p++ != ')')
		return 0;
	while (*p == ' ')
		p++;
	return !*p;
}

/* A bare quantity under a Waktu header that names the unit: a number
 * ("30", "0,5"), a vulgar fraction ("½", "1½", "1 ¼"), a fraction with a
 * slash ("1/2") or a product ("1 x 24", "2 × 60"), without a unit.
 * Before round 11 only the number was given the header's unit: "½" and
 * "1 x 24" under "Waktu (Jam)" were refused (waktu = ?). */
static int bare_quantity(const char *s)
{
	if (bare_number(s))
		return 1;
	while (*s == ' ')
		s++;
	int digits = 0, other = 0;
	const char *p = s;
	while (*p) {
		if (isdigit((unsigned char)*p) || *p == ',' || *p == ' ') {
			digits += isdigit((unsigned char)*p) != 0;
			p++;
		} else if ((unsigned char)p[0] == 0xC2 &&
			   ((unsigned char)p[1] == 0xBD || (unsigned char)p[1] == 0xBC || (unsigned char)p[1] == 0xBE)) {
			other++; /* ½ ¼ ¾ */
			p += 2;
		} else if ((unsigned char)p[0] == 0xC3 && (unsigned char)p[1] == 0x97) {
			other++; /* × */
			p += 2;
		} else if (*p == 'x' || *p == 'X' || *p == '/') {
			other++;
			p++;
		} else {
			return 0;
		}
	}
	return other == 1 && (digits || (unsigned char)s[0] == 0xC2);
}

static void read_header(struct imp *im, size_t first, size_t last)
{
	for (int i = 0; i < MAXCOL; i++) {
		im->role[i] = R_NONE;
		im->col_of_hdr[i] = -1;
	}
	char *actor_text[MAXCOL] = {0};
	size_t ncols = 0;
	int pel = -1; /* the Pelaksana header cell */
	im->col_list = -1;
	for (size_t r = first; r <= last; r++) {
		const struct row *row = &im->rows[r];
		for (size_t i = 0; i < row->n && i < MAXCOL; i++) {
			const char *c = row->cells[i];
			if (is_blank_cell(c))
				continue;
			if (i + 1 > ncols)
				ncols = i + 1;
			enum role role = header_role_loose(c);
			if (role == R_GROUP) {
				if (pel < 0 && is_pelaksana_group(c))
					pel = (int)i;
				continue;
			}
			if (role != R_NONE) {
				im->role[i] = role; /* a keyword wins over an actor name */
				if (role == R_WAKTU && header_unit(c))
					im->waktu_unit = header_unit(c);
				continue;
			}
			if (im->role[i] == R_NONE || im->role[i] == R_ACTOR) {
				im->role[i] = R_ACTOR;
				free(actor_text[i]);
				actor_text[i] = mutu_strdup(c);
			}
		}
	}
	im->ncols_hdr = ncols;
	im->col_no = im->col_act = im->col_kel = im->col_waktu = im->col_out = im->col_ket = -1;
	for (size_t i = 0; i < ncols; i++) {
		int *slot = NULL;
		switch (im->role[i]) {
		case R_NO: slot = &im->col_no; break;
		case R_ACT: slot = &im->col_act; break;
		case R_KEL: slot = &im->col_kel; break;
		case R_WAKTU: slot = &im->col_waktu; break;
		case R_OUT: slot = &im->col_out; break;
		case R_KET: slot = &im->col_ket; break;
		default: break;
		}
		if (slot && *slot < 0)
			*slot = (int)i;
	}
	/* Actor columns: a named cell between Kegiatan and the mutu baku, or
	 * any cell that reads as a known position. */
	int lo = im->col_act >= 0 ? im->col_act : (im->col_no >= 0 ? im->col_no : -1);
	/* ... up to the first mutu baku column right of Kegiatan, whichever
	 * it is (other offices put Output or Keterangan before Waktu) */
	int hi = MAXCOL;
	const int mutu[4] = {im->col_kel, im->col_waktu, im->col_out, im->col_ket};
	for (int k = 0; k < 4; k++)
		if (mutu[k] > lo && mutu[k] < hi)
			hi = mutu[k];
	im->cols = mutu_calloc(MAXCOL, sizeof *im->cols);
	for (size_t i = 0; i < ncols; i++) {
		if (im->role[i] != R_ACTOR)
			continue;
		int inside = (int)i > lo && (int)i < hi;
		/* "Biaya", "Tarif", "Retribusi" (what the applicant pays, a
		 * Standar Pelayanan component some offices print beside the
		 * mutu baku): no position, wherever it stands; before round
		 * 11, "not a known position" right of Kegiatan, and a
		 * pelaksana column ("Biaya") between Kegiatan and the mutu
		 * baku, its "Rp 0" cells read as markers */
		/* "Ya" / "Tidak" (a decision's branches, the step each goes
		 * to), "Keputusan": no position; before round 12, pelaksana
		 * columns, and in a list layout every step's actor = ? */
		{
			int br = branch_label(actor_text[i]);
			if (br || decision_header(actor_text[i])) {
				mutu_notes_addf(im->warn,
						"header column %zu (%s) is the decision's %s, not a position: %s",
						i + 1, actor_text[i],
						br == 1 ? "'no' branch" : br == 2 ? "'yes' branch" : "column",
						br == 2 ? "the next step, ignored"
							: "a step number under its 'Tidak' is the way back (reject_to)");
				im->role[i] = R_NONE;
				if (i < MAXCOL)
					im->dec_col[i] = (char)(br ? br : 3);
				continue;
			}
		}
		{
			if (cost_header(actor_text[i])) {
				mutu_notes_addf(im->warn,
						"header column %zu (%s) is what the applicant pays, which a model does not "
						"hold; ignored",
						i + 1, actor_text[i]);
				im->role[i] = R_NONE;
				if (i < MAXCOL)
					im->cost_col[i] = 1;
				continue;
			}
		}
		if (!inside && !cell_is_actor_name(actor_text[i])) {
			/* "Satuan" right of Waktu holds the Waktu's unit ("30" |
			 * "Menit"), which the rows join as a Waktu split over two
			 * cells: a known column, not a position to warn of */
			if (im->col_waktu >= 0 && (int)i == im->col_waktu + 1 &&
			    (mutu_strcasecmp(actor_text[i], "satuan") == 0 ||
			     mutu_strcasecmp(actor_text[i], "satuan waktu") == 0)) {
				im->role[i] = R_NONE;
				continue;
			}
			mutu_notes_addf(im->warn, "header column %zu (%s) is not a known position; ignored",
					i + 1, actor_text[i]);
			im->role[i] = R_NONE;
			continue;
		}
		im->col_of_hdr[i] = (int)im->ncols;
		column_init(&im->cols[im->ncols++], (int)i, actor_text[i]);
	}
	for (int i = 0; i < MAXCOL; i++)
		free(actor_text[i]);
	/* a Pelaksana header over no position columns: the list layout */
	if (im->ncols == 0 && pel >= 0 && im->role[pel] == R_NONE)
		im->col_list = pel;
}

/* ------------------------------------------------------------------ */
/* Mentions of actors in text                                           */

enum mrole { M_OTHER, M_SUBJECT, M_AGENT, M_DEST, M_SOURCE, M_APPROVED };

struct mention {
	int col;         /* -1: ambiguous */
	size_t a, b;     /* token span */
	enum mrole role;
	int reject;      /* a destination on rejection */
};

static const char *const reject_words[] = {
	"ditolak", "tolak", "menolak", "tidak", "dikembalikan", "kembalikan", "mengembalikan",
	"kembali", "revisi", "perbaikan", "diperbaiki", "dilengkapi", "rejected", "reject",
	"returned", "return", "incomplete", "not", NULL};

static const char *const approve_words[] = {
	"disetujui", "ditandatangani", "diparaf", "diverifikasi", "diperiksa", "ditetapkan",
	"approved", "signed", "verified", NULL};

/* Clause boundaries: punctuation between tokens, or "dan"/"atau". */
static int clause_break(const char *text, const struct sop_tok *t, size_t i)
{
	if (i == 0)
		return 1;
	if (strcmp(t[i].w, "dan") == 0 || strcmp(t[i].w, "atau") == 0 ||
	    strcmp(t[i].w, "sedangkan") == 0 || strcmp(t[i].w, "and") == 0)
		return 1;
	for (size_t k = t[i - 1].end; k < t[i].start; k++)
		if (strchr(",;.()", text[k]))
			return 1;
	return 0;
}

static size_t find_mentions(const struct imp *im, const char *text, struct mention **out)
{
	struct sop_tok *t;
	size_t n = sop_tokenize(text, &t);
	struct mention *v = NULL;
	size_t nv = 0;
	size_t i = 0;
	while (i < n) {
		int best_col = -2, best_len = 0, best_tier = 9, best_sk = 9, tie = 0;
		size_t best_end = 0;
		for (size_t c = 0; c < im->ncols; c++) {
			const struct column *col = &im->cols[c];
			for (size_t p = 0; p < col->npats; p++) {
				int sk = 0;
				size_t end = sop_match_at(col->pats[p].w, col->pats[p].n, t, n, i, &sk);
				if (!end)
					continue;
				int len = (int)col->pats[p].n, tier = col->pats[p].tier;
				int better = len > best_len ||
					     (len == best_len && (tier < best_tier ||
								  (tier == best_tier && sk < best_sk)));
				int same = len == best_len && tier == best_tier && sk == best_sk;
				if (better) {
					best_col = (int)c;
					best_len = len;
					best_tier = tier;
					best_sk = sk;
					best_end = end;
					tie = 0;
				} else if (same && best_col != (int)c) {
					tie = 1;
				}
			}
		}
		if (best_col == -2) {
			i++;
			continue;
		}
		struct mention m = {tie ? -1 : best_col, i, best_end, M_OTHER, 0};
		/* role from the words before it */
		size_t j = i;
		int all_filler = 1;
		for (size_t k = 0; k < i; k++)
			if (!sop_is_filler(t[k].w))
				all_filler = 0;
		const char *prev = i ? t[i - 1].w : "";
		const char *prev2 = i > 1 ? t[i - 2].w : "";
		/* an arrow typed before the title, "Tidak lengkap → Pemohon",
		 * "Ditolak -> Back Office": where the berkas goes, as "ke" says */
		int arrow = 0;
		for (size_t k = i ? t[i - 1].end : 0; k + 1 < t[i].start && !arrow; k++)
			arrow = (text[k] == '-' && text[k + 1] == '>') ||
				((unsigned char)text[k] == 0xE2 && (unsigned char)text[k + 1] == 0x86 &&
				 k + 2 < t[i].start && (unsigned char)text[k + 2] == 0x92);
		if (all_filler && !arrow)
			m.role = M_SUBJECT;
		else if (arrow || !strcmp(prev, "ke") || !strcmp(prev, "kepada") || !strcmp(prev, "to") ||
			 !strcmp(prev, "menuju"))
			m.role = M_DEST;
		else if (!strcmp(prev, "dari") || !strcmp(prev, "from"))
			m.role = M_SOURCE;
		else if (!strcmp(prev, "oleh") || !strcmp(prev, "by")) {
			m.role = M_AGENT;
			if (word_in(prev2, approve_words) && !(i > 2 && (!strcmp(t[i - 3].w, "belum") ||
									 !strcmp(t[i - 3].w, "not"))))
				m.role = M_APPROVED;
		} else if (word_in(prev, approve_words) &&
			   strcmp(prev2, "belum") != 0 && strcmp(prev2, "not") != 0)
			m.role = M_APPROVED;
		if (m.role == M_DEST) {
			size_t a = i, b = best_end;
			while (!clause_break(text, t, a))
				a--;
			while (b < n && !clause_break(text, t, b))
				b++;
			for (size_t k = a; k < b; k++)
				if (k < i || k >= best_end)
					if (word_in(t[k].w, reject_words))
						m.reject = 1;
		}
		(void)j;
		if (nv % 8 == 0)
			v = mutu_realloc(v, (nv + 8) * sizeof *v);
		v[nv++] = m;
		i = best_end;
	}
	free(t);
	*out = v;
	return nv;
}

/* ------------------------------------------------------------------ */
/* Steps                                                                */

static void add_clue(struct istep *s, int col, int w, const char *why)
{
	if (col < 0 || col >= MAXCOL)
		return;
	s->c.score[col] += w;
	size_t l = strlen(s->c.why[col]);
	snprintf(s->c.why[col] + l, sizeof s->c.why[col] - l, "%s%s", l ? ", " : "", why);
}

/* A decision's branch label alone in a pelaksana column: the flowchart
 * layout draws the decision symbol in the checker's column and labels
 * its arrows, "Tidak" on the one back to the column of whoever gets the
 * berkas back, "Ya" on the one going on (Word text boxes, which a copy
 * keeps when it drops the shapes).  Returns 1 for a "no" branch, 2 for a
 * "yes" branch, 0 for anything else.  Before, each label was debris: a
 * clue for the wrong pelaksana, warned of as contradicting the symbol,
 * and where the berkas goes back was lost. */
static int branch_label(const char *cell)
{
	static const char *const no[] = {"tidak", "tdk", "tidak lengkap", "tidak sesuai", "tidak setuju",
					 "tidak memenuhi", "tidak memenuhi syarat", "ditolak", "tolak",
					 "no", NULL};
	static const char *const yes[] = {"ya", "yes", "lengkap", "sesuai", "setuju", "memenuhi",
					  "memenuhi syarat", "diterima", NULL};
	char *t = clean_text(cell);
	/* the arrow the label sits on, typed beside it ("Tidak ←",
	 * "<- Tidak", "Ya →"), is part of the label */
	static const char *const arrows[] = {"\xE2\x86\x90", "\xE2\x86\x92", "\xE2\x86\x91",
					     "\xE2\x86\x93", "<-", "->", NULL}; /* ← → ↑ ↓ */
	for (size_t i = 0; arrows[i]; i++)
		for (char *a; (a = strstr(t, arrows[i])) != NULL;)
			memmove(a, a + strlen(arrows[i]), strlen(a + strlen(arrows[i])) + 1);
	mutu_trim(t);
	size_t n = strlen(t);
	while (n && (t[n - 1] == ':' || t[n - 1] == '.' || t[n - 1] == ' '))
		t[--n] = 0;
	for (char *q = t; *q; q++)
		*q = (char)tolower((unsigned char)*q);
	int kind = 0;
	for (size_t i = 0; no[i] && !kind; i++)
		if (strcmp(t, no[i]) == 0)
			kind = 1;
	for (size_t i = 0; yes[i] && !kind; i++)
		if (strcmp(t, yes[i]) == 0)
			kind = 2;
	free(t);
	return kind;
}

/* Is the marker text an arrow (→ ← ↑ ↓ ⇒ "->" "=>" \rightarrow ...)? */
static int is_arrow(const char *t)
{
	static const char *const arrows[] = {"\xE2\x86\x92", "\xE2\x86\x90", "\xE2\x86\x91",
					     "\xE2\x86\x93", "\xE2\x87\x92", "\xE2\x96\xBA",
					     "\xE2\x96\xB6", "\xE2\x96\xBC", "arrow", "->", "=>", NULL};
	for (size_t i = 0; arrows[i]; i++)
		if (strstr(t, arrows[i]))
			return 1;
	return 0;
}

static int classify_marker(const char *cell, char *text, size_t size)
{
	if (is_blank_cell(cell))
		return 0;
	snprintf(text, size, "%s", cell);
	/* a tick: one of x X v V or a check mark, alone between blanks */
	/* (and the ticks Word's Insert Symbol and phones type: ☑ U+2611,
	 * ✅ U+2705, 🗸 U+1F5F8; before round 10, debris, a weak clue, and
	 * every office step of a table ticked with ☑ was actor = ?) */
	static const char *const ticks[] = {"x", "X", "v", "V", "\xE2\x9C\x93", "\xE2\x9C\x94",
					    "\xE2\x88\x9A", "\xE2\x98\x91", "\xE2\x9C\x85",
					    "\xF0\x9F\x97\xB8", NULL}; /* ✓ ✔ √ ☑ ✅ 🗸 */
	char *t = clean_text(cell);
	int tick = 0;
	for (size_t i = 0; ticks[i] && !tick; i++)
		tick = strcmp(t, ticks[i]) == 0;
	if (tick) {
		free(t);
		return W_TICK;
	}
	/* One letter alone: a flowchart shape typed as its letter ("O" the
	 * terminator, "P" a process, "D" the decision), or a symbol font's
	 * character that lost its font in the copy (Wingdings "l" a bullet,
	 * "u" a diamond, "ü" a check mark; Wingdings 2 "P" a check mark).
	 * It is a shape where the pelaksana's symbol stands, as an arrow is;
	 * "I" is left as debris (a connector line read as a letter).  Before,
	 * every such letter was debris, a weak clue: actor = ? on each step
	 * of a table marked that way. */
	int letter = (strlen(t) == 1 && isalpha((unsigned char)t[0]) && t[0] != 'I') ||
		     strcmp(t, "\xC3\xBC") == 0 || strcmp(t, "\xC3\xBE") == 0; /* ü þ */
	free(t);
	if (letter)
		return W_STRONG;
	static const char *const symbols[] = {
		"\xE2\x86\x92", "\xE2\x86\x90", "\xE2\x86\x91", "\xE2\x86\x93", /* → ← ↑ ↓ */
		"\xE2\x87\x92", "\xE2\x96\xBA", "\xE2\x96\xB6", "\xE2\x96\xBC", /* ⇒ ► ▶ ▼ */
		"\xE2\x96\xA0", "\xE2\x96\xA1", "\xE2\x97\x86", "\xE2\x97\x87", /* ■ □ ◆ ◇ */
		"\xE2\x97\x8F", "\xE2\x97\x8B", "\xE2\x9C\x93", "\xE2\x9C\x94", /* ● ○ ✓ ✔ */
		"\xE2\x88\x9A",                                                   /* √ */
		"\\rightarrow", "\\leftarrow", "\\downarrow", "\\uparrow", "->", "=>", NULL};
	for (size_t i = 0; symbols[i]; i++)
		if (strstr(cell, symbols[i]))
			return W_STRONG;
	if (strchr(cell, '<') && strchr(cell, '>')) {
		/* an HTML fragment where a flowchart shape was */
		char *t = clean_text(cell);
		int ok = 1;
		for (char *q = t; *q; q++)
			if (!isdigit((unsigned char)*q) && *q != ' ')
				ok = 0;
		free(t);
		if (ok)
			return W_STRONG;
	}
	return W_WEAK; /* "-", "til", "H 05" */
}

static int col_between(const struct imp *im, int a, int b)
{
	/* the only actor column strictly between columns a and b (header order) */
	int lo = im->cols[a].idx, hi = im->cols[b].idx, found = -1;
	if (lo < 0 || hi < 0)
		return -1;
	if (lo > hi) {
		int x = lo;
		lo = hi;
		hi = x;
	}
	for (size_t c = 0; c < im->ncols; c++)
		if (im->cols[c].idx > lo && im->cols[c].idx < hi) {
			if (found >= 0)
				return -1;
			found = (int)c;
		}
	return found;
}

/* Is the row full-width: a cell in each of the body's width columns and
 * no text beyond (width 0: the header names no Waktu, so no such row)? */
static int row_full(const struct row *row, size_t width)
{
	if (width == 0 || row->n < width)
		return 0;
	for (size_t i = width; i < row->n; i++)
		if (!is_blank_cell(row->cells[i]))
			return 0;
	return 1;
}

/* The cell of a mutu baku column in a row: the header column hcol moved by
 * the row's shift; where the header does not name that column, the cell at
 * def (next to the Waktu cell) when no header column claims it.  -1 when it
 * falls outside the row, on or before Kegiatan, or on the Waktu cell. */
static int mutu_cell(const struct imp *im, const struct row *row, int hcol, int shift, int def,
		     int w, int left_act)
{
	int pos;
	if (hcol >= 0) {
		pos = hcol + shift;
	} else {
		int hc = def - shift;
		/* a header's column that is something else, the list
		 * layout's Pelaksana too, holds no Kelengkapan or Output */
		/* (nor a Biaya column: "Rp 50.000" is no Kelengkapan;
		 * before round 11 the cell left of Waktu was taken) */
		if (im->have_header && hc >= 0 && hc < MAXCOL &&
		    (im->role[hc] != R_NONE || im->col_of_hdr[hc] >= 0 || hc == im->col_list || im->cost_col[hc] ||
		     im->dec_col[hc]))
			return -1;
		pos = def;
	}
	if (pos <= left_act || pos == w || pos < 0 || (size_t)pos >= row->n)
		return -1;
	return pos;
}

/* The number a step label writes in roman numerals ("I" .. "XXXIX") or
 * as a letter ("a" .. "z"), either followed by '.' or ')': 1.., or 0 for
 * any other label ("1.1", "2a", "A1").  Tables that number their steps
 * so read in order, and a label equal to the step's place needs no word. */
static int label_ordinal(const char *lab)
{
	size_t n = strlen(lab);
	if (n > 1 && (lab[n - 1] == '.' || lab[n - 1] == ')'))
		n--;
	if (n == 1 && isalpha((unsigned char)lab[0]) && !strchr("IVXivx", lab[0]))
		return tolower((unsigned char)lab[0]) - 'a' + 1;
	static const char *const ones[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
	int tens = 0;
	size_t i = 0;
	while (i < n && i < 3 && (lab[i] == 'X' || lab[i] == 'x'))
		tens++, i++;
	for (int k = 9; k >= 0; k--) {
		size_t m = strlen(ones[k]);
		if (n - i == m && mutu_strncasecmp(lab + i, ones[k], m) == 0)
			return k + tens * 10 ? k + tens * 10 : 0;
	}
	return 0;
}

/*
 * "1.500 Jam": a dot before exactly three digits, one group only, after
 * one to three digits not opening with 0.  dur_parse reads it as id-ID's
 * grouped thousands (1500 Jam), one rule for every unit (dur.c); an
 * English-locale copy of the table would mean 1,5 Jam.  When the decimal
 * reading is a duration too (1,5 Jam: 90 Menit; not "1.410 Menit", 1,41
 * Menit being no whole minute, nor "2.500 Hari", no fraction of a day)
 * the text is ambiguous: writes that reading's text ("1,500 Jam") into
 * alt and its duration into *d, returns 1; else 0.
 */
static int ambiguous_dot(const char *text, char *alt, size_t altsz, struct dur *d)
{
	int found = 0;
	snprintf(alt, altsz, "%s", text);
	for (char *p = alt; *p; p++) {
		if (*p != '.' || p == alt || !isdigit((unsigned char)p[-1]))
			continue;
		char *n0 = p;
		while (n0 > alt && isdigit((unsigned char)n0[-1]))
			n0--;
		if (p - n0 > 3 || *n0 == '0' || (n0 > alt && (n0[-1] == '.' || n0[-1] == ',')))
			continue;
		if (!isdigit((unsigned char)p[1]) || !isdigit((unsigned char)p[2]) || !isdigit((unsigned char)p[3]) ||
		    isdigit((unsigned char)p[4]) || p[4] == '.' || p[4] == ',')
			continue;
		/* the decimal reading as one would write it: "1,5", "2" */
		int keep = p[3] != '0' ? 3 : p[2] != '0' ? 2 : p[1] != '0' ? 1 : 0;
		*p = ',';
		memmove(p + (keep ? 1 + keep : 0), p + 4, strlen(p + 4) + 1);
		found = 1;
	}
	if (!found)
		return 0;
	struct mutu_err e;
	mutu_err_clear(&e);
	return dur_parse(alt, d, &e) == 0;
}

/*
 * Which decimal mark the table's own Waktu cells show: the line of the
 * first one written with a dot before one or two digits ("1.5 Jam",
 * "0.25 Jam": an English-locale sheet; no id-ID reading has it) when no
 * Waktu writes a decimal comma ("1,5 Jam"), else 0.
 */
static int dot_decimal_line(const struct imp *im)
{
	int first = 0;
	for (size_t k = 0; k < im->nsteps; k++) {
		const char *w = im->steps[k].waktu;
		for (const char *p = w; p && *p; p++) {
			if (!isdigit((unsigned char)*p) || (p > w && (isdigit((unsigned char)p[-1]) || p[-1] == '.' ||
								       p[-1] == ',')))
				continue;
			const char *q = p;
			while (isdigit((unsigned char)*q))
				q++;
			if (*q == ',' && isdigit((unsigned char)q[1]))
				return 0; /* a decimal comma: id-ID */
			if (*q == '.' && isdigit((unsigned char)q[1])) {
				size_t n = 1;
				while (isdigit((unsigned char)q[1 + n]))
					n++;
				if (n <= 2 && q[1 + n] != '.' && !first)
					first = im->steps[k].line;
			}
		}
	}
	return first;
}

/*
 * A Waktu (or the total) whose dot before three digits reads two ways
 * (ambiguous_dot): id-ID's grouped thousands, as dur_parse reads it, unless
 * the table's other Waktu cells write their decimals with a dot (dot_line,
 * from dot_decimal_line): then it is that sheet's decimal point, and *text
 * and *d become that reading (returns 1).  Either way said, naming the
 * file, the line and the value.
 */
static int resolve_dot(struct imp *im, const char *what, int line, char **text, struct dur *d, int dot_line)
{
	char alt[256];
	struct dur other, read;
	struct mutu_err e;
	mutu_err_clear(&e);
	if (!*text || strlen(*text) >= sizeof alt || !ambiguous_dot(*text, alt, sizeof alt, &other) ||
	    dur_parse(*text, &read, &e) != 0)
		return 0;
	char a[96], b[96], plain[256];
	dur_format(read, DUR_ID, a, sizeof a);
	dur_format(other, DUR_ID, b, sizeof b);
	/* the text as id-ID reads it: "1.500 Jam" is "1500 Jam" */
	size_t k = 0;
	for (const char *p = *text; *p && k + 1 < sizeof plain; p++)
		if (!(*p == '.' && p > *text && isdigit((unsigned char)p[-1]) && isdigit((unsigned char)p[1]) &&
		      isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3])))
			plain[k++] = *p;
	plain[k] = 0;
	if (dot_line) {
		mutu_notes_addf(im->warn,
				"%s:%d: %s '%s' read as %s ('%s'): the table writes its decimals with a dot (line %d), "
				"as an English-locale sheet does, so its dot is no thousands separator (id-ID would "
				"read %s); check",
				im->src, line, what, *text, b, alt, dot_line, plain);
		free(*text);
		*text = mutu_strdup(alt);
		*d = other;
		return 1;
	}
	mutu_notes_addf(im->warn,
			"%s:%d: %s '%s' read as %s (%s): a dot before three digits groups thousands, as an id-ID "
			"spreadsheet writes them (its decimal mark is the comma); if the table was typed in an "
			"English locale it means %s ('%s'): check, and write the number without dots or with its comma",
			im->src, line, what, *text, plain, a, b, alt);
	return 0;
}

/* Does a Waktu cell write a fraction without a digit ("½ hari", "¾ Hari",
 * "setengah hari")?  dur.c refuses a fraction of a working day saying
 * so, and that reason is what the importer's warning should give. */
static int has_fraction(const char *cell)
{
	if (strstr(cell, "\xC2\xBD") || strstr(cell, "\xC2\xBC") || strstr(cell, "\xC2\xBE"))
		return 1;
	for (const char *p = cell; *p; p++)
		if (mutu_strncasecmp(p, "setengah", 8) == 0 || mutu_strncasecmp(p, "perempat", 8) == 0)
			return 1;
	return 0;
}

/* A header row under Waktu that splits it into unit columns ("Hari",
 * "Hari Kerja", "Jam", "Menit"): at least two such cells and nothing
 * else.  Records each column's unit in im->part_unit. */
static int unit_row(struct imp *im, const struct row *row)
{
	static const char *const units[][2] = {{"hari", "Hari"}, {"hari kerja", "Hari"}, {"hk", "Hari"},
					      {"jam", "Jam"}, {"menit", "Menit"}};
	const char *u[MAXCOL] = {0};
	int n = 0;
	for (size_t i = 0; i < row->n && i < MAXCOL; i++) {
		if (is_blank_cell(row->cells[i]))
			continue;
		char *t = clean_text(row->cells[i]);
		for (size_t k = 0; k < sizeof units / sizeof units[0] && !u[i]; k++)
			if (mutu_strcasecmp(t, units[k][0]) == 0)
				u[i] = units[k][1];
		free(t);
		if (!u[i])
			return 0;
		n++;
	}
	if (n < 2)
		return 0;
	memcpy(im->part_unit, u, sizeof u);
	return 1;
}

/* The actor column of a title written in the Pelaksana column (list
 * layout): the column of that title, made on first sight; -1 for a blank
 * cell or past MAXCOL titles. */
static int list_column(struct imp *im, const char *cell)
{
	if (is_blank_cell(cell))
		return -1;
	char *t = clean_text(cell);
	int found = -1;
	for (size_t c = 0; c < im->ncols && found < 0; c++)
		if (mutu_strcasecmp(im->cols[c].name, t) == 0)
			found = (int)c;
	if (found < 0 && im->ncols < MAXCOL && *t) {
		column_init(&im->cols[im->ncols], -1, t);
		/* a title that is a known position keeps its own spelling too */
		found = (int)im->ncols++;
	}
	free(t);
	return found;
}

/* Read the data rows after the header. */
static void read_rows(struct imp *im, size_t from)
{
	/* The header's column numbers (under the header and again under
	 * each repeat after a page break) are part of the header, no row
	 * of the body: emptied before the passes below read bare numbers
	 * as Waktu. */
	for (size_t r = from; r < im->nrows; r++)
		if (column_numbers_row(&im->rows[r]))
			for (size_t i = 0; i < im->rows[r].n; i++)
				im->rows[r].cells[i][0] = 0;
	/* A header that names the unit ("Waktu (Menit)") over bare numbers:
	 * each such cell of the Waktu column gets the unit written after it,
	 * so it reads as the duration the table means ("30" -> "30 Menit"). */
	if (im->waktu_unit && im->col_waktu >= 0) {
		size_t n = 0;
		for (size_t r = from; r < im->nrows; r++) {
			struct row *row = &im->rows[r];
			if ((size_t)im->col_waktu >= row->n || !bare_quantity(row->cells[im->col_waktu]))
				continue;
			struct mutu_buf b;
			mutu_buf_init(&b);
			mutu_buf_printf(&b, "%s %s", row->cells[im->col_waktu], im->waktu_unit);
			free(row->cells[im->col_waktu]);
			row->cells[im->col_waktu] = buf_take(&b);
			n++;
		}
		if (n)
			mutu_notes_addf(im->warn, "the Waktu header names the unit: %zu bare number(s) read in %s",
					n, im->waktu_unit);
	}
	/* Waktu split into unit columns: the numbers of a row become one
	 * duration in the first of them ("2 | 1 | 30" -> "2 Hari 1 Jam 30
	 * Menit"), the others blank.  A row with text there is left alone. */
	int first_part = -1;
	for (int i = 0; i < MAXCOL && first_part < 0; i++)
		if (im->part_unit[i])
			first_part = i;
	for (size_t r = from; first_part >= 0 && r < im->nrows; r++) {
		struct row *row = &im->rows[r];
		struct mutu_buf b;
		mutu_buf_init(&b);
		int ok = 1, parts = 0;
		for (size_t i = (size_t)first_part; i < row->n && i < MAXCOL && ok; i++) {
			if (!im->part_unit[i] || is_blank_cell(row->cells[i]))
				continue;
			if (!bare_number(row->cells[i]))
				ok = 0;
			else
				mutu_buf_printf(&b, "%s%s %s", parts++ ? " " : "", row->cells[i], im->part_unit[i]);
		}
		if (ok && parts && (size_t)first_part < row->n) {
			for (size_t i = (size_t)first_part; i < row->n && i < MAXCOL; i++)
				if (im->part_unit[i])
					row->cells[i][0] = 0;
			free(row->cells[first_part]);
			row->cells[first_part] = buf_take(&b);
		} else
			mutu_buf_release(&b);
	}
	/* A Waktu cell cut by a line break inside it, as a PDF or Word copy
	 * gives: "15" on one line, "Menit" on the next.  Either the copy
	 * went on with the rest of the row after the break (the row ends at
	 * "15", the next line starts "Menit<TAB>Output...": the two lines are
	 * one row), or it put the unit on a row of its own under the number
	 * (the next line holds only "Menit", in the number's column).  The
	 * unit joins its number when the two read as a duration.  Before, the
	 * number alone had no unit (waktu = ?) and "Menit" was skipped as
	 * "not a step row". */
	for (size_t r = from; r + 1 < im->nrows; r++) {
		struct row *a = &im->rows[r], *b = &im->rows[r + 1];
		if (!a->n || !b->n)
			continue;
		size_t i = a->n - 1; /* the rest of the row after the break */
		int own_row = 0;     /* the unit alone on a row, under its number */
		if (row_nonblank(b) == 1) {
			for (i = 0; i < b->n && is_blank_cell(b->cells[i]); i++)
				;
			own_row = i > 0;
			if (!own_row)
				i = a->n - 1;
		}
		/* (the number with its words, "2 (dua)" / "hari kerja", is cut
		 * the same way; before round 12, waktu = ?) */
		if (i >= a->n || i == 0 || (!bare_number(a->cells[i]) && !number_spelled(a->cells[i])))
			continue;
		const char *u = b->cells[own_row ? i : 0];
		while (*u == ' ')
			u++;
		struct dur dd;
		if (!isalpha((unsigned char)*u) || strlen(u) > 40)
			continue;
		struct mutu_buf j;
		mutu_buf_init(&j);
		mutu_buf_printf(&j, "%s %s", a->cells[i], u);
		if (!cell_dur(j.s, &dd)) {
			mutu_buf_release(&j);
			continue;
		}
		free(a->cells[i]);
		a->cells[i] = buf_take(&j);
		if (own_row) {
			b->cells[i][0] = 0;
		} else {
			/* the rest of the row joins it: b's cells after its first */
			char **c = realloc(a->cells, (a->n + b->n - 1) * sizeof *c);
			if (!c)
				continue; /* out of memory: left as read */
			a->cells = c;
			for (size_t k = 1; k < b->n; k++)
				a->cells[a->n++] = b->cells[k];
			free(b->cells[0]);
			b->n = 1;
			b->cells[0] = mutu_strdup("");
		}
		mutu_notes_addf(im->warn, "line %d: waktu '%s' was cut by a line break (line %d); read as one", a->line,
				a->cells[i], b->line);
	}
	/* A Waktu whose number and unit sit in two cells, "15 | Menit",
	 * "2 | Hari 1 Jam": a Waktu column split in two under one merged
	 * header cell (angka | satuan), or a PDF copy that cut the cell at
	 * its space.  The unit joins its number.  Under a merged header (the
	 * header cell right of Waktu blank) the unit's cell is left empty;
	 * otherwise the row has one cell too many and the cells after it move
	 * back one, so it lines up with the header again.  Before, the number
	 * alone read as no duration (waktu = ?) and the unit became the
	 * Output. */
	int merged_waktu = im->col_waktu >= 0 && (size_t)im->col_waktu + 1 < im->ncols_hdr &&
			   im->role[im->col_waktu + 1] == R_NONE && im->col_of_hdr[im->col_waktu + 1] < 0;
	for (size_t r = from; r < im->nrows; r++) {
		struct row *row = &im->rows[r];
		for (size_t i = 0; i + 1 < row->n && i < MAXCOL; i++) {
			const char *u = row->cells[i + 1];
			struct dur dd;
			if (!strpbrk(row->cells[i], "0123456789") || cell_dur(row->cells[i], &dd) ||
			    !isalpha((unsigned char)*u) || strlen(u) > 40)
				continue;
			struct mutu_buf b;
			mutu_buf_init(&b);
			mutu_buf_printf(&b, "%s %s", row->cells[i], u);
			if (!cell_dur(b.s, &dd)) {
				mutu_buf_release(&b);
				continue;
			}
			free(row->cells[i]);
			row->cells[i] = buf_take(&b);
			if (merged_waktu && (int)i == im->col_waktu) {
				row->cells[i + 1][0] = 0;
			} else {
				free(row->cells[i + 1]);
				memmove(&row->cells[i + 1], &row->cells[i + 2], (row->n - i - 2) * sizeof *row->cells);
				row->n--;
			}
			mutu_notes_addf(im->warn, "line %d: waktu '%s' was split over two cells; read as one", row->line,
					row->cells[i]);
		}
	}
	/* A step broken over two lines (a PDF copy, or a line break in a
	 * Word cell that the copy turned into a row break before the rest of
	 * the row): a row holding only a step number and the start of its
	 * Kegiatan, followed by a row without a number whose cells carry the
	 * rest (a Waktu among them).  The two are one step: the number and
	 * the text go down to the second row, the first is emptied.  Read
	 * apart, the step had no waktu and no pelaksana and its second half
	 * became a step of its own. */
	{
		int ln = im->col_no >= 0 ? im->col_no : 0, la = im->col_act >= 0 ? im->col_act : 1;
		for (size_t r = from; r + 1 < im->nrows; r++) {
			struct row *a = &im->rows[r], *b = &im->rows[r + 1];
			/* a page break may fall inside the step: its footer
			 * ("Halaman 1 dari 2"), blank lines and the header
			 * repeated on the next page stand between the halves */
			for (size_t q = r + 1; q + 1 < im->nrows && (row_blank(b) || page_footer(b) ||
								      row_is_header(b, NULL));)
				b = &im->rows[++q];
			int no;
			if ((size_t)la >= a->n || (size_t)ln >= a->n || (size_t)ln >= b->n || (size_t)la >= b->n ||
			    !cell_number(a->cells[ln], &no) || is_blank_cell(a->cells[la]) ||
			    row_nonblank(a) != 2 || !is_blank_cell(b->cells[ln]))
				continue;
			int has_dur = 0;
			struct dur dd;
			for (size_t i = 0; i < b->n && !has_dur; i++)
				has_dur = (int)i != la && cell_dur(b->cells[i], &dd);
			if (!has_dur)
				continue;
			struct mutu_buf t;
			mutu_buf_init(&t);
			mutu_buf_printf(&t, "%s %s", a->cells[la], b->cells[la]);
			free(b->cells[la]);
			b->cells[la] = mutu_trim(buf_take(&t));
			free(b->cells[ln]);
			b->cells[ln] = a->cells[ln];
			a->cells[ln] = mutu_strdup("");
			a->cells[la][0] = 0;
			mutu_notes_addf(im->warn, "line %d: step %d continues on line %d (a row broken %s); read as one",
					a->line, no, b->line,
					b == &im->rows[r + 1] ? "over two lines" : "by a page break");
		}
	}
	/* reference Waktu column: the header's, else the commonest */
	int W = im->col_waktu;
	int count[MAXCOL] = {0};
	struct dur d;
	for (size_t r = from; r < im->nrows; r++)
		for (size_t i = 1; i < im->rows[r].n && i < MAXCOL; i++)
			if (cell_dur(im->rows[r].cells[i], &d)) {
				count[i]++;
				break;
			}
	if (W < 0) {
		int best = 0;
		for (int i = 0; i < MAXCOL; i++)
			if (count[i] > best) {
				best = count[i];
				W = i;
			}
	}
	/* The body's own Waktu column: where most rows have their duration
	 * (ties go to the header's).  A copy can lose a merged header cell, so
	 * that every body row sits a column off the header (seed 004): the
	 * header's columns still give the offsets from Waktu, and the body's
	 * column tells which rows are full-width. */
	int body_w = W;
	if (W >= 0 && W < MAXCOL) {
		int best = count[W];
		for (int i = 0; i < MAXCOL; i++)
			if (count[i] > best) {
				best = count[i];
				body_w = i;
			}
	}
	size_t full_width = 0;
	if (im->col_waktu >= 0 && (long)im->ncols_hdr + (body_w - W) > body_w)
		full_width = (size_t)((long)im->ncols_hdr + (body_w - W));
	int cap = 0, prev_no = 0, repeated = 0;
	int legend_first = 0, legend_last = 0; /* lines of the symbol legend */
	/* since the last step: a total line or a repeated header (what ends
	 * a table), and the last line of text alone (a second table's title) */
	const char *table_end = NULL;
	char lone_text[96] = "";
	size_t cont_row = (size_t)-2; /* the row a wrapped text may continue */
	int left_act = im->col_act >= 0 ? im->col_act : 1;
	int left_no = im->col_no >= 0 ? im->col_no : 0;
	for (size_t r = from; r < im->nrows; r++) {
		const struct row *row = &im->rows[r];
		if (row_blank(row))
			continue;
		int kw = 0;
		if (row_is_header(row, &kw)) {
			repeated++;
			if (im->nsteps && !table_end)
				table_end = "a repeated header";
			continue;
		}
		/* the Waktu cell: reads as a duration, nearest the reference */
		int w = -1, w_range = Q_NONE;
		for (size_t i = 0; i < row->n && i < MAXCOL; i++) {
			if ((int)i == left_no && row->n > 2)
				continue;
			int range = Q_NONE;
			if (!cell_dur(row->cells[i], &d)) {
				/* a range or a qualified number is a Waktu only in
				 * the Waktu column */
				char *up = (int)i == body_w ? cell_waktu_text(row->cells[i], &d, &range, im->day_minutes) : NULL;
				if (!up)
					continue;
				free(up);
			}
			if (w < 0 || (body_w >= 0 && abs((int)i - body_w) < abs(w - body_w)))
				w = (int)i, w_range = range;
		}
		/* the words before the Waktu cell, to spot "Jumlah Waktu" lines */
		char lower[160] = "";
		for (int i = 0; i < (w >= 0 ? w : (int)row->n) && (size_t)i < row->n; i++) {
			size_t l = strlen(lower);
			snprintf(lower + l, sizeof lower - l, " %s", row->cells[i]);
		}
		for (char *q = lower; *q; q++)
			*q = (char)tolower((unsigned char)*q);
		int no = 0;
		int has_no = (size_t)left_no < row->n && cell_number(row->cells[left_no], &no);
		/* No No. column: the number may open the Kegiatan, "1. Pemohon
		 * mengajukan", "2) Memeriksa"; it is the step's number and no
		 * part of its activity */
		size_t act_skip = 0;
		if (!has_no && im->col_no < 0 && (size_t)left_act < row->n && w != left_act) {
			const char *c = row->cells[left_act], *q = c;
			while (isspace((unsigned char)*q))
				q++;
			long v = 0;
			while (isdigit((unsigned char)*q) && v <= 100000)
				v = v * 10 + (*q++ - '0');
			if (q > c && v >= 1 && v <= 100000 && (*q == '.' || *q == ')') && q[1] == ' ' &&
			    isalpha((unsigned char)q[2])) {
				has_no = 1;
				no = (int)v;
				act_skip = (size_t)(q + 2 - c);
			}
		}
		/* step 1 again after the table ended: a second SOP table (two
		 * permit types in one file) begins; read no further */
		if (has_no && no == 1 && im->nsteps && table_end) {
			im->second_line = row->line;
			snprintf(im->second_after, sizeof im->second_after, "%s", table_end);
			snprintf(im->second_title, sizeof im->second_title, "%s", lone_text);
			break;
		}
		if (w >= 0 && !has_no && total_words(lower))
			table_end = "the total line";
		if (w >= 0 && !has_no && total_words(lower)) {
			if (im->declared)
				mutu_notes_addf(im->warn, "line %d: a second total line; kept the first", row->line);
			else if (w_range)
				im->declared = cell_waktu_text(row->cells[w], &d, &w_range, im->day_minutes);
			else
				im->declared = clean_text(row->cells[w]);
			if (!im->declared_line) {
				im->declared_line = row->line;
				im->declared_office = total_leaves_applicant(row);
			}
			continue;
		}
		/* the total written as a sentence in one cell under the table,
		 * "Jumlah Waktu Penyelesaian: 3 (tiga) Hari Kerja": the text
		 * after the colon (else from its first digit) is the total */
		if (w < 0 && !has_no && row_nonblank(row) == 1 && total_words(lower)) {
			char *t = NULL;
			for (size_t i = 0; i < row->n && !t; i++)
				if (!is_blank_cell(row->cells[i]))
					t = clean_text(row->cells[i]);
			const char *at = strchr(t, ':');
			at = at ? at + 1 : t + strcspn(t, "0123456789");
			while (*at == ' ')
				at++;
			struct mutu_err e;
			mutu_err_clear(&e);
			int kind;
			char *tot = dur_parse(at, &d, &e) == 0 ? mutu_strdup(at) : cell_waktu_text(at, &d, &kind, im->day_minutes);
			free(t);
			if (tot)
				table_end = "the total line";
			if (tot && !im->declared) {
				im->declared = tot;
				im->declared_line = row->line;
				im->declared_office = total_leaves_applicant(row);
				mutu_notes_addf(im->warn, "line %d: the total is written as a sentence; read %s", row->line,
						tot);
				continue;
			}
			if (tot) {
				free(tot);
				mutu_notes_addf(im->warn, "line %d: a second total line; kept the first", row->line);
				continue;
			}
		}
		/* A total line whose time reads as no duration: "Jumlah waktu:
		 * 14 hari kalender", "Jumlah Waktu | 1 bulan".  The model cannot
		 * hold it, but the reason must be said where it stands; before,
		 * "not a step row, skipped" and "no Jumlah Waktu line". */
		const char *first_text = NULL;
		for (size_t i = 0; i < row->n && !first_text; i++)
			if (!is_blank_cell(row->cells[i]))
				first_text = row->cells[i];
		/* (its label opens the line: "menghitung jumlah retribusi
		 * Perda No. 5", a wrapped activity, is no total) */
		int total_label = 0;
		if (first_text) {
			char *ft = clean_text(first_text);
			static const char *const lead[] = {"jumlah", "total", "waktu penyelesaian",
							   "lama penyelesaian", "jangka waktu",
							   "waktu keseluruhan", NULL};
			for (size_t i = 0; lead[i] && !total_label; i++)
				total_label = mutu_strncasecmp(ft, lead[i], strlen(lead[i])) == 0;
			free(ft);
		}
		if (w < 0 && !has_no && total_label && !im->declared && !im->total_unread) {
			const char *cell = NULL;
			for (size_t i = row->n; i-- > 0 && !cell;)
				if (!is_blank_cell(row->cells[i]))
					cell = row->cells[i];
			char *t = cell ? clean_text(cell) : mutu_strdup("");
			const char *at = t;
			if (row_nonblank(row) == 1) {
				const char *colon = strchr(t, ':');
				at = colon ? colon + 1 : t + strcspn(t, "0123456789");
			}
			while (*at == ' ')
				at++;
			struct mutu_err e;
			mutu_err_clear(&e);
			if (strpbrk(at, "0123456789") && dur_parse(at, &d, &e) != 0) {
				im->total_unread = row->line;
				table_end = "the total line";
				mutu_notes_addf(im->warn,
						"line %d: the total line's '%s' does not read as a duration (%s); the model "
						"has no declared total: write it as declared_total = ... in hari kerja",
						row->line, at, e.msg);
				free(t);
				continue;
			}
			free(t);
		}
		/* the flowchart's symbol legend under the table ("○ =
		 * Mulai/Selesai", "◇ = Keputusan"): no step, and no row to warn
		 * of one by one; said once below */
		if (!has_no && w < 0) {
			int lg = legend_row(row);
			if (lg == 1 || (lg == 2 && r + 1 < im->nrows && legend_row(&im->rows[r + 1]) == 1)) {
				if (!legend_first)
					legend_first = row->line;
				legend_last = row->line;
				continue;
			}
		}
		const char *act = (size_t)left_act < row->n && left_act != w ? row->cells[left_act] : "";
		/* "Selesai" / "Mulai" alone on a row: the flowchart's
		 * terminator written as a row of its own, neither a step nor
		 * the wrapped text of the step above it */
		if (!has_no && w < 0 && row_nonblank(row) == 1 && is_terminator(act)) {
			char *t = clean_text(act);
			mutu_notes_addf(im->warn, "line %d: '%s' marks the flowchart's %s, not a step; skipped",
					row->line, t, mutu_strncasecmp(t, "mulai", 5) == 0 ||
					mutu_strncasecmp(t, "start", 5) == 0 ? "start" : "end");
			free(t);
			continue;
		}
		/* A row right under a step whose one cell is in the Kegiatan
		 * column: the step's text wrapped onto a row of its own (a line
		 * break inside a Word cell), not a row to drop. */
		if (!has_no && w < 0 && im->nsteps && r == cont_row + 1 && !is_blank_cell(act) &&
		    row_nonblank(row) == 1) {
			struct istep *ps = &im->steps[im->nsteps - 1];
			char *t = clean_text(act);
			struct mutu_buf b;
			mutu_buf_init(&b);
			mutu_buf_printf(&b, "%s %s", ps->activity, t);
			free(ps->activity);
			ps->activity = buf_take(&b);
			mutu_notes_addf(im->warn, "line %d: continues the activity of step %d (%.60s)", row->line,
					ps->no, t);
			free(t);
			cont_row = r;
			continue;
		}
		/* The same with more cells: a line break inside several cells
		 * of the row (a PDF copy), "mencetak tanda terima" under
		 * Kegiatan and "terima" under Output.  Each text cell joins its
		 * field of the step above; a mark, a number or a cell under no
		 * text column leaves the row alone.  Before round 12, "not a
		 * step row, skipped", the text lost. */
		if (!has_no && w < 0 && im->nsteps && r == cont_row + 1 && row_nonblank(row) >= 2) {
			struct istep *ps = &im->steps[im->nsteps - 1];
			int ok = 1;
			for (size_t i = 0; i < row->n && ok; i++) {
				if (is_blank_cell(row->cells[i]))
					continue;
				int text_col = (int)i == left_act || (int)i == im->col_kel || (int)i == im->col_out ||
					       (int)i == im->col_ket;
				ok = text_col && i < MAXCOL && im->col_of_hdr[i] < 0 && !branch_label(row->cells[i]) &&
				     !strpbrk(row->cells[i], "0123456789");
			}
			if (ok) {
				for (size_t i = 0; i < row->n; i++) {
					if (is_blank_cell(row->cells[i]))
						continue;
					char **f = (int)i == left_act     ? &ps->activity
						   : (int)i == im->col_kel ? &ps->kelengkapan
						   : (int)i == im->col_out ? &ps->output
									   : &ps->keterangan;
					char *t = clean_text(row->cells[i]);
					struct mutu_buf b;
					mutu_buf_init(&b);
					mutu_buf_printf(&b, "%s%s%s", *f, **f ? " " : "", t);
					free(*f);
					*f = buf_take(&b);
					free(t);
				}
				mutu_notes_addf(im->warn,
						"line %d: continues the text of step %d (a line break inside its cells); joined",
						row->line, ps->no);
				cont_row = r;
				continue;
			}
		}
		/* The labels "Ya" | "Tidak" on a row of their own under the
		 * header's "Keputusan" (a cell merged over the two columns): they
		 * say which column is which branch (round 12; before, "not a
		 * step row, skipped (Ya)" and the way back lost) */
		if (!has_no && w < 0 && !im->nsteps && row_nonblank(row) > 0) {
			int labels = 1, under = 0;
			for (size_t i = 0; i < row->n && labels; i++) {
				if (is_blank_cell(row->cells[i]))
					continue;
				labels = i < MAXCOL && branch_label(row->cells[i]) != 0;
				under |= labels && (im->dec_col[i] == 3 || (i > 0 && im->dec_col[i - 1] == 3));
			}
			if (labels && under) {
				for (size_t i = 0; i < row->n && i < MAXCOL; i++)
					if (!is_blank_cell(row->cells[i]))
						im->dec_col[i] = (char)branch_label(row->cells[i]);
				continue;
			}
		}
		/* A row of the decision's arrow labels alone, under its step
		 * ("Tidak" under the Pemohon, "Ya" under the next pelaksana):
		 * Word text boxes between two rows that a copy makes a row of
		 * their own.  They belong to the step above, as on its row;
		 * before, "not a step row, skipped (Tidak)" and the way back lost. */
		if (!has_no && w < 0 && im->nsteps && row_nonblank(row) > 0) {
			int labels = 1, no_col = -1;
			for (size_t i = 0; i < row->n && labels; i++) {
				if (is_blank_cell(row->cells[i]))
					continue;
				int col = i < MAXCOL ? im->col_of_hdr[i] : -1;
				int kind = col >= 0 ? branch_label(row->cells[i]) : 0;
				if (!kind)
					labels = 0;
				else if (kind == 1 && no_col < 0)
					no_col = col;
			}
			if (labels) {
				struct istep *ps = &im->steps[im->nsteps - 1];
				if (no_col >= 0 && ps->reject_col < 0)
					ps->reject_col = no_col;
				continue;
			}
		}
		/* A numbered row with nothing but its title, over rows labelled
		 * as its sub-steps ("1. | Pendaftaran", then "1.a", "1.b"; a
		 * Perbup annex groups its steps so): the heading of those
		 * steps, which hold the pelaksana and the time.  As a step it
		 * had waktu = ? and no pelaksana, and the model did not load. */
		if (has_no && w < 0 && !act_skip) {
			int bare = 1;
			for (size_t i = 0; i < row->n && bare; i++)
				if ((int)i != left_no && (int)i != left_act && !is_blank_cell(row->cells[i]))
					bare = 0;
			size_t r2 = r + 1;
			while (r2 < im->nrows && row_blank(&im->rows[r2]))
				r2++;
			char letter;
			if (bare && r2 < im->nrows && (size_t)left_no < im->rows[r2].n &&
			    sub_label(im->rows[r2].cells[left_no], &letter) == no) {
				char *t = clean_text((size_t)left_act < row->n ? row->cells[left_act] : "");
				mutu_notes_addf(im->warn,
						"line %d: '%d. %.60s' heads the sub-steps under it (%d.a, %d.b ...), with no "
						"pelaksana or Waktu of its own: a heading, not a step",
						row->line, no, t, no, no);
				free(t);
				continue;
			}
		}
		/* The flowchart's decision written as a numbered row of its own
		 * with no Waktu ("3 | Berkas lengkap? | ◇ | - | Tidak: kembali ke
		 * no. 1"): the outcome of the check above it, by the same
		 * pelaksana, which took the time.  As a step it had waktu = ?
		 * (exit 1) and the way back sat on a step of no time.  Its text
		 * joins the step above's Keterangan, where the way back is read;
		 * its "Tidak" label too.  A question by another pelaksana, or
		 * with a time, stays a step. */
		if (w < 0 && (has_no || row_nonblank(row) >= 2) && im->nsteps && is_question(act + act_skip) &&
		    ((size_t)body_w >= row->n || body_w < 0 || is_blank_cell(row->cells[body_w]) ||
		     no_ceiling_text(row->cells[body_w]))) {
			struct istep *ps = &im->steps[im->nsteps - 1];
			int same = 1, no_col = -1, way_cell = -1;
			for (int i = left_act + 1; (size_t)i < row->n && i < MAXCOL; i++) {
				int col = im->col_of_hdr[i];
				if (col < 0 || is_blank_cell(row->cells[i]))
					continue;
				int branch = branch_label(row->cells[i]);
				char sb;
				if (branch == 1 && no_col < 0)
					no_col = col;
				else if (!branch && reject_step_no(row->cells[i], &sb) > 0 && way_cell < 0)
					/* the labels with the way back written in the
					 * pelaksana's cell, "Ya / Tidak ke no. 3": read
					 * with the Keterangan (before, dropped: no
					 * reject_to) */
					way_cell = i;
				else if (!branch && !ps->marker[col] && ps->list_col != col)
					same = 0;
			}
			if (im->col_list >= 0 && (size_t)im->col_list < row->n &&
			    !is_blank_cell(row->cells[im->col_list]) &&
			    list_column(im, row->cells[im->col_list]) != ps->list_col)
				same = 0;
			if (same) {
				char *t = clean_text(act + act_skip);
				const char *ket = im->col_ket >= 0 && (size_t)im->col_ket < row->n ? row->cells[im->col_ket] : "";
				char *k = clean_text(ket);
				char *wc = clean_text(way_cell >= 0 ? row->cells[way_cell] : "");
				struct mutu_buf b;
				mutu_buf_init(&b);
				mutu_buf_printf(&b, "%s%s%s%s%s%s%s", ps->keterangan, *ps->keterangan ? "; " : "", t,
						*wc ? " " : "", wc, *k ? " " : "", k);
				free(wc);
				free(ps->keterangan);
				ps->keterangan = buf_take(&b);
				if (no_col >= 0 && ps->reject_col < 0)
					ps->reject_col = no_col;
				char which[96];
				if (has_no)
					snprintf(which, sizeof which, "step %d ('%.60s')", no, t);
				else
					snprintf(which, sizeof which, "'%.60s'", t);
				mutu_notes_addf(im->warn,
						"line %d: %s is step %d's decision, with no Waktu of its own: read as "
						"that step's way back (its Keterangan), not a step",
						row->line, which, ps->no);
				free(t);
				free(k);
				continue;
			}
		}
		/* The decision's "Tidak" branch written as a row of its own
		 * under it, its only cell "Tidak: kembali ke langkah 1" (a Word
		 * table whose flowchart branches were typed as rows): the way
		 * back of the step above, joined to its Keterangan where the
		 * way back is read.  Before (round 13), "not a step row,
		 * skipped" and the way back lost, though the decision's row
		 * said it was read.  Only a row that opens with the label and
		 * names a step: a note under the table does not. */
		if (!has_no && w < 0 && im->nsteps && row_nonblank(row) == 1) {
			char *t = NULL;
			for (size_t i = 0; i < row->n && !t; i++)
				if (!is_blank_cell(row->cells[i]))
					t = clean_text(row->cells[i]);
			char lab[32] = "", sb;
			size_t k = strcspn(t, ":,-(");
			if (k < sizeof lab)
				snprintf(lab, sizeof lab, "%.*s", (int)k, t);
			if (t[k] && branch_label(lab) == 1 && reject_step_no(t, &sb) > 0) {
				struct istep *ps = &im->steps[im->nsteps - 1];
				ket_append(ps, t);
				mutu_notes_addf(im->warn,
						"line %d: '%.60s' is the \"Tidak\" branch of step %d's check, on a row of "
						"its own: read as that step's way back",
						row->line, t, ps->no);
				free(t);
				continue;
			}
			free(t);
		}
		if (!has_no && (w < 0 || is_blank_cell(act))) {
			if (row_nonblank(row) > 0) {
				char *t = clean_text(row->cells[0]);
				for (size_t i = 1; !*t && i < row->n; i++) {
					free(t);
					t = clean_text(row->cells[i]);
				}
				mutu_notes_addf(im->warn, "line %d: not a step row, skipped (%.60s)", row->line, t);
				if (row_nonblank(row) == 1)
					snprintf(lone_text, sizeof lone_text, "%s", t);
				free(t);
			}
			continue;
		}
		/* That row numbered as a step but with no Waktu: the decision's
		 * "no" branch of the step above, which a flowchart draws as an
		 * arrow back and some tables write as a row.  It is no step of
		 * the normal path (a model of it would need a waktu and would
		 * add to every case's total): its text joins the step above's
		 * Keterangan, where the sending back is read (reject_to). */
		if (w < 0 && im->nsteps && is_reject_branch(act)) {
			struct istep *ps = &im->steps[im->nsteps - 1];
			char *t = clean_text(act);
			ket_append(ps, t);
			mutu_notes_addf(im->warn,
					"line %d: '%.60s' has no Waktu and says where the berkas goes when step %d's "
					"check fails: read as step %d's routing note (reject_to), not a step",
					row->line, t, ps->no, ps->no);
			free(t);
			continue;
		}
		if (!has_no) {
			no = prev_no + 1;
			/* a sub-step label ("1.1", "a.", "2a") is kept in the
			 * warning: the row is a step of its own, in table order */
			char *lab = im->col_no >= 0 && (size_t)left_no < row->n ? clean_text(row->cells[left_no])
										 : mutu_strdup("");
			if (*lab && label_ordinal(lab) == no)
				; /* "IV", "d.": the step's number in roman numerals or letters, in order */
			else if (*lab)
				mutu_notes_addf(im->warn, "line %d: '%.20s' is no whole step number (a sub-step?); numbered it %d",
						row->line, lab, no);
			else
				mutu_notes_addf(im->warn, "line %d: row has no step number; numbered it %d", row->line,
						no);
			free(lab);
		}
		if (im->nsteps == (size_t)cap) {
			cap = cap ? cap * 2 : 16;
			im->steps = mutu_realloc(im->steps, (size_t)cap * sizeof *im->steps);
		}
		struct istep *s = &im->steps[im->nsteps++];
		memset(s, 0, sizeof *s);
		s->list_col = -1;
		cont_row = r;
		table_end = NULL;
		lone_text[0] = 0;
		s->no = no;
		s->table_no = has_no ? no : 0;
		/* a sub-step's label, "1a", "1.b", "2 a": its number and letter,
		 * which a way back can name ("kembali ke langkah 1b") */
		if (!has_no && im->col_no >= 0 && (size_t)left_no < row->n) {
			char c = 0;
			int v = sub_label(row->cells[left_no], &c);
			if (v > 0 && c) {
				s->sub_no = v;
				s->sub_letter = c;
			}
		}
		s->line = row->line;
		s->actor = -1;
		s->reject_col = -1;
		s->reject_no = 0;
		prev_no = no;
		s->activity = clean_text(act + act_skip);
		/* A full-width row is read by the header's columns: it lost no
		 * cell, so a duration away from the Waktu column is some other
		 * cell's text, not a Waktu that moved. */
		int w_elsewhere = w >= 0; /* a duration in some cell, if not under Waktu */
		if (w >= 0 && w != body_w && row_full(row, full_width)) {
			char *wt = clean_text(row->cells[body_w]);
			char *ft = clean_text(row->cells[w]);
			mutu_notes_addf(im->warn,
					"step %d (line %d): the cell under Waktu (column %d: '%.40s') reads as no duration; "
					"'%.40s' in column %d does, but the row is as wide as the header, so its cells "
					"were read by the header's columns",
					no, row->line, body_w + 1, wt, ft, w + 1);
			free(wt);
			free(ft);
			w = -1;
		}
		if (w < 0) {
			/* the Waktu column's cell, when it holds a number, says why
			 * it is no duration ("3 hari kalender": calendar days) */
			struct mutu_err why;
			mutu_err_clear(&why);
			if (body_w >= 0 && (size_t)body_w < row->n &&
			    (strpbrk(row->cells[body_w], "0123456789") || has_fraction(row->cells[body_w]))) {
				char *t = clean_text(row->cells[body_w]);
				const char *rest = t;
				struct dur dd;
				waktu_qualifier(t, &rest); /* "paling lama 14 hari kalender" */
				dur_parse(rest, &dd, &why);
				free(t);
			}
			if (!why.msg[0] && body_w >= 0 && (size_t)body_w < row->n &&
			    no_ceiling_text(row->cells[body_w])) {
				/* "Sesuai jadwal": said outright, not a copy fault */
				char *t = clean_text(row->cells[body_w]);
				mutu_notes_addf(im->warn,
						"step %d (line %d): waktu '%.40s' sets no ceiling; wrote waktu = ?: write the "
						"longest time the office allows for the step (every step needs one to be "
						"checked and simulated)",
						no, row->line, t);
				snprintf(s->range_note, sizeof s->range_note,
					 "importer: waktu '%.60s' sets no ceiling", t);
				free(t);
			} else if (!why.msg[0] && !w_elsewhere && im->nsteps >= 2 && im->steps[im->nsteps - 2].has_dur &&
				   body_w >= 0 && (size_t)body_w < row->n && is_blank_cell(row->cells[body_w])) {
				/* (a row that stops before Waktu lost its cells in the
				 * copy: no merge) */
				/* said or read in merged_waktu */
				s->waktu_merged = 1;
			} else
				mutu_notes_addf(im->warn,
						"step %d (line %d): no cell reads as a duration%s%s; wrote waktu = ?", no,
						row->line, why.msg[0] ? ": " : "", why.msg);
			s->waktu = mutu_strdup("?");
			/* No Waktu cell to count offsets from: the cells stay under
			 * the body's columns (as in a full-width row), even when the
			 * row stops before Waktu.  Counting from the row's end instead
			 * shifted a short row ("5, Pemohon menerima SK, , v") so that
			 * its marker under an actor column read as Kelengkapan. */
			w = body_w >= 0 ? body_w : (int)row->n;
		} else {
			if (w_range) {
				char *t = clean_text(row->cells[w]);
				int kind;
				s->waktu = cell_waktu_text(row->cells[w], &s->d, &kind, im->day_minutes);
				/* the warning reads "<pre><waktu><post>" */
				static const char *const pre[] = {
					[Q_RANGE] = "is a range; its upper bound ",
					[Q_CEIL] = "names its ceiling; read as ",
					[Q_APPROX] = "is approximate; ",
					[Q_PER] = "is per berkas, as every step's waktu is; read as ",
					[Q_NOTE] = "carries a footnote mark; read as ",
					[Q_REMARK] = "carries a remark in parentheses; read as ",
					[Q_ATONCE] = "means done at once; read as ",
					[Q_CLAUSE] = "says when it counts from; read as ",
					[Q_LABEL] = "opens with a word before its number; read as ",
					[Q_EQUIV] = "says its time twice, in two units that agree (a Hari as %d Menit); read as ",
					[Q_DAYFRAC] = "is a fraction of a hari kerja, which a model holds in Jam and Menit (a Hari as %d Menit); read as ",
					[Q_DAYFRAC_APPROX] = "is approximate and a fraction of a hari kerja (a Hari as %d Menit); ",
					[Q_NOMDAY] = "glosses its Hari as 8 Jam, the nominal working day, not the calendar's (a Hari as %d Menit); read as ",
					[Q_DAYFRAC_UP] = "is a fraction of a hari kerja that falls between two minutes (a Hari as %d Menit); read as ",
					[Q_CLOCK] = "is a spreadsheet's time format (hours:minutes:seconds); read as ",
				};
				static const char *const post[] = {
					[Q_RANGE] = " is the ceiling",
					[Q_CEIL] = "",
					[Q_APPROX] = ", the only number given, is the ceiling",
					[Q_PER] = "",
					[Q_NOTE] = " (see the table's notes)",
					[Q_REMARK] = "",
					[Q_ATONCE] = ": the step adds no time to the total",
					[Q_CLAUSE] = "",
					[Q_LABEL] = "",
					[Q_EQUIV] = "",
					[Q_DAYFRAC] = "",
					[Q_DAYFRAC_APPROX] = ", the only number given, is the ceiling",
					[Q_NOMDAY] = "; if the step takes 8 working hours, write 8 Jam",
					[Q_DAYFRAC_UP] = ", rounded up to the whole minute (a waktu is a ceiling)",
					[Q_CLOCK] = "",
				};
				static const char *const note[] = {
					[Q_RANGE] = "is a range; its upper bound is the ceiling",
					[Q_CEIL] = "names its ceiling",
					[Q_APPROX] = "is approximate; its number is taken as the ceiling",
					[Q_PER] = "is written per berkas",
					[Q_NOTE] = "carries a footnote mark",
					[Q_REMARK] = "carries a remark in parentheses",
					[Q_ATONCE] = "means done at once; read as 0 Menit",
					[Q_CLAUSE] = "says when it counts from",
					[Q_LABEL] = "opens with a word before its number",
					[Q_EQUIV] = "says its time twice, in two units that agree (a Hari as %d Menit)",
					[Q_DAYFRAC] = "is a fraction of a hari kerja; read at %d Menit a day",
					[Q_DAYFRAC_APPROX] = "is approximate, a fraction of a hari kerja; read at %d Menit a day as the ceiling",
					[Q_NOMDAY] = "glosses its Hari as 8 Jam; read as the Hari, %d Menit a day",
					[Q_DAYFRAC_UP] = "is a fraction of a hari kerja; read at %d Menit a day, rounded up to the minute",
					[Q_CLOCK] = "is in a spreadsheet's hours:minutes:seconds",
				};
				/* a fraction of a day is read at the calendar's net
				 * day (--calendar; 450 Menit for the id-* ones), and
				 * the warning and note say which */
				char pre_s[160], note_s[100];
				const char *pk = pre[kind], *nk = note[kind];
				if (kind == Q_DAYFRAC || kind == Q_DAYFRAC_APPROX || kind == Q_EQUIV || kind == Q_NOMDAY ||
				    kind == Q_DAYFRAC_UP) {
					snprintf(pre_s, sizeof pre_s, pre[kind], im->day_minutes);
					snprintf(note_s, sizeof note_s, note[kind], im->day_minutes);
					pk = pre_s, nk = note_s;
				}
				/* the gloss's own Jam in the hint: "1 hari 2 jam (10
				 * jam)" takes 10 working hours if not the day, not 8 */
				char post_s[96];
				const char *po = post[kind];
				if (kind == Q_NOMDAY) {
					/* (a fraction of a Hari, "1½ hari (12 jam)", was
					 * read at the calendar's day: back to 8 Jam a day) */
					int frac = !strstr(s->waktu, "Jam") && !strstr(s->waktu, "jam") &&
						   !strstr(s->waktu, "enit");
					long long gh = frac ? ((long long)s->d.days * im->day_minutes + (long long)s->d.minutes) *
								      8 / im->day_minutes
							    : (long long)s->d.days * 8 + (long long)(s->d.minutes / 60);
					snprintf(post_s, sizeof post_s, "; if the step takes %lld working hours, write %lld Jam",
						 gh, gh);
					po = post_s;
				}
				mutu_notes_addf(im->warn, "step %d (line %d): waktu '%s' %s%s%s", no, row->line, t,
						pk, s->waktu, po);
				snprintf(s->range_note, sizeof s->range_note, "importer: waktu '%.60s' %s", t, nk);
				free(t);
			} else {
				s->waktu = clean_text(row->cells[w]);
				cell_dur(row->cells[w], &s->d);
			}
			s->has_dur = 1;
			/* "8 jam (1 hari)", "16 Jam (2 Hari)": 8 Jam a day, the
			 * nominal working day, said with the Hari it is: the
			 * same as "1 hari (8 jam)" (waktu_suffix), read as the
			 * Hari.  Reading 480 Menit would contradict the cell's
			 * own "(1 hari)" on a 450-Menit calendar (1 Hari 30
			 * Menit, a second day).  Before (round 10), 480. */
			if (s->d.rounded_days > 0 && s->d.days == 0 && im->day_minutes != 480 &&
			    s->d.minutes == (int64_t)s->d.rounded_days * 480) {
				char *t = clean_text(row->cells[w]);
				long long n = s->d.rounded_days;
				mutu_notes_addf(im->warn,
						"step %d (line %d): waktu '%s' glosses its Hari as 8 Jam, the nominal working "
						"day, not the calendar's (a Hari as %d Menit); read as %lld Hari; if the step "
						"takes %lld working hours, write %lld Jam",
						no, row->line, t, im->day_minutes, n, n * 8, n * 8);
				if (!s->range_note[0])
					snprintf(s->range_note, sizeof s->range_note,
						 "importer: waktu '%.60s' glosses its Hari as 8 Jam; read as the Hari, %d Menit a day",
						 t, im->day_minutes);
				free(t);
				free(s->waktu);
				char buf[32];
				snprintf(buf, sizeof buf, "%lld Hari", n);
				s->waktu = mutu_strdup(buf);
				s->d.days = n;
				s->d.minutes = 0;
				s->d.rounded_days = -1;
			}
			/* "24 Jam", "48 jam": whole days of 24 clock hours, which
			 * the idiom "1 x 24 Jam" reads as 1 Hari; as working Jam
			 * they are 3,2 Hari each.  Both readings said, the number
			 * kept: the office knows which it means */
			if (s->d.days == 0 && s->d.minutes >= 1440 && s->d.minutes % 1440 == 0 &&
			    !strpbrk(s->waktu, "xX*") && !strstr(s->waktu, "\xC3\x97")) {
				/* said once the declared total is known
				 * (clock_days), which can tell the two apart */
				s->clock24_line = row->line;
			}
		}
		/* The mutu baku cells sit where the header puts them, on either
		 * side of Waktu.  In a ragged row (a cell lost or added in the
		 * copy) they keep their offsets from the Waktu cell, which was
		 * found by what it reads as; in a full-width row shift is 0. */
		int shift = W >= 0 ? w - W : 0;
		int ik = mutu_cell(im, row, im->col_kel, shift, w - 1, w, left_act);
		int io = mutu_cell(im, row, im->col_out, shift, w + 1, w, left_act);
		int it = mutu_cell(im, row, im->col_ket, shift, w + 2, w, left_act);
		s->kelengkapan = clean_text(ik >= 0 ? row->cells[ik] : "");
		s->output = clean_text(io >= 0 ? row->cells[io] : "");
		s->keterangan = clean_text(it >= 0 ? row->cells[it] : "");
		/* Markers: the cell under each actor column, counted from the
		 * Waktu cell.  Cells between Kegiatan and the mutu baku that fall
		 * under no actor column are reported, not guessed at. */
		int hi = w;
		const int mpos[3] = {ik, io, it};
		for (int k = 0; k < 3; k++)
			if (mpos[k] >= 0 && mpos[k] < hi)
				hi = mpos[k];
		if (im->col_list >= 0 && (size_t)(im->col_list + shift) < row->n && im->col_list + shift >= 0)
			s->list_col = list_column(im, row->cells[im->col_list + shift]);
		for (int i = left_act + 1; (size_t)i < row->n && i < MAXCOL + shift; i++) {
			if (i == w || i == ik || i == io || i == it)
				continue;
			int hc = i - shift;
			if (im->col_list >= 0 && hc == im->col_list)
				continue; /* the title, read above */
			int col = hc >= 0 && hc < MAXCOL ? im->col_of_hdr[hc] : -1;
			if (col < 0 && hc >= 0 && hc < MAXCOL && im->dec_col[hc]) {
				/* the decision's columns: the number under
				 * "Tidak" (or "Tidak: 1", "Tidak ke no. 1" under
				 * "Keputusan") is where the berkas goes back */
				int v = 0;
				char sb;
				if (im->dec_col[hc] == 1 && cell_number(row->cells[i], &v))
					s->dec_no = v;
				else if (im->dec_col[hc] != 2 && !s->dec_no)
					s->dec_no = decision_no(row->cells[i], &sb);
				continue;
			}
			if (col < 0 && i >= hi)
				continue; /* text past the mutu baku is not a marker */
			if (col < 0 && hc >= 0 && hc < MAXCOL && im->cost_col[hc])
				continue; /* "Rp 0,-" under Biaya */
			int branch = col >= 0 ? branch_label(row->cells[i]) : 0;
			if (branch) {
				/* the "Tidak" arrow's end: where the berkas goes back */
				if (branch == 1 && s->reject_col < 0)
					s->reject_col = col;
				continue;
			}
			char mt[24];
			int kind = classify_marker(row->cells[i], mt, sizeof mt);
			/* the column's own title or its abbreviation typed as the
			 * mark ("FO" under Front Office, "Kadis" under Kadis): it
			 * names the pelaksana outright, as a tick does; before,
			 * debris, a weak clue, and actor = ? */
			if (kind == W_WEAK && col >= 0 && strlen(row->cells[i]) < 40) {
				struct mention *mv;
				size_t nm = find_mentions(im, row->cells[i], &mv);
				if (nm == 1 && mv[0].col == col)
					kind = W_TICK;
				free(mv);
			}
			if (!kind)
				continue;
			if (col < 0) {
				mutu_notes_addf(im->warn, "step %d: marker '%s' (cell %d) is under no actor column; ignored",
						no, mt, i + 1);
				continue;
			}
			s->marker[col] = kind;
			snprintf(s->marker_text[col], sizeof s->marker_text[col], "%s", mt);
		}
		/* a row that is too long past the Waktu cell keeps its extra text */
		(void)kw;
	}
	if (repeated && !im->second_line)
		mutu_notes_addf(im->warn, "skipped %d repeated header row(s) (page breaks)", repeated);
	if (legend_first == legend_last && legend_first)
		mutu_notes_addf(im->warn, "line %d: the flowchart's symbol legend, not a step; skipped",
				legend_first);
	else if (legend_first)
		mutu_notes_addf(im->warn, "lines %d-%d: the flowchart's symbol legend, not steps; skipped",
				legend_first, legend_last);
}

static int pick(const struct istep *s, size_t ncols, int *second)
{
	int best = -1, b2 = -1;
	for (size_t c = 0; c < ncols; c++) {
		if (best < 0 || s->c.score[c] > s->c.score[best]) {
			b2 = best;
			best = (int)c;
		} else if (b2 < 0 || s->c.score[c] > s->c.score[b2]) {
			b2 = (int)c;
		}
	}
	if (second)
		*second = b2;
	return best;
}

static int decided(const struct istep *s, size_t ncols)
{
	int b2;
	int b = pick(s, ncols, &b2);
	if (b < 0 || s->c.score[b] < DECIDE)
		return -1;
	if (b2 >= 0 && s->c.score[b] - s->c.score[b2] < MARGIN)
		return -1;
	return b;
}

static int pemohon_col(const struct imp *im)
{
	for (size_t c = 0; c < im->ncols; c++)
		if (im->cols[c].cls == SOP_CLS_PEMOHON)
			return (int)c;
	return -1;
}

static int fo_col(const struct imp *im)
{
	int f = -1;
	for (size_t c = 0; c < im->ncols; c++)
		if (im->cols[c].cls == SOP_CLS_FO) {
			if (f >= 0)
				return -1;
			f = (int)c;
		}
	return f;
}

/* Is the step marked in two actor columns (ticks, not debris) with no
 * other clue for either?  Then two positions do it together. */
static int two_marks(const struct istep *s, size_t ncols)
{
	int b2, b = pick(s, ncols, &b2);
	return b >= 0 && b2 >= 0 && s->marker[b] > W_WEAK && s->marker[b2] > W_WEAK &&
	       s->c.score[b] == s->marker[b] && s->c.score[b2] == s->marker[b2];
}

static void infer_actors(struct imp *im)
{
	size_t n = im->nsteps, nc = im->ncols;
	int pem = pemohon_col(im);
	int *fwd_next = mutu_calloc(n + 1, sizeof *fwd_next); /* unused slot guard */
	(void)fwd_next;
	/* pass 1: the step's own text, markers, the previous row's routing */
	for (size_t k = 0; k < n; k++) {
		struct istep *s = &im->steps[k];
		const char *fields[4] = {s->activity, s->kelengkapan, s->output, s->keterangan};
		for (int f = 0; f < 4; f++) {
			struct mention *mv;
			size_t nm = find_mentions(im, fields[f], &mv);
			for (size_t i = 0; i < nm; i++) {
				struct mention *m = &mv[i];
				if (m->col < 0)
					continue;
				if (f == 0 && (m->role == M_SUBJECT || m->role == M_AGENT))
					add_clue(s, m->col, W_SUBJECT,
						 m->role == M_SUBJECT ? "named as subject" : "named as agent (oleh)");
				else if (m->role == M_APPROVED && f != 0)
					add_clue(s, m->col, W_APPROVED, "approval in the row");
				else if (m->role == M_DEST && f == 1)
					continue; /* the inputs say where they came from, not where the berkas goes */
				else if (m->role == M_DEST && m->reject) {
					if (s->reject_col < 0)
						s->reject_col = m->col;
				} else if (m->role == M_DEST && k + 1 < n) {
					char why[64];
					snprintf(why, sizeof why, "routed from step %d", s->no);
					add_clue(&im->steps[k + 1], m->col, W_ROUTED, why);
				}
			}
			free(mv);
		}
		/* the step a failed check returns to, by the table's number
		 * (mapped to the model's when the steps are written) */
		s->reject_no = reject_step_no(s->keterangan, &s->reject_sub);
		if (!s->reject_no)
			s->reject_no = reject_step_no(s->activity, &s->reject_sub);
		if (!s->reject_no && s->dec_no > 0)
			s->reject_no = s->dec_no;
		if (s->list_col >= 0)
			add_clue(s, s->list_col, W_LIST, "named in the Pelaksana column");
		/* a blank Pelaksana cell under a title (list layout): a merged
		 * cell, whose text a copy or Excel's CSV keeps in its first row */
		s->list_above = -1;
		if (im->col_list >= 0 && s->list_col < 0 && k > 0) {
			const struct istep *p = &im->steps[k - 1];
			s->list_above = p->list_col >= 0 ? p->list_col : p->list_above;
			if (s->list_above >= 0)
				add_clue(s, s->list_above, W_MERGED, "its Pelaksana cell blank under that title");
		}
		for (size_t c = 0; c < nc; c++) {
			if (!s->marker[c])
				continue;
			char why[64];
			snprintf(why, sizeof why, "%s '%s' in its column",
				 s->marker[c] != W_WEAK ? "marker" : "debris", s->marker_text[c]);
			/* (the contradiction warning below words it per column) */
			add_clue(s, (int)c, s->marker[c], why);
		}
		/* the convention fills a gap; it does not contest the step's
		 * own shape or tick in another column and none in the
		 * applicant's ("Menyerahkan izin kepada pemohon", a process box
		 * under the Front Office as the last row): before, 4 against 3
		 * and actor = ? on such a last step.  An arrow there is the
		 * flow passing by, and leaves the convention its say. */
		int own_mark = 0;
		for (size_t c = 0; c < nc && pem >= 0; c++)
			if ((int)c != pem && s->marker[c] > W_WEAK && !is_arrow(s->marker_text[c]))
				own_mark = 1;
		if (pem >= 0 && s->marker[pem])
			own_mark = 0;
		if (pem >= 0 && (k == 0 || k + 1 == n) && !own_mark)
			add_clue(s, pem, W_CONV, k == 0 ? "SOPs start with the applicant"
							: "SOPs end with the applicant");
	}
	for (size_t k = 0; k < n; k++)
		im->steps[k].actor = decided(&im->steps[k], nc);
	/* pass 2: neighbours (the only column between them, the check after
	 * the applicant's step) for steps still open */
	int fo = fo_col(im);
	for (size_t k = 0; k < n; k++) {
		struct istep *s = &im->steps[k];
		if (s->actor >= 0 || two_marks(s, nc))
			continue; /* two marks: the neighbours cannot choose, said below */
		int pa = k > 0 ? im->steps[k - 1].actor : -1;
		int na = k + 1 < n ? im->steps[k + 1].actor : -1;
		if (pa >= 0 && na >= 0) {
			int b = col_between(im, pa, na);
			if (b >= 0)
				add_clue(s, b, W_BETWEEN, "the only column between its neighbours'");
		}
		if (fo >= 0 && pa >= 0 && pa == pem && s->reject_col == pem && pem >= 0)
			add_clue(s, fo, W_CHECK, "a check after the applicant that can send the berkas back");
		s->actor = decided(s, nc);
		if (s->actor >= 0) {
			mutu_notes_addf(im->warn, "step %d: no direct clue; took %s from its neighbours (%s)",
					s->no, im->cols[s->actor].name, s->c.why[s->actor]);
			snprintf(s->note, sizeof s->note, "importer: no direct clue; %s from its neighbours (%s)",
				 im->cols[s->actor].name, s->c.why[s->actor]);
		}
	}
	free(fwd_next);
	/* A table with a column per pelaksana (the flowchart layout of
	 * Permenpan-RB 35/2012) and no mark in any of them for any step:
	 * its flowchart symbols were Word drawings, which a copy as text
	 * drops.  One warning says why every step's clues are thin. */
	if (im->col_list < 0 && nc >= 2 && im->have_header) {
		int marks = 0, cols = 0;
		for (size_t k = 0; k < n; k++)
			for (size_t c = 0; c < nc; c++)
				marks += im->steps[k].marker[c] != 0;
		for (size_t c = 0; c < nc; c++)
			cols += im->cols[c].idx >= 0;
		if (!marks && cols >= 2 && n > 0)
			mutu_notes_addf(im->warn,
					"no step has a mark in any of the %d pelaksana columns (%s ... %s): a "
					"flowchart's symbols drawn in Word do not survive a copy as text, so each "
					"pelaksana is read from the rows' text alone: review them, or put an X in "
					"each step's column and import again",
					cols, im->cols[0].name, im->cols[nc - 1].name);
	}
	/* warnings: unknown actors, and clues that lost */
	for (size_t k = 0; k < n; k++) {
		struct istep *s = &im->steps[k];
		int b2, b = pick(s, nc, &b2);
		if (s->actor < 0) {
			if (b < 0 || s->c.score[b] == 0) {
				mutu_notes_addf(im->warn, "step %d: no clue for the pelaksana; wrote ?", s->no);
				snprintf(s->note, sizeof s->note,
					 "importer: the table gives no clue for the pelaksana");
			} else if (s->c.score[b] < DECIDE) {
				mutu_notes_addf(im->warn, "step %d: only a weak clue for the pelaksana (%s: %s); wrote ?",
						s->no, im->cols[b].name, s->c.why[b]);
				snprintf(s->note, sizeof s->note, "importer: only a weak clue (%s: %s)",
					 im->cols[b].name, s->c.why[b]);
			} else if (two_marks(s, nc)) {
				/* a mark in two actor columns and no other clue:
				 * two positions do the step together */
				mutu_notes_addf(im->warn,
						"step %d: marked in two pelaksana columns ('%s' under %s, '%s' under %s): "
						"a model step has one pelaksana; wrote ?: write the one who answers for "
						"the step, or split it in two",
						s->no, s->marker_text[b2 < b ? b2 : b], im->cols[b2 < b ? b2 : b].name,
						s->marker_text[b2 < b ? b : b2], im->cols[b2 < b ? b : b2].name);
				snprintf(s->note, sizeof s->note, "importer: marked in two pelaksana columns (%s and %s)",
					 im->cols[b2 < b ? b2 : b].name, im->cols[b2 < b ? b : b2].name);
			} else {
				mutu_notes_addf(im->warn,
						"step %d: clues disagree (%s: %s; %s: %s); wrote ?", s->no,
						im->cols[b].name, s->c.why[b], im->cols[b2].name, s->c.why[b2]);
				snprintf(s->note, sizeof s->note, "importer: clues disagree (%s or %s)",
					 im->cols[b].name, im->cols[b2].name);
			}
			continue;
		}
		if (s->list_above >= 0 && s->actor == s->list_above) {
			mutu_notes_addf(im->warn,
					"step %d: the Pelaksana cell is blank under %s's (a merged cell); took %s",
					s->no, im->cols[s->actor].name, im->cols[s->actor].name);
			snprintf(s->note, sizeof s->note,
				 "importer: the Pelaksana cell blank under %s's (a merged cell)",
				 im->cols[s->actor].name);
		}
		for (size_t c = 0; c < nc; c++)
			if ((int)c != s->actor && s->marker[c])
				mutu_notes_addf(im->warn, "step %d: %s '%s' in the %s column contradicts the other clues; took %s (%s)",
						s->no, s->marker[c] != W_WEAK ? "marker" : "debris",
						s->marker_text[c], im->cols[c].name, im->cols[s->actor].name,
						s->c.why[s->actor]);
	}
}

/* ------------------------------------------------------------------ */
/* Title, agency, id                                                    */

static const char *const name_prefixes[] = {
	"standar operasional prosedur", "standard operating procedure", "(sop)", "sop", "prosedur",
	"alur", "/", "-", ":", "tata cara", "penerbitan", NULL};

static const char *const slug_stop[] = {
	"dan", "atau", "melalui", "aplikasi", "di", "ke", "dari", "untuk", "pada", "yang", "the",
	"of", "and", "for", "sop", "prosedur", "alur", "penerbitan", "standar", "operasional", NULL};

/* (prepositions: "Pendaftaran NIB bagi UMK", "Izin ... dengan Risiko
 * Rendah", "serta"; before, "Bagi", "Dengan" capitalised) */
static const char *const lower_words[] = {"dan", "atau", "melalui", "di", "ke", "dari", "untuk",
					  "pada", "yang", "bagi", "dengan", "serta", "oleh", "tentang",
					  "of", "and", "the", "for", NULL};

static int is_acronym(const char *w, size_t n)
{
	{
		char lw[16];
		if (n < sizeof lw) {
			for (size_t i = 0; i < n; i++)
				lw[i] = (char)tolower((unsigned char)w[i]);
			lw[n] = 0;
			if (word_in(lw, title_acronyms))
				return 1;
			if (word_in(lw, title_words))
				return 0;
		}
	}
	int vowels = 0, letters = 0;
	for (size_t i = 0; i < n; i++) {
		char c = (char)tolower((unsigned char)w[i]);
		if (isalpha((unsigned char)c)) {
			letters++;
			vowels += strchr("aeiou", c) != NULL;
		}
	}
	/* a word without a vowel is no Indonesian word: "DPMPTSP", "BPMPPT" */
	return letters > 0 && ((letters <= 4 && vowels <= 1) || vowels == 0);
}

/* "IZIN PENGUMPULAN UANG DAN BARANG" -> "Izin Pengumpulan Uang dan Barang";
 * mixed-case text is kept as written. */
static char *title_case(const char *s)
{
	/* mixed case outside parentheses: an acronym written as the office
	 * spells it, "(SIPTGz)" (Gz for Gizi), leaves a title in capitals
	 * in capitals; before, the whole name stayed "SURAT IZIN ..." */
	int lower = 0, depth = 0;
	for (const char *q = s; *q; q++) {
		if (*q == '(')
			depth++;
		else if (*q == ')' && depth > 0)
			depth--;
		else if (!depth && islower((unsigned char)*q))
			lower = 1;
	}
	if (lower)
		return mutu_strdup(s);
	struct mutu_buf b;
	mutu_buf_init(&b);
	size_t i = 0;
	int first = 1;
	while (s[i]) {
		if (!isalnum((unsigned char)s[i])) {
			mutu_buf_putc(&b, s[i++]);
			continue;
		}
		size_t j = i;
		while (s[j] && isalnum((unsigned char)s[j]))
			j++;
		char w[64];
		size_t n = j - i < sizeof w - 1 ? j - i : sizeof w - 1;
		for (size_t k = 0; k < n; k++)
			w[k] = (char)tolower((unsigned char)s[i + k]);
		w[n] = 0;
		/* "(SIPA)", "(IUMK)", "(PATEN)": a word alone in parentheses
		 * after the name it shortens (up to six letters, its first one
		 * a preceding word's initial) is the name's acronym, vowels or
		 * not; before, "Surat Izin Praktik Apoteker (Sipa)".  "(BARU)"
		 * after "SIP DOKTER" opens no word before it: a word. */
		/* (also each word of a short group, "(PB UMKU)": every word of
		 * it at most six letters, the group's first letter an initial) */
		size_t po = i, pc = j;
		while (po > 0 && s[po - 1] != '(' && s[po - 1] != ')' && i - po < 24)
			po--;
		while (s[pc] && s[pc] != ')' && s[pc] != '(' && pc - j < 24)
			pc++;
		int paren = po > 0 && s[po - 1] == '(' && s[pc] == ')' && j - i <= 6;
		for (size_t k = po; paren && k < pc;) {
			size_t e = k;
			while (e < pc && isalnum((unsigned char)s[e]))
				e++;
			if (e - k > 6 || (e == k && s[k] != ' ' && s[k] != '-' && s[k] != '/'))
				paren = 0;
			k = e > k ? e : k + 1;
		}
		if (paren) {
			int initial = 0;
			for (size_t k = 0; k + 1 < po && !initial; k++)
				initial = (k == 0 || !isalnum((unsigned char)s[k - 1])) &&
					  toupper((unsigned char)s[k]) == toupper((unsigned char)s[po]);
			paren = initial;
		}
		if (!first && word_in(w, lower_words))
			mutu_buf_puts(&b, w);
		else if (word_in(w, lower_words))
			title_word(&b, w, n);
		else if (paren || is_acronym(w, n))
			mutu_buf_add(&b, s + i, j - i);
		else
			title_word(&b, w, n);
		first = 0;
		i = j;
	}
	if (!b.s)
		mutu_buf_puts(&b, "");
	return buf_take(&b);
}

static const char *strip_prefixes(const char *s)
{
	for (;;) {
		while (*s == ' ')
			s++;
		int hit = 0;
		for (size_t i = 0; name_prefixes[i]; i++) {
			size_t n = strlen(name_prefixes[i]);
			if (mutu_strncasecmp(s, name_prefixes[i], n) == 0 &&
			    (!isalnum((unsigned char)s[n]) || !isalnum((unsigned char)name_prefixes[i][n - 1]))) {
				s += n;
				hit = 1;
				break;
			}
		}
		if (!hit)
			return s;
	}
}

/*
 * "24 Jam", "72 Jam", or 24 and 72 under "Waktu (Jam)": whole days of 24
 * clock hours ("1 x 24 Jam", read as 1 Hari) or that many working Jam
 * (3,2 Hari each on id-wib)?  The declared total tells them apart when
 * only one reading fits under it: a provincial izin trayek whose Waktu
 * (Jam) column holds 0,5 / 0,5 / 24 / 72 / 2 / 1 / 0,25 and whose total
 * is "5 hari kerja" sums to 100 Jam 15 Menit as working Jam (8 Hari over
 * its own total) and to 4 Hari 4 Jam 15 Menit as days, so it means days:
 * read as 1 Hari and 3 Hari, said with the evidence and kept in the
 * step's note.  Otherwise (no total, or both or neither fit) the number
 * stays working Jam, as before round 11, and both readings are said.
 */
static void clock_days(struct imp *im, const struct sop_model *m)
{
	int64_t work = 0, days = 0;
	size_t n = 0;
	for (size_t k = 0; k < im->nsteps; k++) {
		const struct istep *s = &im->steps[k];
		if (!s->has_dur)
			continue;
		int64_t w = dur_to_minutes(s->d, im->day_minutes);
		work += w;
		days += s->clock24_line ? s->d.minutes / 1440 * im->day_minutes : w;
		n += s->clock24_line != 0;
	}
	if (!n)
		return;
	int64_t cap = -1;
	if (m->has_declared)
		cap = m->declared.rounded_days >= 0 ? (int64_t)m->declared.rounded_days * im->day_minutes
						    : dur_to_minutes(m->declared, im->day_minutes);
	int as_days = cap >= 0 && work > cap && days <= cap;
	char wt[64], dt[64], ct[64];
	dur_format_minutes((double)work, im->day_minutes, DUR_ID, wt, sizeof wt);
	dur_format_minutes((double)days, im->day_minutes, DUR_ID, dt, sizeof dt);
	if (cap >= 0)
		dur_format_minutes((double)cap, im->day_minutes, DUR_ID, ct, sizeof ct);
	for (size_t k = 0; k < im->nsteps; k++) {
		struct istep *s = &im->steps[k];
		if (!s->clock24_line)
			continue;
		long long n24 = (long long)(s->d.minutes / 1440);
		if (as_days) {
			mutu_notes_addf(im->warn,
					"step %d (line %d): waktu '%s' read as %lld Hari, %lld day(s) of 24 clock hours "
					"('%lld x 24 Jam'): so the steps sum to %s, within the declared total (%s); as "
					"working Jam they would sum to %s",
					s->no, s->clock24_line, s->waktu, n24, n24, n24, dt, ct, wt);
			snprintf(s->range_note, sizeof s->range_note,
				 "importer: '%.40s' read as %lld Hari of 24 clock hours (the declared total fits only so)",
				 s->waktu, n24);
			free(s->waktu);
			char buf[32];
			snprintf(buf, sizeof buf, "%lld Hari", n24);
			s->waktu = mutu_strdup(buf);
			s->d.days = n24;
			s->d.minutes = 0;
		} else {
			mutu_notes_addf(im->warn,
					"step %d (line %d): waktu '%s' is %lld Menit of working time; if the office "
					"means %lld day(s) of 24 clock hours ('%lld x 24 Jam'), write %lld Hari",
					s->no, s->clock24_line, s->waktu, (long long)s->d.minutes, n24, n24, n24);
			if (!s->range_note[0])
				snprintf(s->range_note, sizeof s->range_note,
					 "importer: '%.40s' read as working Jam, not as %lld Hari", s->waktu, n24);
		}
	}
}

/* A line opening one of the SOP AP form's blocks other than the title
 * (Permenpan-RB 35/2012): "Dasar Hukum", "Dasar Hukum :", "Landasan
 * Hukum", "Kualifikasi Pelaksana", "Keterkaitan", "Peralatan /
 * Perlengkapan", "Peringatan", "Pencatatan dan Pendataan", English
 * "Legal Basis". */
static int form_block_label(const char *line)
{
	/* the Dasar Hukum may run on after its label ("Dasar Hukum: 1.
	 * UU ..."); the others are labels alone or before ':' ("Pencatatan
	 * Kelahiran" is a Disdukcapil SOP's title, "Pencatatan dan
	 * Pendataan:" the block) */
	static const char *const run_on[] = {"dasar hukum", "landasan hukum", "legal basis", NULL};
	static const char *const alone[] = {"kualifikasi pelaksana", "keterkaitan", "peralatan/perlengkapan",
					    "peralatan / perlengkapan", "peralatan", "perlengkapan", "peringatan",
					    "pencatatan dan pendataan", "pencatatan", NULL};
	for (size_t i = 0; run_on[i]; i++) {
		size_t n = strlen(run_on[i]);
		if (mutu_strncasecmp(line, run_on[i], n) == 0 && !isalpha((unsigned char)line[n]))
			return 1;
	}
	for (size_t i = 0; alone[i]; i++) {
		size_t n = strlen(alone[i]);
		if (mutu_strncasecmp(line, alone[i], n) != 0 || isalpha((unsigned char)line[n]))
			continue;
		const char *q = line + n;
		while (*q == ' ')
			q++;
		if (!*q || *q == ':')
			return 1;
	}
	return 0;
}

/* A regulation cited on a line of its own, as a Dasar Hukum block lists
 * them: "1. Undang-Undang Nomor 3 Tahun 2020 ...", "Peraturan Bupati
 * Klaten Nomor 12 Tahun 2021": its kind first (after a list number),
 * then "Nomor" and "Tahun". */
static int regulation_line(const char *line)
{
	static const char *const kinds[] = {"undang", "uu ", "peraturan", "pp ", "perpres", "permen", "perda",
					    "pergub", "perbup", "perwal", "keputusan", "kepmen", "instruksi",
					    "surat edaran", NULL};
	const char *q = line;
	while (isdigit((unsigned char)*q) || *q == '.' || *q == ')' || *q == ' ')
		q++;
	if (q == line && !isalpha((unsigned char)*q))
		return 0;
	int kind = 0;
	for (size_t i = 0; kinds[i] && !kind; i++)
		kind = mutu_strncasecmp(q, kinds[i], strlen(kinds[i])) == 0;
	if (!kind)
		return 0;
	int nomor = 0, tahun = 0;
	for (const char *p = q; *p; p++) {
		if (mutu_strncasecmp(p, "nomor", 5) == 0 || mutu_strncasecmp(p, "no.", 3) == 0)
			nomor = 1;
		if (mutu_strncasecmp(p, "tahun", 5) == 0)
			tahun = 1;
	}
	return nomor && tahun;
}

/*
 * A heading line that names the programme or the kind of service an SOP
 * belongs to, not the SOP: "PELAYANAN PERIZINAN BERUSAHA BERBASIS
 * RISIKO", "PERIZINAN BERUSAHA UNTUK MENUNJANG KEGIATAN USAHA (PB UMKU)",
 * "PELAYANAN ADMINISTRASI TERPADU KECAMATAN (PATEN)", "PELAYANAN
 * PERIZINAN DAN NON PERIZINAN", "... SEKTOR KESEHATAN".  Every SOP of the
 * programme opens with it, so run into the SOP's own title over the next
 * line it made the names long and the ids (cut at 60 characters) the same
 * for every permit of the office.  s: the line, its SOP prefix stripped.
 */
static int is_programme(const char *s)
{
	static const char *const progs[] = {
		"pelayanan perizinan berusaha berbasis risiko", "perizinan berusaha berbasis risiko",
		"pelayanan perizinan berusaha berbasis resiko", "perizinan berusaha berbasis resiko",
		"perizinan berusaha untuk menunjang kegiatan usaha", "perizinan berusaha",
		"pelayanan perizinan berusaha", "pb umku", "pbbr", "oss rba", "oss-rba",
		"online single submission risk based approach", "online single submission",
		"pelayanan administrasi terpadu kecamatan", "paten",
		"pelayanan perizinan dan non perizinan", "pelayanan perizinan dan nonperizinan",
		"pelayanan perizinan dan non-perizinan", "perizinan dan non perizinan",
		"perizinan dan nonperizinan", "perizinan dan non-perizinan", "pelayanan non perizinan",
		"pelayanan nonperizinan", "pelayanan perizinan", "pelayanan administrasi kependudukan",
		"administrasi kependudukan", "pelayanan terpadu satu pintu", "pelayanan publik", NULL};
	char t[256];
	size_t n = 0;
	for (const char *q = s; *q && n + 1 < sizeof t; q++) {
		char c = (char)tolower((unsigned char)*q);
		if (c == ' ' && (n == 0 || t[n - 1] == ' '))
			continue;
		t[n++] = c;
	}
	while (n && (t[n - 1] == ' ' || t[n - 1] == ':' || t[n - 1] == '.'))
		n--;
	t[n] = 0;
	for (size_t i = 0; progs[i]; i++) {
		size_t k = strlen(progs[i]);
		if (strncmp(t, progs[i], k) != 0 || isalnum((unsigned char)t[k]))
			continue;
		const char *q = t + k;
		while (*q == ' ')
			q++;
		if (*q == '(') { /* its acronym, "(PB UMKU)", "(OSS-RBA)" */
			const char *c = strchr(q, ')');
			if (!c)
				continue;
			q = c + 1;
			while (*q == ' ')
				q++;
		}
		/* "... SEKTOR KESEHATAN", "... BIDANG PENDIDIKAN" */
		if (!*q || strncmp(q, "sektor ", 7) == 0 || strncmp(q, "bidang ", 7) == 0 ||
		    strncmp(q, "sub sektor ", 11) == 0 || strncmp(q, "subsektor ", 10) == 0)
			return 1;
	}
	return 0;
}

static int is_agency(const char *s)
{
	/* "Kecamatan Bantul", "Kelurahan ...", "UPTD ...": the office of a
	 * PATEN service (Permendagri 4/2010) or a technical unit, whose line
	 * stands on its own; run into the SOP's title, it made the name (and
	 * the id) the same for every permit of the office */
	/* (and a Dinas by its short name, "DISHUB KABUPATEN CILACAP",
	 * "DINKES KOTA ...": before, that line ran into the SOP's name) */
	static const char *const starts[] = {"pemerintah", "dinas", "badan", "kantor", "dpmptsp",
					     "dpmpptsp", "kementerian", "unit pelayanan", "kecamatan ",
					     "kelurahan ", "uptd ", "upt ", "mal pelayanan publik", "dishub",
					     "dinkes", "disdukcapil", "disnaker", "disperindag", NULL};
	for (size_t i = 0; starts[i]; i++)
		if (mutu_strncasecmp(s, starts[i], strlen(starts[i])) == 0)
			return 1;
	return 0;
}

static char *slugify(const char *name)
{
	struct sop_tok *t;
	size_t n = sop_tokenize(name, &t);
	(void)n;
	/* tokenize expands abbreviations; the id uses the words as written */
	struct mutu_buf b;
	mutu_buf_init(&b);
	const char *s = name;
	while (*s) {
		if (!isalnum((unsigned char)*s)) {
			s++;
			continue;
		}
		char w[64];
		size_t k = 0;
		while (*s && isalnum((unsigned char)*s)) {
			if (k + 1 < sizeof w)
				w[k++] = (char)tolower((unsigned char)*s);
			s++;
		}
		w[k] = 0;
		if (word_in(w, slug_stop))
			continue;
		if (b.len + k + 1 > 60)
			break;
		if (b.len)
			mutu_buf_putc(&b, '-');
		mutu_buf_puts(&b, w);
	}
	free(t);
	if (!b.s || !b.len)
		mutu_buf_puts(&b, "sop");
	return buf_take(&b);
}

/* "intanbjb.banjarbarukota.go.id" -> "Pemerintah Kota Banjarbaru". */
static char *agency_from_host(const char *text)
{
	const char *p = text;
	while ((p = strstr(p, ".go.id")) != NULL) {
		const char *e = p;
		const char *s = p;
		while (s > text && (isalnum((unsigned char)s[-1]) || s[-1] == '-'))
			s--;
		size_t n = (size_t)(e - s);
		static const struct { const char *suf, *kind; } kinds[] = {
			{"kota", "Kota"}, {"kab", "Kabupaten"}, {"prov", "Provinsi"}};
		for (size_t i = 0; i < 3; i++) {
			size_t k = strlen(kinds[i].suf);
			if (n > k + 2 && mutu_strncasecmp(e - k, kinds[i].suf, k) == 0) {
				struct mutu_buf b;
				mutu_buf_init(&b);
				mutu_buf_printf(&b, "Pemerintah %s ", kinds[i].kind);
				char w[64];
				size_t m = n - k < sizeof w - 1 ? n - k : sizeof w - 1;
				for (size_t j = 0; j < m; j++)
					w[j] = (char)tolower((unsigned char)s[j]);
				w[m] = 0;
				title_word(&b, w, m);
				return buf_take(&b);
			}
		}
		p += 6;
	}
	return NULL;
}

/* ------------------------------------------------------------------ */

static void imp_release(struct imp *im)
{
	for (size_t r = 0; r < im->nrows; r++) {
		for (size_t i = 0; i < im->rows[r].n; i++)
			free(im->rows[r].cells[i]);
		free(im->rows[r].cells);
	}
	free(im->rows);
	for (size_t c = 0; c < im->ncols; c++)
		column_release(&im->cols[c]);
	free(im->cols);
	for (size_t k = 0; k < im->nsteps; k++) {
		struct istep *s = &im->steps[k];
		free(s->activity);
		free(s->kelengkapan);
		free(s->waktu);
		free(s->output);
		free(s->keterangan);
	}
	free(im->steps);
	free(im->declared);
	free(im->declared_note);
}

/* Is [s, s + n) well-formed UTF-8 (no overlong forms, surrogates or
 * code points past U+10FFFF)? */
static int utf8_valid(const unsigned char *s, size_t n)
{
	static const unsigned long least[4] = {0, 0x80, 0x800, 0x10000};
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		size_t k;
		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			k = 1;
		} else if ((c & 0xF0) == 0xE0) {
			k = 2;
		} else if ((c & 0xF8) == 0xF0) {
			k = 3;
		} else {
			return 0;
		}
		if (n - i <= k)
			return 0;
		unsigned long cp = c & (0x3Fu >> k);
		for (size_t j = 1; j <= k; j++) {
			if ((s[i + j] & 0xC0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + j] & 0x3F);
		}
		if (cp < least[k] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += k + 1;
	}
	return 1;
}

/*
 * The table as UTF-8, for the two other encodings a Windows machine saves
 * a copied table in: UTF-16 with its byte-order mark (Notepad's
 * "Unicode", Excel's "Unicode Text"), and Windows-1252 (Excel's "CSV",
 * Word's "Web Page" on an Indonesian or English Windows) when the bytes
 * are no UTF-8.  Returns a new string (the caller frees it) and its
 * length in *out_len, with a warning saying what was read; NULL when the
 * text is UTF-8 already (or plain ASCII) and is read as it is.
 */
static char *to_utf8(const char *text, size_t len, size_t *out_len, struct mutu_notes *warn)
{
	const unsigned char *s = (const unsigned char *)text;
	struct mutu_buf b;
	if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
		int le = s[0] == 0xFF;
		mutu_buf_init(&b);
		mutu_buf_puts(&b, "");
		for (size_t i = 2; i + 1 < len; i += 2) {
			unsigned long u = le ? (unsigned long)s[i] | (unsigned long)s[i + 1] << 8
					     : (unsigned long)s[i] << 8 | s[i + 1];
			if (u >= 0xD800 && u <= 0xDBFF && i + 3 < len) {
				unsigned long v = le ? (unsigned long)s[i + 2] | (unsigned long)s[i + 3] << 8
						     : (unsigned long)s[i + 2] << 8 | s[i + 3];
				if (v >= 0xDC00 && v <= 0xDFFF) {
					u = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
					i += 2;
				}
			}
			if (u == 0 || (u >= 0xD800 && u <= 0xDFFF))
				u = u ? 0xFFFD : ' '; /* a lone surrogate, a NUL */
			mutu_buf_put_utf8(&b, u);
		}
		mutu_notes_addf(warn, "the file is UTF-16 (%s, as Windows saves 'Unicode' text); read as such",
				le ? "little-endian" : "big-endian");
		*out_len = b.len;
		return buf_take(&b);
	}
	if (utf8_valid(s, len))
		return NULL;
	/* Windows-1252: 0x80-0x9F are typographic signs, the rest Latin-1 */
	static const unsigned short w1252[32] = {
		0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
		0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
		0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
	mutu_buf_init(&b);
	mutu_buf_puts(&b, "");
	for (size_t i = 0; i < len; i++) {
		unsigned c = s[i];
		if (c < 0x80)
			mutu_buf_putc(&b, (char)c);
		else
			mutu_buf_put_utf8(&b, c < 0xA0 ? w1252[c - 0x80] : c);
	}
	mutu_notes_addf(warn, "the file is not UTF-8; read as Windows-1252 (as Excel and Word save "
			      "on Windows): check letters and signs such as '\xC2\xB1' in the model");
	*out_len = b.len;
	return buf_take(&b);
}

/*
 * The text without the characters a web page or a PDF carries that show
 * as nothing: the zero-width space (U+200B) and its joiners (U+200C,
 * U+200D, U+2060), a byte-order mark inside the text (U+FEFF, a copied
 * cell's start) and the soft hyphen (U+00AD, "Me\u00adnit" breaks a word
 * only at a line's end).  Left in, "\u200b30 Menit" reads as no number and
 * the step gets waktu = ?; dropped, the cell reads as it shows.  Returns
 * a new string (the caller frees it) with its length in *out_len and the
 * count dropped in *dropped, or NULL when there is none.
 */
static char *drop_invisible(const char *text, size_t len, size_t *out_len, size_t *dropped)
{
	static const char *const inv[] = {"\xE2\x80\x8B", "\xE2\x80\x8C", "\xE2\x80\x8D",
					  "\xE2\x81\xA0", "\xEF\xBB\xBF", "\xC2\xAD"};
	struct mutu_buf b;
	mutu_buf_init(&b);
	mutu_buf_puts(&b, "");
	size_t n = 0, from = 0;
	for (size_t i = 0; i < len;) {
		size_t k = 0;
		for (size_t j = 0; j < sizeof inv / sizeof inv[0] && !k; j++) {
			size_t m = strlen(inv[j]);
			if (len - i >= m && memcmp(text + i, inv[j], m) == 0)
				k = m;
		}
		if (!k) {
			i++;
			continue;
		}
		/* a byte-order mark opening the file is split_rows' to skip */
		if (i > 0 || k != 3 || (unsigned char)text[0] != 0xEF) {
			mutu_buf_add(&b, text + from, i - from);
			from = i + k;
			n++;
		}
		i += k;
	}
	*dropped = n;
	if (!n) {
		mutu_buf_release(&b);
		return NULL;
	}
	mutu_buf_add(&b, text + from, len - from);
	*out_len = b.len;
	return buf_take(&b);
}

static char *basename_of(const char *p)
{
	const char *b = strrchr(p, '/');
	return mutu_strdup(b ? b + 1 : p);
}

/*
 * A step whose Waktu cell is blank right under a step with one: Word (and
 * a PDF of it) copies a cell merged over two rows as the value in the
 * first row and nothing in the second ("3 Hari" over the Tim Teknis's
 * survey and its recommendation).  The time above then covers both steps,
 * so this one adds 0 Menit -- what the authors' Jumlah Waktu counts for
 * it.  Read so when the evidence says it: the same pelaksana as the step
 * above (its Pelaksana cell merged too), or the declared total equal to
 * the other steps' sum (at 450 Menit a day).  Else a blank Waktu is a
 * step without one: waktu = ?, said as before.
 */
static void merged_waktu(struct imp *im, const struct sop_model *m)
{
	int64_t others = 0;
	for (size_t k = 0; k < im->nsteps; k++)
		if (im->steps[k].has_dur)
			others += dur_to_minutes(im->steps[k].d, im->day_minutes);
	int total_says = m->has_declared && dur_to_minutes(m->declared, im->day_minutes) == others;
	for (size_t k = 1; k < im->nsteps; k++) {
		struct istep *s = &im->steps[k], *up = &im->steps[k - 1];
		if (!s->waktu_merged)
			continue;
		int same = s->actor >= 0 && s->actor == up->actor;
		if (!same && !total_says) {
			mutu_notes_addf(im->warn, "step %d (line %d): no cell reads as a duration; wrote waktu = ?",
					s->no, s->line);
			continue;
		}
		free(s->waktu);
		s->waktu = mutu_strdup("0 Menit");
		s->d = dur_zero();
		s->has_dur = 1;
		mutu_notes_addf(im->warn,
				"step %d (line %d): its Waktu cell is blank under step %d's '%s', a cell merged over "
				"both rows as Word copies it (%s): the time above covers both steps; read as 0 Menit",
				s->no, s->line, up->no, up->waktu,
				same ? "the same pelaksana" : "the declared total is the other steps' sum");
		snprintf(s->range_note, sizeof s->range_note,
			 "importer: Waktu blank under step %d's, a merged cell; read as 0 Menit", up->no);
	}
}

/* The first step done by the pelaksana column c, or im->nsteps when none
 * is: a warning about a column names the step where it is first met. */
static size_t first_step_of(const struct imp *im, size_t c)
{
	size_t k = 0;
	while (k < im->nsteps && im->steps[k].actor != (int)c)
		k++;
	return k;
}


int sop_import_with(const char *text, size_t len, const char *source_name,
		    const struct sop_import_opts *opts, struct sop_model **out,
		    struct mutu_notes *warnings, struct mutu_err *err)
{
	*out = NULL;
	struct mutu_notes scratch;
	mutu_notes_init(&scratch);
	struct imp im;
	memset(&im, 0, sizeof im);
	im.col_list = -1;
	im.src = source_name ? source_name : "(table)";
	im.warn = warnings ? warnings : &scratch;
	im.day_minutes = opts && opts->day_minutes > 0 ? opts->day_minutes : IMPORT_DAY_MINUTES;
	const size_t warn0 = im.warn->n; /* the caller's notes before this table's */
	size_t len8 = 0;
	char *text8 = to_utf8(text, len, &len8, im.warn);
	size_t leni = 0, ninv = 0;
	char *texti = drop_invisible(text8 ? text8 : text, text8 ? len8 : len, &leni, &ninv);
	if (texti) {
		mutu_notes_addf(im.warn, "the table holds %zu invisible character%s (zero-width space, "
					 "soft hyphen, as web pages carry); read without them",
				ninv, ninv == 1 ? "" : "s");
		split_rows(&im, texti, leni);
	} else {
		split_rows(&im, text8 ? text8 : text, text8 ? len8 : len);
	}
	free(texti);
	free(text8);
	/* Column bookkeeping is sized for MAXCOL columns.  Text beyond that
	 * would be dropped (a Waktu out there, markers under no column), so a
	 * wider table is refused rather than imported with cells lost; empty
	 * cells past the edge (stray tabs) are harmless. */
	for (size_t r = 0; r < im.nrows; r++) {
		const struct row *row = &im.rows[r];
		for (size_t i = MAXCOL; i < row->n; i++) {
			if (is_blank_cell(row->cells[i]))
				continue;
			char *t = clean_text(row->cells[i]);
			int rc = mutu_errf(err, MUTU_EINPUT,
					   "%s:%d: the table is wider than supported: text in column %zu ('%.40s'), "
					   "but mutu sop import reads at most %d columns. Remove the empty or "
					   "surplus columns (or split the table) and import again",
					   im.src, row->line, i + 1, t, MAXCOL);
			free(t);
			imp_release(&im);
			mutu_notes_release(&scratch);
			return rc;
		}
	}

	/* A cell that reads as a duration except that it is above mutu's
	 * limit (dur.h: DUR_MAX_DAYS) is a typo or a hostile table: refuse
	 * it with its line and value instead of skipping it as "no duration"
	 * and writing a model that cannot load. */
	for (size_t r = 0; r < im.nrows; r++) {
		const struct row *row = &im.rows[r];
		for (size_t i = 0; i < row->n && i < MAXCOL; i++) {
			if (!strpbrk(row->cells[i], "0123456789"))
				continue;
			struct dur d;
			struct mutu_err e;
			mutu_err_clear(&e);
			char *t = clean_text(row->cells[i]);
			if (dur_parse(t, &d, &e) == MUTU_ERANGE) {
				int rc = mutu_errf(err, MUTU_EINPUT, "%s:%d: column %zu: %s; correct the Waktu cell",
						   im.src, row->line, i + 1, e.msg);
				free(t);
				imp_release(&im);
				mutu_notes_release(&scratch);
				return rc;
			}
			free(t);
		}
	}

	/* the header block: the first run of header rows */
	size_t h = 0;
	int found = 0;
	for (; h < im.nrows; h++) {
		if (row_is_header(&im.rows[h], NULL)) {
			found = 1;
			break;
		}
		int no;
		struct dur d;
		const struct row *r = &im.rows[h];
		if (r->n > 2 && cell_number(r->cells[0], &no)) {
			int hasdur = 0;
			for (size_t i = 1; i < r->n; i++)
				hasdur |= cell_dur(r->cells[i], &d);
			if (hasdur)
				break; /* the table starts without a header */
		}
	}
	size_t data_from = h;
	if (found) {
		size_t last = h;
		while (last + 1 < im.nrows && last - h < 2 && row_is_header(&im.rows[last + 1], NULL))
			last++;
		read_header(&im, h, last);
		im.have_header = 1;
		data_from = last + 1;
		if (data_from < im.nrows && unit_row(&im, &im.rows[data_from]))
			data_from++;
		if (im.ncols == 0 && im.col_list < 0) {
			mutu_notes_addf(im.warn, "the header names no actor columns; actors come from the text only");
			free(im.cols);
			im.cols = NULL;
			columns_from_table(&im);
		}
	} else {
		for (int i = 0; i < MAXCOL; i++) {
			im.role[i] = R_NONE;
			im.col_of_hdr[i] = -1;
		}
		im.col_no = im.col_act = im.col_kel = im.col_waktu = im.col_out = im.col_ket = -1;
		mutu_notes_addf(im.warn, "no header row found; actors come from the text only");
		columns_from_table(&im);
	}
	read_rows(&im, data_from);
	if (im.nsteps == 0) {
		imp_release(&im);
		mutu_notes_release(&scratch);
		return mutu_errf(err, MUTU_EINPUT,
				 "%s: no SOP table found (no row with a step number and a Waktu such as \"30 Menit\")",
				 source_name ? source_name : "(table)");
	}
	/* Numbered rows none of which has a Waktu that reads as a duration,
	 * under a header that names no Waktu column: not an SOP table but an
	 * event log given by mistake (its rows numbered by a step column, its
	 * times clock stamps: start, end), a list of requirements.  Before, a
	 * model of N steps all waktu = ? was written (exit 1), each row
	 * warned of.  A table whose Waktu column holds only times the model
	 * cannot take ("14 hari kalender") is an SOP to edit: written, exit 1,
	 * each reason said. */
	if (im.have_header && im.col_waktu < 0) {
		size_t timed = 0;
		for (size_t k = 0; k < im.nsteps; k++)
			timed += im.steps[k].has_dur != 0;
		if (!timed) {
			/* the rows' own warnings (each "wrote waktu = ?") are
			 * about a model that is not written: the error alone */
			while (im.warn->n > warn0)
				free(im.warn->items[--im.warn->n]);
			int rc = mutu_errf(err, MUTU_EINPUT,
					   "%s:%d: no SOP table found: %zu numbered row(s), but the header names no "
					   "Waktu and no cell of them reads as a duration such as \"30 Menit\" (an "
					   "event log? import it with mutu ingest); nothing written",
					   im.src, im.steps[0].line, im.nsteps);
			imp_release(&im);
			mutu_notes_release(&scratch);
			return rc;
		}
	}
	/* The Standar Pelayanan (PermenPANRB 15/2014), which offices publish
	 * beside their SOPs: 14 numbered components (Dasar Hukum,
	 * Persyaratan, ..., Jangka waktu penyelesaian, Biaya/tarif, ...), one
	 * of them a duration.  Before, a 14-step model with 13 waktu = ? (exit
	 * 1).  It is no SOP table; its Jangka waktu is an SOP's declared total. */
	{
		static const char *const comp[] = {"dasar hukum", "persyaratan", "sistem, mekanisme",
						   "sistem mekanisme", "jangka waktu", "biaya", "produk pelayanan",
						   "penanganan pengaduan", "sarana", "kompetensi pelaksana",
						   "pengawasan internal", "jumlah pelaksana", "jaminan pelayanan",
						   "jaminan keamanan", "evaluasi kinerja", NULL};
		size_t hits = 0, jw = im.nsteps, r = 0;
		for (size_t k = 0; k < im.nsteps; k++) {
			/* the component's name is in a cell of the step's row (a
			 * "Komponen" column the importer takes for no Kegiatan) */
			while (r < im.nrows && im.rows[r].line < im.steps[k].line)
				r++;
			int hit = 0;
			for (size_t c = 0; r < im.nrows && im.rows[r].line == im.steps[k].line &&
					   c < im.rows[r].n && !hit; c++) {
				char *t = clean_text(im.rows[r].cells[c]);
				for (size_t i = 0; comp[i] && !hit; i++)
					if (mutu_strncasecmp(t, comp[i], strlen(comp[i])) == 0) {
						hit = 1;
						if (i == 4)
							jw = k;
					}
				free(t);
			}
			hits += hit;
		}
		if (hits >= 4 && hits * 2 > im.nsteps) {
			char said[160] = "";
			if (jw < im.nsteps && im.steps[jw].has_dur)
				snprintf(said, sizeof said, "; its Jangka waktu penyelesaian (line %d: '%.60s') is the "
							    "SOP's declared total",
					 im.steps[jw].line, im.steps[jw].waktu);
			while (im.warn->n > warn0)
				free(im.warn->items[--im.warn->n]);
			int rc = mutu_errf(err, MUTU_EINPUT,
					   "%s:%d: a Standar Pelayanan (PermenPANRB 15/2014: %zu of its %zu rows are "
					   "its components, Dasar Hukum, Persyaratan, ...), not an SOP table%s; import "
					   "the SOP's own table of steps; nothing written",
					   im.src, im.steps[0].line, hits, im.nsteps, said);
			imp_release(&im);
			mutu_notes_release(&scratch);
			return rc;
		}
	}
	if (im.second_line) {
		int rc = mutu_errf(err, MUTU_EINPUT,
				   "%s:%d: a second SOP table starts here%s%s%s (its steps start again at 1 after %s); "
				   "mutu sop import reads one table per file: put each table in a file of its own and "
				   "import them one by one",
				   im.src, im.second_line, im.second_title[0] ? " ('" : "", im.second_title,
				   im.second_title[0] ? "')" : "", im.second_after);
		imp_release(&im);
		mutu_notes_release(&scratch);
		return rc;
	}
	infer_actors(&im);

	/* Title paragraphs before the table: lines that run on without a blank
	 * line form one title (a heading broken over two lines), except that
	 * a line naming the government or office stands on its own. */
	char *agency = NULL, *name = NULL;
	struct mutu_buf para;
	mutu_buf_init(&para);
	int para_agency = 0;
	/* the paragraph's programme line ("PERIZINAN BERUSAHA BERBASIS
	 * RISIKO"), held apart from the title; its line number */
	char *prog = NULL;
	int prog_line = 0;
	int skip_block = 0, block_line = 0;
	for (size_t r = 0; r <= h && r <= im.nrows; r++) {
		int blank = r == h || r == im.nrows || row_blank(&im.rows[r]);
		char *line = NULL;
		if (!blank && row_nonblank(&im.rows[r]) <= 2) {
			struct mutu_buf lb;
			mutu_buf_init(&lb);
			for (size_t i = 0; i < im.rows[r].n; i++) {
				if (is_blank_cell(im.rows[r].cells[i]))
					continue;
				char *t = clean_text(im.rows[r].cells[i]);
				while (*t == '#') /* markdown heading */
					memmove(t, t + 1, strlen(t));
				mutu_trim(t);
				if (lb.len)
					mutu_buf_putc(&lb, ' ');
				mutu_buf_puts(&lb, t);
				free(t);
			}
			line = buf_take(&lb);
		}
		/* The SOP AP form's other blocks above the table, "Dasar
		 * Hukum:" with its numbered regulations under it, "Kualifikasi
		 * Pelaksana", "Keterkaitan", "Peralatan/Perlengkapan",
		 * "Peringatan", "Pencatatan dan Pendataan" (Permenpan-RB
		 * 35/2012): no title.  Such a line ends the paragraph above it
		 * and is skipped with the lines under it up to a blank line; a
		 * regulation cited on a line of its own ("2. Peraturan
		 * Presiden Nomor 55 Tahun 2022 ...") is skipped too.  Before
		 * round 11 the last paragraph won, and a Dasar Hukum block
		 * under the title named the SOP ("Dasar Hukum: 1.
		 * Undang-Undang Nomor 3 Tahun 2020 ..."). */
		if (blank)
			skip_block = 0;
		if (line && (form_block_label(line) || skip_block || regulation_line(line))) {
			if (form_block_label(line)) {
				skip_block = 1;
				if (!block_line)
					block_line = im.rows[r].line;
			}
			free(line);
			line = NULL;
		}
		int line_agency = line && is_agency(line);
		/* "PEMERINTAH KABUPATEN GIANYAR" over "DINAS PENANAMAN MODAL ...":
		 * the letterhead's government and the office under it are one
		 * agency, as seed 003 writes them on one line; before, the office
		 * line was dropped ("Pemerintah Kabupaten Gianyar") */
		int join = para_agency && line_agency && mutu_strncasecmp(para.s, "pemerintah", 10) == 0 &&
			   mutu_strncasecmp(line, "pemerintah", 10) != 0;
		if ((para.len || prog) && !join && (!line || line_agency || para_agency)) {
			char *p = para.len ? mutu_buf_detach(&para) : mutu_strdup(""); /* para stays usable */
			if (para_agency) {
				if (!agency)
					agency = title_case(p);
			} else {
				const char *q = strip_prefixes(p);
				if (!*q && prog) {
					/* the programme's line alone: the only title */
					q = strip_prefixes(prog);
				} else if (*q && prog) {
					mutu_notes_addf(im.warn,
							"line %d: '%s' names the programme, not this SOP; "
							"left out of its name", prog_line, strip_prefixes(prog));
				}
				if (*q && mutu_strncasecmp(q, "urusan", 6) != 0 &&
				    mutu_strncasecmp(q, "bidang", 6) != 0) {
					free(name);
					name = title_case(q);
				}
			}
			free(p);
			free(prog);
			prog = NULL;
		}
		if (line && !line_agency && !prog && is_programme(strip_prefixes(line))) {
			/* kept apart; a "STANDAR OPERASIONAL PROSEDUR" before it
			 * stays in para, stripped as a prefix */
			prog = line;
			prog_line = im.rows[r].line;
			line = NULL;
			if (!para.len)
				para_agency = 0;
		}
		if (line) {
			if (!para.len)
				para_agency = line_agency;
			if (para.len)
				mutu_buf_putc(&para, ' ');
			mutu_buf_puts(&para, line);
			free(line);
		}
	}
	mutu_buf_release(&para);
	free(prog);
	if (block_line)
		mutu_notes_addf(im.warn, "line %d: the SOP form's Dasar Hukum (or a like block) above the table is no "
					 "title; left out of the name", block_line);
	/* The identity block of the SOP AP form (Permenpan-RB 35/2012) above
	 * the table: "Nomor SOP | 060/012/SOP/2023", "Tanggal Pembuatan",
	 * "Disahkan oleh", "Nama SOP | Pelayanan Izin Praktik Perawat", then
	 * Dasar Hukum, Kualifikasi Pelaksana and the rest.  Its "Nama SOP" is
	 * the name; before, the whole block ran together as the title (and
	 * the id began "nomor-060-012-2023-tanggal-pembuatan"). */
	for (size_t r = 0; r < h && r < im.nrows; r++) {
		const struct row *row = &im.rows[r];
		size_t i = 0;
		while (i < row->n && is_blank_cell(row->cells[i]))
			i++;
		if (i == row->n)
			continue;
		char *lab = clean_text(row->cells[i]);
		char *val = NULL;
		char *colon = strchr(lab, ':');
		if (colon) { /* "Nama SOP : Pelayanan ..." in one cell */
			val = mutu_trim(mutu_strdup(colon + 1));
			*colon = 0;
		}
		mutu_trim(lab);
		static const char *const labels[] = {"nama sop", "judul sop", "nama prosedur", "nama sop ap",
						     "nama standar operasional prosedur", NULL};
		int hit = 0;
		for (size_t k = 0; labels[k] && !hit; k++)
			hit = mutu_strcasecmp(lab, labels[k]) == 0;
		if (hit && (!val || !*val)) {
			free(val);
			val = NULL;
			for (size_t k = i + 1; k < row->n && !val; k++)
				if (!is_blank_cell(row->cells[k]))
					val = clean_text(row->cells[k]);
		}
		if (hit && val && *val && *strip_prefixes(val)) {
			free(name);
			name = title_case(strip_prefixes(val));
		}
		free(lab);
		free(val);
		if (hit)
			break;
	}
	if (!agency) {
		/* a .go.id address in the table names the government */
		for (size_t r = 0; r < im.nrows && !agency; r++)
			for (size_t i = 0; i < im.rows[r].n && !agency; i++)
				agency = agency_from_host(im.rows[r].cells[i]);
	}
	if (!name) {
		char *b = basename_of(im.src);
		char *dot = strrchr(b, '.');
		if (dot)
			*dot = 0;
		name = b;
		mutu_notes_addf(im.warn, "no title line above the table; named the SOP after the file (%s)", name);
	}

	struct sop_model *m = mutu_calloc(1, sizeof *m);
	m->name = name;
	m->agency = agency ? agency : mutu_strdup("");
	m->id = opts && opts->id ? mutu_strdup(opts->id) : slugify(name);
	m->source = basename_of(im.src);
	if (opts && opts->calendar) {
		m->calendar = mutu_strdup(opts->calendar);
	} else {
		m->calendar = mutu_strdup("id-wib");
		mutu_notes_addf(im.warn,
				"the table names no time zone; wrote calendar = id-wib (use --calendar id-wita or id-wit for offices outside WIB)");
	}
	/* "1.000 Jam": id-ID's thousands, or a decimal point when the
	 * table's other Waktu cells write theirs with a dot */
	int dot_line = dot_decimal_line(&im);
	for (size_t k = 0; k < im.nsteps; k++) {
		struct istep *s = &im.steps[k];
		char what[40];
		snprintf(what, sizeof what, "step %d: waktu", s->no);
		if (s->has_dur && resolve_dot(&im, what, s->line, &s->waktu, &s->d, dot_line) && !s->range_note[0])
			snprintf(s->range_note, sizeof s->range_note,
				 "importer: the dot read as a decimal point, as the table's other Waktu cells use it");
	}
	if (im.declared) {
		struct mutu_err e;
		mutu_err_clear(&e);
		if (dur_parse(im.declared, &m->declared, &e) == 0) {
			resolve_dot(&im, "the total", im.declared_line, &im.declared, &m->declared, dot_line);
			/* "40 jam (5 hari)": the total in Jam of the nominal 8-Jam
			 * day (UU 13/2003) with its whole days after it, as a
			 * step's "8 jam (1 hari)" is.  The days are what the office
			 * declares: read as 5 Hari (2250 Menit on id-wib).  Read
			 * as 2400 working Minutes it was 5,33 Hari beside its own
			 * "(5 hari)", and every check against it was off by 150
			 * Menit (before round 11). */
			struct dur *dd = &m->declared;
			if (dd->rounded_days > 0 && dd->days == 0 && im.day_minutes != 480 &&
			    dd->minutes == (int64_t)dd->rounded_days * 480) {
				char buf[32];
				snprintf(buf, sizeof buf, "%d Hari", dd->rounded_days);
				mutu_notes_addf(im.warn,
						"line %d: the total '%s' glosses its Hari as 8 Jam, the nominal working day, not "
						"the calendar's (a Hari as %d Menit); read as %s",
						im.declared_line, im.declared, im.day_minutes, buf);
				char *was = im.declared;
				im.declared = mutu_strdup(buf);
				struct mutu_buf nb;
				mutu_buf_init(&nb);
				mutu_buf_printf(&nb, "importer: the declared total '%.60s' glosses its Hari as 8 Jam; read "
						     "as %s, %d Menit a day", was, buf, im.day_minutes);
				im.declared_note = buf_take(&nb);
				free(was);
				dd->days = dd->rounded_days;
				dd->minutes = 0;
				dd->rounded_days = -1;
			}
			m->declared_text = mutu_strdup(im.declared);
			m->has_declared = 1;
			/* "Jumlah waktu (di luar waktu pemohon)": the applicant's
			 * steps (a correction, a payment) are not in the total;
			 * compared with every step's sum it was a finding of the
			 * applicant's days (before round 12) */
			if (im.declared_office) {
				m->declared_office = 1;
				mutu_notes_addf(im.warn,
						"line %d: the total leaves the applicant's time out (its line says so): wrote "
						"declared_scope = office; model check compares it with the other steps' sum",
						im.declared_line);
			}
		} else {
			mutu_notes_addf(im.warn, "the total line does not read as a duration (%s)", e.msg);
		}
	} else if (!im.total_unread) {
		mutu_notes_addf(im.warn, "no \"Jumlah Waktu\" line: the model has no declared total");
	}
	clock_days(&im, m);
	if (im.declared_note) {
		struct mutu_buf nb;
		mutu_buf_init(&nb);
		mutu_buf_printf(&nb, "Imported by mutu sop import; review the actors marked ? and the notes. %s",
				im.declared_note);
		m->note = buf_take(&nb);
	} else {
		m->note = mutu_strdup("Imported by mutu sop import; review the actors marked ? and the notes.");
	}

	merged_waktu(&im, m);

	/* "Kepala Dinas Perhubungan" in the Dinas Perhubungan's own table (its
	 * agency line "DINAS PERHUBUNGAN"): the head of this office, the
	 * Kepala Dinas who signs.  The same title in a DPMPTSP's table heads
	 * another office (column_init leaves it without a role); the agency
	 * tells the two apart: every word after "Kepala Dinas" (Badan,
	 * Kantor) is a word of the agency.  Before, "none of the positions
	 * mutu knows" at the office's own head. */
	for (size_t c = 0; c < im.ncols; c++) {
		struct column *col = &im.cols[c];
		if (col->role || col->entry < 0 || sop_actor_table[col->entry].cls != SOP_CLS_KADIS || !*m->agency)
			continue;
		struct sop_tok *ht, *at;
		size_t hn = sop_tokenize(col->name, &ht), an = sop_tokenize(m->agency, &at);
		size_t i = 0;
		while (i + 1 < hn && sop_is_filler(ht[i].w))
			i++;
		int ok = i + 2 < hn && !strcmp(ht[i].w, "kepala") &&
			 (!strcmp(ht[i + 1].w, "dinas") || !strcmp(ht[i + 1].w, "badan") || !strcmp(ht[i + 1].w, "kantor"));
		for (size_t k = i + 2; ok && k < hn; k++) {
			int found = 0;
			for (size_t j = 0; j < an && !found; j++)
				found = !strcmp(ht[k].w, at[j].w);
			ok = found;
		}
		free(ht);
		free(at);
		if (ok) {
			col->role = sop_actor_table[col->entry].canonical;
			col->more = 3;
		}
	}
	/* A rung read from a title with more words (column_init: "Kasi
	 * Pelayanan" is a Kepala Seksi) holds only when no other column of the
	 * steps has that role: "Kasi Pelayanan" beside "Kasi Pemerintahan" are
	 * two desks, kept apart as positions of their own (warned below).
	 * Else it is said, once per title, with what it was read as. */
	/* (a Lurah, more = 2, gives way to a Camat; two of a kind both stay
	 * apart: the twins are found before any role is dropped) */
	int drop[MAXCOL + 1] = {0};
	for (size_t c = 0; c < im.ncols && c <= MAXCOL; c++) {
		/* (the Setda's officials, the Sekda and the Kabag Hukum, are
		 * two people outside the office: each a delay in mutu sim, no
		 * pool to share; not kept apart) */
		if (!im.cols[c].more || im.cols[c].more == 5)
			continue;
		for (size_t o = 0; o < im.ncols && !drop[c]; o++) {
			if (o == c || !im.cols[o].role || strcmp(im.cols[o].role, im.cols[c].role) ||
			    im.cols[o].more > im.cols[c].more)
				continue;
			for (size_t j = 0; j < im.nsteps && !drop[c]; j++)
				drop[c] = im.steps[j].actor == (int)o;
		}
	}
	for (size_t c = 0; c < im.ncols; c++) {
		if (!im.cols[c].more)
			continue;
		size_t k = first_step_of(&im, c);
		if (k == im.nsteps)
			continue;
		if (c <= MAXCOL && drop[c]) {
			mutu_notes_addf(im.warn,
					"step %zu: pelaksana '%s' would be role = %s, but another pelaksana of the "
					"table is that position; kept as a position of its own (mutu sim staffs it "
					"apart: [staff] %s = N)",
					k + 1, im.cols[c].name, im.cols[c].role, im.cols[c].name);
			im.cols[c].role = NULL;
			im.cols[c].more = -1; /* said: not again as unknown */
			continue;
		}
		if (im.cols[c].more == 5) {
			int head = !strcmp(im.cols[c].role, "Kepala Daerah");
			mutu_notes_addf(im.warn,
					"step %zu: pelaksana '%s' read as role = %s (%s outside the office: the SLA clock "
					"runs, the berkas is not with the applicant); mutu sim runs the step as a delay of "
					"its waktu, with no queue and no [staff] line (a line '%s = 1' would staff it "
					"instead)",
					k + 1, im.cols[c].name, im.cols[c].role,
					head ? "the regional head signs" : "the regional secretariat initials the decree",
					im.cols[c].name);
			continue;
		}
		mutu_notes_addf(im.warn,
				"step %zu: pelaksana '%s' read as role = %s (%s); mutu sim staffs it by that "
				"title or as %s; if it is a position of its own, delete the role line from its steps",
				k + 1, im.cols[c].name, im.cols[c].role,
				im.cols[c].more == 2      ? "a Lurah or Kepala Desa signs the kelurahan's or desa's letters as a head signs an office's"
				: im.cols[c].more == 3    ? "the head of the office the table's agency line names"
				: im.cols[c].more == 4    ? "a jabatan fungsional of licensing examines the berkas and drafts the permit behind the counter"
				: im.cols[c].more == 6    ? "the permit's technical team, named by the office its members come from"
				: im.cols[c].cls == SOP_CLS_BO ? "a DPMPTSP's operator enters the application and drafts the permit"
							       : "the position named with its unit or its place",
				im.cols[c].role);
	}
	/* steps, renumbered 1..n when the table's numbers are off */
	m->steps = mutu_calloc(im.nsteps, sizeof *m->steps);
	m->nsteps = im.nsteps;
	int renumber = 0;
	for (size_t k = 0; k < im.nsteps; k++)
		if (im.steps[k].no != (int)k + 1)
			renumber = 1;
	if (renumber)
		mutu_notes_addf(im.warn, "the table's step numbers are not 1..%zu in order; renumbered",
				im.nsteps);
	for (size_t k = 0; k < im.nsteps; k++) {
		struct istep *s = &im.steps[k];
		struct sop_step *t = &m->steps[k];
		t->no = (int)k + 1;
		t->activity = s->activity;
		t->kelengkapan = s->kelengkapan;
		t->waktu_text = s->waktu;
		t->waktu = s->d;
		t->output = s->output;
		t->keterangan = s->keterangan;
		s->activity = s->kelengkapan = s->waktu = s->output = s->keterangan = NULL;
		t->actor = mutu_strdup(s->actor >= 0 ? im.cols[s->actor].name : "?");
		if (s->actor >= 0 && im.cols[s->actor].role &&
		    strcmp(im.cols[s->actor].role, im.cols[s->actor].name))
			t->role = mutu_strdup(im.cols[s->actor].role);
		if (s->note[0] || s->range_note[0]) {
			struct mutu_buf nb;
			mutu_buf_init(&nb);
			mutu_buf_printf(&nb, "%s%s%s", s->note, s->note[0] && s->range_note[0] ? "; " : "",
					s->range_note);
			t->note = nb.s;
		} else
			t->note = NULL;
		t->line = s->line;
		/* The number the table names outweighs a position named.  It is
		 * the table's number: with sub-steps renumbered ('2a' is step 3),
		 * 'kembali ke no. 3' is the step the table numbers 3.  Only an
		 * earlier step is a way back (a later one is a branch forward). */
		int back = 0;
		if (s->reject_no < 0 && k > 0)
			back = (int)k; /* the step before this one */
		if (s->reject_no > 0 && s->reject_sub) {
			/* "kembali ke langkah 1b": the sub-step of that label */
			for (size_t j = k; j-- > 0 && !back;)
				if (im.steps[j].sub_no == s->reject_no && im.steps[j].sub_letter == s->reject_sub)
					back = (int)j + 1;
		} else if (s->reject_no > 0) {
			for (size_t j = k; j-- > 0 && !back;)
				if (im.steps[j].table_no == s->reject_no)
					back = (int)j + 1;
			/* "kembali ke langkah 1" where the table numbers 1a, 1b: the
			 * first of them, where step 1 starts */
			for (size_t j = 0; j < k && !back; j++)
				if (im.steps[j].sub_no == s->reject_no)
					back = (int)j + 1;
			if (!back && !renumber && s->reject_no <= (int)k)
				back = s->reject_no;
		}
		/* "bersamaan dengan langkah 3": this step runs alongside an
		 * earlier one (a technical team's review while the Back Office
		 * verifies), by the table's number as the way back is.  The
		 * model's total takes the longer of them, as the authors'
		 * Jumlah Waktu does; the simulator still runs them one after
		 * the other (said).  Before round 11, added to the sum: a
		 * finding of days over the declared total that the table did
		 * not have. */
		{
			char psub = 0;
			int pn = parallel_step_no(t->activity, &psub);
			if (!pn)
				pn = parallel_step_no(t->keterangan, &psub);
			int with = 0;
			for (size_t j = k; pn && psub && j-- > 0 && !with;)
				if (im.steps[j].sub_no == pn && im.steps[j].sub_letter == psub)
					with = (int)j + 1;
			for (size_t j = k; pn && !psub && j-- > 0 && !with;)
				if (im.steps[j].table_no == pn)
					with = (int)j + 1;
			if (pn && !with && !renumber && pn <= (int)k)
				with = pn;
			if (with) {
				t->parallel_with = with;
				mutu_notes_addf(im.warn,
						"step %zu runs alongside step %d (the table says so): wrote parallel_with = %d; "
						"the steps' sum counts the longer of the two (the critical path); "
						"mutu sim runs them one after the other (its lead there is longer by up to "
						"the shorter waktu)",
						k + 1, with, with);
			} else if (pn) {
				mutu_notes_addf(im.warn,
						"step %zu: runs alongside step %d, which is not an earlier step of the table; "
						"parallel_with left empty",
						k + 1, pn);
			}
		}
		/* "Survei lapangan (jika diperlukan)": a step done only for
		 * the berkas that need it.  The declared total and the
		 * standard's ceiling count it (a berkas that needs the survey
		 * must still be done in time), so it stays in the model and
		 * its sum; mutu sim runs it for every berkas, an upper bound.
		 * Said, and kept in the step's note. */
		if (optional_step(t->activity) || optional_step(t->keterangan)) {
			mutu_notes_addf(im.warn,
					"step %zu is done only when needed (the table says so): kept in the model and in "
					"the steps' sum, as the ceiling counts it; mutu sim runs it for every berkas",
					k + 1);
			struct mutu_buf nb;
			mutu_buf_init(&nb);
			mutu_buf_printf(&nb, "%s%simporter: done only when needed; mutu sim runs it for every berkas",
					t->note ? t->note : "", t->note ? "; " : "");
			free(t->note);
			t->note = buf_take(&nb);
		}
		if (back) {
			t->reject_to = back;
		} else if (s->reject_col >= 0 && s->reject_col != s->actor) {
			/* (a "Tidak" label beside the decision in its own column
			 * names no one to send back to) */
			int to = 0;
			for (size_t j = k; j-- > 0;)
				if (im.steps[j].actor == s->reject_col) {
					to = (int)j + 1;
					break;
				}
			if (to)
				t->reject_to = to;
			else
				mutu_notes_addf(im.warn,
						"step %d: sends the berkas back to %s on rejection, but no earlier step is theirs; reject_to left empty",
						t->no, im.cols[s->reject_col].name);
		}
	}
	/* A pelaksana that is none of the positions mutu knows (sop.c's
	 * table: "Verifikator", "Operator", "Admin") keeps its own title as
	 * its role: mutu sim staffs it apart from every other position and
	 * reports compare it across offices by that title alone.  That is
	 * right for an office's own post, wrong when it is the Back Office
	 * under another name, which only the office knows: say so, once per
	 * title, with what to write. */
	for (size_t c = 0; c < im.ncols; c++) {
		if (im.cols[c].role || im.cols[c].more < 0)
			continue;
		size_t k = first_step_of(&im, c);
		if (k == im.nsteps)
			continue;
		/* the role to suggest: the near position when the title starts
		 * as one ('Petugas Loket PATEN': Front Office), else the Back
		 * Office, the commonest post under another name */
		char like[224] = "";
		const char *near = "Back Office";
		/* "Dinas PUPR", "Dinas Kesehatan", "Badan Lingkungan Hidup" in a
		 * DPMPTSP's table: the technical office that recommends */
		static const char *const offices[] = {"dinas ", "badan ", "opd ", "instansi ", "kantor ", NULL};
		for (size_t i = 0; offices[i]; i++)
			if (mutu_strncasecmp(im.cols[c].name, offices[i], strlen(offices[i])) == 0)
				near = "Dinas Teknis";
		const char *why = near_title(im.cols[c].name, &near);
		if (why)
			snprintf(like, sizeof like, " (%s)", why);
		else if (im.cols[c].entry >= 0) {
			near = sop_actor_table[im.cols[c].entry].canonical;
			snprintf(like, sizeof like, " (it starts as %s does, with more words)", near);
		}
		mutu_notes_addf(im.warn,
				"step %zu: pelaksana '%s' is none of the positions mutu knows%s; kept as a position "
				"of its own (mutu sim staffs it apart: [staff] %s = N); if it is one of them, add "
				"role = %s (or the position it is) to its steps",
				k + 1, im.cols[c].name, like, im.cols[c].name, near);
	}
	/* The SLA clock starts when the front office accepts the file as
	 * complete (../shared/domain.md).  The readers take that check from
	 * the first step that can send the berkas back (reject_to); with no
	 * such step they start at the first event, the applicant's own (days
	 * the applicant spent on the form counted against the office), and
	 * when the first such step is a later one (a Kabid's verification
	 * that returns a draft to the Back Office) the clock started after
	 * it.  So the front-office step right after the applicant's opening
	 * steps is written as [sla] clock_start when the default would miss
	 * it. */
	size_t first_reject = im.nsteps;
	for (size_t k = 0; k < im.nsteps && first_reject == im.nsteps; k++)
		if (m->steps[k].reject_to > 0)
			first_reject = k;
	{
		/* (the system's steps between, an OSS forwarding the application
		 * to the counter, are no office's work yet: skipped as the
		 * applicant's are) */
		size_t k = 0;
		while (k < im.nsteps && im.steps[k].actor >= 0 &&
		       (im.cols[im.steps[k].actor].cls == SOP_CLS_PEMOHON ||
			(k > 0 && im.cols[im.steps[k].actor].cls == SOP_CLS_SISTEM)))
			k++;
		if (k > 0 && k + 1 < im.nsteps && im.steps[k].actor >= 0 &&
		    im.cols[im.steps[k].actor].cls == SOP_CLS_FO && first_reject != k) {
			m->clock_start = (int)k + 1;
			char why[160];
			if (first_reject == im.nsteps)
				snprintf(why, sizeof why, "no step sends the berkas back, which would mark that check; "
							  "else the clock would start at the applicant's first event");
			else
				snprintf(why, sizeof why, "the first step that can send the berkas back is step %zu, "
							  "not the check at the counter; else the clock would start after it",
					 first_reject + 1);
			mutu_notes_addf(im.warn,
					"the SLA clock starts at the end of step %zu (%s), when the file is accepted as "
					"complete: wrote [sla] clock_start = %zu (%s)",
					k + 1, im.cols[im.steps[k].actor].name, k + 1, why);
		}
	}
	sop_model_index_actors(m);
	imp_release(&im);
	mutu_notes_release(&scratch);
	*out = m;
	return 0;
}

int sop_import(const char *text, size_t len, const char *source_name, struct sop_model **out,
	       struct mutu_notes *warnings, struct mutu_err *err)
{
	return sop_import_with(text, len, source_name, NULL, out, warnings, err);
}
