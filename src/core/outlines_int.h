/*
 * outlines_int.h — shared by the files of the stored-outlines module only
 * (outlines.c reads, outlines_write.c imports/saves/copies,
 * outlines_tables.c figure tables).
 */
#ifndef THIDUA_OUTLINES_INT_H
#define THIDUA_OUTLINES_INT_H

#include "core/outlines.h"

/* Officers and admins change outlines; staff and leaders read them. */
bool outline_may_write(const actor *a);

/* Readable by the actor, or E_NOTFOUND; the owner unit in *owner. */
int outline_check_read(db *d, const actor *a, int64_t id, int64_t *owner, err *e);

/* Reads outline `id` with items and tables, without any permission check. */
int outline_load(db *d, arena *ar, int64_t id, stored_outline *out, err *e);
/* Reads one figure table with its rows and columns. */
int figure_table_load(db *d, arena *ar, int64_t id, figure_table *out, err *e);

/* Writes the outline's current state as the snapshot of its current
 * version (inside the caller's transaction). */
int outline_snapshot(db *d, const actor *a, int64_t id, err *e);

/* Raises the version of outline `id` from `expected` by one (title and
 * search key replaced when title is non-NULL). E_CONFLICT with the current
 * version in *current when someone saved first. */
int outline_bump_version(db *d, int64_t id, int64_t expected, const char *title, int *current,
			 err *e);

/* Inserts a table's rows or columns (`what` is "figure_rows" or
 * "figure_cols"; trusted). */
int figure_lines_insert(db *d, const char *what, int64_t table_id, const figure_line *v, size_t n,
			err *e);
/* Inserts a table owned by outline_id (0: none); its id in *id. */
int figure_table_insert(db *d, int64_t outline_id, const figure_table *t, int64_t *id, err *e);

/* A compact JSON summary for audit rows (malloc'd). */
char *outline_audit_json(const char *title, int version, size_t n_items, const char *extra_key,
			 int64_t extra_value);

#endif
