/*
 * bench_awards.c — statistics on a national record of awards, and the
 * import of a 50,000-row award list.
 *
 *   build/bench/bench_awards                 5,000,000 awards in a temp SQLite file
 *   BENCH_AWARDS=200000 build/bench/bench_awards      a quick run
 *   build/bench/bench_awards --db postgresql://…      on PostgreSQL: the database's
 *                                                    public schema is emptied first!
 *   build/bench/bench_awards --db FILE|URL --reuse    time an existing database
 *                                                    (e.g. after `thidua gen awards`)
 *
 * The data is `thidua gen awards` (src/core/award_gen.c) on top of the demo
 * province. Each statistics query runs 5 times after one warm-up; the
 * median and the slowest run are printed. The target is < 200 ms each.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/award_counts.h"
#include "core/award_gen.h"
#include "core/awards.h"
#include "core/awards_table.h"
#include "core/demo.h"
#include "db/db.h"

#define RUNS 5
#define IMPORT_ROWS 50000

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void progress(void *ctx, const char *line)
{
	double *t0 = ctx;
	fprintf(stderr, "  gen: %s (%.0f s)\n", line, (now_ms() - *t0) / 1e3);
}

static int64_t unit_id(db *d, const char *code)
{
	int64_t id = 0;
	err e;
	db_get_i64(d, &id, &e, "SELECT id FROM units WHERE code = $1", "t", code);
	return id;
}

struct query {
	const char *label, *by, *unit_code, *periods;
	int from, to;
	bool movement; /* filter on one provincial movement */
};

static int run_stats(db *d, const actor *sys, const struct query *qq, int *slow)
{
	struct award_stats_query q = {0};
	err e = {0};
	if (award_stats_parse_by(qq->by, &q, &e) || award_stats_parse_periods(qq->periods, &q, &e)) {
		fprintf(stderr, "%s: %s\n", qq->label, e.msg);
		return 1;
	}
	q.unit_id = qq->unit_code ? unit_id(d, qq->unit_code) : 0;
	q.from = qq->from;
	q.to = qq->to;
	if (qq->movement)
		db_get_i64(d, &q.movement_id, &e,
			   "SELECT MIN(id) FROM movements WHERE unit_id = $1", "l", unit_id(d, "G01"));
	double t[RUNS];
	size_t rows = 0;
	int64_t total = 0;
	for (int run = -1; run < RUNS; run++) {
		arena *ar = arena_new();
		struct award_stat_row *v;
		size_t n;
		double t0 = now_ms();
		int rc = award_stats(d, ar, sys, &q, &v, &n, &e);
		double dt = now_ms() - t0;
		if (rc) {
			fprintf(stderr, "%s: %s\n", qq->label, e.msg);
			arena_free(ar);
			return 1;
		}
		if (run >= 0)
			t[run] = dt;
		rows = n;
		total = 0;
		for (size_t i = 0; i < n; i++)
			total += v[i].count;
		arena_free(ar);
	}
	qsort(t, RUNS, sizeof *t, cmp_double);
	printf("  %-52s %6zu rows %9lld awards  median %7.1f ms  max %7.1f ms\n", qq->label, rows,
	       (long long)total, t[RUNS / 2], t[RUNS - 1]);
	if (t[RUNS / 2] > 200)
		(*slow)++;
	return 0;
}

static void run_search(db *d, const actor *sys, const char *q)
{
	double t[RUNS];
	size_t n = 0;
	for (int run = 0; run < RUNS; run++) {
		arena *ar = arena_new();
		award *v;
		err e;
		double t0 = now_ms();
		awards_search(d, ar, sys, q, 100, 0, &v, &n, &e);
		t[run] = now_ms() - t0;
		arena_free(ar);
	}
	qsort(t, RUNS, sizeof *t, cmp_double);
	printf("  %-52s %6zu rows                   median %7.1f ms  max %7.1f ms\n",
	       q, n, t[RUNS / 2], t[RUNS - 1]);
}

/* A 50,000-row list of one province, as an office would send it: 50
 * decisions of 1,000 rows, units by code, Vietnamese headers. */
static int write_list(const char *path)
{
	static const char *const head[] = {"STT", "Họ và tên", "Đối tượng", "Chức vụ", "Đơn vị",
					   "Hình thức khen thưởng", "Năm", "Số quyết định",
					   "Ngày quyết định", "Thành tích"};
	static const char *const fam[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng"};
	static const char *const giv[] = {"Văn An", "Thị Bình", "Minh Châu", "Thu Hà", "Quốc Hùng"};
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Danh sách");
	lxw_format *date = workbook_add_format(wb);
	format_set_num_format(date, "dd/mm/yyyy");
	for (int c = 0; c < 10; c++)
		worksheet_write_string(ws, 0, (lxw_col_t)c, head[c], NULL);
	for (int i = 0; i < IMPORT_ROWS; i++) {
		lxw_row_t r = (lxw_row_t)i + 1;
		char name[96], unit[32], number[32];
		bool collective = i % 3 == 2;
		if (collective)
			snprintf(name, sizeof name, "Tổ công tác số %d", i);
		else
			snprintf(name, sizeof name, "%s %s", fam[i % 7], giv[(i / 7) % 5]);
		snprintf(unit, sizeof unit, "G01-X%03d", 1 + i % 120);
		snprintf(number, sizeof number, "%d/QĐ-UBND-BENCH", 9000 + i / 1000);
		lxw_datetime when = {2025, 10, 1 + (i / 1000) % 28, 0, 0, 0};
		worksheet_write_number(ws, r, 0, i + 1, NULL);
		worksheet_write_string(ws, r, 1, name, NULL);
		worksheet_write_string(ws, r, 2, collective ? "Tập thể" : "Cá nhân", NULL);
		worksheet_write_string(ws, r, 3, collective ? "" : "Công chức", NULL);
		worksheet_write_string(ws, r, 4, unit, NULL);
		worksheet_write_string(ws, r, 5, "Bằng khen của Chủ tịch UBND tỉnh", NULL);
		worksheet_write_number(ws, r, 6, 2025, NULL);
		worksheet_write_string(ws, r, 7, number, NULL);
		worksheet_write_datetime(ws, r, 8, &when, date);
		worksheet_write_string(ws, r, 9, "Có thành tích xuất sắc trong công tác năm 2025", NULL);
	}
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : -1;
}

static int bench_import(db *d, const actor *sys)
{
	char path[] = "/tmp/thidua-bench-list-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	if (write_list(path))
		return 1;
	buf x = BUF_INIT;
	err e = {0};
	if (read_file(path, 64u << 20, &x, &e)) {
		fprintf(stderr, "%s\n", e.msg);
		return 1;
	}
	unlink(path);
	struct award_import_defaults def = {.unit_id = unit_id(d, "G01"), .signer = "Chủ tịch UBND"};
	int64_t created = 0;
	int bad = 0;
	double t0 = now_ms();
	int rc = awards_import_file(d, sys, x.p, x.len, "xlsx", &def, &created, &bad, &e);
	double dt = now_ms() - t0;
	if (rc) {
		fprintf(stderr, "import: row %d: %s\n", bad, e.msg);
		buf_free(&x);
		return 1;
	}
	printf("  import of a %d-row XLSX (%.1f MB, 50 decisions): %lld awards in %.2f s%s\n",
	       IMPORT_ROWS, x.len / 1048576.0, (long long)created, dt / 1e3,
	       dt < 10000 ? "" : "  (over 10 s)");
	buf_free(&x);
	return 0;
}

int main(int argc, char **argv)
{
	const char *url = NULL;
	bool reuse = false;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
			url = argv[++i];
		else if (strcmp(argv[i], "--reuse") == 0)
			reuse = true;
	}
	bool pg = url && strncmp(url, "postgres", 8) == 0;
	const char *env = getenv("BENCH_AWARDS");
	int64_t count = env ? atoll(env) : 5000000;
	char dir[] = "/tmp/thidua-bench-awards-XXXXXX";
	char path[128] = "";
	if (!url) {
		if (!mkdtemp(dir))
			return 1;
		snprintf(path, sizeof path, "%s/thidua.db", dir);
	}
	db *d = NULL;
	err e = {0};
	if (db_open(url ? url : path, &d, &e)) {
		fprintf(stderr, "%s\n", e.msg);
		return 1;
	}
	if (pg && !reuse && db_exec(d, "DROP SCHEMA public CASCADE; CREATE SCHEMA public", &e)) {
		fprintf(stderr, "%s\n", e.msg);
		return 1;
	}
	int rc = db_migrate(d, &e);
	if (rc == 0)
		rc = demo_load(d, &e);
	double t0 = now_ms();
	struct award_gen_result res = {0};
	struct award_gen_opts o = {.count = count, .seed = 2025, .progress = progress, .ctx = &t0};
	if (rc == 0 && reuse) {
		rc = db_get_i64(d, &res.awards, &e, "SELECT COUNT(*) FROM awards", NULL);
		db_get_i64(d, &res.decisions, &e, "SELECT COUNT(*) FROM decisions", NULL);
	}
	if (rc == 0 && !res.awards)
		rc = award_gen(d, &o, &res, &e);
	if (rc == 0)
		/* our tables only: a whole-database ANALYZE on PostgreSQL warns
		 * about catalogs only a superuser may analyze */
		rc = db_exec(d, "ANALYZE units; ANALYZE unit_ancestors; ANALYZE decisions;"
				" ANALYZE awards; ANALYZE award_counts;", &e);
	if (rc) {
		fprintf(stderr, "%s\n", e.msg);
		return 1;
	}
	int64_t summary = 0;
	db_get_i64(d, &summary, &e, "SELECT COUNT(*) FROM award_counts", NULL);
	printf("bench_awards on %s: %lld awards in %lld decisions (%lld units generated) in %.0f s;"
	       " %lld summary rows\n",
	       db_engine(d), (long long)res.awards, (long long)res.decisions, (long long)res.units,
	       (now_ms() - t0) / 1e3, (long long)summary);
	actor sys;
	actor_system(d, &sys, &e);
	const struct query queries[] = {
		{"country: form x year", "form,year", NULL, NULL, 0, 0, false},
		{"country: form x recipient_type x year 2011-2025", "form,recipient_type,year", NULL, NULL,
		 2011, 2025, false},
		{"country: movement", "movement", NULL, NULL, 0, 0, false},
		{"country: form, periods 2011-15 | 2016-20 | 2021-25", "form", NULL,
		 "2011-2015,2016-2020,2021-2025", 0, 0, false},
		{"country: unit (34 provinces + ministries) x year", "unit,year", NULL, NULL, 0, 0, false},
		{"province G01: recipient_type x year", "recipient_type,year", "G01", NULL, 0, 0, false},
		{"province G01: form x recipient_type, periods", "form,recipient_type", "G01",
		 "2011-2015,2016-2020", 0, 0, false},
		{"province G01: unit (communes, districts) x form", "unit,form", "G01", NULL, 0, 0, false},
		{"province G01: one movement, form x year", "form,year", "G01", NULL, 0, 0, true},
		{"district G01-H01: form x year", "form,year", "G01-H01", NULL, 0, 0, false},
		{"commune G01-X001: recipient_type x year", "recipient_type,year", "G01-X001", NULL, 0, 0,
		 false},
	};
	int slow = 0;
	printf("statistics (%d runs each):\n", RUNS);
	for (size_t i = 0; i < sizeof queries / sizeof *queries; i++)
		if (run_stats(d, &sys, &queries[i], &slow))
			return 1;
	printf("recipient search (not a statistics query):\n");
	run_search(d, &sys, "nguyen van hung");
	run_search(d, &sys, "dinh thi oanh");
	printf("import:\n");
	if (bench_import(d, &sys))
		return 1;
	int64_t diff = -1;
	if (award_counts_diff(d, &diff, &e) == 0)
		printf("award counts exact after everything: %s\n", diff == 0 ? "yes" : "NO");
	db_close(d);
	if (!url) {
		char p2[160];
		snprintf(p2, sizeof p2, "rm -rf '%s'", dir);
		if (system(p2) != 0)
			fprintf(stderr, "could not remove %s\n", dir);
	}
	printf("%d statistics queries over 200 ms\n", slow);
	return 0;
}
