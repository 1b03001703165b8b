/*
 * doc.h — an official document (văn bản hành chính) as plain data, and the
 * three writers that lay it out per Decree 30/2020/NĐ-CP: DOCX, PDF, XLSX.
 *
 * A document lives in its own arena. Builders copy every string into it,
 * cleaned once: invalid UTF-8 bytes become U+FFFD, control characters other
 * than TAB and LF are dropped (CR LF → LF), U+FFFE/U+FFFF are dropped, and
 * the text is put in NFC. Names that the decree writes in capitals (bodies,
 * type name, signing authority and position) are upper-cased on the way in.
 * Writers walk the arrays below and never change them; they clean text again
 * on output, so a structure filled by hand cannot produce a broken file.
 *
 * Order on the page (Decree 30, Phụ lục I, Mẫu 1.4 / 1.5):
 *   header (two columns: bodies | motto; number | place and date; "V/v …")
 *   "Kính gửi:" (công văn: here)      type name + subtitle ("trích yếu")
 *   "Kính gửi:" (typed documents: here)
 *   body blocks up to the first DOC_ANNEX block
 *   "Nơi nhận:" list beside the signature block
 *   annexes (each DOC_ANNEX block starts one on a new page)
 *
 * Builders never fail (but doc_set_date, given an impossible date):
 * allocation failure aborts (util.h), and cells past a table's last column
 * are dropped.
 */
#ifndef THIDUA_DOC_H
#define THIDUA_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/util.h"

typedef enum doc_align {
	DOC_JUSTIFY = 0, /* body text default */
	DOC_LEFT,
	DOC_CENTER,
	DOC_RIGHT,
} doc_align;

/* Run styles, or-ed. */
enum { DOC_BOLD = 1, DOC_ITALIC = 2 };

typedef struct doc_run {
	const char *text;
	unsigned style;
} doc_run;

/* A paragraph or a heading: an optional numbering label ("I.", "1.", "a)",
 * "-") followed by runs. Headings: level 1 and 2 bold, 3 bold italic,
 * 4 italic. '\n' inside a run is a line break within the paragraph. */
typedef struct doc_para {
	int level; /* 0 body text, 1–4 heading */
	const char *label;
	doc_align align;
	doc_run *runs;
	size_t nruns, cap;
} doc_para;

/* One slot of a table grid. An origin cell has rowspan, colspan ≥ 1; a slot
 * covered by another cell's span has rowspan = colspan = 0 and names its
 * origin. An empty slot has text "". */
typedef struct doc_cell {
	const char *text;
	double num;  /* the value, when is_num */
	bool is_num; /* a figure: summed by doc_table_total, a number in XLSX */
	int rowspan, colspan;
	int orig_row, orig_col;
} doc_cell;

typedef struct doc_col {
	double weight;   /* relative width; 0 everywhere = from the content */
	doc_align align; /* DOC_JUSTIFY (the default) = text left, figures right */
} doc_col;

/* A figure table (biểu số liệu). The first nhead rows are header rows
 * (bold, centred, repeated on every page); with has_total the last row is
 * the total row (bold; formulas in XLSX). */
typedef struct doc_table {
	const char *title; /* caption above the table; the XLSX sheet name */
	const char *note;  /* "Đơn vị tính: …" above the table, right */
	size_t ncols, nrows, nhead;
	bool has_total;
	doc_col *cols;
	doc_cell *cells; /* nrows × ncols, row-major */
	size_t cap_rows;
	size_t cursor; /* builder: next free slot of the last row */
} doc_table;

typedef enum doc_kind {
	DOC_PARA,       /* para */
	DOC_HEADING,    /* para, level 1–4 */
	DOC_TABLE,      /* table */
	DOC_PAGE_BREAK,
	DOC_ANNEX,      /* annex: starts a Phụ lục on a new page */
} doc_kind;

typedef struct doc_annex {
	const char *label; /* "Phụ lục I" */
	const char *title; /* "DANH SÁCH …" */
	const char *note;  /* "(Kèm theo Báo cáo số …)" or NULL */
} doc_annex;

typedef struct doc_block {
	doc_kind kind;
	doc_para *para;
	doc_table *table;
	doc_annex annex;
} doc_block;

typedef struct doc {
	arena *ar;
	/* header; NULL fields are left out (the motto always appears) */
	const char *parent;     /* "UBND TỈNH QUẢNG NGÃI" */
	const char *issuer;     /* "SỞ NỘI VỤ" */
	const char *number;     /* "Số: 15/BC-SNV" */
	const char *place_date; /* "Quảng Ngãi, ngày 05 tháng 01 năm 2026" */
	const char *about;      /* công văn: "V/v …" */
	const char *type_name;  /* "BÁO CÁO"; NULL for a công văn */
	const char *subtitle;   /* trích yếu; '\n' splits lines */
	const char **to;        /* Kính gửi */
	size_t nto, cap_to;
	doc_block *blocks;
	size_t nblocks, cap_blocks;
	const char **recipients; /* Nơi nhận lines: "- Như trên;" */
	size_t nrecipients, cap_recipients;
	const char *authority; /* "KT. GIÁM ĐỐC"; '\n' for "TM. …\nKT. …" */
	const char *position;  /* "PHÓ GIÁM ĐỐC" */
	const char *signer;    /* "Nguyễn Văn A" */
	int64_t created;       /* Unix time for the file metadata; 0 = now */
} doc;

doc *doc_new(void);
void doc_free(doc *d);

/* A cleaned copy of s in the document's arena (see the top of this file). */
const char *doc_str(doc *d, const char *s);

/* --- header --- */
void doc_set_issuer(doc *d, const char *parent, const char *issuer);
/* "Số: 05/BC-SNV": numbers below 10 get a leading zero; number ≤ 0 leaves
 * the blank the clerk fills in when registering ("Số:      /BC-SNV"). */
void doc_set_number(doc *d, int number, const char *symbol);
/* "Quảng Ngãi, ngày 05 tháng 01 năm 2026": days below 10 and months 1–2
 * zero-padded (Decree 30). day or month 0 leaves blanks to fill in by hand.
 * malloc'd; NULL for an impossible date. */
char *doc_place_date(const char *place, int year, int month, int day);
int doc_set_date(doc *d, const char *place, int year, int month, int day, err *e);
/* Công văn subject line; "V/v " is prefixed when missing. */
void doc_set_about(doc *d, const char *about);
void doc_set_title(doc *d, const char *type_name, const char *subtitle);
/* One addressee of "Kính gửi:" per call. */
void doc_add_to(doc *d, const char *addressee);

/* --- body --- */
doc_para *doc_add_heading(doc *d, int level, const char *label, const char *text);
/* An empty paragraph to fill with doc_para_add; label may be NULL. */
doc_para *doc_add_para(doc *d, const char *label);
void doc_para_add(doc *d, doc_para *p, const char *text, unsigned style);
/* One paragraph of plain text, no markup. */
doc_para *doc_add_text(doc *d, const char *text);
/* Light markup from a plain-text field: every non-blank line is a
 * paragraph; a line starting "- " or "+ " is a list line with that label;
 * **bold**, *italic* and ***both*** inside a line. An opener without its
 * closer on the same line stays literal. No HTML. */
void doc_add_markup(doc *d, const char *text);
/* The Decree 30 label of the n-th (1-based) item at a level: level 1 "I.",
 * 2 "1.", 3 "a)" (Vietnamese letters a b c d đ e g h …), 4 "-". */
const char *doc_label(doc *d, int level, int n);
void doc_add_page_break(doc *d);
/* Starts an annex; every block after it belongs to it. */
void doc_add_annex(doc *d, const char *label, const char *title, const char *note);

/* --- tables --- */
doc_table *doc_add_table(doc *d, size_t ncols, const char *title);
void doc_table_note(doc *d, doc_table *t, const char *note);
void doc_table_col(doc_table *t, size_t col, double weight, doc_align align);
/* Starts a header row (only before any body row) or a body row. */
void doc_table_head_row(doc *d, doc_table *t);
void doc_table_row(doc *d, doc_table *t);
/* Fill the next free slot of the current row (slots covered by a span from
 * an earlier row are skipped). */
void doc_table_cell(doc *d, doc_table *t, const char *text);
void doc_table_cell_num(doc *d, doc_table *t, double value);
void doc_table_cell_span(doc *d, doc_table *t, const char *text, int rowspan, int colspan);
/* Appends the total row: each column holding figures gets their sum; the
 * label spans the leading columns without figures. */
void doc_table_total(doc *d, doc_table *t, const char *label);
/* Vietnamese number text: "1.234", "12,5" (at most 2 decimals). */
void doc_format_num(double v, char *out, size_t n);

/* --- closing --- */
void doc_add_recipient(doc *d, const char *line);
void doc_set_signature(doc *d, const char *authority, const char *position, const char *signer);

/* --- writers: the finished file appended to out --- */
int doc_write_docx(const doc *d, buf *out, err *e);
int doc_write_pdf(const doc *d, buf *out, err *e);
int doc_write_xlsx(const doc *d, buf *out, err *e);

/* Demonstration documents, for `thidua doc sample`, tests and the bench:
 * "report" (a Sở Nội vụ sơ kết report), "letter" (a công văn), "long"
 * (~150 pages), "edge"
 * (hostile characters, a 2,000-character word, a 100-column table), "big"
 * (a 5,000-row annex table), "empty" (no field set at all). NULL for an
 * unknown name. */
doc *doc_sample(const char *name);

#endif
