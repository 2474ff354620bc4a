/* club — the rules of clubs (үйірме, appendix 4) as plain decisions: recruitment for a
 * year closes on the 30 June before it (CLB-1, the same day as the electives'
 * programmes: elective_june_deadline in core/elective.h); joining a sports section needs
 * a medical certificate for that sport valid on the day (CLB-3); a session runs after
 * the member's lessons (CLB-5); the quarterly report's hours (CLB-7). Pure: no I/O. */
#ifndef MEKTEP_CORE_CLUB_H
#define MEKTEP_CORE_CLUB_H

/* CLB-3: 1 when the student may join — any club that is not a sports section, or a
 * sports section with a certificate allowing that sport on file. */
int club_join_allowed(int sports_section, int has_certificate_for_sport);

/* A lesson or a session of a day, in minutes since midnight: [start, end). */
struct club_interval {
	int start, end;
};

/* CLB-5: a session is after lessons when it starts at or after the end of the member's
 * last lesson of that day. Returns 1 when it is (also when the member has no lessons
 * that day), 0 when it starts before a lesson of theirs has ended. */
int club_session_after_lessons(struct club_interval session, const struct club_interval *lessons, int n);

struct date;

/* CLB-1: 1 when a student may still join a club of the year starting on `year_start` on
 * `day` — any day of a year already begun, and up to the 30 June before a next year. */
int club_recruitment_open(struct date day, struct date year_start);

/* CLB-3: 1 when a certificate issued on `issued` and valid until `valid_until`
 * (inclusive) is in force on `day`. */
int club_certificate_valid(struct date day, struct date issued, struct date valid_until);

/* CLB-5: 'HH:MM' into minutes since midnight; -1 when it is not a time of day. */
int club_minutes(const char *hhmm);

/* CLB-7: the progress of the programme in a quarter: the hours planned and held, and
 * the share held in whole percent (100 when nothing was planned and nothing held). */
struct club_progress {
	int planned, held, percent;
};
struct club_progress club_progress_of(int planned_hours, int held_hours);

#endif
