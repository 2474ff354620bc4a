/* Unit tests of src/core/elective_blocks.c (TT-4: elective courses run by the timetable;
 * ELE-3: groups across parallels): assignments checked by an independent checker — one
 * teacher in three one-hour groups, a 2-hour course, a cross-grade group, 36 groups with
 * a planted assignment; each counting conflict on both sides of its count (a group, a
 * teacher's groups, a student's groups against the block's hours); no assignment
 * although every count fits (three groups linked in a triangle in a 2-hour block) named
 * without the groups that do not take part; the grades joined into blocks, with their
 * hours missing or differing; the same answer twice. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/elective_blocks.h"

/* The assignment's own check: every group its hours, distinct, inside the block; no
 * teacher or student in two groups at one block hour. */
static void check_assignment(const struct eb_group *g, size_t n, int H, const struct eb_result *r)
{
	assert_true(r->ok);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(__builtin_popcount(r->hours[i]), g[i].hours);
		assert_int_equal(r->hours[i] >> H, 0);
		for (size_t j = i + 1; j < n; j++) {
			if (!(r->hours[i] & r->hours[j]))
				continue;
			assert_true(g[i].teacher < 0 || g[i].teacher != g[j].teacher);
			for (size_t a = 0; a < g[i].n_students; a++)
				for (size_t b = 0; b < g[j].n_students; b++)
					assert_true(g[i].students[a] != g[j].students[b]);
		}
	}
}

static const struct eb_conflict *only_conflict(const struct eb_result *r, enum eb_conflict_kind kind)
{
	assert_false(r->ok);
	assert_int_equal(r->n_conflicts, 1);
	assert_int_equal(r->conflicts[0].kind, kind);
	return &r->conflicts[0];
}

/* TT-4: a teacher's three one-hour groups take the three hours of the block, one each. */
static void tt4_teacher_groups_at_distinct_hours(void **state)
{
	(void)state;
	int64_t s1[] = {1, 2}, s2[] = {3}, s3[] = {4, 5};
	struct eb_group g[] = {{1, 0, s1, 2}, {1, 0, s2, 1}, {1, 0, s3, 2}};
	struct eb_result r;
	assert_int_equal(eb_assign(g, 3, 3, 0, &r), 0);
	check_assignment(g, 3, 3, &r);
	assert_int_equal(r.hours[0] | r.hours[1] | r.hours[2], 7);
	eb_result_free(&r);
}

/* TT-4, ELE-3: a 2-hour course and a group across grades 10 and 11 in one 3-hour block:
 * students 1..3 (grade 10) and 11..13 (grade 11). */
static void tt4_ele3_two_hour_course_and_cross_grade_group(void **state)
{
	(void)state;
	int64_t ielts[] = {1, 2, 11}, cross[] = {3, 12, 13}, research[] = {1, 3}, robotics[] = {2, 12, 13, 11};
	struct eb_group g[] = {
		{2, 0, ielts, 3},    /* 2 hours */
		{1, 1, cross, 3},    /* across the parallels */
		{1, 2, research, 2},
		{1, 1, robotics, 4}, /* the cross group's teacher again */
	};
	struct eb_result r;
	assert_int_equal(eb_assign(g, 4, 3, 0, &r), 0);
	check_assignment(g, 4, 3, &r);
	assert_int_equal(__builtin_popcount(r.hours[0]), 2);
	eb_result_free(&r);
}

/* TT-4: a group of 3 hours needs a block of 3: refused at 2 with the figures. */
static void tt4_group_hours_both_sides(void **state)
{
	(void)state;
	int64_t s[] = {1};
	struct eb_group g[] = {{3, 0, s, 1}};
	struct eb_result r;
	assert_int_equal(eb_assign(g, 1, 2, 0, &r), 0);
	const struct eb_conflict *c = only_conflict(&r, EB_GROUP_HOURS);
	assert_int_equal(c->need, 3);
	assert_int_equal(c->have, 2);
	assert_int_equal(c->n_groups, 1);
	assert_int_equal(c->groups[0], 0);
	eb_result_free(&r);
	assert_int_equal(eb_assign(g, 1, 3, 0, &r), 0);
	check_assignment(g, 1, 3, &r);
	eb_result_free(&r);
}

/* TT-4: a teacher in three one-hour groups of a 2-hour block cannot be in all: refused
 * with the teacher, 3 against 2 and the three groups; a 3-hour block takes them. */
static void tt4_teacher_hours_both_sides(void **state)
{
	(void)state;
	int64_t a[] = {1}, b[] = {2}, c3[] = {3}, d[] = {4};
	struct eb_group g[] = {{1, 5, a, 1}, {1, 5, b, 1}, {1, 6, d, 1}, {1, 5, c3, 1}};
	struct eb_result r;
	assert_int_equal(eb_assign(g, 4, 2, 0, &r), 0);
	const struct eb_conflict *c = only_conflict(&r, EB_TEACHER_HOURS);
	assert_int_equal(c->teacher, 5);
	assert_int_equal(c->need, 3);
	assert_int_equal(c->have, 2);
	assert_int_equal(c->n_groups, 3);
	assert_int_equal(c->groups[0], 0);
	assert_int_equal(c->groups[1], 1);
	assert_int_equal(c->groups[2], 3);
	eb_result_free(&r);
	assert_int_equal(eb_assign(g, 4, 3, 0, &r), 0);
	check_assignment(g, 4, 3, &r);
	eb_result_free(&r);
}

/* TT-4: a teacher of 14 one-hour groups in a 2-hour block: 14 against 2, twelve groups
 * named and two more counted. */
static void tt4_teacher_of_many_groups_counted(void **state)
{
	(void)state;
	int64_t ids[14];
	struct eb_group g[14];
	for (int i = 0; i < 14; i++) {
		ids[i] = i + 1;
		g[i] = (struct eb_group){1, 3, &ids[i], 1};
	}
	struct eb_result r;
	assert_int_equal(eb_assign(g, 14, 2, 0, &r), 0);
	const struct eb_conflict *c = only_conflict(&r, EB_TEACHER_HOURS);
	assert_int_equal(c->need, 14);
	assert_int_equal(c->n_groups, EB_MAX_NAMED);
	assert_int_equal(c->more_groups, 14 - EB_MAX_NAMED);
	eb_result_free(&r);
}

/* ELE-12 as the block sees it: a student in a 2-hour and a 1-hour group needs 3 block
 * hours; refused in a block of 2 (the student named), placed in a block of 3. */
static void tt4_student_hours_both_sides(void **state)
{
	(void)state;
	int64_t a[] = {7, 8}, b[] = {8, 9};
	struct eb_group g[] = {{2, 0, a, 2}, {1, 1, b, 2}};
	struct eb_result r;
	assert_int_equal(eb_assign(g, 2, 2, 0, &r), 0);
	const struct eb_conflict *c = only_conflict(&r, EB_STUDENT_HOURS);
	assert_int_equal(c->student, 8);
	assert_int_equal(c->need, 3);
	assert_int_equal(c->have, 2);
	assert_int_equal(c->n_groups, 2);
	eb_result_free(&r);
	assert_int_equal(eb_assign(g, 2, 3, 0, &r), 0);
	check_assignment(g, 2, 3, &r);
	eb_result_free(&r);
}

/* TT-4: every count fits (each student in two one-hour groups, each teacher in one), yet
 * three groups linked in a triangle need 3 hours: no assignment in a block of 2, named
 * as those three and the students linking them — not the group beside them nor the one
 * hanging off the triangle; a block of 3 takes them. */
static void tt4_no_assignment_names_the_triangle(void **state)
{
	(void)state;
	int64_t a[] = {1, 3, 10}, b[] = {1, 2, 20}, c3[] = {2, 3}, d[] = {30, 31}, e[] = {10, 40};
	struct eb_group g[] = {{1, 0, d, 2}, {1, 1, a, 3}, {1, 2, b, 3}, {1, 3, c3, 2}, {1, 4, e, 2}};
	struct eb_result r;
	assert_int_equal(eb_assign(g, 5, 2, 0, &r), 0);
	const struct eb_conflict *c = only_conflict(&r, EB_NO_ASSIGNMENT);
	assert_int_equal(c->n_groups, 3);
	assert_int_equal(c->groups[0], 1);
	assert_int_equal(c->groups[1], 2);
	assert_int_equal(c->groups[2], 3);
	assert_int_equal(c->n_students, 3);
	assert_int_equal(c->students[0], 1);
	assert_int_equal(c->students[1], 2);
	assert_int_equal(c->students[2], 3);
	assert_int_equal(c->n_teachers, 0);
	assert_int_equal(c->have, 2);
	eb_result_free(&r);
	/* the same triangle through a shared teacher instead of student 3 */
	int64_t c4[] = {2};
	struct eb_group h[] = {{1, 0, d, 2}, {1, 7, a, 3}, {1, 2, b, 3}, {1, 7, c4, 1}, {1, 4, e, 2}};
	assert_int_equal(eb_assign(h, 5, 2, 0, &r), 0);
	c = only_conflict(&r, EB_NO_ASSIGNMENT);
	assert_int_equal(c->n_groups, 3);
	assert_int_equal(c->n_teachers, 1);
	assert_int_equal(c->teachers[0], 7);
	assert_int_equal(c->n_students, 2);
	eb_result_free(&r);
	assert_int_equal(eb_assign(g, 5, 3, 0, &r), 0);
	check_assignment(g, 5, 3, &r);
	eb_result_free(&r);
}

/* TT-4: 36 groups (12 teachers of 3, 2-hour courses among them) over 120 students, each
 * in groups at distinct hours of a planted assignment of a 3-hour block: found, and the
 * same twice. */
static void tt4_planted_block_of_36_groups(void **state)
{
	(void)state;
	enum { N = 36, S = 120, H = 3 };
	static int64_t members[N][S];
	struct eb_group g[N];
	uint32_t planted[N];
	for (int i = 0; i < N; i++) {
		/* teacher i / 3 has groups at hours 0, 1, 2 (or a 2-hour group at 1-2) */
		int k = i % 3;
		g[i].hours = (i % 9 == 1) ? 2 : 1;
		planted[i] = g[i].hours == 2 ? 6u : 1u << k;
		if (i % 9 == 2)
			planted[i] = 0; /* the 2-hour group's teacher has no third */
		g[i].teacher = i / 3;
		g[i].students = members[i];
		g[i].n_students = 0;
	}
	/* student s takes at hour 0 group (s*7) of those at hour 0, and so on */
	for (int s = 0; s < S; s++) {
		uint32_t taken = 0;
		for (int step = 0; step < N && taken != 7; step++) {
			int i = (s * 7 + step * 5) % N;
			if (!planted[i] || (planted[i] & taken))
				continue;
			taken |= planted[i];
			members[i][g[i].n_students++] = s + 1;
		}
	}
	size_t n = 0;
	struct eb_group used[N];
	for (int i = 0; i < N; i++)
		if (planted[i])
			used[n++] = g[i];
	struct eb_result r, again;
	assert_int_equal(eb_assign(used, n, H, 0, &r), 0);
	check_assignment(used, n, H, &r);
	assert_int_equal(eb_assign(used, n, H, 0, &again), 0);
	assert_memory_equal(r.hours, again.hours, n * sizeof *r.hours);
	eb_result_free(&r);
	eb_result_free(&again);
}

/* ELE-3: a group across grades 10 and 11 joins them into one block (its lowest grade);
 * their hours must agree; a grade with groups needs the ЖОЖ's hours (TT-4). */
static void ele3_cross_grade_group_joins_grades(void **state)
{
	(void)state;
	uint32_t masks[] = {1u << 7, 1u << 10, (1u << 10) | (1u << 11), 1u << 12};
	int hours[EB_MAX_GRADE + 1], block[EB_MAX_GRADE + 1];
	for (int g = 0; g <= EB_MAX_GRADE; g++)
		hours[g] = -1;
	hours[7] = 2;
	hours[10] = hours[11] = hours[12] = 3;
	struct eb_conflict c[4];
	assert_int_equal(eb_grade_blocks(masks, 4, hours, block, c, 4), 0);
	assert_int_equal(block[7], 7);
	assert_int_equal(block[10], 10);
	assert_int_equal(block[11], 10);
	assert_int_equal(block[12], 12);
	assert_int_equal(block[8], 0);
	/* grade 11 at 2 hours: differs from its block's grade 10 */
	hours[11] = 2;
	assert_int_equal(eb_grade_blocks(masks, 4, hours, block, c, 4), 1);
	assert_int_equal(c[0].kind, EB_GRADE_HOURS_DIFFER);
	assert_int_equal(c[0].grade, 11);
	assert_int_equal(c[0].other_grade, 10);
	assert_int_equal(c[0].need, 2);
	assert_int_equal(c[0].have, 3);
	/* without the cross group they are separate blocks and may differ */
	assert_int_equal(eb_grade_blocks(masks, 2, hours, block, c, 4), 0);
	/* grade 12 without hours in the ЖОЖ, grade 7 at 0 */
	hours[11] = 3;
	hours[12] = -1;
	hours[7] = 0;
	assert_int_equal(eb_grade_blocks(masks, 4, hours, block, c, 4), 2);
	assert_int_equal(c[0].kind, EB_GRADE_NO_HOURS);
	assert_int_equal(c[0].grade, 7);
	assert_int_equal(c[1].kind, EB_GRADE_NO_HOURS);
	assert_int_equal(c[1].grade, 12);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tt4_teacher_groups_at_distinct_hours),
		cmocka_unit_test(tt4_ele3_two_hour_course_and_cross_grade_group),
		cmocka_unit_test(tt4_group_hours_both_sides),
		cmocka_unit_test(tt4_teacher_hours_both_sides),
		cmocka_unit_test(tt4_teacher_of_many_groups_counted),
		cmocka_unit_test(tt4_student_hours_both_sides),
		cmocka_unit_test(tt4_no_assignment_names_the_triangle),
		cmocka_unit_test(tt4_planted_block_of_36_groups),
		cmocka_unit_test(ele3_cross_grade_group_joins_grades),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
