/*
 * ui_movements.c — the movements catalogue: the list the user may see with
 * an accent-insensitive search, the officer's form to launch a movement,
 * and one movement's page with the higher movement it answers and the
 * movements that answer it.
 */
#include "web/ui.h"

#include <string.h>
#include <time.h>

#include "core/movements.h"

/* What the create form holds; years stay text so a typo is shown as typed. */
struct movement_form {
	const char *title, *start, *end, *kind, *description;
	int64_t unit_id, parent_id;
};

static const char *kind_label(const char *kind)
{
	if (strcmp(kind, "regular") == 0)
		return "Thường xuyên";
	if (strcmp(kind, "thematic") == 0)
		return "Theo chuyên đề";
	if (strcmp(kind, "campaign") == 0)
		return "Theo đợt";
	return kind;
}

static bool may_launch(const req *r)
{
	return r->who.role == ROLE_ADMIN || r->who.role == ROLE_OFFICER;
}

static const char *period(req *r, const movement *m)
{
	if (m->start_year == m->end_year)
		return arena_printf(r->a, "%d", m->start_year);
	return arena_printf(r->a, "%d – %d", m->start_year, m->end_year);
}

static int current_year(void)
{
	time_t t = (time_t)now_unix();
	struct tm tm;
	localtime_r(&t, &tm);
	return 1900 + tm.tm_year;
}

static const movement *find(const movement *v, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].id == id)
			return &v[i];
	return NULL;
}

/* The higher movement a row answers, linked when the user can see it. */
static void parent_cell(buf *b, const movement *m, const movement *all, size_t n_all)
{
	const movement *p = m->parent_id ? find(all, n_all, m->parent_id) : NULL;
	if (p)
		h_fmt(b, "<a href=\"/movements/%lld\">%s</a>", (long long)p->id, p->title);
	else if (m->parent_id)
		h_raw(b, "<span class=\"hint\">(ngoài phạm vi được xem)</span>");
	else
		h_raw(b, "—");
}

/* A table of movements; `all` (NULL to leave the column out) resolves the
 * higher movement each one answers. */
static void movements_table(req *r, buf *b, const char *id, const movement *v, size_t n,
			    const movement *all, size_t n_all)
{
	h_fmt(b, "<table class=\"data\" id=\"%s\"><thead><tr><th>Phong trào</th>"
		 "<th class=\"unit\">Đơn vị phát động</th><th>Thời gian</th>%S<th>Loại</th></tr></thead>"
		 "<tbody>",
	      id, all ? "<th>Hưởng ứng phong trào</th>" : "");
	for (size_t i = 0; i < n; i++) {
		const movement *m = &v[i];
		h_fmt(b, "<tr><td><a href=\"/movements/%lld\">%s</a></td><td>%s</td>"
			 "<td class=\"nowrap\">%s</td>",
		      (long long)m->id, m->title, m->unit_name, period(r, m));
		if (all) {
			h_raw(b, "<td>");
			parent_cell(b, m, all, n_all);
			h_raw(b, "</td>");
		}
		h_fmt(b, "<td class=\"nowrap\">%s</td></tr>", kind_label(m->kind));
	}
	h_raw(b, "</tbody></table>");
}

static void search_form(buf *b, const char *q)
{
	h_fmt(b,
	      "<form method=\"get\" action=\"/movements\" class=\"search\" role=\"search\">"
	      "<label for=\"q\">Tìm phong trào</label>"
	      "<input id=\"q\" name=\"q\" type=\"search\" value=\"%s\""
	      " placeholder=\"Gõ tên phong trào, có dấu hoặc không dấu (vd: nguoi ngheo)\">"
	      "<button type=\"submit\">Tìm</button></form>",
	      q ? q : "");
}

static void kind_select(buf *b, const char *selected)
{
	static const char *const kinds[] = {"regular", "thematic", "campaign"};
	h_raw(b, "<select name=\"kind\" id=\"m-kind\">");
	for (size_t i = 0; i < 3; i++)
		h_fmt(b, "<option value=\"%s\"%S>%s</option>", kinds[i],
		      selected && strcmp(selected, kinds[i]) == 0 ? " selected" : "",
		      kind_label(kinds[i]));
	h_raw(b, "</select>");
}

static void parent_select(buf *b, const movement *all, size_t n, int64_t selected)
{
	h_raw(b, "<select name=\"parent_id\" id=\"m-parent\"><option value=\"\">— Không —</option>");
	for (size_t i = 0; i < n; i++)
		h_fmt(b, "<option value=\"%lld\"%S>%s (%s, %s)</option>", (long long)all[i].id,
		      all[i].id == selected ? " selected" : "", all[i].title, all[i].unit_name,
		      kind_label(all[i].kind));
	h_raw(b, "</select>");
}

static void create_form(req *r, resp *w, const struct movement_form *f, const movement *all,
			size_t n_all)
{
	buf *b = &w->body;
	h_raw(b, "<section class=\"panel\" id=\"create\"><h2>Phát động phong trào thi đua</h2>"
		 "<form method=\"post\" action=\"/movements\" class=\"grid\">");
	ui_csrf(r, w);
	h_fmt(b, "<label class=\"wide\">Tên phong trào <input name=\"title\" required maxlength=\"500\""
		 " value=\"%s\"></label><div><label for=\"m-unit\">Đơn vị phát động</label>",
	      f->title ? f->title : "");
	ui_unit_select(r, w, "unit_id", "m-unit", f->unit_id, NULL);
	h_fmt(b, "</div><label>Năm bắt đầu <input type=\"number\" name=\"start_year\" required"
		 " min=\"1945\" max=\"2100\" value=\"%s\"></label>"
		 "<label>Năm kết thúc <input type=\"number\" name=\"end_year\" required min=\"1945\""
		 " max=\"2100\" value=\"%s\"></label><div><label for=\"m-kind\">Loại</label>",
	      f->start ? f->start : "", f->end ? f->end : "");
	kind_select(b, f->kind);
	h_raw(b, "</div><div class=\"wide\"><label for=\"m-parent\">Hưởng ứng phong trào cấp trên</label>");
	parent_select(b, all, n_all, f->parent_id);
	h_fmt(b, "</div><label class=\"wide\">Mô tả <textarea name=\"description\" rows=\"4\""
		 " maxlength=\"10000\">%s</textarea></label>"
		 "<button type=\"submit\">Phát động phong trào</button></form></section>",
	      f->description ? f->description : "");
}

/* The list page; `e` (may be NULL) is the refusal of a create to show. */
static void movements_page(req *r, resp *w, const struct movement_form *f, const err *e)
{
	const char *q = req_query(r, "q");
	movement *all, *v;
	size_t n_all, n;
	err le = {0};
	if (movements_list(r->db, r->a, &r->who, NULL, &all, &n_all, &le) ||
	    movements_list(r->db, r->a, &r->who, q, &v, &n, &le)) {
		ui_core_error(r, w, &le);
		return;
	}
	ui_begin(r, w, "Phong trào thi đua", "movements");
	buf *b = &w->body;
	h_raw(b, "<h1>Phong trào thi đua</h1>");
	if (e)
		ui_flash_msg(r, w, false, ui_err_text(e));
	else if (may_launch(r))
		h_raw(b, "<p><a class=\"button\" href=\"#create\">Phát động phong trào mới</a></p>");
	search_form(b, q);
	if (q && *q)
		h_fmt(b, "<h2>Kết quả tìm “%s”: %zu phong trào</h2>", q, n);
	else
		h_fmt(b, "<h2>Các phong trào trong phạm vi đơn vị (%zu)</h2>", n);
	if (n == 0)
		h_raw(b, "<p class=\"empty\">Không có phong trào nào khớp.</p>");
	else
		movements_table(r, b, "movements", v, n, all, n_all);
	if (may_launch(r))
		create_form(r, w, f, all, n_all);
	w->status = e ? ui_status_of(e) : 200;
	ui_end(r, w);
}

void ui_movements(req *r, resp *w)
{
	char *year = arena_printf(r->a, "%d", current_year());
	int64_t parent = 0;
	const char *p = req_query(r, "parent");
	if (p && parse_i64(p, &parent))
		parent = 0;
	struct movement_form f = {NULL, year, year, "regular", NULL, r->who.unit_id, parent};
	movements_page(r, w, &f, NULL);
}

void ui_movements_create(req *r, resp *w)
{
	struct movement_form f = {req_form(r, "title"),  req_form(r, "start_year"),
				  req_form(r, "end_year"), req_form(r, "kind"),
				  req_form(r, "description"), 0, 0};
	ui_form_int(r, "unit_id", &f.unit_id);
	ui_form_int(r, "parent_id", &f.parent_id);
	/* a year that is not a number reaches core as 0, which core refuses
	 * with the field's name — after deciding whether the user may act */
	struct movement_input in = {f.title, f.unit_id, 0, 0, f.parent_id, f.kind, f.description};
	ui_form_int(r, "start_year", &in.start_year);
	ui_form_int(r, "end_year", &in.end_year);
	err e = {0};
	int64_t id = 0;
	if (movement_create(r->db, &r->who, &in, &id, &e) == 0) {
		ui_redirect_msg(r, w, arena_printf(r->a, "/movements/%lld", (long long)id), true,
				"Đã phát động phong trào.");
		return;
	}
	movements_page(r, w, &f, &e);
}

static void movement_facts(req *r, buf *b, const movement *m, const movement *parent)
{
	h_fmt(b, "<dl class=\"facts\"><dt>Đơn vị phát động</dt><dd><a href=\"/units/%lld\">%s</a></dd>"
		 "<dt>Thời gian</dt><dd>%s</dd><dt>Loại</dt><dd>%s</dd>"
		 "<dt>Hưởng ứng phong trào</dt><dd>",
	      (long long)m->unit_id, m->unit_name, period(r, m), kind_label(m->kind));
	if (parent)
		h_fmt(b, "<a href=\"/movements/%lld\" id=\"parent\">%s</a> (%s)", (long long)parent->id,
		      parent->title, parent->unit_name);
	else
		h_raw(b, m->parent_id ? "(ngoài phạm vi được xem)" : "Không");
	h_raw(b, "</dd></dl>");
	if (m->description && *m->description)
		h_fmt(b, "<h2>Mô tả</h2><div class=\"desc\">%s</div>", m->description);
}

void ui_movement_page(req *r, resp *w)
{
	movement m, parent, *kids;
	size_t n;
	err e = {0};
	if (movement_get(r->db, r->a, &r->who, r->id[0], &m, &e) ||
	    movements_children(r->db, r->a, &r->who, m.id, &kids, &n, &e)) {
		ui_core_error(r, w, &e);
		return;
	}
	bool has_parent = m.parent_id && movement_get(r->db, r->a, &r->who, m.parent_id, &parent, &e) == 0;
	ui_begin(r, w, m.title, "movements");
	buf *b = &w->body;
	h_fmt(b, "<p class=\"back\"><a href=\"/movements\">← Danh sách phong trào</a></p><h1>%s</h1>",
	      m.title);
	movement_facts(r, b, &m, has_parent ? &parent : NULL);
	h_fmt(b, "<h2>Phong trào hưởng ứng (%zu)</h2>", n);
	if (n == 0)
		h_raw(b, "<p class=\"empty\">Chưa có phong trào nào hưởng ứng.</p>");
	else
		movements_table(r, b, "children", kids, n, NULL, 0);
	if (may_launch(r))
		h_fmt(b, "<p><a class=\"button\" href=\"/movements?parent=%lld#create\">"
			 "Phát động phong trào hưởng ứng</a></p>",
		      (long long)m.id);
	ui_end(r, w);
}
