/*
 * movements.h — the catalogue of emulation movements (phong trào thi đua):
 * title, launching unit, period, and the higher movement each answers.
 */
#ifndef THIDUA_MOVEMENTS_H
#define THIDUA_MOVEMENTS_H

#include "core/core.h"

typedef struct movement {
	int64_t id;
	char *title;
	int64_t unit_id;
	char *unit_name;
	int start_year, end_year;
	int64_t parent_id; /* 0 when it answers no higher movement */
	char *kind;        /* regular | thematic | campaign */
	char *description;
} movement;

struct movement_input {
	const char *title;
	int64_t unit_id;
	int64_t start_year, end_year;
	int64_t parent_id;
	const char *kind; /* NULL → "regular" */
	const char *description;
};

/* Movements the actor may see: those launched by its unit's subtree and by
 * its ancestors (a commune answers the province's and the nation's). */
int movements_list(db *d, arena *ar, const actor *a, const char *q, movement **out, size_t *n,
		   err *e);
int movement_get(db *d, arena *ar, const actor *a, int64_t id, movement *out, err *e);
/* The visible movements that answer movement `id` (E_NOTFOUND when the
 * actor may not see `id` itself), newest first. */
int movements_children(db *d, arena *ar, const actor *a, int64_t id, movement **out, size_t *n,
		       err *e);
/* Officers and admins launch movements for units in their subtree. */
int movement_create(db *d, const actor *a, const struct movement_input *in, int64_t *id, err *e);

#endif
