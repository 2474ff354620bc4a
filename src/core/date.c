/* Civil dates: strict ISO text forms, day counts since 1970-01-01 (H. Hinnant's
 * days_from_civil / civil_from_days), weekdays and ISO 8601 weeks. */
#include "core/date.h"

#include <stddef.h>

int date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && date_is_leap(y))
		return 29;
	return days[m - 1];
}

int date_valid(struct date d)
{
	return d.m >= 1 && d.m <= 12 && d.d >= 1 && d.d <= date_days_in_month(d.y, d.m);
}

/* Reads `n` ASCII digits at `s` into *out; 0, or -1 at the first non-digit. */
static int read_digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int date_parse(const char *text, struct date *out)
{
	struct date d;

	if (!text)
		return -1;
	/* Checking each position in order also stops at an early NUL. */
	if (read_digits(text, 4, &d.y) || text[4] != '-' ||
	    read_digits(text + 5, 2, &d.m) || text[7] != '-' ||
	    read_digits(text + 8, 2, &d.d) || text[10] != '\0')
		return -1;
	if (d.y < DATE_MIN_YEAR || d.y > DATE_MAX_YEAR || !date_valid(d))
		return -1;
	*out = d;
	return 0;
}

/* Writes `v` (0 <= v < 10^n) as exactly `n` digits at `out`. */
static void write_digits(char *out, int v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		out[i] = (char)('0' + v % 10);
		v /= 10;
	}
}

int date_format(struct date d, char out[DATE_TEXT_SIZE])
{
	if (!date_valid(d) || d.y < 0 || d.y > 9999) {
		out[0] = '\0';
		return -1;
	}
	write_digits(out, d.y, 4);
	out[4] = '-';
	write_digits(out + 5, d.m, 2);
	out[7] = '-';
	write_digits(out + 8, d.d, 2);
	out[10] = '\0';
	return 0;
}

/*
 * The year is shifted to start on 1 March, so the leap day is the last day of
 * the shifted year; an "era" is a 400-year cycle of 146097 days.
 */
int64_t date_to_days(struct date d)
{
	int64_t y = (int64_t)d.y - (d.m <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;                                   /* 0..399 */
	int64_t doy = (153 * (d.m > 2 ? d.m - 3 : d.m + 9) + 2) / 5 + d.d - 1; /* 0..365 */
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;             /* 0..146096 */

	return era * 146097 + doe - 719468;
}

struct date date_from_days(int64_t days)
{
	int64_t z = days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	struct date r;

	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(yoe + era * 400 + (r.m <= 2));
	return r;
}

struct date date_add_days(struct date d, int64_t n)
{
	return date_from_days(date_to_days(d) + n);
}

int date_weekday(struct date d)
{
	/* 1970-01-01 was a Thursday: day 0 has index 3 counting Monday as 0. */
	int64_t r = (date_to_days(d) + 3) % 7;

	if (r < 0)
		r += 7;
	return (int)r + 1;
}

int date_compare(struct date a, struct date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

/* Monday of ISO week 1: the week that holds 4 January. */
static int64_t iso_week1_monday(int iso_year)
{
	struct date jan4 = { iso_year, 1, 4 };

	return date_to_days(jan4) - (date_weekday(jan4) - 1);
}

int date_iso_weeks_in_year(int iso_year)
{
	/* A year has 53 weeks when it starts on a Thursday, or on a Wednesday in a
	 * leap year; equivalently when 28 December (always in the last week) falls
	 * 52 full weeks after week 1's Monday. */
	struct date dec28 = { iso_year, 12, 28 };

	return (int)((date_to_days(dec28) - iso_week1_monday(iso_year)) / 7) + 1;
}

void date_iso_week(struct date d, int *iso_year, int *week)
{
	/* The ISO year of a date is the calendar year of that week's Thursday. */
	struct date thu = date_add_days(d, 4 - date_weekday(d));
	struct date jan1 = { thu.y, 1, 1 };

	*iso_year = thu.y;
	*week = (int)((date_to_days(thu) - date_to_days(jan1)) / 7) + 1;
}

int date_from_iso_week(int iso_year, int week, struct date *monday)
{
	if (iso_year < DATE_MIN_YEAR || iso_year > DATE_MAX_YEAR)
		return -1;
	if (week < 1 || week > date_iso_weeks_in_year(iso_year))
		return -1;
	*monday = date_from_days(iso_week1_monday(iso_year) + 7 * (int64_t)(week - 1));
	return 0;
}

int date_parse_iso_week(const char *text, int *iso_year, int *week)
{
	int y, w;
	struct date monday;

	if (!text)
		return -1;
	if (read_digits(text, 4, &y) || text[4] != '-' || text[5] != 'W' ||
	    read_digits(text + 6, 2, &w) || text[8] != '\0')
		return -1;
	if (date_from_iso_week(y, w, &monday))
		return -1;
	*iso_year = y;
	*week = w;
	return 0;
}
