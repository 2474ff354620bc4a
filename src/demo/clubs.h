/* clubs (demo) — the clubs (үйірме) of a demo school (issue 8, migration 013), so that the
 * clubs' pages, the journal, the quarterly report and the child's card have a term of
 * history from the start:
 * - four clubs of the year: robotics, chess, dombra and a volleyball section, led by the
 *   school's club leaders (the demo's `club` sign-in leads the first of its school), each
 *   with a year-long programme (a topic a quarter, the quarter's hours) approved on
 *   3 September, and a schedule of two afternoon sessions a week after the last bell,
 *   approved by the director on 4 September (CLB-5, CLB-7);
 * - about 14 members a club from grades 5–11 joined in September, one of them left at
 *   the end of October (CLB-2) and one ill now (CLB-4); every member of the section has
 *   a volleyball certificate valid to 31 May (CLB-3), and some other students one for
 *   football; the demo's `student` sign-in (the `parent`'s child) is in robotics and chess,
 *   so the diary and the child's card show clubs;
 * - the journal: a session on each scheduled study day before today, the quarter's topic
 *   as content, absences about 5 % (CLB-7); the first quarter checked by the deputy for
 *   upbringing in every club but the last (CLB-8); a few results with their level
 *   (CLB-6) and a survey of the members and their representatives (CLB-8).
 * Deterministic from the seed and the school; written inside the caller's write
 * transaction, the lists through db_copy. */
#ifndef MEKTEP_DEMO_CLUBS_H
#define MEKTEP_DEMO_CLUBS_H

#include <stdint.h>

#include "store/db.h"

/* Fills the school's clubs of the year; `today` "YYYY-MM-DD" ("" for none: no journal,
 * checks, results or survey); `student_person` the person of the demo's student sign-in
 * when of this school, else 0; `now` the instant written as created_at. DB_OK or a
 * negative rc. */
int demo_clubs_school(struct db *db, int64_t school_id, int64_t year_id, uint64_t seed, const char *today,
		      int64_t student_person, const char *now);

#endif
