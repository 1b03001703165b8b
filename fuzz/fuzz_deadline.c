/*
 * fuzz_deadline.c — libFuzzer target for the deadline parser: any bytes,
 * never a crash; what parses shows in local time and parses back to the
 * same instant; a date deadline is the last second of a local day.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/deadline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	int64_t at = 0;
	bool date_only = false;
	err e = {0};
	if (deadline_parse(s, &at, &date_only, &e) == 0) {
		char iso[32], vn[32];
		local_iso(at, iso);
		deadline_text(at, date_only, vn);
		int64_t back = 0;
		bool d2 = true;
		if (deadline_parse(iso, &back, &d2, &e) != 0 || back != at || d2)
			__builtin_trap();
		if (date_only) {
			int y, m, d;
			local_date_of(at, &y, &m, &d);
			if (local_midnight(y, m, d) + 86400 - 1 != at)
				__builtin_trap();
		}
		if (deadline_is_late(at, at) || !deadline_is_late(at, at + 1))
			__builtin_trap();
	} else if (e.code != E_INVAL || !e.msg[0]) {
		__builtin_trap();
	}
	free(s);
	return 0;
}
