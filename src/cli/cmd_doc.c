/*
 * cmd_doc.c — `thidua doc sample [--variant NAME] --format docx|pdf|xlsx
 * -o FILE`: writes a demonstration document, so anyone can look at the
 * Decree 30 layout the writers produce. The format defaults to the
 * extension of FILE.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "doc/doc.h"

static const char usage[] =
	"cách dùng: thidua doc sample [--variant report|letter|long|edge|big|empty] --format docx|pdf|xlsx -o FILE";

typedef int (*writer)(const doc *, buf *, err *);

static writer writer_of(const char *format)
{
	if (strcasecmp(format, "docx") == 0)
		return doc_write_docx;
	if (strcasecmp(format, "pdf") == 0)
		return doc_write_pdf;
	if (strcasecmp(format, "xlsx") == 0)
		return doc_write_xlsx;
	return NULL;
}

static int write_out(const char *path, const buf *b, err *e)
{
	FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "wb");
	if (!f)
		return err_set(e, E_IO, "không mở được tệp %s để ghi", path);
	bool ok = fwrite(b->p, 1, b->len, f) == b->len;
	ok = (f == stdout ? fflush(f) : fclose(f)) == 0 && ok;
	return ok ? 0 : err_set(e, E_IO, "không ghi được tệp %s", path);
}

static int sample(const char *variant, const char *format, const char *path)
{
	writer w = writer_of(format);
	if (!w)
		return cli_fail("định dạng không hỗ trợ: %s (chọn docx, pdf hoặc xlsx)", format);
	doc *d = doc_sample(variant);
	if (!d)
		return cli_fail("không có mẫu '%s' (chọn report, letter, long, edge, big hoặc empty)", variant);
	buf out = BUF_INIT;
	err e = {0};
	int rc = w(d, &out, &e);
	if (rc == 0)
		rc = write_out(path, &out, &e);
	buf_free(&out);
	doc_free(d);
	return rc ? cli_fail("%s", e.msg) : 0;
}

/* The option's value, from "--opt VALUE" or "--opt=VALUE". */
static const char *opt_value(const char *name, int argc, char **argv, int *i, bool *bad)
{
	size_t n = strlen(name);
	if (strncmp(argv[*i], name, n) != 0)
		return NULL;
	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (argv[*i][n] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		*bad = true;
		return NULL;
	}
	return argv[++*i];
}

int cmd_doc(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "sample") != 0)
		return cli_fail("%s", usage);
	const char *format = NULL, *path = NULL, *variant = "report", *v;
	for (int i = 2; i < argc; i++) {
		bool bad = false;
		if ((v = opt_value("--format", argc, argv, &i, &bad)))
			format = v;
		else if ((v = opt_value("--variant", argc, argv, &i, &bad)))
			variant = v;
		else if ((v = opt_value("-o", argc, argv, &i, &bad)) || (v = opt_value("--output", argc, argv, &i, &bad)))
			path = v;
		else
			return cli_fail(bad ? "thiếu giá trị cho %s (%s)" : "tham số không hợp lệ: %s (%s)", argv[i],
					usage);
	}
	if (!path)
		return cli_fail("thiếu tệp kết quả -o FILE (%s)", usage);
	if (!format) {
		const char *dot = strrchr(path, '.');
		if (!dot)
			return cli_fail("thiếu --format docx|pdf|xlsx");
		format = dot + 1;
	}
	return sample(variant, format, path);
}
