/* test_deadline.c — deadlines in Vietnam's time (UTC+7): dates mean the end
 * of the day, date-times are local unless they carry an offset; bad input
 * is refused with a message; the late rule and days left. */
#include "testutil.h"

#include "core/deadline.h"

/* 2023-11-20 00:00:00 UTC */
#define NOV20_UTC 1700438400LL
#define H 3600LL

static int64_t parse_ok(const char *s, bool *date_only)
{
	int64_t at = 0;
	bool d = false;
	err e = {0};
	if (deadline_parse(s, &at, &d, &e) != 0)
		fail_msg("'%s' refused: %s", s, e.msg);
	if (date_only)
		*date_only = d;
	return at;
}

static void a_date_is_the_end_of_that_day_in_vietnam(void **state)
{
	bool d = false;
	/* 20/11 23:59:59 at UTC+7 is 16:59:59 UTC */
	assert_int_equal(parse_ok("2023-11-20", &d), NOV20_UTC + 17 * H - 1);
	assert_true(d);
	assert_int_equal(parse_ok(" 2023-11-20 ", NULL), NOV20_UTC + 17 * H - 1);
	assert_int_equal(parse_ok("2024-02-29", NULL), 1709226000LL - 1);
}

static void date_times_are_local_unless_an_offset_is_given(void **state)
{
	bool d = true;
	assert_int_equal(parse_ok("2023-11-20T17:00", &d), NOV20_UTC + 10 * H);
	assert_false(d);
	assert_int_equal(parse_ok("2023-11-20 17:00:30", NULL), NOV20_UTC + 10 * H + 30);
	assert_int_equal(parse_ok("2023-11-20T17:00:00+07:00", NULL), NOV20_UTC + 10 * H);
	assert_int_equal(parse_ok("2023-11-20T10:00:00Z", NULL), NOV20_UTC + 10 * H);
	assert_int_equal(parse_ok("2023-11-20T10:00:00.000Z", NULL), NOV20_UTC + 10 * H);
	assert_int_equal(parse_ok("2023-11-20T12:00:00+0200", NULL), NOV20_UTC + 10 * H);
	assert_int_equal(parse_ok("2023-11-20T05:30-04:30", NULL), NOV20_UTC + 10 * H);
	/* midnight local is the evening before in UTC */
	assert_int_equal(parse_ok("2023-11-20T00:00", NULL), NOV20_UTC - 7 * H);
}

static void bad_inputs_are_refused_with_a_message(void **state)
{
	static const char *const bad[] = {
		"", "   ", "20/11/2023", "2023-11-31", "2023-02-29", "2023-13-01", "2023-00-10",
		"1899-12-31", "2201-01-01", "2023-11-20T24:00", "2023-11-20T17:60",
		"2023-11-20T17:00:61", "2023-11-20T17", "2023-11-20T7:00", "2023-11-20X17:00",
		"2023-11-20T17:00+25:00", "2023-11-20T17:00+07:99", "2023-11-20T17:00 GMT",
		"2023-11-20T17:00:00.", "2023-11-2", "２０２３-11-20", "2023-11-20\n",
		"2023-11-20T17:00:00.1234567890", "-2023-11-20", "2023-11-20T17:00:00+07:00Z",
		"2200-12-31T23:59:59-14:00", /* a local day of 2201 */
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		int64_t at = 42;
		bool d;
		err e = {0};
		if (deadline_parse(bad[i], &at, &d, &e) != E_INVAL)
			fail_msg("'%s' accepted", bad[i]);
		assert_non_null(strstr(e.msg, "Hạn nộp"));
	}
	err e = {0};
	int64_t at;
	bool d;
	assert_int_equal(deadline_parse(NULL, &at, &d, &e), E_INVAL);
}

static void times_read_in_local_time(void **state)
{
	char s[32];
	int64_t t = NOV20_UTC + 10 * H; /* 17:00 local */
	local_iso(t, s);
	assert_string_equal(s, "2023-11-20T17:00:00+07:00");
	local_iso(NOV20_UTC + 17 * H - 1, s);
	assert_string_equal(s, "2023-11-20T23:59:59+07:00");
	local_date_vn(NOV20_UTC + 17 * H, s); /* 00:00 local on the 21st */
	assert_string_equal(s, "21/11/2023");
	local_time_vn(t, s);
	assert_string_equal(s, "17:00 20/11/2023");
	local_time_vn(t + 5, s);
	assert_string_equal(s, "17:00:05 20/11/2023");
	local_stamp_vn(t, s);
	assert_string_equal(s, "17:00:00 20/11/2023");
	deadline_text(NOV20_UTC + 17 * H - 1, true, s);
	assert_string_equal(s, "20/11/2023");
	deadline_text(t, false, s);
	assert_string_equal(s, "17:00 20/11/2023");
	int y, m, dd;
	local_date_of(-1, &y, &m, &dd); /* before 1970 in UTC, still 1 Jan in Vietnam */
	assert_int_equal(y * 10000 + m * 100 + dd, 19700101);
	assert_int_equal(local_midnight(1970, 1, 1), -7 * H);
}

static void the_late_rule_and_days_left(void **state)
{
	int64_t deadline = parse_ok("2023-11-20", NULL);
	assert_false(deadline_is_late(deadline, deadline));
	assert_true(deadline_is_late(deadline, deadline + 1));
	assert_false(deadline_is_late(deadline, deadline - 86400 * 30));
	/* days are counted between local dates */
	assert_int_equal(deadline_days_left(deadline, deadline), 0);
	assert_int_equal(deadline_days_left(deadline, NOV20_UTC - 7 * H), 0);     /* 00:00 the same day */
	assert_int_equal(deadline_days_left(deadline, NOV20_UTC - 7 * H - 1), 1); /* 23:59:59 the day before */
	assert_int_equal(deadline_days_left(deadline, deadline + 1), -1);
	assert_int_equal(deadline_days_left(deadline, deadline - 3 * 86400), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_date_is_the_end_of_that_day_in_vietnam),
		cmocka_unit_test(date_times_are_local_unless_an_offset_is_given),
		cmocka_unit_test(bad_inputs_are_refused_with_a_message),
		cmocka_unit_test(times_read_in_local_time),
		cmocka_unit_test(the_late_rule_and_days_left),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
