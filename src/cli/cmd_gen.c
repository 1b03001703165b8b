/*
 * cmd_gen.c — `thidua gen awards --count N [--seed S]`: realistic national
 * commendation data for demos and benchmarks (src/core/award_gen.c);
 * `thidua gen units` hands over to cmd_gen_units.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "core/award_gen.h"

static void progress(void *ctx, const char *line)
{
	time_t *start = ctx;
	fprintf(stderr, "thidua gen: %s (%lld s)\n", line, (long long)(time(NULL) - *start));
}

int cmd_gen(int argc, char **argv)
{
	struct cli_store store = {0};
	struct award_gen_opts o = {0};
	if (argc >= 2 && strcmp(argv[1], "units") == 0)
		return cmd_gen_units(argc - 1, argv + 1);
	if (argc < 2 || strcmp(argv[1], "awards") != 0)
		return cli_fail("cách dùng: thidua gen awards --count N [--seed S] | thidua gen units"
				" [--communes N] [--data-dir DIR | --db URL]");
	for (int i = 2; i < argc; i++) {
		int r = cli_store_opt(&store, argc, argv, &i);
		if (r < 0)
			return cli_fail("%s cần một giá trị", argv[i]);
		if (r)
			continue;
		int64_t v;
		if ((strcmp(argv[i], "--count") == 0 || strcmp(argv[i], "--seed") == 0) && i + 1 < argc &&
		    parse_i64(argv[i + 1], &v) == 0 && v >= 0) {
			if (argv[i][2] == 'c')
				o.count = v;
			else
				o.seed = (uint64_t)v;
			i++;
		} else {
			return cli_fail("tham số không hợp lệ: %s", argv[i]);
		}
	}
	if (o.count <= 0)
		return cli_fail("cần --count N (số khen thưởng cần tạo, lớn hơn 0)");
	time_t start = time(NULL);
	o.progress = progress;
	o.ctx = &start;
	db *d = NULL;
	err e = {0};
	struct award_gen_result res;
	int rc = cli_open_db(&store, &d, &e);
	if (rc == 0)
		rc = db_migrate(d, &e);
	if (rc == 0)
		rc = award_gen(d, &o, &res, &e);
	if (rc == 0)
		printf("thidua: đã tạo %lld đơn vị, %lld phong trào, %lld quyết định, %lld khen thưởng"
		       " trong %lld giây\n",
		       (long long)res.units, (long long)res.movements, (long long)res.decisions,
		       (long long)res.awards, (long long)(time(NULL) - start));
	db_close(d);
	return rc ? cli_fail("%s", e.msg) : 0;
}
