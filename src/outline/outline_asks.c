/*
 * outline_asks.c — what each item asks the reporting unit for, and which
 * items repeat another's structure ("báo cáo tương tự mục III.1").
 *
 * Matching runs on the Vietnamese search key (no accents, lower case, đ→d),
 * so "SỐ LIỆU", "số liệu" and "so lieu" read alike. Note that the key folds
 * "Số" and "Sơ" together; checks that need the difference look at the text.
 */
#include "outline_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

static bool word_char(char c)
{
	return isalnum((unsigned char)c) || (unsigned char)c >= 0x80;
}

/* Whether key holds phrase as whole words. */
static bool key_has(const char *key, const char *phrase)
{
	size_t n = strlen(phrase);
	for (const char *p = strstr(key, phrase); p; p = strstr(p + 1, phrase))
		if ((p == key || !word_char(p[-1])) && !word_char(p[n]))
			return true;
	return false;
}

static bool key_has_any(const char *key, const char *const *phrases)
{
	for (; *phrases; phrases++)
		if (key_has(key, *phrases))
			return true;
	return false;
}

static bool key_starts_any(const char *key, const char *const *phrases)
{
	for (; *phrases; phrases++) {
		size_t n = strlen(*phrases);
		if (strncmp(key, *phrases, n) == 0 && !word_char(key[n]))
			return true;
	}
	return false;
}

static bool has_children(const outline *o, size_t i)
{
	return i + 1 < o->n_items && o->items[i + 1].parent == (int)i;
}

/* Search key of an item's title and guidance: computed once per item, it
 * is the costliest step of annotating an outline. */
static char *item_key(const outline_item *it, char **title_key)
{
	*title_key = text_search_key(it->title);
	if (!it->guidance || !*it->guidance)
		return xstrdup(*title_key);
	char *g = text_search_key(it->guidance);
	char *key = xasprintf("%s %s", *title_key, g);
	free(g);
	return key;
}

/* "Số xã được khen thưởng": a bare count, no narrative wanted. */
static bool is_count(const char *title)
{
	return strncmp(title, "Số ", strlen("Số ")) == 0 ||
	       strncmp(title, "SỐ ", strlen("SỐ ")) == 0 ||
	       strncmp(title, "Tổng số ", strlen("Tổng số ")) == 0;
}

static unsigned asks_of(const outline_item *it, const char *key, const char *tkey, bool leaf,
			const char **table)
{
	static const char *const figure_words[] = {"so lieu", "so luong", "thong ke", "ty le",
						   "bao nhieu", "bieu mau", "bieu so", "tong so",
						   NULL};
	static const char *const model_nouns[] = {"mo hinh", "dien hinh", "guong", NULL};
	static const char *const model_heads[] = {"mo hinh", "dien hinh", "guong", "cac mo hinh",
						  "cac guong", "cac dien hinh", "nhung mo hinh",
						  "nhung guong", NULL};
	static const char *const list_verbs[] = {"gioi thieu", "neu ten", "ke ten", "liet ke",
						 "danh sach", NULL};
	bool figures = key_has_any(key, figure_words) || is_count(it->title);
	bool commendation = figures && key_has(key, "khen thuong");
	/* Models asked for by name: the item is about them ("Mô hình, … các
	 * gương điển hình tiêu biểu") or asks to list them ("giới thiệu 02 – 03
	 * … mô hình"); "công tác phát hiện … điển hình" is narrative. */
	bool models = key_has_any(key, model_nouns) &&
		      (key_starts_any(tkey, model_heads) || key_has_any(key, list_verbs));
	unsigned asks = 0;
	*table = NULL;
	/* A model's own numbers (jobs, households helped) belong to the model
	 * record, not to a figures grid. */
	if (figures && (!models || commendation))
		asks |= OUTLINE_ASK_FIGURES;
	if (commendation)
		*table = "commendation";
	if (models)
		asks |= OUTLINE_ASK_MODELS;
	if (leaf && !is_count(it->title))
		asks |= OUTLINE_ASK_TEXT;
	return asks;
}

/* ---- repeats ---- */

static bool is_ancestor(const outline *o, int a, size_t i)
{
	for (int p = o->items[i].parent; p >= 0; p = o->items[p].parent)
		if (p == a)
			return true;
	return false;
}

static bool label_is(const outline_item *it, const char *ref, size_t n)
{
	char *k = text_search_key(it->label);
	bool eq = strlen(k) == n && strncmp(k, ref, n) == 0;
	free(k);
	return eq;
}

/* "III.1" as a label, else as a path ("II.3" → item 3 under II). */
static int resolve_ref(const outline *o, size_t before, const char *ref, size_t n)
{
	for (size_t j = before; j-- > 0;)
		if (label_is(&o->items[j], ref, n) && has_children(o, j) &&
		    !is_ancestor(o, (int)j, before))
			return (int)j;
	int parent = -1;
	size_t a = 0;
	while (a < n) {
		size_t b = a;
		while (b < n && ref[b] != '.')
			b++;
		int found = -1;
		for (size_t j = 0; j < before && found < 0; j++)
			if (o->items[j].parent == parent && label_is(&o->items[j], ref + a, b - a))
				found = (int)j;
		if (found < 0)
			return -1;
		parent = found;
		a = b + 1;
	}
	return parent >= 0 && has_children(o, (size_t)parent) &&
			       !is_ancestor(o, parent, before)
		   ? parent
		   : -1;
}

/* Finds "tương tự (như) mục X" / "như mục X" in key; the reference in *ref. */
static bool find_reference(const char *key, const char **ref, size_t *len)
{
	for (const char *p = strstr(key, "muc "); p; p = strstr(p + 1, "muc ")) {
		if (p > key && word_char(p[-1]))
			continue;
		size_t back = (size_t)(p - key) < 24 ? (size_t)(p - key) : 24;
		char window[32];
		memcpy(window, p - back, back);
		window[back] = '\0';
		if (!strstr(window, "tuong tu") && !key_has(window, "nhu"))
			continue;
		const char *r = p + 4;
		size_t n = 0;
		while (isalnum((unsigned char)r[n]) || (r[n] == '.' && isalnum((unsigned char)r[n + 1])))
			n++;
		if (n > 0 && n < 24) {
			*ref = r;
			*len = n;
			return true;
		}
	}
	return false;
}

/* Fills repeat_of, then asks and table, of every item. */
void outline_annotate(outline *o)
{
	char **keys = xcalloc(o->n_items ? o->n_items : 1, sizeof *keys);
	char **tkeys = xcalloc(o->n_items ? o->n_items : 1, sizeof *tkeys);
	for (size_t i = 0; i < o->n_items; i++)
		keys[i] = item_key(&o->items[i], &tkeys[i]);
	for (size_t i = 0; i < o->n_items; i++) {
		outline_item *it = &o->items[i];
		const char *ref;
		size_t n;
		it->repeat_of = -1;
		if (!has_children(o, i) && find_reference(keys[i], &ref, &n))
			it->repeat_of = resolve_ref(o, i, ref, n);
	}
	for (size_t i = 0; i < o->n_items; i++) {
		outline_item *it = &o->items[i];
		bool leaf = !has_children(o, i) && it->repeat_of < 0;
		it->asks = asks_of(it, keys[i], tkeys[i], leaf, &it->table);
		/* "- Cá nhân, doanh nghiệp được khen thưởng" under an item asking
		 * for commendation figures is one of those figures. */
		const outline_item *up = it->parent >= 0 ? &o->items[it->parent] : NULL;
		if (up && up->table && !it->table && key_has(keys[i], "khen thuong")) {
			it->asks |= OUTLINE_ASK_FIGURES;
			it->table = up->table;
		}
	}
	for (size_t i = 0; i < o->n_items; i++) {
		free(keys[i]);
		free(tkeys[i]);
	}
	free(keys);
	free(tkeys);
}
