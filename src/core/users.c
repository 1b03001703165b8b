/*
 * users.c — user accounts and password hashing.
 */
#include "users.h"

#include <jansson.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "core/units.h"
#include "core/validate.h"
#include "text/text.h"

int password_check(const char *pw, err *e)
{
	size_t n = pw ? text_length(pw) : 0;
	if (!pw || !text_valid_utf8(pw, strlen(pw)))
		return err_set(e, E_INVAL, "Mật khẩu không hợp lệ");
	if (n < 8)
		return err_set(e, E_INVAL, "Mật khẩu phải có ít nhất 8 ký tự");
	if (n > 128)
		return err_set(e, E_INVAL, "Mật khẩu dài quá 128 ký tự");
	return 0;
}

int password_hash(const char *pw, char **out, err *e)
{
	if (sodium_init() < 0)
		return err_set(e, E_INTERNAL, "libsodium init failed");
	char *h = xmalloc(crypto_pwhash_STRBYTES);
	if (crypto_pwhash_str(h, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
		free(h);
		return err_set(e, E_INTERNAL, "Không băm được mật khẩu (thiếu bộ nhớ)");
	}
	*out = h;
	return 0;
}

bool password_verify(const char *hash, const char *pw)
{
	if (sodium_init() < 0 || !hash || !pw)
		return false;
	return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}

static char *user_json(const user *u)
{
	json_t *o = json_pack("{s:I, s:s, s:s, s:I, s:s, s:b}", "id", (json_int_t)u->id, "login",
			      u->login, "full_name", u->full_name, "unit_id", (json_int_t)u->unit_id,
			      "role", role_name(u->role), "active", u->active);
	char *s = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	return s;
}

#define USER_SELECT                                                                                \
	"SELECT s.id, s.login, s.full_name, s.unit_id, u.name, s.role, s.active"                   \
	" FROM users s JOIN units u ON u.id = s.unit_id"

static void read_user(db_stmt *st, arena *ar, user *u)
{
	u->id = db_col_i64(st, 0);
	u->login = arena_strdup(ar, db_col_text(st, 1));
	u->full_name = arena_strdup(ar, db_col_text(st, 2));
	u->unit_id = db_col_i64(st, 3);
	u->unit_name = arena_strdup(ar, db_col_text(st, 4));
	u->role = role_parse(db_col_text(st, 5));
	u->active = db_col_i64(st, 6) != 0;
}

/* Reads a user without any authorization check. */
static int load_user(db *d, arena *ar, int64_t id, user *out, err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e, USER_SELECT " WHERE s.id = $1", "l", id);
	if (rc)
		return rc;
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		read_user(st, ar, out);
		rc = 0;
	} else if (rc == DB_DONE) {
		rc = err_set(e, E_NOTFOUND, "Không tìm thấy người dùng");
	}
	db_finalize(st);
	return rc;
}

int user_get(db *d, arena *ar, const actor *a, int64_t id, user *out, err *e)
{
	int rc = load_user(d, ar, id, out, e);
	if (rc)
		return rc;
	if (out->id != a->user_id && (a->role != ROLE_ADMIN || !unit_visible(d, a, out->unit_id)))
		return err_set(e, E_NOTFOUND, "Không tìm thấy người dùng");
	return 0;
}

int users_list(db *d, arena *ar, const actor *a, user **out, size_t *n, err *e)
{
	*out = NULL;
	*n = 0;
	if (a->role != ROLE_ADMIN)
		return err_set(e, E_FORBIDDEN, "Chỉ quản trị hệ thống được xem danh sách người dùng");
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  USER_SELECT " JOIN unit_ancestors x ON x.unit_id = s.unit_id"
				      " WHERE x.ancestor_id = $1 ORDER BY x.depth, u.search_key, s.login",
			  "l", a->unit_id);
	if (rc)
		return rc;
	size_t cap = 0;
	while ((rc = db_step(st, e)) == DB_ROW)
		read_user(st, ar, arena_push(ar, out, n, &cap, sizeof **out));
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

struct create_ctx {
	const actor *a;
	const struct user_input *in;
	const char *name;
	const char *hash;
	int64_t id;
};

static int audit_user(db *d, const actor *a, const char *action, int64_t id, const char *before,
		      err *e)
{
	arena *ar = arena_new();
	user u;
	int rc = load_user(d, ar, id, &u, e);
	if (rc == 0) {
		char *after = user_json(&u);
		rc = audit_log(d, a, action, "user", id, before, after, e);
		free(after);
	}
	arena_free(ar);
	return rc;
}

static int create_tx(db *d, void *p, err *e)
{
	struct create_ctx *c = p;
	int rc = db_get_i64(d, &c->id, e,
			    "INSERT INTO users (login, password_hash, full_name, unit_id, role, active, created_at)"
			    " VALUES ($1, $2, $3, $4, $5, 1, $6) RETURNING id",
			    "tttltl", c->in->login, c->hash, c->name, c->in->unit_id, c->in->role,
			    now_unix());
	if (rc == E_CONFLICT)
		return err_set(e, E_CONFLICT, "Tên đăng nhập \"%s\" đã được dùng", c->in->login);
	if (rc)
		return rc;
	return audit_user(d, c->a, "create", c->id, NULL, e);
}

int user_create(db *d, const actor *a, const struct user_input *in, int64_t *id, err *e)
{
	if (a->role != ROLE_ADMIN)
		return err_set(e, E_FORBIDDEN, "Chỉ quản trị hệ thống được tạo người dùng");
	if (!in->unit_id)
		return err_set(e, E_INVAL, "Cần chọn đơn vị của người dùng");
	if (!unit_visible(d, a, in->unit_id))
		return err_set(e, E_FORBIDDEN, "Không có quyền tạo người dùng cho đơn vị này");
	int rc = validate_code(in->login, "Tên đăng nhập", e);
	if (rc)
		return rc;
	if (role_parse(in->role) == ROLE_INVALID)
		return err_set(e, E_INVAL, "Vai trò phải là admin, officer, staff hoặc leader");
	rc = password_check(in->password, e);
	if (rc)
		return rc;
	char *name = NULL, *hash = NULL;
	if (in->full_name && *in->full_name) {
		rc = validate_name(in->full_name, 120, "Họ và tên", &name, e);
		if (rc)
			return rc;
	}
	rc = password_hash(in->password, &hash, e);
	if (rc == 0) {
		struct create_ctx c = {a, in, name ? name : "", hash, 0};
		rc = core_tx(d, e, create_tx, &c);
		if (rc == 0 && id)
			*id = c.id;
	}
	free(name);
	free(hash);
	return rc;
}

struct update_ctx {
	const actor *a;
	int64_t id;
	const user *b;
	const char *name, *role, *hash;
	int64_t unit_id;
	int active;
};

static int update_tx(db *d, void *p, err *e)
{
	struct update_ctx *c = p;
	int64_t rc = db_run(d, e,
			    "UPDATE users SET full_name = $1, unit_id = $2, role = $3, active = $4 WHERE id = $5",
			    "tltil", c->name, c->unit_id, c->role, c->active, c->id);
	if (rc >= 0 && c->hash)
		rc = db_run(d, e, "UPDATE users SET password_hash = $1 WHERE id = $2", "tl", c->hash, c->id);
	/* a changed password, role, unit or deactivation ends existing sessions */
	if (rc >= 0 && (c->hash || !c->active || c->unit_id != c->b->unit_id ||
			role_parse(c->role) != c->b->role))
		rc = db_run(d, e, "DELETE FROM sessions WHERE user_id = $1", "l", c->id);
	if (rc < 0)
		return (int)rc;
	char *before = user_json(c->b);
	int r = audit_user(d, c->a, c->hash ? "update+password" : "update", c->id, before, e);
	free(before);
	return r;
}

int user_update(db *d, const actor *a, int64_t id, const struct user_input *in, err *e)
{
	arena *ar = arena_new();
	user b;
	char *name = NULL, *hash = NULL;
	int rc = user_get(d, ar, a, id, &b, e);
	if (rc)
		goto out;
	if (a->role != ROLE_ADMIN) {
		rc = err_set(e, E_FORBIDDEN, "Chỉ quản trị hệ thống được sửa người dùng");
		goto out;
	}
	if (in->unit_id && !unit_visible(d, a, in->unit_id)) {
		rc = err_set(e, E_FORBIDDEN, "Không có quyền chuyển người dùng tới đơn vị này");
		goto out;
	}
	if (id == a->user_id && (in->active == 0 || (in->role && role_parse(in->role) != b.role))) {
		rc = err_set(e, E_INVAL, "Không thể tự khóa hoặc tự đổi vai trò của chính mình");
		goto out;
	}
	if (in->role && role_parse(in->role) == ROLE_INVALID) {
		rc = err_set(e, E_INVAL, "Vai trò phải là admin, officer, staff hoặc leader");
		goto out;
	}
	if (in->full_name && (rc = validate_name(in->full_name, 120, "Họ và tên", &name, e)))
		goto out;
	if (in->password && ((rc = password_check(in->password, e)) || (rc = password_hash(in->password, &hash, e))))
		goto out;
	struct update_ctx c = {a, id, &b, name ? name : b.full_name,
			       in->role ? in->role : role_name(b.role), hash,
			       in->unit_id ? in->unit_id : b.unit_id, in->active >= 0 ? in->active : b.active};
	rc = core_tx(d, e, update_tx, &c);
out:
	free(name);
	free(hash);
	arena_free(ar);
	return rc;
}
