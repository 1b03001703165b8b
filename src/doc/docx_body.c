/*
 * docx_body.c — word/document.xml: the Decree 30 header as a borderless
 * two-column table, the title, the body blocks, the "Nơi nhận:" and
 * signature block, annexes; landscape sections for wide tables.
 *
 * Element order inside w:pPr, w:rPr, w:tblPr and w:tcPr follows the
 * WordprocessingML schema sequence: Word rejects a file whose properties
 * are out of order even where LibreOffice reads it.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc_int.h"

#define TWIPS(mm) ((int)lround((mm) * 1440.0 / 25.4))
#define HALF_PT(pt) ((int)lround((pt) * 2))
#define PT_TW(pt) ((int)lround((pt) * 20))

typedef struct dx {
	const doc *d;
	buf *o;
	int sections;        /* section breaks written so far */
	bool landscape_open; /* the current section is a landscape one */
	bool break_pending;  /* a page break waits for the next paragraph */
} dx;

static int text_width_tw(bool landscape)
{
	double page = landscape ? DOC_PAGE_H_MM : DOC_PAGE_W_MM;
	return TWIPS(page - DOC_MARGIN_LEFT_MM - DOC_MARGIN_RIGHT_MM);
}

/* --- text --- */

/* Appends s escaped for XML and cleaned of what XML or Word cannot hold.
 * Inside a run (in_run), LF and TAB close the w:t for a w:br / w:tab; in
 * attributes and metadata they become spaces. Runs of ordinary bytes are
 * copied in one go. */
static void escape(buf *o, const char *s, bool in_run)
{
	if (!s)
		return;
	size_t n = strlen(s), i = 0, span = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t start = i;
		const char *rep;
		if (c >= 0x20 && c < 0x7f && c != '&' && c != '<' && c != '>' && c != '"') {
			i++;
			continue;
		}
		if (c >= 0x80) {
			int32_t cp = doc_utf8_next(s, n, &i);
			if (cp >= 0 && doc_char_ok(cp))
				continue;
			rep = cp < 0 ? "\xef\xbf\xbd" : "";
		} else {
			i++;
			switch (c) {
			case '&': rep = "&amp;"; break;
			case '<': rep = "&lt;"; break;
			case '>': rep = "&gt;"; break;
			case '"': rep = "&quot;"; break;
			case '\n': rep = in_run ? "</w:t><w:br/><w:t xml:space=\"preserve\">" : " "; break;
			case '\t': rep = in_run ? "</w:t><w:tab/><w:t xml:space=\"preserve\">" : " "; break;
			default: rep = ""; /* C0 controls, DEL */
			}
		}
		buf_put(o, s + span, start - span);
		buf_puts(o, rep);
		span = i;
	}
	buf_put(o, s + span, n - span);
}

void doc_xml_text(buf *o, const char *s)
{
	escape(o, s, false);
}

/* A run; pt 0 keeps the paragraph style's size. */
static void run(buf *o, const char *text, unsigned style, double pt, bool underline)
{
	buf_puts(o, "<w:r>");
	if (style || pt > 0 || underline) {
		buf_puts(o, "<w:rPr>");
		if (style & DOC_BOLD)
			buf_puts(o, "<w:b/><w:bCs/>");
		if (style & DOC_ITALIC)
			buf_puts(o, "<w:i/><w:iCs/>");
		if (pt > 0)
			buf_printf(o, "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>", HALF_PT(pt), HALF_PT(pt));
		if (underline)
			buf_puts(o, "<w:u w:val=\"single\"/>");
		buf_puts(o, "</w:rPr>");
	}
	buf_puts(o, "<w:t xml:space=\"preserve\">");
	escape(o, text, true);
	buf_puts(o, "</w:t></w:r>");
}

/* Opens a paragraph: style, keep-with-next, a pending page break, then
 * `rest` (spacing, ind, jc — in schema order). */
static void p_begin(dx *x, const char *style, bool keep_next, const char *rest)
{
	buf_printf(x->o, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>", style);
	if (keep_next)
		buf_puts(x->o, "<w:keepNext/>");
	if (x->break_pending) {
		buf_puts(x->o, "<w:pageBreakBefore/>");
		x->break_pending = false;
	}
	buf_printf(x->o, "%s</w:pPr>", rest ? rest : "");
}

static void p_end(dx *x)
{
	buf_puts(x->o, "</w:p>");
}

/* A whole centred one-run paragraph in the Plain style. */
static void line(dx *x, const char *text, unsigned style, double pt, bool underline, int before, int after)
{
	char rest[128];
	snprintf(rest, sizeof rest, "<w:spacing w:before=\"%d\" w:after=\"%d\"/><w:jc w:val=\"center\"/>",
		 before, after);
	p_begin(x, "Plain", false, rest);
	if (text && *text)
		run(x->o, text, style, pt, underline);
	p_end(x);
}

/* A short centred rule of len_mm inside a column of col_tw: an empty
 * paragraph whose top border is narrowed by equal indents. Decree 30 asks
 * for 1/3–1/2 of the line above. */
static void rule(dx *x, int col_tw, double len_mm, int before)
{
	int len = TWIPS(len_mm);
	if (len > col_tw)
		len = col_tw;
	int side = (col_tw - len) / 2;
	buf_printf(x->o,
		   "<w:p><w:pPr><w:pStyle w:val=\"Plain\"/><w:pBdr><w:top w:val=\"single\" w:sz=\"6\" "
		   "w:space=\"1\" w:color=\"000000\"/></w:pBdr><w:spacing w:before=\"%d\" w:after=\"0\" "
		   "w:line=\"60\" w:lineRule=\"exact\"/><w:ind w:left=\"%d\" w:right=\"%d\"/><w:rPr>"
		   "<w:sz w:val=\"4\"/><w:szCs w:val=\"4\"/></w:rPr></w:pPr></w:p>",
		   before, side, side);
}

/* A rule `ratio` of the text's widest line (the decree: 1/3 to 1/2). */
static double rule_mm(const char *text, double pt, bool caps, double max_mm, double ratio)
{
	double w = doc_estimate_mm(text, pt, caps);
	if (w > max_mm)
		w = max_mm;
	w *= ratio;
	return w < 12 ? 12 : w;
}

/* --- sections --- */

static void sect_pr(dx *x, bool landscape)
{
	buf *o = x->o;
	buf_puts(o, "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHdrPage\"/>");
	if (x->sections == 0) /* the first page shows no number (ô 12 of Mẫu 1.4) */
		buf_puts(o, "<w:headerReference w:type=\"first\" r:id=\"rIdHdrFirst\"/>");
	if (landscape)
		buf_printf(o, "<w:pgSz w:w=\"%d\" w:h=\"%d\" w:orient=\"landscape\"/>", TWIPS(DOC_PAGE_H_MM),
			   TWIPS(DOC_PAGE_W_MM));
	else
		buf_printf(o, "<w:pgSz w:w=\"%d\" w:h=\"%d\"/>", TWIPS(DOC_PAGE_W_MM), TWIPS(DOC_PAGE_H_MM));
	buf_printf(o,
		   "<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\" w:header=\"%d\" "
		   "w:footer=\"%d\" w:gutter=\"0\"/><w:cols w:space=\"720\"/>",
		   TWIPS(DOC_MARGIN_TOP_MM), TWIPS(DOC_MARGIN_RIGHT_MM), TWIPS(DOC_MARGIN_BOTTOM_MM),
		   TWIPS(DOC_MARGIN_LEFT_MM), TWIPS(DOC_HEADER_DIST_MM), TWIPS(DOC_HEADER_DIST_MM));
	if (x->sections == 0)
		buf_puts(o, "<w:titlePg/>");
	buf_puts(o, "</w:sectPr>");
	x->sections++;
}

/* Ends the current section with a tiny paragraph carrying its sectPr. */
static void section_break(dx *x, bool landscape)
{
	buf_puts(x->o, "<w:p><w:pPr><w:pStyle w:val=\"Plain\"/><w:spacing w:before=\"0\" w:after=\"0\" "
		       "w:line=\"20\" w:lineRule=\"exact\"/><w:rPr><w:sz w:val=\"2\"/></w:rPr>");
	sect_pr(x, landscape); /* after rPr: the schema's order */
	buf_puts(x->o, "</w:pPr></w:p>");
}

/* Back to portrait after wide tables; a section break starts a new page,
 * so a page break waiting for it is spent. */
static void ensure_portrait(dx *x)
{
	if (!x->landscape_open)
		return;
	section_break(x, true);
	x->landscape_open = false;
	x->break_pending = false;
}

static void ensure_landscape(dx *x)
{
	if (x->landscape_open)
		return;
	section_break(x, false);
	x->landscape_open = true;
	x->break_pending = false;
}

/* --- header (Mẫu 1.4: ô 1–5) --- */

static void cell_begin(dx *x, int w)
{
	buf_printf(x->o, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/></w:tcPr>", w);
}

static void borderless_table(dx *x, int left, int right)
{
	buf_printf(x->o,
		   "<w:tbl><w:tblPr><w:tblW w:w=\"%d\" w:type=\"dxa\"/><w:tblBorders><w:top w:val=\"nil\"/>"
		   "<w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/>"
		   "<w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders>"
		   "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/>"
		   "<w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
		   "<w:tblGrid><w:gridCol w:w=\"%d\"/><w:gridCol w:w=\"%d\"/></w:tblGrid>",
		   left + right, left, right);
}

static void header(dx *x)
{
	const doc *d = x->d;
	int L = TWIPS(DOC_HEAD_LEFT_MM), R = text_width_tw(false) - L;
	borderless_table(x, L, R);
	/* row 1: bodies | national motto */
	buf_puts(x->o, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
	cell_begin(x, L);
	if (d->parent)
		line(x, d->parent, 0, DOC_PT_PARENT, false, 0, 0);
	line(x, d->issuer, DOC_BOLD, DOC_PT_ISSUER, false, 0, 0);
	if (d->issuer)
		rule(x, L, rule_mm(d->issuer, DOC_PT_ISSUER, true, DOC_HEAD_LEFT_MM, DOC_RULE_ISSUER), 40);
	buf_puts(x->o, "</w:tc>");
	cell_begin(x, R);
	line(x, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", DOC_BOLD, DOC_PT_MOTTO, false, 0, 0);
	/* the underline is exactly as wide as the text, as the decree asks */
	line(x, "Độc lập - Tự do - Hạnh phúc", DOC_BOLD, DOC_PT_MOTTO2, true, 0, 0);
	buf_puts(x->o, "</w:tc></w:tr>");
	/* row 2: number (and V/v) | place and date, on one line */
	buf_puts(x->o, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
	cell_begin(x, L);
	line(x, d->number, 0, DOC_PT_NUMBER, false, 200, 0);
	if (d->about)
		line(x, d->about, 0, DOC_PT_ABOUT, false, 60, 120);
	buf_puts(x->o, "</w:tc>");
	cell_begin(x, R);
	line(x, d->place_date, DOC_ITALIC, DOC_PT_DATE, false, 200, 0);
	buf_puts(x->o, "</w:tc></w:tr></w:tbl>");
	/* a hairline paragraph: a table that followed at once (công văn
	 * without addressee) would merge into this one in Word */
	buf_puts(x->o, "<w:p><w:pPr><w:pStyle w:val=\"Plain\"/><w:spacing w:before=\"0\" w:after=\"0\" "
		       "w:line=\"20\" w:lineRule=\"exact\"/><w:rPr><w:sz w:val=\"2\"/></w:rPr></w:pPr></w:p>");
}

/* "Kính gửi:" — one addressee on a centred line, several as a list
 * aligned after the words. */
static void addressees(dx *x)
{
	const doc *d = x->d;
	if (d->nto == 0)
		return;
	if (d->nto == 1) {
		p_begin(x, "Plain", false,
			"<w:spacing w:before=\"240\" w:after=\"240\"/><w:jc w:val=\"center\"/>");
		run(x->o, "Kính gửi: ", 0, DOC_PT_TO, false);
		run(x->o, d->to[0], 0, DOC_PT_TO, false);
		p_end(x);
		return;
	}
	int left = TWIPS(55), hang = TWIPS(25);
	for (size_t i = 0; i < d->nto; i++) {
		char rest[192];
		snprintf(rest, sizeof rest,
			 "<w:tabs><w:tab w:val=\"left\" w:pos=\"%d\"/></w:tabs><w:spacing w:before=\"%d\" "
			 "w:after=\"%d\"/><w:ind w:left=\"%d\" w:hanging=\"%d\"/>",
			 left, i == 0 ? 240 : 0, i + 1 == d->nto ? 240 : 0, left, i == 0 ? hang : 0);
		p_begin(x, "Plain", false, rest);
		run(x->o, i == 0 ? "Kính gửi:\t" : "", 0, DOC_PT_TO, false);
		run(x->o, d->to[i], 0, DOC_PT_TO, false);
		p_end(x);
	}
}

static void title(dx *x)
{
	const doc *d = x->d;
	if (!d->type_name)
		return; /* công văn: the subject is the "V/v" line */
	line(x, d->type_name, DOC_BOLD, DOC_PT_TITLE, false, 360, 0);
	if (d->subtitle && *d->subtitle) {
		line(x, d->subtitle, DOC_BOLD, DOC_PT_TITLE, false, 0, 0);
		int w = text_width_tw(false);
		rule(x, w, rule_mm(d->subtitle, DOC_PT_TITLE, false, 165, DOC_RULE_TITLE), 40);
	}
}

/* --- body --- */

static void para(dx *x, const doc_para *p)
{
	char style[24];
	if (p->level > 0)
		snprintf(style, sizeof style, "Heading%d", p->level);
	else
		snprintf(style, sizeof style, "BodyText");
	static const char *const jc[] = {"", "<w:jc w:val=\"left\"/>", "<w:jc w:val=\"center\"/>",
					 "<w:jc w:val=\"right\"/>"};
	p_begin(x, style, p->level > 0, jc[p->align <= DOC_RIGHT ? p->align : 0]);
	if (p->label) {
		buf_puts(x->o, "<w:r><w:t xml:space=\"preserve\">");
		escape(x->o, p->label, true);
		buf_puts(x->o, " </w:t></w:r>");
	}
	for (size_t i = 0; i < p->nruns; i++)
		run(x->o, p->runs[i].text, p->runs[i].style, 0, false);
	p_end(x);
}

static void cell(dx *x, const doc_table *t, size_t r, size_t c, const double *w, const doc_table_geom *g)
{
	const doc_cell *s = doc_cell_at(t, r, c);
	bool head = r < t->nhead, total = t->has_total && r + 1 == t->nrows;
	bool origin = s->rowspan != 0;
	const doc_cell *o = origin ? s : doc_cell_at(t, (size_t)s->orig_row, (size_t)s->orig_col);
	int span = o->colspan, width = 0;
	for (int k = 0; k < span; k++)
		width += (int)w[c + (size_t)k];
	buf_printf(x->o, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", width);
	if (span > 1)
		buf_printf(x->o, "<w:gridSpan w:val=\"%d\"/>", span);
	if (!origin)
		buf_puts(x->o, "<w:vMerge/>");
	else if (s->rowspan > 1 && r + 1 < t->nrows)
		buf_puts(x->o, "<w:vMerge w:val=\"restart\"/>");
	buf_puts(x->o, "<w:vAlign w:val=\"center\"/></w:tcPr>");
	doc_align a = t->cols[c].align;
	if (head)
		a = DOC_CENTER;
	else if (a == DOC_JUSTIFY)
		a = s->is_num ? DOC_RIGHT : DOC_LEFT;
	static const char *const jc[] = {"both", "left", "center", "right"};
	buf_printf(x->o, "<w:p><w:pPr><w:pStyle w:val=\"Cell\"/><w:jc w:val=\"%s\"/></w:pPr>", jc[a]);
	if (origin && s->text && *s->text)
		run(x->o, s->text, head || total ? DOC_BOLD : 0, g->font_pt, false);
	buf_puts(x->o, "</w:p></w:tc>");
}

static void table(dx *x, const doc_table *t)
{
	doc_table_geom g;
	doc_table_geometry(t, &g);
	if (g.landscape)
		ensure_landscape(x);
	else
		ensure_portrait(x);
	if (t->title) {
		p_begin(x, "Plain", true, "<w:spacing w:before=\"120\" w:after=\"60\"/><w:jc w:val=\"center\"/>");
		run(x->o, t->title, DOC_BOLD, DOC_PT_TABLE + 1, false);
		p_end(x);
	}
	if (t->note) {
		p_begin(x, "Plain", true, "<w:spacing w:before=\"0\" w:after=\"60\"/><w:jc w:val=\"right\"/>");
		run(x->o, t->note, DOC_ITALIC, DOC_PT_TABLE, false);
		p_end(x);
	}
	if (x->break_pending) { /* a break before a table without a caption */
		p_begin(x, "Plain", true, NULL);
		p_end(x);
	}
	/* whole twips per column, the rounding carried so they sum exactly */
	int total = TWIPS(g.width_mm);
	double *w = xcalloc(t->ncols, sizeof *w);
	doc_table_widths(t, total, w);
	double acc = 0;
	int used = 0;
	for (size_t c = 0; c < t->ncols; c++) {
		acc += w[c];
		int edge = (int)lround(acc);
		w[c] = edge - used;
		used = edge;
	}
	int px = TWIPS(g.pad_x_mm), py = TWIPS(g.pad_y_mm);
	buf_printf(x->o,
		   "<w:tbl><w:tblPr><w:tblW w:w=\"%d\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>"
		   "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
		   "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
		   "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
		   "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
		   "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
		   "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
		   "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"%d\" "
		   "w:type=\"dxa\"/><w:left w:w=\"%d\" w:type=\"dxa\"/><w:bottom w:w=\"%d\" w:type=\"dxa\"/>"
		   "<w:right w:w=\"%d\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>",
		   used, py, px, py, px);
	for (size_t c = 0; c < t->ncols; c++)
		buf_printf(x->o, "<w:gridCol w:w=\"%d\"/>", (int)w[c]);
	buf_puts(x->o, "</w:tblGrid>");
	for (size_t r = 0; r < t->nrows; r++) {
		bool head = r < t->nhead, total_row = t->has_total && r + 1 == t->nrows;
		buf_puts(x->o, "<w:tr>");
		if (head || total_row) /* repeated on each page; never split */
			buf_printf(x->o, "<w:trPr><w:cantSplit/>%s</w:trPr>", head ? "<w:tblHeader/>" : "");
		for (size_t c = 0; c < t->ncols;) {
			const doc_cell *s = doc_cell_at(t, r, c);
			if (s->rowspan == 0 && (size_t)s->orig_row == r) {
				c++; /* inside a horizontal span: written by its origin */
				continue;
			}
			if (s->rowspan == 0 && (size_t)s->orig_col != c) {
				c++; /* right part of a vertical span: one w:tc covers it */
				continue;
			}
			cell(x, t, r, c, w, &g);
			const doc_cell *o = s->rowspan ? s : doc_cell_at(t, (size_t)s->orig_row, c);
			c += (size_t)(o->colspan > 0 ? o->colspan : 1);
		}
		buf_puts(x->o, "</w:tr>");
	}
	buf_puts(x->o, "</w:tbl>");
	free(w);
	/* keeps two tables from merging and spaces the text that follows */
	buf_puts(x->o, "<w:p><w:pPr><w:pStyle w:val=\"Plain\"/><w:spacing w:before=\"0\" w:after=\"120\"/>"
		       "</w:pPr></w:p>");
}

/* --- closing (ô 7, 9) --- */

static void closing(dx *x)
{
	const doc *d = x->d;
	if (!d->nrecipients && !d->authority && !d->position && !d->signer)
		return;
	ensure_portrait(x);
	if (x->break_pending) {
		p_begin(x, "Plain", true, NULL);
		p_end(x);
	}
	int L = TWIPS(DOC_CLOSE_LEFT_MM), R = text_width_tw(false) - L;
	borderless_table(x, L, R);
	buf_puts(x->o, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
	cell_begin(x, L);
	if (d->nrecipients) {
		p_begin(x, "Plain", false, "<w:spacing w:before=\"240\" w:after=\"0\"/>");
		run(x->o, "Nơi nhận:", DOC_BOLD | DOC_ITALIC, DOC_PT_RECIP_HEAD, false);
		p_end(x);
		for (size_t i = 0; i < d->nrecipients; i++) {
			p_begin(x, "Plain", false, NULL);
			run(x->o, d->recipients[i], 0, DOC_PT_RECIP, false);
			p_end(x);
		}
	} else {
		p_begin(x, "Plain", false, NULL);
		p_end(x);
	}
	buf_puts(x->o, "</w:tc>");
	cell_begin(x, R);
	line(x, d->authority, DOC_BOLD, DOC_PT_SIGN, false, 240, 0);
	line(x, d->position, DOC_BOLD, DOC_PT_SIGN, false, 0, 0);
	line(x, d->signer, DOC_BOLD, DOC_PT_SIGN, false, TWIPS(DOC_SIGN_GAP_MM), 0);
	buf_puts(x->o, "</w:tc></w:tr></w:tbl>");
	/* Word wants a paragraph between a table and what follows, even the
	 * end of the document */
	buf_puts(x->o, "<w:p><w:pPr><w:pStyle w:val=\"Plain\"/></w:pPr></w:p>");
}

static void annex(dx *x, const doc_annex *a)
{
	ensure_portrait(x);
	x->break_pending = true;
	p_begin(x, "Plain", true, "<w:spacing w:before=\"0\" w:after=\"60\"/><w:jc w:val=\"center\"/>");
	run(x->o, a->label, DOC_BOLD, DOC_PT_ANNEX, false);
	p_end(x);
	if (a->title && *a->title)
		line(x, a->title, DOC_BOLD, DOC_PT_ANNEX, false, 0, 60);
	if (a->note && *a->note)
		line(x, a->note, DOC_ITALIC, DOC_PT_ANNEX, false, 0, 240);
}

static void block(dx *x, const doc_block *b)
{
	switch (b->kind) {
	case DOC_PARA:
	case DOC_HEADING:
		ensure_portrait(x);
		para(x, b->para);
		break;
	case DOC_TABLE:
		table(x, b->table);
		break;
	case DOC_PAGE_BREAK:
		if (x->landscape_open)
			ensure_portrait(x); /* the section break is the page break */
		else
			x->break_pending = true;
		break;
	case DOC_ANNEX:
		annex(x, &b->annex);
		break;
	}
}

void docx_document(const doc *d, buf *o)
{
	dx x = {.d = d, .o = o};
	buf_puts(o, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
		    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
		    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>");
	header(&x);
	if (!d->type_name)
		addressees(&x);
	title(&x);
	if (d->type_name)
		addressees(&x);
	size_t end = doc_body_end(d);
	for (size_t i = 0; i < end; i++)
		block(&x, &d->blocks[i]);
	closing(&x);
	for (size_t i = end; i < d->nblocks; i++)
		block(&x, &d->blocks[i]);
	/* the last section's properties close the body */
	sect_pr(&x, x.landscape_open);
	buf_puts(o, "</w:body></w:document>");
}
