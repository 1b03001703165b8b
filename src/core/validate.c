/*
 * validate.c — field checks shared by every core module.
 */
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

int validate_code(const char *s, const char *what, err *e)
{
	size_t n = s ? strlen(s) : 0;
	if (n == 0)
		return err_set(e, E_INVAL, "%s không được để trống", what);
	if (n > 64)
		return err_set(e, E_INVAL, "%s dài quá 64 ký tự", what);
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == '-'))
			return err_set(e, E_INVAL,
				       "%s chỉ được gồm chữ cái không dấu, chữ số và các dấu . _ -", what);
	}
	return 0;
}

int validate_name(const char *s, size_t max, const char *what, char **out, err *e)
{
	if (out)
		*out = NULL;
	if (!s)
		return err_set(e, E_INVAL, "%s không được để trống", what);
	char *clean = text_clean_line(s, strlen(s));
	if (!clean)
		return err_set(e, E_INVAL, "%s không phải văn bản UTF-8 hợp lệ", what);
	int rc = 0;
	size_t len = text_length(clean);
	if (len == 0)
		rc = err_set(e, E_INVAL, "%s không được để trống", what);
	else if (len > max)
		rc = err_set(e, E_INVAL, "%s dài quá %zu ký tự", what, max);
	if (rc == 0 && out)
		*out = clean;
	else
		free(clean);
	return rc;
}

static int days_in_month(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

int validate_date(const char *s, const char *what, err *e)
{
	int y, m, d;
	char tail;
	for (int i = 0; s && i < 10 && s[i]; i++)
		if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return err_set(e, E_INVAL, "%s phải là ngày hợp lệ dạng YYYY-MM-DD", what);
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || y < 1900 || y > 2200 || m < 1 ||
	    m > 12 || d < 1 || d > days_in_month(y, m))
		return err_set(e, E_INVAL, "%s phải là ngày hợp lệ dạng YYYY-MM-DD", what);
	return 0;
}

int validate_year(int64_t y, const char *what, err *e)
{
	if (y < 1945 || y > 2100)
		return err_set(e, E_INVAL, "%s phải là năm từ 1945 đến 2100", what);
	return 0;
}
