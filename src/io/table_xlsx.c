/*
 * table_xlsx.c — the first sheet of an XLSX workbook into cells, with
 * libzip (the archive opened from memory) and libxml2's streaming reader.
 *
 * Parts are found the way the package format says: _rels/.rels names the
 * workbook, the workbook's relationships name its first sheet, the shared
 * strings and the styles. No part is held whole: each streams from
 * zip_fread into the XML reader, and every byte read counts against one
 * 64 MB budget, so a zip bomb stops at the budget whatever its headers
 * claim. XML is parsed without network, DTD loading or entity expansion,
 * and a document carrying a DTD is refused (no OOXML part has one).
 */
#include <locale.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "io/xlsx_int.h"

/* ---- process-wide setup, done once ---- */

static pthread_once_t setup_once = PTHREAD_ONCE_INIT;
static locale_t c_locale;

/* libxml2 must be initialised before threads use it; number rendering
 * needs the C locale whatever the process chose (uselocale is per thread). */
static void setup(void)
{
	xmlInitParser();
	c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
}

/* ---- messages ---- */

static int not_a_workbook(xlsx *x)
{
	return err_set(x->e, E_MEDIA,
		       "Tệp nén này không phải bảng tính Excel (.xlsx). Hãy lưu lại dưới dạng .xlsx "
		       "hoặc .csv.");
}

/* "B3" for 0-based (row 2, col 1). */
static void cell_name(size_t row, size_t col, char out[16])
{
	char letters[4];
	int k = 0;
	col++;
	while (col > 0 && k < 3) {
		letters[k++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	int j = 0;
	while (k > 0)
		out[j++] = letters[--k];
	snprintf(out + j, (size_t)(16 - j), "%zu", row + 1);
}

/* ---- workbook ---- */

/* Reads the workbook: its date system and the relationship id of its
 * first sheet (*rid, malloc'd). A package whose main part is not a
 * workbook (a Word or PowerPoint file) is refused as not a spreadsheet. */
static int workbook_read(xlsx *x, const char *name, char **rid)
{
	xml_in in;
	int rc = xlsx_part_open(x, name, "phần sổ làm việc", &in);
	if (rc == E_NOTFOUND)
		return not_a_workbook(x);
	if (rc)
		return rc;
	bool root = true;
	while ((rc = xlsx_part_next(&in)) == 1) {
		if (in.type != XML_READER_TYPE_ELEMENT)
			continue;
		if (root && !is_start(&in, "workbook")) {
			rc = not_a_workbook(x);
			break;
		}
		root = false;
		if (is_start(&in, "workbookPr")) {
			char *v = xlsx_attr(in.rd, "date1904", false);
			x->date1904 = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
			xmlFree(v);
		} else if (is_start(&in, "sheet") && !*rid) {
			*rid = xlsx_attr(in.rd, "id", true);
		}
	}
	xlsx_part_close(&in);
	if (rc == 0 && !*rid)
		rc = err_set(x->e, E_INVAL, "Tệp XLSX không có trang tính nào.");
	return rc;
}

/* ---- styles: which cell formats are dates ---- */

typedef struct num_fmt {
	size_t id;
	unsigned char kind;
} num_fmt;

static enum xf_kind kind_of(size_t id, const num_fmt *fmts, size_t n_fmts)
{
	for (size_t i = n_fmts; i-- > 0;)
		if (fmts[i].id == id)
			return (enum xf_kind)fmts[i].kind;
	return id <= 1000 ? xlsx_builtin_kind((unsigned)id) : XF_PLAIN;
}

/* Collects the custom number formats and the numFmtId of every cellXfs
 * entry (cellStyleXfs also holds <xf> elements; they are not what the
 * cells' s attribute indexes). */
static int styles_scan(xml_in *in, num_fmt **fmts, size_t *n_fmts, size_t **xf_ids, size_t *n_xf)
{
	size_t cap_f = 0, cap_x = 0;
	bool in_xfs = false;
	int rc;
	while ((rc = xlsx_part_next(in)) == 1) {
		xmlTextReaderPtr rd = in->rd;
		if (is_open(in, "cellXfs"))
			in_xfs = true;
		else if (is_end(in, "cellXfs"))
			in_xfs = false;
		else if (is_start(in, "numFmt")) {
			char *id = xlsx_attr(rd, "numFmtId", false), *code = xlsx_attr(rd, "formatCode", false);
			size_t v;
			if (xlsx_parse_index(id, &v) && code) {
				if (*n_fmts == cap_f) {
					cap_f = cap_f ? cap_f * 2 : 16;
					*fmts = xrealloc(*fmts, cap_f * sizeof **fmts);
				}
				(*fmts)[(*n_fmts)++] = (num_fmt){v, (unsigned char)xlsx_format_kind(code)};
			}
			xmlFree(id);
			xmlFree(code);
		} else if (in_xfs && is_start(in, "xf")) {
			char *id = xlsx_attr(rd, "numFmtId", false);
			size_t v = 0;
			if (!xlsx_parse_index(id, &v))
				v = 0;
			xmlFree(id);
			if (*n_xf == cap_x) {
				cap_x = cap_x ? cap_x * 2 : 64;
				*xf_ids = xrealloc(*xf_ids, cap_x * sizeof **xf_ids);
			}
			(*xf_ids)[(*n_xf)++] = v;
		}
	}
	return rc;
}

static int styles_read(xlsx *x, const char *name)
{
	xml_in in;
	int rc = xlsx_part_open(x, name, "phần kiểu định dạng", &in);
	if (rc == E_NOTFOUND)
		return 0; /* no styles: every number is plain */
	if (rc)
		return rc;
	num_fmt *fmts = NULL;
	size_t n_fmts = 0, *xf_ids = NULL, n_xf = 0;
	rc = styles_scan(&in, &fmts, &n_fmts, &xf_ids, &n_xf);
	if (rc)
		goto out;
	x->xf_kind = xmalloc(n_xf);
	x->n_xf = n_xf;
	for (size_t i = 0; i < n_xf; i++)
		x->xf_kind[i] = (unsigned char)kind_of(xf_ids[i], fmts, n_fmts);
out:
	xlsx_part_close(&in);
	free(fmts);
	free(xf_ids);
	return rc;
}

/* ---- text of string cells ---- */

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* OOXML strings carry characters XML cannot hold as _xHHHH_ (Excel writes
 * a CR as _x000D_), and a literal "_x" as _x005F_x. Surrogates and NUL
 * cannot stand alone in UTF-8 and are dropped. */
static void decode_escapes(buf *out, const char *s, size_t n)
{
	buf_reset(out);
	size_t start = 0;
	for (size_t i = 0; i + 7 <= n; i++) {
		if (s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_')
			continue;
		int h[4] = {hexval(s[i + 2]), hexval(s[i + 3]), hexval(s[i + 4]), hexval(s[i + 5])};
		if (h[0] < 0 || h[1] < 0 || h[2] < 0 || h[3] < 0)
			continue;
		uint32_t cp = (uint32_t)(h[0] << 12 | h[1] << 8 | h[2] << 4 | h[3]);
		buf_put(out, s + start, i - start);
		if (cp != 0 && (cp < 0xD800 || cp > 0xDFFF))
			table_put_utf8(out, cp);
		i += 6;
		start = i + 1;
	}
	buf_put(out, s + start, n - start);
}

/* Cleans a string value into the builder; escapes decoded first. */
static int string_text(xlsx *x, buf *scratch, const buf *raw, uint32_t *off)
{
	const char *s = buf_cstr((buf *)raw);
	size_t n = raw->len;
	if (memchr(s, '_', n)) {
		decode_escapes(scratch, s, n);
		s = buf_cstr(scratch);
		n = scratch->len;
	}
	return tb_text(&x->b, s, n, off, x->e);
}

/* ---- shared strings ---- */

static void sst_push(xlsx *x, uint32_t off)
{
	if (x->n_sst == x->cap_sst) {
		x->cap_sst = x->cap_sst ? x->cap_sst * 2 : 256;
		x->sst = xrealloc(x->sst, x->cap_sst * sizeof *x->sst);
	}
	x->sst[x->n_sst++] = off;
}

/* Each <si> is plain <t> or rich-text runs <r><t>, concatenated; the
 * phonetic guides (<rPh>) of East Asian text are not part of the value. */
static int sst_read(xlsx *x, const char *name)
{
	xml_in in;
	int rc = xlsx_part_open(x, name, "phần chuỗi dùng chung", &in);
	if (rc == E_NOTFOUND)
		return 0;
	if (rc)
		return rc;
	x->have_sst = true;
	buf text = BUF_INIT, scratch = BUF_INIT;
	bool in_si = false, in_t = false, in_rph = false;
	while ((rc = xlsx_part_next(&in)) == 1) {
		xmlTextReaderPtr rd = in.rd;
		if (is_start(&in, "si")) {
			buf_reset(&text);
			in_si = !in.empty;
			if (!in_si)
				sst_push(x, 0);
		} else if (in_si && is_end(&in, "si")) {
			uint32_t off;
			rc = string_text(x, &scratch, &text, &off);
			if (rc == E_PARSE)
				rc = err_set(x->e, E_PARSE, "Tệp XLSX có chuỗi ký tự không hợp lệ.");
			if (rc)
				break;
			sst_push(x, off);
			in_si = in_t = in_rph = false;
		} else if (in_si && is_open(&in, "rPh")) {
			in_rph = true;
		} else if (in_si && is_end(&in, "rPh")) {
			in_rph = false;
		} else if (in_si && is_open(&in, "t")) {
			in_t = true;
		} else if (in_si && is_end(&in, "t")) {
			in_t = false;
		} else if (in_t && !in_rph && is_text(&in)) {
			buf_puts(&text, (const char *)xmlTextReaderConstValue(rd));
		}
	}
	xlsx_part_close(&in);
	buf_free(&text);
	buf_free(&scratch);
	return rc;
}

/* ---- the sheet ---- */

enum cell_type { T_NUM, T_SHARED, T_STR, T_INLINE, T_BOOL, T_ERROR, T_DATE };

typedef struct sheet {
	size_t next_row;        /* 0-based row a <row> without r= would be */
	size_t row, col;        /* position of the open cell */
	size_t next_col;
	bool in_data, in_cell, in_v, in_is, in_t, in_rph;
	enum cell_type type;
	size_t style;
	buf val, scratch;
} sheet;

/* "B3" → (row 2, col 1). Columns A..XFD, rows 1..1048576. */
static bool parse_ref(const char *s, size_t *row, size_t *col)
{
	size_t c = 0, r = 0, k = 0;
	for (; (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z'); s++, k++) {
		if (k == 3)
			return false;
		c = c * 26 + (size_t)((*s | 0x20) - 'a' + 1);
	}
	if (k == 0 || c > TABLE_MAX_COLS || !*s)
		return false;
	for (k = 0; *s >= '0' && *s <= '9'; s++, k++) {
		if (k == 7)
			return false;
		r = r * 10 + (size_t)(*s - '0');
	}
	if (*s || r == 0 || r > TABLE_MAX_ROWS)
		return false;
	*row = r - 1;
	*col = c - 1;
	return true;
}

static enum cell_type type_of(const char *t)
{
	static const struct {
		const char *name;
		enum cell_type type;
	} types[] = {{"s", T_SHARED}, {"str", T_STR}, {"inlineStr", T_INLINE}, {"b", T_BOOL},
		     {"e", T_ERROR}, {"d", T_DATE}};
	for (size_t i = 0; t && i < sizeof types / sizeof types[0]; i++)
		if (strcmp(t, types[i].name) == 0)
			return types[i].type;
	return T_NUM;
}

static int row_start(xlsx *x, xmlTextReaderPtr rd, sheet *sh)
{
	char r[1][16];
	size_t v = 0;
	xlsx_attrs_short(rd, "r", r);
	if (r[0][0] && (!xlsx_parse_index(r[0], &v) || v == 0 || v > TABLE_MAX_ROWS))
		return err_set(x->e, E_PARSE, "Tệp XLSX có số dòng không hợp lệ (sau dòng %zu).",
			       sh->next_row);
	sh->row = r[0][0] ? v - 1 : sh->next_row;
	sh->next_row = sh->row + 1;
	sh->next_col = 0;
	return 0;
}

/* Reads r, t and s of a <c>; a cell without r follows the previous one. */
static int cell_start(xlsx *x, xmlTextReaderPtr rd, sheet *sh)
{
	char a[3][16]; /* r, t, s */
	xlsx_attrs_short(rd, "rts", a);
	size_t row = sh->row, col = sh->next_col;
	if (a[0][0] && !parse_ref(a[0], &row, &col))
		return err_set(x->e, E_PARSE, "Dòng %zu: ô có địa chỉ không hợp lệ.", sh->row + 1);
	if (col >= TABLE_MAX_COLS)
		return err_set(x->e, E_TOOBIG, "Dòng %zu: có quá 16.384 cột.", row + 1);
	sh->row = row;
	sh->col = col;
	sh->next_col = col + 1;
	sh->type = type_of(a[1]);
	if (!xlsx_parse_index(a[2], &sh->style))
		sh->style = SIZE_MAX;
	buf_reset(&sh->val);
	return 0;
}

static enum xf_kind style_kind(const xlsx *x, size_t style)
{
	return style < x->n_xf ? (enum xf_kind)x->xf_kind[style] : XF_PLAIN;
}

/* The text a cell shows, by its type; *off 0 for an empty cell. */
static int cell_text(xlsx *x, sheet *sh, uint32_t *off)
{
	const char *v = buf_cstr(&sh->val);
	char num[64];
	size_t i;
	*off = 0;
	switch (sh->type) {
	case T_SHARED:
		if (!xlsx_parse_index(v, &i) || i >= x->n_sst)
			return E_NOTFOUND;
		*off = x->sst[i];
		return 0;
	case T_STR:
	case T_INLINE:
		return string_text(x, &sh->scratch, &sh->val, off);
	case T_BOOL:
		if (strcmp(v, "0") == 0 || strcmp(v, "1") == 0)
			v = v[0] == '1' ? "TRUE" : "FALSE";
		return tb_text(&x->b, v, strlen(v), off, x->e);
	case T_DATE: /* ISO 8601 already; a midnight time part adds nothing */
		if (sh->val.len > 10 && v[10] == 'T' && strspn(v + 11, "0:.Z") == sh->val.len - 11)
			sh->val.len = 10;
		return tb_text(&x->b, v, sh->val.len, off, x->e);
	case T_ERROR:
		return tb_text(&x->b, v, sh->val.len, off, x->e);
	case T_NUM:
		if (sh->val.len && sh->val.len < 64 &&
		    xlsx_render_number(v, style_kind(x, sh->style), x->date1904, num, sizeof num))
			v = num;
		return tb_text(&x->b, v, strlen(v), off, x->e);
	}
	return 0;
}

static int cell_end(xlsx *x, sheet *sh)
{
	uint32_t off;
	char name[16];
	int rc = cell_text(x, sh, &off);
	if (rc == 0)
		return tb_put(&x->b, sh->row, sh->col, off, x->e);
	cell_name(sh->row, sh->col, name);
	if (rc == E_NOTFOUND)
		return err_set(x->e, E_PARSE,
			       "Dòng %zu, ô %s: tham chiếu tới chuỗi dùng chung không tồn tại%s.",
			       sh->row + 1, name,
			       x->have_sst ? "" : " (tệp thiếu phần chuỗi dùng chung)");
	if (rc == E_PARSE)
		return err_set(x->e, E_PARSE, "Dòng %zu, ô %s: chứa ký tự không hợp lệ.",
			       sh->row + 1, name);
	return rc;
}

/* One node of <sheetData>: rows, cells, and the text of <v> and of
 * <is><t> (not of <f>, the formula, nor of phonetic runs). */
static int sheet_node(xlsx *x, xml_in *in, sheet *sh)
{
	if (is_start(in, "row"))
		return row_start(x, in->rd, sh);
	if (is_start(in, "c")) {
		int rc = cell_start(x, in->rd, sh);
		sh->in_cell = rc == 0 && !in->empty;
		sh->in_v = sh->in_is = sh->in_t = sh->in_rph = false;
		return rc;
	}
	if (!sh->in_cell)
		return 0;
	if (is_end(in, "c")) {
		sh->in_cell = false;
		return cell_end(x, sh);
	}
	if (is_open(in, "v"))
		sh->in_v = true;
	else if (is_end(in, "v"))
		sh->in_v = false;
	else if (is_open(in, "is"))
		sh->in_is = true;
	else if (is_end(in, "is"))
		sh->in_is = false;
	else if (sh->in_is && is_open(in, "rPh"))
		sh->in_rph = true;
	else if (sh->in_is && is_end(in, "rPh"))
		sh->in_rph = false;
	else if (sh->in_is && is_open(in, "t"))
		sh->in_t = true;
	else if (sh->in_is && is_end(in, "t"))
		sh->in_t = false;
	else if ((sh->in_v || (sh->in_t && !sh->in_rph)) && is_text(in))
		buf_puts(&sh->val, (const char *)xmlTextReaderConstValue(in->rd));
	return 0;
}

static int sheet_read(xlsx *x, const char *name)
{
	xml_in in;
	int rc = xlsx_part_open(x, name, "trang tính", &in);
	if (rc == E_NOTFOUND)
		return err_set(x->e, E_PARSE, "Tệp XLSX thiếu trang tính đầu tiên.");
	if (rc)
		return rc;
	sheet sh = {0};
	while (rc == 0 && (rc = xlsx_part_next(&in)) == 1) {
		rc = 0;
		if (is_open(&in, "sheetData"))
			sh.in_data = true;
		else if (is_end(&in, "sheetData"))
			sh.in_data = false;
		else if (sh.in_data)
			rc = sheet_node(x, &in, &sh);
	}
	xlsx_part_close(&in);
	buf_free(&sh.val);
	buf_free(&sh.scratch);
	return rc;
}

/* ---- putting it together ---- */

typedef struct parts {
	char *sheet, *sst, *styles;
} parts;

/* Follows the relationships from the package root to the workbook and
 * from the workbook to its first sheet, shared strings and styles. */
static int parts_find(xlsx *x, parts *p)
{
	rels root = {0}, wbr = {0};
	char *wb = NULL, *wb_rels = NULL, *rid = NULL;
	int rc = xlsx_rels_read(x, "_rels/.rels", &root);
	if (rc && rc != E_NOTFOUND)
		goto out;
	const rel *office = xlsx_rels_by_type(&root, "officeDocument");
	wb = xlsx_part_path("", office ? office->target : "xl/workbook.xml");
	rc = workbook_read(x, wb, &rid);
	if (rc)
		goto out;
	wb_rels = xlsx_rels_name_of(wb);
	rc = xlsx_rels_read(x, wb_rels, &wbr);
	if (rc == E_NOTFOUND)
		rc = err_set(x->e, E_PARSE, "Tệp XLSX thiếu phần liên kết của sổ làm việc.");
	if (rc)
		goto out;
	const rel *first = xlsx_rels_by_id(&wbr, rid);
	const rel *sst = xlsx_rels_by_type(&wbr, "sharedStrings");
	const rel *styles = xlsx_rels_by_type(&wbr, "styles");
	if (!first) {
		rc = err_set(x->e, E_PARSE, "Tệp XLSX thiếu trang tính đầu tiên.");
		goto out;
	}
	p->sheet = xlsx_part_path(wb, first->target);
	p->sst = sst ? xlsx_part_path(wb, sst->target) : xlsx_part_path(wb, "sharedStrings.xml");
	p->styles = styles ? xlsx_part_path(wb, styles->target) : xlsx_part_path(wb, "styles.xml");
out:
	xlsx_rels_free(&root);
	xlsx_rels_free(&wbr);
	free(wb);
	free(wb_rels);
	xmlFree(rid);
	return rc;
}

static int open_archive(xlsx *x, const unsigned char *data, size_t n)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, n, 0, &ze);
	int rc = 0;
	if (!src) {
		rc = err_set(x->e, E_INTERNAL, "Không mở được tệp XLSX.");
		goto out;
	}
	x->za = zip_open_from_source(src, ZIP_RDONLY, &ze);
	if (!x->za) {
		zip_source_free(src);
		rc = xlsx_broken(x);
	}
out:
	zip_error_fini(&ze);
	return rc;
}

int table_read_xlsx(const unsigned char *data, size_t n, table *out, err *e)
{
	pthread_once(&setup_once, setup);
	locale_t old = c_locale ? uselocale(c_locale) : (locale_t)0;
	xlsx x = {.budget = TABLE_MAX_XML, .e = e};
	parts p = {0};
	tb_init(&x.b);
	int rc = open_archive(&x, data, n);
	if (rc)
		goto out;
	rc = parts_find(&x, &p);
	if (!rc)
		rc = styles_read(&x, p.styles);
	if (!rc)
		rc = sst_read(&x, p.sst);
	if (!rc)
		rc = sheet_read(&x, p.sheet);
	if (!rc)
		rc = tb_finish(&x.b, out, e);
	if (rc == E_INVAL) /* data on a later sheet is a common mistake: say which was read */
		err_set(e, E_INVAL, "Tệp không có dữ liệu ở trang tính đầu tiên (chỉ trang tính đầu "
				    "tiên được đọc).");
out:
	if (x.za)
		zip_discard(x.za);
	if (old)
		uselocale(old);
	tb_free(&x.b);
	free(x.sst);
	free(x.xf_kind);
	free(p.sheet);
	free(p.sst);
	free(p.styles);
	return rc;
}
