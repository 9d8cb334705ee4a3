/*
 * fuzz_model.c - libFuzzer harness for the SOP model loader
 * (sop_model_parse, the INI form of models/<id>.ini).
 *
 * A model that loads goes through everything `mutu model show|check`
 * does with it: check, ceiling, INI and JSON output.  Property (abort()
 * when broken): the INI mutu writes for a loaded model loads again, with
 * the same steps and the same total.
 */
#include "fuzz_util.h"

#include "mutu/sop.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sop_model *m = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	if (sop_model_parse((const char *)data, size, "fuzz.ini", &m, &err) != 0) {
		if (m || !err.msg[0])
			abort();
		return 0;
	}
	struct mutu_notes notes;
	mutu_notes_init(&notes);
	sop_model_check(m, 450, &notes);
	sop_model_check(m, 1440, &notes);
	(void)sop_model_ceiling_days(m, 450);
	struct mutu_buf ini, json;
	mutu_buf_init(&ini);
	mutu_buf_init(&json);
	sop_model_to_ini(m, &ini);
	sop_model_to_json(m, 450, &json);
	struct sop_model *m2 = NULL;
	if (sop_model_parse(ini.s, ini.len, "fuzz-out.ini", &m2, &err) != 0)
		abort();
	struct dur a = sop_model_total(m), b = sop_model_total(m2);
	if (m2->nsteps != m->nsteps || a.days != b.days || a.minutes != b.minutes)
		abort();
	sop_model_free(m2);
	mutu_buf_release(&ini);
	mutu_buf_release(&json);
	mutu_notes_release(&notes);
	sop_model_free(m);
	return 0;
}
