/*
 * outline.h — report outlines (đề cương báo cáo): the numbered section tree a
 * unit's report must follow, parsed from plain text / Markdown or DOCX.
 *
 * A document may hold several outlines (a letter with two attached
 * outlines); each is a flat pre-order array of items where every item knows
 * its depth and its parent. The parser learns the document's own marker
 * hierarchy instead of assuming one ("I." above "1." above "a)"), so any
 * nesting a drafting office invents is read the way it is printed.
 *
 * Everything here is reentrant: no global mutable state, safe to call from
 * server worker threads at once.
 */
#ifndef THIDUA_OUTLINE_H
#define THIDUA_OUTLINE_H

#include <stddef.h>

#include "util/util.h"

/* What an item asks the reporting unit to provide (bit set). */
enum {
	OUTLINE_ASK_TEXT = 1u << 0,    /* narrative */
	OUTLINE_ASK_FIGURES = 1u << 1, /* numbers, possibly in a built-in table */
	OUTLINE_ASK_MODELS = 1u << 2,  /* exemplary models (điển hình, mô hình) to list */
};

/* Inputs larger than this are refused with E_TOOBIG. */
#define OUTLINE_MAX_INPUT ((size_t)50 * 1024 * 1024)

typedef struct outline_item {
	int depth;        /* 1 = top level of the outline */
	int parent;       /* index in items, or -1 for a top-level item */
	char *label;      /* marker without trailing delimiter: "I", "1", "đ", "III.1",
			     "-", "Phần thứ nhất"; "" when the item has none */
	char *title;      /* first paragraph after the marker, trimmed, markup removed */
	char *guidance;   /* the item's other body paragraphs joined by "\n"; may be "" */
	unsigned asks;    /* OUTLINE_ASK_* */
	int repeat_of;    /* index of the item whose children this item repeats, or -1 */
	const char *table; /* NULL or a built-in figure table id ("commendation") */
} outline_item;

typedef struct outline {
	char *title; /* "" when the document gives none */
	outline_item *items;
	size_t n_items;
} outline;

typedef struct outline_doc {
	outline *outlines;
	size_t n;
} outline_doc;

/* Parses UTF-8 text or Markdown (a BOM and CRLF line ends are accepted).
 * On success *out holds at least one outline with at least one item; on
 * failure *out is left empty. Errors: E_TOOBIG (over OUTLINE_MAX_INPUT),
 * E_PARSE (not UTF-8), E_INVAL (no outline found). */
int outline_parse_text(const char *s, size_t n, outline_doc *out, err *e);

/* Parses a .docx (WordprocessingML) held in memory, rendering Word's
 * automatic numbering the way Word displays it, then reading the
 * paragraphs exactly as outline_parse_text reads lines. Zip bombs,
 * encrypted or malformed packages are refused with a message. */
int outline_parse_docx(const void *data, size_t n, outline_doc *out, err *e);

/* True when data looks like a zip package (a .docx). */
int outline_is_zip(const void *data, size_t n);

/* Frees everything the document owns and leaves it empty. */
void outline_doc_free(outline_doc *d);

/* Copies the subtree referenced by each childless item's repeat_of under
 * that item ("báo cáo tương tự mục III.1"), fixing depths, parents and
 * indices. Idempotent. Returns 0, or E_TOOBIG when the result would exceed
 * a sane size (the outline is then unchanged). */
int outline_expand_repeats(outline *o);

/* Writers. TSV is the `thidua outline parse` contract: for each outline a
 * line "# TITLE", then "DEPTH<TAB>LABEL<TAB>TITLE" per item. JSON:
 * {"outlines":[{"title","items":[{"depth","parent","label","title",
 * "guidance","asks":["text"|"figures"|"models"],"repeat_of","table"}]}]},
 * parent and repeat_of being item indices or null, table null or an id.
 * Both append to out and return 0. */
int outline_write_tsv(const outline_doc *d, buf *out);
int outline_write_json(const outline_doc *d, buf *out);

/* "text", "figures", "models" names of the ask bits, in that order. */
const char *outline_ask_name(unsigned bit);

#endif
