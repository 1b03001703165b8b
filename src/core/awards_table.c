/*
 * awards_table.c — an award list as offices keep it (one row per award)
 * turned into decisions: columns found by their Vietnamese headers, forms,
 * recipient types, units and movements matched as people write them, rows
 * grouped into decisions, then everything handed to award_write() which
 * checks every row before writing any.
 */
#include "awards_table.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/award_rules.h"
#include "core/awards_int.h"
#include "core/units.h"
#include "text/text.h"

/* ---- matching forms ---- */

/* Abbreviations people write for words of the catalogue's names. */
static const char *const expansions[][2] = {
	{"ubnd", "uy ban nhan dan"},
	{"tp", "thanh pho"},
	{"ttcp", "thu tuong chinh phu"},
};

/* Words that change nothing: "Bằng khen của Chủ tịch UBND cấp tỉnh" and
 * "Bằng khen Chủ tịch UBND tỉnh" are the same form. */
static bool noise_word(const char *w)
{
	return strcmp(w, "cua") == 0 || strcmp(w, "cap") == 0;
}

/* "hạng 3", "hạng III" → "hạng ba". */
static const char *rank_word(const char *w)
{
	if (!strcmp(w, "1") || !strcmp(w, "i"))
		return "nhat";
	if (!strcmp(w, "2") || !strcmp(w, "ii"))
		return "nhi";
	if (!strcmp(w, "3") || !strcmp(w, "iii"))
		return "ba";
	return w;
}

/* The comparison key of a form's name as written: search key, punctuation
 * as spaces, abbreviations expanded, noise words dropped (malloc'd). */
static char *form_key(const char *text)
{
	char *k = text_search_key(text ? text : "");
	for (char *p = k; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || (unsigned char)*p >= 0x80))
			*p = ' ';
	char *words[64];
	size_t n = 0;
	char *save = NULL;
	for (char *w = strtok_r(k, " ", &save); w && n < 64; w = strtok_r(NULL, " ", &save))
		words[n++] = w;
	/* a leading "danh hiệu" / "hình thức" names the column, not the form */
	size_t i = 0;
	if (n > 2 && ((!strcmp(words[0], "danh") && !strcmp(words[1], "hieu")) ||
		      (!strcmp(words[0], "hinh") && !strcmp(words[1], "thuc"))))
		i = 2;
	buf out = BUF_INIT;
	bool after_rank = false;
	for (; i < n; i++) {
		const char *w = words[i];
		if (noise_word(w))
			continue;
		for (size_t x = 0; x < sizeof expansions / sizeof *expansions; x++)
			if (strcmp(w, expansions[x][0]) == 0)
				w = expansions[x][1];
		if (after_rank)
			w = rank_word(w);
		after_rank = strcmp(w, "hang") == 0;
		if (out.len)
			buf_putc(&out, ' ');
		buf_puts(&out, w);
	}
	free(k);
	return buf_detach(&out);
}

/* Every name a form answers to (name, code, aliases) as comparison keys,
 * computed once per import rather than once per row. */
struct form_keys {
	const award_form *form;
	char **keys;
	size_t n;
};

struct form_matcher {
	struct form_keys *v;
	size_t n;
	/* the last cell matched: lists repeat one form for many rows */
	char *last_text;
	const award_form *last;
};

static void matcher_init(struct form_matcher *m, arena *ar, const award_form *forms, size_t n)
{
	memset(m, 0, sizeof *m);
	m->v = arena_alloc(ar, (n ? n : 1) * sizeof *m->v);
	m->n = n;
	for (size_t i = 0; i < n; i++) {
		struct form_keys *fk = &m->v[i];
		fk->form = &forms[i];
		size_t cap = 2;
		for (const char *p = forms[i].aliases; p && *p; p++)
			cap += *p == '|';
		cap += forms[i].aliases && *forms[i].aliases ? 1 : 0;
		fk->keys = arena_alloc(ar, cap * sizeof *fk->keys);
		char *k = form_key(forms[i].name);
		fk->keys[fk->n++] = arena_strdup(ar, k);
		free(k);
		k = form_key(forms[i].code);
		fk->keys[fk->n++] = arena_strdup(ar, k);
		free(k);
		char *aliases = xstrdup(forms[i].aliases ? forms[i].aliases : "");
		for (char *save = NULL, *al = strtok_r(aliases, "|", &save); al && fk->n < cap;
		     al = strtok_r(NULL, "|", &save)) {
			k = form_key(al);
			fk->keys[fk->n++] = arena_strdup(ar, k);
			free(k);
		}
		free(aliases);
	}
}

static const award_form *matcher_find(struct form_matcher *m, arena *ar, const char *text)
{
	if (m->last_text && strcmp(m->last_text, text) == 0)
		return m->last;
	char *key = form_key(text);
	const award_form *found = NULL;
	for (size_t i = 0; *key && i < m->n && !found; i++)
		for (size_t k = 0; k < m->v[i].n && !found; k++)
			if (strcmp(m->v[i].keys[k], key) == 0)
				found = m->v[i].form;
	free(key);
	m->last_text = arena_strdup(ar, text);
	m->last = found;
	return found;
}

const award_form *award_form_match(const award_form *forms, size_t n, const char *text)
{
	arena *ar = arena_new();
	struct form_matcher m;
	matcher_init(&m, ar, forms, n);
	const award_form *f = matcher_find(&m, ar, text ? text : "");
	arena_free(ar);
	return f;
}

/* A plain "Giấy khen" means the giấy khen the issuer itself grants: the
 * commune chair's for a commune, the director's for an enterprise. */
static const award_form *resolve_generic(const struct award_catalog *cat, const award_form *f,
					 const char *text, const struct vunit *issuer,
					 const char *date)
{
	char *key = form_key(text);
	bool generic = strcmp(key, "giay khen") == 0;
	free(key);
	if (!generic || !issuer || !date ||
	    award_rule_allows(issuer->kind, f->code, f->authority, date, NULL))
		return f;
	for (size_t i = 0; i < cat->n_forms; i++) {
		const award_form *g = &cat->forms[i];
		if (strncmp(g->name, "Giấy khen", strlen("Giấy khen")) == 0 &&
		    award_form_valid_on(g, date) &&
		    award_rule_allows(issuer->kind, g->code, g->authority, date, NULL))
			return g;
	}
	return f;
}

/* ---- columns ---- */

static const char *const h_name[] = {"Họ và tên", "Họ tên", "Tên tập thể", "Tên tập thể, cá nhân",
				     "Tên tập thể/cá nhân", "Tên tập thể, hộ gia đình, cá nhân",
				     "Tên người, tập thể được khen", "Người được khen", "Tên", "name",
				     NULL};
static const char *const h_type[] = {"Đối tượng", "Loại", "Loại đối tượng", "Đối tượng khen thưởng",
				     "Tập thể/cá nhân", "recipient_type", NULL};
static const char *const h_form[] = {"Hình thức khen thưởng", "Hình thức", "Danh hiệu",
				     "Danh hiệu thi đua", "Hình thức, danh hiệu",
				     "Danh hiệu, hình thức khen thưởng", "form", "form_code", NULL};
static const char *const h_unit[] = {"Đơn vị", "Đơn vị công tác", "Cơ quan, đơn vị", "Mã đơn vị",
				     "Nơi công tác", "Địa chỉ", "unit", NULL};
static const char *const h_position[] = {"Chức vụ", "Chức danh", "Chức vụ, chức danh", "position",
					 NULL};
static const char *const h_movement[] = {"Phong trào", "Phong trào thi đua", "movement", NULL};
static const char *const h_year[] = {"Năm", "Năm khen thưởng", "Năm thành tích", "year", NULL};
static const char *const h_achievement[] = {"Thành tích", "Nội dung thành tích",
					    "Thành tích đạt được", "Tóm tắt thành tích", "achievement",
					    NULL};
static const char *const h_number[] = {"Số quyết định", "Số QĐ", "Quyết định số", "number", NULL};
static const char *const h_date[] = {"Ngày quyết định", "Ngày QĐ", "Ngày ký", "Ngày ban hành",
				     "date", NULL};
static const char *const h_signer[] = {"Người ký", "signer", NULL};
static const char *const h_signer_title[] = {"Chức vụ người ký", "signer_title", NULL};
static const char *const h_issuer[] = {"Đơn vị ban hành", "Cơ quan ban hành", "Đơn vị khen thưởng",
				       "Cấp khen", "issuer", NULL};

struct cols {
	int name, type, form, unit, position, movement, year, achievement, number, date, signer,
		signer_title, issuer;
	const char *implied_type; /* from the name column's header, when no type column */
};

static void find_cols(const table *t, struct cols *c)
{
	c->name = table_find_col(t, 0, h_name);
	c->type = table_find_col(t, 0, h_type);
	c->form = table_find_col(t, 0, h_form);
	c->unit = table_find_col(t, 0, h_unit);
	c->position = table_find_col(t, 0, h_position);
	c->movement = table_find_col(t, 0, h_movement);
	c->year = table_find_col(t, 0, h_year);
	c->achievement = table_find_col(t, 0, h_achievement);
	c->number = table_find_col(t, 0, h_number);
	c->date = table_find_col(t, 0, h_date);
	c->signer = table_find_col(t, 0, h_signer);
	c->signer_title = table_find_col(t, 0, h_signer_title);
	c->issuer = table_find_col(t, 0, h_issuer);
	c->implied_type = NULL;
	if (c->name >= 0) {
		char *k = text_search_key(t->cells[0][c->name]);
		if (!strcmp(k, "ho va ten") || !strcmp(k, "ho ten"))
			c->implied_type = "individual";
		else if (!strcmp(k, "ten tap the"))
			c->implied_type = "collective";
		free(k);
	}
}

static const char *cell(const table *t, size_t r, int c)
{
	return c >= 0 ? t->cells[r][c] : "";
}

/* Dates as typed: YYYY-MM-DD (and XLSX dates, rendered so), d/m/yyyy or
 * d-m-yyyy, d.m.yyyy. Anything else is passed on for validation to refuse. */
static const char *date_of(arena *ar, const char *s)
{
	int d, m, y;
	char sep1, sep2, tail;
	if (sscanf(s, "%d%c%d%c%d%c", &d, &sep1, &m, &sep2, &y, &tail) == 5 && sep1 == sep2 &&
	    (sep1 == '/' || sep1 == '.' || (sep1 == '-' && d <= 31)) && y >= 1000)
		return arena_printf(ar, "%04d-%02d-%02d", y, m, d);
	return s;
}

/* ---- movements ---- */

/* Movement named by a cell: its id, its whole title, or a part of the title.
 * Among several movements holding that part, the ones whose years hold
 * `year` are kept, then the one launched by the issuing unit (a province's
 * "Vì người nghèo" rather than the nation's). 0 when none; -1 when still
 * ambiguous. */
static int64_t movement_of(const struct award_catalog *cat, char *const *title_keys,
			   const char *text, int year, int64_t issuer)
{
	int64_t id;
	if (parse_i64(text, &id) == 0)
		return award_catalog_movement(cat, id) ? id : 0;
	char *k = text_search_key(text);
	int64_t found[3] = {0, 0, 0}; /* any, in years, in years and by the issuer */
	int hits[3] = {0, 0, 0};
	for (size_t i = 0; i < cat->n_movements; i++) {
		const movement *m = &cat->movements[i];
		const char *t = title_keys[i];
		bool whole = strcmp(t, k) == 0, part = *k && strstr(t, k);
		if (whole) {
			free(k);
			return m->id;
		}
		if (!part)
			continue;
		bool in_years = !year || (year >= m->start_year && year <= m->end_year);
		bool own = in_years && m->unit_id == issuer;
		int64_t ids[3] = {m->id, in_years ? m->id : 0, own ? m->id : 0};
		for (int x = 0; x < 3; x++)
			if (ids[x]) {
				hits[x]++;
				found[x] = ids[x];
			}
	}
	free(k);
	for (int x = 0; x < 3; x++)
		if (hits[x] == 1 && (x == 0 || hits[x - 1] > 1))
			return found[x];
	if (hits[0] == 1)
		return found[0];
	return hits[0] ? -1 : 0;
}

/* ---- grouping rows into decisions ---- */

struct group {
	const char *key; /* issuer|number|date */
	size_t index;    /* into the decisions array */
};

struct groups {
	struct group *slots;
	size_t cap;
};

static uint64_t fnv(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

/* The slot of key: found, or the empty one where it goes. */
static struct group *group_slot(struct groups *g, const char *key)
{
	size_t i = fnv(key) & (g->cap - 1);
	while (g->slots[i].key && strcmp(g->slots[i].key, key) != 0)
		i = (i + 1) & (g->cap - 1);
	return &g->slots[i];
}

/* ---- rows ---- */

struct import {
	db *d;
	arena *ar;
	const actor *a;
	const table *t;
	struct cols c;
	const struct award_import_defaults *def;
	struct vunits units;
	struct award_catalog cat;
	struct form_matcher forms;
	char **movement_keys; /* search keys of the movements' titles */
	struct decision_input *decisions;
	size_t n_decisions;
	struct groups groups;
	int *bad_row;
};

static int row_err(struct import *im, err *e, size_t r, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int row_err(struct import *im, err *e, size_t r, const char *fmt, ...)
{
	*im->bad_row = (int)r + 1;
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return err_set(e, E_INVAL, "Dòng %zu: %s", r + 1, msg);
}

static const char *pick(const char *cell_text, const char *fallback)
{
	return cell_text && *cell_text ? cell_text : fallback;
}

/* The decision row r belongs to, created on its first row. */
static int decision_of(struct import *im, size_t r, struct decision_input **out, err *e)
{
	const table *t = im->t;
	const struct award_import_defaults *def = im->def;
	const char *number = pick(cell(t, r, im->c.number), def->number);
	const char *date = pick(cell(t, r, im->c.date), def->date);
	const char *issuer_text = cell(t, r, im->c.issuer);
	if (!number || !*number)
		return row_err(im, e, r, "thiếu số quyết định (cột “Số quyết định”)");
	if (!date || !*date)
		return row_err(im, e, r, "thiếu ngày quyết định (cột “Ngày quyết định”)");
	date = date_of(im->ar, date);
	int64_t issuer = def->unit_id ? def->unit_id : im->a->unit_id;
	if (*issuer_text) {
		bool ambiguous;
		const struct vunit *u = vunits_find(&im->units, issuer_text, &ambiguous);
		if (!u)
			return row_err(im, e, r, "không tìm thấy đơn vị ban hành “%s” trong các đơn vị bạn quản lý",
				       issuer_text);
		if (ambiguous)
			return row_err(im, e, r, "có nhiều đơn vị ban hành tên “%s”; hãy ghi mã đơn vị",
				       issuer_text);
		issuer = u->id;
	}
	char *key = arena_printf(im->ar, "%lld|%s|%s", (long long)issuer, number, date);
	struct group *g = group_slot(&im->groups, key);
	if (g->key) {
		*out = &im->decisions[g->index];
		return 0;
	}
	g->key = key;
	g->index = im->n_decisions;
	struct decision_input *dec = &im->decisions[im->n_decisions++];
	memset(dec, 0, sizeof *dec);
	dec->number = number;
	dec->date = date;
	dec->signer = pick(cell(t, r, im->c.signer), def->signer);
	dec->signer_title = pick(cell(t, r, im->c.signer_title), def->signer_title);
	dec->unit_id = issuer;
	dec->line = (int)r + 1;
	*out = dec;
	return 0;
}

/* The form of row r, checked against the decision's form. */
static int form_of(struct import *im, size_t r, struct decision_input *dec, err *e)
{
	const char *text = cell(im->t, r, im->c.form);
	const char *code = NULL;
	if (*text) {
		const award_form *f = matcher_find(&im->forms, im->ar, text);
		if (!f)
			return row_err(im, e, r, "hình thức khen thưởng “%s” không có trong danh mục", text);
		f = resolve_generic(&im->cat, f, text, vunits_get(&im->units, dec->unit_id), dec->date);
		code = f->code;
	} else {
		code = im->def->form_code;
	}
	if (!code || !*code)
		return row_err(im, e, r, "thiếu hình thức khen thưởng (cột “Hình thức khen thưởng”)");
	if (!dec->form_code) {
		dec->form_code = code;
	} else if (strcmp(dec->form_code, code) != 0) {
		const award_form *f = award_catalog_form(&im->cat, dec->form_code);
		char *msg = arena_printf(im->ar, "quyết định số %s ngày %s đã ghi hình thức “%s” ở dòng %d;"
						  " mỗi quyết định chỉ một hình thức",
					 dec->number, dec->date, f ? f->name : dec->form_code, dec->line);
		return row_err(im, e, r, "%s", msg);
	}
	return 0;
}

static int award_of(struct import *im, size_t r, const struct decision_input *dec,
		    struct award_input *w, err *e)
{
	const table *t = im->t;
	memset(w, 0, sizeof *w);
	w->line = (int)r + 1;
	const char *type_text = cell(t, r, im->c.type);
	w->recipient_type = *type_text ? award_type_parse(type_text) : im->c.implied_type;
	if (!w->recipient_type)
		return row_err(im, e, r, "đối tượng “%s” không hiểu được (tập thể, hộ gia đình hoặc cá nhân)",
			       type_text);
	w->name = cell(t, r, im->c.name);
	w->position = cell(t, r, im->c.position);
	w->achievement = cell(t, r, im->c.achievement);
	const char *year = cell(t, r, im->c.year);
	if (*year && (parse_i64(year, &w->year) || w->year < 1945 || w->year > 2100))
		return row_err(im, e, r, "năm “%s” không hợp lệ (từ 1945 đến 2100)", year);
	const char *unit_text = cell(t, r, im->c.unit);
	if (*unit_text) {
		bool ambiguous;
		const struct vunit *u = vunits_find(&im->units, unit_text, &ambiguous);
		if (u && ambiguous)
			return row_err(im, e, r, "có nhiều đơn vị tên “%s”; hãy ghi mã đơn vị", unit_text);
		if (u)
			w->unit_id = u->id;
		else
			w->unit_name = unit_text; /* outside the tree: kept as text */
	}
	const char *mv = cell(t, r, im->c.movement);
	if (*mv) {
		int64_t id = movement_of(&im->cat, im->movement_keys, mv, (int)(w->year ? w->year : atoi(dec->date)),
					 dec->unit_id);
		if (id == 0)
			return row_err(im, e, r, "không tìm thấy phong trào thi đua “%s”", mv);
		if (id < 0)
			return row_err(im, e, r, "có nhiều phong trào thi đua khớp với “%s”; hãy ghi đầy đủ tên",
				       mv);
		w->movement_id = id;
	}
	return 0;
}

static bool blank_row(const table *t, size_t r)
{
	for (size_t c = 0; c < t->n_cols; c++)
		if (t->cells[r][c][0])
			return false;
	return true;
}

/* Builds the decisions of the whole table; awards are collected per
 * decision in a second pass so each decision's array is contiguous. */
static int build(struct import *im, err *e)
{
	const table *t = im->t;
	size_t rows = t->n_rows - 1;
	im->decisions = arena_alloc(im->ar, rows * sizeof *im->decisions);
	size_t cap = 16;
	while (cap < rows * 2)
		cap *= 2;
	im->groups.cap = cap;
	im->groups.slots = arena_alloc(im->ar, cap * sizeof *im->groups.slots);
	size_t *owner = arena_alloc(im->ar, rows * sizeof *owner);
	struct award_input *awards = arena_alloc(im->ar, rows * sizeof *awards);
	bool *used = arena_alloc(im->ar, rows * sizeof *used);
	for (size_t r = 1; r < t->n_rows; r++) {
		if (blank_row(t, r))
			continue; /* spacer rows people leave in sheets */
		struct decision_input *dec = NULL;
		int rc = decision_of(im, r, &dec, e);
		if (rc == 0)
			rc = form_of(im, r, dec, e);
		if (rc == 0)
			rc = award_of(im, r, dec, &awards[r - 1], e);
		if (rc)
			return rc;
		owner[r - 1] = (size_t)(dec - im->decisions);
		used[r - 1] = true;
		dec->n_awards++;
	}
	if (im->n_decisions == 0)
		return err_set(e, E_INVAL, "Tệp không có dòng dữ liệu nào");
	/* lay each decision's awards out contiguously, in file order */
	struct award_input *sorted = arena_alloc(im->ar, rows * sizeof *sorted);
	size_t *next = arena_alloc(im->ar, im->n_decisions * sizeof *next);
	size_t at = 0;
	for (size_t i = 0; i < im->n_decisions; i++) {
		im->decisions[i].awards = &sorted[at];
		next[i] = at;
		at += im->decisions[i].n_awards;
	}
	for (size_t r = 0; r < rows; r++)
		if (used[r])
			sorted[next[owner[r]]++] = awards[r];
	return 0;
}

int awards_import_file(db *d, const actor *a, const void *data, size_t n, const char *hint,
		       const struct award_import_defaults *def, int64_t *created, int *bad_row,
		       err *e)
{
	*created = 0;
	*bad_row = 0;
	/* authorization before reading a byte of the file */
	if (a->role != ROLE_ADMIN && a->role != ROLE_OFFICER)
		return err_set(e, E_FORBIDDEN,
			       "Chỉ cán bộ thi đua - khen thưởng hoặc quản trị hệ thống được nhập danh sách khen thưởng");
	struct award_import_defaults none = {0};
	struct import im = {.d = d, .a = a, .def = def ? def : &none, .bad_row = bad_row};
	if (im.def->unit_id && !unit_visible(d, a, im.def->unit_id))
		return err_set(e, E_FORBIDDEN, "Không có quyền nhập quyết định của đơn vị này");
	table t = {0};
	im.ar = arena_new();
	im.t = &t;
	int rc = table_read(data, n, hint, &t, e);
	if (rc == 0 && t.n_rows < 2)
		rc = err_set(e, E_INVAL, "Tệp cần một dòng tiêu đề và ít nhất một dòng dữ liệu");
	if (rc == 0) {
		find_cols(&t, &im.c);
		if (im.c.name < 0)
			rc = err_set(e, E_INVAL, "Thiếu cột “Họ và tên” hoặc “Tên tập thể”");
		else if (im.c.type < 0 && !im.c.implied_type)
			rc = err_set(e, E_INVAL, "Thiếu cột “Đối tượng” (tập thể, hộ gia đình, cá nhân)");
		if (rc)
			*bad_row = 1;
	}
	if (rc == 0)
		rc = vunits_load(d, im.ar, a, &im.units, e);
	if (rc == 0)
		rc = award_catalog_load(d, im.ar, a, &im.cat, e);
	if (rc == 0) {
		matcher_init(&im.forms, im.ar, im.cat.forms, im.cat.n_forms);
		im.movement_keys = arena_alloc(im.ar, (im.cat.n_movements + 1) * sizeof *im.movement_keys);
		for (size_t i = 0; i < im.cat.n_movements; i++) {
			char *k = text_search_key(im.cat.movements[i].title);
			im.movement_keys[i] = arena_strdup(im.ar, k);
			free(k);
		}
		rc = build(&im, e);
	}
	if (rc == 0)
		rc = award_write(d, a, &im.units, &im.cat, im.decisions, im.n_decisions, "import", NULL,
				 created, bad_row, e);
	/* a number already recorded is a fault of the file's row, not a race */
	if (rc == E_CONFLICT && *bad_row)
		rc = e->code = E_INVAL;
	table_free(&t);
	arena_free(im.ar);
	return rc;
}
