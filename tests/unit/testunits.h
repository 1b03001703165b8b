/*
 * testunits.h — building a unit tree in a test database: the system actor,
 * units created through the real core function, actors for any unit.
 */
#ifndef THIDUA_TESTUNITS_H
#define THIDUA_TESTUNITS_H

#include "testutil.h"

#include "core/units.h"

/* Creates the top unit with the system actor and fills *sys with it. */
static inline int64_t test_root(db *d, actor *sys, const char *code, const char *name,
				const char *kind)
{
	memset(sys, 0, sizeof *sys);
	sys->role = ROLE_ADMIN;
	struct unit_input in = {code, name, kind, 0, -1, NULL, NULL};
	int64_t id = 0;
	err e = {0};
	if (unit_create(d, sys, &in, &id, &e) != 0 || actor_system(d, sys, &e) != 0)
		fail_msg("root %s: %s", code, e.msg);
	return id;
}

static inline int64_t test_unit(db *d, const actor *sys, const char *code, const char *name,
				const char *kind, int64_t parent)
{
	struct unit_input in = {code, name, kind, parent, -1, NULL, NULL};
	int64_t id = 0;
	err e = {0};
	if (unit_create(d, sys, &in, &id, &e) != 0)
		fail_msg("create %s: %s", code, e.msg);
	return id;
}

/* A user acting for `unit_id` with `role` (user id 7: not the system). */
static inline actor test_actor(int64_t unit_id, enum role role)
{
	actor a = {.user_id = 7, .unit_id = unit_id, .role = role};
	return a;
}

#endif
