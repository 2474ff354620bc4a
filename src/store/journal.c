/* journal (store) — one lesson's journal, its substitute, the terms' closing and
 * unlocks; see journal.h. */
#include "store/journal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/parts.h"
#include "store/row.h"
#include "util/array.h"

/* The students a lesson is for: the class's students who study or are away on
 * externship or academic leave (they keep their place in the list), or its group's.
 * `x` is the lesson, `t` the student. */
#define ROSTER_JOIN \
	" JOIN students t ON t.class_id = x.class_id AND t.status IN ('studying', 'externship', 'academic_leave')" \
	" AND (x.group_id IS NULL OR EXISTS (SELECT 1 FROM group_members gm" \
	" WHERE gm.group_id = x.group_id AND gm.student_id = t.id))"
/* EXT-8, LV-5: the externship or leave of the movement book that covers the lesson's
 * day (`mv`), if any: the student is away, not expected at the lesson. */
#define AWAY_JOIN \
	" LEFT JOIN student_movements mv ON mv.student_id = t.id AND mv.status IN ('externship', 'academic_leave')" \
	" AND mv.starts_on <= x.lesson_date AND (mv.ends_on IS NULL OR mv.ends_on >= x.lesson_date)"

static json_t *lesson_row(struct db_stmt *st)
{
	json_t *l = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "school_id",
			      row_int(st, 1), "academic_year_id", row_int(st, 2), "semester", row_int(st, 3), "date",
			      row_text(st, 4), "period", row_int(st, 5), "starts_at", row_text(st, 6), "ends_at",
			      row_text(st, 7));
	parts_put(l, st, 8);
	int k = 8 + PART_COUNT;
	json_object_set_new(l, "planned_topic", db_col_is_null(st, k) ? json_null()
		: json_pack("{s:o, s:o, s:o}", "id", row_int(st, k), "position", row_int(st, k + 1), "title",
			    row_text(st, k + 2)));
	k += 3;
	json_object_set_new(l, "cover", db_col_is_null(st, k) ? json_null()
		: json_pack("{s:o, s:o, s:o, s:o, s:o}", "staff_id", row_int(st, k), "last_name", row_text(st, k + 1),
			    "first_name", row_text(st, k + 2), "middle_name", row_text(st, k + 3), "reason",
			    row_text(st, k + 4)));
	k += 5;
	json_object_set_new(l, "status", row_text(st, k));
	json_object_set_new(l, "missed_reason", row_text(st, k + 1));
	json_object_set_new(l, "topic_id", row_int(st, k + 2));
	json_object_set_new(l, "topic", row_text(st, k + 3));
	json_object_set_new(l, "homework", row_text(st, k + 4));
	json_object_set_new(l, "attendance_marked", json_boolean(db_col_int64(st, k + 5) == 1));
	json_object_set_new(l, "filled_at", row_text(st, k + 6));
	k += 7;
	json_object_set_new(l, "work", db_col_is_null(st, k) ? json_null()
		: json_pack("{s:o, s:o, s:o}", "kind", row_text(st, k), "title", row_text(st, k + 1), "max_points",
			    row_int(st, k + 2)));
	return l;
}

static json_t *student_row(struct db_stmt *st)
{
	const char *status = db_col_text(st, 4);
	json_t *s = json_pack("{s:o, s:o, s:o, s:o, s:s, s:o, s:o, s:o}", "id", row_int(st, 0), "last_name",
			      row_text(st, 1), "first_name", row_text(st, 2), "middle_name", row_text(st, 3), "attendance",
			      status ? status : "present", "reason", row_text(st, 5), "mark", row_int(st, 6), "points",
			      row_int(st, 7));
	/* EXT-8, LV-5: away that day, with the order that sent them */
	json_object_set_new(s, "away", db_col_is_null(st, 8) ? json_null()
		: json_pack("{s:o, s:o, s:o, s:o, s:o}", "status", row_text(st, 8), "starts_on", row_text(st, 9),
			    "planned_ends_on", row_text(st, 10), "order_number", row_text(st, 11), "ordered_on",
			    row_text(st, 12)));
	return s;
}

json_t *journal_lesson_get(struct db *db, int64_t lesson_id)
{
	json_t *l = row_get_one(db,
		"SELECT x.id, x.school_id, x.academic_year_id, x.semester, x.lesson_date, x.period, b.starts_at,"
		" b.ends_at, " PART_COLUMNS ", k.id, k.position, k.title,"
		" cv.staff_id, cp.last_name, cp.first_name, cp.middle_name, cv.reason,"
		" j.status, j.missed_reason, j.topic_id, j.topic, j.homework, j.attendance_marked, j.filled_at,"
		" w.kind, w.title, w.max_points"
		" FROM lessons x" PART_JOINS
		" LEFT JOIN bell_periods b ON b.school_id = x.school_id AND b.number = x.period"
		" LEFT JOIN ktp_topics k ON k.id = x.ktp_topic_id AND k.academic_year_id = x.academic_year_id"
		" AND k.subject_id = x.subject_id AND k.grade = c.grade"
		" LEFT JOIN lesson_covers cv ON cv.lesson_id = x.id LEFT JOIN staff cf ON cf.id = cv.staff_id"
		" LEFT JOIN persons cp ON cp.id = cf.person_id"
		" LEFT JOIN lesson_journal j ON j.lesson_id = x.id LEFT JOIN summative_works w ON w.lesson_id = x.id"
		" WHERE x.id = $1",
		lesson_id, lesson_row);
	if (!l)
		return NULL;
	json_t *students = row_list(db,
		"SELECT t.id, p.last_name, p.first_name, p.middle_name, a.status, a.reason, m.mark, sc.points,"
		" mv.status, mv.starts_on, mv.planned_ends_on, mv.order_number, mv.ordered_on"
		" FROM lessons x" ROSTER_JOIN AWAY_JOIN " JOIN persons p ON p.id = t.person_id"
		" LEFT JOIN attendance a ON a.lesson_id = x.id AND a.student_id = t.id"
		" LEFT JOIN formative_marks m ON m.lesson_id = x.id AND m.student_id = t.id"
		" LEFT JOIN summative_scores sc ON sc.lesson_id = x.id AND sc.student_id = t.id"
		" WHERE x.id = $1 ORDER BY p.sort_key, t.id",
		lesson_id, student_row);
	if (!students) {
		json_decref(l);
		return NULL;
	}
	json_object_set_new(l, "students", students);
	return l;
}

static json_t *id_of(struct db_stmt *st)
{
	return json_integer(db_col_int64(st, 0));
}

long journal_roster_ids(struct db *db, int64_t lesson_id, int64_t **out)
{
	json_t *ids = row_list(db, "SELECT t.id FROM lessons x" ROSTER_JOIN AWAY_JOIN
				   " WHERE x.id = $1 AND mv.id IS NULL ORDER BY t.id", lesson_id, id_of);
	if (!ids)
		return -1;
	size_t n = json_array_size(ids);
	*out = malloc((n ? n : 1) * sizeof **out);
	if (!*out) {
		json_decref(ids);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		(*out)[i] = json_integer_value(json_array_get(ids, i));
	json_decref(ids);
	return (long)n;
}

/* --- the snapshot the audit keeps --- */

static json_t *absence_value(struct db_stmt *st)
{
	const char *status = db_col_text(st, 1), *reason = db_col_text(st, 2);
	char v[48];
	snprintf(v, sizeof v, "%s%s%s", status ? status : "", reason ? ":" : "", reason ? reason : "");
	return json_string(v);
}

static json_t *int_value(struct db_stmt *st)
{
	return json_integer(db_col_int64(st, 1));
}

static json_t *journal_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:b}", "status", row_text(st, 0), "missed_reason", row_text(st, 1),
			 "topic_id", row_int(st, 2), "topic", row_text(st, 3), "homework", row_text(st, 4),
			 "attendance_marked", db_col_int64(st, 5) == 1);
}

static json_t *work_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o}", "kind", row_text(st, 0), "title", row_text(st, 1), "max_points",
			 row_int(st, 2));
}

json_t *journal_snapshot(struct db *db, int64_t lesson_id)
{
	json_t *s = row_get_one(db, "SELECT status, missed_reason, topic_id, topic, homework, attendance_marked"
				    " FROM lesson_journal WHERE lesson_id = $1", lesson_id, journal_row);
	if (!s) {
		if (db->lost)
			return NULL;
		s = json_pack("{s:n, s:n, s:n, s:n, s:n, s:b}", "status", "missed_reason", "topic_id", "topic",
			      "homework", "attendance_marked", 0);
	}
	json_t *work = row_get_one(db, "SELECT kind, title, max_points FROM summative_works WHERE lesson_id = $1",
				   lesson_id, work_row);
	int rc = row_map(db, s, "attendance",
			      "SELECT student_id, status, reason FROM attendance WHERE lesson_id = $1 ORDER BY student_id",
			      lesson_id, absence_value);
	if (rc == 0)
		rc = row_map(db, s, "marks",
				  "SELECT student_id, mark FROM formative_marks WHERE lesson_id = $1 ORDER BY student_id",
				  lesson_id, int_value);
	if (rc == 0 && work)
		rc = row_map(db, work, "scores",
				  "SELECT student_id, points FROM summative_scores WHERE lesson_id = $1 ORDER BY student_id",
				  lesson_id, int_value);
	json_object_set_new(s, "work", work ? work : json_null());
	if (rc != 0 || db->lost) {
		json_decref(s);
		return NULL;
	}
	return s;
}

/* --- the save --- */

static int insert_rows(struct db *db, json_t *list, const char *sql, const char *value_key, int64_t lesson_id)
{
	size_t i;
	json_t *e;
	json_array_foreach(list, i, e) {
		json_t *v = json_object_get(e, value_key);
		if (json_is_null(v) || !v)
			continue;
		int rc = db_run(db, sql, "iii", lesson_id, (int64_t)json_integer_value(json_object_get(e, "student_id")),
				(int64_t)json_integer_value(v));
		if (rc < 0)
			return rc;
	}
	return DB_OK;
}

int journal_lesson_save(struct db *db, int64_t lesson_id, json_t *j, int64_t user_id)
{
	char now[21];
	db_now_utc(now);
	json_t *attendance = json_object_get(j, "attendance");
	json_t *work = json_object_get(j, "work");
	const char *status = json_string_value(json_object_get(j, "status"));
	struct db_stmt *st = db_prepare(db,
		"INSERT INTO lesson_journal (lesson_id, status, missed_reason, topic_id, topic, homework,"
		" attendance_marked, filled_by, filled_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, NULLIF($8, 0),"
		" $9, $9) ON CONFLICT (lesson_id) DO UPDATE SET status = excluded.status,"
		" missed_reason = excluded.missed_reason, topic_id = excluded.topic_id, topic = excluded.topic,"
		" homework = excluded.homework, attendance_marked = excluded.attendance_marked,"
		" filled_by = excluded.filled_by, filled_at = excluded.filled_at, updated_at = excluded.updated_at");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, lesson_id);
	db_bind_text(st, 2, status ? status : "held");
	row_bind(st, 3, j, "missed_reason");
	row_bind(st, 4, j, "topic_id");
	row_bind(st, 5, j, "topic");
	row_bind(st, 6, j, "homework");
	db_bind_int64(st, 7, json_is_array(attendance) ? 1 : 0);
	db_bind_int64(st, 8, user_id);
	db_bind_text(st, 9, now);
	int rc = db_step(st);
	db_done(st);
	if (rc >= 0)
		rc = db_run(db, "DELETE FROM attendance WHERE lesson_id = $1", "i", lesson_id);
	if (rc >= 0)
		rc = db_run(db, "DELETE FROM formative_marks WHERE lesson_id = $1", "i", lesson_id);
	if (rc >= 0)
		rc = db_run(db, "DELETE FROM summative_scores WHERE lesson_id = $1", "i", lesson_id);
	if (rc >= 0)
		rc = db_run(db, "DELETE FROM summative_works WHERE lesson_id = $1", "i", lesson_id);
	size_t i;
	json_t *e;
	json_array_foreach(attendance, i, e) {
		const char *was = json_string_value(json_object_get(e, "status"));
		if (rc < 0 || !was || strcmp(was, "present") == 0)
			continue;
		rc = db_run(db, "INSERT INTO attendance (lesson_id, student_id, status, reason) VALUES ($1, $2, $3, $4)",
			    "iiss", lesson_id, (int64_t)json_integer_value(json_object_get(e, "student_id")), was,
			    json_string_value(json_object_get(e, "reason")));
	}
	if (rc >= 0)
		rc = insert_rows(db, json_object_get(j, "marks"),
				 "INSERT INTO formative_marks (lesson_id, student_id, mark, subject_id, lesson_date)"
				 " SELECT id, CAST($2 AS BIGINT), CAST($3 AS INTEGER), subject_id, lesson_date FROM lessons"
				 " WHERE id = $1", "mark", lesson_id);
	if (rc >= 0 && json_is_object(work)) {
		rc = db_run(db, "INSERT INTO summative_works (lesson_id, kind, title, max_points) VALUES ($1, $2, $3, $4)",
			    "issi", lesson_id, json_string_value(json_object_get(work, "kind")),
			    json_string_value(json_object_get(work, "title")),
			    (int64_t)json_integer_value(json_object_get(work, "max_points")));
		if (rc >= 0)
			rc = insert_rows(db, json_object_get(work, "scores"),
					 "INSERT INTO summative_scores (lesson_id, student_id, points, subject_id, lesson_date,"
					 " kind, max_points) SELECT x.id, CAST($2 AS BIGINT), CAST($3 AS INTEGER), x.subject_id,"
					 " x.lesson_date, w.kind, w.max_points FROM lessons x JOIN summative_works w"
					 " ON w.lesson_id = x.id WHERE x.id = $1", "points", lesson_id);
	}
	return rc < 0 ? rc : DB_OK;
}

/* --- substitutes --- */

int journal_cover_set(struct db *db, int64_t lesson_id, int64_t staff_id, const char *reason, int64_t user_id)
{
	char now[21];
	db_now_utc(now);
	int rc = db_run(db, "DELETE FROM lesson_covers WHERE lesson_id = $1", "i", lesson_id);
	if (rc >= 0 && staff_id)
		rc = db_run(db, "INSERT INTO lesson_covers (lesson_id, staff_id, reason, assigned_by, assigned_at)"
				" VALUES ($1, $2, $3, NULLIF($4, 0), $5)", "iisis", lesson_id, staff_id, reason, user_id, now);
	return rc < 0 ? rc : DB_OK;
}

int journal_covers(struct db *db, int64_t lesson_id, int64_t staff_id)
{
	int64_t n = 0;
	return db_query_int64(db, &n, "SELECT COUNT(*) FROM lesson_covers WHERE lesson_id = $1 AND staff_id = $2", "ii",
			      lesson_id, staff_id) == DB_ROW && n > 0;
}

/* --- terms, closing, unlocks --- */

int journal_term_of(struct db *db, int64_t year_id, const char *date)
{
	int64_t term = 0;
	int rc = db_query_int64(db, &term, "SELECT term_no FROM year_terms WHERE academic_year_id = $1"
					   " AND starts_on <= $2 AND ends_on >= $2", "is", year_id, date);
	return rc == DB_ROW ? (int)term : 0;
}

int journal_term_closed(struct db *db, int64_t year_id, int term)
{
	int64_t n = 0;
	int rc = db_query_int64(db, &n, "SELECT COUNT(*) FROM term_closures WHERE academic_year_id = $1 AND term_no = $2",
				"ii", year_id, (int64_t)term);
	return rc == DB_ROW ? n > 0 : rc < 0 ? rc : DB_ERROR;
}

int journal_unlock_until(struct db *db, int64_t year_id, int term, int64_t class_id, int64_t subject_id,
			 char until[21])
{
	until[0] = 0;
	struct db_stmt *st = db_prepare(db, "SELECT MAX(until) FROM journal_unlocks WHERE academic_year_id = $1"
					    " AND term_no = $2 AND class_id = $3 AND subject_id = $4");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, year_id);
	db_bind_int64(st, 2, term);
	db_bind_int64(st, 3, class_id);
	db_bind_int64(st, 4, subject_id);
	int rc = db_step(st);
	if (rc == DB_ROW && db_col_text(st, 0))
		snprintf(until, 21, "%s", db_col_text(st, 0));
	db_done(st);
	return rc == DB_ROW || rc == DB_DONE ? DB_OK : rc;
}

int journal_term_close(struct db *db, int64_t year_id, int term, int64_t user_id)
{
	int closed = journal_term_closed(db, year_id, term);
	if (closed < 0)
		return closed;
	if (closed)
		return DB_DONE;
	char now[21];
	db_now_utc(now);
	int rc = db_run(db, "INSERT INTO term_closures (academic_year_id, term_no, closed_at, closed_by)"
			    " VALUES ($1, $2, $3, NULLIF($4, 0))", "iisi", year_id, (int64_t)term, now, user_id);
	return rc < 0 ? rc : DB_OK;
}

int journal_unlock_add(struct db *db, int64_t year_id, int term, int64_t class_id, int64_t subject_id,
		       const char *reason, const char *until, int64_t user_id, int64_t *id_out)
{
	char now[21];
	db_now_utc(now);
	int rc = db_query_int64(db, id_out,
				"INSERT INTO journal_unlocks (academic_year_id, term_no, class_id, subject_id, reason, until,"
				" unlocked_by, unlocked_at) VALUES ($1, $2, $3, $4, $5, $6, NULLIF($7, 0), $8) RETURNING id",
				"iiiissis", year_id, (int64_t)term, class_id, subject_id, reason, until, user_id, now);
	return rc == DB_ROW ? DB_OK : rc < 0 ? rc : DB_ERROR;
}

static json_t *closure_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o}", "term", row_int(st, 0), "closed_at", row_text(st, 1), "closed_by",
			 row_int(st, 2));
}

json_t *journal_closures(struct db *db, int64_t year_id)
{
	return row_list(db, "SELECT term_no, closed_at, closed_by FROM term_closures WHERE academic_year_id = $1"
			    " ORDER BY term_no", year_id, closure_row);
}
