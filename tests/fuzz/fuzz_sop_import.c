/*
 * fuzz_sop_import.c - libFuzzer harness for the SOP table importer
 * (sop_import: tab-separated text copied out of a Word/PDF table, like
 * tests/data/sop/).  An imported model is checked and written as INI and
 * JSON, as `mutu sop import` does.  The INI may legitimately fail to load
 * (the importer writes "waktu = ?" for a reviewer to fill in), so no
 * round trip is asserted; an error must come with a message.
 */
#include "fuzz_util.h"

#include "mutu/sop.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sop_model *m = NULL;
	struct mutu_notes warn;
	mutu_notes_init(&warn);
	struct mutu_err err;
	mutu_err_clear(&err);
	if (sop_import((const char *)data, size, "fuzz.txt", &m, &warn, &err) == 0) {
		struct mutu_notes notes;
		mutu_notes_init(&notes);
		sop_model_check(m, 450, &notes);
		struct mutu_buf ini, json;
		mutu_buf_init(&ini);
		mutu_buf_init(&json);
		sop_model_to_ini(m, &ini);
		sop_model_to_json(m, 450, &json);
		struct sop_model *m2 = NULL;
		if (sop_model_parse(ini.s, ini.len, "fuzz-out.ini", &m2, &err) == 0)
			sop_model_free(m2);
		mutu_buf_release(&ini);
		mutu_buf_release(&json);
		mutu_notes_release(&notes);
		sop_model_free(m);
	} else if (m || !err.msg[0]) {
		abort();
	}
	mutu_notes_release(&warn);
	return 0;
}
