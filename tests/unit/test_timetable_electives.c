/* Unit tests of src/store/timetable_electives.c (TT-4, A3§10; ELE-3): a one-school demo
 * network in a temporary SQLite file, where rows of timetable_elective_entries are put
 * in the approved version directly (as the generator writes them) and read back as the
 * version's blocks — grouped by slot and grade, with the group, the course's title, the
 * teacher and the room named; kept for the class of a grade in the block (a grade joined
 * by a member across parallels too) and for the teacher of a group; read as core records
 * with the grades of their members; copied into a new version; given a room. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "demo/demo.h"
#include "store/db.h"
#include "store/migrations.h"
#include "store/org.h"
#include "store/timetable.h"
#include "store/timetable_electives.h"
#include "util/password.h"

static char path[64];
static struct db *db;
static int64_t school, year, version;

static int setup(void **state)
{
	(void)state;
	if (password_init() != 0)
		return -1;
	snprintf(path, sizeof path, "/tmp/mektep-test-ttele-XXXXXX");
	int fd = mkstemp(path);
	if (fd < 0)
		return -1;
	close(fd);
	char *err = NULL;
	db = db_open_sqlite(path, &err);
	free(err);
	if (!db || migrations_apply(db, NULL) != 0)
		return -1;
	struct demo_options opt = {.schools = 1, .seed = 7};
	struct demo_summary sum;
	if (demo_generate(db, &opt, &sum) != DEMO_OK)
		return -1;
	if (db_query_int64(db, &school, "SELECT MIN(id) FROM schools", "") != DB_ROW)
		return -1;
	year = years_current(db, school);
	if (db_query_int64(db, &version, "SELECT MIN(id) FROM timetables WHERE status = 'approved' AND"
					 " academic_year_id = $1", "i", year) != DB_ROW)
		return -1;
	return year ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	db_close(db);
	unlink(path);
	return 0;
}

static int64_t query(const char *sql, int64_t arg)
{
	int64_t v = -1;
	assert_int_equal(db_query_int64(db, &v, sql, "i", arg), DB_ROW);
	return v;
}

/* A group of the year whose members are all of grade `grade`, other than `not`. */
static int64_t group_of_grade(int64_t grade, int64_t not)
{
	int64_t g = 0;
	assert_int_equal(db_query_int64(db, &g,
		"SELECT MIN(m.group_id) FROM elective_group_members m JOIN students s ON s.id = m.student_id"
		" JOIN classes k ON k.id = s.class_id JOIN elective_groups eg ON eg.id = m.group_id"
		" JOIN elective_courses c ON c.id = eg.course_id WHERE k.grade = $1 AND c.academic_year_id = $2"
		" AND m.group_id <> $3 AND m.group_id NOT IN (SELECT m2.group_id FROM elective_group_members m2"
		" JOIN students s2 ON s2.id = m2.student_id JOIN classes k2 ON k2.id = s2.class_id WHERE k2.grade <> $1)",
		"iii", grade, year, not), DB_ROW);
	assert_true(g > 0);
	return g;
}

static void test_blocks_read_filtered_copied_and_given_a_room(void **state)
{
	(void)state;
	const int64_t grade = 8;
	int64_t g1 = group_of_grade(grade, 0), g2 = group_of_grade(grade, g1);
	int64_t t1 = query("SELECT COALESCE(g.staff_id, c.staff_id) FROM elective_groups g JOIN elective_courses c"
			   " ON c.id = g.course_id WHERE g.id = $1", g1);
	int64_t room = query("SELECT MIN(id) FROM rooms WHERE school_id = $1", school);
	int64_t cls8 = query("SELECT MIN(id) FROM classes WHERE grade = 8 AND academic_year_id = $1", year);
	int64_t cls9 = query("SELECT MIN(id) FROM classes WHERE grade = 9 AND academic_year_id = $1", year);
	/* no block yet */
	json_t *b = timetable_blocks_json(db, version, 0, 0);
	assert_non_null(b);
	assert_int_equal(json_array_size(b), 0);
	json_decref(b);
	/* two groups of grade 8 meet on Tuesday, period 6; the first with its teacher and a room */
	assert_true(db_run(db, "INSERT INTO timetable_elective_entries (timetable_id, weekday, period, grade, group_id,"
			       " staff_id, room_id) VALUES ($1, 2, 6, 8, $2, $3, $4)", "iiii", version, g1, t1, room) >= 0);
	assert_true(db_run(db, "INSERT INTO timetable_elective_entries (timetable_id, weekday, period, grade, group_id,"
			       " staff_id, locked) VALUES ($1, 2, 6, 8, $2, NULL, 1)", "ii", version, g2) >= 0);

	b = timetable_blocks_json(db, version, 0, 0);
	assert_int_equal(json_array_size(b), 1);
	json_t *blk = json_array_get(b, 0);
	assert_int_equal(json_integer_value(json_object_get(blk, "weekday")), 2);
	assert_int_equal(json_integer_value(json_object_get(blk, "period")), 6);
	assert_int_equal(json_integer_value(json_object_get(blk, "grade")), 8);
	assert_int_equal(json_array_size(json_object_get(blk, "grades")), 1);
	json_t *groups = json_object_get(blk, "groups");
	assert_int_equal(json_array_size(groups), 2);
	json_t *with_room = NULL, *without = NULL;
	size_t i;
	json_t *m;
	json_array_foreach(groups, i, m) {
		assert_non_null(json_string_value(json_object_get(m, "group_name")));
		assert_true(strlen(json_string_value(json_object_get(json_object_get(m, "course"), "kk"))) > 0);
		assert_true(strlen(json_string_value(json_object_get(json_object_get(m, "course"), "en"))) > 0);
		assert_null(json_object_get(m, "weekday")); /* the slot is the block's */
		if (json_integer_value(json_object_get(m, "group_id")) == g1)
			with_room = m;
		else
			without = m;
	}
	assert_non_null(with_room);
	assert_non_null(without);
	assert_int_equal(json_integer_value(json_object_get(with_room, "staff_id")), t1);
	assert_true(strlen(json_string_value(json_object_get(with_room, "staff_name"))) > 3);
	assert_int_equal(json_integer_value(json_object_get(with_room, "room_id")), room);
	assert_non_null(json_string_value(json_object_get(with_room, "room_name")));
	assert_true(json_is_null(json_object_get(without, "staff_name")));
	assert_true(json_is_null(json_object_get(without, "room_name")));
	assert_true(json_is_true(json_object_get(without, "locked")));
	int64_t row1 = json_integer_value(json_object_get(with_room, "id"));
	int64_t row2 = json_integer_value(json_object_get(without, "id"));
	json_decref(b);

	/* a class of grade 8 sees the block, one of grade 9 does not; the teacher sees theirs */
	b = timetable_blocks_json(db, version, cls8, 0);
	assert_int_equal(json_array_size(b), 1);
	json_decref(b);
	b = timetable_blocks_json(db, version, cls9, 0);
	assert_int_equal(json_array_size(b), 0);
	json_decref(b);
	b = timetable_blocks_json(db, version, 0, t1);
	assert_int_equal(json_array_size(b), 1);
	assert_int_equal(json_array_size(json_object_get(json_array_get(b, 0), "groups")), 1);
	json_decref(b);
	int64_t other = query("SELECT MIN(id) FROM staff WHERE school_id = $1 AND id NOT IN"
			      " (SELECT staff_id FROM timetable_elective_entries WHERE staff_id IS NOT NULL)", school);
	b = timetable_blocks_json(db, version, 0, other);
	assert_int_equal(json_array_size(b), 0);
	json_decref(b);

	/* ELE-3: a grade-9 student joins the second group: grade 9 is in the block too */
	int64_t s9 = query("SELECT MIN(id) FROM students WHERE class_id = $1", cls9);
	assert_true(db_run(db, "INSERT INTO elective_group_members (group_id, student_id, joined_on)"
			       " VALUES ($1, $2, '2026-09-01')", "ii", g2, s9) >= 0);
	b = timetable_blocks_json(db, version, cls9, 0);
	assert_int_equal(json_array_size(b), 1);
	json_t *grades = json_object_get(json_array_get(b, 0), "grades");
	assert_int_equal(json_array_size(grades), 2);
	assert_int_equal(json_integer_value(json_array_get(grades, 0)), 8);
	assert_int_equal(json_integer_value(json_array_get(grades, 1)), 9);
	json_decref(b);
	struct tt_block *core = NULL;
	size_t n = 0;
	assert_int_equal(timetable_blocks_load(db, version, &core, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(core[0].id, row1);
	assert_int_equal(core[0].grades, tt_block_grade_bit(8));
	assert_int_equal(core[0].staff_id, t1);
	assert_int_equal(core[0].room_id, room);
	assert_int_equal(core[1].grades, tt_block_grade_bit(8) | tt_block_grade_bit(9));
	assert_int_equal(core[1].staff_id, 0);
	assert_int_equal(core[1].room_id, 0);
	free(core);

	/* a room given, then taken away */
	assert_int_equal(timetable_block_set_room(db, row2, room), DB_OK);
	json_t *r = timetable_block_get(db, row2);
	assert_int_equal(json_integer_value(json_object_get(r, "room_id")), room);
	assert_int_equal(json_integer_value(json_object_get(r, "timetable_id")), version);
	json_decref(r);
	assert_int_equal(timetable_block_set_room(db, row2, 0), DB_OK);
	r = timetable_block_named(db, row2);
	assert_true(json_is_null(json_object_get(r, "room_id")));
	assert_int_equal(json_integer_value(json_object_get(r, "weekday")), 2);
	json_decref(r);
	assert_null(timetable_block_get(db, 999999));

	/* copied into a new version, with teacher, room and lock */
	json_t *t = json_pack("{s:I, s:I, s:i, s:I, s:s}", "school_id", (json_int_t)school, "academic_year_id",
			      (json_int_t)year, "semester", 1, "based_on", (json_int_t)version, "reason", "test");
	int64_t copy = 0, n64 = 0;
	assert_int_equal(timetables_insert(db, t, 0, &copy), DB_OK);
	json_decref(t);
	assert_int_equal(timetable_blocks_copy(db, version, copy), DB_OK);
	assert_int_equal(query("SELECT COUNT(*) FROM timetable_elective_entries WHERE timetable_id = $1", copy), 2);
	assert_int_equal(db_query_int64(db, &n64, "SELECT COUNT(*) FROM timetable_elective_entries a"
					      " JOIN timetable_elective_entries b ON b.timetable_id = $2 AND a.group_id = b.group_id"
					      " AND a.weekday = b.weekday AND a.period = b.period AND a.grade = b.grade"
					      " AND a.locked = b.locked AND COALESCE(a.staff_id, 0) = COALESCE(b.staff_id, 0)"
					      " AND COALESCE(a.room_id, 0) = COALESCE(b.room_id, 0) WHERE a.timetable_id = $1",
					 "ii", version, copy), DB_ROW);
	assert_int_equal(n64, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blocks_read_filtered_copied_and_given_a_room),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
