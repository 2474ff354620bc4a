/* curriculum — the rules of the curriculum, groups and high-school choice, as pure
 * functions over plain data (no clock, no I/O; only cur_split_assign and
 * cur_load_compare sort the caller's arrays in place):
 *   CUR-1  a row of a ТОЖ or ЖОЖ: standard and advanced hours only in grades 11–12,
 *          both or neither, advanced at least standard; hours within 0..40
 *   CUR-2  approving a ЖОЖ: a draft only, not empty, the council's date not in the future
 *   CUR-3  a split subject divides a class of more than `threshold` students into two
 *          groups, by the alphabet (sort key, then id): the first half (the larger
 *          when odd) is group "1"
 *   CUR-4  an application for a year starting in September of Y is filed by 10 June
 *          of Y, for grades 11–12
 *   CUR-5  after the director's order the application is not filed again, and the
 *          next year's keeps its subjects and levels
 *   CUR-6  the mathematics programme (7 or 10 weekly hours) never changes
 *   CUR-7  physics, chemistry, biology and informatics at a level in grades 11–12 are
 *          taught in English
 *   CUR-8  a student's language of instruction does not change within an academic year
 *   CUR-9  the teaching load against the ЖОЖ, and each teacher against their set load
 *
 * Problems are reported as struct cur_problem: the rule, the API's error code and the
 * field (a path like "rows[2].advanced_hours"). Functions that check write at most
 * `cap` problems into `out` (NULL when cap is 0) and return how many they found.
 * docs/curriculum.md says the same in prose. */
#ifndef MEKTEP_CORE_CURRICULUM_H
#define MEKTEP_CORE_CURRICULUM_H

#include <stddef.h>
#include <stdint.h>

#include "core/date.h"

#define CUR_MAX_HOURS 40             /* weekly hours of one subject, at most */
#define CUR_DEFAULT_SPLIT_THRESHOLD 17 /* CUR-3: split when the class has > 17 students */
#define CUR_CHOICE_DEADLINE_MONTH 6  /* CUR-4: 10 June */
#define CUR_CHOICE_DEADLINE_DAY 10
#define CUR_MAX_CHOICES 24           /* subjects in one application, at most */
#define CUR_FIELD_SIZE 48

/* One broken rule. rule and code are static strings. */
struct cur_problem {
	const char *rule;             /* "CUR-1" … "CUR-9" */
	const char *code;             /* the API's error code */
	char field[CUR_FIELD_SIZE];   /* the field concerned, "" when none */
};

/* --- CUR-1: vocabulary and the rows of a curriculum --- */

enum cur_component { CUR_INVARIANT, CUR_VARIATIVE, CUR_COMPONENT_INVALID };
enum cur_level { CUR_STANDARD, CUR_ADVANCED, CUR_LEVEL_INVALID };

/* "invariant" / "variative"; NULL for anything else. */
const char *cur_component_code(enum cur_component c);
enum cur_component cur_component_from_code(const char *code);
/* "standard" / "advanced"; NULL for anything else. */
const char *cur_level_code(enum cur_level l);
enum cur_level cur_level_from_code(const char *code);

/* A row of a ТОЖ or ЖОЖ as the rules see it. standard_hours and advanced_hours are
 * -1 when absent. */
struct cur_row {
	int grade;
	int hours;
	int standard_hours, advanced_hours;
};

/* CUR-1: checks one row; `prefix` ("rows[3]") names its fields in the problems. Codes:
 * curriculum_levels_grade (levels outside grades 11–12), curriculum_levels_pair (one
 * of the two), curriculum_levels_order (advanced below standard), out_of_range. */
size_t cur_row_check(const struct cur_row *r, const char *prefix, struct cur_problem *out, size_t cap);

/* --- CUR-2: approval --- */

enum cur_status { CUR_DRAFT, CUR_APPROVED };

/* CUR-2: whether a ЖОЖ of `status` with `nrows` rows may be approved with the council's
 * decision of `council_date`, today being `today`. Codes: curriculum_approved (already
 * approved; the API answers 409), curriculum_empty, council_date_future. */
size_t cur_approve_check(enum cur_status status, size_t nrows, struct date council_date, struct date today,
			 struct cur_problem *out, size_t cap);

/* --- CUR-3: groups --- */

/* Whether a class of `students` is split: more than `threshold` students. */
int cur_split_needed(int students, int threshold);
/* Whether a subject (split_in_groups, split_language "kk"/"ru" or NULL) is split in a
 * class taught in `class_language`: split_in_groups, and split_language NULL or equal. */
int cur_split_applies(int split_in_groups, const char *split_language, const char *class_language);

/* A student to put in a group: the sort key (utf8_sort_key of the names) and the id. */
struct cur_split_student {
	const char *key;
	int64_t id;
	int group; /* out: 1 or 2 */
};
/* CUR-3: sorts `s` by key, then id, and gives the first ceil(n/2) group 1, the rest
 * group 2. Deterministic: the same students give the same groups in any input order. */
void cur_split_assign(struct cur_split_student *s, size_t n);

/* --- CUR-4..CUR-8: high-school choice --- */

/* The last day an application for the academic year starting in `start_year` may be
 * filed: 10 June of start_year. */
struct date cur_choice_deadline(int start_year);

struct cur_choice {
	int64_t subject_id;
	enum cur_level level;
};

/* An application as the rules see it. */
struct cur_application {
	int math_programme;   /* 7 or 10 */
	size_t n;             /* 0..CUR_MAX_CHOICES */
	struct cur_choice items[CUR_MAX_CHOICES];
	int fixed;            /* 1: the director's order has fixed it (CUR-5) */
};

/* What a new or changed application is checked against. */
struct cur_choice_context {
	struct date filed_on;      /* the Kazakhstan date it is filed */
	int year_start;            /* the calendar year the academic year starts in */
	int grade;                 /* the student's grade in that academic year */
	const struct cur_application *current;  /* the application of that year, or NULL */
	const struct cur_application *previous; /* the latest fixed one of an earlier year, or NULL */
	int math_programme_before; /* the programme the student last had (any year), 0: none */
};

/* CUR-4..CUR-6: checks application `a` in context `c`. Codes and fields:
 *   choice_grade (CUR-4, "academic_year_id"): the grade is not 11 or 12;
 *   choice_deadline_passed (CUR-4, "filed_on"): filed after 10 June;
 *   choice_fixed (CUR-5, "subjects"): the order has fixed this year's application (it
 *     is not filed again, even unchanged), or a fixed application of an earlier year
 *     has other subjects or levels;
 *   math_programme_switch (CUR-6, "math_programme"): 7 ↔ 10;
 *   duplicate_subject (CUR-4, "subjects[i].subject_id"). */
size_t cur_choice_check(const struct cur_application *a, const struct cur_choice_context *c,
			struct cur_problem *out, size_t cap);
/* Whether two applications choose the same subjects at the same levels (any order). */
int cur_choices_same(const struct cur_application *a, const struct cur_application *b);

/* CUR-7: whether the subject (by code) is taught in English in `grade` when chosen at
 * a level: physics, chemistry, biology, informatics in grades 11–12. */
int cur_taught_in_english(const char *subject_code, int grade);

/* CUR-8: whether a student may move from a class taught in from_language in academic
 * year from_year to one taught in to_language in to_year (ids of academic years;
 * from_year 0: the student had no class). Only a change of language within one year
 * is refused. */
int cur_language_change_allowed(const char *from_language, int64_t from_year, const char *to_language,
				int64_t to_year);

/* --- CUR-9: the teaching load --- */

/* What a class (group_id 0) or one group of it needs or is given of a subject. */
struct cur_load_unit {
	int64_t class_id, group_id, subject_id;
	int hours;
};

/* One class-subject (or group-subject) whose assigned hours differ from the plan. */
struct cur_load_diff {
	int64_t class_id, group_id, subject_id;
	int plan_hours, assigned_hours;
};

/* CUR-9: sorts both arrays in place by (class, group, subject), sums the assigned
 * hours of a unit, and writes every unit whose assigned hours differ from its plan
 * (an assigned unit missing from the plan has plan 0; a planned one nobody teaches
 * has 0 assigned). Returns how many differ; the first `cap` go to out in that order. */
size_t cur_load_compare(struct cur_load_unit *plan, size_t nplan, struct cur_load_unit *assigned,
			size_t nassigned, struct cur_load_diff *out, size_t cap);

/* CUR-9: a teacher's hours against their set load: -1 below, 0 equal, 1 above. */
int cur_teacher_load_status(int set_hours, int assigned_hours);

#endif
