/* journal — the rules of the electronic journal (JRN-1, JRN-2, JRN-4) as plain
 * decisions: when a lesson is late, when its journal may be written (not before its
 * day for attendance and marks; in a closed term only under the deputy's unlock), and
 * what an attendance entry may say. docs/journal.md says the same in prose. Pure: no
 * I/O; "today" and "now" are given. */
#ifndef MEKTEP_CORE_JOURNAL_H
#define MEKTEP_CORE_JOURNAL_H

#include "core/date.h"

/* Why a lesson is late (bits). */
enum journal_late {
	JOURNAL_LATE_TOPIC = 1,      /* JRN-2: the topic was not filled on the lesson's day */
	JOURNAL_LATE_ATTENDANCE = 2, /* JRN-4: the roll was not taken */
};

/* JRN-2, JRN-4: a lesson held (not recorded as missed) whose day is before `today` and
 * that has no topic, or whose roll was not taken, is late. A lesson of today or later
 * is never late; a lesson recorded as not held is never late. Returns the bits. */
unsigned journal_lateness(struct date lesson, struct date today, int missed, int has_topic, int attendance_marked);

/* What a save may hold for a lesson on `today`: attendance, marks and works only from
 * the lesson's day on (a roll cannot be taken in advance); topic and homework at any
 * time. Returns 1 when attendance and marks may be written. */
int journal_marks_allowed(struct date lesson, struct date today);

/* The lock of a closed term: a lesson of a closed term may be written only while an
 * unlock runs (`unlock_until`, an instant 'YYYY-MM-DDTHH:MM:SSZ' after `now`; NULL or
 * "" when there is none). Returns 1 when the write is refused. Instants compare as
 * text (fixed width, UTC). */
int journal_locked(int term_closed, const char *unlock_until, const char *now);

/* Attendance statuses and the reasons of an absence. */
enum attendance_status { ATT_PRESENT, ATT_ABSENT, ATT_LATE, ATT_INVALID };
enum attendance_status attendance_status_from(const char *s);
/* An absence has a reason (illness, excused, unexcused); presence and lateness have
 * none. Returns 1 when the pair is allowed. */
int attendance_reason_valid(enum attendance_status st, const char *reason);

#endif
