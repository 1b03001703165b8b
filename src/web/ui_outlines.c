/*
 * ui_outlines.c — report outlines (đề cương): the list with an import form
 * (paste text or upload a .docx), one outline's page with its parsed tree
 * beside the text it was read from, the copy button and the custom figure
 * tables. The editor is ui_outline_editor.c.
 */
#include "web/ui.h"

#include <string.h>
#include <time.h>

#include "core/outlines.h"
#include "outline/outline.h"
#include "text/text.h"

static bool may_write(const req *r)
{
	return r->who.role == ROLE_ADMIN || r->who.role == ROLE_OFFICER;
}

static const char *outline_path(req *r, int64_t id)
{
	return arena_printf(r->a, "/outlines/%lld", (long long)id);
}

/* "dd/mm/yyyy HH:MM" in Vietnam's time (UTC+7, no daylight saving). */
static const char *local_time(req *r, int64_t t)
{
	time_t local = (time_t)(t + 7 * 3600);
	struct tm tm;
	char s[32];
	gmtime_r(&local, &tm);
	strftime(s, sizeof s, "%d/%m/%Y %H:%M", &tm);
	return arena_strdup(r->a, s);
}

/* The page's own stylesheet (allowed in <body>; blocks rendering below it). */
static void outline_css(buf *b)
{
	h_raw(b, "<link rel=\"stylesheet\" href=\"/static/outlines.css\">");
}

void ui_outline_asks(buf *b, unsigned asks)
{
	if (asks & OUTLINE_ASK_TEXT)
		h_raw(b, " <span class=\"badge b-text\">Nội dung</span>");
	if (asks & OUTLINE_ASK_FIGURES)
		h_raw(b, " <span class=\"badge b-figures\">Số liệu</span>");
	if (asks & OUTLINE_ASK_MODELS)
		h_raw(b, " <span class=\"badge b-models\">Mô hình/điển hình</span>");
}

/* ---- the list and the import form ---- */

static void outlines_table(req *r, buf *b, const outline_summary *v, size_t n)
{
	if (n == 0) {
		h_raw(b, "<p class=\"empty\">Chưa có đề cương nào.</p>");
		return;
	}
	h_raw(b, "<table class=\"data\" id=\"outlines\"><thead><tr><th>Tên đề cương</th>"
		 "<th class=\"unit\">Đơn vị soạn</th><th class=\"num nowrap\">Phiên bản</th>"
		 "<th class=\"num nowrap\">Số mục</th><th>Cập nhật</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++)
		h_fmt(b,
		      "<tr><td><a href=\"/outlines/%lld\">%s</a></td><td>%s</td><td class=\"num\">%d</td>"
		      "<td class=\"num\">%lld</td><td class=\"nowrap\">%s</td></tr>",
		      (long long)v[i].id, v[i].title, v[i].owner_name, v[i].version,
		      (long long)v[i].n_items, local_time(r, v[i].updated_at));
	h_raw(b, "</tbody></table>");
}

static void import_form(req *r, resp *w, const char *text)
{
	buf *b = &w->body;
	h_raw(b, "<section class=\"panel\" id=\"import\"><h2>Nhập đề cương</h2>"
		 "<form method=\"post\" action=\"/outlines\" enctype=\"multipart/form-data\">");
	ui_csrf(r, w);
	h_fmt(b, "<label for=\"o-text\">Dán nội dung đề cương (văn bản hoặc Markdown)</label>"
		 "<textarea id=\"o-text\" name=\"text\" rows=\"10\" class=\"fullwidth\""
		 " placeholder=\"ĐỀ CƯƠNG BÁO CÁO …&#10;I. ĐẶC ĐIỂM TÌNH HÌNH&#10;1. …\">%s</textarea>"
		 "<label>Hoặc chọn tệp Word (.docx) <input type=\"file\" name=\"file\""
		 " accept=\".docx,.txt,.md,application/vnd.openxmlformats-officedocument.wordprocessingml.document\">"
		 "</label><button type=\"submit\">Nhập đề cương</button></form>"
		 "<p class=\"hint\">Hệ thống tự nhận ra các mục (I, 1, a, -…), cấp của từng mục, phần "
		 "hướng dẫn và yêu cầu báo cáo (nội dung, số liệu, mô hình/điển hình). Một văn bản có "
		 "thể chứa nhiều đề cương. Sau khi nhập, có thể sửa lại từng mục.</p></section>",
	      text ? text : "");
}

/* The list page; `text` and `e` (may be NULL) are a refused import's. */
static void list_page(req *r, resp *w, const char *text, const err *e)
{
	outline_summary *v;
	size_t n;
	err le = {0};
	const char *q = req_query(r, "q");
	if (outlines_list(r->db, r->a, &r->who, q, &v, &n, &le)) {
		ui_core_error(r, w, &le);
		return;
	}
	ui_begin(r, w, "Đề cương báo cáo", "outlines");
	buf *b = &w->body;
	outline_css(b);
	h_raw(b, "<h1>Đề cương báo cáo</h1>");
	if (e)
		ui_flash_msg(r, w, false, ui_err_text(e));
	else if (may_write(r))
		h_raw(b, "<p><a class=\"button\" href=\"#import\">Nhập đề cương mới</a></p>");
	h_fmt(b, "<form method=\"get\" action=\"/outlines\" class=\"search\"><label for=\"o-q\">Tìm"
		 " đề cương</label><input id=\"o-q\" name=\"q\" value=\"%s\""
		 " placeholder=\"vd: nong thon moi\"><button type=\"submit\">Tìm</button></form>",
	      q ? q : "");
	outlines_table(r, b, v, n);
	if (may_write(r))
		import_form(r, w, text);
	w->status = e ? ui_status_of(e) : 200;
	ui_end(r, w);
}

void ui_outlines(req *r, resp *w)
{
	list_page(r, w, NULL, NULL);
}

/* What was sent: an uploaded file wins over pasted text. A .docx is
 * recognised by its zip signature, whatever its name; any other file is
 * read as text. */
static int import_input(req *r, const char **data, size_t *n, bool *docx, err *e)
{
	const form_field *f = req_form_field(r, "file");
	const char *text = req_form(r, "text");
	if (f && f->filename && f->len > 0) {
		*data = f->value;
		*n = f->len;
		*docx = outline_is_zip(f->value, f->len);
		return 0;
	}
	char *t = text ? text_trim(text, strlen(text)) : NULL;
	bool empty = !t || !*t;
	free(t);
	if (empty)
		return err_set(e, E_INVAL, "Hãy dán nội dung đề cương hoặc chọn tệp Word (.docx)");
	*data = text;
	*n = strlen(text);
	*docx = false;
	return 0;
}

void ui_outlines_import(req *r, resp *w)
{
	err e = {0};
	if (outline_check_import(&r->who, &e)) {
		ui_core_error(r, w, &e);
		return;
	}
	const char *data = NULL;
	size_t n = 0, nv = 0;
	bool docx = false;
	outline_created *v = NULL;
	int rc = import_input(r, &data, &n, &docx, &e);
	if (rc == 0)
		rc = outline_store_import(r->db, r->a, &r->who, data, n, docx, &v, &nv, &e);
	if (rc == 0) {
		const char *msg = nv == 1 ? arena_printf(r->a, "Đã nhập đề cương “%s”.", v[0].title)
					  : arena_printf(r->a, "Đã nhập %zu đề cương từ văn bản; đây là đề "
							       "cương thứ nhất, các đề cương khác có trong danh sách.",
							 nv);
		ui_redirect_msg(r, w, outline_path(r, v[0].id), true, msg);
		return;
	}
	if (e.code == E_PARSE) /* a file that is not what it claims: its content is at fault */
		e.code = E_INVAL;
	list_page(r, w, req_form(r, "text"), &e);
}

/* ---- one outline ---- */

static void figure_grid(buf *b, const figure_table *t)
{
	h_raw(b, "<table class=\"grid\"><thead><tr><th></th>");
	for (size_t c = 0; c < t->n_cols; c++)
		h_fmt(b, "<th scope=\"col\">%s</th>", t->cols[c].label);
	h_raw(b, "</tr></thead><tbody>");
	for (size_t i = 0; i < t->n_rows; i++) {
		h_fmt(b, "<tr><th scope=\"row\">%s</th>", t->rows[i].label);
		for (size_t c = 0; c < t->n_cols; c++)
			h_raw(b, "<td></td>");
		h_raw(b, "</tr>");
	}
	h_raw(b, "</tbody></table>");
}

static void table_summary(buf *b, const figure_table *t)
{
	h_fmt(b, "%s (%zu dòng × %zu cột", t->name, t->n_rows, t->n_cols);
	if (t->measure[0])
		h_fmt(b, "; đơn vị tính: %s", t->measure);
	h_fmt(b, "; %S)", strcmp(t->value_kind, "decimal") == 0 ? "số thập phân" : "số nguyên");
}

static const stored_item *item_by_id(const stored_outline *o, int64_t id)
{
	for (size_t i = 0; i < o->n_items; i++)
		if (o->items[i].id == id)
			return &o->items[i];
	return NULL;
}

static void item_view(buf *b, const stored_outline *o, const stored_item *it)
{
	h_fmt(b, "<div class=\"oitem\" id=\"item-%lld\">", (long long)it->id);
	if (it->label[0])
		h_fmt(b, "<span class=\"olabel\">%s%s</span>", it->label, outline_label_delim(it->label));
	h_fmt(b, "<span class=\"otitle\">%s</span>", it->title);
	ui_outline_asks(b, it->asks);
	h_raw(b, "</div>");
	if (it->guidance[0])
		h_fmt(b, "<p class=\"oguid\"><em>%s</em></p>", it->guidance);
	const stored_item *rep = it->repeat_of ? item_by_id(o, it->repeat_of) : NULL;
	if (rep)
		h_fmt(b, "<p class=\"orepeat\">Báo cáo theo cấu trúc của mục %s (các mục con được chép từ mục đó).</p>",
		      rep->label[0] ? rep->label : rep->title);
	if (it->table) {
		h_raw(b, "<details class=\"otable\"><summary>Biểu số liệu: ");
		table_summary(b, it->table);
		h_raw(b, "</summary>");
		figure_grid(b, it->table);
		h_raw(b, "</details>");
	}
}

/* The flat item list as nested lists: a deeper item opens a list inside
 * the open item, a shallower one closes lists back to its level. */
static void tree_view(buf *b, const stored_outline *o)
{
	int cur = 0;
	for (size_t i = 0; i < o->n_items; i++) {
		const stored_item *it = &o->items[i];
		if (it->depth > cur) {
			for (int k = cur; k < it->depth; k++)
				h_raw(b, k == 0 ? "<ul class=\"otree\" id=\"tree\"><li" : "<ul><li");
		} else {
			h_raw(b, "</li>");
			for (int k = it->depth; k < cur; k++)
				h_raw(b, "</ul></li>");
			h_raw(b, "<li");
		}
		h_fmt(b, " class=\"depth-%d\">", it->depth);
		cur = it->depth;
		item_view(b, o, it);
	}
	for (int k = 0; k < cur; k++)
		h_raw(b, "</li></ul>");
}

static void outline_facts(req *r, buf *b, const stored_outline *o)
{
	h_fmt(b, "<dl class=\"facts\"><dt>Đơn vị soạn</dt><dd>%s</dd><dt>Phiên bản</dt>"
		 "<dd id=\"version\">%d</dd><dt>Cập nhật</dt><dd>%s</dd><dt>Số mục</dt><dd>%zu</dd>"
		 "<dt>Nguồn</dt><dd>%S</dd>",
	      o->owner_name, o->version, local_time(r, o->updated_at), o->n_items,
	      strcmp(o->source_kind, "docx") == 0 ? "Tệp Word (.docx)" : "Văn bản dán vào");
	if (o->copied_from)
		h_fmt(b, "<dt>Sao chép từ</dt><dd>Đề cương số %lld, phiên bản %d</dd>",
		      (long long)o->copied_from, o->copied_version);
	h_raw(b, "</dl>");
}

static void outline_actions(req *r, resp *w, const stored_outline *o, bool editable)
{
	buf *b = &w->body;
	h_raw(b, "<div class=\"actions\">");
	if (editable)
		h_fmt(b, "<a class=\"button\" href=\"/outlines/%lld/edit\">Sửa đề cương</a>",
		      (long long)o->id);
	h_fmt(b, "<form method=\"post\" action=\"/outlines/%lld/copy\">", (long long)o->id);
	ui_csrf(r, w);
	h_fmt(b, "<label>Tên bản sao <input name=\"title\" size=\"40\" value=\"%s\"></label>"
		 "<button type=\"submit\">Tạo bản sao</button></form></div>",
	      o->title);
}

/* What the figure-table forms hold when re-shown after a refusal. */
struct table_form {
	int64_t table_id; /* 0: the create form */
	const char *name, *measure, *kind, *rows, *cols;
};

static void lines_text(req *r, buf *out, const figure_line *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		buf_printf(out, "%s%s", i ? "\n" : "", v[i].label);
}

static void table_form(req *r, resp *w, int64_t outline_id, const struct table_form *f)
{
	buf *b = &w->body;
	const char *action = f->table_id ? arena_printf(r->a, "/outlines/%lld/tables/%lld",
							(long long)outline_id, (long long)f->table_id)
					 : arena_printf(r->a, "/outlines/%lld/tables", (long long)outline_id);
	const char *sfx = f->table_id ? arena_printf(r->a, "-%lld", (long long)f->table_id) : "";
	bool dec = f->kind && strcmp(f->kind, "decimal") == 0;
	h_fmt(b, "<form method=\"post\" action=\"%s\" class=\"grid\">", action);
	ui_csrf(r, w);
	h_fmt(b,
	      "<label>Tên biểu <input name=\"name\" required maxlength=\"200\" value=\"%s\""
	      " placeholder=\"vd: Kết quả giảm nghèo\"></label>"
	      "<label>Đơn vị tính <input name=\"measure\" maxlength=\"100\" value=\"%s\""
	      " placeholder=\"vd: hộ, %%, triệu đồng\"></label>"
	      "<div><label for=\"t-kind%s\">Kiểu số liệu</label><select id=\"t-kind%s\" name=\"value_kind\">"
	      "<option value=\"integer\"%S>Số nguyên</option><option value=\"decimal\"%S>Số thập phân</option>"
	      "</select></div>"
	      "<label class=\"wide\">Các dòng (mỗi dòng một tên)<textarea name=\"rows\" rows=\"4\" required>%s</textarea></label>"
	      "<label class=\"wide\">Các cột (mỗi dòng một tên)<textarea name=\"cols\" rows=\"3\" required>%s</textarea></label>"
	      "<button type=\"submit\">%S</button></form>",
	      f->name ? f->name : "", f->measure ? f->measure : "", sfx, sfx, dec ? "" : " selected",
	      dec ? " selected" : "", f->rows ? f->rows : "", f->cols ? f->cols : "",
	      f->table_id ? "Lưu biểu số liệu" : "Thêm biểu số liệu");
}

/* The tables the outline's items may use: built-ins, then its own with an
 * edit form each, then a form for a new one. `typed` re-shows a refused
 * form. */
static void tables_section(req *r, resp *w, const stored_outline *o, bool editable,
			   const struct table_form *typed)
{
	buf *b = &w->body;
	figure_table *v;
	size_t n;
	err e;
	if (outline_store_tables(r->db, r->a, o->id, &v, &n, &e))
		n = 0;
	h_raw(b, "<section class=\"panel\" id=\"tables\"><h2>Biểu số liệu</h2>"
		 "<p class=\"hint\">Mục yêu cầu số liệu có thể gắn một biểu: số liệu các đơn vị báo cáo "
		 "được cộng theo từng ô khi tổng hợp.</p>");
	for (size_t i = 0; i < n; i++) {
		h_fmt(b, "<details class=\"otable\" id=\"table-%lld\"%S><summary>%S",
		      (long long)v[i].id, typed && typed->table_id == v[i].id ? " open" : "",
		      v[i].code ? "Biểu có sẵn: " : "Biểu riêng của đề cương: ");
		table_summary(b, &v[i]);
		h_raw(b, "</summary>");
		figure_grid(b, &v[i]);
		if (editable && !v[i].code) {
			buf rows = BUF_INIT, cols = BUF_INIT;
			lines_text(r, &rows, v[i].rows, v[i].n_rows);
			lines_text(r, &cols, v[i].cols, v[i].n_cols);
			struct table_form f = {v[i].id, v[i].name, v[i].measure, v[i].value_kind,
					       arena_strdup(r->a, buf_cstr(&rows)),
					       arena_strdup(r->a, buf_cstr(&cols))};
			table_form(r, w, o->id, typed && typed->table_id == v[i].id ? typed : &f);
			buf_free(&rows);
			buf_free(&cols);
		}
		h_raw(b, "</details>");
	}
	if (editable) {
		struct table_form blank = {0};
		h_raw(b, "<h3>Thêm biểu số liệu riêng</h3>");
		table_form(r, w, o->id, typed && !typed->table_id ? typed : &blank);
	}
	h_raw(b, "</section>");
}

/* Who saved which version when; each older version opens read-only. */
static void history_section(req *r, buf *b, const stored_outline *o)
{
	outline_version *v;
	size_t n;
	err e;
	if (outline_versions_list(r->db, r->a, &r->who, o->id, &v, &n, &e) || n == 0)
		return;
	h_raw(b, "<section class=\"panel\" id=\"history\"><h2>Lịch sử phiên bản</h2>"
		 "<table class=\"data\"><thead><tr><th class=\"num\">Phiên bản</th><th>Lưu lúc</th>"
		 "<th>Người lưu</th><th></th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		h_fmt(b, "<tr><td class=\"num\">%d</td><td>%s</td><td>%s</td><td>", v[i].version,
		      local_time(r, v[i].saved_at), v[i].saved_by ? v[i].saved_by_name : "Hệ thống");
		if (v[i].version == o->version)
			h_raw(b, "Phiên bản hiện hành");
		else
			h_fmt(b, "<a href=\"/outlines/%lld/versions/%d\">Xem phiên bản %d</a>",
			      (long long)o->id, v[i].version, v[i].version);
		h_raw(b, "</td></tr>");
	}
	h_raw(b, "</tbody></table></section>");
}

/* An older version, read-only, with the same tree as the current page. */
void ui_outline_version(req *r, resp *w)
{
	stored_outline o;
	outline_version info;
	err e = {0};
	if (r->id[1] > INT32_MAX)
		err_set(&e, E_NOTFOUND, "Đề cương không có phiên bản này");
	if (e.code || outline_version_get(r->db, r->a, &r->who, r->id[0], (int)r->id[1], &o, NULL,
					  &info, &e)) {
		ui_core_error(r, w, &e);
		return;
	}
	ui_begin(r, w, arena_printf(r->a, "%s — phiên bản %d", o.title, o.version), "outlines");
	buf *b = &w->body;
	outline_css(b);
	h_fmt(b, "<div class=\"outline-page\"><p class=\"back\"><a href=\"/outlines/%lld\">← Phiên bản "
		 "hiện hành</a></p><h1>%s</h1><p class=\"flash\">Đây là phiên bản %d, lưu lúc %s%s%s; "
		 "chỉ để xem.</p>",
	      (long long)r->id[0], o.title, o.version, local_time(r, info.saved_at),
	      info.saved_by ? " bởi " : "", info.saved_by ? info.saved_by_name : "");
	h_raw(b, "<section aria-labelledby=\"h-tree\"><h2 id=\"h-tree\">Cấu trúc đề cương</h2>");
	tree_view(b, &o);
	h_raw(b, "</section></div>");
	ui_end(r, w);
}

/* One outline's page; `typed` and `e` (may be NULL) are a refused table
 * form's. */
static void outline_page(req *r, resp *w, int64_t id, const struct table_form *typed, const err *e)
{
	stored_outline o;
	err ge = {0};
	if (outline_store_get(r->db, r->a, &r->who, id, &o, &ge)) {
		ui_core_error(r, w, &ge);
		return;
	}
	err ce = {0};
	bool editable = outline_check_edit(r->db, &r->who, id, &ce) == 0;
	ui_begin(r, w, o.title, "outlines");
	buf *b = &w->body;
	outline_css(b);
	h_fmt(b, "<div class=\"outline-page\"><p class=\"back\"><a href=\"/outlines\">← Danh sách đề "
		 "cương</a></p><h1>%s</h1>",
	      o.title);
	if (e)
		ui_flash_msg(r, w, false, ui_err_text(e));
	outline_facts(r, b, &o);
	if (may_write(r))
		outline_actions(r, w, &o, editable);
	h_raw(b, "<div class=\"ocols\"><section class=\"otree-col\" aria-labelledby=\"h-tree\">"
		 "<h2 id=\"h-tree\">Cấu trúc đề cương</h2>");
	tree_view(b, &o);
	h_fmt(b, "</section><section class=\"osource-col\" aria-labelledby=\"h-source\">"
		 "<h2 id=\"h-source\">%S</h2><pre class=\"osource\" id=\"source\">%s</pre></section></div>",
	      strcmp(o.source_kind, "docx") == 0 ? "Nội dung đọc từ tệp Word" : "Văn bản gốc",
	      o.source_text);
	tables_section(r, w, &o, editable, typed);
	history_section(r, b, &o);
	h_raw(b, "</div>");
	w->status = e ? ui_status_of(e) : 200;
	ui_end(r, w);
}

void ui_outline_page(req *r, resp *w)
{
	outline_page(r, w, r->id[0], NULL, NULL);
}

void ui_outline_copy(req *r, resp *w)
{
	err e = {0};
	int64_t id = 0;
	const char *title = req_form(r, "title");
	if (title && !*title)
		title = NULL;
	if (outline_store_copy(r->db, &r->who, r->id[0], title, &id, &e) == 0) {
		ui_redirect_msg(r, w, outline_path(r, id), true,
				"Đã tạo bản sao; đây là đề cương mới của đơn vị bạn, có thể sửa tùy ý.");
		return;
	}
	if (e.code == E_INVAL)
		ui_redirect_msg(r, w, outline_path(r, r->id[0]), false, ui_err_text(&e));
	else
		ui_core_error(r, w, &e);
}

/* ---- figure tables ---- */

/* One label per non-empty line; keys are kept for labels the table
 * already has (`old`, may be NULL), derived for new ones. */
static struct figure_line_input *form_lines(req *r, const char *text, const figure_line *old,
					    size_t n_old, size_t *n)
{
	size_t cap = 8;
	struct figure_line_input *v = arena_alloc(r->a, cap * sizeof *v);
	*n = 0;
	char *copy = arena_strdup(r->a, text ? text : "");
	for (char *save = NULL, *line = strtok_r(copy, "\r\n", &save); line;
	     line = strtok_r(NULL, "\r\n", &save)) {
		char *t = text_trim(line, strlen(line));
		if (*t) {
			if (*n == cap) {
				struct figure_line_input *nv = arena_alloc(r->a, (cap *= 2) * sizeof *nv);
				memcpy(nv, v, *n * sizeof *nv);
				v = nv;
			}
			v[*n] = (struct figure_line_input){NULL, arena_strdup(r->a, t)};
			for (size_t k = 0; k < n_old; k++)
				if (strcmp(old[k].label, t) == 0)
					v[*n].key = old[k].key;
			(*n)++;
		}
		free(t);
	}
	return v;
}

static void table_post(req *r, resp *w, int64_t table_id)
{
	int64_t id = r->id[0];
	struct table_form f = {table_id,	       req_form(r, "name"), req_form(r, "measure"),
			       req_form(r, "value_kind"), req_form(r, "rows"), req_form(r, "cols")};
	err e = {0};
	int rc = table_id ? outline_check_table_edit(r->db, &r->who, id, table_id, &e)
			  : outline_check_edit(r->db, &r->who, id, &e);
	if (rc) {
		ui_core_error(r, w, &e);
		return;
	}
	figure_table old = {0};
	arena *ar = r->a;
	if (table_id) {
		figure_table *v;
		size_t n;
		if (outline_store_tables(r->db, ar, id, &v, &n, &e) == 0)
			for (size_t i = 0; i < n; i++)
				if (v[i].id == table_id)
					old = v[i];
	}
	struct figure_table_input in = {f.name, f.measure, f.kind, NULL, NULL, 0, 0};
	in.rows = form_lines(r, f.rows, old.rows, old.n_rows, &in.n_rows);
	in.cols = form_lines(r, f.cols, old.cols, old.n_cols, &in.n_cols);
	int64_t new_id = 0; /* not shown: the page lists every table */
	rc = table_id ? outline_store_table_update(r->db, &r->who, id, table_id, &in, &e)
		      : outline_store_table_create(r->db, &r->who, id, &in, &new_id, &e);
	if (rc == 0) {
		ui_redirect_msg(r, w, outline_path(r, id), true,
				arena_printf(r->a, "Đã %s biểu số liệu “%s”.", table_id ? "lưu" : "thêm",
					     f.name));
		return;
	}
	outline_page(r, w, id, &f, &e);
}

void ui_outline_table_create(req *r, resp *w)
{
	table_post(r, w, 0);
}

void ui_outline_table_update(req *r, resp *w)
{
	table_post(r, w, r->id[1]);
}
