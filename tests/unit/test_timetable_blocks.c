/* Unit tests of src/core/timetable_blocks.c: TT-4 (A3§10, elective courses run by the
 * timetable) — a lesson may not take a class of a block's grades, a teacher who meets an
 * elective group, or a room a group uses at a block period; a grade joined by a group
 * across parallels (ELE-3) is in the block too; a meeting's room must be free of lessons
 * (TT-1) and of other meetings (TT-4). Each rule from both sides. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/timetable_blocks.h"

/* A whole-class lesson of a class of `grade`: weekday, period, teacher, room. */
static struct tt_entry lesson(int wd, int period, int grade, int64_t staff, int64_t room)
{
	struct tt_entry e = {0};
	e.weekday = wd;
	e.period = period;
	e.class_id = 100 + grade;
	e.grade = grade;
	e.subject_id = 1;
	e.staff_id = staff;
	e.room_id = room;
	return e;
}

/* A meeting of group `group` of grade(s) `grades` at a slot with a teacher and room. */
static struct tt_block meeting(int64_t id, int wd, int period, unsigned grades, int64_t group, int64_t staff,
			       int64_t room)
{
	return (struct tt_block){id, wd, period, grades, group, staff, room};
}

#define G(g) tt_block_grade_bit(g)

static void test_tt4_class_of_block_grade_refused_other_grade_free(void **state)
{
	(void)state;
	struct tt_block b[] = {meeting(1, 2, 3, G(7), 11, 50, 0), meeting(2, 2, 3, G(7), 12, 51, 0)};
	struct tt_entry e[] = {
		lesson(2, 3, 7, 60, 0), /* grade 7 at its block: refused once, though two groups meet */
		lesson(2, 3, 8, 61, 0), /* grade 8 then: free */
		lesson(2, 4, 7, 62, 0), /* grade 7 the next period: free */
		lesson(3, 3, 7, 63, 0), /* another day: free */
	};
	struct tt_block_clash c[8];
	size_t n = tt_check_block_clashes(e, 4, b, 2, c, 8);
	assert_int_equal(n, 1);
	assert_int_equal(c[0].kind, TT_BLOCK_CLASH_CLASS);
	assert_string_equal(c[0].code, "timetable_clash_block_class");
	assert_int_equal(c[0].entry, 0);
	assert_int_equal(c[0].block, 0);
}

static void test_tt4_ele3_grade_joined_across_parallels_is_in_the_block(void **state)
{
	(void)state;
	/* a group of grades 10 and 11 in grade 10's block: grade 11 is taken too, 12 not */
	struct tt_block b[] = {meeting(1, 1, 5, G(10) | G(11), 20, 50, 0)};
	struct tt_entry e[] = {lesson(1, 5, 11, 60, 0), lesson(1, 5, 12, 61, 0)};
	struct tt_block_clash c[4];
	assert_int_equal(tt_check_block_clashes(e, 2, b, 1, c, 4), 1);
	assert_int_equal(c[0].entry, 0);
	/* a grade unknown (0) is never in a block */
	e[0].grade = 0;
	assert_int_equal(tt_check_block_clashes(e, 2, b, 1, c, 4), 0);
	assert_int_equal(tt_block_grade_bit(0), 0);
	assert_int_equal(tt_block_grade_bit(13), 0);
}

static void test_tt4_teacher_meeting_a_group_refused_elsewhere_free(void **state)
{
	(void)state;
	struct tt_block b[] = {meeting(1, 4, 2, G(9), 30, 50, 0)};
	struct tt_entry e[] = {
		lesson(4, 2, 5, 50, 0), /* the group's teacher with grade 5 then: refused */
		lesson(4, 2, 6, 51, 0), /* another teacher: free */
		lesson(4, 3, 5, 50, 0), /* the same teacher the next period: free */
	};
	struct tt_block_clash c[4];
	size_t n = tt_check_block_clashes(e, 3, b, 1, c, 4);
	assert_int_equal(n, 1);
	assert_int_equal(c[0].kind, TT_BLOCK_CLASH_TEACHER);
	assert_string_equal(c[0].code, "timetable_clash_block_teacher");
	assert_int_equal(c[0].entry, 0);
	/* a meeting without a teacher takes no teacher's time, even a lesson without one */
	b[0].staff_id = 0;
	e[0].staff_id = 0;
	assert_int_equal(tt_check_block_clashes(e, 3, b, 1, c, 4), 0);
}

static void test_tt4_room_of_a_meeting_refused_other_room_free(void **state)
{
	(void)state;
	struct tt_block b[] = {meeting(1, 5, 6, G(8), 40, 50, 77)};
	struct tt_entry e[] = {lesson(5, 6, 5, 60, 77), lesson(5, 6, 6, 61, 78), lesson(5, 6, 4, 62, 0)};
	struct tt_block_clash c[4];
	size_t n = tt_check_block_clashes(e, 3, b, 1, c, 4);
	assert_int_equal(n, 1);
	assert_int_equal(c[0].kind, TT_BLOCK_CLASH_ROOM);
	assert_string_equal(c[0].code, "timetable_clash_block_room");
	/* one entry may clash in every way at once: class, teacher and room, in that order */
	struct tt_entry all = lesson(5, 6, 8, 50, 77);
	n = tt_check_block_clashes(&all, 1, b, 1, c, 4);
	assert_int_equal(n, 3);
	assert_int_equal(c[0].kind, TT_BLOCK_CLASH_CLASS);
	assert_int_equal(c[1].kind, TT_BLOCK_CLASH_TEACHER);
	assert_int_equal(c[2].kind, TT_BLOCK_CLASH_ROOM);
	/* counted beyond the cap, and with no output at all */
	assert_int_equal(tt_check_block_clashes(&all, 1, b, 1, c, 1), 3);
	assert_int_equal(tt_check_block_clashes(&all, 1, b, 1, NULL, 0), 3);
	/* no blocks: no clash */
	assert_int_equal(tt_check_block_clashes(e, 3, NULL, 0, NULL, 0), 0);
}

static void test_tt4_meeting_room_free_of_lessons_and_other_meetings(void **state)
{
	(void)state;
	struct tt_block b[] = {meeting(1, 1, 1, G(7), 11, 50, 70), meeting(2, 1, 1, G(7), 12, 51, 71),
			       meeting(3, 1, 2, G(7), 11, 50, 72)};
	struct tt_entry e[] = {lesson(1, 1, 5, 60, 80), lesson(1, 2, 5, 60, 81)};
	long lesson_at, other_at;
	/* a free room, and the meeting's own room: free */
	assert_true(tt_block_room_free(&b[0], 90, e, 2, b, 3, &lesson_at, &other_at));
	assert_true(tt_block_room_free(&b[0], 70, e, 2, b, 3, &lesson_at, &other_at));
	assert_int_equal(lesson_at, -1);
	assert_int_equal(other_at, -1);
	/* a lesson's room at that time (TT-1); the same room at another period is free */
	assert_false(tt_block_room_free(&b[0], 80, e, 2, b, 3, &lesson_at, &other_at));
	assert_int_equal(lesson_at, 0);
	assert_int_equal(other_at, -1);
	assert_true(tt_block_room_free(&b[0], 81, e, 2, b, 3, &lesson_at, &other_at));
	/* another meeting's room then (TT-4); the room of a meeting at another period is free */
	assert_false(tt_block_room_free(&b[0], 71, e, 2, b, 3, &lesson_at, &other_at));
	assert_int_equal(other_at, 1);
	assert_true(tt_block_room_free(&b[0], 72, e, 2, b, 3, &lesson_at, &other_at));
	/* no room: always free */
	assert_true(tt_block_room_free(&b[0], 0, e, 2, b, 3, &lesson_at, &other_at));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tt4_class_of_block_grade_refused_other_grade_free),
		cmocka_unit_test(test_tt4_ele3_grade_joined_across_parallels_is_in_the_block),
		cmocka_unit_test(test_tt4_teacher_meeting_a_group_refused_elsewhere_free),
		cmocka_unit_test(test_tt4_room_of_a_meeting_refused_other_room_free),
		cmocka_unit_test(test_tt4_meeting_room_free_of_lessons_and_other_meetings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
