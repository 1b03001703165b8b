/*
 * test_award_rules.c — the authority table, one case per power, each named
 * after the article that grants or withholds it.
 */
#include "testutil.h"

#include "core/award_rules.h"

static bool may(const char *kind, const char *form, const char *level, const char *date)
{
	return award_rule_allows(kind, form, level, date, NULL);
}

/* Luật TĐKT 2022 Đ.76–77: the State President and the Prime Minister are
 * central; nobody below grants their forms. */
static void state_and_government_forms_are_central(void **state)
{
	assert_true(may("central", "HCLD3", "state", "2024-05-01"));
	assert_true(may("central", "BKTTG", "government", "2024-05-01"));
	assert_false(may("province", "BKTTG", "government", "2024-05-01"));
	assert_false(may("commune", "BKTTG", "government", "2025-09-01"));
	assert_false(may("department", "HCLD3", "state", "2024-05-01"));
}

/* Đ.78: provincial chairs grant the province's Bằng khen, flag and CSTĐ. */
static void provincial_chairs_grant_provincial_forms(void **state)
{
	const char *basis = NULL;
	assert_true(award_rule_allows("province", "BKUBT", "ministry_province", "2023-12-01", &basis));
	assert_non_null(strstr(basis, "Đ.78"));
	assert_true(may("province", "CTDT", "ministry_province", "2015-12-01"));
	assert_false(may("commune", "BKUBT", "ministry_province", "2025-08-01"));
	/* the province's chair does not sign a department head's giấy khen */
	assert_false(may("province", "GK", "agency", "2024-01-10"));
}

/* Đ.80 khoản 1: heads of departments and agencies grant TTLĐTT, CSTĐCS,
 * LĐTT and giấy khen. */
static void agencies_grant_base_titles(void **state)
{
	assert_true(may("department", "CSTDCS", "agency", "2024-12-20"));
	assert_true(may("school", "LDTT", "agency", "2012-06-01"));
	assert_true(may("front", "GK", "agency", "2025-10-01"));
	assert_false(may("department", "BKUBT", "ministry_province", "2024-12-20"));
	assert_false(may("hamlet", "LDTT", "agency", "2024-12-20"));
}

/* Đ.80 khoản 2: district chairs, only until 30/6/2025 (NĐ 129/2025 Đ.59). */
static void district_powers_end_with_june_2025(void **state)
{
	const char *basis = NULL;
	assert_true(may("district", "GKUBH", "district", "2025-06-30"));
	assert_true(may("district", "TDPVH", "commune", "2019-11-15"));
	assert_true(may("district", "CSTDCS", "agency", "2020-12-01"));
	assert_false(award_rule_allows("district", "GKUBH", "district", "2025-07-01", &basis));
	assert_non_null(basis); /* refused by date: the rule that once applied is named */
	assert_non_null(strstr(basis, "Đ.80 khoản 2"));
	assert_false(may("district", "TDPVH", "commune", "2025-07-01"));
	assert_false(may("district", "GDVH", "commune", "2020-01-01"));
}

/* Đ.80 khoản 3 before 7/2025: commune chairs grant LĐTT, giấy khen and Gia
 * đình văn hóa; NĐ 129/2025 Đ.59 adds thôn văn hóa, TTLĐTT, CSTĐCS. */
static void commune_powers_grow_on_1_july_2025(void **state)
{
	const char *basis = NULL;
	assert_true(may("commune", "GKUBX", "commune", "2016-03-01"));
	assert_true(may("ward", "GDVH", "commune", "2018-12-01"));
	assert_true(may("commune", "LDTT", "agency", "2014-12-01"));
	assert_false(may("commune", "CSTDCS", "agency", "2025-06-30"));
	assert_false(may("commune", "TDPVH", "commune", "2024-12-01"));
	assert_true(award_rule_allows("commune", "CSTDCS", "agency", "2025-07-01", &basis));
	assert_non_null(strstr(basis, "129/2025"));
	assert_true(may("special_zone", "TDPVH", "commune", "2025-12-01"));
	assert_true(may("commune", "TTLDTT", "agency", "2025-12-01"));
	/* an agency's giấy khen is not the commune chair's form */
	assert_false(may("commune", "GK", "agency", "2025-12-01"));
}

/* Đ.80 khoản 4: enterprise directors. */
static void enterprises_grant_their_own_forms(void **state)
{
	assert_true(may("enterprise", "GKDN", "enterprise", "2021-01-05"));
	assert_true(may("enterprise", "CSTDCS", "agency", "2021-01-05"));
	assert_false(may("enterprise", "GK", "agency", "2021-01-05"));
	assert_false(may("commune", "GKDN", "enterprise", "2021-01-05"));
}

/* A form an administrator adds is judged by its level. */
static void added_forms_follow_their_level(void **state)
{
	assert_true(may("province", "BKMTTQT", "ministry_province", "2025-01-01"));
	assert_true(may("commune", "GKHND", "commune", "2025-01-01"));
	assert_false(may("commune", "X", "nonsense", "2025-01-01"));
	assert_false(may("commune", "GKUBX", "commune", NULL));
}

static void labels(void **state)
{
	assert_string_equal(award_authority_label("government"), "Thủ tướng Chính phủ");
	assert_true(award_authority_valid("enterprise"));
	assert_false(award_authority_valid("king"));
	assert_int_equal(award_issuer_of("ward"), ISSUER_COMMUNE);
	assert_int_equal(award_issuer_of("hamlet"), ISSUER_NONE);
	assert_string_equal(award_issuer_label(ISSUER_COMMUNE), "Chủ tịch Ủy ban nhân dân cấp xã");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(state_and_government_forms_are_central),
		cmocka_unit_test(provincial_chairs_grant_provincial_forms),
		cmocka_unit_test(agencies_grant_base_titles),
		cmocka_unit_test(district_powers_end_with_june_2025),
		cmocka_unit_test(commune_powers_grow_on_1_july_2025),
		cmocka_unit_test(enterprises_grant_their_own_forms),
		cmocka_unit_test(added_forms_follow_their_level),
		cmocka_unit_test(labels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
