/* db_pg — what the PostgreSQL driver offers beyond store/db.h, for code that must speak
 * libpq itself (the COPY path of store/db_copy.c). Everything else goes through db.h. */
#ifndef MEKTEP_STORE_DB_PG_H
#define MEKTEP_STORE_DB_PG_H

#include <libpq-fe.h>

#include "store/db.h"

/* The libpq connection behind a PostgreSQL `db` (NULL for another engine). */
PGconn *db_pg_conn(struct db *db);

/* Turns the outcome of a libpq call on db into a db_rc, as the driver does for its
 * own calls: DB_OK when `res` has status `want`; otherwise DB_CONSTRAINT (SQLSTATE
 * class 23), DB_BUSY (40001, 40P01), DB_LOST (the connection is gone; db->lost is set)
 * or DB_ERROR, with the message kept for db_errmsg(). `res` may be NULL (a call that
 * failed before a result); it is not freed. */
int db_pg_check(struct db *db, const PGresult *res, ExecStatusType want);

/* Records a failure of a libpq call that gives no result (PQputCopyData and the like),
 * with libpq's message; returns DB_LOST when the connection is gone, else DB_ERROR. */
int db_pg_fail(struct db *db);

/* A double as PostgreSQL reads it back exactly (17 digits; NaN, ±Infinity). */
void db_pg_format_double(char out[32], double v);

#endif
