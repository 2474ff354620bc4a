/* timetable_week — a school's semester as the timetable generator sees it (issue 9), read
 * from the database: the week of the bell schedule (CAL-6: its periods, Saturdays or
 * not), the classes of the academic year and their groups (CUR-3), the teaching load
 * (CUR-9: who teaches which subject to which class or group, how many hours), the rooms
 * and the subjects a specialised room serves, and the entries locked by hand in the
 * semester's newest version. It becomes the solver's model (solver/solver.h) one
 * activity per hour of the load, in the same order, and a solver's timetable becomes the
 * entries of a version (core/timetable.h). timetable_week_fet.c writes it as a FET file.
 *
 * Conventions (docs/solver.md, "From the database"):
 *   - students: a class whose groups have members is split into "atoms", the sets of
 *     its students in the same groups (the demo's classes: two halves); a group is the
 *     atoms of its members (a group without members: the atoms of the class's groups
 *     of the same name); students in no group are not modelled;
 *   - the groups of one class and subject with distinct teachers and equal hours are
 *     taught at the same time (CUR-3), hour by hour; otherwise each on its own;
 *   - rooms: a subject served by specialised rooms takes one of them (also the class's
 *     home room, or a group room, when they would be over 85 % full); other whole-class
 *     lessons, and the first group of a split, are in the class's home room (the room
 *     without subjects its whole-class entries use most in the year's versions; none
 *     when it has no entries); other group lessons in a room that serves no subject and
 *     is nobody's home room;
 *   - a subject at most twice a day for a class (hard), once preferred (soft);
 *     mathematics, algebra, geometry, physics and chemistry "hard" (soft: not in the last
 *     two periods); classes start at the first period without gaps;
 *   - TT-1: a class has between its grade's daily minimum and maximum of lessons, set in
 *     the ЖОЖ (curriculum_daily_bounds, migration 017), else Mektep's default
 *     (core/daily_bounds.h) from the weekly hours of the grade's sets of students
 *     ((fewest / days − 1) .. (most / days + 1));
 *   - a teacher's unavailable times (teacher_unavailability, migration 015: of the year or
 *     of the semester, a period or the whole day) are times the solver never gives them;
 *   - elective blocks (TT-4, ELE-3; core/elective_blocks.h): the elective groups of the
 *     year's active courses with a member in the semester, per block of grades (joined by
 *     groups across parallels) assigned to the grade's ЖОЖ elective hours H; each block
 *     hour is one activity of every class of the block's grades that has lessons (a new
 *     class's days stay empty) with the teachers of the groups meeting then, a model-only subject "electives" (once a day when H ≤ days),
 *     placed after the lessons' activities; an assignment that cannot be made refuses
 *     the week (TTW_ELECTIVES with the conflicts). */
#ifndef MEKTEP_STORE_TIMETABLE_WEEK_H
#define MEKTEP_STORE_TIMETABLE_WEEK_H

#include <stddef.h>
#include <stdint.h>

#include "core/elective_blocks.h"
#include "core/timetable.h"
#include "solver/solver.h"
#include "store/db.h"

#define TTW_MAX_ATOMS 16   /* atoms of one class, at most */
#define TTW_NAME 80

struct ttw_subject {
	int64_t id;
	char code[TTW_NAME], name[TTW_NAME];
	int hard;
	int max_per_day;   /* 0: the default cap (twice a day) */
};
struct ttw_teacher {
	int64_t id;
	char name[TTW_NAME];
	uint32_t off[SV_MAX_DAYS]; /* per day, a bit per period they cannot teach */
};
struct ttw_room {
	int64_t id;
	char name[TTW_NAME];
	int capacity;      /* 0 unknown */
	int special;       /* serves some subjects */
	int home;          /* the home room of a class */
};
struct ttw_class {
	int64_t id;
	char label[24];
	int grade;
	int home_room;     /* index into rooms, or -1 */
	int first_atom, n_atoms; /* its atoms (n_atoms 0: the class is one) */
	int students;
	uint32_t off[SV_MAX_DAYS]; /* per day, a bit per period a club of its students meets
				      (CLB-5: clubs after lessons — the class has no lesson then) */
	int min_daily, max_daily;  /* TT-1: its grade's lessons a day (min 0: none — also for
				      a class without lessons yet, whose days are empty) */
	int bounds_set;            /* 1: set in the ЖОЖ; 0: Mektep's default */
};
struct ttw_atom {
	int cls;
	char name[64];
	int students;
};
struct ttw_activity {
	int cls;           /* -1: an elective block's hour (block, block_hour) */
	int64_t group_id;  /* 0: the whole class */
	unsigned atoms;    /* with a group: a bit per atom of the class (0: the whole class) */
	int subject, teacher;
	int set;           /* same-time set, or -1 */
	int n_rooms;       /* 0: the home room; else rooms[0..n_rooms) */
	int *rooms;
	int lock_day, lock_period; /* -1: not locked */
	int block, block_hour;     /* an elective block's hour, or -1 */
};

/* An elective group of a block (TT-4, ELE-3). */
struct ttw_egroup {
	int64_t id;
	char name[TTW_NAME];       /* the course's English title and the group's name */
	int hours;                 /* the course's weekly hours */
	int teacher;               /* index into teachers (the group's, else the course's), or -1 */
	int block;                 /* index into blocks */
	uint32_t grades;           /* its members' grades, a bit each */
	uint32_t at;               /* the block hours it meets at, a bit each */
	size_t first_student, n_students; /* its members: egroup_students[first ..], each
					     id << 3 | a moment of a student who switched */
};
/* A block: the grades one set of elective hours serves. */
struct ttw_block {
	int grade;                 /* its lowest grade */
	uint32_t grades;           /* a bit per grade */
	int hours;                 /* H: the ЖОЖ's elective hours of its grades */
	size_t first_act;          /* its hours are acts[first_act + h], h < hours */
};
/* Why the elective blocks cannot be formed, for the generator's conflicts (TT-4). */
#define TTW_ECONF_NAMED 12
struct ttw_econflict {
	enum eb_conflict_kind kind;
	int need, have;
	int grade;                 /* the block's (lowest) grade, or the grade concerned */
	int n_teachers, n_classes;
	int teachers[TTW_ECONF_NAMED]; /* indexes into teachers */
	int classes[TTW_ECONF_NAMED];  /* indexes into classes */
	char text[400];            /* an English sentence with the figures and names */
};

/* The caps on every teacher of a run (TT-1: the sanitary and working-time limits a deputy
 * sets for the generation): lessons a day, gaps a day, gaps a week — each a limit or
 * SV_NO_LIMIT (ttw_load sets none; a caller sets them before ttw_model). */
struct ttw_teacher_rules {
	int max_daily, max_gaps_day, max_gaps_week;
};

struct ttw {
	int64_t school_id, year_id, locks_from;
	struct ttw_teacher_rules teacher_rules;
	int semester;
	int days, periods;
	char hour_names[TT_MAX_PERIODS][6]; /* the periods' starts, 'HH:MM' */
	char hour_ends[TT_MAX_PERIODS][6];  /* the periods' ends, 'HH:MM' */
	struct ttw_subject *subjects;
	struct ttw_teacher *teachers;
	struct ttw_room *rooms;
	struct ttw_class *classes;
	struct ttw_atom *atoms;
	struct ttw_activity *acts;
	size_t n_subjects, n_teachers, n_rooms, n_classes, n_atoms, n_acts;
	size_t n_lessons;  /* acts[0 .. n_lessons) are the load's lessons; the rest block hours */
	int n_sets;
	struct ttw_egroup *egroups;
	int64_t *egroup_students;
	struct ttw_block *blocks;
	size_t n_egroups, n_egroup_students, n_blocks;
	size_t n_econf;    /* TTW_ELECTIVES: how many (the first TTW_MAX_ECONF given) */
#define TTW_MAX_ECONF 16
	struct ttw_econflict econf[TTW_MAX_ECONF];
	char error[200];   /* why ttw_load refused (TTW_NO_*) */
};

enum ttw_rc {
	TTW_OK = 0,
	TTW_NO_BELLS = 1,   /* the school has no bell schedule's periods */
	TTW_NO_LOAD = 2,    /* no teaching load for the year's classes */
	TTW_TOO_MANY = 3,   /* a class split into more than TTW_MAX_ATOMS sets of students */
	TTW_ELECTIVES = 4,  /* the elective blocks cannot be formed: econf (TT-4) */
};

/* Reads the school's week of `semester` (1, 2) of academic year `year_id`; the locked
 * entries of the semester's newest version are kept (their id in w->locks_from, 0 when
 * none). Returns TTW_OK, a ttw_rc with w->error, or a negative db rc. Release w with
 * ttw_release in every case. */
int ttw_load(struct db *db, int64_t school_id, int64_t year_id, int semester, struct ttw *w);
void ttw_release(struct ttw *w);

/* The solver's model of w: activity i is w->acts[i], subject/teacher/room/class indexes
 * are w's; NULL when memory runs out. */
struct sv_model *ttw_model(const struct ttw *w);
/* An elective block hour's (a->block >= 0) classes and teachers (indexes) into the
 * caller's arrays (n_classes and n_teachers long): returns how many classes. */
int ttw_block_members(const struct ttw *w, const struct ttw_activity *a, int *classes, int *teachers, int *n_teachers);
/* The entries of a timetable of w (one place per activity): malloc'd, n_lessons of them
 * (the block hours are not lessons), each locked when its activity is. NULL when memory
 * runs out. */
struct tt_entry *ttw_entries(const struct ttw *w, const struct sv_place *pl);

/* One elective group's meeting at a block hour of a timetable (a row of
 * timetable_elective_entries, migration 016). */
struct ttw_elective_entry {
	int weekday, period;       /* 1.. */
	int grade;                 /* the block's lowest grade */
	uint32_t grades;           /* the block's grades, a bit each (not stored) */
	int64_t group_id, staff_id, room_id; /* staff, room: 0 none */
};
/* The elective rows of a timetable of w whose lessons are e (ttw_entries): one per group
 * and block hour at the slot of that hour, rooms greedily — the home rooms of the
 * block's classes first, then any room no lesson or earlier row uses at the slot (none
 * when none is left). malloc'd, *n of them; NULL when memory runs out. */
struct ttw_elective_entry *ttw_elective_entries(const struct ttw *w, const struct sv_place *pl,
						const struct tt_entry *e, size_t *n);
/* w as a FET file (malloc'd text, *len its length), read back by solver/fet.h into a
 * model with the same activities in the same order (Id i + 1); NULL when out of memory. */
char *ttw_fet(const struct ttw *w, size_t *len);

#endif
