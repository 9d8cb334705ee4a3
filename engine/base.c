/*
 * base.c - error records, checked allocation, string buffers and notes;
 * the atomic output writer every file goes through (struct mutu_out);
 * the one CSV field writer with the spreadsheet formula guard; and the
 * escape of control characters for text shown on a terminal.
 *
 * Out-of-memory is the one condition the library does not report as an
 * error: there is nothing useful a caller can do, so it aborts here, in
 * one place (redis zmalloc.c does the same).
 */
#include "mutu/base.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

void mutu_err_clear(struct mutu_err *err)
{
	if (!err)
		return;
	err->code = 0;
	err->msg[0] = '\0';
}

int mutu_errf(struct mutu_err *err, int code, const char *fmt, ...)
{
	if (err && err->code == 0) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		va_end(ap);
		err->code = code;
	}
	return code;
}

static void oom_default(size_t n)
{
	fprintf(stderr, "mutu: out of memory (%zu bytes)\n", n);
	abort();
}

/* The one process-wide setting (base.h says why it may exist): set once
 * by the program at start, read only on the failure path. */
static mutu_oom_handler oom_handler = oom_default;

void mutu_set_oom_handler(mutu_oom_handler h)
{
	oom_handler = h ? h : oom_default;
}

static void oom(size_t n)
{
	oom_handler(n);
	abort(); /* a handler that returns: there is still no memory */
}

void *mutu_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom(n);
	return p;
}

void *mutu_calloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom(n * size);
	return p;
}

void *mutu_realloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		oom(n);
	return q;
}

char *mutu_strdup(const char *s)
{
	return s ? mutu_strndup(s, strlen(s)) : NULL;
}

char *mutu_strndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = mutu_malloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

void mutu_buf_init(struct mutu_buf *b)
{
	b->cap = 64;
	b->len = 0;
	b->s = mutu_malloc(b->cap);
	b->s[0] = '\0';
}

void mutu_buf_release(struct mutu_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

void mutu_buf_reset(struct mutu_buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

static void buf_grow(struct mutu_buf *b, size_t extra)
{
	if (!b->s)
		mutu_buf_init(b);
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap * 2;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->s = mutu_realloc(b->s, cap);
	b->cap = cap;
}

void mutu_buf_add(struct mutu_buf *b, const char *s, size_t n)
{
	buf_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void mutu_buf_puts(struct mutu_buf *b, const char *s)
{
	mutu_buf_add(b, s, strlen(s));
}

void mutu_buf_putc(struct mutu_buf *b, char c)
{
	mutu_buf_add(b, &c, 1);
}

void mutu_buf_put_utf8(struct mutu_buf *b, unsigned long cp)
{
	char u[4];
	size_t n;
	if (cp < 0x80) {
		u[0] = (char)cp, n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
	} else {
		u[0] = (char)(0xF0 | cp >> 18), u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
	}
	mutu_buf_add(b, u, n);
}

void mutu_buf_vprintf(struct mutu_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	buf_grow(b, 0);
	int n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
	if (n >= 0 && (size_t)n >= b->cap - b->len) {
		buf_grow(b, (size_t)n);
		vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap2);
	}
	va_end(ap2);
	if (n > 0)
		b->len += (size_t)n;
}

void mutu_buf_printf(struct mutu_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	mutu_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void mutu_buf_json_str(struct mutu_buf *b, const char *s)
{
	mutu_buf_putc(b, '"');
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		switch (*p) {
		case '"': mutu_buf_puts(b, "\\\""); break;
		case '\\': mutu_buf_puts(b, "\\\\"); break;
		case '\n': mutu_buf_puts(b, "\\n"); break;
		case '\r': mutu_buf_puts(b, "\\r"); break;
		case '\t': mutu_buf_puts(b, "\\t"); break;
		default:
			if (*p < 0x20)
				mutu_buf_printf(b, "\\u%04x", *p);
			else
				mutu_buf_putc(b, (char)*p);
		}
	}
	mutu_buf_putc(b, '"');
}

char *mutu_buf_detach(struct mutu_buf *b)
{
	if (!b->s)
		mutu_buf_init(b);
	char *s = b->s;
	b->s = NULL;
	b->len = b->cap = 0;
	mutu_buf_init(b);
	return s;
}

void mutu_notes_init(struct mutu_notes *n)
{
	n->items = NULL;
	n->n = n->cap = 0;
}

void mutu_notes_release(struct mutu_notes *n)
{
	for (size_t i = 0; i < n->n; i++)
		free(n->items[i]);
	free(n->items);
	mutu_notes_init(n);
}

void mutu_notes_addf(struct mutu_notes *n, const char *fmt, ...)
{
	struct mutu_buf b;
	mutu_buf_init(&b);
	va_list ap;
	va_start(ap, fmt);
	mutu_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (n->n == n->cap) {
		n->cap = n->cap ? n->cap * 2 : 8;
		n->items = mutu_realloc(n->items, n->cap * sizeof *n->items);
	}
	n->items[n->n++] = mutu_buf_detach(&b);
	mutu_buf_release(&b);
}

int mutu_nul_line(const char *text, size_t len)
{
	const char *z = memchr(text, '\0', len);
	if (!z)
		return 0;
	int line = 1;
	for (const char *p = text; p < z; p++)
		line += *p == '\n';
	return line;
}

char *mutu_read_file(const char *path, size_t *len, struct mutu_err *err)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		mutu_errf(err, errno == ENOENT ? MUTU_ENOTFOUND : MUTU_EINPUT,
			  "%s: cannot open: %s", path, strerror(errno));
		return NULL;
	}
	struct mutu_buf b;
	mutu_buf_init(&b);
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		mutu_buf_add(&b, chunk, n);
	if (ferror(f)) {
		mutu_errf(err, MUTU_EFAIL, "%s: read error: %s", path, strerror(errno));
		fclose(f);
		mutu_buf_release(&b);
		return NULL;
	}
	fclose(f);
	if (len)
		*len = b.len;
	return b.s;
}

static int lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

uint64_t mutu_fnv1a(const void *p, size_t n)
{
	return mutu_fnv1a_add(MUTU_FNV1A_INIT, p, n);
}

uint64_t mutu_fnv1a_str(const char *s)
{
	return mutu_fnv1a_add(MUTU_FNV1A_INIT, s, strlen(s));
}

void mutu_fmt_num(struct mutu_buf *b, double x, int decimals, int en)
{
	if (isnan(x) || isinf(x)) {
		mutu_buf_puts(b, "\xe2\x80\x93"); /* en dash */
		return;
	}
	if (decimals < 0)
		decimals = 0;
	if (decimals > 9)
		decimals = 9;
	char tmp[400]; /* DBL_MAX has 309 integer digits */
	snprintf(tmp, sizeof tmp, "%.*f", decimals, x);
	if (tmp[0] == '-' && strspn(tmp + 1, "0.") == strlen(tmp + 1))
		memmove(tmp, tmp + 1, strlen(tmp)); /* no "-0,0" */
	char sep = en ? ',' : '.', dec = en ? '.' : ',';
	const char *p = tmp;
	if (*p == '-') {
		mutu_buf_putc(b, '-');
		p++;
	}
	const char *dot = strchr(p, '.');
	size_t intlen = dot ? (size_t)(dot - p) : strlen(p);
	for (size_t i = 0; i < intlen; i++) {
		if (i > 0 && (intlen - i) % 3 == 0)
			mutu_buf_putc(b, sep);
		mutu_buf_putc(b, p[i]);
	}
	if (dot) {
		mutu_buf_putc(b, dec);
		mutu_buf_puts(b, dot + 1);
	}
}

int mutu_strcasecmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int d = lower((unsigned char)*a) - lower((unsigned char)*b);
		if (d || !*a)
			return d;
	}
}

int mutu_strncasecmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		int d = lower((unsigned char)*a) - lower((unsigned char)*b);
		if (d || !*a)
			return d;
	}
	return 0;
}

int mutu_word_among(const char *s, size_t n, const char *const *words, size_t nw)
{
	for (size_t i = 0; i < nw; i++)
		if (strlen(words[i]) == n && mutu_strncasecmp(s, words[i], n) == 0)
			return 1;
	return 0;
}

char *mutu_trim(char *s)
{
	char *p = s;
	for (;;) {
		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '\v' || *p == '\f')
			p++;
		else if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
			p += 2; /* UTF-8 no-break space, common in Word copies */
		else
			break;
	}
	size_t n = strlen(p);
	memmove(s, p, n + 1);
	while (n > 0) {
		unsigned char c = (unsigned char)s[n - 1];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f')
			s[--n] = '\0';
		else if (n >= 2 && c == 0xA0 && (unsigned char)s[n - 2] == 0xC2)
			s[n -= 2] = '\0';
		else
			break;
	}
	return s;
}

/* ---- atomic output files ---------------------------------------------- */

int mutu_out_open(struct mutu_out *o, const char *path, struct mutu_err *err)
{
	o->f = NULL;
	o->path = NULL;
	o->tmp = NULL;
	o->device = 0;
	if (strcmp(path, "-") == 0) {
		o->f = stdout;
		o->path = mutu_strdup(path);
		return 0;
	}
	/* a character device or a FIFO at the name (/dev/null, a pipe a
	 * reader waits on) is written in place, as standard output is: a
	 * file renamed over it would replace the device itself (as root,
	 * "-o /dev/null" turned /dev/null into a regular file) */
	/* a folder at the name (or a name ending in '/'): the rename at the
	 * commit would fail after all the work, with "Is a directory", or
	 * for "dir/" with "Not a directory" (hardening round 4): say it now,
	 * as bad usage */
	struct stat st;
	size_t plen = strlen(path);
	if ((plen && path[plen - 1] == '/') || (stat(path, &st) == 0 && S_ISDIR(st.st_mode)))
		return mutu_errf(err, MUTU_EINPUT, "cannot write %s: a folder, not a file: give a file name "
				 "(nothing was written)", path);
	if (lstat(path, &st) == 0 && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))) {
		int dfd = open(path, O_WRONLY | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC);
		if (dfd < 0 || !(o->f = fdopen(dfd, "wb"))) {
			int de = errno;
			if (dfd >= 0)
				close(dfd);
			return mutu_errf(err, MUTU_EFAIL, "cannot write %s: %s", path, strerror(de));
		}
		o->path = mutu_strdup(path);
		o->device = 1;
		return 0;
	}
	/* same folder as the target, so rename() is atomic (one file system);
	 * a leading dot keeps half-written files out of `ls` and globs */
	size_t n = strlen(path) + 48;
	char *tmp = mutu_malloc(n);
	const char *slash = strrchr(path, '/');
	int dirlen = slash ? (int)(slash - path + 1) : 0;
	const char *name = slash ? slash + 1 : path;
	/* O_CREAT|O_EXCL never follows a link and never reuses a file; the
	 * mode 0666 goes through the umask like any new file's (mkstemp would
	 * make 0600, and reading the umask means changing it) */
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	unsigned long long r = (unsigned long long)ts.tv_nsec ^ (unsigned long long)ts.tv_sec << 20 ^
			       (unsigned long long)getpid() << 40 ^ (unsigned long long)(uintptr_t)o;
	int fd = -1, e = 0;
	for (int attempt = 0; attempt < 100 && fd < 0; attempt++) {
		r = r * 6364136223846793005ULL + 1442695040888963407ULL; /* next name on a clash */
		snprintf(tmp, n, "%.*s.%s.%06llx.tmp", dirlen, path, name, (r >> 40) & 0xFFFFFFull);
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
		e = errno;
		if (fd < 0 && e != EEXIST)
			break;
	}
	if (fd < 0) {
		free(tmp);
		return mutu_errf(err, MUTU_EFAIL, "cannot write %s: %s (check that the folder exists and is writable)",
				 path, strerror(e));
	}
	o->f = fdopen(fd, "wb");
	if (!o->f) {
		e = errno;
		close(fd);
		unlink(tmp);
		free(tmp);
		return mutu_errf(err, MUTU_EFAIL, "cannot write %s: %s", path, strerror(e));
	}
	o->tmp = tmp;
	o->path = mutu_strdup(path);
	return 0;
}

static void out_release(struct mutu_out *o)
{
	free(o->path);
	free(o->tmp);
	o->f = NULL;
	o->path = NULL;
	o->tmp = NULL;
	o->device = 0;
}

int mutu_out_commit(struct mutu_out *o, struct mutu_err *err)
{
	if (!o->f) {
		out_release(o);
		return mutu_errf(err, MUTU_EFAIL, "internal: output file not open");
	}
	if (!o->tmp) { /* standard output, or a device or FIFO written in place */
		int bad = fflush(o->f) != 0 || ferror(o->f);
		if (o->device && fclose(o->f) != 0)
			bad = 1;
		if (bad && o->device) {
			int rc = mutu_errf(err, MUTU_EFAIL, "cannot write %s: %s", o->path, strerror(errno));
			out_release(o);
			return rc;
		}
		out_release(o);
		return bad ? mutu_errf(err, MUTU_EFAIL, "cannot write to standard output: %s",
				       strerror(errno))
			   : 0;
	}
	int e = 0;
	if (fflush(o->f) != 0 || ferror(o->f))
		e = errno ? errno : EIO;
	if (!e && fsync(fileno(o->f)) != 0 && errno != EINVAL)
		e = errno;
	if (fclose(o->f) != 0 && !e)
		e = errno ? errno : EIO;
	o->f = NULL;
	if (!e && rename(o->tmp, o->path) != 0)
		e = errno;
	if (!e) {
		/* the rename itself survives a power cut only once the folder is
		 * synced; a folder that cannot be opened or synced (some network
		 * file systems) does not make the write fail */
		char *dir = mutu_strdup(o->path);
		char *slash = strrchr(dir, '/');
		if (slash)
			slash[slash == dir ? 1 : 0] = '\0';
		int dfd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (dfd >= 0) {
			(void)fsync(dfd);
			close(dfd);
		}
		free(dir);
	}
	if (e) {
		unlink(o->tmp);
		int rc = mutu_errf(err, MUTU_EFAIL, "cannot write %s: %s (nothing was written there)",
				   o->path, strerror(e));
		out_release(o);
		return rc;
	}
	out_release(o);
	return 0;
}

void mutu_out_abort(struct mutu_out *o)
{
	if (!o)
		return;
	if (o->f && o->tmp) {
		fclose(o->f);
		unlink(o->tmp);
	} else if (o->f && o->device) {
		fclose(o->f);
	}
	out_release(o);
}

int mutu_write_file(const char *path, const void *data, size_t len, struct mutu_err *err)
{
	struct mutu_out o;
	int rc = mutu_out_open(&o, path, err);
	if (rc)
		return rc;
	if (len && fwrite(data, 1, len, o.f) != len) {
		int e = errno ? errno : EIO;
		const char *p = o.path ? o.path : path;
		rc = mutu_errf(err, MUTU_EFAIL, "cannot write %s: %s (nothing was written there)", p,
			       strerror(e));
		mutu_out_abort(&o);
		return rc;
	}
	return mutu_out_commit(&o, err);
}

/* ---- CSV and terminal output guards ------------------------------------- */

int mutu_csv_is_number(const char *s)
{
	const char *p = s;
	if (*p == '-' || *p == '+')
		p++;
	int digits = 0;
	while (*p >= '0' && *p <= '9')
		p++, digits++;
	if (*p == '.') {
		p++;
		while (*p >= '0' && *p <= '9')
			p++, digits++;
	}
	if (!digits)
		return 0;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '-' || *p == '+')
			p++;
		if (!(*p >= '0' && *p <= '9'))
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return *p == '\0';
}

/* The one RFC 4180 field writer: for people (guard) or for programs
 * (exact: blanks at either end quoted, nothing added). */
static void csv_put(struct mutu_buf *b, const char *s, int guard)
{
	if (!s)
		return;
	/* OWASP "CSV injection": = + - @ and tab, carriage return start a
	 * formula in some spreadsheet; a leading ' makes the cell text.  A
	 * negative number ("-2.5") cannot be a formula and keeps its column
	 * numeric; "+62811" stays guarded (a phone number is text, not 62811). */
	int formula = guard && (*s == '=' || *s == '+' || *s == '@' || *s == '\t' || *s == '\r' ||
				(*s == '-' && !mutu_csv_is_number(s)));
	size_t n = strlen(s);
	int edge = !guard && n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t');
	int quote = formula || edge || strpbrk(s, ",\"\r\n") != NULL;
	if (!quote) {
		mutu_buf_add(b, s, n);
		return;
	}
	mutu_buf_putc(b, '"');
	if (formula)
		mutu_buf_putc(b, '\'');
	for (; *s; s++) {
		if (*s == '"')
			mutu_buf_putc(b, '"');
		mutu_buf_putc(b, *s);
	}
	mutu_buf_putc(b, '"');
}

void mutu_csv_field(struct mutu_buf *b, const char *s)
{
	csv_put(b, s, 1);
}

void mutu_csv_field_exact(struct mutu_buf *b, const char *s)
{
	csv_put(b, s, 0);
}

/* Length of the valid UTF-8 sequence at p (1..4), 0 when it is not one. */
static size_t utf8_len(const unsigned char *p)
{
	if (p[0] < 0x80)
		return 1;
	size_t n;
	unsigned cp;
	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		n = 2, cp = p[0] & 0x1Fu;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
		n = 3, cp = p[0] & 0x0Fu;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
		n = 4, cp = p[0] & 0x07u;
	else
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0; /* also stops at the NUL */
		cp = cp << 6 | (p[i] & 0x3Fu);
	}
	/* overlong forms, surrogates and values above U+10FFFF */
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return n;
}

int mutu_utf8_bad_line(const char *text, size_t len)
{
	const unsigned char *p = (const unsigned char *)text;
	int line = 1;
	for (size_t i = 0; i < len;) {
		if (p[i] < 0x80) {
			line += p[i] == '\n';
			i++;
			continue;
		}
		/* utf8_len reads up to 4 bytes: give it a copy padded with NULs,
		 * the text may end here without one */
		unsigned char q[5] = {0};
		for (size_t k = 0; k < 4 && i + k < len; k++)
			q[k] = p[i + k];
		size_t n = utf8_len(q);
		if (!n)
			return line;
		i += n;
	}
	return 0;
}

void mutu_buf_put_safe(struct mutu_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	while (*p) {
		size_t n = utf8_len(p);
		/* C1 controls as UTF-8 (C2 80..C2 9F): some terminals act on them
		 * (U+009B is CSI), so they are escaped byte by byte too */
		int c1 = n == 2 && p[0] == 0xC2 && p[1] < 0xA0;
		if (n == 1 && (*p >= 0x20 || *p == '\n' || *p == '\t') && *p != 0x7F) {
			mutu_buf_putc(b, (char)*p);
			p++;
		} else if (n > 1 && !c1) {
			mutu_buf_add(b, (const char *)p, n);
			p += n;
		} else {
			size_t k = c1 ? 2 : 1;
			for (size_t i = 0; i < k; i++)
				mutu_buf_printf(b, "\\x%02x", p[i]);
			p += k;
		}
	}
}
