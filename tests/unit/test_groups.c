/* test_groups.c — emulation clusters and blocks: authorization before
 * validation, member visibility, duplicates, all-or-nothing member changes,
 * audit rows. */
#include "testunits.h"

#include "core/groups.h"
#include "core/units.h"

static db *d;
static actor sys;

/* Builds: province P → {communes C1..C4, department D → office D1}. */
static int64_t P, C1, C2, C3, C4, D, D1;

static int64_t mk(const char *code, const char *name, const char *kind, int64_t parent)
{
	return test_unit(d, &sys, code, name, kind, parent);
}

static int setup(void **state)
{
	d = test_db_open();
	P = test_root(d, &sys, "P", "Tỉnh Quảng Ngãi", "province");
	C1 = mk("C1", "Xã Tịnh Khê", "commune", P);
	C2 = mk("C2", "Xã An Phú", "commune", P);
	C3 = mk("C3", "Xã Bình Sơn", "commune", P);
	C4 = mk("C4", "Xã Vạn Tường", "commune", P);
	D = mk("D", "Sở Nội vụ", "department", P);
	D1 = mk("D1", "Ban Thi đua - Khen thưởng", "office", D);
	return 0;
}

static int teardown(void **state)
{
	test_db_close(d);
	return 0;
}

static actor as_user(int64_t unit_id, enum role role)
{
	return test_actor(unit_id, role);
}

static int64_t count(const char *sql)
{
	int64_t n = -1;
	err e;
	assert_int_equal(db_get_i64(d, &n, &e, sql, NULL), 0);
	return n;
}

static int64_t mk_group(const actor *a, const char *name, const char *kind, int64_t year,
			int64_t owner)
{
	struct group_input in = {.name = name, .kind = kind, .year = year, .owner_unit_id = owner};
	int64_t id = 0;
	err e = {0};
	if (group_create(d, a, &in, &id, &e) != 0)
		fail_msg("group %s: %s", name, e.msg);
	return id;
}

static void an_officer_creates_a_cluster_for_its_own_unit(void **state)
{
	actor off = as_user(P, ROLE_OFFICER);
	int64_t id = mk_group(&off, "  Cụm thi đua số 1 ", "cluster", 2025, 0);
	arena *ar = arena_new();
	group g;
	unit_list m;
	err e = {0};
	assert_int_equal(group_get(d, ar, &off, id, &g, &m, &e), 0);
	assert_string_equal(g.name, "Cụm thi đua số 1"); /* trimmed */
	assert_string_equal(g.kind, "cluster");
	assert_int_equal(g.year, 2025);
	assert_int_equal(g.owner_unit_id, P);
	assert_int_equal(m.n, 0);
	assert_string_equal(group_kind_label("block"), "Khối thi đua");
	arena_free(ar);
}

static void authorization_comes_before_validation(void **state)
{
	err e = {0};
	int64_t id = 0;
	struct group_input bad = {.name = "", .kind = "planet", .year = 1800};
	actor staff = as_user(P, ROLE_STAFF);
	assert_int_equal(group_create(d, &staff, &bad, &id, &e), E_FORBIDDEN);
	actor leader = as_user(P, ROLE_LEADER);
	assert_int_equal(group_create(d, &leader, &bad, &id, &e), E_FORBIDDEN);
	/* an officer of the department may not organise a group for the province */
	actor doff = as_user(D, ROLE_OFFICER);
	bad.owner_unit_id = P;
	assert_int_equal(group_create(d, &doff, &bad, &id, &e), E_FORBIDDEN);
	/* nor a unit that does not exist */
	bad.owner_unit_id = 999999;
	assert_int_equal(group_create(d, &doff, &bad, &id, &e), E_FORBIDDEN);

	actor off = as_user(P, ROLE_OFFICER);
	int64_t g = mk_group(&off, "Khối các sở", "block", 2025, P);
	struct group_input rename = {.name = ""};
	/* invisible to the department: not found, whatever the body */
	assert_int_equal(group_update(d, &doff, g, &rename, &e), E_NOTFOUND);
	assert_int_equal(group_add_members(d, &doff, g, &C1, 1, &e), E_NOTFOUND);
	assert_int_equal(group_remove_member(d, &doff, g, C1, &e), E_NOTFOUND);
	assert_int_equal(group_check_change(d, &doff, 999999, &e), E_NOTFOUND);
	/* visible to provincial staff, who may not change it */
	assert_int_equal(group_update(d, &staff, g, &rename, &e), E_FORBIDDEN);
	assert_int_equal(group_set_members(d, &staff, g, NULL, 0, &e), E_FORBIDDEN);
	/* and only then the content */
	assert_int_equal(group_update(d, &off, g, &rename, &e), E_INVAL);
}

static void invalid_fields_are_refused(void **state)
{
	actor off = as_user(P, ROLE_OFFICER);
	err e = {0};
	int64_t id = 0;
	struct group_input in = {.name = "Cụm A", .kind = "team"};
	assert_int_equal(group_create(d, &off, &in, &id, &e), E_INVAL);
	in.kind = NULL;
	assert_int_equal(group_create(d, &off, &in, &id, &e), E_INVAL);
	in.kind = "cluster";
	in.year = 1800;
	assert_int_equal(group_create(d, &off, &in, &id, &e), E_INVAL);
	assert_non_null(strstr(e.msg, "Năm"));
	in.year = 0;
	in.name = " \t ";
	assert_int_equal(group_create(d, &off, &in, &id, &e), E_INVAL);
	in.name = "Cụm \xff";
	assert_int_equal(group_create(d, &off, &in, &id, &e), E_INVAL);
	in.name = NULL;
	assert_int_equal(group_create(d, &off, &in, &id, &e), E_INVAL);
}

static void names_are_unique_per_owner_kind_and_year(void **state)
{
	actor off = as_user(P, ROLE_OFFICER);
	err e = {0};
	int64_t id = 0;
	mk_group(&off, "Cụm thi đua số 2", "cluster", 2025, P);
	/* the same name typed without accents is the same name */
	struct group_input dup = {.name = "cum thi dua so 2", .kind = "cluster", .year = 2025};
	assert_int_equal(group_create(d, &off, &dup, &id, &e), E_CONFLICT);
	assert_non_null(strstr(e.msg, "cụm thi đua"));
	/* another year, another kind or another owner is a different group */
	dup.year = 2026;
	assert_int_equal(group_create(d, &off, &dup, &id, &e), 0);
	dup.year = 2025;
	dup.kind = "block";
	assert_int_equal(group_create(d, &off, &dup, &id, &e), 0);
	dup.kind = "cluster";
	dup.owner_unit_id = D;
	assert_int_equal(group_create(d, &off, &dup, &id, &e), 0);
	/* renaming onto a taken name clashes too */
	int64_t other = mk_group(&off, "Cụm thi đua số 3", "cluster", 2025, P);
	struct group_input rn = {.name = "Cụm thi đua số 2"};
	assert_int_equal(group_update(d, &off, other, &rn, &e), E_CONFLICT);
	rn.name = "Cụm thi đua số 3 (mới)";
	assert_int_equal(group_update(d, &off, other, &rn, &e), 0);
}

static void members_must_be_visible_to_the_actor(void **state)
{
	actor doff = as_user(D, ROLE_OFFICER);
	err e = {0};
	int64_t g = mk_group(&doff, "Khối các phòng", "block", 0, 0);
	assert_int_equal(group_add_members(d, &doff, g, &C1, 1, &e), E_FORBIDDEN);
	int64_t bad[] = {D1, 999999};
	assert_int_equal(group_add_members(d, &doff, g, bad, 2, &e), E_FORBIDDEN);
	assert_int_equal(group_add_members(d, &doff, g, &D1, 1, &e), 0);
	assert_int_equal(group_add_members(d, &doff, g, &D1, 1, &e), E_CONFLICT);
	assert_non_null(strstr(e.msg, "Ban Thi đua - Khen thưởng"));
	int64_t twice[] = {D, D};
	assert_int_equal(group_set_members(d, &doff, g, twice, 2, &e), E_INVAL);
	assert_int_equal(group_add_members(d, &doff, g, NULL, 0, &e), E_INVAL);

	/* a province officer puts a commune into the department's group; the
	 * department keeps it when replacing the set, but cannot add others */
	actor off = as_user(P, ROLE_OFFICER);
	assert_int_equal(group_add_members(d, &off, g, &C4, 1, &e), 0);
	int64_t keep[] = {C4, D};
	assert_int_equal(group_set_members(d, &doff, g, keep, 2, &e), 0);
	int64_t more[] = {C4, D, C3};
	assert_int_equal(group_set_members(d, &doff, g, more, 3, &e), E_FORBIDDEN);
	arena *ar = arena_new();
	group gg;
	unit_list m;
	assert_int_equal(group_get(d, ar, &doff, g, &gg, &m, &e), 0);
	assert_int_equal(m.n, 2);
	assert_int_equal(gg.n_members, 2);
	arena_free(ar);
}

static void a_unit_is_in_one_group_per_owner_kind_and_year(void **state)
{
	actor off = as_user(P, ROLE_OFFICER);
	err e = {0};
	int64_t a = mk_group(&off, "Cụm Bắc", "cluster", 2024, P);
	int64_t b = mk_group(&off, "Cụm Nam", "cluster", 2024, P);
	int64_t c = mk_group(&off, "Cụm Trung", "cluster", 2023, P);
	int64_t ab[] = {C1, C2};
	assert_int_equal(group_add_members(d, &off, a, ab, 2, &e), 0);
	/* all or nothing: C3 is not added when C2 clashes */
	int64_t bc[] = {C3, C2};
	assert_int_equal(group_add_members(d, &off, b, bc, 2, &e), E_CONFLICT);
	assert_non_null(strstr(e.msg, "Xã An Phú"));
	assert_non_null(strstr(e.msg, "Cụm Bắc"));
	assert_int_equal(group_set_members(d, &off, b, bc, 2, &e), E_CONFLICT);
	arena *ar = arena_new();
	group g;
	assert_int_equal(group_get(d, ar, &off, b, &g, NULL, &e), 0);
	assert_int_equal(g.n_members, 0);
	/* another year is free; moving that group into 2024 is not */
	assert_int_equal(group_add_members(d, &off, c, &C2, 1, &e), 0);
	struct group_input yr = {.year = 2024, .year_set = true};
	assert_int_equal(group_update(d, &off, c, &yr, &e), E_CONFLICT);
	assert_non_null(strstr(e.msg, "Cụm Bắc"));
	yr.year = 2022;
	assert_int_equal(group_update(d, &off, c, &yr, &e), 0);
	assert_int_equal(group_get(d, ar, &off, c, &g, NULL, &e), 0);
	assert_int_equal(g.year, 2022);
	/* clearing the year */
	yr.year = 0;
	assert_int_equal(group_update(d, &off, c, &yr, &e), 0);
	assert_int_equal(group_get(d, ar, &off, c, &g, NULL, &e), 0);
	assert_int_equal(g.year, 0);
	arena_free(ar);
}

static void removing_and_replacing_members(void **state)
{
	actor off = as_user(P, ROLE_OFFICER);
	err e = {0};
	int64_t g = mk_group(&off, "Cụm thi đua số 9", "cluster", 2030, P);
	int64_t three[] = {C1, C2, C3};
	assert_int_equal(group_set_members(d, &off, g, three, 3, &e), 0);
	assert_int_equal(group_remove_member(d, &off, g, C2, &e), 0);
	assert_int_equal(group_remove_member(d, &off, g, C2, &e), E_NOTFOUND);
	arena *ar = arena_new();
	group gg;
	unit_list m;
	assert_int_equal(group_get(d, ar, &off, g, &gg, &m, &e), 0);
	assert_int_equal(m.n, 2);
	int64_t two[] = {C4, C1};
	assert_int_equal(group_set_members(d, &off, g, two, 2, &e), 0);
	assert_int_equal(group_get(d, ar, &off, g, &gg, &m, &e), 0);
	assert_int_equal(m.n, 2);
	assert_true((m.v[0].id == C1 && m.v[1].id == C4) || (m.v[0].id == C4 && m.v[1].id == C1));
	assert_int_equal(group_set_members(d, &off, g, NULL, 0, &e), 0);
	assert_int_equal(group_get(d, ar, &off, g, &gg, &m, &e), 0);
	assert_int_equal(m.n, 0);
	arena_free(ar);
}

static void lists_show_groups_owned_in_the_subtree(void **state)
{
	actor off = as_user(P, ROLE_OFFICER), doff = as_user(D, ROLE_OFFICER);
	actor cstaff = as_user(C1, ROLE_STAFF);
	arena *ar = arena_new();
	group *v;
	size_t n = 0, n_p = 0;
	err e = {0};
	assert_int_equal(groups_list(d, ar, &off, &v, &n_p, &e), 0);
	assert_true(n_p > 0);
	assert_int_equal(groups_list(d, ar, &doff, &v, &n, &e), 0);
	assert_true(n > 0 && n < n_p);
	for (size_t i = 0; i < n; i++)
		assert_true(v[i].owner_unit_id == D || v[i].owner_unit_id == D1);
	/* newest year first, year-less groups last */
	assert_int_equal(groups_list(d, ar, &off, &v, &n, &e), 0);
	for (size_t i = 1; i < n; i++)
		assert_true(v[i - 1].year >= v[i].year || v[i].year == 0);
	assert_int_equal(groups_list(d, ar, &cstaff, &v, &n, &e), 0);
	assert_int_equal(n, 0);
	arena_free(ar);
}

static void every_change_writes_an_audit_row(void **state)
{
	actor off = as_user(P, ROLE_OFFICER);
	err e = {0};
	int64_t before = count("SELECT COUNT(*) FROM audit WHERE entity = 'group'");
	int64_t g = mk_group(&off, "Cụm kiểm tra", "cluster", 2031, P);
	assert_int_equal(group_add_members(d, &off, g, &C1, 1, &e), 0);
	int64_t two[] = {C1, C2};
	assert_int_equal(group_set_members(d, &off, g, two, 2, &e), 0);
	assert_int_equal(group_remove_member(d, &off, g, C1, &e), 0);
	struct group_input rn = {.name = "Cụm kiểm tra (đổi tên)"};
	assert_int_equal(group_update(d, &off, g, &rn, &e), 0);
	/* refused changes write nothing */
	assert_int_equal(group_add_members(d, &off, g, &C2, 1, &e), E_CONFLICT);
	struct group_input nothing = {0};
	assert_int_equal(group_update(d, &off, g, &nothing, &e), 0);
	assert_int_equal(count("SELECT COUNT(*) FROM audit WHERE entity = 'group'"), before + 5);

	db_stmt *st;
	assert_int_equal(db_query(d, &st, &e,
				  "SELECT action, user_id, before_json, after_json FROM audit"
				  " WHERE entity = 'group' AND entity_id = $1 ORDER BY id",
				  "l", g),
			 0);
	const char *actions[] = {"create", "add_members", "set_members", "remove_member", "update"};
	for (int i = 0; i < 5; i++) {
		assert_int_equal(db_step(st, &e), DB_ROW);
		assert_string_equal(db_col_text(st, 0), actions[i]);
		assert_int_equal(db_col_i64(st, 1), 7);
		assert_true(i == 0 ? db_col_null(st, 2) : !db_col_null(st, 2));
		if (i == 3) {
			char want[64];
			snprintf(want, sizeof want, "\"members\":[%lld,%lld]", (long long)(C1 < C2 ? C1 : C2),
				 (long long)(C1 < C2 ? C2 : C1));
			assert_non_null(strstr(db_col_text(st, 2), want));
			snprintf(want, sizeof want, "\"members\":[%lld]", (long long)C2);
			assert_non_null(strstr(db_col_text(st, 3), want));
		}
		if (i == 4)
			assert_non_null(strstr(db_col_text(st, 3), "Cụm kiểm tra (đổi tên)"));
	}
	assert_int_equal(db_step(st, &e), DB_DONE);
	db_finalize(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(an_officer_creates_a_cluster_for_its_own_unit),
		cmocka_unit_test(authorization_comes_before_validation),
		cmocka_unit_test(invalid_fields_are_refused),
		cmocka_unit_test(names_are_unique_per_owner_kind_and_year),
		cmocka_unit_test(members_must_be_visible_to_the_actor),
		cmocka_unit_test(a_unit_is_in_one_group_per_owner_kind_and_year),
		cmocka_unit_test(removing_and_replacing_members),
		cmocka_unit_test(lists_show_groups_owned_in_the_subtree),
		cmocka_unit_test(every_change_writes_an_audit_row),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
