/* cmd_db — the database subcommands (migrate), how every subcommand opens the database
 * it is given, and the clock the commands time themselves with. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "store/db.h"
#include "store/migrations.h"

double cli_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct db *cli_open_db(const char *db_path, const char *pg)
{
	if ((db_path != NULL) == (pg != NULL)) {
		fputs("mektep: give either --db PATH (SQLite) or --pg CONNINFO (PostgreSQL)\n", stderr);
		return NULL;
	}
	char *err = NULL;
	struct db *db = pg ? db_open_pg(pg, &err) : db_open_sqlite(db_path, &err);
	if (!db) {
		fprintf(stderr, "mektep: cannot open %s: %s\n", pg ? "the PostgreSQL database" : db_path,
			err ? err : "unknown error");
		free(err);
	}
	return db;
}

struct db *cli_open_current_db(const char *db_path, const char *pg)
{
	struct db *db = cli_open_db(db_path, pg);
	if (!db)
		return NULL;
	int current = migrations_current(db), latest = migrations_latest(db);
	if (current != latest) {
		fprintf(stderr,
			"mektep: the database schema is at version %d, this mektep needs %d.\n"
			"Run: mektep migrate %s %s\n",
			current, latest, pg ? "--pg" : "--db", pg ? "'CONNINFO'" : db_path);
		db_close(db);
		return NULL;
	}
	return db;
}

static void print_line(const char *line)
{
	printf("mektep: %s\n", line);
}

int cmd_migrate(int argc, char **argv)
{
	const char *db_path = NULL, *pg = NULL;
	const struct option_spec specs[] = {
		{"db", "PATH", "the SQLite database file (created when missing)", &db_path},
		{"pg", "CONNINFO", "a PostgreSQL connection string instead of --db", &pg},
		{NULL, NULL, NULL, NULL},
	};
	int rc = options_parse(argc, argv, "usage: mektep migrate (--db PATH | --pg CONNINFO)", specs);
	if (rc)
		return rc == 1 ? 0 : rc;
	struct db *db = cli_open_db(db_path, pg);
	if (!db)
		return 1;
	int before = migrations_current(db);
	rc = migrations_apply(db, print_line);
	if (rc == 0)
		printf("mektep: schema at version %d (was %d)\n", migrations_current(db), before);
	db_close(db);
	return rc == 0 ? 0 : 1;
}
