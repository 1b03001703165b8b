/*
 * ui_awards.h — what the commendation pages (ui_awards.c, ui_award_stats.c)
 * share: the sub-navigation and the selects of forms and movements.
 */
#ifndef THIDUA_UI_AWARDS_H
#define THIDUA_UI_AWARDS_H

#include "core/awards.h"
#include "web/ui.h"

/* Officers and admins record decisions and import lists. */
bool ui_awards_may_record(const req *r);
/* The tabs of the commendation area; `active` is the current tab's path. */
void ui_awards_tabs(req *r, resp *w, const char *active);
/* <select> of the catalogue grouped by who decides; `blank` (may be NULL) labels
 * an empty first option. */
void ui_form_select(req *r, resp *w, const char *name, const char *id_attr, const char *selected,
		    const char *blank);
/* <select> of the movements the user sees, with an empty first option. */
void ui_movement_select(req *r, resp *w, const char *name, const char *id_attr, int64_t selected,
			const char *blank);

#endif
