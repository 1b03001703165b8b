/*
 * test_db.c — driver conformance: the same assertions on SQLite and, when
 * THIDUA_TEST_PG is set, on PostgreSQL. Whatever core code may rely on is
 * pinned here so that the two engines cannot drift apart.
 */
#include "testutil.h"

#include "text/text.h"
#include "util/embedded.h"

static bool is_sqlite(db *d) { return strcmp(db_engine(d), "sqlite") == 0; }

/* A migrated database plus a scratch table t. */
static db *open_t(void)
{
	db *d = test_db_open();
	err e = {0};
	char *sql = xasprintf("CREATE TABLE t (id BIGINT PRIMARY KEY, a TEXT, b BIGINT,"
			      " r DOUBLE PRECISION, data %s)",
			      is_sqlite(d) ? "BLOB" : "BYTEA");
	if (db_exec(d, sql, &e) != 0)
		fail_msg("%s", e.msg);
	free(sql);
	return d;
}

static int64_t count(db *d, const char *sql, const char *types, ...)
{
	/* only the simple cases the tests need: up to two text/int args */
	va_list ap;
	va_start(ap, types);
	db_stmt *st;
	err e = {0};
	int rc;
	if (!types || !*types)
		rc = db_query(d, &st, &e, sql, NULL);
	else if (strcmp(types, "t") == 0)
		rc = db_query(d, &st, &e, sql, "t", va_arg(ap, const char *));
	else if (strcmp(types, "l") == 0)
		rc = db_query(d, &st, &e, sql, "l", va_arg(ap, int64_t));
	else
		rc = E_INTERNAL;
	va_end(ap);
	assert_int_equal(rc, 0);
	assert_int_equal(db_step(st, &e), DB_ROW);
	int64_t n = db_col_i64(st, 0);
	db_finalize(st);
	return n;
}

static int64_t add_unit(db *d, const char *code, const char *name, int64_t parent)
{
	err e = {0};
	int64_t id = 0;
	char *key = text_search_key(name);
	int rc = parent ? db_get_i64(d, &id, &e,
				     "INSERT INTO units (code, name, kind, parent_id, search_key, created_at)"
				     " VALUES ($1, $2, 'commune', $3, $4, 0) RETURNING id",
				     "ttlt", code, name, parent, key)
			: db_get_i64(d, &id, &e,
				     "INSERT INTO units (code, name, kind, search_key, created_at)"
				     " VALUES ($1, $2, 'province', $3, 0) RETURNING id",
				     "ttt", code, name, key);
	free(key);
	if (rc)
		fail_msg("%s", e.msg);
	return id;
}

static void placeholders_out_of_order(void **state)
{
	db *d = open_t();
	err e = {0};
	assert_int_equal(db_run(d, &e, "INSERT INTO t (b, a, id) VALUES ($3, $1, $2)", "tll", "x",
				(int64_t)1, (int64_t)42),
			 1);
	db_stmt *st;
	assert_int_equal(db_query(d, &st, &e, "SELECT id, a, b FROM t WHERE a = $2 AND b = $1",
				  "lt", (int64_t)42, "x"),
			 0);
	assert_int_equal(db_step(st, &e), DB_ROW);
	assert_int_equal(db_col_i64(st, 0), 1);
	assert_string_equal(db_col_text(st, 1), "x");
	assert_int_equal(db_col_i64(st, 2), 42);
	assert_int_equal(db_step(st, &e), DB_DONE);
	db_finalize(st);
	test_db_close(d);
}

static void placeholder_reused(void **state)
{
	db *d = open_t();
	err e = {0};
	assert_int_equal(db_run(d, &e, "INSERT INTO t (id, b) VALUES ($1, $1)", "l", (int64_t)7), 1);
	assert_int_equal(db_run(d, &e, "INSERT INTO t (id, b) VALUES ($1, 3)", "l", (int64_t)8), 1);
	assert_int_equal(count(d, "SELECT COUNT(*) FROM t WHERE id = $1 AND b = $1", "l", (int64_t)7), 1);
	assert_int_equal(count(d, "SELECT COUNT(*) FROM t WHERE id = $1 OR b = $1", "l", (int64_t)8), 1);
	test_db_close(d);
}

static void placeholders_in_literals_untouched(void **state)
{
	db *d = open_t();
	err e = {0};
	assert_int_equal(db_run(d, &e,
				"INSERT INTO t (id, a) VALUES (1, '$1'), (2, 'it''s $2'), (3, $1)"
				" -- $3 in a comment\n",
				"t", "zz"),
			 3);
	assert_int_equal(count(d, "SELECT COUNT(*) FROM t WHERE a = '$1' OR a = $1 /* $2 */", "t",
			       "zz"),
			 2);
	assert_int_equal(count(d, "SELECT COUNT(*) FROM t WHERE a = 'it''s $2' AND \"a\" <> $1", "t",
			       "$1"),
			 1);
	db_stmt *st;
	assert_int_equal(db_query(d, &st, &e, "SELECT a FROM t WHERE id = $1", "l", (int64_t)1), 0);
	assert_int_equal(db_step(st, &e), DB_ROW);
	assert_string_equal(db_col_text(st, 0), "$1");
	db_finalize(st);
	test_db_close(d);
}

static void null_binding_and_reading(void **state)
{
	db *d = open_t();
	err e = {0};
	assert_int_equal(db_run(d, &e, "INSERT INTO t (id, a, b, r, data) VALUES (1, $1, $2, $3, $4)",
				"tnnn", (const char *)NULL),
			 1);
	db_stmt *st;
	assert_int_equal(db_query(d, &st, &e, "SELECT a, b, r, data FROM t", NULL), 0);
	assert_int_equal(db_step(st, &e), DB_ROW);
	for (int c = 0; c < 4; c++) {
		assert_true(db_col_null(st, c));
		assert_int_equal(db_col_type(st, c), DB_NULL);
	}
	assert_null(db_col_text(st, 0));
	assert_int_equal(db_col_i64(st, 1), 0);
	assert_true(db_col_double(st, 2) == 0.0);
	size_t n = 99;
	assert_null(db_col_blob(st, 3, &n));
	assert_int_equal(n, 0);
	db_finalize(st);
	assert_int_equal(count(d, "SELECT COUNT(*) FROM t WHERE a IS NULL AND b IS NULL", NULL), 1);
	test_db_close(d);
}

static void int64_extremes(void **state)
{
	db *d = open_t();
	err e = {0};
	const int64_t v[] = {INT64_MAX, INT64_MIN, 0, -1, 4294967296LL, -4294967297LL};
	for (size_t i = 0; i < sizeof v / sizeof *v; i++)
		assert_int_equal(db_run(d, &e, "INSERT INTO t (id, b) VALUES ($1, $2)", "ll",
					(int64_t)i + 1, v[i]),
				 1);
	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		db_stmt *st;
		assert_int_equal(db_query(d, &st, &e, "SELECT b FROM t WHERE b = $1", "l", v[i]), 0);
		assert_int_equal(db_step(st, &e), DB_ROW);
		assert_true(db_col_i64(st, 0) == v[i]);
		assert_int_equal(db_col_type(st, 0), DB_INT);
		db_finalize(st);
	}
	int64_t max = 0;
	assert_int_equal(db_get_i64(d, &max, &e, "SELECT MAX(b) FROM t", NULL), 0);
	assert_true(max == INT64_MAX);
	test_db_close(d);
}

static void doubles_round_trip(void **state)
{
	db *d = open_t();
	err e = {0};
	const double v[] = {0.1, -1e300, 3.141592653589793, 1e-300, 9007199254740993.0, -0.5};
	for (size_t i = 0; i < sizeof v / sizeof *v; i++)
		assert_int_equal(db_run(d, &e, "INSERT INTO t (id, r) VALUES ($1, $2)", "ld",
					(int64_t)i + 1, v[i]),
				 1);
	db_stmt *st;
	assert_int_equal(db_query(d, &st, &e, "SELECT r FROM t ORDER BY id", NULL), 0);
	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		assert_int_equal(db_step(st, &e), DB_ROW);
		assert_true(db_col_double(st, 0) == v[i]);
		assert_int_equal(db_col_type(st, 0), DB_REAL);
	}
	db_finalize(st);
	test_db_close(d);
}

static void vietnamese_text_round_trip(void **state)
{
	db *d = open_t();
	err e = {0};
	const char *s = "Thi đua khen thưởng — Quảng Ngãi, Đắk Lắk, Người nghèo; ĐẶNG Thị Ỷ 🇻🇳";
	assert_int_equal(db_run(d, &e, "INSERT INTO t (id, a) VALUES (1, $1)", "t", s), 1);
	db_stmt *st;
	assert_int_equal(db_query(d, &st, &e, "SELECT a, LENGTH(a) FROM t WHERE a = $1", "t", s), 0);
	assert_int_equal(db_step(st, &e), DB_ROW);
	assert_string_equal(db_col_text(st, 0), s);
	assert_int_equal(db_col_type(st, 0), DB_TEXT);
	/* both engines count characters, not bytes */
	assert_int_equal(db_col_i64(st, 1), (int64_t)text_length(s));
	db_finalize(st);
	test_db_close(d);
}

static void blobs_with_nul_bytes(void **state)
{
	db *d = open_t();
	err e = {0};
	const unsigned char small[] = {0, 1, 0, 255, '\\', 'x', '\'', 0};
	size_t big_n = 100000;
	unsigned char *big = xmalloc(big_n);
	for (size_t i = 0; i < big_n; i++)
		big[i] = (unsigned char)(i * 7919 % 256);
	assert_int_equal(db_run(d, &e, "INSERT INTO t (id, data) VALUES (1, $1), (2, $2), (3, $3)",
				"bbb", (const void *)small, sizeof small, (const void *)big, big_n,
				(const void *)"", (size_t)0),
			 3);
	db_stmt *st;
	assert_int_equal(db_query(d, &st, &e, "SELECT data, data FROM t ORDER BY id", NULL), 0);
	assert_int_equal(db_step(st, &e), DB_ROW);
	size_t n1 = 0, n2 = 0;
	const void *p1 = db_col_blob(st, 0, &n1);
	const void *p2 = db_col_blob(st, 1, &n2); /* the first stays valid */
	assert_int_equal(n1, sizeof small);
	assert_int_equal(n2, sizeof small);
	assert_memory_equal(p1, small, sizeof small);
	assert_memory_equal(p2, small, sizeof small);
	assert_int_equal(db_col_type(st, 0), DB_BLOB);
	assert_int_equal(db_step(st, &e), DB_ROW);
	const void *p = db_col_blob(st, 0, &n1);
	assert_int_equal(n1, big_n);
	assert_memory_equal(p, big, big_n);
	assert_int_equal(db_step(st, &e), DB_ROW); /* empty is a value, not NULL */
	assert_false(db_col_null(st, 0));
	db_col_blob(st, 0, &n1);
	assert_int_equal(n1, 0);
	assert_int_equal(db_step(st, &e), DB_DONE);
	db_finalize(st);
	free(big);
	test_db_close(d);
}

static void insert_returning_id(void **state)
{
	db *d = test_db_open();
	int64_t a = add_unit(d, "T01", "Tỉnh Một", 0);
	int64_t b = add_unit(d, "T02", "Tỉnh Hai", 0);
	assert_true(a > 0);
	assert_int_equal(b, a + 1);
	test_db_close(d);
}

static void on_conflict_do_update(void **state)
{
	db *d = open_t();
	err e = {0};
	const char *upsert = "INSERT INTO t (id, a, b) VALUES ($1, $2, 1)"
			     " ON CONFLICT (id) DO UPDATE SET a = excluded.a, b = t.b + 1";
	assert_int_equal(db_run(d, &e, upsert, "lt", (int64_t)5, "một"), 1);
	assert_int_equal(db_run(d, &e, upsert, "lt", (int64_t)5, "hai"), 1);
	assert_int_equal(db_changes(d), 1);
	db_stmt *st;
	assert_int_equal(db_query(d, &st, &e, "SELECT a, b FROM t WHERE id = 5", NULL), 0);
	assert_int_equal(db_step(st, &e), DB_ROW);
	assert_string_equal(db_col_text(st, 0), "hai");
	assert_int_equal(db_col_i64(st, 1), 2);
	db_finalize(st);
	assert_int_equal(count(d, "SELECT COUNT(*) FROM t", NULL), 1);
	test_db_close(d);
}

static void constraint_violations_are_conflicts(void **state)
{
	db *d = test_db_open();
	err e = {0};
	add_unit(d, "DUP", "Tỉnh", 0);
	/* unique */
	assert_int_equal(db_run(d, &e,
				"INSERT INTO units (code, name, kind, search_key, created_at)"
				" VALUES ('DUP', 'x', 'province', 'x', 0)",
				NULL),
			 E_CONFLICT);
	/* foreign key */
	assert_int_equal(db_run(d, &e,
				"INSERT INTO units (code, name, kind, parent_id, search_key, created_at)"
				" VALUES ('C1', 'x', 'commune', 999999, 'x', 0)",
				NULL),
			 E_CONFLICT);
	assert_int_equal(db_run(d, &e,
				"INSERT INTO units (code, name, kind, search_key, created_at)"
				" VALUES ('C2', 'x', 'no-such-kind', 'x', 0)",
				NULL),
			 E_CONFLICT);
	/* check and not null, the same on both engines */
	int64_t unit = add_unit(d, "T1", "Tỉnh Một", 0);
	assert_int_equal(db_run(d, &e,
				"INSERT INTO users (login, password_hash, unit_id, role, created_at)"
				" VALUES ('u', 'h', $1, 'emperor', 0)",
				"l", unit),
			 E_CONFLICT);
	assert_int_equal(db_run(d, &e,
				"INSERT INTO units (code, name, kind, search_key, created_at)"
				" VALUES ('C3', NULL, 'province', 'x', 0)",
				NULL),
			 E_CONFLICT);
	assert_int_equal(count(d, "SELECT COUNT(*) FROM units", NULL), 2);
	test_db_close(d);
}

static void changes_counts_only_writes(void **state)
{
	db *d = open_t();
	err e = {0};
	assert_int_equal(db_run(d, &e, "INSERT INTO t (id, b) VALUES (1, 1), (2, 2), (3, 3)", NULL), 3);
	assert_int_equal(db_changes(d), 3);
	assert_int_equal(db_run(d, &e, "UPDATE t SET a = 'z' WHERE b >= 2", NULL), 2);
	assert_int_equal(db_changes(d), 2);
	/* reading does not reset the count of the last write */
	assert_int_equal(count(d, "SELECT COUNT(*) FROM t", NULL), 3);
	assert_int_equal(db_changes(d), 2);
	assert_int_equal(db_run(d, &e, "DELETE FROM t WHERE b = 99", NULL), 0);
	assert_int_equal(db_run(d, &e, "DELETE FROM t", NULL), 3);
	test_db_close(d);
}

static void rollback_leaves_nothing(void **state)
{
	db *d = open_t();
	err e = {0};
	assert_int_equal(db_begin(d, &e), 0);
	assert_true(db_in_tx(d));
	assert_int_equal(db_run(d, &e, "INSERT INTO t (id) VALUES (1)", NULL), 1);
	add_unit(d, "T1", "Tỉnh", 0);
	db_rollback(d);
	assert_false(db_in_tx(d));
	assert_int_equal(count(d, "SELECT COUNT(*) FROM t", NULL), 0);
	assert_int_equal(count(d, "SELECT COUNT(*) FROM units", NULL), 0);
	/* and a failed statement inside a transaction does not poison the next one */
	assert_int_equal(db_begin(d, &e), 0);
	assert_int_equal(db_run(d, &e, "INSERT INTO no_such_table VALUES (1)", NULL), E_DB);
	db_rollback(d);
	assert_int_equal(db_begin(d, &e), 0);
	assert_int_equal(db_run(d, &e, "INSERT INTO t (id) VALUES (2)", NULL), 1);
	assert_int_equal(db_commit(d, &e), 0);
	assert_int_equal(count(d, "SELECT COUNT(*) FROM t", NULL), 1);
	test_db_close(d);
}

static void begin_twice_is_an_error(void **state)
{
	db *d = test_db_open();
	err e = {0};
	assert_int_equal(db_begin(d, &e), 0);
	assert_int_equal(db_begin(d, &e), E_INTERNAL);
	assert_int_equal(db_begin_read(d, &e), E_INTERNAL);
	assert_true(db_in_tx(d));
	db_rollback(d);
	assert_int_equal(db_begin_read(d, &e), 0);
	assert_int_equal(db_begin(d, &e), E_INTERNAL);
	assert_int_equal(count(d, "SELECT COUNT(*) FROM units", NULL), 0);
	assert_int_equal(db_commit(d, &e), 0);
	assert_false(db_in_tx(d));
	test_db_close(d);
}

static int last_migration(void)
{
	int v = 0;
	for (const struct embedded_file *f = embedded_migrations; f->name; f++)
		v = atoi(f->name);
	return v;
}

static void migrations_idempotent(void **state)
{
	db *d = test_db_open(); /* migrated once */
	err e = {0};
	int v = db_schema_version(d);
	assert_int_equal(v, last_migration());
	add_unit(d, "T1", "Tỉnh", 0);
	assert_int_equal(db_migrate(d, &e), 0);
	assert_int_equal(db_migrate(d, &e), 0);
	assert_int_equal(db_schema_version(d), v);
	int64_t n = 0;
	for (const struct embedded_file *f = embedded_migrations; f->name; f++)
		n++;
	assert_int_equal(count(d, "SELECT COUNT(*) FROM schema_migrations", NULL), n);
	assert_int_equal(count(d, "SELECT COUNT(*) FROM units", NULL), 1);
	test_db_close(d);
}

static void schema_version_of_empty_database(void **state)
{
	/* a database that never saw a migration is at version 0 */
	db *d = test_db_open();
	err e = {0};
	assert_int_equal(db_exec(d, "DROP TABLE schema_migrations", &e), 0);
	assert_int_equal(db_schema_version(d), 0);
	test_db_close(d);
}

static void bind_beyond_placeholders_fails(void **state)
{
	db *d = open_t();
	err e = {0};
	assert_int_equal(db_run(d, &e, "INSERT INTO t (id) VALUES ($1)", "ll", (int64_t)1, (int64_t)2),
			 E_INTERNAL);
	assert_int_equal(count(d, "SELECT COUNT(*) FROM t", NULL), 0);
	test_db_close(d);
}

static void column_types_and_names(void **state)
{
	db *d = open_t();
	err e = {0};
	assert_int_equal(db_run(d, &e, "INSERT INTO t (id, a, b, r) VALUES (1, 'x', 2, 2.5)", NULL), 1);
	db_stmt *st;
	assert_int_equal(db_query(d, &st, &e,
				  "SELECT id AS ident, a, b, r, 1 = 1 AS yes, 1 = 2 AS no,"
				  " EXISTS (SELECT 1 FROM t) AS ex FROM t",
				  NULL),
			 0);
	assert_int_equal(db_step(st, &e), DB_ROW);
	assert_int_equal(db_col_count(st), 7);
	assert_string_equal(db_col_name(st, 0), "ident");
	assert_string_equal(db_col_name(st, 3), "r");
	assert_int_equal(db_col_type(st, 0), DB_INT);
	assert_int_equal(db_col_type(st, 1), DB_TEXT);
	assert_int_equal(db_col_type(st, 2), DB_INT);
	assert_int_equal(db_col_type(st, 3), DB_REAL);
	/* booleans read as 1/0 on both engines, also as text */
	assert_int_equal(db_col_type(st, 4), DB_INT);
	assert_int_equal(db_col_i64(st, 4), 1);
	assert_int_equal(db_col_i64(st, 5), 0);
	assert_string_equal(db_col_text(st, 4), "1");
	assert_string_equal(db_col_text(st, 5), "0");
	assert_int_equal(db_col_i64(st, 6), 1);
	db_finalize(st);
	test_db_close(d);
}

static void exec_runs_several_statements(void **state)
{
	db *d = open_t();
	err e = {0};
	assert_int_equal(db_exec(d, "INSERT INTO t (id) VALUES (1); INSERT INTO t (id) VALUES (2);"
				    " UPDATE t SET b = id * 10;",
				 &e),
			 0);
	assert_int_equal(count(d, "SELECT SUM(b) FROM t", NULL), 30);
	assert_int_equal(db_exec(d, "SELEC 1", &e), E_DB);
	assert_true(strlen(e.msg) > 0);
	test_db_close(d);
}

static void accent_insensitive_search(void **state)
{
	db *d = test_db_open();
	err e = {0};
	int64_t p = add_unit(d, "51", "Tỉnh Quảng Ngãi", 0);
	add_unit(d, "51-1", "Xã Nghĩa Hành", p);
	add_unit(d, "66", "Tỉnh Đắk Lắk", 0);
	const char *q = "SELECT COUNT(*) FROM units WHERE search_key LIKE '%' || $1 || '%'";
	char *k = text_search_key("quang ngai");
	assert_int_equal(count(d, q, "t", k), 1);
	free(k);
	k = text_search_key("ĐĂK");
	assert_int_equal(count(d, q, "t", k), 1);
	free(k);
	assert_int_equal(count(d, q, "t", "nghia hanh"), 1);
	assert_int_equal(count(d, q, "t", "tinh"), 2);
	assert_int_equal(count(d, q, "t", "ha noi"), 0);
	if (!is_sqlite(d)) {
		/* the test cluster lets the database owner install pg_trgm, so
		 * every search_key column has a trigram index the planner can use
		 * for a LIKE pattern built from a parameter */
		assert_int_equal(count(d, "SELECT COUNT(*) FROM pg_indexes WHERE indexname IN"
					  " ('units_search_trgm', 'unit_groups_search_trgm',"
					  "  'movements_search_trgm')",
				       NULL),
				 3);
		assert_int_equal(db_exec(d, "SET enable_seqscan = off", &e), 0);
		db_stmt *st;
		assert_int_equal(db_query(d, &st, &e,
					  "EXPLAIN SELECT id FROM units WHERE search_key LIKE '%' || $1 || '%'",
					  "t", "quang"),
				 0);
		buf plan = BUF_INIT;
		while (db_step(st, &e) == DB_ROW)
			buf_puts(&plan, db_col_text(st, 0));
		db_finalize(st);
		assert_non_null(strstr(buf_cstr(&plan), "units_search_trgm"));
		buf_free(&plan);
		assert_int_equal(db_exec(d, "RESET enable_seqscan", &e), 0);
	}
	test_db_close(d);
}

/* PostgreSQL: rights on the test database are changed and given back. */
static const char *const grant_create =
	"DO $$ BEGIN EXECUTE format('GRANT CREATE ON DATABASE %I TO CURRENT_USER',"
	" current_database()); END $$";

static int give_back_create(void **state)
{
	if (!getenv("THIDUA_TEST_PG"))
		return 0;
	db *d = NULL;
	err e = {0};
	if (db_open(getenv("THIDUA_TEST_PG"), &d, &e) == 0) {
		db_exec(d, grant_create, &e);
		db_close(d);
	}
	return 0;
}

static void search_works_without_pg_trgm(void **state)
{
	/* a deployment whose role may not create extensions: migrations
	 * succeed, there is no trigram index, search gives the same answers */
	if (!getenv("THIDUA_TEST_PG"))
		skip();
	db *d = test_db_open();
	err e = {0};
	assert_int_equal(db_exec(d, "DROP EXTENSION pg_trgm CASCADE;"
				    " DO $$ BEGIN EXECUTE format('REVOKE CREATE ON DATABASE %I"
				    " FROM CURRENT_USER', current_database()); END $$",
				 &e),
			 0);
	assert_int_equal(db_exec(d, "CREATE EXTENSION pg_trgm", &e), E_DB); /* really refused */
	assert_int_equal(db_migrate(d, &e), 0);
	assert_int_equal(count(d, "SELECT COUNT(*) FROM pg_indexes WHERE indexname LIKE '%_trgm'", NULL),
			 0);
	add_unit(d, "51", "Tỉnh Quảng Ngãi", 0);
	assert_int_equal(count(d, "SELECT COUNT(*) FROM units WHERE search_key LIKE '%' || $1 || '%'",
			       "t", "quang ngai"),
			 1);
	/* once the extension can be installed, the next migrate adds the indexes:
	 * one for every table with a search key */
	assert_int_equal(db_exec(d, grant_create, &e), 0);
	assert_int_equal(db_migrate(d, &e), 0);
	int64_t keyed = count(d, "SELECT COUNT(*) FROM information_schema.columns"
				 " WHERE table_schema = current_schema() AND column_name = 'search_key'",
			      NULL);
	assert_true(keyed >= 4); /* units, unit_groups, movements, outlines … */
	assert_int_equal(count(d, "SELECT COUNT(*) FROM pg_indexes WHERE indexname LIKE '%_trgm'", NULL),
			 keyed);
	test_db_close(d);
}

static void app_role_without_ddl_rights(void **state)
{
	/* docs/deploy.md: `thidua init` runs as the owner, app servers as a
	 * role that may only read and write rows. Their start-up db_migrate()
	 * must then find nothing to do, and no DDL to attempt. */
	const char *url = getenv("THIDUA_TEST_PG");
	if (!url || !strstr(url, "//thidua@"))
		skip();
	db *d = test_db_open();
	err e = {0};
	assert_int_equal(db_exec(d, "GRANT USAGE ON SCHEMA public TO thidua_app;"
				    " GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public"
				    "   TO thidua_app;"
				    " GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO thidua_app",
				 &e),
			 0);
	buf app_url = BUF_INIT;
	const char *at = strstr(url, "//thidua@");
	buf_put(&app_url, url, (size_t)(at - url));
	buf_puts(&app_url, "//thidua_app@");
	buf_puts(&app_url, at + strlen("//thidua@"));
	db *app = NULL;
	assert_int_equal(db_open(buf_cstr(&app_url), &app, &e), 0);
	buf_free(&app_url);
	assert_int_equal(db_exec(app, "CREATE TABLE x (a INTEGER)", &e), E_DB); /* really no DDL */
	assert_int_equal(db_migrate(app, &e), 0);
	assert_int_equal(db_schema_version(app), last_migration());
	assert_true(add_unit(app, "51", "Tỉnh Quảng Ngãi", 0) > 0);
	assert_int_equal(count(app, "SELECT COUNT(*) FROM units WHERE search_key LIKE '%' || $1 || '%'",
			       "t", "quang"),
			 1);
	db_close(app);
	test_db_close(d);
}

static void tables_in_dependency_order(void **state)
{
	db *d = test_db_open();
	err e = {0};
	char **names;
	size_t n;
	assert_int_equal(db_tables(d, &names, &n, &e), 0);
	int pos_kinds = -1, pos_units = -1, pos_users = -1, pos_sessions = -1, pos_members = -1,
	    pos_groups = -1;
	for (size_t i = 0; i < n; i++) {
		assert_string_not_equal(names[i], "schema_migrations");
		if (!strcmp(names[i], "unit_kinds")) pos_kinds = (int)i;
		if (!strcmp(names[i], "units")) pos_units = (int)i;
		if (!strcmp(names[i], "users")) pos_users = (int)i;
		if (!strcmp(names[i], "sessions")) pos_sessions = (int)i;
		if (!strcmp(names[i], "unit_groups")) pos_groups = (int)i;
		if (!strcmp(names[i], "unit_group_members")) pos_members = (int)i;
	}
	assert_true(pos_kinds >= 0 && pos_kinds < pos_units);
	assert_true(pos_units < pos_users && pos_users < pos_sessions);
	assert_true(pos_units < pos_groups && pos_groups < pos_members);
	db_free_names(names, n);

	struct db_fkey *keys;
	assert_int_equal(db_foreign_keys(d, &keys, &n, &e), 0);
	bool self = false;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(keys[i].table, "units") && !strcmp(keys[i].column, "parent_id")) {
			assert_string_equal(keys[i].ref_table, "units");
			assert_string_equal(keys[i].ref_column, "id");
			self = true;
		}
	assert_true(self);
	db_free_fkeys(keys, n);
	test_db_close(d);
}

static void reset_ids_continues_after_explicit_ids(void **state)
{
	db *d = test_db_open();
	err e = {0};
	assert_int_equal(db_run(d, &e,
				"INSERT INTO units (id, code, name, kind, search_key, created_at)"
				" VALUES (100, 'X', 'X', 'province', 'x', 0)",
				NULL),
			 1);
	assert_int_equal(db_reset_ids(d, &e), 0);
	assert_int_equal(add_unit(d, "Y", "Y", 0), 101);
	test_db_close(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(placeholders_out_of_order),
		cmocka_unit_test(placeholder_reused),
		cmocka_unit_test(placeholders_in_literals_untouched),
		cmocka_unit_test(null_binding_and_reading),
		cmocka_unit_test(int64_extremes),
		cmocka_unit_test(doubles_round_trip),
		cmocka_unit_test(vietnamese_text_round_trip),
		cmocka_unit_test(blobs_with_nul_bytes),
		cmocka_unit_test(insert_returning_id),
		cmocka_unit_test(on_conflict_do_update),
		cmocka_unit_test(constraint_violations_are_conflicts),
		cmocka_unit_test(changes_counts_only_writes),
		cmocka_unit_test(rollback_leaves_nothing),
		cmocka_unit_test(begin_twice_is_an_error),
		cmocka_unit_test(migrations_idempotent),
		cmocka_unit_test(schema_version_of_empty_database),
		cmocka_unit_test(bind_beyond_placeholders_fails),
		cmocka_unit_test(column_types_and_names),
		cmocka_unit_test(exec_runs_several_statements),
		cmocka_unit_test(accent_insensitive_search),
		cmocka_unit_test_teardown(search_works_without_pg_trgm, give_back_create),
		cmocka_unit_test(app_role_without_ddl_rights),
		cmocka_unit_test(tables_in_dependency_order),
		cmocka_unit_test(reset_ids_continues_after_explicit_ids),
	};
	return cmocka_run_group_tests_name(getenv("THIDUA_TEST_PG") ? "db (postgresql)" : "db (sqlite)",
					   tests, NULL, NULL);
}
