/* movement (api, shared) — what the handlers of the movement book share: a case's
 * deadlines on today with the duties recorded for it (api/movement.c), used by the
 * duties and the contingent unit's inbox (api/duties.c). */
#ifndef MEKTEP_API_MOVEMENT_H
#define MEKTEP_API_MOVEMENT_H

#include <jansson.h>
#include <stdint.h>

#include "core/holidays.h"
#include "store/db.h"

/* Every deadline of the case (movement_case_get's shape, with "duties") on the server's
 * today: a JSON array of {"rule","code","role","actor","counts_from","from",
 * "working_days","by_analogy","due","state","period","done_on","late_by"}. programme:
 * the school's ("nis", "ib"); funding: the student's ("orken" asks LV-6's copy). */
json_t *movement_case_deadlines(json_t *c, const struct holiday_calendar *cal, const char *programme,
				const char *funding);

/* Adds "deadlines" to the case. 0, or -1 on a database error. */
int movement_case_decorate(struct db *db, json_t *c, const char *funding);

/* The student's funding ("orken", "state_order", "paid"; "" when unknown) into out. */
const char *movement_student_funding(struct db *db, int64_t student, char out[16]);

#endif
