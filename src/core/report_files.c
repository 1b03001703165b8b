/*
 * report_files.c — files attached to a report (kế hoạch, quyết định, ảnh
 * mô hình …). Attaching or removing a file changes the report, so it raises
 * the version like a save; a removed file is only marked, so a version
 * submitted with it can still be opened from the history.
 */
#include "reports_int.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text/text.h"

#define NAME_MAX_CPS 200

char *attachment_clean_name(const char *name)
{
	if (!name)
		name = "";
	const char *base = name;
	for (const char *p = name; *p; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	char *line = text_clean_line(base, strlen(base));
	if (!line)
		return NULL;
	/* quotes and characters that mean something in a header or a path */
	size_t k = 0;
	for (size_t i = 0; line[i]; i++)
		if (!strchr("\"*:<>?|;", line[i]))
			line[k++] = line[i];
	line[k] = '\0';
	/* at most NAME_MAX_CPS code points, cut on a character boundary */
	size_t cps = 0, i = 0;
	while (line[i] && cps < NAME_MAX_CPS) {
		i++;
		while ((line[i] & 0xC0) == 0x80)
			i++;
		cps++;
	}
	line[i] = '\0';
	char *t = text_trim(line, strlen(line));
	free(line);
	/* no hidden files, no names made only of dots */
	char *p = t;
	while (*p == '.')
		p++;
	if (!*p) {
		free(t);
		return xstrdup("tep-dinh-kem");
	}
	if (p != t)
		memmove(t, p, strlen(p) + 1);
	return t;
}

const char *attachment_mime(const char *name)
{
	static const char *const map[][2] = {
		{"pdf", "application/pdf"},
		{"doc", "application/msword"},
		{"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
		{"xls", "application/vnd.ms-excel"},
		{"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
		{"odt", "application/vnd.oasis.opendocument.text"},
		{"ods", "application/vnd.oasis.opendocument.spreadsheet"},
		{"jpg", "image/jpeg"},
		{"jpeg", "image/jpeg"},
		{"png", "image/png"},
		{"zip", "application/zip"},
		{"txt", "text/plain"},
	};
	const char *dot = name ? strrchr(name, '.') : NULL;
	for (size_t i = 0; dot && i < sizeof map / sizeof *map; i++)
		if (strcasecmp(dot + 1, map[i][0]) == 0)
			return map[i][1];
	return "application/octet-stream";
}

static void hex_sha256(const void *data, size_t n, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, data, n);
	sodium_bin2hex(out, 65, h, sizeof h);
}

static void read_attachment(db_stmt *st, arena *ar, attachment *a)
{
	a->id = db_col_i64(st, 0);
	a->report_id = db_col_i64(st, 1);
	a->name = arena_strdup(ar, db_col_text(st, 2));
	a->mime = arena_strdup(ar, db_col_text(st, 3));
	a->size = db_col_i64(st, 4);
	a->sha256 = arena_strdup(ar, db_col_text(st, 5));
	a->created_at = db_col_i64(st, 6);
	a->data = NULL;
}

#define ATTACHMENT_COLS "id, report_id, name, mime, size, sha256, created_at"

int report_attachments(db *d, arena *ar, int64_t id, attachment **out, size_t *n, err *e)
{
	*out = NULL;
	*n = 0;
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "SELECT " ATTACHMENT_COLS " FROM attachments WHERE report_id = $1"
			  " AND deleted_at IS NULL ORDER BY id",
			  "l", id);
	if (rc)
		return rc;
	size_t cap = 0;
	while ((rc = db_step(st, e)) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			attachment *nv = arena_alloc(ar, cap * sizeof *nv);
			if (*n)
				memcpy(nv, *out, *n * sizeof *nv);
			*out = nv;
		}
		read_attachment(st, ar, &(*out)[(*n)++]);
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

struct attach_ctx {
	const actor *a;
	report *r;
	const char *name;
	const void *data;
	size_t n;
	int64_t id;       /* attach: the new file; detach: the file */
	const char *gone; /* detach: its name */
};

static int count_files(db *d, int64_t id, int64_t *n, err *e)
{
	return db_get_i64(d, n, e,
			  "SELECT COUNT(*) FROM attachments WHERE report_id = $1 AND deleted_at IS NULL",
			  "l", id);
}

static int attach_tx(db *d, void *p, err *e)
{
	struct attach_ctx *c = p;
	int version = 0;
	int64_t files = 0;
	int rc = report_bump_version(d, c->a, c->r->id, 0, &version, "đính kèm tệp", e);
	if (rc == 0)
		rc = count_files(d, c->r->id, &files, e);
	if (rc == 0 && files >= ATTACHMENTS_MAX)
		return err_set(e, E_INVAL, "Mỗi báo cáo đính kèm tối đa %d tệp", ATTACHMENTS_MAX);
	char sha[65];
	hex_sha256(c->data, c->n, sha);
	if (rc == 0)
		rc = db_get_i64(d, &c->id, e,
				"INSERT INTO attachments (report_id, name, mime, size, sha256, data,"
				" created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, NULLIF(CAST($7 AS BIGINT), 0), $8)"
				" RETURNING id",
				"lttltbll", c->r->id, c->name, attachment_mime(c->name), (int64_t)c->n,
				sha, c->data, c->n, c->a->user_id, now_unix());
	if (rc == 0)
		rc = report_event_add(d, c->a, c->r->id, "attach", version, c->name, -1, e);
	if (rc == 0)
		rc = report_audit(d, c->a, "attach", c->r, c->r->state, version, c->name, e);
	return rc;
}

int report_attach(db *d, const actor *a, int64_t id, const char *name, const void *data, size_t n,
		  int64_t *attachment_id, err *e)
{
	arena *ar = arena_new();
	report r;
	struct report_rights rt;
	char *clean = NULL;
	int rc = report_access(d, ar, a, id, &r, &rt, e);
	if (rc == 0)
		rc = report_require_own(&rt, e);
	if (rc == 0 && n > ATTACHMENT_MAX_SIZE)
		rc = err_set(e, E_TOOBIG, "Tệp đính kèm lớn quá %u MB", ATTACHMENT_MAX_SIZE >> 20);
	if (rc == 0 && n == 0)
		rc = err_set(e, E_INVAL, "Tệp đính kèm rỗng");
	if (rc == 0 && !(clean = attachment_clean_name(name)))
		rc = err_set(e, E_INVAL, "Tên tệp không phải văn bản UTF-8 hợp lệ");
	struct attach_ctx c = {a, &r, clean, data, n, 0, NULL};
	if (rc == 0)
		rc = core_tx(d, e, attach_tx, &c);
	if (rc == 0 && attachment_id)
		*attachment_id = c.id;
	free(clean);
	arena_free(ar);
	return rc;
}

static int detach_tx(db *d, void *p, err *e)
{
	struct attach_ctx *c = p;
	int version = 0;
	int rc = report_bump_version(d, c->a, c->r->id, 0, &version, "gỡ tệp đính kèm", e);
	if (rc == 0) {
		int64_t k = db_run(d, e,
				   "UPDATE attachments SET deleted_at = $1 WHERE id = $2 AND report_id = $3"
				   " AND deleted_at IS NULL",
				   "lll", now_unix(), c->id, c->r->id);
		rc = k < 0 ? (int)k : k == 0 ? err_set(e, E_NOTFOUND, "Không tìm thấy tệp đính kèm") : 0;
	}
	if (rc == 0)
		rc = report_event_add(d, c->a, c->r->id, "detach", version, c->gone, -1, e);
	if (rc == 0)
		rc = report_audit(d, c->a, "detach", c->r, c->r->state, version, c->gone, e);
	return rc;
}

/* The name of a file still attached to report `id` (E_NOTFOUND otherwise). */
static int attachment_name(db *d, arena *ar, int64_t id, int64_t attachment_id, char **name, err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "SELECT name FROM attachments WHERE id = $1 AND report_id = $2 AND deleted_at IS NULL",
			  "ll", attachment_id, id);
	if (rc)
		return rc;
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		*name = arena_strdup(ar, db_col_text(st, 0));
		rc = 0;
	} else if (rc == DB_DONE) {
		rc = err_set(e, E_NOTFOUND, "Không tìm thấy tệp đính kèm");
	}
	db_finalize(st);
	return rc;
}

int report_detach(db *d, const actor *a, int64_t id, int64_t attachment_id, err *e)
{
	arena *ar = arena_new();
	report r;
	struct report_rights rt;
	char *name = NULL;
	int rc = report_access(d, ar, a, id, &r, &rt, e);
	if (rc == 0)
		rc = report_require_own(&rt, e);
	if (rc == 0)
		rc = attachment_name(d, ar, id, attachment_id, &name, e);
	struct attach_ctx c = {a, &r, NULL, NULL, 0, attachment_id, name};
	if (rc == 0)
		rc = core_tx(d, e, detach_tx, &c);
	arena_free(ar);
	return rc;
}

int report_attachment_get(db *d, arena *ar, const actor *a, int64_t id, int64_t attachment_id,
			  attachment *out, err *e)
{
	report r;
	struct report_rights rt;
	int rc = report_access(d, ar, a, id, &r, &rt, e);
	db_stmt *st;
	if (rc == 0)
		rc = db_query(d, &st, e,
			      "SELECT " ATTACHMENT_COLS ", data FROM attachments"
			      " WHERE id = $1 AND report_id = $2",
			      "ll", attachment_id, id);
	if (rc)
		return rc;
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		read_attachment(st, ar, out);
		size_t n = 0;
		const void *p = db_col_blob(st, 7, &n);
		void *copy = arena_alloc(ar, n ? n : 1);
		if (n)
			memcpy(copy, p, n);
		out->data = copy;
		out->size = (int64_t)n;
		rc = 0;
	} else if (rc == DB_DONE) {
		rc = err_set(e, E_NOTFOUND, "Không tìm thấy tệp đính kèm");
	}
	db_finalize(st);
	return rc;
}
