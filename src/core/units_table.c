/*
 * units_table.c — turns a spreadsheet of units (CSV or XLSX, read by
 * src/io/table.c) into import rows: finds the columns by their Vietnamese
 * or English headers, reads kinds and states as people write them.
 */
#include "units_table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

static const char *const h_code[] = {"code", "mã", "mã đơn vị", "mã đv", "ma don vi", NULL};
static const char *const h_name[] = {"name", "tên", "tên đơn vị", "đơn vị", NULL};
static const char *const h_kind[] = {"kind", "loại", "loại đơn vị", "loại hình", NULL};
static const char *const h_parent[] = {"parent", "parent_code", "mã đơn vị cấp trên", "mã cấp trên",
				       "đơn vị cấp trên", "cấp trên", "trực thuộc", NULL};
static const char *const h_active[] = {"active", "hoạt động", "trạng thái", "đang hoạt động", NULL};
static const char *const h_from[] = {"valid_from", "hiệu lực từ", "từ ngày", "ngày hiệu lực",
				     "ngày thành lập", NULL};
static const char *const h_to[] = {"valid_to", "hiệu lực đến", "đến ngày", "ngày hết hiệu lực",
				   "ngày giải thể", NULL};

/* Words people write in a "Loại" column, by search key, and the kind code. */
static const char *const kind_words[][2] = {
	{"xa", "commune"},        {"phuong", "ward"},
	{"dac khu", "special_zone"}, {"thi tran", "commune"},
	{"tinh", "province"},     {"thanh pho truc thuoc trung uong", "province"},
	{"huyen", "district"},    {"thi xa", "district"},
	{"so", "department"},     {"ban", "department"},
	{"nganh", "department"},  {"so, ban, nganh", "department"},
	{"doan the", "front"},    {"hoi", "front"},
	{"mat tran", "front"},    {"doanh nghiep", "enterprise"},
	{"cong ty", "enterprise"}, {"truong", "school"},
	{"truong hoc", "school"}, {"thon", "hamlet"},
	{"to dan pho", "hamlet"}, {"phong", "office"},
	{"co quan dang", "party"}, {"dang", "party"},
	{"trung uong", "central"}, {"khac", "other"},
};

/* The kind code for a cell: a code itself, a kind's Vietnamese name from
 * the catalogue, or a common word; NULL when nothing matches. */
static const char *kind_of(db *d, arena *ar, const char *cell)
{
	if (unit_kind_exists(d, cell))
		return cell;
	char *key = text_search_key(cell);
	const char *found = NULL;
	char **codes, **names;
	size_t n;
	err e;
	if (unit_kinds(d, ar, &codes, &names, &n, &e) == 0)
		for (size_t i = 0; i < n && !found; i++) {
			char *k = text_search_key(names[i]);
			if (strcmp(k, key) == 0)
				found = codes[i];
			free(k);
		}
	for (size_t i = 0; !found && i < sizeof kind_words / sizeof *kind_words; i++)
		if (strcmp(kind_words[i][0], key) == 0)
			found = kind_words[i][1];
	free(key);
	return found;
}

/* 1/0, có/không, đang hoạt động/ngừng…; -2 when unreadable. */
static int active_of(const char *cell)
{
	if (!*cell)
		return 1;
	char *k = text_search_key(cell);
	int v = -2;
	if (!strcmp(k, "1") || !strcmp(k, "co") || !strcmp(k, "x") || !strcmp(k, "true") ||
	    !strcmp(k, "yes") || !strcmp(k, "dang hoat dong") || !strcmp(k, "hoat dong"))
		v = 1;
	else if (!strcmp(k, "0") || !strcmp(k, "khong") || !strcmp(k, "false") || !strcmp(k, "no") ||
		 !strcmp(k, "ngung hoat dong") || !strcmp(k, "ngung") || !strcmp(k, "giai the"))
		v = 0;
	free(k);
	return v;
}

/* Dates arrive as YYYY-MM-DD (XLSX dates are rendered so) or dd/mm/yyyy. */
static const char *date_of(arena *ar, const char *cell)
{
	int dd, mm, yy;
	char tail;
	if (!*cell)
		return NULL;
	if (sscanf(cell, "%d/%d/%d%c", &dd, &mm, &yy, &tail) == 3)
		return arena_printf(ar, "%04d-%02d-%02d", yy, mm, dd);
	return cell;
}

int units_rows_from_table(db *d, arena *ar, const table *t, struct unit_row **out, size_t *n,
			  int *bad_row, err *e)
{
	*out = NULL;
	*n = 0;
	*bad_row = 0;
	if (t->n_rows < 2)
		return err_set(e, E_INVAL, "Tệp cần một dòng tiêu đề và ít nhất một dòng dữ liệu");
	int c_code = table_find_col(t, 0, h_code), c_name = table_find_col(t, 0, h_name),
	    c_kind = table_find_col(t, 0, h_kind), c_parent = table_find_col(t, 0, h_parent),
	    c_active = table_find_col(t, 0, h_active), c_from = table_find_col(t, 0, h_from),
	    c_to = table_find_col(t, 0, h_to);
	*bad_row = 1;
	if (c_code < 0)
		return err_set(e, E_INVAL, "Thiếu cột \"Mã đơn vị\"");
	if (c_name < 0)
		return err_set(e, E_INVAL, "Thiếu cột \"Tên đơn vị\"");
	if (c_kind < 0)
		return err_set(e, E_INVAL, "Thiếu cột \"Loại đơn vị\"");
	if (c_parent < 0)
		return err_set(e, E_INVAL, "Thiếu cột \"Mã đơn vị cấp trên\"");
	*bad_row = 0;
	struct unit_row *rows = arena_alloc(ar, (t->n_rows - 1) * sizeof *rows);
	size_t k = 0;
	for (size_t r = 1; r < t->n_rows; r++) {
		char **cells = t->cells[r];
		bool blank = true;
		for (size_t c = 0; c < t->n_cols && blank; c++)
			blank = !cells[c][0];
		if (blank)
			continue; /* spacer rows people leave in sheets */
		struct unit_row *u = &rows[k];
		u->line = (int)r + 1;
		u->code = cells[c_code];
		u->name = cells[c_name];
		u->parent_code = cells[c_parent];
		u->kind = (char *)kind_of(d, ar, cells[c_kind]);
		u->active = c_active >= 0 ? active_of(cells[c_active]) : 1;
		u->valid_from = c_from >= 0 ? (char *)date_of(ar, cells[c_from]) : NULL;
		u->valid_to = c_to >= 0 ? (char *)date_of(ar, cells[c_to]) : NULL;
		if (!u->kind) {
			*bad_row = (int)r + 1;
			return err_set(e, E_INVAL, "Dòng %zu: loại đơn vị \"%s\" không hợp lệ", r + 1,
				       cells[c_kind]);
		}
		if (u->active == -2) {
			*bad_row = (int)r + 1;
			return err_set(e, E_INVAL, "Dòng %zu: trạng thái \"%s\" không hiểu được (dùng 1/0 hoặc có/không)",
				       r + 1, cells[c_active]);
		}
		k++;
	}
	*out = rows;
	*n = k;
	return 0;
}

int units_import_file(db *d, const actor *a, const void *data, size_t n, const char *hint,
		      int64_t *created, int *bad_row, err *e)
{
	*created = 0;
	*bad_row = 0;
	/* authorization before reading a byte of the file */
	if (a->role != ROLE_ADMIN)
		return err_set(e, E_FORBIDDEN, "Chỉ quản trị hệ thống được nhập danh sách đơn vị");
	table t = {0};
	arena *ar = arena_new();
	struct unit_row *rows;
	size_t nrows;
	int rc = table_read(data, n, hint, &t, e);
	if (rc == 0)
		rc = units_rows_from_table(d, ar, &t, &rows, &nrows, bad_row, e);
	if (rc == 0)
		rc = units_import(d, a, rows, nrows, created, bad_row, e);
	table_free(&t);
	arena_free(ar);
	return rc;
}
