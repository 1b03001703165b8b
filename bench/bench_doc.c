/*
 * bench_doc.c — how long the writers take on a ~150-page report (60
 * sections of long narrative paragraphs, 20 figure tables; the "long"
 * sample): DOCX (target < 300 ms), PDF (target < 2 s), XLSX; and the fixed
 * cost of a PDF (its own font map per call) on an empty document.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "doc/doc.h"

#define RUNS 5

typedef int (*writer)(const doc *, buf *, err *);

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

typedef struct timing {
	double median, best;
} timing;

/* Median and best of RUNS runs in ms (the best shows the cost on a quiet
 * machine); the size of the output in *bytes. */
static int measure(writer w, const doc *d, timing *tm, size_t *bytes, buf *keep)
{
	double t[RUNS];
	for (int i = 0; i < RUNS; i++) {
		buf out = BUF_INIT;
		err e = {0};
		double t0 = now_ms();
		if (w(d, &out, &e) != 0) {
			fprintf(stderr, "bench_doc: %s\n", e.msg);
			buf_free(&out);
			return 1;
		}
		t[i] = now_ms() - t0;
		*bytes = out.len;
		if (keep && i == 0)
			*keep = out;
		else
			buf_free(&out);
	}
	qsort(t, RUNS, sizeof *t, cmp_double);
	tm->median = t[RUNS / 2];
	tm->best = t[0];
	return 0;
}

/* Pages of a cairo PDF: its page objects. */
static size_t pdf_pages(const buf *b)
{
	size_t n = 0;
	for (size_t i = 0; i + 12 < b->len; i++)
		if (memcmp(b->p + i, "/Type /Page", 11) == 0 && b->p[i + 11] != 's')
			n++;
	return n;
}

int main(void)
{
	double t0 = now_ms();
	doc *d = doc_sample("long");
	double build = now_ms() - t0;
	size_t tables = 0, paras = 0;
	for (size_t i = 0; i < d->nblocks; i++)
		tables += d->blocks[i].kind == DOC_TABLE, paras += d->blocks[i].kind != DOC_TABLE;
	timing docx, pdf, xlsx, pdf_empty;
	size_t docx_n, pdf_n, xlsx_n, empty_n;
	buf pdf_out = BUF_INIT;
	doc *empty = doc_sample("empty");
	int rc = measure(doc_write_docx, d, &docx, &docx_n, NULL) ||
		 measure(doc_write_pdf, d, &pdf, &pdf_n, &pdf_out) ||
		 measure(doc_write_xlsx, d, &xlsx, &xlsx_n, NULL) ||
		 measure(doc_write_pdf, empty, &pdf_empty, &empty_n, NULL);
	if (rc == 0) {
		printf("document: %zu paragraphs and headings, %zu tables, built in %.1f ms; PDF %zu pages\n",
		       paras, tables, build, pdf_pages(&pdf_out));
		printf("%d runs: median (best)\n", RUNS);
		printf("  docx  %8.1f ms (%6.1f)  %8zu bytes   target < 300 ms%s\n", docx.median, docx.best,
		       docx_n, docx.median < 300 ? "" : "  OVER");
		printf("  pdf   %8.1f ms (%6.1f)  %8zu bytes   target < 2000 ms%s\n", pdf.median, pdf.best,
		       pdf_n, pdf.median < 2000 ? "" : "  OVER");
		printf("  xlsx  %8.1f ms (%6.1f)  %8zu bytes\n", xlsx.median, xlsx.best, xlsx_n);
		printf("  pdf of an empty document %.1f ms (%.1f): the font map made per call\n",
		       pdf_empty.median, pdf_empty.best);
	}
	buf_free(&pdf_out);
	doc_free(empty);
	doc_free(d);
	return rc;
}
