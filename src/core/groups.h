/*
 * groups.h — emulation clusters and blocks (cụm, khối thi đua): peer groups
 * of units that emulate each other, organised by an owner unit, optionally
 * for one year.
 *
 * Rules: a group is visible to whoever sees its owner unit; admins and
 * officers change groups they see and add units they see. Within one owner,
 * kind and year, a name is used once and a unit belongs to one group only
 * (a commune is in one provincial cluster per year).
 */
#ifndef THIDUA_GROUPS_H
#define THIDUA_GROUPS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/core.h"
#include "core/units.h"

typedef struct group {
	int64_t id;
	char *name;
	char *kind;             /* cluster | block */
	int year;               /* 0 when not tied to a year */
	int64_t owner_unit_id;
	char *owner_name;
	int64_t n_members;
} group;

/* Fields of a create or update. */
struct group_input {
	const char *name;      /* NULL on update: unchanged */
	const char *kind;      /* create only */
	int64_t year;          /* 0: no year */
	bool year_set;         /* update: change the year (to `year`) */
	int64_t owner_unit_id; /* create only; 0: the actor's unit */
};

/* Vietnamese label of a kind: "Cụm thi đua", "Khối thi đua". */
const char *group_kind_label(const char *kind);

/* May the actor create a group owned by `owner_unit_id` (0: its own unit)?
 * 0, or E_FORBIDDEN with a message. */
int group_check_create(db *d, const actor *a, int64_t owner_unit_id, err *e);
/* May the actor change group `id`? 0, E_NOTFOUND (not visible) or
 * E_FORBIDDEN (visible, but the role may not change groups). */
int group_check_change(db *d, const actor *a, int64_t id, err *e);

/* Groups the actor may see, with member counts, newest year first. */
int groups_list(db *d, arena *ar, const actor *a, group **out, size_t *n, err *e);
/* One group; members (may be NULL) receives its units in tree position order. */
int group_get(db *d, arena *ar, const actor *a, int64_t id, group *out, unit_list *members,
	      err *e);

int group_create(db *d, const actor *a, const struct group_input *in, int64_t *id, err *e);
/* Renames and/or changes the year. */
int group_update(db *d, const actor *a, int64_t id, const struct group_input *in, err *e);
/* Adds units (all or none); E_CONFLICT when one is already a member. */
int group_add_members(db *d, const actor *a, int64_t id, const int64_t *unit_ids, size_t n,
		      err *e);
int group_remove_member(db *d, const actor *a, int64_t id, int64_t unit_id, err *e);
/* Replaces the member set with exactly these units. */
int group_set_members(db *d, const actor *a, int64_t id, const int64_t *unit_ids, size_t n,
		      err *e);

#endif
