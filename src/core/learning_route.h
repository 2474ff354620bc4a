/* learning_route — the rules of a student's individual learning route (ОЖОМ, appendix 5
 * of the regulation; IR-1..IR-5) as plain decisions: the reasons a route is made for
 * (IR-1), the spans it covers and what each span means as dates within the school year
 * (IR-2), its five components, schedule and three agreements, and when it is complete
 * enough to be agreed (IR-2); the route's weeks and which of them are overdue for the
 * weekly assessment (IR-3); when conclusions may be written (IR-4). docs/learning-routes.md
 * says the same in prose. Pure: no I/O, "today" is given. */
#ifndef MEKTEP_CORE_LEARNING_ROUTE_H
#define MEKTEP_CORE_LEARNING_ROUTE_H

#include <stddef.h>

#include "core/calendar.h"
#include "core/date.h"

/* IR-1 (A5§4): whom a route supports. */
enum route_reason {
	ROUTE_REASON_HIGH_ABILITY,
	ROUTE_REASON_LOW_MOTIVATION,
	ROUTE_REASON_LONG_ILLNESS,
	ROUTE_REASON_OTHER,
	ROUTE_REASON_INVALID,
};
/* "high_ability", "low_motivation", "long_illness", "other"; NULL for anything else. */
const char *route_reason_code(enum route_reason r);
enum route_reason route_reason_from_code(const char *code);

/* IR-2 (A5§6): what a route covers. */
enum route_span {
	ROUTE_SPAN_TOPIC,
	ROUTE_SPAN_SECTION,
	ROUTE_SPAN_SEMESTER,
	ROUTE_SPAN_YEAR,
	ROUTE_SPAN_INVALID,
};
/* "topic", "section", "semester", "year"; NULL for anything else. */
const char *route_span_code(enum route_span s);
enum route_span route_span_from_code(const char *code);

/* What is wrong with a span's dates (route_span_dates). */
enum route_span_problem {
	ROUTE_SPAN_OK,
	ROUTE_SPAN_DATES_MISSING,   /* a topic or section without both dates */
	ROUTE_SPAN_DATES_ORDER,     /* ends before it starts */
	ROUTE_SPAN_OUTSIDE_YEAR,    /* a date outside the school year */
	ROUTE_SPAN_NO_SEMESTER,     /* semester not 1 or 2, or the year has no such terms */
};

/*
 * IR-2: the dates a span covers in the school year `y` (its dates and terms).
 *   - topic, section: the dates the teacher gives (from, to), both inside the year;
 *   - semester 1 or 2: of a year in quarters, the first day of quarter 1 (3) to the last
 *     of quarter 2 (4); of a year in semesters, that semester's term;
 *   - year: the year's first to last day.
 * `semester` is read only for ROUTE_SPAN_SEMESTER; from/to only for topic and section
 * (a date {0} is missing). On ROUTE_SPAN_OK *starts and *ends get the span's days.
 */
enum route_span_problem route_span_dates(const struct calendar_year *y, enum route_span span, int semester,
					 struct date from, struct date to, struct date *starts, struct date *ends);

/* IR-2 (A5§5): the five components, in this order. */
#define ROUTE_COMPONENTS 5
extern const char *const route_component_names[ROUTE_COMPONENTS]; /* "target", "content",
	"technological", "diagnostic", "organisational" */

/* IR-2 (A5§6): who agrees a route. */
enum route_agreement { ROUTE_AGREE_TEACHER, ROUTE_AGREE_CURATOR, ROUTE_AGREE_STUDENT, ROUTE_AGREEMENTS };
extern const char *const route_agreement_names[ROUTE_AGREEMENTS]; /* "teacher", "curator", "student" */

/* A route as its completeness rules see it. A component is present when it has a
 * character other than white space. */
struct route_parts {
	const char *components[ROUTE_COMPONENTS];
	size_t schedule_rows;
	int agreed[ROUTE_AGREEMENTS]; /* 1 when that party agreed */
};

/* IR-2: the parts a route lacks before anyone may agree it: the bit (1 << i) of each
 * missing component i, and ROUTE_MISSING_SCHEDULE without a schedule row. 0 when it
 * may be agreed. */
#define ROUTE_MISSING_SCHEDULE (1u << ROUTE_COMPONENTS)
unsigned route_missing_parts(const struct route_parts *p);
/* IR-2: agreed — nothing missing and all three parties agreed. */
int route_is_agreed(const struct route_parts *p);

/*
 * IR-3 (A5§10): the weeks of a route from `starts` to `ends`, Monday to Sunday, in which
 * it is assessed: a week is a route week when it has at least one study day of the route
 * (Monday to Friday, inside [starts, ends], inside a term of `y` and outside its
 * holidays; `y` NULL: every weekday). Writes the Mondays of the first `cap` weeks into
 * out (NULL with cap 0) and returns how many there are.
 */
size_t route_weeks(const struct calendar_year *y, struct date starts, struct date ends, struct date *out,
		   size_t cap);
/* IR-3: a week's assessment is due by its Sunday, so it is overdue from the Monday
 * after: 1 when the week of `monday` is overdue on `today` and not assessed. */
int route_week_overdue(struct date monday, int assessed, struct date today);
/* The Monday of the week of d. */
struct date route_week_of(struct date d);

/*
 * IR-3: the route weeks (route_weeks) overdue on `today` — ended without an assessment.
 * `assessed` holds the dates of the route's assessments (any order; each counts for its
 * week). Writes the Mondays of the first `cap` overdue weeks into out and returns how
 * many there are.
 */
size_t route_overdue_weeks(const struct calendar_year *y, struct date starts, struct date ends,
			   const struct date *assessed, size_t n_assessed, struct date today, struct date *out,
			   size_t cap);

/* IR-4 (A5§13): conclusions are written at the route's end — on or after its last day. */
int route_may_conclude(struct date ends, struct date today);

#endif
