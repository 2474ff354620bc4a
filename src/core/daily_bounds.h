/* daily_bounds — a grade's daily minimum and maximum of lessons (TT-1, R§31: the timetable
 * takes the ЖОЖ's norm and the sanitary requirements into account; CUR-2: the ЖОЖ is the
 * school's). The regulation gives no figures: the ЖОЖ sets them per grade
 * (curriculum_daily_bounds, migration 017), and a grade without them takes Mektep's
 * default derived from its weekly hours — a convention of Mektep, not the regulation's.
 * A grade's weekly hours are its lessons of the ЖОЖ plus its elective hours (the blocks
 * of electives take class periods too). Pure: no I/O. */
#ifndef MEKTEP_CORE_DAILY_BOUNDS_H
#define MEKTEP_CORE_DAILY_BOUNDS_H

#include <stddef.h>

struct daily_bounds {
	int min, max; /* lessons a day; min 0: no minimum (a week too short to fill every day) */
};

/* One refusal of daily_bounds_check: code (the API's error code) and field are static
 * strings; the figures that decide it are the check's own arguments. */
struct daily_bounds_problem {
	const char *code;
	const char *field; /* "min_daily" or "max_daily" */
};

/* TT-1: bounds that may be set for a grade of `weekly_hours` in a week of `days` days of
 * `periods` periods. Returns how many problems there are (the first `cap` go to out):
 *   daily_min_below_one     (min_daily)  min < 1;
 *   daily_min_above_max     (min_daily)  min > max;
 *   daily_max_above_periods (max_daily)  max > periods;
 *   daily_min_exceeds_week  (min_daily)  min × days > weekly_hours (the week cannot fill
 *                                        every day to the minimum);
 *   daily_max_below_week    (max_daily)  max × days < weekly_hours (the week does not fit
 *                                        days of at most max). */
size_t daily_bounds_check(struct daily_bounds b, int weekly_hours, int days, int periods,
			  struct daily_bounds_problem *out, size_t cap);

/* Mektep's default for a grade whose weekly hours (of each set of its students) lie
 * between `fewest` and `most`: min = ⌊fewest / days⌋ − 1, at least 1 (0 when fewest <
 * days: then no day can be full), max = ⌈most / days⌉ + 1, at most `periods`. With
 * fewest = most = h ≥ days and h ≤ days × periods it passes daily_bounds_check(h). A
 * week without hours gives {0, periods}. */
struct daily_bounds daily_bounds_default(int fewest, int most, int days, int periods);

#endif
