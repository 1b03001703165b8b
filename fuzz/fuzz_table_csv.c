/* fuzz_table_csv.c — table_read on arbitrary bytes taken as CSV. */
#include <stdint.h>

#include "table_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	table t;
	err e = {0};
	int rc = table_read(data, size, "csv", &t, &e);
	table_check(rc, &t, &e);
	table_free(&t);
	return 0;
}
