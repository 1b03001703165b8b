/*
 * table.c — table_read's dispatch on the file's kind, the cell builder
 * shared by both readers, and the small public helpers.
 */
#include "io/table.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/table_int.h"
#include "text/text.h"

/* ---- cleaning one cell ---- */

/* True when s needs control-character mapping: C0, DEL, or a C1 control
 * (U+0080..U+009F, encoded C2 80..C2 9F). s is valid UTF-8. */
static bool has_controls(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] < 0x20 || s[i] == 0x7F)
			return true;
		if (s[i] == 0xC2 && i + 1 < n && s[i + 1] < 0xA0)
			return true;
	}
	return false;
}

/* True when s is certainly NFC already: every code point is below U+0300
 * (Latin letters, no combining marks) or in Latin Extended Additional
 * (U+1E00..U+1EFF, home of most precomposed Vietnamese letters). None of
 * these changes under NFC, alone or next to another (checked for every
 * pair with utf8proc), so the costly normalisation can be skipped for
 * nearly every Vietnamese cell. s is valid UTF-8. */
static bool nfc_stable(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		if (s[i] < 0x80)
			i++;
		else if (s[i] < 0xCC) /* two-byte U+0080..U+02FF */
			i += 2;
		else if (s[i] == 0xE1 && i + 1 < n && s[i + 1] >= 0xB8 && s[i + 1] <= 0xBB)
			i += 3; /* E1 B8 80 .. E1 BB BF */
		else
			return false;
	}
	return true;
}

/* Applies the rules of table.h: CR LF and CR → LF, TAB → space, other
 * controls dropped. Copies spans between controls to keep it cheap. */
static void map_controls(buf *out, const unsigned char *s, size_t n)
{
	buf_reset(out);
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		size_t skip;
		if (c < 0x20 || c == 0x7F)
			skip = 1;
		else if (c == 0xC2 && i + 1 < n && s[i + 1] < 0xA0)
			skip = 2;
		else
			continue;
		buf_put(out, s + start, i - start);
		if (c == '\n')
			buf_putc(out, '\n');
		else if (c == '\r') {
			buf_putc(out, '\n');
			if (i + 1 < n && s[i + 1] == '\n')
				skip = 2;
		} else if (c == '\t')
			buf_putc(out, ' ');
		i += skip - 1;
		start = i + 1;
	}
	buf_put(out, s + start, n - start);
}

void tb_init(tb *b)
{
	memset(b, 0, sizeof *b);
	buf_put(&b->text, "", 1); /* offset 0: the empty string every blank cell shares */
	b->sorted = true;
}

void tb_free(tb *b)
{
	buf_free(&b->text);
	buf_free(&b->scratch);
	free(b->cells);
	memset(b, 0, sizeof *b);
}

int tb_text(tb *b, const char *s, size_t n, uint32_t *off, err *e)
{
	const unsigned char *u = (const unsigned char *)s;
	*off = 0;
	if (!text_valid_utf8(s, n))
		return E_PARSE;
	const char *p = s;
	size_t len = n;
	if (has_controls(u, n)) {
		map_controls(&b->scratch, u, n);
		p = buf_cstr(&b->scratch);
		len = b->scratch.len;
	}
	char *nfc = NULL;
	if (!nfc_stable((const unsigned char *)p, len)) {
		nfc = text_nfc(p, len);
		p = nfc;
		len = strlen(nfc);
	}
	char *t = text_trim(p, len);
	free(nfc);
	size_t tl = strlen(t);
	int rc = 0;
	if (tl == 0)
		goto out;
	if (b->text.len + tl + 1 > TABLE_MAX_TEXT) {
		rc = err_set(e, E_TOOBIG, "Tệp có quá nhiều chữ (giới hạn %u MB nội dung ô).",
			     TABLE_MAX_TEXT >> 20);
		goto out;
	}
	*off = (uint32_t)b->text.len;
	buf_put(&b->text, t, tl + 1);
out:
	free(t);
	return rc;
}

int tb_put(tb *b, size_t row, size_t col, uint32_t off, err *e)
{
	if (row >= TABLE_MAX_ROWS)
		return err_set(e, E_TOOBIG, "Tệp có quá 1.048.576 dòng.");
	if (col >= TABLE_MAX_COLS)
		return err_set(e, E_TOOBIG, "Dòng %zu: có quá 16.384 cột.", row + 1);
	if (off == 0)
		return 0;
	if (b->n >= TABLE_MAX_CELLS)
		return err_set(e, E_TOOBIG, "Tệp có quá 10 triệu ô dữ liệu.");
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 1024;
		b->cells = xrealloc(b->cells, b->cap * sizeof *b->cells);
	}
	if (b->n) {
		const tb_cell *last = &b->cells[b->n - 1];
		if (row < last->row || (row == last->row && col <= last->col))
			b->sorted = false;
	}
	b->cells[b->n] = (tb_cell){(uint32_t)row, (uint32_t)col, off, (uint32_t)b->n};
	b->n++;
	return 0;
}

static int cell_cmp(const void *pa, const void *pb)
{
	const tb_cell *a = pa, *c = pb;
	if (a->row != c->row)
		return a->row < c->row ? -1 : 1;
	if (a->col != c->col)
		return a->col < c->col ? -1 : 1;
	return a->seq < c->seq ? -1 : a->seq > c->seq;
}

/* Out-of-order or repeated cells only come from unusual XLSX writers:
 * sort them, and let the last value written for a cell win. */
static void sort_and_dedupe(tb *b)
{
	qsort(b->cells, b->n, sizeof *b->cells, cell_cmp);
	size_t w = 0;
	for (size_t i = 0; i < b->n; i++) {
		if (i + 1 < b->n && b->cells[i + 1].row == b->cells[i].row &&
		    b->cells[i + 1].col == b->cells[i].col)
			continue;
		b->cells[w++] = b->cells[i];
	}
	b->n = w;
	b->sorted = true;
}

/* The whole table is one block — row pointers, cell pointers, then the
 * text — so table_free is one free() and no field beyond the public ones
 * is needed. Empty cells all point at the "" at the start of the text. */
int tb_finish(tb *b, table *out, err *e)
{
	*out = (table){0};
	if (b->n == 0)
		return err_set(e, E_INVAL, "Tệp không có dữ liệu.");
	if (!b->sorted)
		sort_and_dedupe(b);
	size_t n_rows = (size_t)b->cells[b->n - 1].row + 1, n_cols = 0;
	for (size_t i = 0; i < b->n; i++)
		if (b->cells[i].col + (size_t)1 > n_cols)
			n_cols = b->cells[i].col + (size_t)1;
	if (n_rows * n_cols > TABLE_MAX_CELLS)
		return err_set(e, E_TOOBIG,
			       "Bảng quá lớn: %zu dòng × %zu cột, vượt giới hạn 10 triệu ô.",
			       n_rows, n_cols);
	size_t rows_sz = n_rows * sizeof(char **);
	size_t grid_sz = n_rows * n_cols * sizeof(char *);
	char *block = xmalloc(rows_sz + grid_sz + b->text.len);
	char ***rows = (char ***)(void *)block;
	char **grid = (char **)(void *)(block + rows_sz);
	char *text = block + rows_sz + grid_sz;
	memcpy(text, b->text.p, b->text.len);
	for (size_t i = 0; i < n_rows * n_cols; i++)
		grid[i] = text;
	for (size_t r = 0; r < n_rows; r++)
		rows[r] = grid + r * n_cols;
	for (size_t i = 0; i < b->n; i++)
		rows[b->cells[i].row][b->cells[i].col] = text + b->cells[i].off;
	out->n_rows = n_rows;
	out->n_cols = n_cols;
	out->cells = rows;
	tb_free(b);
	tb_init(b);
	return 0;
}

void table_put_utf8(buf *out, uint32_t cp)
{
	char s[4];
	size_t k;
	if (cp < 0x80) {
		s[0] = (char)cp;
		k = 1;
	} else if (cp < 0x800) {
		s[0] = (char)(0xC0 | cp >> 6);
		s[1] = (char)(0x80 | (cp & 0x3F));
		k = 2;
	} else if (cp < 0x10000) {
		s[0] = (char)(0xE0 | cp >> 12);
		s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[2] = (char)(0x80 | (cp & 0x3F));
		k = 3;
	} else {
		s[0] = (char)(0xF0 | cp >> 18);
		s[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		s[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[3] = (char)(0x80 | (cp & 0x3F));
		k = 4;
	}
	buf_put(out, s, k);
}

/* ---- dispatch ---- */

static bool has_magic(const unsigned char *p, size_t n, const char *magic, size_t m)
{
	return n >= m && memcmp(p, magic, m) == 0;
}

/* Password-protected .xlsx files are OLE2 containers too; their directory
 * names the "EncryptionInfo" stream (UTF-16LE), which tells them apart. */
static bool ole2_is_encrypted(const unsigned char *p, size_t n)
{
	static const char name[] = "E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0";
	return memmem(p, n, name, sizeof name - 1) != NULL;
}

static int refuse_ole2(const unsigned char *p, size_t n, err *e)
{
	if (ole2_is_encrypted(p, n))
		return err_set(e, E_MEDIA,
			       "Tệp Excel đang được đặt mật khẩu. Hãy mở tệp, gỡ mật khẩu rồi lưu "
			       "lại dưới dạng .xlsx hoặc .csv.");
	return err_set(e, E_MEDIA,
		       "Tệp Excel dạng cũ (.xls) chưa được hỗ trợ. Hãy mở tệp bằng Excel và chọn "
		       "Lưu thành (Save As) dạng Sổ làm việc Excel (.xlsx) hoặc CSV UTF-8.");
}

int table_read(const void *data, size_t n, const char *hint, table *out, err *e)
{
	const unsigned char *p = data;
	*out = (table){0};
	if (!p || n == 0)
		return err_set(e, E_INVAL, "Tệp không có dữ liệu.");
	if (hint && hint[0] == '.')
		hint++;
	if (has_magic(p, n, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
		return refuse_ole2(p, n, e);
	if (has_magic(p, n, "PK\x03\x04", 4))
		return table_read_xlsx(p, n, out, e);
	if (hint && strcasecmp(hint, "xlsx") == 0)
		return err_set(e, E_PARSE,
			       "Tệp không phải XLSX hợp lệ (có thể đã hỏng). Hãy mở bằng Excel và "
			       "lưu lại dưới dạng .xlsx.");
	if (hint && strcasecmp(hint, "csv") != 0)
		return err_set(e, E_MEDIA,
			       "Không đọc được loại tệp này. Hãy lưu lại dưới dạng .xlsx hoặc .csv.");
	return table_read_csv(p, n, out, e);
}

void table_free(table *t)
{
	if (!t)
		return;
	free(t->cells);
	*t = (table){0};
}

int table_find_col(const table *t, size_t header_row, const char *const *names)
{
	if (!t || !names || header_row >= t->n_rows)
		return -1;
	size_t nk = 0;
	while (names[nk])
		nk++;
	char **keys = xcalloc(nk + 1, sizeof *keys);
	for (size_t i = 0; i < nk; i++)
		keys[i] = text_search_key(names[i]);
	int found = -1;
	for (size_t c = 0; c < t->n_cols && found < 0; c++) {
		char *k = text_search_key(t->cells[header_row][c]);
		for (size_t i = 0; i < nk && found < 0; i++)
			if (k[0] && strcmp(k, keys[i]) == 0)
				found = (int)c;
		free(k);
	}
	for (size_t i = 0; i < nk; i++)
		free(keys[i]);
	free(keys);
	return found;
}
