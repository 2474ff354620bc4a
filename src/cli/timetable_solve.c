/* timetable_solve — `mektep timetable solve`: the timetable generator (issue 9) on a FET
 * file (--fet IN.fet --out OUT.xml: FET's <Activities_Timetable>) or on a school's
 * semester in the database (a new draft version, store/timetable_generate.h), and
 * `mektep timetable export-fet` (the school's week as a FET file); with a progress line
 * on stderr (redrawn with \r on a terminal, one line per report otherwise: elapsed,
 * phase, hard violations, soft cost). Exits 0 with a timetable without hard violations,
 * 3 without one (the counting conflicts' sentences, or the rules still broken, then the
 * smallest set of rules that cannot hold together: sv_explain), 1 on an error, 2 on a
 * bad option. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/timetable_solve.h"
#include "solver/fet.h"
#include "store/db.h"
#include "store/org.h"
#include "store/timetable_generate.h"
#include "store/timetable_week.h"
#include "util/buf.h"

#define EXIT_NO_TIMETABLE 3

static const char *phase_name(int phase)
{
	return phase == 0 ? "build" : phase == 1 ? "repair" : phase == 2 ? "improve" : "explain";
}

/* TT-4: why the elective blocks cannot be formed, a sentence each (n counted, the first
 * `given` in texts). */
static void print_electives(size_t n, size_t given, const char *const *texts)
{
	fprintf(stderr, "mektep: the elective blocks cannot be formed (TT-4, %zu conflict%s; nothing searched):\n", n,
		n == 1 ? "" : "s");
	for (size_t i = 0; i < given; i++)
		fprintf(stderr, "  - %s\n", texts[i]);
}

/* Prints sv_explain's answer: n sentences of set (or why there are none). */
static void print_explained(int n, const char *const *sentences)
{
	if (n > 0) {
		fputs("mektep: the smallest set of rules found that cannot hold together (relax one of them):\n", stderr);
		for (int i = 0; i < n; i++)
			fprintf(stderr, "  - %s\n", sentences[i]);
	} else if (n == -2) {
		fputs("mektep: even without the rules the lessons do not fit the week\n", stderr);
	} else if (n == 0) {
		fputs("mektep: a timetable was found when explaining: try a longer --time-limit or another --seed\n", stderr);
	}
}


static double solver_clock(void *ctx)
{
	(void)ctx;
	return cli_seconds();
}

static void show_progress(void *ctx, const struct sv_progress *p)
{
	struct solve_progress_line *line = ctx;
	if (p->phase == 3) { /* no timetable: the search's figures were given already */
		fprintf(stderr, "%smektep: %7.1f s  explain: looking for the rules that cannot hold together\n",
			line->open ? "\n" : "", p->elapsed);
		line->open = 0;
		return;
	}
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

/* The caps on every teacher given on the command line (TT-1): --teacher-max-daily 1..12,
 * --teacher-max-gaps-day 0..12, --teacher-max-gaps-week 0..60; those not given none.
 * 0, or -1 after saying which is wrong. */
static int teacher_rules(const char *daily, const char *gaps_day, const char *gaps_week, struct ttw_teacher_rules *out)
{
	const char *given[] = {daily, gaps_day, gaps_week};
	static const char *const names[] = {"teacher-max-daily", "teacher-max-gaps-day", "teacher-max-gaps-week"};
	static const long low[] = {1, 0, 0}, high[] = {12, 12, 60};
	int *values[] = {&out->max_daily, &out->max_gaps_day, &out->max_gaps_week};
	for (int k = 0; k < 3; k++) {
		long v = SV_NO_LIMIT;
		if (given[k] && options_int(given[k], names[k], low[k], high[k], &v) != 0)
			return -1;
		*values[k] = (int)v;
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
	if (rc == EXIT_NO_TIMETABLE) {
		struct sv_params q = tt_explain_params(p, sv_n_activities(m));
		struct sv_relax set[SV_MAX_CONFLICTS];
		const char *sentences[SV_MAX_CONFLICTS];
		int n = sv_explain(m, &q, set, SV_MAX_CONFLICTS);
		for (int i = 0; i < n && i < SV_MAX_CONFLICTS; i++)
			sentences[i] = set[i].text;
		print_explained(n < SV_MAX_CONFLICTS ? n : SV_MAX_CONFLICTS, sentences);
	}
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

/* The school of `code` and the academic year (the current one) into *school, *year;
 * the semester checked. 0, or the exit status with the error printed. */
static int school_semester(struct db *db, const char *code, const char *semester, int64_t *school, int64_t *year,
			   int *sem)
{
	long v = 1;
	if (semester && options_int(semester, "semester", 1, 2, &v) != 0)
		return 2;
	*sem = (int)v;
	if (!code) {
		fputs("mektep: give --school CODE\n", stderr);
		return 2;
	}
	if (schools_find_code(db, code, school) != DB_ROW) {
		fprintf(stderr, "mektep: no school with the code %s\n", code);
		return 1;
	}
	*year = years_current(db, *school);
	if (!*year) {
		fprintf(stderr, "mektep: %s has no current academic year\n", code);
		return 1;
	}
	return 0;
}

static int solve_db(struct db *db, const char *code, const char *semester, struct sv_params *p, int n_threads,
		    const struct ttw_teacher_rules *teachers)
{
	int64_t school, year;
	int sem;
	int rc = school_semester(db, code, semester, &school, &year, &sem);
	if (rc)
		return rc;
	struct solve_progress_line line;
	solve_progress_init(&line, p);
	double start = cli_seconds();
	struct tt_generate_result r;
	rc = timetable_generate(db, school, year, sem, p, n_threads, 0, NULL, teachers, &r);
	solve_progress_end(&line);
	switch (rc) {
	case TTG_OK:
		printf("mektep: %s semester %d: draft version %d (timetable %lld): %zu lessons, 0 hard violations in"
		       " %.2f s (%.1f s in all); %d teacher gaps, %d same-day repeats, soft cost %ld; %d locked entries"
		       " kept; %zu elective block rows\n",
		       code, sem, r.number, (long long)r.timetable_id, r.lessons, r.time_to_feasible,
		       cli_seconds() - start, r.report.teacher_gaps, r.report.spread, r.report.soft, r.locked,
		       r.elective_rows);
		return 0;
	case TTG_BAD_INPUT:
		fprintf(stderr, "mektep: %s: %s\n", code, r.error);
		return 1;
	case TTG_CLASH:
		fprintf(stderr, "mektep: %s: the result has %zu clashes by the timetable's own check; nothing written\n",
			code, r.clashes);
		return 1;
	case TTG_NO_TIMETABLE: {
		if (r.n_blame && r.blame[0].explained == TTG_BLAME_ELECTIVE) {
			const char *texts[TTG_MAX_BLAME];
			for (size_t i = 0; i < r.n_blame; i++)
				texts[i] = r.blame[i].text;
			print_electives(r.elective_conflicts, r.n_blame, texts);
			fputs("mektep: nothing written\n", stderr);
			return EXIT_NO_TIMETABLE;
		}
		struct sv_result sr = {.status = r.status, .elapsed = r.elapsed, .n_conflicts = r.n_conflicts};
		memcpy(sr.conflicts, r.conflicts, sizeof sr.conflicts);
		if (r.status == SV_INFEASIBLE) {
			solve_report(NULL, NULL, &sr);
		} else {
			fprintf(stderr, "mektep: no timetable without hard violations found in %.1f s; the best has %d:\n",
				r.elapsed, r.report.hard);
			for (int k = 0; k < SV_V_COUNT; k++)
				if (r.report.v[k])
					fprintf(stderr, "  - %s: %d\n", sv_violation_name((enum sv_violation)k), r.report.v[k]);
		}
		const char *sentences[TTG_MAX_BLAME];
		int n = 0;
		for (size_t i = 0; i < r.n_blame; i++)
			if (r.blame[i].explained)
				sentences[n++] = r.blame[i].text;
		print_explained(r.explain_rc < 0 ? r.explain_rc : n, sentences);
		fputs("mektep: nothing written\n", stderr);
		return EXIT_NO_TIMETABLE;
	}
	default:
		fprintf(stderr, "mektep: %s: database error: %s\n", code, db_errmsg(db));
		return 1;
	}
}

#define SOLVE_USAGE                                                                                          \
	"usage: mektep timetable solve --fet IN.fet --out OUT.xml [--seed S] [--time-limit SEC] [--threads N]\n" \
	"       mektep timetable solve (--db PATH | --pg CONNINFO) --school CODE [--semester N] [--seed S]\n"    \
	"                              [--time-limit SEC] [--threads N] [--teacher-max-daily N]\n"               \
	"                              [--teacher-max-gaps-day N] [--teacher-max-gaps-week N]\n\n"              \
	"The timetable generator: a week without clashes or student gaps, then fewer teacher gaps.\n"            \
	"With --fet it reads a FET file and writes FET's <Activities_Timetable> to --out; with a\n"              \
	"database it solves the school's semester and saves the result as a new draft version.\n"               \
	"Exit status: 0 solved, 3 no timetable without hard violations, 1 error, 2 bad option."

int cmd_timetable_solve(int argc, char **argv)
{
	const char *fet = NULL, *out = NULL, *db_path = NULL, *pg = NULL, *school = NULL, *semester = NULL;
	const char *seed = NULL, *limit = NULL, *threads = NULL, *max_daily = NULL, *gaps_day = NULL,
		   *gaps_week = NULL;
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
		{"teacher-max-daily", "N", "with a database: at most N lessons a day for every teacher", &max_daily},
		{"teacher-max-gaps-day", "N", "with a database: at most N gaps a day for every teacher", &gaps_day},
		{"teacher-max-gaps-week", "N", "with a database: at most N gaps a week for every teacher", &gaps_week},
		{NULL, NULL, NULL, NULL},
	};
	int rc = options_parse(argc, argv, SOLVE_USAGE, specs);
	if (rc)
		return rc == 1 ? 0 : rc;
	struct sv_params p;
	int n_threads;
	struct ttw_teacher_rules teachers;
	if (solve_params(seed, limit, threads, &p, &n_threads) != 0 ||
	    teacher_rules(max_daily, gaps_day, gaps_week, &teachers) != 0)
		return 2;
	if (fet) {
		if (!out || db_path || pg || school || semester || max_daily || gaps_day || gaps_week) {
			fputs("mektep: --fet needs --out and no database options (a FET file carries its own rules)\n", stderr);
			return 2;
		}
		return solve_fet(fet, out, &p, n_threads);
	}
	if (out) {
		fputs("mektep: --out goes with --fet\n", stderr);
		return 2;
	}
	struct db *db = cli_open_current_db(db_path, pg);
	if (!db)
		return 1;
	rc = solve_db(db, school, semester, &p, n_threads, &teachers);
	db_close(db);
	return rc;
}

#define EXPORT_USAGE                                                                                     \
	"usage: mektep timetable export-fet (--db PATH | --pg CONNINFO) --school CODE [--semester N] --out F.fet\n" \
	"                                   [--teacher-max-daily N] [--teacher-max-gaps-day N]\n"                \
	"                                   [--teacher-max-gaps-week N]\n\n"                                     \
	"Writes the school's week to solve (its load, groups, rooms, bell schedule, locked entries)\n"      \
	"as a FET file, which `mektep timetable solve --fet` and FET read."

int cmd_timetable_export_fet(int argc, char **argv)
{
	const char *db_path = NULL, *pg = NULL, *school = NULL, *semester = NULL, *out = NULL, *max_daily = NULL,
		   *gaps_day = NULL, *gaps_week = NULL;
	const struct option_spec specs[] = {
		{"db", "PATH", "the SQLite database file", &db_path},
		{"pg", "CONNINFO", "a PostgreSQL connection string instead of --db", &pg},
		{"school", "CODE", "the school", &school},
		{"semester", "N", "semester 1 or 2 of the current year (default 1)", &semester},
		{"out", "F.fet", "the file to write", &out},
		{"teacher-max-daily", "N", "at most N lessons a day for every teacher", &max_daily},
		{"teacher-max-gaps-day", "N", "at most N gaps a day for every teacher", &gaps_day},
		{"teacher-max-gaps-week", "N", "at most N gaps a week for every teacher", &gaps_week},
		{NULL, NULL, NULL, NULL},
	};
	int rc = options_parse(argc, argv, EXPORT_USAGE, specs);
	if (rc)
		return rc == 1 ? 0 : rc;
	struct ttw_teacher_rules teachers;
	if (teacher_rules(max_daily, gaps_day, gaps_week, &teachers) != 0)
		return 2;
	if (!out) {
		fputs("mektep: give --out F.fet\n", stderr);
		return 2;
	}
	struct db *db = cli_open_current_db(db_path, pg);
	if (!db)
		return 1;
	int64_t school_id, year;
	int sem;
	rc = school_semester(db, school, semester, &school_id, &year, &sem);
	struct ttw w;
	if (!rc) {
		int wrc = ttw_load(db, school_id, year, sem, &w);
		if (wrc == TTW_ELECTIVES) {
			const char *texts[TTW_MAX_ECONF];
			for (size_t i = 0; i < w.n_econf && i < TTW_MAX_ECONF; i++)
				texts[i] = w.econf[i].text;
			print_electives(w.n_econf, w.n_econf < TTW_MAX_ECONF ? w.n_econf : TTW_MAX_ECONF, texts);
			rc = EXIT_NO_TIMETABLE;
		} else if (wrc != TTW_OK) {
			fprintf(stderr, "mektep: %s: %s\n", school, wrc > 0 ? w.error : db_errmsg(db));
			rc = 1;
		} else {
			w.teacher_rules = teachers;
			size_t len;
			char *text = ttw_fet(&w, &len);
			rc = text && solve_write_file(out, text, len) == 0 ? 0 : 1;
			if (!rc)
				printf("mektep: %s semester %d: %zu activities (%zu elective block hours), %zu teachers, %zu"
				       " classes, %zu rooms -> %s\n",
				       school, sem, w.n_acts, w.n_acts - w.n_lessons, w.n_teachers, w.n_classes, w.n_rooms,
				       out);
			free(text);
		}
		ttw_release(&w);
	}
	db_close(db);
	return rc;
}
