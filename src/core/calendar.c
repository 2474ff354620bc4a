/* calendar — the academic year's structure and its rules CAL-1..CAL-4 (see
 * calendar.h for the counting conventions). */
#include "core/calendar.h"

#include <stdio.h>
#include <string.h>

static const char *const type_codes[] = {"quarters", "semesters"};

const char *calendar_type_code(enum calendar_type t)
{
	return (unsigned)t < sizeof type_codes / sizeof type_codes[0] ? type_codes[t] : NULL;
}

enum calendar_type calendar_type_from_code(const char *code)
{
	for (unsigned i = 0; code && i < sizeof type_codes / sizeof type_codes[0]; i++)
		if (strcmp(code, type_codes[i]) == 0)
			return (enum calendar_type)i;
	return CALENDAR_TYPE_INVALID;
}

size_t calendar_terms_needed(enum calendar_type t)
{
	return t == CALENDAR_QUARTERS ? 4 : t == CALENDAR_SEMESTERS ? 2 : 0;
}

int calendar_min_study_weeks(enum org_level level)
{
	switch (level) {
	case LEVEL_PRIMARY:
		return 35;
	case LEVEL_BASIC:
		return 33;
	case LEVEL_HIGH:
		return 31;
	default:
		return 0;
	}
}

/* --- periods --- */

static int in_period(const struct calendar_period *p, struct date d)
{
	return date_compare(d, p->starts_on) >= 0 && date_compare(d, p->ends_on) <= 0;
}

static int ordered(const struct calendar_period *p)
{
	return date_compare(p->starts_on, p->ends_on) <= 0;
}

static int overlap(const struct calendar_period *a, const struct calendar_period *b)
{
	return date_compare(a->starts_on, b->ends_on) <= 0 && date_compare(b->starts_on, a->ends_on) <= 0;
}

/* Whether `a` lies wholly inside `b`. */
static int within(const struct calendar_period *a, const struct calendar_period *b)
{
	return date_compare(a->starts_on, b->starts_on) >= 0 && date_compare(a->ends_on, b->ends_on) <= 0;
}

static int in_holiday(const struct calendar_year *y, struct date d)
{
	for (size_t i = 0; i < y->n_holidays; i++)
		if (in_period(&y->holidays[i], d))
			return 1;
	return 0;
}

static int in_term(const struct calendar_year *y, struct date d)
{
	for (size_t i = 0; i < y->n_terms; i++)
		if (in_period(&y->terms[i], d))
			return 1;
	return 0;
}

int calendar_is_study_day(const struct calendar_year *y, struct date d)
{
	return date_weekday(d) <= 5 && in_term(y, d) && !in_holiday(y, d);
}

/* The first and last day any term covers; 0 when there is no term. */
static int terms_span(const struct calendar_year *y, int64_t *first, int64_t *last)
{
	if (!y->n_terms)
		return 0;
	*first = date_to_days(y->terms[0].starts_on);
	*last = date_to_days(y->terms[0].ends_on);
	for (size_t i = 1; i < y->n_terms; i++) {
		int64_t a = date_to_days(y->terms[i].starts_on), b = date_to_days(y->terms[i].ends_on);
		*first = a < *first ? a : *first;
		*last = b > *last ? b : *last;
	}
	return 1;
}

/* --- measuring --- */

static unsigned levels_of(const struct calendar_year *y)
{
	return y->levels ? y->levels : CALENDAR_ALL_LEVELS;
}

/* The first 1 September after `d`. */
static struct date next_september(struct date d)
{
	struct date sep = {d.y, 9, 1};
	if (date_compare(sep, d) <= 0)
		sep.y++;
	return sep;
}

/* Days strictly between `last` and `next` (0 when there are none). */
static int64_t days_between(struct date last, struct date next)
{
	int64_t n = date_to_days(next) - date_to_days(last) - 1;
	return n > 0 ? n : 0;
}

void calendar_measure(const struct calendar_year *y, struct calendar_figures *out)
{
	int64_t first, last;

	memset(out, 0, sizeof *out);
	/* Study days: each day once, however the terms overlap. */
	if (terms_span(y, &first, &last)) {
		for (int64_t x = first; x <= last; x++) {
			struct date d = date_from_days(x);

			if (!calendar_is_study_day(y, d))
				continue;
			out->study_days++;
			if (!y->has_assessment_basic || !in_period(&y->assessment_basic, d))
				out->study_days_basic++;
			if (!y->has_assessment || !in_period(&y->assessment, d))
				out->study_days_high++;
		}
	}
	for (int64_t x = date_to_days(y->starts_on); x <= date_to_days(y->ends_on); x++)
		out->holiday_days += in_holiday(y, date_from_days(x));

	out->summer_until = y->has_next_start ? y->next_starts_on : next_september(y->ends_on);
	out->summer_days = days_between(y->ends_on, out->summer_until);
	struct date senior_end = y->ends_on;
	if (y->has_assessment && date_compare(y->assessment.ends_on, senior_end) > 0)
		senior_end = y->assessment.ends_on;
	out->summer_days_senior = days_between(senior_end, out->summer_until);
}

/* --- checking --- */

/* Where problems go: the caller's array up to cap, then only counted. */
struct sink {
	struct calendar_problem *out;
	size_t cap, n;
	struct calendar_problem spare; /* written when the array is full */
};

/* Adds a problem on `field` (with "[index]" when index >= 0) and returns it for the
 * caller to fill in the amounts. */
static struct calendar_problem *add(struct sink *s, const char *rule, const char *code,
				    const char *field, long index)
{
	struct calendar_problem *p = s->n < s->cap ? &s->out[s->n] : &s->spare;

	s->n++;
	memset(p, 0, sizeof *p);
	p->rule = rule;
	p->code = code;
	p->level = LEVEL_INVALID;
	if (index >= 0)
		snprintf(p->field, sizeof p->field, "%s[%ld]", field, index);
	else
		snprintf(p->field, sizeof p->field, "%s", field);
	return p;
}

static void amounts(struct calendar_problem *p, int64_t have, int64_t need, const char *unit)
{
	p->have = have;
	p->need = need;
	p->unit = unit;
}

/* CAL-1: the number of terms, their order and place in the year. */
static void check_terms(const struct calendar_year *y, const struct calendar_period *year,
			struct sink *s)
{
	size_t need = calendar_terms_needed(y->type);

	if (y->n_terms != need)
		amounts(add(s, "CAL-1", "calendar_term_count", "terms", -1), (int64_t)y->n_terms,
			(int64_t)need, "terms");
	for (size_t i = 0; i < y->n_terms; i++) {
		const struct calendar_period *t = &y->terms[i];

		if (!ordered(t))
			add(s, "CAL-1", "calendar_period_order", "terms", (long)i);
		if (!within(t, year))
			add(s, "CAL-1", "calendar_term_outside_year", "terms", (long)i);
		if (i > 0 && date_compare(t->starts_on, y->terms[i - 1].ends_on) <= 0)
			add(s, "CAL-1", "calendar_terms_order", "terms", (long)i);
	}
}

/* CAL-1: holidays inside the year, between terms or inside one, not overlapping. */
static void check_holidays(const struct calendar_year *y, const struct calendar_period *year,
			   struct sink *s)
{
	for (size_t i = 0; i < y->n_holidays; i++) {
		const struct calendar_period *h = &y->holidays[i];
		int straddles = 0, overlaps = 0;

		if (!ordered(h))
			add(s, "CAL-1", "calendar_period_order", "holidays", (long)i);
		if (!within(h, year))
			add(s, "CAL-1", "calendar_holiday_outside_year", "holidays", (long)i);
		for (size_t t = 0; t < y->n_terms; t++)
			straddles |= overlap(h, &y->terms[t]) && !within(h, &y->terms[t]);
		if (straddles)
			add(s, "CAL-1", "calendar_holiday_straddles_term", "holidays", (long)i);
		for (size_t j = 0; j < i; j++)
			overlaps |= overlap(h, &y->holidays[j]);
		if (overlaps)
			add(s, "CAL-1", "calendar_holidays_overlap", "holidays", (long)i);
	}
}

/* CAL-1: an external assessment period, when the year has it, ends after it starts
 * and starts inside the year. */
static void check_assessment(int has, const struct calendar_period *a, const struct calendar_period *year,
			     const char *field, struct sink *s)
{
	if (!has)
		return;
	if (!ordered(a))
		add(s, "CAL-1", "calendar_period_order", field, -1);
	if (!in_period(year, a->starts_on))
		add(s, "CAL-1", "calendar_assessment_outside_year", field, -1);
}

/* CAL-2: the study days a level has, each without its own external assessment. */
static int64_t study_days_of(const struct calendar_figures *f, enum org_level level)
{
	switch (level) {
	case LEVEL_HIGH:
		return f->study_days_high;
	case LEVEL_BASIC:
		return f->study_days_basic;
	default:
		return f->study_days;
	}
}

static const char *const weeks_codes[] = {
	[LEVEL_PRIMARY] = "calendar_study_weeks_primary",
	[LEVEL_BASIC] = "calendar_study_weeks_basic",
	[LEVEL_HIGH] = "calendar_study_weeks_high",
};

size_t calendar_check(const struct calendar_year *y, struct calendar_problem *out, size_t cap)
{
	struct sink s = {.out = out, .cap = out ? cap : 0};
	struct calendar_period year = {y->starts_on, y->ends_on};
	struct calendar_figures f;
	unsigned levels = levels_of(y);

	if (!ordered(&year))
		add(&s, "CAL-1", "calendar_period_order", "ends_on", -1);
	check_terms(y, &year, &s);
	check_holidays(y, &year, &s);
	check_assessment(y->has_assessment, &y->assessment, &year, "assessment", &s);
	check_assessment(y->has_assessment_basic, &y->assessment_basic, &year, "assessment_basic", &s);

	calendar_measure(y, &f);
	for (enum org_level l = LEVEL_PRIMARY; l <= LEVEL_HIGH; l++) {
		int64_t have = study_days_of(&f, l);
		int64_t need = 5 * (int64_t)calendar_min_study_weeks(l);

		if (!(levels & CALENDAR_LEVEL_BIT(l)) || have >= need)
			continue;
		struct calendar_problem *p = add(&s, "CAL-2", weeks_codes[l], "terms", -1);
		p->level = l;
		amounts(p, have, need, "study_days");
	}
	if (f.holiday_days < CALENDAR_MIN_HOLIDAY_DAYS)
		amounts(add(&s, "CAL-3", "calendar_holiday_days", "holidays", -1), f.holiday_days,
			CALENDAR_MIN_HOLIDAY_DAYS, "days");
	if ((levels & (CALENDAR_LEVEL_BIT(LEVEL_PRIMARY) | CALENDAR_LEVEL_BIT(LEVEL_BASIC))) &&
	    f.summer_days < CALENDAR_MIN_SUMMER_DAYS)
		amounts(add(&s, "CAL-4", "calendar_summer", "ends_on", -1), f.summer_days,
			CALENDAR_MIN_SUMMER_DAYS, "days");
	if ((levels & CALENDAR_LEVEL_BIT(LEVEL_HIGH)) &&
	    f.summer_days_senior < CALENDAR_MIN_SUMMER_DAYS_SENIOR) {
		int late = y->has_assessment && date_compare(y->assessment.ends_on, y->ends_on) > 0;
		struct calendar_problem *p =
			add(&s, "CAL-4", "calendar_summer_senior", late ? "assessment" : "ends_on", -1);
		p->level = LEVEL_HIGH;
		amounts(p, f.summer_days_senior, CALENDAR_MIN_SUMMER_DAYS_SENIOR, "days");
	}
	return s.n;
}
