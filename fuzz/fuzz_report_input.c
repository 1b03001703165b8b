/*
 * fuzz_report_input.c — libFuzzer target for what PUT /reports/{id} accepts:
 * the body as JSON, its "items" read (types) and checked against a fixed
 * outline schema (a narrative item, a count table, a decimal table, a model
 * list), then written back as JSON, which must read and check again to the
 * same JSON. Every narrative is also rendered through the light markup,
 * whose output may hold only the markup's own tags, balanced.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/reports.h"
#include "html/html.h"

static figure_line rows[] = {{"huan_chuong", "Huân chương"}, {"giay_khen", "Giấy khen"}};
static figure_line cols[] = {{"collective", "Tập thể"}, {"individual", "Cá nhân"}};
static figure_table counts = {1, 0, "commendation", "Kết quả khen thưởng", "Số lượng", "integer",
			      rows, cols, 2, 2};
static figure_table rates = {2, 7, NULL, "Tỷ lệ hộ nghèo", "%", "decimal", rows, cols, 2, 1};

static stored_item items[] = {
	{10, 0, 1, "I", "Đặc điểm", "", 1, 0, 0, NULL},
	{11, 0, 1, "II", "Kết quả", "", 0, 0, 0, NULL},
	{12, 11, 2, "1", "Khen thưởng", "", 3, 1, 0, &counts},
	{13, 11, 2, "2", "Giảm nghèo", "", 3, 2, 0, &rates},
	{14, 11, 2, "3", "Mô hình", "", 5, 0, 0, NULL},
};

/* Only <p> <br> <ul> <li> <strong> <em>, balanced; nothing else starts with '<'. */
static void check_markup(const char *html)
{
	static const char *const tags[] = {"p", "ul", "li", "strong", "em"};
	int stack[256], sp = 0;
	for (const char *p = html; (p = strchr(p, '<')); p++) {
		if (strncmp(p, "<br>", 4) == 0)
			continue;
		bool close = p[1] == '/';
		const char *name = p + 1 + close;
		int t = -1;
		for (int i = 0; i < 5; i++) {
			size_t n = strlen(tags[i]);
			if (strncmp(name, tags[i], n) == 0 && name[n] == '>')
				t = i;
		}
		if (t < 0)
			__builtin_trap();
		if (close) {
			if (sp == 0 || stack[--sp] != t)
				__builtin_trap();
		} else if (sp < 256) {
			stack[sp++] = t;
		}
	}
	if (sp)
		__builtin_trap();
}

static char *roundtrip(arena *ar, const report_schema *s, json_t *items_json)
{
	struct report_content c;
	err e = {0};
	if (report_content_from_json(ar, items_json, &c, &e) || report_content_check(ar, s, &c, &e))
		return NULL;
	for (size_t i = 0; i < c.n; i++) {
		buf b = BUF_INIT;
		h_markup(&b, c.items[i].text);
		check_markup(buf_cstr(&b));
		buf_free(&b);
	}
	json_t *out = report_content_json(&c);
	char *text = json_dumps(out, JSON_COMPACT);
	json_decref(out);
	return text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_t *j = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, NULL);
	if (!j)
		return 0;
	stored_outline o = {.id = 7, .items = items, .n_items = 5};
	arena *ar = arena_new();
	report_schema s;
	report_schema_build(ar, &o, &s);
	char *once = roundtrip(ar, &s, json_object_get(j, "items"));
	if (once) {
		json_t *again = json_loads(once, 0, NULL);
		char *twice = again ? roundtrip(ar, &s, again) : NULL;
		if (!twice || strcmp(once, twice) != 0)
			__builtin_trap();
		json_decref(again);
		free(twice);
	}
	free(once);
	json_decref(j);
	arena_free(ar);
	return 0;
}
