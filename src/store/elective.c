/* elective (store) — the queries of elective courses; see elective.h. */
#include "store/elective.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/curriculum.h"
#include "store/row.h"

int elective_thresholds_load(struct db *db, struct elective_thresholds *t)
{
	*t = elective_thresholds_default();
	t->pass_attendance_percent = (int)settings_get_int(db, "elective_pass_percent", t->pass_attendance_percent);
	t->pass_attendance_percent_switched =
		(int)settings_get_int(db, "elective_pass_percent_switched", t->pass_attendance_percent_switched);
	t->split_at = (int)settings_get_int(db, "elective_split_at", t->split_at);
	t->second_language_min = (int)settings_get_int(db, "elective_second_language_min", t->second_language_min);
	return db->lost ? DB_LOST : DB_OK;
}

/* --- courses --- */

#define COURSE_SELECT \
	"SELECT e.id, e.school_id, e.academic_year_id, e.title_kk, e.title_ru, e.title_en, e.kind, e.focus," \
	" e.direction, e.second_language, e.grade_from, e.grade_to, e.hours, e.staff_id, e.programme_status," \
	" e.active, p.last_name, p.first_name," \
	" (SELECT COUNT(*) FROM elective_choices c WHERE c.course_id = e.id AND c.ends_on IS NULL)," \
	" (SELECT COUNT(*) FROM elective_groups g WHERE g.course_id = e.id)" \
	" FROM elective_courses e LEFT JOIN staff s ON s.id = e.staff_id LEFT JOIN persons p ON p.id = s.person_id"

static json_t *course_row(struct db_stmt *st)
{
	json_t *c = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "school_id",
			      row_int(st, 1), "academic_year_id", row_int(st, 2), "title", row_names(st, 3), "kind",
			      row_text(st, 6), "focus", row_text(st, 7), "direction", row_text(st, 8),
			      "second_language", row_bool(st, 9));
	json_object_set_new(c, "grade_from", row_int(st, 10));
	json_object_set_new(c, "grade_to", row_int(st, 11));
	json_object_set_new(c, "hours", row_int(st, 12));
	json_object_set_new(c, "staff_id", row_int(st, 13));
	json_object_set_new(c, "programme_status", row_text(st, 14));
	json_object_set_new(c, "active", row_bool(st, 15));
	if (db_col_is_null(st, 16)) {
		json_object_set_new(c, "teacher", json_null());
	} else {
		char name[200];
		snprintf(name, sizeof name, "%s %s", db_col_text(st, 16), db_col_text(st, 17));
		json_object_set_new(c, "teacher", json_string(name));
	}
	json_object_set_new(c, "choices", row_int(st, 18));
	json_object_set_new(c, "groups", row_int(st, 19));
	return c;
}

json_t *elective_course_get(struct db *db, int64_t id)
{
	return row_get_one(db, COURSE_SELECT " WHERE e.id = $1", id, course_row);
}

json_t *elective_courses_list(struct db *db, int64_t school_id, int64_t year_id)
{
	struct db_stmt *st = db_prepare(db, COURSE_SELECT " WHERE e.school_id = $1 AND e.academic_year_id = $2"
						      " ORDER BY e.title_kk, e.id");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, school_id);
	db_bind_int64(st, 2, year_id);
	return row_collect(st, course_row);
}

static const char *const course_fields[] = {"school_id", "academic_year_id", "title.kk", "title.ru", "title.en",
					    "kind", "focus", "direction", "second_language", "grade_from",
					    "grade_to", "hours", "staff_id", "active", NULL};

int elective_course_insert(struct db *db, json_t *rec, int64_t *id_out)
{
	return row_write(db,
			 "INSERT INTO elective_courses (school_id, academic_year_id, title_kk, title_ru, title_en, kind,"
			 " focus, direction, second_language, grade_from, grade_to, hours, staff_id, active, created_at,"
			 " updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)"
			 " RETURNING id",
			 rec, course_fields, 0, id_out);
}

int elective_course_update(struct db *db, int64_t id, json_t *rec)
{
	return row_write(db,
			 "UPDATE elective_courses SET school_id = $1, academic_year_id = $2, title_kk = $3, title_ru = $4,"
			 " title_en = $5, kind = $6, focus = $7, direction = $8, second_language = $9, grade_from = $10,"
			 " grade_to = $11, hours = $12, staff_id = $13, active = $14, updated_at = $15 WHERE id = $16",
			 rec, course_fields, id, NULL);
}

/* --- programmes --- */

static json_t *programme_row(struct db_stmt *st)
{
	json_t *p = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o}", "author", row_text(st, 0), "year_label",
			      row_text(st, 1), "explanatory_note", row_text(st, 2), "content", row_text(st, 3),
			      "recommendations", row_text(st, 4), "literature", row_text(st, 5));
	json_object_set_new(p, "approval", db_col_is_null(st, 6) ? json_null()
			    : json_pack("{s:o, s:o}", "date", row_text(st, 6), "protocol_number", row_text(st, 7)));
	return p;
}

static json_t *plan_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o}", "position", row_int(st, 0), "section", row_text(st, 1), "topic",
			 row_text(st, 2), "hours", row_int(st, 3), "form", row_text(st, 4));
}

static json_t *review_row(struct db_stmt *st)
{
	json_t *criteria = json_loads(db_col_text(st, 3) ? db_col_text(st, 3) : "{}", 0, NULL);
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "reviewer", row_text(st, 1),
			 "reviewed_on", row_text(st, 2), "criteria", criteria ? criteria : json_object(), "total",
			 row_int(st, 4), "comment", row_text(st, 5));
}

json_t *elective_programme_get(struct db *db, int64_t course_id)
{
	json_t *p = row_get_one(db,
				"SELECT author, year_label, explanatory_note, content, recommendations, literature,"
				" approved_on, protocol_number FROM elective_programmes WHERE course_id = $1",
				course_id, programme_row);
	if (!p && db->lost)
		return NULL;
	if (!p)
		p = json_pack("{s:n, s:n, s:n, s:n, s:n, s:n, s:n}", "author", "year_label", "explanatory_note",
			      "content", "recommendations", "literature", "approval");
	json_object_set_new(p, "course_id", json_integer(course_id));
	json_t *plan = row_list(db,
				"SELECT position, section, topic, hours, form FROM elective_plan_rows WHERE course_id = $1"
				" ORDER BY position",
				course_id, plan_row);
	json_t *reviews = row_list(db,
				   "SELECT id, reviewer_name, reviewed_on, criteria, total, comment FROM elective_reviews"
				   " WHERE course_id = $1 ORDER BY id",
				   course_id, review_row);
	if (!plan || !reviews) {
		json_decref(plan);
		json_decref(reviews);
		json_decref(p);
		return NULL;
	}
	json_object_set_new(p, "plan", plan);
	json_object_set_new(p, "reviews", reviews);
	return p;
}

int elective_programme_save(struct db *db, int64_t course_id, json_t *rec, int64_t user_id)
{
	char now[21];
	db_now_utc(now);
	int64_t n = 0;
	int rc = db_query_int64(db, &n, "SELECT COUNT(*) FROM elective_programmes WHERE course_id = $1", "i", course_id);
	if (rc != DB_ROW)
		return rc < 0 ? rc : DB_ERROR;
	const char *sql = n ? "UPDATE elective_programmes SET author = $2, year_label = $3, explanatory_note = $4,"
			      " content = $5, recommendations = $6, literature = $7, updated_by = $8, updated_at = $9"
			      " WHERE course_id = $1"
			    : "INSERT INTO elective_programmes (course_id, author, year_label, explanatory_note, content,"
			      " recommendations, literature, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7,"
			      " $8, $9)";
	struct db_stmt *st = db_prepare(db, sql);
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, course_id);
	static const char *const text[] = {"author", "year_label", "explanatory_note", "content", "recommendations",
					   "literature"};
	for (int i = 0; i < 6; i++)
		row_bind(st, i + 2, rec, text[i]);
	db_bind_int64(st, 8, user_id);
	db_bind_text(st, 9, now);
	rc = db_step(st);
	db_done(st);
	if (rc < 0)
		return rc;
	json_t *plan = json_object_get(rec, "plan");
	if (!json_is_array(plan))
		return DB_OK;
	rc = db_run(db, "DELETE FROM elective_plan_rows WHERE course_id = $1", "i", course_id);
	size_t i;
	json_t *r;
	json_array_foreach(plan, i, r) {
		if (rc < 0)
			break;
		rc = db_run(db,
			    "INSERT INTO elective_plan_rows (course_id, position, section, topic, hours, form)"
			    " VALUES ($1, $2, $3, $4, $5, $6)",
			    "iissis", course_id, (int64_t)i + 1, json_string_value(json_object_get(r, "section")),
			    json_string_value(json_object_get(r, "topic")),
			    json_integer_value(json_object_get(r, "hours")),
			    json_string_value(json_object_get(r, "form")));
	}
	return rc < 0 ? rc : DB_OK;
}

int elective_review_insert(struct db *db, int64_t course_id, json_t *rec, int64_t user_id, int64_t *id_out)
{
	char now[21];
	db_now_utc(now);
	char *criteria = json_dumps(json_object_get(rec, "criteria"), JSON_COMPACT | JSON_SORT_KEYS);
	int rc = db_query_int64(db, id_out,
				"INSERT INTO elective_reviews (course_id, reviewer_id, reviewer_name, reviewed_on, criteria,"
				" total, comment, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
				"iisssiss", course_id, user_id, json_string_value(json_object_get(rec, "reviewer")),
				json_string_value(json_object_get(rec, "reviewed_on")), criteria ? criteria : "{}",
				json_integer_value(json_object_get(rec, "total")),
				json_string_value(json_object_get(rec, "comment")), now);
	free(criteria);
	return rc == DB_ROW ? DB_OK : rc < 0 ? rc : DB_ERROR;
}

int elective_programme_approve(struct db *db, int64_t course_id, const char *date, const char *protocol,
			       int64_t user_id)
{
	int rc = db_run(db,
			"UPDATE elective_programmes SET approved_on = $2, protocol_number = $3, approved_by = $4"
			" WHERE course_id = $1",
			"issi", course_id, date, protocol, user_id);
	return rc < 0 ? rc : elective_programme_status(db, course_id, "approved");
}

int elective_programme_status(struct db *db, int64_t course_id, const char *status)
{
	char now[21];
	db_now_utc(now);
	int rc = db_run(db, "UPDATE elective_courses SET programme_status = $2, updated_at = $3 WHERE id = $1", "iss",
			course_id, status, now);
	return rc < 0 ? rc : DB_OK;
}

/* --- load and choices --- */

int elective_load_of(struct db *db, int64_t student_id, int64_t school_id, int64_t year_id, int grade,
		     int64_t except, struct elective_load *out)
{
	memset(out, 0, sizeof *out);
	struct db_stmt *st = db_prepare(db,
		"SELECT l.elective_hours, l.max_weekly_hours,"
		" (SELECT COALESCE(SUM(CASE WHEN sc.level = 'advanced' AND r.advanced_hours IS NOT NULL"
		"   THEN r.advanced_hours ELSE r.hours END), 0)"
		"  FROM school_curriculum_rows r"
		"  LEFT JOIN choice_applications ca ON ca.student_id = $3 AND ca.academic_year_id = k.academic_year_id"
		"  LEFT JOIN student_choices sc ON sc.application_id = ca.id AND sc.subject_id = r.subject_id"
		"  WHERE r.curriculum_id = k.id AND r.grade = $4)"
		" FROM school_curricula k JOIN curriculum_electives l ON l.curriculum_id = k.id AND l.grade = $4"
		" WHERE k.school_id = $1 AND k.academic_year_id = $2");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, school_id);
	db_bind_int64(st, 2, year_id);
	db_bind_int64(st, 3, student_id);
	db_bind_int64(st, 4, grade);
	int rc = db_step(st);
	if (rc == DB_ROW) {
		out->has_limits = 1;
		out->elective_hours = (int)db_col_int64(st, 0);
		out->max_weekly = (int)db_col_int64(st, 1);
		out->lessons = (int)db_col_int64(st, 2);
	}
	db_done(st);
	if (rc < 0)
		return rc;
	int64_t chosen = 0;
	rc = db_query_int64(db, &chosen,
			    "SELECT COALESCE(SUM(e.hours), 0) FROM elective_choices c JOIN elective_courses e ON"
			    " e.id = c.course_id WHERE c.student_id = $1 AND c.academic_year_id = $2 AND c.ends_on IS NULL"
			    " AND c.id <> $3",
			    "iii", student_id, year_id, except);
	out->chosen = (int)chosen;
	return rc == DB_ROW ? DB_OK : rc < 0 ? rc : DB_ERROR;
}

int elective_limits_put(struct db *db, int64_t curriculum_id, int grade, int elective_hours, int max_weekly)
{
	int rc = db_run(db, "DELETE FROM curriculum_electives WHERE curriculum_id = $1 AND grade = $2", "ii",
			curriculum_id, (int64_t)grade);
	if (rc >= 0)
		rc = db_run(db,
			    "INSERT INTO curriculum_electives (curriculum_id, grade, elective_hours, max_weekly_hours)"
			    " VALUES ($1, $2, $3, $4)",
			    "iiii", curriculum_id, (int64_t)grade, (int64_t)elective_hours, (int64_t)max_weekly);
	return rc < 0 ? rc : DB_OK;
}

static json_t *limit_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o}", "grade", row_int(st, 0), "elective_hours", row_int(st, 1),
			 "max_weekly_hours", row_int(st, 2));
}

json_t *elective_limits_of(struct db *db, int64_t curriculum_id)
{
	return row_list(db,
			"SELECT grade, elective_hours, max_weekly_hours FROM curriculum_electives WHERE curriculum_id = $1"
			" ORDER BY grade",
			curriculum_id, limit_row);
}

#define CHOICE_SELECT \
	"SELECT c.id, c.course_id, e.title_kk, e.title_ru, e.title_en, e.hours, c.starts_on, c.ends_on," \
	" c.switched_from, c.application_on, c.applicant, c.student_id, c.academic_year_id" \
	" FROM elective_choices c JOIN elective_courses e ON e.id = c.course_id"

static json_t *choice_row(struct db_stmt *st)
{
	json_t *c = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:b}", "id", row_int(st, 0), "course_id",
			      row_int(st, 1), "title", row_names(st, 2), "hours", row_int(st, 5), "starts_on",
			      row_text(st, 6), "ends_on", row_text(st, 7), "switched_from", row_int(st, 8), "switched",
			      !db_col_is_null(st, 8));
	json_object_set_new(c, "application_on", row_text(st, 9));
	json_object_set_new(c, "applicant", row_text(st, 10));
	json_object_set_new(c, "student_id", row_int(st, 11));
	json_object_set_new(c, "academic_year_id", row_int(st, 12));
	return c;
}

json_t *elective_choices_of(struct db *db, int64_t student_id, int64_t year_id)
{
	struct db_stmt *st = db_prepare(db, CHOICE_SELECT " WHERE c.student_id = $1 AND c.academic_year_id = $2"
						      " ORDER BY c.ends_on IS NOT NULL, c.starts_on, c.id");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, student_id);
	db_bind_int64(st, 2, year_id);
	return row_collect(st, choice_row);
}

json_t *elective_choice_get(struct db *db, int64_t id)
{
	return row_get_one(db, CHOICE_SELECT " WHERE c.id = $1", id, choice_row);
}

static json_t *chooser_row(struct db_stmt *st)
{
	char label[32];
	snprintf(label, sizeof label, "%d%s", (int)db_col_int64(st, 3), db_col_text(st, 4) ? db_col_text(st, 4) : "");
	return json_pack("{s:o, s:o, s:o, s:s, s:o, s:o, s:b, s:o}", "student_id", row_int(st, 0), "last_name",
			 row_text(st, 1), "first_name", row_text(st, 2), "class", label, "grade", row_int(st, 3),
			 "starts_on", row_text(st, 5), "switched", !db_col_is_null(st, 6), "group_id", row_int(st, 7));
}

json_t *elective_choosers(struct db *db, int64_t course_id)
{
	return row_list(db,
			"SELECT c.student_id, p.last_name, p.first_name, k.grade, k.letter, c.starts_on, c.switched_from,"
			" (SELECT m.group_id FROM elective_group_members m JOIN elective_groups g ON g.id = m.group_id"
			"  WHERE g.course_id = c.course_id AND m.student_id = c.student_id AND m.left_on IS NULL)"
			" FROM elective_choices c JOIN students s ON s.id = c.student_id JOIN persons p ON p.id = s.person_id"
			" LEFT JOIN classes k ON k.id = s.class_id WHERE c.course_id = $1 AND c.ends_on IS NULL"
			" ORDER BY k.grade, k.letter, p.sort_key, s.id",
			course_id, chooser_row);
}

int elective_choice_insert(struct db *db, int64_t student_id, int64_t course_id, int64_t year_id,
			   const char *starts_on, int64_t switched_from, const char *application_on,
			   const char *applicant, int64_t user_id, int64_t *id_out)
{
	char now[21];
	db_now_utc(now);
	struct db_stmt *st = db_prepare(db,
		"INSERT INTO elective_choices (student_id, course_id, academic_year_id, starts_on, switched_from,"
		" application_on, applicant, chosen_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
		" RETURNING id");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, student_id);
	db_bind_int64(st, 2, course_id);
	db_bind_int64(st, 3, year_id);
	db_bind_text(st, 4, starts_on);
	if (switched_from)
		db_bind_int64(st, 5, switched_from);
	else
		db_bind_null(st, 5);
	db_bind_text(st, 6, application_on);
	db_bind_text(st, 7, applicant);
	db_bind_int64(st, 8, user_id);
	db_bind_text(st, 9, now);
	int rc = db_step(st);
	if (rc == DB_ROW)
		*id_out = db_col_int64(st, 0);
	db_done(st);
	return rc == DB_ROW ? DB_OK : rc < 0 ? rc : DB_ERROR;
}

int elective_choice_close(struct db *db, int64_t choice_id, const char *on)
{
	int rc = db_run(db,
			"UPDATE elective_group_members SET left_on = $2 WHERE left_on IS NULL AND student_id ="
			" (SELECT student_id FROM elective_choices WHERE id = $1) AND group_id IN (SELECT g.id FROM"
			" elective_groups g JOIN elective_choices c ON c.course_id = g.course_id WHERE c.id = $1)",
			"is", choice_id, on);
	if (rc >= 0)
		rc = db_run(db, "UPDATE elective_choices SET ends_on = $2 WHERE id = $1", "is", choice_id, on);
	return rc < 0 ? rc : DB_OK;
}

/* --- groups --- */

static json_t *member_row(struct db_stmt *st)
{
	char label[32];
	snprintf(label, sizeof label, "%d%s", (int)db_col_int64(st, 3), db_col_text(st, 4) ? db_col_text(st, 4) : "");
	return json_pack("{s:o, s:o, s:o, s:s, s:o, s:o, s:o, s:o}", "student_id", row_int(st, 0), "last_name",
			 row_text(st, 1), "first_name", row_text(st, 2), "class", label, "grade", row_int(st, 3),
			 "class_id", row_int(st, 5), "joined_on", row_text(st, 6), "left_on", row_text(st, 7));
}

static json_t *group_row(struct db_stmt *st)
{
	json_t *g = json_pack("{s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "course_id", row_int(st, 1), "name",
			      row_text(st, 2), "staff_id", row_int(st, 3));
	if (db_col_is_null(st, 4)) {
		json_object_set_new(g, "teacher", json_null());
	} else {
		char name[200];
		snprintf(name, sizeof name, "%s %s", db_col_text(st, 4), db_col_text(st, 5));
		json_object_set_new(g, "teacher", json_string(name));
	}
	return g;
}

/* Adds "members", "size" and "formation" to the group. 0, or -1 on error. */
static int group_members(struct db *db, json_t *g)
{
	json_t *m = row_list(db,
			     "SELECT m.student_id, p.last_name, p.first_name, c.grade, c.letter, c.id, m.joined_on,"
			     " m.left_on FROM elective_group_members m JOIN students s ON s.id = m.student_id"
			     " JOIN persons p ON p.id = s.person_id LEFT JOIN classes c ON c.id = s.class_id"
			     " WHERE m.group_id = $1 ORDER BY m.left_on IS NOT NULL, p.sort_key, s.id",
			     json_integer_value(json_object_get(g, "id")), member_row);
	if (!m)
		return -1;
	/* formation (ELE-3) of the members still in the group: one class, parallel classes of
	 * one grade, or across parallels */
	int size = 0, grade = 0, grades = 0, classes = 0;
	int64_t cls = 0;
	size_t i;
	json_t *r;
	json_array_foreach(m, i, r) {
		if (!json_is_null(json_object_get(r, "left_on")))
			continue;
		int gr = (int)json_integer_value(json_object_get(r, "grade"));
		int64_t c = json_integer_value(json_object_get(r, "class_id"));
		if (!size++) {
			grade = gr;
			cls = c;
		}
		grades |= gr != grade;
		classes |= c != cls;
	}
	const char *formation = !classes ? "one_class" : !grades ? "parallel" : "across_parallels";
	json_object_set_new(g, "members", m);
	json_object_set_new(g, "size", json_integer(size));
	json_object_set_new(g, "formation", json_string(formation));
	return 0;
}

#define GROUP_SELECT \
	"SELECT g.id, g.course_id, g.name, g.staff_id, p.last_name, p.first_name FROM elective_groups g" \
	" LEFT JOIN staff s ON s.id = g.staff_id LEFT JOIN persons p ON p.id = s.person_id"

json_t *elective_group_get(struct db *db, int64_t id)
{
	json_t *g = row_get_one(db, GROUP_SELECT " WHERE g.id = $1", id, group_row);
	if (g && group_members(db, g) != 0) {
		json_decref(g);
		return NULL;
	}
	return g;
}

json_t *elective_groups_of(struct db *db, int64_t course_id)
{
	json_t *list = row_list(db, GROUP_SELECT " WHERE g.course_id = $1 ORDER BY g.name, g.id", course_id, group_row);
	size_t i;
	json_t *g;
	json_array_foreach(list, i, g) {
		if (group_members(db, g) != 0) {
			json_decref(list);
			return NULL;
		}
	}
	return list;
}

int elective_group_insert(struct db *db, int64_t course_id, const char *name, int64_t staff_id, int64_t *id_out)
{
	char now[21];
	db_now_utc(now);
	int rc = db_query_int64(db, id_out,
				"INSERT INTO elective_groups (course_id, name, created_at, staff_id) VALUES ($1, $2, $3, $4)"
				" RETURNING id",
				staff_id ? "issi" : "issn", course_id, name, now, staff_id);
	return rc == DB_ROW ? DB_OK : rc < 0 ? rc : DB_ERROR;
}

int elective_group_add(struct db *db, int64_t group_id, int64_t student_id, const char *joined_on)
{
	int rc = db_run(db, "INSERT INTO elective_group_members (group_id, student_id, joined_on) VALUES ($1, $2, $3)",
			"iis", group_id, student_id, joined_on);
	return rc < 0 ? rc : DB_OK;
}

int64_t elective_group_of_student(struct db *db, int64_t course_id, int64_t student_id)
{
	int64_t id = 0;
	int rc = db_query_int64(db, &id,
				"SELECT g.id FROM elective_groups g JOIN elective_group_members m ON m.group_id = g.id"
				" WHERE g.course_id = $1 AND m.student_id = $2 AND m.left_on IS NULL",
				"ii", course_id, student_id);
	return rc == DB_ROW ? id : rc == DB_DONE ? 0 : -1;
}

/* --- sessions --- */

#define SESSION_COLUMNS \
	"s.id, s.group_id, s.session_date, s.semester, s.status, s.missed_reason, s.plan_position, s.topic," \
	" s.test_work"

static json_t *session_row(struct db_stmt *st)
{
	json_t *s = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "group_id",
			      row_int(st, 1), "date", row_text(st, 2), "semester", row_int(st, 3), "status",
			      row_text(st, 4), "missed_reason", row_text(st, 5), "plan_position", row_int(st, 6),
			      "topic", row_text(st, 7));
	json_object_set_new(s, "test_work", row_bool(st, 8));
	return s;
}

static json_t *attendance_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o}", "student_id", row_int(st, 0), "status", row_text(st, 1), "reason",
			 row_text(st, 2));
}

static json_t *id_row(struct db_stmt *st)
{
	return row_int(st, 0);
}

json_t *elective_session_get(struct db *db, int64_t id)
{
	json_t *s = row_get_one(db, "SELECT " SESSION_COLUMNS " FROM elective_sessions s WHERE s.id = $1", id,
				session_row);
	if (!s)
		return NULL;
	json_t *a = row_list(db,
			     "SELECT student_id, status, reason FROM elective_attendance WHERE session_id = $1"
			     " ORDER BY student_id",
			     id, attendance_row);
	json_t *t = row_list(db, "SELECT student_id FROM elective_test_works WHERE session_id = $1 ORDER BY student_id",
			     id, id_row);
	if (!a || !t) {
		json_decref(a);
		json_decref(t);
		json_decref(s);
		return NULL;
	}
	json_object_set_new(s, "attendance", a);
	json_object_set_new(s, "test_work_done", t);
	return s;
}

static json_t *session_list_row(struct db_stmt *st)
{
	json_t *s = session_row(st);
	json_object_set_new(s, "absent", row_int(st, 9));
	return s;
}

json_t *elective_sessions_of(struct db *db, int64_t group_id)
{
	return row_list(db,
			"SELECT " SESSION_COLUMNS ", (SELECT COUNT(*) FROM elective_attendance a WHERE a.session_id = s.id"
			" AND a.status = 'absent') FROM elective_sessions s WHERE s.group_id = $1 ORDER BY s.session_date",
			group_id, session_list_row);
}

int elective_session_save(struct db *db, int64_t group_id, json_t *rec, int64_t user_id, int64_t *id_out)
{
	char now[21];
	db_now_utc(now);
	const char *date = json_string_value(json_object_get(rec, "date"));
	int64_t id = 0;
	int rc = db_query_int64(db, &id, "SELECT id FROM elective_sessions WHERE group_id = $1 AND session_date = $2",
				"is", group_id, date);
	if (rc < 0)
		return rc;
	if (rc == DB_ROW) {
		rc = db_run(db, "DELETE FROM elective_attendance WHERE session_id = $1", "i", id);
		if (rc >= 0)
			rc = db_run(db, "DELETE FROM elective_test_works WHERE session_id = $1", "i", id);
		if (rc < 0)
			return rc;
	}
	struct db_stmt *st = db_prepare(db, id
		? "UPDATE elective_sessions SET group_id = $1, session_date = $2, semester = $3, status = $4,"
		  " missed_reason = $5, plan_position = $6, topic = $7, test_work = $8, filled_by = $9, updated_at = $10"
		  " WHERE id = $11 RETURNING id"
		: "INSERT INTO elective_sessions (group_id, session_date, semester, status, missed_reason, plan_position,"
		  " topic, test_work, filled_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, group_id);
	db_bind_text(st, 2, date);
	row_bind(st, 3, rec, "semester");
	row_bind(st, 4, rec, "status");
	row_bind(st, 5, rec, "missed_reason");
	row_bind(st, 6, rec, "plan_position");
	row_bind(st, 7, rec, "topic");
	db_bind_int64(st, 8, json_is_true(json_object_get(rec, "test_work")));
	db_bind_int64(st, 9, user_id);
	db_bind_text(st, 10, now);
	if (id)
		db_bind_int64(st, 11, id);
	rc = db_step(st);
	if (rc == DB_ROW)
		id = db_col_int64(st, 0);
	db_done(st);
	rc = rc == DB_ROW ? DB_OK : rc < 0 ? rc : DB_ERROR;
	size_t i;
	json_t *a;
	json_array_foreach(json_object_get(rec, "attendance"), i, a) {
		if (rc < 0)
			break;
		rc = db_run(db, "INSERT INTO elective_attendance (session_id, student_id, status, reason) VALUES ($1, $2,"
				" $3, $4)",
			    "iiss", id, json_integer_value(json_object_get(a, "student_id")),
			    json_string_value(json_object_get(a, "status")),
			    json_string_value(json_object_get(a, "reason")));
	}
	json_array_foreach(json_object_get(rec, "test_work_done"), i, a) {
		if (rc < 0)
			break;
		rc = db_run(db, "INSERT INTO elective_test_works (session_id, student_id) VALUES ($1, $2)", "ii", id,
			    json_integer_value(a));
	}
	if (id_out)
		*id_out = id;
	return rc < 0 ? rc : DB_OK;
}

int elective_semester_of(struct db *db, int64_t year_id, const char *date)
{
	char from[16] = "";
	struct db_stmt *st = db_prepare(db,
		"SELECT t.starts_on FROM year_terms t WHERE t.academic_year_id = $1 AND t.term_no ="
		" (SELECT COUNT(*) / 2 + 1 FROM year_terms u WHERE u.academic_year_id = $1)");
	if (!st)
		return -1;
	db_bind_int64(st, 1, year_id);
	int rc = db_step(st);
	if (rc == DB_ROW && db_col_text(st, 0))
		snprintf(from, sizeof from, "%s", db_col_text(st, 0));
	db_done(st);
	if (rc < 0)
		return -1;
	if (!from[0]) /* no terms: the calendar year's turn */
		return strncmp(date + 5, "09", 2) >= 0 ? 1 : 2;
	return strcmp(date, from) < 0 ? 1 : 2;
}

/* --- results --- */

int elective_period_end(struct db *db, int64_t year_id, int semester, char out[11])
{
	out[0] = '\0';
	struct db_stmt *st = db_prepare(db,
		"SELECT COALESCE((SELECT t.ends_on FROM year_terms t WHERE t.academic_year_id = $1 AND t.term_no ="
		" (SELECT CASE WHEN $2 = 1 THEN COUNT(*) / 2 ELSE COUNT(*) END FROM year_terms u"
		" WHERE u.academic_year_id = $1)), y.ends_on) FROM academic_years y WHERE y.id = $1");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, year_id);
	db_bind_int64(st, 2, semester);
	int rc = db_step(st);
	if (rc == DB_ROW && db_col_text(st, 0))
		snprintf(out, 11, "%s", db_col_text(st, 0));
	db_done(st);
	return rc < 0 ? rc : DB_OK;
}

struct elective_figures *elective_figures_of(struct db *db, int64_t course_id, int semester, int64_t student_id,
					    int *n)
{
	*n = -1;
	struct db_stmt *st = db_prepare(db,
		"SELECT m.student_id, p.last_name, p.first_name, COUNT(x.id),"
		" COUNT(x.id) - COUNT(a.student_id), COUNT(CASE WHEN x.test_work = 1 THEN 1 END), COUNT(t.student_id),"
		" (SELECT COUNT(*) FROM elective_choices c WHERE c.student_id = m.student_id AND c.course_id = $1"
		"  AND c.switched_from IS NOT NULL),"
		" MIN(CASE WHEN m.left_on IS NULL THEN 0 ELSE 1 END)"
		" FROM elective_group_members m JOIN elective_groups g ON g.id = m.group_id"
		" JOIN students s ON s.id = m.student_id JOIN persons p ON p.id = s.person_id"
		" LEFT JOIN elective_sessions x ON x.group_id = m.group_id AND x.status = 'held'"
		"  AND ($2 = 0 OR x.semester = $2) AND x.session_date >= m.joined_on"
		"  AND (m.left_on IS NULL OR x.session_date < m.left_on)"
		" LEFT JOIN elective_attendance a ON a.session_id = x.id AND a.student_id = m.student_id"
		"  AND a.status = 'absent'"
		" LEFT JOIN elective_test_works t ON t.session_id = x.id AND t.student_id = m.student_id"
		" WHERE g.course_id = $1 AND ($3 = 0 OR m.student_id = $3)"
		" GROUP BY m.student_id, p.last_name, p.first_name, p.sort_key ORDER BY p.sort_key, m.student_id");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, course_id);
	db_bind_int64(st, 2, semester);
	db_bind_int64(st, 3, student_id);
	size_t cap = 16, len = 0;
	struct elective_figures *out = malloc(cap * sizeof *out);
	int rc;
	while (out && (rc = db_step(st)) == DB_ROW) {
		if (len == cap) {
			cap *= 2;
			struct elective_figures *more = realloc(out, cap * sizeof *out);
			if (!more) {
				free(out);
				out = NULL;
				break;
			}
			out = more;
		}
		struct elective_figures *f = &out[len++];
		memset(f, 0, sizeof *f);
		f->student_id = db_col_int64(st, 0);
		snprintf(f->last_name, sizeof f->last_name, "%s", db_col_text(st, 1) ? db_col_text(st, 1) : "");
		snprintf(f->first_name, sizeof f->first_name, "%s", db_col_text(st, 2) ? db_col_text(st, 2) : "");
		f->held = (int)db_col_int64(st, 3);
		f->attended = (int)db_col_int64(st, 4);
		f->test_held = (int)db_col_int64(st, 5);
		f->test_done = (int)db_col_int64(st, 6);
		f->switched = db_col_int64(st, 7) > 0;
		f->left = (int)db_col_int64(st, 8);
	}
	db_done(st);
	if (!out || rc != DB_DONE) {
		free(out);
		return NULL;
	}
	*n = (int)len;
	return out;
}

/* --- final products --- */

static json_t *product_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "course_id", row_int(st, 1),
			 "student_id", row_int(st, 2), "kind", row_text(st, 3), "title", row_text(st, 4), "recorded_on",
			 row_text(st, 5));
}

json_t *elective_products_of(struct db *db, int64_t course_id, int64_t student_id)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT id, course_id, student_id, kind, title, recorded_on FROM elective_products"
		" WHERE ($1 = 0 OR course_id = $1) AND ($2 = 0 OR student_id = $2) ORDER BY recorded_on, id");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, course_id);
	db_bind_int64(st, 2, student_id);
	return row_collect(st, product_row);
}

int elective_product_insert(struct db *db, int64_t course_id, int64_t student_id, json_t *rec, int64_t user_id,
			    int64_t *id_out)
{
	char now[21];
	db_now_utc(now);
	int rc = db_query_int64(db, id_out,
				"INSERT INTO elective_products (course_id, student_id, kind, title, recorded_on, recorded_by,"
				" created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
				"iisssis", course_id, student_id, json_string_value(json_object_get(rec, "kind")),
				json_string_value(json_object_get(rec, "title")),
				json_string_value(json_object_get(rec, "recorded_on")), user_id, now);
	return rc == DB_ROW ? DB_OK : rc < 0 ? rc : DB_ERROR;
}
