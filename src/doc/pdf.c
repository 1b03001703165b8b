/*
 * pdf.c — the document as PDF with cairo and pango: the same Decree 30
 * layout as the DOCX, set in Liberation Serif (Times New Roman's metrics),
 * shaped by HarfBuzz through pango so Vietnamese stacked marks come out
 * right; cairo embeds the font subsets.
 *
 * Layout is measured, then drawn: every paragraph is a PangoLayout wrapped
 * at the text width; its lines are drawn one by one so a paragraph can
 * continue on the next page. Tables are in pdf_table.c.
 *
 * Threads: each call makes its own PangoFontMap and PangoContext (and
 * cairo surface), so concurrent calls share no pango objects; fontconfig,
 * HarfBuzz and cairo's font cache are thread-safe on their own. The cost
 * is a fresh glyph cache per document (see bench/bench_doc.c).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pdf_int.h"

static PangoFontDescription *font(double pt, unsigned style)
{
	PangoFontDescription *f = pango_font_description_new();
	pango_font_description_set_family(f, DOC_FONT_PDF);
	pango_font_description_set_size(f, PU(pt));
	pango_font_description_set_weight(f, style & DOC_BOLD ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(f, style & DOC_ITALIC ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
	return f;
}

/* Attributes every layout starts from: no hyphen where a word longer than
 * the line is broken, as Word does (pango would add one). */
static PangoAttrList *attrs_new(void)
{
	PangoAttrList *al = pango_attr_list_new();
	pango_attr_list_insert(al, pango_attr_insert_hyphens_new(FALSE));
	return al;
}

static void set_attrs(PangoLayout *l, PangoAttrList *al)
{
	pango_layout_set_attributes(l, al);
	pango_attr_list_unref(al);
}

static PangoLayout *layout_new(pdf *p, double pt, unsigned style, double width, doc_align align)
{
	PangoLayout *l = pango_layout_new(p->pc);
	PangoFontDescription *f = font(pt, style);
	pango_layout_set_font_description(l, f);
	pango_font_description_free(f);
	pango_layout_set_width(l, PU(width > 1 ? width : 1));
	/* words longer than the line break between characters */
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(l, align == DOC_CENTER  ? PANGO_ALIGN_CENTER
				      : align == DOC_RIGHT ? PANGO_ALIGN_RIGHT
							   : PANGO_ALIGN_LEFT);
	pango_layout_set_justify(l, align == DOC_JUSTIFY);
	set_attrs(l, attrs_new());
	return l;
}

PangoLayout *pdf_layout(pdf *p, const char *s, double pt, unsigned style, double width, doc_align align)
{
	PangoLayout *l = layout_new(p, pt, style, width, align);
	buf_reset(&p->text);
	doc_clean(&p->text, s ? s : "");
	pango_layout_set_text(l, p->text.p, (int)p->text.len);
	return l;
}

double pdf_height(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return FROM_PU(h);
}

/* Width of the widest line. */
static double text_width(PangoLayout *l)
{
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	return FROM_PU(r.width);
}

/* --- pages --- */

static void page_number(pdf *p)
{
	char n[16];
	snprintf(n, sizeof n, "%d", p->page);
	PangoLayout *l = pdf_layout(p, n, DOC_PT_PAGENO, 0, p->w, DOC_CENTER);
	cairo_move_to(p->cr, p->x0, PT(DOC_HEADER_DIST_MM));
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
}

void pdf_new_page(pdf *p)
{
	if (p->page > 0)
		cairo_show_page(p->cr);
	p->landscape = p->want_landscape;
	double pw = PT(p->landscape ? DOC_PAGE_H_MM : DOC_PAGE_W_MM);
	double ph = PT(p->landscape ? DOC_PAGE_W_MM : DOC_PAGE_H_MM);
	cairo_pdf_surface_set_size(p->surf, pw, ph);
	p->page++;
	p->x0 = PT(DOC_MARGIN_LEFT_MM);
	p->w = pw - p->x0 - PT(DOC_MARGIN_RIGHT_MM);
	p->top = p->y = PT(DOC_MARGIN_TOP_MM);
	p->bottom = ph - PT(DOC_MARGIN_BOTTOM_MM);
	p->break_pending = false;
	if (p->page >= 2) /* no number on the first page (Decree 30, mục I.5) */
		page_number(p);
}

void pdf_begin_block(pdf *p)
{
	if (p->break_pending || p->want_landscape != p->landscape)
		pdf_new_page(p);
}

void pdf_show_lines(pdf *p, PangoLayout *l, double x, double at, double from, double to)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	do {
		int y0, y1;
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		double top = FROM_PU(y0);
		if (top < from - 0.01 || top >= to - 0.01)
			continue;
		PangoRectangle logical;
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		double base = FROM_PU(pango_layout_iter_get_baseline(it));
		cairo_move_to(p->cr, x + FROM_PU(logical.x), at + base - from);
		pango_cairo_show_layout_line(p->cr, pango_layout_iter_get_line_readonly(it));
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

/* Draws l at x from the cursor on, moving to a new page between lines
 * when the next one does not fit; leaves the cursor under the last line. */
static void flow(pdf *p, PangoLayout *l, double x)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	double from = 0, at = p->y, end = 0;
	do {
		int y0, y1;
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		double top = FROM_PU(y0), bot = FROM_PU(y1);
		/* a line taller than a whole page is drawn where it stands */
		bool fresh = at <= p->top + 0.01 && top <= from + 0.01;
		if (at + bot - from > p->bottom && !fresh) {
			pdf_show_lines(p, l, x, at, from, top);
			pdf_new_page(p);
			at = p->y;
			from = top;
		}
		end = bot;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	pdf_show_lines(p, l, x, at, from, end + 1);
	p->y = at + end - from;
}

/* --- header (Mẫu 1.4, ô 1–5) --- */

/* Draws s centred in [x, x+w) with its top at y; returns its height and,
 * in *tw, the width of its widest line. */
static double centred(pdf *p, const char *s, double pt, unsigned style, bool underline, double x, double w,
		      double y, double *tw)
{
	if (!s || !*s) {
		if (tw)
			*tw = 0;
		return 0;
	}
	PangoLayout *l = pdf_layout(p, s, pt, style, w, DOC_CENTER);
	if (underline) {
		PangoAttrList *al = attrs_new();
		pango_attr_list_insert(al, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE));
		set_attrs(l, al);
	}
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, l);
	double h = pdf_height(l);
	if (tw)
		*tw = text_width(l);
	g_object_unref(l);
	return h;
}

/* A rule of len centred in [x, x+w) at y (Decree 30: 1/3–1/2 of the line
 * above it). */
static void rule(pdf *p, double x, double w, double y, double len)
{
	cairo_set_line_width(p->cr, 0.6);
	cairo_move_to(p->cr, x + (w - len) / 2, y);
	cairo_line_to(p->cr, x + (w + len) / 2, y);
	cairo_stroke(p->cr);
}

static void header(pdf *p)
{
	const doc *d = p->d;
	double L = PT(DOC_HEAD_LEFT_MM), R = p->w - L, xl = p->x0, xr = p->x0 + L;
	double yl = p->top, yr = p->top, tw;
	yl += centred(p, d->parent, DOC_PT_PARENT, 0, false, xl, L, yl, NULL);
	yl += centred(p, d->issuer, DOC_PT_ISSUER, DOC_BOLD, false, xl, L, yl, &tw);
	if (d->issuer) {
		rule(p, xl, L, yl + 2, tw * DOC_RULE_ISSUER);
		yl += 3;
	}
	yr += centred(p, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", DOC_PT_MOTTO, DOC_BOLD, false, xr, R, yr, NULL);
	/* the underline is as wide as the text, as the decree asks */
	yr += centred(p, "Độc lập - Tự do - Hạnh phúc", DOC_PT_MOTTO2, DOC_BOLD, true, xr, R, yr, NULL);
	/* number and date share a line */
	double row = (yl > yr ? yl : yr) + 10;
	yl = row + centred(p, d->number, DOC_PT_NUMBER, 0, false, xl, L, row, NULL);
	if (d->about)
		yl += 3 + centred(p, d->about, DOC_PT_ABOUT, 0, false, xl, L, yl + 3, NULL) + 6;
	yr = row + centred(p, d->place_date, DOC_PT_DATE, DOC_ITALIC, false, xr, R, row, NULL);
	p->y = yl > yr ? yl : yr;
}

static void title(pdf *p)
{
	const doc *d = p->d;
	if (!d->type_name)
		return;
	double tw;
	p->y += 18;
	p->y += centred(p, d->type_name, DOC_PT_TITLE, DOC_BOLD, false, p->x0, p->w, p->y, NULL);
	if (d->subtitle && *d->subtitle) {
		p->y += centred(p, d->subtitle, DOC_PT_TITLE, DOC_BOLD, false, p->x0, p->w, p->y, &tw);
		rule(p, p->x0, p->w, p->y + 2, tw * DOC_RULE_TITLE);
		p->y += 3;
	}
}

/* "Kính gửi:" — one addressee centred, several listed after the words. */
static void addressees(pdf *p)
{
	const doc *d = p->d;
	if (d->nto == 0)
		return;
	p->y += 12;
	if (d->nto == 1) {
		buf_reset(&p->text);
		buf_printf(&p->text, "Kính gửi: %s", d->to[0]);
		char *s = buf_detach(&p->text);
		p->y += centred(p, s, DOC_PT_TO, 0, false, p->x0, p->w, p->y, NULL);
		free(s);
	} else {
		double xw = p->x0 + PT(30), xl = p->x0 + PT(55), lw = p->w - PT(55);
		PangoLayout *l = pdf_layout(p, "Kính gửi:", DOC_PT_TO, 0, PT(25), DOC_LEFT);
		cairo_move_to(p->cr, xw, p->y);
		pango_cairo_show_layout(p->cr, l);
		g_object_unref(l);
		for (size_t i = 0; i < d->nto; i++) {
			l = pdf_layout(p, d->to[i], DOC_PT_TO, 0, lw, DOC_LEFT);
			cairo_move_to(p->cr, xl, p->y);
			pango_cairo_show_layout(p->cr, l);
			p->y += pdf_height(l);
			g_object_unref(l);
		}
	}
	p->y += 12;
}

/* --- body --- */

static unsigned heading_style(int level)
{
	return level == 0 ? 0 : level <= 2 ? DOC_BOLD : level == 3 ? DOC_BOLD | DOC_ITALIC : DOC_ITALIC;
}

/* A paragraph's layout: label and runs as one text, run styles as
 * attributes over their byte ranges. */
static PangoLayout *para_layout(pdf *p, const doc_para *para)
{
	PangoLayout *l = layout_new(p, DOC_PT_BODY, heading_style(para->level), p->w, para->align);
	PangoAttrList *al = attrs_new();
	buf_reset(&p->text);
	if (para->label) {
		doc_clean(&p->text, para->label);
		buf_putc(&p->text, ' ');
	}
	for (size_t i = 0; i < para->nruns; i++) {
		size_t start = p->text.len;
		doc_clean(&p->text, para->runs[i].text);
		unsigned st = para->runs[i].style;
		if (st & DOC_BOLD) {
			PangoAttribute *a = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
			a->start_index = (guint)start, a->end_index = (guint)p->text.len;
			pango_attr_list_insert(al, a);
		}
		if (st & DOC_ITALIC) {
			PangoAttribute *a = pango_attr_style_new(PANGO_STYLE_ITALIC);
			a->start_index = (guint)start, a->end_index = (guint)p->text.len;
			pango_attr_list_insert(al, a);
		}
	}
	buf_puts(&p->text, "");
	pango_layout_set_text(l, p->text.p, (int)p->text.len);
	set_attrs(l, al);
	pango_layout_set_indent(l, PU(PT(DOC_INDENT_MM)));
	pango_layout_set_line_spacing(l, (float)DOC_LINE_MULT);
	return l;
}

static void para(pdf *p, const doc_para *para)
{
	PangoLayout *l = para_layout(p, para);
	if (para->level > 0) {
		if (para->level == 1)
			p->y += 6;
		/* keep a heading with two lines of what follows */
		double need = pdf_height(l) + 2 * DOC_PT_BODY * 1.4;
		if (p->y + need > p->bottom && p->y > p->top + 0.01)
			pdf_new_page(p);
	}
	flow(p, l, p->x0);
	p->y += DOC_PARA_AFTER_PT;
	g_object_unref(l);
}

/* --- closing (ô 7, 9) --- */

static double recipients_height(pdf *p, double w, bool draw, double x, double y)
{
	const doc *d = p->d;
	double h = 0;
	if (!d->nrecipients)
		return 0;
	PangoLayout *l = pdf_layout(p, "Nơi nhận:", DOC_PT_RECIP_HEAD, DOC_BOLD | DOC_ITALIC, w, DOC_LEFT);
	if (draw) {
		cairo_move_to(p->cr, x, y);
		pango_cairo_show_layout(p->cr, l);
	}
	h += pdf_height(l);
	g_object_unref(l);
	for (size_t i = 0; i < d->nrecipients; i++) {
		l = pdf_layout(p, d->recipients[i], DOC_PT_RECIP, 0, w, DOC_LEFT);
		if (draw) {
			cairo_move_to(p->cr, x, y + h);
			pango_cairo_show_layout(p->cr, l);
		}
		h += pdf_height(l);
		g_object_unref(l);
	}
	return h;
}

static double signature(pdf *p, double x, double w, double y, bool draw)
{
	const doc *d = p->d;
	const char *parts[] = {d->authority, d->position};
	double h = 0;
	for (size_t i = 0; i < 2; i++) {
		if (!parts[i])
			continue;
		PangoLayout *l = pdf_layout(p, parts[i], DOC_PT_SIGN, DOC_BOLD, w, DOC_CENTER);
		if (draw) {
			cairo_move_to(p->cr, x, y + h);
			pango_cairo_show_layout(p->cr, l);
		}
		h += pdf_height(l);
		g_object_unref(l);
	}
	h += PT(DOC_SIGN_GAP_MM) - 6; /* room for the hand signature and seal */
	if (d->signer) {
		PangoLayout *l = pdf_layout(p, d->signer, DOC_PT_SIGN, DOC_BOLD, w, DOC_CENTER);
		if (draw) {
			cairo_move_to(p->cr, x, y + h);
			pango_cairo_show_layout(p->cr, l);
		}
		h += pdf_height(l);
		g_object_unref(l);
	}
	return h;
}

static void closing(pdf *p)
{
	const doc *d = p->d;
	if (!d->nrecipients && !d->authority && !d->position && !d->signer)
		return;
	p->want_landscape = false;
	pdf_begin_block(p);
	double L = PT(DOC_CLOSE_LEFT_MM), R = p->w - L;
	double hl = recipients_height(p, L, false, 0, 0), hr = signature(p, 0, R, 0, false);
	double h = 12 + (hl > hr ? hl : hr);
	if (p->y + h > p->bottom && p->y > p->top + 0.01)
		pdf_new_page(p); /* the block stays whole */
	double y = p->y + 12;
	recipients_height(p, L, true, p->x0, y);
	signature(p, p->x0 + L, R, y, true);
	p->y += h;
}

static void annex(pdf *p, const doc_annex *a)
{
	p->want_landscape = false;
	p->break_pending = true;
	pdf_begin_block(p);
	p->y += centred(p, a->label, DOC_PT_ANNEX, DOC_BOLD, false, p->x0, p->w, p->y, NULL) + 3;
	p->y += centred(p, a->title, DOC_PT_ANNEX, DOC_BOLD, false, p->x0, p->w, p->y, NULL) + 3;
	p->y += centred(p, a->note, DOC_PT_ANNEX, DOC_ITALIC, false, p->x0, p->w, p->y, NULL) + 12;
}

static void block(pdf *p, const doc_block *b)
{
	switch (b->kind) {
	case DOC_PARA:
	case DOC_HEADING:
		p->want_landscape = false;
		pdf_begin_block(p);
		para(p, b->para);
		break;
	case DOC_TABLE:
		pdf_table(p, b->table);
		break;
	case DOC_PAGE_BREAK:
		p->break_pending = true;
		break;
	case DOC_ANNEX:
		annex(p, &b->annex);
		break;
	}
}

/* --- the file --- */

static cairo_status_t sink(void *closure, const unsigned char *data, unsigned int len)
{
	buf_put(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

static void metadata(pdf *p)
{
	const doc *d = p->d;
	char when[32];
	time_t t = (time_t)(d->created ? d->created : time(NULL));
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	buf_reset(&p->text);
	doc_clean(&p->text, d->type_name);
	if (d->type_name && d->subtitle)
		buf_putc(&p->text, ' ');
	doc_clean(&p->text, d->subtitle ? d->subtitle : d->about);
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_TITLE, buf_cstr(&p->text));
	buf_reset(&p->text);
	doc_clean(&p->text, d->issuer);
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_AUTHOR, buf_cstr(&p->text));
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_CREATOR, "thidua");
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_CREATE_DATE, when);
}

static void setup_text(pdf *p)
{
	p->fm = pango_cairo_font_map_new();
	p->pc = pango_font_map_create_context(p->fm);
	/* points as units, and glyph positions neither hinted nor rounded: a
	 * PDF is scaled by whoever views it */
	pango_cairo_context_set_resolution(p->pc, 72);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(p->pc, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(p->pc, FALSE);
	pango_context_set_language(p->pc, pango_language_from_string("vi"));
	cairo_set_source_rgb(p->cr, 0, 0, 0);
}

int doc_write_pdf(const doc *d, buf *out, err *e)
{
	size_t start = out->len;
	pdf p = {.d = d};
	p.surf = cairo_pdf_surface_create_for_stream(sink, out, PT(DOC_PAGE_W_MM), PT(DOC_PAGE_H_MM));
	p.cr = cairo_create(p.surf);
	setup_text(&p);
	metadata(&p);
	pdf_new_page(&p);
	header(&p);
	if (!d->type_name)
		addressees(&p);
	title(&p);
	if (d->type_name)
		addressees(&p);
	size_t end = doc_body_end(d);
	for (size_t i = 0; i < end; i++)
		block(&p, &d->blocks[i]);
	closing(&p);
	for (size_t i = end; i < d->nblocks; i++)
		block(&p, &d->blocks[i]);
	cairo_status_t st = cairo_status(p.cr);
	cairo_destroy(p.cr);
	cairo_surface_finish(p.surf);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(p.surf);
	cairo_surface_destroy(p.surf);
	g_object_unref(p.pc);
	g_object_unref(p.fm);
	buf_free(&p.text);
	if (st != CAIRO_STATUS_SUCCESS) {
		out->len = start;
		return err_set(e, E_INTERNAL, "không tạo được tệp PDF: %s", cairo_status_to_string(st));
	}
	return 0;
}
