/*
 * ui_campaigns.c — campaigns (đợt báo cáo) for the issuing side: the list,
 * the issue form (recipients from the unit tree: one by one, whole
 * subtrees, by kind, by cluster; also a cascade from a received campaign),
 * and one campaign's page: progress numbers, an SVG chart, the table of
 * units filtered by state, reminders, recipients added later and the
 * campaigns forwarding it.
 */
#include "web/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/campaigns.h"
#include "core/deadline.h"
#include "core/groups.h"
#include "core/movements.h"
#include "core/outlines.h"
#include "core/reports.h"
#include "core/units.h"

static bool may_issue(const req *r)
{
	return r->who.role == ROLE_ADMIN || r->who.role == ROLE_OFFICER;
}

static const char *deadline_str(req *r, int64_t at, bool date_only)
{
	char s[32];
	deadline_text(at, date_only, s);
	return arena_strdup(r->a, s);
}

static const char *when(req *r, int64_t t)
{
	char s[32];
	if (!t)
		return "—";
	local_stamp_vn(t, s);
	return arena_strdup(r->a, s);
}

static void state_badge(buf *b, int state)
{
	h_fmt(b, "<span class=\"state %s\">%s</span>", report_state_name(state), report_state_label(state));
}

/* ---- the list ---- */

static void campaigns_table(req *r, buf *b, const campaign_row *v, size_t n)
{
	h_raw(b, "<table class=\"data\" id=\"campaigns\"><thead><tr><th>Đợt báo cáo</th>"
		 "<th>Đơn vị ban hành</th><th>Hạn nộp</th><th class=\"num\">Đã nộp</th>"
		 "<th class=\"num\">Muộn</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		const campaign *c = &v[i].c;
		h_fmt(b, "<tr><td><a href=\"/campaigns/%lld\">%s</a>", (long long)c->id, c->title);
		if (*c->document_no)
			h_fmt(b, "<br><span class=\"hint\">Văn bản số %s</span>", c->document_no);
		if (c->parent_campaign_id)
			h_raw(b, " <span class=\"tag\">chuyển tiếp</span>");
		h_fmt(b, "</td><td>%s</td><td class=\"nowrap\">%s</td><td class=\"num\">%lld/%lld</td>"
			 "<td class=\"num\">%lld</td></tr>",
		      c->issuer_name, deadline_str(r, c->deadline_at, c->deadline_date_only),
		      (long long)v[i].submitted, (long long)v[i].expected, (long long)v[i].late);
	}
	h_raw(b, "</tbody></table>");
}

void ui_campaigns(req *r, resp *w)
{
	campaign_row *v;
	size_t n;
	err e = {0};
	if (campaigns_list(r->db, r->a, &r->who, CAMPAIGNS_ISSUED, &v, &n, &e)) {
		ui_core_error(r, w, &e);
		return;
	}
	ui_begin(r, w, "Đợt báo cáo", "campaigns");
	buf *b = &w->body;
	h_raw(b, "<h1>Đợt báo cáo</h1>");
	if (may_issue(r))
		h_raw(b, "<p><a class=\"button\" href=\"/campaigns/new\" id=\"new-campaign\">Ban hành đợt báo cáo</a></p>");
	h_fmt(b, "<h2>Do đơn vị và cấp dưới ban hành (%zu)</h2>", n);
	if (n == 0)
		h_raw(b, "<p class=\"empty\">Chưa có đợt báo cáo nào.</p>");
	else
		campaigns_table(r, b, v, n);
	h_raw(b, "<p class=\"hint\">Các đợt báo cáo đơn vị nhận được nằm ở trang "
		 "<a href=\"/inbox\">Báo cáo của đơn vị</a>.</p>");
	ui_end(r, w);
}

/* ---- the recipients picker ---- */

/* The selection posted by a picker (fields unit, subtree, kind, group). */
static void posted_selection(req *r, struct recipient_sel *sel)
{
	memset(sel, 0, sizeof *sel);
	size_t n;
	const form_field *f = req_form_fields(r, &n);
	int64_t *units = arena_alloc(r->a, (n + 1) * sizeof *units);
	int64_t *subs = arena_alloc(r->a, (n + 1) * sizeof *subs);
	int64_t *groups = arena_alloc(r->a, (n + 1) * sizeof *groups);
	const char **kinds = arena_alloc(r->a, (n + 1) * sizeof *kinds);
	for (size_t i = 0; i < n; i++) {
		int64_t id = 0;
		bool num = parse_i64(f[i].value, &id) == 0 && id > 0;
		if (strcmp(f[i].name, "unit") == 0 && num)
			units[sel->n_units++] = id;
		else if (strcmp(f[i].name, "subtree") == 0 && num)
			subs[sel->n_subtrees++] = id;
		else if (strcmp(f[i].name, "group") == 0 && num)
			groups[sel->n_groups++] = id;
		else if (strcmp(f[i].name, "kind") == 0 && *f[i].value)
			kinds[sel->n_kinds++] = f[i].value;
	}
	sel->units = units;
	sel->subtrees = subs;
	sel->groups = groups;
	sel->kinds = kinds;
}

static bool has_id(const int64_t *v, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] == id)
			return true;
	return false;
}

static bool has_str(const char *const *v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return true;
	return false;
}

/* The subtree below the actor's unit as nested check boxes. */
static void unit_tree(buf *b, const unit_list *l, const struct recipient_sel *sel)
{
	int depth = 0;
	h_raw(b, "<div class=\"tree picker\" id=\"pick-units\">");
	for (size_t i = 1; i < l->n; i++) {
		const unit *u = &l->v[i];
		while (depth < u->depth) {
			h_raw(b, "<ul>");
			depth++;
		}
		while (depth > u->depth) {
			h_raw(b, "</ul>");
			depth--;
		}
		h_fmt(b, "<li><label class=\"check\"><input type=\"checkbox\" name=\"unit\" value=\"%lld\"%S> %s</label>",
		      (long long)u->id, has_id(sel->units, sel->n_units, u->id) ? " checked" : "", u->name);
		if (u->n_children)
			h_fmt(b, " <label class=\"check sub\"><input type=\"checkbox\" name=\"subtree\" value=\"%lld\"%S>"
				 " cả %lld đơn vị trực thuộc</label>",
			      (long long)u->id, has_id(sel->subtrees, sel->n_subtrees, u->id) ? " checked" : "",
			      (long long)u->n_children);
		h_raw(b, "</li>");
	}
	while (depth-- > 0)
		h_raw(b, "</ul>");
	h_raw(b, "</div>");
}

static void kind_boxes(req *r, buf *b, const unit_list *l, const struct recipient_sel *sel)
{
	char **codes, **names;
	size_t n;
	err e;
	if (unit_kinds(r->db, r->a, &codes, &names, &n, &e))
		return;
	h_raw(b, "<div class=\"kinds\" id=\"pick-kinds\">");
	for (size_t k = 0; k < n; k++) {
		size_t count = 0;
		for (size_t i = 1; i < l->n; i++)
			count += strcmp(l->v[i].kind, codes[k]) == 0;
		if (!count)
			continue;
		h_fmt(b, "<label class=\"check\"><input type=\"checkbox\" name=\"kind\" value=\"%s\"%S> %s (%zu)</label>",
		      codes[k], has_str(sel->kinds, sel->n_kinds, codes[k]) ? " checked" : "", names[k], count);
	}
	h_raw(b, "</div>");
}

static void group_boxes(req *r, buf *b, const struct recipient_sel *sel)
{
	group *g;
	size_t n;
	err e;
	if (groups_list(r->db, r->a, &r->who, &g, &n, &e) || n == 0) {
		h_raw(b, "<p class=\"empty\">Chưa có cụm, khối thi đua nào.</p>");
		return;
	}
	h_raw(b, "<div class=\"kinds\" id=\"pick-groups\">");
	for (size_t i = 0; i < n; i++)
		h_fmt(b, "<label class=\"check\"><input type=\"checkbox\" name=\"group\" value=\"%lld\"%S> %s (%lld đơn vị)</label>",
		      (long long)g[i].id, has_id(sel->groups, sel->n_groups, g[i].id) ? " checked" : "",
		      g[i].name, (long long)g[i].n_members);
	h_raw(b, "</div>");
}

static void picker(req *r, buf *b, const struct recipient_sel *sel)
{
	struct unit_filter f = {0};
	unit_list l = {0};
	err e;
	if (units_list(r->db, r->a, &r->who, &f, &l, &e))
		l.n = 0;
	h_raw(b, "<fieldset class=\"recipients\"><legend>Đơn vị nhận báo cáo</legend>"
		 "<p class=\"hint\">Chọn theo một hoặc nhiều cách; đơn vị được chọn nhiều lần chỉ nhận "
		 "một báo cáo. Loại đơn vị áp dụng trong các đơn vị đã chọn “cả đơn vị trực thuộc”, "
		 "hoặc trong toàn bộ đơn vị cấp dưới nếu không chọn.</p>"
		 "<details open><summary>Theo loại đơn vị</summary>");
	kind_boxes(r, b, &l, sel);
	h_raw(b, "</details><details><summary>Theo cụm, khối thi đua</summary>");
	group_boxes(r, b, sel);
	h_raw(b, "</details><details open><summary>Chọn từng đơn vị hoặc cả đơn vị trực thuộc</summary>");
	unit_tree(b, &l, sel);
	h_raw(b, "</details></fieldset>");
}

/* ---- the issue form ---- */

struct issue_form {
	const char *title, *document_no, *document_date, *period_from, *period_to;
	const char *deadline_date, *deadline_time;
	int64_t outline_id, movement_id, parent_id;
	bool require_approval;
	struct recipient_sel sel;
};

static const char *val(const char *s)
{
	return s ? s : "";
}

static void outline_select(req *r, buf *b, int64_t selected)
{
	outline_summary *v;
	size_t n;
	err e;
	if (outlines_list(r->db, r->a, &r->who, NULL, &v, &n, &e))
		n = 0;
	h_raw(b, "<select name=\"outline_id\" id=\"c-outline\" required><option value=\"\">— Chọn đề cương —</option>");
	for (size_t i = 0; i < n; i++)
		h_fmt(b, "<option value=\"%lld\"%S>%s (%s, %lld mục)</option>", (long long)v[i].id,
		      v[i].id == selected ? " selected" : "", v[i].title, v[i].owner_name,
		      (long long)v[i].n_items);
	h_raw(b, "</select>");
	if (n == 0)
		h_raw(b, "<p class=\"hint\">Chưa có đề cương nào: hãy nhập đề cương (văn bản hoặc tệp Word) trước.</p>");
}

static void movement_select(req *r, buf *b, int64_t selected)
{
	movement *v;
	size_t n;
	err e;
	if (movements_list(r->db, r->a, &r->who, NULL, &v, &n, &e))
		n = 0;
	h_raw(b, "<select name=\"movement_id\" id=\"c-movement\"><option value=\"\">— Không gắn phong trào —</option>");
	for (size_t i = 0; i < n; i++)
		h_fmt(b, "<option value=\"%lld\"%S>%s (%s)</option>", (long long)v[i].id,
		      v[i].id == selected ? " selected" : "", v[i].title, v[i].unit_name);
	h_raw(b, "</select>");
}

static void parent_facts(req *r, buf *b, const campaign *p)
{
	h_fmt(b, "<div class=\"panel\" id=\"cascade\"><p>Chuyển tiếp đợt báo cáo <a href=\"/campaigns/%lld\">%s</a>"
		 " của %s (hạn nộp %s) tới các đơn vị cấp dưới. Các đơn vị dùng cùng đề cương; hạn nộp của "
		 "đơn vị cấp dưới phải sớm hơn để đơn vị kịp tổng hợp.</p>",
	      (long long)p->id, p->title, p->issuer_name,
	      deadline_str(r, p->deadline_at, p->deadline_date_only));
	h_fmt(b, "<input type=\"hidden\" name=\"parent_id\" value=\"%lld\"></div>", (long long)p->id);
}

static void issue_fields(req *r, resp *w, const struct issue_form *f, const campaign *parent)
{
	buf *b = &w->body;
	h_fmt(b, "<label class=\"wide\">Tên đợt báo cáo <input name=\"title\" required maxlength=\"500\""
		 " value=\"%s\" placeholder=\"vd: Báo cáo sơ kết 3 năm thực hiện Phong trào thi đua …\"></label>"
		 "<label>Số văn bản (công văn) <input name=\"document_no\" maxlength=\"100\" value=\"%s\""
		 " placeholder=\"vd: 1234/SNV-TĐKT\"></label>"
		 "<label>Ngày văn bản <input type=\"date\" name=\"document_date\" value=\"%s\"></label>",
	      val(f->title), val(f->document_no), val(f->document_date));
	if (!parent) {
		h_raw(b, "<div class=\"wide\"><label for=\"c-outline\">Đề cương báo cáo</label>");
		outline_select(r, b, f->outline_id);
		h_raw(b, "</div>");
	}
	h_fmt(b, "<label>Kỳ báo cáo từ ngày <input type=\"date\" name=\"period_from\" value=\"%s\"></label>"
		 "<label>đến ngày <input type=\"date\" name=\"period_to\" value=\"%s\"></label>"
		 "<label>Hạn nộp (ngày) <input type=\"date\" name=\"deadline_date\" required value=\"%s\"></label>"
		 "<label>Giờ (để trống: hết ngày) <input type=\"time\" name=\"deadline_time\" value=\"%s\"></label>"
		 "<div class=\"wide\"><label for=\"c-movement\">Phong trào thi đua</label>",
	      val(f->period_from), val(f->period_to), val(f->deadline_date), val(f->deadline_time));
	movement_select(r, b, f->movement_id);
	h_fmt(b, "</div><label class=\"check wide\"><input type=\"checkbox\" name=\"require_approval\""
		 " value=\"1\"%S> Báo cáo phải được lãnh đạo đơn vị duyệt trước khi nộp</label>",
	      f->require_approval ? " checked" : "");
}

static void issue_page(req *r, resp *w, const struct issue_form *f, const campaign *parent,
		       const err *e)
{
	ui_begin(r, w, "Ban hành đợt báo cáo", "campaigns");
	buf *b = &w->body;
	h_raw(b, "<p class=\"back\"><a href=\"/campaigns\">← Đợt báo cáo</a></p><h1>Ban hành đợt báo cáo</h1>");
	if (e)
		ui_flash_msg(r, w, false, ui_err_text(e));
	h_raw(b, "<form method=\"post\" action=\"/campaigns\" class=\"grid issue\" id=\"issue-form\">");
	ui_csrf(r, w);
	if (parent)
		parent_facts(r, b, parent);
	issue_fields(r, w, f, parent);
	h_raw(b, "<div class=\"wide\">");
	picker(r, b, &f->sel);
	h_raw(b, "</div><button type=\"submit\" id=\"issue\">Ban hành và gửi các đơn vị</button></form>");
	w->status = e ? ui_status_of(e) : 200;
	ui_end(r, w);
}

/* The parent of a cascade named by ?parent= or the form; NULL if none. */
static const campaign *load_parent(req *r, int64_t id, campaign *out)
{
	err e;
	return id && campaign_get(r->db, r->a, &r->who, id, out, &e) == 0 && out->my_report_id ? out : NULL;
}

void ui_campaign_new(req *r, resp *w)
{
	if (!may_issue(r)) {
		ui_error_page(r, w, 403, "Chỉ cán bộ thi đua - khen thưởng hoặc quản trị hệ thống được ban hành đợt báo cáo.");
		return;
	}
	struct issue_form f = {0};
	const char *p = req_query(r, "parent");
	if (p)
		parse_i64(p, &f.parent_id);
	campaign parent;
	const campaign *pc = load_parent(r, f.parent_id, &parent);
	if (pc) {
		f.title = pc->title;
		f.document_no = "";
		f.period_from = pc->period_from;
		f.period_to = pc->period_to;
		f.movement_id = pc->movement_id;
	}
	issue_page(r, w, &f, pc, NULL);
}

static struct issue_form posted_issue(req *r)
{
	struct issue_form f = {req_form(r, "title"),         req_form(r, "document_no"),
			       req_form(r, "document_date"), req_form(r, "period_from"),
			       req_form(r, "period_to"),     req_form(r, "deadline_date"),
			       req_form(r, "deadline_time"), 0, 0, 0, false, {0}};
	ui_form_int(r, "outline_id", &f.outline_id);
	ui_form_int(r, "movement_id", &f.movement_id);
	ui_form_int(r, "parent_id", &f.parent_id);
	f.require_approval = req_form(r, "require_approval") != NULL;
	posted_selection(r, &f.sel);
	return f;
}

void ui_campaigns_create(req *r, resp *w)
{
	struct issue_form f = posted_issue(r);
	const char *deadline = f.deadline_date && *f.deadline_date && f.deadline_time && *f.deadline_time
				       ? arena_printf(r->a, "%sT%s", f.deadline_date, f.deadline_time)
				       : f.deadline_date;
	struct campaign_input in = {f.title, f.document_no, f.document_date, f.period_from,
				    f.period_to, deadline, f.outline_id, f.movement_id,
				    f.parent_id, f.require_approval, f.sel};
	err e = {0};
	int64_t id = 0;
	if (campaign_issue(r->db, &r->who, &in, &id, &e) == 0) {
		ui_redirect_msg(r, w, arena_printf(r->a, "/campaigns/%lld", (long long)id), true,
				"Đã ban hành đợt báo cáo và gửi tới các đơn vị.");
		return;
	}
	if (e.code == E_NOTFOUND && f.parent_id) {
		ui_core_error(r, w, &e);
		return;
	}
	campaign parent;
	issue_page(r, w, &f, load_parent(r, f.parent_id, &parent), &e);
}

/* ---- one campaign ---- */

/* "2025-11-03" → "03/11/2025"; "…" when absent. */
static const char *date_vn(req *r, const char *iso)
{
	if (!iso || strlen(iso) != 10)
		return iso ? iso : "…";
	return arena_printf(r->a, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
}

static void campaign_facts(req *r, buf *b, const campaign *c)
{
	h_fmt(b, "<dl class=\"facts\"><dt>Đơn vị ban hành</dt><dd>%s</dd>", c->issuer_name);
	if (*c->document_no || c->document_date)
		h_fmt(b, "<dt>Văn bản</dt><dd>Số %s%S%s</dd>", *c->document_no ? c->document_no : "…",
		      c->document_date ? " ngày " : "", c->document_date ? date_vn(r, c->document_date) : "");
	h_fmt(b, "<dt>Đề cương</dt><dd>%s</dd>", c->outline_title);
	if (c->movement_title)
		h_fmt(b, "<dt>Phong trào</dt><dd><a href=\"/movements/%lld\">%s</a></dd>",
		      (long long)c->movement_id, c->movement_title);
	if (c->period_from || c->period_to)
		h_fmt(b, "<dt>Kỳ báo cáo</dt><dd>%s – %s</dd>", date_vn(r, c->period_from),
		      date_vn(r, c->period_to));
	h_fmt(b, "<dt>Hạn nộp</dt><dd id=\"deadline\">%s", deadline_str(r, c->deadline_at, c->deadline_date_only));
	int64_t left = deadline_days_left(c->deadline_at, now_unix());
	if (deadline_is_late(c->deadline_at, now_unix()))
		h_fmt(b, " <span class=\"days over\">đã quá hạn %lld ngày</span>", (long long)(left < 0 ? -left : 0));
	else
		h_fmt(b, " <span class=\"days\">còn %lld ngày</span>", (long long)left);
	h_fmt(b, "</dd><dt>Số đơn vị nhận</dt><dd>%lld</dd>", (long long)c->n_recipients);
	if (c->require_approval)
		h_raw(b, "<dt>Phê duyệt</dt><dd>Lãnh đạo đơn vị duyệt trước khi nộp</dd>");
	if (c->parent_campaign_id)
		h_fmt(b, "<dt>Chuyển tiếp từ</dt><dd><a href=\"/campaigns/%lld\">đợt báo cáo cấp trên</a>"
			 " · <a href=\"/reports/%lld\">báo cáo của đơn vị trong đợt đó</a></dd>",
		      (long long)c->parent_campaign_id, (long long)c->parent_report_id);
	h_raw(b, "</dl>");
}

/* One stacked bar: on time, late, missing; labels when a part is wide enough. */
static void chart(buf *b, const struct progress *p)
{
	const int64_t W = 600;
	int64_t total = p->expected ? p->expected : 1;
	int64_t parts[3] = {p->on_time, p->late, p->missing};
	static const char *const fills[] = {"#1d6b3a", "#c77700", "#b8c0c8"};
	static const char *const names[] = {"Đúng hạn", "Muộn", "Chưa nộp"};
	h_fmt(b, "<figure class=\"chart\"><svg viewBox=\"0 0 640 96\" width=\"640\" height=\"96\""
		 " role=\"img\" aria-label=\"Đúng hạn %lld, muộn %lld, chưa nộp %lld trên %lld đơn vị\">",
	      (long long)p->on_time, (long long)p->late, (long long)p->missing, (long long)p->expected);
	int64_t x = 20;
	for (int i = 0; i < 3; i++) {
		int64_t wpx = i == 2 ? 20 + W - x : parts[i] * W / total;
		if (wpx <= 0)
			continue;
		h_fmt(b, "<rect x=\"%lld\" y=\"8\" width=\"%lld\" height=\"34\" fill=\"%S\"><title>%S: %lld</title></rect>",
		      (long long)x, (long long)wpx, fills[i], names[i], (long long)parts[i]);
		if (wpx >= 36 && parts[i])
			h_fmt(b, "<text x=\"%lld\" y=\"31\" text-anchor=\"middle\" fill=\"%S\" font-size=\"14\">%lld%%</text>",
			      (long long)(x + wpx / 2), i == 2 ? "#1d2733" : "#fff",
			      (long long)((parts[i] * 100 + total / 2) / total));
		x += wpx;
	}
	for (int i = 0; i < 3; i++)
		h_fmt(b, "<rect x=\"%d\" y=\"62\" width=\"14\" height=\"14\" fill=\"%S\"/>"
			 "<text x=\"%d\" y=\"74\" font-size=\"14\" fill=\"#1d2733\">%S: %lld</text>",
		      20 + i * 200, fills[i], 40 + i * 200, names[i], (long long)parts[i]);
	h_raw(b, "</svg></figure>");
}

static void stats(buf *b, const struct progress *p)
{
	h_fmt(b, "<div class=\"stats\" id=\"stats\">"
		 "<div><span class=\"n\">%lld</span> phải nộp</div>"
		 "<div><span class=\"n\">%lld</span> đã nộp</div>"
		 "<div class=\"ok\"><span class=\"n\">%lld</span> đúng hạn</div>"
		 "<div class=\"warn\"><span class=\"n\">%lld</span> muộn</div>"
		 "<div class=\"miss\"><span class=\"n\">%lld</span> chưa nộp</div></div>",
	      (long long)p->expected, (long long)p->submitted, (long long)p->on_time, (long long)p->late,
	      (long long)p->missing);
}

static void filters(req *r, buf *b, int64_t id, const char *cur, const struct progress *p)
{
	static const char *const keys[] = {"", "missing", "submitted", "on_time", "late",
					   "returned", "accepted", "draft"};
	static const char *const labels[] = {"Tất cả", "Chưa nộp", "Đã nộp (chờ tiếp nhận)", "Đúng hạn",
					     "Muộn", "Bị trả lại", "Đã tiếp nhận", "Đang soạn"};
	h_raw(b, "<nav class=\"filters\" aria-label=\"Lọc theo trạng thái\">");
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		size_t n = 0;
		for (size_t k = 0; k < p->n; k++)
			n += progress_row_matches(&p->rows[k], keys[i]);
		bool on = strcmp(cur ? cur : "", keys[i]) == 0;
		h_fmt(b, "<a href=\"/campaigns/%lld%S%S#units\"%S>%S (%zu)</a>", (long long)id,
		      *keys[i] ? "?state=" : "", keys[i], on ? " aria-current=\"true\"" : "", labels[i], n);
	}
	h_raw(b, "</nav>");
	(void)r;
}

static void units_table(req *r, buf *b, const struct progress *p, const char *filter)
{
	h_raw(b, "<table class=\"data\" id=\"units\"><thead><tr><th class=\"num\">STT</th><th>Đơn vị</th>"
		 "<th>Trạng thái</th><th>Nộp lúc</th><th>Đúng hạn</th><th>Nhắc nhở</th><th></th>"
		 "</tr></thead><tbody>");
	size_t k = 0;
	for (size_t i = 0; i < p->n; i++) {
		const struct progress_row *u = &p->rows[i];
		if (!progress_row_matches(u, filter))
			continue;
		h_fmt(b, "<tr data-state=\"%S\"><td class=\"num\">%zu</td><td>%s<br><span class=\"hint\">%s</span></td><td>",
		      report_state_name(u->state), ++k, u->unit_name, u->parent_name);
		state_badge(b, u->state);
		h_fmt(b, "</td><td class=\"nowrap\">%s", when(r, u->first_submitted_at));
		if (u->submitted_at && u->submitted_at != u->first_submitted_at)
			h_fmt(b, "<br><span class=\"hint\">nộp lại %s</span>", when(r, u->submitted_at));
		h_fmt(b, "</td><td>%S</td><td class=\"nowrap\">%s</td>"
			 "<td><a href=\"/reports/%lld\">Xem báo cáo</a></td></tr>",
		      u->late == 1 ? "<span class=\"late\">Muộn</span>" : u->late == 0 ? "Đúng hạn" : "—",
		      u->reminded_at ? when(r, u->reminded_at) : "", (long long)u->report_id);
	}
	h_raw(b, "</tbody></table>");
	if (k == 0)
		h_raw(b, "<p class=\"empty\">Không có đơn vị nào ở trạng thái này.</p>");
}

static void remind_panel(req *r, resp *w, const campaign *c, const struct progress *p)
{
	buf *b = &w->body;
	h_raw(b, "<section class=\"panel\" id=\"reminders\"><h2>Nhắc nhở</h2>");
	if (p->missing == 0) {
		h_raw(b, "<p>Tất cả đơn vị đã nộp báo cáo.</p></section>");
		return;
	}
	int64_t left = deadline_days_left(c->deadline_at, now_unix());
	bool over = deadline_is_late(c->deadline_at, now_unix());
	h_fmt(b, "<p>Còn <strong>%lld</strong> đơn vị chưa nộp (đang soạn hoặc bị trả lại); %S%lld%S.</p>",
	      (long long)p->missing, over ? "đã quá hạn " : "còn ", (long long)(over ? (left < 0 ? -left : 0) : left),
	      " ngày");
	h_fmt(b, "<form method=\"post\" action=\"/campaigns/%lld/remind\">", (long long)c->id);
	ui_csrf(r, w);
	h_fmt(b, "<button type=\"submit\" id=\"remind\">Gửi thông báo nhắc %lld đơn vị chưa nộp</button>"
		 "</form><p class=\"hint\">Danh sách đơn vị chưa nộp: <a href=\"/campaigns/%lld?state=missing#units\">"
		 "lọc “Chưa nộp”</a>.</p></section>",
	      (long long)p->missing, (long long)c->id);
}

static void add_recipients_panel(req *r, resp *w, const campaign *c)
{
	buf *b = &w->body;
	h_fmt(b, "<details class=\"panel\" id=\"add-recipients\"><summary>Thêm đơn vị nhận</summary>"
		 "<form method=\"post\" action=\"/campaigns/%lld/recipients\">",
	      (long long)c->id);
	ui_csrf(r, w);
	struct recipient_sel none = {0};
	picker(r, b, &none);
	h_raw(b, "<button type=\"submit\">Thêm và gửi tới các đơn vị này</button></form></details>");
}

static void children_panel(req *r, buf *b, const campaign *c)
{
	campaign_row *v;
	size_t n;
	err e;
	if (campaign_children(r->db, r->a, &r->who, c->id, &v, &n, &e) || n == 0)
		return;
	h_fmt(b, "<h2>Đơn vị cấp dưới chuyển tiếp (%zu)</h2>", n);
	campaigns_table(r, b, v, n);
}

/* What a recipient (or a unit above recipients) sees. */
static void recipient_side(req *r, buf *b, const campaign *c)
{
	if (c->my_report_id) {
		h_fmt(b, "<p><a class=\"button\" href=\"/reports/%lld\" id=\"my-report\">Báo cáo của đơn vị</a>",
		      (long long)c->my_report_id);
		if (may_issue(r))
			h_fmt(b, " <a class=\"button secondary\" href=\"/campaigns/new?parent=%lld\" id=\"forward\">"
				 "Chuyển tiếp cho đơn vị cấp dưới</a>",
			      (long long)c->id);
		h_raw(b, "</p>");
	}
	report *v;
	size_t n;
	err e;
	if (reports_list(r->db, r->a, &r->who, c->id, &v, &n, &e) || n <= (c->my_report_id ? 1u : 0u))
		return;
	h_raw(b, "<h2>Báo cáo của các đơn vị cấp dưới</h2><table class=\"data\"><thead><tr><th>Đơn vị</th>"
		 "<th>Trạng thái</th><th></th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		if (v[i].id == c->my_report_id)
			continue;
		h_fmt(b, "<tr><td>%s</td><td>", v[i].unit_name);
		state_badge(b, v[i].state);
		h_fmt(b, "</td><td><a href=\"/reports/%lld\">Xem báo cáo</a></td></tr>", (long long)v[i].id);
	}
	h_raw(b, "</tbody></table>");
}

void ui_campaign_page(req *r, resp *w)
{
	campaign c;
	struct progress p = {0};
	err e = {0};
	if (campaign_get(r->db, r->a, &r->who, r->id[0], &c, &e) ||
	    (c.issuer_side && campaign_progress(r->db, r->a, &r->who, c.id, &p, &e))) {
		ui_core_error(r, w, &e);
		return;
	}
	const char *filter = req_query(r, "state");
	if (!progress_filter_valid(filter))
		filter = NULL;
	ui_begin(r, w, c.title, c.issuer_side ? "campaigns" : "inbox");
	buf *b = &w->body;
	h_fmt(b, "<p class=\"back\"><a href=\"%S\">← %S</a></p><h1>%s</h1>",
	      c.issuer_side ? "/campaigns" : "/inbox", c.issuer_side ? "Đợt báo cáo" : "Báo cáo của đơn vị",
	      c.title);
	campaign_facts(r, b, &c);
	if (!c.issuer_side) {
		recipient_side(r, b, &c);
		ui_end(r, w);
		return;
	}
	h_raw(b, "<h2>Tiến độ</h2>");
	stats(b, &p);
	chart(b, &p);
	if (c.may_manage)
		remind_panel(r, w, &c, &p);
	h_raw(b, "<h2>Các đơn vị</h2>");
	filters(r, b, c.id, filter, &p);
	units_table(r, b, &p, filter);
	if (c.may_manage)
		add_recipients_panel(r, w, &c);
	children_panel(r, b, &c);
	ui_end(r, w);
}

void ui_campaign_add_recipients(req *r, resp *w)
{
	struct recipient_sel sel;
	posted_selection(r, &sel);
	int64_t added = 0;
	err e = {0};
	const char *path = arena_printf(r->a, "/campaigns/%lld", (long long)r->id[0]);
	int rc = campaign_add_recipients(r->db, &r->who, r->id[0], &sel, &added, &e);
	if (rc == E_NOTFOUND) {
		ui_core_error(r, w, &e);
		return;
	}
	ui_redirect_msg(r, w, path, rc == 0,
			rc ? ui_err_text(&e)
			   : added ? arena_printf(r->a, "Đã gửi đợt báo cáo tới %lld đơn vị mới.", (long long)added)
				   : "Các đơn vị được chọn đều đã nhận đợt báo cáo này.");
}

void ui_campaign_remind(req *r, resp *w)
{
	int64_t sent = 0;
	err e = {0};
	int rc = campaign_remind(r->db, &r->who, r->id[0], &sent, &e);
	if (rc == E_NOTFOUND) {
		ui_core_error(r, w, &e);
		return;
	}
	ui_redirect_msg(r, w, arena_printf(r->a, "/campaigns/%lld", (long long)r->id[0]), rc == 0,
			rc ? ui_err_text(&e)
			   : arena_printf(r->a, "Đã gửi thông báo nhắc tới %lld đơn vị chưa nộp.", (long long)sent));
}
