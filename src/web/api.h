/*
 * api.h — helpers for the JSON API handlers: typed field extraction with
 * Vietnamese messages, and JSON views of core structs.
 */
#ifndef THIDUA_API_H
#define THIDUA_API_H

#include "core/movements.h"
#include "core/units.h"
#include "core/users.h"
#include "web/http.h"

/* Field readers: 0 on success (absent optional fields leave *out as is),
 * E_INVAL with a message naming the field on a wrong type or a missing
 * required field. */
int j_str(json_t *o, const char *key, bool required, const char **out, err *e);
int j_int(json_t *o, const char *key, bool required, int64_t *out, err *e);
int j_bool(json_t *o, const char *key, int *out, err *e);

/* A query-string integer (?parent=ID); 0 when absent, -1 when malformed. */
int64_t q_int(req *r, const char *name);

json_t *unit_to_json(const unit *u);
json_t *movement_to_json(const movement *m);
json_t *user_to_json(const user *u);

/* Handlers, by area (api_*.c). */
void api_session_create(req *r, resp *w);
void api_session_delete(req *r, resp *w);
void api_me(req *r, resp *w);
void api_units_list(req *r, resp *w);
void api_units_create(req *r, resp *w);
void api_unit_get(req *r, resp *w);
void api_unit_update(req *r, resp *w);
void api_unit_kinds(req *r, resp *w);
void api_units_import(req *r, resp *w);
void api_users_list(req *r, resp *w);
void api_users_create(req *r, resp *w);
void api_user_update(req *r, resp *w);
void api_movements_list(req *r, resp *w);
void api_movements_create(req *r, resp *w);
void api_movement_get(req *r, resp *w);
void api_groups_list(req *r, resp *w);
void api_groups_create(req *r, resp *w);
void api_group_get(req *r, resp *w);
void api_group_update(req *r, resp *w);
void api_group_set_members(req *r, resp *w);
void api_outlines_list(req *r, resp *w);
void api_outlines_create(req *r, resp *w);
void api_outline_get(req *r, resp *w);
void api_outline_update(req *r, resp *w);
void api_outline_copy(req *r, resp *w);
void api_outline_tables(req *r, resp *w);
void api_outline_table_create(req *r, resp *w);
void api_outline_table_update(req *r, resp *w);

#endif
