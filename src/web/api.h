/*
 * api.h — helpers for the JSON API handlers: typed field extraction with
 * Vietnamese messages, and JSON views of core structs.
 */
#ifndef THIDUA_API_H
#define THIDUA_API_H

#include "core/award_counts.h"
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
/* A time as ISO 8601 in Vietnam's offset ("…T17:00:00+07:00"); null for 0. */
json_t *json_time(int64_t t);

json_t *unit_to_json(const unit *u);
json_t *movement_to_json(const movement *m);
json_t *user_to_json(const user *u);

/* The statistics question of a request's query string (by, from, to, unit,
 * movement, period, form, recipient_type); E_PARSE on a malformed one. */
int award_stats_from_query(req *r, struct award_stats_query *q, err *e);
/* One key's cell of a statistics row, as people read it. */
const char *award_stat_cell(arena *ar, const struct award_stats_query *q,
			    const struct award_stat_row *s, enum award_key k);

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
void api_outline_versions(req *r, resp *w);
void api_outline_version_get(req *r, resp *w);
void api_outline_tables(req *r, resp *w);
void api_outline_table_create(req *r, resp *w);
void api_outline_table_update(req *r, resp *w);
void api_award_forms_list(req *r, resp *w);
void api_award_forms_create(req *r, resp *w);
void api_award_forms_update(req *r, resp *w);
void api_decisions_list(req *r, resp *w);
void api_decisions_create(req *r, resp *w);
void api_decision_get(req *r, resp *w);
void api_awards_import(req *r, resp *w);
void api_awards_search(req *r, resp *w);
void api_awards_stats(req *r, resp *w);
void api_awards_stats_xlsx(req *r, resp *w);
void api_campaigns_list(req *r, resp *w);
void api_campaigns_create(req *r, resp *w);
void api_campaign_get(req *r, resp *w);
void api_campaign_progress(req *r, resp *w);
void api_campaign_children(req *r, resp *w);
void api_campaign_add_recipients(req *r, resp *w);
void api_campaign_remind(req *r, resp *w);
void api_notices_list(req *r, resp *w);
void api_notice_read(req *r, resp *w);
void api_reports_list(req *r, resp *w);
void api_report_get(req *r, resp *w);
void api_report_update(req *r, resp *w);
void api_report_submit(req *r, resp *w);
void api_report_request_approval(req *r, resp *w);
void api_report_return(req *r, resp *w);
void api_report_accept(req *r, resp *w);
void api_report_history(req *r, resp *w);
void api_report_version(req *r, resp *w);
void api_report_attachments(req *r, resp *w);
void api_report_attach(req *r, resp *w);
void api_report_attachment_get(req *r, resp *w);
void api_report_detach(req *r, resp *w);

#endif
