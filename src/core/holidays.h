/* Public holidays of Kazakhstan as editable data, and the working-day arithmetic
 * of CAL-7 (deadlines counted in working days skip weekends and holidays). */
#ifndef MEKTEP_CORE_HOLIDAYS_H
#define MEKTEP_CORE_HOLIDAYS_H

#include <stddef.h>

#include "core/date.h"

/*
 * A holiday calendar is plain data that the caller owns: three arrays and their
 * lengths. Nothing here copies, frees or keeps pointers to them beyond a call, so
 * a table edited by the network office (loaded from the database) can be passed
 * in the same way as the built-in default. A NULL array is allowed when its count
 * is 0. Calendars must not be NULL.
 *
 * Which days are off (holiday_is_day_off()), in order of precedence:
 *   1. a transfer's working_day is a working day, whatever else it is;
 *   2. a transfer's day_off is a day off;
 *   3. Saturday and Sunday are days off;
 *   4. a holiday (a rule's day in a year it covers, or a fixed date) is a day off;
 *   5. a holiday with moves_if_weekend that falls on a Saturday or Sunday gives a
 *      day off on the next day that is not a weekend day, not a holiday and not
 *      already taken by an earlier moved holiday (Nauryz 2026: 21 March Saturday
 *      → 24 March, 22 March Sunday → 25 March, 23 March is a holiday itself).
 *      Moves are worked out in date order from 1 January of the previous year,
 *      so a December holiday may move into January. Several holidays on one
 *      weekend date give one moved day. Transfers are applied after the moves
 *      (a decree is written knowing them) and do not shift them.
 */

/* A holiday on the same month and day every year of [from_year, to_year]. */
struct holiday_rule {
	int month, day;            /* 29 February only counts in leap years */
	int from_year, to_year;    /* first and last year it applies; 0 = unbounded */
	int moves_if_weekend;      /* 1: on Sat/Sun the day off moves (step 5 above) */
	const char *name_en;       /* English name, for display; may be NULL */
};

/* A holiday of one year only (e.g. the first day of Kurban Ait). */
struct holiday_fixed {
	struct date date;
	int moves_if_weekend;
	const char *name_en;
};

/* A transfer of a day off by decree/order: working_day becomes a working day and
 * day_off a day off. */
struct holiday_transfer {
	struct date working_day;
	struct date day_off;
};

struct holiday_calendar {
	const struct holiday_rule *rules;
	size_t n_rules;
	const struct holiday_fixed *fixed;
	size_t n_fixed;
	const struct holiday_transfer *transfers;
	size_t n_transfers;
};

/*
 * The built-in calendar of Kazakhstan (rules.md, "Public holidays of
 * Kazakhstan"): the yearly rules hold from 2022 on; Kurban Ait and the transfers
 * are known for 2024–2027 only (see holidays.c for sources and for what could not
 * be confirmed). Static, read-only, never freed; never NULL.
 */
const struct holiday_calendar *holiday_calendar_default(void);

/*
 * Check a calendar edited by hand: every rule has a month 1..12 and a day that
 * exists in that month in some year (29 February allowed), from_year <= to_year
 * when both are set; every fixed date and transfer date is a valid date; a
 * transfer's working_day differs from its day_off; a NULL array has count 0.
 * Returns 0, or -1 and sets *problem (when `problem` is not NULL) to a static
 * English sentence naming the first fault.
 */
int holiday_calendar_check(const struct holiday_calendar *cal, const char **problem);

/* 1 if `d` is a day off under `cal` (the precedence above), else 0. */
int holiday_is_day_off(const struct holiday_calendar *cal, struct date d);

/* 1 if a holiday (a rule's day in a year it covers, or a fixed date) falls on `d`
 * itself, whatever the weekday; moved days off and transfers are not holidays here
 * (a school that works on Saturdays asks this of a Saturday). */
int holiday_is_public_holiday(const struct holiday_calendar *cal, struct date d);

/* 1 if `d` is a working day under `cal`: the negation of holiday_is_day_off(). */
int holiday_is_working_day(const struct holiday_calendar *cal, struct date d);

/*
 * CAL-7: the date `n` working days after `from`. Days are counted strictly after
 * `from`, so a deadline of 3 working days from Friday 20 March 2026 is Monday
 * 30 March 2026 (23–25 March and the weekend are skipped). n = 0 returns `from`
 * when it is a working day, else the first working day after it. A negative `n` is
 * treated as 0.
 */
struct date holiday_add_working_days(const struct holiday_calendar *cal, struct date from,
				     int n);

/*
 * Every day off of `year` that is not a Saturday or Sunday (holidays on weekdays,
 * moved days off, transfers' days off), in date order, for display. Writes at most
 * `cap` dates into `out` (which may be NULL when `cap` is 0) and returns how many
 * there are in all, so a result above `cap` means the list was cut.
 */
size_t holiday_list_year(const struct holiday_calendar *cal, int year, struct date *out,
			 size_t cap);

#endif
