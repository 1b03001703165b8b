/*
 * doc_int.h — what the writers share: the Decree 30/2020 page geometry and
 * type sizes (in one place, so the DOCX and the PDF come out alike), table
 * geometry, and UTF-8 decoding and cleaning.
 */
#ifndef THIDUA_DOC_INT_H
#define THIDUA_DOC_INT_H

#include "doc.h"

/* --- page (Phụ lục I, mục I.1–3): A4 portrait; landscape for wide tables;
 * margins top/bottom 20–25, left 30–35, right 15–20 mm. --- */
#define DOC_PAGE_W_MM 210.0
#define DOC_PAGE_H_MM 297.0
#define DOC_MARGIN_TOP_MM 20.0
#define DOC_MARGIN_BOTTOM_MM 20.0
#define DOC_MARGIN_LEFT_MM 30.0
#define DOC_MARGIN_RIGHT_MM 15.0
/* page numbers sit in the top margin, this far from the edge */
#define DOC_HEADER_DIST_MM 10.0
/* the header's left column (bodies, number); the right one takes the rest
 * and must hold "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" at 12 pt bold on one
 * line (≈ 88 mm) */
#define DOC_HEAD_LEFT_MM 62.0
/* closing block: "Nơi nhận:" column, the signature takes the rest */
#define DOC_CLOSE_LEFT_MM 72.0
/* room for the hand signature and the seal between position and name */
#define DOC_SIGN_GAP_MM 28.0
/* rules under the issuing body and under the subtitle, as a share of the
 * text's widest line: the decree allows 1/3 to 1/2; a long subtitle fills
 * the line, so its rule takes the short end */
#define DOC_RULE_ISSUER 0.42
#define DOC_RULE_TITLE 0.34
#define DOC_INDENT_MM 10.0 /* first-line indent: 1 cm (mục I.6 d) */

/* --- type sizes in points (Phụ lục I, mục II) --- */
#define DOC_PT_BODY 14.0     /* 13–14 */
#define DOC_PT_PARENT 13.0   /* cơ quan chủ quản: 12–13 regular caps */
#define DOC_PT_ISSUER 13.0   /* cơ quan ban hành: 12–13 bold caps */
#define DOC_PT_MOTTO 12.0    /* quốc hiệu: 12–13 bold caps */
#define DOC_PT_MOTTO2 13.0   /* tiêu ngữ: 13–14 bold, underlined */
#define DOC_PT_NUMBER 13.0   /* "Số:": 13 */
#define DOC_PT_DATE 14.0     /* địa danh, ngày: 13–14 italic */
#define DOC_PT_ABOUT 12.0    /* "V/v": 12–13 */
#define DOC_PT_TITLE 14.0    /* tên loại, trích yếu: 13–14 bold */
#define DOC_PT_TO 14.0       /* "Kính gửi:": 13–14 */
#define DOC_PT_RECIP_HEAD 12.0 /* "Nơi nhận:": 12 bold italic */
#define DOC_PT_RECIP 11.0    /* its lines: 11 */
#define DOC_PT_SIGN 14.0     /* authority, position, name: 13–14 bold */
#define DOC_PT_PAGENO 13.0   /* 13–14 */
#define DOC_PT_ANNEX 14.0    /* "Phụ lục": 14 bold */
#define DOC_PT_TABLE 12.0    /* table text on a portrait page */

#define DOC_LINE_MULT 1.15   /* line spacing: between single and 1.5 */
#define DOC_PARA_AFTER_PT 6.0 /* ≥ 6 pt between paragraphs */
#define DOC_FONT_DOCX "Times New Roman"
#define DOC_FONT_PDF "Liberation Serif" /* Times New Roman's metrics */

/* --- tables --- */
/* Tables wider than this many columns get a landscape page of their own
 * (Phụ lục I, mục I.1 allows it) and a smaller type as they widen. */
#define DOC_TABLE_PORTRAIT_COLS 8

typedef struct doc_table_geom {
	bool landscape;
	double font_pt;
	double pad_x_mm, pad_y_mm; /* cell padding */
	double width_mm;           /* the text width of its page */
} doc_table_geom;

void doc_table_geometry(const doc_table *t, doc_table_geom *g);
/* Column widths summing to total (any unit). */
void doc_table_widths(const doc_table *t, double total, double *w);
static inline const doc_cell *doc_cell_at(const doc_table *t, size_t r, size_t c)
{
	return &t->cells[r * t->ncols + c];
}

/* Index of the first DOC_ANNEX block (nblocks when none): the closing block
 * is written there. */
size_t doc_body_end(const doc *d);

/* --- text --- */
/* Decodes one code point at s[*i] (n bytes in all) and advances *i;
 * returns -1 for a byte that does not start a well-formed sequence (one
 * byte consumed). Overlong forms and surrogates are ill-formed. */
int32_t doc_utf8_next(const char *s, size_t n, size_t *i);
void doc_utf8_put(buf *b, int32_t cp);
/* Whether cp may appear in a written document: XML 1.0 characters minus
 * the C1 controls; TAB and LF are kept (writers turn them into tabs and
 * line breaks). */
bool doc_char_ok(int32_t cp);
/* Appends s cleaned: ill-formed bytes → U+FFFD, CR dropped, disallowed
 * characters dropped. NULL appends nothing. */
void doc_clean(buf *out, const char *s);
/* doc_str in capitals (the decree writes bodies and titles in capitals). */
const char *doc_str_caps(doc *d, const char *s);
/* Appends s XML-escaped and cleaned; TAB and LF become spaces. */
void doc_xml_text(buf *o, const char *s);
/* word/document.xml of d (docx_body.c). */
void docx_document(const doc *d, buf *o);

/* A rough width of a line in mm, for the DOCX rules whose length the
 * decree ties to the text above (the PDF measures instead). */
double doc_estimate_mm(const char *s, double pt, bool caps);

#endif
