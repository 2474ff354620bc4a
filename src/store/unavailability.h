/* unavailability — when a teacher cannot teach (issue 9; migration 015): the rows of a
 * staff member's academic year read and replaced. The generator reads them through
 * timetable_week.c; the API is api/unavailability.c. */
#ifndef MEKTEP_STORE_UNAVAILABILITY_H
#define MEKTEP_STORE_UNAVAILABILITY_H

#include <jansson.h>
#include <stdint.h>

#include "store/db.h"

/* The staff member's unavailable times of the year as [{semester (null: the whole
 * year), weekday 1.., period (null: the whole day)}], by semester, weekday, period;
 * NULL on a database failure. */
json_t *unavailability_list(struct db *db, int64_t staff_id, int64_t year_id);

/* Replaces the rows of one scope — the whole year (semester 0) or one semester — with
 * `times` ([{weekday, period?}], already checked). Inside the caller's transaction. */
int unavailability_replace(struct db *db, int64_t staff_id, int64_t year_id, int semester, json_t *times,
			   int64_t user_id);

#endif
