/* fuzz_award_names.c — the importer's reading of what people write in a
 * list: form names (folding, abbreviations, ranks) and recipient types, on
 * arbitrary bytes. Checks that a match is always one of the forms given. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/awards.h"
#include "core/awards_table.h"

static award_form forms[] = {
	{.code = "BKUBT", .name = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
	 .recipient_types = "collective,household,individual",
	 .aliases = "Bằng khen Chủ tịch UBND tỉnh|BK UBND tỉnh|Bằng khen cấp tỉnh"},
	{.code = "HCLD3", .name = "Huân chương Lao động hạng Ba", .recipient_types = "collective,individual",
	 .aliases = "HCLĐ hạng Ba"},
	{.code = "GK", .name = "Giấy khen của thủ trưởng cơ quan, đơn vị",
	 .recipient_types = "collective,household,individual", .aliases = "Giấy khen||"},
	{.code = "X", .name = "", .recipient_types = "", .aliases = ""},
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	const award_form *f = award_form_match(forms, sizeof forms / sizeof *forms, text);
	if (f && (f < forms || f >= forms + sizeof forms / sizeof *forms))
		abort();
	const char *t = award_type_parse(text);
	if (t && !award_type_valid(t))
		abort();
	free(text);
	return 0;
}
