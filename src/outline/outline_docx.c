/*
 * outline_docx.c — the DOCX front end: WordprocessingML paragraphs to the
 * same paragraph list the text front end makes.
 *
 * Word's automatic numbering is rendered the way Word displays it ("1.",
 * "a)", "III.2", Word's own a b c … f letters), then read by the same
 * tokenizer as typed labels, so a list numbered by Word and one typed by
 * hand come out alike. Headings come from paragraph styles; table cells are
 * body text.
 *
 * Untrusted input: the package is opened from memory, at most
 * DOCX_MAX_ENTRIES entries, encrypted entries are refused, and every part is
 * inflated in chunks against one budget of uncompressed bytes, so a zip bomb
 * costs a fraction of a second. XML is parsed without network access and
 * without entity substitution. document.xml is streamed one top-level block
 * at a time (xmlTextReader), so memory follows the largest paragraph or
 * table, not the document.
 */
#include "outline_int.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

#include "text/text.h"

#define DOCX_MAX_ENTRIES 10000
#define DOCX_MAX_UNPACKED ((size_t)64 << 20)
#define DOCX_MAX_SIDE_PART ((size_t)16 << 20) /* styles, numbering, relationships */
#define DOCX_XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_COMPACT | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_NS_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"

typedef struct numlvl {
	char fmt[32];  /* w:numFmt: decimal, upperRoman, lowerLetter, bullet … */
	char *text;    /* w:lvlText: "%1.", "%1.%2", "%2)", "" */
	char *pstyle;  /* w:pStyle: the paragraph style tied to this level */
	int start;     /* w:start */
	bool legal;    /* w:isLgl: every number shown in decimal */
} numlvl;

typedef struct absnum {
	long id;
	numlvl lvl[9];
	int count[9]; /* Word's running counters, shared by every w:num using it */
	bool set[9];
	char *style_link; /* w:numStyleLink: the definition lives in a numbering style */
} absnum;

typedef struct num {
	long id, abs_id;
	int start_override[9]; /* 0 = none, else the start value */
	bool applied;
} num;

typedef struct pstyle {
	char *id, *name, *based_on;
	long num_id; /* -1: none in this style */
	int ilvl;    /* -1: unset */
	int outline; /* w:outlineLvl, -1: unset */
} pstyle;

typedef struct docx {
	zip_t *z;
	size_t budget; /* uncompressed bytes still allowed */
	absnum *abs;
	size_t nabs;
	num *nums;
	size_t nnums;
	pstyle *styles;
	size_t nstyles;
	para_list paras;
	err *e;
	int rc;
} docx;

/* ---- XML helpers ---- */

static bool is_w(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
	       (strcmp((const char *)n->ns->href, W_NS) == 0 ||
		strcmp((const char *)n->ns->href, W_NS_STRICT) == 0) &&
	       strcmp((const char *)n->name, name) == 0;
}

/* Value of attribute w:name (or unprefixed name), NULL when absent. */
static const char *attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n ? n->properties : NULL; a; a = a->next) {
		if (strcmp((const char *)a->name, name) != 0)
			continue;
		if (a->children && a->children->type == XML_TEXT_NODE && a->children->content)
			return (const char *)a->children->content;
		return "";
	}
	return NULL;
}

static const xmlNode *child(const xmlNode *n, const char *name)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (is_w(c, name))
			return c;
	return NULL;
}

static const char *child_val(const xmlNode *n, const char *name)
{
	return attr(child(n, name), "val");
}

static long to_long(const char *s, long dflt)
{
	if (!s || !*s)
		return dflt;
	char *end;
	long v = strtol(s, &end, 10);
	return *end ? dflt : v;
}

/* On/off properties: present means on unless val says otherwise. */
static bool flag_on(const xmlNode *n)
{
	if (!n)
		return false;
	const char *v = attr(n, "val");
	return !v || !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 || strcmp(v, "off") == 0);
}

/* ---- the package ---- */

/* Records the first failure; later steps see d->rc and stop. */
static int fail(docx *d, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(docx *d, int code, const char *fmt, ...)
{
	if (d->rc == 0) {
		char msg[400];
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(msg, sizeof msg, fmt, ap);
		va_end(ap);
		d->rc = err_set(d->e, code, "%s", msg);
	}
	return d->rc;
}

/* Inflates one entry into out in chunks, against the shared budget. A
 * missing entry leaves out empty and returns E_NOTFOUND. */
static int read_part(docx *d, const char *name, size_t max, buf *out)
{
	zip_int64_t idx = zip_name_locate(d->z, name, ZIP_FL_NOCASE);
	if (idx < 0)
		return E_NOTFOUND;
	zip_stat_t st;
	zip_stat_init(&st);
	if (zip_stat_index(d->z, (zip_uint64_t)idx, 0, &st) != 0)
		return fail(d, E_PARSE, "Tệp DOCX bị hỏng: không đọc được %s", name);
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
		return fail(d, E_PARSE, "Tệp DOCX được đặt mật khẩu (%s bị mã hóa); hãy gỡ mật khẩu rồi gửi lại",
			    name);
	zip_file_t *f = zip_fopen_index(d->z, (zip_uint64_t)idx, 0);
	if (!f)
		return fail(d, E_PARSE, "Tệp DOCX bị hỏng: không mở được %s", name);
	char chunk[65536];
	zip_int64_t got;
	int rc = 0;
	while ((got = zip_fread(f, chunk, sizeof chunk)) > 0) {
		if ((size_t)got > d->budget || out->len + (size_t)got > max) {
			rc = fail(d, E_TOOBIG,
				  "Tệp DOCX giải nén ra quá lớn (%s vượt giới hạn 64 MB; có thể là zip bomb)",
				  name);
			break;
		}
		d->budget -= (size_t)got;
		buf_put(out, chunk, (size_t)got);
	}
	if (rc == 0 && got < 0)
		rc = fail(d, E_PARSE, "Tệp DOCX bị hỏng: dữ liệu nén của %s không đọc được", name);
	zip_fclose(f);
	if (rc == 0 && !out->p)
		buf_put(out, "", 0);
	return rc;
}

/* A small side part (styles, numbering, relationships) as a tree, or NULL
 * when absent or unreadable — those parts are optional. */
static xmlDoc *read_xml(docx *d, const char *name)
{
	buf b = BUF_INIT;
	xmlDoc *x = NULL;
	if (read_part(d, name, DOCX_MAX_SIDE_PART, &b) == 0 && b.len > 0 && b.len < INT32_MAX) {
		x = xmlReadMemory(b.p, (int)b.len, name, NULL, DOCX_XML_OPTIONS);
		if (x && !xmlDocGetRootElement(x)) {
			xmlFreeDoc(x);
			x = NULL;
		}
	}
	buf_free(&b);
	return x;
}

/* Target of the first relationship of a type ending in type_suffix, as a
 * package path resolved against dir; NULL when none. */
static char *rel_target(docx *d, const char *rels, const char *type_suffix, const char *dir)
{
	xmlDoc *x = read_xml(d, rels);
	char *out = NULL;
	size_t sl = strlen(type_suffix);
	for (xmlNode *c = x ? xmlDocGetRootElement(x)->children : NULL; c && !out; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "Relationship") != 0)
			continue;
		const char *type = attr(c, "Type"), *target = attr(c, "Target");
		const char *mode = attr(c, "TargetMode");
		if (!type || !target || !*target || (mode && strcmp(mode, "External") == 0))
			continue;
		size_t tl = strlen(type);
		if (tl < sl || strcmp(type + tl - sl, type_suffix) != 0)
			continue;
		out = target[0] == '/' ? xstrdup(target + 1) : xasprintf("%s%s", dir, target);
	}
	if (x)
		xmlFreeDoc(x);
	return out;
}

/* ---- styles ---- */

static void read_styles(docx *d, const char *name)
{
	xmlDoc *x = read_xml(d, name);
	if (!x)
		return;
	size_t cap = 0;
	for (xmlNode *c = xmlDocGetRootElement(x)->children; c; c = c->next) {
		if (!is_w(c, "style"))
			continue;
		const char *id = attr(c, "styleId");
		if (!id)
			continue;
		if (d->nstyles == cap) {
			cap = cap ? cap * 2 : 64;
			d->styles = xrealloc(d->styles, cap * sizeof *d->styles);
		}
		pstyle *s = &d->styles[d->nstyles++];
		const xmlNode *ppr = child(c, "pPr"), *numpr = child(ppr, "numPr");
		const char *nm = child_val(c, "name"), *based = child_val(c, "basedOn");
		s->id = xstrdup(id);
		s->name = xstrdup(nm ? nm : "");
		s->based_on = based ? xstrdup(based) : NULL;
		s->num_id = numpr ? to_long(child_val(numpr, "numId"), -1) : -1;
		s->ilvl = numpr ? (int)to_long(child_val(numpr, "ilvl"), -1) : -1;
		s->outline = (int)to_long(child_val(ppr, "outlineLvl"), -1);
	}
	xmlFreeDoc(x);
}

static const pstyle *find_style(const docx *d, const char *id)
{
	for (size_t i = 0; id && i < d->nstyles; i++)
		if (strcmp(d->styles[i].id, id) == 0)
			return &d->styles[i];
	return NULL;
}

/* Heading level of a style: its name "heading N", its id "HeadingN" or its
 * outline level; following basedOn a few steps. */
static int style_heading(const docx *d, const char *id)
{
	const pstyle *s = find_style(d, id);
	for (int hops = 0; s && hops < 8; hops++) {
		const char *nm = s->name;
		if (strncasecmp(nm, "heading ", 8) == 0 && nm[8] >= '1' && nm[8] <= '9' && !nm[9])
			return nm[8] - '0';
		if (strncasecmp(s->id, "Heading", 7) == 0 && s->id[7] >= '1' && s->id[7] <= '9' &&
		    !s->id[8])
			return s->id[7] - '0';
		if (s->outline >= 0 && s->outline <= 8)
			return s->outline + 1;
		s = find_style(d, s->based_on);
	}
	if (id && strncasecmp(id, "Heading", 7) == 0 && id[7] >= '1' && id[7] <= '9' && !id[8])
		return id[7] - '0';
	return 0;
}

static bool style_is_title(const docx *d, const char *id)
{
	const pstyle *s = find_style(d, id);
	const char *nm = s ? s->name : id;
	return nm && (strcasecmp(nm, "Title") == 0 || strcasecmp(nm, "Subtitle") == 0);
}

/* Numbering a paragraph style carries (lists defined through styles). */
static void style_numbering(const docx *d, const char *id, long *num_id, int *ilvl)
{
	const pstyle *s = find_style(d, id);
	for (int hops = 0; s && hops < 8; hops++) {
		if (s->num_id >= 0) {
			*num_id = s->num_id;
			if (*ilvl < 0)
				*ilvl = s->ilvl;
			return;
		}
		s = find_style(d, s->based_on);
	}
}

/* ---- numbering ---- */

static void read_level(numlvl *l, const xmlNode *lvl)
{
	const char *fmt = child_val(lvl, "numFmt"), *text = child_val(lvl, "lvlText");
	const char *ps = child_val(lvl, "pStyle");
	snprintf(l->fmt, sizeof l->fmt, "%s", fmt ? fmt : "decimal");
	free(l->text);
	free(l->pstyle);
	l->text = xstrdup(text ? text : "");
	l->pstyle = ps ? xstrdup(ps) : NULL;
	long start = to_long(child_val(lvl, "start"), 1);
	l->start = start < 0 || start > 100000 ? 1 : (int)start;
	l->legal = flag_on(child(lvl, "isLgl"));
}

static void read_numbering(docx *d, const char *name)
{
	xmlDoc *x = read_xml(d, name);
	if (!x)
		return;
	size_t acap = 0, ncap = 0;
	for (xmlNode *c = xmlDocGetRootElement(x)->children; c; c = c->next) {
		if (is_w(c, "abstractNum")) {
			if (d->nabs == acap) {
				acap = acap ? acap * 2 : 16;
				d->abs = xrealloc(d->abs, acap * sizeof *d->abs);
			}
			absnum *a = &d->abs[d->nabs++];
			memset(a, 0, sizeof *a);
			a->id = to_long(attr(c, "abstractNumId"), -1);
			const char *link = child_val(c, "numStyleLink");
			a->style_link = link ? xstrdup(link) : NULL;
			for (int k = 0; k < 9; k++) {
				snprintf(a->lvl[k].fmt, sizeof a->lvl[k].fmt, "decimal");
				a->lvl[k].start = 1;
			}
			for (xmlNode *l = c->children; l; l = l->next) {
				long k = is_w(l, "lvl") ? to_long(attr(l, "ilvl"), -1) : -1;
				if (k >= 0 && k < 9)
					read_level(&a->lvl[k], l);
			}
		} else if (is_w(c, "num")) {
			if (d->nnums == ncap) {
				ncap = ncap ? ncap * 2 : 16;
				d->nums = xrealloc(d->nums, ncap * sizeof *d->nums);
			}
			num *n = &d->nums[d->nnums++];
			memset(n, 0, sizeof *n);
			n->id = to_long(attr(c, "numId"), -1);
			n->abs_id = to_long(child_val(c, "abstractNumId"), -1);
			for (xmlNode *o = c->children; o; o = o->next) {
				long k = is_w(o, "lvlOverride") ? to_long(attr(o, "ilvl"), -1) : -1;
				long v = k >= 0 && k < 9 ? to_long(child_val(o, "startOverride"), -1) : -1;
				if (v >= 0 && v <= 100000)
					n->start_override[k] = (int)v + 1;
			}
		}
	}
	xmlFreeDoc(x);
}

static num *find_num(docx *d, long id)
{
	for (size_t i = 0; i < d->nnums; i++)
		if (d->nums[i].id == id)
			return &d->nums[i];
	return NULL;
}

static absnum *find_abs(docx *d, long id, int hops)
{
	for (size_t i = 0; i < d->nabs; i++) {
		absnum *a = &d->abs[i];
		if (a->id != id)
			continue;
		if (a->style_link && hops < 4) {
			/* the list is defined by a numbering style pointing at another w:num */
			long nid = -1;
			int ilvl = -1;
			style_numbering(d, a->style_link, &nid, &ilvl);
			num *n = nid >= 0 ? find_num(d, nid) : NULL;
			absnum *b = n && n->abs_id != id ? find_abs(d, n->abs_id, hops + 1) : NULL;
			if (b)
				return b;
		}
		return a;
	}
	return NULL;
}

static void put_roman(buf *b, int v, bool upper)
{
	static const struct {
		int v;
		const char *s;
	} t[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
		 {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},   {1, "i"}};
	if (v <= 0 || v > 3999) {
		buf_printf(b, "%d", v);
		return;
	}
	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		for (; v >= t[i].v; v -= t[i].v)
			for (const char *p = t[i].s; *p; p++)
				buf_putc(b, upper ? (char)(*p - 'a' + 'A') : *p);
}

/* A number in a Word format; Word's letters run a … z, aa … zz, aaa … */
static void put_number(buf *b, const char *fmt, int v)
{
	if (strcmp(fmt, "upperRoman") == 0 || strcmp(fmt, "lowerRoman") == 0) {
		put_roman(b, v, fmt[0] == 'u');
	} else if ((strcmp(fmt, "upperLetter") == 0 || strcmp(fmt, "lowerLetter") == 0) && v > 0) {
		char c = (char)((fmt[0] == 'u' ? 'A' : 'a') + (v - 1) % 26);
		for (int k = 0; k <= (v - 1) / 26 && k < 8; k++)
			buf_putc(b, c);
	} else if (strcmp(fmt, "decimalZero") == 0) {
		buf_printf(b, "%02d", v);
	} else if (strcmp(fmt, "none") != 0 && strcmp(fmt, "bullet") != 0) {
		buf_printf(b, "%d", v); /* decimal and formats without a better rendering */
	}
}

/* Word's bullet glyphs live in symbol fonts (U+F0B7 in Symbol is •); show
 * the common ones as the Unicode character a reader sees. */
static void put_bullet(buf *b, const char *glyph)
{
	const unsigned char *g = (const unsigned char *)glyph;
	bool plain = g[0] && !g[1] && strchr("-+*", g[0]);
	if (plain) {
		buf_putc(b, (char)g[0]);
	} else if (g[0] == 'o' && !g[1]) {
		buf_puts(b, "◦");
	} else if (g[0] == 0xE2 && strlen(glyph) == 3) {
		buf_puts(b, glyph); /* –, •, ▪, ➢ … already Unicode */
	} else {
		buf_puts(b, "•");
	}
}

/* The label Word shows for a paragraph of list (num_id, ilvl), advancing
 * the list's counters; NULL for no numbering. */
static char *render_number(docx *d, long num_id, int ilvl, int *key)
{
	num *n = num_id > 0 ? find_num(d, num_id) : NULL;
	absnum *a = n ? find_abs(d, n->abs_id, 0) : NULL;
	if (!a)
		return NULL;
	if (ilvl < 0 || ilvl > 8)
		ilvl = 0;
	if (!n->applied) {
		n->applied = true;
		for (int k = 0; k < 9; k++)
			if (n->start_override[k]) {
				a->count[k] = n->start_override[k] - 2;
				a->set[k] = true;
			}
	}
	const numlvl *l = &a->lvl[ilvl];
	if (!a->set[ilvl]) {
		a->count[ilvl] = l->start - 1;
		a->set[ilvl] = true;
	}
	if (a->count[ilvl] < 1000000)
		a->count[ilvl]++;
	for (int k = ilvl + 1; k < 9; k++)
		a->set[k] = false; /* deeper levels restart */
	*key = (int)(a - d->abs) * 16 + ilvl;
	buf b = BUF_INIT;
	const char *text = l->text ? l->text : ""; /* a level the list never defined */
	if (strcmp(l->fmt, "bullet") == 0) {
		put_bullet(&b, text);
	} else {
		for (const char *p = text; *p; p++) {
			if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
				int k = p[1] - '1';
				int v = a->set[k] ? a->count[k] : a->lvl[k].start;
				put_number(&b, l->legal ? "decimal" : a->lvl[k].fmt, v);
				p++;
			} else {
				buf_putc(&b, *p);
			}
		}
	}
	char *s = buf_detach(&b);
	if (!*s) {
		free(s);
		return NULL;
	}
	return s;
}

/* ---- document.xml ---- */

struct pstate {
	buf text;
	const char *style;
	long num_id; /* -1: none given in the paragraph */
	int ilvl;
	int outline;
};

static void put_text_nodes(const xmlNode *t, buf *out)
{
	for (const xmlNode *c = t->children; c; c = c->next)
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
			buf_puts(out, (const char *)c->content);
}

static void run_text(const xmlNode *r, buf *out)
{
	if (flag_on(child(child(r, "rPr"), "vanish")))
		return; /* hidden text */
	for (const xmlNode *c = r->children; c; c = c->next) {
		if (is_w(c, "t"))
			put_text_nodes(c, out);
		else if (is_w(c, "tab") || is_w(c, "ptab") || is_w(c, "br") || is_w(c, "cr"))
			buf_putc(out, ' ');
		else if (is_w(c, "noBreakHyphen"))
			buf_putc(out, '-');
	}
}

static void para_props(const xmlNode *ppr, struct pstate *ps)
{
	ps->style = child_val(ppr, "pStyle");
	const xmlNode *numpr = child(ppr, "numPr");
	if (numpr) {
		ps->num_id = to_long(child_val(numpr, "numId"), -1);
		ps->ilvl = (int)to_long(child_val(numpr, "ilvl"), -1);
	}
	ps->outline = (int)to_long(child_val(ppr, "outlineLvl"), -1);
}

/* Text of a paragraph's runs, through the containers Word wraps them in;
 * deleted and moved-away text (tracked changes) is left out. */
static void collect(const xmlNode *n, struct pstate *ps, int depth)
{
	if (depth > 32)
		return;
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (is_w(c, "pPr") && depth == 0)
			para_props(c, ps);
		else if (is_w(c, "r"))
			run_text(c, &ps->text);
		else if (is_w(c, "hyperlink") || is_w(c, "ins") || is_w(c, "smartTag") ||
			 is_w(c, "customXml") || is_w(c, "fldSimple") || is_w(c, "moveTo") ||
			 is_w(c, "sdt") || is_w(c, "sdtContent"))
			collect(c, ps, depth + 1);
	}
}

static void paragraph(docx *d, const xmlNode *p, bool in_table)
{
	if (d->rc)
		return;
	struct pstate ps = {BUF_INIT, NULL, -1, -1, -1};
	collect(p, &ps, 0);
	if (ps.text.len >= OUTLINE_MAX_PARA_BYTES) {
		buf_free(&ps.text);
		fail(d, E_TOOBIG, "Tệp DOCX có một đoạn dài hơn %d KB; đề cương không có đoạn nào dài như vậy",
		     OUTLINE_MAX_PARA_BYTES >> 10);
		return;
	}
	long num_id = ps.num_id;
	int ilvl = ps.ilvl;
	if (num_id < 0)
		style_numbering(d, ps.style, &num_id, &ilvl);
	else if (ilvl < 0)
		ilvl = 0;
	if (ilvl < 0 && num_id > 0) {
		/* a style-numbered paragraph takes the level tied to its style */
		num *n = find_num(d, num_id);
		absnum *a = n ? find_abs(d, n->abs_id, 0) : NULL;
		for (int k = 0; a && k < 9 && ilvl < 0; k++)
			if (a->lvl[k].pstyle && ps.style && strcmp(a->lvl[k].pstyle, ps.style) == 0)
				ilvl = k;
	}
	int key = -1;
	char *numtext = num_id > 0 ? render_number(d, num_id, ilvl, &key) : NULL;
	char *nfc = para_nfc(buf_cstr(&ps.text), ps.text.len);
	char *text = nfc ? para_clean(nfc, strlen(nfc)) : xstrdup("");
	free(nfc);
	buf_free(&ps.text);
	if (!*text) {
		free(text);
		free(numtext);
		return; /* Word shows a number on an empty paragraph; no item there */
	}
	if (d->paras.n >= OUTLINE_MAX_PARAS) {
		free(text);
		free(numtext);
		fail(d, E_TOOBIG, "Tệp DOCX có quá nhiều đoạn văn (trên %d)", OUTLINE_MAX_PARAS);
		return;
	}
	if (numtext) {
		char *clean = para_nfc(numtext, strlen(numtext));
		free(numtext);
		numtext = clean;
	}
	outline_para *op = para_push(&d->paras, text, numtext);
	op->num_key = key;
	op->heading = style_heading(d, ps.style);
	if (!op->heading && ps.outline >= 0 && ps.outline <= 8)
		op->heading = ps.outline + 1;
	if (style_is_title(d, ps.style))
		op->flags |= PARA_TITLE_STYLE;
	if (in_table)
		op->flags |= PARA_BODY_ONLY;
}

static void block(docx *d, const xmlNode *n, bool in_table, int depth)
{
	if (depth > 64 || d->rc)
		return;
	if (is_w(n, "p")) {
		paragraph(d, n, in_table);
	} else if (is_w(n, "tbl") || is_w(n, "tr") || is_w(n, "tc")) {
		for (const xmlNode *c = n->children; c; c = c->next)
			block(d, c, true, depth + 1);
	} else if (is_w(n, "sdt") || is_w(n, "sdtContent") || is_w(n, "customXml") ||
		   is_w(n, "ins") || is_w(n, "body")) {
		for (const xmlNode *c = n->children; c; c = c->next)
			block(d, c, in_table, depth + 1);
	}
}

/* Streams the body: each top-level block is expanded, read, then freed. */
static int read_document(docx *d, const char *name)
{
	buf xml = BUF_INIT;
	int rc = read_part(d, name, DOCX_MAX_UNPACKED, &xml);
	if (rc == E_NOTFOUND)
		rc = fail(d, E_PARSE, "Tệp không phải tài liệu Word: thiếu phần %s", name);
	if (rc)
		goto out;
	xmlTextReader *r = xmlReaderForMemory(xml.p, (int)xml.len, name, NULL, DOCX_XML_OPTIONS);
	if (!r) {
		rc = fail(d, E_PARSE, "Nội dung %s trong tệp DOCX không đọc được", name);
		goto out;
	}
	int ret = xmlTextReaderRead(r);
	bool root_ok = false;
	while (ret == 1 && d->rc == 0) {
		if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT) {
			ret = xmlTextReaderRead(r);
			continue;
		}
		int depth = xmlTextReaderDepth(r);
		if (depth == 0) {
			const xmlChar *ln = xmlTextReaderConstLocalName(r);
			const xmlChar *ns = xmlTextReaderConstNamespaceUri(r);
			root_ok = ln && ns && strcmp((const char *)ln, "document") == 0 &&
				  (strcmp((const char *)ns, W_NS) == 0 || strcmp((const char *)ns, W_NS_STRICT) == 0);
			if (!root_ok)
				break;
		}
		if (depth == 2) {
			xmlNode *n = xmlTextReaderExpand(r);
			if (!n) {
				ret = -1;
				break;
			}
			block(d, n, false, 0);
			ret = xmlTextReaderNext(r);
			continue;
		}
		ret = xmlTextReaderRead(r);
	}
	xmlFreeTextReader(r);
	if (d->rc)
		rc = d->rc;
	else if (!root_ok)
		rc = fail(d, E_PARSE, "Tệp không phải tài liệu Word: %s không có phần thân văn bản", name);
	else if (ret < 0)
		rc = fail(d, E_PARSE, "Nội dung %s trong tệp DOCX không phải XML hợp lệ", name);
out:
	buf_free(&xml);
	return rc;
}

static void docx_free(docx *d)
{
	for (size_t i = 0; i < d->nabs; i++) {
		for (int k = 0; k < 9; k++) {
			free(d->abs[i].lvl[k].text);
			free(d->abs[i].lvl[k].pstyle);
		}
		free(d->abs[i].style_link);
	}
	free(d->abs);
	free(d->nums);
	for (size_t i = 0; i < d->nstyles; i++) {
		free(d->styles[i].id);
		free(d->styles[i].name);
		free(d->styles[i].based_on);
	}
	free(d->styles);
	para_list_free(&d->paras);
	if (d->z)
		zip_discard(d->z);
}

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init(void)
{
	xmlInitParser();
}

static int open_package(docx *d, const void *data, size_t n)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, n, 0, &ze);
	if (!src) {
		zip_error_fini(&ze);
		return fail(d, E_PARSE, "Tệp DOCX bị hỏng: không đọc được gói ZIP");
	}
	d->z = zip_open_from_source(src, ZIP_RDONLY, &ze);
	if (!d->z) {
		zip_source_free(src);
		int rc = fail(d, E_PARSE, "Tệp DOCX bị hỏng: %s", zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return rc;
	}
	zip_error_fini(&ze);
	zip_int64_t entries = zip_get_num_entries(d->z, 0);
	if (entries < 0 || entries > DOCX_MAX_ENTRIES)
		return fail(d, E_TOOBIG, "Tệp DOCX có quá nhiều thành phần (trên %d)", DOCX_MAX_ENTRIES);
	return 0;
}

int outline_parse_docx(const void *data, size_t n, outline_doc *out, err *e)
{
	memset(out, 0, sizeof *out);
	if (n > OUTLINE_MAX_INPUT)
		return err_set(e, E_TOOBIG, "Tệp DOCX quá lớn (%zu MB; tối đa %zu MB)", n >> 20,
			       OUTLINE_MAX_INPUT >> 20);
	if (!data || !outline_is_zip(data, n))
		return err_set(e, E_PARSE, "Tệp không phải DOCX hợp lệ (không phải gói ZIP của Word)");
	pthread_once(&xml_once, xml_init);
	docx d = {0};
	d.e = e;
	d.budget = DOCX_MAX_UNPACKED;
	char *main_part = NULL, *dir = NULL, *styles = NULL, *numbering = NULL, *rels = NULL;
	int rc = open_package(&d, data, n);
	if (rc)
		goto out;
	main_part = rel_target(&d, "_rels/.rels", "/officeDocument", "");
	if (d.rc)
		goto out;
	if (!main_part)
		main_part = xstrdup("word/document.xml");
	const char *slash = strrchr(main_part, '/');
	dir = xstrndup(main_part, slash ? (size_t)(slash - main_part + 1) : 0);
	rels = xasprintf("%s_rels/%s.rels", dir, slash ? slash + 1 : main_part);
	styles = rel_target(&d, rels, "/styles", dir);
	numbering = rel_target(&d, rels, "/numbering", dir);
	if (d.rc)
		goto out;
	char *dflt_styles = xasprintf("%sstyles.xml", dir), *dflt_num = xasprintf("%snumbering.xml", dir);
	read_styles(&d, styles ? styles : dflt_styles);
	if (!d.rc)
		read_numbering(&d, numbering ? numbering : dflt_num);
	free(dflt_styles);
	free(dflt_num);
	if (!d.rc)
		read_document(&d, main_part);
	if (d.rc)
		goto out;
	rc = outline_build(&d.paras, out, e);
out:
	if (d.rc)
		rc = d.rc;
	free(main_part);
	free(dir);
	free(rels);
	free(styles);
	free(numbering);
	docx_free(&d);
	return rc;
}
