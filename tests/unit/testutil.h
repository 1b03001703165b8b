/*
 * testutil.h — included by every cmocka test: the cmocka headers in the
 * order they need, and helpers for a scratch database.
 */
#ifndef THIDUA_TESTUTIL_H
#define THIDUA_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "db/db.h"

/* A fresh migrated database: PostgreSQL when THIDUA_TEST_PG holds a
 * connection URL of a throw-away database, else a temp SQLite file. */
static char test_db_path[64];

static inline db *test_db_open(void)
{
	char *path = test_db_path;
	const char *pg = getenv("THIDUA_TEST_PG");
	err e = {0};
	db *d = NULL;
	if (pg && *pg) {
		if (db_open(pg, &d, &e) != 0)
			fail_msg("%s", e.msg);
		/* start from an empty schema */
		if (db_exec(d, "DROP SCHEMA public CASCADE; CREATE SCHEMA public;", &e) != 0)
			fail_msg("%s", e.msg);
	} else {
		snprintf(path, sizeof test_db_path, "/tmp/thidua-test-XXXXXX");
		int fd = mkstemp(path);
		if (fd < 0)
			fail_msg("mkstemp");
		close(fd);
		if (db_open(path, &d, &e) != 0)
			fail_msg("%s", e.msg);
	}
	if (db_migrate(d, &e) != 0)
		fail_msg("%s", e.msg);
	return d;
}

static inline void test_db_close(db *d)
{
	int sqlite = strcmp(db_engine(d), "sqlite") == 0;
	db_close(d);
	if (sqlite && test_db_path[0]) {
		char p[80];
		unlink(test_db_path);
		snprintf(p, sizeof p, "%s-wal", test_db_path);
		unlink(p);
		snprintf(p, sizeof p, "%s-shm", test_db_path);
		unlink(p);
	}
}

#endif
