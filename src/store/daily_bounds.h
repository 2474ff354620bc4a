/* daily_bounds — the queries of a grade's daily minimum and maximum of lessons per ЖОЖ
 * (TT-1; migration 017 curriculum_daily_bounds, core/daily_bounds.h): the ЖОЖ's grades
 * with their weekly hours and the bounds set, the week they are checked against, the
 * bounds replaced, and the bounds of a school's year for the timetable generator. */
#ifndef MEKTEP_STORE_DAILY_BOUNDS_H
#define MEKTEP_STORE_DAILY_BOUNDS_H

#include <jansson.h>
#include <stdint.h>

#include "core/daily_bounds.h"
#include "store/db.h"

#define DAILY_BOUNDS_GRADES 13 /* indexed by grade 1..12 */

/* The ЖОЖ's grades (those with rows, and those with bounds set), in order:
 * [{grade, lesson_hours (the sum of the grade's rows), elective_hours (curriculum_electives,
 * 0 without a row), min_daily, max_daily (null when not set)}]. NULL on a database error. */
json_t *daily_bounds_grades(struct db *db, int64_t curriculum_id);
/* The bounds set: [{grade, min_daily, max_daily}] (what the audit log keeps). */
json_t *daily_bounds_set_of(struct db *db, int64_t curriculum_id);
/* Replaces the ЖОЖ's bounds by `grades` ([{grade, min_daily, max_daily}], checked);
 * a grade left out takes the default again. DB_OK or a negative rc. */
int daily_bounds_replace(struct db *db, int64_t curriculum_id, json_t *grades);
/* The school's week from its bell schedule (CAL-6): *days 5, or 6 with Saturdays;
 * *periods its periods a day, TT_MAX_PERIODS when it has none yet. DB_OK or DB_ERROR. */
int daily_bounds_week(struct db *db, int64_t school_id, int *days, int *periods);
/* The bounds set in the ЖОЖ of the school's academic year, by grade (out[g] = {0, 0}
 * where none is set, or without a ЖОЖ). DB_OK or a negative rc. */
int daily_bounds_of_year(struct db *db, int64_t school_id, int64_t year_id,
			 struct daily_bounds out[DAILY_BOUNDS_GRADES]);

#endif
