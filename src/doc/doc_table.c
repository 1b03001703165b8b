/*
 * doc_table.c — figure tables: building the grid (spans, the fill cursor,
 * the total row), Vietnamese number text, and the table geometry both page
 * writers use.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc_int.h"
#include "text/text.h"

doc_table *doc_add_table(doc *d, size_t ncols, const char *title)
{
	if (ncols == 0)
		ncols = 1;
	doc_block *b = arena_push(d->ar, &d->blocks, &d->nblocks, &d->cap_blocks, sizeof *b);
	b->kind = DOC_TABLE;
	doc_table *t = b->table = arena_alloc(d->ar, sizeof *t);
	t->ncols = ncols;
	t->title = title && *title ? doc_str(d, title) : NULL;
	t->cols = arena_alloc(d->ar, ncols * sizeof *t->cols);
	return t;
}

void doc_table_note(doc *d, doc_table *t, const char *note)
{
	t->note = note && *note ? doc_str(d, note) : NULL;
}

void doc_table_col(doc_table *t, size_t col, double weight, doc_align align)
{
	if (col >= t->ncols)
		return;
	t->cols[col].weight = weight > 0 && isfinite(weight) ? weight : 0;
	t->cols[col].align = align;
}

static doc_cell *slot(doc_table *t, size_t r, size_t c)
{
	return &t->cells[r * t->ncols + c];
}

/* Whether the slot (r, c) of an earlier row reaches down into row `row`. */
static bool reaches(doc_table *t, size_t r, size_t c, size_t row)
{
	doc_cell *s = slot(t, r, c);
	if (s->rowspan == 0) { /* covered: ask its origin */
		r = (size_t)s->orig_row;
		s = slot(t, r, (size_t)s->orig_col);
	}
	return s->rowspan > 1 && r + (size_t)s->rowspan > row;
}

static void add_row(doc *d, doc_table *t)
{
	if (t->nrows == t->cap_rows) {
		size_t cap = t->cap_rows ? t->cap_rows * 2 : 8;
		doc_cell *cells = arena_alloc(d->ar, cap * t->ncols * sizeof *cells);
		if (t->nrows)
			memcpy(cells, t->cells, t->nrows * t->ncols * sizeof *cells);
		t->cells = cells;
		t->cap_rows = cap;
	}
	size_t r = t->nrows++;
	for (size_t c = 0; c < t->ncols; c++) {
		doc_cell *s = slot(t, r, c);
		memset(s, 0, sizeof *s);
		if (r > 0 && reaches(t, r - 1, c, r)) {
			const doc_cell *above = slot(t, r - 1, c);
			s->orig_row = above->rowspan ? (int)(r - 1) : above->orig_row;
			s->orig_col = above->rowspan ? (int)c : above->orig_col;
		} else {
			s->rowspan = s->colspan = 1;
		}
	}
	t->cursor = 0;
}

/* A slot is free when nothing covers it and nothing was written there. */
static void skip_taken(doc_table *t)
{
	size_t r = t->nrows - 1;
	while (t->cursor < t->ncols) {
		const doc_cell *s = slot(t, r, t->cursor);
		if (s->rowspan != 0 && !s->text)
			break;
		t->cursor++;
	}
}

void doc_table_head_row(doc *d, doc_table *t)
{
	if (t->nrows > t->nhead) { /* header rows come first */
		doc_table_row(d, t);
		return;
	}
	add_row(d, t);
	t->nhead = t->nrows;
	skip_taken(t);
}

void doc_table_row(doc *d, doc_table *t)
{
	add_row(d, t);
	skip_taken(t);
}

void doc_table_cell_span(doc *d, doc_table *t, const char *text, int rowspan, int colspan)
{
	if (t->nrows == 0)
		doc_table_row(d, t);
	skip_taken(t);
	if (t->cursor >= t->ncols)
		return; /* past the last column: dropped (doc.h) */
	size_t r = t->nrows - 1, c = t->cursor;
	if (colspan < 1)
		colspan = 1;
	if (rowspan < 1)
		rowspan = 1;
	/* a span stops at the grid's edge and before a slot already taken */
	size_t cs = 1;
	while (cs < (size_t)colspan && c + cs < t->ncols && slot(t, r, c + cs)->rowspan != 0 &&
	       !slot(t, r, c + cs)->text)
		cs++;
	doc_cell *s = slot(t, r, c);
	s->text = doc_str(d, text ? text : "");
	s->rowspan = rowspan;
	s->colspan = (int)cs;
	for (size_t k = 1; k < cs; k++) {
		doc_cell *o = slot(t, r, c + k);
		o->rowspan = o->colspan = 0;
		o->orig_row = (int)r;
		o->orig_col = (int)c;
	}
	t->cursor = c + cs;
	skip_taken(t);
}

void doc_table_cell(doc *d, doc_table *t, const char *text)
{
	doc_table_cell_span(d, t, text, 1, 1);
}

void doc_table_cell_num(doc *d, doc_table *t, double value)
{
	if (!isfinite(value))
		value = 0;
	char s[64];
	doc_format_num(value, s, sizeof s);
	if (t->nrows == 0)
		doc_table_row(d, t);
	skip_taken(t);
	if (t->cursor >= t->ncols)
		return;
	doc_cell *c = slot(t, t->nrows - 1, t->cursor);
	doc_table_cell(d, t, s);
	c->num = value;
	c->is_num = true;
}

void doc_table_total(doc *d, doc_table *t, const char *label)
{
	if (t->has_total || t->nrows <= t->nhead)
		return;
	double *sums = xcalloc(t->ncols, sizeof *sums);
	bool *figures = xcalloc(t->ncols, sizeof *figures);
	for (size_t c = 0; c < t->ncols; c++) {
		for (size_t r = t->nhead; r < t->nrows; r++) {
			const doc_cell *s = slot(t, r, c);
			if (s->rowspan && s->is_num)
				sums[c] += s->num, figures[c] = true;
		}
	}
	size_t lead = 0;
	while (lead < t->ncols && !figures[lead])
		lead++;
	doc_table_row(d, t);
	if (lead > 0)
		doc_table_cell_span(d, t, label, 1, (int)lead);
	for (size_t c = lead; c < t->ncols; c++) {
		if (figures[c])
			doc_table_cell_num(d, t, sums[c]);
		else
			doc_table_cell(d, t, "");
	}
	t->has_total = true;
	free(sums);
	free(figures);
}

void doc_format_num(double v, char *out, size_t n)
{
	/* thousands grouped with '.', decimal comma (TCVN practice) */
	bool neg = v < 0;
	double a = fabs(v);
	double ip = floor(a + 0.005);
	long long cents = llround((a - ip) * 100);
	if (cents >= 100)
		ip += 1, cents = 0;
	if (cents < 0)
		cents = 0;
	char digits[40], grouped[64];
	snprintf(digits, sizeof digits, "%.0f", ip);
	size_t len = strlen(digits), k = 0;
	for (size_t i = 0; i < len && k + 2 < sizeof grouped; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			grouped[k++] = '.';
		grouped[k++] = digits[i];
	}
	grouped[k] = '\0';
	if (cents == 0)
		snprintf(out, n, "%s%s", neg && ip > 0 ? "-" : "", grouped);
	else if (cents % 10 == 0)
		snprintf(out, n, "%s%s,%lld", neg ? "-" : "", grouped, cents / 10);
	else
		snprintf(out, n, "%s%s,%02lld", neg ? "-" : "", grouped, cents);
}

/* --- geometry --- */

void doc_table_geometry(const doc_table *t, doc_table_geom *g)
{
	/* the type shrinks with the column count so that figures still fit;
	 * past 50 columns the XLSX is the readable form */
	static const struct { size_t cols; double pt; } steps[] = {
		{DOC_TABLE_PORTRAIT_COLS, DOC_PT_TABLE}, {10, 12}, {12, 11}, {15, 10}, {20, 9}, {30, 8},
		{50, 7}};
	size_t n = t->ncols;
	g->landscape = n > DOC_TABLE_PORTRAIT_COLS;
	g->font_pt = 6;
	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
		if (n <= steps[i].cols) {
			g->font_pt = steps[i].pt;
			break;
		}
	g->pad_x_mm = n <= 15 ? 1.5 : n <= 30 ? 0.8 : 0.3;
	g->pad_y_mm = 0.8;
	g->width_mm = (g->landscape ? DOC_PAGE_H_MM : DOC_PAGE_W_MM) - DOC_MARGIN_LEFT_MM - DOC_MARGIN_RIGHT_MM;
}

/* A column's share when the caller gave none: its typical text length,
 * at least its longest header word, within [2.5, 40]. */
static double content_weight(const doc_table *t, size_t c)
{
	double total = 0, longest_word = 0;
	size_t count = 0, rows = t->nrows < 300 ? t->nrows : 300;
	for (size_t r = 0; r < rows; r++) {
		const doc_cell *s = doc_cell_at(t, r, c);
		if (!s->text || s->colspan != 1)
			continue;
		if (r < t->nhead) {
			size_t w = 0;
			for (const char *p = s->text;; p++) {
				if (*p == ' ' || *p == '\n' || *p == '\0') {
					if (w > longest_word)
						longest_word = (double)w;
					w = 0;
					if (!*p)
						break;
				} else if ((*p & 0xc0) != 0x80) {
					w++;
				}
			}
		} else {
			total += (double)text_length(s->text);
			count++;
		}
	}
	double w = count ? total / (double)count : 4;
	if (w < longest_word)
		w = longest_word;
	return w < 2.5 ? 2.5 : w > 40 ? 40 : w;
}

void doc_table_widths(const doc_table *t, double total, double *w)
{
	double sum = 0;
	bool given = false;
	for (size_t c = 0; c < t->ncols; c++)
		given |= t->cols[c].weight > 0;
	double widest = 0;
	for (size_t c = 0; c < t->ncols; c++) {
		w[c] = given ? (t->cols[c].weight > 0 ? t->cols[c].weight : 1) : content_weight(t, c);
		if (w[c] > widest)
			widest = w[c];
	}
	/* no column thinner than 1/50 of the widest: whole twips stay ≥ 1 */
	for (size_t c = 0; c < t->ncols; c++) {
		if (w[c] < widest / 50)
			w[c] = widest / 50;
		sum += w[c];
	}
	for (size_t c = 0; c < t->ncols; c++)
		w[c] = w[c] / sum * total;
}
