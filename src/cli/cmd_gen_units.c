/*
 * cmd_gen_units.c — `thidua gen units`: a national unit tree for
 * benchmarks and demos at scale: the 34 provinces and centrally run cities
 * of the two-level local government (since 1 July 2025) under the top unit,
 * each with N commune-level units (default 104, about 3,500 in all).
 *
 * Province names are real; commune names are made of common place-name
 * syllables and are not real communes. A province already present under
 * the top unit by name (the demo's Quảng Ngãi) keeps its real communes and
 * gets none. Idempotent: codes already present are skipped. Everything goes
 * through units_import (one transaction, the same checks as a user's
 * import, audit rows).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "core/units.h"

static const char *const provinces[] = {
	"Thành phố Hà Nội", "Thành phố Huế", "Tỉnh Lai Châu", "Tỉnh Điện Biên", "Tỉnh Sơn La",
	"Tỉnh Lạng Sơn", "Tỉnh Quảng Ninh", "Tỉnh Thanh Hóa", "Tỉnh Nghệ An", "Tỉnh Hà Tĩnh",
	"Tỉnh Cao Bằng", "Tỉnh Tuyên Quang", "Tỉnh Lào Cai", "Tỉnh Thái Nguyên", "Tỉnh Phú Thọ",
	"Tỉnh Bắc Ninh", "Tỉnh Hưng Yên", "Thành phố Hải Phòng", "Tỉnh Ninh Bình", "Tỉnh Quảng Trị",
	"Thành phố Đà Nẵng", "Tỉnh Quảng Ngãi", "Tỉnh Gia Lai", "Tỉnh Khánh Hòa", "Tỉnh Lâm Đồng",
	"Tỉnh Đắk Lắk", "Thành phố Hồ Chí Minh", "Tỉnh Đồng Nai", "Tỉnh Tây Ninh",
	"Thành phố Cần Thơ", "Tỉnh Vĩnh Long", "Tỉnh Đồng Tháp", "Tỉnh Cà Mau", "Tỉnh An Giang",
};
#define N_PROVINCES (sizeof provinces / sizeof *provinces)

static const char *const syllables[] = {
	"An", "Bình", "Hòa", "Phú", "Tân", "Thạnh", "Long", "Mỹ", "Phước", "Vĩnh",
	"Đông", "Tây", "Nam", "Bắc", "Hưng", "Thuận", "Quang", "Minh", "Hiệp", "Đức",
	"Thành", "Lợi", "Hải", "Sơn", "Trung", "Nghĩa", "Khánh", "Lộc", "Thới", "Xuân",
};
#define N_SYL 30
#define MAX_COMMUNES (N_SYL * (N_SYL - 1))

/* The i-th name of a province: two different syllables, unique for
 * i < MAX_COMMUNES; every eighth unit is a ward. */
static char *commune_name(size_t i, const char **kind)
{
	size_t a = i % N_SYL, b = (a + 1 + i / N_SYL) % N_SYL;
	bool ward = i % 8 == 7;
	*kind = ward ? "ward" : "commune";
	return xasprintf("%s %s %s", ward ? "Phường" : "Xã", syllables[a], syllables[b]);
}

static bool code_exists(db *d, const char *code)
{
	int64_t n = 0;
	err e;
	return db_get_i64(d, &n, &e, "SELECT COUNT(*) FROM units WHERE code = $1", "t", code) == 0 && n;
}

static bool province_present(db *d, int64_t root, const char *name)
{
	int64_t n = 0;
	err e;
	return db_get_i64(d, &n, &e, "SELECT COUNT(*) FROM units WHERE parent_id = $1 AND name = $2", "lt",
			  root, name) == 0 &&
	       n;
}

/* The rows to import; their strings are malloc'd and freed with them. */
struct rows {
	struct unit_row *v;
	size_t n, cap;
};

static void add_row(struct rows *r, char *code, char *name, const char *kind, const char *parent)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 256;
		r->v = xrealloc(r->v, r->cap * sizeof *r->v);
	}
	r->v[r->n++] = (struct unit_row){code, name, xstrdup(kind), xstrdup(parent),
					  xstrdup("2025-07-01"), NULL, 1, 0};
}

static void free_rows(struct rows *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].code);
		free(r->v[i].name);
		free(r->v[i].kind);
		free(r->v[i].parent_code);
		free(r->v[i].valid_from);
	}
	free(r->v);
}

/* The rows of one province (itself unless present, then its communes). */
static void province_rows(db *d, struct rows *r, int64_t root, const char *root_code, size_t p,
			  int communes)
{
	char *code = xasprintf("VN-P%02zu", p + 1);
	if (province_present(d, root, provinces[p])) {
		free(code);
		return;
	}
	if (!code_exists(d, code))
		add_row(r, xstrdup(code), xstrdup(provinces[p]), "province", root_code);
	for (int i = 0; i < communes; i++) {
		char *cc = xasprintf("%s-X%03d", code, i + 1);
		if (code_exists(d, cc)) {
			free(cc);
			continue;
		}
		const char *kind = NULL;
		char *name = commune_name((size_t)i, &kind);
		add_row(r, cc, name, kind, code);
	}
	free(code);
}

int gen_units_national(db *d, int communes, int64_t *created, err *e)
{
	*created = 0;
	if (communes < 0 || communes > MAX_COMMUNES)
		return err_set(e, E_INVAL, "Số xã mỗi tỉnh phải từ 0 đến %d", MAX_COMMUNES);
	actor sys;
	int rc = actor_system(d, &sys, e);
	arena *ar = arena_new();
	unit root;
	if (rc == 0)
		rc = unit_get(d, ar, sys.unit_id, &root, e);
	struct rows r = {0};
	for (size_t p = 0; rc == 0 && p < N_PROVINCES; p++)
		province_rows(d, &r, root.id, root.code, p, communes);
	int bad = 0;
	if (rc == 0 && r.n)
		rc = units_import(d, &sys, r.v, r.n, created, &bad, e);
	free_rows(&r);
	arena_free(ar);
	return rc;
}

int cmd_gen_units(int argc, char **argv)
{
	struct cli_store store = {0};
	const char *what = NULL;
	int communes = 104;
	for (int i = 1; i < argc; i++) {
		int r = cli_store_opt(&store, argc, argv, &i);
		if (r < 0)
			return cli_fail("%s cần một giá trị", argv[i]);
		if (r)
			continue;
		int64_t n;
		if (strcmp(argv[i], "--communes") == 0 && i + 1 < argc) {
			if (parse_i64(argv[++i], &n) || n < 1 || n > 10000)
				return cli_fail("--communes cần một số từ 1 đến 10000");
			communes = (int)n;
		}
		else if (!what && argv[i][0] != '-')
			what = argv[i];
		else
			return cli_fail("tham số không hợp lệ: %s", argv[i]);
	}
	/* "national" is the only tree there is; the word may be given */
	if (what && strcmp(what, "national") != 0)
		return cli_fail("dùng: thidua gen units [--communes N] [--data-dir DIR | --db URL]");
	db *d = NULL;
	err e = {0};
	int64_t created = 0;
	int rc = cli_open_db(&store, &d, &e);
	if (rc == 0)
		rc = db_migrate(d, &e);
	if (rc == 0)
		rc = gen_units_national(d, communes, &created, &e);
	if (rc == 0)
		printf("thidua: đã tạo %lld đơn vị (34 tỉnh, thành phố; %d xã, phường mỗi tỉnh)\n",
		       (long long)created, communes);
	db_close(d);
	return rc ? cli_fail("%s", e.msg) : 0;
}
