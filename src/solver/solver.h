/* solver — the timetable generator (issue 9): pure C, no I/O, no SQL, no clock of its
 * own (the caller injects a monotonic now()), no rand() (its own splitmix64 stream).
 *
 * The model: a week of `days` × `periods` slots; activities of one period each (or of
 * several consecutive periods of one day: sv_activity_duration), every
 * one a subject taught by one or more teachers to whole classes and/or single groups
 * (the "atoms" of students: a class with groups is the union of its groups, a class
 * without groups is one atom); activities tied into a "same-time set" (CUR-3: the two
 * groups of a split subject) always share a slot; an elective block lists every class
 * of its grade. An activity needs a room from a set, any room, or no room (taught in
 * the class's home room). docs/solver.md says the same in prose.
 *
 * Hard rules (each counted by sv_verify(), independently of the search):
 *   no clash of teacher, of students (a group clashes with its own class, not with the
 *   other group of a split), or of room; a room from the activity's set; a teacher not
 *   at an unavailable time; students without gaps and starting at the first period; a
 *   class's daily minimum and maximum; a subject at most N times a day for a class;
 *   a teacher's daily maximum; teacher gap caps per day and per week (a slot where the
 *   teacher is unavailable is not a gap, as in FET); a same-time set together; and, for
 *   real schools' FET files, students' unavailable times, an activity's allowed slots,
 *   an activity ending the students' day, a teacher's maximum days, daily minimum and
 *   maximum lessons in a row.
 * Soft goals, after the hard rules: few teacher gaps, a subject's lessons on different
 * days, "hard" subjects not in the last periods.
 */
#ifndef MEKTEP_SOLVER_SOLVER_H
#define MEKTEP_SOLVER_SOLVER_H

#include <stddef.h>
#include <stdint.h>

#define SV_MAX_PERIODS 32     /* periods of a day, at most (a day is a 32-bit mask) */
#define SV_MAX_DAYS 7
#define SV_NAME 64            /* names are truncated to SV_NAME - 1 bytes */
#define SV_ANY_ROOM (-1)      /* sv_activity_spec.n_rooms: any room of the school */
#define SV_NO_LIMIT (-1)      /* a cap that does not apply */
#define SV_MAX_CONFLICTS 32
#define SV_CONFLICT_TEXT 200

/* --- the model --- */

struct sv_model;

/* Global rules; sv_model_new() sets the defaults given in the comments. */
struct sv_rules {
	int teacher_max_gaps_day;   /* SV_NO_LIMIT */
	int teacher_max_gaps_week;  /* SV_NO_LIMIT */
	int students_no_gaps;       /* 1 */
	int students_early;         /* 1: every day starts at the first period */
	int hard_last;              /* 2: "last periods" for hard subjects (soft) */
	int w_teacher_gap;          /* 10: soft weight of one teacher gap */
	int w_spread;               /* 3: of a subject twice a day for one group */
	int w_hard_late;            /* 1: of a hard subject in the last periods */
};

/* A new empty model of days (1..SV_MAX_DAYS) × periods (1..SV_MAX_PERIODS), or NULL. */
struct sv_model *sv_model_new(int days, int periods);
void sv_model_free(struct sv_model *m);
struct sv_rules *sv_model_rules(struct sv_model *m);

/* Each adder returns the new index (0, 1, …) or -1 (bad argument or out of memory). */
/* max_per_day: SV_NO_LIMIT or 1..; hard: 1 keeps it out of the last periods (soft). */
int sv_subject(struct sv_model *m, const char *name, int max_per_day, int hard);
/* max_daily: SV_NO_LIMIT or 1.. */
int sv_teacher(struct sv_model *m, const char *name, int max_daily);
/* The teacher cannot teach at day 0.., period 0..: 0, or -1. */
int sv_teacher_off(struct sv_model *m, int teacher, int day, int period);
int sv_room(struct sv_model *m, const char *name);
/* A class, with its daily minimum and maximum of lessons (0 / SV_NO_LIMIT: none). A
 * class whose day may be empty has min_daily 0. */
int sv_class(struct sv_model *m, const char *name, int min_daily, int max_daily);
/* One group of a class (an atom). A class with groups must have them cover all its
 * students: a whole-class lesson occupies every group of it. */
int sv_group(struct sv_model *m, int cls, const char *name);

struct sv_activity_spec {
	int subject;
	int n_teachers;
	const int *teachers;
	int n_classes;           /* whole classes (an elective block: all classes of a grade) */
	const int *classes;
	int n_groups;            /* single groups */
	const int *groups;
	int n_rooms;             /* 0: no room; SV_ANY_ROOM; else one of these rooms */
	const int *rooms;
	int64_t ext_id;          /* the caller's id (e.g. FET's activity Id); not read */
};
int sv_activity(struct sv_model *m, const struct sv_activity_spec *spec);
/* Locks an activity at day 0.., period 0.. (an entry placed by hand): 0, or -1. The
 * search never moves it (nor its same-time set). */
int sv_lock(struct sv_model *m, int act, int day, int period);
/* Replaces the rooms an activity may take (n as in sv_activity_spec): 0, or -1. */
int sv_activity_rooms(struct sv_model *m, int act, const int *rooms, int n);
/* The activities must start at the same time (CUR-3): 0, or -1. */
int sv_same_time(struct sv_model *m, const int *acts, int n);

/* Added for real schools' FET files (each 0, or -1 on a bad argument):
 * an activity of `periods` consecutive periods of one day (default 1; a double lesson
 * is 2; it starts at a period where it still ends inside the day); */
int sv_activity_duration(struct sv_model *m, int act, int periods);
/* a slot the activity may not occupy (FET's activities preferred time slots); */
int sv_activity_off(struct sv_model *m, int act, int day, int period);
/* the activity ends its students' day: none of them has a lesson after it; */
int sv_activity_ends_day(struct sv_model *m, int act);
/* a slot when a class (all its groups) or one group cannot have lessons — like a
 * teacher's, such a slot is neither a gap nor a late start; */
int sv_class_off(struct sv_model *m, int cls, int day, int period);
int sv_group_off(struct sv_model *m, int group, int day, int period);
/* a teacher teaches on at most `days` days of the week; */
int sv_teacher_max_days(struct sv_model *m, int teacher, int days);
/* at least `periods` lessons on a day they teach (allow_empty 0: on every day); */
int sv_teacher_min_daily(struct sv_model *m, int teacher, int periods, int allow_empty);
/* at most `periods` lessons in a row. */
int sv_teacher_max_run(struct sv_model *m, int teacher, int periods);

/* Counts, and names of the things above (for reports). */
int sv_n_activities(const struct sv_model *m);
int sv_n_days(const struct sv_model *m);
int sv_n_periods(const struct sv_model *m);
int64_t sv_activity_ext_id(const struct sv_model *m, int act);
const char *sv_room_name(const struct sv_model *m, int room);

/* --- a timetable --- */

/* Where one activity is: day 0.. (-1: not placed), period 0.., room (-1: none). */
struct sv_place {
	int day, period, room;
};

/* --- the verifier --- */

enum sv_violation {
	SV_V_UNPLACED,          /* an activity without a slot (or outside the week) */
	SV_V_TEACHER_CLASH,     /* per teacher and slot: lessons beyond the first */
	SV_V_STUDENT_CLASH,     /* per group (atom) and slot: lessons beyond the first */
	SV_V_ROOM_CLASH,        /* per room and slot: lessons beyond the first */
	SV_V_ROOM_WRONG,        /* a room outside the activity's set, or none when needed */
	SV_V_TEACHER_OFF,       /* a teacher's lesson at a time they are unavailable */
	SV_V_SPLIT_APART,       /* a same-time set not at one slot: activities off its first */
	SV_V_STUDENT_GAPS,      /* per group and day: empty periods between lessons */
	SV_V_STUDENT_LATE,      /* per group and day: empty periods before the first lesson */
	SV_V_CLASS_MIN,         /* per group and day: lessons missing to the class's minimum */
	SV_V_CLASS_MAX,         /* per group and day: lessons beyond the class's maximum */
	SV_V_SUBJECT_DAY,       /* per group, subject and day: lessons beyond max_per_day */
	SV_V_TEACHER_DAILY,     /* per teacher and day: lessons beyond max_daily */
	SV_V_TEACHER_GAPS_DAY,  /* per teacher and day: gaps beyond the daily cap */
	SV_V_TEACHER_GAPS_WEEK, /* per teacher: gaps beyond the weekly cap */
	SV_V_LOCK_MOVED,        /* a locked activity not at its slot */
	SV_V_STUDENT_OFF,       /* per group (atom): lessons at a time it is unavailable */
	SV_V_ACTIVITY_OFF,      /* per activity: periods it occupies outside its allowed slots */
	SV_V_NOT_LAST,          /* per activity that ends the day and group: a lesson after it */
	SV_V_TEACHER_DAYS,      /* per teacher: days beyond max_days */
	SV_V_TEACHER_MIN_DAILY, /* per teacher and day: lessons missing to the daily minimum */
	SV_V_TEACHER_RUN,       /* per teacher and run of lessons in a row: lessons beyond the cap */
	SV_V_COUNT
};

struct sv_report {
	int v[SV_V_COUNT];
	int hard;            /* the sum of v */
	int teacher_gaps;    /* soft: total teacher gaps of the week */
	int spread;          /* soft: per group, subject, day: lessons beyond the first */
	int hard_late;       /* soft: lessons of hard subjects in the last periods */
	long soft;           /* the weighted sum of the three */
};

/* "teacher_clash", … */
const char *sv_violation_name(enum sv_violation v);

/* Counts the violations of `pl` (one per activity) from scratch: 0, or -1 (no memory). */
int sv_verify(struct sv_model *m, const struct sv_place *pl, struct sv_report *r);

/* --- the search --- */

enum sv_status {
	SV_SOLVED,       /* 0 hard violations */
	SV_UNSOLVED,     /* stopped with hard violations left (the best found is given) */
	SV_INFEASIBLE,   /* counting conflicts found before the search: see conflicts */
	SV_ERROR,        /* out of memory or an empty model */
};

enum sv_conflict_kind {
	SV_C_GROUP_HOURS,        /* a group needs more lessons than the week has slots */
	SV_C_CLASS_MAX,          /* … more than days × its daily maximum */
	SV_C_CLASS_MIN,          /* … fewer than days × its daily minimum */
	SV_C_TEACHER_HOURS,      /* a teacher has more hours than available periods */
	SV_C_SUBJECT_DAY,        /* a group's subject needs more days than max_per_day allows */
	SV_C_ROOM_HOURS,         /* activities needing a set of rooms exceed its capacity */
	SV_C_SAME_TIME_CLASH,    /* a same-time set shares a teacher or a group */
	SV_C_NO_SLOT,            /* an activity's teachers share no available slot */
	SV_C_NO_ROOM,            /* an activity's room set is empty */
	SV_C_LOCK,               /* a same-time set locked at two times */
};

/* One conflict: what and who, the numbers, and a sentence saying it. */
struct sv_conflict {
	enum sv_conflict_kind kind;
	int who;                 /* the group, class, teacher, room or activity index */
	int need, have;
	char text[SV_CONFLICT_TEXT];
};

struct sv_progress {
	uint64_t iter;
	int phase;               /* 0 construction, 1 repair, 2 improvement */
	int hard;
	long soft;
	double elapsed;          /* seconds since the start (0 without a clock) */
};

struct sv_params {
	uint64_t seed;
	double time_limit;       /* seconds; 0: none (needs now) */
	uint64_t max_iters;      /* 0: none; with no clock, a default of 2,000,000 */
	uint64_t stall_iters;    /* improvement stops after this many without gain; 0: 2M */
	double (*now)(void *ctx);/* monotonic seconds, or NULL (no time limit, elapsed 0) */
	void *now_ctx;
	void (*progress)(void *ctx, const struct sv_progress *p); /* NULL: none */
	void *progress_ctx;
	double progress_every;   /* seconds between calls (0: every 65,536 iterations) */
	uint64_t share_every;    /* sv_solve_parallel: moves between the threads' exchanges (0: 65,536) */
};

struct sv_result {
	enum sv_status status;
	int hard;
	long soft;
	uint64_t iters;
	double elapsed;
	double time_to_feasible; /* seconds to 0 hard violations, -1 never */
	size_t n_conflicts;      /* conflicts found (the first SV_MAX_CONFLICTS are given) */
	struct sv_conflict conflicts[SV_MAX_CONFLICTS];
};

/* The counting conflicts of the model (over-constrained input), found before any
 * search: how many; the first `cap` go to out. -1: no memory. */
int sv_conflicts(struct sv_model *m, struct sv_conflict *out, int cap);

/* Builds a timetable into out (one sv_place per activity). Deterministic for a seed
 * when stopped by iterations (a time limit stops it where the clock says). Returns the
 * status (also in res->status). */
enum sv_status sv_solve(struct sv_model *m, const struct sv_params *p, struct sv_place *out,
			struct sv_result *res);

/* Runs n_threads searches at once (seeds derived from p->seed; progress from the first
 * only) and keeps the best timetable (fewest hard violations, then soft cost, then the
 * lowest thread); iters adds theirs up, time_to_feasible is the first. The threads
 * exchange their best timetables every p->share_every moves, all at the same point, so
 * the result is the same for a seed and thread count every run as long as the time
 * limit does not stop it. n_threads <= 1 is sv_solve(). The model must not change
 * meanwhile. */
enum sv_status sv_solve_parallel(struct sv_model *m, const struct sv_params *p, int n_threads, struct sv_place *out,
				 struct sv_result *res);

/* --- the smallest conflicting set (beyond the counting checks) --- */

/* A constraint the explanation may relax: a rule of the whole school, or one of a
 * class, subject, teacher or activity. */
enum sv_relax_kind {
	SV_R_TEACHER_GAPS_DAY,   /* the teachers' daily gap cap (who -1) */
	SV_R_TEACHER_GAPS_WEEK,  /* the teachers' weekly gap cap (who -1) */
	SV_R_STUDENT_GAPS,       /* students without gaps (who -1) */
	SV_R_STUDENT_EARLY,      /* students from the first period (who -1) */
	SV_R_CLASS_MIN,          /* a class's daily minimum */
	SV_R_CLASS_MAX,          /* a class's daily maximum */
	SV_R_CLASS_OFF,          /* a class's unavailable times */
	SV_R_SUBJECT_DAY,        /* a subject's cap a day */
	SV_R_TEACHER_OFF,        /* a teacher's unavailable times */
	SV_R_TEACHER_DAILY,      /* a teacher's daily maximum */
	SV_R_TEACHER_DAYS,       /* a teacher's maximum days */
	SV_R_TEACHER_MIN_DAILY,  /* a teacher's daily minimum */
	SV_R_TEACHER_RUN,        /* a teacher's maximum in a row */
	SV_R_LOCK,               /* an activity locked by hand */
	SV_R_ACTIVITY_OFF,       /* an activity's allowed slots */
	SV_R_ENDS_DAY,           /* an activity ending the students' day */
	SV_R_COUNT
};

struct sv_relax {
	enum sv_relax_kind kind;
	int who;                 /* the class, subject, teacher or activity; -1 for a school rule */
	char text[SV_CONFLICT_TEXT]; /* e.g. "the unavailable times of teacher Aida" */
};

/* When no timetable is found, the constraints to blame: solves with `p` (its budget —
 * max_iters or time_limit — is that of each brief re-solve), relaxes every constraint
 * in force and, if a timetable then exists, puts whole kinds back while one is still
 * found, then inside each kind left the constraints the best timetable did not break
 * at once, then each of the others (a deletion filter; at most 48 re-solves, past
 * which what is still relaxed is given). The result is a set whose removal makes the
 * instance solvable and from which no constraint can be put back — the smallest the
 * search can show, not a proof. Returns how many (the first `cap` in out): 0 when a
 * timetable exists as it is, -1 out of memory, -2 when relaxing every constraint is
 * not enough (e.g. too many lessons for the week). The model is left as it was. */
int sv_explain(struct sv_model *m, const struct sv_params *p, struct sv_relax *out, int cap);

#endif
