/* year_end (store) — the queries of a class's year end (ASM-3, DOC-1): the next academic
 * year, the class a student moves into, the decisions recorded. store/year_end.h. */
#include "store/year_end.h"

#include <stdio.h>

#include "store/row.h"

int year_end_next_year(struct db *db, int64_t year_id, int64_t *next_id)
{
	*next_id = 0;
	int rc = db_query_int64(db, next_id,
				"SELECT n.id FROM academic_years y JOIN academic_years n ON n.school_id = y.school_id"
				" AND n.starts_on > y.ends_on WHERE y.id = $1 ORDER BY n.starts_on LIMIT 1",
				"i", year_id);
	return rc == DB_ROW || rc == DB_DONE ? DB_OK : rc;
}

int year_end_class_in(struct db *db, int64_t school_id, int64_t year_id, int grade, const char *letter,
		      const char *language, int64_t *class_id, int *made)
{
	*made = 0;
	int rc = db_query_int64(db, class_id,
				"SELECT id FROM classes WHERE academic_year_id = $1 AND grade = $2 AND letter = $3", "iis",
				year_id, (int64_t)grade, letter);
	if (rc != DB_DONE)
		return rc == DB_ROW ? DB_OK : rc;
	char now[21];
	db_now_utc(now);
	rc = db_query_int64(db, class_id,
			    "INSERT INTO classes (school_id, academic_year_id, grade, letter, language, created_at,"
			    " updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
			    "iiisss", school_id, year_id, (int64_t)grade, letter, language, now);
	*made = rc == DB_ROW;
	return rc == DB_ROW ? DB_OK : rc < 0 ? rc : DB_ERROR;
}

int year_end_insert(struct db *db, const struct year_end_record *r)
{
	char now[21];
	db_now_utc(now);
	int rc = db_run(db,
			"INSERT INTO year_end_decisions (school_id, student_id, from_class_id, from_grade, decision,"
			" to_class_id, to_grade, status_after, certificate, council_date, council_protocol, order_number,"
			" order_date, created_by, created_at) VALUES ($1, $2, $3, $4, $5, NULLIF($6, 0), NULLIF($7, 0),"
			" $8, $9, $10, $11, $12, $13, NULLIF($14, 0), $15)",
			"iiiisiissssssis", r->school_id, r->student_id, r->from_class_id, (int64_t)r->from_grade,
			r->decision, r->to_class_id, (int64_t)r->to_grade, r->status_after, r->certificate,
			r->council_date, r->council_protocol, r->order_number, r->order_date, r->user_id, now);
	return rc < 0 ? rc : DB_OK;
}

static json_t *decision_row(struct db_stmt *st)
{
	json_t *to = json_null();
	if (!db_col_is_null(st, 8)) {
		char label[32];
		snprintf(label, sizeof label, "%lld%s", (long long)db_col_int64(st, 9), db_col_text(st, 10));
		to = json_pack("{s:o, s:s, s:o}", "id", row_int(st, 8), "label", label, "academic_year_id",
			       row_int(st, 11));
	}
	return json_pack("{s:{s:o, s:o, s:o, s:o}, s:o, s:o, s:o, s:o, s:o, s:o, s:{s:o, s:o}, s:{s:o, s:o}}",
			 "student", "id", row_int(st, 0), "last_name", row_text(st, 1), "first_name",
			 row_text(st, 2), "middle_name", row_text(st, 3), "decision", row_text(st, 4), "from_grade",
			 row_int(st, 5), "to_grade", row_int(st, 6), "status_after", row_text(st, 7), "certificate",
			 row_text(st, 12), "to_class", to, "council", "date", row_text(st, 13), "protocol_number",
			 row_text(st, 14), "order", "number", row_text(st, 15), "date", row_text(st, 16));
}

json_t *year_end_of_class(struct db *db, int64_t class_id)
{
	return row_list(db,
			"SELECT d.student_id, p.last_name, p.first_name, p.middle_name, d.decision, d.from_grade,"
			" d.to_grade, d.status_after, d.to_class_id, c.grade, c.letter, c.academic_year_id, d.certificate,"
			" d.council_date, d.council_protocol, d.order_number, d.order_date"
			" FROM year_end_decisions d JOIN students s ON s.id = d.student_id"
			" JOIN persons p ON p.id = s.person_id LEFT JOIN classes c ON c.id = d.to_class_id"
			" WHERE d.from_class_id = $1 ORDER BY p.last_name, p.first_name, d.student_id",
			class_id, decision_row);
}
