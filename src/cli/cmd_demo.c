/* cmd_demo — `mektep demo`: creates the demo network in a new or empty database, its
 * journal filled up to today (the real date in Kazakhstan, or --today), with a progress
 * bar on a terminal, and prints the demo sign-ins. */
#include <limits.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "api/api.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "core/date.h"
#include "demo/demo.h"
#include "store/db.h"
#include "store/migrations.h"

#define BAR_WIDTH 30

/* The progress callback: a redrawn bar per school on a terminal (ctx non-NULL) — its
 * rows, then its journal — else one line per school when it is done. */
static void show_progress(void *ctx, const struct demo_progress *p)
{
	int tty = ctx != NULL;
	int finished = p->done == p->total && !p->journal;
	if (!tty) {
		if (finished)
			fprintf(stderr, "mektep: school %2d/%d %-8s %-12s %2d classes, %4d students, %4d staff,"
				" %5d lessons filled\n", p->school, p->schools, p->code, p->city, p->classes,
				p->students, p->staff, p->filled);
		return;
	}
	int filled = p->total ? (int)((long long)p->done * BAR_WIDTH / p->total) : BAR_WIDTH;
	char bar[BAR_WIDTH + 1];
	for (int i = 0; i < BAR_WIDTH; i++)
		bar[i] = i < filled ? '#' : '.';
	bar[BAR_WIDTH] = '\0';
	char tail[40] = "";
	if (p->journal)
		snprintf(tail, sizeof tail, ", journal");
	else if (finished)
		snprintf(tail, sizeof tail, ", %d lessons filled", p->filled);
	fprintf(stderr, "\r[%2d/%2d] %-8s %-12s [%s] %3d%%  %4d students%-24s", p->school, p->schools,
		p->code, p->city, bar, p->total ? (int)((long long)p->done * 100 / p->total) : 100,
		p->students, tail);
	if (finished)
		fputc('\n', stderr);
	fflush(stderr);
}

static void print_logins(const struct demo_summary *s, const char *password)
{
	printf("\nDemo sign-ins (password for all: %s):\n", password);
	printf("  %-11s %-18s %-8s %s\n", "login", "role", "school", "person");
	for (int i = 0; i < s->nlogins; i++) {
		const struct demo_login *l = &s->logins[i];
		printf("  %-11s %-18s %-8s %s\n", l->login, l->role, l->school[0] ? l->school : "-",
		       l->person[0] ? l->person : "-");
	}
}

int cmd_demo(int argc, char **argv)
{
	const char *db_path = NULL, *pg = NULL, *schools_text = NULL, *seed_text = NULL, *today_text = NULL;
	const struct option_spec specs[] = {
		{"db", "PATH", "the SQLite database file (created when missing)", &db_path},
		{"pg", "CONNINFO", "a PostgreSQL connection string instead of --db", &pg},
		{"schools", "N", "how many schools, 1 to 40 (default 20)", &schools_text},
		{"seed", "S", "the seed: the same seed gives the same network (default 2026)", &seed_text},
		{"today", "YYYY-MM-DD", "the journal is filled for the lessons before this day"
					" (default today in Kazakhstan)", &today_text},
		{NULL, NULL, NULL, NULL},
	};
	int rc = options_parse(argc, argv,
			       "usage: mektep demo (--db PATH | --pg CONNINFO) [--schools N] [--seed S]"
			       " [--today YYYY-MM-DD]\n\n"
			       "Creates a demo network of NIS schools in an empty database, with the journal\n"
			       "of its academic year filled for the lessons before today.",
			       specs);
	if (rc)
		return rc == 1 ? 0 : rc;
	long schools = DEMO_DEFAULT_SCHOOLS, seed = DEMO_DEFAULT_SEED;
	if (schools_text && options_int(schools_text, "schools", 1, DEMO_MAX_SCHOOLS, &schools) != 0)
		return 2;
	if (seed_text && options_int(seed_text, "seed", 0, LONG_MAX, &seed) != 0)
		return 2;
	char today[DATE_TEXT_SIZE];
	struct date day;
	if (today_text && date_parse(today_text, &day) != 0) {
		fputs("mektep: --today takes a date YYYY-MM-DD\n", stderr);
		return 2;
	}
	date_format(today_text ? day : api_today(), today);

	struct db *db = cli_open_db(db_path, pg);
	if (!db)
		return 1;
	if (migrations_apply(db, NULL) != 0) {
		db_close(db);
		return 1;
	}
	int tty = isatty(fileno(stderr));
	struct demo_options opt = {
		.schools = (int)schools,
		.seed = (uint64_t)seed,
		.password = DEMO_PASSWORD,
		.progress = show_progress,
		.progress_ctx = tty ? (void *)stderr : NULL,
		.today = today,
	};
	struct demo_summary sum;
	double start = cli_seconds();
	rc = demo_generate(db, &opt, &sum);
	double took = cli_seconds() - start;
	db_close(db);
	if (rc != DEMO_OK) {
		if (tty)
			fputc('\n', stderr);
		fprintf(stderr, "mektep: demo: %s\n", sum.error);
		if (sum.schools)
			fprintf(stderr, "mektep: demo: %d school%s written before the failure stay\n",
				sum.schools, sum.schools == 1 ? "" : "s");
		return 1;
	}
	print_logins(&sum, DEMO_PASSWORD);
	printf("\nmektep: demo network: %d schools, %d classes, %d students, %d representatives,"
	       " %d staff, %d subjects, %d groups, %d load lines, %d choices, %d rooms, %d lessons in %.1f s"
	       " (seed %ld)\n",
	       sum.schools, sum.classes, sum.students, sum.representatives, sum.staff, sum.subjects,
	       sum.groups, sum.assignments, sum.applications, sum.rooms, sum.lessons, took, seed);
	printf("mektep: demo journal before %s: %d lessons filled (%d missed, %d left late), %d absences,"
	       " %d late arrivals, %d formative marks, %d summative works with %d scores, %d covers in %.1f s\n",
	       today, sum.journal_lessons, sum.missed, sum.unfilled, sum.absences, sum.lates, sum.marks, sum.works,
	       sum.scores, sum.covers, sum.journal_seconds);
	printf("mektep: demo electives: %d courses, %d choices (%d switched), %d groups, %d sessions with %d absences,"
	       " %d final products in %.1f s\n",
	       sum.elective_courses, sum.elective_choices, sum.elective_switches, sum.elective_groups,
	       sum.elective_sessions, sum.elective_absences, sum.elective_products, sum.elective_seconds);
	return 0;
}
