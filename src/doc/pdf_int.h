/*
 * pdf_int.h — the PDF writer's page state, shared by pdf.c (pages, text,
 * header, closing) and pdf_table.c (tables).
 */
#ifndef THIDUA_PDF_INT_H
#define THIDUA_PDF_INT_H

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "doc_int.h"

#define PT(mm) ((mm) * 72.0 / 25.4)
#define PU(pt) ((int)((pt) * PANGO_SCALE))
#define FROM_PU(u) ((double)(u) / PANGO_SCALE)

typedef struct pdf {
	const doc *d;
	cairo_surface_t *surf;
	cairo_t *cr;
	PangoFontMap *fm; /* one per call: no pango state shared between threads */
	PangoContext *pc;
	buf text; /* scratch: cleaned text for the layout being built */
	double x0, w;       /* text area: left edge and width */
	double y, top, bottom;
	int page;           /* pages started */
	bool landscape;     /* the current page's orientation */
	bool want_landscape;
	bool break_pending; /* a page break waits for the next block */
} pdf;

/* A layout of s (cleaned here) in one font, wrapped at width (pt). */
PangoLayout *pdf_layout(pdf *p, const char *s, double pt, unsigned style, double width, doc_align align);
double pdf_height(PangoLayout *l);
/* Starts the next page with the wanted orientation; the page number is
 * drawn from page 2 on. */
void pdf_new_page(pdf *p);
/* Before a block: the page break or orientation change it waits for. */
void pdf_begin_block(pdf *p);
/* Draws l's lines whose tops lie in [from, to) (layout pt) with layout y
 * `from` at page y `at`. */
void pdf_show_lines(pdf *p, PangoLayout *l, double x, double at, double from, double to);
void pdf_table(pdf *p, const doc_table *t);

#endif
