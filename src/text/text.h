/*
 * text.h — Vietnamese-aware text handling on UTF-8 strings.
 *
 * All text entering the database is valid UTF-8 in NFC. Searching uses a
 * stored *search key*: NFC → strip combining marks → case-fold → đ→d, so
 * "quang ngai" matches "Quảng Ngãi" on every storage engine alike.
 */
#ifndef THIDUA_TEXT_H
#define THIDUA_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..n) is well-formed UTF-8 without NUL bytes. */
bool text_valid_utf8(const char *s, size_t n);

/* NFC form of s (malloc'd); NULL if s is not valid UTF-8. */
char *text_nfc(const char *s, size_t n);

/* Search key of s (malloc'd): accents, case and đ folded, runs of white
 * space collapsed to one space, trimmed. Invalid UTF-8 yields "". */
char *text_search_key(const char *s);

/* Copy of s with leading/trailing white space removed (malloc'd). */
char *text_trim(const char *s, size_t n);

/* Number of Unicode code points in s (valid UTF-8 assumed). */
size_t text_length(const char *s);

/* Cleans one line of user input: valid UTF-8 required, NFC, control
 * characters removed, trimmed. Returns NULL on invalid UTF-8. */
char *text_clean_line(const char *s, size_t n);

/* s in plain ASCII for places that take nothing else (a download's
 * fallback file name): marks stripped, đ→d, Đ→D, any other non-ASCII code
 * point or control character "_" (malloc'd). */
char *text_ascii(const char *s);

/* s with \, % and _ escaped by a backslash, for `LIKE … ESCAPE '\'`, so
 * what a user types is matched literally (malloc'd). */
char *text_like_escape(const char *s);
/* The LIKE pattern body for a user's search text: its search key, escaped. */
char *text_search_pattern(const char *q);

#endif
