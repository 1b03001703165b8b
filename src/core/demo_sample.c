/*
 * demo_sample.c — sample work on top of the demo data set, for `make run`:
 * the province's TĐKT office has imported an outline, sent a campaign to
 * every commune-level unit (deadline ten days ahead, so the picture is
 * live whenever the demo starts) and an older one to the departments
 * (deadline past: what came in came in late); reports stand in every
 * state; a few commendation decisions are on record. Everything goes
 * through the core functions, so the sample obeys every rule and leaves
 * audit rows. Tests do not load it: their counts stay those of the tree.
 */
#include "demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/awards.h"
#include "core/campaigns.h"
#include "core/deadline.h"
#include "core/outlines.h"
#include "core/reports.h"
#include "outline/outline.h"
#include "util/embedded.h"

#define SAMPLE_DOC_NO "2150/SNV-TĐKT"
#define OLD_DOC_NO "1875/SNV-TĐKT"

/* The actor of a demo account. */
static int actor_of(db *d, const char *login, actor *a, err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e, "SELECT id, unit_id, role, full_name FROM users WHERE login = $1",
			  "t", login);
	if (rc)
		return rc;
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		memset(a, 0, sizeof *a);
		a->user_id = db_col_i64(st, 0);
		a->unit_id = db_col_i64(st, 1);
		a->role = role_parse(db_col_text(st, 2));
		snprintf(a->login, sizeof a->login, "%s", login);
		snprintf(a->full_name, sizeof a->full_name, "%s", db_col_text(st, 3));
		rc = 0;
	} else if (rc == DB_DONE) {
		rc = err_set(e, E_NOTFOUND, "thiếu tài khoản mẫu %s", login);
	}
	db_finalize(st);
	return rc;
}

static int64_t unit_id_of(db *d, const char *code, err *e)
{
	int64_t id = 0;
	return db_get_i64(d, &id, e, "SELECT id FROM units WHERE code = $1", "t", code) ? 0 : id;
}

static const char *date_in_days(arena *ar, int days)
{
	int y, m, dd;
	local_date_of(now_unix() + (int64_t)days * 86400, &y, &m, &dd);
	return arena_printf(ar, "%04d-%02d-%02d", y, m, dd);
}

/* A small deterministic generator: the same demo on every machine. */
static uint32_t next_rand(uint32_t *s)
{
	*s = *s * 1664525u + 1013904223u;
	return *s >> 8;
}

static int import_outline(db *d, arena *ar, const actor *off, int64_t *id, err *e)
{
	const struct embedded_file *f = NULL;
	for (const struct embedded_file *x = embedded_data; x->name; x++)
		if (strcmp(x->name, "outline-vi-nguoi-ngheo.txt") == 0)
			f = x;
	if (!f)
		return err_set(e, E_INTERNAL, "thiếu đề cương mẫu trong dữ liệu mẫu");
	outline_created *v;
	size_t n;
	int rc = outline_store_import(d, ar, off, f->data, f->len, false, &v, &n, e);
	if (rc == 0)
		*id = v[0].id;
	return rc;
}

static int64_t movement_of(db *d, int64_t unit_id, const char *key)
{
	int64_t id = 0;
	err e;
	if (db_get_i64(d, &id, &e,
		       "SELECT MIN(id) FROM movements WHERE unit_id = $1 AND search_key LIKE $2", "lt",
		       unit_id, key))
		return 0;
	return id;
}

/* ---- report content ---- */

/* Narrative for a leaf item, in the unit's words (formats are literals so
 * the compiler checks them). */
static char *item_text(arena *ar, const char *unit, const stored_item *it, uint32_t *s)
{
	unsigned a = 5 + next_rand(s) % 40, b = 20 + next_rand(s) % 200, c = next_rand(s) % 4,
		 dd = next_rand(s) % 10;
	if (strstr(it->title, "ết quả") || strstr(it->title, "ẾT QUẢ"))
		return next_rand(s) % 2
			       ? arena_printf(ar,
					      "Kết quả nổi bật:\n- Hỗ trợ xây mới và sửa chữa **%u** nhà ở cho "
					      "hộ nghèo;\n- Tạo việc làm mới cho %u lao động;\n- Tỷ lệ hộ "
					      "nghèo giảm *%u,%u%%* so với đầu kỳ.",
					      a, b, c, dd)
			       : arena_printf(ar,
					      "Đến nay đã có **%u** hộ thoát nghèo, %u hộ được vay vốn ưu đãi; "
					      "tỷ lệ hộ nghèo còn %u,%u%%.",
					      a, b, c, dd);
	switch (next_rand(s) % 3) {
	case 0:
		return arena_printf(ar,
				    "Ngay sau khi nhận được Kế hoạch của tỉnh, %s đã ban hành kế hoạch triển "
				    "khai, phân công cán bộ theo dõi và lồng ghép nội dung phong trào vào các "
				    "chương trình phát triển kinh tế - xã hội của địa phương.",
				    unit);
	case 1:
		return arena_printf(ar,
				    "%s đã tổ chức quán triệt đến cán bộ, đảng viên và Nhân dân; công tác "
				    "tuyên truyền được thực hiện qua hệ thống truyền thanh cơ sở, các cuộc họp "
				    "thôn, tổ dân phố và trang thông tin điện tử.",
				    unit);
	default:
		return arena_printf(ar,
				    "Trong kỳ báo cáo, %s đã huy động sự vào cuộc của cả hệ thống chính trị; "
				    "các hội, đoàn thể nhận đỡ đầu hộ nghèo, hộ cận nghèo và hỗ trợ sinh kế "
				    "bền vững.",
				    unit);
	}
}

static struct report_cell *table_cells(arena *ar, const figure_table *t, uint32_t *s, size_t *n)
{
	struct report_cell *v = arena_alloc(ar, (t->n_rows * t->n_cols + 1) * sizeof *v);
	*n = 0;
	for (size_t r = 0; r < t->n_rows; r++)
		for (size_t c = 0; c < t->n_cols; c++) {
			uint32_t x = next_rand(s) % 12;
			if (x < 4) /* most cells of a commune's table stay empty */
				v[(*n)++] = (struct report_cell){t->rows[r].key, t->cols[c].key,
								 (double)(x + 1 + r % 3)};
		}
	return v;
}

static bool has_children(const stored_outline *o, size_t i)
{
	return i + 1 < o->n_items && o->items[i + 1].depth > o->items[i].depth;
}

/* Answers for the leaves of the outline; `share` of 100 of them filled. */
static void fill_content(arena *ar, const stored_outline *o, const char *unit, uint32_t seed,
			 unsigned share, struct report_content *c)
{
	c->items = arena_alloc(ar, (o->n_items + 1) * sizeof *c->items);
	c->n = 0;
	for (size_t i = 0; i < o->n_items; i++) {
		const stored_item *it = &o->items[i];
		if (has_children(o, i) || next_rand(&seed) % 100 >= share)
			continue;
		struct report_answer *an = &c->items[c->n];
		memset(an, 0, sizeof *an);
		an->item_id = it->id;
		an->text = (it->asks & OUTLINE_ASK_TEXT) ? item_text(ar, unit, it, &seed) : arena_strdup(ar, "");
		if (it->table)
			an->cells = table_cells(ar, it->table, &seed, &an->n_cells);
		if (it->asks & OUTLINE_ASK_MODELS) {
			an->models = arena_alloc(ar, sizeof *an->models);
			an->models[0] = (struct report_model){
				arena_printf(ar, "Tổ hợp tác chăn nuôi bò sinh sản %s", unit),
				arena_strdup(ar, "model"),
				arena_strdup(ar, unit),
				arena_strdup(ar, ""),
				arena_strdup(ar, "Hỗ trợ con giống, hướng dẫn kỹ thuật cho hộ nghèo"),
				12,
				30,
				-1};
			an->n_models = 1;
		}
		if (an->text[0] || an->n_cells || an->n_models)
			c->n++;
	}
}

/* ---- campaigns ---- */

struct unit_report {
	int64_t report_id, unit_id;
	char *unit_name, *unit_code;
};

static int campaign_reports(db *d, arena *ar, int64_t campaign_id, struct unit_report **out,
			    size_t *n, err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "SELECT r.id, u.id, u.name, u.code FROM reports r JOIN units u ON u.id = r.unit_id"
			  " WHERE r.campaign_id = $1 ORDER BY u.code",
			  "l", campaign_id);
	if (rc)
		return rc;
	size_t cap = 128;
	*out = arena_alloc(ar, cap * sizeof **out);
	*n = 0;
	while ((rc = db_step(st, e)) == DB_ROW) {
		if (*n == cap) {
			struct unit_report *v = arena_alloc(ar, (cap *= 2) * sizeof *v);
			memcpy(v, *out, *n * sizeof *v);
			*out = v;
		}
		(*out)[(*n)++] = (struct unit_report){db_col_i64(st, 0), db_col_i64(st, 1),
						      arena_strdup(ar, db_col_text(st, 2)),
						      arena_strdup(ar, db_col_text(st, 3))};
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

/* What happens to the i-th report of a campaign. */
enum fate { UNTOUCHED, DRAFT, SUBMITTED, RETURNED, ACCEPTED };

static enum fate fate_of(size_t i, const struct unit_report *u)
{
	if (strcmp(u->unit_code, "QNG-X-21025") == 0)
		return DRAFT; /* Cẩm Thành's demo users carry on from here */
	switch (i % 10) {
	case 0: case 5: return UNTOUCHED;
	case 1: return DRAFT;
	case 3: return RETURNED;
	case 4: case 8: return ACCEPTED;
	default: return SUBMITTED;
	}
}

static int play_report(db *d, const actor *off, const stored_outline *o, const struct unit_report *u,
		       enum fate f, err *e)
{
	if (f == UNTOUCHED)
		return 0;
	arena *ar = arena_new();
	actor staff = {.user_id = 0, .unit_id = u->unit_id, .role = ROLE_OFFICER};
	snprintf(staff.login, sizeof staff.login, "system");
	struct report_content c;
	fill_content(ar, o, u->unit_name, (uint32_t)u->unit_id * 2654435761u, f == DRAFT ? 35 : 90, &c);
	int version = 0;
	bool late;
	int rc = report_save(d, &staff, u->report_id, 1, &c, &version, e);
	if (rc == 0 && f != DRAFT)
		rc = report_submit(d, &staff, u->report_id, &late, e);
	if (rc == 0 && f == RETURNED)
		rc = report_return(d, off, u->report_id,
				   "Đề nghị bổ sung số liệu khen thưởng tại mục II.5 và làm rõ kết quả giảm "
				   "nghèo năm 2025.",
				   e);
	if (rc == 0 && f == ACCEPTED)
		rc = report_accept(d, off, u->report_id, e);
	arena_free(ar);
	return rc;
}

static int issue(db *d, const actor *off, const struct campaign_input *in, const stored_outline *o,
		 bool all_submit, int64_t *id, err *e)
{
	int rc = campaign_issue(d, off, in, id, e);
	arena *ar = arena_new();
	struct unit_report *v = NULL;
	size_t n = 0;
	if (rc == 0)
		rc = campaign_reports(d, ar, *id, &v, &n, e);
	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = play_report(d, off, o, &v[i],
				 all_submit ? (i % 2 ? SUBMITTED : UNTOUCHED) : fate_of(i, &v[i]), e);
	arena_free(ar);
	return rc;
}

static int sample_campaigns(db *d, arena *ar, const actor *off, err *e)
{
	int64_t outline_id = 0, id = 0;
	stored_outline o;
	report_schema s;
	int rc = import_outline(d, ar, off, &outline_id, e);
	if (rc == 0)
		rc = report_schema_load(d, ar, outline_id, &o, &s, e);
	if (rc)
		return rc;
	int64_t qng = off->unit_id;
	/* dates relative to today, so the demo looks live whenever it starts */
	int y, m, dd;
	local_date_of(now_unix(), &y, &m, &dd);
	if (m == 1 && dd <= 7) /* the period must end after it begins */
		y--;
	const char *communes[] = {"commune", "ward", "special_zone"};
	struct campaign_input now = {
		.title = arena_printf(ar, "Báo cáo sơ kết Phong trào thi đua “Vì người nghèo - Không để ai "
					  "bị bỏ lại phía sau” năm %d",
				      y),
		.document_no = SAMPLE_DOC_NO,
		.document_date = date_in_days(ar, -5),
		.period_from = arena_printf(ar, "%04d-01-01", y),
		.period_to = date_in_days(ar, -6),
		.deadline = date_in_days(ar, 10),
		.outline_id = outline_id,
		.movement_id = movement_of(d, qng, "%vi nguoi ngheo%"),
		.rec = {.subtrees = &qng, .n_subtrees = 1, .kinds = communes, .n_kinds = 3},
	};
	rc = issue(d, off, &now, &o, false, &id, e);
	const char *departments[] = {"department"};
	struct campaign_input old = {
		.title = "Báo cáo nhanh kết quả thực hiện Phong trào thi đua “Vì người nghèo” của các sở, "
			 "ban, ngành",
		.document_no = OLD_DOC_NO,
		.document_date = date_in_days(ar, -40),
		.period_from = arena_printf(ar, "%04d-01-01", y - 1),
		.period_to = date_in_days(ar, -41),
		.deadline = date_in_days(ar, -25),
		.outline_id = outline_id,
		.rec = {.subtrees = &qng, .n_subtrees = 1, .kinds = departments, .n_kinds = 1},
	};
	if (rc == 0)
		rc = issue(d, off, &old, &o, true, &id, e);
	return rc;
}

/* ---- decisions ---- */

struct sample_award {
	const char *type, *name, *position, *unit_code, *achievement;
};

static int sample_decision(db *d, const actor *a, const char *number, const char *date,
			   const char *signer, const char *title, const char *form,
			   const struct sample_award *v, size_t n, int64_t movement, err *e)
{
	struct award_input aw[16];
	for (size_t i = 0; i < n && i < 16; i++)
		aw[i] = (struct award_input){v[i].type,		       v[i].name,
					     v[i].position,	       unit_id_of(d, v[i].unit_code, e),
					     NULL,		       movement,
					     0,			       v[i].achievement,
					     0};
	struct decision_input in = {number, date, signer, title, a->unit_id, form, aw, n < 16 ? n : 16, 0};
	int64_t id;
	return decision_create(d, a, &in, &id, e);
}

static int sample_decisions(db *d, const actor *prov, const actor *ward, err *e)
{
	int64_t poor = movement_of(d, prov->unit_id, "%vi nguoi ngheo%");
	const char *ach = "Đã có thành tích xuất sắc trong Phong trào thi đua “Vì người nghèo - Không để "
			  "ai bị bỏ lại phía sau”";
	const struct sample_award bk[] = {
		{"collective", "Ủy ban nhân dân phường Cẩm Thành", "", "QNG-X-21025", ach},
		{"collective", "Hội Nông dân tỉnh Quảng Ngãi", "", "QNG-MTTQ-HND", ach},
		{"individual", "Nguyễn Thị Hồng Nhung", "Chủ tịch Hội Liên hiệp Phụ nữ phường",
		 "QNG-X-21025", ach},
		{"individual", "Trương Văn Bảy", "Trưởng thôn", "QNG-X-21025", ach},
		{"household", "Hộ ông Phạm Văn Sáu", "", "QNG-X-21025",
		 "Hiến 320 m² đất làm đường giao thông nông thôn"},
	};
	const struct sample_award gk[] = {
		{"individual", "Lê Thị Thu", "Công chức Văn phòng - Thống kê", "QNG-X-21025",
		 "Hoàn thành xuất sắc nhiệm vụ năm 2025"},
		{"individual", "Đỗ Minh Quân", "Bí thư Đoàn phường", "QNG-X-21025",
		 "Có thành tích trong phong trào thanh niên tình nguyện"},
		{"household", "Hộ bà Nguyễn Thị Mười", "", "QNG-X-21025", "Tiêu biểu trong phát triển kinh tế hộ"},
	};
	int rc = sample_decision(d, prov, "1520/QĐ-UBND", "2025-07-25", "Đặng Văn Minh", "Chủ tịch",
				 "BKUBT", bk, 3, poor, e);
	if (rc == 0)
		rc = sample_decision(d, prov, "1105/QĐ-UBND", "2025-08-28", "Nguyễn Hoàng Giang",
				     "Chủ tịch", "BKUBT", bk + 1, 4, poor, e);
	if (rc == 0)
		rc = sample_decision(d, ward, "45/QĐ-UBND", "2025-10-15", "Trần Văn Phúc", "Chủ tịch",
				     "GKUBX", gk, 3, 0, e);
	return rc;
}

int demo_sample_load(db *d, err *e)
{
	int64_t done = 0;
	int rc = db_get_i64(d, &done, e, "SELECT COUNT(*) FROM campaigns WHERE document_no = $1", "t",
			    SAMPLE_DOC_NO);
	if (rc || done)
		return rc;
	actor prov, ward;
	rc = actor_of(d, "tdkt.tinh", &prov, e);
	if (rc == 0)
		rc = actor_of(d, "tdkt.camthanh", &ward, e);
	arena *ar = arena_new();
	if (rc == 0)
		rc = sample_campaigns(d, ar, &prov, e);
	if (rc == 0)
		rc = sample_decisions(d, &prov, &ward, e);
	arena_free(ar);
	return rc;
}
