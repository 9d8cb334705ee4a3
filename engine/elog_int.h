/*
 * elog_int.h - what the elog_*.c files share and nobody else needs.
 */
#ifndef MUTU_ELOG_INT_H
#define MUTU_ELOG_INT_H

#include <stdint.h>
#include <stddef.h>

#include "mutu/base.h"

/*
 * Duplicate-detection key of an event within its case: a hash of
 * (activity, start, end, actor).  The store's unique index is
 * (case_id, dkey); the key has 31 bits (4 bytes in SQLite's record format);
 * the ingest verifies the columns on every conflict and
 * moves a true hash collision to the next free key, so the key decides
 * nothing by itself: duplicates are exact.  A NULL stamp or actor hashes
 * differently from every value.
 */
uint64_t elog_dkey(const char *act, size_t act_len, int has_start, int64_t start_ms,
		   int has_end, int64_t end_ms, const char *actor, size_t actor_len, int has_actor);
/* elog_dkey in two parts, the same value: elog_dkey_act is the hash state
 * after the activity alone (a log repeats a few dozen activity texts of
 * ~100 bytes, so the ingest keeps it per text instead of hashing every
 * row's copy), elog_dkey_rest goes on from it over the other fields. */
uint64_t elog_dkey_act(const char *act, size_t act_len);
uint64_t elog_dkey_rest(uint64_t h_act, int has_start, int64_t start_ms, int has_end,
			int64_t end_ms, const char *actor, size_t actor_len, int has_actor);

/*
 * SHA-256 fed piece by piece (the ingest hashes the blocks it parses, so a
 * file is read once).  elog_sha_new returns NULL when libcrypto has no
 * SHA-256; the caller frees with elog_sha_free (NULL-safe) after
 * elog_sha_final.
 */
struct elog_sha;
struct elog_sha *elog_sha_new(void);
void elog_sha_update(struct elog_sha *s, const void *p, size_t n);
void elog_sha_final(struct elog_sha *s, char hex[65]);
void elog_sha_free(struct elog_sha *s);

/*
 * Rows from a reader other than the CSV one (elog_xes.c), fed through the
 * same checks and writer as CSV records (elog.c).  struct ingest is
 * elog.c's state of one ingest; the reader only passes it back.
 */
struct ingest;
struct elog_opts;
struct store_writer;
struct elog_field {
	uint32_t off, len; /* a value in elog_row.buf, NUL-terminated there */
};
struct elog_row {
	const char *buf;               /* the values; borrowed for the call */
	const struct elog_field *f;    /* [nf]: one per column added so far */
	size_t nf;
	int64_t line;                  /* where the event starts in the file */
	const char *raw;               /* shown in rejected.raw: no personal values */
	size_t rawlen;
	int ts_nokey;                  /* the event has no key at all for the time stamp
					* column (not one with an empty value) */
};
/* Columns are added as keys are met, up to maxcols (allocated at once). */
void elog_row_begin(struct ingest *g, size_t maxcols);
/* Add a column: a role (ELOG_COL_*) or, role < 0, an attribute (case
 * attribute when is_case).  *kind: 0 role, 1 case attr, 2 event attr,
 * 3 dropped (personal); *stored the attribute's name in the store (owned
 * by g, alive until the ingest ends; NULL for kinds 0 and 3).  Returns
 * the column index, -1 when full. */
/* Does a column header or an XES key name role k (enum elog_role) by one
 * of the tools' names, compared as the CSV reader compares headers (case,
 * blanks, '_', '-', '.' ignored; "case:" allowed before the case id and
 * SOP)?  The office names ("Izin", "No Berkas") are not asked: they count
 * only when no column has a tool's name, which a streaming reader cannot
 * know. */
int elog_role_named(const char *h, int k);
/* Does h name role k by an office's own name (office_names: "Izin",
 * "No Berkas"), compared as elog_role_named compares?  For a streaming
 * reader that takes such a name when no tool's name was met first. */
int elog_office_named(const char *h, int k);
int elog_row_column(struct ingest *g, const char *name, int role, int is_case, int *kind,
		    const char **stored);
/* One event: stored, rejected or a duplicate (probe: only looked at).
 * Returns -1 when the ingest must stop (the writer failed). */
int elog_row_submit(struct ingest *g, const struct elog_row *row, int probe);
/* After the probe's events: MUTU_EINPUT when no stamp was readable. */
int elog_row_probe_check(struct ingest *g);

/*
 * XES (elog_xes.c).  elog_xes_sniff: 1 when fd's first bytes are gzip or
 * XML, 0 otherwise (a CSV).  elog_xes_probe reads the start of the file
 * before anything is written: root element, columns, the first events'
 * stamps; MUTU_EINPUT when it cannot be a XES log.  *out (owned by the
 * caller, elog_xes_free, NULL-safe) is then read whole by elog_xes_read,
 * which hashes the file's bytes into sha (may be NULL), sets *eof when the
 * file was read to its end and *bytes to its size.  A malformed file is
 * MUTU_EINPUT (line or byte offset named), a read error MUTU_EFAIL.
 */
struct elog_xes;
int elog_xes_sniff(int fd);
int elog_xes_probe(struct ingest *g, int fd, const char *path, const struct elog_opts *o,
		   struct mutu_notes *notes, struct elog_xes **out, struct mutu_err *err);
int elog_xes_read(struct elog_xes *x, int fd, struct elog_sha *sha, int *eof, uint64_t *bytes,
		  struct mutu_err *err);
/* The XES types of the batch's attributes into attr_types (schema 3)
 * through the batch's writer, inside its transaction.  0 or MUTU_EFAIL. */
int elog_xes_store_types(struct elog_xes *x, struct store_writer *w, struct mutu_err *err);
void elog_xes_free(struct elog_xes *x);

#endif /* MUTU_ELOG_INT_H */
