/*
 * elog_int.h - what the elog_*.c files share and nobody else needs.
 */
#ifndef MUTU_ELOG_INT_H
#define MUTU_ELOG_INT_H

#include <stdint.h>
#include <stddef.h>

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

#endif /* MUTU_ELOG_INT_H */
