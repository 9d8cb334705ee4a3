/*
 * base.h - what every mutu module shares: the error record, checked
 * allocation, a growable string buffer and a list of notes (warnings,
 * findings) that library code hands back instead of printing.
 *
 * The library never prints and never exits.  A function that can fail
 * returns 0 on success or a negative MUTU_E* status and fills the
 * caller's struct mutu_err; the first error recorded wins, so the message
 * the user sees names the root cause, not a later consequence.
 */
#ifndef MUTU_BASE_H
#define MUTU_BASE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Status codes.  MUTU_EINPUT is "the user's input is wrong" (CLI exit 2);
 * everything else is a failure of the run (CLI exit 1). */
enum {
	MUTU_OK = 0,
	MUTU_EFAIL = -1,  /* generic failure (I/O, library error) */
	MUTU_EINPUT = -2, /* bad input: unreadable file, bad value, bad usage */
	MUTU_ERANGE = -3, /* value outside what the data covers (calendar years) */
	MUTU_ENOTFOUND = -4,
	MUTU_ECANCEL = -5 /* stopped by the caller's cancel flag (elog_opts.cancel): what was begun
			   * is rolled back */
};

#define MUTU_ERR_MAX 768

struct mutu_err {
	int code;              /* 0 when no error has been recorded */
	char msg[MUTU_ERR_MAX];
};

/* Reset an error record to "no error". */
void mutu_err_clear(struct mutu_err *err);

/*
 * Record an error (printf-style message) unless one is already recorded.
 * err may be NULL.  Returns code, so callers can `return mutu_errf(...)`.
 */
int mutu_errf(struct mutu_err *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Checked allocation: on out-of-memory the OOM handler is called with
 * the size asked for, in one place.  The default handler writes
 * "mutu: out of memory (N bytes)" to stderr and aborts (the one thing the
 * library ever prints: nothing else can be done without memory).
 *
 * mutu_set_oom_handler replaces it (NULL: back to the default), as redis'
 * zmalloc_set_oom_handler does: a server embedding mutu can log through
 * its own channel, free a cache, or longjmp out of a request.  This is
 * the library's one process-wide setting, the documented exception to
 * "no mutable globals": the program sets it once at start, before any
 * thread runs, never per simulation.  The handler must not return (if it
 * does, the process aborts).
 */
typedef void (*mutu_oom_handler)(size_t size);
void mutu_set_oom_handler(mutu_oom_handler h);

/* Checked allocation: never NULL (see the OOM handler above). */
void *mutu_malloc(size_t n);
void *mutu_calloc(size_t n, size_t size);
void *mutu_realloc(void *p, size_t n);
char *mutu_strdup(const char *s);          /* NULL in, NULL out */
char *mutu_strndup(const char *s, size_t n);

/* Growable NUL-terminated buffer, embedded by the caller (git's strbuf). */
struct mutu_buf {
	char *s;    /* always NUL-terminated once initialised */
	size_t len;
	size_t cap;
};

void mutu_buf_init(struct mutu_buf *b);
void mutu_buf_release(struct mutu_buf *b); /* frees s, leaves b empty */
void mutu_buf_reset(struct mutu_buf *b);   /* len = 0, keeps memory */
void mutu_buf_add(struct mutu_buf *b, const char *s, size_t n);
void mutu_buf_puts(struct mutu_buf *b, const char *s);
void mutu_buf_putc(struct mutu_buf *b, char c);
/* the UTF-8 of code point cp (U+0001..U+10FFFF: 1 to 4 bytes) */
void mutu_buf_put_utf8(struct mutu_buf *b, unsigned long cp);
void mutu_buf_printf(struct mutu_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void mutu_buf_vprintf(struct mutu_buf *b, const char *fmt, va_list ap);
/* Append s as a JSON string literal (with the quotes). */
void mutu_buf_json_str(struct mutu_buf *b, const char *s);
/* Take ownership of the string; b is left empty (initialised). */
char *mutu_buf_detach(struct mutu_buf *b);

/* A list of messages (warnings, findings) for the CLI to show. */
struct mutu_notes {
	char **items; /* owned */
	size_t n, cap;
};

void mutu_notes_init(struct mutu_notes *n);
void mutu_notes_release(struct mutu_notes *n);
void mutu_notes_addf(struct mutu_notes *n, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Read a whole file into a new NUL-terminated string (caller frees).
 * On error returns NULL and fills err with the path and the reason. */
char *mutu_read_file(const char *path, size_t *len, struct mutu_err *err);

/* The line (1-based) of the first NUL byte in text[0..len), or 0 when it
 * holds none.  A text file with a NUL is a binary file or UTF-16 (Excel's
 * "Unicode Text"); the readers built on C strings (inih, strchr) stop at
 * it and would read the rest of the line, or of the file, as absent. */
int mutu_nul_line(const char *text, size_t len);

/* The line (1-based) of the first byte in text[0..len) that does not start
 * a valid UTF-8 sequence (overlong forms and surrogates are not), or 0 when
 * it is all UTF-8.  A model saved by an editor in Windows-1252 passed its
 * bytes into every JSON, HTML and xlsx mutu wrote from it: invalid files. */
int mutu_utf8_bad_line(const char *text, size_t len);

/*
 * Atomic output files.  Every file mutu writes goes through this: the
 * bytes go to a new temporary file in the same folder (created with
 * O_EXCL, so nothing at that name is followed) and mutu_out_commit()
 * flushes, syncs and renames it over the final name.  rename() replaces
 * a symlink at the final name with the file itself and never writes
 * through it to the link's target.  A failure at any point (full disk,
 * RLIMIT_FSIZE, a write error) leaves the folder as it was: the final name
 * keeps its old content or stays absent.
 *
 * path "-" means standard output (written directly, nothing renamed); so
 * is an existing character device or FIFO at path (/dev/null, a named
 * pipe), which a rename would replace.
 * The struct is embedded by the caller; o->f is the stream to write to.
 */
struct mutu_out {
	FILE *f;     /* write here between open and commit/abort */
	char *path;  /* final name (owned) */
	char *tmp;   /* temporary name (owned), NULL for standard output */
	int device;  /* path is a character device or FIFO, written in place */
};

/* Open a temporary file beside path.  On error fills err (path and
 * reason, MUTU_EFAIL) and leaves o closed (commit/abort are no-ops). */
int mutu_out_open(struct mutu_out *o, const char *path, struct mutu_err *err);
/* Flush, fsync, close and rename into place.  On any error the temporary
 * file is removed, err names the final path and the reason.  o is
 * released either way. */
int mutu_out_commit(struct mutu_out *o, struct mutu_err *err);
/* Close and remove the temporary file; the final name is untouched.
 * NULL-safe and safe after commit. */
void mutu_out_abort(struct mutu_out *o);
/* Write len bytes to path atomically (open + write + commit). */
int mutu_write_file(const char *path, const void *data, size_t len,
		    struct mutu_err *err);

/*
 * CSV for people (reports, audits, simulation results): append s as one
 * RFC 4180 field (quoted when it holds , " CR or LF).  A text cell that
 * starts with = + - @ TAB or CR would be a formula in a spreadsheet
 * (OWASP "CSV injection"): it is quoted with a leading ' so it stays
 * text.  A negative decimal number ("-2.5", "-1e-3") is left as it is,
 * so numeric columns stay numbers ("+62811" is guarded: a phone number).  s NULL writes nothing.
 * Not for the canonical emitted log (sim --emit-log), which must read
 * back exactly as ingest input.
 */
void mutu_csv_field(struct mutu_buf *b, const char *s);
/*
 * CSV for programs (the emitted simulation log, `mutu export`): the value
 * comes back exactly as given, so no formula guard; quoted when it holds
 * , " CR or LF, or starts or ends with a blank (some readers trim those).
 * s NULL writes nothing.  The one writer behind both: base.c csv_put.
 */
void mutu_csv_field_exact(struct mutu_buf *b, const char *s);
/* Does s read as a plain decimal number (sign, digits, point, exponent)? */
int mutu_csv_is_number(const char *s);

/*
 * Text for a terminal: append s with every control character that could
 * move the cursor, retitle the window or clear the screen written as
 * \xNN -- C0 controls except newline and tab, DEL, C1 controls (U+0080..
 * U+009F) and bytes that are not UTF-8.  Printable UTF-8 is kept.  Used
 * by the CLI for anything that quotes a log, a file or a user's value.
 */
void mutu_buf_put_safe(struct mutu_buf *b, const char *s);

/*
 * The one FNV-1a hash (64-bit; Fowler, Noll, Vo), byte by byte:
 * h = (h ^ byte) * 0x100000001b3 from the offset basis MUTU_FNV1A_INIT.
 * Its values are persisted (the store's dedup key, elog_dkey) and seed
 * the simulation's random streams (sim.c): never change them.  Callers
 * that need more avalanche fold or finalise the result themselves.
 * mutu_fnv1a_add continues a hash over more bytes (p may be NULL when
 * n is 0).
 */
#define MUTU_FNV1A_INIT 0xcbf29ce484222325ULL
/* inline: the ingest hashes a few fixed-size values of every event with
 * it (elog_dkey_rest), where a call per value cost more than the bytes */
static inline uint64_t mutu_fnv1a_add(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL; /* the 64-bit FNV prime */
	}
	return h;
}
uint64_t mutu_fnv1a(const void *p, size_t n);
uint64_t mutu_fnv1a_str(const char *s); /* s NUL-terminated, not NULL */

/*
 * The one number formatter for people (reports, audits, the simulation's
 * text): Indonesian "1.234,5" (decimal comma, thousands point) or, with
 * en, English "1,234.5"; decimals fixed (0..9, clamped); a value that
 * rounds to zero has no sign (no "-0,0"); NaN and infinities are an en
 * dash.  Appends to b.  Locale-free: the C library's printf with "%.Nf"
 * and the separators swapped here.
 */
void mutu_fmt_num(struct mutu_buf *b, double x, int decimals, int en);

/* ASCII case-insensitive comparisons (locale-free). */
int mutu_strcasecmp(const char *a, const char *b);
int mutu_strncasecmp(const char *a, const char *b, size_t n);
/* Is s[0..n) one of the nw NUL-terminated words, the whole of one,
 * ASCII case-blind?  (Status words, weekday names, the hour's word.) */
int mutu_word_among(const char *s, size_t n, const char *const *words, size_t nw);

/* Trim ASCII white space (and non-breaking spaces) in place; returns s. */
char *mutu_trim(char *s);

#endif /* MUTU_BASE_H */
