/*
 * awards.c — the catalogue of award forms, recipient types, and the reads
 * of decisions and awards. Writing decisions is in award_write.c, the
 * statistics in award_counts.c, the import in awards_table.c.
 */
#include "awards.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/award_rules.h"
#include "core/awards_int.h"
#include "core/units.h"
#include "core/validate.h"
#include "text/text.h"

/* ---- recipient types ---- */

static const char *const type_codes[] = {"collective", "household", "individual"};
static const char *const type_labels[] = {"Tập thể", "Hộ gia đình", "Cá nhân"};

bool award_type_valid(const char *t)
{
	for (size_t i = 0; t && i < 3; i++)
		if (strcmp(t, type_codes[i]) == 0)
			return true;
	return false;
}

const char *award_type_label(const char *t)
{
	for (size_t i = 0; t && i < 3; i++)
		if (strcmp(t, type_codes[i]) == 0)
			return type_labels[i];
	return t ? t : "";
}

/* Words seen in the "Đối tượng" column of real lists, by search key. */
static const char *const type_words[][2] = {
	{"tap the", "collective"},    {"tt", "collective"},          {"to chuc", "collective"},
	{"don vi", "collective"},     {"co quan", "collective"},     {"ho gia dinh", "household"},
	{"ho", "household"},          {"gia dinh", "household"},     {"ho gd", "household"},
	{"hgd", "household"},         {"ca nhan", "individual"},     {"cn", "individual"},
	{"collective", "collective"}, {"household", "household"},    {"individual", "individual"},
};

const char *award_type_parse(const char *text)
{
	if (!text)
		return NULL;
	char *k = text_search_key(text);
	/* "Cá nhân." or "(tập thể)": punctuation around the word is noise */
	size_t n = strlen(k), a = 0;
	while (a < n && strchr(".,;:()[]-", k[a]))
		a++;
	while (n > a && strchr(".,;:()[]-", k[n - 1]))
		n--;
	k[n] = '\0';
	const char *found = NULL;
	for (size_t i = 0; !found && i < sizeof type_words / sizeof *type_words; i++)
		if (strcmp(k + a, type_words[i][0]) == 0)
			found = type_words[i][1];
	free(k);
	return found;
}

/* ---- the catalogue ---- */

#define FORM_COLS                                                                                  \
	"code, name, kind, authority_level, recipient_types, valid_from, valid_to, position,"      \
	" aliases, report_row, builtin"

static void read_form(db_stmt *st, arena *ar, award_form *f)
{
	f->code = arena_strdup(ar, db_col_text(st, 0));
	f->name = arena_strdup(ar, db_col_text(st, 1));
	f->kind = arena_strdup(ar, db_col_text(st, 2));
	f->authority = arena_strdup(ar, db_col_text(st, 3));
	f->recipient_types = arena_strdup(ar, db_col_text(st, 4));
	f->valid_from = arena_strdup(ar, db_col_text(st, 5));
	f->valid_to = arena_strdup(ar, db_col_text(st, 6));
	f->position = (int)db_col_i64(st, 7);
	f->aliases = arena_strdup(ar, db_col_text(st, 8));
	f->report_row = arena_strdup(ar, db_col_text(st, 9));
	f->builtin = db_col_i64(st, 10) != 0;
}

int award_forms_list(db *d, arena *ar, const char *valid_on, award_form **out, size_t *n, err *e)
{
	*out = NULL;
	*n = 0;
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "SELECT " FORM_COLS " FROM award_forms"
			  " WHERE $1 = '' OR ((valid_from IS NULL OR valid_from <= $1)"
			  "                  AND (valid_to IS NULL OR valid_to >= $1))"
			  " ORDER BY position, code",
			  "t", valid_on ? valid_on : "");
	if (rc)
		return rc;
	size_t cap = 0;
	while ((rc = db_step(st, e)) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			award_form *nv = arena_alloc(ar, cap * sizeof *nv);
			if (*n)
				memcpy(nv, *out, *n * sizeof *nv);
			*out = nv;
		}
		read_form(st, ar, &(*out)[(*n)++]);
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

int award_form_get(db *d, arena *ar, const char *code, award_form *out, err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e, "SELECT " FORM_COLS " FROM award_forms WHERE code = $1", "t",
			  code ? code : "");
	if (rc)
		return rc;
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		read_form(st, ar, out);
		rc = 0;
	} else if (rc == DB_DONE) {
		rc = err_set(e, E_NOTFOUND, "Không tìm thấy hình thức khen thưởng “%s”",
			     code ? code : "");
	}
	db_finalize(st);
	return rc;
}

bool award_form_allows_type(const award_form *f, const char *t)
{
	if (!award_type_valid(t))
		return false;
	size_t n = strlen(t);
	for (const char *p = f->recipient_types; p && *p;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		if (len == n && strncmp(p, t, n) == 0)
			return true;
		p = comma ? comma + 1 : p + len;
	}
	return false;
}

bool award_form_valid_on(const award_form *f, const char *date)
{
	return (!f->valid_from || strcmp(date, f->valid_from) >= 0) &&
	       (!f->valid_to || strcmp(date, f->valid_to) <= 0);
}

const char *award_kind_label(const char *kind)
{
	static const char *const v[][2] = {
		{"order", "Huân chương"},       {"medal", "Huy chương"},
		{"honor_title", "Danh hiệu vinh dự nhà nước"},
		{"certificate", "Bằng khen, giấy khen"},
		{"emulation_title", "Danh hiệu thi đua"},
		{"flag", "Cờ thi đua"},         {"other", "Khác"},
	};
	for (size_t i = 0; kind && i < sizeof v / sizeof *v; i++)
		if (strcmp(v[i][0], kind) == 0)
			return v[i][1];
	return kind ? kind : "";
}

const char *award_report_row_label(const char *row)
{
	static const char *const v[][2] = {
		{"huan_chuong", "Huân chương"},
		{"bang_khen_ttg", "Bằng khen của Thủ tướng Chính phủ"},
		{"bang_khen_bo_tinh", "Bằng khen cấp bộ, tỉnh"},
		{"giay_khen", "Giấy khen"},
		{"co_thi_dua", "Cờ thi đua"},
		{"chien_si_thi_dua", "Chiến sĩ thi đua"},
		{"khac", "Khác"},
	};
	for (size_t i = 0; row && i < sizeof v / sizeof *v; i++)
		if (strcmp(v[i][0], row) == 0)
			return v[i][1];
	return row ? row : "";
}

static bool kind_valid(const char *k)
{
	static const char *const v[] = {"order", "medal", "honor_title", "certificate",
					"emulation_title", "flag", "other"};
	for (size_t i = 0; k && i < sizeof v / sizeof *v; i++)
		if (strcmp(v[i], k) == 0)
			return true;
	return false;
}

static bool report_row_valid(const char *r)
{
	static const char *const v[] = {"huan_chuong", "bang_khen_ttg", "bang_khen_bo_tinh",
					"giay_khen", "co_thi_dua", "chien_si_thi_dua", "khac"};
	for (size_t i = 0; r && i < sizeof v / sizeof *v; i++)
		if (strcmp(v[i], r) == 0)
			return true;
	return false;
}

/* "individual, collective" → "collective,individual" (catalogue order);
 * NULL when empty or holding an unknown type. */
static char *normalise_types(arena *ar, const char *s)
{
	bool has[3] = {false, false, false};
	bool any = false;
	char *copy = xstrdup(s ? s : "");
	for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		const char *t = award_type_parse(tok);
		int i = !t ? -1 : strcmp(t, "collective") == 0 ? 0 : strcmp(t, "household") == 0 ? 1 : 2;
		if (i < 0) {
			free(copy);
			return NULL;
		}
		has[i] = any = true;
	}
	free(copy);
	if (!any)
		return NULL;
	buf b = BUF_INIT;
	for (int i = 0; i < 3; i++)
		if (has[i]) {
			if (b.len)
				buf_putc(&b, ',');
			buf_puts(&b, type_codes[i]);
		}
	char *out = arena_strdup(ar, buf_cstr(&b));
	buf_free(&b);
	return out;
}

static char *form_json(const award_form *f)
{
	json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:i, s:s, s:s}", "code", f->code, "name",
			      f->name, "kind", f->kind, "authority", f->authority, "recipient_types",
			      f->recipient_types, "position", f->position, "aliases", f->aliases,
			      "report_row", f->report_row);
	json_object_set_new(o, "valid_from", f->valid_from ? json_string(f->valid_from) : json_null());
	json_object_set_new(o, "valid_to", f->valid_to ? json_string(f->valid_to) : json_null());
	char *s = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	return s;
}

/* Applies `in` over `f` (a new form or the stored one), validating each
 * field that is given. Builtin forms keep their identity. */
static int merge_form(arena *ar, award_form *f, const struct award_form_input *in, bool creating,
		      err *e)
{
	bool identity = in->kind || in->authority || in->recipient_types;
	if (!creating && f->builtin && identity)
		return err_set(e, E_INVAL,
			       "Hình thức có sẵn theo quy định chỉ được sửa tên, tên gọi khác, thời hạn áp dụng và thứ tự");
	char *clean = NULL;
	if (creating || in->name) {
		if (validate_name(in->name, 300, "Tên hình thức khen thưởng", &clean, e))
			return e->code;
		f->name = arena_strdup(ar, clean);
		free(clean);
	}
	if ((creating || in->kind) && !kind_valid(in->kind))
		return err_set(e, E_INVAL, "Loại hình thức không hợp lệ");
	if (creating || in->kind)
		f->kind = arena_strdup(ar, in->kind);
	if ((creating || in->authority) && !award_authority_valid(in->authority))
		return err_set(e, E_INVAL, "Cấp có thẩm quyền không hợp lệ");
	if (creating || in->authority)
		f->authority = arena_strdup(ar, in->authority);
	if (creating || in->recipient_types) {
		f->recipient_types = normalise_types(ar, in->recipient_types);
		if (!f->recipient_types)
			return err_set(e, E_INVAL,
				       "Đối tượng được tặng phải là một hoặc nhiều trong: tập thể, hộ gia đình, cá nhân");
	}
	const char *dates[2] = {in->valid_from, in->valid_to};
	char **slots[2] = {&f->valid_from, &f->valid_to};
	for (int i = 0; i < 2; i++) {
		if (!dates[i])
			continue;
		if (!*dates[i]) {
			*slots[i] = NULL;
			continue;
		}
		if (validate_date(dates[i], i ? "Ngày hết áp dụng" : "Ngày bắt đầu áp dụng", e))
			return e->code;
		*slots[i] = arena_strdup(ar, dates[i]);
	}
	if (f->valid_from && f->valid_to && strcmp(f->valid_from, f->valid_to) > 0)
		return err_set(e, E_INVAL, "Ngày hết áp dụng phải sau ngày bắt đầu áp dụng");
	if (in->aliases) {
		if (strlen(in->aliases) > 4000)
			return err_set(e, E_INVAL, "Tên gọi khác dài quá 4000 ký tự");
		/* one name per line on the form, '|' in storage */
		buf b = BUF_INIT;
		char *copy = xstrdup(in->aliases);
		for (char *save = NULL, *tok = strtok_r(copy, "|\r\n", &save); tok;
		     tok = strtok_r(NULL, "|\r\n", &save)) {
			char *t = text_clean_line(tok, strlen(tok));
			if (t && *t) {
				if (b.len)
					buf_putc(&b, '|');
				buf_puts(&b, t);
			}
			free(t);
		}
		free(copy);
		f->aliases = arena_strdup(ar, buf_cstr(&b));
		buf_free(&b);
	}
	if (in->report_row && !report_row_valid(in->report_row))
		return err_set(e, E_INVAL, "Dòng biểu tổng hợp không hợp lệ");
	if (in->report_row)
		f->report_row = arena_strdup(ar, in->report_row);
	if (in->position >= 0)
		f->position = in->position > 1000000 ? 1000000 : (int)in->position;
	return 0;
}

struct form_ctx {
	const actor *a;
	const award_form *f, *before;
};

static int form_save_tx(db *d, void *p, err *e)
{
	struct form_ctx *c = p;
	const award_form *f = c->f;
	char *key = text_search_key(f->name);
	int64_t rc;
	if (c->before)
		rc = db_run(d, e,
			    "UPDATE award_forms SET name = $1, kind = $2, authority_level = $3,"
			    " recipient_types = $4, valid_from = $5, valid_to = $6, position = $7,"
			    " search_key = $8, aliases = $9, report_row = $10 WHERE code = $11",
			    "ttttttittt" "t", f->name, f->kind, f->authority, f->recipient_types,
			    f->valid_from, f->valid_to, f->position, key, f->aliases, f->report_row,
			    f->code);
	else
		rc = db_run(d, e,
			    "INSERT INTO award_forms (code, name, kind, authority_level, recipient_types,"
			    " valid_from, valid_to, position, search_key, aliases, report_row, builtin)"
			    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0)",
			    "tttttttittt", f->code, f->name, f->kind, f->authority, f->recipient_types,
			    f->valid_from, f->valid_to, f->position, key, f->aliases, f->report_row);
	free(key);
	if (rc == E_CONFLICT)
		return err_set(e, E_CONFLICT, "Mã hình thức “%s” đã có trong danh mục", f->code);
	if (rc < 0)
		return (int)rc;
	char *bj = c->before ? form_json(c->before) : NULL, *aj = form_json(f);
	int r = audit_log(d, c->a, c->before ? "update" : "create", "award_form", 0, bj, aj, e);
	free(bj);
	free(aj);
	return r;
}

int award_form_create(db *d, const actor *a, const struct award_form_input *in, err *e)
{
	if (a->role != ROLE_ADMIN)
		return err_set(e, E_FORBIDDEN, "Chỉ quản trị hệ thống được bổ sung danh mục khen thưởng");
	if (validate_code(in->code, "Mã hình thức", e))
		return e->code;
	arena *ar = arena_new();
	award_form f = {.code = arena_strdup(ar, in->code), .aliases = "", .report_row = "khac"};
	int64_t last = 0;
	db_get_i64(d, &last, e, "SELECT COALESCE(MAX(position), 0) FROM award_forms", NULL);
	f.position = (int)last + 10;
	int rc = merge_form(ar, &f, in, true, e);
	if (rc == 0) {
		struct form_ctx c = {a, &f, NULL};
		rc = core_tx(d, e, form_save_tx, &c);
	}
	arena_free(ar);
	return rc;
}

int award_form_update(db *d, const actor *a, const char *code, const struct award_form_input *in,
		      err *e)
{
	if (a->role != ROLE_ADMIN)
		return err_set(e, E_FORBIDDEN, "Chỉ quản trị hệ thống được sửa danh mục khen thưởng");
	arena *ar = arena_new();
	award_form before, f;
	int rc = award_form_get(d, ar, code, &before, e);
	if (rc == 0) {
		f = before;
		rc = merge_form(ar, &f, in, false, e);
	}
	if (rc == 0) {
		struct form_ctx c = {a, &f, &before};
		rc = core_tx(d, e, form_save_tx, &c);
	}
	arena_free(ar);
	return rc;
}

/* ---- the units an actor sees, in memory ---- */

static int cmp_vunit_key(const void *x, const void *y)
{
	const struct vunit *a = *(struct vunit *const *)x, *b = *(struct vunit *const *)y;
	int c = strcmp(a->key, b->key);
	if (c)
		return c;
	if (a->active != b->active)
		return a->active ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

static int cmp_vunit_code(const void *x, const void *y)
{
	const struct vunit *a = *(struct vunit *const *)x, *b = *(struct vunit *const *)y;
	return strcmp(a->code_key, b->code_key);
}

int vunits_load(db *d, arena *ar, const actor *a, struct vunits *out, err *e)
{
	memset(out, 0, sizeof *out);
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "SELECT u.id, u.code, u.name, u.kind, u.search_key, u.valid_from, u.valid_to,"
			  " u.active FROM unit_ancestors x JOIN units u ON u.id = x.unit_id"
			  " WHERE x.ancestor_id = $1 ORDER BY u.id",
			  "l", a->unit_id);
	if (rc)
		return rc;
	size_t cap = 0;
	while ((rc = db_step(st, e)) == DB_ROW) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 256;
			struct vunit *nv = arena_alloc(ar, cap * sizeof *nv);
			if (out->n)
				memcpy(nv, out->v, out->n * sizeof *nv);
			out->v = nv;
		}
		struct vunit *u = &out->v[out->n++];
		u->id = db_col_i64(st, 0);
		u->code = arena_strdup(ar, db_col_text(st, 1));
		u->name = arena_strdup(ar, db_col_text(st, 2));
		u->kind = arena_strdup(ar, db_col_text(st, 3));
		u->key = arena_strdup(ar, db_col_text(st, 4));
		u->valid_from = arena_strdup(ar, db_col_text(st, 5));
		u->valid_to = arena_strdup(ar, db_col_text(st, 6));
		u->active = db_col_i64(st, 7) != 0;
		char *ck = text_search_key(u->code);
		u->code_key = arena_strdup(ar, ck);
		free(ck);
	}
	db_finalize(st);
	if (rc < 0)
		return rc;
	size_t n = out->n ? out->n : 1;
	out->by_key = arena_alloc(ar, n * sizeof *out->by_key);
	out->by_code = arena_alloc(ar, n * sizeof *out->by_code);
	for (size_t i = 0; i < out->n; i++)
		out->by_key[i] = out->by_code[i] = &out->v[i];
	qsort(out->by_key, out->n, sizeof *out->by_key, cmp_vunit_key);
	qsort(out->by_code, out->n, sizeof *out->by_code, cmp_vunit_code);
	return 0;
}

const struct vunit *vunits_get(const struct vunits *u, int64_t id)
{
	size_t lo = 0, hi = u->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (u->v[mid].id < id)
			lo = mid + 1;
		else if (u->v[mid].id > id)
			hi = mid;
		else
			return &u->v[mid];
	}
	return NULL;
}

/* First index in a sorted pointer array whose string field is >= key. */
static size_t lower_bound(struct vunit **v, size_t n, const char *key, bool by_code)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (strcmp(by_code ? v[mid]->code_key : v[mid]->key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const struct vunit *vunits_find(const struct vunits *u, const char *text, bool *ambiguous)
{
	*ambiguous = false;
	if (!text || !*text)
		return NULL;
	char *k = text_search_key(text);
	const struct vunit *found = NULL;
	size_t i = lower_bound(u->by_code, u->n, k, true);
	if (i < u->n && strcmp(u->by_code[i]->code_key, k) == 0) {
		found = u->by_code[i];
	} else {
		i = lower_bound(u->by_key, u->n, k, false);
		if (i < u->n && strcmp(u->by_key[i]->key, k) == 0) {
			found = u->by_key[i];
			/* the next one is a second candidate when it is as good */
			const struct vunit *next = i + 1 < u->n ? u->by_key[i + 1] : NULL;
			if (next && strcmp(next->key, k) == 0 && next->active == found->active)
				*ambiguous = true;
		}
	}
	free(k);
	return found;
}

/* ---- catalogue + movements, once per action ---- */

int award_catalog_load(db *d, arena *ar, const actor *a, struct award_catalog *out, err *e)
{
	memset(out, 0, sizeof *out);
	int rc = award_forms_list(d, ar, NULL, &out->forms, &out->n_forms, e);
	if (rc == 0)
		rc = movements_list(d, ar, a, NULL, &out->movements, &out->n_movements, e);
	return rc;
}

const award_form *award_catalog_form(const struct award_catalog *c, const char *code)
{
	for (size_t i = 0; code && i < c->n_forms; i++)
		if (strcmp(c->forms[i].code, code) == 0)
			return &c->forms[i];
	return NULL;
}

const movement *award_catalog_movement(const struct award_catalog *c, int64_t id)
{
	for (size_t i = 0; i < c->n_movements; i++)
		if (c->movements[i].id == id)
			return &c->movements[i];
	return NULL;
}

/* ---- reads ---- */

static const char *const not_found = "Không tìm thấy quyết định khen thưởng";

#define DECISION_SELECT                                                                            \
	"SELECT d.id, d.number, d.date, d.signer, d.signer_title, d.unit_id, u.name, d.form_code," \
	" f.name, (SELECT COUNT(*) FROM awards a WHERE a.decision_id = d.id), d.created_at"        \
	" FROM decisions d JOIN units u ON u.id = d.unit_id"                                       \
	" JOIN award_forms f ON f.code = d.form_code"

static void read_decision(db_stmt *st, arena *ar, decision *x)
{
	x->id = db_col_i64(st, 0);
	x->number = arena_strdup(ar, db_col_text(st, 1));
	x->date = arena_strdup(ar, db_col_text(st, 2));
	x->signer = arena_strdup(ar, db_col_text(st, 3));
	x->signer_title = arena_strdup(ar, db_col_text(st, 4));
	x->unit_id = db_col_i64(st, 5);
	x->unit_name = arena_strdup(ar, db_col_text(st, 6));
	x->form_code = arena_strdup(ar, db_col_text(st, 7));
	x->form_name = arena_strdup(ar, db_col_text(st, 8));
	x->n_awards = db_col_i64(st, 9);
	x->created_at = db_col_i64(st, 10);
}

int decisions_list(db *d, arena *ar, const actor *a, const struct decision_filter *f,
		   decision **out, size_t *n, err *e)
{
	*out = NULL;
	*n = 0;
	int64_t root = f && f->unit_id ? f->unit_id : a->unit_id;
	if (!unit_visible(d, a, root))
		return err_set(e, E_NOTFOUND, "Không tìm thấy đơn vị");
	char *pat = text_search_pattern(f && f->q ? f->q : "");
	char from[32] = "", to[32] = "";
	if (f && f->year > 0) {
		snprintf(from, sizeof from, "%04d-01-01", f->year);
		snprintf(to, sizeof to, "%04d-12-31", f->year);
	}
	buf sql = BUF_INIT;
	buf_puts(&sql, DECISION_SELECT
		 " WHERE d.unit_id IN (SELECT unit_id FROM unit_ancestors WHERE ancestor_id = $1)"
		 " AND ($2 = '' OR d.search_key LIKE '%' || $2 || '%' ESCAPE '\\')"
		 " AND ($3 = '' OR (d.date >= $3 AND d.date <= $4))"
		 " ORDER BY d.date DESC, d.id DESC");
	if (f && f->limit > 0)
		buf_printf(&sql, " LIMIT %lld OFFSET %lld", (long long)f->limit, (long long)f->offset);
	db_stmt *st;
	int rc = db_query(d, &st, e, buf_cstr(&sql), "ltt" "t", root, pat, from, to);
	buf_free(&sql);
	free(pat);
	if (rc)
		return rc;
	size_t cap = 0;
	while ((rc = db_step(st, e)) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			decision *nv = arena_alloc(ar, cap * sizeof *nv);
			if (*n)
				memcpy(nv, *out, *n * sizeof *nv);
			*out = nv;
		}
		read_decision(st, ar, &(*out)[(*n)++]);
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

#define AWARD_SELECT                                                                               \
	"SELECT a.id, a.decision_id, a.form_code, f.name, a.recipient_type, a.name, a.position,"   \
	" a.unit_id, a.unit_name, a.movement_id, a.year, a.achievement, d.number, d.date"          \
	" FROM awards a JOIN decisions d ON d.id = a.decision_id"                                  \
	" JOIN award_forms f ON f.code = a.form_code"

static int collect_awards(db_stmt *st, arena *ar, award **out, size_t *n, err *e)
{
	int rc;
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	while ((rc = db_step(st, e)) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			award *nv = arena_alloc(ar, cap * sizeof *nv);
			if (*n)
				memcpy(nv, *out, *n * sizeof *nv);
			*out = nv;
		}
		award *w = &(*out)[(*n)++];
		w->id = db_col_i64(st, 0);
		w->decision_id = db_col_i64(st, 1);
		w->form_code = arena_strdup(ar, db_col_text(st, 2));
		w->form_name = arena_strdup(ar, db_col_text(st, 3));
		w->recipient_type = arena_strdup(ar, db_col_text(st, 4));
		w->name = arena_strdup(ar, db_col_text(st, 5));
		w->position = arena_strdup(ar, db_col_text(st, 6));
		w->unit_id = db_col_null(st, 7) ? 0 : db_col_i64(st, 7);
		w->unit_name = arena_strdup(ar, db_col_text(st, 8));
		w->movement_id = db_col_null(st, 9) ? 0 : db_col_i64(st, 9);
		w->year = (int)db_col_i64(st, 10);
		w->achievement = arena_strdup(ar, db_col_text(st, 11));
		w->decision_number = arena_strdup(ar, db_col_text(st, 12));
		w->decision_date = arena_strdup(ar, db_col_text(st, 13));
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

int decision_get(db *d, arena *ar, const actor *a, int64_t id, decision *out, award **awards,
		 size_t *n_awards, err *e)
{
	db_stmt *st;
	/* visible through the issuer, or through one recipient's unit */
	int rc = db_query(d, &st, e,
			  DECISION_SELECT
			  " WHERE d.id = $1 AND (d.unit_id IN (SELECT unit_id FROM unit_ancestors"
			  "                                    WHERE ancestor_id = $2)"
			  "  OR EXISTS (SELECT 1 FROM awards a JOIN unit_ancestors x"
			  "             ON x.unit_id = a.scope_unit_id AND x.ancestor_id = $2"
			  "             WHERE a.decision_id = d.id))",
			  "ll", id, a->unit_id);
	if (rc)
		return rc;
	rc = db_step(st, e);
	if (rc == DB_ROW)
		read_decision(st, ar, out);
	db_finalize(st);
	if (rc == DB_DONE)
		return err_set(e, E_NOTFOUND, "%s", not_found);
	if (rc < 0)
		return rc;
	if (!awards)
		return 0;
	rc = db_query(d, &st, e, AWARD_SELECT " WHERE a.decision_id = $1 ORDER BY a.id", "l", id);
	return rc ? rc : collect_awards(st, ar, awards, n_awards, e);
}

int awards_search(db *d, arena *ar, const actor *a, const char *q, int64_t limit, int64_t offset,
		  award **out, size_t *n, err *e)
{
	char *pat = text_search_pattern(q ? q : "");
	buf sql = BUF_INIT;
	/* newest first by id, so that a common name stops at the limit
	 * instead of sorting every match */
	buf_puts(&sql, AWARD_SELECT
		 " WHERE ($2 = '' OR a.search_key LIKE '%' || $2 || '%' ESCAPE '\\')"
		 " AND (a.scope_unit_id IN (SELECT unit_id FROM unit_ancestors WHERE ancestor_id = $1)"
		 "  OR a.issuer_unit_id IN (SELECT unit_id FROM unit_ancestors WHERE ancestor_id = $1))"
		 " ORDER BY a.id DESC");
	buf_printf(&sql, " LIMIT %lld OFFSET %lld", (long long)(limit > 0 ? limit : 100),
		   (long long)(offset > 0 ? offset : 0));
	db_stmt *st;
	int rc = db_query(d, &st, e, buf_cstr(&sql), "lt", a->unit_id, pat);
	buf_free(&sql);
	free(pat);
	return rc ? rc : collect_awards(st, ar, out, n, e);
}
