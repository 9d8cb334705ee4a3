/*
 * store_pg.c - the PostgreSQL backend of the store (libpq): one store for
 * a whole province, many offices ingesting at once while managers read.
 *
 * What lives here: the connection (and the messages for a server that
 * cannot be reached or refuses us), the schema and its version, the batch
 * writer (COPY ... FROM STDIN into staging tables, then INSERT ... ON
 * CONFLICT DO NOTHING into the real ones, one transaction per batch), the
 * readers (one REPEATABLE READ READ ONLY transaction, so a report sees one
 * snapshot while ingests commit) and the audit flags.
 *
 * Why the schema looks the way it does (README "PostgreSQL"):
 *  - every table carries `office` (text, '' for a single office) and every
 *    primary key and unique constraint holds it (first; last in the
 *    events key, since a partition holds one office).  `office` is the
 *    distribution column should the store outgrow one server: Citus's
 *    create_distributed_table needs the distribution column in every
 *    unique constraint, and co-locating an office's cases, events and
 *    attributes on one shard keeps every join of a report on one node.
 *    (office, case) would spread better, but Citus distributes on one
 *    column, and an office (10M events at most in practice) fits a node.
 *  - no foreign keys: Citus accepts them between co-located tables only
 *    when they include the distribution column, and the ingest checks the
 *    references itself (SQLite does not enforce them either).
 *  - mutu_meta (schema version) has no office: it is meant to be a Citus
 *    reference table (create_reference_table), one copy on every node.
 *
 * Concurrency: ingests of different offices write at once (their rows
 * never share a unique key, since every key holds the office); two
 * ingests of the same office are serialised by pg_advisory_xact_lock on
 * the office's hash, held until the batch commits, and the same-file test
 * (sha256) runs under that lock, so a file loaded twice at once is still
 * a no-op the second time.  Unique constraints catch anything else.
 */
#include "store_int.h"

#include <inttypes.h>
#include <math.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libpq-fe.h>

/* PostgreSQL schema version, in mutu_meta (key 'schema_version').  The
 * public number (store_schema_version) is the SQLite one this schema
 * matches: the same tables and columns, plus office. */
#define PG_SCHEMA_VERSION 10 /* 3: month summaries; 4: office last in the events keys; 5: no events_end;
			      * 6: kept case measures; 7: cases_open covers id, case_key;
			      * 8: cases partitioned by office; 9: events name their texts
			      * by label id; 10: events.sorting (SQLite schema 11) */

/* ------------------------------------------------------------ schema */

/*
 * The PostgreSQL schema, version STORE_PG_SCHEMA_VERSION (kept in
 * mutu_meta, key 'schema_version'): the SQLite
 * schema of docs/store.md (version 3 plus audit_flags) with an office
 * column in front of every key.  Types: SQLite INTEGER -> bigint (ids,
 * milliseconds, counts) or integer (offsets in minutes, steps), REAL ->
 * double precision; rejected.raw is bytea because a row rejected as "not
 * UTF-8 text" holds bytes a UTF8 database refuses as text.  Since version
 * 9 an event's activity, actor and lifecycle are ids into labels (the
 * office's distinct texts), which SQLite keeps as text: the readers here
 * give the texts back, so the contract is the same (struct labels).
 * Each statement is idempotent (IF NOT EXISTS) so the creation can be
 * rerun after a crash half-way (it runs in one transaction anyway).
 */
/* the open-case marker's index, as version 7 has it (built in two places
 * of schema_pg: a new store, and the rebuild of an older one's; version
 * 8's, on the partitioned table, is the last statement's) */
#define CASES_OPEN "cases (office, sop, last_done_step, last_ms) INCLUDE (id, case_key)"

static const char *const schema_pg[] = {
	"CREATE TABLE IF NOT EXISTS mutu_meta (key text PRIMARY KEY, value text NOT NULL)",
	"CREATE TABLE IF NOT EXISTS batches ("
	" office text NOT NULL DEFAULT '', id bigserial NOT NULL,"
	" file text NOT NULL, size bigint NOT NULL, sha256 text NOT NULL, ingested_at text NOT NULL,"
	" sop text, options text, rows_read bigint NOT NULL DEFAULT 0,"
	" events_stored bigint NOT NULL DEFAULT 0, rejected bigint NOT NULL DEFAULT 0,"
	" duplicates bigint NOT NULL DEFAULT 0, unknown_activities bigint NOT NULL DEFAULT 0,"
	" dropped_columns text, superseded_by bigint,"
	" PRIMARY KEY (office, id))",
	"CREATE INDEX IF NOT EXISTS batches_sha ON batches (office, sha256)",
	/* case and event ids are reserved by the writer in blocks (one nextval
	 * a block of INCREMENT ids, atomic under concurrent ingests), so a
	 * batch needs no round trip per row */
	"CREATE SEQUENCE IF NOT EXISTS cases_ids INCREMENT BY 1024",
	"CREATE SEQUENCE IF NOT EXISTS events_ids INCREMENT BY 4096",
	"CREATE TABLE IF NOT EXISTS cases ("
	" office text NOT NULL DEFAULT '', id bigint NOT NULL, case_key text NOT NULL,"
	" sop text, batch_id bigint NOT NULL,"
	" first_ms bigint, last_ms bigint," /* span of the case's stamps: period filters */
	" PRIMARY KEY (office, id), UNIQUE (office, case_key))",
	/* no index on (office, sop) alone (version 4): cases_open below
	 * starts with it and serves every lookup by SOP, and each index on
	 * cases costs an ingest microseconds a new case (100,000 new cases,
	 * alternated: into five indexes 1.20-1.26 s, into four 0.93-1.16 s,
	 * load 4; noisy).  Dropped
	 * from older stores when they are brought up to date. */
	"DROP INDEX IF EXISTS cases_sop",
	"CREATE INDEX IF NOT EXISTS cases_last ON cases (office, last_ms, first_ms)",
	/* events: one partition per office (store_batch_create makes it), so
	 * an office's first load fills a table without indexes and builds them
	 * once, sorted, before attaching it (3x faster than keeping three
	 * B-trees up to date row by row), without locking other offices out.
	 * The primary key is the duplicate key: ids are unique by their
	 * sequence, and nothing looks an event up by id alone.
	 * Version 4 (PG_SCHEMA_VERSION) puts office last in both indexes: a
	 * partition holds one office, so a leading office only made every
	 * comparison of the builds walk a text column first (1,000,000 rows:
	 * the key 1.35-2.1 s against 1.75-2.9 s, the end index 1.4-1.55 s
	 * against 2.3-3.0 s, load 6); lookups give case_id or end_ms anyway,
	 * and the office's partition is chosen before any index is read.  The
	 * key still holds office, the distribution column Citus wants in
	 * every unique key. */
	"CREATE TABLE IF NOT EXISTS events ("
	" office text NOT NULL DEFAULT '', id bigint NOT NULL, case_id bigint NOT NULL,"
	" batch_id bigint NOT NULL, line bigint NOT NULL, step integer, activity_id integer NOT NULL,"
	" actor_id integer, lifecycle_id integer, start_ms bigint, start_off integer, end_ms bigint,"
	" end_off integer, unknown smallint NOT NULL DEFAULT 0, dkey bigint NOT NULL,"
	" PRIMARY KEY (case_id, dkey, office)) PARTITION BY LIST (office)",
	/* version 5: no index on events (end_ms) any more.  It served only the
	 * latest instants and "an end in this period", which the cases' spans
	 * answer (cases_last; latest_by_cases says how), and building it was 1.4-1.5 s
	 * of a first load of 1,000,000 events (docs/store.md, "PostgreSQL
	 * ingest").  Dropped from an older store with its partitions' copies. */
	"DROP INDEX IF EXISTS events_end",
	/* a store made before version 4: the key rebuilt, with every
	 * partition's (once: a minute or so for 10,000,000 events, under the
	 * schema lock) */
	"DO $$ BEGIN"
	" IF pg_get_indexdef('events_pkey'::regclass) NOT LIKE '%(case_id, dkey, office)' THEN"
	"  ALTER TABLE events DROP CONSTRAINT events_pkey;"
	"  ALTER TABLE events ADD PRIMARY KEY (case_id, dkey, office);"
	" END IF;"
	" END $$",
	"CREATE TABLE IF NOT EXISTS case_attrs ("
	" office text NOT NULL DEFAULT '', case_id bigint NOT NULL, name text NOT NULL, value text,"
	" PRIMARY KEY (office, case_id, name))",
	"CREATE TABLE IF NOT EXISTS event_attrs ("
	" office text NOT NULL DEFAULT '', event_id bigint NOT NULL, name text NOT NULL, value text,"
	" PRIMARY KEY (office, event_id, name))",
	"CREATE TABLE IF NOT EXISTS rejected ("
	" office text NOT NULL DEFAULT '', id bigserial NOT NULL, batch_id bigint NOT NULL,"
	" line bigint NOT NULL, raw bytea NOT NULL, reason text NOT NULL,"
	" PRIMARY KEY (office, id))",
	"CREATE INDEX IF NOT EXISTS rejected_batch ON rejected (office, batch_id, line)",
	"CREATE TABLE IF NOT EXISTS attr_types ("
	" office text NOT NULL DEFAULT '', batch_id bigint NOT NULL, scope text NOT NULL,"
	" name text NOT NULL, type text NOT NULL,"
	" PRIMARY KEY (office, batch_id, scope, name))",
	"CREATE TABLE IF NOT EXISTS audit_flags ("
	" office text NOT NULL DEFAULT '', id bigserial NOT NULL, case_id bigint NOT NULL,"
	" event_id bigint, step integer, flag text NOT NULL, actual_s double precision,"
	" std_s double precision, detail text, audited_at text NOT NULL,"
	" PRIMARY KEY (office, id))",
	"CREATE INDEX IF NOT EXISTS audit_flags_case ON audit_flags (office, case_id)",
	"CREATE INDEX IF NOT EXISTS audit_flags_flag ON audit_flags (office, flag)",
	/* version 2 (SQLite schema 6): the step of each case's latest
	 * completion, kept by the writer, so a report finds the old cases that
	 * may still be open without reading the history (store_sqlite.c,
	 * schema_v6, says why the marker is enough); filled for the cases a
	 * version 1 store already holds */
	"ALTER TABLE cases ADD COLUMN IF NOT EXISTS last_done_step integer",
	"UPDATE cases c SET last_done_step = d.s FROM (SELECT DISTINCT ON (office, case_id) office, case_id,"
	" coalesce(step, 0) AS s FROM events WHERE end_ms IS NOT NULL"
	" ORDER BY office, case_id, end_ms DESC, coalesce(step, 0) DESC) d"
	" WHERE c.office = d.office AND c.id = d.case_id AND c.last_done_step IS NULL",
	"CREATE INDEX IF NOT EXISTS cases_open ON " CASES_OPEN,
	/* version 3 (SQLite schema 8): per-month summaries of the monthly
	 * report and the batches' marks that make them stale (store_sqlite.c,
	 * schema_v8).  batch_touch.xid is the writing transaction: batches of
	 * two offices commit in any order, so a summary records the oldest
	 * transaction its snapshot did not see (snap_xmin), and any mark from
	 * that one on makes it stale */
	"CREATE TABLE IF NOT EXISTS month_summary ("
	" office text NOT NULL, sop text NOT NULL, month integer NOT NULL, fingerprint text NOT NULL,"
	" batch_id bigint NOT NULL, snap_xmin bigint NOT NULL, finished bigint NOT NULL,"
	" with_ceiling bigint NOT NULL, within bigint NOT NULL, with_target bigint NOT NULL,"
	" within_target bigint NOT NULL, median_s double precision,"
	" PRIMARY KEY (office, sop, month, fingerprint))",
	"CREATE TABLE IF NOT EXISTS batch_touch ("
	" office text NOT NULL, batch_id bigint NOT NULL, sop text NOT NULL, low_ms bigint NOT NULL,"
	" xid bigint NOT NULL, PRIMARY KEY (office, batch_id, sop))",
	"CREATE INDEX IF NOT EXISTS batch_touch_xid ON batch_touch (xid)",
	/* version 6 (SQLite schema 9): kept case measures (store_sqlite.c,
	 * schema_v9; docs/store.md, "Case measures"), keyed as cases are,
	 * office first (the distribution column in the key) */
	"CREATE TABLE IF NOT EXISTS case_measure ("
	" office text NOT NULL, case_id bigint NOT NULL, fp text NOT NULL, blob bytea NOT NULL,"
	" PRIMARY KEY (office, case_id))",
	/* version 7: cases_open carries the id and key a period read takes
	 * (INCLUDE: not part of the key, only stored), so its arms of old
	 * cases that may be open are index-only scans (case_source).  Those
	 * cases are spread over the whole table -- 22,353 of them for June
	 * 2025 of the 10^7-event store cost 19,670 visits of heap pages,
	 * one fetch a case (of 34,000 buffers of the case pick); index-only,
	 * 420 index pages.  Rebuilt once in an older store (a few seconds a
	 * million cases, under the schema lock); Citus distributes covering
	 * indexes as any other. */
	"DO $$ BEGIN"
	" IF pg_get_indexdef('cases_open'::regclass) NOT LIKE '%INCLUDE%' THEN"
	"  DROP INDEX cases_open;"
	"  CREATE INDEX cases_open ON " CASES_OPEN ";"
	" END IF;"
	" END $$",
	/* version 8: cases partitioned by office, as events are, so an
	 * office's first batch fills a table of its own without indexes and
	 * ATTACH PARTITION builds the four, sorted (pg_writer_finish), instead
	 * of 100,000 new cases going into four B-trees one by one: 0.74 s
	 * against 1.0-1.2 s of the server's time (docs/store.md, "PostgreSQL
	 * ingest").  A partition holds one office, so office goes last in the
	 * two unique keys (still holding it, the distribution column Citus
	 * wants in every unique key) and out of the other two, as in the
	 * events key (schema 4): a text column in front made every comparison
	 * of a build walk it.  Lookups give the office, and the partition is
	 * chosen before any index is read.  cases_open carries office with id
	 * and case_key (INCLUDE: stored, never compared), so the period
	 * read's arms that take it stay index-only (schema 7).  The columns
	 * keep their order (readers take SELECT *).  An older store's table is
	 * moved into per-office partitions once, ordered by id as it was
	 * written, under the schema lock (1 s for 100,000 cases); a new store
	 * converts the empty table made above. */
	"DO $$ DECLARE o text; BEGIN"
	" IF (SELECT relkind FROM pg_class WHERE oid = 'cases'::regclass) = 'r' THEN"
	"  ALTER TABLE cases RENAME TO cases_v7;"
	"  CREATE TABLE cases (office text NOT NULL DEFAULT '', id bigint NOT NULL, case_key text NOT NULL,"
	"   sop text, batch_id bigint NOT NULL, first_ms bigint, last_ms bigint, last_done_step integer)"
	"   PARTITION BY LIST (office);"
	"  FOR o IN SELECT DISTINCT office FROM cases_v7 LOOP"
	"   EXECUTE format('CREATE TABLE %I PARTITION OF cases FOR VALUES IN (%L)',"
	"    'cases_' || substr(md5(o), 1, 16), o);"
	"  END LOOP;"
	"  INSERT INTO cases (office, id, case_key, sop, batch_id, first_ms, last_ms, last_done_step)"
	"   SELECT office, id, case_key, sop, batch_id, first_ms, last_ms, last_done_step FROM cases_v7"
	"   ORDER BY office, id;"
	"  DROP TABLE cases_v7;"
	"  ALTER TABLE cases ADD PRIMARY KEY (id, office), ADD UNIQUE (case_key, office);"
	"  CREATE INDEX cases_last ON cases (last_ms, first_ms);"
	"  CREATE INDEX cases_open ON cases (sop, last_done_step, last_ms) INCLUDE (id, case_key, office);"
	" END IF;"
	" END $$",
	/* version 9: an event's activity, actor and lifecycle are label ids,
	 * each distinct text stored once an office in labels (struct labels,
	 * in the writer, says why: a third of the bytes of a row, and of the
	 * time of a first load's COPY and key build).  The event readers turn
	 * ids back into texts (label_of), so the store's contract is the same.
	 * An older store's texts become ids in place, once, under the schema
	 * lock: labels numbered per office in text order, then the three
	 * columns rewritten by one ALTER TABLE (one pass over the table and
	 * its key) and renamed, keeping their places. */
	/* no unique key on (label, office): a B-tree refuses a key over 2,704
	 * bytes, and an activity may be longer (a note typed into the log);
	 * the writer's labels and the office's ingest lock keep each text once */
	"CREATE TABLE IF NOT EXISTS labels ("
	" office text NOT NULL, id integer NOT NULL, label text NOT NULL,"
	" PRIMARY KEY (office, id))",
	"DO $$ BEGIN"
	" IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'events'::regclass AND attname = 'activity'"
	"  AND NOT attisdropped) THEN"
	"  INSERT INTO labels (office, id, label) SELECT office,"
	"   (row_number() OVER (PARTITION BY office ORDER BY label COLLATE \"C\"))::integer, label"
	"   FROM (SELECT office, activity FROM events UNION SELECT office, actor FROM events WHERE actor IS NOT NULL"
	"   UNION SELECT office, lifecycle FROM events WHERE lifecycle IS NOT NULL) x (office, label);"
	"  CREATE INDEX mutu_labels_text ON labels USING hash (label);"
	"  CREATE FUNCTION pg_temp.mutu_label(o text, t text) RETURNS integer LANGUAGE sql STABLE"
	"   AS $f$ SELECT id FROM labels WHERE office = o AND label = t $f$;"
	"  ALTER TABLE events ALTER COLUMN activity TYPE integer USING pg_temp.mutu_label(office, activity),"
	"   ALTER COLUMN actor TYPE integer USING pg_temp.mutu_label(office, actor),"
	"   ALTER COLUMN lifecycle TYPE integer USING pg_temp.mutu_label(office, lifecycle);"
	"  ALTER TABLE events RENAME COLUMN activity TO activity_id;"
	"  ALTER TABLE events RENAME COLUMN actor TO actor_id;"
	"  ALTER TABLE events RENAME COLUMN lifecycle TO lifecycle_id;"
	"  DROP FUNCTION pg_temp.mutu_label(text, text);"
	"  DROP INDEX mutu_labels_text;"
	" END IF;"
	" END $$",
	/* version 10 (SQLite schema 11, store_sqlite.c says why): the log's
	 * own order of a case's events with equal stamps (Celonis _SORTING),
	 * NULL for a log without one; last, so the partitions made by LIKE
	 * and the writer's COPY column list agree.  An older store takes it
	 * from the event attribute it kept, once (the column's absence is the
	 * guard), and drops the measures and month summaries computed in
	 * file order */
	"DO $$ BEGIN"
	" IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'events'::regclass AND attname = 'sorting'"
	"  AND NOT attisdropped) THEN"
	"  ALTER TABLE events ADD COLUMN sorting bigint;"
	"  UPDATE events e SET sorting = trim(a.value)::bigint FROM event_attrs a"
	"   WHERE a.office = e.office AND a.event_id = e.id"
	"   AND a.name IN ('_SORTING', 'SORTING', '_sorting', 'sorting') AND trim(a.value) ~ '^[0-9]{1,18}$';"
	"  DELETE FROM case_measure m WHERE EXISTS (SELECT 1 FROM events e WHERE e.office = m.office"
	"   AND e.case_id = m.case_id AND e.sorting IS NOT NULL);"
	"  IF EXISTS (SELECT 1 FROM events WHERE sorting IS NOT NULL) THEN DELETE FROM month_summary; END IF;"
	" END IF;"
	" END $$",
};

/* Advisory-lock keys (pg_advisory_xact_lock takes a bigint; any constant no
 * other application on the server is likely to use).  The office lock is
 * hashtextextended('mutu office ' || office, 0), computed by the server. */
#define LOCK_SCHEMA INT64_C(0x6d75747573636800)

/* ids a nextval of cases_ids / events_ids reserves (the INCREMENT above) */
#define CASE_BLOCK 1024
#define EVENT_BLOCK 4096

/* a writer buffer is sent (COPY) when it grows past this */
#define FLUSH_BYTES (4u << 20)

/* the events are streamed into one open COPY in pieces of this size, so
 * the server stores one piece while the client parses the next (4 MB
 * pieces, each its own COPY, left one side idle while the other worked) */
#define STREAM_BYTES (256u << 10)

/* id blocks (CASE_BLOCK, EVENT_BLOCK) reserved by one round trip at most:
 * a reservation ends the open COPY, so a million events should not need
 * one per block (245); 512 blocks waste at most 2,097,152 event ids of a
 * bigint sequence.  At 64, a 10^6-event file (sized at 100 bytes an
 * event, 1.68 M ids) ended and restarted its COPY four times for events
 * and twice for cases; at 512 it reserves both once, before the COPY. */
#define MAX_BLOCKS 512

/* rows a read cursor fetches per round trip */
#define FETCH_ROWS 4000

struct pg_store {
	struct mutu_store base;
	PGconn *conn;
	int prepared; /* mutu_case_lookup is prepared on this connection */
	unsigned cursors; /* server-side cursors declared so far (their names) */
	char *office; /* the office of the batch being written (store_batch_create); reads and
		       * batch lookups use base.office (store_set_office) */
	int copy_in;  /* a COPY is open, 1 text, 2 binary (the writer's stream of events,
		       * stream_events): every other statement ends it first (copy_close) */
	struct fcur *ahead; /* a case cursor whose next FETCH is on its way (fcur_next's
			     * read-ahead): every other statement takes its result first
			     * (fetch_settle) */
	const atomic_int *cancel; /* store_open_cancel's flag, NULL none */
	int cancelled; /* a statement was cancelled for it (the server's 57014 is then
			* MUTU_ECANCEL, not a failure) */
};

#define PGS(s) ((struct pg_store *)(s))

/* ------------------------------------------------------------ errors */

/* The first line of a libpq or server message, "ERROR:  " dropped. */
static const char *first_line(const char *msg, char *buf, size_t size)
{
	const char *m = msg ? msg : "";
	if (strncmp(m, "ERROR:  ", 8) == 0 || strncmp(m, "FATAL:  ", 8) == 0)
		m += 8;
	size_t n = strcspn(m, "\n");
	if (n >= size)
		n = size - 1;
	memcpy(buf, m, n);
	buf[n] = '\0';
	return buf;
}

/*
 * Where the user and password part of a postgres[ql]:// location ends,
 * as its writer meant it: the last '@' of the authority (after "://", up
 * to the first '/', '?' or '#'); or, when the authority has none but a
 * ':' followed by something other than a port number (a password pasted
 * as it is, "budi:ra/has@HOST", whose '/', '?' or '#' ended it), the
 * last '@' of the location.  NULL: no user part.  *auth_ats gets the
 * number of '@' in the authority, *cut the byte that ended it.
 */
static const char *user_end(const char *uri, size_t *auth_ats, char *cut)
{
	*auth_ats = 0;
	*cut = 0;
	const char *auth = strstr(uri, "://");
	if (!auth)
		return NULL;
	auth += 3;
	size_t n = strcspn(auth, "/?#");
	*cut = auth[n];
	const char *at = NULL;
	for (size_t i = 0; i < n; i++)
		if (auth[i] == '@') {
			at = auth + i;
			++*auth_ats;
		}
	if (at)
		return at;
	const char *colon = memchr(auth, ':', n);
	int not_port = 0;
	if (colon)
		for (const char *q = colon + 1; q < auth + n; q++)
			if (!(*q >= '0' && *q <= '9') && *q != ',')
				not_port = 1;
	return not_port ? strrchr(auth, '@') : NULL;
}

/* location with a password (user:PASS@ or password=PASS) replaced by ***:
 * what messages and store_where show.  Owned by the caller.  The user's
 * part ends where user_end says, not at the first '@', '/' or '?': a
 * password pasted as it is ("p@ss:w0rd", "ra/has") holds those, and cut
 * there its rest was shown.  "password=" in any case: libpq refuses
 * "PassWord=", but the user meant a password by it. */
static char *redact(const char *location)
{
	struct mutu_buf b;
	mutu_buf_init(&b);
	const char *l = location ? location : "";
	size_t ats;
	char cut;
	const char *at = user_end(l, &ats, &cut);
	const char *auth = at ? strstr(l, "://") + 3 : NULL;
	const char *colon = at ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
	if (colon) {
		mutu_buf_add(&b, l, (size_t)(colon - l));
		mutu_buf_puts(&b, ":***");
		l = at;
	}
	for (const char *pw = l; *pw; pw++) {
		if (strncasecmp(pw, "password=", 9) != 0)
			continue;
		mutu_buf_add(&b, l, (size_t)(pw - l + 9));
		mutu_buf_puts(&b, "***");
		l = pw + 9 + strcspn(pw + 9, "& ");
		pw = l - 1;
	}
	mutu_buf_puts(&b, l);
	char *out = mutu_buf_detach(&b);
	mutu_buf_release(&b); /* detach leaves b re-initialised */
	return out;
}

/*
 * A location libpq would read other than the user meant, refused before
 * anything is sent: libpq ends the user's part at the first '@' and the
 * host at the first '/', '?' or '#', so a password written as it is
 * ("budi:p@ss:w0rd@HOST", "budi:ra/has@HOST") was read as host "ss", port
 * "w0rd@HOST:PORT", and the connection error named those (parts of the
 * password) as the host and port; a location libpq cannot parse left
 * every field unset, and the message named the default socket instead of
 * the host given.  Refused: a user part (user_end) holding a '@' or cut
 * by a '/', '?' or '#', and what PQconninfoParse does not accept.
 * MUTU_EINPUT (bad input: nothing was tried).
 */
static int location_check(const char *uri, const char *where, struct mutu_err *err)
{
	static const char fix[] = "write a password's '@', '/', '?', '#' and ':' percent-encoded "
				  "(%40 %2F %3F %23 %3A: postgresql://USER:p%40ss@HOST:PORT/DB), or "
				  "leave it out of the location and give it in PGPASSWORD or ~/.pgpass";
	size_t ats;
	char cut;
	const char *at = user_end(uri, &ats, &cut);
	if (ats > 1 || (at && ats == 0))
		return mutu_errf(err, MUTU_EINPUT,
				 "store %s: the user and password part of the location holds a '%c' that "
				 "PostgreSQL reads as the end of it (what follows would be taken for the "
				 "host and port); %s",
				 where, ats > 1 ? '@' : cut, fix);
	char *msg = NULL;
	PQconninfoOption *o = PQconninfoParse(uri, &msg);
	if (o) {
		PQconninfoFree(o);
		return 0;
	}
	if (!msg) /* libpq not loaded (or out of memory): the connection says which */
		return 0;
	char reason[300];
	first_line(msg, reason, sizeof reason);
	PQfreemem(msg);
	return mutu_errf(err, MUTU_EINPUT,
			 "store %s: not a PostgreSQL location libpq can read: %s; write it as "
			 "postgresql://USER@HOST:PORT/DB?OPTION=VALUE or postgres:///DB?host=/SOCKET/FOLDER "
			 "(options named as libpq names them, in lower case: sslmode, connect_timeout, "
			 "password, ...)",
			 where, reason);
}

/* A failed connection: where (socket folder or host, port), database,
 * user, the server's reason and what to check for that reason. */
static int conn_error(PGconn *c, const char *where, struct mutu_err *err)
{
	char reason[300];
	first_line(c ? PQerrorMessage(c) : "out of memory", reason, sizeof reason);
	const char *host = c ? PQhost(c) : NULL, *port = c ? PQport(c) : NULL;
	const char *db = c ? PQdb(c) : NULL, *user = c ? PQuser(c) : NULL;
	int sock = !host || !*host || host[0] == '/';
	const char *check;
	if (strstr(reason, "password") || strstr(reason, "authentication") || strstr(reason, "pg_hba.conf"))
		check = "check the user and password (PGPASSWORD or ~/.pgpass) and the server's pg_hba.conf "
			"entry for this user, database and connection type";
	else if (strstr(reason, "database") && strstr(reason, "does not exist"))
		check = "create the database (createdb NAME) or name an existing one in the location";
	else if (strstr(reason, "role") && strstr(reason, "does not exist"))
		check = "create the role (createuser NAME) or give user=NAME in the location";
	else if (strstr(reason, "No such file") || strstr(reason, "refused") || strstr(reason, "connect"))
		check = sock ? "is the server running, with unix_socket_directories naming this folder? "
			       "(pg_ctl status; the socket is FOLDER/.s.PGSQL.PORT)"
			     : "is the server running and listening on this host and port? "
			       "(pg_ctl status; listen_addresses, port, a firewall)";
	else if (strstr(reason, "timeout") || strstr(reason, "timed out"))
		check = "the server did not answer in time: check the host, the network and the server's load";
	else
		check = "check the location (postgresql://USER@HOST:PORT/DB or "
			"postgres:///DB?host=/SOCKET/FOLDER) and that the server is running";
	return mutu_errf(err, MUTU_EFAIL,
			 "store %s: cannot connect to PostgreSQL %s %s, port %s, database %s, user %s: %s; %s",
			 where, sock ? "through the socket in" : "at host",
			 host && *host ? host : "/var/run/postgresql (default)", port && *port ? port : "5432",
			 db && *db ? db : "(default)", user && *user ? user : "(default)", reason, check);
}

/* A failed statement: "store WHERE: WHAT: server's message", a lost
 * connection said as such, a lock wait past --busy-timeout as "locked". */
static int pg_fail(struct pg_store *p, const PGresult *r, const char *what, struct mutu_err *err)
{
	char reason[400];
	const char *msg = r ? PQresultErrorMessage(r) : NULL;
	if (!msg || !*msg)
		msg = PQerrorMessage(p->conn);
	first_line(msg, reason, sizeof reason);
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	if (state && strcmp(state, "55P03") == 0) /* lock_not_available: lock_timeout ran out */
		return store_err_locked(p->base.where, p->base.busy_ms, err);
	if (state && strcmp(state, "57014") == 0 && p->cancelled) /* query_canceled: ours */
		return mutu_errf(err, MUTU_ECANCEL,
				 "%s: stopped while waiting for the server (%s): the transaction was rolled "
				 "back, nothing of it was written",
				 p->base.where, what);
	if (PQstatus(p->conn) == CONNECTION_BAD)
		return mutu_errf(err, MUTU_EFAIL,
				 "store %s: %s: the connection to the server was lost (%s); check that it is "
				 "running, then rerun",
				 p->base.where, what, reason);
	return mutu_errf(err, MUTU_EFAIL, "store %s: %s: %s", p->base.where, what, reason);
}

/* ------------------------------------------------------------ statements */

/*
 * Why not PQexec: it blocks in libpq until the server answers, and a
 * statement waiting for a lock (the office's advisory lock, the schema
 * lock, a row another writer holds) answers only when the lock comes or
 * lock_timeout (--busy-timeout) runs out: a Ctrl-C went unseen for that
 * long.  So a statement is sent (PQsendQuery*) and its answer awaited here
 * in steps of 25 ms; a step that brings nothing with the caller's cancel
 * flag set sends the server a cancel request (PQcancel), and the statement
 * then ends with query_canceled (57014), which pg_fail says as
 * MUTU_ECANCEL.  Only a statement still busy after a quiet step is
 * cancelled: the ROLLBACK and the quick statements of a caller winding
 * down after the flag was set run to their end.
 *
 * pg_result returns what PQexec would: the last result, or the first
 * failed one (its error is the one to say), the others cleared; NULL when
 * the connection broke (PQerrorMessage says why).
 */
static void pg_await(struct pg_store *p)
{
	int sent = 0;
	while (PQisBusy(p->conn)) {
		struct pollfd pfd = {.fd = PQsocket(p->conn), .events = POLLIN};
		if (pfd.fd < 0)
			return; /* broken: PQgetResult says so */
		int n = poll(&pfd, 1, 25);
		if (n == 0 && !sent && p->cancel && atomic_load_explicit(p->cancel, memory_order_relaxed)) {
			PGcancel *c = PQgetCancel(p->conn);
			char why[256];
			if (c && PQcancel(c, why, sizeof why))
				p->cancelled = 1;
			PQfreeCancel(c);
			sent = 1; /* once: the server's answer comes on the socket */
		}
		if (n > 0 && !PQconsumeInput(p->conn))
			return;
	}
}

static PGresult *pg_result(struct pg_store *p)
{
	PGresult *keep = NULL;
	for (;;) {
		pg_await(p);
		PGresult *r = PQgetResult(p->conn);
		if (!r)
			break;
		ExecStatusType st = PQresultStatus(r);
		int failed = st == PGRES_FATAL_ERROR || st == PGRES_BAD_RESPONSE;
		if (keep && PQresultStatus(keep) == PGRES_FATAL_ERROR) {
			PQclear(r); /* the first failure is the one to say */
		} else {
			PQclear(keep);
			keep = r;
		}
		if (st == PGRES_COPY_IN || st == PGRES_COPY_OUT || (failed && PQstatus(p->conn) == CONNECTION_BAD))
			break; /* as PQexec: a COPY's result is the caller's to go on with */
	}
	return keep;
}

static int copy_close(struct pg_store *p, struct mutu_err *err);
static void copy_abort(struct pg_store *p);
static void fetch_settle(struct pg_store *p);

static int exec0(struct pg_store *p, const char *sql, const char *what, struct mutu_err *err)
{
	fetch_settle(p);
	int rc0 = copy_close(p, err);
	if (rc0)
		return rc0;
	PGresult *r = PQsendQuery(p->conn, sql) ? pg_result(p) : NULL;
	ExecStatusType st = PQresultStatus(r);
	int rc = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK ? 0 : pg_fail(p, r, what, err);
	PQclear(r);
	return rc;
}

/* A statement with text parameters $1..$n (a NULL parameter is SQL
 * NULL).  The result is the caller's (PQclear), or NULL with err filled. */
/* query with the rows in text (format 0) or binary (1) */
static PGresult *query_as(struct pg_store *p, const char *sql, int n, const char *const *v, int format,
			  const char *what, struct mutu_err *err)
{
	fetch_settle(p);
	if (copy_close(p, err))
		return NULL;
	PGresult *r = PQsendQueryParams(p->conn, sql, n, NULL, v, NULL, NULL, format) ? pg_result(p) : NULL;
	ExecStatusType st = PQresultStatus(r);
	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
		return r;
	pg_fail(p, r, what, err);
	PQclear(r);
	return NULL;
}

static PGresult *query(struct pg_store *p, const char *sql, int n, const char *const *v,
		       const char *what, struct mutu_err *err)
{
	return query_as(p, sql, n, v, 0, what, err);
}

static int execp(struct pg_store *p, const char *sql, int n, const char *const *v, const char *what,
		 struct mutu_err *err)
{
	PGresult *r = query(p, sql, n, v, what, err);
	if (!r)
		return err ? err->code : MUTU_EFAIL;
	PQclear(r);
	return 0;
}

static int64_t get_i64(const PGresult *r, int row, int col)
{
	return strtoll(PQgetvalue(r, row, col), NULL, 10);
}

/* An integer column of a binary result (smallint, integer or bigint: 2, 4
 * or 8 bytes, big-endian two's complement). */
static int64_t bin_i64(const PGresult *r, int row, int col)
{
	const unsigned char *v = (const unsigned char *)PQgetvalue(r, row, col);
	int len = PQgetlength(r, row, col);
	uint64_t u = 0;
	for (int i = 0; i < len; i++)
		u = u << 8 | v[i];
	if (len > 0 && len < 8 && (v[0] & 0x80))
		u |= ~UINT64_C(0) << (8 * len); /* sign extension */
	int64_t x;
	memcpy(&x, &u, sizeof x);
	return x;
}

static int is_null(const PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col);
}

/* A bigint as a parameter's text. */
struct num { char s[24]; };
static const char *num(struct num *n, int64_t v)
{
	snprintf(n->s, sizeof n->s, "%" PRId64, v);
	return n->s;
}

/* The office filter of a read: "TRUE" for every office, else office = $k. */
static const char *office_cond(struct pg_store *p, const char *col, int k, char *buf, size_t size)
{
	if (!p->base.office)
		snprintf(buf, size, "TRUE");
	else
		snprintf(buf, size, "%s = $%d", col, k);
	return buf;
}

/* ------------------------------------------------------------ COPY text */

/* UTF-8 well-formed and without NUL?  Text columns of a UTF8 database
 * take nothing else. */
static int utf8_ok(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		/* eight ASCII bytes at a time, none NUL: most of a log's text
		 * (every event's activity, actor and office pass here, 4% of
		 * the client's CPU byte by byte) */
		while (n - i >= 8) {
			uint64_t v;
			memcpy(&v, s + i, 8);
			if ((v & UINT64_C(0x8080808080808080)) ||
			    ((v - UINT64_C(0x0101010101010101)) & ~v & UINT64_C(0x8080808080808080)))
				break; /* a byte >= 0x80, or a NUL: byte by byte */
			i += 8;
		}
		if (i == n)
			break;
		unsigned c = s[i];
		if (c == 0)
			return 0;
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t k;
		uint32_t cp, min;
		if (c >= 0xC2 && c <= 0xDF)
			k = 1, cp = c & 0x1F, min = 0x80;
		else if (c >= 0xE0 && c <= 0xEF)
			k = 2, cp = c & 0x0F, min = 0x800;
		else if (c >= 0xF0 && c <= 0xF4)
			k = 3, cp = c & 0x07, min = 0x10000;
		else
			return 0;
		if (i + k >= n)
			return 0;
		for (size_t j = 1; j <= k; j++) {
			if ((s[i + j] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + j] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += k + 1;
	}
	return 1;
}

/* One value of a COPY text row: a tab before every value but the first;
 * backslash, tab, newline and carriage return escaped; NULL as \N.  Text
 * that is not UTF-8 (only a rejected row's reason can be) has each bad
 * byte written as U+FFFD: a UTF8 database refuses it otherwise. */
static void copy_text(struct mutu_buf *b, int first, const char *v, size_t n)
{
	if (!first)
		mutu_buf_putc(b, '\t');
	if (!v) {
		mutu_buf_add(b, "\\N", 2);
		return;
	}
	int ok = utf8_ok((const unsigned char *)v, n);
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)v[i];
		const char *e = NULL;
		switch (c) {
		case '\\': e = "\\\\"; break;
		case '\t': e = "\\t"; break;
		case '\n': e = "\\n"; break;
		case '\r': e = "\\r"; break;
		default:
			if (!ok && (c >= 0x80 || c == 0))
				e = "\xEF\xBF\xBD";
			else
				continue;
		}
		mutu_buf_add(b, v + run, i - run);
		mutu_buf_puts(b, e);
		run = i + 1;
	}
	mutu_buf_add(b, v + run, n - run);
}

static void copy_str(struct mutu_buf *b, int first, const char *v)
{
	copy_text(b, first, v, v ? strlen(v) : 0);
}

static void copy_int(struct mutu_buf *b, int first, int has, int64_t v)
{
	if (!first)
		mutu_buf_putc(b, '\t');
	if (!has) {
		mutu_buf_add(b, "\\N", 2);
		return;
	}
	/* by hand: snprintf was a tenth of the client's time when the events
	 * went as text (eight integers a row); cases still do */
	char t[24], *e = t + sizeof t, *q = e;
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	do
		*--q = (char)('0' + u % 10);
	while ((u /= 10));
	if (v < 0)
		*--q = '-';
	mutu_buf_add(b, q, (size_t)(e - q));
}

/* bytea: \\x and two hex digits a byte (COPY unescapes the doubled
 * backslash, then bytea reads its hex form). */
static void copy_bytea(struct mutu_buf *b, int first, const char *v, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	if (!first)
		mutu_buf_putc(b, '\t');
	mutu_buf_add(b, "\\\\x", 3);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)v[i];
		mutu_buf_putc(b, hex[c >> 4]);
		mutu_buf_putc(b, hex[c & 15]);
	}
}

/* ------------------------------------------------------------ COPY binary */

/*
 * The events go in COPY's binary format (PostgreSQL docs, "COPY", Binary
 * Format): per row a 16-bit field count, then per field a 32-bit length
 * (-1: NULL) and the value in network byte order -- bigint 8 bytes,
 * integer 4, smallint 2, text its UTF-8 bytes.  The server then neither
 * scans every byte for tabs and backslashes nor parses eight numbers a
 * row, and the client neither escapes nor prints them.
 */
/*
 * A row is written straight into its buffer through a pointer, its room
 * reserved once (bin_room, for the longest the row can be): per field a
 * mutu_buf_add of 2-8 bytes (a capacity check, a memcpy call, the NUL) was
 * 15% of the client's CPU in a 10^6-event ingest (perf), more than the
 * rest of the row's work.
 */

/* Room for n more bytes at b->s + b->len (and the NUL a mutu_buf keeps):
 * where to write them; the caller then sets b->len. */
static char *bin_room(struct mutu_buf *b, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < b->len + n + 1)
			cap *= 2;
		b->s = mutu_realloc(b->s, cap);
		b->cap = cap;
	}
	return b->s + b->len;
}

/* v in network byte order at q; q past it.  Spelled out byte by byte
 * (GCC makes each one store of a byte-swapped register; a loop over a
 * byte count stayed a loop, 2% of the client) */
static inline char *bin_be16(char *q, uint16_t v)
{
	q[0] = (char)(v >> 8), q[1] = (char)v;
	return q + 2;
}

static inline char *bin_be32(char *q, uint32_t v)
{
	q[0] = (char)(v >> 24), q[1] = (char)(v >> 16), q[2] = (char)(v >> 8), q[3] = (char)v;
	return q + 4;
}

static inline char *bin_be64(char *q, uint64_t v)
{
	q = bin_be32(q, (uint32_t)(v >> 32));
	return bin_be32(q, (uint32_t)v);
}

/* fields (length, then the value), NULL (length -1) unless has: bigint,
 * integer, smallint; at most 12 bytes */
static inline char *bin_i8(char *q, int has, int64_t v)
{
	if (!has)
		return bin_be32(q, UINT32_MAX);
	return bin_be64(bin_be32(q, 8), (uint64_t)v);
}

static inline char *bin_i4(char *q, int has, int32_t v)
{
	if (!has)
		return bin_be32(q, UINT32_MAX);
	return bin_be32(bin_be32(q, 4), (uint32_t)v);
}

static inline char *bin_i2(char *q, int16_t v)
{
	return bin_be16(bin_be32(q, 2), (uint16_t)v);
}

/* text (NULL when v is): as copy_text, bytes that are not UTF-8 become
 * U+FFFD (a UTF8 database refuses them), so at most 4 + 3n bytes */
static char *bin_text(char *q, const char *v, size_t n)
{
	if (!v)
		return bin_be32(q, UINT32_MAX);
	if (utf8_ok((const unsigned char *)v, n)) {
		q = bin_be32(q, (uint32_t)n);
		memcpy(q, v, n);
		return q + n;
	}
	char *at = q;
	q += 4;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)v[i];
		if (c >= 0x80 || c == 0)
			memcpy(q, "\xEF\xBF\xBD", 3), q += 3;
		else
			*q++ = (char)c;
	}
	bin_be32(at, (uint32_t)(q - at - 4));
	return q;
}

/* COPY table_cols FROM STDIN started (any open COPY ended first), in the
 * binary format when binary (its header sent). */
static int copy_start(struct pg_store *p, const char *table_cols, int binary, struct mutu_err *err)
{
	int rc = copy_close(p, err);
	if (rc)
		return rc;
	char sql[512];
	snprintf(sql, sizeof sql, "COPY %s FROM STDIN%s", table_cols, binary ? " (FORMAT binary)" : "");
	PGresult *r = PQexec(p->conn, sql);
	if (PQresultStatus(r) != PGRES_COPY_IN) {
		rc = pg_fail(p, r, "starting COPY", err);
		PQclear(r);
		return rc;
	}
	PQclear(r);
	p->copy_in = 1 + !!binary;
	/* signature, flags (no OIDs), header extension length 0 */
	static const char header[19] = "PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0";
	if (binary && PQputCopyData(p->conn, header, (int)sizeof header) != 1) {
		rc = pg_fail(p, NULL, "COPY", err);
		copy_abort(p);
	}
	return rc;
}

/* The rows in b (complete rows) into the open COPY, then b emptied.  In
 * pieces of STREAM_BYTES: libpq sends them as they come, and the server
 * stores one while the next is handed over. */
static int copy_put(struct pg_store *p, struct mutu_buf *b, struct mutu_err *err)
{
	int rc = 0;
	for (size_t off = 0; off < b->len && !rc;) {
		size_t n = b->len - off > STREAM_BYTES ? STREAM_BYTES : b->len - off;
		if (PQputCopyData(p->conn, b->s + off, (int)n) != 1)
			rc = pg_fail(p, NULL, "COPY", err);
		off += n;
	}
	mutu_buf_reset(b);
	return rc;
}

/* End the open COPY, if any, and collect its result: the server's
 * complaint about any row sent, if it had one. */
static int copy_close(struct pg_store *p, struct mutu_err *err)
{
	if (!p->copy_in)
		return 0;
	int binary = p->copy_in == 2;
	p->copy_in = 0;
	int rc = 0;
	static const char trailer[2] = "\377\377"; /* binary: a field count of -1 */
	if (binary && PQputCopyData(p->conn, trailer, 2) != 1)
		rc = pg_fail(p, NULL, "COPY", err);
	if (PQputCopyEnd(p->conn, NULL) != 1 && !rc)
		rc = pg_fail(p, NULL, "ending COPY", err);
	PGresult *r;
	while ((r = PQgetResult(p->conn))) {
		if (!rc && PQresultStatus(r) != PGRES_COMMAND_OK)
			rc = pg_fail(p, r, "COPY", err);
		PQclear(r);
	}
	return rc;
}

/* An open COPY abandoned (a failed batch): the server drops its rows, and
 * the connection takes statements again (ROLLBACK). */
static void copy_abort(struct pg_store *p)
{
	if (!p->copy_in)
		return;
	p->copy_in = 0;
	PQputCopyEnd(p->conn, "mutu: the batch failed");
	PGresult *r;
	while ((r = PQgetResult(p->conn)))
		PQclear(r);
}

/* COPY table_cols FROM STDIN with the rows in b (complete lines), then b
 * emptied: one COPY, ended. */
static int copy_rows(struct pg_store *p, const char *table_cols, struct mutu_buf *b, struct mutu_err *err)
{
	if (!b->len)
		return 0;
	int rc = copy_start(p, table_cols, 0, err);
	if (!rc)
		rc = copy_put(p, b, err);
	if (rc) {
		copy_abort(p);
		return rc;
	}
	return copy_close(p, err);
}

/* ------------------------------------------------------------ open, transactions */

static int schema_version(struct pg_store *p, int *version, struct mutu_err *err)
{
	*version = 0;
	PGresult *r = query(p, "SELECT to_regclass('mutu_meta') IS NOT NULL", 0, NULL, "reading the schema", err);
	if (!r)
		return err->code;
	int has = PQntuples(r) == 1 && PQgetvalue(r, 0, 0)[0] == 't';
	PQclear(r);
	if (!has)
		return 0;
	r = query(p, "SELECT value FROM mutu_meta WHERE key = 'schema_version'", 0, NULL,
		  "reading the schema version", err);
	if (!r)
		return err->code;
	if (PQntuples(r) == 1)
		*version = atoi(PQgetvalue(r, 0, 0));
	PQclear(r);
	return 0;
}

/* Create the schema in one transaction, under an advisory lock: two first
 * ingests at once, one creates, the other waits and finds it made. */
static int schema_create(struct pg_store *p, struct mutu_err *err)
{
	int rc, v = 0;
	char sql[160];
	if ((rc = exec0(p, "BEGIN", "creating the schema", err)))
		return rc;
	snprintf(sql, sizeof sql, "SELECT pg_advisory_xact_lock(%" PRId64 ")", LOCK_SCHEMA);
	if ((rc = exec0(p, sql, "locking the schema", err)) || (rc = schema_version(p, &v, err)))
		goto fail;
	if (v != PG_SCHEMA_VERSION) {
		for (size_t i = 0; i < sizeof schema_pg / sizeof schema_pg[0]; i++)
			if ((rc = exec0(p, schema_pg[i], "creating the schema", err)))
				goto fail;
		snprintf(sql, sizeof sql,
			 "INSERT INTO mutu_meta VALUES ('schema_version', '%d') ON CONFLICT (key) "
			 "DO UPDATE SET value = excluded.value",
			 PG_SCHEMA_VERSION);
		if ((rc = exec0(p, sql, "creating the schema", err)))
			goto fail;
	}
	return exec0(p, "COMMIT", "creating the schema", err);
fail:
	PQclear(PQexec(p->conn, "ROLLBACK"));
	return rc;
}

/*
 * Every table of the current schema is there (store_sqlite.c's
 * check_tables, for PostgreSQL).  A database that lost one (a DROP TABLE
 * by hand or by another tool, a pg_restore of part of a dump) was found
 * at the first statement that needed it: "relation \"events\" does not
 * exist" (exit 1) from an ingest, and a command that needed no such table
 * ran on (hardening round 3).  Refused at open, exit 2, the table named.
 * The parents only: a partition of one office is the office's data, not
 * the schema.  to_regclass reads the search_path, as every query does.
 */
static int check_tables(struct pg_store *p, struct mutu_err *err)
{
	PGresult *r = query(p,
			    "SELECT t FROM unnest(ARRAY['batches', 'cases', 'events', 'case_attrs', "
			    "'event_attrs', 'rejected', 'attr_types', 'audit_flags', 'month_summary', "
			    "'batch_touch', 'case_measure', 'labels']) WITH ORDINALITY AS u(t, i) "
			    "WHERE to_regclass(t) IS NULL ORDER BY i LIMIT 1",
			    0, NULL, "reading the store's tables", err);
	if (!r)
		return err->code;
	int rc = 0;
	if (PQntuples(r) == 1)
		rc = mutu_errf(err, MUTU_EINPUT,
			       "store %s: the store is damaged: its table '%s' is missing; restore it from a "
			       "backup (pg_dump) or ingest the logs again into a new database",
			       p->base.where, PQgetvalue(r, 0, 0));
	PQclear(r);
	return rc;
}

static const struct store_ops pg_ops;

/* libpq's notice processor that drops every notice (store_pg_open). */
static void notice_quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

int store_pg_open(const char *uri, int mode, int busy_ms, const atomic_int *cancel, struct mutu_store **out,
		  struct mutu_err *err)
{
	*out = NULL;
	struct pg_store *p = mutu_calloc(1, sizeof *p);
	p->base.ops = &pg_ops;
	p->base.kind = STORE_POSTGRESQL;
	p->base.where = redact(uri);
	p->base.mode = mode;
	p->base.busy_ms = busy_ms;
	p->office = NULL;
	p->cancel = cancel;
	/* libpq reads postgres:// and postgresql:// URIs (and key=value
	 * strings) as they are; application_name shows mutu in
	 * pg_stat_activity */
	const char *keys[] = {"dbname", "application_name", "client_encoding", NULL};
	const char *vals[] = {uri, "mutu", "UTF8", NULL};
	int rc = 0, v = 0;
	if ((rc = location_check(uri, p->base.where, err)))
		goto fail;
	p->conn = PQconnectdbParams(keys, vals, 1);
	if (!p->conn || PQstatus(p->conn) != CONNECTION_OK) {
		rc = conn_error(p->conn, p->base.where, err);
		goto fail;
	}
	/* the server's notices ("already exists, skipping") are not for the
	 * user, and the library never prints: libpq ignores a NULL processor
	 * (it kept its default, which writes to stderr), and
	 * client_min_messages = warning below still lets WARNINGs through */
	PQsetNoticeProcessor(p->conn, notice_quiet, NULL);
	/* jit off: the period reads' plans are estimated dear enough to be
	 * compiled, which cost 0.6-0.85 s a query (auto_explain, 10^7-event
	 * store) for a read of 0.1 s */
	if ((rc = exec0(p, "SET client_min_messages = warning; SET jit = off", "setting up the session", err)) ||
	    (rc = schema_version(p, &v, err)))
		goto fail;
	if (v > PG_SCHEMA_VERSION) {
		rc = mutu_errf(err, MUTU_EINPUT,
			       "store %s: PostgreSQL schema version %d is newer than this mutu knows (%d): use a "
			       "newer mutu",
			       p->base.where, v, PG_SCHEMA_VERSION);
		goto fail;
	}
	if (v < PG_SCHEMA_VERSION) {
		/* an older store (any version from 1) is brought up to date
		 * whatever the mode (the statements are idempotent, under the
		 * schema lock) */
		if (mode != STORE_CREATE && v < 1) {
			rc = mutu_errf(err, v ? MUTU_EINPUT : MUTU_ENOTFOUND,
				       "store %s: %s; create it with 'mutu ingest LOG --db %s'", p->base.where,
				       v ? "not a mutu store (an unknown schema version)"
					 : "the database holds no mutu store yet (no table mutu_meta)",
				       p->base.where);
			goto fail;
		}
		if ((rc = schema_create(p, err)))
			goto fail;
	} else if ((rc = check_tables(p, err))) {
		goto fail;
	}
	p->base.version = STORE_SCHEMA_VERSION;
	*out = &p->base;
	return 0;
fail:
	if (p->conn)
		PQfinish(p->conn);
	free(p->base.where);
	free(p);
	return rc;
}

static void pg_close(struct mutu_store *s)
{
	struct pg_store *p = PGS(s);
	if (p->conn) {
		copy_abort(p);
		if (s->in_tx)
			PQclear(PQexec(p->conn, "ROLLBACK"));
		PQfinish(p->conn);
	}
	free(p->office);
	free(p);
}

/* The office a write goes to: the batch's (store_batch_create), else the
 * connection's (store_set_office), else the default office ''. */
static const char *office_of(struct pg_store *p)
{
	return p->office ? p->office : p->base.office ? p->base.office : "";
}

static int pg_begin_write(struct mutu_store *s, const char *what, struct mutu_err *err)
{
	struct pg_store *p = PGS(s);
	int rc = exec0(p, "BEGIN", what, err);
	if (rc)
		return rc;
	/* a lock wait (the office's ingest lock, a row another writer holds)
	 * ends after --busy-timeout with "locked", as SQLite's does */
	char sql[64];
	int ms = store_busy_of(s->busy_ms);
	snprintf(sql, sizeof sql, "SET LOCAL lock_timeout = %d", ms ? ms : 1);
	if ((rc = exec0(p, sql, what, err))) {
		PQclear(PQexec(p->conn, "ROLLBACK"));
		return rc;
	}
	s->in_tx = 1;
	return 0;
}

static int pg_begin_read(struct mutu_store *s, struct mutu_err *err)
{
	/* one snapshot for the whole report: an ingest that commits meanwhile
	 * is not seen, and never half of one */
	int rc = exec0(PGS(s), "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", "starting a read", err);
	if (!rc)
		s->in_tx = 2;
	return rc;
}

static int pg_commit(struct mutu_store *s, struct mutu_err *err)
{
	if (!s->in_tx)
		return 0;
	int rc = exec0(PGS(s), "COMMIT", "committing", err);
	s->in_tx = 0;
	return rc;
}

static void pg_rollback(struct mutu_store *s)
{
	copy_abort(PGS(s)); /* a batch's COPY left open by a failure */
	if (!s->in_tx)
		return;
	PQclear(PQexec(PGS(s)->conn, "ROLLBACK"));
	s->in_tx = 0;
}

/* ------------------------------------------------------------ batches */

/* The office a batch lookup is about: the connection's (store_set_office,
 * which the ingest always sets before looking), else office_of. */
static const char *lookup_office(struct pg_store *p)
{
	return p->base.office ? p->base.office : office_of(p);
}

static int pg_batch_size_seen(struct mutu_store *s, uint64_t size, struct mutu_err *err)
{
	struct pg_store *p = PGS(s);
	struct num n;
	const char *v[] = {lookup_office(p), num(&n, (int64_t)size)};
	PGresult *r = query(p,
			    "SELECT 1 FROM batches WHERE office = $1 AND size = $2 AND superseded_by IS NULL "
			    "LIMIT 1",
			    2, v, "looking for a batch", err);
	if (!r)
		return err->code;
	int found = PQntuples(r) > 0;
	PQclear(r);
	return found;
}

static int pg_batch_find(struct mutu_store *s, const char *sha256, int64_t except_id, int64_t *id, char *at,
			 size_t at_size, struct mutu_err *err)
{
	struct pg_store *p = PGS(s);
	struct num n;
	const char *v[] = {lookup_office(p), sha256, num(&n, except_id)};
	PGresult *r = query(p,
			    "SELECT id, ingested_at FROM batches WHERE office = $1 AND sha256 = $2 AND "
			    "superseded_by IS NULL AND id <> $3 ORDER BY id LIMIT 1",
			    3, v, "looking for a batch", err);
	if (!r)
		return err->code;
	int found = PQntuples(r) > 0;
	if (found) {
		*id = get_i64(r, 0, 0);
		if (at)
			snprintf(at, at_size, "%s", PQgetvalue(r, 0, 1));
	}
	PQclear(r);
	return found;
}

static int pg_batch_create(struct mutu_store *s, const struct store_batch *b, int64_t *id,
			   struct mutu_err *err)
{
	struct pg_store *p = PGS(s);
	free(p->office);
	p->office = mutu_strdup(b->office ? b->office : "");
	/* ingests of one office one at a time (held to the commit), of
	 * different offices at once: their keys never meet */
	const char *o[] = {office_of(p)};
	int rc = execp(p, "SELECT pg_advisory_xact_lock(hashtextextended('mutu office ' || $1, 0))", 1, o,
		       "waiting for another ingest of this office", err);
	if (rc)
		return rc;
	struct num n;
	const char *v[] = {office_of(p), b->file, num(&n, (int64_t)b->size), b->sha256, b->ingested_at,
			   b->sop, b->options, b->dropped};
	PGresult *r = query(p,
			    "INSERT INTO batches (office, file, size, sha256, ingested_at, sop, options, "
			    "dropped_columns) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
			    8, v, "new batch", err);
	if (!r)
		return err->code;
	*id = get_i64(r, 0, 0);
	PQclear(r);
	return 0;
}

static int pg_batch_supersede(struct mutu_store *s, const char *sha256, int64_t new_id, uint64_t *removed,
			      struct mutu_err *err)
{
	struct pg_store *p = PGS(s);
	struct num n;
	const char *v[] = {office_of(p), sha256, num(&n, new_id)};
	*removed = 0;
	static const char *const old =
		"(SELECT id FROM batches WHERE office = $1 AND sha256 = $2 AND superseded_by IS NULL AND "
		"id <> $3)";
	char sql[600];
	/* the kept measures of the cases losing events (store.h) */
	snprintf(sql, sizeof sql,
		 "DELETE FROM case_measure m WHERE m.office = $1 AND m.case_id IN (SELECT e.case_id FROM events e "
		 "WHERE e.office = $1 AND e.batch_id IN %s)",
		 old);
	int rc = execp(p, sql, 3, v, "removing the earlier batch's case measures", err);
	if (rc)
		return rc;
	snprintf(sql, sizeof sql,
		 "DELETE FROM event_attrs a USING events e WHERE a.office = $1 AND e.office = $1 AND "
		 "a.event_id = e.id AND e.batch_id IN %s",
		 old);
	rc = execp(p, sql, 3, v, "removing the earlier batch", err);
	if (rc)
		return rc;
	snprintf(sql, sizeof sql, "DELETE FROM events WHERE office = $1 AND batch_id IN %s", old);
	PGresult *r = query(p, sql, 3, v, "removing the earlier batch", err);
	if (!r)
		return err->code;
	*removed = (uint64_t)strtoull(PQcmdTuples(r), NULL, 10);
	PQclear(r);
	snprintf(sql, sizeof sql, "DELETE FROM rejected WHERE office = $1 AND batch_id IN %s", old);
	if ((rc = execp(p, sql, 3, v, "removing the earlier batch", err)))
		return rc;
	return execp(p,
		     "UPDATE batches SET superseded_by = $3 WHERE office = $1 AND sha256 = $2 AND "
		     "superseded_by IS NULL AND id <> $3",
		     3, v, "marking the earlier batch", err);
}

static int pg_batch_finish(struct mutu_store *s, const struct store_batch *b, struct mutu_err *err)
{
	struct pg_store *p = PGS(s);
	struct num n[7];
	const char *v[] = {office_of(p), num(&n[0], b->id), num(&n[1], (int64_t)b->rows_read),
			   num(&n[2], (int64_t)b->events_stored), num(&n[3], (int64_t)b->rejected),
			   num(&n[4], (int64_t)b->duplicates), num(&n[5], (int64_t)b->unknown_activities),
			   b->sha256, num(&n[6], (int64_t)b->size), b->dropped};
	return execp(p,
		     "UPDATE batches SET rows_read = $3, events_stored = $4, rejected = $5, duplicates = $6, "
		     "unknown_activities = $7, sha256 = $8, size = $9, dropped_columns = $10 "
		     "WHERE office = $1 AND id = $2",
		     10, v, "batch counts", err);
}

static int pg_batch_list(struct mutu_store *s, store_batch_fn fn, void *ctx, struct mutu_err *err)
{
	struct pg_store *p = PGS(s);
	char cond[64], sql[512];
	snprintf(sql, sizeof sql,
		 "SELECT id, file, size, sha256, ingested_at, sop, office, options, dropped_columns, "
		 "rows_read, events_stored, rejected, duplicates, unknown_activities, superseded_by "
		 "FROM batches WHERE %s ORDER BY id",
		 office_cond(p, "office", 1, cond, sizeof cond));
	const char *v[] = {p->base.office};
	PGresult *r = query(p, sql, p->base.office ? 1 : 0, v, "listing batches", err);
	if (!r)
		return err->code;
	int rc = 0;
	for (int i = 0; i < PQntuples(r) && !rc; i++) {
		struct store_batch b;
		memset(&b, 0, sizeof b);
		b.id = get_i64(r, i, 0);
		b.file = PQgetvalue(r, i, 1);
		b.size = (uint64_t)get_i64(r, i, 2);
		b.sha256 = PQgetvalue(r, i, 3);
		b.ingested_at = PQgetvalue(r, i, 4);
		b.sop = is_null(r, i, 5) ? NULL : PQgetvalue(r, i, 5);
		b.office = PQgetvalue(r, i, 6);
		b.options = is_null(r, i, 7) ? NULL : PQgetvalue(r, i, 7);
		b.dropped = is_null(r, i, 8) ? NULL : PQgetvalue(r, i, 8);
		b.rows_read = (uint64_t)get_i64(r, i, 9);
		b.events_stored = (uint64_t)get_i64(r, i, 10);
		b.rejected = (uint64_t)get_i64(r, i, 11);
		b.duplicates = (uint64_t)get_i64(r, i, 12);
		b.unknown_activities = (uint64_t)get_i64(r, i, 13);
		b.superseded_by = is_null(r, i, 14) ? 0 : get_i64(r, i, 14);
		rc = fn(ctx, &b);
	}
	PQclear(r);
	return rc;
}

static int pg_batch_exists(struct mutu_store *s, int64_t id, struct mutu_err *err)
{
	struct pg_store *p = PGS(s);
	struct num n;
	char cond[64], sql[160];
	snprintf(sql, sizeof sql, "SELECT 1 FROM batches WHERE id = $1 AND %s",
		 office_cond(p, "office", 2, cond, sizeof cond));
	const char *v[] = {num(&n, id), p->base.office};
	PGresult *r = query(p, sql, p->base.office ? 2 : 1, v, "looking for a batch", err);
	if (!r)
		return err->code;
	int found = PQntuples(r) > 0;
	PQclear(r);
	return found;
}

/* ------------------------------------------------------------ the batch writer */

/*
 * The contract's writer answers each row at once (the case's id, whether
 * an event is a duplicate), but a round trip per row would cost ~30 us:
 * 30 s a million events.  So the answers come from memory and the rows go
 * out with COPY a few MB at a time:
 *  - ids are reserved from the sequences a block per nextval, several
 *    blocks a round trip (struct idblocks);
 *  - the events go out through one COPY left open while the client
 *    parses (stream_events): the server stores the last piece while the
 *    next is parsed, so the two cores work at once; any other statement
 *    ends that COPY first (copy_close) and the next piece opens another;
 *  - a case's consecutive events are sent in dkey order (run_flush): with
 *    case ids given in order of appearance, a log grouped by case then
 *    lands in the heap in primary-key order, and the key's build at the
 *    end of an office's first batch finds its input already sorted (a
 *    third less time measured; a log not grouped by case only loses that);
 *  - the office's existing case keys are read once (or looked up one by
 *    one when the batch is small against the store), new ones kept here;
 *  - (case, dkey) of every event of this batch, and of the stored events
 *    of each existing case it touches (read when first touched), are kept
 *    here: a new case's keys in a short array of its own while its events
 *    come one after another (ev_find, ev_add: one probe of a hash set of
 *    a million keys was a cache miss an event), else in the hash set; a
 *    match is compared exactly with the stored row (after sending what is
 *    buffered), as the SQLite writer does, and a true collision moves to
 *    the next key;
 *  - new case rows are written at the end with their first and last
 *    instants; attributes go through staging tables so the rules "first
 *    case attribute wins" and "last event attribute wins" hold in SQL.
 * The office's advisory lock (store_batch_create) makes the in-memory view
 * of its cases exact: no one else writes them meanwhile.
 */

struct wcase {
	char *key;
	char *sop;          /* NULL: none (new cases only) */
	int64_t id;
	int created;        /* inserted by this batch */
	int loaded;         /* its stored events' keys are in the event set */
	int has_span, span_changed;
	int local;          /* its event keys are pg_writer.keys[kbeg, kend), not in the event set */
	int changed;        /* this batch stored an event of it (its kept measure goes) */
	size_t kbeg, kend;
	int64_t first, last;
	/* a new case's last_done_step, from its events (all in this batch):
	 * the step of the latest end, the higher step on a tie -- what the
	 * marker UPDATE computes for the cases that already existed */
	int has_done, done_step;
	int64_t done_end;
};

struct ekey {
	int64_t case_id; /* 0: empty slot */
	uint64_t dkey;
	int64_t event_id;
	size_t row;      /* index + 1 into pg_writer.rows (a stored event read with its case), 0: none */
	uint64_t inst;   /* inst_fp of the event's instance id (same_event) */
};

/* A stored event of an existing case, kept to compare candidates with in
 * memory (an overlapping re-export meets its old events by the thousand). */
struct srow {
	int32_t act, actor; /* label ids (PostgreSQL schema 9); actor -1: NULL */
	int has_start, has_end;
	int64_t start, end;
	uint64_t inst;      /* inst_fp of its instance id */
};

/* The instance id (store_event.instance) as the duplicate check compares
 * it: 0 none, else a 64-bit FNV-1a of the text (never 0).  Kept in
 * memory per event instead of the text; two ids of one (case, dkey) with
 * one hash are taken as one, a chance of 2^-64. */
static uint64_t inst_fp(const char *s, size_t n)
{
	if (!s)
		return 0;
	uint64_t h = mutu_fnv1a_add(MUTU_FNV1A_INIT, s, n);
	return h ? h : 1;
}

/*
 * The office's labels: every distinct activity, actor and lifecycle text,
 * stored once in table labels and named by a small integer in each event
 * row (PostgreSQL schema 9).  An activity is an SOP step's text, 65
 * characters on average, and it was a third of an event row: the server's
 * COPY of 10^6 rows took 1.09-1.65 s with the texts and 0.87-1.08 s with
 * the ids, the key's build after it 0.67-0.69 s against 0.48-0.57 s (the
 * heap 194 MB against ~140 MB).  Ids are the office's own, 1, 2, ... in
 * order of first use, given under the office's ingest lock; the labels a
 * batch adds go in with its rows (writer_finish), so a rolled-back batch
 * leaves none.  Here: text -> id, open addressing over `ent`.
 */
struct label {
	size_t off, len; /* the text, in labels.text */
	uint64_t h;
	int32_t id;
};

struct labels {
	struct label *ent;
	size_t n, cap;
	uint32_t *slot; /* index + 1 into ent, 0: empty; nslot a power of two */
	size_t nslot;
	struct mutu_buf text;
	int32_t next;   /* the id the next new label takes */
	size_t stored;  /* ent[0, stored) were in the store when the batch began */
};

/* A label's hash: its length and three 8-byte words of it (the head, the
 * middle and the tail), not every byte: SOP step texts differ there, and
 * a lookup compares the whole text anyway.  Every event looks up two or
 * three labels. */
static uint64_t label_hash(const char *s, size_t n)
{
	uint64_t h = n * 0x9E3779B97F4A7C15ULL;
	if (n >= 8) {
		uint64_t a, b, c;
		memcpy(&a, s, 8);
		memcpy(&b, s + (n - 8) / 2, 8);
		memcpy(&c, s + n - 8, 8);
		h ^= a * 0xBF58476D1CE4E5B9ULL;
		h = (h ^ (h >> 29) ^ b) * 0x94D049BB133111EBULL;
		h = (h ^ (h >> 31) ^ c) * 0xBF58476D1CE4E5B9ULL;
	} else {
		h = mutu_fnv1a_add(h, s, n);
	}
	return h ^ (h >> 32);
}

static void labels_rehash(struct labels *L)
{
	L->nslot = L->nslot ? L->nslot * 2 : 64;
	free(L->slot);
	L->slot = mutu_calloc(L->nslot, sizeof *L->slot);
	size_t mask = L->nslot - 1;
	for (size_t k = 0; k < L->n; k++) {
		size_t i = L->ent[k].h & mask;
		while (L->slot[i])
			i = (i + 1) & mask;
		L->slot[i] = (uint32_t)(k + 1);
	}
}

/* Text s[0, n) as label id (an existing one, or id -- next when id is 0 --
 * for a new one).  -1: no more ids (2^31 distinct texts). */
static int32_t labels_put(struct labels *L, const char *s, size_t n, int32_t id)
{
	if ((L->n + 1) * 2 > L->nslot)
		labels_rehash(L);
	uint64_t h = label_hash(s, n);
	size_t mask = L->nslot - 1, i = h & mask;
	for (uint32_t k; (k = L->slot[i]); i = (i + 1) & mask) {
		const struct label *e = &L->ent[k - 1];
		if (e->h == h && e->len == n && memcmp(L->text.s + e->off, s, n) == 0)
			return e->id;
	}
	if (!id) {
		if (L->next == INT32_MAX || L->n >= UINT32_MAX - 1)
			return -1;
		id = L->next++;
	} else if (id >= L->next) {
		L->next = id == INT32_MAX ? INT32_MAX : id + 1;
	}
	if (L->n == L->cap) {
		L->cap = L->cap ? L->cap * 2 : 64;
		L->ent = mutu_realloc(L->ent, L->cap * sizeof *L->ent);
	}
	L->ent[L->n] = (struct label){.off = L->text.len, .len = n, .h = h, .id = id};
	mutu_buf_add(&L->text, s, n);
	L->slot[i] = (uint32_t)++L->n;
	return id;
}

static void labels_release(struct labels *L)
{
	free(L->ent);
	free(L->slot);
	mutu_buf_release(&L->text);
	memset(L, 0, sizeof *L);
}

/* Ids reserved and not yet used: blocks of `block` ids starting at each
 * start[i..n), the current one [next, end).  `want` blocks are asked for
 * the next time (doubling up to MAX_BLOCKS). */
struct idblocks {
	int64_t start[MAX_BLOCKS];
	int n, i, want;
	int64_t next, end;
};

/* an event row of the current case in pg_writer.run */
struct runrow {
	uint64_t dkey;
	size_t off, len;
};

struct pg_writer {
	struct store_writer base;
	struct pg_store *p;
	char table[40];         /* where events go: "events", or the office's new partition */
	int fresh;              /* the office's first batch: table is a new partition, without
				 * indexes until writer_finish attaches it */
	int fresh_keyed;        /* ... but with its key's unique index built early (same_event) */
	char ctable[40];        /* the office's cases partition: new cases are COPYed straight in */
	int cfresh;             /* ... made by this batch, without indexes until writer_finish
				 * attaches it (PostgreSQL schema 8) */
	int64_t batch;
	char batch_s[24];
	struct wcase *cases;
	size_t ncases, capcases;
	size_t *by_key, *by_id; /* open addressing: index + 1, 0 empty */
	size_t hcap;
	int preloaded;          /* every existing case key of the office is in the table */
	struct ekey *ev;        /* event set */
	size_t nev, evcap;
	uint64_t *keys;         /* dkeys of new cases' events, a case's run at a time (ev_find) */
	uint64_t *kinst;        /* ... and their inst_fp, at the same index */
	size_t nkeys, capkeys;
	struct srow *rows;      /* stored events of the existing cases touched */
	size_t nrows, caprows;
	struct labels labels;   /* the office's labels, text -> id (PostgreSQL schema 9) */
	struct idblocks cids, eids; /* reserved case and event ids */
	struct mutu_buf events, rejected, eattr, cattr;
	struct mutu_buf run;    /* event rows of case run_case not yet in events */
	struct mutu_buf office_field; /* the office as a binary COPY field (length + text), the same every row */
	struct runrow *runrows;
	size_t nrun, caprun;
	int64_t run_case;
	int64_t seq;            /* order of attribute rows, for first/last wins */
	char **types;           /* "scope\tname\ttype" already recorded */
	size_t ntypes;
	int failed;
	int finished;           /* writer_finish done: no COPY open, attr types go in at once */
};

#define PGW(w) ((struct pg_writer *)(w))

/* a case key's hash: the project's FNV-1a, its high bits folded down
 * (the tables take the low ones) */
static uint64_t hash_str(const char *s, size_t n)
{
	uint64_t h = mutu_fnv1a(s, n);
	return h ^ (h >> 29);
}

static uint64_t hash_id(int64_t id, uint64_t k)
{
	uint64_t h = (uint64_t)id * 0x9E3779B97F4A7C15ULL ^ (k + 0x632BE59BD9B4E019ULL) * 0xBF58476D1CE4E5B9ULL;
	return h ^ (h >> 31);
}

static void case_tables_grow(struct pg_writer *w)
{
	size_t cap = w->hcap ? w->hcap * 2 : 1024;
	free(w->by_key);
	free(w->by_id);
	w->by_key = mutu_calloc(cap, sizeof *w->by_key);
	w->by_id = mutu_calloc(cap, sizeof *w->by_id);
	w->hcap = cap;
	for (size_t i = 0; i < w->ncases; i++) {
		struct wcase *c = &w->cases[i];
		size_t h = hash_str(c->key, strlen(c->key)) & (cap - 1);
		while (w->by_key[h])
			h = (h + 1) & (cap - 1);
		w->by_key[h] = i + 1;
		h = hash_id(c->id, 0) & (cap - 1);
		while (w->by_id[h])
			h = (h + 1) & (cap - 1);
		w->by_id[h] = i + 1;
	}
}

static struct wcase *case_add(struct pg_writer *w, const char *key, size_t n, int64_t id)
{
	if (w->ncases == w->capcases) {
		w->capcases = w->capcases ? w->capcases * 2 : 1024;
		w->cases = mutu_realloc(w->cases, w->capcases * sizeof *w->cases);
	}
	struct wcase *c = &w->cases[w->ncases++];
	memset(c, 0, sizeof *c);
	c->key = mutu_strndup(key, n);
	c->id = id;
	if (w->ncases * 2 > w->hcap) {
		case_tables_grow(w); /* rehashes c too */
		return c;
	}
	size_t h = hash_str(key, n) & (w->hcap - 1);
	while (w->by_key[h])
		h = (h + 1) & (w->hcap - 1);
	w->by_key[h] = w->ncases;
	h = hash_id(id, 0) & (w->hcap - 1);
	while (w->by_id[h])
		h = (h + 1) & (w->hcap - 1);
	w->by_id[h] = w->ncases;
	return c;
}

static struct wcase *case_by_key(struct pg_writer *w, const char *key, size_t n)
{
	if (!w->hcap)
		return NULL;
	for (size_t h = hash_str(key, n) & (w->hcap - 1); w->by_key[h]; h = (h + 1) & (w->hcap - 1)) {
		struct wcase *c = &w->cases[w->by_key[h] - 1];
		if (strlen(c->key) == n && memcmp(c->key, key, n) == 0)
			return c;
	}
	return NULL;
}

static struct wcase *case_by_id(struct pg_writer *w, int64_t id)
{
	if (!w->hcap)
		return NULL;
	for (size_t h = hash_id(id, 0) & (w->hcap - 1); w->by_id[h]; h = (h + 1) & (w->hcap - 1)) {
		struct wcase *c = &w->cases[w->by_id[h] - 1];
		if (c->id == id)
			return c;
	}
	return NULL;
}

static void ev_put(struct pg_writer *w, int64_t case_id, uint64_t dkey, int64_t event_id, size_t row,
		   uint64_t inst);

static char *text_array(const char *const *names, size_t n);

static void ev_grow(struct pg_writer *w)
{
	struct ekey *old = w->ev;
	size_t oldcap = w->evcap;
	w->evcap = oldcap ? oldcap * 2 : 4096;
	w->ev = mutu_calloc(w->evcap, sizeof *w->ev);
	w->nev = 0;
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].case_id)
			ev_put(w, old[i].case_id, old[i].dkey, old[i].event_id, old[i].row, old[i].inst);
	free(old);
}

static void ev_put(struct pg_writer *w, int64_t case_id, uint64_t dkey, int64_t event_id, size_t row,
		   uint64_t inst)
{
	if ((w->nev + 1) * 2 > w->evcap)
		ev_grow(w);
	size_t h = hash_id(case_id, dkey) & (w->evcap - 1);
	while (w->ev[h].case_id)
		h = (h + 1) & (w->evcap - 1);
	w->ev[h].case_id = case_id;
	w->ev[h].dkey = dkey;
	w->ev[h].event_id = event_id;
	w->ev[h].row = row;
	w->ev[h].inst = inst;
	w->nev++;
}

/* The event stored under (case, dkey), or NULL. */
static const struct ekey *ev_get(struct pg_writer *w, int64_t case_id, uint64_t dkey)
{
	if (!w->evcap)
		return NULL;
	for (size_t h = hash_id(case_id, dkey) & (w->evcap - 1); w->ev[h].case_id; h = (h + 1) & (w->evcap - 1))
		if (w->ev[h].case_id == case_id && w->ev[h].dkey == dkey)
			return &w->ev[h];
	return NULL;
}

/* keys of a new case kept in its own run of pg_writer.keys at most: the
 * lookup scans them (a case with more goes to the hash set) */
#define LOCAL_KEYS 64

/* Is (c, dkey) an event already, of this batch or stored?  1 with *k
 * filled (for same_event), else 0. */
static int ev_find(struct pg_writer *w, const struct wcase *c, uint64_t dkey, struct ekey *k)
{
	if (c->local) {
		for (size_t i = c->kbeg; i < c->kend; i++)
			if (w->keys[i] == dkey) {
				memset(k, 0, sizeof *k);
				k->case_id = c->id;
				k->dkey = dkey;
				k->inst = w->kinst[i];
				return 1; /* an event of this batch: row 0 */
			}
		return 0;
	}
	const struct ekey *e = ev_get(w, c->id, dkey);
	if (e)
		*k = *e;
	return e != NULL;
}

/* (c, dkey) recorded as event id.  A new case's keys stay in one run at
 * the end of keys while its events are consecutive and few; a case met
 * again after another's events, or with more than LOCAL_KEYS, moves its
 * keys to the hash set for good. */
static void ev_add(struct pg_writer *w, struct wcase *c, uint64_t dkey, int64_t id, uint64_t inst)
{
	if (c->local) {
		if (c->kbeg == c->kend)
			c->kbeg = c->kend = w->nkeys; /* first key: its run starts here */
		if (c->kend == w->nkeys && c->kend - c->kbeg < LOCAL_KEYS) {
			if (w->nkeys == w->capkeys) {
				w->capkeys = w->capkeys ? w->capkeys * 2 : 4096;
				w->keys = mutu_realloc(w->keys, w->capkeys * sizeof *w->keys);
				w->kinst = mutu_realloc(w->kinst, w->capkeys * sizeof *w->kinst);
			}
			w->kinst[w->nkeys] = inst;
			w->keys[w->nkeys++] = dkey;
			c->kend++;
			return;
		}
		for (size_t i = c->kbeg; i < c->kend; i++)
			ev_put(w, c->id, w->keys[i], 0, 0, w->kinst[i]);
		if (c->kend == w->nkeys)
			w->nkeys = c->kbeg; /* the tail is free again */
		c->local = 0;
	}
	ev_put(w, c->id, dkey, id, 0, inst);
}

/* The number of blocks a first reservation asks for: what `expect` ids
 * need, 1 to MAX_BLOCKS. */
static int blocks_for(uint64_t expect, int64_t block)
{
	uint64_t n = expect / (uint64_t)block + 1;
	return n > MAX_BLOCKS ? MAX_BLOCKS : (int)n;
}

/* The next id of b, reserving more blocks of sequence seq when b is used
 * up: one nextval a block, all in one statement.  The blocks of one call
 * need not be adjacent (another ingest may take ids in between): each is
 * [start, start + block). */
static int take_id(struct pg_writer *w, const char *seq, int64_t block, struct idblocks *b, int64_t *id,
		   struct mutu_err *err)
{
	if (b->next == b->end) {
		if (b->i == b->n) {
			char sql[96];
			int k = b->want < 1 ? 1 : b->want;
			snprintf(sql, sizeof sql, "SELECT nextval('%s') FROM generate_series(1, %d)", seq, k);
			PGresult *r = query(w->p, sql, 0, NULL, "reserving ids", err);
			if (!r)
				return err->code;
			b->n = PQntuples(r) < MAX_BLOCKS ? PQntuples(r) : MAX_BLOCKS;
			for (int i = 0; i < b->n; i++)
				b->start[i] = get_i64(r, i, 0);
			PQclear(r);
			b->i = 0;
			b->want = k * 2 > MAX_BLOCKS ? MAX_BLOCKS : k * 2;
			if (!b->n)
				return mutu_errf(err, MUTU_EFAIL, "store %s: reserving ids: %s gave none",
						 w->p->base.where, seq);
		}
		b->next = b->start[b->i++];
		b->end = b->next + block;
	}
	*id = b->next++;
	return 0;
}

/* The buffered event rows into the COPY open on the events table (opened
 * first if another statement closed it). */
static int stream_events(struct pg_writer *w, struct mutu_err *err)
{
	if (!w->events.len)
		return 0;
	int rc = 0;
	if (!w->p->copy_in) {
		char t[300];
		snprintf(t, sizeof t,
			 "%s (%sid, case_id, %sline, step, activity_id, actor_id, lifecycle_id, "
			 "start_ms, start_off, end_ms, end_off, unknown, dkey, sorting)",
			 w->table, w->fresh ? "" : "office, ", w->fresh ? "" : "batch_id, ");
		rc = copy_start(w->p, t, 1, err);
	}
	if (!rc)
		rc = copy_put(w->p, &w->events, err);
	return rc;
}

static int runrow_cmp(const void *a, const void *b)
{
	uint64_t x = ((const struct runrow *)a)->dkey, y = ((const struct runrow *)b)->dkey;
	return (x > y) - (x < y);
}

/* The current case's rows into events, in dkey order. */
static void run_flush(struct pg_writer *w)
{
	if (w->nrun > 1)
		qsort(w->runrows, w->nrun, sizeof *w->runrows, runrow_cmp);
	for (size_t i = 0; i < w->nrun; i++)
		mutu_buf_add(&w->events, w->run.s + w->runrows[i].off, w->runrows[i].len);
	w->nrun = 0;
	mutu_buf_reset(&w->run);
}

/* Every event sent and stored (the COPY ended): the server's view is
 * complete. */
static int flush_events(struct pg_writer *w, struct mutu_err *err)
{
	run_flush(w);
	int rc = stream_events(w, err);
	return rc ? rc : copy_close(w->p, err);
}

/* new case rows, last_done_step with them (pg_writer_finish: into the
 * office's partition of cases) */
#define CASES_COLS "(office, id, case_key, sop, batch_id, first_ms, last_ms, last_done_step)"

/* the attribute staging tables (pg_writer_open creates them) as COPY targets */
#define STAGE_CATTR "pg_stage_cattr (seq, case_id, name, value)"
#define STAGE_EATTR "pg_stage_eattr (seq, event_id, name, value)"

static int flush_all(struct pg_writer *w, struct mutu_err *err)
{
	int rc;
	if ((rc = flush_events(w, err)) ||
	    (rc = copy_rows(w->p, "rejected (office, batch_id, line, raw, reason)", &w->rejected, err)) ||
	    (rc = copy_rows(w->p, STAGE_CATTR, &w->cattr, err)) ||
	    (rc = copy_rows(w->p, STAGE_EATTR, &w->eattr, err)))
		return rc;
	return 0;
}

/* The labels this batch added into table labels, in its transaction. */
static int labels_store(struct pg_writer *w, struct mutu_err *err)
{
	const struct labels *L = &w->labels;
	if (L->stored == L->n)
		return 0;
	struct mutu_buf b;
	mutu_buf_init(&b);
	for (size_t i = L->stored; i < L->n; i++) {
		copy_str(&b, 1, office_of(w->p));
		copy_int(&b, 0, 1, L->ent[i].id);
		copy_text(&b, 0, L->text.s + L->ent[i].off, L->ent[i].len);
		mutu_buf_putc(&b, '\n');
	}
	int rc = copy_rows(w->p, "labels (office, id, label)", &b, err);
	mutu_buf_release(&b);
	return rc;
}

static int wfail(struct pg_writer *w, int rc)
{
	w->failed = 1;
	copy_abort(w->p); /* the connection must take the ROLLBACK */
	return rc;
}

/* A new partition PART of PARENT ("events" or "cases") for the store's
 * office, not attached yet: filled without indexes, attached by
 * writer_finish (part_attach), which has the parent's indexes built on it.
 * The CHECK matches the partition bound, so ATTACH PARTITION need not scan
 * the table to prove it (PostgreSQL's documented shortcut). */
static int part_create(struct pg_store *p, const char *parent, const char *part, int64_t batch,
		       struct mutu_err *err)
{
	char *lit = PQescapeLiteral(p->conn, office_of(p), strlen(office_of(p)));
	struct mutu_buf q;
	mutu_buf_init(&q);
	mutu_buf_printf(&q, "CREATE TABLE %s (LIKE %s INCLUDING DEFAULTS, CHECK (office = %s))", part, parent,
			lit ? lit : "''");
	/* the office and the batch as the new events partition's defaults,
	 * so its rows are sent without them (two of fifteen fields: 0.73-0.78
	 * s against 0.81-0.85 s of the server's COPY of 10^6 rows);
	 * part_attach puts the parent's back */
	if (batch)
		mutu_buf_printf(&q, "; ALTER TABLE %s ALTER COLUMN office SET DEFAULT %s, ALTER COLUMN batch_id SET DEFAULT %" PRId64,
				part, lit ? lit : "''", batch);
	PQfreemem(lit);
	int rc = exec0(p, q.s, "a partition for the office", err);
	mutu_buf_release(&q);
	return rc;
}

static int pg_writer_open(struct mutu_store *s, int64_t batch_id, uint64_t bytes_hint, struct store_writer **out,
			  struct mutu_err *err)
{
	struct pg_store *p = PGS(s);
	*out = NULL;
	struct pg_writer *w = mutu_calloc(1, sizeof *w);
	w->base.s = s;
	w->p = p;
	w->batch = batch_id;
	snprintf(w->batch_s, sizeof w->batch_s, "%" PRId64, batch_id);
	mutu_buf_init(&w->events);
	mutu_buf_init(&w->run);
	mutu_buf_init(&w->rejected);
	mutu_buf_init(&w->eattr);
	mutu_buf_init(&w->cattr);
	mutu_buf_init(&w->labels.text);
	w->labels.next = 1;
	mutu_buf_init(&w->office_field);
	size_t olen = strlen(office_of(p));
	char *oq = bin_room(&w->office_field, 4 + 3 * olen);
	w->office_field.len = (size_t)(bin_text(oq, office_of(p), olen) - w->office_field.s);
	w->office_field.s[w->office_field.len] = '\0';
	snprintf(w->table, sizeof w->table, "events");
	/* the first reservations sized from the file (~100 bytes an event,
	 * ten events a case), later ones doubling */
	w->eids.want = blocks_for(bytes_hint / 100, EVENT_BLOCK);
	w->cids.want = blocks_for(bytes_hint / 1000, CASE_BLOCK);
	/* the case tables sized for that many cases at once (two to four
	 * slots of 8 bytes a case in each hash table), not grown by
	 * doubling from 1,024: each doubling rehashed every case so far */
	if (bytes_hint / 1000 > 512) {
		size_t want = (size_t)(bytes_hint / 1000);
		w->hcap = 1024;
		while (w->hcap < want * 2)
			w->hcap *= 2;
		w->by_key = mutu_calloc(w->hcap, sizeof *w->by_key);
		w->by_id = mutu_calloc(w->hcap, sizeof *w->by_id);
		w->capcases = want;
		w->cases = mutu_malloc(w->capcases * sizeof *w->cases);
	}
	/* the office's partitions of events and cases: named by a hash of
	 * the office (any text); the cases' one, with the number of rows it
	 * held at its last index build or vacuum (the sizing below) */
	const char *ov[] = {office_of(p)};
	PGresult *pr0 = query(p,
			      "SELECT 'events_' || substr(md5($1), 1, 16), to_regclass('events_' || "
			      "substr(md5($1), 1, 16)) IS NULL, 'cases_' || substr(md5($1), 1, 16), "
			      "(SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = "
			      "to_regclass('cases_' || substr(md5($1), 1, 16)))",
			      1, ov, "preparing the batch", err);
	int rc = 0;
	if (!pr0) {
		rc = err->code;
		goto fail;
	}
	w->fresh = PQgetvalue(pr0, 0, 1)[0] == 't';
	if (w->fresh) /* else "events", as set above: rows go through the parent */
		snprintf(w->table, sizeof w->table, "%s", PQgetvalue(pr0, 0, 0));
	snprintf(w->ctable, sizeof w->ctable, "%s", PQgetvalue(pr0, 0, 2));
	w->cfresh = is_null(pr0, 0, 3);
	int64_t have = w->cfresh ? 0 : get_i64(pr0, 0, 3);
	PQclear(pr0);
	if ((w->fresh && (rc = part_create(p, "events", w->table, batch_id, err))) ||
	    (w->cfresh && (rc = part_create(p, "cases", w->ctable, 0, err))))
		goto fail;
	rc = exec0(p,
		       "CREATE TEMP TABLE pg_stage_cattr (seq bigint, case_id bigint, name text, value text) "
		       "ON COMMIT DROP;"
		       "CREATE TEMP TABLE pg_stage_eattr (seq bigint, event_id bigint, name text, value text) "
		       "ON COMMIT DROP;"
		       "CREATE TEMP TABLE pg_stage_span (id bigint, first_ms bigint, last_ms bigint) "
		       "ON COMMIT DROP",
		       "preparing the batch", err);
	if (rc)
		goto fail;
	/*
	 * Read the office's case keys at once when the store is not much
	 * larger than the batch (~1 us a key), else look keys up one by one
	 * (~30 us a round trip): a nightly file of 1,000 events into a store
	 * of a million cases should not read the million.  The batch's cases
	 * are guessed at one per 1,000 bytes of log (ten rows of ~100 bytes).
	 */
	PGresult *r;
	if (have <= 30 * (int64_t)(bytes_hint / 1000 + 1)) {
		const char *v[] = {office_of(p)};
		r = query(p, "SELECT id, case_key FROM cases WHERE office = $1", 1, v, "reading the case keys", err);
		if (!r) {
			rc = err->code;
			goto fail;
		}
		for (int i = 0; i < PQntuples(r); i++)
			case_add(w, PQgetvalue(r, i, 1), (size_t)PQgetlength(r, i, 1), get_i64(r, i, 0));
		PQclear(r);
		w->preloaded = 1;
	}
	/* the office's labels (a few dozen: every distinct activity, actor
	 * and lifecycle of its logs) */
	{
		const char *v[] = {office_of(p)};
		r = query(p, "SELECT id, label FROM labels WHERE office = $1", 1, v, "reading the labels", err);
		if (!r) {
			rc = err->code;
			goto fail;
		}
		for (int i = 0; i < PQntuples(r); i++) {
			int64_t id = get_i64(r, i, 0);
			if (id < 1 || id >= INT32_MAX) {
				rc = mutu_errf(err, MUTU_EINPUT,
					       "store %s: label id %" PRId64 " of office '%s' is out of range "
					       "(1..%d): the store is damaged",
					       p->base.where, id, office_of(p), INT32_MAX - 1);
				PQclear(r);
				goto fail;
			}
			labels_put(&w->labels, PQgetvalue(r, i, 1), (size_t)PQgetlength(r, i, 1), (int32_t)id);
		}
		PQclear(r);
		w->labels.stored = w->labels.n;
	}
	/* prepared once per connection (a failed PREPARE would abort the
	 * batch's transaction, so it is not retried) */
	if (!p->prepared) {
		PGresult *pr = PQprepare(p->conn, "mutu_case_lookup",
					 "SELECT id FROM cases WHERE office = $1 AND case_key = $2", 2, NULL);
		int ok = PQresultStatus(pr) == PGRES_COMMAND_OK;
		if (!ok)
			rc = pg_fail(p, pr, "preparing the batch", err);
		PQclear(pr);
		if (!ok)
			goto fail;
		p->prepared = 1;
	}
	*out = &w->base;
	return 0;
fail:
	w->failed = 1;
	*out = NULL;
	free(w->cases);
	free(w->by_key);
	free(w->by_id);
	mutu_buf_release(&w->events);
	mutu_buf_release(&w->run);
	free(w->runrows);
	mutu_buf_release(&w->rejected);
	mutu_buf_release(&w->eattr);
	mutu_buf_release(&w->cattr);
	labels_release(&w->labels);
	mutu_buf_release(&w->office_field);
	free(w);
	return rc;
}

static int pg_writer_case(struct store_writer *sw, const char *key, size_t key_len, const char *sop, size_t sop_len,
			  const char *office, int64_t *case_id, int *created, struct mutu_err *err)
{
	struct pg_writer *w = PGW(sw);
	(void)office; /* the batch's office: every case of a batch is the office's */
	struct wcase *c = case_by_key(w, key, key_len);
	if (!c && !w->preloaded) {
		int rc = copy_close(w->p, err);
		if (rc)
			return wfail(w, rc);
		char *k = mutu_strndup(key, key_len);
		const char *v[] = {office_of(w->p), k};
		PGresult *r = PQexecPrepared(w->p->conn, "mutu_case_lookup", 2, v, NULL, NULL, 0);
		free(k);
		if (PQresultStatus(r) != PGRES_TUPLES_OK) {
			int rc = pg_fail(w->p, r, "case lookup", err);
			PQclear(r);
			return wfail(w, rc);
		}
		if (PQntuples(r))
			c = case_add(w, key, key_len, get_i64(r, 0, 0));
		PQclear(r);
	}
	if (c) {
		*case_id = c->id;
		*created = 0;
		return 0;
	}
	int64_t id;
	int rc = take_id(w, "cases_ids", CASE_BLOCK, &w->cids, &id, err);
	if (rc)
		return wfail(w, rc);
	c = case_add(w, key, key_len, id);
	c->created = 1;
	c->loaded = 1; /* no stored events */
	c->local = 1;  /* its keys kept apart until they would be slow there (ev_add) */
	c->sop = sop ? mutu_strndup(sop, sop_len) : NULL;
	*case_id = c->id;
	*created = 1;
	return 0;
}

/* One (seq, owner id, name, value) row into a staging buffer, sent to
 * target when it is full: case and event attributes have the same shape. */
static int attr_stage(struct pg_writer *w, struct mutu_buf *buf, const char *target, int64_t id,
		      const char *name, const char *value, size_t value_len, struct mutu_err *err)
{
	copy_int(buf, 1, 1, ++w->seq);
	copy_int(buf, 0, 1, id);
	copy_str(buf, 0, name);
	copy_text(buf, 0, value, value_len);
	mutu_buf_putc(buf, '\n');
	if (buf->len > FLUSH_BYTES) {
		int rc = copy_rows(w->p, target, buf, err);
		if (rc)
			return wfail(w, rc);
	}
	return 0;
}

static int pg_writer_case_attr(struct store_writer *sw, int64_t case_id, const char *name, const char *value,
			       size_t value_len, struct mutu_err *err)
{
	struct pg_writer *w = PGW(sw);
	return attr_stage(w, &w->cattr, STAGE_CATTR, case_id, name, value, value_len, err);
}

/* The stored events of an existing case into the event set, once. */
static int case_load(struct pg_writer *w, struct wcase *c, struct mutu_err *err)
{
	struct num n;
	const char *v[] = {office_of(w->p), num(&n, c->id)};
	PGresult *r = query(w->p,
			    "SELECT dkey, id, activity_id, start_ms, end_ms, actor_id, CASE WHEN lifecycle_id IS NULL "
			    "THEN NULL ELSE (SELECT i.value FROM event_attrs i WHERE i.office = $1 AND i.event_id = "
			    "events.id AND i.value <> '' AND i.name IN ('" STORE_INSTANCE_ATTRS "') ORDER BY i.name "
			    "LIMIT 1) END FROM events WHERE office = $1 AND case_id = $2",
			    2, v, "reading a case's events", err);
	if (!r)
		return err->code;
	for (int i = 0; i < PQntuples(r); i++) {
		if (w->nrows == w->caprows) {
			w->caprows = w->caprows ? w->caprows * 2 : 256;
			w->rows = mutu_realloc(w->rows, w->caprows * sizeof *w->rows);
		}
		struct srow *sr = &w->rows[w->nrows++];
		sr->act = (int32_t)get_i64(r, i, 2);
		sr->has_start = !is_null(r, i, 3);
		sr->start = sr->has_start ? get_i64(r, i, 3) : 0;
		sr->has_end = !is_null(r, i, 4);
		sr->end = sr->has_end ? get_i64(r, i, 4) : 0;
		sr->actor = is_null(r, i, 5) ? -1 : (int32_t)get_i64(r, i, 5);
		sr->inst = is_null(r, i, 6) ? 0 : inst_fp(PQgetvalue(r, i, 6), (size_t)PQgetlength(r, i, 6));
		ev_put(w, c->id, (uint64_t)get_i64(r, i, 0), get_i64(r, i, 1), w->nrows, sr->inst);
	}
	PQclear(r);
	c->loaded = 1;
	return 0;
}

/* Is stored event k the same event as e, whose activity and actor are
 * labels act and actor (-1: no actor)?  1 yes, 0 no, <0 error.  Labels
 * are compared by id: an office's ids and texts match one to one.  An
 * event of an earlier batch is compared in memory; one of this batch (a
 * duplicate row in the file, or a collision of the 31-bit key: rare) with
 * the row the server holds, after sending what is buffered. */
static int same_event(struct pg_writer *w, const struct ekey *k, const struct store_event *e, int32_t act,
		      int32_t actor, struct mutu_err *err)
{
	/* the instance id first: kept in memory for every event met (the
	 * event of this batch's has its attribute still staged, not in
	 * event_attrs) */
	if (k->inst != inst_fp(e->instance, e->instance_len))
		return 0;
	if (k->row) {
		const struct srow *sr = &w->rows[k->row - 1];
		return sr->act == act && sr->has_start == !!e->has_start &&
		       (!e->has_start || sr->start == e->start_ms) && sr->has_end == !!e->has_end &&
		       (!e->has_end || sr->end == e->end_ms) && sr->actor == actor;
	}
	int rc = flush_events(w, err); /* it may still be in the buffer */
	if (rc)
		return rc;
	if (w->fresh && !w->fresh_keyed) {
		/* the new partition has no index yet: without one each duplicate
		 * check would read the whole table (thousands of duplicates in a
		 * first load, two overlapping exports joined, would take hours).
		 * Its key's index now; the rest of the batch keeps it up to date,
		 * and writer_finish makes it the primary key as it is. */
		char q[160];
		snprintf(q, sizeof q, "CREATE UNIQUE INDEX %s_key ON %s (case_id, dkey, office)", w->table, w->table);
		if ((rc = exec0(w->p, q, "duplicate check", err)))
			return rc;
		w->fresh_keyed = 1;
	}
	struct num n[2];
	const char *v[] = {office_of(w->p), num(&n[0], k->case_id), num(&n[1], (int64_t)k->dkey)};
	char q[200];
	snprintf(q, sizeof q,
		 "SELECT activity_id, start_ms, end_ms, actor_id FROM %s WHERE office = $1 AND case_id = $2 AND dkey = $3",
		 w->table);
	PGresult *r = query(w->p, q, 3, v, "duplicate check", err);
	if (!r)
		return err->code;
	int same = PQntuples(r) == 1;
	if (same) {
		same = get_i64(r, 0, 0) == act;
		same = same && !is_null(r, 0, 1) == !!e->has_start && (!e->has_start || get_i64(r, 0, 1) == e->start_ms);
		same = same && !is_null(r, 0, 2) == !!e->has_end && (!e->has_end || get_i64(r, 0, 2) == e->end_ms);
		same = same && (is_null(r, 0, 3) ? -1 : get_i64(r, 0, 3)) == actor;
	}
	PQclear(r);
	return same;
}

static int pg_writer_event(struct store_writer *sw, const struct store_event *e, int64_t *event_id, int *dup,
			   struct mutu_err *err)
{
	struct pg_writer *w = PGW(sw);
	int rc;
	*dup = 0;
	struct wcase *c = case_by_id(w, e->case_id);
	if (!c)
		return wfail(w, mutu_errf(err, MUTU_EFAIL, "store %s: event of case id %" PRId64
					  " that this batch did not open (store_writer_case first)",
					  w->p->base.where, e->case_id));
	if (!c->loaded && (rc = case_load(w, c, err)))
		return wfail(w, rc);
	int32_t act = labels_put(&w->labels, e->activity, e->activity_len, 0);
	int32_t actor = e->actor ? labels_put(&w->labels, e->actor, e->actor_len, 0) : -1;
	int32_t life = e->lifecycle ? labels_put(&w->labels, e->lifecycle, e->lifecycle_len, 0) : -1;
	if (act < 0 || (e->actor && actor < 0) || (e->lifecycle && life < 0))
		return wfail(w, mutu_errf(err, MUTU_EINPUT,
					  "store %s: office '%s' has 2^31 distinct activities, actors and "
					  "lifecycles; no more fit",
					  w->p->base.where, office_of(w->p)));
	uint64_t dkey = e->dkey;
	for (struct ekey old; ev_find(w, c, dkey, &old);) {
		int same = same_event(w, &old, e, act, actor, err);
		if (same < 0)
			return wfail(w, same);
		if (same) {
			*dup = 1;
			return 0;
		}
		dkey++; /* a true collision of the 31-bit key: the next one, still exact */
	}
	int64_t id;
	if ((rc = take_id(w, "events_ids", EVENT_BLOCK, &w->eids, &id, err)))
		return wfail(w, rc);
	ev_add(w, c, dkey, id, inst_fp(e->instance, e->instance_len));
	c->changed = 1;
	*event_id = id;
	if (w->nrun && w->run_case != e->case_id)
		run_flush(w);
	if (w->nrun == w->caprun) {
		w->caprun = w->caprun ? w->caprun * 2 : 64;
		w->runrows = mutu_realloc(w->runrows, w->caprun * sizeof *w->runrows);
	}
	struct mutu_buf *b = &w->run;
	struct runrow *rr = &w->runrows[w->nrun++];
	w->run_case = e->case_id;
	rr->dkey = dkey;
	rr->off = b->len;
	/* binary COPY: the columns of stream_events, with their SQL types;
	 * room for the longest row: the field count, the office and fifteen
	 * numbers of at most 12 bytes */
	char *q = bin_room(b, 2 + w->office_field.len + 15 * 12);
	/* a new partition takes office and batch_id as defaults (part_create):
	 * its rows leave them out, as stream_events' column list does */
	q = bin_be16(q, w->fresh ? 14 : 16);
	if (!w->fresh) {
		memcpy(q, w->office_field.s, w->office_field.len);
		q += w->office_field.len;
	}
	q = bin_i8(q, 1, id);
	q = bin_i8(q, 1, e->case_id);
	if (!w->fresh)
		q = bin_i8(q, 1, w->batch);
	q = bin_i8(q, 1, e->line);
	q = bin_i4(q, e->step != 0, e->step);
	q = bin_i4(q, 1, act);
	q = bin_i4(q, actor >= 0, actor);
	q = bin_i4(q, life >= 0, life);
	q = bin_i8(q, e->has_start, e->start_ms);
	q = bin_i4(q, e->has_start, e->start_off);
	q = bin_i8(q, e->has_end, e->end_ms);
	q = bin_i4(q, e->has_end, e->end_off);
	q = bin_i2(q, (int16_t)e->unknown);
	q = bin_i8(q, 1, (int64_t)dkey);
	q = bin_i8(q, e->has_sorting, e->sorting);
	b->len = (size_t)(q - b->s);
	b->s[b->len] = '\0';
	rr->len = b->len - rr->off;
	if (e->has_end && (!c->has_done || e->end_ms > c->done_end ||
			   (e->end_ms == c->done_end && e->step > c->done_step)))
		c->has_done = 1, c->done_end = e->end_ms, c->done_step = e->step;
	/* the case's span: first = earliest start (else end), last = latest
	 * end (else start of an open row) */
	if (e->has_start || e->has_end) {
		int64_t f = e->has_start ? e->start_ms : e->end_ms, l = e->has_end ? e->end_ms : e->start_ms;
		if (!c->has_span) {
			c->first = f, c->last = l, c->has_span = 1, c->span_changed = 1;
		} else {
			if (f < c->first)
				c->first = f, c->span_changed = 1;
			if (l > c->last)
				c->last = l, c->span_changed = 1;
		}
	}
	if (b->len >= STREAM_BYTES) /* a case of thousands of events: sent unsorted beyond this */
		run_flush(w);
	if (w->events.len >= STREAM_BYTES && (rc = stream_events(w, err)))
		return wfail(w, rc);
	return 0;
}

static int pg_writer_event_attr(struct store_writer *sw, int64_t event_id, const char *name, const char *value,
				size_t value_len, struct mutu_err *err)
{
	struct pg_writer *w = PGW(sw);
	return attr_stage(w, &w->eattr, STAGE_EATTR, event_id, name, value, value_len, err);
}

static int pg_writer_rejected(struct store_writer *sw, int64_t line, const char *raw, size_t raw_len,
			      const char *reason, size_t reason_len, struct mutu_err *err)
{
	struct pg_writer *w = PGW(sw);
	struct mutu_buf *b = &w->rejected;
	copy_str(b, 1, office_of(w->p));
	copy_int(b, 0, 1, w->batch);
	copy_int(b, 0, 1, line);
	copy_bytea(b, 0, raw, raw_len);
	copy_text(b, 0, reason, reason_len);
	mutu_buf_putc(b, '\n');
	if (b->len > FLUSH_BYTES) {
		int rc = copy_rows(w->p, "rejected (office, batch_id, line, raw, reason)", b, err);
		if (rc)
			return wfail(w, rc);
	}
	return 0;
}

static int pg_writer_attr_type(struct store_writer *sw, const char *scope, const char *name, const char *type,
			       struct mutu_err *err)
{
	struct pg_writer *w = PGW(sw);
	if (w->failed)
		return mutu_errf(err, MUTU_EFAIL, "store %s: the batch failed earlier", w->p->base.where);
	size_t sl = strlen(scope), nl = strlen(name);
	for (size_t i = 0; i < w->ntypes; i++)
		if (strncmp(w->types[i], scope, sl) == 0 && w->types[i][sl] == '\t' &&
		    strncmp(w->types[i] + sl + 1, name, nl) == 0 && w->types[i][sl + 1 + nl] == '\t')
			return 0;
	struct mutu_buf b;
	mutu_buf_init(&b);
	mutu_buf_printf(&b, "%s\t%s\t%s", scope, name, type);
	w->types = mutu_realloc(w->types, (w->ntypes + 1) * sizeof *w->types);
	w->types[w->ntypes++] = mutu_buf_detach(&b);
	mutu_buf_release(&b);
	if (!w->finished)
		return 0; /* written by writer_finish, in one COPY with the others */
	/* after finish (the XES reader knows a key's type only once the whole
	 * file is read, and elog.c writes the types after store_writer_finish):
	 * one INSERT each, in the batch's transaction like every other row, so a
	 * batch that fails later leaves none.  Before, these were kept for a
	 * finish that had already run: a PostgreSQL store had no attr_types. */
	char bid[24];
	snprintf(bid, sizeof bid, "%" PRId64, w->batch);
	const char *v[] = {office_of(w->p), bid, scope, name, type};
	int rc = execp(w->p, "INSERT INTO attr_types (office, batch_id, scope, name, type) VALUES ($1, $2, $3, $4, $5)",
		       5, v, "attribute types", err);
	return rc ? wfail(w, rc) : 0;
}

/*
 * batch_touch (schema 3) for the writer's batch, after the cases' spans
 * were widened: per SOP of the office the earliest first_ms among the
 * cases the batch created or gave an event (created, or their stored
 * events loaded for the duplicate test), with this transaction's id
 * (store_sqlite.c, sq_batch_touch, says why).  A batch that supersedes
 * older ones also takes their rows, or, for one written before schema 3,
 * a row that stales every summary of the office (sop U+0001, the
 * smallest low_ms).
 * The cases the batch created are all in memory with the span their row
 * was sent with, so their minimum per SOP is taken here and sent as one
 * row per SOP; the server reads back only the cases that existed before
 * (for a first load of 100,000 cases the statement read them all again
 * through an = ANY of 100,000 ids: 0.2 s at load 2, server log).  Both
 * statements merge into the same row with least(), so the order and
 * a SOP in both do not matter.
 */
static int pg_batch_touch(struct pg_writer *w, struct mutu_err *err)
{
	struct pg_store *p = w->p;
	struct num nb;
	int rc = 0;
	/* created cases: the least first_ms per coalesce(sop, '') */
	const char **sops = NULL;
	int64_t *lows = NULL;
	size_t nsops = 0, last = 0;
	int text_ok = 1; /* every SOP valid UTF-8, as stored (else the server groups them) */
	for (size_t i = 0; i < w->ncases && text_ok; i++) {
		const struct wcase *c = &w->cases[i];
		if (!c->created || !c->has_span)
			continue;
		const char *sop = c->sop ? c->sop : "";
		if (!(nsops && strcmp(sops[last], sop) == 0)) {
			for (last = 0; last < nsops && strcmp(sops[last], sop) != 0; last++)
				;
			if (last == nsops) {
				text_ok = utf8_ok((const unsigned char *)sop, strlen(sop));
				sops = mutu_realloc(sops, (nsops + 1) * sizeof *sops);
				lows = mutu_realloc(lows, (nsops + 1) * sizeof *lows);
				sops[nsops] = sop;
				lows[nsops++] = c->first;
			}
		}
		if (c->first < lows[last])
			lows[last] = c->first;
	}
	if (text_ok && nsops) {
		char *sa = text_array(sops, nsops);
		struct mutu_buf la;
		mutu_buf_init(&la);
		mutu_buf_putc(&la, '{');
		for (size_t i = 0; i < nsops; i++)
			mutu_buf_printf(&la, "%s%" PRId64, i ? "," : "", lows[i]);
		mutu_buf_putc(&la, '}');
		const char *v[] = {office_of(p), num(&nb, w->batch), sa, la.s};
		rc = execp(p,
			   "INSERT INTO batch_touch (office, batch_id, sop, low_ms, xid)"
			   " SELECT $1, $2, t.sop, t.low_ms, txid_current()"
			   " FROM unnest($3::text[], $4::bigint[]) AS t(sop, low_ms)"
			   " ON CONFLICT (office, batch_id, sop) DO UPDATE SET low_ms = least(batch_touch.low_ms, excluded.low_ms)",
			   4, v, "the batch's month-summary marks", err);
		free(sa);
		mutu_buf_release(&la);
	}
	free(sops);
	free(lows);
	/* the cases that existed before the batch (all of them when a SOP
	 * name would not go into the array as stored) */
	struct mutu_buf ids;
	mutu_buf_init(&ids);
	mutu_buf_putc(&ids, '{');
	size_t n = 0;
	for (size_t i = 0; i < w->ncases; i++) {
		const struct wcase *c = &w->cases[i];
		if ((c->created || c->loaded || c->local) && (!c->created || !text_ok))
			mutu_buf_printf(&ids, "%s%" PRId64, n++ ? "," : "", c->id);
	}
	mutu_buf_putc(&ids, '}');
	const char *v[] = {office_of(p), num(&nb, w->batch), ids.s};
	if (!rc && n)
		rc = execp(p,
			   "INSERT INTO batch_touch (office, batch_id, sop, low_ms, xid)"
			   " SELECT $1, $2, coalesce(sop, ''), min(first_ms), txid_current() FROM cases"
			   " WHERE office = $1 AND id = ANY($3::bigint[]) AND first_ms IS NOT NULL"
			   " GROUP BY coalesce(sop, '')"
			   " ON CONFLICT (office, batch_id, sop) DO UPDATE SET low_ms = least(batch_touch.low_ms, excluded.low_ms)",
			   3, v, "the batch's month-summary marks", err);
	if (!rc)
		rc = execp(p,
			   "INSERT INTO batch_touch (office, batch_id, sop, low_ms, xid)"
			   " SELECT $1, $2, t.sop, t.low_ms, txid_current() FROM batch_touch t JOIN batches b"
			   " ON b.office = t.office AND b.id = t.batch_id WHERE b.office = $1 AND b.superseded_by = $2"
			   " UNION ALL SELECT $1, $2, chr(1), -9223372036854775808, txid_current() FROM batches b"
			   " WHERE b.office = $1 AND b.superseded_by = $2 AND NOT EXISTS (SELECT 1 FROM batch_touch t"
			   " WHERE t.office = b.office AND t.batch_id = b.id)"
			   " ON CONFLICT (office, batch_id, sop) DO UPDATE SET low_ms = least(batch_touch.low_ms, excluded.low_ms)",
			   2, v, "the batch's month-summary marks", err);
	mutu_buf_release(&ids);
	return rc;
}

/* Attach PART, made by part_create and filled, as the office's partition
 * of PARENT, after the statements PRE (may be ""); the parent's indexes
 * that PART lacks are built on it then, once, sorted, with the memory for
 * a million rows' sort. */
static int part_attach(struct pg_store *p, const char *parent, const char *part, const char *pre,
		       const char *what, struct mutu_err *err)
{
	char *lit = PQescapeLiteral(p->conn, office_of(p), strlen(office_of(p)));
	struct mutu_buf q;
	mutu_buf_init(&q);
	mutu_buf_printf(&q,
			"SET LOCAL maintenance_work_mem = '256MB';%s"
			"ALTER TABLE %s ATTACH PARTITION %s FOR VALUES IN (%s)",
			pre, parent, part, lit ? lit : "''");
	PQfreemem(lit);
	int rc = exec0(p, q.s, what, err);
	mutu_buf_release(&q);
	return rc;
}

/* cases_open's order of two cases (sop, last_done_step, last_ms; NULLs
 * last, as ASC puts them; text by bytes, as COLLATE "C"), then id */
static int cases_open_cmp(const void *a, const void *b)
{
	const struct wcase *x = *(struct wcase *const *)a, *y = *(struct wcase *const *)b;
	if (!x->sop != !y->sop)
		return x->sop ? -1 : 1;
	int d = x->sop ? strcmp(x->sop, y->sop) : 0;
	if (d)
		return d;
	if (x->has_done != y->has_done)
		return x->has_done ? -1 : 1;
	if (x->has_done && x->done_step != y->done_step)
		return x->done_step < y->done_step ? -1 : 1;
	if (x->has_span != y->has_span)
		return x->has_span ? -1 : 1;
	if (x->has_span && x->last != y->last)
		return x->last < y->last ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

/* The order the cases go into a new cases partition (NULL: as they are):
 * cases_open's, so ATTACH PARTITION builds that index from sorted input.
 * Its leading column is the SOP, five values for 100,000 cases: sorting
 * them unsorted was 130-190 ms of the attach's 340 ms, 80 ms sorted (the
 * other three indexes lose nothing: their keys are integers or all
 * distinct).  An existing partition's indexes are kept row by row: no
 * order helps there. */
static struct wcase **cases_open_order(struct pg_writer *w)
{
	if (!w->cfresh || w->ncases < 2)
		return NULL;
	struct wcase **o = mutu_malloc(w->ncases * sizeof *o);
	for (size_t i = 0; i < w->ncases; i++)
		o[i] = &w->cases[i];
	qsort(o, w->ncases, sizeof *o, cases_open_cmp);
	return o;
}

static int pg_writer_finish(struct store_writer *sw, struct mutu_err *err)
{
	struct pg_writer *w = PGW(sw);
	struct pg_store *p = w->p;
	int rc;
	if (w->failed)
		return mutu_errf(err, MUTU_EFAIL, "store %s: the batch failed earlier", p->base.where);
	if ((rc = flush_all(w, err)) || (rc = labels_store(w, err)))
		return wfail(w, rc);
	if (w->fresh) {
		/* the office's first batch: build its key once, sorted, then
		 * attach the table as the office's partition (the parent's
		 * index takes it over instead of building its own) */
		char pre[320];
		int n = snprintf(pre, sizeof pre,
				 "ALTER TABLE %s ALTER COLUMN office SET DEFAULT '', ALTER COLUMN batch_id DROP DEFAULT;",
				 w->table);
		if (w->fresh_keyed)
			snprintf(pre + n, sizeof pre - (size_t)n, "ALTER TABLE %s ADD PRIMARY KEY USING INDEX %s_key;",
				 w->table, w->table);
		else
			snprintf(pre + n, sizeof pre - (size_t)n, "ALTER TABLE %s ADD PRIMARY KEY (case_id, dkey, office);",
				 w->table);
		if ((rc = part_attach(p, "events", w->table, pre, "attaching the office's events", err)))
			return wfail(w, rc);
		w->fresh = 0;
		snprintf(w->table, sizeof w->table, "events");
	}
	/* new cases, with their spans, into the office's partition (no
	 * routing through the parent); spans of existing cases widened */
	char ccopy[120];
	snprintf(ccopy, sizeof ccopy, "%s " CASES_COLS, w->ctable);
	struct mutu_buf b, u;
	mutu_buf_init(&b);
	mutu_buf_init(&u);
	struct wcase **order = cases_open_order(w);
	for (size_t i = 0; i < w->ncases && !rc; i++) {
		struct wcase *c = order ? order[i] : &w->cases[i];
		if (c->created) {
			copy_str(&b, 1, office_of(p));
			copy_int(&b, 0, 1, c->id);
			copy_str(&b, 0, c->key);
			copy_str(&b, 0, c->sop);
			copy_int(&b, 0, 1, w->batch);
			copy_int(&b, 0, c->has_span, c->first);
			copy_int(&b, 0, c->has_span, c->last);
			copy_int(&b, 0, c->has_done, c->done_step);
			mutu_buf_putc(&b, '\n');
			if (b.len > FLUSH_BYTES)
				rc = copy_rows(p, ccopy, &b, err);
		} else if (c->span_changed) {
			copy_int(&u, 1, 1, c->id);
			copy_int(&u, 0, 1, c->first);
			copy_int(&u, 0, 1, c->last);
			mutu_buf_putc(&u, '\n');
		}
	}
	free(order);
	if (!rc)
		rc = copy_rows(p, ccopy, &b, err);
	/* an office's first cases: ATTACH PARTITION builds the parent's
	 * four indexes on them, sorted (PostgreSQL schema 8) */
	if (!rc && w->cfresh && !(rc = part_attach(p, "cases", w->ctable, "", "attaching the office's cases", err)))
		w->cfresh = 0;
	int upd = u.len > 0;
	if (!rc)
		rc = copy_rows(p, "pg_stage_span (id, first_ms, last_ms)", &u, err);
	mutu_buf_release(&b);
	mutu_buf_release(&u);
	const char *o[] = {office_of(p)};
	if (!rc && upd)
		rc = execp(p,
			   "UPDATE cases c SET first_ms = least(c.first_ms, s.first_ms), "
			   "last_ms = greatest(c.last_ms, s.last_ms) FROM pg_stage_span s "
			   "WHERE c.office = $1 AND c.id = s.id",
			   1, o, "case spans", err);
	/* the marker of schema 2 (last_done_step), for every case this batch
	 * touched, from all its events (not only this batch's).  A new case's
	 * went in with its row (CASES_COLS); this reads the stored events of
	 * the cases that existed before the batch only: for every case of a
	 * first load it read the million events just written again (8.5 s of
	 * a 23 s ingest, server log). */
	size_t nold = 0;
	for (size_t i = 0; i < w->ncases; i++)
		nold += !w->cases[i].created;
	if (!rc && nold) {
		struct mutu_buf ids;
		mutu_buf_init(&ids);
		mutu_buf_putc(&ids, '{');
		for (size_t i = 0, k = 0; i < w->ncases; i++)
			if (!w->cases[i].created)
				mutu_buf_printf(&ids, "%s%" PRId64, k++ ? "," : "", w->cases[i].id);
		mutu_buf_putc(&ids, '}');
		const char *pv[] = {office_of(p), ids.s};
		rc = execp(p,
			   "UPDATE cases c SET last_done_step = d.s FROM (SELECT DISTINCT ON (case_id) case_id,"
			   " coalesce(step, 0) AS s FROM events WHERE office = $1 AND case_id = ANY($2::bigint[])"
			   " AND end_ms IS NOT NULL ORDER BY case_id, end_ms DESC, coalesce(step, 0) DESC) d"
			   " WHERE c.office = $1 AND c.id = d.case_id",
			   2, pv, "case markers", err);
		mutu_buf_release(&ids);
		/* and the kept measures of those this batch stored an event of
		 * (store.h): in this transaction, which holds the office's ingest
		 * lock that a report's store_measure_put tries for; a new case
		 * has none (ids come from a sequence, never twice) */
		mutu_buf_init(&ids);
		mutu_buf_putc(&ids, '{');
		size_t k = 0;
		for (size_t i = 0; i < w->ncases; i++)
			if (!w->cases[i].created && w->cases[i].changed)
				mutu_buf_printf(&ids, "%s%" PRId64, k++ ? "," : "", w->cases[i].id);
		mutu_buf_putc(&ids, '}');
		const char *mv[] = {office_of(p), ids.s};
		if (!rc && k)
			rc = execp(p, "DELETE FROM case_measure WHERE office = $1 AND case_id = ANY($2::bigint[])", 2, mv,
				   "kept case measures", err);
		mutu_buf_release(&ids);
	}
	if (!rc)
		rc = pg_batch_touch(w, err);
	/* first case attribute wins (SQLite: INSERT OR IGNORE), last event
	 * attribute wins (INSERT OR REPLACE) */
	if (!rc)
		rc = execp(p,
			   "INSERT INTO case_attrs (office, case_id, name, value) "
			   "SELECT DISTINCT ON (case_id, name) $1, case_id, name, value FROM pg_stage_cattr "
			   "ORDER BY case_id, name, seq ON CONFLICT DO NOTHING",
			   1, o, "case attributes", err);
	if (!rc)
		rc = execp(p,
			   "INSERT INTO event_attrs (office, event_id, name, value) "
			   "SELECT DISTINCT ON (event_id, name) $1, event_id, name, value FROM pg_stage_eattr "
			   "ORDER BY event_id, name, seq DESC "
			   "ON CONFLICT (office, event_id, name) DO UPDATE SET value = excluded.value",
			   1, o, "event attributes", err);
	if (!rc && w->ntypes) {
		mutu_buf_init(&b);
		for (size_t i = 0; i < w->ntypes; i++) {
			copy_str(&b, 1, office_of(p));
			copy_int(&b, 0, 1, w->batch);
			char *t = w->types[i], *t2 = strchr(t, '\t'), *t3 = strchr(t2 + 1, '\t');
			copy_text(&b, 0, t, (size_t)(t2 - t));
			copy_text(&b, 0, t2 + 1, (size_t)(t3 - t2 - 1));
			copy_str(&b, 0, t3 + 1);
			mutu_buf_putc(&b, '\n');
		}
		rc = copy_rows(p, "attr_types (office, batch_id, scope, name, type)", &b, err);
		mutu_buf_release(&b);
	}
	if (rc)
		return wfail(w, rc);
	w->finished = 1;
	return 0;
}

static void pg_writer_free(struct store_writer *sw)
{
	struct pg_writer *w = PGW(sw);
	if (!w)
		return;
	copy_abort(w->p); /* open only when the batch was abandoned */
	for (size_t i = 0; i < w->ncases; i++) {
		free(w->cases[i].key);
		free(w->cases[i].sop);
	}
	free(w->cases);
	free(w->by_key);
	free(w->by_id);
	free(w->ev);
	free(w->keys);
	free(w->kinst);
	free(w->rows);
	labels_release(&w->labels);
	for (size_t i = 0; i < w->ntypes; i++)
		free(w->types[i]);
	free(w->types);
	mutu_buf_release(&w->events);
	mutu_buf_release(&w->run);
	free(w->runrows);
	mutu_buf_release(&w->rejected);
	mutu_buf_release(&w->eattr);
	mutu_buf_release(&w->cattr);
	mutu_buf_release(&w->office_field);
	free(w);
}

/* ------------------------------------------------------------ reading: cursors */

/*
 * A case cursor merges server-side cursors that all run in case-id order,
 * fetched FETCH_ROWS rows a round trip, so a pass holds one block of each
 * in memory whatever the store's size: for store_cases_open the cases
 * joined with their events (one cursor, binary rows, `joined`) and their
 * case attributes; for the export the cases, their events and attributes
 * (three).  The period filter reaches the cases through cases_last and
 * cases_open (case_source).  Without a transaction of the caller's, the
 * cursor runs in a REPEATABLE READ READ ONLY one of its own.
 */
struct fcur {
	char name[32];
	PGresult *r;   /* current block */
	int row, done;
	int binary;     /* FETCH in binary format (the extended protocol's result format decides) */
	PGresult **old; /* blocks whose rows the last returned case may point into */
	size_t nold;
	PGresult *next; /* the read-ahead's block, taken by fetch_settle (or NULL) */
	int settled;    /* next holds the read-ahead's outcome (NULL: the connection lost it) */
};

struct pg_cursor {
	struct store_cursor base;
	struct pg_store *p;
	int own_tx, export;
	int joined;  /* pg_cases_open: c[0] holds each case's events too (binary), one row an event */
	int pending; /* joined: c[0]'s current row is the next case's first, not yet returned */
	struct fcur c[3]; /* cases, events, attributes (name[0] == 0: none) */
	struct store_case_row row;
	struct store_event_row *ev;
	size_t evcap;
	struct store_attr_row *at;
	size_t atcap;
	int64_t last_case; /* for export_attrs */
	char *last_office;
	PGresult *lab;     /* every office's labels, by office (bytes) and id (cursor_labels) */
	char *lab_office;  /* the office whose labels are in lab_of */
	const char **lab_of; /* its labels by id (into lab), NULL where it has none */
	size_t nlab_of;
	unsigned ncases; /* cases returned: the read-ahead is drained every 32 (fetch_drain) */
};

#define PGC(c) ((struct pg_cursor *)(c))

static int cursor_labels(struct pg_cursor *c, struct mutu_err *err);

/* Declare cursor f for select; binary: its rows in binary format (integers
 * as big-endian bytes, text as its bytes: bin_i64, PQgetvalue). */
static int fcur_open_as(struct pg_store *p, struct fcur *f, int binary, const char *select, int n,
			const char *const *v, struct mutu_err *err)
{
	/* cursor names are per connection: the counter lives in the store (no
	 * mutable global: two stores may be used side by side) */
	snprintf(f->name, sizeof f->name, "mutu_cur_%u", ++p->cursors);
	struct mutu_buf q;
	mutu_buf_init(&q);
	f->binary = binary;
	mutu_buf_printf(&q, "DECLARE %s NO SCROLL CURSOR FOR %s", f->name, select);
	int rc = execp(p, q.s, n, v, "reading cases", err);
	mutu_buf_release(&q);
	return rc;
}

static int fcur_open(struct pg_store *p, struct fcur *f, const char *select, int n, const char *const *v,
		     struct mutu_err *err)
{
	return fcur_open_as(p, f, 0, select, n, v, err);
}

/*
 * Read-ahead.  A FETCH is a round trip: the server finds the block's rows
 * (for a report, one search of case_measure's or the events' key a case)
 * while the client waits, then the client decodes and measures them while
 * the server waits.  So a binary cursor (the report's, pg_cases_open) sends
 * its next FETCH as soon as a full block has come, and the server finds
 * those rows while the client works on these (two cores: the report's
 * wall time is about the larger of the two instead of their sum; a warm
 * range of 12 months on the 10^7-event store, docs/store.md).  One FETCH
 * at most is on its way per connection (p->ahead); every other statement
 * takes its result first (fetch_settle, from exec0 and query_as; libpq's
 * PQexec would drop it), and keeps it for the cursor's next block.
 */
static void fetch_settle(struct pg_store *p)
{
	struct fcur *f = p->ahead;
	if (!f)
		return;
	p->ahead = NULL;
	f->next = PQgetResult(p->conn);
	f->settled = 1;
	/* the end of the FETCH's results (NULL); a second result is none of ours */
	for (PGresult *x; (x = PQgetResult(p->conn)) != NULL;)
		PQclear(x);
}

/* While the client works on a block, the read-ahead's rows are taken off
 * the socket now and then: unread, they fill its buffer (~200 KB, a few
 * hundred rows of measures) and the server waits for the client again. */
static void fetch_drain(struct pg_store *p)
{
	if (p->ahead)
		PQconsumeInput(p->conn);
}

/* The next row of f: 1 (f->r, f->row), 0 at the end, <0 error. */
static int fcur_next(struct pg_store *p, struct fcur *f, struct mutu_err *err)
{
	if (f->r && f->row + 1 < PQntuples(f->r)) {
		f->row++;
		return 1;
	}
	if (f->done)
		return 0;
	if (f->r) {
		f->old = mutu_realloc(f->old, (f->nold + 1) * sizeof *f->old);
		f->old[f->nold++] = f->r;
		f->r = NULL;
	}
	char q[80];
	snprintf(q, sizeof q, "FETCH %d FROM %s", FETCH_ROWS, f->name);
	if (p->ahead == f)
		fetch_settle(p);
	if (f->settled) {
		f->settled = 0;
		f->r = f->next;
		f->next = NULL;
		ExecStatusType st = PQresultStatus(f->r);
		if (!f->r || st != PGRES_TUPLES_OK) {
			int rc = pg_fail(p, f->r, "reading cases", err);
			PQclear(f->r);
			f->r = NULL;
			return rc;
		}
	} else {
		f->r = f->binary ? query_as(p, q, 0, NULL, 1, "reading cases", err)
				 : query(p, q, 0, NULL, "reading cases", err);
		if (!f->r)
			return err->code;
	}
	f->row = 0;
	if (PQntuples(f->r) < FETCH_ROWS)
		f->done = 1;
	if (PQntuples(f->r) == 0) {
		f->done = 1;
		return 0;
	}
	/* the next block's FETCH, sent now (above); a send that fails
	 * leaves the next FETCH to be sent when it is needed */
	if (f->binary && !f->done && !p->ahead && !p->copy_in &&
	    PQsendQueryParams(p->conn, q, 0, NULL, NULL, NULL, NULL, 1))
		p->ahead = f;
	return 1;
}

static void fcur_drop_old(struct fcur *f)
{
	for (size_t i = 0; i < f->nold; i++)
		PQclear(f->old[i]);
	f->nold = 0;
}

/* Append ",$k" parameter text to the list. */
struct params {
	const char *v[24];
	char own[24][24];
	int n;
};
static int param(struct params *ps, const char *v)
{
	ps->v[ps->n] = v;
	return ++ps->n;
}
static int param_i64(struct params *ps, int64_t x)
{
	snprintf(ps->own[ps->n], sizeof ps->own[ps->n], "%" PRId64, x);
	ps->v[ps->n] = ps->own[ps->n];
	return ++ps->n;
}

/* A text[] literal {"a","b"} for = ANY($k); owned by the caller. */
static char *text_array(const char *const *names, size_t n)
{
	struct mutu_buf b;
	mutu_buf_init(&b);
	mutu_buf_putc(&b, '{');
	for (size_t i = 0; i < n; i++) {
		mutu_buf_puts(&b, i ? ",\"" : "\"");
		for (const char *s = names[i]; *s; s++) {
			if (*s == '"' || *s == '\\')
				mutu_buf_putc(&b, '\\');
			mutu_buf_putc(&b, *s);
		}
		mutu_buf_putc(&b, '"');
	}
	mutu_buf_putc(&b, '}');
	char *out = mutu_buf_detach(&b);
	mutu_buf_release(&b); /* detach leaves b re-initialised */
	return out;
}

static void pg_cursor_free(struct store_cursor *sc)
{
	struct pg_cursor *c = PGC(sc);
	if (!c)
		return;
	fetch_settle(c->p);
	for (int i = 0; i < 3; i++) {
		PQclear(c->c[i].r);
		PQclear(c->c[i].next);
		fcur_drop_old(&c->c[i]);
		free(c->c[i].old);
		if (c->c[i].name[0] && !c->own_tx && c->p->base.in_tx) {
			char q[64];
			snprintf(q, sizeof q, "CLOSE %s", c->c[i].name);
			PQclear(PQexec(c->p->conn, q));
		}
	}
	if (c->own_tx)
		pg_rollback(&c->p->base); /* read only: nothing to keep */
	free(c->ev);
	free(c->at);
	free(c->last_office);
	PQclear(c->lab);
	free(c->lab_office);
	free(c->lab_of);
	free(c);
}

static struct pg_cursor *cursor_new(struct pg_store *p, struct mutu_err *err)
{
	struct pg_cursor *c = mutu_calloc(1, sizeof *c);
	c->base.s = &p->base;
	c->p = p;
	if (!p->base.in_tx) {
		if (pg_begin_read(&p->base, err)) {
			free(c);
			return NULL;
		}
		c->own_tx = 1;
	}
	return c;
}

/*
 * The cases a filter selects, as a FROM item aliased c ("cases c", or with
 * a period a UNION ALL of index ranges) and its WHERE, parameters appended
 * to ps; *own: the office array literal a parameter points into (caller
 * frees).
 *
 * Why a union of ranges (as store_sqlite.c's case_pred): a single WHERE
 * of ORs (span overlaps, no span, an old case that may be open per SOP) was
 * read as a bitmap of three ranges of cases_last, the last one every case
 * before the period (558,000 of 1,000,000 for June 2025), filtered row by
 * row -- 2.9 s -- and the planner, estimating 470,000 cases, joined the
 * events by walking the whole events key (10^7 rows, 15.6 s; auto_explain).
 * Each arm here is one index range whose office is given (cases_last
 * (office, last_ms, first_ms), cases_open (office, sop, last_done_step,
 * last_ms)): the office asked, else every office that has a batch (every
 * case was made by a batch of its office), read in the same snapshot.
 *
 * Planned with enable_seqscan off (pg_cases_open): an arm's rows are
 * estimated as if its conditions were independent, and they are not -- a
 * span that ends after the period's start mostly starts after its end
 * (265,038 cases estimated for June 2025 of the 10^7-event store, 42,929
 * read), an old case whose marker is not its SOP's final step is rare
 * (145,774 estimated, 11,140 read) -- so the planner chose sequential
 * scans of the whole table (1,000,000 rows, 14,286 pages, for each of
 * three arms when parallel).  Without them each arm is read through its
 * index range, whose work grows with the range, never with the table
 * beyond it: at worst (the store's first month) the range of cases_last is
 * the whole index, read once, and the heap pages fetched are those of the
 * cases picked, in physical order (a bitmap), so no arm can cost much
 * more than the sequential scan it replaces, and it usually costs far
 * less.  The setting only makes other paths dearer: a query with no index
 * path still runs.  The old cases' arms are index-only (cases_open covers
 * id and case_key, schema 7): those cases are spread over the whole table.
 */
static int case_source(struct pg_store *p, const struct store_case_filter *f, struct params *ps,
		       struct mutu_buf *from, struct mutu_buf *w, char **own, struct mutu_err *err)
{
	*own = NULL;
	mutu_buf_puts(w, " WHERE TRUE");
	int ko = 0;
	if (f->office)
		mutu_buf_printf(w, " AND c.office = $%d", ko = param(ps, f->office));
	if (f->sop)
		mutu_buf_printf(w, " AND c.sop = $%d", param(ps, f->sop));
	if (f->case_key)
		mutu_buf_printf(w, " AND c.case_key = $%d", param(ps, f->case_key));
	if (!f->has_period) {
		mutu_buf_puts(from, "cases c");
		return 0;
	}
	char oc[48];
	if (ko) {
		snprintf(oc, sizeof oc, "office = $%d", ko);
	} else {
		PGresult *r = query(p, "SELECT DISTINCT office FROM batches", 0, NULL, "reading offices", err);
		if (!r)
			return err->code;
		size_t n = (size_t)PQntuples(r);
		const char **names = mutu_calloc(n ? n : 1, sizeof *names);
		for (size_t i = 0; i < n; i++)
			names[i] = PQgetvalue(r, (int)i, 0);
		*own = text_array(names, n);
		free(names);
		PQclear(r);
		snprintf(oc, sizeof oc, "office = ANY($%d::text[])", param(ps, *own));
	}
	/* a case whose span is not recorded (no events) is yielded too: the
	 * reader judges it, as with SQLite */
	int a = param_i64(ps, f->to_ms);
	int b = param_i64(ps, f->from_ms);
	mutu_buf_printf(from,
			"(SELECT * FROM cases WHERE %s AND last_ms >= $%d AND first_ms < $%d"
			" UNION ALL SELECT * FROM cases WHERE %s AND last_ms IS NULL",
			oc, b, a, oc);
	/* the old cases that may be open (store.h, open_before): of each SOP
	 * listed, those whose marker is not its final step (every one when
	 * the final step is 0), three ranges of cases_open around it */
	size_t n = f->open_before ? f->nopen_sops : 0;
	if (n > STORE_MAX_OPEN_SOPS) { /* too many to list: all old cases */
		mutu_buf_printf(from, " UNION ALL SELECT * FROM cases WHERE %s AND last_ms < $%d", oc, b);
		n = 0;
	}
	for (size_t i = 0; i < n; i++) {
		char *lit = NULL, sop[40];
		if (f->open_sops[i]) {
			lit = PQescapeLiteral(p->conn, f->open_sops[i], strlen(f->open_sops[i]));
			if (!lit)
				return mutu_errf(err, MUTU_EFAIL, "store %s: quoting SOP '%s': %s", p->base.where,
						 f->open_sops[i], PQerrorMessage(p->conn));
		}
		const char *so = lit ? "sop = " : "sop IS NULL";
		if (f->open_final[i] > 0) {
			/* outside the final steps: the office's end step through
			 * the SOP's last (open_last, the applicant's collection) */
			char last[40];
			snprintf(sop, sizeof sop, "%d", f->open_final[i]);
			snprintf(last, sizeof last, "%d", f->open_last ? f->open_last[i] : f->open_final[i]);
			mutu_buf_printf(from,
					" UNION ALL SELECT * FROM cases WHERE %s AND %s%s AND last_done_step IS NULL AND last_ms < $%d"
					" UNION ALL SELECT * FROM cases WHERE %s AND %s%s AND last_done_step < %s AND last_ms < $%d"
					" UNION ALL SELECT * FROM cases WHERE %s AND %s%s AND last_done_step > %s AND last_ms < $%d",
					oc, so, lit ? lit : "", b, oc, so, lit ? lit : "", sop, b, oc, so, lit ? lit : "",
					last, b);
		} else {
			mutu_buf_printf(from, " UNION ALL SELECT * FROM cases WHERE %s AND %s%s AND last_ms < $%d", oc, so,
					lit ? lit : "", b);
		}
		PQfreemem(lit);
	}
	mutu_buf_puts(from, ") c");
	return 0;
}

/*
 * The events and case attributes of the selected cases come through
 * LATERAL subqueries ordered inside (so never flattened into a join the
 * planner may turn into a walk of the whole events key): one search of
 * events_pkey's case_id prefix a case, as with SQLite, whatever the
 * estimates.  The outer order (c.id, then e.id) is the cases' sorted
 * order plus a sort within each case (incremental sort).
 * The cases and their events are one cursor (a row an event, the case's
 * columns repeated; a case without events one row of NULLs), so the
 * selection runs once, not once for the cases and again for the events
 * (0.9 s of server time of the 10^7-event store's warm month), and in
 * binary: the server prints no integer, the client parses none.
 */
static int pg_cases_open(struct mutu_store *s, const struct store_case_filter *f, struct store_cursor **out,
			 struct mutu_err *err)
{
	struct pg_store *p = PGS(s);
	*out = NULL;
	struct pg_cursor *c = cursor_new(p, err);
	if (!c)
		return err->code;
	struct params ps = {.n = 0};
	struct mutu_buf w, q, from;
	mutu_buf_init(&w);
	mutu_buf_init(&q);
	mutu_buf_init(&from);
	char *own = NULL, *ca = NULL, *ea = NULL, *mf = NULL;
	int rc = cursor_labels(c, err);
	if (!rc)
		rc = case_source(p, f, &ps, &from, &w, &own, err);
	if (rc)
		goto out;
	ca = f->ncase_attrs ? text_array(f->case_attrs, f->ncase_attrs) : NULL;
	ea = f->nevent_attrs ? text_array(f->event_attrs, f->nevent_attrs) : NULL;
	mf = f->nmeasure_fps ? text_array(f->measure_fps, f->nmeasure_fps) : NULL;
	int k = ea ? param(&ps, ea) : 0;
	/* kept measures (store.h, measure_fps): the case's measure of a
	 * fingerprint asked comes with its row (one search of case_measure's
	 * key a case), and the events' LATERAL is gated by its absence (a
	 * one-time filter: no search of the events key for such a case) */
	char mjoin[200] = "", mgate[40] = "";
	if (mf) {
		/* a LATERAL of its own after the cases' sort, not a column of
		 * the sorted subquery: the blobs would make that sort spill to
		 * disk (65,000 cases x ~650 bytes past work_mem); and one index
		 * search a case, never a join the planner may hash over the
		 * whole table: the LIMIT (the key is unique; like OFFSET 0, a fence the
		 * planner respects) keeps the subquery
		 * from being pulled up into a join, which the planner chose once
		 * open cases' measures made most of the table match the
		 * fingerprints (a merge join over a sort of every blob, spilled
		 * to disk: a warm month ran for over 15 minutes) */
		snprintf(mjoin, sizeof mjoin,
			 " LEFT JOIN LATERAL (SELECT m.blob AS mb FROM case_measure m WHERE m.office = c.office AND"
			 " m.case_id = c.id AND m.fp = ANY($%d::text[]) LIMIT 1) m ON TRUE",
			 param(&ps, mf));
		snprintf(mgate, sizeof mgate, "m.mb IS NULL AND ");
	}
	mutu_buf_printf(&q,
			"SELECT c.id, c.case_key, c.sop, c.office, e.id, e.step, e.activity_id, e.actor_id, e.lifecycle_id, "
			"e.start_ms, e.start_off, e.end_ms, e.end_off, e.unknown, e.an, e.av, e.inst, e.sorting, %s FROM (SELECT "
			"c.id, c.case_key, c.sop, c.office FROM %s%s ORDER BY c.id) c%s LEFT JOIN LATERAL (SELECT e.id, "
			"e.step, e.activity_id, e.actor_id, e.lifecycle_id, e.start_ms, e.start_off, e.end_ms, e.end_off, "
			"e.unknown, %s, CASE WHEN e.lifecycle_id IS NULL THEN NULL ELSE (SELECT i.value FROM event_attrs "
			"i WHERE i.office = e.office AND i.event_id = e.id AND i.value <> '' AND i.name IN ('"
			STORE_INSTANCE_ATTRS "') ORDER BY i.name COLLATE \"C\" LIMIT 1) END AS inst, e.sorting FROM events e",
			mf ? "m.mb" : "NULL::bytea", from.s, w.s, mjoin,
			ea ? "x.name AS an, x.value AS av" : "NULL::text AS an, NULL::text AS av");
	if (ea)
		mutu_buf_printf(&q,
				" LEFT JOIN LATERAL (SELECT a.name, a.value FROM event_attrs a WHERE "
				"a.office = e.office AND a.event_id = e.id AND a.value <> '' AND a.name = "
				"ANY($%d::text[]) ORDER BY a.name COLLATE \"C\" LIMIT 1) x ON TRUE",
				k);
	mutu_buf_printf(&q, " WHERE %se.office = c.office AND e.case_id = c.id ORDER BY e.id) e ON TRUE ORDER BY c.id, e.id",
			mgate);
	/* a period's case pick is planned without sequential scans of cases
	 * (case_source says why); the setting is the transaction's, so it
	 * is put back after the DECLAREs (planned then; their FETCHes do not
	 * plan again) */
	int indexed = f->has_period;
	if (indexed && (rc = exec0(p, "SET LOCAL enable_seqscan = off", "reading cases", err)))
		goto out;
	if ((rc = fcur_open_as(p, &c->c[0], 1, q.s, ps.n, ps.v, err)))
		goto out;
	c->joined = 1;
	if (ea)
		ps.n--; /* the event attribute names were last */
	if (mf)
		ps.n--; /* and the fingerprints after them */
	if (ca) {
		k = param(&ps, ca);
		mutu_buf_reset(&q);
		mutu_buf_printf(&q,
				"SELECT c.id, a.name, a.value FROM (SELECT c.id, c.office FROM %s%s ORDER BY c.id) c "
				"CROSS JOIN LATERAL (SELECT a.name, a.value FROM case_attrs a WHERE a.office = c.office "
				"AND a.case_id = c.id AND a.name = ANY($%d::text[]) ORDER BY a.name COLLATE \"C\") a "
				"ORDER BY c.id, a.name",
				from.s, w.s, k);
		if ((rc = fcur_open(p, &c->c[2], q.s, ps.n, ps.v, err)))
			goto out;
	}
	if (indexed)
		rc = exec0(p, "SET LOCAL enable_seqscan TO DEFAULT", "reading cases", err);
out:
	free(ca);
	free(ea);
	free(mf);
	free(own);
	mutu_buf_release(&w);
	mutu_buf_release(&q);
	mutu_buf_release(&from);
	if (rc) {
		pg_cursor_free(&c->base);
		return rc;
	}
	*out = &c->base;
	return 0;
}

static const char *val_or_null(const PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col) ? NULL : PQgetvalue(r, row, col);
}

/* The next case of a joined cursor (pg_cases_open) with its events, into
 * c->row: 1, 0 at the end, <0 error.  The rows of one case are
 * consecutive; the first row of the next case stays current (pending). */
/* The next free event row of the cursor's case (the array grows by
 * doubling; its rows point into the cursor's results, valid until the
 * next case). */
static struct store_event_row *cursor_event_push(struct pg_cursor *c, size_t *n)
{
	if (*n == c->evcap) {
		c->evcap = c->evcap ? c->evcap * 2 : 64;
		c->ev = mutu_realloc(c->ev, c->evcap * sizeof *c->ev);
	}
	return &c->ev[(*n)++];
}

/* Every office's labels (schema 9) for the case cursors' events, read
 * once: a few dozen an office.  Labels are only ever added, and a batch's
 * go in with its rows, so a snapshot taken at or after the cursor's holds
 * every label its events name (a READ COMMITTED read sees the same). */
static int cursor_labels(struct pg_cursor *c, struct mutu_err *err)
{
	c->lab = query(c->p, "SELECT office, id, label FROM labels ORDER BY office COLLATE \"C\", id", 0, NULL,
		       "reading the labels", err);
	return c->lab ? 0 : err->code;
}

/* The first row of c->lab at or after office (strcmp: the "C" order). */
static int lab_first(const PGresult *r, const char *office, int strictly_after)
{
	int lo = 0, hi = PQntuples(r);
	while (lo < hi) {
		int m = lo + (hi - lo) / 2, d = strcmp(PQgetvalue(r, m, 0), office);
		if (d < 0 || (strictly_after && d == 0))
			lo = m + 1;
		else
			hi = m;
	}
	return lo;
}

/* Label id of office, NULL when the store has none such.  An office's
 * labels are set out by id when its first event is met (a case cursor
 * meets the offices one after another: a province read changes office a
 * few dozen times), so an event's three lookups are array reads. */
static const char *label_of(struct pg_cursor *c, const char *office, int64_t id)
{
	const PGresult *r = c->lab;
	if (!r)
		return NULL;
	if (!c->lab_office || strcmp(c->lab_office, office) != 0) {
		free(c->lab_office);
		c->lab_office = mutu_strdup(office);
		int lo = lab_first(r, office, 0), hi = lab_first(r, office, 1);
		/* ids are 1, 2, ... an office (labels_put); rows are by id,
		 * so the last one is the greatest */
		int64_t top = hi > lo ? get_i64(r, hi - 1, 1) : 0;
		size_t n = top > 0 && top < INT32_MAX ? (size_t)top + 1 : 1;
		if (n > (size_t)(hi - lo) + 65536) /* a gap no writer leaves (a damaged store): */
			n = (size_t)(hi - lo) + 65536; /* ids past it read as missing, not a huge array */
		free(c->lab_of);
		c->lab_of = mutu_calloc(n, sizeof *c->lab_of);
		c->nlab_of = n;
		for (int i = lo; i < hi; i++) {
			int64_t k = get_i64(r, i, 1);
			if (k > 0 && (size_t)k < n)
				c->lab_of[k] = PQgetvalue(r, i, 2);
		}
	}
	return id > 0 && (uint64_t)id < c->nlab_of ? c->lab_of[id] : NULL;
}

/* One event from row i of r, its columns from b on in the order both
 * case cursors select them: id, step, activity_id, actor_id,
 * lifecycle_id, start_ms, start_off, end_ms, end_off, unknown, attr name,
 * attr value, instance (STORE_INSTANCE_ATTRS), sorting; its labels are the case
 * row's office's.  bin: the result is in binary format (the joined
 * cursor) rather than text.  0, or an error when a label id names no
 * label (a damaged store). */
static int event_from_row(struct pg_cursor *c, struct store_event_row *ev, const PGresult *r, int i, int b, int bin,
			  struct mutu_err *err)
{
#define I64(col) (bin ? bin_i64(r, i, (col)) : get_i64(r, i, (col)))
	ev->id = I64(b);
	ev->step = is_null(r, i, b + 1) ? 0 : (int)I64(b + 1);
	const char *office = c->row.office;
	int64_t la = I64(b + 2), lr = is_null(r, i, b + 3) ? 0 : I64(b + 3), ll = is_null(r, i, b + 4) ? 0 : I64(b + 4);
	ev->activity = label_of(c, office, la);
	ev->actor = lr ? label_of(c, office, lr) : NULL;
	ev->lifecycle = ll ? label_of(c, office, ll) : NULL;
	if (!ev->activity || (lr && !ev->actor) || (ll && !ev->lifecycle))
		return mutu_errf(err, MUTU_EINPUT,
				 "store %s: event %" PRId64 " of office '%s' names label %" PRId64
				 " (activity), %" PRId64 " (actor) or %" PRId64
				 " (lifecycle) that table labels does not hold: the store is damaged",
				 c->p->base.where, ev->id, office, la, lr, ll);
	ev->has_start = !is_null(r, i, b + 5);
	ev->start_ms = ev->has_start ? I64(b + 5) : 0;
	ev->start_off = is_null(r, i, b + 6) ? STORE_OFF_NONE : (int)I64(b + 6);
	ev->has_end = !is_null(r, i, b + 7);
	ev->end_ms = ev->has_end ? I64(b + 7) : 0;
	ev->end_off = is_null(r, i, b + 8) ? STORE_OFF_NONE : (int)I64(b + 8);
	ev->unknown = (int)I64(b + 9);
	ev->attr_name = val_or_null(r, i, b + 10);
	ev->attr_value = val_or_null(r, i, b + 11);
	ev->instance = val_or_null(r, i, b + 12);
	ev->sorting = is_null(r, i, b + 13) ? 0 : I64(b + 13);
#undef I64
	return 0;
}

static int joined_case(struct pg_cursor *c, struct mutu_err *err)
{
	struct fcur *f = &c->c[0];
	int rc;
	if (!c->pending && (rc = fcur_next(c->p, f, err)) <= 0)
		return rc;
	c->pending = 0;
	const PGresult *r = f->r;
	int i = f->row;
	struct store_case_row *row = &c->row;
	memset(row, 0, sizeof *row);
	row->id = bin_i64(r, i, 0);
	row->key = PQgetvalue(r, i, 1);
	row->sop = val_or_null(r, i, 2);
	row->office = PQgetvalue(r, i, 3);
	if (!is_null(r, i, 18)) {
		/* a kept measure: its one row has no event (the LATERAL is gated) */
		row->measure = (const unsigned char *)PQgetvalue(r, i, 18);
		row->measure_len = (size_t)PQgetlength(r, i, 18);
	}
	c->last_case = row->id;
	size_t n = 0;
	for (;;) {
		r = f->r; /* a fetch moved the earlier block to f->old: its rows stay valid */
		i = f->row;
		if (!is_null(r, i, 4) && (rc = event_from_row(c, cursor_event_push(c, &n), r, i, 4, 1, err)))
			return rc;
		if ((rc = fcur_next(c->p, f, err)) < 0)
			return rc;
		if (rc == 0)
			break;
		if (bin_i64(f->r, f->row, 0) != row->id) {
			c->pending = 1;
			break;
		}
	}
	row->ev = c->ev;
	row->nev = n;
	return 1;
}

static int pg_cases_next(struct store_cursor *sc, const struct store_case_row **out, struct mutu_err *err)
{
	struct pg_cursor *c = PGC(sc);
	struct pg_store *p = c->p;
	for (int i = 0; i < 3; i++)
		fcur_drop_old(&c->c[i]);
	int rc;
	size_t n;
	if (c->joined) {
		if ((rc = joined_case(c, err)) <= 0)
			return rc;
		if ((++c->ncases & 31) == 0)
			fetch_drain(p);
		goto attrs;
	}
	rc = fcur_next(p, &c->c[0], err);
	if (rc <= 0)
		return rc;
	const PGresult *r = c->c[0].r;
	int i = c->c[0].row;
	struct store_case_row *row = &c->row;
	memset(row, 0, sizeof *row);
	row->id = get_i64(r, i, 0);
	row->key = PQgetvalue(r, i, 1);
	row->sop = val_or_null(r, i, 2);
	row->office = PQgetvalue(r, i, 3);
	c->last_case = row->id;
	free(c->last_office);
	c->last_office = mutu_strdup(row->office);
	/* events: the cursor stays on the first row of a later case */
	struct fcur *e = &c->c[1];
	n = 0;
	for (;;) {
		if (!e->r || e->row >= PQntuples(e->r) || (e->r && e->row < 0)) {
			if ((rc = fcur_next(p, e, err)) < 0)
				return rc;
			if (rc == 0)
				break;
		}
		const PGresult *er = e->r;
		int j = e->row;
		int64_t cid = get_i64(er, j, 0);
		if (cid > row->id)
			break;
		if (cid == row->id && (rc = event_from_row(c, cursor_event_push(c, &n), er, j, 1, 0, err)))
			return rc;
		/* consume the row: the next call of fcur_next moves on */
		if (e->row + 1 < PQntuples(e->r)) {
			e->row++;
		} else {
			if ((rc = fcur_next(p, e, err)) < 0)
				return rc;
			if (rc == 0) {
				/* past the end: mark the block consumed */
				if (e->r)
					e->row = PQntuples(e->r);
				break;
			}
		}
	}
	row->ev = c->ev;
	row->nev = n;
attrs:;
	/* case attributes, same walk */
	struct store_case_row *row_a = &c->row;
	struct fcur *a = &c->c[2];
	n = 0;
	while (a->name[0]) {
		if (!a->r || a->row >= PQntuples(a->r)) {
			if ((rc = fcur_next(p, a, err)) < 0)
				return rc;
			if (rc == 0)
				break;
		}
		int64_t cid = get_i64(a->r, a->row, 0);
		if (cid > row_a->id)
			break;
		if (cid == row_a->id) {
			if (n == c->atcap) {
				c->atcap = c->atcap ? c->atcap * 2 : 8;
				c->at = mutu_realloc(c->at, c->atcap * sizeof *c->at);
			}
			c->at[n].name = PQgetvalue(a->r, a->row, 1);
			c->at[n].value = val_or_null(a->r, a->row, 2);
			n++;
		}
		if (a->row + 1 < PQntuples(a->r)) {
			a->row++;
		} else {
			if ((rc = fcur_next(p, a, err)) < 0)
				return rc;
			if (rc == 0) {
				if (a->r)
					a->row = PQntuples(a->r);
				break;
			}
		}
	}
	row_a->attrs = c->at;
	row_a->nattrs = row_a->measure ? 0 : n;
	*out = row_a;
	return 1;
}

/* ------------------------------------------------------------ names, instants */

/* Run sql (parameters v) and pass column 0 of each row to fn (NULL for SQL
 * NULL); fn non-zero stops and is returned. */
static int each_name(struct pg_store *p, const char *sql, int n, const char *const *v, store_name_fn fn, void *ctx,
		     const char *what, struct mutu_err *err)
{
	PGresult *r = query(p, sql, n, v, what, err);
	if (!r)
		return err->code;
	int rc = 0;
	for (int i = 0; i < PQntuples(r) && !rc; i++)
		rc = fn(ctx, val_or_null(r, i, 0));
	PQclear(r);
	return rc;
}

/*
 * Text is ordered COLLATE "C" (bytes, as SQLite) in every list a reader
 * shows or writes in order: SOPs (db info, the report's groups), attribute
 * names (the export's columns, the instance attribute taken first), case
 * and event attributes.  A database made with the system's locale (en_US,
 * id_ID: case-blind, Debian's default cluster) put 'amdal' before 'IMB' and
 * 'alasan' before 'Catatan' where SQLite has them the other way (field-store
 * round; pg_offices already did so).  Index scans keep the database's
 * collation; only the final order is bytes.
 */
static int pg_attr_names(struct mutu_store *s, const char *scope, store_name_fn fn, void *ctx, struct mutu_err *err)
{
	struct pg_store *p = PGS(s);
	char cond[64], sql[200];
	snprintf(sql, sizeof sql, "SELECT name FROM %s WHERE %s GROUP BY name ORDER BY name COLLATE \"C\"",
		 strcmp(scope, "event") == 0 ? "event_attrs" : "case_attrs",
		 office_cond(p, "office", 1, cond, sizeof cond));
	const char *v[] = {p->base.office};
	return each_name(p, sql, p->base.office ? 1 : 0, v, fn, ctx, "reading attribute names", err);
}

static int pg_sops(struct mutu_store *s, const char *sop, store_name_fn fn, void *ctx, struct mutu_err *err)
{
	struct pg_store *p = PGS(s);
	struct params ps = {.n = 0};
	struct mutu_buf q;
	mutu_buf_init(&q);
	/* a loose index scan of cases_open (office, sop, ...): per office (the
	 * batches' offices: every case was made by a batch of its office), the
	 * least SOP, then the least above it, ...; and whether a case without
	 * one exists.  A handful of index searches, where DISTINCT read every
	 * case (0.45 s for 1,000,000, and a report asks four times) */
	mutu_buf_puts(&q, "WITH RECURSIVE o AS (SELECT DISTINCT office FROM batches");
	if (p->base.office)
		mutu_buf_printf(&q, " WHERE office = $%d", param(&ps, p->base.office));
	int k = sop ? param(&ps, sop) : 0;
	char cond[48] = "";
	if (k)
		snprintf(cond, sizeof cond, " AND c.sop = $%d", k);
	mutu_buf_printf(&q,
			"), s AS (SELECT o.office, x.sop FROM o CROSS JOIN LATERAL (SELECT c.sop FROM cases c"
			" WHERE c.office = o.office AND c.sop IS NOT NULL%s ORDER BY c.sop LIMIT 1) x"
			" UNION ALL SELECT s.office, x.sop FROM s CROSS JOIN LATERAL (SELECT c.sop FROM cases c"
			" WHERE c.office = s.office AND c.sop > s.sop%s ORDER BY c.sop LIMIT 1) x)"
			" SELECT sop FROM (SELECT sop FROM s UNION SELECT NULL WHERE %s EXISTS (SELECT 1 FROM o"
			" CROSS JOIN LATERAL (SELECT 1 FROM cases c WHERE c.office = o.office AND c.sop IS NULL"
			" LIMIT 1) y)) u ORDER BY sop COLLATE \"C\" NULLS FIRST",
			cond, cond, k ? "FALSE AND" : "");
	int rc = each_name(p, q.s, ps.n, ps.v, fn, ctx, "reading SOPs", err);
	mutu_buf_release(&q);
	return rc;
}

static int pg_offices(struct mutu_store *s, store_name_fn fn, void *ctx, struct mutu_err *err)
{
	struct pg_store *p = PGS(s);
	char cond[64], sql[160];
	/* COLLATE "C": byte order, as SQLite sorts, whatever the database's
	 * collation: the province report lists offices in the same order
	 * from either backend */
	snprintf(sql, sizeof sql, "SELECT office FROM cases WHERE %s GROUP BY office ORDER BY office COLLATE \"C\"",
		 office_cond(p, "office", 1, cond, sizeof cond));
	const char *v[] = {p->base.office};
	return each_name(p, sql, p->base.office ? 1 : 0, v, fn, ctx, "reading offices", err);
}

/*
 * The latest instants without an index on events (end_ms) (PostgreSQL
 * schema 5): through the cases' spans.  cases.last_ms is the greatest
 * coalesce(end_ms, start_ms) of the case's events when the writer set it,
 * and never less: spans only widen, so a batch that superseded an earlier
 * one (--force) can leave a span wider than its events.  So last_ms is an
 * upper bound of anything a case can give, and the answer is found in the
 * cases of greatest last_ms: read the K cases of greatest last_ms (per
 * office, an index range of cases_last read backwards), take the best
 * value their events give; it is the answer when it is at least the least
 * last_ms among the K (no other case can give more) or when fewer than K
 * cases have a span; else again with 16 K.  A case without a span has no
 * events (the writer sets it with the first).
 */
#define LATEST_TOP 4

/* what: 0 latest (end, or the start of a row without end), 1 latest end.
 * cond: a further condition on cases c (parameters in ps).  1 found, 0 none. */
static int latest_by_cases(struct pg_store *p, int what, const char *cond, struct params *ps, int64_t *ms,
			   int *off, struct mutu_err *err)
{
	char oc[48] = "";
	if (p->base.office)
		snprintf(oc, sizeof oc, " WHERE office = $%d", param(ps, p->base.office));
	const char *val = what ? "SELECT e.end_ms AS ms, e.end_off AS off FROM events e WHERE e.office = k.office AND "
				 "e.case_id = k.id AND e.end_ms IS NOT NULL"
			       : "SELECT coalesce(e.end_ms, e.start_ms) AS ms, CASE WHEN e.end_ms IS NULL THEN "
				 "e.start_off ELSE e.end_off END AS off FROM events e WHERE e.office = k.office AND "
				 "e.case_id = k.id AND (e.end_ms IS NOT NULL OR e.start_ms IS NOT NULL)";
	for (long k = LATEST_TOP;; k *= 16) {
		struct mutu_buf q;
		mutu_buf_init(&q);
		mutu_buf_printf(&q,
				"WITH k AS MATERIALIZED (SELECT c.office, c.id, c.last_ms FROM (SELECT DISTINCT office "
				"FROM batches%s) o CROSS JOIN LATERAL (SELECT c.office, c.id, c.last_ms FROM cases c "
				"WHERE c.office = o.office AND c.last_ms IS NOT NULL%s ORDER BY c.last_ms DESC LIMIT "
				"%ld) c ORDER BY c.last_ms DESC LIMIT %ld) SELECT (SELECT count(*) FROM k), (SELECT "
				"min(last_ms) FROM k), x.ms, x.off FROM (SELECT 1) one LEFT JOIN (SELECT y.ms, y.off "
				"FROM k CROSS JOIN LATERAL (%s) y ORDER BY y.ms DESC LIMIT 1) x ON TRUE",
				oc, cond, k, k, val);
		PGresult *r = query(p, q.s, ps->n, ps->v, "reading the latest stamp", err);
		mutu_buf_release(&q);
		if (!r)
			return err->code;
		int64_t n = get_i64(r, 0, 0);
		int found = !is_null(r, 0, 2);
		int done = n < k || (found && get_i64(r, 0, 2) >= get_i64(r, 0, 1));
		if (done && found) {
			*ms = get_i64(r, 0, 2);
			if (off)
				*off = is_null(r, 0, 3) ? STORE_OFF_NONE : (int)get_i64(r, 0, 3);
		}
		PQclear(r);
		if (done)
			return found;
	}
}

static int pg_latest(struct mutu_store *s, int sop_set, const char *sop, const char *case_key, int64_t *ms,
		     int *off, struct mutu_err *err)
{
	struct pg_store *p = PGS(s);
	struct params ps = {.n = 0};
	char cond[200] = "";
	/* a key's latest instant is that of its SOP within its own office(s) */
	if (case_key)
		snprintf(cond, sizeof cond,
			 " AND EXISTS (SELECT 1 FROM cases c1 WHERE c1.office = c.office AND c1.case_key = $%d AND "
			 "c1.sop IS NOT DISTINCT FROM c.sop)",
			 param(&ps, case_key));
	else if (sop_set)
		snprintf(cond, sizeof cond, " AND c.sop IS NOT DISTINCT FROM $%d", param(&ps, sop));
	return latest_by_cases(p, 0, cond, &ps, ms, off, err);
}

static int pg_latest_end(struct mutu_store *s, int64_t *ms, struct mutu_err *err)
{
	struct params ps = {.n = 0};
	return latest_by_cases(PGS(s), 1, "", &ps, ms, NULL, err);
}

/* An event ends in [from, to) only in a case whose span reaches the
 * period (first_ms <= its end < to, last_ms >= its end >= from: spans
 * hold their events, ingest refuses an end before its start): the
 * period's range of cases_last per office, each case's events looked up
 * until one is found. */
static int pg_any_end_in(struct mutu_store *s, int64_t from_ms, int64_t to_ms, struct mutu_err *err)
{
	struct pg_store *p = PGS(s);
	struct params ps = {.n = 0};
	char sql[600], oc[48] = "";
	int a = param_i64(&ps, from_ms), b = param_i64(&ps, to_ms);
	if (p->base.office)
		snprintf(oc, sizeof oc, " WHERE office = $%d", param(&ps, p->base.office));
	snprintf(sql, sizeof sql,
		 "SELECT 1 FROM (SELECT DISTINCT office FROM batches%s) o CROSS JOIN LATERAL (SELECT 1 FROM cases c "
		 "WHERE c.office = o.office AND c.last_ms >= $%d AND c.first_ms < $%d AND EXISTS (SELECT 1 FROM "
		 "events e WHERE e.office = c.office AND e.case_id = c.id AND e.end_ms >= $%d AND e.end_ms < $%d) "
		 "LIMIT 1) x LIMIT 1",
		 oc, a, b, a, b);
	PGresult *r = query(p, sql, ps.n, ps.v, "reading stamps", err);
	if (!r)
		return err->code;
	int found = PQntuples(r) > 0;
	PQclear(r);
	return found;
}

/* ------------------------------------------------------------ audit flags */

static int pg_flags_schema(struct mutu_store *s, struct mutu_err *err)
{
	(void)s;
	(void)err;
	return 0; /* audit_flags is part of the PostgreSQL schema from the start */
}

/* The office of a case (flags carry their case's office: the distribution
 * key). */
static int case_office(struct pg_store *p, int64_t case_id, char **office, struct mutu_err *err)
{
	struct num n;
	const char *v[] = {num(&n, case_id)};
	PGresult *r = query(p, "SELECT office FROM cases WHERE id = $1", 1, v, "reading a case", err);
	if (!r)
		return err->code;
	*office = mutu_strdup(PQntuples(r) ? PQgetvalue(r, 0, 0) : office_of(p));
	PQclear(r);
	return 0;
}

static int pg_flags_replace(struct mutu_store *s, int64_t case_id, const struct store_flag *f, size_t n,
			    const char *audited_at, struct mutu_err *err)
{
	struct pg_store *p = PGS(s);
	char *office = NULL;
	int rc = case_office(p, case_id, &office, err);
	if (rc)
		return rc;
	struct num cn;
	const char *v[] = {office, num(&cn, case_id)};
	rc = execp(p, "DELETE FROM audit_flags WHERE office = $1 AND case_id = $2", 2, v, "audit flags", err);
	if (!rc && n) {
		/* one multi-row INSERT: a case has a handful of flags */
		struct mutu_buf q;
		mutu_buf_init(&q);
		const char **pv = mutu_calloc(3 + 6 * n, sizeof *pv);
		char (*nums)[32] = mutu_calloc(4 * n, sizeof *nums);
		pv[0] = office;
		pv[1] = cn.s;
		pv[2] = audited_at;
		mutu_buf_puts(&q,
			      "INSERT INTO audit_flags (office, case_id, event_id, step, flag, actual_s, std_s, "
			      "detail, audited_at) VALUES ");
		for (size_t i = 0; i < n; i++) {
			int k = 3 + 6 * (int)i;
			char *ev = nums[4 * i], *st = nums[4 * i + 1], *ac = nums[4 * i + 2], *sd = nums[4 * i + 3];
			snprintf(ev, 32, "%" PRId64, f[i].event_id);
			snprintf(st, 32, "%d", f[i].step);
			/* %.17g: a double reads back to the same bits */
			snprintf(ac, 32, "%.17g", f[i].actual_s);
			snprintf(sd, 32, "%.17g", f[i].std_s);
			pv[k] = f[i].event_id ? ev : NULL;
			pv[k + 1] = f[i].step ? st : NULL;
			pv[k + 2] = f[i].flag;
			pv[k + 3] = isnan(f[i].actual_s) ? NULL : ac;
			pv[k + 4] = isnan(f[i].std_s) ? NULL : sd;
			pv[k + 5] = f[i].detail && *f[i].detail ? f[i].detail : NULL;
			mutu_buf_printf(&q, "%s($1, $2, $%d, $%d, $%d, $%d, $%d, $%d, $3)", i ? ", " : "", k + 1,
					k + 2, k + 3, k + 4, k + 5, k + 6);
		}
		rc = execp(p, q.s, 3 + 6 * (int)n, pv, "audit flags", err);
		mutu_buf_release(&q);
		free(pv);
		free(nums);
	}
	free(office);
	return rc;
}

/* ------------------------------------------------------------ what mutu db shows */

static int pg_count(struct mutu_store *s, struct store_counts *c, struct mutu_err *err)
{
	struct pg_store *p = PGS(s);
	char cond[64], sql[1400];
	office_cond(p, "office", 1, cond, sizeof cond);
	snprintf(sql, sizeof sql,
		 "SELECT (SELECT count(*) FROM cases WHERE %s), (SELECT count(*) FROM events WHERE %s), "
		 "(SELECT count(*) FROM rejected WHERE %s), (SELECT count(*) FROM events WHERE %s AND unknown <> 0), "
		 "(SELECT count(DISTINCT l.label) FROM (SELECT DISTINCT office, activity_id FROM events WHERE %s) e"
		 " JOIN labels l ON l.office = e.office AND l.id = e.activity_id), "
		 "(SELECT count(DISTINCT l.label) FROM (SELECT DISTINCT office, actor_id FROM events WHERE %s) e"
		 " JOIN labels l ON l.office = e.office AND l.id = e.actor_id)",
		 cond, cond, cond, cond, cond, cond);
	const char *v[] = {p->base.office};
	PGresult *r = query(p, sql, p->base.office ? 1 : 0, v, "counting", err);
	if (!r)
		return err->code;
	c->cases = (uint64_t)get_i64(r, 0, 0);
	c->events = (uint64_t)get_i64(r, 0, 1);
	c->rejected = (uint64_t)get_i64(r, 0, 2);
	c->unknown = (uint64_t)get_i64(r, 0, 3);
	c->activities = (uint64_t)get_i64(r, 0, 4);
	c->actors = (uint64_t)get_i64(r, 0, 5);
	PQclear(r);
	return 0;
}

static int pg_sop_spans(struct mutu_store *s, store_span_fn fn, void *ctx, struct mutu_err *err)
{
	struct pg_store *p = PGS(s);
	char cond[64], sql[1400];
	/* the earliest stamp (start, else end) and the latest (end, else
	 * start), each with the offset written on that same stamp */
	snprintf(sql, sizeof sql,
		 "WITH e AS (SELECT c.sop, c.id AS cid, e.id AS eid,"
		 " coalesce(e.start_ms, e.end_ms) AS t0, coalesce(e.start_off, e.end_off) AS o0,"
		 " coalesce(e.end_ms, e.start_ms) AS t1, coalesce(e.end_off, e.start_off) AS o1"
		 " FROM events e JOIN cases c ON c.office = e.office AND c.id = e.case_id WHERE %s),"
		 " n AS (SELECT sop, count(DISTINCT cid) AS nc, count(*) AS ne FROM e GROUP BY sop),"
		 " lo AS (SELECT DISTINCT ON (sop) sop, t0, o0 FROM e WHERE t0 IS NOT NULL ORDER BY sop, t0, eid),"
		 " hi AS (SELECT DISTINCT ON (sop) sop, t1, o1 FROM e WHERE t1 IS NOT NULL ORDER BY sop, t1 DESC, eid)"
		 " SELECT n.sop, n.nc, n.ne, lo.t0, lo.o0, hi.t1, hi.o1 FROM n"
		 " LEFT JOIN lo ON lo.sop IS NOT DISTINCT FROM n.sop LEFT JOIN hi ON hi.sop IS NOT DISTINCT FROM n.sop"
		 " ORDER BY n.sop COLLATE \"C\" NULLS FIRST",
		 office_cond(p, "c.office", 1, cond, sizeof cond));
	const char *v[] = {p->base.office};
	PGresult *r = query(p, sql, p->base.office ? 1 : 0, v, "reading SOP spans", err);
	if (!r)
		return err->code;
	int rc = 0;
	for (int i = 0; i < PQntuples(r) && !rc; i++) {
		struct store_sop_span sp;
		memset(&sp, 0, sizeof sp);
		sp.sop = val_or_null(r, i, 0);
		sp.cases = (uint64_t)get_i64(r, i, 1);
		sp.events = (uint64_t)get_i64(r, i, 2);
		sp.has_first = !is_null(r, i, 3);
		sp.first_ms = sp.has_first ? get_i64(r, i, 3) : 0;
		sp.first_off = is_null(r, i, 4) ? STORE_OFF_NONE : (int)get_i64(r, i, 4);
		sp.has_last = !is_null(r, i, 5);
		sp.last_ms = sp.has_last ? get_i64(r, i, 5) : 0;
		sp.last_off = is_null(r, i, 6) ? STORE_OFF_NONE : (int)get_i64(r, i, 6);
		rc = fn(ctx, &sp);
	}
	PQclear(r);
	return rc;
}

static int pg_rejected_list(struct mutu_store *s, int64_t batch, store_rejected_fn fn, void *ctx,
			    struct mutu_err *err)
{
	struct pg_store *p = PGS(s);
	struct params ps = {.n = 0};
	struct mutu_buf q;
	mutu_buf_init(&q);
	/* raw as bytes (bytea in binary is the bytes themselves) */
	mutu_buf_puts(&q, "SELECT batch_id, line, reason, raw FROM rejected WHERE TRUE");
	if (p->base.office)
		mutu_buf_printf(&q, " AND office = $%d", param(&ps, p->base.office));
	if (batch)
		mutu_buf_printf(&q, " AND batch_id = $%d", param_i64(&ps, batch));
	mutu_buf_puts(&q, " ORDER BY batch_id, line, id");
	PGresult *r = PQexecParams(p->conn, q.s, ps.n, NULL, ps.v, NULL, NULL, 0);
	mutu_buf_release(&q);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		int rc = pg_fail(p, r, "reading rejected rows", err);
		PQclear(r);
		return rc;
	}
	int rc = 0;
	for (int i = 0; i < PQntuples(r) && !rc; i++) {
		size_t n = 0;
		unsigned char *raw = PQunescapeBytea((const unsigned char *)PQgetvalue(r, i, 3), &n);
		char *text = mutu_malloc(n + 1);
		if (raw)
			memcpy(text, raw, n);
		text[n] = '\0';
		PQfreemem(raw);
		struct store_rejected_row row = {get_i64(r, i, 0), get_i64(r, i, 1), PQgetvalue(r, i, 2), text};
		rc = fn(ctx, &row);
		free(text);
	}
	PQclear(r);
	return rc;
}

/* ------------------------------------------------------------ export's reads */

/*
 * The cases export selects (see store.h): a case belongs to the period
 * when its first stamp (earliest coalesce(start, end), ties by event id)
 * falls on a local day in [from, to], read at the offset written on that
 * stamp.  Cases without events are left out (the LATERAL finds no row).
 */
static void export_from(struct pg_store *p, const struct store_export_filter *f, struct params *ps,
			struct mutu_buf *q)
{
	mutu_buf_puts(q,
		      " FROM cases c CROSS JOIN LATERAL (SELECT coalesce(e.start_ms, e.end_ms) + 60000 * "
		      "coalesce(CASE WHEN e.start_ms IS NULL THEN e.end_off ELSE e.start_off END, 0) AS lt "
		      "FROM events e WHERE e.office = c.office AND e.case_id = c.id "
		      "ORDER BY coalesce(e.start_ms, e.end_ms), e.id LIMIT 1) f WHERE TRUE");
	if (p->base.office)
		mutu_buf_printf(q, " AND c.office = $%d", param(ps, p->base.office));
	if (f->sop)
		mutu_buf_printf(q, " AND c.sop = $%d", param(ps, f->sop));
	if (f->has_from)
		mutu_buf_printf(q, " AND f.lt >= 86400000 * $%d::bigint", param_i64(ps, f->from_day));
	if (f->has_to)
		mutu_buf_printf(q, " AND f.lt < 86400000 * ($%d::bigint + 1)", param_i64(ps, f->to_day));
}

static int pg_export_open(struct mutu_store *s, const struct store_export_filter *f, struct store_cursor **out,
			  struct mutu_err *err)
{
	struct pg_store *p = PGS(s);
	*out = NULL;
	struct pg_cursor *c = cursor_new(p, err);
	if (!c)
		return err->code;
	c->export = 1;
	struct params ps = {.n = 0};
	struct mutu_buf from, q;
	mutu_buf_init(&from);
	mutu_buf_init(&q);
	export_from(p, f, &ps, &from);
	mutu_buf_printf(&q, "SELECT c.id, c.case_key, c.sop, c.office%s ORDER BY c.id", from.s);
	int rc = cursor_labels(c, err);
	if (!rc)
		rc = fcur_open(p, &c->c[0], q.s, ps.n, ps.v, err);
	if (!rc) {
		mutu_buf_reset(&q);
		mutu_buf_printf(&q,
				"SELECT e.case_id, e.id, e.step, e.activity_id, e.actor_id, e.lifecycle_id, e.start_ms, "
				"e.start_off, e.end_ms, e.end_off, e.unknown, NULL, NULL, NULL, e.sorting FROM events e "
				"JOIN (SELECT c.office, c.id%s) s ON e.office = s.office AND e.case_id = s.id "
				"ORDER BY e.case_id, coalesce(e.start_ms, e.end_ms), coalesce(e.sorting, 0), e.id",
				from.s);
		rc = fcur_open(p, &c->c[1], q.s, ps.n, ps.v, err);
	}
	mutu_buf_release(&from);
	mutu_buf_release(&q);
	if (rc) {
		pg_cursor_free(&c->base);
		return rc;
	}
	*out = &c->base;
	return 0;
}

static int pg_export_attrs(struct store_cursor *sc, store_attr_fn fn, void *ctx, struct mutu_err *err)
{
	struct pg_cursor *c = PGC(sc);
	struct num n;
	const char *v[] = {c->last_office ? c->last_office : "", num(&n, c->last_case)};
	PGresult *r = query(c->p,
			    "SELECT 0, name, value FROM (SELECT name, value FROM case_attrs WHERE office = $1 AND "
			    "case_id = $2 ORDER BY name COLLATE \"C\") a "
			    "UNION ALL SELECT * FROM (SELECT a.event_id, a.name, a.value FROM event_attrs a JOIN "
			    "events e ON e.office = a.office AND e.id = a.event_id WHERE a.office = $1 AND "
			    "e.case_id = $2 ORDER BY a.event_id, a.name COLLATE \"C\") b",
			    2, v, "reading attributes", err);
	if (!r)
		return err->code;
	int rc = 0;
	for (int i = 0; i < PQntuples(r) && !rc; i++)
		rc = fn(ctx, get_i64(r, i, 0), PQgetvalue(r, i, 1), val_or_null(r, i, 2));
	PQclear(r);
	return rc;
}

static int pg_export_attr_names(struct mutu_store *s, const struct store_export_filter *f, const char *scope,
				store_name_fn fn, void *ctx, struct mutu_err *err)
{
	struct pg_store *p = PGS(s);
	struct params ps = {.n = 0};
	struct mutu_buf from, q;
	mutu_buf_init(&from);
	mutu_buf_init(&q);
	export_from(p, f, &ps, &from);
	if (strcmp(scope, "event") == 0)
		mutu_buf_printf(&q,
				"SELECT a.name FROM event_attrs a JOIN events e ON e.office = a.office AND "
				"e.id = a.event_id JOIN (SELECT c.office, c.id%s) s ON e.office = s.office AND "
				"e.case_id = s.id GROUP BY a.name ORDER BY a.name COLLATE \"C\"",
				from.s);
	else
		mutu_buf_printf(&q,
				"SELECT a.name FROM case_attrs a JOIN (SELECT c.office, c.id%s) s ON "
				"a.office = s.office AND a.case_id = s.id GROUP BY a.name ORDER BY a.name COLLATE \"C\"",
				from.s);
	int rc = each_name(p, q.s, ps.n, ps.v, fn, ctx, "reading attribute names", err);
	mutu_buf_release(&from);
	mutu_buf_release(&q);
	return rc;
}

static int pg_attr_types(struct mutu_store *s, store_type_fn fn, void *ctx, struct mutu_err *err)
{
	struct pg_store *p = PGS(s);
	char cond[64], sql[300];
	snprintf(sql, sizeof sql,
		 "SELECT scope, name, CASE WHEN count(DISTINCT type) = 1 THEN max(type) ELSE 'string' END "
		 "FROM attr_types WHERE %s GROUP BY scope, name ORDER BY scope COLLATE \"C\", name COLLATE \"C\"",
		 office_cond(p, "office", 1, cond, sizeof cond));
	const char *v[] = {p->base.office};
	PGresult *r = query(p, sql, p->base.office ? 1 : 0, v, "reading attribute types", err);
	if (!r)
		return err->code;
	int rc = 0;
	for (int i = 0; i < PQntuples(r) && !rc; i++)
		rc = fn(ctx, PQgetvalue(r, i, 0), PQgetvalue(r, i, 1), PQgetvalue(r, i, 2));
	PQclear(r);
	return rc;
}

/* ------------------------------------------------------------ the vtable */

/* ------------------------------------------------------------ month summaries */

static int pg_sum_mark(struct mutu_store *s, int64_t *mark, struct mutu_err *err)
{
	PGresult *r = query(PGS(s), "SELECT txid_snapshot_xmin(txid_current_snapshot())", 0, NULL,
			    "reading the snapshot", err);
	if (!r)
		return err->code;
	*mark = get_i64(r, 0, 0);
	PQclear(r);
	return 0;
}

static int pg_sum_get(struct mutu_store *s, struct store_month_sum *q, struct mutu_err *err)
{
	struct pg_store *p = PGS(s);
	char month[16], end[24];
	snprintf(month, sizeof month, "%d", q->month);
	snprintf(end, sizeof end, "%" PRId64, q->end_ms);
	const char *v[] = {s->office ? s->office : STORE_SUM_ALL_OFFICES, q->group, month, q->fingerprint,
			   s->office, q->sop_any ? "t" : "f", q->sop ? q->sop : "", end};
	PGresult *r = query(p,
			    "SELECT finished, with_ceiling, within, with_target, within_target, median_s"
			    " FROM month_summary m WHERE office = $1 AND sop = $2 AND month = $3 AND fingerprint = $4"
			    " AND NOT EXISTS (SELECT 1 FROM batch_touch t WHERE t.xid >= m.snap_xmin"
			    " AND ($5::text IS NULL OR t.office = $5) AND ($6::boolean OR t.sop = $7 OR t.sop = chr(1))"
			    " AND t.low_ms < $8::bigint)",
			    8, v, "reading month summaries", err);
	if (!r)
		return err->code;
	int found = PQntuples(r) == 1;
	if (found) {
		q->finished = get_i64(r, 0, 0);
		q->with_ceiling = get_i64(r, 0, 1);
		q->within = get_i64(r, 0, 2);
		q->with_target = get_i64(r, 0, 3);
		q->within_target = get_i64(r, 0, 4);
		q->median_s = is_null(r, 0, 5) ? NAN : strtod(PQgetvalue(r, 0, 5), NULL);
	}
	PQclear(r);
	return found;
}

static int pg_sum_put(struct mutu_store *s, const char *office, const struct store_month_sum *rows, size_t n,
		      int64_t mark, struct mutu_err *err)
{
	struct pg_store *p = PGS(s);
	/* a report does not wait to cache: no lock wait at all (a row another
	 * report is writing) */
	int rc = exec0(p, "BEGIN", "writing month summaries", err);
	if (!rc)
		rc = exec0(p, "SET LOCAL lock_timeout = 1", "writing month summaries", err);
	for (size_t i = 0; i < n && !rc; i++) {
		const struct store_month_sum *r = &rows[i];
		char month[16], mk[24], c[5][24], med[40];
		snprintf(month, sizeof month, "%d", r->month);
		snprintf(mk, sizeof mk, "%" PRId64, mark);
		const int64_t cv[5] = {r->finished, r->with_ceiling, r->within, r->with_target, r->within_target};
		for (int k = 0; k < 5; k++)
			snprintf(c[k], sizeof c[k], "%" PRId64, cv[k]);
		snprintf(med, sizeof med, "%.17g", r->median_s);
		const char *v[] = {office ? office : STORE_SUM_ALL_OFFICES, r->group, month, r->fingerprint, mk,
				   c[0], c[1], c[2], c[3], c[4], isnan(r->median_s) ? NULL : med};
		rc = execp(p,
			   "INSERT INTO month_summary (office, sop, month, fingerprint, batch_id, snap_xmin, finished,"
			   " with_ceiling, within, with_target, within_target, median_s)"
			   " VALUES ($1, $2, $3, $4, (SELECT coalesce(max(id), 0) FROM batches), $5, $6, $7, $8, $9,"
			   " $10, $11) ON CONFLICT (office, sop, month, fingerprint) DO UPDATE SET"
			   " batch_id = excluded.batch_id, snap_xmin = excluded.snap_xmin, finished = excluded.finished,"
			   " with_ceiling = excluded.with_ceiling, within = excluded.within,"
			   " with_target = excluded.with_target, within_target = excluded.within_target,"
			   " median_s = excluded.median_s",
			   11, v, "writing month summaries", err);
	}
	if (!rc)
		rc = exec0(p, "COMMIT", "writing month summaries", err);
	if (rc) {
		PQclear(PQexec(p->conn, "ROLLBACK"));
		/* lock not available (another report caching the same rows): skip */
		mutu_err_clear(err);
		return 0;
	}
	return 1;
}

/* ------------------------------------------------------------ kept case measures */

/*
 * In one transaction of its own, as pg_sum_put, and only when safe: for
 * each office among the rows, its ingest lock is free (tried, never
 * waited for: an ingest holds it from its batch row to its commit and
 * deletes the measures of the cases it changed at its end, in READ
 * COMMITTED, so it sees rows committed here before it took the lock) and
 * no batch of the office has committed since the report's snapshot
 * (batch_touch.xid >= mark, the snapshot's xmin, as pg_sum_get rules).
 * Else nothing is written: a later report keeps them.  The rows go by
 * COPY into a temporary table, then one upsert.
 */
static int pg_measure_put(struct mutu_store *s, const struct store_measure *rows, size_t n, int64_t mark,
			  struct mutu_err *err)
{
	struct pg_store *p = PGS(s);
	int rc = exec0(p, "BEGIN", "writing case measures", err);
	if (!rc)
		rc = exec0(p, "SET LOCAL lock_timeout = 1", "writing case measures", err);
	if (!rc)
		rc = exec0(p,
			   "CREATE TEMP TABLE IF NOT EXISTS pg_stage_measure (office text, case_id bigint, fp text, blob bytea)"
			   " ON COMMIT DELETE ROWS",
			   "writing case measures", err);
	int fresh = 1; /* 0: an office's lock taken or a batch seen: skip */
	char mk[24];
	snprintf(mk, sizeof mk, "%" PRId64, mark);
	for (size_t i = 0; i < n && !rc && fresh; i++) {
		const char *o = rows[i].office ? rows[i].office : "";
		int seen = 0;
		for (size_t j = 0; j < i && !seen; j++)
			seen = strcmp(rows[j].office ? rows[j].office : "", o) == 0;
		if (seen)
			continue;
		const char *v[] = {o, mk};
		PGresult *r = query(p,
				    "SELECT pg_try_advisory_xact_lock(hashtextextended('mutu office ' || $1, 0))"
				    " AND NOT EXISTS (SELECT 1 FROM batch_touch WHERE office = $1 AND xid >= $2::bigint)",
				    2, v, "writing case measures", err);
		if (!r) {
			rc = err->code;
			break;
		}
		fresh = PQgetvalue(r, 0, 0)[0] == 't';
		PQclear(r);
	}
	struct mutu_buf b;
	mutu_buf_init(&b);
	for (size_t i = 0; i < n && !rc && fresh; i++) {
		copy_str(&b, 1, rows[i].office ? rows[i].office : "");
		copy_int(&b, 0, 1, rows[i].case_id);
		copy_str(&b, 0, rows[i].fp);
		copy_bytea(&b, 0, (const char *)rows[i].blob, rows[i].len);
		mutu_buf_putc(&b, '\n');
		if (b.len > FLUSH_BYTES)
			rc = copy_rows(p, "pg_stage_measure (office, case_id, fp, blob)", &b, err);
	}
	if (!rc && fresh)
		rc = copy_rows(p, "pg_stage_measure (office, case_id, fp, blob)", &b, err);
	mutu_buf_release(&b);
	if (!rc && fresh)
		rc = exec0(p,
			   "INSERT INTO case_measure (office, case_id, fp, blob) SELECT DISTINCT ON (office, case_id)"
			   " office, case_id, fp, blob FROM pg_stage_measure ORDER BY office, case_id"
			   " ON CONFLICT (office, case_id) DO UPDATE SET fp = excluded.fp, blob = excluded.blob",
			   "writing case measures", err);
	if (!rc && fresh)
		rc = exec0(p, "COMMIT", "writing case measures", err);
	if (rc || !fresh) {
		PQclear(PQexec(p->conn, "ROLLBACK"));
		/* a lock not available (another report keeping the same rows):
		 * skip, as month summaries do */
		mutu_err_clear(err);
		return 0;
	}
	return 1;
}

static int pg_measure_count(struct mutu_store *s, int64_t *n, struct mutu_err *err)
{
	struct pg_store *p = PGS(s);
	const char *v[] = {s->office};
	PGresult *r = query(p, "SELECT count(*) FROM case_measure WHERE $1::text IS NULL OR office = $1", 1, v,
			    "counting case measures", err);
	if (!r)
		return err->code;
	*n = get_i64(r, 0, 0);
	PQclear(r);
	return 0;
}

static const struct store_ops pg_ops = {
	.close = pg_close,
	.begin_write = pg_begin_write,
	.begin_read = pg_begin_read,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.batch_size_seen = pg_batch_size_seen,
	.batch_find = pg_batch_find,
	.batch_create = pg_batch_create,
	.batch_supersede = pg_batch_supersede,
	.batch_finish = pg_batch_finish,
	.batch_list = pg_batch_list,
	.batch_exists = pg_batch_exists,
	.writer_open = pg_writer_open,
	.writer_case = pg_writer_case,
	.writer_case_attr = pg_writer_case_attr,
	.writer_event = pg_writer_event,
	.writer_event_attr = pg_writer_event_attr,
	.writer_rejected = pg_writer_rejected,
	.writer_attr_type = pg_writer_attr_type,
	.writer_finish = pg_writer_finish,
	.writer_free = pg_writer_free,
	.cases_open = pg_cases_open,
	.cases_next = pg_cases_next,
	.cursor_free = pg_cursor_free,
	.attr_names = pg_attr_names,
	.sops = pg_sops,
	.offices = pg_offices,
	.latest = pg_latest,
	.latest_end = pg_latest_end,
	.any_end_in = pg_any_end_in,
	.flags_schema = pg_flags_schema,
	.flags_replace = pg_flags_replace,
	.count = pg_count,
	.sop_spans = pg_sop_spans,
	.rejected_list = pg_rejected_list,
	.export_open = pg_export_open,
	.export_attrs = pg_export_attrs,
	.export_attr_names = pg_export_attr_names,
	.attr_types = pg_attr_types,
	.sum_mark = pg_sum_mark,
	.sum_get = pg_sum_get,
	.sum_put = pg_sum_put,
	.measure_put = pg_measure_put,
	.measure_count = pg_measure_count,
};
