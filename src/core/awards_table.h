/*
 * awards_table.h — importing the award lists offices already keep (CSV or
 * XLSX, Vietnamese headers) into decisions and awards, all or nothing.
 *
 * A row is one award. Its decision comes from the row's "Số quyết định" and
 * "Ngày quyết định" columns (rows sharing issuer, number and date form one
 * decision), or, for columns the file does not have or cells left empty,
 * from the defaults sent with the file (one decision for the whole list).
 * docs/commendation.md lists every header and the spellings understood.
 */
#ifndef THIDUA_AWARDS_TABLE_H
#define THIDUA_AWARDS_TABLE_H

#include "core/awards.h"
#include "io/table.h"

/* Decision fields for rows that do not carry them; any may be NULL / 0.
 * unit_id 0: the actor's unit issues. */
struct award_import_defaults {
	const char *number, *date, *signer, *signer_title, *form_code;
	int64_t unit_id;
};

/* The form a person means by `text` (its name, an alias or its code, in
 * any case and accent placement, "UBND" for "Ủy ban nhân dân", "hạng 3" for
 * "hạng Ba"); NULL when none. */
const award_form *award_form_match(const award_form *forms, size_t n, const char *text);

/* Reads a CSV or XLSX file (hint "csv", "xlsx" or NULL to sniff) and
 * records its awards; *created counts them, *bad_row names the failing row
 * (header = row 1; 0 when the refusal is not about one row). */
int awards_import_file(db *d, const actor *a, const void *data, size_t n, const char *hint,
		       const struct award_import_defaults *def, int64_t *created, int *bad_row,
		       err *e);

#endif
