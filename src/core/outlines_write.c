/*
 * outlines_write.c — the changes to stored outlines: import (parser →
 * rows), save (replace the item list under optimistic versioning), copy.
 * Each runs in one transaction that also writes the new version's snapshot
 * and an audit row.
 *
 * All three reduce their input to one array of `item_rec` (document order,
 * depth, cleaned text, repeat as an index) that one validator checks and
 * one writer stores, so an imported outline obeys the rules an edited one
 * does.
 */
#include "outlines_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/validate.h"
#include "outline/outline.h"
#include "text/text.h"

struct item_rec {
	int64_t id; /* an existing item to keep (save), else 0 */
	int depth;
	char *label, *title, *guidance; /* malloc'd */
	unsigned asks;
	int64_t table_id;
	int repeat; /* index of an earlier item, or -1 */
};

static void recs_free(struct item_rec *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++) {
		free(v[i].label);
		free(v[i].title);
		free(v[i].guidance);
	}
	free(v);
}

static char *dup_or_empty(const char *s)
{
	return xstrdup(s ? s : "");
}

/* ---- cleaning and validation ---- */

/* Multi-line text: valid UTF-8, NFC, CR dropped, other control characters
 * made spaces, trimmed. NULL when s is not UTF-8. */
static char *clean_block(const char *s)
{
	char *nfc = text_nfc(s, strlen(s));
	if (!nfc)
		return NULL;
	buf b = BUF_INIT;
	for (const char *p = nfc; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '\r')
			continue;
		if ((c < 0x20 && c != '\n') || c == 0x7F)
			c = ' ';
		buf_putc(&b, (char)c);
	}
	free(nfc);
	char *t = text_trim(buf_cstr(&b), b.len);
	buf_free(&b);
	return t;
}

/* "Mục thứ 3 (II.1)" — how messages name an item; label already clean. */
static const char *item_name(char *out, size_t n, size_t i, const char *label)
{
	if (label && *label)
		snprintf(out, n, "Mục thứ %zu (%s)", i + 1, label);
	else
		snprintf(out, n, "Mục thứ %zu", i + 1);
	return out;
}

static int clean_label(struct item_rec *r, size_t i, err *e)
{
	char *l = text_clean_line(r->label, strlen(r->label));
	if (!l)
		return err_set(e, E_INVAL, "Mục thứ %zu: số thứ tự (nhãn) không phải văn bản UTF-8 hợp lệ",
			       i + 1);
	free(r->label);
	r->label = l;
	if (text_length(l) > OUTLINE_STORE_LABEL_MAX)
		return err_set(e, E_INVAL, "Mục thứ %zu: số thứ tự (nhãn) dài quá %d ký tự", i + 1,
			       OUTLINE_STORE_LABEL_MAX);
	return 0;
}

static int check_depth(const struct item_rec *v, size_t i, const char *name, err *e)
{
	int d = v[i].depth, prev = i ? v[i - 1].depth : 0;
	if (d < 1 || d > OUTLINE_STORE_MAX_DEPTH)
		return err_set(e, E_INVAL, "%s: cấp phải từ 1 đến %d", name, OUTLINE_STORE_MAX_DEPTH);
	if (i == 0 && d != 1)
		return err_set(e, E_INVAL, "%s: mục đầu tiên phải ở cấp 1", name);
	if (d > prev + 1)
		return err_set(e, E_INVAL,
			       "%s ở cấp %d nhưng mục đứng trước ở cấp %d: mục con chỉ sâu hơn mục cha "
			       "đúng một cấp",
			       name, d, prev);
	return 0;
}

static int clean_texts(struct item_rec *r, const char *name, err *e)
{
	char what[160], *title = NULL;
	snprintf(what, sizeof what, "Tiêu đề của %s", name);
	int rc = validate_name(r->title, OUTLINE_STORE_TITLE_MAX, what, &title, e);
	if (rc)
		return rc;
	free(r->title);
	r->title = title;
	char *g = clean_block(r->guidance);
	if (!g)
		return err_set(e, E_INVAL, "Hướng dẫn của %s không phải văn bản UTF-8 hợp lệ", name);
	free(r->guidance);
	r->guidance = g;
	if (text_length(g) > OUTLINE_STORE_GUIDANCE_MAX)
		return err_set(e, E_INVAL, "Hướng dẫn của %s dài quá %d ký tự", name,
			       OUTLINE_STORE_GUIDANCE_MAX);
	return 0;
}

/* A section repeats an earlier one that is not its own ancestor. */
static int check_repeat(const struct item_rec *v, const int *parent, size_t i, const char *name,
			err *e)
{
	int r = v[i].repeat;
	if (r < 0)
		return 0;
	if ((size_t)r >= i)
		return err_set(e, E_INVAL, "%s: chỉ lặp lại được cấu trúc của một mục đứng trước", name);
	for (int p = parent[i]; p >= 0; p = parent[p])
		if (p == r)
			return err_set(e, E_INVAL, "%s không lặp lại được cấu trúc của mục cha của nó",
				       name);
	return 0;
}

/* Checks and cleans every item in place: the rules of docs/outline.md
 * "Storage". Parents follow from the depths. */
static int check_recs(struct item_rec *v, size_t n, err *e)
{
	if (n == 0)
		return err_set(e, E_INVAL, "Đề cương cần ít nhất một mục");
	if (n > OUTLINE_STORE_MAX_ITEMS)
		return err_set(e, E_INVAL, "Một đề cương có tối đa %d mục (đang có %zu)",
			       OUTLINE_STORE_MAX_ITEMS, n);
	int *parent = xmalloc(n * sizeof *parent);
	int last[OUTLINE_STORE_MAX_DEPTH + 1];
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < n; i++) {
		char name[96];
		if ((rc = clean_label(&v[i], i, e)))
			break;
		item_name(name, sizeof name, i, v[i].label);
		if ((rc = check_depth(v, i, name, e)) || (rc = clean_texts(&v[i], name, e)))
			break;
		if (v[i].asks & ~OUTLINE_STORE_ASKS_KNOWN) {
			rc = err_set(e, E_INVAL, "%s: yêu cầu báo cáo không hợp lệ", name);
			break;
		}
		if (v[i].table_id)
			v[i].asks |= OUTLINE_ASK_FIGURES; /* a table is figures by definition */
		parent[i] = v[i].depth > 1 ? last[v[i].depth - 1] : -1;
		last[v[i].depth] = (int)i;
		rc = check_repeat(v, parent, i, name, e);
	}
	free(parent);
	return rc;
}

/* ---- from the three sources ---- */

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

/* The save input as records; repeat_of ids become indices. */
static int recs_from_input(const struct outline_item_input *in, size_t n, struct item_rec **out,
			   err *e)
{
	struct item_rec *v = xcalloc(n ? n : 1, sizeof *v);
	int64_t *ids = xmalloc((n ? n : 1) * sizeof *ids);
	size_t n_ids = 0;
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		v[i] = (struct item_rec){in[i].id, in[i].depth, dup_or_empty(in[i].label),
					 in[i].title ? xstrdup(in[i].title) : NULL,
					 dup_or_empty(in[i].guidance), in[i].asks, in[i].table_id, -1};
		if (in[i].id < 0 || in[i].table_id < 0 || in[i].repeat_of < 0)
			rc = rc ? rc : err_set(e, E_INVAL, "Mục thứ %zu: mã số không hợp lệ", i + 1);
		if (in[i].id > 0)
			ids[n_ids++] = in[i].id;
		for (size_t k = 0; in[i].repeat_of > 0 && k < i && v[i].repeat < 0; k++)
			if (in[k].id == in[i].repeat_of)
				v[i].repeat = (int)k;
		if (in[i].repeat_of > 0 && v[i].repeat < 0)
			rc = rc ? rc : err_set(e, E_INVAL,
					       "Mục thứ %zu lặp lại mục số %lld, nhưng đó không phải một "
					       "mục đứng trước trong đề cương",
					       i + 1, (long long)in[i].repeat_of);
	}
	qsort(ids, n_ids, sizeof *ids, cmp_i64);
	for (size_t i = 1; rc == 0 && i < n_ids; i++)
		if (ids[i] == ids[i - 1])
			rc = err_set(e, E_INVAL, "Mục số %lld được nêu hai lần", (long long)ids[i]);
	free(ids);
	*out = v;
	return rc;
}

/* The first `max` code points of s, cut at a space when one is near. */
static char *cut_title(const char *s, size_t max)
{
	size_t i = 0, cps = 0, space = 0;
	while (s[i] && cps < max - 1) {
		if (s[i] == ' ')
			space = i;
		i++;
		while ((s[i] & 0xC0) == 0x80)
			i++;
		cps++;
	}
	if (!s[i])
		return xstrdup(s);
	size_t end = space > i / 2 ? space : i;
	return xasprintf("%.*s…", (int)end, s);
}

/* A parsed item made fit for storage without losing words: an over-long
 * label joins the title, an over-long title is shortened and kept whole at
 * the head of the guidance, an empty one gets a placeholder. */
static void fit_parsed(struct item_rec *r)
{
	if (text_length(r->label) > OUTLINE_STORE_LABEL_MAX) {
		char *t = xasprintf("%s %s", r->label, r->title);
		free(r->title);
		r->title = t;
		r->label[0] = '\0';
	}
	if (text_length(r->title) > OUTLINE_STORE_TITLE_MAX) {
		char *g = r->guidance[0] ? xasprintf("%s\n%s", r->title, r->guidance) : xstrdup(r->title);
		char *t = cut_title(r->title, OUTLINE_STORE_TITLE_MAX);
		free(r->guidance);
		free(r->title);
		r->guidance = g;
		r->title = t;
	}
	if (!r->title[0]) {
		free(r->title);
		r->title = xstrdup("(chưa có tiêu đề)");
	}
}

/* One parsed outline (repeats already expanded) as records; depths are
 * recomputed from the parents so the tree is exactly the parser's. */
static struct item_rec *recs_from_parsed(const outline *o, int64_t commendation_id)
{
	struct item_rec *v = xcalloc(o->n_items ? o->n_items : 1, sizeof *v);
	for (size_t i = 0; i < o->n_items; i++) {
		const outline_item *it = &o->items[i];
		int p = it->parent >= 0 && (size_t)it->parent < i ? it->parent : -1;
		v[i].depth = p < 0 ? 1 : v[p].depth + 1;
		v[i].label = dup_or_empty(it->label);
		v[i].title = dup_or_empty(it->title);
		v[i].guidance = dup_or_empty(it->guidance);
		v[i].asks = it->asks & OUTLINE_STORE_ASKS_KNOWN;
		v[i].table_id = it->table && strcmp(it->table, "commendation") == 0 ? commendation_id : 0;
		v[i].repeat = it->repeat_of >= 0 && (size_t)it->repeat_of < i ? it->repeat_of : -1;
		fit_parsed(&v[i]);
	}
	return v;
}

/* A stored outline's items as records (for a copy); `map` turns the
 * source's own table ids into the copy's. */
static struct item_rec *recs_from_stored(const stored_outline *o, const int64_t *from,
					 const int64_t *to, size_t n_map)
{
	struct item_rec *v = xcalloc(o->n_items ? o->n_items : 1, sizeof *v);
	for (size_t i = 0; i < o->n_items; i++) {
		const stored_item *it = &o->items[i];
		v[i].depth = it->depth;
		v[i].label = xstrdup(it->label);
		v[i].title = xstrdup(it->title);
		v[i].guidance = xstrdup(it->guidance);
		v[i].asks = it->asks;
		v[i].table_id = it->table_id;
		for (size_t k = 0; k < n_map; k++)
			if (from[k] == it->table_id)
				v[i].table_id = to[k];
		v[i].repeat = -1;
		for (size_t k = 0; it->repeat_of && k < i; k++)
			if (o->items[k].id == it->repeat_of)
				v[i].repeat = (int)k;
	}
	return v;
}

/* ---- writing ---- */

static void bind_opt(db_stmt *st, int idx, int64_t v)
{
	if (v)
		db_bind_i64(st, idx, v);
}

/* Inserts or updates one item; its id in *id. */
static int write_item(db *d, int64_t outline_id, const struct item_rec *r, size_t pos,
		      int64_t parent, int64_t repeat, int64_t *id, err *e)
{
	db_stmt *st;
	int rc;
	if (r->id) {
		rc = db_query(d, &st, e,
			      "UPDATE outline_items SET parent_id = $1, position = $2, depth = $3,"
			      " label = $4, title = $5, guidance = $6, asks = $7, table_id = $8,"
			      " repeat_of = $9 WHERE id = $10 AND outline_id = $11",
			      "nlitttlnnll", (int64_t)pos, r->depth, r->label, r->title, r->guidance,
			      (int64_t)r->asks, r->id, outline_id);
	} else {
		rc = db_query(d, &st, e,
			      "INSERT INTO outline_items (outline_id, parent_id, position, depth, label,"
			      " title, guidance, asks, table_id, repeat_of)"
			      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
			      "lnlitttlnn", outline_id, (int64_t)pos, r->depth, r->label, r->title,
			      r->guidance, (int64_t)r->asks);
	}
	if (rc)
		return rc;
	int off = r->id ? 0 : 1; /* the INSERT has outline_id first */
	bind_opt(st, 1 + off, parent);
	bind_opt(st, 8 + off, r->table_id);
	bind_opt(st, 9 + off, repeat);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		*id = db_col_i64(st, 0);
	else if (rc == DB_DONE && r->id)
		*id = r->id;
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

/* Stores the records in order; parents follow from the depths. */
static int write_items(db *d, int64_t outline_id, const struct item_rec *v, size_t n, err *e)
{
	int64_t *ids = xcalloc(n ? n : 1, sizeof *ids);
	int64_t last[OUTLINE_STORE_MAX_DEPTH + 1] = {0};
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < n; i++) {
		int64_t parent = v[i].depth > 1 ? last[v[i].depth - 1] : 0;
		int64_t repeat = v[i].repeat >= 0 ? ids[v[i].repeat] : 0;
		rc = write_item(d, outline_id, &v[i], i, parent, repeat, &ids[i], e);
		last[v[i].depth] = ids[i];
	}
	free(ids);
	return rc;
}

char *outline_audit_json(const char *title, int version, size_t n_items, const char *extra_key,
			 int64_t extra_value)
{
	json_t *o = json_pack("{s:s, s:i, s:I}", "title", title, "version", version, "items",
			      (json_int_t)n_items);
	if (extra_key)
		json_object_set_new(o, extra_key, json_integer(extra_value));
	char *s = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	return s;
}

int outline_snapshot(db *d, const actor *a, int64_t id, err *e)
{
	arena *ar = arena_new();
	stored_outline o;
	int rc = outline_load(d, ar, id, &o, e);
	db_stmt *st;
	if (rc == 0) {
		json_t *j = outline_store_json(&o);
		char *snap = json_dumps(j, JSON_COMPACT);
		json_decref(j);
		rc = db_query(d, &st, e,
			      "INSERT INTO outline_versions (outline_id, version, snapshot, saved_by,"
			      " saved_at) VALUES ($1, $2, $3, $4, $5)",
			      "litnl", id, o.version, snap, now_unix());
		free(snap);
	}
	if (rc == 0) {
		bind_opt(st, 4, a->user_id);
		rc = db_step(st, e);
		db_finalize(st);
		rc = rc < 0 ? rc : 0;
	}
	arena_free(ar);
	return rc;
}

int outline_bump_version(db *d, int64_t id, int64_t expected, const char *title, int *current,
			 err *e)
{
	int64_t now = now_unix(), changed;
	if (title) {
		char *key = text_search_key(title);
		changed = db_run(d, e,
				 "UPDATE outlines SET version = version + 1, title = $1, search_key = $2,"
				 " updated_at = $3 WHERE id = $4 AND version = $5",
				 "ttlll", title, key, now, id, expected);
		free(key);
	} else {
		changed = db_run(d, e,
				 "UPDATE outlines SET version = version + 1, updated_at = $1"
				 " WHERE id = $2 AND version = $3",
				 "lll", now, id, expected);
	}
	if (changed < 0)
		return (int)changed;
	int64_t v = 0;
	int rc = db_get_i64(d, &v, e, "SELECT version FROM outlines WHERE id = $1", "l", id);
	if (rc)
		return rc;
	*current = (int)v;
	if (changed == 0)
		return err_set(e, E_CONFLICT,
			       "Đề cương đã được người khác lưu trước bạn: bạn sửa từ phiên bản %lld, "
			       "phiên bản hiện tại là %lld",
			       (long long)expected, (long long)v);
	return 0;
}

static int insert_outline(db *d, const actor *a, const char *title, const char *source,
			  const char *kind, int64_t copied_from, int copied_version, int64_t *id,
			  err *e)
{
	char *key = text_search_key(title);
	int64_t now = now_unix();
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "INSERT INTO outlines (owner_unit_id, title, source_text, source_kind,"
			  " copied_from, copied_version, version, created_by, created_at, updated_at,"
			  " search_key) VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8, $8, $9) RETURNING id",
			  "ltttnnnlt", a->unit_id, title, source, kind, now, key);
	free(key);
	if (rc)
		return rc;
	bind_opt(st, 5, copied_from);
	bind_opt(st, 6, copied_version);
	bind_opt(st, 7, a->user_id);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		*id = db_col_i64(st, 0);
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

/* ---- import ---- */

const char *outline_label_delim(const char *label)
{
	size_t n = strlen(label);
	unsigned char c = (unsigned char)label[0];
	if (n == 0)
		return "";
	if ((n == 1 && c >= 'a' && c <= 'z') || strcmp(label, "đ") == 0)
		return ")";
	if (text_length(label) == 1 && !(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z'))
		return "";
	if (strchr(label, ' '))
		return ":"; /* "Phần thứ nhất: ĐÁNH GIÁ …" */
	return ".";
}

/* An outline read from Word keeps no source text of its own: what the
 * officer sees beside the tree is the outline as read, one item a line. */
static char *render_parsed(const outline *o)
{
	buf b = BUF_INIT;
	if (o->title[0])
		buf_printf(&b, "%s\n\n", o->title);
	for (size_t i = 0; i < o->n_items; i++) {
		const outline_item *it = &o->items[i];
		for (int k = 1; k < it->depth; k++)
			buf_puts(&b, "    ");
		if (it->label[0])
			buf_printf(&b, "%s%s ", it->label, outline_label_delim(it->label));
		buf_printf(&b, "%s\n", it->title);
		if (it->guidance[0])
			buf_printf(&b, "%s\n", it->guidance);
	}
	return buf_detach(&b);
}

struct import_ctx {
	const actor *a;
	outline_doc *doc;
	struct item_rec **recs;
	char **titles, **sources;
	const char *kind;
	int64_t *ids;
};

static int import_tx(db *d, void *p, err *e)
{
	struct import_ctx *c = p;
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < c->doc->n; i++) {
		size_t n = c->doc->outlines[i].n_items;
		rc = insert_outline(d, c->a, c->titles[i], c->sources[i], c->kind, 0, 0, &c->ids[i], e);
		if (rc == 0)
			rc = write_items(d, c->ids[i], c->recs[i], n, e);
		if (rc == 0)
			rc = outline_snapshot(d, c->a, c->ids[i], e);
		if (rc == 0) {
			char *after = outline_audit_json(c->titles[i], 1, n, NULL, 0);
			rc = audit_log(d, c->a, "import", "outline", c->ids[i], NULL, after, e);
			free(after);
		}
	}
	return rc;
}

/* The outline's name: its title, else a placeholder; at most the title
 * length, cut at a word. */
static char *outline_title(const outline *o)
{
	char *t = text_clean_line(o->title, strlen(o->title));
	if (!t || !*t) {
		free(t);
		return xstrdup("Đề cương không có tiêu đề");
	}
	if (text_length(t) <= OUTLINE_STORE_TITLE_MAX)
		return t;
	char *cut = cut_title(t, OUTLINE_STORE_TITLE_MAX);
	free(t);
	return cut;
}

/* Expands, converts and checks every outline of the document. */
static int prepare_import(db *d, struct import_ctx *c, const char *data, size_t n, err *e)
{
	int64_t commendation = 0;
	int rc = db_get_i64(d, &commendation, e,
			    "SELECT id FROM figure_tables WHERE code = 'commendation'", NULL);
	if (rc == E_NOTFOUND)
		rc = 0, commendation = 0;
	for (size_t i = 0; rc == 0 && i < c->doc->n; i++) {
		outline *o = &c->doc->outlines[i];
		if (outline_expand_repeats(o)) {
			rc = err_set(e, E_TOOBIG, "Đề cương quá lớn sau khi chép các mục lặp lại");
			break;
		}
		c->recs[i] = recs_from_parsed(o, commendation);
		c->titles[i] = outline_title(o);
		c->sources[i] = data ? xstrndup(data, n) : render_parsed(o);
		err inner = {0};
		if ((rc = check_recs(c->recs[i], o->n_items, &inner)) && c->doc->n > 1)
			err_set(e, rc, "Đề cương thứ %zu: %s", i + 1, inner.msg);
		else if (rc)
			*e = inner;
	}
	return rc;
}

static void import_free(struct import_ctx *c)
{
	for (size_t i = 0; i < c->doc->n; i++) {
		recs_free(c->recs[i], c->doc->outlines[i].n_items);
		free(c->titles[i]);
		free(c->sources[i]);
	}
	free(c->recs);
	free(c->titles);
	free(c->sources);
	free(c->ids);
}

/* Text as stored: without a byte-order mark. */
static const char *skip_bom(const char *s, size_t *n)
{
	if (*n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		*n -= 3;
		return s + 3;
	}
	return s;
}

int outline_store_import(db *d, arena *ar, const actor *a, const char *data, size_t n, bool docx,
			 outline_created **out, size_t *n_out, err *e)
{
	*out = NULL;
	*n_out = 0;
	int rc = outline_check_import(a, e);
	if (rc)
		return rc;
	outline_doc doc = {0};
	rc = docx ? outline_parse_docx(data, n, &doc, e) : outline_parse_text(data, n, &doc, e);
	if (rc)
		return rc;
	size_t k = doc.n ? doc.n : 1;
	struct import_ctx c = {a, &doc, xcalloc(k, sizeof *c.recs), xcalloc(k, sizeof *c.titles),
			       xcalloc(k, sizeof *c.sources), docx ? "docx" : "text",
			       xcalloc(k, sizeof *c.ids)};
	const char *text = docx ? NULL : skip_bom(data, &n);
	rc = prepare_import(d, &c, text, n, e);
	if (rc == 0)
		rc = core_tx(d, e, import_tx, &c);
	if (rc == 0) {
		*out = arena_alloc(ar, doc.n * sizeof **out);
		for (size_t i = 0; i < doc.n; i++)
			(*out)[i] = (outline_created){c.ids[i], arena_strdup(ar, c.titles[i])};
		*n_out = doc.n;
	}
	import_free(&c);
	outline_doc_free(&doc);
	return rc;
}

/* ---- save ---- */

struct save_ctx {
	const actor *a;
	int64_t id;
	int64_t expected;
	const char *title;
	struct item_rec *recs;
	size_t n;
	int version;
	int64_t *existing;
	size_t n_existing;
};

/* Ids of the outline's items, sorted. */
static int existing_ids(db *d, int64_t id, int64_t **out, size_t *n, err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e, "SELECT id FROM outline_items WHERE outline_id = $1 ORDER BY id",
			  "l", id);
	if (rc)
		return rc;
	size_t cap = 16;
	*out = xmalloc(cap * sizeof **out);
	*n = 0;
	while ((rc = db_step(st, e)) == DB_ROW) {
		if (*n == cap)
			*out = xrealloc(*out, (cap *= 2) * sizeof **out);
		(*out)[(*n)++] = db_col_i64(st, 0);
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

static bool has_id(const int64_t *v, size_t n, int64_t id)
{
	return bsearch(&id, v, n, sizeof *v, cmp_i64) != NULL;
}

/* Ids of the tables an item of outline `id` may use, sorted. */
static int usable_tables(db *d, int64_t id, int64_t **out, size_t *n, err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "SELECT id FROM figure_tables WHERE outline_id IS NULL OR outline_id = $1"
			  " ORDER BY id",
			  "l", id);
	if (rc)
		return rc;
	size_t cap = 8;
	*out = xmalloc(cap * sizeof **out);
	*n = 0;
	while ((rc = db_step(st, e)) == DB_ROW) {
		if (*n == cap)
			*out = xrealloc(*out, (cap *= 2) * sizeof **out);
		(*out)[(*n)++] = db_col_i64(st, 0);
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

/* Items kept must be this outline's; tables must be built-ins or its own
 * (a table of another outline could change under this one's versions). */
static int check_refs(db *d, struct save_ctx *c, err *e)
{
	int64_t *tables = NULL;
	size_t n_tables = 0;
	int rc = existing_ids(d, c->id, &c->existing, &c->n_existing, e);
	if (rc == 0)
		rc = usable_tables(d, c->id, &tables, &n_tables, e);
	for (size_t i = 0; rc == 0 && i < c->n; i++) {
		char name[96];
		item_name(name, sizeof name, i, c->recs[i].label);
		if (c->recs[i].id && !has_id(c->existing, c->n_existing, c->recs[i].id))
			rc = err_set(e, E_INVAL, "%s: mục số %lld không thuộc đề cương này", name,
				     (long long)c->recs[i].id);
		else if (c->recs[i].table_id && !has_id(tables, n_tables, c->recs[i].table_id))
			rc = err_set(e, E_INVAL,
				     "%s: biểu số liệu số %lld không có sẵn và không thuộc đề cương này",
				     name, (long long)c->recs[i].table_id);
	}
	free(tables);
	return rc;
}

/* The item list is replaced in place: references are cleared first so
 * removed items can go without breaking a kept item's foreign keys. */
static int replace_items(db *d, struct save_ctx *c, err *e)
{
	int64_t k = db_run(d, e,
			   "UPDATE outline_items SET parent_id = NULL, repeat_of = NULL"
			   " WHERE outline_id = $1",
			   "l", c->id);
	int rc = k < 0 ? (int)k : 0;
	int64_t *kept = xmalloc((c->n ? c->n : 1) * sizeof *kept);
	size_t n_kept = 0;
	for (size_t i = 0; i < c->n; i++)
		if (c->recs[i].id)
			kept[n_kept++] = c->recs[i].id;
	qsort(kept, n_kept, sizeof *kept, cmp_i64);
	for (size_t i = 0; rc == 0 && i < c->n_existing; i++) {
		if (has_id(kept, n_kept, c->existing[i]))
			continue;
		k = db_run(d, e, "DELETE FROM outline_items WHERE id = $1", "l", c->existing[i]);
		rc = k < 0 ? (int)k : 0;
	}
	free(kept);
	return rc ? rc : write_items(d, c->id, c->recs, c->n, e);
}

/* The title and version before the save, for the audit row. */
static int audit_before(db *d, struct save_ctx *c, char **before, char **title, err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "SELECT title, version, (SELECT COUNT(*) FROM outline_items WHERE outline_id = $1)"
			  " FROM outlines WHERE id = $1",
			  "l", c->id);
	if (rc)
		return rc;
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		*title = xstrdup(db_col_text(st, 0));
		*before = outline_audit_json(*title, (int)db_col_i64(st, 1), (size_t)db_col_i64(st, 2),
					     NULL, 0);
		rc = 0;
	} else if (rc == DB_DONE) {
		rc = err_set(e, E_NOTFOUND, "Không tìm thấy đề cương");
	}
	db_finalize(st);
	return rc;
}

static int save_tx(db *d, void *p, err *e)
{
	struct save_ctx *c = p;
	char *before = NULL, *old_title = NULL;
	/* the version first: an editor who started from an old version may
	 * name items deleted since, and should hear about the conflict */
	int rc = audit_before(d, c, &before, &old_title, e);
	if (rc == 0)
		rc = outline_bump_version(d, c->id, c->expected, c->title, &c->version, e);
	if (rc == 0 && (rc = outline_check_unused(d, c->id, e)))
		c->version = (int)c->expected; /* rolled back: the version stays */
	if (rc == 0)
		rc = check_refs(d, c, e);
	if (rc == 0)
		rc = replace_items(d, c, e);
	if (rc == 0)
		rc = outline_snapshot(d, c->a, c->id, e);
	if (rc == 0) {
		char *after = outline_audit_json(c->title ? c->title : old_title, c->version, c->n,
						 NULL, 0);
		rc = audit_log(d, c->a, "update", "outline", c->id, before, after, e);
		free(after);
	}
	free(before);
	free(old_title);
	return rc;
}

int outline_store_save(db *d, const actor *a, int64_t id, const struct outline_save_input *in,
		       int *version, err *e)
{
	int rc = outline_check_edit(d, a, id, e);
	if (rc)
		return rc;
	struct item_rec *recs = NULL;
	char *title = NULL;
	struct save_ctx c = {a, id, in->expected_version, NULL, NULL, in->n_items, 0, NULL, 0};
	if (in->n_items > OUTLINE_STORE_MAX_ITEMS) {
		rc = err_set(e, E_INVAL, "Một đề cương có tối đa %d mục (đang có %zu)",
			     OUTLINE_STORE_MAX_ITEMS, in->n_items);
		goto out;
	}
	if ((rc = recs_from_input(in->items, in->n_items, &recs, e)) ||
	    (rc = check_recs(recs, in->n_items, e)))
		goto out;
	if (in->title && (rc = validate_name(in->title, OUTLINE_STORE_TITLE_MAX, "Tên đề cương",
					     &title, e)))
		goto out;
	if (in->expected_version < 1) {
		rc = err_set(e, E_INVAL, "Cần cho biết phiên bản đề cương đang sửa");
		goto out;
	}
	c.title = title;
	c.recs = recs;
	rc = core_tx(d, e, save_tx, &c);
	if (version)
		*version = c.version;
out:
	recs_free(recs, in->n_items);
	free(title);
	free(c.existing);
	return rc;
}

/* ---- copy ---- */

struct copy_ctx {
	const actor *a;
	int64_t src;
	const char *title;
	int64_t id;
};

/* The source's own tables, copied for the new outline: from[k] → to[k]. */
static int copy_tables(db *d, const stored_outline *o, int64_t new_id, int64_t *from, int64_t *to,
		       size_t *n, err *e)
{
	int rc = 0;
	*n = 0;
	for (size_t i = 0; rc == 0 && i < o->n_tables; i++) {
		if (o->tables[i].outline_id != o->id)
			continue;
		from[*n] = o->tables[i].id;
		rc = figure_table_insert(d, new_id, &o->tables[i], &to[*n], e);
		(*n)++;
	}
	return rc;
}

static int copy_tx(db *d, void *p, err *e)
{
	struct copy_ctx *c = p;
	arena *ar = arena_new();
	stored_outline o;
	int64_t *from = NULL, *to = NULL;
	size_t n_map = 0;
	struct item_rec *recs = NULL;
	int rc = outline_load(d, ar, c->src, &o, e);
	if (rc == 0)
		rc = insert_outline(d, c->a, c->title ? c->title : o.title, o.source_text,
				    o.source_kind, o.id, o.version, &c->id, e);
	if (rc == 0) {
		from = xcalloc(o.n_tables + 1, sizeof *from);
		to = xcalloc(o.n_tables + 1, sizeof *to);
		rc = copy_tables(d, &o, c->id, from, to, &n_map, e);
	}
	if (rc == 0) {
		recs = recs_from_stored(&o, from, to, n_map);
		rc = write_items(d, c->id, recs, o.n_items, e);
	}
	if (rc == 0)
		rc = outline_snapshot(d, c->a, c->id, e);
	if (rc == 0) {
		char *after = outline_audit_json(c->title ? c->title : o.title, 1, o.n_items,
						 "copied_from", o.id);
		rc = audit_log(d, c->a, "copy", "outline", c->id, NULL, after, e);
		free(after);
	}
	if (recs)
		recs_free(recs, o.n_items);
	free(from);
	free(to);
	arena_free(ar);
	return rc;
}

int outline_store_copy(db *d, const actor *a, int64_t id, const char *title, int64_t *new_id,
		       err *e)
{
	int rc = outline_check_copy(d, a, id, e);
	if (rc)
		return rc;
	char *clean = NULL;
	if (title && (rc = validate_name(title, OUTLINE_STORE_TITLE_MAX, "Tên đề cương", &clean, e)))
		return rc;
	struct copy_ctx c = {a, id, clean, 0};
	rc = core_tx(d, e, copy_tx, &c);
	if (rc == 0 && new_id)
		*new_id = c.id;
	free(clean);
	return rc;
}
