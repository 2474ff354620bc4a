/* Unit tests of the club rules of src/core/club.c added for the clubs (issue 8), each
 * threshold on both sides: recruitment for the next year on 29 and 30 June and on 1 July
 * (CLB-1); a certificate on its last valid day and the day after, and before it was
 * issued (CLB-3); a session ending as a lesson ends, and one starting as it ends (CLB-5);
 * times of day; the programme's progress (CLB-7). club_join_allowed and
 * club_session_after_lessons are in test_elective.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/club.h"
#include "core/date.h"

/* CLB-1: a next year starting 1 September 2027 recruits until 30 June 2027. */
static void clb1_june_30_both_sides(void **state)
{
	(void)state;
	struct date start = {2027, 9, 1};
	assert_true(club_recruitment_open((struct date){2027, 6, 29}, start));
	assert_true(club_recruitment_open((struct date){2027, 6, 30}, start));
	assert_false(club_recruitment_open((struct date){2027, 7, 1}, start));
	assert_false(club_recruitment_open((struct date){2027, 8, 31}, start));
	/* a year already begun takes members all through it (CLB-2) */
	assert_true(club_recruitment_open((struct date){2027, 9, 1}, start));
	assert_true(club_recruitment_open((struct date){2028, 3, 2}, start));
}

/* CLB-3: valid until the day inclusive, not the day after; not before it was issued. */
static void clb3_certificate_validity_both_sides(void **state)
{
	(void)state;
	struct date issued = {2026, 9, 1}, until = {2027, 5, 31};
	assert_true(club_certificate_valid((struct date){2027, 5, 31}, issued, until));
	assert_false(club_certificate_valid((struct date){2027, 6, 1}, issued, until));
	assert_true(club_certificate_valid((struct date){2026, 9, 1}, issued, until));
	assert_false(club_certificate_valid((struct date){2026, 8, 31}, issued, until));
}

/* CLB-5: a session that ends when a lesson ends overlaps it; one that starts when the
 * last lesson ends does not. */
static void clb5_session_end_at_lesson_end(void **state)
{
	(void)state;
	struct club_interval lessons[] = {{club_minutes("13:00"), club_minutes("13:40")}};
	assert_false(club_session_after_lessons((struct club_interval){club_minutes("12:40"), club_minutes("13:40")},
						lessons, 1));
	assert_true(club_session_after_lessons((struct club_interval){club_minutes("13:40"), club_minutes("14:40")},
					       lessons, 1));
	assert_false(club_session_after_lessons((struct club_interval){club_minutes("13:39"), club_minutes("14:40")},
						lessons, 1));
}

static void clb5_times_of_day(void **state)
{
	(void)state;
	assert_int_equal(club_minutes("00:00"), 0);
	assert_int_equal(club_minutes("15:05"), 15 * 60 + 5);
	assert_int_equal(club_minutes("23:59"), 23 * 60 + 59);
	assert_int_equal(club_minutes("24:00"), -1);
	assert_int_equal(club_minutes("12:60"), -1);
	assert_int_equal(club_minutes("9:00"), -1);
	assert_int_equal(club_minutes("09:000"), -1);
	assert_int_equal(club_minutes(NULL), -1);
}

/* CLB-7: the quarter's hours held against planned. */
static void clb7_progress(void **state)
{
	(void)state;
	struct club_progress p = club_progress_of(18, 9);
	assert_int_equal(p.planned, 18);
	assert_int_equal(p.held, 9);
	assert_int_equal(p.percent, 50);
	assert_int_equal(club_progress_of(18, 18).percent, 100);
	assert_int_equal(club_progress_of(18, 17).percent, 94);
	assert_int_equal(club_progress_of(0, 0).percent, 100);
	assert_int_equal(club_progress_of(0, 2).percent, 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(clb1_june_30_both_sides),
		cmocka_unit_test(clb3_certificate_validity_both_sides),
		cmocka_unit_test(clb5_session_end_at_lesson_end),
		cmocka_unit_test(clb5_times_of_day),
		cmocka_unit_test(clb7_progress),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
