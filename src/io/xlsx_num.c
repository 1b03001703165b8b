/*
 * xlsx_num.c — what a numeric XLSX cell shows: classifying number
 * formats as date or time, and rendering stored values as text.
 *
 * A spreadsheet stores a date as a day count ("serial") and marks it a
 * date only through the cell's number format, so the reader must look at
 * the format to turn 45352 back into 2024-03-01.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/table_int.h"

/* Built-in ids: 14–17 dates, 22 date and time, 18–21 and 45–47 times;
 * 27–36 and 50–58 are the East Asian locales' dates. */
enum xf_kind xlsx_builtin_kind(unsigned id)
{
	if ((id >= 14 && id <= 17) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
		return XF_DATE;
	if (id == 22)
		return XF_DATETIME;
	if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47))
		return XF_TIME;
	return XF_PLAIN;
}

/* "[h]", "[mm]", "[ss]": elapsed time. Other brackets are colours,
 * conditions and locale tags, which say nothing about dates. */
static bool bracket_is_elapsed(const char *p)
{
	int c0 = tolower((unsigned char)p[1]);
	if (c0 != 'h' && c0 != 'm' && c0 != 's')
		return false;
	const char *q = p + 1;
	while (tolower((unsigned char)*q) == c0)
		q++;
	return *q == ']';
}

/* Reads the first section of the code, skipping quoted literals, escaped
 * and padding characters, brackets and the AM/PM markers. "m" is a month
 * unless hours or seconds are around, then it is minutes. */
enum xf_kind xlsx_format_kind(const char *code)
{
	bool date = false, time = false, month = false;
	for (const char *p = code; *p && *p != ';'; p++) {
		int c = tolower((unsigned char)*p);
		if (c == '"') {
			const char *q = strchr(p + 1, '"');
			if (!q)
				break;
			p = q;
		} else if (c == '\\' || c == '_' || c == '*') {
			if (!p[1])
				break;
			p++;
		} else if (c == '[') {
			time = time || bracket_is_elapsed(p);
			const char *q = strchr(p, ']');
			if (!q)
				break;
			p = q;
		} else if (c == 'a' && strncasecmp(p, "am/pm", 5) == 0) {
			p += 4;
		} else if (c == 'a' && strncasecmp(p, "a/p", 3) == 0) {
			p += 2;
		} else if (c == 'd' || c == 'y') {
			date = true;
		} else if (c == 'h' || c == 's') {
			time = true;
		} else if (c == 'm') {
			month = true;
		}
	}
	if (month && !time)
		date = true;
	if (date && time)
		return XF_DATETIME;
	return date ? XF_DATE : time ? XF_TIME : XF_PLAIN;
}

/* A stored value is a plain decimal ("12.5", "-3", "4.5E-2"); anything
 * else (hex, "inf", words) is not a number here. */
static bool parse_number(const char *v, double *out)
{
	while (*v == ' ')
		v++;
	if (!*v || strspn(v, "0123456789+-.eE ") != strlen(v))
		return false;
	char *end;
	double d = strtod(v, &end);
	while (*end == ' ')
		end++;
	if (*end || !isfinite(d))
		return false;
	*out = d;
	return true;
}

/* Integers print without ".0"; others with Excel's 15 significant digits,
 * so 0.1+0.2 stored as 0.30000000000000004 shows as 0.3, as in Excel. */
static void render_plain(double d, char *out, size_t cap)
{
	if (d == 0)
		d = 0; /* no "-0" */
	if (d == trunc(d) && fabs(d) < 1e15)
		snprintf(out, cap, "%.0f", d);
	else
		snprintf(out, cap, "%.15g", d);
}

/* Days from 0001-01-01 to 1 January of year y (proleptic Gregorian). */
static long days_before_year(long y)
{
	y--;
	return 365 * y + y / 4 - y / 100 + y / 400;
}

static bool is_leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Calendar date of day number rd (0 = 0001-01-01). */
static void date_of(long rd, long *y, int *m, int *d)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	long yy = (long)(rd / 365.2425) + 1;
	while (yy > 1 && days_before_year(yy) > rd)
		yy--;
	while (days_before_year(yy + 1) <= rd)
		yy++;
	long doy = rd - days_before_year(yy);
	int mm = 0;
	while (mm < 11 && doy >= mdays[mm] + (mm == 1 && is_leap(yy))) {
		doy -= mdays[mm] + (mm == 1 && is_leap(yy));
		mm++;
	}
	*y = yy;
	*m = mm + 1;
	*d = (int)doy + 1;
}

/* Excel's 1900 system counts 1900-01-01 as day 1 and, for Lotus 1-2-3
 * compatibility, has a 29 February 1900 as day 60; later serials are one
 * ahead of the real calendar. The 1904 system counts from 1904-01-01 = 0. */
static bool serial_date(long days, bool date1904, long *y, int *m, int *d)
{
	if (!date1904 && days == 60) {
		*y = 1900, *m = 2, *d = 29;
		return true;
	}
	long rd;
	if (date1904)
		rd = days_before_year(1904) + days;
	else
		rd = days_before_year(1900) - 1 + (days < 60 ? days : days - 1);
	date_of(rd, y, m, d);
	return *y <= 9999;
}

static void render_time(long secs, char *out, size_t cap)
{
	snprintf(out, cap, "%02ld:%02ld:%02ld", secs / 3600, secs / 60 % 60, secs % 60);
}

/* "42", "-7": integers as written need no floating point (most numeric
 * cells of a real list are such: sequence numbers, years, counts). */
static bool plain_integer(const char *v)
{
	const char *p = v + (*v == '-');
	size_t n = strspn(p, "0123456789");
	return n > 0 && n <= 15 && !p[n] && (p[0] != '0' || (n == 1 && p == v));
}

bool xlsx_render_number(const char *v, enum xf_kind kind, bool date1904, char *out, size_t cap)
{
	double d;
	if (kind == XF_PLAIN && plain_integer(v) && strlen(v) < cap) {
		strcpy(out, v);
		return true;
	}
	if (!parse_number(v, &d))
		return false;
	if (kind == XF_PLAIN || d < 0 || d >= 3e6) {
		render_plain(d, out, cap);
		return true;
	}
	long days = (long)floor(d);
	long secs = lround((d - (double)days) * 86400.0);
	if (secs >= 86400) {
		days++;
		secs -= 86400;
	}
	/* A time alone, or a day-0 value under a date format in the 1900
	 * system (Excel's "1900-01-00"), only has a time of day to show. */
	if (kind == XF_TIME || (!date1904 && days == 0)) {
		if (kind != XF_TIME && secs == 0)
			render_plain(d, out, cap);
		else
			render_time(secs, out, cap);
		return true;
	}
	long y;
	int m, dd;
	if (!serial_date(days, date1904, &y, &m, &dd)) {
		render_plain(d, out, cap);
		return true;
	}
	if (kind == XF_DATETIME && secs != 0)
		snprintf(out, cap, "%04ld-%02d-%02d %02ld:%02ld:%02ld", y, m, dd, secs / 3600,
			 secs / 60 % 60, secs % 60);
	else
		snprintf(out, cap, "%04ld-%02d-%02d", y, m, dd);
	return true;
}
