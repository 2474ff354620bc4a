/* learning_route — the rules of individual learning routes (IR-1..IR-5); see
 * learning_route.h. */
#include "core/learning_route.h"

#include <ctype.h>
#include <string.h>

static const char *const reason_codes[] = {"high_ability", "low_motivation", "long_illness", "other"};
static const char *const span_codes[] = {"topic", "section", "semester", "year"};

const char *const route_component_names[ROUTE_COMPONENTS] = {"target", "content", "technological", "diagnostic",
							      "organisational"};
const char *const route_agreement_names[ROUTE_AGREEMENTS] = {"teacher", "curator", "student"};

/* The index of `code` in codes[0..n), or n. */
static int code_index(const char *const *codes, int n, const char *code)
{
	for (int i = 0; code && i < n; i++)
		if (strcmp(codes[i], code) == 0)
			return i;
	return n;
}

const char *route_reason_code(enum route_reason r)
{
	return (unsigned)r < ROUTE_REASON_INVALID ? reason_codes[r] : NULL;
}

enum route_reason route_reason_from_code(const char *code)
{
	return (enum route_reason)code_index(reason_codes, ROUTE_REASON_INVALID, code);
}

const char *route_span_code(enum route_span s)
{
	return (unsigned)s < ROUTE_SPAN_INVALID ? span_codes[s] : NULL;
}

enum route_span route_span_from_code(const char *code)
{
	return (enum route_span)code_index(span_codes, ROUTE_SPAN_INVALID, code);
}

static int inside(struct date d, struct date from, struct date to)
{
	return date_compare(d, from) >= 0 && date_compare(d, to) <= 0;
}

enum route_span_problem route_span_dates(const struct calendar_year *y, enum route_span span, int semester,
					 struct date from, struct date to, struct date *starts, struct date *ends)
{
	switch (span) {
	case ROUTE_SPAN_TOPIC:
	case ROUTE_SPAN_SECTION:
		if (!from.y || !to.y)
			return ROUTE_SPAN_DATES_MISSING;
		if (date_compare(from, to) > 0)
			return ROUTE_SPAN_DATES_ORDER;
		if (!inside(from, y->starts_on, y->ends_on) || !inside(to, y->starts_on, y->ends_on))
			return ROUTE_SPAN_OUTSIDE_YEAR;
		*starts = from;
		*ends = to;
		return ROUTE_SPAN_OK;
	case ROUTE_SPAN_SEMESTER: {
		if (semester != 1 && semester != 2)
			return ROUTE_SPAN_NO_SEMESTER;
		size_t first, last;
		if (y->type == CALENDAR_QUARTERS && y->n_terms == 4) {
			first = semester == 1 ? 0 : 2;
			last = first + 1;
		} else if (y->type == CALENDAR_SEMESTERS && y->n_terms == 2) {
			first = last = (size_t)semester - 1;
		} else {
			return ROUTE_SPAN_NO_SEMESTER;
		}
		*starts = y->terms[first].starts_on;
		*ends = y->terms[last].ends_on;
		return ROUTE_SPAN_OK;
	}
	case ROUTE_SPAN_YEAR:
		*starts = y->starts_on;
		*ends = y->ends_on;
		return ROUTE_SPAN_OK;
	default:
		return ROUTE_SPAN_DATES_MISSING;
	}
}

static int present(const char *s)
{
	for (; s && *s; s++)
		if (!isspace((unsigned char)*s))
			return 1;
	return 0;
}

unsigned route_missing_parts(const struct route_parts *p)
{
	unsigned missing = 0;
	for (int i = 0; i < ROUTE_COMPONENTS; i++)
		if (!present(p->components[i]))
			missing |= 1u << i;
	if (p->schedule_rows == 0)
		missing |= ROUTE_MISSING_SCHEDULE;
	return missing;
}

int route_is_agreed(const struct route_parts *p)
{
	if (route_missing_parts(p))
		return 0;
	for (int i = 0; i < ROUTE_AGREEMENTS; i++)
		if (!p->agreed[i])
			return 0;
	return 1;
}

struct date route_week_of(struct date d)
{
	return date_add_days(d, 1 - date_weekday(d));
}

/* Whether the week of `monday` has a study day of the route. */
static int route_week(const struct calendar_year *y, struct date monday, struct date starts, struct date ends)
{
	for (int i = 0; i < 5; i++) {
		struct date d = date_add_days(monday, i);
		if (inside(d, starts, ends) && (!y || calendar_is_study_day(y, d)))
			return 1;
	}
	return 0;
}

/* The next route week after the one of *m (the first when m->y is 0) into *m; 0 when
 * there is none left. */
static int next_route_week(const struct calendar_year *y, struct date starts, struct date ends, struct date *m)
{
	*m = m->y ? date_add_days(*m, 7) : route_week_of(starts);
	for (; date_compare(*m, ends) <= 0; *m = date_add_days(*m, 7))
		if (route_week(y, *m, starts, ends))
			return 1;
	return 0;
}

size_t route_weeks(const struct calendar_year *y, struct date starts, struct date ends, struct date *out,
		   size_t cap)
{
	size_t n = 0;
	for (struct date m = {0}; date_compare(starts, ends) <= 0 && next_route_week(y, starts, ends, &m); n++)
		if (n < cap)
			out[n] = m;
	return n;
}

int route_week_overdue(struct date monday, int assessed, struct date today)
{
	return !assessed && date_compare(today, date_add_days(monday, 6)) > 0;
}

size_t route_overdue_weeks(const struct calendar_year *y, struct date starts, struct date ends,
			   const struct date *assessed, size_t n_assessed, struct date today, struct date *out,
			   size_t cap)
{
	size_t n = 0;
	for (struct date m = {0}; date_compare(starts, ends) <= 0 && next_route_week(y, starts, ends, &m);) {
		int done = 0;
		for (size_t i = 0; i < n_assessed && !done; i++)
			done = date_compare(route_week_of(assessed[i]), m) == 0;
		if (!route_week_overdue(m, done, today))
			continue;
		if (n < cap)
			out[n] = m;
		n++;
	}
	return n;
}

int route_may_conclude(struct date ends, struct date today)
{
	return date_compare(today, ends) >= 0;
}
