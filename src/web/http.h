/*
 * http.h — the request and response every handler sees, and the route table.
 *
 * The server (server.c, libmicrohttpd) buffers the body under a cap, resolves
 * the session, checks CSRF on browser form posts, matches a route and calls
 * its handler with a request-scoped arena; handlers fill a `resp`.
 */
#ifndef THIDUA_HTTP_H
#define THIDUA_HTTP_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/auth.h"
#include "core/core.h"

#define HTTP_MAX_BODY (25u * 1024 * 1024)
#define HTTP_MAX_PARAMS 4

struct MHD_Connection;

typedef struct form_field {
	const char *name;
	const char *value; /* NUL-terminated; may hold binary for files */
	size_t len;
	const char *filename; /* non-NULL for an uploaded file */
	const char *content_type;
} form_field;

typedef struct req {
	arena *a;
	struct MHD_Connection *conn;
	const char *method;
	const char *path; /* without the query string */
	const char *client;
	buf body;
	db *db;
	/* the caller, when a valid session or bearer token came with the request */
	bool authed;
	bool via_bearer;
	actor who;
	char csrf[AUTH_CSRF_LEN];
	char token[AUTH_TOKEN_LEN];
	/* {id}-style path parameters, in order */
	int64_t id[HTTP_MAX_PARAMS];
	int n_id;
	/* decoded form (urlencoded or multipart), parsed on first use */
	form_field *form;
	size_t n_form;
	bool form_parsed;
} req;

typedef struct resp {
	int status;
	const char *content_type;
	buf body;
	const char *hdr_name[8];
	char *hdr_value[8];
	int n_hdr;
} resp;

typedef void (*handler_fn)(req *r, resp *w);

enum route_flags {
	ROUTE_PUBLIC = 1, /* no session needed */
	ROUTE_API = 2,    /* JSON errors, bearer token or cookie */
};

struct route {
	const char *method;
	const char *pattern; /* "/api/v1/units/{id}" */
	handler_fn fn;
	int flags;
};

/* Route tables of each area; the router walks them in order. */
extern const struct route api_routes[];
extern const struct route ui_routes[];

/* Finds the route for method + path, filling r->id; NULL if none.
 * *path_matched is set when the path exists under another method. */
const struct route *route_match(req *r, bool *path_matched);

/* ---- request helpers ---- */
const char *req_query(req *r, const char *name);
const char *req_header(req *r, const char *name);
const char *req_cookie(req *r, const char *name);
/* Form value by name (urlencoded or multipart); NULL when absent. */
const form_field *req_form_field(req *r, const char *name);
const char *req_form(req *r, const char *name);
/* Every field of the form, in the order sent. */
const form_field *req_form_fields(req *r, size_t *n);
/* Parses the JSON body; on failure answers 400/415 itself and returns NULL. */
json_t *req_json(req *r, resp *w);

/* ---- response helpers ---- */
void resp_header(resp *w, const char *name, const char *value);
/* Takes ownership of `body`. */
void resp_json(resp *w, int status, json_t *body);
/* {"error": msg} with status. */
void resp_json_error(resp *w, int status, const char *msg);
/* Maps an E_* code and message to the matching JSON error response. */
void resp_api_err(resp *w, const err *e);
int http_status_of(int code);
void resp_redirect(resp *w, const char *location);
void resp_text(resp *w, int status, const char *ctype, const char *body, size_t n);
/* A file to save, never to display: Content-Disposition attachment with an
 * ASCII fallback name and the UTF-8 name (RFC 6266/5987). */
void resp_download(req *r, resp *w, const char *name, const char *mime, const void *data,
		   size_t n);

#endif
