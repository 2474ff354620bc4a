/* test_store — the queries of store/ (organisation, people, users, audit, calendar,
 * timetable and its elective blocks, curriculum, the movement book's statuses, the e-mail outbox) against SQLite, and against PostgreSQL too when MEKTEP_PG_TEST holds a
 * conninfo. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "store/audit.h"
#include "store/calendar.h"
#include "store/curriculum.h"
#include "store/db.h"
#include "store/ktp.h"
#include "store/migrations.h"
#include "store/movement.h"
#include "store/org.h"
#include "store/outbox.h"
#include "store/people.h"
#include "store/timetable.h"
#include "store/timetable_electives.h"
#include "store/users.h"

static char sqlite_path[64];

static struct db *open_sqlite(void)
{
	snprintf(sqlite_path, sizeof sqlite_path, "/tmp/mektep-test-store-%d.db", (int)getpid());
	unlink(sqlite_path);
	char *err = NULL;
	struct db *db = db_open_sqlite(sqlite_path, &err);
	free(err);
	return db;
}

static struct db *open_pg(void)
{
	const char *conninfo = getenv("MEKTEP_PG_TEST");
	char *err = NULL;
	struct db *db = db_open_pg(conninfo, &err);
	free(err);
	if (db)
		db_exec(db, "DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
	return db;
}

static int setup_sqlite(void **state)
{
	struct db *db = open_sqlite();
	if (!db || migrations_apply(db, NULL) != 0)
		return -1;
	*state = db;
	return 0;
}

static int setup_pg(void **state)
{
	struct db *db = open_pg();
	if (!db || migrations_apply(db, NULL) != 0)
		return -1;
	*state = db;
	return 0;
}

static int teardown(void **state)
{
	db_close(*state);
	if (sqlite_path[0]) {
		char wal[80];
		unlink(sqlite_path);
		snprintf(wal, sizeof wal, "%s-wal", sqlite_path);
		unlink(wal);
		snprintf(wal, sizeof wal, "%s-shm", sqlite_path);
		unlink(wal);
	}
	return 0;
}

static int64_t make_school(struct db *db, const char *code)
{
	json_t *s = json_pack("{s:s, s:{s:s, s:s, s:s}, s:{s:s, s:s, s:s}, s:s}", "code", code, "name",
			      "kk", "Мектеп", "ru", "Школа", "en", "School", "city", "kk", "Астана", "ru",
			      "Астана", "en", "Astana", "programme", "nis");
	int64_t id = 0;
	assert_int_equal(schools_insert(db, s, &id), DB_OK);
	json_decref(s);
	return id;
}

/* Adds a year to a school; returns its id. */
static int64_t make_year(struct db *db, int64_t school, const char *name, const char *starts,
			 const char *ends, const char *status)
{
	json_t *y = json_pack("{s:I, s:s, s:s, s:s, s:s}", "school_id", (json_int_t)school, "name", name,
			      "starts_on", starts, "ends_on", ends, "status", status);
	int64_t id = 0;
	assert_int_equal(years_insert(db, y, &id), DB_OK);
	json_decref(y);
	return id;
}

static int64_t make_class(struct db *db, int64_t school, int grade, const char *letter)
{
	int64_t year = years_current(db, school);
	if (!year)
		year = make_year(db, school, "2026-2027", "2026-09-01", "2027-05-25", "current");
	json_t *c = json_pack("{s:I, s:I, s:i, s:s, s:s}", "school_id", (json_int_t)school,
			      "academic_year_id", (json_int_t)year, "grade", grade, "letter", letter,
			      "language", "kk");
	int64_t id = 0;
	assert_int_equal(classes_insert(db, c, &id), DB_OK);
	json_decref(c);
	return id;
}

static int64_t make_student(struct db *db, int64_t school, int64_t cls, const char *last,
			    const char *first, const char *iin)
{
	json_t *s = json_pack("{s:s, s:s, s:s, s:s, s:s, s:I, s:I, s:s, s:b, s:s}", "last_name", last,
			      "first_name", first, "iin", iin, "birth_date", "2013-05-01", "sex", "m",
			      "school_id", (json_int_t)school, "class_id", (json_int_t)cls, "funding",
			      "orken", "dormitory", 0, "status", "studying");
	int64_t id = 0;
	assert_int_equal(students_insert(db, s, &id), DB_OK);
	json_decref(s);
	return id;
}

static void test_school_figures_and_code(void **state)
{
	struct db *db = *state;
	int64_t school = make_school(db, "AST-1");
	int64_t cls = make_class(db, school, 7, "А");
	make_student(db, school, cls, "Әлібеков", "Нұрлан", "130501500013");
	json_t *s = schools_get(db, school);
	assert_non_null(s);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(s, "figures"), "students")), 1);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(s, "figures"), "classes")), 1);
	json_decref(s);
	int64_t found = 0;
	assert_int_equal(schools_find_code(db, "AST-1", &found), DB_ROW);
	assert_int_equal(found, school);
	assert_int_equal(schools_find_code(db, "NONE", &found), DB_DONE);
	/* search in any language, case-folded: "ШКОЛ" finds the Russian name "Школа" */
	int64_t total = 0;
	json_t *items = schools_list(db, "ШКОЛ", 0, 10, 0, &total);
	assert_int_equal(total, 1);
	json_decref(items);
	items = schools_list(db, "nothing-like-it", 0, 10, 0, &total);
	assert_int_equal(total, 0);
	json_decref(items);
}

static void test_student_search_folds_kazakh(void **state)
{
	struct db *db = *state;
	int64_t school = make_school(db, "AST-2");
	int64_t cls = make_class(db, school, 8, "Б");
	make_student(db, school, cls, "Әлібеков", "Нұрлан", "130501500021");
	make_student(db, school, cls, "Иванов", "Пётр", "130501500039");
	struct student_filter f = {.school_id = school, .q = "ӘЛІБ"};
	int64_t total = 0;
	json_t *items = students_list(db, &f, 10, 0, &total);
	assert_non_null(items);
	assert_int_equal(total, 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(items, 0), "last_name")), "Әлібеков");
	json_decref(items);
	/* ё is found by е */
	f.q = "петр";
	items = students_list(db, &f, 10, 0, &total);
	assert_int_equal(total, 1);
	json_decref(items);
	/* by IIN */
	f.q = "130501500039";
	items = students_list(db, &f, 10, 0, &total);
	assert_int_equal(total, 1);
	json_decref(items);
	/* LIKE wildcards typed by the user are plain characters */
	f.q = "%";
	items = students_list(db, &f, 10, 0, &total);
	assert_int_equal(total, 0);
	json_decref(items);
	/* paging */
	f.q = NULL;
	items = students_list(db, &f, 1, 1, &total);
	assert_int_equal(total, 2);
	assert_int_equal(json_array_size(items), 1);
	json_decref(items);
}

static void test_representatives_link_once(void **state)
{
	struct db *db = *state;
	int64_t school = make_school(db, "AST-3");
	int64_t cls = make_class(db, school, 9, "В");
	int64_t student = make_student(db, school, cls, "Серікова", "Аружан", "130501600012");
	json_t *p = json_pack("{s:s, s:s, s:s}", "last_name", "Серікова", "first_name", "Гүлнар", "phone",
			      "+77011234567");
	int64_t person = 0;
	assert_int_equal(persons_insert(db, p, &person), DB_OK);
	json_decref(p);
	assert_false(representatives_is_linked(db, student, person));
	assert_int_equal(representatives_link(db, student, person, "mother"), DB_OK);
	assert_true(representatives_is_linked(db, student, person));
	assert_true(representatives_in_school(db, person, school));
	assert_int_equal(representatives_link(db, student, person, "mother"), DB_CONSTRAINT);
	json_t *children = representatives_children(db, person);
	assert_int_equal(json_array_size(children), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(children, 0), "relation")), "mother");
	json_decref(children);
	/* ORG-3: only the relations of the regulation are stored */
	assert_int_equal(representatives_link(db, student, person, "neighbour"), DB_CONSTRAINT);
	assert_int_equal(representatives_unlink(db, student, person), DB_OK);
	assert_false(representatives_is_linked(db, student, person));
}

static void test_staff_roles_round_trip(void **state)
{
	struct db *db = *state;
	int64_t school = make_school(db, "AST-4");
	json_t *f = json_pack("{s:s, s:s, s:I, s:[s, s]}", "last_name", "Қасымов", "first_name", "Ерлан",
			      "school_id", (json_int_t)school, "roles", "teacher", "curator");
	int64_t id = 0;
	assert_int_equal(staff_insert(db, f, &id), DB_OK);
	json_decref(f);
	json_t *got = staff_get(db, id);
	assert_int_equal(json_array_size(json_object_get(got, "roles")), 2);
	json_object_set_new(got, "roles", json_pack("[s]", "deputy_academic"));
	assert_int_equal(staff_update(db, id, got), DB_OK);
	json_decref(got);
	int64_t total = 0;
	json_t *items = staff_list(db, school, NULL, "deputy_academic", 10, 0, &total);
	assert_int_equal(total, 1);
	json_decref(items);
	items = staff_list(db, school, NULL, "teacher", 10, 0, &total);
	assert_int_equal(total, 0);
	json_decref(items);
}

static void test_users_and_sessions(void **state)
{
	struct db *db = *state;
	int64_t id = 0;
	assert_int_equal(users_create(db, "u1", "hash", ROLE_NETWORK_ADMIN, 0, 0, &id), DB_OK);
	assert_int_equal(users_create(db, "u1", "hash", ROLE_NETWORK_ADMIN, 0, 0, &id), DB_CONSTRAINT);
	struct user u;
	struct user_secret secret;
	assert_int_equal(users_find_login(db, "u1", &u, &secret), DB_ROW);
	assert_int_equal(u.role, ROLE_NETWORK_ADMIN);
	assert_int_equal(users_note_failure(db, u.id, 3, "2030-01-01T00:00:00Z"), DB_OK);
	assert_int_equal(users_find_login(db, "u1", &u, &secret), DB_ROW);
	assert_int_equal(secret.failed_logins, 3);
	assert_string_equal(secret.locked_until, "2030-01-01T00:00:00Z");
	assert_int_equal(sessions_create(db, "h1", u.id, "2030-01-01T00:00:00Z"), DB_OK);
	struct user found;
	assert_int_equal(sessions_find(db, "h1", "2029-12-31T23:59:59Z", &found), DB_ROW);
	assert_int_equal(found.id, u.id);
	/* expired at the instant it ends */
	assert_int_equal(sessions_find(db, "h1", "2030-01-01T00:00:00Z", &found), DB_DONE);
	assert_int_equal(sessions_delete(db, "h1"), DB_OK);
	assert_int_equal(sessions_find(db, "h1", "2029-01-01T00:00:00Z", &found), DB_DONE);
}

static void test_audit_before_after(void **state)
{
	struct db *db = *state;
	json_t *before = json_pack("{s:s}", "status", "studying");
	json_t *after = json_pack("{s:s}", "status", "left");
	assert_int_equal(audit_record(db, 0, 5, "update", "student", 77, before, after), DB_OK);
	assert_int_equal(audit_record(db, 0, 6, "update", "student", 78, NULL, after), DB_OK);
	int64_t total = 0;
	json_t *items = audit_list(db, "student", 77, 0, 10, 0, &total);
	assert_int_equal(total, 1);
	json_t *e = json_array_get(items, 0);
	assert_string_equal(json_string_value(json_object_get(json_object_get(e, "before"), "status")), "studying");
	assert_string_equal(json_string_value(json_object_get(json_object_get(e, "after"), "status")), "left");
	json_decref(items);
	/* a school sees only its own entries */
	items = audit_list(db, NULL, 0, 6, 10, 0, &total);
	assert_int_equal(total, 1);
	json_decref(items);
	json_decref(before);
	json_decref(after);
}

/* --- calendar --- */

/* The NIS structure of 2026–2027 (the demo's), with the assessment of grades 11–12. */
static json_t *nis_structure(void)
{
	return json_pack("{s:s, s:[{s:s, s:s}, {s:s, s:s}, {s:s, s:s}, {s:s, s:s}],"
			 " s:[{s:s, s:s, s:s}, {s:s, s:s, s:s}, {s:s, s:s, s:s}], s:{s:s, s:s}}",
			 "type", "quarters", "terms",
			 "starts_on", "2026-09-01", "ends_on", "2026-10-23",
			 "starts_on", "2026-11-03", "ends_on", "2026-12-29",
			 "starts_on", "2027-01-11", "ends_on", "2027-03-19",
			 "starts_on", "2027-03-30", "ends_on", "2027-05-25",
			 "holidays",
			 "kind", "autumn", "starts_on", "2026-10-24", "ends_on", "2026-11-02",
			 "kind", "winter", "starts_on", "2026-12-30", "ends_on", "2027-01-10",
			 "kind", "spring", "starts_on", "2027-03-20", "ends_on", "2027-03-29",
			 "assessment", "starts_on", "2027-05-17", "ends_on", "2027-06-04");
}

static void test_calendar_structure_round_trip(void **state)
{
	struct db *db = *state;
	int64_t school = make_school(db, "AST-CAL");
	make_class(db, school, 7, "А");
	make_class(db, school, 11, "А");
	int64_t year = years_current(db, school);
	json_t *given = nis_structure();
	assert_int_equal(calendar_structure_save(db, year, given), DB_OK);
	json_t *got = calendar_structure_get(db, year);
	assert_non_null(got);
	assert_string_equal(json_string_value(json_object_get(got, "type")), "quarters");
	json_t *terms = json_object_get(got, "terms");
	assert_int_equal(json_array_size(terms), 4);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(terms, 3), "number")), 4);
	assert_true(json_equal(json_object_get(got, "holidays"), json_object_get(given, "holidays")));
	assert_true(json_equal(json_object_get(got, "assessment"), json_object_get(given, "assessment")));
	/* no grade 10 assessment given: none read back */
	assert_true(json_is_null(json_object_get(got, "assessment_basic")));
	json_t *y = json_object_get(got, "academic_year");
	assert_int_equal(json_integer_value(json_object_get(y, "id")), year);
	assert_true(json_is_null(json_object_get(y, "approved_at")));

	/* as the rules see it: basic and high taught, no next year yet, no problem */
	struct calendar_year cy;
	assert_int_equal(calendar_structure_to_year(got, &cy), 0);
	assert_int_equal(calendar_context(db, school, &cy), DB_OK);
	assert_int_equal(cy.levels, CALENDAR_LEVEL_BIT(LEVEL_BASIC) | CALENDAR_LEVEL_BIT(LEVEL_HIGH));
	assert_false(cy.has_next_start);
	assert_int_equal(cy.n_terms, 4);
	assert_true(cy.has_assessment);
	assert_false(cy.has_assessment_basic);
	assert_int_equal(calendar_check(&cy, NULL, 0), 0);
	json_decref(got);

	/* grade 10's external assessment (migration 006) is saved, read back and seen by the
	 * rules; its 7 study days (17–25 May) take the basic level to 164 (CAL-2) */
	json_object_set_new(given, "assessment_basic",
			    json_pack("{s:s, s:s}", "starts_on", "2027-05-17", "ends_on", "2027-06-04"));
	assert_int_equal(calendar_structure_save(db, year, given), DB_OK);
	got = calendar_structure_get(db, year);
	assert_true(json_equal(json_object_get(got, "assessment_basic"), json_object_get(given, "assessment_basic")));
	assert_true(json_equal(json_object_get(got, "assessment"), json_object_get(given, "assessment")));
	assert_int_equal(calendar_structure_to_year(got, &cy), 0);
	assert_int_equal(calendar_context(db, school, &cy), DB_OK);
	assert_true(cy.has_assessment_basic);
	assert_int_equal(date_compare(cy.assessment_basic.starts_on, (struct date){2027, 5, 17}), 0);
	struct calendar_problem problems[CALENDAR_MAX_PROBLEMS];
	assert_int_equal(calendar_check(&cy, problems, CALENDAR_MAX_PROBLEMS), 1);
	assert_string_equal(problems[0].rule, "CAL-2");
	assert_string_equal(problems[0].code, "calendar_study_weeks_basic");
	assert_int_equal(problems[0].have, 164);
	json_decref(got);

	/* the next year, once it exists, ends the summer */
	make_year(db, school, "2027-2028", "2027-08-20", "2028-05-25", "draft");
	assert_int_equal(calendar_context(db, school, &cy), DB_OK);
	assert_true(cy.has_next_start);
	assert_int_equal(date_compare(cy.next_starts_on, (struct date){2027, 8, 20}), 0);

	/* a save replaces everything: two semesters, no assessment */
	json_object_set_new(given, "type", json_string("semesters"));
	json_array_remove(json_object_get(given, "terms"), 3);
	json_array_remove(json_object_get(given, "terms"), 2);
	json_object_set_new(given, "assessment", json_null());
	json_object_set_new(given, "assessment_basic", json_null());
	assert_int_equal(calendar_structure_save(db, year, given), DB_OK);
	got = calendar_structure_get(db, year);
	assert_string_equal(json_string_value(json_object_get(json_object_get(got, "academic_year"), "type")),
			    "semesters");
	assert_int_equal(json_array_size(json_object_get(got, "terms")), 2);
	assert_true(json_is_null(json_object_get(got, "assessment")));
	assert_true(json_is_null(json_object_get(got, "assessment_basic")));
	json_decref(got);
	json_decref(given);
	/* a school without classes is checked for every level */
	int64_t bare = make_school(db, "AST-NEW");
	assert_int_equal(calendar_context(db, bare, &cy), DB_OK);
	assert_int_equal(cy.levels, CALENDAR_ALL_LEVELS);
}

/* CAL-5: who has not fixed next year's dates before 25 August. */
static void test_calendar_approve_and_not_fixed(void **state)
{
	struct db *db = *state;
	int64_t a = make_school(db, "A-EARLY"), b = make_school(db, "B-LATE");
	int64_t c = make_school(db, "C-NONE"), d = make_school(db, "D-DRAFT");
	int64_t ya = make_year(db, a, "2027-2028", "2027-09-01", "2028-05-25", "draft");
	int64_t yb = make_year(db, b, "2027-2028", "2027-09-01", "2028-05-25", "draft");
	int64_t yd = make_year(db, d, "2027-2028", "2027-09-01", "2028-05-25", "draft");
	make_year(db, c, "2026-2027", "2026-09-01", "2027-05-25", "draft");
	assert_int_equal(calendar_year_approve(db, ya, 0, "2027-08-24T05:00:00Z", "2027-08-24", "draft"), DB_OK);
	assert_int_equal(calendar_year_approve(db, yb, 0, "2027-08-25T05:00:00Z", "2027-08-25", "draft"), DB_OK);
	json_t *y = years_get(db, ya);
	assert_string_equal(json_string_value(json_object_get(y, "fixed_on")), "2027-08-24");
	assert_string_equal(json_string_value(json_object_get(y, "approved_at")), "2027-08-24T05:00:00Z");
	assert_true(json_is_null(json_object_get(y, "approved_by")));
	json_decref(y);
	json_t *items = calendar_not_fixed(db, "2027-2028", "2027-08-25");
	assert_non_null(items);
	assert_int_equal(json_array_size(items), 3);
	static const char *const want[][2] = {
		{"B-LATE", "approved_late"}, {"C-NONE", "missing"}, {"D-DRAFT", "not_approved"}};
	for (size_t i = 0; i < 3; i++) {
		json_t *it = json_array_get(items, i);
		assert_string_equal(json_string_value(json_object_get(json_object_get(it, "school"), "code")),
				    want[i][0]);
		assert_string_equal(json_string_value(json_object_get(it, "status")), want[i][1]);
	}
	assert_int_equal(json_integer_value(json_object_get(json_array_get(items, 2), "academic_year_id")), yd);
	assert_true(json_is_null(json_object_get(json_array_get(items, 1), "academic_year_id")));
	json_decref(items);
}

/* CAL-7: the seeded tables give the same days off as the built-in table. */
static void test_holidays_seeded_from_default(void **state)
{
	struct db *db = *state;
	struct holidays_table t;
	const struct holiday_calendar *kz = holiday_calendar_default();
	assert_int_equal(holidays_load(db, &t), DB_OK);
	assert_int_equal(t.cal.n_rules, kz->n_rules);
	assert_int_equal(t.cal.n_fixed, kz->n_fixed);
	assert_int_equal(t.cal.n_transfers, kz->n_transfers);
	for (int64_t x = date_to_days((struct date){2025, 1, 1}); x <= date_to_days((struct date){2027, 12, 31}); x++) {
		struct date day = date_from_days(x);
		if (holiday_is_day_off(&t.cal, day) != holiday_is_day_off(kz, day))
			fail_msg("%04d-%02d-%02d differs from the built-in table", day.y, day.m, day.d);
	}
	holidays_table_release(&t);
	json_t *y2025 = holidays_of_year(db, 2025), *y2026 = holidays_of_year(db, 2026);
	assert_int_equal(json_array_size(json_object_get(y2025, "rules")), 14);
	assert_int_equal(json_array_size(json_object_get(y2026, "rules")), 13);
	assert_int_equal(json_array_size(json_object_get(y2025, "transfers")), 1);
	assert_int_equal(json_array_size(json_object_get(y2026, "transfers")), 0);
	json_t *kurban = json_array_get(json_object_get(y2026, "fixed"), 0);
	assert_string_equal(json_string_value(json_object_get(kurban, "date")), "2026-05-27");
	assert_string_equal(json_string_value(json_object_get(json_object_get(kurban, "name"), "kk")), "Құрбан айт");
	json_t *first = json_array_get(json_object_get(y2026, "rules"), 0);
	assert_string_equal(json_string_value(json_object_get(json_object_get(first, "name"), "ru")), "Новый год");
	assert_true(json_is_null(json_object_get(first, "from_year")));
	json_decref(y2025);
	json_decref(y2026);
}

/* CAL-7: an edit of the tables shows in the next load. */
static void test_holidays_edit(void **state)
{
	struct db *db = *state;
	struct holidays_table t;
	struct date fri = {2027, 1, 8}, sat = {2027, 1, 9}, mon = {2027, 5, 17};
	json_t *h = json_pack("{s:s, s:b, s:{s:s, s:s, s:s}}", "date", "2027-05-17", "moves_if_weekend", 0,
			      "name", "kk", "Құрбан айт", "ru", "Курбан айт", "en", "Kurban Ait");
	int64_t fixed = 0, transfer = 0, other = 0;
	assert_int_equal(holidays_fixed_insert(db, h, &fixed), DB_OK);
	assert_int_equal(holidays_fixed_insert(db, h, &other), DB_CONSTRAINT);
	json_decref(h);
	json_t *tr = json_pack("{s:s, s:s}", "working_day", "2027-01-09", "day_off", "2027-01-08");
	assert_int_equal(holidays_transfer_insert(db, tr, &transfer), DB_OK);
	assert_int_equal(holidays_transfer_insert(db, tr, &other), DB_CONSTRAINT);
	json_decref(tr);
	json_t *got = holidays_transfer_get(db, transfer);
	assert_string_equal(json_string_value(json_object_get(got, "day_off")), "2027-01-08");
	json_decref(got);
	got = holidays_fixed_get(db, fixed);
	assert_true(json_is_false(json_object_get(got, "moves_if_weekend")));
	json_decref(got);

	assert_int_equal(holidays_load(db, &t), DB_OK);
	assert_true(holiday_is_day_off(&t.cal, mon));
	assert_true(holiday_is_day_off(&t.cal, fri));
	assert_false(holiday_is_day_off(&t.cal, sat));
	holidays_table_release(&t);
	assert_int_equal(holidays_fixed_delete(db, fixed), DB_OK);
	assert_int_equal(holidays_transfer_delete(db, transfer), DB_OK);
	assert_null(holidays_fixed_get(db, fixed));
	assert_int_equal(holidays_load(db, &t), DB_OK);
	assert_false(holiday_is_day_off(&t.cal, mon));
	assert_false(holiday_is_day_off(&t.cal, fri));
	assert_true(holiday_is_day_off(&t.cal, sat));
	holidays_table_release(&t);
}

/* --- the timetable (store/timetable.c) --- */

/* A teacher of the school; returns the staff id. */
static int64_t make_teacher(struct db *db, int64_t school, const char *last)
{
	json_t *f = json_pack("{s:s, s:s, s:I, s:[s]}", "last_name", last, "first_name", "Ерлан", "school_id",
			      (json_int_t)school, "roles", "teacher");
	int64_t id = 0;
	assert_int_equal(staff_insert(db, f, &id), DB_OK);
	json_decref(f);
	return id;
}

static int64_t make_subject(struct db *db, const char *code)
{
	json_t *s = json_pack("{s:s, s:{s:s, s:s, s:s}}", "code", code, "name", "kk", code, "ru", code, "en", code);
	int64_t id = 0;
	assert_int_equal(subjects_insert(db, s, &id), DB_OK);
	json_decref(s);
	return id;
}

/* CAL-6, ORG-7: a school without a schedule has the defaults; a saved one comes back. */
static void test_bells_round_trip(void **state)
{
	struct db *db = *state;
	int64_t school = make_school(db, "AST-BELL");
	json_t *b = bells_get(db, school);
	assert_int_equal(json_integer_value(json_object_get(b, "lesson_minutes")), 40);
	assert_true(json_is_false(json_object_get(b, "saturday")));
	assert_int_equal(json_array_size(json_object_get(b, "periods")), 0);
	assert_int_equal(json_integer_value(json_object_get(b, "meal_break_minutes")), 20);
	assert_int_equal(json_integer_value(json_object_get(b, "min_break_minutes")), 5);
	json_decref(b);
	json_t *given = json_pack("{s:i, s:b, s:[{s:i, s:s, s:s, s:b}, {s:i, s:s, s:s, s:b}]}", "lesson_minutes",
				  40, "saturday", 1, "periods", "number", 1, "starts_at", "08:00", "ends_at",
				  "08:40", "meal_after", 1, "number", 2, "starts_at", "09:00", "ends_at", "09:40",
				  "meal_after", 0);
	assert_int_equal(bells_save(db, school, given, 0), DB_OK);
	assert_int_equal(bells_save(db, school, given, 0), DB_OK); /* a second save replaces */
	b = bells_get(db, school);
	assert_true(json_is_true(json_object_get(b, "saturday")));
	assert_true(json_equal(json_object_get(b, "periods"), json_object_get(given, "periods")));
	struct tt_bells tb;
	assert_int_equal(bells_to_core(b, &tb), 0);
	assert_int_equal(tb.n, 2);
	assert_int_equal(tb.periods[1].starts_at, 9 * 60);
	assert_int_equal(tt_bells_check(&tb, 5, 20, NULL, 0), 0);
	json_decref(b);
	json_decref(given);
}

static void test_rooms(void **state)
{
	struct db *db = *state;
	int64_t school = make_school(db, "AST-ROOM");
	int64_t physics = make_subject(db, "physics_t");
	json_t *r = json_pack("{s:I, s:s, s:i, s:[{s:I}]}", "school_id", (json_int_t)school, "name", "Lab 1",
			      "capacity", 16, "subjects", "subject_id", (json_int_t)physics);
	int64_t id = 0;
	assert_int_equal(rooms_insert(db, r, &id), DB_OK);
	json_t *got = rooms_get(db, id);
	assert_string_equal(json_string_value(json_object_get(got, "name")), "Lab 1");
	assert_int_equal(json_integer_value(json_object_get(got, "capacity")), 16);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(json_object_get(got, "subjects"), 0),
							    "id")), physics);
	json_decref(got);
	assert_int_equal(db_begin(db), DB_OK);
	int64_t again = 0;
	assert_int_equal(rooms_insert(db, r, &again), DB_CONSTRAINT);
	db_rollback(db);
	json_decref(r);
	json_t *list = rooms_list(db, school);
	assert_int_equal(json_array_size(list), 1);
	json_decref(list);
}

/* A school with a 2026–2027 NIS year, two classes, two teachers, two subjects and an
 * approved timetable of semester 1 holding `n` entries of class 7А. */
struct tt_fixture {
	int64_t school, year, c7a, c7b, t1, t2, math, physics, tt;
};

static void tt_fixture(struct db *db, struct tt_fixture *f, const char *code)
{
	f->school = make_school(db, code);
	f->c7a = make_class(db, f->school, 7, "А");
	f->c7b = make_class(db, f->school, 7, "Б");
	f->year = years_current(db, f->school);
	json_t *s = nis_structure();
	assert_int_equal(calendar_structure_save(db, f->year, s), DB_OK);
	json_decref(s);
	f->t1 = make_teacher(db, f->school, "Бекова");
	f->t2 = make_teacher(db, f->school, "Серіков");
	f->math = make_subject(db, "math_t");
	f->physics = make_subject(db, "physics_t");
	json_t *t = json_pack("{s:I, s:I, s:i}", "school_id", (json_int_t)f->school, "academic_year_id",
			      (json_int_t)f->year, "semester", 1);
	assert_int_equal(timetables_insert(db, t, 0, &f->tt), DB_OK);
	json_decref(t);
}

static struct tt_entry tt_lesson(int wd, int period, int64_t cls, int64_t subject, int64_t staff)
{
	struct tt_entry e = {0};
	e.weekday = wd, e.period = period, e.class_id = cls, e.subject_id = subject, e.staff_id = staff;
	e.grade = 7;
	return e;
}

/* TT-3: versions numbered per semester, entries stored and copied, one approved. */
static void test_timetable_versions_and_entries(void **state)
{
	struct db *db = *state;
	struct tt_fixture f;
	tt_fixture(db, &f, "AST-TT1");
	json_t *t = timetables_get(db, f.tt);
	assert_int_equal(json_integer_value(json_object_get(t, "number")), 1);
	assert_string_equal(json_string_value(json_object_get(t, "status")), "draft");
	json_decref(t);

	struct tt_entry e[] = {tt_lesson(1, 1, f.c7a, f.math, f.t1), tt_lesson(1, 2, f.c7a, f.physics, f.t2),
			       tt_lesson(2, 1, f.c7b, f.math, f.t1)};
	assert_int_equal(timetable_entries_store(db, f.tt, e, 3), DB_OK);
	assert_true(e[0].id && e[1].id && e[2].id);
	/* move one, drop one, add one */
	struct tt_entry next[] = {e[0], tt_lesson(3, 1, f.c7b, f.physics, f.t2)};
	next[0].period = 3;
	assert_int_equal(timetable_entries_store(db, f.tt, next, 2), DB_OK);
	struct tt_entry *got;
	size_t n;
	assert_int_equal(timetable_entries_load(db, f.tt, &got, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(got[0].id, e[0].id);
	assert_int_equal(got[0].period, 3);
	assert_int_equal(got[0].grade, 7);
	assert_int_equal(got[1].id, next[1].id);
	free(got);
	json_t *list = timetable_entries_json(db, f.tt, f.c7b, 0);
	assert_int_equal(json_array_size(list), 1);
	json_t *one = json_array_get(list, 0);
	assert_string_equal(json_string_value(json_object_get(json_object_get(one, "class"), "label")), "7Б");
	assert_string_equal(json_string_value(json_object_get(json_object_get(one, "teacher"), "last_name")),
			    "Серіков");
	assert_true(json_is_null(json_object_get(one, "group")));
	json_decref(list);

	/* a second version copied from the first */
	json_t *t2 = json_pack("{s:I, s:I, s:i, s:I, s:s}", "school_id", (json_int_t)f.school, "academic_year_id",
			       (json_int_t)f.year, "semester", 1, "based_on", (json_int_t)f.tt, "reason", "a teacher left");
	int64_t v2 = 0;
	assert_int_equal(timetables_insert(db, t2, 0, &v2), DB_OK);
	json_decref(t2);
	assert_int_equal(timetable_entries_copy(db, f.tt, v2), DB_OK);
	t = timetables_get(db, v2);
	assert_int_equal(json_integer_value(json_object_get(t, "number")), 2);
	assert_int_equal(json_integer_value(json_object_get(t, "entries_count")), 2);
	assert_int_equal(json_integer_value(json_object_get(t, "based_on")), f.tt);
	assert_string_equal(json_string_value(json_object_get(t, "reason")), "a teacher left");
	json_decref(t);

	assert_int_equal(timetables_approve(db, f.tt, 0, "2026-08-25T05:00:00Z", "2026-08-24", "agreed"), DB_OK);
	assert_int_equal(timetables_approve(db, v2, 0, "2026-10-01T05:00:00Z", "2026-09-30", NULL), DB_OK);
	t = timetables_get(db, f.tt);
	assert_string_equal(json_string_value(json_object_get(t, "status")), "superseded");
	assert_string_equal(json_string_value(json_object_get(t, "superseded_at")), "2026-10-01T05:00:00Z");
	assert_string_equal(json_string_value(json_object_get(t, "committee_note")), "agreed");
	json_decref(t);
	t = timetables_get(db, v2);
	assert_string_equal(json_string_value(json_object_get(t, "status")), "approved");
	json_decref(t);
	/* at most one approved version per semester, whatever the caller does */
	assert_int_equal(db_begin(db), DB_OK);
	assert_int_equal(db_run(db, "UPDATE timetables SET status = 'approved' WHERE id = $1", "i", f.tt),
			 DB_CONSTRAINT);
	db_rollback(db);
	list = timetables_list(db, f.school, 0);
	assert_int_equal(json_array_size(list), 2);
	json_decref(list);
}

static int64_t count_lessons(struct db *db, const char *where_date)
{
	int64_t n = -1;
	assert_int_equal(db_query_int64(db, &n, "SELECT COUNT(*) FROM lessons WHERE lesson_date >= $1", "s",
					where_date), DB_ROW);
	return n;
}

/* The approved version laid over semester 1: no lessons on holidays, weekends or public
 * days off; laying twice changes nothing; a correction keeps what it does not move. */
static void test_timetable_lay(void **state)
{
	struct db *db = *state;
	struct tt_fixture f;
	tt_fixture(db, &f, "AST-TT2");
	/* Monday period 1 and Wednesday period 2 of 7А */
	struct tt_entry e[] = {tt_lesson(1, 1, f.c7a, f.math, f.t1), tt_lesson(3, 2, f.c7a, f.physics, f.t2)};
	assert_int_equal(timetable_entries_store(db, f.tt, e, 2), DB_OK);
	struct timetable_lay_result r;
	assert_int_equal(timetable_lay(db, f.tt, NULL, &r), LAY_NOT_APPROVED);
	assert_int_equal(timetables_approve(db, f.tt, 0, "2026-08-25T05:00:00Z", "2026-08-24", NULL), DB_OK);
	assert_int_equal(timetable_lay(db, f.tt, "2026-08-31", &r), LAY_BAD_FROM);
	assert_int_equal(timetable_lay(db, f.tt, NULL, &r), LAY_OK);
	assert_string_equal(r.from, "2026-09-01");
	assert_string_equal(r.to, "2026-12-29");
	assert_int_equal(r.days, 79);
	/* Mondays of semester 1: 15 (7 Sep … 28 Dec; 26 Oct is in the autumn holiday);
	 * Wednesdays: 16 less Independence Day (16 Dec) = 15 */
	assert_int_equal(r.inserted, 30);
	assert_int_equal(count_lessons(db, "2026-01-01"), 30);
	int64_t n = -1;
	assert_int_equal(db_query_int64(db, &n, "SELECT COUNT(*) FROM lessons WHERE lesson_date IN"
						" ('2026-12-16', '2026-10-26', '2026-09-05', '2026-11-02')", ""), DB_ROW);
	assert_int_equal(n, 0);

	/* again: nothing changes */
	assert_int_equal(timetable_lay(db, f.tt, NULL, &r), LAY_OK);
	assert_int_equal(r.inserted, 0);
	assert_int_equal(r.removed, 0);
	assert_int_equal(r.kept, 30);

	json_t *list = lessons_list(db, "class", f.c7a, "2026-09-07", "2026-09-09");
	assert_int_equal(json_array_size(list), 2);
	json_t *first = json_array_get(list, 0);
	assert_string_equal(json_string_value(json_object_get(first, "date")), "2026-09-07");
	assert_int_equal(json_integer_value(json_object_get(json_object_get(first, "subject"), "id")), f.math);
	json_decref(list);
	list = lessons_list(db, "staff", f.t2, "2026-09-01", "2026-09-30");
	assert_int_equal(json_array_size(list), 5); /* Wednesdays 2, 9, 16, 23, 30 September */
	json_decref(list);

	/* a correction from 1 December: Wednesday's physics moves to Thursday */
	json_t *t2 = json_pack("{s:I, s:I, s:i, s:I, s:s}", "school_id", (json_int_t)f.school, "academic_year_id",
			       (json_int_t)f.year, "semester", 1, "based_on", (json_int_t)f.tt, "reason", "moved");
	int64_t v2 = 0;
	assert_int_equal(timetables_insert(db, t2, 0, &v2), DB_OK);
	json_decref(t2);
	assert_int_equal(timetable_entries_copy(db, f.tt, v2), DB_OK);
	struct tt_entry *got;
	size_t ng;
	assert_int_equal(timetable_entries_load(db, v2, &got, &ng), DB_OK);
	got[1].weekday = 4;
	assert_int_equal(timetable_entries_store(db, v2, got, ng), DB_OK);
	free(got);
	assert_int_equal(timetables_approve(db, v2, 0, "2026-11-30T20:00:00Z", "2026-11-30", NULL), DB_OK);
	assert_int_equal(timetable_lay(db, v2, NULL, &r), LAY_OK);
	assert_string_equal(r.from, "2026-12-01"); /* 1 December 01:00 in Kazakhstan */
	/* Mondays 7, 14, 21, 28 Dec kept (origin updated); Wednesdays 2, 9, 23 Dec removed
	 * (16th is a holiday); Thursdays 3, 10, 17, 24 Dec new */
	assert_int_equal(r.updated, 4);
	assert_int_equal(r.removed, 3);
	assert_int_equal(r.inserted, 4);
	assert_int_equal(count_lessons(db, "2026-01-01"), 31);
	/* the lessons before the correction stay as they were */
	assert_int_equal(db_query_int64(db, &n, "SELECT COUNT(*) FROM lessons WHERE timetable_id = $1", "i", f.tt),
			 DB_ROW);
	assert_int_equal(n, 30 - 7);
}

/* --- the elective blocks of a version (store/timetable_electives.c; TT-4, ELE-3) --- */

/* An elective group of `course` taught by `staff` (0: none) with one member; its id. */
static int64_t make_elective_group(struct db *db, int64_t course, const char *name, int64_t staff, int64_t student)
{
	int64_t id = 0;
	assert_int_equal(db_query_int64(db, &id, staff ? "INSERT INTO elective_groups (course_id, name, staff_id, created_at)"
						 " VALUES ($1, $2, $3, '2026-09-01T00:00:00Z') RETURNING id"
					       : "INSERT INTO elective_groups (course_id, name, created_at)"
						 " VALUES ($1, $2, '2026-09-01T00:00:00Z') RETURNING id",
					staff ? "isi" : "is", course, name, staff), DB_ROW);
	assert_true(db_run(db, "INSERT INTO elective_group_members (group_id, student_id, joined_on)"
			       " VALUES ($1, $2, '2026-09-01')", "ii", id, student) >= 0);
	return id;
}

/* Rows put in a version as the generator writes them come back as its blocks: grouped
 * by slot and grade, the group, course, teacher and room named; a group with a member of
 * grade 8 puts grade 8 in the block (ELE-3); kept for the class of a grade in it and for
 * a group's teacher; read as core records; given a room; copied into a new version. */
static void test_timetable_elective_blocks(void **state)
{
	struct db *db = *state;
	struct tt_fixture f;
	tt_fixture(db, &f, "AST-TTE");
	int64_t c8 = make_class(db, f.school, 8, "А"), c9 = make_class(db, f.school, 9, "А");
	int64_t s7 = make_student(db, f.school, f.c7a, "Әлібеков", "Нұрлан", "130501500013");
	int64_t s7b = make_student(db, f.school, f.c7b, "Иванов", "Пётр", "130501500021");
	int64_t s8 = make_student(db, f.school, c8, "Серікова", "Ая", "130501500039");
	int64_t course = 0;
	assert_int_equal(db_query_int64(db, &course,
		"INSERT INTO elective_courses (school_id, academic_year_id, title_kk, title_ru, title_en, kind,"
		" direction, grade_from, grade_to, hours, staff_id, programme_status, created_at, updated_at)"
		" VALUES ($1, $2, 'Робототехника', 'Робототехника', 'Robotics', 'interest', 'it', 7, 8, 1, $3,"
		" 'approved', '2026-06-01T00:00:00Z', '2026-06-01T00:00:00Z') RETURNING id",
		"iii", f.school, f.year, f.t1), DB_ROW);
	int64_t g1 = make_elective_group(db, course, "R1", f.t1, s7);
	int64_t g2 = make_elective_group(db, course, "R2", 0, s7b);
	assert_true(db_run(db, "INSERT INTO elective_group_members (group_id, student_id, joined_on)"
			       " VALUES ($1, $2, '2026-09-01')", "ii", g2, s8) >= 0);
	json_t *r = json_pack("{s:I, s:s}", "school_id", (json_int_t)f.school, "name", "Robo lab");
	int64_t room = 0;
	assert_int_equal(rooms_insert(db, r, &room), DB_OK);
	json_decref(r);

	json_t *b = timetable_blocks_json(db, f.tt, 0, 0);
	assert_int_equal(json_array_size(b), 0);
	json_decref(b);
	assert_true(db_run(db, "INSERT INTO timetable_elective_entries (timetable_id, weekday, period, grade, group_id,"
			       " staff_id, room_id) VALUES ($1, 2, 6, 7, $2, $3, $4)", "iiii", f.tt, g1, f.t1, room) >= 0);
	assert_true(db_run(db, "INSERT INTO timetable_elective_entries (timetable_id, weekday, period, grade, group_id,"
			       " locked) VALUES ($1, 2, 6, 7, $2, 1)", "ii", f.tt, g2) >= 0);

	b = timetable_blocks_json(db, f.tt, 0, 0);
	assert_int_equal(json_array_size(b), 1);
	json_t *blk = json_array_get(b, 0);
	assert_int_equal(json_integer_value(json_object_get(blk, "weekday")), 2);
	assert_int_equal(json_integer_value(json_object_get(blk, "period")), 6);
	assert_int_equal(json_integer_value(json_object_get(blk, "grade")), 7);
	json_t *grades = json_object_get(blk, "grades");
	assert_int_equal(json_array_size(grades), 2);
	assert_int_equal(json_integer_value(json_array_get(grades, 0)), 7);
	assert_int_equal(json_integer_value(json_array_get(grades, 1)), 8);
	json_t *groups = json_object_get(blk, "groups");
	assert_int_equal(json_array_size(groups), 2);
	json_t *m1 = json_array_get(groups, 0), *m2 = json_array_get(groups, 1); /* by course, then name */
	assert_int_equal(json_integer_value(json_object_get(m1, "group_id")), g1);
	assert_string_equal(json_string_value(json_object_get(m1, "group_name")), "R1");
	assert_string_equal(json_string_value(json_object_get(json_object_get(m1, "course"), "en")), "Robotics");
	assert_int_equal(json_integer_value(json_object_get(m1, "staff_id")), f.t1);
	assert_non_null(strstr(json_string_value(json_object_get(m1, "staff_name")), "Бекова"));
	assert_string_equal(json_string_value(json_object_get(m1, "room_name")), "Robo lab");
	assert_false(json_is_true(json_object_get(m1, "locked")));
	assert_null(json_object_get(m1, "weekday")); /* the slot is the block's */
	assert_true(json_is_null(json_object_get(m2, "staff_id")));
	assert_true(json_is_null(json_object_get(m2, "staff_name")));
	assert_true(json_is_null(json_object_get(m2, "room_name")));
	assert_true(json_is_true(json_object_get(m2, "locked")));
	int64_t row1 = json_integer_value(json_object_get(m1, "id")), row2 = json_integer_value(json_object_get(m2, "id"));
	json_decref(b);

	/* the classes of grades 7 and 8 see the block, grade 9's not; the teacher sees theirs */
	int64_t want[][2] = {{f.c7a, 1}, {f.c7b, 1}, {c8, 1}, {c9, 0}};
	for (size_t i = 0; i < 4; i++) {
		b = timetable_blocks_json(db, f.tt, want[i][0], 0);
		assert_int_equal(json_array_size(b), want[i][1]);
		json_decref(b);
	}
	b = timetable_blocks_json(db, f.tt, 0, f.t1);
	assert_int_equal(json_array_size(b), 1);
	assert_int_equal(json_array_size(json_object_get(json_array_get(b, 0), "groups")), 1);
	assert_int_equal(json_array_size(json_object_get(json_array_get(b, 0), "grades")), 2);
	json_decref(b);
	b = timetable_blocks_json(db, f.tt, 0, f.t2);
	assert_int_equal(json_array_size(b), 0);
	json_decref(b);

	/* core records, with the grades of their members (ELE-3) */
	struct tt_block *core = NULL;
	size_t n = 0;
	assert_int_equal(timetable_blocks_load(db, f.tt, &core, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(core[0].id, row1);
	assert_int_equal(core[0].grades, tt_block_grade_bit(7));
	assert_int_equal(core[0].staff_id, f.t1);
	assert_int_equal(core[0].room_id, room);
	assert_int_equal(core[1].grades, tt_block_grade_bit(7) | tt_block_grade_bit(8));
	assert_int_equal(core[1].staff_id, 0);
	assert_int_equal(core[1].room_id, 0);
	free(core);

	/* a room given, then taken away */
	assert_int_equal(timetable_block_set_room(db, row2, room), DB_OK);
	r = timetable_block_get(db, row2);
	assert_int_equal(json_integer_value(json_object_get(r, "room_id")), room);
	assert_int_equal(json_integer_value(json_object_get(r, "timetable_id")), f.tt);
	json_decref(r);
	assert_int_equal(timetable_block_set_room(db, row2, 0), DB_OK);
	r = timetable_block_named(db, row2);
	assert_true(json_is_null(json_object_get(r, "room_id")));
	assert_int_equal(json_integer_value(json_object_get(r, "weekday")), 2);
	json_decref(r);
	assert_null(timetable_block_get(db, row2 + 1000));

	/* copied into a new version as they are */
	json_t *t = json_pack("{s:I, s:I, s:i, s:I, s:s}", "school_id", (json_int_t)f.school, "academic_year_id",
			      (json_int_t)f.year, "semester", 1, "based_on", (json_int_t)f.tt, "reason", "test");
	int64_t copy = 0, same = 0;
	assert_int_equal(timetables_insert(db, t, 0, &copy), DB_OK);
	json_decref(t);
	assert_int_equal(timetable_blocks_copy(db, f.tt, copy), DB_OK);
	assert_int_equal(db_query_int64(db, &same, "SELECT COUNT(*) FROM timetable_elective_entries a"
					" JOIN timetable_elective_entries b ON b.timetable_id = $2 AND a.group_id = b.group_id"
					" AND a.weekday = b.weekday AND a.period = b.period AND a.grade = b.grade"
					" AND a.locked = b.locked AND COALESCE(a.staff_id, 0) = COALESCE(b.staff_id, 0)"
					" AND COALESCE(a.room_id, 0) = COALESCE(b.room_id, 0) WHERE a.timetable_id = $1",
					"ii", f.tt, copy), DB_ROW);
	assert_int_equal(same, 2);
	b = timetable_blocks_json(db, copy, 0, 0);
	assert_int_equal(json_array_size(json_object_get(json_array_get(b, 0), "groups")), 2);
	json_decref(b);
}

/* --- the curriculum (store/curriculum.c) --- */

/* A curriculum row as the API hands it to the store. */
static json_t *cur_row(int grade, int64_t subject, int hours, int split, int standard, int advanced)
{
	json_t *r = json_pack("{s:i, s:I, s:i, s:s, s:b, s:n}", "grade", grade, "subject_id", (json_int_t)subject,
			      "hours", hours, "component", "invariant", "split_in_groups", split, "split_language");
	json_object_set_new(r, "standard_hours", standard < 0 ? json_null() : json_integer(standard));
	json_object_set_new(r, "advanced_hours", advanced < 0 ? json_null() : json_integer(advanced));
	return r;
}

/* The integer field key of the row of `rows` whose subject is `subject` (and grade). */
static json_int_t row_field(json_t *rows, int grade, int64_t subject, const char *key)
{
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r)
		if (json_integer_value(json_object_get(r, "subject_id")) == subject &&
		    (!grade || json_integer_value(json_object_get(r, "grade")) == grade))
			return json_integer_value(json_object_get(r, key));
	return -1;
}

/* CUR-1, CUR-2, CUR-3: the ТОЖ is replaced whole; the ЖОЖ copies it, takes row changes
 * and its approval; the threshold is a setting (default 17 from the migration). */
static void test_curriculum_typical_and_school(void **state)
{
	struct db *db = *state;
	int64_t english = make_subject(db, "english"), physics = make_subject(db, "physics");
	assert_int_equal(settings_get_int(db, SETTING_SPLIT_THRESHOLD, 0), 17);
	assert_int_equal(settings_set_int(db, SETTING_SPLIT_THRESHOLD, 18, 0), DB_OK);
	assert_int_equal(settings_get_int(db, SETTING_SPLIT_THRESHOLD, 0), 18);
	assert_int_equal(settings_get_int(db, "no_such_setting", 5), 5);

	json_t *g7 = json_pack("[o, o]", cur_row(7, english, 4, 1, -1, -1), cur_row(7, physics, 2, 0, -1, -1));
	json_t *g11 = json_pack("[o]", cur_row(11, physics, 3, 0, 3, 6));
	int64_t id7 = 0, id11 = 0;
	assert_int_equal(typical_replace(db, "nis", 7, g7, &id7), DB_OK);
	assert_int_equal(typical_replace(db, "nis", 11, g11, &id11), DB_OK);
	json_t *t = typical_get(db, "nis", 11);
	assert_int_equal(json_integer_value(json_object_get(t, "id")), id11);
	json_t *row = json_array_get(json_object_get(t, "rows"), 0);
	assert_true(json_is_true(json_object_get(row, "english_medium"))); /* CUR-7 */
	assert_int_equal(json_integer_value(json_object_get(row, "advanced_hours")), 6);
	json_decref(t);
	t = typical_get(db, "nis", 7);
	assert_int_equal(json_integer_value(json_object_get(t, "total_hours")), 6);
	assert_true(json_is_true(json_object_get(json_array_get(json_object_get(t, "rows"), 0), "split_in_groups")));
	assert_true(json_is_false(json_object_get(json_array_get(json_object_get(t, "rows"), 1), "english_medium")));
	json_decref(t);
	/* replaced whole, the same ТОЖ */
	json_array_remove(g7, 1);
	int64_t again = 0;
	assert_int_equal(typical_replace(db, "nis", 7, g7, &again), DB_OK);
	assert_int_equal(again, id7);
	t = typical_get(db, "nis", 7);
	assert_int_equal(json_array_size(json_object_get(t, "rows")), 1);
	json_decref(t);
	t = typical_get(db, "ib", 7);
	assert_true(json_is_null(json_object_get(t, "id")));
	json_decref(t);

	int64_t school = make_school(db, "AST-CUR");
	int64_t year = make_year(db, school, "2026-2027", "2026-09-01", "2027-05-25", "current");
	int64_t k = 0, nrows = 0;
	assert_int_equal(school_curriculum_generate(db, school, year, "nis", &k, &nrows), DB_OK);
	assert_int_equal(nrows, 2);
	assert_int_equal(school_curriculum_school(db, k), school);
	int64_t found = 0;
	assert_int_equal(school_curriculum_of_year(db, year, &found), DB_ROW);
	assert_int_equal(found, k);
	/* one ЖОЖ per year */
	assert_int_equal(school_curriculum_generate(db, school, year, "nis", &found, &nrows), DB_CONSTRAINT);

	json_t *change = cur_row(7, english, 5, 1, -1, -1);
	assert_int_equal(school_curriculum_put_row(db, k, change), DB_OK);
	json_decref(change);
	change = cur_row(8, physics, 2, 0, -1, -1);
	assert_int_equal(school_curriculum_put_row(db, k, change), DB_OK);
	json_decref(change);
	assert_int_equal(school_curriculum_remove_row(db, k, 11, physics), DB_OK);
	json_t *c = school_curriculum_get(db, k, 0);
	json_t *rows = json_object_get(c, "rows");
	assert_int_equal(json_array_size(rows), 2);
	assert_int_equal(row_field(rows, 7, english, "hours"), 5);
	assert_int_equal(row_field(rows, 8, physics, "hours"), 2);
	assert_string_equal(json_string_value(json_object_get(c, "status")), "draft");
	json_decref(c);
	c = school_curriculum_get(db, k, 8);
	assert_int_equal(json_array_size(json_object_get(c, "rows")), 1);
	json_decref(c);

	assert_int_equal(school_curriculum_approve(db, k, "2026-08-28", "1", 0), DB_OK);
	json_t *list = school_curricula_list(db, school);
	assert_int_equal(json_array_size(list), 1);
	json_t *head = json_array_get(list, 0);
	assert_string_equal(json_string_value(json_object_get(head, "status")), "approved");
	assert_string_equal(json_string_value(json_object_get(head, "council_date")), "2026-08-28");
	assert_int_equal(json_integer_value(json_object_get(head, "rows_count")), 2);
	assert_null(json_object_get(head, "rows"));
	json_decref(list);
	json_decref(g7);
	json_decref(g11);
}

/* CUR-3, CUR-4, CUR-9, CUR-10: groups and their members, an application fixed by an
 * order, the load against the ЖОЖ, the КТЖ topics. */
static void test_curriculum_groups_choices_load_ktp(void **state)
{
	struct db *db = *state;
	int64_t english = make_subject(db, "english"), physics = make_subject(db, "physics");
	int64_t school = make_school(db, "AST-GRP");
	int64_t cls = make_class(db, school, 11, "А");
	int64_t year = years_current(db, school);
	int64_t s1 = make_student(db, school, cls, "Сейітов", "Арман", "090501500019");
	int64_t s2 = make_student(db, school, cls, "Әлиев", "Бекзат", "090501500027");
	int64_t s3 = make_student(db, school, cls, "Ахметов", "Дәурен", "090501500035");
	json_t *keyed = groups_class_students(db, cls);
	assert_int_equal(json_array_size(keyed), 3);
	/* the Kazakh alphabet: А, Ә, …, С */
	assert_int_equal(json_integer_value(json_object_get(json_array_get(keyed, 0), "id")), s3);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(keyed, 1), "id")), s2);
	json_decref(keyed);

	int64_t g1 = 0, g2 = 0, in = 0;
	assert_int_equal(groups_insert(db, cls, english, "1", &g1), DB_OK);
	assert_int_equal(groups_insert(db, cls, english, "2", &g2), DB_OK);
	assert_int_equal(groups_insert(db, cls, english, "2", &in), DB_CONSTRAINT);
	assert_int_equal(groups_count(db, cls, english), 2);
	assert_int_equal(groups_class(db, g2), cls);
	assert_int_equal(groups_subject(db, g2), english);
	assert_int_equal(groups_add_member(db, g1, s3), DB_OK);
	assert_int_equal(groups_add_member(db, g1, s2), DB_OK);
	assert_int_equal(groups_add_member(db, g2, s1), DB_OK);
	assert_int_equal(groups_member_of(db, cls, english, s2, &in), DB_ROW);
	assert_int_equal(in, g1);
	assert_int_equal(groups_remove_member(db, g1, s2), DB_OK);
	assert_int_equal(groups_add_member(db, g2, s2), DB_OK);
	assert_int_equal(groups_member_of(db, cls, physics, s2, &in), DB_DONE);
	json_t *g = groups_get(db, g2);
	assert_int_equal(json_integer_value(json_object_get(g, "size")), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(g, "members"), 0),
								"last_name")), "Әлиев");
	json_decref(g);
	json_t *all = groups_of_class(db, cls);
	assert_int_equal(json_array_size(all), 2);
	json_decref(all);

	/* an application (CUR-4) with the subjects' languages (CUR-7), then fixed (CUR-5) */
	json_t *a = json_pack("{s:I, s:n, s:i, s:s, s:[{s:I, s:s}, {s:I, s:s}]}", "academic_year_id", (json_int_t)year,
			      "representative_id", "math_programme", 10, "filed_on", "2026-05-20", "subjects",
			      "subject_id", (json_int_t)physics, "level", "advanced", "subject_id", (json_int_t)english,
			      "level", "standard");
	int64_t app = 0, again = 0, order = 0;
	assert_int_equal(choices_save(db, s1, a, 0, &app), DB_OK);
	assert_int_equal(choices_save(db, s1, a, 0, &again), DB_OK);
	assert_int_equal(again, app); /* one per student and year */
	assert_int_equal(choices_find(db, s1, year, &again), DB_ROW);
	json_t *apps = choices_of_student(db, s1, "kk");
	assert_int_equal(json_array_size(apps), 1);
	json_t *first = json_array_get(apps, 0);
	assert_true(json_is_null(json_object_get(first, "order")));
	json_t *subjects = json_object_get(first, "subjects");
	assert_int_equal(json_array_size(subjects), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(subjects, 0), "language")), "kk");
	assert_string_equal(json_string_value(json_object_get(json_array_get(subjects, 1), "language")), "en");
	json_decref(apps);
	assert_int_equal(choice_orders_insert(db, school, year, "12-ө", "2026-06-15", 0, &order), DB_OK);
	assert_int_equal(choice_orders_insert(db, school, year, "12-ө", "2026-06-16", 0, &again), DB_CONSTRAINT);
	assert_int_equal(choices_fix(db, app, order), DB_OK);
	apps = choices_of_student(db, s1, "kk");
	assert_string_equal(json_string_value(json_object_get(json_object_get(json_array_get(apps, 0), "order"), "number")),
			    "12-ө");
	json_decref(apps);
	json_decref(a);

	/* the load (CUR-9): the ЖОЖ plans english per group and physics for the class */
	json_t *rows = json_pack("[o, o]", cur_row(11, english, 3, 1, -1, -1), cur_row(11, physics, 2, 0, 2, 6));
	assert_int_equal(typical_replace(db, "nis", 11, rows, NULL), DB_OK);
	json_decref(rows);
	int64_t k = 0, nrows = 0;
	assert_int_equal(school_curriculum_generate(db, school, year, "nis", &k, &nrows), DB_OK);
	int64_t t1 = make_teacher(db, school, "Бекова"), t2 = make_teacher(db, school, "Ахметова");
	json_t *teachers = json_pack("[{s:I, s:i, s:i, s:i}]", "staff_id", (json_int_t)t1, "set_hours", 8,
				     "elective_hours", 1, "club_hours", 0);
	json_t *assignments = json_pack("[{s:I, s:I, s:I, s:I, s:i}, {s:I, s:I, s:I, s:i}]", "staff_id",
					(json_int_t)t1, "class_id", (json_int_t)cls, "group_id", (json_int_t)g1,
					"subject_id", (json_int_t)english, "hours", 3, "staff_id", (json_int_t)t2,
					"class_id", (json_int_t)cls, "subject_id", (json_int_t)physics, "hours", 2);
	assert_int_equal(load_replace(db, school, year, teachers, assignments), DB_OK);
	assert_int_equal(load_replace(db, school, year, teachers, assignments), DB_OK); /* replaced, not added */
	json_t *load = load_get(db, school, year);
	json_t *lt = json_object_get(load, "teachers");
	assert_int_equal(json_array_size(lt), 2); /* with a set load, or with hours */
	assert_int_equal(json_array_size(json_object_get(load, "assignments")), 2);
	json_t *ahmetova = json_array_get(lt, 0); /* by the alphabet */
	assert_int_equal(json_integer_value(json_object_get(ahmetova, "staff_id")), t2);
	assert_true(json_is_null(json_object_get(ahmetova, "set_hours")));
	assert_int_equal(json_integer_value(json_object_get(ahmetova, "lesson_hours")), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(load, "assignments"), 0),
							      "class")), "11А");
	json_decref(load);
	json_t *plan = load_plan_units(db, year, k);
	assert_int_equal(json_array_size(plan), 3); /* english in groups 1 and 2, physics for the class */
	json_decref(plan);
	json_t *given = load_assigned_units(db, year);
	assert_int_equal(json_array_size(given), 2);
	json_decref(given);
	json_t *names = load_names(db, year);
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)g2);
	assert_string_equal(json_string_value(json_object_get(json_object_get(names, "groups"), key)), "2");
	snprintf(key, sizeof key, "%lld", (long long)cls);
	assert_string_equal(json_string_value(json_object_get(json_object_get(names, "classes"), key)), "11А");
	json_decref(names);
	assert_true(load_teaches(db, year, t1, english, 11));
	assert_false(load_teaches(db, year, t1, physics, 11));
	assert_false(load_teaches(db, year, t1, english, 10));
	json_decref(teachers);
	json_decref(assignments);

	/* the КТЖ (CUR-10) */
	json_t *topics = json_pack("[{s:s, s:i}, {s:s, s:i}]", "title", "Кіріспе", "hours", 2, "title", "Векторлар", "hours", 5);
	assert_int_equal(ktp_replace(db, school, year, physics, 11, topics), DB_OK);
	json_array_remove(topics, 0);
	assert_int_equal(ktp_replace(db, school, year, english, 11, topics), DB_OK);
	json_t *ktp = ktp_get(db, school, year, physics, 11);
	assert_int_equal(json_integer_value(json_object_get(ktp, "total_hours")), 7);
	json_t *second = json_array_get(json_object_get(ktp, "topics"), 1);
	assert_int_equal(json_integer_value(json_object_get(second, "position")), 2);
	assert_string_equal(json_string_value(json_object_get(second, "title")), "Векторлар");
	json_decref(ktp);
	ktp = ktp_get(db, school, year, english, 11);
	assert_int_equal(json_array_size(json_object_get(ktp, "topics")), 1);
	json_decref(ktp);
	json_decref(topics);
}

/* The id of the КТЖ topic at `position`, or 0. */
static int64_t topic_at(struct db *db, int64_t year, int64_t subject, int position)
{
	int64_t id = 0;
	if (db_query_int64(db, &id, "SELECT id FROM ktp_topics WHERE academic_year_id = $1 AND subject_id = $2"
				    " AND grade = 11 AND position = $3", "iii", year, subject, (int64_t)position) != DB_ROW)
		return 0;
	return id;
}

/* A lesson's planned topic (0: none), and in *pinned whether it is pinned. */
static int64_t lesson_topic(struct db *db, int64_t lesson, int64_t *pinned)
{
	int64_t topic = -1;
	assert_int_equal(db_query_int64(db, pinned, "SELECT ktp_pinned FROM lessons WHERE id = $1", "i", lesson), DB_ROW);
	assert_int_equal(db_query_int64(db, &topic, "SELECT COALESCE(ktp_topic_id, 0) FROM lessons WHERE id = $1", "i",
					lesson), DB_ROW);
	return topic;
}

/* The КТЖ saved again (CUR-10) keeps the ids of the topics it keeps — by title, then by
 * place — so a lesson pinned on a kept topic stays pinned, also after the next lay; a
 * lesson planned or pinned on a removed topic loses it. */
static void test_ktp_resave_keeps_topics_and_pins(void **state)
{
	struct db *db = *state;
	int64_t physics = make_subject(db, "physics");
	int64_t school = make_school(db, "AST-KTP");
	int64_t cls = make_class(db, school, 11, "Б");
	int64_t year = years_current(db, school);
	json_t *topics = json_pack("[{s:s, s:i}, {s:s, s:i}, {s:s, s:i}, {s:s, s:i}, {s:s, s:i}]", "title", "Кіріспе",
				   "hours", 1, "title", "Векторлар", "hours", 2, "title", "Кинематика", "hours", 1,
				   "title", "Динамика", "hours", 1, "title", "Қорытынды", "hours", 1);
	assert_int_equal(ktp_replace(db, school, year, physics, 11, topics), DB_OK);
	json_decref(topics);
	int64_t intro = topic_at(db, year, physics, 1), vectors = topic_at(db, year, physics, 2);
	int64_t kinematics = topic_at(db, year, physics, 3), dynamics = topic_at(db, year, physics, 4);
	int64_t summary = topic_at(db, year, physics, 5);
	assert_true(intro && vectors && kinematics && dynamics && summary);
	/* eight lessons of physics, one a day */
	int64_t l[8];
	for (int i = 0; i < 8; i++) {
		char date[11];
		snprintf(date, sizeof date, "2026-09-%02d", i + 7);
		assert_int_equal(db_query_int64(db, &l[i], "INSERT INTO lessons (school_id, academic_year_id, semester,"
							 " lesson_date, period, class_id, subject_id, staff_id,"
							 " timetable_id, created_at) VALUES ($1, $2, 1, $3, 2, $4, $5,"
							 " 1, 1, '2026-08-30T00:00:00Z') RETURNING id",
						 "iisii", school, year, date, cls, physics), DB_ROW);
	}
	/* laid, then Кинематика moved to the first lesson and Динамика to the last */
	struct ktp_lay_counts n;
	assert_int_equal(ktp_plan_lay(db, year, cls, 0, physics, 11, &n), DB_OK);
	assert_int_equal(n.planned, 6);
	assert_int_equal(ktp_lesson_pin(db, l[0], kinematics), DB_OK);
	assert_int_equal(ktp_lesson_pin(db, l[7], dynamics), DB_OK);
	assert_int_equal(ktp_plan_lay(db, year, cls, 0, physics, 11, &n), DB_OK);
	int64_t pinned = 0;
	assert_int_equal(lesson_topic(db, l[1], &pinned), intro);
	assert_int_equal(pinned, 0);

	/* saved again: a topic inserted after the first, Кинематика removed, Динамика renamed */
	topics = json_pack("[{s:s, s:i}, {s:s, s:i}, {s:s, s:i}, {s:s, s:i}, {s:s, s:i}]", "title", "Кіріспе", "hours",
			   1, "title", "Өлшемдер", "hours", 1, "title", "Векторлар", "hours", 3, "title",
			   "Динамика негіздері", "hours", 1, "title", "Қорытынды", "hours", 1);
	assert_int_equal(ktp_replace(db, school, year, physics, 11, topics), DB_OK);
	json_decref(topics);
	assert_int_equal(topic_at(db, year, physics, 1), intro);
	int64_t added = topic_at(db, year, physics, 2);
	assert_true(added && added != intro && added != vectors && added != kinematics && added != dynamics &&
		    added != summary);
	assert_int_equal(topic_at(db, year, physics, 3), vectors);
	assert_int_equal(topic_at(db, year, physics, 4), dynamics); /* renamed in its place */
	assert_int_equal(topic_at(db, year, physics, 5), summary);
	int64_t count = 0;
	assert_int_equal(db_query_int64(db, &count, "SELECT COUNT(*) FROM ktp_topics WHERE id = $1", "i", kinematics),
			 DB_ROW);
	assert_int_equal(count, 0);
	json_t *ktp = ktp_get(db, school, year, physics, 11);
	json_t *fourth = json_array_get(json_object_get(ktp, "topics"), 3);
	assert_string_equal(json_string_value(json_object_get(fourth, "title")), "Динамика негіздері");
	assert_int_equal(json_integer_value(json_object_get(ktp, "total_hours")), 7);
	json_decref(ktp);
	/* the pin on the kept topic stays; the one on the removed topic is gone */
	assert_int_equal(lesson_topic(db, l[7], &pinned), dynamics);
	assert_int_equal(pinned, 1);
	assert_int_equal(lesson_topic(db, l[0], &pinned), 0);
	assert_int_equal(pinned, 0);
	assert_int_equal(lesson_topic(db, l[1], &pinned), intro); /* planned, until the next lay */
	assert_int_equal(pinned, 0);
	/* the next lay keeps the pin and flows the rest around it */
	assert_int_equal(ktp_plan_lay(db, year, cls, 0, physics, 11, &n), DB_OK);
	assert_int_equal(n.planned, 7);
	assert_int_equal(n.not_placed, 0);
	assert_int_equal(lesson_topic(db, l[7], &pinned), dynamics);
	assert_int_equal(pinned, 1);
	const int64_t want[] = {intro, added, vectors, vectors, vectors, summary, 0};
	for (int i = 0; i < 7; i++) {
		assert_int_equal(lesson_topic(db, l[i], &pinned), want[i]);
		assert_int_equal(pinned, 0);
	}
	/* saved again with the last topic alone: it keeps its id and its lessons */
	topics = json_pack("[{s:s, s:i}]", "title", "Қорытынды", "hours", 1);
	assert_int_equal(ktp_replace(db, school, year, physics, 11, topics), DB_OK);
	json_decref(topics);
	assert_int_equal(topic_at(db, year, physics, 1), summary); /* by title, not by place */
	assert_int_equal(lesson_topic(db, l[7], &pinned), 0);      /* Динамика is gone */
	assert_int_equal(pinned, 0);
	assert_int_equal(lesson_topic(db, l[5], &pinned), summary);
}

static const char *status_of(struct db *db, int64_t student, char out[24])
{
	json_t *s = students_get(db, student);
	snprintf(out, 24, "%s", s ? json_string_value(json_object_get(s, "status")) : "?");
	json_decref(s);
	return out;
}

/* An order signed today for a later day: the book has the row from that day at once,
 * the student's status (lists, counts) changes on that day — the day's catch-up — and
 * a new application or order is checked against the ordered status meanwhile. An
 * order that would start before one still waiting is refused. */
static void test_movement_status_takes_effect_on_its_day(void **state)
{
	struct db *db = *state;
	int64_t school = make_school(db, "AST-9");
	int64_t cls = make_class(db, school, 8, "Б");
	int64_t kid = make_student(db, school, cls, "Омаров", "Ерлан", "120301500017");
	char st[24], since[DATE_TEXT_SIZE];
	assert_int_equal(movement_status_ordered(db, kid, st, since), DB_OK);
	assert_string_equal(st, "studying");
	assert_string_equal(since, ""); /* no order yet */
	assert_int_equal(movement_book_move(db, kid, school, "studying", "externship", "2027-01-11", "2027-05-25", 0,
					    "45-Ө", "2026-11-26", 0, "2026-11-26"),
			 DB_OK);
	assert_string_equal(status_of(db, kid, st), "studying");
	assert_int_equal(movement_status_ordered(db, kid, st, since), DB_OK);
	assert_string_equal(st, "externship");
	assert_string_equal(since, "2027-01-11");

	/* an order starting on or before the waiting one's first day */
	assert_int_equal(movement_book_move(db, kid, school, "externship", "studying", "2027-01-11", NULL, 0, "46-Ө",
					    "2026-11-27", 0, "2026-11-27"),
			 DB_CONSTRAINT);

	assert_int_equal(movement_statuses_catch_up(db, "2027-01-10"), DB_OK);
	assert_string_equal(status_of(db, kid, st), "studying");
	assert_int_equal(movement_statuses_catch_up(db, "2027-01-11"), DB_OK);
	assert_string_equal(status_of(db, kid, st), "externship");

	/* an order effective today changes the status at once */
	assert_int_equal(movement_book_move(db, kid, school, "externship", "studying", "2027-03-01", NULL, 0, "52-Ө",
					    "2027-03-01", 0, "2027-03-01"),
			 DB_OK);
	assert_string_equal(status_of(db, kid, st), "studying");
	assert_int_equal(movement_statuses_catch_up(db, "2027-03-02"), DB_OK);
	assert_string_equal(status_of(db, kid, st), "studying");
}

/* Two senders on one database (two servers on one PostgreSQL): the first to claim a
 * due message delivers it; the other's claim of the same sighting fails, and the
 * message is not due again until the lease ends. */
static void test_outbox_claim_once(void **state)
{
	struct db *db = *state;
	struct outbox_message m = {.purpose = "curator_tasks", .recipients = "curator@example.kz",
				   .subject = "Тест", .body = "Хат"};
	int64_t id = 0;
	assert_int_equal(outbox_enqueue(db, &m, 0, &id), DB_OK);
	json_t *due = outbox_due(db, "9999-01-01T00:00:00Z", 10);
	assert_int_equal(json_array_size(due), 1);
	char seen[21];
	snprintf(seen, sizeof seen, "%s", json_string_value(json_object_get(json_array_get(due, 0), "next_attempt_at")));
	json_decref(due);

	const char *lease = "9999-01-01T00:10:00Z";
	assert_int_equal(outbox_claim(db, id, seen, lease), 1);
	assert_int_equal(outbox_claim(db, id, seen, lease), 0); /* the second sender's sighting is stale */
	due = outbox_due(db, "9999-01-01T00:09:59Z", 10);
	assert_int_equal(json_array_size(due), 0); /* held by the first sender */
	json_decref(due);
	due = outbox_due(db, lease, 10);
	assert_int_equal(json_array_size(due), 1); /* the lease is over: due again */
	json_decref(due);

	/* a sent message cannot be claimed again */
	assert_int_equal(outbox_mark_sent(db, id, "9999-01-01T00:00:05Z", "9999-01-01"), DB_OK);
	assert_int_equal(outbox_claim(db, id, lease, "9999-01-01T00:20:00Z"), 0);
}

#define BOTH(fn) cmocka_unit_test_setup_teardown(fn, setup_sqlite, teardown)
#define PG(fn) cmocka_unit_test_setup_teardown(fn, setup_pg, teardown)

int main(void)
{
	const struct CMUnitTest sqlite_tests[] = {
		BOTH(test_school_figures_and_code), BOTH(test_student_search_folds_kazakh),
		BOTH(test_representatives_link_once), BOTH(test_staff_roles_round_trip),
		BOTH(test_users_and_sessions), BOTH(test_audit_before_after),
		BOTH(test_calendar_structure_round_trip), BOTH(test_calendar_approve_and_not_fixed),
		BOTH(test_holidays_seeded_from_default), BOTH(test_holidays_edit),
		BOTH(test_bells_round_trip), BOTH(test_rooms), BOTH(test_timetable_versions_and_entries),
		BOTH(test_timetable_lay), BOTH(test_timetable_elective_blocks),
		BOTH(test_curriculum_typical_and_school), BOTH(test_curriculum_groups_choices_load_ktp),
		BOTH(test_ktp_resave_keeps_topics_and_pins), BOTH(test_outbox_claim_once),
		BOTH(test_movement_status_takes_effect_on_its_day),
	};
	int failed = cmocka_run_group_tests_name("store on sqlite", sqlite_tests, NULL, NULL);
	if (!getenv("MEKTEP_PG_TEST")) {
		printf("store on postgresql: skipped (MEKTEP_PG_TEST not set)\n");
		return failed;
	}
	sqlite_path[0] = '\0';
	const struct CMUnitTest pg_tests[] = {
		PG(test_school_figures_and_code), PG(test_student_search_folds_kazakh),
		PG(test_representatives_link_once), PG(test_staff_roles_round_trip),
		PG(test_users_and_sessions), PG(test_audit_before_after),
		PG(test_calendar_structure_round_trip), PG(test_calendar_approve_and_not_fixed),
		PG(test_holidays_seeded_from_default), PG(test_holidays_edit),
		PG(test_bells_round_trip), PG(test_rooms), PG(test_timetable_versions_and_entries),
		PG(test_timetable_lay), PG(test_timetable_elective_blocks),
		PG(test_curriculum_typical_and_school), PG(test_curriculum_groups_choices_load_ktp),
		PG(test_ktp_resave_keeps_topics_and_pins), PG(test_outbox_claim_once),
		PG(test_movement_status_takes_effect_on_its_day),
	};
	return failed + cmocka_run_group_tests_name("store on postgresql", pg_tests, NULL, NULL);
}
