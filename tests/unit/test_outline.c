/* test_outline.c — the report-outline text parser: marker styles, the depth
 * resolver, letter preambles, asks, repeats, writers and the seed documents. */
#include "testutil.h"

#include <jansson.h>
#include <pthread.h>

#include "outline/outline.h"

#define FIXTURES "tests/fixtures/outlines/"

static char *tsv_of(const char *text)
{
	outline_doc d;
	err e = {0};
	if (outline_parse_text(text, strlen(text), &d, &e) != 0)
		fail_msg("parse failed: %s", e.msg);
	buf b = BUF_INIT;
	outline_write_tsv(&d, &b);
	outline_doc_free(&d);
	return buf_detach(&b);
}

static void check_tsv(const char *text, const char *want)
{
	char *got = tsv_of(text);
	assert_string_equal(got, want);
	free(got);
}

static outline_doc parse_ok(const char *text)
{
	outline_doc d;
	err e = {0};
	if (outline_parse_text(text, strlen(text), &d, &e) != 0)
		fail_msg("parse failed: %s", e.msg);
	return d;
}

static int parse_code(const char *text, size_t n, err *e)
{
	outline_doc d;
	int rc = outline_parse_text(text, n, &d, e);
	assert_int_equal(d.n, 0);
	assert_null(d.outlines);
	return rc;
}

/* ---- one test per marker style ---- */

static void roman_with_dot(void **state)
{
	check_tsv("I. MỞ ĐẦU\n\nII. KẾT QUẢ\n\nIII. KIẾN NGHỊ\n",
		  "# \n1\tI\tMỞ ĐẦU\n1\tII\tKẾT QUẢ\n1\tIII\tKIẾN NGHỊ\n");
}

static void roman_with_dash(void **state)
{
	check_tsv("I- MỞ ĐẦU\n1- Thuận lợi\n2- Khó khăn\nII- KẾT QUẢ\n",
		  "# \n1\tI\tMỞ ĐẦU\n2\t1\tThuận lợi\n2\t2\tKhó khăn\n1\tII\tKẾT QUẢ\n");
}

static void roman_compound(void **state)
{
	check_tsv("I. CHUNG\n1. Một\nII. CÁC PHONG TRÀO\nII.1. PHONG TRÀO A\n1. Lãnh đạo\n"
		  "a) Văn bản\nII.2. PHONG TRÀO B\n1. Lãnh đạo\nIII. KIẾN NGHỊ\n1. Với tỉnh\n",
		  "# \n1\tI\tCHUNG\n2\t1\tMột\n1\tII\tCÁC PHONG TRÀO\n2\tII.1\tPHONG TRÀO A\n"
		  "3\t1\tLãnh đạo\n4\ta\tVăn bản\n2\tII.2\tPHONG TRÀO B\n3\t1\tLãnh đạo\n"
		  "1\tIII\tKIẾN NGHỊ\n2\t1\tVới tỉnh\n");
}

static void decimal_with_dot(void **state)
{
	/* a jump after a finished sentence is recorded as printed */
	check_tsv("1. Một\n2. Hai\n3. Ba.\n\n9. Chín.\n\n10. Mười\n",
		  "# \n1\t1\tMột\n1\t2\tHai\n1\t3\tBa.\n1\t9\tChín.\n1\t10\tMười\n");
}

static void decimal_with_dash(void **state)
{
	check_tsv("I. A\n1- Một\n2- Hai\n", "# \n1\tI\tA\n2\t1\tMột\n2\t2\tHai\n");
}

static void decimal_with_slash(void **state)
{
	check_tsv("I. A\n1/ Một\n2/ Hai\nII. B\n1/ Ba\n",
		  "# \n1\tI\tA\n2\t1\tMột\n2\t2\tHai\n1\tII\tB\n2\t1\tBa\n");
}

static void decimal_with_paren(void **state)
{
	/* "1)" first seen under "a)" nests there, and returns there later */
	check_tsv("1. Một\na) Chữ a\n1) Số trong chữ\n2) Số nữa\nb) Chữ b\n1) Lại số\n2. Hai\n",
		  "# \n1\t1\tMột\n2\ta\tChữ a\n3\t1\tSố trong chữ\n3\t2\tSố nữa\n2\tb\tChữ b\n"
		  "3\t1\tLại số\n1\t2\tHai\n");
}

static void decimal_compound(void **state)
{
	check_tsv("1. Chung\n1.1 Đặc điểm\n1.2 Thuận lợi\n1.2.1 Chi tiết\n2. Kết quả\n2.1 Lãnh đạo\n",
		  "# \n1\t1\tChung\n2\t1.1\tĐặc điểm\n2\t1.2\tThuận lợi\n3\t1.2.1\tChi tiết\n"
		  "1\t2\tKết quả\n2\t2.1\tLãnh đạo\n");
}

static void decimal_compound_with_slash(void **state)
{
	check_tsv("1/ Chung\n1.1/ Đặc điểm\n1.2/ Thuận lợi\n2/ Kết quả\n",
		  "# \n1\t1\tChung\n2\t1.1\tĐặc điểm\n2\t1.2\tThuận lợi\n1\t2\tKết quả\n");
}

static void letter_with_paren(void **state)
{
	check_tsv("1. Một\na) A\nb) B\n2. Hai\na) C\n",
		  "# \n1\t1\tMột\n2\ta\tA\n2\tb\tB\n1\t2\tHai\n2\ta\tC\n");
}

static void letter_with_dot(void **state)
{
	check_tsv("1. Một\na. A\nb. B\n", "# \n1\t1\tMột\n2\ta\tA\n2\tb\tB\n");
}

static void letter_with_slash(void **state)
{
	check_tsv("1. Một\na/ A\nb/ B\n", "# \n1\t1\tMột\n2\ta\tA\n2\tb\tB\n");
}

static void letters_in_vietnamese_order(void **state)
{
	/* đ follows d, there is no f; "i" after "h" is a letter, not Roman one;
	 * skipped letters are recorded as printed */
	check_tsv("1. Nội dung\na) A\nb) B\nc) C\nd) D\nđ) Đ\ne) E\ng) G\nh) H\ni) I\nk) K\nm) M\n"
		  "2. Hai\n",
		  "# \n1\t1\tNội dung\n2\ta\tA\n2\tb\tB\n2\tc\tC\n2\td\tD\n2\tđ\tĐ\n2\te\tE\n"
		  "2\tg\tG\n2\th\tH\n2\ti\tI\n2\tk\tK\n2\tm\tM\n1\t2\tHai\n");
}

static void upper_letters_and_roman_ambiguity(void **state)
{
	/* "C." after "B." is a letter; "V." after "IV." is Roman */
	check_tsv("A. PHẦN A\nI. Một\nII. Hai\nIII. Ba\nIV. Bốn\nV. Năm\nB. PHẦN B\nC. PHẦN C\n",
		  "# \n1\tA\tPHẦN A\n2\tI\tMột\n2\tII\tHai\n2\tIII\tBa\n2\tIV\tBốn\n2\tV\tNăm\n"
		  "1\tB\tPHẦN B\n1\tC\tPHẦN C\n");
}

static void bullets(void **state)
{
	check_tsv("1. Một\n- gạch\n+ cộng\n* sao\n• chấm\n- gạch nữa\n2. Hai\n+ cộng dưới hai\n",
		  "# \n1\t1\tMột\n2\t-\tgạch\n3\t+\tcộng\n4\t*\tsao\n5\t•\tchấm\n2\t-\tgạch nữa\n"
		  "1\t2\tHai\n2\t+\tcộng dưới hai\n");
}

static void parts_with_title_below(void **state)
{
	check_tsv("Phần thứ nhất\n\nĐÁNH GIÁ KẾT QUẢ\n\nI. CHUNG\n\n1. Một\n\nPhần thứ hai\n\n"
		  "PHƯƠNG HƯỚNG\n\nI. MỤC TIÊU\n",
		  "# \n1\tPhần thứ nhất\tĐÁNH GIÁ KẾT QUẢ\n2\tI\tCHUNG\n3\t1\tMột\n"
		  "1\tPhần thứ hai\tPHƯƠNG HƯỚNG\n2\tI\tMỤC TIÊU\n");
}

static void parts_with_title_on_line(void **state)
{
	check_tsv("PHẦN I. ĐÁNH GIÁ\n1. Một\nPHẦN II: PHƯƠNG HƯỚNG\n1. Hai\nPhần III – KIẾN NGHỊ\n",
		  "# \n1\tPHẦN I\tĐÁNH GIÁ\n2\t1\tMột\n1\tPHẦN II\tPHƯƠNG HƯỚNG\n2\t1\tHai\n"
		  "1\tPhần III\tKIẾN NGHỊ\n");
}

static void label_alone_takes_next_line(void **state)
{
	check_tsv("I.\nMỞ ĐẦU\n\n1. Một\n", "# \n1\tI\tMỞ ĐẦU\n2\t1\tMột\n");
}

/* ---- documents ---- */

static void title_and_subtitle(void **state)
{
	check_tsv("ĐỀ CƯƠNG BÁO CÁO\n\nTổng kết phong trào thi đua\n\n(Kèm theo Công văn số 1/UBND)\n\n"
		  "I. MỞ ĐẦU\n",
		  "# ĐỀ CƯƠNG BÁO CÁO Tổng kết phong trào thi đua\n1\tI\tMỞ ĐẦU\n");
}

static void letter_preamble_is_left_out(void **state)
{
	const char *text =
		"UBND TỈNH QUẢNG NGÃI\nSỞ NỘI VỤ\n\n"
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
		"Số: 12/SNV-TĐKT\nV/v sơ kết phong trào\n\n"
		"Quảng Ngãi, ngày 02 tháng 11 năm 2023\n\n"
		"Kính gửi:\n- Các sở, ban, ngành tỉnh;\n- Ủy ban nhân dân các huyện.\n\n"
		"Sở Nội vụ đề nghị các đơn vị báo cáo theo đề cương kèm theo.\n\n"
		"1. Nội dung báo cáo: theo đề cương.\n\n"
		"Nơi nhận:\n- Như trên;\n- Lưu VT.\n\n"
		"KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nNguyễn Văn An\n\n"
		"ĐỀ CƯƠNG BÁO CÁO\n\nSơ kết phong trào thi đua\n\nI. MỞ ĐẦU\n\n1. Thuận lợi\n";
	/* the letter's own numbered line is an outline of its own; the recipients,
	 * distribution list and signature are not items anywhere */
	check_tsv(text, "# \n1\t1\tNội dung báo cáo: theo đề cương.\n"
			"# ĐỀ CƯƠNG BÁO CÁO Sơ kết phong trào thi đua\n1\tI\tMỞ ĐẦU\n2\t1\tThuận lợi\n");
}

static void signature_and_distribution_do_not_become_guidance(void **state)
{
	outline_doc d = parse_ok("KẾ HOẠCH\n\nI. MỤC ĐÍCH\n\n1. Mục đích\n\nNội dung hướng dẫn.\n\n"
				 "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n"
				 "Đào Nguyên Phong\n");
	assert_int_equal(d.n, 1);
	assert_int_equal(d.outlines[0].n_items, 2);
	assert_string_equal(d.outlines[0].items[1].guidance, "Nội dung hướng dẫn.");
	outline_doc_free(&d);
}

static void two_outlines_in_one_document(void **state)
{
	const char *text = "## **ĐỀ CƯƠNG BÁO CÁO**\n\n**Sơ kết phong trào A  \ngiai đoạn 2021-2025**\n\n"
			   "### **I. CHUNG**\n\n1. Một\n\n"
			   "**CƠ QUAN, ĐƠN VỊ**\n\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  \n"
			   "Độc lập - Tự do - Hạnh phúc**\n\nSố: /BC-.....\n\n"
			   "## **ĐỀ CƯƠNG BÁO CÁO**\n\n**Sơ kết phong trào B**\n\n### **I. CHUNG**\n\n- Với tỉnh\n";
	check_tsv(text, "# ĐỀ CƯƠNG BÁO CÁO Sơ kết phong trào A giai đoạn 2021-2025\n1\tI\tCHUNG\n"
			"2\t1\tMột\n# ĐỀ CƯƠNG BÁO CÁO Sơ kết phong trào B\n1\tI\tCHUNG\n2\t-\tVới tỉnh\n");
}

static void text_without_blank_lines(void **state)
{
	check_tsv("ĐỀ CƯƠNG\nBáo cáo sơ kết\nI. CHUNG\n1. Đặc điểm\nNội dung cần nêu.\n2. Thuận lợi\n"
		  "II. KẾT QUẢ\n",
		  "# ĐỀ CƯƠNG Báo cáo sơ kết\n1\tI\tCHUNG\n2\t1\tĐặc điểm\n2\t2\tThuận lợi\n"
		  "1\tII\tKẾT QUẢ\n");
}

static void wrapped_items(void **state)
{
	outline_doc d = parse_ok("I. CHUNG\n1. Công tác lãnh đạo, chỉ đạo của các cấp ủy đảng,\n"
				 "chính quyền về triển khai thực hiện\nChỉ thị số 34.\n"
				 "2. Kết quả thực hiện phong trào thi đua\ncủa các cơ quan, đơn vị.\n"
				 "Hướng dẫn: nêu rõ số liệu.\n");
	const outline *o = &d.outlines[0];
	assert_int_equal(o->n_items, 3);
	assert_string_equal(o->items[1].title, "Công tác lãnh đạo, chỉ đạo của các cấp ủy đảng, "
					       "chính quyền về triển khai thực hiện");
	assert_string_equal(o->items[1].guidance, "Chỉ thị số 34.");
	assert_string_equal(o->items[2].title,
			    "Kết quả thực hiện phong trào thi đua của các cơ quan, đơn vị.");
	assert_string_equal(o->items[2].guidance, "Hướng dẫn: nêu rõ số liệu.");
	outline_doc_free(&d);
}

static void page_break_split_is_body_text(void **state)
{
	outline_doc d = parse_ok("1. Chung\n\na) Việc thực hiện theo quy định tại khoản\n\n\n\n"
				 "15. Điều 5 của Luật và tăng cường sự lãnh\n\nđạo của Đảng.\n\nb) Tiếp\n");
	const outline *o = &d.outlines[0];
	assert_int_equal(o->n_items, 3);
	assert_string_equal(o->items[1].title, "Việc thực hiện theo quy định tại khoản");
	assert_string_equal(o->items[1].guidance,
			    "15. Điều 5 của Luật và tăng cường sự lãnh\nđạo của Đảng.");
	assert_string_equal(o->items[2].label, "b");
	outline_doc_free(&d);
}

static void markdown_is_stripped(void **state)
{
	check_tsv("# Đề cương báo cáo\n\n## **I. _MỞ_ ĐẦU** ##\n\n1\\. Đặc *điểm* (*) **chung**\n\n"
		  "* sao là gạch đầu dòng\n\n| STT | Nội dung |\n|---|---|\n| 1. | Không phải mục |\n\n"
		  "### Mục không số\n\n2. Hai\n",
		  "# Đề cương báo cáo\n1\tI\tMỞ ĐẦU\n2\t1\tĐặc điểm (*) chung\n3\t*\tsao là gạch đầu dòng\n"
		  "2\t\tMục không số\n3\t2\tHai\n");
}

static void bom_crlf_and_nfd_are_accepted(void **state)
{
	/* "Kết" with the circumflex and acute as combining marks (NFD) */
	check_tsv("\xef\xbb\xbfI. Ke\xcc\x82\xcc\x81t qua\xcc\x89\r\n\r\n1. Một\r\n",
		  "# \n1\tI\tKết quả\n2\t1\tMột\n");
}

/* ---- asks and repeats ---- */

static void asks_are_detected(void **state)
{
	outline_doc d = parse_ok(
		"I. KẾT QUẢ\n"
		"1. Công tác khen thưởng tập thể, hộ gia đình, cá nhân (nêu cụ thể số liệu tập thể, hộ gia "
		"đình, cá nhân đã được nhận các hình thức khen thưởng)\n"
		"2. Các phong trào thi đua hưởng ứng (số lượng, tên phong trào)\n"
		"3. Mô hình, cách làm mới, các gương điển hình tiên tiến tiêu biểu\n"
		"4. Đề nghị mỗi huyện giới thiệu từ 02 – 03 tập thể là các mô hình, gương điển hình "
		"tiên tiến (có tóm tắt, số người lao động được tạo việc làm)\n"
		"5. Công tác phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến\n"
		"6. Công tác khen thưởng\nSo sánh số liệu khen thưởng hai giai đoạn.\n"
		"- Số xã được khen thưởng.\n- Cá nhân, doanh nghiệp được khen thưởng.\n");
	const outline_item *it = d.outlines[0].items;
	assert_int_equal(it[0].asks, 0); /* a section: its children carry the asks */
	assert_int_equal(it[1].asks, OUTLINE_ASK_TEXT | OUTLINE_ASK_FIGURES);
	assert_string_equal(it[1].table, "commendation");
	assert_int_equal(it[2].asks, OUTLINE_ASK_TEXT | OUTLINE_ASK_FIGURES);
	assert_null(it[2].table);
	assert_int_equal(it[3].asks, OUTLINE_ASK_TEXT | OUTLINE_ASK_MODELS);
	assert_int_equal(it[4].asks, OUTLINE_ASK_TEXT | OUTLINE_ASK_MODELS);
	assert_int_equal(it[5].asks, OUTLINE_ASK_TEXT);
	assert_int_equal(it[6].asks, OUTLINE_ASK_FIGURES);
	assert_string_equal(it[6].table, "commendation");
	assert_int_equal(it[7].asks, OUTLINE_ASK_FIGURES); /* a bare count */
	assert_string_equal(it[7].table, "commendation");
	assert_int_equal(it[8].asks, OUTLINE_ASK_TEXT | OUTLINE_ASK_FIGURES);
	assert_string_equal(it[8].table, "commendation");
	outline_doc_free(&d);
}

static const char repeat_doc[] =
	"III. CÁC PHONG TRÀO KHÁC\n\nIII.1. PHONG TRÀO A\n\n1. Lãnh đạo\n\n2. Điển hình\n\n"
	"a) Hình thức\n\nb) Mô hình\n\n3. Khen thưởng\n\n"
	"III.2. PHONG TRÀO B\n\nCác đơn vị báo cáo lần lượt từng nội dung tương tự mục III.1.\n\n"
	"III.3. PHONG TRÀO C\n\nBáo cáo như mục III.1\n\nIV. KIẾN NGHỊ\n";

static void repeats_are_detected_and_tsv_stays_unexpanded(void **state)
{
	outline_doc d = parse_ok(repeat_doc);
	const outline *o = &d.outlines[0];
	assert_int_equal(o->n_items, 10);
	assert_string_equal(o->items[1].label, "III.1");
	assert_int_equal(o->items[7].repeat_of, 1);
	assert_int_equal(o->items[8].repeat_of, 1);
	assert_int_equal(o->items[1].repeat_of, -1);
	assert_int_equal(o->items[9].repeat_of, -1);
	outline_doc_free(&d);
	check_tsv(repeat_doc, "# \n1\tIII\tCÁC PHONG TRÀO KHÁC\n2\tIII.1\tPHONG TRÀO A\n3\t1\tLãnh đạo\n"
			      "3\t2\tĐiển hình\n4\ta\tHình thức\n4\tb\tMô hình\n3\t3\tKhen thưởng\n"
			      "2\tIII.2\tPHONG TRÀO B\n2\tIII.3\tPHONG TRÀO C\n1\tIV\tKIẾN NGHỊ\n");
}

static void expand_repeats_copies_subtrees(void **state)
{
	outline_doc d = parse_ok(repeat_doc);
	outline *o = &d.outlines[0];
	assert_int_equal(outline_expand_repeats(o), 0);
	assert_int_equal(o->n_items, 10 + 5 + 5);
	/* III.2 at 7, its copies 8..12; III.3 at 13, copies 14..18; IV at 19 */
	assert_string_equal(o->items[7].label, "III.2");
	assert_int_equal(o->items[7].repeat_of, 1);
	assert_string_equal(o->items[8].title, "Lãnh đạo");
	assert_int_equal(o->items[8].depth, 3);
	assert_int_equal(o->items[8].parent, 7);
	assert_string_equal(o->items[10].title, "Hình thức");
	assert_int_equal(o->items[10].depth, 4);
	assert_int_equal(o->items[10].parent, 9);
	assert_int_equal(o->items[12].parent, 7);
	assert_int_equal(o->items[13].repeat_of, 1);
	assert_int_equal(o->items[14].parent, 13);
	assert_string_equal(o->items[19].label, "IV");
	assert_int_equal(o->items[19].parent, -1);
	for (size_t i = 0; i < o->n_items; i++) {
		int p = o->items[i].parent;
		assert_true(p < (int)i);
		assert_int_equal(o->items[i].depth, p < 0 ? 1 : o->items[p].depth + 1);
	}
	/* idempotent */
	assert_int_equal(outline_expand_repeats(o), 0);
	assert_int_equal(o->n_items, 20);
	outline_doc_free(&d);
}

/* ---- errors ---- */

static void invalid_utf8_is_refused(void **state)
{
	err e = {0};
	assert_int_equal(parse_code("I. M\xe1\xbb\n", 6, &e), E_PARSE);
	assert_non_null(strstr(e.msg, "UTF-8"));
	assert_int_equal(parse_code("I. A\0B\n", 7, &e), E_PARSE); /* NUL byte */
}

static void no_outline_is_refused(void **state)
{
	err e = {0};
	assert_int_equal(parse_code("", 0, &e), E_INVAL);
	assert_non_null(strstr(e.msg, "Không tìm thấy đề cương"));
	assert_int_equal(parse_code("Chỉ là một đoạn văn.\n\nVà một đoạn nữa.", 40, &e), E_INVAL);
	const char *letter = "ĐỀ CƯƠNG BÁO CÁO\n\nKính gửi:\n- Sở Nội vụ\n";
	assert_int_equal(parse_code(letter, strlen(letter), &e), E_INVAL);
}

static void huge_input_is_refused(void **state)
{
	size_t n = OUTLINE_MAX_INPUT + 1;
	char *big = malloc(n);
	memset(big, 'a', n);
	err e = {0};
	assert_int_equal(parse_code(big, n, &e), E_TOOBIG);
	/* under the size limit, but one 2 MB paragraph is no outline */
	assert_int_equal(parse_code(big, (size_t)2 << 20, &e), E_TOOBIG);
	assert_non_null(strstr(e.msg, "đoạn dài"));
	/* nor are 60,000 paragraphs */
	for (size_t i = 0; i < 60000; i++)
		memcpy(big + 3 * i, "x\n\n", 3);
	assert_int_equal(parse_code(big, 3 * 60000, &e), E_TOOBIG);
	assert_non_null(strstr(e.msg, "quá nhiều đoạn"));
	free(big);
}

/* ---- writers ---- */

static void json_has_the_documented_shape(void **state)
{
	outline_doc d = parse_ok(repeat_doc);
	buf b = BUF_INIT;
	assert_int_equal(outline_write_json(&d, &b), 0);
	outline_doc_free(&d);
	json_error_t je;
	json_t *root = json_loads(buf_cstr(&b), 0, &je);
	assert_non_null(root);
	json_t *o = json_array_get(json_object_get(root, "outlines"), 0);
	assert_string_equal(json_string_value(json_object_get(o, "title")), "");
	json_t *items = json_object_get(o, "items");
	assert_int_equal(json_array_size(items), 10);
	json_t *it = json_array_get(items, 7);
	assert_int_equal(json_integer_value(json_object_get(it, "depth")), 2);
	assert_int_equal(json_integer_value(json_object_get(it, "parent")), 0);
	assert_string_equal(json_string_value(json_object_get(it, "label")), "III.2");
	assert_string_equal(json_string_value(json_object_get(it, "guidance")),
			    "Các đơn vị báo cáo lần lượt từng nội dung tương tự mục III.1.");
	assert_int_equal(json_integer_value(json_object_get(it, "repeat_of")), 1);
	assert_true(json_is_null(json_object_get(it, "table")));
	assert_true(json_is_null(json_object_get(json_array_get(items, 0), "parent")));
	json_t *leaf = json_array_get(items, 2);
	assert_true(json_is_null(json_object_get(leaf, "repeat_of")));
	assert_string_equal(json_string_value(json_array_get(json_object_get(leaf, "asks"), 0)), "text");
	json_decref(root);
	buf_free(&b);
}

/* ---- the seed documents, byte for byte ---- */

static void check_seed(const char *name)
{
	char path[256];
	buf in = BUF_INIT, want = BUF_INIT;
	err e = {0};
	snprintf(path, sizeof path, FIXTURES "%s.txt", name);
	if (read_file(path, 1 << 20, &in, &e) != 0)
		fail_msg("%s (tests run from the repository root)", e.msg);
	snprintf(path, sizeof path, FIXTURES "%s.expected.tsv", name);
	if (read_file(path, 1 << 20, &want, &e) != 0)
		fail_msg("%s", e.msg);
	char *got = tsv_of(buf_cstr(&in));
	assert_string_equal(got, buf_cstr(&want));
	free(got);
	buf_free(&in);
	buf_free(&want);
}

static void seed_000_movement_outline(void **state) { check_seed("000_d946f861978f22d1"); }
static void seed_001_letter_with_two_outlines(void **state) { check_seed("001_0c20e40965675cb7"); }
static void seed_002_district_plan(void **state) { check_seed("002_50c550435df98776"); }
static void seed_003_ten_year_review(void **state) { check_seed("003_204254158d0d4ae1"); }
static void seed_004_parts(void **state) { check_seed("004_595d4ca16fe8dbdd"); }

/* ---- reentrancy ---- */

static void *parse_in_thread(void *arg)
{
	char *got = tsv_of(repeat_doc);
	bool same = strcmp(got, (const char *)arg) == 0;
	free(got);
	return same ? arg : NULL;
}

static void parses_concurrently(void **state)
{
	char *want = tsv_of(repeat_doc);
	pthread_t t[4];
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&t[i], NULL, parse_in_thread, want), 0);
	for (int i = 0; i < 4; i++) {
		void *r;
		pthread_join(t[i], &r);
		assert_ptr_equal(r, want);
	}
	free(want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(roman_with_dot),
		cmocka_unit_test(roman_with_dash),
		cmocka_unit_test(roman_compound),
		cmocka_unit_test(decimal_with_dot),
		cmocka_unit_test(decimal_with_dash),
		cmocka_unit_test(decimal_with_slash),
		cmocka_unit_test(decimal_with_paren),
		cmocka_unit_test(decimal_compound),
		cmocka_unit_test(decimal_compound_with_slash),
		cmocka_unit_test(letter_with_paren),
		cmocka_unit_test(letter_with_dot),
		cmocka_unit_test(letter_with_slash),
		cmocka_unit_test(letters_in_vietnamese_order),
		cmocka_unit_test(upper_letters_and_roman_ambiguity),
		cmocka_unit_test(bullets),
		cmocka_unit_test(parts_with_title_below),
		cmocka_unit_test(parts_with_title_on_line),
		cmocka_unit_test(label_alone_takes_next_line),
		cmocka_unit_test(title_and_subtitle),
		cmocka_unit_test(letter_preamble_is_left_out),
		cmocka_unit_test(signature_and_distribution_do_not_become_guidance),
		cmocka_unit_test(two_outlines_in_one_document),
		cmocka_unit_test(text_without_blank_lines),
		cmocka_unit_test(wrapped_items),
		cmocka_unit_test(page_break_split_is_body_text),
		cmocka_unit_test(markdown_is_stripped),
		cmocka_unit_test(bom_crlf_and_nfd_are_accepted),
		cmocka_unit_test(asks_are_detected),
		cmocka_unit_test(repeats_are_detected_and_tsv_stays_unexpanded),
		cmocka_unit_test(expand_repeats_copies_subtrees),
		cmocka_unit_test(invalid_utf8_is_refused),
		cmocka_unit_test(no_outline_is_refused),
		cmocka_unit_test(huge_input_is_refused),
		cmocka_unit_test(json_has_the_documented_shape),
		cmocka_unit_test(seed_000_movement_outline),
		cmocka_unit_test(seed_001_letter_with_two_outlines),
		cmocka_unit_test(seed_002_district_plan),
		cmocka_unit_test(seed_003_ten_year_review),
		cmocka_unit_test(seed_004_parts),
		cmocka_unit_test(parses_concurrently),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
