/*
 * bench_campaigns.c — a campaign at national scale on SQLite: the demo data
 * plus `gen units` (34 provinces, ~3,500 commune-level units), a
 * 60-item outline with figure tables and model lists, a campaign from the
 * top unit to every commune, ward and special zone, 60 % of them submitted.
 * Then, against a real `thidua serve` over loopback HTTP, the time to open
 * the campaign's progress page (target < 100 ms) and a filled report form
 * of 60 items (target < 50 ms), plus the progress JSON. Prints figures
 * only; nothing here fails on time.
 *
 * The server binary is build/thidua (or $THIDUA_BIN); run from the
 * repository root (`make bench`).
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/campaigns.h"
#include "core/demo.h"
#include "core/outlines.h"
#include "core/reports.h"
#include "core/units.h"
#include "core/users.h"

enum { RUNS = 25, SECTIONS = 6, PER_SECTION = 9 };

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static void die(const char *what, const err *e)
{
	fprintf(stderr, "bench_campaigns: %s: %s\n", what, e ? e->msg : "");
	exit(1);
}

/* ---- data ---- */

static const char *const romans[] = {"I", "II", "III", "IV", "V", "VI"};

/* 6 sections × (1 heading + 9 items) = 60 items; every third item asks for
 * the commendation figures, every ninth for exemplary models. */
static char *outline_text(void)
{
	buf b = BUF_INIT;
	buf_puts(&b, "ĐỀ CƯƠNG\nBáo cáo tổng kết phong trào thi đua giai đoạn 2021 - 2025\n\n");
	for (int s = 0; s < SECTIONS; s++) {
		buf_printf(&b, "%s. KẾT QUẢ THỰC HIỆN NỘI DUNG THI ĐUA THỨ %d\n", romans[s], s + 1);
		for (int i = 1; i <= PER_SECTION; i++) {
			if (i % 3 == 0)
				buf_printf(&b, "%d. Công tác khen thưởng nội dung %d (nêu cụ thể số liệu tập thể, "
					       "hộ gia đình, cá nhân đã được nhận các hình thức khen thưởng).\n",
					   i, i);
			else if (i == PER_SECTION - 1)
				buf_printf(&b, "%d. Giới thiệu 2-3 mô hình, điển hình tiên tiến tiêu biểu.\n", i);
			else
				buf_printf(&b, "%d. Công tác lãnh đạo, chỉ đạo, tuyên truyền và tổ chức thực hiện "
					       "nội dung %d của phong trào thi đua.\n",
					   i, i);
		}
	}
	return buf_detach(&b);
}

static void add_user(db *d, const actor *sys, const char *login, const char *code, const char *role)
{
	arena *ar = arena_new();
	unit u;
	err e = {0};
	if (unit_by_code(d, ar, code, &u, &e))
		die(code, &e);
	struct user_input in = {login, DEMO_PASSWORD, login, u.id, role, 1};
	if (user_create(d, sys, &in, NULL, &e))
		die("user", &e);
	arena_free(ar);
}

/* A report with every item filled: narrative, all figure cells, models. */
static void fill_report(db *d, const actor *staff, int64_t report_id, const stored_outline *o)
{
	arena *ar = arena_new();
	struct report_content c = {arena_alloc(ar, o->n_items * sizeof(struct report_answer)), 0};
	for (size_t i = 0; i < o->n_items; i++) {
		const stored_item *it = &o->items[i];
		struct report_answer *a = &c.items[c.n++];
		a->item_id = it->id;
		a->text = arena_printf(ar, "Nội dung báo cáo mục %s: đơn vị đã **triển khai đầy đủ** các "
					   "nhiệm vụ.\n\n- Tổ chức %zu hội nghị\n- Khen thưởng *kịp thời*",
				       it->label, i + 3);
		if (it->table) {
			a->n_cells = it->table->n_rows * it->table->n_cols;
			a->cells = arena_alloc(ar, a->n_cells * sizeof *a->cells);
			for (size_t k = 0; k < a->n_cells; k++)
				a->cells[k] = (struct report_cell){it->table->rows[k / it->table->n_cols].key,
								   it->table->cols[k % it->table->n_cols].key,
								   (double)(k * 3 % 17)};
		}
		if (it->asks & 4) {
			a->n_models = 3;
			a->models = arena_alloc(ar, 3 * sizeof *a->models);
			for (int m = 0; m < 3; m++)
				a->models[m] = (struct report_model){arena_printf(ar, "Mô hình số %d", m + 1),
								     "model", "Tổ dân phố 4", "0255 3822 123",
								     "Tóm tắt mô hình.", 10 + m, 20 + m, 30 + m};
		}
	}
	err e = {0};
	int v = 0;
	if (report_save(d, staff, report_id, 1, &c, &v, &e))
		die("fill", &e);
	arena_free(ar);
}

struct setup {
	int64_t campaign, report;
	int64_t recipients, submitted;
	double t_issue, t_submit;
};

static void build(const char *path, struct setup *s)
{
	db *d = NULL;
	err e = {0};
	if (db_open(path, &d, &e) || db_migrate(d, &e) || demo_load(d, &e))
		die("init", &e);
	int64_t created = 0;
	if (gen_units_national(d, 104, &created, &e))
		die("gen-units", &e);
	actor sys;
	if (actor_system(d, &sys, &e))
		die("system actor", &e);
	add_user(d, &sys, "bench.officer", "VN", "officer");
	actor off = {.user_id = 0, .unit_id = sys.unit_id, .role = ROLE_OFFICER};
	arena *ar = arena_new();
	char *text = outline_text();
	outline_created *oc;
	size_t n;
	if (outline_store_import(d, ar, &off, text, strlen(text), false, &oc, &n, &e))
		die("outline", &e);
	free(text);
	stored_outline o;
	if (outline_store_get(d, ar, &off, oc[0].id, &o, &e))
		die("outline get", &e);
	const char *kinds[] = {"commune", "ward", "special_zone"};
	struct campaign_input in = {.title = "Tổng kết phong trào thi đua giai đoạn 2021 - 2025",
				    .document_no = "100/BTĐKT",
				    .deadline = "2099-12-20",
				    .outline_id = oc[0].id};
	in.rec.kinds = kinds;
	in.rec.n_kinds = 3;
	double t0 = now_ms();
	if (campaign_issue(d, &off, &in, &s->campaign, &e))
		die("issue", &e);
	s->t_issue = now_ms() - t0;
	/* Phường Cẩm Thành fills all 60 items; 60 % of the units submit */
	unit ct;
	if (unit_by_code(d, ar, "QNG-X-21025", &ct, &e) ||
	    db_get_i64(d, &s->report, &e, "SELECT id FROM reports WHERE campaign_id = $1 AND unit_id = $2",
		       "ll", s->campaign, ct.id))
		die("report", &e);
	actor staff = {.user_id = 0, .unit_id = ct.id, .role = ROLE_STAFF};
	fill_report(d, &staff, s->report, &o);
	db_stmt *st;
	if (db_query(d, &st, &e, "SELECT id, unit_id FROM reports WHERE campaign_id = $1 ORDER BY id", "l",
		     s->campaign))
		die("list", &e);
	int64_t (*rows)[2] = malloc(4000 * sizeof *rows);
	size_t k = 0;
	while (k < 4000 && db_step(st, &e) == DB_ROW) {
		rows[k][0] = db_col_i64(st, 0);
		rows[k++][1] = db_col_i64(st, 1);
	}
	db_finalize(st);
	s->recipients = (int64_t)k;
	t0 = now_ms();
	for (size_t i = 0; i < k; i++) {
		if (i % 5 >= 3 || rows[i][0] == s->report)
			continue;
		actor a = {.unit_id = rows[i][1], .role = ROLE_STAFF};
		bool late;
		if (report_submit(d, &a, rows[i][0], &late, &e))
			die("submit", &e);
		s->submitted++;
	}
	s->t_submit = now_ms() - t0;
	free(rows);
	arena_free(ar);
	db_close(d);
}

/* ---- HTTP over loopback ---- */

static pid_t server_pid;

static int start_server(const char *dir)
{
	const char *bin = getenv("THIDUA_BIN") ? getenv("THIDUA_BIN") : "build/thidua";
	int fd[2];
	if (pipe(fd))
		die("pipe", NULL);
	server_pid = fork();
	if (server_pid == 0) {
		dup2(fd[1], 1);
		close(fd[0]);
		execl(bin, bin, "serve", "--data-dir", dir, "--port", "0", "--bind", "127.0.0.1",
		      "--threads", "4", (char *)NULL);
		_exit(127);
	}
	close(fd[1]);
	char line[512] = "";
	size_t n = 0;
	ssize_t k;
	while (n + 1 < sizeof line && (k = read(fd[0], line + n, sizeof line - 1 - n)) > 0) {
		n += (size_t)k;
		line[n] = '\0';
		if (strchr(line, '\n'))
			break;
	}
	close(fd[0]);
	const char *p = strstr(line, "127.0.0.1:");
	if (!p)
		die("server did not start", NULL);
	return atoi(p + 10);
}

/* One request; the body in *body (malloc'd); returns the status. */
static int http(int port, const char *method, const char *path, const char *auth, const char *json,
		char **body, size_t *len)
{
	int s = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
	inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
	if (connect(s, (struct sockaddr *)&a, sizeof a))
		die("connect", NULL);
	buf req = BUF_INIT;
	buf_printf(&req, "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n", method, path);
	if (auth)
		buf_printf(&req, "Authorization: Bearer %s\r\n", auth);
	if (json)
		buf_printf(&req, "Content-Type: application/json\r\nContent-Length: %zu\r\n", strlen(json));
	buf_printf(&req, "\r\n%s", json ? json : "");
	if (write(s, req.p, req.len) != (ssize_t)req.len)
		die("write", NULL);
	buf_free(&req);
	buf resp = BUF_INIT;
	char chunk[65536];
	ssize_t k;
	while ((k = read(s, chunk, sizeof chunk)) > 0)
		buf_put(&resp, chunk, (size_t)k);
	close(s);
	int status = resp.len > 12 ? atoi(resp.p + 9) : 0;
	const char *sep = strstr(buf_cstr(&resp), "\r\n\r\n");
	*len = sep ? resp.len - (size_t)(sep + 4 - resp.p) : 0;
	*body = xstrndup(sep ? sep + 4 : "", *len);
	buf_free(&resp);
	return status;
}

static char *token(int port, const char *login)
{
	char *json = xasprintf("{\"login\":\"%s\",\"password\":\"%s\"}", login, DEMO_PASSWORD), *body;
	size_t len;
	if (http(port, "POST", "/api/v1/session", NULL, json, &body, &len) != 200)
		die("login", NULL);
	free(json);
	char *t = strstr(body, "\"token\":\"");
	if (!t)
		die("token", NULL);
	t += 9;
	char *tok = xstrndup(t, (size_t)(strchr(t, '"') - t));
	free(body);
	return tok;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void measure(int port, const char *label, const char *path, const char *tok, double target)
{
	double t[RUNS];
	size_t bytes = 0;
	for (int i = 0; i < RUNS; i++) {
		char *body;
		double t0 = now_ms();
		int status = http(port, "GET", path, tok, NULL, &body, &bytes);
		t[i] = now_ms() - t0;
		free(body);
		if (status != 200)
			die(path, NULL);
	}
	qsort(t, RUNS, sizeof *t, cmp_double);
	printf("%-34s median %6.1f ms  min %6.1f  max %6.1f  (%zu KB)%s\n", label, t[RUNS / 2], t[0],
	       t[RUNS - 1], bytes / 1024, target ? (t[RUNS / 2] < target ? "  under target" : "  OVER TARGET") : "");
}

int main(void)
{
	char dir[] = "/tmp/thidua-bench-XXXXXX";
	if (!mkdtemp(dir))
		die("mkdtemp", NULL);
	char *path = xasprintf("%s/thidua.db", dir);
	struct setup s = {0};
	double t0 = now_ms();
	build(path, &s);
	printf("setup: demo + gen units + 60-item outline + campaign in %.1f s\n",
	       (now_ms() - t0) / 1e3);
	printf("campaign to %lld units issued in %.0f ms; %lld submissions in %.1f s (%.1f ms each)\n",
	       (long long)s.recipients, s.t_issue, (long long)s.submitted, s.t_submit / 1e3,
	       s.submitted ? s.t_submit / (double)s.submitted : 0);
	int port = start_server(dir);
	char *officer = token(port, "bench.officer"), *staff = token(port, "chuyenvien.camthanh");
	char p1[64], p2[64], p3[64], p4[64];
	snprintf(p1, sizeof p1, "/campaigns/%lld", (long long)s.campaign);
	snprintf(p2, sizeof p2, "/api/v1/campaigns/%lld/progress", (long long)s.campaign);
	snprintf(p3, sizeof p3, "/reports/%lld", (long long)s.report);
	snprintf(p4, sizeof p4, "/campaigns/%lld?state=missing", (long long)s.campaign);
	measure(port, "progress page (3,500 units)", p1, officer, 100);
	measure(port, "progress page, missing only", p4, officer, 100);
	measure(port, "progress JSON", p2, officer, 0);
	measure(port, "report form, 60 items (filled)", p3, staff, 50);
	free(officer);
	free(staff);
	kill(server_pid, SIGTERM);
	waitpid(server_pid, NULL, 0);
	char *rm = xasprintf("rm -rf '%s'", dir);
	if (system(rm) != 0)
		fprintf(stderr, "bench_campaigns: could not remove %s\n", dir);
	free(rm);
	free(path);
	return 0;
}
