/*
 * outline_text.c — the plain text / Markdown front end: lines to paragraphs.
 *
 * Outlines arrive as text exported from Word or PDF, as Markdown, or typed.
 * Blank lines separate paragraphs, but many files have none, and long items
 * wrap over several lines. A line therefore starts a new paragraph when it
 * opens with a marker or a heading, and continues the previous one when it
 * reads as that line's continuation: a Markdown hard break before it, a
 * lower-case start, or a line left hanging on a comma.
 */
#include "outline_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text/text.h"

/* Removes Markdown emphasis: runs of two or more '*' or '_' always (bold,
 * rules), single ones only when they pair up, so "(*)" stays as printed. */
static void strip_emphasis(const char *s, size_t n, buf *out)
{
	char *drop = xcalloc(n ? n : 1, 1);
	size_t open_star = (size_t)-1, open_under = (size_t)-1;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c != '*' && c != '_')
			continue;
		size_t run = 1;
		while (i + run < n && s[i + run] == c)
			run++;
		if (run >= 2) {
			memset(drop + i, 1, run);
			i += run - 1;
			continue;
		}
		bool prev_space = i == 0 || s[i - 1] == ' ';
		bool next_space = i + 1 >= n || s[i + 1] == ' ';
		if (c == '_') {
			/* intra-word underscores (file_name) are text */
			bool prev_word = i > 0 && (isalnum((unsigned char)s[i - 1]) ||
						   (unsigned char)s[i - 1] >= 0x80);
			bool next_word = i + 1 < n && (isalnum((unsigned char)s[i + 1]) ||
						       (unsigned char)s[i + 1] >= 0x80);
			if (prev_word && next_word)
				continue;
		}
		size_t *open = c == '*' ? &open_star : &open_under;
		if (!prev_space && *open != (size_t)-1) {
			drop[*open] = drop[i] = 1;
			*open = (size_t)-1;
		} else if (!next_space) {
			*open = i;
		}
	}
	char *kept = xmalloc(n + 1);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (drop[i])
			continue;
		/* "1\." written to keep Markdown from renumbering: the backslash goes */
		if (s[i] == '\\' && i + 1 < n && ispunct((unsigned char)s[i + 1]))
			continue;
		kept[k++] = s[i];
	}
	buf_put(out, kept, k);
	free(kept);
	free(drop);
}

/* One line or paragraph without its Markdown: heading hashes (level in
 * *heading), emphasis, escapes; a leading list bullet is kept. */
static char *strip_markup(const char *s, size_t n, int *heading)
{
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	*heading = 0;
	size_t h = 0;
	while (i + h < n && s[i + h] == '#' && h < 7)
		h++;
	if (h >= 1 && h <= 6 && (i + h == n || s[i + h] == ' ' || s[i + h] == '\t')) {
		*heading = (int)h;
		i += h;
		while (n > i && (s[n - 1] == ' ' || s[n - 1] == '#' || s[n - 1] == '\t'))
			n--; /* closing hashes of "## Title ##" */
	}
	buf b = BUF_INIT;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i + 1 < n && strchr("*+-", s[i]) && (s[i + 1] == ' ' || s[i + 1] == '\t')) {
		buf_putc(&b, s[i]); /* "* item": a bullet, not emphasis */
		buf_putc(&b, ' ');
		i += 2;
	}
	strip_emphasis(s + i, n - i, &b);
	char *clean = para_clean(buf_cstr(&b), b.len);
	buf_free(&b);
	return clean;
}

static bool starts_lower(const char *s)
{
	utf8proc_int32_t cp = 0;
	utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp);
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

static bool ends_hanging(const char *s)
{
	size_t n = strlen(s);
	if (n == 0)
		return false;
	if (s[n - 1] == ',' || s[n - 1] == '-')
		return true;
	return n >= 3 && memcmp(s + n - 3, "\xe2\x80\x93", 3) == 0; /* – */
}

/* Markdown hard break: two trailing spaces or a backslash. */
static bool hard_break(const char *s, size_t n)
{
	return (n >= 2 && s[n - 1] == ' ' && s[n - 2] == ' ') || (n >= 1 && s[n - 1] == '\\');
}

static bool is_table_row(const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	return n > 0 && *s == '|';
}

/* A Markdown table row becomes one body paragraph: "| a | b |" → "a | b". */
static void push_table_row(para_list *l, const char *s, size_t n)
{
	buf b = BUF_INIT;
	for (size_t i = 0; i < n; i++)
		buf_putc(&b, s[i] == '|' ? ' ' : s[i]);
	int heading;
	char *t = strip_markup(buf_cstr(&b), b.len, &heading);
	buf_free(&b);
	bool rule = true; /* "|---|:--|" separates the header row */
	for (const char *p = t; *p; p++)
		rule = rule && strchr("-: ", *p);
	if (rule) {
		free(t);
		return;
	}
	para_push(l, t, NULL)->flags |= PARA_BODY_ONLY;
}

/* What grouping needs to know of a line. */
struct line_view {
	int heading;  /* Markdown heading level, 0 if none */
	bool blank;   /* empty once markup is removed */
	bool marker;  /* opens with a label or a bullet */
	bool lower;   /* its first letter is lower-case */
	bool hanging; /* ends on a comma or a dash */
};

static void view_of_stripped(const char *line, struct line_view *v)
{
	marker m;
	v->blank = !*line;
	v->marker = outline_marker(line, strlen(line), false, &m);
	v->lower = starts_lower(line);
	v->hanging = ends_hanging(line);
}

/* Reads a line's view in place. Lines with markup, tabs or special spaces
 * near their start take the slow path through strip_markup, so both paths
 * agree; most lines are plain and cost no copy. */
static void view_line(const char *s, size_t n, struct line_view *v)
{
	size_t a = 0, b = n;
	while (a < b && (s[a] == ' ' || s[a] == '\t'))
		a++;
	while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
		b--;
	size_t head = b - a < 40 ? b - a : 40;
	bool plain = a < b && s[a] != '#' && s[a] != '*' && s[a] != '_';
	for (size_t i = a; plain && i < a + head; i++)
		plain = !strchr("*_\\\t", s[i]) && (unsigned char)s[i] != 0xC2 &&
			!((unsigned char)s[i] == 0xE2 && i + 1 < b && (unsigned char)s[i + 1] == 0x80);
	unsigned char last = b > a ? (unsigned char)s[b - 1] : 0;
	plain = plain && last != '*' && last != '_' && last != '#' && last >= 0x20 && last < 0x80;
	if (!plain) {
		char *line = strip_markup(s, n, &v->heading);
		view_of_stripped(line, v);
		free(line);
		return;
	}
	marker m;
	v->heading = 0;
	v->blank = false;
	v->marker = outline_marker(s + a, b - a, false, &m);
	v->lower = starts_lower(s + a);
	v->hanging = last == ',' || last == '-';
}

struct grouper {
	para_list *out;
	buf raw;           /* raw lines of the paragraph being gathered */
	bool last_hard;    /* the previous line ended with a hard break */
	bool last_hanging; /* the previous line ended on a comma or a dash */
	int heading;       /* heading level of the paragraph being gathered */
	bool too_long;     /* a paragraph passed OUTLINE_MAX_PARA_BYTES */
};

static void flush(struct grouper *g)
{
	if (g->raw.len) {
		int heading;
		char *t = strip_markup(buf_cstr(&g->raw), g->raw.len, &heading);
		para_push(g->out, t, NULL)->heading = g->heading;
	}
	buf_reset(&g->raw);
	g->heading = 0;
}

/* Whether a line goes on with the paragraph being gathered. */
static bool continues(const struct grouper *g, const struct line_view *v)
{
	if (!g->raw.len || v->heading || g->heading || v->marker)
		return false;
	return g->last_hard || v->lower || g->last_hanging;
}

static void add_line(struct grouper *g, const char *s, size_t n)
{
	if (is_table_row(s, n)) {
		flush(g);
		push_table_row(g->out, s, n);
		return;
	}
	struct line_view v;
	view_line(s, n, &v);
	if (v.blank) {
		flush(g); /* blank line, or only markup */
		return;
	}
	if (!continues(g, &v))
		flush(g);
	size_t len = n;
	if (len > 0 && s[len - 1] == '\\')
		len--;
	if (g->raw.len + len >= OUTLINE_MAX_PARA_BYTES) {
		g->too_long = true;
		return;
	}
	if (g->raw.len)
		buf_putc(&g->raw, ' ');
	else
		g->heading = v.heading;
	buf_put(&g->raw, s, len);
	g->last_hard = hard_break(s, n);
	g->last_hanging = v.hanging;
}

/* Splits s into paragraphs: 0, or E_TOOBIG with a message when the text
 * has too many paragraphs or too long a one to be an outline. */
static int text_paragraphs(const char *s, size_t n, para_list *out, err *e)
{
	struct grouper g = {.out = out};
	size_t i = 0;
	while (i < n && out->n <= OUTLINE_MAX_PARAS && !g.too_long) {
		size_t j = i;
		while (j < n && s[j] != '\n' && s[j] != '\r')
			j++;
		add_line(&g, s + i, j - i);
		if (j < n && s[j] == '\r' && j + 1 < n && s[j + 1] == '\n')
			j++;
		i = j + 1;
	}
	if (!g.too_long)
		flush(&g);
	buf_free(&g.raw);
	if (g.too_long)
		return err_set(e, E_TOOBIG, "Văn bản có một đoạn dài hơn %d KB; đề cương không có "
					    "đoạn nào dài như vậy", OUTLINE_MAX_PARA_BYTES >> 10);
	if (out->n > OUTLINE_MAX_PARAS)
		return err_set(e, E_TOOBIG, "Văn bản có quá nhiều đoạn (trên %d) để là một đề cương",
			       OUTLINE_MAX_PARAS);
	return 0;
}

int outline_parse_text(const char *s, size_t n, outline_doc *out, err *e)
{
	memset(out, 0, sizeof *out);
	if (n > OUTLINE_MAX_INPUT)
		return err_set(e, E_TOOBIG, "Văn bản quá lớn (%zu MB; tối đa %zu MB)",
			       n >> 20, OUTLINE_MAX_INPUT >> 20);
	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		s += 3;
		n -= 3;
	}
	if (!text_valid_utf8(s, n))
		return err_set(e, E_PARSE,
			       "Văn bản không phải UTF-8 hợp lệ; hãy lưu tệp với mã hóa UTF-8");
	char *nfc = para_nfc(s, n);
	if (!nfc)
		return err_set(e, E_PARSE, "Văn bản không phải UTF-8 hợp lệ");
	para_list paras = {0};
	int rc = text_paragraphs(nfc, strlen(nfc), &paras, e);
	free(nfc);
	if (rc == 0)
		rc = outline_build(&paras, out, e);
	para_list_free(&paras);
	return rc;
}
