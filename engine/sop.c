/*
 * sop.c - SOP models: loading the INI form (libinih), totals and the
 * declared-versus-computed check, INI and JSON output, and the canonical
 * names of positions (pelaksana) with their aliases and typos.
 *
 * Why a custom reader under libinih: Debian's libinih is built with a
 * 200-byte line buffer and without line numbers in the handler.  SOP
 * activity texts run longer than 200 bytes and every error must name its
 * line, so the reader below feeds inih one physical line at a time, counts
 * lines, registers [sections] itself (inih does not report empty ones) and
 * keeps the full line, from which the handler takes the value.  Values are
 * therefore literal: no inline comments (table text may contain ';'), no
 * continuation lines (leading white space is dropped before inih sees it).
 */
#include "mutu/sop.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ini.h>

#include "sop_int.h"

/* the largest step number a model may use ([step N]) */
#define SOP_STEP_NO_MAX 100000

/* ------------------------------------------------------------------ */
/* Words and positions                                                  */

static const char *const func_words[] = {
	"ke", "kepada", "dari", "oleh", "dan", "atau", "yang", "di", "untuk", "pada",
	"jika", "apabila", "bila", "dengan", "to", "from", "by", "and", "or", "the",
	"of", "if", "untuk", "sudah", "telah", "belum", "tidak", NULL
};

static int in_list(const char *w, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(w, *list) == 0)
			return 1;
	return 0;
}

int sop_is_filler(const char *w)
{
	/* (and the acting head's prefixes, "Plt. Kepala Dinas", "Plh Kadis",
	 * "Pj. Camat": pelaksana tugas / harian, penjabat, the same position;
	 * before, "Plt. Kepala Dinas" was none of the positions mutu knows) */
	static const char *const fillers[] = {"petugas", "staf", "staff", "pejabat", "para",
					      "bapak", "ibu", "officer", "plt", "plh", "pj", "pjs", NULL};
	return in_list(w, fillers);
}

int sop_lev(const char *a, const char *b, int max)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la >= SOP_WORD_MAX || lb >= SOP_WORD_MAX)
		return strcmp(a, b) == 0 ? 0 : max + 1;
	if ((la > lb ? la - lb : lb - la) > (size_t)max)
		return max + 1;
	int prev[SOP_WORD_MAX + 1], cur[SOP_WORD_MAX + 1];
	for (size_t j = 0; j <= lb; j++)
		prev[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = (int)i;
		int best = cur[0];
		for (size_t j = 1; j <= lb; j++) {
			int c = prev[j - 1] + (a[i - 1] != b[j - 1]);
			if (prev[j] + 1 < c)
				c = prev[j] + 1;
			if (cur[j - 1] + 1 < c)
				c = cur[j - 1] + 1;
			cur[j] = c;
			if (c < best)
				best = c;
		}
		if (best > max)
			return max + 1;
		memcpy(prev, cur, sizeof(int) * (lb + 1));
	}
	return prev[lb] > max ? max + 1 : prev[lb];
}

int sop_word_like(const char *p, const struct sop_tok *t)
{
	if (strcmp(p, t->w) == 0)
		return 1;
	if (t->func)
		return 0;
	size_t n = strlen(p);
	/* Short words (kasi, tim) only match exactly: one edit turns them
	 * into other words.  Longer ones take the typos seen in the field
	 * ("koordinatar", "perzinan", "ofice", "sekertaris"). */
	int max = n >= 8 ? 2 : n >= 5 ? 1 : 0;
	if (max == 0)
		return 0;
	/* the first letter is rarely wrong, and it keeps "dinas"/"bidang" apart */
	if (p[0] != t->w[0])
		return 0;
	return sop_lev(p, t->w, max) <= max;
}

size_t sop_match_at(const char *const *pat, size_t npat, const struct sop_tok *toks,
		    size_t ntoks, size_t i, int *skips)
{
	int sk = 0;
	if (npat == 0 || i >= ntoks || !sop_word_like(pat[0], &toks[i]))
		return 0;
	size_t j = i + 1;
	for (size_t k = 1; k < npat; k++) {
		if (j < ntoks && sop_word_like(pat[k], &toks[j])) {
			j++;
		} else if (j + 1 < ntoks && !toks[j].func && sop_word_like(pat[k], &toks[j + 1])) {
			j += 2;
			sk++;
		} else {
			return 0;
		}
	}
	if (skips)
		*skips = sk;
	return j;
}

/* Expansions of abbreviations, applied while tokenising. */
static const struct {
	const char *abbr;
	const char *words[4];
	const char *after; /* only after one of these words (space separated), or NULL */
} expansions[] = {
	{"kadis", {"kepala", "dinas"}, NULL},
	{"kaban", {"kepala", "badan"}, NULL},
	{"kabid", {"kepala", "bidang"}, NULL},
	{"kasi", {"kepala", "seksi"}, NULL},
	{"kasubbid", {"kepala", "sub", "bidang"}, NULL},
	{"kasubid", {"kepala", "sub", "bidang"}, NULL},
	{"kasie", {"kepala", "seksi"}, NULL},
	{"kasubid", {"kepala", "seksi"}, NULL},
	{"sekdis", {"sekretaris"}, NULL},
	{"sekban", {"sekretaris"}, NULL},
	{"fo", {"front", "office"}, NULL},
	{"bo", {"back", "office"}, NULL},
	{"cs", {"customer", "service"}, NULL},
	{"frontoffice", {"front", "office"}, NULL},
	{"backoffice", {"back", "office"}, NULL},
	{"frontofice", {"front", "office"}, NULL},
	{"backofice", {"back", "office"}, NULL},
	{"subkoordinator", {"sub", "koordinator"}, NULL},
	{"subkoor", {"sub", "koordinator"}, NULL},
	{"pp", {"pelayanan", "perizinan"}, " seksi bidang "},
	/* a Dinas's head and the Dinas by their usual short names: the head
	 * of the office the table is (sop_import.c: its agency line names
	 * it) or of another one; before, "Kadishub" was none of the positions
	 * mutu knows and the warning suggested the Back Office */
	{"kades", {"kepala", "desa"}, NULL},
	{"kadishub", {"kepala", "dinas", "perhubungan"}, NULL},
	{"dishub", {"dinas", "perhubungan"}, NULL},
	{"kadinkes", {"kepala", "dinas", "kesehatan"}, NULL},
	{"dinkes", {"dinas", "kesehatan"}, NULL},
	{"kadisdukcapil", {"kepala", "dinas", "kependudukan"}, NULL},
	{"disdukcapil", {"dinas", "kependudukan"}, NULL},
	{"kadisnaker", {"kepala", "dinas", "tenaga", "kerja"}, NULL},
	{"disnaker", {"dinas", "tenaga", "kerja"}, NULL},
	{"kadisperindag", {"kepala", "dinas", "perindustrian", "perdagangan"}, NULL},
	{"disperindag", {"dinas", "perindustrian", "perdagangan"}, NULL},
	{"ka", {"kepala"}, NULL}, /* "Ka. Dinas", "Ka Bid": only before a unit, see below */
};

static void push_tok(struct sop_tok **v, size_t *n, size_t *cap, const char *w, size_t start,
		     size_t end)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		*v = mutu_realloc(*v, *cap * sizeof **v);
	}
	struct sop_tok *t = &(*v)[(*n)++];
	snprintf(t->w, sizeof t->w, "%s", w);
	t->start = start;
	t->end = end;
	t->func = in_list(t->w, func_words);
}

size_t sop_tokenize(const char *text, struct sop_tok **out)
{
	struct sop_tok *v = NULL;
	size_t n = 0, cap = 0;
	size_t i = 0;
	while (text[i]) {
		if (!isalnum((unsigned char)text[i])) {
			i++;
			continue;
		}
		size_t s = i;
		char w[SOP_WORD_MAX];
		size_t k = 0;
		while (text[i] && isalnum((unsigned char)text[i])) {
			if (k + 1 < sizeof w)
				w[k++] = (char)tolower((unsigned char)text[i]);
			i++;
		}
		w[k] = 0;
		int done = 0;
		for (size_t e = 0; e < sizeof expansions / sizeof expansions[0]; e++) {
			if (strcmp(w, expansions[e].abbr) != 0)
				continue;
			if (expansions[e].after) {
				char key[SOP_WORD_MAX + 2];
				if (n == 0)
					break;
				snprintf(key, sizeof key, " %s ", v[n - 1].w);
				if (!strstr(expansions[e].after, key))
					break;
			}
			if (strcmp(w, "ka") == 0) {
				/* "Ka" is kepala only before dinas/bidang/seksi/badan */
				size_t j = i;
				while (text[j] && !isalnum((unsigned char)text[j]))
					j++;
				if (mutu_strncasecmp(text + j, "din", 3) && mutu_strncasecmp(text + j, "bid", 3) &&
				    mutu_strncasecmp(text + j, "sek", 3) && mutu_strncasecmp(text + j, "bad", 3))
					break;
			}
			for (size_t m = 0; m < 4 && expansions[e].words[m]; m++)
				push_tok(&v, &n, &cap, expansions[e].words[m], s, i);
			done = 1;
			break;
		}
		if (!done)
			push_tok(&v, &n, &cap, w, s, i);
	}
	*out = v;
	return n;
}

/* The known positions.  Canonical names keep the office's own title
 * (Koordinator Perizinan stays Koordinator Perizinan); the class says which
 * ones are the same rung (domain.md: Sub Koordinator / Koordinator are the
 * post-2021 names of Kasi / Kabid). */
const struct sop_actor_entry sop_actor_table[] = {
	/* "Pelaku Usaha": the applicant as OSS (the national licensing
	 * system, PP 5/2021) names a business applying for a permit */
	{"Pemohon", SOP_CLS_PEMOHON,
	 {{"pemohon"}, {"applicant"}, {"pemohon", "izin"}, {"pelaku", "usaha"}}},
	{"Front Office", SOP_CLS_FO,
	 {{"front", "office"}, {"customer", "service"}, {"petugas", "loket"}, {"loket"},
	  {"counter"}, {"front", "desk"},
	  /* the clerk who registers the application at the counter, by
	   * the work: "Petugas Pendaftaran", "Loket Pendaftaran", "Petugas
	   * Penerima Berkas" (before round 10, none of the positions) */
	  {"petugas", "pendaftaran"}, {"loket", "pendaftaran"}, {"petugas", "penerima", "berkas"},
	  {"petugas", "penerimaan", "berkas"},
	  /* the counter of a Mal Pelayanan Publik, where the DPMPTSP (and
	   * other agencies) receive applications at a gerai: "Petugas MPP",
	   * "Loket MPP", "Petugas Gerai" (before round 12, none of the
	   * positions, the Back Office suggested) */
	  {"petugas", "mpp"}, {"loket", "mpp"}, {"petugas", "gerai"}, {"gerai", "mpp"}}},
	/* "Operator SIAK": Disdukcapil's (and a PATEN kecamatan's) officer who
	 * enters the data into SIAK (Sistem Informasi Administrasi
	 * Kependudukan) and prints the document: the back office of that
	 * service, a person with a desk and a queue (a bare "Operator" stays
	 * a position of its own: which work it does is the office's to say) */
	/* a bare "Operator" at a DPMPTSP (or PATEN) is the back office: the
	 * officer who enters the application into the system (SiCANTIK, OSS)
	 * and drafts the permit, behind the counter; before, a position of
	 * its own that a scenario had to staff by that title */
	/* (and the jabatan fungsional and pelaksana of licensing, "Penata
	 * Perizinan", "Analis Perizinan", "Pengelola Perizinan",
	 * "Pengadministrasi Perizinan": the civil servants who examine the
	 * berkas and draft the permit behind the counter; before round 11,
	 * none of the positions, and the warning's suggestion was a guess) */
	{"Back Office", SOP_CLS_BO,
	 {{"back", "office"}, {"operator", "siak"}, {"operator"}, {"penata", "perizinan"},
	  {"analis", "perizinan"}, {"pengelola", "perizinan"}, {"pengadministrasi", "perizinan"}}},
	{"Dinas Teknis", SOP_CLS_TEKNIS,
	 {{"dinas", "teknis"}, {"opd", "teknis"}, {"instansi", "teknis"}, {"technical", "agency"}}},
	/* "Tim Teknis OPD": the team of the technical office (Organisasi
	 * Perangkat Daerah), as SOP tables title its column */
	/* a PBG's Tim Profesi Ahli (TPA) and Tim Penilai Teknis (TPT), the
	 * teams PP 16/2021 has assess a building's technical documents: the
	 * Tim Teknis of that permit */
	{"Tim Teknis", SOP_CLS_TEKNIS,
	 {{"tim", "teknis"}, {"technical", "team"}, {"tim", "teknis", "opd"}, {"tim", "profesi", "ahli"},
	  {"tpa"}, {"tim", "penilai", "teknis"}, {"tpt"},
	  /* a kabupaten's joint team of the technical offices (PUPR,
	   * lingkungan hidup, perhubungan ...), "Tim Teknis Gabungan", "Tim
	   * Teknis Terpadu": one team, the Tim Teknis */
	  {"tim", "teknis", "gabungan"}, {"tim", "teknis", "terpadu"}}},
	{"Kepala Seksi Pelayanan Perizinan", SOP_CLS_SEKSI,
	 {{"kepala", "seksi", "pelayanan", "perizinan"}}},
	/* "Kepala Sub Bidang" / "Kasubbid": a Badan's (BPMPTSP's) eselon IV
	 * under a Kepala Bidang, the rung of a Dinas's Kepala Seksi (round 13;
	 * before, "Kepala Sub Bidang Perizinan" read as a typo of "Kepala
	 * Bidang Perizinan", the "Sub" skipped: the Kabid's rung and pool) */
	{"Kepala Seksi Perizinan", SOP_CLS_SEKSI,
	 {{"kepala", "seksi", "perizinan"}, {"kepala", "sub", "bidang", "perizinan"},
	  {"kepala", "subbidang", "perizinan"}}},
	{"Kepala Seksi", SOP_CLS_SEKSI,
	 {{"kepala", "seksi"}, {"head", "of", "section"}, {"kepala", "sub", "bidang"}, {"kepala", "subbidang"}}},
	{"Sub Koordinator Perizinan", SOP_CLS_SEKSI, {{"sub", "koordinator", "perizinan"}}},
	{"Sub Koordinator", SOP_CLS_SEKSI, {{"sub", "koordinator"}}},
	{"Kepala Bidang Pelayanan Perizinan", SOP_CLS_BIDANG,
	 {{"kepala", "bidang", "pelayanan", "perizinan"}}},
	{"Kepala Bidang Perizinan", SOP_CLS_BIDANG, {{"kepala", "bidang", "perizinan"}}},
	{"Kepala Bidang", SOP_CLS_BIDANG,
	 {{"kepala", "bidang"}, {"head", "of", "division"}, {"head", "of", "department"}}},
	{"Koordinator Perizinan", SOP_CLS_BIDANG, {{"koordinator", "perizinan"}}},
	{"Koordinator", SOP_CLS_BIDANG, {{"koordinator"}}},
	/* "Sekretaris Camat" / "Sekcam": the kecamatan's secretary, who
	 * initials a PATEN document before the Camat signs it */
	/* (and "Sekretaris Lurah" / "Seklur", the kelurahan's, before the
	 * Lurah signs; "Sekretaris Desa" / "Sekdes", a desa's) */
	{"Sekretaris", SOP_CLS_SEKRETARIS,
	 {{"sekretaris"}, {"sekretaris", "dinas"}, {"secretary"}, {"sekretaris", "camat"}, {"sekcam"},
	  {"sekretaris", "kecamatan"}, {"sekretaris", "lurah"}, {"seklur"}, {"sekretaris", "kelurahan"},
	  {"sekretaris", "desa"}, {"sekdes"}}},
	/* "Kepala DPMPTSP": the head named by the office's own acronym */
	/* "Camat": the head of a kecamatan, who signs a PATEN service's
	 * permits and documents as a Kepala Dinas signs a DPMPTSP's (the
	 * same rung: one signature at the end, one person).  The Lurah, who
	 * signs a kelurahan's letters the same way, is no alias: in a
	 * kecamatan's table the Lurah and the Camat are two people, and an
	 * alias would make mutu sim serve both from one pool (the importer
	 * writes role = Kepala Dinas for a Lurah alone, sop_import.c) */
	{"Kepala Dinas", SOP_CLS_KADIS,
	 {{"kepala", "dinas"}, {"kepala", "badan"}, {"kepala", "kantor"}, {"head", "of", "agency"},
	  {"head", "of", "office"}, {"kepala", "dpmptsp"}, {"camat"}, {"kepala", "kecamatan"}}},
	/* "Sistem OSS", "Sistem", "Aplikasi SIMBG": an OSS-RBA step the system
	 * does by itself (verifies the NIK, issues the NIB, forwards the
	 * application).  It needs no staff: mutu sim runs it as a delay of
	 * its waktu with no queue, and no [staff] line is needed for it */
	{"Sistem", SOP_CLS_SISTEM,
	 {{"sistem"}, {"sistem", "oss"}, {"oss"}, {"system"}, {"aplikasi"}, {"sistem", "informasi"},
	  {"portal"}, {"simbg"}}},
	/* "Bupati", "Walikota" / "Wali Kota", "Gubernur": the regional head
	 * who signs the decree (a permit the law leaves to the head of the
	 * region, not delegated to the DPMPTSP) outside the office, at the
	 * Setda.  No one the office staffs, nor the Kepala Dinas (who
	 * often initials the draft in the same table: two people); the
	 * berkas is not with the applicant, so the SLA clock runs.  mutu
	 * sim runs the step as a delay of its waktu with no queue, as the
	 * system's (sop_actor_is_outside).  Before round 11, none of the
	 * positions, with "add role = Back Office" suggested. */
	{"Kepala Daerah", SOP_CLS_DAERAH,
	 {{"kepala", "daerah"}, {"bupati"}, {"walikota"}, {"wali", "kota"}, {"gubernur"}, {"regent"},
	  {"mayor"}, {"governor"}}},
	/* the regional secretariat (Setda) that initials a regional head's
	 * decree before the signature: the Sekda, the Kepala Bagian Hukum
	 * (the decree's legal check).  Outside the office as the regional
	 * head is, and not the Dinas's own Sekretaris (before round 11,
	 * "Sekda" was none of the positions, with the Back Office
	 * suggested) */
	{"Sekretariat Daerah", SOP_CLS_DAERAH,
	 {{"sekretariat", "daerah"}, {"sekretaris", "daerah"}, {"sekda"}, {"setda"}, {"kabag", "hukum"},
	  {"kepala", "bagian", "hukum"}, {"bagian", "hukum"}}},
};

const size_t sop_actor_count = sizeof sop_actor_table / sizeof sop_actor_table[0];

size_t sop_alias_len(const char *const *alias)
{
	size_t n = 0;
	while (n < SOP_ALIAS_WORDS && alias[n])
		n++;
	return n;
}

int sop_alias_prefix(const char *const *a, const char *const *b)
{
	size_t na = sop_alias_len(a), nb = sop_alias_len(b);
	if (na > nb)
		return 0;
	for (size_t i = 0; i < na; i++)
		if (strcmp(a[i], b[i]) != 0)
			return 0;
	return 1;
}

int sop_actor_lookup_toks(const struct sop_tok *toks, size_t ntoks, int *full)
{
	size_t i = 0;
	while (i + 1 < ntoks && sop_is_filler(toks[i].w))
		i++;
	int best = -1, best_len = 0, best_skips = 0;
	size_t best_end = 0;
	/* from past the fillers, and from the first word too: an alias that
	 * opens with one ("Petugas Pendaftaran") names the clerk by the
	 * filler, where the word alone ("Pendaftaran", or "Pendaftar", the
	 * registrant, one typo away) would not be the position */
	for (size_t from = i, pass = 0; pass < 2; pass++, from = 0) {
	if (pass == 1 && i == 0)
		break;
	for (size_t e = 0; e < sop_actor_count; e++) {
		for (size_t a = 0; a < SOP_ALIAS_MAX; a++) {
			const char *const *al = sop_actor_table[e].alias[a];
			size_t len = sop_alias_len(al);
			if (len == 0)
				continue;
			int sk = 0;
			size_t end = sop_match_at(al, len, toks, ntoks, from, &sk);
			if (!end)
				continue;
			/* more words wins, then fewer skips, then table order */
			if ((int)len > best_len || ((int)len == best_len && sk < best_skips)) {
				best = (int)e;
				best_len = (int)len;
				best_skips = sk;
				best_end = end;
			}
		}
	}
	}
	if (full)
		*full = best >= 0 && best_end == ntoks;
	return best;
}

/* the alias table's entry of a name, -1 when none */
static int actor_entry(const char *name)
{
	struct sop_tok *toks;
	size_t n = sop_tokenize(name, &toks);
	int e = sop_actor_lookup_toks(toks, n, NULL);
	free(toks);
	return e;
}

const char *sop_actor_canonical(const char *name)
{
	if (!name)
		return NULL;
	int e = actor_entry(name);
	return e < 0 ? NULL : sop_actor_table[e].canonical;
}

int sop_actor_match(const char *a, const char *b)
{
	if (!a || !b || !*a || !*b)
		return 0;
	int ea = actor_entry(a), eb = actor_entry(b);
	if (ea < 0 || eb < 0) {
		const char *ca = ea < 0 ? a : sop_actor_table[ea].canonical;
		const char *cb = eb < 0 ? b : sop_actor_table[eb].canonical;
		return mutu_strcasecmp(ca, cb) == 0 ? SOP_MATCH_SAME : SOP_MATCH_NONE;
	}
	const struct sop_actor_entry *x = &sop_actor_table[ea], *y = &sop_actor_table[eb];
	if (ea == eb)
		return SOP_MATCH_SAME;
	if (x->cls != y->cls)
		return SOP_MATCH_NONE;
	/* "kepala bidang" is the first words of "kepala bidang perizinan" */
	if (sop_alias_prefix(x->alias[0], y->alias[0]) || sop_alias_prefix(y->alias[0], x->alias[0]))
		return SOP_MATCH_GENERIC;
	return SOP_MATCH_RUNG;
}

int sop_actor_is_applicant(const char *name)
{
	/* one rule for the simulator (which applicant steps do not queue)
	 * and for reports (when the clock pauses): before, sla.c compared the
	 * text with "Pemohon" and missed "Applicant" or "Pemohon Izin" */
	if (!name || !*name)
		return 0;
	const char *c = sop_actor_canonical(name);
	return c && strcmp(c, "Pemohon") == 0;
}

int sop_office_end(size_t n, const int *no, const unsigned char *applicant, int clock_start_step)
{
	if (n == 0)
		return 0;
	/* the applicant's time after the signing (collecting the SK) is not
	 * the office's: the standard counts "sampai selesai" in the office's
	 * time, and a week's late collection did not make the office late */
	for (size_t i = n; i-- > 0;) {
		if (applicant[i])
			continue;
		return no[i] >= clock_start_step ? no[i] : no[n - 1];
	}
	return no[n - 1];
}

int sop_clock_start_step(const struct sop_model *m)
{
	if (!m || m->clock_start == -1)
		return 0;
	if (m->clock_start > 0)
		return m->clock_start;
	/* the standard's "sejak permohonan dan persyaratan diterima dengan
	 * benar dan lengkap" (domain.md): the end of the check that can send
	 * the berkas back incomplete, the first step with a reject_to --
	 * before the office's last step.  A return from the office's last
	 * step (a Back Office or a technical review sending the file back to
	 * an earlier desk) is no acceptance check: the clock would start at
	 * the step where it stops, every lead 0 (tests/data/theory3/
	 * periksa-entri.ini, sim-theory/jaringan.ini); then the arrival
	 * starts it */
	size_t last = m->nsteps;
	for (size_t i = m->nsteps; i-- > 0;)
		if (!sop_actor_is_applicant(sop_step_role(&m->steps[i]))) {
			last = i;
			break;
		}
	for (size_t i = 0; i < last; i++)
		if (m->steps[i].reject_to > 0)
			return m->steps[i].no;
	return 0;
}

int sop_actor_is_system(const char *name)
{
	/* a step the information system does by itself (OSS, SIMBG): no
	 * staff serve it (mutu sim) */
	if (!name || !*name)
		return 0;
	const char *c = sop_actor_canonical(name);
	return c && strcmp(c, "Sistem") == 0;
}

int sop_actor_is_outside(const char *name)
{
	/* the regional head signing outside the office: served by no staff
	 * of it (mutu sim), though the SLA clock runs */
	if (!name || !*name)
		return 0;
	const char *c = sop_actor_canonical(name);
	return c && (strcmp(c, "Kepala Daerah") == 0 || strcmp(c, "Sekretariat Daerah") == 0);
}

/* ------------------------------------------------------------------ */
/* Model basics                                                         */

static void step_release(struct sop_step *s)
{
	free(s->activity);
	free(s->actor);
	free(s->role);
	free(s->kelengkapan);
	free(s->waktu_text);
	free(s->output);
	free(s->keterangan);
	free(s->note);
}

void sop_model_free(struct sop_model *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->nsteps; i++)
		step_release(&m->steps[i]);
	free(m->steps);
	free(m->actors); /* the strings belong to the steps */
	free(m->path);
	free(m->id);
	free(m->name);
	free(m->agency);
	free(m->source);
	free(m->calendar);
	free(m->declared_text);
	free(m->note);
	free(m);
}

/* the first step of the group of steps that run alongside step i
 * (parallel_with chains back to it), i itself when none */
static size_t parallel_root(const struct sop_model *m, size_t i)
{
	for (size_t hops = 0; hops < m->nsteps && m->steps[i].parallel_with > 0; hops++) {
		const struct sop_step *w = sop_model_step(m, m->steps[i].parallel_with);
		if (!w || w->no >= m->steps[i].no)
			break;
		i = (size_t)(w - m->steps);
	}
	return i;
}

/* a step's waktu in a sum; the applicant's steps count nothing when
 * office_only (the declared total of declared_scope = office) */
static struct dur sum_waktu(const struct sop_step *s, int office_only)
{
	if (office_only && sop_actor_is_applicant(sop_step_role(s)))
		return dur_zero();
	return s->waktu;
}

static struct dur steps_sum(const struct sop_model *m, int office_only);

struct dur sop_model_total(const struct sop_model *m)
{
	return steps_sum(m, 0);
}

struct dur sop_model_declared_sum(const struct sop_model *m)
{
	return steps_sum(m, m->declared_office);
}

static struct dur steps_sum(const struct sop_model *m, int office_only)
{
	/* Steps that run alongside each other ("bersamaan dengan langkah
	 * 3", parallel_with) take the longest of them, the critical path,
	 * as the authors' Jumlah Waktu counts them; compared at 450 Menit a
	 * day where their units differ (the id-* calendars' day; steps in
	 * one unit compare exactly).  Before round 11 every step was added,
	 * and a provincial SOP's two reviews in parallel read as days over
	 * its declared total.
	 * Linear in the steps: each step's group root once (from the root of
	 * the earlier step it names), then each group's longest.  Round 11
	 * first asked every later step for its root at every step: a model
	 * of 100000 steps (the hardening test's, none parallel) took 30 s. */
	struct dur t = dur_zero();
	int parallel = 0;
	for (size_t i = 0; i < m->nsteps && !parallel; i++)
		parallel = m->steps[i].parallel_with > 0;
	if (!parallel) {
		for (size_t i = 0; i < m->nsteps; i++)
			t = dur_add(t, sum_waktu(&m->steps[i], office_only));
		return t;
	}
	size_t *root = mutu_malloc(m->nsteps * sizeof *root);
	struct dur *best = mutu_malloc(m->nsteps * sizeof *best);
	for (size_t i = 0; i < m->nsteps; i++) {
		root[i] = i;
		best[i] = sum_waktu(&m->steps[i], office_only);
		if (m->steps[i].parallel_with <= 0)
			continue;
		const struct sop_step *w = sop_model_step(m, m->steps[i].parallel_with);
		if (!w || w->no >= m->steps[i].no)
			continue;
		size_t wi = (size_t)(w - m->steps);
		/* an earlier index has its root already; a model built in
		 * memory out of order walks the chain */
		root[i] = wi < i ? root[wi] : parallel_root(m, i);
	}
	/* a member counts toward its group only after the group's first
	 * step (in step order, as loaded, always); the first longest wins */
	for (size_t k = 0; k < m->nsteps; k++) {
		size_t r = root[k];
		if (r < k && dur_to_minutes(sum_waktu(&m->steps[k], office_only), 450) > dur_to_minutes(best[r], 450))
			best[r] = sum_waktu(&m->steps[k], office_only);
	}
	for (size_t i = 0; i < m->nsteps; i++)
		if (root[i] == i)
			t = dur_add(t, best[i]);
	free(root);
	free(best);
	return t;
}

const char *sop_step_role(const struct sop_step *s)
{
	/* a role written as an alias ("Kadis") still compares as its
	 * canonical name; an unknown one stays as written */
	const char *r = s->role ? s->role : s->actor;
	if (!r)
		return "?";
	const char *c = sop_actor_canonical(r);
	return c ? c : r;
}

const struct sop_step *sop_model_step(const struct sop_model *m, int no)
{
	/* steps are sorted and numbered 1..n once loaded; search anyway so
	 * models built in memory work too */
	if (no >= 1 && (size_t)no <= m->nsteps && m->steps[no - 1].no == no)
		return &m->steps[no - 1];
	for (size_t i = 0; i < m->nsteps; i++)
		if (m->steps[i].no == no)
			return &m->steps[i];
	return NULL;
}

enum sop_ceiling_from sop_model_ceiling_from(const struct sop_model *m)
{
	if (!m->has_declared)
		return SOP_CEIL_SUM;
	if (m->declared.rounded_days >= 0)
		return SOP_CEIL_DECLARED_ROUNDED;
	/* "Jumlah waktu 9 hari kerja", "TOTAL 5 (lima) hari kerja": the
	 * table's own total is what the office publishes and promises, so it
	 * is the ceiling even without "(N Hari)"; a zero total ("0 Menit")
	 * promises nothing and leaves the sum of the steps to judge */
	if (m->declared.days > 0 || m->declared.minutes > 0)
		return SOP_CEIL_DECLARED_TOTAL;
	return SOP_CEIL_SUM;
}

int sop_model_ceiling_days(const struct sop_model *m, int day_minutes)
{
	if (day_minutes <= 0)
		day_minutes = 450;
	struct dur d;
	switch (sop_model_ceiling_from(m)) {
	case SOP_CEIL_DECLARED_ROUNDED:
		return m->declared.rounded_days;
	case SOP_CEIL_DECLARED_TOTAL:
		d = m->declared;
		break;
	default:
		d = sop_model_total(m);
		break;
	}
	/* rounded up to whole working days, as the "(N Hari)" the authors
	 * write after a total is */
	int64_t mins = dur_to_minutes(d, day_minutes);
	return (int)((mins + day_minutes - 1) / day_minutes);
}

void sop_model_index_actors(struct sop_model *m)
{
	free(m->actors);
	m->actors = mutu_calloc(m->nsteps ? m->nsteps : 1, sizeof *m->actors);
	m->nactors = 0;
	for (size_t i = 0; i < m->nsteps; i++) {
		const char *a = m->steps[i].actor;
		if (!a || strcmp(a, "?") == 0)
			continue;
		size_t k;
		for (k = 0; k < m->nactors; k++)
			if (strcmp(m->actors[k], a) == 0)
				break;
		if (k == m->nactors)
			m->actors[m->nactors++] = m->steps[i].actor;
	}
}

/* ------------------------------------------------------------------ */
/* Loading                                                              */

enum { SEC_SOP = 1, SEC_STEP = 2, SEC_SLA = 3 };

/* keys of each section, with a bit each to catch duplicates */
static const char *const sop_keys[] = {"id", "name", "agency", "source", "calendar",
				       "declared_total", "note", "declared_scope", NULL};
static const char *const step_keys[] = {"activity", "actor", "kelengkapan", "waktu", "output",
					"keterangan", "reject_to", "note", "role", "parallel_with", NULL};

struct step_build {
	struct sop_step s;
	unsigned seen;   /* bit per step_keys entry */
	int reject_line;
};

struct parse {
	const char *path;
	const char *text;
	size_t len, pos;
	int lineno;
	const char *line; /* current physical line, leading white space dropped */
	size_t linelen;

	int sec;          /* SEC_SOP, SEC_STEP, or 0 (none or invalid) */
	int sec_bad;      /* the current section header was wrong: ignore its keys */
	int seen_any_sec;
	int sop_line;
	unsigned sop_seen;
	int key_line[8];  /* line of each [sop] key */
	struct step_build *steps;
	size_t nsteps, cap;
	/* step_at[N] = 1 + the index in steps of [step N], 0 none (N = 1 ..
	 * SOP_STEP_NO_MAX; made at the first [step N]): the duplicate check was
	 * a scan of every step before, 50 s for a model of 100000 steps */
	unsigned *step_at;
	size_t cur;       /* index of the current step */

	struct sop_model *m;
	struct mutu_err err;
	int err_line;     /* line of the first error recorded, 0 when none */
};

static int perr(struct parse *p, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int perr(struct parse *p, int line, const char *fmt, ...)
{
	if (p->err.code)
		return 0;
	char msg[MUTU_ERR_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (line > 0)
		mutu_errf(&p->err, MUTU_EINPUT, "%s:%d: %s", p->path, line, msg);
	else
		mutu_errf(&p->err, MUTU_EINPUT, "%s: %s", p->path, msg);
	p->err_line = line > 0 ? line : INT_MAX;
	return 0;
}

static void section_start(struct parse *p, const char *s, size_t n)
{
	p->sec = 0;
	p->sec_bad = 1;
	p->seen_any_sec = 1;
	const char *close = memchr(s, ']', n);
	if (!close) {
		perr(p, p->lineno, "section header without ']' (%.*s)", (int)(n > 80 ? 80 : n), s);
		return;
	}
	char name[128];
	size_t k = (size_t)(close - s - 1);
	if (k >= sizeof name)
		k = sizeof name - 1;
	memcpy(name, s + 1, k);
	name[k] = 0;
	mutu_trim(name);
	if (mutu_strcasecmp(name, "sop") == 0) {
		if (p->sop_line) {
			perr(p, p->lineno, "duplicate section ([sop], first at line %d)", p->sop_line);
			return;
		}
		p->sop_line = p->lineno;
		p->sec = SEC_SOP;
		p->sec_bad = 0;
		return;
	}
	if (mutu_strncasecmp(name, "step", 4) == 0 && (name[4] == ' ' || name[4] == '\t')) {
		char *end;
		const char *num = name + 5;
		while (*num == ' ' || *num == '\t')
			num++;
		errno = 0;
		long no = strtol(num, &end, 10);
		if (end == num || *end || errno || no < 1 || no > SOP_STEP_NO_MAX) {
			perr(p, p->lineno, "bad step number in section header ([%s]): write [step N] with N = 1, 2, ...",
			     name);
			return;
		}
		if (!p->step_at)
			p->step_at = mutu_calloc(SOP_STEP_NO_MAX + 1, sizeof *p->step_at);
		if (p->step_at[no]) {
			perr(p, p->lineno, "duplicate step ([step %ld], first at line %d)", no,
			     p->steps[p->step_at[no] - 1].s.line);
			return;
		}
		p->step_at[no] = (unsigned)p->nsteps + 1;
		if (p->nsteps == p->cap) {
			p->cap = p->cap ? p->cap * 2 : 16;
			p->steps = mutu_realloc(p->steps, p->cap * sizeof *p->steps);
		}
		struct step_build *b = &p->steps[p->nsteps];
		memset(b, 0, sizeof *b);
		b->s.no = (int)no;
		b->s.line = p->lineno;
		p->cur = p->nsteps++;
		p->sec = SEC_STEP;
		p->sec_bad = 0;
		return;
	}
	if (mutu_strcasecmp(name, "sla") == 0) {
		/* [sla] clock_start = N: part of the model, so every reader
		 * (reports, audits, the registry) sees the same start */
		p->sec = SEC_SLA;
		p->sec_bad = 0;
		return;
	}
	perr(p, p->lineno, "unknown section ([%s]): a model has [sop] and [step N] sections", name);
}

static char *reader(char *str, int num, void *stream)
{
	struct parse *p = stream;
	if (p->pos >= p->len || num < 3)
		return NULL;
	const char *s = p->text + p->pos;
	size_t rest = p->len - p->pos;
	const char *nl = memchr(s, '\n', rest);
	size_t n = nl ? (size_t)(nl - s) : rest;
	p->pos += n + (nl ? 1 : 0);
	p->lineno++;
	if (p->lineno == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		s += 3;
		n -= 3;
	}
	if (n && s[n - 1] == '\r')
		n--;
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	p->line = s;
	p->linelen = n;
	if (n && *s == '[')
		section_start(p, s, n);
	/* inih gets the line cut to its buffer; we keep the full line */
	size_t k = n < (size_t)num - 2 ? n : (size_t)num - 2;
	memcpy(str, s, k);
	/* a NUL inside the line would end inih's copy early: harmless */
	str[k] = '\n';
	str[k + 1] = 0;
	return str;
}

static int key_index(const char *const *keys, const char *name)
{
	for (int i = 0; keys[i]; i++)
		if (mutu_strcasecmp(keys[i], name) == 0)
			return i;
	return -1;
}

/* The value of the current physical line: everything after the first '='
 * or ':' (inih splits there too), trimmed; tabs and NULs become spaces. */
static char *line_value(const struct parse *p)
{
	const char *s = p->line, *end = s + p->linelen;
	const char *eq = s;
	while (eq < end && *eq != '=' && *eq != ':')
		eq++;
	if (eq < end)
		eq++;
	char *v = mutu_strndup(eq, (size_t)(end - eq));
	for (char *c = v; *c; c++)
		if (*c == '\t')
			*c = ' ';
	return mutu_trim(v);
}

int sop_id_valid(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return 0;
	return 1;
}

static int valid_calendar(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!(isalnum((unsigned char)*s) || *s == '-' || *s == '_' || *s == '.' || *s == '/'))
			return 0;
	return 1;
}

static int handle_sop_key(struct parse *p, const char *name, char *v)
{
	struct sop_model *m = p->m;
	int k = key_index(sop_keys, name);
	if (k < 0) {
		perr(p, p->lineno, "unknown key in [sop] (%s): use %s", name,
		     "id, name, agency, source, calendar, declared_total, declared_scope, note");
		free(v);
		return 0;
	}
	if (p->sop_seen & (1u << k)) {
		perr(p, p->lineno, "duplicate key in [sop] (%s, first at line %d)", sop_keys[k],
		     p->key_line[k]);
		free(v);
		return 0;
	}
	p->sop_seen |= 1u << k;
	p->key_line[k] = p->lineno;
	char **slot = NULL;
	switch (k) {
	case 0:
		if (!sop_id_valid(v)) {
			perr(p, p->lineno, "bad id (%s): use lowercase letters, digits and '-'", v);
			free(v);
			return 0;
		}
		slot = &m->id;
		break;
	case 1: slot = &m->name; break;
	case 2: slot = &m->agency; break;
	case 3: slot = &m->source; break;
	case 4:
		if (!valid_calendar(v)) {
			perr(p, p->lineno, "bad calendar (%s): a calendar name such as id-wib, id-wita, id-wit",
			     v);
			free(v);
			return 0;
		}
		slot = &m->calendar;
		break;
	case 5: {
		if (!*v) { /* "declared_total =" means the table has none */
			free(v);
			return 1;
		}
		struct mutu_err e;
		mutu_err_clear(&e);
		if (dur_parse(v, &m->declared, &e)) {
			perr(p, p->lineno, "bad declared_total (%s)", e.msg);
			free(v);
			return 0;
		}
		m->has_declared = 1;
		slot = &m->declared_text;
		break;
	}
	case 6: slot = &m->note; break;
	case 7:
		/* "office": the declared total is the office's time, the
		 * applicant's steps left out, as the table's total says ("di
		 * luar waktu pemohon"); "all" (the default) every step */
		if (!mutu_strcasecmp(v, "office"))
			m->declared_office = 1;
		else if (mutu_strcasecmp(v, "all")) {
			perr(p, p->lineno, "bad declared_scope (%s): use office (the applicant's steps are not in the "
			     "declared total) or all", v);
			free(v);
			return 0;
		}
		free(v);
		return 1;
	}
	*slot = v;
	return 1;
}

static int handle_step_key(struct parse *p, const char *name, char *v)
{
	struct step_build *b = &p->steps[p->cur];
	struct sop_step *s = &b->s;
	int k = key_index(step_keys, name);
	if (k < 0) {
		perr(p, p->lineno, "unknown key in [step %d] (%s): use %s", s->no, name,
		     "activity, actor, role, kelengkapan, waktu, output, keterangan, reject_to, parallel_with, note");
		free(v);
		return 0;
	}
	if (b->seen & (1u << k)) {
		perr(p, p->lineno, "duplicate key in [step %d] (%s)", s->no, step_keys[k]);
		free(v);
		return 0;
	}
	b->seen |= 1u << k;
	switch (k) {
	case 0: s->activity = v; break;
	case 1:
		if (!*v) {
			perr(p, p->lineno, "empty actor in [step %d] (write actor = ? when the table does not say)",
			     s->no);
			free(v);
			return 0;
		}
		s->actor = v;
		break;
	case 2: s->kelengkapan = v; break;
	case 3: {
		struct mutu_err e;
		mutu_err_clear(&e);
		s->waktu_text = v;
		if (dur_parse(v, &s->waktu, &e)) {
			perr(p, p->lineno, "bad waktu in [step %d] (%s)", s->no, e.msg);
			return 0;
		}
		break;
	}
	case 4: s->output = v; break;
	case 5: s->keterangan = v; break;
	case 6: {
		char *end;
		errno = 0;
		long r = *v ? strtol(v, &end, 10) : 0;
		if (*v && (*end || errno || r < 0 || r > INT_MAX)) {
			perr(p, p->lineno, "bad reject_to in [step %d] (%s): write the step number the berkas goes back to",
			     s->no, v);
			free(v);
			return 0;
		}
		s->reject_to = (int)r;
		b->reject_line = p->lineno;
		free(v);
		break;
	}
	case 9: {
		/* the earlier step this one runs alongside */
		char *end;
		errno = 0;
		long r = *v ? strtol(v, &end, 10) : 0;
		if (*v && (*end || errno || r < 0 || r >= s->no)) {
			perr(p, p->lineno,
			     "bad parallel_with in [step %d] (%s): write the number of an earlier step this one runs alongside",
			     s->no, v);
			free(v);
			return 0;
		}
		s->parallel_with = (int)r;
		free(v);
		break;
	}
	case 7:
		if (*v)
			s->note = v;
		else
			free(v);
		break;
	case 8:
		/* the canonical role of an office's own title: optional, but
		 * not empty (an empty role would silently fall back) */
		if (!*v) {
			perr(p, p->lineno, "empty role in [step %d] (the canonical pelaksana, e.g. "
			     "Front Office; leave the key out to derive it from actor)", s->no);
			free(v);
			return 0;
		}
		s->role = v;
		break;
	}
	return 1;
}

/*
 * [sla] clock_start: "3", "step 3", "langkah 3" (the end of step 3, a step
 * number 1..100000) or "first"/"pertama" (the first event).  Other keys in
 * [sla] are left alone, as they always were.  A repeated key: the last wins
 * (inih's rule, kept from when sla.c read the file itself).
 */
static int handle_sla_key(struct parse *p, const char *name, char *v)
{
	if (mutu_strcasecmp(name, "clock_start") != 0) {
		free(v);
		return 1;
	}
	const char *d = v;
	while (*d && (*d < '0' || *d > '9'))
		d++;
	if (mutu_strcasecmp(v, "first") == 0 || mutu_strcasecmp(v, "pertama") == 0) {
		p->m->clock_start = -1;
	} else {
		char *end = NULL;
		errno = 0;
		long n = *d ? strtol(d, &end, 10) : 0;
		if (!*d || *end || errno || n < 1 || n > 100000) {
			perr(p, p->lineno, "[sla] clock_start: expected a step number or 'first' (got '%s')", v);
			free(v);
			return 0;
		}
		p->m->clock_start = (int)n;
	}
	p->m->clock_start_line = p->lineno;
	free(v);
	return 1;
}

static int handler(void *user, const char *section, const char *name, const char *value)
{
	struct parse *p = user;
	(void)section;
	(void)value;
	if (!p->seen_any_sec) {
		perr(p, p->lineno, "key outside a section (%s): start the file with [sop]", name);
		return 0;
	}
	if (p->sec_bad || p->sec == 0)
		return 1; /* the section header already failed */
	char *v = line_value(p);
	if (p->sec == SEC_SOP)
		return handle_sop_key(p, name, v);
	if (p->sec == SEC_SLA)
		return handle_sla_key(p, name, v);
	return handle_step_key(p, name, v);
}

static int cmp_step(const void *a, const void *b)
{
	const struct step_build *x = a, *y = b;
	return (x->s.no > y->s.no) - (x->s.no < y->s.no);
}

/* The text of line n (1-based), for messages about lines inih rejected. */
static void line_text(const char *text, size_t len, int n, char *buf, size_t size)
{
	const char *s = text, *end = text + len;
	for (int i = 1; i < n && s < end; i++) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		s = nl ? nl + 1 : end;
	}
	const char *nl = memchr(s, '\n', (size_t)(end - s));
	size_t k = nl ? (size_t)(nl - s) : (size_t)(end - s);
	while (k && (s[k - 1] == '\r' || s[k - 1] == ' '))
		k--;
	while (k && (*s == ' ' || *s == '\t')) {
		s++;
		k--;
	}
	if (k > 80)
		k = 80;
	snprintf(buf, size, "%.*s", (int)k, s);
}

static void validate(struct parse *p)
{
	struct sop_model *m = p->m;
	if (!p->sop_line) {
		perr(p, 0, "no [sop] section (a model starts with [sop] and id, name, calendar)");
		return;
	}
	if (!m->id)
		perr(p, p->sop_line, "missing id in [sop] (a short name like izin-insidentil)");
	if (!m->name)
		perr(p, p->sop_line, "missing name in [sop] (the SOP's title)");
	if (!m->calendar)
		perr(p, p->sop_line, "missing calendar in [sop] (id-wib, id-wita or id-wit)");
	if (p->nsteps == 0) {
		perr(p, 0, "no [step N] sections (one per row of the SOP table)");
		return;
	}
	/* missing keys, in file order */
	for (size_t i = 0; i < p->nsteps; i++) {
		struct sop_step *s = &p->steps[i].s;
		if (!s->activity)
			perr(p, s->line, "missing activity in [step %d] (the Kegiatan text)", s->no);
		if (!s->actor)
			perr(p, s->line, "missing actor in [step %d] (the pelaksana; ? when unknown)", s->no);
		if (!s->waktu_text)
			perr(p, s->line, "missing waktu in [step %d] (e.g. 30 Menit)", s->no);
	}
	qsort(p->steps, p->nsteps, sizeof *p->steps, cmp_step);
	if (p->steps[0].s.no != 1)
		perr(p, p->steps[0].s.line, "steps must be numbered from 1 ([step %d] is the first)",
		     p->steps[0].s.no);
	for (size_t i = 1; i < p->nsteps; i++) {
		int a = p->steps[i - 1].s.no, b = p->steps[i].s.no;
		if (b != a + 1)
			perr(p, p->steps[i].s.line,
			     "gap in step numbering ([step %d] follows [step %d]; step %d is missing)", b, a,
			     a + 1);
	}
	for (size_t i = 0; i < p->nsteps; i++) {
		struct sop_step *s = &p->steps[i].s;
		if (!s->reject_to)
			continue;
		if (s->reject_to == s->no)
			perr(p, p->steps[i].reject_line, "reject_to points at its own step (%d)",
			     s->reject_to);
		else if (s->reject_to < 1 || (size_t)s->reject_to > p->nsteps)
			perr(p, p->steps[i].reject_line, "reject_to points at a missing step (%d)",
			     s->reject_to);
	}
	/* each waktu is within dur.h's limit; their sum must be too, so the
	 * totals, ceilings and gaps computed from it stay exact */
	struct dur total = dur_zero();
	for (size_t i = 0; i < p->nsteps; i++)
		total = dur_add(total, p->steps[i].s.waktu);
	struct mutu_err e;
	mutu_err_clear(&e);
	if (dur_check(total, "the steps' waktu add up to more than a duration may hold", &e))
		perr(p, p->sop_line, "%s; check the waktu of each step", e.msg);
}

int sop_model_parse(const char *text, size_t len, const char *path, struct sop_model **out,
		    struct mutu_err *err)
{
	*out = NULL;
	struct parse p;
	memset(&p, 0, sizeof p);
	p.path = path ? path : "(model)";
	p.text = text;
	p.len = len;
	p.m = mutu_calloc(1, sizeof *p.m);
	mutu_err_clear(&p.err);

	int rc = ini_parse_stream(reader, &p, handler, &p);
	if (rc > 0 && (!p.err.code || rc < p.err_line)) {
		char t[96];
		line_text(text, len, rc, t, sizeof t);
		mutu_err_clear(&p.err);
		perr(&p, rc, "not a 'key = value' line (%s)", t);
	} else if (rc < 0 && !p.err.code) {
		perr(&p, 0, "cannot read the model (inih error %d)", rc);
	}
	if (!p.err.code)
		validate(&p);
	/* Last, so an error of the content read is said first (the fuzz
	 * reproducers of tests/data/repro keep theirs).  inih reads a line as
	 * a C string: "waktu = 2 Hari<NUL> 3 Jam" was read as 2 Hari without
	 * a word; a model edited in an editor that saves Windows-1252
	 * ("Pemeriksaan berkas \x96 2") passed its bytes into every JSON,
	 * HTML and xlsx written from it, none of them readable (hardening
	 * round 2). */
	int nul = p.err.code ? 0 : mutu_nul_line(text, len);
	if (nul)
		perr(&p, nul, "a NUL byte in the model (a binary file, or saved as UTF-16): save "
			      "it as UTF-8 text");
	int bad = p.err.code ? 0 : mutu_utf8_bad_line(text, len);
	if (bad)
		perr(&p, bad, "not UTF-8 text (saved as Windows-1252 or Latin-1?): save the model "
			      "as UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8");

	struct sop_model *m = p.m;
	m->steps = mutu_calloc(p.nsteps ? p.nsteps : 1, sizeof *m->steps);
	for (size_t i = 0; i < p.nsteps; i++) {
		struct sop_step *s = &p.steps[i].s;
		if (!s->kelengkapan)
			s->kelengkapan = mutu_strdup("");
		if (!s->output)
			s->output = mutu_strdup("");
		if (!s->keterangan)
			s->keterangan = mutu_strdup("");
		m->steps[i] = *s;
	}
	m->nsteps = p.nsteps;
	free(p.steps);
	free(p.step_at);
	if (!m->agency)
		m->agency = mutu_strdup("");
	if (!m->source)
		m->source = mutu_strdup("");
	if (p.err.code) {
		sop_model_free(m);
		if (err)
			*err = p.err;
		return p.err.code;
	}
	m->path = path ? mutu_strdup(path) : NULL;
	sop_model_index_actors(m);
	*out = m;
	return 0;
}

int sop_model_load(const char *path, struct sop_model **out, struct mutu_err *err)
{
	*out = NULL;
	size_t len;
	struct mutu_err e;
	mutu_err_clear(&e);
	char *text = mutu_read_file(path, &len, &e);
	if (!text) {
		if (err)
			*err = e;
		return e.code ? e.code : MUTU_EFAIL;
	}
	int rc = sop_model_parse(text, len, path, out, err);
	free(text);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Check and output                                                     */

static void fmt_dur_plain(struct dur d, char *buf, size_t size)
{
	d.rounded_days = -1;
	dur_format(d, DUR_ID, buf, size);
}

static void fmt_gap(int64_t gap, int day_minutes, char *buf, size_t size)
{
	if (size < 2)
		return;
	/* a shortfall is dur_format's "minus 2 Jam" (a leading '-' read as
	 * -1 Hari + 6 Jam in "-1 Hari 6 Jam"); a surplus keeps its '+' */
	if (gap < 0) {
		dur_format_minutes((double)gap, day_minutes, DUR_ID, buf, size);
		return;
	}
	buf[0] = '+';
	dur_format_minutes((double)gap, day_minutes, DUR_ID, buf + 1, size - 1);
}

/*
 * A pelaksana that names two positions, "Kasi / Kabid", "Kasi dan Kabid",
 * "Sekretaris, Kadis": the canonical roles of its first two parts (split
 * at '/', ',', '&', '+', " dan ", " atau ") when they differ, in a and b;
 * else 0.  The title reads as its first position only (the alias lookup
 * matches from the start), so the simulator and the reports would give
 * the step to that one without a word.
 */
static int two_positions(const char *actor, const char **a, const char **b)
{
	const char *found[2] = {NULL, NULL};
	int nf = 0;
	/* a remark in parentheses names no second doer: "Tim Teknis (Dinas
	 * PU, Kasi Tata Ruang)" is the team */
	char plain[256];
	size_t pl = 0;
	int depth = 0;
	for (const char *c = actor; *c && pl + 1 < sizeof plain; c++) {
		if (*c == '(')
			depth++;
		else if (*c == ')' && depth)
			depth--;
		else if (!depth)
			plain[pl++] = *c;
	}
	plain[pl] = 0;
	const char *p = plain;
	while (*p && nf < 2) {
		size_t n = 0;
		while (p[n] && !strchr("/,&+", p[n]) && mutu_strncasecmp(p + n, " dan ", 5) &&
		       mutu_strncasecmp(p + n, " atau ", 6))
			n++;
		char part[128];
		snprintf(part, sizeof part, "%.*s", (int)(n < sizeof part ? n : sizeof part - 1), p);
		const char *c = sop_actor_canonical(part);
		if (c && (nf == 0 || strcmp(c, found[0])))
			found[nf++] = c;
		p += n;
		if (!*p)
			break;
		p += *p == ' ' ? (mutu_strncasecmp(p, " dan ", 5) == 0 ? 5 : 6) : 1;
	}
	if (nf < 2)
		return 0;
	*a = found[0];
	*b = found[1];
	return 1;
}

int sop_model_check(const struct sop_model *m, int day_minutes, struct mutu_notes *notes)
{
	int n = 0;
	if (day_minutes <= 0)
		day_minutes = 450;
	/* (the office's steps alone when the total leaves the applicant's
	 * time out, declared_scope = office) */
	struct dur total = sop_model_declared_sum(m);
	if (m->has_declared) {
		int64_t tm = dur_to_minutes(total, day_minutes);
		int64_t dm = dur_to_minutes(m->declared, day_minutes);
		/* A fraction of a hari kerja that falls between two minutes
		 * ("¼ hari", 112,5 Menit of 450) is rounded up by the importer,
		 * which says so in the step's note ("rounded up to the minute",
		 * sop_import.c): each such step adds less than one Menit the
		 * author never wrote.  "¼ hari" + "¾ hari" against a declared
		 * "1 hari" sum to 113 + 338 = 451: the author's sum is exact, so
		 * a gap above the declared total smaller than the count of
		 * rounded steps is that rounding, no finding (before round 11,
		 * "gap +1 Menit", and the ceiling check could add a day) */
		/* (and the steps' Jam and Menit that were such fractions of a
		 * Hari, "½ hari" + "½ hari" against "1 hari", were read at this
		 * day, so their equality at it is no accident of the day's
		 * length: no "equal only at 450 Menit a day") */
		int rounded = 0, fractions = 0, other_jam = 0;
		for (size_t i = 0; i < m->nsteps; i++) {
			int frac = m->steps[i].note && strstr(m->steps[i].note, "a fraction of a hari kerja");
			if (m->steps[i].note && strstr(m->steps[i].note, "rounded up to the minute"))
				rounded++;
			fractions += frac != 0;
			/* (a step in Jam or Menit of its own keeps the finding
			 * true on a shorter day: "½ hari" + "3 Jam 45 Menit") */
			other_jam += !frac && m->steps[i].waktu.minutes > 0;
		}
		if (other_jam)
			fractions = 0;
		if (tm > dm && tm - dm < rounded)
			tm = dm;
		/* Steps that run alongside each other (parallel_with): the
		 * total above is the critical path; an author who added the
		 * whole Waktu column instead declared more than it, on the safe
		 * side, and that total is their own sum, no finding */
		int64_t column = 0;
		int parallel = 0;
		for (size_t i = 0; i < m->nsteps; i++) {
			column += dur_to_minutes(sum_waktu(&m->steps[i], m->declared_office), day_minutes);
			parallel |= m->steps[i].parallel_with > 0;
		}
		if (parallel && column == dm && tm < dm)
			tm = dm;
		char a[64], b[64], g[64];
		fmt_dur_plain(m->declared, a, sizeof a);
		fmt_dur_plain(total, b, sizeof b);
		if (tm != dm) {
			fmt_gap(tm - dm, day_minutes, g, sizeof g);
			mutu_notes_addf(notes, "declared %s, %s sum to %s: gap %s", a,
					m->declared_office ? "the office's steps (the applicant's left out, as the total says)"
							   : "steps",
					b, g);
			n++;
		} else if (total.days != m->declared.days && !fractions) {
			/* "10 Jam" against "1 Hari 2 Jam 30 Menit": equal at 450
			 * Menit a day, not on a day of 390 (Ramadan) nor by the
			 * next-day reading; "gap +0 Menit" said nothing of that */
			mutu_notes_addf(notes,
					"declared %s, %s sum to %s: equal only at %d Menit a day (a Hari is "
					"shorter in Ramadan); write the total in the steps' units",
					a, m->declared_office ? "the office's steps" : "steps", b, day_minutes);
			n++;
		}
		if (m->declared.rounded_days >= 0) {
			int64_t need = (tm + day_minutes - 1) / day_minutes;
			if (need > m->declared.rounded_days) {
				mutu_notes_addf(notes,
						"declared ceiling (%d Hari) is below the steps' sum rounded up to whole days (%lld Hari at %d Menit a day)",
						m->declared.rounded_days, (long long)need, day_minutes);
				n++;
			}
		}
	}
	for (size_t i = 0; i < m->nsteps; i++) {
		const struct sop_step *s = &m->steps[i];
		if (!s->actor || strcmp(s->actor, "?") == 0) {
			mutu_notes_addf(notes, "step %d: pelaksana unknown (actor = ?)", s->no);
			n++;
		}
		const char *pa, *pb;
		if (s->actor && !s->role && two_positions(s->actor, &pa, &pb)) {
			mutu_notes_addf(notes, "step %d: pelaksana \"%s\" names two positions (%s, %s); the "
					"simulator and the reports give the step to %s: write role = the one "
					"who does it, or split the step", s->no, s->actor, pa, pb, pa);
			n++;
		}
		if (s->reject_to && (s->reject_to == s->no || !sop_model_step(m, s->reject_to))) {
			mutu_notes_addf(notes, "step %d: reject_to %d is not another step", s->no,
					s->reject_to);
			n++;
		}
		/* a role that contradicts what the title itself reads as is a
		 * slip (actor = Kadis, role = Front Office): the simulator would
		 * staff the step from the wrong queue */
		if (s->role && s->actor) {
			const char *ct = sop_actor_canonical(s->actor);
			if (ct && mutu_strcasecmp(ct, sop_step_role(s))) {
				mutu_notes_addf(notes, "step %d: pelaksana \"%s\" reads as %s but role says %s: "
						"fix one of them", s->no, s->actor, ct, sop_step_role(s));
				n++;
			}
		}
	}
	return n;
}

/* One line of INI: tabs, newlines and carriage returns become spaces, so
 * the value stays on its line. */
static void ini_kv(struct mutu_buf *out, const char *key, const char *v, int always)
{
	if (!v || (!*v && !always))
		return;
	mutu_buf_printf(out, "%s = ", key);
	for (const char *c = v; *c; c++)
		mutu_buf_putc(out, (*c == '\n' || *c == '\r' || *c == '\t') ? ' ' : *c);
	mutu_buf_putc(out, '\n');
}

void sop_model_to_ini(const struct sop_model *m, struct mutu_buf *out)
{
	mutu_buf_puts(out, "[sop]\n");
	ini_kv(out, "id", m->id, 1);
	ini_kv(out, "name", m->name, 1);
	ini_kv(out, "agency", m->agency, 0);
	ini_kv(out, "source", m->source, 0);
	ini_kv(out, "calendar", m->calendar, 1);
	if (m->has_declared)
		ini_kv(out, "declared_total", m->declared_text, 1);
	if (m->declared_office)
		ini_kv(out, "declared_scope", "office", 1);
	ini_kv(out, "note", m->note, 0);
	for (size_t i = 0; i < m->nsteps; i++) {
		const struct sop_step *s = &m->steps[i];
		mutu_buf_printf(out, "\n[step %d]\n", s->no);
		ini_kv(out, "activity", s->activity, 1);
		ini_kv(out, "actor", s->actor ? s->actor : "?", 1);
		/* the role only where the title is not already its name */
		if (s->role && (!s->actor || strcmp(s->role, s->actor)))
			ini_kv(out, "role", s->role, 1);
		ini_kv(out, "kelengkapan", s->kelengkapan, 0);
		ini_kv(out, "waktu", s->waktu_text, 1);
		ini_kv(out, "output", s->output, 0);
		ini_kv(out, "keterangan", s->keterangan, 0);
		if (s->reject_to)
			mutu_buf_printf(out, "reject_to = %d\n", s->reject_to);
		if (s->parallel_with)
			mutu_buf_printf(out, "parallel_with = %d\n", s->parallel_with);
		ini_kv(out, "note", s->note, 0);
	}
	/* the clock start is part of the model: written back so a model
	 * saved again keeps it */
	if (m->clock_start == -1)
		mutu_buf_puts(out, "\n[sla]\nclock_start = first\n");
	else if (m->clock_start > 0)
		mutu_buf_printf(out, "\n[sla]\nclock_start = %d\n", m->clock_start);
}

static void json_dur(struct mutu_buf *out, struct dur d, const char *text, int day_minutes)
{
	char t[64];
	if (!text) {
		dur_format(d, DUR_ID, t, sizeof t);
		text = t;
	}
	mutu_buf_puts(out, "{\"text\": ");
	mutu_buf_json_str(out, text);
	mutu_buf_printf(out, ", \"days\": %lld, \"minutes_below_day\": %lld, \"minutes\": %lld",
			(long long)d.days, (long long)d.minutes,
			(long long)dur_to_minutes(d, day_minutes));
	if (d.rounded_days >= 0)
		mutu_buf_printf(out, ", \"ceiling_days\": %d", d.rounded_days);
	mutu_buf_puts(out, "}");
}

static void json_field(struct mutu_buf *out, const char *key, const char *v, int comma)
{
	mutu_buf_printf(out, "%s\"%s\": ", comma ? ", " : "", key);
	if (v)
		mutu_buf_json_str(out, v);
	else
		mutu_buf_puts(out, "null");
}

void sop_model_to_json(const struct sop_model *m, int day_minutes, struct mutu_buf *out)
{
	if (day_minutes <= 0)
		day_minutes = 450;
	struct dur total = sop_model_total(m);
	/* the kind first, as every mutu JSON document (docs/schema/model.schema.json);
	 * then the units, named once */
	mutu_buf_puts(out, "{\"schema\": \"mutu.model/1\",\n \"units\": {\"duration\": \"minutes\", "
			   "\"duration_kind\": \"working minutes (day_minutes to a working day)\", "
			   "\"duration_text\": \"a step's waktu as the table writes it beside its minutes; "
			   "total.text and declared.text; gap_minutes_text\", "
			   "\"ceiling_days\": \"whole working days (the SOP's rounded N Hari, else its declared "
			   "total rounded up, else the steps' sum rounded up)\"}");
	json_field(out, "id", m->id, 1);
	json_field(out, "name", m->name, 1);
	json_field(out, "agency", m->agency, 1);
	json_field(out, "source", m->source, 1);
	json_field(out, "calendar", m->calendar, 1);
	mutu_buf_printf(out, ", \"day_minutes\": %d,\n \"steps\": [", day_minutes);
	for (size_t i = 0; i < m->nsteps; i++) {
		const struct sop_step *s = &m->steps[i];
		mutu_buf_printf(out, "%s\n  {\"no\": %d", i ? "," : "", s->no);
		json_field(out, "activity", s->activity, 1);
		json_field(out, "actor", s->actor, 1);
		json_field(out, "role", sop_step_role(s), 1);
		json_field(out, "kelengkapan", s->kelengkapan, 1);
		json_field(out, "waktu", s->waktu_text, 1);
		mutu_buf_printf(out, ", \"minutes\": %lld",
				(long long)dur_to_minutes(s->waktu, day_minutes));
		json_field(out, "output", s->output, 1);
		json_field(out, "keterangan", s->keterangan, 1);
		if (s->reject_to)
			mutu_buf_printf(out, ", \"reject_to\": %d", s->reject_to);
		else
			mutu_buf_puts(out, ", \"reject_to\": null");
		if (s->parallel_with)
			mutu_buf_printf(out, ", \"parallel_with\": %d", s->parallel_with);
		json_field(out, "note", s->note, 1);
		mutu_buf_puts(out, "}");
	}
	mutu_buf_puts(out, "\n ],\n \"actors\": [");
	for (size_t i = 0; i < m->nactors; i++) {
		if (i)
			mutu_buf_puts(out, ", ");
		mutu_buf_json_str(out, m->actors[i]);
	}
	mutu_buf_puts(out, "],\n \"total\": ");
	json_dur(out, total, NULL, day_minutes);
	mutu_buf_puts(out, ",\n \"declared\": ");
	if (m->has_declared) {
		json_dur(out, m->declared, m->declared_text, day_minutes);
		if (m->declared_office)
			mutu_buf_puts(out, ",\n \"declared_scope\": \"office\"");
		int64_t gap = dur_to_minutes(sop_model_declared_sum(m), day_minutes) -
			      dur_to_minutes(m->declared, day_minutes);
		mutu_buf_printf(out, ",\n \"gap_minutes\": %lld, \"gap_minutes_text\": ", (long long)gap);
		dur_json_text(out, (double)gap, day_minutes, DUR_ID);
	} else {
		mutu_buf_puts(out, "null,\n \"gap_minutes\": null, \"gap_minutes_text\": null");
	}
	mutu_buf_printf(out, ",\n \"ceiling_days\": %d", sop_model_ceiling_days(m, day_minutes));
	struct mutu_notes notes;
	mutu_notes_init(&notes);
	sop_model_check(m, day_minutes, &notes);
	mutu_buf_puts(out, ",\n \"findings\": [");
	for (size_t i = 0; i < notes.n; i++) {
		if (i)
			mutu_buf_puts(out, ", ");
		mutu_buf_json_str(out, notes.items[i]);
	}
	mutu_notes_release(&notes);
	mutu_buf_puts(out, "]");
	json_field(out, "note", m->note, 1);
	mutu_buf_puts(out, "}\n");
}
