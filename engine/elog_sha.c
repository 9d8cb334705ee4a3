/*
 * elog_sha.c - SHA-256 of an ingested file, so that loading the same file
 * twice is a no-op.
 *
 * Why OpenSSL's libcrypto rather than our own 150 lines: the hash runs over
 * every byte of every log before ingest starts (a 1M-event export is
 * ~120 MB).  libcrypto uses the CPU's SHA extensions (SHA-NI) or AVX2,
 * about 1.5-2 GB/s here, where a portable C SHA-256 does ~250 MB/s and
 * would spend half a second of a one-second ingest budget on hashing.
 * libcrypto is a Debian package (libssl-dev) every Debian system has, and
 * EVP is its stable interface (the low-level SHA256_* calls are deprecated
 * in OpenSSL 3).
 */
#include "mutu/elog.h"
#include "elog_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>

static void to_hex(const unsigned char *md, char hex[65])
{
	static const char x[] = "0123456789abcdef";
	for (int i = 0; i < 32; i++) {
		hex[2 * i] = x[md[i] >> 4];
		hex[2 * i + 1] = x[md[i] & 15];
	}
	hex[64] = '\0';
}

void elog_sha256_buf(const void *p, size_t n, char hex[65])
{
	unsigned char md[32];
	unsigned int len = 0;
	EVP_Digest(p, n, md, &len, EVP_sha256(), NULL);
	to_hex(md, hex);
}

int elog_sha256_file(const char *path, char hex[65], uint64_t *size, struct mutu_err *err)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return mutu_errf(err, errno == ENOENT ? MUTU_ENOTFOUND : MUTU_EINPUT,
				 "%s: cannot open: %s", path, strerror(errno));
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	if (!ctx || !EVP_DigestInit_ex(ctx, EVP_sha256(), NULL)) {
		close(fd);
		EVP_MD_CTX_free(ctx);
		return mutu_errf(err, MUTU_EFAIL, "%s: SHA-256 unavailable in libcrypto", path);
	}
	static const size_t bufsz = 1 << 20;
	unsigned char *buf = mutu_malloc(bufsz);
	uint64_t total = 0;
	int rc = 0;
	for (;;) {
		ssize_t k = read(fd, buf, bufsz);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			rc = mutu_errf(err, MUTU_EFAIL, "%s: read error: %s", path, strerror(errno));
			break;
		}
		if (k == 0)
			break;
		EVP_DigestUpdate(ctx, buf, (size_t)k);
		total += (uint64_t)k;
	}
	if (rc == 0) {
		unsigned char md[32];
		unsigned int len = 0;
		EVP_DigestFinal_ex(ctx, md, &len);
		to_hex(md, hex);
		if (size)
			*size = total;
	}
	free(buf);
	EVP_MD_CTX_free(ctx);
	close(fd);
	return rc;
}

/* Incremental form, for hashing the blocks the ingest reads anyway. */
struct elog_sha *elog_sha_new(void)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	if (ctx && !EVP_DigestInit_ex(ctx, EVP_sha256(), NULL)) {
		EVP_MD_CTX_free(ctx);
		ctx = NULL;
	}
	return (struct elog_sha *)ctx;
}

void elog_sha_update(struct elog_sha *s, const void *p, size_t n)
{
	EVP_DigestUpdate((EVP_MD_CTX *)s, p, n);
}

void elog_sha_final(struct elog_sha *s, char hex[65])
{
	unsigned char md[32];
	unsigned int len = 0;
	EVP_DigestFinal_ex((EVP_MD_CTX *)s, md, &len);
	to_hex(md, hex);
}

void elog_sha_free(struct elog_sha *s)
{
	EVP_MD_CTX_free((EVP_MD_CTX *)s);
}
