/*
 * fuzz_table_xlsx.c — table_read on XLSX input, two ways.
 *
 * Input starting with the zip magic is read as it is, which exercises the
 * archive handling. Mutations of compressed bytes rarely get past the
 * CRC, so any other input is taken as the package's XML parts separated
 * by lines "==" — sheet, shared strings, styles, workbook, workbook
 * relationships — and stored uncompressed into a zip built here, which
 * lets the fuzzer reach the XML readers.
 */
#include <stdint.h>
#include <string.h>
#include <zlib.h>

#include "table_check.h"
#include "util/util.h"

#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

static const char *const names[] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
				    "xl/styles.xml", "xl/workbook.xml",
				    "xl/_rels/workbook.xml.rels"};

static const char *const defaults[] = {
	"", "", "",
	"<workbook xmlns:r=\"" NS_REL "\"><sheets><sheet r:id=\"rId1\"/></sheets></workbook>",
	"<Relationships><Relationship Id=\"rId1\" Type=\"" NS_REL "/worksheet\" "
	"Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" NS_REL
	"/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" Type=\"" NS_REL
	"/styles\" Target=\"styles.xml\"/></Relationships>"};

static const char root_rels[] =
	"<Relationships><Relationship Id=\"rId1\" Type=\"" NS_REL "/officeDocument\" "
	"Target=\"xl/workbook.xml\"/></Relationships>";

static void put16(buf *b, unsigned v)
{
	char s[2] = {(char)(v & 0xFF), (char)(v >> 8 & 0xFF)};
	buf_put(b, s, 2);
}

static void put32(buf *b, uint32_t v)
{
	put16(b, v & 0xFFFF);
	put16(b, v >> 16);
}

/* Appends one stored entry and its central directory record. */
static void add_entry(buf *z, buf *cd, const char *name, const char *data, size_t n)
{
	uint32_t crc = (uint32_t)crc32(0, (const Bytef *)data, (uInt)n);
	uint32_t at = (uint32_t)z->len;
	size_t nl = strlen(name);
	put32(z, 0x04034b50);
	put16(z, 20), put16(z, 0), put16(z, 0), put16(z, 0), put16(z, 0);
	put32(z, crc), put32(z, (uint32_t)n), put32(z, (uint32_t)n);
	put16(z, (unsigned)nl), put16(z, 0);
	buf_put(z, name, nl);
	buf_put(z, data, n);
	put32(cd, 0x02014b50);
	put16(cd, 20), put16(cd, 20), put16(cd, 0), put16(cd, 0), put16(cd, 0), put16(cd, 0);
	put32(cd, crc), put32(cd, (uint32_t)n), put32(cd, (uint32_t)n);
	put16(cd, (unsigned)nl), put16(cd, 0), put16(cd, 0), put16(cd, 0), put16(cd, 0);
	put32(cd, 0), put32(cd, at);
	buf_put(cd, name, nl);
}

static void build_zip(const uint8_t *data, size_t size, buf *z)
{
	buf cd = BUF_INIT;
	const char *p = (const char *)data, *end = p + size;
	unsigned count = 1;
	add_entry(z, &cd, "_rels/.rels", root_rels, strlen(root_rels));
	for (int i = 0; i < 5; i++, count++) {
		const char *sep = p < end ? memmem(p, (size_t)(end - p), "\n==\n", 4) : NULL;
		const char *stop = sep ? sep : end;
		if (p < end && stop > p)
			add_entry(z, &cd, names[i], p, (size_t)(stop - p));
		else if (defaults[i][0])
			add_entry(z, &cd, names[i], defaults[i], strlen(defaults[i]));
		else
			count--;
		p = sep ? sep + 4 : end;
	}
	uint32_t cd_at = (uint32_t)z->len;
	buf_put(z, cd.p, cd.len);
	put32(z, 0x06054b50);
	put16(z, 0), put16(z, 0), put16(z, count), put16(z, count);
	put32(z, (uint32_t)cd.len), put32(z, cd_at), put16(z, 0);
	buf_free(&cd);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	table t;
	err e = {0};
	int rc;
	if (size >= 4 && memcmp(data, "PK\x03\x04", 4) == 0) {
		rc = table_read(data, size, "xlsx", &t, &e);
	} else {
		buf z = BUF_INIT;
		build_zip(data, size, &z);
		rc = table_read(z.p, z.len, "xlsx", &t, &e);
		buf_free(&z);
	}
	table_check(rc, &t, &e);
	table_free(&t);
	return 0;
}
