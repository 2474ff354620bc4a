/* movement (api, shared) — what the handlers of the movement book (api/movement.c) share
 * with the other files of its API: a case's deadlines on today with the duties recorded
 * for it (used by api/duties.c and the contingent unit's inbox), and who of the family
 * may read a student's cases (api/externship_plan.c). */
#ifndef MEKTEP_API_MOVEMENT_H
#define MEKTEP_API_MOVEMENT_H

#include <jansson.h>
#include <stdint.h>

#include "core/date.h"
#include "core/holidays.h"
#include "core/movement.h"
#include "http/request.h"
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

/* The first day of the academic year that holds `d`: 1 September (reading 3 of
 * docs/movement.md: a year runs from one 1 September to the day before the next); the
 * duties key a year's schedule by it. */
struct date movement_year_start(struct date d);

/* The status the student's latest order gives (store's movement_status_ordered): what
 * an application or an order is checked against, even while that order has not taken
 * effect. 0, or -1 on a database error. */
int movement_status_of(struct db *db, int64_t student_id, enum student_status *out);

/* A new order for the student starting on `starts_on` (YYYY-MM-DD): adds the 422
 * problem `order_before_ordered` at `field` when the latest order starts on that day or
 * later (it would end before it starts). 0, or -1 on a database error. */
int movement_order_after_ordered(struct req *rq, int64_t student_id, const char *starts_on, const char *field);

/* A parent linked to the student, or the student: 1 or 0; -1 for other roles (whose
 * rights depend on the student's school, looked up after). */
int movement_family_may(struct req *rq, int64_t student_id);

/* duties.c: the year's consultation schedule approved by order on `on` (EXT-13) — its
 * duty recorded and its e-mail queued, in the caller's transaction. DB_OK or rc. */
int duties_schedule_approved(struct req *rq, int64_t case_id, const char *period, const char *on);

#endif
