/*
 * award_rules.c — the authority table. One row per power a kind of issuer
 * holds, with the dates it holds it and the article that gives it.
 *
 * Sources (shared/domain/law-and-formats.md §1.5): Luật TĐKT 2022 Đ.80 is
 * verified against the gazette (Công báo 571–572/2022); the articles on the
 * State President, the Prime Minister and ministers/provincial chairs are
 * cited as Đ.76–78 from the notes, their numbering not yet checked. The law
 * of 2003 (amended 2013), in force before 1/1/2024, gave the same powers at
 * these levels, so its records are judged by the same rows.
 */
#include "award_rules.h"

#include <stddef.h>
#include <string.h>

/* The last day of the district level (cấp huyện): NĐ 129/2025/NĐ-CP Đ.59
 * moved its commendation powers to commune chairs from 1/7/2025. */
#define DISTRICT_END "2025-06-30"
#define TWO_TIER_START "2025-07-01"

struct rule {
	enum award_issuer who;
	const char *level; /* an authority level, or NULL when `form` is set */
	const char *form;  /* one form code, deciding before level rules */
	const char *from, *to; /* decision dates, inclusive; NULL: open */
	const char *basis;
};

static const struct rule rules[] = {
	/* central bodies: the State President (orders, medals, honour titles,
	 * prizes), the Prime Minister, ministers */
	{ISSUER_CENTRAL, "state", NULL, NULL, NULL, "Luật TĐKT 2022 Đ.76 (Chủ tịch nước)"},
	{ISSUER_CENTRAL, "government", NULL, NULL, NULL, "Luật TĐKT 2022 Đ.77 (Thủ tướng Chính phủ)"},
	{ISSUER_CENTRAL, "ministry_province", NULL, NULL, NULL,
	 "Luật TĐKT 2022 Đ.78 (Bộ trưởng, thủ trưởng cơ quan trung ương)"},
	/* provincial chairs: flag, CSTĐ, TTLĐXS and Bằng khen of the province */
	{ISSUER_PROVINCE, "ministry_province", NULL, NULL, NULL,
	 "Luật TĐKT 2022 Đ.78 (Chủ tịch Ủy ban nhân dân cấp tỉnh)"},
	/* heads of agencies under a ministry or province, heads of departments */
	{ISSUER_AGENCY, "agency", NULL, NULL, NULL, "Luật TĐKT 2022 Đ.80 khoản 1"},
	/* district chairs, until the district level ended */
	{ISSUER_DISTRICT, "district", NULL, NULL, DISTRICT_END, "Luật TĐKT 2022 Đ.80 khoản 2"},
	{ISSUER_DISTRICT, NULL, "TDPVH", NULL, DISTRICT_END, "Luật TĐKT 2022 Đ.80 khoản 2"},
	{ISSUER_DISTRICT, NULL, "TTLDTT", NULL, DISTRICT_END, "Luật TĐKT 2022 Đ.80 khoản 2"},
	{ISSUER_DISTRICT, NULL, "CSTDCS", NULL, DISTRICT_END, "Luật TĐKT 2022 Đ.80 khoản 2"},
	{ISSUER_DISTRICT, NULL, "LDTT", NULL, DISTRICT_END, "Luật TĐKT 2022 Đ.80 khoản 2"},
	/* commune chairs: LĐTT, giấy khen, Gia đình văn hóa at any date … */
	{ISSUER_COMMUNE, "commune", NULL, NULL, NULL, "Luật TĐKT 2022 Đ.80 khoản 3"},
	{ISSUER_COMMUNE, NULL, "LDTT", NULL, NULL, "Luật TĐKT 2022 Đ.80 khoản 3"},
	/* … and the district's titles from the two-tier reform on */
	{ISSUER_COMMUNE, NULL, "TDPVH", TWO_TIER_START, NULL, "Nghị định 129/2025/NĐ-CP Đ.59"},
	{ISSUER_COMMUNE, NULL, "TTLDTT", TWO_TIER_START, NULL, "Nghị định 129/2025/NĐ-CP Đ.59"},
	{ISSUER_COMMUNE, NULL, "CSTDCS", TWO_TIER_START, NULL, "Nghị định 129/2025/NĐ-CP Đ.59"},
	/* enterprise and cooperative directors */
	{ISSUER_ENTERPRISE, "enterprise", NULL, NULL, NULL, "Luật TĐKT 2022 Đ.80 khoản 4"},
	{ISSUER_ENTERPRISE, NULL, "TTLDTT", NULL, NULL, "Luật TĐKT 2022 Đ.80 khoản 4"},
	{ISSUER_ENTERPRISE, NULL, "CSTDCS", NULL, NULL, "Luật TĐKT 2022 Đ.80 khoản 4"},
	{ISSUER_ENTERPRISE, NULL, "LDTT", NULL, NULL, "Luật TĐKT 2022 Đ.80 khoản 4"},
};

static const struct {
	const char *kind;
	enum award_issuer who;
} kinds[] = {
	{"central", ISSUER_CENTRAL},       {"province", ISSUER_PROVINCE},
	{"district", ISSUER_DISTRICT},     {"commune", ISSUER_COMMUNE},
	{"ward", ISSUER_COMMUNE},          {"special_zone", ISSUER_COMMUNE},
	{"department", ISSUER_AGENCY},     {"office", ISSUER_AGENCY},
	{"party", ISSUER_AGENCY},          {"front", ISSUER_AGENCY},
	{"central_branch", ISSUER_AGENCY}, {"school", ISSUER_AGENCY},
	{"other", ISSUER_AGENCY},          {"enterprise", ISSUER_ENTERPRISE},
};

enum award_issuer award_issuer_of(const char *unit_kind)
{
	for (size_t i = 0; unit_kind && i < sizeof kinds / sizeof *kinds; i++)
		if (strcmp(kinds[i].kind, unit_kind) == 0)
			return kinds[i].who;
	return ISSUER_NONE;
}

const char *award_issuer_label(enum award_issuer who)
{
	switch (who) {
	case ISSUER_CENTRAL: return "cơ quan trung ương";
	case ISSUER_PROVINCE: return "Chủ tịch Ủy ban nhân dân cấp tỉnh";
	case ISSUER_DISTRICT: return "Chủ tịch Ủy ban nhân dân cấp huyện";
	case ISSUER_COMMUNE: return "Chủ tịch Ủy ban nhân dân cấp xã";
	case ISSUER_AGENCY: return "thủ trưởng cơ quan, đơn vị";
	case ISSUER_ENTERPRISE: return "giám đốc doanh nghiệp, hợp tác xã";
	default: return "đơn vị này";
	}
}

static const char *const levels[][2] = {
	{"state", "Chủ tịch nước"},
	{"government", "Thủ tướng Chính phủ"},
	{"ministry_province", "Bộ trưởng, Chủ tịch UBND cấp tỉnh"},
	{"district", "Chủ tịch UBND cấp huyện"},
	{"commune", "Chủ tịch UBND cấp xã"},
	{"agency", "Thủ trưởng cơ quan, đơn vị"},
	{"enterprise", "Giám đốc doanh nghiệp, hợp tác xã"},
};

const char *award_authority_label(const char *level)
{
	for (size_t i = 0; level && i < sizeof levels / sizeof *levels; i++)
		if (strcmp(levels[i][0], level) == 0)
			return levels[i][1];
	return level ? level : "";
}

bool award_authority_valid(const char *level)
{
	for (size_t i = 0; level && i < sizeof levels / sizeof *levels; i++)
		if (strcmp(levels[i][0], level) == 0)
			return true;
	return false;
}

/* Dates are YYYY-MM-DD, so text order is date order. */
static bool in_window(const struct rule *r, const char *date)
{
	return (!r->from || strcmp(date, r->from) >= 0) && (!r->to || strcmp(date, r->to) <= 0);
}

/* Looks through the rules of `who` that match by form (by_form) or by level;
 * true when one covers the date. *seen tells whether any matched at all. */
static bool scan(enum award_issuer who, const char *form, const char *level, const char *date,
		 bool by_form, bool *seen, const char **basis)
{
	for (size_t i = 0; i < sizeof rules / sizeof *rules; i++) {
		const struct rule *r = &rules[i];
		if (r->who != who)
			continue;
		if (by_form ? !(r->form && form && strcmp(r->form, form) == 0)
			    : !(r->level && level && strcmp(r->level, level) == 0))
			continue;
		*seen = true;
		if (basis)
			*basis = r->basis;
		if (in_window(r, date))
			return true;
	}
	return false;
}

bool award_rule_allows(const char *unit_kind, const char *form_code, const char *level,
		       const char *date, const char **basis)
{
	enum award_issuer who = award_issuer_of(unit_kind);
	bool seen = false;
	if (basis)
		*basis = NULL;
	if (who == ISSUER_NONE || !date)
		return false;
	if (scan(who, form_code, level, date, true, &seen, basis))
		return true;
	if (seen) /* the form's own rule speaks for it, and not for this date */
		return false;
	return scan(who, form_code, level, date, false, &seen, basis);
}
