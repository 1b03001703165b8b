/*
 * cli.h — subcommands of the thidua program and their shared option parsing.
 * Each subcommand is `int cmd_NAME(int argc, char **argv)` returning the
 * process exit status; argv[0] is the subcommand's own name.
 */
#ifndef THIDUA_CLI_H
#define THIDUA_CLI_H

#include "db/db.h"

/* --data-dir DIR / --db URL, shared by every command that opens storage. */
struct cli_store {
	const char *data_dir; /* default "./var" */
	const char *db_url;   /* postgresql://… when set */
};

/* Consumes argv[*i] (and its value) when it is a storage option; returns 1
 * if consumed, 0 if not a storage option, -1 on a missing value. */
int cli_store_opt(struct cli_store *s, int argc, char **argv, int *i);
/* Opens (creating the data directory for SQLite) the selected database. */
int cli_open_db(const struct cli_store *s, db **out, err *e);
/* cli_open_db, then applies the migrations not yet applied. */
int cli_open_migrated(const struct cli_store *s, db **out, err *e);
/* The storage target string (URL or SQLite file path), malloc'd. */
char *cli_db_target(const struct cli_store *s);
/* Prints "thidua: MSG" to stderr and returns exit status 1. */
int cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

int cmd_init(int argc, char **argv);
int cmd_outline(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_db(int argc, char **argv);
int cmd_gen(int argc, char **argv);
int cmd_gen_units(int argc, char **argv);

/* The national tree of `thidua gen units` (also used by bench/):
 * 34 provinces under the top unit with `communes` commune-level units
 * each; *created counts the units added. */
int gen_units_national(db *d, int communes, int64_t *created, err *e);
int cmd_doc(int argc, char **argv);

#endif
