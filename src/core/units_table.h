/*
 * units_table.h — a spreadsheet of units (header row + data rows) as
 * import rows for units_import().
 */
#ifndef THIDUA_UNITS_TABLE_H
#define THIDUA_UNITS_TABLE_H

#include "core/units.h"
#include "io/table.h"

/* Maps columns by header ("Mã đơn vị", "Tên đơn vị", "Loại đơn vị",
 * "Mã đơn vị cấp trên", optional "Hoạt động", "Hiệu lực từ", "Hiệu lực đến",
 * or their English names); blank rows are skipped. Errors name the row. */
int units_rows_from_table(db *d, arena *ar, const table *t, struct unit_row **out, size_t *n,
			  int *bad_row, err *e);

/* Reads a CSV or XLSX file (hint "csv", "xlsx" or NULL to sniff) and imports
 * its units all-or-nothing; *bad_row names the failing row (0 if none). */
int units_import_file(db *d, const actor *a, const void *data, size_t n, const char *hint,
		      int64_t *created, int *bad_row, err *e);

#endif
