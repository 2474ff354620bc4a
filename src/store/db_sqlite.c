/* db_sqlite — the SQLite driver of db.h: WAL, foreign keys, a busy timeout, and
 * `$N` parameters rewritten to SQLite's `?N`. */
#include "store/db.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sqlite_db {
	struct db base; /* first: a struct sqlite_db is a struct db */
	sqlite3 *conn;
};

struct sqlite_stmt {
	struct db_stmt base; /* first */
	sqlite3_stmt *st;
};

static const struct db_methods sqlite_methods;

static int map_rc(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK: return DB_OK;
	case SQLITE_ROW: return DB_ROW;
	case SQLITE_DONE: return DB_DONE;
	case SQLITE_CONSTRAINT: return DB_CONSTRAINT;
	case SQLITE_BUSY:
	case SQLITE_LOCKED: return DB_BUSY;
	default: return DB_ERROR;
	}
}

static sqlite3 *conn_of(struct db *db) { return ((struct sqlite_db *)db)->conn; }
static sqlite3_stmt *st_of(struct db_stmt *st) { return ((struct sqlite_stmt *)st)->st; }

/* Copies sql with every `$N` outside quotes and comments turned into `?N`. */
static char *rewrite_params(const char *sql)
{
	size_t n = strlen(sql);
	char *out = malloc(n + 1);
	if (!out)
		return NULL;
	char quote = 0;
	for (size_t i = 0; i <= n; i++) {
		char c = sql[i];
		if (quote) {
			if (c == quote)
				quote = 0;
		} else if (c == '\'' || c == '"') {
			quote = c;
		} else if (c == '-' && sql[i + 1] == '-') {
			while (sql[i] && sql[i] != '\n')
				out[i] = sql[i], i++;
			out[i] = sql[i];
			if (!sql[i])
				break;
			continue;
		} else if (c == '$' && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
			c = '?';
		}
		out[i] = c;
	}
	return out;
}

struct db *db_open_sqlite(const char *path, char **err)
{
	sqlite3 *conn = NULL;
	int rc = sqlite3_open_v2(path, &conn,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		if (err) {
			const char *msg = conn ? sqlite3_errmsg(conn) : sqlite3_errstr(rc);
			*err = strdup(msg);
		}
		sqlite3_close(conn);
		return NULL;
	}
	sqlite3_busy_timeout(conn, 10000);
	sqlite3_extended_result_codes(conn, 0);
	char *msg = NULL;
	rc = sqlite3_exec(conn,
			  "PRAGMA journal_mode=WAL;"
			  "PRAGMA synchronous=FULL;"
			  "PRAGMA foreign_keys=ON;"
			  "PRAGMA temp_store=MEMORY;",
			  NULL, NULL, &msg);
	if (rc != SQLITE_OK) {
		if (err)
			*err = strdup(msg ? msg : "cannot configure the database");
		sqlite3_free(msg);
		sqlite3_close(conn);
		return NULL;
	}
	struct sqlite_db *db = calloc(1, sizeof *db);
	if (!db) {
		sqlite3_close(conn);
		return NULL;
	}
	db->base.m = &sqlite_methods;
	db->conn = conn;
	return &db->base;
}

static void s_close(struct db *db)
{
	sqlite3_close(conn_of(db));
	free(db);
}

static int s_exec(struct db *db, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(conn_of(db), sql, NULL, NULL, &msg);
	sqlite3_free(msg);
	return map_rc(rc);
}

static struct db_stmt *s_prepare(struct db *db, const char *sql)
{
	char *rewritten = rewrite_params(sql);
	if (!rewritten)
		return NULL;
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v3(conn_of(db), rewritten, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
	free(rewritten);
	if (rc != SQLITE_OK) {
		fprintf(stderr, "mektep: sqlite prepare: %s\n", sqlite3_errmsg(conn_of(db)));
		return NULL;
	}
	struct sqlite_stmt *s = calloc(1, sizeof *s);
	if (!s) {
		sqlite3_finalize(st);
		return NULL;
	}
	s->st = st;
	return &s->base;
}

static int s_bind_null(struct db_stmt *st, int idx) { return map_rc(sqlite3_bind_null(st_of(st), idx)); }
static int s_bind_int64(struct db_stmt *st, int idx, int64_t v) { return map_rc(sqlite3_bind_int64(st_of(st), idx, v)); }
static int s_bind_double(struct db_stmt *st, int idx, double v) { return map_rc(sqlite3_bind_double(st_of(st), idx, v)); }

static int s_bind_text(struct db_stmt *st, int idx, const char *v, int len)
{
	return map_rc(sqlite3_bind_text(st_of(st), idx, v, len, SQLITE_TRANSIENT));
}

static int s_step(struct db_stmt *st)
{
	int rc = sqlite3_step(st_of(st));
	int mapped = map_rc(rc);
	if (mapped == DB_ERROR)
		fprintf(stderr, "mektep: sqlite step: %s\n", sqlite3_errmsg(conn_of(st->db)));
	return mapped;
}

static int s_column_count(struct db_stmt *st) { return sqlite3_column_count(st_of(st)); }
static int s_col_is_null(struct db_stmt *st, int col) { return sqlite3_column_type(st_of(st), col) == SQLITE_NULL; }
static int64_t s_col_int64(struct db_stmt *st, int col) { return sqlite3_column_int64(st_of(st), col); }
static double s_col_double(struct db_stmt *st, int col) { return sqlite3_column_double(st_of(st), col); }
static const char *s_col_text(struct db_stmt *st, int col) { return (const char *)sqlite3_column_text(st_of(st), col); }

static void s_reset(struct db_stmt *st)
{
	sqlite3_reset(st_of(st));
	sqlite3_clear_bindings(st_of(st));
}

static void s_finalize(struct db_stmt *st)
{
	sqlite3_finalize(st_of(st));
	free(st);
}

static const char *s_errmsg(struct db *db) { return sqlite3_errmsg(conn_of(db)); }
static int s_ping(struct db *db) { return DB_OK; }

static const struct db_methods sqlite_methods = {
	.version = 1,
	.engine = "sqlite",
	.close = s_close,
	.exec = s_exec,
	.prepare = s_prepare,
	.bind_null = s_bind_null,
	.bind_int64 = s_bind_int64,
	.bind_double = s_bind_double,
	.bind_text = s_bind_text,
	.step = s_step,
	.column_count = s_column_count,
	.col_is_null = s_col_is_null,
	.col_int64 = s_col_int64,
	.col_double = s_col_double,
	.col_text = s_col_text,
	.reset = s_reset,
	.finalize = s_finalize,
	.errmsg = s_errmsg,
	.ping = s_ping,
};
