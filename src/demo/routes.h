/* routes (demo) — individual learning routes (ОЖОМ, issue 8, migration 014) of a demo
 * school, so that the deputies' quarter page, the curators' lists, the teachers' weekly
 * assessments and the students' diaries have a year's worth of history from the start:
 * - nine routes a school, two of each reason (IR-1) — a year or a semester for high
 *   ability, a section or a semester for low motivation, a topic or a section for long
 *   illness, a semester for other (a transfer from another programme) — and one more for
 *   the school's first student (the demo's `student` sign-in: its diary shows a route),
 *   each in a whole-class subject of the student's class with that subject's teacher and
 *   the class's curator, its five components and a schedule row a route week (IR-2),
 *   agreed by all three within the first days;
 * - a weekly assessment of every route week before today by the teacher (about one week
 *   in twenty left unassessed, so a few are overdue: IR-3), one with a correction of the
 *   diagnostic component;
 * - the routes ended before today concluded by their teacher on the last day (IR-4).
 * Deterministic from the seed and the ids; written inside the caller's write transaction,
 * the assessments through one db_copy. */
#ifndef MEKTEP_DEMO_ROUTES_H
#define MEKTEP_DEMO_ROUTES_H

#include <stdint.h>

#include "store/db.h"

/* Fills the school's routes of the year; `today` "YYYY-MM-DD" (no assessment on or after
 * it; "" writes routes without assessments); `now` the instant of created_at. DB_OK or a
 * negative rc. */
int demo_routes_school(struct db *db, int64_t school_id, int64_t year_id, uint64_t seed, const char *today,
		       const char *now);

#endif
