/* test_text.c — UTF-8 validation, NFC and the Vietnamese search key. */
#include "testutil.h"

#include "text/text.h"

static void check_key(const char *in, const char *want)
{
	char *k = text_search_key(in);
	assert_string_equal(k, want);
	free(k);
}

static void search_key_folds_accents_case_and_d(void **state)
{
	check_key("Quảng Ngãi", "quang ngai");
	check_key("ĐẮK LẮK", "dak lak");
	check_key("Đắk Lắk", "dak lak");
	check_key("  Người   nghèo \t", "nguoi ngheo");
	check_key("Thủy", "thuy");
	check_key("Thuỷ", "thuy"); /* accent on the other vowel folds the same */
	check_key("", "");
}

static void search_key_of_decomposed_input_matches_composed(void **state)
{
	/* "Việt" written as V i e U+0323 U+0302 t (NFD) */
	check_key("Vie\xcc\xa3\xcc\x82t", "viet");
}

static void search_key_of_invalid_utf8_is_empty(void **state)
{
	check_key("abc\xff", "");
	check_key("\xc3", "");
}

static void valid_utf8_rejects_overlong_and_nul(void **state)
{
	assert_true(text_valid_utf8("Hà Nội", strlen("Hà Nội")));
	assert_false(text_valid_utf8("\xc0\xaf", 2));         /* overlong '/' */
	assert_false(text_valid_utf8("a\0b", 3));             /* embedded NUL */
	assert_false(text_valid_utf8("\xed\xa0\x80", 3));     /* surrogate */
}

static void nfc_composes(void **state)
{
	char *s = text_nfc("e\xcc\x82\xcc\x81", 5); /* e + circumflex + acute */
	assert_string_equal(s, "ế");
	free(s);
	assert_null(text_nfc("\xff", 1));
}

static void clean_line_trims_and_drops_controls(void **state)
{
	char *s = text_clean_line("  Sở\tNội vụ\r\n", strlen("  Sở\tNội vụ\r\n"));
	assert_string_equal(s, "Sở Nội vụ");
	free(s);
	s = text_clean_line("\xc2\xa0Xã An Phú\xc2\xa0", strlen("\xc2\xa0Xã An Phú\xc2\xa0"));
	assert_string_equal(s, "Xã An Phú");
	free(s);
	/* no-break and ordinary spaces mixed at both ends */
	s = text_trim("\xc2\xa0 \xc2\xa0Huế \xc2\xa0\t", strlen("\xc2\xa0 \xc2\xa0Huế \xc2\xa0\t"));
	assert_string_equal(s, "Huế");
	free(s);
}

static void length_counts_code_points(void **state)
{
	assert_int_equal(text_length("Đắk"), 3);
	assert_int_equal(text_length(""), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(search_key_folds_accents_case_and_d),
		cmocka_unit_test(search_key_of_decomposed_input_matches_composed),
		cmocka_unit_test(search_key_of_invalid_utf8_is_empty),
		cmocka_unit_test(valid_utf8_rejects_overlong_and_nul),
		cmocka_unit_test(nfc_composes),
		cmocka_unit_test(clean_line_trims_and_drops_controls),
		cmocka_unit_test(length_counts_code_points),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
