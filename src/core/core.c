/*
 * core.c — roles, the system actor, audit rows, the transaction wrapper.
 */
#include "core.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static const char *const role_names[] = {"admin", "officer", "staff", "leader"};
static const char *const role_labels[] = {"Quản trị hệ thống", "Cán bộ thi đua - khen thưởng",
					  "Chuyên viên", "Lãnh đạo"};

enum role role_parse(const char *s)
{
	for (int i = 0; s && i < 4; i++)
		if (strcmp(s, role_names[i]) == 0)
			return (enum role)i;
	return ROLE_INVALID;
}

const char *role_name(enum role r)
{
	return (r >= ROLE_ADMIN && r <= ROLE_LEADER) ? role_names[r] : "?";
}

const char *role_label(enum role r)
{
	return (r >= ROLE_ADMIN && r <= ROLE_LEADER) ? role_labels[r] : "?";
}

int64_t now_unix(void)
{
	return (int64_t)time(NULL);
}

int actor_system(db *d, actor *out, err *e)
{
	memset(out, 0, sizeof *out);
	out->role = ROLE_ADMIN;
	snprintf(out->login, sizeof out->login, "%s", "system");
	int rc = db_get_i64(d, &out->unit_id, e,
			    "SELECT id FROM units WHERE parent_id IS NULL ORDER BY id LIMIT 1", NULL);
	if (rc == E_NOTFOUND)
		return err_set(e, E_NOTFOUND, "Chưa có đơn vị nào; hãy chạy `thidua init --demo` hoặc tạo đơn vị gốc");
	return rc;
}

int audit_log(db *d, const actor *a, const char *action, const char *entity, int64_t entity_id,
	      const char *before, const char *after, err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "INSERT INTO audit (at, user_id, action, entity, entity_id, before_json, after_json)"
			  " VALUES ($1, $2, $3, $4, $5, $6, $7)",
			  "lnttltt", now_unix(), action, entity, entity_id, before, after);
	if (rc)
		return rc;
	if (a && a->user_id)
		db_bind_i64(st, 2, a->user_id);
	rc = db_step(st, e);
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

int core_tx(db *d, err *e, int (*fn)(db *d, void *ctx, err *e), void *ctx)
{
	int rc = db_begin(d, e);
	if (rc)
		return rc;
	rc = fn(d, ctx, e);
	if (rc == 0)
		return db_commit(d, e);
	db_rollback(d);
	return rc;
}
