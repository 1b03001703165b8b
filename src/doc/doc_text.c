/*
 * doc_text.c — UTF-8 decoding and the cleaning every string of a document
 * goes through: once when a builder copies it into the document (plus NFC
 * and, for names, capitals), and again in each writer on output.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "doc_int.h"
#include "text/text.h"

int32_t doc_utf8_next(const char *str, size_t n, size_t *i)
{
	const unsigned char *s = (const unsigned char *)str + *i;
	size_t left = n - *i;
	unsigned c = s[0];
	int32_t cp, min;
	size_t len;
	if (c < 0x80) {
		(*i)++;
		return (int32_t)c;
	}
	if (c >= 0xc2 && c <= 0xdf)
		len = 2, cp = c & 0x1f, min = 0x80;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3, cp = c & 0x0f, min = 0x800;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4, cp = c & 0x07, min = 0x10000;
	else
		goto bad;
	if (left < len)
		goto bad;
	for (size_t k = 1; k < len; k++) {
		if ((s[k] & 0xc0) != 0x80)
			goto bad;
		cp = (cp << 6) | (s[k] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		goto bad;
	*i += len;
	return cp;
bad:
	(*i)++;
	return -1;
}

void doc_utf8_put(buf *b, int32_t cp)
{
	char s[4];
	size_t n;
	if (cp < 0x80) {
		s[0] = (char)cp, n = 1;
	} else if (cp < 0x800) {
		s[0] = (char)(0xc0 | (cp >> 6)), s[1] = (char)(0x80 | (cp & 0x3f)), n = 2;
	} else if (cp < 0x10000) {
		s[0] = (char)(0xe0 | (cp >> 12)), s[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		s[2] = (char)(0x80 | (cp & 0x3f)), n = 3;
	} else {
		s[0] = (char)(0xf0 | (cp >> 18)), s[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		s[2] = (char)(0x80 | ((cp >> 6) & 0x3f)), s[3] = (char)(0x80 | (cp & 0x3f)), n = 4;
	}
	buf_put(b, s, n);
}

bool doc_char_ok(int32_t cp)
{
	if (cp == '\t' || cp == '\n')
		return true;
	if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) /* C0, DEL, C1 */
		return false;
	return cp != 0xfffe && cp != 0xffff;
}

void doc_clean(buf *out, const char *s)
{
	if (!s)
		return;
	size_t n = strlen(s), i = 0;
	while (i < n) {
		size_t start = i;
		int32_t cp = doc_utf8_next(s, n, &i);
		if (cp < 0)
			doc_utf8_put(out, 0xfffd);
		else if (doc_char_ok(cp))
			buf_put(out, s + start, i - start);
	}
	if (!out->p)
		buf_puts(out, ""); /* callers read out->p */
}

/* Capitals the Vietnamese way: utf8proc maps each code point of the NFC
 * text (ư → Ư, ệ → Ệ, đ → Đ). */
static char *upper(const char *s)
{
	buf b = BUF_INIT;
	size_t n = strlen(s), i = 0;
	while (i < n)
		doc_utf8_put(&b, utf8proc_toupper(doc_utf8_next(s, n, &i)));
	buf_puts(&b, "");
	return buf_detach(&b);
}

/* The builders' copy: cleaned, NFC, optionally in capitals. */
static const char *store(doc *d, const char *s, bool caps)
{
	if (!s)
		return NULL;
	buf b = BUF_INIT;
	doc_clean(&b, s);
	char *nfc = text_nfc(b.p, b.len); /* b is well-formed now */
	if (!nfc)
		nfc = xstrdup(b.p);
	buf_free(&b);
	if (caps) {
		char *u = upper(nfc);
		free(nfc);
		nfc = u;
	}
	const char *r = arena_strdup(d->ar, nfc);
	free(nfc);
	return r;
}

const char *doc_str(doc *d, const char *s)
{
	return store(d, s, false);
}

const char *doc_str_caps(doc *d, const char *s)
{
	return store(d, s, true);
}

double doc_estimate_mm(const char *s, double pt, bool caps)
{
	/* average advance of Times New Roman text with Vietnamese marks,
	 * measured on typical headers: capitals ≈ 0.62 em, mixed ≈ 0.47 em */
	double em = caps ? 0.62 : 0.47, best = 0;
	size_t n = s ? strlen(s) : 0, i = 0, chars = 0;
	while (i <= n) {
		if (i == n || s[i] == '\n') {
			if (chars > best)
				best = (double)chars;
			chars = 0;
			i++;
			continue;
		}
		int32_t cp = doc_utf8_next(s, n, &i);
		if (cp < 0x300 || cp > 0x36f) /* combining marks take no room */
			chars++;
	}
	return best * em * pt * 25.4 / 72.0;
}
