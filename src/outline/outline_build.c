/*
 * outline_build.c — finds the outlines in a list of paragraphs.
 *
 * Three decisions are made per paragraph:
 *
 *  1. Is it part of a letter rather than of an outline? The national motto,
 *     "Số: …", "Kính gửi:" and "Nơi nhận:" lists, signature blocks, issuing
 *     bodies and place-and-date lines are left out.
 *  2. Does it open an outline? An upper-case title such as "ĐỀ CƯƠNG BÁO
 *     CÁO" does; the short paragraphs under it are its subtitle.
 *  3. Is it an item, and at which depth? The depth resolver learns the
 *     document's own hierarchy: marker styles (Roman "I.", decimal "1.",
 *     letter "a)", "1)", bullets …) rank in the order they first appear, so
 *     a style first seen under "1." nests under it from then on, and a style
 *     seen again returns to its level. A stack holds the open path; a new
 *     item closes every open level that ranks at or below its own. Three
 *     priors keep ranks sensible: "Phần" parts rank above everything, bullets
 *     below every numbered style, and "III.1" ranks right under the style of
 *     its "III".
 *
 * Anything else is body text: the guidance of the item above it.
 */
#include "outline_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text/text.h"

#define MAX_STYLES 64
#define MAX_DEPTH 48

enum { CLS_PART, CLS_NUMBERED, CLS_BULLET };

typedef struct style {
	int kind, delim, ncomp, head, heading, key; /* identity */
	int cls, pos;                               /* rank: class, then position */
} style;

struct frame {
	int style; /* index in styles */
	int item;  /* index in items */
	int value;   /* ordinal of that item's label */
	int heading; /* heading level of the item's paragraph, 0 if none */
};

enum { MODE_NONE, MODE_LIST, MODE_SIGNATURE };

typedef struct builder {
	outline_doc *doc;
	size_t doc_cap;
	outline *cur; /* open outline, or NULL between documents */
	size_t item_cap;
	style st[MAX_STYLES];
	int nst;
	struct frame stack[MAX_DEPTH];
	int depth;
	buf guide;     /* guidance of the last item, until the next item */
	bool open_end; /* the last text paragraph stops mid-sentence */
	int mode;      /* inside a recipients list or a signature block */
} builder;

/* ---- small text predicates ---- */

static bool has_alnum(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (isalnum(*p) || *p >= 0xC0)
			return true;
	return false;
}

static bool starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Search key of at most the first max bytes of s (cut on a character). */
static char *head_key(const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n <= max)
		return text_search_key(s);
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	char *h = xstrndup(s, max);
	char *k = text_search_key(h);
	free(h);
	return k;
}

/* Letter cases in s: upper-case letters counted, false on any lower-case. */
static bool all_caps(const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	int upper = 0;
	for (;;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
		if (k <= 0 || cp == 0)
			break;
		utf8proc_category_t c = utf8proc_category(cp);
		if (c == UTF8PROC_CATEGORY_LL)
			return false;
		if (c == UTF8PROC_CATEGORY_LU)
			upper++;
		p += k;
	}
	return upper >= 2;
}

/* Last code point of s, 0 for "". */
static utf8proc_int32_t last_cp(const char *s)
{
	size_t n = strlen(s);
	if (!n)
		return 0;
	size_t i = n - 1;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	utf8proc_int32_t cp = 0;
	utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
	return cp;
}

/* A sentence cut by a page break: a long paragraph that stops on a word, a
 * comma or a dash. Short titles ("Thuận lợi") end on a word too, whole. */
static bool ends_open(const char *s)
{
	if (strlen(s) < 40)
		return false;
	utf8proc_int32_t cp = last_cp(s);
	if (cp == ',' || cp == '-' || cp == 0x2013)
		return true;
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL ||
	       c == UTF8PROC_CATEGORY_LO || c == UTF8PROC_CATEGORY_ND;
}

/* More than one sentence: ". " followed by an upper-case letter. */
static bool several_sentences(const char *s)
{
	for (const char *p = strstr(s, ". "); p; p = strstr(p + 2, ". ")) {
		utf8proc_int32_t cp = 0;
		utf8proc_iterate((const utf8proc_uint8_t *)p + 2, -1, &cp);
		if (utf8proc_category(cp) == UTF8PROC_CATEGORY_LU)
			return true;
	}
	return false;
}

/* A person's name under a signature, or "(Đã ký)". */
static bool looks_like_name(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 60)
		return false;
	if (s[0] == '(' && s[n - 1] == ')')
		return true;
	int words = 0;
	bool word_start = true;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	for (;;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
		if (k <= 0 || cp == 0)
			break;
		p += k;
		if (cp == ' ') {
			word_start = true;
			continue;
		}
		utf8proc_category_t c = utf8proc_category(cp);
		if (c != UTF8PROC_CATEGORY_LU && c != UTF8PROC_CATEGORY_LL)
			return false;
		if (word_start) {
			if (c != UTF8PROC_CATEGORY_LU)
				return false;
			words++;
		}
		word_start = false;
	}
	return words >= 2 && words <= 6 && !all_caps(s);
}

/* ---- letter parts ---- */

enum bp {
	BP_NONE,
	BP_DROP,      /* left out */
	BP_CLOSE,     /* left out, and ends the open outline (motto, number, signature) */
	BP_RECIPIENT, /* "Kính gửi:" — the list after it is left out */
	BP_DISTRIB,   /* "Nơi nhận:" — ends the outline; the list after it is left out */
	BP_SIGNATURE, /* "GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN" — names follow */
};

static bool key_starts_any(const char *key, const char *const *list)
{
	for (; *list; list++)
		if (starts(key, *list))
			return true;
	return false;
}

static bool is_date_line(const char *key, size_t n)
{
	if (n > 90)
		return false;
	const char *ngay = strstr(key, "ngay");
	if (ngay && (ngay == key || (ngay >= key + 2 && ngay[-2] == ',')) &&
	    (strstr(ngay, " thang") || ngay[4] == '\0'))
		return true;
	/* the second half of a date line split by a page layout: "tháng 11 năm 2022" */
	if (!starts(key, "thang"))
		return false;
	for (const char *p = key; *p;) {
		size_t w = strcspn(p, " ");
		bool number = w > 0 && strspn(p, "0123456789") == w;
		if (!number && !(w == 5 && starts(p, "thang")) && !(w == 3 && starts(p, "nam")))
			return false;
		p += w;
		p += strspn(p, " ");
	}
	return true;
}

/* What a paragraph is in a letter, judged on its own. */
static enum bp letter_part(const char *text)
{
	static const char *const roles[] = {
		"tm.", "tm ", "kt.", "kt ", "tl.", "tuq.", "q.", "giam doc", "pho giam doc",
		"chu tich", "pho chu tich", "truong ban", "pho truong ban", "truong phong",
		"pho truong phong", "bi thu", "pho bi thu", "thu truong", "bo truong",
		"tong giam doc", "hieu truong", "chanh van phong", "nguoi ky", "nguoi lap", NULL};
	static const char *const bodies[] = {
		"ubnd", "uy ban", "so ", "bo ", "ban ", "hoi dong", "hdnd", "co quan", "phong ",
		"tinh uy", "huyen uy", "thanh uy", "thi uy", "quan uy", "dang uy", "dang bo",
		"mat tran", "ubmttq", "cong ty", "tong cong ty", "van phong", "truong ", "cuc ",
		"chi cuc", "benh vien", "hoi ", "doan ", "lien doan", "trung tam", NULL};
	size_t n = strlen(text);
	/* only "Kính gửi: …" and "Nơi nhận: …" run long; their first words tell */
	char *key = head_key(text, n > 400 ? 24 : 160);
	enum bp r = BP_NONE;
	if (starts(key, "kinh gui"))
		r = BP_RECIPIENT;
	else if (starts(key, "noi nhan"))
		r = BP_DISTRIB;
	else if (strstr(key, "cong hoa xa hoi chu nghia viet nam") ||
		 (strstr(key, "doc lap") && strstr(key, "tu do") && strstr(key, "hanh phuc") &&
		  n < 200))
		r = BP_CLOSE;
	else if (n < 200 && (starts(key, "so:") || starts(key, "so :") ||
			     (starts(key, "so ") && isdigit((unsigned char)key[3]) &&
			      strchr(key, '/'))))
		r = BP_CLOSE;
	else if (starts(key, "v/v"))
		r = BP_DROP;
	else if (is_date_line(key, n))
		r = BP_DROP;
	else if (n <= 80 && all_caps(text) && key_starts_any(key, roles))
		r = BP_SIGNATURE;
	else if (n <= 160 && all_caps(text) && key_starts_any(key, bodies))
		r = BP_DROP;
	free(key);
	return r;
}

/* "ĐỀ CƯƠNG BÁO CÁO", "KẾ HOẠCH", "# Đề cương …": the start of an outline. */
static bool is_title_start(const outline_para *p)
{
	static const char *const words[] = {"de cuong", "ke hoach", "bao cao", "huong dan",
					    "phu luc", NULL};
	if ((p->flags & PARA_BODY_ONLY) || p->numtext || strlen(p->text) > 300)
		return false;
	if (!p->heading && !(p->flags & PARA_TITLE_STYLE) && !all_caps(p->text))
		return false;
	char *key = text_search_key(p->text);
	bool yes = false;
	for (const char *const *w = words; *w && !yes; w++)
		yes = starts(key, *w) && (key[strlen(*w)] == '\0' || key[strlen(*w)] == ' ');
	free(key);
	return yes;
}

/* A paragraph under a title that still belongs to it. */
static bool is_subtitle(const outline_para *p)
{
	size_t n = strlen(p->text);
	if ((p->flags & PARA_BODY_ONLY) || p->numtext || n > 600 || p->text[0] == '(')
		return false;
	if (p->heading && !(p->flags & PARA_TITLE_STYLE))
		return false; /* a heading opens the first section */
	char last = p->text[n - 1];
	if (last == ':' || last == ';' || several_sentences(p->text))
		return false;
	marker m;
	if (outline_marker(p->text, n, false, &m) || is_title_start(p))
		return false;
	return letter_part(p->text) == BP_NONE;
}

/* ---- outlines and items ---- */

static void finish_item(builder *b)
{
	if (b->cur && b->cur->n_items > 0) {
		outline_item *it = &b->cur->items[b->cur->n_items - 1];
		if (!it->guidance)
			it->guidance = buf_detach(&b->guide);
	}
	buf_reset(&b->guide);
}

static void close_outline(builder *b)
{
	finish_item(b);
	b->cur = NULL;
	b->depth = 0;
	b->nst = 0;
	b->open_end = false;
}

static void open_outline(builder *b, char *title)
{
	close_outline(b);
	outline_doc *d = b->doc;
	if (d->n > 0 && d->outlines[d->n - 1].n_items == 0) {
		/* a title with nothing under it yet: the new one replaces it */
		free(d->outlines[d->n - 1].title);
		d->n--;
	}
	if (d->n == b->doc_cap) {
		b->doc_cap = b->doc_cap ? b->doc_cap * 2 : 4;
		d->outlines = xrealloc(d->outlines, b->doc_cap * sizeof *d->outlines);
	}
	b->cur = &d->outlines[d->n++];
	memset(b->cur, 0, sizeof *b->cur);
	b->cur->title = title;
	b->item_cap = 0;
}

static outline_item *add_item(builder *b, int depth, char *label, char *title)
{
	finish_item(b);
	outline *o = b->cur;
	if (o->n_items == b->item_cap) {
		b->item_cap = b->item_cap ? b->item_cap * 2 : 32;
		o->items = xrealloc(o->items, b->item_cap * sizeof *o->items);
	}
	outline_item *it = &o->items[o->n_items++];
	memset(it, 0, sizeof *it);
	it->depth = depth;
	it->parent = depth > 1 ? b->stack[depth - 2].item : -1;
	it->label = label;
	it->title = title;
	it->repeat_of = -1;
	b->open_end = ends_open(title);
	return it;
}

/* ---- the depth resolver ---- */

static int rank(const builder *b, int s)
{
	return b->st[s].cls * MAX_STYLES + b->st[s].pos;
}

static bool same_style(const style *a, const style *c)
{
	return a->kind == c->kind && a->delim == c->delim && a->ncomp == c->ncomp &&
	       a->head == c->head && a->heading == c->heading && a->key == c->key;
}

static int find_style(const builder *b, const style *proto)
{
	for (int i = 0; i < b->nst; i++)
		if (same_style(&b->st[i], proto))
			return i;
	return -1;
}

static int frame_of(const builder *b, int s)
{
	for (int k = 0; k < b->depth; k++)
		if (b->stack[k].style == s)
			return k;
	return -1;
}

/* Registers a style first seen now, ranked right after style `after` when
 * that is given (-1: after every style of its class so far, -2: before
 * them all). */
static int add_style(builder *b, const style *proto, int after)
{
	if (b->nst == MAX_STYLES)
		return -1;
	style s = *proto;
	s.cls = proto->kind == MK_PART ? CLS_PART : proto->kind == MK_BULLET ? CLS_BULLET : CLS_NUMBERED;
	int pos = 0;
	for (int i = 0; i < b->nst; i++)
		if (b->st[i].cls == s.cls && b->st[i].pos >= pos)
			pos = b->st[i].pos + 1;
	if (after >= 0 && b->st[after].cls == s.cls)
		pos = b->st[after].pos + 1;
	else if (after == -2)
		pos = 0;
	for (int i = 0; i < b->nst; i++)
		if (b->st[i].cls == s.cls && b->st[i].pos >= pos)
			b->st[i].pos++;
	s.pos = pos;
	b->st[b->nst] = s;
	return b->nst++;
}

static style proto_of(const marker *m, int kind, const outline_para *p)
{
	style s = {0};
	s.kind = kind;
	s.delim = kind == MK_PART ? 0 : m->delim; /* "PHẦN I." and "PHẦN II:" are one style */
	if (kind == MK_COMPOUND) {
		s.ncomp = m->ncomp;
		s.head = m->head;
	} else if (kind == MK_BULLET) {
		s.key = (int)m->bullet;
	} else if (kind == MK_HEADING) {
		s.heading = p->heading;
	} else if (kind == MK_DOCXNUM) {
		s.key = p->num_key;
	}
	return s;
}

/* How well reading (kind, value) continues an open level: the depth of the
 * level it would follow on, 0 when it continues none. */
static int continues(const builder *b, const marker *m, int kind, int value, const outline_para *p)
{
	style proto = proto_of(m, kind, p);
	int s = find_style(b, &proto);
	int k = s >= 0 ? frame_of(b, s) : -1;
	if (k < 0)
		return 0;
	int last = b->stack[k].value;
	return value > last && value <= last + 2 ? k + 1 : 0;
}

/* Whether the label is where a reader expects one: the next number of an
 * open level (one skipped label allowed), or the first of a new level. */
static bool plausible(const builder *b, int s, int kind, int value)
{
	if (kind == MK_BULLET || kind == MK_HEADING || kind == MK_PART || kind == MK_DOCXNUM)
		return true;
	int k = s >= 0 ? frame_of(b, s) : -1;
	if (k >= 0)
		return value > b->stack[k].value && value <= b->stack[k].value + 2;
	return value <= 2;
}

/* The open item whose label is "III" for "III.1", if any. */
static int prefix_frame(const builder *b, const char *label, size_t prefix_len)
{
	for (int k = b->depth; k-- > 0;) {
		const char *l = b->cur->items[b->stack[k].item].label;
		if (strlen(l) == prefix_len && strncmp(l, label, prefix_len) == 0)
			return k;
	}
	return -1;
}

/* An unnumbered heading nests under the nearest open heading of a
 * shallower level, as in Markdown and Word: the frame count it keeps. */
static int heading_parent(const builder *b, int level)
{
	int k = b->depth;
	while (k > 0 && !(b->stack[k - 1].heading && b->stack[k - 1].heading < level))
		k--;
	return k;
}

/* Depth (1-based) of a new item of style s, popping the levels it closes. */
static int place(builder *b, int s, int pf)
{
	int k = frame_of(b, s);
	if (b->st[s].kind == MK_HEADING) {
		b->depth = heading_parent(b, b->st[s].heading);
	} else if (k >= 0) {
		b->depth = k;
	} else if (pf >= 0) {
		b->depth = pf + 1;
	} else {
		while (b->depth > 0 && rank(b, b->stack[b->depth - 1].style) >= rank(b, s))
			b->depth--;
	}
	if (b->depth >= MAX_DEPTH)
		b->depth = MAX_DEPTH - 1;
	return b->depth + 1;
}

static char *label_text(const char *s, const marker *m)
{
	if (m->kind == MK_BULLET || m->label_len > 0)
		return xstrndup(s, m->label_len);
	return xstrdup("");
}

/* A DOCX numbering label the tokenizer cannot read: shown as Word renders
 * it, less a trailing delimiter. */
static char *docx_label(const char *numtext)
{
	char *t = para_clean(numtext, strlen(numtext));
	size_t n = strlen(t);
	while (n > 0 && strchr(".):/-", t[n - 1]))
		t[--n] = '\0';
	return t;
}

/* Next paragraph worth reading after i, or p->n. */
static size_t next_para(const para_list *l, size_t i)
{
	for (i++; i < l->n; i++)
		if (has_alnum(l->v[i].text))
			return i;
	return l->n;
}

/* An item whose marker stands alone ("Phần thứ nhất", "I.") takes its
 * title from the next paragraph. */
static bool title_below(const para_list *l, size_t j)
{
	if (j >= l->n)
		return false;
	const outline_para *q = &l->v[j];
	marker m;
	return !(q->flags & PARA_BODY_ONLY) && !q->numtext && strlen(q->text) <= 500 &&
	       !outline_marker(q->text, strlen(q->text), false, &m) && !is_title_start(q) &&
	       letter_part(q->text) == BP_NONE;
}

/* Reads the marker of paragraph p: from the DOCX numbering when it has
 * one, else from its text. Returns the kind, MK_NONE for body text. */
static int read_marker(const outline_para *p, marker *m, const char **title)
{
	*title = p->text;
	if (p->flags & PARA_BODY_ONLY)
		return MK_NONE;
	if (p->numtext) {
		char *t = para_clean(p->numtext, strlen(p->numtext));
		bool ok = outline_marker(t, strlen(t), true, m);
		free(t);
		if (!ok) {
			memset(m, 0, sizeof *m);
			m->kind = MK_DOCXNUM;
		}
		return m->kind;
	}
	if (outline_marker(p->text, strlen(p->text), false, m)) {
		*title = p->text + m->rest;
		return m->kind;
	}
	if (p->heading) {
		memset(m, 0, sizeof *m);
		m->kind = MK_HEADING;
		return MK_HEADING;
	}
	return MK_NONE;
}

/* Handles an item paragraph; returns the index of the last paragraph used,
 * or (size_t)-1 when the paragraph turned out to be body text. */
static size_t item(builder *b, const para_list *l, size_t i, marker *m)
{
	const outline_para *p = &l->v[i];
	const char *title;
	read_marker(p, m, &title);
	int kind = m->kind, value = m->value;
	if (m->alt_kind && continues(b, m, m->alt_kind, m->alt_value, p) >
			       continues(b, m, m->kind, m->value, p)) {
		kind = m->alt_kind;
		value = m->alt_value;
	}
	if (kind == MK_HEADING && !b->cur)
		return (size_t)-1;
	style proto = proto_of(m, kind, p);
	int s = b->cur ? find_style(b, &proto) : -1;
	/* Across a page break a sentence may go on with something that looks
	 * like a label ("… tại khoản" / "2. Điều 5"); a label out of sequence
	 * after an unfinished sentence is read as that sentence's tail. */
	if (b->cur && b->open_end && !p->numtext && !plausible(b, s, kind, value))
		return (size_t)-1; /* Word's own numbering never comes from a page break */
	if (!b->cur)
		open_outline(b, xstrdup(""));
	int pf = -1;
	if (kind == MK_COMPOUND && !p->numtext)
		pf = prefix_frame(b, p->text, m->prefix_len);
	if (s < 0) {
		int after = pf >= 0 ? b->stack[pf].style : -1;
		if (kind == MK_HEADING) {
			/* ranked right under the heading it nests in, above the lists
			 * that follow it */
			int hp = heading_parent(b, p->heading);
			after = hp > 0 ? b->stack[hp - 1].style : -2;
		}
		s = add_style(b, &proto, after);
		if (s < 0)
			return (size_t)-1;
	}
	int depth = place(b, s, frame_of(b, s) >= 0 ? -1 : pf);
	char *label;
	if (p->numtext) {
		char *t = para_clean(p->numtext, strlen(p->numtext));
		label = kind == MK_DOCXNUM ? docx_label(t) : label_text(t, m);
		free(t);
	} else {
		label = label_text(p->text, m);
	}
	size_t used = i;
	char *t;
	size_t j = next_para(l, i);
	if (*title == '\0' && title_below(l, j)) {
		t = xstrdup(l->v[j].text);
		used = j;
	} else {
		t = xstrdup(title);
	}
	add_item(b, depth, label, t);
	b->stack[depth - 1] = (struct frame){s, (int)b->cur->n_items - 1, value, p->heading};
	b->depth = depth;
	return used;
}

/* Collects the title paragraph and its subtitle lines into one title. */
static size_t title_block(builder *b, const para_list *l, size_t i)
{
	buf t = BUF_INIT;
	buf_puts(&t, l->v[i].text);
	size_t used = i;
	for (int k = 0; k < 3; k++) {
		size_t j = next_para(l, used);
		if (j >= l->n || !is_subtitle(&l->v[j]))
			break;
		buf_putc(&t, ' ');
		buf_puts(&t, l->v[j].text);
		used = j;
	}
	open_outline(b, buf_detach(&t));
	return used;
}

static void body(builder *b, const char *text)
{
	if (!b->cur || b->cur->n_items == 0)
		return; /* preamble before the first item: not part of any item */
	if (b->guide.len)
		buf_putc(&b->guide, '\n');
	buf_puts(&b->guide, text);
	b->open_end = ends_open(text);
}

/* A signature line that reads like a label: "Q. GIÁM ĐỐC". */
static bool marked_signature(const char *text)
{
	if (strlen(text) > 80 || !all_caps(text))
		return false;
	return letter_part(text) == BP_SIGNATURE;
}

/* Letter parts: returns true when the paragraph was consumed. Numbered
 * and bulleted paragraphs are items or recipients; of the letter parts
 * only a signature can look like one, so the costlier checks are spared. */
static bool letter(builder *b, const outline_para *p)
{
	marker m;
	const char *title;
	int mk = read_marker(p, &m, &title);
	bool has_marker = mk != MK_NONE && mk != MK_HEADING;
	enum bp kind = has_marker && !marked_signature(p->text) ? BP_NONE : letter_part(p->text);
	/* recipients are listed with bullets; a numbered line ends the list */
	bool listed = has_marker && m.kind == MK_BULLET;
	if (kind == BP_NONE && b->mode == MODE_LIST && listed)
		return true; /* a recipient */
	if (kind == BP_NONE && b->mode == MODE_SIGNATURE && looks_like_name(p->text))
		return true;
	b->mode = MODE_NONE;
	switch (kind) {
	case BP_NONE:
		return false;
	case BP_RECIPIENT:
		b->mode = MODE_LIST;
		return true;
	case BP_DISTRIB:
		close_outline(b);
		b->mode = MODE_LIST;
		return true;
	case BP_SIGNATURE:
		close_outline(b);
		b->mode = MODE_SIGNATURE;
		return true;
	case BP_CLOSE:
		close_outline(b);
		return true;
	case BP_DROP:
		return true;
	}
	return false;
}

static void drop_empty_outlines(outline_doc *d)
{
	size_t k = 0;
	for (size_t i = 0; i < d->n; i++) {
		if (d->outlines[i].n_items == 0) {
			free(d->outlines[i].title);
			free(d->outlines[i].items);
			continue;
		}
		d->outlines[k++] = d->outlines[i];
	}
	d->n = k;
}

int outline_build(const para_list *paras, outline_doc *out, err *e)
{
	builder b = {0};
	b.doc = out;
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < paras->n; i++) {
		const outline_para *p = &paras->v[i];
		if (!has_alnum(p->text) && !p->numtext)
			continue;
		if (is_title_start(p)) {
			b.mode = MODE_NONE;
			i = title_block(&b, paras, i);
			continue;
		}
		if (letter(&b, p))
			continue;
		marker m;
		const char *title;
		if (read_marker(p, &m, &title) != MK_NONE) {
			size_t used = item(&b, paras, i, &m);
			if (used != (size_t)-1) {
				i = used;
				continue;
			}
		}
		body(&b, p->text);
	}
	close_outline(&b);
	buf_free(&b.guide);
	drop_empty_outlines(out);
	if (out->n == 0) {
		outline_doc_free(out);
		return err_set(e, E_INVAL,
			       "Không tìm thấy đề cương nào: văn bản không có mục đánh số "
			       "(I., 1., a), -, Phần thứ nhất…)");
	}
	for (size_t i = 0; i < out->n; i++)
		outline_annotate(&out->outlines[i]);
	return 0;
}
