/*
 * table_csv.c — CSV (and Excel "Unicode text") into cells, with libcsv.
 *
 * Accepted: UTF-8 with or without BOM, UTF-16 with BOM (converted first),
 * delimiter `,` `;` or TAB sniffed from the first line (or Excel's
 * "sep=;" line), CR LF or LF line ends, RFC 4180 quoting with embedded
 * delimiters, quotes and newlines. Not converted: legacy Vietnamese code
 * pages; they are recognised and refused with advice.
 */
#include <csv.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "io/table_int.h"

#define CSV_CHUNK 65536 /* parse in chunks so an error stops the work early */

typedef struct csv_state {
	tb b;
	size_t row, col;  /* 0-based position of the next field */
	bool after_cr;    /* the last row ended with CR and nothing followed yet */
	int rc;           /* first failure; later callbacks do nothing */
	size_t bad_row;   /* 1-based row holding invalid UTF-8 */
	err *e;
} csv_state;

static void on_field(void *s, size_t len, void *data)
{
	csv_state *st = data;
	if (st->rc)
		return;
	st->after_cr = false;
	uint32_t off;
	int rc = tb_text(&st->b, s ? s : "", s ? len : 0, &off, st->e);
	if (rc == E_PARSE)
		st->bad_row = st->row + 1;
	if (rc == 0)
		rc = tb_put(&st->b, st->row, st->col, off, st->e);
	st->col++;
	st->rc = rc;
}

/* libcsv reports every CR and LF (CSV_REPALL_NL) so that blank lines
 * count as rows, as in Excel; the LF of a CR LF pair is not a new row. */
static void on_row_end(int c, void *data)
{
	csv_state *st = data;
	if (st->rc)
		return;
	if (c == '\n' && st->after_cr && st->col == 0) {
		st->after_cr = false;
		return;
	}
	st->after_cr = c == '\r';
	st->row++;
	st->col = 0;
}

/* The delimiter is whichever of TAB ; , occurs most in the first line
 * outside quotes. Ties go in that order: commas are common inside text
 * ("Điểm, ghi chú"), semicolons less, tabs hardly ever. */
static unsigned char sniff_delim(const unsigned char *p, size_t n)
{
	static const unsigned char cand[3] = {'\t', ';', ','};
	size_t count[3] = {0, 0, 0};
	bool quoted = false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = p[i];
		if (c == '"')
			quoted = !quoted;
		if (quoted)
			continue;
		if (c == '\n' || c == '\r')
			break;
		for (int k = 0; k < 3; k++)
			count[k] += c == cand[k];
	}
	int best = 2;
	for (int k = 1; k >= 0; k--)
		if (count[k] >= count[best] && count[k] > 0)
			best = k;
	return cand[best];
}

/* Excel reads and writes a first line "sep=X" naming the delimiter; it is
 * not data. Returns its length including the line end, or 0. */
static size_t sep_line(const unsigned char *p, size_t n, unsigned char *delim)
{
	if (n < 5 || memcmp(p, "sep=", 4) != 0 || p[4] == '\r' || p[4] == '\n' || p[4] == '"')
		return 0;
	size_t k = 5;
	if (k < n && p[k] == '\r')
		k++;
	if (k < n && p[k] == '\n')
		k++;
	if (k < n && k == 5)
		return 0; /* something else follows on the line */
	*delim = p[4];
	return k;
}

/* Excel's "Unicode text" is UTF-16LE with a BOM; BE is handled alike. */
static int utf16_to_utf8(const unsigned char *p, size_t n, bool le, buf *out, err *e)
{
	size_t line = 1;
	if (n % 2)
		return err_set(e, E_PARSE, "Tệp UTF-16 bị cắt cụt (số byte lẻ).");
	for (size_t i = 0; i < n; i += 2) {
		uint32_t u = le ? (uint32_t)(p[i] | p[i + 1] << 8) : (uint32_t)(p[i] << 8 | p[i + 1]);
		if (u >= 0xD800 && u < 0xDC00 && i + 3 < n) {
			uint32_t v = le ? (uint32_t)(p[i + 2] | p[i + 3] << 8)
					: (uint32_t)(p[i + 2] << 8 | p[i + 3]);
			if (v >= 0xDC00 && v < 0xE000) {
				table_put_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
				i += 2;
				continue;
			}
		}
		if (u >= 0xD800 && u < 0xE000)
			return err_set(e, E_PARSE, "Dòng %zu: tệp UTF-16 có ký tự hỏng.", line);
		line += u == '\n';
		table_put_utf8(out, u);
	}
	return 0;
}

/* Text in a one-byte Vietnamese code page (Windows-1258, TCVN3, VNI) is
 * invalid UTF-8 only because of its letters ≥ 0x80; it has no NUL and
 * hardly any control bytes, unlike binary data. */
static bool looks_like_legacy_text(const unsigned char *p, size_t n)
{
	size_t ctl = 0, high = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = p[i];
		if (c == 0)
			return false;
		ctl += c < 0x20 && c != '\t' && c != '\n' && c != '\r';
		high += c >= 0x80;
	}
	return high > 0 && ctl * 20 <= n;
}

static int bad_encoding(const unsigned char *p, size_t n, size_t row, err *e)
{
	if (looks_like_legacy_text(p, n))
		return err_set(e, E_PARSE,
			       "Tệp không ở mã UTF-8; hãy lưu lại dưới dạng CSV UTF-8. (Dòng %zu có "
			       "chữ theo bảng mã cũ như Windows-1258 hoặc TCVN3.)", row);
	return err_set(e, E_PARSE,
		       "Dòng %zu: dữ liệu không phải văn bản UTF-8 hợp lệ. Hãy lưu lại dưới "
		       "dạng CSV UTF-8.", row);
}

/* Runs libcsv over UTF-8 text p (BOM already removed). */
static int parse_text(const unsigned char *p, size_t n, table *out, err *e)
{
	struct csv_parser parser;
	csv_state st = {.e = e};
	unsigned char delim = 0;
	size_t skip = sep_line(p, n, &delim);
	if (!skip)
		delim = sniff_delim(p, n);
	tb_init(&st.b);
	int rc = 0;
	if (csv_init(&parser, CSV_APPEND_NULL | CSV_REPALL_NL) != 0) {
		tb_free(&st.b);
		return err_set(e, E_INTERNAL, "Không khởi tạo được bộ đọc CSV.");
	}
	csv_set_delim(&parser, delim);
	csv_set_realloc_func(&parser, xrealloc);
	csv_set_free_func(&parser, free);
	for (size_t i = skip; i < n && !st.rc; i += CSV_CHUNK) {
		size_t len = n - i < CSV_CHUNK ? n - i : CSV_CHUNK;
		if (csv_parse(&parser, p + i, len, on_field, on_row_end, &st) != len) {
			rc = err_set(e, E_PARSE, "Dòng %zu: không đọc được dữ liệu CSV.", st.row + 1);
			goto out;
		}
	}
	if (!st.rc)
		csv_fini(&parser, on_field, on_row_end, &st);
	if (st.rc == E_PARSE)
		rc = bad_encoding(p, n, st.bad_row, e);
	else if (st.rc)
		rc = st.rc;
	else
		rc = tb_finish(&st.b, out, e);
out:
	csv_free(&parser);
	tb_free(&st.b);
	return rc;
}

int table_read_csv(const unsigned char *data, size_t n, table *out, err *e)
{
	buf utf8 = BUF_INIT;
	int rc;
	bool le = n >= 2 && data[0] == 0xFF && data[1] == 0xFE;
	bool be = n >= 2 && data[0] == 0xFE && data[1] == 0xFF;
	if (le || be) {
		rc = utf16_to_utf8(data + 2, n - 2, le, &utf8, e);
		if (rc == 0)
			rc = parse_text((const unsigned char *)buf_cstr(&utf8), utf8.len, out, e);
		goto out;
	}
	if (n >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		n -= 3;
	}
	rc = parse_text(data, n, out, e);
out:
	buf_free(&utf8);
	return rc;
}
