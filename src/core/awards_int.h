/*
 * awards_int.h — what awards.c shares with the importer (awards_table.c):
 * an in-memory index of the units an actor sees, so that validating or
 * matching 50,000 rows costs one query instead of one per row.
 */
#ifndef THIDUA_AWARDS_INT_H
#define THIDUA_AWARDS_INT_H

#include "core/awards.h"
#include "core/movements.h"

struct vunit {
	int64_t id;
	char *code, *name, *kind;
	char *code_key; /* code folded like a search key: codes match in any case */
	char *key;      /* text_search_key(name) */
	char *valid_from, *valid_to;
	bool active;
};

struct vunits {
	struct vunit *v; /* by id */
	size_t n;
	struct vunit **by_key;  /* by name key, active units first among equals */
	struct vunit **by_code; /* by code_key */
};

/* Loads the actor's unit and its descendants. */
int vunits_load(db *d, arena *ar, const actor *a, struct vunits *out, err *e);
const struct vunit *vunits_get(const struct vunits *u, int64_t id);
/* A unit named by code or name as a person writes it: the code in any case,
 * else the name by search key, preferring active units. NULL when none;
 * *ambiguous when several active (or, with none active, several) share the
 * name. */
const struct vunit *vunits_find(const struct vunits *u, const char *text, bool *ambiguous);

/* The catalogue and the movements an actor sees, loaded once per action. */
struct award_catalog {
	award_form *forms;
	size_t n_forms;
	movement *movements;
	size_t n_movements;
};
int award_catalog_load(db *d, arena *ar, const actor *a, struct award_catalog *out, err *e);
const award_form *award_catalog_form(const struct award_catalog *c, const char *code);
const movement *award_catalog_movement(const struct award_catalog *c, int64_t id);

/* Checks and writes decisions; the importer calls it with its caches. */
int award_write(db *d, const actor *a, const struct vunits *units,
		const struct award_catalog *cat, const struct decision_input *v, size_t n,
		const char *source, int64_t *first_id, int64_t *created, int *bad_row, err *e);

#endif
