/* Unit tests of src/core/learning_route.c: the reasons (IR-1) and spans (IR-2) and what a
 * span means as dates of a year in quarters and in semesters, the span's dates at and just
 * past the year's ends; the five components, schedule and three agreements (IR-2) with one
 * part missing at a time; the route's weeks without holiday weeks and the weekly
 * assessment's due date on its Sunday and the Monday after (IR-3); conclusions on the
 * route's last day and the day before (IR-4). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/learning_route.h"

#define D(y, m, d) ((struct date){(y), (m), (d)})

/* 2026–27 in quarters, with the autumn (25 Oct – 1 Nov), winter (27 Dec – 7 Jan) and
 * spring (18–29 Mar) holidays between them. */
static struct calendar_year year_in_quarters(void)
{
	struct calendar_year y = {.starts_on = D(2026, 9, 1), .ends_on = D(2027, 5, 25), .type = CALENDAR_QUARTERS};
	y.n_terms = 4;
	y.terms[0] = (struct calendar_period){D(2026, 9, 1), D(2026, 10, 24)};
	y.terms[1] = (struct calendar_period){D(2026, 11, 2), D(2026, 12, 26)};
	y.terms[2] = (struct calendar_period){D(2027, 1, 8), D(2027, 3, 17)};
	y.terms[3] = (struct calendar_period){D(2027, 3, 30), D(2027, 5, 25)};
	y.n_holidays = 3;
	y.holidays[0] = (struct calendar_period){D(2026, 10, 25), D(2026, 11, 1)};
	y.holidays[1] = (struct calendar_period){D(2026, 12, 27), D(2027, 1, 7)};
	y.holidays[2] = (struct calendar_period){D(2027, 3, 18), D(2027, 3, 29)};
	return y;
}

static void assert_date(struct date got, struct date want)
{
	assert_int_equal(date_compare(got, want), 0);
}

/* IR-1, IR-2: the codes go both ways; anything else is invalid. */
static void ir1_ir2_codes(void **state)
{
	(void)state;
	for (int r = 0; r < ROUTE_REASON_INVALID; r++)
		assert_int_equal(route_reason_from_code(route_reason_code((enum route_reason)r)), r);
	assert_string_equal(route_reason_code(ROUTE_REASON_LONG_ILLNESS), "long_illness");
	assert_int_equal(route_reason_from_code("lazy"), ROUTE_REASON_INVALID);
	assert_int_equal(route_reason_from_code(NULL), ROUTE_REASON_INVALID);
	assert_null(route_reason_code(ROUTE_REASON_INVALID));
	for (int s = 0; s < ROUTE_SPAN_INVALID; s++)
		assert_int_equal(route_span_from_code(route_span_code((enum route_span)s)), s);
	assert_int_equal(route_span_from_code("quarter"), ROUTE_SPAN_INVALID);
}

/* IR-2: a semester of a year in quarters is two quarters; of a year in semesters its
 * term; the year is the year's dates. */
static void ir2_semester_and_year_dates(void **state)
{
	(void)state;
	struct calendar_year y = year_in_quarters();
	struct date s, e, none = {0};
	assert_int_equal(route_span_dates(&y, ROUTE_SPAN_SEMESTER, 1, none, none, &s, &e), ROUTE_SPAN_OK);
	assert_date(s, D(2026, 9, 1));
	assert_date(e, D(2026, 12, 26));
	assert_int_equal(route_span_dates(&y, ROUTE_SPAN_SEMESTER, 2, none, none, &s, &e), ROUTE_SPAN_OK);
	assert_date(s, D(2027, 1, 8));
	assert_date(e, D(2027, 5, 25));
	assert_int_equal(route_span_dates(&y, ROUTE_SPAN_SEMESTER, 3, none, none, &s, &e), ROUTE_SPAN_NO_SEMESTER);
	assert_int_equal(route_span_dates(&y, ROUTE_SPAN_SEMESTER, 0, none, none, &s, &e), ROUTE_SPAN_NO_SEMESTER);
	assert_int_equal(route_span_dates(&y, ROUTE_SPAN_YEAR, 0, none, none, &s, &e), ROUTE_SPAN_OK);
	assert_date(s, D(2026, 9, 1));
	assert_date(e, D(2027, 5, 25));

	struct calendar_year sem = {.starts_on = D(2026, 9, 1), .ends_on = D(2027, 5, 25), .type = CALENDAR_SEMESTERS};
	sem.n_terms = 2;
	sem.terms[0] = (struct calendar_period){D(2026, 9, 1), D(2026, 12, 25)};
	sem.terms[1] = (struct calendar_period){D(2027, 1, 11), D(2027, 5, 25)};
	assert_int_equal(route_span_dates(&sem, ROUTE_SPAN_SEMESTER, 2, none, none, &s, &e), ROUTE_SPAN_OK);
	assert_date(s, D(2027, 1, 11));
	assert_date(e, D(2027, 5, 25));
	/* a year without its terms has no semester to give */
	sem.n_terms = 0;
	assert_int_equal(route_span_dates(&sem, ROUTE_SPAN_SEMESTER, 1, none, none, &s, &e), ROUTE_SPAN_NO_SEMESTER);
}

/* IR-2: a topic or a section has the teacher's dates, both inside the year: the year's
 * first and last day are in, the day before and the day after are not. */
static void ir2_topic_dates_both_sides(void **state)
{
	(void)state;
	struct calendar_year y = year_in_quarters();
	struct date s, e, none = {0};
	assert_int_equal(route_span_dates(&y, ROUTE_SPAN_TOPIC, 0, D(2026, 9, 1), D(2027, 5, 25), &s, &e),
			 ROUTE_SPAN_OK);
	assert_date(s, D(2026, 9, 1));
	assert_date(e, D(2027, 5, 25));
	assert_int_equal(route_span_dates(&y, ROUTE_SPAN_SECTION, 0, D(2026, 8, 31), D(2026, 10, 1), &s, &e),
			 ROUTE_SPAN_OUTSIDE_YEAR);
	assert_int_equal(route_span_dates(&y, ROUTE_SPAN_SECTION, 0, D(2026, 10, 1), D(2027, 5, 26), &s, &e),
			 ROUTE_SPAN_OUTSIDE_YEAR);
	assert_int_equal(route_span_dates(&y, ROUTE_SPAN_TOPIC, 0, D(2026, 10, 2), D(2026, 10, 2), &s, &e),
			 ROUTE_SPAN_OK);
	assert_int_equal(route_span_dates(&y, ROUTE_SPAN_TOPIC, 0, D(2026, 10, 2), D(2026, 10, 1), &s, &e),
			 ROUTE_SPAN_DATES_ORDER);
	assert_int_equal(route_span_dates(&y, ROUTE_SPAN_TOPIC, 0, none, D(2026, 10, 1), &s, &e),
			 ROUTE_SPAN_DATES_MISSING);
}

static struct route_parts complete_parts(void)
{
	struct route_parts p = {.components = {"aim", "topics", "methods", "tests", "Tue/Thu 15:00"},
				.schedule_rows = 1,
				.agreed = {1, 1, 1}};
	return p;
}

/* IR-2: a route may be agreed with all five components and a schedule row; each missing
 * one (or blank) is named; it is agreed when the teacher, curator and student all agreed. */
static void ir2_complete_and_agreed(void **state)
{
	(void)state;
	struct route_parts p = complete_parts();
	assert_int_equal(route_missing_parts(&p), 0);
	assert_true(route_is_agreed(&p));
	for (int i = 0; i < ROUTE_COMPONENTS; i++) {
		struct route_parts q = complete_parts();
		q.components[i] = i % 2 ? NULL : " \n\t";
		assert_int_equal(route_missing_parts(&q), 1u << i);
		assert_false(route_is_agreed(&q));
	}
	p.schedule_rows = 0;
	assert_int_equal(route_missing_parts(&p), ROUTE_MISSING_SCHEDULE);
	assert_false(route_is_agreed(&p));
	for (int a = 0; a < ROUTE_AGREEMENTS; a++) {
		struct route_parts q = complete_parts();
		q.agreed[a] = 0;
		assert_int_equal(route_missing_parts(&q), 0);
		assert_false(route_is_agreed(&q));
	}
	assert_string_equal(route_component_names[4], "organisational");
	assert_string_equal(route_agreement_names[ROUTE_AGREE_STUDENT], "student");
}

/* IR-3: the route's weeks are the weeks with a study day of the route: the autumn
 * holiday's week (26 Oct – 1 Nov) is not one; a route starting on a Sunday starts with
 * the next week; without a calendar every week with a weekday counts. */
static void ir3_route_weeks(void **state)
{
	(void)state;
	struct calendar_year y = year_in_quarters();
	struct date w[16];
	/* Monday 12 Oct to Friday 13 Nov 2026: 12 Oct, 19 Oct, (26 Oct holiday), 2 Nov, 9 Nov */
	size_t n = route_weeks(&y, D(2026, 10, 12), D(2026, 11, 13), w, 16);
	assert_int_equal(n, 4);
	assert_date(w[0], D(2026, 10, 12));
	assert_date(w[1], D(2026, 10, 19));
	assert_date(w[2], D(2026, 11, 2));
	assert_date(w[3], D(2026, 11, 9));
	assert_int_equal(route_weeks(NULL, D(2026, 10, 12), D(2026, 11, 13), NULL, 0), 5);
	/* Sunday 11 Oct: its week has no day of the route but that Sunday */
	assert_int_equal(route_weeks(&y, D(2026, 10, 11), D(2026, 10, 16), w, 16), 1);
	assert_date(w[0], D(2026, 10, 12));
	/* Saturday to Sunday: no route week at all; a reversed span none either */
	assert_int_equal(route_weeks(&y, D(2026, 10, 17), D(2026, 10, 18), w, 16), 0);
	assert_int_equal(route_weeks(&y, D(2026, 10, 16), D(2026, 10, 12), w, 16), 0);
	/* the whole year: 39 weeks from 31 Aug 2026 to 24 May 2027, less the three weeks
	 * wholly in holidays (26 Oct, 28 Dec, 22 Mar); the count is right when the array is
	 * short */
	assert_int_equal(route_weeks(&y, D(2026, 9, 1), D(2027, 5, 25), w, 2), 36);
	assert_date(w[1], D(2026, 9, 7));
	assert_date(route_week_of(D(2026, 11, 29)), D(2026, 11, 23));
	assert_date(route_week_of(D(2026, 11, 23)), D(2026, 11, 23));
}

/* IR-3: a week's assessment is due by its Sunday: on Sunday it is not yet overdue, on
 * the Monday after it is; an assessed week is never overdue. */
static void ir3_week_due_both_sides(void **state)
{
	(void)state;
	struct date monday = D(2026, 11, 16);
	assert_false(route_week_overdue(monday, 0, D(2026, 11, 22)));
	assert_true(route_week_overdue(monday, 0, D(2026, 11, 23)));
	assert_false(route_week_overdue(monday, 1, D(2026, 11, 23)));
	assert_false(route_week_overdue(monday, 0, D(2026, 11, 16)));
}

/* IR-3: the overdue weeks of a route on a day: assessed weeks (any day of the week, in
 * any order) are not, the current week is not yet, holiday weeks never are. */
static void ir3_overdue_weeks(void **state)
{
	(void)state;
	struct calendar_year y = year_in_quarters();
	struct date assessed[] = {D(2026, 11, 13), D(2026, 10, 14)}; /* weeks of 9 Nov and 12 Oct */
	struct date w[8];
	/* on Monday 16 Nov: 19 Oct and 2 Nov are overdue, 26 Oct is a holiday week */
	size_t n = route_overdue_weeks(&y, D(2026, 10, 12), D(2026, 12, 25), assessed, 2, D(2026, 11, 16), w, 8);
	assert_int_equal(n, 2);
	assert_date(w[0], D(2026, 10, 19));
	assert_date(w[1], D(2026, 11, 2));
	/* on Sunday 15 Nov the same: the week of 9 Nov was assessed anyway */
	assert_int_equal(route_overdue_weeks(&y, D(2026, 10, 12), D(2026, 12, 25), assessed, 2, D(2026, 11, 15), w, 8),
			 2);
	/* on Monday 23 Nov the week of 16 Nov joins them */
	assert_int_equal(route_overdue_weeks(&y, D(2026, 10, 12), D(2026, 12, 25), assessed, 2, D(2026, 11, 23), w, 8),
			 3);
	assert_date(w[2], D(2026, 11, 16));
	/* before the route started nothing is overdue */
	assert_int_equal(route_overdue_weeks(&y, D(2026, 10, 12), D(2026, 12, 25), NULL, 0, D(2026, 10, 18), w, 8), 0);
	assert_int_equal(route_overdue_weeks(&y, D(2026, 10, 12), D(2026, 12, 25), NULL, 0, D(2026, 10, 19), w, 8), 1);
}

/* IR-4: conclusions from the route's last day on, not the day before. */
static void ir4_conclude_at_end_both_sides(void **state)
{
	(void)state;
	assert_true(route_may_conclude(D(2026, 12, 25), D(2026, 12, 25)));
	assert_true(route_may_conclude(D(2026, 12, 25), D(2027, 1, 10)));
	assert_false(route_may_conclude(D(2026, 12, 25), D(2026, 12, 24)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ir1_ir2_codes),
		cmocka_unit_test(ir2_semester_and_year_dates),
		cmocka_unit_test(ir2_topic_dates_both_sides),
		cmocka_unit_test(ir2_complete_and_agreed),
		cmocka_unit_test(ir3_route_weeks),
		cmocka_unit_test(ir3_week_due_both_sides),
		cmocka_unit_test(ir3_overdue_weeks),
		cmocka_unit_test(ir4_conclude_at_end_both_sides),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
