/* calendar — the structure of an academic year (terms, holidays, the external
 * assessments of grades 11–12 and of grade 10) and the rules it must keep: CAL-1 (4 quarters or
 * 2 semesters, in order, inside the year), CAL-2 (study weeks per level), CAL-3
 * (holidays during the year) and CAL-4 (summer holiday). Pure functions over plain
 * data: no clock, no I/O, no allocation. docs/calendar.md says the same in prose.
 *
 * Counting conventions (the numbers the rules are checked against):
 *   - A period [starts_on, ends_on] holds both of its days.
 *   - A *study day* is a Monday to Friday inside a term and outside every holiday
 *     period of the year. Public days off (CAL-7: 8 March, Nauryz, …) are NOT taken
 *     out: a week with a public holiday is still a study week of the calendar.
 *   - *Study weeks* = study days / 5, so CAL-2 holds when study days >= 5 × the
 *     minimum: primary (grades 1–5) >= 35 weeks = 175 days, basic (6–10) >= 33 weeks
 *     = 165 days, high (11–12) >= 31 weeks = 155 days. "External assessment
 *     excluded" (R§13): for the high level the days of the grades 11–12 period
 *     (`assessment`) are taken out as well; for the basic level those of grade 10's
 *     period (`assessment_basic`, the external summative assessment that ends basic
 *     school, R§79–80). Each level loses only its own period's days. Only the levels
 *     in `levels` are checked (0: all three).
 *   - *Holiday days* (CAL-3) = calendar days (weekends included) covered by the
 *     holiday periods, each day once, counted inside [starts_on, ends_on] of the year.
 *     CAL-3 holds when they are >= 30.
 *   - *Summer* (CAL-4) = calendar days after the year's last day and before the
 *     next year's first day: `next_starts_on` when the school's next year is known,
 *     else the first 1 September after ends_on. It must be >= 84 days (12 weeks)
 *     when the primary or basic level is taught. For seniors (the high level) it is
 *     counted from the later of ends_on and the end of the external assessment, and
 *     must be >= 70 days (10 weeks).
 *
 * Structure (CAL-1): the number of terms is 4 for quarters and 2 for semesters;
 * every period ends on or after its start; terms lie inside the year, each starting
 * after the previous one ends; a holiday lies inside the year and either between two
 * terms or wholly inside one (autumn and spring holidays of a semester, the extra
 * February week), never across a term's first or last day; holidays do not overlap
 * one another; each external assessment starts inside the year (it may end after
 * ends_on: seniors' summer then starts later; grade 10's period does not move the
 * summer of the basic level, which CAL-4 counts from ends_on).
 */
#ifndef MEKTEP_CORE_CALENDAR_H
#define MEKTEP_CORE_CALENDAR_H

#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/org.h"

#define CALENDAR_MAX_TERMS 8      /* room to hold (and refuse) a wrong number of terms */
#define CALENDAR_MAX_HOLIDAYS 16
/* No year gives more problems than this, so an array of it never cuts the list. */
#define CALENDAR_MAX_PROBLEMS 128

#define CALENDAR_MIN_HOLIDAY_DAYS 30      /* CAL-3 */
#define CALENDAR_MIN_SUMMER_DAYS 84       /* CAL-4: 12 calendar weeks */
#define CALENDAR_MIN_SUMMER_DAYS_SENIOR 70 /* CAL-4: 10 calendar weeks, grades 11–12 */

/* CAL-1: how a year is divided. */
enum calendar_type { CALENDAR_QUARTERS, CALENDAR_SEMESTERS, CALENDAR_TYPE_INVALID };

/* A span of days, both ends included. */
struct calendar_period {
	struct date starts_on, ends_on;
};

/* The bit of a level in calendar_year.levels. */
#define CALENDAR_LEVEL_BIT(level) (1u << (level))
#define CALENDAR_ALL_LEVELS \
	(CALENDAR_LEVEL_BIT(LEVEL_PRIMARY) | CALENDAR_LEVEL_BIT(LEVEL_BASIC) | \
	 CALENDAR_LEVEL_BIT(LEVEL_HIGH))

/*
 * One academic year as the rules see it. Plain value, owned by the caller; every
 * date must be valid (date_valid). Terms are in their order (term 1 first);
 * holidays in any order.
 */
struct calendar_year {
	struct date starts_on, ends_on;   /* the year itself (academic_years) */
	enum calendar_type type;
	size_t n_terms;                   /* 0..CALENDAR_MAX_TERMS */
	struct calendar_period terms[CALENDAR_MAX_TERMS];
	size_t n_holidays;                /* 0..CALENDAR_MAX_HOLIDAYS */
	struct calendar_period holidays[CALENDAR_MAX_HOLIDAYS];
	int has_assessment;               /* 1: `assessment` is the grades 11–12 period */
	struct calendar_period assessment;
	int has_assessment_basic;         /* 1: `assessment_basic` is grade 10's period */
	struct calendar_period assessment_basic;
	int has_next_start;               /* 1: the school's next year starts on next_starts_on */
	struct date next_starts_on;
	unsigned levels;                  /* CALENDAR_LEVEL_BIT of each level taught; 0 = all */
};

/* What the rules measure, in days (see the conventions above). */
struct calendar_figures {
	int64_t study_days;          /* primary (every study day) */
	int64_t study_days_basic;    /* without grade 10's external assessment */
	int64_t study_days_high;     /* without the grades 11–12 external assessment */
	int64_t holiday_days;        /* CAL-3 */
	struct date summer_until;    /* the next year's first day */
	int64_t summer_days;         /* CAL-4, from ends_on */
	int64_t summer_days_senior;  /* CAL-4, from the later of ends_on and the assessment's end */
};

/* One broken rule. Strings are static; field and unit name what it concerns. */
struct calendar_problem {
	const char *rule;      /* "CAL-1" … "CAL-4" */
	const char *code;      /* the API's error code, e.g. "calendar_term_count" */
	char field[24];        /* "terms", "terms[2]", "holidays[0]", "assessment",
				  "assessment_basic", "ends_on" */
	enum org_level level;  /* CAL-2, CAL-4: the level concerned; else LEVEL_INVALID */
	int64_t have, need;    /* the amount found and the one required (CAL-1 count, CAL-2..4) */
	const char *unit;      /* "terms", "study_days" or "days" with have/need; else NULL */
};

/* "quarters" / "semesters"; NULL for anything else. */
const char *calendar_type_code(enum calendar_type t);
/* The type for a code; CALENDAR_TYPE_INVALID for anything else, including NULL. */
enum calendar_type calendar_type_from_code(const char *code);
/* CAL-1: 4 for quarters, 2 for semesters, 0 for an invalid type. */
size_t calendar_terms_needed(enum calendar_type t);
/* CAL-2: 35, 33 or 31 weeks; 0 for LEVEL_INVALID. */
int calendar_min_study_weeks(enum org_level level);

/* A study day of `y` by the conventions above: Monday to Friday, inside a term, outside
 * every holiday period. */
int calendar_is_study_day(const struct calendar_year *y, struct date d);

/* Measures `y` by the conventions above into *out (neither may be NULL). Periods
 * that end before they start count no days. */
void calendar_measure(const struct calendar_year *y, struct calendar_figures *out);

/*
 * Checks `y` against CAL-1..CAL-4 and returns how many problems it has (0: the year
 * may be saved and approved). Writes the first `cap` of them into `out` (which may
 * be NULL when cap is 0), in a fixed order: CAL-1 (the year, the term count, each
 * term, each holiday, the assessment of grades 11–12, that of grade 10), then CAL-2
 * by level, CAL-3, CAL-4.
 * A cap of CALENDAR_MAX_PROBLEMS is always enough.
 */
size_t calendar_check(const struct calendar_year *y, struct calendar_problem *out, size_t cap);

#endif
