/* year_end (api) — the end of a school year for a class and a student leaving the
 * school (issue 7: ASM-3, DOC-1, EXT-12). The director records, for the whole class list,
 * the Pedagogical council's decision and the order that carries it out: each student is
 * promoted to the next grade (moving into the class of the next academic year with the
 * same letter, made when it does not exist yet) or not (the same grade, next year), and
 * grades 10 and 12 graduate with their certificate (DOC-1) into the movement book. Every
 * rule is core's movement_year_end(); a refusal lists every problem of every student and
 * writes nothing. docs/movement.md, "The year's end". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/handlers.h"
#include "api/movement.h"
#include "core/date.h"
#include "core/movement.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/movement.h"
#include "store/org.h"
#include "store/people.h"
#include "store/year_end.h"

#define YEAR_END_MAX_STUDENTS 60 /* a class list, with room to spare */

static const struct field_spec council_fields[] = {
	{.name = "date", .type = FIELD_DATE, .required = 1},
	{.name = "protocol_number", .type = FIELD_STRING, .required = 1, .max_len = 50},
	{.name = NULL},
};

static const struct field_spec order_fields[] = {
	{.name = "number", .type = FIELD_STRING, .required = 1, .max_len = 50},
	{.name = "date", .type = FIELD_DATE, .required = 1},
	{.name = NULL},
};

static const char *const decisions[] = {"promoted", "not_promoted", NULL};

static const struct field_spec student_fields[] = {
	{.name = "student_id", .type = FIELD_ID, .required = 1},
	{.name = "decision", .type = FIELD_ENUM, .required = 1, .values = decisions},
	{.name = "external_assessment_passed", .type = FIELD_BOOL},
	{.name = "continues_to_grade_11", .type = FIELD_BOOL},
	{.name = "foreign_transcript", .type = FIELD_BOOL},
	{.name = NULL},
};

static const struct field_spec year_end_fields[] = {
	{.name = "council", .type = FIELD_OBJECT, .required = 1, .fields = council_fields},
	{.name = "order", .type = FIELD_OBJECT, .required = 1, .fields = order_fields},
	{.name = "students", .type = FIELD_LIST, .required = 1, .max_len = YEAR_END_MAX_STUDENTS,
	 .fields = student_fields},
	{.name = NULL},
};

static const char *text_in(json_t *o, const char *object, const char *key)
{
	return json_string_value(json_object_get(json_object_get(o, object), key));
}

/* The dates of a step: not after today, and the order not before the council. */
static void check_dates(struct req *rq, struct date council, struct date order)
{
	struct date today = api_today();
	if (date_compare(council, today) > 0)
		reply_add_error(rq, "date_in_future", "ASM-3", "council.date");
	if (date_compare(order, today) > 0)
		reply_add_error(rq, "date_in_future", "ASM-3", "order.date");
	if (date_compare(order, council) < 0)
		reply_add_error(rq, "order_before_council", "ASM-3", "order.date");
}

/* One student of the class as the year end sees them. */
struct listed {
	int64_t id;
	enum student_status status;
	int decided;       /* listed in the request */
	int ext_this_year; /* EXT-12: an externship of theirs ended (or ends) in the year */
	int transcript_on_file;
};

/* The class's students who still study there (studying, on externship or on leave). */
static int class_students(struct db *db, int64_t class_id, int64_t year_id, struct listed *out, size_t cap,
			  size_t *n)
{
	struct db_stmt *st = db_prepare(
		db, "SELECT s.id, s.status,"
		    " (SELECT COUNT(*) FROM student_movements m JOIN academic_years y ON y.id = $2"
		    "  WHERE m.student_id = s.id AND m.status = 'externship'"
		    "  AND COALESCE(m.ends_on, m.planned_ends_on) BETWEEN y.starts_on AND y.ends_on),"
		    " (SELECT COUNT(*) FROM movement_case_documents d JOIN movement_cases c ON c.id = d.case_id"
		    "  WHERE c.student_id = s.id AND d.document = 'foreign_transcript')"
		    " FROM students s WHERE s.class_id = $1 AND s.status IN ('studying', 'externship', 'academic_leave')"
		    " ORDER BY s.id");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, class_id);
	db_bind_int64(st, 2, year_id);
	int rc;
	*n = 0;
	while ((rc = db_step(st)) == DB_ROW && *n < cap) {
		out[*n] = (struct listed){
			.id = db_col_int64(st, 0),
			.status = student_status_from_code(db_col_text(st, 1)),
			.ext_this_year = db_col_int64(st, 2) > 0,
			.transcript_on_file = db_col_int64(st, 3) > 0,
		};
		(*n)++;
	}
	db_done(st);
	return rc < 0 ? rc : DB_OK;
}

static struct listed *find_listed(struct listed *list, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (list[i].id == id)
			return &list[i];
	return NULL;
}

/* core's field for the API's, under students[i]. */
static void add_student_problem(struct req *rq, size_t i, const struct movement_problem *p)
{
	const char *field = p->field[0] ? p->field : NULL;
	if (field && strcmp(field, "documents.foreign_transcript") == 0)
		field = "foreign_transcript";
	char path[96];
	if (field)
		snprintf(path, sizeof path, "students[%zu].%s", i, field);
	else
		snprintf(path, sizeof path, "students[%zu]", i);
	reply_add_error(rq, p->code, p->rule && *p->rule ? p->rule : NULL, path);
}

static const char *decision_code(enum movement_year_decision d)
{
	return d == YEAR_PROMOTED ? "promoted" : "not_promoted";
}

/* Carries out one student's result: the movement book for a graduate, the class of the
 * next year otherwise; then the decision's row and the student's audit entry. DB_OK or rc. */
static int carry_out(struct req *rq, json_t *cls, int64_t next_year, const struct listed *s,
		     enum movement_year_decision decision, const struct year_end_result *res, int *classes_made)
{
	int64_t school = json_integer_value(json_object_get(cls, "school_id"));
	const char *council_date = text_in(rq->json, "council", "date");
	const char *order_no = text_in(rq->json, "order", "number"), *order_date = text_in(rq->json, "order", "date");
	struct year_end_record r = {
		.school_id = school,
		.student_id = s->id,
		.from_class_id = json_integer_value(json_object_get(cls, "id")),
		.from_grade = (int)json_integer_value(json_object_get(cls, "grade")),
		.decision = decision_code(decision),
		.status_after = student_status_code(res->status),
		.certificate = movement_certificate_code(res->certificate),
		.council_date = council_date,
		.council_protocol = text_in(rq->json, "council", "protocol_number"),
		.order_number = order_no,
		.order_date = order_date,
		.user_id = rq->user.id,
	};
	int rc;
	if (res->status == STUDENT_GRADUATED) {
		char today[DATE_TEXT_SIZE];
		date_format(api_today(), today);
		rc = movement_book_move(rq->db, s->id, school, student_status_code(s->status), "graduated", order_date,
					NULL, 0, order_no, order_date, rq->user.id, today);
	} else {
		int made = 0;
		char now[21];
		db_now_utc(now);
		rc = year_end_class_in(rq->db, school, next_year, res->grade,
				       json_string_value(json_object_get(cls, "letter")),
				       json_string_value(json_object_get(cls, "language")), &r.to_class_id, &made);
		*classes_made += made;
		r.to_grade = res->grade;
		if (rc == DB_OK)
			rc = db_run(rq->db, "UPDATE students SET class_id = $2, updated_at = $3 WHERE id = $1", "iis", s->id,
				    r.to_class_id, now);
		rc = rc < 0 ? rc : DB_OK;
	}
	if (rc == DB_OK)
		rc = year_end_insert(rq->db, &r);
	if (rc != DB_OK)
		return rc;
	/* the student's own audit trail: status and class before and after */
	json_t *before = json_pack("{s:s, s:I}", "status", student_status_code(s->status), "class_id",
				   (json_int_t)r.from_class_id);
	json_t *after = json_pack("{s:s, s:o, s:s?}", "status", r.status_after, "class_id",
				  r.to_class_id ? json_integer(r.to_class_id) : json_null(), "certificate", r.certificate);
	rc = audit_record(rq->db, rq->user.id, school, "year_end", "student", s->id, before, after);
	json_decref(before);
	json_decref(after);
	return rc;
}

/* The class (404), and the caller's right to it (403): the class, or NULL with the reply
 * sent. */
static json_t *class_for(struct req *rq, int write)
{
	json_t *cls = classes_get(rq->db, rq->params[0]);
	if (!cls) {
		if (rq->db->lost)
			reply_db_failure(rq);
		else
			reply_error(rq, 404, "not_found", NULL, NULL);
		return NULL;
	}
	int64_t school = json_integer_value(json_object_get(cls, "school_id"));
	if (!(write ? rights_write_school(rq, school) : rights_read_school(rq, school))) {
		json_decref(cls);
		reply_error(rq, 403, "forbidden", NULL, NULL);
		return NULL;
	}
	return cls;
}

/* GET /classes/{id}/year-end: what was decided for the class ({"decided": false} and an
 * empty list before), and the next academic year its students move into. */
int api_class_year_end_get(struct req *rq)
{
	json_t *cls = class_for(rq, 0);
	if (!cls)
		return rq->status;
	int64_t next = 0;
	json_t *list = year_end_next_year(rq->db, json_integer_value(json_object_get(cls, "academic_year_id")),
					  &next) == DB_OK
			       ? year_end_of_class(rq->db, rq->params[0])
			       : NULL;
	json_decref(cls);
	if (!list)
		return reply_db_failure(rq);
	return reply_json(rq, 200, json_pack("{s:I, s:b, s:o, s:o}", "class_id", (json_int_t)rq->params[0], "decided",
					     json_array_size(list) > 0, "next_year_id",
					     next ? json_integer(next) : json_null(), "decisions", list));
}

/* POST /classes/{id}/year-end {council, order, students: [{student_id, decision, …}]} */
int api_class_year_end(struct req *rq)
{
	json_t *cls = class_for(rq, 1);
	if (!cls)
		return rq->status;
	if (validate_body(rq, year_end_fields, VALIDATE_CREATE)) {
		json_decref(cls);
		return reply_errors(rq, 422);
	}
	struct date council = {0}, order = {0};
	date_parse(text_in(rq->json, "council", "date"), &council);
	date_parse(text_in(rq->json, "order", "date"), &order);
	check_dates(rq, council, order);

	int64_t year = json_integer_value(json_object_get(cls, "academic_year_id"));
	int grade = (int)json_integer_value(json_object_get(cls, "grade"));
	struct listed list[YEAR_END_MAX_STUDENTS * 2];
	size_t n = 0;
	int64_t decided = 0, next_year = 0;
	if (db_begin_write(rq->db) != DB_OK) {
		json_decref(cls);
		return reply_db_failure(rq);
	}
	if (db_query_int64(rq->db, &decided, "SELECT COUNT(*) FROM year_end_decisions WHERE from_class_id = $1", "i",
			   rq->params[0]) != DB_ROW ||
	    class_students(rq->db, rq->params[0], year, list, sizeof list / sizeof list[0], &n) != DB_OK ||
	    year_end_next_year(rq->db, year, &next_year) != DB_OK) {
		json_decref(cls);
		return api_rollback_errors(rq, 500);
	}
	if (decided) {
		json_decref(cls);
		reply_add_error(rq, "year_end_decided", "ASM-3", NULL);
		return api_rollback_errors(rq, 422);
	}

	/* every student's result, every problem at once */
	json_t *students = json_object_get(rq->json, "students");
	size_t count = json_array_size(students), i;
	struct year_end_result results[YEAR_END_MAX_STUDENTS];
	enum movement_year_decision chosen[YEAR_END_MAX_STUDENTS];
	const struct listed *who[YEAR_END_MAX_STUDENTS];
	int needs_next_year = 0;
	json_t *s;
	json_array_foreach(students, i, s) {
		char path[64];
		snprintf(path, sizeof path, "students[%zu].student_id", i);
		struct listed *l = find_listed(list, n, json_integer_value(json_object_get(s, "student_id")));
		who[i] = l;
		if (!l) {
			reply_add_error(rq, "student_not_in_class", "ASM-3", path);
			continue;
		}
		if (l->decided++) {
			reply_add_error(rq, "duplicate_student", "ASM-3", path);
			continue;
		}
		chosen[i] = strcmp(json_string_value(json_object_get(s, "decision")), "promoted") == 0 ? YEAR_PROMOTED
												 : YEAR_NOT_PROMOTED;
		json_t *transcript = json_object_get(s, "foreign_transcript");
		struct year_end_case y = {
			.status = l->status,
			.grade = grade,
			.decision = chosen[i],
			.external_assessment_passed = json_is_true(json_object_get(s, "external_assessment_passed")),
			.continues_to_grade_11 = json_is_true(json_object_get(s, "continues_to_grade_11")),
			.externship_ended_this_year = l->ext_this_year,
			.foreign_transcript = json_is_boolean(transcript) ? json_is_true(transcript) : l->transcript_on_file,
		};
		struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
		size_t np = movement_year_end(&y, &results[i], p, MOVEMENT_MAX_PROBLEMS);
		for (size_t k = 0; k < np && k < MOVEMENT_MAX_PROBLEMS; k++)
			add_student_problem(rq, i, &p[k]);
		if (!np && results[i].status != STUDENT_GRADUATED)
			needs_next_year = 1;
	}
	for (i = 0; i < n; i++)
		if (!list[i].decided) {
			reply_add_error(rq, "student_not_decided", "ASM-3", "students");
			break;
		}
	if (needs_next_year && !next_year)
		reply_add_error(rq, "next_year_missing", "ASM-3", NULL);
	if (reply_has_errors(rq)) {
		json_decref(cls);
		return api_rollback_errors(rq, 422);
	}

	int made = 0, rc = DB_OK;
	for (i = 0; i < count && rc == DB_OK; i++)
		rc = carry_out(rq, cls, next_year, who[i], chosen[i], &results[i], &made);
	json_t *after = rc == DB_OK ? year_end_of_class(rq->db, rq->params[0]) : NULL;
	int64_t school = json_integer_value(json_object_get(cls, "school_id"));
	json_decref(cls);
	if (!after || audit_record(rq->db, rq->user.id, school, "year_end", "class", rq->params[0], NULL, after) != DB_OK) {
		json_decref(after);
		if (rc == DB_CONSTRAINT)
			reply_add_error(rq, "conflict", NULL, NULL);
		return api_rollback_errors(rq, rc == DB_CONSTRAINT ? 409 : 500);
	}
	return api_commit_reply(rq, 201, json_pack("{s:I, s:b, s:I, s:i, s:o}", "class_id", (json_int_t)rq->params[0],
						   "decided", 1, "next_year_id", (json_int_t)next_year, "classes_made",
						   made, "decisions", after));
}

static const struct field_spec leaving_fields[] = {
	{.name = "number", .type = FIELD_STRING, .required = 1, .max_len = 50},
	{.name = "date", .type = FIELD_DATE, .required = 1},
	{.name = "leaves_on", .type = FIELD_DATE, .required = 1},
	{.name = "reason", .type = FIELD_STRING, .max_len = 500},
	{.name = NULL},
};

/* POST /students/{id}/leaving {number, date, leaves_on, reason}: the director's order by
 * which the student leaves the school; from leaves_on the movement book says "left". */
int api_student_leaving(struct req *rq)
{
	json_t *student = students_get(rq->db, rq->params[0]);
	if (!student)
		return rq->db->lost ? reply_db_failure(rq) : reply_error(rq, 404, "not_found", NULL, NULL);
	int64_t school = json_integer_value(json_object_get(student, "school_id"));
	enum student_status from;
	int lost = movement_status_of(rq->db, rq->params[0], &from) != 0;
	json_decref(student);
	if (lost)
		return reply_db_failure(rq);
	if (!rights_write_school(rq, school))
		return reply_error(rq, 403, "forbidden", NULL, NULL);
	if (validate_body(rq, leaving_fields, VALIDATE_CREATE))
		return reply_errors(rq, 422);
	struct date on = {0};
	date_parse(body_str(rq, "date"), &on);
	if (date_compare(on, api_today()) > 0)
		reply_add_error(rq, "date_in_future", NULL, "date");
	struct movement_problem p[MOVEMENT_MAX_PROBLEMS];
	size_t np = movement_status_check(from, EVENT_LEAVING, p, MOVEMENT_MAX_PROBLEMS);
	for (size_t k = 0; k < np && k < MOVEMENT_MAX_PROBLEMS; k++)
		reply_add_error(rq, p[k].code, p[k].rule && *p[k].rule ? p[k].rule : NULL, "status");
	if (!np && movement_order_after_ordered(rq, rq->params[0], body_str(rq, "leaves_on"), "leaves_on") != 0)
		return reply_db_failure(rq);
	if (reply_has_errors(rq))
		return reply_errors(rq, 422);
	if (db_begin_write(rq->db) != DB_OK)
		return reply_db_failure(rq);
	char today[DATE_TEXT_SIZE];
	date_format(api_today(), today);
	int rc = movement_book_move(rq->db, rq->params[0], school, student_status_code(from), "left",
				    body_str(rq, "leaves_on"), NULL, 0, body_str(rq, "number"), body_str(rq, "date"),
				    rq->user.id, today);
	json_t *before = json_pack("{s:s}", "status", student_status_code(from));
	json_t *after = json_pack("{s:s, s:s, s:s, s:s, s:s?}", "status", "left", "order_number", body_str(rq, "number"),
				  "ordered_on", body_str(rq, "date"), "leaves_on", body_str(rq, "leaves_on"), "reason",
				  body_str(rq, "reason"));
	if (rc == DB_OK)
		rc = audit_record(rq->db, rq->user.id, school, "leaving", "student", rq->params[0], before, after);
	json_decref(before);
	json_decref(after);
	json_t *current = rc == DB_OK ? movement_book_current(rq->db, rq->params[0]) : NULL;
	if (!current) {
		if (rc == DB_CONSTRAINT)
			reply_add_error(rq, "conflict", NULL, NULL);
		return api_rollback_errors(rq, rc == DB_CONSTRAINT ? 409 : 500);
	}
	return api_commit_reply(rq, 201, current);
}
