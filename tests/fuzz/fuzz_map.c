/*
 * fuzz_map.c - libFuzzer harness for the --map file reader (activity,step
 * lines; datasets/logs/sicantik-map.csv).  The map is read inside
 * elog_ingest, so the input is written as the map and a fixed small log
 * (activities named in words, as a SiCANTIK export names them) is
 * ingested with it into a fresh store.  Same accounting assertion as
 * fuzz_csv.c: rows_read == events_stored + rejected + duplicates.
 */
#include "fuzz_util.h"

#include "mutu/elog.h"

static const char LOG[] =
	"case_id,activity,actor,start,end\n"
	"A,Pemohon mengajukan permohonan,Pemohon,2025-05-15 09:00,2025-05-15 09:20\n"
	"A,Front Office memeriksa kelengkapan berkas,Front Office,2025-05-15 09:30,2025-05-15 09:40\n"
	"A,Verifikasi Berkas,Front Office,2025-05-15 10:00,2025-05-15 10:10\n"
	"B,Pendaftaran Online,Pemohon,2025-05-16 08:00,2025-05-16 08:30\n"
	"B,Draft SK,Kepala Dinas,2025-05-16 09:00,2025-05-16 09:30\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char log[1024], map[1024], db[1024], models[1024], cals[1024];
	const char *dir = fuzz_dir(0);
	fuzz_write(fuzz_path(log, dir, "map-log.csv"), (const uint8_t *)LOG, sizeof LOG - 1);
	fuzz_write(fuzz_path(map, dir, "map.csv"), data, size);
	fuzz_path(db, dir, "map-store.db");
	fuzz_remove_store(db);
	FUZZ_FMT(models, "%s/tests/data/models", FUZZ_ROOT);
	FUZZ_FMT(cals, "%s/datasets/calendars", FUZZ_ROOT);

	struct elog_opts o;
	elog_opts_init(&o);
	o.sop_id = "uji-sla";
	o.models_dir = models;
	o.calendars_dir = cals;
	o.map_path = map;
	struct elog_result r;
	elog_result_init(&r);
	struct mutu_err err;
	mutu_err_clear(&err);
	int rc = elog_ingest(db, log, &o, &r, &err);
	if (rc == 0) {
		if (r.rows_read != r.events_stored + r.rejected + r.duplicates || r.rows_read != 5)
			abort();
	} else if (!err.msg[0]) {
		abort();
	}
	elog_result_release(&r);
	fuzz_remove_store(db);
	fuzz_done();
	return 0;
}
