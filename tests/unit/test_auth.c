/* test_auth.c — passwords, sessions, throttling, user rules. */
#include "testunits.h"

#include "core/auth.h"
#include "core/units.h"
#include "core/users.h"

static db *d;
static actor sys;
static int64_t root, child, other;

static int setup(void **state)
{
	d = test_db_open();
	root = test_root(d, &sys, "ROOT", "Tỉnh", "province");
	child = test_unit(d, &sys, "C1", "Xã Một", "commune", root);
	other = test_unit(d, &sys, "C2", "Xã Hai", "commune", root);
	err e = {0};
	struct user_input u = {"canbo", "MatKhau123", "Cán Bộ", child, "officer", 1};
	assert_int_equal(user_create(d, &sys, &u, NULL, &e), 0);
	return 0;
}

static int teardown(void **state)
{
	test_db_close(d);
	return 0;
}

static void password_hash_verifies_and_is_salted(void **state)
{
	char *h1, *h2;
	err e;
	assert_int_equal(password_hash("Mật khẩu dài", &h1, &e), 0);
	assert_int_equal(password_hash("Mật khẩu dài", &h2, &e), 0);
	assert_string_not_equal(h1, h2);
	assert_true(strncmp(h1, "$argon2id$", 10) == 0);
	assert_true(password_verify(h1, "Mật khẩu dài"));
	assert_false(password_verify(h1, "mật khẩu dài"));
	free(h1);
	free(h2);
	assert_int_equal(password_check("short", &e), E_INVAL);
	assert_int_equal(password_check("đủ tám ký", &e), 0);
}

static void login_creates_a_session_that_resolves(void **state)
{
	actor who, back;
	struct session s;
	err e = {0};
	assert_int_equal(auth_login(d, "canbo", "MatKhau123", "api", &who, &s, &e), 0);
	assert_int_equal(who.unit_id, child);
	assert_int_equal(who.role, ROLE_OFFICER);
	assert_int_equal(strlen(s.token), AUTH_TOKEN_LEN - 1);
	char csrf[AUTH_CSRF_LEN];
	assert_int_equal(auth_resolve(d, s.token, &back, csrf, &e), 0);
	assert_int_equal(back.user_id, who.user_id);
	assert_string_equal(csrf, s.csrf);
	/* the database holds only the hash of the token */
	int64_t n = 0;
	assert_int_equal(db_get_i64(d, &n, &e, "SELECT COUNT(*) FROM sessions WHERE token_hash = $1",
				    "t", s.token),
			 0);
	assert_int_equal(n, 0);
	assert_int_equal(auth_logout(d, s.token, &e), 0);
	assert_int_equal(auth_resolve(d, s.token, &back, NULL, &e), E_AUTH);
}

static void wrong_credentials_share_one_answer_then_throttle(void **state)
{
	actor who;
	struct session s;
	err e1 = {0}, e2 = {0};
	assert_int_equal(auth_login(d, "canbo", "sai", "api", &who, &s, &e1), E_AUTH);
	assert_int_equal(auth_login(d, "khongco", "sai", "api", &who, &s, &e2), E_AUTH);
	assert_string_equal(e1.msg, e2.msg);
	for (int i = 1; i < AUTH_MAX_FAILURES; i++)
		assert_int_equal(auth_login(d, "CanBo", "sai", "api", &who, &s, &e1), E_AUTH);
	/* the right password no longer helps while throttled */
	assert_int_equal(auth_login(d, "canbo", "MatKhau123", "api", &who, &s, &e1), E_RATE);
	db_run(d, &e1, "DELETE FROM login_failures", NULL);
	assert_int_equal(auth_login(d, "canbo", "MatKhau123", "api", &who, &s, &e1), 0);
}

static void expired_and_malformed_tokens_are_refused(void **state)
{
	actor who;
	struct session s;
	err e = {0};
	assert_int_equal(auth_resolve(d, "", &who, NULL, &e), E_AUTH);
	assert_int_equal(auth_resolve(d, "short", &who, NULL, &e), E_AUTH);
	assert_int_equal(auth_login(d, "canbo", "MatKhau123", "browser", &who, &s, &e), 0);
	db_run(d, &e, "UPDATE sessions SET expires_at = 1", NULL);
	assert_int_equal(auth_resolve(d, s.token, &who, NULL, &e), E_AUTH);
}

static void admins_manage_users_only_in_their_subtree(void **state)
{
	err e = {0};
	actor local_admin = {.user_id = 99, .unit_id = child, .role = ROLE_ADMIN};
	struct user_input u = {"nguoi.khac", "MatKhau123", "X", other, "staff", 1};
	int64_t id;
	assert_int_equal(user_create(d, &local_admin, &u, &id, &e), E_FORBIDDEN);
	actor officer = {.user_id = 98, .unit_id = root, .role = ROLE_OFFICER};
	assert_int_equal(user_create(d, &officer, &u, &id, &e), E_FORBIDDEN);
	u.unit_id = child;
	assert_int_equal(user_create(d, &local_admin, &u, &id, &e), 0);
	u.login = "nguoi.khac";
	assert_int_equal(user_create(d, &local_admin, &u, &id, &e), E_CONFLICT);
	u.login = "x2";
	u.role = "boss";
	assert_int_equal(user_create(d, &local_admin, &u, &id, &e), E_INVAL);
}

static void deactivation_and_password_change_end_sessions(void **state)
{
	err e = {0};
	actor who;
	struct session s;
	struct user_input u = {"tam", "MatKhau123", "Tạm", child, "staff", 1};
	int64_t id;
	assert_int_equal(user_create(d, &sys, &u, &id, &e), 0);
	assert_int_equal(auth_login(d, "tam", "MatKhau123", "api", &who, &s, &e), 0);
	struct user_input pw = {.password = "MatKhauMoi456", .active = -1};
	assert_int_equal(user_update(d, &sys, id, &pw, &e), 0);
	assert_int_equal(auth_resolve(d, s.token, &who, NULL, &e), E_AUTH);
	assert_int_equal(auth_login(d, "tam", "MatKhauMoi456", "api", &who, &s, &e), 0);
	struct user_input off = {.active = 0};
	assert_int_equal(user_update(d, &sys, id, &off, &e), 0);
	assert_int_equal(auth_resolve(d, s.token, &who, NULL, &e), E_AUTH);
	assert_int_equal(auth_login(d, "tam", "MatKhauMoi456", "api", &who, &s, &e), E_AUTH);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(password_hash_verifies_and_is_salted),
		cmocka_unit_test(login_creates_a_session_that_resolves),
		cmocka_unit_test(wrong_credentials_share_one_answer_then_throttle),
		cmocka_unit_test(expired_and_malformed_tokens_are_refused),
		cmocka_unit_test(admins_manage_users_only_in_their_subtree),
		cmocka_unit_test(deactivation_and_password_change_end_sessions),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
