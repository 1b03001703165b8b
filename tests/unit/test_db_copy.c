/*
 * test_db_copy.c — db_copy(): a SQLite database with rows in every table
 * goes to the engine under test (PostgreSQL when THIDUA_TEST_PG is set, else
 * another SQLite file) and back to a new SQLite file; every value of every
 * table must survive both trips.
 */
#include "testutil.h"

#include "text/text.h"

static char *temp_path(void)
{
	char *path = xstrdup("/tmp/thidua-copy-XXXXXX");
	int fd = mkstemp(path);
	if (fd < 0)
		fail_msg("mkstemp");
	close(fd);
	return path;
}

static void remove_sqlite(char *path)
{
	char *wal = xasprintf("%s-wal", path), *shm = xasprintf("%s-shm", path);
	unlink(path);
	unlink(wal);
	unlink(shm);
	free(wal);
	free(shm);
	free(path);
}

/* A fresh SQLite database (never PostgreSQL), not migrated. */
static db *open_sqlite(char *path)
{
	db *d = NULL;
	err e = {0};
	if (db_open(path, &d, &e) != 0)
		fail_msg("%s", e.msg);
	return d;
}

/* A table of the test's own, beyond migration 001: blobs and doubles. */
static void add_files_table(db *d)
{
	err e = {0};
	char *sql = xasprintf("CREATE TABLE files (id BIGINT PRIMARY KEY, name TEXT NOT NULL,"
			      " ratio DOUBLE PRECISION, data %s)",
			      strcmp(db_engine(d), "sqlite") == 0 ? "BLOB" : "BYTEA");
	if (db_exec(d, sql, &e) != 0)
		fail_msg("%s", e.msg);
	free(sql);
}

static void run(db *d, const char *sql)
{
	err e = {0};
	if (db_exec(d, sql, &e) != 0)
		fail_msg("%s\n%s", e.msg, sql);
}

/* Rows in every table of migrations 001, 002 and 004, including a unit and a movement
 * whose parent has a higher id (inserted later, re-parented), Vietnamese
 * text, NULLs, a blob with NUL bytes. */
static void fill(db *d)
{
	err e = {0};
	run(d, "INSERT INTO unit_kinds (code, name, position) VALUES ('cluster_x', 'Khối riêng', 50)");
	run(d, "INSERT INTO units (id, code, name, kind, parent_id, active, valid_from, position,"
	       " search_key, created_at) VALUES"
	       " (20, '51', 'Tỉnh Quảng Ngãi', 'province', NULL, 1, '2025-07-01', 1, 'tinh quang ngai', 1751300000),"
	       " (21, '51-01', 'Xã Nghĩa Hành', 'commune', 20, 1, NULL, 2, 'xa nghia hanh', 1751300001),"
	       " (30, '66', 'Tỉnh Đắk Lắk', 'province', NULL, 0, NULL, 3, 'tinh dak lak', 1751300002)");
	/* id 5 points at 21: a child with a smaller id than its parent */
	run(d, "INSERT INTO units (id, code, name, kind, parent_id, search_key, created_at) VALUES"
	       " (5, '51-01-01', 'Thôn Đông', 'hamlet', 21, 'thon dong', 1751300003)");
	run(d, "INSERT INTO unit_ancestors (unit_id, ancestor_id, depth) VALUES"
	       " (20, 20, 0), (21, 21, 0), (21, 20, 1), (30, 30, 0), (5, 5, 0), (5, 21, 1), (5, 20, 2)");
	run(d, "INSERT INTO unit_groups (id, name, kind, year, owner_unit_id, search_key, created_at)"
	       " VALUES (1, 'Cụm thi đua số 1', 'cluster', 2025, 20, 'cum thi dua so 1', 0)");
	run(d, "INSERT INTO unit_group_members (group_id, unit_id) VALUES (1, 21), (1, 5)");
	run(d, "INSERT INTO users (id, login, password_hash, full_name, unit_id, role, active, created_at)"
	       " VALUES (1, 'admin', '$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA', 'Nguyễn Văn Á',"
	       " 20, 'admin', 1, 1751300000), (2, 'canbo', 'x', '', 21, 'officer', 0, 1751300001)");
	run(d, "INSERT INTO sessions (token_hash, user_id, kind, csrf, created_at, expires_at)"
	       " VALUES ('abc123', 1, 'api', 'tok', 1751300000, 1751386400)");
	run(d, "INSERT INTO login_failures (subject, at) VALUES ('admin', 1), ('admin', 2)");
	run(d, "INSERT INTO audit (id, at, user_id, action, entity, entity_id, before_json, after_json)"
	       " VALUES (1, 1751300000, 1, 'create', 'unit', 20, NULL, '{\"name\":\"Tỉnh Quảng Ngãi\"}'),"
	       " (2, 1751300001, NULL, 'login', 'session', NULL, NULL, NULL)");
	run(d, "INSERT INTO movements (id, title, unit_id, start_year, end_year, parent_id, kind,"
	       " description, search_key, created_at) VALUES"
	       " (7, 'Cả nước chung tay vì người nghèo', 20, 2021, 2025, NULL, 'regular', 'Phong trào',"
	       "  'ca nuoc chung tay vi nguoi ngheo', 0),"
	       " (3, 'Xã chung tay vì người nghèo', 21, 2022, 2025, 7, 'thematic', '', 'xa chung tay', 0)");
	/* 002: an outline and its copy (lower id, pointing up), items whose
	 * parent and repeat have higher ids, a custom table, a version */
	run(d, "INSERT INTO outlines (id, owner_unit_id, title, source_text, source_kind, copied_from,"
	       " copied_version, version, created_by, created_at, updated_at, search_key) VALUES"
	       " (4, 20, 'Đề cương báo cáo', 'I. Đặc điểm\n', 'text', NULL, NULL, 2, 1, 1, 2, 'de cuong bao cao'),"
	       " (2, 21, 'Bản sao', '', 'docx', 4, 2, 1, NULL, 3, 3, 'ban sao')");
	run(d, "INSERT INTO figure_tables (id, outline_id, code, name, measure, value_kind) VALUES"
	       " (9, 4, NULL, 'Hộ nghèo', 'hộ', 'decimal')");
	run(d, "INSERT INTO figure_rows (table_id, key, label, position) VALUES (9, 'ho_ngheo', 'Hộ nghèo', 1)");
	run(d, "INSERT INTO figure_cols (table_id, key, label, position) VALUES (9, 'so_ho', 'Số hộ', 1)");
	run(d, "INSERT INTO outline_items (id, outline_id, parent_id, position, depth, label, title,"
	       " guidance, asks, table_id, repeat_of) VALUES"
	       " (8, 4, NULL, 0, 1, 'I', 'Đặc điểm', 'Nêu rõ\nhai dòng', 1, NULL, NULL),"
	       " (3, 4, 8, 1, 2, '1', 'Số liệu', '', 2, 9, NULL),"
	       " (1, 4, NULL, 2, 1, 'II', 'Như mục I', '', 1, NULL, 8)");
	run(d, "INSERT INTO outline_versions (outline_id, version, snapshot, saved_by, saved_at) VALUES"
	       " (4, 1, '{\"items\":[]}', 1, 1), (4, 2, '{}', NULL, 2)");
	/* 003: a decision with awards, their counts, a nomination, a model */
	run(d, "INSERT INTO decisions (id, number, date, signer, signer_title, unit_id, form_code,"
	       " created_by, created_at, search_key) VALUES (4, '12/QĐ-UBND', '2025-12-01', 'Lê Văn Minh',"
	       " 'Chủ tịch', 20, 'BKUBT', 1, 1751300000, '12/qd-ubnd')");
	run(d, "INSERT INTO awards (id, decision_id, form_code, recipient_type, name, position, unit_id,"
	       " unit_name, issuer_unit_id, scope_unit_id, movement_id, year, achievement, search_key,"
	       " created_at) VALUES (1, 4, 'BKUBT', 'household', 'Hộ ông Ba', '', 21, 'Xã Nghĩa Hành', 20,"
	       " 21, 3, 2025, 'Hiến đất', 'ho ong ba', 0), (2, 4, 'BKUBT', 'individual', 'Ngoài', '',"
	       " NULL, 'Công ty A', 20, 20, NULL, 2025, '', 'ngoai', 0)");
	run(d, "INSERT INTO award_counts (ancestor_id, form_code, recipient_type, year, movement_id, n)"
	       " VALUES (20, 'BKUBT', 'household', 2025, 3, 1)");
	run(d, "INSERT INTO nominations (id, unit_id, form_code, year, state, note, decision_id,"
	       " created_by, created_at, updated_at) VALUES (2, 21, 'LDTT', 2025, 'decided', '', 4, 2, 0, 0)");
	run(d, "INSERT INTO nomination_recipients (id, nomination_id, recipient_type, name, position,"
	       " unit_id, achievement, search_key) VALUES (1, 2, 'individual', 'Võ Thị Mai', 'Kế toán', 21,"
	       " '', 'vo thi mai')");
	run(d, "INSERT INTO models (id, name, kind, unit_id, address, phone, movement_id, founded,"
	       " jobs_created, households_helped, members, summary, content, measures, results,"
	       " search_key, created_by, created_at) VALUES (1, 'Tổ hợp tác nuôi bò', 'model', 21, 'Thôn Đông',"
	       " '0255 3822 111', 3, '2019-05-01', 12, 30, 18, 'Tóm tắt', '', '', '', 'to hop tac nuoi bo', 1, 0)");
	assert_int_equal(db_run(d, &e, "INSERT INTO model_photos (id, model_id, mime, width, height, size,"
				       " sha256, data, thumb, created_at) VALUES (1, 1, 'image/png', 1, 1, 3,"
				       " 'ab', $1, NULL, 0)",
				"b", (const void *)"\x89P", (size_t)3),
			 1);
	/* 004: a campaign and a cascade with a lower id pointing up, reports,
	 * content of every kind, history, a file, notices */
	run(d, "INSERT INTO campaigns (id, issuer_unit_id, title, document_no, document_date, outline_id,"
	       " outline_version, period_from, period_to, deadline_at, deadline_date_only, movement_id,"
	       " parent_campaign_id, parent_report_id, require_approval, created_by, created_at,"
	       " search_key) VALUES"
	       " (11, 20, 'Sơ kết 2025', '12/SNV', '2025-11-01', 4, 2, '2025-01-01', '2025-10-31',"
	       "  1763657999, 1, 7, NULL, NULL, 1, 1, 1, 'so ket 2025'),"
	       " (6, 21, 'Chuyển tiếp', '', NULL, 4, 2, NULL, NULL, 1763000000, 0, NULL, 11, 12, 0,"
	       "  NULL, 2, 'chuyen tiep')");
	run(d, "INSERT INTO campaign_recipients (campaign_id, unit_id, added_at, added_by) VALUES"
	       " (11, 21, 1, 1), (6, 5, 2, NULL)");
	run(d, "INSERT INTO reports (id, campaign_id, unit_id, state, version, first_submitted_at,"
	       " submitted_at, late, accepted_at, approved_by, approved_at, updated_at, updated_by) VALUES"
	       " (12, 11, 21, 'submitted', 3, 10, 20, 0, NULL, 1, 20, 20, 1),"
	       " (4, 6, 5, 'draft', 1, NULL, NULL, NULL, NULL, NULL, NULL, 2, NULL)");
	run(d, "INSERT INTO report_texts (report_id, item_id, text) VALUES (12, 8, 'Nội dung **đậm**\n- một')");
	/* fractions: a whole number in a NUMERIC column is an INTEGER on SQLite
	 * and a numeric (DB_REAL) on PostgreSQL — the same value, typed apart
	 * in the dumps; the trip back to SQLite makes it an INTEGER again */
	run(d, "INSERT INTO report_values (report_id, item_id, row_key, col_key, value) VALUES"
	       " (12, 3, 'ho_ngheo', 'so_ho', 12.5), (4, 3, 'ho_ngheo', 'so_ho', 0.25)");
	run(d, "INSERT INTO report_models (id, report_id, item_id, position, name, kind, address, phone,"
	       " jobs_created, households_helped, members, summary) VALUES"
	       " (1, 12, 3, 0, 'HTX Đông Hòa', 'collective', 'Thôn 1', '0255 3822', 12, NULL, 5, 'Tóm tắt')");
	run(d, "INSERT INTO report_events (id, report_id, at, user_id, event, version, reason, late) VALUES"
	       " (1, 12, 20, 1, 'submit', 3, '', 0), (2, 12, 21, NULL, 'return', 3, 'Thiếu số liệu', NULL)");
	run(d, "INSERT INTO report_versions (report_id, version, snapshot, saved_by, saved_at) VALUES"
	       " (12, 3, '{\"items\":[]}', 1, 20)");
	const unsigned char pdf[] = {'%', 'P', 'D', 'F', 0, 1};
	assert_int_equal(db_run(d, &e, "INSERT INTO attachments (id, report_id, name, mime, size, sha256,"
				       " data, created_by, created_at, deleted_at) VALUES"
				       " (3, 12, 'Kế hoạch.pdf', 'application/pdf', 6, 'ab', $1, 1, 20, NULL)",
				"b", (const void *)pdf, sizeof pdf),
			 1);
	run(d, "INSERT INTO notices (id, unit_id, role, campaign_id, report_id, kind, message, created_by,"
	       " created_at, read_at, read_by) VALUES"
	       " (1, 21, NULL, 11, 12, 'campaign', 'Đơn vị nhận đợt báo cáo', 1, 1, NULL, NULL),"
	       " (2, 21, 'leader', 11, 12, 'approval', 'Trình duyệt', NULL, 2, 3, 2)");
	add_files_table(d);
	const unsigned char blob[] = {0, 'P', 'K', 0, 255, '\\', 'x', 0};
	assert_int_equal(db_run(d, &e, "INSERT INTO files (id, name, ratio, data) VALUES"
				       " (1, 'ảnh.png', 0.1, $1), (2, 'rỗng', -2.5e-300, $2), (3, 'null', NULL, NULL)",
				"bb", (const void *)blob, sizeof blob, (const void *)"", (size_t)0),
			 3);
}

/* Rows a freshly migrated database holds in `table` (reference data such
 * as unit_kinds and the built-in figure tables). */
static int64_t pristine_rows(const char *table)
{
	db *mem = open_sqlite(":memory:");
	err e = {0};
	int64_t n = -1;
	char *sql = xasprintf("SELECT COUNT(*) FROM %s", table);
	assert_int_equal(db_migrate(mem, &e), 0);
	if (strcmp(table, "files") == 0)
		n = 0;
	else
		assert_int_equal(db_get_i64(mem, &n, &e, sql, NULL), 0);
	free(sql);
	db_close(mem);
	return n;
}

static int cmp_lines(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every value of every table, one line per row, rows sorted: equal dumps
 * mean equal contents whatever the engine. */
static char *dump(db *d)
{
	err e = {0};
	char **tables;
	size_t n;
	assert_int_equal(db_tables(d, &tables, &n, &e), 0);
	qsort(tables, n, sizeof *tables, cmp_lines);
	buf out = BUF_INIT;
	for (size_t t = 0; t < n; t++) {
		char *sql = xasprintf("SELECT * FROM %s", tables[t]);
		db_stmt *st;
		assert_int_equal(db_query(d, &st, &e, sql, NULL), 0);
		free(sql);
		char **lines = NULL;
		size_t nl = 0;
		while (db_step(st, &e) == DB_ROW) {
			buf line = BUF_INIT;
			for (int c = 0; c < db_col_count(st); c++) {
				buf_printf(&line, "%s=", db_col_name(st, c));
				switch (db_col_type(st, c)) {
				case DB_INT: buf_printf(&line, "i:%lld", (long long)db_col_i64(st, c)); break;
				case DB_REAL: buf_printf(&line, "r:%.17g", db_col_double(st, c)); break;
				case DB_TEXT: buf_printf(&line, "t:%s", db_col_text(st, c)); break;
				case DB_BLOB: {
					size_t bn;
					const unsigned char *p = db_col_blob(st, c, &bn);
					buf_puts(&line, "b:");
					for (size_t i = 0; i < bn; i++)
						buf_printf(&line, "%02x", p[i]);
					break;
				}
				default: buf_puts(&line, "NULL"); break;
				}
				buf_putc(&line, '|');
			}
			lines = xrealloc(lines, (nl + 1) * sizeof *lines);
			lines[nl++] = buf_detach(&line);
		}
		db_finalize(st);
		qsort(lines, nl, sizeof *lines, cmp_lines);
		buf_printf(&out, "== %s (%zu)\n", tables[t], nl);
		for (size_t i = 0; i < nl; i++) {
			buf_printf(&out, "%s\n", lines[i]);
			free(lines[i]);
		}
		free(lines);
	}
	db_free_names(tables, n);
	return buf_detach(&out);
}

static void expect_copy(db *src, db *dst)
{
	err e = {0};
	struct db_copy_count *counts;
	size_t n;
	int rc = db_copy(src, dst, &counts, &n, &e);
	if (rc)
		fail_msg("db_copy: %s", e.msg);
	assert_true(n >= 11); /* the 10 tables of 001 and files */
	for (size_t i = 0; i < n; i++) {
		assert_true(counts[i].src == counts[i].dst);
		assert_true(counts[i].src > 0); /* fill() put rows in every table */
	}
	db_free_counts(counts, n);
}

static void round_trip_keeps_every_value(void **state)
{
	err e = {0};
	char *src_path = temp_path(), *back_path = temp_path();
	db *src = open_sqlite(src_path);
	assert_int_equal(db_migrate(src, &e), 0);
	fill(src);

	db *mid = test_db_open(); /* the engine under test, migrated and empty */
	add_files_table(mid);
	expect_copy(src, mid);

	db *back = open_sqlite(back_path);
	assert_int_equal(db_migrate(back, &e), 0);
	add_files_table(back);
	expect_copy(mid, back);

	char *a = dump(src), *b = dump(mid), *c = dump(back);
	assert_string_equal(a, b);
	assert_string_equal(a, c);
	assert_non_null(strstr(a, "name=t:Tỉnh Quảng Ngãi|"));
	assert_non_null(strstr(a, "data=b:00504b00ff5c7800|"));
	free(a);
	free(b);
	free(c);

	/* new rows get ids after the copied ones (identity sequences moved) */
	int64_t id = 0;
	assert_int_equal(db_get_i64(mid, &id, &e,
				    "INSERT INTO units (code, name, kind, search_key, created_at)"
				    " VALUES ('NEW', 'Mới', 'province', 'moi', 0) RETURNING id",
				    NULL),
			 0);
	assert_int_equal(id, 31);
	assert_int_equal(db_get_i64(back, &id, &e,
				    "INSERT INTO audit (at, action, entity) VALUES (0, 'x', 'y') RETURNING id",
				    NULL),
			 0);
	assert_int_equal(id, 3);

	db_close(src);
	db_close(back);
	test_db_close(mid);
	remove_sqlite(src_path);
	remove_sqlite(back_path);
}

static void refuses_a_destination_with_data(void **state)
{
	err e = {0};
	char *src_path = temp_path();
	db *src = open_sqlite(src_path);
	assert_int_equal(db_migrate(src, &e), 0);
	fill(src);
	db *dst = test_db_open();
	add_files_table(dst);
	run(dst, "INSERT INTO login_failures (subject, at) VALUES ('someone', 1)");

	struct db_copy_count *counts;
	size_t n;
	assert_int_equal(db_copy(src, dst, &counts, &n, &e), E_CONFLICT);
	assert_non_null(strstr(e.msg, "login_failures"));
	db_free_counts(counts, n);
	int64_t rows = -1;
	assert_int_equal(db_get_i64(dst, &rows, &e, "SELECT COUNT(*) FROM units", NULL), 0);
	assert_int_equal(rows, 0);

	db_close(src);
	test_db_close(dst);
	remove_sqlite(src_path);
}

static void refuses_a_different_schema_version(void **state)
{
	err e = {0};
	char *src_path = temp_path();
	db *src = open_sqlite(src_path);
	assert_int_equal(db_migrate(src, &e), 0);
	run(src, "DELETE FROM schema_migrations");
	db *dst = test_db_open();
	struct db_copy_count *counts;
	size_t n;
	assert_int_equal(db_copy(src, dst, &counts, &n, &e), E_CONFLICT);
	assert_non_null(strstr(e.msg, "thidua init"));
	db_free_counts(counts, n);
	db_close(src);
	test_db_close(dst);
	remove_sqlite(src_path);
}

static void failed_copy_leaves_destination_empty(void **state)
{
	/* a row the destination rejects (files.name NOT NULL there only)
	 * rolls the whole copy back */
	err e = {0};
	char *src_path = temp_path();
	db *src = open_sqlite(src_path);
	assert_int_equal(db_migrate(src, &e), 0);
	fill(src);
	run(src, "DROP TABLE files");
	run(src, "CREATE TABLE files (id BIGINT PRIMARY KEY, name TEXT, ratio DOUBLE PRECISION,"
		 " data BLOB)");
	run(src, "INSERT INTO files (id, name) VALUES (1, NULL)");
	db *dst = test_db_open();
	add_files_table(dst);
	struct db_copy_count *counts;
	size_t n;
	assert_int_equal(db_copy(src, dst, &counts, &n, &e), E_CONFLICT);
	assert_non_null(strstr(e.msg, "files"));
	for (size_t i = 0; i < n; i++)
		assert_int_equal(counts[i].dst, pristine_rows(counts[i].table)); /* the migrations' rows, back */
	db_free_counts(counts, n);
	db_close(src);
	test_db_close(dst);
	remove_sqlite(src_path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(round_trip_keeps_every_value),
		cmocka_unit_test(refuses_a_destination_with_data),
		cmocka_unit_test(refuses_a_different_schema_version),
		cmocka_unit_test(failed_copy_leaves_destination_empty),
	};
	return cmocka_run_group_tests_name(getenv("THIDUA_TEST_PG") ? "db_copy (postgresql)"
								    : "db_copy (sqlite)",
					   tests, NULL, NULL);
}
