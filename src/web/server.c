/*
 * server.c — the HTTP server: libmicrohttpd with an epoll thread pool, one
 * database connection per worker thread, caps on body, header, connection
 * count and time; authentication, CSRF and routing before any handler runs.
 */
#include "server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "web/http.h"
#include "web/ui.h"

static const char *g_db_target;

/* Per-thread connections, remembered so shutdown can close them. */
static pthread_mutex_t conns_lock = PTHREAD_MUTEX_INITIALIZER;
static db *conns[256];
static int n_conns;
static _Thread_local db *tl_db;

static db *thread_db(err *e)
{
	if (tl_db)
		return tl_db;
	if (db_open(g_db_target, &tl_db, e) != 0) {
		tl_db = NULL;
		return NULL;
	}
	pthread_mutex_lock(&conns_lock);
	if (n_conns < (int)(sizeof conns / sizeof *conns))
		conns[n_conns++] = tl_db;
	pthread_mutex_unlock(&conns_lock);
	return tl_db;
}

static void close_thread_dbs(void)
{
	pthread_mutex_lock(&conns_lock);
	for (int i = 0; i < n_conns; i++)
		db_close(conns[i]);
	n_conns = 0;
	pthread_mutex_unlock(&conns_lock);
}

/* ---- per-request state ---- */

struct conn_state {
	req r;
	bool too_big;
};

static void request_completed(void *cls, struct MHD_Connection *c, void **con_cls,
			      enum MHD_RequestTerminationCode toe)
{
	struct conn_state *s = *con_cls;
	if (!s)
		return;
	buf_free(&s->r.body);
	arena_free(s->r.a);
	free(s);
	*con_cls = NULL;
}

static bool is_api(const char *path)
{
	return strncmp(path, "/api/", 5) == 0;
}

/* Session from "Authorization: Bearer …" or the browser cookie. Returns
 * E_UNAVAILABLE when the database cannot answer, so a token is not taken
 * for invalid (401) just because the server is down (503). */
static int authenticate(req *r)
{
	const char *h = req_header(r, "Authorization");
	const char *token = NULL;
	if (h && strncasecmp(h, "Bearer ", 7) == 0) {
		token = h + 7;
		r->via_bearer = true;
	} else {
		token = req_cookie(r, "thidua_session");
	}
	if (!token || !*token)
		return 0;
	err e = {0};
	int rc = auth_resolve(r->db, token, &r->who, r->csrf, &e);
	if (rc == 0) {
		r->authed = true;
		snprintf(r->token, sizeof r->token, "%s", token);
	}
	return rc == E_UNAVAILABLE || rc == E_DB ? E_UNAVAILABLE : 0;
}

static void db_down(req *r, resp *w, bool api)
{
	if (api)
		resp_json_error(w, 503, "Cơ sở dữ liệu tạm thời không truy cập được; vui lòng thử lại sau");
	else
		resp_text(w, 503, "text/plain; charset=utf-8",
			  "Hệ thống tạm thời không truy cập được cơ sở dữ liệu. Vui lòng thử lại sau.\n", 0);
	resp_header(w, "Retry-After", "5");
}

static bool unsafe_method(const char *m)
{
	return strcmp(m, "GET") != 0 && strcmp(m, "HEAD") != 0;
}

/* Browser sessions must prove the request came from our own page: a form
 * field (HTML forms) or header (scripts) carrying the session's CSRF token. */
static bool csrf_ok(req *r)
{
	if (!r->authed || r->via_bearer || !unsafe_method(r->method))
		return true;
	const char *t = req_header(r, "X-CSRF-Token");
	if (!t)
		t = req_form(r, "csrf");
	return t && auth_equal(t, r->csrf);
}

static void dispatch(req *r, resp *w)
{
	bool api = is_api(r->path);
	bool path_known = false;
	const struct route *rt = route_match(r, &path_known);
	if (!rt) {
		if (api)
			resp_json_error(w, path_known ? 405 : 404,
					path_known ? "Phương thức không được hỗ trợ" : "Không tìm thấy");
		else
			ui_not_found(r, w);
		return;
	}
	err e = {0};
	r->db = thread_db(&e);
	if (!r->db || authenticate(r) == E_UNAVAILABLE) {
		db_down(r, w, api);
		return;
	}
	if (!(rt->flags & ROUTE_PUBLIC) && !r->authed) {
		if (api) {
			resp_json_error(w, 401, "Cần đăng nhập (thiếu hoặc sai mã phiên)");
		} else {
			char *loc = arena_printf(r->a, "/login?next=%s", r->path);
			resp_redirect(w, loc);
		}
		return;
	}
	if (!csrf_ok(r)) {
		if (api)
			resp_json_error(w, 403, "Thiếu hoặc sai mã chống giả mạo (CSRF)");
		else
			ui_error_page(r, w, 403, "Phiên biểu mẫu đã hết hạn. Vui lòng tải lại trang và thử lại.");
		return;
	}
	rt->fn(r, w);
}

static void add_security_headers(struct MHD_Response *mr, const resp *w)
{
	MHD_add_response_header(mr, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(mr, "X-Frame-Options", "DENY");
	MHD_add_response_header(mr, "Referrer-Policy", "same-origin");
	if (w->content_type && strncmp(w->content_type, "text/html", 9) == 0)
		MHD_add_response_header(mr, "Content-Security-Policy",
					"default-src 'self'; img-src 'self' data:; style-src 'self';"
					" script-src 'self'; form-action 'self'; frame-ancestors 'none'");
}

static enum MHD_Result send_resp(struct MHD_Connection *c, resp *w)
{
	size_t len = w->body.len;
	char *body = buf_detach(&w->body);
	struct MHD_Response *mr = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	if (!mr) {
		free(body);
		return MHD_NO;
	}
	MHD_add_response_header(mr, "Content-Type",
				w->content_type ? w->content_type : "text/plain; charset=utf-8");
	bool has_cache = false;
	for (int i = 0; i < w->n_hdr; i++) {
		MHD_add_response_header(mr, w->hdr_name[i], w->hdr_value[i]);
		has_cache |= strcasecmp(w->hdr_name[i], "Cache-Control") == 0;
		free(w->hdr_value[i]);
	}
	if (!has_cache)
		MHD_add_response_header(mr, "Cache-Control", "no-store");
	add_security_headers(mr, w);
	enum MHD_Result ret = MHD_queue_response(c, (unsigned)w->status, mr);
	MHD_destroy_response(mr);
	return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
				  const char *method, const char *version, const char *upload,
				  size_t *upload_size, void **con_cls)
{
	struct conn_state *s = *con_cls;
	if (!s) {
		s = xcalloc(1, sizeof *s);
		s->r.a = arena_new();
		s->r.conn = c;
		s->r.method = arena_strdup(s->r.a, method);
		s->r.path = arena_strdup(s->r.a, url);
		const union MHD_ConnectionInfo *ci =
			MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
		char ip[INET6_ADDRSTRLEN] = "?";
		if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET)
			inet_ntop(AF_INET, &((struct sockaddr_in *)ci->client_addr)->sin_addr, ip, sizeof ip);
		s->r.client = arena_strdup(s->r.a, ip);
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
		if (cl && strtoull(cl, NULL, 10) > HTTP_MAX_BODY)
			s->too_big = true;
		*con_cls = s;
		return MHD_YES;
	}
	if (*upload_size) {
		if (!s->too_big && s->r.body.len + *upload_size > HTTP_MAX_BODY)
			s->too_big = true;
		if (!s->too_big)
			buf_put(&s->r.body, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	resp w = {.status = 200};
	if (s->too_big) {
		if (is_api(s->r.path))
			resp_json_error(&w, 413, "Dữ liệu gửi lên quá lớn");
		else
			resp_text(&w, 413, "text/plain; charset=utf-8",
				  "Dữ liệu gửi lên quá lớn (tối đa 25 MB).\n", 0);
	} else {
		if (!s->r.body.p)
			buf_put(&s->r.body, "", 0);
		dispatch(&s->r, &w);
	}
	return send_resp(c, &w);
}

/* ---- lifecycle ---- */

static volatile sig_atomic_t stop_flag;

static void on_signal(int sig)
{
	(void)sig;
	stop_flag = 1;
}

int server_run(const struct server_opts *o, err *e)
{
	g_db_target = o->db_target;
	struct sockaddr_in addr = {0};
	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t)o->port);
	if (inet_pton(AF_INET, o->bind ? o->bind : "0.0.0.0", &addr.sin_addr) != 1)
		return err_set(e, E_INVAL, "Địa chỉ --bind không hợp lệ: %s", o->bind);
	signal(SIGPIPE, SIG_IGN);
	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ERROR_LOG, (uint16_t)o->port, NULL, NULL,
		on_request, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(o->threads > 0 ? o->threads : 4),
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000, MHD_OPTION_PER_IP_CONNECTION_LIMIT,
		(unsigned)0, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024), MHD_OPTION_NOTIFY_COMPLETED,
		request_completed, NULL, MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned)1, MHD_OPTION_END);
	if (!d)
		return err_set(e, E_IO, "Không mở được cổng %d (đã có chương trình khác dùng?)", o->port);
	const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	int port = di ? di->port : o->port;
	printf("thidua: đang phục vụ tại http://%s:%d/ (cơ sở dữ liệu: %s)\n",
	       o->bind ? o->bind : "localhost", port, o->engine_name);
	fflush(stdout);
	struct sigaction sa = {0};
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	while (!stop_flag)
		pause();
	MHD_stop_daemon(d);
	close_thread_dbs();
	printf("thidua: đã dừng\n");
	return 0;
}
