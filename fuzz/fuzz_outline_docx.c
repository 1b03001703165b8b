/*
 * fuzz_outline_docx.c — libFuzzer target for the outline DOCX parser: parse,
 * check the tree's invariants, write both views, expand repeats, free.
 *
 * An input starting with the zip signature is parsed as it is: that fuzzes
 * the package handling. Mutated deflate data rarely survives the CRC check,
 * so any other input is read as XML parts separated by lines "----"
 * (document.xml, numbering.xml, styles.xml) and packed, uncompressed, into
 * a .docx first: that fuzzes WordprocessingML, numbering and styles.
 * Seed corpus: tools/mkdocx_corpus.c.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../tests/unit/mkdocx.h"
#include "outline/outline.h"

/* Every item's parent precedes it and is exactly one level up. */
static void check_tree(const outline *o)
{
	for (size_t i = 0; i < o->n_items; i++) {
		int p = o->items[i].parent;
		int want = p < 0 ? 1 : o->items[p].depth + 1;
		if (p >= (int)i || o->items[i].depth != want || !o->items[i].label ||
		    !o->items[i].title || !o->items[i].guidance)
			__builtin_trap();
	}
}

static void parse(const uint8_t *data, size_t size)
{
	outline_doc d;
	err e = {0};
	if (outline_parse_docx(data, size, &d, &e) != 0)
		return;
	buf b = BUF_INIT;
	outline_write_tsv(&d, &b);
	outline_write_json(&d, &b);
	for (size_t i = 0; i < d.n; i++) {
		check_tree(&d.outlines[i]);
		outline_expand_repeats(&d.outlines[i]);
		check_tree(&d.outlines[i]);
	}
	buf_free(&b);
	outline_doc_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (outline_is_zip(data, size)) {
		parse(data, size);
		return 0;
	}
	static const char *const names[] = {"word/document.xml", "word/numbering.xml",
					    "word/styles.xml"};
	struct mkdocx_part parts[3] = {{0}};
	const char *p = (const char *)data, *end = p + size;
	for (size_t k = 0; k < 3 && p <= end; k++) {
		const char *sep = NULL;
		for (const char *q = p; q + 6 <= end && !sep; q++)
			if (memcmp(q, "\n----\n", 6) == 0)
				sep = q;
		const char *stop = sep ? sep : end;
		parts[k] = (struct mkdocx_part){names[k], stop > p ? p : " ", stop > p ? (size_t)(stop - p) : 1, 1};
		if (!sep)
			break;
		p = sep + 6;
	}
	size_t len = 0;
	void *zip = mkzip(parts, 3, &len);
	if (zip)
		parse(zip, len);
	free(zip);
	return 0;
}
