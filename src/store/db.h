/* db — one small database API over both engines (SQLite embedded, PostgreSQL).
 *
 * A `struct db` is one connection, used by one thread at a time. SQL is written once
 * with `$1`-style parameters; each driver maps them to its own syntax. Values are
 * 64-bit integers, doubles, UTF-8 text and NULL: booleans are integers 0/1, dates are
 * text 'YYYY-MM-DD', instants text 'YYYY-MM-DDTHH:MM:SSZ' (UTC), made by the caller.
 * New rows give their id through `INSERT … RETURNING id`, which both engines know.
 *
 * Use:
 *     struct db_stmt *st = db_prepare(db, "SELECT name FROM t WHERE id = $1");
 *     db_bind_int64(st, 1, id);
 *     while (db_step(st) == DB_ROW)
 *             use(db_col_text(st, 0));
 *     db_done(st);
 * db_prepare() caches statements per connection, keyed by the SQL text, so pass the
 * same literal every time. Every prepared statement must be given back with
 * db_done(), on every path. Text from db_col_text() lives until the next db_step()
 * or db_done() on that statement.
 *
 * Drivers implement `struct db_methods` (after SQLite's io_methods); the rest of the
 * program calls only the db_*() wrappers in db.c. */
#ifndef MEKTEP_STORE_DB_H
#define MEKTEP_STORE_DB_H

#include <stddef.h>
#include <stdint.h>

enum db_rc {
	DB_OK = 0,
	DB_ROW = 1,         /* db_step: a row is ready */
	DB_DONE = 2,        /* db_step: no (more) rows */
	DB_ERROR = -1,      /* any other failure; db_errmsg() says what */
	DB_CONSTRAINT = -2, /* a UNIQUE, CHECK, NOT NULL or FOREIGN KEY refused the write */
	DB_BUSY = -3,       /* the database stayed locked past the busy timeout */
	DB_LOST = -4,       /* the connection to the server is gone (PostgreSQL) */
};

struct db;
struct db_stmt;

/* What a driver provides. `version` is 1. Text and blobs handed to bind_text are
 * copied by the driver before it returns. */
struct db_methods {
	int version;
	const char *engine; /* "sqlite" or "postgresql" */
	void (*close)(struct db *db);
	int (*exec)(struct db *db, const char *sql); /* one or more statements, no parameters */
	struct db_stmt *(*prepare)(struct db *db, const char *sql);
	int (*bind_null)(struct db_stmt *st, int idx);
	int (*bind_int64)(struct db_stmt *st, int idx, int64_t v);
	int (*bind_double)(struct db_stmt *st, int idx, double v);
	int (*bind_text)(struct db_stmt *st, int idx, const char *v, int len);
	int (*step)(struct db_stmt *st);
	int (*column_count)(struct db_stmt *st);
	int (*col_is_null)(struct db_stmt *st, int col);
	int64_t (*col_int64)(struct db_stmt *st, int col);
	double (*col_double)(struct db_stmt *st, int col);
	const char *(*col_text)(struct db_stmt *st, int col);
	void (*reset)(struct db_stmt *st);    /* ready to bind and step again */
	void (*finalize)(struct db_stmt *st); /* frees the statement */
	const char *(*errmsg)(struct db *db);
	int (*ping)(struct db *db);           /* DB_OK when the connection works */
};

#define DB_STMT_CACHE_SIZE 128

/* The part of a statement every driver embeds first in its own statement struct. */
struct db_stmt {
	struct db *db;
	const char *sql;  /* the SQL as given to db_prepare, for the cache */
	int in_use;       /* between db_prepare and db_done */
	int cached;       /* owned by the cache (else finalized by db_done) */
};

/* The part of a connection every driver embeds first in its own struct. */
struct db {
	const struct db_methods *m;
	struct db_stmt *cache[DB_STMT_CACHE_SIZE]; /* open-addressed by SQL hash */
	int tx_depth;     /* 1 inside db_begin … db_commit/db_rollback */
	int lost;         /* set when a call reported DB_LOST; the owner reconnects */
	int holds_gate;   /* SQLite: this connection holds the process's write gate (db.c) */
};

/* Opening. Each returns NULL and a malloc'd message in *err (free it) on failure. */
struct db *db_open_sqlite(const char *path, char **err);
struct db *db_open_pg(const char *conninfo, char **err);
/* Opens "sqlite:PATH" / a plain path, or "postgresql://…" / "host=… " conninfo. */
struct db *db_open_url(const char *target, int is_pg, char **err);
void db_close(struct db *db); /* finalizes cached statements; NULL is fine */

const char *db_engine(struct db *db);
const char *db_errmsg(struct db *db);
int db_ping(struct db *db);

int db_exec(struct db *db, const char *sql);
struct db_stmt *db_prepare(struct db *db, const char *sql); /* NULL on error */
int db_bind_null(struct db_stmt *st, int idx);
int db_bind_int64(struct db_stmt *st, int idx, int64_t v);
int db_bind_double(struct db_stmt *st, int idx, double v);
int db_bind_text(struct db_stmt *st, int idx, const char *v); /* NULL binds NULL */
int db_bind_textn(struct db_stmt *st, int idx, const char *v, int len);
int db_step(struct db_stmt *st);
int db_column_count(struct db_stmt *st);
int db_col_is_null(struct db_stmt *st, int col);
int64_t db_col_int64(struct db_stmt *st, int col);
double db_col_double(struct db_stmt *st, int col);
const char *db_col_text(struct db_stmt *st, int col); /* NULL for SQL NULL */
void db_done(struct db_stmt *st); /* gives the statement back; NULL is fine */

/* Runs a statement that returns no rows (or ignores them): prepare, bind, step, done.
 * `fmt` says the parameter types in order: 'i' int64_t, 'd' double, 's' const char *
 * (NULL binds NULL), 'n' NULL. Returns DB_DONE/DB_ROW on success, a negative rc else. */
int db_run(struct db *db, const char *sql, const char *fmt, ...);
/* Like db_run for one row and one integer column (e.g. RETURNING id, COUNT(*)).
 * Returns DB_ROW and sets *out, DB_DONE when no row, or a negative rc. */
int db_query_int64(struct db *db, int64_t *out, const char *sql, const char *fmt, ...);

/* Transactions; not nested. db_begin_write takes the write lock at once (SQLite
 * BEGIN IMMEDIATE), so two writers never deadlock on an upgrade. */
int db_begin(struct db *db);
int db_begin_write(struct db *db);
int db_commit(struct db *db);
int db_rollback(struct db *db); /* a no-op outside a transaction */

/* The current instant as 'YYYY-MM-DDTHH:MM:SSZ' (UTC), for created_at and audit. */
void db_now_utc(char out[21]);

#endif
