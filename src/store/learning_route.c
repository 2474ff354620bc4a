/* learning_route (store) — the queries of individual learning routes; see
 * learning_route.h. */
#include "store/learning_route.h"

#include <stdio.h>
#include <string.h>

#include "store/row.h"

#define ROUTE_SELECT \
	"SELECT r.id, r.school_id, r.academic_year_id, r.student_id, sp.last_name, sp.first_name, st.class_id," \
	" c.grade, c.letter, r.reason, r.reason_note, r.span, r.span_title, r.semester, r.starts_on, r.ends_on," \
	" r.staff_id, tp.last_name, tp.first_name, r.curator_id, cp.last_name, cp.first_name, r.target, r.content," \
	" r.technological, r.diagnostic, r.organisational, r.status, r.teacher_agreed_at, r.curator_agreed_at," \
	" r.student_agreed_at, r.student_agreed_as, r.conclusions, r.recommendations, r.concluded_on," \
	" (SELECT COUNT(*) FROM learning_route_assessments a WHERE a.route_id = r.id)," \
	" (SELECT MAX(a.assessed_on) FROM learning_route_assessments a WHERE a.route_id = r.id)" \
	" FROM learning_routes r JOIN students st ON st.id = r.student_id JOIN persons sp ON sp.id = st.person_id" \
	" LEFT JOIN classes c ON c.id = st.class_id" \
	" JOIN staff ts ON ts.id = r.staff_id JOIN persons tp ON tp.id = ts.person_id" \
	" JOIN staff cs ON cs.id = r.curator_id JOIN persons cp ON cp.id = cs.person_id"

/* "Last First" of two columns. */
static json_t *name_at(struct db_stmt *st, int col)
{
	char name[220];
	snprintf(name, sizeof name, "%s %s", db_col_text(st, col) ? db_col_text(st, col) : "",
		 db_col_text(st, col + 1) ? db_col_text(st, col + 1) : "");
	return json_string(name);
}

static json_t *agreement_at(struct db_stmt *st, int col)
{
	return db_col_is_null(st, col) ? json_null() : json_pack("{s:o}", "at", row_text(st, col));
}

static json_t *route_row(struct db_stmt *st)
{
	json_t *student = json_pack("{s:o, s:o, s:o, s:o}", "id", row_int(st, 3), "last_name", row_text(st, 4),
				    "first_name", row_text(st, 5), "class_id", row_int(st, 6));
	if (db_col_is_null(st, 7)) {
		json_object_set_new(student, "class", json_null());
	} else {
		char cls[40];
		snprintf(cls, sizeof cls, "%lld%s", (long long)db_col_int64(st, 7), db_col_text(st, 8));
		json_object_set_new(student, "class", json_string(cls));
	}
	json_t *r = json_pack("{s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "school_id", row_int(st, 1),
			      "academic_year_id", row_int(st, 2), "student_id", row_int(st, 3), "student", student);
	static const char *const texts[] = {"reason", "reason_note", "span", "span_title"};
	for (int i = 0; i < 4; i++)
		json_object_set_new(r, texts[i], row_text(st, 9 + i));
	json_object_set_new(r, "semester", row_int(st, 13));
	json_object_set_new(r, "starts_on", row_text(st, 14));
	json_object_set_new(r, "ends_on", row_text(st, 15));
	json_object_set_new(r, "staff_id", row_int(st, 16));
	json_object_set_new(r, "teacher", name_at(st, 17));
	json_object_set_new(r, "curator_id", row_int(st, 19));
	json_object_set_new(r, "curator", name_at(st, 20));
	static const char *const parts[] = {"target", "content", "technological", "diagnostic", "organisational",
					    "status"};
	for (int i = 0; i < 6; i++)
		json_object_set_new(r, parts[i], row_text(st, 22 + i));
	json_t *student_agreed = agreement_at(st, 30);
	if (json_is_object(student_agreed))
		json_object_set_new(student_agreed, "as", row_text(st, 31));
	json_object_set_new(r, "agreements", json_pack("{s:o, s:o, s:o}", "teacher", agreement_at(st, 28), "curator",
						       agreement_at(st, 29), "student", student_agreed));
	json_object_set_new(r, "conclusions", row_text(st, 32));
	json_object_set_new(r, "recommendations", row_text(st, 33));
	json_object_set_new(r, "concluded_on", row_text(st, 34));
	json_object_set_new(r, "assessments", row_int(st, 35));
	json_object_set_new(r, "last_assessed_on", row_text(st, 36));
	return r;
}

static json_t *subject_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o}", "id", row_int(st, 0), "code", row_text(st, 1), "name", row_names(st, 2));
}

/* The route's subjects into r["subjects"] and their ids into r["subject_ids"]. */
static int add_subjects(struct db *db, json_t *r)
{
	json_t *subjects = row_list(db,
				    "SELECT s.id, s.code, s.name_kk, s.name_ru, s.name_en FROM learning_route_subjects x"
				    " JOIN subjects s ON s.id = x.subject_id WHERE x.route_id = $1 ORDER BY s.id",
				    json_integer_value(json_object_get(r, "id")), subject_row);
	if (!subjects)
		return -1;
	json_t *ids = json_array();
	size_t i;
	json_t *s;
	json_array_foreach(subjects, i, s)
		json_array_append(ids, json_object_get(s, "id"));
	json_object_set_new(r, "subjects", subjects);
	json_object_set_new(r, "subject_ids", ids);
	return 0;
}

static json_t *schedule_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o}", "position", row_int(st, 0), "date", row_text(st, 1), "activity",
			 row_text(st, 2), "form", row_text(st, 3));
}

static json_t *assessment_row(struct db_stmt *st)
{
	json_t *a = json_pack("{s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "assessed_on", row_text(st, 1),
			      "week_of", row_text(st, 2), "progress", row_text(st, 3), "comment", row_text(st, 4));
	json_object_set_new(a, "by", db_col_is_null(st, 5) ? json_null() : name_at(st, 5));
	json_object_set_new(a, "corrections", json_array());
	return a;
}

static json_t *correction_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o}", "assessment_id", row_int(st, 0), "part", row_text(st, 1), "before",
			 row_text(st, 2), "after", row_text(st, 3));
}

/* The assessments of route r, each with its corrections, into r["assessments"]. */
static int add_assessments(struct db *db, json_t *r, int64_t id)
{
	json_t *list = row_list(db,
				"SELECT a.id, a.assessed_on, a.week_of, a.progress, a.comment, p.last_name, p.first_name"
				" FROM learning_route_assessments a LEFT JOIN staff f ON f.id = a.staff_id"
				" LEFT JOIN persons p ON p.id = f.person_id WHERE a.route_id = $1"
				" ORDER BY a.assessed_on, a.id",
				id, assessment_row);
	json_t *corr = row_list(db,
				"SELECT assessment_id, part, before_text, after_text FROM learning_route_corrections"
				" WHERE route_id = $1 ORDER BY id",
				id, correction_row);
	if (!list || !corr) {
		json_decref(list);
		json_decref(corr);
		return -1;
	}
	size_t i, j;
	json_t *c, *a;
	json_array_foreach(corr, i, c) {
		json_array_foreach(list, j, a) {
			if (json_equal(json_object_get(a, "id"), json_object_get(c, "assessment_id"))) {
				json_object_del(c, "assessment_id");
				json_array_append(json_object_get(a, "corrections"), c);
				break;
			}
		}
	}
	json_decref(corr);
	json_object_set_new(r, "assessments", list);
	return 0;
}

json_t *learning_route_get(struct db *db, int64_t id)
{
	json_t *r = row_get_one(db, ROUTE_SELECT " WHERE r.id = $1", id, route_row);
	if (!r)
		return NULL;
	json_object_del(r, "last_assessed_on");
	json_t *schedule = row_list(db,
				    "SELECT position, on_date, activity, form FROM learning_route_schedule"
				    " WHERE route_id = $1 ORDER BY position",
				    id, schedule_row);
	if (!schedule || add_subjects(db, r) != 0 || add_assessments(db, r, id) != 0) {
		json_decref(schedule);
		json_decref(r);
		return NULL;
	}
	json_object_set_new(r, "schedule", schedule);
	return r;
}

json_t *learning_routes_list(struct db *db, const struct route_filter *f)
{
	struct db_stmt *st = db_prepare(db, ROUTE_SELECT " WHERE ($1 = 0 OR r.school_id = $1)"
						       " AND ($2 = 0 OR r.academic_year_id = $2)"
						       " AND ($3 = 0 OR st.class_id = $3) AND ($4 = 0 OR r.student_id = $4)"
						       " ORDER BY sp.sort_key, sp.last_name, sp.first_name, r.starts_on, r.id");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, f->school_id);
	db_bind_int64(st, 2, f->year_id);
	db_bind_int64(st, 3, f->class_id);
	db_bind_int64(st, 4, f->student_id);
	json_t *list = row_collect(st, route_row);
	size_t i;
	json_t *r;
	json_array_foreach(list, i, r) {
		if (add_subjects(db, r) != 0) {
			json_decref(list);
			return NULL;
		}
	}
	return list;
}

static const char *const route_fields[] = {"school_id", "academic_year_id", "student_id", "reason", "reason_note",
					   "span", "span_title", "semester", "starts_on", "ends_on", "staff_id",
					   "curator_id", "target", "content", "technological", "diagnostic",
					   "organisational", NULL};

/* Replaces the route's subjects with rec's "subject_ids" and its schedule with rec's
 * "schedule" when rec has them. */
static int save_lists(struct db *db, int64_t id, json_t *rec)
{
	int rc = DB_OK;
	json_t *ids = json_object_get(rec, "subject_ids");
	if (json_is_array(ids)) {
		rc = db_run(db, "DELETE FROM learning_route_subjects WHERE route_id = $1", "i", id);
		size_t i;
		json_t *s;
		json_array_foreach(ids, i, s) {
			if (rc < 0)
				break;
			rc = db_run(db, "INSERT INTO learning_route_subjects (route_id, subject_id) VALUES ($1, $2)", "ii",
				    id, json_integer_value(s));
		}
	}
	if (rc >= 0 && json_is_array(json_object_get(rec, "schedule")))
		rc = learning_route_schedule_save(db, id, json_object_get(rec, "schedule"));
	return rc < 0 ? rc : DB_OK;
}

int learning_route_insert(struct db *db, json_t *rec, int64_t user_id, int64_t *id_out)
{
	int rc = row_write(db,
			   "INSERT INTO learning_routes (school_id, academic_year_id, student_id, reason, reason_note, span,"
			   " span_title, semester, starts_on, ends_on, staff_id, curator_id, target, content, technological,"
			   " diagnostic, organisational, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,"
			   " $10, $11, $12, $13, $14, $15, $16, $17, $18, $18) RETURNING id",
			   rec, route_fields, 0, id_out);
	if (rc == DB_OK && user_id)
		rc = db_run(db, "UPDATE learning_routes SET created_by = $1 WHERE id = $2", "ii", user_id, *id_out) < 0
			     ? DB_ERROR
			     : DB_OK;
	return rc == DB_OK ? save_lists(db, *id_out, rec) : rc;
}

int learning_route_update(struct db *db, int64_t id, json_t *rec)
{
	int rc = row_write(db,
			   "UPDATE learning_routes SET school_id = $1, academic_year_id = $2, student_id = $3, reason = $4,"
			   " reason_note = $5, span = $6, span_title = $7, semester = $8, starts_on = $9, ends_on = $10,"
			   " staff_id = $11, curator_id = $12, target = $13, content = $14, technological = $15,"
			   " diagnostic = $16, organisational = $17, updated_at = $18 WHERE id = $19",
			   rec, route_fields, id, NULL);
	return rc == DB_OK ? save_lists(db, id, rec) : rc;
}

int learning_route_schedule_save(struct db *db, int64_t id, json_t *rows)
{
	int rc = db_run(db, "DELETE FROM learning_route_schedule WHERE route_id = $1", "i", id);
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r) {
		if (rc < 0)
			break;
		rc = db_run(db,
			    "INSERT INTO learning_route_schedule (route_id, position, on_date, activity, form)"
			    " VALUES ($1, $2, $3, $4, $5)",
			    "iisss", id, (int64_t)i + 1, json_string_value(json_object_get(r, "date")),
			    json_string_value(json_object_get(r, "activity")), json_string_value(json_object_get(r, "form")));
	}
	return rc < 0 ? rc : DB_OK;
}

int learning_route_agreements_clear(struct db *db, int64_t id)
{
	int rc = db_run(db,
			"UPDATE learning_routes SET teacher_agreed_at = NULL, teacher_agreed_by = NULL,"
			" curator_agreed_at = NULL, curator_agreed_by = NULL, student_agreed_at = NULL,"
			" student_agreed_by = NULL, student_agreed_as = NULL WHERE id = $1",
			"i", id);
	return rc < 0 ? rc : DB_OK;
}

int learning_route_agree(struct db *db, int64_t id, const char *party, int64_t user_id, const char *as)
{
	char now[21];
	db_now_utc(now);
	const char *sql = strcmp(party, "teacher") == 0
				  ? "UPDATE learning_routes SET teacher_agreed_at = $1, teacher_agreed_by = $2 WHERE id = $3"
			  : strcmp(party, "curator") == 0
				  ? "UPDATE learning_routes SET curator_agreed_at = $1, curator_agreed_by = $2 WHERE id = $3"
				  : "UPDATE learning_routes SET student_agreed_at = $1, student_agreed_by = $2,"
				    " student_agreed_as = $4 WHERE id = $3";
	int rc = strcmp(party, "student") == 0 ? db_run(db, sql, "siis", now, user_id, id, as)
					       : db_run(db, sql, "sii", now, user_id, id);
	return rc < 0 ? rc : DB_OK;
}

int learning_route_set_status(struct db *db, int64_t id, const char *status)
{
	int rc = db_run(db, "UPDATE learning_routes SET status = $1 WHERE id = $2", "si", status, id);
	return rc < 0 ? rc : DB_OK;
}

int learning_route_assessment_insert(struct db *db, int64_t route_id, json_t *rec, int64_t staff_id,
				     int64_t user_id, int64_t *id_out)
{
	char now[21];
	db_now_utc(now);
	int rc = db_query_int64(db, id_out,
				"INSERT INTO learning_route_assessments (route_id, assessed_on, week_of, progress, comment,"
				" staff_id, user_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
				staff_id ? "issssiis" : "issssnis", route_id, json_string_value(json_object_get(rec, "assessed_on")),
				json_string_value(json_object_get(rec, "week_of")),
				json_string_value(json_object_get(rec, "progress")),
				json_string_value(json_object_get(rec, "comment")), staff_id, user_id, now);
	return rc == DB_ROW ? DB_OK : rc < 0 ? rc : DB_ERROR;
}

int learning_route_correction_insert(struct db *db, int64_t route_id, int64_t assessment_id, const char *part,
				     const char *before, const char *after)
{
	char now[21];
	db_now_utc(now);
	int rc = db_run(db,
			"INSERT INTO learning_route_corrections (route_id, assessment_id, part, before_text, after_text,"
			" created_at) VALUES ($1, $2, $3, $4, $5, $6)",
			"iissss", route_id, assessment_id, part, before, after, now);
	return rc < 0 ? rc : DB_OK;
}

int learning_route_component_set(struct db *db, int64_t id, const char *part, const char *text)
{
	char sql[120];
	/* part is one of core's five names, never the user's text */
	snprintf(sql, sizeof sql, "UPDATE learning_routes SET %s = $1 WHERE id = $2", part);
	int rc = db_run(db, sql, "si", text, id);
	return rc < 0 ? rc : DB_OK;
}

static json_t *date_row(struct db_stmt *st)
{
	return row_text(st, 0);
}

json_t *learning_route_assessment_dates(struct db *db, int64_t id)
{
	return row_list(db, "SELECT assessed_on FROM learning_route_assessments WHERE route_id = $1 ORDER BY assessed_on",
			id, date_row);
}

int learning_route_conclude(struct db *db, int64_t id, const char *conclusions, const char *recommendations,
			    const char *on, int64_t user_id)
{
	int rc = db_run(db,
			"UPDATE learning_routes SET conclusions = $1, recommendations = $2, concluded_on = $3,"
			" concluded_by = $4, status = 'concluded' WHERE id = $5",
			"sssii", conclusions, recommendations, on, user_id, id);
	return rc < 0 ? rc : DB_OK;
}

json_t *learning_route_attendance(struct db *db, int64_t route_id, int64_t student_id, const char *from,
				  const char *to)
{
	/* the student's lessons of the route's subjects (the class's, and their groups'), held
	 * with the roll taken, and what the roll said of the student */
	struct db_stmt *st = db_prepare(db,
		"SELECT COUNT(*), COALESCE(SUM(CASE WHEN a.status = 'absent' THEN 1 ELSE 0 END), 0),"
		" COALESCE(SUM(CASE WHEN a.status = 'late' THEN 1 ELSE 0 END), 0),"
		" COALESCE(SUM(CASE WHEN a.status = 'absent' AND a.reason = 'illness' THEN 1 ELSE 0 END), 0)"
		" FROM students t JOIN lessons x ON x.class_id = t.class_id AND (x.group_id IS NULL OR EXISTS"
		" (SELECT 1 FROM group_members gm WHERE gm.group_id = x.group_id AND gm.student_id = t.id))"
		" JOIN lesson_journal j ON j.lesson_id = x.id AND j.status = 'held' AND j.attendance_marked = 1"
		" LEFT JOIN attendance a ON a.lesson_id = x.id AND a.student_id = t.id"
		" WHERE t.id = $1 AND x.lesson_date >= $2 AND x.lesson_date <= $3"
		" AND x.subject_id IN (SELECT subject_id FROM learning_route_subjects WHERE route_id = $4)");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, student_id);
	db_bind_text(st, 2, from);
	db_bind_text(st, 3, to);
	db_bind_int64(st, 4, route_id);
	json_t *out = NULL;
	if (db_step(st) == DB_ROW)
		out = json_pack("{s:o, s:o, s:o, s:o}", "held", row_int(st, 0), "absent", row_int(st, 1), "late",
				row_int(st, 2), "illness", row_int(st, 3));
	db_done(st);
	return out;
}

int64_t learning_route_assessments_between(struct db *db, int64_t route_id, const char *from, const char *to)
{
	int64_t n = 0;
	return db_query_int64(db, &n,
			      "SELECT COUNT(*) FROM learning_route_assessments WHERE route_id = $1 AND assessed_on >= $2"
			      " AND assessed_on <= $3",
			      "iss", route_id, from, to) == DB_ROW
		       ? n
		       : -1;
}
