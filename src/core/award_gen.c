/*
 * award_gen.c — the national data generator (see award_gen.h).
 *
 * Shape of the country: 34 provinces (codes G01…G34), each with a people's
 * committee office, 13 departments, the Front with 5 mass organisations, 3
 * schools, 2 enterprises, about 98 communes and wards valid from 1/7/2025,
 * and about 20 districts each with about 15 former communes, valid until
 * 30/6/2025 — about 15,000 units. Units are inserted in bulk with their
 * closure rows (one transaction, one audit row for the generation): going
 * through unit_create() would cost an audit row and a transaction each.
 *
 * Awards per year follow the mix of §3.2: base titles (LĐTT, CSTĐCS, giấy
 * khen) dominate, provincial Bằng khen next, state forms are rare;
 * individuals outnumber collectives about 2:1; households appear in the
 * movements (Gia đình văn hóa, Bằng khen and giấy khen for NTM and "Vì
 * người nghèo"). Years up to 2024 use the districts and former communes,
 * 2025 the new communes (decisions dated after 1/7/2025).
 */
#include "award_gen.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/awards_int.h"
#include "core/movements.h"
#include "text/text.h"

/* ---- random numbers (xorshift64*): the same seed, the same data ---- */

static uint64_t rng_state;

static uint64_t rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

static int below(int n) { return n > 0 ? (int)(rnd() % (uint64_t)n) : 0; }
static bool chance(int percent) { return below(100) < percent; }
#define PICK(a) (a[below((int)(sizeof a / sizeof a[0]))])

/* ---- names ---- */

static const char *const provinces[34] = {
	"Thành phố Hà Nội", "Thành phố Huế", "Thành phố Hải Phòng", "Thành phố Đà Nẵng",
	"Thành phố Hồ Chí Minh", "Thành phố Cần Thơ", "Tỉnh Lai Châu", "Tỉnh Điện Biên",
	"Tỉnh Sơn La", "Tỉnh Lạng Sơn", "Tỉnh Quảng Ninh", "Tỉnh Thanh Hóa", "Tỉnh Nghệ An",
	"Tỉnh Hà Tĩnh", "Tỉnh Cao Bằng", "Tỉnh Tuyên Quang", "Tỉnh Lào Cai", "Tỉnh Thái Nguyên",
	"Tỉnh Phú Thọ", "Tỉnh Bắc Ninh", "Tỉnh Hưng Yên", "Tỉnh Ninh Bình", "Tỉnh Quảng Trị",
	"Tỉnh Quảng Ngãi", "Tỉnh Gia Lai", "Tỉnh Khánh Hòa", "Tỉnh Lâm Đồng", "Tỉnh Đắk Lắk",
	"Tỉnh Đồng Nai", "Tỉnh Tây Ninh", "Tỉnh Vĩnh Long", "Tỉnh Đồng Tháp", "Tỉnh Cà Mau",
	"Tỉnh An Giang",
};
/* Commune-level units per province since 1/7/2025 (3,321 in all). */
static const int communes_of[34] = {126, 40, 114, 94, 168, 103, 38, 45, 75, 65, 54, 166, 130,
				    69, 56, 124, 99, 92, 148, 99, 104, 129, 78, 96, 135, 65,
				    124, 102, 95, 96, 124, 102, 64, 102};

static const char *const departments[] = {
	"Văn phòng Ủy ban nhân dân", "Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", "Sở Công Thương",
	"Sở Xây dựng", "Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ",
	"Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch",
	"Sở Dân tộc và Tôn giáo", "Sở Ngoại vụ", "Thanh tra tỉnh",
};
static const char *const fronts[] = {"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Hội Nông dân tỉnh",
				     "Hội Liên hiệp Phụ nữ tỉnh", "Tỉnh đoàn", "Hội Cựu chiến binh tỉnh",
				     "Liên đoàn Lao động tỉnh"};
static const char *const syl1[] = {"Tân", "Bình", "An", "Hòa", "Phú", "Thạnh", "Long", "Vĩnh",
				   "Phước", "Mỹ", "Hưng", "Thanh", "Quảng", "Đức", "Nghĩa", "Tịnh",
				   "Sơn", "Hải", "Xuân", "Đông"};
static const char *const syl2[] = {"Phú", "An", "Hòa", "Lợi", "Thành", "Hưng", "Lộc", "Thịnh",
				   "Bình", "Trung", "Tây", "Đông", "Nam", "Bắc", "Mỹ", "Long",
				   "Tiến", "Thuận", "Phong", "Hiệp"};
static const char *const family[] = {"Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê",
				     "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
				     "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Mai"};
static const char *const middle[] = {"Văn", "Thị", "Đức", "Ngọc", "Minh", "Thu", "Quốc",
				     "Thanh", "Hữu", "Thị Thu", "Văn Hoàng", "Xuân", "Công", "Kim"};
static const char *const given[] = {"An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hương",
				    "Khánh", "Lan", "Long", "Mai", "Nam", "Phương", "Quân", "Thảo",
				    "Trang", "Tuấn", "Việt", "Yến", "Hùng", "Linh", "Sơn", "Tâm",
				    "Nhung", "Đạt", "Hiếu", "Huyền", "Oanh", "Vy"};
static const char *const teams[] = {"Phòng Tổ chức - Hành chính", "Phòng Kế hoạch - Tài chính",
				    "Tổ Văn phòng", "Phòng Nghiệp vụ", "Tổ Chuyên môn",
				    "Ban Chỉ huy Quân sự", "Công an", "Trạm Y tế", "Hội Nông dân",
				    "Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên", "Hội Cựu chiến binh"};
static const char *const positions[] = {"Chuyên viên", "Phó Trưởng phòng", "Trưởng phòng",
					"Giáo viên", "Bác sĩ", "Công chức", "Chủ tịch", "Phó Chủ tịch",
					"Nhân viên", "Kỹ sư", "Điều dưỡng", "Kế toán", ""};
static const char *const outsiders[] = {"Công ty TNHH Thương mại Sao Mai", "Hợp tác xã Nông nghiệp Thành Công",
					"Công ty Cổ phần Xây dựng Hòa Bình", "Ngân hàng TMCP Công Thương chi nhánh",
					"Trường Đại học Sư phạm", "Bệnh viện Đa khoa khu vực"};

static char *person_name(arena *ar)
{
	return arena_printf(ar, "%s %s %s", PICK(family), PICK(middle), PICK(given));
}

/* ---- the unit tree ---- */

struct gunit {
	int64_t id;
	const char *name, *kind;
};

struct province {
	int64_t id;
	const char *name;
	struct gunit depts[16], fronts[6], schools[3], firms[2];
	struct gunit *communes, *districts, *old;
	int n_communes, n_districts, n_old;
	int *old_parent; /* index into districts for each former commune */
	int64_t movements[3]; /* NTM 2021-2025, VNN 2021-2025, văn hóa công sở */
};

struct country {
	int64_t root;
	int64_t ministries[3];
	int64_t national[2]; /* NTM 2011-2020, VHCS 2019-2025 */
	struct province p[34];
	int weight_total;
};

struct unit_writer {
	db_stmt *unit, *self, *up;
	int64_t now;
	int64_t made;
};

static int add_unit(db *d, struct unit_writer *uw, const char *code, const char *name,
		    const char *kind, int64_t parent, bool historic, int64_t *id, err *e)
{
	char *key = text_search_key(name);
	db_stmt *st = uw->unit;
	db_reset(st);
	db_bind_text(st, 1, code);
	db_bind_text(st, 2, name);
	db_bind_text(st, 3, kind);
	db_bind_i64(st, 4, parent);
	db_bind_i64(st, 5, historic ? 0 : 1);
	db_bind_text(st, 6, historic ? "2000-01-01" : (strcmp(kind, "commune") && strcmp(kind, "ward") ? "2000-01-01" : "2025-07-01"));
	if (historic)
		db_bind_text(st, 7, "2025-06-30");
	else
		db_bind_null(st, 7);
	db_bind_text(st, 8, key);
	db_bind_i64(st, 9, uw->now);
	free(key);
	int rc = db_step(st, e);
	if (rc == DB_ROW)
		*id = db_col_i64(st, 0);
	while (rc == DB_ROW)
		rc = db_step(st, e);
	if (rc < 0)
		return rc;
	db_reset(uw->self);
	db_bind_i64(uw->self, 1, *id);
	if ((rc = db_step(uw->self, e)) < 0)
		return rc;
	db_reset(uw->up);
	db_bind_i64(uw->up, 1, *id);
	db_bind_i64(uw->up, 2, parent);
	if ((rc = db_step(uw->up, e)) < 0)
		return rc;
	uw->made++;
	return 0;
}

static int make_province(db *d, arena *ar, struct unit_writer *uw, struct country *c, int i, err *e)
{
	struct province *p = &c->p[i];
	p->name = provinces[i];
	char code[48];
	snprintf(code, sizeof code, "G%02d", i + 1);
	int rc = add_unit(d, uw, code, p->name, "province", c->root, false, &p->id, e);
	for (int k = 0; rc == 0 && k < (int)(sizeof departments / sizeof *departments); k++) {
		snprintf(code, sizeof code, "G%02d-S%02d", i + 1, k + 1);
		p->depts[k] = (struct gunit){0, departments[k], "department"};
		rc = add_unit(d, uw, code, departments[k], "department", p->id, false, &p->depts[k].id, e);
	}
	for (int k = 0; rc == 0 && k < 6; k++) {
		snprintf(code, sizeof code, "G%02d-M%d", i + 1, k + 1);
		p->fronts[k] = (struct gunit){0, fronts[k], "front"};
		rc = add_unit(d, uw, code, fronts[k], "front", k ? p->fronts[0].id : p->id, false,
			      &p->fronts[k].id, e);
	}
	static const char *const schools[] = {"Trường THPT chuyên", "Trường THPT Nguyễn Du",
					      "Trường Cao đẳng Kỹ thuật"};
	static const char *const firms[] = {"Công ty Cổ phần Môi trường Đô thị",
					    "Công ty TNHH MTV Khai thác Thủy lợi"};
	for (int k = 0; rc == 0 && k < 3; k++) {
		snprintf(code, sizeof code, "G%02d-T%d", i + 1, k + 1);
		p->schools[k] = (struct gunit){0, schools[k], "school"};
		rc = add_unit(d, uw, code, schools[k], "school", p->depts[8].id, false, &p->schools[k].id, e);
	}
	for (int k = 0; rc == 0 && k < 2; k++) {
		snprintf(code, sizeof code, "G%02d-D%d", i + 1, k + 1);
		p->firms[k] = (struct gunit){0, firms[k], "enterprise"};
		rc = add_unit(d, uw, code, firms[k], "enterprise", p->id, false, &p->firms[k].id, e);
	}
	p->n_communes = communes_of[i];
	p->communes = arena_alloc(ar, (size_t)p->n_communes * sizeof *p->communes);
	for (int k = 0; rc == 0 && k < p->n_communes; k++) {
		bool ward = k % 5 == 0;
		const char *name = arena_printf(ar, "%s %s %s", ward ? "Phường" : "Xã", syl1[k % 20],
						syl2[(k / 20 + k) % 20]);
		if (k >= 400)
			name = arena_printf(ar, "Xã %s %d", syl1[k % 20], k);
		snprintf(code, sizeof code, "G%02d-X%03d", i + 1, k + 1);
		p->communes[k] = (struct gunit){0, name, ward ? "ward" : "commune"};
		rc = add_unit(d, uw, code, name, ward ? "ward" : "commune", p->id, false,
			      &p->communes[k].id, e);
	}
	/* before the reform: about 20 districts of about 15 communes each */
	p->n_districts = 16 + (int)(communes_of[i] / 25);
	p->districts = arena_alloc(ar, (size_t)p->n_districts * sizeof *p->districts);
	p->n_old = p->n_districts * 15;
	p->old = arena_alloc(ar, (size_t)p->n_old * sizeof *p->old);
	p->old_parent = arena_alloc(ar, (size_t)p->n_old * sizeof *p->old_parent);
	for (int k = 0; rc == 0 && k < p->n_districts; k++) {
		const char *name = arena_printf(ar, "Huyện %s %s", syl1[(k + 7) % 20], syl2[(k * 3) % 20]);
		snprintf(code, sizeof code, "G%02d-H%02d", i + 1, k + 1);
		p->districts[k] = (struct gunit){0, name, "district"};
		rc = add_unit(d, uw, code, name, "district", p->id, true, &p->districts[k].id, e);
		for (int m = 0; rc == 0 && m < 15; m++) {
			int x = k * 15 + m;
			const char *cn = arena_printf(ar, "Xã %s %s", syl1[(m + k) % 20], syl2[(m * 7 + k) % 20]);
			snprintf(code, sizeof code, "G%02d-H%02d-X%02d", i + 1, k + 1, m + 1);
			p->old[x] = (struct gunit){0, cn, "commune"};
			p->old_parent[x] = k;
			rc = add_unit(d, uw, code, cn, "commune", p->districts[k].id, true, &p->old[x].id, e);
		}
	}
	return rc;
}

/* Finds generated units again (a second run adds awards to the same tree). */
static int load_province(db *d, arena *ar, struct country *c, int i, err *e)
{
	struct province *p = &c->p[i];
	p->name = provinces[i];
	char code[48];
	snprintf(code, sizeof code, "G%02d", i + 1);
	int rc = db_get_i64(d, &p->id, e, "SELECT id FROM units WHERE code = $1", "t", code);
	if (rc)
		return rc;
	struct gunit *groups[] = {p->depts, p->fronts, p->schools, p->firms};
	const char tag[] = {'S', 'M', 'T', 'D'};
	int counts[] = {14, 6, 3, 2};
	for (int g = 0; g < 4 && rc == 0; g++)
		for (int k = 0; k < counts[g] && rc == 0; k++) {
			if (g == 0)
				snprintf(code, sizeof code, "G%02d-S%02d", i + 1, k + 1);
			else
				snprintf(code, sizeof code, "G%02d-%c%d", i + 1, tag[g], k + 1);
			rc = db_get_i64(d, &groups[g][k].id, e, "SELECT id FROM units WHERE code = $1", "t", code);
			groups[g][k].kind = g == 0 ? "department" : g == 1 ? "front" : g == 2 ? "school" : "enterprise";
			groups[g][k].name = g == 0 ? departments[k] : g == 1 ? fronts[k] : "";
		}
	p->n_communes = communes_of[i];
	p->communes = arena_alloc(ar, (size_t)p->n_communes * sizeof *p->communes);
	p->n_districts = 16 + (int)(communes_of[i] / 25);
	p->districts = arena_alloc(ar, (size_t)p->n_districts * sizeof *p->districts);
	p->n_old = p->n_districts * 15;
	p->old = arena_alloc(ar, (size_t)p->n_old * sizeof *p->old);
	p->old_parent = arena_alloc(ar, (size_t)p->n_old * sizeof *p->old_parent);
	/* one query per level, in code order, which is creation order */
	db_stmt *st;
	snprintf(code, sizeof code, "G%02d-X%%", i + 1);
	if (rc == 0 && (rc = db_query(d, &st, e, "SELECT id, name, kind FROM units WHERE code LIKE $1"
						 " AND kind <> 'district' ORDER BY code", "t", code)) == 0) {
		for (int k = 0; k < p->n_communes && db_step(st, e) == DB_ROW; k++)
			p->communes[k] = (struct gunit){db_col_i64(st, 0), arena_strdup(ar, db_col_text(st, 1)),
							arena_strdup(ar, db_col_text(st, 2))};
		db_finalize(st);
	}
	snprintf(code, sizeof code, "G%02d-H%%", i + 1);
	if (rc == 0 && (rc = db_query(d, &st, e, "SELECT id, name, kind, code FROM units WHERE code LIKE $1"
						 " ORDER BY code", "t", code)) == 0) {
		int k = -1, x = 0;
		while (db_step(st, e) == DB_ROW) {
			struct gunit u = {db_col_i64(st, 0), arena_strdup(ar, db_col_text(st, 1)),
					  arena_strdup(ar, db_col_text(st, 2))};
			if (strcmp(u.kind, "district") == 0 && k + 1 < p->n_districts) {
				p->districts[++k] = u;
			} else if (k >= 0 && x < p->n_old) {
				p->old_parent[x] = k;
				p->old[x++] = u;
			}
		}
		db_finalize(st);
	}
	return rc;
}

static int make_tree(db *d, arena *ar, struct country *c, const actor *sys, int64_t *made, err *e)
{
	c->root = sys->unit_id;
	int64_t have = 0;
	int rc = db_get_i64(d, &have, e, "SELECT COUNT(*) FROM units WHERE code = 'G01'", NULL);
	if (rc)
		return rc;
	if (have) {
		for (int i = 0; i < 34 && rc == 0; i++)
			rc = load_province(d, ar, c, i, e);
		for (int k = 0; k < 3 && rc == 0; k++) {
			char code[16];
			snprintf(code, sizeof code, "GB%02d", k + 1);
			rc = db_get_i64(d, &c->ministries[k], e, "SELECT id FROM units WHERE code = $1", "t", code);
		}
		return rc;
	}
	struct unit_writer uw = {.now = now_unix()};
	rc = db_begin(d, e);
	if (rc == 0)
		rc = db_prepare(d,
				"INSERT INTO units (code, name, kind, parent_id, active, valid_from, valid_to,"
				" position, search_key, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8, $9)"
				" RETURNING id",
				&uw.unit, e);
	if (rc == 0)
		rc = db_prepare(d, "INSERT INTO unit_ancestors (unit_id, ancestor_id, depth) VALUES ($1, $1, 0)",
				&uw.self, e);
	if (rc == 0)
		rc = db_prepare(d,
				"INSERT INTO unit_ancestors (unit_id, ancestor_id, depth)"
				" SELECT $1, ancestor_id, depth + 1 FROM unit_ancestors WHERE unit_id = $2",
				&uw.up, e);
	static const char *const ministries[] = {"Bộ Nội vụ", "Bộ Giáo dục và Đào tạo", "Bộ Y tế"};
	for (int k = 0; k < 3 && rc == 0; k++) {
		char code[16];
		snprintf(code, sizeof code, "GB%02d", k + 1);
		rc = add_unit(d, &uw, code, ministries[k], "central", c->root, false, &c->ministries[k], e);
	}
	for (int i = 0; i < 34 && rc == 0; i++)
		rc = make_province(d, ar, &uw, c, i, e);
	db_finalize(uw.unit);
	db_finalize(uw.self);
	db_finalize(uw.up);
	if (rc == 0) {
		char *after = xasprintf("{\"generated_units\":%lld}", (long long)uw.made);
		rc = audit_log(d, sys, "generate", "unit", 0, NULL, after, e);
		free(after);
	}
	if (rc == 0)
		rc = db_commit(d, e);
	else
		db_rollback(d);
	*made = uw.made;
	return rc;
}

/* National movements (those of the demo data when present) and three
 * provincial ones answering them in every province. */
static int make_movements(db *d, arena *ar, struct country *c, const actor *sys, int64_t *made, err *e)
{
	static const char *const national[][3] = {
		{"Phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới” giai đoạn 2011 - 2020", "2011", "2020"},
		{"Phong trào thi đua “Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở” giai đoạn 2019 - 2025", "2019", "2025"},
		{"Phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới” giai đoạn 2021 - 2025", "2021", "2025"},
		{"Phong trào thi đua “Vì người nghèo - Không để ai bị bỏ lại phía sau” giai đoạn 2021 - 2025", "2021", "2025"},
	};
	int64_t ids[4] = {0};
	int rc = 0;
	for (int k = 0; k < 4 && rc == 0; k++) {
		if (db_get_i64(d, &ids[k], e, "SELECT id FROM movements WHERE unit_id = $1 AND title = $2",
			       "lt", c->root, national[k][0]) == 0)
			continue;
		struct movement_input in = {national[k][0], c->root, atoi(national[k][1]),
					    atoi(national[k][2]), 0, "thematic", NULL};
		rc = movement_create(d, sys, &in, &ids[k], e);
		(*made)++;
	}
	c->national[0] = ids[0];
	c->national[1] = ids[1];
	for (int i = 0; i < 34 && rc == 0; i++) {
		struct province *p = &c->p[i];
		const char *short_name = strchr(p->name, ' ') + 1;
		if (strncmp(p->name, "Thành phố", strlen("Thành phố")) == 0)
			short_name = p->name + strlen("Thành phố ");
		const char *titles[3] = {
			arena_printf(ar, "Phong trào thi đua “%s chung sức xây dựng nông thôn mới” giai đoạn 2021 - 2025", short_name),
			arena_printf(ar, "Phong trào thi đua “%s vì người nghèo - Không để ai bị bỏ lại phía sau” giai đoạn 2021 - 2025", short_name),
			arena_printf(ar, "Phong trào thi đua “Cán bộ, công chức, viên chức %s thi đua thực hiện văn hóa công sở”", short_name),
		};
		int64_t parents[3] = {ids[2], ids[3], ids[1]};
		int starts[3] = {2021, 2021, 2019};
		for (int k = 0; k < 3 && rc == 0; k++) {
			if (db_get_i64(d, &p->movements[k], e,
				       "SELECT id FROM movements WHERE unit_id = $1 AND title = $2", "lt", p->id,
				       titles[k]) == 0)
				continue;
			struct movement_input in = {titles[k], p->id, starts[k], 2025, parents[k], "thematic", NULL};
			rc = movement_create(d, sys, &in, &p->movements[k], e);
			(*made)++;
		}
	}
	return rc;
}

/* ---- awards ---- */

/* Forms with their share of all awards (per mille, §3.2 heuristics). */
static const struct {
	const char *code;
	int weight;
} mix[] = {
	{"LDTT", 230}, {"GK", 110},    {"GKUBX", 90},  {"GKUBH", 45},  {"CSTDCS", 95},
	{"TTLDTT", 55}, {"GDVH", 30},  {"BKUBT", 120}, {"BKBO", 15},   {"TTLDXS", 30},
	{"CSTDT", 11}, {"CTDT", 5},    {"TDPVH", 20},  {"BKTTG", 9},   {"HCLD3", 3},
	{"HCLD2", 1},  {"CTDCP", 1},   {"CSTDTQ", 1},  {"XPTB", 1},    {"GKDN", 25},
	{"KNC", 10},   {"HCBVTQ3", 1}, {"HCDDKDT", 1},
};

static const char *pick_form(int year)
{
	for (;;) {
		int total = 0;
		for (size_t i = 0; i < sizeof mix / sizeof *mix; i++)
			total += mix[i].weight;
		int x = below(total);
		for (size_t i = 0; i < sizeof mix / sizeof *mix; i++) {
			if (x < mix[i].weight) {
				/* district forms end with 2024's decisions; thôn văn
				 * hóa passes to communes from 2025 */
				if (year == 2025 && !strcmp(mix[i].code, "GKUBH"))
					break;
				return mix[i].code;
			}
			x -= mix[i].weight;
		}
	}
}

/* Where a decision comes from and where its recipients are. */
struct place {
	int64_t issuer;
	const struct gunit *pool; /* recipients' units */
	int n_pool;
	bool any_unit; /* recipients anywhere in the province */
};

static const struct gunit *random_unit(const struct province *p, bool historic)
{
	int x = below(100);
	if (x < 20)
		return &p->depts[below(14)];
	if (x < 26)
		return &p->fronts[below(6)];
	if (x < 32)
		return &p->schools[below(3)];
	if (x < 35)
		return &p->firms[below(2)];
	if (historic)
		return x < 45 ? &p->districts[below(p->n_districts)] : &p->old[below(p->n_old)];
	return &p->communes[below(p->n_communes)];
}

static void place_of(const struct country *c, const struct province *p, const award_form *f, bool historic,
		     struct place *pl, const struct gunit **single)
{
	memset(pl, 0, sizeof *pl);
	*single = NULL;
	const char *level = f->authority;
	if (!strcmp(level, "state") || !strcmp(level, "government")) {
		pl->issuer = c->root;
		pl->any_unit = true;
	} else if (!strcmp(f->code, "BKBO")) {
		pl->issuer = c->ministries[below(3)];
		pl->any_unit = true;
	} else if (!strcmp(level, "ministry_province")) {
		pl->issuer = p->id;
		pl->any_unit = true;
	} else if (!strcmp(level, "enterprise") ||
		   (!strcmp(level, "agency") && strcmp(f->code, "GK") && chance(8))) {
		*single = &p->firms[below(2)];
		pl->issuer = (*single)->id;
	} else if (!strcmp(level, "district") ||
		   (historic && (!strcmp(f->code, "TDPVH") || (!strcmp(level, "agency") && chance(30) &&
							       strcmp(f->code, "GK"))))) {
		int k = below(p->n_districts);
		pl->issuer = p->districts[k].id;
		*single = &p->old[k * 15 + below(15)];
		if (chance(20))
			*single = &p->districts[k];
	} else if (!strcmp(level, "commune") || (!strcmp(f->code, "LDTT") && chance(40)) ||
		   (!historic && strcmp(f->code, "GK") && chance(40))) {
		*single = historic ? &p->old[below(p->n_old)] : &p->communes[below(p->n_communes)];
		pl->issuer = (*single)->id;
	} else { /* an agency's own staff */
		*single = chance(80) ? &p->depts[below(14)] : &p->schools[below(3)];
		pl->issuer = (*single)->id;
	}
}

static const char *pick_type(const award_form *f, bool in_movement)
{
	bool ind = award_form_allows_type(f, "individual"), col = award_form_allows_type(f, "collective"),
	     hh = award_form_allows_type(f, "household");
	if (hh && (!ind && !col))
		return "household";
	if (hh && in_movement && chance(15))
		return "household";
	if (ind && col)
		return below(3) < 2 ? "individual" : "collective";
	return ind ? "individual" : "collective";
}

static int64_t movement_for(const struct country *c, const struct province *p, int year)
{
	if (!chance(40))
		return 0;
	if (year <= 2020 && chance(60))
		return c->national[0];
	if (year >= 2021)
		return p->movements[below(3)];
	return year >= 2019 ? p->movements[2] : 0;
}

struct batch {
	struct decision_input *dec;
	size_t n, cap;
	struct award_input *aw;
	size_t n_aw, cap_aw;
};

static const char *recipient_name(arena *ar, const char *type, const struct gunit *u)
{
	if (!strcmp(type, "individual"))
		return person_name(ar);
	if (!strcmp(type, "household"))
		return arena_printf(ar, "Hộ %s %s", chance(50) ? "ông" : "bà", person_name(ar));
	if (chance(50))
		return arena_printf(ar, "%s %s", PICK(teams), u ? u->name : "");
	return u ? u->name : "Tập thể";
}

/* One decision of `size` awards in province p, year y. */
static void make_decision(arena *ar, const struct country *c, const struct province *p,
			  const struct award_catalog *cat, int year, int64_t serial, int size,
			  struct batch *b)
{
	const award_form *f = award_catalog_form(cat, pick_form(year));
	bool historic = year <= 2024;
	struct place pl;
	const struct gunit *single;
	place_of(c, p, f, historic, &pl, &single);
	struct decision_input *x = &b->dec[b->n++];
	memset(x, 0, sizeof *x);
	x->number = arena_printf(ar, "%lld/QĐ-KT", (long long)serial);
	x->date = historic ? arena_printf(ar, "%04d-12-%02d", year, 1 + below(28))
			   : arena_printf(ar, "2025-%02d-%02d", 8 + below(5), 1 + below(28));
	x->signer = person_name(ar);
	x->signer_title = "Chủ tịch";
	x->unit_id = pl.issuer;
	x->form_code = f->code;
	if (!strcmp(f->code, "GDVH"))
		size *= 4; /* cultured-family lists are long */
	x->awards = &b->aw[b->n_aw];
	int64_t mv = movement_for(c, p, year);
	for (int k = 0; k < size && b->n_aw < b->cap_aw; k++) {
		struct award_input *w = &b->aw[b->n_aw++];
		memset(w, 0, sizeof *w);
		w->movement_id = mv;
		w->recipient_type = pick_type(f, mv != 0);
		const struct gunit *u = single ? single : random_unit(p, historic);
		if (!strcmp(f->code, "XPTB") || !strcmp(f->code, "TDPVH"))
			u = historic ? &p->old[below(p->n_old)] : &p->communes[below(p->n_communes)];
		if (pl.any_unit && chance(3)) {
			w->unit_name = PICK(outsiders);
			u = NULL;
		}
		w->unit_id = u ? u->id : 0;
		w->name = recipient_name(ar, w->recipient_type, u);
		w->position = !strcmp(w->recipient_type, "individual") ? PICK(positions) : "";
		w->year = year;
		w->achievement = mv ? "Có thành tích xuất sắc trong phong trào thi đua"
				    : "Hoàn thành xuất sắc nhiệm vụ được giao";
		x->n_awards++;
	}
}

int award_gen(db *d, const struct award_gen_opts *o, struct award_gen_result *res, err *e)
{
	memset(res, 0, sizeof *res);
	rng_state = o->seed ? o->seed : 0x7468696475616161ULL;
	actor sys;
	int rc = actor_system(d, &sys, e);
	if (rc)
		return rc;
	arena *tree = arena_new();
	struct country *c = xcalloc(1, sizeof *c);
	int weights[34], total = 0;
	for (int i = 0; i < 34; i++)
		total += weights[i] = communes_of[i];
	rc = make_tree(d, tree, c, &sys, &res->units, e);
	if (rc == 0)
		rc = make_movements(d, tree, c, &sys, &res->movements, e);
	struct vunits units;
	struct award_catalog cat;
	if (rc == 0)
		rc = vunits_load(d, tree, &sys, &units, e);
	if (rc == 0)
		rc = award_catalog_load(d, tree, &sys, &cat, e);
	int64_t serial = 0;
	if (rc == 0)
		rc = db_get_i64(d, &serial, e, "SELECT COUNT(*) FROM decisions", NULL);
	/* batches of about 20,000 awards, one transaction each */
	const size_t per_batch = 20000;
	while (rc == 0 && res->awards < o->count) {
		arena *ar = arena_new();
		struct batch b = {0};
		b.cap = per_batch;
		b.dec = arena_alloc(ar, b.cap * sizeof *b.dec);
		size_t want = (size_t)(o->count - res->awards < (int64_t)per_batch ? o->count - res->awards
										   : (int64_t)per_batch);
		b.cap_aw = want;
		b.aw = arena_alloc(ar, b.cap_aw * sizeof *b.aw);
		while (b.n_aw < b.cap_aw && b.n < b.cap) {
			int x = below(total), i = 0;
			while (x >= weights[i])
				x -= weights[i++];
			int year = 2011 + below(15);
			int size = 1 + below(20) + (chance(20) ? below(60) : 0);
			make_decision(ar, c, &c->p[i], &cat, year, ++serial, size, &b);
			if (b.dec[b.n - 1].n_awards == 0)
				b.n--;
		}
		int64_t created = 0;
		int bad = 0;
		rc = award_write(d, &sys, &units, &cat, b.dec, b.n, "gen", NULL, &created, &bad, e);
		res->decisions += (int64_t)b.n;
		res->awards += created;
		arena_free(ar);
		if (rc == 0 && o->progress) {
			char line[96];
			snprintf(line, sizeof line, "%lld / %lld khen thưởng", (long long)res->awards,
				 (long long)o->count);
			o->progress(o->ctx, line);
		}
	}
	free(c);
	arena_free(tree);
	return rc;
}
