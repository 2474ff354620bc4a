/* timetable_solve — what `mektep timetable solve` on a FET file and on a school's data
 * share: the options, the progress line on stderr and the closing report. */
#ifndef MEKTEP_CLI_TIMETABLE_SOLVE_H
#define MEKTEP_CLI_TIMETABLE_SOLVE_H

#include <stddef.h>

#include "solver/solver.h"

/* The progress line: redrawn with \r on a terminal, one line per report otherwise. */
struct solve_progress_line {
	int tty;   /* stderr is a terminal */
	int open;  /* a redrawn line waits for its newline */
};

/* Sets p's clock and progress callback to draw on `line`. */
void solve_progress_init(struct solve_progress_line *line, struct sv_params *p);
/* Ends a redrawn line. */
void solve_progress_end(struct solve_progress_line *line);
/* --seed, --time-limit, --threads (NULL: the defaults 1, 60 s, 2 threads on 2+ cores)
 * into p (zeroed first) and *n_threads: 0, or -1 with the error printed. */
int solve_params(const char *seed, const char *limit, const char *threads, struct sv_params *p, int *n_threads);
/* Prints the outcome: a summary on stdout when solved (0), else the counting conflicts'
 * sentences or the rules still broken on stderr (3), or an error (1). */
int solve_report(struct sv_model *m, const struct sv_place *pl, const struct sv_result *r);
/* Writes len bytes to path: 0, or -1 with the error printed. */
int solve_write_file(const char *path, const char *text, size_t len);

#endif
