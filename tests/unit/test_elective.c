/* Unit tests of src/core/elective.c and src/core/club.c: every threshold on both sides —
 * attendance 79 % and 80 % (ELE-10), 64 % and 65 % after a switch, the test work; a
 * group of 16 and 17 (split, ELE-4), a second foreign language of 11 and 12; the weekly
 * load at and above the grade's maximum (ELE-12); 30 June and 1 July (ELE-5, CLB-1); a
 * sports section with and without the certificate (CLB-3); a session at and one minute
 * before the end of the last lesson (CLB-5). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/club.h"
#include "core/elective.h"

static struct elective_result result(int done, int attended, int held, int switched)
{
	struct elective_thresholds t = elective_thresholds_default();
	struct elective_result r;
	elective_result(&t, done, attended, held, switched, &r);
	return r;
}

/* ELE-10: 80 % attendance and the test work: 80 of 100 passes, 79 does not; exact
 * arithmetic, so 27 of 34 (79.4 %) fails and 28 of 35 (80 %) passes. */
static void ele10_attendance_80_both_sides(void **state)
{
	(void)state;
	struct elective_result r = result(1, 80, 100, 0);
	assert_true(r.passed);
	assert_int_equal(r.percent_tenths, 800);
	assert_int_equal(r.required_percent, 80);
	r = result(1, 79, 100, 0);
	assert_false(r.passed);
	assert_true(r.attendance_short);
	assert_false(result(1, 27, 34, 0).passed);
	assert_true(result(1, 28, 35, 0).passed);
}

/* ELE-10: the test work not done fails whatever the attendance. */
static void ele10_test_work_required(void **state)
{
	(void)state;
	struct elective_result r = result(0, 100, 100, 0);
	assert_false(r.passed);
	assert_false(r.attendance_short);
	assert_int_equal(r.percent_tenths, 1000);
}

/* ELE-10, ELE-13: a student who switched needs 65 %: 65 of 100 passes, 64 does not. */
static void ele10_switched_65_both_sides(void **state)
{
	(void)state;
	assert_true(result(1, 65, 100, 1).passed);
	struct elective_result r = result(1, 64, 100, 1);
	assert_false(r.passed);
	assert_int_equal(r.required_percent, 65);
	assert_false(result(1, 64, 100, 0).passed);
	assert_false(result(1, 79, 100, 0).passed);
	assert_true(result(1, 79, 100, 1).passed);
}

/* ELE-9: nothing held, nothing to judge. */
static void ele9_nothing_held(void **state)
{
	(void)state;
	struct elective_result r = result(1, 0, 0, 0);
	assert_false(r.passed);
	assert_false(r.attendance_short);
	assert_int_equal(r.percent_tenths, 0);
}

/* ELE-4: 16 stays one group, 17 is flagged to be split; a second foreign language
 * group of 11 cannot be opened, of 12 can. */
static void ele4_group_sizes_both_sides(void **state)
{
	(void)state;
	struct elective_thresholds t = elective_thresholds_default();
	assert_int_equal(elective_group_size(&t, 16, 0), ELECTIVE_GROUP_OK);
	assert_int_equal(elective_group_size(&t, 17, 0), ELECTIVE_GROUP_SPLIT);
	assert_int_equal(elective_group_size(&t, 11, 1), ELECTIVE_GROUP_TOO_SMALL);
	assert_int_equal(elective_group_size(&t, 12, 1), ELECTIVE_GROUP_OK);
	assert_int_equal(elective_group_size(&t, 11, 0), ELECTIVE_GROUP_OK);
	/* thresholds are data */
	t.split_at = 20;
	assert_int_equal(elective_group_size(&t, 17, 0), ELECTIVE_GROUP_OK);
}

/* ELE-12: the weekly load may reach the grade's maximum, not pass it. */
static void ele12_load_limit(void **state)
{
	(void)state;
	assert_true(elective_load_allowed(34, 2, 36));
	assert_false(elective_load_allowed(35, 2, 36));
	assert_false(elective_load_allowed(30, -1, 36));
}

/* ELE-5, CLB-1: a year starting 1 September 2027 is prepared by 30 June 2027. */
static void ele5_june_30_both_sides(void **state)
{
	(void)state;
	struct date start = {2027, 9, 1};
	struct date d = elective_june_deadline(start);
	assert_int_equal(d.y, 2027);
	assert_int_equal(d.m, 6);
	assert_int_equal(d.d, 30);
	assert_false(elective_after_june_deadline((struct date){2027, 6, 30}, start));
	assert_true(elective_after_june_deadline((struct date){2027, 7, 1}, start));
	/* a year starting before 30 June (not the NIS case) takes the previous June */
	d = elective_june_deadline((struct date){2027, 1, 10});
	assert_int_equal(d.y, 2026);
}

/* CLB-3: a sports section needs the certificate; another club does not. */
static void clb3_sports_certificate(void **state)
{
	(void)state;
	assert_true(club_join_allowed(0, 0));
	assert_false(club_join_allowed(1, 0));
	assert_true(club_join_allowed(1, 1));
}

/* CLB-5: a session starts when the member's last lesson has ended, not a minute before. */
static void clb5_after_lessons_both_sides(void **state)
{
	(void)state;
	struct club_interval lessons[] = {{8 * 60, 8 * 60 + 40}, {13 * 60, 13 * 60 + 40}};
	assert_true(club_session_after_lessons((struct club_interval){13 * 60 + 40, 15 * 60}, lessons, 2));
	assert_false(club_session_after_lessons((struct club_interval){13 * 60 + 39, 15 * 60}, lessons, 2));
	assert_false(club_session_after_lessons((struct club_interval){10 * 60, 11 * 60}, lessons, 2));
	assert_true(club_session_after_lessons((struct club_interval){10 * 60, 11 * 60}, NULL, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ele10_attendance_80_both_sides),
		cmocka_unit_test(ele10_test_work_required),
		cmocka_unit_test(ele10_switched_65_both_sides),
		cmocka_unit_test(ele9_nothing_held),
		cmocka_unit_test(ele4_group_sizes_both_sides),
		cmocka_unit_test(ele12_load_limit),
		cmocka_unit_test(ele5_june_30_both_sides),
		cmocka_unit_test(clb3_sports_certificate),
		cmocka_unit_test(clb5_after_lessons_both_sides),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
