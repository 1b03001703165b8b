/*
 * award_gen.h — realistic national commendation data for demos and
 * benchmarks: a country of 34 provinces (communes since 1 July 2025, and
 * the districts with their former communes before), ministries, national
 * and provincial movements, and award decisions 2011–2025 whose forms
 * follow the published volumes (shared/domain/law-and-formats.md §3.2).
 *
 * Decisions are recorded through award_write(), so every generated decision
 * obeys the catalogue and the authority rules and keeps the award counts
 * exact. The same seed gives the same data.
 */
#ifndef THIDUA_AWARD_GEN_H
#define THIDUA_AWARD_GEN_H

#include <stdint.h>

#include "core/core.h"

struct award_gen_opts {
	int64_t count;  /* awards to add */
	uint64_t seed;  /* 0: a fixed default */
	/* called now and then with a line of progress (may be NULL) */
	void (*progress)(void *ctx, const char *line);
	void *ctx;
};

struct award_gen_result {
	int64_t units, movements, decisions, awards;
};

/* Adds the national unit tree (once: reused when present) and `count`
 * awards. Runs as the system actor. */
int award_gen(db *d, const struct award_gen_opts *o, struct award_gen_result *res, err *e);

#endif
