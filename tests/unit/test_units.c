/* test_units.c — the unit hierarchy: closure table, moves, visibility,
 * tree order, search, all-or-nothing import, audit rows. */
#include "testunits.h"

static db *d;
static actor sys;

/* Builds: root R → {A → {A1, A2 → A21}, B}. */
static int64_t R, A, A1, A2, A21, B;

static int64_t mk(const char *code, const char *name, const char *kind, int64_t parent)
{
	return test_unit(d, &sys, code, name, kind, parent);
}

static int setup(void **state)
{
	d = test_db_open();
	R = test_root(d, &sys, "R", "Tỉnh Quảng Ngãi", "province");
	A = mk("A", "Sở Nội vụ", "department", R);
	A1 = mk("A1", "Phòng Thi đua, khen thưởng", "office", A);
	A2 = mk("A2", "Phòng Tổ chức", "office", A);
	A21 = mk("A21", "Tổ Đắk Lắk", "other", A2);
	B = mk("B", "Phường Cẩm Thành", "ward", R);
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

static void closure_knows_every_ancestor(void **state)
{
	assert_true(unit_within(d, R, A21));
	assert_true(unit_within(d, A, A21));
	assert_true(unit_within(d, A2, A21));
	assert_true(unit_within(d, A21, A21));
	assert_false(unit_within(d, B, A21));
	assert_false(unit_within(d, A21, A));
	int64_t depth = -1;
	err e;
	assert_int_equal(db_get_i64(d, &depth, &e,
				    "SELECT depth FROM unit_ancestors WHERE unit_id = $1 AND ancestor_id = $2",
				    "ll", A21, R),
			 0);
	assert_int_equal(depth, 3);
}

static void path_runs_from_the_top(void **state)
{
	arena *ar = arena_new();
	unit_list p;
	err e;
	assert_int_equal(unit_path(d, ar, A21, &p, &e), 0);
	assert_int_equal(p.n, 4);
	assert_string_equal(p.v[0].code, "R");
	assert_string_equal(p.v[3].code, "A21");
	arena_free(ar);
}

static void list_is_tree_ordered_with_depths(void **state)
{
	arena *ar = arena_new();
	actor a = as_user(R, ROLE_STAFF);
	unit_list l;
	err e;
	assert_int_equal(units_list(d, ar, &a, &(struct unit_filter){0}, &l, &e), 0);
	assert_int_equal(l.n, 6);
	/* every unit comes after its parent, one level deeper */
	for (size_t i = 1; i < l.n; i++) {
		bool found = false;
		for (size_t k = 0; k < i; k++)
			if (l.v[k].id == l.v[i].parent_id) {
				assert_int_equal(l.v[i].depth, l.v[k].depth + 1);
				found = true;
			}
		assert_true(found);
	}
	assert_int_equal(l.v[0].id, R);
	arena_free(ar);
}

static void users_see_only_their_subtree(void **state)
{
	arena *ar = arena_new();
	actor a = as_user(A, ROLE_STAFF);
	unit_list l;
	err e;
	assert_int_equal(units_list(d, ar, &a, &(struct unit_filter){0}, &l, &e), 0);
	assert_int_equal(l.n, 4); /* A, A1, A2, A21 */
	for (size_t i = 0; i < l.n; i++)
		assert_true(l.v[i].id != B && l.v[i].id != R);
	assert_false(unit_visible(d, &a, B));
	arena_free(ar);
}

static void search_ignores_accents_case_and_d(void **state)
{
	arena *ar = arena_new();
	unit_list l;
	err e;
	struct unit_filter f = {.q = "DAK LAK"};
	assert_int_equal(units_list(d, ar, &sys, &f, &l, &e), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].id, A21);
	f.q = "cẩm thành";
	assert_int_equal(units_list(d, ar, &sys, &f, &l, &e), 0);
	assert_int_equal(l.n, 1);
	f.q = "%"; /* typed wildcards match literally */
	assert_int_equal(units_list(d, ar, &sys, &f, &l, &e), 0);
	assert_int_equal(l.n, 0);
	f.q = "_";
	assert_int_equal(units_list(d, ar, &sys, &f, &l, &e), 0);
	assert_int_equal(l.n, 0);
	f.q = "khong co";
	assert_int_equal(units_list(d, ar, &sys, &f, &l, &e), 0);
	assert_int_equal(l.n, 0);
	arena_free(ar);
}

static void moving_a_subtree_rewrites_the_closure(void **state)
{
	err e = {0};
	struct unit_input mv = {.parent_id = B, .active = -1};
	assert_int_equal(unit_update(d, &sys, A2, &mv, &e), 0);
	assert_true(unit_within(d, B, A21));
	assert_true(unit_within(d, B, A2));
	assert_false(unit_within(d, A, A21));
	assert_true(unit_within(d, R, A21));
	int64_t depth = 0;
	assert_int_equal(db_get_i64(d, &depth, &e,
				    "SELECT depth FROM unit_ancestors WHERE unit_id = $1 AND ancestor_id = $2",
				    "ll", A21, B),
			 0);
	assert_int_equal(depth, 2);
	/* and back */
	mv.parent_id = A;
	assert_int_equal(unit_update(d, &sys, A2, &mv, &e), 0);
	assert_true(unit_within(d, A, A21));
	assert_false(unit_within(d, B, A21));
}

static void a_unit_cannot_move_into_its_own_subtree(void **state)
{
	err e = {0};
	struct unit_input mv = {.parent_id = A21, .active = -1};
	assert_int_equal(unit_update(d, &sys, A, &mv, &e), E_INVAL);
	mv.parent_id = A;
	assert_int_equal(unit_update(d, &sys, A, &mv, &e), E_INVAL);
	assert_true(unit_within(d, R, A));
}

static void authorization_comes_before_validation(void **state)
{
	err e = {0};
	actor officer = as_user(R, ROLE_OFFICER);
	struct unit_input bad = {"", "", "nope", R, -1, NULL, NULL};
	int64_t id;
	assert_int_equal(unit_create(d, &officer, &bad, &id, &e), E_FORBIDDEN);
	actor admin_a = as_user(A, ROLE_ADMIN);
	bad.parent_id = B;
	assert_int_equal(unit_create(d, &admin_a, &bad, &id, &e), E_FORBIDDEN);
	/* a sibling's unit is invisible: not found rather than forbidden */
	struct unit_input rename = {.name = "X", .active = -1};
	assert_int_equal(unit_update(d, &admin_a, B, &rename, &e), E_NOTFOUND);
}

static void invalid_fields_are_refused(void **state)
{
	err e = {0};
	int64_t id;
	struct unit_input in = {"OK1", "Tên", "planet", R, -1, NULL, NULL};
	assert_int_equal(unit_create(d, &sys, &in, &id, &e), E_INVAL);
	in.kind = "school";
	in.code = "có dấu";
	assert_int_equal(unit_create(d, &sys, &in, &id, &e), E_INVAL);
	in.code = "A"; /* taken */
	assert_int_equal(unit_create(d, &sys, &in, &id, &e), E_CONFLICT);
	in.code = "OK2";
	in.valid_from = "2025-02-30";
	assert_int_equal(unit_create(d, &sys, &in, &id, &e), E_INVAL);
	in.valid_from = "2025-02-28";
	in.name = "  \t ";
	assert_int_equal(unit_create(d, &sys, &in, &id, &e), E_INVAL);
	in.name = "Trường \xff";
	assert_int_equal(unit_create(d, &sys, &in, &id, &e), E_INVAL);
}

static int64_t count(const char *sql)
{
	int64_t n = -1;
	err e;
	assert_int_equal(db_get_i64(d, &n, &e, sql, NULL), 0);
	return n;
}

static void import_is_all_or_nothing_and_names_the_row(void **state)
{
	int64_t before = count("SELECT COUNT(*) FROM units");
	struct unit_row rows[] = {
		{"I1", "Xã Một", "commune", "R", NULL, NULL, 1, 0},
		{"I2", "Thôn Hai", "hamlet", "I1", NULL, NULL, 1, 0}, /* parent from the same file */
		{"I3", "Xã Ba", "bogus", "R", NULL, NULL, 1, 0},
	};
	int64_t created = -1;
	int bad = 0;
	err e = {0};
	assert_int_equal(units_import(d, &sys, rows, 3, &created, &bad, &e), E_INVAL);
	assert_int_equal(bad, 4); /* header is row 1 */
	assert_non_null(strstr(e.msg, "Dòng 4"));
	assert_int_equal(created, 0);
	assert_int_equal(count("SELECT COUNT(*) FROM units"), before);

	rows[2].kind = "commune";
	rows[2].parent_code = "KHONG-CO";
	assert_int_equal(units_import(d, &sys, rows, 3, &created, &bad, &e), E_INVAL);
	assert_int_equal(bad, 4);
	assert_int_equal(count("SELECT COUNT(*) FROM units"), before);

	rows[2].parent_code = "R";
	assert_int_equal(units_import(d, &sys, rows, 3, &created, &bad, &e), 0);
	assert_int_equal(created, 3);
	assert_int_equal(count("SELECT COUNT(*) FROM units"), before + 3);
	int64_t i2 = 0;
	assert_int_equal(db_get_i64(d, &i2, &e, "SELECT id FROM units WHERE code = 'I2'", NULL), 0);
	assert_true(unit_within(d, R, i2));
}

static void every_change_writes_an_audit_row(void **state)
{
	int64_t before = count("SELECT COUNT(*) FROM audit WHERE entity = 'unit'");
	mk("AUD", "Đơn vị kiểm tra", "other", R);
	err e = {0};
	int64_t id = 0;
	db_get_i64(d, &id, &e, "SELECT id FROM units WHERE code = 'AUD'", NULL);
	struct unit_input rn = {.name = "Đơn vị đã đổi tên", .active = -1};
	assert_int_equal(unit_update(d, &sys, id, &rn, &e), 0);
	assert_int_equal(count("SELECT COUNT(*) FROM audit WHERE entity = 'unit'"), before + 2);
	db_stmt *st;
	assert_int_equal(db_query(d, &st, &e,
				  "SELECT before_json, after_json FROM audit WHERE entity = 'unit' AND action = 'update'"
				  " AND entity_id = $1",
				  "l", id),
			 0);
	assert_int_equal(db_step(st, &e), DB_ROW);
	assert_non_null(strstr(db_col_text(st, 0), "Đơn vị kiểm tra"));
	assert_non_null(strstr(db_col_text(st, 1), "Đơn vị đã đổi tên"));
	db_finalize(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(closure_knows_every_ancestor),
		cmocka_unit_test(path_runs_from_the_top),
		cmocka_unit_test(list_is_tree_ordered_with_depths),
		cmocka_unit_test(users_see_only_their_subtree),
		cmocka_unit_test(search_ignores_accents_case_and_d),
		cmocka_unit_test(moving_a_subtree_rewrites_the_closure),
		cmocka_unit_test(a_unit_cannot_move_into_its_own_subtree),
		cmocka_unit_test(authorization_comes_before_validation),
		cmocka_unit_test(invalid_fields_are_refused),
		cmocka_unit_test(import_is_all_or_nothing_and_names_the_row),
		cmocka_unit_test(every_change_writes_an_audit_row),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
