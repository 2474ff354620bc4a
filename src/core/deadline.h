/* deadline — what a case of the students' movement book makes due, by whom and by
 * when, and whether it is overdue on a given day: the director's order (EXT-5, LV-4,
 * EXT-11, LV-9), the copy to the ДББҰ contingent unit (EXT-9, LV-6, LV-9, EXT-11), the
 * list of subjects studied abroad (EXT-6), the consultation schedule and its e-mail
 * (EXT-13), the curator's monthly tasks (EXT-14), the summative works of a quarter
 * (EXT-15) and the IB school's monthly works (EXT-16). Working days are those of CAL-7,
 * counted by holiday_add_working_days() on the holiday calendar the caller passes.
 * docs/movement.md says which date each deadline counts from and why.
 *
 * Pure: no I/O, no clock ("today" is a parameter), no allocation; every array is the
 * caller's and is only read during the call. Dates must be valid.
 *
 * Counting: a deadline of N working days counts from the day after the event that
 * starts it (holiday_add_working_days: 3 working days from Thursday 19 March 2026 are
 * Friday 20, Thursday 26, Friday 27 March — Nauryz and the days it moved to are
 * skipped), and the duty is met on its due day. It is *overdue* when it is not done and
 * today is after the due day; done after the due day it is *done late*.
 */
#ifndef MEKTEP_CORE_DEADLINE_H
#define MEKTEP_CORE_DEADLINE_H

#include <stddef.h>

#include "core/calendar.h"
#include "core/date.h"
#include "core/holidays.h"
#include "core/movement.h"
#include "core/roles.h"

#define DEADLINE_ORDER_WORKING_DAYS 3          /* EXT-5 (A1§9), LV-4 (A2§8), EXT-11 (A1§12), LV-9 (A2§12) */
#define DEADLINE_COPY_WORKING_DAYS 3           /* EXT-9 (A1§11), LV-6 (A2§10), LV-9 (A2§12) */
#define DEADLINE_SUBJECTS_WORKING_DAYS 15      /* EXT-6 (A1§9) */
#define DEADLINE_SCHEDULE_WORKING_DAYS 20      /* EXT-13 (A1§18, A1§21) */
#define DEADLINE_SCHEDULE_EMAIL_WORKING_DAYS 2 /* EXT-13 (A1§18) */
#define DEADLINE_TASKS_DAY 5                   /* EXT-14: by the 5th of every month (A1§19, A1§24) */
#define DEADLINE_QUARTER_WORKS 3               /* EXT-15: three summative works a quarter (A1§20) */

/* No case gives more deadlines than this when its externship is at most 12 months long
 * and the years passed are at most two (EXTERNSHIP_MAX_MONTHS, EXT-1). */
#define DEADLINE_MAX 64

/* The externship student's programme (A1 chapter 3): 3.1 or 3.2. */
enum deadline_programme {
	PROGRAMME_NIS,  /* "NIS-Programme" schools: quarters, three works each (EXT-15) */
	PROGRAMME_IB,   /* the International Baccalaureate school: monthly works (EXT-16) */
};

enum deadline_state {
	DEADLINE_PENDING,    /* "pending": not done, today is on or before the due day */
	DEADLINE_OVERDUE,    /* "overdue": not done, today is after the due day */
	DEADLINE_DONE,       /* "done": done on or before the due day */
	DEADLINE_DONE_LATE,  /* "done_late": done after the due day */
};
/* "pending", "overdue", "done", "done_late"; NULL for anything else. */
const char *deadline_state_code(enum deadline_state s);

/* Whether something was done, and when. */
struct deadline_mark {
	int done;
	struct date on;
};

/* One occurrence of a recurring duty that was done: `period` names the occurrence (the
 * first day of the month for EXT-14 and EXT-16, the quarter's last day for EXT-15). */
struct deadline_done {
	struct date period;
	struct date on;
};

/* An academic year the externship touches (one, or two when a grade-8 externship runs
 * on into grade 9). */
struct deadline_year {
	struct calendar_period span;                /* the year's first and last day */
	const struct calendar_period *quarters;     /* NIS: its quarters, in order */
	size_t n_quarters;
	struct deadline_mark schedule_ordered;      /* EXT-13: the director's order approving
						       the year's consultation schedule */
	struct deadline_mark schedule_emailed;      /* EXT-13: that order e-mailed (PDF) */
};

/*
 * A case with everything its deadlines count from and everything done about them.
 * Only `c` is needed for the order and the copy; the rest concerns an externship
 * after its order.
 */
struct deadline_case {
	const struct movement_case *c;     /* the case: kind, state, decision, order */
	enum deadline_programme programme; /* externship: the school's programme */
	int orken_grant;                   /* academic leave: the student holds the Өркен
					      grant (A2§10 asks the copy only then) */
	struct deadline_mark copy_sent;    /* the order's copy sent to the contingent unit */
	int has_abroad_start;              /* EXT-6: the day study at the foreign school began
					      is known; else the externship's first day stands */
	struct date abroad_starts_on;
	struct deadline_mark subjects_submitted;  /* EXT-6: the list of subjects received */
	const struct deadline_year *years; /* EXT-13..EXT-16: the years of the externship
					      (none passed: none of these is listed) */
	size_t n_years;
	const struct deadline_done *tasks_sent;   /* EXT-14: months whose tasks were sent */
	size_t n_tasks_sent;
	const struct deadline_done *works_sent;   /* EXT-15 quarters / EXT-16 months whose
						     works were all received */
	size_t n_works_sent;
};

/* One thing due. Strings are static. */
struct deadline {
	const char *rule;          /* "EXT-5", … */
	const char *code;          /* what is due: "order", "contingent_copy", "subject_list",
				      "consultation_schedule", "schedule_email",
				      "curator_tasks", "quarter_works", "monthly_works" */
	enum role role;            /* who answers for it (ORG-5) */
	const char *actor;         /* who exactly: "director", "deputy_academic", "parent"
				      (the legal representatives), "curator" (the class's
				      curator, a teacher), "student" */
	const char *counts_from;   /* what the deadline counts from: "council_decision",
				      "application", "order", "abroad_start",
				      "externship_start", "year_start", "schedule_order",
				      "month", "quarter" */
	struct date from;          /* that event's day (the month's first day, the
				      quarter's first day for the recurring duties) */
	int working_days;          /* N of a CAL-7 deadline; 0 for a calendar day */
	int by_analogy;            /* 1: the regulation names the duty but no time; the
				      time of the nearest paragraph is applied */
	struct date due;           /* the last day to do it */
	struct date period;        /* recurring duties: the occurrence (see deadline_done);
				      otherwise equal to `due` */
	struct deadline_mark done;
	enum deadline_state state; /* on `today` */
};

/* The state on `today` of a duty due on `due` and done as `done` says. */
enum deadline_state deadline_state_on(struct date due, struct deadline_mark done, struct date today);

/* How late a duty done on `done_on` is for its due day `due`: the working days of CAL-7
 * after `due` up to `done_on` inclusive (a copy due on Wednesday 1 April 2026 and sent on
 * Thursday 2 April is 1 late; sent on Monday 6 April, 3). 0 when done on or before the
 * due day. */
int deadline_working_days_late(const struct holiday_calendar *cal, struct date due, struct date done_on);

/*
 * Every deadline of the case, in a fixed order: the order, the contingent copy, then
 * (an ordered externship) the list of subjects, each year's schedule and its e-mail,
 * the curator's tasks month by month, the works quarter by quarter (NIS) or month by
 * month (IB). Writes the first `cap` into `out` (NULL when cap is 0) and returns how
 * many there are in all. `cal` is the holiday calendar of CAL-7 (never NULL).
 *
 * What is listed, by kind (a case refused or withdrawn has none; nothing is listed
 * before its event has happened):
 *   externship         order (EXT-5, director, 3 WD after the approving decision);
 *                      contingent_copy (EXT-9, director, 3 WD after the order);
 *                      subject_list (EXT-6, parent, 15 WD after the start of study
 *                      abroad); consultation_schedule (EXT-13, deputy_academic, 20 WD
 *                      after the later of the year's first day and the externship's,
 *                      per year); schedule_email (EXT-13, deputy_academic, 2 WD after
 *                      that schedule's order); curator_tasks (EXT-14, curator, the 5th
 *                      of every month whose 5th lies in the externship and in a year);
 *                      quarter_works (EXT-15, NIS, student, the last day of every
 *                      quarter that ends inside the externship) or monthly_works
 *                      (EXT-16, IB, student, the last day of every month whose tasks
 *                      were due, or the externship's or the year's last day if earlier)
 *   externship_return  order (EXT-11, director, 3 WD after the application: A1§12
 *                      asks no council); contingent_copy (EXT-11, director, 3 WD after
 *                      the order, by analogy with A1§11: A1§12 gives no time)
 *   academic_leave     order (LV-4, director, 3 WD after the decision);
 *                      contingent_copy (LV-6, director, 3 WD after the order, only for
 *                      an Өркен grant student)
 *   leave_return       order (LV-9, director, 3 WD after the decision);
 *                      contingent_copy (LV-9, director, 3 WD after the order is signed)
 * The externship's period is the case's effective_from..effective_to (after an early
 * return, pass the day before the return as effective_to).
 */
size_t deadline_list(const struct deadline_case *dc, const struct holiday_calendar *cal,
		     struct date today, struct deadline *out, size_t cap);

#endif
