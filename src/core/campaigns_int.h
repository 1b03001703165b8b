/*
 * campaigns_int.h — shared by the files of the campaigns module only
 * (campaigns.c issue and reads, campaign_recipients.c who receives,
 * campaign_progress.c progress and reminders).
 */
#ifndef THIDUA_CAMPAIGNS_INT_H
#define THIDUA_CAMPAIGNS_INT_H

#include "core/campaigns.h"

/* A sorted set of unit ids (malloc'd). */
struct idset {
	int64_t *v;
	size_t n, cap;
};
void idset_add(struct idset *s, int64_t id);
/* Sorts and removes duplicates. */
void idset_seal(struct idset *s);
bool idset_has(const struct idset *s, int64_t id);
void idset_free(struct idset *s);

/* Authorization of a selection for an issuer acting as `a`: every unit
 * named, every subtree root and every group's member lies in the actor's
 * subtree; groups are ones the actor may see. E_FORBIDDEN otherwise. */
int recipients_authorize(db *d, const actor *a, const struct recipient_sel *sel, err *e);
/* The units a selection means for `issuer`: strict descendants only,
 * inactive units named one by one refused, unknown kinds refused
 * (E_INVAL); an empty result is E_INVAL. */
int recipients_resolve(db *d, int64_t issuer, const struct recipient_sel *sel, struct idset *out,
		       err *e);

/* What the notices to new recipients say. */
struct campaign_brief {
	int64_t id;
	const char *title, *issuer_name;
	int64_t deadline_at;
	bool deadline_date_only;
};
/* Inside the action's transaction: adds the units (not yet recipients) as
 * recipients with a draft report and a notice each. */
int recipients_insert(db *d, const actor *a, const struct campaign_brief *c, const int64_t *ids,
		      size_t n, int64_t *added, err *e);

/* Officers and admins act for campaigns. */
bool campaign_role_may_issue(const actor *a);

#endif
