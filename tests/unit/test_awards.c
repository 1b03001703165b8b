/*
 * test_awards.c — the commendation record on the demo province: the
 * catalogue, decisions and their refusals, the award counts kept exact
 * (also across a unit move), statistics, and recipient search.
 */
#include "testutil.h"

#include <xlsxwriter.h>

#include "core/award_counts.h"
#include "core/awards.h"
#include "core/awards_table.h"
#include "core/demo.h"
#include "core/units.h"
#include "text/text.h"

static db *d;
static actor officer, staff, commune_officer, sys;

static int64_t id_of(const char *sql, const char *text)
{
	int64_t id = 0;
	err e = {0};
	if (db_get_i64(d, &id, &e, sql, "t", text) != 0)
		fail_msg("%s: %s", text, e.msg);
	return id;
}

static int64_t unit_id(const char *code) { return id_of("SELECT id FROM units WHERE code = $1", code); }

static void login_as(actor *a, const char *login)
{
	memset(a, 0, sizeof *a);
	err e = {0};
	db_stmt *st;
	assert_int_equal(db_query(d, &st, &e, "SELECT id, unit_id, role FROM users WHERE login = $1", "t",
				  login), 0);
	assert_int_equal(db_step(st, &e), DB_ROW);
	a->user_id = db_col_i64(st, 0);
	a->unit_id = db_col_i64(st, 1);
	a->role = role_parse(db_col_text(st, 2));
	snprintf(a->login, sizeof a->login, "%s", login);
	db_finalize(st);
}

static int setup(void **state)
{
	d = test_db_open();
	err e = {0};
	if (demo_load(d, &e) != 0)
		fail_msg("%s", e.msg);
	login_as(&officer, "tdkt.tinh");
	login_as(&staff, "chuyenvien.snv");
	login_as(&commune_officer, "tdkt.camthanh");
	assert_int_equal(actor_system(d, &sys, &e), 0);
	return 0;
}

static int teardown(void **state)
{
	test_db_close(d);
	return 0;
}

static int64_t scalar(const char *sql)
{
	int64_t v = -1;
	err e = {0};
	if (db_get_i64(d, &v, &e, sql, NULL) != 0)
		fail_msg("%s: %s", sql, e.msg);
	return v;
}

static void counts_are_exact(void)
{
	int64_t diff = -1;
	err e = {0};
	assert_int_equal(award_counts_diff(d, &diff, &e), 0);
	assert_int_equal(diff, 0);
}

/* ---- catalogue ---- */

static void builtin_forms_are_consistent(void **state)
{
	arena *ar = arena_new();
	award_form *f;
	size_t n;
	err e = {0};
	assert_int_equal(award_forms_list(d, ar, NULL, &f, &n, &e), 0);
	assert_true(n >= 60);
	db_stmt *st;
	assert_int_equal(db_query(d, &st, &e, "SELECT name, search_key FROM award_forms", NULL), 0);
	while (db_step(st, &e) == DB_ROW) {
		char *k = text_search_key(db_col_text(st, 0));
		assert_string_equal(k, db_col_text(st, 1));
		free(k);
	}
	db_finalize(st);
	/* every name, code and alias finds its own form, and no other */
	for (size_t i = 0; i < n; i++) {
		assert_ptr_equal(award_form_match(f, n, f[i].name), &f[i]);
		assert_ptr_equal(award_form_match(f, n, f[i].code), &f[i]);
		char *aliases = xstrdup(f[i].aliases);
		for (char *save = NULL, *al = strtok_r(aliases, "|", &save); al;
		     al = strtok_r(NULL, "|", &save)) {
			const award_form *m = award_form_match(f, n, al);
			assert_non_null(m);
			if (m != &f[i])
				fail_msg("alias \"%s\" of %s matches %s", al, f[i].code, m->code);
		}
		free(aliases);
		assert_true(award_form_allows_type(&f[i], "individual") ||
			    award_form_allows_type(&f[i], "collective") ||
			    award_form_allows_type(&f[i], "household"));
	}
	arena_free(ar);
}

static const char *matched(const char *text)
{
	static award_form *f;
	static size_t n;
	static arena *ar;
	if (!ar) {
		err e = {0};
		ar = arena_new();
		assert_int_equal(award_forms_list(d, ar, NULL, &f, &n, &e), 0);
	}
	const award_form *m = award_form_match(f, n, text);
	return m ? m->code : "";
}

static void forms_are_matched_as_people_write_them(void **state)
{
	assert_string_equal(matched("Bằng khen của Chủ tịch Uỷ ban nhân dân tỉnh"), "BKUBT");
	assert_string_equal(matched("BẰNG KHEN CHỦ TỊCH UBND TỈNH"), "BKUBT");
	assert_string_equal(matched("Bằng khen của Chủ tịch UBND cấp tỉnh"), "BKUBT");
	assert_string_equal(matched("Huân chương Lao động hạng 3"), "HCLD3");
	assert_string_equal(matched("Huân chương lao động hạng III"), "HCLD3");
	assert_string_equal(matched("HCLĐ hạng Nhì"), "HCLD2");
	assert_string_equal(matched("Danh hiệu Lao động tiên tiến"), "LDTT");
	assert_string_equal(matched("chiến sĩ thi đua cơ sở"), "CSTDCS");
	assert_string_equal(matched("Giấy khen của Chủ tịch Ủy ban nhân dân xã"), "GKUBX");
	assert_string_equal(matched("Giấy khen Chủ tịch UBND huyện"), "GKUBH");
	assert_string_equal(matched("Gia đình văn hoá"), "GDVH");
	assert_string_equal(matched("Bằng khen Thủ tướng"), "BKTTG");
	assert_string_equal(matched("bktTg"), "BKTTG");
	assert_string_equal(matched("Bằng khen"), "");
	assert_string_equal(matched("Huân chương Mặt Trăng"), "");
}

static void forms_have_validity(void **state)
{
	arena *ar = arena_new();
	award_form *f;
	size_t n, before;
	err e = {0};
	assert_int_equal(award_forms_list(d, ar, "2025-06-30", &f, &before, &e), 0);
	assert_int_equal(award_forms_list(d, ar, "2025-07-01", &f, &n, &e), 0);
	assert_int_equal(before, n + 1); /* GKUBH ends with the district level */
	for (size_t i = 0; i < n; i++)
		assert_string_not_equal(f[i].code, "GKUBH");
	arena_free(ar);
}

static void admins_extend_the_catalogue(void **state)
{
	err e = {0};
	struct award_form_input in = {.code = "BKMTT", .name = "Bằng khen của Ủy ban MTTQ Việt Nam tỉnh",
				      .kind = "certificate", .authority = "agency",
				      .recipient_types = "cá nhân, tập thể", .aliases = "Bằng khen MTTQ tỉnh\nBK MTTQ",
				      .report_row = "bang_khen_bo_tinh", .position = -1};
	assert_int_equal(award_form_create(d, &officer, &in, &e), E_FORBIDDEN);
	assert_int_equal(award_form_create(d, &sys, &in, &e), 0);
	assert_int_equal(award_form_create(d, &sys, &in, &e), E_CONFLICT);
	arena *ar = arena_new();
	award_form f;
	assert_int_equal(award_form_get(d, ar, "BKMTT", &f, &e), 0);
	assert_string_equal(f.recipient_types, "collective,individual");
	assert_string_equal(f.aliases, "Bằng khen MTTQ tỉnh|BK MTTQ");
	assert_false(f.builtin);
	/* builtin forms keep their identity, but may be renamed and dated */
	struct award_form_input ch = {.authority = "commune", .position = -1};
	assert_int_equal(award_form_update(d, &sys, "BKTTG", &ch, &e), E_INVAL);
	struct award_form_input dated = {.valid_to = "2099-12-31", .position = -1};
	if (award_form_update(d, &sys, "BKTTG", &dated, &e)) fail_msg("%s", e.msg);
	assert_int_equal(award_form_get(d, ar, "BKTTG", &f, &e), 0);
	assert_string_equal(f.valid_to, "2099-12-31");
	struct award_form_input open = {.valid_to = "", .position = -1};
	assert_int_equal(award_form_update(d, &sys, "BKTTG", &open, &e), 0);
	assert_int_equal(award_form_get(d, ar, "BKTTG", &f, &e), 0);
	assert_null(f.valid_to);
	struct award_form_input bad = {.code = "X1", .name = "X", .kind = "order",
				       .authority = "king", .recipient_types = "individual", .position = -1};
	assert_int_equal(award_form_create(d, &sys, &bad, &e), E_INVAL);
	arena_free(ar);
}

static void recipient_types_are_read_as_written(void **state)
{
	assert_string_equal(award_type_parse("Tập thể"), "collective");
	assert_string_equal(award_type_parse("TẬP THỂ"), "collective");
	assert_string_equal(award_type_parse("hộ gia đình"), "household");
	assert_string_equal(award_type_parse("Hộ GĐ"), "household");
	assert_string_equal(award_type_parse("cá nhân."), "individual");
	assert_string_equal(award_type_parse("CN"), "individual");
	assert_null(award_type_parse("người ngoài hành tinh"));
}

/* ---- decisions ---- */

static struct award_input person(const char *type, const char *name, int64_t uid, int year)
{
	struct award_input w = {type, name, "", uid, NULL, 0, year, "Hoàn thành xuất sắc nhiệm vụ", 0};
	return w;
}

static int64_t record(const actor *a, const char *number, const char *date, const char *unit_code,
		      const char *form, struct award_input *w, size_t n, err *e)
{
	struct decision_input in = {number, date, "Nguyễn Văn A", "Chủ tịch", unit_id(unit_code), form,
				    w, n, 0};
	int64_t id = 0;
	int rc = decision_create(d, a, &in, &id, e);
	return rc ? rc : id;
}

static void a_province_records_a_decision(void **state)
{
	int64_t ward = unit_id("QNG-X-21025"), snv = unit_id("QNG-SNV");
	struct award_input w[] = {
		person("collective", "Phòng Văn hóa - Xã hội phường Cẩm Thành", ward, 2024),
		person("household", "Hộ ông Nguyễn Văn Bình", ward, 2024),
		person("individual", "Trần Thị Thu Hương", snv, 2024),
		{"individual", "Lê Văn Ngoài", "Giám đốc", 0, "Công ty TNHH Bên Ngoài", 0, 0, "", 0},
	};
	err e = {0};
	int64_t id = record(&officer, "15/QĐ-UBND", "2025-01-10", "QNG", "BKUBT", w, 4, &e);
	assert_true(id > 0);
	arena *ar = arena_new();
	decision x;
	award *aw;
	size_t n;
	assert_int_equal(decision_get(d, ar, &officer, id, &x, &aw, &n, &e), 0);
	assert_string_equal(x.form_code, "BKUBT");
	assert_int_equal(x.n_awards, 4);
	assert_int_equal(n, 4);
	assert_string_equal(aw[0].unit_name, "Phường Cẩm Thành");
	assert_int_equal(aw[3].unit_id, 0);
	assert_string_equal(aw[3].unit_name, "Công ty TNHH Bên Ngoài");
	assert_int_equal(aw[3].year, 2025); /* no year given: the decision's */
	/* the commune officer sees it through its recipients */
	assert_int_equal(decision_get(d, ar, &commune_officer, id, &x, NULL, NULL, &e), 0);
	assert_int_equal(scalar("SELECT COUNT(*) FROM audit WHERE entity = 'decision'"), 1);
	counts_are_exact();
	arena_free(ar);
}

static void decisions_are_refused_with_reasons(void **state)
{
	int64_t ward = unit_id("QNG-X-21025");
	struct award_input one = person("individual", "Võ Thị Mai", ward, 2025);
	err e = {0};
	/* staff may not record; a commune officer may not act for the province */
	assert_int_equal(record(&staff, "1/QĐ", "2025-02-01", "QNG-SNV", "GK", &one, 1, &e), E_FORBIDDEN);
	assert_int_equal(record(&commune_officer, "1/QĐ", "2025-09-01", "QNG", "BKUBT", &one, 1, &e),
			 E_FORBIDDEN);
	struct award_input outside = person("individual", "A", unit_id("QNG-SNV"), 2025);
	assert_int_equal(record(&commune_officer, "1/QĐ", "2025-09-01", "QNG-X-21025", "GKUBX", &outside,
				1, &e),
			 E_FORBIDDEN);
	/* a commune's chair cannot grant the Prime Minister's Bằng khen */
	assert_int_equal(record(&commune_officer, "2/QĐ", "2025-09-01", "QNG-X-21025", "BKTTG", &one, 1, &e),
			 E_INVAL);
	assert_non_null(strstr(e.msg, "không có thẩm quyền"));
	/* CSTĐCS is for individuals */
	struct award_input hh = person("household", "Hộ bà Lan", ward, 2025);
	assert_int_equal(record(&commune_officer, "3/QĐ", "2025-09-01", "QNG-X-21025", "CSTDCS", &hh, 1, &e),
			 E_INVAL);
	assert_non_null(strstr(e.msg, "chỉ tặng cá nhân"));
	/* the ward only exists from 1/7/2025; a district ended on 30/6/2025 */
	assert_int_equal(record(&commune_officer, "4/QĐ", "2025-06-01", "QNG-X-21025", "GKUBX", &one, 1, &e),
			 E_INVAL);
	assert_int_equal(record(&officer, "5/QĐ", "2025-08-01", "QNG-H-BINH-SON", "GKUBH", &one, 1, &e),
			 E_INVAL);
	struct award_input old = person("individual", "Đinh Văn Cũ", unit_id("QNG-HX-binh-thanh"), 2019);
	assert_true(record(&officer, "120/QĐ-UBND", "2019-12-20", "QNG-H-BINH-SON", "GKUBH", &old, 1, &e) > 0);
	/* bad year, unknown form, duplicate number */
	struct award_input y = person("individual", "X", ward, 1900);
	assert_int_equal(record(&officer, "6/QĐ", "2025-09-01", "QNG", "BKUBT", &y, 1, &e), E_INVAL);
	assert_int_equal(record(&officer, "7/QĐ", "2025-09-01", "QNG", "NOPE", &one, 1, &e), E_INVAL);
	assert_int_equal(record(&officer, "15/QĐ-UBND", "2025-01-10", "QNG", "BKUBT", &one, 1, &e),
			 E_CONFLICT);
	assert_int_equal(record(&officer, "8/QĐ", "2025-09-01", "QNG", "BKUBT", &one, 0, &e), E_INVAL);
	counts_are_exact();
}

/* ---- statistics ---- */

static int64_t stat(const actor *a, const char *by, const char *unit_code, int from, int to,
		    const char *periods, size_t *rows, struct award_stat_row **out)
{
	struct award_stats_query q = {0};
	err e = {0};
	assert_int_equal(award_stats_parse_by(by, &q, &e), 0);
	assert_int_equal(award_stats_parse_periods(periods, &q, &e), 0);
	q.unit_id = unit_code ? unit_id(unit_code) : 0;
	q.from = from;
	q.to = to;
	static arena *ar;
	if (!ar)
		ar = arena_new();
	struct award_stat_row *v;
	size_t n;
	if (award_stats(d, ar, a, &q, &v, &n, &e) != 0)
		fail_msg("%s", e.msg);
	int64_t total = 0;
	for (size_t i = 0; i < n; i++)
		total += v[i].count;
	if (rows)
		*rows = n;
	if (out)
		*out = v;
	return total;
}

static void statistics_count_the_subtree(void **state)
{
	struct award_stat_row *v;
	size_t n;
	/* province-wide: the 4 awards of the province's decision + 1 of 2019 */
	assert_int_equal(stat(&officer, "", NULL, 0, 0, NULL, &n, NULL), 5);
	assert_int_equal(n, 1);
	assert_int_equal(stat(&officer, "form,recipient_type", NULL, 0, 0, NULL, &n, &v), 5);
	assert_int_equal(n, 4);
	assert_string_equal(v[0].form, "BKUBT"); /* catalogue order: BKUBT before GKUBH */
	assert_string_equal(v[0].recipient_type, "collective");
	assert_int_equal(v[0].count, 1);
	assert_string_equal(v[3].form, "GKUBH");
	/* the ward's own subtree: collective + household */
	assert_int_equal(stat(&commune_officer, "recipient_type", NULL, 0, 0, NULL, &n, &v), 2);
	/* the outsider counts under the issuing province itself */
	assert_int_equal(stat(&officer, "unit", NULL, 2021, 0, NULL, &n, &v), 4);
	int64_t qng = unit_id("QNG"), ward = unit_id("QNG-X-21025");
	bool saw_root = false, saw_ward = false;
	for (size_t i = 0; i < n; i++) {
		saw_root |= v[i].unit_id == qng && v[i].count == 1;
		saw_ward |= v[i].unit_id == ward && v[i].count == 2;
	}
	assert_true(saw_root && saw_ward);
	/* years and periods */
	assert_int_equal(stat(&officer, "year", NULL, 2020, 0, NULL, &n, &v), 4);
	assert_int_equal(stat(&officer, "form", NULL, 0, 0, "2016-2020,2021-2025", &n, &v), 5);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].period, 1); /* BKUBT in 2021-2025 */
	assert_int_equal(v[1].period, 0); /* GKUBH in 2016-2020 */
	assert_int_equal(stat(&officer, "", NULL, 0, 0, "2011-2015", &n, &v), 0);
	/* the whole country, seen from the root, holds the same */
	assert_int_equal(stat(&sys, "form", NULL, 0, 0, NULL, &n, NULL), 5);
	assert_int_equal(stat(&sys, "unit", NULL, 0, 0, NULL, &n, &v), 5);
	assert_int_equal(n, 1); /* everything under the one province */
}

static void bad_questions_are_refused(void **state)
{
	struct award_stats_query q = {0};
	err e = {0};
	assert_int_equal(award_stats_parse_by("form,colour", &q, &e), E_PARSE);
	assert_int_equal(award_stats_parse_by("year,year", &q, &e), E_PARSE);
	assert_int_equal(award_stats_parse_periods("2011-2015,2014-2020", &q, &e), E_PARSE);
	assert_int_equal(award_stats_parse_periods("2015-2011", &q, &e), E_PARSE);
	assert_int_equal(award_stats_parse_periods("2011-2015;2016-2020", &q, &e), E_PARSE);
	q = (struct award_stats_query){0};
	q.unit_id = unit_id("QNG");
	arena *ar = arena_new();
	struct award_stat_row *v;
	size_t n;
	assert_int_equal(award_stats(d, ar, &commune_officer, &q, &v, &n, &e), E_NOTFOUND);
	arena_free(ar);
}

static void a_unit_move_keeps_counts_exact(void **state)
{
	err e = {0};
	int64_t old = unit_id("QNG-HX-binh-thanh"), son_ha = unit_id("QNG-H-SON-HA");
	assert_int_equal(stat(&sys, "", "QNG-H-BINH-SON", 0, 0, NULL, NULL, NULL), 1);
	struct unit_input mv = {.parent_id = son_ha, .active = -1};
	assert_int_equal(unit_update(d, &sys, old, &mv, &e), 0);
	counts_are_exact();
	assert_int_equal(stat(&sys, "", "QNG-H-BINH-SON", 0, 0, NULL, NULL, NULL), 0);
	assert_int_equal(stat(&sys, "", "QNG-H-SON-HA", 0, 0, NULL, NULL, NULL), 1);
	assert_int_equal(stat(&sys, "", "QNG", 0, 0, NULL, NULL, NULL), 5);
	mv.parent_id = unit_id("QNG-H-BINH-SON");
	assert_int_equal(unit_update(d, &sys, old, &mv, &e), 0);
	counts_are_exact();
}

static void recipients_are_found_without_accents(void **state)
{
	arena *ar = arena_new();
	award *v;
	size_t n;
	err e = {0};
	assert_int_equal(awards_search(d, ar, &officer, "tran thi thu huong", 0, 0, &v, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].name, "Trần Thị Thu Hương");
	assert_string_equal(v[0].decision_number, "15/QĐ-UBND");
	assert_int_equal(awards_search(d, ar, &officer, "NGUYEN VAN BINH", 0, 0, &v, &n, &e), 0);
	assert_int_equal(n, 1);
	/* the ward sees its own people only */
	assert_int_equal(awards_search(d, ar, &commune_officer, "thu huong", 0, 0, &v, &n, &e), 0);
	assert_int_equal(n, 0);
	assert_int_equal(awards_search(d, ar, &officer, "100%_", 0, 0, &v, &n, &e), 0);
	assert_int_equal(n, 0);
	struct decision_filter f = {.q = "15/qđ"};
	decision *dv;
	assert_int_equal(decisions_list(d, ar, &officer, &f, &dv, &n, &e), 0);
	assert_int_equal(n, 1);
	arena_free(ar);
}

/* ---- import ---- */

static int64_t import_csv(const actor *a, const char *csv, const struct award_import_defaults *def,
			  int *bad, err *e)
{
	int64_t created = 0;
	int rc = awards_import_file(d, a, csv, strlen(csv), "csv", def, &created, bad, e);
	return rc ? rc : created;
}

static void a_list_is_imported_with_its_spellings(void **state)
{
	const char *csv =
		"STT,Họ và tên,Đối tượng,Chức vụ,Đơn vị,Hình thức khen thưởng,Năm,Số quyết định,Ngày quyết định,Phong trào\n"
		"1,Phạm Văn Tài,CÁ NHÂN,Chuyên viên,QNG-SNV,Bằng khen của Chủ tịch Uỷ ban nhân dân tỉnh,2024,"
		"201/QĐ-UBND,15/01/2025,Vì người nghèo - Không để ai bị bỏ lại phía sau\n"
		"2,Hội Nông dân tỉnh,tập thể,,Hội Nông dân tỉnh,Bằng khen Chủ tịch UBND tỉnh,2024,201/QĐ-UBND,"
		"15/01/2025,\n"
		"\n"
		"3,Hộ bà Đinh Thị Hoa,Hộ gia đình,,Phường Cẩm Thành,BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH,,202/QĐ-UBND,"
		"2025-01-20,\n";
	int bad = 0;
	err e = {0};
	int64_t before = scalar("SELECT COUNT(*) FROM decisions");
	if (import_csv(&officer, csv, NULL, &bad, &e) != 3) fail_msg("%d %s", bad, e.msg);
	assert_int_equal(scalar("SELECT COUNT(*) FROM decisions") - before, 2);
	assert_int_equal(scalar("SELECT COUNT(*) FROM awards WHERE movement_id IS NOT NULL"), 1);
	assert_int_equal(scalar("SELECT year FROM awards WHERE name = 'Hộ bà Đinh Thị Hoa'"), 2025);
	counts_are_exact();
}

static void one_bad_row_writes_nothing(void **state)
{
	int64_t before = scalar("SELECT COUNT(*) FROM awards");
	const char *head = "Tên tập thể,Đơn vị,Hình thức khen thưởng,Năm\n";
	struct award_import_defaults def = {.number = "88/QĐ-UBND", .date = "2025-11-05",
					    .signer = "Lê Văn Minh", .form_code = "TTLDXS"};
	int bad = 0;
	err e = {0};
	char csv[1024];
	snprintf(csv, sizeof csv, "%s%s%s%s", head, "Sở Tư pháp,QNG-STP,,2025\n",
		 "Sở Y tế,QNG-SYT,,2025\n", "Sở Không Có,,,20255\n");
	assert_int_equal(import_csv(&officer, csv, &def, &bad, &e), E_INVAL);
	assert_int_equal(bad, 4);
	assert_non_null(strstr(e.msg, "Dòng 4"));
	/* a row the rules refuse: households do not get TTLĐXS */
	snprintf(csv, sizeof csv, "Họ và tên,Đối tượng,Hình thức khen thưởng\nA,tập thể,\nHộ B,hộ,\n");
	assert_int_equal(import_csv(&officer, csv, &def, &bad, &e), E_INVAL);
	assert_int_equal(bad, 3);
	/* unknown form, ambiguous movement, mixed forms in one decision */
	snprintf(csv, sizeof csv, "Họ và tên,Hình thức khen thưởng\nA,Huy chương Mặt Trăng\n");
	assert_int_equal(import_csv(&officer, csv, &def, &bad, &e), E_INVAL);
	assert_int_equal(bad, 2);
	snprintf(csv, sizeof csv, "Họ và tên,Năm,Phong trào\nA,2019,phong trào thi đua\n");
	assert_int_equal(import_csv(&officer, csv, &def, &bad, &e), E_INVAL);
	assert_non_null(strstr(e.msg, "nhiều phong trào"));
	def.form_code = NULL;
	snprintf(csv, sizeof csv,
		 "Họ và tên,Hình thức khen thưởng\nA,Chiến sĩ thi đua cấp tỉnh\nB,Bằng khen UBND tỉnh\n");
	assert_int_equal(import_csv(&officer, csv, &def, &bad, &e), E_INVAL);
	assert_int_equal(bad, 3);
	/* a decision number already recorded */
	snprintf(csv, sizeof csv, "Họ và tên,Hình thức khen thưởng,Số QĐ,Ngày QĐ\nA,BKUBT,15/QĐ-UBND,10/01/2025\n");
	assert_int_equal(import_csv(&officer, csv, NULL, &bad, &e), E_INVAL);
	assert_int_equal(bad, 2);
	/* no name column; staff */
	assert_int_equal(import_csv(&officer, "Năm\n2025\n", &def, &bad, &e), E_INVAL);
	assert_int_equal(bad, 1);
	assert_int_equal(import_csv(&staff, "x", &def, &bad, &e), E_FORBIDDEN);
	assert_int_equal(scalar("SELECT COUNT(*) FROM awards"), before);
	counts_are_exact();
}

static void a_plain_giay_khen_is_the_issuers_own(void **state)
{
	const char *csv = "Họ và tên,Đối tượng,Hình thức khen thưởng,Số QĐ,Ngày QĐ\n"
			  "Nguyễn Văn Phường,cá nhân,Giấy khen,12/QĐ-UBND,2025-12-01\n";
	int bad = 0;
	err e = {0};
	assert_int_equal(import_csv(&commune_officer, csv, NULL, &bad, &e), 1);
	assert_int_equal(scalar("SELECT COUNT(*) FROM awards WHERE form_code = 'GKUBX'"), 1);
}

/* An Excel list as offices keep it: numbers as numbers, the decision date
 * as a real Excel date, a unit by its code and one by its name. */
static void an_excel_list_is_imported(void **state)
{
	char path[] = "/tmp/thidua-awards-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Danh sách");
	lxw_format *date = workbook_add_format(wb);
	format_set_num_format(date, "dd/mm/yyyy");
	const char *head[] = {"STT", "Tên tập thể, cá nhân", "Loại", "Đơn vị", "Danh hiệu", "Năm",
			      "Số QĐ", "Ngày QĐ", "Đơn vị ban hành"};
	for (int c = 0; c < 9; c++)
		worksheet_write_string(ws, 0, (lxw_col_t)c, head[c], NULL);
	const char *names[] = {"Trường THPT chuyên Lê Khiết", "Nguyễn Thị Hạnh", "Phan Văn Đức"};
	const char *types[] = {"Tập thể", "Cá nhân", "cá nhân"};
	const char *units[] = {"QNG-SGDDT-THPTLK", "trường thpt chuyên lê khiết", "QNG-SGDDT-THPTLK"};
	const char *forms[] = {"Tập thể lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Lao động tiên tiến"};
	lxw_datetime when = {2025, 6, 2, 0, 0, 0};
	for (int r = 1; r <= 3; r++) {
		worksheet_write_number(ws, (lxw_row_t)r, 0, r, NULL);
		worksheet_write_string(ws, (lxw_row_t)r, 1, names[r - 1], NULL);
		worksheet_write_string(ws, (lxw_row_t)r, 2, types[r - 1], NULL);
		worksheet_write_string(ws, (lxw_row_t)r, 3, units[r - 1], NULL);
		worksheet_write_string(ws, (lxw_row_t)r, 4, forms[r - 1], NULL);
		worksheet_write_number(ws, (lxw_row_t)r, 5, 2024, NULL);
		/* one decision per title, as a school's year-end lists are */
		char number[32];
		snprintf(number, sizeof number, "%d/QĐ-THPTLK", 40 + r);
		worksheet_write_string(ws, (lxw_row_t)r, 6, number, NULL);
		worksheet_write_datetime(ws, (lxw_row_t)r, 7, &when, date);
		worksheet_write_string(ws, (lxw_row_t)r, 8, "QNG-SGDDT-THPTLK", NULL);
	}
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	buf x = BUF_INIT;
	err e = {0};
	assert_int_equal(read_file(path, 1 << 20, &x, &e), 0);
	unlink(path);
	int64_t created = 0;
	int bad = 0;
	if (awards_import_file(d, &officer, x.p, x.len, NULL, NULL, &created, &bad, &e))
		fail_msg("row %d: %s", bad, e.msg);
	assert_int_equal(created, 3);
	assert_int_equal(scalar("SELECT COUNT(*) FROM decisions WHERE date = '2025-06-02'"), 3);
	assert_int_equal(scalar("SELECT COUNT(*) FROM awards a JOIN units u ON u.id = a.unit_id"
				" WHERE u.code = 'QNG-SGDDT-THPTLK' AND a.year = 2024"),
			 3);
	counts_are_exact();
	buf_free(&x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(builtin_forms_are_consistent),
		cmocka_unit_test(forms_are_matched_as_people_write_them),
		cmocka_unit_test(forms_have_validity),
		cmocka_unit_test(admins_extend_the_catalogue),
		cmocka_unit_test(recipient_types_are_read_as_written),
		cmocka_unit_test(a_province_records_a_decision),
		cmocka_unit_test(decisions_are_refused_with_reasons),
		cmocka_unit_test(statistics_count_the_subtree),
		cmocka_unit_test(bad_questions_are_refused),
		cmocka_unit_test(a_unit_move_keeps_counts_exact),
		cmocka_unit_test(recipients_are_found_without_accents),
		cmocka_unit_test(a_list_is_imported_with_its_spellings),
		cmocka_unit_test(one_bad_row_writes_nothing),
		cmocka_unit_test(a_plain_giay_khen_is_the_issuers_own),
		cmocka_unit_test(an_excel_list_is_imported),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
