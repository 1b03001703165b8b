/*
 * fuzz_outline_text.c — libFuzzer target for the outline text parser: parse,
 * check the tree's invariants, write both views, expand repeats, free.
 */
#include <stddef.h>
#include <stdint.h>

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	outline_doc d;
	err e = {0};
	if (outline_parse_text((const char *)data, size, &d, &e) != 0)
		return 0;
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
	return 0;
}
