/*
 * util.h — the few building blocks every module uses: the error contract,
 * allocation that never returns NULL, a growable byte buffer and a
 * per-request arena.
 *
 * Error contract (DESIGN §3): a fallible function returns 0 on success or a
 * negative E_* code, and fills the caller-owned `err` with a message meant
 * for the user (Vietnamese for anything a user can trigger).
 */
#ifndef THIDUA_UTIL_H
#define THIDUA_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

enum {
	E_OK = 0,
	E_INVAL = -1,       /* invalid content           → 422 */
	E_PARSE = -2,       /* malformed input           → 400 */
	E_NOTFOUND = -3,    /*                           → 404 */
	E_FORBIDDEN = -4,   /*                           → 403 */
	E_CONFLICT = -5,    /* stale version, duplicate  → 409 */
	E_TOOBIG = -6,      /*                           → 413 */
	E_DB = -7,          /* storage failure           → 500 */
	E_AUTH = -8,        /* no or bad credentials     → 401 */
	E_IO = -9,          /* file system               → 500 */
	E_MEDIA = -10,      /* unsupported media type    → 415 */
	E_UNAVAILABLE = -11,/* database down, try later  → 503 */
	E_INTERNAL = -12,   /*                           → 500 */
	E_RATE = -13,       /* too many attempts         → 429 */
};

typedef struct err {
	int code;
	char msg[512];
} err;

/* Sets e (if non-NULL) and returns code, so callers can `return err_set(...)`. */
int err_set(err *e, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void err_clear(err *e);

/* Allocation failure is not recoverable for a server: abort in one place. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Growable buffer; p is always NUL-terminated once anything was written. */
typedef struct buf {
	char *p;
	size_t len, cap;
} buf;

#define BUF_INIT {NULL, 0, 0}
void buf_put(buf *b, const void *data, size_t n);
void buf_puts(buf *b, const char *s);
void buf_putc(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(buf *b, const char *fmt, va_list ap);
const char *buf_cstr(buf *b); /* "" for an empty buffer */
void buf_reset(buf *b);
void buf_free(buf *b);
/* Hands the storage to the caller (never NULL); the buffer is left empty. */
char *buf_detach(buf *b);

/* Arena: many small allocations freed at once (one per request). */
typedef struct arena arena;
arena *arena_new(void);
void *arena_alloc(arena *a, size_t n); /* zeroed, 16-byte aligned */
char *arena_strdup(arena *a, const char *s);
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_printf(arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void arena_free(arena *a);
/* Appends one zeroed element of `size` bytes to the arena-backed array
 * *(T **)array holding *n elements (capacity *cap, doubled as needed) and
 * returns it:  read_x(st, ar, arena_push(ar, &v, &n, &cap, sizeof *v)); */
void *arena_push(arena *a, void *array, size_t *n, size_t *cap, size_t size);

/* Reads a whole file, refusing anything larger than max bytes. */
int read_file(const char *path, size_t max, buf *out, err *e);
/* Reads all of a stream (stdin), same cap. */
int read_stream(void *fp, size_t max, buf *out, err *e);

/* Parses a whole decimal int64; 0 on success. */
int parse_i64(const char *s, int64_t *out);

#endif
