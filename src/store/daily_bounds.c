/* daily_bounds — the queries of the grades' daily bounds per ЖОЖ (daily_bounds.h). */
#include "store/daily_bounds.h"

#include <string.h>

#include "core/timetable.h"
#include "store/row.h"
#include "store/timetable.h"

static json_t *grade_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o}", "grade", row_int(st, 0), "lesson_hours", row_int(st, 1),
			 "elective_hours", row_int(st, 2), "min_daily", row_int(st, 3), "max_daily", row_int(st, 4));
}

json_t *daily_bounds_grades(struct db *db, int64_t curriculum_id)
{
	return row_list(db,
			"SELECT g.grade,"
			" COALESCE((SELECT SUM(r.hours) FROM school_curriculum_rows r"
			"  WHERE r.curriculum_id = $1 AND r.grade = g.grade), 0),"
			" COALESCE((SELECT e.elective_hours FROM curriculum_electives e"
			"  WHERE e.curriculum_id = $1 AND e.grade = g.grade), 0),"
			" b.min_daily, b.max_daily"
			" FROM (SELECT grade FROM school_curriculum_rows WHERE curriculum_id = $1"
			"  UNION SELECT grade FROM curriculum_daily_bounds WHERE curriculum_id = $1) g"
			" LEFT JOIN curriculum_daily_bounds b ON b.curriculum_id = $1 AND b.grade = g.grade"
			" ORDER BY g.grade",
			curriculum_id, grade_row);
}

static json_t *set_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o}", "grade", row_int(st, 0), "min_daily", row_int(st, 1), "max_daily",
			 row_int(st, 2));
}

json_t *daily_bounds_set_of(struct db *db, int64_t curriculum_id)
{
	return row_list(db,
			"SELECT grade, min_daily, max_daily FROM curriculum_daily_bounds WHERE curriculum_id = $1"
			" ORDER BY grade",
			curriculum_id, set_row);
}

int daily_bounds_replace(struct db *db, int64_t curriculum_id, json_t *grades)
{
	int rc = db_run(db, "DELETE FROM curriculum_daily_bounds WHERE curriculum_id = $1", "i", curriculum_id);
	size_t i;
	json_t *g;
	json_array_foreach(grades, i, g) {
		if (rc < 0)
			break;
		rc = db_run(db,
			    "INSERT INTO curriculum_daily_bounds (curriculum_id, grade, min_daily, max_daily)"
			    " VALUES ($1, $2, $3, $4)",
			    "iiii", curriculum_id, (int64_t)json_integer_value(json_object_get(g, "grade")),
			    (int64_t)json_integer_value(json_object_get(g, "min_daily")),
			    (int64_t)json_integer_value(json_object_get(g, "max_daily")));
	}
	return rc < 0 ? rc : DB_OK;
}

int daily_bounds_week(struct db *db, int64_t school_id, int *days, int *periods)
{
	json_t *b = bells_get(db, school_id);
	if (!b)
		return DB_ERROR;
	*days = json_is_true(json_object_get(b, "saturday")) ? TT_WEEKDAYS_SATURDAY : TT_WEEKDAYS;
	size_t n = json_array_size(json_object_get(b, "periods"));
	*periods = n == 0 || n > TT_MAX_PERIODS ? TT_MAX_PERIODS : (int)n;
	json_decref(b);
	return DB_OK;
}

int daily_bounds_of_year(struct db *db, int64_t school_id, int64_t year_id,
			 struct daily_bounds out[DAILY_BOUNDS_GRADES])
{
	memset(out, 0, DAILY_BOUNDS_GRADES * sizeof *out);
	struct db_stmt *st = db_prepare(db, "SELECT b.grade, b.min_daily, b.max_daily FROM curriculum_daily_bounds b"
					    " JOIN school_curricula k ON k.id = b.curriculum_id"
					    " WHERE k.school_id = $1 AND k.academic_year_id = $2");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, school_id);
	db_bind_int64(st, 2, year_id);
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t g = db_col_int64(st, 0);
		if (g >= 1 && g < DAILY_BOUNDS_GRADES)
			out[g] = (struct daily_bounds){(int)db_col_int64(st, 1), (int)db_col_int64(st, 2)};
	}
	db_done(st);
	return rc == DB_DONE ? DB_OK : rc < 0 ? rc : DB_ERROR;
}
