/* migrations — the versioned schema: SQL files under store/migrations/<engine>/,
 * compiled in by tools/embed.c, applied in order by migrate.c.
 *
 * Both engines carry the same version numbers; a version's file may differ per engine
 * where the DDL must (identity columns, types), never in what it means. */
#ifndef MEKTEP_STORE_MIGRATIONS_H
#define MEKTEP_STORE_MIGRATIONS_H

#include "store/db.h"

struct migration {
	const char *engine; /* "sqlite" or "pg" */
	int version;        /* from the file name's leading number */
	const char *name;   /* the file name */
	const char *sql;    /* the whole file */
};

/* Every migration of every engine, ending with an entry whose engine is NULL. */
extern const struct migration migrations_all[];

/* The newest version the binary knows for db's engine. */
int migrations_latest(struct db *db);
/* The version the database is at (0 for an empty database), or -1 on error. */
int migrations_current(struct db *db);
/* Applies every missing migration, each in its own transaction (with the data it
 * seeds from C tables: 002 the public holidays); progress lines go to `log` when not
 * NULL. Returns 0, or -1 with a message on stderr. */
int migrations_apply(struct db *db, void (*log)(const char *line));

#endif
