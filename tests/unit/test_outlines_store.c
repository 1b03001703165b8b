/* test_outlines_store.c — stored outlines: import of the seeds (expanded
 * repeats, asks, the commendation table), who reads and who changes,
 * saving with versions and conflicts, validation, figure tables, copies,
 * snapshots and audit rows. */
#include "testutil.h"

#include "core/outlines.h"
#include "core/units.h"
#include "mkdocx.h"
#include "outline/outline.h"

#define FIXTURES "tests/fixtures/outlines/"

static db *d;
static actor sys;

/* Builds: top T → {province P → {commune C1, department D}, province P2}. */
static int64_t T, P, P2, C1, D;

static int64_t mk(const char *code, const char *name, const char *kind, int64_t parent)
{
	struct unit_input in = {code, name, kind, parent, -1, NULL, NULL};
	int64_t id = 0;
	err e = {0};
	if (unit_create(d, &sys, &in, &id, &e) != 0)
		fail_msg("create %s: %s", code, e.msg);
	return id;
}

static int setup(void **state)
{
	d = test_db_open();
	memset(&sys, 0, sizeof sys);
	sys.role = ROLE_ADMIN;
	T = mk("VN", "Trung ương", "central", 0);
	err e;
	assert_int_equal(actor_system(d, &sys, &e), 0);
	P = mk("P", "Tỉnh Quảng Ngãi", "province", T);
	P2 = mk("P2", "Tỉnh Cao Bằng", "province", T);
	C1 = mk("C1", "Xã Tịnh Khê", "commune", P);
	D = mk("D", "Sở Nội vụ", "department", P);
	return 0;
}

static int teardown(void **state)
{
	test_db_close(d);
	return 0;
}

static actor as_user(int64_t unit_id, enum role role)
{
	actor a = {.user_id = 7, .unit_id = unit_id, .role = role};
	return a;
}

static int64_t count(const char *sql, int64_t id)
{
	int64_t n = -1;
	err e;
	assert_int_equal(db_get_i64(d, &n, &e, sql, "l", id), 0);
	return n;
}

static char *seed(const char *name)
{
	char path[256];
	buf in = BUF_INIT;
	err e = {0};
	snprintf(path, sizeof path, FIXTURES "%s.txt", name);
	if (read_file(path, 1 << 20, &in, &e) != 0)
		fail_msg("%s (tests run from the repository root)", e.msg);
	return buf_detach(&in);
}

/* Imports text as `a`; the ids of the outlines in ids[]. */
static size_t import_text(const actor *a, const char *text, int64_t *ids, size_t max)
{
	arena *ar = arena_new();
	outline_created *v;
	size_t n = 0;
	err e = {0};
	if (outline_store_import(d, ar, a, text, strlen(text), false, &v, &n, &e) != 0)
		fail_msg("import: %s", e.msg);
	for (size_t i = 0; i < n && i < max; i++)
		ids[i] = v[i].id;
	arena_free(ar);
	return n;
}

static int64_t import_seed(const actor *a, const char *name)
{
	char *text = seed(name);
	int64_t id = 0;
	import_text(a, text, &id, 1);
	free(text);
	return id;
}

static const stored_item *find(const stored_outline *o, const char *path)
{
	/* "II/5" — labels from the top down */
	char tmp[64];
	snprintf(tmp, sizeof tmp, "%s", path);
	int64_t parent = 0;
	const stored_item *hit = NULL;
	for (char *save = NULL, *tok = strtok_r(tmp, "/", &save); tok; tok = strtok_r(NULL, "/", &save)) {
		hit = NULL;
		for (size_t i = 0; i < o->n_items && !hit; i++)
			if (o->items[i].parent_id == parent && strcmp(o->items[i].label, tok) == 0)
				hit = &o->items[i];
		if (!hit)
			return NULL;
		parent = hit->id;
	}
	return hit;
}

static size_t children(const stored_outline *o, int64_t id, const stored_item **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < o->n_items; i++)
		if (o->items[i].parent_id == id && n < max)
			out[n++] = &o->items[i];
	return n;
}

/* ---- import ---- */

static void seed_000_round_trip_with_expanded_repeats(void **state)
{
	actor off = as_user(P, ROLE_OFFICER);
	int64_t id = import_seed(&off, "000_d946f861978f22d1");
	arena *ar = arena_new();
	stored_outline o;
	err e = {0};
	assert_int_equal(outline_store_get(d, ar, &off, id, &o, &e), 0);
	assert_non_null(strstr(o.title, "ĐỀ CƯƠNG"));
	assert_int_equal(o.version, 1);
	assert_int_equal(o.owner_unit_id, P);
	assert_string_equal(o.source_kind, "text");
	assert_non_null(strstr(o.source_text, "Vì người nghèo"));
	/* 38 items as printed, plus III.1's 6 descendants under III.2 and III.3 */
	assert_int_equal(o.n_items, 38 + 12);

	const stored_item *iii1 = find(&o, "III/III.1"), *iii2 = find(&o, "III/III.2"),
			  *iii3 = find(&o, "III/III.3");
	assert_non_null(iii1);
	assert_non_null(iii2);
	assert_non_null(iii3);
	assert_int_equal(iii2->repeat_of, iii1->id);
	assert_int_equal(iii3->repeat_of, iii1->id);
	const stored_item *a[8], *b[8];
	size_t na = children(&o, iii1->id, a, 8), nb = children(&o, iii2->id, b, 8);
	assert_int_equal(na, 4);
	assert_int_equal(nb, 4);
	for (size_t i = 0; i < na; i++) {
		assert_string_equal(a[i]->label, b[i]->label);
		assert_string_equal(a[i]->title, b[i]->title);
		assert_int_equal(b[i]->depth, 3);
		assert_true(b[i]->id != a[i]->id);
	}
	assert_non_null(find(&o, "III/III.3/2/b"));

	/* parents agree with depths, positions are document order */
	for (size_t i = 1; i < o.n_items; i++) {
		const stored_item *it = &o.items[i];
		if (it->depth == 1)
			assert_int_equal(it->parent_id, 0);
		else
			assert_true(it->parent_id != 0);
	}

	const stored_item *ii5 = find(&o, "II/5");
	assert_non_null(ii5);
	assert_true(ii5->asks & OUTLINE_ASK_FIGURES);
	assert_non_null(ii5->table);
	assert_string_equal(ii5->table->code, "commendation");
	assert_int_equal(ii5->table->n_rows, 7);
	assert_int_equal(ii5->table->n_cols, 3);
	assert_string_equal(ii5->table->rows[0].key, "huan_chuong");
	assert_string_equal(ii5->table->rows[1].label, "Bằng khen của Thủ tướng Chính phủ");
	assert_string_equal(ii5->table->cols[1].key, "household");
	assert_string_equal(ii5->table->cols[2].label, "Cá nhân");
	assert_true(find(&o, "II/4/b")->asks & OUTLINE_ASK_MODELS);

	/* version 1 is kept, and the import audited */
	assert_int_equal(count("SELECT COUNT(*) FROM outline_versions WHERE outline_id = $1", id), 1);
	assert_int_equal(count("SELECT COUNT(*) FROM audit WHERE entity = 'outline' AND action = 'import'"
			       " AND entity_id = $1",
			       id),
			 1);
	json_t *j = outline_store_json(&o);
	assert_int_equal(json_array_size(json_object_get(j, "items")), o.n_items);
	json_decref(j);
	arena_free(ar);
}

static void seed_001_gives_two_outlines(void **state)
{
	actor off = as_user(P, ROLE_OFFICER);
	char *text = seed("001_0c20e40965675cb7");
	int64_t ids[4] = {0};
	assert_int_equal(import_text(&off, text, ids, 4), 2);
	free(text);
	arena *ar = arena_new();
	stored_outline o;
	err e = {0};
	for (int k = 0; k < 2; k++) {
		assert_int_equal(outline_store_get(d, ar, &off, ids[k], &o, &e), 0);
		const stored_item *c = find(&o, "II/4/c");
		assert_non_null(c);
		assert_true(c->asks & OUTLINE_ASK_MODELS);
		assert_non_null(strstr(o.title, k == 0 ? "nông thôn mới" : "vì người nghèo"));
	}
	arena_free(ar);
}

static void docx_import_keeps_a_readable_text(void **state)
{
	actor off = as_user(P, ROLE_OFFICER);
	size_t n = 0;
#define PARA(t) "<w:p><w:r><w:t xml:space=\"preserve\">" t "</w:t></w:r></w:p>"
	void *z = mkdocx(PARA("ĐỀ CƯƠNG BÁO CÁO THỬ") PARA("I. Đặc điểm tình hình")
			     PARA("II. Kết quả") PARA("1. Số liệu khen thưởng tập thể, cá nhân")
			     PARA("a) Nội dung"),
			 NULL, NULL, &n);
#undef PARA
	arena *ar = arena_new();
	outline_created *v;
	size_t nv = 0;
	err e = {0};
	assert_int_equal(outline_store_import(d, ar, &off, z, n, true, &v, &nv, &e), 0);
	free(z);
	assert_int_equal(nv, 1);
	stored_outline o;
	assert_int_equal(outline_store_get(d, ar, &off, v[0].id, &o, &e), 0);
	assert_string_equal(o.source_kind, "docx");
	assert_int_equal(o.n_items, 4);
	assert_non_null(strstr(o.source_text, "II. Kết quả"));
	assert_non_null(strstr(o.source_text, "    1. Số liệu"));
	assert_non_null(strstr(o.source_text, "        a) Nội dung"));
	arena_free(ar);
}

static void parser_errors_pass_through(void **state)
{
	actor off = as_user(P, ROLE_OFFICER);
	arena *ar = arena_new();
	outline_created *v;
	size_t n;
	err e = {0};
	const char *plain = "Chỉ là một đoạn văn, không có đề cương nào.";
	assert_int_equal(outline_store_import(d, ar, &off, plain, strlen(plain), false, &v, &n, &e),
			 E_INVAL);
	assert_int_equal(outline_store_import(d, ar, &off, "I. \xff", 4, false, &v, &n, &e), E_PARSE);
	assert_int_equal(outline_store_import(d, ar, &off, "not a zip", 9, true, &v, &n, &e), E_PARSE);
	assert_non_null(strstr(e.msg, "DOCX"));
	/* staff may not import, whatever the content */
	actor staff = as_user(P, ROLE_STAFF);
	assert_int_equal(outline_store_import(d, ar, &staff, "x", 1, false, &v, &n, &e), E_FORBIDDEN);
	arena_free(ar);
}

/* ---- visibility ---- */

static void readers_are_the_owner_and_its_ancestors(void **state)
{
	actor poff = as_user(P, ROLE_OFFICER), coff = as_user(C1, ROLE_OFFICER);
	int64_t prov = import_seed(&poff, "003_204254158d0d4ae1");
	int64_t comm = import_seed(&coff, "004_595d4ca16fe8dbdd");
	actor p2 = as_user(P2, ROLE_OFFICER), dstaff = as_user(D, ROLE_STAFF),
	      top = as_user(T, ROLE_LEADER), pstaff = as_user(P, ROLE_STAFF);
	assert_true(outline_readable(d, &poff, prov));
	assert_true(outline_readable(d, &poff, comm)); /* the province reads its commune's */
	assert_true(outline_readable(d, &top, prov));
	assert_true(outline_readable(d, &pstaff, prov));
	assert_false(outline_readable(d, &coff, prov));
	assert_false(outline_readable(d, &p2, prov));
	assert_false(outline_readable(d, &dstaff, prov));
	assert_false(outline_readable(d, &poff, 999999));

	arena *ar = arena_new();
	outline_summary *v;
	size_t n;
	err e = {0};
	assert_int_equal(outlines_list(d, ar, &coff, NULL, &v, &n, &e), 0);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(v[i].owner_unit_id, C1);
	assert_true(n >= 1);
	assert_int_equal(outlines_list(d, ar, &p2, NULL, &v, &n, &e), 0);
	assert_int_equal(n, 0);
	assert_int_equal(outlines_list(d, ar, &poff, "10 nam", &v, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, prov);
	assert_true(v[0].n_items > 10);

	stored_outline o;
	assert_int_equal(outline_store_get(d, ar, &p2, prov, &o, &e), E_NOTFOUND);
	/* reading is not changing: staff 403, other branches 404 */
	assert_int_equal(outline_check_edit(d, &pstaff, prov, &e), E_FORBIDDEN);
	assert_int_equal(outline_check_edit(d, &p2, prov, &e), E_NOTFOUND);
	assert_int_equal(outline_check_edit(d, &poff, comm, &e), 0);
	assert_int_equal(outline_check_copy(d, &coff, prov, &e), E_NOTFOUND);
	assert_int_equal(outline_check_copy(d, &pstaff, prov, &e), E_FORBIDDEN);
	arena_free(ar);
}

/* ---- saving ---- */

/* The stored items as save input (strings borrowed from o). */
static struct outline_item_input *as_input(const stored_outline *o)
{
	struct outline_item_input *v = calloc(o->n_items, sizeof *v);
	for (size_t i = 0; i < o->n_items; i++) {
		const stored_item *it = &o->items[i];
		v[i] = (struct outline_item_input){it->id,    it->depth, it->label,    it->title,
						   it->guidance, it->asks, it->table_id, it->repeat_of};
	}
	return v;
}

static void save_bumps_the_version_and_detects_stale_editors(void **state)
{
	actor off = as_user(P, ROLE_OFFICER);
	int64_t id = import_seed(&off, "000_d946f861978f22d1");
	arena *ar = arena_new();
	stored_outline o;
	err e = {0};
	assert_int_equal(outline_store_get(d, ar, &off, id, &o, &e), 0);
	size_t n = o.n_items;
	struct outline_item_input *in = as_input(&o);
	/* II.6 becomes II.5.a: relabelled and indented under II.5 */
	const stored_item *ii6 = find(&o, "II/6"), *ii5 = find(&o, "II/5");
	size_t k = (size_t)(ii6 - o.items);
	in[k].depth = 3;
	in[k].label = "a";
	/* a new item after it, and the last item removed */
	struct outline_item_input *v = calloc(n + 1, sizeof *v);
	memcpy(v, in, (k + 1) * sizeof *v);
	v[k + 1] = (struct outline_item_input){0, 3, "b", "Mục mới thêm", "Hướng dẫn\r\ndòng hai", 1, 0, 0};
	memcpy(v + k + 2, in + k + 1, (n - k - 2) * sizeof *v);
	struct outline_save_input s = {1, "Đề cương đã sửa", v, n};
	int version = 0;
	assert_int_equal(outline_store_save(d, &off, id, &s, &version, &e), 0);
	assert_int_equal(version, 2);

	stored_outline o2;
	assert_int_equal(outline_store_get(d, ar, &off, id, &o2, &e), 0);
	assert_int_equal(o2.version, 2);
	assert_string_equal(o2.title, "Đề cương đã sửa");
	assert_int_equal(o2.n_items, n);
	const stored_item *moved = find(&o2, "II/5/a");
	assert_non_null(moved);
	assert_int_equal(moved->id, ii6->id); /* ids stay */
	assert_int_equal(moved->parent_id, ii5->id);
	const stored_item *added = find(&o2, "II/5/b");
	assert_non_null(added);
	assert_string_equal(added->guidance, "Hướng dẫn\ndòng hai");
	assert_null(find(&o2, "II/6"));
	assert_string_equal(o2.items[n - 1].label, o.items[n - 2].label);

	/* the same editor saving again from version 1: conflict, nothing written */
	s.title = NULL;
	assert_int_equal(outline_store_save(d, &off, id, &s, &version, &e), E_CONFLICT);
	assert_int_equal(version, 2);
	assert_non_null(strstr(e.msg, "phiên bản hiện tại là 2"));
	assert_int_equal(count("SELECT version FROM outlines WHERE id = $1", id), 2);
	/* a stale editor naming an item deleted since hears of the conflict */
	struct outline_save_input old = {1, NULL, in, n};
	assert_int_equal(outline_store_save(d, &off, id, &old, &version, &e), E_CONFLICT);

	assert_int_equal(count("SELECT COUNT(*) FROM outline_versions WHERE outline_id = $1", id), 2);
	assert_int_equal(count("SELECT COUNT(*) FROM audit WHERE entity = 'outline' AND action = 'update'"
			       " AND entity_id = $1",
			       id),
			 1);
	free(in);
	free(v);
	arena_free(ar);
}

/* Every version stays readable as it was: the tree read back from its
 * snapshot equals the outline read at that time, for its readers only. */
static void old_versions_read_back_as_they_were(void **state)
{
	actor off = as_user(P, ROLE_OFFICER);
	int64_t id = import_seed(&off, "003_204254158d0d4ae1");
	arena *ar = arena_new();
	stored_outline v1, cur, old;
	err e = {0};
	assert_int_equal(outline_store_get(d, ar, &off, id, &v1, &e), 0);
	struct outline_item_input *in = as_input(&v1);
	struct outline_save_input s = {1, "Tên mới", in, v1.n_items - 1}; /* the last item goes */
	int version = 0;
	assert_int_equal(outline_store_save(d, &off, id, &s, &version, &e), 0);
	assert_int_equal(outline_store_get(d, ar, &off, id, &cur, &e), 0);

	outline_version *hist;
	size_t n;
	assert_int_equal(outline_versions_list(d, ar, &off, id, &hist, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(hist[0].version, 2); /* newest first */
	assert_int_equal(hist[1].version, 1);
	assert_int_equal(hist[0].saved_by, off.user_id);

	outline_version info;
	char *json = NULL;
	assert_int_equal(outline_version_get(d, ar, &off, id, 1, &old, &json, &info, &e), 0);
	assert_int_equal(info.version, 1);
	assert_non_null(strstr(json, "\"version\":1"));
	assert_string_equal(old.title, v1.title);
	assert_int_equal(old.n_items, v1.n_items);
	assert_int_equal(cur.n_items, v1.n_items - 1);
	for (size_t i = 0; i < old.n_items; i++) {
		assert_int_equal(old.items[i].id, v1.items[i].id);
		assert_int_equal(old.items[i].depth, v1.items[i].depth);
		assert_int_equal(old.items[i].parent_id, v1.items[i].parent_id);
		assert_int_equal(old.items[i].asks, v1.items[i].asks);
		assert_string_equal(old.items[i].label, v1.items[i].label);
		assert_string_equal(old.items[i].title, v1.items[i].title);
		assert_string_equal(old.items[i].guidance, v1.items[i].guidance);
		assert_int_equal(old.items[i].table != NULL, v1.items[i].table != NULL);
		if (old.items[i].table)
			assert_int_equal(old.items[i].table->n_rows, v1.items[i].table->n_rows);
	}
	assert_int_equal(outline_version_get(d, ar, &off, id, 3, &old, NULL, NULL, &e), E_NOTFOUND);
	/* not a reader: no history either */
	actor other = as_user(P2, ROLE_OFFICER);
	assert_int_equal(outline_versions_list(d, ar, &other, id, &hist, &n, &e), E_NOTFOUND);
	assert_int_equal(outline_version_get(d, ar, &other, id, 1, &old, NULL, NULL, &e), E_NOTFOUND);
	free(in);
	arena_free(ar);
}

static void invalid_items_are_refused_after_authorization(void **state)
{
	actor off = as_user(P, ROLE_OFFICER);
	int64_t id = import_seed(&off, "004_595d4ca16fe8dbdd");
	int64_t other = import_seed(&off, "003_204254158d0d4ae1");
	arena *ar = arena_new();
	stored_outline o, oo;
	err e = {0};
	assert_int_equal(outline_store_get(d, ar, &off, id, &o, &e), 0);
	assert_int_equal(outline_store_get(d, ar, &off, other, &oo, &e), 0);
	char long_label[40], long_title[1100];
	memset(long_label, 'x', 33);
	long_label[33] = '\0';
	memset(long_title, 'y', 1001);
	long_title[1001] = '\0';
	struct {
		struct outline_item_input a, b;
		const char *msg;
	} cases[] = {
		{{0, 2, "I", "A", "", 1, 0, 0}, {0, 3, "1", "B", "", 1, 0, 0}, "cấp 1"},
		{{0, 1, "I", "A", "", 1, 0, 0}, {0, 3, "1", "B", "", 1, 0, 0}, "đúng một cấp"},
		{{0, 1, long_label, "A", "", 1, 0, 0}, {0, 2, "1", "B", "", 1, 0, 0}, "32"},
		{{0, 1, "I", " ", "", 1, 0, 0}, {0, 2, "1", "B", "", 1, 0, 0}, "để trống"},
		{{0, 1, "I", long_title, "", 1, 0, 0}, {0, 2, "1", "B", "", 1, 0, 0}, "1000"},
		{{0, 1, "I", "A", "", 8, 0, 0}, {0, 2, "1", "B", "", 1, 0, 0}, "yêu cầu"},
		{{0, 1, "I", "A", "", 2, 999999, 0}, {0, 2, "1", "B", "", 1, 0, 0}, "biểu số liệu"},
		{{oo.items[0].id, 1, "I", "A", "", 1, 0, 0}, {0, 2, "1", "B", "", 1, 0, 0}, "không thuộc"},
		{{o.items[0].id, 1, "I", "A", "", 1, 0, 0}, {o.items[0].id, 2, "1", "B", "", 1, 0, 0}, "hai lần"},
		{{o.items[0].id, 1, "I", "A", "", 1, 0, 0}, {0, 2, "1", "B", "", 1, 0, o.items[0].id}, "mục cha"},
		{{0, 1, "I", "A", "", 1, 0, 0}, {0, 1, "II", "B", "", 1, 0, 424242}, "đứng trước"},
		{{0, 1, "I", "A \xff", "", 1, 0, 0}, {0, 2, "1", "B", "", 1, 0, 0}, "UTF-8"},
	};
	int version;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct outline_item_input v[2] = {cases[i].a, cases[i].b};
		struct outline_save_input s = {1, NULL, v, 2};
		int rc = outline_store_save(d, &off, id, &s, &version, &e);
		if (rc != E_INVAL || !strstr(e.msg, cases[i].msg))
			fail_msg("case %zu: %d %s", i, rc, e.msg);
	}
	struct outline_save_input empty = {1, NULL, NULL, 0};
	assert_int_equal(outline_store_save(d, &off, id, &empty, &version, &e), E_INVAL);
	/* authorization first: a refused caller never learns what was wrong */
	actor staff = as_user(P, ROLE_STAFF), comm = as_user(C1, ROLE_OFFICER);
	assert_int_equal(outline_store_save(d, &staff, id, &empty, &version, &e), E_FORBIDDEN);
	assert_int_equal(outline_store_save(d, &comm, id, &empty, &version, &e), E_NOTFOUND);
	/* nothing changed */
	assert_int_equal(count("SELECT version FROM outlines WHERE id = $1", id), 1);
	arena_free(ar);
}

/* ---- figure tables ---- */

static void custom_tables_are_created_used_and_updated(void **state)
{
	actor off = as_user(P, ROLE_OFFICER);
	int64_t id = import_seed(&off, "004_595d4ca16fe8dbdd");
	char key[FIGURE_KEY_MAX + 1];
	figure_key_from_label("Số hộ nghèo (hộ)", key);
	assert_string_equal(key, "so_ho_ngheo_ho");
	figure_key_from_label("  %%  ", key);
	assert_string_equal(key, "");
	assert_true(figure_key_valid("a_1"));
	assert_false(figure_key_valid("A"));
	assert_false(figure_key_valid(""));

	struct figure_line_input rows[] = {{NULL, "Xã đạt chuẩn nông thôn mới"},
					   {NULL, "Xã đạt chuẩn nông thôn mới"},
					   {"khac", "Khác"}};
	struct figure_line_input cols[] = {{NULL, "2011 - 2015"}, {NULL, "2016 - 2020"}};
	struct figure_table_input t = {"Kết quả xây dựng nông thôn mới", "xã", "integer", rows, cols, 3, 2};
	int64_t tid = 0;
	err e = {0};
	assert_int_equal(outline_store_table_create(d, &off, id, &t, &tid, &e), 0);
	arena *ar = arena_new();
	figure_table *tv;
	size_t nt;
	assert_int_equal(outline_store_tables(d, ar, id, &tv, &nt, &e), 0);
	assert_int_equal(nt, 2);
	assert_string_equal(tv[0].code, "commendation");
	assert_int_equal(tv[1].id, tid);
	assert_string_equal(tv[1].rows[0].key, "xa_dat_chuan_nong_thon_moi");
	assert_string_equal(tv[1].rows[1].key, "xa_dat_chuan_nong_thon_moi_2");
	assert_string_equal(tv[1].cols[0].key, "2011_2015");
	assert_string_equal(tv[1].measure, "xã");

	/* an item uses it: figures is implied */
	stored_outline o;
	assert_int_equal(outline_store_get(d, ar, &off, id, &o, &e), 0);
	struct outline_item_input *in = as_input(&o);
	in[1].table_id = tid;
	in[1].asks = OUTLINE_ASK_TEXT;
	struct outline_save_input s = {1, NULL, in, o.n_items};
	int version;
	assert_int_equal(outline_store_save(d, &off, id, &s, &version, &e), 0);
	assert_int_equal(outline_store_get(d, ar, &off, id, &o, &e), 0);
	assert_int_equal(o.items[1].table_id, tid);
	assert_int_equal(o.items[1].asks, OUTLINE_ASK_TEXT | OUTLINE_ASK_FIGURES);
	assert_string_equal(o.items[1].table->name, "Kết quả xây dựng nông thôn mới");

	/* updating a used table makes a new version */
	struct figure_line_input rows2[] = {{"xa", "Số xã"}};
	struct figure_table_input t2 = {"Nông thôn mới", "", "decimal", rows2, cols, 1, 2};
	assert_int_equal(outline_store_table_update(d, &off, id, tid, &t2, &e), 0);
	assert_int_equal(count("SELECT version FROM outlines WHERE id = $1", id), 3);
	assert_int_equal(count("SELECT COUNT(*) FROM outline_versions WHERE outline_id = $1", id), 3);
	assert_int_equal(count("SELECT COUNT(*) FROM figure_rows WHERE table_id = $1", tid), 1);
	assert_int_equal(count("SELECT COUNT(*) FROM audit WHERE entity = 'figure_table' AND entity_id = $1",
			       tid),
			 2);

	/* refusals */
	int64_t builtin = tv[0].id;
	assert_int_equal(outline_store_table_update(d, &off, id, builtin, &t2, &e), E_FORBIDDEN);
	int64_t other = import_seed(&off, "003_204254158d0d4ae1");
	assert_int_equal(outline_store_table_update(d, &off, other, tid, &t2, &e), E_NOTFOUND);
	struct figure_line_input bad_key[] = {{"Sai Mã", "X"}};
	struct figure_line_input dup_key[] = {{"a", "X"}, {"a", "Y"}};
	struct figure_table_input bad[] = {
		{"", NULL, NULL, rows, cols, 1, 1},
		{"Biểu", NULL, "float", rows, cols, 1, 1},
		{"Biểu", NULL, NULL, rows, cols, 0, 1},
		{"Biểu", NULL, NULL, bad_key, cols, 1, 1},
		{"Biểu", NULL, NULL, dup_key, cols, 2, 1},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_int_equal(outline_store_table_create(d, &off, id, &bad[i], &tid, &e), E_INVAL);
	actor staff = as_user(P, ROLE_STAFF);
	assert_int_equal(outline_store_table_create(d, &staff, id, &bad[0], &tid, &e), E_FORBIDDEN);
	/* another outline's table may not be used */
	assert_int_equal(outline_store_get(d, ar, &off, other, &o, &e), 0);
	struct outline_item_input *oin = as_input(&o);
	oin[0].table_id = tv[1].id;
	struct outline_save_input os = {1, NULL, oin, o.n_items};
	assert_int_equal(outline_store_save(d, &off, other, &os, &version, &e), E_INVAL);
	free(in);
	free(oin);
	arena_free(ar);
}

/* ---- copies ---- */

static void copies_are_independent(void **state)
{
	actor poff = as_user(P, ROLE_OFFICER), coff = as_user(C1, ROLE_OFFICER);
	int64_t src = import_seed(&coff, "000_d946f861978f22d1");
	struct figure_line_input rows[] = {{NULL, "Hộ nghèo"}}, cols[] = {{NULL, "Số hộ"}};
	struct figure_table_input t = {"Hộ nghèo", "hộ", NULL, rows, cols, 1, 1};
	int64_t tid = 0, copy = 0;
	err e = {0};
	assert_int_equal(outline_store_table_create(d, &coff, src, &t, &tid, &e), 0);
	arena *ar = arena_new();
	stored_outline o;
	assert_int_equal(outline_store_get(d, ar, &coff, src, &o, &e), 0);
	struct outline_item_input *in = as_input(&o);
	in[0].table_id = tid;
	struct outline_save_input s = {1, NULL, in, o.n_items};
	int version;
	assert_int_equal(outline_store_save(d, &coff, src, &s, &version, &e), 0);

	/* the province copies its commune's outline (version 2) */
	assert_int_equal(outline_store_copy(d, &poff, src, NULL, &copy, &e), 0);
	stored_outline c;
	assert_int_equal(outline_store_get(d, ar, &poff, copy, &c, &e), 0);
	assert_int_equal(c.owner_unit_id, P);
	assert_int_equal(c.version, 1);
	assert_int_equal(c.copied_from, src);
	assert_int_equal(c.copied_version, 2);
	assert_int_equal(c.n_items, o.n_items);
	assert_string_equal(c.source_text, o.source_text);
	assert_true(c.items[0].table_id != tid); /* its own copy of the table */
	assert_string_equal(c.items[0].table->name, "Hộ nghèo");
	assert_int_equal(c.items[0].table->outline_id, copy);
	const stored_item *r2 = find(&c, "III/III.2"), *r1 = find(&c, "III/III.1");
	assert_int_equal(r2->repeat_of, r1->id);
	assert_string_equal(find(&c, "II/5")->table->code, "commendation");
	for (size_t i = 0; i < c.n_items; i++) {
		assert_string_equal(c.items[i].label, o.items[i].label);
		assert_int_equal(c.items[i].depth, o.items[i].depth);
	}
	/* the commune cannot read, so cannot copy, the province's copy */
	assert_int_equal(outline_store_copy(d, &coff, copy, NULL, NULL, &e), E_NOTFOUND);
	int64_t named = 0;
	assert_int_equal(outline_store_copy(d, &poff, src, "Đề cương năm 2025", &named, &e), 0);
	assert_int_equal(outline_store_get(d, ar, &poff, named, &c, &e), 0);
	assert_string_equal(c.title, "Đề cương năm 2025");
	assert_int_equal(count("SELECT COUNT(*) FROM audit WHERE action = 'copy' AND entity_id = $1", copy), 1);
	assert_int_equal(count("SELECT COUNT(*) FROM outline_versions WHERE outline_id = $1", copy), 1);
	free(in);
	arena_free(ar);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(seed_000_round_trip_with_expanded_repeats),
		cmocka_unit_test(seed_001_gives_two_outlines),
		cmocka_unit_test(docx_import_keeps_a_readable_text),
		cmocka_unit_test(parser_errors_pass_through),
		cmocka_unit_test(readers_are_the_owner_and_its_ancestors),
		cmocka_unit_test(save_bumps_the_version_and_detects_stale_editors),
		cmocka_unit_test(old_versions_read_back_as_they_were),
		cmocka_unit_test(invalid_items_are_refused_after_authorization),
		cmocka_unit_test(custom_tables_are_created_used_and_updated),
		cmocka_unit_test(copies_are_independent),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
