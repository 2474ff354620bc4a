/* timetable — the rules of the weekly timetable as pure functions over plain data (no
 * clock, no I/O; only the functions that say so sort the caller's arrays, and those
 * that return TT_NOMEM allocate a scratch index they free before returning):
 *   CAL-6  the bell schedule: 40-minute lessons (60 as a school setting), breaks
 *   ORG-7  a break after which a meal falls lasts at least the meal break (20 min)
 *   TT-1   a set of entries is clash-free: no teacher, class, group with its own class,
 *          students of two groups, or room twice at the same time; and its hours are
 *          compared with the ЖОЖ and with each teacher's set load
 *   TT-3   versions (draft → approved → superseded) are the API's; here: which terms a
 *          semester spans
 *   and the laying of the week pattern over the calendar: the study days of a semester
 *   (terms, minus the school's holidays, weekends and Kazakhstan's public days off) and
 *   the dated lessons they give.
 * docs/timetable.md says the same in prose. */
#ifndef MEKTEP_CORE_TIMETABLE_H
#define MEKTEP_CORE_TIMETABLE_H

#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/date.h"
#include "core/holidays.h"

#define TT_MAX_PERIODS 12        /* periods of a day, at most */
#define TT_WEEKDAYS 5            /* Monday..Friday */
#define TT_WEEKDAYS_SATURDAY 6   /* … and Saturday, for a school that works on it */
#define TT_LESSON_MINUTES 40     /* CAL-6: an academic hour */
#define TT_LESSON_MINUTES_LONG 60 /* CAL-6: allowed in agreement with the network office */
#define TT_MEAL_BREAK_MINUTES 20 /* ORG-7: default of the setting meal_break_minutes */
#define TT_MIN_BREAK_MINUTES 5   /* R§33: default of the setting min_break_minutes */
#define TT_FIELD_SIZE 40
#define TT_NOMEM ((size_t)-1)    /* what a counting function returns when malloc failed */

/* One broken rule. rule and code are static strings. */
struct tt_problem {
	const char *rule;            /* "CAL-6", "ORG-7", "TT-1" */
	const char *code;            /* the API's error code */
	char field[TT_FIELD_SIZE];   /* the field concerned, e.g. "periods[2].starts_at" */
};

/* --- the bell schedule (CAL-6, ORG-7, TT-1) --- */

/* One period of the day; times in minutes after midnight (Kazakhstan time). */
struct tt_period {
	int number;      /* 1.. in order */
	int starts_at, ends_at;
	int meal_after;  /* 1: a meal falls in the break after this period */
};

struct tt_bells {
	int lesson_minutes;   /* 40 or 60 */
	size_t n;             /* 0..TT_MAX_PERIODS */
	struct tt_period periods[TT_MAX_PERIODS];
};

/* Parses exactly "HH:MM" (00:00..23:59) into minutes after midnight: 0, or -1 and
 * *minutes untouched. `text` may be NULL (-1). */
int tt_parse_hhmm(const char *text, int *minutes);
/* Writes minutes (0..1439) as "HH:MM" into out (6 bytes). */
void tt_format_hhmm(int minutes, char out[6]);

/*
 * Checks a bell schedule and returns how many problems it has (the first `cap` go to
 * out, NULL when cap is 0), in the order of the periods. Codes:
 *   bells_lesson_minutes (CAL-6, "lesson_minutes"): neither 40 nor 60;
 *   bells_empty (TT-1, "periods"): no period;
 *   bells_period_number (TT-1, "periods[i].number"): the numbers are not 1, 2, 3 …;
 *   bells_lesson_length (CAL-6, "periods[i].ends_at"): a period does not last
 *     lesson_minutes;
 *   bells_break_short (CAL-6, "periods[i].starts_at"): it starts less than
 *     `min_break` minutes after the previous one ends (or before it);
 *   bells_meal_break_short (ORG-7, "periods[i].starts_at"): the previous period has
 *     meal_after and the break is shorter than `meal_break` minutes.
 * A meal after the last period (lunch after lessons) has no break to check.
 */
size_t tt_bells_check(const struct tt_bells *b, int min_break, int meal_break, struct tt_problem *out,
		      size_t cap);

/* --- entries and clashes (TT-1) --- */

/* One lesson of the week. */
struct tt_entry {
	int64_t id;          /* the saved entry's id; 0 for one not saved yet */
	int weekday;         /* 1 = Monday … 6 = Saturday */
	int period;          /* 1..TT_MAX_PERIODS */
	int64_t class_id;
	int64_t group_id;    /* 0: the whole class; else one of its groups (CUR-3) */
	int64_t subject_id;
	int64_t staff_id;    /* the teacher */
	int64_t room_id;     /* 0: no room given */
	int grade;           /* the class's grade (for the external assessment); 0 unknown */
	int locked;          /* carried for the store (kept in place by a generator); not read */
};

/* Two different groups that share at least one student (groups of one class for
 * different subjects, made differently). Order of a and b does not matter. */
struct tt_group_pair {
	int64_t a, b;
};

enum tt_clash_kind {
	TT_CLASH_TEACHER,     /* one teacher, two lessons at once */
	TT_CLASH_CLASS,       /* one class, two whole-class lessons at once */
	TT_CLASH_GROUP_CLASS, /* a group and its own class (a whole-class lesson) at once */
	TT_CLASH_GROUP,       /* one group, two lessons at once */
	TT_CLASH_STUDENTS,    /* two groups with a student in common at once */
	TT_CLASH_ROOM,        /* one room, two lessons at once */
};

/* One clash: two entries (indexes into the caller's array, a < b) at the same time. */
struct tt_clash {
	enum tt_clash_kind kind;
	const char *code;    /* "timetable_clash_teacher", …; the rule is always TT-1 */
	size_t a, b;
};

/* The API's error code of a kind ("timetable_clash_teacher" …). */
const char *tt_clash_code(enum tt_clash_kind kind);

/*
 * TT-1: every clash among entries[0..n): each pair of entries at the same weekday and
 * period that share a teacher, a class (both whole-class, or a group and its class),
 * a group, a room, or two groups listed in `overlap` (n_overlap pairs; NULL when 0).
 * Two different groups of one class at once are fine (split subjects, CUR-3) unless
 * `overlap` lists them. A pair that clashes in several ways is reported once per way
 * (teacher, then class/group, then room). Clashes come ordered by weekday, period,
 * then a, then b; returns how many there are and writes the first `cap` into out, or
 * TT_NOMEM.
 */
size_t tt_check_clashes(const struct tt_entry *entries, size_t n, const struct tt_group_pair *overlap,
			size_t n_overlap, struct tt_clash *out, size_t cap);

/* Whether an entry's slot exists: weekday 1..max_weekday (5, or 6 with Saturdays) and
 * period 1..n_periods of the bell schedule. */
int tt_weekday_valid(int weekday, int max_weekday);
int tt_period_valid(int period, int n_periods);

/* --- the report: hours against the ЖОЖ and the teachers' set load (TT-1) --- */

/* What the ЖОЖ asks of a class (group_id 0) or of one group of it, weekly. */
struct tt_hours {
	int64_t class_id, group_id, subject_id;
	int hours;
};

/* A class-subject (or group-subject) whose placed hours differ from the plan. */
struct tt_hours_diff {
	int64_t class_id, group_id, subject_id;
	int plan, placed;
};

/* Sorts `entries` and `plan` in place by (class, group, subject) and compares the plan
 * with the hours the entries place (one hour per entry): every unit whose placed hours
 * differ from its plan (placed but not planned: plan 0; planned but not placed: placed
 * 0; a unit planned twice counts the sum), ordered by (class, group, subject). Returns
 * how many; the first `cap` go to out. */
size_t tt_hours_compare(struct tt_entry *entries, size_t n, struct tt_hours *plan, size_t nplan,
			struct tt_hours_diff *out, size_t cap);

/* A teacher's set weekly load (CUR-9), or the hours they were given. */
struct tt_load {
	int64_t staff_id;
	int hours;
};

/* A teacher whose placed hours differ from their set load. */
struct tt_load_diff {
	int64_t staff_id;
	int set_hours;   /* -1: no load set for the teacher */
	int placed;
};

/* Sorts `entries` and `loads` in place by staff id and compares each teacher's placed
 * hours (one per entry) with their set load: every teacher above or below (a teacher
 * with entries and no load has set_hours -1; one with a load and no entries placed 0;
 * a load of 0 with no entries is not reported; two loads of one teacher add up), by
 * staff id. Returns how many; the first `cap` go to out. */
size_t tt_load_compare(struct tt_entry *entries, size_t n, struct tt_load *loads, size_t nloads,
		       struct tt_load_diff *out, size_t cap);

/* --- laying the week over the calendar --- */

/* TT-3: the terms (0-based first index and count) that semester 1 or 2 spans in a year
 * of `type`: quarters 1–2 or 3–4, or the semester itself. Returns 0, or -1 for a
 * semester other than 1 and 2 or an invalid type. */
int tt_semester_terms(enum calendar_type type, int semester, size_t *first, size_t *count);

/* What decides the study days of a semester. Plain value owned by the caller. */
struct tt_calendar {
	size_t n_terms;                                 /* the semester's terms, in order */
	struct calendar_period terms[CALENDAR_MAX_TERMS];
	size_t n_holidays;                              /* the year's holidays (any order) */
	struct calendar_period holidays[CALENDAR_MAX_HOLIDAYS];
	int has_assessment;                             /* grades 11–12: no lessons then */
	struct calendar_period assessment;
	int saturday;                                   /* 1: the school works on Saturdays */
	const struct holiday_calendar *public_days;     /* Kazakhstan's (never NULL) */
};

/* A study day: its date, the weekday whose lessons it holds, and whether it lies in the
 * external assessment (then grades 11–12 have no lessons). */
struct tt_day {
	struct date date;
	int weekday;
	int assessment;
};

/*
 * The weekday whose lessons are held on `d` (1..6), or 0 when none:
 *   - no lessons outside the semester's terms or inside a holiday of the year;
 *   - Monday to Friday: lessons unless a public day off (a holiday, a holiday moved
 *     off a weekend, a transfer's day off);
 *   - Saturday, in a school that works on Saturdays: lessons unless a public holiday
 *     falls on it or a transfer makes it a day off;
 *   - a weekend day that a transfer makes a working day (e.g. Saturday 4 May 2024 for
 *     Wednesday 8 May) holds the lessons of the weekday whose day off it pays for (in a
 *     school with Saturdays, a Saturday keeps its own); a Sunday otherwise never.
 */
int tt_study_weekday(const struct tt_calendar *c, struct date d);

/* The study days of [from, to] in date order (tt_study_weekday); returns how many and
 * writes the first `cap` into out (NULL when cap is 0). */
size_t tt_study_days(const struct tt_calendar *c, struct date from, struct date to, struct tt_day *out,
		     size_t cap);

/* One dated lesson: a study day (index into the days given) and an entry (index). */
struct tt_lesson {
	size_t day, entry;
};

/* The dated lessons of the days: for each day in order, the entries of its weekday by
 * period (then by their index), except those of grades 11–12 on an assessment day.
 * Returns how many (or TT_NOMEM); the first `cap` go to out (NULL when cap is 0). */
size_t tt_lay(const struct tt_day *days, size_t ndays, const struct tt_entry *entries, size_t n,
	      struct tt_lesson *out, size_t cap);

#endif
