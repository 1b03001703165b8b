/*
 * ui_import.c — importing a list of units from CSV or XLSX: the upload
 * form, the import (all or nothing; the error names the row), a template.
 */
#include "web/ui.h"

#include <string.h>
#include <strings.h>

#include "core/units_table.h"

static const char template_csv[] =
	"Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã đơn vị cấp trên,Hoạt động,Hiệu lực từ\r\n"
	"QNG-X-MOI1,Xã Ví Dụ,Xã,QNG,1,01/07/2025\r\n"
	"QNG-X-MOI1-T1,Thôn Một,Thôn,QNG-X-MOI1,1,\r\n";

static void import_page(req *r, resp *w, const char *error, int bad_row)
{
	ui_begin(r, w, "Nhập danh sách đơn vị", "home");
	buf *b = &w->body;
	h_raw(b, "<h1>Nhập danh sách đơn vị từ tệp</h1>");
	if (error)
		ui_flash_msg(r, w, false, error);
	if (bad_row)
		h_fmt(b, "<p class=\"hint\">Sửa dòng %d trong tệp rồi tải lên lại. Chưa có đơn vị nào được thêm.</p>",
		      bad_row);
	h_raw(b, "<section class=\"panel\"><p>Tệp CSV (UTF-8) hoặc Excel (.xlsx), dòng đầu là tiêu đề cột:"
		 " <b>Mã đơn vị</b>, <b>Tên đơn vị</b>, <b>Loại đơn vị</b> (Xã, Phường, Sở, ban, ngành…),"
		 " <b>Mã đơn vị cấp trên</b>; có thể thêm <b>Hoạt động</b> (1/0), <b>Hiệu lực từ</b>,"
		 " <b>Hiệu lực đến</b>. Đơn vị cấp trên có thể là một dòng phía trên trong cùng tệp."
		 " Mọi dòng được kiểm tra trước; nếu có dòng sai thì không dòng nào được ghi.</p>"
		 "<p><a href=\"/units/import/mau.csv\">Tải tệp mẫu (CSV)</a></p>"
		 "<form method=\"post\" action=\"/units/import\" enctype=\"multipart/form-data\">");
	ui_csrf(r, w);
	h_raw(b, "<label>Tệp danh sách <input type=\"file\" name=\"file\" required"
		 " accept=\".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\">"
		 "</label><button type=\"submit\">Nhập danh sách</button></form></section>");
	ui_end(r, w);
}

void ui_units_import_form(req *r, resp *w)
{
	if (r->who.role != ROLE_ADMIN) {
		ui_error_page(r, w, 403, "Chỉ quản trị hệ thống được nhập danh sách đơn vị.");
		return;
	}
	import_page(r, w, NULL, 0);
}

void ui_units_import_template(req *r, resp *w)
{
	/* a BOM so that Excel opens the UTF-8 file with the right accents */
	buf_reset(&w->body);
	buf_puts(&w->body, "\xEF\xBB\xBF");
	buf_puts(&w->body, template_csv);
	w->status = 200;
	w->content_type = "text/csv; charset=utf-8";
	resp_header(w, "Content-Disposition", "attachment; filename=\"mau-danh-sach-don-vi.csv\"");
}

void ui_units_import(req *r, resp *w)
{
	const form_field *f = req_form_field(r, "file");
	if (!f || !f->len) {
		w->status = 422;
		import_page(r, w, "Chưa chọn tệp hoặc tệp rỗng.", 0);
		return;
	}
	const char *hint = NULL;
	if (f->filename && strlen(f->filename) > 4) {
		const char *ext = f->filename + strlen(f->filename) - 4;
		hint = strcasecmp(ext, "xlsx") == 0 ? "xlsx" : strcasecmp(ext, ".csv") == 0 ? "csv" : NULL;
	}
	int64_t created = 0;
	int bad_row = 0;
	err e = {0};
	if (units_import_file(r->db, &r->who, f->value, f->len, hint, &created, &bad_row, &e)) {
		w->status = http_status_of(e.code) == 403 ? 403 : 422;
		import_page(r, w, e.msg, bad_row);
		return;
	}
	ui_redirect_msg(r, w, "/?all=1", true,
			arena_printf(r->a, "Đã nhập %lld đơn vị.", (long long)created));
}
