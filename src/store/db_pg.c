/* db_pg — the PostgreSQL driver of db.h, over libpq.
 *
 * A statement is prepared on the server (PQprepare, a name unique on the connection)
 * the first time a cached statement is stepped, and executed with PQexecPrepared on
 * the first db_step after its binds; the rows are then walked in the PGresult. A
 * statement db.c does not cache (the nested use of a SQL text already in use) lives
 * for one execution only, so it runs as PQexecParams on the unnamed statement and
 * leaves nothing behind on the server. Parameters and columns travel as text: the
 * server casts '42' to the column's type, and col_int64 parses.
 *
 * Errors: SQLSTATE class 23 is DB_CONSTRAINT, 40001 and 40P01 are DB_BUSY, and a
 * connection that is gone is DB_LOST (db->lost set): the caller reconnects. Nothing
 * here dereferences a result it did not check, so a dropped connection never crashes. */
#include "store/db_pg.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pg_db {
	struct db base; /* first: a struct pg_db is a struct db */
	PGconn *conn;
	unsigned next_name; /* for unique prepared-statement names */
	char err[512];      /* the last failure, for errmsg */
};

struct pg_param {
	char *text;    /* the value as sent; NULL for SQL NULL */
	char num[32];  /* storage for numbers (text points here) */
};

struct pg_stmt {
	struct db_stmt base; /* first */
	char name[24];       /* "" until prepared on the server */
	int nparams;
	struct pg_param *params;
	const char **values; /* nparams pointers handed to libpq */
	PGresult *res;       /* rows of the last execution, or NULL */
	int executed;
	int row;             /* the current row in res */
};

static const struct db_methods pg_methods;

static struct pg_db *pg_of(struct db *db) { return (struct pg_db *)db; }
static struct pg_stmt *stmt_of(struct db_stmt *st) { return (struct pg_stmt *)st; }

static void set_err(struct pg_db *db, const char *msg)
{
	snprintf(db->err, sizeof db->err, "%s", msg && *msg ? msg : "unknown PostgreSQL error");
	size_t n = strlen(db->err);
	while (n && (db->err[n - 1] == '\n' || db->err[n - 1] == ' '))
		db->err[--n] = '\0';
}

static int is_lost_state(const char *state)
{
	/* 08: connection exception; 57P01/57P02: the server ended the session. */
	return strncmp(state, "08", 2) == 0 || strcmp(state, "57P01") == 0 ||
	       strcmp(state, "57P02") == 0;
}

PGconn *db_pg_conn(struct db *db)
{
	return db && db->m == &pg_methods ? pg_of(db)->conn : NULL;
}

int db_pg_fail(struct db *db)
{
	struct pg_db *p = pg_of(db);
	set_err(p, PQerrorMessage(p->conn));
	if (PQstatus(p->conn) == CONNECTION_BAD) {
		db->lost = 1;
		return DB_LOST;
	}
	return DB_ERROR;
}

int db_pg_check(struct db *db, const PGresult *res, ExecStatusType want)
{
	if (res && PQresultStatus(res) == want)
		return DB_OK;
	struct pg_db *p = pg_of(db);
	if (!res)
		return db_pg_fail(db);
	/* One line: the primary message and its detail ("Key (code)=(X) already exists."). */
	const char *primary = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
	const char *detail = PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL);
	if (primary && detail)
		snprintf(p->err, sizeof p->err, "%s: %s", primary, detail);
	else
		set_err(p, primary ? primary : PQresultErrorMessage(res));
	const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	if (PQstatus(p->conn) == CONNECTION_BAD || (state && is_lost_state(state))) {
		db->lost = 1;
		return DB_LOST;
	}
	if (!state)
		return DB_ERROR;
	if (strncmp(state, "23", 2) == 0)
		return DB_CONSTRAINT;
	if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0)
		return DB_BUSY;
	return DB_ERROR;
}

/* Notices ("relation already exists, skipping") are not for the terminal; warnings are. */
static void on_notice(void *arg, const PGresult *res)
{
	const char *severity = PQresultErrorField(res, PG_DIAG_SEVERITY_NONLOCALIZED);
	if (severity && strcmp(severity, "WARNING") == 0)
		fprintf(stderr, "mektep: postgresql: %s", PQresultErrorMessage(res));
}

struct db *db_open_pg(const char *conninfo, char **err)
{
	/* conninfo is expanded in place of dbname; the keys after it override it. */
	const char *keys[] = {"dbname", "client_encoding", "fallback_application_name", NULL};
	const char *values[] = {conninfo ? conninfo : "", "UTF8", "mektep", NULL};
	PGconn *conn = PQconnectdbParams(keys, values, 1);
	struct pg_db *db = calloc(1, sizeof *db);
	if (!conn || !db || PQstatus(conn) != CONNECTION_OK) {
		if (err) {
			char msg[512];
			snprintf(msg, sizeof msg, "%s", conn && db ? PQerrorMessage(conn) : "out of memory");
			msg[strcspn(msg, "\n")] = '\0';
			*err = strdup(msg);
		}
		PQfinish(conn);
		free(db);
		return NULL;
	}
	db->base.m = &pg_methods;
	db->conn = conn;
	PQsetNoticeReceiver(conn, on_notice, NULL);
	PGresult *res = PQexec(conn, "SET TimeZone = 'UTC'");
	int rc = db_pg_check(&db->base, res, PGRES_COMMAND_OK);
	PQclear(res);
	if (rc != DB_OK) {
		if (err)
			*err = strdup(db->err);
		PQfinish(conn);
		free(db);
		return NULL;
	}
	return &db->base;
}

static void p_close(struct db *db)
{
	PQfinish(pg_of(db)->conn);
	free(db);
}

static int p_exec(struct db *db, const char *sql)
{
	PGresult *res = PQexec(pg_of(db)->conn, sql);
	ExecStatusType status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
	int rc = DB_OK;
	if (status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY)
		rc = db_pg_check(db, res, PGRES_COMMAND_OK);
	PQclear(res);
	return rc;
}

/* The highest `$N` in sql outside quotes, comments and dollar-quoted strings: how many
 * parameters the server will expect. */
static int count_params(const char *sql)
{
	int max = 0;
	const char *p = sql;
	while (*p) {
		if (*p == '\'' || *p == '"') {
			const char *close = strchr(p + 1, *p);
			p = close ? close + 1 : p + strlen(p);
		} else if (p[0] == '-' && p[1] == '-') {
			p += strcspn(p, "\n");
		} else if (p[0] == '/' && p[1] == '*') {
			const char *close = strstr(p + 2, "*/");
			p = close ? close + 2 : p + strlen(p);
		} else if (*p == '$' && p[1] >= '0' && p[1] <= '9') {
			char *end;
			long n = strtol(p + 1, &end, 10);
			if (n > max && n <= 65535)
				max = (int)n;
			p = end;
		} else if (*p == '$') {
			/* $tag$ … $tag$ (tag possibly empty) */
			size_t len = 1 + strspn(p + 1, "abcdefghijklmnopqrstuvwxyz"
						 "ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789");
			if (p[len] != '$') {
				p += len;
				continue;
			}
			char tag[72];
			if (len + 1 >= sizeof tag) {
				p += len + 1;
				continue;
			}
			memcpy(tag, p, len + 1);
			tag[len + 1] = '\0';
			const char *close = strstr(p + len + 1, tag);
			p = close ? close + len + 1 : p + strlen(p);
		} else {
			p++;
		}
	}
	return max;
}

static struct db_stmt *p_prepare(struct db *db, const char *sql)
{
	struct pg_stmt *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->nparams = count_params(sql);
	s->row = -1;
	if (s->nparams) {
		s->params = calloc((size_t)s->nparams, sizeof *s->params);
		s->values = calloc((size_t)s->nparams, sizeof *s->values);
		if (!s->params || !s->values) {
			free(s->params);
			free(s->values);
			free(s);
			return NULL;
		}
	}
	return &s->base;
}

/* The parameter idx (1-based) emptied of its old value, or NULL when out of range. */
static struct pg_param *param(struct db_stmt *st, int idx)
{
	struct pg_stmt *s = stmt_of(st);
	if (idx < 1 || idx > s->nparams) {
		snprintf(pg_of(st->db)->err, sizeof pg_of(st->db)->err,
			 "parameter $%d out of range (the statement has %d)", idx, s->nparams);
		return NULL;
	}
	struct pg_param *p = &s->params[idx - 1];
	if (p->text != p->num)
		free(p->text);
	p->text = NULL;
	return p;
}

static int p_bind_null(struct db_stmt *st, int idx)
{
	return param(st, idx) ? DB_OK : DB_ERROR;
}

static int p_bind_int64(struct db_stmt *st, int idx, int64_t v)
{
	struct pg_param *p = param(st, idx);
	if (!p)
		return DB_ERROR;
	snprintf(p->num, sizeof p->num, "%" PRId64, v);
	p->text = p->num;
	return DB_OK;
}

void db_pg_format_double(char out[32], double v)
{
	if (isnan(v))
		strcpy(out, "NaN");
	else if (isinf(v))
		strcpy(out, v > 0 ? "Infinity" : "-Infinity");
	else
		snprintf(out, 32, "%.17g", v); /* round-trips every double */
}

static int p_bind_double(struct db_stmt *st, int idx, double v)
{
	struct pg_param *p = param(st, idx);
	if (!p)
		return DB_ERROR;
	db_pg_format_double(p->num, v);
	p->text = p->num;
	return DB_OK;
}

static int p_bind_text(struct db_stmt *st, int idx, const char *v, int len)
{
	struct pg_param *p = param(st, idx);
	if (!p)
		return DB_ERROR;
	size_t n = len < 0 ? strlen(v) : (size_t)len;
	p->text = malloc(n + 1);
	if (!p->text) {
		snprintf(pg_of(st->db)->err, sizeof pg_of(st->db)->err, "out of memory");
		return DB_ERROR;
	}
	memcpy(p->text, v, n);
	p->text[n] = '\0';
	return DB_OK;
}

/* Runs the statement with its binds; leaves the rows in s->res. */
static int execute(struct pg_stmt *s)
{
	struct pg_db *db = pg_of(s->base.db);
	for (int i = 0; i < s->nparams; i++)
		s->values[i] = s->params[i].text;
	PGresult *res;
	if (s->base.cached) {
		if (!s->name[0]) {
			char name[sizeof s->name];
			snprintf(name, sizeof name, "mektep_%u", ++db->next_name);
			res = PQprepare(db->conn, name, s->base.sql, s->nparams, NULL);
			int rc = db_pg_check(&db->base, res, PGRES_COMMAND_OK);
			PQclear(res);
			if (rc != DB_OK)
				return rc;
			memcpy(s->name, name, sizeof name);
		}
		res = PQexecPrepared(db->conn, s->name, s->nparams, s->values, NULL, NULL, 0);
	} else {
		res = PQexecParams(db->conn, s->base.sql, s->nparams, NULL, s->values, NULL, NULL, 0);
	}
	ExecStatusType status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
	if (status == PGRES_TUPLES_OK) {
		s->res = res;
		return DB_OK;
	}
	int rc = status == PGRES_EMPTY_QUERY ? DB_OK : db_pg_check(&db->base, res, PGRES_COMMAND_OK);
	PQclear(res);
	return rc;
}

static int p_step(struct db_stmt *st)
{
	struct pg_stmt *s = stmt_of(st);
	if (!s->executed) {
		int rc = execute(s);
		if (rc != DB_OK)
			return rc;
		s->executed = 1;
		s->row = -1;
	}
	if (!s->res || s->row + 1 >= PQntuples(s->res)) {
		s->row = s->res ? PQntuples(s->res) : -1;
		return DB_DONE;
	}
	s->row++;
	return DB_ROW;
}

static int p_column_count(struct db_stmt *st)
{
	struct pg_stmt *s = stmt_of(st);
	return s->res ? PQnfields(s->res) : 0;
}

/* The text of column col in the current row, or NULL (no row, no such column, NULL). */
static const char *value(struct db_stmt *st, int col)
{
	struct pg_stmt *s = stmt_of(st);
	if (!s->res || s->row < 0 || s->row >= PQntuples(s->res) || col < 0 ||
	    col >= PQnfields(s->res) || PQgetisnull(s->res, s->row, col))
		return NULL;
	return PQgetvalue(s->res, s->row, col);
}

static int p_col_is_null(struct db_stmt *st, int col) { return value(st, col) == NULL; }

static int64_t p_col_int64(struct db_stmt *st, int col)
{
	const char *v = value(st, col);
	if (!v)
		return 0;
	if (strcmp(v, "t") == 0) /* a boolean expression */
		return 1;
	char *end;
	long long n = strtoll(v, &end, 10);
	if (*end == '.' || *end == 'e' || *end == 'E') /* numeric or float: truncate */
		return (int64_t)strtod(v, NULL);
	return n;
}

static double p_col_double(struct db_stmt *st, int col)
{
	const char *v = value(st, col);
	return v ? strtod(v, NULL) : 0.0;
}

static const char *p_col_text(struct db_stmt *st, int col) { return value(st, col); }

static void p_reset(struct db_stmt *st)
{
	struct pg_stmt *s = stmt_of(st);
	PQclear(s->res);
	s->res = NULL;
	s->executed = 0;
	s->row = -1;
	for (int i = 0; i < s->nparams; i++) {
		if (s->params[i].text != s->params[i].num)
			free(s->params[i].text);
		s->params[i].text = NULL;
	}
}

/* The server's prepared statement dies with the connection: a cached statement is
 * finalized only by db_close, and an uncached one never had a name. */
static void p_finalize(struct db_stmt *st)
{
	struct pg_stmt *s = stmt_of(st);
	p_reset(st);
	free(s->params);
	free(s->values);
	free(s);
}

static const char *p_errmsg(struct db *db)
{
	struct pg_db *p = pg_of(db);
	if (p->err[0])
		return p->err;
	const char *msg = PQerrorMessage(p->conn);
	return msg && *msg ? msg : "no error";
}

static int p_ping(struct db *db)
{
	struct pg_db *p = pg_of(db);
	if (PQstatus(p->conn) == CONNECTION_BAD) {
		set_err(p, "the connection to the PostgreSQL server is lost");
		db->lost = 1;
		return DB_LOST;
	}
	PGresult *res = PQexec(p->conn, "SELECT 1");
	int rc = db_pg_check(db, res, PGRES_TUPLES_OK);
	PQclear(res);
	return rc;
}

static const struct db_methods pg_methods = {
	.version = 1,
	.engine = "postgresql",
	.close = p_close,
	.exec = p_exec,
	.prepare = p_prepare,
	.bind_null = p_bind_null,
	.bind_int64 = p_bind_int64,
	.bind_double = p_bind_double,
	.bind_text = p_bind_text,
	.step = p_step,
	.column_count = p_column_count,
	.col_is_null = p_col_is_null,
	.col_int64 = p_col_int64,
	.col_double = p_col_double,
	.col_text = p_col_text,
	.reset = p_reset,
	.finalize = p_finalize,
	.errmsg = p_errmsg,
	.ping = p_ping,
};
