/*
 * units.h — the unit hierarchy (đơn vị), of any depth, kept with a closure
 * table so subtree questions are one indexed join on every engine.
 *
 * Visibility rule (DESIGN §5): a user sees the unit they act for and its
 * descendants; ancestors are visible only as names on the path.
 */
#ifndef THIDUA_UNITS_H
#define THIDUA_UNITS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/core.h"

typedef struct unit {
	int64_t id;
	char *code;
	char *name;
	char *kind;
	int64_t parent_id; /* 0 for the top unit */
	bool active;
	char *valid_from; /* NULL when unknown */
	char *valid_to;
	int depth;          /* below the viewer's unit, in lists; 0 otherwise */
	int64_t n_children; /* filled by units_list */
} unit;

typedef struct unit_list {
	unit *v;
	size_t n;
} unit_list;

struct unit_filter {
	const char *q;     /* accent/case-insensitive text; NULL for all */
	int64_t parent_id; /* only direct children of this unit; 0 for any */
	bool all;          /* include inactive units */
	bool subtree;      /* with parent_id: the whole subtree, not just children */
	int64_t limit, offset;
};

/* Fields of a create or update; NULL / 0 / -1 mean "unchanged" on update. */
struct unit_input {
	const char *code;
	const char *name;
	const char *kind;
	int64_t parent_id;
	int active; /* -1 unchanged */
	const char *valid_from;
	const char *valid_to;
};

/* The columns units_collect() reads, for queries naming the units table `u`;
 * an optional 9th column is the depth, a 10th the number of children. */
#define UNIT_COLS "u.id, u.code, u.name, u.kind, u.parent_id, u.active, u.valid_from, u.valid_to"
/* Steps a UNIT_COLS query to its end into *out (arena memory), finalizing it. */
int units_collect(db_stmt *st, arena *ar, unit_list *out, err *e);

/* Reads one unit (strings from arena). E_NOTFOUND when absent. */
int unit_get(db *d, arena *ar, int64_t id, unit *out, err *e);
int unit_by_code(db *d, arena *ar, const char *code, unit *out, err *e);
/* True when `unit_id` is `ancestor_id` or one of its descendants. */
bool unit_within(db *d, int64_t ancestor_id, int64_t unit_id);
/* May the actor see this unit? */
bool unit_visible(db *d, const actor *a, int64_t unit_id);
/* The path from the top unit down to `id` (inclusive), top first. */
int unit_path(db *d, arena *ar, int64_t id, unit_list *out, err *e);

/* Units the actor may see, matching the filter, in tree order. */
int units_list(db *d, arena *ar, const actor *a, const struct unit_filter *f, unit_list *out,
	       err *e);

/* Validates a unit kind code against unit_kinds. */
bool unit_kind_exists(db *d, const char *kind);
/* All kinds (code, name) in display order. */
int unit_kinds(db *d, arena *ar, char ***codes, char ***names, size_t *n, err *e);

/* Creates a unit under input->parent_id (0 only for the very first unit). */
int unit_create(db *d, const actor *a, const struct unit_input *in, int64_t *id, err *e);
/* Renames, re-kinds, moves (cycle-checked), activates or deactivates. */
int unit_update(db *d, const actor *a, int64_t id, const struct unit_input *in, err *e);

/* Bulk import: every row is validated first; nothing is written if any row
 * fails, and the error names the row (1-based, header = row 1). Parents are
 * given by code and may refer to rows earlier in the same import. */
struct unit_row {
	char *code, *name, *kind, *parent_code, *valid_from, *valid_to;
	int active;
	int line; /* row number in the source file; 0 → index + 2 */
};
int units_import(db *d, const actor *a, const struct unit_row *rows, size_t n, int64_t *created,
		 int *bad_row, err *e);

#endif
