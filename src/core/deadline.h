/*
 * deadline.h — dates and times as Vietnamese offices write them, in the
 * country's one time zone: Asia/Ho_Chi_Minh is UTC+7 all year (no daylight
 * saving since 1975), so local time is plain arithmetic, never the process
 * TZ or the tz database.
 *
 * A deadline is stored as the last second it allows (Unix seconds): a
 * submission at or before it is on time, one second later is late.
 */
#ifndef THIDUA_DEADLINE_H
#define THIDUA_DEADLINE_H

#include <stdbool.h>
#include <stdint.h>

#include "util/util.h"

#define LOCAL_UTC_OFFSET (7 * 3600)

/*
 * Parses a deadline: a date "YYYY-MM-DD" (the end of that day, 23:59:59
 * local), or a date-time "YYYY-MM-DDTHH:MM[:SS]" (a space may stand for the
 * T) in local time, or the same followed by "Z" or "±HH:MM" (then that
 * offset). Years 1900–2200. On success *at is the deadline and *date_only
 * tells which form it was; otherwise E_INVAL with a Vietnamese message.
 */
int deadline_parse(const char *s, int64_t *at, bool *date_only, err *e);

/* Unix seconds of local midnight starting date y-m-d (no range check). */
int64_t local_midnight(int y, int m, int d);
/* The local calendar date of t. */
void local_date_of(int64_t t, int *y, int *m, int *d);

/* ISO 8601 with the local offset: "2023-11-20T23:59:59+07:00" (26 bytes). */
void local_iso(int64_t t, char out[32]);
/* "20/11/2023" */
void local_date_vn(int64_t t, char out[16]);
/* "17:00 20/11/2023" (seconds shown only when not zero). */
void local_time_vn(int64_t t, char out[32]);
/* When something happened: "17:00:05 20/11/2023", seconds always shown. */
void local_stamp_vn(int64_t t, char out[32]);
/* How a deadline reads on screens: "20/11/2023" for a date deadline (the
 * whole day counts), "17:00 20/11/2023" otherwise. */
void deadline_text(int64_t at, bool date_only, char out[32]);

/* Whole local days from `now`'s date to the deadline's date: 0 on the day
 * itself, negative once past. */
int64_t deadline_days_left(int64_t deadline_at, int64_t now);
/* The late rule: a submission at `at` is late when strictly after the
 * deadline. */
bool deadline_is_late(int64_t deadline_at, int64_t at);

#endif
