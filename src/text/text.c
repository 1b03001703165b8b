/*
 * text.c — UTF-8 validation, NFC and the Vietnamese search key (utf8proc).
 */
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/util.h"

bool text_valid_utf8(const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t i = 0;
	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0 || cp == 0)
			return false;
		i += (size_t)k;
	}
	return true;
}

static char *map(const char *s, size_t n, utf8proc_option_t opts)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &out,
					  opts);
	if (r < 0)
		return NULL;
	return (char *)out; /* malloc'd by utf8proc; free() releases it */
}

char *text_nfc(const char *s, size_t n)
{
	if (!text_valid_utf8(s, n))
		return NULL;
	return map(s, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

/* đ (U+0111) and Đ (U+0110) are letters of their own, not d plus a mark,
 * so stripping marks leaves them; Vietnamese readers type them as d. */
static void fold_d_stroke(buf *b, const char *s)
{
	for (const char *p = s; *p;) {
		if ((unsigned char)p[0] == 0xC4 &&
		    ((unsigned char)p[1] == 0x91 || (unsigned char)p[1] == 0x90)) {
			buf_putc(b, 'd');
			p += 2;
		} else {
			buf_putc(b, *p++);
		}
	}
}

char *text_search_key(const char *s)
{
	size_t n = strlen(s);
	if (!text_valid_utf8(s, n))
		return xstrdup("");
	char *folded = map(s, n,
			   UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK |
				   UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
	if (!folded)
		return xstrdup("");
	buf d = BUF_INIT;
	fold_d_stroke(&d, folded);
	free(folded);
	/* collapse white space */
	buf out = BUF_INIT;
	bool space = false;
	for (const char *p = buf_cstr(&d); *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
			space = out.len > 0;
			continue;
		}
		if (space)
			buf_putc(&out, ' ');
		space = false;
		buf_putc(&out, (char)c);
	}
	buf_free(&d);
	return buf_detach(&out);
}

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Width of the white space (ASCII, or U+00A0 no-break space, common in
 * text pasted from Word) at s[0..n) or ending at s[n), else 0. */
static size_t space_at(const unsigned char *s, size_t n)
{
	if (n >= 1 && is_space(s[0]))
		return 1;
	if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	return 0;
}

static size_t space_before(const unsigned char *s, size_t n)
{
	if (n >= 1 && is_space(s[n - 1]))
		return 1;
	if (n >= 2 && s[n - 2] == 0xC2 && s[n - 1] == 0xA0)
		return 2;
	return 0;
}

char *text_trim(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t a = 0, b = n, k;
	/* both kinds may alternate ("\u00A0 \u00A0x"), so strip them together */
	while ((k = space_at(u + a, b - a)) > 0)
		a += k;
	while ((k = space_before(u + a, b - a)) > 0)
		b -= k;
	return xstrndup(s + a, b - a);
}

size_t text_length(const char *s)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p & 0xC0) != 0x80)
			n++;
	return n;
}

char *text_clean_line(const char *s, size_t n)
{
	char *nfc = text_nfc(s, n);
	if (!nfc)
		return NULL;
	buf b = BUF_INIT;
	for (const char *p = nfc; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c < 0x20 || c == 0x7F)
			c = ' ';
		buf_putc(&b, (char)c);
	}
	free(nfc);
	char *t = text_trim(buf_cstr(&b), b.len);
	buf_free(&b);
	return t;
}

char *text_like_escape(const char *s)
{
	buf b = BUF_INIT;
	for (const char *p = s; *p; p++) {
		if (*p == '\\' || *p == '%' || *p == '_')
			buf_putc(&b, '\\');
		buf_putc(&b, *p);
	}
	return buf_detach(&b);
}

char *text_search_pattern(const char *q)
{
	char *key = text_search_key(q ? q : "");
	char *pat = text_like_escape(key);
	free(key);
	return pat;
}

char *text_ascii(const char *s)
{
	size_t n = strlen(s);
	char *plain = text_valid_utf8(s, n)
			      ? map(s, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK)
			      : NULL;
	buf out = BUF_INIT;
	for (const char *p = plain ? plain : s; *p;) {
		unsigned char c = (unsigned char)*p;
		if (c == 0xC4 && ((unsigned char)p[1] == 0x91 || (unsigned char)p[1] == 0x90)) {
			buf_putc(&out, (unsigned char)p[1] == 0x91 ? 'd' : 'D');
			p += 2;
		} else if (c < 0x80) {
			buf_putc(&out, c >= 0x20 && c != 0x7F ? (char)c : '_');
			p++;
		} else {
			buf_putc(&out, '_'); /* one per code point: skip its continuation bytes */
			for (p++; ((unsigned char)*p & 0xC0) == 0x80; p++)
				;
		}
	}
	free(plain);
	return buf_detach(&out);
}
