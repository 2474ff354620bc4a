/* cmd_timetable — `mektep timetable lay` (and the dispatch to `solve` and `export-fet`,
 * timetable_solve.c): lays the approved timetables of every school
 * (or of one, by code) over their semesters' study days, each school in its own write
 * transaction, as POST /api/v1/timetables/{id}/lay does for one version. Prints a line
 * per school and a one-line summary with the time taken. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "store/db.h"
#include "store/timetable.h"

/* The approved versions to lay: of one school (code) or all, by school code. At most
 * `cap` ids and their codes; returns how many, or -1 on a database error. */
static int approved_versions(struct db *db, const char *code, int64_t *ids, char (*codes)[24], int cap)
{
	struct db_stmt *st = db_prepare(db, "SELECT t.id, s.code FROM timetables t JOIN schools s ON s.id = t.school_id"
					    " WHERE t.status = 'approved' AND ($1 = '' OR s.code = $1)"
					    " ORDER BY s.code, t.academic_year_id, t.semester");
	if (!st)
		return -1;
	db_bind_text(st, 1, code ? code : "");
	int n = 0, rc;
	while ((rc = db_step(st)) == DB_ROW) {
		if (n < cap) {
			ids[n] = db_col_int64(st, 0);
			snprintf(codes[n], sizeof codes[n], "%s", db_col_text(st, 1));
		}
		n++;
	}
	db_done(st);
	return rc == DB_DONE ? (n < cap ? n : cap) : -1;
}

#define MAX_VERSIONS 512

static int lay(struct db *db, const char *code, const char *from)
{
	static int64_t ids[MAX_VERSIONS];
	static char codes[MAX_VERSIONS][24];
	int n = approved_versions(db, code, ids, codes, MAX_VERSIONS);
	if (n < 0) {
		fprintf(stderr, "mektep: cannot read the timetables: %s\n", db_errmsg(db));
		return 1;
	}
	if (n == 0) {
		fprintf(stderr, "mektep: no approved timetable%s%s\n", code ? " of " : "", code ? code : "");
		return 1;
	}
	double start = cli_seconds();
	int64_t inserted = 0, removed = 0, kept = 0, updated = 0;
	for (int i = 0; i < n; i++) {
		struct timetable_lay_result r;
		int rc = db_begin_write(db);
		if (rc == DB_OK)
			rc = timetable_lay(db, ids[i], from, &r);
		if (rc == LAY_OK)
			rc = db_commit(db);
		if (rc != DB_OK) {
			db_rollback(db);
			fprintf(stderr, "mektep: %s: timetable %lld: %s\n", codes[i], (long long)ids[i],
				rc == LAY_NO_CALENDAR ? "the academic year has no terms"
				: rc == LAY_BAD_FROM  ? "--from is not inside the semester"
						      : db_errmsg(db));
			return 1;
		}
		printf("mektep: %-8s timetable %lld: %s..%s, %lld days, %lld lessons new, %lld kept, %lld moved,"
		       " %lld removed, %lld kept for their journal\n", codes[i], (long long)ids[i], r.from, r.to,
		       (long long)r.days, (long long)r.inserted, (long long)r.kept, (long long)r.updated,
		       (long long)r.removed, (long long)r.journaled);
		inserted += r.inserted, removed += r.removed, kept += r.kept, updated += r.updated;
	}
	printf("mektep: laid %d timetable%s: %lld lessons new, %lld kept, %lld moved, %lld removed in %.2f s\n", n,
	       n == 1 ? "" : "s", (long long)inserted, (long long)kept, (long long)updated, (long long)removed,
	       cli_seconds() - start);
	return 0;
}

#define TIMETABLE_USAGE                                                                                   \
	"usage: mektep timetable lay (--db PATH | --pg CONNINFO) [--school CODE] [--from DATE]\n"              \
	"       mektep timetable solve --fet IN.fet --out OUT.xml [--seed S] [--time-limit SEC] [--threads N]\n" \
	"       mektep timetable solve (--db PATH | --pg CONNINFO) --school CODE [--semester N] [--seed S]\n"    \
	"                              [--time-limit SEC] [--threads N]\n"                                      \
	"       mektep timetable export-fet (--db PATH | --pg CONNINFO) --school CODE [--semester N] --out F.fet\n\n" \
	"lay: lays the approved timetables over their semesters' study days (the dated lessons).\n"              \
	"solve: the timetable generator, on a FET file or on a school's data (a new draft version).\n"          \
	"export-fet: writes a school's week to solve as a FET file.\n"

int cmd_timetable(int argc, char **argv)
{
	const char *db_path = NULL, *pg = NULL, *school = NULL, *from = NULL;
	const struct option_spec specs[] = {
		{"db", "PATH", "the SQLite database file", &db_path},
		{"pg", "CONNINFO", "a PostgreSQL connection string instead of --db", &pg},
		{"school", "CODE", "only this school (default: every school)", &school},
		{"from", "DATE", "lay from this date on (default: the semester's start, or a correction's day)", &from},
		{NULL, NULL, NULL, NULL},
	};
	if (argc >= 2 && strcmp(argv[1], "solve") == 0)
		return cmd_timetable_solve(argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "export-fet") == 0)
		return cmd_timetable_export_fet(argc - 1, argv + 1);
	if (argc < 2 || strcmp(argv[1], "lay") != 0) {
		int help = argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0);
		fputs(TIMETABLE_USAGE, help ? stdout : stderr);
		return help ? 0 : 2;
	}
	int rc = options_parse(argc - 1, argv + 1,
			       "usage: mektep timetable lay (--db PATH | --pg CONNINFO) [--school CODE] [--from DATE]\n\n"
			       "Lays the approved timetables over their semesters' study days (the dated lessons).",
			       specs);
	if (rc)
		return rc == 1 ? 0 : rc;
	struct db *db = cli_open_current_db(db_path, pg);
	if (!db)
		return 1;
	rc = lay(db, school, from);
	db_close(db);
	return rc;
}
