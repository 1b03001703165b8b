/*
 * award_counts.h — statistics of the commendation record, and the summary
 * table that makes them fast on millions of awards.
 *
 * What is counted: an award counts under its *scope unit* — the recipient's
 * unit, or the issuing unit when the recipient is outside the tree. "Within
 * the subtree of U" means the scope unit is U or a descendant of U.
 *
 * How: `award_counts` holds, for each award and each proper ancestor of its
 * scope unit, one count per (ancestor, form, recipient type, year,
 * movement). The statistics of U's subtree are U's rows there plus the
 * awards whose scope is U itself (an index range). Writers keep the table
 * exact in their own transaction: decisions (award_counts_add_decisions) and
 * unit moves (award_counts_detach / _attach around the closure change).
 */
#ifndef THIDUA_AWARD_COUNTS_H
#define THIDUA_AWARD_COUNTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/awards.h"

/* ---- maintenance (inside the caller's transaction) ---- */

/* Adds (sign 1) or removes (sign -1) the awards of these decisions. */
int award_counts_add_decisions(db *d, const int64_t *ids, size_t n, int sign, err *e);
/* Before unit `id` moves: its subtree's awards leave its ancestors' counts. */
int award_counts_detach(db *d, int64_t id, err *e);
/* After the move: they join the new ancestors' counts. */
int award_counts_attach(db *d, int64_t id, err *e);
/* Recomputes the whole table from the awards (bulk loads, repairs). */
int award_counts_rebuild(db *d, err *e);
/* Rows of the table that differ from a recomputation (0 when exact). */
int award_counts_diff(db *d, int64_t *rows, err *e);

/* ---- statistics ---- */

/* The by-keys a statistic can be broken down by, in API spelling: form
 * (code), recipient_type, year, unit (id of the child subtree of the chosen
 * unit the award counts in, or the unit itself for awards directly under
 * it), movement (id; null for none), period (a year range). */
enum award_key { AK_FORM, AK_TYPE, AK_YEAR, AK_UNIT, AK_MOVEMENT, AK_PERIOD, AK_COUNT };

const char *award_key_name(enum award_key k);

struct award_period {
	int from, to;
};

struct award_stats_query {
	enum award_key keys[AK_COUNT]; /* in the order asked */
	size_t n_keys;
	int from, to;        /* years, 0: open */
	int64_t unit_id;     /* 0: the actor's unit */
	int64_t movement_id; /* 0: any */
	const char *form;    /* a form code, NULL: any */
	const char *recipient_type;
	struct award_period periods[AWARD_MAX_PERIODS];
	size_t n_periods;
};

struct award_stat_row {
	const char *form;
	const char *recipient_type;
	int year;
	int64_t unit_id;
	int64_t movement_id; /* 0: none */
	int period;          /* index into the query's periods */
	int64_t count;
	/* names for screens and spreadsheets, set for the keys asked for */
	const char *form_name, *unit_name, *movement_title;
};

/* Parses "form,recipient_type,year" into q->keys (E_PARSE naming an unknown
 * key or a repeated one). "period" is added by award_stats_parse_periods. */
int award_stats_parse_by(const char *by, struct award_stats_query *q, err *e);
/* Parses "2011-2015,2016-2020" (E_PARSE when malformed, overlapping or too
 * many) and adds the period key unless asked for already. */
int award_stats_parse_periods(const char *s, struct award_stats_query *q, err *e);
/* "2011-2015" (arena). */
const char *award_period_label(arena *ar, const struct award_period *p);

/* Counts in the chosen unit's subtree (E_NOTFOUND when the actor does not
 * see it), one row per combination of the by-keys that has awards, ordered
 * by the keys (forms in catalogue order). With periods, years outside every
 * period are left out. */
int award_stats(db *d, arena *ar, const actor *a, const struct award_stats_query *q,
		struct award_stat_row **rows, size_t *n, err *e);

#endif
