/*
 * store_pq.c - libpq, loaded only when a PostgreSQL store is opened.
 *
 * Why: linking libpq pulls about 25 shared objects into every mutu process
 * (libssl, Kerberos, LDAP, GnuTLS, ...), and the dynamic loader's work at
 * start-up grew by two thirds -- a cost every `mutu sim` and every report
 * on a SQLite store paid for a backend it never used (issue 14 measures
 * whole processes).  So mutu is not linked with -lpq: this file defines the
 * libpq functions engine/store_pg.c calls, with libpq's own prototypes
 * (libpq-fe.h), and each forwards to the real one, looked up with dlopen /
 * dlsym the first time a connection is made.
 *
 * The table of addresses is the one process-wide state of the library
 * besides the out-of-memory hook: written once under pthread_once, read
 * only afterwards, so two stores (or two threads) share it safely.  When
 * libpq cannot be loaded, PQconnectdbParams returns NULL and PQstatus /
 * PQerrorMessage on that NULL say so, which store_pg.c reports as a
 * connection failure naming the library and what to install.
 *
 * A libpq function store_pg.c (or a test) starts to use must be added to PQ_FUNCS and
 * given a forwarder below, or the link fails (by design: no silent gap).
 */
#define _GNU_SOURCE 1 /* RTLD_* on older C libraries */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>

#define PQ_LIBRARY "libpq.so.5"

#define PQ_FUNCS(X)                                                                                \
	X(PQclear) X(PQcmdTuples) X(PQconnectdb) X(PQconninfoFree) X(PQconninfoParse) X(PQconsumeInput) X(PQconnectdbParams) X(PQdb) X(PQerrorMessage) X(PQescapeLiteral) \
	X(PQexec) X(PQexecParams) X(PQexecPrepared) X(PQfinish) X(PQfreemem) X(PQgetResult)         \
	X(PQgetisnull) X(PQgetlength) X(PQgetvalue) X(PQhost) X(PQntuples) X(PQport) X(PQprepare)   \
	X(PQputCopyData) X(PQputCopyEnd) X(PQresultErrorField) X(PQresultErrorMessage)              \
	X(PQresultStatus) X(PQsendQuery) X(PQsendQueryParams) X(PQisBusy) X(PQsocket) X(PQgetCancel)    \
	X(PQcancel) X(PQfreeCancel) X(PQsetNoticeProcessor) X(PQstatus) X(PQunescapeBytea) X(PQuser)

static struct {
#define X(name) __typeof__(name) *name;
	PQ_FUNCS(X)
#undef X
} pq;
static int pq_ok;
static char pq_why[512];
static pthread_once_t pq_once = PTHREAD_ONCE_INIT;

static void pq_load(void)
{
	void *h = dlopen(PQ_LIBRARY, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		const char *e = dlerror();
		snprintf(pq_why, sizeof pq_why,
			 "cannot load the PostgreSQL client library %s (%s): install Debian's libpq5 "
			 "(make deps installs libpq-dev)\n",
			 PQ_LIBRARY, e ? e : "not found");
		return;
	}
	/* dlsym gives an object pointer; POSIX guarantees it converts to a
	 * function pointer, which memcpy says without a cast ISO C lacks */
#define X(name)                                                                                    \
	{                                                                                          \
		void *p = dlsym(h, #name);                                                         \
		if (!p) {                                                                          \
			snprintf(pq_why, sizeof pq_why, "%s has no %s: a libpq older than 10?\n",   \
				 PQ_LIBRARY, #name);                                               \
			return;                                                                    \
		}                                                                                  \
		memcpy(&pq.name, &p, sizeof p);                                                    \
	}
	PQ_FUNCS(X)
#undef X
	pq_ok = 1;
}

static int pq_ready(void)
{
	pthread_once(&pq_once, pq_load);
	return pq_ok;
}

/* ---- the forwarders (libpq-fe.h's prototypes) ---- */

PGconn *PQconnectdbParams(const char *const *keywords, const char *const *values, int expand_dbname)
{
	return pq_ready() ? pq.PQconnectdbParams(keywords, values, expand_dbname) : NULL;
}

PGconn *PQconnectdb(const char *conninfo)
{
	return pq_ready() ? pq.PQconnectdb(conninfo) : NULL;
}

/* Called before any connection (store_pg.c checks the location): without
 * libpq no message (*errmsg NULL), and the connection that follows says
 * what is missing. */
PQconninfoOption *PQconninfoParse(const char *conninfo, char **errmsg)
{
	if (errmsg)
		*errmsg = NULL;
	return pq_ready() ? pq.PQconninfoParse(conninfo, errmsg) : NULL;
}

void PQconninfoFree(PQconninfoOption *connOptions)
{
	if (pq_ready())
		pq.PQconninfoFree(connOptions);
}

ConnStatusType PQstatus(const PGconn *conn)
{
	return conn && pq_ready() ? pq.PQstatus(conn) : CONNECTION_BAD;
}

char *PQerrorMessage(const PGconn *conn)
{
	if (!pq_ready())
		return pq_why;
	return conn ? pq.PQerrorMessage(conn) : (char *)"out of memory\n";
}

/* Every other function is reached only through a connection, so libpq is
 * loaded by then; the checks keep a misuse from calling through NULL. */
#define READY_OR(v)                                                                                \
	if (!pq_ready())                                                                           \
	return v

void PQclear(PGresult *res) { READY_OR(); pq.PQclear(res); }
char *PQcmdTuples(PGresult *res) { READY_OR((char *)""); return pq.PQcmdTuples(res); }
char *PQdb(const PGconn *conn) { READY_OR(NULL); return pq.PQdb(conn); }
char *PQescapeLiteral(PGconn *conn, const char *str, size_t len)
{
	READY_OR(NULL);
	return pq.PQescapeLiteral(conn, str, len);
}
PGresult *PQexec(PGconn *conn, const char *query) { READY_OR(NULL); return pq.PQexec(conn, query); }
PGresult *PQexecParams(PGconn *conn, const char *command, int nParams, const Oid *paramTypes,
		       const char *const *paramValues, const int *paramLengths, const int *paramFormats,
		       int resultFormat)
{
	READY_OR(NULL);
	return pq.PQexecParams(conn, command, nParams, paramTypes, paramValues, paramLengths,
			       paramFormats, resultFormat);
}
PGresult *PQexecPrepared(PGconn *conn, const char *stmtName, int nParams,
			 const char *const *paramValues, const int *paramLengths, const int *paramFormats,
			 int resultFormat)
{
	READY_OR(NULL);
	return pq.PQexecPrepared(conn, stmtName, nParams, paramValues, paramLengths, paramFormats,
				 resultFormat);
}
int PQconsumeInput(PGconn *conn) { READY_OR(0); return pq.PQconsumeInput(conn); }
int PQsendQueryParams(PGconn *conn, const char *command, int nParams, const Oid *paramTypes,
		      const char *const *paramValues, const int *paramLengths, const int *paramFormats,
		      int resultFormat)
{
	READY_OR(0);
	return pq.PQsendQueryParams(conn, command, nParams, paramTypes, paramValues, paramLengths,
				    paramFormats, resultFormat);
}
int PQsendQuery(PGconn *conn, const char *query) { READY_OR(0); return pq.PQsendQuery(conn, query); }
int PQisBusy(PGconn *conn) { READY_OR(0); return pq.PQisBusy(conn); }
int PQsocket(const PGconn *conn) { READY_OR(-1); return pq.PQsocket(conn); }
PGcancel *PQgetCancel(PGconn *conn) { READY_OR(NULL); return pq.PQgetCancel(conn); }
/* PQcancel is safe to call from a signal handler in libpq; here it is
 * called from the statement's wait (store_pg.c pg_await) */
int PQcancel(PGcancel *cancel, char *errbuf, int errbufsize)
{
	READY_OR(0);
	return pq.PQcancel(cancel, errbuf, errbufsize);
}
void PQfreeCancel(PGcancel *cancel) { READY_OR(); pq.PQfreeCancel(cancel); }
void PQfinish(PGconn *conn) { READY_OR(); pq.PQfinish(conn); }
void PQfreemem(void *ptr) { READY_OR(); pq.PQfreemem(ptr); }
PGresult *PQgetResult(PGconn *conn) { READY_OR(NULL); return pq.PQgetResult(conn); }
int PQgetisnull(const PGresult *res, int tup_num, int field_num)
{
	READY_OR(1);
	return pq.PQgetisnull(res, tup_num, field_num);
}
int PQgetlength(const PGresult *res, int tup_num, int field_num)
{
	READY_OR(0);
	return pq.PQgetlength(res, tup_num, field_num);
}
char *PQgetvalue(const PGresult *res, int tup_num, int field_num)
{
	READY_OR((char *)"");
	return pq.PQgetvalue(res, tup_num, field_num);
}
char *PQhost(const PGconn *conn) { READY_OR(NULL); return pq.PQhost(conn); }
int PQntuples(const PGresult *res) { READY_OR(0); return pq.PQntuples(res); }
char *PQport(const PGconn *conn) { READY_OR(NULL); return pq.PQport(conn); }
PGresult *PQprepare(PGconn *conn, const char *stmtName, const char *query, int nParams,
		    const Oid *paramTypes)
{
	READY_OR(NULL);
	return pq.PQprepare(conn, stmtName, query, nParams, paramTypes);
}
int PQputCopyData(PGconn *conn, const char *buffer, int nbytes)
{
	READY_OR(-1);
	return pq.PQputCopyData(conn, buffer, nbytes);
}
int PQputCopyEnd(PGconn *conn, const char *errormsg) { READY_OR(-1); return pq.PQputCopyEnd(conn, errormsg); }
char *PQresultErrorField(const PGresult *res, int fieldcode)
{
	READY_OR(NULL);
	return pq.PQresultErrorField(res, fieldcode);
}
char *PQresultErrorMessage(const PGresult *res) { READY_OR(pq_why); return pq.PQresultErrorMessage(res); }
ExecStatusType PQresultStatus(const PGresult *res) { READY_OR(PGRES_FATAL_ERROR); return pq.PQresultStatus(res); }
PQnoticeProcessor PQsetNoticeProcessor(PGconn *conn, PQnoticeProcessor proc, void *arg)
{
	READY_OR(NULL);
	return pq.PQsetNoticeProcessor(conn, proc, arg);
}
unsigned char *PQunescapeBytea(const unsigned char *strtext, size_t *retbuflen)
{
	READY_OR(NULL);
	return pq.PQunescapeBytea(strtext, retbuflen);
}
char *PQuser(const PGconn *conn) { READY_OR(NULL); return pq.PQuser(conn); }
