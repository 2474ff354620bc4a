/* curriculum — CUR-1..CUR-9 as pure functions (see curriculum.h). */
#include "core/curriculum.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const component_codes[] = {"invariant", "variative"};
static const char *const level_codes[] = {"standard", "advanced"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int code_index(const char *code, const char *const *codes, size_t n)
{
	for (size_t i = 0; code && i < n; i++)
		if (strcmp(code, codes[i]) == 0)
			return (int)i;
	return -1;
}

const char *cur_component_code(enum cur_component c)
{
	return (unsigned)c < COUNT(component_codes) ? component_codes[c] : NULL;
}

enum cur_component cur_component_from_code(const char *code)
{
	int i = code_index(code, component_codes, COUNT(component_codes));
	return i < 0 ? CUR_COMPONENT_INVALID : (enum cur_component)i;
}

const char *cur_level_code(enum cur_level l)
{
	return (unsigned)l < COUNT(level_codes) ? level_codes[l] : NULL;
}

enum cur_level cur_level_from_code(const char *code)
{
	int i = code_index(code, level_codes, COUNT(level_codes));
	return i < 0 ? CUR_LEVEL_INVALID : (enum cur_level)i;
}

/* Adds a problem when there is room; always counts it. */
static void add(struct cur_problem *out, size_t cap, size_t *n, const char *rule, const char *code,
		const char *prefix, const char *field)
{
	if (*n < cap) {
		struct cur_problem *p = &out[*n];
		p->rule = rule;
		p->code = code;
		if (prefix && *prefix && field && *field)
			snprintf(p->field, sizeof p->field, "%s.%s", prefix, field);
		else
			snprintf(p->field, sizeof p->field, "%s", field && *field ? field : prefix ? prefix : "");
	}
	(*n)++;
}

/* --- CUR-1 --- */

static int hours_ok(int h)
{
	return h >= 0 && h <= CUR_MAX_HOURS;
}

size_t cur_row_check(const struct cur_row *r, const char *prefix, struct cur_problem *out, size_t cap)
{
	size_t n = 0;
	if (!hours_ok(r->hours))
		add(out, cap, &n, "CUR-1", "out_of_range", prefix, "hours");
	int has_std = r->standard_hours >= 0, has_adv = r->advanced_hours >= 0;
	if (!has_std && !has_adv)
		return n;
	if (r->grade < 11 || r->grade > 12)
		add(out, cap, &n, "CUR-1", "curriculum_levels_grade", prefix,
		    has_std ? "standard_hours" : "advanced_hours");
	if (has_std != has_adv) {
		add(out, cap, &n, "CUR-1", "curriculum_levels_pair", prefix,
		    has_std ? "advanced_hours" : "standard_hours");
		return n;
	}
	if (!hours_ok(r->standard_hours))
		add(out, cap, &n, "CUR-1", "out_of_range", prefix, "standard_hours");
	if (!hours_ok(r->advanced_hours))
		add(out, cap, &n, "CUR-1", "out_of_range", prefix, "advanced_hours");
	else if (r->advanced_hours < r->standard_hours)
		add(out, cap, &n, "CUR-1", "curriculum_levels_order", prefix, "advanced_hours");
	return n;
}

/* --- CUR-2 --- */

size_t cur_approve_check(enum cur_status status, size_t nrows, struct date council_date, struct date today,
			 struct cur_problem *out, size_t cap)
{
	size_t n = 0;
	if (status == CUR_APPROVED)
		add(out, cap, &n, "CUR-2", "curriculum_approved", NULL, "status");
	if (nrows == 0)
		add(out, cap, &n, "CUR-2", "curriculum_empty", NULL, "rows");
	if (date_compare(council_date, today) > 0)
		add(out, cap, &n, "CUR-2", "council_date_future", NULL, "council_date");
	return n;
}

/* --- CUR-3 --- */

int cur_split_needed(int students, int threshold)
{
	return students > threshold;
}

int cur_split_applies(int split_in_groups, const char *split_language, const char *class_language)
{
	if (!split_in_groups)
		return 0;
	return !split_language || (class_language && strcmp(split_language, class_language) == 0);
}

static int by_key_then_id(const void *a, const void *b)
{
	const struct cur_split_student *x = a, *y = b;
	int c = strcmp(x->key ? x->key : "", y->key ? y->key : "");
	if (c)
		return c;
	return (x->id > y->id) - (x->id < y->id);
}

void cur_split_assign(struct cur_split_student *s, size_t n)
{
	if (n == 0)
		return;
	qsort(s, n, sizeof *s, by_key_then_id);
	size_t first = (n + 1) / 2;
	for (size_t i = 0; i < n; i++)
		s[i].group = i < first ? 1 : 2;
}

/* --- CUR-4..CUR-8 --- */

struct date cur_choice_deadline(int start_year)
{
	struct date d = {start_year, CUR_CHOICE_DEADLINE_MONTH, CUR_CHOICE_DEADLINE_DAY};
	return d;
}

/* The index of the subject in a, or -1. */
static long find_subject(const struct cur_application *a, int64_t subject_id)
{
	for (size_t i = 0; i < a->n; i++)
		if (a->items[i].subject_id == subject_id)
			return (long)i;
	return -1;
}

int cur_choices_same(const struct cur_application *a, const struct cur_application *b)
{
	if (a->n != b->n)
		return 0;
	for (size_t i = 0; i < a->n; i++) {
		long j = find_subject(b, a->items[i].subject_id);
		if (j < 0 || b->items[j].level != a->items[i].level)
			return 0;
	}
	return 1;
}

size_t cur_choice_check(const struct cur_application *a, const struct cur_choice_context *c,
			struct cur_problem *out, size_t cap)
{
	size_t n = 0;
	if (c->grade < 11 || c->grade > 12)
		add(out, cap, &n, "CUR-4", "choice_grade", NULL, "academic_year_id");
	if (date_compare(c->filed_on, cur_choice_deadline(c->year_start)) > 0)
		add(out, cap, &n, "CUR-4", "choice_deadline_passed", NULL, "filed_on");
	for (size_t i = 0; i < a->n; i++) {
		for (size_t j = 0; j < i; j++) {
			if (a->items[j].subject_id == a->items[i].subject_id) {
				char field[CUR_FIELD_SIZE];
				snprintf(field, sizeof field, "subjects[%zu].subject_id", i);
				add(out, cap, &n, "CUR-4", "duplicate_subject", NULL, field);
				break;
			}
		}
	}
	/* the order fixed this year's application: it is not filed again; a fixed choice
	 * of an earlier year binds the subjects and levels of the next */
	if ((c->current && c->current->fixed) ||
	    (c->previous && c->previous->fixed && !cur_choices_same(a, c->previous)))
		add(out, cap, &n, "CUR-5", "choice_fixed", NULL, "subjects");
	if (a->math_programme != 7 && a->math_programme != 10)
		add(out, cap, &n, "CUR-6", "out_of_range", NULL, "math_programme");
	else if (c->math_programme_before && c->math_programme_before != a->math_programme)
		add(out, cap, &n, "CUR-6", "math_programme_switch", NULL, "math_programme");
	return n;
}

int cur_taught_in_english(const char *subject_code, int grade)
{
	static const char *const english[] = {"physics", "chemistry", "biology", "informatics"};
	if (grade < 11 || grade > 12)
		return 0;
	return code_index(subject_code, english, COUNT(english)) >= 0;
}

int cur_language_change_allowed(const char *from_language, int64_t from_year, const char *to_language,
				int64_t to_year)
{
	if (!from_year || !from_language || !to_language || from_year != to_year)
		return 1;
	return strcmp(from_language, to_language) == 0;
}

/* --- CUR-9 --- */

static int unit_order(const void *a, const void *b)
{
	const struct cur_load_unit *x = a, *y = b;
	if (x->class_id != y->class_id)
		return x->class_id < y->class_id ? -1 : 1;
	if (x->group_id != y->group_id)
		return x->group_id < y->group_id ? -1 : 1;
	return (x->subject_id > y->subject_id) - (x->subject_id < y->subject_id);
}

/* Adds a difference when there is room; always counts it. */
static void add_diff(struct cur_load_diff *out, size_t cap, size_t *n, const struct cur_load_unit *u, int plan,
		     int assigned)
{
	if (plan == assigned)
		return;
	if (*n < cap)
		out[*n] = (struct cur_load_diff){u->class_id, u->group_id, u->subject_id, plan, assigned};
	(*n)++;
}

size_t cur_load_compare(struct cur_load_unit *plan, size_t nplan, struct cur_load_unit *assigned,
			size_t nassigned, struct cur_load_diff *out, size_t cap)
{
	if (nplan)
		qsort(plan, nplan, sizeof *plan, unit_order);
	if (nassigned)
		qsort(assigned, nassigned, sizeof *assigned, unit_order);
	size_t n = 0, i = 0, j = 0;
	while (i < nplan || j < nassigned) {
		int c = i >= nplan ? 1 : j >= nassigned ? -1 : unit_order(&plan[i], &assigned[j]);
		const struct cur_load_unit *u = c <= 0 ? &plan[i] : &assigned[j];
		int want = 0, got = 0;
		/* a unit planned twice (it should not be) counts its hours together */
		while (i < nplan && unit_order(&plan[i], u) == 0)
			want += plan[i++].hours;
		while (j < nassigned && unit_order(&assigned[j], u) == 0)
			got += assigned[j++].hours;
		add_diff(out, cap, &n, u, want, got);
	}
	return n;
}

int cur_teacher_load_status(int set_hours, int assigned_hours)
{
	return (assigned_hours > set_hours) - (assigned_hours < set_hours);
}
