/* elective_blocks — elective courses run by the timetable (TT-4, A3§10; ELE-3, ELE-12) as
 * plain decisions, for the timetable generator (docs/solver.md, "Elective blocks").
 *
 * A grade's elective hours (the ЖОЖ's curriculum_electives.elective_hours, H) are a
 * block of H periods of the week that the whole grade spends in elective groups; a group
 * across parallels (ELE-3) joins its grades into one block. Inside a block each group
 * meets its course's weekly hours at DISTINCT block hours, and no teacher or student is
 * in two groups at one block hour. eb_assign finds such an assignment (graph colouring
 * where a group of h hours is a clique of h vertices: DSATUR order and backtracking with
 * a node budget), or says why there is none: the counting conflicts first (a group, a
 * teacher's groups or a student's groups needing more hours than the block has), else
 * the smallest set of groups the search cannot place together and the teachers and
 * students that link them. eb_grade_blocks joins grades into blocks and checks their
 * hours. Pure and deterministic: no I/O, no clock, no randomness. */
#ifndef MEKTEP_CORE_ELECTIVE_BLOCKS_H
#define MEKTEP_CORE_ELECTIVE_BLOCKS_H

#include <stddef.h>
#include <stdint.h>

#define EB_MAX_HOURS 20      /* block hours at most (curriculum_electives allows 0..20) */
#define EB_MAX_GRADE 12
#define EB_MAX_CONFLICTS 16  /* conflicts given, at most (n_conflicts counts all) */
#define EB_MAX_NAMED 12      /* groups, teachers, students named by one conflict, at most */

/* One elective group of a block. */
struct eb_group {
	int hours;               /* weekly hours: its course's */
	int teacher;             /* the caller's teacher index, or -1 (none) */
	const int64_t *students; /* its members' ids, any order, each once */
	size_t n_students;
};

enum eb_conflict_kind {
	EB_GROUP_HOURS,          /* a group needs more hours than the block has */
	EB_TEACHER_HOURS,        /* a teacher's groups need more hours than the block has */
	EB_STUDENT_HOURS,        /* a student's groups need more hours than the block has */
	EB_NO_ASSIGNMENT,        /* the search found no assignment: groups it cannot place together */
	EB_GRADE_NO_HOURS,       /* a grade with groups has no elective hours in the ЖОЖ (or 0) */
	EB_GRADE_HOURS_DIFFER,   /* two grades of one block have different elective hours */
};

/* One reason there is no assignment, with the figures and who (indexes are the caller's:
 * groups into the eb_assign array, teachers as given; grades 1..12). */
struct eb_conflict {
	enum eb_conflict_kind kind;
	int need, have;          /* hours needed, hours the block has */
	int teacher;             /* EB_TEACHER_HOURS: the teacher; else -1 */
	int64_t student;         /* EB_STUDENT_HOURS: the student; else 0 */
	int grade, other_grade;  /* EB_GRADE_*: the grade (and the other of the block) */
	int n_groups;            /* the groups concerned (first EB_MAX_NAMED) */
	int groups[EB_MAX_NAMED];
	int more_groups;         /* … and this many more not named */
	int n_teachers;          /* EB_NO_ASSIGNMENT: the teachers shared inside the set */
	int teachers[EB_MAX_NAMED];
	int n_students;          /* EB_NO_ASSIGNMENT: students in two groups of the set */
	int64_t students[EB_MAX_NAMED];
	int more_students;       /* … and this many more not named */
};

struct eb_result {
	int ok;                  /* 1: every group has its hours */
	uint32_t *hours;         /* ok: per group, a bit per block hour (0..H-1) it meets at */
	size_t n_conflicts;      /* !ok: how many (the first EB_MAX_CONFLICTS given) */
	struct eb_conflict conflicts[EB_MAX_CONFLICTS];
	uint64_t nodes;          /* search nodes used */
};

/* Assigns n groups to the H block hours (0..EB_MAX_HOURS) with a search budget of
 * `budget` nodes (0: 200,000). Returns 0 with *out filled (ok or conflicts), -1 on a bad
 * argument or without memory. Release with eb_result_free. */
int eb_assign(const struct eb_group *groups, size_t n, int hours, uint64_t budget, struct eb_result *out);
void eb_result_free(struct eb_result *r);

/* The blocks of a school's grades: group i's members are of the grades in grade_mask[i]
 * (bit g for grade g, 1..12); grades joined by a group are one block. block_of[g] gets
 * the lowest grade of g's block, or 0 for a grade without groups. hours[g]: the grade's
 * elective hours, -1 when the ЖОЖ has none. Conflicts (EB_GRADE_NO_HOURS: a grade with
 * groups and no or 0 hours; EB_GRADE_HOURS_DIFFER: a grade whose hours differ from its
 * block's lowest grade's) go to out (at most cap); returns how many there are. */
int eb_grade_blocks(const uint32_t *grade_mask, size_t n, const int hours[EB_MAX_GRADE + 1],
		    int block_of[EB_MAX_GRADE + 1], struct eb_conflict *out, int cap);

#endif
