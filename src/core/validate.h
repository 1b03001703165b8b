/*
 * validate.h — field checks shared by every core module. Each returns 0 or
 * E_INVAL with a Vietnamese message naming the field (`what`).
 */
#ifndef THIDUA_VALIDATE_H
#define THIDUA_VALIDATE_H

#include <stdint.h>

#include "util/util.h"

/* Codes and logins: 1–64 of A–Z a–z 0–9 . _ - */
int validate_code(const char *s, const char *what, err *e);
/* A one-line name: valid UTF-8, 1..max code points after cleaning; the
 * NFC, trimmed text is returned in *out (malloc'd) when out is non-NULL. */
int validate_name(const char *s, size_t max, const char *what, char **out, err *e);
/* A real calendar date written YYYY-MM-DD. */
int validate_date(const char *s, const char *what, err *e);
/* A year in 1945..2100. */
int validate_year(int64_t y, const char *what, err *e);

#endif
