/*
 * doc.c — building a document: header fields, body blocks, the closing
 * block, numbering labels and the light markup of plain-text fields.
 * Tables are in doc_table.c, text cleaning in doc_text.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc_int.h"
#include "text/text.h"

doc *doc_new(void)
{
	arena *a = arena_new();
	doc *d = arena_alloc(a, sizeof *d);
	d->ar = a;
	return d;
}

void doc_free(doc *d)
{
	if (d)
		arena_free(d->ar); /* the doc itself lives in its arena */
}

/* --- header --- */

void doc_set_issuer(doc *d, const char *parent, const char *issuer)
{
	d->parent = doc_str_caps(d, parent);
	d->issuer = doc_str_caps(d, issuer);
}

void doc_set_number(doc *d, int number, const char *symbol)
{
	const char *sym = doc_str(d, symbol ? symbol : "");
	/* the blank is wide enough for a clerk to write a 4-digit number */
	d->number = number <= 0 ? arena_printf(d->ar, "Số:       /%s", sym)
				: arena_printf(d->ar, "Số: %02d/%s", number, sym);
}

static bool valid_date(int y, int m, int day)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1900 || y > 9999 || m < 0 || m > 12 || day < 0 || day > 31)
		return false;
	if (m == 0)
		return day == 0; /* a day without its month cannot be checked */
	if (day > mdays[m - 1])
		return false;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return !(m == 2 && day == 29 && !leap);
}

char *doc_place_date(const char *place, int year, int month, int day)
{
	if (!valid_date(year, month, day))
		return NULL;
	char dd[8], mm[8];
	/* Decree 30, ô 4: days below 10 and months 1 and 2 take a leading zero */
	if (day)
		snprintf(dd, sizeof dd, "%02d", day);
	else
		snprintf(dd, sizeof dd, "    ");
	if (month)
		snprintf(mm, sizeof mm, month <= 2 ? "%02d" : "%d", month);
	else
		snprintf(mm, sizeof mm, "    ");
	return xasprintf("%s%sngày %s tháng %s năm %d", place ? place : "", place && *place ? ", " : "",
			 dd, mm, year);
}

int doc_set_date(doc *d, const char *place, int year, int month, int day, err *e)
{
	char *s = doc_place_date(place, year, month, day);
	if (!s)
		return err_set(e, E_INVAL, "ngày ban hành không hợp lệ: %02d/%02d/%d", day, month, year);
	d->place_date = doc_str(d, s);
	free(s);
	return 0;
}

void doc_set_about(doc *d, const char *about)
{
	if (!about) {
		d->about = NULL;
		return;
	}
	const char *s = doc_str(d, about);
	d->about = strncmp(s, "V/v", 3) == 0 ? s : arena_printf(d->ar, "V/v %s", s);
}

void doc_set_title(doc *d, const char *type_name, const char *subtitle)
{
	d->type_name = doc_str_caps(d, type_name);
	d->subtitle = doc_str(d, subtitle);
}

void doc_add_to(doc *d, const char *addressee)
{
	const char **slot = arena_push(d->ar, &d->to, &d->nto, &d->cap_to, sizeof *d->to);
	*slot = doc_str(d, addressee ? addressee : "");
}

/* --- body --- */

static doc_block *add_block(doc *d, doc_kind kind)
{
	doc_block *b = arena_push(d->ar, &d->blocks, &d->nblocks, &d->cap_blocks, sizeof *b);
	b->kind = kind;
	return b;
}

static doc_para *new_para(doc *d, doc_kind kind, int level, const char *label)
{
	doc_block *b = add_block(d, kind);
	b->para = arena_alloc(d->ar, sizeof *b->para);
	b->para->level = level;
	b->para->label = label && *label ? doc_str(d, label) : NULL;
	b->para->align = DOC_JUSTIFY;
	return b->para;
}

void doc_para_add(doc *d, doc_para *p, const char *text, unsigned style)
{
	if (!text || !*text)
		return;
	doc_run *r = arena_push(d->ar, &p->runs, &p->nruns, &p->cap, sizeof *r);
	r->text = doc_str(d, text);
	r->style = style & (DOC_BOLD | DOC_ITALIC);
}

doc_para *doc_add_heading(doc *d, int level, const char *label, const char *text)
{
	level = level < 1 ? 1 : level > 4 ? 4 : level;
	doc_para *p = new_para(d, DOC_HEADING, level, label);
	doc_para_add(d, p, text, 0);
	return p;
}

doc_para *doc_add_para(doc *d, const char *label)
{
	return new_para(d, DOC_PARA, 0, label);
}

doc_para *doc_add_text(doc *d, const char *text)
{
	doc_para *p = doc_add_para(d, NULL);
	doc_para_add(d, p, text, 0);
	return p;
}

void doc_add_page_break(doc *d)
{
	add_block(d, DOC_PAGE_BREAK);
}

void doc_add_annex(doc *d, const char *label, const char *title, const char *note)
{
	doc_block *b = add_block(d, DOC_ANNEX);
	b->annex.label = doc_str(d, label);
	b->annex.title = doc_str(d, title);
	b->annex.note = doc_str(d, note);
}

size_t doc_body_end(const doc *d)
{
	for (size_t i = 0; i < d->nblocks; i++)
		if (d->blocks[i].kind == DOC_ANNEX)
			return i;
	return d->nblocks;
}

/* --- labels --- */

static void roman(int n, char *out, size_t cap)
{
	static const struct { int v; const char *s; } R[] = {
		{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
		{50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}};
	size_t len = 0;
	out[0] = '\0';
	for (size_t i = 0; i < sizeof R / sizeof *R; i++)
		while (n >= R[i].v && len + 3 < cap) {
			len += (size_t)snprintf(out + len, cap - len, "%s", R[i].s);
			n -= R[i].v;
		}
}

const char *doc_label(doc *d, int level, int n)
{
	/* the Vietnamese alphabet as documents letter their points: no f, j,
	 * w, z; đ after d (Decree 30, mục I.6 c) */
	static const char *const letters[] = {"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
					      "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};
	const int nl = (int)(sizeof letters / sizeof *letters);
	char s[64];
	if (n < 1)
		n = 1;
	switch (level) {
	case 1:
		roman(n > 3999 ? 3999 : n, s, sizeof s - 1);
		return arena_printf(d->ar, "%s.", s);
	case 2:
		return arena_printf(d->ar, "%d.", n);
	case 3: {
		/* past "y": "aa", "ab", … like spreadsheet columns */
		buf b = BUF_INIT;
		char *rev[8];
		int k = 0;
		for (int x = n; x > 0 && k < 8; x = (x - 1) / nl)
			rev[k++] = (char *)letters[(x - 1) % nl];
		while (k > 0)
			buf_puts(&b, rev[--k]);
		const char *r = arena_printf(d->ar, "%s)", buf_cstr(&b));
		buf_free(&b);
		return r;
	}
	default:
		return "-";
	}
}

/* --- markup --- */

/* Length of the run of '*' at s[i]. */
static size_t stars(const char *s, size_t n, size_t i)
{
	size_t k = 0;
	while (i + k < n && s[i + k] == '*')
		k++;
	return k;
}

/* The closer of an opener of k stars whose content starts at `from`: a run
 * of exactly k stars not preceded by a space, else (for "**a *b***") the
 * last k stars of a longer run; n when there is none. */
static size_t find_closer(const char *s, size_t n, size_t from, size_t k)
{
	for (int exact = 1; exact >= 0; exact--)
		for (size_t i = from; i < n;) {
			size_t run = stars(s, n, i);
			if (run == 0) {
				i++;
				continue;
			}
			bool fits = exact ? run == k : run > k;
			if (fits && i > from && s[i - 1] != ' ' && s[i - 1] != '\t')
				return i + run - k;
			i += run;
		}
	return n;
}

static void add_piece(doc *d, doc_para *p, const char *s, size_t n, unsigned style)
{
	if (n == 0)
		return;
	char *t = xstrndup(s, n);
	doc_para_add(d, p, t, style);
	free(t);
}

/* Inline markup of s[0..n) into runs of p, on top of `style`. */
static void parse_inline(doc *d, doc_para *p, const char *s, size_t n, unsigned style)
{
	size_t plain = 0, i = 0;
	while (i < n) {
		size_t k = stars(s, n, i);
		if (k == 0) {
			i++;
			continue;
		}
		size_t open_end = i + k;
		size_t close = (k <= 3 && open_end < n && s[open_end] != ' ' && s[open_end] != '\t')
				       ? find_closer(s, n, open_end, k)
				       : n;
		if (close == n) {
			i += k; /* literal stars */
			continue;
		}
		add_piece(d, p, s + plain, i - plain, style);
		unsigned add = k == 1 ? DOC_ITALIC : k == 2 ? DOC_BOLD : DOC_BOLD | DOC_ITALIC;
		parse_inline(d, p, s + open_end, close - open_end, style | add);
		i = plain = close + k;
	}
	add_piece(d, p, s + plain, n - plain, style);
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

void doc_add_markup(doc *d, const char *text)
{
	if (!text)
		return;
	for (const char *line = text; *line;) {
		const char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);
		char *t = text_trim(line, n);
		size_t tn = strlen(t);
		if (tn > 0) {
			const char *label = NULL;
			const char *body = t;
			if (tn >= 2 && (t[0] == '-' || t[0] == '+') && is_blank(t[1])) {
				label = t[0] == '-' ? "-" : "+";
				for (body = t + 1; is_blank(*body); body++)
					;
			}
			doc_para *p = doc_add_para(d, label);
			parse_inline(d, p, body, strlen(body), 0);
		}
		free(t);
		line = nl ? nl + 1 : line + n;
	}
}

/* --- closing --- */

void doc_add_recipient(doc *d, const char *line)
{
	const char **slot = arena_push(d->ar, &d->recipients, &d->nrecipients, &d->cap_recipients,
				       sizeof *d->recipients);
	*slot = doc_str(d, line ? line : "");
}

void doc_set_signature(doc *d, const char *authority, const char *position, const char *signer)
{
	d->authority = doc_str_caps(d, authority);
	d->position = doc_str_caps(d, position);
	d->signer = doc_str(d, signer);
}
