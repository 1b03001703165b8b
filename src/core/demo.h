/*
 * demo.h — the demo data set: a province after the July 2025 reorganisation
 * (the TSV files under data/demo, compiled in), demo users per role, the seed movements.
 */
#ifndef THIDUA_DEMO_H
#define THIDUA_DEMO_H

#include "db/db.h"

#define DEMO_PASSWORD "thidua2025"

struct demo_user {
	const char *login, *unit_code, *role, *full_name;
};
/* The demo accounts (NULL-terminated), all with DEMO_PASSWORD. */
extern const struct demo_user demo_users[];

/* Loads what is missing of the demo data; running it again changes nothing. */
int demo_load(db *d, err *e);
/* Sample work on the demo data (after demo_load): an outline, a campaign
 * to the communes with reports in every state, an older one whose reports
 * came late, a few decisions. Loaded once: a second call changes nothing. */
int demo_sample_load(db *d, err *e);

#endif
