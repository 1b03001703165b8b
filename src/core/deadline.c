/*
 * deadline.c — parsing and showing dates and times in UTC+7 with calendar
 * arithmetic of our own (days from the civil date), so results never depend
 * on the process time zone.
 */
#include "deadline.h"

#include <stdio.h>
#include <string.h>

#define DAY 86400

static const char *const BAD_DEADLINE =
	"Hạn nộp phải là ngày (YYYY-MM-DD) hoặc ngày giờ (YYYY-MM-DDTHH:MM, giờ Việt Nam)";

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* Floor division, so times before 1970 land on the right day too. */
static int64_t floor_div(int64_t a, int64_t b)
{
	return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

int64_t local_midnight(int y, int m, int d)
{
	return days_from_civil(y, m, d) * DAY - LOCAL_UTC_OFFSET;
}

void local_date_of(int64_t t, int *y, int *m, int *d)
{
	civil_from_days(floor_div(t + LOCAL_UTC_OFFSET, DAY), y, m, d);
}

/* Seconds since local midnight of t. */
static int64_t local_second_of_day(int64_t t)
{
	int64_t s = t + LOCAL_UTC_OFFSET;
	return s - floor_div(s, DAY) * DAY;
}

/* ---- parsing ---- */

/* Reads exactly n decimal digits. */
static bool digits(const char **p, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		char c = (*p)[i];
		if (c < '0' || c > '9')
			return false;
		v = v * 10 + (c - '0');
	}
	*p += n;
	*out = v;
	return true;
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && leap(y) ? 29 : d[m - 1];
}

static bool parse_date(const char **p, int *y, int *m, int *d)
{
	const char *s = *p;
	if (!digits(&s, 4, y) || *s++ != '-' || !digits(&s, 2, m) || *s++ != '-' || !digits(&s, 2, d))
		return false;
	if (*y < 1900 || *y > 2200 || *m < 1 || *m > 12 || *d < 1 || *d > month_days(*y, *m))
		return false;
	*p = s;
	return true;
}

/* "HH:MM[:SS[.fff]]" → seconds of the day. */
static bool parse_clock(const char **p, int64_t *secs)
{
	const char *s = *p;
	int h, mi, se = 0;
	if (!digits(&s, 2, &h) || *s++ != ':' || !digits(&s, 2, &mi))
		return false;
	if (*s == ':') {
		s++;
		if (!digits(&s, 2, &se))
			return false;
		if (*s == '.' || *s == ',') { /* fractions of a second do not matter here */
			s++;
			int k = 0;
			while (*s >= '0' && *s <= '9' && k < 9)
				s++, k++;
			if (k == 0 || (*s >= '0' && *s <= '9'))
				return false;
		}
	}
	if (h > 23 || mi > 59 || se > 59)
		return false;
	*secs = (int64_t)h * 3600 + mi * 60 + se;
	*p = s;
	return true;
}

/* "", "Z" or "±HH:MM" / "±HHMM" → offset seconds east of UTC. */
static bool parse_offset(const char **p, int64_t *off)
{
	const char *s = *p;
	if (*s == '\0') {
		*off = LOCAL_UTC_OFFSET;
		return true;
	}
	if (*s == 'Z' || *s == 'z') {
		*off = 0;
		*p = s + 1;
		return true;
	}
	if (*s != '+' && *s != '-')
		return false;
	int sign = *s++ == '-' ? -1 : 1, h, m;
	if (!digits(&s, 2, &h))
		return false;
	if (*s == ':')
		s++;
	if (!digits(&s, 2, &m) || h > 14 || m > 59)
		return false;
	*off = sign * ((int64_t)h * 3600 + m * 60);
	*p = s;
	return true;
}

int deadline_parse(const char *s, int64_t *at, bool *date_only, err *e)
{
	if (!s)
		return err_set(e, E_INVAL, "%s", BAD_DEADLINE);
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	if (n == 0 || n > 40)
		return err_set(e, E_INVAL, "%s", BAD_DEADLINE);
	char tmp[48];
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	const char *p = tmp;
	int y, m, d;
	if (!parse_date(&p, &y, &m, &d))
		return err_set(e, E_INVAL, "%s", BAD_DEADLINE);
	if (*p == '\0') {
		*at = local_midnight(y, m, d) + DAY - 1;
		*date_only = true;
		return 0;
	}
	int64_t secs, off;
	if ((*p != 'T' && *p != 't' && *p != ' ') || (p++, !parse_clock(&p, &secs)) ||
	    !parse_offset(&p, &off) || *p != '\0')
		return err_set(e, E_INVAL, "%s", BAD_DEADLINE);
	int64_t t = days_from_civil(y, m, d) * DAY + secs - off;
	/* an offset can move the instant to a local day outside the range */
	int ly, lm, ld;
	local_date_of(t, &ly, &lm, &ld);
	if (ly < 1900 || ly > 2200)
		return err_set(e, E_INVAL, "%s", BAD_DEADLINE);
	*at = t;
	*date_only = false;
	return 0;
}

/* ---- showing ---- */

void local_iso(int64_t t, char out[32])
{
	int y, m, d;
	local_date_of(t, &y, &m, &d);
	int64_t s = local_second_of_day(t);
	snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02d+07:00", y, m, d, (int)(s / 3600),
		 (int)(s / 60 % 60), (int)(s % 60));
}

void local_date_vn(int64_t t, char out[16])
{
	int y, m, d;
	local_date_of(t, &y, &m, &d);
	snprintf(out, 16, "%02d/%02d/%04d", d, m, y);
}

void local_time_vn(int64_t t, char out[32])
{
	char date[16];
	local_date_vn(t, date);
	int64_t s = local_second_of_day(t);
	if (s % 60)
		snprintf(out, 32, "%02d:%02d:%02d %s", (int)(s / 3600), (int)(s / 60 % 60),
			 (int)(s % 60), date);
	else
		snprintf(out, 32, "%02d:%02d %s", (int)(s / 3600), (int)(s / 60 % 60), date);
}

void local_stamp_vn(int64_t t, char out[32])
{
	char date[16];
	local_date_vn(t, date);
	int64_t s = local_second_of_day(t);
	snprintf(out, 32, "%02d:%02d:%02d %s", (int)(s / 3600), (int)(s / 60 % 60), (int)(s % 60), date);
}

void deadline_text(int64_t at, bool date_only, char out[32])
{
	if (date_only)
		local_date_vn(at, out);
	else
		local_time_vn(at, out);
}

int64_t deadline_days_left(int64_t deadline_at, int64_t now)
{
	return floor_div(deadline_at + LOCAL_UTC_OFFSET, DAY) - floor_div(now + LOCAL_UTC_OFFSET, DAY);
}

bool deadline_is_late(int64_t deadline_at, int64_t at)
{
	return at > deadline_at;
}
