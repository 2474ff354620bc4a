/* Unit tests of src/demo/: a 2-school demo network in a temporary SQLite file, checked
 * with SQL — sizes, valid and unique IINs agreeing with birth date and sex, families,
 * staff roles, the demo sign-ins, the timetables, the journal up to a pinned today — and
 * the same seed giving the same network. The journal's checks run again on PostgreSQL
 * when MEKTEP_PG_TEST holds a conninfo (in a schema of their own). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/elective.h"
#include "core/iin.h"
#include "demo/demo.h"
#include "demo/names.h"
#include "store/db.h"
#include "store/migrations.h"
#include "store/users.h"
#include "util/password.h"
#include "util/utf8.h"

#define SEED 7
#define TODAY "2026-11-26"       /* the demo's today: a Thursday of quarter 2 */
#define LATE_FROM "2026-11-12"   /* today less DEMO_JOURNAL_LATE_DAYS */

/* A demo database made for the tests: its file (or PostgreSQL schema) and connection. */
struct demo_db {
	char path[64];
	char schema[40];
	struct db *db;
	struct demo_summary sum;
};

static struct demo_db main_db; /* SEED, 2 schools, TODAY: what most tests read */

/* Creates a temporary database with the demo network of `schools` schools, its journal
 * filled before `today`. */
static int make_demo_on(struct demo_db *d, uint64_t seed, int schools, const char *today)
{
	memset(d, 0, sizeof *d);
	snprintf(d->path, sizeof d->path, "/tmp/mektep-test-demo-XXXXXX");
	int fd = mkstemp(d->path);
	if (fd < 0)
		return -1;
	close(fd);
	char *err = NULL;
	d->db = db_open_sqlite(d->path, &err);
	free(err);
	if (!d->db || migrations_apply(d->db, NULL) != 0)
		return -1;
	struct demo_options opt = {.schools = schools, .seed = seed, .today = today};
	return demo_generate(d->db, &opt, &d->sum);
}

static int make_demo(struct demo_db *d, uint64_t seed, int schools)
{
	return make_demo_on(d, seed, schools, TODAY);
}

/* The same on PostgreSQL, in a schema of its own; 1 when MEKTEP_PG_TEST is not set. */
static int make_demo_pg(struct demo_db *d, uint64_t seed, int schools, const char *today)
{
	const char *conninfo = getenv("MEKTEP_PG_TEST");
	if (!conninfo || !*conninfo)
		return 1;
	memset(d, 0, sizeof *d);
	snprintf(d->schema, sizeof d->schema, "test_demo_%ld", (long)getpid());
	char *err = NULL;
	d->db = db_open_pg(conninfo, &err);
	free(err);
	if (!d->db)
		return -1;
	char sql[200];
	snprintf(sql, sizeof sql, "DROP SCHEMA IF EXISTS %s CASCADE; CREATE SCHEMA %s; SET search_path TO %s",
		 d->schema, d->schema, d->schema);
	if (db_exec(d->db, sql) != DB_OK || migrations_apply(d->db, NULL) != 0)
		return -1;
	struct demo_options opt = {.schools = schools, .seed = seed, .today = today};
	return demo_generate(d->db, &opt, &d->sum);
}

/* Closes the database and removes its files (or its schema). */
static void drop_demo(struct demo_db *d)
{
	char side[80];
	if (d->schema[0]) {
		char sql[96];
		snprintf(sql, sizeof sql, "DROP SCHEMA %s CASCADE", d->schema);
		db_exec(d->db, sql);
		db_close(d->db);
		d->db = NULL;
		return;
	}
	db_close(d->db);
	d->db = NULL;
	unlink(d->path);
	snprintf(side, sizeof side, "%s-wal", d->path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", d->path);
	unlink(side);
}

static int setup(void **state)
{
	(void)state;
	if (password_init() != 0)
		return -1;
	return make_demo(&main_db, SEED, 2) == DEMO_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	drop_demo(&main_db);
	return 0;
}

/* One integer from a query without parameters; fails the test when there is none. */
static int64_t q(const char *sql)
{
	int64_t v = -1;
	assert_int_equal(db_query_int64(main_db.db, &v, sql, ""), DB_ROW);
	return v;
}

static void test_counts(void **state)
{
	(void)state;
	const struct demo_summary *s = &main_db.sum;
	assert_int_equal(s->schools, 2);
	assert_int_equal(q("SELECT COUNT(*) FROM schools"), 2);
	assert_int_equal(q("SELECT COUNT(*) FROM academic_years WHERE name = '2026-2027'"
			   " AND status = 'current' AND starts_on = '2026-09-01' AND ends_on = '2027-05-25'"), 2);
	int64_t classes = q("SELECT COUNT(*) FROM classes");
	assert_int_equal(classes, s->classes);
	assert_in_range(classes, 2 * 6 * 4, 2 * 6 * 6);
	/* 4–6 classes per grade and school, 20–26 students per class. */
	assert_int_equal(q("SELECT COUNT(*) FROM (SELECT school_id, grade, COUNT(*) AS n FROM classes"
			   " GROUP BY school_id, grade) WHERE n < 4 OR n > 6"), 0);
	assert_int_equal(q("SELECT COUNT(*) FROM classes c WHERE (SELECT COUNT(*) FROM students s"
			   " WHERE s.class_id = c.id) NOT BETWEEN 20 AND 26"), 0);
	int64_t students = q("SELECT COUNT(*) FROM students");
	assert_int_equal(students, s->students);
	assert_in_range(students, classes * 20, classes * 26);
	assert_int_equal(q("SELECT COUNT(*) FROM students WHERE status <> 'studying'"
			   " OR enrolled_on IS NULL OR enrolled_on > '2026-09-01'"), 0);
	assert_int_equal(q("SELECT COUNT(*) FROM staff"), s->staff);
	assert_int_equal(q("SELECT COUNT(DISTINCT person_id) FROM student_representatives"),
			 s->representatives);
	/* About one teacher per 9 students in each school. */
	assert_int_equal(q("SELECT COUNT(*) FROM schools sc WHERE ABS((SELECT COUNT(*) FROM staff_roles r"
			   " JOIN staff st ON st.id = r.staff_id WHERE st.school_id = sc.id AND r.role = 'teacher')"
			   " * 9 - (SELECT COUNT(*) FROM students WHERE school_id = sc.id)) > 9"), 0);
	assert_int_equal(q("SELECT COUNT(*) FROM subjects"), s->subjects);
	assert_true(s->subjects >= 15);
	assert_int_equal(q("SELECT COUNT(*) FROM schools WHERE code = 'AST-PHM' AND programme = 'nis'"
			   " AND city_en = 'Astana'"), 1);
	assert_int_equal(q("SELECT COUNT(*) FROM schools WHERE code = 'AST-IB' AND programme = 'ib'"), 1);
}

/* Every person has a valid IIN that agrees with the birth date and sex, and no two
 * persons share one. */
static void test_iins(void **state)
{
	(void)state;
	assert_int_equal(q("SELECT COUNT(*) FROM persons WHERE iin IS NULL OR birth_date IS NULL"
			   " OR sex IS NULL"), 0);
	assert_int_equal(q("SELECT COUNT(DISTINCT iin) FROM persons"), q("SELECT COUNT(*) FROM persons"));
	struct db_stmt *st = db_prepare(main_db.db, "SELECT iin, birth_date, sex FROM persons");
	assert_non_null(st);
	int n = 0;
	while (db_step(st) == DB_ROW) {
		const char *iin = db_col_text(st, 0), *birth = db_col_text(st, 1), *sex = db_col_text(st, 2);
		struct iin_info info;
		assert_int_equal(iin_parse(iin, &info), IIN_OK);
		char date[11];
		snprintf(date, sizeof date, "%04d-%02d-%02d", info.year, info.month, info.day);
		assert_string_equal(date, birth);
		assert_int_equal(info.sex, sex[0]);
		n++;
	}
	db_done(st);
	assert_true(n > 1000);
}

/* Students are born in the year their grade implies (give or take one), so grade 7
 * mostly in 2013 and grade 12 in 2008. */
static void test_grades_and_birth(void **state)
{
	(void)state;
	assert_int_equal(q("SELECT MIN(grade) FROM classes"), 7);
	assert_int_equal(q("SELECT MAX(grade) FROM classes"), 12);
	assert_int_equal(q("SELECT COUNT(*) FROM students s JOIN classes c ON c.id = s.class_id"
			   " JOIN persons p ON p.id = s.person_id"
			   " WHERE CAST(substr(p.birth_date, 1, 4) AS INTEGER) - (2020 - c.grade) NOT BETWEEN -1 AND 1"),
			 0);
	int64_t all = q("SELECT COUNT(*) FROM students");
	int64_t on_year = q("SELECT COUNT(*) FROM students s JOIN classes c ON c.id = s.class_id"
			    " JOIN persons p ON p.id = s.person_id"
			    " WHERE CAST(substr(p.birth_date, 1, 4) AS INTEGER) = 2020 - c.grade");
	assert_true(on_year * 100 >= all * 80);
}

/* Both languages, every funding kind in plausible shares, some dormitory residents. */
static void test_languages_funding(void **state)
{
	(void)state;
	int64_t classes = q("SELECT COUNT(*) FROM classes");
	int64_t ru = q("SELECT COUNT(*) FROM classes WHERE language = 'ru'");
	assert_int_equal(q("SELECT COUNT(*) FROM classes WHERE language NOT IN ('kk', 'ru')"), 0);
	assert_true(ru * 100 >= classes * 20 && ru * 100 <= classes * 45);
	int64_t students = q("SELECT COUNT(*) FROM students");
	int64_t orken = q("SELECT COUNT(*) FROM students WHERE funding = 'orken'");
	assert_true(orken * 100 >= students * 75 && orken * 100 <= students * 93);
	assert_true(q("SELECT COUNT(*) FROM students WHERE funding = 'state_order'") > 0);
	assert_true(q("SELECT COUNT(*) FROM students WHERE funding = 'paid'") > 0);
	int64_t dorm = q("SELECT COUNT(*) FROM students WHERE dormitory = 1");
	assert_true(dorm * 100 >= students * 12 && dorm * 100 <= students * 28);
	/* Patronymics in both ways, and Russian names. */
	assert_true(q("SELECT COUNT(*) FROM persons WHERE middle_name LIKE '%ұлы'") > 0);
	assert_true(q("SELECT COUNT(*) FROM persons WHERE middle_name LIKE '%овна'") > 0);
	assert_true(q("SELECT COUNT(*) FROM persons WHERE last_name = 'Иванов' OR last_name = 'Иванова'"
		      " OR middle_name LIKE '%евич' OR middle_name LIKE '%евна'") > 0);
}

/* 1–2 representatives per student, with contacts; some families have two children. */
static void test_representatives(void **state)
{
	(void)state;
	assert_int_equal(q("SELECT COUNT(*) FROM students s WHERE (SELECT COUNT(*) FROM"
			   " student_representatives r WHERE r.student_id = s.id) NOT BETWEEN 1 AND 2"), 0);
	assert_int_equal(q("SELECT COUNT(*) FROM student_representatives WHERE relation NOT IN"
			   " ('mother', 'father', 'guardian')"), 0);
	assert_true(q("SELECT COUNT(*) FROM student_representatives WHERE relation = 'guardian'") > 0);
	assert_int_equal(q("SELECT COUNT(*) FROM persons p JOIN student_representatives r"
			   " ON r.person_id = p.id WHERE p.phone IS NULL OR p.phone NOT GLOB"
			   " '+77[0-7][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'"), 0);
	assert_int_equal(q("SELECT COUNT(*) FROM persons WHERE email IS NOT NULL AND email NOT LIKE '%_@_%._%'"),
			 0);
	/* A mother is a woman, a father a man. */
	assert_int_equal(q("SELECT COUNT(*) FROM student_representatives r JOIN persons p ON p.id = r.person_id"
			   " WHERE (r.relation = 'mother' AND p.sex <> 'f') OR (r.relation = 'father' AND p.sex <> 'm')"),
			 0);
	/* Siblings share their representatives and their surname's stem. */
	assert_true(q("SELECT COUNT(*) FROM (SELECT person_id FROM student_representatives"
		      " GROUP BY person_id HAVING COUNT(*) > 1)") > 0);
}

/* Every role in every school; curators are teachers of the class's school. */
static void test_staff(void **state)
{
	(void)state;
	assert_int_equal(q("SELECT COUNT(*) FROM schools sc WHERE (SELECT COUNT(DISTINCT r.role) FROM staff_roles r"
			   " JOIN staff st ON st.id = r.staff_id WHERE st.school_id = sc.id) <> 7"), 0);
	assert_int_equal(q("SELECT COUNT(*) FROM schools sc WHERE (SELECT COUNT(*) FROM staff_roles r"
			   " JOIN staff st ON st.id = r.staff_id WHERE st.school_id = sc.id AND r.role = 'director') <> 1"),
			 0);
	assert_int_equal(q("SELECT COUNT(*) FROM classes c LEFT JOIN staff st ON st.id = c.curator_id"
			   " WHERE st.id IS NULL OR st.school_id <> c.school_id OR NOT EXISTS (SELECT 1 FROM"
			   " staff_roles r WHERE r.staff_id = st.id AND r.role = 'curator')"), 0);
	assert_int_equal(q("SELECT COUNT(*) FROM classes") - q("SELECT COUNT(DISTINCT curator_id) FROM classes"),
			 0);
}

/* The search key is the folded "last first middle iin". */
static void test_search_key(void **state)
{
	(void)state;
	struct db_stmt *st = db_prepare(main_db.db, "SELECT last_name || ' ' || first_name || ' ' ||"
						     " middle_name || ' ' || iin, search_key FROM persons");
	assert_non_null(st);
	while (db_step(st) == DB_ROW) {
		char *folded = utf8_fold(db_col_text(st, 0));
		assert_non_null(folded);
		assert_string_equal(folded, db_col_text(st, 1));
		free(folded);
	}
	db_done(st);
}

/* The demo sign-ins exist with their roles, schools and persons, and the password. */
static void test_logins(void **state)
{
	static const struct {
		const char *login, *role, *school;
	} want[] = {
		{"admin", "network_admin", NULL}, {"contingent", "contingent_unit", NULL},
		{"director", "director", "AST-PHM"}, {"deputy", "deputy_academic", "AST-PHM"},
		{"upbringing", "deputy_upbringing", "AST-PHM"}, {"timetable", "timetable_officer", "AST-PHM"},
		{"teacher", "teacher", "AST-PHM"}, {"club", "club_leader", "AST-PHM"},
		{"student", "student", "AST-PHM"}, {"parent", "parent", "AST-PHM"},
		{"director2", "director", "AST-IB"},
	};
	(void)state;
	assert_int_equal(main_db.sum.nlogins, 11);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		struct user u;
		struct user_secret secret;
		assert_int_equal(users_find_login(main_db.db, want[i].login, &u, &secret), DB_ROW);
		assert_string_equal(role_code(u.role), want[i].role);
		int64_t school = 0;
		if (want[i].school)
			assert_int_equal(db_query_int64(main_db.db, &school, "SELECT id FROM schools WHERE code = $1",
							"s", want[i].school), DB_ROW);
		assert_int_equal(u.school_id, school);
		if (role_needs_person(u.role))
			assert_true(u.person_id > 0);
		assert_string_equal(main_db.sum.logins[i].login, want[i].login);
		if (i == 0)
			assert_true(password_verify(secret.password_hash, DEMO_PASSWORD));
	}
	/* The teacher curates a class; the parent represents the student; the director is
	 * the school's director. */
	assert_int_equal(q("SELECT COUNT(*) FROM users u JOIN staff st ON st.person_id = u.person_id"
			   " JOIN classes c ON c.curator_id = st.id WHERE u.login = 'teacher'"
			   " AND c.school_id = u.school_id"), 1);
	assert_int_equal(q("SELECT COUNT(*) FROM users p JOIN users s ON s.login = 'student'"
			   " JOIN students st ON st.person_id = s.person_id JOIN student_representatives r"
			   " ON r.student_id = st.id AND r.person_id = p.person_id WHERE p.login = 'parent'"), 1);
	assert_int_equal(q("SELECT COUNT(*) FROM users u JOIN staff st ON st.person_id = u.person_id"
			   " AND st.school_id = u.school_id JOIN staff_roles r ON r.staff_id = st.id"
			   " AND r.role = 'director' WHERE u.login IN ('director', 'director2')"), 2);
}

/* A second run refuses the database that has schools, writing nothing. */
static void test_refuses_nonempty(void **state)
{
	(void)state;
	int64_t persons = q("SELECT COUNT(*) FROM persons");
	struct demo_options opt = {.schools = 1, .seed = SEED};
	struct demo_summary sum;
	assert_int_equal(demo_generate(main_db.db, &opt, &sum), DEMO_NOT_EMPTY);
	assert_non_null(strstr(sum.error, "already has 2 schools"));
	assert_int_equal(q("SELECT COUNT(*) FROM persons"), persons);
	opt.schools = 0;
	assert_int_equal(demo_generate(main_db.db, &opt, &sum), DEMO_FAILED);
	opt.schools = 1;
	opt.today = "2026-11-31";
	assert_int_equal(demo_generate(main_db.db, &opt, &sum), DEMO_FAILED);
	assert_non_null(strstr(sum.error, "YYYY-MM-DD"));
}

/* FNV-1a over every student's and representative's name, IIN, class and links. */
static uint64_t checksum(struct db *db)
{
	uint64_t h = 0xcbf29ce484222325u;
	struct db_stmt *st = db_prepare(db,
		"SELECT p.last_name, p.first_name, p.middle_name, p.iin, p.birth_date, c.grade, c.letter,"
		" s.funding, s.dormitory, (SELECT group_concat(rp.iin || r.relation, ',') FROM"
		" student_representatives r JOIN persons rp ON rp.id = r.person_id WHERE r.student_id = s.id)"
		" FROM students s JOIN persons p ON p.id = s.person_id JOIN classes c ON c.id = s.class_id"
		" ORDER BY s.id");
	if (!st)
		return 0;
	while (db_step(st) == DB_ROW)
		for (int col = 0; col < 10; col++) {
			const char *v = db_col_text(st, col);
			for (const char *p = v ? v : "\x01"; *p; p++)
				h = (h ^ (unsigned char)*p) * 0x100000001b3u;
			h = (h ^ '|') * 0x100000001b3u;
		}
	db_done(st);
	return h;
}

static void test_deterministic(void **state)
{
	(void)state;
	struct demo_db again, other;
	assert_int_equal(make_demo(&again, SEED, 2), DEMO_OK);
	assert_int_equal(make_demo(&other, SEED + 1, 2), DEMO_OK);
	uint64_t a = checksum(main_db.db), b = checksum(again.db), c = checksum(other.db);
	assert_true(a != 0);
	assert_true(a == b);
	assert_true(a != c);
	assert_int_equal(again.sum.students, main_db.sum.students);
	drop_demo(&again);
	drop_demo(&other);
}

/* names: spelling rules the generator relies on. */
static void test_names(void **state)
{
	(void)state;
	char out[NAMES_MAX];
	names_translit("Жұмабаев Әлихан", out, sizeof out);
	assert_string_equal(out, "zhumabaevalikhan");
	char phone[NAMES_PHONE];
	struct rng r;
	rng_seed(&r, 1);
	names_phone(&r, phone);
	assert_int_equal(strlen(phone), 12);
	assert_memory_equal(phone, "+77", 3);
	for (int i = 0; i < NAMES_SCHOOLS; i++)
		for (int j = i + 1; j < NAMES_SCHOOLS; j++)
			assert_string_not_equal(names_schools[i].code, names_schools[j].code);
}

/* The timetable part (demo/timetable.c): bells of CAL-6 and ORG-7, rooms, one approved
 * version of semester 1 per school that places every hour of the load without a clash
 * (TT-1), laid over the semester's study days. */
static void test_timetables(void **state)
{
	(void)state;
	assert_int_equal(q("SELECT COUNT(*) FROM bell_periods"), 2 * 8);
	assert_int_equal(q("SELECT COUNT(*) FROM bell_periods WHERE meal_after = 1 AND number IN (2, 4)"), 2 * 2);
	assert_int_equal(q("SELECT COUNT(*) FROM timetables WHERE status = 'approved' AND semester = 1"), 2);
	assert_true(main_db.sum.rooms > 0);
	assert_int_equal(q("SELECT COUNT(*) FROM rooms"), main_db.sum.rooms);
	/* every hour of the load is placed: a pair of groups gives two entries at once */
	assert_int_equal(q("SELECT COUNT(*) FROM timetable_entries"), q("SELECT SUM(hours) FROM load_assignments"));
	/* no teacher, room, class or group twice at once */
	assert_int_equal(q("SELECT COUNT(*) FROM (SELECT staff_id FROM timetable_entries"
			   " GROUP BY timetable_id, weekday, period, staff_id HAVING COUNT(*) > 1) x"), 0);
	assert_int_equal(q("SELECT COUNT(*) FROM (SELECT room_id FROM timetable_entries"
			   " GROUP BY timetable_id, weekday, period, room_id HAVING COUNT(*) > 1) x"), 0);
	assert_int_equal(q("SELECT COUNT(*) FROM (SELECT class_id FROM timetable_entries"
			   " GROUP BY timetable_id, weekday, period, class_id"
			   " HAVING COUNT(*) > 1 AND (MIN(group_id) IS NULL OR COUNT(*) <> COUNT(DISTINCT group_id))) x"), 0);
	/* the lessons: Mondays to Fridays of the semester, not on a holiday */
	assert_int_equal(q("SELECT COUNT(*) FROM lessons"), main_db.sum.lessons);
	assert_true(main_db.sum.lessons > 0);
	assert_int_equal(q("SELECT COUNT(*) FROM lessons WHERE lesson_date IN ('2026-12-16', '2026-10-26')"
			   " OR lesson_date < '2026-09-01' OR lesson_date > '2026-12-29'"), 0);
	assert_int_equal(q("SELECT COUNT(DISTINCT lesson_date) FROM lessons"), 79);
}

/* One integer from a query without parameters on `db`. */
static int64_t qd(struct db *db, const char *sql)
{
	int64_t v = -1;
	int rc = db_query_int64(db, &v, sql, "");
	if (rc != DB_ROW)
		fprintf(stderr, "test_demo: %s: %s\n", sql, db_errmsg(db));
	assert_int_equal(rc, DB_ROW);
	return v;
}

/* FNV-1a over the text of every column of every row of `sql`. */
static uint64_t checksum_query(struct db *db, const char *sql)
{
	uint64_t h = 0xcbf29ce484222325u;
	struct db_stmt *st = db_prepare(db, sql);
	assert_non_null(st);
	while (db_step(st) == DB_ROW)
		for (int col = 0, ncols = db_column_count(st); col < ncols; col++) {
			const char *v = db_col_text(st, col);
			for (const char *p = v ? v : "\x01"; *p; p++)
				h = (h ^ (unsigned char)*p) * 0x100000001b3u;
			h = (h ^ '|') * 0x100000001b3u;
		}
	db_done(st);
	return h;
}

/* The journal's rows, all of them, as one number. */
static uint64_t journal_checksum(struct db *db)
{
	static const char *const sql[] = {
		("SELECT lesson_id, status, missed_reason, topic_id, topic, homework, attendance_marked, filled_at"
		 " FROM lesson_journal ORDER BY lesson_id"),
		"SELECT lesson_id, student_id, status, reason FROM attendance ORDER BY lesson_id, student_id",
		"SELECT lesson_id, student_id, mark FROM formative_marks ORDER BY lesson_id, student_id",
		"SELECT lesson_id, kind, title, max_points FROM summative_works ORDER BY lesson_id",
		"SELECT lesson_id, student_id, points FROM summative_scores ORDER BY lesson_id, student_id",
		"SELECT lesson_id, staff_id, reason, assigned_at FROM lesson_covers ORDER BY lesson_id",
	};
	uint64_t h = 0;
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++)
		h = h * 31 + checksum_query(db, sql[i]);
	return h;
}

/* The journal of a demo made with TODAY (demo/journal.h), checked with SQL that both
 * engines run. */
static void check_journal(const struct demo_db *d)
{
	struct db *db = d->db;
	const struct demo_summary *s = &d->sum;
	/* nothing on or after today */
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM lesson_journal j JOIN lessons x ON x.id = j.lesson_id"
				" WHERE x.lesson_date >= '" TODAY "'"), 0);
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM lesson_covers c JOIN lessons x ON x.id = c.lesson_id"
				" WHERE x.lesson_date >= '" TODAY "'"), 0);
	/* every lesson before today has its journal, but a few of the last two weeks (late) */
	int64_t before = qd(db, "SELECT COUNT(*) FROM lessons WHERE lesson_date < '" TODAY "'");
	int64_t filled = qd(db, "SELECT COUNT(*) FROM lesson_journal");
	int64_t unfilled = qd(db, "SELECT COUNT(*) FROM lessons x WHERE x.lesson_date < '" TODAY "' AND NOT EXISTS"
				  " (SELECT 1 FROM lesson_journal j WHERE j.lesson_id = x.id)");
	assert_int_equal(filled, s->journal_lessons);
	assert_int_equal(unfilled, s->unfilled);
	assert_int_equal(filled + unfilled, before);
	assert_true(filled > 10000);
	assert_true(unfilled > 0);
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM lessons x WHERE x.lesson_date < '" LATE_FROM "' AND NOT EXISTS"
				" (SELECT 1 FROM lesson_journal j WHERE j.lesson_id = x.id)"), 0);
	int64_t window = qd(db, "SELECT COUNT(*) FROM lessons WHERE lesson_date >= '" LATE_FROM "'"
				" AND lesson_date < '" TODAY "'");
	assert_true(unfilled * 100 <= window); /* about 0.3 %, at most 1 % */
	/* held: topic, roll taken, filled on the lesson's day; missed: a reason, nothing else */
	int64_t missed = qd(db, "SELECT COUNT(*) FROM lesson_journal WHERE status = 'missed'");
	assert_int_equal(missed, s->missed);
	assert_true(missed * 1000 >= filled * 2 && missed * 1000 <= filled * 10);
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM lesson_journal WHERE status NOT IN ('held', 'missed')"
				" OR (status = 'missed' AND (missed_reason IS NULL OR topic IS NOT NULL))"
				" OR (status = 'held' AND (topic IS NULL OR missed_reason IS NOT NULL"
				" OR attendance_marked <> 1)) OR filled_by IS NOT NULL"), 0);
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM lesson_journal j JOIN lessons x ON x.id = j.lesson_id"
				" WHERE substr(j.filled_at, 1, 10) <> x.lesson_date OR j.updated_at <> j.filled_at"), 0);
	assert_true(qd(db, "SELECT COUNT(*) FROM lesson_journal WHERE missed_reason = 'Мұғалім ауырды'") > 0);
	int64_t homework = qd(db, "SELECT COUNT(*) FROM lesson_journal WHERE homework IS NOT NULL");
	assert_true(homework * 100 >= (filled - missed) * 70 && homework < filled - missed);
	/* the roll: valid statuses and reasons, students of the lesson's class or group, only
	 * at lessons held, about 4 % absent and 1 % late */
	int64_t absences = qd(db, "SELECT COUNT(*) FROM attendance WHERE status = 'absent'");
	assert_int_equal(absences, s->absences);
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM attendance WHERE status = 'late'"), s->lates);
	assert_true(absences > 0 && s->lates > 0);
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM attendance WHERE (status = 'absent' AND (reason IS NULL"
				" OR reason NOT IN ('illness', 'excused', 'unexcused'))) OR (status = 'late' AND reason"
				" IS NOT NULL) OR status NOT IN ('absent', 'late')"), 0);
	for (const char *const *r = (const char *const[]){"illness", "excused", "unexcused", NULL}; *r; r++) {
		int64_t n = -1;
		assert_int_equal(db_query_int64(db, &n, "SELECT COUNT(*) FROM attendance WHERE reason = $1", "s", *r),
				 DB_ROW);
		assert_true(n > 0);
	}
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM attendance a JOIN lesson_journal j ON j.lesson_id = a.lesson_id"
				" JOIN lessons x ON x.id = a.lesson_id JOIN students s ON s.id = a.student_id"
				" WHERE j.status <> 'held' OR s.class_id <> x.class_id OR (x.group_id IS NOT NULL AND"
				" NOT EXISTS (SELECT 1 FROM group_members gm WHERE gm.group_id = x.group_id"
				" AND gm.student_id = a.student_id))"), 0);
	int64_t roll = qd(db, "SELECT SUM(n) FROM (SELECT COUNT(*) AS n FROM lesson_journal j JOIN lessons x"
			      " ON x.id = j.lesson_id JOIN students s ON s.class_id = x.class_id WHERE j.status = 'held'"
			      " AND x.group_id IS NULL UNION ALL SELECT COUNT(*) FROM lesson_journal j JOIN lessons x"
			      " ON x.id = j.lesson_id JOIN group_members gm ON gm.group_id = x.group_id"
			      " WHERE j.status = 'held') r");
	assert_true(absences * 1000 >= roll * 25 && absences * 1000 <= roll * 60);
	assert_true(s->lates * 1000 >= roll * 5 && s->lates * 1000 <= roll * 15);
	/* formative marks on the school's scale (1..10, mostly 6..10; 1..7 in the IB school,
	 * whose model is ib_semester), for 3–6 present students of about a third of the
	 * lessons held */
	int64_t marks = qd(db, "SELECT COUNT(*) FROM formative_marks");
	assert_int_equal(marks, s->marks);
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM schools WHERE (programme = 'ib' AND marking_model <>"
				" 'ib_semester') OR (programme = 'nis' AND marking_model IS NOT NULL)"), 0);
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM formative_marks m JOIN lessons x ON x.id = m.lesson_id"
				" JOIN schools sc ON sc.id = x.school_id WHERE m.mark < 1"
				" OR m.mark > CASE sc.programme WHEN 'ib' THEN 7 ELSE 10 END"), 0);
	static const char nis_marks[] = "SELECT COUNT(*) FROM formative_marks m JOIN lessons x ON x.id = m.lesson_id"
					" JOIN schools sc ON sc.id = x.school_id WHERE sc.programme = 'nis'";
	assert_true(qd(db, nis_marks) > 0);
	assert_true(qd(db, "SELECT COUNT(*) FROM formative_marks m JOIN lessons x ON x.id = m.lesson_id JOIN schools"
			   " sc ON sc.id = x.school_id WHERE sc.programme = 'nis' AND m.mark >= 6") * 100 >=
		    qd(db, nis_marks) * 70);
	assert_int_equal(qd(db, "SELECT MAX(m.mark) FROM formative_marks m JOIN lessons x ON x.id = m.lesson_id"
				" JOIN schools sc ON sc.id = x.school_id WHERE sc.programme = 'nis'"), 10);
	assert_int_equal(qd(db, "SELECT MAX(m.mark) FROM formative_marks m JOIN lessons x ON x.id = m.lesson_id"
				" JOIN schools sc ON sc.id = x.school_id WHERE sc.programme = 'ib'"), 7);
	assert_true(qd(db, "SELECT COUNT(DISTINCT mark) FROM formative_marks") >= 6);
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM (SELECT lesson_id FROM formative_marks GROUP BY lesson_id"
				" HAVING COUNT(*) < 3 OR COUNT(*) > 6) m"), 0);
	int64_t marked = qd(db, "SELECT COUNT(DISTINCT lesson_id) FROM formative_marks");
	assert_true(marked * 100 >= (filled - missed) * 28 && marked * 100 <= (filled - missed) * 42);
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM formative_marks m JOIN lesson_journal j ON j.lesson_id ="
				" m.lesson_id WHERE j.status <> 'held' OR EXISTS (SELECT 1 FROM attendance a WHERE"
				" a.lesson_id = m.lesson_id AND a.student_id = m.student_id AND a.status = 'absent')"),
			 0);
	/* summative works: sections of 10–30 and terms of 25–40 points at lessons held, a score
	 * within the points for every student present and none for the absent */
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM summative_works"), s->works);
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM summative_scores"), s->scores);
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM summative_works WHERE kind NOT IN ('section', 'term')"
				" OR (kind = 'section' AND max_points NOT BETWEEN 10 AND 30)"
				" OR (kind = 'term' AND max_points NOT BETWEEN 25 AND 40) OR title IS NULL"), 0);
	assert_true(qd(db, "SELECT COUNT(*) FROM summative_works WHERE kind = 'section'") > 0);
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM summative_works w JOIN lesson_journal j ON j.lesson_id ="
				" w.lesson_id WHERE j.status <> 'held'"), 0);
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM summative_scores s JOIN summative_works w ON w.lesson_id ="
				" s.lesson_id WHERE s.points < 0 OR s.points > w.max_points"), 0);
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM summative_scores s JOIN attendance a ON a.lesson_id ="
				" s.lesson_id AND a.student_id = s.student_id WHERE a.status = 'absent'"), 0);
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM summative_works w JOIN lessons x ON x.id = w.lesson_id"
				" WHERE (SELECT COUNT(*) FROM summative_scores s WHERE s.lesson_id = w.lesson_id)"
				" + (SELECT COUNT(*) FROM attendance a WHERE a.lesson_id = w.lesson_id AND"
				" a.status = 'absent') <> CASE WHEN x.group_id IS NULL THEN (SELECT COUNT(*) FROM"
				" students s WHERE s.class_id = x.class_id AND s.status = 'studying') ELSE (SELECT"
				" COUNT(*) FROM group_members gm WHERE gm.group_id = x.group_id) END"), 0);
	/* about one section work in 8 lessons of a class-subject; in quarter 1 (over by today)
	 * every class-subject of the NIS school has one term work, in its last week; the IB
	 * school's semester 1 is not over, and it has section works too */
	int64_t sections = qd(db, "SELECT COUNT(*) FROM summative_works w JOIN lessons x ON x.id = w.lesson_id"
				  " WHERE w.kind = 'section' AND x.lesson_date <= '2026-10-23'");
	int64_t q1 = qd(db, "SELECT COUNT(*) FROM lessons WHERE lesson_date <= '2026-10-23'");
	assert_true(sections * 14 >= q1 && sections * 6 <= q1);
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM (SELECT x.class_id, COALESCE(x.group_id, 0) AS g, x.subject_id,"
				" SUM(CASE WHEN w.kind = 'term' THEN 1 ELSE 0 END) AS n,"
				" MIN(CASE WHEN w.kind = 'term' THEN x.lesson_date END) AS d"
				" FROM lessons x JOIN schools sc ON sc.id = x.school_id"
				" LEFT JOIN summative_works w ON w.lesson_id = x.id"
				" WHERE sc.programme = 'nis' AND x.lesson_date <= '2026-10-23'"
				" GROUP BY x.class_id, COALESCE(x.group_id, 0), x.subject_id) u"
				" WHERE n <> 1 OR d < '2026-10-17'"), 0);
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM summative_works w JOIN lessons x ON x.id = w.lesson_id"
				" JOIN schools sc ON sc.id = x.school_id WHERE sc.programme = 'ib' AND w.kind = 'term'"), 0);
	assert_true(qd(db, "SELECT COUNT(*) FROM summative_works w JOIN lessons x ON x.id = w.lesson_id"
			   " JOIN schools sc ON sc.id = x.school_id WHERE sc.programme = 'ib'") > 0);
	/* covers: a teacher of the lesson's school, not its own, free at that period, at a
	 * lesson held */
	int64_t covers = qd(db, "SELECT COUNT(*) FROM lesson_covers");
	assert_int_equal(covers, s->covers);
	assert_true(covers > 0);
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM lesson_covers c JOIN lessons x ON x.id = c.lesson_id"
				" JOIN staff st ON st.id = c.staff_id WHERE st.school_id <> x.school_id"
				" OR c.staff_id = x.staff_id OR c.reason IS NULL OR NOT EXISTS (SELECT 1 FROM"
				" staff_roles r WHERE r.staff_id = c.staff_id AND r.role = 'teacher')"), 0);
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM lesson_covers c LEFT JOIN lesson_journal j ON j.lesson_id ="
				" c.lesson_id WHERE j.lesson_id IS NULL OR j.status <> 'held'"), 0);
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM lesson_covers c JOIN lessons x ON x.id = c.lesson_id"
				" WHERE EXISTS (SELECT 1 FROM lessons y WHERE y.staff_id = c.staff_id"
				" AND y.lesson_date = x.lesson_date AND y.period = x.period)"), 0);
}

static void test_journal(void **state)
{
	(void)state;
	check_journal(&main_db);
	/* the topics are the subject's, in the class's language, without a КТЖ */
	assert_int_equal(q("SELECT COUNT(*) FROM lesson_journal j JOIN lessons x ON x.id = j.lesson_id"
			   " JOIN classes c ON c.id = x.class_id JOIN subjects su ON su.id = x.subject_id"
			   " WHERE j.status = 'held' AND j.topic NOT LIKE '§% ' || CASE c.language"
			   " WHEN 'ru' THEN su.name_ru ELSE su.name_kk END"), 0);
}

/* The same seed and today give the same journal; a later today keeps the history of
 * the lessons before the earlier one (but for the few left late) and adds to it; a
 * today outside the year fills nothing. */
static void test_journal_deterministic(void **state)
{
	(void)state;
	struct demo_db again, later, summer;
	assert_int_equal(make_demo(&again, SEED, 2), DEMO_OK);
	assert_true(journal_checksum(main_db.db) == journal_checksum(again.db));
	assert_int_equal(again.sum.journal_lessons, main_db.sum.journal_lessons);
	assert_int_equal(again.sum.absences, main_db.sum.absences);
	assert_int_equal(again.sum.marks, main_db.sum.marks);
	assert_int_equal(again.sum.works, main_db.sum.works);
	assert_int_equal(again.sum.covers, main_db.sum.covers);
	drop_demo(&again);

	assert_int_equal(make_demo_on(&later, SEED, 2, "2026-12-10"), DEMO_OK);
	assert_true(later.sum.journal_lessons > main_db.sum.journal_lessons);
	static const char earlier[] =
		"SELECT j.lesson_id, j.status, j.topic, j.homework, j.filled_at, (SELECT COUNT(*) FROM attendance a"
		" WHERE a.lesson_id = j.lesson_id), (SELECT SUM(mark) FROM formative_marks m WHERE m.lesson_id ="
		" j.lesson_id), (SELECT SUM(points) FROM summative_scores s WHERE s.lesson_id = j.lesson_id)"
		" FROM lesson_journal j JOIN lessons x ON x.id = j.lesson_id WHERE x.lesson_date < '" LATE_FROM "'"
		" ORDER BY j.lesson_id";
	assert_true(checksum_query(main_db.db, earlier) == checksum_query(later.db, earlier));
	drop_demo(&later);

	assert_int_equal(make_demo_on(&summer, SEED, 1, "2027-07-01"), DEMO_OK);
	assert_int_equal(summer.sum.journal_lessons, 0);
	assert_int_equal(summer.sum.unfilled, 0);
	assert_int_equal(qd(summer.db, "SELECT COUNT(*) FROM lesson_journal"), 0);
	assert_true(summer.sum.lessons > 0);
	drop_demo(&summer);
}

/* The electives (demo/electives.h) keep their own rules: every choice within the ЖОЖ's
 * elective hours and the grade's maximum (ELE-1, ELE-12), every group below the split
 * and a second-language group of at least 12 (ELE-4, by core), members who chose the
 * course, sessions only before today on the members' days, the switchers remembered,
 * and the same figures on both engines. */
static void check_electives(const struct demo_db *d)
{
	struct db *db = d->db;
	const struct demo_summary *s = &d->sum;
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM elective_courses"), s->elective_courses);
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM elective_choices"), s->elective_choices + s->elective_switches);
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM elective_sessions"), s->elective_sessions);
	assert_true(s->elective_sessions > 1000 && s->elective_switches > 0 && s->elective_absences > 0);
	/* above the ЖОЖ's hours: none */
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM (SELECT c.student_id, st.school_id, k.grade, SUM(e.hours) h FROM"
				" elective_choices c JOIN elective_courses e ON e.id = c.course_id JOIN students st ON"
				" st.id = c.student_id JOIN classes k ON k.id = st.class_id WHERE c.ends_on IS NULL"
				" GROUP BY c.student_id, st.school_id, k.grade) x JOIN school_curricula sc ON sc.school_id ="
				" x.school_id JOIN curriculum_electives l ON l.curriculum_id = sc.id AND l.grade = x.grade"
				" WHERE x.h > l.elective_hours"), 0);
	assert_true(qd(db, "SELECT COUNT(*) FROM curriculum_electives") > 0);
	/* every course's programme approved, with its plan and a review */
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM elective_courses e WHERE e.programme_status <> 'approved' OR"
				" NOT EXISTS (SELECT 1 FROM elective_reviews r WHERE r.course_id = e.id) OR"
				" (SELECT COUNT(*) FROM elective_plan_rows p WHERE p.course_id = e.id) <> 4"), 0);
	/* ELE-4 by core on every group's members still in it */
	struct elective_thresholds t = elective_thresholds_default();
	struct db_stmt *st = db_prepare(db, "SELECT e.second_language, COUNT(*) FROM elective_groups g JOIN"
					    " elective_courses e ON e.id = g.course_id JOIN elective_group_members m ON"
					    " m.group_id = g.id WHERE m.left_on IS NULL GROUP BY g.id, e.second_language");
	assert_non_null(st);
	int groups = 0;
	while (db_step(st) == DB_ROW) {
		groups++;
		assert_int_equal(elective_group_size(&t, (int)db_col_int64(st, 1), (int)db_col_int64(st, 0)),
				 ELECTIVE_GROUP_OK);
	}
	db_done(st);
	assert_int_equal(groups, s->elective_groups);
	/* members chose the course; nothing on or after today; nobody marked outside their days */
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM elective_group_members m JOIN elective_groups g ON g.id ="
				" m.group_id WHERE NOT EXISTS (SELECT 1 FROM elective_choices c WHERE c.student_id ="
				" m.student_id AND c.course_id = g.course_id)"), 0);
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM elective_sessions WHERE session_date >= '" TODAY "'"), 0);
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM elective_attendance a JOIN elective_sessions x ON x.id ="
				" a.session_id JOIN elective_group_members m ON m.group_id = x.group_id AND m.student_id ="
				" a.student_id WHERE x.session_date < m.joined_on OR x.session_date >= m.left_on"), 0);
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM elective_attendance"), s->elective_absences +
			 qd(db, "SELECT COUNT(*) FROM elective_attendance WHERE status = 'late'"));
	/* a switch closes the old choice on the day the new one starts */
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM elective_choices n JOIN elective_choices o ON o.id ="
				" n.switched_from WHERE o.ends_on IS NULL OR o.ends_on <> n.starts_on"), 0);
	assert_int_equal(qd(db, "SELECT COUNT(*) FROM elective_choices WHERE switched_from IS NOT NULL"),
			 s->elective_switches);
}

/* PostgreSQL: the same network gives the same journal, which passes the same checks. */
static void test_journal_pg(void **state)
{
	(void)state;
	struct demo_db pg;
	int rc = make_demo_pg(&pg, SEED, 2, TODAY);
	if (rc == 1) {
		fprintf(stderr, "test_demo: MEKTEP_PG_TEST is not set: the PostgreSQL journal test is SKIPPED\n");
		skip();
	}
	assert_int_equal(rc, DEMO_OK);
	check_journal(&pg);
	check_electives(&pg);
	assert_int_equal(pg.sum.elective_sessions, main_db.sum.elective_sessions);
	assert_int_equal(pg.sum.elective_absences, main_db.sum.elective_absences);
	assert_int_equal(pg.sum.journal_lessons, main_db.sum.journal_lessons);
	assert_int_equal(pg.sum.scores, main_db.sum.scores);
	assert_true(journal_checksum(pg.db) == journal_checksum(main_db.db));
	drop_demo(&pg);
}

static void test_electives(void **state)
{
	(void)state;
	check_electives(&main_db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_iins),
		cmocka_unit_test(test_grades_and_birth),
		cmocka_unit_test(test_languages_funding),
		cmocka_unit_test(test_representatives),
		cmocka_unit_test(test_staff),
		cmocka_unit_test(test_search_key),
		cmocka_unit_test(test_logins),
		cmocka_unit_test(test_refuses_nonempty),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_timetables),
		cmocka_unit_test(test_journal),
		cmocka_unit_test(test_journal_deterministic),
		cmocka_unit_test(test_journal_pg),
		cmocka_unit_test(test_electives),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
