/* contingent (store) — the monthly contingent report; see contingent.h. */
#include "store/contingent.h"

#include <stdio.h>
#include <string.h>

#include "store/row.h"

static json_t *school_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o}", "id", row_int(st, 0), "code", row_text(st, 1), "name", row_names(st, 2));
}

static json_t *count_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o}", "grade", row_int(st, 1), "language", row_text(st, 2), "funding",
			 row_text(st, 3), "studying", row_int(st, 4), "externship", row_int(st, 5), "academic_leave",
			 row_int(st, 6));
}

static json_t *away_row(struct db_stmt *st)
{
	char label[32];
	snprintf(label, sizeof label, "%lld%s", (long long)db_col_int64(st, 5), db_col_text(st, 6) ? db_col_text(st, 6) : "");
	return json_pack("{s:o, s:o, s:o, s:o, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "student_id", row_int(st, 1),
			 "last_name", row_text(st, 2), "first_name", row_text(st, 3), "middle_name", row_text(st, 4),
			 "class", label, "language", row_text(st, 7), "funding", row_text(st, 8), "starts_on",
			 row_text(st, 9), "ends_on", row_text(st, 10), "planned_ends_on", row_text(st, 11), "order_number",
			 row_text(st, 12), "ordered_on", row_text(st, 13));
}

/* Runs `sql` ($1 school or 0, $2 from, $3 to) and puts build(row) into the school whose
 * id is column 0, under key. 0, or -1 on error. */
static int by_school(struct db *db, json_t *schools, const char *key, const char *sql, int64_t school_id,
		     const char *from, const char *to, json_t *(*build)(struct db_stmt *))
{
	struct db_stmt *st = db_prepare(db, sql);
	if (!st)
		return -1;
	db_bind_int64(st, 1, school_id);
	db_bind_text(st, 2, from);
	db_bind_text(st, 3, to);
	int rc;
	size_t i = 0;
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t id = db_col_int64(st, 0);
		/* rows come ordered by school, as the schools do */
		while (i < json_array_size(schools) &&
		       json_integer_value(json_object_get(json_array_get(schools, i), "id")) != id)
			i++;
		if (i == json_array_size(schools))
			break;
		json_array_append_new(json_object_get(json_array_get(schools, i), key), build(st));
	}
	db_done(st);
	return rc == DB_DONE || rc == DB_ROW ? 0 : -1;
}

#define AWAY_SELECT(status) \
	"SELECT t.school_id, t.id, p.last_name, p.first_name, p.middle_name, c.grade, c.letter, c.language, t.funding," \
	" mv.starts_on, mv.ends_on, mv.planned_ends_on, mv.order_number, mv.ordered_on" \
	" FROM student_movements mv JOIN students t ON t.id = mv.student_id JOIN persons p ON p.id = t.person_id" \
	" LEFT JOIN classes c ON c.id = t.class_id" \
	" WHERE mv.status = '" status "' AND ($1 = 0 OR t.school_id = $1) AND mv.starts_on <= $3" \
	" AND (mv.ends_on IS NULL OR mv.ends_on >= $2) ORDER BY t.school_id, c.grade, c.letter, p.sort_key, mv.starts_on"

json_t *contingent_report(struct db *db, int64_t school_id, const char *from, const char *to)
{
	struct db_stmt *st = db_prepare(db, "SELECT id, code, name_kk, name_ru, name_en FROM schools"
					    " WHERE $1 = 0 OR id = $1 ORDER BY id");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, school_id);
	json_t *schools = row_collect(st, school_row);
	if (!schools)
		return NULL;
	size_t i;
	json_t *s;
	json_array_foreach(schools, i, s) {
		json_object_set_new(s, "counts", json_array());
		json_object_set_new(s, "externship", json_array());
		json_object_set_new(s, "academic_leave", json_array());
	}
	int rc = by_school(db, schools, "counts",
			   /* each student's status on the month's last day: the movement book's row
			    * that holds that day (an order signed now for a period that starts next
			    * month changes nothing this month), or the status when the book has none */
			   "SELECT x.school_id, x.grade, x.language, x.funding,"
			   " SUM(CASE WHEN x.st = 'studying' THEN 1 ELSE 0 END),"
			   " SUM(CASE WHEN x.st = 'externship' THEN 1 ELSE 0 END),"
			   " SUM(CASE WHEN x.st = 'academic_leave' THEN 1 ELSE 0 END)"
			   " FROM (SELECT t.school_id, c.grade, c.language, t.funding, COALESCE((SELECT mv.status"
			   "  FROM student_movements mv WHERE mv.student_id = t.id AND (mv.starts_on IS NULL OR mv.starts_on <= $3)"
			   "  AND (mv.ends_on IS NULL OR mv.ends_on >= $3) ORDER BY mv.id DESC LIMIT 1), t.status) AS st"
			   "  FROM students t JOIN classes c ON c.id = t.class_id"
			   "  WHERE ($1 = 0 OR t.school_id = $1) AND CAST($2 AS TEXT) <= CAST($3 AS TEXT)) x"
			   " WHERE x.st IN ('studying', 'externship', 'academic_leave')"
			   " GROUP BY x.school_id, x.grade, x.language, x.funding ORDER BY x.school_id, x.grade, x.language, x.funding",
			   school_id, from, to, count_row);
	if (rc == 0)
		rc = by_school(db, schools, "externship", AWAY_SELECT("externship"), school_id, from, to, away_row);
	if (rc == 0)
		rc = by_school(db, schools, "academic_leave", AWAY_SELECT("academic_leave"), school_id, from, to, away_row);
	if (rc != 0) {
		json_decref(schools);
		return NULL;
	}
	/* the totals of each school */
	json_array_foreach(schools, i, s) {
		json_int_t studying = 0, ext = 0, leave = 0;
		size_t k;
		json_t *c;
		json_array_foreach(json_object_get(s, "counts"), k, c) {
			studying += json_integer_value(json_object_get(c, "studying"));
			ext += json_integer_value(json_object_get(c, "externship"));
			leave += json_integer_value(json_object_get(c, "academic_leave"));
		}
		json_object_set_new(s, "totals", json_pack("{s:I, s:I, s:I, s:I}", "studying", studying, "externship", ext,
							   "academic_leave", leave, "students", studying + ext + leave));
	}
	return json_pack("{s:s, s:s, s:o}", "from", from, "to", to, "schools", schools);
}
