/*
 * outlines.h — stored report outlines (đề cương báo cáo): imported from
 * text or .docx through the parser (outline/outline.h), read, edited with
 * optimistic versioning, copied, and given custom figure tables.
 *
 * Storage model: an outline is a list of items in document order, each
 * with a depth (1 = top level); an item's parent is the nearest earlier
 * item one level up, so order + depth is the whole tree. Sections that
 * repeat another's structure ("báo cáo tương tự mục III.1") are stored
 * expanded — the copies are real items — and keep `repeat_of` so the
 * editor can say where they came from.
 *
 * Rules: officers and admins import (the owner is their unit), edit the
 * outlines of their unit's subtree and copy any outline they may read.
 * Every version is kept in outline_versions as JSON (outline_store_json).
 * Prefixes: outline_store_ / outlines_ (the parser owns outline_).
 */
#ifndef THIDUA_OUTLINES_H
#define THIDUA_OUTLINES_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/core.h"

/* Limits of what one outline may hold; the parser's own limits are larger,
 * a stored outline is something people edit in one form. */
#define OUTLINE_STORE_MAX_ITEMS 5000
#define OUTLINE_STORE_MAX_DEPTH 12
#define OUTLINE_STORE_LABEL_MAX 32       /* code points */
#define OUTLINE_STORE_TITLE_MAX 1000     /* code points */
#define OUTLINE_STORE_GUIDANCE_MAX 20000 /* code points */
#define FIGURE_MAX_LINES 100             /* rows, and columns, of a figure table */
#define FIGURE_KEY_MAX 32

/* The ask bits the store accepts (the parser's OUTLINE_ASK_*). */
#define OUTLINE_STORE_ASKS_KNOWN 7u

typedef struct figure_line {
	char *key; /* [a-z0-9_]{1,32}, stable: report cells are stored by key */
	char *label;
} figure_line;

typedef struct figure_table {
	int64_t id;
	int64_t outline_id; /* 0 for a built-in table */
	char *code;         /* built-ins only ("commendation"); NULL otherwise */
	char *name;
	char *measure;    /* unit of measure, e.g. "Số lượng", "hộ", "%" */
	char *value_kind; /* integer | decimal */
	figure_line *rows, *cols;
	size_t n_rows, n_cols;
} figure_table;

typedef struct stored_item {
	int64_t id;
	int64_t parent_id; /* 0 for a top-level item */
	int depth;
	char *label, *title, *guidance;
	unsigned asks;     /* OUTLINE_ASK_* bits */
	int64_t table_id;  /* 0: none */
	int64_t repeat_of; /* 0: none */
	const figure_table *table; /* into stored_outline.tables, or NULL */
} stored_item;

typedef struct stored_outline {
	int64_t id, owner_unit_id;
	char *owner_name;
	char *title;
	char *source_text;
	char *source_kind; /* text | docx */
	int version;
	int64_t created_by, created_at, updated_at;
	int64_t copied_from; /* 0 unless a copy */
	int copied_version;
	stored_item *items;
	size_t n_items;
	/* the tables its items use, then its own unused ones */
	figure_table *tables;
	size_t n_tables;
} stored_outline;

typedef struct outline_summary {
	int64_t id, owner_unit_id;
	char *title, *owner_name;
	int version;
	int64_t n_items, updated_at;
} outline_summary;

/* One kept version: who saved it and when. */
typedef struct outline_version {
	int version;
	int64_t saved_at, saved_by; /* saved_by 0: the system */
	char *saved_by_name;        /* full name, else login, else "" */
} outline_version;

/* One imported outline. */
typedef struct outline_created {
	int64_t id;
	char *title;
} outline_created;

/* One item of a save, in document order. */
struct outline_item_input {
	int64_t id;        /* an item of this outline to keep (its id stays); 0: new */
	int depth;         /* 1..previous depth + 1 */
	const char *label; /* NULL → "" */
	const char *title;
	const char *guidance; /* NULL → "" */
	unsigned asks;
	int64_t table_id;  /* 0: none; a table implies the figures bit */
	int64_t repeat_of; /* the id of an earlier item of the same list; 0: none */
};

struct outline_save_input {
	int64_t expected_version; /* the version the editor started from */
	const char *title;        /* NULL: unchanged */
	const struct outline_item_input *items;
	size_t n_items;
};

struct figure_line_input {
	const char *key; /* NULL or "": derived from the label */
	const char *label;
};

struct figure_table_input {
	const char *name;
	const char *measure;    /* NULL → "" */
	const char *value_kind; /* NULL → "integer" */
	const struct figure_line_input *rows, *cols;
	size_t n_rows, n_cols;
};

/* ---- visibility and permissions ---- */

/* May the actor read outline `id`? Readable by users of the owner unit and
 * of its ancestors (the actor's unit is an ancestor-or-self of the owner),
 * and (API.md) by every unit that received a campaign using it and the
 * units above those (OUTLINE_READABLE in outlines.c, also in outlines_list). */
bool outline_readable(db *d, const actor *a, int64_t id);
/* An outline a campaign uses is frozen: reports answer its items and
 * tables. E_CONFLICT (naming the campaign, suggesting a copy) when one
 * does; call inside the change's transaction, after its first write to
 * the outline's row, so a campaign being issued is seen. */
int outline_check_unused(db *d, int64_t id, err *e);
/* May the actor import outlines? 0 or E_FORBIDDEN. */
int outline_check_import(const actor *a, err *e);
/* May the actor change outline `id` (save, add tables)? E_NOTFOUND when it
 * may not read it, E_FORBIDDEN when it may read but not change it. */
int outline_check_edit(db *d, const actor *a, int64_t id, err *e);
/* May the actor change table `table_id` of outline `id`? As check_edit,
 * then E_FORBIDDEN for a built-in table, E_NOTFOUND for another's. */
int outline_check_table_edit(db *d, const actor *a, int64_t id, int64_t table_id, err *e);
/* May the actor copy outline `id`? E_NOTFOUND / E_FORBIDDEN likewise. */
int outline_check_copy(db *d, const actor *a, int64_t id, err *e);

/* ---- reads ---- */

/* Outlines the actor may read, most recently changed first; q (may be
 * NULL) filters by title, accent- and case-insensitively. */
int outlines_list(db *d, arena *ar, const actor *a, const char *q, outline_summary **out,
		  size_t *n, err *e);
/* One outline with its items and tables (arena memory). E_NOTFOUND when
 * absent or not readable. */
int outline_store_get(db *d, arena *ar, const actor *a, int64_t id, stored_outline *out, err *e);
/* The tables an item of outline `id` may use: the built-ins, then the
 * outline's own (no permission check: call after outline_store_get). */
int outline_store_tables(db *d, arena *ar, int64_t id, figure_table **out, size_t *n, err *e);

/* The versions kept of a readable outline, newest first (E_NOTFOUND when
 * the outline is absent or not readable). */
int outline_versions_list(db *d, arena *ar, const actor *a, int64_t id, outline_version **out,
			  size_t *n, err *e);
/* One kept version of a readable outline: *json (may be NULL) gets the
 * snapshot as stored — the GET answer of that version —, *out (may be
 * NULL) the same as a stored_outline without its source text, *info (may
 * be NULL) who saved it when. E_NOTFOUND for an unknown version. */
int outline_version_get(db *d, arena *ar, const actor *a, int64_t id, int version,
			stored_outline *out, char **json, outline_version *info, err *e);

/* The outline as JSON: {"id","title","version","owner_unit_id",
 * "source_kind","copied_from","items":[{"id","parent_id","depth","label",
 * "title","guidance","asks":[…],"table_id","repeat_of","table":null|{"id",
 * "code","name","measure","value_kind","rows":[{"key","label"}],"cols":…}}],
 * "tables":[…every table, same shape]} — the API's view and the snapshot
 * kept for each version. */
json_t *outline_store_json(const stored_outline *o);

/* One table: {"id","code","outline_id","name","measure","value_kind",
 * "rows":[{"key","label"}],"cols":[…]}. */
json_t *figure_table_json(const figure_table *t);

/* ---- changes (each one transaction with audit rows) ---- */

/* Parses `data` (text, or a .docx when `docx`) and stores every outline it
 * holds, owned by the actor's unit, at version 1. *out (arena memory) gets
 * their ids and titles. The parser's E_INVAL / E_PARSE / E_TOOBIG come back
 * with its message. */
int outline_store_import(db *d, arena *ar, const actor *a, const char *data, size_t n, bool docx,
			 outline_created **out, size_t *n_out, err *e);
/* Replaces the title (optional) and the item list, bumps the version and
 * keeps a snapshot. Items carrying an id keep it (report answers refer to
 * item ids); items left out are deleted. E_CONFLICT when the outline is no
 * longer at in->expected_version (*version then holds the current one). */
int outline_store_save(db *d, const actor *a, int64_t id, const struct outline_save_input *in,
		       int *version, err *e);
/* A new outline owned by the actor's unit from the current version of a
 * readable one; the source's own tables are copied with it. `title` NULL
 * keeps the source's. */
int outline_store_copy(db *d, const actor *a, int64_t id, const char *title, int64_t *new_id,
		       err *e);
/* A custom figure table owned by outline `id`. */
int outline_store_table_create(db *d, const actor *a, int64_t id,
			       const struct figure_table_input *in, int64_t *table_id, err *e);
/* Replaces a custom table's name, measure, kind, rows and columns. When
 * items use it, the outline's version goes up (with a snapshot). */
int outline_store_table_update(db *d, const actor *a, int64_t id, int64_t table_id,
			       const struct figure_table_input *in, err *e);

/* ---- helpers ---- */

/* A key for a row or column label: its search key with every run of other
 * characters turned into '_', at most FIGURE_KEY_MAX bytes; "" when the
 * label has no letter or digit. `out` holds FIGURE_KEY_MAX + 1 bytes. */
void figure_key_from_label(const char *label, char *out);
/* True for [a-z0-9_]{1,32}. */
bool figure_key_valid(const char *key);
/* The delimiter a label is printed with: ")" after a lone lower-case
 * letter ("a)", "đ)"), "" after a bullet ("-", "+", "•"), ":" after words
 * ("Phần thứ nhất:"), "." otherwise ("I.", "1.", "III.1."). The parser
 * stores labels without it. */
const char *outline_label_delim(const char *label);
/* Ask bits from their names ("text", "figures", "models"); -1 for an
 * unknown name. */
int outline_ask_bit(const char *name);

#endif
