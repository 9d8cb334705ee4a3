/*
 * fuzz_util.h - what the libFuzzer harnesses in tests/fuzz/ share: a
 * scratch folder, writing the input to a file for loaders that take a
 * path, and a NUL-terminated copy for parsers that take a string.
 *
 * The harnesses run two ways: built with clang -fsanitize=fuzzer by
 * `make fuzz`, and linked with replay_main.c by `make test` to replay the
 * corpora once under ASan+UBSan.  FUZZ_ROOT (the repository, set by the
 * Makefile) locates models/ and datasets/calendars/ from any working
 * directory; nothing chdirs, because libFuzzer resolves its corpus and
 * artifact paths against the working directory.
 */
#ifndef MUTU_FUZZ_UTIL_H
#define MUTU_FUZZ_UTIL_H

#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef FUZZ_ROOT
#define FUZZ_ROOT "."
#endif

char *mkdtemp(char *tmpl); /* POSIX 2008, declared here for -std=c11 */

static char fuzz_dirs_[2][512];
static int fuzz_cleanup_set_;

/* At exit: empty and remove the scratch folders (flat: the harnesses
 * only write plain files there). */
static inline void fuzz_cleanup_(void)
{
	for (int i = 0; i < 2; i++) {
		if (!fuzz_dirs_[i][0])
			continue;
		DIR *d = opendir(fuzz_dirs_[i]);
		struct dirent *e;
		while (d && (e = readdir(d))) {
			char p[1024];
			if (e->d_name[0] == '.' ||
			    snprintf(p, sizeof p, "%s/%s", fuzz_dirs_[i], e->d_name) >= (int)sizeof p)
				continue;
			unlink(p);
		}
		if (d)
			closedir(d);
		rmdir(fuzz_dirs_[i]);
		fuzz_dirs_[i][0] = '\0';
	}
}

/* Remove the scratch folders at the end of each input: libFuzzer leaves
 * with _Exit, which skips atexit, so a folder kept for the whole run would
 * be left behind.  The next input makes a new one. */
static inline void fuzz_done(void)
{
	fuzz_cleanup_();
}

/* The harness's scratch folder, created once per process.  in_tree: under
 * FUZZ_ROOT/build (so a scenario's "models/x.ini" resolves through the
 * folders above it); else under /dev/shm when it exists (SQLite's fsyncs
 * cost nothing there), else /tmp.  Never freed: the process owns it. */
static inline const char *fuzz_dir(int in_tree)
{
	char *d = fuzz_dirs_[in_tree ? 1 : 0];
	if (d[0])
		return d;
	int n;
	if (in_tree)
		n = snprintf(d, 512, "%s/build/fuzz-tmp-XXXXXX", FUZZ_ROOT);
	else
		n = snprintf(d, 512, "%s/mutu-fuzz-XXXXXX",
			     access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
	if (n < 0 || n >= 512)
		abort();
	if (in_tree) {
		char parent[512];
		if (snprintf(parent, sizeof parent, "%s/build", FUZZ_ROOT) >= (int)sizeof parent)
			abort();
		(void)mkdir(parent, 0777); /* exists already after any build */
	}
	if (!mkdtemp(d))
		abort();
	if (!fuzz_cleanup_set_) {
		fuzz_cleanup_set_ = 1;
		atexit(fuzz_cleanup_);
	}
	return d;
}

/* snprintf into an array, abort() when it does not fit: a harness must
 * never run on a silently cut path. */
#define FUZZ_FMT(buf, ...)                                                       \
	do {                                                                     \
		int n_ = snprintf(buf, sizeof buf, __VA_ARGS__);                 \
		if (n_ < 0 || (size_t)n_ >= sizeof buf)                          \
			abort();                                                 \
	} while (0)

/* path = dir/name in buf (size 1024). */
static inline char *fuzz_path(char *buf, const char *dir, const char *name)
{
	int n = snprintf(buf, 1024, "%s/%s", dir, name);
	if (n < 0 || n >= 1024)
		abort();
	return buf;
}

/* Write the input to path (plain stdio: this is test scaffolding, not an
 * output of mutu). */
static inline void fuzz_write(const char *path, const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		abort();
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	if (fclose(f) != 0)
		abort();
}

/* Remove an SQLite store and its side files (WAL, shared memory, rollback
 * journal), so each input starts from no store. */
static inline void fuzz_remove_store(const char *db)
{
	static const char *const sfx[] = {"", "-wal", "-shm", "-journal"};
	char p[1100];
	for (int i = 0; i < 4; i++) {
		FUZZ_FMT(p, "%s%s", db, sfx[i]);
		unlink(p);
	}
}

/* A NUL-terminated copy (caller frees). */
static inline char *fuzz_str(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#endif /* MUTU_FUZZ_UTIL_H */
