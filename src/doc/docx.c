/*
 * docx.c — the DOCX package: the fixed parts (content types,
 * relationships, styles, settings, page-number headers, properties) around
 * word/document.xml (docx_body.c), zipped in memory with libzip.
 *
 * libzip writes an archive into a source; with a buffer source the archive
 * ends up in memory: create the source empty, keep a reference so that
 * zip_close() does not free it, open the archive on it with ZIP_TRUNCATE,
 * add the parts, zip_close() (which writes), then read the source back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

#include "doc_int.h"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define REL_TYPE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define CT_WML "application/vnd.openxmlformats-officedocument.wordprocessingml."
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

static const char content_types[] =
	XML_DECL
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Override PartName=\"/word/document.xml\" ContentType=\"" CT_WML "document.main+xml\"/>"
	"<Override PartName=\"/word/styles.xml\" ContentType=\"" CT_WML "styles+xml\"/>"
	"<Override PartName=\"/word/settings.xml\" ContentType=\"" CT_WML "settings+xml\"/>"
	"<Override PartName=\"/word/header1.xml\" ContentType=\"" CT_WML "header+xml\"/>"
	"<Override PartName=\"/word/header2.xml\" ContentType=\"" CT_WML "header+xml\"/>"
	"<Override PartName=\"/docProps/core.xml\" "
	"ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
	"<Override PartName=\"/docProps/app.xml\" "
	"ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
	"</Types>";

static const char package_rels[] =
	XML_DECL
	"<Relationships xmlns=\"" NS_PKG_REL "\">"
	"<Relationship Id=\"rId1\" Type=\"" REL_TYPE "officeDocument\" Target=\"word/document.xml\"/>"
	"<Relationship Id=\"rId2\" "
	"Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
	"Target=\"docProps/core.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"" REL_TYPE "extended-properties\" Target=\"docProps/app.xml\"/>"
	"</Relationships>";

static const char document_rels[] =
	XML_DECL
	"<Relationships xmlns=\"" NS_PKG_REL "\">"
	"<Relationship Id=\"rIdStyles\" Type=\"" REL_TYPE "styles\" Target=\"styles.xml\"/>"
	"<Relationship Id=\"rIdSettings\" Type=\"" REL_TYPE "settings\" Target=\"settings.xml\"/>"
	"<Relationship Id=\"rIdHdrPage\" Type=\"" REL_TYPE "header\" Target=\"header1.xml\"/>"
	"<Relationship Id=\"rIdHdrFirst\" Type=\"" REL_TYPE "header\" Target=\"header2.xml\"/>"
	"</Relationships>";

static const char settings[] =
	XML_DECL
	"<w:settings xmlns:w=\"" NS_W "\"><w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"720\"/>"
	"<w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat><w:compatSetting "
	"w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>"
	"</w:compat><w:themeFontLang w:val=\"vi-VN\"/></w:settings>";

/* The page number: centred in the top margin, 13 pt (Decree 30, mục I.5);
 * header2 is the empty header of the first page (w:titlePg). */
static const char header_page[] =
	XML_DECL
	"<w:hdr xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\"><w:p><w:pPr><w:pStyle w:val=\"Header\"/>"
	"<w:jc w:val=\"center\"/></w:pPr><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r>"
	"<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r>"
	"<w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r><w:r>"
	"<w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:hdr>";

static const char header_first[] =
	XML_DECL
	"<w:hdr xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\"><w:p><w:pPr><w:pStyle w:val=\"Header\"/>"
	"</w:pPr></w:p></w:hdr>";

/* Paragraph styles the body refers to; sizes from doc_int.h. */
static void styles(buf *o)
{
	const int body = (int)(DOC_PT_BODY * 2), line = (int)(DOC_LINE_MULT * 240 + 0.5);
	const int after = (int)(DOC_PARA_AFTER_PT * 20), indent = (int)(DOC_INDENT_MM * 1440 / 25.4 + 0.5);
	buf_printf(o,
		   XML_DECL "<w:styles xmlns:w=\"" NS_W "\">"
		   "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"%s\" w:hAnsi=\"%s\" "
		   "w:eastAsia=\"%s\" w:cs=\"%s\"/><w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>"
		   "<w:lang w:val=\"vi-VN\" w:eastAsia=\"en-US\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
		   "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
		   "</w:pPr></w:pPrDefault></w:docDefaults>",
		   DOC_FONT_DOCX, DOC_FONT_DOCX, DOC_FONT_DOCX, DOC_FONT_DOCX, body, body);
	buf_puts(o, "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
		    "<w:qFormat/></w:style>"
		    "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
		    "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/>"
		    "</w:style>"
		    "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal "
		    "Table\"/><w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
		    "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" "
		    "w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>");
	/* Plain: header, title, closing — no indent, single spacing */
	buf_puts(o, "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Plain\"><w:name "
		    "w:val=\"Plain\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:before=\"0\" "
		    "w:after=\"0\"/></w:pPr></w:style>");
	/* body text: justified, first line 1 cm, ≥ 6 pt after (mục I.6) */
	buf_printf(o,
		   "<w:style w:type=\"paragraph\" w:styleId=\"BodyText\"><w:name w:val=\"Body Text\"/>"
		   "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:before=\"0\" w:after=\"%d\" "
		   "w:line=\"%d\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"%d\"/><w:jc w:val=\"both\"/></w:pPr>"
		   "</w:style>",
		   after, line, indent);
	for (int lvl = 1; lvl <= 4; lvl++) /* 1–2 bold, 3 bold italic, 4 italic */
		buf_printf(o,
			   "<w:style w:type=\"paragraph\" w:styleId=\"Heading%d\"><w:name w:val=\"heading %d\"/>"
			   "<w:basedOn w:val=\"BodyText\"/><w:next w:val=\"BodyText\"/><w:qFormat/><w:pPr>"
			   "<w:keepNext/><w:spacing w:before=\"%d\" w:after=\"%d\"/><w:outlineLvl w:val=\"%d\"/>"
			   "</w:pPr><w:rPr>%s%s</w:rPr></w:style>",
			   lvl, lvl, lvl == 1 ? 120 : 0, after, lvl - 1, lvl <= 3 ? "<w:b/><w:bCs/>" : "",
			   lvl >= 3 ? "<w:i/><w:iCs/>" : "");
	buf_printf(o,
		   "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Cell\"><w:name w:val=\"Table "
		   "Cell\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/>"
		   "</w:pPr><w:rPr><w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/></w:rPr></w:style>",
		   (int)(DOC_PT_TABLE * 2), (int)(DOC_PT_TABLE * 2));
	buf_printf(o,
		   "<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/>"
		   "<w:basedOn w:val=\"Normal\"/><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:sz "
		   "w:val=\"%d\"/><w:szCs w:val=\"%d\"/></w:rPr></w:style></w:styles>",
		   (int)(DOC_PT_PAGENO * 2), (int)(DOC_PT_PAGENO * 2));
}

static void w3c_time(int64_t t, char *out, size_t n)
{
	time_t tt = (time_t)(t ? t : time(NULL));
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(out, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void core_props(const doc *d, buf *o)
{
	char when[32];
	w3c_time(d->created, when, sizeof when);
	buf_puts(o, XML_DECL "<cp:coreProperties "
		    "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
		    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
		    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>");
	doc_xml_text(o, d->type_name);
	if (d->type_name && d->subtitle)
		buf_putc(o, ' ');
	doc_xml_text(o, d->subtitle ? d->subtitle : d->about);
	buf_puts(o, "</dc:title><dc:creator>");
	doc_xml_text(o, d->issuer);
	buf_printf(o,
		   "</dc:creator><cp:lastModifiedBy>thidua</cp:lastModifiedBy><dc:language>vi-VN</dc:language>"
		   "<dcterms:created xsi:type=\"dcterms:W3CDTF\">%s</dcterms:created>"
		   "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">%s</dcterms:modified></cp:coreProperties>",
		   when, when);
}

static void app_props(const doc *d, buf *o)
{
	buf_puts(o, XML_DECL "<Properties "
		    "xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" "
		    "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
		    "<Application>thidua</Application><DocSecurity>0</DocSecurity><Company>");
	doc_xml_text(o, d->issuer);
	buf_puts(o, "</Company></Properties>");
}

/* Adds one part; data must outlive zip_close(). */
static int add_part(zip_t *za, const char *name, const char *data, size_t len, err *e)
{
	zip_source_t *s = zip_source_buffer(za, data, len, 0);
	if (!s || zip_file_add(za, name, s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
		zip_source_free(s);
		return err_set(e, E_INTERNAL, "không tạo được tệp Word (%s): %s", name, zip_strerror(za));
	}
	return 0;
}

/* Reads the whole of a buffer source into out. */
static int read_source(zip_source_t *src, buf *out, err *e)
{
	zip_stat_t st;
	zip_stat_init(&st);
	if (zip_source_stat(src, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) || zip_source_open(src) < 0)
		return err_set(e, E_INTERNAL, "không đọc lại được tệp Word vừa tạo");
	size_t at = out->len;
	buf_put(out, "", 0);
	int rc = 0;
	for (zip_uint64_t left = st.size; left > 0 && rc == 0;) {
		char chunk[65536];
		zip_int64_t n = zip_source_read(src, chunk, left < sizeof chunk ? left : sizeof chunk);
		if (n <= 0)
			rc = err_set(e, E_INTERNAL, "không đọc lại được tệp Word vừa tạo");
		else
			buf_put(out, chunk, (size_t)n), left -= (zip_uint64_t)n;
	}
	zip_source_close(src);
	if (rc)
		out->len = at;
	return rc;
}

int doc_write_docx(const doc *d, buf *out, err *e)
{
	buf body = BUF_INIT, sty = BUF_INIT, core = BUF_INIT, app = BUF_INIT;
	zip_error_t ze;
	zip_t *za = NULL;
	int rc = 0;
	docx_document(d, &body);
	styles(&sty);
	core_props(d, &core);
	app_props(d, &app);
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	if (!src) {
		rc = err_set(e, E_INTERNAL, "không tạo được tệp Word: %s", zip_error_strerror(&ze));
		goto out;
	}
	zip_source_keep(src); /* ours after zip_close */
	za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	if (!za) {
		rc = err_set(e, E_INTERNAL, "không tạo được tệp Word: %s", zip_error_strerror(&ze));
		goto out;
	}
	const struct { const char *name, *data; size_t len; } parts[] = {
		{"[Content_Types].xml", content_types, sizeof content_types - 1},
		{"_rels/.rels", package_rels, sizeof package_rels - 1},
		{"word/document.xml", body.p, body.len},
		{"word/_rels/document.xml.rels", document_rels, sizeof document_rels - 1},
		{"word/styles.xml", sty.p, sty.len},
		{"word/settings.xml", settings, sizeof settings - 1},
		{"word/header1.xml", header_page, sizeof header_page - 1},
		{"word/header2.xml", header_first, sizeof header_first - 1},
		{"docProps/core.xml", core.p, core.len},
		{"docProps/app.xml", app.p, app.len},
	};
	for (size_t i = 0; i < sizeof parts / sizeof *parts && rc == 0; i++)
		rc = add_part(za, parts[i].name, parts[i].data, parts[i].len, e);
	if (rc)
		goto out;
	if (zip_close(za) < 0) {
		rc = err_set(e, E_INTERNAL, "không tạo được tệp Word: %s", zip_strerror(za));
		goto out;
	}
	za = NULL;
	rc = read_source(src, out, e);
out:
	if (za)
		zip_discard(za);
	if (src)
		zip_source_free(src);
	buf_free(&body);
	buf_free(&sty);
	buf_free(&core);
	buf_free(&app);
	return rc;
}
