/* test_units_import.c — importing units from an Excel workbook, the way
 * offices keep their lists: Vietnamese headers, kinds written as words,
 * dates as real Excel dates. */
#include "testunits.h"

#include <xlsxwriter.h>

#include "core/units.h"
#include "core/units_table.h"

static db *d;
static actor sys;

static int setup(void **state)
{
	d = test_db_open();
	test_root(d, &sys, "QNG", "Tỉnh Quảng Ngãi", "province");
	return 0;
}

static int teardown(void **state)
{
	test_db_close(d);
	return 0;
}

/* Writes a workbook with the given rows (NULL-terminated cells) and reads
 * its bytes back; the date column (index 4) gets a real Excel date. */
static void workbook(const char *rows[][6], int n, buf *out)
{
	char path[] = "/tmp/thidua-xlsx-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Đơn vị");
	lxw_format *date = workbook_add_format(wb);
	format_set_num_format(date, "dd/mm/yyyy");
	for (int r = 0; r < n; r++)
		for (int c = 0; c < 6 && rows[r][c]; c++) {
			int y, m, dd;
			if (r > 0 && c == 4 && sscanf(rows[r][c], "%d-%d-%d", &y, &m, &dd) == 3) {
				lxw_datetime dt = {y, m, dd, 0, 0, 0};
				worksheet_write_datetime(ws, (lxw_row_t)r, (lxw_col_t)c, &dt, date);
			} else {
				worksheet_write_string(ws, (lxw_row_t)r, (lxw_col_t)c, rows[r][c], NULL);
			}
		}
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	err e;
	assert_int_equal(read_file(path, 1 << 20, out, &e), 0);
	unlink(path);
}

static void an_excel_list_is_imported(void **state)
{
	const char *rows[][6] = {
		{"STT", "Mã ĐV", "Tên đơn vị", "Loại", "Ngày hiệu lực", "Mã cấp trên"},
		{"1", "X-AN-PHU", "Xã An Phú", "Xã", "2025-07-01", "QNG"},
		{"2", "P-CAM-THANH", "Phường Cẩm Thành", "phường", "2025-07-01", "QNG"},
		{"3", "TDP-1", "Tổ dân phố 1", "Tổ dân phố", NULL, NULL},
	};
	/* the last row's parent lies in column 6: fill it by hand */
	rows[3][4] = "";
	rows[3][5] = "P-CAM-THANH";
	buf x = BUF_INIT;
	workbook(rows, 4, &x);
	int64_t created = 0;
	int bad = 0;
	err e = {0};
	int rc = units_import_file(d, &sys, x.p, x.len, NULL, &created, &bad, &e);
	assert_int_equal(rc, 0);
	assert_int_equal(created, 3);
	arena *ar = arena_new();
	unit u;
	assert_int_equal(unit_by_code(d, ar, "TDP-1", &u, &e), 0);
	assert_string_equal(u.kind, "hamlet");
	assert_int_equal(unit_by_code(d, ar, "X-AN-PHU", &u, &e), 0);
	assert_string_equal(u.valid_from, "2025-07-01");
	assert_string_equal(u.kind, "commune");
	arena_free(ar);
	buf_free(&x);
}

static void a_bad_excel_row_is_named_and_nothing_written(void **state)
{
	const char *rows[][6] = {
		{"Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Mã đơn vị cấp trên", NULL, NULL},
		{"OK-1", "Xã Đúng", "Xã", "QNG", NULL, NULL},
		{"OK-2", "", "Xã", "QNG", NULL, NULL},
	};
	buf x = BUF_INIT;
	workbook(rows, 3, &x);
	int64_t created = -1, n = 0;
	int bad = 0;
	err e = {0};
	assert_int_equal(units_import_file(d, &sys, x.p, x.len, "xlsx", &created, &bad, &e), E_INVAL);
	assert_int_equal(bad, 3);
	assert_non_null(strstr(e.msg, "Dòng 3"));
	assert_int_equal(created, 0);
	assert_int_equal(db_get_i64(d, &n, &e, "SELECT COUNT(*) FROM units WHERE code = 'OK-1'", NULL), 0);
	assert_int_equal(n, 0);
	buf_free(&x);
}

static void only_admins_import(void **state)
{
	actor officer = sys;
	officer.role = ROLE_OFFICER;
	int64_t created;
	int bad;
	err e = {0};
	assert_int_equal(units_import_file(d, &officer, "junk", 4, NULL, &created, &bad, &e), E_FORBIDDEN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(an_excel_list_is_imported),
		cmocka_unit_test(a_bad_excel_row_is_named_and_nothing_written),
		cmocka_unit_test(only_admins_import),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
