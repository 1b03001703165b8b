/*
 * users.h — people who act for a unit, with one role each, and their
 * passwords (Argon2id via libsodium).
 */
#ifndef THIDUA_USERS_H
#define THIDUA_USERS_H

#include <stdbool.h>

#include "core/core.h"

typedef struct user {
	int64_t id;
	char *login;
	char *full_name;
	int64_t unit_id;
	char *unit_name;
	enum role role;
	bool active;
} user;

struct user_input {
	const char *login;
	const char *password; /* NULL on update: unchanged */
	const char *full_name;
	int64_t unit_id;      /* 0 on update: unchanged */
	const char *role;     /* NULL on update: unchanged */
	int active;           /* -1 unchanged */
};

/* Creates a user. Admins create users for units in their subtree. */
int user_create(db *d, const actor *a, const struct user_input *in, int64_t *id, err *e);
int user_update(db *d, const actor *a, int64_t id, const struct user_input *in, err *e);
int user_get(db *d, arena *ar, const actor *a, int64_t id, user *out, err *e);
/* Users of the actor's subtree (admins only), by unit then login. */
int users_list(db *d, arena *ar, const actor *a, user **out, size_t *n, err *e);

/* Password policy: 8–128 characters. */
int password_check(const char *pw, err *e);
/* Argon2id hash string (malloc'd). */
int password_hash(const char *pw, char **out, err *e);
bool password_verify(const char *hash, const char *pw);

#endif
