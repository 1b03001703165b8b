/*
 * ui_units.c — the home page (my unit, its place in the hierarchy, the
 * searchable tree of subordinate units) and a unit's own page with the
 * administrator's forms (rename, move, deactivate, add a child).
 */
#include "web/ui.h"

#include <stdlib.h>
#include <string.h>

#include "core/units.h"

struct kinds {
	char **codes, **names;
	size_t n;
};

static void load_kinds(req *r, struct kinds *k)
{
	err e;
	if (unit_kinds(r->db, r->a, &k->codes, &k->names, &k->n, &e))
		k->n = 0;
}

static const char *kind_label(const struct kinds *k, const char *code)
{
	for (size_t i = 0; i < k->n; i++)
		if (strcmp(k->codes[i], code) == 0)
			return k->names[i];
	return code;
}

static void breadcrumb(req *r, resp *w, int64_t id)
{
	unit_list path;
	err e;
	if (unit_path(r->db, r->a, id, &path, &e))
		return;
	buf *b = &w->body;
	h_raw(b, "<nav class=\"crumbs\" aria-label=\"Vị trí trong hệ thống\"><ol>");
	for (size_t i = 0; i < path.n; i++) {
		/* ancestors above the user's own unit are shown but not linked */
		bool visible = unit_visible(r->db, &r->who, path.v[i].id);
		if (visible && i + 1 < path.n)
			h_fmt(b, "<li><a href=\"/units/%lld\">%s</a></li>", (long long)path.v[i].id,
			      path.v[i].name);
		else
			h_fmt(b, "<li>%s</li>", path.v[i].name);
	}
	h_raw(b, "</ol></nav>");
}

static void unit_link(buf *b, const unit *u, const struct kinds *k)
{
	h_fmt(b, "<a href=\"/units/%lld\">%s</a> <span class=\"kind\">%s</span>", (long long)u->id,
	      u->name, kind_label(k, u->kind));
	if (!u->active)
		h_raw(b, " <span class=\"tag off\">ngừng hoạt động</span>");
}

/* Renders a tree-ordered list (depth set) as nested lists. */
static void render_tree(buf *b, const unit_list *l, const struct kinds *k)
{
	int depth = -1; /* depth of the innermost open <ul> */
	h_raw(b, "<div class=\"tree\" id=\"unit-tree\">");
	for (size_t i = 0; i < l->n; i++) {
		const unit *u = &l->v[i];
		if (u->depth > depth) {
			while (depth < u->depth) {
				h_raw(b, "<ul>");
				if (++depth < u->depth)
					h_raw(b, "<li>");
			}
		} else {
			h_raw(b, "</li>");
			for (; depth > u->depth; depth--)
				h_raw(b, "</ul></li>");
		}
		h_raw(b, "<li>");
		unit_link(b, u, k);
	}
	if (depth >= 0)
		h_raw(b, "</li>");
	for (; depth > 0; depth--)
		h_raw(b, "</ul></li>");
	if (depth == 0)
		h_raw(b, "</ul>");
	h_raw(b, "</div>");
}

static void search_form(buf *b, const char *q, const char *action)
{
	h_fmt(b,
	      "<form method=\"get\" action=\"%s\" class=\"search\" role=\"search\">"
	      "<label for=\"q\">Tìm đơn vị</label>"
	      "<input id=\"q\" name=\"q\" type=\"search\" value=\"%s\""
	      " placeholder=\"Gõ tên đơn vị, có dấu hoặc không dấu (vd: quang ngai)\">"
	      "<button type=\"submit\">Tìm</button></form>",
	      action, q ? q : "");
}

static void search_results(req *r, resp *w, const char *q, const struct kinds *k)
{
	struct unit_filter f = {.q = q, .all = true};
	unit_list l;
	err e;
	buf *b = &w->body;
	if (units_list(r->db, r->a, &r->who, &f, &l, &e)) {
		h_fmt(b, "<p class=\"flash err\">%s</p>", e.msg);
		return;
	}
	h_fmt(b, "<h2>Kết quả tìm “%s”: %zu đơn vị</h2>", q, l.n);
	if (l.n == 0) {
		h_raw(b, "<p class=\"empty\">Không có đơn vị nào khớp.</p>");
		return;
	}
	h_raw(b, "<ul class=\"results\" id=\"search-results\">");
	for (size_t i = 0; i < l.n; i++) {
		h_raw(b, "<li>");
		unit_link(b, &l.v[i], k);
		h_fmt(b, " <span class=\"code\">%s</span></li>", l.v[i].code);
	}
	h_raw(b, "</ul>");
}

void ui_home(req *r, resp *w)
{
	struct kinds k;
	load_kinds(r, &k);
	unit me;
	err e;
	if (unit_get(r->db, r->a, r->who.unit_id, &me, &e)) {
		ui_error_page(r, w, 500, e.msg);
		return;
	}
	ui_begin(r, w, "Đơn vị của tôi", "home");
	buf *b = &w->body;
	h_fmt(b, "<h1>%s</h1>", me.name);
	breadcrumb(r, w, me.id);
	const char *q = req_query(r, "q");
	search_form(b, q, "/");
	if (r->who.role == ROLE_ADMIN)
		h_raw(b, "<p class=\"hint\"><a href=\"/units/import\">Nhập danh sách đơn vị từ tệp CSV/Excel</a></p>");
	if (q && *q) {
		search_results(r, w, q, &k);
	} else {
		struct unit_filter f = {0};
		f.all = req_query(r, "all") != NULL;
		unit_list l;
		if (units_list(r->db, r->a, &r->who, &f, &l, &e) == 0) {
			h_fmt(b, "<h2>Đơn vị trực thuộc (%zu)</h2>", l.n ? l.n - 1 : 0);
			h_fmt(b, "<p class=\"hint\"><a href=\"%S\">%S</a></p>", f.all ? "/" : "/?all=1",
			      f.all ? "Ẩn đơn vị đã ngừng hoạt động"
				    : "Hiện cả đơn vị đã ngừng hoạt động (trước 01/7/2025)");
			render_tree(b, &l, &k);
		}
	}
	ui_end(r, w);
}

static void kind_select(buf *b, const struct kinds *k, const char *selected)
{
	h_raw(b, "<select name=\"kind\" required>");
	for (size_t i = 0; i < k->n; i++)
		h_fmt(b, "<option value=\"%s\"%S>%s</option>", k->codes[i],
		      selected && strcmp(selected, k->codes[i]) == 0 ? " selected" : "", k->names[i]);
	h_raw(b, "</select>");
}

static void admin_forms(req *r, resp *w, const unit *u, const unit *parent, const struct kinds *k)
{
	buf *b = &w->body;
	h_fmt(b, "<section class=\"panel\"><h2>Sửa thông tin đơn vị</h2>"
		 "<form method=\"post\" action=\"/units/%lld\" class=\"grid\">",
	      (long long)u->id);
	ui_csrf(r, w);
	h_fmt(b, "<label>Tên đơn vị <input name=\"name\" required maxlength=\"200\" value=\"%s\"></label>"
		 "<label>Mã <input name=\"code\" required maxlength=\"64\" value=\"%s\"></label>"
		 "<label>Loại ",
	      u->name, u->code);
	kind_select(b, k, u->kind);
	h_fmt(b, "</label><label>Mã đơn vị cấp trên (để chuyển đơn vị) <input name=\"parent_code\""
		 " value=\"%s\"></label>"
		 "<label>Hiệu lực từ <input type=\"date\" name=\"valid_from\" value=\"%s\"></label>"
		 "<label>Hiệu lực đến <input type=\"date\" name=\"valid_to\" value=\"%s\"></label>"
		 "<label class=\"check\"><input type=\"checkbox\" name=\"active\" value=\"1\"%S>"
		 " Đang hoạt động</label>"
		 "<button type=\"submit\">Lưu thay đổi</button></form></section>",
	      parent ? parent->code : "", u->valid_from ? u->valid_from : "",
	      u->valid_to ? u->valid_to : "", u->active ? " checked" : "");

	h_fmt(b, "<section class=\"panel\"><h2>Thêm đơn vị trực thuộc</h2>"
		 "<form method=\"post\" action=\"/units\" class=\"grid\">"
		 "<input type=\"hidden\" name=\"parent_id\" value=\"%lld\">",
	      (long long)u->id);
	ui_csrf(r, w);
	h_raw(b, "<label>Tên đơn vị <input name=\"name\" required maxlength=\"200\"></label>"
		 "<label>Mã <input name=\"code\" required maxlength=\"64\"></label><label>Loại ");
	kind_select(b, k, "commune");
	h_raw(b, "</label><button type=\"submit\">Thêm đơn vị</button></form></section>");
}

void ui_unit_page(req *r, resp *w)
{
	int64_t id = r->id[0];
	unit u, parent;
	err e;
	if (!unit_visible(r->db, &r->who, id) || unit_get(r->db, r->a, id, &u, &e)) {
		ui_not_found(r, w);
		return;
	}
	bool has_parent = u.parent_id && unit_get(r->db, r->a, u.parent_id, &parent, &e) == 0;
	struct kinds k;
	load_kinds(r, &k);
	ui_begin(r, w, u.name, "home");
	buf *b = &w->body;
	h_fmt(b, "<h1>%s</h1>", u.name);
	breadcrumb(r, w, u.id);
	h_fmt(b, "<dl class=\"facts\"><dt>Mã</dt><dd>%s</dd><dt>Loại</dt><dd>%s</dd>"
		 "<dt>Trạng thái</dt><dd>%S</dd>",
	      u.code, kind_label(&k, u.kind), u.active ? "Đang hoạt động" : "Ngừng hoạt động");
	if (u.valid_from || u.valid_to)
		h_fmt(b, "<dt>Hiệu lực</dt><dd>%s – %s</dd>", u.valid_from ? u.valid_from : "…",
		      u.valid_to ? u.valid_to : "nay");
	h_raw(b, "</dl>");
	struct unit_filter f = {.parent_id = id, .all = true};
	unit_list l;
	if (units_list(r->db, r->a, &r->who, &f, &l, &e) == 0) {
		h_fmt(b, "<h2>Đơn vị trực thuộc trực tiếp (%zu)</h2>", l.n);
		if (l.n == 0)
			h_raw(b, "<p class=\"empty\">Không có.</p>");
		h_raw(b, "<ul class=\"results\">");
		for (size_t i = 0; i < l.n; i++) {
			h_raw(b, "<li>");
			unit_link(b, &l.v[i], &k);
			h_fmt(b, " <span class=\"count\">%lld đơn vị trực thuộc</span></li>",
			      (long long)l.v[i].n_children);
		}
		h_raw(b, "</ul>");
	}
	if (r->who.role == ROLE_ADMIN)
		admin_forms(r, w, &u, has_parent ? &parent : NULL, &k);
	ui_end(r, w);
}

/* Resolves a unit code typed in a form to its id (0 when blank). */
static int parent_from_code(req *r, const char *code, int64_t *id, err *e)
{
	*id = 0;
	if (!code || !*code)
		return 0;
	unit p;
	if (unit_by_code(r->db, r->a, code, &p, e) || !unit_visible(r->db, &r->who, p.id))
		return err_set(e, E_INVAL, "Không tìm thấy đơn vị cấp trên có mã \"%s\"", code);
	*id = p.id;
	return 0;
}

void ui_unit_update(req *r, resp *w)
{
	int64_t id = r->id[0];
	char *back = arena_printf(r->a, "/units/%lld", (long long)id);
	struct unit_input in = {0};
	err e = {0};
	in.name = req_form(r, "name");
	in.code = req_form(r, "code");
	in.kind = req_form(r, "kind");
	in.valid_from = req_form(r, "valid_from");
	in.valid_to = req_form(r, "valid_to");
	in.active = req_form(r, "active") ? 1 : 0;
	if (parent_from_code(r, req_form(r, "parent_code"), &in.parent_id, &e) == 0 &&
	    unit_update(r->db, &r->who, id, &in, &e) == 0) {
		ui_redirect_msg(r, w, back, true, "Đã lưu thông tin đơn vị.");
		return;
	}
	if (e.code == E_NOTFOUND)
		ui_not_found(r, w);
	else
		ui_redirect_msg(r, w, back, false, e.msg);
}

void ui_unit_create(req *r, resp *w)
{
	int64_t parent = 0, id = 0;
	const char *p = req_form(r, "parent_id");
	err e = {0};
	if (!p || parse_i64(p, &parent) || parent <= 0) {
		ui_error_page(r, w, 400, "Thiếu đơn vị cấp trên.");
		return;
	}
	char *back = arena_printf(r->a, "/units/%lld", (long long)parent);
	struct unit_input in = {.code = req_form(r, "code"), .name = req_form(r, "name"),
				.kind = req_form(r, "kind"), .parent_id = parent, .active = 1};
	if (unit_create(r->db, &r->who, &in, &id, &e) == 0)
		ui_redirect_msg(r, w, arena_printf(r->a, "/units/%lld", (long long)id), true,
				"Đã thêm đơn vị.");
	else
		ui_redirect_msg(r, w, back, false, e.msg);
}
