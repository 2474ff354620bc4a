/* timetable_generate — the timetable generator on a school's data (issue 9; TT-1, TT-3,
 * CUR-3, CUR-9): reads the semester's week (timetable_week.h), solves it with the
 * solver (solver/solver.h) outside any transaction, checks the result with the
 * timetable's own clash check (core/timetable.h tt_check_clashes, with the groups that
 * share students), and writes it as a NEW DRAFT version of the semester, created by the
 * user, which goes through the same approval as a hand-made one (TT-3). Audited as
 * `generate`. Used by `mektep timetable solve --db` and by the API's jobs. */
#ifndef MEKTEP_STORE_TIMETABLE_GENERATE_H
#define MEKTEP_STORE_TIMETABLE_GENERATE_H

#include <stddef.h>
#include <stdint.h>

#include "solver/solver.h"
#include "store/db.h"

enum tt_generate_rc {
	TTG_OK = 0,           /* a draft was written: timetable_id */
	TTG_NO_TIMETABLE = 1, /* no timetable without hard violations: conflicts or report */
	TTG_BAD_INPUT = 2,    /* the data cannot be solved as it is: error (no bells, no load) */
	TTG_CLASH = 3,        /* the timetable module's clash check refused the result (a bug) */
};

struct tt_generate_result {
	enum sv_status status;
	int64_t timetable_id;   /* the new draft's */
	int number;             /* its number in the semester */
	int64_t locks_from;     /* the version whose locked entries were kept, 0 none */
	int locked;             /* entries kept locked */
	size_t lessons;         /* entries written */
	double time_to_feasible, elapsed;
	uint64_t iters;
	struct sv_report report;  /* sv_verify of the result */
	size_t n_conflicts;       /* the counting conflicts (SV_INFEASIBLE) */
	struct sv_conflict conflicts[SV_MAX_CONFLICTS];
	size_t clashes;           /* TTG_CLASH: how many */
	int input_rc;             /* TTG_BAD_INPUT: the ttw_rc (timetable_week.h) */
	char error[200];          /* TTG_BAD_INPUT: why */
};

/* Generates a draft of `semester` of academic year `year_id` for the school with the
 * solver's parameters p (seed, time limit, clock, progress) on n_threads, created by
 * user_id (0: the command line). Returns a tt_generate_rc or a negative db rc; fills
 * *out in every case. */
int timetable_generate(struct db *db, int64_t school_id, int64_t year_id, int semester, const struct sv_params *p,
		       int n_threads, int64_t user_id, struct tt_generate_result *out);

#endif
