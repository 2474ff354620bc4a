/* journal_views (store) — the journal read over many lessons; see journal_views.h. */
#include "store/journal_views.h"

#include <stdio.h>
#include <string.h>

#include "store/parts.h"
#include "store/row.h"
#include "util/json_text.h"

/* A unit's lessons: $1 class, $2 group (0: all), $3 subject, $4 from, $5 to; `x`. */
#define UNIT_WHERE \
	" x.class_id = $1 AND ($2 = 0 OR x.group_id = $2) AND x.subject_id = $3" \
	" AND x.lesson_date >= $4 AND x.lesson_date <= $5"

static struct db_stmt *prepare_unit(struct db *db, const char *sql, int64_t class_id, int64_t group_id,
				    int64_t subject_id, const char *from, const char *to)
{
	struct db_stmt *st = db_prepare(db, sql);
	if (!st)
		return NULL;
	db_bind_int64(st, 1, class_id);
	db_bind_int64(st, 2, group_id);
	db_bind_int64(st, 3, subject_id);
	db_bind_text(st, 4, from);
	db_bind_text(st, 5, to);
	return st;
}

/* --- a teacher's lessons --- */

static json_t *teacher_lesson_row(struct db_stmt *st)
{
	json_t *l = json_pack("{s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "date", row_text(st, 1), "period",
			      row_int(st, 2), "starts_at", row_text(st, 3), "ends_at", row_text(st, 4));
	parts_put(l, st, 5);
	int k = 5 + PART_COUNT;
	json_object_set_new(l, "status", row_text(st, k));
	json_object_set_new(l, "topic", row_text(st, k + 1));
	json_object_set_new(l, "homework", row_text(st, k + 2));
	json_object_set_new(l, "attendance_marked", json_boolean(db_col_int64(st, k + 3) == 1));
	json_object_set_new(l, "planned_topic", row_text(st, k + 4));
	json_object_set_new(l, "covered", json_boolean(db_col_int64(st, k + 5) == 1));
	json_object_set_new(l, "cover_staff_id", row_int(st, k + 6));
	return l;
}

json_t *journal_teacher_lessons(struct db *db, int64_t staff_id, const char *from, const char *to)
{
	struct db_stmt *st = row_prepare_range(db,
		"SELECT x.id, x.lesson_date, x.period, b.starts_at, b.ends_at, " PART_COLUMNS ","
		" j.status, j.topic, j.homework, j.attendance_marked, k.title,"
		" CASE WHEN x.staff_id = $1 THEN 0 ELSE 1 END, cv.staff_id"
		" FROM lessons x" PART_JOINS
		" LEFT JOIN bell_periods b ON b.school_id = x.school_id AND b.number = x.period"
		" LEFT JOIN lesson_journal j ON j.lesson_id = x.id LEFT JOIN lesson_covers cv ON cv.lesson_id = x.id"
		" LEFT JOIN ktp_topics k ON k.id = x.ktp_topic_id"
		" WHERE (x.staff_id = $1 OR cv.staff_id = $1) AND x.lesson_date >= $2 AND x.lesson_date <= $3"
		" ORDER BY x.lesson_date, x.period, x.id",
		staff_id, from, to);
	return st ? row_collect(st, teacher_lesson_row) : NULL;
}

/* --- the grid of a unit --- */

static json_t *grid_lesson_row(struct db_stmt *st)
{
	json_t *l = json_pack("{s:o, s:o, s:o, s:o, s:o, s:b}", "id", row_int(st, 0), "date", row_text(st, 1), "period",
			      row_int(st, 2), "status", row_text(st, 3), "topic", row_text(st, 4), "attendance_marked",
			      db_col_int64(st, 5) == 1);
	json_object_set_new(l, "work", db_col_is_null(st, 6) ? json_null()
		: json_pack("{s:o, s:o, s:o}", "kind", row_text(st, 6), "title", row_text(st, 7), "max_points",
			    row_int(st, 8)));
	return l;
}

static json_t *name_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "last_name", row_text(st, 1), "first_name",
			 row_text(st, 2), "middle_name", row_text(st, 3));
}

static json_t *cell_row(struct db_stmt *st)
{
	json_t *cell = json_array();
	for (int i = 0; i < db_column_count(st); i++)
		json_array_append_new(cell, db_col_is_null(st, i) ? json_null()
					    : i < 2 || i == db_column_count(st) - 1 ? row_int(st, i) : row_text(st, i));
	return cell;
}

static json_t *absence_cell(struct db_stmt *st)
{
	return json_pack("[o, o, o, o]", row_int(st, 0), row_int(st, 1), row_text(st, 2), row_text(st, 3));
}

/* The students of a unit: the class's studying students, or the group's members. */
static json_t *unit_students(struct db *db, int64_t class_id, int64_t group_id)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT t.id, p.last_name, p.first_name, p.middle_name FROM students t JOIN persons p ON p.id = t.person_id"
		" WHERE t.class_id = $1 AND t.status = 'studying' AND ($2 = 0 OR EXISTS (SELECT 1 FROM group_members gm"
		" WHERE gm.group_id = $2 AND gm.student_id = t.id)) ORDER BY p.sort_key, t.id");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, class_id);
	db_bind_int64(st, 2, group_id);
	return row_collect(st, name_row);
}

/* obj[key] = the rows of a unit query collected by build; 0 or -1. */
static int put_unit_list(struct db *db, json_t *obj, const char *key, const char *sql, int64_t class_id,
			 int64_t group_id, int64_t subject_id, const char *from, const char *to,
			 json_t *(*build)(struct db_stmt *))
{
	struct db_stmt *st = prepare_unit(db, sql, class_id, group_id, subject_id, from, to);
	json_t *list = st ? row_collect(st, build) : NULL;
	if (!list)
		return -1;
	json_object_set_new(obj, key, list);
	return 0;
}

json_t *journal_grid(struct db *db, int64_t class_id, int64_t group_id, int64_t subject_id, const char *from,
		     const char *to)
{
	json_t *g = json_object();
	json_t *students = unit_students(db, class_id, group_id);
	if (!students) {
		json_decref(g);
		return NULL;
	}
	json_object_set_new(g, "students", students);
	int rc = put_unit_list(db, g, "lessons",
			       "SELECT x.id, x.lesson_date, x.period, j.status, j.topic, j.attendance_marked, w.kind, w.title,"
			       " w.max_points FROM lessons x LEFT JOIN lesson_journal j ON j.lesson_id = x.id"
			       " LEFT JOIN summative_works w ON w.lesson_id = x.id WHERE" UNIT_WHERE
			       " ORDER BY x.lesson_date, x.period, x.id",
			       class_id, group_id, subject_id, from, to, grid_lesson_row);
	if (rc == 0)
		rc = put_unit_list(db, g, "absences",
				   "SELECT a.lesson_id, a.student_id, a.status, a.reason FROM lessons x"
				   " JOIN attendance a ON a.lesson_id = x.id WHERE" UNIT_WHERE
				   " ORDER BY a.lesson_id, a.student_id",
				   class_id, group_id, subject_id, from, to, absence_cell);
	if (rc == 0)
		rc = put_unit_list(db, g, "marks",
				   "SELECT m.lesson_id, m.student_id, m.mark FROM lessons x"
				   " JOIN formative_marks m ON m.lesson_id = x.id WHERE" UNIT_WHERE
				   " ORDER BY m.lesson_id, m.student_id",
				   class_id, group_id, subject_id, from, to, cell_row);
	if (rc == 0)
		rc = put_unit_list(db, g, "scores",
				   "SELECT sc.lesson_id, sc.student_id, sc.points FROM lessons x"
				   " JOIN summative_scores sc ON sc.lesson_id = x.id WHERE" UNIT_WHERE
				   " ORDER BY sc.lesson_id, sc.student_id",
				   class_id, group_id, subject_id, from, to, cell_row);
	if (rc != 0) {
		json_decref(g);
		return NULL;
	}
	return g;
}

/* --- figures --- */

/* Adds to figures[key of column 0] the values of the row: formative (sum, count) or
 * summative (kind, points, max). `subject_col` > 0: the row names its subject (id in
 * column 0, code and names from subject_col on), put as "subject". */
static void add_figures(json_t *figures, struct db_stmt *st, int summative, int subject_col)
{
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)db_col_int64(st, 0));
	json_t *f = json_object_get(figures, key);
	if (!f) {
		f = json_pack("{s:i, s:i, s:i, s:i, s:i, s:i}", "formative_sum", 0, "formative_count", 0, "section_points", 0,
			      "section_max", 0, "term_points", 0, "term_max", 0);
		if (subject_col > 0)
			json_object_set_new(f, "subject", json_pack("{s:o, s:o, s:o}", "id", row_int(st, 0), "code",
								     row_text(st, subject_col), "name",
								     row_names(st, subject_col + 1)));
		json_object_set_new(figures, key, f);
	}
	if (!summative) {
		json_object_set_new(f, "formative_sum", json_integer(db_col_int64(st, 1)));
		json_object_set_new(f, "formative_count", json_integer(db_col_int64(st, 2)));
		return;
	}
	const char *kind = db_col_text(st, 1);
	int term = kind && strcmp(kind, "term") == 0;
	json_object_set_new(f, term ? "term_points" : "section_points", json_integer(db_col_int64(st, 2)));
	json_object_set_new(f, term ? "term_max" : "section_max", json_integer(db_col_int64(st, 3)));
}

/* Steps st into figures; 0, or -1 on a database error. */
static int collect_figures(struct db_stmt *st, json_t *figures, int summative, int subject_col)
{
	if (!st)
		return -1;
	int rc;
	while ((rc = db_step(st)) == DB_ROW)
		add_figures(figures, st, summative, subject_col);
	db_done(st);
	return rc == DB_DONE ? 0 : -1;
}

json_t *journal_unit_figures(struct db *db, int64_t class_id, int64_t group_id, int64_t subject_id,
			     const char *from, const char *to)
{
	json_t *students = unit_students(db, class_id, group_id), *figures = json_object();
	int rc = students ? 0 : -1;
	if (rc == 0)
		rc = collect_figures(prepare_unit(db, "SELECT m.student_id, SUM(m.mark), COUNT(*) FROM lessons x"
						      " JOIN formative_marks m ON m.lesson_id = x.id WHERE" UNIT_WHERE
						      " GROUP BY m.student_id",
						  class_id, group_id, subject_id, from, to),
				     figures, 0, 0);
	if (rc == 0)
		rc = collect_figures(prepare_unit(db, "SELECT sc.student_id, w.kind, SUM(sc.points), SUM(w.max_points)"
						      " FROM lessons x JOIN summative_works w ON w.lesson_id = x.id"
						      " JOIN summative_scores sc ON sc.lesson_id = x.id WHERE" UNIT_WHERE
						      " GROUP BY sc.student_id, w.kind",
						  class_id, group_id, subject_id, from, to),
				     figures, 1, 0);
	if (rc != 0) {
		json_decref(students);
		json_decref(figures);
		return NULL;
	}
	size_t i;
	json_t *s;
	json_array_foreach(students, i, s) {
		char key[24];
		snprintf(key, sizeof key, "%lld", (long long)json_integer_value(json_object_get(s, "id")));
		json_t *f = json_object_get(figures, key);
		if (f)
			json_object_update(s, f);
		else
			json_object_update_new(s, json_pack("{s:i, s:i, s:i, s:i, s:i, s:i}", "formative_sum", 0,
							    "formative_count", 0, "section_points", 0, "section_max", 0,
							    "term_points", 0, "term_max", 0));
	}
	json_decref(figures);
	return students;
}

json_t *journal_student_figures(struct db *db, int64_t student_id, const char *from, const char *to)
{
	json_t *figures = json_object();
	/* one range of each covering index (migration 007), then the subject's names */
	int rc = collect_figures(row_prepare_range(db, "SELECT f.subject_id, f.total, f.n, s.code, s.name_kk, s.name_ru, s.name_en"
						   " FROM (SELECT subject_id, SUM(mark) AS total, COUNT(*) AS n FROM formative_marks"
						   " WHERE student_id = $1 AND lesson_date >= $2 AND lesson_date <= $3"
						   " GROUP BY subject_id) f JOIN subjects s ON s.id = f.subject_id"
						   " ORDER BY f.subject_id",
					       student_id, from, to),
				 figures, 0, 3);
	if (rc == 0)
		rc = collect_figures(row_prepare_range(db, "SELECT f.subject_id, f.kind, f.points, f.max, s.code, s.name_kk,"
						       " s.name_ru, s.name_en FROM (SELECT subject_id, kind, SUM(points) AS points,"
						       " SUM(max_points) AS max FROM summative_scores WHERE student_id = $1"
						       " AND lesson_date >= $2 AND lesson_date <= $3 GROUP BY subject_id, kind) f"
						       " JOIN subjects s ON s.id = f.subject_id ORDER BY f.subject_id, f.kind",
						   student_id, from, to),
				     figures, 1, 4);
	if (rc != 0) {
		json_decref(figures);
		return NULL;
	}
	return figures;
}

/* --- a student's week --- */

/* A nullable integer column as JSON text. */
static void put_int_or_null(struct buf *b, struct db_stmt *st, int col)
{
	if (db_col_is_null(st, col))
		buf_add(b, "null", 4);
	else
		jt_int(b, db_col_int64(st, col));
}

/* One lesson of the diary as JSON text, from the columns of journal_student_week's
 * query; the shape of journal_views.h. */
static void week_lesson(struct buf *b, struct db_stmt *st)
{
	buf_addch(b, '{');
	jt_field_int(b, "id", db_col_int64(st, 0), 1);
	jt_field_str(b, "date", db_col_text(st, 1), 0);
	jt_field_int(b, "period", db_col_int64(st, 2), 0);
	jt_field_str(b, "starts_at", db_col_text(st, 3), 0);
	jt_field_str(b, "ends_at", db_col_text(st, 4), 0);
	buf_adds(b, ",\"subject\":{");
	jt_field_int(b, "id", db_col_int64(st, 5), 1);
	jt_field_str(b, "code", db_col_text(st, 6), 0);
	buf_adds(b, ",\"name\":{");
	jt_field_str(b, "kk", db_col_text(st, 7), 1);
	jt_field_str(b, "ru", db_col_text(st, 8), 0);
	jt_field_str(b, "en", db_col_text(st, 9), 0);
	buf_adds(b, "}},\"teacher\":{");
	jt_field_int(b, "id", db_col_int64(st, 10), 1);
	jt_field_str(b, "last_name", db_col_text(st, 11), 0);
	jt_field_str(b, "first_name", db_col_text(st, 12), 0);
	jt_field_str(b, "middle_name", db_col_text(st, 13), 0);
	buf_adds(b, "},\"cover\":");
	if (db_col_is_null(st, 14)) {
		buf_adds(b, "null");
	} else {
		buf_addch(b, '{');
		jt_field_int(b, "id", db_col_int64(st, 14), 1);
		jt_field_str(b, "last_name", db_col_text(st, 15), 0);
		jt_field_str(b, "first_name", db_col_text(st, 16), 0);
		jt_field_str(b, "middle_name", db_col_text(st, 17), 0);
		buf_addch(b, '}');
	}
	jt_field_str(b, "room", db_col_text(st, 18), 0);
	jt_field_str(b, "status", db_col_text(st, 19), 0);
	jt_field_str(b, "topic", db_col_text(st, 20), 0);
	jt_field_str(b, "homework", db_col_text(st, 21), 0);
	/* attendance only where the roll was taken */
	const char *att = db_col_text(st, 22);
	jt_field_str(b, "attendance", att ? att : db_col_int64(st, 24) == 1 ? "present" : NULL, 0);
	jt_field_str(b, "reason", db_col_text(st, 23), 0);
	buf_adds(b, ",\"mark\":");
	put_int_or_null(b, st, 25);
	buf_adds(b, ",\"work\":");
	if (db_col_is_null(st, 26)) {
		buf_adds(b, "null");
	} else {
		buf_addch(b, '{');
		jt_field_str(b, "kind", db_col_text(st, 26), 1);
		jt_field_str(b, "title", db_col_text(st, 27), 0);
		buf_adds(b, ",\"max_points\":");
		put_int_or_null(b, st, 28);
		buf_adds(b, ",\"points\":");
		put_int_or_null(b, st, 29);
		buf_addch(b, '}');
	}
	buf_addch(b, '}');
}

int journal_student_week(struct db *db, int64_t student_id, struct date monday, struct buf *out)
{
	char from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE];
	date_format(monday, from);
	date_format(date_add_days(monday, 6), to);
	struct db_stmt *st = row_prepare_range(db,
		"SELECT x.id, x.lesson_date, x.period, b.starts_at, b.ends_at, s.id, s.code, s.name_kk, s.name_ru,"
		" s.name_en, f.id, p.last_name, p.first_name, p.middle_name, cf.id, cp.last_name, cp.first_name,"
		" cp.middle_name, r.name, j.status, j.topic, j.homework, a.status, a.reason, j.attendance_marked, m.mark,"
		" w.kind, w.title, w.max_points, sc.points"
		" FROM students t JOIN lessons x ON x.class_id = t.class_id AND (x.group_id IS NULL OR EXISTS"
		" (SELECT 1 FROM group_members gm WHERE gm.group_id = x.group_id AND gm.student_id = t.id))"
		" JOIN subjects s ON s.id = x.subject_id JOIN staff f ON f.id = x.staff_id"
		" JOIN persons p ON p.id = f.person_id LEFT JOIN rooms r ON r.id = x.room_id"
		" LEFT JOIN bell_periods b ON b.school_id = x.school_id AND b.number = x.period"
		" LEFT JOIN lesson_covers cv ON cv.lesson_id = x.id LEFT JOIN staff cf ON cf.id = cv.staff_id"
		" LEFT JOIN persons cp ON cp.id = cf.person_id"
		" LEFT JOIN lesson_journal j ON j.lesson_id = x.id"
		" LEFT JOIN attendance a ON a.lesson_id = x.id AND a.student_id = t.id"
		" LEFT JOIN formative_marks m ON m.lesson_id = x.id AND m.student_id = t.id"
		" LEFT JOIN summative_works w ON w.lesson_id = x.id"
		" LEFT JOIN summative_scores sc ON sc.lesson_id = x.id AND sc.student_id = t.id"
		" WHERE t.id = $1 AND x.lesson_date >= $2 AND x.lesson_date <= $3"
		" ORDER BY x.lesson_date, x.period, x.id",
		student_id, from, to);
	if (!st)
		return DB_ERROR;
	/* the days Monday to Saturday in order, Saturday only when it has lessons; the rows
	 * come by date, so each day takes the rows of its date as they come */
	int rc = db_step(st);
	buf_addch(out, '[');
	for (int d = 0; d < 6 && (rc == DB_ROW || rc == DB_DONE); d++) {
		char day[DATE_TEXT_SIZE];
		date_format(date_add_days(monday, d), day);
		int has = rc == DB_ROW && db_col_text(st, 1) && strcmp(db_col_text(st, 1), day) == 0;
		if (d == 5 && !has)
			break;
		if (d)
			buf_addch(out, ',');
		buf_addch(out, '{');
		jt_field_str(out, "date", day, 1);
		jt_field_int(out, "weekday", d + 1, 0);
		buf_adds(out, ",\"lessons\":[");
		int first = 1;
		while (rc == DB_ROW && db_col_text(st, 1) && strcmp(db_col_text(st, 1), day) == 0) {
			if (!first)
				buf_addch(out, ',');
			week_lesson(out, st);
			first = 0;
			rc = db_step(st);
		}
		buf_adds(out, "]}");
	}
	buf_addch(out, ']');
	db_done(st);
	return rc == DB_DONE ? DB_OK : rc < 0 ? rc : DB_OK;
}

/* --- what is late, the month's report --- */

static json_t *incomplete_row(struct db_stmt *st)
{
	char label[32];
	snprintf(label, sizeof label, "%lld%s", (long long)db_col_int64(st, 8), db_col_text(st, 9) ? db_col_text(st, 9) : "");
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:{s:o, s:s}, s:{s:o, s:o}, s:b, s:b, s:b}", "id",
			 row_int(st, 0), "date", row_text(st, 1), "period", row_int(st, 2), "staff_id", row_int(st, 3),
			 "last_name", row_text(st, 4), "first_name", row_text(st, 5), "middle_name", row_text(st, 6),
			 "class", "id", row_int(st, 7), "label", label, "subject", "id", row_int(st, 10), "name",
			 row_names(st, 11), "has_topic", db_col_int64(st, 14) == 1, "attendance_marked",
			 db_col_int64(st, 15) == 1, "missed", db_col_int64(st, 16) == 1);
}

json_t *journal_incomplete(struct db *db, int64_t school_id, const char *from, const char *to)
{
	struct db_stmt *st = row_prepare_range(db,
		"SELECT x.id, x.lesson_date, x.period, f.id, p.last_name, p.first_name, p.middle_name, c.id, c.grade,"
		" c.letter, s.id, s.name_kk, s.name_ru, s.name_en,"
		" CASE WHEN j.topic IS NOT NULL AND j.topic <> '' THEN 1 ELSE 0 END, COALESCE(j.attendance_marked, 0),"
		" CASE WHEN j.status = 'missed' THEN 1 ELSE 0 END"
		" FROM lessons x LEFT JOIN lesson_journal j ON j.lesson_id = x.id"
		" LEFT JOIN lesson_covers cv ON cv.lesson_id = x.id"
		" JOIN staff f ON f.id = COALESCE(cv.staff_id, x.staff_id) JOIN persons p ON p.id = f.person_id"
		" JOIN classes c ON c.id = x.class_id JOIN subjects s ON s.id = x.subject_id"
		" WHERE x.school_id = $1 AND x.lesson_date >= $2 AND x.lesson_date <= $3"
		" AND (j.lesson_id IS NULL OR (j.status = 'held' AND (j.topic IS NULL OR j.topic = ''"
		" OR j.attendance_marked = 0)))"
		" ORDER BY p.sort_key, f.id, x.lesson_date, x.period, x.id",
		school_id, from, to);
	return st ? row_collect(st, incomplete_row) : NULL;
}

static json_t *month_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "staff_id", row_int(st, 0), "last_name",
			 row_text(st, 1), "first_name", row_text(st, 2), "middle_name", row_text(st, 3), "scheduled",
			 row_int(st, 4), "held", row_int(st, 5), "missed", row_int(st, 6), "not_filled", row_int(st, 7),
			 "given_to_substitute", row_int(st, 8), "covered", row_int(st, 9));
}

json_t *journal_month_report(struct db *db, int64_t school_id, const char *from, const char *to)
{
	struct db_stmt *st = row_prepare_range(db,
		"WITH own AS (SELECT x.staff_id AS staff_id, COUNT(*) AS scheduled,"
		"  SUM(CASE WHEN j.status = 'held' AND cv.lesson_id IS NULL THEN 1 ELSE 0 END) AS held,"
		"  SUM(CASE WHEN j.status = 'missed' THEN 1 ELSE 0 END) AS missed,"
		"  SUM(CASE WHEN j.lesson_id IS NULL AND cv.lesson_id IS NULL THEN 1 ELSE 0 END) AS not_filled,"
		"  SUM(CASE WHEN cv.lesson_id IS NOT NULL THEN 1 ELSE 0 END) AS given"
		"  FROM lessons x LEFT JOIN lesson_journal j ON j.lesson_id = x.id"
		"  LEFT JOIN lesson_covers cv ON cv.lesson_id = x.id"
		"  WHERE x.school_id = $1 AND x.lesson_date >= $2 AND x.lesson_date <= $3 GROUP BY x.staff_id),"
		" cov AS (SELECT cv.staff_id AS staff_id, COUNT(*) AS covered FROM lesson_covers cv"
		"  JOIN lessons x ON x.id = cv.lesson_id JOIN lesson_journal j ON j.lesson_id = x.id AND j.status = 'held'"
		"  WHERE x.school_id = $1 AND x.lesson_date >= $2 AND x.lesson_date <= $3 GROUP BY cv.staff_id)"
		" SELECT f.id, p.last_name, p.first_name, p.middle_name, COALESCE(o.scheduled, 0), COALESCE(o.held, 0),"
		" COALESCE(o.missed, 0), COALESCE(o.not_filled, 0), COALESCE(o.given, 0), COALESCE(v.covered, 0)"
		" FROM staff f JOIN persons p ON p.id = f.person_id LEFT JOIN own o ON o.staff_id = f.id"
		" LEFT JOIN cov v ON v.staff_id = f.id WHERE o.staff_id IS NOT NULL OR v.staff_id IS NOT NULL"
		" ORDER BY p.sort_key, f.id",
		school_id, from, to);
	return st ? row_collect(st, month_row) : NULL;
}
