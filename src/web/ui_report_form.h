/*
 * ui_report_form.h — the report form generated from the outline, shared by
 * the report pages (ui_reports.c): rendering it to fill in or to read, and
 * turning a posted form back into content.
 *
 * Field names: "t.ITEM" narrative, "f.ITEM.ROW.COL" a figure cell,
 * "m.ITEM.K.FIELD" model K of an item (FIELD name, kind, address, phone,
 * jobs, households, members, summary). Keys are [a-z0-9_], so the dots
 * separate them unambiguously.
 */
#ifndef THIDUA_UI_REPORT_FORM_H
#define THIDUA_UI_REPORT_FORM_H

#include "core/reports.h"
#include "web/ui.h"

/* What the form shows, by field name: from stored content, or from a
 * posted form that was refused (what the user typed, kept as typed). */
struct form_values {
	const char **names, **values; /* sorted by name */
	size_t n;
};

void form_values_from_content(arena *ar, const struct report_content *c, struct form_values *out);
void form_values_from_request(req *r, struct form_values *out);
const char *form_value(const struct form_values *v, const char *name);

/* The items of the outline as a form (editable) or as a document. */
void report_form_render(buf *b, arena *ar, const stored_outline *o, const struct form_values *v,
			bool editable);
/* The posted form as content (strings from the request); E_INVAL naming
 * the field for a figure that is not a number or a count that is not a
 * whole number. Unknown fields are ignored; report_content_check() judges
 * the rest. */
int report_form_parse(req *r, const report_schema *s, struct report_content *out, err *e);

#endif
