/*
 * cmd_init.c — `thidua init`: create or migrate the database, optionally
 * loading the demo data set (--demo) and sample work on it (--sample:
 * campaigns, reports, decisions — what `make run` shows); both idempotent.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "core/demo.h"

static void print_demo_accounts(void)
{
	printf("Tài khoản mẫu (mật khẩu: %s):\n", DEMO_PASSWORD);
	for (const struct demo_user *u = demo_users; u->login; u++)
		printf("  %-22s %-8s %s — %s\n", u->login, u->role, u->full_name, u->unit_code);
}

int cmd_init(int argc, char **argv)
{
	struct cli_store store = {0};
	int demo = 0, sample = 0;
	for (int i = 1; i < argc; i++) {
		int r = cli_store_opt(&store, argc, argv, &i);
		if (r < 0)
			return cli_fail("%s cần một giá trị", argv[i]);
		if (r)
			continue;
		if (strcmp(argv[i], "--demo") == 0)
			demo = 1;
		else if (strcmp(argv[i], "--sample") == 0)
			demo = sample = 1;
		else
			return cli_fail("tham số không hợp lệ: %s", argv[i]);
	}
	db *d = NULL;
	err e = {0};
	int rc = cli_open_migrated(&store, &d, &e);
	if (rc == 0 && demo)
		rc = demo_load(d, &e);
	if (rc == 0 && sample)
		rc = demo_sample_load(d, &e);
	if (rc == 0 && demo)
		print_demo_accounts();
	if (rc == 0)
		printf("thidua: cơ sở dữ liệu sẵn sàng (%s, phiên bản lược đồ %d)%s\n", db_engine(d),
		       db_schema_version(d), demo ? ", đã nạp dữ liệu mẫu" : "");
	db_close(d);
	return rc ? cli_fail("%s", e.msg) : 0;
}
