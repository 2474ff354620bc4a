/* elective — the rules of elective courses (ELE-4, ELE-5, ELE-9, ELE-10, ELE-12) as plain
 * decisions: the semester or year result "сыналды" / "сыналмады" with the figures that
 * decided it, a group's size against the split and minimum thresholds, the weekly load
 * limit of a choice, and the 30 June approval deadline of next year's programmes. The
 * thresholds are data (struct elective_thresholds; the defaults are the regulation's).
 * docs/electives.md says the same in prose. Pure: no I/O, "today" is given. */
#ifndef MEKTEP_CORE_ELECTIVE_H
#define MEKTEP_CORE_ELECTIVE_H

#include "core/date.h"

struct elective_thresholds {
	int pass_attendance_percent;          /* ELE-10: 80 */
	int pass_attendance_percent_switched; /* ELE-10: 65, for a student who switched */
	int split_at;                         /* ELE-4: a group of this many is split: 17 */
	int second_language_min;              /* ELE-4: a second-foreign-language group: 12 */
};

/* The regulation's values (A3§9, A3§29). */
struct elective_thresholds elective_thresholds_default(void);

/* ELE-9, ELE-10: a student's result for a semester or the year. */
struct elective_result {
	int passed;              /* "сыналды" */
	int test_work_done;
	int attended, held;      /* sessions attended of those held */
	int percent_tenths;      /* attendance, tenths of a percent, rounded down */
	int required_percent;    /* the threshold that applied: 80, or 65 after a switch */
	int attendance_short;    /* 1 when attendance decided the "сыналмады" */
};
/* Passed when the test work was done and attended × 100 ≥ required × held (exact: 79.99 %
 * is below 80 %). No session held: not passed (nothing to judge), attendance_short 0. */
void elective_result(const struct elective_thresholds *t, int test_work_done, int attended, int held, int switched,
		     struct elective_result *out);

/* ELE-4: what a group's size means. */
enum elective_group_size {
	ELECTIVE_GROUP_OK,
	ELECTIVE_GROUP_SPLIT,      /* at least split_at: flagged to be split */
	ELECTIVE_GROUP_TOO_SMALL,  /* a second foreign language under second_language_min */
};
enum elective_group_size elective_group_size(const struct elective_thresholds *t, int members, int second_language);

/* ELE-12: whether a choice of `hours` more a week keeps the student's weekly load
 * (`load_now` hours) within the grade's maximum. 1 when it does. */
int elective_load_allowed(int load_now, int hours, int grade_max);

/* ELE-5 (and CLB-1 for clubs' recruitment): the deadline, 30 June of the year in which
 * the academic year starting on `year_start` … is prepared — the 30 June before it. */
struct date elective_june_deadline(struct date year_start);
/* 1 when `day` is after the deadline of the year starting on year_start (late). */
int elective_after_june_deadline(struct date day, struct date year_start);

#endif
