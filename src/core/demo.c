/*
 * demo.c — loads the compiled-in demo data set through the same core
 * functions the application uses, so the demo obeys every rule (closure
 * table, audit rows, validation). Idempotent: existing rows are skipped.
 */
#include "demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/movements.h"
#include "core/units.h"
#include "core/users.h"
#include "util/embedded.h"

const struct demo_user demo_users[] = {
	{"admin", "QNG", "admin", "Nguyễn Văn Quản"},
	{"tdkt.tinh", "QNG", "officer", "Trần Thị Thu Hà"},
	{"lanhdao.tinh", "QNG", "leader", "Lê Văn Minh"},
	{"chuyenvien.snv", "QNG-SNV", "staff", "Phạm Thị Lan"},
	{"tdkt.camthanh", "QNG-X-21025", "officer", "Võ Văn Tùng"},
	{"chuyenvien.camthanh", "QNG-X-21025", "staff", "Huỳnh Thị Mai"},
	{"lanhdao.camthanh", "QNG-X-21025", "leader", "Đặng Văn Hùng"},
	{NULL, NULL, NULL, NULL},
};

static const struct embedded_file *data_file(const char *name)
{
	for (const struct embedded_file *f = embedded_data; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

/* Splits one TSV line in place into at most max fields; returns the count. */
static int split_tabs(char *line, char **fields, int max)
{
	int n = 0;
	char *p = line;
	while (n < max) {
		fields[n++] = p;
		char *tab = strchr(p, '\t');
		if (!tab)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	return n;
}

/* Calls fn for each data row of a TSV file (comments and header skipped). */
static int each_row(const char *file, int ncols, int (*fn)(db *, char **, void *, err *), db *d,
		    void *ctx, err *e)
{
	const struct embedded_file *f = data_file(file);
	if (!f)
		return err_set(e, E_INTERNAL, "demo data %s missing from the build", file);
	char *text = xstrndup(f->data, f->len);
	int rc = 0, line_no = 0;
	bool header = true;
	for (char *save = NULL, *line = strtok_r(text, "\n", &save); line && rc == 0;
	     line = strtok_r(NULL, "\n", &save)) {
		line_no++;
		if (line[0] == '#')
			continue;
		if (header) {
			header = false;
			continue;
		}
		char *fields[16];
		if (split_tabs(line, fields, 16) != ncols) {
			rc = err_set(e, E_INTERNAL, "%s line %d: expected %d columns", file, line_no, ncols);
			break;
		}
		rc = fn(d, fields, ctx, e);
	}
	free(text);
	return rc;
}

static const char *opt(const char *s)
{
	return s && *s ? s : NULL;
}

/* units.tsv: code parent kind name active valid_from valid_to */
static int load_unit(db *d, char **f, void *ctx, err *e)
{
	const actor *sys = ctx;
	arena *ar = arena_new();
	unit u, parent;
	int rc = 0;
	if (unit_by_code(d, ar, f[0], &u, e) == 0)
		goto out; /* already there */
	struct unit_input in = {f[0], f[3], f[2], 0, atoi(f[4]), opt(f[5]), opt(f[6])};
	if (*f[1]) {
		rc = unit_by_code(d, ar, f[1], &parent, e);
		if (rc)
			goto out;
		in.parent_id = parent.id;
	}
	rc = unit_create(d, sys, &in, NULL, e);
	if (rc == 0 && !in.parent_id)
		rc = actor_system(d, (actor *)ctx, e);
out:
	arena_free(ar);
	if (rc) {
		char msg[sizeof e->msg];
		snprintf(msg, sizeof msg, "%s", e->msg);
		err_set(e, rc, "demo unit %s: %s", f[0], msg);
	}
	return rc;
}

/* movements.tsv: code unit title start_year end_year parent kind — movements
 * have no code column in the database, so the title + unit identify them. */
static int64_t movement_id(db *d, int64_t unit_id, const char *title)
{
	int64_t id = 0;
	err e;
	if (db_get_i64(d, &id, &e, "SELECT id FROM movements WHERE unit_id = $1 AND title = $2", "lt",
		       unit_id, title))
		return 0;
	return id;
}

struct movement_codes {
	const actor *sys;
	char *code[64];
	int64_t id[64];
	int n;
};

static int load_movement(db *d, char **f, void *ctx, err *e)
{
	struct movement_codes *mc = ctx;
	arena *ar = arena_new();
	unit u;
	int rc = unit_by_code(d, ar, f[1], &u, e);
	int64_t id = 0;
	if (rc == 0 && !(id = movement_id(d, u.id, f[2]))) {
		struct movement_input in = {f[2], u.id, atoi(f[3]), atoi(f[4]), 0, f[6], NULL};
		for (int i = 0; i < mc->n; i++)
			if (*f[5] && strcmp(mc->code[i], f[5]) == 0)
				in.parent_id = mc->id[i];
		rc = movement_create(d, mc->sys, &in, &id, e);
	}
	if (rc == 0 && mc->n < 64) {
		mc->code[mc->n] = xstrdup(f[0]);
		mc->id[mc->n++] = id;
	}
	arena_free(ar);
	return rc;
}

static int load_users(db *d, const actor *sys, err *e)
{
	for (const struct demo_user *du = demo_users; du->login; du++) {
		int64_t n = 0;
		int rc = db_get_i64(d, &n, e, "SELECT COUNT(*) FROM users WHERE login = $1", "t", du->login);
		if (rc)
			return rc;
		if (n)
			continue;
		arena *ar = arena_new();
		unit u;
		rc = unit_by_code(d, ar, du->unit_code, &u, e);
		if (rc == 0) {
			struct user_input in = {du->login, DEMO_PASSWORD, du->full_name, u.id, du->role, 1};
			rc = user_create(d, sys, &in, NULL, e);
		}
		arena_free(ar);
		if (rc)
			return rc;
	}
	return 0;
}

int demo_load(db *d, err *e)
{
	actor sys;
	int rc = actor_system(d, &sys, e);
	if (rc == E_NOTFOUND) { /* empty database: the root comes from units.tsv */
		memset(&sys, 0, sizeof sys);
		sys.role = ROLE_ADMIN;
		snprintf(sys.login, sizeof sys.login, "system");
		rc = 0;
	}
	if (rc == 0)
		rc = each_row("units.tsv", 7, load_unit, d, &sys, e);
	if (rc == 0)
		rc = actor_system(d, &sys, e);
	struct movement_codes mc = {.sys = &sys};
	if (rc == 0)
		rc = each_row("movements.tsv", 7, load_movement, d, &mc, e);
	for (int i = 0; i < mc.n; i++)
		free(mc.code[i]);
	if (rc == 0)
		rc = load_users(d, &sys, e);
	return rc;
}
