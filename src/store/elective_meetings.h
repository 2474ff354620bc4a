/* elective_meetings — the elective groups' meetings that the approved timetable gives on
 * the study days (TT-4, A3§10 "elective courses run by the timetable"; ELE-14): a
 * student's in a range of dates (the diary), a teacher's (their day). A day's meetings
 * are those of the version its lessons were laid from (lessons.timetable_id) at the
 * weekday they were laid from (a working Saturday that pays for a Wednesday off has
 * Wednesday's) — so holidays have none and a correction takes effect from the day it is laid;
 * a student's only of the groups they are in on that day (a switch ends one and starts
 * another, ELE-13).
 *
 * Each meeting: {"date", "period", "starts_at", "ends_at" (of the bell schedule, or
 * null), "group_id", "group_name", "course": {"kk","ru","en"}, "teacher": {"last_name",
 * "first_name"} or null, "room" (its name, or null)}, by date and period. NULL on a
 * database error. */
#ifndef MEKTEP_STORE_ELECTIVE_MEETINGS_H
#define MEKTEP_STORE_ELECTIVE_MEETINGS_H

#include <jansson.h>
#include <stdint.h>

#include "store/db.h"

/* The student's meetings from `from` to `to` ("YYYY-MM-DD", both included). */
json_t *elective_meetings_of_student(struct db *db, int64_t student_id, const char *from, const char *to);
/* The meetings the teacher (staff row) leads in their school from `from` to `to`. */
json_t *elective_meetings_of_teacher(struct db *db, int64_t staff_id, const char *from, const char *to);

#endif
