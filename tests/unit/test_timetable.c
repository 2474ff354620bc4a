/* Unit tests of src/core/timetable.c: the bell schedule (CAL-6, ORG-7), the clash check
 * and the hours report of TT-1, the semesters of TT-3, and the laying of the week over
 * the calendar — each rule from both sides. The calendar is the demo network's NIS year
 * 2026–2027: semester 1 has 79 study days (Monday to Friday of 1 Sep–23 Oct and
 * 3 Nov–29 Dec, without Independence Day, Wednesday 16 December). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/timetable.h"

static struct date mk(int y, int m, int d)
{
	struct date r = {y, m, d};
	return r;
}

/* A whole-class lesson: weekday, period, class, subject, teacher, room. */
static struct tt_entry lesson(int wd, int period, int64_t cls, int64_t subject, int64_t staff, int64_t room)
{
	struct tt_entry e = {0};
	e.weekday = wd;
	e.period = period;
	e.class_id = cls;
	e.subject_id = subject;
	e.staff_id = staff;
	e.room_id = room;
	return e;
}

/* A lesson of one group of a class. */
static struct tt_entry group_lesson(int wd, int period, int64_t cls, int64_t group, int64_t subject,
				    int64_t staff, int64_t room)
{
	struct tt_entry e = lesson(wd, period, cls, subject, staff, room);
	e.group_id = group;
	return e;
}

static size_t clashes(const struct tt_entry *e, size_t n, struct tt_clash *out, size_t cap)
{
	return tt_check_clashes(e, n, NULL, 0, out, cap);
}

/* --- TT-1: clashes --- */

static void test_tt1_same_teacher_periods_2_and_3_fine_2_and_2_clash(void **state)
{
	struct tt_clash c[4];
	struct tt_entry fine[] = {lesson(1, 2, 10, 100, 7, 0), lesson(1, 3, 11, 100, 7, 0)};
	assert_int_equal(clashes(fine, 2, c, 4), 0);
	struct tt_entry other_day[] = {lesson(1, 2, 10, 100, 7, 0), lesson(2, 2, 11, 100, 7, 0)};
	assert_int_equal(clashes(other_day, 2, c, 4), 0);
	struct tt_entry clash[] = {lesson(1, 2, 10, 100, 7, 0), lesson(1, 2, 11, 100, 7, 0)};
	assert_int_equal(clashes(clash, 2, c, 4), 1);
	assert_int_equal(c[0].kind, TT_CLASH_TEACHER);
	assert_string_equal(c[0].code, "timetable_clash_teacher");
	assert_int_equal(c[0].a, 0);
	assert_int_equal(c[0].b, 1);
}

static void test_tt1_same_class_twice_clash_other_period_fine(void **state)
{
	struct tt_clash c[4];
	struct tt_entry fine[] = {lesson(3, 4, 10, 100, 7, 0), lesson(3, 5, 10, 101, 8, 0)};
	assert_int_equal(clashes(fine, 2, c, 4), 0);
	struct tt_entry clash[] = {lesson(3, 4, 10, 100, 7, 0), lesson(3, 4, 10, 101, 8, 0)};
	assert_int_equal(clashes(clash, 2, c, 4), 1);
	assert_int_equal(c[0].kind, TT_CLASH_CLASS);
	assert_string_equal(c[0].code, "timetable_clash_class");
}

/* CUR-3: a split subject runs with both groups at once, each with its teacher. */
static void test_tt1_two_groups_of_one_class_together_fine(void **state)
{
	struct tt_clash c[4];
	struct tt_entry e[] = {group_lesson(2, 1, 10, 501, 100, 7, 31), group_lesson(2, 1, 10, 502, 100, 8, 32),
			       lesson(2, 1, 11, 100, 9, 33)};
	assert_int_equal(clashes(e, 3, c, 4), 0);
	/* groups of different subjects made alike may run together too … */
	struct tt_entry swap[] = {group_lesson(2, 1, 10, 501, 100, 7, 31), group_lesson(2, 1, 10, 604, 101, 8, 32)};
	assert_int_equal(clashes(swap, 2, c, 4), 0);
	/* … unless they share a student */
	struct tt_group_pair shared = {604, 501};
	assert_int_equal(tt_check_clashes(swap, 2, &shared, 1, c, 4), 1);
	assert_int_equal(c[0].kind, TT_CLASH_STUDENTS);
	assert_string_equal(c[0].code, "timetable_clash_students");
}

static void test_tt1_group_with_its_class_refused(void **state)
{
	struct tt_clash c[4];
	struct tt_entry e[] = {group_lesson(4, 6, 10, 501, 100, 7, 31), lesson(4, 6, 10, 102, 8, 32)};
	assert_int_equal(clashes(e, 2, c, 4), 1);
	assert_int_equal(c[0].kind, TT_CLASH_GROUP_CLASS);
	assert_string_equal(c[0].code, "timetable_clash_group_class");
	/* the group of another class is no clash */
	e[1].class_id = 11;
	assert_int_equal(clashes(e, 2, c, 4), 0);
	/* one group twice is */
	struct tt_entry twice[] = {group_lesson(4, 6, 10, 501, 100, 7, 31), group_lesson(4, 6, 10, 501, 101, 8, 32)};
	assert_int_equal(clashes(twice, 2, c, 4), 1);
	assert_int_equal(c[0].kind, TT_CLASH_GROUP);
}

static void test_tt1_room_twice_clash_no_room_fine(void **state)
{
	struct tt_clash c[4];
	struct tt_entry e[] = {lesson(5, 1, 10, 100, 7, 31), lesson(5, 1, 11, 100, 8, 31)};
	assert_int_equal(clashes(e, 2, c, 4), 1);
	assert_int_equal(c[0].kind, TT_CLASH_ROOM);
	assert_string_equal(c[0].code, "timetable_clash_room");
	e[0].room_id = e[1].room_id = 0; /* no room given is no room shared */
	assert_int_equal(clashes(e, 2, c, 4), 0);
}

/* Every clash is listed with its two entries, ordered by time, and the count is right
 * past the cap. */
static void test_tt1_every_clash_listed_in_time_order(void **state)
{
	struct tt_clash c[8];
	struct tt_entry e[] = {
		lesson(2, 3, 10, 100, 7, 31), /* 0: clashes with 3 in class, teacher and room */
		lesson(1, 1, 11, 100, 8, 0),  /* 1: clashes with 2 (teacher) */
		lesson(1, 1, 12, 100, 8, 0),  /* 2 */
		lesson(2, 3, 10, 101, 7, 31), /* 3 */
		lesson(2, 4, 10, 101, 7, 31), /* 4: fine */
	};
	assert_int_equal(clashes(e, 5, c, 8), 4);
	assert_int_equal(c[0].kind, TT_CLASH_TEACHER);
	assert_int_equal(c[0].a, 1);
	assert_int_equal(c[0].b, 2);
	assert_int_equal(c[1].kind, TT_CLASH_TEACHER);
	assert_int_equal(c[1].a, 0);
	assert_int_equal(c[1].b, 3);
	assert_int_equal(c[2].kind, TT_CLASH_CLASS);
	assert_int_equal(c[3].kind, TT_CLASH_ROOM);
	assert_int_equal(clashes(e, 5, c, 2), 4);
	assert_int_equal(clashes(e, 5, NULL, 0), 4);
	assert_int_equal(clashes(NULL, 0, NULL, 0), 0);
}

static void test_tt1_slots(void **state)
{
	assert_true(tt_weekday_valid(1, TT_WEEKDAYS));
	assert_true(tt_weekday_valid(5, TT_WEEKDAYS));
	assert_false(tt_weekday_valid(6, TT_WEEKDAYS));
	assert_true(tt_weekday_valid(6, TT_WEEKDAYS_SATURDAY));
	assert_false(tt_weekday_valid(7, TT_WEEKDAYS_SATURDAY));
	assert_false(tt_weekday_valid(0, TT_WEEKDAYS));
	assert_true(tt_period_valid(8, 8));
	assert_false(tt_period_valid(9, 8));
	assert_false(tt_period_valid(0, 8));
}

/* --- CAL-6, ORG-7: the bell schedule --- */

/* The demo schedule: 8 periods of 40 minutes from 08:00, 10-minute breaks, 20 minutes
 * after the 2nd and 4th period for meals. */
static struct tt_bells demo_bells(void)
{
	struct tt_bells b;
	memset(&b, 0, sizeof b);
	b.lesson_minutes = 40;
	b.n = 8;
	int t = 8 * 60;
	for (int i = 0; i < 8; i++) {
		b.periods[i].number = i + 1;
		b.periods[i].starts_at = t;
		b.periods[i].ends_at = t + 40;
		b.periods[i].meal_after = i == 1 || i == 3;
		t += 40 + (b.periods[i].meal_after ? 20 : 10);
	}
	return b;
}

static size_t bells(const struct tt_bells *b, struct tt_problem *p)
{
	return tt_bells_check(b, TT_MIN_BREAK_MINUTES, TT_MEAL_BREAK_MINUTES, p, 8);
}

static void test_cal6_forty_minutes_from_eight(void **state)
{
	struct tt_problem p[8];
	struct tt_bells b = demo_bells();
	assert_int_equal(bells(&b, p), 0);
	char hhmm[6];
	tt_format_hhmm(b.periods[2].starts_at, hhmm);
	assert_string_equal(hhmm, "09:50"); /* 08:00–08:40, 08:50–09:30, break 20 */
	/* a lesson of 41 minutes */
	b.periods[5].ends_at++;
	assert_int_equal(bells(&b, p), 1);
	assert_string_equal(p[0].rule, "CAL-6");
	assert_string_equal(p[0].code, "bells_lesson_length");
	assert_string_equal(p[0].field, "periods[5].ends_at");
}

static void test_cal6_sixty_minutes_as_a_setting(void **state)
{
	struct tt_problem p[8];
	struct tt_bells b = demo_bells();
	b.lesson_minutes = 60;
	assert_int_equal(bells(&b, p), 8); /* 40-minute periods in a 60-minute school */
	b.n = 2;
	b.periods[0] = (struct tt_period){1, 8 * 60, 9 * 60, 0};
	b.periods[1] = (struct tt_period){2, 9 * 60 + 10, 10 * 60 + 10, 0};
	assert_int_equal(bells(&b, p), 0);
	b.lesson_minutes = 45;
	assert_int_equal(bells(&b, p), 1);
	assert_string_equal(p[0].code, "bells_lesson_minutes");
	assert_string_equal(p[0].field, "lesson_minutes");
}

static void test_cal6_break_five_minutes_fine_four_refused(void **state)
{
	struct tt_problem p[8];
	struct tt_bells b = demo_bells();
	b.n = 2;
	b.periods[0].meal_after = 0;
	b.periods[1].starts_at = b.periods[0].ends_at + 5;
	b.periods[1].ends_at = b.periods[1].starts_at + 40;
	assert_int_equal(bells(&b, p), 0);
	b.periods[1].starts_at--, b.periods[1].ends_at--;
	assert_int_equal(bells(&b, p), 1);
	assert_string_equal(p[0].rule, "CAL-6");
	assert_string_equal(p[0].code, "bells_break_short");
	assert_string_equal(p[0].field, "periods[1].starts_at");
	/* overlapping periods are a short break too */
	b.periods[1].starts_at = b.periods[0].starts_at;
	b.periods[1].ends_at = b.periods[1].starts_at + 40;
	assert_int_equal(bells(&b, p), 1);
}

static void test_org7_meal_break_20_fine_19_refused(void **state)
{
	struct tt_problem p[8];
	struct tt_bells b = demo_bells();
	/* period 3 starts 20 minutes after period 2, which has a meal after it */
	assert_int_equal(b.periods[2].starts_at - b.periods[1].ends_at, 20);
	for (int i = 2; i < 8; i++)
		b.periods[i].starts_at--, b.periods[i].ends_at--;
	assert_int_equal(bells(&b, p), 1);
	assert_string_equal(p[0].rule, "ORG-7");
	assert_string_equal(p[0].code, "bells_meal_break_short");
	assert_string_equal(p[0].field, "periods[2].starts_at");
	/* a meal after the last period needs no break */
	b = demo_bells();
	b.periods[7].meal_after = 1;
	assert_int_equal(bells(&b, p), 0);
}

static void test_tt1_periods_numbered_and_present(void **state)
{
	struct tt_problem p[8];
	struct tt_bells b = demo_bells();
	b.periods[3].number = 5;
	assert_int_equal(bells(&b, p), 1);
	assert_string_equal(p[0].rule, "TT-1");
	assert_string_equal(p[0].code, "bells_period_number");
	assert_string_equal(p[0].field, "periods[3].number");
	b.n = 0;
	assert_int_equal(bells(&b, p), 1);
	assert_string_equal(p[0].code, "bells_empty");
}

static void test_hhmm(void **state)
{
	int m = -1;
	assert_int_equal(tt_parse_hhmm("08:00", &m), 0);
	assert_int_equal(m, 480);
	assert_int_equal(tt_parse_hhmm("23:59", &m), 0);
	assert_int_equal(m, 1439);
	assert_int_equal(tt_parse_hhmm("24:00", &m), -1);
	assert_int_equal(tt_parse_hhmm("8:00", &m), -1);
	assert_int_equal(tt_parse_hhmm("08:60", &m), -1);
	assert_int_equal(tt_parse_hhmm("08-00", &m), -1);
	assert_int_equal(tt_parse_hhmm("08:00 ", &m), -1);
	assert_int_equal(tt_parse_hhmm(NULL, &m), -1);
	assert_int_equal(m, 1439);
}

/* --- TT-1: hours against the ЖОЖ and the teachers' load --- */

static void test_tt1_hours_against_the_plan(void **state)
{
	struct tt_entry e[] = {
		lesson(1, 1, 10, 100, 7, 0), lesson(2, 1, 10, 100, 7, 0),             /* math 7А: 2 of 3 */
		lesson(1, 2, 10, 101, 8, 0),                                          /* physics 7А: 1 of 1 */
		group_lesson(1, 3, 10, 501, 102, 9, 0), group_lesson(1, 3, 10, 502, 102, 6, 0), /* 1 and 1 of 2 */
		group_lesson(2, 3, 10, 502, 102, 6, 0),
		lesson(3, 1, 11, 103, 5, 0),                                          /* art 7Б: not planned */
	};
	struct tt_hours plan[] = {
		{10, 0, 100, 3}, {10, 0, 101, 1}, {10, 501, 102, 2}, {10, 502, 102, 2}, {11, 0, 100, 4},
	};
	struct tt_hours_diff d[8];
	assert_int_equal(tt_hours_compare(e, 7, plan, 5, d, 8), 4);
	/* ordered by class, group, subject */
	assert_true(d[0].class_id == 10 && d[0].group_id == 0 && d[0].subject_id == 100);
	assert_int_equal(d[0].plan, 3);
	assert_int_equal(d[0].placed, 2);
	assert_true(d[1].class_id == 10 && d[1].group_id == 501);
	assert_int_equal(d[1].plan, 2);
	assert_int_equal(d[1].placed, 1);
	assert_true(d[2].class_id == 11 && d[2].subject_id == 100);
	assert_int_equal(d[2].plan, 4);
	assert_int_equal(d[2].placed, 0);
	assert_true(d[3].class_id == 11 && d[3].subject_id == 103);
	assert_int_equal(d[3].plan, 0);
	assert_int_equal(d[3].placed, 1);
	/* equal on both sides: nothing to report */
	struct tt_entry one[] = {lesson(1, 1, 10, 100, 7, 0)};
	struct tt_hours same[] = {{10, 0, 100, 1}};
	assert_int_equal(tt_hours_compare(one, 1, same, 1, d, 8), 0);
	assert_int_equal(tt_hours_compare(NULL, 0, NULL, 0, d, 8), 0);
}

static void test_tt1_teachers_against_their_load(void **state)
{
	struct tt_entry e[] = {
		lesson(1, 1, 10, 100, 7, 0), lesson(1, 2, 11, 100, 7, 0), lesson(1, 3, 12, 100, 7, 0), /* 7: 3 of 2 */
		lesson(1, 1, 11, 101, 8, 0), lesson(1, 2, 10, 101, 8, 0),                             /* 8: 2 of 2 */
		lesson(2, 1, 10, 102, 9, 0),                                                         /* 9: no load */
	};
	struct tt_load loads[] = {{8, 2}, {7, 2}, {6, 16}, {5, 0}};
	struct tt_load_diff d[8];
	assert_int_equal(tt_load_compare(e, 6, loads, 4, d, 8), 3);
	assert_int_equal(d[0].staff_id, 6); /* below: nothing placed */
	assert_int_equal(d[0].set_hours, 16);
	assert_int_equal(d[0].placed, 0);
	assert_int_equal(d[1].staff_id, 7); /* above */
	assert_int_equal(d[1].set_hours, 2);
	assert_int_equal(d[1].placed, 3);
	assert_int_equal(d[2].staff_id, 9); /* no load set */
	assert_int_equal(d[2].set_hours, -1);
	assert_int_equal(d[2].placed, 1);
}

/* --- TT-3: the terms of a semester --- */

static void test_tt3_semester_terms(void **state)
{
	size_t first = 9, count = 9;
	assert_int_equal(tt_semester_terms(CALENDAR_QUARTERS, 1, &first, &count), 0);
	assert_int_equal(first, 0);
	assert_int_equal(count, 2);
	assert_int_equal(tt_semester_terms(CALENDAR_QUARTERS, 2, &first, &count), 0);
	assert_int_equal(first, 2);
	assert_int_equal(count, 2);
	assert_int_equal(tt_semester_terms(CALENDAR_SEMESTERS, 2, &first, &count), 0);
	assert_int_equal(first, 1);
	assert_int_equal(count, 1);
	assert_int_equal(tt_semester_terms(CALENDAR_SEMESTERS, 3, &first, &count), -1);
	assert_int_equal(tt_semester_terms(CALENDAR_TYPE_INVALID, 1, &first, &count), -1);
}

/* --- laying the week over the calendar --- */

/* Semester 1 of the demo NIS year: quarters 1 and 2 with the autumn and winter holidays. */
static struct tt_calendar semester1(void)
{
	struct tt_calendar c;
	memset(&c, 0, sizeof c);
	c.n_terms = 2;
	c.terms[0] = (struct calendar_period){mk(2026, 9, 1), mk(2026, 10, 23)};
	c.terms[1] = (struct calendar_period){mk(2026, 11, 3), mk(2026, 12, 29)};
	c.n_holidays = 3;
	c.holidays[0] = (struct calendar_period){mk(2026, 10, 24), mk(2026, 11, 2)};
	c.holidays[1] = (struct calendar_period){mk(2026, 12, 30), mk(2027, 1, 10)};
	c.holidays[2] = (struct calendar_period){mk(2027, 3, 20), mk(2027, 3, 29)};
	c.public_days = holiday_calendar_default();
	return c;
}

static void test_lay_no_lessons_on_holidays_weekends_public_days(void **state)
{
	struct tt_calendar c = semester1();
	static struct tt_day days[200];
	size_t n = tt_study_days(&c, mk(2026, 9, 1), mk(2026, 12, 31), days, 200);
	assert_int_equal(n, 79);
	assert_int_equal(date_compare(days[0].date, mk(2026, 9, 1)), 0);
	assert_int_equal(days[0].weekday, 2); /* a Tuesday */
	assert_int_equal(date_compare(days[n - 1].date, mk(2026, 12, 29)), 0);
	for (size_t i = 0; i < n; i++) {
		assert_true(days[i].weekday >= 1 && days[i].weekday <= 5);
		assert_int_equal(days[i].weekday, date_weekday(days[i].date));
	}
	/* both sides of each boundary */
	assert_int_equal(tt_study_weekday(&c, mk(2026, 10, 23)), 5);  /* last day of quarter 1 */
	assert_int_equal(tt_study_weekday(&c, mk(2026, 10, 26)), 0);  /* autumn holiday */
	assert_int_equal(tt_study_weekday(&c, mk(2026, 11, 2)), 0);   /* its last day */
	assert_int_equal(tt_study_weekday(&c, mk(2026, 11, 3)), 2);   /* quarter 2 */
	assert_int_equal(tt_study_weekday(&c, mk(2026, 12, 15)), 2);
	assert_int_equal(tt_study_weekday(&c, mk(2026, 12, 16)), 0);  /* Independence Day */
	assert_int_equal(tt_study_weekday(&c, mk(2026, 12, 12)), 0);  /* a Saturday */
	assert_int_equal(tt_study_weekday(&c, mk(2026, 8, 31)), 0);   /* before the term */
	assert_int_equal(tt_study_weekday(&c, mk(2026, 12, 30)), 0);  /* winter holiday */
	assert_int_equal(tt_study_days(&c, mk(2026, 12, 31), mk(2026, 9, 1), NULL, 0), 0);
}

static void test_lay_saturday_school(void **state)
{
	struct tt_calendar c = semester1();
	c.saturday = 1;
	assert_int_equal(tt_study_weekday(&c, mk(2026, 12, 12)), 6);
	assert_int_equal(tt_study_weekday(&c, mk(2026, 12, 13)), 0); /* Sunday */
	/* 1 May 2027 is a Saturday and a public holiday: no lessons in a Saturday school */
	c.n_terms = 1;
	c.terms[0] = (struct calendar_period){mk(2027, 3, 30), mk(2027, 5, 25)};
	assert_int_equal(tt_study_weekday(&c, mk(2027, 5, 1)), 0);
	assert_int_equal(tt_study_weekday(&c, mk(2027, 5, 8)), 6);
	assert_int_equal(tt_study_weekday(&c, mk(2027, 5, 3)), 0);   /* 1 May moved to Monday */
	c.saturday = 0;
	assert_int_equal(tt_study_weekday(&c, mk(2027, 5, 8)), 0);
}

/* A transferred working Saturday holds the lessons of the weekday whose day off it pays
 * for: Saturday 4 May 2024 worked for Wednesday 8 May 2024. */
static void test_lay_transferred_working_saturday(void **state)
{
	struct tt_calendar c;
	memset(&c, 0, sizeof c);
	c.n_terms = 1;
	c.terms[0] = (struct calendar_period){mk(2024, 4, 1), mk(2024, 5, 24)};
	c.public_days = holiday_calendar_default();
	assert_int_equal(tt_study_weekday(&c, mk(2024, 5, 4)), 3);
	assert_int_equal(tt_study_weekday(&c, mk(2024, 5, 8)), 0);
	assert_int_equal(tt_study_weekday(&c, mk(2024, 5, 11)), 0); /* an ordinary Saturday */
	c.saturday = 1;
	assert_int_equal(tt_study_weekday(&c, mk(2024, 5, 4)), 6);  /* keeps its own lessons */
	/* in a school holiday the working Saturday holds nothing */
	c.saturday = 0;
	c.n_holidays = 1;
	c.holidays[0] = (struct calendar_period){mk(2024, 5, 1), mk(2024, 5, 5)};
	assert_int_equal(tt_study_weekday(&c, mk(2024, 5, 4)), 0);
}

static void test_lay_dated_lessons(void **state)
{
	struct tt_day days[] = {
		{mk(2027, 5, 14), 5, 0},
		{mk(2027, 5, 17), 1, 1}, /* the external assessment: grades 11–12 have no lessons */
		{mk(2027, 5, 18), 2, 1},
	};
	struct tt_entry e[] = {
		lesson(1, 2, 10, 100, 7, 0), lesson(1, 1, 11, 100, 8, 0), lesson(5, 1, 10, 101, 7, 0),
		lesson(1, 3, 12, 100, 9, 0), lesson(3, 1, 10, 100, 7, 0),
	};
	e[1].grade = 11;
	e[0].grade = e[2].grade = 10;
	e[3].grade = 12;
	struct tt_lesson l[8];
	assert_int_equal(tt_lay(days, 3, e, 5, l, 8), 2);
	assert_int_equal(l[0].day, 0); /* Friday: the Friday entry */
	assert_int_equal(l[0].entry, 2);
	assert_int_equal(l[1].day, 1); /* Monday: grade 10 only */
	assert_int_equal(l[1].entry, 0);
	days[1].assessment = 0;
	assert_int_equal(tt_lay(days, 3, e, 5, l, 8), 4);
	assert_int_equal(l[1].entry, 1); /* by period: 1, 2, 3 */
	assert_int_equal(l[2].entry, 0);
	assert_int_equal(l[3].entry, 3);
	assert_int_equal(tt_lay(days, 3, e, 5, NULL, 0), 4);
	assert_int_equal(tt_lay(days, 3, NULL, 0, l, 8), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tt1_same_teacher_periods_2_and_3_fine_2_and_2_clash),
		cmocka_unit_test(test_tt1_same_class_twice_clash_other_period_fine),
		cmocka_unit_test(test_tt1_two_groups_of_one_class_together_fine),
		cmocka_unit_test(test_tt1_group_with_its_class_refused),
		cmocka_unit_test(test_tt1_room_twice_clash_no_room_fine),
		cmocka_unit_test(test_tt1_every_clash_listed_in_time_order),
		cmocka_unit_test(test_tt1_slots),
		cmocka_unit_test(test_cal6_forty_minutes_from_eight),
		cmocka_unit_test(test_cal6_sixty_minutes_as_a_setting),
		cmocka_unit_test(test_cal6_break_five_minutes_fine_four_refused),
		cmocka_unit_test(test_org7_meal_break_20_fine_19_refused),
		cmocka_unit_test(test_tt1_periods_numbered_and_present),
		cmocka_unit_test(test_hhmm),
		cmocka_unit_test(test_tt1_hours_against_the_plan),
		cmocka_unit_test(test_tt1_teachers_against_their_load),
		cmocka_unit_test(test_tt3_semester_terms),
		cmocka_unit_test(test_lay_no_lessons_on_holidays_weekends_public_days),
		cmocka_unit_test(test_lay_saturday_school),
		cmocka_unit_test(test_lay_transferred_working_saturday),
		cmocka_unit_test(test_lay_dated_lessons),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
