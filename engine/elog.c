/*
 * elog.c - `mutu ingest`: an event-log CSV streamed into the store.
 *
 * The pipeline:
 *   reader   the file in 1 MiB blocks, cut into physical lines, each line
 *            fed to libcsv (csv_parse with callbacks), or, when it is a
 *            whole record of plain fields, split into the same fields
 *            without it (split_line).  Feeding line by
 *            line gives every record its first line number and raw text,
 *            and lets a broken quote be repaired: a quote left open
 *            swallows the lines after it, so when such a multi-line record
 *            ends with the wrong number of fields (or runs over
 *            MAX_REC_LINES, or hits the end of the file) only its first
 *            line is rejected and the rest is parsed again.  A line over
 *            ELOG_MAX_RECORD is never buffered: its start is kept, the rest
 *            skipped to its line end, and it is rejected as one row.
 *   probe    the header and the first rows (whole records), read before
 *            anything is written: separator, columns (the header names of
 *            mutu, SiCANTIK, PM4Py, bupaR, Disco, Celonis), time-stamp form
 *            and zone.  A file that cannot be a log is refused here
 *            (MUTU_EINPUT).
 *   producer each record checked and turned into an event or a rejected
 *            row, appended to a chunk (items plus a string arena).
 *   writer   chunks into SQLite with prepared statements, inside the one
 *            transaction of the batch.  With opts.threads >= 2 it runs on
 *            its own thread, so parsing and B-tree work overlap (2 cores).
 *
 * Memory is flat: a few chunks, one record (at most ELOG_MAX_RECORD), a
 * fixed case cache; nothing grows with the number of rows or their length.
 */
#include "mutu/elog.h"
#include "elog_int.h"
#include "mutu/cal.h"
#include "mutu/sop.h"
#include "mutu/store.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <iconv.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define BLOCK (1u << 20)
#define MAX_REC_LINES 100
/* A record is bounded (elog.h); the field offsets of struct field are 32-bit. */
_Static_assert(ELOG_MAX_RECORD >= (64u << 10) && ELOG_MAX_RECORD <= (1u << 30),
	       "ELOG_MAX_RECORD must lie in 64 KiB .. 1 GiB");
#define MAX_REC_BYTES ELOG_MAX_RECORD
#define CHUNK_ITEMS 8192
#define NCHUNKS 3
/* The probe reads whole records: up to PROBE_ROWS rows, and stops early
 * once it holds at least one row and has read PROBE_BYTES (a first row of
 * any length up to ELOG_MAX_RECORD is still read whole). */
#define PROBE_ROWS 200
#define PROBE_BYTES (1u << 20)
/* What a rejected over-long record keeps of its text in rejected.raw. */
#define LONG_RAW_KEEP 256
#define CASE_CACHE 8192
#define ACT_CACHE 1024
/* slots of the activity-key cache (dkey_act), a power of two: at 64 the
 * 25 texts of the generated logs shared slots and a quarter of the rows
 * hashed their text again (issue 14) */
#define DKEY_CACHE_BITS 10
#define DKEY_CACHE (1u << DKEY_CACHE_BITS)

/* ---------------------------------------------------------------- reasons */

enum reason {
	R_FIELDS, R_QUOTE, R_UTF8, R_CASE, R_ACTIVITY, R_TS, R_NOTS, R_ORDER, R_ZONE, R_STEP, R_BLANK,
	R_LONG, R_SCI, R_N
};

static const char *const reason_kind[R_N] = {
	"wrong number of fields", "broken quoting", "not UTF-8 text", "missing case id",
	"missing activity", "bad timestamp", "no timestamp", "end before start",
	"local time without a zone", "bad step number", "blank row", "record too long",
	"case id cut by Excel",
};

const char *elog_role_name(enum elog_role r)
{
	static const char *const names[ELOG_NROLES] = {
		"case", "sop", "step", "activity", "actor", "start", "end", "timestamp", "lifecycle"};
	return (unsigned)r < ELOG_NROLES ? names[r] : "?";
}

/*
 * Header names per role, compared by hdr_key (case, blanks, '_', '-' and
 * '.' ignored: "Case ID", "case_id" and "CASE-ID" are one name), so the
 * exports of the usual tools are read as they are:
 *   mutu       case_id, sop, step, activity, actor, start, end
 *   SiCANTIK   no_permohonan, jenis_izin, nama_proses, diproses_oleh,
 *              start_date, end_date, status
 *   PM4Py      case:concept:name, concept:name, org:resource,
 *              lifecycle:transition, time:timestamp; an interval log adds
 *              start_timestamp, and time:timestamp is then the completion
 *   bupaR      case_id, activity_id, resource_id, lifecycle_id, timestamp
 *              (eventlog); activitylog columns named by lifecycle: start,
 *              complete (activity_instance_id is kept as an attribute)
 *   Disco      Case ID, Activity, Resource, Start Timestamp, Complete
 *              Timestamp (older exports: Start Date, End Date)
 *   Celonis    _CASE_KEY, ACTIVITY_EN, EVENTTIME, USER_NAME (the officer
 *              who did it: the actor, not a personal column to drop)
 *   UiPath     Case_ID, Activity, Event_start, Event_end, User (Process
 *              Mining's Event_log_raw input; before field round 12 refused:
 *              "no time column")
 *   offices    No Permohonan, Kegiatan, Pelaksana, Mulai, Selesai (and
 *              office_names below)
 */
static const char *const role_names[ELOG_NROLES][16] = {
	[ELOG_COL_CASE] = {"case_id", "case:concept:name", "no_permohonan", "nomor_permohonan",
			   "case", "no_registrasi", "nomor_registrasi", "case_key", NULL},
	[ELOG_COL_SOP] = {"sop", "sop_id", "jenis_izin", "jenis_layanan", NULL},
	[ELOG_COL_STEP] = {"step", "langkah", "no_langkah", "step_no", NULL},
	[ELOG_COL_ACTIVITY] = {"activity", "concept:name", "nama_proses", "kegiatan", "proses",
			       "task", "activity_id", "activity_en", "activity_name", NULL},
	[ELOG_COL_ACTOR] = {"actor", "org:resource", "diproses_oleh", "resource", "pelaksana",
			    "user", "resource_id", "user_name", NULL},
	[ELOG_COL_START] = {"start", "start_date", "start_time", "start_timestamp", "time:start",
			    "tgl_mulai", "waktu_mulai", "start_datetime", "mulai", "tanggal_mulai",
			    "event_start", NULL},
	[ELOG_COL_END] = {"end", "end_date", "end_time", "end_timestamp", "complete_timestamp",
			  "tgl_selesai", "waktu_selesai", "complete", "complete_date",
			  "complete_time", "end_datetime", "selesai", "tanggal_selesai", "event_end",
			  NULL},
	[ELOG_COL_TIMESTAMP] = {"timestamp", "time:timestamp", "time", "waktu", "eventtime",
				"event_time", NULL},
	[ELOG_COL_LIFECYCLE] = {"lifecycle:transition", "lifecycle", "status", "transition",
				"lifecycle_id", NULL},
};

/*
 * Names an office's own sheet gives these roles, taken only when no column
 * has one of role_names' (a sheet with both keeps the column it was read
 * by before): "No. Berkas" / "No. Pendaftaran" the case, "Izin" the SOP, "Tahapan" the
 * activity, "Tanggal" the stamp, "Petugas" / "Nama Petugas" the officer
 * who did the step (the
 * pelaksana; before field round 8 "Nama Petugas" was dropped as a person's
 * name, and with it the same-person check).
 */
static const char *const office_names[ELOG_NROLES][12] = {
	/* "ID Berkas" / "Kode Permohonan": the key an office's own web
	 * application gives a berkas (field round 10) */
	[ELOG_COL_CASE] = {"no_berkas", "nomor_berkas", "no_pendaftaran", "nomor_pendaftaran",
			   "id_berkas", "kode_berkas", "id_permohonan", "kode_permohonan", NULL},
	/* "Izin" alone, the older spelling "Ijin", "Jenis Perizinan": the
	 * permit type as an office's or an analyst's table heads it (a Celonis
	 * activity table joined with its case table's "Izin"); before field
	 * round 10 it stayed an attribute and no case had an SOP.  Not "Nama
	 * Izin": beside "Jenis Izin" it is the permit's long name, an attribute */
	[ELOG_COL_SOP] = {"izin", "ijin", "jenis_ijin", "jenis_perizinan", NULL},
	[ELOG_COL_ACTIVITY] = {"tahapan", "nama_tahapan", "nama_kegiatan", NULL},
	[ELOG_COL_ACTOR] = {"petugas", "nama_petugas", "nama_pelaksana", "pegawai", "nama_pegawai",
			    NULL},
	/* a bare "Tanggal" / "Date" as the one stamp column, its time of day
	 * most often beside it ("Jam", "Time": clock_columns) */
	[ELOG_COL_TIMESTAMP] = {"tanggal", "tgl", "date", NULL},
};

/* The refusal of an object-centric log (ocel_kind; the CSV's header) */
#define OCEL_REFUSED                                                                              \
	"an object-centric event log (%s): its events belong to objects of several types, "       \
	"not to one case each, and mutu reads case logs; flatten it to the berkas' object type "   \
	"first, e.g. in PM4Py: log = pm4py.ocel_flattening(ocel, 'berkas'); "                        \
	"log.to_csv('berkas.csv') or pm4py.write_xes(log, 'berkas.xes'), and ingest that"

/*
 * The bytes of a case-level prefix that a flattened XES log puts before a
 * trace attribute's key, 0 if none: PM4Py's "case:" (case:concept:name);
 * "(case)_" (or "(case) "), as ProM's and the BPI Challenge CSV exports
 * write a trace attribute ((case)_AMOUNT_REQ); and "case " before an XES
 * key ("case concept:name", BPI Challenge 2019's CSV), taken only when a
 * ':' follows, so that "Case ID" or "case_id" stay whole names.
 */
static size_t case_prefix(const char *h)
{
	if (mutu_strncasecmp(h, "case:", 5) == 0)
		return 5;
	if (mutu_strncasecmp(h, "(case)", 6) == 0)
		return 6 + (h[6] == '_' || h[6] == ' ');
	if (mutu_strncasecmp(h, "case ", 5) == 0 && strchr(h + 5, ':') && !strchr(h + 5, ' '))
		return 5;
	return 0;
}

/*
 * A header name as the role tables compare it: lower-case ASCII, without
 * blanks, '_', '-' and '.'; other bytes (':' of the XES names) kept.  A
 * flattened log's case prefix reads as "case:" (case_prefix), and the
 * BPI Challenge 2019 CSV's "event " before an XES key ("event
 * time:timestamp") is left out: the event's own key.
 */
static void hdr_key(const char *s, char *out, size_t size)
{
	size_t k = 0, p = case_prefix(s);
	if (p && size > 6) {
		memcpy(out, "case:", 5);
		k = 5;
		s += p;
	} else if (mutu_strncasecmp(s, "event ", 6) == 0 && strchr(s + 6, ':') &&
		   !strchr(s + 6, ' ')) {
		s += 6;
	}
	for (; *s && k + 1 < size; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == ' ' || c == '_' || c == '-' || c == '.' || c == '\t')
			continue;
		out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	out[k] = '\0';
}

/* Does header h name role k?  A "case:" prefix is tolerated for the
 * case-level roles (case:sop, case:case_id), not for the event-level ones:
 * case:concept:name is the case id, concept:name the activity. */
static int role_match(const char *h, int k)
{
	char key[128], want[128];
	hdr_key(h, key, sizeof key);
	/* an empty name (a header's empty cells, often millions of them past
	 * the named ones) matches no role: skip the tables (10^7 empty cells
	 * took 60 s, most of it here) */
	if (!key[0])
		return 0;
	const char *alt = strncmp(key, "case:", 5) == 0 &&
					  (k == ELOG_COL_CASE || k == ELOG_COL_SOP)
				  ? key + 5
				  : NULL;
	for (int j = 0; role_names[k][j]; j++) {
		hdr_key(role_names[k][j], want, sizeof want);
		if (strcmp(key, want) == 0 || (alt && strcmp(alt, want) == 0))
			return 1;
	}
	return 0;
}

int elog_role_named(const char *h, int k)
{
	return k >= 0 && k < ELOG_NROLES && role_match(h, k);
}

int elog_office_named(const char *h, int k)
{
	if (k < 0 || k >= ELOG_NROLES)
		return 0;
	char key[128], want[128];
	hdr_key(h, key, sizeof key);
	const char *alt = strncmp(key, "case:", 5) == 0 && (k == ELOG_COL_CASE || k == ELOG_COL_SOP)
				  ? key + 5
				  : NULL;
	for (int j = 0; office_names[k][j]; j++) {
		hdr_key(office_names[k][j], want, sizeof want);
		if (strcmp(key, want) == 0 || (alt && strcmp(alt, want) == 0))
			return 1;
	}
	return 0;
}

/* Any of the time roles' names (start, end, timestamp)? */
static int time_name(const char *h)
{
	return role_match(h, ELOG_COL_START) || role_match(h, ELOG_COL_END) ||
	       role_match(h, ELOG_COL_TIMESTAMP);
}

/*
 * A planned end date (a per-case target): read by the reports, not by the
 * ingest, so a date column under one of these names is used, not idle.
 * With or without "case:", any case, '_' ignored (hdr_key).
 */
static int planned_name(const char *h)
{
	static const char *const names[] = {"enddateplanned", "plannedend", "deadline", "duedate",
					    "tanggaltarget", "bataswaktu", NULL};
	char key[128];
	hdr_key(h, key, sizeof key);
	const char *k = strncmp(key, "case:", 5) == 0 ? key + 5 : key;
	for (int i = 0; names[i]; i++)
		if (strcmp(k, names[i]) == 0)
			return 1;
	return 0;
}

/*
 * The column that orders a case's events whose stamps are equal: Celonis'
 * activity table writes _SORTING (an integer) beside EVENTTIME, which
 * often repeats (the steps a clerk closes at once), and its exports are
 * not always sorted by it.  Kept as an event attribute as before and also
 * stored as events.sorting (schema 11), which the readers order by after
 * the time and before the file order.  PM4Py's @@index / @@event_index
 * is the file's own order already: nothing to follow.
 */
static int sorting_name(const char *h)
{
	char key[32];
	hdr_key(h, key, sizeof key);
	return strcmp(key, "sorting") == 0;
}

/* A sorting cell: a whole number of at most 18 digits, blanks around it
 * allowed, and a fraction of zeros after it: pandas writes a whole-number
 * column with gaps as floats ("10.0": a Celonis table pulled with
 * PyCelonis and saved with to_csv, its _SORTING NULL on some rows);
 * before field round 11 every such cell was no number and the column
 * ordered nothing.  1 and *v, else 0 (the event then has none: file
 * order). */
static int sorting_value(const char *s, size_t n, int64_t *v)
{
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	const char *dot = memchr(s, '.', n);
	if (dot) {
		size_t k = (size_t)(dot - s) + 1;
		if (k == n)
			return 0;
		for (size_t i = k; i < n; i++)
			if (s[i] != '0')
				return 0;
		n = k - 1;
	}
	int neg = n && *s == '-';
	if (neg)
		s++, n--;
	if (n == 0 || n > 18)
		return 0;
	int64_t x = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		x = x * 10 + (s[i] - '0');
	}
	*v = neg ? -x : x;
	return 1;
}

/* Case-level attributes under a common name (docs/store.md). */
static const struct { const char *col, *attr; } case_attr_names[] = {
	{"submitted", "submitted"}, {"tgl_pengajuan", "submitted"},
	{"tanggal_pengajuan", "submitted"}, {"tgl_permohonan", "submitted"},
	{"tanggal_permohonan", "submitted"}, {"tgl_daftar", "submitted"},
	{"decided", "decided"}, {"tgl_penetapan", "decided"}, {"tanggal_penetapan", "decided"},
	{"tgl_terbit", "decided"}, {"tanggal_terbit", "decided"},
	{"deadline", "deadline"}, {"enddate_planned", "enddate_planned"},
};

/*
 * Personal data an analytics store has no use for (domain.md; UU 27/2022
 * on personal data protection).  A header is cut into lower-case words at
 * every non-alphanumeric byte ("No. HP" -> no, hp); it is personal when a
 * word (or a pair of words) names an identity number, a contact, an
 * address, a birth date or a person's name.  The name words "nama"/"name"
 * are personal unless another word says what is named is not a person
 * (nama_proses, nama_izin, step_name, nama_perusahaan ...): a permit log
 * names processes and permits far more often than people, and those
 * columns are what reports group by.  When in doubt a column is dropped:
 * --drop-col can add columns but a dropped name is never stored.
 */
static int personal_name(const char *name)
{
	static const char *const words[] = {
		/* identity numbers: NIK, KTP, KK, NPWP, passport, KITAS */
		"nik", "ktp", "nkk", "kk", "kependudukan", "npwp", "paspor", "passport", "kitas",
		"kitap", "ssn",
		/* contact */
		"telp", "telepon", "tlp", "tel", "phone", "hp", "handphone", "ponsel", "mobile",
		"wa", "whatsapp", "kontak", "contact", "email", "surel", "fax", "faks",
		/* address */
		"alamat", "address", "domisili", "rt", "rw", "kodepos", "zip",
		/* birth, family */
		"lahir", "birth", "birthday", "dob", "ttl", "kandung", NULL};
	/* pairs: "nomor induk" (kependudukan), "e mail", "kode pos", "no id" */
	static const char *const pairs[][2] = {
		{"nomor", "induk"}, {"no", "induk"}, {"e", "mail"}, {"kode", "pos"},
		{"postal", "code"}, {"no", "identitas"}, {"nomor", "identitas"}, {NULL, NULL}};
	/* what a name column may name that is not a person */
	static const char *const not_person[] = {
		"proses", "process", "izin", "ijin", "perizinan", "permit", "license", "licence",
		"layanan", "service", "kegiatan", "activity", "aktivitas", "langkah", "step",
		"tahap", "stage", "task", "tugas", "jenis", "type", "sop", "dokumen", "document",
		"berkas", "file", "instansi", "dinas", "opd", "unit", "bidang", "seksi", "bagian",
		"department", "dept", "kantor", "office", "usaha", "perusahaan", "company", "badan",
		"organisasi", "organization", "lembaga", "yayasan", "produk", "product",
		"bangunan", "gedung", "proyek", "project", "lokasi", "wilayah", "kecamatan",
		"kelurahan", "desa", "kabupaten", "kota", "provinsi", "status", "event", "concept",
		"sektor", "kbli", "reklame", "sk", "surat", "formulir", "form", "lampiran", NULL};
	char tok[16][32];
	size_t nt = 0;
	const char *p = name;
	while (*p && nt < 16) {
		size_t n = 0;
		while (*p && !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			       (*p >= '0' && *p <= '9')))
			p++;
		while (*p && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			      (*p >= '0' && *p <= '9'))) {
			if (n + 1 < sizeof tok[0])
				tok[nt][n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
			p++;
		}
		tok[nt][n] = '\0';
		if (n)
			nt++;
	}
	int named = 0, thing = 0;
	for (size_t t = 0; t < nt; t++) {
		for (int i = 0; words[i]; i++)
			if (strcmp(tok[t], words[i]) == 0)
				return 1;
		/* run-together forms: nohp, notelp, emailpemohon, alamatrumah */
		if (strstr(tok[t], "phone") || strstr(tok[t], "alamat") || strstr(tok[t], "telepon") ||
		    strstr(tok[t], "email") || strstr(tok[t], "whatsapp") ||
		    strncmp(tok[t], "nohp", 4) == 0 || strncmp(tok[t], "notel", 5) == 0 ||
		    strncmp(tok[t], "tgllahir", 8) == 0)
			return 1;
		if (t + 1 < nt)
			for (int i = 0; pairs[i][0]; i++)
				if (strcmp(tok[t], pairs[i][0]) == 0 && strcmp(tok[t + 1], pairs[i][1]) == 0)
					return 1;
		/* a person's name: "nama", "pemohon" (the applicant), "applicant" */
		if (strcmp(tok[t], "nama") == 0 || strcmp(tok[t], "name") == 0 ||
		    strcmp(tok[t], "fullname") == 0 || strcmp(tok[t], "namalengkap") == 0 ||
		    strcmp(tok[t], "namapemohon") == 0 || strcmp(tok[t], "pemohon") == 0 ||
		    strcmp(tok[t], "applicant") == 0 || strcmp(tok[t], "pemilik") == 0 ||
		    strcmp(tok[t], "owner") == 0)
			named = 1;
		else
			for (int i = 0; not_person[i]; i++)
				if (strcmp(tok[t], not_person[i]) == 0)
					thing = 1;
	}
	return named && !thing;
}

/* ---------------------------------------------------------------- helpers */

/* The high bits of 32 bytes at p that are not 0x01-0x7F: (w - lo) | w
 * has no high bit set only when every byte is one (a zero byte borrows
 * to 0xFF, a byte >= 0x80 has it already; with neither, nothing
 * borrows).  0 for 32 bytes of ASCII text without a NUL. */
static uint64_t not_text32(const unsigned char *p)
{
	const uint64_t hi = 0x8080808080808080ULL, lo = 0x0101010101010101ULL;
	uint64_t w[4];
	memcpy(w, p, 32);
	return (((w[0] - lo) | w[0]) | ((w[1] - lo) | w[1]) | ((w[2] - lo) | w[2]) |
		((w[3] - lo) | w[3])) & hi;
}

/* 32 bytes at p: 1 all ASCII and none zero, -1 all ASCII with a zero,
 * 0 a byte >= 0x80 among them. */
static int ascii32(const unsigned char *p)
{
	const uint64_t hi = 0x8080808080808080ULL, lo = 0x0101010101010101ULL;
	if (!not_text32(p))
		return 1;
	uint64_t w[4];
	memcpy(w, p, 32);
	if ((w[0] | w[1] | w[2] | w[3]) & hi)
		return 0;
	if ((((w[0] - lo) & ~w[0]) | ((w[1] - lo) & ~w[1]) | ((w[2] - lo) & ~w[2]) |
	     ((w[3] - lo) & ~w[3])) & hi)
		return -1;
	return 1;
}

/* UTF-8 well-formedness (no overlongs, no surrogates, <= U+10FFFF), NUL
 * refused: text logs never hold one. */
static int utf8_ok(const unsigned char *s, size_t n)
{
	/* the common line, ASCII text of 32 bytes or more: one pass with a
	 * single test per 32 bytes, the last 32 read to the end (issue 14);
	 * any other line is read by the loop below from its start */
	if (n >= 32) {
		uint64_t bad = not_text32(s + n - 32);
		for (size_t j = 0; j + 32 <= n; j += 32)
			bad |= not_text32(s + j);
		if (!bad)
			return 1;
	}
	size_t i = 0;
	while (i < n) {
		/* fast path: 32 ASCII bytes at a time; the end of the line as
		 * the 32 bytes before its end (those before i are valid UTF-8
		 * without a NUL already, so this window says the same of the
		 * rest), not one byte per round of this loop */
		int a;
		while (n >= 32 && i < n && (a = ascii32(s + (i + 32 <= n ? i : n - 32))) != 0) {
			if (a < 0)
				return 0;
			i = i + 32 <= n ? i + 32 : n;
		}
		if (i >= n)
			break;
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			/* a zero byte inside the word */
			if ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL)
				return 0;
			i += 8;
		}
		if (i >= n)
			break;
		unsigned c = s[i];
		if (c == 0)
			return 0;
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t k;
		unsigned min;
		uint32_t cp;
		if (c >= 0xC2 && c <= 0xDF) {
			k = 1, min = 0x80, cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			k = 2, min = 0x800, cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			k = 3, min = 0x10000, cp = c & 0x07;
		} else {
			return 0;
		}
		for (size_t j = 1; j <= k; j++) {
			if (i + j >= n || (s[i + j] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + j] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += k + 1;
	}
	return 1;
}

/* Lower-case, blanks collapsed, trimmed: how activities and names compare. */
static void normalize(const char *s, size_t n, struct mutu_buf *out)
{
	mutu_buf_reset(out);
	int space = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '_') {
			space = out->len > 0;
			continue;
		}
		if (space)
			mutu_buf_putc(out, ' ');
		space = 0;
		mutu_buf_putc(out, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
	}
}

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = mutu_fnv1a(s, n);
	return h ^ (h >> 29);
}

static int parse_int(const char *s, size_t n, int *out)
{
	while (n && s[n - 1] == ' ')
		n--;
	while (n && *s == ' ')
		s++, n--;
	/* "3", "3.", "03" */
	if (n && s[n - 1] == '.')
		n--;
	if (!n || n > 6)
		return -1;
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

/* ---------------------------------------------------------------- reader */

struct field {
	uint32_t off, len;
};

struct rec {
	const char *buf;         /* field bytes, each NUL-terminated */
	const struct field *f;
	size_t nf;
	int64_t line;            /* first physical line */
	const char *raw;         /* the record as written, without the final newline */
	size_t rawlen;
	int multiline, badutf8, unterminated, broken;
	int blank;               /* a line of only blanks: no fields */
	int toolong;             /* a line over ELOG_MAX_RECORD: no fields, raw is its start */
	uint64_t nbytes;         /* toolong: the line's length, line end excluded */
	int nlines;
	int ts_nokey;            /* XES: the event has no time stamp key (elog_row.ts_nokey) */
};

/*
 * A row rewritten with some cells filled in (fill_down, fill_date): the
 * row's fields and bytes copied into storage the reader owns, then each
 * filled cell appended and pointed at.  Zeroed is empty; row_copy_release
 * frees it.
 */
struct row_copy {
	struct field *f;
	size_t cap;
	struct mutu_buf buf;
};

static void row_copy_begin(struct row_copy *rc, const struct rec *r)
{
	size_t end = 0;
	for (size_t i = 0; i < r->nf; i++)
		if (r->f[i].off + r->f[i].len + 1 > end)
			end = r->f[i].off + r->f[i].len + 1;
	if (rc->cap < r->nf) {
		rc->f = mutu_realloc(rc->f, r->nf * sizeof *rc->f);
		rc->cap = r->nf;
	}
	memcpy(rc->f, r->f, r->nf * sizeof *r->f);
	mutu_buf_reset(&rc->buf);
	mutu_buf_add(&rc->buf, r->buf, end);
}

/* cell col of the copy: the n bytes at v */
static void row_copy_set(struct row_copy *rc, int col, const char *v, size_t n)
{
	rc->f[col].off = (uint32_t)rc->buf.len;
	rc->f[col].len = (uint32_t)n;
	mutu_buf_add(&rc->buf, v, n);
	mutu_buf_putc(&rc->buf, '\0');
}

/* *copy: r with the copy's cells; returns copy */
static const struct rec *row_copy_done(const struct row_copy *rc, const struct rec *r, struct rec *copy)
{
	*copy = *r;
	copy->buf = rc->buf.s;
	copy->f = rc->f;
	return copy;
}

static void row_copy_release(struct row_copy *rc)
{
	free(rc->f);
	mutu_buf_release(&rc->buf);
}

struct reader {
	struct csv_parser csv;
	unsigned char sep;
	struct mutu_buf fbuf;
	struct field *f;
	size_t nf, fcap;
	struct mutu_buf raw;
	/* the record's raw text where it stands in the read block, instead
	 * of raw, while split_line's record is handed on (feed_line): NULL
	 * otherwise */
	const char *line_raw;
	size_t line_rawlen;
	int64_t rec_line;
	int rec_lines;
	int badutf8, recover, unterminated;
	int64_t line;        /* number of the next physical line */
	size_t expect_nf;    /* header's field count, once known */
	size_t expect_min;   /* and without its trailing empty cells (fit_width) */
	int (*on_rec)(void *ctx, const struct rec *r);
	void *ctx;
	int stop;            /* set by on_rec: stop reading (probe done or error) */
	uint64_t bytes;
	struct elog_sha *sha; /* NULL, or every byte read is hashed into it */
	int eof;             /* read to the end of the file */
	uint64_t empty_lines; /* lines with nothing at all (not rows) */
	/* a line over ELOG_MAX_RECORD being skipped: only its start is kept */
	int skipping;
	uint64_t skip_bytes;
	struct mutu_buf skip_head;
	int skip_sep_line;   /* the file opens with Excel's "sep=;" line: skip it */
	int skip_lines;      /* then this many title lines above the header */
	uint64_t excel_text; /* fields written ="..." (excel_text) */
};

static int space_only(unsigned char c) { return c == ' '; }

/*
 * A lone CR (not followed by LF) inside a record is part of its field, not
 * a line end: libcsv's default ends a record at CR as well as LF, which cut
 * such a row in two, both halves under one line number and the second with
 * no raw text.  Lines are cut at LF only (feed_line), so LF alone ends a
 * record; the CR of a CRLF line end is held back by feed_line and given to
 * libcsv only inside a quoted field (where it has always been kept, as
 * written).  A CR then reaches a field as data: a timestamp with one is a
 * bad timestamp, an activity's CR compares as a blank (normalize).
 */
static int lf_only(unsigned char c) { return c == '\n'; }

static void reader_csv_init(struct reader *r)
{
	csv_init(&r->csv, 0);
	csv_set_delim(&r->csv, r->sep);
	/* libcsv trims blanks and tabs around unquoted fields; with a tab
	 * separator only blanks may be trimmed. */
	csv_set_space_func(&r->csv, r->sep == '\t' ? space_only : NULL);
	csv_set_blk_size(&r->csv, 256);
	csv_set_term_func(&r->csv, lf_only);
}

static void reader_init(struct reader *r, unsigned char sep)
{
	memset(r, 0, sizeof *r);
	r->sep = sep;
	reader_csv_init(r);
	mutu_buf_init(&r->fbuf);
	mutu_buf_init(&r->raw);
	mutu_buf_init(&r->skip_head);
	r->line = 1;
}

static void reader_release(struct reader *r)
{
	csv_free(&r->csv);
	mutu_buf_release(&r->fbuf);
	mutu_buf_release(&r->raw);
	mutu_buf_release(&r->skip_head);
	free(r->f);
}

/*
 * The invisible characters a value copied through Excel or a web page
 * carries at its ends: U+00A0 (no-break space), U+200B (zero-width space),
 * U+2060 (word joiner), U+FEFF (a byte order mark inside a field).  libcsv
 * trims only ASCII blanks, so '\xa0C1\xa0' was another case than 'C1',
 * an activity another activity and a stamp a bad stamp.  Returns the
 * character's length at p (from the front, or ending at p when back).
 */
static size_t invisible_at(const unsigned char *s, size_t len, int back)
{
	static const char *const cs[] = {"\xc2\xa0", "\xe2\x80\x8b", "\xe2\x81\xa0",
					  "\xef\xbb\xbf"};
	for (size_t i = 0; i < sizeof cs / sizeof cs[0]; i++) {
		size_t k = strlen(cs[i]);
		if (len >= k && memcmp(back ? s + len - k : s, cs[i], k) == 0)
			return k;
	}
	return 0;
}

/* Strips those characters, and the blanks between them and the value,
 * from both ends; a field without one at an end is left as it is (a
 * quoted field keeps its blanks, as libcsv gives them). */
static void trim_invisible(const char **s, size_t *len)
{
	const unsigned char *p = (const unsigned char *)*s;
	size_t n = *len, k;
	if (!n || (!invisible_at(p, n, 0) && !invisible_at(p, n, 1)))
		return;
	for (;;) {
		if (n && *p == ' ')
			p++, n--;
		else if ((k = invisible_at(p, n, 0)) != 0)
			p += k, n -= k;
		else
			break;
	}
	for (;;) {
		if (n && p[n - 1] == ' ')
			n--;
		else if ((k = invisible_at(p, n, 1)) != 0)
			n -= k;
		else
			break;
	}
	*s = (const char *)p;
	*len = n;
}

/*
 * A case id Excel cut: a nomor of many digits (a nomor registrasi of 12 or
 * more, a NIK of 16) in a cell Excel holds as a number in General format
 * is shown, and saved to CSV, as the display: "5,03202E+11" (id-ID),
 * "5.03202E+11", "5E+11": six significant digits, the rest lost.  Distinct
 * berkas then share one text and would be read as one case, their steps
 * mixed (field round 14; before, they were, without a word).  A digit, an
 * optional fraction after '.' or ',', 'E+' and the exponent's digits: no
 * nomor is written so.
 */
static int excel_sci(const char *v, size_t n)
{
	size_t i = 0;
	if (n < 4 || v[0] < '0' || v[0] > '9')
		return 0;
	i = 1;
	if (v[i] == '.' || v[i] == ',') {
		size_t d0 = ++i;
		while (i < n && v[i] >= '0' && v[i] <= '9')
			i++;
		if (i == d0 || i - d0 > 14)
			return 0;
	}
	if (i + 2 >= n || (v[i] != 'E' && v[i] != 'e') || v[i + 1] != '+')
		return 0;
	size_t e0 = i += 2;
	while (i < n && v[i] >= '0' && v[i] <= '9')
		i++;
	return i == n && i - e0 <= 3;
}

/*
 * Excel's text formula: a web application's CSV export writes ="000123"
 * (and ="2025-07-21 08:15") so that Excel opens the cell as the text
 * inside and keeps its leading zeros: a SiCANTIK-style nomor registrasi,
 * a NIK.  The value is that text.  Before (field round 11) the case key
 * was '="000123"', another berkas than the '000123' the same office's
 * Excel-saved export of the next month gives, and `audit --case 000123`
 * found nothing; a stamp so written was a bad stamp.  Only the whole
 * form, with no other quote inside, is taken ("=A1+1" and '="a"&"b"'
 * stay as written).  Returns 1 when it unwrapped.
 */
static int excel_text(const char **s, size_t *len)
{
	const char *v = *s;
	size_t n = *len;
	if (n < 3 || v[0] != '=' || v[1] != '"' || v[n - 1] != '"' ||
	    memchr(v + 2, '"', n - 3))
		return 0;
	*s = v + 2;
	*len = n - 3;
	return 1;
}

/* A field trim_field_at would leave as it is: empty, or no byte of an
 * invisible character at either end and no leading '='.  The byte test
 * split_line makes on each field it copies, which keeps the common field
 * cheap. */
static int field_plain(const unsigned char *b, size_t n)
{
	return !n || (b[0] < 0xC2 && b[0] != '=' && b[n - 1] < 0x80);
}

/* trim_invisible and excel_text on the field split_line has just copied,
 * in place (the last one in fbuf); only for a field not field_plain. */
static void trim_field_at(struct reader *r, size_t i)
{
	struct field *f = &r->f[i];
	const char *v = r->fbuf.s + f->off;
	size_t n = f->len;
	trim_invisible(&v, &n);
	if (excel_text(&v, &n)) {
		r->excel_text++;
		trim_invisible(&v, &n);
	}
	memmove(r->fbuf.s + f->off, v, n);
	f->len = (uint32_t)n;
	r->fbuf.len = f->off + n;
}

static void cb_field(void *s, size_t len, void *data)
{
	struct reader *r = data;
	const char *v = s ? s : "";
	if (!s)
		len = 0;
	trim_invisible(&v, &len);
	if (excel_text(&v, &len)) {
		r->excel_text++;
		trim_invisible(&v, &len);
	}
	if (r->nf == r->fcap) {
		r->fcap = r->fcap ? 2 * r->fcap : 32;
		r->f = mutu_realloc(r->f, r->fcap * sizeof *r->f);
	}
	r->f[r->nf].off = (uint32_t)r->fbuf.len;
	r->f[r->nf].len = (uint32_t)len;
	r->nf++;
	mutu_buf_add(&r->fbuf, v, len);
	mutu_buf_putc(&r->fbuf, '\0');
}

static void emit(struct reader *r, int broken)
{
	struct rec rec;
	rec.blank = 0;
	rec.toolong = 0;
	rec.nbytes = 0;
	rec.ts_nokey = 0;
	size_t rl = r->line_raw ? r->line_rawlen : r->raw.len;
	const char *raw = r->line_raw ? r->line_raw : r->raw.s;
	if (broken) { /* only the first line of the swallowed record */
		const char *nl = memchr(raw, '\n', rl);
		if (nl)
			rl = (size_t)(nl - raw);
	}
	while (rl && (raw[rl - 1] == '\n' || raw[rl - 1] == '\r'))
		rl--;
	rec.buf = r->fbuf.s;
	rec.f = r->f;
	rec.nf = r->nf;
	rec.line = r->rec_line;
	rec.raw = raw;
	rec.rawlen = rl;
	rec.multiline = r->rec_lines > 0;
	rec.nlines = r->rec_lines + 1;
	rec.badutf8 = r->badutf8;
	rec.unterminated = r->unterminated;
	rec.broken = broken;
	if (!r->stop && r->on_rec(r->ctx, &rec))
		r->stop = 1;
}

/* A multi-line record of a width fit_width reads: the header's, or
 * short of trailing empty header cells, or with empty cells past it. */
static int width_fits(const struct reader *r)
{
	if (r->nf < (r->expect_min ? r->expect_min : r->expect_nf))
		return 0;
	for (size_t i = r->expect_nf; i < r->nf; i++)
		if (r->f[i].len)
			return 0;
	return 1;
}

static void cb_record(int c, void *data)
{
	(void)c;
	struct reader *r = data;
	if (r->recover)
		return;
	if (r->rec_lines > 0 && r->expect_nf && !width_fits(r)) {
		r->recover = 1; /* a quote swallowed lines: repair after csv_parse returns */
		return;
	}
	emit(r, 0);
	r->nf = 0;
	mutu_buf_reset(&r->fbuf);
	mutu_buf_reset(&r->raw);
	r->rec_lines = -1; /* no record open */
	r->badutf8 = 0;
}

static void feed_line(struct reader *r, const char *p, size_t n);

/* libcsv's blanks around a field (reader_csv_init): blank and tab, or
 * only blank when tab is the separator. */
static int sep_blank(unsigned char sep, unsigned char c)
{
	return c == ' ' || (c == '\t' && sep != '\t');
}

/*
 * A whole line (its line end cut off) split into fields exactly as the
 * libcsv setup of reader_csv_init splits it, without libcsv's two
 * function-pointer calls per byte (csv_parse and lf_only were ~17% of a
 * 1M-event ingest's CPU, on the thread that limits it; memchr jumps from
 * separator to separator).  The forms taken: unquoted fields (blanks
 * around them trimmed, no quote inside) and quoted fields closed on the
 * same line ("" a quote, blanks around the quotes dropped).  Anything
 * else -- a quote left open, text after a closing quote, a quote inside
 * an unquoted field, a line of only blanks (no row to libcsv) -- returns
 * 0 with nothing written, and libcsv reads the line as before.
 * tests/unit/test_elog.c holds lines of each form, split by hand.
 *
 * The separator, the field array, the count and the buffer's length are
 * held in locals and stored once at the end: written through r, each
 * byte store into the buffer (a char, which may alias anything) made the
 * compiler load them all again (issue 14).
 */
static int split_line(struct reader *r, const char *p, size_t n)
{
	const char *e = p + n, *q = p;
	const unsigned char sep = r->sep;
	while (q < e && sep_blank(sep, (unsigned char)*q))
		q++;
	if (q == e)
		return 0;
	/* room for the whole line plus one NUL per field (at most n + 1
	 * fields) up front: the copies below need no growth check */
	struct mutu_buf *fb = &r->fbuf;
	if (!fb->s || fb->len + 2 * n + 3 > fb->cap) {
		size_t cap = fb->cap ? fb->cap : 256;
		while (cap < fb->len + 2 * n + 3)
			cap *= 2;
		fb->s = mutu_realloc(fb->s, cap);
		fb->cap = cap;
	}
	char *out = fb->s;
	size_t len = fb->len, nf = r->nf;
	struct field *f = r->f;
	/* the next quote at or after p (NULL: none left), so an unquoted
	 * field is checked for one without a search of its own */
	const char *nq = memchr(p, '"', n);
	for (;;) {
		while (p < e && sep_blank(sep, (unsigned char)*p))
			p++;
		if (nf == r->fcap) {
			r->fcap = r->fcap ? 2 * r->fcap : 32;
			r->f = f = mutu_realloc(f, r->fcap * sizeof *f);
		}
		size_t off = len;
		if (p < e && *p == '"') {
			p++;
			for (;;) {
				const char *qt = memchr(p, '"', (size_t)(e - p));
				if (!qt)
					goto other;
				memcpy(out + len, p, (size_t)(qt - p));
				len += (size_t)(qt - p);
				p = qt + 1;
				if (p < e && *p == '"') {
					out[len++] = '"';
					p++;
					continue;
				}
				break;
			}
			while (p < e && sep_blank(sep, (unsigned char)*p))
				p++;
			if (p < e && (unsigned char)*p != sep)
				goto other;
			nq = memchr(p, '"', (size_t)(e - p));
		} else {
			const char *d = memchr(p, sep, (size_t)(e - p));
			const char *fe = d ? d : e;
			if (nq && nq < fe)
				goto other;
			const char *t = fe;
			while (t > p && sep_blank(sep, (unsigned char)t[-1]))
				t--;
			memcpy(out + len, p, (size_t)(t - p));
			len += (size_t)(t - p);
			p = fe;
		}
		f[nf].off = (uint32_t)off;
		f[nf].len = (uint32_t)(len - off);
		if (!field_plain((const unsigned char *)out + off, len - off)) {
			fb->len = len;
			trim_field_at(r, nf);
			len = fb->len;
		}
		nf++;
		out[len++] = '\0';
		out[len] = '\0';
		if (p == e) {
			fb->len = len;
			r->nf = nf;
			return 1;
		}
		p++; /* the separator */
		if (nq && nq < p) /* a separator '"' ("sep=" line) */
			nq = memchr(p, '"', (size_t)(e - p));
	}
other:
	r->nf = 0;
	mutu_buf_reset(&r->fbuf);
	return 0;
}

/* Reject the first line of the open record, parse the rest again. */
static void recover(struct reader *r)
{
	emit(r, 1);
	const char *nl = memchr(r->raw.s, '\n', r->raw.len);
	size_t restlen = nl ? r->raw.len - (size_t)(nl + 1 - r->raw.s) : 0;
	char *rest = restlen ? mutu_strndup(nl + 1, restlen) : NULL;
	csv_free(&r->csv);
	reader_csv_init(r);
	r->nf = 0;
	mutu_buf_reset(&r->fbuf);
	mutu_buf_reset(&r->raw);
	r->recover = 0;
	r->rec_lines = -1;
	r->badutf8 = 0;
	int64_t end_line = r->line;
	r->line = r->rec_line + 1;
	size_t i = 0;
	while (i < restlen && !r->stop) {
		const char *e = memchr(rest + i, '\n', restlen - i);
		size_t k = e ? (size_t)(e + 1 - (rest + i)) : restlen - i;
		feed_line(r, rest + i, k);
		i += k;
	}
	free(rest);
	if (!r->stop && r->line != end_line)
		r->line = end_line; /* a last line without newline: keep the count */
}

static void feed_line(struct reader *r, const char *p, size_t n)
{
	if (r->rec_lines < 0 || r->raw.len == 0) {
		r->rec_line = r->line;
		r->rec_lines = 0;
		r->badutf8 = 0;
	} else {
		r->rec_lines++;
	}
	if (!utf8_ok((const unsigned char *)p, n))
		r->badutf8 = 1;
	/* The line's end: "\r\n" (or a last line's "\r") is a line end outside
	 * quotes and data inside them; see lf_only. */
	size_t body = n, crlf = 0;
	if (body && p[body - 1] == '\n')
		body--;
	if (body && p[body - 1] == '\r') {
		body--;
		crlf = 1;
	}
	/* a line that starts a record and ends with its line end: the
	 * fast split when it can (split_line), as one record; its raw text
	 * is the line in the read block, not copied to raw (a copy of every
	 * line of the log, issue 14) */
	int fast = r->rec_lines == 0 && r->csv.pstate == 0 && n && p[n - 1] == '\n';
	int held = r->raw.len > 0;
	if (fast && !held && split_line(r, p, body)) {
		r->line++;
		r->line_raw = p;
		r->line_rawlen = n;
		cb_record('\n', r);
		r->line_raw = NULL;
		return;
	}
	mutu_buf_add(&r->raw, p, n);
	if (fast && held && split_line(r, p, body)) {
		r->line++;
		cb_record('\n', r);
		return;
	}
	csv_parse(&r->csv, p, body, cb_field, cb_record, r);
	if (crlf && r->csv.pstate == 2 && r->csv.quoted)
		csv_parse(&r->csv, p + body, n - body, cb_field, cb_record, r);
	else if (body + crlf < n)
		csv_parse(&r->csv, "\n", 1, cb_field, cb_record, r);
	if (n && p[n - 1] == '\n')
		r->line++;
	if (r->csv.pstate == 0 && !r->recover) {
		/*
		 * Nothing open.  When the line ended a record, cb_record emptied
		 * raw; when raw still holds the line, libcsv found no field in it.
		 * An empty line is not a row (counted, so the summary can say it
		 * was skipped); a line of blanks is a row that lost its fields:
		 * it is rejected as "blank row", so rows read still counts it.
		 */
		size_t k = r->raw.len;
		while (k && (r->raw.s[k - 1] == '\n' || r->raw.s[k - 1] == '\r'))
			k--;
		if (k) {
			r->nf = 0;
			mutu_buf_reset(&r->fbuf);
			struct rec rec;
			memset(&rec, 0, sizeof rec);
			rec.buf = "";
			rec.f = r->f;
			rec.line = r->rec_line;
			rec.raw = r->raw.s;
			rec.rawlen = k;
			rec.nlines = 1;
			rec.blank = 1;
			rec.badutf8 = r->badutf8;
			if (!r->stop && r->on_rec(r->ctx, &rec))
				r->stop = 1;
		} else if (r->raw.len) {
			r->empty_lines++;
		}
		mutu_buf_reset(&r->raw);
		r->rec_lines = -1;
		r->nf = 0;
		mutu_buf_reset(&r->fbuf);
		return;
	}
	if (r->recover || r->rec_lines >= MAX_REC_LINES || r->raw.len > MAX_REC_BYTES)
		recover(r);
}

/* End of input: repair open multi-line records, then flush the last one. */
static void reader_finish(struct reader *r)
{
	while (!r->stop && r->csv.pstate != 0 && r->rec_lines > 0 && r->csv.quoted)
		recover(r);
	if (r->stop)
		return;
	if (r->csv.pstate == 2 && r->csv.quoted)
		r->unterminated = 1;
	csv_fini(&r->csv, cb_field, cb_record, r);
	if (r->recover && !r->stop)
		recover(r);
	r->unterminated = 0;
}

/*
 * A physical line longer than ELOG_MAX_RECORD: it is never buffered whole.
 * long_line_start keeps its first LONG_RAW_KEEP bytes and drops the rest
 * as the reader meets it; long_line_done (at its line end, or the end of
 * the file) hands on_rec one record flagged toolong, with the line's
 * number and length, so it is rejected and counted like any bad row, and
 * the ingest goes on with the next line.  A record left open by a quote
 * before it is closed first (its first line rejected as broken quoting,
 * the lines after it read again), as at the end of the file.
 */
static void long_line_start(struct reader *r, struct mutu_buf *carry, const char *p, size_t n)
{
	r->skipping = 1;
	r->skip_bytes = carry->len + n;
	mutu_buf_reset(&r->skip_head);
	size_t k = carry->len < LONG_RAW_KEEP ? carry->len : LONG_RAW_KEEP;
	mutu_buf_add(&r->skip_head, carry->s ? carry->s : "", k);
	if (k < LONG_RAW_KEEP)
		mutu_buf_add(&r->skip_head, p, n < LONG_RAW_KEEP - k ? n : LONG_RAW_KEEP - k);
	mutu_buf_reset(carry);
}

static void long_line_done(struct reader *r, int newline)
{
	while (!r->stop && r->raw.len)
		recover(r);
	r->skipping = 0;
	if (r->stop)
		return;
	/* cut the kept start at a character boundary: it is stored as text */
	size_t k = r->skip_head.len;
	const unsigned char *h = (const unsigned char *)r->skip_head.s;
	size_t back = 0;
	while (back < 4 && back < k && (h[k - 1 - back] & 0xC0) == 0x80)
		back++;
	if (back < k && h[k - 1 - back] >= 0xC0) {
		unsigned c = h[k - 1 - back];
		size_t need = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
		if (back < need)
			k -= back + 1;
	}
	struct rec rec;
	memset(&rec, 0, sizeof rec);
	rec.buf = "";
	rec.f = r->f;
	rec.line = r->line;
	rec.raw = k ? r->skip_head.s : "";
	rec.rawlen = k;
	rec.nlines = 1;
	rec.toolong = 1;
	rec.nbytes = r->skip_bytes;
	rec.badutf8 = !utf8_ok((const unsigned char *)rec.raw, rec.rawlen);
	if (r->on_rec(r->ctx, &rec))
		r->stop = 1;
	if (newline)
		r->line++;
	mutu_buf_reset(&r->skip_head);
}

/*
 * Excel's "sep=;" first line (written by Excel's "CSV (Macintosh)" and many
 * export scripts so that Excel opens the file split at ';' whatever the
 * locale) names the separator: "sep=" and one byte, then the line end.
 * Returns the line's length with its end (0: no such line) and the byte in
 * *sep.  Before, it was read as the header: "no case id column (... header:
 * sep=,)".
 */
static size_t sep_line(const char *p, size_t n, unsigned char *sep)
{
	if (n < 6 || mutu_strncasecmp(p, "sep=", 4) != 0 || p[4] == '\n' || p[4] == '\r')
		return 0;
	size_t k = 5;
	if (k < n && p[k] == '\r')
		k++;
	if (k >= n || p[k] != '\n')
		return 0;
	if (sep)
		*sep = (unsigned char)p[4];
	return k + 1;
}

/*
 * Read fd to the end (or until on_rec stops it), feeding lines.  Returns 0
 * or MUTU_EFAIL.
 */
static int reader_run(struct reader *r, int fd, const char *path,
		      elog_progress_fn progress, void *pctx, uint64_t total, struct mutu_err *err)
{
	char *blk = mutu_malloc(BLOCK);
	struct mutu_buf carry;
	mutu_buf_init(&carry);
	int first = 1, rc = 0;
	uint64_t next_progress = 8u << 20;
	while (!r->stop) {
		ssize_t k = read(fd, blk, BLOCK);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			rc = mutu_errf(err, MUTU_EFAIL, "%s: read error: %s", path, strerror(errno));
			break;
		}
		if (k == 0) {
			r->eof = 1;
			break;
		}
		if (r->sha)
			elog_sha_update(r->sha, blk, (size_t)k);
		const char *p = blk, *e = blk + k;
		r->bytes += (uint64_t)k;
		if (first && k >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
			p += 3; /* UTF-8 BOM */
		if (first && r->skip_sep_line) {
			p += sep_line(p, (size_t)(e - p), NULL); /* not a row: its line counts */
			r->line++;
		}
		for (int i = 0; first && i < r->skip_lines; i++) { /* title lines, counted */
			const char *nl = memchr(p, '\n', (size_t)(e - p));
			if (!nl)
				break;
			p = nl + 1;
			r->line++;
		}
		first = 0;
		while (p < e && !r->stop) {
			const char *nl = memchr(p, '\n', (size_t)(e - p));
			if (r->skipping) {
				/* inside an over-long line: count it, keep nothing */
				size_t n = nl ? (size_t)(nl + 1 - p) : (size_t)(e - p);
				r->skip_bytes += n;
				p += n;
				if (nl)
					long_line_done(r, 1);
				continue;
			}
			size_t n = nl ? (size_t)(nl + 1 - p) : (size_t)(e - p);
			if (carry.len + n - (nl != NULL) > ELOG_MAX_RECORD) {
				/* over the limit: keep its start for the rejected row,
				 * drop the rest of it as it is read */
				long_line_start(r, &carry, p, n);
				p += n;
				if (nl) {
					r->skip_bytes--; /* the line end is not part of it */
					long_line_done(r, 1);
				}
				continue;
			}
			if (!nl) {
				mutu_buf_add(&carry, p, (size_t)(e - p));
				break;
			}
			if (carry.len) {
				mutu_buf_add(&carry, p, n);
				feed_line(r, carry.s, carry.len);
				mutu_buf_reset(&carry);
			} else {
				feed_line(r, p, n);
			}
			p = nl + 1;
		}
		if (progress && r->bytes >= next_progress) {
			progress(pctx, r->bytes, total, (uint64_t)r->line);
			next_progress = r->bytes + (8u << 20);
		}
	}
	if (!rc && !r->stop) {
		if (r->skipping)
			long_line_done(r, 0);
		else if (carry.len)
			feed_line(r, carry.s, carry.len);
		if (!r->stop)
			reader_finish(r);
	}
	mutu_buf_release(&carry);
	free(blk);
	return rc;
}

/* ---------------------------------------------------------------- models */

struct actcache {
	uint64_t h;
	char *key; /* owned, raw activity bytes */
	size_t len;
	int step;  /* 0: not a step of the model */
};

struct sopent {
	char *key;               /* value as written in the log (or --sop) */
	char *id;                /* model id, or the value when no model */
	size_t key_len, id_len;  /* strlen of each, set by sopent_prepare */
	struct sop_model *m;     /* NULL when no model; borrowed from the
				  * ingest's SOP registry */
	int zone;                /* minutes east, ELOG_NO_ZONE when unknown */
	char **norm;             /* normalized step activities, [nsteps] */
	struct actcache *cache;  /* ACT_CACHE slots */
	size_t ncached;
};

struct mapent {
	char *norm; /* normalized activity */
	char *text; /* as written in the map file, for messages */
	int step;
	int lineno; /* line in the map file */
};

/* ---------------------------------------------------------------- chunks */

enum { IT_EVENT = 0, IT_REJECT = 1 };

struct item {
	uint8_t kind, unknown, has_start, has_end, has_actor, has_lc, reason;
	int step;                /* 0: NULL */
	int64_t line;
	uint32_t case_off, case_len, sop_off, sop_len; /* sop_len UINT32_MAX: NULL */
	uint32_t act_off, act_len, actor_off, actor_len, lc_off, lc_len;
	int64_t start_ms, end_ms;
	int start_off, end_off;
	uint64_t dkey;
	uint64_t case_h;         /* hash_bytes of the case key: the writer's case cache */
	uint8_t has_sorting;     /* the log's order of equal stamps (sort_col) */
	int64_t sorting;
	uint32_t attr_first, nattr;
	/* reject: raw in act_*, reason text in actor_* */
};

struct attr {
	uint32_t name_idx; /* index into ctx->attr_names */
	uint32_t val_off, val_len;
	uint8_t is_case;
};

struct chunk {
	struct item *items;
	size_t n;
	struct attr *attrs;
	size_t nattr, attrcap;
	struct mutu_buf arena;
};

static uint32_t arena_add(struct chunk *c, const char *s, size_t n)
{
	struct mutu_buf *b = &c->arena;
	uint32_t off = (uint32_t)b->len;
	if (b->s && b->len + n + 2 <= b->cap) {
		/* room for the bytes, their NUL and the buffer's own NUL: one
		 * copy, no growth check per call (a row adds ~10 fields) */
		memcpy(b->s + b->len, s, n);
		b->len += n + 1;
		b->s[b->len - 1] = '\0';
		b->s[b->len] = '\0';
		return off;
	}
	mutu_buf_add(b, s, n);
	mutu_buf_putc(b, '\0');
	return off;
}

/* ---------------------------------------------------------------- writer */

struct case_slot {
	uint64_t h;
	char *key;
	int64_t id;
	/* case attributes (by name index, the first 64) this batch created the
	 * case with an empty value for: a later row's value is its first
	 * (writer_case_attrs) */
	uint64_t missing;
	char *sop;       /* the SOP the batch first met the case with, owned; NULL none */
	uint32_t sop_len; /* its length (sop_differs runs on every row of the writer) */
};

struct writer {
	struct store_writer *sw; /* the store's batch writer (store.h) */
	const char *office;      /* --office, "" when none */
	struct case_slot *cases; /* CASE_CACHE slots */
	struct mutu_buf last_key; /* the previous event's case key and id: most */
	int64_t last_id;          /* rows continue their case, no hash needed (0: none) */
	uint64_t *last_missing;   /* its slot's missing (struct case_slot) */
	struct case_slot *last_slot; /* its slot */
	/* rows of a case met with another SOP than its first (sop_differs) */
	uint64_t sop_other;
	int64_t sop_other_line;
	char sop_other_ex[200];
	char **attr_names;       /* borrowed from ctx */
	uint64_t stored, dups, rejected, unknown, cases_new;
	uint64_t by_reason[R_N];
	struct mutu_err err;
};

static void writer_release(struct writer *w)
{
	store_writer_free(w->sw);
	w->sw = NULL;
	if (w->cases)
		for (size_t i = 0; i < CASE_CACHE; i++) {
			free(w->cases[i].key);
			free(w->cases[i].sop);
		}
	free(w->cases);
	w->cases = NULL;
	mutu_buf_release(&w->last_key);
	w->last_id = 0;
}

static void writer_last(struct writer *w, const char *key, size_t len, int64_t id)
{
	mutu_buf_reset(&w->last_key);
	mutu_buf_add(&w->last_key, key, len);
	w->last_id = id;
}

/*
 * The case attributes of a row of a case this batch created whose value
 * was empty so far (*missing): the first row with a value gives it
 * ("first row wins, empty values skipped": a register that fills
 * batas_waktu in on the row of the step that set it, not on the first
 * row, lost it).  Rows of the case met again after the cache let it go
 * (CASE_CACHE slots) give none; nor do attributes past the 64th column.
 */
static int writer_case_attrs(struct writer *w, const struct chunk *c, const struct item *it, int64_t id,
			     uint64_t *missing)
{
	for (uint32_t a = 0; a < it->nattr && *missing; a++) {
		const struct attr *at = &c->attrs[it->attr_first + a];
		uint64_t bit = at->name_idx < 64 ? (uint64_t)1 << at->name_idx : 0;
		if (!at->is_case || !at->val_len || !(*missing & bit))
			continue;
		if (store_writer_case_attr(w->sw, id, w->attr_names[at->name_idx], c->arena.s + at->val_off,
					   at->val_len, &w->err))
			return -1;
		*missing &= ~bit;
	}
	return 0;
}

/*
 * Case id for a key: the previous row's case, the cache, else the store
 * (which creates the case when new; its attributes are written then,
 * first row wins, and an empty one from the first later row that has it,
 * writer_case_attrs).  The cache spares the store a lookup for the rows
 * of a case that come together, as most logs write them.
 */
/*
 * A row of a case the batch met before under another SOP: one number in
 * two permit types' registers (offices number each type's berkas apart)
 * is two berkas, stored as one case -- the first SOP's, the other's steps
 * its rework, the other type's report without it.  Which it is the file
 * cannot say: counted and warned of (elog_ingest's notes) with the first
 * row.  Before field round 12 nothing was said.  Only what this batch's
 * case cache still holds is compared.
 */
static void sop_differs(struct writer *w, const struct chunk *c, const struct item *it,
			const struct case_slot *s)
{
	if (!s || !s->sop || it->sop_len == UINT32_MAX)
		return;
	const char *sop = c->arena.s + it->sop_off;
	if (s->sop_len == it->sop_len && memcmp(s->sop, sop, it->sop_len) == 0)
		return;
	if (w->sop_other++ == 0) {
		w->sop_other_line = it->line;
		snprintf(w->sop_other_ex, sizeof w->sop_other_ex, "case '%.60s': SOP '%.*s', first '%.60s'",
			 s->key, (int)(it->sop_len > 60 ? 60 : it->sop_len), sop, s->sop);
	}
}

static int writer_case(struct writer *w, const struct chunk *c, const struct item *it, int64_t *id)
{
	const char *key = c->arena.s + it->case_off;
	if (w->last_id && w->last_key.len == it->case_len &&
	    memcmp(w->last_key.s, key, it->case_len) == 0) {
		*id = w->last_id;
		sop_differs(w, c, it, w->last_slot);
		return *w->last_missing ? writer_case_attrs(w, c, it, *id, w->last_missing) : 0;
	}
	uint64_t h = it->case_h;
	struct case_slot *s = &w->cases[h % CASE_CACHE];
	if (s->key && s->h == h && strcmp(s->key, key) == 0) {
		*id = s->id;
		writer_last(w, key, it->case_len, *id);
		w->last_missing = &s->missing;
		w->last_slot = s;
		sop_differs(w, c, it, s);
		return s->missing ? writer_case_attrs(w, c, it, *id, &s->missing) : 0;
	}
	int created = 0;
	uint64_t missing = 0;
	const char *sop = it->sop_len == UINT32_MAX ? NULL : c->arena.s + it->sop_off;
	if (store_writer_case(w->sw, key, it->case_len, sop, sop ? it->sop_len : 0, w->office, id,
			      &created, &w->err))
		return -1;
	if (created) {
		w->cases_new++;
		for (uint32_t a = 0; a < it->nattr; a++) {
			const struct attr *at = &c->attrs[it->attr_first + a];
			if (!at->is_case)
				continue;
			if (!at->val_len) {
				if (at->name_idx < 64)
					missing |= (uint64_t)1 << at->name_idx;
				continue;
			}
			if (store_writer_case_attr(w->sw, *id, w->attr_names[at->name_idx],
						   c->arena.s + at->val_off, at->val_len, &w->err))
				return -1;
		}
	}
	free(s->key);
	s->key = mutu_strndup(key, it->case_len);
	s->h = h;
	s->id = *id;
	s->missing = missing;
	/* most of a batch's cases have one SOP: the slot's copy is kept when
	 * it is the same (a malloc and a free less per new case) */
	if (!sop || !s->sop || s->sop_len != it->sop_len || memcmp(s->sop, sop, it->sop_len) != 0) {
		free(s->sop);
		s->sop = sop ? mutu_strndup(sop, it->sop_len) : NULL;
		s->sop_len = sop ? it->sop_len : 0;
	}
	writer_last(w, key, it->case_len, *id);
	w->last_missing = &s->missing;
	w->last_slot = s;
	return 0;
}

static int writer_event(struct writer *w, const struct chunk *c, const struct item *it)
{
	struct store_event e;
	const char *a = c->arena.s;
	memset(&e, 0, sizeof e);
	if (writer_case(w, c, it, &e.case_id))
		return -1;
	e.line = it->line;
	e.step = it->step;
	e.activity = a + it->act_off;
	e.activity_len = it->act_len;
	if (it->has_actor) {
		e.actor = a + it->actor_off;
		e.actor_len = it->actor_len;
	}
	if (it->has_lc) {
		e.lifecycle = a + it->lc_off;
		e.lifecycle_len = it->lc_len;
	}
	e.has_start = it->has_start;
	e.start_ms = it->start_ms;
	e.start_off = it->start_off;
	e.has_end = it->has_end;
	e.end_ms = it->end_ms;
	e.end_off = it->end_off;
	e.unknown = it->unknown;
	e.dkey = it->dkey;
	e.has_sorting = it->has_sorting;
	e.sorting = it->sorting;
	/* the instance id, as the readers take it (STORE_INSTANCE_ATTRS, the
	 * first name): bupaR numbers each execution, and two of one activity
	 * by one officer in one second differ in nothing else.  Before (field
	 * round 11) the second was stored as a duplicate of the first: lost,
	 * and its complete row paired with nothing.  Only a row with a
	 * lifecycle has one, as the readers take it (the only rows paired;
	 * the stores then look up no attribute for the others) */
	const char *iname = NULL;
	for (uint32_t k = 0; it->has_lc && k < it->nattr; k++) {
		const struct attr *at = &c->attrs[it->attr_first + k];
		const char *nm = w->attr_names[at->name_idx];
		if (at->is_case || !at->val_len ||
		    (strcmp(nm, "activity_instance_id") != 0 && strcmp(nm, "concept:instance") != 0))
			continue;
		if (!iname || strcmp(nm, iname) < 0) {
			iname = nm;
			e.instance = a + at->val_off;
			e.instance_len = at->val_len;
		}
	}
	int64_t eid = 0;
	int dup = 0;
	if (store_writer_event(w->sw, &e, &eid, &dup, &w->err))
		return -1;
	if (dup) {
		w->dups++;
		return 0;
	}
	w->stored++;
	w->unknown += it->unknown;
	for (uint32_t k = 0; k < it->nattr; k++) {
		const struct attr *at = &c->attrs[it->attr_first + k];
		if (at->is_case || !at->val_len)
			continue;
		if (store_writer_event_attr(w->sw, eid, w->attr_names[at->name_idx], a + at->val_off,
					    at->val_len, &w->err))
			return -1;
	}
	return 0;
}

/* rows ahead whose case cache slot writer_chunk asks the CPU to fetch:
 * the slot is read at every change of case, at random in 192 KB, and was
 * a cache miss each time (perf, 1M events: the writer's largest cost
 * outside SQLite) */
#define CASE_AHEAD 8

static int writer_chunk(struct writer *w, struct chunk *c)
{
	for (size_t i = 0; i < c->n; i++) {
		const struct item *it = &c->items[i];
#if defined(__GNUC__)
		if (i + CASE_AHEAD < c->n)
			__builtin_prefetch(&w->cases[c->items[i + CASE_AHEAD].case_h % CASE_CACHE]);
#endif
		if (it->kind == IT_EVENT) {
			if (writer_event(w, c, it))
				return -1;
			continue;
		}
		/* a rejected row keeps its raw text in act_* and its reason in actor_* */
		if (store_writer_rejected(w->sw, it->line, c->arena.s + it->act_off, it->act_len,
					  c->arena.s + it->actor_off, it->actor_len, &w->err))
			return -1;
		w->rejected++;
		w->by_reason[it->reason]++;
	}
	return 0;
}

/* ---------------------------------------------------------------- queue */

struct queue {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct chunk *full[NCHUNKS], *free_[NCHUNKS];
	int nfull, nfree, head;
	int closed, failed;
	struct writer *w;
};

static void *writer_thread(void *arg)
{
	struct queue *q = arg;
	for (;;) {
		pthread_mutex_lock(&q->mu);
		while (q->nfull == 0 && !q->closed)
			pthread_cond_wait(&q->cv, &q->mu);
		if (q->nfull == 0) {
			pthread_mutex_unlock(&q->mu);
			return NULL;
		}
		struct chunk *c = q->full[q->head];
		q->head = (q->head + 1) % NCHUNKS;
		q->nfull--;
		pthread_mutex_unlock(&q->mu);
		int rc = q->failed ? 0 : writer_chunk(q->w, c);
		pthread_mutex_lock(&q->mu);
		if (rc)
			q->failed = 1;
		q->free_[q->nfree++] = c;
		pthread_cond_broadcast(&q->cv);
		pthread_mutex_unlock(&q->mu);
	}
}

/* ---------------------------------------------------------------- ingest */

struct ingest {
	const struct elog_opts *o;
	struct sop_registry *reg; /* SOP id -> model and calendar; owned, made on first use */
	const char *path;
	struct elog_result *res;
	struct mutu_err *err;
	/* columns */
	size_t ncols;
	size_t nnamed;           /* ncols without the header's trailing empty cells (fit_width) */
	char **hdr;              /* header names, owned */
	int role[ELOG_NROLES];   /* column index, -1 none */
	int *colkind;            /* per column: 0 role, 1 case attr, 2 event attr, 3 dropped */
	int sort_col;            /* the event attribute column that orders a case's events
				  * with equal stamps (Celonis _SORTING), -1 none: sorting_name */
	int first_dropped;       /* index of the first dropped column, -1 none */
	unsigned char sep;       /* the field separator (for scrubbing rejected rows) */
	int sep_line;            /* line 1 is Excel's "sep=;" (sep_line): skipped */
	int title_lines;         /* title lines above the header (title_lines): skipped */
	int *colattr;            /* per column: index into attr_names */
	char **attr_names;
	size_t nattr_names;
	int header_done;
	/* SOPs */
	struct sopent *sops;
	size_t nsops;
	size_t sop_last;         /* the entry sop_lookup found last (keys are unique) */
	struct sopent *fixed;    /* --sop */
	int tz;                  /* --tz, ELOG_NO_ZONE when not given */
	struct mapent *map;
	size_t nmap;
	struct mutu_buf norm;
	/* probe findings */
	int probe_rows, probe_badutf8, probe_time_ok, probe_time_bad, probe_nozone,
		probe_order;
	char probe_fmt[2][48];   /* --date-format for the first d/m stamp: day, month first */
	/* d/m stamps probed: how many, and how many only day first reads (a
	 * first part > 12) or only month first (a second part > 12), with the
	 * first of each; the format the probe chose from them, if one */
	int probe_dm, probe_dm_side[2], probe_dm_zone[2];
	int probe_dm_amb, probe_dm_amb_zone; /* ambiguous d/m stamps (days 1-12), first's zone */
	char probe_dm_amb_ex[80];            /* and the first of them, as probe_dm_ex */
	char probe_dm_ex[2][80];
	char auto_fmt[48];
	const char *date_fmt;    /* --date-format, or auto_fmt, or NULL */
	char probe_serial_ex[240]; /* the first Excel serial stamp and its two readings */
	int64_t probe_serial_line;
	char probe_example[160];
	char probe_badutf8_ex[96]; /* the first non-UTF-8 row, bytes >= 0x80 as \xNN */
	long long probe_badutf8_line;
	int64_t probe_line;
	struct reader *probe_r;  /* the probe's reader, NULL after the probe */
	uint64_t probe_bytes;    /* bytes of the rows the probe has seen */
	/* per column, in the probe's rows: values, and values that read as a date */
	int *probe_vals, *probe_dates;
	char **probe_date_ex;    /* an example date value per column (owned) */
	int interval;            /* time:timestamp taken as the end beside a start column */
	int probe_dateonly;      /* probed stamps that are a date without a time of day */
	int probe_stamps;        /* probed stamps read, or dates waiting for their order */
	char probe_dateonly_ex[120];
	/* per time role (start, end, timestamp): the column that holds its
	 * time of day when the role's column holds dates alone (Tanggal
	 * Mulai + Jam Mulai, Date + Time: clock_columns); -1 none */
	int clock[3];
	int case_float0;         /* every probed case id is N.0 (pandas): read as N */
	struct cal_tz *dst;      /* --tz an IANA zone (Europe/Amsterdam): owned, or NULL */
	int probe_case_n, probe_case_f0;
	/* leap seconds (second 60) read as :59 */
	int64_t seen_n, seen_min, seen_max; /* the stamps read so far (UTC ms): excel_serial_near */
	uint64_t serial_rows;    /* Excel serials read among text dates (excel_serial_near) */
	int64_t serial_line;     /* the first of them */
	char serial_ex[240];     /* its two readings, as the note says them */
	uint64_t notime_start;   /* starts whose time of day was empty beside their date (notime) */
	int64_t notime_line;     /* the first of them */
	char notime_ex[96];      /* its columns, as the note names them */
	uint64_t leap_rows;
	int64_t leap_line, leap_first; /* the last row counted, the first */
	char leap_example[120];
	/* R's NA in a role column read as missing (na_missing) */
	struct field *na_f;      /* a row's fields with those emptied, owned */
	size_t na_cap;
	struct field *fit_f;     /* a short row's fields padded to ncols (fit_width), owned */
	size_t fit_cap;
	uint64_t na_rows;
	int64_t na_first;
	/* merged cells: the case id (and SOP) the rows under a row may take
	 * (fill_down) */
	struct mutu_buf carry;
	size_t carry_case, carry_sop;
	int carry_ok;            /* the record just before was a row with a case id */
	struct row_copy fill;    /* a filled row, owned */
	uint64_t fill_rows;
	int64_t fill_first;
	/* merged date cells (fill_date): per time role the date the rows
	 * under a dated row may take */
	struct mutu_buf dcarry[3];
	int dcarry_ok;           /* the record just before was a row (fill_date) */
	int probe_zone_above, probe_zone_set; /* the probe: the last row's zone with a case id */
	struct row_copy dfill;   /* a date-filled row, owned */
	uint64_t dfill_rows;
	int64_t dfill_first;
	char dfill_col[64];      /* the first such row's date column */
	int fatal;               /* a failure (not a row defect): stop */
	int cancelled;           /* o->cancel was seen set (cancel_seen) */
	int64_t cancel_line;     /* the record it was seen at */
	/* unknown activities, for the notes */
	struct { char *name; uint64_t n; } unk[32];
	size_t nunk;
	uint64_t unk_more;
	/* the duplicate key's hash state after each activity text met
	 * (elog_dkey_act), direct-mapped: a log repeats a few dozen texts of
	 * ~100 bytes, and hashing every row's copy byte by byte was 4% of
	 * an ingest's CPU */
	struct { char *act; size_t len; uint64_t h; } dk[DKEY_CACHE];
	/* output */
	uint64_t rows;
	uint64_t header_again;   /* rows that repeat the header (header_again): not rows */
	int64_t header_again_line; /* the first of them */
	uint64_t no_event;       /* separator-only and title lines (no_event_line): not rows */
	int64_t no_event_line_no; /* the first of them */
	uint64_t total_rows;     /* of no_event: a report's total rows (total_row) */
	int64_t total_line;      /* the first of them */
	char total_ex[64];       /* its label, as the note quotes it */
	int in_sig;              /* a signature block has opened (sig_line): the lines under it */
	uint64_t sig_lines;      /* of no_event: a signature block's lines (sig_line) */
	int64_t sig_line_no;     /* the first of them */
	char sig_ex[64];         /* its first cell, as the note quotes it */
	struct chunk *cur;
	struct queue *q;         /* NULL: write inline */
	struct writer *w;
	/* XES (elog_xes.c): columns are added as attribute keys are met */
	struct elog_xes *xes;    /* NULL: a CSV file */
	size_t xcap;             /* capacity of hdr/colkind/colattr/attr_names */
};

static void chunk_reset(struct chunk *c)
{
	c->n = 0;
	c->nattr = 0;
	mutu_buf_reset(&c->arena);
}

static struct chunk *chunk_new(void)
{
	struct chunk *c = mutu_calloc(1, sizeof *c);
	c->items = mutu_malloc(CHUNK_ITEMS * sizeof *c->items);
	mutu_buf_init(&c->arena);
	return c;
}

static void chunk_free(struct chunk *c)
{
	if (!c)
		return;
	free(c->items);
	free(c->attrs);
	mutu_buf_release(&c->arena);
	free(c);
}

/* Hand the current chunk to the writer and get an empty one. */
static int flush_chunk(struct ingest *g)
{
	struct chunk *c = g->cur;
	if (!g->q) {
		int rc = writer_chunk(g->w, c);
		chunk_reset(c);
		return rc;
	}
	struct queue *q = g->q;
	pthread_mutex_lock(&q->mu);
	q->full[(q->head + q->nfull) % NCHUNKS] = c;
	q->nfull++;
	pthread_cond_broadcast(&q->cv);
	while (q->nfree == 0 && !q->failed)
		pthread_cond_wait(&q->cv, &q->mu);
	int failed = q->failed;
	if (q->nfree)
		g->cur = q->free_[--q->nfree];
	else
		g->cur = NULL;
	pthread_mutex_unlock(&q->mu);
	if (g->cur)
		chunk_reset(g->cur);
	return failed ? -1 : 0;
}

static struct item *new_item(struct ingest *g)
{
	if (g->cur->n == CHUNK_ITEMS && flush_chunk(g)) {
		g->fatal = 1;
		return NULL;
	}
	struct item *it = &g->cur->items[g->cur->n++];
	memset(it, 0, sizeof *it);
	return it;
}

static void reject(struct ingest *g, const struct rec *r, enum reason why, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/*
 * Field spans of a raw row, split at sep.  quoted: CSV quoting ("a;b" is
 * one field, "" an escaped quote); *ok is cleared when a quote is left open
 * or text follows a closing quote.  Not quoted: every sep splits (a stray
 * quote cannot swallow the fields after it).  Fills at most max spans and
 * returns the number of fields.
 */
struct span {
	size_t a, b;
};

static size_t split_raw(const char *s, size_t n, char sep, int quoted, struct span *sp,
			size_t max, int *ok)
{
	size_t i = 0, nf = 0;
	*ok = 1;
	for (;;) {
		size_t a = i, j = i;
		while (quoted && j < n && s[j] == ' ')
			j++;
		if (quoted && j < n && s[j] == '"') {
			int closed = 0;
			for (i = j + 1; i < n; i++)
				if (s[i] == '"') {
					if (i + 1 < n && s[i + 1] == '"') {
						i++;
						continue;
					}
					i++;
					closed = 1;
					break;
				}
			if (!closed)
				*ok = 0;
			while (i < n && s[i] != sep) {
				if (s[i] != ' ' && s[i] != '\r')
					*ok = 0;
				i++;
			}
		} else {
			while (i < n && s[i] != sep)
				i++;
		}
		if (nf < max) {
			sp[nf].a = a;
			sp[nf].b = i;
		}
		nf++;
		if (i >= n)
			return nf;
		i++; /* the separator; a row ending in one has an empty last field */
	}
}

#define DROPPED_MARK "[dropped]"

/*
 * The raw text of a rejected row with the cells of dropped (personal)
 * columns replaced by DROPPED_MARK, separators kept so the row still shows
 * its shape (docs/store.md: personal columns are never stored).  When the
 * row has the header's number of fields, the cells are found by position:
 * by CSV quoting, or for a broken quote by every separator.  When it has
 * not, positions cannot be trusted: only the fields before the first
 * personal column are kept (a missing or extra separator shifts fields to
 * the right of it) and *cut names that column for the reason.
 */
static void scrub_raw(const struct ingest *g, const struct rec *r, struct mutu_buf *out,
		      const char **cut)
{
	*cut = NULL;
	if (g->first_dropped < 0 || !r->rawlen) {
		mutu_buf_add(out, r->raw, r->rawlen);
		return;
	}
	size_t max = g->ncols + 1, nf;
	struct span *sp = mutu_malloc(max * sizeof *sp);
	int ok;
	nf = split_raw(r->raw, r->rawlen, (char)g->sep, 1, sp, max, &ok);
	/* a row short of the header's trailing empty cells (fit_width) keeps
	 * its positions */
	if (!ok || r->broken || r->unterminated || nf < g->nnamed || nf > g->ncols) {
		nf = split_raw(r->raw, r->rawlen, (char)g->sep, 0, sp, max, &ok);
		if (nf < g->nnamed || nf > g->ncols) {
			size_t fd = (size_t)g->first_dropped;
			if (nf <= fd) {
				mutu_buf_add(out, r->raw, r->rawlen); /* no field at a personal column */
			} else {
				mutu_buf_add(out, r->raw, sp[fd].a);
				*cut = g->hdr[fd];
			}
			free(sp);
			return;
		}
	}
	size_t at = 0;
	for (size_t k = 0; k < nf; k++) {
		mutu_buf_add(out, r->raw + at, sp[k].a - at); /* the separator before it */
		if (g->colkind[k] == 3 && sp[k].b > sp[k].a)
			mutu_buf_puts(out, DROPPED_MARK);
		else
			mutu_buf_add(out, r->raw + sp[k].a, sp[k].b - sp[k].a);
		at = sp[k].b;
	}
	free(sp);
}

static void reject(struct ingest *g, const struct rec *r, enum reason why, const char *fmt, ...)
{
	struct item *it = new_item(g);
	if (!it)
		return;
	it->kind = IT_REJECT;
	it->reason = (uint8_t)why;
	it->line = r->line;
	struct mutu_buf clean;
	mutu_buf_init(&clean);
	const char *cut;
	scrub_raw(g, r, &clean, &cut);
	it->act_off = arena_add(g->cur, clean.s ? clean.s : "", clean.len);
	it->act_len = (uint32_t)clean.len;
	mutu_buf_release(&clean);
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	if ((size_t)n >= sizeof msg)
		n = sizeof msg - 1;
	if (cut && (size_t)n < sizeof msg - 1) {
		int k = snprintf(msg + n, sizeof msg - (size_t)n,
				 " (raw kept only up to column %s: the fields cannot be placed, and "
				 "personal columns are not stored)",
				 cut);
		n = k < 0 ? n : (size_t)(n + k) >= sizeof msg ? (int)sizeof msg - 1 : n + k;
	}
	it->actor_off = arena_add(g->cur, msg, (size_t)n);
	it->actor_len = (uint32_t)n;
}

/* Value of a field, quoted for a message, at most 60 bytes. */
static const char *shown(const struct rec *r, int col, char *buf, size_t size)
{
	const char *v = r->buf + r->f[col].off;
	size_t n = r->f[col].len;
	if (n > 60)
		n = 60;
	snprintf(buf, size, "%.*s", (int)n, v);
	return buf;
}

/* ---- SOP resolution ---- */

static struct sop_registry *ingest_reg(struct ingest *g)
{
	if (!g->reg)
		g->reg = sop_registry_create(g->o->models_dir, g->o->calendars_dir);
	return g->reg;
}

static int zone_of_model(struct ingest *g, const struct sop_model *m, const char *id)
{
	if (g->tz != ELOG_NO_ZONE)
		return g->tz;
	if (!m || !m->calendar)
		return ELOG_NO_ZONE;
	struct cal *c = NULL;
	struct mutu_err e;
	mutu_err_clear(&e);
	if (sop_registry_calendar(ingest_reg(g), m->calendar, &c, &e)) {
		/* the zone still follows from the usual names */
		int off;
		const char *n = m->calendar;
		const char *dash = strrchr(n, '-');
		if (dash && elog_parse_tz(dash + 1, &off) == 0)
			return off;
		mutu_notes_addf(&g->res->notes, "SOP %s: calendar '%s' not loaded (%s)", id,
				m->calendar, e.msg);
		return ELOG_NO_ZONE;
	}
	return cal_utc_offset(c) / 60; /* c is the registry's */
}

static void sopent_prepare(struct sopent *s)
{
	s->key_len = strlen(s->key);
	s->id_len = strlen(s->id);
	s->cache = mutu_calloc(ACT_CACHE, sizeof *s->cache);
	if (s->m) {
		struct mutu_buf b;
		mutu_buf_init(&b);
		s->norm = mutu_calloc(s->m->nsteps + 1, sizeof *s->norm);
		for (size_t i = 0; i < s->m->nsteps; i++) {
			const char *a = s->m->steps[i].activity ? s->m->steps[i].activity : "";
			normalize(a, strlen(a), &b);
			s->norm[i] = mutu_strdup(b.s ? b.s : "");
		}
		mutu_buf_release(&b);
	}
}

static void sopent_release(struct sopent *s)
{
	free(s->key);
	free(s->id);
	if (s->m && s->norm)
		for (size_t i = 0; i < s->m->nsteps; i++)
			free(s->norm[i]);
	free(s->norm);
	if (s->cache)
		for (size_t i = 0; i < ACT_CACHE; i++)
			free(s->cache[i].key);
	free(s->cache);
}

/* The model of an id through the one SOP registry (sop_registry_get);
 * *m borrowed.  Nonzero when there is none. */
static int try_model(struct ingest *g, const char *id, struct sop_model **m)
{
	const struct sop_entry *en = NULL;
	struct mutu_err e;
	mutu_err_clear(&e);
	if (sop_registry_get(ingest_reg(g), id, &en, &e))
		return -1;
	*m = en->model;
	return 0;
}

/* Model for an SOP value as a log writes it: an id, or the permit's name. */
static struct sopent *sop_lookup(struct ingest *g, const char *v, size_t n)
{
	/* the row above's SOP first: a log's rows follow their case */
	if (g->sop_last < g->nsops && g->sops[g->sop_last].key_len == n &&
	    memcmp(g->sops[g->sop_last].key, v, n) == 0)
		return &g->sops[g->sop_last];
	for (size_t i = 0; i < g->nsops; i++)
		if (g->sops[i].key_len == n && memcmp(g->sops[i].key, v, n) == 0) {
			g->sop_last = i;
			return &g->sops[i];
		}
	g->sops = mutu_realloc(g->sops, (g->nsops + 1) * sizeof *g->sops);
	struct sopent *s = &g->sops[g->nsops++];
	memset(s, 0, sizeof *s);
	s->key = mutu_strndup(v, n);
	/* slug: "Izin Pengumpulan Uang dan Barang" -> "izin-pengumpulan-uang-dan-barang" */
	char slug[256];
	size_t k = 0;
	for (size_t i = 0; i < n && k + 1 < sizeof slug; i++) {
		char c = v[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			slug[k++] = c;
		else if (k && slug[k - 1] != '-')
			slug[k++] = '-';
	}
	while (k && slug[k - 1] == '-')
		k--;
	slug[k] = '\0';
	int ok = k > 0 && (try_model(g, s->key, &s->m) == 0 || try_model(g, slug, &s->m) == 0);
	if (!ok && k > 0) {
		/* without the filler word "dan": izin-pengumpulan-uang-barang */
		char alt[256];
		size_t j = 0;
		const char *p = slug;
		while (*p) {
			if (strncmp(p, "dan-", 4) == 0 && (p == slug || p[-1] == '-')) {
				p += 4;
				continue;
			}
			alt[j++] = *p++;
		}
		alt[j] = '\0';
		ok = try_model(g, alt, &s->m) == 0;
	}
	if (!ok && k > 0) {
		/* the permit as the model names it ("Perizinan melalui Aplikasi
		 * Sicantik Cloud", model perizinan-sicantik-cloud): a SiCANTIK
		 * export's jenis_izin is the permit's name, and an SOP's id need
		 * not be its name's slug (field round 10: before, such a log's
		 * cases had no model, no steps and no deadline) */
		const struct sop_entry *en = NULL;
		struct mutu_err e;
		mutu_err_clear(&e);
		if (sop_registry_by_name(ingest_reg(g), s->key, &en, &e) == 0) {
			s->m = en->model;
			ok = 1;
			mutu_notes_addf(&g->res->notes, "SOP '%s': the model %s, by its name", s->key,
					en->id);
		} else if (strncmp(e.msg, "two models", 10) == 0) {
			mutu_notes_addf(&g->res->notes, "SOP '%s': %s", s->key, e.msg);
		}
	}
	if (ok) {
		s->id = mutu_strdup(s->m->id ? s->m->id : slug);
	} else {
		s->m = NULL;
		s->id = mutu_strdup(s->key);
		mutu_notes_addf(&g->res->notes,
				"SOP '%s': no model %s/%s.ini; activities kept as written, not mapped to steps",
				s->key, g->o->models_dir ? g->o->models_dir : "models", slug);
	}
	s->zone = zone_of_model(g, s->m, s->id);
	sopent_prepare(s);
	return s;
}

/* Step for an activity of a model: --map, then the model's text, then a
 * bare number.  0 when none. */
static int map_step(struct ingest *g, struct sopent *s, const char *act, size_t n)
{
	uint64_t h = hash_bytes(act, n);
	struct actcache *slot = &s->cache[h % ACT_CACHE];
	if (slot->key && slot->h == h && slot->len == n && memcmp(slot->key, act, n) == 0)
		return slot->step;
	normalize(act, n, &g->norm);
	const char *na = g->norm.s ? g->norm.s : "";
	int step = 0;
	for (size_t i = 0; i < g->nmap && !step; i++)
		if (strcmp(g->map[i].norm, na) == 0)
			step = g->map[i].step;
	if (s->m) {
		for (size_t i = 0; i < s->m->nsteps && !step; i++)
			if (strcmp(s->norm[i], na) == 0)
				step = s->m->steps[i].no;
		int no;
		if (!step && parse_int(act, n, &no) == 0 && sop_model_step(s->m, no))
			step = no;
		if (step && !sop_model_step(s->m, step))
			step = 0;
	}
	if (!slot->key || s->ncached < ACT_CACHE) {
		free(slot->key);
		slot->key = mutu_strndup(act, n);
		slot->h = h;
		slot->len = n;
		slot->step = step;
		s->ncached++;
	}
	return step;
}

static void note_unknown(struct ingest *g, const char *act, size_t n)
{
	for (size_t i = 0; i < g->nunk; i++)
		if (strlen(g->unk[i].name) == n && memcmp(g->unk[i].name, act, n) == 0) {
			g->unk[i].n++;
			return;
		}
	if (g->nunk < sizeof g->unk / sizeof g->unk[0]) {
		g->unk[g->nunk].name = mutu_strndup(act, n);
		g->unk[g->nunk++].n = 1;
	} else {
		g->unk_more++;
	}
}

/* ---- per-row processing ---- */

/* The time roles in the order of ingest.clock[]. */
static const int clock_roles[3] = {ELOG_COL_START, ELOG_COL_END, ELOG_COL_TIMESTAMP};

/*
 * A time of day as a clock column holds it: "7:10", "07.10", "07:10:00",
 * "07.10.00", optionally a zone after it ("07.10 WITA", elog_parse_tz).
 * *tod milliseconds since midnight, *zone minutes east or ELOG_NO_ZONE.
 */
static int time_of_day(const char *v, size_t n, int64_t *tod, int *zone)
{
	const char *p = v, *e = v + n;
	int part[3] = {0, 0, 0}, np = 0;
	char sep = 0;
	while (np < 3 && p < e) {
		int d = 0, x = 0;
		while (p < e && *p >= '0' && *p <= '9' && d < 3)
			x = x * 10 + (*p++ - '0'), d++;
		if (d < 1 || d > 2 || (np && d != 2))
			return -1;
		part[np++] = x;
		if (p < e && (*p == ':' || *p == '.') && np < 3) {
			if (sep && *p != sep)
				return -1;
			sep = *p++;
		} else {
			break;
		}
	}
	if (np < 2 || part[0] > 23 || part[1] > 59 || part[2] > 59)
		return -1;
	*zone = ELOG_NO_ZONE;
	while (p < e && *p == ' ')
		p++;
	if (p < e) {
		char name[40];
		if ((size_t)(e - p) >= sizeof name)
			return -1;
		memcpy(name, p, (size_t)(e - p));
		name[e - p] = '\0';
		if (elog_parse_tz(name, zone))
			return -1;
	}
	*tod = ((int64_t)part[0] * 3600 + part[1] * 60 + part[2]) * 1000;
	return 0;
}

static int time_field(struct ingest *g, const struct rec *r, int col, int clk, int zone, int *has,
		      int64_t *ms, int *off)
{
	*has = 0;
	if (col < 0 || r->f[col].len == 0)
		return 0;
	if (clk >= 0 && r->f[clk].len) {
		/* the date as if UTC: midnight when it is a date alone */
		const char *d = r->buf + r->f[col].off;
		int64_t day, tod;
		int doff, tz;
		int rc = elog_parse_time_ex(d, r->f[col].len, g->date_fmt, 0, &day, &doff, NULL);
		if (rc != ELOG_TS_OK)
			return ELOG_TS_BAD;
		if (day % 86400000 == 0 && !memchr(d, ':', r->f[col].len) &&
		    time_of_day(r->buf + r->f[clk].off, r->f[clk].len, &tod, &tz) == 0) {
			int64_t wall = day + tod;
			if (tz != ELOG_NO_ZONE)
				zone = tz;
			if (tz == ELOG_NO_ZONE && g->dst) {
				double t = cal_tz_from_local(g->dst, (double)wall / 1000.0);
				*ms = (int64_t)llround(t * 1000.0);
				*off = cal_tz_offset(g->dst, t) / 60;
			} else if (zone == ELOG_NO_ZONE) {
				return ELOG_TS_NOZONE;
			} else {
				*ms = wall - (int64_t)zone * 60000;
				*off = zone;
			}
			*has = 1;
			return ELOG_TS_OK;
		}
		/* a date that has its own time keeps it (read below); a date
		 * alone beside a whole date-time ("Waktu Mulai" 2025-06-25
		 * 07:10 of a database export) takes that one */
		if (day % 86400000 == 0 && !memchr(d, ':', r->f[col].len))
			col = clk;
		/* one date for both stamps (shared_date): a clock column that
		 * holds a whole date-time is the stamp, whatever the date column
		 * holds (a "Date" of a record's creation beside "Start Time" /
		 * "End Time" date-times would make every step 0 minutes) */
		else if (g->role[ELOG_COL_START] >= 0 &&
			 g->role[ELOG_COL_START] == g->role[ELOG_COL_END])
			col = clk;
	}
	int leap = 0;
	int rc = elog_parse_time_ex(r->buf + r->f[col].off, r->f[col].len, g->date_fmt,
				    g->dst ? ELOG_NO_ZONE : zone, ms, off, &leap);
	if (rc == ELOG_TS_NOZONE && g->dst) {
		/* --tz a zone with daylight saving: the wall time read as if
		 * UTC, then placed by the zone's rules (its offset at that
		 * instant, +01:00 in winter and +02:00 in summer in Amsterdam) */
		rc = elog_parse_time_ex(r->buf + r->f[col].off, r->f[col].len, g->date_fmt, 0, ms,
					off, &leap);
		if (rc == ELOG_TS_OK) {
			double t = cal_tz_from_local(g->dst, (double)*ms / 1000.0);
			*ms = (int64_t)llround(t * 1000.0);
			*off = cal_tz_offset(g->dst, t) / 60;
		}
	}
	if (rc == ELOG_TS_OK)
		*has = 1;
	/* a leap second read as :59: counted once per row, in the real pass
	 * only (the probe, with g->probe_r set, reads the same rows again) */
	if (leap && !g->probe_r && g->leap_line != r->line) {
		if (g->leap_rows++ == 0) {
			g->leap_first = r->line;
			snprintf(g->leap_example, sizeof g->leap_example, "%s '%.60s'", g->hdr[col],
				 r->buf + r->f[col].off);
		}
		g->leap_line = r->line;
	}
	return rc;
}

/*
 * A date alone whose time of day is missing: the role's column col is
 * joined to a clock column (Tanggal Selesai + Jam Selesai), the clock cell
 * is empty and the date cell holds a date without a time.  Read as it
 * was, it became 00:00 of that day: a start before the step's predecessor
 * (false order findings, the berkas 'accepted' at midnight) or an end
 * before its own start.  The moment within the day is unknown: the caller
 * leaves such a start out (the step is measured from the previous
 * completion, as any step without a start) and rejects such an end, with
 * both columns named (field round 13).
 */
static int notime(struct ingest *g, const struct rec *r, int col, int clk)
{
	if (clk < 0 || r->f[clk].len || !r->f[col].len)
		return 0;
	const char *d = r->buf + r->f[col].off;
	int64_t day;
	int doff;
	return !memchr(d, ':', r->f[col].len) &&
	       elog_parse_time_ex(d, r->f[col].len, g->date_fmt, 0, &day, &doff, NULL) == ELOG_TS_OK &&
	       day % 86400000 == 0;
}

/*
 * An Excel serial day number in a column of text dates: a register typed
 * by hand where one cell was pasted from another workbook, or re-typed
 * into a cell Excel had formatted as General (45880,3472222222 beside
 * 11/08/2025 08.00).  A whole column of serials is refused (excel_serial:
 * 1900 or 1904?), but here the dates around it decide: read counted from
 * 1900 when that reading falls within 92 days of the stamps read before
 * it and the 1904 one (1462 days later) does not.  At the log's zone (a
 * serial has none; not under a zone with daylight saving), to the second.
 * Returns 1 with *ms, *off; 0 when it is no serial or nothing agrees.
 */
static int excel_serial_val(const char *v, size_t n, long *dayp, double *fracp);
static int excel_serial(const char *v, size_t n, char *buf, size_t size);

static int excel_serial_near(struct ingest *g, const char *v, size_t n, int zone, int64_t *ms,
			     int *off)
{
	long day;
	double frac;
	if (!excel_serial_val(v, n, &day, &frac) || !g->seen_n || g->dst || zone == ELOG_NO_ZONE)
		return 0;
	int64_t sec = (int64_t)llround(frac * 86400.0);
	int64_t wall1900 = (cal_days_from_civil(1899, 12, 30) + day) * 86400000LL + sec * 1000;
	int64_t wall1904 = (cal_days_from_civil(1904, 1, 1) + day) * 86400000LL + sec * 1000;
	const int64_t margin = 92 * 86400000LL;
	int64_t t1900 = wall1900 - (int64_t)zone * 60000, t1904 = wall1904 - (int64_t)zone * 60000;
	int near1900 = t1900 >= g->seen_min - margin && t1900 <= g->seen_max + margin;
	int near1904 = t1904 >= g->seen_min - margin && t1904 <= g->seen_max + margin;
	if (!near1900 || near1904)
		return 0;
	*ms = t1900;
	*off = zone;
	return 1;
}

static int on_record(void *ctx, const struct rec *r);

/*
 * Does a value read as a date or date-time?  ISO 8601 (or --date-format),
 * or a day/month-order date; it must hold a '-', '/' or ':' so that plain
 * numbers (20250303 as an id) do not count.
 */
static int looks_date(const struct ingest *g, const char *v, size_t n)
{
	if (!memchr(v, '-', n) && !memchr(v, '/', n) && !memchr(v, ':', n))
		return 0;
	int64_t ms;
	int off;
	return elog_parse_time(v, n, g->date_fmt, 0, &ms, &off) == ELOG_TS_OK ||
	       elog_date_order_needed(v, n) != 0;
}

/* Probe: count, per attribute column, values and values that read as dates. */
static void probe_dates(struct ingest *g, const struct rec *r)
{
	/* CSV only: XES states its dates' type, and its columns grow as keys
	 * appear, past the arrays header() sized */
	if (g->xes || !g->probe_vals)
		return;
	for (size_t i = 0; i < g->ncols; i++) {
		if ((g->colkind[i] != 1 && g->colkind[i] != 2) || !r->f[i].len)
			continue;
		const char *v = r->buf + r->f[i].off;
		g->probe_vals[i]++;
		if (looks_date(g, v, r->f[i].len)) {
			g->probe_dates[i]++;
			if (!g->probe_date_ex[i])
				g->probe_date_ex[i] = mutu_strndup(v, r->f[i].len > 60 ? 60 : r->f[i].len);
		}
	}
}

/* Has column i a role already? */
static int col_taken(const struct ingest *g, size_t i)
{
	for (int k = 0; k < ELOG_NROLES; k++)
		if (g->role[k] == (int)i)
			return 1;
	return 0;
}

/* An unassigned column whose header key is key[0..at) + word + key[at+skip..]. */
static int clock_partner(const struct ingest *g, const char *key, size_t at, size_t skip,
			 const char *word)
{
	char want[160], k2[160];
	if (snprintf(want, sizeof want, "%.*s%s%s", (int)at, key, word, key + at + skip) >=
	    (int)sizeof want)
		return -1;
	for (size_t i = 0; i < g->ncols; i++) {
		hdr_key(g->hdr[i], k2, sizeof k2);
		if (!col_taken(g, i) && strcmp(k2, want) == 0)
			return (int)i;
	}
	return -1;
}

/*
 * Date and time of day in two columns, as office spreadsheets keep them:
 * "Tanggal Mulai | Jam Mulai | Tanggal Selesai | Jam Selesai" (also Tgl,
 * Waktu, Pukul), "Start Date | Start Time", "Date | Time".  The columns
 * are paired by name: the time role's header with its date word (tanggal,
 * tgl, date) in place of a time word (jam, pukul, waktu, time) names the
 * other.  The role goes to the date column and clock[] holds the time
 * column; time_field joins the two per row when the date column holds a
 * date alone and the other a time of day.  Before (field round 8) the
 * date alone was the stamp: every step began and ended at midnight, 0
 * minutes long, and the times stayed attributes, without a word.
 */
static void clock_columns(struct ingest *g)
{
	static const char *const dates[] = {"tanggal", "tgl", "date"};
	static const char *const times[] = {"jam", "pukul", "waktu", "time"};
	for (int k = 0; k < 3; k++) {
		int col = g->role[clock_roles[k]];
		if (col < 0 || g->clock[k] >= 0) /* paired by shared_date */
			continue;
		char key[128];
		hdr_key(g->hdr[col], key, sizeof key);
		int other = -1, swap = 0;
		for (size_t d = 0; d < 3 && other < 0; d++) {
			const char *at = strstr(key, dates[d]);
			for (size_t t = 0; at && t < 4 && other < 0; t++)
				other = clock_partner(g, key, (size_t)(at - key), strlen(dates[d]), times[t]);
		}
		for (size_t t = 0; t < 4 && other < 0; t++) { /* the role took the time column */
			const char *at = strstr(key, times[t]);
			for (size_t d = 0; at && d < 3 && other < 0; d++)
				other = clock_partner(g, key, (size_t)(at - key), strlen(times[t]), dates[d]);
			swap = other >= 0;
		}
		if (other < 0)
			continue;
		if (swap) {
			g->role[clock_roles[k]] = other;
			other = col;
			col = g->role[clock_roles[k]];
		}
		g->clock[k] = other;
		mutu_notes_addf(&g->res->notes,
				"%s: the date in %s, its time of day in %s (joined per row; a date that "
				"has its own time keeps it)",
				elog_role_name((enum elog_role)clock_roles[k]), g->hdr[col], g->hdr[other]);
	}
}

/*
 * One date column for both stamps of a row: an office register keeps a
 * step done within a day as Tanggal | Jam Mulai | Jam Selesai (also
 * Waktu / Pukul Mulai, Date | Start Time | End Time).  The bare date
 * column is the start's date joined to the start's clock and the end's
 * date joined to the end's (time_field, per row, as clock_columns' pairs:
 * a date that has its own time keeps it).  Before (field round 14) the
 * date alone was the one stamp: every step a point at 00:00 (0 minutes,
 * whole days between steps), the two clocks left as attributes, or, with
 * Start Time / End Time taken as the start and end, every row rejected
 * with a bad stamp '08:00'.  Only when neither the start, the end nor the
 * one stamp was named by an option.  Runs before 'start/end win over a
 * single timestamp column' drops the date.
 */
static void shared_date(struct ingest *g)
{
	static const char *const dates[] = {"tanggal", "tgl", "date"};
	static const char *const clocks[] = {"jam", "pukul", "pkl", "waktu", "time"};
	static const char *const sides[2][4] = {{"mulai", "start", "awal", NULL},
						{"selesai", "end", "akhir", "finish"}};
	if (g->o->col[ELOG_COL_TIMESTAMP] || g->o->col[ELOG_COL_START] || g->o->col[ELOG_COL_END])
		return;
	/* the bare date: the one stamp, or (beside a Start Time and an End
	 * Time, which keep "Date" from the one stamp's role) a free column */
	char key[128], k2[160];
	int tcol = -1;
	for (size_t i = 0; i < g->ncols && tcol < 0; i++) {
		int t = g->role[ELOG_COL_TIMESTAMP];
		if (t >= 0 ? (int)i != t : col_taken(g, i))
			continue;
		hdr_key(g->hdr[i], key, sizeof key);
		for (size_t d = 0; d < 3; d++)
			if (strcmp(key, dates[d]) == 0)
				tcol = (int)i;
	}
	if (tcol < 0)
		return;
	int side[2] = {-1, -1};
	for (int s = 0; s < 2; s++) {
		int role = s ? ELOG_COL_END : ELOG_COL_START;
		for (size_t i = 0; i < g->ncols && side[s] < 0; i++) {
			/* a column free or holding this side's role, named by a
			 * clock word and the side's word, either order */
			if ((int)i != g->role[role] && col_taken(g, i))
				continue;
			hdr_key(g->hdr[i], key, sizeof key);
			for (size_t c = 0; c < 5 && side[s] < 0; c++)
				for (size_t w = 0; w < 4 && sides[s][w] && side[s] < 0; w++) {
					snprintf(k2, sizeof k2, "%s%s", clocks[c], sides[s][w]);
					int hit = strcmp(key, k2) == 0;
					snprintf(k2, sizeof k2, "%s%s", sides[s][w], clocks[c]);
					if (hit || strcmp(key, k2) == 0)
						side[s] = (int)i;
				}
		}
	}
	/* both or none: a start clock alone would make every row a start */
	if (side[0] < 0 || side[1] < 0 ||
	    (g->role[ELOG_COL_START] >= 0 && g->role[ELOG_COL_START] != side[0]) ||
	    (g->role[ELOG_COL_END] >= 0 && g->role[ELOG_COL_END] != side[1]))
		return;
	g->role[ELOG_COL_START] = tcol;
	g->role[ELOG_COL_END] = tcol;
	g->role[ELOG_COL_TIMESTAMP] = -1;
	g->clock[0] = side[0];
	g->clock[1] = side[1];
	mutu_notes_addf(&g->res->notes,
			"start and end: the date in %s, the start's time of day in %s, the end's in "
			"%s (joined per row; a date that has its own time keeps it)",
			g->hdr[tcol], g->hdr[side[0]], g->hdr[side[1]]);
}

/* A column's place among the header's names, for repeats() */
struct hdr_ix {
	const char *name;
	size_t i;
};

static int hdr_ix_cmp(const void *a, const void *b)
{
	const struct hdr_ix *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	return c ? c : (x->i > y->i) - (x->i < y->i);
}

/*
 * For each of the n header names: how many columns before it have the same
 * name (rep[i]) and the first of them (first[i]); caller frees both.
 * Sorted by name then position, O(n log n): the comparison of every column
 * with every column before it took 44 s on a header of 100000 columns and
 * would take days on the 16 MiB a record may hold (8 million columns of
 * "a,"), with no word on the terminal (hardening round 2).
 */
static void repeats(char *const *hdr, size_t n, size_t **rep, size_t **first)
{
	struct hdr_ix *ix = mutu_calloc(n ? n : 1, sizeof *ix);
	*rep = mutu_calloc(n ? n : 1, sizeof **rep);
	*first = mutu_calloc(n ? n : 1, sizeof **first);
	for (size_t i = 0; i < n; i++)
		ix[i] = (struct hdr_ix){hdr[i], i};
	qsort(ix, n, sizeof *ix, hdr_ix_cmp);
	for (size_t a = 0, b; a < n; a = b) {
		for (b = a + 1; b < n && strcmp(ix[b].name, ix[a].name) == 0; b++)
			;
		for (size_t k = a; k < b; k++) {
			(*rep)[ix[k].i] = k - a;
			(*first)[ix[k].i] = ix[a].i;
		}
	}
	free(ix);
}

static void skip_bom(const char **v, size_t *n);

/* Header cell i holds no name: nothing but blanks (a BOM aside). */
static int header_cell_empty(const struct rec *r, size_t i)
{
	const char *v = r->buf + r->f[i].off;
	size_t n = r->f[i].len;
	if (i == 0)
		skip_bom(&v, &n);
	while (n && (*v == ' ' || *v == '\t'))
		v++, n--;
	return n == 0;
}

/* Repeated column names said one by one up to this many, then counted in
 * one note: a header of 200000 columns named "a" printed 200000 notes. */
#define REPEAT_NOTES 10

static int header(struct ingest *g, const struct rec *r)
{
	g->ncols = r->nf;
	g->nnamed = r->nf;
	while (g->nnamed > 1 && header_cell_empty(r, g->nnamed - 1))
		g->nnamed--;
	g->sort_col = -1;
	g->hdr = mutu_calloc(r->nf, sizeof *g->hdr);
	g->colkind = mutu_calloc(r->nf, sizeof *g->colkind);
	g->colattr = mutu_calloc(r->nf, sizeof *g->colattr);
	g->attr_names = mutu_calloc(r->nf, sizeof *g->attr_names);
	g->probe_vals = mutu_calloc(r->nf, sizeof *g->probe_vals);
	g->probe_dates = mutu_calloc(r->nf, sizeof *g->probe_dates);
	g->probe_date_ex = mutu_calloc(r->nf, sizeof *g->probe_date_ex);
	for (size_t i = 0; i < r->nf; i++)
		g->hdr[i] = mutu_trim(mutu_strdup(r->buf + r->f[i].off));
	for (int k = 0; k < ELOG_NROLES; k++)
		g->role[k] = -1;
	for (int k = 0; k < 3; k++)
		g->clock[k] = -1;
	g->first_dropped = -1;
	struct mutu_buf drop;
	mutu_buf_init(&drop);
	/* overrides first */
	for (int k = 0; k < ELOG_NROLES; k++) {
		const char *want = g->o->col[k];
		if (k == ELOG_COL_SOP && g->o->sop_col)
			want = g->o->sop_col;
		if (!want)
			continue;
		for (size_t i = 0; i < r->nf && g->role[k] < 0; i++)
			if (mutu_strcasecmp(g->hdr[i], want) == 0)
				g->role[k] = (int)i;
		if (g->role[k] < 0) {
			mutu_buf_release(&drop);
			return mutu_errf(g->err, MUTU_EINPUT,
					 "%s:%lld: no column '%s' for --%s-col (the header has %zu columns)",
					 g->path, (long long)r->line, want, elog_role_name((enum elog_role)k), r->nf);
		}
	}
	for (size_t i = 0; i < r->nf; i++) {
		int taken = 0;
		for (int k = 0; k < ELOG_NROLES; k++)
			if (g->role[k] == (int)i)
				taken = 1;
		if (taken)
			continue;
		for (int k = 0; k < ELOG_NROLES && !taken; k++) {
			if (g->role[k] >= 0 || (k == ELOG_COL_SOP && g->o->sop_id))
				continue;
			if (role_match(g->hdr[i], k)) {
				g->role[k] = (int)i;
				taken = 1;
			}
		}
	}
	int stamped = g->role[ELOG_COL_START] >= 0 || g->role[ELOG_COL_END] >= 0;
	for (int k = 0; k < ELOG_NROLES; k++)
		for (int j = 0; office_names[k][j] && g->role[k] < 0 &&
				!(k == ELOG_COL_TIMESTAMP && stamped) && /* not an interval's end */
				!(k == ELOG_COL_SOP && g->o->sop_id); /* --sop names it */
		     j++)
			for (size_t i = 0; i < r->nf && g->role[k] < 0; i++) {
				char key[64], want[64];
				hdr_key(g->hdr[i], key, sizeof key);
				hdr_key(office_names[k][j], want, sizeof want);
				/* "case:" before the case-level ones, as role_match
				 * allows it: PM4Py flattens a trace attribute "Izin"
				 * to "case:Izin" (before field round 11 a case
				 * attribute, the case without an SOP) */
				const char *alt = strncmp(key, "case:", 5) == 0 &&
							  (k == ELOG_COL_CASE || k == ELOG_COL_SOP)
						  ? key + 5
						  : NULL;
				if (!col_taken(g, i) &&
				    (strcmp(key, want) == 0 || (alt && strcmp(alt, want) == 0)))
					g->role[k] = (int)i;
			}
	/*
	 * ProM's CSV export (Export Log to CSV: case, event, startTime,
	 * completeTime, then the attributes, as the BPI Challenge CSVs are
	 * passed around) names the activity "event".  Taken only when no
	 * column has an activity or step name: elsewhere "event" may be an
	 * event id or type beside the activity.
	 */
	if (g->role[ELOG_COL_ACTIVITY] < 0 && g->role[ELOG_COL_STEP] < 0)
		for (size_t i = 0; i < r->nf && g->role[ELOG_COL_ACTIVITY] < 0; i++) {
			char key[16];
			hdr_key(g->hdr[i], key, sizeof key);
			if (!col_taken(g, i) && strcmp(key, "event") == 0)
				g->role[ELOG_COL_ACTIVITY] = (int)i;
		}
	/*
	 * No performer column (org:resource, resource, actor ...): a log that
	 * records only the performer's role (IEEE 1849's org:role, as PM4Py
	 * flattens it; a plain "role"), else its group (org:group), gives the
	 * pelaksana, which in mutu is a position anyway.  With a performer
	 * column present these stay attributes: the performer is who did the
	 * step, what the same-person check needs (README, "org:role").
	 */
	static const char *const org_names[] = {"org:role", "role", "org:group", NULL};
	for (int j = 0; org_names[j] && g->role[ELOG_COL_ACTOR] < 0; j++)
		for (size_t i = 0; i < r->nf && g->role[ELOG_COL_ACTOR] < 0; i++) {
			char key[32];
			hdr_key(g->hdr[i], key, sizeof key);
			if (!col_taken(g, i) && strcmp(key, org_names[j]) == 0)
				g->role[ELOG_COL_ACTOR] = (int)i;
		}
	/*
	 * An interval log (PM4Py's convention: start_timestamp beside
	 * time:timestamp, the latter the completion; Disco's Start and Complete
	 * Timestamp are found as start and end already): the single stamp is
	 * the end of the step that the start column opens, so each row is one
	 * step execution with both stamps, as in mutu's start/end form.
	 */
	if (g->role[ELOG_COL_START] >= 0 && g->role[ELOG_COL_END] < 0 &&
	    g->role[ELOG_COL_TIMESTAMP] >= 0 && !g->o->col[ELOG_COL_TIMESTAMP]) {
		g->role[ELOG_COL_END] = g->role[ELOG_COL_TIMESTAMP];
		g->role[ELOG_COL_TIMESTAMP] = -1;
		g->interval = 1;
	}
	shared_date(g);
	/* start/end win over a single timestamp column */
	if ((g->role[ELOG_COL_START] >= 0 || g->role[ELOG_COL_END] >= 0) &&
	    g->role[ELOG_COL_TIMESTAMP] >= 0 && !g->o->col[ELOG_COL_TIMESTAMP])
		g->role[ELOG_COL_TIMESTAMP] = -1;
	clock_columns(g);
	size_t *rep, *rep_first, nrep = 0;
	repeats(g->hdr, r->nf, &rep, &rep_first);
	for (size_t i = 0; i < r->nf; i++) {
		int taken = 0;
		for (int k = 0; k < ELOG_NROLES; k++)
			if (g->role[k] == (int)i)
				taken = 1;
		if (taken)
			continue;
		int dropped = personal_name(g->hdr[i]);
		for (size_t d = 0; d < g->o->ndrop; d++)
			if (mutu_strcasecmp(g->hdr[i], g->o->drop_cols[d]) == 0)
				dropped = 1;
		if (dropped) {
			g->colkind[i] = 3;
			if (g->first_dropped < 0)
				g->first_dropped = (int)i;
			if (drop.len)
				mutu_buf_putc(&drop, ',');
			mutu_buf_puts(&drop, g->hdr[i]);
			continue;
		}
		const char *name = g->hdr[i];
		int is_case = 0;
		if (case_prefix(name)) {
			is_case = 1;
			name += case_prefix(name);
		}
		for (size_t j = 0; j < sizeof case_attr_names / sizeof case_attr_names[0]; j++)
			if (mutu_strcasecmp(name, case_attr_names[j].col) == 0) {
				is_case = 1;
				name = case_attr_names[j].attr;
			}
		/* a column without a name (R's write.csv puts the row numbers
		 * under "") gets one: an attribute needs a key, in SQL and XES */
		char unnamed[32];
		if (!*name) {
			snprintf(unnamed, sizeof unnamed, "column_%zu", i + 1);
			name = unnamed;
		}
		/* a name an earlier column has (two 'catatan' columns, as a
		 * hand-made Excel sheet or a join writes them): the k-th repeat
		 * is 'catatan.k', as pandas' read_csv names it; before, each
		 * row's second value overwrote the first (one key per event) */
		char again[256];
		size_t k = rep[i], first = rep_first[i];
		if (k && g->hdr[i][0]) { /* column_N is unique already */
			snprintf(again, sizeof again, "%.200s.%zu", name, k);
			if (nrep++ < REPEAT_NOTES)
				mutu_notes_addf(&g->res->notes,
						"column %zu repeats the name '%s' of column %zu: read as '%s'",
						i + 1, g->hdr[i], first + 1, again);
			name = again;
		}
		g->colkind[i] = is_case ? 1 : 2;
		g->colattr[i] = (int)g->nattr_names;
		g->attr_names[g->nattr_names++] = mutu_strdup(name);
		if (!is_case && g->sort_col < 0 && sorting_name(g->hdr[i]))
			g->sort_col = (int)i;
	}
	free(rep);
	free(rep_first);
	if (nrep > REPEAT_NOTES)
		mutu_notes_addf(&g->res->notes,
				"... and %zu more columns repeat the name of a column before them: each read "
				"as NAME.k, the k-th repeat",
				nrep - REPEAT_NOTES);
	for (size_t d = 0; d < g->o->ndrop; d++) {
		int found = 0;
		for (size_t i = 0; i < r->nf; i++)
			found |= mutu_strcasecmp(g->hdr[i], g->o->drop_cols[d]) == 0;
		if (!found)
			mutu_notes_addf(&g->res->notes, "--drop-col %s: no such column",
					g->o->drop_cols[d]);
	}
	g->res->dropped = drop.len ? mutu_buf_detach(&drop) : NULL;
	mutu_buf_release(&drop);

	if (r->nf < 2)
		return mutu_errf(g->err, MUTU_EINPUT,
				 "%s:%lld: not a CSV event log: the first line has no separator (',' ';' or tab)%s",
				 g->path, (long long)r->line, g->o->sep ? "" : "; give --sep if it uses another one");
	struct mutu_buf names;
	mutu_buf_init(&names);
	for (size_t i = 0; i < r->nf && names.len < 300; i++)
		mutu_buf_printf(&names, "%s%s", i ? "," : "", g->hdr[i]);
	int rc = 0;
	int ocel = 0; /* PM4Py's OCEL CSV: ocel:eid, ocel:activity, ocel:type:X */
	for (size_t i = 0; i < r->nf; i++)
		ocel |= mutu_strcasecmp(g->hdr[i], "ocel:activity") == 0 ||
			mutu_strncasecmp(g->hdr[i], "ocel:type:", 10) == 0;
	if (g->role[ELOG_COL_CASE] < 0 && ocel)
		rc = mutu_errf(g->err, MUTU_EINPUT, "%s:%lld: " OCEL_REFUSED, g->path, (long long)r->line,
			       "OCEL CSV");
	else if (g->role[ELOG_COL_CASE] < 0)
		rc = mutu_errf(g->err, MUTU_EINPUT,
			       "%s:%lld: no case id column (looked for case_id, no_permohonan, "
			       "case:concept:name; header: %s); name it with --case-col",
			       g->path, (long long)r->line, names.s);
	else if (g->role[ELOG_COL_START] < 0 && g->role[ELOG_COL_END] < 0 &&
		 g->role[ELOG_COL_TIMESTAMP] < 0)
		rc = mutu_errf(g->err, MUTU_EINPUT,
			       "%s:%lld: no time column (looked for start/end, start_date/end_date, "
			       "time:timestamp; header: %s); name it with --start-col, --end-col or "
			       "--timestamp-col",
			       g->path, (long long)r->line, names.s);
	else if (g->role[ELOG_COL_ACTIVITY] < 0 && g->role[ELOG_COL_STEP] < 0)
		rc = mutu_errf(g->err, MUTU_EINPUT,
			       "%s:%lld: no activity or step column (looked for activity, nama_proses, "
			       "concept:name, step; header: %s); name it with --activity-col",
			       g->path, (long long)r->line, names.s);
	mutu_buf_release(&names);
	return rc;
}

/*
 * An object-centric event log (OCEL 1.0 / 2.0, JSON or XML: "objectTypes",
 * "ocel:global-log", <object-types>, key="ocel:...") relates each event to
 * objects of several types, not to one case.  mutu reads case logs, and
 * which object type is the berkas is the analyst's choice: refused with
 * the way to flatten it (PM4Py's ocel_flattening, whose output -- ocel:eid,
 * case:concept:name, concept:name, time:timestamp -- mutu reads).  Before
 * field round 12 the JSON was read as a CSV ("no case id column" and a
 * header of JSON text) and the XML as "a XES log with no events".
 * Returns the kind's name, or NULL.
 */
static const char *ocel_kind(int fd)
{
	char b[65536];
	ssize_t n = pread(fd, b, sizeof b - 1, 0);
	if (n <= 0)
		return NULL;
	b[n] = '\0';
	size_t i = (n >= 3 && (unsigned char)b[0] == 0xEF && (unsigned char)b[1] == 0xBB &&
		    (unsigned char)b[2] == 0xBF)
			   ? 3
			   : 0;
	while (i < (size_t)n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n'))
		i++;
	if (b[i] == '{' && (strstr(b, "\"objectTypes\"") || strstr(b, "\"eventTypes\"")))
		return "OCEL 2.0 JSON";
	if (b[i] == '{' && (strstr(b, "\"ocel:global-log\"") || strstr(b, "\"ocel:events\"")))
		return "OCEL 1.0 JSON";
	if (b[i] == '<' && strstr(b, "<object-types"))
		return "OCEL 2.0 XML";
	if (b[i] == '<' && !strstr(b, "<trace") && strstr(b, "key=\"ocel:"))
		return "OCEL 1.0 XML";
	return NULL;
}

/* Every value the probe saw in column i reads as a date (and there was one). */
static int date_valued(const struct ingest *g, size_t i)
{
	if (g->xes || !g->probe_vals)
		return 0;
	return g->probe_vals[i] > 0 && g->probe_dates[i] == g->probe_vals[i];
}

/* A case attribute stored under a common name (submitted, decided...). */
static const char *case_attr_known(const char *h)
{
	h += case_prefix(h);
	for (size_t j = 0; j < sizeof case_attr_names / sizeof case_attr_names[0]; j++)
		if (mutu_strcasecmp(h, case_attr_names[j].col) == 0)
			return case_attr_names[j].attr;
	return NULL;
}

/*
 * Which time columns are used, which time-like ones are left as
 * attributes (by name, or because their values read as dates), and a
 * warning for a date-valued column that nothing reads: a log whose step
 * starts sit under an unexpected name would otherwise show every step as
 * a point in time without a word.  Planned dates (endDatePlanned,
 * deadline...) are read by the reports and submitted/decided are stored
 * under their common names, so those are named but not warned about.
 */
static void note_time_columns(struct ingest *g)
{
	if (g->interval)
		mutu_notes_addf(&g->res->notes,
				"interval log: %s is each step's start and %s its completion (PM4Py "
				"convention): one row is one step execution",
				g->hdr[g->role[ELOG_COL_START]], g->hdr[g->role[ELOG_COL_END]]);
	struct mutu_buf used, left;
	mutu_buf_init(&used);
	mutu_buf_init(&left);
	static const int troles[] = {ELOG_COL_START, ELOG_COL_END, ELOG_COL_TIMESTAMP};
	for (size_t k = 0; k < 3; k++)
		if (g->role[troles[k]] >= 0)
			mutu_buf_printf(&used, "%s%s%s%s (%s)", used.len ? ", " : "",
					g->hdr[g->role[troles[k]]], g->clock[k] >= 0 ? " + " : "",
					g->clock[k] >= 0 ? g->hdr[g->clock[k]] : "",
					elog_role_name((enum elog_role)troles[k]));
	for (size_t i = 0; i < g->ncols; i++) {
		if (g->colkind[i] != 1 && g->colkind[i] != 2)
			continue;
		if (!time_name(g->hdr[i]) && !date_valued(g, i) && !planned_name(g->hdr[i]))
			continue;
		if (g->clock[0] == (int)i || g->clock[1] == (int)i || g->clock[2] == (int)i)
			continue; /* a time of day joined to its date: used */
		const char *known = case_attr_known(g->hdr[i]);
		mutu_buf_printf(&left, "%s%s", left.len ? ", " : "", g->hdr[i]);
		if (planned_name(g->hdr[i]))
			mutu_buf_puts(&left, " (planned date: read by the reports)");
		else if (known)
			mutu_buf_printf(&left, " (case attribute '%s')", known);
	}
	if (left.len)
		mutu_notes_addf(&g->res->notes, "time columns: used %s; left as attributes: %s",
				used.s ? used.s : "none", left.s);
	mutu_buf_release(&used);
	mutu_buf_release(&left);
	for (size_t i = 0; i < g->ncols; i++) {
		if ((g->colkind[i] != 1 && g->colkind[i] != 2) || !date_valued(g, i) ||
		    planned_name(g->hdr[i]) || case_attr_known(g->hdr[i]))
			continue;
		if (g->colkind[i] == 1)
			mutu_notes_addf(&g->res->notes,
					"warning: column %s holds date-times (e.g. '%s') that nothing "
					"uses: kept as a case attribute, not read by the reports",
					g->hdr[i], g->probe_date_ex[i] ? g->probe_date_ex[i] : "");
		else
			mutu_notes_addf(&g->res->notes,
					"warning: column %s holds date-times (e.g. '%s') that nothing "
					"uses: kept as an event attribute; if they are each step's start "
					"or end, name the column with --start-col or --end-col",
					g->hdr[i], g->probe_date_ex[i] ? g->probe_date_ex[i] : "");
	}
}

/* Note what detection decided, once. */
static void note_columns(struct ingest *g)
{
	struct mutu_buf b;
	mutu_buf_init(&b);
	mutu_buf_puts(&b, "columns:");
	for (int k = 0; k < ELOG_NROLES; k++)
		if (g->role[k] >= 0)
			mutu_buf_printf(&b, " %s=%s", elog_role_name((enum elog_role)k),
					g->hdr[g->role[k]]);
	size_t nc = 0, ne = 0;
	for (size_t i = 0; i < g->ncols; i++) {
		nc += g->colkind[i] == 1;
		ne += g->colkind[i] == 2;
	}
	mutu_buf_printf(&b, "; %zu case attribute(s), %zu event attribute(s)", nc, ne);
	mutu_notes_addf(&g->res->notes, "%s", b.s);
	mutu_buf_release(&b);
	note_time_columns(g);
}

/*
 * A record whose fields are all empty once libcsv trimmed their blanks
 * (" , , ,", ",,,"): a line of blanks with separators in it.  It is a
 * "blank row" like a line of only blanks, not a row missing its case id.
 * Only for rows: a header like that still reaches header() and is refused
 * there.
 */
static int fields_blank(const struct rec *r)
{
	if (r->blank)
		return 1;
	if (r->broken || r->unterminated || r->badutf8)
		return 0;
	for (size_t i = 0; i < r->nf; i++)
		if (r->f[i].len)
			return 0;
	return 1;
}

/*
 * The --date-format a day/month-order stamp is written in, day first in
 * fmt[0] and month first in fmt[1]: its own separator ('03.06.2025',
 * '03-06-2025'), year digits, clock separator, seconds, fraction and
 * AM/PM ('6/3/2025 1:15:00 PM' -> '%m/%d/%Y %I:%M:%S %p'), so the
 * suggestion reads the log as given (before, '%d/%m/%Y %H:%M' was offered
 * for every stamp, and failed on '03.06.2025 08:15:00').  Leaves fmt
 * empty when the stamp has another shape.
 */
static void order_formats(const char *v, size_t n, char fmt[2][48])
{
	char t[40];
	size_t i = 0, k = 0;
	int dig = 0;
	char dsep = 0, tsep = 0;
	char cb[96]; /* "Senin, 11/08/2025 pukul 08.00" read as "11/08/2025 08.00" */
	size_t cn = elog_stamp_clean(v, n, cb, sizeof cb);
	if (cn) {
		v = cb;
		n = cn;
	}
	while (i < n && v[i] == ' ')
		i++;
	/* d SEP m SEP year */
	for (int part = 0; part < 3; part++) {
		for (dig = 0; i < n && v[i] >= '0' && v[i] <= '9'; i++)
			dig++;
		if (dig < 1 || dig > (part == 2 ? 4 : 2) || (part == 2 && dig != 2 && dig != 4))
			return;
		if (part < 2) {
			if (i >= n || (dsep && v[i] != dsep) || !strchr("/-.", v[i]))
				return;
			dsep = v[i++];
		}
	}
	int year4 = dig == 4;
	/* [ T] H SEP MM [SEP SS [.f]] [ AM/PM] */
	if (i < n && (v[i] == ' ' || v[i] == 'T')) {
		t[k++] = v[i] == 'T' ? 'T' : ' ';
		while (i < n && v[i] == ' ')
			i++;
		if (t[0] == 'T')
			i++;
		int parts = 0;
		for (; parts < 3; parts++) {
			for (dig = 0; i < n && v[i] >= '0' && v[i] <= '9'; i++)
				dig++;
			if (dig < 1 || dig > 2 || (parts && dig != 2))
				return;
			if (parts == 2 || i >= n || (v[i] != ':' && v[i] != '.') ||
			    (tsep && v[i] != tsep) || i + 1 >= n || v[i + 1] < '0' || v[i + 1] > '9')
				break;
			tsep = v[i++];
		}
		if (parts == 0)
			return; /* an hour alone */
		char fsep = i + 1 < n && parts == 2 && (v[i] == '.' || v[i] == ',') &&
				    v[i + 1] >= '0' && v[i + 1] <= '9'
			    ? v[i]
			    : 0;
		if (fsep)
			for (i++; i < n && v[i] >= '0' && v[i] <= '9'; i++)
				;
		size_t j = i;
		while (j < n && v[j] == ' ')
			j++;
		int ampm = j + 1 < n && strchr("AaPp", v[j]) && strchr("Mm.", v[j + 1]);
		k += (size_t)snprintf(t + k, sizeof t - k, "%%%c%c%%M", ampm ? 'I' : 'H',
				      tsep ? tsep : ':');
		if (parts == 2)
			k += (size_t)snprintf(t + k, sizeof t - k, "%c%%S", tsep);
		if (fsep)
			k += (size_t)snprintf(t + k, sizeof t - k, "%c%%f", fsep);
		if (ampm)
			k += (size_t)snprintf(t + k, sizeof t - k, " %%p");
	}
	t[k] = '\0';
	snprintf(fmt[0], 48, "%%d%c%%m%c%%%c%s", dsep, dsep, year4 ? 'Y' : 'y', t);
	snprintf(fmt[1], 48, "%%m%c%%d%c%%%c%s", dsep, dsep, year4 ? 'Y' : 'y', t);
}

/*
 * An Excel serial day number where a stamp should be ("45446.34375", or
 * "45446,34375" from an Indonesian Excel): a date cell saved as General.
 * Not read: a CSV does not say whether its workbook counted days from
 * 1900 (serial 1 = 1900-01-01, base 1899-12-30 past the 1900 leap-year
 * bug) or from 1904 (Mac Excel before 2011), 1462 days apart, and a
 * serial has no zone.  Guessing would move every stamp by four years
 * without a word; formatting the column as a date in Excel fixes it at
 * once.  Serials 20000-80000 (1954-2119) are taken as such; fills buf
 * with both readings for the message.  Returns 1 when it looks like one.
 */
static int excel_serial_val(const char *v, size_t n, long *dayp, double *fracp)
{
	size_t i = 0;
	long day = 0;
	while (i < n && v[i] == ' ')
		i++;
	size_t d0 = i;
	while (i < n && v[i] >= '0' && v[i] <= '9' && i - d0 < 6)
		day = day * 10 + (v[i++] - '0');
	if (i == d0 || day < 20000 || day > 80000)
		return 0;
	double frac = 0, scale = 0.1;
	if (i < n && (v[i] == '.' || v[i] == ',')) {
		i++;
		if (i >= n || v[i] < '0' || v[i] > '9')
			return 0;
		for (; i < n && v[i] >= '0' && v[i] <= '9'; i++, scale /= 10)
			frac += (v[i] - '0') * scale;
	}
	while (i < n && v[i] == ' ')
		i++;
	if (i != n)
		return 0;
	*dayp = day;
	*fracp = frac;
	return 1;
}

static int excel_serial(const char *v, size_t n, char *buf, size_t size)
{
	long day;
	double frac;
	if (!excel_serial_val(v, n, &day, &frac))
		return 0;
	long min = (long)(frac * 1440 + 0.5);
	int y1, m1, d1, y4, m4, d4;
	cal_civil_from_days(cal_days_from_civil(1899, 12, 30) + day + min / 1440, &y1, &m1, &d1);
	cal_civil_from_days(cal_days_from_civil(1904, 1, 1) + day + min / 1440, &y4, &m4, &d4);
	min %= 1440;
	snprintf(buf, size,
		 "%.*s would be %04d-%02d-%02d %02ld:%02ld counted from 1900, %04d-%02d-%02d "
		 "%02ld:%02ld from 1904",
		 (int)(n > 40 ? 40 : n), v, y1, m1, d1, min / 60, min % 60, y4, m4, d4, min / 60,
		 min % 60);
	return 1;
}

/*
 * R writes a missing value as NA, unquoted (write.csv, as bupaR's users
 * export an eventlog or activitylog, and readr's write_csv): an open
 * step's complete, a row without a resource_id.  In a role column (case,
 * SOP, step, activity, actor, lifecycle, the stamps) a field "NA" is read
 * as empty: no case number, step, officer or stamp is written "NA", while
 * reading it as text made an officer named NA and rejected the open
 * step's row as a bad stamp.  Attribute columns keep "NA" as written (a
 * value there can be data).  CSV only: XES leaves a missing key out.
 * Returns r, or copy with g->na_f for its fields when one was emptied.
 */
static const struct rec *na_missing(struct ingest *g, const struct rec *r, struct rec *copy,
				    int probe)
{
	int any = 0;
	if (g->xes)
		return r;
	/* the length first: on a row without "NA" that is all of it */
	for (int k = 0; k < ELOG_NROLES; k++) {
		int c = g->role[k];
		if (c >= 0 && (size_t)c < r->nf && r->f[c].len == 2 &&
		    memcmp(r->buf + r->f[c].off, "NA", 2) == 0) {
			any = 1;
			break;
		}
	}
	if (!any)
		return r;
	if (g->na_cap < r->nf) {
		g->na_f = mutu_realloc(g->na_f, r->nf * sizeof *g->na_f);
		g->na_cap = r->nf;
	}
	memcpy(g->na_f, r->f, r->nf * sizeof *r->f);
	for (int k = 0; k < ELOG_NROLES; k++) {
		int c = g->role[k];
		if (c >= 0 && (size_t)c < r->nf && r->f[c].len == 2 &&
		    memcmp(r->buf + r->f[c].off, "NA", 2) == 0)
			g->na_f[c].len = 0;
	}
	if (!probe && g->na_rows++ == 0)
		g->na_first = r->line;
	*copy = *r;
	copy->f = g->na_f;
	return copy;
}

/*
 * Merged cells of an Excel sheet: an office's register merges the case's
 * cells (No, No Permohonan, Jenis Izin) over the rows of its steps, and
 * Excel saves a merged cell's value in its first row only, the rows under
 * it empty there.  A row with no case id that directly follows a row with
 * one (no other record between), is an event itself (an activity or
 * step, and a stamp), and has its SOP cell and the cells left of the case
 * empty too (merged with it), takes that row's case id and SOP; a row
 * with those written lost only its case id and stays rejected.  Counted and
 * said in a note with the first line (field round 9: before, every row
 * but the first of each case was rejected as "missing case id").  can:
 * the record just before was a row with a case id.  Returns r, or copy
 * with g->fill (row_copy).  CSV only (XES has no cells).
 */
static const struct rec *fill_down(struct ingest *g, const struct rec *r, struct rec *copy,
				   int can, int probe)
{
	int ccol = g->role[ELOG_COL_CASE], scol = g->role[ELOG_COL_SOP];
	if (probe || g->xes)
		return r;
	if (r->f[ccol].len) {
		/* a row of its own: what the rows under it may take; copied
		 * only when it differs from the row above's (a log's rows
		 * follow their case: most rows would copy the same bytes) */
		const char *cv = r->buf + r->f[ccol].off, *sv = scol >= 0 ? r->buf + r->f[scol].off : "";
		size_t cn = r->f[ccol].len, sn = scol >= 0 ? r->f[scol].len : 0;
		if (g->carry_case != cn || g->carry_sop != sn || g->carry.len != cn + sn ||
		    memcmp(g->carry.s, cv, cn) != 0 || memcmp(g->carry.s + cn, sv, sn) != 0) {
			mutu_buf_reset(&g->carry);
			mutu_buf_add(&g->carry, cv, cn);
			g->carry_case = cn;
			g->carry_sop = sn;
			if (sn)
				mutu_buf_add(&g->carry, sv, sn);
		}
		g->carry_ok = 1;
		return r;
	}
	if (!can)
		return r;
	int acol = g->role[ELOG_COL_ACTIVITY], stcol = g->role[ELOG_COL_STEP];
	int event = (acol >= 0 && r->f[acol].len) || (stcol >= 0 && r->f[stcol].len);
	int stamp = 0;
	static const int tk[] = {ELOG_COL_START, ELOG_COL_END, ELOG_COL_TIMESTAMP};
	for (size_t k = 0; k < 3; k++)
		stamp |= g->role[tk[k]] >= 0 && r->f[g->role[tk[k]]].len;
	if (!event || !stamp)
		return r;
	/* merged with the case cell: the SOP cell and the cells left of the
	 * case (the sheet's No) are empty too; a row with them written lost
	 * only its case id (a defect, rejected) */
	if (scol >= 0 && r->f[scol].len)
		return r;
	for (int i = 0; i < ccol; i++) {
		/* a step's own cells left of the case (a register that opens
		 * with Tanggal and Jam) are no case cells: they hold the row's
		 * stamp (before field round 12 such a row stayed rejected) */
		int own = 0;
		for (int k = 0; k < 3; k++)
			own |= i == g->role[clock_roles[k]] || i == g->clock[k];
		if (r->f[i].len && !own)
			return r;
	}
	row_copy_begin(&g->fill, r);
	row_copy_set(&g->fill, ccol, g->carry.s, g->carry_case);
	if (scol >= 0 && !r->f[scol].len && g->carry_sop)
		row_copy_set(&g->fill, scol, g->carry.s + g->carry_case, g->carry_sop);
	if (g->fill_rows++ == 0)
		g->fill_first = r->line;
	g->carry_ok = 1;
	return row_copy_done(&g->fill, r, copy);
}

/*
 * Merged date cells: an office's register written in Excel keeps the date
 * in one column (Tanggal) and the time of day in the next (Jam), and
 * merges the date cell over the rows of one day (or of one berkas), so
 * the saved sheet has the date in the group's first row only.  A row
 * whose date column of a date + time pair (clock_columns) is empty while
 * its time column holds a time, directly under a row (no other record
 * between) that had a date there or took one, takes that date.  Counted
 * and said with the first line.  Before field round 12 each such row was
 * rejected "no timestamp", the steps under a day's first row lost.  A row
 * with no time either stays as it was (no stamp: rejected, or an open
 * step's empty end).  can: the record just before was a row.  Returns r,
 * or copy with g->dfill (row_copy).  CSV only.
 */
static const struct rec *fill_date(struct ingest *g, const struct rec *r, struct rec *copy,
				   int can, int probe)
{
	if (probe || g->xes)
		return r;
	int fill[3] = {0, 0, 0}, any = 0;
	for (int k = 0; k < 3; k++) {
		int dcol = g->role[clock_roles[k]], clk = g->clock[k];
		if (dcol < 0 || clk < 0)
			continue;
		if (r->f[dcol].len) {
			mutu_buf_reset(&g->dcarry[k]);
			mutu_buf_add(&g->dcarry[k], r->buf + r->f[dcol].off, r->f[dcol].len);
		} else if (!can) {
			mutu_buf_reset(&g->dcarry[k]); /* a gap: the date above is not this row's */
		} else if (r->f[clk].len && g->dcarry[k].len) {
			fill[k] = 1;
			any = 1;
		}
	}
	g->dcarry_ok = 1;
	if (!any)
		return r;
	row_copy_begin(&g->dfill, r);
	for (int k = 0; k < 3; k++) {
		if (!fill[k])
			continue;
		int dcol = g->role[clock_roles[k]];
		row_copy_set(&g->dfill, dcol, g->dcarry[k].s, g->dcarry[k].len);
		if (g->dfill_rows == 0 && !g->dfill_col[0])
			snprintf(g->dfill_col, sizeof g->dfill_col, "%s", g->hdr[dcol]);
	}
	if (g->dfill_rows++ == 0)
		g->dfill_first = r->line;
	return row_copy_done(&g->dfill, r, copy);
}

/* Is a one-stamp row's lifecycle a start (its stamp fills the start)?
 * The values sla_lifecycle_kind reads as a start (start, begin, started;
 * BPAF's Open.Running and Open.Running.InProgress), and schedule / assign,
 * the marks before a start.  Before, begin, started and the BPAF states
 * filled the end, so their rows were read as completions. */
static int lc_is(const char *lc, const char *const *s, size_t ns)
{
	while (*lc == ' ')
		lc++;
	size_t n = strlen(lc);
	while (n && lc[n - 1] == ' ')
		n--;
	return mutu_word_among(lc, n, s, ns);
}

static int lc_starts(const char *lc)
{
	/* "mulai" / "dimulai": an Indonesian system's own status words for a
	 * start (sla_lifecycle_kind reads them alike) */
	static const char *const s[] = {"start",	"begin",		   "started",
					"schedule",	"assign",		   "Open.Running",
					"Open.Running.InProgress", "mulai", "dimulai"};
	return lc_is(lc, s, sizeof s / sizeof *s);
}

/* No lifecycle, or a completion: a XES event whose start_timestamp may
 * open its execution (PM4Py's interval log written as XES). */
static int lc_may_interval(const char *lc)
{
	static const char *const s[] = {"", "complete", "completed", "end", "ended"};
	return lc_is(lc, s, sizeof s / sizeof *s);
}

/* elog_dkey_act of an activity text, from the cache when the text was
 * met before (compared whole: the same state, so the same key). */
static uint64_t dkey_act(struct ingest *g, const char *act, size_t n)
{
	uint64_t k = n;
	if (n) {
		k = k * 31 + (unsigned char)act[0];
		k = k * 31 + (unsigned char)act[n / 2];
		k = k * 31 + (unsigned char)act[n - 1];
	}
	k *= 0x9E3779B97F4A7C15ULL;
	size_t i = (size_t)(k >> (64 - DKEY_CACHE_BITS));
	if (g->dk[i].act && g->dk[i].len == n && memcmp(g->dk[i].act, act, n) == 0)
		return g->dk[i].h;
	uint64_t h = elog_dkey_act(act, n);
	if (n <= 4096) {
		free(g->dk[i].act);
		g->dk[i].act = mutu_strndup(act, n);
		g->dk[i].len = n;
		g->dk[i].h = h;
	}
	return h;
}

/*
 * pandas writes an integer column that has a gap (NaN) as floats: case ids
 * 123.0, 124.0.  The length of v without such a ".0" (digits only before
 * it), else n.  Taken only when every probed case id has the form (an id
 * such as 'A1.0' or '1.10' is kept), so one office's ids stay one text
 * whichever tool wrote them (ingest.case_float0).
 */
static size_t float0_len(const char *v, size_t n)
{
	if (n < 3 || v[n - 2] != '.' || v[n - 1] != '0')
		return n;
	for (size_t i = 0; i + 2 < n; i++)
		if (v[i] < '0' || v[i] > '9')
			return n;
	return n - 2;
}

/* A UTF-8 byte order mark at the front of *v: a record's first field
 * carries one where a second export was pasted under the first. */
static void skip_bom(const char **v, size_t *n)
{
	if (*n >= 3 && memcmp(*v, "\xef\xbb\xbf", 3) == 0) {
		*v += 3;
		*n -= 3;
	}
}

/*
 * A CSV row that is the header again: every field the header's name at
 * its place (ignoring case and the blanks around it; a UTF-8 BOM before
 * the first, as a second export pasted under the first with `cat` or a
 * copied sheet brings).  Exports of several months joined into one file,
 * and reports printed page by page, repeat their header; it holds no
 * event, so it is no row: skipped and counted apart, as empty lines are.
 * Before (field round 8) each was rejected as "bad timestamp in Mulai:
 * 'Mulai'", and the monthly report then said its figures rested on
 * partial data.  A header with more or fewer columns is no repeat: that
 * row stays a row with the wrong number of fields.
 */
static int header_again(const struct ingest *g, const struct rec *r)
{
	if (g->xes || r->nf != g->ncols || r->blank || r->toolong || r->broken || r->unterminated)
		return 0;
	int named = 0;
	for (size_t i = 0; i < r->nf; i++) {
		const char *v = r->buf + r->f[i].off;
		size_t n = r->f[i].len;
		if (i == 0)
			skip_bom(&v, &n);
		while (n && (*v == ' ' || *v == '\t')) {
			v++;
			n--;
		}
		while (n && (v[n - 1] == ' ' || v[n - 1] == '\t'))
			n--;
		if (strlen(g->hdr[i]) != n || (n && mutu_strncasecmp(v, g->hdr[i], n) != 0))
			return 0;
		named += n > 0;
	}
	return named > 0;
}

/*
 * A field that reads as prose, not as a case number: a label ending in ':'
 * ("Dicetak: 01/07/2025", "Periode:"), or two words of three letters or
 * more ("Laporan Berkas Bulan Juni 2025").  A case id is one token
 * ("503/0412/DPMPTSP/VI/2025", "PBG-0012", "A1").
 */
static int prose(const char *v, size_t n)
{
	int words = 0, run = 0;
	for (size_t i = 0; i <= n; i++) {
		unsigned char c = i < n ? (unsigned char)v[i] : ' ';
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80) {
			run++;
			continue;
		}
		if (c == ':' && run >= 3)
			return 1;
		words += run >= 3;
		run = 0;
	}
	return words >= 2;
}

/*
 * A CSV line that holds no event and is no row: a row of only separators
 * (";;;;", " , , ": an empty sheet row as Excel saves it), or a title line
 * ("Laporan Berkas Bulan Juni 2025", "Dicetak: 01/07/2025;;;") - the
 * first field prose() and every other one empty or absent.  Exports joined into one
 * file, and reports printed page by page, bring them between the blocks;
 * skipped and counted apart like a repeated header (field round 9: before,
 * each was rejected, "blank row" or "wrong number of fields", and the
 * monthly report called its figures partial).  A line of blanks without
 * a separator stays a rejected "blank row" (a row that lost its fields),
 * and a row with a case id and a broken stamp stays a rejected row: it
 * has two fields or its one field is a single token.
 */
/* A label that opens a report's total row: "Jumlah", "Total", "Sub Total",
 * "Grand Total", "Rata-rata" (any case, more words after it: "Jumlah
 * Berkas", "Total Proses:"), the whole first word. */
static int total_label(const char *v, size_t n)
{
#define L(s) {s, sizeof s - 1}
	static const struct { const char *s; size_t n; } labels[] = {
		L("jumlah"), L("total"), L("subtotal"), L("sub total"), L("sub-total"), L("grand total"),
		L("rata-rata"), L("rata rata"), L("rata2"), L("average")};
#undef L
	while (n && (*v == ' ' || *v == '\t'))
		v++, n--;
	/* every row's first cell passes here: one look at its first letter
	 * rules out case ids and row numbers before any name is compared */
	switch (n ? *v | 0x20 : 0) {
	case 'j': case 't': case 's': case 'g': case 'r': case 'a': break;
	default: return 0;
	}
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
		size_t k = labels[i].n;
		if (n >= k && mutu_strncasecmp(v, labels[i].s, k) == 0 &&
		    (n == k || !((v[k] >= 'a' && v[k] <= 'z') || (v[k] >= 'A' && v[k] <= 'Z') ||
				 (v[k] >= '0' && v[k] <= '9'))))
			return 1;
	}
	return 0;
}

/* A cell of a total row besides its label: a count, a share or a time as
 * a spreadsheet shows it ("5", "1.234", "87,5", "92%", "12:30"). */
static int total_cell(const char *v, size_t n)
{
	int digit = 0;
	for (size_t i = 0; i < n; i++) {
		char c = v[i];
		if (c >= '0' && c <= '9')
			digit = 1;
		else if (c != '.' && c != ',' && c != '%' && c != ':' && c != ' ')
			return 0;
	}
	return digit;
}

/*
 * A report's total row under the table, as an office's register or a
 * SiCANTIK report saved from Excel ends: "Jumlah Berkas;12;;;", "Total
 * Proses;57;;;", "Jumlah;;;;": the first cell a total label (total_label),
 * every other cell empty or a number (total_cell).  No event: a row of a
 * log has a case id and a stamp, never a total label in its first cell
 * and only numbers beside it.  Before field round 10 it was a rejected row
 * ("missing activity") and the monthly report called a complete export's
 * figures partial.
 */
static int total_row(const struct rec *r)
{
	if (r->nf < 2 || !r->f[0].len)
		return 0;
	const char *v = r->buf + r->f[0].off;
	size_t n = r->f[0].len;
	skip_bom(&v, &n);
	if (!total_label(v, n))
		return 0;
	for (size_t i = 1; i < r->nf; i++)
		if (r->f[i].len && !total_cell(r->buf + r->f[i].off, r->f[i].len))
			return 0;
	return 1;
}

/*
 * The first line of a signature block under a register, as an office
 * prints it for the head's signature (Permendagri 1/2023's naskah dinas
 * pattern): "Mengetahui," / "Menyetujui," / "Disahkan oleh" / "a.n.
 * Kepala Dinas" / "Yang membuat", or the place and date line above it,
 * "Rokan Hilir, 31 Agustus 2025": letters (a place's name), a comma, and
 * a date mutu reads.  Case-blind, the whole first word.
 */
static int sig_opener(const char *v, size_t n)
{
	static const struct {
		const char *w;
		size_t k;
	} words[] = {
#define SIG_W(s) {s, sizeof s - 1}
		SIG_W("mengetahui"), SIG_W("menyetujui"), SIG_W("diketahui"),    SIG_W("disetujui"),
		SIG_W("disahkan"),   SIG_W("diperiksa"),  SIG_W("a.n."),         SIG_W("an."),
		SIG_W("yang membuat"), SIG_W("dibuat oleh"),
#undef SIG_W
	};
	while (n && (*v == ' ' || *v == '\t'))
		v++, n--;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t k = words[i].k;
		const char *w = words[i].w;
		if (n >= k && mutu_strncasecmp(v, w, k) == 0 &&
		    (n == k || !((v[k] >= 'a' && v[k] <= 'z') || (v[k] >= 'A' && v[k] <= 'Z'))))
			return 1;
	}
	const char *c = memchr(v, ',', n);
	if (!c || c - v < 3)
		return 0;
	for (const char *p = v; p < c; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == ' ' || *p == '.' ||
		      *p == '-'))
			return 0;
	int64_t ms;
	int off;
	return elog_parse_time(c + 1, n - (size_t)(c + 1 - v), NULL, 0, &ms, &off) == ELOG_TS_OK;
}

/*
 * A line of the signature block under a register ("Rokan Hilir, 31
 * Agustus 2025", "Mengetahui,", "Kepala Dinas Penanaman Modal dan PTSP",
 * the name, "NIP. 19700101 199803 1 002"), each in a cell of its own,
 * anywhere in the row, under the case column too: one or two cells filled
 * (two: a second signature beside the first, "Yang membuat,").  The
 * block opens with sig_opener; the lines under it of that shape are its
 * own.  No event: a row of a log has at least a case id, an activity and
 * a stamp, three cells, so nothing of a row is lost.  Before (field round
 * 13) each was a rejected row ("missing case id", or its signature words
 * taken as a case id, "missing activity") and a complete register read
 * as partial data.  A line of three cells or more is a row as before, in
 * the block or not.  Not in the probe: its counts are the whole file's.
 */
static int sig_line(struct ingest *g, const struct rec *r, int probe)
{
	if (probe || r->nf < 2)
		return 0;
	size_t full = 0, first = 0;
	for (size_t i = 0; i < r->nf && full <= 2; i++)
		if (r->f[i].len && !full++)
			first = i;
	/* counted before any sig_opener: a row of a log (three cells or more)
	 * is decided without reading its cells, which on every row of a
	 * 10^6-event log cost a tenth of the parse (issue 14) */
	if (full == 0 || full > 2)
		return 0;
	int opens = 0;
	for (size_t i = first; i < r->nf; i++)
		if (r->f[i].len)
			opens |= sig_opener(r->buf + r->f[i].off, r->f[i].len);
	if (!(opens || g->in_sig))
		return 0;
	/* a title's line under the block ("Dicetak pada: 01/09/2025") is a
	 * title line, counted as one (no_event_line) */
	if (full == 1 && first == 0 && !opens && prose(r->buf + r->f[0].off, r->f[0].len))
		return 0;
	g->in_sig = 1;
	if (!g->sig_lines++) {
		g->sig_line_no = r->line;
		snprintf(g->sig_ex, sizeof g->sig_ex, "%.*s",
			 (int)(r->f[first].len < 40 ? r->f[first].len : 40), r->buf + r->f[first].off);
	}
	return 1;
}

static int no_event_line(struct ingest *g, const struct rec *r, int probe)
{
	if (g->xes || r->blank || r->toolong || r->broken || r->unterminated || r->badutf8)
		return 0;
	if (total_row(r)) {
		if (!probe && !g->total_rows++) {
			g->total_line = r->line;
			snprintf(g->total_ex, sizeof g->total_ex, "%.*s",
				 (int)(r->f[0].len < 40 ? r->f[0].len : 40), r->buf + r->f[0].off);
		}
		return 1;
	}
	/* the filled cells, counted up to three: a row of a log (three or
	 * more) is no title and no signature line, and is told so without
	 * reading its other cells (issue 14) */
	size_t full = 0, at = 0;
	for (size_t i = 0; i < r->nf && full <= 2; i++)
		if (r->f[i].len) {
			full++;
			at = i;
		}
	if (full == 0)
		return r->nf >= 2; /* separators only; a lone empty field is libcsv's blank line */
	if (full <= 2 && sig_line(g, r, probe))
		return 1;
	if (full > 1 || at != 0)
		return 0; /* a title sits in the sheet's first cell */
	const char *v = r->buf + r->f[at].off;
	size_t n = r->f[at].len;
	skip_bom(&v, &n);
	return prose(v, n);
}

/*
 * A row fitted to the header's width.  Excel saves every column that once
 * held data, so a sheet whose extra columns were cleared writes its header
 * as "a,b,c,,," -- and, as another tool or a hand edit does, its rows with
 * or without those trailing empty cells; a row may also carry empty cells
 * past the header's last one.  Those cells hold nothing: a row with
 * fewer fields, but all the header's named ones (g->nnamed), is read with
 * the rest empty, and a row whose fields past the header are all empty is
 * read without them.  Before (hardening round 3), each such row was
 * rejected as "wrong number of fields": a whole Excel export could be.
 * A row missing a named column, or with text past the header, keeps its
 * width and is rejected.  Returns r, or copy with g->fit_f (CSV only).
 */
static const struct rec *fit_width(struct ingest *g, const struct rec *r, struct rec *copy)
{
	if (g->xes || r->nf == g->ncols || r->nf == 0 || r->blank || r->toolong || r->broken ||
	    r->unterminated)
		return r;
	if (r->nf > g->ncols) {
		for (size_t i = g->ncols; i < r->nf; i++)
			if (r->f[i].len)
				return r;
		*copy = *r;
		copy->nf = g->ncols;
		return copy;
	}
	if (r->nf < g->nnamed)
		return r;
	if (g->fit_cap < g->ncols) {
		g->fit_f = mutu_realloc(g->fit_f, g->ncols * sizeof *g->fit_f);
		g->fit_cap = g->ncols;
	}
	memcpy(g->fit_f, r->f, r->nf * sizeof *r->f);
	/* an empty field: the NUL that ends the row's last field */
	struct field none = {r->f[r->nf - 1].off + r->f[r->nf - 1].len, 0};
	for (size_t i = r->nf; i < g->ncols; i++)
		g->fit_f[i] = none;
	*copy = *r;
	copy->f = g->fit_f;
	copy->nf = g->ncols;
	return copy;
}

static int process(struct ingest *g, const struct rec *r, int probe)
{
	struct rec fitted;
	r = fit_width(g, r, &fitted);
	char v1[80], v2[80];
	int can = 0; /* the record before was a row with a case id (fill_down) */
	int dcan = 0; /* the record before was a row (fill_date) */
	if (!probe) {
		can = g->carry_ok;
		g->carry_ok = 0;
		dcan = g->dcarry_ok;
		g->dcarry_ok = 0;
	}
	if (header_again(g, r)) {
		if (!probe && !g->header_again++)
			g->header_again_line = r->line;
		return 0;
	}
	if (no_event_line(g, r, probe)) {
		if (!probe && !g->no_event++)
			g->no_event_line_no = r->line;
		return 0;
	}
	if (!probe)
		g->rows++;
	if (r->toolong) {
		if (!probe)
			reject(g, r, R_LONG,
			       "record too long: %llu bytes on line %lld, over the limit of %u MiB "
			       "(ELOG_MAX_RECORD); skipped to the next line end, raw keeps its first "
			       "%u bytes",
			       (unsigned long long)r->nbytes, (long long)r->line,
			       (unsigned)(ELOG_MAX_RECORD >> 20), (unsigned)LONG_RAW_KEEP);
		return 0;
	}
	if (r->blank) {
		if (!probe)
			reject(g, r, R_BLANK, "blank row: only blanks on the line, no fields");
		return 0;
	}
	if (fields_blank(r)) {
		if (!probe)
			reject(g, r, R_BLANK, "blank row: only blanks and separators on the line, "
					      "every field empty");
		return 0;
	}
	if (r->broken) {
		if (!probe)
			reject(g, r, R_QUOTE,
			       "broken quoting: a quote opened on line %lld is not closed where the row "
			       "should end (it ran over %d lines); the lines after it were read again",
			       (long long)r->line, r->nlines);
		return 0;
	}
	if (r->unterminated) {
		if (!probe)
			reject(g, r, R_QUOTE, "broken quoting: a quote opened on line %lld is never closed",
			       (long long)r->line);
		return 0;
	}
	if (r->badutf8) {
		g->probe_badutf8 += probe;
		if (probe && !g->probe_badutf8_line) {
			size_t k = 0;
			for (size_t i = 0; i < r->rawlen && k + 5 < sizeof g->probe_badutf8_ex; i++) {
				unsigned char c = (unsigned char)r->raw[i];
				k += (size_t)snprintf(g->probe_badutf8_ex + k, sizeof g->probe_badutf8_ex - k,
						      c >= 0x80 || c < 0x20 ? "\\x%02x" : "%c", c);
			}
			g->probe_badutf8_line = r->line;
		}
		if (!probe)
			reject(g, r, R_UTF8, "not UTF-8 text (re-export the file as UTF-8)");
		return 0;
	}
	if (r->nf != g->ncols) {
		if (!probe && g->nnamed < g->ncols)
			reject(g, r, R_FIELDS,
			       "wrong number of fields: %zu, the header has %zu (%zu named, the "
			       "rest empty: a row holds %zu to %zu, or empty cells past them)",
			       r->nf, g->ncols, g->nnamed, g->nnamed, g->ncols);
		else if (!probe)
			reject(g, r, R_FIELDS, "wrong number of fields: %zu, the header has %zu", r->nf,
			       g->ncols);
		return 0;
	}
	struct rec na, filled, dated;
	r = na_missing(g, r, &na, probe);
	/* the date first: a row under merged date and case cells is a row
	 * with a stamp only once its date is filled (fill_down asks for one) */
	r = fill_date(g, r, &dated, dcan, probe);
	r = fill_down(g, r, &filled, can, probe);
	if (probe)
		probe_dates(g, r);
	const int *role = g->role;
	int ccol = role[ELOG_COL_CASE];
	if (r->f[ccol].len == 0 && !probe) {
		reject(g, r, R_CASE, "missing case id in %s", g->hdr[ccol]);
		return 0;
	}
	if (!probe && !g->xes && excel_sci(r->buf + r->f[ccol].off, r->f[ccol].len)) {
		reject(g, r, R_SCI,
		       "case id cut by Excel in %s: '%.*s' is a number Excel showed in scientific "
		       "notation: its last digits are lost, and other berkas may share the text; "
		       "format the column as Text in Excel (or export it again) and save",
		       g->hdr[ccol], (int)r->f[ccol].len, r->buf + r->f[ccol].off);
		return 0;
	}
	/* the probe reads on without the case id: a merged case cell leaves
	 * it in the group's first row only (fill_down, real pass only), and
	 * the rows under it tell the dates' order as well (before field round
	 * 12 a register whose only day past the 12th stood under a merged
	 * cell was refused: "ambiguous") */
	if (probe && !g->xes && r->f[ccol].len) {
		g->probe_case_n++;
		g->probe_case_f0 += float0_len(r->buf + r->f[ccol].off, r->f[ccol].len) != r->f[ccol].len;
	}
	/* SOP */
	struct sopent *s = g->fixed;
	if (!s && role[ELOG_COL_SOP] >= 0 && r->f[role[ELOG_COL_SOP]].len)
		s = sop_lookup(g, r->buf + r->f[role[ELOG_COL_SOP]].off, r->f[role[ELOG_COL_SOP]].len);
	int zone = s ? s->zone : g->tz;
	/* the probe of a row under a merged case cell (no case id, no SOP):
	 * the zone of the row above, whose SOP the real pass gives it */
	if (probe && !r->f[ccol].len && !s && g->probe_zone_set)
		zone = g->probe_zone_above;
	else if (probe && r->f[ccol].len) {
		g->probe_zone_above = zone;
		g->probe_zone_set = 1;
	}
	/* activity and step */
	int acol = role[ELOG_COL_ACTIVITY], scol = role[ELOG_COL_STEP];
	const char *act = acol >= 0 ? r->buf + r->f[acol].off : "";
	size_t alen = acol >= 0 ? r->f[acol].len : 0;
	int step = 0, unknown = 0;
	if (scol >= 0 && r->f[scol].len) {
		if (parse_int(r->buf + r->f[scol].off, r->f[scol].len, &step)) {
			if (!probe)
				reject(g, r, R_STEP, "bad step number in %s: '%s'", g->hdr[scol],
				       shown(r, scol, v1, sizeof v1));
			return 0;
		}
		if (s && s->m) {
			const struct sop_step *st = sop_model_step(s->m, step);
			if (!st) {
				step = 0;
				unknown = 1;
			} else if (!alen && st->activity) {
				act = st->activity;
				alen = strlen(act);
			}
		}
	} else if (alen && s && (s->m || g->nmap)) {
		step = map_step(g, s, act, alen);
		unknown = s->m && !step;
	} else if (alen && !s && g->nmap) {
		/* --map without a model: the map alone decides */
		normalize(act, alen, &g->norm);
		for (size_t i = 0; i < g->nmap && !step; i++)
			if (strcmp(g->map[i].norm, g->norm.s ? g->norm.s : "") == 0)
				step = g->map[i].step;
	}
	if (!alen) {
		if (scol >= 0 && r->f[scol].len) {
			act = r->buf + r->f[scol].off; /* a step with no text and no model */
			alen = r->f[scol].len;
		} else {
			if (!probe)
				reject(g, r, R_ACTIVITY, "missing activity in %s",
				       acol >= 0 ? g->hdr[acol] : "(no activity column)");
			return 0;
		}
	}
	/* time stamps */
	int hs = 0, he = 0, so = 0, eo = 0;
	int bcol = -1, ecol = -1; /* the columns the start and the end came from */
	int64_t sms = 0, ems = 0;
	int tcols[3] = {role[ELOG_COL_START], role[ELOG_COL_END], role[ELOG_COL_TIMESTAMP]};
	int lcol = role[ELOG_COL_LIFECYCLE];
	const char *lc = lcol >= 0 ? r->buf + r->f[lcol].off : "";
	/* XES: PM4Py writes an interval log's start as the event attribute
	 * start_timestamp beside time:timestamp (its completion), one event
	 * per execution, as the CSV's interval columns.  An event with a
	 * start lifecycle keeps its own single stamp. */
	int xes_interval = g->xes && tcols[0] >= 0 && tcols[2] >= 0 && tcols[1] < 0;
	for (int k = 0; k < 3; k++) {
		int col = tcols[k];
		if (col < 0 || r->f[col].len == 0)
			continue;
		if (k == 0 && xes_interval && !lc_may_interval(lc))
			continue;
		/* the clock column of this role (clock_roles' order is tcols'):
		 * by role, not by column, since a register's one Tanggal may be
		 * the date of both the start and the end (shared_date) */
		int clk = g->clock[k];
		if (!probe && notime(g, r, col, clk)) {
			if (k == 0) {
				if (!g->notime_start++) {
					g->notime_line = r->line;
					snprintf(g->notime_ex, sizeof g->notime_ex, "%s '%s', %s empty",
						 g->hdr[col], shown(r, col, v1, sizeof v1), g->hdr[clk]);
				}
				continue;
			}
			/* one date for both stamps (shared_date): the date is the
			 * start's, and an empty end clock is a step still running,
			 * an open row as an empty end cell is (field round 14) */
			if (k == 1 && col == tcols[0])
				continue;
			reject(g, r, R_TS,
			       "no time of day in %s beside %s '%s': the date alone would read as "
			       "00:00 (fill in the time)",
			       g->hdr[clk], g->hdr[col], shown(r, col, v1, sizeof v1));
			return 0;
		}
		int has;
		int64_t ms;
		int off;
		int rc = time_field(g, r, col, clk, zone, &has, &ms, &off);
		if (probe) {
			/* a date alone ('2025-06-25', '25 Juni 2025', '25/06/2025'
			 * before its order is known): read as 00:00 local */
			const char *tv = r->buf + r->f[col].off;
			size_t tn = r->f[col].len;
			int midnight = rc == ELOG_TS_OK && (ms + (int64_t)off * 60000) % 86400000 == 0;
			int undecided = rc == ELOG_TS_BAD && !g->o->date_format &&
					elog_date_order_needed(tv, tn);
			if ((midnight || (undecided && !memchr(tv, ' ', tn))) && !g->xes &&
			    !memchr(tv, ':', tn) &&
			    clk < 0 && !g->probe_dateonly++)
				snprintf(g->probe_dateonly_ex, sizeof g->probe_dateonly_ex,
					 "%s '%s', line %lld", g->hdr[col], shown(r, col, v1, sizeof v1),
					 (long long)r->line);
			g->probe_stamps += rc == ELOG_TS_OK || undecided;
			if (rc == ELOG_TS_OK)
				g->probe_time_ok++;
			else if (rc == ELOG_TS_NOZONE)
				g->probe_nozone++;
			else {
				g->probe_time_bad++;
				if (!g->probe_serial_line &&
				    excel_serial(r->buf + r->f[col].off, r->f[col].len,
						 g->probe_serial_ex, sizeof g->probe_serial_ex))
					g->probe_serial_line = r->line;
				/* the first such stamp, the one the message shows: a later
				 * 02.06.2025 made '28.05.2025' "ambiguous" (before) */
				int dm = g->o->date_format ? 0
							   : elog_date_order_needed(r->buf + r->f[col].off,
										    r->f[col].len);
				if (dm && !g->probe_order) {
					g->probe_order = dm;
					order_formats(r->buf + r->f[col].off, r->f[col].len, g->probe_fmt);
				}
				if (dm >= 1 && dm <= 3)
					g->probe_dm++;
				if (dm == 1 && !g->probe_dm_amb++) {
					g->probe_dm_amb_zone = zone;
					snprintf(g->probe_dm_amb_ex, sizeof g->probe_dm_amb_ex,
						 "'%s' (line %lld)", shown(r, col, v1, sizeof v1),
						 (long long)r->line);
				}
				if ((dm == 2 || dm == 3) && !g->probe_dm_side[dm - 2]++) {
					g->probe_dm_zone[dm - 2] = zone;
					snprintf(g->probe_dm_ex[dm - 2], sizeof g->probe_dm_ex[0],
						 "'%s' (line %lld)", shown(r, col, v1, sizeof v1),
						 (long long)r->line);
				}
			}
			if (rc != ELOG_TS_OK && !g->probe_example[0]) {
				snprintf(g->probe_example, sizeof g->probe_example, "%s: '%s'", g->hdr[col],
					 shown(r, col, v1, sizeof v1));
				g->probe_line = r->line;
			}
			continue;
		}
		if (rc == ELOG_TS_NOZONE) {
			reject(g, r, R_ZONE,
			       "local time without a zone in %s: '%s' (give --tz or --sop)", g->hdr[col],
			       shown(r, col, v1, sizeof v1));
			return 0;
		}
		if (rc != ELOG_TS_OK && clk >= 0 && r->f[clk].len) {
			reject(g, r, R_TS, "bad timestamp in %s + %s: '%s' '%s'%s", g->hdr[col],
			       g->hdr[clk], shown(r, col, v1, sizeof v1), shown(r, clk, v2, sizeof v2),
			       g->o->date_format ? " (does not match --date-format)" : "");
			return 0;
		}
		if (rc == ELOG_TS_BAD && clk < 0) {
			const char *sv = r->buf + r->f[col].off;
			size_t sn = r->f[col].len;
			char ex[240];
			if (excel_serial_near(g, sv, sn, zone, &ms, &off)) {
				rc = ELOG_TS_OK;
				if (!g->serial_rows++) {
					g->serial_line = r->line;
					excel_serial(sv, sn, g->serial_ex, sizeof g->serial_ex);
				}
			} else if (excel_serial(sv, sn, ex, sizeof ex)) {
				reject(g, r, R_TS,
				       "bad timestamp in %s: an Excel serial day number (%s), and no "
				       "date read before it tells which; format the column as a date "
				       "and time (yyyy-mm-dd hh:mm:ss)",
				       g->hdr[col], ex);
				return 0;
			}
		}
		if (rc != ELOG_TS_OK) {
			reject(g, r, R_TS, "bad timestamp in %s: '%s'%s", g->hdr[col],
			       shown(r, col, v1, sizeof v1),
			       g->o->date_format ? " (does not match --date-format)" : "");
			return 0;
		}
		if (!g->seen_n++ || ms < g->seen_min)
			g->seen_min = ms;
		if (g->seen_n == 1 || ms > g->seen_max)
			g->seen_max = ms;
		if (k == 0) {
			hs = 1, sms = ms, so = off, bcol = col;
		} else if (k == 1) {
			he = 1, ems = ms, eo = off, ecol = col;
		} else if (xes_interval && hs) {
			/* the completion of the interval */
			he = 1, ems = ms, eo = off, ecol = col;
		} else {
			/* one stamp per event: a lifecycle 'start' row marks a start */
			if (lc_starts(lc))
				hs = 1, sms = ms, so = off, bcol = col;
			else
				he = 1, ems = ms, eo = off, ecol = col;
		}
	}
	if (probe)
		return 0;
	if (!hs && !he && r->ts_nokey) {
		reject(g, r, R_NOTS, "no timestamp: the event has no %s key",
		       role[ELOG_COL_TIMESTAMP] >= 0 ? g->hdr[role[ELOG_COL_TIMESTAMP]]
						     : "time:timestamp");
		return 0;
	}
	if (!hs && !he) {
		reject(g, r, R_NOTS, "no timestamp: %s empty",
		       role[ELOG_COL_TIMESTAMP] >= 0 ? g->hdr[role[ELOG_COL_TIMESTAMP]]
						     : "start and end both");
		return 0;
	}
	/* named by the columns the two stamps came from: an XES interval
	 * event's end is its time:timestamp, there is no end column (before,
	 * hardening round 2: g->hdr[-1], a read before the array, when
	 * PM4Py's start_timestamp was after time:timestamp) */
	if (hs && he && ems < sms) {
		reject(g, r, R_ORDER, "end before start: %s '%s', %s '%s'", g->hdr[bcol],
		       shown(r, bcol, v1, sizeof v1), g->hdr[ecol], shown(r, ecol, v2, sizeof v2));
		return 0;
	}
	/* the event */
	struct item *it = new_item(g);
	if (!it)
		return -1;
	struct chunk *c = g->cur;
	it->kind = IT_EVENT;
	it->line = r->line;
	it->step = step;
	it->unknown = (uint8_t)unknown;
	size_t clen = g->case_float0 ? float0_len(r->buf + r->f[ccol].off, r->f[ccol].len) : r->f[ccol].len;
	it->case_off = arena_add(c, r->buf + r->f[ccol].off, clen);
	it->case_len = clen;
	/* the key's hash for the writer's case cache, computed here on the
	 * reader's thread (the writer's is the ingest's limit); a row of the
	 * previous row's case takes its hash */
	{
		const struct item *p = c->n >= 2 ? &c->items[c->n - 2] : NULL;
		if (p && p->kind == IT_EVENT && p->case_len == clen &&
		    memcmp(c->arena.s + p->case_off, r->buf + r->f[ccol].off, clen) == 0)
			it->case_h = p->case_h;
		else
			it->case_h = hash_bytes(r->buf + r->f[ccol].off, clen);
	}
	if (s) {
		it->sop_len = (uint32_t)s->id_len;
		it->sop_off = arena_add(c, s->id, it->sop_len);
	} else {
		it->sop_len = UINT32_MAX;
	}
	it->act_off = arena_add(c, act, alen);
	it->act_len = (uint32_t)alen;
	int rcol = role[ELOG_COL_ACTOR];
	if (rcol >= 0 && r->f[rcol].len) {
		it->has_actor = 1;
		it->actor_off = arena_add(c, r->buf + r->f[rcol].off, r->f[rcol].len);
		it->actor_len = r->f[rcol].len;
	}
	if (lcol >= 0 && r->f[lcol].len) {
		it->has_lc = 1;
		it->lc_off = arena_add(c, r->buf + r->f[lcol].off, r->f[lcol].len);
		it->lc_len = r->f[lcol].len;
	}
	it->has_start = (uint8_t)hs;
	it->start_ms = sms;
	it->start_off = so;
	it->has_end = (uint8_t)he;
	it->end_ms = ems;
	it->end_off = eo;
	it->dkey = elog_dkey_rest(dkey_act(g, act, alen), hs, sms, he, ems, c->arena.s + it->actor_off,
				  it->actor_len, it->has_actor);
	if (g->sort_col >= 0)
		it->has_sorting = (uint8_t)sorting_value(r->buf + r->f[g->sort_col].off,
							 r->f[g->sort_col].len, &it->sorting);
	it->attr_first = (uint32_t)c->nattr;
	/* every column of kind 1 or 2 named an attribute: a log without
	 * any (the canonical CSV) skips the look at each column */
	for (size_t i = 0; g->nattr_names && i < g->ncols; i++) {
		if (g->colkind[i] != 1 && g->colkind[i] != 2)
			continue;
		if (c->nattr == c->attrcap) {
			c->attrcap = c->attrcap ? 2 * c->attrcap : 1024;
			c->attrs = mutu_realloc(c->attrs, c->attrcap * sizeof *c->attrs);
		}
		struct attr *at = &c->attrs[c->nattr++];
		at->name_idx = (uint32_t)g->colattr[i];
		at->is_case = g->colkind[i] == 1;
		at->val_off = arena_add(c, r->buf + r->f[i].off, r->f[i].len);
		at->val_len = r->f[i].len;
		it->nattr++;
	}
	if (unknown)
		note_unknown(g, act, alen);
	return 0;
}

/* Has the caller asked the ingest to stop (elog_opts.cancel, set by the
 * CLI's signal handler)?  The one read of the flag: cancel_seen, the
 * stdin spool and the last check before the commit all ask here. */
static int cancel_asked(const struct elog_opts *o)
{
	return o->cancel && atomic_load_explicit(o->cancel, memory_order_relaxed);
}

/* The caller's cancel flag (elog_opts.cancel, a Ctrl-C in the CLI), read
 * before each record: once set, the parse stops and the batch is rolled
 * back.  Before (hardening round 3) SIGINT killed mutu with no word. */
static int cancel_seen(struct ingest *g, int64_t line)
{
	if (g->cancelled)
		return 1;
	if (!cancel_asked(g->o))
		return 0;
	g->cancelled = 1;
	g->cancel_line = line;
	return 1;
}

static int on_record(void *ctx, const struct rec *r)
{
	struct ingest *g = ctx;
	if (cancel_seen(g, r->line))
		return 1;
	if (!g->header_done) {
		if (r->blank)
			return 0; /* blanks before the header: not rows (the probe skipped them) */
		g->header_done = 1;
		return 0; /* the probe has read it already */
	}
	if (process(g, r, 0) || g->fatal)
		return 1;
	return 0;
}

/*
 * Day first or month first, from the probed stamps themselves: a first
 * part > 12 ('13/06/2025') can only be a day, a second part > 12 only a
 * day in month-first order.  When the probe saw only one of the two, the
 * column's order is that one: every probed d/m stamp is read with its
 * format (probe_fmt, the first stamp's shape), said in a note; a later
 * row that does not fit is rejected with its line.  When it saw both,
 * the column mixes the orders: refused naming one of each.  When every
 * probed stamp is ambiguous (days 1-12 only) the refusal stays: an
 * Indonesian export writes day first but an en-US Excel month first, and
 * a guess would swap day and month without a word (our decision).
 */
static int dm_decide(struct ingest *g)
{
	if (g->date_fmt || !g->probe_order || g->probe_time_ok)
		return 0;
	if (g->probe_dm_side[0] && g->probe_dm_side[1])
		return mutu_errf(g->err, MUTU_EINPUT,
				 "%s: the day/month-order dates mix both orders: %s can only be day "
				 "first, %s only month first; give --date-format",
				 g->path, g->probe_dm_ex[0], g->probe_dm_ex[1]);
	int side = g->probe_dm_side[0] ? 0 : g->probe_dm_side[1] ? 1 : -1;
	/* a dotted date (03.03.2025, 05.06.2025 08.15) is day first in every
	 * locale that writes one (Indonesian, German, Russian, ...; a US
	 * export never writes dots), so days 1-12 alone decide nothing against
	 * it (field round 9; before, refused as ambiguous).  Slashes and
	 * dashes stay undecided without evidence. */
	int dotted = side < 0 && g->probe_dm_amb && strncmp(g->probe_fmt[0], "%d.%m.", 6) == 0;
	if (dotted)
		side = 0;
	if (side < 0 || !g->probe_fmt[side][0])
		return 0;
	snprintf(g->auto_fmt, sizeof g->auto_fmt, "%s", g->probe_fmt[side]);
	g->date_fmt = g->auto_fmt;
	/* the probe counted the d/m stamps as unreadable: they read now, or
	 * lack a zone as any local stamp (probe_stamps_check then asks for
	 * --tz); the first decides which, all having the same shape */
	int64_t ms;
	int off;
	/* no day > 12 was seen in a dotted column: its first stamp stands for them */
	const char *ex = (dotted ? g->probe_dm_amb_ex : g->probe_dm_ex[side]) + 1; /* after ' */
	size_t exn = strcspn(ex, "'");
	int rc = elog_parse_time(ex, exn, g->date_fmt,
				 g->dst ? 0 : dotted ? g->probe_dm_amb_zone : g->probe_dm_zone[side],
				 &ms, &off);
	g->probe_time_bad -= g->probe_dm;
	if (rc == ELOG_TS_NOZONE)
		g->probe_nozone += g->probe_dm;
	else
		g->probe_time_ok += g->probe_dm;
	if (dotted)
		mutu_notes_addf(&g->res->notes,
				"dotted dates read day first (--date-format '%s'): %s; a date written "
				"with dots is day first wherever it is written so",
				g->auto_fmt, g->probe_dm_amb_ex);
	else
		mutu_notes_addf(&g->res->notes,
				"day/month-order dates read %s (--date-format '%s'): %s can only be read "
				"so",
				side ? "month first" : "day first", g->auto_fmt, g->probe_dm_ex[side]);
	return 0;
}

/* Probe: header and the first PROBE_ROWS rows. */
static int on_probe(void *ctx, const struct rec *r)
{
	struct ingest *g = ctx;
	if (!g->header_done) {
		if (r->blank)
			return 0; /* the header is the first line with fields */
		g->header_done = 1;
		if (r->toolong) {
			mutu_errf(g->err, MUTU_EINPUT,
				  "%s:%lld: not a CSV event log: the first line is %llu bytes long, over "
				  "the limit of %u MiB for one record",
				  g->path, (long long)r->line, (unsigned long long)r->nbytes,
				  (unsigned)(ELOG_MAX_RECORD >> 20));
			return 1;
		}
		if (r->badutf8 || !utf8_ok((const unsigned char *)r->raw, r->rawlen)) {
			mutu_errf(g->err, MUTU_EINPUT,
				  "%s:%lld: not UTF-8 text (a binary file, or another encoding: re-export it "
				  "as UTF-8 CSV)",
				  g->path, (long long)r->line);
			return 1;
		}
		if (header(g, r))
			return 1;
		return 0;
	}
	if (fields_blank(r))
		return 0; /* not evidence of anything: no probe row */
	g->probe_rows++;
	process(g, r, 1);
	g->probe_bytes += r->toolong ? r->nbytes : r->rawlen;
	return g->probe_rows >= PROBE_ROWS || g->probe_bytes >= PROBE_BYTES;
}

/* ---------------------------------------------------------------- rows of other readers */

/*
 * elog_xes.c feeds its events through process() like CSV records, so XES
 * gets the same checks, SOP resolution, step mapping, rejected rows and
 * accounting.  Its "columns" are the XES keys, added as they are met; the
 * arrays are allocated once at maxcols because the writer thread reads
 * attr_names while the parser adds to it (a realloc would move it).
 */
void elog_row_begin(struct ingest *g, size_t maxcols)
{
	g->xcap = maxcols;
	g->hdr = mutu_calloc(maxcols, sizeof *g->hdr);
	g->colkind = mutu_calloc(maxcols, sizeof *g->colkind);
	g->colattr = mutu_calloc(maxcols, sizeof *g->colattr);
	g->attr_names = mutu_calloc(maxcols, sizeof *g->attr_names);
	for (int k = 0; k < ELOG_NROLES; k++)
		g->role[k] = -1;
	for (int k = 0; k < 3; k++)
		g->clock[k] = -1; /* XES states each date-time whole */
	g->first_dropped = -1; /* the reader builds raw text without personal values */
	g->sort_col = -1;
	g->header_done = 1;
}

int elog_row_column(struct ingest *g, const char *name, int role, int is_case, int *kind,
		    const char **stored)
{
	*stored = NULL;
	if (g->ncols >= g->xcap)
		return -1;
	size_t i = g->ncols++;
	g->hdr[i] = mutu_strdup(name);
	*kind = 0;
	if (role >= 0 && role < ELOG_NROLES) {
		g->role[role] = (int)i;
		return (int)i;
	}
	int dropped = personal_name(name);
	for (size_t d = 0; d < g->o->ndrop; d++)
		if (mutu_strcasecmp(name, g->o->drop_cols[d]) == 0)
			dropped = 1;
	if (dropped) {
		g->colkind[i] = *kind = 3;
		size_t n = g->res->dropped ? strlen(g->res->dropped) : 0;
		if (!n || !strstr(g->res->dropped, name)) {
			g->res->dropped = mutu_realloc(g->res->dropped, n + strlen(name) + 2);
			snprintf(g->res->dropped + n, strlen(name) + 2, "%s%s", n ? "," : "", name);
		}
		return (int)i;
	}
	if (case_prefix(name)) {
		is_case = 1;
		name += case_prefix(name);
	}
	for (size_t j = 0; j < sizeof case_attr_names / sizeof case_attr_names[0]; j++)
		if (mutu_strcasecmp(name, case_attr_names[j].col) == 0) {
			is_case = 1;
			name = case_attr_names[j].attr;
		}
	g->colkind[i] = *kind = is_case ? 1 : 2;
	g->colattr[i] = (int)g->nattr_names;
	g->attr_names[g->nattr_names++] = mutu_strdup(name);
	if (!is_case && g->sort_col < 0 && sorting_name(name))
		g->sort_col = (int)i;
	*stored = g->attr_names[g->nattr_names - 1];
	return (int)i;
}

int elog_row_submit(struct ingest *g, const struct elog_row *row, int probe)
{
	struct rec r;
	memset(&r, 0, sizeof r);
	r.buf = row->buf;
	r.f = (const struct field *)row->f;
	r.nf = row->nf;
	r.line = row->line;
	r.raw = row->raw;
	r.rawlen = row->rawlen;
	r.nlines = 1;
	r.ts_nokey = row->ts_nokey;
	g->probe_rows += probe;
	if (!probe && cancel_seen(g, r.line))
		return -1;
	if (process(g, &r, probe) || g->fatal)
		return -1;
	return 0;
}

/*
 * Refuse a log none of whose probed stamps could be read: no zone known, or
 * no readable stamp at all.  unit names what was probed ("rows", "events"),
 * expect the stamp form the format calls for.  Shared by probe() (CSV) and
 * elog_row_probe_check() (XES).
 */
static int probe_stamps_check(struct ingest *g, const char *unit, const char *expect)
{
	if (g->probe_nozone && g->probe_time_ok == 0)
		return mutu_errf(g->err, MUTU_EINPUT,
				 "%s:%lld: time stamps have no UTC offset (%s) and no zone is known; "
				 "give --tz (WIB, WITA, WIT or +08:00) or --sop ID (its calendar's zone)",
				 g->path, (long long)g->probe_line, g->probe_example);
	if (g->probe_time_ok == 0 && g->probe_time_bad > 0)
		return mutu_errf(g->err, MUTU_EINPUT,
				 "%s:%lld: no readable time stamp in the first %d %s (%s); expected "
				 "%s%s%s",
				 g->path, (long long)g->probe_line, g->probe_rows, unit, g->probe_example,
				 g->o->date_format ? "the --date-format '" : expect,
				 g->o->date_format ? g->o->date_format : "",
				 g->o->date_format ? "'" : ", or give --date-format");
	return 0;
}

/* After the first events of an XES log: refuse a log whose stamps cannot
 * be read at all, as probe() does for CSV. */
int elog_row_probe_check(struct ingest *g)
{
	return probe_stamps_check(g, "events", "xs:dateTime like 2025-01-02T07:30:00.000+07:00");
}

/* The XES read of the whole file, with the SHA-256 of its bytes when it was
 * not computed before (late_sha: as the CSV reader does). */
static int xes_run(struct ingest *g, int fd, int late_sha, struct elog_sha **sha)
{
	if (lseek(fd, 0, SEEK_SET) < 0)
		return mutu_errf(g->err, MUTU_EFAIL, "%s: cannot rewind: %s", g->path,
				 strerror(errno));
	if (late_sha && !(*sha = elog_sha_new()))
		return mutu_errf(g->err, MUTU_EFAIL, "%s: SHA-256 unavailable in libcrypto", g->path);
	int eof = 0;
	uint64_t bytes = 0;
	int rc = elog_xes_read(g->xes, fd, late_sha ? *sha : NULL, &eof, &bytes, g->err);
	if (!rc && late_sha && eof) {
		elog_sha_final(*sha, g->res->sha256);
		g->res->size = bytes;
	} else if (!rc && late_sha && !g->fatal && !g->cancelled) {
		rc = mutu_errf(g->err, MUTU_EFAIL, "%s: read stopped before the end", g->path);
	}
	return rc;
}

/*
 * Title lines above the header, as a report saved from Excel has them
 * ("Laporan Berkas Juni 2025", a blank row of separators ";;;", "Periode:
 * Juni 2025"): lines at the start with fewer than two non-empty fields
 * whichever of ',' ';' tab splits them, at most TITLE_MAX of them, the
 * header the first line with two.  Returns how many there are (0 when
 * the first line is a header, or no header follows within TITLE_MAX
 * lines: the header check then refuses as before).  Before, such a file
 * was refused: "the first line has no separator".
 */
#define TITLE_MAX 10
static int title_lines(const char *p, size_t n)
{
	const char *e = p + n;
	for (int k = 0; k <= TITLE_MAX && p < e; k++) {
		const char *nl = memchr(p, '\n', (size_t)(e - p));
		const char *le = nl ? nl : e;
		int most = 0;
		for (const char *sep = ",;\t"; *sep; sep++) {
			int fields = 0, text = 0;
			for (const char *c = p; c <= le; c++) {
				if (c == le || *c == *sep) {
					fields += text;
					text = 0;
				} else if (*c != ' ' && *c != '\r' && *c != '"') {
					text = 1;
				}
			}
			most = fields > most ? fields : most;
		}
		if (most >= 2)
			return k;
		if (!nl)
			break;
		p = nl + 1;
	}
	return 0;
}

static unsigned char detect_sep(const char *p, size_t n)
{
	size_t cnt[3] = {0, 0, 0};
	int q = 0;
	for (size_t i = 0; i < n && p[i] != '\n'; i++) {
		if (p[i] == '"')
			q = !q;
		else if (!q && p[i] == ',')
			cnt[0]++;
		else if (!q && p[i] == ';')
			cnt[1]++;
		else if (!q && p[i] == '\t')
			cnt[2]++;
	}
	if (cnt[1] > cnt[0] && cnt[1] >= cnt[2])
		return ';';
	if (cnt[2] > cnt[0] && cnt[2] > cnt[1])
		return '\t';
	return ',';
}

static int load_map(struct ingest *g, const char *path)
{
	size_t len;
	char *text = mutu_read_file(path, &len, g->err);
	if (!text)
		return MUTU_EINPUT;
	int lineno = 0, rc = 0, seen = 0;
	/* Cut by hand, not strtok_r: strtok_r skips empty lines, and every
	 * message names the map file's real line number. */
	char *next = text;
	while (next) {
		char *line = next;
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		mutu_trim(line);
		/* Excel's empty cells after the step ("Pendaftaran Online,1,,", a
		 * sheet whose columns once held more) hold nothing; the step is
		 * after the last separator, so they went for it: "step '' is not
		 * a number" (hardening round 3).  A row of separators only is
		 * an empty line. */
		size_t n = strlen(line);
		while (n && (line[n - 1] == ',' || line[n - 1] == ';' || line[n - 1] == '\t' ||
			     line[n - 1] == ' ' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (!*line || *line == '#')
			continue;
		/* the separator whose last cell is the step: a ';' file's
		 * "Verifikasi, cetak;2" has a comma in its activity, and the
		 * last ',' would leave "cetak;2" as the step; with no number
		 * after any (a header), the first of ',' ';' tab found */
		char *sep = NULL;
		static const char seps[] = {',', ';', '\t'};
		for (size_t k = 0; k < sizeof seps; k++) {
			char *c = strrchr(line, seps[k]);
			int v;
			if (c && parse_int(c + 1, strlen(c + 1), &v) == 0) {
				sep = c;
				break;
			}
			if (c && !sep)
				sep = c;
		}
		if (!sep) {
			rc = mutu_errf(g->err, MUTU_EINPUT,
				       "%s:%d: expected 'activity,step', got '%s'", path, lineno, line);
			break;
		}
		*sep = '\0';
		char *a = mutu_trim(line), *st = mutu_trim(sep + 1);
		size_t al = strlen(a);
		if (al >= 2 && a[0] == '"' && a[al - 1] == '"') {
			a[al - 1] = '\0';
			a++;
		}
		int no;
		if (parse_int(st, strlen(st), &no)) {
			if (!seen++)
				continue; /* a header line */
			rc = mutu_errf(g->err, MUTU_EINPUT, "%s:%d: step '%s' is not a number", path,
				       lineno, st);
			break;
		}
		seen++;
		g->map = mutu_realloc(g->map, (g->nmap + 1) * sizeof *g->map);
		normalize(a, strlen(a), &g->norm);
		if (no < 1) {
			rc = mutu_errf(g->err, MUTU_EINPUT,
				       "%s:%d: step %d for '%s': SOP steps are numbered from 1", path,
				       lineno, no, a);
			break;
		}
		/*
		 * The same activity twice (matching ignores case and blanks, as
		 * for the log's rows): with two different steps one of them would
		 * win silently, so both lines are named; with the same step it is
		 * harmless and the repeat is dropped.
		 */
		const char *nn = g->norm.s ? g->norm.s : "";
		size_t dup = 0;
		while (dup < g->nmap && strcmp(g->map[dup].norm, nn) != 0)
			dup++;
		if (dup < g->nmap) {
			if (g->map[dup].step == no)
				continue;
			rc = mutu_errf(g->err, MUTU_EINPUT,
				       "%s:%d: '%s' is mapped to step %d, but %s:%d maps the same "
				       "activity '%s' to step %d (case and blanks are ignored); keep "
				       "one of the two lines",
				       path, lineno, a, no, path, g->map[dup].lineno, g->map[dup].text,
				       g->map[dup].step);
			break;
		}
		g->map[g->nmap].norm = mutu_strdup(nn);
		g->map[g->nmap].text = mutu_strdup(a);
		g->map[g->nmap].lineno = lineno;
		g->map[g->nmap++].step = no;
	}
	free(text);
	return rc;
}

static void options_json(const struct elog_opts *o, struct mutu_buf *b)
{
	mutu_buf_putc(b, '{');
	int first = 1;
#define KV(k, v)                                                                                   \
	do {                                                                                       \
		if (v) {                                                                           \
			mutu_buf_printf(b, "%s\"%s\":", first ? "" : ",", k);                      \
			mutu_buf_json_str(b, v);                                                   \
			first = 0;                                                                 \
		}                                                                                  \
	} while (0)
	KV("sop", o->sop_id);
	KV("sop_col", o->sop_col);
	KV("date_format", o->date_format);
	KV("tz", o->tz);
	KV("map", o->map_path);
	for (int k = 0; k < ELOG_NROLES; k++) {
		char key[32];
		snprintf(key, sizeof key, "%s_col", elog_role_name((enum elog_role)k));
		KV(key, o->col[k]);
	}
	if (o->sep) {
		char sep[2] = {o->sep, 0};
		mutu_buf_printf(b, "%s\"sep\":", first ? "" : ",");
		mutu_buf_json_str(b, sep);
	}
#undef KV
	mutu_buf_putc(b, '}');
}

void elog_opts_init(struct elog_opts *o)
{
	memset(o, 0, sizeof *o);
	o->threads = 2;
}

void elog_result_init(struct elog_result *r)
{
	memset(r, 0, sizeof *r);
	mutu_notes_init(&r->notes);
}

void elog_result_release(struct elog_result *r)
{
	free(r->dropped);
	mutu_notes_release(&r->notes);
	memset(r, 0, sizeof *r);
}

static void ingest_release(struct ingest *g)
{
	for (size_t i = 0; i < g->ncols; i++)
		free(g->hdr ? g->hdr[i] : NULL);
	free(g->hdr);
	free(g->colkind);
	free(g->colattr);
	for (size_t i = 0; i < g->ncols; i++)
		free(g->probe_date_ex ? g->probe_date_ex[i] : NULL);
	free(g->probe_date_ex);
	free(g->probe_vals);
	free(g->probe_dates);
	for (size_t i = 0; i < g->nattr_names; i++)
		free(g->attr_names[i]);
	free(g->attr_names);
	for (size_t i = 0; i < g->nsops; i++)
		sopent_release(&g->sops[i]);
	free(g->sops);
	if (g->fixed) {
		sopent_release(g->fixed);
		free(g->fixed);
	}
	sop_registry_free(g->reg); /* after the sopents that borrow its models */
	for (size_t i = 0; i < g->nmap; i++) {
		free(g->map[i].norm);
		free(g->map[i].text);
	}
	free(g->map);
	for (size_t i = 0; i < g->nunk; i++)
		free(g->unk[i].name);
	mutu_buf_release(&g->norm);
	for (size_t i = 0; i < DKEY_CACHE; i++)
		free(g->dk[i].act);
	free(g->na_f);
	free(g->fit_f);
	row_copy_release(&g->fill);
	mutu_buf_release(&g->carry);
	row_copy_release(&g->dfill);
	for (int k = 0; k < 3; k++)
		mutu_buf_release(&g->dcarry[k]);
	elog_xes_free(g->xes);
	cal_tz_free(g->dst);
}

/* Probe the file: header, columns, time stamps.  Refuses what cannot be a log. */
static int probe(struct ingest *g, int fd, unsigned char *sep_out)
{
	char head[65536];
	ssize_t n = pread(fd, head, sizeof head, 0);
	if (n < 0)
		return mutu_errf(g->err, MUTU_EFAIL, "%s: read error: %s", g->path, strerror(errno));
	const char *p = head;
	size_t len = (size_t)n;
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3, len -= 3;
	size_t blank = 0;
	while (blank < len && (p[blank] == ' ' || p[blank] == '\n' || p[blank] == '\r' ||
			       p[blank] == '\t'))
		blank++;
	if (blank == len)
		return mutu_errf(g->err, MUTU_EINPUT, "%s: empty file: nothing to ingest", g->path);
	/* a zip archive (PK 03 04): how Apromore, the 4TU / BPI Challenge
	 * downloads and mail hand a log over, and what an Excel workbook is.
	 * Said as such, naming its first member (its name's length at byte 26,
	 * the name from byte 30), not as a "binary or UTF-16 file" */
	if (len >= 30 && memcmp(p, "PK\3\4", 4) == 0) {
		size_t nl = (size_t)(unsigned char)p[26] | (size_t)(unsigned char)p[27] << 8;
		if (nl > len - 30)
			nl = len - 30;
		if (nl > 120)
			nl = 120;
		for (size_t i = 0; i < nl; i++)
			if ((unsigned char)p[30 + i] < 0x20 || p[30 + i] == 0x7F)
				nl = i; /* the name as far as it is text */
		if (nl == 19 && memcmp(p + 30, "[Content_Types].xml", 19) == 0)
			return mutu_errf(g->err, MUTU_EINPUT,
					 "%s: an Excel workbook (.xlsx, a zip archive), not a CSV: save "
					 "the sheet as CSV UTF-8 and ingest that",
					 g->path);
		return mutu_errf(g->err, MUTU_EINPUT,
				 "%s: a zip archive (its first file '%.*s'), not an event log: mutu reads "
				 "CSV, XES or gzip'ed XES (.xes.gz); unzip it and ingest the log it holds",
				 g->path, (int)nl, p + 30);
	}
	if (memchr(p, '\0', len))
		return mutu_errf(g->err, MUTU_EINPUT,
				 "%s: not a CSV text file (it holds NUL bytes: a binary or UTF-16 file; "
				 "export it as UTF-8 CSV)",
				 g->path);
	unsigned char named = 0;
	size_t sl = sep_line(p, len, &named);
	g->sep_line = sl != 0;
	p += sl, len -= sl;
	g->title_lines = title_lines(p, len);
	for (int i = 0; i < g->title_lines; i++) {
		const char *nl = memchr(p, '\n', len);
		if (i == 0) {
			size_t tl = (size_t)(nl - p);
			while (tl && (p[tl - 1] == '\r' || p[tl - 1] == ' '))
				tl--;
			mutu_notes_addf(&g->res->notes,
					"%d title line(s) above the header skipped (line %d: '%.*s')",
					g->title_lines, 1 + g->sep_line, (int)(tl > 60 ? 60 : tl), p);
		}
		len -= (size_t)(nl + 1 - p);
		p = nl + 1;
	}
	unsigned char sep = (unsigned char)(g->o->sep ? g->o->sep : named ? named : detect_sep(p, len));
	*sep_out = sep;
	struct reader r;
	reader_init(&r, sep);
	r.skip_sep_line = g->sep_line;
	r.skip_lines = g->title_lines;
	r.on_rec = on_probe;
	r.ctx = g;
	r.line = 1;
	/* whole records, not a fixed number of bytes: a first row of 2 MiB is
	 * a row (on_probe stops after PROBE_ROWS rows or PROBE_BYTES) */
	g->probe_r = &r;
	int rc = reader_run(&r, fd, g->path, NULL, NULL, 0, g->err);
	g->probe_r = NULL;
	reader_release(&r);
	if (rc || g->err->code)
		return g->err->code ? g->err->code : rc;
	if (!g->header_done)
		return mutu_errf(g->err, MUTU_EINPUT, "%s: empty file: nothing to ingest", g->path);
	g->case_float0 = g->probe_case_n > 0 && g->probe_case_f0 == g->probe_case_n;
	if (g->case_float0)
		mutu_notes_addf(&g->res->notes,
				"case ids in %s written as floats (123.0, as pandas writes a whole-number "
				"column with gaps): read without the '.0' (123)",
				g->hdr[g->role[ELOG_COL_CASE]]);
	if (g->probe_rows == 0)
		return mutu_errf(g->err, MUTU_EINPUT,
				 "%s: only a header line, no rows: nothing to ingest", g->path);
	if (g->probe_badutf8 * 2 > g->probe_rows)
		return mutu_errf(g->err, MUTU_EINPUT,
				 "%s:%lld: not UTF-8 text ('%s'; %d of the first %d rows are not; re-export "
				 "as UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8)",
				 g->path, g->probe_badutf8_line, g->probe_badutf8_ex, g->probe_badutf8,
				 g->probe_rows);
	rc = dm_decide(g);
	if (rc)
		return rc;
	if (g->probe_order && g->probe_time_ok == 0 && !g->auto_fmt[0])
		return mutu_errf(g->err, MUTU_EINPUT,
				 "%s:%lld: %s is a day/month-order date%s; give --date-format, e.g. "
				 "--date-format '%s' (day first) or '%s'",
				 g->path, (long long)g->probe_line, g->probe_example,
				 g->probe_order == 1 ? " and ambiguous (01/02 can be 1 Feb or 2 Jan)"
						     : "",
				 g->probe_fmt[0][0] ? g->probe_fmt[0] : "%d/%m/%Y %H:%M",
				 g->probe_fmt[1][0] ? g->probe_fmt[1] : "%m/%d/%Y %H:%M");
	if (g->probe_serial_line && g->probe_time_ok == 0)
		return mutu_errf(g->err, MUTU_EINPUT,
				 "%s:%lld: the time stamps are Excel serial day numbers, a date column "
				 "saved as General (%s); not read, since a CSV does not say whether its "
				 "workbook counts days from 1900 or 1904 (1462 days apart): in Excel "
				 "format the column as a date and time (yyyy-mm-dd hh:mm:ss) and save the "
				 "CSV again",
				 g->path, (long long)g->probe_serial_line, g->probe_serial_ex);
	rc = probe_stamps_check(g, "rows", "ISO 8601 like 2025-01-02T07:30:00+08:00");
	if (rc)
		return rc;
	/* stamps that are dates alone: read as midnight, so a step done
	 * within one day is 0 minutes and the rest whole days; a manager
	 * reading "0 menit" must know why (field round 8; before, no word) */
	if (g->probe_dateonly)
		mutu_notes_addf(&g->res->notes,
				"warning: %d of %d time stamps probed are a date without a time of day "
				"(%s): read as 00:00, so a step done within one day counts 0 minutes and "
				"the others whole days; export the time too (a time-of-day column such as "
				"Jam Mulai beside Tanggal Mulai is joined to it)",
				g->probe_dateonly, g->probe_stamps, g->probe_dateonly_ex);
	if (g->probe_order && !g->auto_fmt[0])
		mutu_notes_addf(&g->res->notes,
				"some time stamps look day/month-ordered (%s, line %lld): such rows are "
				"rejected unless --date-format is given",
				g->probe_example, (long long)g->probe_line);
	return 0;
}

static void now_iso(char *buf, size_t size)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	elog_format_time((int64_t)ts.tv_sec * 1000, 0, buf, size);
	/* "+00:00" -> "Z" */
	size_t n = strlen(buf);
	if (n > 6 && strcmp(buf + n - 6, "+00:00") == 0)
		strcpy(buf + n - 6, "Z");
}

static int add_reasons(struct elog_result *res, const struct writer *w)
{
	for (int k = 0; k < R_N; k++)
		if (w->by_reason[k] && res->nreasons < ELOG_MAX_REASONS) {
			res->reasons[res->nreasons].reason = reason_kind[k];
			res->reasons[res->nreasons++].n = w->by_reason[k];
		}
	return 0;
}

/*
 * Every step of the --map file must be a step of the SOP model(s) it is
 * used with: the --sop model, else the models the probe's rows resolved
 * to.  A map file is user input; a step the SOP does not have (42 for a
 * 9-step SOP) would silently turn its activity into an unknown one.
 * Models met only after the probe are still safe: map_step drops a step
 * their model lacks and flags the event unknown.  Without any model the
 * map's numbers cannot be checked and are stored as given.
 */
static int check_map(struct ingest *g, const char *path)
{
	const struct sop_model *ms[64];
	size_t nm = 0;
	if (g->fixed && g->fixed->m)
		ms[nm++] = g->fixed->m;
	for (size_t i = 0; i < g->nsops && nm < sizeof ms / sizeof ms[0]; i++)
		if (g->sops[i].m)
			ms[nm++] = g->sops[i].m;
	if (!nm)
		return 0;
	for (size_t i = 0; i < g->nmap; i++) {
		int found = 0;
		for (size_t k = 0; k < nm && !found; k++)
			found = sop_model_step(ms[k], g->map[i].step) != NULL;
		if (found)
			continue;
		struct mutu_buf b;
		mutu_buf_init(&b);
		for (size_t k = 0; k < nm && b.len < 200; k++)
			mutu_buf_printf(&b, "%s%s (%zu steps)", k ? ", " : "",
					ms[k]->id ? ms[k]->id : "?", ms[k]->nsteps);
		int rc = mutu_errf(g->err, MUTU_EINPUT,
				   "%s:%d: step %d for '%s' is not a step of SOP %s; fix the map "
				   "file (nothing was written)",
				   path, g->map[i].lineno, g->map[i].step, g->map[i].text, b.s);
		mutu_buf_release(&b);
		return rc;
	}
	return 0;
}

/*
 * "-": standard input, copied to a temporary file (mode 0600, removed
 * afterwards) and ingested from there under the name "<stdin>".  The
 * ingest reads a log twice (the probe, then the parse) and hashes what it
 * read, so a pipe is spooled rather than buffered: memory stays flat and
 * the same bytes piped twice are a no-op the second time.
 */
static int ingest_stdin(const char *db_path, const struct elog_opts *o, struct elog_result *res,
			struct mutu_err *err)
{
	const char *dir = getenv("TMPDIR");
	char tmp[4096];
	snprintf(tmp, sizeof tmp, "%s/mutu-stdin-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(tmp);
	if (fd < 0)
		return mutu_errf(err, MUTU_EFAIL,
				 "<stdin>: cannot make a temporary file in %s: %s (set TMPDIR)",
				 dir && *dir ? dir : "/tmp", strerror(errno));
	char *blk = mutu_malloc(BLOCK);
	int rc = 0;
	/* Why a look at the first line here: the copy reads all of standard
	 * input before the CSV reader sees it, and a header that never ends
	 * (2 GB of one line, or an endless stream without a newline) was
	 * copied whole -- 16 s and 2 GB of TMPDIR for the 2 GB line, the disk
	 * filled by an endless one -- only to be refused as a first line over
	 * ELOG_MAX_RECORD.  So a stream that is not XML or gzip (XES may be
	 * one long line) and has no line end (LF or CR) in its first
	 * ELOG_MAX_RECORD bytes is refused when that many are read. */
	uint64_t copied = 0;
	int first_line_ended = 0, csv = -1; /* -1: not known yet */
	for (;;) {
		ssize_t k = read(STDIN_FILENO, blk, BLOCK);
		/* a signal interrupts the wait (the CLI's handler has no
		 * SA_RESTART): stop when it asked to */
		if (cancel_asked(o)) {
			rc = mutu_errf(err, MUTU_ECANCEL,
				       "<stdin>: stopped while reading it: nothing of it is stored");
			break;
		}
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			rc = mutu_errf(err, MUTU_EFAIL, "<stdin>: read error: %s", strerror(errno));
			break;
		}
		if (k == 0)
			break;
		if (csv < 0) {
			/* the first bytes: a BOM and blanks skipped, '<' is XML
			 * (UTF-16 XML has a NUL next to it), 1F 8B gzip */
			const unsigned char *u = (const unsigned char *)blk;
			ssize_t i = 0;
			if (k >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
				i = 3;
			while (i < k && (u[i] == ' ' || u[i] == '\t' || u[i] == '\r' || u[i] == '\n' ||
					 u[i] == 0 || u[i] == 0xFF || u[i] == 0xFE))
				i++;
			csv = !(i < k && u[i] == '<') && !(k >= 2 && u[0] == 0x1F && u[1] == 0x8B);
		}
		if (!first_line_ended &&
		    (memchr(blk, '\n', (size_t)k) || memchr(blk, '\r', (size_t)k)))
			first_line_ended = 1;
		copied += (uint64_t)k;
		if (csv && !first_line_ended && copied > ELOG_MAX_RECORD) {
			rc = mutu_errf(err, MUTU_EINPUT,
				       "<stdin>:1: not a CSV event log: the first line is over %u MiB "
				       "long (no line end in the first %llu bytes), over the limit of "
				       "%u MiB for one record; stopped reading, nothing is stored",
				       (unsigned)(ELOG_MAX_RECORD >> 20), (unsigned long long)copied,
				       (unsigned)(ELOG_MAX_RECORD >> 20));
			break;
		}
		for (ssize_t w = 0; w < k;) {
			ssize_t n = write(fd, blk + w, (size_t)(k - w));
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0) {
				rc = mutu_errf(err, MUTU_EFAIL, "<stdin>: cannot copy to %s: %s", tmp,
					       strerror(errno));
				break;
			}
			w += n;
		}
		if (rc)
			break;
	}
	free(blk);
	if (close(fd) && !rc)
		rc = mutu_errf(err, MUTU_EFAIL, "<stdin>: cannot copy to %s: %s", tmp, strerror(errno));
	if (!rc) {
		struct elog_opts so = *o;
		so.name = "<stdin>";
		rc = elog_ingest(db_path, tmp, &so, res, err);
	}
	unlink(tmp);
	return rc;
}

/*
 * A CSV in UTF-16 with its byte order mark: Excel's "Unicode text" (tab
 * separated, little-endian) and some database tools' exports.  Read as
 * its UTF-8 text: copied through iconv to a temporary file (mode 0600,
 * removed afterwards) and ingested from there under the file's own name;
 * line numbers are the same, the batch's hash is of the UTF-8 text (the
 * same file twice is still a no-op).  Returns 1 (LE) or 2 (BE) for such a
 * file, 0 for any other (UTF-16 XML is XES, read by libxml2 itself); 3
 * for a file whose lines end in CR alone (Excel for Mac's "CSV
 * (Macintosh)"), copied with each CR an LF (before: one line, refused as
 * "no time column" with the whole file as its header).
 * Before, refused as "not a CSV text file (it holds NUL bytes)".
 */
static int utf16_csv(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return 0;
	unsigned char b[4];
	ssize_t n = pread(fd, b, sizeof b, 0);
	int k = 0;
	if (n >= 2 && b[0] == 0xFF && b[1] == 0xFE && !(n == 4 && b[2] == 0 && b[3] == 0))
		k = 1; /* FF FE 00 00 would be UTF-32 LE */
	else if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF)
		k = 2;
	if (k && elog_xes_sniff(fd))
		k = 0;
	if (!k && !elog_xes_sniff(fd)) {
		/* CR alone ends the lines ("CSV (Macintosh)" of Excel for Mac):
		 * two CRs (a header's and a row's end) and no LF in the first
		 * 64 KiB; a long first line with one CR in a cell is not that */
		char head[65536];
		ssize_t m = pread(fd, head, sizeof head, 0);
		const char *cr = m > 0 ? memchr(head, '\r', (size_t)m) : NULL;
		if (cr && memchr(cr + 1, '\r', (size_t)(head + m - cr - 1)) && !memchr(head, '\n', (size_t)m))
			k = 3;
	}
	close(fd);
	return k;
}

static int ingest_utf16(const char *db_path, const char *log_path, int kind,
			const struct elog_opts *o, struct elog_result *res, struct mutu_err *err)
{
	const char *name = o->name ? o->name : log_path;
	const char *dir = getenv("TMPDIR");
	char tmp[4096];
	snprintf(tmp, sizeof tmp, "%s/mutu-utf16-XXXXXX", dir && *dir ? dir : "/tmp");
	iconv_t cd = kind == 3 ? (iconv_t)-1 : iconv_open("UTF-8", kind == 1 ? "UTF-16LE" : "UTF-16BE");
	if (kind != 3 && cd == (iconv_t)-1)
		return mutu_errf(err, MUTU_EFAIL, "%s: cannot convert UTF-16 text: %s", name,
				 strerror(errno));
	int in = open(log_path, O_RDONLY);
	if (in < 0) {
		if (kind != 3)
			iconv_close(cd);
		return mutu_errf(err, MUTU_EINPUT, "%s: cannot open: %s", name, strerror(errno));
	}
	int fd = mkstemp(tmp);
	if (fd < 0) {
		close(in);
		if (kind != 3)
			iconv_close(cd);
		return mutu_errf(err, MUTU_EFAIL, "%s: cannot make a temporary file in %s: %s (set TMPDIR)",
				 name, dir && *dir ? dir : "/tmp", strerror(errno));
	}
	char *ib = mutu_malloc(BLOCK), *ob = mutu_malloc(2 * BLOCK);
	size_t carry = 0;
	uint64_t at = 0; /* bytes of the file converted */
	int rc = 0;
	for (;;) {
		ssize_t k = read(in, ib + carry, BLOCK - carry);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			rc = mutu_errf(err, MUTU_EFAIL, "%s: read error: %s", name, strerror(errno));
			break;
		}
		size_t left = carry + (size_t)k;
		char *ip = ib, *op = ob;
		size_t ol = 2 * BLOCK;
		size_t r = 0;
		if (kind == 3) { /* CR line ends: each CR an LF, the rest as it is */
			for (size_t i = 0; i < left; i++)
				ob[i] = ib[i] == '\r' ? '\n' : ib[i];
			op = ob + left, ip = ib + left, left = 0;
		} else {
			r = iconv(cd, &ip, &left, &op, &ol);
		}
		at += (uint64_t)(ip - ib);
		if (r == (size_t)-1 && (errno == EILSEQ || (errno == EINVAL && k == 0))) {
			rc = mutu_errf(err, MUTU_EINPUT,
				       "%s: not UTF-16 text at byte %llu (the file opens with a UTF-16 byte "
				       "order mark; %s); re-export it as UTF-8 CSV",
				       name, (unsigned long long)at,
				       errno == EILSEQ ? "a lone surrogate or a bad pair" : "the file ends in the middle of a character");
			break;
		}
		for (char *w = ob; w < op && !rc;) {
			ssize_t m = write(fd, w, (size_t)(op - w));
			if (m < 0 && errno == EINTR)
				continue;
			if (m < 0)
				rc = mutu_errf(err, MUTU_EFAIL, "%s: cannot write %s: %s", name, tmp,
					       strerror(errno));
			else
				w += m;
		}
		if (rc || k == 0)
			break;
		memmove(ib, ip, left); /* an incomplete character: read on */
		carry = left;
	}
	free(ib);
	free(ob);
	close(in);
	if (kind != 3)
		iconv_close(cd);
	if (close(fd) && !rc)
		rc = mutu_errf(err, MUTU_EFAIL, "%s: cannot write %s: %s", name, tmp, strerror(errno));
	if (!rc) {
		struct elog_opts so = *o;
		so.name = name;
		rc = elog_ingest(db_path, tmp, &so, res, err);
		if (!rc)
			mutu_notes_addf(&res->notes, "%s",
					kind == 1   ? "UTF-16 LE text (Excel's Unicode text): read as UTF-8"
					: kind == 2 ? "UTF-16 BE text: read as UTF-8"
						    : "lines end in CR alone (Excel for Mac's CSV): read as LF");
	}
	unlink(tmp);
	return rc;
}

/*
 * elog_ingest in stages.  struct run is what passes between them: the
 * open store, the writer and its queue, and what the last stage must
 * undo.  Each stage returns 0 or the status it recorded in err.
 */
struct run {
	struct ingest g;
	struct mutu_store *db;
	struct writer w;
	struct queue q;
	int q_started, late_sha, in_tx;
	pthread_t th;
	struct elog_sha *sha;
	struct chunk *chunks[NCHUNKS];
	int fd;
};

/* Options, --map, the --sop model, then the probe of the file's start:
 * everything that can refuse the log before the store is touched. */
static int stage_prepare(struct run *r, const char *log_path)
{
	struct ingest *g = &r->g;
	const struct elog_opts *o = g->o;
	struct mutu_err *err = g->err;
	struct elog_result *res = g->res;
	int rc;
	if (o->sep && o->sep != ',' && o->sep != ';' && o->sep != '\t' && o->sep != '|')
		return mutu_errf(err, MUTU_EINPUT, "--sep '%c': use , ; | or tab", o->sep);
	if (o->tz && elog_parse_tz(o->tz, &g->tz)) {
		/* an IANA zone from the system's tzdata (a Dutch log: BPIC,
		 * WABO), whose offset changes with daylight saving */
		struct mutu_err e2;
		mutu_err_clear(&e2);
		if (!strchr(o->tz, '/') || cal_tz_load(o->tz, NULL, &g->dst, &e2))
			return mutu_errf(err, MUTU_EINPUT,
					 "--tz '%s': not a zone (use WIB, WITA, WIT, UTC, Asia/Makassar, "
					 "+08:00, or a zone of the system's tzdata such as Europe/Amsterdam)%s%s",
					 o->tz, e2.msg[0] ? ": " : "", e2.msg);
	}
	if (o->date_format && elog_date_format_check(o->date_format))
		return mutu_errf(err, MUTU_EINPUT,
				 "--date-format '%s': %%%c is not a directive mutu reads (use %%d %%m %%b %%B "
				 "%%Y %%y %%H %%I %%M %%S %%f %%p %%z)",
				 o->date_format, elog_date_format_check(o->date_format));
	if (o->sop_id && o->sop_col)
		return mutu_errf(err, MUTU_EINPUT, "--sop and --sop-col exclude each other");
	if (o->office) {
		size_t n = strlen(o->office);
		int ctl = 0;
		for (const unsigned char *p = (const unsigned char *)o->office; *p; p++)
			ctl |= *p < 0x20 || *p == 0x7F;
		if (n > ELOG_OFFICE_MAX || ctl)
			return mutu_errf(err, MUTU_EINPUT,
					 "--office '%.120s': give a name of 1-%d bytes without control "
					 "characters (%zu bytes given)",
					 o->office, ELOG_OFFICE_MAX, n);
	}
	struct stat st;
	if (stat(log_path, &st) != 0)
		return mutu_errf(err, MUTU_ENOTFOUND, "%s: %s", g->path, strerror(errno));
	if (S_ISDIR(st.st_mode))
		return mutu_errf(err, MUTU_EINPUT, "%s: a directory, not a log file", g->path);
	res->size = (uint64_t)st.st_size;
	if (o->map_path && (rc = load_map(g, o->map_path)))
		return rc;
	if (o->sop_id) {
		const struct sop_entry *en = NULL;
		struct sop_model *m = NULL;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s.ini", o->models_dir ? o->models_dir : "models",
			 o->sop_id);
		struct stat ms;
		const char *mp = stat(o->sop_id, &ms) == 0 && S_ISREG(ms.st_mode) ? o->sop_id : path;
		struct mutu_err me;
		mutu_err_clear(&me);
		rc = mp == o->sop_id ? sop_registry_add_file(ingest_reg(g), mp, &en, &me)
				     : sop_registry_get(ingest_reg(g), o->sop_id, &en, &me);
		if (rc) {
			if (rc == MUTU_ENOTFOUND)
				mutu_errf(err, MUTU_ENOTFOUND,
					  "--sop %s: no model %s (see 'ls %s')", o->sop_id, path,
					  o->models_dir ? o->models_dir : "models");
			else
				mutu_errf(err, rc, "%s", me.msg); /* the model's own line */
			return err->code;
		}
		m = en->model;
		g->fixed = mutu_calloc(1, sizeof *g->fixed);
		g->fixed->key = mutu_strdup(o->sop_id);
		g->fixed->id = mutu_strdup(m->id ? m->id : o->sop_id);
		g->fixed->m = m;
		g->fixed->zone = zone_of_model(g, m, g->fixed->id);
		sopent_prepare(g->fixed);
	}
	r->fd = open(log_path, O_RDONLY);
	if (r->fd < 0)
		return mutu_errf(err, MUTU_EINPUT, "%s: cannot open: %s", g->path, strerror(errno));
	unsigned char sep = ',';
	const char *ocel = ocel_kind(r->fd);
	if (ocel)
		return mutu_errf(err, MUTU_EINPUT, "%s: " OCEL_REFUSED, g->path, ocel);
	if (elog_xes_sniff(r->fd))
		rc = elog_xes_probe(g, r->fd, log_path, o, &res->notes, &g->xes, err);
	else
		rc = probe(g, r->fd, &sep);
	if (rc)
		return rc;
	g->sep = sep;
	if (o->map_path && (rc = check_map(g, o->map_path)))
		return rc;
	note_columns(g);
	if (g->fixed)
		mutu_notes_addf(&res->notes, "SOP %s; local times read at UTC%+03d:%02d", g->fixed->id,
				g->fixed->zone == ELOG_NO_ZONE ? 0 : g->fixed->zone / 60,
				g->fixed->zone == ELOG_NO_ZONE ? 0 : abs(g->fixed->zone) % 60);
	else if (g->tz != ELOG_NO_ZONE)
		mutu_notes_addf(&res->notes, "local times read at UTC%+03d:%02d (--tz)", g->tz / 60,
				abs(g->tz) % 60);
	else if (g->dst)
		mutu_notes_addf(&res->notes,
				"local times read in %s (--tz), at its offset on each stamp's day "
				"(daylight saving from the system's tzdata)",
				cal_tz_name(g->dst));
	return 0;
}

/*
 * Open the store and decide whether this is a no-op (same file already
 * loaded).  Only a live batch of the same size can hold the same bytes:
 * when there is none (the usual case), the file is hashed block by block
 * as the parse reads it, instead of in a pass of its own (0.12 s of 2 s at
 * 1M events), and checked again against the store before the commit.
 * With --force or a batch of the same size, hash first: the no-op must
 * not write anything.
 */
static int stage_open(struct run *r, const char *db_path, const char *log_path)
{
	struct ingest *g = &r->g;
	const struct elog_opts *o = g->o;
	struct elog_result *res = g->res;
	int rc;
	if ((rc = store_open_cancel(db_path, STORE_CREATE, o->busy_ms, o->cancel, &r->db, g->err)) ||
	    (rc = store_set_office(r->db, o->office ? o->office : "", g->err)))
		return rc;
	int same_size = store_batch_size_seen(r->db, res->size, g->err);
	if (same_size < 0)
		return same_size;
	if (!same_size && !o->force)
		r->late_sha = 1;
	else if ((rc = elog_sha256_file(log_path, res->sha256, &res->size, g->err)))
		return rc;
	if (!r->late_sha && !o->force) {
		int found = store_batch_find(r->db, res->sha256, 0, &res->batch_id, res->prev_at,
					     sizeof res->prev_at, g->err);
		if (found < 0)
			return found;
		res->noop = found;
	}
	return 0;
}

/* Take the write lock, write the batch row, let earlier loads of the same
 * file give way (--force), and start the writer (and its thread). */
static int stage_begin(struct run *r)
{
	struct ingest *g = &r->g;
	const struct elog_opts *o = g->o;
	struct elog_result *res = g->res;
	struct mutu_err *err = g->err;
	int rc;
	/* another writer can take the lock between the open's probe and
	 * here: the same diagnosis (file named, --busy-timeout) as at open */
	if ((rc = store_begin_write(r->db, "taking the write lock", err)))
		return rc;
	r->in_tx = 1;
	struct mutu_buf opts;
	mutu_buf_init(&opts);
	options_json(o, &opts);
	char at[40];
	now_iso(at, sizeof at);
	struct store_batch b;
	memset(&b, 0, sizeof b);
	b.file = g->path;
	b.size = res->size;
	b.sha256 = res->sha256;
	b.ingested_at = at;
	b.sop = g->fixed ? g->fixed->id : NULL;
	b.office = o->office ? o->office : "";
	b.options = opts.s;
	b.dropped = res->dropped;
	rc = store_batch_create(r->db, &b, &res->batch_id, err);
	mutu_buf_release(&opts);
	if (rc)
		return rc;
	if (o->force &&
	    (rc = store_batch_supersede(r->db, res->sha256, res->batch_id, &res->superseded_events, err)))
		return rc;
	r->w.office = o->office ? o->office : "";
	r->w.cases = mutu_calloc(CASE_CACHE, sizeof *r->w.cases);
	r->w.attr_names = g->attr_names;
	if (store_writer_open(r->db, res->batch_id, res->size, &r->w.sw, &r->w.err))
		return mutu_errf(err, MUTU_EFAIL, "%s", r->w.err.msg);
	for (int i = 0; i < NCHUNKS; i++)
		r->chunks[i] = chunk_new();
	g->w = &r->w;
	g->cur = r->chunks[0];
	if (o->threads >= 2) {
		struct queue *q = &r->q;
		memset(q, 0, sizeof *q);
		pthread_mutex_init(&q->mu, NULL);
		pthread_cond_init(&q->cv, NULL);
		q->w = &r->w;
		for (int i = 1; i < NCHUNKS; i++)
			q->free_[q->nfree++] = r->chunks[i];
		if (pthread_create(&r->th, NULL, writer_thread, q) == 0) {
			r->q_started = 1;
			g->q = q;
		} else {
			pthread_mutex_destroy(&q->mu);
			pthread_cond_destroy(&q->cv);
		}
	}
	return 0;
}

/* Read the whole file through the row checks into the writer; the last
 * chunk flushed and the writer thread joined. */
static int stage_parse(struct run *r)
{
	struct ingest *g = &r->g;
	const struct elog_opts *o = g->o;
	struct elog_result *res = g->res;
	struct mutu_err *err = g->err;
	int rc;
	if (g->xes) {
		rc = xes_run(g, r->fd, r->late_sha, &r->sha);
	} else {
		struct reader rd;
		reader_init(&rd, g->sep);
		rd.skip_sep_line = g->sep_line;
		rd.skip_lines = g->title_lines;
		rd.on_rec = on_record;
		rd.ctx = g;
		rd.expect_nf = g->ncols;
		rd.expect_min = g->nnamed;
		g->header_done = 0;
		lseek(r->fd, 0, SEEK_SET);
		if (r->late_sha && !(rd.sha = r->sha = elog_sha_new()))
			rc = mutu_errf(err, MUTU_EFAIL, "%s: SHA-256 unavailable in libcrypto", g->path);
		else
			rc = reader_run(&rd, r->fd, g->path, o->progress, o->progress_ctx, res->size,
					err);
		if (!rc && r->late_sha && rd.eof) {
			elog_sha_final(r->sha, res->sha256);
			res->size = rd.bytes;
		} else if (!rc && r->late_sha && !g->fatal && !g->cancelled) {
			rc = mutu_errf(err, MUTU_EFAIL, "%s: read stopped before the end", g->path);
		}
		res->empty_lines = rd.empty_lines;
		if (rd.excel_text)
			mutu_notes_addf(&res->notes,
					"%llu value(s) written as Excel's text formula (=\"000123\", as an "
					"application's export keeps leading zeros for Excel): read as the "
					"text inside (000123)",
					(unsigned long long)rd.excel_text);
		reader_release(&rd);
	}
	if (!rc && g->cancelled)
		rc = mutu_errf(err, MUTU_ECANCEL,
			       "%s: stopped at line %lld: the batch is rolled back, nothing of it is "
			       "stored",
			       g->path, (long long)g->cancel_line);
	if (!rc && !g->fatal && g->cur && g->cur->n)
		if (flush_chunk(g))
			g->fatal = 1;
	if (r->q_started) {
		struct queue *q = &r->q;
		pthread_mutex_lock(&q->mu);
		q->closed = 1;
		pthread_cond_broadcast(&q->cv);
		pthread_mutex_unlock(&q->mu);
		pthread_join(r->th, NULL);
		r->q_started = 0;
		if (q->failed)
			g->fatal = 1;
		pthread_mutex_destroy(&q->mu);
		pthread_cond_destroy(&q->cv);
	}
	if (!rc && (g->fatal || r->w.err.code))
		rc = mutu_errf(err, MUTU_EFAIL, "%s", r->w.err.code ? r->w.err.msg : "ingest failed");
	return rc;
}

/*
 * The same bytes committed under the size check's nose (a concurrent
 * ingest, or the file rewritten since stat) make this a no-op, rolled
 * back; else the writer's deferred work, the XES types, the batch's
 * counts, and the commit.
 */
static int stage_commit(struct run *r)
{
	struct ingest *g = &r->g;
	struct elog_result *res = g->res;
	struct mutu_err *err = g->err;
	struct writer *w = &r->w;
	int rc;
	/* the last moment to stop: past here the batch is committed */
	if (cancel_asked(g->o))
		return mutu_errf(err, MUTU_ECANCEL,
				 "%s: stopped after the last line, before the commit: the batch is "
				 "rolled back, nothing of it is stored",
				 g->path);
	if (r->late_sha) {
		int64_t prev = 0;
		int found = store_batch_find(r->db, res->sha256, res->batch_id, &prev, res->prev_at,
					     sizeof res->prev_at, err);
		if (found < 0)
			return found;
		if (found) {
			res->noop = 1;
			res->batch_id = prev;
			writer_release(w);
			store_rollback(r->db);
			r->in_tx = 0;
			return 0;
		}
	}
	if ((rc = store_writer_finish(w->sw, err)))
		return rc;
	if (g->xes && (rc = elog_xes_store_types(g->xes, w->sw, err)))
		return rc;
	res->rows_read = g->rows;
	res->header_again = g->header_again;
	res->no_event = g->no_event;
	res->events_stored = w->stored;
	res->rejected = w->rejected;
	res->duplicates = w->dups;
	res->unknown_events = w->unknown;
	res->cases_new = w->cases_new;
	add_reasons(res, w);
	if (w->sop_other)
		mutu_notes_addf(&res->notes,
				"warning: %llu row(s) of a case met before with another SOP (first: "
				"line %lld, %s) stored in that case: if the office numbers each permit "
				"type's berkas apart, they are two berkas under one number, the second "
				"type's steps counted as the first's (rework) and missing from its "
				"report; ingest each type's rows with its own case ids",
				(unsigned long long)w->sop_other, (long long)w->sop_other_line,
				w->sop_other_ex);
	struct store_batch b;
	memset(&b, 0, sizeof b);
	b.id = res->batch_id;
	b.size = res->size;
	b.sha256 = res->sha256;
	b.dropped = res->dropped;
	b.rows_read = res->rows_read;
	b.events_stored = res->events_stored;
	b.rejected = res->rejected;
	b.duplicates = res->duplicates;
	b.unknown_activities = res->unknown_events;
	if ((rc = store_batch_finish(r->db, &b, err)))
		return rc;
	writer_release(w);
	if ((rc = store_commit(r->db, err)))
		return rc;
	r->in_tx = 0;
	return 0;
}

/* What the ingest found worth saying beyond the counts. */
static void stage_notes(struct run *r)
{
	struct ingest *g = &r->g;
	struct elog_result *res = g->res;
	if (g->no_event)
		mutu_notes_addf(&res->notes,
				"%llu line(s) hold no event (first on line %lld: a title line or a row "
				"of separators between joined exports): skipped, not rows",
				(unsigned long long)g->no_event, (long long)g->no_event_line_no);
	if (g->total_rows)
		mutu_notes_addf(&res->notes,
				"%llu of them a report's total row (first on line %lld: '%s'): no event, "
				"not a rejected row",
				(unsigned long long)g->total_rows, (long long)g->total_line, g->total_ex);
	if (g->sig_lines)
		mutu_notes_addf(&res->notes,
				"%llu of them a signature block under the table (first on line %lld: "
				"'%s'): no event, not a rejected row",
				(unsigned long long)g->sig_lines, (long long)g->sig_line_no, g->sig_ex);
	if (g->header_again)
		mutu_notes_addf(&res->notes,
				"%llu line(s) repeat the header (first on line %lld: exports joined into "
				"one file): skipped, not rows",
				(unsigned long long)g->header_again, (long long)g->header_again_line);
	for (size_t i = 0; i < g->nunk; i++)
		mutu_notes_addf(&res->notes, "unknown activity '%s' (%llu rows): kept, flagged",
				g->unk[i].name, (unsigned long long)g->unk[i].n);
	if (g->unk_more)
		mutu_notes_addf(&res->notes, "... and %llu more rows with other unknown activities",
				(unsigned long long)g->unk_more);
	if (g->serial_rows)
		mutu_notes_addf(&res->notes,
				"%llu stamp(s) written as Excel serial day numbers among text dates (first: line "
				"%lld, %s): read counted from 1900, as the dates read before them agree",
				(unsigned long long)g->serial_rows, (long long)g->serial_line,
				g->serial_ex);
	if (g->notime_start)
		mutu_notes_addf(&res->notes,
				"%llu start(s) with a date and no time of day (first: line %lld, %s): "
				"left out, not read as 00:00; the step is measured from the previous "
				"completion",
				(unsigned long long)g->notime_start, (long long)g->notime_line,
				g->notime_ex);
	if (g->leap_rows)
		mutu_notes_addf(&res->notes,
				"leap second: %llu row(s) with second 60 (first: line %lld, %s) read as "
				"second 59 of the same minute (POSIX time has no leap seconds; at most "
				"one second early)",
				(unsigned long long)g->leap_rows, (long long)g->leap_first,
				g->leap_example);
	if (g->dfill_rows)
		mutu_notes_addf(&res->notes,
				"%llu row(s) with a time of day but no date in %s (first: line %lld) "
				"took the date of the row above, as an Excel sheet's merged date cells "
				"leave them",
				(unsigned long long)g->dfill_rows, g->dfill_col, (long long)g->dfill_first);
	if (g->fill_rows)
		mutu_notes_addf(&res->notes,
				"%llu row(s) without a case id (first: line %lld) took the case id of "
				"the row above, as an Excel sheet's merged cells leave them",
				(unsigned long long)g->fill_rows, (long long)g->fill_first);
	if (g->na_rows)
		mutu_notes_addf(&res->notes,
				"NA: %llu row(s) (first: line %lld) with NA in a role column, read as "
				"missing as R writes it (an open step's end, no resource)",
				(unsigned long long)g->na_rows, (long long)g->na_first);
}

int elog_ingest(const char *db_path, const char *log_path, const struct elog_opts *o,
		struct elog_result *res, struct mutu_err *err)
{
	if (strcmp(log_path, "-") == 0)
		return ingest_stdin(db_path, o, res, err);
	int u16 = utf16_csv(log_path);
	if (u16)
		return ingest_utf16(db_path, log_path, u16, o, res, err);
	struct run *r = mutu_calloc(1, sizeof *r);
	struct ingest *g = &r->g;
	g->o = o;
	g->date_fmt = o->date_format;
	g->path = o->name ? o->name : log_path; /* what messages and the batch row say */
	g->res = res;
	g->err = err;
	g->tz = ELOG_NO_ZONE;
	mutu_buf_init(&g->norm);
	r->fd = -1;
	int rc = stage_prepare(r, log_path);
	if (!rc)
		rc = stage_open(r, db_path, log_path);
	if (!rc && !res->noop)
		rc = stage_begin(r);
	if (!rc && !res->noop)
		rc = stage_parse(r);
	if (!rc && !res->noop)
		rc = stage_commit(r);
	if (!rc && !res->noop)
		stage_notes(r);
	if (rc) {
		if (r->q_started) {
			/* a failure before the parse's end: stop the writer thread */
			struct queue *q = &r->q;
			pthread_mutex_lock(&q->mu);
			q->closed = 1;
			pthread_cond_broadcast(&q->cv);
			pthread_mutex_unlock(&q->mu);
			pthread_join(r->th, NULL);
			pthread_mutex_destroy(&q->mu);
			pthread_cond_destroy(&q->cv);
		}
		res->batch_id = 0;
		writer_release(&r->w);
		if (r->db)
			store_rollback(r->db);
		/* A store this ingest created is removed again (when still
		 * empty: store_close_discard), so a failed first ingest leaves
		 * nothing behind -- an XES error at the end of the file (a
		 * truncated gzip), a full disk or ulimit -f, a Ctrl-C, a log
		 * with no usable row.  Before, only XES did: a CSV's failure
		 * left an empty store that reports then read as "no data". */
		if (r->db) {
			store_close_discard(r->db);
			r->db = NULL;
		}
	}
	writer_release(&r->w);
	for (int i = 0; i < NCHUNKS; i++)
		chunk_free(r->chunks[i]);
	if (r->fd >= 0)
		close(r->fd);
	store_close(r->db);
	elog_sha_free(r->sha);
	ingest_release(g);
	free(r);
	if (rc && !err->code)
		mutu_errf(err, rc, "ingest failed");
	return rc;
}
