/*
 * main.c — the thidua program: one binary, a table of subcommands.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *usage;
};

static const struct command commands[] = {
	{"db", cmd_db, "db copy --from (DIR|URL) --to (DIR|URL)"},
	{"gen", cmd_gen, "gen units [--communes N] | gen awards --count N [--seed S] [--data-dir DIR | --db URL]"},
	{"doc", cmd_doc, "doc sample --format docx|pdf|xlsx -o FILE"},
	{"init", cmd_init, "init [--data-dir DIR | --db URL] [--demo]"},
	{"outline", cmd_outline, "outline parse FILE [--format tsv|json]"},
	{"serve", cmd_serve, "serve [--data-dir DIR | --db URL] [--port N] [--bind ADDR] [--threads N]"},
	{"user", cmd_user,
	 "user add [--data-dir DIR | --db URL] --login L --role ROLE [--unit CODE] [--name NAME] --password-stdin"},
};

static int usage(FILE *out)
{
	fputs("thidua — hệ thống quản lý thi đua, khen thưởng\n\nusage:\n", out);
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(out, "  thidua %s\n", commands[i].usage);
	return out == stderr ? 2 : 0;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return usage(stderr);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "help") == 0)
		return usage(stdout);
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "thidua: unknown command '%s'\n", argv[1]);
	return usage(stderr);
}
