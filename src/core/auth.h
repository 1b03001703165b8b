/*
 * auth.h — logins and sessions. A session token is 32 random bytes shown
 * once (cookie or bearer token) and stored only as its BLAKE2b hash; the
 * CSRF token for forms travels with the session row.
 */
#ifndef THIDUA_AUTH_H
#define THIDUA_AUTH_H

#include "core/core.h"

#define AUTH_TOKEN_LEN 44 /* base64url of 32 bytes, NUL included */
#define AUTH_CSRF_LEN 33  /* hex of 16 bytes, NUL included */

/* Failed attempts per login within AUTH_WINDOW seconds before refusing. */
#define AUTH_MAX_FAILURES 5
#define AUTH_WINDOW (15 * 60)

struct session {
	char token[AUTH_TOKEN_LEN];
	char csrf[AUTH_CSRF_LEN];
	int64_t expires_at;
};

/* Checks login + password; on success creates a session of `kind`
 * ("browser" or "api") and fills *who. E_AUTH for a wrong login or password
 * (one message for both), E_RATE after too many failures. */
int auth_login(db *d, const char *login, const char *password, const char *kind, actor *who,
	       struct session *s, err *e);
/* Resolves a token to its actor; E_AUTH when unknown, expired or the user
 * is inactive. csrf (AUTH_CSRF_LEN) receives the session's CSRF token. */
int auth_resolve(db *d, const char *token, actor *who, char *csrf, err *e);
int auth_logout(db *d, const char *token, err *e);
/* Constant-time comparison of two NUL-terminated strings. */
int auth_equal(const char *a, const char *b);

#endif
