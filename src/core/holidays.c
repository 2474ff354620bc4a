/* Kazakhstan's public holidays as data (the built-in default table) and the
 * day-off / working-day rules of CAL-7 computed from any caller-owned table. */
#include "core/holidays.h"

#include <stdint.h>

/*
 * Sources of the default table (public facts; the network office may edit them):
 * - Yearly holidays and the weekend rule: rules.md, "Public holidays of
 *   Kazakhstan" (Law "On holidays in the Republic of Kazakhstan"; Labour Code
 *   art. 84). 7 January and Kurban Ait never move.
 * - Constitution Day: 30 August up to 2025; none in 2026; 15 March from 2027 (the
 *   new Constitution was adopted by the referendum of 15 March 2026; the Ministry
 *   of Labour announced in March 2026 that 30 August is no longer a day off).
 *   Calendars published before that still showed Monday 31 August 2026 off.
 * - Kurban Ait, first day (announced each year by the Spiritual Administration of
 *   Muslims of Kazakhstan, ДУМК):
 *     2024-06-16 — ДУМК, 7 June 2024; the Ministry of Labour confirmed that
 *                  Monday 17 June 2024 stayed a working day.
 *     2025-06-06 — Ministry of Labour, citing ДУМК.
 *     2026-05-27 — ДУМК calendar for 2026, published 6 November 2025.
 *     2027-05-16 — NOT YET ANNOUNCED: estimate from the Turkish Diyanet Hijri
 *                  table (10 Dhu al-Hijjah 1448), which gives the same dates as
 *                  ДУМК for 2024–2026. It is a Sunday; Kurban Ait does not move,
 *                  so only a shift to Monday 17 May would change working days.
 *                  Replace it when ДУМК publishes its 2027 calendar.
 * - Transfers (since 2024 by order of the Minister of Labour and Social
 *   Protection under Labour Code art. 85 §3, earlier by Government decree):
 *     2024: Saturday 4 May worked, Wednesday 8 May off.
 *     2025: Sunday 5 January worked, Friday 3 January off (order No. 436 of
 *           21 November 2024).
 *     2026: none — the official 2026 calendar lists only weekend moves.
 *     2027: none known yet; add the order when it is published.
 */
static const struct holiday_rule kz_rules[] = {
	{ 1, 1, 0, 0, 1, "New Year" },
	{ 1, 2, 0, 0, 1, "New Year" },
	{ 1, 7, 0, 0, 0, "Orthodox Christmas" },
	{ 3, 8, 0, 0, 1, "International Women's Day" },
	{ 3, 15, 2027, 0, 1, "Constitution Day" },
	{ 3, 21, 0, 0, 1, "Nauryz meiramy" },
	{ 3, 22, 0, 0, 1, "Nauryz meiramy" },
	{ 3, 23, 0, 0, 1, "Nauryz meiramy" },
	{ 5, 1, 0, 0, 1, "Kazakhstan People's Unity Day" },
	{ 5, 7, 0, 0, 1, "Defender of the Fatherland Day" },
	{ 5, 9, 0, 0, 1, "Victory Day" },
	{ 7, 6, 0, 0, 1, "Capital Day" },
	{ 8, 30, 0, 2025, 1, "Constitution Day" },
	{ 10, 25, 2022, 0, 1, "Republic Day" },
	{ 12, 16, 0, 0, 1, "Independence Day" },
};

static const struct holiday_fixed kz_fixed[] = {
	{ { 2024, 6, 16 }, 0, "Kurban Ait" },
	{ { 2025, 6, 6 }, 0, "Kurban Ait" },
	{ { 2026, 5, 27 }, 0, "Kurban Ait" },
	{ { 2027, 5, 16 }, 0, "Kurban Ait (estimated)" },
};

static const struct holiday_transfer kz_transfers[] = {
	{ { 2024, 5, 4 }, { 2024, 5, 8 } },
	{ { 2025, 1, 5 }, { 2025, 1, 3 } },
};

static const struct holiday_calendar kz_calendar = {
	kz_rules, sizeof kz_rules / sizeof kz_rules[0],
	kz_fixed, sizeof kz_fixed / sizeof kz_fixed[0],
	kz_transfers, sizeof kz_transfers / sizeof kz_transfers[0],
};

/* How far a search for a working day goes before giving up: only a calendar with
 * ten years of consecutive days off could reach it. */
#define HOLIDAY_SEARCH_LIMIT 3660

const struct holiday_calendar *holiday_calendar_default(void)
{
	return &kz_calendar;
}

int holiday_calendar_check(const struct holiday_calendar *cal, const char **problem)
{
	const char *why = NULL;

	if ((!cal->rules && cal->n_rules) || (!cal->fixed && cal->n_fixed) ||
	    (!cal->transfers && cal->n_transfers))
		why = "an array is missing but its count is not zero";
	for (size_t i = 0; !why && i < cal->n_rules; i++) {
		const struct holiday_rule *r = &cal->rules[i];

		/* 2000 is a leap year, so 29 February passes as a possible day. */
		if (r->month < 1 || r->month > 12 || r->day < 1 ||
		    r->day > date_days_in_month(2000, r->month))
			why = "a yearly holiday has no such month and day";
		else if (r->from_year && r->to_year && r->from_year > r->to_year)
			why = "a yearly holiday ends before it starts";
	}
	for (size_t i = 0; !why && i < cal->n_fixed; i++)
		if (!date_valid(cal->fixed[i].date))
			why = "a one-year holiday has an invalid date";
	for (size_t i = 0; !why && i < cal->n_transfers; i++) {
		const struct holiday_transfer *t = &cal->transfers[i];

		if (!date_valid(t->working_day) || !date_valid(t->day_off))
			why = "a transfer has an invalid date";
		else if (date_compare(t->working_day, t->day_off) == 0)
			why = "a transfer moves a day onto itself";
	}
	if (problem)
		*problem = why;
	return why ? -1 : 0;
}

static int is_weekend(struct date d)
{
	return date_weekday(d) >= 6;
}

static int rule_covers_year(const struct holiday_rule *r, int year)
{
	return (!r->from_year || year >= r->from_year) && (!r->to_year || year <= r->to_year);
}

/* 1 if `d` is a holiday (rule or fixed); *moves is set to 1 if any holiday on `d`
 * moves when on a weekend, else 0. `moves` may be NULL. */
static int holiday_on(const struct holiday_calendar *cal, struct date d, int *moves)
{
	int found = 0, mv = 0;

	for (size_t i = 0; i < cal->n_rules; i++) {
		const struct holiday_rule *r = &cal->rules[i];

		if (r->month == d.m && r->day == d.d && rule_covers_year(r, d.y)) {
			found = 1;
			mv |= r->moves_if_weekend != 0;
		}
	}
	for (size_t i = 0; i < cal->n_fixed; i++) {
		if (date_compare(cal->fixed[i].date, d) == 0) {
			found = 1;
			mv |= cal->fixed[i].moves_if_weekend != 0;
		}
	}
	if (moves)
		*moves = mv;
	return found;
}

/*
 * 1 if a holiday on a weekend moved its day off to `d`. Holidays are taken in
 * date order from 1 January of the year before `d`; each takes the first day
 * after it that is neither a weekend day, nor a holiday, nor taken. The days so
 * taken are increasing in that order (a later holiday's search starts no earlier
 * and may not stop on a taken day), so "taken" is just "not after the last one".
 */
static int moved_day_off(const struct holiday_calendar *cal, struct date d)
{
	struct date start = { d.y - 1, 1, 1 };
	int64_t target = date_to_days(d);
	int64_t last = INT64_MIN;

	for (int64_t x = date_to_days(start); x < target; x++) {
		struct date h = date_from_days(x);
		int moves;
		int64_t t;

		if (!is_weekend(h) || !holiday_on(cal, h, &moves) || !moves)
			continue;
		for (t = x + 1; t - x < HOLIDAY_SEARCH_LIMIT; t++) {
			struct date c = date_from_days(t);

			if (t > last && !is_weekend(c) && !holiday_on(cal, c, NULL))
				break;
		}
		last = t;
		if (t >= target)
			return t == target;
	}
	return 0;
}

static int transfer_makes(const struct holiday_calendar *cal, struct date d, int working)
{
	for (size_t i = 0; i < cal->n_transfers; i++) {
		const struct holiday_transfer *t = &cal->transfers[i];

		if (date_compare(working ? t->working_day : t->day_off, d) == 0)
			return 1;
	}
	return 0;
}

int holiday_is_day_off(const struct holiday_calendar *cal, struct date d)
{
	if (transfer_makes(cal, d, 1))
		return 0;
	if (transfer_makes(cal, d, 0) || is_weekend(d) || holiday_on(cal, d, NULL))
		return 1;
	return moved_day_off(cal, d);
}

int holiday_is_public_holiday(const struct holiday_calendar *cal, struct date d)
{
	return holiday_on(cal, d, NULL);
}

int holiday_is_working_day(const struct holiday_calendar *cal, struct date d)
{
	return !holiday_is_day_off(cal, d);
}

struct date holiday_add_working_days(const struct holiday_calendar *cal, struct date from,
				     int n)
{
	struct date d = from;
	int idle = 0;

	if (n <= 0) {
		while (holiday_is_day_off(cal, d) && idle++ < HOLIDAY_SEARCH_LIMIT)
			d = date_add_days(d, 1);
		return d;
	}
	while (n > 0 && idle < HOLIDAY_SEARCH_LIMIT) {
		d = date_add_days(d, 1);
		if (holiday_is_day_off(cal, d)) {
			idle++;
		} else {
			n--;
			idle = 0;
		}
	}
	return d;
}

size_t holiday_list_year(const struct holiday_calendar *cal, int year, struct date *out,
			 size_t cap)
{
	struct date jan1 = { year, 1, 1 };
	int64_t first = date_to_days(jan1);
	int days = date_is_leap(year) ? 366 : 365;
	size_t count = 0;

	for (int i = 0; i < days; i++) {
		struct date d = date_from_days(first + i);

		if (is_weekend(d) || !holiday_is_day_off(cal, d))
			continue;
		if (count < cap)
			out[count] = d;
		count++;
	}
	return count;
}
