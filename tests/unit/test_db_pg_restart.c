/*
 * test_db_pg_restart.c — a PostgreSQL server that stops and comes back
 * while a connection is open: statements fail with E_UNAVAILABLE while it is
 * down and work again afterwards on the same handle.
 *
 * Needs THIDUA_TEST_PG (the throw-away database) and THIDUA_TEST_PG_CTL, a
 * command prefix that takes `stop` or `start` (scripts/test.sh sets it to
 * `scripts/pg-tmp.sh server`); skipped otherwise.
 */
#include "testutil.h"

static const char *ctl(void)
{
	const char *pg = getenv("THIDUA_TEST_PG"), *c = getenv("THIDUA_TEST_PG_CTL");
	return pg && *pg && c && *c ? c : NULL;
}

static void server(const char *what)
{
	char *cmd = xasprintf("%s %s", ctl(), what);
	int rc = system(cmd);
	free(cmd);
	if (rc != 0)
		fail_msg("'%s %s' failed", ctl(), what);
}

/* Whatever happened in a test, the next one finds the server up. */
static int server_up(void **state)
{
	if (ctl())
		server("start");
	return 0;
}

static int64_t rows(db *d)
{
	int64_t n = -1;
	err e = {0};
	if (db_get_i64(d, &n, &e, "SELECT COUNT(*) FROM t", NULL) != 0)
		fail_msg("%s", e.msg);
	return n;
}

static db *open_t(void)
{
	db *d = test_db_open();
	err e = {0};
	if (db_exec(d, "CREATE TABLE t (id BIGINT PRIMARY KEY)", &e) != 0)
		fail_msg("%s", e.msg);
	return d;
}

static void statements_fail_while_down_then_work(void **state)
{
	if (!ctl())
		skip();
	db *d = open_t();
	err e = {0};
	assert_int_equal(db_run(d, &e, "INSERT INTO t VALUES (1)", NULL), 1);

	server("stop");
	for (int i = 0; i < 3; i++) { /* each attempt tries to reconnect, and fails */
		assert_int_equal(db_run(d, &e, "INSERT INTO t VALUES (2)", NULL), E_UNAVAILABLE);
		assert_true(strlen(e.msg) > 0);
	}
	int64_t n;
	assert_int_equal(db_get_i64(d, &n, &e, "SELECT COUNT(*) FROM t", NULL), E_UNAVAILABLE);
	assert_int_equal(db_begin(d, &e), E_UNAVAILABLE);
	assert_false(db_in_tx(d));

	server("start");
	assert_int_equal(rows(d), 1);
	assert_int_equal(db_run(d, &e, "INSERT INTO t VALUES (2)", NULL), 1);
	assert_int_equal(db_begin(d, &e), 0);
	assert_int_equal(db_run(d, &e, "INSERT INTO t VALUES (3)", NULL), 1);
	assert_int_equal(db_commit(d, &e), 0);
	assert_int_equal(rows(d), 3);
	test_db_close(d);
}

static void idle_connection_survives_a_restart(void **state)
{
	if (!ctl())
		skip();
	db *d = open_t();
	err e = {0};
	server("stop");
	server("start");
	/* the server closed the idle session; the first statement notices and
	 * reconnects before sending, so nothing fails */
	assert_int_equal(db_run(d, &e, "INSERT INTO t VALUES (1)", NULL), 1);
	assert_int_equal(rows(d), 1);
	test_db_close(d);
}

static void transaction_cut_by_a_restart_is_lost(void **state)
{
	if (!ctl())
		skip();
	db *d = open_t();
	err e = {0};
	assert_int_equal(db_begin(d, &e), 0);
	assert_int_equal(db_run(d, &e, "INSERT INTO t VALUES (1)", NULL), 1);
	server("stop");
	server("start");
	/* the session that held the transaction is gone: no silent reconnect
	 * in the middle of it */
	assert_int_equal(db_run(d, &e, "INSERT INTO t VALUES (2)", NULL), E_UNAVAILABLE);
	assert_int_equal(db_commit(d, &e), E_UNAVAILABLE);
	assert_false(db_in_tx(d));
	assert_int_equal(rows(d), 0);
	assert_int_equal(db_begin(d, &e), 0);
	assert_int_equal(db_run(d, &e, "INSERT INTO t VALUES (3)", NULL), 1);
	assert_int_equal(db_commit(d, &e), 0);
	assert_int_equal(rows(d), 1);
	test_db_close(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(statements_fail_while_down_then_work, server_up),
		cmocka_unit_test_teardown(idle_connection_survives_a_restart, server_up),
		cmocka_unit_test_teardown(transaction_cut_by_a_restart_is_lost, server_up),
	};
	return cmocka_run_group_tests_name("db_pg_restart", tests, NULL, NULL);
}
