/*
 * cmd_user.c — `thidua user add`: create an account from the command line
 * (password read from standard input, never from argv).
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "core/units.h"
#include "core/users.h"

static int read_password(char *out, size_t n)
{
	if (!fgets(out, (int)n, stdin))
		return -1;
	out[strcspn(out, "\r\n")] = '\0';
	return 0;
}

int cmd_user(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "add") != 0)
		return cli_fail("cách dùng: thidua user add --login L --role ROLE [--unit CODE] "
				"[--name NAME] --password-stdin");
	struct cli_store store = {0};
	const char *login = NULL, *role = NULL, *unit_code = NULL, *name = NULL;
	int pw_stdin = 0;
	for (int i = 2; i < argc; i++) {
		int r = cli_store_opt(&store, argc, argv, &i);
		if (r < 0)
			return cli_fail("%s cần một giá trị", argv[i]);
		if (r)
			continue;
		const char **slot = NULL;
		if (strcmp(argv[i], "--login") == 0)
			slot = &login;
		else if (strcmp(argv[i], "--role") == 0)
			slot = &role;
		else if (strcmp(argv[i], "--unit") == 0)
			slot = &unit_code;
		else if (strcmp(argv[i], "--name") == 0)
			slot = &name;
		else if (strcmp(argv[i], "--password-stdin") == 0)
			pw_stdin = 1;
		else
			return cli_fail("tham số không hợp lệ: %s", argv[i]);
		if (slot) {
			if (i + 1 >= argc)
				return cli_fail("%s cần một giá trị", argv[i]);
			*slot = argv[++i];
		}
	}
	if (!login || !role || !pw_stdin)
		return cli_fail("cần --login, --role và --password-stdin");
	char pw[1100];
	if (read_password(pw, sizeof pw))
		return cli_fail("không đọc được mật khẩu từ đầu vào chuẩn");

	db *d = NULL;
	err e = {0};
	arena *ar = arena_new();
	actor sys;
	unit u;
	int64_t id = 0;
	int rc = cli_open_migrated(&store, &d, &e);
	if (rc == 0)
		rc = actor_system(d, &sys, &e);
	if (rc == 0)
		rc = unit_code ? unit_by_code(d, ar, unit_code, &u, &e) : unit_get(d, ar, sys.unit_id, &u, &e);
	if (rc == E_NOTFOUND && unit_code)
		err_set(&e, rc, "không có đơn vị mã %s", unit_code);
	if (rc == 0) {
		struct user_input in = {login, pw, name, u.id, role, 1};
		rc = user_create(d, &sys, &in, &id, &e);
	}
	if (rc == 0)
		printf("thidua: đã tạo người dùng %s (id %lld, %s, %s)\n", login, (long long)id, role,
		       u.name);
	arena_free(ar);
	db_close(d);
	return rc ? cli_fail("%s", e.msg) : 0;
}
