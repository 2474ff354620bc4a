/* Unit tests of src/store/timetable_week.c, timetable_week_fet.c and
 * timetable_generate.c (issue 9): a one-school demo network in a temporary SQLite file
 * read as the generator's week (an activity per hour of the load, the split groups at
 * the same time, the specialised rooms), written as a FET file and read back by the
 * solver's FET reader into a model that judges timetables alike, and generated into a
 * new draft version that the timetable's own clash check accepts, that places every
 * teacher's load, and that keeps the entries locked by hand (TT-1, TT-3, CUR-3, CUR-9);
 * a teacher's unavailable times kept free (a Monday) or, all week long, blamed by the
 * counting check and by sv_explain with the teacher named; a cancelled run writes
 * nothing; elective blocks (TT-4, ELE-3): the demo's read (an activity per block hour),
 * exported and generated with (rows at no lesson of their grades); groups of grades 8
 * and 9 joined by a group across them written as block rows that no lesson of their
 * classes, teachers or rooms shares, no student in two groups at once, exported to FET
 * alike; a teacher in three one-hour groups of a 2-hour block refused with TT-4 and
 * nothing written; a grade's daily minimum and maximum from the ЖОЖ (TT-1) in the week,
 * the FET export, the counting conflicts and the draft. */
#include <stdatomic.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/elective_blocks.h"
#include "core/timetable.h"
#include "demo/demo.h"
#include "solver/fet.h"
#include "store/db.h"
#include "store/migrations.h"
#include "store/org.h"
#include "store/timetable.h"
#include "store/timetable_generate.h"
#include "store/timetable_week.h"
#include "util/password.h"

static char path[64];
static struct db *db;
static int64_t school, year;

static int setup(void **state)
{
	(void)state;
	if (password_init() != 0)
		return -1;
	snprintf(path, sizeof path, "/tmp/mektep-test-ttgen-XXXXXX");
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

static void test_week(void **state)
{
	(void)state;
	struct ttw w;
	assert_int_equal(ttw_load(db, school, year, 1, &w), TTW_OK);
	/* an activity per hour of the load, then one per hour of the demo's elective blocks */
	assert_int_equal((int64_t)w.n_lessons,
			 query("SELECT SUM(a.hours) FROM load_assignments a JOIN classes c ON c.id = a.class_id"
			       " WHERE c.school_id = $1",
			       school));
	assert_true(w.n_blocks > 0);
	size_t block_hours = 0;
	for (size_t b = 0; b < w.n_blocks; b++)
		block_hours += (size_t)w.blocks[b].hours;
	assert_int_equal(w.n_acts, w.n_lessons + block_hours);
	assert_int_equal(w.days, 5);
	assert_int_equal(w.periods, 8);
	assert_true(w.n_sets > 0);
	/* TT-1: no bounds set in the demo's ЖОЖ: each class Mektep's default of its grade */
	for (size_t c = 0; c < w.n_classes; c++) {
		assert_false(w.classes[c].bounds_set);
		assert_true(w.classes[c].min_daily >= 1 && w.classes[c].max_daily <= w.periods &&
			    w.classes[c].min_daily <= w.classes[c].max_daily);
	}
	/* a set's activities: one class, distinct teachers, disjoint groups; PE in a gym */
	for (size_t i = 0; i + 1 < w.n_acts; i++) {
		const struct ttw_activity *a = &w.acts[i], *b = &w.acts[i + 1];
		if (a->set >= 0 && a->set == b->set) {
			assert_int_equal(a->cls, b->cls);
			assert_int_not_equal(a->teacher, b->teacher);
			assert_int_equal(a->atoms & b->atoms, 0);
			assert_true(a->group_id && b->group_id);
		}
		if (strcmp(w.subjects[a->subject].code, "physical_education") == 0) {
			assert_true(a->n_rooms > 0);
			for (int k = 0; k < a->n_rooms; k++)
				assert_true(w.rooms[a->rooms[k]].special);
		}
	}
	/* the demo's classes are split in two halves; every class has its home room */
	for (size_t c = 0; c < w.n_classes; c++) {
		assert_int_equal(w.classes[c].n_atoms, 2);
		assert_true(w.classes[c].home_room >= 0);
	}
	ttw_release(&w);
}

/* w written as a FET file and read back (every constraint kind understood). */
static struct sv_fet *fet_of(const struct ttw *w)
{
	size_t len;
	char *text = ttw_fet(w, &len);
	assert_non_null(text);
	char err[200] = "";
	struct sv_fet *f = sv_fet_read(text, len, err, sizeof err);
	free(text);
	assert_non_null(f);
	assert_string_equal(sv_fet_unsupported(f), "");
	return f;
}

/* The FET file read back: the same activities and rules, judged alike. */
static void test_fet_round_trip(void **state)
{
	(void)state;
	struct ttw w;
	assert_int_equal(ttw_load(db, school, year, 1, &w), TTW_OK);
	struct sv_model *m = ttw_model(&w);
	assert_non_null(m);
	struct sv_fet *f = fet_of(&w);
	struct sv_model *back = sv_fet_model(f);
	assert_int_equal(sv_n_activities(back), (int)w.n_acts);
	assert_int_equal(sv_n_days(back), w.days);
	assert_int_equal(sv_n_periods(back), w.periods);
	for (size_t i = 0; i < w.n_acts; i++)
		assert_int_equal(sv_activity_ext_id(back, (int)i), (int64_t)i + 1);

	struct sv_place *pl = calloc(w.n_acts, sizeof *pl);
	assert_non_null(pl);
	struct sv_params p = {.seed = 5, .max_iters = 1000000};
	struct sv_result r;
	assert_int_equal(sv_solve(m, &p, pl, &r), SV_SOLVED);
	struct sv_report a, b;
	assert_int_equal(sv_verify(m, pl, &a), 0);
	assert_int_equal(sv_verify(back, pl, &b), 0);
	assert_int_equal(a.hard, 0);
	assert_int_equal(b.hard, 0);
	assert_int_equal(a.teacher_gaps, b.teacher_gaps);
	/* broken alike: a split's first half an hour later, a lesson onto another's slot */
	size_t s = 2;
	while (s + 1 < w.n_acts && !(w.acts[s].set >= 0 && w.acts[s].set == w.acts[s + 1].set))
		s++;
	pl[s].period = (pl[s].period + 1) % w.periods;
	pl[0] = pl[1];
	assert_int_equal(sv_verify(m, pl, &a), 0);
	assert_int_equal(sv_verify(back, pl, &b), 0);
	assert_true(a.hard > 0);
	assert_int_equal(a.v[SV_V_SPLIT_APART], b.v[SV_V_SPLIT_APART]);
	assert_int_equal(a.v[SV_V_TEACHER_CLASH], b.v[SV_V_TEACHER_CLASH]);
	assert_int_equal(a.v[SV_V_ROOM_CLASH], b.v[SV_V_ROOM_CLASH]);
	assert_true(a.v[SV_V_SPLIT_APART] > 0);
	free(pl);
	sv_fet_free(f);
	sv_model_free(m);
	ttw_release(&w);
}

static void check_draft(int64_t id, size_t lessons)
{
	json_t *t = timetables_get(db, id);
	assert_non_null(t);
	assert_string_equal(json_string_value(json_object_get(t, "status")), "draft");
	json_decref(t);
	struct tt_entry *e = NULL;
	size_t n = 0;
	assert_int_equal(timetable_entries_load(db, id, &e, &n), DB_OK);
	assert_int_equal(n, lessons);
	struct tt_group_pair *pairs = NULL;
	size_t n_pairs = 0;
	assert_int_equal(timetable_group_overlaps(db, year, &pairs, &n_pairs), DB_OK);
	assert_int_equal(tt_check_clashes(e, n, pairs, n_pairs, NULL, 0), 0);
	/* every line of the load placed, hour for hour (CUR-9) */
	assert_int_equal(query("SELECT COUNT(*) FROM load_assignments a JOIN classes c ON c.id = a.class_id"
			       " WHERE c.school_id = (SELECT school_id FROM timetables WHERE id = $1) AND a.hours <>"
			       " (SELECT COUNT(*) FROM timetable_entries x WHERE x.timetable_id = $1"
			       " AND x.class_id = a.class_id AND COALESCE(x.group_id, 0) = COALESCE(a.group_id, 0)"
			       " AND x.subject_id = a.subject_id AND x.staff_id = a.staff_id)",
			       id),
			 0);
	free(pairs);
	free(e);
}

static void test_generate_and_locks(void **state)
{
	(void)state;
	struct sv_params p = {.seed = 1, .max_iters = 1000000};
	struct tt_generate_result r;
	int64_t before = query("SELECT COUNT(*) FROM timetables WHERE school_id = $1", school);
	/* a new class without lessons yet does not stand in the way (its days are empty) */
	assert_true(db_run(db, "INSERT INTO classes (school_id, academic_year_id, grade, letter, language, created_at,"
			       " updated_at) VALUES ($1, $2, 7, 'Я', 'kk', '2026-11-27T00:00:00Z', '2026-11-27T00:00:00Z')",
			   "ii", school, year) >= 0);
	assert_int_equal(timetable_generate(db, school, year, 1, &p, 1, 0, NULL, NULL, &r), TTG_OK);
	assert_int_equal(r.report.hard, 0);
	assert_int_equal(r.locked, 0);
	/* the demo's elective blocks (TT-4) with it, none of them at a lesson of their grades */
	assert_true(r.elective_rows > 0);
	assert_int_equal(query("SELECT COUNT(*) FROM timetable_elective_entries WHERE timetable_id = $1",
			       r.timetable_id), (int64_t)r.elective_rows);
	assert_int_equal(query("SELECT COUNT(*) FROM timetable_entries e JOIN classes c ON c.id = e.class_id"
			       " JOIN timetable_elective_entries x ON x.timetable_id = e.timetable_id"
			       " AND x.weekday = e.weekday AND x.period = e.period WHERE e.timetable_id = $1"
			       " AND c.grade IN (SELECT k.grade FROM elective_group_members m JOIN students s"
			       " ON s.id = m.student_id JOIN classes k ON k.id = s.class_id WHERE m.group_id = x.group_id)",
			       r.timetable_id), 0);
	assert_int_equal(query("SELECT COUNT(*) FROM timetables WHERE school_id = $1", school), before + 1);
	assert_int_equal(query("SELECT number FROM timetables WHERE id = $1", r.timetable_id), before + 1);
	assert_int_equal(query("SELECT COUNT(*) FROM audit_log WHERE action = 'generate' AND entity_id = $1",
			       r.timetable_id), 1);
	check_draft(r.timetable_id, r.lessons);

	/* three entries locked by hand in the newest version stay where they are */
	int64_t first = r.timetable_id;
	assert_true(db_run(db, "UPDATE timetable_entries SET locked = 1 WHERE id IN (SELECT id FROM"
			       " timetable_entries WHERE timetable_id = $1 ORDER BY id LIMIT 3)", "i", first) >= 0);
	p.seed = 99;
	assert_int_equal(timetable_generate(db, school, year, 1, &p, 1, 0, NULL, NULL, &r), TTG_OK);
	assert_int_equal(r.locks_from, first);
	assert_int_equal(r.locked, 3);
	check_draft(r.timetable_id, r.lessons);
	int64_t kept = -1;
	assert_int_equal(db_query_int64(db, &kept,
					"SELECT COUNT(*) FROM timetable_entries a JOIN timetable_entries b ON"
					" a.weekday = b.weekday AND a.period = b.period AND a.class_id = b.class_id"
					" AND COALESCE(a.group_id, 0) = COALESCE(b.group_id, 0) AND a.subject_id = b.subject_id"
					" AND a.staff_id = b.staff_id"
					" WHERE a.timetable_id = $1 AND a.locked = 1 AND b.timetable_id = $2 AND b.locked = 1",
					"ii", first, r.timetable_id),
			 DB_ROW);
	assert_int_equal(kept, 3);
}

/* TT-1: a teacher's unavailable times. */
static void test_unavailable(void **state)
{
	(void)state;
	int64_t staff = -1;
	assert_int_equal(db_query_int64(db, &staff,
					"SELECT a.staff_id FROM load_assignments a WHERE a.academic_year_id = $1"
					" GROUP BY a.staff_id ORDER BY SUM(a.hours) DESC, a.staff_id LIMIT 1",
					"i", year),
			 DB_ROW);
	const char *ins = "INSERT INTO teacher_unavailability (staff_id, academic_year_id, semester, weekday, period,"
			  " updated_at) VALUES ($1, $2, 1, $3, NULL, '2026-11-27T00:00:00Z')";
	assert_true(db_run(db, ins, "iii", staff, year, (int64_t)1) >= 0);
	struct sv_params p = {.seed = 2, .max_iters = 1000000};
	struct tt_generate_result *r = malloc(sizeof *r);
	assert_non_null(r);
	assert_int_equal(timetable_generate(db, school, year, 1, &p, 1, 0, NULL, NULL, r), TTG_OK);
	assert_int_equal(query("SELECT COUNT(*) FROM timetable_entries WHERE timetable_id = $1 AND weekday = 1 AND"
			       " staff_id = (SELECT staff_id FROM teacher_unavailability LIMIT 1)", r->timetable_id),
			 0);
	assert_true(query("SELECT COUNT(*) FROM timetable_entries WHERE timetable_id = $1 AND"
			  " staff_id = (SELECT staff_id FROM teacher_unavailability LIMIT 1)", r->timetable_id) > 0);

	/* as many free periods as hours (Monday, Tuesday, Wednesday's first periods): no
	 * counting conflict, the search is left with hard violations, sv_explain names the
	 * teacher's times */
	int periods = (int)query("SELECT COUNT(*) FROM bell_periods WHERE school_id = $1", school);
	int hours = (int)query("SELECT SUM(hours) FROM load_assignments WHERE staff_id = $1", staff);
	assert_true(hours > 2 * periods && hours < 3 * periods);
	assert_true(db_run(db, "DELETE FROM teacher_unavailability", "") >= 0);
	for (int64_t d = 4; d <= 5; d++)
		assert_true(db_run(db, ins, "iii", staff, year, d) >= 0);
	for (int64_t q = hours - 2 * periods + 1; q <= periods; q++)
		assert_true(db_run(db, "INSERT INTO teacher_unavailability (staff_id, academic_year_id, semester, weekday,"
				       " period, updated_at) VALUES ($1, $2, NULL, 3, $3, '2026-11-27T00:00:00Z')",
				   "iii", staff, year, q) >= 0);
	p.max_iters = 100000;
	assert_int_equal(timetable_generate(db, school, year, 1, &p, 1, 0, NULL, NULL, r), TTG_NO_TIMETABLE);
	assert_int_equal(r->status, SV_UNSOLVED);
	assert_true(r->report.v[SV_V_TEACHER_OFF] + r->report.hard > 0);
	assert_int_equal(r->explain_rc, 1);
	assert_int_equal(r->n_blame, 1);
	assert_int_equal(r->blame[0].kind, SV_R_TEACHER_OFF);
	assert_int_equal(r->blame[0].staff_id, staff);

	/* all week: the counting check and sv_explain both name the teacher */
	assert_true(db_run(db, "DELETE FROM teacher_unavailability", "") >= 0);
	assert_true(db_run(db, ins, "iii", staff, year, (int64_t)1) >= 0);
	for (int64_t d = 2; d <= 5; d++)
		assert_true(db_run(db, ins, "iii", staff, year, d) >= 0);
	int64_t before = query("SELECT COUNT(*) FROM timetables WHERE school_id = $1", school);
	p.max_iters = 50000;
	assert_int_equal(timetable_generate(db, school, year, 1, &p, 1, 0, NULL, NULL, r), TTG_NO_TIMETABLE);
	assert_int_equal(r->status, SV_INFEASIBLE);
	assert_true(r->explain_rc >= 1);
	int counted = 0, explained = 0;
	for (size_t i = 0; i < r->n_blame; i++) {
		const struct tt_blame *b = &r->blame[i];
		counted += !b->explained && b->kind == SV_C_TEACHER_HOURS && b->staff_id == staff;
		explained += b->explained && b->kind == SV_R_TEACHER_OFF && b->staff_id == staff && *b->staff_name;
	}
	assert_int_equal(counted, 1);
	assert_int_equal(explained, 1);

	/* a run cancelled through its gate writes nothing */
	assert_true(db_run(db, "DELETE FROM teacher_unavailability", "") >= 0);
	_Atomic int gate = TTG_GATE_CANCELLED;
	assert_int_equal(timetable_generate(db, school, year, 1, &p, 1, 0, &gate, NULL, r), TTG_CANCELLED);
	assert_int_equal(query("SELECT COUNT(*) FROM timetables WHERE school_id = $1", school), before);
	free(r);
}

/* CLB-5: clubs meet after lessons. A club of the demo moved to Monday's last two
 * periods: every class with a member of it is kept free then — in the week read, in the
 * FET export, and in the generated draft. */
static void test_clubs_after_lessons(void **state)
{
	(void)state;
	/* without the demo's elective blocks: with them the classes of grade 10 (37 lessons
	 * and 2 block hours) would have 38 of the 40 periods left — no timetable, and
	 * sv_explain names the club's times of those classes */
	assert_true(db_run(db, "DELETE FROM elective_group_members", "") >= 0);
	int64_t club = query("SELECT MIN(c.id) FROM clubs c WHERE c.school_id = $1 AND c.schedule_approved_on IS NOT NULL"
			     " AND EXISTS (SELECT 1 FROM club_members m WHERE m.club_id = c.id AND m.left_on IS NULL)",
			     school);
	assert_true(club > 0);
	int last = (int)query("SELECT MAX(number) FROM bell_periods WHERE school_id = $1", school);
	assert_true(db_run(db, "UPDATE club_schedule SET weekday = 1, starts_at = (SELECT starts_at FROM bell_periods"
			       " WHERE school_id = $2 AND number = $3), ends_at = (SELECT ends_at FROM bell_periods"
			       " WHERE school_id = $2 AND number = $4) WHERE club_id = $1 AND position = (SELECT MIN(position)"
			       " FROM club_schedule WHERE club_id = $1)",
			   "iiii", club, school, (int64_t)(last - 1), (int64_t)last) >= 0);
	int64_t member_classes = query("SELECT COUNT(DISTINCT s.class_id) FROM club_members m JOIN students s"
				       " ON s.id = m.student_id WHERE m.club_id = $1 AND m.left_on IS NULL",
				       club);
	assert_true(member_classes > 0);

	struct ttw w;
	assert_int_equal(ttw_load(db, school, year, 1, &w), TTW_OK);
	uint32_t both = 3u << (last - 2);
	int64_t kept = 0;
	for (size_t c = 0; c < w.n_classes; c++) {
		kept += (w.classes[c].off[0] & both) == both;
		for (int d = 1; d < w.days; d++) /* the club's other slots are after the last period */
			assert_int_equal(w.classes[c].off[d], 0);
	}
	assert_int_equal(kept, member_classes);
	size_t len;
	char *text = ttw_fet(&w, &len);
	assert_non_null(text);
	assert_non_null(strstr(text, "<ConstraintStudentsSetNotAvailableTimes>"));
	free(text);
	ttw_release(&w);

	struct sv_params p = {.seed = 3, .max_iters = 2000000};
	struct tt_generate_result *r = malloc(sizeof *r);
	assert_non_null(r);
	assert_int_equal(timetable_generate(db, school, year, 1, &p, 1, 0, NULL, NULL, r), TTG_OK);
	/* no lesson of a member's class at a period a club of theirs meets */
	assert_int_equal(query("SELECT COUNT(*) FROM timetable_entries e JOIN timetables t ON t.id = e.timetable_id"
			       " JOIN bell_periods b ON b.school_id = t.school_id AND b.number = e.period"
			       " WHERE e.timetable_id = $1 AND EXISTS (SELECT 1 FROM club_members m"
			       " JOIN students s ON s.id = m.student_id JOIN club_schedule cs ON cs.club_id = m.club_id"
			       " WHERE m.left_on IS NULL AND s.class_id = e.class_id AND cs.weekday = e.weekday"
			       " AND b.starts_at < cs.ends_at AND cs.starts_at < b.ends_at)",
			       r->timetable_id),
			 0);
	assert_true(query("SELECT COUNT(*) FROM timetable_entries WHERE timetable_id = $1 AND weekday = 1",
			  r->timetable_id) > 0);
	free(r);
}

/* The most and the fewest lessons a day of the grade's classes in version id: the
 * distinct periods of a class and day with a lesson (the demo's split halves are taught
 * at the same time) or an elective block of the grade (timetable_elective_entries, TT-4:
 * a class's week is its lessons and its grade's block hours; the grade is the lowest of
 * its block). */
static void grade_days(int64_t id, int grade, int64_t *most, int64_t *fewest)
{
	const char *per_day =
		"SELECT COUNT(DISTINCT u.p) AS n FROM (SELECT e.class_id AS c, e.weekday AS d, e.period AS p"
		" FROM timetable_entries e JOIN classes k ON k.id = e.class_id WHERE e.timetable_id = $1 AND k.grade = $2"
		" UNION SELECT k.id, x.weekday, x.period FROM timetable_elective_entries x JOIN timetables t"
		" ON t.id = x.timetable_id JOIN classes k ON k.school_id = t.school_id"
		" AND k.academic_year_id = t.academic_year_id AND k.grade = x.grade"
		" WHERE x.timetable_id = $1 AND x.grade = $2) u GROUP BY u.c, u.d";
	char sql[900];
	snprintf(sql, sizeof sql, "SELECT MAX(n) FROM (%s) w", per_day);
	assert_int_equal(db_query_int64(db, most, sql, "ii", id, (int64_t)grade), DB_ROW);
	snprintf(sql, sizeof sql, "SELECT MIN(n) FROM (%s) w", per_day);
	assert_int_equal(db_query_int64(db, fewest, sql, "ii", id, (int64_t)grade), DB_ROW);
}

/* TT-1: a grade's daily minimum and maximum set in the ЖОЖ reach its classes (the other
 * grades keep the default): in the week read, in the FET export (per class, read back
 * judging alike), as a counting conflict when the week cannot fit them (max 5 × 5 days <
 * the grade's 33 hours), and in the generated draft (no class of the grade above its
 * maximum or below its minimum on any day). */
static void test_grade_bounds(void **state)
{
	(void)state;
	int64_t curriculum = query("SELECT id FROM school_curricula WHERE academic_year_id = $1", year);
	const char *set = "INSERT INTO curriculum_daily_bounds (curriculum_id, grade, min_daily, max_daily)"
			  " VALUES ($1, 7, $2, $3)";
	assert_true(db_run(db, set, "iii", curriculum, (int64_t)1, (int64_t)5) >= 0);
	struct ttw w;
	assert_int_equal(ttw_load(db, school, year, 1, &w), TTW_OK);
	int sevens = 0;
	for (size_t c = 0; c < w.n_classes; c++) {
		const struct ttw_class *k = &w.classes[c];
		assert_int_equal(k->bounds_set, k->grade == 7);
		if (k->grade == 7) {
			/* the class added without lessons (test_generate_and_locks): empty days */
			int lessons = 0;
			for (size_t i = 0; i < w.n_acts; i++)
				lessons += w.acts[i].cls == (int)c;
			sevens += lessons > 0;
			assert_int_equal(k->min_daily, lessons ? 1 : 0);
			assert_int_equal(k->max_daily, 5);
		}
	}
	assert_true(sevens >= 2);
	/* the FET file carries them per class: a timetable of the default bounds breaks
	 * grade 7's maximum of 5 (33 lessons in 5 days) alike in both models */
	size_t len;
	char *text = ttw_fet(&w, &len);
	assert_non_null(text);
	assert_non_null(strstr(text, "<ConstraintStudentsSetMaxHoursDaily>\n\t<Weight_Percentage>100</Weight_Percentage>"
				     "\n\t<Maximum_Hours_Daily>5</Maximum_Hours_Daily>\n\t<Students>7"));
	assert_null(strstr(text, "<ConstraintStudentsMaxHoursDaily>"));
	char err[200] = "";
	struct sv_fet *f = sv_fet_read(text, len, err, sizeof err);
	free(text);
	assert_non_null(f);
	assert_string_equal(sv_fet_unsupported(f), "");
	struct sv_model *m = ttw_model(&w), *back = sv_fet_model(f);
	assert_non_null(m);
	assert_true(db_run(db, "DELETE FROM curriculum_daily_bounds", "") >= 0);
	struct ttw w0;
	assert_int_equal(ttw_load(db, school, year, 1, &w0), TTW_OK);
	struct sv_model *m0 = ttw_model(&w0);
	struct sv_place *pl = calloc(w.n_acts, sizeof *pl);
	assert_non_null(pl);
	struct sv_params p = {.seed = 4, .max_iters = 300000};
	struct sv_result res;
	assert_int_equal(sv_solve(m0, &p, pl, &res), SV_SOLVED);
	struct sv_report a, b;
	assert_int_equal(sv_verify(m, pl, &a), 0);
	assert_int_equal(sv_verify(back, pl, &b), 0);
	assert_true(a.v[SV_V_CLASS_MAX] > 0);
	assert_int_equal(a.v[SV_V_CLASS_MAX], b.v[SV_V_CLASS_MAX]);
	assert_int_equal(a.v[SV_V_CLASS_MIN], b.v[SV_V_CLASS_MIN]);
	assert_int_equal(a.hard, b.hard);
	free(pl);
	sv_model_free(m0);
	sv_model_free(m);
	sv_fet_free(f);
	ttw_release(&w0);
	ttw_release(&w);

	/* max 5 cannot hold: the counting conflict names a class of grade 7, nothing written */
	assert_true(db_run(db, set, "iii", curriculum, (int64_t)1, (int64_t)5) >= 0);
	int64_t before = query("SELECT COUNT(*) FROM timetables WHERE school_id = $1", school);
	struct tt_generate_result *r = malloc(sizeof *r);
	assert_non_null(r);
	p.max_iters = 50000;
	assert_int_equal(timetable_generate(db, school, year, 1, &p, 1, 0, NULL, NULL, r), TTG_NO_TIMETABLE);
	assert_int_equal(r->status, SV_INFEASIBLE);
	int named = 0;
	for (size_t i = 0; i < r->n_blame; i++)
		named += !r->blame[i].explained && r->blame[i].kind == SV_C_CLASS_MAX &&
			 query("SELECT grade FROM classes WHERE id = $1", r->blame[i].class_id) == 7;
	assert_true(named >= sevens);
	assert_int_equal(query("SELECT COUNT(*) FROM timetables WHERE school_id = $1", school), before);

	/* 6 to 7 lessons a day for grade 7 (33 = 6 + 6 + 7 + 7 + 7): the draft keeps them */
	assert_true(db_run(db, "UPDATE curriculum_daily_bounds SET min_daily = 6, max_daily = 7", "") >= 0);
	p.max_iters = 300000;
	assert_int_equal(timetable_generate(db, school, year, 1, &p, 1, 0, NULL, NULL, r), TTG_OK);
	int64_t most = 0, fewest = 0;
	grade_days(r->timetable_id, 7, &most, &fewest);
	assert_true(most <= 7);
	assert_true(fewest >= 6);
	check_draft(r->timetable_id, r->lessons);
	assert_true(db_run(db, "DELETE FROM curriculum_daily_bounds", "") >= 0);
	free(r);
}

/* A teacher's day in version id: their lessons and elective meetings, by weekday and
 * period (a split's two groups with one teacher are one period). */
#define TEACHER_PERIODS                                                                                   \
	"SELECT staff_id, weekday, period FROM timetable_entries WHERE timetable_id = $1 UNION SELECT staff_id," \
	" weekday, period FROM timetable_elective_entries WHERE timetable_id = $1 AND staff_id IS NOT NULL"

/* The most lessons a teacher has on one day of version id. */
static int64_t most_a_day(int64_t id)
{
	return query("SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM (" TEACHER_PERIODS ") x"
		     " GROUP BY staff_id, weekday) y", id);
}

/* The most gaps a teacher has on one day of version id (no one is unavailable here). */
static int64_t most_gaps_a_day(int64_t id)
{
	return query("SELECT COALESCE(MAX(hi - lo + 1 - n), 0) FROM (SELECT MAX(period) AS hi, MIN(period) AS lo,"
		     " COUNT(*) AS n FROM (" TEACHER_PERIODS ") x GROUP BY staff_id, weekday) y", id);
}

/* TT-1: the run's caps on every teacher — lessons a day, gaps a day — hold in the draft
 * (lower than a run without them gives), are audited and go to the FET file alike. (A
 * day cap below a teacher's week is the solver's counting conflict: test_solver.c.) */
static void test_teacher_rules(void **state)
{
	(void)state;
	assert_true(db_run(db, "DELETE FROM teacher_unavailability", "") >= 0);
	struct sv_params p = {.seed = 6, .max_iters = 300000};
	struct tt_generate_result *r = malloc(sizeof *r);
	assert_non_null(r);
	assert_int_equal(timetable_generate(db, school, year, 1, &p, 1, 0, NULL, NULL, r), TTG_OK);
	int64_t most = most_a_day(r->timetable_id);
	/* the busiest teacher's week a day, elective meetings counted */
	int64_t hours = query("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM (" TEACHER_PERIODS ") x GROUP BY staff_id) y",
			      r->timetable_id);
	int days = (int)query("SELECT 5 + saturday FROM bell_schedules WHERE school_id = $1", school);
	int64_t need = (hours + days - 1) / days;
	assert_true(most - 1 >= need); /* a lower cap the week can meet */

	struct ttw_teacher_rules caps = {(int)most - 1, 1, SV_NO_LIMIT};
	assert_int_equal(timetable_generate(db, school, year, 1, &p, 1, 0, NULL, &caps, r), TTG_OK);
	assert_true(most_a_day(r->timetable_id) <= most - 1);
	assert_true(most_gaps_a_day(r->timetable_id) <= 1);
	assert_int_equal(r->report.v[SV_V_TEACHER_DAILY] + r->report.v[SV_V_TEACHER_GAPS_DAY], 0);
	assert_int_equal(query("SELECT COUNT(*) FROM audit_log WHERE action = 'generate' AND entity_id = $1 AND"
			       " after_json LIKE '%\"teacher_max_daily\":%'",
			       r->timetable_id),
			 1);

	/* the FET file carries them: both models judge a timetable made without them alike */
	struct ttw w;
	assert_int_equal(ttw_load(db, school, year, 1, &w), TTW_OK);
	struct sv_model *free_model = ttw_model(&w);
	w.teacher_rules = (struct ttw_teacher_rules){(int)need, 0, 2};
	struct sv_model *m = ttw_model(&w);
	struct sv_fet *f = fet_of(&w);
	struct sv_model *back = sv_fet_model(f);
	struct sv_place *pl = calloc(w.n_acts + 1, sizeof *pl);
	assert_true(free_model && m && back && pl);
	struct sv_result res;
	struct sv_params quick = {.seed = 1, .max_iters = 200000};
	assert_int_equal(sv_solve(free_model, &quick, pl, &res), SV_SOLVED);
	struct sv_report ra, rb;
	assert_int_equal(sv_verify(m, pl, &ra), 0);
	assert_int_equal(sv_verify(back, pl, &rb), 0);
	assert_true(ra.v[SV_V_TEACHER_GAPS_DAY] + ra.v[SV_V_TEACHER_GAPS_WEEK] > 0);
	assert_int_equal(ra.v[SV_V_TEACHER_DAILY], rb.v[SV_V_TEACHER_DAILY]);
	assert_int_equal(ra.v[SV_V_TEACHER_GAPS_DAY], rb.v[SV_V_TEACHER_GAPS_DAY]);
	assert_int_equal(ra.v[SV_V_TEACHER_GAPS_WEEK], rb.v[SV_V_TEACHER_GAPS_WEEK]);
	free(pl);
	sv_fet_free(f); /* and its model, back */
	sv_model_free(m);
	sv_model_free(free_model);
	ttw_release(&w);
	free(r);
}

/* What cannot be solved is said, and nothing is written. */
static void test_refusals(void **state)
{
	(void)state;
	struct sv_params p = {.seed = 1, .max_iters = 100000};
	struct tt_generate_result r;
	int64_t before = query("SELECT COUNT(*) FROM timetables WHERE school_id = $1", school);
	/* semester 2 of a year without a bell schedule's periods: refused */
	assert_true(db_run(db, "DELETE FROM bell_periods WHERE school_id = $1 AND number > 2", "i", school) >= 0);
	assert_true(db_run(db, "DELETE FROM timetable_entries WHERE period > 2", "") >= 0);
	assert_int_equal(timetable_generate(db, school, year, 1, &p, 1, 0, NULL, NULL, &r), TTG_NO_TIMETABLE);
	assert_int_equal(r.status, SV_INFEASIBLE);
	assert_true(r.n_conflicts > 0);
	assert_non_null(strstr(r.conflicts[0].text, "lessons a week"));
	assert_true(db_run(db, "DELETE FROM bell_periods WHERE school_id = $1", "i", school) >= 0);
	assert_int_equal(timetable_generate(db, school, year, 1, &p, 1, 0, NULL, NULL, &r), TTG_BAD_INPUT);
	assert_non_null(strstr(r.error, "bell schedule"));
	assert_int_equal(query("SELECT COUNT(*) FROM timetables WHERE school_id = $1", school), before);
}

/* The n-th studying student (0..) of a grade of the school's year. */
static int64_t nth_student(int grade, int n)
{
	int64_t id = -1;
	assert_int_equal(db_query_int64(db, &id,
					"SELECT s.id FROM students s JOIN classes c ON c.id = s.class_id WHERE c.school_id = $1"
					" AND c.academic_year_id = $2 AND c.grade = $3 AND s.status = 'studying'"
					" ORDER BY s.id LIMIT 1 OFFSET $4",
					"iiii", school, year, (int64_t)grade, (int64_t)n),
			 DB_ROW);
	return id;
}

/* The k-th teacher (0..) by load, most first. */
static int64_t nth_teacher(int k)
{
	int64_t id = -1;
	assert_int_equal(db_query_int64(db, &id,
					"SELECT staff_id FROM load_assignments WHERE academic_year_id = $1 GROUP BY staff_id"
					" ORDER BY SUM(hours) DESC, staff_id LIMIT 1 OFFSET $2",
					"ii", year, (int64_t)k),
			 DB_ROW);
	return id;
}

/* A course of grades from..to with `hours` a week and a group of it taught by staff. */
static int64_t elective_group(const char *title, int from, int to, int hours, int64_t staff)
{
	int64_t course = -1, group = -1;
	assert_int_equal(db_query_int64(db, &course,
					"INSERT INTO elective_courses (school_id, academic_year_id, title_kk, title_ru, title_en,"
					" kind, direction, grade_from, grade_to, hours, staff_id, programme_status, active,"
					" created_at, updated_at) VALUES ($1, $2, $3, $3, $3, 'interest', 'it', $4, $5, $6, $7,"
					" 'approved', 1, '2026-06-01T00:00:00Z', '2026-06-01T00:00:00Z') RETURNING id",
					"iisiiii", school, year, title, (int64_t)from, (int64_t)to, (int64_t)hours, staff),
			 DB_ROW);
	assert_int_equal(db_query_int64(db, &group,
					"INSERT INTO elective_groups (course_id, name, staff_id, created_at) VALUES ($1, 'g1',"
					" $2, '2026-06-01T00:00:00Z') RETURNING id",
					"ii", course, staff),
			 DB_ROW);
	return group;
}

static void join(int64_t group, int64_t student, const char *joined, const char *left)
{
	assert_true(db_run(db, "INSERT INTO elective_group_members (group_id, student_id, joined_on, left_on)"
			       " VALUES ($1, $2, $3, $4)",
			   "iiss", group, student, joined, left) >= 0);
}

/* The lessons of version id at the slot of an elective row x where `cond` holds of the
 * lesson e and x. */
static int64_t lessons_beside_rows(int64_t id, const char *cond)
{
	char sql[400];
	snprintf(sql, sizeof sql,
		 "SELECT COUNT(*) FROM timetable_entries e JOIN timetable_elective_entries x ON x.timetable_id ="
		 " e.timetable_id AND x.weekday = e.weekday AND x.period = e.period AND %s WHERE e.timetable_id = $1",
		 cond);
	return query(sql, id);
}

/* TT-4, ELE-3: grades 8 and 9 (given 3 elective hours each in the ЖОЖ) joined by a group
 * across them, a 2-hour course, a teacher in two groups, students in two groups, a
 * student who switched groups (ELE-13). */
static void test_elective_blocks(void **state)
{
	(void)state;
	/* the demo's groups go: this test makes its own */
	assert_true(db_run(db, "DELETE FROM elective_group_members", "") >= 0);
	/* the class without lessons of test_generate_and_locks goes: export-fet gives every
	 * class the daily minimum, so its empty days would count in the file read back */
	assert_true(db_run(db, "DELETE FROM classes WHERE school_id = $1 AND letter = 'Я'", "i", school) >= 0);
	assert_true(db_run(db, "UPDATE curriculum_electives SET elective_hours = 3 WHERE grade IN (8, 9)", "") >= 0);
	/* c's teacher teaches no lesson: a teacher of the model all the same */
	int64_t t1 = nth_teacher(0), t3 = nth_teacher(2);
	int64_t t2 = query("SELECT MIN(s.id) FROM staff s WHERE s.school_id = $1 AND NOT EXISTS (SELECT 1 FROM"
			   " load_assignments a WHERE a.staff_id = s.id)", school);
	assert_true(t2 > 0);
	int64_t a = elective_group("Two hours", 8, 8, 2, t1), b = elective_group("Across", 8, 9, 1, t1);
	int64_t c = elective_group("Nine", 9, 9, 1, t2), d = elective_group("Also nine", 9, 9, 1, t3);
	for (int k = 0; k < 12; k++) {
		join(a, nth_student(8, k), "2026-09-01", NULL);       /* 2 hours */
		join(b, nth_student(8, 12 + k), "2026-09-01", NULL);
		join(b, nth_student(9, k), "2026-09-01", NULL);       /* across the grades */
		join(c, nth_student(9, k), "2026-09-01", NULL);       /* with b: 2 hours */
		join(d, nth_student(9, 12 + k), "2026-09-01", NULL);
	}
	join(d, nth_student(8, 0), "2026-09-01", NULL); /* with a: 3 hours of 3 */
	/* a switcher: left b for d on 5 October — the two may meet at one hour, and must:
	 * a (2 hours) and b share a teacher, a and d a student, c meets b and d's students */
	join(b, nth_student(9, 30), "2026-09-01", "2026-10-05");
	join(d, nth_student(9, 30), "2026-10-05", NULL);
	join(c, nth_student(9, 30), "2026-09-01", NULL);
	/* a member who left before the semester began does not count */
	join(a, nth_student(9, 31), "2026-06-01", "2026-08-01");

	struct ttw w;
	assert_int_equal(ttw_load(db, school, year, 1, &w), TTW_OK);
	assert_int_equal(w.n_blocks, 1);
	assert_int_equal(w.blocks[0].grade, 8);
	assert_int_equal(w.blocks[0].grades, (1u << 8) | (1u << 9));
	assert_int_equal(w.blocks[0].hours, 3);
	assert_int_equal(w.n_egroups, 4);
	int found = 0;
	for (size_t k = 0; k < w.n_teachers; k++)
		found += w.teachers[k].id == t2 && w.teachers[k].name[0] != '#';
	assert_int_equal(found, 1);
	assert_int_equal(w.n_acts, w.n_lessons + 3);
	int64_t lessons = query("SELECT SUM(a.hours) FROM load_assignments a JOIN classes c ON c.id = a.class_id"
				" WHERE c.school_id = $1", school);
	assert_int_equal((int64_t)w.n_lessons, lessons);
	int64_t block_classes = query("SELECT COUNT(*) FROM classes WHERE school_id = $1 AND grade IN (8, 9)", school);
	for (size_t i = w.n_lessons; i < w.n_acts; i++) {
		int cls[64], teachers[64], n_t;
		assert_int_equal(ttw_block_members(&w, &w.acts[i], cls, teachers, &n_t), block_classes);
		assert_true(n_t >= 1 && n_t <= 3);
	}
	/* the FET file read back judges timetables alike, the block hours too */
	struct sv_model *m = ttw_model(&w);
	assert_non_null(m);
	struct sv_fet *f = fet_of(&w);
	struct sv_model *back = sv_fet_model(f);
	assert_int_equal(sv_n_activities(back), (int)w.n_acts);
	struct sv_place *pl = calloc(w.n_acts, sizeof *pl);
	assert_non_null(pl);
	struct sv_params p = {.seed = 4, .max_iters = 2000000};
	struct sv_result res;
	assert_int_equal(sv_solve(m, &p, pl, &res), SV_SOLVED);
	struct sv_report ra, rb;
	assert_int_equal(sv_verify(m, pl, &ra), 0);
	assert_int_equal(sv_verify(back, pl, &rb), 0);
	assert_int_equal(rb.hard, 0);
	assert_int_equal(ra.teacher_gaps, rb.teacher_gaps);
	assert_int_equal(ra.spread, rb.spread);
	/* a block hour onto the slot of a lesson of grade 8: a clash of students in both */
	size_t lesson = 0;
	while (w.classes[w.acts[lesson].cls].grade != 8)
		lesson++;
	size_t hour = w.n_lessons;
	pl[hour].day = pl[lesson].day;
	pl[hour].period = pl[lesson].period;
	assert_int_equal(sv_verify(m, pl, &ra), 0);
	assert_int_equal(sv_verify(back, pl, &rb), 0);
	assert_true(ra.v[SV_V_STUDENT_CLASH] > 0);
	assert_int_equal(ra.v[SV_V_STUDENT_CLASH], rb.v[SV_V_STUDENT_CLASH]);
	assert_int_equal(ra.v[SV_V_TEACHER_CLASH], rb.v[SV_V_TEACHER_CLASH]);
	assert_int_equal(ra.v[SV_V_SUBJECT_DAY], rb.v[SV_V_SUBJECT_DAY]);
	free(pl);
	sv_fet_free(f);
	sv_model_free(m);
	ttw_release(&w);
	/* a fourth elective hour that no group meets at is not held for the grades (TT-4):
	 * the block keeps the 3 its groups use */
	assert_true(db_run(db, "UPDATE curriculum_electives SET elective_hours = 4 WHERE grade IN (8, 9)", "") >= 0);
	assert_int_equal(ttw_load(db, school, year, 1, &w), TTW_OK);
	assert_int_equal(w.blocks[0].hours, 3);
	assert_int_equal(w.n_acts, w.n_lessons + 3);
	ttw_release(&w);
	assert_true(db_run(db, "UPDATE curriculum_electives SET elective_hours = 3 WHERE grade IN (8, 9)", "") >= 0);

	struct tt_generate_result *r = malloc(sizeof *r);
	assert_non_null(r);
	assert_int_equal(timetable_generate(db, school, year, 1, &p, 1, 0, NULL, NULL, r), TTG_OK);
	int64_t id = r->timetable_id;
	check_draft(id, r->lessons);
	/* a row per group and hour: 2 + 1 + 1 + 1, grade 8 (the block's lowest), at 3 slots */
	assert_int_equal(r->elective_rows, 5);
	assert_int_equal(query("SELECT COUNT(*) FROM timetable_elective_entries WHERE timetable_id = $1", id), 5);
	assert_int_equal(query("SELECT COUNT(*) FROM timetable_elective_entries WHERE timetable_id = $1 AND grade = 8",
			       id), 5);
	assert_int_equal(query("SELECT COUNT(DISTINCT weekday * 100 + period) FROM timetable_elective_entries"
			       " WHERE timetable_id = $1", id), 3);
	assert_int_equal(query("SELECT COUNT(DISTINCT weekday * 100 + period) FROM timetable_elective_entries"
			       " WHERE timetable_id = $1 AND group_id = (SELECT MIN(id) FROM elective_groups"
			       " WHERE name = 'g1' AND course_id IN (SELECT id FROM elective_courses WHERE title_en ="
			       " 'Two hours'))", id), 2);
	/* the teacher: the group's */
	assert_int_equal(query("SELECT COUNT(*) FROM timetable_elective_entries x JOIN elective_groups g ON"
			       " g.id = x.group_id WHERE x.timetable_id = $1 AND x.staff_id = g.staff_id", id), 5);
	/* every class of grades 8 and 9 free of lessons at its block's slots */
	assert_int_equal(lessons_beside_rows(id, "e.class_id IN (SELECT id FROM classes WHERE grade IN (8, 9))"), 0);
	/* no teacher of a block hour has a lesson then */
	assert_int_equal(lessons_beside_rows(id, "x.staff_id = e.staff_id"), 0);
	/* no student in two groups at one slot (while both memberships last) */
	assert_int_equal(query("SELECT COUNT(*) FROM timetable_elective_entries x JOIN timetable_elective_entries y"
			       " ON y.timetable_id = x.timetable_id AND y.weekday = x.weekday AND y.period = x.period"
			       " AND y.group_id > x.group_id JOIN elective_group_members mx ON mx.group_id = x.group_id"
			       " JOIN elective_group_members my ON my.group_id = y.group_id AND my.student_id = mx.student_id"
			       " WHERE x.timetable_id = $1 AND mx.joined_on < COALESCE(my.left_on, '9999')"
			       " AND my.joined_on < COALESCE(mx.left_on, '9999')", id), 0);
	/* each row has a room, no room twice at a slot nor shared with a lesson */
	assert_int_equal(query("SELECT COUNT(*) FROM timetable_elective_entries WHERE timetable_id = $1"
			       " AND room_id IS NULL", id), 0);
	assert_int_equal(query("SELECT COUNT(*) FROM timetable_elective_entries x JOIN timetable_elective_entries y"
			       " ON y.timetable_id = x.timetable_id AND y.weekday = x.weekday AND y.period = x.period"
			       " AND y.id > x.id AND y.room_id = x.room_id WHERE x.timetable_id = $1", id), 0);
	assert_int_equal(lessons_beside_rows(id, "x.room_id = e.room_id"), 0);
	/* the first rooms are the block's classes' home rooms */
	assert_true(query("SELECT COUNT(*) FROM timetable_elective_entries x WHERE x.timetable_id = $1 AND"
			  " x.room_id IN (SELECT e.room_id FROM timetable_entries e JOIN classes c ON c.id = e.class_id"
			  " WHERE e.timetable_id = $1 AND c.grade IN (8, 9) AND e.group_id IS NULL)", id) > 0);

	/* TT-4: a teacher in three one-hour groups of grade 7's 2-hour block: refused before
	 * any search, the teacher and the figures named; nothing written */
	int64_t before = query("SELECT COUNT(*) FROM timetables WHERE school_id = $1", school);
	int64_t g7[3];
	for (int k = 0; k < 3; k++) {
		g7[k] = elective_group(k == 0 ? "Seven A" : k == 1 ? "Seven B" : "Seven C", 7, 7, 1, t3);
		for (int q = 0; q < 5; q++)
			join(g7[k], nth_student(7, 5 * k + q), "2026-09-01", NULL);
	}
	assert_int_equal(timetable_generate(db, school, year, 1, &p, 1, 0, NULL, NULL, r), TTG_NO_TIMETABLE);
	assert_int_equal(r->status, SV_INFEASIBLE);
	assert_int_equal(r->n_blame, 1);
	assert_int_equal(r->blame[0].explained, TTG_BLAME_ELECTIVE);
	assert_int_equal(r->blame[0].kind, EB_TEACHER_HOURS);
	assert_int_equal(r->blame[0].staff_id, t3);
	assert_int_equal(r->blame[0].need, 3);
	assert_int_equal(r->blame[0].have, 2);
	assert_true(r->blame[0].class_id > 0);
	assert_non_null(strstr(r->blame[0].text, "3 hours of elective groups in the block of grade 7"));
	assert_int_equal(query("SELECT COUNT(*) FROM timetables WHERE school_id = $1", school), before);
	/* two of them: it fits */
	assert_true(db_run(db, "DELETE FROM elective_group_members WHERE group_id = $1", "i", g7[2]) >= 0);
	assert_int_equal(timetable_generate(db, school, year, 1, &p, 1, 0, NULL, NULL, r), TTG_OK);
	assert_int_equal(r->elective_rows, 7);
	assert_int_equal(query("SELECT COUNT(DISTINCT grade) FROM timetable_elective_entries WHERE timetable_id = $1",
			       r->timetable_id), 2);
	free(r);
	assert_true(db_run(db, "DELETE FROM elective_group_members", "") >= 0);
	assert_true(db_run(db, "UPDATE curriculum_electives SET elective_hours = 2 WHERE grade IN (8, 9)", "") >= 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_week),
		cmocka_unit_test(test_fet_round_trip),
		cmocka_unit_test(test_generate_and_locks),
		cmocka_unit_test(test_unavailable),
		cmocka_unit_test(test_clubs_after_lessons),
		cmocka_unit_test(test_elective_blocks),
		cmocka_unit_test(test_grade_bounds),
		cmocka_unit_test(test_teacher_rules),
		cmocka_unit_test(test_refusals),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
