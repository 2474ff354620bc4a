/* club — the rules of clubs (үйірме, appendix 4) as plain decisions: joining a sports
 * section needs a medical certificate for that sport (CLB-3); a session runs after the
 * member's lessons (CLB-5). Recruitment closes on the same 30 June as the electives'
 * programmes (CLB-1: elective_june_deadline in core/elective.h). Pure: no I/O. */
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

#endif
