/* externship_plan — the externship student's individual schedule of remote consultations
 * (A1 form 3, EXT-13) and the summative works it tracks (EXT-15): each row a subject's
 * consultation — its date and topic — with the date the summative work is sent to the
 * student and the date the completed work comes back. What a row may hold, and when a
 * quarter's works are all in (three per subject, docs/movement.md "Readings" 15).
 *
 * Pure: no I/O, no clock ("today" is a parameter), no allocation. Problems are
 * struct movement_problem, as core/movement.h reports them. */
#ifndef MEKTEP_CORE_EXTERNSHIP_PLAN_H
#define MEKTEP_CORE_EXTERNSHIP_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/date.h"
#include "core/deadline.h"
#include "core/movement.h"

/* One row of the schedule. A date not given is {0}. */
struct plan_row {
	int64_t subject_id;
	struct date consultation_on;  /* the consultation (A1 form 3, column 2) */
	struct date work_sent_on;     /* the summative work sent to the student (column 4) */
	struct date work_received_on; /* the completed work received (column 5) */
};

/*
 * The problems of one row of the schedule for an externship over `period`, in the
 * academic year `year` (the schedule is one year's, A1§18), on `today`:
 *   consultation_outside_period  EXT-13  consultation_on   not within both the
 *                                                          externship and the year
 *   date_in_future               EXT-15  work_sent_on / work_received_on
 *   work_received_before_sent    EXT-15  work_received_on  received before it was sent,
 *                                                          or received and never sent
 * Writes at most `cap` into `out`; returns how many there are.
 */
size_t plan_row_check(const struct plan_row *row, struct calendar_period period, struct calendar_period year,
		      struct date today, struct movement_problem *out, size_t cap);

/* A quarter's summative works (EXT-15): each subject of the schedule needs
 * DEADLINE_QUARTER_WORKS works whose consultation lies in the quarter and that came back.
 * `done` is set with the day the last of those came back (the quarter was complete from
 * then); `subjects` counts the subjects of the schedule, `complete` those that have their
 * three. A schedule without rows is never done. */
struct plan_quarter {
	struct deadline_mark done;
	size_t subjects;
	size_t complete;
};
struct plan_quarter plan_quarter_works(const struct plan_row *rows, size_t n, struct calendar_period quarter);

#endif
