/*
 * bench_outline.c — parse time of a ~200-page outline (about 5,000 items in
 * mixed marker styles, ~600 KB of text) as plain text and as a .docx with
 * Word's automatic numbering. Target: under 50 ms per parse. Prints figures
 * only; nothing here fails on time.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../tests/unit/mkdocx.h"
#include "outline/outline.h"

enum { ROMANS = 25, DECIMALS = 8, LETTERS = 6, BULLETS = 3, RUNS = 20 };

static const char *const romans[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
				     "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
				     "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV"};
static const char *const letters[] = {"a", "b", "c", "d", "đ", "e"};

static const char sentence[] =
	"Công tác lãnh đạo, chỉ đạo của các cấp ủy đảng, chính quyền trong triển khai phong "
	"trào thi đua và khen thưởng tập thể, hộ gia đình, cá nhân";
static const char guidance[] =
	"Nêu cụ thể số liệu tập thể, hộ gia đình, cá nhân đã được nhận các hình thức khen thưởng "
	"thông qua Phong trào thi đua; đánh giá hiệu quả, tác động của phong trào đối với địa phương.";

/* One item: its literal label (text) or numbering level (docx). */
typedef void (*emit_fn)(buf *out, int level, const char *label, const char *title);

static void emit_text(buf *out, int level, const char *label, const char *title)
{
	static const char *const delim[] = {". ", ". ", ") ", " "};
	buf_printf(out, "%s%s%s\n\n", label, delim[level], title);
}

static void xml_escaped(buf *out, const char *s)
{
	for (; *s; s++)
		if (*s == '<')
			buf_puts(out, "&lt;");
		else if (*s == '&')
			buf_puts(out, "&amp;");
		else
			buf_putc(out, *s);
}

static void emit_docx(buf *out, int level, const char *label, const char *title)
{
	(void)label;
	buf_printf(out, "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"%d\"/><w:numId w:val=\"1\"/>"
			"</w:numPr></w:pPr><w:r><w:t xml:space=\"preserve\">", level);
	xml_escaped(out, title);
	buf_puts(out, "</w:t></w:r></w:p>");
}

static void body_para(buf *out, bool docx, const char *text)
{
	if (!docx) {
		buf_printf(out, "%s\n\n", text);
		return;
	}
	buf_puts(out, "<w:p><w:r><w:t>");
	xml_escaped(out, text);
	buf_puts(out, "</w:t></w:r></w:p>");
}

/* The outline: 25 Roman sections × 8 numbered items × 6 lettered items ×
 * 3 bullets, a guidance paragraph under every numbered item. */
static size_t generate(buf *out, bool docx, emit_fn emit)
{
	size_t items = 0;
	char title[512], label[16];
	body_para(out, docx, "ĐỀ CƯƠNG BÁO CÁO");
	body_para(out, docx, "Tổng kết phong trào thi đua giai đoạn 2021 - 2025");
	for (int r = 0; r < ROMANS; r++) {
		snprintf(title, sizeof title, "KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA SỐ %d", r + 1);
		emit(out, 0, romans[r], title), items++;
		for (int d = 0; d < DECIMALS; d++) {
			snprintf(label, sizeof label, "%d", d + 1);
			snprintf(title, sizeof title, "%s (mục %d.%d).", sentence, r + 1, d + 1);
			emit(out, 1, label, title), items++;
			body_para(out, docx, guidance);
			for (int l = 0; l < LETTERS; l++) {
				snprintf(title, sizeof title, "%s, nội dung %s.", sentence, letters[l]);
				emit(out, 2, letters[l], title), items++;
				for (int k = 0; k < BULLETS; k++) {
					snprintf(title, sizeof title, "Số liệu chi tiết thứ %d của nội dung %s.",
						 k + 1, letters[l]);
					emit(out, 3, "-", title), items++;
				}
			}
		}
	}
	return items;
}

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

typedef int (*parse_fn)(const void *data, size_t n, outline_doc *out, err *e);

static int parse_text(const void *data, size_t n, outline_doc *out, err *e)
{
	return outline_parse_text(data, n, out, e);
}

static int run(const char *what, parse_fn parse, const void *data, size_t n, size_t want_items)
{
	double best = 1e9, total = 0;
	size_t items = 0;
	for (int i = 0; i < RUNS; i++) {
		outline_doc d;
		err e = {0};
		double t0 = now_ms();
		int rc = parse(data, n, &d, &e);
		double dt = now_ms() - t0;
		if (rc != 0) {
			fprintf(stderr, "%s: %s\n", what, e.msg);
			return 1;
		}
		items = d.n ? d.outlines[0].n_items : 0;
		outline_doc_free(&d);
		total += dt;
		best = dt < best ? dt : best;
	}
	printf("%-5s %7.0f KB  %5zu items (want %zu)  %6.1f ms/parse mean  %6.1f ms best  (%d runs)\n",
	       what, n / 1024.0, items, want_items, total / RUNS, best, RUNS);
	return items == want_items ? 0 : 1;
}

int main(void)
{
	static const char numbering[] =
		"<w:numbering " MKDOCX_W "><w:abstractNum w:abstractNumId=\"0\">"
		"<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"upperRoman\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
		"<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%2.\"/></w:lvl>"
		"<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%3)\"/></w:lvl>"
		"<w:lvl w:ilvl=\"3\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"-\"/></w:lvl>"
		"</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
	buf text = BUF_INIT, body = BUF_INIT;
	size_t items = generate(&text, false, emit_text);
	generate(&body, true, emit_docx);
	size_t n = 0;
	void *docx = mkdocx(buf_cstr(&body), numbering, NULL, &n);
	if (!docx) {
		fprintf(stderr, "could not build the docx\n");
		return 1;
	}
	printf("outline of ~200 pages: %zu items; docx body %zu KB of XML\n", items, body.len / 1024);
	int bad = run("text", parse_text, text.p, text.len, items);
	bad |= run("docx", outline_parse_docx, docx, n, items);
	free(docx);
	buf_free(&text);
	buf_free(&body);
	return bad;
}
