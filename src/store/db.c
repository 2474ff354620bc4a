/* db — the engine-neutral wrappers over a driver's db_methods, with the per-connection
 * statement cache and transactions. The only place that calls a driver directly. */
#include "store/db.h"

#include <pthread.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static size_t sql_hash(const char *sql)
{
	size_t h = 5381;
	for (const unsigned char *p = (const unsigned char *)sql; *p; p++)
		h = h * 33 + *p;
	return h;
}

static void note_rc(struct db *db, int rc)
{
	if (rc == DB_LOST)
		db->lost = 1;
}

struct db *db_open_url(const char *target, int is_pg, char **err)
{
	if (is_pg)
		return db_open_pg(target, err);
	if (strncmp(target, "sqlite:", 7) == 0)
		target += 7;
	return db_open_sqlite(target, err);
}

void db_close(struct db *db)
{
	if (!db)
		return;
	db_rollback(db); /* an open transaction goes, and with it the write gate */
	for (size_t i = 0; i < DB_STMT_CACHE_SIZE; i++) {
		if (db->cache[i]) {
			db->m->finalize(db->cache[i]);
			db->cache[i] = NULL;
		}
	}
	db->m->close(db);
}

const char *db_engine(struct db *db) { return db->m->engine; }
const char *db_errmsg(struct db *db) { return db->m->errmsg(db); }

int db_ping(struct db *db)
{
	int rc = db->m->ping(db);
	note_rc(db, rc);
	if (rc == DB_OK)
		db->lost = 0;
	return rc;
}

int db_exec(struct db *db, const char *sql)
{
	int rc = db->m->exec(db, sql);
	note_rc(db, rc);
	return rc;
}

struct db_stmt *db_prepare(struct db *db, const char *sql)
{
	size_t h = sql_hash(sql) % DB_STMT_CACHE_SIZE;
	/* Linear probing over a few slots: the same SQL lands where it landed before. */
	for (size_t probe = 0; probe < 4; probe++) {
		size_t slot = (h + probe) % DB_STMT_CACHE_SIZE;
		struct db_stmt *st = db->cache[slot];
		if (st && (st->sql == sql || strcmp(st->sql, sql) == 0)) {
			if (st->in_use)
				break; /* nested use of the same SQL: a private copy below */
			st->in_use = 1;
			return st;
		}
		if (!st) {
			st = db->m->prepare(db, sql);
			if (!st)
				return NULL;
			st->db = db;
			st->sql = sql;
			st->cached = 1;
			st->in_use = 1;
			db->cache[slot] = st;
			return st;
		}
	}
	struct db_stmt *st = db->m->prepare(db, sql);
	if (!st)
		return NULL;
	st->db = db;
	st->sql = sql;
	st->cached = 0;
	st->in_use = 1;
	return st;
}

int db_bind_null(struct db_stmt *st, int idx) { return st->db->m->bind_null(st, idx); }
int db_bind_int64(struct db_stmt *st, int idx, int64_t v) { return st->db->m->bind_int64(st, idx, v); }
int db_bind_double(struct db_stmt *st, int idx, double v) { return st->db->m->bind_double(st, idx, v); }

int db_bind_text(struct db_stmt *st, int idx, const char *v)
{
	if (!v)
		return st->db->m->bind_null(st, idx);
	return st->db->m->bind_text(st, idx, v, (int)strlen(v));
}

int db_bind_textn(struct db_stmt *st, int idx, const char *v, int len)
{
	return st->db->m->bind_text(st, idx, v, len);
}

int db_step(struct db_stmt *st)
{
	int rc = st->db->m->step(st);
	note_rc(st->db, rc);
	return rc;
}

int db_column_count(struct db_stmt *st) { return st->db->m->column_count(st); }
int db_col_is_null(struct db_stmt *st, int col) { return st->db->m->col_is_null(st, col); }
int64_t db_col_int64(struct db_stmt *st, int col) { return st->db->m->col_int64(st, col); }
double db_col_double(struct db_stmt *st, int col) { return st->db->m->col_double(st, col); }

const char *db_col_text(struct db_stmt *st, int col)
{
	if (st->db->m->col_is_null(st, col))
		return NULL;
	return st->db->m->col_text(st, col);
}

void db_done(struct db_stmt *st)
{
	if (!st)
		return;
	st->db->m->reset(st);
	st->in_use = 0;
	if (!st->cached)
		st->db->m->finalize(st);
}

static int bind_args(struct db_stmt *st, const char *fmt, va_list ap)
{
	int idx = 1;
	for (const char *f = fmt ? fmt : ""; *f; f++, idx++) {
		int rc;
		switch (*f) {
		case 'i': rc = db_bind_int64(st, idx, va_arg(ap, int64_t)); break;
		case 'd': rc = db_bind_double(st, idx, va_arg(ap, double)); break;
		case 's': rc = db_bind_text(st, idx, va_arg(ap, const char *)); break;
		case 'n': rc = db_bind_null(st, idx); break;
		default: return DB_ERROR;
		}
		if (rc != DB_OK)
			return rc;
	}
	return DB_OK;
}

int db_run(struct db *db, const char *sql, const char *fmt, ...)
{
	struct db_stmt *st = db_prepare(db, sql);
	if (!st)
		return db->lost ? DB_LOST : DB_ERROR;
	va_list ap;
	va_start(ap, fmt);
	int rc = bind_args(st, fmt, ap);
	va_end(ap);
	if (rc == DB_OK)
		rc = db_step(st);
	db_done(st);
	return rc;
}

int db_query_int64(struct db *db, int64_t *out, const char *sql, const char *fmt, ...)
{
	struct db_stmt *st = db_prepare(db, sql);
	if (!st)
		return db->lost ? DB_LOST : DB_ERROR;
	va_list ap;
	va_start(ap, fmt);
	int rc = bind_args(st, fmt, ap);
	va_end(ap);
	if (rc == DB_OK) {
		rc = db_step(st);
		if (rc == DB_ROW)
			*out = db_col_int64(st, 0);
	}
	db_done(st);
	return rc;
}

static int tx_exec(struct db *db, const char *sql, int depth_after)
{
	int rc = db_exec(db, sql);
	if (rc == DB_OK)
		db->tx_depth = depth_after;
	return rc;
}

int db_begin(struct db *db)
{
	return tx_exec(db, "BEGIN", 1);
}

/* SQLite has one writer at a time. Its busy handler makes a waiting writer sleep and
 * retry with growing pauses, so under many writers some wait far longer than their
 * turn. The writers of this process queue on a mutex instead (taken before BEGIN
 * IMMEDIATE, given back at COMMIT or ROLLBACK), which hands the lock on at once; the
 * busy timeout still guards against other processes. A writer that waits longer than
 * the busy timeout goes on without the gate, as it would without it. */
static pthread_mutex_t sqlite_write_gate = PTHREAD_MUTEX_INITIALIZER;
#define WRITE_GATE_WAIT_SECONDS 10

static void gate_take(struct db *db)
{
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += WRITE_GATE_WAIT_SECONDS;
	db->holds_gate = pthread_mutex_timedlock(&sqlite_write_gate, &until) == 0;
}

static void gate_give(struct db *db)
{
	if (db->holds_gate) {
		db->holds_gate = 0;
		pthread_mutex_unlock(&sqlite_write_gate);
	}
}

int db_begin_write(struct db *db)
{
	if (strcmp(db->m->engine, "sqlite") != 0)
		return tx_exec(db, "BEGIN", 1);
	gate_take(db);
	int rc = tx_exec(db, "BEGIN IMMEDIATE", 1);
	if (rc != DB_OK)
		gate_give(db);
	return rc;
}

int db_commit(struct db *db)
{
	int rc = db_exec(db, "COMMIT");
	if (rc != DB_OK)
		db_rollback(db);
	db->tx_depth = 0;
	gate_give(db);
	return rc;
}

int db_rollback(struct db *db)
{
	if (!db->tx_depth) {
		gate_give(db);
		return DB_OK;
	}
	db->tx_depth = 0;
	int rc = db->lost ? DB_OK /* the server dropped the transaction with the connection */
			  : db_exec(db, "ROLLBACK");
	gate_give(db);
	return rc;
}

void db_now_utc(char out[21])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
