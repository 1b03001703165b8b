/* test_campaigns.c — campaigns and reports in core: issuing (authorization
 * before validation), recipients by unit, subtree, kind and cluster, the
 * report state machine, the late rule, progress counts, version conflicts,
 * approval, cascade, the frozen outline, recipients added later, reminders
 * and attachments. */
#include "testutil.h"

#include "core/campaigns.h"
#include "core/deadline.h"
#include "core/groups.h"
#include "core/notices.h"
#include "core/outlines.h"
#include "core/reports.h"
#include "core/units.h"

static db *d;
static actor sys;

/* P province → C1, C2 communes, S department, W ward → H1, H2 hamlets;
 * Q another province. */
static int64_t P, C1, C2, S, W, H1, H2, Q;
static int64_t OUTLINE;
/* items of the outline: I (text), II.2 (commendation table), II.3 (models) */
static int64_t IT_I, IT_FIG, IT_MODELS;

static const char outline_text[] =
	"ĐỀ CƯƠNG\nBáo cáo sơ kết phong trào thi đua\n\n"
	"I. ĐẶC ĐIỂM, TÌNH HÌNH CHUNG\n"
	"II. KẾT QUẢ THỰC HIỆN\n"
	"1. Công tác tuyên truyền, phát động phong trào thi đua.\n"
	"2. Công tác khen thưởng (nêu cụ thể số liệu tập thể, hộ gia đình, cá nhân đã được nhận "
	"các hình thức khen thưởng).\n"
	"3. Giới thiệu 2-3 mô hình, điển hình tiên tiến tiêu biểu.\n"
	"III. ĐỀ XUẤT, KIẾN NGHỊ\n";

static int64_t mk(const char *code, const char *name, const char *kind, int64_t parent)
{
	struct unit_input in = {code, name, kind, parent, -1, NULL, NULL};
	int64_t id = 0;
	err e = {0};
	if (unit_create(d, &sys, &in, &id, &e) != 0)
		fail_msg("create %s: %s", code, e.msg);
	return id;
}

static actor as_user(int64_t unit_id, enum role role)
{
	actor a = {.user_id = 7, .unit_id = unit_id, .role = role};
	snprintf(a.login, sizeof a.login, "u%lld", (long long)unit_id);
	return a;
}

static int64_t count(const char *sql, int64_t id)
{
	int64_t n = -1;
	err e;
	if (db_get_i64(d, &n, &e, sql, "l", id))
		fail_msg("%s: %s", sql, e.msg);
	return n;
}

static int setup(void **state)
{
	d = test_db_open();
	memset(&sys, 0, sizeof sys);
	sys.role = ROLE_ADMIN;
	int64_t root = mk("VN", "Trung ương", "central", 0);
	err e = {0};
	assert_int_equal(actor_system(d, &sys, &e), 0);
	P = mk("P", "Tỉnh Quảng Ngãi", "province", root);
	C1 = mk("C1", "Xã Tịnh Khê", "commune", P);
	C2 = mk("C2", "Xã An Phú", "commune", P);
	S = mk("S", "Sở Nội vụ", "department", P);
	W = mk("W", "Phường Cẩm Thành", "ward", P);
	H1 = mk("H1", "Tổ dân phố 4", "hamlet", W);
	H2 = mk("H2", "Tổ dân phố 12", "hamlet", W);
	Q = mk("Q", "Tỉnh Gia Lai", "province", root);
	actor off = as_user(P, ROLE_OFFICER);
	arena *ar = arena_new();
	outline_created *v;
	size_t n;
	if (outline_store_import(d, ar, &off, outline_text, strlen(outline_text), false, &v, &n, &e))
		fail_msg("import: %s", e.msg);
	OUTLINE = v[0].id;
	stored_outline o;
	assert_int_equal(outline_store_get(d, ar, &off, OUTLINE, &o, &e), 0);
	IT_I = o.items[0].id;
	IT_FIG = o.items[3].id;
	IT_MODELS = o.items[4].id;
	assert_non_null(o.items[3].table);
	assert_true(o.items[4].asks & 4);
	arena_free(ar);
	return 0;
}

static int teardown(void **state)
{
	test_db_close(d);
	return 0;
}

/* ---- helpers ---- */

static struct campaign_input basic(const char *title, const char *deadline, const int64_t *units,
				   size_t n)
{
	struct campaign_input in = {.title = title, .deadline = deadline, .outline_id = OUTLINE};
	in.rec.units = units;
	in.rec.n_units = n;
	return in;
}

static int64_t issue(const actor *a, const struct campaign_input *in)
{
	int64_t id = 0;
	err e = {0};
	if (campaign_issue(d, a, in, &id, &e) != 0)
		fail_msg("issue: %s", e.msg);
	return id;
}

static int64_t report_of(int64_t campaign_id, int64_t unit_id)
{
	int64_t id = 0;
	err e;
	if (db_get_i64(d, &id, &e, "SELECT id FROM reports WHERE campaign_id = $1 AND unit_id = $2",
		       "ll", campaign_id, unit_id))
		fail_msg("no report for unit %lld", (long long)unit_id);
	return id;
}

static report get_report(const actor *a, int64_t id, arena *ar)
{
	report r;
	err e = {0};
	if (report_get(d, ar, a, id, &r, NULL, &e))
		fail_msg("report_get: %s", e.msg);
	return r;
}

static const char *FUTURE = "2100-01-01";
static const char *PAST = "2001-01-01";

/* ---- issuing ---- */

static void an_officer_issues_a_campaign_every_recipient_gets_a_report(void **state)
{
	actor off = as_user(P, ROLE_OFFICER);
	int64_t units[] = {C1, C2, W};
	struct campaign_input in = basic("  Sơ kết phong trào 2025 ", FUTURE, units, 3);
	in.document_no = "123/SNV-TĐKT";
	in.document_date = "2025-11-01";
	in.period_from = "2025-01-01";
	in.period_to = "2025-10-31";
	int64_t id = issue(&off, &in);
	assert_int_equal(count("SELECT COUNT(*) FROM reports WHERE campaign_id = $1 AND state = 'draft'"
			       " AND version = 1", id), 3);
	assert_int_equal(count("SELECT COUNT(*) FROM notices WHERE campaign_id = $1 AND kind = 'campaign'", id), 3);
	assert_int_equal(count("SELECT COUNT(*) FROM audit WHERE entity = 'campaign' AND entity_id = $1", id), 1);
	arena *ar = arena_new();
	campaign c;
	err e = {0};
	assert_int_equal(campaign_get(d, ar, &off, id, &c, &e), 0);
	assert_string_equal(c.title, "Sơ kết phong trào 2025");
	assert_string_equal(c.document_no, "123/SNV-TĐKT");
	assert_int_equal(c.n_recipients, 3);
	assert_true(c.issuer_side);
	assert_true(c.may_manage);
	assert_true(c.deadline_date_only);
	assert_int_equal(c.outline_version, 1);
	/* a recipient sees the campaign, not its progress; a stranger sees nothing */
	actor c1 = as_user(C1, ROLE_STAFF), q = as_user(Q, ROLE_OFFICER);
	assert_int_equal(campaign_get(d, ar, &c1, id, &c, &e), 0);
	assert_false(c.issuer_side);
	assert_int_equal(c.my_report_id, report_of(id, C1));
	struct progress p;
	assert_int_equal(campaign_progress(d, ar, &c1, id, &p, &e), E_FORBIDDEN);
	assert_int_equal(campaign_get(d, ar, &q, id, &c, &e), E_NOTFOUND);
	assert_int_equal(campaign_progress(d, ar, &q, id, &p, &e), E_NOTFOUND);
	/* the recipients read the outline now; a stranger does not */
	assert_true(outline_readable(d, &c1, OUTLINE));
	actor h1 = as_user(H1, ROLE_STAFF);
	assert_false(outline_readable(d, &h1, OUTLINE));
	assert_false(outline_readable(d, &q, OUTLINE));
	/* the ward's notice is there for its users */
	notice *nv;
	size_t nn;
	actor ws = as_user(W, ROLE_STAFF);
	assert_int_equal(notices_list(d, ar, &ws, true, 0, &nv, &nn, &e), 0);
	assert_int_equal(nn, 1);
	assert_non_null(strstr(nv[0].message, "Sơ kết phong trào 2025"));
	assert_non_null(strstr(nv[0].message, "Tỉnh Quảng Ngãi"));
	arena_free(ar);
}

static void authorization_comes_before_validation(void **state)
{
	err e = {0};
	int64_t id = 0;
	int64_t c2[] = {C2}, q[] = {Q}, self[] = {P};
	/* a staff member with an empty title: 403, not 422 */
	actor staff = as_user(P, ROLE_STAFF);
	struct campaign_input in = basic("", "not a date", c2, 1);
	assert_int_equal(campaign_issue(d, &staff, &in, &id, &e), E_FORBIDDEN);
	/* a commune officer naming a sibling, with a bad deadline: 403 */
	actor c1off = as_user(C1, ROLE_OFFICER);
	assert_int_equal(campaign_issue(d, &c1off, &in, &id, &e), E_FORBIDDEN);
	/* a recipient in another province: 403 */
	actor off = as_user(P, ROLE_OFFICER);
	in = basic("Đợt", FUTURE, q, 1);
	assert_int_equal(campaign_issue(d, &off, &in, &id, &e), E_FORBIDDEN);
	/* then validation */
	in = basic("Đợt", "2023-02-30", c2, 1);
	assert_int_equal(campaign_issue(d, &off, &in, &id, &e), E_INVAL);
	assert_non_null(strstr(e.msg, "Hạn nộp"));
	in = basic("", FUTURE, c2, 1);
	assert_int_equal(campaign_issue(d, &off, &in, &id, &e), E_INVAL);
	in = basic("Đợt", FUTURE, self, 1);
	assert_int_equal(campaign_issue(d, &off, &in, &id, &e), E_INVAL);
	in = basic("Đợt", FUTURE, NULL, 0);
	assert_int_equal(campaign_issue(d, &off, &in, &id, &e), E_INVAL);
	in = basic("Đợt", FUTURE, c2, 1);
	in.outline_id = 999999;
	assert_int_equal(campaign_issue(d, &off, &in, &id, &e), E_INVAL);
	in = basic("Đợt", FUTURE, c2, 1);
	in.period_from = "2025-12-31";
	in.period_to = "2025-01-01";
	assert_int_equal(campaign_issue(d, &off, &in, &id, &e), E_INVAL);
	/* nothing was written */
	assert_int_equal(count("SELECT COUNT(*) FROM campaigns WHERE title = 'Đợt' OR $1 = 0", 1), 0);
}

static void recipients_by_subtree_kind_and_cluster(void **state)
{
	actor off = as_user(P, ROLE_OFFICER);
	arena *ar = arena_new();
	campaign c;
	err e = {0};
	/* the ward's whole subtree */
	int64_t sub[] = {W};
	struct campaign_input in = basic("Theo địa bàn", FUTURE, NULL, 0);
	in.rec.subtrees = sub;
	in.rec.n_subtrees = 1;
	int64_t id = issue(&off, &in);
	assert_int_equal(count("SELECT COUNT(*) FROM campaign_recipients WHERE campaign_id = $1", id), 3);
	/* every commune of the province */
	const char *kinds[] = {"commune"};
	in = basic("Theo loại", FUTURE, NULL, 0);
	in.rec.kinds = kinds;
	in.rec.n_kinds = 1;
	id = issue(&off, &in);
	assert_int_equal(campaign_get(d, ar, &off, id, &c, &e), 0);
	assert_int_equal(c.n_recipients, 2);
	/* hamlets of the ward only */
	const char *hk[] = {"hamlet", "ward"};
	in = basic("Theo loại trong phường", FUTURE, NULL, 0);
	in.rec.kinds = hk;
	in.rec.n_kinds = 2;
	in.rec.subtrees = sub;
	in.rec.n_subtrees = 1;
	id = issue(&off, &in);
	assert_int_equal(count("SELECT COUNT(*) FROM campaign_recipients WHERE campaign_id = $1", id), 3);
	/* a cluster, plus one unit named again: once each */
	struct group_input gi = {.name = "Cụm 1", .kind = "cluster"};
	int64_t g = 0;
	assert_int_equal(group_create(d, &off, &gi, &g, &e), 0);
	int64_t members[] = {C1, S};
	assert_int_equal(group_set_members(d, &off, g, members, 2, &e), 0);
	int64_t groups[] = {g}, again[] = {C1};
	in = basic("Theo cụm", FUTURE, again, 1);
	in.rec.groups = groups;
	in.rec.n_groups = 1;
	id = issue(&off, &in);
	assert_int_equal(count("SELECT COUNT(*) FROM campaign_recipients WHERE campaign_id = $1", id), 2);
	/* an unknown kind is invalid; a group of someone else is forbidden */
	const char *bad[] = {"planet"};
	in = basic("Sai", FUTURE, NULL, 0);
	in.rec.kinds = bad;
	in.rec.n_kinds = 1;
	assert_int_equal(campaign_issue(d, &off, &in, &id, &e), E_INVAL);
	actor qoff = as_user(Q, ROLE_OFFICER);
	in = basic("Sai", FUTURE, NULL, 0);
	in.rec.groups = groups;
	in.rec.n_groups = 1;
	assert_int_equal(campaign_issue(d, &qoff, &in, &id, &e), E_FORBIDDEN);
	arena_free(ar);
}

/* ---- reports ---- */

static void sibling_isolation_and_who_reads(void **state)
{
	actor off = as_user(P, ROLE_OFFICER);
	int64_t units[] = {C1, C2, H1};
	struct campaign_input in = basic("Cô lập", FUTURE, units, 3);
	int64_t id = issue(&off, &in);
	int64_t r1 = report_of(id, C1), rh = report_of(id, H1);
	arena *ar = arena_new();
	report r;
	err e = {0};
	actor c2 = as_user(C2, ROLE_OFFICER), c1 = as_user(C1, ROLE_STAFF), w = as_user(W, ROLE_STAFF),
	      h2 = as_user(H2, ROLE_STAFF), root = as_user(sys.unit_id, ROLE_LEADER);
	assert_int_equal(report_get(d, ar, &c2, r1, &r, NULL, &e), E_NOTFOUND);
	assert_int_equal(report_get(d, ar, &c1, r1, &r, NULL, &e), 0);
	assert_int_equal(report_get(d, ar, &off, r1, &r, NULL, &e), 0);
	assert_int_equal(report_get(d, ar, &root, r1, &r, NULL, &e), 0);
	/* the ward reads its hamlet's report (an ancestor), not the commune's */
	assert_int_equal(report_get(d, ar, &w, rh, &r, NULL, &e), 0);
	assert_int_equal(report_get(d, ar, &w, r1, &r, NULL, &e), E_NOTFOUND);
	assert_int_equal(report_get(d, ar, &h2, rh, &r, NULL, &e), E_NOTFOUND);
	/* lists follow the same rule */
	report *v;
	size_t n;
	assert_int_equal(reports_list(d, ar, &c2, id, &v, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].unit_id, C2);
	assert_int_equal(reports_list(d, ar, &off, id, &v, &n, &e), 0);
	assert_int_equal(n, 3);
	actor q = as_user(Q, ROLE_OFFICER);
	assert_int_equal(reports_list(d, ar, &q, id, &v, &n, &e), 0);
	assert_int_equal(n, 0);
	/* the issuer may read, not edit */
	assert_int_equal(report_check_edit(d, &off, r1, &e), E_FORBIDDEN);
	assert_int_equal(report_check_edit(d, &c2, r1, &e), E_NOTFOUND);
	assert_int_equal(report_check_edit(d, &c1, r1, &e), 0);
	arena_free(ar);
}

static struct report_content one_text(arena *ar, int64_t item, const char *text)
{
	struct report_content c = {arena_alloc(ar, sizeof(struct report_answer)), 1};
	c.items[0].item_id = item;
	c.items[0].text = arena_strdup(ar, text);
	return c;
}

static int save_text(const actor *a, int64_t id, int64_t version, const char *text, int *now,
		     err *e)
{
	arena *ar = arena_new();
	struct report_content c = one_text(ar, IT_I, text);
	int rc = report_save(d, a, id, version, &c, now, e);
	arena_free(ar);
	return rc;
}

static void the_state_machine(void **state)
{
	actor off = as_user(P, ROLE_OFFICER), staff = as_user(C1, ROLE_STAFF),
	      pstaff = as_user(P, ROLE_STAFF), leader = as_user(P, ROLE_LEADER);
	int64_t units[] = {C1};
	struct campaign_input in = basic("Trạng thái", FUTURE, units, 1);
	int64_t id = issue(&off, &in), r = report_of(id, C1);
	err e = {0};
	bool late = true;
	int v = 0;
	/* nothing to review yet: 409 after authorization and validation */
	assert_int_equal(report_accept(d, &off, r, &e), E_CONFLICT);
	assert_int_equal(report_return(d, &off, r, "", &e), E_INVAL);
	assert_int_equal(report_return(d, &off, r, "Thiếu số liệu", &e), E_CONFLICT);
	assert_int_equal(save_text(&staff, r, 1, "Tình hình **chung**", &v, &e), 0);
	assert_int_equal(v, 2);
	assert_int_equal(report_submit(d, &staff, r, &late, &e), 0);
	assert_false(late);
	/* submitted: no more edits, no second submission */
	assert_int_equal(save_text(&staff, r, 2, "sửa", &v, &e), E_CONFLICT);
	assert_non_null(strstr(e.msg, "Đã nộp"));
	assert_int_equal(report_submit(d, &staff, r, &late, &e), E_CONFLICT);
	/* only officers, leaders and admins of the issuing unit review */
	assert_int_equal(report_return(d, &staff, r, "x", &e), E_FORBIDDEN);
	assert_int_equal(report_return(d, &pstaff, r, "x", &e), E_FORBIDDEN);
	assert_int_equal(report_return(d, &leader, r, "Thiếu số liệu khen thưởng", &e), 0);
	arena *ar = arena_new();
	report rr = get_report(&staff, r, ar);
	assert_int_equal(rr.state, RS_RETURNED);
	int64_t at = 0;
	assert_string_equal(report_last_return(d, ar, r, &at), "Thiếu số liệu khen thưởng");
	/* the unit fixes and resubmits; the history keeps both versions */
	assert_int_equal(save_text(&staff, r, 2, "Tình hình chung, đã bổ sung", &v, &e), 0);
	assert_int_equal(report_submit(d, &staff, r, &late, &e), 0);
	assert_int_equal(report_accept(d, &off, r, &e), 0);
	assert_int_equal(report_accept(d, &off, r, &e), E_CONFLICT);
	assert_int_equal(report_return(d, &off, r, "muộn rồi", &e), E_CONFLICT);
	rr = get_report(&staff, r, ar);
	assert_int_equal(rr.state, RS_ACCEPTED);
	assert_true(rr.accepted_at > 0);
	int *versions;
	int64_t *saved;
	size_t n;
	assert_int_equal(report_versions(d, ar, r, &versions, &saved, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(versions[0], 3);
	assert_int_equal(versions[1], 2);
	char *snap;
	assert_int_equal(report_version_get(d, ar, &off, r, 2, &snap, &saved[0], &e), 0);
	assert_non_null(strstr(snap, "Tình hình **chung**"));
	report_event *ev;
	assert_int_equal(report_events(d, ar, r, &ev, &n, &e), 0);
	assert_int_equal(n, 4);
	assert_string_equal(ev[0].event, "submit");
	assert_string_equal(ev[1].event, "return");
	assert_string_equal(ev[1].reason, "Thiếu số liệu khen thưởng");
	assert_string_equal(ev[3].event, "accept");
	/* every change has its audit row; returned and accepted notices reached the unit */
	assert_int_equal(count("SELECT COUNT(*) FROM audit WHERE entity = 'report' AND entity_id = $1", r), 6);
	assert_int_equal(count("SELECT COUNT(*) FROM notices WHERE report_id = $1 AND kind IN ('returned', 'accepted')", r), 2);
	arena_free(ar);
}

static void late_is_judged_by_the_server_at_the_first_submission(void **state)
{
	actor off = as_user(P, ROLE_OFFICER), c1 = as_user(C1, ROLE_STAFF), c2 = as_user(C2, ROLE_STAFF);
	int64_t units[] = {C1, C2};
	/* a deadline already past: every submission is late */
	struct campaign_input in = basic("Quá hạn", PAST, units, 2);
	int64_t id = issue(&off, &in);
	err e = {0};
	bool late = false;
	assert_int_equal(report_submit(d, &c1, report_of(id, C1), &late, &e), 0);
	assert_true(late);
	/* on time first, returned, resubmitted after the deadline passed: still on time */
	in = basic("Đúng hạn", FUTURE, units, 2);
	id = issue(&off, &in);
	int64_t r = report_of(id, C2);
	assert_int_equal(report_submit(d, &c2, r, &late, &e), 0);
	assert_false(late);
	assert_int_equal(report_return(d, &off, r, "Bổ sung", &e), 0);
	assert_int_equal(db_run(d, &e, "UPDATE campaigns SET deadline_at = $1 WHERE id = $2", "ll",
				now_unix() - 86400, id), 1);
	assert_int_equal(report_submit(d, &c2, r, &late, &e), 0);
	assert_false(late);
	/* the other unit submits now, after the moved deadline: late */
	assert_int_equal(report_submit(d, &c1, report_of(id, C1), &late, &e), 0);
	assert_true(late);
}

static void progress_counts(void **state)
{
	actor off = as_user(P, ROLE_OFFICER);
	int64_t units[] = {C1, C2, S, W, H1};
	struct campaign_input in = basic("Tiến độ", FUTURE, units, 5);
	int64_t id = issue(&off, &in);
	err e = {0};
	bool late;
	actor a1 = as_user(C1, ROLE_STAFF), a2 = as_user(C2, ROLE_STAFF), as = as_user(S, ROLE_STAFF),
	      aw = as_user(W, ROLE_STAFF);
	/* C1 accepted, C2 returned, S submitted late, W submitted, H1 draft */
	assert_int_equal(report_submit(d, &a1, report_of(id, C1), &late, &e), 0);
	assert_int_equal(report_accept(d, &off, report_of(id, C1), &e), 0);
	assert_int_equal(report_submit(d, &a2, report_of(id, C2), &late, &e), 0);
	assert_int_equal(report_return(d, &off, report_of(id, C2), "Thiếu", &e), 0);
	assert_int_equal(report_submit(d, &aw, report_of(id, W), &late, &e), 0);
	assert_int_equal(db_run(d, &e, "UPDATE campaigns SET deadline_at = $1 WHERE id = $2", "ll",
				now_unix() - 10, id), 1);
	assert_int_equal(report_submit(d, &as, report_of(id, S), &late, &e), 0);
	assert_true(late);
	arena *ar = arena_new();
	struct progress p;
	assert_int_equal(campaign_progress(d, ar, &off, id, &p, &e), 0);
	assert_int_equal(p.expected, 5);
	assert_int_equal(p.submitted, 3);
	assert_int_equal(p.on_time, 2);
	assert_int_equal(p.late, 1);
	assert_int_equal(p.missing, 2); /* the draft and the returned report */
	assert_int_equal(p.returned, 1);
	assert_int_equal(p.accepted, 1);
	assert_int_equal(p.n, 5);
	size_t missing = 0, lates = 0;
	for (size_t i = 0; i < p.n; i++) {
		missing += progress_row_matches(&p.rows[i], "missing");
		lates += progress_row_matches(&p.rows[i], "late");
	}
	assert_int_equal(missing, 2);
	assert_int_equal(lates, 1);
	assert_true(progress_filter_valid("on_time"));
	assert_false(progress_filter_valid("nope"));
	/* the province's ancestor sees it too */
	actor root = as_user(sys.unit_id, ROLE_LEADER);
	assert_int_equal(campaign_progress(d, ar, &root, id, &p, &e), 0);
	/* reminders go to the two missing units only */
	int64_t sent = 0;
	actor leader = as_user(P, ROLE_LEADER);
	assert_int_equal(campaign_remind(d, &leader, id, &sent, &e), E_FORBIDDEN);
	assert_int_equal(campaign_remind(d, &off, id, &sent, &e), 0);
	assert_int_equal(sent, 2);
	assert_int_equal(count("SELECT COUNT(*) FROM notices WHERE campaign_id = $1 AND kind = 'reminder'", id), 2);
	assert_int_equal(campaign_progress(d, ar, &off, id, &p, &e), 0);
	size_t reminded = 0;
	for (size_t i = 0; i < p.n; i++)
		reminded += p.rows[i].reminded_at > 0;
	assert_int_equal(reminded, 2);
	arena_free(ar);
}

static void two_editors_never_overwrite_each_other(void **state)
{
	actor off = as_user(P, ROLE_OFFICER), a = as_user(C1, ROLE_STAFF), b = as_user(C1, ROLE_LEADER);
	int64_t units[] = {C1};
	struct campaign_input in = basic("Phiên bản", FUTURE, units, 1);
	int64_t id = issue(&off, &in), r = report_of(id, C1);
	err e = {0};
	int v = 0;
	assert_int_equal(save_text(&a, r, 1, "bản của A", &v, &e), 0);
	assert_int_equal(v, 2);
	assert_int_equal(save_text(&b, r, 1, "bản của B", &v, &e), E_CONFLICT);
	assert_int_equal(v, 2);
	assert_non_null(strstr(e.msg, "phiên bản 2"));
	arena *ar = arena_new();
	struct report_content c;
	assert_int_equal(report_content_load(d, ar, r, &c, &e), 0);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.items[0].text, "bản của A");
	/* version 0 or below is not a version */
	assert_int_equal(save_text(&b, r, 0, "x", &v, &e), E_INVAL);
	/* authorization first: the issuer gets 403 even with a stale version */
	assert_int_equal(save_text(&off, r, 1, "x", &v, &e), E_FORBIDDEN);
	arena_free(ar);
}

static void content_is_checked_and_comes_back_in_outline_order(void **state)
{
	actor off = as_user(P, ROLE_OFFICER), a = as_user(C1, ROLE_STAFF);
	int64_t units[] = {C1};
	struct campaign_input in = basic("Nội dung", FUTURE, units, 1);
	int64_t id = issue(&off, &in), r = report_of(id, C1);
	arena *ar = arena_new();
	err e = {0};
	int v = 0;
	struct report_content c = {arena_alloc(ar, 3 * sizeof(struct report_answer)), 3};
	c.items[0] = (struct report_answer){.item_id = IT_MODELS, .text = "Mô hình"};
	c.items[0].models = arena_alloc(ar, sizeof(struct report_model));
	c.items[0].n_models = 1;
	c.items[0].models[0] = (struct report_model){"HTX Nông nghiệp Tịnh Khê", "collective",
						    "Thôn 1", "0255 3822 123", "Tóm tắt", 12, 40, -1};
	c.items[1] = (struct report_answer){.item_id = IT_FIG, .text = ""};
	c.items[1].cells = arena_alloc(ar, 2 * sizeof(struct report_cell));
	c.items[1].n_cells = 2;
	c.items[1].cells[0] = (struct report_cell){"giay_khen", "individual", 12};
	c.items[1].cells[1] = (struct report_cell){"huan_chuong", "collective", 1};
	c.items[2] = (struct report_answer){.item_id = IT_I, .text = "Dòng 1\r\nDòng 2\x01  \n\n"};
	assert_int_equal(report_save(d, &a, r, 1, &c, &v, &e), 0);
	struct report_content got;
	assert_int_equal(report_content_load(d, ar, r, &got, &e), 0);
	assert_int_equal(got.n, 3);
	assert_int_equal(got.items[0].item_id, IT_I);
	assert_string_equal(got.items[0].text, "Dòng 1\nDòng 2");
	assert_int_equal(got.items[1].item_id, IT_FIG);
	assert_int_equal(got.items[1].n_cells, 2);
	assert_string_equal(got.items[1].cells[0].row, "huan_chuong"); /* table order */
	assert_true(got.items[1].cells[1].value == 12);
	assert_int_equal(got.items[2].n_models, 1);
	assert_string_equal(got.items[2].models[0].name, "HTX Nông nghiệp Tịnh Khê");
	assert_int_equal(got.items[2].models[0].households_helped, 40);
	assert_int_equal(got.items[2].models[0].members, -1);
	/* refusals, each naming what is wrong */
	struct {
		int64_t item;
		const char *row, *col;
		double value;
		const char *says;
	} bad[] = {
		{IT_I, "giay_khen", "individual", 1, "không có biểu số liệu"},
		{IT_FIG, "nope", "individual", 1, "không có dòng"},
		{IT_FIG, "giay_khen", "nope", 1, "không có cột"},
		{IT_FIG, "giay_khen", "individual", -1, "không được âm"},
		{IT_FIG, "giay_khen", "individual", 1.5, "số nguyên"},
		{IT_FIG, "giay_khen", "individual", 1e13, "giới hạn"},
		{999999, "giay_khen", "individual", 1, "không thuộc đề cương"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct report_content b = {arena_alloc(ar, sizeof(struct report_answer)), 1};
		b.items[0] = (struct report_answer){.item_id = bad[i].item, .text = ""};
		b.items[0].cells = arena_alloc(ar, sizeof(struct report_cell));
		b.items[0].n_cells = 1;
		b.items[0].cells[0] = (struct report_cell){(char *)bad[i].row, (char *)bad[i].col,
							   bad[i].value};
		assert_int_equal(report_save(d, &a, r, v, &b, NULL, &e), E_INVAL);
		if (!strstr(e.msg, bad[i].says))
			fail_msg("case %zu: %s", i, e.msg);
	}
	/* models only where asked */
	struct report_content m = {arena_alloc(ar, sizeof(struct report_answer)), 1};
	m.items[0] = (struct report_answer){.item_id = IT_I, .text = ""};
	m.items[0].models = arena_alloc(ar, sizeof(struct report_model));
	m.items[0].n_models = 1;
	m.items[0].models[0] = (struct report_model){"X", "model", NULL, NULL, NULL, -1, -1, -1};
	assert_int_equal(report_save(d, &a, r, v, &m, NULL, &e), E_INVAL);
	/* the same item twice */
	struct report_content twice = {arena_alloc(ar, 2 * sizeof(struct report_answer)), 2};
	twice.items[0] = (struct report_answer){.item_id = IT_I, .text = "a"};
	twice.items[1] = (struct report_answer){.item_id = IT_I, .text = "b"};
	assert_int_equal(report_save(d, &a, r, v, &twice, NULL, &e), E_INVAL);
	assert_non_null(strstr(e.msg, "hai lần"));
	/* nothing changed */
	assert_int_equal(count("SELECT version FROM reports WHERE id = $1", r), v);
	arena_free(ar);
}

static void approval_by_a_leader(void **state)
{
	actor off = as_user(P, ROLE_OFFICER), staff = as_user(C1, ROLE_STAFF),
	      coff = as_user(C1, ROLE_OFFICER), leader = as_user(C1, ROLE_LEADER);
	int64_t units[] = {C1};
	struct campaign_input in = basic("Cần duyệt", FUTURE, units, 1);
	in.require_approval = true;
	int64_t id = issue(&off, &in), r = report_of(id, C1);
	err e = {0};
	bool late;
	assert_int_equal(report_submit(d, &staff, r, &late, &e), E_FORBIDDEN);
	assert_int_equal(report_submit(d, &coff, r, &late, &e), E_FORBIDDEN);
	assert_int_equal(report_request_approval(d, &staff, r, &e), 0);
	arena *ar = arena_new();
	notice *nv;
	size_t n;
	assert_int_equal(notices_list(d, ar, &leader, true, 0, &nv, &n, &e), 0);
	bool found = false;
	for (size_t i = 0; i < n; i++)
		found |= strcmp(nv[i].kind, "approval") == 0;
	assert_true(found);
	/* staff do not see the leaders' notice */
	assert_int_equal(notices_list(d, ar, &staff, true, 0, &nv, &n, &e), 0);
	for (size_t i = 0; i < n; i++)
		assert_string_not_equal(nv[i].kind, "approval");
	assert_int_equal(report_submit(d, &leader, r, &late, &e), 0);
	report rr = get_report(&leader, r, ar);
	assert_int_equal(rr.approved_by, 7);
	assert_true(rr.approved_at > 0);
	/* without required approval there is nothing to request */
	in = basic("Không cần duyệt", FUTURE, units, 1);
	id = issue(&off, &in);
	assert_int_equal(report_request_approval(d, &staff, report_of(id, C1), &e), E_INVAL);
	arena_free(ar);
}

static void cascade_to_a_middle_units_subordinates(void **state)
{
	actor off = as_user(P, ROLE_OFFICER), woff = as_user(W, ROLE_OFFICER),
	      c1off = as_user(C1, ROLE_OFFICER);
	int64_t units[] = {W, C1};
	struct campaign_input in = basic("Cấp tỉnh", "2100-12-20", units, 2);
	int64_t parent = issue(&off, &in);
	int64_t hamlets[] = {H1, H2};
	err e = {0};
	int64_t id = 0;
	/* the ward forwards with its own earlier deadline */
	struct campaign_input ch = basic("Cấp phường", "2100-12-10", hamlets, 2);
	ch.outline_id = 0;
	ch.parent_campaign_id = parent;
	assert_int_equal(campaign_issue(d, &woff, &ch, &id, &e), 0);
	arena *ar = arena_new();
	campaign c;
	assert_int_equal(campaign_get(d, ar, &woff, id, &c, &e), 0);
	assert_int_equal(c.parent_campaign_id, parent);
	assert_int_equal(c.parent_report_id, report_of(parent, W));
	assert_int_equal(c.outline_id, OUTLINE);
	/* the hamlets read the outline through their own campaign */
	actor h1 = as_user(H1, ROLE_STAFF);
	assert_true(outline_readable(d, &h1, OUTLINE));
	/* the province sees the cascade below it */
	campaign_row *kids;
	size_t n;
	assert_int_equal(campaign_children(d, ar, &off, parent, &kids, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(kids[0].c.id, id);
	/* refusals: a later deadline, another outline, a unit that did not receive it */
	ch.deadline = "2100-12-21";
	assert_int_equal(campaign_issue(d, &woff, &ch, &id, &e), E_INVAL);
	ch.deadline = "2100-12-10";
	ch.outline_id = 999999;
	assert_int_equal(campaign_issue(d, &woff, &ch, &id, &e), E_INVAL);
	ch.outline_id = 0;
	actor soff = as_user(S, ROLE_OFFICER); /* does not even see it */
	assert_int_equal(campaign_issue(d, &soff, &ch, &id, &e), E_NOTFOUND);
	assert_int_equal(campaign_issue(d, &off, &ch, &id, &e), E_FORBIDDEN); /* sees it, did not receive it */
	actor qoff = as_user(Q, ROLE_OFFICER);
	assert_int_equal(campaign_issue(d, &qoff, &ch, &id, &e), E_NOTFOUND);
	(void)c1off;
	arena_free(ar);
}

static void an_outline_in_use_is_frozen(void **state)
{
	actor off = as_user(P, ROLE_OFFICER);
	arena *ar = arena_new();
	err e = {0};
	outline_created *v;
	size_t n;
	assert_int_equal(outline_store_import(d, ar, &off, outline_text, strlen(outline_text), false,
					      &v, &n, &e),
			 0);
	int64_t oid = v[0].id;
	stored_outline o;
	assert_int_equal(outline_store_get(d, ar, &off, oid, &o, &e), 0);
	struct outline_item_input items[1] = {{o.items[0].id, 1, "I", "Tình hình", "", 1, 0, 0}};
	struct outline_save_input save = {1, NULL, items, 1};
	int version = 0;
	if (outline_store_save(d, &off, oid, &save, &version, &e))
		fail_msg("save: %s", e.msg);
	int64_t units[] = {C1};
	struct campaign_input in = basic("Dùng đề cương", FUTURE, units, 1);
	in.outline_id = oid;
	int64_t id = issue(&off, &in);
	save.expected_version = version;
	assert_int_equal(outline_store_save(d, &off, oid, &save, &version, &e), E_CONFLICT);
	assert_non_null(strstr(e.msg, "bản sao"));
	assert_non_null(strstr(e.msg, "Dùng đề cương"));
	campaign c;
	assert_int_equal(campaign_get(d, ar, &off, id, &c, &e), 0);
	assert_int_equal(c.outline_version, 2);
	/* a copy stays editable */
	int64_t copy = 0;
	assert_int_equal(outline_store_copy(d, &off, oid, NULL, &copy, &e), 0);
	save.expected_version = 1;
	items[0].id = 0; /* the copy's items have ids of their own */
	assert_int_equal(outline_store_save(d, &off, copy, &save, &version, &e), 0);
	arena_free(ar);
}

static void recipients_added_later(void **state)
{
	actor off = as_user(P, ROLE_OFFICER), leader = as_user(P, ROLE_LEADER);
	int64_t units[] = {C1};
	struct campaign_input in = basic("Bổ sung", FUTURE, units, 1);
	int64_t id = issue(&off, &in), added = 0;
	err e = {0};
	int64_t more[] = {C1, C2, S};
	struct recipient_sel sel = {.units = more, .n_units = 3};
	assert_int_equal(campaign_add_recipients(d, &leader, id, &sel, &added, &e), E_FORBIDDEN);
	int64_t q[] = {Q};
	struct recipient_sel out = {.units = q, .n_units = 1};
	assert_int_equal(campaign_add_recipients(d, &off, id, &out, &added, &e), E_FORBIDDEN);
	assert_int_equal(campaign_add_recipients(d, &off, id, &sel, &added, &e), 0);
	assert_int_equal(added, 2);
	assert_int_equal(count("SELECT COUNT(*) FROM reports WHERE campaign_id = $1", id), 3);
	assert_int_equal(count("SELECT COUNT(*) FROM notices WHERE campaign_id = $1 AND kind = 'campaign'", id), 3);
	/* again: nothing new */
	assert_int_equal(campaign_add_recipients(d, &off, id, &sel, &added, &e), 0);
	assert_int_equal(added, 0);
}

static void attachments_change_the_report(void **state)
{
	actor off = as_user(P, ROLE_OFFICER), a = as_user(C1, ROLE_STAFF);
	int64_t units[] = {C1};
	struct campaign_input in = basic("Tệp", FUTURE, units, 1);
	int64_t id = issue(&off, &in), r = report_of(id, C1), f = 0;
	err e = {0};
	assert_int_equal(report_attach(d, &off, r, "a.pdf", "x", 1, &f, &e), E_FORBIDDEN);
	assert_int_equal(report_attach(d, &a, r, "a.pdf", "", 0, &f, &e), E_INVAL);
	assert_int_equal(report_attach(d, &a, r, "../../etc/Kế hoạch \"số 1\".pdf", "%PDF-1.4", 8, &f, &e), 0);
	arena *ar = arena_new();
	attachment *v;
	size_t n;
	assert_int_equal(report_attachments(d, ar, r, &v, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].name, "Kế hoạch số 1.pdf");
	assert_string_equal(v[0].mime, "application/pdf");
	assert_int_equal(v[0].size, 8);
	assert_int_equal(strlen(v[0].sha256), 64);
	attachment got;
	actor c2 = as_user(C2, ROLE_STAFF);
	assert_int_equal(report_attachment_get(d, ar, &c2, r, f, &got, &e), E_NOTFOUND);
	assert_int_equal(report_attachment_get(d, ar, &off, r, f, &got, &e), 0);
	assert_memory_equal(got.data, "%PDF-1.4", 8);
	assert_int_equal(get_report(&a, r, ar).version, 2);
	bool late;
	assert_int_equal(report_submit(d, &a, r, &late, &e), 0);
	assert_int_equal(report_detach(d, &a, r, f, &e), E_CONFLICT);
	char *snap;
	int64_t at;
	assert_int_equal(report_version_get(d, ar, &a, r, 2, &snap, &at, &e), 0);
	assert_non_null(strstr(snap, "Kế hoạch số 1.pdf"));
	assert_int_equal(report_return(d, &off, r, "Đính kèm nhầm", &e), 0);
	assert_int_equal(report_detach(d, &a, r, f, &e), 0);
	assert_int_equal(report_attachments(d, ar, r, &v, &n, &e), 0);
	assert_int_equal(n, 0);
	/* still readable from the history */
	assert_int_equal(report_attachment_get(d, ar, &off, r, f, &got, &e), 0);
	char *name = attachment_clean_name("...");
	assert_string_equal(name, "tep-dinh-kem");
	free(name);
	arena_free(ar);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(an_officer_issues_a_campaign_every_recipient_gets_a_report),
		cmocka_unit_test(authorization_comes_before_validation),
		cmocka_unit_test(recipients_by_subtree_kind_and_cluster),
		cmocka_unit_test(sibling_isolation_and_who_reads),
		cmocka_unit_test(the_state_machine),
		cmocka_unit_test(late_is_judged_by_the_server_at_the_first_submission),
		cmocka_unit_test(progress_counts),
		cmocka_unit_test(two_editors_never_overwrite_each_other),
		cmocka_unit_test(content_is_checked_and_comes_back_in_outline_order),
		cmocka_unit_test(approval_by_a_leader),
		cmocka_unit_test(cascade_to_a_middle_units_subordinates),
		cmocka_unit_test(an_outline_in_use_is_frozen),
		cmocka_unit_test(recipients_added_later),
		cmocka_unit_test(attachments_change_the_report),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
