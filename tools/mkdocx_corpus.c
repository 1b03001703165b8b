/*
 * mkdocx_corpus.c — writes the seed corpus of fuzz/fuzz_outline_docx: small
 * .docx packages covering Word numbering, styles, tables and broken parts.
 *
 *   cc -std=c17 -Itests/unit -o build/mkdocx_corpus tools/mkdocx_corpus.c -lzip
 *   build/mkdocx_corpus fuzz/corpus/fuzz_outline_docx
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mkdocx.h"

#define P(t) "<w:p><w:r><w:t xml:space=\"preserve\">" t "</w:t></w:r></w:p>"
#define PS(style, t) \
	"<w:p><w:pPr><w:pStyle w:val=\"" style "\"/></w:pPr><w:r><w:t>" t "</w:t></w:r></w:p>"
#define N(id, lvl, t)                                                                   \
	"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" #lvl "\"/><w:numId w:val=\"" #id          \
	"\"/></w:numPr></w:pPr><w:r><w:t>" t "</w:t></w:r></w:p>"
#define LVL(i, fmt, text)                                                          \
	"<w:lvl w:ilvl=\"" #i "\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" fmt "\"/>" \
	"<w:lvlText w:val=\"" text "\"/></w:lvl>"

static const char numbering[] =
	"<w:numbering " MKDOCX_W "><w:abstractNum w:abstractNumId=\"0\">"
	LVL(0, "upperRoman", "%1.") LVL(1, "decimal", "%2.") LVL(2, "lowerLetter", "%3)")
	LVL(3, "bullet", "\xef\x82\xb7") LVL(4, "decimal", "%1.%2.%5") "</w:abstractNum>"
	"<w:abstractNum w:abstractNumId=\"1\"><w:numStyleLink w:val=\"Ds\"/></w:abstractNum>"
	"<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
	"<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"1\">"
	"<w:startOverride w:val=\"5\"/></w:lvlOverride></w:num>"
	"<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>";

static const char styles[] =
	"<w:styles " MKDOCX_W ">"
	"<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"H2\"><w:name w:val=\"Muc\"/><w:basedOn w:val=\"Heading1\"/>"
	"<w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr></w:style>"
	"<w:style w:type=\"numbering\" w:styleId=\"Ds\"><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
	"</w:styles>";

static int save(const char *dir, const char *name, void *data, size_t len)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f || !data || fwrite(data, 1, len, f) != len) {
		perror(path);
		return 1;
	}
	fclose(f);
	free(data);
	return 0;
}

static int doc(const char *dir, const char *name, const char *body, const char *num, const char *sty)
{
	size_t len = 0;
	void *data = mkdocx(body, num, sty, &len);
	return save(dir, name, data, len);
}

static int part(const char *dir, const char *name, const char *xml)
{
	struct mkdocx_part parts[] = {{"word/document.xml", xml, 0, 0}};
	size_t len = 0;
	void *data = mkzip(parts, 1, &len);
	return save(dir, name, data, len);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s DIR\n", argv[0]);
		return 2;
	}
	const char *d = argv[1];
	int bad = 0;
	bad |= doc(d, "numbering.docx",
		   P("ĐỀ CƯƠNG BÁO CÁO") P("Sơ kết phong trào") N(1, 0, "MỞ ĐẦU") N(1, 1, "Thuận lợi")
			   N(1, 2, "Một") N(1, 2, "Hai") N(1, 3, "chấm") N(1, 4, "sâu") N(2, 1, "năm")
			   N(1, 0, "KẾT QUẢ") N(3, 0, "kiểu"),
		   numbering, styles);
	bad |= doc(d, "literal.docx",
		   P("Phần thứ nhất") P("ĐÁNH GIÁ") P("I. CHUNG") P("1. Một") P("a) A") P("đ) Đ")
			   P("- gạch") P("III.1. PHONG TRÀO") P("Báo cáo tương tự mục III.1"),
		   NULL, NULL);
	bad |= doc(d, "styles.docx",
		   PS("Title", "Đề cương") PS("Heading1", "Mở đầu") PS("H2", "Chi tiết") P("1. Một")
			   "<w:tbl><w:tr><w:tc>" P("1.") "</w:tc><w:tc>" P("ô") "</w:tc></w:tr></w:tbl>",
		   NULL, styles);
	bad |= doc(d, "letter.docx",
		   P("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") P("Số: 1/SNV") P("Kính gửi:") P("- Sở")
			   P("I. MỞ ĐẦU") P("Nơi nhận:") P("- Lưu VT.") P("GIÁM ĐỐC") P("Nguyễn Văn An"),
		   NULL, NULL);
	bad |= part(d, "broken.docx", "<w:document " MKDOCX_W "><w:body><w:p><w:r><w:t>I. A");
	bad |= part(d, "not-word.docx", "<html><p>I. A</p></html>");
	return bad;
}
