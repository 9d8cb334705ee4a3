/*
 * rpt_simdiff.c - what differs between two scenario files: the first
 * thing a comparison report says ("[staff] Front Office: 1 -> 1, 2 from
 * 2025-07-01"), so the reader knows what the differences below answer.
 *
 * Read from the files themselves with inih, key by key in file order;
 * comments and blank lines do not count.  Nothing here is executed or
 * interpreted: the values are shown as written.
 */
#include "rpt_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ini.h>

struct kv3 {
	char **sec, **key, **val;
	size_t n, cap;
};

static int collect(void *user, const char *section, const char *name, const char *value)
{
	struct kv3 *k = user;
	if (!name)
		return 1;
	for (size_t i = 0; i < k->n; i++)
		if (strcmp(k->sec[i], section) == 0 && strcmp(k->key[i], name) == 0) {
			/* a repeated key: inih hands each line; keep them joined */
			size_t la = strlen(k->val[i]), lb = strlen(value);
			k->val[i] = mutu_realloc(k->val[i], la + lb + 3);
			memcpy(k->val[i] + la, "; ", 2);
			memcpy(k->val[i] + la + 2, value, lb + 1);
			return 1;
		}
	if (k->n == k->cap) {
		k->cap = k->cap ? 2 * k->cap : 32;
		k->sec = mutu_realloc(k->sec, k->cap * sizeof *k->sec);
		k->key = mutu_realloc(k->key, k->cap * sizeof *k->key);
		k->val = mutu_realloc(k->val, k->cap * sizeof *k->val);
	}
	k->sec[k->n] = mutu_strdup(section);
	k->key[k->n] = mutu_strdup(name);
	k->val[k->n] = mutu_strdup(value);
	k->n++;
	return 1;
}

static void kv3_free(struct kv3 *k)
{
	for (size_t i = 0; i < k->n; i++) {
		free(k->sec[i]);
		free(k->key[i]);
		free(k->val[i]);
	}
	free(k->sec);
	free(k->key);
	free(k->val);
}

static long find(const struct kv3 *k, const char *sec, const char *key)
{
	for (size_t i = 0; i < k->n; i++)
		if (strcmp(k->sec[i], sec) == 0 && strcmp(k->key[i], key) == 0)
			return (long)i;
	return -1;
}

int rpt_scenario_changes(const char *path_a, const char *path_b, enum rpt_lang lang, struct mutu_notes *out)
{
	struct kv3 a = {0}, b = {0};
	if (!path_a || !path_b || ini_parse(path_a, collect, &a) < 0 || ini_parse(path_b, collect, &b) < 0) {
		kv3_free(&a);
		kv3_free(&b);
		return -1;
	}
	int n = 0;
	for (size_t i = 0; i < a.n; i++) {
		long j = find(&b, a.sec[i], a.key[i]);
		if (j < 0)
			mutu_notes_addf(out, lang == RPT_EN ? "[%s] %s: %s \xe2\x86\x92 (not set)" : "[%s] %s: %s \xe2\x86\x92 (tidak ada)",
					a.sec[i], a.key[i], a.val[i]);
		else if (strcmp(a.val[i], b.val[j]) != 0)
			mutu_notes_addf(out, "[%s] %s: %s \xe2\x86\x92 %s", a.sec[i], a.key[i], a.val[i], b.val[j]);
		else
			continue;
		n++;
	}
	for (size_t j = 0; j < b.n; j++)
		if (find(&a, b.sec[j], b.key[j]) < 0) {
			mutu_notes_addf(out, lang == RPT_EN ? "[%s] %s: (not set) \xe2\x86\x92 %s" : "[%s] %s: (tidak ada) \xe2\x86\x92 %s",
					b.sec[j], b.key[j], b.val[j]);
			n++;
		}
	kv3_free(&a);
	kv3_free(&b);
	return n;
}
