/*
 * ui.h — server-rendered pages (Vietnamese, usable without JavaScript).
 */
#ifndef THIDUA_UI_H
#define THIDUA_UI_H

#include "html/html.h"
#include "web/http.h"

/* Opens the page: doctype, head, top bar with the user and navigation.
 * `nav` names the active menu entry ("home", "units", "users", "movements"). */
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

/* Pages, by area (ui_*.c). */
void ui_static(req *r, resp *w);
void ui_login_form(req *r, resp *w);
void ui_login_post(req *r, resp *w);
void ui_logout(req *r, resp *w);
void ui_home(req *r, resp *w);
void ui_unit_page(req *r, resp *w);
void ui_unit_update(req *r, resp *w);
void ui_unit_create(req *r, resp *w);

#endif
