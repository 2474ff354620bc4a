/* Civil dates (proleptic Gregorian): parsing, formatting, day arithmetic, weekdays
 * and ISO weeks. Pure functions: no clock, no time zones, no allocation. */
#ifndef MEKTEP_CORE_DATE_H
#define MEKTEP_CORE_DATE_H

#include <stdint.h>

/*
 * A civil date. Invariants of a *valid* date (see date_valid()): 1 <= m <= 12 and
 * 1 <= d <= date_days_in_month(y, m). Any year is allowed in arithmetic; the
 * text forms (date_parse(), date_parse_iso_week()) accept only the years
 * DATE_MIN_YEAR..DATE_MAX_YEAR. Functions that take a struct date expect a valid
 * one unless they say otherwise. Plain value: copy it freely, nothing to free.
 *
 * Arithmetic is exact for years within about ±5,000,000; beyond that the int
 * fields overflow (caller's responsibility).
 */
struct date {
	int y; /* year, e.g. 2026 */
	int m; /* month, 1..12 */
	int d; /* day of the month, 1..31 */
};

#define DATE_MIN_YEAR 1900
#define DATE_MAX_YEAR 2200

/* Length of "YYYY-MM-DD" plus the NUL. */
#define DATE_TEXT_SIZE 11

/* 1 if `y` is a Gregorian leap year (divisible by 4, not by 100 unless by 400). */
int date_is_leap(int y);

/* Days in month `m` of year `y` (28..31), or 0 when `m` is not 1..12. */
int date_days_in_month(int y, int m);

/* 1 if month and day are in range for the year (any year), else 0. */
int date_valid(struct date d);

/*
 * Parse exactly "YYYY-MM-DD": four digits, '-', two digits, '-', two digits and
 * nothing else (no sign, no spaces, no trailing characters). The date must exist
 * (2026-02-30 does not) and the year must be DATE_MIN_YEAR..DATE_MAX_YEAR.
 * Returns 0 and writes *out, or -1 and leaves *out untouched. `text` may be NULL
 * (then -1); `out` must not be NULL.
 */
int date_parse(const char *text, struct date *out);

/*
 * Write `d` as "YYYY-MM-DD" and a NUL into `out` (the caller's buffer of at
 * least DATE_TEXT_SIZE bytes). Returns 0, or -1 when `d` is not valid or its
 * year is outside 0..9999; on -1 `out` holds the empty string.
 */
int date_format(struct date d, char out[DATE_TEXT_SIZE]);

/* Days since 1970-01-01 (negative before it). `d` must be valid. */
int64_t date_to_days(struct date d);

/* The date `days` days after 1970-01-01; always a valid date. */
struct date date_from_days(int64_t days);

/* The date `n` days after `d` (before it when `n` < 0). */
struct date date_add_days(struct date d, int64_t n);

/* ISO weekday of a valid date: 1 = Monday … 6 = Saturday, 7 = Sunday. */
int date_weekday(struct date d);

/* -1, 0 or 1 as `a` is before, equal to or after `b` (field by field; works for
 * any values, valid or not). */
int date_compare(struct date a, struct date b);

/* Number of ISO weeks (52 or 53) of ISO year `iso_year`. */
int date_iso_weeks_in_year(int iso_year);

/*
 * ISO 8601 week of a valid date: weeks start on Monday and week 1 is the week
 * holding the year's first Thursday, so 2021-01-01 is in 2020-W53 and
 * 2024-12-30 in 2025-W01. Writes *iso_year and *week (1..53); neither may be NULL.
 */
void date_iso_week(struct date d, int *iso_year, int *week);

/*
 * The Monday of ISO week `week` of `iso_year`. Returns 0 and writes *monday, or
 * -1 (leaving *monday untouched) when `iso_year` is outside
 * DATE_MIN_YEAR..DATE_MAX_YEAR or the year has no such week (week < 1, week > 53,
 * or week 53 of a 52-week year such as 2025).
 */
int date_from_iso_week(int iso_year, int week, struct date *monday);

/*
 * Parse exactly "YYYY-Www" (e.g. "2026-W48"; capital W, two-digit week). The week
 * must exist in that ISO year, the year must be DATE_MIN_YEAR..DATE_MAX_YEAR.
 * Returns 0 and writes *iso_year and *week, or -1 and writes nothing. `text` may
 * be NULL (then -1).
 */
int date_parse_iso_week(const char *text, int *iso_year, int *week);

#endif
