/*
 * sample.c — demonstration documents: a realistic Sở Nội vụ report for
 * eyeballing the layout, a ~150-page one for the bench, and the cases
 * writers must survive: illegal characters, a 2,000-character word and a
 * 100-column table ("edge"), a 5,000-row annex table ("big"), nothing at
 * all ("empty").
 */
#include <stdio.h>
#include <string.h>

#include "doc_int.h"

static void header_snv(doc *d)
{
	err e = {0};
	doc_set_issuer(d, "UBND tỉnh Quảng Ngãi", "Sở Nội vụ");
	doc_set_number(d, 15, "BC-SNV");
	doc_set_date(d, "Quảng Ngãi", 2026, 1, 5, &e);
	doc_set_title(d, "Báo cáo",
		      "Sơ kết Phong trào thi đua “Cán bộ, công chức, viên chức thi đua thực hiện "
		      "văn hóa công sở” năm 2025");
	doc_add_to(d, "Ủy ban nhân dân tỉnh Quảng Ngãi");
	d->created = 1767571200; /* 2026-01-05: the same bytes on every run */
}

static void closing_snv(doc *d)
{
	doc_add_recipient(d, "- Như trên;");
	doc_add_recipient(d, "- Hội đồng Thi đua - Khen thưởng tỉnh;");
	doc_add_recipient(d, "- Giám đốc, các Phó Giám đốc Sở;");
	doc_add_recipient(d, "- Các phòng, đơn vị thuộc Sở;");
	doc_add_recipient(d, "- Lưu: VT, TĐKT.");
	doc_set_signature(d, "KT. Giám đốc", "Phó Giám đốc", "Nguyễn Văn A");
}

/* Award forms × recipient types, the figures a sơ kết report asks for. */
static void award_table(doc *d, const char *title)
{
	static const struct { const char *form; int tt, hgd, cn; } rows[] = {
		{"Huân chương Lao động hạng Ba", 1, 0, 1},
		{"Bằng khen của Thủ tướng Chính phủ", 2, 0, 3},
		{"Cờ thi đua của Ủy ban nhân dân tỉnh", 3, 0, 0},
		{"Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", 18, 4, 46},
		{"Giấy khen của Giám đốc Sở Nội vụ", 35, 12, 128},
	};
	doc_table *t = doc_add_table(d, 6, title);
	doc_table_note(d, t, "Đơn vị tính: tập thể, hộ, người");
	doc_table_col(t, 0, 0.7, DOC_CENTER);
	doc_table_col(t, 1, 4.6, DOC_LEFT);
	for (size_t c = 2; c < 6; c++)
		doc_table_col(t, c, 1.2, DOC_CENTER);
	doc_table_head_row(d, t);
	doc_table_cell_span(d, t, "STT", 2, 1);
	doc_table_cell_span(d, t, "Hình thức khen thưởng", 2, 1);
	doc_table_cell_span(d, t, "Số lượng", 1, 3);
	doc_table_cell_span(d, t, "Tổng cộng", 2, 1);
	doc_table_head_row(d, t);
	doc_table_cell(d, t, "Tập thể");
	doc_table_cell(d, t, "Hộ gia đình");
	doc_table_cell(d, t, "Cá nhân");
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		char stt[24];
		snprintf(stt, sizeof stt, "%zu", i + 1);
		doc_table_row(d, t);
		doc_table_cell(d, t, stt);
		doc_table_cell(d, t, rows[i].form);
		doc_table_cell_num(d, t, rows[i].tt);
		doc_table_cell_num(d, t, rows[i].hgd);
		doc_table_cell_num(d, t, rows[i].cn);
		doc_table_cell_num(d, t, rows[i].tt + rows[i].hgd + rows[i].cn);
	}
	doc_table_total(d, t, "Tổng cộng");
}

static void report_body(doc *d)
{
	doc_add_markup(d,
		"Thực hiện Kế hoạch số 25/KH-UBND ngày 10/02/2025 của Ủy ban nhân dân tỉnh về tổ chức "
		"Phong trào thi đua “Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở” năm "
		"2025, Sở Nội vụ báo cáo kết quả sơ kết như sau:");
	doc_add_heading(d, 1, "I.", "CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI");
	doc_add_markup(d,
		"Ngay sau khi Kế hoạch của tỉnh được ban hành, Sở Nội vụ đã xây dựng kế hoạch triển khai, "
		"phân công nhiệm vụ cụ thể cho từng phòng, đơn vị; tổ chức quán triệt đến **100% cán bộ, "
		"công chức, viên chức và người lao động** thuộc Sở. Nội dung phong trào được gắn với việc "
		"thực hiện Quy chế văn hóa công sở, Bộ Quy tắc ứng xử và nhiệm vụ chuyên môn của từng "
		"đơn vị.\n"
		"Các hình thức tuyên truyền được đổi mới theo hướng thiết thực, hiệu quả:\n"
		"- Đăng tải tin, bài trên Cổng thông tin điện tử của Sở và các nền tảng số;\n"
		"- Lồng ghép trong sinh hoạt chi bộ, hội nghị cán bộ, công chức, viên chức;\n"
		"- Xây dựng chuyên mục *“Gương sáng công sở”* giới thiệu các điển hình tiên tiến.");
	doc_add_heading(d, 1, "II.", "KẾT QUẢ THỰC HIỆN PHONG TRÀO");
	doc_add_heading(d, 2, "1.", "Kết quả thực hiện các nội dung thi đua");
	doc_add_heading(d, 3, "a)", "Về xây dựng và thực hiện quy chế văn hóa công sở");
	doc_add_markup(d,
		"Các phòng, đơn vị thuộc Sở đã rà soát, bổ sung nội quy, quy chế làm việc; bố trí phòng "
		"làm việc khoa học, gọn gàng; thực hiện nghiêm việc đeo thẻ công chức, viên chức trong "
		"giờ làm việc. Không có trường hợp cán bộ, công chức, viên chức vi phạm kỷ luật, kỷ cương "
		"hành chính hoặc có thái độ, hành vi ứng xử không đúng mực với tổ chức, công dân.");
	doc_add_heading(d, 3, "b)", "Về cải cách hành chính, chuyển đổi số");
	doc_add_markup(d,
		"Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng và trước hạn đạt **99,6%**; "
		"100% văn bản đi, đến (trừ văn bản mật) được xử lý trên môi trường mạng; hồ sơ đề nghị "
		"khen thưởng được tiếp nhận, thẩm định trên Hệ thống quản lý thi đua, khen thưởng của "
		"tỉnh, rút ngắn thời gian giải quyết bình quân từ 20 ngày xuống còn 12 ngày làm việc.");
	doc_add_heading(d, 2, "2.", "Công tác khen thưởng");
	doc_add_markup(d,
		"Qua phong trào, Sở Nội vụ đã đề nghị cấp có thẩm quyền khen thưởng và khen thưởng theo "
		"thẩm quyền cho **253** lượt tập thể, hộ gia đình và cá nhân có thành tích xuất sắc, cụ "
		"thể như sau:");
	award_table(d, "Biểu 01. Kết quả khen thưởng trong Phong trào năm 2025");
	doc_add_heading(d, 2, "3.", "Công tác phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến");
	doc_add_markup(d,
		"Sở đã lựa chọn, giới thiệu 12 tập thể, 27 cá nhân tiêu biểu; xây dựng 05 mô hình "
		"*“Công sở văn minh – thân thiện – hiệu quả”* để nhân rộng trong toàn ngành. Nhiều sáng "
		"kiến cải tiến quy trình, thủ tục được áp dụng thành công, góp phần nâng cao chất lượng "
		"phục vụ người dân và doanh nghiệp.");
	doc_add_heading(d, 1, "III.", "ĐÁNH GIÁ CHUNG");
	doc_add_heading(d, 2, "1.", "Ưu điểm");
	doc_add_markup(d,
		"Phong trào được triển khai đồng bộ, có trọng tâm, trọng điểm; nhận thức và trách nhiệm "
		"của cán bộ, công chức, viên chức về văn hóa công sở được nâng lên rõ rệt. Công tác khen "
		"thưởng kịp thời, đúng đối tượng, chú trọng khen thưởng người trực tiếp lao động.");
	doc_add_heading(d, 2, "2.", "Hạn chế, nguyên nhân");
	doc_add_markup(d,
		"Một số đơn vị còn chậm gửi báo cáo; việc phát hiện, nhân rộng điển hình tiên tiến ở "
		"một số nơi chưa thường xuyên. Nguyên nhân chủ yếu là khối lượng công việc chuyên môn lớn, "
		"biên chế còn hạn chế sau khi sắp xếp tổ chức bộ máy.");
	doc_add_heading(d, 1, "IV.", "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026");
	doc_add_markup(d,
		"- Tiếp tục đẩy mạnh phong trào gắn với chuyển đổi số và cải cách hành chính;\n"
		"- Đổi mới công tác thi đua, khen thưởng theo Luật Thi đua, khen thưởng năm 2022 và các "
		"văn bản hướng dẫn;\n"
		"- Kịp thời phát hiện, biểu dương, khen thưởng các tập thể, cá nhân có thành tích xuất sắc.");
	doc_add_heading(d, 1, "V.", "ĐỀ XUẤT, KIẾN NGHỊ");
	doc_add_markup(d,
		"Đề nghị Ủy ban nhân dân tỉnh quan tâm bố trí kinh phí cho công tác tuyên truyền, nhân "
		"rộng điển hình tiên tiến trong phong trào.\n"
		"Trên đây là báo cáo sơ kết Phong trào thi đua “Cán bộ, công chức, viên chức thi đua thực "
		"hiện văn hóa công sở” năm 2025 của Sở Nội vụ, kính báo cáo Ủy ban nhân dân tỉnh./.");
}

static void annex_names(doc *d, size_t rows)
{
	static const char *const names[] = {
		"Phòng Công chức, viên chức", "Bà Trần Thị Bích Ngọc", "Ông Lê Văn Dũng",
		"Hộ ông Phạm Văn Hùng", "Trung tâm Lưu trữ lịch sử", "Bà Huỳnh Thị Thu Hà",
		"Ông Đặng Quốc Việt", "Hộ bà Võ Thị Lệ", "Phòng Tổ chức, biên chế", "Ông Nguyễn Đức Thắng"};
	static const char *const units[] = {
		"Sở Nội vụ", "Chuyên viên Phòng Xây dựng chính quyền", "Trưởng phòng Thi đua - Khen thưởng",
		"Thôn An Hải, xã Bình Sơn", "Sở Nội vụ", "Phó Chánh Văn phòng Sở",
		"Chuyên viên Phòng Công chức, viên chức", "Tổ dân phố 3, phường Cẩm Thành", "Sở Nội vụ",
		"Giám đốc Trung tâm Lưu trữ lịch sử"};
	static const char *const forms[] = {"Bằng khen của Chủ tịch UBND tỉnh", "Giấy khen của Giám đốc Sở"};
	doc_table *t = doc_add_table(d, 5, NULL);
	doc_table_col(t, 0, 0.9, DOC_CENTER);
	doc_table_col(t, 1, 2.6, DOC_LEFT);
	doc_table_col(t, 2, 2.9, DOC_LEFT);
	doc_table_col(t, 3, 2.4, DOC_LEFT);
	doc_table_col(t, 4, 2.2, DOC_CENTER);
	doc_table_head_row(d, t);
	const char *head[] = {"STT", "Tên tập thể, cá nhân", "Chức vụ, đơn vị", "Hình thức khen thưởng",
			      "Số, ngày quyết định"};
	for (size_t c = 0; c < 5; c++)
		doc_table_cell(d, t, head[c]);
	for (size_t i = 0; i < rows; i++) {
		char stt[16], dec[48];
		snprintf(stt, sizeof stt, "%zu", i + 1);
		snprintf(dec, sizeof dec, "%zu/QĐ-%s\n%02zu/12/2025", 1000 + i * 7 % 900,
			 i % 3 ? "SNV" : "UBND", 1 + i % 28);
		doc_table_row(d, t);
		doc_table_cell(d, t, stt);
		doc_table_cell(d, t, names[i % 10]);
		doc_table_cell(d, t, units[i % 10]);
		doc_table_cell(d, t, forms[i % 3 == 0 ? 0 : 1]);
		doc_table_cell(d, t, dec);
	}
}

static doc *sample_report(void)
{
	doc *d = doc_new();
	header_snv(d);
	report_body(d);
	closing_snv(d);
	doc_add_annex(d, "Phụ lục I", "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG",
		      "(Kèm theo Báo cáo số 15/BC-SNV ngày 05/01/2026 của Sở Nội vụ)");
	annex_names(d, 14);
	return d;
}

/* --- letter: a công văn (no type name; "V/v" under the number) --- */

static doc *sample_letter(void)
{
	doc *d = doc_new();
	err e = {0};
	doc_set_issuer(d, "UBND tỉnh Quảng Ngãi", "Sở Nội vụ");
	doc_set_number(d, 5, "SNV-TĐKT");
	doc_set_date(d, "Quảng Ngãi", 2025, 11, 3, &e);
	doc_set_about(d, "báo cáo sơ kết Phong trào thi đua “Cán bộ, công chức, viên chức thi đua "
			 "thực hiện văn hóa công sở” năm 2025");
	doc_add_to(d, "- Các sở, ban, ngành tỉnh;");
	doc_add_to(d, "- Ủy ban nhân dân các xã, phường, đặc khu.");
	d->created = 1762128000;
	doc_add_markup(d,
		"Thực hiện Kế hoạch số 25/KH-UBND ngày 10/02/2025 của Ủy ban nhân dân tỉnh, Sở Nội vụ "
		"đề nghị các cơ quan, đơn vị, địa phương báo cáo sơ kết phong trào theo đề cương gửi kèm, "
		"trong đó nêu cụ thể số liệu tập thể, hộ gia đình, cá nhân đã được khen thưởng.\n"
		"Báo cáo gửi về Sở Nội vụ (qua Phòng Thi đua - Khen thưởng) **trước ngày 20/11/2025** để "
		"tổng hợp, báo cáo Ủy ban nhân dân tỉnh./.");
	doc_add_recipient(d, "- Như trên;");
	doc_add_recipient(d, "- Giám đốc Sở (để b/c);");
	doc_add_recipient(d, "- Lưu: VT, TĐKT.");
	doc_set_signature(d, "TL. Giám đốc", "Trưởng phòng Thi đua - Khen thưởng", "Trần Thị Bích Ngọc");
	return d;
}

/* --- long: ~150 pages, 60 sections, 20 tables --- */

static const char *const sentences[] = {
	"Các cơ quan, đơn vị đã tổ chức quán triệt, triển khai kịp thời các văn bản chỉ đạo của cấp "
	"trên về công tác thi đua, khen thưởng.",
	"Phong trào thi đua được phát động sâu rộng với nhiều hình thức phong phú, thiết thực, gắn "
	"với nhiệm vụ chính trị của từng địa phương.",
	"Kết quả thực hiện các chỉ tiêu kinh tế - xã hội cơ bản đạt và vượt kế hoạch đề ra, đời sống "
	"vật chất và tinh thần của nhân dân tiếp tục được cải thiện.",
	"Công tác phát hiện, bồi dưỡng và nhân rộng các điển hình tiên tiến được quan tâm, nhiều "
	"gương người tốt, việc tốt được biểu dương kịp thời.",
	"Việc xét, đề nghị khen thưởng bảo đảm đúng quy trình, thủ tục, công khai, minh bạch, chú "
	"trọng khen thưởng người lao động trực tiếp, đồng bào dân tộc thiểu số.",
	"Bên cạnh kết quả đạt được, một số đơn vị còn lúng túng trong việc xây dựng tiêu chí thi đua, "
	"chưa gắn chặt với nhiệm vụ chuyên môn.",
	"Tỷ lệ hộ nghèo giảm còn 3,2%, tỷ lệ hộ cận nghèo giảm còn 4,1%; 100% hộ nghèo được hỗ trợ "
	"bảo hiểm y tế theo quy định.",
	"Hội đồng Thi đua - Khen thưởng các cấp thường xuyên được kiện toàn, phát huy vai trò tham "
	"mưu trong tổ chức các phong trào thi đua.",
};

static void long_paragraph(doc *d, int seed, int sentences_n)
{
	buf b = BUF_INIT;
	for (int k = 0; k < sentences_n; k++) {
		if (k)
			buf_putc(&b, ' ');
		buf_puts(&b, sentences[(size_t)(seed * 7 + k * 3) % (sizeof sentences / sizeof *sentences)]);
	}
	doc_add_markup(d, buf_cstr(&b));
	buf_free(&b);
}

static void long_table(doc *d, int n)
{
	char title[96];
	snprintf(title, sizeof title, "Biểu %02d. Số liệu khen thưởng theo đơn vị", n);
	doc_table *t = doc_add_table(d, 6, title);
	doc_table_col(t, 0, 0.7, DOC_CENTER);
	doc_table_col(t, 1, 4.3, DOC_LEFT);
	doc_table_head_row(d, t);
	const char *head[] = {"STT", "Đơn vị", "Tập thể", "Hộ gia đình", "Cá nhân", "Tổng cộng"};
	for (size_t c = 0; c < 6; c++)
		doc_table_cell(d, t, head[c]);
	for (int r = 0; r < 24; r++) {
		char stt[24], unit[64];
		snprintf(stt, sizeof stt, "%d", r + 1);
		snprintf(unit, sizeof unit, "Ủy ban nhân dân xã số %d", r + 1);
		int a = (r * 7 + n) % 13, b = (r * 3 + n) % 5, c = (r * 11 + n) % 37;
		doc_table_row(d, t);
		doc_table_cell(d, t, stt);
		doc_table_cell(d, t, unit);
		doc_table_cell_num(d, t, a);
		doc_table_cell_num(d, t, b);
		doc_table_cell_num(d, t, c);
		doc_table_cell_num(d, t, a + b + c);
	}
	doc_table_total(d, t, "Tổng cộng");
}

static doc *sample_long(void)
{
	doc *d = doc_new();
	header_snv(d);
	int tables = 0;
	for (int s = 1; s <= 60; s++) {
		char title[96];
		snprintf(title, sizeof title, "NỘI DUNG BÁO CÁO PHẦN %d", s);
		doc_add_heading(d, 1, doc_label(d, 1, s), title);
		for (int sub = 1; sub <= 2; sub++) {
			snprintf(title, sizeof title, "Kết quả thực hiện nhiệm vụ trọng tâm %d.%d", s, sub);
			doc_add_heading(d, 2, doc_label(d, 2, sub), title);
			for (int p = 0; p < 3; p++)
				long_paragraph(d, s * 10 + sub * 3 + p, 8);
		}
		if (s % 3 == 0 && tables < 20)
			long_table(d, ++tables);
	}
	closing_snv(d);
	return d;
}

/* --- edge --- */

/* Merged cells across page breaks: a cell spanning 60 rows (taller than a
 * page), and a row whose two-column cell holds 5,000 characters. */
static void merged_tables(doc *d)
{
	doc_table *t = doc_add_table(d, 3, "Bảng có ô gộp qua nhiều trang");
	doc_table_col(t, 0, 2, DOC_LEFT);
	doc_table_col(t, 1, 1, DOC_CENTER);
	doc_table_col(t, 2, 4, DOC_LEFT);
	doc_table_head_row(d, t);
	doc_table_cell(d, t, "Nhóm");
	doc_table_cell(d, t, "STT");
	doc_table_cell(d, t, "Nội dung");
	for (int r = 0; r < 60; r++) {
		char stt[16];
		snprintf(stt, sizeof stt, "%d", r + 1);
		doc_table_row(d, t);
		if (r == 0)
			doc_table_cell_span(d, t, "Nhóm gộp 60 dòng", 60, 1);
		doc_table_cell(d, t, stt);
		doc_table_cell(d, t, "Tiêu chí thi đua của tập thể, cá nhân");
	}
	buf w = BUF_INIT;
	for (int i = 0; i < 500; i++)
		buf_puts(&w, "Thi đua yêu nước ");
	doc_table_row(d, t);
	doc_table_cell(d, t, "Cuối");
	doc_table_cell_span(d, t, buf_cstr(&w), 1, 2);
	buf_free(&w);
}

static doc *sample_edge(void)
{
	doc *d = doc_new();
	header_snv(d);
	/* C0 controls, U+FFFE, U+FFFF, a C1 control, ill-formed bytes, a lone
	 * surrogate encoded in UTF-8, markup characters of XML */
	doc_add_text(d, "Ký tự lạ:\x01\x02\x0b\x0c\x1f|\xef\xbf\xbe|\xef\xbf\xbf|\xc2\x85|\xff\xfe|\xc3|"
			"\xed\xa0\x80|<w:t>&amp;\"'</w:t> ]]> hết.");
	buf w = BUF_INIT;
	for (int i = 0; i < 2000; i++)
		buf_putc(&w, (char)('a' + i % 26));
	doc_add_heading(d, 2, "1.", "Một từ dài 2.000 ký tự");
	doc_add_text(d, buf_cstr(&w));
	doc_table *t = doc_add_table(d, 3, "Bảng có ô chứa từ rất dài");
	doc_table_head_row(d, t);
	doc_table_cell(d, t, "A");
	doc_table_cell(d, t, "B");
	doc_table_cell(d, t, "C");
	doc_table_row(d, t);
	doc_table_cell(d, t, buf_cstr(&w));
	doc_table_cell_num(d, t, 1);
	doc_table_cell(d, t, "\x01ô có ký tự điều khiển");
	buf_free(&w);
	t = doc_add_table(d, 100, "Bảng 100 cột: tiêu chí [thi đua]: */?\\ quá dài để làm tên trang tính");
	doc_table_head_row(d, t);
	for (int c = 0; c < 100; c++) {
		char h[32];
		snprintf(h, sizeof h, "Cột %d", c + 1);
		doc_table_cell(d, t, h);
	}
	for (int r = 0; r < 5; r++) {
		doc_table_row(d, t);
		for (int c = 0; c < 100; c++)
			doc_table_cell_num(d, t, r * 100 + c);
	}
	doc_table_total(d, t, "Tổng");
	merged_tables(d);
	closing_snv(d);
	/* a second table of the same long title: its sheet needs another name */
	doc_add_annex(d, "Phụ lục I", "BẢNG CÙNG TÊN", NULL);
	t = doc_add_table(d, 2, "Bảng 100 cột: tiêu chí [thi đua]: */?\\ quá dài để làm tên trang tính");
	doc_table_head_row(d, t);
	doc_table_cell(d, t, "Tiêu chí");
	doc_table_cell(d, t, "Điểm");
	doc_table_row(d, t);
	doc_table_cell(d, t, "Chấp hành kỷ luật, kỷ cương");
	doc_table_cell_num(d, t, 9.5);
	return d;
}

/* --- big: a 5,000-row annex table --- */

static doc *sample_big(void)
{
	doc *d = doc_new();
	header_snv(d);
	doc_add_text(d, "Danh sách kèm theo tại Phụ lục I.");
	closing_snv(d);
	doc_add_annex(d, "Phụ lục I", "DANH SÁCH 5.000 CÁ NHÂN", NULL);
	doc_table *t = doc_add_table(d, 4, "Danh sách cá nhân");
	doc_table_col(t, 0, 1, DOC_CENTER);
	doc_table_col(t, 1, 5, DOC_LEFT);
	doc_table_col(t, 2, 4, DOC_LEFT);
	doc_table_col(t, 3, 2, DOC_CENTER);
	doc_table_head_row(d, t);
	doc_table_cell(d, t, "STT");
	doc_table_cell(d, t, "Họ và tên");
	doc_table_cell(d, t, "Đơn vị");
	doc_table_cell(d, t, "Số lượng");
	for (int r = 0; r < 5000; r++) {
		char stt[16], name[64];
		snprintf(stt, sizeof stt, "%d", r + 1);
		snprintf(name, sizeof name, "Nguyễn Thị Người Thứ %d", r + 1);
		doc_table_row(d, t);
		doc_table_cell(d, t, stt);
		doc_table_cell(d, t, name);
		doc_table_cell(d, t, "Xã Đức Phổ");
		doc_table_cell_num(d, t, r % 7);
	}
	doc_table_total(d, t, "Tổng cộng");
	return d;
}

doc *doc_sample(const char *name)
{
	if (!name || strcmp(name, "report") == 0)
		return sample_report();
	if (strcmp(name, "letter") == 0)
		return sample_letter();
	if (strcmp(name, "long") == 0)
		return sample_long();
	if (strcmp(name, "edge") == 0)
		return sample_edge();
	if (strcmp(name, "big") == 0)
		return sample_big();
	if (strcmp(name, "empty") == 0)
		return doc_new();
	return NULL;
}
