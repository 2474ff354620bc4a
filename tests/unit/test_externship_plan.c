/* Unit tests of src/core/externship_plan.c: a row of the externship student's
 * consultation schedule (A1 form 3) — the consultation within the externship and the
 * schedule's academic year (EXT-13) on both sides of each end; the work's dates not after
 * today and received only after it was sent (EXT-15) — and a quarter's summative works:
 * three per subject, counted by the consultation's quarter, done on the day the last
 * subject's third work came back (EXT-15, docs/movement.md "Readings" 15). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/externship_plan.h"

static struct date mk(int y, int m, int d)
{
	return (struct date){y, m, d};
}

static const struct calendar_period PERIOD = {{2027, 1, 11}, {2027, 5, 25}};  /* the externship */
static const struct calendar_period YEAR = {{2026, 9, 1}, {2027, 5, 25}};
static const struct calendar_period Q3 = {{2027, 1, 11}, {2027, 3, 19}};

static size_t check(struct plan_row r, struct date today, struct movement_problem *p)
{
	return plan_row_check(&r, PERIOD, YEAR, today, p, MOVEMENT_MAX_PROBLEMS);
}

/* EXT-13: the consultation's day within the externship (and the year), both ends held. */
static void test_ext13_consultation_within_the_externship(void **state)
{
	(void)state;
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	struct date today = mk(2027, 6, 1);
	assert_int_equal(check((struct plan_row){.subject_id = 1, .consultation_on = mk(2027, 1, 11)}, today, p), 0);
	assert_int_equal(check((struct plan_row){.subject_id = 1, .consultation_on = mk(2027, 5, 25)}, today, p), 0);
	assert_int_equal(check((struct plan_row){.subject_id = 1, .consultation_on = mk(2027, 1, 10)}, today, p), 1);
	assert_string_equal(p[0].rule, "EXT-13");
	assert_string_equal(p[0].code, "consultation_outside_period");
	assert_string_equal(p[0].field, "consultation_on");
	assert_int_equal(check((struct plan_row){.subject_id = 1, .consultation_on = mk(2027, 5, 26)}, today, p), 1);
	/* an externship that runs past the year: the year's schedule stops at its last day */
	struct calendar_period longer = {{2027, 1, 11}, {2027, 12, 20}};
	struct plan_row summer = {.subject_id = 1, .consultation_on = mk(2027, 6, 15)};
	assert_int_equal(plan_row_check(&summer, longer, YEAR, today, p, MOVEMENT_MAX_PROBLEMS), 1);
	assert_string_equal(p[0].code, "consultation_outside_period");
	/* no consultation day at all */
	assert_int_equal(check((struct plan_row){.subject_id = 1}, today, p), 1);
}

/* EXT-15: sent and received not after today; received on or after the day it was sent. */
static void test_ext15_work_dates(void **state)
{
	(void)state;
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	struct plan_row r = {.subject_id = 1, .consultation_on = mk(2027, 2, 1), .work_sent_on = mk(2027, 2, 1),
			     .work_received_on = mk(2027, 2, 1)};
	assert_int_equal(check(r, mk(2027, 2, 1), p), 0);          /* the same day: fine */
	assert_int_equal(check(r, mk(2027, 1, 31), p), 2);         /* both after today */
	assert_string_equal(p[0].code, "date_in_future");
	assert_string_equal(p[0].field, "work_sent_on");
	assert_string_equal(p[1].field, "work_received_on");
	assert_string_equal(p[1].rule, "EXT-15");
	r.work_received_on = mk(2027, 1, 31);                     /* the day before it was sent */
	assert_int_equal(check(r, mk(2027, 3, 1), p), 1);
	assert_string_equal(p[0].code, "work_received_before_sent");
	r.work_sent_on = (struct date){0};                         /* received, never sent */
	r.work_received_on = mk(2027, 2, 3);
	assert_int_equal(check(r, mk(2027, 3, 1), p), 1);
	assert_string_equal(p[0].code, "work_received_before_sent");
	/* every problem at once, and the count even when `out` is too small */
	struct plan_row bad = {.subject_id = 1, .consultation_on = mk(2027, 6, 1), .work_received_on = mk(2027, 6, 2)};
	assert_int_equal(plan_row_check(&bad, PERIOD, YEAR, mk(2027, 6, 1), NULL, 0), 3);
}

static struct plan_row work(int64_t subject, struct date on, struct date back)
{
	return (struct plan_row){.subject_id = subject, .consultation_on = on, .work_sent_on = on, .work_received_on = back};
}

/* EXT-15: three works per subject in the quarter; two are not enough; the quarter is done
 * on the day the last subject's third came back. */
static void test_ext15_three_works_a_quarter_per_subject(void **state)
{
	(void)state;
	struct plan_row rows[8] = {
		work(1, mk(2027, 1, 15), mk(2027, 1, 20)),
		work(1, mk(2027, 2, 1), mk(2027, 2, 10)),
		work(1, mk(2027, 3, 1), mk(2027, 3, 5)),
		work(2, mk(2027, 1, 18), mk(2027, 1, 25)),
		work(2, mk(2027, 2, 8), mk(2027, 2, 12)),
		work(2, mk(2027, 3, 10), (struct date){0}), /* sent, not back yet */
	};
	struct plan_quarter q = plan_quarter_works(rows, 6, Q3);
	assert_int_equal(q.subjects, 2);
	assert_int_equal(q.complete, 1);
	assert_false(q.done.done);
	rows[5].work_received_on = mk(2027, 3, 18);
	q = plan_quarter_works(rows, 6, Q3);
	assert_int_equal(q.complete, 2);
	assert_true(q.done.done);
	assert_int_equal(date_compare(q.done.on, mk(2027, 3, 18)), 0);
	/* a fourth work that came back earlier makes the subject complete sooner */
	rows[6] = work(2, mk(2027, 2, 20), mk(2027, 2, 22));
	q = plan_quarter_works(rows, 7, Q3);
	assert_true(q.done.done);
	assert_int_equal(date_compare(q.done.on, mk(2027, 3, 5)), 0); /* subject 1's third */
	/* a work whose consultation is in the next quarter does not count here */
	struct plan_row late[3] = {work(1, mk(2027, 1, 15), mk(2027, 1, 20)), work(1, mk(2027, 2, 1), mk(2027, 2, 2)),
				   work(1, mk(2027, 3, 20), mk(2027, 3, 22))};
	assert_false(plan_quarter_works(late, 3, Q3).done.done);
	/* no rows: never done */
	q = plan_quarter_works(NULL, 0, Q3);
	assert_int_equal(q.subjects, 0);
	assert_false(q.done.done);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ext13_consultation_within_the_externship),
		cmocka_unit_test(test_ext15_work_dates),
		cmocka_unit_test(test_ext15_three_works_a_quarter_per_subject),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
