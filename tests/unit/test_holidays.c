/* Unit tests of src/core/holidays.c: Kazakhstan's days off 2024–2027 and CAL-7
 * working-day deadlines, on the default table and on caller-owned tables. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/holidays.h"

static struct date mk(int y, int m, int d)
{
	struct date r = { y, m, d };
	return r;
}

static const struct holiday_calendar *kz(void)
{
	return holiday_calendar_default();
}

/* add_working_days on `cal` from y-m-d by n must give the date `want`. */
static void check_add(const struct holiday_calendar *cal, struct date from, int n,
		      struct date want)
{
	struct date got = holiday_add_working_days(cal, from, n);

	if (date_compare(got, want) != 0)
		fail_msg("%04d-%02d-%02d + %d working days: got %04d-%02d-%02d, want "
			 "%04d-%02d-%02d", from.y, from.m, from.d, n, got.y, got.m, got.d,
			 want.y, want.m, want.d);
}

static void check_off(const struct holiday_calendar *cal, struct date d, int want)
{
	int got = holiday_is_day_off(cal, d);

	if (got != want)
		fail_msg("%04d-%02d-%02d: day off %d, want %d", d.y, d.m, d.d, got, want);
	assert_int_equal(holiday_is_working_day(cal, d), !want);
}

/* CAL-7: inside one working week nothing is skipped. */
static void test_cal7_plain_week(void **state)
{
	(void)state;
	check_add(kz(), mk(2026, 2, 2), 1, mk(2026, 2, 3));
	check_add(kz(), mk(2026, 2, 2), 3, mk(2026, 2, 5));
	check_add(kz(), mk(2026, 2, 2), 4, mk(2026, 2, 6));
}

/* CAL-7: Saturday and Sunday are skipped; Thursday + 1 stays in the week. */
static void test_cal7_across_weekend(void **state)
{
	(void)state;
	check_add(kz(), mk(2026, 2, 5), 1, mk(2026, 2, 6));
	check_add(kz(), mk(2026, 2, 5), 2, mk(2026, 2, 9));
	check_add(kz(), mk(2026, 2, 6), 1, mk(2026, 2, 9));
	check_add(kz(), mk(2026, 2, 7), 1, mk(2026, 2, 9)); /* from a Saturday */
	check_off(kz(), mk(2026, 2, 6), 0);
	check_off(kz(), mk(2026, 2, 7), 1);
	check_off(kz(), mk(2026, 2, 8), 1);
	check_off(kz(), mk(2026, 2, 9), 0);
}

/* CAL-7, n = 0: the day itself when it is a working day, else the next one. */
static void test_cal7_zero_days(void **state)
{
	(void)state;
	check_add(kz(), mk(2026, 2, 6), 0, mk(2026, 2, 6));
	check_add(kz(), mk(2026, 2, 7), 0, mk(2026, 2, 9));
	check_add(kz(), mk(2026, 2, 8), 0, mk(2026, 2, 9));
	check_add(kz(), mk(2026, 3, 21), 0, mk(2026, 3, 26)); /* Nauryz block */
	check_add(kz(), mk(2026, 2, 7), -5, mk(2026, 2, 9)); /* negative = 0 */
}

/* CAL-7: Nauryz 2026 — 21 Mar Saturday and 22 Sunday move past the 23rd (a
 * holiday itself) to the 24th and 25th. */
static void test_cal7_nauryz_2026_moves_past_holiday(void **state)
{
	(void)state;
	check_off(kz(), mk(2026, 3, 20), 0);
	for (int d = 21; d <= 25; d++)
		check_off(kz(), mk(2026, 3, d), 1);
	check_off(kz(), mk(2026, 3, 26), 0);
	check_add(kz(), mk(2026, 3, 19), 1, mk(2026, 3, 20));
	check_add(kz(), mk(2026, 3, 20), 1, mk(2026, 3, 26));
	/* The example of holidays.h: 3 working days from Friday 20 March 2026. */
	check_add(kz(), mk(2026, 3, 20), 3, mk(2026, 3, 30));
}

/* CAL-7: 8 March 2026 is a Sunday, the day off moves to Monday 9 March only. */
static void test_cal7_womens_day_2026_on_sunday_moves(void **state)
{
	(void)state;
	check_off(kz(), mk(2026, 3, 9), 1);
	check_off(kz(), mk(2026, 3, 10), 0);
	check_add(kz(), mk(2026, 3, 6), 1, mk(2026, 3, 10));
}

/* CAL-7 with a transfer: 2024-05-04 (Saturday) was worked, 2024-05-08 was off. */
static void test_cal7_transfer_2024_saturday_worked(void **state)
{
	struct holiday_calendar no_transfers = *kz();

	(void)state;
	check_off(kz(), mk(2024, 5, 4), 0);
	check_off(kz(), mk(2024, 5, 5), 1);
	check_off(kz(), mk(2024, 5, 8), 1);
	check_add(kz(), mk(2024, 5, 3), 1, mk(2024, 5, 4));
	check_add(kz(), mk(2024, 5, 3), 2, mk(2024, 5, 6));
	check_add(kz(), mk(2024, 5, 6), 1, mk(2024, 5, 10)); /* 7, 8, 9 May off */
	/* The same table without the transfer: the ordinary weekend. */
	no_transfers.transfers = NULL;
	no_transfers.n_transfers = 0;
	check_off(&no_transfers, mk(2024, 5, 4), 1);
	check_off(&no_transfers, mk(2024, 5, 8), 0);
	check_add(&no_transfers, mk(2024, 5, 3), 1, mk(2024, 5, 6));
	check_add(&no_transfers, mk(2024, 5, 6), 1, mk(2024, 5, 8));
}

/* CAL-7 with a transfer: Sunday 2025-01-05 was worked, Friday 2025-01-03 was off. */
static void test_cal7_transfer_2025_sunday_worked(void **state)
{
	(void)state;
	check_off(kz(), mk(2025, 1, 3), 1);
	check_off(kz(), mk(2025, 1, 4), 1);
	check_off(kz(), mk(2025, 1, 5), 0);
	check_add(kz(), mk(2024, 12, 31), 1, mk(2025, 1, 5));
	check_add(kz(), mk(2024, 12, 31), 2, mk(2025, 1, 6));
	check_add(kz(), mk(2024, 12, 31), 3, mk(2025, 1, 8)); /* 7 January off */
}

/* CAL-7 over New Year 2027: 1 January Friday, 2 January Saturday → Monday 4th. */
static void test_cal7_new_year_2027(void **state)
{
	(void)state;
	check_off(kz(), mk(2026, 12, 31), 0);
	check_off(kz(), mk(2027, 1, 1), 1);
	check_off(kz(), mk(2027, 1, 4), 1);
	check_off(kz(), mk(2027, 1, 5), 0);
	check_off(kz(), mk(2027, 1, 6), 0);
	check_off(kz(), mk(2027, 1, 7), 1);
	check_add(kz(), mk(2026, 12, 31), 1, mk(2027, 1, 5));
	check_add(kz(), mk(2026, 12, 31), 2, mk(2027, 1, 6));
	check_add(kz(), mk(2026, 12, 31), 3, mk(2027, 1, 8));
}

/* CAL-7: 7 January never moves — 2024-01-07 is a Sunday, Monday the 8th works;
 * the same table with 7 January made movable would give the 8th off. */
static void test_cal7_orthodox_christmas_on_weekend_does_not_move(void **state)
{
	const struct holiday_calendar *def = kz();
	struct holiday_rule rules[32];
	struct holiday_calendar movable = *def;

	(void)state;
	check_off(kz(), mk(2024, 1, 7), 1);
	check_off(kz(), mk(2024, 1, 8), 0);
	check_add(kz(), mk(2024, 1, 5), 1, mk(2024, 1, 8));
	check_off(kz(), mk(2023, 1, 9), 0); /* 7 January 2023, a Saturday */

	assert_true(def->n_rules <= sizeof rules / sizeof rules[0]);
	memcpy(rules, def->rules, def->n_rules * sizeof rules[0]);
	for (size_t i = 0; i < def->n_rules; i++)
		if (rules[i].month == 1 && rules[i].day == 7)
			rules[i].moves_if_weekend = 1;
	movable.rules = rules;
	check_off(&movable, mk(2024, 1, 8), 1);
}

/* CAL-7: the first day of Kurban Ait is a day off and never moves. */
static void test_cal7_kurban_ait(void **state)
{
	(void)state;
	check_off(kz(), mk(2026, 5, 27), 1); /* Wednesday */
	check_off(kz(), mk(2026, 5, 26), 0);
	check_off(kz(), mk(2026, 5, 28), 0);
	check_add(kz(), mk(2026, 5, 26), 1, mk(2026, 5, 28));
	check_off(kz(), mk(2025, 6, 6), 1); /* Friday */
	check_add(kz(), mk(2025, 6, 5), 1, mk(2025, 6, 9));
	check_off(kz(), mk(2024, 6, 17), 0); /* 16 June 2024 was a Sunday */
	check_add(kz(), mk(2024, 6, 14), 1, mk(2024, 6, 17));
	check_off(kz(), mk(2027, 5, 17), 0); /* 16 May 2027 is a Sunday */
	check_off(kz(), mk(2026, 5, 29), 0); /* no Kurban Ait from other years */
}

/* CAL-7: Constitution Day 30 August up to 2025 only. */
static void test_cal7_constitution_day_30_aug_2025_vs_2026(void **state)
{
	(void)state;
	check_off(kz(), mk(2024, 8, 30), 1); /* Friday */
	check_off(kz(), mk(2025, 9, 1), 1);  /* 30 Aug 2025 Saturday → Monday */
	check_off(kz(), mk(2025, 9, 2), 0);
	check_add(kz(), mk(2025, 8, 29), 1, mk(2025, 9, 2));
	check_off(kz(), mk(2026, 8, 31), 0); /* 30 Aug 2026 Sunday: no holiday */
	check_add(kz(), mk(2026, 8, 28), 1, mk(2026, 8, 31));
}

/* CAL-7: Constitution Day 15 March from 2027 only. */
static void test_cal7_constitution_day_15_mar_from_2027(void **state)
{
	(void)state;
	check_off(kz(), mk(2027, 3, 15), 1); /* Monday */
	check_add(kz(), mk(2027, 3, 12), 1, mk(2027, 3, 16));
	check_off(kz(), mk(2026, 3, 16), 0); /* 15 Mar 2026 Sunday: not yet */
	check_add(kz(), mk(2026, 3, 13), 1, mk(2026, 3, 16));
	check_off(kz(), mk(2028, 3, 15), 1);
}

/* CAL-7: other moves of 2026 and the end of 17 December as a holiday. */
static void test_cal7_other_holidays_2026(void **state)
{
	(void)state;
	check_off(kz(), mk(2026, 5, 11), 1);  /* 9 May Saturday → Monday */
	check_off(kz(), mk(2026, 5, 12), 0);
	check_off(kz(), mk(2026, 10, 26), 1); /* 25 Oct Sunday → Monday */
	check_off(kz(), mk(2026, 10, 27), 0);
	check_off(kz(), mk(2026, 12, 16), 1);
	check_off(kz(), mk(2026, 12, 17), 0);
	check_off(kz(), mk(2026, 7, 6), 1);
}

static void check_list(int year, const char *const *want, size_t n)
{
	struct date got[40];
	size_t count = holiday_list_year(kz(), year, got, 40);

	assert_int_equal(count, n);
	for (size_t i = 0; i < n; i++) {
		struct date w;
		char text[DATE_TEXT_SIZE];

		assert_int_equal(date_parse(want[i], &w), 0);
		date_format(got[i], text);
		if (date_compare(got[i], w) != 0)
			fail_msg("%d: item %zu is %s, want %s", year, i, text, want[i]);
	}
}

/* CAL-7 day lists, worked out by hand from rules.md and the decrees. */
static void test_cal7_list_years(void **state)
{
	static const char *const y2024[] = {
		"2024-01-01", "2024-01-02", "2024-03-08", "2024-03-21", "2024-03-22",
		"2024-03-25", "2024-05-01", "2024-05-07", "2024-05-08", "2024-05-09",
		"2024-07-08", "2024-08-30", "2024-10-25", "2024-12-16",
	};
	static const char *const y2025[] = {
		"2025-01-01", "2025-01-02", "2025-01-03", "2025-01-07", "2025-03-10",
		"2025-03-21", "2025-03-24", "2025-03-25", "2025-05-01", "2025-05-07",
		"2025-05-09", "2025-06-06", "2025-07-07", "2025-09-01", "2025-10-27",
		"2025-12-16",
	};
	static const char *const y2026[] = {
		"2026-01-01", "2026-01-02", "2026-01-07", "2026-03-09", "2026-03-23",
		"2026-03-24", "2026-03-25", "2026-05-01", "2026-05-07", "2026-05-11",
		"2026-05-27", "2026-07-06", "2026-10-26", "2026-12-16",
	};
	static const char *const y2027[] = {
		"2027-01-01", "2027-01-04", "2027-01-07", "2027-03-08", "2027-03-15",
		"2027-03-22", "2027-03-23", "2027-03-24", "2027-05-03", "2027-05-07",
		"2027-05-10", "2027-07-06", "2027-10-25", "2027-12-16",
	};

	(void)state;
	check_list(2024, y2024, sizeof y2024 / sizeof y2024[0]);
	check_list(2025, y2025, sizeof y2025 / sizeof y2025[0]);
	check_list(2026, y2026, sizeof y2026 / sizeof y2026[0]);
	check_list(2027, y2027, sizeof y2027 / sizeof y2027[0]);
}

static void test_cal7_list_year_cap(void **state)
{
	struct date got[3] = { { 0, 0, 0 }, { 0, 0, 0 }, { 7, 7, 7 } };

	(void)state;
	assert_int_equal(holiday_list_year(kz(), 2026, NULL, 0), 14);
	assert_int_equal(holiday_list_year(kz(), 2026, got, 2), 14);
	assert_int_equal(date_compare(got[0], mk(2026, 1, 1)), 0);
	assert_int_equal(date_compare(got[1], mk(2026, 1, 2)), 0);
	assert_int_equal(date_compare(got[2], mk(7, 7, 7)), 0); /* not written */
}

/* CAL-7 properties over 2024–2027: results are working days; n = 1 is the first
 * working day strictly after `from` (the same as n = 0 exactly when `from` is a
 * day off); each further n is later, and every day skipped is a day off. */
static void test_cal7_properties_every_day(void **state)
{
	(void)state;
	for (struct date d = mk(2024, 1, 1); d.y <= 2027; d = date_add_days(d, 1)) {
		struct date zero = holiday_add_working_days(kz(), d, 0);
		struct date prev = d;

		assert_true(holiday_is_working_day(kz(), zero));
		if (holiday_is_working_day(kz(), d))
			assert_int_equal(date_compare(zero, d), 0);
		else
			assert_int_equal(date_compare(zero, holiday_add_working_days(kz(), d, 1)), 0);
		for (int n = 1; n <= 3; n++) {
			struct date next = holiday_add_working_days(kz(), d, n);

			assert_true(date_compare(next, prev) > 0);
			assert_true(holiday_is_working_day(kz(), next));
			for (struct date g = date_add_days(prev, 1); date_compare(g, next) < 0;
			     g = date_add_days(g, 1))
				assert_true(holiday_is_day_off(kz(), g));
			prev = next;
		}
	}
}

/* A caller-owned table: rule years are inclusive on both ends. */
static void test_custom_rule_year_bounds(void **state)
{
	static const struct holiday_rule rules[] = { { 4, 15, 2025, 2026, 0, "Test day" } };
	struct holiday_calendar cal = { rules, 1, NULL, 0, NULL, 0 };

	(void)state;
	check_off(&cal, mk(2024, 4, 15), 0);
	check_off(&cal, mk(2025, 4, 15), 1);
	check_off(&cal, mk(2026, 4, 15), 1);
	check_off(&cal, mk(2027, 4, 15), 0);
}

static void test_custom_leap_day_rule(void **state)
{
	static const struct holiday_rule rules[] = { { 2, 29, 0, 0, 1, "Leap day" } };
	struct holiday_calendar cal = { rules, 1, NULL, 0, NULL, 0 };

	(void)state;
	check_off(&cal, mk(2024, 2, 29), 1);
	check_off(&cal, mk(2028, 2, 29), 1);
	check_off(&cal, mk(2025, 2, 28), 0);
	check_off(&cal, mk(2025, 3, 3), 0);
}

/* Moves cross the year: 31 Dec 2022 (Saturday) takes 3 January 2023, since
 * 1 January is a Sunday and 2 January a holiday; 1 January takes the 4th. */
static void test_custom_move_into_next_year(void **state)
{
	static const struct holiday_rule rules[] = {
		{ 12, 31, 0, 0, 1, "Year end" },
		{ 1, 1, 0, 0, 1, "New Year" },
		{ 1, 2, 0, 0, 1, "New Year" },
	};
	struct holiday_calendar cal = { rules, 3, NULL, 0, NULL, 0 };

	(void)state;
	check_off(&cal, mk(2023, 1, 2), 1);
	check_off(&cal, mk(2023, 1, 3), 1);
	check_off(&cal, mk(2023, 1, 4), 1);
	check_off(&cal, mk(2023, 1, 5), 0);
	check_add(&cal, mk(2022, 12, 30), 1, mk(2023, 1, 5));
}

/* Two holidays on one weekend date give a single moved day; a movable one-year
 * holiday moves, an unmovable one does not. */
static void test_custom_fixed_and_same_day(void **state)
{
	static const struct holiday_rule rules[] = {
		{ 6, 6, 0, 0, 1, "A" },
		{ 6, 6, 0, 0, 1, "B" },
	};
	static const struct holiday_fixed fixed[] = {
		{ { 2026, 6, 13 }, 1, "Movable" },
		{ { 2026, 6, 21 }, 0, "Unmovable" },
	};
	struct holiday_calendar cal = { rules, 2, fixed, 2, NULL, 0 };

	(void)state;
	check_off(&cal, mk(2026, 6, 8), 1); /* 6 June 2026 is a Saturday */
	check_off(&cal, mk(2026, 6, 9), 0);
	check_off(&cal, mk(2026, 6, 15), 1);
	check_off(&cal, mk(2026, 6, 16), 0);
	check_off(&cal, mk(2026, 6, 22), 0);
}

/* A transfer's working day wins even over a holiday. */
static void test_custom_transfer_beats_holiday(void **state)
{
	static const struct holiday_rule rules[] = { { 5, 1, 0, 0, 1, "Unity Day" } };
	static const struct holiday_transfer transfers[] = {
		{ { 2026, 5, 1 }, { 2026, 5, 4 } },
	};
	struct holiday_calendar cal = { rules, 1, NULL, 0, transfers, 1 };

	(void)state;
	check_off(&cal, mk(2026, 5, 1), 0);
	check_off(&cal, mk(2026, 5, 4), 1);
	check_off(&cal, mk(2025, 5, 1), 1); /* only that year (a Thursday) */
}

static void test_empty_calendar_weekends_only(void **state)
{
	struct holiday_calendar cal = { NULL, 0, NULL, 0, NULL, 0 };

	(void)state;
	check_off(&cal, mk(2026, 1, 1), 0);
	check_off(&cal, mk(2026, 1, 3), 1);
	assert_int_equal(holiday_list_year(&cal, 2026, NULL, 0), 0);
	assert_int_equal(holiday_calendar_check(&cal, NULL), 0);
}

/* A holiday is the day itself, whatever the weekday; moved days off are not (a school
 * that works on Saturdays asks this of a Saturday). */
static void test_public_holiday_on_the_day_itself(void **state)
{
	const struct holiday_calendar *kz = holiday_calendar_default();
	(void)state;
	assert_true(holiday_is_public_holiday(kz, mk(2027, 5, 1)));   /* a Saturday */
	assert_false(holiday_is_public_holiday(kz, mk(2027, 5, 3)));  /* its moved day off */
	assert_true(holiday_is_day_off(kz, mk(2027, 5, 3)));
	assert_true(holiday_is_public_holiday(kz, mk(2026, 12, 16)));
	assert_false(holiday_is_public_holiday(kz, mk(2026, 12, 17)));
	assert_true(holiday_is_public_holiday(kz, mk(2026, 5, 27)));  /* Kurban Ait, a fixed date */
	assert_false(holiday_is_public_holiday(kz, mk(2024, 5, 4)));  /* a transfer's working day */
}

static void test_calendar_check(void **state)
{
	struct holiday_rule rule = { 2, 29, 0, 0, 1, "Leap" };
	struct holiday_fixed fixed = { { 2026, 5, 27 }, 0, "Kurban Ait" };
	struct holiday_transfer tr = { { 2024, 5, 4 }, { 2024, 5, 8 } };
	struct holiday_calendar cal = { &rule, 1, &fixed, 1, &tr, 1 };
	const char *why = "unset";

	(void)state;
	assert_int_equal(holiday_calendar_check(kz(), &why), 0);
	assert_null(why);
	assert_int_equal(holiday_calendar_check(&cal, &why), 0);

	rule.day = 30; /* 30 February */
	assert_int_equal(holiday_calendar_check(&cal, &why), -1);
	assert_non_null(why);
	rule.month = 4;
	assert_int_equal(holiday_calendar_check(&cal, NULL), 0); /* 30 April */
	rule.day = 31;
	assert_int_equal(holiday_calendar_check(&cal, NULL), -1);
	rule.month = 13;
	rule.day = 1;
	assert_int_equal(holiday_calendar_check(&cal, NULL), -1);
	rule.month = 12;
	rule.from_year = 2027;
	rule.to_year = 2027;
	assert_int_equal(holiday_calendar_check(&cal, NULL), 0);
	rule.to_year = 2026;
	assert_int_equal(holiday_calendar_check(&cal, NULL), -1);
	rule.to_year = 0;
	assert_int_equal(holiday_calendar_check(&cal, NULL), 0);

	fixed.date.d = 32;
	assert_int_equal(holiday_calendar_check(&cal, NULL), -1);
	fixed.date.d = 27;
	tr.day_off = tr.working_day;
	assert_int_equal(holiday_calendar_check(&cal, NULL), -1);
	tr.day_off.m = 0;
	assert_int_equal(holiday_calendar_check(&cal, NULL), -1);
	tr.day_off = mk(2024, 5, 8);
	assert_int_equal(holiday_calendar_check(&cal, NULL), 0);
	cal.rules = NULL;
	assert_int_equal(holiday_calendar_check(&cal, &why), -1);
	assert_non_null(why);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cal7_plain_week),
		cmocka_unit_test(test_cal7_across_weekend),
		cmocka_unit_test(test_cal7_zero_days),
		cmocka_unit_test(test_cal7_nauryz_2026_moves_past_holiday),
		cmocka_unit_test(test_cal7_womens_day_2026_on_sunday_moves),
		cmocka_unit_test(test_cal7_transfer_2024_saturday_worked),
		cmocka_unit_test(test_cal7_transfer_2025_sunday_worked),
		cmocka_unit_test(test_cal7_new_year_2027),
		cmocka_unit_test(test_cal7_orthodox_christmas_on_weekend_does_not_move),
		cmocka_unit_test(test_cal7_kurban_ait),
		cmocka_unit_test(test_cal7_constitution_day_30_aug_2025_vs_2026),
		cmocka_unit_test(test_cal7_constitution_day_15_mar_from_2027),
		cmocka_unit_test(test_cal7_other_holidays_2026),
		cmocka_unit_test(test_cal7_list_years),
		cmocka_unit_test(test_cal7_list_year_cap),
		cmocka_unit_test(test_cal7_properties_every_day),
		cmocka_unit_test(test_custom_rule_year_bounds),
		cmocka_unit_test(test_custom_leap_day_rule),
		cmocka_unit_test(test_custom_move_into_next_year),
		cmocka_unit_test(test_custom_fixed_and_same_day),
		cmocka_unit_test(test_custom_transfer_beats_holiday),
		cmocka_unit_test(test_empty_calendar_weekends_only),
		cmocka_unit_test(test_public_holiday_on_the_day_itself),
		cmocka_unit_test(test_calendar_check),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
