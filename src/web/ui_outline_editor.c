/*
 * ui_outline_editor.c — the outline editor, usable without JavaScript.
 *
 * One form lists every item as a row (depth, label, title, guidance, what
 * it asks for, its figure table). Row actions are submit buttons named
 * "op" with values such as "indent:5": the server reads the posted rows,
 * applies the action and shows the form again, unsaved, until the officer
 * presses "Lưu đề cương" (op "save"). The form carries the version it was
 * opened at, so a save after someone else's is refused (409) and the rows
 * typed stay on the page.
 *
 * Rows are posted as it.<index>.<field>: id (kept items), rep (repeat_of),
 * depth, label, title, guid, ask (repeated checkbox), table.
 */
#include "web/ui.h"

#include <stdlib.h>
#include <string.h>

#include "core/outlines.h"
#include "outline/outline.h"

struct erow {
	int64_t id, repeat_of, table_id;
	int depth;
	const char *label, *title, *guidance;
	unsigned asks;
};

struct editor {
	struct erow *v;
	size_t n, cap;
	int64_t version;
	const char *title;
	int focus; /* the row to give the focus to after an action, or -1 */
};

static const char *edit_path(req *r, int64_t id)
{
	return arena_printf(r->a, "/outlines/%lld/edit", (long long)id);
}

/* ---- the rows: from the store, from the form ---- */

static void editor_reserve(req *r, struct editor *ed, size_t n)
{
	if (n <= ed->cap)
		return;
	size_t cap = n + 8;
	struct erow *v = arena_alloc(r->a, cap * sizeof *v);
	if (ed->n)
		memcpy(v, ed->v, ed->n * sizeof *v);
	ed->v = v;
	ed->cap = cap;
}

static void editor_from_stored(req *r, const stored_outline *o, struct editor *ed)
{
	memset(ed, 0, sizeof *ed);
	editor_reserve(r, ed, o->n_items);
	for (size_t i = 0; i < o->n_items; i++) {
		const stored_item *it = &o->items[i];
		ed->v[i] = (struct erow){it->id,    it->repeat_of, it->table_id, it->depth,
					 it->label, it->title,     it->guidance, it->asks};
	}
	ed->n = o->n_items;
	ed->version = o->version;
	ed->title = o->title;
	ed->focus = -1;
}

static int64_t id_value(const char *s)
{
	int64_t v = 0;
	return s && *s && parse_i64(s, &v) == 0 && v > 0 ? v : 0;
}

/* One posted field "it.<i>.<key>" into its row. */
static void editor_field(struct editor *ed, const form_field *f)
{
	char *end;
	long i = strtol(f->name + 3, &end, 10);
	if (end == f->name + 3 || *end != '.' || i < 0 || (size_t)i >= ed->n)
		return;
	struct erow *row = &ed->v[i];
	const char *key = end + 1;
	if (strcmp(key, "id") == 0)
		row->id = id_value(f->value);
	else if (strcmp(key, "rep") == 0)
		row->repeat_of = id_value(f->value);
	else if (strcmp(key, "table") == 0)
		row->table_id = id_value(f->value);
	else if (strcmp(key, "depth") == 0)
		row->depth = (int)(id_value(f->value) <= 1000 ? id_value(f->value) : 0);
	else if (strcmp(key, "label") == 0)
		row->label = f->value;
	else if (strcmp(key, "title") == 0)
		row->title = f->value;
	else if (strcmp(key, "guid") == 0)
		row->guidance = f->value;
	else if (strcmp(key, "ask") == 0 && outline_ask_bit(f->value) > 0)
		row->asks |= (unsigned)outline_ask_bit(f->value);
}

/* The rows as posted, in one pass over the form (an outline may have
 * thousands of fields). */
static int editor_from_form(req *r, struct editor *ed, err *e)
{
	int64_t n = 0;
	memset(ed, 0, sizeof *ed);
	ed->focus = -1;
	ed->title = req_form(r, "title");
	if (ui_form_int(r, "version", &ed->version) != 0 || ed->version < 1)
		return err_set(e, E_INVAL, "Thiếu phiên bản của đề cương đang sửa; hãy mở lại trang sửa");
	if (ui_form_int(r, "n", &n) < 0 || n < 0 || n > OUTLINE_STORE_MAX_ITEMS)
		return err_set(e, E_INVAL, "Số mục gửi lên không hợp lệ");
	editor_reserve(r, ed, (size_t)n);
	ed->n = (size_t)n;
	for (size_t i = 0; i < ed->n; i++)
		ed->v[i] = (struct erow){0, 0, 0, 0, "", "", "", 0};
	for (size_t k = 0; k < r->n_form; k++)
		if (strncmp(r->form[k].name, "it.", 3) == 0)
			editor_field(ed, &r->form[k]);
	return 0;
}

/* ---- row actions ---- */

/* One past the last descendant of row i. */
static size_t subtree_end(const struct editor *ed, size_t i)
{
	size_t j = i + 1;
	while (j < ed->n && ed->v[j].depth > ed->v[i].depth)
		j++;
	return j;
}

/* Moves rows [a, b) to start at `to` (to < a), keeping their order. */
static void move_block(req *r, struct editor *ed, size_t to, size_t a, size_t b)
{
	size_t len = b - a;
	struct erow *tmp = arena_alloc(r->a, (len ? len : 1) * sizeof *tmp);
	memcpy(tmp, ed->v + a, len * sizeof *tmp);
	memmove(ed->v + to + len, ed->v + to, (a - to) * sizeof *tmp);
	memcpy(ed->v + to, tmp, len * sizeof *tmp);
}

static void shift_depth(struct editor *ed, size_t a, size_t b, int delta)
{
	for (size_t k = a; k < b; k++)
		ed->v[k].depth += delta;
}

static bool fits_depth(const struct editor *ed, size_t a, size_t b, int delta)
{
	for (size_t k = a; k < b; k++)
		if (ed->v[k].depth + delta > OUTLINE_STORE_MAX_DEPTH || ed->v[k].depth + delta < 1)
			return false;
	return true;
}

/* Removes rows [a, b); sections that repeated a removed item stop
 * pointing at it. */
static void remove_rows(struct editor *ed, size_t a, size_t b)
{
	for (size_t k = a; k < b; k++)
		for (size_t j = 0; ed->v[k].id && j < ed->n; j++)
			if (ed->v[j].repeat_of == ed->v[k].id)
				ed->v[j].repeat_of = 0;
	memmove(ed->v + a, ed->v + b, (ed->n - b) * sizeof *ed->v);
	ed->n -= b - a;
}

static const char *op_indent(req *r, struct editor *ed, size_t i)
{
	size_t end = subtree_end(ed, i);
	if (i == 0 || ed->v[i].depth > ed->v[i - 1].depth || !fits_depth(ed, i, end, 1))
		return NULL;
	shift_depth(ed, i, end, 1);
	return "Đã thụt mục vào một cấp";
}

static const char *op_outdent(req *r, struct editor *ed, size_t i)
{
	size_t end = subtree_end(ed, i);
	if (ed->v[i].depth <= 1)
		return NULL;
	shift_depth(ed, i, end, -1);
	return "Đã lùi mục ra một cấp";
}

static const char *op_up(req *r, struct editor *ed, size_t i)
{
	size_t k = i;
	while (k > 0 && ed->v[k - 1].depth > ed->v[i].depth)
		k--;
	if (k == 0 || ed->v[k - 1].depth != ed->v[i].depth)
		return NULL;
	move_block(r, ed, k - 1, i, subtree_end(ed, i));
	ed->focus = (int)(k - 1);
	return "Đã chuyển mục lên trên";
}

static const char *op_down(req *r, struct editor *ed, size_t i)
{
	size_t end = subtree_end(ed, i);
	if (end >= ed->n || ed->v[end].depth != ed->v[i].depth)
		return NULL;
	size_t next_end = subtree_end(ed, end);
	move_block(r, ed, i, end, next_end);
	ed->focus = (int)(i + next_end - end);
	return "Đã chuyển mục xuống dưới";
}

/* "Tách": a new empty item right after the item's subtree, on its level. */
static const char *op_split(req *r, struct editor *ed, size_t i)
{
	if (ed->n >= OUTLINE_STORE_MAX_ITEMS)
		return NULL;
	size_t at = subtree_end(ed, i);
	editor_reserve(r, ed, ed->n + 1);
	memmove(ed->v + at + 1, ed->v + at, (ed->n - at) * sizeof *ed->v);
	ed->v[at] = (struct erow){0, 0, 0, ed->v[i].depth, "", "", "", OUTLINE_ASK_TEXT};
	ed->n++;
	ed->focus = (int)at;
	return "Đã thêm một mục mới ngay sau; hãy nhập số thứ tự và tiêu đề";
}

static const char *joined(req *r, const char *a, const char *b)
{
	return *a && *b ? arena_printf(r->a, "%s\n%s", a, b) : *a ? a : b;
}

/* Merges the item into the one above: its title and guidance join that
 * item's guidance, its children become that item's children. */
static const char *op_merge(req *r, struct editor *ed, size_t i)
{
	size_t end = subtree_end(ed, i);
	if (i == 0)
		return NULL;
	struct erow *p = &ed->v[i - 1], *it = &ed->v[i];
	int delta = p->depth - it->depth;
	if (!fits_depth(ed, i + 1, end, delta))
		return NULL;
	p->guidance = joined(r, joined(r, p->guidance, it->title), it->guidance);
	p->asks |= it->asks;
	if (!p->table_id)
		p->table_id = it->table_id;
	shift_depth(ed, i + 1, end, delta);
	remove_rows(ed, i, i + 1);
	ed->focus = (int)(i - 1);
	return "Đã gộp mục vào mục phía trên";
}

static const char *op_delete(req *r, struct editor *ed, size_t i)
{
	size_t end = subtree_end(ed, i);
	remove_rows(ed, i, end);
	ed->focus = i > 0 ? (int)(i - 1) : -1;
	return end - i > 1 ? arena_printf(r->a, "Đã xóa mục và %zu mục con", end - i - 1)
			   : "Đã xóa mục";
}

static const char *op_add(req *r, struct editor *ed)
{
	if (ed->n >= OUTLINE_STORE_MAX_ITEMS)
		return NULL;
	editor_reserve(r, ed, ed->n + 1);
	ed->v[ed->n] = (struct erow){0, 0, 0, 1, "", "", "", OUTLINE_ASK_TEXT};
	ed->focus = (int)ed->n++;
	return "Đã thêm một mục ở cuối đề cương";
}

static const struct {
	const char *name;
	const char *(*fn)(req *r, struct editor *ed, size_t i);
	const char *refused;
} row_ops[] = {
	{"indent", op_indent, "Không thụt vào được: mục con chỉ sâu hơn mục phía trên một cấp"},
	{"outdent", op_outdent, "Mục đã ở cấp cao nhất"},
	{"up", op_up, "Không còn mục cùng cấp nào phía trên"},
	{"down", op_down, "Không còn mục cùng cấp nào phía dưới"},
	{"split", op_split, "Đề cương đã đủ số mục tối đa"},
	{"merge", op_merge, "Không có mục phía trên để gộp vào"},
	{"delete", op_delete, NULL},
};

/* Applies "name:index" (or "add"); *ok tells whether it happened. The
 * message (arena or literal) says what was done or why not. */
static const char *editor_apply(req *r, struct editor *ed, const char *op, bool *ok)
{
	*ok = false;
	if (strcmp(op, "add") == 0) {
		const char *m = op_add(r, ed);
		*ok = m != NULL;
		return m ? m : "Đề cương đã đủ số mục tối đa";
	}
	const char *colon = strchr(op, ':');
	int64_t i = -1;
	if (!colon || parse_i64(colon + 1, &i) != 0 || i < 0 || (size_t)i >= ed->n)
		return "Thao tác không hợp lệ";
	for (size_t k = 0; k < sizeof row_ops / sizeof *row_ops; k++) {
		if (strlen(row_ops[k].name) != (size_t)(colon - op) ||
		    strncmp(row_ops[k].name, op, (size_t)(colon - op)) != 0)
			continue;
		if (ed->focus < 0)
			ed->focus = (int)i;
		const char *m = row_ops[k].fn(r, ed, (size_t)i);
		*ok = m != NULL;
		return m ? m : row_ops[k].refused;
	}
	return "Thao tác không hợp lệ";
}

/* ---- the form ---- */

/* For every row, "II › 5 › a": the labels from the top down to it, from
 * one pass that keeps the open label of each depth. */
static const char **row_paths(req *r, const struct editor *ed)
{
	const char **out = arena_alloc(r->a, (ed->n + 1) * sizeof *out);
	const char *open[OUTLINE_STORE_MAX_DEPTH + 2] = {0};
	for (size_t i = 0; i < ed->n; i++) {
		int d = ed->v[i].depth;
		d = d < 1 ? 1 : d > OUTLINE_STORE_MAX_DEPTH + 1 ? OUTLINE_STORE_MAX_DEPTH + 1 : d;
		open[d] = ed->v[i].label[0] ? ed->v[i].label : "…";
		for (int k = d + 1; k <= OUTLINE_STORE_MAX_DEPTH + 1; k++)
			open[k] = NULL;
		buf b = BUF_INIT;
		for (int k = 1; k <= d; k++)
			if (open[k])
				buf_printf(&b, "%s%s", b.len ? " › " : "", open[k]);
		out[i] = arena_strdup(r->a, buf_cstr(&b));
		buf_free(&b);
	}
	return out;
}

/* Indentation is a class (d1…d12): the pages' CSP allows no inline style. */
static int depth_class(int depth)
{
	return depth < 1 ? 1 : depth > OUTLINE_STORE_MAX_DEPTH ? OUTLINE_STORE_MAX_DEPTH : depth;
}

static void asks_boxes(buf *b, size_t i, unsigned asks)
{
	static const char *const names[] = {"Nội dung", "Số liệu", "Mô hình/điển hình"};
	h_raw(b, "<span>Yêu cầu:</span>");
	for (unsigned k = 0; k < 3; k++)
		h_fmt(b, "<label class=\"check\"><input type=\"checkbox\" name=\"it.%zu.ask\" value=\"%s\"%S> %s</label>",
		      i, outline_ask_name(1u << k), asks & (1u << k) ? " checked" : "", names[k]);
}

static void table_select(buf *b, size_t i, int64_t selected, const figure_table *t, size_t nt)
{
	h_fmt(b, "<label class=\"etable\">Biểu số liệu <select name=\"it.%zu.table\"><option value=\"\">Không có</option>",
	      i);
	for (size_t k = 0; k < nt; k++)
		h_fmt(b, "<option value=\"%lld\"%S>%s</option>", (long long)t[k].id,
		      t[k].id == selected ? " selected" : "", t[k].name);
	h_raw(b, "</select></label>");
}

static void op_button(buf *b, size_t i, const char *op, const char *text, const char *aria,
		      const char *path, const char *cls)
{
	h_fmt(b, "<button type=\"submit\" name=\"op\" value=\"%s:%zu\" class=\"%s\" aria-label=\"%s %s\""
		 " title=\"%s\">%s</button>",
	      op, i, cls, aria, path, aria, text);
}

static void row_ops_buttons(buf *b, size_t i, const char *path)
{
	h_raw(b, "<div class=\"erow-ops\">");
	op_button(b, i, "outdent", "← Lùi ra", "Lùi ra một cấp: mục", path, "");
	op_button(b, i, "indent", "Thụt vào →", "Thụt vào một cấp: mục", path, "");
	op_button(b, i, "up", "↑ Lên", "Chuyển lên: mục", path, "");
	op_button(b, i, "down", "↓ Xuống", "Chuyển xuống: mục", path, "");
	op_button(b, i, "split", "Tách: thêm mục sau", "Thêm mục mới sau mục", path, "");
	op_button(b, i, "merge", "Gộp vào mục trên", "Gộp vào mục phía trên: mục", path, "");
	op_button(b, i, "delete", "Xóa", "Xóa mục", path, "danger");
	h_raw(b, "</div>");
}

static void editor_row(req *r, buf *b, const struct editor *ed, size_t i, const char *path,
		       const figure_table *t, size_t nt)
{
	const struct erow *row = &ed->v[i];
	h_fmt(b, "<fieldset class=\"erow d%d%S\" id=\"r%zu\">"
		 "<legend>Mục %zu · %s</legend>"
		 "<input type=\"hidden\" name=\"it.%zu.id\" value=\"%s\">"
		 "<input type=\"hidden\" name=\"it.%zu.rep\" value=\"%s\">",
	      depth_class(row->depth), row->id ? "" : " new", i, i + 1, path, i,
	      row->id ? arena_printf(r->a, "%lld", (long long)row->id) : "", i,
	      row->repeat_of ? arena_printf(r->a, "%lld", (long long)row->repeat_of) : "");
	h_fmt(b, "<div class=\"erow-main\"><label>Cấp <input type=\"number\" name=\"it.%zu.depth\" min=\"1\""
		 " max=\"%d\" value=\"%d\" aria-label=\"Cấp của mục %s\"></label>"
		 "<label>Số thứ tự <input name=\"it.%zu.label\" maxlength=\"32\" value=\"%s\""
		 " aria-label=\"Số thứ tự của mục %s\"></label>"
		 "<label>Tiêu đề <textarea name=\"it.%zu.title\" rows=\"2\" aria-label=\"Tiêu đề của mục %s\"%S>%s</textarea></label>",
	      i, OUTLINE_STORE_MAX_DEPTH, row->depth, path, i, row->label, path, i, path,
	      ed->focus == (int)i ? " autofocus" : "", row->title);
	h_fmt(b, "<label class=\"eguid\">Hướng dẫn (nếu có) <textarea name=\"it.%zu.guid\" rows=\"2\""
		 " aria-label=\"Hướng dẫn của mục %s\">%s</textarea></label></div>"
		 "<div class=\"erow-foot\"><div class=\"erow-asks\">",
	      i, path, row->guidance);
	asks_boxes(b, i, row->asks);
	table_select(b, i, row->table_id, t, nt);
	h_raw(b, "</div>");
	row_ops_buttons(b, i, path);
	h_raw(b, "</div></fieldset>");
}

/* The current version's items, for an officer whose save came too late. */
static void current_version(req *r, buf *b, const stored_outline *cur)
{
	h_fmt(b, "<details class=\"current\" id=\"current\"><summary>Xem nội dung phiên bản %d hiện tại"
		 " (%zu mục)</summary><ol class=\"plain\">",
	      cur->version, cur->n_items);
	for (size_t i = 0; i < cur->n_items; i++)
		h_fmt(b, "<li class=\"d%d\">%s%s %s</li>", depth_class(cur->items[i].depth),
		      cur->items[i].label, outline_label_delim(cur->items[i].label), cur->items[i].title);
	h_raw(b, "</ol></details>");
}

/* The editor page. `note` (may be NULL) is an action's message; `e` a
 * refused save; `cur` the stored outline (for tables, the version shown
 * after a conflict). */
static void editor_page(req *r, resp *w, const stored_outline *cur, struct editor *ed,
			const char *note, bool ok, const err *e)
{
	figure_table *t;
	size_t nt;
	err te;
	if (outline_store_tables(r->db, r->a, cur->id, &t, &nt, &te))
		nt = 0;
	ui_begin(r, w, arena_printf(r->a, "Sửa: %s", cur->title), "outlines");
	buf *b = &w->body;
	h_raw(b, "<link rel=\"stylesheet\" href=\"/static/outlines.css\"><div class=\"outline-page\">");
	h_fmt(b, "<p class=\"back\"><a href=\"/outlines/%lld\">← Trở lại đề cương</a></p>"
		 "<h1>Sửa đề cương</h1>",
	      (long long)cur->id);
	if (e && e->code == E_CONFLICT) {
		ui_flash_msg(r, w, false,
			     arena_printf(r->a, "%s. Nội dung bạn đang sửa vẫn còn dưới đây; nếu bấm "
						"“Lưu đề cương” lần nữa, nó sẽ thay thế phiên bản %d.",
					  ui_err_text(e), cur->version));
		current_version(r, b, cur);
	} else if (e) {
		ui_flash_msg(r, w, false, ui_err_text(e));
	} else if (note) {
		ui_flash_msg(r, w, ok, arena_printf(r->a, "%s (chưa lưu).", note));
	}
	h_fmt(b, "<form method=\"post\" action=\"/outlines/%lld\" class=\"oeditor\">", (long long)cur->id);
	ui_csrf(r, w);
	/* the first submit button is what Enter presses: Save, never a row action */
	h_fmt(b, "<input type=\"hidden\" name=\"version\" value=\"%lld\"><input type=\"hidden\" name=\"n\""
		 " value=\"%zu\"><div class=\"etools\"><label>Tên đề cương <input name=\"title\""
		 " maxlength=\"1000\" value=\"%s\"></label><button type=\"submit\" name=\"op\" value=\"save\">"
		 "Lưu đề cương</button><a href=\"/outlines/%lld\">Hủy</a>"
		 "<span class=\"hint\">Đang sửa từ phiên bản %lld</span></div>",
	      (long long)ed->version, ed->n, ed->title ? ed->title : "", (long long)cur->id,
	      (long long)ed->version);
	const char **paths = row_paths(r, ed);
	for (size_t i = 0; i < ed->n; i++)
		editor_row(r, b, ed, i, paths[i], t, nt);
	h_raw(b, "<p class=\"actions\"><button type=\"submit\" name=\"op\" value=\"add\" class=\"small\">"
		 "Thêm mục ở cuối</button><button type=\"submit\" name=\"op\" value=\"save\">Lưu đề cương"
		 "</button></p></form>"
		 "<p class=\"hint\">Cấp 1 là các mục lớn (I, II, …); mục con sâu hơn mục cha đúng một cấp. "
		 "Các nút trên mỗi mục chỉ thay đổi nội dung trên trang; bấm “Lưu đề cương” để ghi "
		 "phiên bản mới.</p></div>");
	w->status = e ? ui_status_of(e) : 200;
	ui_end(r, w);
}

/* ---- handlers ---- */

void ui_outline_edit(req *r, resp *w)
{
	err e = {0};
	stored_outline o;
	if (outline_check_edit(r->db, &r->who, r->id[0], &e) ||
	    outline_store_get(r->db, r->a, &r->who, r->id[0], &o, &e)) {
		ui_core_error(r, w, &e);
		return;
	}
	struct editor ed;
	editor_from_stored(r, &o, &ed);
	editor_page(r, w, &o, &ed, NULL, true, NULL);
}

static bool stored_has(const stored_outline *o, int64_t id)
{
	for (size_t i = 0; i < o->n_items; i++)
		if (o->items[i].id == id)
			return true;
	return false;
}

/* Rows whose item was deleted in the version saved meanwhile become new
 * items, so saving the typed rows again does what it says: replaces it. */
static void forget_deleted(struct editor *ed, const stored_outline *o)
{
	for (size_t i = 0; i < ed->n; i++) {
		if (ed->v[i].id && !stored_has(o, ed->v[i].id))
			ed->v[i].id = 0;
		if (ed->v[i].repeat_of && !stored_has(o, ed->v[i].repeat_of))
			ed->v[i].repeat_of = 0;
	}
}

static void save(req *r, resp *w, const stored_outline *o, struct editor *ed)
{
	struct outline_item_input *in = arena_alloc(r->a, (ed->n + 1) * sizeof *in);
	for (size_t i = 0; i < ed->n; i++) {
		const struct erow *row = &ed->v[i];
		in[i] = (struct outline_item_input){row->id,	   row->depth, row->label,
						    row->title,	   row->guidance, row->asks,
						    row->table_id, row->repeat_of};
	}
	struct outline_save_input s = {ed->version, ed->title, in, ed->n};
	int version = 0;
	err e = {0};
	if (outline_store_save(r->db, &r->who, o->id, &s, &version, &e) == 0) {
		ui_redirect_msg(r, w, arena_printf(r->a, "/outlines/%lld", (long long)o->id), true,
				arena_printf(r->a, "Đã lưu đề cương, phiên bản %d.", version));
		return;
	}
	if (e.code == E_CONFLICT) {
		/* the page now shows the version saved meanwhile */
		stored_outline cur;
		err ge = {0};
		if (outline_store_get(r->db, r->a, &r->who, o->id, &cur, &ge) == 0) {
			o = &cur;
			forget_deleted(ed, o);
		}
		ed->version = version;
		editor_page(r, w, o, ed, NULL, false, &e);
		return;
	}
	if (e.code == E_NOTFOUND || e.code == E_FORBIDDEN)
		ui_core_error(r, w, &e);
	else
		editor_page(r, w, o, ed, NULL, false, &e);
}

void ui_outline_post(req *r, resp *w)
{
	err e = {0};
	stored_outline o;
	if (outline_check_edit(r->db, &r->who, r->id[0], &e) ||
	    outline_store_get(r->db, r->a, &r->who, r->id[0], &o, &e)) {
		ui_core_error(r, w, &e);
		return;
	}
	struct editor ed;
	if (editor_from_form(r, &ed, &e)) {
		ui_redirect_msg(r, w, edit_path(r, o.id), false, ui_err_text(&e));
		return;
	}
	const char *op = req_form(r, "op");
	if (!op || strcmp(op, "save") == 0) {
		save(r, w, &o, &ed);
		return;
	}
	bool ok;
	const char *msg = editor_apply(r, &ed, op, &ok);
	editor_page(r, w, &o, &ed, msg, ok, NULL);
}
