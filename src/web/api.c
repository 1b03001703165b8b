/*
 * api.c — the API route table and the helpers its handlers share.
 */
#include "web/api.h"

#include <stdlib.h>
#include <string.h>

const struct route api_routes[] = {
	{"POST", "/api/v1/session", api_session_create, ROUTE_API | ROUTE_PUBLIC},
	{"DELETE", "/api/v1/session", api_session_delete, ROUTE_API},
	{"GET", "/api/v1/me", api_me, ROUTE_API},
	{"GET", "/api/v1/units", api_units_list, ROUTE_API},
	{"POST", "/api/v1/units", api_units_create, ROUTE_API},
	{"POST", "/api/v1/units/import", api_units_import, ROUTE_API},
	{"GET", "/api/v1/units/{id}", api_unit_get, ROUTE_API},
	{"PATCH", "/api/v1/units/{id}", api_unit_update, ROUTE_API},
	{"GET", "/api/v1/unit-kinds", api_unit_kinds, ROUTE_API},
	{"GET", "/api/v1/users", api_users_list, ROUTE_API},
	{"POST", "/api/v1/users", api_users_create, ROUTE_API},
	{"PATCH", "/api/v1/users/{id}", api_user_update, ROUTE_API},
	{"GET", "/api/v1/movements", api_movements_list, ROUTE_API},
	{"POST", "/api/v1/movements", api_movements_create, ROUTE_API},
	{"GET", "/api/v1/movements/{id}", api_movement_get, ROUTE_API},
	{"GET", "/api/v1/groups", api_groups_list, ROUTE_API},
	{"POST", "/api/v1/groups", api_groups_create, ROUTE_API},
	{"GET", "/api/v1/groups/{id}", api_group_get, ROUTE_API},
	{"PATCH", "/api/v1/groups/{id}", api_group_update, ROUTE_API},
	{"PUT", "/api/v1/groups/{id}/members", api_group_set_members, ROUTE_API},
	{"GET", "/api/v1/outlines", api_outlines_list, ROUTE_API},
	{"POST", "/api/v1/outlines", api_outlines_create, ROUTE_API},
	{"GET", "/api/v1/outlines/{id}", api_outline_get, ROUTE_API},
	{"PUT", "/api/v1/outlines/{id}", api_outline_update, ROUTE_API},
	{"POST", "/api/v1/outlines/{id}/copy", api_outline_copy, ROUTE_API},
	{"GET", "/api/v1/outlines/{id}/versions", api_outline_versions, ROUTE_API},
	{"GET", "/api/v1/outlines/{id}/versions/{id}", api_outline_version_get, ROUTE_API},
	{"GET", "/api/v1/outlines/{id}/tables", api_outline_tables, ROUTE_API},
	{"POST", "/api/v1/outlines/{id}/tables", api_outline_table_create, ROUTE_API},
	{"PUT", "/api/v1/outlines/{id}/tables/{id}", api_outline_table_update, ROUTE_API},
	{"GET", "/api/v1/award-forms", api_award_forms_list, ROUTE_API},
	{"POST", "/api/v1/award-forms", api_award_forms_create, ROUTE_API},
	{"PATCH", "/api/v1/award-forms", api_award_forms_update, ROUTE_API},
	{"GET", "/api/v1/decisions", api_decisions_list, ROUTE_API},
	{"POST", "/api/v1/decisions", api_decisions_create, ROUTE_API},
	{"GET", "/api/v1/decisions/{id}", api_decision_get, ROUTE_API},
	{"POST", "/api/v1/awards/import", api_awards_import, ROUTE_API},
	{"GET", "/api/v1/awards", api_awards_search, ROUTE_API},
	{"GET", "/api/v1/awards/stats", api_awards_stats, ROUTE_API},
	{"GET", "/api/v1/awards/stats.xlsx", api_awards_stats_xlsx, ROUTE_API},
	{"GET", "/api/v1/campaigns", api_campaigns_list, ROUTE_API},
	{"POST", "/api/v1/campaigns", api_campaigns_create, ROUTE_API},
	{"GET", "/api/v1/campaigns/{id}", api_campaign_get, ROUTE_API},
	{"GET", "/api/v1/campaigns/{id}/progress", api_campaign_progress, ROUTE_API},
	{"GET", "/api/v1/campaigns/{id}/children", api_campaign_children, ROUTE_API},
	{"POST", "/api/v1/campaigns/{id}/recipients", api_campaign_add_recipients, ROUTE_API},
	{"POST", "/api/v1/campaigns/{id}/remind", api_campaign_remind, ROUTE_API},
	{"GET", "/api/v1/notices", api_notices_list, ROUTE_API},
	{"POST", "/api/v1/notices/read", api_notice_read, ROUTE_API},
	{"POST", "/api/v1/notices/{id}/read", api_notice_read, ROUTE_API},
	{"GET", "/api/v1/reports", api_reports_list, ROUTE_API},
	{"GET", "/api/v1/reports/{id}", api_report_get, ROUTE_API},
	{"PUT", "/api/v1/reports/{id}", api_report_update, ROUTE_API},
	{"POST", "/api/v1/reports/{id}/submit", api_report_submit, ROUTE_API},
	{"POST", "/api/v1/reports/{id}/request-approval", api_report_request_approval, ROUTE_API},
	{"POST", "/api/v1/reports/{id}/return", api_report_return, ROUTE_API},
	{"POST", "/api/v1/reports/{id}/accept", api_report_accept, ROUTE_API},
	{"GET", "/api/v1/reports/{id}/history", api_report_history, ROUTE_API},
	{"GET", "/api/v1/reports/{id}/versions/{id}", api_report_version, ROUTE_API},
	{"GET", "/api/v1/reports/{id}/attachments", api_report_attachments, ROUTE_API},
	{"POST", "/api/v1/reports/{id}/attachments", api_report_attach, ROUTE_API},
	{"GET", "/api/v1/reports/{id}/attachments/{id}", api_report_attachment_get, ROUTE_API},
	{"DELETE", "/api/v1/reports/{id}/attachments/{id}", api_report_detach, ROUTE_API},
	{NULL, NULL, NULL, 0},
};

int j_str(json_t *o, const char *key, bool required, const char **out, err *e)
{
	json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v))
		return required ? err_set(e, E_INVAL, "Thiếu trường \"%s\"", key) : 0;
	if (!json_is_string(v))
		return err_set(e, E_INVAL, "Trường \"%s\" phải là chuỗi", key);
	*out = json_string_value(v);
	return 0;
}

int j_int(json_t *o, const char *key, bool required, int64_t *out, err *e)
{
	json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v))
		return required ? err_set(e, E_INVAL, "Thiếu trường \"%s\"", key) : 0;
	if (!json_is_integer(v))
		return err_set(e, E_INVAL, "Trường \"%s\" phải là số nguyên", key);
	*out = json_integer_value(v);
	return 0;
}

int j_bool(json_t *o, const char *key, int *out, err *e)
{
	json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_boolean(v))
		return err_set(e, E_INVAL, "Trường \"%s\" phải là true hoặc false", key);
	*out = json_is_true(v);
	return 0;
}

int64_t q_int(req *r, const char *name)
{
	const char *s = req_query(r, name);
	int64_t v;
	if (!s || !*s)
		return 0;
	return parse_i64(s, &v) == 0 && v >= 0 ? v : -1;
}

json_t *unit_to_json(const unit *u)
{
	json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:b}", "id", (json_int_t)u->id, "code", u->code,
			      "name", u->name, "kind", u->kind, "active", u->active);
	json_object_set_new(o, "parent_id", u->parent_id ? json_integer(u->parent_id) : json_null());
	json_object_set_new(o, "valid_from", u->valid_from ? json_string(u->valid_from) : json_null());
	json_object_set_new(o, "valid_to", u->valid_to ? json_string(u->valid_to) : json_null());
	return o;
}

json_t *movement_to_json(const movement *m)
{
	json_t *o = json_pack("{s:I, s:s, s:I, s:s, s:i, s:i, s:s, s:s}", "id", (json_int_t)m->id,
			      "title", m->title, "unit_id", (json_int_t)m->unit_id, "unit_name",
			      m->unit_name, "start_year", m->start_year, "end_year", m->end_year, "kind",
			      m->kind, "description", m->description);
	json_object_set_new(o, "parent_id", m->parent_id ? json_integer(m->parent_id) : json_null());
	return o;
}

json_t *user_to_json(const user *u)
{
	return json_pack("{s:I, s:s, s:s, s:I, s:s, s:s, s:b}", "id", (json_int_t)u->id, "login",
			 u->login, "full_name", u->full_name, "unit_id", (json_int_t)u->unit_id,
			 "unit_name", u->unit_name, "role", role_name(u->role), "active", u->active);
}
