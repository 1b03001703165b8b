/*
 * table.h — reads the tabular files people already keep (CSV and XLSX)
 * into a grid of cleaned text cells.
 *
 * Every cell is valid UTF-8 in NFC, trimmed, "" when empty. A cell is one
 * value but may span lines: CR LF and lone CR become "\n", TAB becomes a
 * space, and every other control character (C0, DEL, C1) is removed —
 * multi-line addresses and achievements typed with Alt+Enter survive,
 * invisible junk does not.
 *
 * Row r of the grid is row r+1 of the sheet (or the r+1-th CSV record), so
 * callers can name rows the way the user sees them ("Dòng 12"). Trailing
 * empty rows are dropped; n_cols is the widest row counted up to its last
 * non-empty cell (styled but empty cells do not widen the grid).
 *
 * Limits: 1,048,576 rows, 16,384 columns, 10 million cells in the padded
 * grid, 64 MB of cell text, 64 MB of XML read from an XLSX archive.
 * All functions are thread-safe.
 */
#ifndef THIDUA_TABLE_H
#define THIDUA_TABLE_H

#include <stddef.h>

#include "util/util.h"

typedef struct table {
	size_t n_rows, n_cols;   /* n_cols = widest row; short rows padded with "" */
	char ***cells;           /* cells[r][c]: NUL-terminated UTF-8 in NFC, trimmed, "" when empty */
} table;

/* hint: "csv", "xlsx", or NULL to sniff (zip magic PK\3\4 → xlsx, else csv).
 * Errors: E_PARSE malformed, E_TOOBIG over limits, E_MEDIA unsupported (e.g. legacy .xls OLE2
 * magic D0 CF 11 E0 → a Vietnamese message asking to save as .xlsx or .csv), E_INVAL empty.
 * Magic bytes win over the hint where they are unambiguous: a zip named .csv is read as
 * XLSX, and OLE2 is refused whatever the hint. On error *out is left empty (safe to free).
 * The grid is one allocation: cells of equal text may share storage, so treat them as
 * read-only. */
int table_read(const void *data, size_t n, const char *hint, table *out, err *e);
void table_free(table *t);

/* Finds the header row's column for any of the given names, compared by
 * text_search_key (accent/case-insensitive, so "Mã đơn vị", "MA DON VI", "mã  đơn vị" match);
 * returns the column index or -1. names is NULL-terminated. */
int table_find_col(const table *t, size_t header_row, const char *const *names);

#endif
