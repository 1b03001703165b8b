/*
 * util.c — error contract, allocation wrappers, buffers, arenas, file reading.
 */
#include "util.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int err_set(err *e, int code, const char *fmt, ...)
{
	if (e) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(e->msg, sizeof e->msg, fmt, ap);
		va_end(ap);
		e->code = code;
	}
	return code;
}

void err_clear(err *e)
{
	if (e) {
		e->code = 0;
		e->msg[0] = '\0';
	}
}

static void oom(void)
{
	fputs("thidua: out of memory\n", stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	buf b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return buf_detach(&b);
}

/* ---- buffers ---- */

static void buf_grow(buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
}

void buf_put(buf *b, const void *data, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->p + b->len, data, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void buf_puts(buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void buf_putc(buf *b, char c)
{
	buf_put(b, &c, 1);
}

void buf_vprintf(buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	char small[256];
	int n = vsnprintf(small, sizeof small, fmt, ap);
	if (n < 0) {
		va_end(ap2);
		return;
	}
	if ((size_t)n < sizeof small) {
		buf_put(b, small, (size_t)n);
	} else {
		buf_grow(b, (size_t)n);
		vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap2);
		b->len += (size_t)n;
	}
	va_end(ap2);
}

void buf_printf(buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

const char *buf_cstr(buf *b)
{
	return b->p ? b->p : "";
}

void buf_reset(buf *b)
{
	b->len = 0;
	if (b->p)
		b->p[0] = '\0';
}

void buf_free(buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

char *buf_detach(buf *b)
{
	char *p = b->p ? b->p : xstrdup("");
	b->p = NULL;
	b->len = b->cap = 0;
	return p;
}

/* ---- arena ---- */

struct chunk {
	struct chunk *next;
	size_t used, size;
	_Alignas(16) unsigned char data[];
};

struct arena {
	struct chunk *head;
};

arena *arena_new(void)
{
	return xcalloc(1, sizeof(arena));
}

void *arena_alloc(arena *a, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	struct chunk *c = a->head;
	if (!c || c->size - c->used < n) {
		size_t size = n > 16384 ? n : 16384;
		c = xmalloc(sizeof *c + size);
		c->size = size;
		c->used = 0;
		c->next = a->head;
		a->head = c;
	}
	void *p = c->data + c->used;
	c->used += n;
	memset(p, 0, n);
	return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_printf(arena *a, const char *fmt, ...)
{
	buf b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	char *s = arena_strndup(a, buf_cstr(&b), b.len);
	buf_free(&b);
	return s;
}

void *arena_push(arena *a, void *array, size_t *n, size_t *cap, size_t size)
{
	void **v = array;
	if (*n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;
		void *nv = arena_alloc(a, ncap * size);
		if (*n)
			memcpy(nv, *v, *n * size);
		*v = nv;
		*cap = ncap;
	}
	void *slot = (char *)*v + (*n)++ * size;
	memset(slot, 0, size);
	return slot;
}

void arena_free(arena *a)
{
	if (!a)
		return;
	struct chunk *c = a->head;
	while (c) {
		struct chunk *next = c->next;
		free(c);
		c = next;
	}
	free(a);
}

/* ---- files ---- */

int read_stream(void *fp, size_t max, buf *out, err *e)
{
	char tmp[65536];
	size_t n;
	while ((n = fread(tmp, 1, sizeof tmp, (FILE *)fp)) > 0) {
		if (out->len + n > max)
			return err_set(e, E_TOOBIG, "Tệp quá lớn (giới hạn %zu byte)", max);
		buf_put(out, tmp, n);
	}
	if (ferror((FILE *)fp))
		return err_set(e, E_IO, "Không đọc được dữ liệu: %s", strerror(errno));
	if (!out->p)
		buf_put(out, "", 0);
	return 0;
}

int read_file(const char *path, size_t max, buf *out, err *e)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return err_set(e, E_IO, "Không mở được tệp %s: %s", path, strerror(errno));
	int rc = read_stream(fp, max, out, e);
	fclose(fp);
	return rc;
}

int parse_i64(const char *s, int64_t *out)
{
	if (!s || !((*s >= '0' && *s <= '9') || (*s == '-' && s[1] >= '0' && s[1] <= '9')))
		return -1;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || *end || end == s)
		return -1;
	*out = v;
	return 0;
}
