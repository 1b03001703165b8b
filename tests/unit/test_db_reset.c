/*
 * test_db_reset.c — db_reset(): one prepared statement stepped many times
 * with new parameters, the same on SQLite and PostgreSQL (THIDUA_TEST_PG).
 */
#include "testutil.h"

static db *d;

static int setup(void **state)
{
	d = test_db_open();
	err e = {0};
	if (db_exec(d, "CREATE TABLE r (id BIGINT PRIMARY KEY, a TEXT, b BIGINT)", &e) != 0)
		fail_msg("%s", e.msg);
	return 0;
}

static int teardown(void **state)
{
	test_db_close(d);
	return 0;
}

static void one_insert_statement_runs_many_times(void **state)
{
	err e = {0};
	db_stmt *st;
	assert_int_equal(db_prepare(d, "INSERT INTO r (id, a, b) VALUES ($1, $2, $3)", &st, &e), 0);
	for (int i = 1; i <= 100; i++) {
		db_bind_i64(st, 1, i);
		db_bind_text(st, 2, i % 2 ? "lẻ" : "chẵn");
		db_bind_i64(st, 3, i * 10);
		assert_int_equal(db_step(st, &e), DB_DONE);
		assert_int_equal(db_changes(d), 1);
		db_reset(st);
	}
	db_finalize(st);
	int64_t n = 0, sum = 0;
	assert_int_equal(db_get_i64(d, &n, &e, "SELECT COUNT(*) FROM r WHERE a = 'lẻ'", NULL), 0);
	assert_int_equal(n, 50);
	assert_int_equal(db_get_i64(d, &sum, &e, "SELECT SUM(b) FROM r", NULL), 0);
	assert_int_equal(sum, 50500);
}

static void a_query_reads_fresh_rows_after_reset(void **state)
{
	err e = {0};
	db_stmt *st;
	assert_int_equal(db_prepare(d, "SELECT id, a FROM r WHERE b >= $1 ORDER BY id", &st, &e), 0);
	db_bind_i64(st, 1, 990);
	assert_int_equal(db_step(st, &e), DB_ROW);
	assert_int_equal(db_col_i64(st, 0), 99);
	/* reset in the middle of the rows: the rest are dropped */
	db_reset(st);
	db_bind_i64(st, 1, 1000);
	assert_int_equal(db_step(st, &e), DB_ROW);
	assert_int_equal(db_col_i64(st, 0), 100);
	assert_string_equal(db_col_text(st, 1), "chẵn");
	assert_int_equal(db_step(st, &e), DB_DONE);
	db_reset(st);
	db_bind_i64(st, 1, 5000);
	assert_int_equal(db_step(st, &e), DB_DONE);
	db_finalize(st);
}

static void parameters_are_unbound_after_reset(void **state)
{
	err e = {0};
	db_stmt *st;
	assert_int_equal(db_prepare(d, "SELECT COUNT(*) FROM r WHERE CAST($1 AS TEXT) IS NULL", &st, &e), 0);
	db_bind_text(st, 1, "x");
	assert_int_equal(db_step(st, &e), DB_ROW);
	assert_int_equal(db_col_i64(st, 0), 0);
	db_reset(st);
	/* not bound again: NULL on both engines */
	assert_int_equal(db_step(st, &e), DB_ROW);
	assert_int_equal(db_col_i64(st, 0), 100);
	db_finalize(st);
}

static void a_failed_step_can_be_retried_after_reset(void **state)
{
	err e = {0};
	db_stmt *st;
	assert_int_equal(db_prepare(d, "INSERT INTO r (id, a, b) VALUES ($1, 'x', 0)", &st, &e), 0);
	db_bind_i64(st, 1, 1); /* taken: a conflict */
	assert_int_equal(db_step(st, &e), E_CONFLICT);
	db_reset(st);
	db_bind_i64(st, 1, 1001);
	assert_int_equal(db_step(st, &e), DB_DONE);
	db_finalize(st);
	int64_t n = 0;
	assert_int_equal(db_get_i64(d, &n, &e, "SELECT COUNT(*) FROM r WHERE id = 1001", NULL), 0);
	assert_int_equal(n, 1);
}

static void reuse_inside_a_transaction(void **state)
{
	err e = {0};
	db_stmt *st;
	assert_int_equal(db_begin(d, &e), 0);
	assert_int_equal(db_prepare(d, "UPDATE r SET b = b + $1 WHERE id = $2", &st, &e), 0);
	for (int i = 1; i <= 10; i++) {
		db_bind_i64(st, 1, 1);
		db_bind_i64(st, 2, i);
		assert_int_equal(db_step(st, &e), DB_DONE);
		db_reset(st);
	}
	db_finalize(st);
	assert_int_equal(db_commit(d, &e), 0);
	int64_t sum = 0;
	assert_int_equal(db_get_i64(d, &sum, &e, "SELECT SUM(b) FROM r WHERE id <= 10", NULL), 0);
	assert_int_equal(sum, 550 + 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_insert_statement_runs_many_times),
		cmocka_unit_test(a_query_reads_fresh_rows_after_reset),
		cmocka_unit_test(parameters_are_unbound_after_reset),
		cmocka_unit_test(a_failed_step_can_be_retried_after_reset),
		cmocka_unit_test(reuse_inside_a_transaction),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
