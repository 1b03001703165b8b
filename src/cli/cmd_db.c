/*
 * cmd_db.c — `thidua db copy --from TARGET --to TARGET`: moves a whole
 * database between engines (a province leaving SQLite for PostgreSQL, or a
 * copy back for an inquiry). TARGET is a postgresql:// URL or a data
 * directory (its thidua.db). Prints the row count of every table on both
 * sides; exit status 0 only when all are equal.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static void store_of(const char *target, struct cli_store *s)
{
	memset(s, 0, sizeof *s);
	if (strncmp(target, "postgresql://", 13) == 0 || strncmp(target, "postgres://", 11) == 0)
		s->db_url = target;
	else
		s->data_dir = target;
}

/* The URL without its password, for messages. */
static void show_target(const struct cli_store *s, char *out, size_t cap)
{
	if (!s->db_url) {
		snprintf(out, cap, "%s/thidua.db", s->data_dir);
		return;
	}
	const char *scheme_end = strstr(s->db_url, "://");
	const char *at = strchr(s->db_url, '@');
	const char *colon = scheme_end ? strchr(scheme_end + 3, ':') : NULL;
	if (at && colon && colon < at)
		snprintf(out, cap, "%.*s:***%s", (int)(colon - s->db_url), s->db_url, at);
	else
		snprintf(out, cap, "%s", s->db_url);
}

static int db_copy_cmd(int argc, char **argv)
{
	const char *from = NULL, *to = NULL;
	for (int i = 2; i < argc; i++) {
		const char **slot = NULL;
		if (strcmp(argv[i], "--from") == 0)
			slot = &from;
		else if (strcmp(argv[i], "--to") == 0)
			slot = &to;
		else
			return cli_fail("tham số không hợp lệ: %s", argv[i]);
		if (i + 1 >= argc)
			return cli_fail("%s cần một giá trị", argv[i]);
		*slot = argv[++i];
	}
	if (!from || !to)
		return cli_fail("cần cả --from và --to (thư mục dữ liệu hoặc postgresql://…)");
	if (strcmp(from, to) == 0)
		return cli_fail("nguồn và đích trùng nhau");

	struct cli_store src_store, dst_store;
	store_of(from, &src_store);
	store_of(to, &dst_store);
	char src_name[512], dst_name[512];
	show_target(&src_store, src_name, sizeof src_name);
	show_target(&dst_store, dst_name, sizeof dst_name);

	/* the source must exist: opening a missing SQLite file would create it */
	if (!src_store.db_url) {
		FILE *f = fopen(src_name, "rb");
		if (!f)
			return cli_fail("không có cơ sở dữ liệu nguồn %s", src_name);
		fclose(f);
	}

	db *src = NULL, *dst = NULL;
	err e = {0};
	struct db_copy_count *counts = NULL;
	size_t n = 0;
	int rc = cli_open_db(&src_store, &src, &e);
	if (rc == 0)
		rc = cli_open_db(&dst_store, &dst, &e);
	if (rc == 0) {
		printf("thidua: chép %s (%s) → %s (%s)\n", src_name, db_engine(src), dst_name,
		       db_engine(dst));
		rc = db_copy(src, dst, &counts, &n, &e);
	}
	if (n) {
		/* numbers first: the headers' Vietnamese letters are several bytes
		 * wide, which printf's padding would count as columns */
		printf("       nguồn         đích  bảng\n");
		for (size_t i = 0; i < n; i++)
			printf("%12lld %12lld  %s%s\n", (long long)counts[i].src,
			       (long long)counts[i].dst, counts[i].table,
			       counts[i].src == counts[i].dst ? "" : "  (khác nhau)");
	}
	db_free_counts(counts, n);
	db_close(src);
	db_close(dst);
	if (rc)
		return cli_fail("%s", e.msg);
	printf("thidua: đã chép %zu bảng, số dòng khớp\n", n);
	return 0;
}

int cmd_db(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "copy") == 0)
		return db_copy_cmd(argc, argv);
	return cli_fail("cách dùng: thidua db copy --from (DIR|URL) --to (DIR|URL)");
}
