/*
 * outline_write.c — the TSV (command line contract) and JSON views of a
 * parsed document.
 */
#include "outline_int.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* A TSV field must not break the line or the columns. */
static void put_field(buf *out, const char *s)
{
	for (const char *p = s ? s : ""; *p; p++)
		buf_putc(out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

int outline_write_tsv(const outline_doc *d, buf *out)
{
	for (size_t i = 0; i < d->n; i++) {
		const outline *o = &d->outlines[i];
		buf_puts(out, "# ");
		put_field(out, o->title);
		buf_putc(out, '\n');
		for (size_t k = 0; k < o->n_items; k++) {
			const outline_item *it = &o->items[k];
			buf_printf(out, "%d\t", it->depth);
			put_field(out, it->label);
			buf_putc(out, '\t');
			put_field(out, it->title);
			buf_putc(out, '\n');
		}
	}
	return 0;
}

/* jansson refuses invalid UTF-8 with NULL; the parser never produces it,
 * but a document built elsewhere might. */
static json_t *str(const char *s)
{
	json_t *j = json_string(s ? s : "");
	return j ? j : json_string("");
}

static json_t *item_json(const outline_item *it)
{
	json_t *asks = json_array();
	for (unsigned bit = 1; bit <= OUTLINE_ASK_MODELS; bit <<= 1)
		if (it->asks & bit)
			json_array_append_new(asks, json_string(outline_ask_name(bit)));
	json_t *j = json_object();
	json_object_set_new(j, "depth", json_integer(it->depth));
	json_object_set_new(j, "parent", it->parent >= 0 ? json_integer(it->parent) : json_null());
	json_object_set_new(j, "label", str(it->label));
	json_object_set_new(j, "title", str(it->title));
	json_object_set_new(j, "guidance", str(it->guidance));
	json_object_set_new(j, "asks", asks);
	json_object_set_new(j, "repeat_of", it->repeat_of >= 0 ? json_integer(it->repeat_of) : json_null());
	json_object_set_new(j, "table", it->table ? json_string(it->table) : json_null());
	return j;
}

int outline_write_json(const outline_doc *d, buf *out)
{
	json_t *outlines = json_array();
	for (size_t i = 0; i < d->n; i++) {
		const outline *o = &d->outlines[i];
		json_t *items = json_array();
		for (size_t k = 0; k < o->n_items; k++)
			json_array_append_new(items, item_json(&o->items[k]));
		json_t *jo = json_object();
		json_object_set_new(jo, "title", str(o->title));
		json_object_set_new(jo, "items", items);
		json_array_append_new(outlines, jo);
	}
	json_t *root = json_object();
	json_object_set_new(root, "outlines", outlines);
	char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (s) {
		buf_puts(out, s);
		buf_putc(out, '\n');
		free(s);
	}
	return 0;
}
