/* timetable_solve — `mektep timetable solve`: the timetable generator (issue 9) on a FET
 * file (--fet IN.fet --out OUT.xml: FET's <Activities_Timetable>), with a progress line
 * on stderr (redrawn with \r on a terminal, one line per report otherwise: elapsed,
 * phase, hard violations, soft cost). Exits 0 with a timetable without hard violations,
 * 3 without one (the counting conflicts' sentences, or the rules still broken), 1 on an
 * error, 2 on a bad option. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/timetable_solve.h"
#include "solver/fet.h"
#include "util/buf.h"

#define EXIT_NO_TIMETABLE 3

static const char *phase_name(int phase)
{
	return phase == 0 ? "build" : phase == 1 ? "repair" : "improve";
}

static double solver_clock(void *ctx)
{
	(void)ctx;
	return cli_seconds();
}

static void show_progress(void *ctx, const struct sv_progress *p)
{
	struct solve_progress_line *line = ctx;
	if (line->tty) {
		fprintf(stderr, "\r%7.1f s  %-7s  hard %5d  soft %7ld ", p->elapsed, phase_name(p->phase), p->hard,
			p->soft);
		line->open = 1;
	} else {
		fprintf(stderr, "mektep: %7.1f s  %-7s  hard %5d  soft %7ld\n", p->elapsed, phase_name(p->phase), p->hard,
			p->soft);
	}
}

void solve_progress_init(struct solve_progress_line *line, struct sv_params *p)
{
	line->tty = isatty(2);
	line->open = 0;
	p->now = solver_clock;
	p->progress = show_progress;
	p->progress_ctx = line;
	p->progress_every = line->tty ? 0.2 : 1.0;
}

void solve_progress_end(struct solve_progress_line *line)
{
	if (line->open)
		fputc('\n', stderr);
	line->open = 0;
}

int solve_report(struct sv_model *m, const struct sv_place *pl, const struct sv_result *r)
{
	if (r->status == SV_INFEASIBLE) {
		fprintf(stderr, "mektep: no timetable can meet these rules (%zu conflict%s found before the search):\n",
			r->n_conflicts, r->n_conflicts == 1 ? "" : "s");
		for (size_t i = 0; i < r->n_conflicts && i < SV_MAX_CONFLICTS; i++)
			fprintf(stderr, "  - %s\n", r->conflicts[i].text);
		return EXIT_NO_TIMETABLE;
	}
	if (r->status == SV_ERROR) {
		fputs("mektep: the solver failed (out of memory, or nothing to place)\n", stderr);
		return 1;
	}
	struct sv_report rep;
	if (sv_verify(m, pl, &rep) != 0) {
		fputs("mektep: out of memory\n", stderr);
		return 1;
	}
	if (rep.hard) {
		fprintf(stderr, "mektep: no timetable without hard violations found in %.1f s; the best has %d:\n",
			r->elapsed, rep.hard);
		for (int k = 0; k < SV_V_COUNT; k++)
			if (rep.v[k])
				fprintf(stderr, "  - %s: %d\n", sv_violation_name((enum sv_violation)k), rep.v[k]);
		fputs("mektep: try a longer --time-limit or another --seed\n", stderr);
		return EXIT_NO_TIMETABLE;
	}
	printf("mektep: timetable of %d lessons, 0 hard violations in %.2f s (searched %.1f s, %llu moves);"
	       " %d teacher gaps, %d same-day repeats, soft cost %ld\n",
	       sv_n_activities(m), r->time_to_feasible, r->elapsed, (unsigned long long)r->iters, rep.teacher_gaps,
	       rep.spread, rep.soft);
	return 0;
}

int solve_params(const char *seed, const char *limit, const char *threads, struct sv_params *p, int *n_threads)
{
	long v;
	memset(p, 0, sizeof *p);
	p->seed = 1;
	p->time_limit = 60;
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	*n_threads = cores >= 2 ? 2 : 1;
	if (seed) {
		if (options_int(seed, "seed", 0, 2147483647L, &v) != 0)
			return -1;
		p->seed = (uint64_t)v;
	}
	if (limit) {
		if (options_int(limit, "time-limit", 1, 3600, &v) != 0)
			return -1;
		p->time_limit = (double)v;
	}
	if (threads) {
		if (options_int(threads, "threads", 1, 16, &v) != 0)
			return -1;
		*n_threads = (int)v;
	}
	return 0;
}

int solve_write_file(const char *path, const char *text, size_t len)
{
	FILE *out = fopen(path, "wb");
	if (!out || fwrite(text, 1, len, out) != len || fclose(out) != 0) {
		fprintf(stderr, "mektep: cannot write %s\n", path);
		return -1;
	}
	return 0;
}

static int solve_fet(const char *in, const char *out, struct sv_params *p, int n_threads)
{
	struct buf text = BUF_INIT;
	if (buf_read_file(&text, in) != 0) {
		buf_release(&text);
		fprintf(stderr, "mektep: cannot read %s\n", in);
		return 1;
	}
	char err[256];
	struct sv_fet *f = sv_fet_read(text.data, text.len, err, sizeof err);
	buf_release(&text);
	if (!f) {
		fprintf(stderr, "mektep: %s: %s\n", in, err);
		return 1;
	}
	if (*sv_fet_unsupported(f))
		fprintf(stderr, "mektep: %s: constraints not supported, ignored: %s\n", in, sv_fet_unsupported(f));
	struct sv_model *m = sv_fet_model(f);
	struct sv_place *pl = calloc((size_t)sv_n_activities(m) + 1, sizeof *pl);
	if (!pl) {
		sv_fet_free(f);
		fputs("mektep: out of memory\n", stderr);
		return 1;
	}
	struct solve_progress_line line;
	solve_progress_init(&line, p);
	struct sv_result r;
	sv_solve_parallel(m, p, n_threads, pl, &r);
	solve_progress_end(&line);
	int rc = solve_report(m, pl, &r);
	if (r.status == SV_SOLVED || r.status == SV_UNSOLVED) {
		size_t len;
		char *xml = sv_fet_write(f, pl, &len);
		if (!xml || solve_write_file(out, xml, len) != 0)
			rc = 1;
		else if (rc != 0)
			fprintf(stderr, "mektep: the best timetable found is in %s all the same\n", out);
		free(xml);
	}
	free(pl);
	sv_fet_free(f);
	return rc;
}

#define SOLVE_USAGE                                                                                          \
	"usage: mektep timetable solve --fet IN.fet --out OUT.xml [--seed S] [--time-limit SEC] [--threads N]\n" \
	"       mektep timetable solve (--db PATH | --pg CONNINFO) --school CODE [--semester N] [--seed S]\n"    \
	"                              [--time-limit SEC] [--threads N]\n\n"                                     \
	"The timetable generator: a week without clashes or student gaps, then fewer teacher gaps.\n"            \
	"With --fet it reads a FET file and writes FET's <Activities_Timetable> to --out; with a\n"              \
	"database it solves the school's semester and saves the result as a new draft version.\n"               \
	"Exit status: 0 solved, 3 no timetable without hard violations, 1 error, 2 bad option."

int cmd_timetable_solve(int argc, char **argv)
{
	const char *fet = NULL, *out = NULL, *db_path = NULL, *pg = NULL, *school = NULL, *semester = NULL;
	const char *seed = NULL, *limit = NULL, *threads = NULL;
	const struct option_spec specs[] = {
		{"fet", "IN.fet", "solve this FET file", &fet},
		{"out", "OUT.xml", "with --fet: where the <Activities_Timetable> goes", &out},
		{"db", "PATH", "the SQLite database file", &db_path},
		{"pg", "CONNINFO", "a PostgreSQL connection string instead of --db", &pg},
		{"school", "CODE", "with a database: the school", &school},
		{"semester", "N", "with a database: semester 1 or 2 of the current year (default 1)", &semester},
		{"seed", "S", "the search's seed (default 1)", &seed},
		{"time-limit", "SEC", "stop improving after this many seconds (default 60)", &limit},
		{"threads", "N", "searches at once (default 2 on a machine with 2 cores or more)", &threads},
		{NULL, NULL, NULL, NULL},
	};
	int rc = options_parse(argc, argv, SOLVE_USAGE, specs);
	if (rc)
		return rc == 1 ? 0 : rc;
	struct sv_params p;
	int n_threads;
	if (solve_params(seed, limit, threads, &p, &n_threads) != 0)
		return 2;
	if (fet) {
		if (!out || db_path || pg || school || semester) {
			fputs("mektep: --fet needs --out and no database options\n", stderr);
			return 2;
		}
		return solve_fet(fet, out, &p, n_threads);
	}
	fputs("mektep: give --fet IN.fet --out OUT.xml\n", stderr);
	return 2;
}

int cmd_timetable_export_fet(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("mektep: timetable export-fet is not there yet\n", stderr);
	return 2;
}
