/*
 * router.c — matches method + path against the route tables. Patterns are
 * literal segments and `{id}` segments that must be positive integers.
 */
#include <stdlib.h>
#include <string.h>

#include "web/http.h"

/* Matches one pattern; fills r->id on success. */
static bool match(req *r, const char *pat, const char *path)
{
	int n_id = 0;
	int64_t ids[HTTP_MAX_PARAMS];
	while (*pat && *path) {
		if (strncmp(pat, "{id}", 4) == 0) {
			char *end;
			if (*path < '1' || *path > '9')
				return false;
			long long v = strtoll(path, &end, 10);
			if (v <= 0 || n_id == HTTP_MAX_PARAMS)
				return false;
			ids[n_id++] = v;
			pat += 4;
			path = end;
			continue;
		}
		if (*pat != *path)
			return false;
		pat++;
		path++;
	}
	if (*pat || *path)
		return false;
	memcpy(r->id, ids, sizeof ids);
	r->n_id = n_id;
	return true;
}

static const struct route *const tables[] = {api_routes, ui_routes};

const struct route *route_match(req *r, bool *path_matched)
{
	*path_matched = false;
	for (size_t t = 0; t < sizeof tables / sizeof *tables; t++)
		for (const struct route *rt = tables[t]; rt->pattern; rt++) {
			if (!match(r, rt->pattern, r->path))
				continue;
			if (strcmp(rt->method, r->method) == 0 ||
			    (strcmp(r->method, "HEAD") == 0 && strcmp(rt->method, "GET") == 0))
				return rt;
			*path_matched = true;
		}
	return NULL;
}
