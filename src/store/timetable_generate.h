/* timetable_generate — the timetable generator on a school's data (issue 9; TT-1, TT-3,
 * CUR-3, CUR-9): reads the semester's week (timetable_week.h), solves it with the
 * solver (solver/solver.h) outside any transaction, checks the result with the
 * timetable's own clash check (core/timetable.h tt_check_clashes, with the groups that
 * share students), and writes it as a NEW DRAFT version of the semester, created by the
 * user, which goes through the same approval as a hand-made one (TT-3). Audited as
 * `generate`. Used by `mektep timetable solve --db` and by the API's jobs.
 *
 * With the draft go the elective blocks' rows (TT-4, ELE-3; migration 016): one per
 * elective group and block hour at the slot the solver gave that hour, with the group's
 * teacher and a room. When the blocks cannot be formed (timetable_week.h, TTW_ELECTIVES)
 * nothing is searched: TTG_NO_TIMETABLE with the blocks' conflicts as blame
 * (TTG_BLAME_ELECTIVE).
 *
 * When there is no timetable (counting conflicts, or hard violations left at the time
 * limit) it asks the solver for the smallest set of rules that cannot hold together
 * (sv_explain) and names the classes, teachers, subjects and rooms involved ("blame").
 * A run can be cancelled from another thread through its gate (see below). */
#ifndef MEKTEP_STORE_TIMETABLE_GENERATE_H
#define MEKTEP_STORE_TIMETABLE_GENERATE_H

#include <stddef.h>
#include <stdint.h>

#include "solver/solver.h"
#include "store/db.h"
#include "store/timetable_week.h"

enum tt_generate_rc {
	TTG_OK = 0,           /* a draft was written: timetable_id */
	TTG_NO_TIMETABLE = 1, /* no timetable without hard violations: conflicts or report */
	TTG_BAD_INPUT = 2,    /* the data cannot be solved as it is: error (no bells, no load) */
	TTG_CLASH = 3,        /* the timetable module's clash check refused the result (a bug) */
	TTG_CANCELLED = 4,    /* the gate was closed: nothing written */
};

/* The gate of a run (an atomic int shared with the thread that may cancel it):
 * TTG_GATE_OPEN while it runs; whoever moves it first wins — a canceller to
 * TTG_GATE_CANCELLED (the search stops within milliseconds: its clock jumps past the time
 * limit; nothing is written), the run to TTG_GATE_WRITING just before it commits the
 * draft (too late to cancel). */
enum tt_gate { TTG_GATE_OPEN = 0, TTG_GATE_CANCELLED = 1, TTG_GATE_WRITING = 2 };

#define TTG_MAX_BLAME 32
#define TTG_BLAME_MORE 12  /* classes and teachers named beyond the first (elective blocks) */

/* tt_blame.explained */
enum tt_blame_source {
	TTG_BLAME_COUNTED = 0,   /* kind is an sv_conflict_kind */
	TTG_BLAME_EXPLAINED = 1, /* kind is an sv_relax_kind */
	TTG_BLAME_ELECTIVE = 2,  /* kind is an eb_conflict_kind: the elective blocks (TT-4) */
};

/* One rule to blame when there is no timetable: a counting conflict found before the
 * search, or one constraint of sv_explain's smallest conflicting set; with who it is
 * about (ids 0 and names "" when none). */
struct tt_blame {
	int explained;          /* an enum tt_blame_source: what kind is */
	int kind;
	int need, have;         /* counting conflicts: the numbers */
	int64_t class_id, staff_id, subject_id, room_id;
	char class_label[24], staff_name[TTW_NAME], subject_name[TTW_NAME], room_name[TTW_NAME];
	/* the elective blocks' conflicts: more classes and teachers concerned */
	int n_more_classes, n_more_staff;
	int64_t more_class_ids[TTG_BLAME_MORE], more_staff_ids[TTG_BLAME_MORE];
	char more_class_labels[TTG_BLAME_MORE][24], more_staff_names[TTG_BLAME_MORE][TTW_NAME];
	char text[400];         /* the solver's (or the blocks') sentence, in English */
};

struct tt_generate_result {
	enum sv_status status;
	int64_t timetable_id;   /* the new draft's */
	int number;             /* its number in the semester */
	int64_t locks_from;     /* the version whose locked entries were kept, 0 none */
	int locked;             /* entries kept locked */
	size_t lessons;         /* entries written */
	size_t elective_rows;   /* elective block rows written (timetable_elective_entries) */
	double time_to_feasible, elapsed;
	uint64_t iters;
	struct sv_report report;  /* sv_verify of the result */
	size_t n_conflicts;       /* the counting conflicts (SV_INFEASIBLE) */
	struct sv_conflict conflicts[SV_MAX_CONFLICTS];
	size_t clashes;           /* TTG_CLASH: how many */
	int input_rc;             /* TTG_BAD_INPUT: the ttw_rc (timetable_week.h) */
	char error[200];          /* TTG_BAD_INPUT: why */
	int explain_rc;           /* TTG_NO_TIMETABLE: sv_explain's return (-3: not asked) */
	size_t elective_conflicts; /* the elective blocks' conflicts, all (the first are blamed) */
	size_t n_blame;           /* the counting conflicts, then sv_explain's set */
	struct tt_blame blame[TTG_MAX_BLAME];
};

/* Generates a draft of `semester` of academic year `year_id` for the school with the
 * solver's parameters p (seed, time limit, clock, progress) on n_threads, created by
 * user_id (0: the command line); gate: NULL, or an enum tt_gate another thread may close
 * (with a clock and a time limit in p); teachers: the run's caps on every teacher (NULL:
 * none), audited with the draft. Returns a tt_generate_rc or a negative db rc; fills
 * *out in every case. */
int timetable_generate(struct db *db, int64_t school_id, int64_t year_id, int semester, const struct sv_params *p,
		       int n_threads, int64_t user_id, _Atomic int *gate, const struct ttw_teacher_rules *teachers,
		       struct tt_generate_result *out);

/* The budget of sv_explain after a run with p on n_acts activities: each brief re-solve
 * 300 iterations an activity (at least 100,000; the same answer however busy the
 * machine), cut at half the time limit (2..20 s), without progress reports. */
struct sv_params tt_explain_params(const struct sv_params *p, int n_acts);

#endif
