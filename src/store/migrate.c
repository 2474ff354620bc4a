/* migrate — applies the embedded SQL migrations in version order and records each in
 * schema_migrations. */
#include "store/migrations.h"

#include <stdio.h>
#include <string.h>

#include "store/calendar.h"
#include "store/marking.h"

/* Data a migration takes from the program's own tables rather than from SQL (so that
 * one table, in core/, stays the source): run after the version's SQL, in its
 * transaction, on both engines. */
static const struct {
	int version;
	int (*seed)(struct db *db);
} seeds[] = {
	{2, holidays_seed_default}, /* the public holidays of core/holidays.c */
	{7, marking_seed},          /* the marking models of core/assess.c */
};

static int run_seeds(struct db *db, int version)
{
	for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++)
		if (seeds[i].version == version && seeds[i].seed(db) != DB_OK)
			return DB_ERROR;
	return DB_OK;
}

static const char *engine_key(struct db *db)
{
	return strcmp(db_engine(db), "sqlite") == 0 ? "sqlite" : "pg";
}

int migrations_latest(struct db *db)
{
	const char *key = engine_key(db);
	int latest = 0;
	for (const struct migration *m = migrations_all; m->engine; m++)
		if (strcmp(m->engine, key) == 0 && m->version > latest)
			latest = m->version;
	return latest;
}

static int ensure_table(struct db *db)
{
	return db_exec(db, "CREATE TABLE IF NOT EXISTS schema_migrations ("
			   " version INTEGER PRIMARY KEY,"
			   " name TEXT NOT NULL,"
			   " applied_at TEXT NOT NULL)");
}

int migrations_current(struct db *db)
{
	if (ensure_table(db) != DB_OK)
		return -1;
	int64_t v = 0;
	int rc = db_query_int64(db, &v, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", NULL);
	return rc == DB_ROW ? (int)v : -1;
}

int migrations_apply(struct db *db, void (*log)(const char *line))
{
	int current = migrations_current(db);
	if (current < 0) {
		fprintf(stderr, "mektep: cannot read the schema version: %s\n", db_errmsg(db));
		return -1;
	}
	const char *key = engine_key(db);
	/* a version no file has is passed over: branches built side by side take their
	 * numbers ahead of one another (013 and 014), each must run on its own */
	int latest = migrations_latest(db);
	for (int version = current + 1; version <= latest; version++) {
		const struct migration *found = NULL;
		for (const struct migration *m = migrations_all; m->engine; m++)
			if (strcmp(m->engine, key) == 0 && m->version == version)
				found = m;
		if (!found)
			continue;
		char now[21];
		db_now_utc(now);
		if (db_begin_write(db) != DB_OK || db_exec(db, found->sql) != DB_OK ||
		    run_seeds(db, version) != DB_OK ||
		    db_run(db, "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
			   "iss", (int64_t)version, found->name, now) != DB_DONE ||
		    db_commit(db) != DB_OK) {
			fprintf(stderr, "mektep: migration %s failed: %s\n", found->name, db_errmsg(db));
			db_rollback(db);
			return -1;
		}
		if (log) {
			char line[256];
			snprintf(line, sizeof line, "applied %s", found->name);
			log(line);
		}
	}
	return 0;
}
