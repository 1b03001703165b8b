/*
 * xlsx_part.c — reading the parts of an XLSX package: a zip entry
 * streamed into libxml2's reader under the package's byte budget, the
 * relationships between parts, and part names.
 */
#include <stdlib.h>
#include <string.h>

#include "io/xlsx_int.h"

/* No network, no DTD loading, no entity substitution; errors are ours to
 * report, not libxml2's to print. */
#define XML_OPTS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

/* ---- messages ---- */

int xlsx_broken(xlsx *x)
{
	return err_set(x->e, E_PARSE,
		       "Tệp XLSX bị hỏng hoặc không phải tệp Excel hợp lệ. Hãy mở bằng Excel và "
		       "lưu lại dưới dạng .xlsx.");
}

int xlsx_too_big(xlsx *x)
{
	return err_set(x->e, E_TOOBIG,
		       "Tệp XLSX quá lớn khi giải nén (giới hạn %u MB dữ liệu).", TABLE_MAX_XML >> 20);
}

int xlsx_encrypted(xlsx *x)
{
	return err_set(x->e, E_MEDIA,
		       "Tệp được đặt mật khẩu. Hãy gỡ mật khẩu rồi lưu lại dưới dạng .xlsx hoặc .csv.");
}

/* ---- reading one part ---- */

static int part_read(void *ctx, char *out, int len)
{
	xml_in *in = ctx;
	zip_int64_t got = zip_fread(in->f, out, (zip_uint64_t)len);
	if (got < 0) {
		in->failed = E_PARSE;
		return -1;
	}
	if ((zip_uint64_t)got > in->x->budget) {
		in->failed = E_TOOBIG;
		return -1;
	}
	in->x->budget -= (size_t)got;
	return (int)got;
}

static int part_close(void *ctx)
{
	return 0; /* the zip entry is closed by xlsx_part_close */
}

static int open_failure(xlsx *x)
{
	int ze = zip_error_code_zip(zip_get_error(x->za));
	if (ze == ZIP_ER_NOPASSWD || ze == ZIP_ER_WRONGPASSWD || ze == ZIP_ER_ENCRNOTSUPP)
		return xlsx_encrypted(x);
	if (ze == ZIP_ER_COMPNOTSUPP)
		return err_set(x->e, E_MEDIA,
			       "Tệp XLSX được nén theo cách chưa hỗ trợ. Hãy mở bằng Excel và lưu lại "
			       "dưới dạng .xlsx.");
	return xlsx_broken(x);
}

/* Opens part `name` for streaming. E_NOTFOUND (no message) when the
 * archive has no such part; other errors come with a message. */
int xlsx_part_open(xlsx *x, const char *name, const char *what, xml_in *in)
{
	memset(in, 0, sizeof *in);
	in->x = x;
	in->what = what;
	zip_int64_t idx = zip_name_locate(x->za, name, ZIP_FL_NOCASE);
	if (idx < 0)
		return E_NOTFOUND;
	zip_stat_t st;
	if (zip_stat_index(x->za, (zip_uint64_t)idx, 0, &st) != 0)
		return xlsx_broken(x);
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
		return xlsx_encrypted(x);
	if ((st.valid & ZIP_STAT_SIZE) && st.size > x->budget)
		return xlsx_too_big(x);
	in->f = zip_fopen_index(x->za, (zip_uint64_t)idx, 0);
	if (!in->f)
		return open_failure(x);
	in->rd = xmlReaderForIO(part_read, part_close, in, name, NULL, XML_OPTS);
	if (!in->rd) {
		zip_fclose(in->f);
		in->f = NULL;
		return in->failed == E_TOOBIG ? xlsx_too_big(x) : xlsx_broken(x);
	}
	return 0;
}

void xlsx_part_close(xml_in *in)
{
	if (in->rd)
		xmlFreeTextReader(in->rd);
	if (in->f)
		zip_fclose(in->f);
	in->rd = NULL;
	in->f = NULL;
}

/* Advances to the next node: 1 on a node, 0 at the end, or a negative
 * E_* with a message. */
int xlsx_part_next(xml_in *in)
{
	int r = xmlTextReaderRead(in->rd);
	if (r == 1) {
		in->type = xmlTextReaderNodeType(in->rd);
		in->name = (const char *)xmlTextReaderConstLocalName(in->rd);
		in->name = in->name ? in->name : "";
		in->empty = in->type == XML_READER_TYPE_ELEMENT &&
			    xmlTextReaderIsEmptyElement(in->rd) == 1;
	}
	if (r == 1 && in->type == XML_READER_TYPE_DOCUMENT_TYPE)
		return err_set(in->x->e, E_PARSE,
			       "Tệp XLSX có %s chứa khai báo DTD, không được phép.", in->what);
	if (r >= 0)
		return r;
	if (in->failed == E_TOOBIG)
		return xlsx_too_big(in->x);
	return err_set(in->x->e, E_PARSE,
		       "Tệp XLSX bị hỏng: không đọc được %s. Hãy mở bằng Excel và lưu lại.",
		       in->what);
}

/* Value of the current element's attribute `local` (malloc'd), ignoring
 * its prefix; with want_ns, only a namespaced one (r:id, not id). */
char *xlsx_attr(xmlTextReaderPtr rd, const char *local, bool want_ns)
{
	char *v = NULL;
	for (int ok = xmlTextReaderMoveToFirstAttribute(rd); ok == 1 && !v;
	     ok = xmlTextReaderMoveToNextAttribute(rd)) {
		const char *name = (const char *)xmlTextReaderConstLocalName(rd);
		const xmlChar *ns = xmlTextReaderConstNamespaceUri(rd);
		if (name && strcmp(name, local) == 0 && (!want_ns || ns))
			v = (char *)xmlTextReaderValue(rd);
	}
	xmlTextReaderMoveToElement(rd);
	return v;
}

/* Copies the value at the reader's attribute into dst without allocating;
 * a value too long for dst (cap ≥ 2) becomes "\x01", which no caller
 * accepts. */
static void copy_value(xmlTextReaderPtr rd, char *dst, size_t cap)
{
	const char *v = (const char *)xmlTextReaderConstValue(rd);
	size_t n = v ? strlen(v) : 0;
	if (n < cap)
		memcpy(dst, v ? v : "", n + 1);
	else
		memcpy(dst, "\x01", 2);
}

/* Copies the short attributes named in `names` (one letter each, e.g.
 * "rts") into vals[i] (16 bytes each, "" when absent), in one pass and
 * without allocating: a sheet has millions of cells. */
void xlsx_attrs_short(xmlTextReaderPtr rd, const char *names, char (*vals)[16])
{
	size_t n = strlen(names);
	for (size_t i = 0; i < n; i++)
		vals[i][0] = '\0';
	for (int ok = xmlTextReaderMoveToFirstAttribute(rd); ok == 1;
	     ok = xmlTextReaderMoveToNextAttribute(rd)) {
		const char *name = (const char *)xmlTextReaderConstLocalName(rd);
		const char *hit = name && name[0] && !name[1] ? strchr(names, name[0]) : NULL;
		if (hit)
			copy_value(rd, vals[hit - names], sizeof vals[0]);
	}
	xmlTextReaderMoveToElement(rd);
}

/* Parses a whole unsigned decimal attribute value. */
bool xlsx_parse_index(const char *s, size_t *out)
{
	size_t v = 0;
	if (!s || !*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > 100000000)
			return false;
		v = v * 10 + (size_t)(*s - '0');
	}
	*out = v;
	return true;
}

/* ---- relationships and part names ---- */

void xlsx_rels_free(rels *r)
{
	for (size_t i = 0; i < r->n; i++) {
		xmlFree(r->v[i].id);
		xmlFree(r->v[i].type);
		xmlFree(r->v[i].target);
	}
	free(r->v);
	memset(r, 0, sizeof *r);
}

/* Reads a .rels part; external targets (hyperlinks) are skipped.
 * E_NOTFOUND (no message) when the part is absent. */
int xlsx_rels_read(xlsx *x, const char *name, rels *out)
{
	xml_in in;
	int rc = xlsx_part_open(x, name, "phần liên kết", &in);
	if (rc)
		return rc;
	while ((rc = xlsx_part_next(&in)) == 1) {
		if (!is_start(&in, "Relationship"))
			continue;
		char *mode = xlsx_attr(in.rd, "TargetMode", false);
		rel r = {xlsx_attr(in.rd, "Id", false), xlsx_attr(in.rd, "Type", false),
			 xlsx_attr(in.rd, "Target", false)};
		bool external = mode && strcmp(mode, "External") == 0;
		xmlFree(mode);
		if (external || !r.id || !r.type || !r.target) {
			xmlFree(r.id);
			xmlFree(r.type);
			xmlFree(r.target);
			continue;
		}
		if (out->n == out->cap) {
			out->cap = out->cap ? out->cap * 2 : 8;
			out->v = xrealloc(out->v, out->cap * sizeof *out->v);
		}
		out->v[out->n++] = r;
	}
	xlsx_part_close(&in);
	return rc;
}

/* The relationship whose type ends in "/suffix" (the namespace part of
 * the type differs between transitional and strict OOXML). */
const rel *xlsx_rels_by_type(const rels *r, const char *suffix)
{
	size_t k = strlen(suffix);
	for (size_t i = 0; i < r->n; i++) {
		size_t n = strlen(r->v[i].type);
		if (n > k && r->v[i].type[n - k - 1] == '/' && strcmp(r->v[i].type + n - k, suffix) == 0)
			return &r->v[i];
	}
	return NULL;
}

const rel *xlsx_rels_by_id(const rels *r, const char *id)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->v[i].id, id) == 0)
			return &r->v[i];
	return NULL;
}

/* Resolves a relationship target against the folder of the part that
 * names it ("/x" starts at the package root) and folds "." and "..";
 * the result has no leading '/', as zip entry names have none. */
char *xlsx_part_path(const char *source, const char *target)
{
	buf joined = BUF_INIT, out = BUF_INIT;
	if (target[0] == '/') {
		buf_puts(&joined, target);
	} else {
		const char *slash = strrchr(source, '/');
		buf_putc(&joined, '/');
		if (slash)
			buf_put(&joined, source, (size_t)(slash - source + 1));
		buf_puts(&joined, target);
	}
	const char *p = buf_cstr(&joined);
	while (*p) {
		while (*p == '/')
			p++;
		size_t k = strcspn(p, "/");
		if (k == 2 && p[0] == '.' && p[1] == '.') {
			char *last = out.len ? strrchr(out.p, '/') : NULL;
			if (last)
				out.len = (size_t)(last - out.p), out.p[out.len] = '\0';
		} else if (k > 0 && !(k == 1 && p[0] == '.')) {
			buf_putc(&out, '/');
			buf_put(&out, p, k);
		}
		p += k;
	}
	buf_free(&joined);
	char *s = xstrdup(out.len ? out.p + 1 : "");
	buf_free(&out);
	return s;
}

/* "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
char *xlsx_rels_name_of(const char *part)
{
	const char *slash = strrchr(part, '/');
	size_t dir = slash ? (size_t)(slash - part + 1) : 0;
	return xasprintf("%.*s_rels/%s.rels", (int)dir, part, part + dir);
}
