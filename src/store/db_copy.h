/* db_copy — bulk loading of many rows into one table, the fast way of each engine:
 * COPY … FROM STDIN (text format) on PostgreSQL, a cached INSERT of the right arity on
 * SQLite. Both run inside the caller's transaction, if any; on SQLite begin one (one
 * fsync per row otherwise).
 *
 *     if (db_copy_begin(db, "persons", "last_name, first_name, middle_name") == DB_OK) {
 *             for (…)
 *                     db_copy_row(db, "sss", last, first, middle);
 *             rc = db_copy_end(db);
 *     }
 *
 * Rules: after db_copy_begin succeeded, call db_copy_end whatever happened, and nothing
 * else on that connection before it. One copy at a time per thread. `table` and
 * `columns` are program constants (letters, digits, '_', '.', and ", " between
 * columns), never user input; they are checked, not quoted.
 *
 * A row the database refuses (a constraint, a bad value) fails db_copy_row on SQLite
 * but only db_copy_end on PostgreSQL, which checks at the end; either way the first
 * failure is what db_copy_end returns, the rows after it are refused, and the caller
 * rolls its transaction back. */
#ifndef MEKTEP_STORE_DB_COPY_H
#define MEKTEP_STORE_DB_COPY_H

#include "store/db.h"

/* Starts a copy into table (columns). DB_OK, or a negative db_rc. */
int db_copy_begin(struct db *db, const char *table, const char *columns);
/* One row, one value per column, typed by `fmt` as in db_run: 'i' int64_t,
 * 'd' double, 's' const char * (NULL is NULL), 'n' NULL. DB_OK or a negative rc. */
int db_copy_row(struct db *db, const char *fmt, ...);
/* Ends the copy: DB_OK when every row is in, else the first failure. */
int db_copy_end(struct db *db);

#endif
