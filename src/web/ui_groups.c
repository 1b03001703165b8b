/*
 * ui_groups.c — emulation clusters and blocks (cụm, khối thi đua): the
 * groups the user may see with a form to set one up, and one group's page
 * with its members (add by unit code, remove) and a rename form.
 */
#include "web/ui.h"

#include <string.h>

#include "core/groups.h"

/* What the create and rename forms hold. */
struct group_form {
	const char *name, *kind, *year;
	int64_t unit_id;
};

static bool may_change(const req *r)
{
	return r->who.role == ROLE_ADMIN || r->who.role == ROLE_OFFICER;
}

static const char *year_text(req *r, int year)
{
	return year ? arena_printf(r->a, "%d", year) : "";
}

static void groups_table(req *r, buf *b, const group *v, size_t n)
{
	if (n == 0) {
		h_raw(b, "<p class=\"empty\">Chưa có cụm, khối thi đua nào.</p>");
		return;
	}
	h_raw(b, "<table class=\"data\" id=\"groups\"><thead><tr><th>Tên</th><th>Loại</th>"
		 "<th>Năm</th><th>Đơn vị tổ chức</th><th>Số đơn vị thành viên</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++)
		h_fmt(b,
		      "<tr><td><a href=\"/groups/%lld\">%s</a></td><td>%s</td><td>%s</td>"
		      "<td>%s</td><td class=\"num\">%lld</td></tr>",
		      (long long)v[i].id, v[i].name, group_kind_label(v[i].kind),
		      v[i].year ? year_text(r, v[i].year) : "—", v[i].owner_name,
		      (long long)v[i].n_members);
	h_raw(b, "</tbody></table>");
}

static void kind_select(buf *b, const char *selected)
{
	static const char *const kinds[] = {"cluster", "block"};
	h_raw(b, "<select name=\"kind\" id=\"g-kind\">");
	for (size_t i = 0; i < 2; i++)
		h_fmt(b, "<option value=\"%s\"%S>%s</option>", kinds[i],
		      selected && strcmp(selected, kinds[i]) == 0 ? " selected" : "",
		      group_kind_label(kinds[i]));
	h_raw(b, "</select>");
}

static void year_input(buf *b, const char *year)
{
	h_fmt(b, "<label>Năm <input type=\"number\" name=\"year\" min=\"1945\" max=\"2100\""
		 " value=\"%s\" placeholder=\"để trống nếu dùng nhiều năm\"></label>",
	      year ? year : "");
}

static void create_form(req *r, resp *w, const struct group_form *f)
{
	buf *b = &w->body;
	h_raw(b, "<section class=\"panel\" id=\"create\"><h2>Lập cụm, khối thi đua</h2>"
		 "<form method=\"post\" action=\"/groups\" class=\"grid\">");
	ui_csrf(r, w);
	h_fmt(b, "<label>Tên cụm, khối <input name=\"name\" required maxlength=\"200\" value=\"%s\""
		 " placeholder=\"vd: Cụm thi đua số 1\"></label><div><label for=\"g-kind\">Loại</label>",
	      f->name ? f->name : "");
	kind_select(b, f->kind);
	h_raw(b, "</div>");
	year_input(b, f->year);
	h_raw(b, "<div><label for=\"g-unit\">Đơn vị tổ chức</label>");
	ui_unit_select(r, w, "unit_id", "g-unit", f->unit_id, NULL);
	h_raw(b, "</div><button type=\"submit\">Lập cụm, khối</button></form>"
		 "<p class=\"hint\">Cụm thi đua gồm các địa phương, khối thi đua gồm các cơ quan,"
		 " đơn vị có chức năng tương đồng; mỗi đơn vị chỉ thuộc một cụm (khối) của cùng"
		 " đơn vị tổ chức trong một năm.</p></section>");
}

/* The list page; `e` (may be NULL) is the refusal of a create to show. */
static void groups_page(req *r, resp *w, const struct group_form *f, const err *e)
{
	group *v;
	size_t n;
	err le = {0};
	if (groups_list(r->db, r->a, &r->who, &v, &n, &le)) {
		ui_core_error(r, w, &le);
		return;
	}
	ui_begin(r, w, "Cụm, khối thi đua", "groups");
	h_raw(&w->body, "<h1>Cụm, khối thi đua</h1>");
	if (e)
		ui_flash_msg(r, w, false, ui_err_text(e));
	else if (may_change(r))
		h_raw(&w->body, "<p><a class=\"button\" href=\"#create\">Lập cụm, khối thi đua</a></p>");
	groups_table(r, &w->body, v, n);
	if (may_change(r))
		create_form(r, w, f);
	w->status = e ? ui_status_of(e) : 200;
	ui_end(r, w);
}

void ui_groups(req *r, resp *w)
{
	struct group_form f = {NULL, "cluster", NULL, r->who.unit_id};
	groups_page(r, w, &f, NULL);
}

/* Reads the year field; a value that is not a number is refused here with
 * the same sentence core uses for an out-of-range year. */
static int form_year(req *r, int64_t *year, bool *set, err *e)
{
	int rc = ui_form_int(r, "year", year);
	*set = true;
	if (rc < 0)
		return err_set(e, E_INVAL, "Năm phải là năm từ 1945 đến 2100");
	return 0;
}

void ui_groups_create(req *r, resp *w)
{
	struct group_form f = {req_form(r, "name"), req_form(r, "kind"), req_form(r, "year"), 0};
	ui_form_int(r, "unit_id", &f.unit_id);
	struct group_input in = {.name = f.name, .kind = f.kind, .owner_unit_id = f.unit_id};
	err e = {0};
	int64_t id = 0;
	if (group_check_create(r->db, &r->who, f.unit_id, &e) == 0 &&
	    form_year(r, &in.year, &in.year_set, &e) == 0 &&
	    group_create(r->db, &r->who, &in, &id, &e) == 0) {
		char *msg = arena_printf(r->a, "Đã lập %s.", f.kind && strcmp(f.kind, "block") == 0
								   ? "khối thi đua"
								   : "cụm thi đua");
		ui_redirect_msg(r, w, arena_printf(r->a, "/groups/%lld", (long long)id), true, msg);
		return;
	}
	groups_page(r, w, &f, &e);
}

/* ---- one group ---- */

struct kinds {
	char **codes, **names;
	size_t n;
};

static const char *unit_kind_label(const struct kinds *k, const char *code)
{
	for (size_t i = 0; i < k->n; i++)
		if (strcmp(k->codes[i], code) == 0)
			return k->names[i];
	return code;
}

static void group_facts(req *r, buf *b, const group *g)
{
	h_fmt(b, "<dl class=\"facts\"><dt>Loại</dt><dd>%s</dd><dt>Năm</dt><dd>%s</dd>"
		 "<dt>Đơn vị tổ chức</dt><dd><a href=\"/units/%lld\">%s</a></dd>"
		 "<dt>Số đơn vị thành viên</dt><dd>%lld</dd></dl>",
	      group_kind_label(g->kind), g->year ? year_text(r, g->year) : "Không gắn với năm",
	      (long long)g->owner_unit_id, g->owner_name, (long long)g->n_members);
}

static void remove_button(req *r, resp *w, const group *g, const unit *u)
{
	h_fmt(&w->body, "<form method=\"post\" action=\"/groups/%lld/members/%lld/remove\" class=\"inline\">",
	      (long long)g->id, (long long)u->id);
	ui_csrf(r, w);
	h_fmt(&w->body, "<button type=\"submit\" class=\"small\" aria-label=\"Bỏ %s khỏi %s\">"
			"Bỏ khỏi %s</button></form>",
	      u->name, g->name, strcmp(g->kind, "block") == 0 ? "khối" : "cụm");
}

static void members_table(req *r, resp *w, const group *g, const unit_list *m)
{
	buf *b = &w->body;
	struct kinds k = {0};
	err e;
	if (unit_kinds(r->db, r->a, &k.codes, &k.names, &k.n, &e))
		k.n = 0;
	h_fmt(b, "<h2>Đơn vị thành viên (%zu)</h2>", m->n);
	if (m->n == 0) {
		h_raw(b, "<p class=\"empty\">Chưa có đơn vị nào.</p>");
		return;
	}
	h_fmt(b, "<table class=\"data\" id=\"members\"><thead><tr><th class=\"num\">STT</th>"
		 "<th>Tên đơn vị</th><th>Mã</th><th>Loại đơn vị</th>%S</tr></thead><tbody>",
	      may_change(r) ? "<th></th>" : "");
	for (size_t i = 0; i < m->n; i++) {
		const unit *u = &m->v[i];
		h_fmt(b, "<tr><td class=\"num\">%zu</td><td>%s%S</td><td>%s</td><td>%s</td>",
		      i + 1, u->name, u->active ? "" : " <span class=\"tag off\">ngừng hoạt động</span>",
		      u->code, unit_kind_label(&k, u->kind));
		if (may_change(r)) {
			h_raw(b, "<td>");
			remove_button(r, w, g, u);
			h_raw(b, "</td>");
		}
		h_raw(b, "</tr>");
	}
	h_raw(b, "</tbody></table>");
}

/* Suggestions for the code box: the active units the user sees. */
static void code_datalist(req *r, buf *b)
{
	struct unit_filter f = {0};
	unit_list l;
	err e;
	if (units_list(r->db, r->a, &r->who, &f, &l, &e))
		return;
	h_raw(b, "<datalist id=\"unit-codes\">");
	for (size_t i = 0; i < l.n; i++)
		h_fmt(b, "<option value=\"%s\">%s</option>", l.v[i].code, l.v[i].name);
	h_raw(b, "</datalist>");
}

static void change_forms(req *r, resp *w, const group *g, const struct group_form *f,
			 const char *codes)
{
	buf *b = &w->body;
	h_fmt(b, "<section class=\"panel\"><h2>Thêm đơn vị thành viên</h2>"
		 "<form method=\"post\" action=\"/groups/%lld/members\" class=\"search\">",
	      (long long)g->id);
	ui_csrf(r, w);
	h_fmt(b, "<label for=\"codes\">Mã đơn vị</label><input id=\"codes\" name=\"codes\""
		 " list=\"unit-codes\" required autocomplete=\"off\" value=\"%s\""
		 " placeholder=\"vd: QNG-X-21211, QNG-X-21034\"><button type=\"submit\">Thêm</button></form>"
		 "<p class=\"hint\">Có thể nhập nhiều mã, cách nhau bằng dấu phẩy hoặc khoảng trắng."
		 " Mã đơn vị xem ở trang của từng đơn vị.</p>",
	      codes ? codes : "");
	code_datalist(r, b);
	h_fmt(b, "</section><section class=\"panel\"><h2>Sửa tên, năm</h2>"
		 "<form method=\"post\" action=\"/groups/%lld\" class=\"grid\">",
	      (long long)g->id);
	ui_csrf(r, w);
	h_fmt(b, "<label>Tên cụm, khối <input name=\"name\" required maxlength=\"200\" value=\"%s\"></label>",
	      f->name);
	year_input(b, f->year);
	h_raw(b, "<button type=\"submit\">Lưu thay đổi</button></form></section>");
}

/* One group's page; `typed` and `codes` hold what a refused form carried,
 * `e` (may be NULL) the refusal. */
static void group_page(req *r, resp *w, int64_t id, const struct group_form *typed,
		       const char *codes, const err *e)
{
	group g;
	unit_list m;
	err ge = {0};
	if (group_get(r->db, r->a, &r->who, id, &g, &m, &ge)) {
		ui_core_error(r, w, &ge);
		return;
	}
	struct group_form stored = {g.name, g.kind, year_text(r, g.year), g.owner_unit_id};
	ui_begin(r, w, g.name, "groups");
	buf *b = &w->body;
	h_fmt(b, "<p class=\"back\"><a href=\"/groups\">← Danh sách cụm, khối thi đua</a></p>"
		 "<h1>%s</h1>",
	      g.name);
	if (e)
		ui_flash_msg(r, w, false, ui_err_text(e));
	group_facts(r, b, &g);
	members_table(r, w, &g, &m);
	if (may_change(r))
		change_forms(r, w, &g, typed ? typed : &stored, codes);
	w->status = e ? ui_status_of(e) : 200;
	ui_end(r, w);
}

void ui_group_page(req *r, resp *w)
{
	group_page(r, w, r->id[0], NULL, NULL, NULL);
}

static const char *group_path(req *r, int64_t id)
{
	return arena_printf(r->a, "/groups/%lld", (long long)id);
}

void ui_group_update(req *r, resp *w)
{
	int64_t id = r->id[0];
	struct group_form f = {req_form(r, "name"), NULL, req_form(r, "year"), 0};
	struct group_input in = {.name = f.name};
	err e = {0};
	if (group_check_change(r->db, &r->who, id, &e) == 0 &&
	    form_year(r, &in.year, &in.year_set, &e) == 0 &&
	    group_update(r->db, &r->who, id, &in, &e) == 0) {
		ui_redirect_msg(r, w, group_path(r, id), true, "Đã lưu thay đổi.");
		return;
	}
	if (e.code == E_NOTFOUND)
		ui_not_found(r, w);
	else
		group_page(r, w, id, &f, NULL, &e);
}

/* Splits the codes typed (commas, semicolons, white space) and resolves
 * each to a unit the user sees; ids in arena memory. */
static int resolve_codes(req *r, const char *text, int64_t **ids, size_t *n, err *e)
{
	size_t len = strlen(text), cap = len / 2 + 1;
	char *copy = arena_strdup(r->a, text);
	*ids = arena_alloc(r->a, cap * sizeof **ids);
	*n = 0;
	for (char *save = NULL, *tok = strtok_r(copy, ",; \t\r\n", &save); tok;
	     tok = strtok_r(NULL, ",; \t\r\n", &save)) {
		unit u;
		if (unit_by_code(r->db, r->a, tok, &u, e) || !unit_visible(r->db, &r->who, u.id))
			return err_set(e, E_INVAL, "Không tìm thấy đơn vị có mã “%s”", tok);
		(*ids)[(*n)++] = u.id;
	}
	if (*n == 0)
		return err_set(e, E_INVAL, "Cần nhập mã của ít nhất một đơn vị");
	return 0;
}

void ui_group_add_members(req *r, resp *w)
{
	int64_t id = r->id[0], *ids = NULL;
	size_t n = 0;
	const char *codes = req_form(r, "codes");
	err e = {0};
	if (group_check_change(r->db, &r->who, id, &e) == 0 &&
	    resolve_codes(r, codes ? codes : "", &ids, &n, &e) == 0 &&
	    group_add_members(r->db, &r->who, id, ids, n, &e) == 0) {
		ui_redirect_msg(r, w, group_path(r, id), true,
				arena_printf(r->a, "Đã thêm %zu đơn vị.", n));
		return;
	}
	if (e.code == E_NOTFOUND)
		ui_not_found(r, w);
	else
		group_page(r, w, id, NULL, codes, &e);
}

void ui_group_remove_member(req *r, resp *w)
{
	int64_t id = r->id[0];
	err e = {0};
	if (group_check_change(r->db, &r->who, id, &e)) {
		ui_core_error(r, w, &e);
		return;
	}
	if (group_remove_member(r->db, &r->who, id, r->id[1], &e) == 0)
		ui_redirect_msg(r, w, group_path(r, id), true, "Đã bỏ đơn vị khỏi danh sách thành viên.");
	else
		ui_redirect_msg(r, w, group_path(r, id), false, ui_err_text(&e));
}
