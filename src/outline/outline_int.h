/*
 * outline_int.h — shared by the files of the outline module only.
 *
 * Both front ends (plain text / Markdown, DOCX) reduce their input to the
 * same list of paragraphs; one builder then finds the outlines in it. That
 * is what makes a .docx and its text export parse alike.
 */
#ifndef THIDUA_OUTLINE_INT_H
#define THIDUA_OUTLINE_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "outline.h"

/* ---- paragraphs ---- */

enum {
	PARA_BODY_ONLY = 1u << 0,   /* table cell: never an item or a title */
	PARA_TITLE_STYLE = 1u << 1, /* DOCX "Title"/"Subtitle" style */
};

typedef struct outline_para {
	char *text;    /* NFC UTF-8, one line, markup removed, single spaces, trimmed */
	char *numtext; /* DOCX automatic numbering as Word renders it ("1.", "a)", "•"), or NULL */
	int num_key;   /* DOCX: identity of the numbering level (abstractNum, ilvl), or -1 */
	int heading;   /* 0, or heading level 1..9 (Markdown '#', DOCX heading style) */
	unsigned flags;
} outline_para;

/* A 200-page outline has about 10,000 paragraphs of at most a few KB; far
 * more is not an outline and would only cost memory and time. */
#define OUTLINE_MAX_PARAS 50000
#define OUTLINE_MAX_PARA_BYTES (1 << 20)

typedef struct para_list {
	outline_para *v;
	size_t n, cap;
} para_list;

/* Appends a paragraph taking ownership of text (and numtext, may be NULL). */
outline_para *para_push(para_list *l, char *text, char *numtext);
void para_list_free(para_list *l);

/* Normalises one paragraph's text in place semantics: control characters and
 * no-break/zero-width spaces become spaces (or vanish), runs of spaces
 * collapse, ends are trimmed. Returns a new malloc'd string. */
char *para_clean(const char *s, size_t n);

/* ---- markers ---- */

enum mkind {
	MK_NONE = 0,
	MK_PART,      /* "Phần thứ nhất", "PHẦN I" */
	MK_ROMAN_UP,  /* "IV." */
	MK_ROMAN_LO,  /* "iv)" */
	MK_DECIMAL,   /* "3." "3)" "3/" "3-" */
	MK_LETTER_UP, /* "B." */
	MK_LETTER_LO, /* "đ)" */
	MK_COMPOUND,  /* "III.1", "1.2", "1.2.3" */
	MK_BULLET,    /* "-", "+", "*", "•" … */
	MK_HEADING,   /* a heading without a marker (label "") */
	MK_DOCXNUM,   /* DOCX numbering the tokenizer cannot read ("Điều %1") */
};

typedef struct marker {
	int kind, alt_kind;   /* alt: second reading of "I." (roman or letter) */
	int value, alt_value; /* ordinal value: 4 for "IV", 5 for "đ" */
	char delim;           /* '.', ')', '/', '-', ':' or 0 */
	int ncomp;            /* compound: number of components (≥ 2) */
	int head;             /* compound: MK_ROMAN_UP or MK_DECIMAL of the first component */
	unsigned bullet;      /* MK_BULLET: the code point */
	size_t label_len;     /* the label is s[0 .. label_len) */
	size_t prefix_len;    /* compound: length of "III" in "III.1" */
	size_t rest;          /* offset of the text after the marker */
} marker;

/* Reads the marker at the start of s (already free of markup). When
 * standalone, s is a whole rendered label (DOCX numbering): the delimiter
 * is optional and nothing may follow. Returns true when s starts with a
 * marker. */
bool outline_marker(const char *s, size_t n, bool standalone, marker *m);

/* Value of a Roman numeral written in one case, 0 if not canonical. */
int outline_roman_value(const char *s, size_t n);

/* ---- building ---- */

/* Finds the outlines in the paragraphs. E_INVAL when there is none. */
int outline_build(const para_list *paras, outline_doc *out, err *e);

/* Which item each item repeats, then what it asks for (after building). */
void outline_annotate(outline *o);

/* NFC of valid UTF-8 s (malloc'd); skips the normaliser for text that
 * cannot change under NFC, the common case. */
char *para_nfc(const char *s, size_t n);

#endif
