/*
 * elog_store.c - what the ingest hands the store besides rows: the
 * duplicate key of an event (elog_dkey) and the names of XES attribute
 * types.  No SQL here: opening, schema and migrations are the store
 * module's (engine/store_sqlite.c).
 */
#include "mutu/elog.h"
#include "elog_int.h"

#include <stdio.h>
#include <string.h>

/* FNV-1a over the bytes (base.h's, the one hash), then a splitmix64
 * finaliser for the avalanche. */
#define fnv mutu_fnv1a_add

uint64_t elog_dkey_act(const char *act, size_t act_len)
{
	return fnv(MUTU_FNV1A_INIT, act, act_len);
}

/* fnv over the 8 bytes of v as they lie in memory, the steps written
 * out: the loop ran for both stamps of every event of an ingest, and the
 * compiler kept it a loop (issue 14).  The same value as fnv(h, &v, 8). */
static uint64_t fnv8(uint64_t h, int64_t v)
{
	unsigned char b[8];
	memcpy(b, &v, 8);
#define STEP(i) h = (h ^ b[i]) * 0x100000001b3ULL
	STEP(0); STEP(1); STEP(2); STEP(3); STEP(4); STEP(5); STEP(6); STEP(7);
#undef STEP
	return h;
}

uint64_t elog_dkey_rest(uint64_t h, int has_start, int64_t start_ms, int has_end, int64_t end_ms,
			const char *actor, size_t actor_len, int has_actor)
{
	unsigned char tag;
	tag = (unsigned char)(0x10 | has_start);
	h = fnv(h, &tag, 1);
	if (has_start)
		h = fnv8(h, start_ms);
	tag = (unsigned char)(0x20 | has_end);
	h = fnv(h, &tag, 1);
	if (has_end)
		h = fnv8(h, end_ms);
	tag = (unsigned char)(0x40 | has_actor);
	h = fnv(h, &tag, 1);
	if (has_actor)
		h = fnv(h, actor, actor_len);
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	h ^= h >> 31;
	/* 31 bits: SQLite stores it in 4 bytes (an int64 takes 8, in the row and
	 * in the index); collisions are resolved exactly anyway. */
	return h & 0x7FFFFFFFu;
}

uint64_t elog_dkey(const char *act, size_t act_len, int has_start, int64_t start_ms,
		   int has_end, int64_t end_ms, const char *actor, size_t actor_len, int has_actor)
{
	return elog_dkey_rest(elog_dkey_act(act, act_len), has_start, start_ms, has_end, end_ms,
			      actor, actor_len, has_actor);
}

const char *elog_attr_type_name(int type)
{
	static const char *const names[ELOG_AT_N] = {NULL,    "string", "date",
						     "int",   "float",  "boolean",
						     "id",    "list",   "container"};
	return type > 0 && type < ELOG_AT_N ? names[type] : NULL;
}
