/*
 * ui.h — server-rendered pages (Vietnamese, usable without JavaScript).
 */
#ifndef THIDUA_UI_H
#define THIDUA_UI_H

#include "html/html.h"
#include "web/http.h"

/* Opens the page: doctype, head, top bar with the user and navigation.
 * `nav` names the active menu entry ("home", "movements", "groups", "outlines",
 * "campaigns", "inbox", "awards", "users"). */
void ui_begin(req *r, resp *w, const char *title, const char *nav);
/* Closes the page and sets the response to 200 text/html. */
void ui_end(req *r, resp *w);
/* A hidden input carrying the session's CSRF token (inside every form). */
void ui_csrf(req *r, resp *w);
/* A flash message passed back through ?ok= or ?err= on a redirect. */
void ui_flash(req *r, resp *w);
/* Redirect to `path` with a message for the next page (ok or error). */
void ui_redirect_msg(req *r, resp *w, const char *path, bool ok, const char *msg);

void ui_not_found(req *r, resp *w);
void ui_error_page(req *r, resp *w, int status, const char *msg);

/* A message box inside a page (a form re-rendered after a refusal). */
void ui_flash_msg(req *r, resp *w, bool ok, const char *msg);
/* HTTP status for a page re-rendered after core answered `e` (200 if none). */
int ui_status_of(const err *e);
/* The message of `e` fit for users: internal failures are logged and
 * replaced by a generic sentence. */
const char *ui_err_text(const err *e);
/* The error page matching a core error: 404 page, 403, 422, or 500. */
void ui_core_error(req *r, resp *w, const err *e);
/* Integer form field: 0 and *out set; 1 when absent or empty (*out = 0);
 * -1 when not a number. */
int ui_form_int(req *r, const char *name, int64_t *out);
/* <select> of the active units the user sees, indented as a tree; `blank`
 * (may be NULL) labels an empty first option. */
void ui_unit_select(req *r, resp *w, const char *name, const char *id_attr, int64_t selected,
		    const char *blank);
/* The unit chosen in a form: a code typed in `code_name` (may be NULL)
 * wins over the <select> `select_name`; 0 when neither was given. */
int ui_form_unit(req *r, const char *select_name, const char *code_name, int64_t *out, err *e);

/* Pages, by area (ui_*.c). */
void ui_static(req *r, resp *w);
void ui_login_form(req *r, resp *w);
void ui_login_post(req *r, resp *w);
void ui_logout(req *r, resp *w);
void ui_home(req *r, resp *w);
void ui_unit_page(req *r, resp *w);
void ui_unit_update(req *r, resp *w);
void ui_unit_create(req *r, resp *w);
void ui_units_import_form(req *r, resp *w);
void ui_units_import_template(req *r, resp *w);
void ui_units_import(req *r, resp *w);
void ui_users(req *r, resp *w);
void ui_users_create(req *r, resp *w);
void ui_user_page(req *r, resp *w);
void ui_user_update(req *r, resp *w);
void ui_movements(req *r, resp *w);
void ui_movements_create(req *r, resp *w);
void ui_movement_page(req *r, resp *w);
void ui_groups(req *r, resp *w);
void ui_groups_create(req *r, resp *w);
void ui_group_page(req *r, resp *w);
void ui_group_update(req *r, resp *w);
void ui_group_add_members(req *r, resp *w);
void ui_group_remove_member(req *r, resp *w);
void ui_campaigns(req *r, resp *w);
void ui_campaign_new(req *r, resp *w);
void ui_campaigns_create(req *r, resp *w);
void ui_campaign_page(req *r, resp *w);
void ui_campaign_add_recipients(req *r, resp *w);
void ui_campaign_remind(req *r, resp *w);
void ui_inbox(req *r, resp *w);
void ui_notice_read(req *r, resp *w);
void ui_report_page(req *r, resp *w);
void ui_report_save(req *r, resp *w);
void ui_report_submit(req *r, resp *w);
void ui_report_request_approval(req *r, resp *w);
void ui_report_return(req *r, resp *w);
void ui_report_accept(req *r, resp *w);
void ui_report_attachment(req *r, resp *w);
void ui_report_version(req *r, resp *w);
void ui_outlines(req *r, resp *w);
void ui_outlines_import(req *r, resp *w);
void ui_outline_page(req *r, resp *w);
void ui_outline_post(req *r, resp *w);
void ui_outline_edit(req *r, resp *w);
void ui_outline_copy(req *r, resp *w);
void ui_outline_version(req *r, resp *w);
void ui_outline_table_create(req *r, resp *w);
void ui_outline_table_update(req *r, resp *w);
/* Badges for what an outline item asks: "Nội dung", "Số liệu", "Mô hình/điển hình". */
void ui_outline_asks(buf *b, unsigned asks);
void ui_decisions(req *r, resp *w);
void ui_decision_new(req *r, resp *w);
void ui_decision_create(req *r, resp *w);
void ui_decision_page(req *r, resp *w);
void ui_awards_import_form(req *r, resp *w);
void ui_awards_import_template(req *r, resp *w);
void ui_awards_import(req *r, resp *w);
void ui_awards_search(req *r, resp *w);
void ui_awards_stats(req *r, resp *w);
void ui_award_forms(req *r, resp *w);
void ui_award_forms_create(req *r, resp *w);
void ui_award_forms_update(req *r, resp *w);

#endif
