/*
 * pdf_table.c — figure tables in the PDF: ruled cells with wrapped text,
 * header rows repeated on every page, merged cells, and rows taller than a
 * page split between lines.
 *
 * Rows are laid out a group at a time: a group is the smallest run of rows
 * that no merged cell crosses, so it is measured and kept together when it
 * fits on a page. Only the current group's layouts are alive, which keeps a
 * 5,000-row table in constant memory.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_int.h"

typedef struct tab {
	pdf *p;
	const doc_table *t;
	doc_table_geom g;
	double *x, *w;       /* column left edges (from the text area) and widths */
	double pad_x, pad_y, min_h;
} tab;

/* Rows [a, b) laid out: one layout per origin cell, the height per row. */
typedef struct group {
	size_t a, b;
	PangoLayout **lay; /* (b - a) × ncols; NULL where no text starts */
	double *h;
} group;

static size_t span_rows(const doc_table *t, size_t r, const doc_cell *s)
{
	size_t k = (size_t)(s->rowspan > 0 ? s->rowspan : 1);
	return r + k > t->nrows ? t->nrows - r : k;
}

static double span_width(const tab *tb, size_t c, const doc_cell *s)
{
	double w = 0;
	for (int k = 0; k < s->colspan && c + (size_t)k < tb->t->ncols; k++)
		w += tb->w[c + (size_t)k];
	return w;
}

/* End of the group starting at row a: past every row a merged cell of the
 * group reaches. */
static size_t group_end(const doc_table *t, size_t a, size_t at_least)
{
	size_t e = a + 1 > at_least ? a + 1 : at_least;
	for (size_t r = a; r < e && r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			const doc_cell *s = doc_cell_at(t, r, c);
			if (s->rowspan > 1 && r + span_rows(t, r, s) > e)
				e = r + span_rows(t, r, s);
		}
	return e > t->nrows ? t->nrows : e;
}

static void group_build(tab *tb, size_t a, size_t b, group *g)
{
	const doc_table *t = tb->t;
	size_t n = b - a;
	g->a = a, g->b = b;
	g->lay = xcalloc(n * t->ncols, sizeof *g->lay);
	g->h = xcalloc(n, sizeof *g->h);
	for (size_t r = a; r < b; r++) {
		bool head = r < t->nhead, total = t->has_total && r + 1 == t->nrows;
		g->h[r - a] = tb->min_h;
		for (size_t c = 0; c < t->ncols; c++) {
			const doc_cell *s = doc_cell_at(t, r, c);
			if (s->rowspan == 0 || !s->text || !*s->text)
				continue;
			doc_align al = head ? DOC_CENTER : t->cols[c].align;
			if (al == DOC_JUSTIFY)
				al = s->is_num ? DOC_RIGHT : DOC_LEFT;
			PangoLayout *l = pdf_layout(tb->p, s->text, tb->g.font_pt, head || total ? DOC_BOLD : 0,
						    span_width(tb, c, s) - 2 * tb->pad_x, al);
			g->lay[(r - a) * t->ncols + c] = l;
			double need = pdf_height(l) + 2 * tb->pad_y;
			if (span_rows(t, r, s) == 1 && need > g->h[r - a])
				g->h[r - a] = need;
		}
	}
	/* a merged cell taller than its rows stretches its last row */
	for (size_t r = a; r < b; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			PangoLayout *l = g->lay[(r - a) * t->ncols + c];
			const doc_cell *s = doc_cell_at(t, r, c);
			size_t k = l ? span_rows(t, r, s) : 1;
			if (k < 2)
				continue;
			double have = 0, need = pdf_height(l) + 2 * tb->pad_y;
			for (size_t q = r; q < r + k; q++)
				have += g->h[q - a];
			if (need > have)
				g->h[r + k - 1 - a] += need - have;
		}
}

static void group_free(const tab *tb, group *g)
{
	for (size_t i = 0; i < (g->b - g->a) * tb->t->ncols; i++)
		if (g->lay[i])
			g_object_unref(g->lay[i]);
	free(g->lay);
	free(g->h);
}

static double rows_height(const group *g, size_t a, size_t b)
{
	double h = 0;
	for (size_t r = a; r < b; r++)
		h += g->h[r - g->a];
	return h;
}

static void cell_box(tab *tb, double x, double y, double w, double h)
{
	cairo_rectangle(tb->p->cr, x, y, w, h);
	cairo_stroke(tb->p->cr);
}

/* Text centred in its box; a merged cell cut at a page's foot is clipped
 * to the part on this page. */
static void cell_text(tab *tb, PangoLayout *l, double x, double y, double h, bool cut)
{
	cairo_t *cr = tb->p->cr;
	double th = pdf_height(l), ty = y + (h - th) / 2;
	if (ty < y + tb->pad_y)
		ty = y + tb->pad_y;
	if (cut) {
		cairo_save(cr);
		cairo_rectangle(cr, x, y, 1e6, h);
		cairo_clip(cr);
	}
	pdf_show_lines(tb->p, l, x + tb->pad_x, ty, 0, th + 1);
	if (cut)
		cairo_restore(cr);
}

/* Draws rows [a, b) of g at the cursor; merged cells are cut at the
 * fragment's edges (their text shows where they start). */
static void fragment(tab *tb, const group *g, size_t a, size_t b)
{
	const doc_table *t = tb->t;
	pdf *p = tb->p;
	double y = p->y;
	cairo_set_line_width(p->cr, 0.5);
	for (size_t r = a; r < b; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			const doc_cell *s = doc_cell_at(t, r, c);
			size_t orow = r;
			if (s->rowspan == 0) {
				/* a merged cell continued from an earlier page gets its box */
				if (r != a || (size_t)s->orig_row >= a || (size_t)s->orig_col != c)
					continue;
				orow = (size_t)s->orig_row;
				s = doc_cell_at(t, orow, c);
			}
			size_t last = orow + span_rows(t, orow, s);
			double h = rows_height(g, r, last < b ? last : b);
			double x = p->x0 + tb->x[c], w = span_width(tb, c, s);
			cell_box(tb, x, y, w, h);
			PangoLayout *l = orow == r ? g->lay[(r - g->a) * t->ncols + c] : NULL;
			if (l)
				cell_text(tb, l, x, y, h, last > b);
		}
		y += g->h[r - g->a];
	}
	p->y = y;
}

/* The header rows again at the top of a continuation page. */
static void new_page_with_head(tab *tb, const group *head)
{
	pdf_new_page(tb->p);
	if (head)
		fragment(tb, head, head->a, head->b);
}

/* Bottom of the layout lines of l that fit within `room` from `from`. */
static double fit_lines(PangoLayout *l, double from, double room)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	double end = from;
	do {
		int y0, y1;
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		double top = FROM_PU(y0), bot = FROM_PU(y1);
		if (top < from - 0.01)
			continue;
		if (bot - from > room)
			break;
		end = bot;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return end;
}

/* A row no merged cell crosses, taller than a page: each page takes
 * the lines of every cell that fit, the rest continues on the next. */
static void split_row(tab *tb, const group *g, size_t r, const group *head)
{
	const doc_table *t = tb->t;
	pdf *p = tb->p;
	double *off = xcalloc(t->ncols, sizeof *off), *end = xcalloc(t->ncols, sizeof *end);
	bool fresh = false; /* on a page started for this row */
	for (;;) {
		double room = p->bottom - p->y - 2 * tb->pad_y, frag = 0;
		bool left = false, progress = false;
		for (size_t c = 0; c < t->ncols; c++) {
			PangoLayout *l = g->lay[(r - g->a) * t->ncols + c];
			end[c] = off[c];
			if (!l)
				continue;
			end[c] = fit_lines(l, off[c], room);
			if (end[c] <= off[c] && fresh) /* a line taller than a page */
				end[c] = fit_lines(l, off[c], 1e9);
			progress |= end[c] > off[c];
			left |= end[c] < pdf_height(l) - 0.01;
			if (end[c] - off[c] > frag)
				frag = end[c] - off[c];
		}
		if (!progress && left) {
			new_page_with_head(tb, head);
			fresh = true;
			continue;
		}
		double y = p->y, h = frag + 2 * tb->pad_y;
		cairo_set_line_width(p->cr, 0.5);
		for (size_t c = 0; c < t->ncols; c++) {
			const doc_cell *s = doc_cell_at(t, r, c);
			if (s->rowspan == 0)
				continue; /* inside a horizontal span */
			cell_box(tb, p->x0 + tb->x[c], y, span_width(tb, c, s), h);
			PangoLayout *l = g->lay[(r - g->a) * t->ncols + c];
			if (l)
				pdf_show_lines(p, l, p->x0 + tb->x[c] + tb->pad_x, y + tb->pad_y, off[c], end[c]);
			off[c] = end[c];
		}
		p->y = y + h;
		if (!left)
			break;
		new_page_with_head(tb, head);
		fresh = true;
	}
	free(off);
	free(end);
}

/* Whether a merged cell of row r reaches another row. */
static bool spans_rows(const doc_table *t, size_t r)
{
	for (size_t c = 0; c < t->ncols; c++) {
		const doc_cell *s = doc_cell_at(t, r, c);
		if (s->rowspan > 1 || (s->rowspan == 0 && (size_t)s->orig_row != r))
			return true;
	}
	return false;
}

/* Rows [a, b) of g from the cursor on, across pages as needed. */
static void place(tab *tb, const group *g, const group *head)
{
	pdf *p = tb->p;
	double head_h = head ? rows_height(head, head->a, head->b) : 0;
	double h = rows_height(g, g->a, g->b);
	if (p->y + h <= p->bottom) {
		fragment(tb, g, g->a, g->b);
		return;
	}
	if (h <= p->bottom - p->top - head_h) {
		new_page_with_head(tb, head);
		fragment(tb, g, g->a, g->b);
		return;
	}
	/* taller than a page: as many rows per page as fit; a row no merged
	 * cell crosses starts in the room left and splits, as Word does */
	size_t fa = g->a;
	double acc = 0;
	for (size_t r = g->a; r < g->b; r++) {
		double rh = g->h[r - g->a];
		bool splits = !spans_rows(tb->t, r);
		if (p->y + acc + rh > p->bottom) {
			if (r > fa)
				fragment(tb, g, fa, r);
			if (!splits && (r > fa || p->y > p->top + head_h + 0.01))
				new_page_with_head(tb, head);
			fa = r, acc = 0;
		}
		if (splits && p->y + rh > p->bottom) {
			split_row(tb, g, r, head);
			fa = r + 1;
			continue;
		}
		acc += rh; /* a merged row taller than a page runs past its foot */
	}
	if (fa < g->b)
		fragment(tb, g, fa, g->b);
}

static void caption(tab *tb, double first_rows)
{
	pdf *p = tb->p;
	const doc_table *t = tb->t;
	PangoLayout *cap = t->title ? pdf_layout(p, t->title, DOC_PT_TABLE + 1, DOC_BOLD, p->w, DOC_CENTER) : NULL;
	double ch = cap ? pdf_height(cap) + 3 : 0;
	PangoLayout *note = t->note ? pdf_layout(p, t->note, DOC_PT_TABLE, DOC_ITALIC, p->w, DOC_RIGHT) : NULL;
	double nh = note ? pdf_height(note) + 3 : 0;
	/* the caption never sits alone at the foot of a page */
	if (p->y + ch + nh + first_rows > p->bottom && p->y > p->top + 0.01)
		pdf_new_page(p);
	p->y += 3;
	if (cap) {
		cairo_move_to(p->cr, p->x0, p->y);
		pango_cairo_show_layout(p->cr, cap);
		p->y += ch;
		g_object_unref(cap);
	}
	if (note) {
		cairo_move_to(p->cr, p->x0, p->y);
		pango_cairo_show_layout(p->cr, note);
		p->y += nh;
		g_object_unref(note);
	}
}

void pdf_table(pdf *p, const doc_table *t)
{
	tab tb = {.p = p, .t = t};
	doc_table_geometry(t, &tb.g);
	p->want_landscape = tb.g.landscape;
	pdf_begin_block(p);
	tb.pad_x = PT(tb.g.pad_x_mm), tb.pad_y = PT(tb.g.pad_y_mm);
	tb.min_h = tb.g.font_pt * 1.15 + 2 * tb.pad_y;
	tb.x = xcalloc(t->ncols, sizeof *tb.x);
	tb.w = xcalloc(t->ncols, sizeof *tb.w);
	doc_table_widths(t, p->w, tb.w);
	for (size_t c = 1; c < t->ncols; c++)
		tb.x[c] = tb.x[c - 1] + tb.w[c - 1];
	group head = {0}, g = {0};
	size_t r = 0;
	if (t->nhead > 0) {
		r = group_end(t, 0, t->nhead);
		group_build(&tb, 0, r, &head);
	}
	double head_h = t->nhead ? rows_height(&head, 0, head.b) : 0;
	bool repeat = t->nhead > 0 && head_h < (p->bottom - p->top) / 3;
	size_t b = r < t->nrows ? group_end(t, r, r + 1) : r;
	if (b > r)
		group_build(&tb, r, b, &g);
	caption(&tb, head_h + (b > r ? g.h[0] : 0));
	if (t->nhead)
		place(&tb, &head, NULL);
	while (b > r) {
		place(&tb, &g, repeat ? &head : NULL);
		group_free(&tb, &g);
		r = b;
		b = r < t->nrows ? group_end(t, r, r + 1) : r;
		if (b > r)
			group_build(&tb, r, b, &g);
	}
	if (t->nhead)
		group_free(&tb, &head);
	free(tb.x);
	free(tb.w);
	p->y += DOC_PARA_AFTER_PT * 2;
}
