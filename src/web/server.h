/*
 * server.h — start the HTTP server and serve until SIGINT/SIGTERM.
 */
#ifndef THIDUA_SERVER_H
#define THIDUA_SERVER_H

#include "util/util.h"

struct server_opts {
	const char *db_target;   /* SQLite path or postgresql:// URL */
	const char *engine_name; /* for the start-up line */
	const char *bind;        /* NULL → 0.0.0.0 */
	int port;                /* 0 → any free port (printed) */
	int threads;             /* worker threads, each with its own DB connection */
};

int server_run(const struct server_opts *o, err *e);

#endif
