/* movement (store) — the cases of the movement book and the book itself; see
 * movement.h. */
#include "store/movement.h"

#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "store/externship_plan.h"
#include "store/row.h"

#define CASE_COLUMNS \
	"m.id, m.school_id, m.student_id, m.kind, m.ground, m.grade, m.starts_on, m.ends_on, m.returns_on," \
	" m.visa_required, m.studied_in_inpatient, m.foreign_school, m.representative_mobile," \
	" m.representative_email, m.student_email, m.status, m.filed_on, m.filed_at, m.filed_by," \
	" m.documents_checked_on, m.decided_on, m.protocol_number, m.approved, m.council, m.order_number," \
	" m.ordered_on, m.effective_from, m.effective_to, m.done_on"
#define CASE_COLUMN_COUNT 29

static json_t *case_row(struct db_stmt *st)
{
	json_t *c = json_object();
	static const char *const names[] = {"id", "school_id", "student_id", "kind", "ground", "grade", "starts_on",
					    "ends_on", "returns_on"};
	for (int i = 0; i < 9; i++)
		json_object_set_new(c, names[i], i < 3 || i == 5 ? row_int(st, i) : row_text(st, i));
	json_object_set_new(c, "visa_required", row_bool(st, 9));
	json_object_set_new(c, "studied_in_inpatient", row_bool(st, 10));
	json_object_set_new(c, "foreign_school", row_text(st, 11));
	json_object_set_new(c, "representative_mobile", row_text(st, 12));
	json_object_set_new(c, "representative_email", row_text(st, 13));
	json_object_set_new(c, "student_email", row_text(st, 14));
	json_object_set_new(c, "status", row_text(st, 15));
	json_object_set_new(c, "filed_on", row_text(st, 16));
	json_object_set_new(c, "filed_at", row_text(st, 17));
	json_object_set_new(c, "filed_by", row_int(st, 18));
	json_object_set_new(c, "documents_checked_on", row_text(st, 19));
	json_object_set_new(c, "decision", db_col_is_null(st, 20) ? json_null()
		: json_pack("{s:o, s:o, s:o, s:o}", "date", row_text(st, 20), "protocol_number", row_text(st, 21),
			    "approved", row_bool(st, 22), "council", row_text(st, 23)));
	json_object_set_new(c, "order", db_col_is_null(st, 25) ? json_null()
		: json_pack("{s:o, s:o, s:o, s:o}", "number", row_text(st, 24), "date", row_text(st, 25),
			    "starts_on", row_text(st, 26), "ends_on", row_text(st, 27)));
	json_object_set_new(c, "done_on", row_text(st, 28));
	return c;
}

static json_t *text_of(struct db_stmt *st)
{
	return row_text(st, 0);
}

/* Adds "documents" to each case of the list. 0, or -1 on error. */
static int add_documents(struct db *db, json_t *cases)
{
	size_t i;
	json_t *c;
	json_array_foreach(cases, i, c) {
		json_t *docs = row_list(db, "SELECT document FROM movement_case_documents WHERE case_id = $1 ORDER BY document",
					json_integer_value(json_object_get(c, "id")), text_of);
		if (!docs)
			return -1;
		json_object_set_new(c, "documents", docs);
	}
	return 0;
}

static json_t *duty_row(struct db_stmt *st)
{
	const char *period = db_col_text(st, 1);
	return json_pack("{s:o, s:o, s:o, s:o}", "code", row_text(st, 0), "period",
			 period && *period ? json_string(period) : json_null(), "done_on", row_text(st, 2),
			 "received_on", row_text(st, 3));
}

/* Adds "duties" to each case of the list. 0, or -1 on error. */
static int add_duties(struct db *db, json_t *cases)
{
	size_t i;
	json_t *c;
	json_array_foreach(cases, i, c) {
		json_t *d = row_list(db, "SELECT code, period, done_on, received_on FROM movement_duties"
					 " WHERE case_id = $1 ORDER BY code, period",
				     json_integer_value(json_object_get(c, "id")), duty_row);
		if (!d)
			return -1;
		json_object_set_new(c, "duties", d);
	}
	return 0;
}

/* The documents and duties of each case, and an externship's quarters with their works
 * (EXT-15). 0, or -1 on error. */
static int add_details(struct db *db, json_t *cases)
{
	return add_documents(db, cases) != 0 || add_duties(db, cases) != 0 || externship_quarters_attach(db, cases) != 0
		       ? -1
		       : 0;
}

json_t *movement_case_get(struct db *db, int64_t id)
{
	json_t *c = row_get_one(db, "SELECT " CASE_COLUMNS " FROM movement_cases m WHERE m.id = $1", id, case_row);
	if (!c)
		return NULL;
	json_t *list = json_pack("[O]", c);
	int rc = add_details(db, list);
	json_decref(list);
	if (rc != 0) {
		json_decref(c);
		return NULL;
	}
	return c;
}

static const char *const insert_fields[] = {"school_id", "student_id", "kind", "ground", "grade", "starts_on",
					    "ends_on", "returns_on", "visa_required", "studied_in_inpatient",
					    "foreign_school", "representative_mobile", "representative_email",
					    "student_email", "filed_on", "filed_by", NULL};

int movement_case_insert(struct db *db, json_t *rec, int64_t user_id, int64_t *id_out)
{
	json_object_set_new(rec, "filed_by", user_id ? json_integer(user_id) : json_null());
	int rc = row_write(db,
		"INSERT INTO movement_cases (school_id, student_id, kind, ground, grade, starts_on, ends_on, returns_on,"
		" visa_required, studied_in_inpatient, foreign_school, representative_mobile, representative_email,"
		" student_email, filed_on, filed_by, status, filed_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8,"
		" COALESCE($9, 0), COALESCE($10, 0), $11, $12, $13, $14, $15, $16, 'filed', $17, $17) RETURNING id",
		rec, insert_fields, 0, id_out);
	size_t i;
	json_t *d;
	json_array_foreach(json_object_get(rec, "documents"), i, d) {
		if (rc < 0)
			break;
		rc = db_run(db, "INSERT INTO movement_case_documents (case_id, document) VALUES ($1, $2)", "is", *id_out,
			    json_string_value(d));
	}
	return rc < 0 ? rc : DB_OK;
}

static const char *obj_text(json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

int movement_case_save(struct db *db, int64_t id, json_t *rec, const char *step, int64_t user_id)
{
	char now[21];
	db_now_utc(now);
	json_t *dec = json_object_get(rec, "decision"), *ord = json_object_get(rec, "order");
	json_t *approved = json_object_get(dec, "approved");
	struct db_stmt *st = db_prepare(db,
		"UPDATE movement_cases SET status = $1, documents_checked_on = $2, decided_on = $3, protocol_number = $4,"
		" approved = $5, council = $6, order_number = $7, ordered_on = $8, effective_from = $9,"
		" effective_to = $10, done_on = $11, updated_at = $12,"
		" documents_checked_by = CASE WHEN $13 = 'documents_checked' THEN NULLIF($14, 0) ELSE documents_checked_by END,"
		" decided_by = CASE WHEN $13 = 'decision' THEN NULLIF($14, 0) ELSE decided_by END,"
		" ordered_by = CASE WHEN $13 = 'order' THEN NULLIF($14, 0) ELSE ordered_by END"
		" WHERE id = $15");
	if (!st)
		return DB_ERROR;
	db_bind_text(st, 1, obj_text(rec, "status"));
	db_bind_text(st, 2, obj_text(rec, "documents_checked_on"));
	db_bind_text(st, 3, obj_text(dec, "date"));
	db_bind_text(st, 4, obj_text(dec, "protocol_number"));
	if (json_is_boolean(approved))
		db_bind_int64(st, 5, json_is_true(approved));
	else
		db_bind_null(st, 5);
	db_bind_text(st, 6, obj_text(dec, "council"));
	db_bind_text(st, 7, obj_text(ord, "number"));
	db_bind_text(st, 8, obj_text(ord, "date"));
	db_bind_text(st, 9, obj_text(ord, "starts_on"));
	db_bind_text(st, 10, obj_text(ord, "ends_on"));
	db_bind_text(st, 11, obj_text(rec, "done_on"));
	db_bind_text(st, 12, now);
	db_bind_text(st, 13, step);
	db_bind_int64(st, 14, user_id);
	db_bind_int64(st, 15, id);
	int rc = db_step(st);
	db_done(st);
	return rc < 0 ? rc : DB_OK;
}

/* {"id", "role", "last_name", "first_name"} of the user at columns col..col+3, or null. */
static json_t *actor_at(struct db_stmt *st, int col)
{
	if (db_col_is_null(st, col))
		return json_null();
	return json_pack("{s:o, s:o, s:o, s:o}", "id", row_int(st, col), "role", row_text(st, col + 1), "last_name",
			 row_text(st, col + 2), "first_name", row_text(st, col + 3));
}

static json_t *actors_row(struct db_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o}", "filed", actor_at(st, 0), "documents_checked", actor_at(st, 4),
			 "decided", actor_at(st, 8), "ordered", actor_at(st, 12));
}

#define ACTOR_JOIN(a, col) \
	" LEFT JOIN users " a "u ON " a "u.id = m." col " LEFT JOIN persons " a "p ON " a "p.id = " a "u.person_id"

/* Adds "actors" to each case of the list: who took each step (the pages show it). 0, or -1. */
static int add_actors(struct db *db, json_t *cases)
{
	size_t i;
	json_t *c;
	json_array_foreach(cases, i, c) {
		json_t *a = row_get_one(db,
			"SELECT fu.id, fu.role, fp.last_name, fp.first_name, cu.id, cu.role, cp.last_name, cp.first_name,"
			" du.id, du.role, dp.last_name, dp.first_name, ou.id, ou.role, op.last_name, op.first_name"
			" FROM movement_cases m" ACTOR_JOIN("f", "filed_by") ACTOR_JOIN("c", "documents_checked_by")
			ACTOR_JOIN("d", "decided_by") ACTOR_JOIN("o", "ordered_by") " WHERE m.id = $1",
			json_integer_value(json_object_get(c, "id")), actors_row);
		if (!a)
			return -1;
		json_object_set_new(c, "actors", a);
	}
	return 0;
}

int movement_case_add_actors(struct db *db, json_t *c)
{
	json_t *list = json_pack("[O]", c);
	int rc = add_actors(db, list);
	json_decref(list);
	return rc;
}

json_t *movement_cases_of_student(struct db *db, int64_t student_id)
{
	json_t *list = row_list(db, "SELECT " CASE_COLUMNS " FROM movement_cases m WHERE m.student_id = $1"
				    " ORDER BY m.id DESC", student_id, case_row);
	if (list && (add_details(db, list) != 0 || add_actors(db, list) != 0)) {
		json_decref(list);
		return NULL;
	}
	return list;
}

static json_t *school_case_row(struct db_stmt *st)
{
	json_t *c = case_row(st);
	int k = CASE_COLUMN_COUNT;
	json_t *cls = json_null();
	if (!db_col_is_null(st, k + 4)) {
		char label[32];
		snprintf(label, sizeof label, "%lld%s", (long long)db_col_int64(st, k + 4),
			 db_col_text(st, k + 5) ? db_col_text(st, k + 5) : "");
		cls = json_string(label);
	}
	json_object_set_new(c, "student", json_pack("{s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, 2), "last_name",
						    row_text(st, k), "first_name", row_text(st, k + 1), "middle_name",
						    row_text(st, k + 2), "class", cls));
	json_object_set_new(c, "funding", row_text(st, k + 3));
	return c;
}

json_t *movement_cases_of_school(struct db *db, int64_t school_id)
{
	json_t *list = row_list(db,
		"SELECT " CASE_COLUMNS ", p.last_name, p.first_name, p.middle_name, s.funding, c.grade, c.letter"
		" FROM movement_cases m JOIN students s ON s.id = m.student_id JOIN persons p ON p.id = s.person_id"
		" LEFT JOIN classes c ON c.id = s.class_id"
		" WHERE m.school_id = $1 AND m.status NOT IN ('refused', 'withdrawn') ORDER BY m.id",
		school_id, school_case_row);
	if (list && add_details(db, list) != 0) {
		json_decref(list);
		return NULL;
	}
	return list;
}

int movement_externships_granted(struct db *db, int64_t student_id)
{
	int64_t n = 0;
	int rc = db_query_int64(db, &n, "SELECT COUNT(*) FROM movement_cases WHERE student_id = $1"
					" AND kind = 'externship' AND status IN ('ordered', 'done')", "i", student_id);
	return rc == DB_ROW ? (int)n : -1;
}

#define BOOK_SELECT \
	"SELECT b.id, b.status, b.starts_on, b.ends_on, b.planned_ends_on, b.case_id, m.kind, b.order_number," \
	" b.ordered_on, b.created_at FROM student_movements b LEFT JOIN movement_cases m ON m.id = b.case_id"

static json_t *book_row(struct db_stmt *st)
{
	json_t *e = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id", row_int(st, 0), "status", row_text(st, 1),
			      "starts_on", row_text(st, 2), "ends_on", row_text(st, 3), "planned_ends_on",
			      row_text(st, 4), "case_id", row_int(st, 5), "kind", row_text(st, 6));
	json_object_set_new(e, "order", db_col_is_null(st, 8) ? json_null()
		: json_pack("{s:o, s:o}", "number", row_text(st, 7), "date", row_text(st, 8)));
	json_object_set_new(e, "created_at", row_text(st, 9));
	return e;
}

json_t *movement_book(struct db *db, int64_t student_id)
{
	return row_list(db, BOOK_SELECT " WHERE b.student_id = $1 ORDER BY b.id", student_id, book_row);
}

json_t *movement_book_current(struct db *db, int64_t student_id)
{
	return row_get_one(db, BOOK_SELECT " WHERE b.student_id = $1 AND b.ends_on IS NULL ORDER BY b.id DESC LIMIT 1",
			   student_id, book_row);
}

int movement_book_move(struct db *db, int64_t student_id, int64_t school_id, const char *from_status,
		       const char *status, const char *starts_on, const char *planned_ends_on,
		       int64_t case_id, const char *order_number, const char *ordered_on, int64_t user_id,
		       const char *today)
{
	char now[21], eve[DATE_TEXT_SIZE];
	db_now_utc(now);
	struct date first;
	if (date_parse(starts_on, &first) != 0 || date_format(date_add_days(first, -1), eve) != 0)
		return DB_ERROR;
	/* an order already waiting to start on or after this one's first day: ending its
	 * row the day before this one would make it end before it starts */
	int64_t later = 0;
	int rc = db_query_int64(db, &later, "SELECT COUNT(*) FROM student_movements WHERE student_id = $1"
					    " AND ends_on IS NULL AND order_number IS NOT NULL AND starts_on >= $2",
				"is", student_id, starts_on);
	if (rc == DB_ROW && later > 0)
		return DB_CONSTRAINT;
	int64_t open = 0;
	if (rc >= 0)
		rc = db_query_int64(db, &open, "SELECT COUNT(*) FROM student_movements WHERE student_id = $1", "i",
				    student_id);
	if (rc == DB_ROW && open == 0)
		/* the book begins: the status held since the enrolment */
		rc = db_run(db, "INSERT INTO student_movements (student_id, school_id, status, starts_on, created_by,"
				" created_at) SELECT id, school_id, $2, enrolled_on, NULLIF($3, 0), $4 FROM students"
				" WHERE id = $1", "isis", student_id, from_status, user_id, now);
	if (rc >= 0)
		rc = db_run(db, "UPDATE student_movements SET ends_on = $2 WHERE student_id = $1 AND ends_on IS NULL",
			    "is", student_id, eve);
	if (rc >= 0)
		rc = db_run(db, "INSERT INTO student_movements (student_id, school_id, status, starts_on, planned_ends_on,"
				" case_id, order_number, ordered_on, created_by, created_at)"
				" VALUES ($1, $2, $3, $4, $5, NULLIF($6, 0), $7, $8, NULLIF($9, 0), $10)", "iisssissis", student_id,
			    school_id, status, starts_on, planned_ends_on, case_id, order_number, ordered_on, user_id, now);
	if (rc >= 0 && strcmp(starts_on, today) <= 0)
		rc = db_run(db, "UPDATE students SET status = $2, updated_at = $3 WHERE id = $1", "iss", student_id, status,
			    now);
	return rc < 0 ? rc : DB_OK;
}

int movement_status_ordered(struct db *db, int64_t student_id, char out[24], char since[DATE_TEXT_SIZE])
{
	struct db_stmt *st = db_prepare(db, "SELECT COALESCE(b.status, s.status), CASE WHEN b.order_number IS NULL"
					    " THEN '' ELSE b.starts_on END FROM students s LEFT JOIN student_movements b"
					    " ON b.student_id = s.id AND b.ends_on IS NULL WHERE s.id = $1");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, student_id);
	int rc = db_step(st);
	if (rc == DB_ROW) {
		snprintf(out, 24, "%s", db_col_text(st, 0) ? db_col_text(st, 0) : "");
		snprintf(since, DATE_TEXT_SIZE, "%s", db_col_text(st, 1) ? db_col_text(st, 1) : "");
	}
	db_done(st);
	return rc == DB_ROW ? DB_OK : rc;
}

/* The book's row of day $1 for the student of the outer query. */
#define ROW_OF_THE_DAY \
	" FROM student_movements b WHERE b.student_id = students.id AND b.starts_on <= $1" \
	" AND (b.ends_on IS NULL OR b.ends_on >= $1)"

int movement_statuses_catch_up(struct db *db, const char *today)
{
	char now[21];
	db_now_utc(now);
	int rc = db_run(db, "UPDATE students SET status = (SELECT b.status" ROW_OF_THE_DAY " ORDER BY b.id DESC LIMIT 1),"
			    " updated_at = $2 WHERE EXISTS (SELECT 1" ROW_OF_THE_DAY " AND b.status <> students.status)",
			"ss", today, now);
	return rc < 0 ? rc : DB_OK;
}

int movement_duty_record(struct db *db, int64_t case_id, const char *code, const char *period,
			 const char *done_on, int64_t user_id)
{
	char now[21];
	db_now_utc(now);
	int rc = db_run(db, "INSERT INTO movement_duties (case_id, code, period, done_on, done_by, done_at)"
			    " VALUES ($1, $2, $3, $4, NULLIF($5, 0), $6)", "isssis", case_id, code, period ? period : "",
			done_on, user_id, now);
	return rc < 0 ? rc : DB_OK;
}

int movement_copy_receive(struct db *db, int64_t case_id, const char *on, int64_t user_id)
{
	int64_t id = 0;
	int rc = db_query_int64(db, &id, "UPDATE movement_duties SET received_on = $2, received_by = NULLIF($3, 0)"
					 " WHERE case_id = $1 AND code = 'contingent_copy' RETURNING id",
				"isi", case_id, on, user_id);
	return rc == DB_ROW ? DB_OK : rc;
}

static json_t *inbox_row(struct db_stmt *st)
{
	json_t *c = school_case_row(st);
	int k = CASE_COLUMN_COUNT + 6;
	json_object_set_new(json_object_get(c, "student"), "language", row_text(st, k));
	json_object_set_new(c, "school", json_pack("{s:o, s:o, s:o}", "id", row_int(st, 1), "code",
						   row_text(st, k + 1), "name", row_names(st, k + 2)));
	json_object_set_new(c, "sent_on", row_text(st, k + 5));
	json_object_set_new(c, "received_on", row_text(st, k + 6));
	return c;
}

json_t *movement_contingent_inbox(struct db *db, int64_t school_id, const char *from, const char *to)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT " CASE_COLUMNS ", p.last_name, p.first_name, p.middle_name, s.funding, c.grade, c.letter,"
		" c.language, sc.code, sc.name_kk, sc.name_ru, sc.name_en, d.done_on, d.received_on"
		" FROM movement_duties d JOIN movement_cases m ON m.id = d.case_id"
		" JOIN students s ON s.id = m.student_id JOIN persons p ON p.id = s.person_id"
		" LEFT JOIN classes c ON c.id = s.class_id JOIN schools sc ON sc.id = m.school_id"
		" WHERE d.code = 'contingent_copy' AND ($1 = 0 OR m.school_id = $1)"
		" AND ($2 = '' OR d.done_on >= $2) AND ($3 = '' OR d.done_on <= $3)"
		" ORDER BY d.done_on DESC, m.id DESC");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, school_id);
	db_bind_text(st, 2, from ? from : "");
	db_bind_text(st, 3, to ? to : "");
	json_t *list = row_collect(st, inbox_row);
	if (list && add_details(db, list) != 0) {
		json_decref(list);
		return NULL;
	}
	return list;
}

int movement_school_programme(struct db *db, int64_t school, char out[8])
{
	struct db_stmt *st = db_prepare(db, "SELECT programme FROM schools WHERE id = $1");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, school);
	int rc = db_step(st);
	snprintf(out, 8, "%s", rc == DB_ROW && db_col_text(st, 0) ? db_col_text(st, 0) : "nis");
	db_done(st);
	return rc == DB_ROW ? DB_OK : rc < 0 ? rc : DB_ERROR;
}
