/* test_report_input.c — the parts of reports that need no database: the
 * light markup rendered safely, figures typed in forms, item paths in
 * messages, the API's JSON read with type errors named, attachment names. */
#include "testutil.h"

#include "core/reports.h"
#include "html/html.h"
#include "text/text.h"

static char *markup(const char *text)
{
	buf b = BUF_INIT;
	h_markup(&b, text);
	return buf_detach(&b);
}

static void expect_markup(const char *text, const char *html)
{
	char *got = markup(text);
	if (strcmp(got, html) != 0)
		fail_msg("markup of \"%s\"\n got: %s\nwant: %s", text, got, html);
	free(got);
}

static void light_markup_is_rendered_and_everything_else_escaped(void **state)
{
	expect_markup("", "");
	expect_markup("Một đoạn.", "<p>Một đoạn.</p>");
	expect_markup("Dòng 1\nDòng 2\n\nĐoạn 2", "<p>Dòng 1<br>Dòng 2</p><p>Đoạn 2</p>");
	expect_markup("**đậm** và *nghiêng*", "<p><strong>đậm</strong> và <em>nghiêng</em></p>");
	expect_markup("**đậm *lồng* vào**", "<p><strong>đậm <em>lồng</em> vào</strong></p>");
	expect_markup("Mở:\n- một\n- hai **ba**\nSau", "<p>Mở:</p><ul><li>một</li><li>hai <strong>ba</strong></li></ul><p>Sau</p>");
	expect_markup("<script>alert('x')</script> & \"q\"",
		      "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</p>");
	expect_markup("2 * 3 = 6, **không đóng", "<p>2 * 3 = 6, **không đóng</p>");
	expect_markup("****", "<p>****</p>");
	expect_markup("-không phải danh sách", "<p>-không phải danh sách</p>");
	expect_markup("  - thụt vào\r\n", "<ul><li>thụt vào</li></ul>");
	expect_markup("*<b>*", "<p><em>&lt;b&gt;</em></p>");
}

static void figures_typed_in_forms(void **state)
{
	double v;
	assert_true(report_value_parse("12", &v) && v == 12);
	assert_true(report_value_parse(" 1 234 ", &v) && v == 1234);
	assert_true(report_value_parse("12,5", &v) && v == 12.5);
	assert_true(report_value_parse("-6.5", &v) && v == -6.5);
	assert_false(report_value_parse("", &v));
	assert_false(report_value_parse("1.234.567", &v));
	assert_false(report_value_parse("12a", &v));
	assert_false(report_value_parse("1e5", &v));
	assert_false(report_value_parse("-", &v));
	char s[32];
	report_value_text(12, s);
	assert_string_equal(s, "12");
	report_value_text(0.1 + 0.2, s);
	assert_string_equal(s, "0.3");
	report_value_text(-0.0, s);
	assert_string_equal(s, "0");
}

static figure_line rows[] = {{"huan_chuong", "Huân chương"}, {"giay_khen", "Giấy khen"}};
static figure_line cols[] = {{"collective", "Tập thể"}};
static figure_table counts = {1, 0, "commendation", "Kết quả khen thưởng", "Số lượng", "integer",
			      rows, cols, 2, 1};

static void schema_paths_and_json_types(void **state)
{
	stored_item items[] = {
		{10, 0, 1, "I", "Đặc điểm", "", 1, 0, 0, NULL},
		{11, 0, 1, "II", "Kết quả", "", 0, 0, 0, NULL},
		{12, 11, 2, "1", "Khen thưởng", "", 3, 1, 0, &counts},
		{13, 12, 3, "a", "Chi tiết", "", 1, 0, 0, NULL},
		{14, 11, 2, "-", "Gạch đầu dòng", "", 1, 0, 0, NULL},
	};
	stored_outline o = {.id = 1, .items = items, .n_items = 5};
	arena *ar = arena_new();
	report_schema s;
	report_schema_build(ar, &o, &s);
	assert_string_equal(report_schema_find(&s, 10)->path, "I");
	assert_string_equal(report_schema_find(&s, 12)->path, "II.1");
	assert_string_equal(report_schema_find(&s, 13)->path, "II.1.a");
	assert_string_equal(report_schema_find(&s, 14)->path, "II");
	assert_null(report_schema_find(&s, 99));

	static const char *const bad[][2] = {
		{"{\"items\":{}}", "mảng"},
		{"{\"items\":[5]}", "item_id"},
		{"{\"items\":[{\"item_id\":\"12\"}]}", "item_id"},
		{"{\"items\":[{\"item_id\":10,\"text\":1}]}", "text"},
		{"{\"items\":[{\"item_id\":12,\"figures\":{}}]}", "figures"},
		{"{\"items\":[{\"item_id\":12,\"figures\":[{\"row\":1,\"col\":\"c\",\"value\":1}]}]}", "row"},
		{"{\"items\":[{\"item_id\":12,\"figures\":[{\"row\":\"r\",\"col\":\"c\",\"value\":\"1\"}]}]}", "phải là số"},
		{"{\"items\":[{\"item_id\":12,\"models\":[{\"name\":5}]}]}", "name"},
		{"{\"items\":[{\"item_id\":12,\"models\":[{\"jobs_created\":1.5}]}]}", "jobs_created"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		json_t *j = json_loads(bad[i][0], 0, NULL);
		struct report_content c;
		err e = {0};
		assert_int_equal(report_content_from_json(ar, json_object_get(j, "items"), &c, &e), E_INVAL);
		if (!strstr(e.msg, bad[i][1]))
			fail_msg("%s: %s", bad[i][0], e.msg);
		json_decref(j);
	}
	/* a good one, checked: empty answers dropped, outline order, cells in table order */
	json_t *j = json_loads("{\"items\":[{\"item_id\":12,\"figures\":[{\"row\":\"giay_khen\","
			       "\"col\":\"collective\",\"value\":3},{\"row\":\"huan_chuong\",\"col\":"
			       "\"collective\",\"value\":0}]},{\"item_id\":13,\"text\":\"  \\n\"},"
			       "{\"item_id\":10,\"text\":\"A\\u0007B\"}]}",
			       0, NULL);
	struct report_content c;
	err e = {0};
	assert_int_equal(report_content_from_json(ar, json_object_get(j, "items"), &c, &e), 0);
	assert_int_equal(report_content_check(ar, &s, &c, &e), 0);
	assert_int_equal(c.n, 2);
	assert_int_equal(c.items[0].item_id, 10);
	assert_string_equal(c.items[0].text, "AB");
	assert_string_equal(c.items[1].cells[0].row, "huan_chuong");
	json_t *out = report_content_json(&c);
	char *text = json_dumps(out, JSON_COMPACT);
	assert_string_equal(text, "[{\"item_id\":10,\"text\":\"AB\",\"figures\":[],\"models\":[]},"
				  "{\"item_id\":12,\"text\":\"\",\"figures\":[{\"row\":\"huan_chuong\","
				  "\"col\":\"collective\",\"value\":0},{\"row\":\"giay_khen\",\"col\":"
				  "\"collective\",\"value\":3}],\"models\":[]}]");
	free(text);
	json_decref(out);
	json_decref(j);
	arena_free(ar);
}

static void attachment_names(void **state)
{
	static const char *const cases[][2] = {
		{"Kế hoạch.pdf", "Kế hoạch.pdf"},
		{"C:\\Users\\a\\Báo cáo.docx", "Báo cáo.docx"},
		{"../../etc/passwd", "passwd"},
		{"a\"b*c:d<e>f?g|h;i.txt", "abcdefghi.txt"},
		{".htaccess", "htaccess"},
		{"  ", "tep-dinh-kem"},
		{"", "tep-dinh-kem"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *n = attachment_clean_name(cases[i][0]);
		assert_string_equal(n, cases[i][1]);
		free(n);
	}
	assert_null(attachment_clean_name("\xff\xfe"));
	assert_string_equal(attachment_mime("a.PDF"), "application/pdf");
	assert_string_equal(attachment_mime("a.exe"), "application/octet-stream");
	assert_string_equal(attachment_mime("noext"), "application/octet-stream");
	/* the ASCII fallback name of a download */
	static const char *const ascii[][2] = {
		{"Kế hoạch số 1.pdf", "Ke hoach so 1.pdf"},
		{"ĐƠN ĐỀ NGHỊ.docx", "DON DE NGHI.docx"},
		{"báo cáo – 2025.xlsx", "bao cao _ 2025.xlsx"},
		{"a\tb", "a_b"},
	};
	for (size_t i = 0; i < sizeof ascii / sizeof *ascii; i++) {
		char *a = text_ascii(ascii[i][0]);
		assert_string_equal(a, ascii[i][1]);
		free(a);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(light_markup_is_rendered_and_everything_else_escaped),
		cmocka_unit_test(figures_typed_in_forms),
		cmocka_unit_test(schema_paths_and_json_types),
		cmocka_unit_test(attachment_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
