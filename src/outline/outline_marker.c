/*
 * outline_marker.c — the tokenizer: reads the marker that opens a paragraph
 * ("II.", "III.1.", "3)", "đ)", "- ", "Phần thứ nhất") and says what kind of
 * sequence it belongs to. It knows nothing about nesting; the builder
 * decides that from the order in which the document uses the kinds.
 */
#include "outline_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

/* Decodes one code point of valid UTF-8 at s (n > 0 bytes left). */
static unsigned utf8_at(const char *s, size_t n, size_t *len)
{
	const unsigned char *p = (const unsigned char *)s;
	if (p[0] < 0x80 || n < 2) {
		*len = 1;
		return p[0];
	}
	if ((p[0] & 0xE0) == 0xC0) {
		*len = 2;
		return ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu);
	}
	if ((p[0] & 0xF0) == 0xE0 && n >= 3) {
		*len = 3;
		return ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
	}
	if (n >= 4) {
		*len = 4;
		return ((p[0] & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) |
		       (p[3] & 0x3Fu);
	}
	*len = 1;
	return p[0];
}

/* Characters drafters put in front of unnumbered list entries. The private
 * use range is where Word's Symbol/Wingdings bullets land when pasted. */
static bool is_bullet(unsigned cp)
{
	switch (cp) {
	case '-': case '+': case '*':
	case 0x00B7: /* · */
	case 0x2013: /* – */
	case 0x2014: /* — */
	case 0x2022: /* • */
	case 0x25A0: case 0x25A1: case 0x25AA: case 0x25BA: /* ■ □ ▪ ► */
	case 0x25CB: case 0x25CF: case 0x25E6:             /* ○ ● ◦ */
	case 0x2713: case 0x27A2: case 0x2756:             /* ✓ ➢ ❖ */
		return true;
	default:
		return cp >= 0xF000 && cp <= 0xF0FF;
	}
}

/* The text after a label starts after white space; a label alone on its
 * line is allowed too (its title is then on the next line). */
static bool label_end(const char *s, size_t n, size_t j, bool standalone, size_t *rest)
{
	if (standalone) {
		while (j < n && isspace((unsigned char)s[j]))
			j++;
		*rest = n;
		return j == n;
	}
	if (j < n && s[j] != ' ')
		return false;
	while (j < n && s[j] == ' ')
		j++;
	*rest = j;
	return true;
}

static bool bullet_at(const char *s, size_t n, bool standalone, marker *m)
{
	size_t len;
	unsigned cp = utf8_at(s, n, &len);
	if (!is_bullet(cp))
		return false;
	if (!label_end(s, n, len, standalone, &m->rest))
		return false;
	if (!standalone && m->rest >= n)
		return false; /* a lone dash is a rule, not an item */
	m->kind = MK_BULLET;
	m->bullet = cp;
	m->label_len = len;
	return true;
}

int outline_roman_value(const char *s, size_t n)
{
	static const char *const ones[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
	static const char *const tens[] = {"", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"};
	static const char *const hund[] = {"", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"};
	if (n == 0 || n > 15)
		return 0;
	bool upper = isupper((unsigned char)s[0]);
	char up[16];
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!strchr(upper ? "IVXLCDM" : "ivxlcdm", c) || c == '\0')
			return 0;
		up[i] = (char)toupper((unsigned char)c);
	}
	up[n] = '\0';
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		static const char sym[] = "IVXLCDM";
		static const int val[] = {1, 5, 10, 50, 100, 500, 1000};
		int a = val[strchr(sym, up[i]) - sym];
		int b = i + 1 < n ? val[strchr(sym, up[i + 1]) - sym] : 0;
		v += a < b ? -a : a;
	}
	if (v <= 0 || v > 3999)
		return 0;
	/* Only the canonical spelling counts: "IIII" or "IC" are words, not numbers. */
	char canon[32] = "";
	for (int k = 0; k < v / 1000; k++)
		strcat(canon, "M");
	strcat(canon, hund[(v / 100) % 10]);
	strcat(canon, tens[(v / 10) % 10]);
	strcat(canon, ones[v % 10]);
	return strcmp(canon, up) == 0 ? v : 0;
}

/* Position of a list letter: Vietnamese order a b c d đ e g h i k …; the
 * letters Vietnamese lacks (f j w z) keep their Latin places so Word's own
 * a b c d e f sequences still read as steps of one or two. */
static int letter_value(unsigned cp)
{
	if (cp == 0x0111 || cp == 0x0110)
		return 5;
	int c = tolower((int)cp);
	int v = c - 'a' + 1;
	return c >= 'e' ? v + 1 : v;
}

/* A word of the part label: up to a space or a delimiter. */
static size_t word_end(const char *s, size_t n, size_t i)
{
	while (i < n && s[i] != ' ' && !strchr(".:,;)", s[i]) && s[i] != '\0')
		i++;
	return i;
}

static bool word_key_is(const char *s, size_t a, size_t b, const char *key)
{
	if (b <= a || b - a > 24)
		return false;
	char w[32];
	memcpy(w, s + a, b - a);
	w[b - a] = '\0';
	char *k = text_search_key(w);
	bool eq = strcmp(k, key) == 0;
	free(k);
	return eq;
}

static int ordinal_word(const char *s, size_t a, size_t b)
{
	static const struct {
		const char *key;
		int v;
	} words[] = {{"nhat", 1}, {"hai", 2}, {"ba", 3},  {"tu", 4},   {"bon", 4}, {"nam", 5},
		     {"sau", 6},  {"bay", 7}, {"tam", 8}, {"chin", 9}, {"muoi", 10}};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (word_key_is(s, a, b, words[i].key))
			return words[i].v;
	return 0;
}

/* The number of a part: "thứ nhất", "thứ mười hai", "I", "2", "A". */
static int part_number(const char *s, size_t n, size_t i, size_t *end)
{
	size_t e = word_end(s, n, i);
	if (word_key_is(s, i, e, "thu") && e < n && s[e] == ' ') {
		size_t a = e + 1, b = word_end(s, n, a);
		int v = ordinal_word(s, a, b);
		if (!v)
			return 0;
		if (v == 10 && b < n && s[b] == ' ') {
			size_t c = b + 1, d = word_end(s, n, c);
			int u = ordinal_word(s, c, d);
			if (!u && (word_key_is(s, c, d, "mot") || word_key_is(s, c, d, "lam")))
				u = word_key_is(s, c, d, "mot") ? 1 : 5;
			if (u && u < 10) {
				v += u;
				b = d;
			}
		}
		*end = b;
		return v;
	}
	if (e > i && e - i <= 3 && isdigit((unsigned char)s[i])) {
		int v = 0;
		for (size_t k = i; k < e; k++) {
			if (!isdigit((unsigned char)s[k]))
				return 0;
			v = v * 10 + (s[k] - '0');
		}
		*end = e;
		return v;
	}
	int r = outline_roman_value(s + i, e - i);
	if (r) {
		*end = e;
		return r;
	}
	if (e == i + 1 && isupper((unsigned char)s[i])) {
		*end = e;
		return letter_value((unsigned char)s[i]);
	}
	return 0;
}

static bool part_at(const char *s, size_t n, bool standalone, marker *m)
{
	if (s[0] != 'P' && s[0] != 'p')
		return false;
	size_t e = word_end(s, n, 0);
	if (!word_key_is(s, 0, e, "phan") || e >= n || s[e] != ' ')
		return false;
	size_t end;
	int v = part_number(s, n, e + 1, &end);
	if (!v)
		return false;
	size_t j = end;
	/* "Phần I. TITLE", "Phần thứ nhất: TITLE", "PHẦN II – TITLE" */
	size_t k = j;
	while (k < n && s[k] == ' ')
		k++;
	if (k < n && (s[k] == '.' || s[k] == ':' || s[k] == '-')) {
		m->delim = s[k];
		j = k + 1;
	} else if (k + 2 < n && (unsigned char)s[k] == 0xE2 && (unsigned char)s[k + 1] == 0x80 &&
		   ((unsigned char)s[k + 2] == 0x93 || (unsigned char)s[k + 2] == 0x94)) {
		m->delim = '-';
		j = k + 3;
	}
	if (!label_end(s, n, j, standalone, &m->rest))
		return false;
	m->kind = MK_PART;
	m->value = v;
	m->label_len = end;
	return true;
}

/* "IV." "3)" "đ)" "III.1." "1.2 " — a number, letter or Roman numeral,
 * optionally more ".N" components, then a delimiter. */
static bool label_at(const char *s, size_t n, bool standalone, marker *m)
{
	size_t j = 0;
	int kind = MK_NONE, alt = MK_NONE, value = 0, alt_value = 0;
	if (isdigit((unsigned char)s[0])) {
		while (j < n && isdigit((unsigned char)s[j]) && j < 4)
			value = value * 10 + (s[j++] - '0');
		if (j > 3 || value == 0)
			return false;
		kind = MK_DECIMAL;
	} else if (n >= 2 && (unsigned char)s[0] == 0xC4 &&
		   ((unsigned char)s[1] == 0x91 || (unsigned char)s[1] == 0x90)) {
		kind = (unsigned char)s[1] == 0x91 ? MK_LETTER_LO : MK_LETTER_UP;
		value = 5;
		j = 2;
	} else if (isalpha((unsigned char)s[0])) {
		while (j < n && isalpha((unsigned char)s[j]) && j < 16)
			j++;
		if (j < n && ((unsigned char)s[j] >= 0x80 || isalpha((unsigned char)s[j])))
			return false; /* a word such as "Số" or "Kính", not a label */
		int r = outline_roman_value(s, j);
		int rk = isupper((unsigned char)s[0]) ? MK_ROMAN_UP : MK_ROMAN_LO;
		int lk = isupper((unsigned char)s[0]) ? MK_LETTER_UP : MK_LETTER_LO;
		if (j == 1 && r && (s[0] == 'I' || s[0] == 'i')) {
			kind = rk, value = r, alt = lk, alt_value = letter_value((unsigned char)s[0]);
		} else if (j == 1 && r) {
			kind = lk, value = letter_value((unsigned char)s[0]), alt = rk, alt_value = r;
		} else if (j == 1) {
			kind = lk, value = letter_value((unsigned char)s[0]);
		} else if (r) {
			kind = rk, value = r;
		} else {
			return false;
		}
	} else {
		return false;
	}

	/* "III.1", "1.2.3": a numbered subsection of the part before the dot. */
	int ncomp = 1;
	size_t prefix = 0;
	while (j + 1 < n && s[j] == '.' && isdigit((unsigned char)s[j + 1]) && ncomp < 8) {
		size_t k = j + 1;
		int v = 0;
		while (k < n && isdigit((unsigned char)s[k]) && k - j <= 3)
			v = v * 10 + (s[k++] - '0');
		if (k < n && isdigit((unsigned char)s[k]))
			return false;
		prefix = j;
		j = k;
		value = v;
		ncomp++;
	}
	if (ncomp > 1) {
		int head = kind == MK_DECIMAL ? MK_DECIMAL
			 : kind == MK_ROMAN_UP || alt == MK_ROMAN_UP ? MK_ROMAN_UP
								      : MK_NONE;
		if (head == MK_NONE)
			return false;
		m->head = head;
		m->ncomp = ncomp;
		m->prefix_len = prefix;
		kind = MK_COMPOUND, alt = MK_NONE, alt_value = 0;
	}

	char d = 0;
	if (j < n && strchr(".)/-", s[j]) && s[j] != '\0') {
		d = s[j++];
	} else if (kind == MK_ROMAN_UP && j + 2 < n && s[j] == ' ' &&
		   (s[j + 1] == '-' || ((unsigned char)s[j + 1] == 0xE2 && j + 3 < n &&
					(unsigned char)s[j + 2] == 0x80 &&
					(unsigned char)s[j + 3] == 0x93))) {
		/* "II - TITLE", "II – TITLE" */
		size_t k = s[j + 1] == '-' ? j + 2 : j + 4;
		if (k >= n || s[k] != ' ')
			return false;
		d = '-';
		m->label_len = j;
		j = k;
		goto end;
	} else if (kind != MK_COMPOUND && !standalone) {
		return false;
	}
	m->label_len = d ? j - 1 : j;
end:
	if (!label_end(s, n, j, standalone, &m->rest))
		return false;
	m->kind = kind;
	m->alt_kind = alt;
	m->value = value;
	m->alt_value = alt_value;
	m->delim = d;
	return true;
}

bool outline_marker(const char *s, size_t n, bool standalone, marker *m)
{
	bool (*const readers[])(const char *, size_t, bool, marker *) = {bullet_at, part_at,
									   label_at};
	for (size_t i = 0; i < sizeof readers / sizeof *readers; i++) {
		memset(m, 0, sizeof *m);
		if (n > 0 && readers[i](s, n, standalone, m))
			return true;
	}
	memset(m, 0, sizeof *m);
	return false;
}
