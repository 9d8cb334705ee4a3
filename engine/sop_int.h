/*
 * sop_int.h - what sop.c (models, actor names) and sop_import.c (the table
 * importer) share: the list of known positions (pelaksana) with their
 * aliases, and typo-tolerant word matching on tokenised text.
 *
 * Text is tokenised into lowercase ASCII words; abbreviations are expanded
 * at this stage ("Kadis" -> "kepala dinas", "Kasi PP" -> "kepala seksi
 * pelayanan perizinan") so every later comparison works on full words.
 */
#ifndef MUTU_SOP_INT_H
#define MUTU_SOP_INT_H

#include <stddef.h>

#define SOP_WORD_MAX 32

struct sop_tok {
	char w[SOP_WORD_MAX]; /* lowercase word (expanded) */
	size_t start, end;    /* byte span in the source text (of the unexpanded word) */
	int func;             /* a function word (ke, dari, oleh, dan...): matched exactly only */
};

/* Tokenise text (NUL-terminated) into *out (caller frees).  Returns the count. */
size_t sop_tokenize(const char *text, struct sop_tok **out);

/* Levenshtein distance, or max+1 when it exceeds max. */
int sop_lev(const char *a, const char *b, int max);

/* Is the text word t a typo-tolerant match for the pattern word p? */
int sop_word_like(const char *p, const struct sop_tok *t);

/*
 * Match the pattern words pat[0..npat) against toks starting at i: the first
 * word must match at i, each later word at the next token or after one
 * skipped (non-function) token.  Returns the index after the match, or 0
 * when there is none (a match always ends after i).  *skips receives the
 * number of skipped tokens.
 */
size_t sop_match_at(const char *const *pat, size_t npat, const struct sop_tok *toks,
		    size_t ntoks, size_t i, int *skips);

/* Position classes: the importer lets an alias name any column of its class
 * (Kabid names the "Koordinator Perizinan" column: domain.md). */
enum sop_actor_class {
	SOP_CLS_NONE = -1,
	SOP_CLS_PEMOHON = 0,
	SOP_CLS_FO,
	SOP_CLS_BO,
	SOP_CLS_TEKNIS,
	SOP_CLS_SEKSI,
	SOP_CLS_BIDANG,
	SOP_CLS_SEKRETARIS,
	SOP_CLS_KADIS,
	/* an information system doing a step by itself (OSS, SIMBG): no
	 * staff, no queue (mutu sim runs it as a delay) */
	SOP_CLS_SISTEM,
	/* the regional head (Bupati, Walikota, Gubernur) who signs a decree
	 * outside the office: no staff of the office, no queue it can staff
	 * (mutu sim runs it as a delay, as the system's steps) */
	SOP_CLS_DAERAH
};

#define SOP_ALIAS_MAX 16
#define SOP_ALIAS_WORDS 5

struct sop_actor_entry {
	const char *canonical;
	int cls;
	/* alias word lists (expanded forms), the canonical words first */
	const char *alias[SOP_ALIAS_MAX][SOP_ALIAS_WORDS];
};

extern const struct sop_actor_entry sop_actor_table[];
extern const size_t sop_actor_count;

/* Number of words in an alias (NULL-terminated list of at most SOP_ALIAS_WORDS). */
size_t sop_alias_len(const char *const *alias);
/* Is alias a a word-prefix of alias b (a generic form of b: "kepala
 * bidang" of "kepala bidang perizinan")? */
int sop_alias_prefix(const char *const *a, const char *const *b);

/*
 * Best entry for the words toks[0..ntoks): the entry whose alias matches
 * from the first token (leading filler words like "petugas" skipped) with
 * the most words.  Returns the entry index or -1.  *full is set when the
 * alias consumed every token (the name is exactly that position).
 */
int sop_actor_lookup_toks(const struct sop_tok *toks, size_t ntoks, int *full);

/* Is the word a filler that may precede a position ("petugas", "staf")? */
int sop_is_filler(const char *w);

struct sop_model;
/* Rebuild m->actors from the steps (distinct, in order of first step, "?"
 * left out); the strings are borrowed from the steps. */
void sop_model_index_actors(struct sop_model *m);

#endif /* MUTU_SOP_INT_H */
