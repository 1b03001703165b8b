/* test_table.c — reading CSV and XLSX files into cells (io/table). */
#include "testutil.h"

#include <pthread.h>
#include <time.h>
#include <xlsxwriter.h>
#include <zip.h>
#include <zlib.h>

#include "io/table.h"
#include "io/table_int.h"

/* ---- helpers ---- */

static int read_str(const char *s, table *t, err *e)
{
	return table_read(s, strlen(s), NULL, t, e);
}

static void expect_row(const table *t, size_t r, const char *const *want, size_t n)
{
	assert_true(r < t->n_rows);
	for (size_t c = 0; c < n; c++)
		assert_string_equal(t->cells[r][c], want[c]);
	for (size_t c = n; c < t->n_cols; c++)
		assert_string_equal(t->cells[r][c], "");
}

#define ROW(t, r, ...)                                                                     \
	do {                                                                               \
		const char *const w_[] = {__VA_ARGS__};                                    \
		expect_row((t), (r), w_, sizeof w_ / sizeof w_[0]);                        \
	} while (0)

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *temp_path(void)
{
	char *p = xstrdup("/tmp/thidua-table-XXXXXX");
	int fd = mkstemp(p);
	assert_true(fd >= 0);
	close(fd);
	return p;
}

/* Bytes of a file just written, and the file removed. */
static buf slurp(char *path)
{
	buf b = BUF_INIT;
	err e = {0};
	if (read_file(path, 64u << 20, &b, &e) != 0)
		fail_msg("%s", e.msg);
	unlink(path);
	free(path);
	return b;
}

static int read_buf(const buf *b, table *t, err *e)
{
	return table_read(b->p, b->len, NULL, t, e);
}

/* ---- CSV ---- */

static void csv_comma(void **state)
{
	table t;
	err e = {0};
	assert_int_equal(read_str("Họ tên,Đơn vị,Số\nNguyễn Văn A,Xã An Phú,12\n", &t, &e), 0);
	assert_int_equal(t.n_rows, 2);
	assert_int_equal(t.n_cols, 3);
	ROW(&t, 0, "Họ tên", "Đơn vị", "Số");
	ROW(&t, 1, "Nguyễn Văn A", "Xã An Phú", "12");
	table_free(&t);
}

static void csv_semicolon_and_tab(void **state)
{
	table t;
	err e = {0};
	/* Vietnamese Excel exports ';'; decimal commas stay inside cells */
	assert_int_equal(read_str("Tên;Điểm\nLê Thị Ánh;9,5\n", &t, &e), 0);
	ROW(&t, 0, "Tên", "Điểm");
	ROW(&t, 1, "Lê Thị Ánh", "9,5");
	table_free(&t);
	assert_int_equal(read_str("Tên\tĐiểm, ghi chú\nBình\t7\n", &t, &e), 0); /* tie: TAB */
	ROW(&t, 0, "Tên", "Điểm, ghi chú");
	ROW(&t, 1, "Bình", "7");
	table_free(&t);
	/* Excel's "sep=" line names the delimiter and is not a row */
	assert_int_equal(read_str("sep=;\r\na,b;c\r\n", &t, &e), 0);
	assert_int_equal(t.n_rows, 1);
	ROW(&t, 0, "a,b", "c");
	table_free(&t);
}

static void csv_quotes_newlines(void **state)
{
	table t;
	err e = {0};
	const char *csv = "\"Hà Nội, Việt Nam\",\"Nói \"\"xin chào\"\"\",\"dòng 1\r\ndòng 2\"\r\n"
			  "x,  \"có dấu cách\"  ,y\r\n";
	assert_int_equal(read_str(csv, &t, &e), 0);
	assert_int_equal(t.n_rows, 2);
	ROW(&t, 0, "Hà Nội, Việt Nam", "Nói \"xin chào\"", "dòng 1\ndòng 2");
	ROW(&t, 1, "x", "có dấu cách", "y");
	table_free(&t);
}

static void csv_bom_crlf_blank_rows(void **state)
{
	table t;
	err e = {0};
	assert_int_equal(read_str("\xEF\xBB\xBFMã,Tên\r\n\r\nA1,Một\r\nA2\r\n\r\n,,\r\n", &t, &e), 0);
	/* the blank line is a row, as in Excel; trailing empty rows go */
	assert_int_equal(t.n_rows, 4);
	assert_int_equal(t.n_cols, 2);
	ROW(&t, 0, "Mã", "Tên");
	ROW(&t, 1, "", "");
	ROW(&t, 2, "A1", "Một");
	ROW(&t, 3, "A2", "");
	table_free(&t);
	/* LF only, no final newline */
	assert_int_equal(read_str("a,b\nc,d", &t, &e), 0);
	assert_int_equal(t.n_rows, 2);
	ROW(&t, 1, "c", "d");
	table_free(&t);
}

static void csv_utf16le_bom(void **state)
{
	/* Excel "Unicode text": UTF-16LE, BOM, tab-separated, CR LF */
	const char *utf8 = "Tên\tSố\r\nLê Thị Ánh\t5\r\nEmoji 😀\t6\r\n";
	buf b = BUF_INIT;
	buf_put(&b, "\xFF\xFE", 2);
	for (const unsigned char *p = (const unsigned char *)utf8; *p;) {
		uint32_t cp;
		int k = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
		cp = k == 1 ? *p : (uint32_t)(*p & (0x7F >> k));
		for (int i = 1; i < k; i++)
			cp = cp << 6 | (p[i] & 0x3F);
		p += k;
		uint16_t u[2] = {(uint16_t)cp, 0};
		int nu = 1;
		if (cp >= 0x10000) {
			u[0] = (uint16_t)(0xD800 + ((cp - 0x10000) >> 10));
			u[1] = (uint16_t)(0xDC00 + ((cp - 0x10000) & 0x3FF));
			nu = 2;
		}
		for (int i = 0; i < nu; i++) {
			char le[2] = {(char)(u[i] & 0xFF), (char)(u[i] >> 8)};
			buf_put(&b, le, 2);
		}
	}
	table t;
	err e = {0};
	assert_int_equal(read_buf(&b, &t, &e), 0);
	assert_int_equal(t.n_rows, 3);
	ROW(&t, 0, "Tên", "Số");
	ROW(&t, 1, "Lê Thị Ánh", "5");
	ROW(&t, 2, "Emoji 😀", "6");
	table_free(&t);
	/* a lone surrogate is an error, not a crash */
	buf_put(&b, "\x00\xD8", 2);
	assert_int_equal(read_buf(&b, &t, &e), E_PARSE);
	buf_free(&b);
}

static void csv_invalid_utf8_names_row(void **state)
{
	table t;
	err e = {0};
	/* Windows-1258: "Nguyễn" has no UTF-8 meaning */
	assert_int_equal(read_str("Họ tên,Số\nNguy\xea\xde\x6e V\xe3n A,1\n", &t, &e), E_PARSE);
	assert_non_null(strstr(e.msg, "Tệp không ở mã UTF-8; hãy lưu lại dưới dạng CSV UTF-8"));
	assert_non_null(strstr(e.msg, "Dòng 2"));
	assert_null(t.cells);
	/* binary junk gets the plain message */
	const char bin[] = "a,b\nc,d\ne\x00\xff\x01\x02\x03,f\n";
	assert_int_equal(table_read(bin, sizeof bin - 1, "csv", &t, &e), E_PARSE);
	assert_non_null(strstr(e.msg, "Dòng 3: dữ liệu không phải văn bản UTF-8"));
}

static void csv_cells_are_nfc_trimmed_and_clean(void **state)
{
	table t;
	err e = {0};
	/* NFD "Việt", a C0 control, a tab, NBSP padding, a C1 control */
	const char *csv = "  Vie\xcc\xa3\xcc\x82t\x01 Nam\t ,\xc2\xa0Huế\xc2\x85\xc2\xa0,\"a\tb\rc\"\n";
	assert_int_equal(read_str(csv, &t, &e), 0);
	ROW(&t, 0, "Việt Nam", "Huế", "a b\nc");
	table_free(&t);
}

static void csv_short_rows_padded(void **state)
{
	table t;
	err e = {0};
	assert_int_equal(read_str("a,b,c\nd\n,,,,\ne,f\n", &t, &e), 0);
	assert_int_equal(t.n_rows, 4);
	assert_int_equal(t.n_cols, 3);
	ROW(&t, 1, "d");
	ROW(&t, 2, "");
	ROW(&t, 3, "e", "f");
	table_free(&t);
}

static void csv_too_many_columns(void **state)
{
	buf b = BUF_INIT;
	for (int i = 0; i <= 16384; i++)
		buf_puts(&b, "x,");
	table t;
	err e = {0};
	assert_int_equal(read_buf(&b, &t, &e), E_TOOBIG);
	assert_non_null(strstr(e.msg, "Dòng 1"));
	buf_free(&b);
}

static void empty_is_inval(void **state)
{
	table t;
	err e = {0};
	assert_int_equal(table_read("", 0, NULL, &t, &e), E_INVAL);
	assert_string_equal(e.msg, "Tệp không có dữ liệu.");
	assert_int_equal(read_str("  ,  \r\n\r\n\t\r\n", &t, &e), E_INVAL);
	assert_int_equal(read_str("\xEF\xBB\xBF", &t, &e), E_INVAL);
	assert_string_equal(e.msg, "Tệp không có dữ liệu.");
	table_free(&t); /* safe on the emptied table */
}

static void legacy_xls_is_media(void **state)
{
	unsigned char xls[600] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
	table t;
	err e = {0};
	assert_int_equal(table_read(xls, sizeof xls, NULL, &t, &e), E_MEDIA);
	assert_non_null(strstr(e.msg, ".xlsx"));
	assert_non_null(strstr(e.msg, ".xls)"));
	assert_int_equal(table_read(xls, sizeof xls, "xlsx", &t, &e), E_MEDIA);
	/* a password-protected .xlsx is an OLE2 file with an EncryptionInfo stream */
	memcpy(xls + 100, "E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0", 28);
	assert_int_equal(table_read(xls, sizeof xls, NULL, &t, &e), E_MEDIA);
	assert_non_null(strstr(e.msg, "mật khẩu"));
}

static void hints(void **state)
{
	table t;
	err e = {0};
	assert_int_equal(table_read("a,b", 3, "xlsx", &t, &e), E_PARSE);
	assert_int_equal(table_read("a,b", 3, "pdf", &t, &e), E_MEDIA);
	assert_int_equal(table_read("a,b", 3, ".CSV", &t, &e), 0);
	table_free(&t);
}

/* ---- XLSX written by libxlsxwriter ---- */

static void xlsx_strings_numbers_booleans(void **state)
{
	char *path = temp_path();
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Danh sách");
	lxw_format *bold = workbook_add_format(wb);
	format_set_bold(bold);
	worksheet_write_string(ws, 0, 0, "Họ và tên", NULL);
	worksheet_write_string(ws, 0, 1, "  Đơn vị  ", NULL);
	worksheet_write_string(ws, 0, 2, "Số", NULL);
	worksheet_write_string(ws, 1, 0, "Trần Thị Ngọc Ánh", NULL);
	worksheet_write_string(ws, 1, 1, "Xã Đắk Mil", NULL);
	worksheet_write_number(ws, 1, 2, 42, NULL);
	worksheet_write_number(ws, 2, 0, 12.5, NULL);
	worksheet_write_number(ws, 2, 1, 0.1 + 0.2, NULL);
	worksheet_write_number(ws, 2, 2, -3, NULL);
	worksheet_write_number(ws, 3, 0, 123456789012.0, NULL);
	worksheet_write_boolean(ws, 3, 1, 1, NULL);
	worksheet_write_boolean(ws, 3, 2, 0, NULL);
	worksheet_write_formula_str(ws, 4, 0, "=\"Hà\"&\" Nội\"", NULL, "Hà Nội");
	worksheet_write_string(ws, 4, 1, "Trần Thị Ngọc Ánh", NULL); /* same shared string */
	lxw_rich_string_tuple f1 = {NULL, "Chiến sĩ "}, f2 = {bold, "thi đua"};
	lxw_rich_string_tuple *rich[] = {&f1, &f2, NULL};
	worksheet_write_rich_string(ws, 4, 2, rich, NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	buf b = slurp(path);
	table t;
	err e = {0};
	assert_int_equal(read_buf(&b, &t, &e), 0);
	assert_int_equal(t.n_rows, 5);
	assert_int_equal(t.n_cols, 3);
	ROW(&t, 0, "Họ và tên", "Đơn vị", "Số");
	ROW(&t, 1, "Trần Thị Ngọc Ánh", "Xã Đắk Mil", "42");
	ROW(&t, 2, "12.5", "0.3", "-3");
	ROW(&t, 3, "123456789012", "TRUE", "FALSE");
	ROW(&t, 4, "Hà Nội", "Trần Thị Ngọc Ánh", "Chiến sĩ thi đua");
	table_free(&t);
	buf_free(&b);
}

static void xlsx_dates(void **state)
{
	char *path = temp_path();
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
	lxw_format *dmy = workbook_add_format(wb), *dt = workbook_add_format(wb);
	lxw_format *builtin = workbook_add_format(wb), *hm = workbook_add_format(wb);
	lxw_format *money = workbook_add_format(wb);
	format_set_num_format(dmy, "dd/mm/yyyy");
	format_set_num_format(dt, "[$-42A]dd/mm/yyyy hh:mm");
	format_set_num_format_index(builtin, 14);
	format_set_num_format(hm, "hh:mm");
	format_set_num_format(money, "#,##0 \"đ/m\"");
	lxw_datetime d1 = {2024, 3, 1, 0, 0, 0}, d2 = {2023, 12, 31, 8, 30, 0};
	lxw_datetime t1 = {1899, 12, 31, 8, 30, 0};
	worksheet_write_datetime(ws, 0, 0, &d1, dmy);
	worksheet_write_datetime(ws, 0, 1, &d2, dt);
	worksheet_write_datetime(ws, 0, 2, &d1, dt);
	worksheet_write_datetime(ws, 0, 3, &d2, builtin);
	worksheet_write_datetime(ws, 0, 4, &t1, hm);
	worksheet_write_number(ws, 1, 0, 59, dmy);
	worksheet_write_number(ws, 1, 1, 60, dmy);
	worksheet_write_number(ws, 1, 2, 61, dmy);
	worksheet_write_number(ws, 1, 3, 45352, NULL);
	worksheet_write_number(ws, 1, 4, 1500000, money);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	buf b = slurp(path);
	table t;
	err e = {0};
	assert_int_equal(read_buf(&b, &t, &e), 0);
	ROW(&t, 0, "2024-03-01", "2023-12-31 08:30:00", "2024-03-01", "2023-12-31", "08:30:00");
	/* Excel's phantom 29 February 1900 is day 60 */
	ROW(&t, 1, "1900-02-28", "1900-02-29", "1900-03-01", "45352", "1500000");
	table_free(&t);
	buf_free(&b);
}

static void xlsx_gaps(void **state)
{
	char *path = temp_path();
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
	worksheet_write_string(ws, 0, 0, "A1", NULL);
	worksheet_write_string(ws, 2, 2, "C3", NULL);
	worksheet_write_blank(ws, 7, 9, workbook_add_format(wb)); /* styled, empty: ignored */
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	buf b = slurp(path);
	table t;
	err e = {0};
	assert_int_equal(read_buf(&b, &t, &e), 0);
	assert_int_equal(t.n_rows, 3);
	assert_int_equal(t.n_cols, 3);
	ROW(&t, 0, "A1");
	ROW(&t, 1, "");
	ROW(&t, 2, "", "", "C3");
	table_free(&t);
	buf_free(&b);
}

static void xlsx_first_of_two_sheets(void **state)
{
	char *path = temp_path();
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE}; /* inline strings */
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	lxw_worksheet *one = workbook_add_worksheet(wb, "Khen thưởng");
	lxw_worksheet *two = workbook_add_worksheet(wb, "Khác");
	worksheet_write_string(one, 0, 0, "Bằng khen Chủ tịch UBND tỉnh", NULL);
	worksheet_write_string(two, 0, 0, "không đọc", NULL);
	worksheet_write_string(two, 5, 5, "không đọc", NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	buf b = slurp(path);
	table t;
	err e = {0};
	assert_int_equal(table_read(b.p, b.len, "xlsx", &t, &e), 0);
	assert_int_equal(t.n_rows, 1);
	assert_int_equal(t.n_cols, 1);
	ROW(&t, 0, "Bằng khen Chủ tịch UBND tỉnh");
	table_free(&t);
	/* a .csv hint does not matter: the zip magic decides */
	assert_int_equal(table_read(b.p, b.len, "csv", &t, &e), 0);
	table_free(&t);
	buf_free(&b);
}

/* ---- hand-built packages ---- */

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG "http://schemas.openxmlformats.org/package/2006/relationships"

static const char ROOT_RELS[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
	"<Relationships xmlns=\"" NS_PKG "\"><Relationship Id=\"rId1\" Type=\"" NS_REL
	"/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
static const char WORKBOOK[] =
	"<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><sheets>"
	"<sheet name=\"Trang 1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char WB_RELS[] =
	"<Relationships xmlns=\"" NS_PKG "\"><Relationship Id=\"rId1\" Type=\"" NS_REL
	"/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
static const char SHEET_HEAD[] = "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>";
static const char SHEET_TAIL[] = "</sheetData></worksheet>";

typedef struct zpart {
	const char *name, *data;
} zpart;

/* A zip of the parts written with libzip, as bytes. */
static buf zip_of(const zpart *parts, size_t n)
{
	char *path = temp_path();
	int ze;
	zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &ze);
	assert_non_null(za);
	for (size_t i = 0; i < n; i++) {
		zip_source_t *s = zip_source_buffer(za, parts[i].data, strlen(parts[i].data), 0);
		assert_non_null(s);
		assert_true(zip_file_add(za, parts[i].name, s, ZIP_FL_ENC_UTF_8) >= 0);
	}
	assert_int_equal(zip_close(za), 0);
	return slurp(path);
}

/* Reads a workbook of the standard parts around the given sheet data,
 * plus shared strings and styles when given. */
static int read_sheet(const char *sheet_data, const char *sst, const char *styles, table *t,
		      err *e)
{
	char *sheet = xasprintf("%s%s%s", SHEET_HEAD, sheet_data, SHEET_TAIL);
	zpart parts[6] = {{"_rels/.rels", ROOT_RELS},
			  {"xl/workbook.xml", WORKBOOK},
			  {"xl/_rels/workbook.xml.rels", WB_RELS},
			  {"xl/worksheets/sheet1.xml", sheet}};
	size_t n = 4;
	if (sst)
		parts[n++] = (zpart){"xl/sharedStrings.xml", sst};
	if (styles)
		parts[n++] = (zpart){"xl/styles.xml", styles};
	buf b = zip_of(parts, n);
	int rc = read_buf(&b, t, e);
	buf_free(&b);
	free(sheet);
	return rc;
}

static void xlsx_inline_and_formula_strings(void **state)
{
	const char *data =
		"<row r=\"1\">"
		"<c r=\"A1\" t=\"inlineStr\"><is><t>Phong trào</t></is></c>"
		"<c r=\"B1\" t=\"inlineStr\"><is><r><t>Thi đua</t></r><r><t xml:space=\"preserve\">"
		" yêu </t></r><r><t>nước</t></r><rPh><t>ignored</t></rPh></is></c>"
		"<c r=\"C1\" t=\"str\"><f>A1&amp;\"!\"</f><v>Phong trào!</v></c>"
		"<c r=\"D1\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
		"</row><row r=\"2\">"
		"<c t=\"inlineStr\"><is><t>dòng 1_x000D_\ndòng 2</t></is></c>"
		"<c t=\"inlineStr\"><is><t>a_x005F_x0041_b &lt;&amp;&gt;</t></is></c>"
		"<c><v>7</v></c><c t=\"d\"><v>2024-05-01T00:00:00</v></c>"
		"</row>";
	table t;
	err e = {0};
	assert_int_equal(read_sheet(data, NULL, NULL, &t, &e), 0);
	ROW(&t, 0, "Phong trào", "Thi đua yêu nước", "Phong trào!", "#DIV/0!");
	ROW(&t, 1, "dòng 1\ndòng 2", "a_x0041_b <&>", "7", "2024-05-01");
	table_free(&t);
}

static void xlsx_missing_shared_strings(void **state)
{
	table t;
	err e = {0};
	/* no sharedStrings part is fine while no cell refers to it */
	assert_int_equal(read_sheet("<row><c><v>1</v></c></row>", NULL, NULL, &t, &e), 0);
	table_free(&t);
	assert_int_equal(read_sheet("<row r=\"3\"><c r=\"B3\" t=\"s\"><v>0</v></c></row>", NULL,
				    NULL, &t, &e),
			 E_PARSE);
	assert_non_null(strstr(e.msg, "Dòng 3, ô B3"));
	assert_non_null(strstr(e.msg, "chuỗi dùng chung"));
	/* an index past the table */
	const char *sst = "<sst xmlns=\"" NS_MAIN "\"><si><t>một</t></si></sst>";
	assert_int_equal(read_sheet("<row><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c></row>",
				    sst, NULL, &t, &e),
			 E_PARSE);
	assert_non_null(strstr(e.msg, "ô B1"));
}

static void xlsx_out_of_order_and_repeated_cells(void **state)
{
	table t;
	err e = {0};
	const char *data = "<row r=\"2\"><c r=\"B2\"><v>2</v></c><c r=\"A2\"><v>1</v></c></row>"
			   "<row r=\"1\"><c r=\"A1\"><v>9</v></c><c r=\"A1\"><v>0</v></c></row>";
	assert_int_equal(read_sheet(data, NULL, NULL, &t, &e), 0);
	ROW(&t, 0, "0");
	ROW(&t, 1, "1", "2");
	table_free(&t);
	assert_int_equal(read_sheet("<row><c r=\"1A\"><v>1</v></c></row>", NULL, NULL, &t, &e),
			 E_PARSE);
	assert_int_equal(read_sheet("<row><c r=\"XFE1\"><v>1</v></c></row>", NULL, NULL, &t, &e),
			 E_PARSE);
}

/* Not "sheet1.xml", an absolute target, a strict-OOXML relationship type,
 * the 1904 date system, custom formats and the styles part. */
static void xlsx_relationships_styles_1904(void **state)
{
	const char *root = "<Relationships xmlns=\"" NS_PKG "\"><Relationship Id=\"a\" "
			   "Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/"
			   "officeDocument\" Target=\"/book/main.xml\"/></Relationships>";
	const char *wb = "<x:workbook xmlns:x=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\">"
			 "<x:workbookPr date1904=\"true\"/><x:sheets>"
			 "<x:sheet name=\"B\" sheetId=\"2\" r:id=\"s2\"/>"
			 "<x:sheet name=\"A\" sheetId=\"1\" r:id=\"s1\"/></x:sheets></x:workbook>";
	const char *rels = "<Relationships xmlns=\"" NS_PKG "\">"
			   "<Relationship Id=\"s1\" Type=\"" NS_REL "/worksheet\" Target=\"../x.xml\"/>"
			   "<Relationship Id=\"s2\" Type=\"" NS_REL "/worksheet\" "
			   "Target=\"/book/sheets/./data.xml\"/>"
			   "<Relationship Id=\"h\" Type=\"" NS_REL "/hyperlink\" "
			   "Target=\"http://example.invalid/\" TargetMode=\"External\"/>"
			   "<Relationship Id=\"st\" Type=\"" NS_REL "/styles\" Target=\"s.xml\"/>"
			   "</Relationships>";
	const char *styles =
		"<styleSheet xmlns=\"" NS_MAIN "\"><numFmts count=\"2\">"
		"<numFmt numFmtId=\"164\" formatCode=\"d&quot;/&quot;m&quot;/&quot;yyyy\"/>"
		"<numFmt numFmtId=\"165\" formatCode=\"#,##0.00&quot; ngày&quot;\"/></numFmts>"
		"<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
		"<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/>"
		"<xf numFmtId=\"165\"/><xf numFmtId=\"22\"/></cellXfs></styleSheet>";
	const char *sheet = "<worksheet xmlns=\"" NS_MAIN "\"><sheetData><row>"
			    "<c s=\"1\"><v>0</v></c><c s=\"1\"><v>43890</v></c>"
			    "<c s=\"2\"><v>43890</v></c><c s=\"3\"><v>1.5</v></c>"
			    "<c><v>1</v></c></row></sheetData></worksheet>";
	zpart parts[] = {{"_rels/.rels", root},
			 {"book/main.xml", wb},
			 {"book/_rels/main.xml.rels", rels},
			 {"book/sheets/data.xml", sheet},
			 {"book/s.xml", styles}};
	buf b = zip_of(parts, sizeof parts / sizeof parts[0]);
	table t;
	err e = {0};
	assert_int_equal(read_buf(&b, &t, &e), 0);
	ROW(&t, 0, "1904-01-01", "2024-03-01", "43890", "1904-01-02 12:00:00", "1");
	table_free(&t);
	buf_free(&b);
}

static void xlsx_corrupt_and_foreign_zips(void **state)
{
	table t;
	err e = {0};
	/* zip magic then garbage */
	const char junk[] = "PK\x03\x04 this is not really a zip archive at all";
	assert_int_equal(table_read(junk, sizeof junk - 1, NULL, &t, &e), E_PARSE);
	assert_non_null(strstr(e.msg, "XLSX"));
	/* a real workbook, cut short or with flipped bytes */
	zpart parts[] = {{"_rels/.rels", ROOT_RELS},
			 {"xl/workbook.xml", WORKBOOK},
			 {"xl/_rels/workbook.xml.rels", WB_RELS},
			 {"xl/worksheets/sheet1.xml",
			  "<worksheet xmlns=\"" NS_MAIN "\"><sheetData><row><c t=\"inlineStr\"><is>"
			  "<t>Xin chào các bạn, đây là một ô khá dài để nén</t></is></c></row>"
			  "</sheetData></worksheet>"}};
	buf b = zip_of(parts, 4);
	assert_int_equal(table_read(b.p, b.len / 2, NULL, &t, &e), E_PARSE);
	for (size_t i = 40; i < b.len; i += 7) {
		buf c = BUF_INIT;
		buf_put(&c, b.p, b.len);
		c.p[i] ^= 0x5A;
		int rc = read_buf(&c, &t, &e);
		assert_true(rc == 0 || rc == E_PARSE || rc == E_MEDIA || rc == E_INVAL ||
			    rc == E_TOOBIG);
		assert_true(rc != 0 || t.n_rows > 0);
		table_free(&t);
		buf_free(&c);
	}
	buf_free(&b);
	/* a zip that is not a workbook at all, and a Word document */
	zpart other[] = {{"ghi-chu.txt", "Không phải bảng tính"}};
	b = zip_of(other, 1);
	assert_int_equal(read_buf(&b, &t, &e), E_MEDIA);
	assert_non_null(strstr(e.msg, "không phải bảng tính Excel"));
	buf_free(&b);
	zpart docx[] = {{"_rels/.rels", "<Relationships xmlns=\"" NS_PKG "\"><Relationship "
					 "Id=\"r\" Type=\"" NS_REL "/officeDocument\" "
					 "Target=\"word/document.xml\"/></Relationships>"},
			{"word/document.xml", "<w:document xmlns:w=\"urn:w\"><w:body/></w:document>"}};
	b = zip_of(docx, 2);
	assert_int_equal(read_buf(&b, &t, &e), E_MEDIA);
	buf_free(&b);
}

static int read_sheet_xml(const char *sheet, table *t, err *e)
{
	zpart parts[] = {{"_rels/.rels", ROOT_RELS},
			 {"xl/workbook.xml", WORKBOOK},
			 {"xl/_rels/workbook.xml.rels", WB_RELS},
			 {"xl/worksheets/sheet1.xml", sheet}};
	buf b = zip_of(parts, 4);
	int rc = read_buf(&b, t, e);
	buf_free(&b);
	return rc;
}

static void xlsx_refuses_dtd_and_entities(void **state)
{
	table t;
	err e = {0};
	/* libxml2 stops the entity amplification itself */
	const char *laughs = "<?xml version=\"1.0\"?><!DOCTYPE worksheet ["
			     "<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
			     "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
			     "<worksheet xmlns=\"" NS_MAIN "\"><sheetData><row><c t=\"inlineStr\">"
			     "<is><t>&c;</t></is></c></row></sheetData></worksheet>";
	assert_int_equal(read_sheet_xml(laughs, &t, &e), E_PARSE);
	/* and any DTD is refused: no OOXML part has one */
	const char *dtd = "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY a \"x\">]>"
			  "<worksheet xmlns=\"" NS_MAIN "\"><sheetData><row><c t=\"inlineStr\">"
			  "<is><t>&a;</t></is></c></row></sheetData></worksheet>";
	assert_int_equal(read_sheet_xml(dtd, &t, &e), E_PARSE);
	assert_non_null(strstr(e.msg, "DTD"));
	/* external entities are never fetched */
	const char *ext = "<?xml version=\"1.0\"?><!DOCTYPE worksheet SYSTEM \"file:///etc/passwd\">"
			  "<worksheet xmlns=\"" NS_MAIN "\"><sheetData/></worksheet>";
	assert_int_equal(read_sheet_xml(ext, &t, &e), E_PARSE);
}

static void xlsx_empty_and_too_many_cells(void **state)
{
	table t;
	err e = {0};
	/* two cells, but the padded grid would be 1,048,576 × 16,384 */
	assert_int_equal(read_sheet("<row r=\"1\"><c r=\"A1\"/><c r=\"B1\"><v> </v></c></row>", NULL, NULL,
				    &t, &e),
			 E_INVAL);
	assert_non_null(strstr(e.msg, "trang tính đầu tiên"));
	assert_int_equal(read_sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"1048576\">"
				    "<c r=\"XFD1048576\"><v>2</v></c></row>",
				    NULL, NULL, &t, &e),
			 E_TOOBIG);
	assert_non_null(strstr(e.msg, "10 triệu ô"));
}

/* ---- zip bomb, written byte by byte ---- */

static void put16(buf *b, unsigned v)
{
	char s[2] = {(char)(v & 0xFF), (char)(v >> 8 & 0xFF)};
	buf_put(b, s, 2);
}

static void put32(buf *b, uint32_t v)
{
	put16(b, v & 0xFFFF);
	put16(b, v >> 16);
}

typedef struct raw_entry {
	const char *name;
	const void *data;          /* as stored */
	size_t stored, size;       /* sizes written in the headers */
	uint32_t crc;
	unsigned method;           /* 0 stored, 8 deflate */
} raw_entry;

/* A zip archive laid out by hand, so the headers can say anything. */
static buf raw_zip(const raw_entry *ents, size_t n)
{
	buf z = BUF_INIT, cd = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		const raw_entry *r = &ents[i];
		uint32_t at = (uint32_t)z.len;
		size_t nl = strlen(r->name);
		put32(&z, 0x04034b50);
		put16(&z, 20), put16(&z, 0), put16(&z, r->method), put16(&z, 0), put16(&z, 0);
		put32(&z, r->crc), put32(&z, (uint32_t)r->stored), put32(&z, (uint32_t)r->size);
		put16(&z, (unsigned)nl), put16(&z, 0);
		buf_put(&z, r->name, nl);
		buf_put(&z, r->data, r->stored);
		put32(&cd, 0x02014b50);
		put16(&cd, 20), put16(&cd, 20), put16(&cd, 0), put16(&cd, r->method);
		put16(&cd, 0), put16(&cd, 0);
		put32(&cd, r->crc), put32(&cd, (uint32_t)r->stored), put32(&cd, (uint32_t)r->size);
		put16(&cd, (unsigned)nl), put16(&cd, 0), put16(&cd, 0), put16(&cd, 0), put16(&cd, 0);
		put32(&cd, 0), put32(&cd, at);
		buf_put(&cd, r->name, nl);
	}
	uint32_t cd_at = (uint32_t)z.len;
	buf_put(&z, cd.p, cd.len);
	put32(&z, 0x06054b50);
	put16(&z, 0), put16(&z, 0), put16(&z, (unsigned)n), put16(&z, (unsigned)n);
	put32(&z, (uint32_t)cd.len), put32(&z, cd_at), put16(&z, 0);
	buf_free(&cd);
	return z;
}

static raw_entry stored(const char *name, const char *data)
{
	size_t n = strlen(data);
	return (raw_entry){name, data, n, n, (uint32_t)crc32(0, (const Bytef *)data, (uInt)n), 0};
}

/* Deflates `head` then `times` copies of `chunk`. Each piece ends with a
 * full flush, which resets the compressor, so equal input gives equal
 * output: the chunk is compressed once and its bytes repeated. */
static void deflate_bomb(const char *head, const char *chunk, size_t clen, size_t times, buf *out,
			 size_t *size, uint32_t *crc)
{
	z_stream zs = {0};
	assert_int_equal(deflateInit2(&zs, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY), Z_OK);
	unsigned char tmp[1 << 16];
	buf piece = BUF_INIT;
	for (int step = 0; step < 3; step++) {
		const char *in = step == 0 ? head : step == 1 ? chunk : "";
		size_t n = step == 0 ? strlen(head) : step == 1 ? clen : 0;
		zs.next_in = (Bytef *)in;
		zs.avail_in = (uInt)n;
		buf_reset(&piece);
		int ret;
		do {
			zs.next_out = tmp;
			zs.avail_out = sizeof tmp;
			ret = deflate(&zs, step < 2 ? Z_FULL_FLUSH : Z_FINISH);
			buf_put(&piece, tmp, sizeof tmp - zs.avail_out);
		} while (zs.avail_out == 0 && ret != Z_STREAM_END);
		for (size_t k = 0; k < (step == 1 ? times : 1); k++)
			buf_put(out, piece.p, piece.len);
	}
	deflateEnd(&zs);
	buf_free(&piece);
	*size = strlen(head) + clen * times;
	uLong c = crc32(0, (const Bytef *)head, (uInt)strlen(head));
	uLong cc = crc32(0, (const Bytef *)chunk, (uInt)clen);
	for (size_t k = 0; k < times; k++)
		c = crc32_combine(c, cc, (z_off_t)clen);
	*crc = (uint32_t)c;
}

static void xlsx_zip_bomb(void **state)
{
	/* 200 MB of XML comments inside the sheet, a few hundred KB compressed */
	size_t clen = 1 << 20;
	char *chunk = xmalloc(clen);
	memset(chunk, ' ', clen);
	memcpy(chunk, "<!--", 4);
	memcpy(chunk + clen - 3, "-->", 3);
	buf z = BUF_INIT;
	size_t size;
	uint32_t crc;
	deflate_bomb(SHEET_HEAD, chunk, clen, 200, &z, &size, &crc);
	free(chunk);
	raw_entry ents[] = {stored("_rels/.rels", ROOT_RELS), stored("xl/workbook.xml", WORKBOOK),
			    stored("xl/_rels/workbook.xml.rels", WB_RELS),
			    {"xl/worksheets/sheet1.xml", z.p, z.len, size, crc, 8}};
	for (int lie = 0; lie < 2; lie++) {
		/* honest headers are refused on sight; lying ones when the budget runs out */
		ents[3].size = lie ? 4096 : size;
		buf zip = raw_zip(ents, 4);
		table t;
		err e = {0};
		double t0 = now_s();
		int rc = read_buf(&zip, &t, &e);
		double dt = now_s() - t0;
		print_message("zip bomb (%s headers): %.3f s, %s\n", lie ? "lying" : "honest", dt,
			      e.msg);
		assert_true(rc == E_TOOBIG || rc == E_PARSE);
		assert_true(dt < 3.0);
		buf_free(&zip);
	}
	buf_free(&z);
}

/* ---- threads ---- */

typedef struct job {
	const buf *data;
	int failures;
} job;

static void *read_many(void *arg)
{
	job *j = arg;
	for (int i = 0; i < 20; i++) {
		table t;
		err e = {0};
		if (read_buf(j->data, &t, &e) != 0 || strcmp(t.cells[1][2], "2024-03-01") != 0 ||
		    strcmp(t.cells[1][3], "12.5") != 0)
			j->failures++;
		table_free(&t);
	}
	return NULL;
}

/* Server worker threads read uploads at the same time. */
static void concurrent_reads(void **state)
{
	char *path = temp_path();
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
	lxw_format *dmy = workbook_add_format(wb);
	format_set_num_format(dmy, "dd/mm/yyyy");
	lxw_datetime d = {2024, 3, 1, 0, 0, 0};
	for (int r = 0; r < 50; r++) {
		worksheet_write_string(ws, (lxw_row_t)r, 0, "Nguyễn Thị Ánh", NULL);
		worksheet_write_number(ws, (lxw_row_t)r, 1, r, NULL);
		worksheet_write_datetime(ws, (lxw_row_t)r, 2, &d, dmy);
		worksheet_write_number(ws, (lxw_row_t)r, 3, 12.5, NULL);
	}
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	buf b = slurp(path);
	pthread_t th[4];
	job jobs[4];
	for (int i = 0; i < 4; i++) {
		jobs[i] = (job){&b, 0};
		assert_int_equal(pthread_create(&th[i], NULL, read_many, &jobs[i]), 0);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(th[i], NULL);
		assert_int_equal(jobs[i].failures, 0);
	}
	buf_free(&b);
}

/* ---- finding columns ---- */

static void find_col_by_vietnamese_names(void **state)
{
	table t;
	err e = {0};
	assert_int_equal(read_str("STT,MA DON VI,Họ  và tên,Hình thức khen\n1,X01,An,Bằng khen\n",
				  &t, &e),
			 0);
	const char *const unit[] = {"Mã đơn vị", "Mã ĐV", NULL};
	const char *const name[] = {"Họ tên", "họ và tên", NULL};
	const char *const form[] = {"Hình thức khen thưởng", "hinh thuc khen", NULL};
	const char *const none[] = {"Ghi chú", NULL};
	const char *const empty[] = {NULL};
	assert_int_equal(table_find_col(&t, 0, unit), 1);
	assert_int_equal(table_find_col(&t, 0, name), 2);
	assert_int_equal(table_find_col(&t, 0, form), 3);
	assert_int_equal(table_find_col(&t, 0, none), -1);
	assert_int_equal(table_find_col(&t, 0, empty), -1);
	assert_int_equal(table_find_col(&t, 5, unit), -1);
	table_free(&t);
}

/* ---- number formats ---- */

static void render(const char *v, enum xf_kind k, bool d1904, const char *want)
{
	char out[64];
	assert_true(xlsx_render_number(v, k, d1904, out, sizeof out));
	assert_string_equal(out, want);
}

static void number_rendering(void **state)
{
	render("42", XF_PLAIN, false, "42");
	render("42.0", XF_PLAIN, false, "42");
	render("-0", XF_PLAIN, false, "0");
	render("12.5", XF_PLAIN, false, "12.5");
	render("0.30000000000000004", XF_PLAIN, false, "0.3");
	render("1.5E-3", XF_PLAIN, false, "0.0015");
	render("1E+20", XF_PLAIN, false, "1e+20");
	render("1", XF_DATE, false, "1900-01-01");
	render("45352", XF_DATE, false, "2024-03-01");
	render("2958465", XF_DATE, false, "9999-12-31");
	render("45352.75", XF_DATETIME, false, "2024-03-01 18:00:00");
	render("45352.75", XF_DATE, false, "2024-03-01");
	render("0.5", XF_TIME, false, "12:00:00");
	render("0.5", XF_DATE, false, "12:00:00"); /* Excel's day 0 */
	render("0", XF_DATE, true, "1904-01-01");
	render("-1", XF_DATE, false, "-1");
	render("3000000", XF_DATE, false, "3000000");
	char out[64];
	assert_false(xlsx_render_number("abc", XF_PLAIN, false, out, sizeof out));
	assert_false(xlsx_render_number("0x10", XF_PLAIN, false, out, sizeof out));
	assert_false(xlsx_render_number("inf", XF_PLAIN, false, out, sizeof out));
	assert_false(xlsx_render_number("", XF_PLAIN, false, out, sizeof out));
}

static void format_kinds(void **state)
{
	assert_int_equal(xlsx_builtin_kind(0), XF_PLAIN);
	assert_int_equal(xlsx_builtin_kind(14), XF_DATE);
	assert_int_equal(xlsx_builtin_kind(20), XF_TIME);
	assert_int_equal(xlsx_builtin_kind(22), XF_DATETIME);
	assert_int_equal(xlsx_format_kind("dd/mm/yyyy"), XF_DATE);
	assert_int_equal(xlsx_format_kind("mmm-yy"), XF_DATE);
	assert_int_equal(xlsx_format_kind("[$-42A]d mmmm yyyy"), XF_DATE);
	assert_int_equal(xlsx_format_kind("dd/mm/yyyy hh:mm:ss"), XF_DATETIME);
	assert_int_equal(xlsx_format_kind("h:mm AM/PM"), XF_TIME);
	assert_int_equal(xlsx_format_kind("[h]:mm"), XF_TIME);
	assert_int_equal(xlsx_format_kind("mm:ss"), XF_TIME);
	assert_int_equal(xlsx_format_kind("General"), XF_PLAIN);
	assert_int_equal(xlsx_format_kind("#,##0.00 \"đồng/ngày\""), XF_PLAIN);
	assert_int_equal(xlsx_format_kind("0.00E+00"), XF_PLAIN);
	assert_int_equal(xlsx_format_kind("[Red]#,##0;[Blue]dd"), XF_PLAIN);
	assert_int_equal(xlsx_format_kind("0\\d"), XF_PLAIN);
	assert_int_equal(xlsx_format_kind("\"unterminated"), XF_PLAIN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_comma),
		cmocka_unit_test(csv_semicolon_and_tab),
		cmocka_unit_test(csv_quotes_newlines),
		cmocka_unit_test(csv_bom_crlf_blank_rows),
		cmocka_unit_test(csv_utf16le_bom),
		cmocka_unit_test(csv_invalid_utf8_names_row),
		cmocka_unit_test(csv_cells_are_nfc_trimmed_and_clean),
		cmocka_unit_test(csv_short_rows_padded),
		cmocka_unit_test(csv_too_many_columns),
		cmocka_unit_test(empty_is_inval),
		cmocka_unit_test(legacy_xls_is_media),
		cmocka_unit_test(hints),
		cmocka_unit_test(xlsx_strings_numbers_booleans),
		cmocka_unit_test(xlsx_dates),
		cmocka_unit_test(xlsx_gaps),
		cmocka_unit_test(xlsx_first_of_two_sheets),
		cmocka_unit_test(xlsx_inline_and_formula_strings),
		cmocka_unit_test(xlsx_missing_shared_strings),
		cmocka_unit_test(xlsx_out_of_order_and_repeated_cells),
		cmocka_unit_test(xlsx_relationships_styles_1904),
		cmocka_unit_test(xlsx_corrupt_and_foreign_zips),
		cmocka_unit_test(xlsx_refuses_dtd_and_entities),
		cmocka_unit_test(xlsx_empty_and_too_many_cells),
		cmocka_unit_test(xlsx_zip_bomb),
		cmocka_unit_test(concurrent_reads),
		cmocka_unit_test(find_col_by_vietnamese_names),
		cmocka_unit_test(number_rendering),
		cmocka_unit_test(format_kinds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
