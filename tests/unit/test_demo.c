/*
 * test_demo.c — the sample work `make run` shows (demo_sample_load): it
 * loads on top of the demo data through the core rules on both engines,
 * leaves reports in every state and decisions on record, and a second load
 * changes nothing.
 */
#include "testutil.h"

#include "core/demo.h"

static db *d;

static int64_t count(const char *sql)
{
	int64_t n = -1;
	err e = {0};
	assert_int_equal(db_get_i64(d, &n, &e, sql, NULL), 0);
	return n;
}

static void sample_has_every_state_and_loads_once(void **state)
{
	(void)state;
	d = test_db_open();
	err e = {0};
	assert_int_equal(demo_load(d, &e), 0);
	assert_int_equal(demo_sample_load(d, &e), 0);
	assert_int_equal(count("SELECT COUNT(*) FROM campaigns"), 2);
	assert_int_equal(count("SELECT COUNT(*) FROM outlines"), 1);
	const char *states[] = {"draft", "submitted", "returned", "accepted"};
	for (size_t i = 0; i < sizeof states / sizeof *states; i++) {
		char sql[128];
		snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM reports WHERE state = '%s'", states[i]);
		if (count(sql) < 1)
			fail_msg("no %s report in the sample", states[i]);
	}
	/* the older campaign's deadline is past: what came in, came in late */
	assert_true(count("SELECT COUNT(*) FROM reports r JOIN campaigns c ON c.id = r.campaign_id"
			  " WHERE c.deadline_at < r.first_submitted_at AND r.late = 1") >= 1);
	assert_int_equal(count("SELECT COUNT(*) FROM reports r JOIN campaigns c ON c.id = r.campaign_id"
			       " WHERE c.deadline_at >= r.first_submitted_at AND r.late = 1"),
			 0);
	/* Cẩm Thành's demo users find a draft to carry on */
	assert_int_equal(count("SELECT COUNT(*) FROM reports r JOIN units u ON u.id = r.unit_id"
			       " WHERE u.code = 'QNG-X-21025' AND r.state = 'draft' AND r.version > 1"),
			 1);
	assert_true(count("SELECT COUNT(*) FROM report_texts") > 100);
	assert_true(count("SELECT COUNT(*) FROM report_values") > 10);
	assert_int_equal(count("SELECT COUNT(*) FROM decisions"), 3);
	assert_int_equal(count("SELECT COUNT(*) FROM awards"), 10);
	int64_t audit = count("SELECT COUNT(*) FROM audit");
	assert_true(audit > 100);

	assert_int_equal(demo_sample_load(d, &e), 0);
	assert_int_equal(count("SELECT COUNT(*) FROM campaigns"), 2);
	assert_int_equal(count("SELECT COUNT(*) FROM awards"), 10);
	assert_int_equal(count("SELECT COUNT(*) FROM audit"), audit);
	test_db_close(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sample_has_every_state_and_loads_once),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
