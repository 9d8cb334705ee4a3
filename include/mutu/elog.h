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

/* Schema version written to PRAGMA user_version (docs/store.md). */
#define ELOG_SCHEMA_VERSION 3

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
	const char *col[ELOG_NROLES]; /* header-name overrides, NULL = detect */
	const char **drop_cols;    /* extra personal columns to drop */
	size_t ndrop;
	int force;                 /* reload a file already ingested, as a new batch */
	int threads;               /* 0/1: parse and write in one thread; 2: pipeline */
	elog_progress_fn progress; /* may be NULL; called from the parsing thread */
	void *progress_ctx;
};

void elog_opts_init(struct elog_opts *o);

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
 * Ingest log_path into the store db_path (created when missing).  Returns 0
 * (res filled; res->noop when the file was already ingested and !force),
 * MUTU_EINPUT when the file cannot be a log (nothing written; err says
 * why and what to do) or the options are wrong, MUTU_EFAIL on I/O or SQLite
 * failure (the batch is rolled back).
 */
int elog_ingest(const char *db_path, const char *log_path, const struct elog_opts *o,
		struct elog_result *res, struct mutu_err *err);

/* ---- the store ---- */

struct sqlite3;

/*
 * Open (create when create != 0) a store and migrate it to
 * ELOG_SCHEMA_VERSION.  WAL mode.  *out is an open connection the caller
 * closes with elog_store_close.  A missing file with create == 0 is
 * MUTU_ENOTFOUND; a file that is not a mutu store is MUTU_EINPUT.
 */
int elog_store_open(const char *path, int create, struct sqlite3 **out, struct mutu_err *err);
void elog_store_close(struct sqlite3 *db); /* NULL-safe */

/* ---- helpers, public for tests and other modules ---- */

/* Offset value meaning "no zone known" for elog_parse_time. */
#define ELOG_NO_ZONE INT32_MIN

enum {
	ELOG_TS_OK = 0,
	ELOG_TS_BAD = -1,    /* not a stamp in the expected form, or out of range */
	ELOG_TS_NOZONE = -2  /* a local stamp and default_off == ELOG_NO_ZONE */
};

/*
 * Parse s[0..n): ISO 8601 ("2025-01-02T07:30:00+08:00", "2025-01-02 07:30Z",
 * fractions, date only) when fmt is NULL, else the strptime-like fmt
 * (%d %m %Y %y %H %M %S %f %z %%; a space matches one or more spaces; the
 * value may stop after the date part).  Stamps without an offset are local
 * at default_off minutes east of UTC.  *ms receives UTC milliseconds and
 * *off the offset used.
 */
int elog_parse_time(const char *s, size_t n, const char *fmt, int default_off,
		    int64_t *ms, int *off);

/*
 * Is s a day/month-order date ("01/02/2025", "1-2-25 08:00") that needs
 * --date-format?  Returns 0 no, 1 yes and ambiguous (both parts <= 12),
 * 2 yes but only one reading is a date.
 */
int elog_date_order_needed(const char *s, size_t n);

/* Zone text: "WIB" "WITA" "WIT" "UTC" "Z" "Asia/Jakarta" "+08:00" "+0800"
 * "+8" -> minutes east of UTC.  Returns 0 or MUTU_EINPUT. */
int elog_parse_tz(const char *text, int *off_min);

/* Format UTC ms at an offset: "2025-01-02T07:30:00.250+08:00" (fraction
 * only when not whole seconds).  Returns the length written. */
size_t elog_format_time(int64_t ms, int off_min, char *buf, size_t size);

/* SHA-256 of a file's bytes as 64 hex digits; *size receives its size. */
int elog_sha256_file(const char *path, char hex[65], uint64_t *size, struct mutu_err *err);
/* SHA-256 of a buffer (for tests). */
void elog_sha256_buf(const void *p, size_t n, char hex[65]);

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
