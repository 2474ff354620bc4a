/* Unit tests of src/core/curriculum.c: CUR-1 (rows of a curriculum), CUR-2 (approval),
 * CUR-3 (the split and how students are divided), CUR-4 (the 10 June deadline),
 * CUR-5 (fixed by the order), CUR-6 (mathematics 7 ↔ 10), CUR-7 (taught in English),
 * CUR-8 (language within a year), CUR-9 (load against the plan) — each boundary from
 * both sides. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/curriculum.h"

#define CAP 16

static struct date mk(int y, int m, int d)
{
	struct date r = {y, m, d};
	return r;
}

/* Whether problems[0..n) has one with this rule, code and field. */
static int has(const struct cur_problem *p, size_t n, const char *rule, const char *code, const char *field)
{
	for (size_t i = 0; i < n && i < CAP; i++)
		if (strcmp(p[i].rule, rule) == 0 && strcmp(p[i].code, code) == 0 &&
		    strcmp(p[i].field, field) == 0)
			return 1;
	return 0;
}

static void test_codes(void **state)
{
	(void)state;
	assert_string_equal(cur_component_code(CUR_INVARIANT), "invariant");
	assert_string_equal(cur_component_code(CUR_VARIATIVE), "variative");
	assert_null(cur_component_code(CUR_COMPONENT_INVALID));
	assert_int_equal(cur_component_from_code("variative"), CUR_VARIATIVE);
	assert_int_equal(cur_component_from_code("Variative"), CUR_COMPONENT_INVALID);
	assert_int_equal(cur_component_from_code(NULL), CUR_COMPONENT_INVALID);
	assert_string_equal(cur_level_code(CUR_ADVANCED), "advanced");
	assert_int_equal(cur_level_from_code("standard"), CUR_STANDARD);
	assert_int_equal(cur_level_from_code("higher"), CUR_LEVEL_INVALID);
	assert_null(cur_level_code((enum cur_level)7));
}

/* CUR-1: levels belong to grades 11–12 only (ORG-1 high school): 10 refused, 11 and
 * 12 accepted, 13 refused. */
static void test_cur1_levels_only_in_high_school(void **state)
{
	(void)state;
	struct cur_problem p[CAP];
	struct cur_row r = {.grade = 10, .hours = 4, .standard_hours = 4, .advanced_hours = 6};
	size_t n = cur_row_check(&r, "rows[0]", p, CAP);
	assert_int_equal(n, 1);
	assert_true(has(p, n, "CUR-1", "curriculum_levels_grade", "rows[0].standard_hours"));
	r.grade = 11;
	assert_int_equal(cur_row_check(&r, "rows[0]", p, CAP), 0);
	r.grade = 12;
	assert_int_equal(cur_row_check(&r, "rows[0]", p, CAP), 0);
	/* a row without levels is fine in any grade */
	r.grade = 7, r.standard_hours = -1, r.advanced_hours = -1;
	assert_int_equal(cur_row_check(&r, "rows[0]", p, CAP), 0);
}

/* CUR-1: both levels or neither; advanced at least standard (equal accepted, one
 * below refused); hours 0..40 (40 accepted, 41 and -1 refused). */
static void test_cur1_levels_pair_order_and_hours(void **state)
{
	(void)state;
	struct cur_problem p[CAP];
	struct cur_row r = {.grade = 11, .hours = 4, .standard_hours = 4, .advanced_hours = -1};
	size_t n = cur_row_check(&r, NULL, p, CAP);
	assert_int_equal(n, 1);
	assert_true(has(p, n, "CUR-1", "curriculum_levels_pair", "advanced_hours"));
	r.standard_hours = 6, r.advanced_hours = 6;
	assert_int_equal(cur_row_check(&r, NULL, p, CAP), 0);
	r.advanced_hours = 5;
	n = cur_row_check(&r, NULL, p, CAP);
	assert_int_equal(n, 1);
	assert_true(has(p, n, "CUR-1", "curriculum_levels_order", "advanced_hours"));
	r.standard_hours = -1, r.advanced_hours = -1, r.hours = 40;
	assert_int_equal(cur_row_check(&r, NULL, p, CAP), 0);
	r.hours = 41;
	n = cur_row_check(&r, "rows[5]", p, CAP);
	assert_true(has(p, n, "CUR-1", "out_of_range", "rows[5].hours"));
	r.hours = -1;
	assert_int_equal(cur_row_check(&r, NULL, p, CAP), 1);
	r.hours = 0;
	assert_int_equal(cur_row_check(&r, NULL, p, CAP), 0);
}

/* Every problem is listed: a grade-9 row with one level over 40 and bad hours. */
static void test_cur1_every_problem_listed(void **state)
{
	(void)state;
	struct cur_problem p[CAP];
	struct cur_row r = {.grade = 9, .hours = 50, .standard_hours = -1, .advanced_hours = 3};
	size_t n = cur_row_check(&r, "rows[1]", p, CAP);
	assert_int_equal(n, 3);
	assert_true(has(p, n, "CUR-1", "out_of_range", "rows[1].hours"));
	assert_true(has(p, n, "CUR-1", "curriculum_levels_grade", "rows[1].advanced_hours"));
	assert_true(has(p, n, "CUR-1", "curriculum_levels_pair", "rows[1].standard_hours"));
	/* the count stays right when the output is smaller */
	assert_int_equal(cur_row_check(&r, "rows[1]", p, 1), 3);
	assert_int_equal(cur_row_check(&r, "rows[1]", NULL, 0), 3);
}

/* CUR-2: a draft with rows and a council held today or before may be approved; a
 * council tomorrow, an empty ЖОЖ, an approved one may not. */
static void test_cur2_approval(void **state)
{
	(void)state;
	struct cur_problem p[CAP];
	struct date today = mk(2026, 8, 28);
	assert_int_equal(cur_approve_check(CUR_DRAFT, 80, mk(2026, 8, 28), today, p, CAP), 0);
	assert_int_equal(cur_approve_check(CUR_DRAFT, 80, mk(2026, 8, 27), today, p, CAP), 0);
	size_t n = cur_approve_check(CUR_DRAFT, 80, mk(2026, 8, 29), today, p, CAP);
	assert_int_equal(n, 1);
	assert_true(has(p, n, "CUR-2", "council_date_future", "council_date"));
	n = cur_approve_check(CUR_APPROVED, 0, mk(2026, 8, 29), today, p, CAP);
	assert_int_equal(n, 3);
	assert_true(has(p, n, "CUR-2", "curriculum_approved", "status"));
	assert_true(has(p, n, "CUR-2", "curriculum_empty", "rows"));
}

/* CUR-3: with the threshold 17 a class of 17 is not split, 18 is; the threshold is
 * an input (data), not a constant. */
static void test_cur3_split_threshold(void **state)
{
	(void)state;
	assert_false(cur_split_needed(17, 17));
	assert_true(cur_split_needed(18, 17));
	assert_false(cur_split_needed(0, 17));
	assert_int_equal(CUR_DEFAULT_SPLIT_THRESHOLD, 17);
	/* another threshold moves the boundary */
	assert_false(cur_split_needed(20, 20));
	assert_true(cur_split_needed(21, 20));
	assert_true(cur_split_needed(16, 15));
	assert_false(cur_split_needed(15, 15));
}

/* CUR-3: which subjects split in which classes: split_in_groups, and a second
 * language (split_language) only in classes of that language. */
static void test_cur3_split_applies(void **state)
{
	(void)state;
	assert_true(cur_split_applies(1, NULL, "kk"));
	assert_true(cur_split_applies(1, NULL, "ru"));
	assert_false(cur_split_applies(0, NULL, "kk"));
	assert_true(cur_split_applies(1, "kk", "kk"));   /* Russian as L2 in a Kazakh class */
	assert_false(cur_split_applies(1, "kk", "ru"));
	assert_false(cur_split_applies(0, "kk", "kk"));
	assert_false(cur_split_applies(1, "ru", NULL));
}

/* CUR-3: 18 students → 9 + 9 by the alphabet; 19 → 10 + 9 (the first group is the
 * larger); the input order does not matter; equal keys are ordered by id. */
static void test_cur3_halves_by_alphabet(void **state)
{
	(void)state;
	static const char *const keys[19] = {"s", "b", "q", "a", "r", "c", "p", "d", "o", "e",
					      "n", "f", "m", "g", "l", "h", "k", "i", "j"};
	struct cur_split_student s[19];
	for (int i = 0; i < 18; i++)
		s[i] = (struct cur_split_student){keys[i], 100 + i, 0};
	cur_split_assign(s, 18);
	int ones = 0;
	for (int i = 0; i < 18; i++) {
		ones += s[i].group == 1;
		/* a..i (9 letters) are group 1 */
		assert_int_equal(s[i].group, s[i].key[0] <= 'i' ? 1 : 2);
		if (i)
			assert_true(strcmp(s[i - 1].key, s[i].key) < 0);
	}
	assert_int_equal(ones, 9);

	for (int i = 0; i < 19; i++)
		s[i] = (struct cur_split_student){keys[18 - i], 200 + i, 0};
	cur_split_assign(s, 19);
	ones = 0;
	for (int i = 0; i < 19; i++)
		ones += s[i].group == 1;
	assert_int_equal(ones, 10);
	assert_string_equal(s[9].key, "j");
	assert_int_equal(s[9].group, 1);
	assert_int_equal(s[10].group, 2);

	struct cur_split_student same[3] = {{"x", 9, 0}, {"x", 3, 0}, {"x", 5, 0}};
	cur_split_assign(same, 3);
	assert_int_equal(same[0].id, 3);
	assert_int_equal(same[1].id, 5);
	assert_int_equal(same[2].id, 9);
	assert_int_equal(same[1].group, 1);
	assert_int_equal(same[2].group, 2);
	cur_split_assign(same, 0); /* nothing to do, no crash */
}

static struct cur_application app(int math, int fixed, size_t n, const struct cur_choice *items)
{
	struct cur_application a;
	memset(&a, 0, sizeof a);
	a.math_programme = math;
	a.fixed = fixed;
	a.n = n;
	memcpy(a.items, items, n * sizeof *items);
	return a;
}

static const struct cur_choice physics_adv[] = {{9, CUR_ADVANCED}, {10, CUR_STANDARD}};

/* CUR-4: an application for 2026–2027 on 10 June 2026 is accepted; on 11 June it
 * is refused. */
static void test_cur4_deadline_10_june(void **state)
{
	(void)state;
	struct cur_problem p[CAP];
	struct cur_application a = app(10, 0, 2, physics_adv);
	struct cur_choice_context c = {.filed_on = mk(2026, 6, 10), .year_start = 2026, .grade = 11};
	assert_int_equal(cur_choice_check(&a, &c, p, CAP), 0);
	c.filed_on = mk(2026, 6, 11);
	size_t n = cur_choice_check(&a, &c, p, CAP);
	assert_int_equal(n, 1);
	assert_true(has(p, n, "CUR-4", "choice_deadline_passed", "filed_on"));
	/* long before is fine */
	c.filed_on = mk(2025, 12, 1);
	assert_int_equal(cur_choice_check(&a, &c, p, CAP), 0);
	struct date d = cur_choice_deadline(2027);
	assert_int_equal(d.y, 2027);
	assert_int_equal(d.m, 6);
	assert_int_equal(d.d, 10);
}

/* CUR-4: high school only: grade 10 refused, 11 and 12 accepted, 13 refused;
 * a subject twice is refused. */
static void test_cur4_grade_and_duplicates(void **state)
{
	(void)state;
	struct cur_problem p[CAP];
	struct cur_application a = app(7, 0, 2, physics_adv);
	struct cur_choice_context c = {.filed_on = mk(2026, 5, 1), .year_start = 2026, .grade = 10};
	size_t n = cur_choice_check(&a, &c, p, CAP);
	assert_int_equal(n, 1);
	assert_true(has(p, n, "CUR-4", "choice_grade", "academic_year_id"));
	c.grade = 11;
	assert_int_equal(cur_choice_check(&a, &c, p, CAP), 0);
	c.grade = 12;
	assert_int_equal(cur_choice_check(&a, &c, p, CAP), 0);
	c.grade = 13;
	assert_int_equal(cur_choice_check(&a, &c, p, CAP), 1);
	c.grade = 11;
	static const struct cur_choice twice[] = {{9, CUR_ADVANCED}, {10, CUR_STANDARD}, {9, CUR_STANDARD}};
	a = app(7, 0, 3, twice);
	n = cur_choice_check(&a, &c, p, CAP);
	assert_int_equal(n, 1);
	assert_true(has(p, n, "CUR-4", "duplicate_subject", "subjects[2].subject_id"));
}

/* CUR-5: before the order the choice may change; after it, a changed level, a changed
 * subject, even the same choice again are refused; a fixed choice of an earlier year
 * binds the next year's application to the same subjects and levels (in any order). */
static void test_cur5_fixed_by_the_order(void **state)
{
	(void)state;
	struct cur_problem p[CAP];
	struct cur_application current = app(10, 0, 2, physics_adv);
	static const struct cur_choice physics_std[] = {{9, CUR_STANDARD}, {10, CUR_STANDARD}};
	struct cur_application changed = app(10, 0, 2, physics_std);
	struct cur_choice_context c = {.filed_on = mk(2026, 6, 1), .year_start = 2026, .grade = 11,
				       .current = &current, .math_programme_before = 10};
	assert_int_equal(cur_choice_check(&changed, &c, p, CAP), 0);   /* not fixed yet */
	current.fixed = 1;
	size_t n = cur_choice_check(&changed, &c, p, CAP);             /* advanced → standard */
	assert_int_equal(n, 1);
	assert_true(has(p, n, "CUR-5", "choice_fixed", "subjects"));
	static const struct cur_choice other_subject[] = {{9, CUR_ADVANCED}, {11, CUR_STANDARD}};
	changed = app(10, 0, 2, other_subject);
	assert_true(has(p, cur_choice_check(&changed, &c, p, CAP), "CUR-5", "choice_fixed", "subjects"));
	static const struct cur_choice one_more[] = {{9, CUR_ADVANCED}, {10, CUR_STANDARD}, {12, CUR_STANDARD}};
	changed = app(10, 0, 3, one_more);
	assert_true(has(p, cur_choice_check(&changed, &c, p, CAP), "CUR-5", "choice_fixed", "subjects"));
	static const struct cur_choice reordered[] = {{10, CUR_STANDARD}, {9, CUR_ADVANCED}};
	changed = app(10, 0, 2, reordered);
	n = cur_choice_check(&changed, &c, p, CAP);                    /* the same, filed again */
	assert_int_equal(n, 1);
	assert_true(has(p, n, "CUR-5", "choice_fixed", "subjects"));
	/* a fixed choice of an earlier year binds the next year's application */
	c.current = NULL;
	c.previous = &current;
	changed = app(10, 0, 2, physics_std);
	assert_true(has(p, cur_choice_check(&changed, &c, p, CAP), "CUR-5", "choice_fixed", "subjects"));
	assert_int_equal(cur_choice_check(&current, &c, p, CAP), 0);
	changed = app(10, 0, 2, reordered);
	assert_int_equal(cur_choice_check(&changed, &c, p, CAP), 0);
	/* a previous application the order did not fix binds nothing */
	current.fixed = 0;
	changed = app(10, 0, 2, physics_std);
	assert_int_equal(cur_choice_check(&changed, &c, p, CAP), 0);
}

/* CUR-6: 10 → 7 and 7 → 10 are refused at any time (before the order too); the same
 * programme is accepted; a first application may take either; 8 is no programme. */
static void test_cur6_math_never_switches(void **state)
{
	(void)state;
	struct cur_problem p[CAP];
	struct cur_application a = app(7, 0, 2, physics_adv);
	struct cur_choice_context c = {.filed_on = mk(2026, 5, 1), .year_start = 2026, .grade = 11,
				       .math_programme_before = 10};
	size_t n = cur_choice_check(&a, &c, p, CAP);
	assert_int_equal(n, 1);
	assert_true(has(p, n, "CUR-6", "math_programme_switch", "math_programme"));
	c.math_programme_before = 7;
	a.math_programme = 10;
	assert_true(has(p, cur_choice_check(&a, &c, p, CAP), "CUR-6", "math_programme_switch", "math_programme"));
	a.math_programme = 7;
	assert_int_equal(cur_choice_check(&a, &c, p, CAP), 0);
	c.math_programme_before = 0;
	a.math_programme = 10;
	assert_int_equal(cur_choice_check(&a, &c, p, CAP), 0);
	a.math_programme = 8;
	assert_true(has(p, cur_choice_check(&a, &c, p, CAP), "CUR-6", "out_of_range", "math_programme"));
}

/* CUR-4, CUR-5 and CUR-6 at once: every problem is listed. */
static void test_cur4_5_6_all_listed(void **state)
{
	(void)state;
	struct cur_problem p[CAP];
	struct cur_application fixed = app(10, 1, 2, physics_adv);
	static const struct cur_choice physics_std[] = {{9, CUR_STANDARD}, {10, CUR_STANDARD}};
	struct cur_application a = app(7, 0, 2, physics_std);
	struct cur_choice_context c = {.filed_on = mk(2026, 6, 11), .year_start = 2026, .grade = 11,
				       .current = &fixed, .math_programme_before = 10};
	size_t n = cur_choice_check(&a, &c, p, CAP);
	assert_int_equal(n, 3);
	assert_string_equal(p[0].rule, "CUR-4");
	assert_string_equal(p[1].rule, "CUR-5");
	assert_string_equal(p[2].rule, "CUR-6");
}

/* CUR-7: the four sciences in grades 11–12 are taught in English; not in grade 10,
 * not other subjects. */
static void test_cur7_english_medium(void **state)
{
	(void)state;
	assert_true(cur_taught_in_english("physics", 11));
	assert_true(cur_taught_in_english("chemistry", 12));
	assert_true(cur_taught_in_english("biology", 11));
	assert_true(cur_taught_in_english("informatics", 12));
	assert_false(cur_taught_in_english("physics", 10));
	assert_false(cur_taught_in_english("informatics", 13));
	assert_false(cur_taught_in_english("mathematics", 11));
	assert_false(cur_taught_in_english("geography", 12));
	assert_false(cur_taught_in_english(NULL, 11));
}

/* CUR-8: kk → ru within one academic year is refused; the same language, another
 * year, or a first class is allowed. */
static void test_cur8_language_within_year(void **state)
{
	(void)state;
	assert_false(cur_language_change_allowed("kk", 5, "ru", 5));
	assert_false(cur_language_change_allowed("ru", 5, "kk", 5));
	assert_true(cur_language_change_allowed("kk", 5, "kk", 5));
	assert_true(cur_language_change_allowed("kk", 5, "ru", 6));
	assert_true(cur_language_change_allowed(NULL, 0, "ru", 5));
}

/* CUR-9: units planned and assigned in any order; split groups counted per group;
 * one hour short, one over, one not taught, one not planned. */
static void test_cur9_load_against_plan(void **state)
{
	(void)state;
	struct cur_load_unit plan[] = {
		{1, 0, 100, 4}, {1, 11, 200, 3}, {1, 12, 200, 3}, {2, 0, 100, 4}, {2, 0, 300, 2},
	};
	struct cur_load_unit assigned[] = {
		{2, 0, 100, 2}, {1, 12, 200, 3}, {1, 0, 100, 4}, {2, 0, 100, 2}, /* 2/100 split between two teachers */
		{1, 11, 200, 2},                                                 /* one hour short */
		{2, 0, 400, 1},                                                  /* not in the plan */
	};
	struct cur_load_diff d[8];
	size_t n = cur_load_compare(plan, 5, assigned, 6, d, 8);
	assert_int_equal(n, 3);
	assert_int_equal(d[0].class_id, 1);
	assert_int_equal(d[0].group_id, 11);
	assert_int_equal(d[0].plan_hours, 3);
	assert_int_equal(d[0].assigned_hours, 2);
	assert_int_equal(d[1].class_id, 2);
	assert_int_equal(d[1].subject_id, 300);
	assert_int_equal(d[1].plan_hours, 2);
	assert_int_equal(d[1].assigned_hours, 0);
	assert_int_equal(d[2].subject_id, 400);
	assert_int_equal(d[2].plan_hours, 0);
	assert_int_equal(d[2].assigned_hours, 1);
	/* the count stays right with less room */
	assert_int_equal(cur_load_compare(plan, 5, assigned, 6, d, 1), 3);
	assert_int_equal(cur_load_compare(NULL, 0, NULL, 0, NULL, 0), 0);
	/* everything matches: a clean report */
	struct cur_load_unit p2[] = {{1, 0, 100, 4}}, a2[] = {{1, 0, 100, 4}};
	assert_int_equal(cur_load_compare(p2, 1, a2, 1, d, 8), 0);
}

/* CUR-9: a teacher at their set load is fine, one hour either way is reported. */
static void test_cur9_teacher_set_load(void **state)
{
	(void)state;
	assert_int_equal(cur_teacher_load_status(16, 16), 0);
	assert_int_equal(cur_teacher_load_status(16, 17), 1);
	assert_int_equal(cur_teacher_load_status(16, 15), -1);
	assert_int_equal(cur_teacher_load_status(0, 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_cur1_levels_only_in_high_school),
		cmocka_unit_test(test_cur1_levels_pair_order_and_hours),
		cmocka_unit_test(test_cur1_every_problem_listed),
		cmocka_unit_test(test_cur2_approval),
		cmocka_unit_test(test_cur3_split_threshold),
		cmocka_unit_test(test_cur3_split_applies),
		cmocka_unit_test(test_cur3_halves_by_alphabet),
		cmocka_unit_test(test_cur4_deadline_10_june),
		cmocka_unit_test(test_cur4_grade_and_duplicates),
		cmocka_unit_test(test_cur5_fixed_by_the_order),
		cmocka_unit_test(test_cur6_math_never_switches),
		cmocka_unit_test(test_cur4_5_6_all_listed),
		cmocka_unit_test(test_cur7_english_medium),
		cmocka_unit_test(test_cur8_language_within_year),
		cmocka_unit_test(test_cur9_load_against_plan),
		cmocka_unit_test(test_cur9_teacher_set_load),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
