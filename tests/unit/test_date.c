/* Unit tests of src/core/date.c: strict parsing, formatting, day counts, weekdays
 * and ISO weeks (the calendar arithmetic under CAL-7 deadlines). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/date.h"

static struct date mk(int y, int m, int d)
{
	struct date r = { y, m, d };
	return r;
}

static void assert_date(struct date got, int y, int m, int d)
{
	assert_int_equal(got.y, y);
	assert_int_equal(got.m, m);
	assert_int_equal(got.d, d);
}

/* The next day, written independently of date.c (its own month lengths). */
static struct date next_day_ref(struct date d)
{
	static const int mdays[13] = { 0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (d.y % 4 == 0 && d.y % 100 != 0) || d.y % 400 == 0;
	int len = d.m == 2 && leap ? 29 : mdays[d.m];

	if (++d.d > len) {
		d.d = 1;
		if (++d.m > 12) {
			d.m = 1;
			d.y++;
		}
	}
	return d;
}

static void test_parse_accepts_valid_dates(void **state)
{
	struct date d;

	(void)state;
	assert_int_equal(date_parse("2026-02-28", &d), 0);
	assert_date(d, 2026, 2, 28);
	assert_int_equal(date_parse("2024-02-29", &d), 0); /* leap year */
	assert_date(d, 2024, 2, 29);
	assert_int_equal(date_parse("2000-02-29", &d), 0); /* divisible by 400 */
	assert_int_equal(date_parse("2026-12-31", &d), 0);
	assert_date(d, 2026, 12, 31);
	assert_int_equal(date_parse("2026-04-30", &d), 0);
}

static void test_parse_rejects_impossible_days(void **state)
{
	struct date d = mk(1, 1, 1);

	(void)state;
	assert_int_equal(date_parse("2026-02-29", &d), -1); /* not a leap year */
	assert_int_equal(date_parse("2026-02-30", &d), -1);
	assert_int_equal(date_parse("1900-02-29", &d), -1); /* century, not leap */
	assert_int_equal(date_parse("2026-04-31", &d), -1);
	assert_int_equal(date_parse("2026-01-32", &d), -1);
	assert_int_equal(date_parse("2026-01-00", &d), -1);
	assert_int_equal(date_parse("2026-00-10", &d), -1);
	assert_int_equal(date_parse("2026-13-01", &d), -1);
	assert_date(d, 1, 1, 1); /* untouched on failure */
}

static void test_parse_year_range_both_sides(void **state)
{
	struct date d;

	(void)state;
	assert_int_equal(date_parse("1899-12-31", &d), -1);
	assert_int_equal(date_parse("1900-01-01", &d), 0);
	assert_date(d, 1900, 1, 1);
	assert_int_equal(date_parse("2200-12-31", &d), 0);
	assert_int_equal(date_parse("2201-01-01", &d), -1);
	assert_int_equal(date_parse("0000-01-01", &d), -1);
}

static void test_parse_rejects_bad_shapes(void **state)
{
	static const char *const bad[] = {
		"", "2026", "2026-1-01", "2026-01-1", "26-01-01", "2026-01-01x",
		"2026-01-01 ", " 2026-01-01", "2026/01/01", "2026-01-01T00:00",
		"+026-01-01", "2026-0a-01", "20260101", "2026--1-01", "2026-01-0\n",
	};
	struct date d;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (date_parse(bad[i], &d) != -1)
			fail_msg("accepted \"%s\"", bad[i]);
	}
	assert_int_equal(date_parse(NULL, &d), -1);
}

static void test_format(void **state)
{
	char buf[DATE_TEXT_SIZE];

	(void)state;
	assert_int_equal(date_format(mk(2026, 3, 5), buf), 0);
	assert_string_equal(buf, "2026-03-05");
	assert_int_equal(date_format(mk(987, 12, 31), buf), 0);
	assert_string_equal(buf, "0987-12-31");
	assert_int_equal(date_format(mk(9999, 1, 1), buf), 0);
	assert_string_equal(buf, "9999-01-01");
	assert_int_equal(date_format(mk(10000, 1, 1), buf), -1);
	assert_string_equal(buf, "");
	assert_int_equal(date_format(mk(-1, 1, 1), buf), -1);
	assert_int_equal(date_format(mk(2026, 2, 29), buf), -1);
	assert_string_equal(buf, "");
}

static void test_parse_format_round_trip(void **state)
{
	char buf[DATE_TEXT_SIZE];
	struct date d;

	(void)state;
	assert_int_equal(date_parse("2027-03-15", &d), 0);
	assert_int_equal(date_format(d, buf), 0);
	assert_string_equal(buf, "2027-03-15");
}

static void test_leap_years(void **state)
{
	(void)state;
	assert_true(date_is_leap(2024));
	assert_false(date_is_leap(2026));
	assert_false(date_is_leap(1900));
	assert_true(date_is_leap(2000));
	assert_false(date_is_leap(2100));
	assert_true(date_is_leap(2400));
}

static void test_days_in_month(void **state)
{
	(void)state;
	assert_int_equal(date_days_in_month(2026, 1), 31);
	assert_int_equal(date_days_in_month(2026, 2), 28);
	assert_int_equal(date_days_in_month(2024, 2), 29);
	assert_int_equal(date_days_in_month(2026, 4), 30);
	assert_int_equal(date_days_in_month(2026, 12), 31);
	assert_int_equal(date_days_in_month(2026, 0), 0);
	assert_int_equal(date_days_in_month(2026, 13), 0);
}

/* Unix epoch facts: 946684800 s = 2000-01-01, 2^31 s falls on 2038-01-19,
 * 1900-01-01 is 2208988800 s (the NTP offset) before the epoch. */
static void test_days_known_values(void **state)
{
	(void)state;
	assert_int_equal(date_to_days(mk(1970, 1, 1)), 0);
	assert_int_equal(date_to_days(mk(1969, 12, 31)), -1);
	assert_int_equal(date_to_days(mk(2000, 1, 1)), 946684800 / 86400);
	assert_int_equal(date_to_days(mk(2038, 1, 19)), 2147483648LL / 86400);
	assert_int_equal(date_to_days(mk(1900, 1, 1)), -2208988800LL / 86400);
	assert_date(date_from_days(0), 1970, 1, 1);
	assert_date(date_from_days(-1), 1969, 12, 31);
	assert_date(date_from_days(946684800 / 86400), 2000, 1, 1);
}

/* Every day 1900..2200 against an independent day-by-day walk. */
static void test_days_round_trip_every_day(void **state)
{
	struct date d = mk(DATE_MIN_YEAR, 1, 1);
	int64_t n = date_to_days(d);

	(void)state;
	while (d.y <= DATE_MAX_YEAR) {
		struct date back = date_from_days(n);

		if (date_to_days(d) != n || date_compare(back, d) != 0)
			fail_msg("mismatch at %d-%d-%d", d.y, d.m, d.d);
		d = next_day_ref(d);
		n++;
	}
	assert_int_equal(d.y, DATE_MAX_YEAR + 1);
}

static void test_add_days_across_boundaries(void **state)
{
	(void)state;
	assert_date(date_add_days(mk(2024, 2, 28), 1), 2024, 2, 29);
	assert_date(date_add_days(mk(2024, 2, 28), 2), 2024, 3, 1);
	assert_date(date_add_days(mk(2026, 2, 28), 1), 2026, 3, 1);
	assert_date(date_add_days(mk(2025, 12, 31), 1), 2026, 1, 1);
	assert_date(date_add_days(mk(2026, 1, 1), -1), 2025, 12, 31);
	assert_date(date_add_days(mk(2026, 3, 20), 0), 2026, 3, 20);
	assert_date(date_add_days(mk(2024, 1, 1), 366), 2025, 1, 1);
	assert_date(date_add_days(mk(2025, 1, 1), 365), 2026, 1, 1);
}

static void test_weekday(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(mk(1970, 1, 1)), 4); /* Thursday */
	assert_int_equal(date_weekday(mk(1969, 12, 29)), 1); /* Monday, before day 0 */
	assert_int_equal(date_weekday(mk(1900, 1, 1)), 1);
	assert_int_equal(date_weekday(mk(2000, 1, 1)), 6);
	assert_int_equal(date_weekday(mk(2026, 3, 21)), 6); /* Nauryz 2026: Saturday */
	assert_int_equal(date_weekday(mk(2026, 3, 22)), 7);
	assert_int_equal(date_weekday(mk(2026, 3, 23)), 1);
}

static void test_weekday_steps_by_one(void **state)
{
	struct date d = mk(2020, 1, 1);
	int prev = date_weekday(d);

	(void)state;
	for (int i = 0; i < 3000; i++) {
		int w;

		d = next_day_ref(d);
		w = date_weekday(d);
		assert_int_equal(w, prev == 7 ? 1 : prev + 1);
		prev = w;
	}
}

static void test_compare(void **state)
{
	(void)state;
	assert_int_equal(date_compare(mk(2026, 1, 1), mk(2026, 1, 1)), 0);
	assert_int_equal(date_compare(mk(2026, 1, 1), mk(2026, 1, 2)), -1);
	assert_int_equal(date_compare(mk(2026, 1, 2), mk(2026, 1, 1)), 1);
	assert_int_equal(date_compare(mk(2025, 12, 31), mk(2026, 1, 1)), -1);
	assert_int_equal(date_compare(mk(2026, 2, 1), mk(2026, 1, 31)), 1);
}

static void check_iso(struct date d, int want_year, int want_week)
{
	int y = 0, w = 0;

	date_iso_week(d, &y, &w);
	assert_int_equal(y, want_year);
	assert_int_equal(w, want_week);
}

static void test_iso_week_known(void **state)
{
	(void)state;
	check_iso(mk(2026, 1, 1), 2026, 1);    /* Thursday: week 1 */
	check_iso(mk(2025, 12, 29), 2026, 1);  /* Monday of 2026-W01 */
	check_iso(mk(2025, 12, 28), 2025, 52); /* the Sunday before */
	check_iso(mk(2021, 1, 1), 2020, 53);   /* Friday: last week of 2020 */
	check_iso(mk(2021, 1, 4), 2021, 1);
	check_iso(mk(2024, 12, 30), 2025, 1);
	check_iso(mk(2026, 11, 23), 2026, 48);
	check_iso(mk(2026, 11, 22), 2026, 47);
	check_iso(mk(2026, 12, 31), 2026, 53);
	check_iso(mk(2027, 1, 3), 2026, 53);
	check_iso(mk(2027, 1, 4), 2027, 1);
}

static void test_iso_weeks_in_year(void **state)
{
	(void)state;
	assert_int_equal(date_iso_weeks_in_year(2026), 53); /* starts on Thursday */
	assert_int_equal(date_iso_weeks_in_year(2020), 53); /* leap, starts Wednesday */
	assert_int_equal(date_iso_weeks_in_year(2025), 52); /* starts Wednesday, not leap */
	assert_int_equal(date_iso_weeks_in_year(2024), 52);
	assert_int_equal(date_iso_weeks_in_year(2027), 52);
}

static void test_from_iso_week(void **state)
{
	struct date m = mk(1, 1, 1);

	(void)state;
	assert_int_equal(date_from_iso_week(2026, 48, &m), 0);
	assert_date(m, 2026, 11, 23);
	assert_int_equal(date_from_iso_week(2026, 1, &m), 0);
	assert_date(m, 2025, 12, 29);
	assert_int_equal(date_from_iso_week(2026, 53, &m), 0);
	assert_date(m, 2026, 12, 28);
	assert_int_equal(date_from_iso_week(2025, 52, &m), 0);
	assert_date(m, 2025, 12, 22);
	m = mk(1, 1, 1);
	assert_int_equal(date_from_iso_week(2025, 53, &m), -1); /* 2025 has 52 weeks */
	assert_int_equal(date_from_iso_week(2026, 0, &m), -1);
	assert_int_equal(date_from_iso_week(2026, 54, &m), -1);
	assert_int_equal(date_from_iso_week(1899, 10, &m), -1);
	assert_int_equal(date_from_iso_week(2201, 10, &m), -1);
	assert_date(m, 1, 1, 1);
	assert_int_equal(date_from_iso_week(1900, 1, &m), 0);
	assert_date(m, 1900, 1, 1);
}

/* Every day 1900..2200: its week's Monday is 0..6 days before it, on a Monday,
 * and gives back the same week. */
static void test_iso_week_round_trip_every_day(void **state)
{
	struct date d = mk(DATE_MIN_YEAR, 1, 1);

	(void)state;
	for (; d.y <= DATE_MAX_YEAR; d = next_day_ref(d)) {
		int y, w, y2, w2;
		struct date mon;
		int64_t gap;

		date_iso_week(d, &y, &w);
		if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR)
			continue;
		assert_int_equal(date_from_iso_week(y, w, &mon), 0);
		gap = date_to_days(d) - date_to_days(mon);
		if (gap != date_weekday(d) - 1 || date_weekday(mon) != 1)
			fail_msg("bad Monday for %d-%d-%d", d.y, d.m, d.d);
		date_iso_week(mon, &y2, &w2);
		if (y2 != y || w2 != w)
			fail_msg("week changed for %d-%d-%d", d.y, d.m, d.d);
	}
	assert_int_equal(d.y, DATE_MAX_YEAR + 1);
}

static void test_parse_iso_week(void **state)
{
	static const char *const bad[] = {
		"2026-W00", "2026-W54", "2025-W53", "2026-W1", "2026-W001", "2026W48",
		"2026-w48", "2026-48", "2026-W48 ", "1899-W10", "2201-W10", "",
	};
	int y = 0, w = 0;

	(void)state;
	assert_int_equal(date_parse_iso_week("2026-W48", &y, &w), 0);
	assert_int_equal(y, 2026);
	assert_int_equal(w, 48);
	assert_int_equal(date_parse_iso_week("2026-W53", &y, &w), 0);
	assert_int_equal(w, 53);
	assert_int_equal(date_parse_iso_week("2025-W52", &y, &w), 0);
	assert_int_equal(date_parse_iso_week("2026-W01", &y, &w), 0);
	assert_int_equal(w, 1);
	y = w = 0;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (date_parse_iso_week(bad[i], &y, &w) != -1)
			fail_msg("accepted \"%s\"", bad[i]);
	}
	assert_int_equal(date_parse_iso_week(NULL, &y, &w), -1);
	assert_int_equal(y, 0);
	assert_int_equal(w, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_accepts_valid_dates),
		cmocka_unit_test(test_parse_rejects_impossible_days),
		cmocka_unit_test(test_parse_year_range_both_sides),
		cmocka_unit_test(test_parse_rejects_bad_shapes),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_parse_format_round_trip),
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_days_in_month),
		cmocka_unit_test(test_days_known_values),
		cmocka_unit_test(test_days_round_trip_every_day),
		cmocka_unit_test(test_add_days_across_boundaries),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_weekday_steps_by_one),
		cmocka_unit_test(test_compare),
		cmocka_unit_test(test_iso_week_known),
		cmocka_unit_test(test_iso_weeks_in_year),
		cmocka_unit_test(test_from_iso_week),
		cmocka_unit_test(test_iso_week_round_trip_every_day),
		cmocka_unit_test(test_parse_iso_week),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
