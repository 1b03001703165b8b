/*
 * xlsx.c — the document's figure tables as an Excel workbook, one sheet
 * per table: header rows bold, figures as numbers, the total row as SUM
 * formulas carrying their computed values (so viewers that do not
 * recalculate still show them), merged cells, print setup on A4.
 *
 * libxlsxwriter 1.1.4 writes files only: the workbook goes to a mkstemp()
 * file under $TMPDIR (or /tmp), is read back into the buffer and unlinked.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>
#include <xlsxwriter.h>

#include "doc_int.h"

#define XLSX_MAX_CHARS 32767 /* Excel's limit for one cell */
#define XLSX_MAX_FILE ((size_t)1 << 30)

typedef struct xl {
	lxw_workbook *wb;
	lxw_format *title, *note, *head;
	lxw_format *text[2][4];    /* [total row][align] */
	lxw_format *num[2][2][4];  /* [total row][decimals][align] */
	char **names;              /* case-folded sheet names taken */
	size_t nnames;
	lxw_error rc;              /* the first failure */
	buf tmp;
} xl;

static void check(xl *x, lxw_error rc)
{
	if (rc != LXW_NO_ERROR && x->rc == LXW_NO_ERROR)
		x->rc = rc;
}

static lxw_format *cell_format(xl *x, bool bold, doc_align a, bool number, bool decimals)
{
	static const uint8_t align[] = {LXW_ALIGN_LEFT, LXW_ALIGN_LEFT, LXW_ALIGN_CENTER, LXW_ALIGN_RIGHT};
	lxw_format **slot = number ? &x->num[bold][decimals][a] : &x->text[bold][a];
	if (*slot)
		return *slot;
	lxw_format *f = *slot = workbook_add_format(x->wb);
	format_set_border(f, LXW_BORDER_THIN);
	format_set_align(f, align[a]);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	format_set_font_name(f, DOC_FONT_DOCX);
	format_set_font_size(f, DOC_PT_TABLE);
	if (bold)
		format_set_bold(f);
	if (number)
		format_set_num_format(f, decimals ? "#,##0.00" : "#,##0");
	else
		format_set_text_wrap(f);
	return f;
}

static void formats(xl *x)
{
	x->title = workbook_add_format(x->wb);
	format_set_bold(x->title);
	format_set_font_name(x->title, DOC_FONT_DOCX);
	format_set_font_size(x->title, DOC_PT_TABLE + 1);
	format_set_align(x->title, LXW_ALIGN_CENTER);
	format_set_align(x->title, LXW_ALIGN_VERTICAL_CENTER);
	format_set_text_wrap(x->title);
	x->note = workbook_add_format(x->wb);
	format_set_italic(x->note);
	format_set_font_name(x->note, DOC_FONT_DOCX);
	format_set_font_size(x->note, DOC_PT_TABLE);
	format_set_align(x->note, LXW_ALIGN_RIGHT);
	x->head = workbook_add_format(x->wb);
	format_set_bold(x->head);
	format_set_border(x->head, LXW_BORDER_THIN);
	format_set_font_name(x->head, DOC_FONT_DOCX);
	format_set_font_size(x->head, DOC_PT_TABLE);
	format_set_align(x->head, LXW_ALIGN_CENTER);
	format_set_align(x->head, LXW_ALIGN_VERTICAL_CENTER);
	format_set_text_wrap(x->head);
}

/* s cleaned and cut to Excel's cell limit, in x->tmp. */
static const char *cell_text(xl *x, const char *s)
{
	buf_reset(&x->tmp);
	doc_clean(&x->tmp, s ? s : "");
	size_t n = 0, i = 0;
	while (i < x->tmp.len && n < XLSX_MAX_CHARS) {
		doc_utf8_next(x->tmp.p, x->tmp.len, &i);
		n++;
	}
	x->tmp.p[i] = '\0';
	x->tmp.len = i;
	return x->tmp.p;
}

/* --- sheet names: ≤ 31 characters, none of []:*?/\, not starting or
 * ending with an apostrophe, unique regardless of case --- */

static char *fold(const char *s)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
		     UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	return out ? (char *)out : xstrdup(s);
}

static bool name_taken(const xl *x, const char *name)
{
	char *f = fold(name);
	bool taken = false;
	for (size_t i = 0; i < x->nnames && !taken; i++)
		taken = strcmp(x->names[i], f) == 0;
	free(f);
	return taken;
}

/* The first `max` code points of s. */
static void cut_chars(buf *b, const char *s, size_t max)
{
	size_t n = strlen(s), i = 0, k = 0;
	while (i < n && k < max) {
		doc_utf8_next(s, n, &i);
		k++;
	}
	buf_put(b, s, i);
	buf_puts(b, "");
}

static char *base_name(const doc_table *t, size_t index)
{
	buf b = BUF_INIT, c = BUF_INIT;
	doc_clean(&b, t->title ? t->title : "");
	/* forbidden and blank characters become single spaces */
	bool space = true;
	for (size_t i = 0; i < b.len; i++) {
		char ch = b.p[i];
		bool bad = strchr("[]:*?/\\\t\n", ch) != NULL || ch == ' ';
		if (bad) {
			if (!space)
				buf_putc(&c, ' ');
			space = true;
		} else if (!(ch == '\'' && space)) {
			buf_putc(&c, ch);
			space = false;
		}
	}
	buf_free(&b);
	buf_puts(&c, "");
	cut_chars(&b, c.p, LXW_SHEETNAME_MAX);
	buf_free(&c);
	while (b.len > 0 && (b.p[b.len - 1] == ' ' || b.p[b.len - 1] == '\''))
		b.p[--b.len] = '\0';
	if (b.len == 0) {
		buf_free(&b);
		return xasprintf("Bảng %zu", index);
	}
	return buf_detach(&b);
}

static char *sheet_name(xl *x, const doc_table *t, size_t index)
{
	char *base = base_name(t, index), *name = xstrdup(base);
	for (int k = 2; name_taken(x, name); k++) {
		char suffix[16];
		snprintf(suffix, sizeof suffix, " (%d)", k);
		buf b = BUF_INIT;
		cut_chars(&b, base, LXW_SHEETNAME_MAX - strlen(suffix));
		buf_puts(&b, suffix);
		free(name);
		name = buf_detach(&b);
	}
	free(base);
	x->names = xrealloc(x->names, (x->nnames + 1) * sizeof *x->names);
	x->names[x->nnames++] = fold(name);
	return name;
}

/* --- one table --- */

/* Widths in characters from the content: the longest line of the first
 * thousand rows, within [5, 50]. */
static void column_widths(lxw_worksheet *ws, const doc_table *t)
{
	size_t rows = t->nrows < 1000 ? t->nrows : 1000;
	for (size_t c = 0; c < t->ncols; c++) {
		size_t best = 4;
		for (size_t r = 0; r < rows; r++) {
			const doc_cell *s = doc_cell_at(t, r, c);
			if (s->rowspan == 0 || s->colspan != 1 || !s->text)
				continue;
			size_t len = 0;
			for (const char *p = s->text;; p++) {
				if (*p == '\n' || *p == '\0') {
					if (len > best)
						best = len;
					len = 0;
					if (!*p)
						break;
				} else if ((*p & 0xc0) != 0x80) {
					len++;
				}
			}
		}
		double w = (double)(best > 50 ? 50 : best) + 2;
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w < 6 ? 6 : w, NULL);
	}
}

static void write_cell(xl *x, lxw_worksheet *ws, const doc_table *t, size_t r, size_t c, lxw_row_t row0)
{
	const doc_cell *s = doc_cell_at(t, r, c);
	if (s->rowspan == 0)
		return; /* covered: written by its merged origin */
	bool head = r < t->nhead, total = t->has_total && r + 1 == t->nrows;
	doc_align a = head ? DOC_CENTER : t->cols[c].align;
	if (a == DOC_JUSTIFY)
		a = s->is_num ? DOC_RIGHT : DOC_LEFT;
	bool decimals = s->is_num && s->num != (double)(long long)s->num;
	lxw_format *f = head ? x->head : cell_format(x, total, a, s->is_num, decimals);
	lxw_row_t row = row0 + (lxw_row_t)r;
	lxw_col_t col = (lxw_col_t)c;
	size_t down = (size_t)s->rowspan, across = (size_t)s->colspan;
	if (r + down > t->nrows)
		down = t->nrows - r;
	if (down > 1 || across > 1)
		check(x, worksheet_merge_range(ws, row, col, row + (lxw_row_t)(down - 1),
					       col + (lxw_col_t)(across - 1), cell_text(x, s->text), f));
	if (s->is_num && total && t->nrows - 1 > t->nhead) {
		char range[LXW_MAX_CELL_RANGE_LENGTH], formula[LXW_MAX_CELL_RANGE_LENGTH + 16];
		lxw_rowcol_to_range(range, row0 + (lxw_row_t)t->nhead, col, row - 1, col);
		snprintf(formula, sizeof formula, "=SUM(%s)", range);
		check(x, worksheet_write_formula_num(ws, row, col, formula, f, s->num));
	} else if (s->is_num) {
		check(x, worksheet_write_number(ws, row, col, s->num, f));
	} else if (down == 1 && across == 1) {
		const char *text = cell_text(x, s->text);
		check(x, *text ? worksheet_write_string(ws, row, col, text, f) : worksheet_write_blank(ws, row, col, f));
	}
}

static void sheet(xl *x, const doc_table *t, size_t index)
{
	char *name = sheet_name(x, t, index);
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, name);
	free(name);
	if (!ws) {
		check(x, LXW_ERROR_SHEETNAME_ALREADY_USED);
		return;
	}
	doc_table_geom g;
	doc_table_geometry(t, &g);
	lxw_row_t row0 = 0;
	lxw_col_t last = (lxw_col_t)(t->ncols - 1);
	if (t->title) {
		if (last > 0)
			check(x, worksheet_merge_range(ws, 0, 0, 0, last, cell_text(x, t->title), x->title));
		else
			check(x, worksheet_write_string(ws, 0, 0, cell_text(x, t->title), x->title));
		row0 = 1;
	}
	if (t->note) {
		if (last > 0)
			check(x, worksheet_merge_range(ws, row0, 0, row0, last, cell_text(x, t->note), x->note));
		else
			check(x, worksheet_write_string(ws, row0, 0, cell_text(x, t->note), x->note));
		row0++;
	}
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++)
			write_cell(x, ws, t, r, c, row0);
	column_widths(ws, t);
	if (t->nhead) {
		check(x, worksheet_repeat_rows(ws, row0, row0 + (lxw_row_t)t->nhead - 1));
		worksheet_freeze_panes(ws, row0 + (lxw_row_t)t->nhead, 0);
	}
	worksheet_set_paper(ws, 9); /* A4 */
	if (g.landscape)
		worksheet_set_landscape(ws);
	/* Decree 30 margins, in inches */
	worksheet_set_margins(ws, DOC_MARGIN_LEFT_MM / 25.4, DOC_MARGIN_RIGHT_MM / 25.4,
			      DOC_MARGIN_TOP_MM / 25.4, DOC_MARGIN_BOTTOM_MM / 25.4);
	worksheet_fit_to_pages(ws, 1, 0);
}

/* A workbook needs a sheet: without tables it names the document. */
static void cover_sheet(xl *x, const doc *d)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Báo cáo");
	const char *lines[] = {d->issuer, d->number, d->type_name, d->subtitle ? d->subtitle : d->about};
	lxw_row_t row = 0;
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
		if (lines[i])
			check(x, worksheet_write_string(ws, row++, 0, cell_text(x, lines[i]), NULL));
	worksheet_set_column(ws, 0, 0, 80, NULL);
}

static void properties(xl *x, const doc *d)
{
	buf title = BUF_INIT, author = BUF_INIT;
	doc_clean(&title, d->type_name);
	if (d->type_name && d->subtitle)
		buf_putc(&title, ' ');
	doc_clean(&title, d->subtitle ? d->subtitle : d->about);
	doc_clean(&author, d->issuer);
	lxw_doc_properties props = {.title = title.p, .author = author.p, .company = author.p,
				    .created = (time_t)d->created};
	check(x, workbook_set_properties(x->wb, &props));
	buf_free(&title);
	buf_free(&author);
}

static const char *tmp_dir(void)
{
	const char *dir = getenv("TMPDIR");
	return dir && *dir ? dir : "/tmp";
}

int doc_write_xlsx(const doc *d, buf *out, err *e)
{
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s/thidua-xlsx-XXXXXX", tmp_dir());
	int fd = mkstemp(path);
	if (fd < 0)
		return err_set(e, E_IO, "không tạo được tệp tạm cho bảng tính Excel");
	close(fd);
	xl x = {0};
	lxw_workbook_options opt = {.tmpdir = (char *)tmp_dir()};
	x.wb = workbook_new_opt(path, &opt);
	int rc = 0;
	if (!x.wb) {
		rc = err_set(e, E_IO, "không tạo được bảng tính Excel");
		goto out;
	}
	formats(&x);
	properties(&x, d);
	size_t tables = 0;
	for (size_t i = 0; i < d->nblocks; i++)
		if (d->blocks[i].kind == DOC_TABLE)
			sheet(&x, d->blocks[i].table, ++tables);
	if (tables == 0)
		cover_sheet(&x, d);
	lxw_error closed = workbook_close(x.wb);
	check(&x, closed);
	if (x.rc != LXW_NO_ERROR) {
		rc = err_set(e, E_INTERNAL, "không tạo được bảng tính Excel: %s", lxw_strerror(x.rc));
		goto out;
	}
	size_t start = out->len;
	rc = read_file(path, start + XLSX_MAX_FILE, out, e);
	if (rc)
		out->len = start;
out:
	unlink(path);
	for (size_t i = 0; i < x.nnames; i++)
		free(x.names[i]);
	free(x.names);
	buf_free(&x.tmp);
	return rc;
}
