/*
 * campaign_recipients.c — who receives a campaign: a selection (units one
 * by one, whole subtrees, unit kinds, clusters/blocks) authorized against
 * the actor, resolved to units, and stored with a draft report and a notice
 * per new recipient in a few statements whatever their number.
 */
#include "campaigns_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/deadline.h"
#include "core/groups.h"
#include "core/units.h"

/* ---- id sets ---- */

void idset_add(struct idset *s, int64_t id)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->v = xrealloc(s->v, s->cap * sizeof *s->v);
	}
	s->v[s->n++] = id;
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

void idset_seal(struct idset *s)
{
	if (!s->n)
		return;
	qsort(s->v, s->n, sizeof *s->v, cmp_i64);
	size_t k = 1;
	for (size_t i = 1; i < s->n; i++)
		if (s->v[i] != s->v[k - 1])
			s->v[k++] = s->v[i];
	s->n = k;
}

bool idset_has(const struct idset *s, int64_t id)
{
	return s->n && bsearch(&id, s->v, s->n, sizeof id, cmp_i64) != NULL;
}

void idset_free(struct idset *s)
{
	free(s->v);
	memset(s, 0, sizeof *s);
}

/* ---- authorization ---- */

int recipients_authorize(db *d, const actor *a, const struct recipient_sel *sel, err *e)
{
	for (size_t i = 0; i < sel->n_units; i++)
		if (!unit_visible(d, a, sel->units[i]))
			return err_set(e, E_FORBIDDEN,
				       "Đơn vị số %lld không thuộc phạm vi đơn vị của bạn",
				       (long long)sel->units[i]);
	for (size_t i = 0; i < sel->n_subtrees; i++)
		if (!unit_visible(d, a, sel->subtrees[i]))
			return err_set(e, E_FORBIDDEN,
				       "Đơn vị số %lld không thuộc phạm vi đơn vị của bạn",
				       (long long)sel->subtrees[i]);
	for (size_t i = 0; i < sel->n_groups; i++) {
		int64_t outside = 0;
		if (group_check_change(d, a, sel->groups[i], e) == E_NOTFOUND)
			return err_set(e, E_FORBIDDEN, "Không có quyền dùng cụm, khối thi đua số %lld",
				       (long long)sel->groups[i]);
		/* a member outside the actor's subtree */
		int rc = db_get_i64(d, &outside, e,
				    "SELECT COUNT(*) FROM unit_group_members m WHERE m.group_id = $1"
				    " AND NOT EXISTS (SELECT 1 FROM unit_ancestors v"
				    "   WHERE v.unit_id = m.unit_id AND v.ancestor_id = $2)",
				    "ll", sel->groups[i], a->unit_id);
		if (rc)
			return rc;
		if (outside)
			return err_set(e, E_FORBIDDEN,
				       "Cụm, khối thi đua số %lld có đơn vị ngoài phạm vi đơn vị của bạn",
				       (long long)sel->groups[i]);
	}
	err_clear(e);
	return 0;
}

/* ---- resolution ---- */

/* Adds the first column of every row of `sql`, whose parameters are
 * $1 = a1, $2 = a2 and, when t3 is non-NULL, $3 = t3. */
static int add_rows(db *d, struct idset *s, err *e, const char *sql, int64_t a1, int64_t a2,
		    const char *t3)
{
	db_stmt *st;
	int rc = t3 ? db_query(d, &st, e, sql, "llt", a1, a2, t3)
		    : db_query(d, &st, e, sql, "ll", a1, a2);
	if (rc)
		return rc;
	while ((rc = db_step(st, e)) == DB_ROW)
		idset_add(s, db_col_i64(st, 0));
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

/* Units of the subtree of `root`, strictly below the issuer, active, of
 * one kind (NULL: any). */
static int add_subtree(db *d, struct idset *s, int64_t root, int64_t issuer, const char *kind,
		       err *e)
{
	if (kind)
		return add_rows(d, s, e,
				"SELECT a.unit_id FROM unit_ancestors a JOIN units u ON u.id = a.unit_id"
				" WHERE a.ancestor_id = $1 AND a.unit_id <> $2 AND u.active = 1"
				" AND u.kind = $3",
				root, issuer, kind);
	return add_rows(d, s, e,
			"SELECT a.unit_id FROM unit_ancestors a JOIN units u ON u.id = a.unit_id"
			" WHERE a.ancestor_id = $1 AND a.unit_id <> $2 AND u.active = 1",
			root, issuer, NULL);
}

static int check_kinds(db *d, const struct recipient_sel *sel, err *e)
{
	for (size_t i = 0; i < sel->n_kinds; i++)
		if (!unit_kind_exists(d, sel->kinds[i]))
			return err_set(e, E_INVAL, "Loại đơn vị không hợp lệ: %s",
				       sel->kinds[i] ? sel->kinds[i] : "(trống)");
	return 0;
}

/* Units named one by one: below the issuer and active. */
static int add_named(db *d, int64_t issuer, const struct recipient_sel *sel, struct idset *out,
		     err *e)
{
	for (size_t i = 0; i < sel->n_units; i++) {
		int64_t u = sel->units[i], active = 0;
		if (u == issuer)
			return err_set(e, E_INVAL, "Đơn vị ban hành không tự gửi đợt báo cáo cho chính mình");
		int rc = db_get_i64(d, &active, e, "SELECT active FROM units WHERE id = $1", "l", u);
		if (rc == E_NOTFOUND)
			return err_set(e, E_INVAL, "Không tìm thấy đơn vị số %lld", (long long)u);
		if (rc)
			return rc;
		if (!unit_within(d, issuer, u))
			return err_set(e, E_INVAL, "Đơn vị số %lld không trực thuộc đơn vị ban hành",
				       (long long)u);
		if (!active)
			return err_set(e, E_INVAL, "Đơn vị số %lld đã ngừng hoạt động", (long long)u);
		idset_add(out, u);
	}
	return 0;
}

int recipients_resolve(db *d, int64_t issuer, const struct recipient_sel *sel, struct idset *out,
		       err *e)
{
	int rc = check_kinds(d, sel, e);
	if (rc == 0)
		rc = add_named(d, issuer, sel, out, e);
	for (size_t i = 0; rc == 0 && i < sel->n_subtrees; i++)
		if (!unit_within(d, issuer, sel->subtrees[i]))
			rc = err_set(e, E_INVAL, "Đơn vị số %lld không trực thuộc đơn vị ban hành",
				     (long long)sel->subtrees[i]);
	/* kinds apply within the subtrees named, or within the issuer's */
	size_t n_roots = sel->n_subtrees ? sel->n_subtrees : (sel->n_kinds ? 1 : 0);
	for (size_t r = 0; rc == 0 && r < n_roots; r++) {
		int64_t root = sel->n_subtrees ? sel->subtrees[r] : issuer;
		if (!sel->n_kinds)
			rc = add_subtree(d, out, root, issuer, NULL, e);
		for (size_t k = 0; rc == 0 && k < sel->n_kinds; k++)
			rc = add_subtree(d, out, root, issuer, sel->kinds[k], e);
	}
	for (size_t g = 0; rc == 0 && g < sel->n_groups; g++)
		rc = add_rows(d, out, e,
			      "SELECT m.unit_id FROM unit_group_members m JOIN units u ON u.id = m.unit_id"
			      " JOIN unit_ancestors a ON a.unit_id = m.unit_id AND a.ancestor_id = $2"
			      " WHERE m.group_id = $1 AND u.active = 1 AND m.unit_id <> $2",
			      sel->groups[g], issuer, NULL);
	if (rc)
		return rc;
	idset_seal(out);
	if (out->n == 0)
		return err_set(e, E_INVAL, "Cần chọn ít nhất một đơn vị nhận báo cáo");
	if (out->n > CAMPAIGN_MAX_RECIPIENTS)
		return err_set(e, E_INVAL, "Một đợt báo cáo gửi tối đa %d đơn vị (đang chọn %zu)",
			       CAMPAIGN_MAX_RECIPIENTS, out->n);
	return 0;
}

/* ---- storing ---- */

/* Runs `sql` once per chunk of 500 ids, its "{IDS}" replaced by the chunk
 * (integers formatted here, never user text), with int64 parameters
 * p[0..np) and, when `text` is non-NULL, the text as parameter np + 1. One
 * statement per 500 units keeps a national campaign to a few round trips. */
static int run_chunks(db *d, const char *sql, const int64_t *ids, size_t n, const int64_t *p,
		      int np, const char *text, err *e)
{
	const char *mark = strstr(sql, "{IDS}");
	int rc = 0;
	for (size_t start = 0; rc == 0 && start < n; start += 500) {
		buf q = BUF_INIT;
		buf_put(&q, sql, (size_t)(mark - sql));
		for (size_t i = start; i < n && i < start + 500; i++)
			buf_printf(&q, "%s%lld", i > start ? ", " : "", (long long)ids[i]);
		buf_puts(&q, mark + 5);
		db_stmt *st;
		rc = db_prepare(d, buf_cstr(&q), &st, e);
		buf_free(&q);
		if (rc)
			break;
		for (int k = 0; k < np; k++)
			db_bind_i64(st, k + 1, p[k]);
		if (text)
			db_bind_text(st, np + 1, text);
		while ((rc = db_step(st, e)) == DB_ROW)
			;
		db_finalize(st);
		rc = rc < 0 ? rc : 0;
	}
	return rc;
}

/* The ids not yet recipients of campaign `id` (malloc'd set). */
static int new_only(db *d, int64_t id, const int64_t *ids, size_t n, struct idset *out, err *e)
{
	struct idset have = {0};
	db_stmt *st;
	int rc = db_query(d, &st, e, "SELECT unit_id FROM campaign_recipients WHERE campaign_id = $1",
			  "l", id);
	if (rc)
		return rc;
	while ((rc = db_step(st, e)) == DB_ROW)
		idset_add(&have, db_col_i64(st, 0));
	db_finalize(st);
	idset_seal(&have);
	for (size_t i = 0; rc >= 0 && i < n; i++)
		if (!idset_has(&have, ids[i]))
			idset_add(out, ids[i]);
	idset_free(&have);
	idset_seal(out);
	return rc < 0 ? rc : 0;
}

int recipients_insert(db *d, const actor *a, const struct campaign_brief *c, const int64_t *ids,
		      size_t n, int64_t *added, err *e)
{
	struct idset fresh = {0};
	int rc = new_only(d, c->id, ids, n, &fresh, e);
	if (added)
		*added = (int64_t)fresh.n;
	int64_t p[3] = {c->id, now_unix(), a ? a->user_id : 0};
	char deadline[32];
	deadline_text(c->deadline_at, c->deadline_date_only, deadline);
	char *msg = xasprintf("Đơn vị nhận đợt báo cáo “%s” của %s, hạn nộp %s", c->title,
			      c->issuer_name, deadline);
	/* CASTs give PostgreSQL the parameters' types inside SELECT lists */
	if (rc == 0)
		rc = run_chunks(d,
				"INSERT INTO campaign_recipients (campaign_id, unit_id, added_at, added_by)"
				" SELECT CAST($1 AS BIGINT), u.id, CAST($2 AS BIGINT),"
				" NULLIF(CAST($3 AS BIGINT), 0) FROM units u WHERE u.id IN ({IDS})",
				fresh.v, fresh.n, p, 3, NULL, e);
	if (rc == 0)
		rc = run_chunks(d,
				"INSERT INTO reports (campaign_id, unit_id, state, version, updated_at)"
				" SELECT CAST($1 AS BIGINT), u.id, 'draft', 1, CAST($2 AS BIGINT)"
				" FROM units u WHERE u.id IN ({IDS})",
				fresh.v, fresh.n, p, 2, NULL, e);
	if (rc == 0)
		rc = run_chunks(d,
				"INSERT INTO notices (unit_id, role, campaign_id, report_id, kind, message,"
				" created_by, created_at) SELECT r.unit_id, NULL, r.campaign_id, r.id,"
				" 'campaign', CAST($4 AS TEXT), NULLIF(CAST($3 AS BIGINT), 0),"
				" CAST($2 AS BIGINT) FROM reports r"
				" WHERE r.campaign_id = $1 AND r.unit_id IN ({IDS})",
				fresh.v, fresh.n, p, 3, msg, e);
	free(msg);
	idset_free(&fresh);
	return rc;
}

bool campaign_role_may_issue(const actor *a)
{
	return a->role == ROLE_ADMIN || a->role == ROLE_OFFICER;
}
