/*
 * ui_awards.c — the commendation pages: decisions (list, one decision, the
 * entry form with several award rows), the import of an award list, the
 * recipient search, and the sub-navigation they share. The catalogue and
 * the statistics pages are in ui_award_stats.c.
 */
#include "web/ui_awards.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/award_rules.h"
#include "core/awards_table.h"
#include "core/movements.h"
#include "core/units.h"
#include "text/text.h"

/* Rows on a new entry form, rows added by "Thêm dòng", and the most a form
 * may hold (7 fields a row within the server's 256 form fields). */
#define ROWS_START 10
#define ROWS_MORE 5
#define ROWS_MAX 30

bool ui_awards_may_record(const req *r)
{
	return r->who.role == ROLE_ADMIN || r->who.role == ROLE_OFFICER;
}

void ui_awards_tabs(req *r, resp *w, const char *active)
{
	static const char *const tabs[][2] = {
		{"/decisions", "Quyết định khen thưởng"}, {"/decisions/new", "Nhập quyết định"},
		{"/awards/import", "Nhập danh sách từ tệp"}, {"/awards/stats", "Thống kê"},
		{"/awards/search", "Tìm người được khen"}, {"/award-forms", "Danh mục hình thức"},
	};
	buf *b = &w->body;
	h_raw(b, "<nav class=\"tabs\" aria-label=\"Khen thưởng\">");
	for (size_t i = 0; i < sizeof tabs / sizeof *tabs; i++) {
		if ((i == 1 || i == 2) && !ui_awards_may_record(r))
			continue;
		h_fmt(b, "<a href=\"%s\"%S>%s</a>", tabs[i][0],
		      strcmp(active, tabs[i][0]) == 0 ? " aria-current=\"page\"" : "", tabs[i][1]);
	}
	h_raw(b, "</nav>");
}

void ui_form_select(req *r, resp *w, const char *name, const char *id_attr, const char *selected,
		    const char *blank)
{
	award_form *f;
	size_t n;
	err e;
	if (award_forms_list(r->db, r->a, NULL, &f, &n, &e))
		n = 0;
	buf *b = &w->body;
	h_fmt(b, "<select name=\"%s\" id=\"%s\">", name, id_attr);
	if (blank)
		h_fmt(b, "<option value=\"\">%s</option>", blank);
	const char *group = NULL;
	for (size_t i = 0; i < n; i++) {
		if (!group || strcmp(group, f[i].authority) != 0) {
			h_fmt(b, "%S<optgroup label=\"%s\">", group ? "</optgroup>" : "",
			      award_authority_label(f[i].authority));
			group = f[i].authority;
		}
		h_fmt(b, "<option value=\"%s\"%S>%s%s</option>", f[i].code,
		      selected && strcmp(selected, f[i].code) == 0 ? " selected" : "", f[i].name,
		      f[i].valid_to ? arena_printf(r->a, " (đến %s)", f[i].valid_to) : "");
	}
	if (group)
		h_raw(b, "</optgroup>");
	h_raw(b, "</select>");
}

void ui_movement_select(req *r, resp *w, const char *name, const char *id_attr, int64_t selected,
			const char *blank)
{
	movement *v;
	size_t n;
	err e;
	if (movements_list(r->db, r->a, &r->who, NULL, &v, &n, &e))
		n = 0;
	buf *b = &w->body;
	h_fmt(b, "<select name=\"%s\" id=\"%s\">", name, id_attr);
	h_fmt(b, "<option value=\"\">%s</option>", blank);
	for (size_t i = 0; i < n; i++)
		h_fmt(b, "<option value=\"%lld\"%S>%s (%s)</option>", (long long)v[i].id,
		      v[i].id == selected ? " selected" : "", v[i].title, v[i].unit_name);
	h_raw(b, "</select>");
}

/* ---- the list of decisions ---- */

#define PAGE 50

void ui_decisions(req *r, resp *w)
{
	struct decision_filter f = {0};
	f.q = req_query(r, "q");
	const char *year = req_query(r, "year");
	f.year = year && *year ? atoi(year) : 0;
	int64_t page = 0;
	const char *ps = req_query(r, "page");
	if (ps && (parse_i64(ps, &page) || page < 0))
		page = 0;
	f.limit = PAGE + 1; /* one more tells whether a next page exists */
	f.offset = page * PAGE;
	decision *v;
	size_t n;
	err e = {0};
	if (decisions_list(r->db, r->a, &r->who, &f, &v, &n, &e)) {
		ui_core_error(r, w, &e);
		return;
	}
	ui_begin(r, w, "Quyết định khen thưởng", "awards");
	buf *b = &w->body;
	h_raw(b, "<h1>Quyết định khen thưởng</h1>");
	ui_awards_tabs(r, w, "/decisions");
	h_fmt(b, "<form class=\"search\" method=\"get\" action=\"/decisions\">"
		 "<label for=\"d-q\">Số quyết định</label><input id=\"d-q\" name=\"q\" value=\"%s\">"
		 "<label for=\"d-year\">Năm</label><input id=\"d-year\" name=\"year\" type=\"number\""
		 " min=\"1945\" max=\"2100\" value=\"%s\" style=\"max-width:7rem\">"
		 "<button type=\"submit\">Lọc</button></form>",
	      f.q ? f.q : "", year ? year : "");
	if (n == 0) {
		h_raw(b, "<p class=\"empty\">Chưa có quyết định khen thưởng nào.</p>");
	} else {
		h_raw(b, "<table class=\"data\" id=\"decisions\"><thead><tr><th>Số quyết định</th>"
			 "<th class=\"nowrap\">Ngày</th><th>Đơn vị ban hành</th><th>Hình thức khen thưởng</th>"
			 "<th class=\"num\">Số được khen</th></tr></thead><tbody>");
		for (size_t i = 0; i < n && i < PAGE; i++)
			h_fmt(b, "<tr><td><a href=\"/decisions/%lld\">%s</a></td><td class=\"nowrap\">%s</td>"
				 "<td>%s</td><td>%s</td><td class=\"num\">%lld</td></tr>",
			      (long long)v[i].id, v[i].number, v[i].date, v[i].unit_name, v[i].form_name,
			      (long long)v[i].n_awards);
		h_raw(b, "</tbody></table>");
	}
	buf link = BUF_INIT;
	buf_puts(&link, "q=");
	h_url(&link, f.q ? f.q : "");
	buf_printf(&link, "&year=%s", f.year ? arena_printf(r->a, "%d", f.year) : "");
	h_raw(b, "<p class=\"pages\">");
	if (page > 0)
		h_fmt(b, "<a href=\"/decisions?%s&page=%lld\">← Trang trước</a> ", buf_cstr(&link),
		      (long long)page - 1);
	if (n > PAGE)
		h_fmt(b, "<a href=\"/decisions?%s&page=%lld\">Trang sau →</a>", buf_cstr(&link),
		      (long long)page + 1);
	h_raw(b, "</p>");
	buf_free(&link);
	ui_end(r, w);
}

/* ---- one decision ---- */

void ui_decision_page(req *r, resp *w)
{
	decision x;
	award *v;
	size_t n;
	err e = {0};
	if (decision_get(r->db, r->a, &r->who, r->id[0], &x, &v, &n, &e)) {
		ui_core_error(r, w, &e);
		return;
	}
	ui_begin(r, w, arena_printf(r->a, "Quyết định số %s", x.number), "awards");
	buf *b = &w->body;
	ui_awards_tabs(r, w, "");
	h_fmt(b, "<h1>Quyết định số %s</h1><dl class=\"facts\"><dt>Ngày ký</dt><dd>%s</dd>"
		 "<dt>Đơn vị ban hành</dt><dd>%s</dd><dt>Người ký</dt><dd>%s%s%s</dd>"
		 "<dt>Hình thức khen thưởng</dt><dd>%s</dd><dt>Số được khen</dt><dd>%lld</dd></dl>",
	      x.number, x.date, x.unit_name, x.signer[0] ? x.signer : "—",
	      x.signer_title[0] ? " — " : "", x.signer_title, x.form_name, (long long)x.n_awards);
	h_raw(b, "<h2>Danh sách được khen thưởng</h2><table class=\"data\" id=\"awards\"><thead><tr>"
		 "<th class=\"num\">STT</th><th>Đối tượng</th><th>Tên</th><th>Chức vụ</th><th>Đơn vị</th>"
		 "<th class=\"num\">Năm</th><th>Thành tích</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++)
		h_fmt(b, "<tr><td class=\"num\">%zu</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
			 "<td class=\"num\">%d</td><td>%s</td></tr>",
		      i + 1, award_type_label(v[i].recipient_type), v[i].name, v[i].position,
		      v[i].unit_name, v[i].year, v[i].achievement);
	h_raw(b, "</tbody></table>");
	ui_end(r, w);
}

/* ---- entering a decision ---- */

/* What the entry form holds, as typed. */
struct decision_form {
	const char *number, *date, *signer, *signer_title, *form_code;
	int64_t unit_id;
	int rows;
};

static const char *row_field(req *r, int i, const char *field)
{
	char name[32];
	snprintf(name, sizeof name, "r%d_%s", i, field);
	const char *v = req_form(r, name);
	return v ? v : "";
}

static void type_select(buf *b, int i, const char *selected)
{
	static const char *const codes[] = {"individual", "collective", "household"};
	h_fmt(b, "<select name=\"r%d_type\" aria-label=\"Đối tượng dòng %d\">", i, i + 1);
	for (int k = 0; k < 3; k++)
		h_fmt(b, "<option value=\"%s\"%S>%s</option>", codes[k],
		      strcmp(selected, codes[k]) == 0 ? " selected" : "", award_type_label(codes[k]));
	h_raw(b, "</select>");
}

static void entry_row(req *r, resp *w, int i, bool posted)
{
	buf *b = &w->body;
	const char *type = posted ? row_field(r, i, "type") : "individual";
	int64_t movement_id = 0;
	if (posted)
		parse_i64(row_field(r, i, "movement"), &movement_id);
	h_fmt(b, "<tr><td class=\"num\">%d</td><td>", i + 1);
	type_select(b, i, type);
	h_fmt(b, "</td><td><input name=\"r%d_name\" aria-label=\"Tên dòng %d\" value=\"%s\"></td>"
		 "<td><input name=\"r%d_position\" aria-label=\"Chức vụ dòng %d\" value=\"%s\"></td>"
		 "<td><input name=\"r%d_unit\" list=\"unit-names\" aria-label=\"Đơn vị dòng %d\" value=\"%s\"></td>"
		 "<td>",
	      i, i + 1, posted ? row_field(r, i, "name") : "", i, i + 1,
	      posted ? row_field(r, i, "position") : "", i, i + 1, posted ? row_field(r, i, "unit") : "");
	char name[32], id[32];
	snprintf(name, sizeof name, "r%d_movement", i);
	snprintf(id, sizeof id, "r%d-movement", i);
	ui_movement_select(r, w, name, id, movement_id, "—");
	h_fmt(b, "</td><td><input name=\"r%d_year\" type=\"number\" min=\"1945\" max=\"2100\""
		 " aria-label=\"Năm dòng %d\" value=\"%s\" class=\"year\"></td>"
		 "<td><input name=\"r%d_achievement\" aria-label=\"Thành tích dòng %d\" value=\"%s\"></td></tr>",
	      i, i + 1, posted ? row_field(r, i, "year") : "", i, i + 1,
	      posted ? row_field(r, i, "achievement") : "");
}

/* Names of the units the user sees, for the unit fields to suggest. */
static void unit_datalist(req *r, resp *w)
{
	struct unit_filter f = {0};
	unit_list l = {0};
	err e;
	if (units_list(r->db, r->a, &r->who, &f, &l, &e) || l.n > 3000)
		return; /* a country's worth of names is too much for a page */
	h_raw(&w->body, "<datalist id=\"unit-names\">");
	for (size_t i = 0; i < l.n; i++)
		h_fmt(&w->body, "<option value=\"%s\">%s</option>", l.v[i].name, l.v[i].code);
	h_raw(&w->body, "</datalist>");
}

static void entry_page(req *r, resp *w, const struct decision_form *f, bool posted, const err *e)
{
	ui_begin(r, w, "Nhập quyết định khen thưởng", "awards");
	buf *b = &w->body;
	h_raw(b, "<h1>Nhập quyết định khen thưởng</h1>");
	ui_awards_tabs(r, w, "/decisions/new");
	if (e && e->code)
		ui_flash_msg(r, w, false, ui_err_text(e));
	h_raw(b, "<form method=\"post\" action=\"/decisions\" id=\"decision-form\">");
	ui_csrf(r, w);
	h_fmt(b, "<section class=\"panel\"><div class=\"grid-fields\">"
		 "<label>Số quyết định <input name=\"number\" required maxlength=\"64\" value=\"%s\""
		 " placeholder=\"vd: 125/QĐ-UBND\"></label>"
		 "<label>Ngày ký <input name=\"date\" type=\"date\" required value=\"%s\"></label>"
		 "<label>Người ký <input name=\"signer\" maxlength=\"200\" value=\"%s\"></label>"
		 "<label>Chức vụ người ký <input name=\"signer_title\" maxlength=\"200\" value=\"%s\""
		 " placeholder=\"vd: Chủ tịch\"></label>"
		 "<div><label for=\"d-unit\">Đơn vị ban hành</label>",
	      f->number ? f->number : "", f->date ? f->date : "", f->signer ? f->signer : "",
	      f->signer_title ? f->signer_title : "");
	ui_unit_select(r, w, "unit_id", "d-unit", f->unit_id, NULL);
	h_raw(b, "</div><div class=\"span2\"><label for=\"d-form\">Hình thức khen thưởng</label>");
	ui_form_select(r, w, "form_code", "d-form", f->form_code, NULL);
	h_raw(b, "</div></div><p class=\"hint\">Thẩm quyền được kiểm tra theo Luật Thi đua, khen thưởng 2022"
		 " (Điều 76–80) và Nghị định 129/2025/NĐ-CP: cấp xã không tặng được hình thức của cấp tỉnh,"
		 " cấp huyện chỉ ban hành quyết định đến ngày 30/6/2025.</p></section>");
	h_raw(b, "<h2>Danh sách được khen thưởng</h2><p class=\"hint\">Đơn vị: ghi mã hoặc tên đơn vị"
		 " trong hệ thống; người, tập thể ngoài hệ thống ghi tên cơ quan như thường lệ. Để trống"
		 " năm thì lấy năm của quyết định. Dòng để trống tên được bỏ qua.</p>"
		 "<div class=\"scroll\"><table class=\"data entry\" id=\"award-rows\"><thead><tr>"
		 "<th class=\"num\">#</th><th>Đối tượng</th><th>Họ và tên / Tên tập thể</th><th>Chức vụ</th>"
		 "<th>Đơn vị</th><th>Phong trào</th><th>Năm</th><th>Thành tích</th></tr></thead><tbody>");
	for (int i = 0; i < f->rows; i++)
		entry_row(r, w, i, posted);
	h_fmt(b, "</tbody></table></div><input type=\"hidden\" name=\"rows\" value=\"%d\">", f->rows);
	unit_datalist(r, w);
	h_raw(b, "<p class=\"actions\"><button type=\"submit\">Lưu quyết định</button> ");
	if (f->rows + ROWS_MORE <= ROWS_MAX)
		h_raw(b, "<button type=\"submit\" name=\"more\" value=\"1\" class=\"secondary\""
			 " formnovalidate>Thêm dòng</button>");
	h_raw(b, "</p></form>");
	ui_end(r, w);
}

void ui_decision_new(req *r, resp *w)
{
	if (!ui_awards_may_record(r)) {
		ui_error_page(r, w, 403, "Chỉ cán bộ thi đua - khen thưởng được nhập quyết định khen thưởng.");
		return;
	}
	struct decision_form f = {.unit_id = r->who.unit_id, .rows = ROWS_START};
	entry_page(r, w, &f, false, NULL);
}

/* The unit a row names: a code or an exact name among the units the user
 * sees; otherwise the text stays as the name of an outside body. */
static int row_unit(req *r, const char *text, struct award_input *a, err *e)
{
	if (!*text)
		return 0;
	unit u;
	err none; /* not a code is no error: the text may be a name */
	if (unit_by_code(r->db, r->a, text, &u, &none) == 0 && unit_visible(r->db, &r->who, u.id)) {
		a->unit_id = u.id;
		return 0;
	}
	struct unit_filter f = {.q = text, .all = true};
	unit_list l;
	if (units_list(r->db, r->a, &r->who, &f, &l, e))
		return e->code;
	char *key = text_search_key(text);
	int64_t found = 0;
	int hits = 0;
	for (size_t i = 0; i < l.n; i++) {
		char *k = text_search_key(l.v[i].name);
		if (strcmp(k, key) == 0 && (!found || l.v[i].active)) {
			hits += !found || l.v[i].active;
			found = l.v[i].id;
		}
		free(k);
	}
	free(key);
	if (hits > 1)
		return err_set(e, E_INVAL, "Có nhiều đơn vị tên “%s”; hãy ghi mã đơn vị", text);
	if (found)
		a->unit_id = found;
	else
		a->unit_name = text;
	return 0;
}

void ui_decision_create(req *r, resp *w)
{
	/* authorization first: a user who may not record sees 403 whatever
	 * the form holds */
	if (!ui_awards_may_record(r)) {
		ui_error_page(r, w, 403, "Chỉ cán bộ thi đua - khen thưởng được nhập quyết định khen thưởng.");
		return;
	}
	struct decision_form f = {req_form(r, "number"), req_form(r, "date"), req_form(r, "signer"),
				  req_form(r, "signer_title"), req_form(r, "form_code"), 0, ROWS_START};
	int64_t rows = ROWS_START;
	ui_form_int(r, "rows", &rows);
	f.rows = rows < 1 ? 1 : rows > ROWS_MAX ? ROWS_MAX : (int)rows;
	err e = {0};
	if (ui_form_unit(r, "unit_id", NULL, &f.unit_id, &e) || !f.unit_id)
		f.unit_id = r->who.unit_id;
	if (req_form(r, "more")) {
		f.rows = f.rows + ROWS_MORE > ROWS_MAX ? ROWS_MAX : f.rows + ROWS_MORE;
		entry_page(r, w, &f, true, NULL);
		return;
	}
	struct decision_input in = {f.number, f.date, f.signer, f.signer_title, f.unit_id, f.form_code,
				    arena_alloc(r->a, (size_t)f.rows * sizeof(struct award_input)), 0, 0};
	if (!unit_visible(r->db, &r->who, f.unit_id))
		err_set(&e, E_FORBIDDEN, "Không có quyền nhập quyết định của đơn vị này");
	for (int i = 0; i < f.rows && !e.code; i++) {
		const char *name = row_field(r, i, "name");
		if (!*name)
			continue;
		struct award_input *a = &in.awards[in.n_awards];
		memset(a, 0, sizeof *a);
		a->recipient_type = row_field(r, i, "type");
		a->name = name;
		a->position = row_field(r, i, "position");
		a->achievement = row_field(r, i, "achievement");
		const char *year = row_field(r, i, "year");
		if (*year && parse_i64(year, &a->year))
			err_set(&e, E_INVAL, "Dòng %d: năm “%s” không hợp lệ", i + 1, year);
		const char *mv = row_field(r, i, "movement");
		if (!e.code && *mv && parse_i64(mv, &a->movement_id))
			err_set(&e, E_INVAL, "Dòng %d: phong trào không hợp lệ", i + 1);
		if (!e.code)
			row_unit(r, row_field(r, i, "unit"), a, &e);
		a->line = 0;
		in.n_awards++;
	}
	int64_t id = 0;
	if (!e.code)
		decision_create(r->db, &r->who, &in, &id, &e);
	if (e.code) {
		w->status = ui_status_of(&e);
		entry_page(r, w, &f, true, &e);
		w->status = ui_status_of(&e);
		return;
	}
	ui_redirect_msg(r, w, arena_printf(r->a, "/decisions/%lld", (long long)id), true,
			arena_printf(r->a, "Đã lưu quyết định số %s với %zu người, tập thể được khen.",
				     f.number, in.n_awards));
}

/* ---- import ---- */

static const char template_csv[] =
	"STT,Họ và tên,Đối tượng,Chức vụ,Đơn vị,Hình thức khen thưởng,Năm,Số quyết định,"
	"Ngày quyết định,Người ký,Phong trào,Thành tích\r\n"
	"1,Nguyễn Văn An,Cá nhân,Chuyên viên,Sở Nội vụ,Bằng khen của Chủ tịch UBND tỉnh,2025,"
	"125/QĐ-UBND,20/12/2025,Nguyễn Văn Quản,,Hoàn thành xuất sắc nhiệm vụ năm 2025\r\n"
	"2,Hội Nông dân tỉnh,Tập thể,,Hội Nông dân tỉnh,Bằng khen của Chủ tịch UBND tỉnh,2025,"
	"125/QĐ-UBND,20/12/2025,Nguyễn Văn Quản,Quảng Ngãi chung sức xây dựng nông thôn mới,"
	"Có thành tích xuất sắc trong phong trào\r\n"
	"3,Hộ ông Trần Văn Bình,Hộ gia đình,,Phường Cẩm Thành,Bằng khen của Chủ tịch UBND tỉnh,2025,"
	"125/QĐ-UBND,20/12/2025,Nguyễn Văn Quản,,Hiến đất làm đường giao thông\r\n";

struct import_form {
	const char *number, *date, *signer, *form_code;
	int64_t unit_id;
};

static void import_page(req *r, resp *w, const struct import_form *f, const char *error, int bad_row)
{
	ui_begin(r, w, "Nhập danh sách khen thưởng", "awards");
	buf *b = &w->body;
	h_raw(b, "<h1>Nhập danh sách khen thưởng từ tệp</h1>");
	ui_awards_tabs(r, w, "/awards/import");
	if (error)
		ui_flash_msg(r, w, false, error);
	if (bad_row)
		h_fmt(b, "<p class=\"hint\" id=\"bad-row\">Sửa dòng %d trong tệp rồi tải lên lại."
			 " Chưa có khen thưởng nào được ghi.</p>",
		      bad_row);
	h_raw(b, "<section class=\"panel\"><p>Tệp CSV (UTF-8) hoặc Excel (.xlsx), dòng đầu là tiêu đề cột."
		 " Mỗi dòng là một người, hộ gia đình hoặc tập thể được khen: <b>Họ và tên</b> (hoặc"
		 " <b>Tên tập thể</b>), <b>Đối tượng</b> (tập thể, hộ gia đình, cá nhân), <b>Đơn vị</b>"
		 " (mã hoặc tên), <b>Hình thức khen thưởng</b> (ghi như thường viết: “Bằng khen Chủ tịch"
		 " UBND tỉnh”, “HCLĐ hạng Ba”…), <b>Năm</b>, <b>Số quyết định</b>, <b>Ngày quyết định</b>;"
		 " có thể thêm <b>Chức vụ</b>, <b>Phong trào</b>, <b>Thành tích</b>, <b>Người ký</b>,"
		 " <b>Đơn vị ban hành</b>. Các dòng cùng số và ngày quyết định thuộc một quyết định."
		 " Cột nào tệp không có thì lấy theo các ô dưới đây. Mọi dòng được kiểm tra trước;"
		 " có một dòng sai thì không dòng nào được ghi.</p>"
		 "<p><a href=\"/awards/import/mau.csv\">Tải tệp mẫu (CSV)</a></p>"
		 "<form method=\"post\" action=\"/awards/import\" enctype=\"multipart/form-data\" class=\"grid\">");
	ui_csrf(r, w);
	h_fmt(b, "<label class=\"wide\">Tệp danh sách <input type=\"file\" name=\"file\" required"
		 " accept=\".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\">"
		 "</label><label>Số quyết định <input name=\"number\" value=\"%s\"></label>"
		 "<label>Ngày quyết định <input name=\"date\" type=\"date\" value=\"%s\"></label>"
		 "<label>Người ký <input name=\"signer\" value=\"%s\"></label>"
		 "<div><label for=\"i-form\">Hình thức khen thưởng</label>",
	      f->number ? f->number : "", f->date ? f->date : "", f->signer ? f->signer : "");
	ui_form_select(r, w, "form_code", "i-form", f->form_code, "(theo cột trong tệp)");
	h_raw(b, "</div><div><label for=\"i-unit\">Đơn vị ban hành</label>");
	ui_unit_select(r, w, "unit_id", "i-unit", f->unit_id, NULL);
	h_raw(b, "</div><button type=\"submit\">Nhập danh sách</button></form></section>");
	ui_end(r, w);
}

void ui_awards_import_form(req *r, resp *w)
{
	if (!ui_awards_may_record(r)) {
		ui_error_page(r, w, 403, "Chỉ cán bộ thi đua - khen thưởng được nhập danh sách khen thưởng.");
		return;
	}
	struct import_form f = {.unit_id = r->who.unit_id};
	import_page(r, w, &f, NULL, 0);
}

void ui_awards_import_template(req *r, resp *w)
{
	buf_reset(&w->body);
	buf_puts(&w->body, "\xEF\xBB\xBF"); /* so that Excel reads UTF-8 */
	buf_puts(&w->body, template_csv);
	w->status = 200;
	w->content_type = "text/csv; charset=utf-8";
	resp_header(w, "Content-Disposition", "attachment; filename=\"mau-danh-sach-khen-thuong.csv\"");
}

void ui_awards_import(req *r, resp *w)
{
	struct import_form f = {req_form(r, "number"), req_form(r, "date"), req_form(r, "signer"),
				req_form(r, "form_code"), 0};
	err e = {0};
	if (ui_form_unit(r, "unit_id", NULL, &f.unit_id, &e) || !f.unit_id)
		f.unit_id = r->who.unit_id;
	if (!ui_awards_may_record(r)) {
		ui_error_page(r, w, 403, "Chỉ cán bộ thi đua - khen thưởng được nhập danh sách khen thưởng.");
		return;
	}
	const form_field *file = req_form_field(r, "file");
	if (!file || !file->len) {
		w->status = 422;
		import_page(r, w, &f, "Chưa chọn tệp hoặc tệp rỗng.", 0);
		w->status = 422;
		return;
	}
	const char *hint = NULL;
	if (file->filename && strlen(file->filename) > 4) {
		const char *ext = file->filename + strlen(file->filename) - 4;
		hint = strcasecmp(ext, "xlsx") == 0 ? "xlsx" : strcasecmp(ext, ".csv") == 0 ? "csv" : NULL;
	}
	struct award_import_defaults def = {f.number, f.date, f.signer, NULL, f.form_code, f.unit_id};
	int64_t created = 0;
	int bad_row = 0;
	if (awards_import_file(r->db, &r->who, file->value, file->len, hint, &def, &created, &bad_row,
			       &e)) {
		int status = http_status_of(e.code) == 403 ? 403 : 422;
		import_page(r, w, &f, ui_err_text(&e), bad_row);
		w->status = status;
		return;
	}
	ui_redirect_msg(r, w, "/decisions", true,
			arena_printf(r->a, "Đã nhập %lld người, tập thể được khen thưởng.", (long long)created));
}

/* ---- recipient search ---- */

void ui_awards_search(req *r, resp *w)
{
	const char *q = req_query(r, "q");
	ui_begin(r, w, "Tìm người, tập thể được khen thưởng", "awards");
	buf *b = &w->body;
	h_raw(b, "<h1>Tìm người, tập thể được khen thưởng</h1>");
	ui_awards_tabs(r, w, "/awards/search");
	h_fmt(b, "<form class=\"search\" method=\"get\" action=\"/awards/search\">"
		 "<label for=\"s-q\">Họ tên hoặc tên tập thể</label><input id=\"s-q\" name=\"q\" value=\"%s\""
		 " placeholder=\"gõ có dấu hoặc không dấu\"><button type=\"submit\">Tìm</button></form>",
	      q ? q : "");
	if (q && *q) {
		award *v;
		size_t n;
		err e = {0};
		if (awards_search(r->db, r->a, &r->who, q, 200, 0, &v, &n, &e)) {
			ui_flash_msg(r, w, false, ui_err_text(&e));
		} else if (n == 0) {
			h_raw(b, "<p class=\"empty\">Không tìm thấy.</p>");
		} else {
			h_raw(b, "<table class=\"data\" id=\"search-results\"><thead><tr><th>Tên</th>"
				 "<th>Đối tượng</th><th>Đơn vị</th><th>Hình thức khen thưởng</th><th class=\"num\">Năm</th>"
				 "<th>Quyết định</th></tr></thead><tbody>");
			for (size_t i = 0; i < n; i++)
				h_fmt(b, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td class=\"num\">%d</td>"
					 "<td><a href=\"/decisions/%lld\">%s</a> ngày %s</td></tr>",
				      v[i].name, award_type_label(v[i].recipient_type), v[i].unit_name,
				      v[i].form_name, v[i].year, (long long)v[i].decision_id,
				      v[i].decision_number, v[i].decision_date);
			h_raw(b, "</tbody></table>");
			if (n == 200)
				h_raw(b, "<p class=\"hint\">Chỉ hiện 200 kết quả mới nhất; hãy gõ đầy đủ hơn.</p>");
		}
	}
	ui_end(r, w);
}
