/* Unit tests of core/daily_bounds.c (TT-1: a grade's daily minimum and maximum of lessons,
 * from the ЖОЖ): each bound of daily_bounds_check on both sides — the minimum at 1, the
 * minimum against the maximum, the maximum against the periods, the week against
 * min × days and max × days — and Mektep's default derived from the weekly hours. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/daily_bounds.h"

/* The codes daily_bounds_check gives, joined by spaces ("" when none). */
static const char *codes(int min, int max, int weekly, int days, int periods)
{
	static char text[200];
	struct daily_bounds_problem p[8];
	size_t n = daily_bounds_check((struct daily_bounds){min, max}, weekly, days, periods, p, 8);
	text[0] = 0;
	for (size_t i = 0; i < n && i < 8; i++) {
		if (i)
			strcat(text, " ");
		strcat(text, p[i].code);
	}
	return text;
}

/* TT-1: 5 days × 8 periods, 33 hours a week: 5..8 fits. */
static void tt1_bounds_that_fit(void **state)
{
	(void)state;
	assert_string_equal(codes(5, 8, 33, 5, 8), "");
	assert_string_equal(codes(6, 7, 33, 5, 8), "");
	assert_string_equal(codes(1, 1, 5, 5, 8), ""); /* one lesson a day, every day */
}

/* TT-1: the minimum is at least 1 (0 refused, 1 taken). */
static void tt1_min_at_least_one(void **state)
{
	(void)state;
	assert_string_equal(codes(0, 8, 33, 5, 8), "daily_min_below_one");
	assert_string_equal(codes(1, 8, 33, 5, 8), "");
}

/* TT-1: min ≤ max (equal taken, one above refused; a minimum above the maximum never
 * fits the week either: 7 × 5 = 35 > 30). */
static void tt1_min_not_above_max(void **state)
{
	(void)state;
	assert_string_equal(codes(7, 7, 35, 5, 8), "");
	assert_string_equal(codes(7, 6, 30, 5, 8), "daily_min_above_max daily_min_exceeds_week");
}

/* TT-1: max ≤ the periods of the day (8 taken, 9 refused). */
static void tt1_max_not_above_periods(void **state)
{
	(void)state;
	assert_string_equal(codes(5, 8, 33, 5, 8), "");
	assert_string_equal(codes(5, 9, 33, 5, 8), "daily_max_above_periods");
}

/* TT-1: min × days ≤ weekly hours: 6 × 5 = 30 ≤ 30 taken, ≤ 29 refused. */
static void tt1_min_times_days_within_week(void **state)
{
	(void)state;
	assert_string_equal(codes(6, 8, 30, 5, 8), "");
	assert_string_equal(codes(6, 8, 29, 5, 8), "daily_min_exceeds_week");
	/* on a six-day week the same minimum needs 36 */
	assert_string_equal(codes(6, 8, 36, 6, 8), "");
	assert_string_equal(codes(6, 8, 35, 6, 8), "daily_min_exceeds_week");
}

/* TT-1: max × days ≥ weekly hours: 5 × 5 = 25 < 28 refused (the brief's example), 6 × 5
 * = 30 ≥ 30 taken, < 31 refused. */
static void tt1_max_times_days_covers_week(void **state)
{
	(void)state;
	assert_string_equal(codes(4, 5, 28, 5, 8), "daily_max_below_week");
	assert_string_equal(codes(4, 6, 30, 5, 8), "");
	assert_string_equal(codes(4, 6, 31, 5, 8), "daily_max_below_week");
}

/* TT-1: every broken bound is listed at once, each at its field. */
static void tt1_every_problem_listed(void **state)
{
	(void)state;
	assert_string_equal(codes(0, 9, 40, 5, 8), "daily_min_below_one daily_max_above_periods");
	assert_string_equal(codes(9, 4, 33, 5, 8),
			    "daily_min_above_max daily_min_exceeds_week daily_max_below_week");
	struct daily_bounds_problem p[1];
	/* more problems than room: counted, the first kept */
	assert_int_equal(daily_bounds_check((struct daily_bounds){9, 4}, 33, 5, 8, p, 1), 3);
	assert_string_equal(p[0].field, "min_daily");
	assert_int_equal(daily_bounds_check((struct daily_bounds){4, 5}, 28, 5, 8, p, 1), 1);
	assert_string_equal(p[0].field, "max_daily");
}

/* TT-1, Mektep's default: ⌊h / days⌋ − 1 … ⌈h / days⌉ + 1, within 1 and the periods. */
static void tt1_default_from_weekly_hours(void **state)
{
	(void)state;
	struct daily_bounds b = daily_bounds_default(33, 33, 5, 8);
	assert_int_equal(b.min, 5); /* ⌊33/5⌋ − 1 */
	assert_int_equal(b.max, 8); /* ⌈33/5⌉ + 1 = 8 */
	b = daily_bounds_default(30, 30, 5, 8);
	assert_int_equal(b.min, 5);
	assert_int_equal(b.max, 7); /* 30/5 exactly: 6 + 1 */
	b = daily_bounds_default(31, 31, 5, 8);
	assert_int_equal(b.max, 8);
	/* capped by the periods: ⌈38/5⌉ + 1 = 9 > 8 */
	b = daily_bounds_default(38, 38, 5, 8);
	assert_int_equal(b.min, 6);
	assert_int_equal(b.max, 8);
	/* fewest and most of the sets of students of a grade */
	b = daily_bounds_default(28, 36, 6, 8);
	assert_int_equal(b.min, 3); /* ⌊28/6⌋ − 1 */
	assert_int_equal(b.max, 7); /* ⌈36/6⌉ + 1 */
	/* at least 1 once the week fills every day; 0 when it cannot (4 hours, 5 days) */
	assert_int_equal(daily_bounds_default(5, 5, 5, 8).min, 1);
	assert_int_equal(daily_bounds_default(9, 9, 5, 8).min, 1);
	assert_int_equal(daily_bounds_default(4, 4, 5, 8).min, 0);
	/* no hours: no minimum, the day's periods */
	b = daily_bounds_default(0, 0, 5, 8);
	assert_int_equal(b.min, 0);
	assert_int_equal(b.max, 8);
}

/* TT-1: the default of a grade passes the check for its own weekly hours. */
static void tt1_default_passes_check(void **state)
{
	(void)state;
	for (int days = 5; days <= 6; days++)
		for (int periods = 6; periods <= 10; periods++)
			for (int h = days; h <= days * periods; h++) {
				struct daily_bounds b = daily_bounds_default(h, h, days, periods);
				assert_int_equal(daily_bounds_check(b, h, days, periods, NULL, 0), 0);
			}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tt1_bounds_that_fit),
		cmocka_unit_test(tt1_min_at_least_one),
		cmocka_unit_test(tt1_min_not_above_max),
		cmocka_unit_test(tt1_max_not_above_periods),
		cmocka_unit_test(tt1_min_times_days_within_week),
		cmocka_unit_test(tt1_max_times_days_covers_week),
		cmocka_unit_test(tt1_every_problem_listed),
		cmocka_unit_test(tt1_default_from_weekly_hours),
		cmocka_unit_test(tt1_default_passes_check),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
