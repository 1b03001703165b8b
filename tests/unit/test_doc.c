/* test_doc.c — the document model (dates, numbers, labels, markup, tables,
 * cleaning) and the invariants of the three writers: the DOCX is a zip
 * whose parts parse as XML and hold no illegal character, the PDF is a
 * paginated A4 file, the XLSX has one sheet per table with SUM formulas. */
#include "testutil.h"

#include <libxml/parser.h>
#include <pthread.h>
#include <zip.h>

#include "doc/doc.h"
#include "io/table.h"
#include "text/text.h"

/* fontconfig 2.14 keeps 288 bytes it allocates while parsing its own
 * configuration (FcInitLoadConfigAndFonts, reached through pango), once
 * per process whatever the number of documents or threads; LeakSanitizer
 * would report it at exit. Only that library is exempted. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

/* --- helpers --- */

/* The named part of a zip held in memory (malloc'd, NUL-terminated), or
 * NULL when absent. */
static char *zip_part(const buf *z, const char *name, size_t *len)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(z->p, z->len, 0, &ze);
	assert_non_null(src);
	zip_t *za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	if (!za)
		fail_msg("not a zip: %s", zip_error_strerror(&ze));
	char *out = NULL;
	zip_stat_t st;
	if (zip_stat(za, name, 0, &st) == 0) {
		zip_file_t *f = zip_fopen(za, name, 0);
		assert_non_null(f);
		out = malloc(st.size + 1);
		assert_int_equal(zip_fread(f, out, st.size), (zip_int64_t)st.size);
		out[st.size] = '\0';
		if (len)
			*len = st.size;
		zip_fclose(f);
	}
	zip_close(za);
	return out;
}

/* Fails unless s is well-formed XML without characters XML 1.0 forbids. */
static void assert_clean_xml(const char *s, size_t n, const char *what)
{
	if (!text_valid_utf8(s, n))
		fail_msg("%s: not valid UTF-8", what);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
			fail_msg("%s: control character %#x at %zu", what, c, i);
		if (c == 0xef && i + 2 < n && (unsigned char)s[i + 1] == 0xbf &&
		    ((unsigned char)s[i + 2] == 0xbe || (unsigned char)s[i + 2] == 0xbf))
			fail_msg("%s: U+FFFE/U+FFFF at %zu", what, i);
	}
	xmlDocPtr x = xmlReadMemory(s, (int)n, what, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
							       XML_PARSE_NOWARNING | XML_PARSE_HUGE);
	if (!x)
		fail_msg("%s: not well-formed XML", what);
	xmlFreeDoc(x);
}

static const char *const docx_parts[] = {
	"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
	"word/styles.xml", "word/settings.xml", "word/header1.xml", "word/header2.xml",
	"docProps/core.xml", "docProps/app.xml"};

/* Writes d as DOCX, checks every part, returns word/document.xml. */
static char *docx_checked(doc *d, buf *out)
{
	err e = {0};
	if (doc_write_docx(d, out, &e) != 0)
		fail_msg("%s", e.msg);
	assert_memory_equal(out->p, "PK\x03\x04", 4);
	for (size_t i = 0; i < sizeof docx_parts / sizeof *docx_parts; i++) {
		size_t n = 0;
		char *part = zip_part(out, docx_parts[i], &n);
		if (!part)
			fail_msg("missing part %s", docx_parts[i]);
		assert_clean_xml(part, n, docx_parts[i]);
		free(part);
	}
	return zip_part(out, "word/document.xml", NULL);
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0, k = strlen(needle);
	for (const char *p = hay; (p = strstr(p, needle)); p += k)
		n++;
	return n;
}

/* Pages of a cairo PDF: its page objects. */
static size_t pdf_pages(const buf *b)
{
	size_t n = 0;
	const char *k = "/Type /Page";
	for (size_t i = 0; i + 12 < b->len; i++)
		if (memcmp(b->p + i, k, 11) == 0 && b->p[i + 11] != 's')
			n++;
	return n;
}

/* --- model --- */

static void place_date_pads_day_and_early_months(void **state)
{
	char *s = doc_place_date("Quảng Ngãi", 2026, 1, 5);
	assert_string_equal(s, "Quảng Ngãi, ngày 05 tháng 01 năm 2026");
	free(s);
	s = doc_place_date("Hà Nội", 2025, 3, 15);
	assert_string_equal(s, "Hà Nội, ngày 15 tháng 3 năm 2025");
	free(s);
	s = doc_place_date("Huế", 2025, 12, 9);
	assert_string_equal(s, "Huế, ngày 09 tháng 12 năm 2025");
	free(s);
	s = doc_place_date("Huế", 2024, 2, 29); /* leap year */
	assert_string_equal(s, "Huế, ngày 29 tháng 02 năm 2024");
	free(s);
	s = doc_place_date("Huế", 2026, 0, 0); /* blanks for the clerk */
	assert_string_equal(s, "Huế, ngày      tháng      năm 2026");
	free(s);
	assert_null(doc_place_date("Huế", 2025, 2, 29));
	assert_null(doc_place_date("Huế", 2025, 4, 31));
	assert_null(doc_place_date("Huế", 2025, 13, 1));
	assert_null(doc_place_date("Huế", 2025, 0, 5));
	doc *d = doc_new();
	err e = {0};
	assert_int_equal(doc_set_date(d, "Huế", 2025, 2, 30, &e), E_INVAL);
	assert_non_null(strstr(e.msg, "không hợp lệ"));
	doc_free(d);
}

static void number_gets_leading_zero(void **state)
{
	doc *d = doc_new();
	doc_set_number(d, 5, "BNV-VP");
	assert_string_equal(d->number, "Số: 05/BNV-VP");
	doc_set_number(d, 15, "BC-SNV");
	assert_string_equal(d->number, "Số: 15/BC-SNV");
	doc_set_number(d, 0, "QĐ-UBND");
	assert_string_equal(d->number, "Số:       /QĐ-UBND");
	doc_free(d);
}

static void labels_follow_decree_30(void **state)
{
	doc *d = doc_new();
	assert_string_equal(doc_label(d, 1, 1), "I.");
	assert_string_equal(doc_label(d, 1, 4), "IV.");
	assert_string_equal(doc_label(d, 1, 14), "XIV.");
	assert_string_equal(doc_label(d, 2, 12), "12.");
	assert_string_equal(doc_label(d, 3, 1), "a)");
	assert_string_equal(doc_label(d, 3, 5), "đ)");
	assert_string_equal(doc_label(d, 3, 6), "e)");
	assert_string_equal(doc_label(d, 3, 7), "g)"); /* no f */
	assert_string_equal(doc_label(d, 3, 23), "y)");
	assert_string_equal(doc_label(d, 3, 24), "aa)");
	assert_string_equal(doc_label(d, 4, 3), "-");
	doc_free(d);
}

static void names_are_capitals_and_text_is_cleaned(void **state)
{
	doc *d = doc_new();
	doc_set_issuer(d, "Ủy ban nhân dân tỉnh Đắk Lắk", "Sở Nội vụ");
	assert_string_equal(d->parent, "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK");
	assert_string_equal(d->issuer, "SỞ NỘI VỤ");
	doc_set_signature(d, "tm. ủy ban nhân dân\nkt. chủ tịch", "phó chủ tịch", "Trần Thị Bích");
	assert_string_equal(d->authority, "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH");
	assert_string_equal(d->signer, "Trần Thị Bích");
	/* ill-formed bytes → U+FFFD; controls, U+FFFE and CR dropped; NFC */
	assert_string_equal(doc_str(d, "a\xff" "b"), "a\xef\xbf\xbd" "b");
	assert_string_equal(doc_str(d, "x\x01\x0b\r\ny\xef\xbf\xbez\tw"), "x\ny" "z\tw");
	assert_string_equal(doc_str(d, "Vie\xcc\xa3\xcc\x82t"), "Việt");
	assert_string_equal(doc_str(d, "\xed\xa0\x80"), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	doc_set_about(d, "báo cáo sơ kết");
	assert_string_equal(d->about, "V/v báo cáo sơ kết");
	doc_set_about(d, "V/v đề nghị khen thưởng");
	assert_string_equal(d->about, "V/v đề nghị khen thưởng");
	doc_free(d);
}

static void markup_makes_runs_and_list_lines(void **state)
{
	doc *d = doc_new();
	doc_add_markup(d, "Đạt **99,6%** hồ sơ, *đúng hạn* và ***vượt*** mức.\r\n\n"
			  "  - Tuyên truyền;\n+ Nhân rộng **mô hình *hay***\n"
			  "5 * 3 * 2 và **chưa đóng\n"
			  "*a **b** c*\n");
	assert_int_equal(d->nblocks, 5);
	const doc_para *p = d->blocks[0].para;
	assert_null(p->label);
	assert_int_equal(p->nruns, 7);
	assert_string_equal(p->runs[0].text, "Đạt ");
	assert_string_equal(p->runs[1].text, "99,6%");
	assert_int_equal(p->runs[1].style, DOC_BOLD);
	assert_string_equal(p->runs[3].text, "đúng hạn");
	assert_int_equal(p->runs[3].style, DOC_ITALIC);
	assert_string_equal(p->runs[5].text, "vượt");
	assert_int_equal(p->runs[5].style, DOC_BOLD | DOC_ITALIC);
	p = d->blocks[1].para;
	assert_string_equal(p->label, "-");
	assert_string_equal(p->runs[0].text, "Tuyên truyền;");
	p = d->blocks[2].para;
	assert_string_equal(p->label, "+");
	assert_int_equal(p->nruns, 3);
	assert_string_equal(p->runs[1].text, "mô hình ");
	assert_int_equal(p->runs[1].style, DOC_BOLD);
	assert_string_equal(p->runs[2].text, "hay");
	assert_int_equal(p->runs[2].style, DOC_BOLD | DOC_ITALIC);
	p = d->blocks[3].para; /* stray stars stay literal */
	assert_int_equal(p->nruns, 1);
	assert_string_equal(p->runs[0].text, "5 * 3 * 2 và **chưa đóng");
	p = d->blocks[4].para; /* an exact closer wins over a longer run */
	assert_int_equal(p->nruns, 3);
	assert_string_equal(p->runs[1].text, "b");
	assert_int_equal(p->runs[1].style, DOC_BOLD | DOC_ITALIC);
	assert_int_equal(p->runs[2].style, DOC_ITALIC);
	doc_free(d);
}

static void table_spans_fill_the_grid(void **state)
{
	doc *d = doc_new();
	doc_table *t = doc_add_table(d, 5, "Biểu");
	doc_table_head_row(d, t);
	doc_table_cell_span(d, t, "STT", 2, 1);
	doc_table_cell_span(d, t, "Hình thức", 2, 1);
	doc_table_cell_span(d, t, "Số lượng", 1, 3);
	doc_table_head_row(d, t);
	doc_table_cell(d, t, "Tập thể"); /* lands in column 2: 0 and 1 are covered */
	doc_table_cell(d, t, "Hộ gia đình");
	doc_table_cell(d, t, "Cá nhân");
	doc_table_cell(d, t, "thừa"); /* past the last column: dropped */
	assert_int_equal(t->nhead, 2);
	assert_int_equal(t->cells[0 * 5 + 2].colspan, 3);
	assert_int_equal(t->cells[0 * 5 + 3].rowspan, 0);
	assert_int_equal(t->cells[1 * 5 + 0].rowspan, 0);
	assert_int_equal(t->cells[1 * 5 + 0].orig_row, 0);
	assert_string_equal(t->cells[1 * 5 + 2].text, "Tập thể");
	assert_string_equal(t->cells[1 * 5 + 4].text, "Cá nhân");
	for (int r = 0; r < 3; r++) {
		doc_table_row(d, t);
		doc_table_cell(d, t, r == 0 ? "1" : r == 1 ? "2" : "3");
		doc_table_cell(d, t, "Bằng khen");
		doc_table_cell_num(d, t, 1000 * (r + 1));
		doc_table_cell_num(d, t, 0.5);
		doc_table_cell_num(d, t, r);
	}
	doc_table_total(d, t, "Tổng cộng");
	assert_true(t->has_total);
	assert_int_equal(t->nrows, 6);
	const doc_cell *tot = &t->cells[5 * 5];
	assert_string_equal(tot[0].text, "Tổng cộng");
	assert_int_equal(tot[0].colspan, 2); /* over the columns without figures */
	assert_true(tot[2].is_num);
	assert_string_equal(tot[2].text, "6.000");
	assert_string_equal(tot[3].text, "1,5");
	assert_string_equal(tot[4].text, "3");
	doc_free(d);
}

static void numbers_use_vietnamese_separators(void **state)
{
	char s[64];
	const struct { double v; const char *want; } cases[] = {
		{0, "0"}, {7, "7"}, {1234, "1.234"}, {1234567, "1.234.567"}, {12.5, "12,5"},
		{0.25, "0,25"}, {-1234, "-1.234"}, {99.999, "100"}, {3.14159, "3,14"}};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		doc_format_num(cases[i].v, s, sizeof s);
		assert_string_equal(s, cases[i].want);
	}
}

/* --- DOCX --- */

static void docx_has_the_decree_30_layout(void **state)
{
	doc *d = doc_sample("report");
	buf out = BUF_INIT;
	char *xml = docx_checked(d, &out);
	assert_non_null(strstr(xml, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
	assert_non_null(strstr(xml, "Độc lập - Tự do - Hạnh phúc"));
	assert_non_null(strstr(xml, "Số: 15/BC-SNV"));
	assert_non_null(strstr(xml, "Quảng Ngãi, ngày 05 tháng 01 năm 2026"));
	assert_non_null(strstr(xml, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
	/* 20 mm, 15 mm, 20 mm, 30 mm */
	assert_non_null(strstr(xml, "w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\""));
	assert_non_null(strstr(xml, "<w:titlePg/>")); /* no page number on page 1 */
	assert_non_null(strstr(xml, "<w:u w:val=\"single\"/>"));
	assert_non_null(strstr(xml, "Nơi nhận:"));
	assert_non_null(strstr(xml, "KT. GIÁM ĐỐC"));
	assert_non_null(strstr(xml, "<w:tblHeader/>"));
	assert_non_null(strstr(xml, "<w:gridSpan w:val=\"3\"/>"));
	assert_non_null(strstr(xml, "<w:vMerge w:val=\"restart\"/>"));
	assert_int_equal(count(xml, "<w:sectPr>"), 1);
	free(xml);
	char *hdr = zip_part(&out, "word/header1.xml", NULL);
	assert_non_null(strstr(hdr, " PAGE "));
	free(hdr);
	char *styles = zip_part(&out, "word/styles.xml", NULL);
	assert_non_null(strstr(styles, "Times New Roman"));
	assert_non_null(strstr(styles, "<w:sz w:val=\"28\"/>")); /* 14 pt body */
	assert_non_null(strstr(styles, "<w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/>"));
	free(styles);
	buf_free(&out);
	doc_free(d);
}

static void docx_survives_hostile_text(void **state)
{
	doc *d = doc_new();
	doc_set_issuer(d, "A & B <C>", "\"Sở\" ]]> \x01\xff");
	doc_set_title(d, "Báo cáo", "</w:t><w:p>\xef\xbf\xbf");
	doc_add_text(d, "x\x1f\x7f\xc2\x80y & <z>");
	doc_add_recipient(d, "- Lưu: VT, <script>.");
	/* a hand-filled structure is cleaned by the writer too */
	doc_para *p = doc_add_para(d, NULL);
	doc_para_add(d, p, "ok", 0);
	p->runs[0].text = "raw\x02\xfe<&";
	buf out = BUF_INIT;
	char *xml = docx_checked(d, &out);
	assert_non_null(strstr(xml, "A &amp; B &lt;C&gt;"));
	assert_non_null(strstr(xml, "raw\xef\xbf\xbd&lt;&amp;"));
	assert_null(strstr(xml, "<script>"));
	free(xml);
	buf_free(&out);
	doc_free(d);
}

static void docx_edge_cases_export(void **state)
{
	doc *d = doc_sample("edge");
	buf out = BUF_INIT;
	char *xml = docx_checked(d, &out);
	/* the 100-column table sits in a landscape section of its own */
	assert_int_equal(count(xml, "w:orient=\"landscape\""), 1);
	assert_true(count(xml, "<w:gridCol ") >= 100);
	free(xml);
	buf_free(&out);
	doc_free(d);
	d = doc_sample("big");
	xml = docx_checked(d, &out);
	assert_true(count(xml, "<w:tr>") > 5000);
	free(xml);
	buf_free(&out);
	doc_free(d);
	d = doc_sample("empty");
	xml = docx_checked(d, &out);
	assert_non_null(strstr(xml, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
	free(xml);
	buf_free(&out);
	doc_free(d);
}

static void docx_letter_and_table_separation(void **state)
{
	/* Word merges tables that touch and wants a paragraph before the
	 * final sectPr; a table right after the header of a công văn */
	const char *const names[] = {"report", "letter", "edge", "big", "empty"};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		doc *d = doc_sample(names[i]);
		if (strcmp(names[i], "empty") == 0) {
			doc_table *t = doc_add_table(d, 2, NULL);
			doc_table_row(d, t);
			doc_table_cell(d, t, "a");
		}
		buf out = BUF_INIT;
		char *xml = docx_checked(d, &out);
		assert_null(strstr(xml, "</w:tbl><w:tbl>"));
		char *last = strstr(xml, "<w:body>");
		for (char *p = last; (p = strstr(p + 1, "<w:sectPr>"));)
			last = p;
		assert_true(last - xml > 6 && memcmp(last - 6, "</w:p>", 6) == 0);
		if (strcmp(names[i], "letter") == 0) {
			assert_non_null(strstr(xml, "V/v báo cáo sơ kết"));
			assert_non_null(strstr(xml, "Kính gửi:</w:t><w:tab/>"));
			assert_non_null(strstr(xml, "TL. GIÁM ĐỐC"));
			assert_null(strstr(xml, "BÁO CÁO"));
		}
		free(xml);
		buf_free(&out);
		doc_free(d);
	}
}

/* --- PDF --- */

static void pdf_is_paginated_a4(void **state)
{
	doc *d = doc_sample("report");
	buf out = BUF_INIT;
	err e = {0};
	assert_int_equal(doc_write_pdf(d, &out, &e), 0);
	assert_memory_equal(out.p, "%PDF-", 5);
	assert_non_null(memmem(out.p, out.len, "%%EOF", 5));
	assert_non_null(memmem(out.p, out.len, "/MediaBox [ 0 0 595.275591 841.889764 ]", 39));
	assert_true(pdf_pages(&out) >= 3);
	assert_non_null(memmem(out.p, out.len, "LiberationSerif", 15));
	buf_free(&out);
	doc_free(d);
	d = doc_sample("empty");
	assert_int_equal(doc_write_pdf(d, &out, &e), 0);
	assert_int_equal(pdf_pages(&out), 1);
	buf_free(&out);
	doc_free(d);
}

static void pdf_edge_cases_export(void **state)
{
	doc *d = doc_sample("edge");
	buf out = BUF_INIT;
	err e = {0};
	assert_int_equal(doc_write_pdf(d, &out, &e), 0);
	/* one landscape page for the 100 columns */
	assert_non_null(memmem(out.p, out.len, "/MediaBox [ 0 0 841.889764 595.275591 ]", 39));
	buf_free(&out);
	doc_free(d);
	d = doc_sample("big");
	assert_int_equal(doc_write_pdf(d, &out, &e), 0);
	assert_true(pdf_pages(&out) > 100); /* 5,000 rows */
	buf_free(&out);
	doc_free(d);
}

static void *pdf_thread(void *arg)
{
	doc *d = arg;
	buf out = BUF_INIT;
	err e = {0};
	intptr_t pages = doc_write_pdf(d, &out, &e) == 0 ? (intptr_t)pdf_pages(&out) : -1;
	buf_free(&out);
	return (void *)pages;
}

static void pdf_writers_run_in_parallel(void **state)
{
	doc *d = doc_sample("report");
	pthread_t th[4];
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&th[i], NULL, pdf_thread, d), 0);
	intptr_t first = -2;
	for (int i = 0; i < 4; i++) {
		void *r;
		pthread_join(th[i], &r);
		assert_true((intptr_t)r > 0);
		if (first == -2)
			first = (intptr_t)r;
		assert_int_equal((intptr_t)r, first);
	}
	doc_free(d);
}

/* --- XLSX --- */

static void xlsx_has_a_sheet_per_table_and_formulas(void **state)
{
	doc *d = doc_sample("report");
	buf out = BUF_INIT;
	err e = {0};
	assert_int_equal(doc_write_xlsx(d, &out, &e), 0);
	char *wb = zip_part(&out, "xl/workbook.xml", NULL);
	assert_non_null(wb);
	assert_non_null(strstr(wb, "name=\"Biểu 01. Kết quả khen thưởng tr\""));
	assert_non_null(strstr(wb, "name=\"Bảng 2\""));
	free(wb);
	char *s1 = zip_part(&out, "xl/worksheets/sheet1.xml", NULL);
	assert_non_null(s1);
	/* title, note, 2 header rows: figures from row 5; total on row 10 */
	assert_non_null(strstr(s1, "<f>SUM(C5:C9)</f><v>59</v>"));
	assert_non_null(strstr(s1, "<f>SUM(F5:F9)</f><v>253</v>"));
	assert_non_null(strstr(s1, "<mergeCell ref=\"C3:E3\"/>"));
	free(s1);
	table t = {0};
	assert_int_equal(table_read(out.p, out.len, "xlsx", &t, &e), 0);
	assert_string_equal(t.cells[0][0], "Biểu 01. Kết quả khen thưởng trong Phong trào năm 2025");
	assert_string_equal(t.cells[2][2], "Số lượng");
	assert_string_equal(t.cells[3][3], "Hộ gia đình");
	assert_string_equal(t.cells[4][1], "Huân chương Lao động hạng Ba");
	assert_string_equal(t.cells[8][4], "128");
	assert_string_equal(t.cells[9][5], "253");
	table_free(&t);
	buf_free(&out);
	doc_free(d);
}

static void xlsx_sheet_names_are_legal_and_unique(void **state)
{
	doc *d = doc_sample("edge");
	buf out = BUF_INIT;
	err e = {0};
	assert_int_equal(doc_write_xlsx(d, &out, &e), 0);
	char *wb = zip_part(&out, "xl/workbook.xml", NULL);
	/* [ ] : * ? / \ gone, cut to 31 characters, the twin suffixed */
	assert_non_null(strstr(wb, "name=\"Bảng 100 cột tiêu chí thi đua q\""));
	assert_non_null(strstr(wb, "name=\"Bảng 100 cột tiêu chí thi đ (2)\""));
	assert_non_null(strstr(wb, "name=\"Bảng có ô chứa từ rất dài\""));
	free(wb);
	buf_free(&out);
	doc_free(d);
	d = doc_sample("big");
	assert_int_equal(doc_write_xlsx(d, &out, &e), 0);
	char *s1 = zip_part(&out, "xl/worksheets/sheet1.xml", NULL);
	assert_non_null(s1);
	assert_non_null(strstr(s1, "<f>SUM(D3:D5002)</f><v>14995</v>"));
	free(s1);
	buf_free(&out);
	doc_free(d);
	d = doc_sample("empty");
	assert_int_equal(doc_write_xlsx(d, &out, &e), 0);
	wb = zip_part(&out, "xl/workbook.xml", NULL);
	assert_non_null(strstr(wb, "name=\"Báo cáo\""));
	free(wb);
	buf_free(&out);
	doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(place_date_pads_day_and_early_months),
		cmocka_unit_test(number_gets_leading_zero),
		cmocka_unit_test(labels_follow_decree_30),
		cmocka_unit_test(names_are_capitals_and_text_is_cleaned),
		cmocka_unit_test(markup_makes_runs_and_list_lines),
		cmocka_unit_test(table_spans_fill_the_grid),
		cmocka_unit_test(numbers_use_vietnamese_separators),
		cmocka_unit_test(docx_has_the_decree_30_layout),
		cmocka_unit_test(docx_survives_hostile_text),
		cmocka_unit_test(docx_edge_cases_export),
		cmocka_unit_test(docx_letter_and_table_separation),
		cmocka_unit_test(pdf_is_paginated_a4),
		cmocka_unit_test(pdf_edge_cases_export),
		cmocka_unit_test(pdf_writers_run_in_parallel),
		cmocka_unit_test(xlsx_has_a_sheet_per_table_and_formulas),
		cmocka_unit_test(xlsx_sheet_names_are_legal_and_unique),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
