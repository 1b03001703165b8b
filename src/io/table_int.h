/*
 * table_int.h — internals shared by the CSV and XLSX readers: limits, and
 * the builder that collects cleaned cells and turns them into a table.
 *
 * The builder keeps only non-empty cells, as (row, column, text offset)
 * entries over one growing text blob, so a sparse sheet with a cell at A1
 * and another far away costs two entries, and a shared string used a
 * thousand times is stored once.
 */
#ifndef THIDUA_TABLE_INT_H
#define THIDUA_TABLE_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "io/table.h"
#include "util/util.h"

#define TABLE_MAX_ROWS  1048576u          /* Excel's own limits */
#define TABLE_MAX_COLS  16384u
#define TABLE_MAX_CELLS 10000000u         /* padded grid: 80 MB of pointers at most */
#define TABLE_MAX_TEXT  (64u << 20)       /* cleaned cell text */
#define TABLE_MAX_XML   (64u << 20)       /* uncompressed bytes read from an XLSX */

typedef struct tb_cell {
	uint32_t row, col;
	uint32_t off;   /* into tb.text; never 0 (0 is the shared "") */
	uint32_t seq;   /* arrival order: the last of duplicates wins */
} tb_cell;

typedef struct tb {
	buf text;       /* cleaned texts, each NUL-terminated; offset 0 holds "" */
	buf scratch;    /* reused while cleaning one cell */
	tb_cell *cells;
	size_t n, cap;
	bool sorted;    /* arrivals so far were in (row, col) order */
} tb;

void tb_init(tb *b);
void tb_free(tb *b);

/* Cleans raw cell bytes (see table.h) and stores the result once; *off is
 * 0 when the cell is empty after cleaning. E_PARSE (no message) on invalid
 * UTF-8, E_TOOBIG with a message when the text limit is passed. */
int tb_text(tb *b, const char *s, size_t n, uint32_t *off, err *e);

/* Records text *off at 0-based (row, col); off 0 records nothing. */
int tb_put(tb *b, size_t row, size_t col, uint32_t off, err *e);

/* Moves the collected cells into *out (b is left empty). E_INVAL when no
 * cell has text, E_TOOBIG when the padded grid is too large. */
int tb_finish(tb *b, table *out, err *e);

/* Appends code point cp as UTF-8. */
void table_put_utf8(buf *out, uint32_t cp);

/* ---- XLSX number formats (xlsx_num.c) ---- */

enum xf_kind { XF_PLAIN, XF_DATE, XF_TIME, XF_DATETIME };

/* Kind of built-in number format id (ECMA-376 §18.8.30). */
enum xf_kind xlsx_builtin_kind(unsigned id);
/* Kind of a custom format code such as "dd/mm/yyyy" or "[$-42A]h:mm". */
enum xf_kind xlsx_format_kind(const char *code);
/* Renders the stored value v of a numeric cell shown with a format of
 * the given kind: "12.5", "42", "2024-03-01", "2024-03-01 08:30:00",
 * "08:30:00". Dates use the 1900 system (with Excel's phantom 29 Feb
 * 1900) unless date1904. Returns false when v is not a number. Expects
 * the C locale for LC_NUMERIC. */
bool xlsx_render_number(const char *v, enum xf_kind kind, bool date1904, char *out,
			size_t cap);

int table_read_csv(const unsigned char *data, size_t n, table *out, err *e);
int table_read_xlsx(const unsigned char *data, size_t n, table *out, err *e);

#endif
