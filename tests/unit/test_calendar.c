/* Unit tests of src/core/calendar.c: the structure of an academic year (CAL-1) and
 * the counted rules CAL-2 (study weeks, each level without its own external
 * assessment), CAL-3 (holiday days) and CAL-4 (summer), each boundary from both sides. The base year is the demo network's NIS year
 * 2026–2027: 171 study days (34.2 weeks), 32 holiday days, a summer of 98 days. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/calendar.h"

static struct date mk(int y, int m, int d)
{
	struct date r = {y, m, d};
	return r;
}

static struct calendar_period span(struct date a, struct date b)
{
	struct calendar_period p = {a, b};
	return p;
}

/* The NIS year 2026–2027 in quarters, basic level only. */
static struct calendar_year nis_year(void)
{
	struct calendar_year y;
	memset(&y, 0, sizeof y);
	y.starts_on = mk(2026, 9, 1);
	y.ends_on = mk(2027, 5, 25);
	y.type = CALENDAR_QUARTERS;
	y.n_terms = 4;
	y.terms[0] = span(mk(2026, 9, 1), mk(2026, 10, 23));
	y.terms[1] = span(mk(2026, 11, 3), mk(2026, 12, 29));
	y.terms[2] = span(mk(2027, 1, 11), mk(2027, 3, 19));
	y.terms[3] = span(mk(2027, 3, 30), mk(2027, 5, 25));
	y.n_holidays = 3;
	y.holidays[0] = span(mk(2026, 10, 24), mk(2026, 11, 2));  /* autumn, 10 days */
	y.holidays[1] = span(mk(2026, 12, 30), mk(2027, 1, 10));  /* winter, 12 days */
	y.holidays[2] = span(mk(2027, 3, 20), mk(2027, 3, 29));   /* spring, 10 days */
	y.levels = CALENDAR_LEVEL_BIT(LEVEL_BASIC);
	return y;
}

/* The problems of y (at most CALENDAR_MAX_PROBLEMS). */
static size_t check(const struct calendar_year *y, struct calendar_problem *out)
{
	size_t n = calendar_check(y, out, CALENDAR_MAX_PROBLEMS);
	assert_true(n <= CALENDAR_MAX_PROBLEMS);
	return n;
}

/* Asserts that y has exactly one problem, with this rule, code and field. */
static const struct calendar_problem *only(const struct calendar_year *y, const char *rule,
					   const char *code, const char *field)
{
	static struct calendar_problem p[CALENDAR_MAX_PROBLEMS];
	size_t n = check(y, p);
	if (n != 1)
		fail_msg("want 1 problem (%s %s), got %zu, the first %s %s %s", rule, code, n,
			 n ? p[0].rule : "-", n ? p[0].code : "-", n ? p[0].field : "-");
	assert_string_equal(p[0].rule, rule);
	assert_string_equal(p[0].code, code);
	assert_string_equal(p[0].field, field);
	return &p[0];
}

/* Asserts the amounts a counting problem carries. */
static void amounts_are(const struct calendar_problem *p, int64_t have, int64_t need,
			const char *unit)
{
	assert_int_equal(p->have, have);
	assert_int_equal(p->need, need);
	assert_string_equal(p->unit, unit);
}

static void fine(const struct calendar_year *y)
{
	struct calendar_problem p[CALENDAR_MAX_PROBLEMS];
	size_t n = check(y, p);
	if (n)
		fail_msg("want no problem, got %zu: %s %s %s", n, p[0].rule, p[0].code, p[0].field);
}

/* --- the measures of the base year --- */

static void test_measure_nis_year(void **state)
{
	(void)state;
	struct calendar_year y = nis_year();
	struct calendar_figures f;
	calendar_measure(&y, &f);
	assert_int_equal(f.study_days, 171);
	assert_int_equal(f.study_days_basic, 171);
	assert_int_equal(f.study_days_high, 171);
	assert_int_equal(f.holiday_days, 32);
	assert_int_equal(date_compare(f.summer_until, mk(2027, 9, 1)), 0);
	assert_int_equal(f.summer_days, 98);
	assert_int_equal(f.summer_days_senior, 98);
	fine(&y);
	y.levels = 0; /* all levels: primary's 35 weeks are not reached */
	const struct calendar_problem *p = only(&y, "CAL-2", "calendar_study_weeks_primary", "terms");
	assert_int_equal(p->level, LEVEL_PRIMARY);
	amounts_are(p, 171, 175, "study_days");
}

/* Study days are counted once however terms overlap, and holidays inside a term
 * are taken out. */
static void test_measure_counts_each_day_once(void **state)
{
	(void)state;
	struct calendar_year y = nis_year();
	struct calendar_figures f;
	y.terms[1].starts_on = mk(2026, 10, 19); /* overlaps term 1 by a week */
	calendar_measure(&y, &f);
	assert_int_equal(f.study_days, 171);
	y = nis_year();
	y.n_holidays = 4;
	y.holidays[3] = span(mk(2027, 2, 8), mk(2027, 2, 14)); /* an extra week in February */
	calendar_measure(&y, &f);
	assert_int_equal(f.study_days, 166);
	assert_int_equal(f.holiday_days, 39);
}

/* --- CAL-1 --- */

static void test_cal1_quarters_need_four_terms(void **state)
{
	(void)state;
	struct calendar_year y = nis_year();
	y.n_terms = 3;
	y.ends_on = mk(2027, 3, 19);
	y.n_holidays = 2;
	y.levels = CALENDAR_LEVEL_BIT(LEVEL_HIGH);
	struct calendar_problem p[CALENDAR_MAX_PROBLEMS];
	size_t n = check(&y, p);
	assert_true(n >= 1);
	assert_string_equal(p[0].rule, "CAL-1");
	assert_string_equal(p[0].code, "calendar_term_count");
	assert_string_equal(p[0].field, "terms");
	amounts_are(&p[0], 3, 4, "terms");
}

static void test_cal1_semesters_need_two_terms(void **state)
{
	(void)state;
	struct calendar_year y = nis_year();
	y.type = CALENDAR_SEMESTERS;
	const struct calendar_problem *p = only(&y, "CAL-1", "calendar_term_count", "terms");
	assert_int_equal(p->need, 2);
	/* Two semesters, with the autumn and spring holidays inside them: fine. */
	y.n_terms = 2;
	y.terms[0] = span(mk(2026, 9, 1), mk(2026, 12, 29));
	y.terms[1] = span(mk(2027, 1, 11), mk(2027, 5, 25));
	fine(&y);
	struct calendar_figures f;
	calendar_measure(&y, &f);
	assert_int_equal(f.study_days, 171);
}

static void test_cal1_terms_overlapping_or_out_of_order(void **state)
{
	(void)state;
	struct calendar_year y = nis_year();
	y.terms[1].starts_on = mk(2026, 10, 23); /* the day term 1 ends */
	only(&y, "CAL-1", "calendar_terms_order", "terms[1]");
	y = nis_year();
	y.terms[1].starts_on = mk(2026, 10, 22);
	y.holidays[0].starts_on = mk(2026, 10, 20); /* across term 1's end */
	struct calendar_problem p[CALENDAR_MAX_PROBLEMS];
	assert_int_equal(check(&y, p), 2);
	assert_string_equal(p[0].code, "calendar_terms_order");
	assert_string_equal(p[1].code, "calendar_holiday_straddles_term");
	assert_string_equal(p[1].field, "holidays[0]");
	/* Terms swapped: 3 before 2. */
	y = nis_year();
	struct calendar_period t = y.terms[1];
	y.terms[1] = y.terms[2];
	y.terms[2] = t;
	only(&y, "CAL-1", "calendar_terms_order", "terms[2]");
	/* The day after the previous term ends is fine. */
	y = nis_year();
	y.terms[1].starts_on = mk(2026, 10, 24);
	y.holidays[0] = span(mk(2026, 10, 12), mk(2026, 10, 16)); /* now inside term 1 */
	struct calendar_figures f;
	calendar_measure(&y, &f);
	assert_true(f.holiday_days < CALENDAR_MIN_HOLIDAY_DAYS);
	only(&y, "CAL-3", "calendar_holiday_days", "holidays");
}

static void test_cal1_term_outside_the_year(void **state)
{
	(void)state;
	struct calendar_year y = nis_year();
	y.terms[0].starts_on = mk(2026, 8, 31);
	only(&y, "CAL-1", "calendar_term_outside_year", "terms[0]");
	y = nis_year();
	y.terms[3].ends_on = mk(2027, 5, 26);
	only(&y, "CAL-1", "calendar_term_outside_year", "terms[3]");
	y = nis_year();
	y.terms[3].ends_on = mk(2027, 3, 29); /* ends before it starts: no days, CAL-2 too */
	struct calendar_problem p[CALENDAR_MAX_PROBLEMS];
	size_t n = check(&y, p);
	assert_true(n >= 2);
	assert_string_equal(p[0].code, "calendar_period_order");
	assert_string_equal(p[0].field, "terms[3]");
}

static void test_cal1_holidays_straddling_or_overlapping(void **state)
{
	(void)state;
	struct calendar_year y = nis_year();
	y.holidays[0].starts_on = mk(2026, 10, 23); /* term 1's last day */
	only(&y, "CAL-1", "calendar_holiday_straddles_term", "holidays[0]");
	y = nis_year();
	y.holidays[1].ends_on = mk(2027, 1, 11); /* term 3's first day */
	only(&y, "CAL-1", "calendar_holiday_straddles_term", "holidays[1]");
	y = nis_year();
	y.n_holidays = 4;
	y.holidays[3] = span(mk(2027, 3, 25), mk(2027, 3, 29)); /* inside the spring one */
	only(&y, "CAL-1", "calendar_holidays_overlap", "holidays[3]");
	y = nis_year();
	y.n_holidays = 4;
	y.holidays[3] = span(mk(2027, 5, 26), mk(2027, 5, 31)); /* after the year */
	only(&y, "CAL-1", "calendar_holiday_outside_year", "holidays[3]");
	y = nis_year();
	y.holidays[0].starts_on = mk(2026, 8, 28); /* before it, and across term 1 */
	struct calendar_problem p[CALENDAR_MAX_PROBLEMS];
	assert_true(check(&y, p) >= 2);
	assert_string_equal(p[0].code, "calendar_holiday_outside_year");
	assert_string_equal(p[1].code, "calendar_holiday_straddles_term");
	y = nis_year();
	y.holidays[0] = span(mk(2026, 11, 2), mk(2026, 10, 24));
	struct calendar_problem q[CALENDAR_MAX_PROBLEMS];
	assert_true(check(&y, q) >= 1);
	assert_string_equal(q[0].code, "calendar_period_order");
	assert_string_equal(q[0].field, "holidays[0]");
}

static void test_cal1_assessment_starts_inside_the_year(void **state)
{
	(void)state;
	struct calendar_year y = nis_year();
	y.levels = CALENDAR_LEVEL_BIT(LEVEL_HIGH);
	y.has_assessment = 1;
	y.assessment = span(mk(2027, 5, 25), mk(2027, 6, 10)); /* the year's last day: fine */
	fine(&y);
	y.assessment.starts_on = mk(2027, 5, 26);
	only(&y, "CAL-1", "calendar_assessment_outside_year", "assessment");
	y.assessment = span(mk(2027, 6, 10), mk(2027, 5, 20));
	struct calendar_problem p[CALENDAR_MAX_PROBLEMS];
	assert_int_equal(check(&y, p), 2);
	assert_string_equal(p[0].code, "calendar_period_order");
	assert_string_equal(p[1].code, "calendar_assessment_outside_year");
}

/* Grade 10's period is checked like that of grades 11–12, under its own field. */
static void test_cal1_assessment_basic_starts_inside_the_year(void **state)
{
	(void)state;
	struct calendar_year y = nis_year();
	y.has_assessment_basic = 1;
	y.assessment_basic = span(mk(2027, 5, 25), mk(2027, 6, 10)); /* the year's last day: fine */
	fine(&y);
	y.assessment_basic.starts_on = mk(2027, 5, 26);
	only(&y, "CAL-1", "calendar_assessment_outside_year", "assessment_basic");
	y.assessment_basic = span(mk(2027, 6, 10), mk(2027, 5, 20));
	struct calendar_problem p[CALENDAR_MAX_PROBLEMS];
	assert_int_equal(check(&y, p), 2);
	assert_string_equal(p[0].code, "calendar_period_order");
	assert_string_equal(p[0].field, "assessment_basic");
	assert_string_equal(p[1].code, "calendar_assessment_outside_year");
	/* both periods wrong: the grades 11–12 one is listed first */
	y.has_assessment = 1;
	y.assessment = span(mk(2027, 5, 26), mk(2027, 6, 10));
	assert_int_equal(check(&y, p), 3);
	assert_string_equal(p[0].field, "assessment");
	assert_string_equal(p[1].field, "assessment_basic");
}

/* --- CAL-2 --- */

/* Basic school: 33 weeks = 165 study days pass, 164 fail. */
static void test_cal2_basic_33_weeks_pass_33_minus_a_day_fails(void **state)
{
	(void)state;
	struct calendar_year y = nis_year();
	y.terms[3].ends_on = mk(2027, 5, 17); /* 171 - 6 = 165 */
	struct calendar_figures f;
	calendar_measure(&y, &f);
	assert_int_equal(f.study_days, 165);
	fine(&y);
	y.terms[3].ends_on = mk(2027, 5, 14); /* 164: the weekend is no study day */
	const struct calendar_problem *p = only(&y, "CAL-2", "calendar_study_weeks_basic", "terms");
	amounts_are(p, 164, 165, "study_days");
	assert_int_equal(p->level, LEVEL_BASIC);
}

/* Primary school: 35 weeks = 175 study days pass, 174 fail. */
static void test_cal2_primary_35_weeks_pass_35_minus_a_day_fails(void **state)
{
	(void)state;
	struct calendar_year y = nis_year();
	y.levels = CALENDAR_LEVEL_BIT(LEVEL_PRIMARY);
	y.ends_on = mk(2027, 5, 31);
	y.terms[3].ends_on = mk(2027, 5, 31); /* 171 + 4 */
	fine(&y);
	y.terms[3].ends_on = mk(2027, 5, 28); /* 174 */
	const struct calendar_problem *p = only(&y, "CAL-2", "calendar_study_weeks_primary", "terms");
	amounts_are(p, 174, 175, "study_days");
}

/* High school: 31 weeks = 155 study days pass, 154 fail, the external assessment
 * excluded (for the high level only). */
static void test_cal2_high_31_weeks_without_assessment(void **state)
{
	(void)state;
	struct calendar_year y = nis_year();
	y.levels = CALENDAR_LEVEL_BIT(LEVEL_HIGH) | CALENDAR_LEVEL_BIT(LEVEL_BASIC);
	y.has_assessment = 1;
	y.assessment = span(mk(2027, 5, 4), mk(2027, 6, 4)); /* 16 study days of term 4 */
	struct calendar_figures f;
	calendar_measure(&y, &f);
	assert_int_equal(f.study_days, 171);
	assert_int_equal(f.study_days_high, 155);
	fine(&y);
	y.assessment.starts_on = mk(2027, 5, 3); /* 17 */
	const struct calendar_problem *p = only(&y, "CAL-2", "calendar_study_weeks_high", "terms");
	amounts_are(p, 154, 155, "study_days");
	assert_int_equal(p->level, LEVEL_HIGH);
}

/* CAL-2, basic school: 33 weeks = 165 study days pass, 164 fail, the days of grade
 * 10's external assessment excluded (R§13); the other levels keep those days. */
static void test_cal2_basic_33_weeks_without_grade_10_assessment(void **state)
{
	(void)state;
	struct calendar_year y = nis_year();
	y.levels = CALENDAR_ALL_LEVELS;
	y.ends_on = mk(2027, 6, 8);
	y.terms[3].ends_on = mk(2027, 6, 8); /* 171 + 10 = 181: primary's 175 are reached */
	y.has_assessment_basic = 1;
	y.assessment_basic = span(mk(2027, 5, 18), mk(2027, 6, 8)); /* 16 study days of term 4 */
	struct calendar_figures f;
	calendar_measure(&y, &f);
	assert_int_equal(f.study_days, 181);
	assert_int_equal(f.study_days_basic, 165);
	assert_int_equal(f.study_days_high, 181);
	fine(&y);
	y.assessment_basic.starts_on = mk(2027, 5, 17); /* 17 */
	calendar_measure(&y, &f);
	assert_int_equal(f.study_days, 181);
	assert_int_equal(f.study_days_high, 181);
	const struct calendar_problem *p = only(&y, "CAL-2", "calendar_study_weeks_basic", "terms");
	amounts_are(p, 164, 165, "study_days");
	assert_int_equal(p->level, LEVEL_BASIC);
}

/* CAL-2: each level loses only its own period's days. Grades 11–12's assessment does
 * not shorten the basic level, grade 10's does not shorten the high level. */
static void test_cal2_each_level_without_its_own_assessment(void **state)
{
	(void)state;
	struct calendar_year y = nis_year();
	y.levels = CALENDAR_LEVEL_BIT(LEVEL_BASIC) | CALENDAR_LEVEL_BIT(LEVEL_HIGH);
	y.has_assessment = 1;
	y.assessment = span(mk(2027, 5, 4), mk(2027, 6, 4)); /* 16 study days: high 155 */
	y.has_assessment_basic = 1;
	y.assessment_basic = span(mk(2027, 5, 18), mk(2027, 6, 4)); /* 6 study days: basic 165 */
	struct calendar_figures f;
	calendar_measure(&y, &f);
	assert_int_equal(f.study_days_basic, 165);
	assert_int_equal(f.study_days_high, 155);
	fine(&y);
	y.assessment_basic.starts_on = mk(2027, 5, 17); /* 7: basic 164, high still 155 */
	const struct calendar_problem *p = only(&y, "CAL-2", "calendar_study_weeks_basic", "terms");
	amounts_are(p, 164, 165, "study_days");
	y.assessment_basic.starts_on = mk(2027, 5, 18);
	y.assessment.starts_on = mk(2027, 5, 3); /* 17: high 154, basic still 165 */
	p = only(&y, "CAL-2", "calendar_study_weeks_high", "terms");
	amounts_are(p, 154, 155, "study_days");
}

/* --- CAL-3 --- */

/* Holidays of 30 calendar days pass, 29 fail. */
static void test_cal3_holidays_30_days_pass_29_fail(void **state)
{
	(void)state;
	struct calendar_year y = nis_year();
	y.holidays[2].ends_on = mk(2027, 3, 27); /* 10 + 12 + 8 */
	struct calendar_figures f;
	calendar_measure(&y, &f);
	assert_int_equal(f.holiday_days, 30);
	fine(&y);
	y.holidays[2].ends_on = mk(2027, 3, 26);
	const struct calendar_problem *p = only(&y, "CAL-3", "calendar_holiday_days", "holidays");
	amounts_are(p, 29, 30, "days");
}

/* Only the days inside the year count (the rest is a CAL-1 problem too). */
static void test_cal3_counts_inside_the_year(void **state)
{
	(void)state;
	struct calendar_year y = nis_year();
	y.holidays[0] = span(mk(2026, 8, 20), mk(2026, 8, 31));
	struct calendar_figures f;
	calendar_measure(&y, &f);
	assert_int_equal(f.holiday_days, 22);
}

/* --- CAL-4 --- */

/* Summer of exactly 12 weeks (84 days) passes; 12 weeks minus a day fails. */
static void test_cal4_summer_12_weeks_pass_minus_a_day_fails(void **state)
{
	(void)state;
	struct calendar_year y = nis_year();
	y.ends_on = mk(2027, 6, 8); /* 9 June .. 31 August */
	struct calendar_figures f;
	calendar_measure(&y, &f);
	assert_int_equal(f.summer_days, 84);
	fine(&y);
	y.ends_on = mk(2027, 6, 9);
	const struct calendar_problem *p = only(&y, "CAL-4", "calendar_summer", "ends_on");
	amounts_are(p, 83, 84, "days");
}

/* The next year's start, when known, ends the summer instead of 1 September. */
static void test_cal4_summer_until_the_next_year(void **state)
{
	(void)state;
	struct calendar_year y = nis_year();
	y.ends_on = mk(2027, 6, 2);
	y.has_next_start = 1;
	y.next_starts_on = mk(2027, 8, 26); /* 3 June .. 25 August = 84 */
	fine(&y);
	y.next_starts_on = mk(2027, 8, 25);
	assert_int_equal(only(&y, "CAL-4", "calendar_summer", "ends_on")->have, 83);
}

/* Seniors: 10 weeks (70 days) from the end of the external assessment pass, one day
 * less fails; the 12-week rule is not theirs. */
static void test_cal4_seniors_10_weeks_after_assessment(void **state)
{
	(void)state;
	struct calendar_year y = nis_year();
	y.levels = CALENDAR_LEVEL_BIT(LEVEL_HIGH);
	y.has_assessment = 1;
	y.assessment = span(mk(2027, 5, 24), mk(2027, 6, 22)); /* 23 June .. 31 August */
	struct calendar_figures f;
	calendar_measure(&y, &f);
	assert_int_equal(f.summer_days_senior, 70);
	assert_int_equal(f.summer_days, 98);
	fine(&y);
	y.assessment.ends_on = mk(2027, 6, 23);
	const struct calendar_problem *p = only(&y, "CAL-4", "calendar_summer_senior", "assessment");
	amounts_are(p, 69, 70, "days");
	assert_int_equal(p->level, LEVEL_HIGH);
	/* Without an assessment the year's end counts: 11 weeks pass for seniors … */
	y = nis_year();
	y.levels = CALENDAR_LEVEL_BIT(LEVEL_HIGH);
	y.ends_on = mk(2027, 6, 15); /* 77 days */
	fine(&y);
	/* … and fail the 12 weeks of the basic level. */
	y.levels |= CALENDAR_LEVEL_BIT(LEVEL_BASIC);
	only(&y, "CAL-4", "calendar_summer", "ends_on");
	y.ends_on = mk(2027, 6, 23); /* 69 days: both */
	struct calendar_problem q[CALENDAR_MAX_PROBLEMS];
	assert_int_equal(check(&y, q), 2);
	assert_string_equal(q[0].code, "calendar_summer");
	assert_string_equal(q[1].code, "calendar_summer_senior");
	assert_string_equal(q[1].field, "ends_on");
}

/* --- every problem at once, and the cap --- */

static void test_every_problem_listed_and_cap(void **state)
{
	(void)state;
	struct calendar_year y = nis_year();
	y.n_terms = 3;                            /* CAL-1 */
	y.holidays[2].ends_on = mk(2027, 3, 21);  /* CAL-3: 24 days */
	y.ends_on = mk(2027, 6, 30);              /* CAL-4: 62 days */
	y.levels = CALENDAR_ALL_LEVELS;           /* CAL-2 for all three: 3 terms are short */
	struct calendar_problem p[CALENDAR_MAX_PROBLEMS];
	size_t n = check(&y, p);
	const char *want[][2] = {
		{"CAL-1", "calendar_term_count"},
		{"CAL-2", "calendar_study_weeks_primary"},
		{"CAL-2", "calendar_study_weeks_basic"},
		{"CAL-2", "calendar_study_weeks_high"},
		{"CAL-3", "calendar_holiday_days"},
		{"CAL-4", "calendar_summer"},
		{"CAL-4", "calendar_summer_senior"},
	};
	assert_int_equal(n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(p[i].rule, want[i][0]);
		assert_string_equal(p[i].code, want[i][1]);
	}
	struct calendar_problem one[1];
	assert_int_equal(calendar_check(&y, one, 1), n);
	assert_string_equal(one[0].code, "calendar_term_count");
	assert_int_equal(calendar_check(&y, NULL, 0), n);
}

/* The worst year the API can send stays within CALENDAR_MAX_PROBLEMS. */
static void test_problem_bound(void **state)
{
	(void)state;
	struct calendar_year y;
	memset(&y, 0, sizeof y);
	y.starts_on = mk(2027, 9, 1);
	y.ends_on = mk(2026, 9, 1);
	y.type = CALENDAR_SEMESTERS;
	y.n_terms = CALENDAR_MAX_TERMS;
	for (int i = 0; i < CALENDAR_MAX_TERMS; i++)
		y.terms[i] = span(mk(2030, 1, 2), mk(2030, 1, 1));
	y.n_holidays = CALENDAR_MAX_HOLIDAYS;
	for (int i = 0; i < CALENDAR_MAX_HOLIDAYS; i++)
		y.holidays[i] = span(mk(2029, 12, 31), mk(2030, 1, 3));
	y.has_assessment = 1;
	y.assessment = span(mk(2031, 1, 2), mk(2031, 1, 1));
	y.has_assessment_basic = 1;
	y.assessment_basic = span(mk(2031, 1, 2), mk(2031, 1, 1));
	size_t n = calendar_check(&y, NULL, 0);
	assert_true(n > 50);
	assert_true(n <= CALENDAR_MAX_PROBLEMS);
}

static void test_codes(void **state)
{
	(void)state;
	assert_string_equal(calendar_type_code(CALENDAR_QUARTERS), "quarters");
	assert_string_equal(calendar_type_code(CALENDAR_SEMESTERS), "semesters");
	assert_null(calendar_type_code(CALENDAR_TYPE_INVALID));
	assert_int_equal(calendar_type_from_code("semesters"), CALENDAR_SEMESTERS);
	assert_int_equal(calendar_type_from_code("trimesters"), CALENDAR_TYPE_INVALID);
	assert_int_equal(calendar_type_from_code(NULL), CALENDAR_TYPE_INVALID);
	assert_int_equal(calendar_terms_needed(CALENDAR_QUARTERS), 4);
	assert_int_equal(calendar_terms_needed(CALENDAR_SEMESTERS), 2);
	assert_int_equal(calendar_min_study_weeks(LEVEL_PRIMARY), 35);
	assert_int_equal(calendar_min_study_weeks(LEVEL_BASIC), 33);
	assert_int_equal(calendar_min_study_weeks(LEVEL_HIGH), 31);
	assert_int_equal(calendar_min_study_weeks(LEVEL_INVALID), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_measure_nis_year),
		cmocka_unit_test(test_measure_counts_each_day_once),
		cmocka_unit_test(test_cal1_quarters_need_four_terms),
		cmocka_unit_test(test_cal1_semesters_need_two_terms),
		cmocka_unit_test(test_cal1_terms_overlapping_or_out_of_order),
		cmocka_unit_test(test_cal1_term_outside_the_year),
		cmocka_unit_test(test_cal1_holidays_straddling_or_overlapping),
		cmocka_unit_test(test_cal1_assessment_starts_inside_the_year),
		cmocka_unit_test(test_cal1_assessment_basic_starts_inside_the_year),
		cmocka_unit_test(test_cal2_basic_33_weeks_pass_33_minus_a_day_fails),
		cmocka_unit_test(test_cal2_primary_35_weeks_pass_35_minus_a_day_fails),
		cmocka_unit_test(test_cal2_high_31_weeks_without_assessment),
		cmocka_unit_test(test_cal2_basic_33_weeks_without_grade_10_assessment),
		cmocka_unit_test(test_cal2_each_level_without_its_own_assessment),
		cmocka_unit_test(test_cal3_holidays_30_days_pass_29_fail),
		cmocka_unit_test(test_cal3_counts_inside_the_year),
		cmocka_unit_test(test_cal4_summer_12_weeks_pass_minus_a_day_fails),
		cmocka_unit_test(test_cal4_summer_until_the_next_year),
		cmocka_unit_test(test_cal4_seniors_10_weeks_after_assessment),
		cmocka_unit_test(test_every_problem_listed_and_cap),
		cmocka_unit_test(test_problem_bound),
		cmocka_unit_test(test_codes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
