/*
 * ui_award_stats.c — the catalogue of award forms (admins add and edit
 * entries) and the statistics page: by-keys, years, unit, movement and
 * period groups chosen in a form, answered by a table, a bar chart drawn
 * here as SVG (every label escaped), and a link to the same figures as XLSX.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/award_counts.h"
#include "core/award_rules.h"
#include "text/text.h"
#include "web/api.h"
#include "web/ui_awards.h"

/* ---- the catalogue ---- */

static void form_fields(req *r, resp *w, const award_form *f, bool creating)
{
	buf *b = &w->body;
	static const char *const kinds[] = {"order", "medal", "honor_title", "certificate",
					    "emulation_title", "flag", "other"};
	static const char *const levels[] = {"state", "government", "ministry_province", "district",
					     "commune", "agency", "enterprise"};
	static const char *const rows[] = {"huan_chuong", "bang_khen_ttg", "bang_khen_bo_tinh",
					   "giay_khen", "co_thi_dua", "chien_si_thi_dua", "khac"};
	bool identity = creating || !f->builtin;
	if (creating)
		h_raw(b, "<label>Mã (chữ không dấu) <input name=\"code\" required maxlength=\"64\"></label>");
	h_fmt(b, "<label class=\"wide\">Tên hình thức <input name=\"name\" required maxlength=\"300\" value=\"%s\"></label>",
	      f->name ? f->name : "");
	if (identity) {
		h_raw(b, "<div><label for=\"f-kind\">Loại</label><select name=\"kind\" id=\"f-kind\">");
		for (size_t i = 0; i < 7; i++)
			h_fmt(b, "<option value=\"%s\"%S>%s</option>", kinds[i],
			      f->kind && !strcmp(f->kind, kinds[i]) ? " selected" : "", award_kind_label(kinds[i]));
		h_raw(b, "</select></div><div><label for=\"f-level\">Cấp quyết định</label>"
			 "<select name=\"authority\" id=\"f-level\">");
		for (size_t i = 0; i < 7; i++)
			h_fmt(b, "<option value=\"%s\"%S>%s</option>", levels[i],
			      f->authority && !strcmp(f->authority, levels[i]) ? " selected" : "",
			      award_authority_label(levels[i]));
		h_raw(b, "</select></div><fieldset class=\"types\"><legend>Đối tượng được tặng</legend>");
		static const char *const types[] = {"collective", "household", "individual"};
		for (size_t i = 0; i < 3; i++)
			h_fmt(b, "<label class=\"check\"><input type=\"checkbox\" name=\"type_%s\" value=\"1\"%S> %s</label>",
			      types[i], f->recipient_types && award_form_allows_type(f, types[i]) ? " checked" : "",
			      award_type_label(types[i]));
		h_raw(b, "</fieldset><div><label for=\"f-row\">Dòng biểu tổng hợp</label>"
			 "<select name=\"report_row\" id=\"f-row\">");
		for (size_t i = 0; i < 7; i++)
			h_fmt(b, "<option value=\"%s\"%S>%s</option>", rows[i],
			      f->report_row && !strcmp(f->report_row, rows[i]) ? " selected" : "",
			      award_report_row_label(rows[i]));
		h_raw(b, "</select></div>");
	}
	h_fmt(b, "<label>Áp dụng từ ngày <input type=\"date\" name=\"valid_from\" value=\"%s\"></label>"
		 "<label>Đến ngày <input type=\"date\" name=\"valid_to\" value=\"%s\"></label>"
		 "<label>Thứ tự <input type=\"number\" name=\"position\" value=\"%d\"></label>"
		 "<label class=\"wide\">Tên gọi khác (mỗi dòng một tên) <textarea name=\"aliases\" rows=\"3\">",
	      f->valid_from ? f->valid_from : "", f->valid_to ? f->valid_to : "", f->position);
	for (const char *p = f->aliases ? f->aliases : ""; *p; p++) {
		char one[2] = {*p == '|' ? '\n' : *p, 0};
		h_txt(b, one);
	}
	h_raw(b, "</textarea></label>");
}

static void catalogue_page(req *r, resp *w, const char *edit, const err *e)
{
	award_form *v;
	size_t n;
	err le = {0};
	if (award_forms_list(r->db, r->a, NULL, &v, &n, &le)) {
		ui_core_error(r, w, &le);
		return;
	}
	ui_begin(r, w, "Danh mục hình thức khen thưởng", "awards");
	buf *b = &w->body;
	h_raw(b, "<h1>Danh mục danh hiệu thi đua, hình thức khen thưởng</h1>");
	ui_awards_tabs(r, w, "/award-forms");
	if (e && e->code)
		ui_flash_msg(r, w, false, ui_err_text(e));
	h_raw(b, "<p class=\"hint\">Theo Luật Thi đua, khen thưởng 2022 và Nghị định 152/2025/NĐ-CP"
		 " (hiệu lực từ 01/7/2025). Giấy khen của Chủ tịch UBND cấp huyện chỉ áp dụng cho quyết định"
		 " đến 30/6/2025.</p>");
	const award_form *editing = NULL;
	for (size_t i = 0; edit && i < n; i++)
		if (!strcmp(v[i].code, edit))
			editing = &v[i];
	if (r->who.role == ROLE_ADMIN && editing) {
		h_fmt(b, "<section class=\"panel\" id=\"edit\"><h2>Sửa “%s”</h2>"
			 "<form method=\"post\" action=\"/award-forms/edit\" class=\"grid\">",
		      editing->name);
		ui_csrf(r, w);
		h_fmt(b, "<input type=\"hidden\" name=\"code\" value=\"%s\">", editing->code);
		form_fields(r, w, editing, false);
		h_raw(b, "<button type=\"submit\">Lưu thay đổi</button></form></section>");
	}
	h_raw(b, "<table class=\"data\" id=\"forms\"><thead><tr><th>Mã</th><th>Tên</th><th>Loại</th>"
		 "<th>Đối tượng</th><th>Áp dụng</th><th>Dòng biểu</th></tr></thead><tbody>");
	const char *group = NULL;
	for (size_t i = 0; i < n; i++) {
		const award_form *f = &v[i];
		/* grouped by who decides: the catalogue's order follows it */
		if (!group || strcmp(group, f->authority)) {
			h_fmt(b, "<tr class=\"group\"><th colspan=\"6\">%s quyết định</th></tr>",
			      award_authority_label(f->authority));
			group = f->authority;
		}
		buf types = BUF_INIT;
		static const char *const codes[] = {"collective", "household", "individual"};
		for (size_t k = 0; k < 3; k++)
			if (award_form_allows_type(f, codes[k]))
				buf_printf(&types, "%s%s", types.len ? ", " : "", award_type_label(codes[k]));
		const char *when = f->valid_from && f->valid_to ? arena_printf(r->a, "%s – %s", f->valid_from, f->valid_to)
				   : f->valid_to			 ? arena_printf(r->a, "đến %s", f->valid_to)
				   : f->valid_from			 ? arena_printf(r->a, "từ %s", f->valid_from)
									 : "";
		h_fmt(b, "<tr><td class=\"code\">%s</td><td>%s", f->code, f->name);
		if (r->who.role == ROLE_ADMIN)
			h_fmt(b, " <a class=\"small\" href=\"/award-forms?edit=%s#edit\">sửa</a>", f->code);
		h_fmt(b, "</td><td>%s</td><td>%s</td><td class=\"nowrap\">%s</td><td>%s</td></tr>",
		      award_kind_label(f->kind), buf_cstr(&types), when,
		      award_report_row_label(f->report_row));
		buf_free(&types);
	}
	h_raw(b, "</tbody></table>");
	if (r->who.role == ROLE_ADMIN) {
		award_form blank = {.kind = "certificate", .authority = "agency", .report_row = "khac",
				    .recipient_types = "collective,individual", .aliases = "", .position = 0};
		h_raw(b, "<section class=\"panel\" id=\"create\"><h2>Bổ sung hình thức</h2>"
			 "<form method=\"post\" action=\"/award-forms\" class=\"grid\">");
		ui_csrf(r, w);
		form_fields(r, w, &blank, true);
		h_raw(b, "<button type=\"submit\">Bổ sung</button></form></section>");
	}
	ui_end(r, w);
}

void ui_award_forms(req *r, resp *w)
{
	catalogue_page(r, w, req_query(r, "edit"), NULL);
}

/* The form's fields as a catalogue input; `identity` reads kind, level,
 * types and report row too. */
static void read_form(req *r, struct award_form_input *in, bool identity)
{
	memset(in, 0, sizeof *in);
	in->code = req_form(r, "code");
	in->name = req_form(r, "name");
	in->valid_from = req_form(r, "valid_from");
	in->valid_to = req_form(r, "valid_to");
	in->aliases = req_form(r, "aliases");
	in->position = -1;
	int64_t pos;
	if (ui_form_int(r, "position", &pos) == 0 && pos >= 0)
		in->position = pos;
	if (!identity)
		return;
	in->kind = req_form(r, "kind");
	in->authority = req_form(r, "authority");
	in->report_row = req_form(r, "report_row");
	buf t = BUF_INIT;
	static const char *const codes[] = {"collective", "household", "individual"};
	for (size_t k = 0; k < 3; k++) {
		char name[32];
		snprintf(name, sizeof name, "type_%s", codes[k]);
		if (req_form(r, name))
			buf_printf(&t, "%s%s", t.len ? "," : "", codes[k]);
	}
	in->recipient_types = arena_strdup(r->a, buf_cstr(&t));
	buf_free(&t);
}

void ui_award_forms_create(req *r, resp *w)
{
	struct award_form_input in;
	read_form(r, &in, true);
	err e = {0};
	if (award_form_create(r->db, &r->who, &in, &e) == 0) {
		ui_redirect_msg(r, w, "/award-forms", true, "Đã bổ sung hình thức khen thưởng.");
		return;
	}
	catalogue_page(r, w, NULL, &e);
	w->status = ui_status_of(&e);
}

void ui_award_forms_update(req *r, resp *w)
{
	const char *code = req_form(r, "code");
	err e = {0};
	award_form f;
	if (award_form_get(r->db, r->a, code, &f, &e)) {
		ui_core_error(r, w, &e);
		return;
	}
	struct award_form_input in;
	read_form(r, &in, !f.builtin);
	in.code = NULL;
	if (award_form_update(r->db, &r->who, code, &in, &e) == 0) {
		ui_redirect_msg(r, w, "/award-forms", true, "Đã lưu hình thức khen thưởng.");
		return;
	}
	catalogue_page(r, w, code, &e);
	w->status = ui_status_of(&e);
}

/* ---- statistics ---- */

static const char *const key_labels[AK_COUNT] = {"Hình thức khen thưởng", "Đối tượng", "Năm",
						 "Đơn vị", "Phong trào thi đua", "Giai đoạn"};

/* The question as the page's form asks it: a checkbox per key (by_form …)
 * or a `by` list as the API takes it, then the API's other parameters. */
static int page_query(req *r, struct award_stats_query *q, bool *asked, err *e)
{
	const char *by = req_query(r, "by");
	buf keys = BUF_INIT;
	static const char *const names[] = {"form", "recipient_type", "year", "unit", "movement"};
	*asked = by != NULL;
	for (size_t i = 0; i < 5; i++) {
		char name[32];
		snprintf(name, sizeof name, "by_%s", names[i]);
		if (req_query(r, name)) {
			buf_printf(&keys, "%s%s", keys.len ? "," : "", names[i]);
			*asked = true;
		}
	}
	int rc = award_stats_from_query(r, q, e);
	if (rc == 0 && keys.len) {
		struct award_stats_query k = {0};
		rc = award_stats_parse_by(buf_cstr(&keys), &k, e);
		/* the checkboxes first, then the period key the periods added */
		for (size_t i = 0; rc == 0 && i < q->n_keys; i++)
			if (q->keys[i] == AK_PERIOD)
				k.keys[k.n_keys++] = AK_PERIOD;
		memcpy(q->keys, k.keys, sizeof k.keys);
		q->n_keys = k.n_keys;
	}
	if (!*asked && rc == 0) /* the first visit: a useful default */
		rc = award_stats_parse_by("form,recipient_type", q, e);
	buf_free(&keys);
	return rc;
}

static bool asked_for(const struct award_stats_query *q, enum award_key k)
{
	for (size_t i = 0; i < q->n_keys; i++)
		if (q->keys[i] == k)
			return true;
	return false;
}

static void stats_form(req *r, resp *w, const struct award_stats_query *q)
{
	buf *b = &w->body;
	h_raw(b, "<form method=\"get\" action=\"/awards/stats\" class=\"grid panel\" id=\"stats-form\">"
		 "<fieldset class=\"wide keys\"><legend>Thống kê theo</legend>");
	static const char *const names[] = {"form", "recipient_type", "year", "unit", "movement"};
	for (size_t i = 0; i < 5; i++)
		h_fmt(b, "<label class=\"check\"><input type=\"checkbox\" name=\"by_%s\" value=\"1\"%S> %s</label>",
		      names[i], asked_for(q, (enum award_key)i) ? " checked" : "", key_labels[i]);
	h_fmt(b, "</fieldset><label>Từ năm <input type=\"number\" name=\"from\" min=\"1945\" max=\"2100\" value=\"%s\"></label>"
		 "<label>Đến năm <input type=\"number\" name=\"to\" min=\"1945\" max=\"2100\" value=\"%s\"></label>",
	      q->from ? arena_printf(r->a, "%d", q->from) : "", q->to ? arena_printf(r->a, "%d", q->to) : "");
	buf periods = BUF_INIT;
	for (size_t i = 0; i < q->n_periods; i++)
		buf_printf(&periods, "%s%d-%d", i ? "," : "", q->periods[i].from, q->periods[i].to);
	h_fmt(b, "<label>Giai đoạn so sánh <input name=\"period\" value=\"%s\" placeholder=\"2011-2015,2016-2020\"></label>",
	      buf_cstr(&periods));
	buf_free(&periods);
	h_raw(b, "<div><label for=\"s-unit\">Đơn vị (cả đơn vị cấp dưới)</label>");
	ui_unit_select(r, w, "unit", "s-unit", q->unit_id ? q->unit_id : r->who.unit_id, NULL);
	h_raw(b, "</div><div><label for=\"s-movement\">Phong trào thi đua</label>");
	ui_movement_select(r, w, "movement", "s-movement", q->movement_id, "Tất cả");
	h_raw(b, "</div><div><label for=\"s-form\">Chỉ tính hình thức</label>");
	ui_form_select(r, w, "form", "s-form", q->form, "Tất cả");
	h_raw(b, "</div><button type=\"submit\">Thống kê</button></form>");
}

/* The first `max` code points of s (arena), with "…" when cut. */
static const char *clip(arena *ar, const char *s, size_t max)
{
	if (text_length(s) <= max)
		return s;
	size_t cut = 0;
	for (size_t cps = 0; s[cut] && cps + 1 < max; cps++) {
		cut++;
		while ((s[cut] & 0xC0) == 0x80)
			cut++;
	}
	return arena_printf(ar, "%.*s…", (int)cut, s);
}

/* The label of a row's keys other than the period: "Bằng khen … · Cá
 * nhân". With `max` > 0 the first part is shortened so that the whole
 * fits and the parts that tell rows apart stay whole. */
static const char *group_label(arena *ar, const struct award_stats_query *q,
			       const struct award_stat_row *s, size_t max)
{
	const char *first = NULL;
	buf rest = BUF_INIT;
	for (size_t k = 0; k < q->n_keys; k++) {
		if (q->keys[k] == AK_PERIOD)
			continue;
		const char *cell = award_stat_cell(ar, q, s, q->keys[k]);
		if (!first)
			first = cell;
		else
			buf_printf(&rest, " · %s", cell);
	}
	if (!first)
		first = "Tổng số";
	size_t rest_len = text_length(buf_cstr(&rest));
	if (max && rest_len + 8 < max)
		first = clip(ar, first, max - rest_len);
	const char *out = arena_printf(ar, "%s%s", first, buf_cstr(&rest));
	if (max)
		out = clip(ar, out, max);
	buf_free(&rest);
	return out;
}

#define CHART_MAX_GROUPS 40

/* A horizontal bar chart: one group of bars per combination of the keys,
 * one bar per period (side by side, coloured, with a legend). */
static void stats_chart(req *r, buf *b, const struct award_stats_query *q,
			const struct award_stat_row *v, size_t n)
{
	static const char *const colours[] = {"#a31f24", "#0b4f8a", "#1d6b3a", "#c77700",
					      "#6a3d9a", "#3f7f7f", "#8c564b", "#555555"};
	size_t series = q->n_periods ? q->n_periods : 1;
	/* groups in row order; rows of one group are neighbours unless the
	 * period key comes first, so look groups up by label */
	const char **labels = arena_alloc(r->a, (n ? n : 1) * sizeof *labels);
	const char **shown = arena_alloc(r->a, (n ? n : 1) * sizeof *shown);
	int64_t *values = arena_alloc(r->a, (n ? n : 1) * series * sizeof *values);
	size_t groups = 0;
	int64_t max = 1;
	for (size_t i = 0; i < n; i++) {
		const char *label = group_label(r->a, q, &v[i], 0);
		size_t g = 0;
		while (g < groups && strcmp(labels[g], label))
			g++;
		if (g == groups) {
			if (groups == CHART_MAX_GROUPS)
				continue;
			shown[groups] = group_label(r->a, q, &v[i], 48);
			labels[groups++] = label;
		}
		size_t s = q->n_periods ? (size_t)v[i].period : 0;
		values[g * series + s] += v[i].count;
		if (values[g * series + s] > max)
			max = values[g * series + s];
	}
	if (groups == 0)
		return;
	const int width = 900, label_w = 330, bar_h = 16, gap = 10, top = q->n_periods ? 34 : 8;
	const int plot_w = width - label_w - 70;
	int height = top + (int)groups * ((int)series * bar_h + gap) + 10;
	h_fmt(b, "<figure class=\"chart\"><svg id=\"stats-chart\" xmlns=\"http://www.w3.org/2000/svg\""
		 " viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" aria-label=\"Biểu đồ số lượng khen thưởng\""
		 " font-family=\"Liberation Sans, Arial, sans-serif\" font-size=\"13\">",
	      width, height);
	for (size_t s = 0; q->n_periods && s < series; s++)
		h_fmt(b, "<rect x=\"%d\" y=\"8\" width=\"14\" height=\"14\" fill=\"%S\"/>"
			 "<text x=\"%d\" y=\"20\">%s</text>",
		      label_w + (int)s * 130, colours[s % 8], label_w + (int)s * 130 + 20,
		      award_period_label(r->a, &q->periods[s]));
	for (size_t g = 0; g < groups; g++) {
		int y = top + (int)g * ((int)series * bar_h + gap);
		/* long labels are cut to fit; the title and the table have them whole */
		h_fmt(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s<title>%s</title></text>", label_w - 8,
		      y + (int)series * bar_h / 2 + 5, shown[g], labels[g]);
		for (size_t s = 0; s < series; s++) {
			int64_t val = values[g * series + s];
			int len = (int)(val * plot_w / max);
			if (val && len < 1)
				len = 1;
			if (!val) /* an empty period draws nothing rather than a "0" */
				continue;
			h_fmt(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%S\"/>"
				 "<text x=\"%d\" y=\"%d\" fill=\"#1d2733\">%lld</text>",
			      label_w, y + (int)s * bar_h, len, bar_h - 2, colours[s % 8],
			      label_w + len + 4, y + (int)s * bar_h + bar_h - 4, (long long)val);
		}
	}
	h_raw(b, "</svg>");
	if (n && groups == CHART_MAX_GROUPS)
		h_fmt(b, "<figcaption class=\"hint\">Biểu đồ vẽ %d nhóm đầu; bảng dưới có đủ.</figcaption>",
		      CHART_MAX_GROUPS);
	h_raw(b, "</figure>");
}

static void stats_table(req *r, buf *b, const struct award_stats_query *q,
			const struct award_stat_row *v, size_t n)
{
	h_raw(b, "<table class=\"data\" id=\"stats-table\"><thead><tr>");
	for (size_t k = 0; k < q->n_keys; k++)
		h_fmt(b, "<th>%s</th>", key_labels[q->keys[k]]);
	h_raw(b, "<th class=\"num\">Số lượng</th></tr></thead><tbody>");
	int64_t total = 0;
	for (size_t i = 0; i < n; i++) {
		h_raw(b, "<tr>");
		for (size_t k = 0; k < q->n_keys; k++)
			h_fmt(b, "<td%S>%s</td>", q->keys[k] == AK_YEAR ? " class=\"num\"" : "",
			      award_stat_cell(r->a, q, &v[i], q->keys[k]));
		h_fmt(b, "<td class=\"num\">%lld</td></tr>", (long long)v[i].count);
		total += v[i].count;
	}
	h_fmt(b, "</tbody><tfoot><tr><th colspan=\"%zu\">Tổng cộng</th><th class=\"num\">%lld</th></tr>"
		 "</tfoot></table>",
	      q->n_keys ? q->n_keys : 1, (long long)total);
}

/* The page's question as API parameters, for the XLSX link. */
static const char *api_query(req *r, const struct award_stats_query *q)
{
	buf b = BUF_INIT;
	buf_puts(&b, "by=");
	for (size_t k = 0, first = 1; k < q->n_keys; k++)
		if (q->keys[k] != AK_PERIOD) {
			buf_printf(&b, "%s%s", first ? "" : ",", award_key_name(q->keys[k]));
			first = 0;
		}
	if (q->from)
		buf_printf(&b, "&from=%d", q->from);
	if (q->to)
		buf_printf(&b, "&to=%d", q->to);
	buf_printf(&b, "&unit=%lld", (long long)(q->unit_id ? q->unit_id : r->who.unit_id));
	if (q->movement_id)
		buf_printf(&b, "&movement=%lld", (long long)q->movement_id);
	if (q->form) {
		buf_puts(&b, "&form=");
		h_url(&b, q->form);
	}
	for (size_t i = 0; i < q->n_periods; i++)
		buf_printf(&b, "%s%d-%d", i ? "," : "&period=", q->periods[i].from, q->periods[i].to);
	const char *out = arena_strdup(r->a, buf_cstr(&b));
	buf_free(&b);
	return out;
}

void ui_awards_stats(req *r, resp *w)
{
	struct award_stats_query q;
	err e = {0};
	bool asked;
	struct award_stat_row *v = NULL;
	size_t n = 0;
	int rc = page_query(r, &q, &asked, &e);
	if (rc == 0)
		rc = award_stats(r->db, r->a, &r->who, &q, &v, &n, &e);
	if (rc == E_NOTFOUND) {
		ui_core_error(r, w, &e);
		return;
	}
	ui_begin(r, w, "Thống kê khen thưởng", "awards");
	buf *b = &w->body;
	h_raw(b, "<h1>Thống kê khen thưởng</h1>");
	ui_awards_tabs(r, w, "/awards/stats");
	stats_form(r, w, &q);
	if (rc) {
		ui_flash_msg(r, w, false, ui_err_text(&e));
		w->status = 400;
		ui_end(r, w);
		w->status = 400;
		return;
	}
	h_raw(b, "<p class=\"hint\">Đếm các khen thưởng của người, tập thể thuộc đơn vị đã chọn và các đơn vị"
		 " cấp dưới (người ngoài hệ thống tính theo đơn vị ban hành quyết định).</p>");
	h_fmt(b, "<p><a class=\"button\" id=\"stats-xlsx\" href=\"/api/v1/awards/stats.xlsx?%s\">Tải bảng Excel (.xlsx)</a></p>",
	      api_query(r, &q));
	if (n == 0) {
		h_raw(b, "<p class=\"empty\">Không có khen thưởng nào khớp.</p>");
	} else {
		stats_chart(r, b, &q, v, n);
		stats_table(r, b, &q, v, n);
	}
	ui_end(r, w);
}
