/*
 * cmd_serve.c — `thidua serve`: migrate if needed, then serve HTTP.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "web/server.h"

int cmd_serve(int argc, char **argv)
{
	struct cli_store store = {0};
	struct server_opts o = {.port = 8080, .threads = 4};
	for (int i = 1; i < argc; i++) {
		int r = cli_store_opt(&store, argc, argv, &i);
		if (r < 0)
			return cli_fail("%s cần một giá trị", argv[i]);
		if (r)
			continue;
		int64_t v;
		if (strcmp(argv[i], "--port") == 0 && i + 1 < argc) {
			if (parse_i64(argv[++i], &v) || v < 0 || v > 65535)
				return cli_fail("--port phải là số từ 0 đến 65535");
			o.port = (int)v;
		} else if (strcmp(argv[i], "--bind") == 0 && i + 1 < argc) {
			o.bind = argv[++i];
		} else if (strcmp(argv[i], "--threads") == 0 && i + 1 < argc) {
			if (parse_i64(argv[++i], &v) || v < 1 || v > 128)
				return cli_fail("--threads phải là số từ 1 đến 128");
			o.threads = (int)v;
		} else {
			return cli_fail("tham số không hợp lệ: %s", argv[i]);
		}
	}
	/* Migrate once here so worker threads find the schema ready. */
	db *d = NULL;
	err e = {0};
	int rc = cli_open_migrated(&store, &d, &e);
	if (rc == 0)
		o.engine_name = db_engine(d);
	if (rc) {
		db_close(d);
		return cli_fail("%s", e.msg);
	}
	char *target = cli_db_target(&store);
	o.db_target = target;
	rc = server_run(&o, &e);
	db_close(d);
	free(target);
	return rc ? cli_fail("%s", e.msg) : 0;
}
