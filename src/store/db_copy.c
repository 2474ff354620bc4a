/* db_copy — bulk loading for both engines; see db_copy.h.
 *
 * PostgreSQL: COPY table (columns) FROM STDIN, a row a PQputCopyData of one text-format
 * line (tab between values, \N for NULL, backslash escapes); libpq buffers the lines,
 * so rows cost no round trip. SQLite: INSERT INTO table (columns) VALUES ($1, …) through
 * the connection's statement cache. The cache keeps the SQL pointer for the life of
 * the connection, so the INSERT texts are interned for the life of the process (one per
 * distinct table and column list: a handful). */
#include "store/db_copy.h"

#include <inttypes.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db_pg.h"
#include "util/buf.h"

struct copy {
	struct db *db;      /* the connection copying, NULL when none */
	int pg;
	int ncols;
	int rc;             /* the first failure, DB_OK until then */
	const char *insert; /* SQLite: the interned INSERT */
	struct buf line;    /* PostgreSQL: the row being written */
};

static _Thread_local struct copy cur;

struct interned {
	struct interned *next;
	char sql[];
};

static struct interned *interned_head;
static pthread_mutex_t interned_lock = PTHREAD_MUTEX_INITIALIZER;

/* A copy of sql that lives as long as the process, the same pointer for equal texts. */
static const char *intern(const char *sql)
{
	pthread_mutex_lock(&interned_lock);
	struct interned *it = interned_head;
	while (it && strcmp(it->sql, sql) != 0)
		it = it->next;
	if (!it) {
		size_t n = strlen(sql) + 1;
		it = malloc(sizeof *it + n);
		if (it) {
			memcpy(it->sql, sql, n);
			it->next = interned_head;
			interned_head = it;
		}
	}
	pthread_mutex_unlock(&interned_lock);
	return it ? it->sql : NULL;
}

static int misuse(const char *what)
{
	fprintf(stderr, "mektep: db_copy: %s\n", what);
	return DB_ERROR;
}

/* The number of columns in a list like "a, b,c", or 0 when it is not such a list. */
static int count_columns(const char *columns)
{
	int n = 0, in_name = 0, after_name = 0;
	for (const char *p = columns; *p; p++) {
		if (*p == ',') {
			if (!after_name && !in_name)
				return 0;
			in_name = after_name = 0;
		} else if (*p == ' ') {
			if (in_name)
				in_name = 0, after_name = 1;
		} else if (strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_", *p)) {
			if (after_name)
				return 0;
			if (!in_name)
				n++;
			in_name = 1;
		} else {
			return 0;
		}
	}
	return in_name || after_name ? n : 0;
}

int db_copy_begin(struct db *db, const char *table, const char *columns)
{
	if (cur.db)
		return misuse("a copy is already open on this thread");
	int ncols = count_columns(columns);
	if (!*table || strspn(table, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.") !=
			       strlen(table) || ncols == 0)
		return misuse("table and columns must be plain identifiers");
	int pg = strcmp(db_engine(db), "postgresql") == 0;
	struct buf sql = BUF_INIT;
	int rc = DB_OK;
	if (pg) {
		buf_addf(&sql, "COPY %s (%s) FROM STDIN", table, columns);
		PGresult *res = PQexec(db_pg_conn(db), sql.data);
		rc = db_pg_check(db, res, PGRES_COPY_IN);
		PQclear(res);
	} else {
		buf_addf(&sql, "INSERT INTO %s (%s) VALUES (", table, columns);
		for (int i = 1; i <= ncols; i++)
			buf_addf(&sql, i > 1 ? ", $%d" : "$%d", i);
		buf_addch(&sql, ')');
		cur.insert = intern(sql.data);
		if (!cur.insert)
			rc = misuse("out of memory");
	}
	buf_release(&sql);
	if (rc != DB_OK)
		return rc;
	cur.db = db;
	cur.pg = pg;
	cur.ncols = ncols;
	cur.rc = DB_OK;
	buf_init(&cur.line);
	return DB_OK;
}

/* Appends v to the COPY line, escaped; NULL as \N. */
static void add_copy_text(struct buf *b, const char *v)
{
	if (!v) {
		buf_adds(b, "\\N");
		return;
	}
	for (; *v; v++) {
		switch (*v) {
		case '\\': buf_adds(b, "\\\\"); break;
		case '\t': buf_adds(b, "\\t"); break;
		case '\n': buf_adds(b, "\\n"); break;
		case '\r': buf_adds(b, "\\r"); break;
		default: buf_addch(b, *v);
		}
	}
}

/* Puts value i (0-based) of the row, of type `type`, into st (SQLite) or the line. */
static int put_value(struct db_stmt *st, int i, char type, va_list *ap)
{
	struct buf *b = &cur.line;
	if (!st && i > 0)
		buf_addch(b, '\t');
	switch (type) {
	case 'i': {
		int64_t v = va_arg(*ap, int64_t);
		if (st)
			return db_bind_int64(st, i + 1, v);
		buf_addf(b, "%" PRId64, v);
		return DB_OK;
	}
	case 'd': {
		double v = va_arg(*ap, double);
		if (st)
			return db_bind_double(st, i + 1, v);
		char num[32];
		db_pg_format_double(num, v);
		buf_adds(b, num);
		return DB_OK;
	}
	case 's': {
		const char *v = va_arg(*ap, const char *);
		if (st)
			return db_bind_text(st, i + 1, v);
		add_copy_text(b, v);
		return DB_OK;
	}
	case 'n':
		if (st)
			return db_bind_null(st, i + 1);
		add_copy_text(b, NULL);
		return DB_OK;
	default:
		return misuse("fmt letters are i, d, s and n");
	}
}

int db_copy_row(struct db *db, const char *fmt, ...)
{
	if (cur.db != db)
		return misuse("db_copy_row without db_copy_begin on this connection");
	if (cur.rc != DB_OK)
		return cur.rc;
	if ((int)strlen(fmt) != cur.ncols)
		return cur.rc = misuse("fmt has not one letter per column");
	struct db_stmt *st = NULL;
	if (!cur.pg) {
		st = db_prepare(db, cur.insert);
		if (!st)
			return cur.rc = db->lost ? DB_LOST : DB_ERROR;
	}
	buf_reset(&cur.line);
	va_list ap;
	va_start(ap, fmt);
	int rc = DB_OK;
	for (int i = 0; fmt[i] && rc == DB_OK; i++)
		rc = put_value(st, i, fmt[i], &ap);
	va_end(ap);
	if (rc == DB_OK && st) {
		rc = db_step(st);
		if (rc == DB_DONE || rc == DB_ROW)
			rc = DB_OK;
	} else if (rc == DB_OK) {
		buf_addch(&cur.line, '\n');
		if (PQputCopyData(db_pg_conn(db), cur.line.data, (int)cur.line.len) != 1)
			rc = db_pg_fail(db);
	}
	db_done(st);
	cur.rc = rc;
	return rc;
}

int db_copy_end(struct db *db)
{
	if (cur.db != db)
		return misuse("db_copy_end without db_copy_begin on this connection");
	int rc = cur.rc;
	if (cur.pg) {
		PGconn *conn = db_pg_conn(db);
		if (PQputCopyEnd(conn, rc == DB_OK ? NULL : "the program gave up the copy") != 1 &&
		    rc == DB_OK)
			rc = db_pg_fail(db);
		/* The COPY's own result, then NULL; nothing else can come after PQputCopyEnd. */
		PGresult *res;
		while ((res = PQgetResult(conn))) {
			ExecStatusType status = PQresultStatus(res);
			int res_rc = db_pg_check(db, res, PGRES_COMMAND_OK);
			if (rc == DB_OK)
				rc = res_rc;
			PQclear(res);
			if (status == PGRES_COPY_IN || status == PGRES_COPY_OUT)
				break; /* cannot happen; never spin on it */
		}
	}
	buf_release(&cur.line);
	memset(&cur, 0, sizeof cur);
	return rc;
}
