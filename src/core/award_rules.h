/*
 * award_rules.h — who may grant which award form, and when: the authority
 * rules of the Law on Emulation and Commendation 2022 (Luật TĐKT 06/2022/QH15,
 * Chương IV) with the change of 1 July 2025, when the district level ended and
 * its powers passed to commune chairs (NĐ 129/2025/NĐ-CP Đ.59).
 *
 * Every rule carries the dates it applies to, so decisions recorded from
 * older years (district chairs' giấy khen, a commune before 7/2025) are
 * judged by the rule of their own date. Pure functions: no storage.
 */
#ifndef THIDUA_AWARD_RULES_H
#define THIDUA_AWARD_RULES_H

#include <stdbool.h>

/* The kind of authority an issuing unit holds, from its unit kind. */
enum award_issuer {
	ISSUER_NONE,       /* hamlets and the like grant nothing */
	ISSUER_CENTRAL,    /* State President, Prime Minister, ministers */
	ISSUER_PROVINCE,   /* Chủ tịch UBND cấp tỉnh */
	ISSUER_DISTRICT,   /* Chủ tịch UBND cấp huyện (until 30/6/2025) */
	ISSUER_COMMUNE,    /* Chủ tịch UBND cấp xã, phường, đặc khu */
	ISSUER_AGENCY,     /* thủ trưởng cơ quan, đơn vị (sở, trường, hội …) */
	ISSUER_ENTERPRISE, /* giám đốc doanh nghiệp, hợp tác xã */
};

enum award_issuer award_issuer_of(const char *unit_kind);
/* "Chủ tịch Ủy ban nhân dân cấp xã", … for messages. */
const char *award_issuer_label(enum award_issuer who);

/* Vietnamese name of an authority level ("Thủ tướng Chính phủ", …); the
 * code itself when unknown. */
const char *award_authority_label(const char *level);
/* True for the seven level codes of award_forms.authority_level. */
bool award_authority_valid(const char *level);

/*
 * May a unit of kind `unit_kind` grant form `form_code` (whose catalogue
 * authority level is `level`) by a decision dated `date` (YYYY-MM-DD)?
 * A rule written for the form itself decides before the rules by level.
 * *basis (may be NULL) receives the legal basis of the rule that allowed it,
 * or, when refused, of the rule that would have applied on another date (or
 * NULL when no rule ever allowed it).
 */
bool award_rule_allows(const char *unit_kind, const char *form_code, const char *level,
		       const char *date, const char **basis);

#endif
