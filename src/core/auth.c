/*
 * auth.c — password login with throttling, hashed session tokens.
 */
#include "auth.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/users.h"
#include "text/text.h"

#define SESSION_BROWSER_TTL (12 * 3600)
#define SESSION_API_TTL (30 * 24 * 3600)

/* Hex BLAKE2b-256 of the token: what the database stores. */
static void token_hash(const char *token, char out[65])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(out, 65, h, sizeof h);
}

int auth_equal(const char *a, const char *b)
{
	size_t n = strlen(a);
	if (n != strlen(b))
		return 0;
	return sodium_memcmp(a, b, n) == 0;
}

static void fill_actor(db_stmt *st, actor *who)
{
	memset(who, 0, sizeof *who);
	who->user_id = db_col_i64(st, 0);
	snprintf(who->login, sizeof who->login, "%s", db_col_text(st, 1));
	snprintf(who->full_name, sizeof who->full_name, "%s", db_col_text(st, 2));
	who->unit_id = db_col_i64(st, 3);
	who->role = role_parse(db_col_text(st, 4));
}

/* Throttling key: the login folded, so "Admin" and "admin" share it. */
static char *subject_of(const char *login)
{
	char *k = text_search_key(login);
	char *s = xasprintf("login:%s", k);
	free(k);
	return s;
}

static int record_failure(db *d, const char *subject, err *e)
{
	int64_t now = now_unix();
	int64_t rc = db_run(d, e, "INSERT INTO login_failures (subject, at) VALUES ($1, $2)", "tl",
			    subject, now);
	if (rc >= 0)
		rc = db_run(d, e, "DELETE FROM login_failures WHERE at < $1", "l", now - AUTH_WINDOW);
	return rc < 0 ? (int)rc : 0;
}

/* A well-formed hash to verify against when the login does not exist, so
 * that unknown logins take as long as wrong passwords. */
static char dummy[crypto_pwhash_STRBYTES];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void make_dummy(void)
{
	if (crypto_pwhash_str(dummy, "thidua-dummy", 12, crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		dummy[0] = '\0';
}

static const char *dummy_hash(void)
{
	pthread_once(&dummy_once, make_dummy);
	return dummy;
}

static int new_session(db *d, int64_t user_id, const char *kind, struct session *s, err *e)
{
	unsigned char raw[32], csrf[16];
	randombytes_buf(raw, sizeof raw);
	randombytes_buf(csrf, sizeof csrf);
	sodium_bin2base64(s->token, sizeof s->token, raw, sizeof raw,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_bin2hex(s->csrf, sizeof s->csrf, csrf, sizeof csrf);
	char hash[65];
	token_hash(s->token, hash);
	int64_t now = now_unix();
	s->expires_at = now + (strcmp(kind, "api") == 0 ? SESSION_API_TTL : SESSION_BROWSER_TTL);
	int64_t rc = db_run(d, e,
			    "INSERT INTO sessions (token_hash, user_id, kind, csrf, created_at, expires_at)"
			    " VALUES ($1, $2, $3, $4, $5, $6)",
			    "tlttll", hash, user_id, kind, s->csrf, now, s->expires_at);
	if (rc >= 0) /* expired sessions are swept as new ones are made */
		rc = db_run(d, e, "DELETE FROM sessions WHERE expires_at < $1", "l", now);
	return rc < 0 ? (int)rc : 0;
}

int auth_login(db *d, const char *login, const char *password, const char *kind, actor *who,
	       struct session *s, err *e)
{
	if (sodium_init() < 0)
		return err_set(e, E_INTERNAL, "libsodium init failed");
	if (!login || !password || !*login || strlen(login) > 64 || strlen(password) > 1024)
		return err_set(e, E_AUTH, "Tên đăng nhập hoặc mật khẩu không đúng");
	char *subject = subject_of(login);
	int64_t failures = 0;
	int rc = db_get_i64(d, &failures, e,
			    "SELECT COUNT(*) FROM login_failures WHERE subject = $1 AND at >= $2", "tl",
			    subject, now_unix() - AUTH_WINDOW);
	if (rc)
		goto out;
	if (failures >= AUTH_MAX_FAILURES) {
		rc = err_set(e, E_RATE,
			     "Đăng nhập sai quá %d lần; vui lòng thử lại sau %d phút", AUTH_MAX_FAILURES,
			     AUTH_WINDOW / 60);
		goto out;
	}
	db_stmt *st;
	rc = db_query(d, &st, e,
		      "SELECT id, login, full_name, unit_id, role, password_hash, active FROM users"
		      " WHERE login = $1",
		      "t", login);
	if (rc)
		goto out;
	rc = db_step(st, e);
	bool ok = false;
	if (rc == DB_ROW) {
		fill_actor(st, who);
		ok = password_verify(db_col_text(st, 5), password) && db_col_i64(st, 6) != 0;
		rc = 0;
	} else if (rc == DB_DONE) {
		password_verify(dummy_hash(), password);
		rc = 0;
	}
	db_finalize(st);
	if (rc < 0)
		goto out;
	rc = db_begin(d, e);
	if (rc)
		goto out;
	if (!ok) {
		rc = record_failure(d, subject, e);
		if (rc == 0)
			rc = db_commit(d, e);
		else
			db_rollback(d);
		rc = rc ? rc : err_set(e, E_AUTH, "Tên đăng nhập hoặc mật khẩu không đúng");
		goto out;
	}
	rc = new_session(d, who->user_id, kind, s, e);
	if (rc == 0)
		rc = db_run(d, e, "DELETE FROM login_failures WHERE subject = $1", "t", subject) < 0
			     ? e->code
			     : 0;
	if (rc == 0)
		rc = audit_log(d, who, "login", "user", who->user_id, NULL, NULL, e);
	if (rc == 0)
		rc = db_commit(d, e);
	else
		db_rollback(d);
out:
	free(subject);
	return rc;
}

int auth_resolve(db *d, const char *token, actor *who, char *csrf, err *e)
{
	if (!token || strlen(token) != AUTH_TOKEN_LEN - 1)
		return err_set(e, E_AUTH, "Phiên làm việc không hợp lệ hoặc đã hết hạn");
	char hash[65];
	token_hash(token, hash);
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "SELECT u.id, u.login, u.full_name, u.unit_id, u.role, s.csrf"
			  " FROM sessions s JOIN users u ON u.id = s.user_id"
			  " WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active = 1",
			  "tl", hash, now_unix());
	if (rc)
		return rc;
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		fill_actor(st, who);
		if (csrf)
			snprintf(csrf, AUTH_CSRF_LEN, "%s", db_col_text(st, 5));
		rc = 0;
	} else if (rc == DB_DONE) {
		rc = err_set(e, E_AUTH, "Phiên làm việc không hợp lệ hoặc đã hết hạn");
	}
	db_finalize(st);
	return rc;
}

int auth_logout(db *d, const char *token, err *e)
{
	char hash[65];
	token_hash(token, hash);
	int64_t rc = db_run(d, e, "DELETE FROM sessions WHERE token_hash = $1", "t", hash);
	return rc < 0 ? (int)rc : 0;
}
