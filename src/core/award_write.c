/*
 * award_write.c — recording decisions: authorization, then every field of
 * every decision and award checked against the catalogue and the authority
 * rules, then one transaction writing the decisions, their awards (bulk
 * statements prepared once), the award counts and one audit row per
 * decision. Used by the decision form, the API and the importer alike.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/award_counts.h"
#include "core/award_rules.h"
#include "core/awards_int.h"
#include "core/validate.h"
#include "text/text.h"

/* Rows per INSERT: few enough for any engine's parameter limit, many enough
 * that a 50,000-row import is 500 statements. */
#define BATCH 100
#define AWARD_NCOLS 14

/* An award ready to store: every text cleaned, every id resolved. */
struct row {
	const char *rtype, *name, *position, *unit_name, *achievement;
	char *key;
	int64_t unit_id, scope_id, movement_id;
	int year;
};

/* A decision ready to store. */
struct ready {
	const char *number, *date, *signer, *signer_title;
	const award_form *form;
	const struct vunit *issuer;
	struct row *rows;
	size_t n;
	int64_t id;
};

static bool may_record(const actor *a)
{
	return a->role == ROLE_ADMIN || a->role == ROLE_OFFICER;
}

/* "Dòng 12: " for an imported row, "Khen thưởng thứ 3: " for a form row. */
static const char *where(arena *ar, int line, size_t index)
{
	if (line > 0)
		return arena_printf(ar, "Dòng %d: ", line);
	return arena_printf(ar, "Người, tập thể được khen thứ %zu: ", index + 1);
}

/* Prefixes e's message with the place. */
static int at(err *e, const char *place)
{
	char msg[sizeof e->msg];
	snprintf(msg, sizeof msg, "%s", e->msg);
	return err_set(e, e->code, "%s%s", place, msg);
}

/* A cleaned one-line text (arena) of at most max code points; "" allowed
 * unless required. */
static int text_field(arena *ar, const char *s, size_t max, bool required, const char *what,
		      const char **out, err *e)
{
	if (!required && (!s || !*s)) {
		*out = "";
		return 0;
	}
	char *clean = NULL;
	if (validate_name(s, max, what, &clean, e))
		return e->code;
	*out = arena_strdup(ar, clean);
	free(clean);
	return 0;
}

/* ---- authorization ---- */

static int authorize(const actor *a, const struct vunits *units, const struct decision_input *v,
		     size_t n, arena *ar, int *bad_row, err *e)
{
	if (!may_record(a))
		return err_set(e, E_FORBIDDEN,
			       "Chỉ cán bộ thi đua - khen thưởng hoặc quản trị hệ thống được nhập quyết định khen thưởng");
	for (size_t i = 0; i < n; i++) {
		if (!vunits_get(units, v[i].unit_id)) {
			*bad_row = v[i].line;
			return err_set(e, E_FORBIDDEN, "%sKhông có quyền nhập quyết định của đơn vị này",
				       v[i].line ? where(ar, v[i].line, 0) : "");
		}
		for (size_t k = 0; k < v[i].n_awards; k++) {
			const struct award_input *w = &v[i].awards[k];
			if (w->unit_id && !vunits_get(units, w->unit_id)) {
				*bad_row = w->line;
				return err_set(e, E_FORBIDDEN, "%sKhông có quyền ghi khen thưởng cho đơn vị này",
					       where(ar, w->line, k));
			}
		}
	}
	return 0;
}

/* ---- validation ---- */

/* The issuing unit must exist on the decision's date and hold the power. */
static int check_authority(const struct ready *r, err *e)
{
	const struct vunit *u = r->issuer;
	if ((u->valid_from && strcmp(r->date, u->valid_from) < 0) ||
	    (u->valid_to && strcmp(r->date, u->valid_to) > 0))
		return err_set(e, E_INVAL, "Đơn vị ban hành “%s” không hoạt động vào ngày %s", u->name,
			       r->date);
	const char *basis = NULL;
	if (award_rule_allows(u->kind, r->form->code, r->form->authority, r->date, &basis))
		return 0;
	enum award_issuer who = award_issuer_of(u->kind);
	if (basis)
		return err_set(e, E_INVAL,
			       "“%s” (%s) không còn hoặc chưa có thẩm quyền tặng “%s” vào ngày %s (%s)",
			       u->name, award_issuer_label(who), r->form->name, r->date, basis);
	return err_set(e, E_INVAL, "“%s” (%s) không có thẩm quyền tặng “%s”; hình thức này do %s quyết định",
		       u->name, award_issuer_label(who), r->form->name,
		       award_authority_label(r->form->authority));
}

static const char *types_text(arena *ar, const award_form *f)
{
	buf b = BUF_INIT;
	const char *codes[] = {"collective", "household", "individual"};
	for (int i = 0; i < 3; i++)
		if (award_form_allows_type(f, codes[i])) {
			if (b.len)
				buf_puts(&b, ", ");
			char *low = arena_strdup(ar, award_type_label(codes[i]));
			low[0] = (char)(low[0] - 'A' + 'a'); /* "Tập" → "tập": ASCII capitals */
			buf_puts(&b, low);
		}
	const char *s = arena_strdup(ar, buf_cstr(&b));
	buf_free(&b);
	return s;
}

static int check_award(arena *ar, const struct award_catalog *cat, const struct vunits *units,
		       const struct ready *r, const struct award_input *w, struct row *out, err *e)
{
	if (!award_type_valid(w->recipient_type))
		return err_set(e, E_INVAL, "Đối tượng phải là tập thể, hộ gia đình hoặc cá nhân");
	if (!award_form_allows_type(r->form, w->recipient_type))
		return err_set(e, E_INVAL, "“%s” không dành cho %s (chỉ tặng %s)", r->form->name,
			       award_type_label(w->recipient_type), types_text(ar, r->form));
	out->rtype = w->recipient_type;
	if (text_field(ar, w->name, 300, true, "Tên người, tập thể được khen", &out->name, e) ||
	    text_field(ar, w->position, 200, false, "Chức vụ", &out->position, e) ||
	    text_field(ar, w->achievement, 4000, false, "Thành tích", &out->achievement, e))
		return e->code;
	int64_t year = w->year ? w->year : atoi(r->date);
	if (validate_year(year, "Năm khen thưởng", e))
		return e->code;
	out->year = (int)year;
	out->movement_id = w->movement_id;
	if (w->movement_id && !award_catalog_movement(cat, w->movement_id))
		return err_set(e, E_INVAL, "Không tìm thấy phong trào thi đua được chọn");
	out->unit_id = w->unit_id;
	if (w->unit_id) {
		out->unit_name = vunits_get(units, w->unit_id)->name;
	} else if (text_field(ar, w->unit_name, 300, false, "Đơn vị", &out->unit_name, e)) {
		return e->code;
	}
	/* counted under the recipient's unit, else under the issuer */
	out->scope_id = w->unit_id ? w->unit_id : r->issuer->id;
	char *key = text_search_key(out->name);
	out->key = arena_strdup(ar, key);
	free(key);
	return 0;
}

static int check_decision(arena *ar, const struct award_catalog *cat, const struct vunits *units,
			  const struct decision_input *in, struct ready *r, int *bad_row, err *e)
{
	memset(r, 0, sizeof *r);
	*bad_row = in->line;
	const char *place = in->line ? where(ar, in->line, 0) : "";
	r->issuer = vunits_get(units, in->unit_id);
	if (text_field(ar, in->number, 64, true, "Số quyết định", &r->number, e) ||
	    validate_date(in->date, "Ngày quyết định", e) ||
	    text_field(ar, in->signer, 200, false, "Người ký", &r->signer, e) ||
	    text_field(ar, in->signer_title, 200, false, "Chức vụ người ký", &r->signer_title, e))
		return at(e, place);
	r->date = arena_strdup(ar, in->date);
	r->form = award_catalog_form(cat, in->form_code);
	if (!r->form)
		return err_set(e, E_INVAL, "%sHình thức khen thưởng “%s” không có trong danh mục", place,
			       in->form_code ? in->form_code : "");
	if (!award_form_valid_on(r->form, r->date))
		return err_set(e, E_INVAL, "%s“%s” không được áp dụng vào ngày %s", place, r->form->name,
			       r->date);
	if (check_authority(r, e))
		return at(e, place);
	if (in->n_awards == 0)
		return err_set(e, E_INVAL, "%sQuyết định phải có ít nhất một người, tập thể được khen", place);
	if (in->n_awards > AWARD_MAX_PER_DECISION)
		return err_set(e, E_INVAL, "%sMột quyết định có tối đa %d người, tập thể được khen", place,
			       AWARD_MAX_PER_DECISION);
	r->rows = arena_alloc(ar, in->n_awards * sizeof *r->rows);
	r->n = in->n_awards;
	for (size_t k = 0; k < in->n_awards; k++) {
		const struct award_input *w = &in->awards[k];
		if (check_award(ar, cat, units, r, w, &r->rows[k], e)) {
			*bad_row = w->line;
			return at(e, where(ar, w->line, k));
		}
	}
	*bad_row = 0;
	return 0;
}

/* ---- writing ---- */

static int insert_decision(db *d, const actor *a, struct ready *r, int line, err *e)
{
	char *key = text_search_key(r->number);
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "INSERT INTO decisions (number, date, signer, signer_title, unit_id, form_code,"
			  " created_by, created_at, search_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
			  " RETURNING id",
			  "ttttltnlt", r->number, r->date, r->signer, r->signer_title, r->issuer->id,
			  r->form->code, now_unix(), key);
	free(key);
	if (rc)
		return rc;
	if (a->user_id)
		db_bind_i64(st, 7, a->user_id);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		r->id = db_col_i64(st, 0);
	db_finalize(st);
	if (rc == E_CONFLICT) {
		char place[32] = "";
		if (line)
			snprintf(place, sizeof place, "Dòng %d: ", line);
		return err_set(e, E_CONFLICT, "%sQuyết định số %s ngày %s của “%s” đã có trong hệ thống",
			       place, r->number, r->date, r->issuer->name);
	}
	return rc < 0 ? rc : 0;
}

static char *values_sql(size_t rows)
{
	buf b = BUF_INIT;
	buf_puts(&b, "INSERT INTO awards (decision_id, form_code, recipient_type, name, position,"
		     " unit_id, unit_name, issuer_unit_id, scope_unit_id, movement_id, year,"
		     " achievement, search_key, created_at) VALUES ");
	for (size_t i = 0; i < rows; i++) {
		buf_puts(&b, i ? ",(" : "(");
		for (int c = 1; c <= AWARD_NCOLS; c++)
			buf_printf(&b, c > 1 ? ",$%zu" : "$%zu", i * AWARD_NCOLS + (size_t)c);
		buf_putc(&b, ')');
	}
	return buf_detach(&b);
}

static void bind_row(db_stmt *st, int base, const struct ready *r, const struct row *w,
		     int64_t now)
{
	db_bind_i64(st, base + 1, r->id);
	db_bind_text(st, base + 2, r->form->code);
	db_bind_text(st, base + 3, w->rtype);
	db_bind_text(st, base + 4, w->name);
	db_bind_text(st, base + 5, w->position);
	if (w->unit_id)
		db_bind_i64(st, base + 6, w->unit_id);
	else
		db_bind_null(st, base + 6);
	db_bind_text(st, base + 7, w->unit_name);
	db_bind_i64(st, base + 8, r->issuer->id);
	db_bind_i64(st, base + 9, w->scope_id);
	if (w->movement_id)
		db_bind_i64(st, base + 10, w->movement_id);
	else
		db_bind_null(st, base + 10);
	db_bind_i64(st, base + 11, w->year);
	db_bind_text(st, base + 12, w->achievement);
	db_bind_text(st, base + 13, w->key);
	db_bind_i64(st, base + 14, now);
}

/* Inserts the awards of every decision, BATCH rows per statement; the
 * full-size statement is prepared once and reset between batches. */
static int insert_awards(db *d, const struct ready *v, size_t n, err *e)
{
	db_stmt *full = NULL, *st = NULL;
	int64_t now = now_unix();
	size_t filled = 0;
	int rc = 0;
	/* walk every (decision, award) pair, flushing each full batch */
	size_t total = 0;
	for (size_t i = 0; i < n; i++)
		total += v[i].n;
	size_t done = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		for (size_t k = 0; k < v[i].n && rc == 0; k++) {
			if (filled == 0) {
				size_t left = total - done;
				if (left >= BATCH && full) {
					db_reset(full);
					st = full;
				} else {
					char *sql = values_sql(left >= BATCH ? BATCH : left);
					rc = db_prepare(d, sql, &st, e);
					free(sql);
					if (rc)
						break;
					if (left >= BATCH)
						full = st;
				}
			}
			bind_row(st, (int)(filled * AWARD_NCOLS), &v[i], &v[i].rows[k], now);
			filled++;
			done++;
			if (filled == BATCH || done == total) {
				rc = db_step(st, e);
				rc = rc < 0 ? rc : 0;
				if (st != full)
					db_finalize(st);
				st = NULL;
				filled = 0;
			}
		}
	}
	if (st && st != full)
		db_finalize(st);
	db_finalize(full);
	return rc;
}

static int audit_decision(db *d, const actor *a, const struct ready *r, const char *source,
			  err *e)
{
	json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:s, s:I, s:s, s:I, s:s}", "id", (json_int_t)r->id,
			      "number", r->number, "date", r->date, "signer", r->signer,
			      "signer_title", r->signer_title, "unit_id", (json_int_t)r->issuer->id,
			      "form_code", r->form->code, "awards", (json_int_t)r->n, "source",
			      source);
	char *after = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	int rc = audit_log(d, a, "create", "decision", r->id, NULL, after, e);
	free(after);
	return rc;
}

struct write_ctx {
	const actor *a;
	struct ready *v;
	const struct decision_input *in;
	size_t n;
	const char *source;
	int *bad_row;
};

static int write_tx(db *d, void *p, err *e)
{
	struct write_ctx *c = p;
	int rc = 0;
	for (size_t i = 0; i < c->n && rc == 0; i++) {
		rc = insert_decision(d, c->a, &c->v[i], c->in[i].line, e);
		if (rc)
			*c->bad_row = c->in[i].line;
	}
	if (rc == 0)
		rc = insert_awards(d, c->v, c->n, e);
	int64_t *ids = xcalloc(c->n ? c->n : 1, sizeof *ids);
	for (size_t i = 0; i < c->n; i++)
		ids[i] = c->v[i].id;
	if (rc == 0)
		rc = award_counts_add_decisions(d, ids, c->n, 1, e);
	free(ids);
	for (size_t i = 0; i < c->n && rc == 0; i++)
		rc = audit_decision(d, c->a, &c->v[i], c->source, e);
	return rc;
}

int award_write(db *d, const actor *a, const struct vunits *units,
		const struct award_catalog *cat, const struct decision_input *v, size_t n,
		const char *source, int64_t *first_id, int64_t *created, int *bad_row, err *e)
{
	*created = 0;
	*bad_row = 0;
	if (first_id)
		*first_id = 0;
	arena *ar = arena_new();
	int rc = authorize(a, units, v, n, ar, bad_row, e);
	struct ready *ready = arena_alloc(ar, (n ? n : 1) * sizeof *ready);
	int64_t total = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		rc = check_decision(ar, cat, units, &v[i], &ready[i], bad_row, e);
		total += (int64_t)v[i].n_awards;
	}
	if (rc == 0 && total > AWARD_MAX_PER_DECISION)
		rc = err_set(e, E_INVAL, "Một lần nhập có tối đa %d người, tập thể được khen",
			     AWARD_MAX_PER_DECISION);
	if (rc == 0) {
		struct write_ctx c = {a, ready, v, n, source, bad_row};
		rc = core_tx(d, e, write_tx, &c);
	}
	if (rc == 0) {
		*created = total;
		if (first_id && n)
			*first_id = ready[0].id;
	}
	arena_free(ar);
	return rc;
}

int decision_create(db *d, const actor *a, const struct decision_input *in, int64_t *id, err *e)
{
	if (!may_record(a))
		return err_set(e, E_FORBIDDEN,
			       "Chỉ cán bộ thi đua - khen thưởng hoặc quản trị hệ thống được nhập quyết định khen thưởng");
	arena *ar = arena_new();
	struct vunits units;
	struct award_catalog cat;
	int64_t created = 0;
	int bad = 0;
	int rc = vunits_load(d, ar, a, &units, e);
	if (rc == 0)
		rc = award_catalog_load(d, ar, a, &cat, e);
	if (rc == 0)
		rc = award_write(d, a, &units, &cat, in, 1, "form", id, &created, &bad, e);
	arena_free(ar);
	return rc;
}

int decisions_create_many(db *d, const actor *a, const struct decision_input *v, size_t n,
			  const char *source, int64_t *created, int *bad_row, err *e)
{
	*created = 0;
	*bad_row = 0;
	if (!may_record(a))
		return err_set(e, E_FORBIDDEN,
			       "Chỉ cán bộ thi đua - khen thưởng hoặc quản trị hệ thống được nhập quyết định khen thưởng");
	arena *ar = arena_new();
	struct vunits units;
	struct award_catalog cat;
	int rc = vunits_load(d, ar, a, &units, e);
	if (rc == 0)
		rc = award_catalog_load(d, ar, a, &cat, e);
	if (rc == 0)
		rc = award_write(d, a, &units, &cat, v, n, source, NULL, created, bad_row, e);
	arena_free(ar);
	return rc;
}
