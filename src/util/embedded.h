/* embedded.h — files compiled into the binary by tools/embed.c. */
#ifndef THIDUA_EMBEDDED_H
#define THIDUA_EMBEDDED_H
#include <stddef.h>

struct embedded_file {
	const char *name; /* base name, e.g. "001_init.sql" */
	const char *data; /* NUL-terminated */
	size_t len;
};

/* Migrations in order (src/db/migrations/NNN_*.sql). */
extern const struct embedded_file embedded_migrations[];
/* Static web assets (src/web/static/ *), served under /static/. */
extern const struct embedded_file embedded_static[];

/* Demo data set (the TSV files under data/demo). */
extern const struct embedded_file embedded_data[];

#endif
