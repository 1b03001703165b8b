/*
 * html.h — every byte of HTML goes through here (cgit's rule): text is
 * escaped unless the caller says it is a trusted literal.
 */
#ifndef THIDUA_HTML_H
#define THIDUA_HTML_H

#include "util/util.h"

/* A trusted literal (markup written in our source code). */
void h_raw(buf *b, const char *s);
/* Text or attribute value, escaped: & < > " ' */
void h_txt(buf *b, const char *s);
/* printf-like: %s escaped text, %S trusted literal, %d int, %lld long long,
 * %zu size_t, %% a percent sign. Nothing else. */
void h_fmt(buf *b, const char *fmt, ...);
/* URL query component, percent-encoded. */
void h_url(buf *b, const char *s);

/*
 * The light markup of report narratives (markup.c), rendered safely:
 * blank lines separate paragraphs (<p>, single line breaks kept as <br>),
 * lines starting with "- " form a list (<ul><li>), **bold** and *italic*
 * inside a line. Every other character is escaped text: no HTML written
 * by a user is ever interpreted. Unpaired markers stay as typed.
 */
void h_markup(buf *b, const char *text);

#endif
