/*
 * markup.c — the light markup of report narratives as HTML. The output uses
 * only <p>, <br>, <ul>, <li>, <strong>, <em>, always balanced; everything
 * the user typed is escaped text.
 */
#include "html.h"

#include <stdbool.h>
#include <string.h>

/* Escapes s[0..n). */
static void txt_n(buf *b, const char *s, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		const char *rep = NULL;
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		}
		if (rep) {
			buf_put(b, s + run, i - run);
			buf_puts(b, rep);
			run = i + 1;
		}
	}
	buf_put(b, s + run, n - run);
}

/* Position of the closing "**" for an opening at `from`, or n. */
static size_t close_bold(const char *s, size_t from, size_t n)
{
	for (size_t i = from; i + 1 < n; i++)
		if (s[i] == '*' && s[i + 1] == '*')
			return i > from ? i : n; /* "****" is not bold of nothing */
	return n;
}

/* Position of a closing single "*" (not part of "**"), or n. */
static size_t close_italic(const char *s, size_t from, size_t n)
{
	for (size_t i = from; i < n; i++) {
		if (s[i] != '*')
			continue;
		if (i + 1 < n && s[i + 1] == '*') {
			i++;
			continue;
		}
		return i > from ? i : n;
	}
	return n;
}

/* One line of inline text; `bold` allows **…** (not inside italics). */
static void inline_text(buf *b, const char *s, size_t n, bool bold)
{
	size_t i = 0, run = 0;
	while (i < n) {
		if (s[i] != '*') {
			i++;
			continue;
		}
		bool dbl = i + 1 < n && s[i + 1] == '*';
		size_t end = dbl ? (bold ? close_bold(s, i + 2, n) : n) : close_italic(s, i + 1, n);
		if (end >= n) {
			i += dbl ? 2 : 1; /* unpaired: stays as typed */
			continue;
		}
		txt_n(b, s + run, i - run);
		if (dbl) {
			buf_puts(b, "<strong>");
			inline_text(b, s + i + 2, end - i - 2, false);
			buf_puts(b, "</strong>");
			i = end + 2;
		} else {
			buf_puts(b, "<em>");
			txt_n(b, s + i + 1, end - i - 1);
			buf_puts(b, "</em>");
			i = end + 1;
		}
		run = i;
	}
	txt_n(b, s + run, n - run);
}

static bool blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

/* Length of the "- " list marker (after leading spaces) or 0. */
static size_t list_marker(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i + 1 < n && s[i] == '-' && s[i + 1] == ' ' ? i + 2 : 0;
}

/* Trims a trailing CR and spaces. */
static size_t trim_end(const char *s, size_t n)
{
	while (n && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n;
}

enum block { NONE, PARA, LIST };

static void close_block(buf *b, enum block *cur)
{
	if (*cur == PARA)
		buf_puts(b, "</p>");
	else if (*cur == LIST)
		buf_puts(b, "</ul>");
	*cur = NONE;
}

void h_markup(buf *b, const char *text)
{
	enum block cur = NONE;
	const char *p = text ? text : "";
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		size_t len = trim_end(p, n);
		size_t mark = list_marker(p, len);
		if (blank(p, len)) {
			close_block(b, &cur);
		} else if (mark) {
			if (cur != LIST) {
				close_block(b, &cur);
				buf_puts(b, "<ul>");
				cur = LIST;
			}
			buf_puts(b, "<li>");
			inline_text(b, p + mark, len - mark, true);
			buf_puts(b, "</li>");
		} else {
			if (cur == PARA) {
				buf_puts(b, "<br>");
			} else {
				close_block(b, &cur);
				buf_puts(b, "<p>");
				cur = PARA;
			}
			size_t lead = 0;
			while (lead < len && (p[lead] == ' ' || p[lead] == '\t'))
				lead++;
			inline_text(b, p + lead, len - lead, true);
		}
		p += n + (nl ? 1 : 0);
	}
	close_block(b, &cur);
}
