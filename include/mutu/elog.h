/*
 * elog.h - event-log ingestion: CSV exports (SiCANTIK, XES-flattened,
 * mutu's canonical form) streamed through libcsv into the SQLite store
 * described in docs/store.md.
 *
 * Every row read ends up in exactly one place: the events table, the
 * rejected table (with its line and the reason) or the duplicate count, so
 * rows_read == events_stored + rejected + duplicates always holds.  A batch
 * is one transaction: a crash or kill leaves the store as it was before.
 *
 * Time stamps become UTC milliseconds plus the offset (minutes east of
 * UTC) the stamp was written in, or the zone it was read in for local
 * stamps; a local time is never relabelled as UTC.
 */
#ifndef MUTU_ELOG_H
#define MUTU_ELOG_H

#include <stddef.h>
#include <stdint.h>

#include "mutu/base.h"

#include <stdatomic.h>

/* Schema version of the store (docs/store.md; = STORE_SCHEMA_VERSION). */
#define ELOG_SCHEMA_VERSION 11

/* Column roles found by header name or set by an override. */
enum elog_role {
	ELOG_COL_CASE = 0,
	ELOG_COL_SOP,
	ELOG_COL_STEP,
	ELOG_COL_ACTIVITY,
	ELOG_COL_ACTOR,
	ELOG_COL_START,
	ELOG_COL_END,
	ELOG_COL_TIMESTAMP, /* one completion stamp per event (XES time:timestamp) */
	ELOG_COL_LIFECYCLE,
	ELOG_NROLES
};

/* Name of a role as the options and messages write it ("case", "start"...). */
const char *elog_role_name(enum elog_role r);

/* Progress callback: bytes consumed of total, rows read so far. */
typedef void (*elog_progress_fn)(void *ctx, uint64_t done, uint64_t total, uint64_t rows);

/* Ingest options.  All strings are borrowed for the duration of the call. */
struct elog_opts {
	const char *sop_id;        /* --sop: every row belongs to this SOP model */
	const char *sop_col;       /* --sop-col: column naming the SOP per row */
	const char *models_dir;    /* folder of <id>.ini models ("models") */
	const char *calendars_dir; /* NULL: cal_load's default */
	char sep;                  /* 0: detect among , ; TAB */
	const char *date_format;   /* NULL: ISO 8601 only; else e.g. "%d/%m/%Y %H:%M" */
	const char *tz;            /* zone for stamps without offset; NULL: SOP calendar's */
	const char *map_path;      /* --map: CSV activity,step */
	const char *name;          /* how messages and batches.file name the log; NULL:
				    * log_path (elog_ingest sets "<stdin>" for "-") */
	const char *col[ELOG_NROLES]; /* header-name overrides, NULL = detect */
	const char **drop_cols;    /* extra personal columns to drop */
	size_t ndrop;
	int force;                 /* reload a file already ingested, as a new batch */
	int threads;               /* 0/1: parse and write in one thread; 2: pipeline */
	int busy_ms;               /* --busy-timeout: 0 ELOG_BUSY_DEFAULT_MS, <0 no wait */
	elog_progress_fn progress; /* may be NULL; called from the parsing thread */
	void *progress_ctx;
	const char *office;        /* --office: the office the cases belong to (cases.office),
				    * 1..ELOG_OFFICE_MAX bytes without control characters;
				    * NULL or "": the store's one office */
	const atomic_int *cancel;  /* may be NULL; owned by the caller, who sets it non-zero
				    * to stop (a signal handler may: a lock-free atomic).
				    * Read between records, while waiting on standard
				    * input and while waiting for another process's lock
				    * on an SQLite store (store_open_cancel); the ingest
				    * then returns MUTU_ECANCEL with the
				    * batch rolled back.  Set during the commit, it has no
				    * effect: the batch is then whole in the store. */
};

void elog_opts_init(struct elog_opts *o);

/* Longest --office name, bytes. */
#define ELOG_OFFICE_MAX 100

#define ELOG_MAX_REASONS 16

/* What an ingest did.  Embedded by the caller: elog_result_release. */
struct elog_result {
	int64_t batch_id;          /* new batch, or the earlier one on a no-op */
	int noop;                  /* 1: same file already ingested (prev_at says when) */
	char prev_at[40];
	char sha256[65];
	uint64_t size;
	uint64_t rows_read, events_stored, rejected, duplicates;
	uint64_t empty_lines;      /* lines with nothing on them: skipped, not rows (a line
				    * of blanks is a row, rejected as "blank row") */
	uint64_t header_again;     /* lines that repeat the header (exports joined into one
				    * file): skipped, not rows, as empty lines */
	uint64_t no_event;         /* title lines and rows of only separators between joined
				    * exports: skipped, not rows, as empty lines */
	uint64_t unknown_events;   /* stored events whose activity is not in the model */
	uint64_t cases_new, superseded_events;
	struct { const char *reason; uint64_t n; } reasons[ELOG_MAX_REASONS];
	size_t nreasons;           /* rejected rows by kind of reason (static strings) */
	char *dropped;             /* personal columns dropped, comma-separated (owned) */
	struct mutu_notes notes;   /* what detection decided: columns, zone, SOP, unknown activities */
};

void elog_result_init(struct elog_result *r);
void elog_result_release(struct elog_result *r);

/*
 * Ingest log_path into the store db_path (created when missing); "-" reads
 * standard input (copied to a temporary file first: the probe and the
 * parse read the log twice, and the SHA-256 is of the bytes read).  Returns 0
 * (res filled; res->noop when the file was already ingested and !force),
 * MUTU_EINPUT when the file cannot be a log (nothing written; err says
 * why and what to do) or the options are wrong, MUTU_EFAIL on I/O or SQLite
 * failure (the batch is rolled back).
 */
int elog_ingest(const char *db_path, const char *log_path, const struct elog_opts *o,
		struct elog_result *res, struct mutu_err *err);

/* ---- the store (include/mutu/store.h) ---- */

struct mutu_store;

/* The store's open modes and lock wait under their older names (the
 * values are store.h's STORE_* ones). */
enum {
	ELOG_STORE_READ = 0,   /* reports, audit --no-store, db: a read-only store will do */
	ELOG_STORE_CREATE = 1, /* ingest: create when missing, must be writable */
	ELOG_STORE_WRITE = 2   /* audit: must exist and be writable */
};
#define ELOG_BUSY_DEFAULT_MS 5000
#define ELOG_BUSY_MAX_MS 600000

/* ---- helpers, public for tests and other modules ---- */

/*
 * Longest record (row) read, in bytes, line end excluded.  A longer one is
 * rejected with its line number ("record too long") and the ingest goes on
 * with the next line: it is never buffered whole (a 1 GB line without a
 * newline costs no more memory than this).  Range: 64 KiB .. 1 GiB (field
 * offsets are 32-bit; checked at compile time in elog.c).
 */
#define ELOG_MAX_RECORD (16u << 20)

/* Offset value meaning "no zone known" for elog_parse_time. */
#define ELOG_NO_ZONE INT32_MIN

enum {
	ELOG_TS_OK = 0,
	ELOG_TS_BAD = -1,    /* not a stamp in the expected form, or out of range */
	ELOG_TS_NOZONE = -2  /* a local stamp and default_off == ELOG_NO_ZONE */
};

/*
 * Parse s[0..n): ISO 8601 ("2025-01-02T07:30:00+08:00", "2025-01-02 07:30Z",
 * fractions, date only) or POSIX time (10 digits of seconds, 13 of
 * milliseconds, 2000-2100, UTC) when fmt is NULL, else the strptime-like fmt
 * (%d %m %b %B %Y %y %H %I %M %S %f %p %z %%, %b or %B a month name in Indonesian
 * or English, full or short: "Mei", "Agt", "Oct"; %p AM or PM, which makes
 * the hour (%H or %I) one of 1-12; a space matches one or more spaces; the
 * value may stop after the date part).  Stamps without an offset are local
 * at default_off minutes east of UTC.  *ms receives UTC milliseconds and
 * *off the offset used.
 */
int elog_parse_time(const char *s, size_t n, const char *fmt, int default_off,
		    int64_t *ms, int *off);

/*
 * elog_parse_time, and *leap (not NULL) says whether the stamp's second
 * was 60.  A leap second (23:59:60 UTC, or an exporter's rounding such as
 * 08:00:60) is read as second 59 of the same minute, fraction kept: POSIX
 * time has no leap seconds, and the row is worth more than the second
 * (docs/store.md).  The ingest counts such stamps and names them in its
 * notes; elog_parse_time folds them silently.
 */
int elog_parse_time_ex(const char *s, size_t n, const char *fmt, int default_off,
		       int64_t *ms, int *off, int *leap);

/* 0 when every directive of a --date-format is one elog_parse_time knows,
 * else the first unknown directive's character ('%' for a lone % at the end). */
int elog_date_format_check(const char *fmt);

/*
 * Is s a day/month-order date ("01/02/2025", "1-2-25 08:00") that needs
 * --date-format?  Returns 0 no, 1 yes and ambiguous (both parts <= 12),
 * 2 only day first reads it (the first part 13-31), 3 only month first
 * (the second 13-31), 4 neither reading is a date.
 */
int elog_date_order_needed(const char *s, size_t n);

/* A stamp whose date is digits, without the words Indonesian text writes
 * around them: a weekday before it ("Senin, 11/08/2025 08:00", "Jum'at",
 * "Sen.", "Mon,"), a comma after it ("11/08/2025, 08.00") and the hour's
 * word before the clock ("11/08/2025 pukul 08.00", "pkl.", "jam").  They
 * say nothing the digits do not (the weekday is not checked against the
 * date).  Written to buf (NUL-terminated), its length returned; 0 when
 * there is nothing to leave out (or it does not fit): read s as it is. */
size_t elog_stamp_clean(const char *s, size_t n, char *buf, size_t size);

/* Zone text: "WIB" "WITA" "WIT" "UTC" "Z" "Asia/Jakarta" "+08:00" "+0800"
 * "+8" -> minutes east of UTC.  Returns 0 or MUTU_EINPUT. */
int elog_parse_tz(const char *text, int *off_min);

/* The instants a stamp can name: 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59.999Z
 * (ms since 1970) with a day's margin either side (a local stamp of year 1
 * or 9999 at its offset, up to 14 h), and the largest offset, minutes (a day). */
#define ELOG_MS_MIN (-62135596800000LL - 86400000LL)
#define ELOG_MS_MAX (253402300799999LL + 86400000LL)
#define ELOG_OFF_MAX 1440

/* Format UTC ms at an offset: "2025-01-02T07:30:00.250+08:00" (fraction
 * only when not whole seconds).  Returns the length written; 0, with buf
 * "", for ms outside ELOG_MS_MIN..ELOG_MS_MAX or an offset beyond
 * +-ELOG_OFF_MAX (no ingest stores one; a store edited by another tool
 * can: hardening round 4, a signed overflow here). */
size_t elog_format_time(int64_t ms, int off_min, char *buf, size_t size);

/* SHA-256 of a file's bytes as 64 hex digits; *size receives its size. */
int elog_sha256_file(const char *path, char hex[65], uint64_t *size, struct mutu_err *err);
/* SHA-256 of a buffer (for tests). */
void elog_sha256_buf(const void *p, size_t n, char hex[65]);

/* ---- export: the store as an event log (engine/elog_export.c) ---- */

enum elog_export_format { ELOG_EXPORT_CSV = 0, ELOG_EXPORT_XES };

/* What to export.  Strings are borrowed for the call. */
struct elog_export_opts {
	enum elog_export_format format;
	const char *sop;  /* only cases whose cases.sop is this; NULL: every case */
	const char *from; /* "YYYY-MM-DD" (year 1..9999) or NULL: only cases whose first
			   * stamp falls on this local day or later, read at the offset
			   * written on that stamp (a case is never cut; consecutive
			   * periods do not overlap) */
	const char *to;   /* "YYYY-MM-DD" or NULL: ... on this local day or earlier */
	int gzip;         /* compress the whole output with gzip */
	const atomic_int *cancel; /* may be NULL; set non-zero (a signal handler may) to
				   * stop between cases: MUTU_ECANCEL, the output incomplete */
};

void elog_export_opts_init(struct elog_export_opts *o);

/* What an export wrote. */
struct elog_export_result {
	uint64_t cases;          /* traces (XES) or distinct case ids (CSV) */
	uint64_t events;         /* store rows (step executions) exported */
	uint64_t entries;        /* XES events / CSV rows written: a stored event with a
				  * start and an end is two XES events (start, complete) */
	uint64_t replaced_chars; /* XES: control bytes XML cannot hold, written as U+FFFD */
	uint64_t skipped_attrs;  /* XES: stored attributes whose key mutu writes itself */
};

/*
 * Write the cases of the store db selected by o to out (the caller's
 * stream, e.g. a struct mutu_out's; not closed): XES 1849-2016 with the
 * concept, time, org and lifecycle extensions, or a PM4Py-style CSV
 * (README "Export").  Cases in ingest order; XES events in the order they
 * happened, CSV rows (one per stored event) by their first stamp.
 * Reads the store only (one read transaction).  Returns 0; MUTU_EINPUT for
 * a bad date or period or an --sop no case has (err names the value and
 * what to give), before anything is written; MUTU_EFAIL on a store or
 * write error (out holds a partial file: abort it, commit nothing).
 */
int elog_export(struct mutu_store *db, const struct elog_export_opts *o, FILE *out,
		struct elog_export_result *res, struct mutu_err *err);

/* The format a file name asks for: ".xes" (XES), ".xes.gz" (XES, *gz = 1),
 * ".csv" (CSV), case-insensitive.  Returns 1 when the name says, else 0. */
int elog_export_format_for(const char *path, enum elog_export_format *fmt, int *gz);

/*
 * Type of an attribute key read from XES (table attr_types, schema 3):
 * the XES element its values came in.  ELOG_AT_TEXT is a CSV cell, text as
 * written (no attr_types row).  list and container values are JSON text
 * (docs/store.md).
 */
enum elog_attr_type {
	ELOG_AT_TEXT = 0,
	ELOG_AT_STRING,
	ELOG_AT_DATE,
	ELOG_AT_INT,
	ELOG_AT_FLOAT,
	ELOG_AT_BOOLEAN,
	ELOG_AT_ID,
	ELOG_AT_LIST,
	ELOG_AT_CONTAINER,
	ELOG_AT_N
};

/* "string", "date", ... as in attr_types.type; NULL for ELOG_AT_TEXT and
 * out-of-range values (static strings, not owned by the caller). */
const char *elog_attr_type_name(int type);

#endif /* MUTU_ELOG_H */
