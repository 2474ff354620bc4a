/* electives (demo) — elective courses of a demo school (issue 8, migration 012), so that
 * the students' page, the deputy's courses and groups, the teacher's session journal and
 * the results have a term's worth of history from the start:
 * - the ЖОЖ's elective hours and weekly maximum of grades 7–12;
 * - five courses with approved programmes (a thematic plan of four rows, one review on
 *   the nine criteria, approved in June by the methodological association): olympiad
 *   mathematics (7–9), robotics (7–10), German as a second foreign language (7–9), IELTS
 *   preparation (10–12, 2 hours) and a research project (10–12), each taught by ten of
 *   the school's first fifty teachers (the demo's `teacher` sign-in among them);
 * - every studying student's choices within the hours (the demo's `student` sign-in
 *   chooses none: the page keeps its work to do), about 2 % of grades 7–9 switching in
 *   October on an application;
 * - groups of each course per grade and block hour, at most 16 members, the k-th group of
 *   a course in a grade with the course's k-th teacher: every grade's groups fit its
 *   elective block (TT-4: the grade's elective hours at the same periods, each student and
 *   teacher in one group an hour — the generator's assignment, docs/solver.md), before and
 *   after the October switches;
 * - weekly sessions on the study days before today (two a week for 2 hours), with the
 *   plan's topic, absences about 4 % (mostly illness), the test work at a semester's last
 *   session once the semester is over, and a few final products.
 * Deterministic from the seed and the students' ids; written inside the caller's write
 * transaction, mostly through db_copy. */
#ifndef MEKTEP_DEMO_ELECTIVES_H
#define MEKTEP_DEMO_ELECTIVES_H

#include <stdint.h>

#include "store/db.h"

struct demo_elective_counts {
	int courses, choices, switches, groups, sessions, absences, products;
};

/* Fills the school's electives of the year; `today` "YYYY-MM-DD" (no sessions on or after
 * it); teacher_person / skip_person: the person of the demo's teacher sign-in (teaches the
 * first course) and of the student sign-in (chooses nothing), 0 when not of this school.
 * Adds to *out. DB_OK or a negative rc. */
int demo_electives_school(struct db *db, int64_t school_id, int64_t year_id, uint64_t seed, const char *today,
			  int64_t teacher_person, int64_t skip_person, const char *now,
			  struct demo_elective_counts *out);

#endif
