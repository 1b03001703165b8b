/*
 * awards.h — the commendation record: the catalogue of award forms,
 * decisions (quyết định khen thưởng) with the awards they grant, recipient
 * search and statistics.
 *
 * Rules: officers and admins record decisions for units they see; the
 * issuing unit must hold the authority for the form on the decision's date
 * (award_rules.h); the form must be valid that day and allow each recipient
 * type. A decision and its awards are written in one transaction with an
 * audit row, together with the award counts statistics read (award_counts).
 * Admins extend the catalogue; builtin forms keep their code, kind,
 * authority and recipient types.
 */
#ifndef THIDUA_AWARDS_H
#define THIDUA_AWARDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/core.h"

/* Upper bounds that keep one request's work bounded. */
#define AWARD_MAX_PER_DECISION 100000
#define AWARD_MAX_PERIODS 8

typedef struct award_form {
	char *code, *name, *kind, *authority, *recipient_types;
	char *valid_from, *valid_to; /* NULL: open */
	int position;
	char *aliases; /* '|'-separated */
	char *report_row;
	bool builtin;
} award_form;

/* The catalogue in display order; valid_on (YYYY-MM-DD, may be NULL) keeps
 * only the forms that may be granted that day. */
int award_forms_list(db *d, arena *ar, const char *valid_on, award_form **out, size_t *n, err *e);
int award_form_get(db *d, arena *ar, const char *code, award_form *out, err *e);
bool award_form_allows_type(const award_form *f, const char *recipient_type);
bool award_form_valid_on(const award_form *f, const char *date);
/* Vietnamese labels for screens. */
const char *award_kind_label(const char *kind);
const char *award_report_row_label(const char *row);

/* Fields of a catalogue entry; on update NULL / -1 mean unchanged. */
struct award_form_input {
	const char *code, *name, *kind, *authority, *recipient_types;
	const char *valid_from, *valid_to; /* "" clears on update */
	const char *aliases, *report_row;
	int64_t position; /* -1: unchanged (create: after the last) */
};
int award_form_create(db *d, const actor *a, const struct award_form_input *in, err *e);
int award_form_update(db *d, const actor *a, const char *code, const struct award_form_input *in,
		      err *e);

/* Recipient types: collective, household, individual. */
bool award_type_valid(const char *t);
const char *award_type_label(const char *t); /* "Tập thể", "Hộ gia đình", "Cá nhân" */
/* The type code for what people write in a list ("tập thể", "Hộ GĐ", "CÁ
 * NHÂN", "cn", the codes themselves); NULL when unknown. */
const char *award_type_parse(const char *text);

typedef struct award {
	int64_t id, decision_id;
	char *form_code, *form_name;
	char *recipient_type, *name, *position;
	int64_t unit_id; /* 0 outside the tree */
	char *unit_name;
	int64_t movement_id; /* 0: none */
	int year;
	char *achievement;
	char *decision_number, *decision_date; /* in search results */
} award;

typedef struct decision {
	int64_t id;
	char *number, *date, *signer, *signer_title;
	int64_t unit_id;
	char *unit_name;
	char *form_code, *form_name;
	int64_t n_awards;
	int64_t created_at;
} decision;

struct award_input {
	const char *recipient_type, *name, *position;
	int64_t unit_id;       /* 0: outside the tree, see unit_name */
	const char *unit_name; /* text for recipients outside the tree */
	int64_t movement_id;   /* 0: none */
	int64_t year;          /* 0: the decision's year */
	const char *achievement;
	int line; /* row in an imported file, for messages; 0 otherwise */
};

struct decision_input {
	const char *number, *date, *signer, *signer_title;
	int64_t unit_id; /* the issuing unit */
	const char *form_code;
	struct award_input *awards;
	size_t n_awards;
	int line; /* first row of an imported decision, 0 otherwise */
};

/* Creates one decision with its awards. */
int decision_create(db *d, const actor *a, const struct decision_input *in, int64_t *id, err *e);
/* Creates several decisions (an import) all or nothing; *created counts the
 * awards written, *bad_row names the file row of a refusal (0 if none). */
int decisions_create_many(db *d, const actor *a, const struct decision_input *v, size_t n,
			  const char *source, int64_t *created, int *bad_row, err *e);

struct decision_filter {
	const char *q;     /* number, accent-insensitive */
	int64_t unit_id;   /* issuing units in this subtree; 0: the actor's */
	int year;          /* decisions dated that year; 0: any */
	int64_t limit, offset;
};
/* Decisions issued in the actor's subtree, newest first. */
int decisions_list(db *d, arena *ar, const actor *a, const struct decision_filter *f,
		   decision **out, size_t *n, err *e);
/* One decision with its awards. Visible to whoever sees its issuing unit or
 * the unit of one of its recipients; E_NOTFOUND otherwise. */
int decision_get(db *d, arena *ar, const actor *a, int64_t id, decision *out, award **awards,
		 size_t *n_awards, err *e);

/* Awards whose recipient's unit or issuing unit the actor sees, with `q`
 * in the recipient's name (accent- and case-insensitive), newest first. */
int awards_search(db *d, arena *ar, const actor *a, const char *q, int64_t limit, int64_t offset,
		  award **out, size_t *n, err *e);

#endif
