/* timetable (demo) — each demo school's bell schedule (8 periods of 40 minutes from
 * 08:00, 20-minute meal breaks after the 2nd and 4th, CAL-6 and ORG-7), its rooms (a
 * home room per class, laboratories, informatics rooms, sports halls, small rooms for
 * groups), and an approved, clash-free timetable of semester 1 built by a greedy
 * placement from the teaching load of demo/curriculum.c (every load line placed for
 * its weekly hours), laid over the semester's study days (the dated lessons).
 *
 * The greedy: periods are filled in order, day by day, for every class in turn (each
 * class's day has its share of the weekly hours, so classes have no gaps when it goes
 * well); a class takes the load line that is most behind and whose teacher(s) and a
 * room are free, at most once a day (twice for a subject of 6 hours or more); the two
 * groups of a split subject are placed together, each with its teacher. Hours left
 * over go to any free slot. The result is checked with core/timetable.c: a clash or
 * an hour left unplaced fails the demo. Deterministic: nothing random is drawn. */
#ifndef MEKTEP_DEMO_TIMETABLE_H
#define MEKTEP_DEMO_TIMETABLE_H

#include <stdint.h>

#include "store/db.h"

#define DEMO_COMMITTEE_DATE "2026-08-29"           /* the parents' committee agreed (TT-3) */
#define DEMO_TIMETABLE_APPROVED "2026-08-31T04:00:00Z" /* the director approved it */

/* What one school got. */
struct demo_timetable_counts {
	int rooms, entries, lessons;
};

/* Writes the bell schedule, rooms and the approved timetable of semester 1 of the
 * school (whose load is in the database) and lays it, inside the caller's write
 * transaction. Sets `error` (size 256) and returns a negative rc when the greedy cannot
 * place every hour without a clash. DB_OK, or a negative rc. */
int demo_timetable_school(struct db *db, int64_t school_id, int64_t year_id, const char *now,
			  struct demo_timetable_counts *counts, char error[256]);

#endif
