/*
 * mkdocx.h — builds small .docx packages in memory with libzip, so tests,
 * fuzz corpora and benchmarks need no binary fixtures. Shared by
 * tests/unit and bench/ (header-only, static functions).
 */
#ifndef THIDUA_MKDOCX_H
#define THIDUA_MKDOCX_H

#include <stdlib.h>
#include <string.h>
#include <zip.h>

#define MKDOCX_W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

struct mkdocx_part {
	const char *name;
	const char *data; /* NULL: part left out */
	size_t len;       /* 0: strlen(data) */
	int stored;       /* 1: no compression */
};

/* A zip holding the given parts, malloc'd, its size in *len; NULL on failure. */
static inline void *mkzip(const struct mkdocx_part *parts, size_t n, size_t *len)
{
	zip_error_t ze;
	*len = 0;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_t *z = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
	zip_error_fini(&ze);
	if (!z)
		return NULL;
	zip_source_keep(src);
	for (size_t i = 0; i < n; i++) {
		if (!parts[i].data)
			continue;
		size_t l = parts[i].len ? parts[i].len : strlen(parts[i].data);
		zip_source_t *s = zip_source_buffer(z, parts[i].data, l, 0);
		zip_int64_t idx = zip_file_add(z, parts[i].name, s, ZIP_FL_OVERWRITE);
		if (idx < 0) {
			zip_source_free(s);
			continue;
		}
		if (parts[i].stored)
			zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
	}
	void *out = NULL;
	zip_stat_t st;
	if (zip_close(z) == 0 && zip_source_stat(src, &st) == 0 && zip_source_open(src) == 0) {
		out = malloc(st.size ? st.size : 1);
		zip_int64_t got = zip_source_read(src, out, st.size);
		zip_source_close(src);
		if (got < 0 || (zip_uint64_t)got != st.size) {
			free(out);
			out = NULL;
		} else {
			*len = st.size;
		}
	} else {
		zip_discard(z);
	}
	zip_source_free(src);
	return out;
}

/* A .docx whose body is body_xml (WordprocessingML inside <w:body>), with
 * optional numbering.xml and styles.xml contents (root elements included). */
static inline void *mkdocx(const char *body_xml, const char *numbering, const char *styles,
			   size_t *len)
{
	static const char types[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
		"xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
		"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
		"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
		"<Override PartName=\"/word/document.xml\" ContentType=\"application/"
		"vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
	static const char rels[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
		"xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
		"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
		"relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
	static const char doc_rels[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
		"xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
		"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
		"relationships/styles\" Target=\"styles.xml\"/>"
		"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
		"relationships/numbering\" Target=\"numbering.xml\"/></Relationships>";
	*len = 0;
	size_t bl = strlen(body_xml);
	char *doc = malloc(bl + 512);
	strcpy(doc, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document " MKDOCX_W
		    "><w:body>");
	strcat(doc, body_xml);
	strcat(doc, "</w:body></w:document>");
	struct mkdocx_part parts[] = {
		{"[Content_Types].xml", types, 0, 0},
		{"_rels/.rels", rels, 0, 0},
		{"word/_rels/document.xml.rels", doc_rels, 0, 0},
		{"word/document.xml", doc, 0, 0},
		{"word/numbering.xml", numbering, 0, 0},
		{"word/styles.xml", styles, 0, 0},
	};
	void *out = mkzip(parts, sizeof parts / sizeof *parts, len);
	free(doc);
	return out;
}

#endif
