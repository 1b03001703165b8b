/*
 * table_check.h — what every result of table_read must satisfy, checked
 * by the table fuzz targets (a violation aborts, so the fuzzer reports it).
 */
#ifndef THIDUA_FUZZ_TABLE_CHECK_H
#define THIDUA_FUZZ_TABLE_CHECK_H

#include <stdlib.h>
#include <string.h>

#include "io/table.h"
#include "text/text.h"

static void check_cell(const char *s)
{
	size_t n = strlen(s);
	if (!text_valid_utf8(s, n))
		abort();
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\n') || c == 0x7F)
			abort();
	}
	if (n && (s[0] == ' ' || s[0] == '\n' || s[n - 1] == ' ' || s[n - 1] == '\n'))
		abort();
	if (n >= 2 && (memcmp(s, "\xC2\xA0", 2) == 0 || memcmp(s + n - 2, "\xC2\xA0", 2) == 0))
		abort();
	char *nfc = text_nfc(s, n);
	if (!nfc || strcmp(nfc, s) != 0)
		abort();
	free(nfc);
}

static void table_check(int rc, const table *t, const err *e)
{
	if (rc != 0) {
		if (rc != E_PARSE && rc != E_TOOBIG && rc != E_MEDIA && rc != E_INVAL)
			abort();
		if (t->cells || t->n_rows || t->n_cols || !e->msg[0] ||
		    !text_valid_utf8(e->msg, strlen(e->msg)))
			abort();
		return;
	}
	if (!t->n_rows || !t->n_cols || t->n_rows * t->n_cols > 10000000)
		abort();
	bool last_row_has_text = false;
	for (size_t r = 0; r < t->n_rows; r++)
		for (size_t c = 0; c < t->n_cols; c++) {
			check_cell(t->cells[r][c]);
			if (r == t->n_rows - 1 && t->cells[r][c][0])
				last_row_has_text = true;
		}
	bool last_col_has_text = false;
	for (size_t r = 0; r < t->n_rows; r++)
		last_col_has_text = last_col_has_text || t->cells[r][t->n_cols - 1][0];
	if (!last_row_has_text || !last_col_has_text)
		abort();
	const char *const names[] = {"Mã đơn vị", "Họ tên", NULL};
	int col = table_find_col(t, 0, names);
	if (col < -1 || col >= (int)t->n_cols)
		abort();
}

#endif
