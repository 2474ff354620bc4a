/* demo — the demo network generator: NIS schools with an academic year, classes of
 * grades 7–12, students with valid IINs and their legal representatives, staff with
 * every role, the subjects, and one sign-in per role; the curricula, teaching load and
 * approved timetables laid into dated lessons (demo/curriculum.c, demo/timetable.c), and
 * the electronic journal of the lessons before the demo's "today" (demo/journal.c).
 *
 * Invariants: the same options (seed, number of schools, today) give the same network —
 * the same names, IINs, classes, links and journal, row for row; only created_at differs.
 * The journal draws from its own streams, so today changes nothing else. Each
 * school is written in one write transaction, so a failure leaves whole schools. The
 * generator prints nothing: it reports through the progress callback and the summary. */
#ifndef MEKTEP_DEMO_DEMO_H
#define MEKTEP_DEMO_DEMO_H

#include <stdint.h>

#include "store/db.h"

#define DEMO_PASSWORD "mektep2026"  /* the password of every demo sign-in */
#define DEMO_DEFAULT_SCHOOLS 20
#define DEMO_MAX_SCHOOLS 40
#define DEMO_DEFAULT_SEED 2026
#define DEMO_YEAR "2026-2027"       /* the academic year every school gets, 'current' */
#define DEMO_MAX_LOGINS 11

/* What the progress callback is told: while a school is written, and once more when
 * it is committed (done == total). */
struct demo_progress {
	int school;         /* 1-based number of the school being written */
	int schools;        /* how many schools in all */
	const char *code;   /* its code, e.g. "AST-PHM" */
	const char *city;   /* its city in English */
	int done, total;    /* rows written of this school's rows; while journal is set,
			     * lessons filled of the school's lessons before today */
	int journal;        /* 1 while the school's journal is being filled */
	/* The school's figures (valid from its first report on): */
	int classes, students, representatives, staff;
	int filled;         /* lessons whose journal was filled (in the last report) */
};

typedef void demo_progress_fn(void *ctx, const struct demo_progress *p);

struct demo_options {
	int schools;                 /* 1..DEMO_MAX_SCHOOLS */
	uint64_t seed;               /* any value; DEMO_DEFAULT_SEED is the usual one */
	const char *password;        /* of every demo sign-in; NULL means DEMO_PASSWORD */
	demo_progress_fn *progress;  /* NULL: no reports */
	void *progress_ctx;          /* handed to progress */
	const char *today;           /* "YYYY-MM-DD": the journal is filled for the lessons before
				      * it, in the academic year holding it; NULL: no journal */
};

/* One demo sign-in, for the table the command prints. */
struct demo_login {
	char login[16];     /* "director" */
	char role[24];      /* the role code, "director" */
	char school[16];    /* the school's code, "" for a network role */
	char person[200];   /* "Last First Middle" of the linked person, "" when none */
};

/* What was created. Counts are rows created by this run. */
struct demo_summary {
	int schools, classes, students, representatives, staff, subjects;
	int groups, assignments, applications; /* CUR-3 groups, CUR-9 load lines, CUR-4 choices */
	int rooms, lessons;  /* rooms, and the dated lessons of the approved timetables */
	/* The journal (demo/journal.h): lesson_journal rows (of which missed), lessons left
	 * unfilled (late), absences, lateness, formative marks, summative works and scores,
	 * covers, and the seconds its writing took. */
	int journal_lessons, missed, unfilled, absences, lates, marks, works, scores, covers;
	double journal_seconds;
	/* Elective courses (demo/electives.h): courses, choices (of which switches), groups,
	 * sessions, absences at them, final products, and the seconds they took. */
	int elective_courses, elective_choices, elective_switches, elective_groups, elective_sessions,
		elective_absences, elective_products;
	double elective_seconds;
	int nlogins;
	struct demo_login logins[DEMO_MAX_LOGINS];
	char error[256];    /* why demo_generate failed, "" on success */
};

enum demo_rc {
	DEMO_OK = 0,
	DEMO_NOT_EMPTY = 1, /* the database already has schools (or a demo login): nothing written */
	DEMO_FAILED = -1,   /* a database error; the schools before it stay written */
};

/* Creates the demo network in `db`, whose schema must be current (migrations_apply).
 * Refuses, writing nothing, when the database already has schools or one of the demo
 * logins is taken. The password hash is computed once (password_init() must have run).
 * Fills *out (always, also on failure: counts so far and the error). Returns a
 * demo_rc. */
int demo_generate(struct db *db, const struct demo_options *opt, struct demo_summary *out);

#endif
