/*
 * html.c — the escaping HTML builder.
 */
#include "html.h"

#include <stdarg.h>
#include <string.h>

void h_raw(buf *b, const char *s)
{
	buf_puts(b, s);
}

void h_txt(buf *b, const char *s)
{
	if (!s)
		return;
	const char *run = s;
	for (const char *p = s; *p; p++) {
		const char *rep = NULL;
		switch (*p) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		}
		if (rep) {
			buf_put(b, run, (size_t)(p - run));
			buf_puts(b, rep);
			run = p + 1;
		}
	}
	buf_puts(b, run);
}

void h_url(buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '_' || *p == '.' || *p == '~') {
			buf_putc(b, (char)*p);
		} else {
			char enc[3] = {'%', hex[*p >> 4], hex[*p & 15]};
			buf_put(b, enc, 3);
		}
	}
}

void h_fmt(buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	for (const char *p = fmt; *p; p++) {
		if (*p != '%') {
			const char *q = strchr(p, '%');
			size_t n = q ? (size_t)(q - p) : strlen(p);
			buf_put(b, p, n);
			p += n - 1;
			continue;
		}
		p++;
		if (*p == 's') {
			h_txt(b, va_arg(ap, const char *));
		} else if (*p == 'S') {
			buf_puts(b, va_arg(ap, const char *));
		} else if (*p == 'd') {
			buf_printf(b, "%d", va_arg(ap, int));
		} else if (strncmp(p, "lld", 3) == 0) {
			buf_printf(b, "%lld", va_arg(ap, long long));
			p += 2;
		} else if (strncmp(p, "zu", 2) == 0) {
			buf_printf(b, "%zu", va_arg(ap, size_t));
			p += 1;
		} else if (*p == '%') {
			buf_putc(b, '%');
		} else {
			buf_putc(b, '?'); /* unsupported conversion: visible, never UB */
			if (!*p)
				break;
		}
	}
	va_end(ap);
}
