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

#endif /* MUTU_ELOG_INT_H */
