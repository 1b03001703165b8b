/*
 * http.c — request accessors (query, headers, cookies, forms, JSON body)
 * and response builders shared by every handler.
 */
#include "web/http.h"

#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

const char *req_query(req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

const char *req_header(req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

const char *req_cookie(req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, name);
}

/* ---- forms: libmicrohttpd's post processor over the buffered body ---- */

/* The outline editor posts about ten fields per item; the body cap bounds
 * the work anyway. The arrays grow as fields arrive. */
#define MAX_FORM_FIELDS 60000

struct form_acc {
	req *r;
	form_field *v;
	buf *data;
	size_t n, cap;
	bool overflow;
};

static void form_grow(struct form_acc *acc)
{
	size_t cap = acc->cap ? acc->cap * 2 : 64;
	if (cap > MAX_FORM_FIELDS)
		cap = MAX_FORM_FIELDS;
	acc->v = xrealloc(acc->v, cap * sizeof *acc->v);
	acc->data = xrealloc(acc->data, cap * sizeof *acc->data);
	memset(acc->data + acc->cap, 0, (cap - acc->cap) * sizeof *acc->data);
	acc->cap = cap;
}

static enum MHD_Result on_field(void *cls, enum MHD_ValueKind kind, const char *key,
				const char *filename, const char *content_type,
				const char *transfer_encoding, const char *data, uint64_t off,
				size_t size)
{
	struct form_acc *acc = cls;
	/* a continuation chunk of the previous field */
	if (off > 0 && acc->n > 0 && strcmp(acc->v[acc->n - 1].name, key) == 0) {
		buf_put(&acc->data[acc->n - 1], data, size);
		return MHD_YES;
	}
	if (acc->n == MAX_FORM_FIELDS) {
		acc->overflow = true;
		return MHD_NO;
	}
	if (acc->n == acc->cap)
		form_grow(acc);
	form_field *f = &acc->v[acc->n];
	f->name = arena_strdup(acc->r->a, key);
	f->filename = filename ? arena_strdup(acc->r->a, filename) : NULL;
	f->content_type = content_type ? arena_strdup(acc->r->a, content_type) : NULL;
	buf_put(&acc->data[acc->n], data ? data : "", size);
	acc->n++;
	return MHD_YES;
}

static void parse_form(req *r)
{
	r->form_parsed = true;
	const char *ct = req_header(r, "Content-Type");
	if (!ct || r->body.len == 0)
		return;
	struct form_acc acc = {r, NULL, NULL, 0, 0, false};
	struct MHD_PostProcessor *pp = MHD_create_post_processor(r->conn, 64 * 1024, on_field, &acc);
	if (pp) {
		MHD_post_process(pp, r->body.p, r->body.len);
		MHD_destroy_post_processor(pp);
	}
	r->form = arena_alloc(r->a, (acc.n ? acc.n : 1) * sizeof *r->form);
	for (size_t i = 0; i < acc.n; i++) {
		r->form[i] = acc.v[i];
		r->form[i].len = acc.data[i].len;
		r->form[i].value = arena_strndup(r->a, buf_cstr(&acc.data[i]), acc.data[i].len);
		buf_free(&acc.data[i]);
	}
	free(acc.v);
	free(acc.data);
	r->n_form = acc.n;
}

const form_field *req_form_fields(req *r, size_t *n)
{
	if (!r->form_parsed)
		parse_form(r);
	*n = r->n_form;
	return r->form;
}

const form_field *req_form_field(req *r, const char *name)
{
	if (!r->form_parsed)
		parse_form(r);
	for (size_t i = 0; i < r->n_form; i++)
		if (strcmp(r->form[i].name, name) == 0)
			return &r->form[i];
	return NULL;
}

const char *req_form(req *r, const char *name)
{
	const form_field *f = req_form_field(r, name);
	return f ? f->value : NULL;
}

json_t *req_json(req *r, resp *w)
{
	const char *ct = req_header(r, "Content-Type");
	if (!ct || strncasecmp(ct, "application/json", 16) != 0) {
		resp_json_error(w, 415, "Cần gửi dữ liệu JSON (Content-Type: application/json)");
		return NULL;
	}
	if (!text_valid_utf8(r->body.p ? r->body.p : "", r->body.len)) {
		resp_json_error(w, 400, "Dữ liệu không phải UTF-8 hợp lệ");
		return NULL;
	}
	json_error_t je;
	json_t *j = json_loadb(r->body.p ? r->body.p : "", r->body.len, JSON_REJECT_DUPLICATES, &je);
	if (!j) {
		char *msg = arena_printf(r->a, "JSON không hợp lệ (dòng %d, cột %d): %s", je.line,
					 je.column, je.text);
		resp_json_error(w, 400, msg);
		return NULL;
	}
	if (!json_is_object(j)) {
		json_decref(j);
		resp_json_error(w, 400, "Cần một đối tượng JSON");
		return NULL;
	}
	return j;
}

/* ---- responses ---- */

void resp_header(resp *w, const char *name, const char *value)
{
	if (w->n_hdr == (int)(sizeof w->hdr_name / sizeof *w->hdr_name))
		return;
	w->hdr_name[w->n_hdr] = name;
	w->hdr_value[w->n_hdr++] = xstrdup(value);
}

void resp_text(resp *w, int status, const char *ctype, const char *body, size_t n)
{
	w->status = status;
	w->content_type = ctype;
	buf_reset(&w->body);
	buf_put(&w->body, body, n ? n : strlen(body));
}

void resp_json(resp *w, int status, json_t *body)
{
	w->status = status;
	w->content_type = "application/json; charset=utf-8";
	buf_reset(&w->body);
	char *s = json_dumps(body, JSON_COMPACT);
	buf_puts(&w->body, s ? s : "{}");
	buf_putc(&w->body, '\n');
	free(s);
	json_decref(body);
}

void resp_json_error(resp *w, int status, const char *msg)
{
	resp_json(w, status, json_pack("{s:s}", "error", msg));
}

int http_status_of(int code)
{
	switch (code) {
	case E_INVAL: return 422;
	case E_PARSE: return 400;
	case E_NOTFOUND: return 404;
	case E_FORBIDDEN: return 403;
	case E_CONFLICT: return 409;
	case E_TOOBIG: return 413;
	case E_AUTH: return 401;
	case E_MEDIA: return 415;
	case E_UNAVAILABLE: return 503;
	case E_RATE: return 429;
	default: return 500;
	}
}

void resp_api_err(resp *w, const err *e)
{
	int status = http_status_of(e->code);
	/* internal details stay in the log, not in the answer */
	if (status == 500) {
		fprintf(stderr, "thidua: internal error: %s\n", e->msg);
		resp_json_error(w, 500, "Lỗi hệ thống; vui lòng thử lại hoặc báo quản trị");
		return;
	}
	resp_json_error(w, status, e->msg);
	if (status == 429)
		resp_header(w, "Retry-After", "900");
}

void resp_redirect(resp *w, const char *location)
{
	w->status = 303;
	w->content_type = "text/plain; charset=utf-8";
	buf_reset(&w->body);
	resp_header(w, "Location", location);
}

void resp_download(req *r, resp *w, const char *name, const char *mime, const void *data, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	buf b = BUF_INIT;
	buf_puts(&b, "attachment; filename=\"");
	char *plain = text_ascii(name);
	for (const char *p = plain; *p; p++)
		buf_putc(&b, *p != '"' && *p != '\\' ? *p : '_');
	free(plain);
	buf_puts(&b, "\"; filename*=UTF-8''");
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~", *p))
			buf_putc(&b, (char)*p);
		else
			buf_printf(&b, "%%%c%c", hex[*p >> 4], hex[*p & 15]);
	}
	w->status = 200;
	w->content_type = mime;
	buf_reset(&w->body);
	buf_put(&w->body, data, n);
	resp_header(w, "Content-Disposition", buf_cstr(&b));
	resp_header(w, "Cache-Control", "private, no-store");
	buf_free(&b);
	(void)r;
}
