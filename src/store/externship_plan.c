/* externship_plan (store) — the consultation schedule's queries (A1 form 3, EXT-13,
 * EXT-15). store/externship_plan.h. */
#include "store/externship_plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/externship_plan.h"
#include "store/row.h"

static json_t *plan_row(struct db_stmt *st)
{
	json_t *order = db_col_is_null(st, 3) ? json_null()
		: json_pack("{s:o, s:o}", "number", row_text(st, 2), "date", row_text(st, 3));
	return json_pack("{s:o, s:o, s:o, s:[]}", "id", row_int(st, 0), "academic_year_id", row_int(st, 1), "order",
			 order, "rows");
}

static json_t *item_row(struct db_stmt *st)
{
	json_t *teacher = db_col_is_null(st, 7) ? json_null()
		: json_pack("{s:o, s:o, s:o}", "id", row_int(st, 7), "last_name", row_text(st, 8), "first_name",
			    row_text(st, 9));
	json_t *r = json_pack("{s:o, s:o, s:o, s:{s:o, s:o}, s:o}", "plan_id", row_int(st, 0), "id", row_int(st, 1),
			      "position", row_int(st, 2), "subject", "id", row_int(st, 3), "name", row_names(st, 4),
			      "teacher", teacher);
	static const char *const texts[] = {"consultation_on", "topic", "work_sent_on", "work_received_on", "note"};
	for (int i = 0; i < 5; i++)
		json_object_set_new(r, texts[i], row_text(st, 10 + i));
	return r;
}

json_t *externship_plans_of_case(struct db *db, int64_t case_id)
{
	json_t *plans = row_list(db,
				 "SELECT p.id, p.academic_year_id, p.order_number, p.order_date FROM externship_plans p"
				 " JOIN academic_years y ON y.id = p.academic_year_id WHERE p.case_id = $1"
				 " ORDER BY y.starts_on",
				 case_id, plan_row);
	json_t *rows = plans ? row_list(db,
					"SELECT r.plan_id, r.id, r.position, s.id, s.name_kk, s.name_ru, s.name_en,"
					" t.id, tp.last_name, tp.first_name, r.consultation_on, r.topic, r.work_sent_on,"
					" r.work_received_on, r.note FROM externship_plan_rows r"
					" JOIN externship_plans p ON p.id = r.plan_id JOIN subjects s ON s.id = r.subject_id"
					" LEFT JOIN staff t ON t.id = r.teacher_id LEFT JOIN persons tp ON tp.id = t.person_id"
					" WHERE p.case_id = $1 ORDER BY r.plan_id, r.position",
					case_id, item_row)
				     : NULL;
	if (!rows) {
		json_decref(plans);
		return NULL;
	}
	size_t i, k;
	json_t *r, *p;
	json_array_foreach(rows, i, r) {
		json_int_t plan = json_integer_value(json_object_get(r, "plan_id"));
		json_array_foreach(plans, k, p)
			if (json_integer_value(json_object_get(p, "id")) == plan) {
				json_object_del(r, "plan_id");
				json_array_append(json_object_get(p, "rows"), r);
				break;
			}
	}
	json_decref(rows);
	return plans;
}

int externship_plan_find(struct db *db, int64_t case_id, int64_t year_id, int64_t *plan_id, int *approved)
{
	*plan_id = 0;
	*approved = 0;
	struct db_stmt *st = db_prepare(db, "SELECT id, order_date FROM externship_plans WHERE case_id = $1"
					    " AND academic_year_id = $2");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, case_id);
	db_bind_int64(st, 2, year_id);
	int rc = db_step(st);
	if (rc == DB_ROW) {
		*plan_id = db_col_int64(st, 0);
		*approved = !db_col_is_null(st, 1);
	}
	db_done(st);
	return rc < 0 ? rc : DB_OK;
}

int externship_plan_save(struct db *db, int64_t case_id, int64_t year_id, int64_t school_id, json_t *rows,
			 int64_t user_id, int64_t *plan_id)
{
	char now[21];
	db_now_utc(now);
	int approved, rc = externship_plan_find(db, case_id, year_id, plan_id, &approved);
	if (rc == DB_OK && !*plan_id)
		rc = db_query_int64(db, plan_id,
				    "INSERT INTO externship_plans (case_id, academic_year_id, school_id, prepared_by,"
				    " created_at, updated_at) VALUES ($1, $2, $3, NULLIF($4, 0), $5, $5) RETURNING id",
				    "iiiis", case_id, year_id, school_id, user_id, now) == DB_ROW ? DB_OK : DB_ERROR;
	else if (rc == DB_OK)
		rc = db_run(db, "UPDATE externship_plans SET prepared_by = NULLIF($2, 0), updated_at = $3 WHERE id = $1",
			    "iis", *plan_id, user_id, now);
	if (rc >= 0)
		rc = db_run(db, "DELETE FROM externship_plan_rows WHERE plan_id = $1", "i", *plan_id);
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r) {
		if (rc < 0)
			break;
		struct db_stmt *st = db_prepare(db, "INSERT INTO externship_plan_rows (plan_id, position, subject_id,"
						    " teacher_id, consultation_on, topic, note, updated_by, updated_at)"
						    " VALUES ($1, $2, $3, $4, $5, $6, $7, NULLIF($8, 0), $9)");
		if (!st)
			return DB_ERROR;
		db_bind_int64(st, 1, *plan_id);
		db_bind_int64(st, 2, (int64_t)i + 1);
		row_bind(st, 3, r, "subject_id");
		row_bind(st, 4, r, "teacher_id");
		row_bind(st, 5, r, "consultation_on");
		row_bind(st, 6, r, "topic");
		row_bind(st, 7, r, "note");
		db_bind_int64(st, 8, user_id);
		db_bind_text(st, 9, now);
		rc = db_step(st);
		db_done(st);
	}
	return rc < 0 ? rc : DB_OK;
}

int externship_plan_approve(struct db *db, int64_t plan_id, const char *number, const char *date,
			    int64_t user_id)
{
	char now[21];
	db_now_utc(now);
	int rc = db_run(db, "UPDATE externship_plans SET order_number = $2, order_date = $3, approved_by = NULLIF($4, 0),"
			    " updated_at = $5 WHERE id = $1",
			"issis", plan_id, number, date, user_id, now);
	return rc < 0 ? rc : DB_OK;
}

static json_t *mark_row(struct db_stmt *st)
{
	static const char *const ids[] = {"id", "plan_id", "case_id", "school_id", "student_id", "academic_year_id"};
	json_t *r = json_object();
	for (int i = 0; i < 6; i++)
		json_object_set_new(r, ids[i], row_int(st, i));
	json_object_set_new(r, "approved", json_boolean(!db_col_is_null(st, 6)));
	json_object_set_new(r, "teacher_id", row_int(st, 7));
	json_object_set_new(r, "curator_id", row_int(st, 8));
	json_object_set_new(r, "subject_id", row_int(st, 9));
	static const char *const texts[] = {"consultation_on", "work_sent_on", "work_received_on", "note"};
	for (int i = 0; i < 4; i++)
		json_object_set_new(r, texts[i], row_text(st, 10 + i));
	json_object_set_new(r, "year", json_pack("{s:o, s:o}", "starts_on", row_text(st, 14), "ends_on", row_text(st, 15)));
	return r;
}

json_t *externship_plan_row(struct db *db, int64_t row_id)
{
	return row_get_one(db,
			   "SELECT r.id, p.id, p.case_id, p.school_id, m.student_id, p.academic_year_id, p.order_date,"
			   " r.teacher_id, c.curator_id, r.subject_id, r.consultation_on, r.work_sent_on,"
			   " r.work_received_on, r.note, y.starts_on, y.ends_on FROM externship_plan_rows r"
			   " JOIN externship_plans p ON p.id = r.plan_id JOIN movement_cases m ON m.id = p.case_id"
			   " JOIN academic_years y ON y.id = p.academic_year_id"
			   " JOIN students s ON s.id = m.student_id LEFT JOIN classes c ON c.id = s.class_id"
			   " WHERE r.id = $1",
			   row_id, mark_row);
}

int externship_plan_row_mark(struct db *db, int64_t row_id, const char *sent_on, const char *received_on,
			     const char *note, int64_t user_id)
{
	char now[21];
	db_now_utc(now);
	int rc = db_run(db, "UPDATE externship_plan_rows SET work_sent_on = $2, work_received_on = $3, note = $4,"
			    " updated_by = NULLIF($5, 0), updated_at = $6 WHERE id = $1",
			"isssis", row_id, sent_on, received_on, note, user_id, now);
	return rc < 0 ? rc : DB_OK;
}

static json_t *year_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:[]}", "id", row_int(st, 0), "name", row_text(st, 1), "starts_on",
			 row_text(st, 2), "ends_on", row_text(st, 3), "type", row_text(st, 4), "terms");
}

static json_t *term_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o}", "year", row_int(st, 0), "n", row_int(st, 1), "starts_on",
			 row_text(st, 2), "ends_on", row_text(st, 3));
}

json_t *externship_years(struct db *db, int64_t school_id, const char *from, const char *to)
{
	struct db_stmt *st = db_prepare(db, "SELECT id, name, starts_on, ends_on, type FROM academic_years"
					    " WHERE school_id = $1 AND starts_on <= $3 AND ends_on >= $2 ORDER BY starts_on");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, school_id);
	db_bind_text(st, 2, from);
	db_bind_text(st, 3, to);
	json_t *years = row_collect(st, year_row);
	size_t i;
	json_t *y;
	json_array_foreach(years, i, y) {
		json_t *terms = row_list(db, "SELECT academic_year_id, term_no, starts_on, ends_on FROM year_terms"
					     " WHERE academic_year_id = $1 ORDER BY term_no",
					 json_integer_value(json_object_get(y, "id")), term_row);
		if (!terms) {
			json_decref(years);
			return NULL;
		}
		size_t k;
		json_t *t;
		json_array_foreach(terms, k, t)
			json_object_del(t, "year");
		json_object_set_new(y, "terms", terms);
	}
	return years;
}

static json_t *followed_row(struct db_stmt *st)
{
	char label[32] = "";
	if (!db_col_is_null(st, 4))
		snprintf(label, sizeof label, "%lld%s", (long long)db_col_int64(st, 4), db_col_text(st, 5));
	return json_pack("{s:o, s:{s:o, s:o, s:o}, s:s, s:o, s:o, s:o, s:o, s:o}", "case_id", row_int(st, 0), "student",
			 "id", row_int(st, 1), "last_name", row_text(st, 2), "first_name", row_text(st, 3), "class", label,
			 "starts_on", row_text(st, 6), "ends_on", row_text(st, 7), "curator", row_bool(st, 8),
			 "plan_approved", row_bool(st, 9), "works_to_mark", row_int(st, 10));
}

json_t *externship_cases_of_staff(struct db *db, int64_t staff_id, const char *today)
{
	struct db_stmt *st = db_prepare(
		db, "SELECT m.id, s.id, p.last_name, p.first_name, c.grade, c.letter, m.effective_from, m.effective_to,"
		    " CASE WHEN c.curator_id = $1 THEN 1 ELSE 0 END,"
		    " CASE WHEN EXISTS (SELECT 1 FROM externship_plans x WHERE x.case_id = m.id AND x.order_date IS NOT NULL)"
		    "  THEN 1 ELSE 0 END,"
		    " (SELECT COUNT(*) FROM externship_plan_rows r JOIN externship_plans x ON x.id = r.plan_id"
		    "  WHERE x.case_id = m.id AND r.teacher_id = $1 AND r.work_received_on IS NULL)"
		    " FROM movement_cases m JOIN students s ON s.id = m.student_id JOIN persons p ON p.id = s.person_id"
		    " LEFT JOIN classes c ON c.id = s.class_id"
		    " WHERE m.kind = 'externship' AND m.status = 'done' AND m.effective_to >= $2"
		    " AND (c.curator_id = $1 OR EXISTS (SELECT 1 FROM externship_plan_rows r JOIN externship_plans x"
		    "  ON x.id = r.plan_id WHERE x.case_id = m.id AND r.teacher_id = $1))"
		    " ORDER BY m.effective_from, p.last_name, p.first_name");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, staff_id);
	db_bind_text(st, 2, today);
	return row_collect(st, followed_row);
}

static json_t *quarter_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o}", "starts_on", row_text(st, 0), "ends_on", row_text(st, 1));
}

static struct date date_of(json_t *o, const char *key)
{
	struct date d = {0};
	date_parse(json_string_value(json_object_get(o, key)), &d);
	return d;
}

/* The case's plan rows as core reads them, into out (at most cap); how many. */
static size_t case_rows(json_t *plans, struct plan_row *out, size_t cap)
{
	size_t n = 0, i, k;
	json_t *p, *r;
	json_array_foreach(plans, i, p)
		json_array_foreach(json_object_get(p, "rows"), k, r) {
			if (n == cap)
				return n;
			out[n++] = (struct plan_row){
				.subject_id = json_integer_value(json_object_get(json_object_get(r, "subject"), "id")),
				.consultation_on = date_of(r, "consultation_on"),
				.work_sent_on = date_of(r, "work_sent_on"),
				.work_received_on = date_of(r, "work_received_on"),
			};
		}
	return n;
}

#define CASE_PLAN_ROWS 400

int externship_quarters_attach(struct db *db, json_t *cases)
{
	size_t i, k;
	json_t *c, *q;
	json_array_foreach(cases, i, c) {
		json_t *order = json_object_get(c, "order");
		const char *kind = json_string_value(json_object_get(c, "kind"));
		if (!kind || strcmp(kind, "externship") != 0 || !json_is_object(order) ||
		    !json_is_string(json_object_get(order, "ends_on")))
			continue;
		struct db_stmt *st = db_prepare(
			db, "SELECT t.starts_on, t.ends_on FROM year_terms t JOIN academic_years y ON y.id = t.academic_year_id"
			    " WHERE y.school_id = $1 AND y.type = 'quarters' AND t.ends_on >= $2 AND t.ends_on <= $3"
			    " ORDER BY t.ends_on");
		if (!st)
			return -1;
		db_bind_int64(st, 1, json_integer_value(json_object_get(c, "school_id")));
		db_bind_text(st, 2, json_string_value(json_object_get(order, "starts_on")));
		db_bind_text(st, 3, json_string_value(json_object_get(order, "ends_on")));
		json_t *quarters = row_collect(st, quarter_row);
		json_t *plans = quarters ? externship_plans_of_case(db, json_integer_value(json_object_get(c, "id"))) : NULL;
		if (!plans) {
			json_decref(quarters);
			return -1;
		}
		struct plan_row *rows = malloc(CASE_PLAN_ROWS * sizeof *rows);
		size_t n = rows ? case_rows(plans, rows, CASE_PLAN_ROWS) : 0;
		json_array_foreach(quarters, k, q) {
			struct calendar_period p = {date_of(q, "starts_on"), date_of(q, "ends_on")};
			struct plan_quarter w = plan_quarter_works(rows, n, p);
			char on[DATE_TEXT_SIZE];
			json_object_set_new(q, "done_on", w.done.done && date_format(w.done.on, on) == 0 ? json_string(on)
												 : json_null());
		}
		free(rows);
		json_decref(plans);
		json_object_set_new(c, "quarters", quarters);
	}
	return 0;
}
