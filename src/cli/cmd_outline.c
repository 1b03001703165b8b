/*
 * cmd_outline.c — `thidua outline parse FILE [--format tsv|json]`: prints
 * the outlines found in a .txt, .md or .docx file ("-" reads stdin).
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "outline/outline.h"

static const char usage[] = "cách dùng: thidua outline parse FILE [--format tsv|json]";

/* A .docx by its name, or by the zip signature whatever the name says. */
static bool looks_docx(const char *file, const buf *in)
{
	size_t n = strlen(file);
	return (n > 5 && strcasecmp(file + n - 5, ".docx") == 0) || outline_is_zip(in->p, in->len);
}

static int parse(const char *file, const char *format)
{
	buf in = BUF_INIT, out = BUF_INIT;
	outline_doc doc = {0};
	err e = {0};
	int rc = strcmp(file, "-") == 0 ? read_stream(stdin, OUTLINE_MAX_INPUT, &in, &e)
					 : read_file(file, OUTLINE_MAX_INPUT, &in, &e);
	if (rc == 0)
		rc = looks_docx(file, &in) ? outline_parse_docx(in.p, in.len, &doc, &e)
					   : outline_parse_text(in.p, in.len, &doc, &e);
	if (rc == 0)
		rc = strcmp(format, "json") == 0 ? outline_write_json(&doc, &out)
						 : outline_write_tsv(&doc, &out);
	if (rc == 0 && (fwrite(out.p, 1, out.len, stdout) != out.len || fflush(stdout) != 0))
		rc = err_set(&e, E_IO, "không ghi được kết quả ra stdout");
	outline_doc_free(&doc);
	buf_free(&in);
	buf_free(&out);
	return rc ? cli_fail("%s: %s", file, e.msg) : 0;
}

int cmd_outline(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "parse") != 0)
		return cli_fail("%s", usage);
	const char *file = NULL, *format = "tsv";
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--format") == 0) {
			if (i + 1 >= argc)
				return cli_fail("--format cần một giá trị: tsv hoặc json");
			format = argv[++i];
		} else if (strncmp(argv[i], "--format=", 9) == 0) {
			format = argv[i] + 9;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			return cli_fail("tham số không hợp lệ: %s (%s)", argv[i], usage);
		} else if (!file) {
			file = argv[i];
		} else {
			return cli_fail("chỉ nhận một tệp, thừa: %s", argv[i]);
		}
	}
	if (!file)
		return cli_fail("thiếu tệp cần đọc (%s)", usage);
	if (strcmp(format, "tsv") != 0 && strcmp(format, "json") != 0)
		return cli_fail("định dạng không hỗ trợ: %s (chọn tsv hoặc json)", format);
	return parse(file, format);
}
