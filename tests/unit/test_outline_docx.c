/* test_outline_docx.c — the DOCX front end of the outline parser: Word's
 * automatic numbering, literal labels, heading styles, tables, and hostile
 * packages. The .docx files are built here with libzip (mkdocx.h). */
#include "testutil.h"

#include "mkdocx.h"
#include "outline/outline.h"

#define FIXTURES "tests/fixtures/outlines/"

#define P(t) "<w:p><w:r><w:t xml:space=\"preserve\">" t "</w:t></w:r></w:p>"
#define PS(style, t) \
	"<w:p><w:pPr><w:pStyle w:val=\"" style "\"/></w:pPr><w:r><w:t>" t "</w:t></w:r></w:p>"
#define N(id, lvl, t)                                                                   \
	"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" #lvl "\"/><w:numId w:val=\"" #id          \
	"\"/></w:numPr></w:pPr><w:r><w:t>" t "</w:t></w:r></w:p>"
#define LVL(i, fmt, text, start)                                                          \
	"<w:lvl w:ilvl=\"" #i "\"><w:start w:val=\"" #start "\"/><w:numFmt w:val=\"" fmt \
	"\"/><w:lvlText w:val=\"" text "\"/></w:lvl>"

/* upperRoman / decimal / lowerLetter / Symbol bullet, as Word writes it */
static const char numbering[] =
	"<w:numbering " MKDOCX_W "><w:abstractNum w:abstractNumId=\"7\">"
	LVL(0, "upperRoman", "%1.", 1) LVL(1, "decimal", "%2.", 1) LVL(2, "lowerLetter", "%3)", 1)
	LVL(3, "bullet", "\xef\x82\xb7", 1) LVL(4, "upperLetter", "%5.", 1)
	"</w:abstractNum>"
	"<w:abstractNum w:abstractNumId=\"8\">" LVL(0, "decimal", "%1.", 1)
	LVL(1, "decimal", "%1.%2", 1) "</w:abstractNum>"
	"<w:num w:numId=\"1\"><w:abstractNumId w:val=\"7\"/></w:num>"
	"<w:num w:numId=\"2\"><w:abstractNumId w:val=\"8\"/></w:num>"
	"<w:num w:numId=\"3\"><w:abstractNumId w:val=\"7\"/><w:lvlOverride w:ilvl=\"1\">"
	"<w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
	"</w:numbering>";

static const char styles[] =
	"<w:styles " MKDOCX_W ">"
	"<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"u1\"><w:name w:val=\"heading 1\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/>"
	"<w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"ListMuc\"><w:name w:val=\"Muc\"/>"
	"<w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
	"</w:styles>";

static char *docx_tsv(const char *body, const char *num, const char *sty)
{
	size_t n = 0;
	void *z = mkdocx(body, num, sty, &n);
	assert_non_null(z);
	outline_doc d;
	err e = {0};
	int rc = outline_parse_docx(z, n, &d, &e);
	free(z);
	if (rc != 0)
		fail_msg("parse failed: %s", e.msg);
	buf b = BUF_INIT;
	outline_write_tsv(&d, &b);
	outline_doc_free(&d);
	return buf_detach(&b);
}

static void check_docx(const char *body, const char *num, const char *sty, const char *want)
{
	char *got = docx_tsv(body, num, sty);
	assert_string_equal(got, want);
	free(got);
}

static int docx_code(const void *data, size_t n, err *e)
{
	outline_doc d;
	int rc = outline_parse_docx(data, n, &d, e);
	assert_int_equal(d.n, 0);
	return rc;
}

static void automatic_numbering_is_rendered_as_word_shows_it(void **state)
{
	/* Word's letters run a b c d e f (not the Vietnamese order); the
	 * Symbol-font bullet shows as • */
	check_docx(P("ĐỀ CƯƠNG BÁO CÁO") N(1, 0, "MỞ ĐẦU") N(1, 1, "Thuận lợi") N(1, 2, "Một")
			   N(1, 2, "Hai") N(1, 2, "Ba") N(1, 2, "Bốn") N(1, 2, "Năm") N(1, 2, "Sáu")
			   N(1, 3, "chấm") N(1, 1, "Khó khăn") N(1, 2, "Lại từ a") N(1, 0, "KẾT QUẢ")
			   N(1, 4, "Chữ hoa"),
		   numbering, NULL,
		   "# ĐỀ CƯƠNG BÁO CÁO\n1\tI\tMỞ ĐẦU\n2\t1\tThuận lợi\n3\ta\tMột\n3\tb\tHai\n3\tc\tBa\n"
		   "3\td\tBốn\n3\te\tNăm\n3\tf\tSáu\n4\t•\tchấm\n2\t2\tKhó khăn\n3\ta\tLại từ a\n"
		   "1\tII\tKẾT QUẢ\n2\tA\tChữ hoa\n");
}

static void multilevel_numbering_renders_compound_labels(void **state)
{
	check_docx(N(2, 0, "Chung") N(2, 1, "Đặc điểm") N(2, 1, "Thuận lợi") N(2, 0, "Kết quả")
			   N(2, 1, "Lãnh đạo"),
		   numbering, NULL,
		   "# \n1\t1\tChung\n2\t1.1\tĐặc điểm\n2\t1.2\tThuận lợi\n1\t2\tKết quả\n2\t2.1\tLãnh đạo\n");
}

static void start_override_restarts_and_styles_carry_numbering(void **state)
{
	/* numId 3 shares the abstract list of numId 1 but restarts level 1;
	 * the "Muc" style numbers its paragraphs at level 1 of list 1 */
	check_docx(N(1, 0, "A") N(1, 1, "Một") N(1, 1, "Hai") N(3, 0, "B") N(3, 1, "Lại một")
			   PS("ListMuc", "Theo kiểu"),
		   numbering, styles,
		   "# \n1\tI\tA\n2\t1\tMột\n2\t2\tHai\n1\tII\tB\n2\t1\tLại một\n2\t2\tTheo kiểu\n");
}

static void literal_labels_split_over_runs(void **state)
{
	check_docx("<w:p><w:r><w:t>I</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>. MỞ </w:t></w:r>"
		   "<w:r><w:t>ĐẦU</w:t></w:r></w:p>" P("1. Thuận lợi") P("a) Một")
			   "<w:p><w:r><w:t>b)</w:t><w:tab/><w:t>Hai</w:t></w:r></w:p>"
			   "<w:p><w:r><w:t>c) Ba</w:t></w:r><w:del><w:r><w:delText>xóa</w:delText></w:r></w:del>"
			   "<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r></w:p>",
		   NULL, NULL,
		   "# \n1\tI\tMỞ ĐẦU\n2\t1\tThuận lợi\n3\ta\tMột\n3\tb\tHai\n3\tc\tBa\n");
}

static void heading_styles_and_title_style(void **state)
{
	check_docx(PS("Title", "Đề cương báo cáo sơ kết") PS("u1", "Mở đầu") PS("Heading2", "Chi tiết")
			   P("1. Một") PS("u1", "Kết luận") P("1. Hai"),
		   NULL, styles,
		   "# Đề cương báo cáo sơ kết\n1\t\tMở đầu\n2\t\tChi tiết\n3\t1\tMột\n1\t\tKết luận\n"
		   "2\t1\tHai\n");
}

static void table_cells_are_body_text(void **state)
{
	size_t n = 0;
	void *z = mkdocx(P("I. SỐ LIỆU")
			 "<w:tbl><w:tr><w:tc>" P("1.") "</w:tc><w:tc>" P("Huân chương") "</w:tc></w:tr>"
			 "<w:tr><w:tc>" P("a) ô") "</w:tc><w:tc>" P("12") "</w:tc></w:tr></w:tbl>"
			 P("II. KIẾN NGHỊ"),
			 NULL, NULL, &n);
	outline_doc d;
	err e = {0};
	assert_int_equal(outline_parse_docx(z, n, &d, &e), 0);
	free(z);
	assert_int_equal(d.outlines[0].n_items, 2);
	assert_string_equal(d.outlines[0].items[0].guidance, "1.\nHuân chương\na) ô\n12");
	outline_doc_free(&d);
}

/* Paragraphs of a seed (one per line) as WordprocessingML. Markdown
 * emphasis is left out: Word shows italics, not asterisks. */
static char *seed_body(const char *text)
{
	buf b = BUF_INIT;
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n");
		buf_puts(&b, "<w:p><w:r><w:t xml:space=\"preserve\">");
		for (size_t i = 0; i < n; i++) {
			if (p[i] == '<')
				buf_puts(&b, "&lt;");
			else if (p[i] == '&')
				buf_puts(&b, "&amp;");
			else if (p[i] != '\r' && p[i] != '*')
				buf_putc(&b, p[i]);
		}
		buf_puts(&b, "</w:t></w:r></w:p>");
		p += n;
		if (*p)
			p++;
	}
	return buf_detach(&b);
}

static void docx_and_text_parse_alike(void **state)
{
	static const char *const seeds[] = {"000_d946f861978f22d1", "002_50c550435df98776",
					    "003_204254158d0d4ae1", "004_595d4ca16fe8dbdd"};
	for (size_t i = 0; i < sizeof seeds / sizeof *seeds; i++) {
		char path[256];
		buf in = BUF_INIT, want = BUF_INIT;
		err e = {0};
		snprintf(path, sizeof path, FIXTURES "%s.txt", seeds[i]);
		if (read_file(path, 1 << 20, &in, &e) != 0)
			fail_msg("%s (tests run from the repository root)", e.msg);
		snprintf(path, sizeof path, FIXTURES "%s.expected.tsv", seeds[i]);
		if (read_file(path, 1 << 20, &want, &e) != 0)
			fail_msg("%s", e.msg);
		char *body = seed_body(buf_cstr(&in));
		char *got = docx_tsv(body, NULL, NULL);
		assert_string_equal(got, buf_cstr(&want));
		free(got);
		free(body);
		buf_free(&in);
		buf_free(&want);
	}
}

/* ---- hostile and broken packages ---- */

static void junk_and_empty_are_refused(void **state)
{
	err e = {0};
	assert_int_equal(docx_code("", 0, &e), E_PARSE);
	assert_non_null(strstr(e.msg, "DOCX"));
	assert_int_equal(docx_code("hello world, not a zip", 22, &e), E_PARSE);
	char junk[4096];
	memcpy(junk, "PK\3\4", 4);
	for (size_t i = 4; i < sizeof junk; i++)
		junk[i] = (char)(i * 131 + 7);
	assert_int_equal(docx_code(junk, sizeof junk, &e), E_PARSE);
	assert_non_null(strstr(e.msg, "hỏng"));
}

static void huge_input_is_refused(void **state)
{
	size_t n = OUTLINE_MAX_INPUT + 1;
	char *big = calloc(1, n);
	memcpy(big, "PK\3\4", 4);
	err e = {0};
	assert_int_equal(docx_code(big, n, &e), E_TOOBIG);
	free(big);
}

static void zip_bomb_is_refused(void **state)
{
	/* 80 MB of XML that deflates to well under 1 MB */
	size_t n = (size_t)80 << 20;
	char *doc = malloc(n + 1);
	static const char head[] = "<w:document " MKDOCX_W "><w:body><w:p><w:r><w:t>";
	memcpy(doc, head, sizeof head - 1);
	memset(doc + sizeof head - 1, 'a', n - (sizeof head - 1));
	doc[n] = '\0';
	struct mkdocx_part parts[] = {{"word/document.xml", doc, n, 0}};
	size_t len = 0;
	void *z = mkzip(parts, 1, &len);
	free(doc);
	assert_non_null(z);
	assert_true(len < (size_t)1 << 20);
	err e = {0};
	assert_int_equal(docx_code(z, len, &e), E_TOOBIG);
	assert_non_null(strstr(e.msg, "zip bomb"));
	free(z);
}

static void too_many_entries_are_refused(void **state)
{
	enum { N = 10050 };
	struct mkdocx_part *parts = calloc(N, sizeof *parts);
	char(*names)[16] = calloc(N, sizeof *names);
	for (int i = 0; i < N; i++) {
		snprintf(names[i], sizeof names[i], "f%d", i);
		parts[i] = (struct mkdocx_part){names[i], "x", 1, 1};
	}
	size_t len = 0;
	void *z = mkzip(parts, N, &len);
	free(parts);
	free(names);
	assert_non_null(z);
	err e = {0};
	assert_int_equal(docx_code(z, len, &e), E_TOOBIG);
	free(z);
}

static void encrypted_entries_are_refused(void **state)
{
	/* a PKWARE "traditional encryption" entry: general purpose bit 0 set in
	 * both headers (the content does not matter, it is never inflated) */
	struct mkdocx_part parts[] = {{"word/document.xml", "<w:document/>", 0, 1}};
	size_t len = 0;
	unsigned char *z = mkzip(parts, 1, &len);
	assert_non_null(z);
	for (size_t i = 0; i + 4 <= len; i++) {
		if (memcmp(z + i, "PK\3\4", 4) == 0)
			z[i + 6] |= 1;
		if (memcmp(z + i, "PK\1\2", 4) == 0)
			z[i + 8] |= 1;
	}
	err e = {0};
	assert_int_equal(docx_code(z, len, &e), E_PARSE);
	assert_non_null(strstr(e.msg, "mật khẩu"));
	free(z);
}

static void broken_parts_are_refused(void **state)
{
	err e = {0};
	size_t len = 0;
	/* a zip without word/document.xml */
	struct mkdocx_part other[] = {{"readme.txt", "hello", 0, 0}};
	void *z = mkzip(other, 1, &len);
	assert_int_equal(docx_code(z, len, &e), E_PARSE);
	assert_non_null(strstr(e.msg, "document.xml"));
	free(z);
	/* not XML */
	struct mkdocx_part junk[] = {{"word/document.xml", "<w:document <<<", 0, 0}};
	z = mkzip(junk, 1, &len);
	assert_int_equal(docx_code(z, len, &e), E_PARSE);
	free(z);
	/* XML, but not WordprocessingML */
	struct mkdocx_part html[] = {{"word/document.xml", "<html><body><p>I. A</p></body></html>", 0, 0}};
	z = mkzip(html, 1, &len);
	assert_int_equal(docx_code(z, len, &e), E_PARSE);
	assert_non_null(strstr(e.msg, "Word"));
	free(z);
	/* Word, but no outline */
	z = mkdocx(P("Chỉ là một đoạn văn."), NULL, NULL, &len);
	assert_int_equal(docx_code(z, len, &e), E_INVAL);
	free(z);
}

static void entity_bombs_are_refused(void **state)
{
	/* "billion laughs": libxml2 stops at the amplification, nothing is expanded */
	static const char doc[] =
		"<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"I. AAAAAAAAAA\">"
		"<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
		"<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
		"<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]>"
		"<w:document " MKDOCX_W "><w:body><w:p><w:r><w:t>&g;</w:t></w:r></w:p>"
		"<w:p><w:r><w:t>I. MỞ ĐẦU</w:t></w:r></w:p></w:body></w:document>";
	struct mkdocx_part parts[] = {{"word/document.xml", doc, 0, 0}};
	size_t len = 0;
	void *z = mkzip(parts, 1, &len);
	err e = {0};
	assert_int_equal(docx_code(z, len, &e), E_PARSE);
	free(z);
}

static void external_entities_are_not_loaded(void **state)
{
	static const char doc[] =
		"<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
		"<w:document " MKDOCX_W "><w:body><w:p><w:r><w:t>I. MỞ ĐẦU &x;</w:t></w:r></w:p>"
		"</w:body></w:document>";
	struct mkdocx_part parts[] = {{"word/document.xml", doc, 0, 0}};
	size_t len = 0;
	void *z = mkzip(parts, 1, &len);
	outline_doc d;
	err e = {0};
	assert_int_equal(outline_parse_docx(z, len, &d, &e), 0);
	free(z);
	assert_int_equal(d.outlines[0].n_items, 1);
	assert_string_equal(d.outlines[0].items[0].title, "MỞ ĐẦU");
	outline_doc_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(automatic_numbering_is_rendered_as_word_shows_it),
		cmocka_unit_test(multilevel_numbering_renders_compound_labels),
		cmocka_unit_test(start_override_restarts_and_styles_carry_numbering),
		cmocka_unit_test(literal_labels_split_over_runs),
		cmocka_unit_test(heading_styles_and_title_style),
		cmocka_unit_test(table_cells_are_body_text),
		cmocka_unit_test(docx_and_text_parse_alike),
		cmocka_unit_test(junk_and_empty_are_refused),
		cmocka_unit_test(huge_input_is_refused),
		cmocka_unit_test(zip_bomb_is_refused),
		cmocka_unit_test(too_many_entries_are_refused),
		cmocka_unit_test(encrypted_entries_are_refused),
		cmocka_unit_test(broken_parts_are_refused),
		cmocka_unit_test(entity_bombs_are_refused),
		cmocka_unit_test(external_entities_are_not_loaded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
