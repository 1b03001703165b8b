/*
 * xlsx_int.h — internals of the XLSX reader shared by table_xlsx.c (the
 * workbook, styles, shared strings and sheet) and xlsx_part.c (parts,
 * relationships, and the XML reader plumbing).
 */
#ifndef THIDUA_XLSX_INT_H
#define THIDUA_XLSX_INT_H

#include <libxml/xmlreader.h>
#include <string.h>
#include <zip.h>

#include "io/table_int.h"

typedef struct xlsx {
	zip_t *za;
	size_t budget;          /* uncompressed bytes still allowed */
	bool date1904;
	uint32_t *sst;          /* shared string i → its text offset in b */
	size_t n_sst, cap_sst;
	bool have_sst;
	unsigned char *xf_kind; /* cellXfs index → enum xf_kind */
	size_t n_xf;
	tb b;
	err *e;
} xlsx;

/* One part being read: the zip entry and the XML reader over it. */
typedef struct xml_in {
	xlsx *x;
	const char *what;       /* the part in the user's words, for messages */
	zip_file_t *f;
	xmlTextReaderPtr rd;
	int failed;             /* E_TOOBIG or E_PARSE met while reading the archive */
	int type;               /* the current node, looked up once per node */
	const char *name;       /* its local name ("" for text) */
	bool empty;             /* an element written <x/> (no end tag follows) */
} xml_in;

/* Messages shared by the parts of the reader; each returns its code. */
int xlsx_broken(xlsx *x);
int xlsx_too_big(xlsx *x);
int xlsx_encrypted(xlsx *x);

/* Opens part `name` for streaming; `what` names it in messages. E_NOTFOUND
 * (no message) when the archive has no such part; other errors come with
 * a message. */
int xlsx_part_open(xlsx *x, const char *name, const char *what, xml_in *in);
/* Advances to the next node: 1 on a node, 0 at the end, or a negative
 * E_* with a message. Documents with a DTD are refused. */
int xlsx_part_next(xml_in *in);
void xlsx_part_close(xml_in *in);

/* The first-letter test spares a strcmp for most nodes of a big sheet. */
static inline bool named(const xml_in *in, const char *local)
{
	return in->name[0] == local[0] && strcmp(in->name, local) == 0;
}

static inline bool is_start(const xml_in *in, const char *local)
{
	return in->type == XML_READER_TYPE_ELEMENT && named(in, local);
}

/* A start tag that will be followed by its end tag (not <x/>). */
static inline bool is_open(const xml_in *in, const char *local)
{
	return is_start(in, local) && !in->empty;
}

static inline bool is_end(const xml_in *in, const char *local)
{
	return in->type == XML_READER_TYPE_END_ELEMENT && named(in, local);
}

static inline bool is_text(const xml_in *in)
{
	int t = in->type;
	return t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
	       t == XML_READER_TYPE_WHITESPACE || t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

/* Value of the current element's attribute `local` (free with xmlFree),
 * ignoring its prefix; with want_ns, only a namespaced one (r:id). */
char *xlsx_attr(xmlTextReaderPtr rd, const char *local, bool want_ns);
/* One-letter attributes `names` ("rts") into vals[i], "" when absent,
 * without allocating; a value too long becomes "\x01". */
void xlsx_attrs_short(xmlTextReaderPtr rd, const char *names, char (*vals)[16]);
/* Parses a whole unsigned decimal attribute value. */
bool xlsx_parse_index(const char *s, size_t *out);

typedef struct rel {
	char *id, *type, *target;
} rel;

typedef struct rels {
	rel *v;
	size_t n, cap;
} rels;

void xlsx_rels_free(rels *r);
/* Reads a .rels part; external targets are skipped. E_NOTFOUND (no
 * message) when the part is absent. */
int xlsx_rels_read(xlsx *x, const char *name, rels *out);
/* The relationship whose type ends in "/suffix". */
const rel *xlsx_rels_by_type(const rels *r, const char *suffix);
const rel *xlsx_rels_by_id(const rels *r, const char *id);
/* A relationship target resolved against the part naming it (malloc'd). */
char *xlsx_part_path(const char *source, const char *target);
/* "xl/workbook.xml" → "xl/_rels/workbook.xml.rels" (malloc'd). */
char *xlsx_rels_name_of(const char *part);

#endif
