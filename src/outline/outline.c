/*
 * outline.c — the outline data model: paragraph lists shared by the front
 * ends, freeing a document, expanding repeated sections.
 */
#include "outline_int.h"

#include <stdlib.h>
#include <string.h>

#include "text/text.h"

outline_para *para_push(para_list *l, char *text, char *numtext)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	outline_para *p = &l->v[l->n++];
	memset(p, 0, sizeof *p);
	p->text = text;
	p->numtext = numtext;
	p->num_key = -1;
	return p;
}

void para_list_free(para_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].text);
		free(l->v[i].numtext);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* Width of the space-like or invisible character at p (valid UTF-8), and
 * whether it reads as a space (1) or as nothing (0); -1 for anything else. */
static int spacing_char(const unsigned char *p, size_t left, size_t *len)
{
	*len = 1;
	if (p[0] < 0x20 || p[0] == 0x7F || p[0] == ' ')
		return 1;
	if (p[0] == 0xC2 && left >= 2) {
		*len = 2;
		if (p[1] == 0xA0)
			return 1; /* no-break space */
		if (p[1] == 0xAD)
			return 0; /* soft hyphen */
		if (p[1] >= 0x80 && p[1] < 0xA0)
			return 1; /* C1 controls */
		return -1;
	}
	if (p[0] == 0xE2 && left >= 3 && p[1] == 0x80) {
		*len = 3;
		if ((p[2] >= 0x80 && p[2] <= 0x8A) || p[2] == 0xAF || p[2] == 0xA8 || p[2] == 0xA9)
			return 1; /* en/em/thin spaces, narrow no-break, line/para separators */
		if (p[2] >= 0x8B && p[2] <= 0x8D)
			return 0; /* zero-width space, joiners */
		return -1;
	}
	if (p[0] == 0xEF && left >= 3 && p[1] == 0xBB && p[2] == 0xBF) {
		*len = 3;
		return 0; /* a BOM in the middle of text */
	}
	return -1;
}

char *para_clean(const char *s, size_t n)
{
	char *out = xmalloc(n + 1); /* never longer than the input */
	size_t k = 0;
	bool space = false;
	for (size_t i = 0; i < n;) {
		size_t len;
		int t = spacing_char((const unsigned char *)s + i, n - i, &len);
		if (t == 1) {
			space = k > 0;
		} else if (t == -1) {
			if (space)
				out[k++] = ' ';
			space = false;
			memcpy(out + k, s + i, len);
			k += len;
		}
		i += len;
	}
	out[k] = '\0';
	return out;
}

/* Code points NFC leaves alone whatever surrounds them, as long as no
 * combining mark is present: Latin up to U+02FF, Vietnamese precomposed
 * letters (U+1E00–U+1EFF), punctuation, currency, arrows, shapes, dingbats,
 * private use. Outside these (combining marks, singletons such as U+212B,
 * Hangul …) the real normaliser runs. */
static bool nfc_stable_cp(unsigned cp)
{
	return cp < 0x300 || (cp >= 0x1E00 && cp < 0x1F00) || (cp >= 0x2002 && cp < 0x2070) ||
	       (cp >= 0x20A0 && cp < 0x20D0) || (cp >= 0x2190 && cp < 0x2200) ||
	       (cp >= 0x2500 && cp < 0x27C0) || (cp >= 0xE000 && cp < 0xF900) || cp == 0xFEFF;
}

char *para_nfc(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		unsigned cp;
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if ((p[i] & 0xE0) == 0xC0 && i + 1 < n) {
			cp = ((p[i] & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu);
			i += 2;
		} else if ((p[i] & 0xF0) == 0xE0 && i + 2 < n) {
			cp = ((p[i] & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
			i += 3;
		} else {
			break;
		}
		if (!nfc_stable_cp(cp))
			break;
	}
	return i >= n ? xstrndup(s, n) : text_nfc(s, n);
}

void outline_doc_free(outline_doc *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		outline *o = &d->outlines[i];
		for (size_t k = 0; k < o->n_items; k++) {
			free(o->items[k].label);
			free(o->items[k].title);
			free(o->items[k].guidance);
		}
		free(o->items);
		free(o->title);
	}
	free(d->outlines);
	d->outlines = NULL;
	d->n = 0;
}

const char *outline_ask_name(unsigned bit)
{
	switch (bit) {
	case OUTLINE_ASK_TEXT:
		return "text";
	case OUTLINE_ASK_FIGURES:
		return "figures";
	case OUTLINE_ASK_MODELS:
		return "models";
	default:
		return NULL;
	}
}

int outline_is_zip(const void *data, size_t n)
{
	return n >= 4 && memcmp(data, "PK\3\4", 4) == 0;
}

/* ---- repeated sections ---- */

/* One past the last descendant of item i (items are in pre-order). */
static size_t subtree_end(const outline_item *v, size_t n, size_t i)
{
	size_t j = i + 1;
	while (j < n && v[j].depth > v[i].depth)
		j++;
	return j;
}

static bool has_children(const outline_item *v, size_t n, size_t i)
{
	return i + 1 < n && v[i + 1].parent == (int)i;
}

/* Whether i would receive a copy: a childless item repeating an earlier
 * item that is not one of its ancestors. */
static bool expands(const outline_item *v, size_t n, size_t i)
{
	int r = v[i].repeat_of;
	if (r < 0 || (size_t)r >= i || has_children(v, n, i))
		return false;
	for (int p = v[i].parent; p >= 0; p = v[p].parent)
		if (p == r)
			return false;
	return true;
}

static void copy_item(outline_item *dst, const outline_item *src)
{
	*dst = *src;
	dst->label = xstrdup(src->label);
	dst->title = xstrdup(src->title);
	dst->guidance = xstrdup(src->guidance);
}

#define OUTLINE_MAX_EXPANDED 200000

static void free_items(outline_item *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].label);
		free(v[i].title);
		free(v[i].guidance);
	}
	free(v);
}

/* Builds the expanded copy in a new array and swaps it in only when done,
 * so a refusal leaves the outline as it was. Copies are taken from the
 * output, so a section repeating an already expanded one gets it all. */
int outline_expand_repeats(outline *o)
{
	size_t n = o->n_items, k = 0, cap = n ? n : 1;
	bool any = false;
	for (size_t i = 0; i < n; i++)
		any = any || expands(o->items, n, i);
	if (!any)
		return 0;
	outline_item *out = xcalloc(cap, sizeof *out);
	int *map = xmalloc(cap * sizeof *map);
	for (size_t i = 0; i < n; i++) {
		const outline_item *it = &o->items[i];
		if (k == cap)
			out = xrealloc(out, (cap *= 2) * sizeof *out);
		map[i] = (int)k;
		copy_item(&out[k], it);
		out[k].parent = it->parent >= 0 && (size_t)it->parent < i ? map[it->parent] : -1;
		out[k].repeat_of = it->repeat_of >= 0 && (size_t)it->repeat_of < i ? map[it->repeat_of] : -1;
		size_t self = k++;
		if (!expands(o->items, n, i))
			continue;
		size_t src = (size_t)map[it->repeat_of];
		size_t end = subtree_end(out, k, src);
		if (k + (end - src) > OUTLINE_MAX_EXPANDED) {
			free(map);
			free_items(out, k);
			return E_TOOBIG;
		}
		int shift = out[self].depth - out[src].depth;
		size_t base = k;
		for (size_t j = src + 1; j < end; j++) {
			if (k == cap)
				out = xrealloc(out, (cap *= 2) * sizeof *out);
			copy_item(&out[k], &out[j]);
			out[k].depth += shift;
			out[k].repeat_of = -1;
			int p = out[j].parent;
			out[k].parent = p > (int)src && (size_t)p < end ? (int)(base + (size_t)p - (src + 1))
								       : (int)self;
			k++;
		}
	}
	free(map);
	free_items(o->items, n);
	o->items = out;
	o->n_items = k;
	return 0;
}
