/*
 * cli.c — options shared by subcommands.
 */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int cli_fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("thidua: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	return 1;
}

int cli_store_opt(struct cli_store *s, int argc, char **argv, int *i)
{
	const char *a = argv[*i];
	const char **slot = NULL;
	if (strcmp(a, "--data-dir") == 0)
		slot = &s->data_dir;
	else if (strcmp(a, "--db") == 0)
		slot = &s->db_url;
	if (!slot)
		return 0;
	if (*i + 1 >= argc)
		return -1;
	*slot = argv[++*i];
	return 1;
}

static const char *data_dir(const struct cli_store *s)
{
	return s->data_dir ? s->data_dir : "./var";
}

char *cli_db_target(const struct cli_store *s)
{
	if (s->db_url)
		return xstrdup(s->db_url);
	return xasprintf("%s/thidua.db", data_dir(s));
}

int cli_open_db(const struct cli_store *s, db **out, err *e)
{
	if (!s->db_url && mkdir(data_dir(s), 0750) != 0 && errno != EEXIST)
		return err_set(e, E_IO, "Không tạo được thư mục dữ liệu %s: %s", data_dir(s),
			       strerror(errno));
	char *target = cli_db_target(s);
	int rc = db_open(target, out, e);
	free(target);
	return rc;
}

int cli_open_migrated(const struct cli_store *s, db **out, err *e)
{
	int rc = cli_open_db(s, out, e);
	if (rc == 0)
		rc = db_migrate(*out, e);
	return rc;
}
