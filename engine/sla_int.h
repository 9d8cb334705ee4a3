/*
 * sla_int.h - what sla_month.c (the monthly aggregation) and
 * sla_measure.c (the kept case measures' encoding) share: a case's local
 * days and the measure codec.  Private to the sla_ module; the unit tests
 * include it to check the codec gives back exactly what it was given.
 */
#ifndef MUTU_SLA_INT_H
#define MUTU_SLA_INT_H

#include "mutu/base.h"
#include "mutu/sla.h"

#include <stddef.h>
#include <stdint.h>

/*
 * Where a case's instants fall in local days, taken once from the case's
 * own stamps (sla_case_offset, sla_case_midnight) so that a case read back
 * from its kept measure, which has no stamps, cuts its days exactly as
 * the case did: the local days of its arrival and completion, and the
 * offset its local midnights are at (the calendar's, or its latest
 * stamp's); under a --tz zone the midnight depends on the day only, and
 * sla_case_midnight, which then reads no stamp, gives it.
 */
struct case_zone {
	int64_t da, dd; /* local day of arrival, of completion (finished cases) */
	int moff;       /* midnight = day * 86400 - moff (not tz) */
	int tz;         /* the SOP's --tz zone cuts the days */
};

/* A growing byte buffer for one measure; zero it to start, free(p) at the end. */
struct sla_mbuf {
	unsigned char *p;
	size_t n, cap;
};

/* The arrays a decoded case points into, reused case after case; zero it
 * to start, sla_mscratch_release at the end. */
struct sla_mscratch {
	struct sla_event *ev;
	struct sla_step_time *st;
	struct sla_pause *pauses;
	size_t cap, pcap;
	char *text, *tname; /* target text and name, NUL-terminated copies */
	char **str;         /* the measure's own strings (NUL-terminated copies) */
	const char **tab;   /* the measure's string table: into str or the model */
	size_t scap;
};
void sla_mscratch_release(struct sla_mscratch *m);

/* Encode case c (its SOP c->sop; read as in, zone z, span first..lastt)
 * into b (b->n reset first).  An open case's step executions are left
 * out (sla_month.c says why). */
void sla_measure_encode(struct sla_mbuf *b, const struct sla_case *c, const struct case_zone *z,
			const struct sla_case_in *in, double first, double lastt);

/* Rebuild case c (SOP s, the one it was encoded with) from in->measure,
 * as sla_case_compute left it for everything sla_month.c reads; in's
 * target fields and nev, the zone and the span come back too (the
 * planned date's text only when c->target is NAN: "" otherwise).  c points
 * into m and s's model (valid until the next decode); never
 * sla_case_release it.  0, or MUTU_EFAIL (err names the case) for bytes
 * that are not this encoding's: truncated, too long, a bad tag or index. */
int sla_measure_decode(const struct sla_sop *s, struct sla_case_in *in, struct sla_mscratch *m,
		       struct sla_case *c, struct case_zone *z, double *first, double *lastt,
		       struct mutu_err *err);

#endif
