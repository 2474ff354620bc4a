/* Unit tests of the store/db.h API and store/db_copy.h, run on SQLite (a temporary file)
 * always and again on PostgreSQL when MEKTEP_PG_TEST holds a conninfo (else the
 * PostgreSQL half shows as SKIPPED). On PostgreSQL every test works in a schema of its
 * own (test_db_<pid>), so the database may be shared with other test programs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "store/db.h"
#include "store/db_copy.h"
#include "store/migrations.h"

static const char KAZAKH[] = "Әлібек Қожахметұлы";

struct fixture {
	int pg;
	char dir[64];      /* SQLite: the temporary folder */
	char path[96];     /* SQLite: the database file */
	char schema[40];   /* PostgreSQL: the test's schema */
	struct db *db;
};

static const char *pg_conninfo(void)
{
	const char *s = getenv("MEKTEP_PG_TEST");
	return s && *s ? s : NULL;
}

/* A connection to the test database with the fixture's schema first in the path. */
static struct db *open_pg(const struct fixture *f)
{
	char *err = NULL;
	struct db *db = db_open_pg(pg_conninfo(), &err);
	if (!db) {
		fprintf(stderr, "test_db: cannot open %s: %s\n", pg_conninfo(), err);
		free(err);
		return NULL;
	}
	char sql[128];
	snprintf(sql, sizeof sql, "SET search_path TO %s", f->schema);
	if (db_exec(db, sql) != DB_OK) {
		db_close(db);
		return NULL;
	}
	return db;
}

static int setup_sqlite(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	const char *tmp = getenv("TMPDIR");
	snprintf(f->dir, sizeof f->dir, "%s/mektep-test-db-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(f->dir)) {
		free(f);
		return -1;
	}
	snprintf(f->path, sizeof f->path, "%s/test.db", f->dir);
	char *err = NULL;
	f->db = db_open_sqlite(f->path, &err);
	free(err);
	*state = f;
	if (!f->db || migrations_apply(f->db, NULL) != 0)
		return -1;
	return 0;
}

static int teardown_sqlite(void **state)
{
	struct fixture *f = *state;
	db_close(f->db);
	const char *suffix[] = { "", "-wal", "-shm", "-journal" };
	for (size_t i = 0; i < sizeof suffix / sizeof *suffix; i++) {
		char p[128];
		snprintf(p, sizeof p, "%s%s", f->path, suffix[i]);
		unlink(p);
	}
	rmdir(f->dir);
	free(f);
	return 0;
}

/* Without MEKTEP_PG_TEST the state stays NULL and each test skips itself. */
static int setup_pg(void **state)
{
	*state = NULL;
	if (!pg_conninfo())
		return 0;
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	f->pg = 1;
	snprintf(f->schema, sizeof f->schema, "test_db_%ld", (long)getpid());
	*state = f;
	char *err = NULL;
	struct db *db = db_open_pg(pg_conninfo(), &err);
	if (!db) {
		fprintf(stderr, "test_db: cannot open %s: %s\n", pg_conninfo(), err);
		free(err);
		return -1;
	}
	char sql[160];
	snprintf(sql, sizeof sql, "DROP SCHEMA IF EXISTS %s CASCADE; CREATE SCHEMA %s",
		 f->schema, f->schema);
	int rc = db_exec(db, sql);
	db_close(db);
	if (rc != DB_OK)
		return -1;
	f->db = open_pg(f);
	if (!f->db || migrations_apply(f->db, NULL) != 0)
		return -1;
	return 0;
}

static int teardown_pg(void **state)
{
	struct fixture *f = *state;
	if (!f)
		return 0;
	db_close(f->db);
	f->db = open_pg(f);
	if (f->db) {
		char sql[96];
		snprintf(sql, sizeof sql, "DROP SCHEMA %s CASCADE", f->schema);
		db_exec(f->db, sql);
		db_close(f->db);
	}
	free(f);
	return 0;
}

/* The fixture's connection; skips the test when the engine is not there. */
static struct db *need_db(void **state)
{
	struct fixture *f = *state;
	if (!f)
		skip();
	return f->db;
}

static struct db *need_pg(void **state)
{
	struct fixture *f = *state;
	if (!f || !f->pg)
		skip();
	return f->db;
}

static int64_t insert_school(struct db *db, const char *code, const char *name)
{
	int64_t id = 0;
	int rc = db_query_int64(db, &id,
				"INSERT INTO schools (code, name_kk, name_ru, name_en, city_kk, city_ru,"
				" city_en, programme, created_at, updated_at)"
				" VALUES ($1, $2, $2, $2, 'Астана', 'Астана', 'Astana', 'nis', $3, $3)"
				" RETURNING id",
				"sss", code, name, "2025-09-01T08:00:00Z");
	assert_int_equal(rc, DB_ROW);
	return id;
}

static int64_t insert_person(struct db *db, const char *last, const char *first, const char *middle)
{
	int64_t id = 0;
	int rc = db_query_int64(db, &id,
				"INSERT INTO persons (last_name, first_name, middle_name, search_key,"
				" created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
				"sssss", last, first, middle, "key", "2025-09-01T08:00:00Z");
	assert_int_equal(rc, DB_ROW);
	return id;
}

static int64_t count_rows(struct db *db, const char *sql)
{
	int64_t n = -1;
	assert_int_equal(db_query_int64(db, &n, sql, NULL), DB_ROW);
	return n;
}

static void test_migrations(void **state)
{
	struct db *db = need_db(state);
	int latest = migrations_latest(db);
	assert_true(latest >= 1);
	assert_int_equal(migrations_current(db), latest);
	assert_int_equal(migrations_apply(db, NULL), 0); /* again: nothing to do */
	assert_int_equal(migrations_current(db), latest);
	int files = 0;
	for (const struct migration *m = migrations_all; m->engine; m++)
		files += strcmp(m->engine, strcmp(db_engine(db), "sqlite") == 0 ? "sqlite" : "pg") == 0;
	assert_int_equal(count_rows(db, "SELECT COUNT(*) FROM schema_migrations"), files);
	/* Every table of 001 is there under the same name on both engines. */
	static const char *const tables[] = {
		"SELECT COUNT(*) FROM schools", "SELECT COUNT(*) FROM academic_years",
		"SELECT COUNT(*) FROM persons", "SELECT COUNT(*) FROM staff",
		"SELECT COUNT(*) FROM staff_roles", "SELECT COUNT(*) FROM classes",
		"SELECT COUNT(*) FROM students", "SELECT COUNT(*) FROM student_representatives",
		"SELECT COUNT(*) FROM subjects", "SELECT COUNT(*) FROM users",
		"SELECT COUNT(*) FROM sessions", "SELECT COUNT(*) FROM audit_log",
	};
	for (size_t i = 0; i < sizeof tables / sizeof *tables; i++)
		assert_int_equal(count_rows(db, tables[i]), 0);
}

static void test_insert_returning(void **state)
{
	struct db *db = need_db(state);
	int64_t a = insert_school(db, "NIS-AST", "Астана НЗМ");
	int64_t b = insert_school(db, "NIS-ALM", "Алматы НЗМ");
	assert_true(a > 0);
	assert_true(b > a);
	struct db_stmt *st = db_prepare(db, "SELECT code, name_ru FROM schools WHERE id = $1");
	assert_non_null(st);
	assert_int_equal(db_bind_int64(st, 1, b), DB_OK);
	assert_int_equal(db_step(st), DB_ROW);
	assert_int_equal(db_column_count(st), 2);
	assert_string_equal(db_col_text(st, 0), "NIS-ALM");
	assert_string_equal(db_col_text(st, 1), "Алматы НЗМ");
	assert_int_equal(db_step(st), DB_DONE);
	db_done(st);
	/* 64-bit values survive (entity_id is BIGINT on PostgreSQL). */
	const int64_t big = INT64_C(9007199254740993);
	int64_t id = 0;
	assert_int_equal(db_query_int64(db, &id,
					"INSERT INTO audit_log (at, action, entity, entity_id)"
					" VALUES ($1, 'create', 'school', $2) RETURNING id",
					"si", "2025-09-01T08:00:00Z", big),
			 DB_ROW);
	int64_t got = 0;
	assert_int_equal(db_query_int64(db, &got, "SELECT entity_id FROM audit_log WHERE id = $1",
					"i", id),
			 DB_ROW);
	assert_true(got == big);
}

static void test_param_order(void **state)
{
	struct db *db = need_db(state);
	int64_t p1 = insert_person(db, "Сейітов", "Данияр", NULL);
	int64_t p2 = insert_person(db, "Сейітова", "Дана", NULL);
	struct db_stmt *st = db_prepare(db, "SELECT id, last_name FROM persons"
					    " WHERE first_name = $2 AND last_name = $1 AND id >= $3");
	assert_non_null(st);
	/* Bound in another order than written, each once. */
	assert_int_equal(db_bind_int64(st, 3, p1), DB_OK);
	assert_int_equal(db_bind_text(st, 2, "Дана"), DB_OK);
	assert_int_equal(db_bind_text(st, 1, "Сейітова"), DB_OK);
	assert_int_equal(db_step(st), DB_ROW);
	assert_true(db_col_int64(st, 0) == p2);
	assert_string_equal(db_col_text(st, 1), "Сейітова");
	assert_int_equal(db_step(st), DB_DONE);
	db_done(st);
	/* One parameter used twice; db_run with its fmt. */
	int64_t n = 0;
	assert_int_equal(db_query_int64(db, &n,
					"SELECT COUNT(*) FROM persons WHERE id = $1 OR (id > $1 AND last_name = $2)",
					"is", p1, "Сейітова"),
			 DB_ROW);
	assert_int_equal(n, 2);
	/* A length-limited bind takes only its bytes. */
	st = db_prepare(db, "SELECT id FROM persons WHERE first_name = $1");
	assert_non_null(st);
	assert_int_equal(db_bind_textn(st, 1, "Данияр and more", (int)strlen("Данияр")), DB_OK);
	assert_int_equal(db_step(st), DB_ROW);
	assert_true(db_col_int64(st, 0) == p1);
	db_done(st);
}

static void test_null(void **state)
{
	struct db *db = need_db(state);
	int64_t id = 0;
	assert_int_equal(db_query_int64(db, &id,
					"INSERT INTO persons (last_name, first_name, middle_name, iin,"
					" birth_date, search_key, created_at, updated_at)"
					" VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
					"ssnssss", "Ахметов", "Ерлан", /* 'n' takes no argument */ (const char *)NULL,
					"2010-05-17", "ахметов ерлан", "2025-09-01T08:00:00Z"),
			 DB_ROW);
	struct db_stmt *st = db_prepare(db, "SELECT middle_name, iin, birth_date FROM persons WHERE id = $1");
	assert_non_null(st);
	db_bind_int64(st, 1, id);
	assert_int_equal(db_step(st), DB_ROW);
	assert_true(db_col_is_null(st, 0));
	assert_null(db_col_text(st, 0));
	assert_true(db_col_is_null(st, 1));
	assert_null(db_col_text(st, 1));
	assert_int_equal(db_col_int64(st, 1), 0);
	assert_false(db_col_is_null(st, 2));
	assert_string_equal(db_col_text(st, 2), "2010-05-17");
	db_done(st);
	/* A NULL parameter matches nothing with '=', and IS NULL finds it. */
	int64_t n = -1;
	assert_int_equal(db_query_int64(db, &n, "SELECT COUNT(*) FROM persons WHERE iin = $1", "n"), DB_ROW);
	assert_int_equal(n, 0);
	assert_int_equal(db_query_int64(db, &n,
					"SELECT COUNT(*) FROM persons WHERE iin IS NULL AND middle_name IS NULL"
					" AND id = $1",
					"i", id),
			 DB_ROW);
	assert_int_equal(n, 1);
	/* Setting a value back to NULL through a bound NULL. */
	assert_int_equal(db_run(db, "UPDATE persons SET birth_date = $1 WHERE id = $2", "si",
				(const char *)NULL, id),
			 DB_DONE);
	assert_int_equal(count_rows(db, "SELECT COUNT(*) FROM persons WHERE birth_date IS NULL"), 1);
}

static void test_utf8(void **state)
{
	struct db *db = need_db(state);
	int64_t id = 0;
	assert_int_equal(db_query_int64(db, &id,
					"INSERT INTO persons (last_name, first_name, search_key, created_at,"
					" updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING id",
					"ssss", "Қожахметұлы", "Әлібек", KAZAKH, "2025-09-01T08:00:00Z"),
			 DB_ROW);
	struct db_stmt *st = db_prepare(db, "SELECT search_key, length(search_key), last_name"
					    " FROM persons WHERE search_key = $1");
	assert_non_null(st);
	db_bind_text(st, 1, KAZAKH);
	assert_int_equal(db_step(st), DB_ROW);
	assert_string_equal(db_col_text(st, 0), KAZAKH);
	assert_int_equal(strlen(db_col_text(st, 0)), strlen(KAZAKH));
	assert_int_equal(db_col_int64(st, 1), 18); /* characters, not bytes */
	assert_string_equal(db_col_text(st, 2), "Қожахметұлы");
	assert_int_equal(db_step(st), DB_DONE);
	db_done(st);
}

/* Steps sql (one parameter, the id to start from) to its end: how many rows; the
 * statement used goes to *used when not NULL. */
static int rows_from(struct db *db, const char *sql, int64_t id, struct db_stmt **used)
{
	struct db_stmt *st = db_prepare(db, sql);
	assert_non_null(st);
	if (used)
		*used = st;
	db_bind_int64(st, 1, id);
	int rows = 0;
	while (db_step(st) == DB_ROW)
		rows++;
	db_done(st);
	return rows;
}

static void test_statement_cache(void **state)
{
	struct db *db = need_db(state);
	int64_t ids[3];
	ids[0] = insert_school(db, "S1", "Бір");
	ids[1] = insert_school(db, "S2", "Екі");
	ids[2] = insert_school(db, "S3", "Үш");
	static const char sql[] = "SELECT id, code FROM schools WHERE id >= $1 ORDER BY id";

	/* The same SQL twice gives the cached statement back, also from another buffer. */
	struct db_stmt *a = db_prepare(db, sql);
	assert_non_null(a);
	db_done(a);
	char copy[sizeof sql];
	memcpy(copy, sql, sizeof sql);
	struct db_stmt *b = db_prepare(db, copy);
	assert_ptr_equal(a, b);
	db_done(b);

	/* Re-executed with other binds, it gives the new rows. */
	for (int i = 0; i < 3; i++)
		assert_int_equal(rows_from(db, sql, ids[i], NULL), 3 - i);

	/* Nested: the same SQL while the cached statement is in use gets its own. */
	struct db_stmt *outer = db_prepare(db, sql);
	db_bind_int64(outer, 1, ids[0]);
	int outer_rows = 0;
	while (db_step(outer) == DB_ROW) {
		assert_true(db_col_int64(outer, 0) == ids[outer_rows]);
		struct db_stmt *inner = NULL;
		assert_int_equal(rows_from(db, sql, ids[outer_rows], &inner), 3 - outer_rows);
		assert_ptr_not_equal(inner, outer);
		/* The outer row is still the one it was. */
		char code[4];
		snprintf(code, sizeof code, "S%d", outer_rows + 1);
		assert_string_equal(db_col_text(outer, 1), code);
		outer_rows++;
	}
	assert_int_equal(outer_rows, 3);
	db_done(outer);
	assert_ptr_equal(db_prepare(db, sql), outer);
	db_done(outer);
}

static void test_constraint(void **state)
{
	struct db *db = need_db(state);
	int64_t school = insert_school(db, "NIS-KST", "Қостанай");
	static const char ins[] = "INSERT INTO schools (code, name_kk, name_ru, name_en, city_kk,"
				  " city_ru, city_en, programme, created_at, updated_at)"
				  " VALUES ($1, 'a', 'a', 'a', 'a', 'a', 'a', $2, 'now', 'now')";
	assert_int_equal(db_run(db, ins, "ss", "NIS-KST", "nis"), DB_CONSTRAINT); /* UNIQUE */
	assert_int_equal(db_run(db, ins, "ss", "NIS-X", "zzz"), DB_CONSTRAINT);   /* CHECK */
	assert_int_equal(db_run(db, ins, "ss", (const char *)NULL, "nis"), DB_CONSTRAINT); /* NOT NULL */
	int64_t person = insert_person(db, "Нұрланов", "Асқар", NULL);
	assert_int_equal(db_run(db, "INSERT INTO staff (person_id, school_id, created_at, updated_at)"
				    " VALUES ($1, $2, 'now', 'now')",
				"ii", person, school + 1000),
			 DB_CONSTRAINT); /* FOREIGN KEY */
	assert_non_null(db_errmsg(db));
	/* The connection goes on working, with only the first school in. */
	assert_int_equal(db_run(db, ins, "ss", "NIS-PVL", "ib"), DB_DONE);
	assert_int_equal(count_rows(db, "SELECT COUNT(*) FROM schools"), 2);
	/* db_exec maps the same way. */
	assert_int_equal(db_exec(db, "UPDATE schools SET code = 'NIS-KST' WHERE code = 'NIS-PVL'"),
			 DB_CONSTRAINT);
}

static void test_transactions(void **state)
{
	struct db *db = need_db(state);
	assert_int_equal(db_begin(db), DB_OK);
	insert_school(db, "T1", "Бір");
	insert_school(db, "T2", "Екі");
	assert_int_equal(count_rows(db, "SELECT COUNT(*) FROM schools"), 2);
	assert_int_equal(db_rollback(db), DB_OK);
	assert_int_equal(count_rows(db, "SELECT COUNT(*) FROM schools"), 0);

	assert_int_equal(db_begin_write(db), DB_OK);
	insert_school(db, "T3", "Үш");
	assert_int_equal(db_commit(db), DB_OK);
	assert_int_equal(count_rows(db, "SELECT COUNT(*) FROM schools"), 1);

	/* A refused write inside a transaction, then a rollback: nothing of it stays and
	 * the connection is usable (PostgreSQL aborts the whole transaction). */
	assert_int_equal(db_begin(db), DB_OK);
	insert_school(db, "T4", "Төрт");
	int64_t id;
	assert_int_equal(db_query_int64(db, &id,
					"INSERT INTO schools (code, name_kk, name_ru, name_en, city_kk,"
					" city_ru, city_en, programme, created_at, updated_at) VALUES"
					" ($1, 'a', 'a', 'a', 'a', 'a', 'a', 'nis', 'now', 'now') RETURNING id",
					"s", "T3"),
			 DB_CONSTRAINT);
	assert_int_equal(db_rollback(db), DB_OK);
	assert_int_equal(db_rollback(db), DB_OK); /* outside a transaction: nothing */
	assert_int_equal(count_rows(db, "SELECT COUNT(*) FROM schools"), 1);
}

static void test_copy(void **state)
{
	struct db *db = need_db(state);
	assert_int_equal(db_exec(db, "CREATE TABLE copy_t (n BIGINT, x DOUBLE PRECISION, s TEXT,"
				     " u TEXT UNIQUE)"),
			 DB_OK);
	static const char *const texts[] = {
		"tab\there", "new\nline\r\n", "back\\slash \\N \\t", KAZAKH, "", "\\",
	};
	const int ntexts = (int)(sizeof texts / sizeof *texts);
	assert_int_equal(db_begin(db), DB_OK);
	assert_int_equal(db_copy_begin(db, "copy_t", "n, x, s,u"), DB_OK);
	for (int i = 0; i < ntexts; i++) {
		char u[16];
		snprintf(u, sizeof u, "u%d", i);
		assert_int_equal(db_copy_row(db, "idss", (int64_t)i, i * 0.1, texts[i], u), DB_OK);
	}
	assert_int_equal(db_copy_row(db, "nnns", NULL), DB_OK); /* 'n' takes no argument */
	assert_int_equal(db_copy_row(db, "idsn", INT64_MAX, -1e300, (const char *)NULL), DB_OK);
	for (int i = 0; i < 2000; i++) {
		char s[32], u[16];
		snprintf(s, sizeof s, "row %d", i);
		snprintf(u, sizeof u, "bulk%d", i);
		assert_int_equal(db_copy_row(db, "idss", (int64_t)(1000 + i), 0.5, s, u), DB_OK);
	}
	assert_int_equal(db_copy_end(db), DB_OK);
	assert_int_equal(db_commit(db), DB_OK);

	assert_int_equal(count_rows(db, "SELECT COUNT(*) FROM copy_t"), ntexts + 2 + 2000);
	struct db_stmt *st = db_prepare(db, "SELECT n, x, s FROM copy_t WHERE u = $1");
	for (int i = 0; i < ntexts; i++) {
		char u[16];
		snprintf(u, sizeof u, "u%d", i);
		db_bind_text(st, 1, u);
		assert_int_equal(db_step(st), DB_ROW);
		assert_int_equal(db_col_int64(st, 0), i);
		assert_true(db_col_double(st, 1) == i * 0.1);
		assert_string_equal(db_col_text(st, 2), texts[i]);
		db_done(st);
		st = db_prepare(db, "SELECT n, x, s FROM copy_t WHERE u = $1");
	}
	db_done(st);
	st = db_prepare(db, "SELECT n, x, s, u FROM copy_t WHERE n IS NULL");
	assert_int_equal(db_step(st), DB_ROW);
	for (int col = 0; col < 4; col++)
		assert_true(db_col_is_null(st, col));
	assert_int_equal(db_step(st), DB_DONE);
	db_done(st);
	st = db_prepare(db, "SELECT n, x, s, u FROM copy_t WHERE n > 1000000");
	assert_int_equal(db_step(st), DB_ROW);
	assert_true(db_col_int64(st, 0) == INT64_MAX);
	assert_true(db_col_double(st, 1) == -1e300);
	assert_null(db_col_text(st, 2));
	assert_null(db_col_text(st, 3));
	assert_int_equal(db_step(st), DB_DONE);
	db_done(st);

	/* A duplicate fails the copy (at the row on SQLite, at the end on PostgreSQL); the
	 * caller rolls back and nothing of it stays. */
	assert_int_equal(db_begin(db), DB_OK);
	assert_int_equal(db_copy_begin(db, "copy_t", "n, u"), DB_OK);
	db_copy_row(db, "is", (int64_t)1, "fresh");
	db_copy_row(db, "is", (int64_t)2, "u0");
	assert_int_equal(db_copy_end(db), DB_CONSTRAINT);
	assert_int_equal(db_rollback(db), DB_OK);
	assert_int_equal(count_rows(db, "SELECT COUNT(*) FROM copy_t"), ntexts + 2 + 2000);

	/* Misuse is refused, not run: a row of the wrong arity, names that are not names. */
	assert_int_equal(db_copy_begin(db, "copy_t; DROP TABLE copy_t", "n"), DB_ERROR);
	assert_int_equal(db_copy_begin(db, "copy_t", "n) FROM STDIN; --"), DB_ERROR);
	assert_int_equal(db_copy_begin(db, "copy_t", "n"), DB_OK);
	assert_int_equal(db_copy_begin(db, "copy_t", "n"), DB_ERROR); /* one at a time */
	assert_int_equal(db_copy_row(db, "ii", (int64_t)1, (int64_t)2), DB_ERROR);
	assert_int_equal(db_copy_end(db), DB_ERROR);
	assert_int_equal(count_rows(db, "SELECT COUNT(*) FROM copy_t"), ntexts + 2 + 2000);
}

/* PostgreSQL only: the session is UTF-8 and UTC whatever the server's defaults, and a
 * boolean column reads as 0/1. */
static void test_pg_session(void **state)
{
	struct db *db = need_pg(state);
	struct db_stmt *st = db_prepare(db, "SELECT current_setting('TimeZone'),"
					    " current_setting('client_encoding'), 1 = 1, 1 = 2, 2.5::numeric");
	assert_int_equal(db_step(st), DB_ROW);
	assert_string_equal(db_col_text(st, 0), "UTC");
	assert_string_equal(db_col_text(st, 1), "UTF8");
	assert_int_equal(db_col_int64(st, 2), 1);
	assert_int_equal(db_col_int64(st, 3), 0);
	assert_int_equal(db_col_int64(st, 4), 2);
	assert_true(db_col_double(st, 4) == 2.5);
	db_done(st);
	assert_string_equal(db_engine(db), "postgresql");
	assert_int_equal(db_ping(db), DB_OK);
}

/* PostgreSQL only: a serialization failure is DB_BUSY (the caller may retry). */
static void test_pg_busy(void **state)
{
	struct db *db = need_pg(state);
	int64_t id = insert_school(db, "B1", "Бір");
	struct db *other = open_pg(*state);
	assert_non_null(other);
	assert_int_equal(db_begin(db), DB_OK);
	assert_int_equal(db_exec(db, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"), DB_OK);
	assert_int_equal(count_rows(db, "SELECT COUNT(*) FROM schools"), 1); /* the snapshot */
	assert_int_equal(db_run(other, "UPDATE schools SET name_kk = 'екі' WHERE id = $1", "i", id), DB_DONE);
	assert_int_equal(db_run(db, "UPDATE schools SET name_kk = 'үш' WHERE id = $1", "i", id), DB_BUSY);
	assert_int_equal(db_rollback(db), DB_OK);
	db_close(other);
}

/* PostgreSQL only: the server ends the session (pg_terminate_backend from a second
 * connection); every call then says DB_LOST, none crashes, and a new connection works. */
static void test_pg_lost(void **state)
{
	struct fixture *f = *state;
	struct db *db = need_pg(state);
	insert_school(db, "L1", "Бір");
	static const char sql[] = "SELECT code FROM schools WHERE code = $1";
	assert_int_equal(db_run(db, sql, "s", "L1"), DB_ROW); /* prepared on the server now */
	int64_t pid = 0;
	assert_int_equal(db_query_int64(db, &pid, "SELECT pg_backend_pid()", NULL), DB_ROW);

	struct db *killer = open_pg(f);
	assert_non_null(killer);
	int64_t killed = 0;
	assert_int_equal(db_query_int64(killer, &killed, "SELECT pg_terminate_backend($1, 5000)", "i", pid),
			 DB_ROW);
	assert_int_equal(killed, 1);
	db_close(killer);

	assert_int_equal(db_begin(db), DB_LOST);
	assert_int_equal(db->lost, 1);
	struct db_stmt *st = db_prepare(db, sql); /* prepared before: PQexecPrepared */
	assert_non_null(st);
	db_bind_text(st, 1, "L1");
	assert_int_equal(db_step(st), DB_LOST);
	assert_null(db_col_text(st, 0));
	db_done(st);
	st = db_prepare(db, "SELECT name_kk FROM schools WHERE code = $1"); /* new: PQprepare */
	assert_non_null(st);
	db_bind_text(st, 1, "L1");
	assert_int_equal(db_step(st), DB_LOST);
	db_done(st);
	assert_int_equal(db_exec(db, "SELECT 1"), DB_LOST);
	assert_int_equal(db_ping(db), DB_LOST);
	assert_int_equal(db_copy_begin(db, "schools", "code"), DB_LOST);
	assert_non_null(db_errmsg(db));
	assert_int_equal(db_rollback(db), DB_OK); /* nothing to roll back on a lost connection */

	/* The owner reconnects. */
	db_close(db);
	f->db = db = open_pg(f);
	assert_non_null(db);
	assert_int_equal(db_ping(db), DB_OK);
	assert_int_equal(db->lost, 0);
	assert_int_equal(db_run(db, sql, "s", "L1"), DB_ROW);
}

/* Each test under the engine's name ("sqlite/test_null"), so a report tells them apart. */
#define T(engine, t, setup, teardown) { engine "/" #t, t, setup, teardown, NULL }
#define TESTS(engine, setup, teardown)                                      \
	{                                                                   \
		T(engine, test_migrations, setup, teardown),                \
		T(engine, test_insert_returning, setup, teardown),          \
		T(engine, test_param_order, setup, teardown),               \
		T(engine, test_null, setup, teardown),                      \
		T(engine, test_utf8, setup, teardown),                      \
		T(engine, test_statement_cache, setup, teardown),           \
		T(engine, test_constraint, setup, teardown),                \
		T(engine, test_transactions, setup, teardown),              \
		T(engine, test_copy, setup, teardown),                      \
	}

int main(void)
{
	const struct CMUnitTest sqlite_tests[] = TESTS("sqlite", setup_sqlite, teardown_sqlite);
	const struct CMUnitTest pg_common[] = TESTS("postgresql", setup_pg, teardown_pg);
	const struct CMUnitTest pg_only[] = {
		T("postgresql", test_pg_session, setup_pg, teardown_pg),
		T("postgresql", test_pg_busy, setup_pg, teardown_pg),
		T("postgresql", test_pg_lost, setup_pg, teardown_pg),
	};
	if (!pg_conninfo())
		fprintf(stderr, "test_db: MEKTEP_PG_TEST is not set: the PostgreSQL tests are SKIPPED\n");
	int failed = cmocka_run_group_tests_name("db on sqlite", sqlite_tests, NULL, NULL);
	failed += cmocka_run_group_tests_name("db on postgresql", pg_common, NULL, NULL);
	failed += cmocka_run_group_tests_name("db on postgresql only", pg_only, NULL, NULL);
	return failed ? 1 : 0;
}
